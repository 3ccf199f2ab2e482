"""Writing to the store: documents with their records, errors, merges and splits.

Each function takes an open :class:`~sqlalchemy.orm.Session` and leaves committing to the caller
(:class:`cronica.store.Store` commits once per document, so a killed ingest loses at most the
document it was writing and a rerun finishes the batch).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from cronica.dedupe import MergeDecision, ReportedClaim, ReportView, reconcile
from cronica.dedupe.views import parse_day
from cronica.records import Actor, CountClaim, Document, Event, Extraction, Place, Statement, Tally
from cronica.store.corrections import apply_to_row as apply_corrections
from cronica.store.errors import NotFoundError, StoreError
from cronica.store.models import (
    PLACE_COLUMNS,
    ActorRow,
    ClaimRow,
    DocumentRow,
    ErrorRow,
    EventCountRow,
    EventRow,
    EvidenceRow,
    MergeBlockRow,
    MergeRow,
    PlaceRow,
    ReportRow,
    StatementRow,
    TallyRow,
)


def place_columns(place: object) -> dict[str, object]:
    """The :data:`PLACE_COLUMNS` of a place record or row, as keyword arguments."""
    return {name: getattr(place, name) for name in PLACE_COLUMNS}


def now() -> datetime:
    return datetime.now(UTC)


def content_hash(document: Document) -> str:
    """The document's id in the store: SHA-256 of its analysed text."""
    return hashlib.sha256(document.text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------------------------
# Ingest


def place_key(place: Place) -> str | None:
    if place.gazetteer_id:
        return f"gz:{place.gazetteer_id}"[:400]
    if place.name:
        name = " ".join(place.name.lower().split())
        return f"nm:{name}|{place.country_code or ''}|{(place.admin1 or '').lower()}"[:400]
    return None


def get_place(session: Session, place: Place, cache: dict[str, int]) -> int | None:
    key = place_key(place)
    if key is None:
        return None
    if key in cache:
        return cache[key]
    found = session.scalar(select(PlaceRow.id).where(PlaceRow.key == key))
    if found is None:
        row = PlaceRow(key=key, **place_columns(place))
        session.add(row)
        session.flush()
        found = row.id
    cache[key] = found
    return found


def _actor_rows(actor: Actor | None, role: str, document_id: str, **owner: int) -> list[ActorRow]:
    if actor is None:
        return []
    rows = [
        ActorRow(
            document_id=document_id,
            role=role,
            name=actor.name,
            text=actor.text,
            inter=actor.inter,
            kind=actor.kind,
            person_role=actor.role,
            organisation=actor.organisation,
            country=actor.country,
            **owner,
        )
    ]
    for assoc in actor.associated:
        rows.extend(_actor_rows(assoc, f"assoc_{role}", document_id, **owner))
    return rows


def _evidence_rows(data: dict[str, Any], kind: str, pk: int, document_id: str) -> list[EvidenceRow]:
    return [
        EvidenceRow(
            document_id=document_id,
            record_kind=kind,
            record_pk=pk,
            field=name[:64],
            start=span["start"],
            end=span["end"],
            text=span["text"],
        )
        for name, span in (data.get("evidence") or {}).items()
    ]


def has_document(session: Session, doc_hash: str) -> bool:
    return session.get(DocumentRow, doc_hash) is not None


def known_documents(session: Session, hashes: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(hashes), 500):
        chunk = list(hashes[i : i + 500])
        found.update(session.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(chunk))))
    return found


def add_extraction(session: Session, extraction: Extraction) -> bool:
    """Store a document and everything extracted from it; ``False`` when it was already stored."""
    document = extraction.document
    doc_id = content_hash(document)
    if has_document(session, doc_id):
        return False
    stamp = now()
    session.add(
        DocumentRow(
            id=doc_id,
            source_id=document.id,
            source=document.source,
            format=document.format,
            title=document.title,
            url=document.url,
            published=document.published,
            published_source=document.published_source,
            outlet=document.outlet,
            author=document.author,
            language=document.language,
            text=document.text,
            n_events=len(extraction.events),
            n_statements=len(extraction.statements),
            n_tallies=len(extraction.tallies),
            ingested_at=stamp,
        )
    )
    session.flush()
    places: dict[str, int] = {}
    for event in extraction.events:
        _add_event(session, event, doc_id, document.published, places, stamp)
    for statement in extraction.statements:
        _add_statement(session, statement, doc_id, places)
    for tally in extraction.tallies:
        _add_tally(session, tally, doc_id, places)
    resolve_errors(session, document.id, stamp)
    return True


