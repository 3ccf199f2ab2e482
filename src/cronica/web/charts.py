"""Drawing for the pages, done on the server as SVG shapes (no chart library, nothing to fetch).

In: the service's timeline and map data. Out: lists of shapes (dictionaries of numbers and labels)
that the templates write as ``<rect>`` and ``<circle>`` elements.
"""

from __future__ import annotations

import math
from typing import Any

from cronica.web.worldmap import project, view_box

#: Event types in ACLED's order, each with its colour class (``t0`` ... ``t5`` in app.css).
TYPE_ORDER = (
    "Protests",
    "Riots",
    "Violence against civilians",
    "Battles",
    "Explosions/Remote violence",
    "Strategic developments",
)


def type_class(event_type: str | None) -> str:
    return f"t{TYPE_ORDER.index(event_type)}" if event_type in TYPE_ORDER else "t6"


def timeline_bars(
    data: dict[str, Any], measure: str = "events", width: float = 900.0, height: float = 160.0
) -> dict[str, Any]:
    """Stacked bars, one per day or week, one block per event type; ``measure`` is events or deaths."""
    rows = data["rows"]
    totals = [sum(r[measure].values()) for r in rows]
    top = max(totals, default=0) or 1
    n = max(len(rows), 1)
    step = width / n
    bars = []
    for i, row in enumerate(rows):
        y = height
        for event_type in sorted(row[measure], key=lambda t: (type_class(t), t)):
            value = row[measure][event_type]
            if not value:
                continue
            h = value / top * (height - 14)
            y -= h
            bars.append(
                {
                    "x": round(i * step + step * 0.1, 2),
                    "y": round(y, 2),
                    "w": round(step * 0.8, 2),
                    "h": round(h, 2),
                    "cls": type_class(event_type),
                    "title": f"{row['start']}: {value} {measure} ({event_type})",
                }
            )
    labels = []
    if rows:
        every = max(1, len(rows) // 8)
        labels = [
            {"x": round(i * step + step / 2, 2), "text": r["start"]}
            for i, r in enumerate(rows)
            if i % every == 0
        ]
    return {"bars": bars, "labels": labels, "top": top, "width": width, "height": height}


def map_marks(points: list[dict[str, Any]]) -> dict[str, Any]:
    """Circles for the points of :func:`cronica.web.explore.map_points` and the view box that holds them.

    A circle's area grows with the number of events at its place; it links to the newest of them.
    """
    box = view_box([(p["lon"], p["lat"]) for p in points])
    r = box[2] / 200
    marks = []
    for p in points:
        x, y = project(p["lon"], p["lat"])
        n = p["events"]
        dates = (
            p["first_date"] if p["first_date"] == p["last_date"] else f"{p['first_date']} to {p['last_date']}"
        )
        marks.append(
            {
                "id": p["event"],
                "x": round(x, 4),
                "y": round(y, 4),
                "r": round(r * min(1 + math.sqrt(n - 1), 8), 4),
                "cls": type_class(p["type"]),
                "title": f"{p['location']}: {n} event{'s' if n != 1 else ''} ({dates or 'undated'}), "
                f"{p['fatalities']} killed; mostly {p['type']}",
            }
        )
    return {"view_box": " ".join(str(v) for v in box), "marks": marks, "stroke": round(box[2] / 900, 4)}
