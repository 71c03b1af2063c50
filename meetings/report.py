"""The meeting report: progress in the period a meeting closes, for the whole network, per
GCR objective and per organization. Built from the period reads in ``meetings.selectors``
and the calendar's rule for who has not reported."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

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

    @property
    def change(self) -> Decimal | None:
        return None if self.before is None else self.after - self.before

    @property
    def share_of_target(self) -> int | None:
        target = self.indicator.target
        if not target:
            return None
        return min(100, round(self.after / target * 100))


@dataclass
class ReportSection:
    """What happened in the period to a set of pledges (the network, an objective, an
    organization)."""

    key: str
    title: str
    pledges: list[Pledge] = field(default_factory=list)
    updates: list[ProgressUpdate] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)

    @property
    def pledge_count(self) -> int:
        return len(self.pledges)

    @property
    def updated(self) -> list[Pledge]:
        return [p for p in self.pledges if p.updated_in_period]

    @property
    def stage_changes(self) -> list[Pledge]:
        return [p for p in self.pledges if stage_changed(p)]

    @property
    def fulfilled(self) -> list[Pledge]:
        return [p for p in self.pledges if became_fulfilled(p)]

    @property
    def without_update(self) -> list[Pledge]:
        return [p for p in self.pledges if not p.updated_in_period]

    @property
    def highlights(self) -> list[ProgressUpdate]:
        return [u for u in self.updates if u.achievements.strip()]

    @property
    def participation(self) -> list[ProgressUpdate]:
        return [u for u in self.updates if u.refugee_participation.strip()]

    @property
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
    organizations: list[ReportSection]
    generated_at: datetime.datetime

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
    organization. Seven queries whatever the number of pledges, updates and indicators."""
    period = period_for_meeting(meeting)
    pledges = list(
        pledges_in_period(period)
        .select_related("lead_organization")
        .prefetch_related("objectives", "co_organizations")
        .order_by("id")
    )
    by_id = {}
    for pledge in pledges:
        pledge.stage_before_label = Stage(pledge.stage_before).label
        pledge.stage_after_label = Stage(pledge.stage_after).label
        pledge.organizations = [pledge.lead_organization, *pledge.co_organizations.all()]
        by_id[pledge.pk] = pledge

    updates = []
    for update in updates_published_in(period).filter(pledge_id__in=by_id):
        update.pledge = by_id[update.pledge_id]  # share the annotated pledge objects
        updates.append(update)

    movements = []
    for indicator in indicator_movements(period).filter(pledge_id__in=by_id):
        indicator.pledge = by_id[indicator.pledge_id]
        movements.append(Movement(indicator, indicator.value_before, indicator.value_after))

    def section(key, title, keep) -> ReportSection:
        return ReportSection(
            key=key,
            title=title,
            pledges=[p for p in pledges if keep(p)],
            updates=[u for u in updates if keep(u.pledge)],
            movements=[m for m in movements if keep(m.indicator.pledge)],
        )

    network = section("network", "", lambda p: True)
    objectives = [
        section(
            f"objective-{objective.number}",
            str(objective),
            lambda p, o=objective: any(x.pk == o.pk for x in p.objectives.all()),
        )
        for objective in Objective.objects.order_by("number")
    ]
    organizations_seen = {}
    for pledge in pledges:
        for organization in pledge.organizations:
            organizations_seen.setdefault(organization.pk, organization)
    organizations = [
        section(
            f"organization-{organization.slug}",
            organization.name,
            lambda p, o=organization: any(x.pk == o.pk for x in p.organizations),
        )
        for organization in sorted(organizations_seen.values(), key=lambda o: o.slug)
        if organization.is_active
    ]
    return MeetingReport(
        meeting=meeting,
        period=period,
        network=network,
        objectives=objectives,
        organizations=organizations,
        generated_at=timezone.now(),
    )
