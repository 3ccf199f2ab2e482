"""The :class:`Store`: one object per database, with short transactions for every write."""

from __future__ import annotations

import getpass
import traceback
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from cronica.dedupe import MergeRules, Scorer, get_scorer, plan_merges
from cronica.errors import InputError
from cronica.records import Extraction
from cronica.store import queries, repository
from cronica.store.db import default_db, make_engine, upgrade
from cronica.store.errors import StoreError
from cronica.store.models import Base, DocumentRow, ErrorRow, EventRow, MergeRow


def who() -> str:
    """The person behind a command-line decision (login name), for the merge records."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def error_parts(error: BaseException) -> tuple[str, str, str | None]:
    """What the errors table keeps of an exception: its type, its message and its traceback.

    An :class:`InputError` that wraps a reader's crash (``__cause__``) reports the crash's type and
    traceback; a database driver's message is cut before the SQL and its parameters."""
    cause = error.__cause__ if isinstance(error, InputError) and error.__cause__ is not None else error
    if isinstance(error, InputError):
        problem = error.problem
    else:
        problem = str(error).split("\n[SQL:")[0].strip() or type(error).__name__
    trace = "".join(traceback.format_exception(cause)) if cause.__traceback__ is not None else None
    return type(cause).__name__, problem, trace


@dataclass(frozen=True)
class MergeReport:
    merged: int
    candidates: int
    decisions: tuple[repository.MergeDecision, ...]


