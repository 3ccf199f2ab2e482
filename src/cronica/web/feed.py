"""The change feed: what happened to events since a point in time, for downstream copies to stay in sync.

In: a cursor (``since``: an ISO time, or the ``next`` cursor of the previous page). Out: changes oldest
first, each ``{"at", "change", "event", ...}`` where ``change`` is one of :data:`CHANGES`, and the
cursor of the next page. The feed is read from the records themselves, so it also shows what the
command line did: events as created at ingest, merges (automatic or a person's) and their undoing
(split), and people's review decisions (updated; rejected events are deleted from the record; the
undo of a rejection creates the event again).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cronica.store.models import AuditRow, EventRow, MergeRow
from cronica.web.errors import BadRequestError

CHANGES = ("created", "updated", "merged", "split", "deleted")
_ORDER = {name: i for i, name in enumerate(CHANGES)}


def parse_cursor(since: str | None) -> tuple[datetime, int, int]:
    """``since`` as (time, change order, id): an ISO time or a ``next`` cursor ``TIME~ORDER~ID``."""
    if not since:
        return datetime.min.replace(tzinfo=UTC), -1, -1
    stamp, _, rest = since.partition("~")
    try:
        at = datetime.fromisoformat(stamp.replace("Z", "+00:00").replace(" ", "+"))
    except ValueError as exc:
        raise BadRequestError(
            f"since must be an ISO time (2026-12-04T10:00:00Z) or a cursor, not {since!r}"
        ) from exc
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    if rest:
        try:
            order, ident = (int(x) for x in rest.split("~"))
        except ValueError as exc:
            raise BadRequestError(f"not a change-feed cursor: {since!r}") from exc
        return at, order, ident
    return at, 99, 1 << 62


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def changes(session: Session, since: str | None, limit: int = 500) -> dict[str, Any]:
    """Changes after ``since``, oldest first, at most ``limit``; ``next`` continues after the last one."""
    if not 1 <= limit <= 5000:
        raise BadRequestError("limit must be 1-5000")
    at, order, ident = parse_cursor(since)
    start = at
    items: list[tuple[datetime, int, int, dict[str, Any]]] = []

    def add(when: datetime, change: str, key: int, item: dict[str, Any]) -> None:
        when = _aware(when)
        if (when, _ORDER[change], key) > (at, order, ident):
            items.append((when, _ORDER[change], key, {"at": when.isoformat(), "change": change, **item}))

    for e in session.scalars(select(EventRow).where(EventRow.created_at >= start)):
        add(e.created_at, "created", e.id, {"event": e.id})
    for m in session.scalars(select(MergeRow).where(MergeRow.created_at >= start)):
        add(
            m.created_at, "merged", m.id, {"event": m.event_id, "absorbed": m.absorbed_id, "by": m.created_by}
        )
    for m in session.scalars(select(MergeRow).where(MergeRow.undone_at >= start)):
        assert m.undone_at is not None
        add(m.undone_at, "split", m.id, {"event": m.event_id, "separated": m.absorbed_id, "by": m.undone_by})
    for a in session.scalars(select(AuditRow).where(AuditRow.at >= start, AuditRow.target_kind == "event")):
        before = (a.before or {}).get("event_status")
        after = (a.after or {}).get("event_status")
        if after == "rejected" and before != "rejected":
            change = "deleted"
        elif before == "rejected" and after == "active":
            change = "created"
        else:
            change = "updated"
        add(a.at, change, a.id, {"event": int(a.target_id), "action": a.action, "by": a.user, "audit": a.id})
    items.sort(key=lambda x: x[:3])
    page = items[:limit]
    cursor = None
    if page:
        when, o, key, _ = page[-1]
        cursor = f"{when.isoformat()}~{o}~{key}"
    return {"changes": [x[3] for x in page], "next": cursor or since, "more": len(items) > limit}
