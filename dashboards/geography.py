"""Where the pledges act: pledges per country of implementation, and the world map.

The map is drawn on the server as SVG from ``dashboards/data/world_map.json`` (built by
``scripts/build_world_map.py`` from Natural Earth's public-domain outlines, vendored in
``static/vendor/world-atlas/``): no JavaScript, it prints, and the same numbers are in a
table beside it. Countries too small for the 1:110m outlines get a marker only.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.urls import reverse
from django_countries.fields import Country

from pledges.models import Pledge, Stage

MAP_FILE = Path(__file__).resolve().parent / "data" / "world_map.json"
STAGES = tuple(Stage.values)  # furthest along first, as the other tables


@cache
def _outlines() -> dict:
    return json.loads(MAP_FILE.read_text())


@dataclass
class CountryRow:
    """One country's line in the breakdown: its pledges, per stage."""

    code: str
    total: int = 0
    stages: Counter = field(default_factory=Counter)

    @property
    def name(self) -> str:
        return Country(self.code).name

    @property
    def list_url(self) -> str:
        return f"{reverse('dashboards:pledge_list')}?country={self.code}"

    def stage_cells(self) -> list[tuple[str, int, str]]:
        """(stage, count, URL of the pledge list filtered to them), in ``STAGES`` order."""
        return [(s, self.stages[s], f"{self.list_url}&stage={s}") for s in STAGES]


def countries_breakdown(pledges=None) -> tuple[list[CountryRow], int]:
    """Pledges per country of implementation, most pledges first, then by name in the
    reader's language (a pledge acting in three countries counts once in each), and the
    number of pledges that record no country. One query."""
    pledges = Pledge.objects.all() if pledges is None else pledges
    rows: dict[str, CountryRow] = {}
    without = 0
    # values_list gives the column as stored: codes joined by commas ("JO,UG").
    for codes, stage in pledges.values_list("countries", "current_stage"):
        if not codes:
            without += 1
        for code in str(codes).split(",") if codes else ():
            row = rows.setdefault(code, CountryRow(code))
            row.total += 1
            row.stages[stage or "none"] += 1
    return sorted(rows.values(), key=lambda row: (-row.total, row.name)), without


@dataclass
class MapShape:
    code: str
    d: str
    level: int  # 0: no pledge; 1, 2, 3: few to many


@dataclass
class MapMarker:
    code: str
    name: str
    x: float
    y: float
    count: int


@dataclass
class WorldMap:
    width: int
    height: int
    shapes: list[MapShape]
    markers: list[MapMarker]
    missing: list[str]  # codes the outlines do not know (none today); listed in the table


def _level(count: int, most: int) -> int:
    if not count:
        return 0
    if most <= 2:
        return 2
    return 1 + min(2, (3 * (count - 1)) // most)


def world_map(rows: list[CountryRow]) -> WorldMap:
    """Every country's outline, shaded by its number of pledges, and a numbered marker on
    each country that has any (so the map reads without colour, and in print)."""
    outlines = _outlines()
    counts = {row.code: row.total for row in rows}
    most = max(counts.values(), default=0)
    shapes = [
        MapShape(code, shape["d"], _level(counts.get(code, 0), most))
        for code, shape in outlines["countries"].items()
        if shape["d"]
    ]
    markers, missing = [], []
    for row in rows:
        shape = outlines["countries"].get(row.code)
        if shape is None:
            missing.append(row.code)
            continue
        markers.append(MapMarker(row.code, row.name, shape["x"], shape["y"], row.total))
    # Smaller numbers drawn last, so a big neighbour's marker never hides a small one.
    markers.sort(key=lambda marker: -marker.count)
    return WorldMap(outlines["width"], outlines["height"], shapes, markers, missing)


@dataclass
class Where:
    """The dashboard's "Where the pledges act": the breakdown and its map."""

    rows: list[CountryRow]
    map: WorldMap
    without_country: int


def where(pledges=None) -> Where:
    """The breakdown, the map and how many pledges record no country. One query."""
    rows, without = countries_breakdown(pledges)
    return Where(rows, world_map(rows), without)