def _add_event(
    session: Session,
    event: Event,
    doc_id: str,
    published: date | None,
    places: dict[str, int],
    stamp: datetime,
) -> None:
    data = event.to_dict()
    place_id = get_place(session, event.location, places)
    home = EventRow(
        status="active",
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        plover=event.plover,
        date=parse_day(event.date.value),
        date_precision=event.date.precision,
        place_id=place_id,
        created_at=stamp,
        updated_at=stamp,
    )
    session.add(home)
    session.flush()
    report = ReportRow(
        document_id=doc_id,
        record_id=event.id[:200],
        event_id=home.id,
        home_event_id=home.id,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        plover=event.plover,
        date=parse_day(event.date.value),
        date_precision=event.date.precision,
        date_text=event.date.text,
        place_id=place_id,
        place_text=event.location.span.text if event.location.span else event.location.name,
        fatalities=event.fatalities,
        confidence=event.confidence,
        sentence=event.sentence.text if event.sentence else None,
        data=data,
    )
    session.add(report)
    session.flush()
    home.representative_report_id = report.id
    for category, claims in event.counts.items():
        for position, claim in enumerate(claims):
            session.add(
                ClaimRow(
                    report_id=report.id,
                    document_id=doc_id,
                    category=category,
                    position=position,
                    value=claim.value,
                    qualifier=claim.qualifier,
                    low=claim.low,
                    high=claim.high,
                    vague=claim.vague,
                    text=claim.text,
                    reported_by=claim.reported_by,
                    reported_on=published,
                    update_of=claim.update_of,
                    revised=claim.revised,
                    start=claim.span.start if claim.span else None,
                    end=claim.span.end if claim.span else None,
                )
            )
    session.add_all(_actor_rows(event.actor1, "actor1", doc_id, report_id=report.id))
    session.add_all(_actor_rows(event.actor2, "actor2", doc_id, report_id=report.id))
    session.add_all(_evidence_rows(data, "event", report.id, doc_id))
    session.flush()
    refresh_event(session, home.id)


def _add_statement(session: Session, statement: Statement, doc_id: str, places: dict[str, int]) -> None:
    data = statement.to_dict()
    row = StatementRow(
        document_id=doc_id,
        record_id=statement.id[:200],
        speaker=statement.speaker.name if statement.speaker else None,
        speaker_role=statement.speaker.role if statement.speaker else None,
        speaker_organisation=statement.speaker.organisation if statement.speaker else None,
        plover=statement.plover,
        content=statement.content,
        quote=statement.quote,
        date=parse_day(statement.date.value),
        place_id=get_place(session, statement.location, places),
        confidence=statement.confidence,
        data=data,
    )
    session.add(row)
    session.flush()
    session.add_all(_actor_rows(statement.speaker, "speaker", doc_id, statement_id=row.id))
    session.add_all(_actor_rows(statement.addressee, "addressee", doc_id, statement_id=row.id))
    session.add_all(_evidence_rows(data, "statement", row.id, doc_id))


def _add_tally(session: Session, tally: Tally, doc_id: str, places: dict[str, int]) -> None:
    data = tally.to_dict()
    row = TallyRow(
        document_id=doc_id,
        record_id=tally.id[:200],
        what=tally.what,
        category=tally.category,
        value=tally.value,
        qualifier=tally.qualifier,
        text=tally.text,
        since=parse_day(tally.since.value) if tally.since else None,
        as_of=parse_day(tally.as_of.value),
        place_id=get_place(session, tally.location, places),
        reported_by=tally.reported_by,
        confidence=tally.confidence,
        data=data,
    )
    session.add(row)
    session.flush()
    session.add_all(_evidence_rows(data, "tally", row.id, doc_id))


