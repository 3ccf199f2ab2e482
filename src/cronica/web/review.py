"""Review decisions on events: the queue by doubt, accept / edit / reject, undo, and the audit log.

In: an open :class:`~sqlalchemy.orm.Session` (the caller commits), the acting :class:`User`, an
event number and the version the person saw. Out: the event's new review state, one
:class:`~cronica.store.models.AuditRow` (who, when, before, after) and, for a decision on the event's
fields, one :class:`~cronica.store.models.ReviewRow` (the model's labels, the person's labels and the
evidence text: what ``cronica train`` learns from). Fails with :class:`ConflictError` when the event
changed since that version, :class:`ForbiddenError` below the coder role, :class:`BadRequestError`
for a value the store cannot take.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cronica.dedupe import MergeRules
from cronica.extraction.lexicon import ACLED_TYPES
from cronica.records import COUNT_CATEGORIES
from cronica.store import corrections
from cronica.store.errors import StoreError
from cronica.store.models import (
    AuditRow,
    EventCountRow,
    EventReviewRow,
    EventRow,
    MergeRow,
    ReportRow,
    ReviewRow,
)
from cronica.store.queries import EventFilter, event_rows, merged_event_dicts
from cronica.store.repository import current_event, refresh_event
from cronica.web import clusters
from cronica.web.accounts import User, now
from cronica.web.clusters import CLUSTER_ACTIONS
from cronica.web.errors import BadRequestError, ConflictError
from cronica.web.journal import audit

DECISIONS = ("accept", "edit", "reject")
#: Audited actions that undo can reverse.
UNDOABLE = (*DECISIONS, "bulk-accept", *CLUSTER_ACTIONS)
_STATUS = {"accept": "accepted", "edit": "edited", "reject": "rejected"}
#: How close (in score) a merge must be to the threshold to count as doubtful.
MERGE_MARGIN = 0.15


@dataclass(frozen=True)
class Doubt:
    """Why an event is in the review queue and how doubtful it is (higher first)."""

    event: int
    score: float
    reasons: tuple[str, ...]


def review_queue(session: Session, limit: int = 50, rules: MergeRules | None = None) -> list[Doubt]:
    """Active events nobody has reviewed, most doubtful first.

    Doubt adds up: one minus the model's confidence; conflicting claims (reports of one count that
    disagree); an automatic merge whose score lies within :data:`MERGE_MARGIN` of the threshold.
    """
    rules = rules or MergeRules.load()
    threshold = rules.threshold if rules.threshold is not None else rules.pair_model().threshold
    reviewed = select(EventReviewRow.event_id)
    rows = session.execute(
        select(EventRow.id, func.max(ReportRow.confidence))
        .join(ReportRow, ReportRow.event_id == EventRow.id)
        .where(EventRow.status == "active", EventRow.id.not_in(reviewed))
        .group_by(EventRow.id)
    ).all()
    conflicts: dict[int, list[str]] = {}
    for event_id, category, low, high in session.execute(
        select(EventCountRow.event_id, EventCountRow.category, EventCountRow.low, EventCountRow.high).where(
            EventCountRow.low != EventCountRow.high
        )
    ):
        conflicts.setdefault(event_id, []).append(f"{category} claims disagree ({low}-{high})")
    near: dict[int, float] = {}
    for event_id, score in session.execute(
        select(MergeRow.event_id, MergeRow.score).where(
            MergeRow.undone_at.is_(None), MergeRow.forced.is_(False), MergeRow.score.is_not(None)
        )
    ):
        closeness = 1 - abs(float(score or 0.0) - threshold) / MERGE_MARGIN
        if closeness > 0:
            near[event_id] = max(near.get(event_id, 0.0), closeness)
    out = []
    for event_id, confidence in rows:
        conf = float(confidence or 0.0)
        reasons = [f"confidence {conf:.2f}"]
        score = 1 - conf
        if event_id in conflicts:
            score += 0.5
            reasons.extend(conflicts[event_id])
        if event_id in near:
            score += 0.5 * near[event_id]
            reasons.append("merge score near the threshold")
        out.append(Doubt(event_id, round(score, 3), tuple(reasons)))
    out.sort(key=lambda d: (-d.score, d.event))
    return out[:limit]


def state(session: Session, event_id: int) -> dict[str, Any]:
    """The review state of an event: ``status`` (unreviewed, accepted, edited, rejected), fields, version."""
    review = session.get(EventReviewRow, event_id)
    event = session.get(EventRow, event_id)
    return {
        "event": event_id,
        "event_status": event.status if event else None,
        "status": review.status if review else "unreviewed",
        "fields": dict(review.fields) if review else {},
        "version": review.version if review else 0,
    }


def machine_labels(event: dict[str, Any]) -> dict[str, Any]:
    """The fields a person can correct, as the event dictionary gives them now."""
    loc = event.get("location") or {}
    date = event.get("date") or {}
    counts = event.get("counts") or {}
    return {
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "date": date.get("value"),
        "date_precision": date.get("precision"),
        "actor1": {k: (event.get("actor1") or {}).get(k) for k in ("name", "inter")},
        "actor2": {k: (event.get("actor2") or {}).get(k) for k in ("name", "inter")},
        "place": {k: loc.get(k) for k in corrections.PLACE_KEYS},
        "counts": {c: (counts.get(c) or {}).get("value") for c in COUNT_CATEGORIES if counts.get(c)},
    }


_EVIDENCE_OF = {
    "event_type": "trigger",
    "sub_event_type": "trigger",
    "date": "date",
    "date_precision": "date",
    "actor1": "actor1",
    "actor2": "actor2",
    "place": "location",
}


def _evidence_text(event: dict[str, Any]) -> dict[str, Any]:
    ev = event.get("evidence") or {}
    out: dict[str, Any] = {"sentence": (ev.get("sentence") or {}).get("text")}
    for field, key in _EVIDENCE_OF.items():
        span = ev.get(key) or {}
        out[field] = {"text": span.get("text"), "start": span.get("start"), "end": span.get("end")}
    counts = event.get("counts") or {}
    out["counts"] = {c: [cl.get("text") for cl in (counts.get(c) or {}).get("claims", [])] for c in counts}
    return out


def changed_fields(current: dict[str, Any], proposed: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``proposed`` that differ from ``current`` (both as :func:`machine_labels` gives them)."""
    out: dict[str, Any] = {}
    for name, value in proposed.items():
        now_value = current.get(name)
        if name in ("actor1", "actor2"):
            a = value if value and (value.get("name") or "").strip() else None
            b = now_value if now_value and (now_value.get("name") or "").strip() else None
            if (a and {"name": a["name"].strip(), "inter": a.get("inter")}) != (
                b and {"name": b["name"], "inter": b.get("inter")}
            ):
                out[name] = a
        elif name == "counts":
            diff = {c: v for c, v in (value or {}).items() if v is not None and (now_value or {}).get(c) != v}
            if diff:
                out[name] = diff
        elif name == "place":
            if value and value.get("gazetteer_id") != (now_value or {}).get("gazetteer_id"):
                out[name] = value
        elif value not in (None, "") and value != now_value:
            out[name] = value
    return out


