"""Reads for the read side's pages: the dashboard, the pledge list and page, the
organization pages and the focal point's workspace. Each
function states its query cost, which does not grow with the data."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Prefetch, QuerySet, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone

from meetings.calendar import (
    ReportingPeriod,
    all_periods,
    current_period,
    is_current,
    organizations_due,
)
from meetings.models import Meeting
from organizations.models import Membership, Organization
from pledges.charts import heights
from pledges.models import IndicatorValue, Pledge, ProgressUpdate, pledges_involving_q
from pledges.published import PublishedState, cache_key

from . import rollups

LATEST_UPDATES = 6
PERIODS_IN_CHART = 8


# --- The dashboard ----------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodBar:
    """Updates published in one reporting period, for the chart."""

    period: ReportingPeriod
    count: int
    is_current: bool
    height: float  # percent of the tallest bar

    @property
    def top(self) -> float:
        return 100 - self.height

    @property
    def meeting(self) -> Meeting | None:
        return self.period.meeting

    @property
    def link(self) -> str:
        """The pledges updated in the current period; another period's meeting page."""
        if self.is_current:
            return reverse("dashboards:pledge_list") + "?updated=1"
        return self.meeting.get_absolute_url() if self.meeting else ""

    @property
    def start(self):
        return self.period.start


def updates_per_period(current: ReportingPeriod, today: datetime.date) -> list[PeriodBar]:
    """Published updates in each of the latest ``PERIODS_IN_CHART`` periods; empty without
    a published meeting. Two queries."""
    periods = all_periods(today)[-PERIODS_IN_CHART:]
    if not periods:
        return []
    counts = ProgressUpdate.objects.aggregate(
        **{f"p{i}": Count("pk", filter=period.updates_q()) for i, period in enumerate(periods)}
    )
    values = [counts[f"p{i}"] for i in range(len(periods))]
    return [
        PeriodBar(period, count, is_current(period, current), height)
        for period, count, height in zip(periods, values, heights(values), strict=True)
    ]


def latest_updates(limit: int = LATEST_UPDATES) -> list[ProgressUpdate]:
    """The latest published updates with their pledge and organization. One query."""
    return list(
        ProgressUpdate.objects.published()
        .select_related("pledge", "organization")
        .order_by("-published_at", "-pk")[:limit]
    )


@dataclass
class Dashboard:
    today: datetime.date
    period: ReportingPeriod
    totals: rollups.Rollup
    updates_this_period: int
    objectives: list = field(default_factory=list)
    areas: list = field(default_factory=list)
    kinds: list = field(default_factory=list)
    organizations: list = field(default_factory=list)
    latest_updates: list = field(default_factory=list)
    periods: list = field(default_factory=list)

    @property
    def next_meeting(self) -> Meeting | None:
        return self.period.meeting

    @property
    def days_to_deadline(self) -> int | None:
        return self.period.days_to_deadline(self.today)

    @property
    def organization_count(self) -> int:
        return len(self.organizations)


def dashboard(today: datetime.date | None = None) -> Dashboard:
    """Everything the dashboard shows. Twenty-five queries whatever the number of pledges,
    updates and organizations."""
    today = today or timezone.localdate()
    period = current_period(today)
    return Dashboard(
        today=today,
        period=period,
        totals=rollups.totals(period),
        updates_this_period=period.updates().count(),
        objectives=rollups.objectives_rollup(period),
        areas=rollups.areas_rollup(period),
        kinds=rollups.kinds_rollup(period),
        organizations=[o for o in rollups.organizations_rollup(period) if o.rollup.total],
        latest_updates=latest_updates(),
        periods=updates_per_period(period, today),
    )


# --- Pledges ------------------------------------------------------------------------------


def pledges_for_list(period: ReportingPeriod, pledges: QuerySet | None = None) -> QuerySet:
    """Pledges with what a list row shows: lead organization, objectives and whether each
    was updated in ``period``. Two queries per page of rows."""
    pledges = pledges if pledges is not None else Pledge.objects.all()
    return period.with_status(
        pledges.select_related("lead_organization").prefetch_related("objectives")
    )


def pledge_for_page(pk: int, period: ReportingPeriod) -> Pledge:
    """A pledge with what its page shows, whether it was updated in ``period``, and
    ``published_updates``: its published updates, newest first, with the indicator values
    they reported, its sources and linked pledges. Ten queries.

    Raises Pledge.DoesNotExist."""
    values = IndicatorValue.objects.select_related("indicator").order_by(
        "indicator__order", "indicator__id"
    )
    published = (
        ProgressUpdate.objects.published()
        .select_related("organization")
        .prefetch_related(Prefetch("indicator_values", queryset=values), "attachments")
        .order_by("-published_at", "-pk")
    )
    pledges = Pledge.objects.select_related("lead_organization").prefetch_related(
        "co_organizations",
        "objectives",
        "focus_areas",
        "contribution_types",
        "indicators",
        "sources",
        "linked_pledges",
        Prefetch("updates", queryset=published, to_attr="published_updates"),
    )
    return period.with_status(pledges).get(pk=pk)


# --- Organizations ------------------------------------------------------------------------


