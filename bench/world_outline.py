"""Write service/static/world.svg: Natural Earth land (public domain) in plate carrée.

Source: `land-110m.json` from the npm package world-atlas 2.0.2 (TopoJSON, ISC; the data is
Natural Earth, public domain). Regenerate with

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python bench/world_outline.py package/land-110m.json

The SVG uses viewBox "-180 -90 360 180": x = longitude, y = -latitude, so the dashboard
places a point at (lon, -lat) with no projection code.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "service" / "static" / "world.svg"


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def planar_rings(pts: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A spherical ring as plane rings: longitudes unwrapped across the antimeridian.

    A ring that crosses ±180° (Chukotka, Fiji) is drawn continuously and once more shifted by
    360°, so the viewBox clips both halves; a ring around a pole (Antarctica) is closed along it.
    """
    unwrapped = [pts[0]]
    for lon, lat in pts[1:]:
        prev = unwrapped[-1][0]
        while lon - prev > 180:
            lon -= 360
        while prev - lon > 180:
            lon += 360
        unwrapped.append((lon, lat))
    (first_lon, _), (last_lon, _) = unwrapped[0], unwrapped[-1]
    if abs(last_lon - first_lon) > 180:  # winds around a pole
        pole = -90.0 if sum(lat for _, lat in unwrapped) < 0 else 90.0
        unwrapped += [(last_lon, pole), (first_lon, pole)]
    lons = [lon for lon, _ in unwrapped]
    shifts = [0]
    if min(lons) < -180:
        shifts.append(360)
    if max(lons) > 180:
        shifts.append(-360)
    return [[(lon + shift, lat) for lon, lat in unwrapped] for shift in shifts]


def path_data(topo: dict) -> str:
    arcs = decode_arcs(topo)
    parts = []
    for geometry in topo["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                for pts in planar_rings(ring_points(ring, arcs)):
                    coords = " ".join(f"{lon:.1f} {-lat:.1f}" for lon, lat in pts)
                    parts.append(f"M{coords}Z")
    return "".join(parts)


def graticule() -> str:
    lines = [f"M{lon} -90V90" for lon in range(-150, 180, 30)]
    lines += [f"M-180 {lat}H180" for lat in range(-60, 90, 30)]
    return "".join(lines)


def main(source: str) -> None:
    topo = json.loads(Path(source).read_text(encoding="utf-8"))
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180" '
        'preserveAspectRatio="none">\n'
        "<!-- Land: Natural Earth 1:110m (public domain) via world-atlas 2.0.2 (ISC). -->\n"
        '<rect x="-180" y="-90" width="360" height="180" fill="#eef4f8"/>\n'
        f'<path d="{graticule()}" fill="none" stroke="#c9d6e0" stroke-width="0.3"/>\n'
        f'<path id="land" d="{path_data(topo)}" fill="#d7dccf" stroke="#9aa38f" stroke-width="0.3" '
        'stroke-linejoin="round"/>\n'
        "</svg>\n"
    )
    OUT.write_text(svg, encoding="utf-8")
    print(f"wrote {OUT} ({len(svg)} bytes)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package/land-110m.json")
