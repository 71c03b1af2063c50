"""The network's calendar: every rule about time, in one place.

- A **reporting period** is closed by a published meeting: it runs from the day after the
  previous published meeting to the end of the meeting's own day (Asia/Tokyo), so an update
  published on a meeting's day counts towards that meeting. The first meeting's period has
  no start: it covers everything since the pledges were made.
- The **current period** is the one the next published meeting (today's included) closes.
  When no meeting is scheduled, it is the open period after the last meeting, counted from
  no earlier than six months ago (``STALE_AFTER``): a pledge silent for half a year is not
  up to date just because the network has not met.
- A pledge is **updated this period** when an update of it was published in the current
  period, and **stale** otherwise. An organization is **due** an update when it leads or
  co-pledges a stale pledge; the **deadline** is the next meeting's update deadline.

Only published meetings make periods: a meeting the secretariat is still drafting in the
admin changes no public figure, no workspace and no reminder until it is published. Every
page, the reminders and the meeting report ask this module; nothing else computes these.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from organizations.models import Organization
from pledges.models import Pledge, ProgressUpdate
from pledges.published import PublishedState, cached

from .models import Meeting

STALE_AFTER = datetime.timedelta(days=183)  # about six months


def start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@dataclass(frozen=True)
class ReportingPeriod:
    """Updates published at ``start <= published_at < end`` belong to the period.

    ``start`` is None for the first meeting's period; ``end`` is None for the open period
    after the last meeting (``meeting`` is then None).
    """

    meeting: Meeting | None
    previous_meeting: Meeting | None
    start: datetime.datetime | None
    end: datetime.datetime | None

    @property
    def deadline(self) -> datetime.date | None:
        """The date updates are due by: the closing meeting's update deadline."""
        return self.meeting.update_deadline if self.meeting else None

    def days_to_deadline(self, today: datetime.date) -> int | None:
        """Days from ``today`` to the deadline (0 on the day, negative once passed)."""
        return (self.deadline - today).days if self.deadline else None

    def deadline_passed(self, today: datetime.date) -> bool:
        return self.deadline is not None and today > self.deadline

    def updates(self) -> QuerySet[ProgressUpdate]:
        """The updates published in the period."""
        return ProgressUpdate.objects.published_between(self.start, self.end)

    def updates_q(self, prefix: str = "") -> Q:
        """The same as ``updates()``, as a filter on a relation (``prefix`` "update__")."""
        q = Q(**{f"{prefix}state": ProgressUpdate.State.PUBLISHED})
        if self.start is not None:
            q &= Q(**{f"{prefix}published_at__gte": self.start})
        if self.end is not None:
            q &= Q(**{f"{prefix}published_at__lt": self.end})
        return q

    def pledge_updated(self, pledge=None) -> Exists:
        """True for a pledge with an update published in the period: a filter or
        annotation on a Pledge queryset (or on another, naming the pledge column in
        ``pledge``, an ``OuterRef``)."""
        pledge = pledge if pledge is not None else OuterRef("pk")
        return Exists(self.updates().filter(pledge=pledge))

    def pledges(self) -> QuerySet[Pledge]:
        """Pledges already made when the period ended (every pledge for the open period)."""
        pledges = Pledge.objects.all()
        if self.end is not None:
            last_day = timezone.localtime(self.end).date() - datetime.timedelta(days=1)
            pledges = pledges.filter(Q(pledged_on__isnull=True) | Q(pledged_on__lte=last_day))
        return pledges

    def pledges_updated(self) -> QuerySet[Pledge]:
        """Pledges updated in the period."""
        return Pledge.objects.filter(self.pledge_updated())

    def with_status(self, pledges: QuerySet[Pledge]) -> QuerySet[Pledge]:
        """``pledges`` annotated with ``updated_in_period`` (and so ``is_stale``, its
        negation, for templates): the one place a page learns a pledge's status."""
        return pledges.annotate(updated_in_period=self.pledge_updated())


