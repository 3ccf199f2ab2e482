"""Reading the record for people: filters from a URL, pages of events, timelines, map points, the
report text with each field's evidence marked, and gazetteer choices for the place editor.

In: query parameters (a shareable URL), an open session. Out: plain dictionaries and dataclasses the
API returns as JSON and the pages render. Bad parameters raise :class:`BadRequestError` naming them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from cronica.resolve import Gazetteer, GazetteerEntry
from cronica.resolve.divisions import label_of
from cronica.store.models import DocumentRow, EventRow, EvidenceRow, ReportRow
from cronica.store.queries import EventFilter, event_query, merged_event_dicts
from cronica.web.errors import BadRequestError

#: The filter parameters of every list, map, timeline and download URL, in the order they are shown.
FILTER_PARAMS = (
    "country",
    "admin1",
    "since",
    "until",
    "type",
    "actor",
    "min_fatalities",
    "reviewed",
    "q",
)


def _day(name: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise BadRequestError(f"{name} must be a date YYYY-MM-DD, not {value!r}") from exc


def event_filter(params: Mapping[str, str]) -> EventFilter:
    """The :class:`EventFilter` a URL's query parameters (:data:`FILTER_PARAMS`) describe."""
    get = {k: (params.get(k) or "").strip() for k in FILTER_PARAMS}
    min_fatalities = None
    if get["min_fatalities"]:
        try:
            min_fatalities = int(get["min_fatalities"])
            if not 0 <= min_fatalities <= 10**9:
                raise ValueError(min_fatalities)
        except ValueError as exc:
            raise BadRequestError(
                f"min_fatalities must be a whole number, not {get['min_fatalities']!r}"
            ) from exc
    reviewed = None
    if get["reviewed"]:
        if get["reviewed"] not in ("yes", "no"):
            raise BadRequestError(f"reviewed must be yes or no, not {get['reviewed']!r}")
        reviewed = get["reviewed"] == "yes"
    return EventFilter(
        country=get["country"] or None,
        admin1=get["admin1"] or None,
        since=_day("since", get["since"]) if get["since"] else None,
        until=_day("until", get["until"]) if get["until"] else None,
        event_type=get["type"] or None,
        actor=get["actor"] or None,
        min_fatalities=min_fatalities,
        reviewed=reviewed,
        text=get["q"] or None,
    )


def filter_params(flt: EventFilter) -> dict[str, str]:
    """The query parameters of ``flt`` (the inverse of :func:`event_filter`), empty ones left out."""
    values: dict[str, Any] = {
        "country": flt.country,
        "admin1": flt.admin1,
        "since": flt.since.isoformat() if flt.since else None,
        "until": flt.until.isoformat() if flt.until else None,
        "type": flt.event_type,
        "actor": flt.actor,
        "min_fatalities": flt.min_fatalities,
        "reviewed": None if flt.reviewed is None else ("yes" if flt.reviewed else "no"),
        "q": flt.text,
    }
    return {k: str(v) for k, v in values.items() if v not in (None, "")}


def query_string(flt: EventFilter, **extra: object) -> str:
    params = {**filter_params(flt), **{k: str(v) for k, v in extra.items() if v not in (None, "")}}
    return urlencode(params)


def event_page(session: Session, flt: EventFilter, offset: int = 0, limit: int = 50) -> dict[str, Any]:
    """One page of merged events matching ``flt``, with the total (counted and paged in SQL)."""
    if not 1 <= limit <= 1000:
        raise BadRequestError("limit must be 1-1000")
    if offset < 0:
        raise BadRequestError("offset cannot be negative")
    q = event_query(flt)
    total = session.scalar(select(func.count()).select_from(q.order_by(None).subquery())) or 0
    page = list(session.scalars(q.offset(offset).limit(limit)))
    return {
        "total": total,
        "offset": offset,
        "limit": limit,
        "events": list(merged_event_dicts(session, page)),
    }


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def timeline(session: Session, flt: EventFilter, bucket: str = "day") -> dict[str, Any]:
    """Events and deaths per day (or week from Monday) by event type; undated events counted apart.

    Summed in SQL by day and type; weeks are folded from the days.
    """
    if bucket not in ("day", "week"):
        raise BadRequestError(f"bucket must be day or week, not {bucket!r}")
    chosen = (
        event_query(flt)
        .order_by(None)
        .with_only_columns(EventRow.date, EventRow.event_type, EventRow.fatalities)
        .subquery()
    )
    per_day = select(
        chosen.c.date, chosen.c.event_type, func.count(), func.coalesce(func.sum(chosen.c.fatalities), 0)
    )
    events: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    deaths: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    types: set[str] = set()
    undated = 0
    for day, event_type, n, dead in session.execute(per_day.group_by(chosen.c.date, chosen.c.event_type)):
        if day is None:
            undated += n
            continue
        key = (week_of(day) if bucket == "week" else day).isoformat()
        events[key][event_type] += n
        deaths[key][event_type] += int(dead)
        types.add(event_type)
    return {
        "bucket": bucket,
        "types": sorted(types),
        "undated": undated,
        "rows": [{"start": b, "events": dict(events[b]), "deaths": dict(deaths[b])} for b in sorted(events)],
    }


