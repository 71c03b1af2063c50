"""How a pledge moved: its stage and progress across its published updates, each
indicator's reported values over time against its target, and the meetings where it was
on the agenda. The charts are SVG drawn on the server (geometry here, markup in
``templates/dashboards/_pledge_history.html``), each with a table of the same numbers.

Everything is computed from ``pledge.published_updates`` as ``pledge_for_page`` prefetches
it (published updates, newest first, with their indicator values): no query of its own,
except ``agenda_meetings``.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from meetings.models import Meeting

WIDTH = 640
LEFT, RIGHT = 56, 24
PLOT_TOP, PLOT_BOTTOM = 14, 118  # the progress (or value) area
RIBBON_TOP, RIBBON_HEIGHT = 128, 18  # the stage ribbon of the timeline
HEIGHT, AXIS_Y = 172, 164  # the timeline: progress, the stage ribbon, the dates
VALUES_HEIGHT, VALUES_AXIS_Y = 146, 138  # an indicator: values, the dates


@dataclass
class Point:
    """One published update (or value) on a chart, with its position."""

    when: datetime.datetime
    x: float
    y: float | None
    value: Decimal | int | None
    stage: str = ""
    stage_label: str = ""
    organization: str = ""
    update_id: int | None = None


@dataclass
class Segment:
    """A stretch of the stage ribbon: from one update to the next (the last to today)."""

    stage: str
    label: str
    x: float
    width: float


@dataclass
class Chart:
    width: int
    height: int
    axis_y: int  # where the dates are written
    points: list[Point]
    path: str  # the line through the points that have a value
    gridlines: list[tuple[float, str]]  # (y, label)
    ticks: list[tuple[float, datetime.date]]  # (x, date) on the time axis
    segments: list[Segment] | None = None  # the timeline's stage ribbon
    target_y: float | None = None
    target: Decimal | None = None
    baseline_y: float | None = None
    baseline: Decimal | None = None


def _x_scale(start: datetime.datetime, end: datetime.datetime):
    span = (end - start).total_seconds()
    usable = WIDTH - LEFT - RIGHT

    def x(moment: datetime.datetime) -> float:
        if span <= 0:
            return round(LEFT + usable / 2, 1)
        return round(LEFT + usable * (moment - start).total_seconds() / span, 1)

    return x


def _y_scale(top_value: float):
    def y(value) -> float:
        share = float(value) / top_value if top_value else 0
        return round(PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * share, 1)

    return y


def _path(points: list[Point]) -> str:
    drawn = [p for p in points if p.y is not None]
    if len(drawn) < 2:
        return ""
    return "M" + " L".join(f"{p.x},{p.y}" for p in drawn)


def _ticks(x, start, end) -> list[tuple[float, datetime.date]]:
    first, last = timezone.localdate(start), timezone.localdate(end)
    return [(x(start), first)] if first == last else [(x(start), first), (x(end), last)]


def progress_timeline(published_updates) -> Chart | None:
    """The stage and progress of each published update, oldest first; None without any."""
    updates = sorted(published_updates, key=lambda u: (u.published_at, u.pk))
    if not updates:
        return None
    start, end = updates[0].published_at, max(updates[-1].published_at, timezone.now())
    x, y = _x_scale(start, end), _y_scale(100)
    points = [
        Point(
            when=u.published_at,
            x=x(u.published_at),
            y=y(u.progress) if u.progress is not None else None,
            value=u.progress,
            stage=u.stage,
            stage_label=u.get_stage_display(),
            organization=u.organization.name,
            update_id=u.pk,
        )
        for u in updates
    ]
    segments = []
    for here, after in zip(points, [*points[1:], None], strict=True):
        right = after.x if after else x(end)
        segments.append(Segment(here.stage, here.stage_label, here.x, round(right - here.x, 1)))
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        axis_y=AXIS_Y,
        points=points,
        path=_path(points),
        gridlines=[(y(v), f"{v} %") for v in (0, 50, 100)],
        ticks=_ticks(x, start, end),
        segments=segments,
    )


def indicator_charts(indicators, published_updates) -> list[tuple[object, Chart | None]]:
    """For each indicator, its chart of reported values against its target (None when no
    value is published)."""
    values: dict[int, list[tuple[datetime.datetime, Decimal]]] = {}
    for update in sorted(published_updates, key=lambda u: (u.published_at, u.pk)):
        for value in update.indicator_values.all():
            values.setdefault(value.indicator_id, []).append((update.published_at, value.value))
    charts = []
    for indicator in indicators:
        series = values.get(indicator.pk, [])
        charts.append((indicator, _indicator_chart(indicator, series) if series else None))
    return charts


def _indicator_chart(indicator, series) -> Chart:
    start, end = series[0][0], series[-1][0]
    top = max([float(v) for _, v in series] + [float(indicator.target or 0)]) * 1.1 or 1
    x, y = _x_scale(start, end), _y_scale(top)
    points = [Point(when=when, x=x(when), y=y(value), value=value) for when, value in series]
    gridlines = [(y(0), "0")]
    return Chart(
        width=WIDTH,
        height=VALUES_HEIGHT,
        axis_y=VALUES_AXIS_Y,
        points=points,
        path=_path(points),
        gridlines=gridlines,
        ticks=_ticks(x, start, end),
        target_y=y(indicator.target) if indicator.target is not None else None,
        target=indicator.target,
        baseline_y=y(indicator.baseline) if indicator.baseline is not None else None,
        baseline=indicator.baseline,
    )


def agenda_meetings(pledge, *, include_unpublished: bool = False):
    """The meetings where the pledge was on the agenda, earliest first. One query."""
    meetings = Meeting.objects.filter(agenda_items__pledges=pledge).distinct().order_by("date")
    return meetings if include_unpublished else meetings.published()


@dataclass
class PledgeHistory:
    timeline: Chart | None
    indicators: list
    meetings: list

    @property
    def has_any(self) -> bool:
        return bool(self.timeline or self.meetings)


def pledge_history(pledge) -> PledgeHistory:
    """What the pledge page's "How it moved" shows, from ``pledge_for_page``'s pledge."""
    updates = pledge.published_updates
    return PledgeHistory(
        timeline=progress_timeline(updates),
        indicators=indicator_charts(pledge.indicators.all(), updates),
        meetings=list(agenda_meetings(pledge)),
    )
