"""A person's corrections of an event, laid over the machine's fields wherever the event is read.

In: the ``fields`` of an event's :class:`~cronica.store.models.EventReviewRow` (only what a person
changed). Out: the event row's columns (so filters see the corrected values) and the event dictionary
of :func:`cronica.store.queries.merged_event_dict` (so lists, pages and exports show them), each
corrected field marked under ``reviewed``. Merging or splitting recomputes an event from its reports;
:func:`apply_to_row` runs after that, so corrections survive.

Correctable fields (:data:`FIELDS`): ``event_type``, ``sub_event_type``, ``date`` (ISO day),
``date_precision`` (day, week, month, year), ``actor1`` and ``actor2`` (``{"name", "inter"}``),
``place`` (the place columns of :data:`cronica.store.repository.PLACE_COLUMNS`) and ``counts``
(category -> number). Unknown names raise :class:`~cronica.store.errors.StoreError`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cronica.records import COUNT_CATEGORIES
from cronica.store.errors import StoreError
from cronica.store.models import PLACE_COLUMNS, EventCountRow, EventReviewRow, EventRow, PlaceRow

FIELDS = ("event_type", "sub_event_type", "date", "date_precision", "actor1", "actor2", "place", "counts")
PRECISIONS = ("day", "week", "month", "year")
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
#: The place columns a correction sets (all but the resolver's ``status``).
PLACE_KEYS = tuple(c for c in PLACE_COLUMNS if c != "status")


def check(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` validated and normalised; raises :class:`StoreError` naming the first bad field."""
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in FIELDS:
            raise StoreError(f"no correctable field {name!r} (fields: {', '.join(FIELDS)})")
        if name in ("event_type", "sub_event_type"):
            if not isinstance(value, str) or not value.strip():
                raise StoreError(f"{name} must be a non-empty text")
            out[name] = value.strip()
        elif name == "date":
            if value in (None, ""):
                out[name] = None
                continue
            try:
                out[name] = date.fromisoformat(str(value)).isoformat()
            except ValueError as exc:
                raise StoreError(f"date must be YYYY-MM-DD, not {value!r}") from exc
        elif name == "date_precision":
            if value not in PRECISIONS:
                raise StoreError(f"date_precision must be one of {', '.join(PRECISIONS)}, not {value!r}")
            out[name] = value
        elif name in ("actor1", "actor2"):
            out[name] = _actor(name, value)
        elif name == "place":
            if not isinstance(value, dict) or not value.get("name"):
                raise StoreError("place must be a gazetteer place with a name")
            out[name] = {k: value.get(k) for k in PLACE_KEYS}
        else:
            out[name] = _counts(value)
    return out


def _actor(name: str, value: Any) -> dict[str, Any] | None:
    if value is None or (isinstance(value, dict) and not (value.get("name") or "").strip()):
        return None
    if not isinstance(value, dict):
        raise StoreError(f"{name} must be {{'name': ..., 'inter': 1-8}}")
    inter = value.get("inter")
    if inter in ("", None):
        inter = None
    else:
        try:
            inter = int(inter)
        except (TypeError, ValueError) as exc:
            raise StoreError(f"{name}.inter must be a number 1-8, not {inter!r}") from exc
        if not 1 <= inter <= 8:
            raise StoreError(f"{name}.inter must be 1-8, not {inter}")
    return {"name": str(value["name"]).strip(), "inter": inter}


