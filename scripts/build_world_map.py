"""Build the dashboard's world map: country outlines as SVG paths, from TopoJSON.

    python scripts/build_world_map.py [--centroids countries-50m.json]

Reads ``static/vendor/world-atlas/countries-110m.json`` (Natural Earth 1:110m, public
domain, through the npm package ``world-atlas``), projects it with the Natural Earth
projection (the polynomial of d3-geo's ``geoNaturalEarth1``) into a 1000-unit-wide box,
drops Antarctica, and writes ``dashboards/data/world_map.json``:

    {"width": 1000, "height": ..., "countries": {"JO": {"d": "M..Z", "x": .., "y": ..}, ...}}

keyed by ISO 3166-1 alpha-2 code (through django-countries), with a label point (the
centre of the country's largest polygon) for each. Countries too small for the 1:110m set
(Singapore, Malta, Bahrain, ...) get a label point only, taken from the 1:50m set when
``--centroids`` names it (``npm pack world-atlas@2.0.2``), so the map can still mark them.
Standard library only, plus django-countries for the codes.
"""

import argparse
import json
import math
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "static" / "vendor" / "world-atlas" / "countries-110m.json"
TARGET = ROOT / "dashboards" / "data" / "world_map.json"
WIDTH = 1000
ANTARCTICA = "010"


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (
        0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))
    )
    y = phi * (
        1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))
    )
    return x, y


X_MAX, _ = natural_earth(180, 0)
_, Y_MAX = natural_earth(0, 90)
_, Y_MIN = natural_earth(0, -58)  # the southern tip of South America; Antarctica is left out
SCALE = WIDTH / (2 * X_MAX)
HEIGHT = round((Y_MAX - Y_MIN) * SCALE)


def to_svg(lon, lat):
    x, y = natural_earth(lon, lat)
    return round((x + X_MAX) * SCALE, 1), round((Y_MAX - y) * SCALE, 1)


def decode_arcs(topology):
    """Each arc as a list of (lon, lat), undoing TopoJSON's quantisation and delta coding."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return unwrap(points)


def unwrap(points):
    """A ring crossing the antimeridian (Russia's Chukotka, Fiji) jumps from +180 to -180;
    keep its longitudes continuous instead, so it is drawn whole on one side and the part
    past the edge falls outside the map rather than as a line across the world."""
    result = points[:1]
    for lon, lat in points[1:]:
        previous = result[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        result.append((lon, lat))
    return result


def polygons(geometry, arcs):
    if geometry["type"] == "Polygon":
        return [[ring(arcs, r) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(arcs, r) for r in polygon] for polygon in geometry["arcs"]]
    return []


def _number(value: float) -> str:
    """0.5 -> ".5", -0.5 -> "-.5", 2.0 -> "2": the shortest SVG number."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    if text in ("", "-0"):
        return "0"
    if text.startswith("0."):
        return text[1:]
    if text.startswith("-0."):
        return "-" + text[2:]
    return text


def path_of(rings_projected) -> str:
    """Rings as one SVG path: an absolute start, then relative steps (shorter), 0.1 units."""
    parts = []
    for points in rings_projected:
        deduped = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        if len(deduped) < 3:
            continue
        (x0, y0), steps = deduped[0], []
        for (xa, ya), (xb, yb) in zip(deduped, deduped[1:], strict=False):
            dx, dy = round(xb - xa, 1), round(yb - ya, 1)
            steps.append(f"{_number(dx)}{'' if dy < 0 else ','}{_number(dy)}")
        parts.append(f"M{_number(x0)},{_number(y0)}l" + " ".join(steps) + "z")
    return "".join(parts)


def area_and_centre(points):
    """Signed area and centroid of a projected ring (shoelace formula)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        xs, ys = zip(*points, strict=True)
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return area / 2, (cx / (3 * area), cy / (3 * area))


def label_point(projected_polygons):
    best = max(projected_polygons, key=lambda rings: abs(area_and_centre(rings[0])[0]))
    _, (x, y) = area_and_centre(best[0])
    return round(x, 1), round(y, 1)


def alpha2(numeric: str) -> str | None:
    from django_countries import countries

    return countries.alpha2(int(numeric)) or None


def build(source: Path, centroids: Path | None) -> dict:
    topology = json.loads(source.read_text())
    arcs = decode_arcs(topology)
    result = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        if numeric == ANTARCTICA:
            continue
        projected = [
            [[to_svg(*p) for p in r] for r in polygon] for polygon in polygons(geometry, arcs)
        ]
        if not projected:
            continue
        code = alpha2(numeric) if numeric else None
        key = code or f"_{geometry['properties']['name']}"  # drawn, never highlighted
        x, y = label_point(projected)
        result[key] = {"d": path_of(r for polygon in projected for r in polygon), "x": x, "y": y}
    if centroids:
        small = json.loads(centroids.read_text())
        small_arcs = decode_arcs(small)
        for geometry in small["objects"]["countries"]["geometries"]:
            code = alpha2(geometry["id"]) if geometry.get("id") else None
            if not code or code in result or geometry.get("id") == ANTARCTICA:
                continue
            projected = [
                [[to_svg(*p) for p in r] for r in polygon]
                for polygon in polygons(geometry, small_arcs)
            ]
            if projected:
                x, y = label_point(projected)
                result[code] = {"d": "", "x": x, "y": y}
    return {
        "source": "Natural Earth 1:110m (public domain) via world-atlas 2.0.2",
        "width": WIDTH,
        "height": HEIGHT,
        "countries": dict(sorted(result.items())),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--centroids", type=Path, help="world-atlas countries-50m.json")
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args()
    settings.configure(USE_I18N=False)
    data = build(args.source, args.centroids)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{args.out}: {len(data['countries'])} countries, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
