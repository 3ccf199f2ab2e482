"""The store's tables, as SQLAlchemy 2 declarative models.

Two levels of events: a **report** is one event as one document describes it (the extractor's
:class:`~cronica.records.Event`); an **event** is what happened, the cluster of reports that describe
it. Every report starts in an event of its own (its *home* event); merging moves reports into one
event, splitting moves them home again. Claims, evidence and actor mentions hang off reports, so no
merge ever loses a report's words. Derived figures (``event_counts``, ``events.fatalities``) are
recomputed from the claims whenever an event's reports change.

The schema is created by the Alembic migrations in ``cronica/store/migrations``; a test checks that
these models and the migrated database agree. ``docs/records.md`` ("Store schema") documents it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DocumentRow(Base):
    """One ingested document; ``id`` is the SHA-256 of its analysed text."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    source_id: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(32))
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    published_source: Mapped[str | None] = mapped_column(String(32))
    outlet: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    n_events: Mapped[int] = mapped_column(Integer, default=0)
    n_statements: Mapped[int] = mapped_column(Integer, default=0)
    n_tallies: Mapped[int] = mapped_column(Integer, default=0)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


#: The place attributes the ``places`` table keeps (and a merged event's location shows).
PLACE_COLUMNS = (
    "name",
    "country",
    "country_code",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "precision",
    "gazetteer_id",
    "status",
)


class PlaceRow(Base):
    """A distinct place, keyed by gazetteer id when resolved, else by its words and country."""

    __tablename__ = "places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    name: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)
    country_code: Mapped[str | None] = mapped_column(String(8))
    admin1: Mapped[str | None] = mapped_column(Text)
    admin2: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    precision: Mapped[int | None] = mapped_column(Integer)
    gazetteer_id: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))