def edit_changed(
    session: Session,
    user: User,
    event_id: int,
    version: int | None,
    proposed: dict[str, Any],
    seconds: float | None = None,
) -> dict[str, Any]:
    """An edit from a whole form: only the fields that differ from the event now are corrected."""
    event = current_event(session, event_id)
    changed = changed_fields(machine_labels(_event_dict(session, event)), proposed)
    if not changed:
        raise BadRequestError("nothing changed: edit a field first")
    return decide(session, user, event_id, "edit", version, changed, seconds)


def _check_types(fields: dict[str, Any], current: dict[str, Any]) -> None:
    event_type = fields.get("event_type", current.get("event_type"))
    sub = fields.get("sub_event_type", current.get("sub_event_type"))
    if "event_type" in fields and event_type not in ACLED_TYPES:
        raise BadRequestError(f"{event_type!r} is not an ACLED event type ({', '.join(ACLED_TYPES)})")
    if ("event_type" in fields or "sub_event_type" in fields) and sub not in ACLED_TYPES.get(
        str(event_type), ()
    ):
        raise BadRequestError(f"{sub!r} is not a sub-event type of {event_type!r}")


def _event_dict(session: Session, event: EventRow, corrected: bool = True) -> dict[str, Any]:
    return next(merged_event_dicts(session, [event], corrected))


def _check_version(review: EventReviewRow | None, event_id: int, version: int | None) -> None:
    current = review.version if review else 0
    if version is not None and version != current:
        who = f" by {review.reviewed_by}" if review and review.reviewed_by else ""
        raise ConflictError(
            f"event {event_id} was changed{who} since you loaded it (your version {version}, now {current}): "
            "reload it and apply your change again"
        )


