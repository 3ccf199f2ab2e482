"""The audit log: one row per change, with who, when, the state before and after.

In: an open session, the acting user, the action and target, and JSON-able states. Out: the flushed
:class:`~cronica.store.models.AuditRow` (its ``id`` is what undo takes).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from cronica.store.models import AuditRow
from cronica.web.accounts import User, now


def audit(
    session: Session,
    user: User,
    action: str,
    kind: str,
    target: object,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    undo_of: int | None = None,
) -> AuditRow:
    row = AuditRow(
        at=now(),
        user=user.name,
        action=action,
        target_kind=kind,
        target_id=str(target),
        before=before,
        after=after,
        undo_of=undo_of,
    )
    session.add(row)
    session.flush()
    return row
