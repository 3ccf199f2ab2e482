"""Reading the store: filtered events, merged events in the interchange contract, tallies.

A merged event's dictionary has the keys of :meth:`cronica.records.Event.to_dict` (fields of its
representative report), with ``sources`` listing every report and document, every claim under
``counts.<category>.claims`` (each with its document and publication date) and the derived figures
under ``counts.<category>.derived`` (``acled``, ``low``, ``best``, ``high``, ``latest``).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from cronica.dedupe import ReportedClaim, reconcile
from cronica.records import COUNT_CATEGORIES, HARM_CATEGORIES
from cronica.store.corrections import apply_to_dict as apply_corrections
from cronica.store.models import (
    ActorRow,
    DocumentRow,
    EventCountRow,
    EventReviewRow,
    EventRow,
    EvidenceRow,
    MergeRow,
    PlaceRow,
    ReportRow,
    StatementRow,
    TallyRow,
)
from cronica.store.repository import current_event, place_columns, reported_claims


@dataclass(frozen=True)
class EventFilter:
    """Which events to return. Text filters match case-insensitively; ``actor`` matches any actor's name."""

    country: str | None = None
    admin1: str | None = None
    since: date | None = None
    until: date | None = None
    event_type: str | None = None
    actor: str | None = None
    min_fatalities: int | None = None
    limit: int | None = None
    #: True: only events a person reviewed (accepted or edited); False: only events nobody reviewed.
    reviewed: bool | None = None
    #: Words to find in the event's sentences, place or actor names (case-insensitive).
    text: str | None = None