def _snapshot(event: EventRow, review: EventReviewRow | None) -> dict[str, Any]:
    return {
        "event_status": event.status,
        "status": review.status if review else "unreviewed",
        "fields": dict(review.fields) if review else {},
    }


def decide(
    session: Session,
    user: User,
    event_id: int,
    decision: str,
    version: int | None,
    fields: dict[str, Any] | None = None,
    seconds: float | None = None,
    action: str | None = None,
) -> dict[str, Any]:
    """Accept, edit (``fields``: see :mod:`cronica.store.corrections`) or reject an event.

    ``action`` names the audit entry when it is not the decision itself (``bulk-accept``).
    """
    user.require("coder")
    if decision not in DECISIONS:
        raise BadRequestError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    event = current_event(session, event_id)
    if event.status != "active" and decision != "reject":
        raise BadRequestError(f"event {event.id} is {event.status}; undo that first")
    review = session.get(EventReviewRow, event.id)
    _check_version(review, event.id, version)
    try:
        new_fields = corrections.check(fields or {}) if decision == "edit" else {}
    except StoreError as exc:
        raise BadRequestError(str(exc)) from exc
    if decision == "edit" and not new_fields:
        raise BadRequestError("an edit changes at least one field")
    shown_event = _event_dict(session, event)
    shown = machine_labels(shown_event)
    _check_types(new_fields, shown)
    model = machine_labels(_event_dict(session, event, corrected=False))
    before = _snapshot(event, review)
    if review is None:
        review = EventReviewRow(event_id=event.id, status="unreviewed", fields={}, version=0)
        session.add(review)
    review.fields = {**review.fields, **new_fields}
    review.status = _STATUS[decision] if not (decision == "accept" and review.fields) else "edited"
    review.version += 1
    review.reviewed_by, review.reviewed_at = user.name, now()
    if decision == "reject":
        event.status = "rejected"
    session.flush()
    refresh_event(session, event.id)
    session.flush()
    after_dict = _event_dict(session, event) if event.status == "active" else None
    row = audit(session, user, action or decision, "event", event.id, before, _snapshot(event, review))
    first = session.scalar(select(ReportRow).where(ReportRow.id == event.representative_report_id))
    session.add(
        ReviewRow(
            event_id=event.id,
            document_id=first.document_id if first else None,
            decision=decision,
            model=model,
            labels=machine_labels(after_dict) if after_dict else {},
            # a rejected event keeps the words it was read from: a learner's example of no event
            evidence=_evidence_text(after_dict or shown_event),
            reviewer=user.name,
            seconds=seconds,
            created_at=now(),
            audit_id=row.id,
        )
    )
    session.flush()
    return {**state(session, event.id), "audit": row.id}


def undo(session: Session, user: User, audit_id: int) -> dict[str, Any]:
    """Undo one audited change to an event: its state before comes back; the reviewed record is dropped.

    Only the latest change to an event that is not undone can be undone (undo later changes first).
    """
    user.require("coder")
    row = session.get(AuditRow, audit_id)
    if row is None:
        raise BadRequestError(f"no audit entry {audit_id}")
    if row.undone_by is not None:
        raise ConflictError(f"change {audit_id} was undone already (by entry {row.undone_by})")
    if row.action == "undo":
        raise BadRequestError("an undo cannot be undone; make the change again")
    if row.target_kind != "event" or row.before is None or row.action not in UNDOABLE:
        raise BadRequestError(f"change {audit_id} ({row.action}) cannot be undone here")
    later = session.scalar(
        select(AuditRow.id).where(
            AuditRow.target_kind == "event",
            AuditRow.target_id == row.target_id,
            AuditRow.id > row.id,
            AuditRow.undone_by.is_(None),
            AuditRow.action != "undo",
        )
    )
    if later is not None:
        raise ConflictError(
            f"event {row.target_id} changed again after entry {audit_id}: undo entry {later} first"
        )
    event_id = int(row.target_id)
    if row.action in CLUSTER_ACTIONS:
        return _undo_cluster(session, user, row)
    event = session.get(EventRow, event_id)
    if event is None:
        raise BadRequestError(f"event {event_id} is gone")
    review = session.get(EventReviewRow, event_id)
    current = _snapshot(event, review)
    before = row.before
    if review is None:
        review = EventReviewRow(event_id=event_id, status="unreviewed", fields={}, version=0)
        session.add(review)
    review.status = before["status"]
    review.fields = dict(before["fields"])
    review.version += 1
    review.reviewed_by, review.reviewed_at = user.name, now()
    if event.status in ("active", "rejected"):
        event.status = before["event_status"]
    session.flush()
    refresh_event(session, event_id)
    entry = audit(session, user, "undo", "event", event_id, current, _snapshot(event, review), undo_of=row.id)
    row.undone_by = entry.id
    for reviewed in session.scalars(select(ReviewRow).where(ReviewRow.audit_id == row.id)):
        reviewed.undone_at = entry.at
    session.flush()
    return {**state(session, event_id), "audit": entry.id}


