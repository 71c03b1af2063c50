"""The meeting report: progress in the period a meeting closes, for the whole network, per
GCR objective and per organization. Built from the period reads in ``meetings.selectors``
and the calendar's rule for who has not reported."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.utils import timezone

from organizations.models import Organization
from pledges.charts import BarSegment, stacked_bar
from pledges.models import Indicator, Objective, Pledge, ProgressUpdate, Stage

from .calendar import ReportingPeriod, pending_by_organization, period_for_meeting
from .models import Meeting
from .selectors import (
    became_fulfilled,
    indicator_movements,
    pledges_in_period,
    stage_changed,
    updates_published_in,
)

# The report stays readable (and under 500 KB of HTML) at the Forum size, 3,500 pledges of
# 1,300 organizations: each list shows its first LIST_LIMIT rows and says how many more,
# an organization's lists their first ORGANIZATION_LIST_LIMIT, and the organizations with
# most pledges get a section each (ORGANIZATION_SECTIONS); /organizations/ has the rest.
LIST_LIMIT = 30
ORGANIZATION_LIST_LIMIT = 10
ORGANIZATION_SECTIONS = 20
QUOTES = 10  # highlights and participation quoted in a section, one per pledge
ORGANIZATION_QUOTES = 3


@dataclass
class StageCount:
    stage: str  # a Stage value
    label: str
    before: int
    after: int


@dataclass
class Movement:
    indicator: Indicator
    before: Decimal | None
    after: Decimal
    reported_by: Organization | None = None  # whose update reported ``after``

    @property
    def change(self) -> Decimal | None:
        return None if self.before is None else self.after - self.before

    @property
    def share_of_target(self) -> int | None:
        target = self.indicator.target
        if not target:
            return None
        return min(100, round(self.after / target * 100))


def _one_per_pledge(updates) -> list[ProgressUpdate]:
    latest = {}
    for update in updates:  # oldest first: the latest of each pledge wins
        latest[update.pledge_id] = update
    return sorted(latest.values(), key=lambda u: (u.published_at, u.pk), reverse=True)


@dataclass
class ReportSection:
    """What happened in the period to a set of pledges (the network, an objective, an
    organization).

    An organization's section has the pledges it leads or co-pledges, but only the updates
    it reported itself (and the indicator values they reported): each update is counted
    and quoted once, under its reporter. Its joint pledges that a partner reported on are
    ``partner_reported``, each with ``reported_by``."""

    key: str
    title: str
    organization: Organization | None = None  # an organization's section
    pledges: list[Pledge] = field(default_factory=list)
    updates: list[ProgressUpdate] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)
    limit: int = LIST_LIMIT  # rows shown of each list
    quotes: int = QUOTES

    @property
    def rows(self) -> str:
        """The ``slice`` of a list this section shows (a template filter argument)."""
        return f":{self.limit}"

    @property
    def quoted(self) -> str:
        return f":{self.quotes}"

    @property
    def pledge_count(self) -> int:
        return len(self.pledges)

    @cached_property
    def updated(self) -> list[Pledge]:
        return [p for p in self.pledges if p.updated_in_period]

    @cached_property
    def stage_changes(self) -> list[Pledge]:
        return [p for p in self.pledges if stage_changed(p)]

    @cached_property
    def fulfilled(self) -> list[Pledge]:
        return [p for p in self.pledges if became_fulfilled(p)]

    @cached_property
    def without_update(self) -> list[Pledge]:
        return [p for p in self.pledges if not p.updated_in_period]

    @cached_property
    def partner_reported(self) -> list[Pledge]:
        """Pledges updated in the period by another of their organizations only (in an
        organization's section: a joint pledge its partner reported on)."""
        own = {u.pledge_id for u in self.updates}
        return [p for p in self.updated if p.pk not in own]

    @cached_property
    def highlights(self) -> list[ProgressUpdate]:
        """The latest update with achievements of each pledge, newest first."""
        return _one_per_pledge(u for u in self.updates if u.achievements.strip())

    @cached_property
    def participation(self) -> list[ProgressUpdate]:
        """The latest update describing refugee participation of each pledge, newest first."""
        return _one_per_pledge(u for u in self.updates if u.refugee_participation.strip())

    @cached_property
    def stage_counts(self) -> list[StageCount]:
        return [
            StageCount(
                stage=stage.value,
                label=stage.label,
                before=sum(1 for p in self.pledges if p.stage_before == stage),
                after=sum(1 for p in self.pledges if p.stage_after == stage),
            )
            for stage in Stage
        ]

    @property
    def bars(self) -> dict[str, list[BarSegment]]:
        """The stage distribution before and after the period, as stacked bars."""
        counts = self.stage_counts
        return {
            "before": stacked_bar({c.stage: c.before for c in counts}),
            "after": stacked_bar({c.stage: c.after for c in counts}),
        }


@dataclass
class MeetingReport:
    meeting: Meeting
    period: ReportingPeriod
    network: ReportSection
    objectives: list[ReportSection]
    organizations: list[ReportSection]  # the ORGANIZATION_SECTIONS with most pledges
    generated_at: datetime.datetime
    more_organizations: int = 0  # active organizations with pledges and no section

    @property
    def without_update_by_organization(self) -> list[Organization]:
        """The network's pledges without an update, by active organization (each with
        ``pending_pledges``), as the meeting page and the reminders count them."""
        return pending_by_organization(self.network.without_update)

    @property
    def without_update_elsewhere(self) -> list[Pledge]:
        """The network's pledges without an update that no active organization leads or
        co-pledges, so that the table lists every pledge the report counts."""
        return [
            p for p in self.network.without_update if not any(o.is_active for o in p.organizations)
        ]


def meeting_report(meeting: Meeting) -> MeetingReport:
    """Progress in the period ``meeting`` closes, for the network, per GCR objective and per
    organization. Seven queries whatever the number of pledges, updates and indicators;
    the sections are grouped in one pass over each list, by id.

    Each pledge gets ``is_joint`` (more than one organization) and ``reported_by``: the
    organization of its latest update in the period (None without one)."""
    period = period_for_meeting(meeting)
    pledges = list(
        pledges_in_period(period)
        .select_related("lead_organization")
        .prefetch_related("objectives", "co_organizations")
        .order_by("id")
    )
    by_id = {}
    objective_ids, organization_ids = {}, {}  # pledge id -> ids, once each
    organizations_seen = {}
    for pledge in pledges:
        pledge.stage_before_label = Stage(pledge.stage_before).label
        pledge.stage_after_label = Stage(pledge.stage_after).label
        pledge.organizations = list(
            {o.pk: o for o in [pledge.lead_organization, *pledge.co_organizations.all()]}.values()
        )
        pledge.is_joint = len(pledge.organizations) > 1
        pledge.reported_by = None
        by_id[pledge.pk] = pledge
        objective_ids[pledge.pk] = [o.pk for o in pledge.objectives.all()]
        organization_ids[pledge.pk] = [o.pk for o in pledge.organizations]
        for organization in pledge.organizations:
            organizations_seen.setdefault(organization.pk, organization)

    # The updates share the pledge and organization objects read above rather than joining
    # their own: at the Forum size a period holds some 14,000 updates.
    updates = list(updates_published_in(period).select_related(None).filter(pledge_id__in=by_id))
    missing = {u.organization_id for u in updates} - organizations_seen.keys()
    reporting_elsewhere = Organization.objects.in_bulk(missing) if missing else {}
    for update in updates:
        update.pledge = by_id[update.pledge_id]  # share the annotated pledge objects
        update.organization = organizations_seen.get(
            update.organization_id
        ) or reporting_elsewhere.get(update.organization_id)
        update.pledge.reported_by = update.organization  # oldest first: the latest wins
    reporters = {u.organization_id: u.organization for u in updates}

    movements = []
    for indicator in indicator_movements(period).filter(pledge_id__in=by_id):
        indicator.pledge = by_id[indicator.pledge_id]
        reporter = reporters.get(indicator.reported_by_id)
        movements.append(
            Movement(indicator, indicator.value_before, indicator.value_after, reporter)
        )

    def grouped(pledge_keys, update_keys, movement_keys) -> dict[int, dict[str, list]]:
        """key -> the pledges, updates and movements the ``*_keys`` functions file under it."""
        groups = {}

        def add(kind, item, keys):
            for key in keys:
                group = groups.setdefault(key, {"pledges": [], "updates": [], "movements": []})
                group[kind].append(item)

        for pledge in pledges:
            add("pledges", pledge, pledge_keys(pledge))
        for update in updates:
            add("updates", update, update_keys(update))
        for movement in movements:
            add("movements", movement, movement_keys(movement))
        return groups

    by_objective = grouped(
        lambda p: objective_ids[p.pk],
        lambda u: objective_ids[u.pledge_id],
        lambda m: objective_ids[m.indicator.pledge_id],
    )
    objectives = [
        ReportSection(
            key=f"objective-{objective.number}",
            title=str(objective),
            **by_objective.get(objective.pk, {}),
        )
        for objective in Objective.objects.order_by("number")
    ]
    # An organization has its pledges, but only the updates (and values) it reported.
    by_organization = grouped(
        lambda p: organization_ids[p.pk],
        lambda u: [u.organization_id],
        lambda m: [m.indicator.reported_by_id],
    )
    active = [o for o in organizations_seen.values() if o.is_active]
    largest = sorted(active, key=lambda o: (-len(by_organization[o.pk]["pledges"]), o.slug))
    organizations = [
        ReportSection(
            key=f"organization-{organization.slug}",
            title=organization.name,
            organization=organization,
            limit=ORGANIZATION_LIST_LIMIT,
            quotes=ORGANIZATION_QUOTES,
            **by_organization[organization.pk],
        )
        for organization in sorted(largest[:ORGANIZATION_SECTIONS], key=lambda o: o.slug)
    ]
    return MeetingReport(
        meeting=meeting,
        period=period,
        network=ReportSection(
            key="network", title="", pledges=pledges, updates=updates, movements=movements
        ),
        objectives=objectives,
        organizations=organizations,
        generated_at=timezone.now(),
        more_organizations=max(0, len(active) - ORGANIZATION_SECTIONS),
    )
