"""Withdrawing a submitted update before review, to fix a typo: the service and the view."""

import pytest
from django.urls import reverse

from pledges import services
from pledges.models import ProgressUpdate
from tests.factories import (
    PledgeFactory,
    ProgressUpdateFactory,
    SecretariatUserFactory,
)

pytestmark = pytest.mark.django_db
State = ProgressUpdate.State


def _submitted(organization=None, **kwargs):
    pledge = PledgeFactory(**({"lead_organization": organization} if organization else {}))
    update = ProgressUpdateFactory(pledge=pledge, **kwargs)
    return services.update_submit(update=update, version=update.version)


def test_withdraw_turns_a_submitted_update_back_into_a_draft():
    update = _submitted()
    withdrawn = services.update_withdraw(update=update, version=update.version)
    assert withdrawn.state == State.DRAFT
    assert withdrawn.submitted_at is None
    assert withdrawn.version == update.version + 1
    # It can be submitted again.
    again = services.update_submit(update=withdrawn, version=withdrawn.version)
    assert again.state == State.SUBMITTED


def test_withdrawing_a_resubmitted_update_keeps_the_secretariats_comment_in_view():
    update = _submitted()
    returned = services.update_return(
        update=update, reviewer=SecretariatUserFactory(), comment="Add the numbers."
    )
    resubmitted = services.update_submit(update=returned, version=returned.version)
    withdrawn = services.update_withdraw(update=resubmitted, version=resubmitted.version)
    assert withdrawn.state == State.RETURNED
    assert withdrawn.review_comment == "Add the numbers."


@pytest.mark.parametrize("state", [State.DRAFT, State.RETURNED, State.PUBLISHED])
def test_only_an_update_waiting_for_review_can_be_withdrawn(state):
    update = ProgressUpdateFactory(
        state=state, **({"published": True} if state == State.PUBLISHED else {})
    )
    with pytest.raises(services.TransitionNotAllowed):
        services.update_withdraw(update=update, version=update.version)
    update.refresh_from_db()
    assert update.state == state


def test_withdraw_from_an_old_page_is_refused():
    update = _submitted()
    with pytest.raises(services.StaleUpdate):
        services.update_withdraw(update=update, version=update.version - 1)


def _withdraw(client, update, version=None):
    return client.post(
        reverse("pledges:update_withdraw", args=[update.pk]),
        {"version": update.version if version is None else version},
    )


def test_editor_withdraws_and_lands_on_the_form(client, editor, organization):
    update = _submitted(organization)
    client.force_login(editor)
    response = _withdraw(client, update)
    assert response.url == reverse("pledges:update_edit", args=[update.pk])
    update.refresh_from_db()
    assert update.state == State.DRAFT
    page = client.get(response.url).content.decode()
    assert "withdrawn from the review" in page


def test_withdraw_is_post_only(client, editor, organization):
    update = _submitted(organization)
    client.force_login(editor)
    assert client.get(reverse("pledges:update_withdraw", args=[update.pk])).status_code == 405


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("outsider", 404), ("viewer", 403), ("secretariat", 403)],
)
def test_only_the_organizations_editors_can_withdraw(
    client, organization, outsider, viewer, secretariat, who, status
):
    update = _submitted(organization)
    users = {"outsider": outsider, "viewer": viewer, "secretariat": secretariat}
    if who in users:
        client.force_login(users[who])
    assert _withdraw(client, update).status_code == status
    update.refresh_from_db()
    assert update.state == State.SUBMITTED


def test_a_reviewed_update_cannot_be_withdrawn_from_the_view(client, editor, organization):
    update = _submitted(organization)
    services.update_publish(update=update, reviewer=SecretariatUserFactory())
    update.refresh_from_db()
    client.force_login(editor)
    response = _withdraw(client, update)
    assert response.url == reverse("dashboards:workspace")
    update.refresh_from_db()
    assert update.state == State.PUBLISHED
