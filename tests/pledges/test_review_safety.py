"""The review: publishing is confirmed and never drops a typed comment; a resubmitted
update is marked, with the earlier comment and what changed since it was returned."""

import pytest
from django.urls import reverse

from pledges import services
from pledges.models import ProgressUpdate
from tests.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    PledgeFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db
State = ProgressUpdate.State


@pytest.fixture
def submitted(organization):
    pledge = PledgeFactory(lead_organization=organization)
    return ProgressUpdateFactory(pledge=pledge, submitted=True, achievements_en="First text.")


def _publish(client, update, **data):
    return client.post(reverse("pledges:update_publish", args=[update.pk]), data)


def test_publish_without_the_confirmation_is_refused(client, secretariat, submitted):
    client.force_login(secretariat)
    response = _publish(client, submitted)
    assert response.status_code == 400
    assert "Tick this box to confirm" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


def test_publish_with_a_typed_comment_keeps_the_comment_and_publishes_nothing(
    client, secretariat, submitted
):
    client.force_login(secretariat)
    response = _publish(client, submitted, confirm_publish="on", comment="Typed by mistake")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Publishing sends no comment" in html
    assert "Typed by mistake" in html
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


def test_confirmed_publish_publishes(client, secretariat, submitted):
    client.force_login(secretariat)
    response = _publish(client, submitted, confirm_publish="on")
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == State.PUBLISHED


def test_a_resubmitted_update_shows_the_earlier_comment_and_changes_since_return(
    client, secretariat, editor, submitted
):
    returned = services.update_return(
        update=submitted, reviewer=secretariat, comment="Say where the fairs were."
    )
    edited = services.update_edit(
        update=returned,
        version=returned.version,
        content={
            **{f: getattr(returned, f) for f in ProgressUpdate.EDITABLE_FIELDS},
            "achievements_en": "Fairs in Tokyo and Osaka.",
        },
    )
    services.update_submit(update=edited, version=edited.version)
    client.force_login(secretariat)
    html = client.get(reverse("pledges:review")).content.decode()
    assert "Resubmitted after it was returned" in html
    assert "Say where the fairs were." in html
    assert "What changed since it was returned" in html
    assert "First text." in html and "Fairs in Tokyo and Osaka." in html


def test_a_first_submission_is_not_marked_resubmitted(client, secretariat, submitted):
    client.force_login(secretariat)
    html = client.get(reverse("pledges:review")).content.decode()
    assert "Resubmitted" not in html


def test_indicator_changes_carry_their_unit(client, secretariat, submitted):
    indicator = IndicatorFactory(pledge=submitted.pledge, unit="people")
    IndicatorValueFactory(update=submitted, indicator=indicator, value=1200)
    client.force_login(secretariat)
    html = client.get(reverse("pledges:review")).content.decode()
    assert "1,200 people" in html


def _return_edit_resubmit(update, secretariat, values):
    """Return ``update``, change its indicator values to ``values``, submit it again."""
    returned = services.update_return(update=update, reviewer=secretariat, comment="Figures?")
    edited = services.update_edit(
        update=returned,
        version=returned.version,
        content={f: getattr(returned, f) for f in ProgressUpdate.EDITABLE_FIELDS},
        indicator_values=values,
    )
    return services.update_submit(update=edited, version=edited.version)


def _since_return(html: str) -> str:
    """The "What changed since it was returned" part of the review card."""
    start = html.index("What changed since it was returned")
    return html[start : html.index("<h3", start)]  # up to the next heading


def test_changes_since_return_show_indicator_values_with_their_units(
    client, secretariat, submitted
):
    people = IndicatorFactory(pledge=submitted.pledge, unit="people", name_en="Jobs fairs held")
    yen = IndicatorFactory(pledge=submitted.pledge, unit="JPY", name_en="Funds raised")
    same = IndicatorFactory(pledge=submitted.pledge, unit="events", name_en="Talks given")
    added = IndicatorFactory(pledge=submitted.pledge, unit="people", name_en="Mentors")
    IndicatorValueFactory(update=submitted, indicator=people, value=1200)
    IndicatorValueFactory(update=submitted, indicator=yen, value=5000000)
    IndicatorValueFactory(update=submitted, indicator=same, value=3)
    _return_edit_resubmit(submitted, secretariat, {people: 1350, yen: None, same: 3, added: 12})
    client.force_login(secretariat)

    part = _since_return(client.get(reverse("pledges:review")).content.decode())

    assert "Jobs fairs held (people)" in part
    assert "1,200 people" in part and "1,350 people" in part
    assert "Funds raised" in part and "5,000,000 Japanese yen (JPY)" in part  # taken out
    assert "Mentors (people)" in part and "12 people" in part  # added
    assert "Talks given" not in part  # unchanged
    assert "Nothing was changed since it was returned" not in part


def test_a_value_taken_out_of_an_indicator_since_deleted_is_left_out(
    client, secretariat, submitted
):
    gone = IndicatorFactory(pledge=submitted.pledge, name_en="Dropped indicator")
    IndicatorValueFactory(update=submitted, indicator=gone, value=4)
    _return_edit_resubmit(submitted, secretariat, {gone: None})
    gone.delete()
    client.force_login(secretariat)
    response = client.get(reverse("pledges:review"))
    assert response.status_code == 200
    assert "Dropped indicator" not in _since_return(response.content.decode())


def test_unchanged_indicator_values_say_nothing_changed_since_return(
    client, secretariat, submitted
):
    indicator = IndicatorFactory(pledge=submitted.pledge)
    IndicatorValueFactory(update=submitted, indicator=indicator, value=7)
    _return_edit_resubmit(submitted, secretariat, {indicator: 7})
    client.force_login(secretariat)
    part = _since_return(client.get(reverse("pledges:review")).content.decode())
    assert "Nothing was changed since it was returned" in part


def test_changes_since_return_in_japanese_name_the_unit_in_japanese(client, secretariat, submitted):
    indicator = IndicatorFactory(pledge=submitted.pledge, unit="people", name_ja="就職者数")
    IndicatorValueFactory(update=submitted, indicator=indicator, value=10)
    _return_edit_resubmit(submitted, secretariat, {indicator: 25})
    client.force_login(secretariat)
    html = client.get(reverse("pledges:review"), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    part = html[html.index("以降の変更点") :]
    assert "就職者数 (人)" in part
    assert "10 人" in part and "25 人" in part


def test_after_a_withdrawal_the_changes_are_counted_from_the_secretariats_return(
    client, secretariat, submitted
):
    """A resubmitted update taken back goes back to "returned"; the review still compares
    it with the version the secretariat returned, not with the one taken back."""
    returned = services.update_return(update=submitted, reviewer=secretariat, comment="Where?")

    def edit_and_submit(update, text):
        edited = services.update_edit(
            update=update,
            version=update.version,
            content={
                **{f: getattr(update, f) for f in ProgressUpdate.EDITABLE_FIELDS},
                "achievements_en": text,
            },
        )
        return services.update_submit(update=edited, version=edited.version)

    resubmitted = edit_and_submit(returned, "Fairs in Tokyo.")
    withdrawn = services.update_withdraw(update=resubmitted, version=resubmitted.version)
    assert withdrawn.state == State.RETURNED
    edit_and_submit(withdrawn, "Fairs in Tokyo and Osaka.")
    client.force_login(secretariat)

    part = _since_return(client.get(reverse("pledges:review")).content.decode())

    assert "First text." in part and "Fairs in Tokyo and Osaka." in part
    assert "Fairs in Tokyo.<" not in part
