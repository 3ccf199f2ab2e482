"""Merging and splitting events from the web app, audited and undoable.

In: an open session, the acting :class:`User`, event numbers (and a report, to detach one). Out: the
events afterwards and one :class:`~cronica.store.models.AuditRow` whose ``before`` and ``after`` are
snapshots of every report, event, merge and block of the events involved, so that undo puts back exactly
what was there. The merge and split rules themselves are the store's (:func:`cronica.store.repository.
force_merge`, :func:`~cronica.store.repository.split`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from cronica.store import repository
from cronica.store.errors import StoreError
from cronica.store.models import EventReviewRow, EventRow, MergeBlockRow, MergeRow, ReportRow
from cronica.web.accounts import User, now
from cronica.web.errors import BadRequestError, ConflictError
from cronica.web.journal import audit

CLUSTER_ACTIONS = ("merge", "split")


def _homes(session: Session, event_ids: list[int]) -> set[int]:
    homes = set(event_ids)
    homes |= set(session.scalars(select(ReportRow.home_event_id).where(ReportRow.event_id.in_(event_ids))))
    return homes


def snapshot(session: Session, event_ids: list[int]) -> dict[str, Any]:
    """Every report, event, merge and block touching the clusters of ``event_ids``, as JSON."""
    homes = _homes(session, event_ids)
    reports = session.scalars(
        select(ReportRow).where(or_(ReportRow.event_id.in_(homes), ReportRow.home_event_id.in_(homes)))
    )
    events = session.scalars(
        select(EventRow).where(or_(EventRow.id.in_(homes), EventRow.merged_into.in_(homes)))
    )
    merges = session.scalars(
        select(MergeRow).where(or_(MergeRow.event_id.in_(homes), MergeRow.absorbed_id.in_(homes)))
    )
    blocks = session.scalars(
        select(MergeBlockRow).where(or_(MergeBlockRow.event_a.in_(homes), MergeBlockRow.event_b.in_(homes)))
    )
    return {
        "homes": sorted(homes),
        "reports": {str(r.id): r.event_id for r in reports},
        "events": {str(e.id): [e.status, e.merged_into] for e in events},
        "merges": {
            str(m.id): [m.undone_at.isoformat() if m.undone_at else None, m.undone_by, m.undo_reason]
            for m in merges
        },
        "blocks": [[b.event_a, b.event_b, b.created_by, b.created_at.isoformat(), b.reason] for b in blocks],
    }


def restore(session: Session, snap: dict[str, Any], user: User) -> list[int]:
    """Put the reports, events, merges and blocks of ``snap`` back; returns the active events to refresh."""
    homes = set(snap["homes"])
    for rid, event_id in snap["reports"].items():
        report = session.get(ReportRow, int(rid))
        if report is not None:
            report.event_id = event_id
    for eid, (status, merged_into) in snap["events"].items():
        event = session.get(EventRow, int(eid))
        if event is not None:
            event.status, event.merged_into = status, merged_into
    stamp = now()
    for m in session.scalars(
        select(MergeRow).where(or_(MergeRow.event_id.in_(homes), MergeRow.absorbed_id.in_(homes)))
    ):
        kept = snap["merges"].get(str(m.id))
        if kept is None:
            if m.undone_at is None:
                m.undone_at, m.undone_by, m.undo_reason = stamp, user.name, "undone from the audit log"
        else:
            undone_at, undone_by, reason = kept
            m.undone_at = datetime.fromisoformat(undone_at) if undone_at else None
            m.undone_by, m.undo_reason = undone_by, reason
    wanted = {(a, b): (by, at, reason) for a, b, by, at, reason in snap["blocks"]}
    for b in session.scalars(
        select(MergeBlockRow).where(or_(MergeBlockRow.event_a.in_(homes), MergeBlockRow.event_b.in_(homes)))
    ):
        if (b.event_a, b.event_b) in wanted:
            wanted.pop((b.event_a, b.event_b))
        else:
            session.delete(b)
    for (a, b), (by, at, reason) in wanted.items():
        session.add(
            MergeBlockRow(
                event_a=a, event_b=b, created_by=by, created_at=datetime.fromisoformat(at), reason=reason
            )
        )
    session.flush()
    active = sorted(int(e) for e, (status, _) in snap["events"].items() if status == "active")
    for event_id in active:
        repository.refresh_event(session, event_id)
    return active


def bump(session: Session, event_id: int, user: User, version: int | None = None) -> None:
    """Check the version a person saw of ``event_id`` and count one more change to it."""
    review = session.get(EventReviewRow, event_id)
    current = review.version if review else 0
    if version is not None and version != current:
        raise ConflictError(
            f"event {event_id} was changed since you loaded it (your version {version}, now {current}): "
            "reload it and try again"
        )
    if review is None:
        review = EventReviewRow(event_id=event_id, status="unreviewed", fields={}, version=0)
        session.add(review)
    review.version += 1
    session.flush()


def merge(
    session: Session, user: User, a: int, b: int, version: int | None = None, reason: str | None = None
) -> dict[str, Any]:
    """A person's merge of the events holding ``a`` and ``b`` (``version``: of event ``a`` as seen)."""
    user.require("coder")
    ea, eb = repository.current_event(session, a), repository.current_event(session, b)
    if ea.status != "active" or eb.status != "active":
        raise BadRequestError("only active events can be merged")
    bump(session, ea.id, user, version)
    before = snapshot(session, [ea.id, eb.id])
    try:
        row = repository.force_merge(session, ea.id, eb.id, user.name, reason)
    except StoreError as exc:
        raise BadRequestError(str(exc)) from exc
    session.flush()
    after = snapshot(session, [row.event_id])
    entry = audit(session, user, "merge", "event", row.event_id, before, after)
    return {"event": row.event_id, "absorbed": row.absorbed_id, "audit": entry.id}


def split(
    session: Session,
    user: User,
    event_id: int,
    report: int | None = None,
    version: int | None = None,
    reason: str | None = None,
) -> dict[str, Any]:
    """Undo the merges of an event (or detach one ``report``); the parts are kept apart from then on."""
    user.require("coder")
    event = repository.current_event(session, event_id)
    bump(session, event.id, user, version)
    before = snapshot(session, [event.id])
    try:
        events = repository.split(session, event.id, user.name, report, reason)
    except StoreError as exc:
        raise BadRequestError(str(exc)) from exc
    session.flush()
    after = snapshot(session, events)
    entry = audit(session, user, "split", "event", event.id, before, after)
    return {"event": event.id, "events": events, "audit": entry.id}
