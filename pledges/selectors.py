"""Reads of pledges that cross models: the roll-ups of the dashboard and the pages that
show a pledge or an organization. Each function states its query cost.

Every roll-up counts pledges from their denormalized fields (``current_stage``,
``current_progress``, ``last_published_at``, kept by ``pledges.services`` from the latest
published update), so drafts, submitted and returned updates never reach a figure. A
pledge co-pledged by several organizations counts once for each of them, and once in every
other breakdown (objective, area, organization kind).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Avg,
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone
from django.utils.translation import gettext

from meetings.models import Meeting
from meetings.periods import STALE_AFTER, ReportingPeriod, current_period
from organizations.models import Organization

from .models import FocusArea, IndicatorValue, Objective, Pledge, ProgressUpdate, Stage

# The order of stages in stacked bars and tables: furthest along first.
STAGE_ORDER = ("fulfilled", "in_progress", "planning", "none")
LATEST_UPDATES = 6
PERIODS_IN_CHART = 8

CoPledge = Pledge.co_organizations.through


# --- The moment a roll-up is taken ------------------------------------------------------


@dataclass(frozen=True)
class Moment:
    """The reporting period under way and the line before which a pledge is stale."""

    today: datetime.date
    period: ReportingPeriod
    stale_before: datetime.datetime

    def updated_q(self, prefix: str = "") -> Q:
        """Pledges with a published update in the current period."""
        lookups = {f"{prefix}last_published_at__isnull": False}
        if self.period.start is not None:
            lookups[f"{prefix}last_published_at__gte"] = self.period.start
        if self.period.end is not None:
            lookups[f"{prefix}last_published_at__lt"] = self.period.end
        return Q(**lookups)

    def stale_q(self, prefix: str = "") -> Q:
        """Pledges with no published update since ``stale_before`` (or none at all)."""
        return Q(**{f"{prefix}last_published_at__isnull": True}) | Q(
            **{f"{prefix}last_published_at__lt": self.stale_before}
        )


def _start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def moment(today: datetime.date | None = None) -> Moment:
    """Now, for roll-ups: the same rule as ``meetings.periods.stale_before``. Two queries."""
    today = today or timezone.localdate()
    period = current_period(today)
    six_months_ago = _start_of_day(today) - STALE_AFTER
    line = six_months_ago if period.start is None else max(period.start, six_months_ago)
    return Moment(today=today, period=period, stale_before=line)


# --- Roll-up figures --------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """One stage's part of a stacked bar, in percent of the bar."""

    stage: str
    label: str
    count: int
    offset: float
    width: float


@dataclass(frozen=True)
class Rollup:
    """Pledges per stage, mean progress, updated in the current period, stale.

    ``mean_progress`` is over the pledges that state a progress (progress is optional);
    it is None when none does.
    """

    total: int = 0
    fulfilled: int = 0
    in_progress: int = 0
    planning: int = 0
    none: int = 0
    with_progress: int = 0
    mean_progress: float | None = None
    updated: int = 0
    stale: int = 0

    def share(self, stage: str) -> int:
        """Whole percent of pledges at ``stage`` (0 when there are no pledges)."""
        if not self.total:
            return 0
        return round(100 * getattr(self, stage) / self.total)

    @property
    def shares(self) -> dict[str, int]:
        return {stage: self.share(stage) for stage in STAGE_ORDER}

    @property
    def segments(self) -> list[Segment]:
        labels = stage_labels()
        segments, offset = [], 0.0
        for stage in STAGE_ORDER:
            count = getattr(self, stage)
            width = 100 * count / self.total if self.total else 0
            if count:
                segments.append(Segment(stage, labels[stage], count, offset, width))
            offset += width
        return segments


def stage_labels() -> dict[str, str]:
    """Stage code -> label, in ``STAGE_ORDER``; "none" is "No report yet"."""
    labels = {**dict(Stage.choices), "none": gettext("No report yet")}
    return {stage: labels[stage] for stage in STAGE_ORDER}


def _measures(m: Moment) -> dict[str, tuple[str, str, Q]]:
    """name -> (SQL aggregate, pledge field, filter) of each figure of a ``Rollup``."""
    return {
        "total": ("COUNT", "pk", Q()),
        "fulfilled": ("COUNT", "pk", Q(current_stage=Stage.FULFILLED)),
        "in_progress": ("COUNT", "pk", Q(current_stage=Stage.IN_PROGRESS)),
        "planning": ("COUNT", "pk", Q(current_stage=Stage.PLANNING)),
        "none": ("COUNT", "pk", Q(current_stage="")),
        "with_progress": ("COUNT", "current_progress", Q()),
        "mean_progress": ("AVG", "current_progress", Q()),
        "updated": ("COUNT", "pk", m.updated_q()),
        "stale": ("COUNT", "pk", m.stale_q()),
    }


_AGGREGATES = {"COUNT": Count, "AVG": Avg}


