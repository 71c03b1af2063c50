"""The admin's publish and return actions and corrections go through the services."""

import pytest
from django.urls import reverse

from tests.factories import IndicatorFactory, ProgressUpdateFactory
from tests.pledges.update_helpers import State

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:pledges_progressupdate_changelist")


def test_admin_publishes_submitted_updates_and_skips_the_others(client, secretariat):
    submitted = ProgressUpdateFactory(submitted=True, stage="fulfilled", progress=100)
    draft = ProgressUpdateFactory()
    client.force_login(secretariat)

    response = client.post(
        CHANGELIST,
        {"action": "publish_updates", "_selected_action": [submitted.pk, draft.pk]},
        follow=True,
    )

    html = response.content.decode()
    assert "1 update done." in html and "1 update was skipped" in html
    submitted.refresh_from_db()
    draft.refresh_from_db()
    assert (submitted.state, draft.state) == (State.PUBLISHED, State.DRAFT)
    submitted.pledge.refresh_from_db()
    assert submitted.pledge.current_stage == "fulfilled"


def test_admin_return_asks_for_a_comment_first(client, secretariat):
    update = ProgressUpdateFactory(submitted=True)
    client.force_login(secretariat)
    selection = {"action": "return_updates", "_selected_action": [update.pk]}

    page = client.post(CHANGELIST, selection)
    assert "Return updates with a comment" in page.content.decode()

    refused = client.post(CHANGELIST, {**selection, "apply": "1", "comment": " "})
    assert "a comment is required" in refused.content.decode()
    update.refresh_from_db()
    assert update.state == State.SUBMITTED

    client.post(CHANGELIST, {**selection, "apply": "1", "comment": "Add figures."})
    update.refresh_from_db()
    assert (update.state, update.review_comment) == (State.RETURNED, "Add figures.")


def test_admin_correction_of_a_published_update_moves_the_pledge_and_keeps_history(
    client, secretariat
):
    from pledges import services

    update = ProgressUpdateFactory(submitted=True, progress=50)
    IndicatorFactory(pledge=update.pledge)
    update = services.update_publish(update=update, reviewer=secretariat)
    client.force_login(secretariat)
    url = reverse("admin:pledges_progressupdate_change", args=[update.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {
        name: (value.pk if hasattr(value, "pk") else value)
        for name, value in form.initial.items()
        if name in form.fields and value is not None
    }
    data.update(
        {
            "progress": 70,
            "indicator_values-TOTAL_FORMS": 0,
            "indicator_values-INITIAL_FORMS": 0,
        }
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    update.refresh_from_db()
    update.pledge.refresh_from_db()
    assert (update.progress, update.pledge.current_progress) == (70, 70)
    assert update.history.filter(progress=50).exists()
    history = client.get(reverse("admin:pledges_progressupdate_history", args=[update.pk]))
    assert history.status_code == 200


def test_a_published_update_cannot_be_deleted_in_the_admin(client, secretariat, admin_user):
    update = ProgressUpdateFactory(published=True)
    client.force_login(admin_user)
    url = reverse("admin:pledges_progressupdate_delete", args=[update.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    update.refresh_from_db()


def test_admin_submits_only_for_organizations_the_user_edits(client, secretariat):
    from tests.factories import MembershipFactory

    own = ProgressUpdateFactory()
    MembershipFactory(user=secretariat, organization=own.organization, role="editor")
    other = ProgressUpdateFactory()
    client.force_login(secretariat)

    client.post(CHANGELIST, {"action": "submit_updates", "_selected_action": [own.pk, other.pk]})

    own.refresh_from_db()
    other.refresh_from_db()
    assert (own.state, other.state) == (State.SUBMITTED, State.DRAFT)
