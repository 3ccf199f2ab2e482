"""The offline world map: Natural Earth country outlines (npm ``world-atlas``, packaged in
``cronica/data/world-atlas``) decoded from TopoJSON into SVG paths, and the view box around a set of points.

Projection: plate carrée, x = longitude + 180, y = 90 - latitude (so the SVG user unit is one degree).
In: nothing (the packaged file) or points. Out: :class:`WorldMap` with one path per country. A missing
or broken file raises :class:`~cronica.errors.DataFileError`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from cronica.errors import DataFileError

WIDTH, HEIGHT = 360.0, 180.0


@dataclass(frozen=True)
class Country:
    name: str
    path: str


@dataclass(frozen=True)
class WorldMap:
    countries: tuple[Country, ...]


def project(lon: float, lat: float) -> tuple[float, float]:
    return lon + 180.0, 90.0 - lat


def _decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append(project(x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        if len(ring) < 3:
            continue
        parts.append("M" + "L".join(f"{x:.2f},{y:.2f}" for x, y in ring) + "Z")
    return "".join(parts)


def load_world() -> WorldMap:
    """Country outlines from the packaged ``countries-110m.json``."""
    try:
        raw = resources.files("cronica").joinpath("data/world-atlas/countries-110m.json").read_text("utf-8")
        topo = json.loads(raw)
        arcs = _decode_arcs(topo)
        countries = []
        for geom in topo["objects"]["countries"]["geometries"]:
            polygons = geom.get("arcs") or []
            if geom.get("type") == "Polygon":
                polygons = [polygons]
            rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
            countries.append(Country((geom.get("properties") or {}).get("name", ""), _path(rings)))
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise DataFileError(f"world-atlas countries-110m.json is missing or broken: {exc}") from exc
    return WorldMap(tuple(countries))


def view_box(points: list[tuple[float, float]], pad: float = 4.0, min_size: float = 8.0) -> tuple[float, ...]:
    """The SVG view box (x, y, width, height) around ``(lon, lat)`` points; the whole world when none."""
    if not points:
        return (0.0, 0.0, WIDTH, HEIGHT)
    xs, ys = zip(*(project(lon, lat) for lon, lat in points), strict=True)
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    w = max(x1 - x0 + 2 * pad, min_size)
    h = max(y1 - y0 + 2 * pad, min_size / 2)
    # keep the world's 2:1 shape so the map does not stretch
    if w < 2 * h:
        w = 2 * h
    else:
        h = w / 2
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return (round(cx - w / 2, 3), round(cy - h / 2, 3), round(w, 3), round(h, 3))