def map_points(session: Session, flt: EventFilter) -> dict[str, Any]:
    """The located events matching ``flt`` grouped by point (a place), with how many have no coordinates.

    Each point: ``lat``, ``lon``, ``location``, ``events`` (how many), ``fatalities`` (their sum),
    ``type`` (the most frequent event type there), ``event`` (the newest event there), first and last date.
    Grouped in SQL, so a map of 100,000 events is a few thousand points at most.
    """
    chosen = event_query(flt).order_by(None).subquery()
    c = chosen.c
    per_place_type = select(
        c.latitude,
        c.longitude,
        c.event_type,
        func.max(c.location),
        func.count(),
        func.coalesce(func.sum(c.fatalities), 0),
        func.max(c.id),
        func.min(c.date),
        func.max(c.date),
    ).group_by(c.latitude, c.longitude, c.event_type)
    points: dict[tuple[float, float], dict[str, Any]] = {}
    unlocated = 0
    for lat, lon, event_type, location, n, dead, newest, first, last in session.execute(per_place_type):
        if lat is None or lon is None:
            unlocated += n
            continue
        p = points.setdefault(
            (lat, lon),
            {
                "lat": lat,
                "lon": lon,
                "location": location,
                "events": 0,
                "fatalities": 0,
                "event": newest,
                "type": event_type,
                "top": 0,
                "first_date": first,
                "last_date": last,
            },
        )
        p["events"] += n
        p["fatalities"] += int(dead)
        p["event"] = max(p["event"], newest)
        if n > p["top"]:
            p["type"], p["top"] = event_type, n
        p["first_date"] = (
            min(d for d in (p["first_date"], first) if d) if (p["first_date"] or first) else None
        )
        p["last_date"] = max(d for d in (p["last_date"], last) if d) if (p["last_date"] or last) else None
    out = []
    for p in points.values():
        del p["top"]
        for key in ("first_date", "last_date"):
            p[key] = p[key].isoformat() if p[key] else None
        out.append(p)
    out.sort(key=lambda p: (-p["events"], p["lat"], p["lon"]))
    return {"points": out, "unlocated": unlocated}


@dataclass(frozen=True)
class Segment:
    """A piece of a report's text; ``fields`` names the event fields whose evidence covers it."""

    text: str
    fields: tuple[str, ...] = ()


def marked_text(text: str, spans: list[tuple[int, int, str]]) -> list[Segment]:
    """``text`` cut at every span boundary, each piece with the fields whose spans cover it.

    Spans outside the text are clipped; overlapping spans give pieces with several fields.
    """
    n = len(text)
    cuts = {0, n}
    clean = []
    for start, end, name in spans:
        s, e = max(0, min(start, n)), max(0, min(end, n))
        if e > s:
            clean.append((s, e, name))
            cuts |= {s, e}
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        names = tuple(sorted({name for s, e, name in clean if s <= a and b <= e}))
        out.append(Segment(text[a:b], names))
    return out


def event_reports(session: Session, event: dict[str, Any]) -> list[dict[str, Any]]:
    """Each report of an event with its document's text cut into marked segments (evidence in place)."""
    out = []
    for source in event.get("sources") or []:
        report = session.get(ReportRow, source["report"])
        if report is None:
            continue
        doc = session.get(DocumentRow, report.document_id)
        spans = [
            (e.start, e.end, e.field)
            for e in session.scalars(
                select(EvidenceRow).where(
                    EvidenceRow.record_kind == "event", EvidenceRow.record_pk == report.id
                )
            )
            if e.field != "sentence"
        ]
        out.append(
            {
                **source,
                "segments": [asdict(s) for s in marked_text(doc.text if doc else "", spans)],
                "fields": sorted({name for _, _, name in spans}),
            }
        )
    return out


