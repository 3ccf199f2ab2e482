"""The typed records that flow through cronica, and their interchange form.

Every stage takes and returns these immutable dataclasses; nothing downstream passes loose dicts.
``to_dict()`` on an :class:`Event`, :class:`Statement` or :class:`Tally` gives the JSON object of the
interchange contract in ``shared/GUIDE.md`` (``schema_version`` 1): stable names, fields may be added.

Character offsets (``Span.start``/``Span.end``) index :attr:`Document.text`, the text cronica analysed
(after layout repair of PDF-style line breaks); ``Document.raw_offset()`` maps them back to the bytes of
the original file when the ingester kept that map.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

SCHEMA_VERSION = 1

Precision = Literal["day", "week", "month", "year"]
Qualifier = Literal["exact", "at_least", "more_than", "about", "up_to", "range", "fewer_than", "coded"]
CountCategory = Literal["killed", "injured", "arrested", "participants"]
#: What a count claim counts; the harms are all but the participants (what an event did to people).
HARM_CATEGORIES: tuple[CountCategory, ...] = ("killed", "injured", "arrested")
COUNT_CATEGORIES: tuple[CountCategory, ...] = (*HARM_CATEGORIES, "participants")

#: ACLED time precision codes for our date precisions.
ACLED_TIME_PRECISION: dict[str, int] = {"day": 1, "week": 2, "month": 3, "year": 3}


@dataclass(frozen=True)
class Span:
    """A stretch of :attr:`Document.text`: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Document:
    """One input report.

    ``id`` is the JSON Lines ``id`` when there is one, else the file path. ``published`` is the date
    relative expressions resolve against; ``published_source`` says where it came from (``flag``,
    ``front-matter``, ``html-metadata``, ``jsonl``, ``pdf-metadata``) or is ``None`` when unknown.
    ``offsets`` maps analysed-text offsets back to the original text: sorted pairs
    ``(text_offset, raw_offset)`` at each point where the repair changed the text.
    """

    id: str
    text: str
    source: str
    format: str = "text"
    title: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    offsets: tuple[tuple[int, int], ...] = ()

    def raw_offset(self, offset: int) -> int:
        """The offset in the original text that ``offset`` in :attr:`text` came from."""
        if not self.offsets:
            return offset
        keys = [a for a, _ in self.offsets]
        i = bisect.bisect_right(keys, offset) - 1
        if i < 0:
            return offset
        text_at, raw_at = self.offsets[i]
        return raw_at + (offset - text_at)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])


