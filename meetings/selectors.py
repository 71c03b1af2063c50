"""Reads for meetings and their reporting periods. Each function states its query cost.

A period is a ``meetings.periods.ReportingPeriod``: updates published at
``start <= published_at < end`` belong to it; a period without a start (the first meeting's)
covers everything since the pledges were made.

"Stage before" is the stage of a pledge's latest update published before the period (empty:
no report yet); "stage after" is the stage of its latest update published in the period. A
pledge whose stage moved planning -> in progress -> fulfilled within one period therefore
shows one change, planning/none -> fulfilled, and counts once as fulfilled.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organizations.models import Organization
from pledges.models import Indicator, IndicatorValue, Objective, Pledge, ProgressUpdate, Stage

from .models import Meeting
from .periods import ReportingPeriod, period_for_meeting


def _published_before_start(period: ReportingPeriod, prefix: str = "") -> Q:
    """Published before the period began; nothing when the period has no start."""
    if period.start is None:
        return Q(pk__in=[])
    return Q(**{f"{prefix}state": ProgressUpdate.State.PUBLISHED}) & Q(
        **{f"{prefix}published_at__lt": period.start}
    )


def _published_in(period: ReportingPeriod, prefix: str = "") -> Q:
    return Q(**{f"{prefix}state": ProgressUpdate.State.PUBLISHED}) & Q(
        **period.published_filter(prefix)
    )


def _latest_stage(condition: Q) -> Subquery:
    return Subquery(
        ProgressUpdate.objects.filter(condition, pledge=OuterRef("pk"))
        .order_by("-published_at", "-pk")
        .values("stage")[:1]
    )


def pledges_in_period(period: ReportingPeriod) -> QuerySet[Pledge]:
    """Pledges already made when the period ended, annotated with ``stage_before``,
    ``stage_after`` (empty string: none) and ``updated_in_period``. One query."""
    pledges = Pledge.objects.all()
    if period.end is not None:
        end_day = timezone.localtime(period.end).date() - datetime.timedelta(days=1)
        pledges = pledges.filter(Q(pledged_on__isnull=True) | Q(pledged_on__lte=end_day))
    in_period = ProgressUpdate.objects.filter(_published_in(period), pledge=OuterRef("pk"))
    stage_before = Coalesce(_latest_stage(_published_before_start(period)), Value(""))
    return pledges.annotate(
        stage_before=stage_before,
        stage_in_period=Coalesce(_latest_stage(_published_in(period)), Value("")),
        updated_in_period=Exists(in_period),
    ).annotate(
        # Without an update in the period a pledge stays where it was.
        stage_after=Coalesce(_latest_stage(_published_in(period)), stage_before),
    )


def updates_published_in(period: ReportingPeriod) -> QuerySet[ProgressUpdate]:
    """Published updates of the period, oldest first, with pledge and organization.
    One query."""
    return (
        ProgressUpdate.objects.published_in(period)
        .select_related("pledge", "organization")
        .order_by("published_at", "pk")
    )


def stage_changed(pledge: Pledge) -> bool:
    """Whether a pledge of ``pledges_in_period`` ends the period at another stage than it
    began it (an update in the period is needed to move)."""
    return pledge.updated_in_period and pledge.stage_in_period != pledge.stage_before


def became_fulfilled(pledge: Pledge) -> bool:
    """Whether a pledge of ``pledges_in_period`` became fulfilled in the period (counted
    once, however many updates led there)."""
    return stage_changed(pledge) and pledge.stage_in_period == Stage.FULFILLED


def pledges_with_stage_change(period: ReportingPeriod) -> list[Pledge]:
    """Pledges whose stage at the end of the period differs from the one before it
    (``stage_before`` -> ``stage_after``), by id. One query."""
    return [p for p in pledges_in_period(period).order_by("id") if stage_changed(p)]


def pledges_fulfilled_in(period: ReportingPeriod) -> list[Pledge]:
    """Pledges that became fulfilled in the period, by id. One query."""
    return [p for p in pledges_in_period(period).order_by("id") if became_fulfilled(p)]


def pledges_without_update(period: ReportingPeriod) -> QuerySet[Pledge]:
    """Pledges made by the end of the period with no update published in it. One query."""
    return pledges_in_period(period).filter(updated_in_period=False)


def pending_by_organization(pledges) -> list[Organization]:
    """The active organizations leading or co-pledging any of ``pledges`` (pledges with no
    update in a period, with ``lead_organization`` and ``co_organizations`` loaded), by
    slug, each with ``pending_pledges``: its pledges among them, by id. No query.

    The one rule for "who has not reported", on the meeting page, in the reminders and
    in the meeting report."""
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


def organizations_without_update(period: ReportingPeriod) -> list[Organization]:
    """Active organizations leading or co-pledging a pledge with no update in the period,
    each with ``pending_pledges`` (see ``pending_by_organization``). Two queries."""
    pending = (
        pledges_without_update(period)
        .select_related("lead_organization")
        .prefetch_related("co_organizations")
    )
    return pending_by_organization(pending)


def _latest_value(condition: Q) -> Subquery:
    return Subquery(
        IndicatorValue.objects.filter(condition, indicator=OuterRef("pk"))
        .order_by("-update__published_at", "-update__pk")
        .values("value")[:1]
    )


def indicator_movements(period: ReportingPeriod) -> QuerySet[Indicator]:
    """Indicators with a value published in the period, annotated with ``value_before``
    (latest published before it, or None) and ``value_after`` (latest in it). One query."""
    reported = IndicatorValue.objects.filter(_published_in(period, "update__"))
    return (
        Indicator.objects.filter(Exists(reported.filter(indicator=OuterRef("pk"))))
        .annotate(
            value_before=_latest_value(_published_before_start(period, "update__")),
            value_after=_latest_value(_published_in(period, "update__")),
        )
        .select_related("pledge")
        .order_by("pledge_id", "order", "id")
    )


# The meeting report -------------------------------------------------------------------


@dataclass
class StageCount:
    stage: str  # a Stage value, or "" for no report yet
    label: str
    before: int
    after: int

    @property
    def css(self) -> str:
        return self.stage or "none"


# Greys from light to dark, told apart printed in black and white; a white segment is "no
# report yet". SVG attributes rather than CSS, which WeasyPrint does not apply to SVG.
BAR_FILLS = {
    "planning": "#c8c8c8",
    "in_progress": "#7a7a7a",
    "fulfilled": "#1d1d1d",
    "none": "#ffffff",
}


@dataclass
class BarSegment:
    css: str
    label: str
    count: int
    x: float
    width: float

    @property
    def fill(self) -> str:
        return BAR_FILLS[self.css]


def _bar(counts: list[tuple[str, str, int]]) -> list[BarSegment]:
    """Segments of a 100-unit wide stacked bar, one per non-zero count."""
    total = sum(count for _, _, count in counts) or 1
    segments, x = [], 0.0
    for css, label, count in counts:
        if count:
            width = round(count / total * 100, 2)
            segments.append(BarSegment(css, label, count, round(x, 2), width))
            x += width
    return segments


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
        rows = []
        for stage, label in [*Stage.choices, ("", None)]:
            rows.append(
                StageCount(
                    stage=stage,
                    label=label or _("No report yet"),
                    before=sum(1 for p in self.pledges if p.stage_before == stage),
                    after=sum(1 for p in self.pledges if p.stage_after == stage),
                )
            )
        return rows

    @property
    def bars(self) -> dict[str, list[BarSegment]]:
        """The stage distribution before and after the period, as stacked bars."""
        counts = self.stage_counts
        return {
            "before": _bar([(c.css, c.label, c.before) for c in counts]),
            "after": _bar([(c.css, c.label, c.after) for c in counts]),
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
        pledge.stage_before_label = Stage(pledge.stage_before).label if pledge.stage_before else ""
        pledge.stage_after_label = Stage(pledge.stage_after).label if pledge.stage_after else ""
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
