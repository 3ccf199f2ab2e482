"""Drawing for the pages, done on the server as SVG shapes (no chart library, nothing to fetch).

In: the service's timeline and map data. Out: lists of shapes (dictionaries of numbers and labels)
that the templates write as ``<rect>`` and ``<circle>`` elements.
"""

from __future__ import annotations

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
    """Circles for located events and the view box that holds them all."""
    box = view_box([(p["lon"], p["lat"]) for p in points])
    r = box[2] / 160
    marks = []
    for p in points:
        x, y = project(p["lon"], p["lat"])
        marks.append(
            {
                "id": p["id"],
                "x": round(x, 4),
                "y": round(y, 4),
                "r": round(r * (1 + min(p["fatalities"] or 0, 50) / 10), 4),
                "cls": type_class(p["type"]),
                "title": f"{p['date'] or 'undated'}: {p['type']} in {p['location']}"
                f" ({p['fatalities']} killed)",
            }
        )
    return {"view_box": " ".join(str(v) for v in box), "marks": marks, "stroke": round(box[2] / 900, 4)}
