"""Period selectors against a hand-built timeline.

Meetings on 11 September 2024, 30 April 2025 and 20 October 2025: the second meeting's
period runs from 12 September 2024 00:00 to 30 April 2025 24:00 (Asia/Tokyo).
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from meetings.calendar import organizations_due, period_for_meeting, pledges_due
from meetings.selectors import (
    became_fulfilled,
    indicator_movements,
    pledges_in_period,
    stage_changed,
    updates_published_in,
)
from pledges.models import ProgressUpdate
from pledges.services import (
    pledge_refresh_current_state,
    update_create,
    update_publish,
    update_submit,
)
from tests.factories import (
    IndicatorFactory,
    MeetingFactory,
    OrganizationFactory,
    PledgeFactory,
    SecretariatUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def pledges_with_stage_change(period):
    return [p for p in pledges_in_period(period).order_by("id") if stage_changed(p)]


def pledges_fulfilled_in(period):
    return [p for p in pledges_in_period(period).order_by("id") if became_fulfilled(p)]


def tokyo(year, month, day, hour=12, minute=0, second=0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute, second))


def publish(pledge, stage, at, *, achievements="", participation="", values=None, org=None):
    """Write, submit and publish an update through the services, then date it ``at``."""
    update = update_create(
        pledge=pledge,
        organization=org or pledge.lead_organization,
        author=UserFactory(),
        content={
            "stage": stage,
            "achievements": achievements,
            "refugee_participation": participation,
        },
        indicator_values=values or {},
    )
    update_submit(update=update)
    update_publish(update=update, reviewer=SecretariatUserFactory())
    ProgressUpdate.objects.filter(pk=update.pk).update(published_at=at, submitted_at=at)
    pledge_refresh_current_state(pledge=pledge)
    update.refresh_from_db()
    return update


@pytest.fixture
def meetings():
    return [
        MeetingFactory(number=1, date=datetime.date(2024, 9, 11)),
        MeetingFactory(number=2, date=datetime.date(2025, 4, 30)),
        MeetingFactory(number=3, date=datetime.date(2025, 10, 20)),
    ]


@pytest.fixture
def second_period(meetings):
    return period_for_meeting(meetings[1])


def test_updates_just_inside_the_boundaries_count_and_just_outside_do_not(second_period):
    pledge = PledgeFactory()
    publish(pledge, "planning", tokyo(2024, 9, 11, 23, 59, 59))  # previous meeting's day
    first = publish(pledge, "planning", tokyo(2024, 9, 12, 0, 0, 0))
    last = publish(pledge, "in_progress", tokyo(2025, 4, 30, 23, 59, 59))
    publish(pledge, "in_progress", tokyo(2025, 5, 1, 0, 0, 0))  # the next period
    assert list(updates_published_in(second_period)) == [first, last]


def test_drafts_and_submitted_updates_are_not_in_any_period(second_period):
    pledge = PledgeFactory()
    draft = update_create(
        pledge=pledge,
        organization=pledge.lead_organization,
        author=UserFactory(),
        content={"stage": "planning"},
    )
    update_submit(update=draft)
    assert list(updates_published_in(second_period)) == []
    assert list(pledges_due(second_period)) == [pledge]


def test_a_pledge_fulfilled_through_three_stages_in_one_period_counts_once(second_period):
    pledge = PledgeFactory()
    publish(pledge, "planning", tokyo(2024, 10, 1))
    publish(pledge, "in_progress", tokyo(2024, 12, 1))
    publish(pledge, "fulfilled", tokyo(2025, 3, 1))
    assert list(pledges_fulfilled_in(second_period)) == [pledge]
    [changed] = pledges_with_stage_change(second_period)
    assert (changed.stage_before, changed.stage_after) == ("none", "fulfilled")


def test_stage_change_compares_the_stage_before_the_period_with_the_one_at_its_end(
    second_period,
):
    moved = PledgeFactory()
    publish(moved, "planning", tokyo(2024, 6, 1))  # the first period
    publish(moved, "in_progress", tokyo(2025, 1, 15))
    steady = PledgeFactory()
    publish(steady, "in_progress", tokyo(2024, 6, 1))
    publish(steady, "in_progress", tokyo(2025, 1, 15))
    later = PledgeFactory()
    publish(later, "planning", tokyo(2024, 6, 1))
    publish(later, "fulfilled", tokyo(2025, 6, 1))  # after the period: not its change

    [changed] = pledges_with_stage_change(second_period)
    assert changed == moved
    assert (changed.stage_before, changed.stage_after) == ("planning", "in_progress")
    assert list(pledges_fulfilled_in(second_period)) == []


def test_a_pledge_already_fulfilled_before_the_period_is_not_newly_fulfilled(second_period):
    pledge = PledgeFactory()
    publish(pledge, "fulfilled", tokyo(2024, 6, 1))
    publish(pledge, "fulfilled", tokyo(2025, 2, 1))
    assert list(pledges_fulfilled_in(second_period)) == []
    assert list(pledges_with_stage_change(second_period)) == []


def test_the_first_meeting_covers_everything_since_the_pledges_were_made(meetings):
    period = period_for_meeting(meetings[0])
    pledge = PledgeFactory(pledged_on=datetime.date(2023, 12, 14))
    early = publish(pledge, "planning", tokyo(2024, 1, 10))
    done = publish(pledge, "fulfilled", tokyo(2024, 9, 11, 20))
    assert list(updates_published_in(period)) == [early, done]
    assert list(pledges_fulfilled_in(period)) == [pledge]


def test_organizations_with_pledges_without_an_update_in_the_period(second_period):
    reporting = OrganizationFactory(name_en="Reporting")
    silent = OrganizationFactory(name_en="Silent")
    co_pledger = OrganizationFactory(name_en="Co-pledger")
    updated = PledgeFactory(lead_organization=reporting)
    publish(updated, "in_progress", tokyo(2025, 1, 1))
    forgotten = PledgeFactory(lead_organization=silent, co_organizations=[co_pledger])
    publish(forgotten, "planning", tokyo(2024, 6, 1))  # only before the period
    PledgeFactory(lead_organization=silent, pledged_on=datetime.date(2025, 6, 1))  # not yet

    organizations = organizations_due(second_period)
    assert {o.name for o in organizations} == {"Silent", "Co-pledger"}
    assert all(o.pending_pledges == [forgotten] for o in organizations)


def test_indicator_movement_from_the_value_before_the_period_to_the_latest_in_it(
    second_period,
):
    pledge = PledgeFactory()
    trainees = IndicatorFactory(pledge=pledge, target=100)
    untouched = IndicatorFactory(pledge=pledge, target=50)
    publish(pledge, "in_progress", tokyo(2024, 6, 1), values={trainees: 10, untouched: 5})
    publish(pledge, "in_progress", tokyo(2024, 12, 1), values={trainees: 40})
    publish(pledge, "in_progress", tokyo(2025, 4, 1), values={trainees: 91})

    [moved] = indicator_movements(second_period)
    assert moved == trainees
    assert (moved.value_before, moved.value_after) == (Decimal("10"), Decimal("91"))