def _undo_cluster(session: Session, user: User, row: AuditRow) -> dict[str, Any]:
    """Undo a merge or split: every report, event, merge and block goes back to the snapshot before it."""
    assert row.before is not None
    current = clusters.snapshot(session, [int(h) for h in row.before["homes"]])
    active = clusters.restore(session, row.before, user)
    event_id = int(row.target_id)
    for eid in active:
        clusters.bump(session, eid, user)
    entry = audit(session, user, "undo", "event", event_id, current, row.before, undo_of=row.id)
    row.undone_by = entry.id
    session.flush()
    return {**state(session, event_id), "events": active, "audit": entry.id}


def audit_log(
    session: Session, target: str | None = None, user: str | None = None, limit: int = 200
) -> list[dict[str, Any]]:
    """The newest audit entries first, for one event (``target``) or one person, or all."""
    q = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
    if target:
        q = q.where(AuditRow.target_id == target)
    if user:
        q = q.where(AuditRow.user == user)
    return [
        {
            "id": r.id,
            "at": r.at.isoformat(),
            "user": r.user,
            "action": r.action,
            "target_kind": r.target_kind,
            "target": r.target_id,
            "before": r.before,
            "after": r.after,
            "undo_of": r.undo_of,
            "undone_by": r.undone_by,
        }
        for r in session.scalars(q)
    ]


def code_blind(
    session: Session, user: User, event_id: int, fields: dict[str, Any], seconds: float | None = None
) -> dict[str, Any]:
    """Record one person's independent coding of an event (double coding) without changing the event.

    ``fields`` are the person's values for the correctable fields; those left out are taken as the
    model gave them. The reviewed record (decision ``code``) feeds the agreement figures and training.
    """
    user.require("coder")
    event = current_event(session, event_id)
    try:
        given = corrections.check(fields)
    except StoreError as exc:
        raise BadRequestError(str(exc)) from exc
    machine = _event_dict(session, event, corrected=False)
    model = machine_labels(machine)
    _check_types(given, model)
    labels = {**model, **given}
    if "counts" in given:
        labels["counts"] = {**(model.get("counts") or {}), **given["counts"]}
    entry = audit(session, user, "code", "event", event.id, None, {"labels": labels})
    first = session.get(ReportRow, event.representative_report_id) if event.representative_report_id else None
    session.add(
        ReviewRow(
            event_id=event.id,
            document_id=first.document_id if first else None,
            decision="code",
            model=model,
            labels=labels,
            evidence=_evidence_text(machine),
            reviewer=user.name,
            seconds=seconds,
            created_at=now(),
            audit_id=entry.id,
        )
    )
    session.flush()
    return {"event": event.id, "audit": entry.id, "labels": labels}


def bulk_accept(session: Session, user: User, flt: EventFilter, limit: int = 5000) -> dict[str, Any]:
    """Accept every unreviewed event of a selection (admin only); each acceptance is audited on its own."""
    user.require("admin")
    pending = event_rows(session, replace(flt, reviewed=False, limit=None))
    if len(pending) > limit:
        raise BadRequestError(f"{len(pending)} events selected; narrow the filters to at most {limit}")
    done = [decide(session, user, e.id, "accept", None, action="bulk-accept")["event"] for e in pending]
    return {"accepted": done}


def reviewed_records(session: Session, include_undone: bool = False) -> list[dict[str, Any]]:
    """The reviewed records a learner reads: model labels, person's labels, evidence text, who, when."""
    q = select(ReviewRow).order_by(ReviewRow.id)
    if not include_undone:
        q = q.where(ReviewRow.undone_at.is_(None))
    return [
        {
            "id": r.id,
            "event": r.event_id,
            "document": r.document_id,
            "decision": r.decision,
            "model": r.model,
            "labels": r.labels,
            "evidence": r.evidence,
            "reviewer": r.reviewer,
            "seconds": r.seconds,
            "at": r.created_at.isoformat(),
        }
        for r in session.scalars(q)
    ]
