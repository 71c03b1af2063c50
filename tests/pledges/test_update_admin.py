"""The admin changes progress updates only through the rules the services keep."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from pledges import services
from pledges.models import ProgressUpdate
from tests.admin_forms import admin_payload
from tests.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    MembershipFactory,
    PledgeFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    from accounts.models import User

    return User.objects.create_superuser("root", "root@example.org", "x-very-long-password-1")


def _change_url(update):
    return reverse("admin:pledges_progressupdate_change", args=[update.pk])


def test_a_draft_is_read_only_for_the_secretariat(client, secretariat):
    draft = ProgressUpdateFactory(achievements="The organization's own words")
    client.force_login(secretariat)
    form = client.get(_change_url(draft)).context["adminform"].form
    for name in ("achievements_ja", "achievements_en", "stage", "progress", "pledge", "author"):
        assert name not in form.fields


def test_a_published_update_is_corrected_but_keeps_its_pledge_and_organization(client, secretariat):
    update = ProgressUpdateFactory(published=True)
    client.force_login(secretariat)
    form = client.get(_change_url(update)).context["adminform"].form
    # Both languages side by side, so a missing translation can be added.
    assert {"achievements_ja", "achievements_en"} <= set(form.fields)
    assert "pledge" not in form.fields and "organization" not in form.fields


def test_indicator_values_offer_only_the_updates_own_pledge(client, secretariat):
    update = ProgressUpdateFactory(published=True)
    own = IndicatorFactory(pledge=update.pledge)
    IndicatorFactory(pledge=PledgeFactory())
    client.force_login(secretariat)
    formset = client.get(_change_url(update)).context["inline_admin_formsets"][0].formset
    assert list(formset.form.base_fields["indicator"].queryset) == [own]


def test_reverting_history_is_disabled(client, secretariat):
    update = ProgressUpdateFactory(submitted=True, achievements="Submitted text")
    update = services.update_publish(update=update, reviewer=secretariat)
    first = update.history.earliest()
    client.force_login(secretariat)
    url = reverse("admin:pledges_progressupdate_simple_history", args=[update.pk, first.pk])
    assert client.get(url).status_code == 200  # old versions can be read
    assert client.post(url, {"achievements": "Old text"}).status_code == 403
    update.refresh_from_db()
    assert update.state == "published"


def test_an_indicator_with_reported_values_cannot_be_deleted():
    value = IndicatorValueFactory()
    with pytest.raises(ProtectedError):
        value.indicator.delete()


# Every save path of the progress-update admin goes through the services ----------------


def _opened(client, update):
    response = client.get(_change_url(update))
    assert response.status_code == 200
    return response


def test_a_correction_bumps_the_version_once_and_the_pledge_follows(client, secretariat):
    update = ProgressUpdateFactory(published=True, progress=40)
    services.pledge_refresh_current_state(pledge=update.pledge)
    indicator = IndicatorFactory(pledge=update.pledge)
    value = IndicatorValueFactory(update=update, indicator=indicator, value=10)
    services.pledge_refresh_current_state(pledge=update.pledge)
    client.force_login(secretariat)
    payload = admin_payload(
        _opened(client, update),
        progress="70",
        achievements="Corrected text",
        **{"indicator_values-0-value": "25"},
    )
    response = client.post(_change_url(update), payload)
    assert response.status_code == 302, response.context["adminform"].form.errors
    update.refresh_from_db()
    assert (update.achievements, update.progress, update.version) == ("Corrected text", 70, 2)
    value.refresh_from_db()
    assert value.value == 25
    update.pledge.refresh_from_db()
    indicator.refresh_from_db()
    assert update.pledge.current_progress == 70
    assert indicator.actual == 25
    assert update.history.count() == 2  # the earlier text is kept


def test_removing_an_indicator_value_in_a_correction_clears_the_actual(client, superuser):
    # (The Secretariat group has no permission to delete indicator values.)
    update = ProgressUpdateFactory(published=True)
    indicator = IndicatorFactory(pledge=update.pledge)
    IndicatorValueFactory(update=update, indicator=indicator, value=10)
    services.pledge_refresh_current_state(pledge=update.pledge)
    client.force_login(superuser)
    payload = admin_payload(_opened(client, update), **{"indicator_values-0-DELETE": "on"})
    assert client.post(_change_url(update), payload).status_code == 302
    indicator.refresh_from_db()
    assert not update.indicator_values.exists()
    assert indicator.actual is None


def test_adding_an_indicator_value_in_a_correction(client, secretariat):
    update = ProgressUpdateFactory(published=True)
    indicator = IndicatorFactory(pledge=update.pledge)
    client.force_login(secretariat)
    payload = admin_payload(
        _opened(client, update),
        **{
            "indicator_values-TOTAL_FORMS": "1",
            "indicator_values-0-indicator": str(indicator.pk),
            "indicator_values-0-value": "7",
        },
    )
    assert client.post(_change_url(update), payload).status_code == 302
    update.refresh_from_db()
    indicator.refresh_from_db()
    assert update.version == 2
    assert indicator.actual == 7


def test_a_correction_of_a_version_changed_meanwhile_is_refused(client, secretariat):
    update = ProgressUpdateFactory(published=True, achievements="First")
    client.force_login(secretariat)
    payload = admin_payload(_opened(client, update), achievements="Mine")
    services.update_correct(update=update, version=None, content={"achievements": "Theirs"})
    response = client.post(_change_url(update), payload)
    assert response.status_code == 200
    assert "changed by someone else" in response.content.decode()
    update.refresh_from_db()
    assert update.achievements == "Theirs"


@pytest.mark.parametrize("state", ["draft", "submitted", "returned"])
def test_saving_an_unpublished_update_in_the_admin_changes_nothing(client, secretariat, state):
    update = ProgressUpdateFactory(state=state, achievements="Their words")
    client.force_login(secretariat)
    payload = admin_payload(_opened(client, update), achievements="Secretariat's words")
    assert client.post(_change_url(update), payload).status_code == 302
    update.refresh_from_db()
    assert (update.achievements, update.version, update.state) == ("Their words", 1, state)
    assert update.history.count() == 1


def _add_payload(client, pledge, **overrides):
    response = client.get(reverse("admin:pledges_progressupdate_add"))
    return admin_payload(
        response,
        pledge=str(pledge.pk),
        organization=str(pledge.lead_organization_id),
        stage="in_progress",
        progress="30",
        achievements="Added in the admin",
        **overrides,
    )


def test_an_update_added_in_the_admin_is_a_draft_made_by_the_service(client, superuser):
    pledge = PledgeFactory()
    MembershipFactory(user=superuser, organization=pledge.lead_organization, role="editor")
    indicator = IndicatorFactory(pledge=pledge)
    client.force_login(superuser)
    payload = _add_payload(
        client,
        pledge,
        **{
            "indicator_values-TOTAL_FORMS": "1",
            "indicator_values-0-indicator": str(indicator.pk),
            "indicator_values-0-value": "5",
        },
    )
    response = client.post(reverse("admin:pledges_progressupdate_add"), payload)
    assert response.status_code == 302, response.context["adminform"].form.errors
    update = ProgressUpdate.objects.get(pledge=pledge)
    assert (update.state, update.progress, update.version) == ("draft", 30, 1)
    assert update.indicator_values.get().value == 5


def test_a_second_open_update_cannot_be_added_in_the_admin(client, superuser):
    existing = ProgressUpdateFactory()
    MembershipFactory(user=superuser, organization=existing.organization, role="editor")
    client.force_login(superuser)
    payload = _add_payload(client, existing.pledge)
    response = client.post(reverse("admin:pledges_progressupdate_add"), payload)
    assert response.status_code == 200
    assert "already has an update in progress" in response.content.decode()
    assert ProgressUpdate.objects.filter(pledge=existing.pledge).count() == 1


def test_only_an_editor_of_the_organization_adds_its_update_in_the_admin(client, superuser):
    pledge = PledgeFactory()
    client.force_login(superuser)
    response = client.post(
        reverse("admin:pledges_progressupdate_add"), _add_payload(client, pledge)
    )
    assert response.status_code == 200
    assert "Only an editor of" in response.content.decode()
    assert not ProgressUpdate.objects.filter(pledge=pledge).exists()


def test_the_secretariat_cannot_add_updates_in_the_admin(client, secretariat):
    client.force_login(secretariat)
    assert client.get(reverse("admin:pledges_progressupdate_add")).status_code == 403


# The life-cycle actions refuse what the services refuse, and say so ------------------


def _run(client, action, update, **extra):
    return client.post(
        reverse("admin:pledges_progressupdate_changelist"),
        {"action": action, "_selected_action": [update.pk], **extra},
        follow=True,
    )


def test_publishing_a_draft_in_the_admin_is_skipped_with_a_message(client, secretariat):
    draft = ProgressUpdateFactory()
    client.force_login(secretariat)
    page = _run(client, "publish_updates", draft).content.decode()
    assert "1 update was skipped" in page
    draft.refresh_from_db()
    assert draft.state == "draft"


def test_the_secretariat_does_not_submit_for_an_organization_it_does_not_edit(client, secretariat):
    draft = ProgressUpdateFactory()
    client.force_login(secretariat)
    page = _run(client, "submit_updates", draft).content.decode()
    assert "1 update was skipped" in page
    draft.refresh_from_db()
    assert draft.state == "draft"


def test_returning_asks_for_a_comment_first(client, secretariat):
    update = ProgressUpdateFactory(submitted=True)
    client.force_login(secretariat)
    page = _run(client, "return_updates", update)
    assert "comment" in page.content.decode().lower()
    update.refresh_from_db()
    assert update.state == "submitted"
    page = _run(client, "return_updates", update, apply="1", comment="Please add figures")
    update.refresh_from_db()
    assert (update.state, update.review_comment) == ("returned", "Please add figures")