@dataclass(frozen=True)
class DateValue:
    """A normalised date with its words, anchor and precision.

    ``value`` is an ISO date (the day, or the first day of the week/month/year when the precision is
    coarser; for a date inferred from the report's own date, that date, with ``anchor_kind``
    ``publication`` and the interval up to it); ``start``/``end`` bound the interval when the day is
    not known. ``anchor`` is the date the words were resolved against and ``anchor_kind`` what it
    was (``publication``, ``quoted_report``, ``previous_event``, ``absolute``). ``reason`` says why
    ``value`` is empty, or how it was inferred.
    """

    value: str | None
    precision: Precision | None
    text: str | None = None
    span: Span | None = None
    anchor: str | None = None
    anchor_kind: str | None = None
    start: str | None = None
    end: str | None = None
    reason: str | None = None

    @property
    def resolved(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class PlaceCandidate:
    name: str
    country_code: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    gazetteer_id: str | None
    score: float = 0.0


@dataclass(frozen=True)
class Place:
    """Where something happened: the words and, when resolved, the gazetteer entry.

    ``name`` is the place as the report writes it ("Rafah"); ``gazetteer_name`` the index's own
    spelling ("Rafaḩ"), which differs for transliterations and accents.

    ``precision`` is ACLED's geo precision (1 the named town, 2 part of or near a town, 3 a region).
    ``status`` is ``resolved``, ``country_only`` or ``unresolved``; ``reason`` explains the last two.

    ``admin1``/``admin2`` are the divisions' names as English-language users (and ACLED) write them
    ("Donetsk", "Aleppo", "Tripoli"); ``admin1_native``/``admin2_native`` GeoNames' names ("Donetska
    oblast", "Ḩalab", "Ţarābulus"); ``admin1_code``/``admin2_code`` GeoNames' codes ("UA.05",
    "UA.05.1234") and ``admin1_iso`` the ISO 3166-2 code ("UA-14") where the gazetteer has one
    (:mod:`cronica.resolve.divisions`).
    """

    name: str | None
    span: Span | None = None
    country: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    precision: int | None = None
    gazetteer_id: str | None = None
    status: str = "unresolved"
    reason: str | None = None
    candidates: tuple[PlaceCandidate, ...] = ()
    contained_in: str | None = None
    gazetteer_name: str | None = None
    admin1_native: str | None = None
    admin1_code: str | None = None
    admin1_iso: str | None = None
    admin2_native: str | None = None
    admin2_code: str | None = None


@dataclass(frozen=True)
class Actor:
    """Who acted or was acted on.

    ``name`` is normalised in ACLED's style ("Police Forces of Bolivia", "Protesters (Bolivia)");
    ``text``/``span`` are the words; ``inter`` is ACLED's actor type code (1 state forces ... 8 other);
    ``kind`` is cronica's finer class (military, police, government, party, union, protesters,
    civilians, person, ...). ``role`` and ``organisation`` are set for named people. ``country_named``
    is true when the actor's own words name its country ("Turkish forces", "the forces of Armenia"), false
    when its country is the document's or its event's place's.
    """

    name: str
    text: str | None = None
    span: Span | None = None
    inter: int | None = None
    kind: str | None = None
    role: str | None = None
    organisation: str | None = None
    country: str | None = None
    associated: tuple[Actor, ...] = ()
    country_named: bool = False


@dataclass(frozen=True)
class CountClaim:
    """One reported number: ``value`` with its ``qualifier`` and words, and who reported it.

    ``low``/``high`` bound a range; ``vague`` is true when the words were a vague quantity mapped by
    the coding rules ("dozens" -> 12). ``update_of`` is set when the claim revises an earlier one in
    the same report ("Two more have died since" -> 9). ``revised`` is true when the words tell the figure
    as a revised toll of an incident ("the death toll from Friday's massacre has risen to 132", "23 people
    are now known to have died"): across reports of that incident it replaces lower figures of its day
    (:mod:`cronica.dedupe.counts`), never adds to them.
    """

    category: CountCategory
    value: int
    qualifier: Qualifier
    text: str
    span: Span | None = None
    low: int | None = None
    high: int | None = None
    vague: bool = False
    reported_by: str | None = None
    reported_by_span: Span | None = None
    update_of: int | None = None
    revised: bool = False
    #: the sides the counted people belong to ("two soldiers": ``state``; "rebels", "militiamen":
    #: ``armed``; "civilians"), ``+``-joined; deaths of a side no earlier claim counted add to it (not in
    #: the output)
    side: str | None = None


@dataclass(frozen=True)
class Event:
    """Something that happened at a time and place (one per day, place, actor pair and type)."""

    id: str
    document: str
    event_type: str
    sub_event_type: str
    plover: str
    trigger: Span
    date: DateValue
    location: Place
    actor1: Actor | None = None
    actor2: Actor | None = None
    counts: dict[str, tuple[CountClaim, ...]] = field(default_factory=dict)
    reported_by: tuple[str, ...] = ()
    sentence: Span | None = None
    confidence: float = 0.5
    missing: dict[str, str] = field(default_factory=dict)
    linked: tuple[str, ...] = ()
    coded_by: str = "rules"  # which component chose the type and sub-type, and with what probability

    @property
    def fatalities(self) -> int:
        """ACLED's number: the most conservative current figure; 0 when no death is reported."""
        return acled_fatalities(self.counts.get("killed", ()))

    def to_dict(self) -> dict[str, Any]:
        counts: dict[str, Any] = {}
        for category in COUNT_CATEGORIES:
            claims = self.counts.get(category, ())
            counts[category] = _count_summary(claims) if claims else None
        return {
            "schema_version": SCHEMA_VERSION,
            "kind": "event",
            "id": self.id,
            "document": self.document,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "plover": self.plover,
            "trigger": self.trigger.to_dict(),
            "date": _date_dict(self.date),
            "location": _place_dict(self.location),
            "actor1": _actor_dict(self.actor1),
            "actor2": _actor_dict(self.actor2),
            "fatalities": self.fatalities,
            "counts": counts,
            "sources": [{"document": self.document, "reported_by": list(self.reported_by)}],
            "linked": list(self.linked),
            "confidence": round(self.confidence, 3),
            "coded_by": self.coded_by,
            "missing": dict(self.missing),
            "evidence": _evidence(self),
        }


@dataclass(frozen=True)
class Statement:
    """What someone said, called for, threatened or denied."""

    id: str
    document: str
    speaker: Actor | None
    plover: str
    content: str
    content_span: Span | None
    trigger: Span
    date: DateValue
    location: Place
    quote: bool = False
    addressee: Actor | None = None
    sentence: Span | None = None
    confidence: float = 0.5
    missing: dict[str, str] = field(default_factory=dict)
    about: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        speaker = _actor_dict(self.speaker)
        return {
            "schema_version": SCHEMA_VERSION,
            "kind": "statement",
            "id": self.id,
            "document": self.document,
            "speaker": speaker,
            "addressee": _actor_dict(self.addressee),
            "plover": self.plover,
            "content": self.content,
            "quote": self.quote,
            "trigger": self.trigger.to_dict(),
            "date": _date_dict(self.date),
            "location": _place_dict(self.location),
            "about": list(self.about),
            "confidence": round(self.confidence, 3),
            "missing": dict(self.missing),
            "evidence": _evidence(self),
        }


@dataclass(frozen=True)
class Tally:
    """A running total: never an incident, never added to incidents."""

    id: str
    document: str
    what: str
    category: str
    value: int
    qualifier: Qualifier
    text: str
    span: Span
    since: DateValue | None
    as_of: DateValue
    location: Place
    reported_by: str | None = None
    reported_by_span: Span | None = None
    sentence: Span | None = None
    confidence: float = 0.5
    missing: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "kind": "tally",
            "id": self.id,
            "document": self.document,
            "what": self.what,
            "category": self.category,
            "value": self.value,
            "qualifier": self.qualifier,
            "text": self.text,
            "since": self.since.value if self.since else None,
            "since_date": _date_dict(self.since) if self.since else None,
            "as_of": self.as_of.value,
            "as_of_date": _date_dict(self.as_of),
            "location": _place_dict(self.location),
            "reported_by": self.reported_by,
            "confidence": round(self.confidence, 3),
            "missing": dict(self.missing),
            "evidence": _evidence(self),
        }


