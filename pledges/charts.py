"""Chart geometry shared by the dashboard and the meeting report: stacked stage bars and
column heights, in percent, for SVG drawn on the server."""

from collections.abc import Mapping
from dataclasses import dataclass

from .models import Stage

# Greys from light to dark, told apart printed in black and white; a white segment is "no
# report yet". SVG attributes rather than CSS, which WeasyPrint does not apply to SVG.
PRINT_FILLS = {
    Stage.PLANNING: "#c8c8c8",
    Stage.IN_PROGRESS: "#7a7a7a",
    Stage.FULFILLED: "#1d1d1d",
    Stage.NONE: "#ffffff",
}


@dataclass(frozen=True)
class BarSegment:
    """One stage's part of a 100-wide stacked bar."""

    stage: str
    label: str
    count: int
    offset: float
    width: float

    @property
    def print_fill(self) -> str:
        return PRINT_FILLS[self.stage]


def stacked_bar(counts: Mapping[str, int]) -> list[BarSegment]:
    """Segments of a stacked bar of pledges per stage (``counts``: stage -> number), in
    ``Stage`` order, one per non-zero count."""
    total = sum(counts.values())
    segments, offset = [], 0.0
    for stage in Stage:
        count = counts.get(stage.value, 0)
        if count:
            width = round(100 * count / total, 2)
            segments.append(BarSegment(stage.value, str(stage.label), count, offset, width))
            offset = round(offset + width, 2)
    return segments


def heights(values: list[int]) -> list[float]:
    """Each value as a percent of the largest (all 0 when every value is 0)."""
    tallest = max(values, default=0) or 1
    return [100 * value / tallest for value in values]