def organization_for_page(slug: str, period: ReportingPeriod) -> tuple[Organization, QuerySet]:
    """An active organization with its ``rollup``, and the pledges it leads or co-pledges
    (latest update first, with their status and who reported that update,
    ``last_reporter_id``). Five queries, and two per page of pledges.

    Raises Organization.DoesNotExist."""
    found = rollups.organizations_rollup(period, Organization.objects.active().filter(slug=slug))
    if not found:
        raise Organization.DoesNotExist
    organization = found[0]
    pledges = pledges_for_list(
        period, Pledge.objects.filter(pledges_involving_q(organization)).with_last_reporter()
    ).order_by("-last_published_at", "pk")
    return organization, pledges


# --- The focal point's workspace ----------------------------------------------------------

OPEN_STATES = (
    ProgressUpdate.State.DRAFT,
    ProgressUpdate.State.RETURNED,
    ProgressUpdate.State.SUBMITTED,
)


@dataclass
class WorkspacePledge:
    pledge: Pledge
    is_lead: bool
    open_update: ProgressUpdate | None

    @property
    def is_due(self) -> bool:
        """Due an update: nothing published this period (the calendar's rule)."""
        return not self.pledge.updated_in_period

    @property
    def status(self) -> str:
        """The one thing the workspace says about the pledge: its open update's state
        ("submitted", "returned", "draft"), else "due" or "up_to_date"."""
        if self.open_update is not None:
            return self.open_update.state
        return "due" if self.is_due else "up_to_date"


@dataclass
class WorkspaceSection:
    organization: Organization
    role: str
    pledges: list[WorkspacePledge] = field(default_factory=list)
    open_updates: list[ProgressUpdate] = field(default_factory=list)
    # The key the list of its pledges is cached under: everything the list shows.
    pledges_key: str = ""

    @property
    def can_edit(self) -> bool:
        return self.role == Membership.Role.EDITOR

    @property
    def due_count(self) -> int:
        return sum(1 for p in self.pledges if p.is_due)


def workspace_sections(
    user, period: ReportingPeriod, state: PublishedState
) -> list[WorkspaceSection]:
    """For each organization ``user`` belongs to: its pledges (led or co-pledged), whether
    each is due an update in ``period``, who reported its latest published update
    (``last_reporter_id``), and its open updates (drafts, returned, awaiting review), newest
    first. Two queries whatever the numbers (memberships, open updates), two more when
    an organization's pledges are not cached under ``state``."""
    memberships = list(
        Membership.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__name")
    )
    pledges_of = _workspace_pledges([m.organization for m in memberships], period, state)
    open_updates = list(
        ProgressUpdate.objects.filter(
            organization__in=[m.organization_id for m in memberships], state__in=OPEN_STATES
        )
        .select_related("pledge", "author", "reviewer")
        .order_by("-updated_at", "-pk")
    )
    sections = []
    for membership in memberships:
        organization = membership.organization
        own_updates = [u for u in open_updates if u.organization_id == organization.pk]
        open_by_pledge = {}
        for update in reversed(own_updates):  # the newest wins
            open_by_pledge[update.pledge_id] = update
        section = WorkspaceSection(organization, membership.role, open_updates=own_updates)
        led, co = pledges_of[organization.pk]
        for pledge, is_lead in [(p, True) for p in led] + [(p, False) for p in co]:
            section.pledges.append(WorkspacePledge(pledge, is_lead, open_by_pledge.get(pledge.pk)))
        open_rows = [(pk, u.pk, u.state) for pk, u in sorted(open_by_pledge.items())]
        section.pledges_key = cache_key(
            "workspace-list",
            organization.pk,
            membership.role,
            period.start,
            period.end,
            open_rows,
            state=state,
        )
        sections.append(section)
    return sections


def _workspace_pledges(
    organizations: list[Organization], period: ReportingPeriod, state: PublishedState
) -> dict[int, tuple[list[Pledge], list[Pledge]]]:
    """Organization id -> (pledges it leads, pledges it co-pledges), ordered by id, each
    annotated with its status in ``period`` and its last reporter. These are published
    data only (no draft), so they are cached per organization and period until the
    published data change, like the roll-ups; the organizations not in the cache are read
    in two queries."""
    keys = {
        o.pk: cache_key("workspace-pledges", o.pk, period.start, period.end, state=state)
        for o in organizations
    }
    found = cache.get_many(list(keys.values()))
    pledges_of = {pk: found[key] for pk, key in keys.items() if key in found}
    missing = [o for o in organizations if o.pk not in pledges_of]
    if missing:
        pledges = period.with_status(
            Pledge.objects.select_related("lead_organization").with_last_reporter()
        ).order_by("id")
        prefetch_related_objects(
            missing,
            Prefetch("led_pledges", queryset=pledges, to_attr="led_list"),
            Prefetch("co_pledges", queryset=pledges, to_attr="co_list"),
        )
        built = {o.pk: (o.led_list, o.co_list) for o in missing}
        cache.set_many(
            {keys[pk]: value for pk, value in built.items()}, settings.GRFNET_CACHE_SECONDS
        )
        pledges_of.update(built)
    return pledges_of


@dataclass
class SecretariatOverview:
    """What the secretariat lands on after signing in: the review queue's size and who has
    not reported in the period under way (organizations, each with ``pending_pledges``)."""

    review_count: int
    not_reported: list[Organization]


def secretariat_overview(period: ReportingPeriod) -> SecretariatOverview:
    """Three queries."""
    return SecretariatOverview(
        review_count=ProgressUpdate.objects.filter(state=ProgressUpdate.State.SUBMITTED).count(),
        not_reported=organizations_due(period),
    )