Record = Event | Statement | Tally


@dataclass(frozen=True)
class Extraction:
    """Everything cronica found in one document."""

    document: Document
    events: tuple[Event, ...] = ()
    statements: tuple[Statement, ...] = ()
    tallies: tuple[Tally, ...] = ()

    @property
    def records(self) -> tuple[Record, ...]:
        return (*self.events, *self.statements, *self.tallies)

    def to_dicts(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self.records]


# ---------------------------------------------------------------------------------------------
# Serialisation helpers


def acled_fatalities(claims: tuple[CountClaim, ...] | list[CountClaim]) -> int:
    """ACLED's conservative number from a list of claims.

    A coder's own figure (qualifier ``coded``: an ACLED note's "fatalities coded as 10") is the
    number, the last one where there are several. Otherwise claims that revise an earlier one
    (``update_of``) replace it; among the remaining competing claims the lowest value wins. A range
    counts by its low end.
    """
    if not claims:
        return 0
    coded = [c.value for c in claims if c.qualifier == "coded"]
    if coded:
        return coded[-1]
    superseded = {c.update_of for c in claims if c.update_of is not None}
    current = [c for i, c in enumerate(claims) if i not in superseded]
    values = [c.low if c.low is not None else c.value for c in current]
    return min(values) if values else 0


