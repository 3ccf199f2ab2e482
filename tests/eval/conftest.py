"""Builders of hand-made predicted records for the eval tests (no spaCy needed)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from cronica.records import Actor, CountClaim, DateValue, Event, Place, Span, Statement, Tally

DEV_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "dev"
TEST_DATA = Path(__file__).resolve().parents[1] / "data"
REPO = Path(__file__).resolve().parents[2]


def _span(text: str, start: int = 0) -> Span:
    return Span(start, start + len(text), text)


def event(
    event_type: str = "Protests",
    sub_event_type: str = "Peaceful protest",
    *,
    plover: str = "PROTEST",
    trigger: str = "marched",
    at: int = 0,
    sentence: tuple[int, int] | None = None,
    date: str | None = None,
    killed: int | None = None,
    injured: tuple[int, str] | None = None,
    place: dict[str, Any] | None = None,
    actor1: tuple[str, int] | None = None,
    actor2: tuple[str, int] | None = None,
    confidence: float = 0.5,
    reported_by: str | None = None,
) -> Event:
    counts: dict[str, tuple[CountClaim, ...]] = {}
    if killed is not None:
        counts["killed"] = (CountClaim("killed", killed, "exact", str(killed), reported_by=reported_by),)
    if injured is not None:
        counts["injured"] = (CountClaim("injured", injured[0], injured[1], str(injured[0])),)  # type: ignore[arg-type]
    return Event(
        id=f"e{at}",
        document="d",
        event_type=event_type,
        sub_event_type=sub_event_type,
        plover=plover,
        trigger=_span(trigger, at),
        date=DateValue(date, "day" if date else None),
        location=Place(**(place or {"name": None})),
        actor1=Actor(actor1[0], text=actor1[0], inter=actor1[1]) if actor1 else None,
        actor2=Actor(actor2[0], text=actor2[0], inter=actor2[1]) if actor2 else None,
        counts=counts,
        sentence=Span(sentence[0], sentence[1], "") if sentence else None,
        confidence=confidence,
    )


def statement(
    speaker: str, plover: str, *, at: int = 0, date: str | None = None, place: str | None = None
) -> Statement:
    return Statement(
        id=f"s{at}",
        document="d",
        speaker=Actor(speaker, text=speaker),
        plover=plover,
        content="...",
        content_span=None,
        trigger=_span("said", at),
        date=DateValue(date, "day" if date else None),
        location=Place(place),
    )


def tally(
    value: int, qualifier: str, *, what: str = "arrested", since: str | None = None, at: int = 0
) -> Tally:
    return Tally(
        id=f"t{at}",
        document="d",
        what=what,
        category=what,
        value=value,
        qualifier=qualifier,  # type: ignore[arg-type]
        text=str(value),
        span=_span(str(value), at),
        since=DateValue(since, "day") if since else None,
        as_of=DateValue(None, None),
        location=Place(None),
    )


@pytest.fixture
def build() -> SimpleNamespace:
    return SimpleNamespace(event=event, statement=statement, tally=tally)


@pytest.fixture
def dev_data() -> Path:
    if not DEV_DATA.exists():
        pytest.skip(f"dev gold sets not found at {DEV_DATA}")
    return DEV_DATA