def _period_closed_by(meeting: Meeting, previous: Meeting | None) -> ReportingPeriod:
    return ReportingPeriod(
        meeting=meeting,
        previous_meeting=previous,
        start=start_of_day(previous.date + datetime.timedelta(days=1)) if previous else None,
        end=start_of_day(meeting.date + datetime.timedelta(days=1)),
    )


def period_for_meeting(meeting: Meeting) -> ReportingPeriod:
    """The period ``meeting`` closes. One query."""
    previous = (
        Meeting.objects.closing_periods().filter(date__lt=meeting.date).order_by("-date").first()
    )
    return _period_closed_by(meeting, previous)


def _open_period(last: Meeting | None, today: datetime.date) -> ReportingPeriod:
    """The period under way when no meeting is scheduled: since the last meeting, but no
    longer than ``STALE_AFTER``."""
    six_months_ago = start_of_day(today) - STALE_AFTER
    start = six_months_ago
    if last is not None:
        start = max(start, start_of_day(last.date + datetime.timedelta(days=1)))
    return ReportingPeriod(meeting=None, previous_meeting=last, start=start, end=None)


def current_period(today: datetime.date | None = None) -> ReportingPeriod:
    """The period under way (see the module's description). Two queries."""
    today = today or timezone.localdate()
    upcoming = Meeting.objects.closing_periods().upcoming(today).first()
    if upcoming is not None:
        return period_for_meeting(upcoming)
    return _open_period(Meeting.objects.closing_periods().past(today).first(), today)


def cached_current_period(
    state: PublishedState, today: datetime.date | None = None
) -> ReportingPeriod:
    """``current_period(today)``, kept in the cache under the published data's version,
    which every change to a meeting bumps. No query when cached."""
    today = today or timezone.localdate()
    return cached("current-period", lambda: current_period(today), today, state=state)


def all_periods(today: datetime.date | None = None) -> list[ReportingPeriod]:
    """Every period begun by ``today``, oldest first: one per published meeting, then the
    open one when no meeting is scheduled. Empty without a published meeting (nothing to
    compare yet). One query."""
    today = today or timezone.localdate()
    periods, previous = [], None
    for meeting in Meeting.objects.closing_periods().order_by("date"):
        if previous is not None and previous.date >= today:
            break  # the periods of meetings after the next one have not begun
        periods.append(_period_closed_by(meeting, previous))
        previous = meeting
    if periods and previous.date < today:
        periods.append(_open_period(previous, today))
    return periods


def is_current(period: ReportingPeriod, current: ReportingPeriod) -> bool:
    return period.meeting == current.meeting and period.start == current.start


def pledges_due(period: ReportingPeriod) -> QuerySet[Pledge]:
    """Pledges made by the end of ``period`` with no update published in it. One query."""
    return period.with_status(period.pledges()).filter(updated_in_period=False)


def pending_by_organization(pledges) -> list[Organization]:
    """The active organizations leading or co-pledging any of ``pledges`` (pledges due an
    update, with ``lead_organization`` and ``co_organizations`` loaded), by slug, each with
    ``pending_pledges``: its pledges among them, by id. No query."""
    organizations, pending = {}, {}
    for pledge in sorted(pledges, key=lambda p: p.pk):
        for organization in [pledge.lead_organization, *pledge.co_organizations.all()]:
            if organization.is_active:
                organizations.setdefault(organization.pk, organization)
                pending.setdefault(organization.pk, {}).setdefault(pledge.pk, pledge)
    result = sorted(organizations.values(), key=lambda o: o.slug)
    for organization in result:
        organization.pending_pledges = list(pending[organization.pk].values())
    return result


def organizations_due(period: ReportingPeriod) -> list[Organization]:
    """Who has not reported: active organizations leading or co-pledging a pledge due an
    update in ``period``, each with ``pending_pledges``. The meeting page, the reminders
    and the meeting report all ask this. Two queries."""
    due = (
        pledges_due(period).select_related("lead_organization").prefetch_related("co_organizations")
    )
    return pending_by_organization(due)