class EventRow(Base):
    """What happened: one or more reports merged. Fields come from the representative report."""

    __tablename__ = "events"
    __table_args__ = (
        Index(None, "status", "date"),
        Index(None, "country_code", "admin1"),
        # the explore views at 100,000 events (docs/performance.md): a country's events (country
        # first, so that a query on status alone keeps using the status index), and the timeline and
        # the map read from their index alone (no table rows)
        Index(None, "country_code", "status", "date"),
        Index("ix_events_timeline", "status", "date", "event_type", "fatalities"),
        Index(
            "ix_events_map",
            "status",
            "latitude",
            "longitude",
            "event_type",
            "fatalities",
            "date",
            "location",
            "country_code",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(16), default="active")
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    representative_report_id: Mapped[int | None] = mapped_column(Integer)
    event_type: Mapped[str] = mapped_column(String(64))
    sub_event_type: Mapped[str] = mapped_column(String(64))
    plover: Mapped[str | None] = mapped_column(String(32))
    date: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"))
    location: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)
    country_code: Mapped[str | None] = mapped_column(String(8))
    admin1: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    actor1: Mapped[str | None] = mapped_column(Text)
    inter1: Mapped[int | None] = mapped_column(Integer)
    actor2: Mapped[str | None] = mapped_column(Text)
    inter2: Mapped[int | None] = mapped_column(Integer)
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    n_reports: Mapped[int] = mapped_column(Integer, default=1)
    n_documents: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReportRow(Base):
    """One document's account of an event (an extracted :class:`~cronica.records.Event`)."""

    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("document_id", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    record_id: Mapped[str] = mapped_column(String(200))
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    home_event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    event_type: Mapped[str] = mapped_column(String(64))
    sub_event_type: Mapped[str] = mapped_column(String(64))
    plover: Mapped[str | None] = mapped_column(String(32))
    date: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    date_text: Mapped[str | None] = mapped_column(Text)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"))
    place_text: Mapped[str | None] = mapped_column(Text)
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    sentence: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class StatementRow(Base):
    __tablename__ = "statements"
    __table_args__ = (UniqueConstraint("document_id", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    record_id: Mapped[str] = mapped_column(String(200))
    speaker: Mapped[str | None] = mapped_column(Text)
    speaker_role: Mapped[str | None] = mapped_column(Text)
    speaker_organisation: Mapped[str | None] = mapped_column(Text)
    plover: Mapped[str] = mapped_column(String(32))
    content: Mapped[str] = mapped_column(Text)
    quote: Mapped[bool] = mapped_column(Boolean, default=False)
    date: Mapped[date | None] = mapped_column(Date)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"))
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class TallyRow(Base):
    __tablename__ = "tallies"
    __table_args__ = (UniqueConstraint("document_id", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    record_id: Mapped[str] = mapped_column(String(200))
    what: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(32))
    value: Mapped[int] = mapped_column(Integer)
    qualifier: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    since: Mapped[date | None] = mapped_column(Date)
    as_of: Mapped[date | None] = mapped_column(Date)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"))
    reported_by: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class ClaimRow(Base):
    """One reported number in one report: who said it, when it was published, what words."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)
    value: Mapped[int] = mapped_column(Integer)
    qualifier: Mapped[str] = mapped_column(String(16))
    low: Mapped[int | None] = mapped_column(Integer)
    high: Mapped[int | None] = mapped_column(Integer)
    vague: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text)
    reported_by: Mapped[str | None] = mapped_column(Text)
    reported_on: Mapped[date | None] = mapped_column(Date)
    update_of: Mapped[int | None] = mapped_column(Integer)
    revised: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)


class EventCountRow(Base):
    """Derived figures for one event and category, recomputed from its claims."""

    __tablename__ = "event_counts"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    category: Mapped[str] = mapped_column(String(16), primary_key=True)
    acled: Mapped[int] = mapped_column(Integer)
    low: Mapped[int] = mapped_column(Integer)
    best: Mapped[int] = mapped_column(Integer)
    high: Mapped[int] = mapped_column(Integer)
    latest: Mapped[int] = mapped_column(Integer)
    n_claims: Mapped[int] = mapped_column(Integer)
    n_reports: Mapped[int] = mapped_column(Integer)


class ActorRow(Base):
    """One actor mention: in a report (actor1/actor2/associated) or a statement (speaker/addressee)."""

    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text, index=True)
    text: Mapped[str | None] = mapped_column(Text)
    inter: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str | None] = mapped_column(String(32))
    person_role: Mapped[str | None] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)


class EvidenceRow(Base):
    """The words behind one field of one record: a span of the document's text."""

    __tablename__ = "evidence"
    __table_args__ = (Index(None, "record_kind", "record_pk"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    record_kind: Mapped[str] = mapped_column(String(16))
    record_pk: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(64))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class MergeRow(Base):
    """One merge of event ``absorbed_id`` into ``event_id``: why (``reasons``, sentences; ``score`` and
    ``scorer``; ``features``, the scorer's inputs; ``report_a``/``report_b``, the pair of reports that
    decided it), by whom, when, and whether undone. A person's merge is ``forced`` with no score."""

    __tablename__ = "merges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    absorbed_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    forced: Mapped[bool] = mapped_column(Boolean, default=False)
    score: Mapped[float | None] = mapped_column(Float)
    scorer: Mapped[str | None] = mapped_column(String(64))
    reasons: Mapped[list[str]] = mapped_column(JSON)
    report_a: Mapped[int | None] = mapped_column(Integer)
    report_b: Mapped[int | None] = mapped_column(Integer)
    features: Mapped[dict[str, float] | None] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    undone_by: Mapped[str | None] = mapped_column(String(100))
    undo_reason: Mapped[str | None] = mapped_column(Text)


class MergeBlockRow(Base):
    """A person's decision that two home events describe different things: never merged automatically."""

    __tablename__ = "merge_blocks"
    __table_args__ = (UniqueConstraint("event_a", "event_b"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_a: Mapped[int] = mapped_column(ForeignKey("events.id"))
    event_b: Mapped[int] = mapped_column(ForeignKey("events.id"))
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str | None] = mapped_column(Text)


class ErrorRow(Base):
    """A document that could not be ingested: where (file, line, document id), in which stage (``read``,
    ``extract``, ``store``), the exception and its traceback; ``key`` makes re-recording idempotent and
    ``resolved_at`` is set when a later run stored the document."""

    __tablename__ = "errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(Text)
    line: Mapped[int | None] = mapped_column(Integer)
    document: Mapped[str | None] = mapped_column(Text, index=True)
    stage: Mapped[str] = mapped_column(String(16), default="read", server_default="read")
    kind: Mapped[str] = mapped_column(String(64))
    problem: Mapped[str] = mapped_column(Text)
    traceback: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    times: Mapped[int] = mapped_column(Integer, default=1)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


# ---------------------------------------------------------------------------------------------
# People's work on the record (the web app, ``cronica serve``): accounts, sessions, review state,
# reviewed records for training and the audit log. Written only by ``cronica.web``; read by the
# queries so that a person's corrections win over the machine's fields everywhere (lists, exports).


class UserRow(Base):
    """An account: ``role`` is viewer, coder or admin; ``password_hash`` an argon2 hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)


class WebSessionRow(Base):
    """A browser login; ``id`` is the SHA-256 of the cookie value (the cookie itself is never stored)."""

    __tablename__ = "web_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ApiTokenRow(Base):
    """A token for scripts (``Authorization: Bearer ...``); ``id`` is the SHA-256 of the token."""

    __tablename__ = "api_tokens"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    label: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LoginAttemptRow(Base):
    """A failed login, for rate limiting by account name and by client address."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index(None, "name", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    client: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EventReviewRow(Base):
    """An event's review state: status (accepted, edited, rejected), a person's corrected fields, version.

    ``fields`` holds only what a person changed (see :mod:`cronica.store.corrections`); ``version``
    goes up with every change so that two people editing the same event never overwrite each other.
    """

    __tablename__ = "event_reviews"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=0)
    reviewed_by: Mapped[str | None] = mapped_column(String(100))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ReviewRow(Base):
    """One reviewed record: the model's labels, the person's labels and the words behind them.

    ``cronica train`` (or any learner) reads the rows not undone: ``model`` and ``labels`` map field
    names to values, ``evidence`` maps field names to the text span that supports them.
    """

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[str | None] = mapped_column(String(64))
    decision: Mapped[str] = mapped_column(String(16))
    model: Mapped[dict[str, Any]] = mapped_column(JSON)
    labels: Mapped[dict[str, Any]] = mapped_column(JSON)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON)
    reviewer: Mapped[str] = mapped_column(String(100))
    seconds: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    audit_id: Mapped[int | None] = mapped_column(Integer)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AuditRow(Base):
    """Who did what, when, to which record: the state before and after, and whether it was undone."""

    __tablename__ = "audit"
    __table_args__ = (Index(None, "target_kind", "target_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    user: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(32))
    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[str] = mapped_column(String(64))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    undo_of: Mapped[int | None] = mapped_column(Integer)
    undone_by: Mapped[int | None] = mapped_column(Integer)
