"""Reporting periods: each meeting closes the period that began after the previous one.

A meeting's period runs from the day after the previous meeting to the end of its own day
(Asia/Tokyo), so an update published on a meeting's day counts towards that meeting. The
first meeting's period has no start: it covers everything since the pledges were made.

Only published meetings make periods: a meeting the secretariat is still drafting in the
admin changes no public figure, no workspace and no reminder until it is published.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .models import Meeting

STALE_AFTER = datetime.timedelta(days=183)  # about six months


def _start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@dataclass(frozen=True)
class ReportingPeriod:
    """Updates published at ``start <= published_at < end`` belong to the period.

    ``start`` is None for the first meeting's period; ``end`` is None when no meeting is
    scheduled yet (the period is still open).
    """

    meeting: Meeting | None
    previous_meeting: Meeting | None
    start: datetime.datetime | None
    end: datetime.datetime | None

    def contains(self, moment: datetime.datetime) -> bool:
        return (self.start is None or moment >= self.start) and (
            self.end is None or moment < self.end
        )

    def published_filter(self, prefix: str = "") -> dict:
        """Keyword filters for ``published_at`` (with a relation ``prefix`` like "updates__")."""
        lookups = {}
        if self.start is not None:
            lookups[f"{prefix}published_at__gte"] = self.start
        if self.end is not None:
            lookups[f"{prefix}published_at__lt"] = self.end
        return lookups


def period_for_meeting(meeting: Meeting) -> ReportingPeriod:
    """The period ``meeting`` closes. One query."""
    previous = (
        Meeting.objects.closing_periods().filter(date__lt=meeting.date).order_by("-date").first()
    )
    return ReportingPeriod(
        meeting=meeting,
        previous_meeting=previous,
        start=_start_of_day(previous.date + datetime.timedelta(days=1)) if previous else None,
        end=_start_of_day(meeting.date + datetime.timedelta(days=1)),
    )


def current_period(today: datetime.date | None = None) -> ReportingPeriod:
    """The period under way: closed by the next meeting (today's included), or still open
    after the last one when none is scheduled. Two queries."""
    today = today or timezone.localdate()
    upcoming = Meeting.objects.closing_periods().upcoming(today).first()
    if upcoming is not None:
        return period_for_meeting(upcoming)
    last = Meeting.objects.closing_periods().past(today).first()
    return ReportingPeriod(
        meeting=None,
        previous_meeting=last,
        start=_start_of_day(last.date + datetime.timedelta(days=1)) if last else None,
        end=None,
    )


def stale_before(today: datetime.date | None = None) -> datetime.datetime:
    """A pledge is stale when its last published update is older than this moment (or it has
    none): no update in the current period, or none for about six months, whichever is
    stricter. Two queries."""
    today = today or timezone.localdate()
    six_months_ago = _start_of_day(today) - STALE_AFTER
    period = current_period(today)
    if period.start is None:
        return six_months_ago
    return max(period.start, six_months_ago)