def record_error(
    session: Session,
    source: str,
    kind: str,
    problem: str,
    line: int | None = None,
    *,
    document: str | None = None,
    stage: str = "read",
    traceback: str | None = None,
) -> None:
    """Record a document that could not be ingested; the same error again only bumps ``times`` (and
    re-opens it if a run in between had stored the document)."""
    key = hashlib.sha256(f"{source}\0{line}\0{document}\0{stage}\0{problem}".encode()).hexdigest()
    stamp = now()
    row = session.scalar(select(ErrorRow).where(ErrorRow.key == key))
    if row is None:
        session.add(
            ErrorRow(
                key=key,
                source=source,
                line=line,
                document=document,
                stage=stage,
                kind=kind[:64],
                problem=problem,
                traceback=traceback,
                first_seen=stamp,
                last_seen=stamp,
                times=1,
            )
        )
    else:
        row.last_seen = stamp
        row.times += 1
        row.traceback = traceback or row.traceback
        row.resolved_at = None


def resolve_errors(session: Session, document: str, stamp: datetime) -> None:
    """Mark the open errors of ``document`` (its input id) as resolved: a later run stored it."""
    for row in session.scalars(
        select(ErrorRow).where(ErrorRow.document == document, ErrorRow.resolved_at.is_(None))
    ):
        row.resolved_at = stamp


# ---------------------------------------------------------------------------------------------
# Events: derived fields


def reported_claims(session: Session, report_ids: Sequence[int]) -> list[ReportedClaim]:
    rows = session.scalars(select(ClaimRow).where(ClaimRow.report_id.in_(report_ids)).order_by(ClaimRow.id))
    return [
        ReportedClaim(
            claim=CountClaim(
                category=row.category,  # type: ignore[arg-type]
                value=row.value,
                qualifier=row.qualifier,  # type: ignore[arg-type]
                text=row.text,
                low=row.low,
                high=row.high,
                vague=row.vague,
                reported_by=row.reported_by,
                update_of=row.update_of,
                revised=bool(row.revised),
            ),
            report=row.report_id,
            document=row.document_id,
            reported_on=row.reported_on,
            position=row.position,
        )
        for row in rows
    ]


def _representative(reports: Sequence[ReportRow]) -> ReportRow:
    """The report that speaks for the event: of the day most of its reports give, one that tells a
    death toll when any does (a side mention, "a toll booth burned hours after the deadly operation",
    does not speak for a killing), then the most confident, then the first stored."""
    days = Counter(r.date for r in reports if r.date is not None)
    return sorted(
        reports,
        key=lambda r: (-(days[r.date] if r.date else 0), -(r.fatalities > 0), -r.confidence, r.id),
    )[0]


def refresh_event(session: Session, event_id: int) -> None:
    """Recompute an event's fields and derived figures from the reports it holds now."""
    event = session.get(EventRow, event_id)
    if event is None:
        raise NotFoundError(f"no event {event_id}")
    reports = list(
        session.scalars(select(ReportRow).where(ReportRow.event_id == event_id).order_by(ReportRow.id))
    )
    session.execute(delete(EventCountRow).where(EventCountRow.event_id == event_id))
    if not reports:
        return
    rep = _representative(reports)
    located = [r for r in reports if r.place_id is not None]
    place_row = None
    if located:
        candidates = [session.get(PlaceRow, r.place_id) for r in located]
        scored = [p for p in candidates if p is not None]
        rep_place = session.get(PlaceRow, rep.place_id) if rep.place_id else None
        if rep_place is not None and rep_place.latitude is not None:
            place_row = rep_place
        else:
            with_coords = [p for p in scored if p.latitude is not None]
            place_row = with_coords[0] if with_coords else (rep_place or scored[0])
    data = rep.data
    actor1, actor2 = data.get("actor1") or {}, data.get("actor2") or {}
    event.representative_report_id = rep.id
    event.event_type = rep.event_type
    event.sub_event_type = rep.sub_event_type
    event.plover = rep.plover
    event.date = rep.date
    event.date_precision = rep.date_precision
    event.place_id = place_row.id if place_row else None
    event.location = place_row.name if place_row else None
    event.country = place_row.country if place_row else None
    event.country_code = place_row.country_code if place_row else None
    event.admin1 = place_row.admin1 if place_row else None
    event.latitude = place_row.latitude if place_row else None
    event.longitude = place_row.longitude if place_row else None
    event.actor1 = actor1.get("name")
    event.inter1 = actor1.get("inter")
    event.actor2 = actor2.get("name")
    event.inter2 = actor2.get("inter")
    event.n_reports = len(reports)
    event.n_documents = len({r.document_id for r in reports})
    event.updated_at = now()
    derived = reconcile(reported_claims(session, [r.id for r in reports]))
    event.fatalities = derived["killed"].acled if "killed" in derived else 0
    for category, rec in derived.items():
        session.add(
            EventCountRow(
                event_id=event_id,
                category=category,
                acled=rec.acled,
                low=rec.low,
                best=rec.best,
                high=rec.high,
                latest=rec.latest,
                n_claims=len(rec.claims),
                n_reports=rec.n_reports,
            )
        )
    # A person's corrections win over the recomputed fields (cronica.store.corrections).
    session.flush()
    apply_corrections(session, event)