def _counts(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        raise StoreError("counts must map killed/injured/arrested/participants to numbers")
    out: dict[str, int] = {}
    for category, number in value.items():
        if category not in COUNT_CATEGORIES:
            raise StoreError(f"no count category {category!r} ({', '.join(COUNT_CATEGORIES)})")
        try:
            n = int(number)
        except (TypeError, ValueError) as exc:
            raise StoreError(f"counts.{category} must be a whole number, not {number!r}") from exc
        if n < 0:
            raise StoreError(f"counts.{category} cannot be negative")
        out[category] = n
    return out


def _place_row(session: Session, place: dict[str, Any]) -> PlaceRow:
    key = f"gz:{place['gazetteer_id']}" if place.get("gazetteer_id") else None
    if key is None:
        key = f"nm:{' '.join(str(place['name']).lower().split())}|{place.get('country_code') or ''}|"
        key += (place.get("admin1") or "").lower()
    key = key[:400]
    row = session.scalar(select(PlaceRow).where(PlaceRow.key == key))
    if row is None:
        row = PlaceRow(key=key, status="resolved", **{k: place.get(k) for k in PLACE_KEYS})
        session.add(row)
        session.flush()
    return row


def apply_to_row(session: Session, event: EventRow) -> None:
    """Lay the event's stored corrections over its columns and derived counts (no-op without any)."""
    review = session.get(EventReviewRow, event.id)
    if review is None or not review.fields:
        return
    f = review.fields
    for name in ("event_type", "sub_event_type", "date_precision"):
        if name in f:
            setattr(event, name, f[name])
    if "date" in f:
        event.date = date.fromisoformat(f["date"]) if f["date"] else None
    for role, inter in (("actor1", "inter1"), ("actor2", "inter2")):
        if role in f:
            setattr(event, role, (f[role] or {}).get("name"))
            setattr(event, inter, (f[role] or {}).get("inter"))
    if f.get("place"):
        row = _place_row(session, f["place"])
        event.place_id = row.id
        event.location, event.country, event.country_code = row.name, row.country, row.country_code
        event.admin1, event.latitude, event.longitude = row.admin1, row.latitude, row.longitude
    for category, value in (f.get("counts") or {}).items():
        figure = session.get(EventCountRow, (event.id, category))
        if figure is None:
            session.add(
                EventCountRow(
                    event_id=event.id,
                    category=category,
                    acled=value,
                    low=value,
                    best=value,
                    high=value,
                    latest=value,
                    n_claims=0,
                    n_reports=0,
                )
            )
        else:
            figure.acled = figure.low = figure.best = figure.high = figure.latest = value
        if category == "killed":
            event.fatalities = value


def apply_to_dict(out: dict[str, Any], review: EventReviewRow | None) -> dict[str, Any]:
    """Lay corrections over an event dictionary; adds ``review`` (status, by, at, version, fields)."""
    if review is None:
        out["review"] = {"status": "unreviewed", "version": 0, "by": None, "at": None, "fields": []}
        return out
    f = review.fields or {}
    out["review"] = {
        "status": review.status,
        "version": review.version,
        "by": review.reviewed_by,
        "at": review.reviewed_at.isoformat() if review.reviewed_at else None,
        "fields": sorted(f),
    }
    for name in ("event_type", "sub_event_type"):
        if name in f:
            out[name] = f[name]
    if "date" in f or "date_precision" in f:
        d = dict(out.get("date") or {})
        if "date" in f:
            d["value"] = f["date"]
        if "date_precision" in f:
            d["precision"] = f["date_precision"]
            d["time_precision"] = TIME_PRECISION[f["date_precision"]]
        out["date"] = d
    for role in ("actor1", "actor2"):
        if role in f:
            if f[role] is None:
                out[role] = None
            else:
                actor = dict(out.get(role) or {"associated": []})
                actor.update(name=f[role]["name"], inter=f[role]["inter"])
                out[role] = actor
    if f.get("place"):
        loc = dict(out.get("location") or {})
        loc.update(f["place"])
        loc["status"] = "resolved"
        out["location"] = loc
    counts = dict(out.get("counts") or {})
    for category, value in (f.get("counts") or {}).items():
        summary = dict(counts.get(category) or {"claims": [], "qualifier": "exact", "text": None})
        summary["value"] = value
        summary["reviewed"] = True
        summary["derived"] = {k: value for k in ("acled", "low", "best", "high", "latest")}
        counts[category] = summary
        if category == "killed":
            out["fatalities"] = value
    out["counts"] = counts
    return out
