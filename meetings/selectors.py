"""Reads for meetings and their reporting periods. Each function states its query cost.

A period is a ``meetings.calendar.ReportingPeriod``: updates published at
``start <= published_at < end`` belong to it; a period without a start (the first meeting's)
covers everything since the pledges were made.

"Stage before" is the stage of a pledge's latest update published before the period ("none":
no report yet); "stage after" is the stage of its latest update published in the period. A
pledge whose stage moved planning -> in progress -> fulfilled within one period therefore
shows one change, planning/none -> fulfilled, and counts once as fulfilled.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from pledges.models import Indicator, IndicatorValue, Pledge, ProgressUpdate, Stage

from .calendar import ReportingPeriod


def _published_before_start(period: ReportingPeriod, prefix: str = "") -> Q:
    """Published before the period began; nothing when the period has no start."""
    if period.start is None:
        return Q(pk__in=[])
    return Q(**{f"{prefix}state": ProgressUpdate.State.PUBLISHED}) & Q(
        **{f"{prefix}published_at__lt": period.start}
    )


def _latest_stage(condition: Q) -> Subquery:
    return Subquery(
        ProgressUpdate.objects.filter(condition, pledge=OuterRef("pk"))
        .order_by("-published_at", "-pk")
        .values("stage")[:1]
    )


def pledges_in_period(period: ReportingPeriod) -> QuerySet[Pledge]:
    """Pledges already made when the period ended, annotated with ``stage_before``,
    ``stage_after`` ("none": no report yet) and the calendar's ``updated_in_period``.
    One query."""
    stage_before = Coalesce(_latest_stage(_published_before_start(period)), Value(Stage.NONE))
    stage_in_period = _latest_stage(period.updates_q())
    return period.with_status(period.pledges()).annotate(
        stage_before=stage_before,
        stage_in_period=Coalesce(stage_in_period, Value(Stage.NONE)),
        # Without an update in the period a pledge stays where it was.
        stage_after=Coalesce(stage_in_period, stage_before),
    )


def updates_published_in(period: ReportingPeriod) -> QuerySet[ProgressUpdate]:
    """Published updates of the period, oldest first, with pledge and organization.
    One query."""
    return period.updates().select_related("pledge", "organization").order_by("published_at", "pk")


def stage_changed(pledge: Pledge) -> bool:
    """Whether a pledge of ``pledges_in_period`` ends the period at another stage than it
    began it (an update in the period is needed to move)."""
    return pledge.updated_in_period and pledge.stage_in_period != pledge.stage_before


def became_fulfilled(pledge: Pledge) -> bool:
    """Whether a pledge of ``pledges_in_period`` became fulfilled in the period (counted
    once, however many updates led there)."""
    return stage_changed(pledge) and pledge.stage_in_period == Stage.FULFILLED


def _latest_value(condition: Q, column: str = "value") -> Subquery:
    return Subquery(
        IndicatorValue.objects.filter(condition, indicator=OuterRef("pk"))
        .order_by("-update__published_at", "-update__pk")
        .values(column)[:1]
    )


def indicator_movements(period: ReportingPeriod) -> QuerySet[Indicator]:
    """Indicators with a value published in the period, annotated with ``value_before``
    (latest published before it, or None), ``value_after`` (latest in it) and
    ``reported_by_id`` (the organization whose update reported ``value_after``). One query."""
    reported = IndicatorValue.objects.filter(period.updates_q("update__"))
    return (
        Indicator.objects.filter(Exists(reported.filter(indicator=OuterRef("pk"))))
        .annotate(
            value_before=_latest_value(_published_before_start(period, "update__")),
            value_after=_latest_value(period.updates_q("update__")),
            reported_by_id=_latest_value(period.updates_q("update__"), "update__organization_id"),
        )
        .select_related("pledge")
        .order_by("pledge_id", "order", "id")
    )