def _rollup_from(values: dict, prefix: str = "") -> Rollup:
    kwargs = {name: values[f"{prefix}{name}"] for name in Rollup.__dataclass_fields__}
    kwargs = {k: (v if v is not None or k == "mean_progress" else 0) for k, v in kwargs.items()}
    if kwargs["mean_progress"] is not None:
        kwargs["mean_progress"] = round(float(kwargs["mean_progress"]), 1)
    return Rollup(**kwargs)


def _aggregates(m: Moment, where: Q | None = None, prefix: str = "") -> dict:
    """Keyword arguments for ``Pledge.objects.aggregate()``: one row, one column a figure."""
    where = where if where is not None else Q()
    result = {}
    for name, (function, field_name, condition) in _measures(m).items():
        aggregate = _AGGREGATES[function]
        output = {"output_field": FloatField()} if function == "AVG" else {}
        result[f"{prefix}{name}"] = aggregate(field_name, filter=where & condition, **output)
    return result


def _subqueries(pledges: QuerySet, m: Moment) -> dict:
    """Annotations for a grouping model (objective, area, organization): each figure is a
    correlated subquery over ``pledges`` (a Pledge queryset filtered on ``OuterRef``), so
    joins never count a pledge twice."""
    result = {}
    for name, (function, field_name, condition) in _measures(m).items():
        output = FloatField() if function == "AVG" else IntegerField()
        value = Func(F(field_name), function=function, output_field=output)
        result[f"r_{name}"] = Subquery(
            pledges.filter(condition).order_by().annotate(value=value).values("value"),
            output_field=output,
        )
    return result


def _attach(objects, param):
    """Set ``rollup`` and ``filter_param`` (the pledge list's URL parameter that selects
    the same pledges, e.g. ``objective=2``) on each object."""
    for obj in objects:
        obj.rollup = _rollup_from(obj.__dict__, "r_")
        obj.filter_param = param(obj)
    return objects


def pledges_involving_q(ref=None) -> Q:
    """Pledges the organization ``ref`` leads or co-pledges; ``ref`` is an organization, or
    by default ``OuterRef("pk")`` for a subquery correlated with an Organization queryset.

    A sub-select on the co-pledge table rather than a join, so that a pledge is counted
    once even when it has several co-pledging organizations."""
    ref = ref if ref is not None else OuterRef("pk")
    inner = OuterRef(ref) if isinstance(ref, OuterRef) else ref
    return Q(lead_organization=ref) | Q(
        pk__in=CoPledge.objects.filter(organization=inner).values("pledge")
    )


def pledges_of_kind(kind: str) -> Q:
    """Pledges led or co-pledged by an organization of this kind."""
    return Q(lead_organization__kind=kind) | Q(
        pk__in=CoPledge.objects.filter(organization__kind=kind).values("pledge")
    )


def totals(m: Moment) -> Rollup:
    """The whole network's roll-up. One query."""
    return _rollup_from(Pledge.objects.aggregate(**_aggregates(m)))


def objectives_rollup(m: Moment) -> list[Objective]:
    """The four GCR objectives, each with ``rollup``. One query."""
    pledges = Pledge.objects.filter(objectives=OuterRef("pk"))
    return _attach(
        list(Objective.objects.annotate(**_subqueries(pledges, m))),
        lambda objective: f"objective={objective.number}",
    )


def areas_rollup(m: Moment) -> list[FocusArea]:
    """Every area of focus, each with ``rollup``. One query."""
    pledges = Pledge.objects.filter(focus_areas=OuterRef("pk"))
    return _attach(
        list(FocusArea.objects.annotate(**_subqueries(pledges, m))),
        lambda area: f"area={area.slug}",
    )


@dataclass
class KindRollup:
    kind: str
    label: str
    rollup: Rollup


def kinds_rollup(m: Moment) -> list[KindRollup]:
    """Each organization kind with pledges (led or co-pledged by one of that kind), with
    its ``rollup``. One query whatever the number of pledges."""
    aggregates = {}
    for kind, _label in Organization.Kind.choices:
        aggregates.update(_aggregates(m, pledges_of_kind(kind), prefix=f"{kind}__"))
    values = Pledge.objects.aggregate(**aggregates)
    rows = [
        KindRollup(kind, label, _rollup_from(values, prefix=f"{kind}__"))
        for kind, label in Organization.Kind.choices
    ]
    return [row for row in rows if row.rollup.total]


def organizations_rollup(m: Moment, queryset: QuerySet | None = None) -> list[Organization]:
    """Organizations with ``rollup`` and ``last_report``, most pledges first. One query."""
    queryset = queryset if queryset is not None else Organization.objects.active()
    pledges = Pledge.objects.filter(pledges_involving_q())
    last_report = (
        ProgressUpdate.objects.published()
        .filter(organization=OuterRef("pk"))
        .order_by()
        .values("organization")
        .annotate(last=Max("published_at"))
        .values("last")
    )
    organizations = queryset.annotate(**_subqueries(pledges, m), last_report=Subquery(last_report))
    return _attach(list(organizations), lambda org: f"organization={org.slug}")