def actor(session: Session, name: str, limit: int = 200) -> dict[str, Any]:
    """An actor's page: the active events that name it as actor 1 or actor 2 (by the record's actor
    name, exactly), what it did and suffered by event type, its countries and dates, and the newest
    ``limit`` events. Raises :class:`BadRequestError` for an empty name."""
    name = name.strip()
    if not name:
        raise BadRequestError("give an actor name")
    active = EventRow.status == "active"
    roles: dict[str, list[dict[str, Any]]] = {}
    for role, column in (("actor1", EventRow.actor1), ("actor2", EventRow.actor2)):
        by_type = select(
            EventRow.event_type, func.count(), func.coalesce(func.sum(EventRow.fatalities), 0)
        ).where(active, column == name)
        roles[role] = [
            {"event_type": t, "events": n, "fatalities": int(dead)}
            for t, n, dead in session.execute(
                by_type.group_by(EventRow.event_type).order_by(func.count().desc())
            )
        ]
    either = or_(EventRow.actor1 == name, EventRow.actor2 == name)
    countries = [
        {"country": c or "unknown", "events": n}
        for c, n in session.execute(
            select(EventRow.country, func.count())
            .where(active, either)
            .group_by(EventRow.country)
            .order_by(func.count().desc())
        )
    ]
    first, last, total = session.execute(
        select(func.min(EventRow.date), func.max(EventRow.date), func.count()).where(active, either)
    ).one()
    newest = list(
        session.scalars(
            select(EventRow)
            .where(active, either)
            .order_by(EventRow.date.is_(None), EventRow.date.desc(), EventRow.id.desc())
            .limit(limit)
        )
    )
    events = list(merged_event_dicts(session, newest))
    for event in events:
        event["role"] = "actor1" if (event.get("actor1") or {}).get("name") == name else "actor2"
    return {
        "name": name,
        "events_total": total,
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "as_actor1": roles["actor1"],
        "as_actor2": roles["actor2"],
        "countries": countries,
        "events": events,
        "filter": query_string(EventFilter(actor=name)),
    }


def document(session: Session, key: str) -> dict[str, Any]:
    """A stored document by content hash or by its source id, with the events reported in it."""
    doc = session.get(DocumentRow, key) or session.scalar(
        select(DocumentRow).where(DocumentRow.source_id == key).limit(1)
    )
    if doc is None:
        raise BadRequestError(f"no document {key!r}")
    events = sorted(set(session.scalars(select(ReportRow.event_id).where(ReportRow.document_id == doc.id))))
    return {
        "id": doc.id,
        "source_id": doc.source_id,
        "title": doc.title,
        "url": doc.url,
        "outlet": doc.outlet,
        "published": doc.published.isoformat() if doc.published else None,
        "format": doc.format,
        "text": doc.text,
        "events": events,
        "statements": doc.n_statements,
        "tallies": doc.n_tallies,
    }


def gazetteer_entry(gazetteer: Gazetteer, e: GazetteerEntry) -> dict[str, Any]:
    """A gazetteer entry as the place columns an event keeps (names of its country and regions)."""
    country = gazetteer.country(e.country_code) if e.country_code else None
    admin1 = gazetteer.admin(e.country_code, e.admin1_code) if e.country_code and e.admin1_code else None
    admin2 = (
        gazetteer.admin(e.country_code, e.admin1_code, e.admin2_code)
        if e.country_code and e.admin1_code and e.admin2_code
        else None
    )
    return {
        "name": e.name,
        "country": country.name if country else None,
        "country_code": e.country_code,
        "admin1": label_of(admin1).english if admin1 else None,
        "admin2": label_of(admin2).english if admin2 else None,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "precision": 3 if e.kind in ("country", "admin1", "admin2") else 1,
        "gazetteer_id": e.gazetteer_id,
        "kind": e.kind,
        "population": e.population,
    }


def nearby_places(
    gazetteer: Gazetteer, latitude: float, longitude: float, limit: int = 8
) -> list[dict[str, Any]]:
    """Gazetteer places nearest a point picked on the map, as the place columns an event keeps."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise BadRequestError(f"no such point: {latitude}, {longitude}")
    return [gazetteer_entry(gazetteer, e) for e in gazetteer.near(latitude, longitude, limit)]


def gazetteer_places(gazetteer: Gazetteer, name: str, limit: int = 10) -> list[dict[str, Any]]:
    """Gazetteer places called ``name`` (most populous first), as the place columns an event keeps."""
    out = [gazetteer_entry(gazetteer, e) for entries in gazetteer.lookup([name]).values() for e in entries]
    out.sort(key=lambda p: -p["population"])
    return out[:limit]