def _country_code(value: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country given by code or name ("ke", "KEN", "Kenya")."""
    import pycountry

    try:
        return str(pycountry.countries.lookup(value.strip()).alpha_2)
    except LookupError:
        return None


def _filtered(flt: EventFilter) -> Select[Any]:
    q = select(EventRow).where(EventRow.status == "active")
    if flt.country:
        code = _country_code(flt.country)
        if code is not None:  # by code, so the (status, country_code, date) index serves it
            q = q.where(EventRow.country_code == code)
        else:
            c = flt.country.lower()
            q = q.where(or_(func.lower(EventRow.country) == c, func.lower(EventRow.country_code) == c))
    if flt.admin1:
        q = q.where(func.lower(EventRow.admin1) == flt.admin1.lower())
    if flt.since:
        q = q.where(EventRow.date >= flt.since)
    if flt.until:
        q = q.where(EventRow.date <= flt.until)
    if flt.event_type:
        t = flt.event_type.lower()
        q = q.where(or_(func.lower(EventRow.event_type) == t, func.lower(EventRow.sub_event_type) == t))
    if flt.actor:
        pattern = f"%{flt.actor.lower()}%"
        holders = (
            select(ReportRow.event_id)
            .join(ActorRow, ActorRow.report_id == ReportRow.id)
            .where(func.lower(ActorRow.name).like(pattern))
        )
        q = q.where(
            or_(
                EventRow.id.in_(holders),
                func.lower(EventRow.actor1).like(pattern),
                func.lower(EventRow.actor2).like(pattern),
            )
        )
    if flt.min_fatalities is not None:
        q = q.where(EventRow.fatalities >= flt.min_fatalities)
    if flt.reviewed is not None:
        done = select(EventReviewRow.event_id).where(EventReviewRow.status.in_(("accepted", "edited")))
        q = q.where(EventRow.id.in_(done) if flt.reviewed else EventRow.id.not_in(done))
    if flt.text:
        words = f"%{flt.text.lower()}%"
        said = select(ReportRow.event_id).where(func.lower(ReportRow.sentence).like(words))
        q = q.where(
            or_(
                EventRow.id.in_(said),
                func.lower(EventRow.location).like(words),
                func.lower(EventRow.actor1).like(words),
                func.lower(EventRow.actor2).like(words),
            )
        )
    q = q.order_by(EventRow.date.is_(None), EventRow.date, EventRow.id)
    if flt.limit:
        q = q.limit(flt.limit)
    return q


def event_query(flt: EventFilter | None = None) -> Select[Any]:
    """The select of active events matching ``flt``, oldest first (to count, page or aggregate in SQL)."""
    return _filtered(flt or EventFilter())


def event_rows(session: Session, flt: EventFilter | None = None) -> list[EventRow]:
    return list(session.scalars(_filtered(flt or EventFilter())))


def _source_dict(report: ReportRow, doc: DocumentRow) -> dict[str, Any]:
    data = report.data
    return {
        "document": doc.source_id,
        "document_hash": doc.id,
        "report": report.id,
        "record": report.record_id,
        "title": doc.title,
        "url": doc.url,
        "outlet": doc.outlet,
        "published": doc.published.isoformat() if doc.published else None,
        "reported_by": (data.get("sources") or [{}])[0].get("reported_by", []),
        "event_type": report.event_type,
        "sub_event_type": report.sub_event_type,
        "date": report.date.isoformat() if report.date else None,
        "fatalities": report.fatalities,
        "sentence": report.sentence,
        "evidence": data.get("evidence") or {},
    }


def merged_event_dicts(
    session: Session, events: Sequence[EventRow], corrected: bool = True
) -> Iterator[dict[str, Any]]:
    """The merged events, in the interchange contract, with all sources and claims.

    ``corrected`` (default) lays people's corrections over the machine's fields
    (:mod:`cronica.store.corrections`); ``False`` gives the machine's fields alone.
    """
    ids = [e.id for e in events]
    by_event: dict[int, list[ReportRow]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for report in session.scalars(
            select(ReportRow).where(ReportRow.event_id.in_(chunk)).order_by(ReportRow.id)
        ):
            by_event.setdefault(report.event_id, []).append(report)
    doc_ids = {r.document_id for reports in by_event.values() for r in reports}
    docs = (
        {d.id: d for d in session.scalars(select(DocumentRow).where(DocumentRow.id.in_(doc_ids)))}
        if doc_ids
        else {}
    )
    merges: dict[int, list[MergeRow]] = {}
    if ids:
        for m in session.scalars(select(MergeRow).where(MergeRow.event_id.in_(ids)).order_by(MergeRow.id)):
            merges.setdefault(m.event_id, []).append(m)
    places = {}
    place_ids = {e.place_id for e in events if e.place_id}
    if place_ids:
        places = {p.id: p for p in session.scalars(select(PlaceRow).where(PlaceRow.id.in_(place_ids)))}
    reviews: dict[int, EventReviewRow] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        reviews.update(
            (r.event_id, r)
            for r in session.scalars(select(EventReviewRow).where(EventReviewRow.event_id.in_(chunk)))
        )
    # Every claim in one query per 500 reports (not one per event), in claim order within each event.
    event_of = {r.id: event_id for event_id, reports in by_event.items() for r in reports}
    report_ids = list(event_of)
    claims_of: dict[int, list[ReportedClaim]] = {}
    for i in range(0, len(report_ids), 500):
        for claim in reported_claims(session, report_ids[i : i + 500]):
            claims_of.setdefault(event_of[claim.report], []).append(claim)
    for event in events:
        reports = by_event.get(event.id, [])
        out = merged_event_dict(
            session,
            event,
            reports,
            docs,
            merges.get(event.id, []),
            places.get(event.place_id or -1),
            claims_of.get(event.id, []),
        )
        yield apply_corrections(out, reviews.get(event.id) if corrected else None)


def merged_event_dict(
    session: Session,
    event: EventRow,
    reports: Sequence[ReportRow],
    docs: dict[str, DocumentRow],
    merges: Sequence[MergeRow],
    place: PlaceRow | None,
    claims: Sequence[ReportedClaim] | None = None,
) -> dict[str, Any]:
    """One event's dictionary; ``claims`` are its reports' claims when the caller fetched them already."""
    rep = next(
        (r for r in reports if r.id == event.representative_report_id), reports[0] if reports else None
    )
    out: dict[str, Any] = copy.deepcopy(rep.data) if rep is not None else {"kind": "event"}
    out["id"] = str(event.id)
    out["number"] = event.id
    if rep is not None:
        out["document"] = docs[rep.document_id].source_id
    if place is not None and (out.get("location") or {}).get("gazetteer_id") != place.gazetteer_id:
        loc = dict(out.get("location") or {})
        loc.update(place_columns(place))
        out["location"] = loc
    if claims is None:
        claims = reported_claims(session, [r.id for r in reports]) if reports else []
    derived = reconcile(claims)
    counts: dict[str, Any] = {}
    for category in COUNT_CATEGORIES:
        rec = derived.get(category)
        if rec is None:
            counts[category] = None
            continue
        chosen = min(
            (c for c in rec.claims),
            key=lambda c: (
                abs((c.claim.low if c.claim.low is not None else c.claim.value) - rec.acled),
                c.report,
            ),
        )
        counts[category] = {
            "value": rec.acled,
            "qualifier": chosen.claim.qualifier,
            "low": chosen.claim.low,
            "high": chosen.claim.high,
            "text": chosen.claim.text,
            "reported_by": chosen.claim.reported_by,
            "vague": chosen.claim.vague,
            "derived": {
                "acled": rec.acled,
                "low": rec.low,
                "best": rec.best,
                "high": rec.high,
                "latest": rec.latest,
            },
            "claims": [
                {
                    "value": c.claim.value,
                    "qualifier": c.claim.qualifier,
                    "low": c.claim.low,
                    "high": c.claim.high,
                    "text": c.claim.text,
                    "vague": c.claim.vague,
                    "reported_by": c.claim.reported_by,
                    "update_of": c.claim.update_of,
                    "revised": c.claim.revised,
                    "document": docs[c.document].source_id if c.document in docs else c.document,
                    "reported_on": c.reported_on.isoformat() if c.reported_on else None,
                    "report": c.report,
                }
                for c in rec.claims
            ],
        }
    out["counts"] = counts
    out["fatalities"] = event.fatalities
    out["sources"] = [_source_dict(r, docs[r.document_id]) for r in reports]
    out["confidence"] = round(max((r.confidence for r in reports), default=0.0), 3)
    out["merges"] = [merge_record(m) for m in merges]
    return out


def merge_record(m: MergeRow) -> dict[str, Any]:
    """One merge as exports and ``cronica show`` give it: what joined what, why, by whom, undone or not."""
    return {
        "merge": m.id,
        "event": m.event_id,
        "absorbed": m.absorbed_id,
        "forced": m.forced,
        "score": m.score,
        "scorer": m.scorer,
        "reasons": list(m.reasons),
        "reports": [r for r in (m.report_a, m.report_b) if r is not None],
        "features": dict(m.features or {}),
        "by": m.created_by,
        "at": m.created_at.isoformat(),
        "undone_at": m.undone_at.isoformat() if m.undone_at else None,
        "undone_by": m.undone_by,
        "undo_reason": m.undo_reason,
    }


def event_detail(session: Session, event_id: int) -> dict[str, Any]:
    """One event as :func:`merged_event_dicts` gives it, plus its merge history (undone merges too)."""
    event = current_event(session, event_id)
    out = next(merged_event_dicts(session, [event]))
    if event.id != event_id:
        out["requested"] = event_id
    homes = list(session.scalars(select(ReportRow.home_event_id).where(ReportRow.event_id == event.id)))
    history = session.scalars(
        select(MergeRow)
        .where(or_(MergeRow.event_id.in_(homes), MergeRow.absorbed_id.in_(homes)))
        .order_by(MergeRow.id)
    )
    out["history"] = [merge_record(m) for m in history]
    spans = session.scalars(
        select(EvidenceRow)
        .where(
            EvidenceRow.record_kind == "event",
            EvidenceRow.record_pk.in_([s["report"] for s in out["sources"]]),
        )
        .order_by(EvidenceRow.record_pk, EvidenceRow.start)
    )
    out["evidence_spans"] = [
        {"report": e.record_pk, "field": e.field, "start": e.start, "end": e.end, "text": e.text}
        for e in spans
    ]
    return out


# ---------------------------------------------------------------------------------------------
# Tallies


INTER_LABELS = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}


#: How ``incident_totals`` groups: one period (day, week, month), place or country, perpetrator.
GROUPINGS = ("day", "week", "month", "place", "country", "perpetrator")


def period_of(day: date | None, period: str) -> str | None:
    """The label of the period holding ``day``: ``2019-11-15`` (day), ``2019-W46`` (ISO week), ``2019-11``."""
    if day is None:
        return None
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    return day.isoformat()


@dataclass(frozen=True)
class TallyScope:
    """Where a running total speaks for: its own place, else the country its document's events are in."""

    country: str | None
    country_code: str | None
    admin1: str | None
    place: str | None

    def matches_country(self, wanted: str) -> bool:
        return wanted.lower() in {(self.country or "").lower(), (self.country_code or "").lower()}


def _document_countries(session: Session) -> dict[str, tuple[str | None, str | None]]:
    """Each document's most frequent country among its reports' places (ties: the first told)."""
    counts: dict[str, dict[tuple[str | None, str | None], int]] = {}
    rows = session.execute(
        select(ReportRow.document_id, PlaceRow.country, PlaceRow.country_code)
        .join(PlaceRow, PlaceRow.id == ReportRow.place_id)
        .where(PlaceRow.country_code.is_not(None))
        .order_by(ReportRow.id)
    )
    for doc_id, country, code in rows:
        mine = counts.setdefault(doc_id, {})
        mine[(country, code)] = mine.get((country, code), 0) + 1
    return {doc: max(c, key=lambda k: c[k]) for doc, c in counts.items()}


def _tally_rows(
    session: Session, flt: EventFilter | None, categories: Sequence[str] | None = None
) -> list[tuple[TallyRow, TallyScope, DocumentRow]]:
    """Running totals (oldest "as of" first) with their scope, those of another country left out."""
    q = (
        select(TallyRow, PlaceRow, DocumentRow)
        .join(DocumentRow, DocumentRow.id == TallyRow.document_id)
        .outerjoin(PlaceRow, PlaceRow.id == TallyRow.place_id)
        .order_by(TallyRow.as_of, TallyRow.id)
    )
    if categories:
        q = q.where(TallyRow.category.in_(categories))
    countries = _document_countries(session)
    out = []
    for tally, place, doc in session.execute(q):
        if place is not None and (place.country or place.country_code):
            scope = TallyScope(place.country, place.country_code, place.admin1, place.name)
        else:
            country, code = countries.get(doc.id, (None, None))
            scope = TallyScope(country, code, None, place.name if place else None)
        if (
            flt
            and flt.country
            and (scope.country or scope.country_code)
            and not scope.matches_country(flt.country)
        ):
            continue
        out.append((tally, scope, doc))
    return out


def _tally_fits(tally: TallyRow, scope: TallyScope, row: dict[str, Any], period: str | None) -> bool:
    """Whether a reported running total speaks for a row's period and place."""
    if period is not None and period_of(tally.as_of, period) != row.get(period):
        return False
    if row.get("country") and scope.country and scope.country != row["country"]:
        return False
    if row.get("admin1") and scope.admin1 and scope.admin1 != row["admin1"]:
        return False
    return True


def incident_totals(
    session: Session, flt: EventFilter | None = None, by: Sequence[str] = ("day", "place", "perpetrator")
) -> list[dict[str, Any]]:
    """Killed, injured and arrested summed over merged events (each event's reconciled ACLED figure),
    grouped by ``by`` (:data:`GROUPINGS`), beside the latest running total the reports give for the
    row's period and place (``latest_tally``: category -> the tally with the latest "as of").

    A running total is shown, never added; each row names the events and documents behind its sums.
    """
    events = event_rows(session, flt)
    ids = [e.id for e in events]
    figures: dict[tuple[int, str], int] = {}
    docs_of: dict[int, set[str]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for figure in session.scalars(select(EventCountRow).where(EventCountRow.event_id.in_(chunk))):
            figures[(figure.event_id, figure.category)] = figure.acled
        for event_id, source_id in session.execute(
            select(ReportRow.event_id, DocumentRow.source_id)
            .join(DocumentRow, DocumentRow.id == ReportRow.document_id)
            .where(ReportRow.event_id.in_(chunk))
        ):
            docs_of.setdefault(event_id, set()).add(source_id)
    period = next((p for p in ("day", "week", "month") if p in by), None)
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for e in events:
        key_parts: dict[str, Any] = {}
        if period == "day":
            key_parts["date"] = period_of(e.date, "day")
        elif period is not None:
            key_parts[period] = period_of(e.date, period)
        if "place" in by:
            key_parts.update(country=e.country, admin1=e.admin1, location=e.location)
        elif "country" in by:
            key_parts["country"] = e.country
        if "perpetrator" in by:
            key_parts["perpetrator"] = INTER_LABELS.get(e.inter1 or 0, "Unknown")
        key = tuple(key_parts.values())
        row = groups.setdefault(
            key, {**key_parts, "killed": 0, "injured": 0, "arrested": 0, "events": [], "sources": set()}
        )
        for category in HARM_CATEGORIES:
            row[category] += figures.get((e.id, category), 0)
        row["events"].append(e.id)
        row["sources"] |= docs_of.get(e.id, set())
    wanted = HARM_CATEGORIES
    tallies = _tally_rows(session, flt, wanted) if period in ("week", "month") or "country" in by else []
    out = []
    for row in groups.values():
        row["sources"] = sorted(row["sources"])
        latest: dict[str, Any] = {}
        match_row = {**row, period: row.get(period)} if period in ("week", "month") else row
        for tally, scope, doc in tallies:  # ordered by as_of: the last fit wins
            if _tally_fits(tally, scope, match_row, period if period in ("week", "month") else None):
                latest[tally.category] = {
                    "value": tally.value,
                    "qualifier": tally.qualifier,
                    "what": tally.what,
                    "since": tally.since.isoformat() if tally.since else None,
                    "as_of": tally.as_of.isoformat() if tally.as_of else None,
                    "reported_by": tally.reported_by,
                    "document": doc.source_id,
                    "text": tally.text,
                }
        row["latest_tally"] = latest
        out.append(row)
    return out


def tallies_beside_incidents(session: Session, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Each running total as reported, beside the sum of the stored incidents it covers.

    The incidents in scope are active events of the same category dated from the tally's ``since``
    (or any date) to its ``as_of``, in its country (and admin1 when it names one; a tally that names
    no place speaks for the country its document's events are in). The two numbers
    are shown side by side; a tally is never added to incidents.
    """
    flt = flt or EventFilter()
    out = []
    for tally, where, doc in _tally_rows(session, flt):
        if flt.since and tally.as_of and tally.as_of < flt.since:
            continue
        if flt.until and tally.as_of and tally.as_of > flt.until:
            continue
        scope = EventFilter(
            country=where.country_code or where.country,
            admin1=where.admin1,
            since=tally.since,
            until=tally.as_of,
        )
        covered = event_rows(session, scope)
        total = 0
        count = 0
        if tally.category in COUNT_CATEGORIES:
            covered_ids = [e.id for e in covered]
            for i in range(0, len(covered_ids), 500):
                chunk = covered_ids[i : i + 500]
                for row in session.scalars(
                    select(EventCountRow).where(
                        EventCountRow.event_id.in_(chunk), EventCountRow.category == tally.category
                    )
                ):
                    total += row.acled
                    count += 1
        out.append(
            {
                "tally": tally.id,
                "what": tally.what,
                "category": tally.category,
                "value": tally.value,
                "qualifier": tally.qualifier,
                "text": tally.text,
                "since": tally.since.isoformat() if tally.since else None,
                "as_of": tally.as_of.isoformat() if tally.as_of else None,
                "place": where.place or where.country,
                "reported_by": tally.reported_by,
                "document": doc.source_id,
                "incidents_sum": total,
                "incidents_with_figure": count,
                "incidents_in_scope": len(covered),
            }
        )
    return out


def statement_dicts(session: Session) -> Iterator[dict[str, Any]]:
    for row in session.scalars(select(StatementRow).order_by(StatementRow.id)):
        yield row.data


def tally_dicts(session: Session) -> Iterator[dict[str, Any]]:
    for row in session.scalars(select(TallyRow).order_by(TallyRow.id)):
        yield row.data