def _count_summary(claims: tuple[CountClaim, ...]) -> dict[str, Any]:
    superseded = {c.update_of for c in claims if c.update_of is not None}
    current = [c for i, c in enumerate(claims) if i not in superseded]
    primary = current[-1] if current else claims[-1]
    return {
        "value": primary.value,
        "qualifier": primary.qualifier,
        "low": primary.low,
        "high": primary.high,
        "text": primary.text,
        "reported_by": primary.reported_by,
        "vague": primary.vague,
        "claims": [_claim_dict(c) for c in claims],
    }


def _claim_dict(claim: CountClaim) -> dict[str, Any]:
    d = dataclasses.asdict(claim)
    d.pop("side", None)
    d["span"] = claim.span.to_dict() if claim.span else None
    d["reported_by_span"] = claim.reported_by_span.to_dict() if claim.reported_by_span else None
    return d


def _date_dict(d: DateValue) -> dict[str, Any]:
    return {
        "value": d.value,
        "precision": d.precision,
        "time_precision": ACLED_TIME_PRECISION.get(d.precision or "", None),
        "text": d.text,
        "anchor": d.anchor,
        "anchor_kind": d.anchor_kind,
        "start": d.start,
        "end": d.end,
        "reason": d.reason,
    }


def _place_dict(p: Place) -> dict[str, Any]:
    return {
        "name": p.name,
        "country": p.country,
        "country_code": p.country_code,
        "admin1": p.admin1,
        "admin2": p.admin2,
        "admin1_native": p.admin1_native,
        "admin1_code": p.admin1_code,
        "admin1_iso": p.admin1_iso,
        "admin2_native": p.admin2_native,
        "admin2_code": p.admin2_code,
        "latitude": p.latitude,
        "longitude": p.longitude,
        "precision": p.precision,
        "gazetteer_id": p.gazetteer_id,
        "gazetteer_name": p.gazetteer_name,
        "status": p.status,
        "reason": p.reason,
        "contained_in": p.contained_in,
        "candidates": [dataclasses.asdict(c) for c in p.candidates],
    }


def _actor_dict(a: Actor | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "name": a.name,
        "text": a.text,
        "inter": a.inter,
        "kind": a.kind,
        "role": a.role,
        "organisation": a.organisation,
        "country": a.country,
        "associated": [_actor_dict(x) for x in a.associated],
    }


def _evidence(record: Event | Statement | Tally) -> dict[str, Any]:
    """Field name -> span of the words behind it, for every field that has words."""
    ev: dict[str, Any] = {}

    def put(name: str, span: Span | None) -> None:
        if span is not None:
            ev[name] = span.to_dict()

    put("sentence", record.sentence)
    if isinstance(record, Tally):
        put("value", record.span)
        put("since", record.since.span if record.since else None)
        put("as_of", record.as_of.span)
        put("reported_by", record.reported_by_span)
        put("location", record.location.span)
        return ev
    put("trigger", record.trigger)
    put("date", record.date.span)
    put("location", record.location.span)
    if isinstance(record, Event):
        put("event_type", record.trigger)
        put("actor1", record.actor1.span if record.actor1 else None)
        put("actor2", record.actor2.span if record.actor2 else None)
        for category, claims in record.counts.items():
            for i, claim in enumerate(claims):
                put(f"counts.{category}" + (f".{i}" if i else ""), claim.span)
                if claim.reported_by_span:
                    put(f"counts.{category}.reported_by" + (f".{i}" if i else ""), claim.reported_by_span)
    else:
        put("speaker", record.speaker.span if record.speaker else None)
        put("content", record.content_span)
        put("addressee", record.addressee.span if record.addressee else None)
    return ev