class Store:
    """A cronica database (SQLite file or PostgreSQL URL), migrated to the newest schema when opened.

    >>> store = Store("cronica.db")            # doctest: +SKIP
    >>> store.add_extraction(extraction)       # one transaction per document
    """

    def __init__(self, db: str | None = None, *, migrate: bool = True) -> None:
        self.db = db or default_db()
        self.engine = make_engine(self.db)
        try:
            if migrate:
                upgrade(self.engine)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open or migrate {self.db!r}: {exc}") from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    # -- ingest ------------------------------------------------------------------------------

    def has_document(self, doc_hash: str) -> bool:
        with self.session() as s:
            return repository.has_document(s, doc_hash)

    def known_documents(self, hashes: Sequence[str]) -> set[str]:
        with self.session() as s:
            return repository.known_documents(s, hashes)

    def add_extraction(self, extraction: Extraction) -> bool:
        """Store one document and its records in one transaction; ``False`` if it was already there."""
        try:
            with self.session() as s:
                return repository.add_extraction(s, extraction)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store {extraction.document.id}: {exc}") from exc

    def add_error(
        self,
        error: BaseException,
        source: str | None = None,
        line: int | None = None,
        *,
        document: str | None = None,
        stage: str = "read",
    ) -> None:
        """Record a document that could not be ingested: where, in which stage, the exception and its
        traceback. Its own transaction, so it is kept when the document's own was rolled back."""
        if isinstance(error, InputError):
            source, line = error.source, error.line
        kind, problem, trace = error_parts(error)
        with self.session() as s:
            repository.record_error(
                s,
                source or document or "<unknown>",
                kind,
                problem,
                line,
                document=document,
                stage=stage,
                traceback=trace,
            )

    def errors(self, include_resolved: bool = False) -> list[dict[str, Any]]:
        """The recorded errors, oldest first; those of documents a later run stored only on request."""
        with self.session() as s:
            q = select(ErrorRow).order_by(ErrorRow.first_seen, ErrorRow.id)
            if not include_resolved:
                q = q.where(ErrorRow.resolved_at.is_(None))
            return [
                {
                    "source": r.source,
                    "line": r.line,
                    "document": r.document,
                    "stage": r.stage,
                    "kind": r.kind,
                    "problem": r.problem,
                    "traceback": r.traceback,
                    "first_seen": r.first_seen.isoformat(),
                    "last_seen": r.last_seen.isoformat(),
                    "times": r.times,
                    "resolved_at": r.resolved_at.isoformat() if r.resolved_at else None,
                }
                for r in s.scalars(q)
            ]

    def counts(self) -> dict[str, int]:
        """How many rows each main table holds (active events only under ``events``)."""
        from cronica.store import models

        out: dict[str, int] = {}
        with self.session() as s:
            for name, table in Base.metadata.tables.items():
                out[name] = s.scalar(select(func.count()).select_from(table)) or 0
            out["active_events"] = (
                s.scalar(select(func.count()).select_from(models.EventRow).where(EventRow.status == "active"))
                or 0
            )
            out["documents"] = s.scalar(select(func.count()).select_from(DocumentRow)) or 0
        return out

    # -- merging -----------------------------------------------------------------------------

    def merge_auto(
        self, rules: MergeRules | None = None, scorer: Scorer | str | None = None, by: str = "cronica"
    ) -> MergeReport:
        """Merge reports of the same event; never undoes a person's merge or split."""
        rules = rules or MergeRules.load()
        chosen = get_scorer(scorer or rules.scorer) if not hasattr(scorer, "score") else scorer
        assert chosen is not None and not isinstance(chosen, str)
        with self.session() as s:
            views = repository.report_views(s)
            decisions = plan_merges(views, repository.blocked_pairs(s), rules, chosen)
            for decision in decisions:
                repository.apply_decision(s, decision, by)
        return MergeReport(len(decisions), len(views), tuple(decisions))

    def merge(self, a: int, b: int, by: str | None = None, reason: str | None = None) -> int:
        """Force events ``a`` and ``b`` into one; returns the event that holds both."""
        with self.session() as s:
            row = repository.force_merge(s, a, b, by or who(), reason)
            return row.event_id

    def split(
        self, event: int, report: int | None = None, by: str | None = None, reason: str | None = None
    ) -> list[int]:
        """Undo the merges of ``event`` (or detach one ``report``); returns the events afterwards."""
        with self.session() as s:
            return repository.split(s, event, by or who(), report, reason)

    def merges(self, include_undone: bool = True) -> list[dict[str, Any]]:
        with self.session() as s:
            q = select(MergeRow).order_by(MergeRow.id)
            if not include_undone:
                q = q.where(MergeRow.undone_at.is_(None))
            return [
                {
                    "id": m.id,
                    "event": m.event_id,
                    "absorbed": m.absorbed_id,
                    "forced": m.forced,
                    "score": m.score,
                    "reasons": list(m.reasons),
                    "by": m.created_by,
                    "undone": m.undone_at is not None,
                }
                for m in s.scalars(q)
            ]

    # -- reading -----------------------------------------------------------------------------

    def events(self, flt: queries.EventFilter | None = None) -> list[dict[str, Any]]:
        """Merged events matching ``flt``, in the interchange contract with all sources and claims."""
        with self.session() as s:
            return list(queries.merged_event_dicts(s, queries.event_rows(s, flt)))

    def iter_events(
        self, flt: queries.EventFilter | None = None, chunk: int = 500
    ) -> Iterator[dict[str, Any]]:
        with self.session() as s:
            rows = queries.event_rows(s, flt)
            for i in range(0, len(rows), chunk):
                yield from queries.merged_event_dicts(s, rows[i : i + chunk])

    def event(self, event_id: int) -> dict[str, Any]:
        with self.session() as s:
            return queries.event_detail(s, event_id)

    def incident_totals(
        self, flt: queries.EventFilter | None = None, by: Iterable[str] = ("day", "place", "perpetrator")
    ) -> list[dict[str, Any]]:
        with self.session() as s:
            return queries.incident_totals(s, flt, tuple(by))

    def tallies(self, flt: queries.EventFilter | None = None) -> list[dict[str, Any]]:
        with self.session() as s:
            return queries.tallies_beside_incidents(s, flt)

    def statements(self) -> list[dict[str, Any]]:
        with self.session() as s:
            return list(queries.statement_dicts(s))

    def tally_records(self) -> list[dict[str, Any]]:
        with self.session() as s:
            return list(queries.tally_dicts(s))
