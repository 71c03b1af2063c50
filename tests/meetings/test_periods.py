import datetime

import pytest
from django.utils import timezone

from meetings.periods import current_period, period_for_meeting, stale_before
from pledges.models import Pledge, ProgressUpdate
from tests.factories import MeetingFactory, PledgeFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db


def _tokyo(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def meetings():
    return [
        MeetingFactory(number=1, date=datetime.date(2024, 9, 11)),
        MeetingFactory(number=2, date=datetime.date(2025, 4, 30)),
        MeetingFactory(number=3, date=datetime.date(2025, 10, 20)),
    ]


def test_a_meetings_period_runs_from_the_day_after_the_previous_meeting_to_its_own_day(meetings):
    period = period_for_meeting(meetings[1])
    assert period.previous_meeting == meetings[0]
    assert not period.contains(_tokyo(datetime.date(2024, 9, 11), 23))
    assert period.contains(_tokyo(datetime.date(2024, 9, 12), 0))
    assert period.contains(_tokyo(datetime.date(2025, 4, 30), 23))
    assert not period.contains(_tokyo(datetime.date(2025, 5, 1), 0))


def test_the_first_meetings_period_covers_everything_before_it(meetings):
    period = period_for_meeting(meetings[0])
    assert period.start is None and period.previous_meeting is None
    assert period.contains(_tokyo(datetime.date(2023, 12, 15)))


def test_updates_published_in_a_period(meetings):
    inside = ProgressUpdateFactory(published=True, published_at=_tokyo(datetime.date(2024, 12, 1)))
    ProgressUpdateFactory(published=True, published_at=_tokyo(datetime.date(2024, 9, 11)))
    ProgressUpdateFactory(submitted=True)
    period = period_for_meeting(meetings[1])
    assert list(ProgressUpdate.objects.published_in(period)) == [inside]


def test_current_period_is_the_one_the_next_meeting_closes(meetings):
    period = current_period(today=datetime.date(2025, 6, 1))
    assert period.meeting == meetings[2] and period.previous_meeting == meetings[1]


def test_after_the_last_meeting_the_current_period_is_open(meetings):
    period = current_period(today=datetime.date(2026, 11, 29))
    assert period.meeting is None and period.end is None
    assert period.start == _tokyo(datetime.date(2025, 10, 21), 0)


def test_stale_means_no_update_in_the_current_period_or_for_six_months(meetings):
    today = datetime.date(2025, 6, 1)
    fresh = PledgeFactory(last_published_at=_tokyo(datetime.date(2025, 5, 10)))
    before_period = PledgeFactory(last_published_at=_tokyo(datetime.date(2025, 4, 20)))
    never = PledgeFactory()
    stale = set(Pledge.objects.stale(stale_before(today)))
    assert stale == {before_period, never}
    assert fresh not in stale


def test_without_meetings_stale_means_six_months_without_an_update():
    today = datetime.date(2026, 11, 29)
    recent = PledgeFactory(last_published_at=_tokyo(datetime.date(2026, 7, 1)))
    old = PledgeFactory(last_published_at=_tokyo(datetime.date(2026, 5, 1)))
    stale = set(Pledge.objects.stale(stale_before(today)))
    assert old in stale
    assert recent not in stale
