import datetime

import pytest
from django.utils import timezone

from meetings.calendar import (
    all_periods,
    current_period,
    organizations_due,
    period_for_meeting,
    pledges_due,
)
from tests.factories import MeetingFactory, PledgeFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db


def _tokyo(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _published(pledge, day, hour=12):
    return ProgressUpdateFactory(
        pledge=pledge,
        organization=pledge.lead_organization,
        published=True,
        published_at=_tokyo(day, hour),
    )


@pytest.fixture
def meetings():
    return [
        MeetingFactory(number=1, date=datetime.date(2024, 9, 11)),
        MeetingFactory(number=2, date=datetime.date(2025, 4, 30)),
        MeetingFactory(number=3, date=datetime.date(2025, 10, 20)),
    ]


def test_a_meetings_period_runs_from_the_day_after_the_previous_meeting_to_its_own_day(meetings):
    pledge = PledgeFactory()
    on_first_meeting_day = _published(pledge, datetime.date(2024, 9, 11), 23)
    first_day = _published(pledge, datetime.date(2024, 9, 12), 0)
    on_meeting_day = _published(pledge, datetime.date(2025, 4, 30), 23)
    _published(pledge, datetime.date(2025, 5, 1), 0)
    period = period_for_meeting(meetings[1])
    assert period.previous_meeting == meetings[0]
    assert set(period.updates()) == {first_day, on_meeting_day}
    assert on_first_meeting_day not in period.updates()


def test_the_first_meetings_period_covers_everything_before_it(meetings):
    early = _published(PledgeFactory(), datetime.date(2023, 12, 15))
    period = period_for_meeting(meetings[0])
    assert period.start is None and period.previous_meeting is None
    assert list(period.updates()) == [early]


def test_drafts_and_submissions_are_never_in_a_period(meetings):
    ProgressUpdateFactory(submitted=True)
    ProgressUpdateFactory()
    assert not period_for_meeting(meetings[1]).updates().exists()


def test_current_period_is_the_one_the_next_meeting_closes(meetings):
    period = current_period(today=datetime.date(2025, 6, 1))
    assert period.meeting == meetings[2] and period.previous_meeting == meetings[1]
    assert period.deadline == meetings[2].update_deadline
    assert period.days_to_deadline(meetings[2].update_deadline) == 0
    assert not period.deadline_passed(meetings[2].update_deadline)
    assert period.deadline_passed(meetings[2].update_deadline + datetime.timedelta(days=1))


def test_on_a_meeting_day_the_current_period_is_the_one_it_closes(meetings):
    assert current_period(today=meetings[1].date).meeting == meetings[1]


def test_after_the_last_meeting_the_period_is_open_for_at_most_six_months(meetings):
    soon_after = current_period(today=datetime.date(2025, 11, 29))
    assert soon_after.meeting is None and soon_after.end is None
    assert soon_after.start == _tokyo(datetime.date(2025, 10, 21), 0)
    long_after = current_period(today=datetime.date(2026, 11, 29))
    assert long_after.start == _tokyo(datetime.date(2026, 11, 29), 0) - datetime.timedelta(days=183)


def test_unpublished_meetings_make_no_period(meetings):
    MeetingFactory(number=4, date=datetime.date(2025, 8, 1), is_published=False)
    assert current_period(today=datetime.date(2025, 6, 1)).meeting == meetings[2]
    assert [p.meeting for p in all_periods(datetime.date(2025, 6, 1))] == meetings


def test_all_periods_end_with_the_open_one_and_skip_those_not_begun(meetings):
    MeetingFactory(number=4, date=datetime.date(2026, 4, 1))
    periods = all_periods(datetime.date(2025, 6, 1))
    assert [p.meeting for p in periods] == meetings
    after_all = all_periods(datetime.date(2026, 11, 1))
    assert after_all[-1].meeting is None and after_all[-1].end is None


def test_stale_means_no_update_published_in_the_current_period(meetings):
    period = current_period(today=datetime.date(2025, 6, 1))
    fresh, before_period, never, submitted_only = PledgeFactory.create_batch(4)
    _published(fresh, datetime.date(2025, 5, 10))
    _published(before_period, datetime.date(2025, 4, 20))
    ProgressUpdateFactory(pledge=submitted_only, submitted=True)
    assert set(period.pledges_updated()) == {fresh}
    annotated = {p.pk: p.is_stale for p in period.with_status(fresh.__class__.objects.all())}
    assert annotated == {
        fresh.pk: False,
        before_period.pk: True,
        never.pk: True,
        submitted_only.pk: True,
    }


def test_an_organization_is_due_when_it_leads_or_co_pledges_a_stale_pledge(meetings):
    period = current_period(today=datetime.date(2025, 6, 1))
    stale = PledgeFactory()
    partner = stale.co_organizations.create(
        name="Partner", slug="partner", kind="ngo", is_active=True
    )
    updated = PledgeFactory()
    _published(updated, datetime.date(2025, 5, 10))
    due = organizations_due(period)
    assert [o.slug for o in due] == sorted([stale.lead_organization.slug, partner.slug])
    assert all(o.pending_pledges == [stale] for o in due)
    assert list(pledges_due(period)) == [stale]


def test_pledges_made_after_a_period_are_not_due_in_it(meetings):
    later = PledgeFactory(pledged_on=datetime.date(2025, 5, 1))
    assert later not in pledges_due(period_for_meeting(meetings[1]))
    assert later in pledges_due(period_for_meeting(meetings[2]))
