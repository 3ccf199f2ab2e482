"""Measuring the review work: time per event, edits per field, per reviewer; agreement on double-coded events.

In: the reviewed records (``reviews`` rows not undone). Out: per-reviewer figures and agreement tables.
Agreement is event-level, field by field, as ACLED-style coders compare: the same event type and sub-type,
the same actor names (case-insensitive), dates within a day, places within 25 km, the same deaths. It is
measured between every pair of people who coded the same event (each person's latest record of it) and
between each person and the model (the machine's fields as the model gave them).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import date
from itertools import combinations
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cronica.dedupe import distance_km
from cronica.store.models import ReviewRow

#: Fields compared for agreement, in the order the admin page shows them.
AGREEMENT_FIELDS = ("type", "actors", "date", "place", "deaths")
PLACE_KM = 25.0
DATE_DAYS = 1


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _actor(labels: dict[str, Any], role: str) -> str:
    return ((labels.get(role) or {}).get("name") or "").strip().lower()


def agree(a: dict[str, Any], b: dict[str, Any]) -> dict[str, bool]:
    """Field by field, whether two codings of one event agree (see the module docstring)."""
    da, db = _day(a.get("date")), _day(b.get("date"))
    pa, pb = a.get("place") or {}, b.get("place") or {}
    if None not in (pa.get("latitude"), pb.get("latitude"), pa.get("longitude"), pb.get("longitude")):
        same_place = distance_km(pa["latitude"], pa["longitude"], pb["latitude"], pb["longitude"]) <= PLACE_KM
    else:
        same_place = (pa.get("name") or "").lower() == (pb.get("name") or "").lower()

    def typ(x: dict[str, Any]) -> tuple[Any, Any]:
        return x.get("event_type"), x.get("sub_event_type")

    def actors(x: dict[str, Any]) -> tuple[str, str]:
        return _actor(x, "actor1"), _actor(x, "actor2")

    def deaths(x: dict[str, Any]) -> int:
        return int((x.get("counts") or {}).get("killed") or 0)

    return {
        "type": typ(a) == typ(b),
        "actors": actors(a) == actors(b),
        "date": da == db if da is None or db is None else abs((da - db).days) <= DATE_DAYS,
        "place": same_place,
        "deaths": deaths(a) == deaths(b),
    }


def _edited_fields(model: dict[str, Any], labels: dict[str, Any]) -> list[str]:
    out: list[str] = []
    before = model.get("counts") or {}
    for name, value in labels.items():
        if name == "counts":
            out.extend(f"counts.{c}" for c, v in (value or {}).items() if before.get(c) != v)
        elif name == "place":
            if (value or {}).get("gazetteer_id") != (model.get("place") or {}).get("gazetteer_id"):
                out.append("place")
        elif model.get(name) != value:
            out.append(name)
    return out


def _rates(rows: list[dict[str, bool]]) -> dict[str, Any]:
    n = len(rows)
    out: dict[str, Any] = {"n": n}
    for name in AGREEMENT_FIELDS:
        out[name] = round(sum(r[name] for r in rows) / n, 3) if n else None
    out["all"] = round(sum(all(r.values()) for r in rows) / n, 3) if n else None
    return out


def review_metrics(session: Session) -> dict[str, Any]:
    """Per reviewer: decisions, events, seconds per event (median, mean), edits per field; agreement."""
    kept = select(ReviewRow).where(ReviewRow.undone_at.is_(None)).order_by(ReviewRow.id)
    records = list(session.scalars(kept))
    people: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"decisions": defaultdict(int), "events": set(), "seconds": [], "edits": defaultdict(int)}
    )
    latest: dict[int, dict[str, ReviewRow]] = defaultdict(dict)
    for r in records:
        p = people[r.reviewer]
        p["decisions"][r.decision] += 1
        p["events"].add(r.event_id)
        if r.seconds is not None:
            p["seconds"].append(r.seconds)
        if r.decision in ("edit", "code"):
            for name in _edited_fields(r.model, r.labels):
                p["edits"][name] += 1
        if r.labels:
            latest[r.event_id][r.reviewer] = r
    reviewers = []
    for name, p in sorted(people.items()):
        secs = p["seconds"]
        reviewers.append(
            {
                "reviewer": name,
                "decisions": dict(p["decisions"]),
                "events": len(p["events"]),
                "median_seconds": round(statistics.median(secs), 1) if secs else None,
                "mean_seconds": round(statistics.fmean(secs), 1) if secs else None,
                "edits_per_field": dict(sorted(p["edits"].items())),
            }
        )
    pairs: dict[tuple[str, str], list[dict[str, bool]]] = defaultdict(list)
    model: dict[str, list[dict[str, bool]]] = defaultdict(list)
    for by_person in latest.values():
        for r in by_person.values():
            model[r.reviewer].append(agree(r.model, r.labels))
        for (na, ra), (nb, rb) in combinations(sorted(by_person.items()), 2):
            pairs[(na, nb)].append(agree(ra.labels, rb.labels))
    return {
        "reviewers": reviewers,
        "double_coded_events": sum(1 for by_person in latest.values() if len(by_person) > 1),
        "between_coders": [{"a": a, "b": b, **_rates(rows)} for (a, b), rows in sorted(pairs.items())],
        "coders_vs_model": [{"reviewer": n, **_rates(rows)} for n, rows in sorted(model.items())],
        "fields": list(AGREEMENT_FIELDS),
    }