# ---------------------------------------------------------------------------------------------
# Merging


def current_event(session: Session, event_id: int) -> EventRow:
    """The active event that ``event_id`` is now part of (following merges)."""
    seen: set[int] = set()
    event = session.get(EventRow, event_id)
    while event is not None and event.status == "merged" and event.merged_into is not None:
        if event.id in seen:
            raise StoreError(f"merge cycle at event {event.id}")
        seen.add(event.id)
        event = session.get(EventRow, event.merged_into)
    if event is None:
        raise NotFoundError(f"no event {event_id}")
    return event


def report_views(session: Session) -> list[ReportView]:
    """What merging needs to know about every report of an active event."""
    rows = session.execute(
        select(
            ReportRow.id, ReportRow.event_id, ReportRow.home_event_id, ReportRow.document_id, ReportRow.data
        )
        .join(EventRow, EventRow.id == ReportRow.event_id)
        .where(EventRow.status == "active")
        .order_by(ReportRow.id)
    )
    return [
        ReportView.from_record(data, report, event, home, doc_id)
        for report, event, home, doc_id, data in rows
    ]


def blocked_pairs(session: Session) -> list[tuple[int, int]]:
    return [(a, b) for a, b in session.execute(select(MergeBlockRow.event_a, MergeBlockRow.event_b))]


def _move_reports(session: Session, source: int, target: int) -> None:
    for report in session.scalars(select(ReportRow).where(ReportRow.event_id == source)):
        report.event_id = target
    source_row = session.get(EventRow, source)
    assert source_row is not None
    source_row.status = "merged"
    source_row.merged_into = target
    source_row.fatalities = 0
    session.execute(delete(EventCountRow).where(EventCountRow.event_id == source))
    for older in session.scalars(select(EventRow).where(EventRow.merged_into == source)):
        older.merged_into = target
    session.flush()


def apply_decision(session: Session, decision: MergeDecision, by: str) -> MergeRow:
    """Merge ``decision.absorb`` into ``decision.keep`` and record why."""
    _move_reports(session, decision.absorb, decision.keep)
    row = MergeRow(
        event_id=decision.keep,
        absorbed_id=decision.absorb,
        forced=False,
        score=decision.score,
        scorer=decision.scorer,
        reasons=list(decision.reasons),
        report_a=decision.reports[0] or None,
        report_b=decision.reports[1] or None,
        features=dict(decision.features) or None,
        created_by=by,
        created_at=now(),
    )
    session.add(row)
    refresh_event(session, decision.keep)
    return row


def _homes(session: Session, event_id: int) -> list[int]:
    return sorted(set(session.scalars(select(ReportRow.home_event_id).where(ReportRow.event_id == event_id))))


