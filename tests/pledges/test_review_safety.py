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
