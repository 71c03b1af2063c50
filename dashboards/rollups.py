"""Roll-ups: pledges per stage, mean progress, updated this period and stale, for the whole
network and per GCR objective, area of focus, kind of organization and organization.

Every figure comes from the pledges' denormalized fields (``current_stage``,
``current_progress``, kept by ``pledges.services`` from the latest published update), so
drafts, submitted and returned updates never reach one; "updated this period" is the
calendar's (``meetings.calendar``). A pledge made together counts once for each of its
organizations, and once for each kind of organization among them.
"""

from collections.abc import Iterable
from dataclasses import dataclass, fields

from django.db.models import Count, F, Max, Q, Sum
from django.utils.translation import gettext

from meetings.calendar import ReportingPeriod
from organizations.models import Organization
from pledges.charts import BarSegment, stacked_bar
from pledges.models import FocusArea, Objective, Pledge, ProgressUpdate, Stage, pledges_of_kind_q

ObjectivePledge = Pledge.objectives.through
AreaPledge = Pledge.focus_areas.through
CoPledge = Pledge.co_organizations.through


@dataclass(frozen=True)
class Rollup:
    """Pledges per stage (``fulfilled``, ``in_progress``, ``planning``, ``none``: the
    ``Stage`` values), how many state a progress and its sum, and how many were updated in
    the current period."""

    total: int = 0
    fulfilled: int = 0
    in_progress: int = 0
    planning: int = 0
    none: int = 0
    with_progress: int = 0
    progress_sum: int = 0
    updated: int = 0

    def __add__(self, other: "Rollup") -> "Rollup":
        """The roll-up of two disjoint sets of pledges."""
        return Rollup(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    @property
    def stale(self) -> int:
        return self.total - self.updated

    @property
    def mean_progress(self) -> float | None:
        """Mean progress over the pledges that state one (it is optional); None if none does."""
        return round(self.progress_sum / self.with_progress, 1) if self.with_progress else None

    def count(self, stage: str) -> int:
        return getattr(self, stage)

    @property
    def by_stage(self) -> list[tuple[str, int]]:
        """(stage, number of pledges) in ``Stage`` order."""
        return [(stage, self.count(stage)) for stage in Stage.values]

    def share(self, stage: str) -> int:
        """Whole percent of the pledges at ``stage`` (0 without pledges)."""
        return round(100 * self.count(stage) / self.total) if self.total else 0

    @property
    def segments(self) -> list[BarSegment]:
        return stacked_bar(dict(self.by_stage))


def _aggregates(period: ReportingPeriod, pledge: str = "") -> dict:
    """The figures of a ``Rollup`` as aggregates over rows that each stand for one pledge,
    whose fields are reached through ``pledge`` (for example "pledge__" from a through
    table)."""
    updated = Q(**{f"{pledge}pk__in": period.pledges_updated().values("pk")})
    return {
        "total": Count(f"{pledge}pk"),
        **{
            stage: Count(f"{pledge}pk", filter=Q(**{f"{pledge}current_stage": stage}))
            for stage in Stage.values
        },
        "with_progress": Count(f"{pledge}current_progress"),
        "progress_sum": Sum(f"{pledge}current_progress", default=0),
        "updated": Count(f"{pledge}pk", filter=updated),
    }


def _by(rows: Iterable[dict], key: str) -> dict[int, Rollup]:
    """Rows of ``values(key).annotate(**_aggregates(...))`` as key -> Rollup."""
    return {row.pop(key): Rollup(**row) for row in rows}


def totals(period: ReportingPeriod) -> Rollup:
    """The whole network. One query."""
    return Rollup(**Pledge.objects.aggregate(**_aggregates(period)))


def objectives_rollup(period: ReportingPeriod) -> list[Objective]:
    """The four GCR objectives, each with ``rollup``. Two queries."""
    rollups = _by(
        ObjectivePledge.objects.values("objective_id").annotate(**_aggregates(period, "pledge__")),
        "objective_id",
    )
    objectives = list(Objective.objects.all())
    for objective in objectives:
        objective.rollup = rollups.get(objective.pk, Rollup())
        objective.filter_param = f"objective={objective.number}"
    return objectives


def areas_rollup(period: ReportingPeriod) -> list[FocusArea]:
    """The areas of focus that have pledges, each with ``rollup``. Two queries."""
    rollups = _by(
        AreaPledge.objects.values("focusarea_id").annotate(**_aggregates(period, "pledge__")),
        "focusarea_id",
    )
    areas = [area for area in FocusArea.objects.all() if area.pk in rollups]
    for area in areas:
        area.rollup = rollups[area.pk]
        area.filter_param = f"area={area.slug}"
    return areas


@dataclass(frozen=True)
class KindRollup:
    kind: str
    label: str
    rollup: Rollup

    @property
    def filter_param(self) -> str:
        return f"kind={self.kind}"


def kinds_rollup(period: ReportingPeriod) -> list[KindRollup]:
    """Each kind of organization that leads or co-pledges pledges, with its ``rollup``.
    One query per kind (nine), whatever the number of pledges."""
    rows = []
    for kind, label in Organization.Kind.choices:
        values = Pledge.objects.filter(pledges_of_kind_q(kind)).aggregate(**_aggregates(period))
        if values["total"]:
            rows.append(KindRollup(kind, str(label), Rollup(**values)))
    return rows


def organizations_rollup(period: ReportingPeriod, organizations=None) -> list[Organization]:
    """Active organizations (or ``organizations``, a queryset), each with ``rollup`` (the
    pledges it leads plus those it co-pledges without leading them) and ``last_report``
    (when it last had an update published), most pledges first. Four queries."""
    organizations = organizations if organizations is not None else Organization.objects.active()
    # Each aggregate reads only the organizations asked for: one organization's page must
    # not scan every update of the Forum.
    ids = organizations.order_by().values("pk")
    led = _by(
        Pledge.objects.filter(lead_organization__in=ids)
        .order_by()
        .values("lead_organization_id")
        .annotate(**_aggregates(period)),
        "lead_organization_id",
    )
    co_pledged = _by(
        CoPledge.objects.filter(organization__in=ids)
        .exclude(pledge__lead_organization=F("organization"))
        .values("organization_id")
        .annotate(**_aggregates(period, "pledge__")),
        "organization_id",
    )
    last_reports = dict(
        ProgressUpdate.objects.published()
        .filter(organization__in=ids)
        .order_by()
        .values_list("organization_id")
        .annotate(last=Max("published_at"))
    )
    result = list(organizations)
    for organization in result:
        organization.rollup = led.get(organization.pk, Rollup()) + co_pledged.get(
            organization.pk, Rollup()
        )
        organization.last_report = last_reports.get(organization.pk)
        organization.filter_param = f"organization={organization.slug}"
    return sorted(result, key=lambda o: (-o.rollup.total, o.name))


def stage_labels() -> dict[str, str]:
    """Stage value -> label, furthest along first."""
    return {stage.value: gettext(stage.label) for stage in Stage}