def force_merge(session: Session, a: int, b: int, by: str, reason: str | None = None) -> MergeRow:
    """A person's merge of the events holding ``a`` and ``b``; it overrides any earlier split between them."""
    ea, eb = current_event(session, a), current_event(session, b)
    if ea.id == eb.id:
        raise StoreError(f"events {a} and {b} are already one event ({ea.id})")
    keep, absorb = min(ea.id, eb.id), max(ea.id, eb.id)
    homes_keep, homes_absorb = _homes(session, keep), _homes(session, absorb)
    session.execute(
        delete(MergeBlockRow).where(
            or_(
                MergeBlockRow.event_a.in_(homes_keep) & MergeBlockRow.event_b.in_(homes_absorb),
                MergeBlockRow.event_a.in_(homes_absorb) & MergeBlockRow.event_b.in_(homes_keep),
            )
        )
    )
    _move_reports(session, absorb, keep)
    row = MergeRow(
        event_id=keep,
        absorbed_id=absorb,
        forced=True,
        score=None,
        scorer=None,
        reasons=[f"forced by {by}" + (f": {reason}" if reason else "")],
        created_by=by,
        created_at=now(),
    )
    session.add(row)
    refresh_event(session, keep)
    return row


def _block(session: Session, a: int, b: int, by: str, reason: str | None) -> None:
    lo, hi = min(a, b), max(a, b)
    exists = session.scalar(
        select(MergeBlockRow.id).where(MergeBlockRow.event_a == lo, MergeBlockRow.event_b == hi)
    )
    if exists is None:
        session.add(MergeBlockRow(event_a=lo, event_b=hi, created_by=by, created_at=now(), reason=reason))


def _undo_merges(session: Session, absorbed: Iterable[int], by: str, reason: str | None) -> None:
    ids = list(absorbed)
    stamp = now()
    for merge in session.scalars(
        select(MergeRow).where(MergeRow.absorbed_id.in_(ids), MergeRow.undone_at.is_(None))
    ):
        merge.undone_at = stamp
        merge.undone_by = by
        merge.undo_reason = reason


def split(
    session: Session, event_id: int, by: str, report: int | None = None, reason: str | None = None
) -> list[int]:
    """Undo merges: every report of the event goes back to its home event, or only ``report`` does.

    The separated home events are recorded as kept apart (``merge_blocks``), so no later automatic
    merge joins them again; a forced merge can. Returns the active events afterwards.
    """
    event = current_event(session, event_id)
    reports = list(
        session.scalars(select(ReportRow).where(ReportRow.event_id == event.id).order_by(ReportRow.id))
    )
    if len(reports) < 2:
        raise StoreError(f"event {event.id} holds one report: nothing to split")
    if report is None:
        moving = reports
        staying: list[ReportRow] = []
    else:
        moving = [r for r in reports if r.id == report]
        if not moving:
            raise NotFoundError(f"report {report} is not part of event {event.id}")
        staying = [r for r in reports if r.id != report]
    affected: set[int] = set()
    if staying and moving[0].home_event_id == event.id:
        # The event's own home report leaves: the others move to the oldest of their home events.
        new_keep = min(r.home_event_id for r in staying)
        keep_row = session.get(EventRow, new_keep)
        assert keep_row is not None
        keep_row.status, keep_row.merged_into = "active", None
        for r in staying:
            r.event_id = new_keep
        for older in session.scalars(select(EventRow).where(EventRow.merged_into == event.id)):
            if older.id != new_keep:
                older.merged_into = new_keep
        _undo_merges(session, [new_keep], by, reason)
        affected |= {event.id, new_keep}
    else:
        for r in moving:
            r.event_id = r.home_event_id
            home = session.get(EventRow, r.home_event_id)
            assert home is not None
            home.status, home.merged_into = "active", None
            affected.add(home.id)
        _undo_merges(session, [r.home_event_id for r in moving], by, reason)
        affected.add(event.id)
    moving_homes = sorted({r.home_event_id for r in moving})
    other_homes = sorted({r.home_event_id for r in staying}) if staying else moving_homes
    for i, h1 in enumerate(moving_homes):
        for h2 in other_homes if staying else moving_homes[i + 1 :]:
            if h1 != h2:
                _block(session, h1, h2, by, reason)
    session.flush()
    for eid in sorted(affected):
        refresh_event(session, eid)
    return sorted(affected)