# --- Updates over time ------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodBar:
    """Updates published in one reporting period, for the chart."""

    meeting: Meeting | None
    start: datetime.datetime | None
    end: datetime.datetime | None
    count: int
    is_current: bool
    height: float = 0.0  # percent of the tallest bar

    @property
    def top(self) -> float:
        return 100 - self.height


def updates_per_period(m: Moment) -> list[PeriodBar]:
    """Published updates per reporting period (each published meeting closes one; the open
    period after the last meeting comes last), the latest ``PERIODS_IN_CHART``. None
    without a published meeting: there are no periods to compare yet. Two queries."""
    bounds = []
    previous = None
    for meeting in Meeting.objects.closing_periods().order_by("date"):
        start = _start_of_day(previous + datetime.timedelta(days=1)) if previous else None
        bounds.append((meeting, start, _start_of_day(meeting.date + datetime.timedelta(days=1))))
        previous = meeting.date
    if not bounds:
        return []
    if m.period.meeting is None:
        bounds.append((None, m.period.start, None))
    bounds = bounds[-PERIODS_IN_CHART:]
    aggregates = {}
    for index, (_meeting, start, end) in enumerate(bounds):
        condition = Q()
        if start is not None:
            condition &= Q(published_at__gte=start)
        if end is not None:
            condition &= Q(published_at__lt=end)
        aggregates[f"p{index}"] = Count("pk", filter=condition)
    counts = ProgressUpdate.objects.published().aggregate(**aggregates)
    tallest = max(counts.values(), default=0) or 1
    return [
        PeriodBar(
            meeting=meeting,
            start=start,
            end=end,
            count=counts[f"p{index}"],
            is_current=(meeting is None and m.period.meeting is None)
            or (meeting is not None and meeting == m.period.meeting),
            height=100 * counts[f"p{index}"] / tallest,
        )
        for index, (meeting, start, end) in enumerate(bounds)
    ]


# --- The dashboard ----------------------------------------------------------------------


@dataclass
class Dashboard:
    moment: Moment
    totals: Rollup
    organization_count: int
    updates_this_period: int
    objectives: list = field(default_factory=list)
    areas: list = field(default_factory=list)
    kinds: list = field(default_factory=list)
    organizations: list = field(default_factory=list)
    latest_updates: list = field(default_factory=list)
    next_meeting: Meeting | None = None
    periods: list = field(default_factory=list)

    @property
    def days_to_deadline(self) -> int | None:
        """Days from today to the next meeting's update deadline (negative once passed)."""
        if self.next_meeting is None:
            return None
        return (self.next_meeting.update_deadline - self.moment.today).days


def latest_updates(limit: int = LATEST_UPDATES) -> list[ProgressUpdate]:
    """The latest published updates with their pledge and organization. One query."""
    return list(
        ProgressUpdate.objects.published()
        .select_related("pledge", "organization")
        .order_by("-published_at", "-pk")[:limit]
    )


def dashboard(today: datetime.date | None = None) -> Dashboard:
    """Everything the dashboard shows. Twelve queries whatever the number of pledges,
    updates and organizations."""
    m = moment(today)
    organizations = sorted(
        (org for org in organizations_rollup(m) if org.rollup.total),
        key=lambda org: (-org.rollup.total, org.name),
    )
    return Dashboard(
        moment=m,
        totals=totals(m),
        organization_count=len(organizations),
        updates_this_period=ProgressUpdate.objects.published_in(m.period).count(),
        objectives=objectives_rollup(m),
        areas=[area for area in areas_rollup(m) if area.rollup.total],
        kinds=kinds_rollup(m),
        organizations=organizations,
        latest_updates=latest_updates(),
        next_meeting=Meeting.objects.closing_periods().upcoming(m.today).first(),
        periods=updates_per_period(m),
    )


# --- One pledge ---------------------------------------------------------------------------


def pledge_for_page(pk: int) -> Pledge:
    """A pledge with what its page shows, and ``published_updates``: its published updates,
    newest first, with the indicator values they reported. Eight queries.

    Raises Pledge.DoesNotExist."""
    values = IndicatorValue.objects.select_related("indicator").order_by(
        "indicator__order", "indicator__id"
    )
    published = (
        ProgressUpdate.objects.published()
        .select_related("organization")
        .prefetch_related(Prefetch("indicator_values", queryset=values))
        .order_by("-published_at", "-pk")
    )
    return (
        Pledge.objects.select_related("lead_organization")
        .prefetch_related(
            "co_organizations",
            "objectives",
            "focus_areas",
            "contribution_types",
            "indicators",
            Prefetch("updates", queryset=published, to_attr="published_updates"),
        )
        .get(pk=pk)
    )


def pledges_for_list(m: Moment, queryset: QuerySet | None = None) -> QuerySet:
    """Pledges with what a list row shows: lead organization, objectives and ``is_stale``.
    Two queries per page of rows."""
    queryset = queryset if queryset is not None else Pledge.objects.all()
    return (
        queryset.select_related("lead_organization")
        .prefetch_related("objectives")
        .annotate(is_stale=ExpressionWrapper(m.stale_q(), output_field=BooleanField()))
    )
