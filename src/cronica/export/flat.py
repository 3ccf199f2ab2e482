"""Events as flat rows of scalars (one column per field), for GeoJSON properties and Parquet tables."""

from __future__ import annotations

from typing import Any

from cronica.records import COUNT_CATEGORIES

#: Column name -> type ("str", "int", "float", "date", "list") of a flat event row, in order.
FLAT_COLUMNS: dict[str, str] = {
    "id": "str",
    "document": "str",
    "event_type": "str",
    "sub_event_type": "str",
    "plover": "str",
    "date": "date",
    "date_precision": "str",
    "time_precision": "int",
    "date_text": "str",
    "location": "str",
    "country": "str",
    "country_code": "str",
    "admin1": "str",
    "admin2": "str",
    "admin1_native": "str",
    "admin1_iso": "str",
    "latitude": "float",
    "longitude": "float",
    "geo_precision": "int",
    "gazetteer_id": "str",
    "actor1": "str",
    "inter1": "int",
    "actor2": "str",
    "inter2": "int",
    "fatalities": "int",
    **{
        f"{c}{suffix}": "int"
        for c in COUNT_CATEGORIES
        for suffix in ("", "_low", "_best", "_high", "_latest")
    },
    "n_sources": "int",
    "sources": "list",
    "confidence": "float",
    "notes": "str",
}


def flat_event(record: dict[str, Any]) -> dict[str, Any]:
    """One event dictionary (single-document or merged) as a flat row keyed by :data:`FLAT_COLUMNS`."""
    loc = record.get("location") or {}
    date = record.get("date") or {}
    a1, a2 = record.get("actor1") or {}, record.get("actor2") or {}
    sources = record.get("sources") or []
    row: dict[str, Any] = {
        "id": str(record.get("id")),
        "document": record.get("document"),
        "event_type": record.get("event_type"),
        "sub_event_type": record.get("sub_event_type"),
        "plover": record.get("plover"),
        "date": date.get("value"),
        "date_precision": date.get("precision"),
        "time_precision": date.get("time_precision"),
        "date_text": date.get("text"),
        "location": loc.get("name"),
        "country": loc.get("country"),
        "country_code": loc.get("country_code"),
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "admin1_native": loc.get("admin1_native"),
        "admin1_iso": loc.get("admin1_iso"),
        "latitude": loc.get("latitude"),
        "longitude": loc.get("longitude"),
        "geo_precision": loc.get("precision"),
        "gazetteer_id": loc.get("gazetteer_id"),
        "actor1": a1.get("name"),
        "inter1": a1.get("inter"),
        "actor2": a2.get("name"),
        "inter2": a2.get("inter"),
        "fatalities": int(record.get("fatalities") or 0),
        "n_sources": len(sources),
        "sources": [s.get("document") for s in sources if s.get("document")],
        "confidence": record.get("confidence"),
        "notes": ((record.get("evidence") or {}).get("sentence") or {}).get("text"),
    }
    counts = record.get("counts") or {}
    for category in COUNT_CATEGORIES:
        summary = counts.get(category)
        derived = (summary or {}).get("derived") or {}
        value = summary.get("value") if summary else None
        row[category] = value
        row[f"{category}_low"] = derived.get("low", value)
        row[f"{category}_best"] = derived.get("best", value)
        row[f"{category}_high"] = derived.get("high", value)
        row[f"{category}_latest"] = derived.get("latest", value)
    return row
