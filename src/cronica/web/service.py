"""The service layer: every rule of the web app in one place, used by the HTTP API and the pages alike.

:class:`Service` wraps a :class:`~cronica.store.Store`; each method opens one transaction, checks the
acting :class:`~cronica.web.accounts.User`'s role, and returns plain data. Errors come from
:mod:`cronica.web.errors` (and the store's :class:`~cronica.store.NotFoundError`); the app maps them
to HTTP statuses.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from cronica.dedupe import MergeRules
from cronica.export import write_acled_csv, write_geojson, write_jsonl
from cronica.resolve import Gazetteer
from cronica.store import EventFilter, Store
from cronica.store.queries import event_detail, merged_event_dicts, tallies_beside_incidents
from cronica.store.repository import current_event
from cronica.web import accounts, clusters, explore, feed, metrics, review
from cronica.web.accounts import User, WebSession
from cronica.web.errors import AuthError, BadRequestError
from cronica.web.uploads import Ingester

#: Download formats: name -> (media type, file extension).
DOWNLOADS = {
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "jsonl": ("application/x-ndjson; charset=utf-8", "jsonl"),
    "geojson": ("application/geo+json; charset=utf-8", "geojson"),
}


class Service:
    """The web app's operations over one store (see the module docstring)."""

    def __init__(
        self, store: Store, gazetteer: Gazetteer | None = None, rules: MergeRules | None = None
    ) -> None:
        self.store = store
        self._gazetteer = gazetteer
        self.rules = rules or MergeRules.load()
        self._ingester: Ingester | None = None

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        with self.store.session() as s:
            yield s

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.open()
        return self._gazetteer

    # -- accounts ------------------------------------------------------------------------------

    def add_user(self, name: str, role: str, password: str) -> User:
        with self._tx() as s:
            return accounts.add_user(s, name, role, password)

    def users(self) -> list[User]:
        with self._tx() as s:
            return accounts.users(s)

    def add_token(self, name: str, label: str | None = None) -> str:
        with self._tx() as s:
            return accounts.add_token(s, name, label)

    def login(self, name: str, password: str, client: str | None = None) -> tuple[str, WebSession]:
        """Check the password (rate limited) and open a session: (cookie value, session)."""
        try:
            with self._tx() as s:
                user = accounts.check_password(s, name, password, client)
                return accounts.open_session(s, user)
        except AuthError:
            # The failed attempt is kept though the login failed: recorded in its own transaction.
            with self._tx() as s:
                accounts.record_failure(s, name, client)
            raise

    def session_for(self, cookie: str | None) -> WebSession | None:
        with self._tx() as s:
            return accounts.session_user(s, cookie)

    def logout(self, cookie: str | None) -> None:
        with self._tx() as s:
            accounts.close_session(s, cookie)

    def token_user(self, token: str) -> User:
        with self._tx() as s:
            return accounts.token_user(s, token)

    # -- reading -------------------------------------------------------------------------------

    def events(self, user: User, flt: EventFilter, offset: int = 0, limit: int = 50) -> dict[str, Any]:
        user.require("viewer")
        with self._tx() as s:
            return explore.event_page(s, flt, offset, limit)

    def event(self, user: User, event_id: int, with_text: bool = False) -> dict[str, Any]:
        """One event in full (sources, claims, merges, review state); ``with_text``: marked report texts."""
        user.require("viewer")
        with self._tx() as s:
            out = event_detail(s, event_id)
            if with_text:
                out["reports"] = explore.event_reports(s, out)
            out["audit"] = review.audit_log(s, target=str(out["number"]), limit=50)
            return out

    def document(self, user: User, key: str) -> dict[str, Any]:
        user.require("viewer")
        with self._tx() as s:
            return explore.document(s, key)

    def actor(self, user: User, name: str) -> dict[str, Any]:
        user.require("viewer")
        with self._tx() as s:
            return explore.actor(s, name)

    def tallies(self, user: User, flt: EventFilter) -> list[dict[str, Any]]:
        user.require("viewer")
        with self._tx() as s:
            return tallies_beside_incidents(s, flt)

    def timeline(self, user: User, flt: EventFilter, bucket: str = "day") -> dict[str, Any]:
        user.require("viewer")
        with self._tx() as s:
            return explore.timeline(s, flt, bucket)

    def map_points(self, user: User, flt: EventFilter) -> dict[str, Any]:
        user.require("viewer")
        with self._tx() as s:
            return explore.map_points(s, flt)

    def places(self, user: User, name: str) -> list[dict[str, Any]]:
        user.require("viewer")
        if not name.strip():
            raise BadRequestError("give a place name")
        return explore.gazetteer_places(self.gazetteer, name)

    def places_near(self, user: User, latitude: float, longitude: float) -> list[dict[str, Any]]:
        user.require("viewer")
        return explore.nearby_places(self.gazetteer, latitude, longitude)

    def download(self, user: User, flt: EventFilter, fmt: str) -> tuple[str, str, str]:
        """The selection in a download format: (media type, file extension, body)."""
        user.require("viewer")
        if fmt not in DOWNLOADS:
            raise BadRequestError(f"format must be one of {', '.join(DOWNLOADS)}, not {fmt!r}")
        buffer = io.StringIO()
        with self._tx() as s:
            from cronica.store.queries import event_rows

            events = merged_event_dicts(s, event_rows(s, flt))
            if fmt == "acled-csv":
                write_acled_csv(events, buffer)
            elif fmt == "jsonl":
                write_jsonl(events, buffer)
            else:
                write_geojson(events, buffer)
        media, ext = DOWNLOADS[fmt]
        return media, ext, buffer.getvalue()

    def changes(self, user: User, since: str | None, limit: int = 500) -> dict[str, Any]:
        user.require("viewer")
        with self._tx() as s:
            return feed.changes(s, since, limit)

    # -- reviewing -----------------------------------------------------------------------------

    def queue(self, user: User, limit: int = 50) -> list[dict[str, Any]]:
        """The review queue, most doubtful first, each with its event summary."""
        user.require("viewer")
        with self._tx() as s:
            doubts = review.review_queue(s, limit, self.rules)
            rows = [current_event(s, d.event) for d in doubts]
            events = {int(e["number"]): e for e in merged_event_dicts(s, rows)}
            return [{"doubt": d.score, "reasons": list(d.reasons), "event": events[d.event]} for d in doubts]

    def decide(
        self,
        user: User,
        event_id: int,
        decision: str,
        version: int | None,
        fields: dict[str, Any] | None = None,
        seconds: float | None = None,
    ) -> dict[str, Any]:
        with self._tx() as s:
            return review.decide(s, user, event_id, decision, version, fields, seconds)

    def edit_changed(
        self, user: User, event_id: int, version: int | None, proposed: dict[str, Any], seconds: float | None
    ) -> dict[str, Any]:
        """An edit from a whole form: only the fields that differ are corrected."""
        user.require("coder")
        with self._tx() as s:
            return review.edit_changed(s, user, event_id, version, proposed, seconds)

    def gazetteer_place(self, user: User, gazetteer_id: str) -> dict[str, Any]:
        """One gazetteer place (``geonames:3911925``) as the place columns an event keeps."""
        user.require("viewer")
        entry = self.gazetteer.by_gazetteer_id(gazetteer_id)
        if entry is None:
            raise BadRequestError(f"no gazetteer place {gazetteer_id!r}")
        return explore.gazetteer_entry(self.gazetteer, entry)

    def undo(self, user: User, audit_id: int) -> dict[str, Any]:
        with self._tx() as s:
            return review.undo(s, user, audit_id)

    def merge(
        self, user: User, event_id: int, other: int, version: int | None = None, reason: str | None = None
    ) -> dict[str, Any]:
        with self._tx() as s:
            return clusters.merge(s, user, event_id, other, version, reason)

    def split(
        self,
        user: User,
        event_id: int,
        report: int | None = None,
        version: int | None = None,
        reason: str | None = None,
    ) -> dict[str, Any]:
        with self._tx() as s:
            return clusters.split(s, user, event_id, report, version, reason)

    def code_blind(
        self, user: User, event_id: int, fields: dict[str, Any], seconds: float | None = None
    ) -> dict[str, Any]:
        with self._tx() as s:
            return review.code_blind(s, user, event_id, fields, seconds)

    def bulk_accept(self, user: User, flt: EventFilter) -> dict[str, Any]:
        with self._tx() as s:
            return review.bulk_accept(s, user, flt)

    def metrics(self, user: User) -> dict[str, Any]:
        user.require("admin")
        with self._tx() as s:
            return metrics.review_metrics(s)

    # -- ingest from the browser -----------------------------------------------------------------

    @property
    def ingester(self) -> Ingester:
        if self._ingester is None:
            self._ingester = Ingester(self.store)
        return self._ingester

    def upload(
        self, user: User, files: list[tuple[str, bytes]], text: str | None, published: date | None
    ) -> dict[str, Any]:
        return self.ingester.submit(user, files, text, published).to_dict()

    def upload_job(self, user: User, job_id: str) -> dict[str, Any]:
        user.require("coder")
        return self.ingester.job(job_id).to_dict()

    def audit_log(
        self, user: User, target: str | None = None, who: str | None = None
    ) -> list[dict[str, Any]]:
        user.require("viewer")
        with self._tx() as s:
            return review.audit_log(s, target, who)

    def reviewed_records(self, user: User) -> list[dict[str, Any]]:
        user.require("viewer")
        with self._tx() as s:
            return review.reviewed_records(s)
