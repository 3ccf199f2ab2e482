"""Hand-built extractions of the reports in tests/data/reports and the Bolivia example, and database fixtures.

The records are what a correct extractor gives for these texts: every span indexes the document text.
They let the store, merge and export tests run without the NLP pipeline.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cronica.ingest import document_from_text
from cronica.records import (
    Actor,
    CountClaim,
    DateValue,
    Document,
    Event,
    Extraction,
    Place,
    Span,
    Statement,
    Tally,
)

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "tests" / "data" / "reports"
BOLIVIA = ROOT / "examples" / "bolivia-2019-11-20.txt"


def span(doc: Document, needle: str, after: str | None = None) -> Span:
    base = doc.text.index(after) if after else 0
    start = doc.text.index(needle, base)
    return doc.span(start, start + len(needle))


def sentence_of(doc: Document, needle: str) -> Span:
    i = doc.text.index(needle)
    start = max(doc.text.rfind(". ", 0, i) + 2, doc.text.rfind("\n", 0, i) + 1, 0)
    end = doc.text.find(".", i + len(needle))
    return doc.span(start, end + 1 if end != -1 else len(doc.text))


def document(name: str, published: date, path: Path | None = None) -> Document:
    """The report as cronica's ingest reads it (layout repaired), so spans index what the pipeline sees."""
    p = path or REPORTS / name
    return document_from_text(p.read_text(encoding="utf-8"), id=name, published=published)


SENKATA = dict(
    name="Senkata",
    country="Bolivia",
    country_code="BO",
    admin1="La Paz",
    admin2="El Alto",
    latitude=-16.5611,
    longitude=-68.2106,
    precision=2,
    gazetteer_id="3904906",
    status="resolved",
)
SACABA = dict(
    name="Sacaba",
    country="Bolivia",
    country_code="BO",
    admin1="Cochabamba",
    admin2="Chapare",
    latitude=-17.4042,
    longitude=-66.0408,
    precision=1,
    gazetteer_id="3906209",
    status="resolved",
)
LA_PAZ = dict(
    name="La Paz",
    country="Bolivia",
    country_code="BO",
    admin1="La Paz",
    admin2="Murillo",
    latitude=-16.5,
    longitude=-68.15,
    precision=1,
    gazetteer_id="3911925",
    status="resolved",
)
BOLIVIA_COUNTRY = dict(
    name="Bolivia", country="Bolivia", country_code="BO", precision=3, status="country_only"
)


def place(doc: Document, words: str, info: dict[str, object]) -> Place:
    return Place(span=span(doc, words), **info)  # type: ignore[arg-type]


def day(doc: Document, words: str, value: str) -> DateValue:
    return DateValue(
        value=value,
        precision="day",
        text=words,
        span=span(doc, words),
        anchor=doc.published.isoformat() if doc.published else None,
        anchor_kind="publication",
    )


def state_forces(doc: Document, words: str, name: str = "Military Forces of Bolivia (2019-)") -> Actor:
    return Actor(name=name, text=words, span=span(doc, words), inter=1, kind="military", country="Bolivia")


def protesters(doc: Document, words: str) -> Actor:
    return Actor(name="Protesters (Bolivia)", text=words, span=span(doc, words), inter=6, kind="protesters")


def claim(
    doc: Document,
    category: str,
    value: int,
    qualifier: str,
    words: str,
    reported_by: str | None = None,
    **kw: object,
) -> CountClaim:
    return CountClaim(
        category=category,  # type: ignore[arg-type]
        value=value,
        qualifier=qualifier,  # type: ignore[arg-type]
        text=words,
        span=span(doc, words),
        reported_by=reported_by,
        reported_by_span=span(doc, reported_by) if reported_by and reported_by in doc.text else None,
        **kw,  # type: ignore[arg-type]
    )


def bolivia() -> Extraction:
    """The Senkata event, a statement and two tallies of the Bolivia example report (published 2019-11-20)."""
    doc = document("bolivia-2019-11-20.txt", date(2019, 11, 20), BOLIVIA)
    ombudsman = "The Bolivian Ombudsman’s Office"
    senkata = Event(
        id="bolivia-2019-11-20.txt#e1",
        document=doc.id,
        event_type="Protests",
        sub_event_type="Excessive force against protesters",
        plover="PROTEST",
        trigger=span(doc, "killed", after=ombudsman),
        date=day(doc, "last night", "2019-11-19"),
        location=place(doc, "Senkata", SENKATA),
        actor1=state_forces(doc, "military-police operation"),
        actor2=protesters(doc, "anti-coup demonstrators"),
        counts={
            "killed": (claim(doc, "killed", 8, "exact", "eight people were killed", "Ombudsman’s Office"),),
            "injured": (claim(doc, "injured", 30, "more_than", "More than 30 others were injured"),),
        },
        reported_by=("Ombudsman’s Office",),
        sentence=sentence_of(doc, "eight people were killed"),
        confidence=0.8,
    )
    total = Tally(
        id="bolivia-2019-11-20.txt#t1",
        document=doc.id,
        what="victims of the coup",
        category="killed",
        value=32,
        qualifier="at_least",
        text="at least 32",
        span=span(doc, "at least 32"),
        since=None,
        as_of=DateValue(value="2019-11-20", precision="day", anchor_kind="publication"),
        location=Place(**BOLIVIA_COUNTRY),  # type: ignore[arg-type]
        sentence=sentence_of(doc, "The latest killings"),
        confidence=0.7,
    )
    arrests = Tally(
        id="bolivia-2019-11-20.txt#t2",
        document=doc.id,
        what="demonstrators arrested",
        category="arrested",
        value=500,
        qualifier="more_than",
        text="over 500 demonstrators have",
        span=span(doc, "over 500 demonstrators have"),
        since=DateValue(
            value="2019-11-10", precision="day", text="since November 10", span=span(doc, "since November 10")
        ),
        as_of=DateValue(
            value="2019-11-16", precision="day", text="on November 16", span=span(doc, "on November 16")
        ),
        location=Place(**BOLIVIA_COUNTRY),  # type: ignore[arg-type]
        reported_by="Ombudsman’s Office",
        confidence=0.7,
    )
    huarachi = Statement(
        id="bolivia-2019-11-20.txt#s1",
        document=doc.id,
        speaker=Actor(
            name="Carlos Huarachi",
            text="the COB head, Carlos Huarachi",
            span=span(doc, "the COB head, Carlos Huarachi"),
            kind="person",
            role="head",
            organisation="COB",
        ),
        plover="REQUEST",
        content="enter a dialogue with the sectors in conflict.",
        content_span=span(doc, "enter a dialogue with the sectors in conflict."),
        trigger=span(doc, "asking"),
        date=DateValue(value="2019-11-18", precision="day", text="Monday"),
        location=Place(name=None),
        quote=True,
    )
    return Extraction(document=doc, events=(senkata,), statements=(huarachi,), tallies=(total, arrests))


def senkata_followup() -> Extraction:
    """A second report of Senkata: at least six killed (ministry), ten (residents)."""
    doc = document("senkata-2019-11-21.txt", date(2019, 11, 21))
    event = Event(
        id="senkata-2019-11-21.txt#e1",
        document=doc.id,
        event_type="Protests",
        sub_event_type="Excessive force against protesters",
        plover="PROTEST",
        trigger=span(doc, "fired on"),
        date=day(doc, "on Tuesday", "2019-11-19"),
        location=place(doc, "Senkata", SENKATA),
        actor1=state_forces(doc, "Soldiers and police"),
        actor2=protesters(doc, "protesters who were blocking"),
        counts={
            "killed": (
                claim(doc, "killed", 6, "at_least", "killing at least six people", "the Interior Ministry"),
                claim(doc, "killed", 10, "exact", "ten people had died", "Residents"),
            ),
            "injured": (claim(doc, "injured", 22, "exact", "22 people were injured", "The ministry"),),
        },
        reported_by=("Interior Ministry",),
        sentence=sentence_of(doc, "Soldiers and police fired on"),
        confidence=0.75,
    )
    return Extraction(document=doc, events=(event,))


def sacaba_first() -> Extraction:
    doc = document("sacaba-2019-11-16.txt", date(2019, 11, 16))
    event = Event(
        id="sacaba-2019-11-16.txt#e1",
        document=doc.id,
        event_type="Protests",
        sub_event_type="Excessive force against protesters",
        plover="PROTEST",
        trigger=span(doc, "opened fire"),
        date=day(doc, "on Friday", "2019-11-15"),
        location=place(doc, "Sacaba", SACABA),
        actor1=state_forces(doc, "Police and soldiers"),
        actor2=protesters(doc, "coca growers marching"),
        counts={
            "killed": (claim(doc, "killed", 5, "exact", "killing five people", "hospital officials"),),
            "injured": (claim(doc, "injured", 12, "about", "Dozens were wounded", vague=True),),
        },
        reported_by=("hospital officials",),
        sentence=sentence_of(doc, "opened fire"),
        confidence=0.8,
    )
    return Extraction(document=doc, events=(event,))


def sacaba_second() -> Extraction:
    """Revises its own toll: seven confirmed dead, then two more (``update_of``) -> nine."""
    doc = document("sacaba-2019-11-18.txt", date(2019, 11, 18))
    event = Event(
        id="sacaba-2019-11-18.txt#e1",
        document=doc.id,
        event_type="Protests",
        sub_event_type="Excessive force against protesters",
        plover="PROTEST",
        trigger=span(doc, "shooting"),
        date=day(doc, "Friday's", "2019-11-15"),
        location=place(doc, "Sacaba", SACABA),
        actor1=state_forces(doc, "police and soldiers"),
        actor2=protesters(doc, "coca growers"),
        counts={
            "killed": (
                claim(
                    doc, "killed", 7, "exact", "Seven people were confirmed dead", "the Ombudsman's Office"
                ),
                claim(
                    doc,
                    "killed",
                    9,
                    "exact",
                    "Two more have died since",
                    "the Ombudsman's Office",
                    update_of=0,
                ),
            )
        },
        reported_by=("Ombudsman's Office",),
        sentence=sentence_of(doc, "The death toll from Friday"),
        confidence=0.7,
    )
    return Extraction(document=doc, events=(event,))


def la_paz_march() -> Extraction:
    doc = document("la-paz-2019-11-21.txt", date(2019, 11, 21))
    event = Event(
        id="la-paz-2019-11-21.txt#e1",
        document=doc.id,
        event_type="Protests",
        sub_event_type="Peaceful protest",
        plover="PROTEST",
        trigger=span(doc, "marched"),
        date=day(doc, "on Wednesday", "2019-11-20"),
        location=place(doc, "La Paz", LA_PAZ),
        actor1=protesters(doc, "Thousands of people"),
        counts={"participants": (claim(doc, "participants", 2000, "about", "Thousands", vague=True),)},
        sentence=sentence_of(doc, "marched"),
        confidence=0.7,
    )
    total = Tally(
        id="la-paz-2019-11-21.txt#t1",
        document=doc.id,
        what="people killed in the unrest",
        category="killed",
        value=32,
        qualifier="at_least",
        text="at least 32 people",
        span=span(doc, "at least 32 people"),
        since=DateValue(
            value="2019-10-20", precision="day", text="since October 20", span=span(doc, "since October 20")
        ),
        as_of=DateValue(value="2019-11-21", precision="day", anchor_kind="publication"),
        location=Place(**BOLIVIA_COUNTRY),  # type: ignore[arg-type]
        reported_by="The Ombudsman's Office",
        reported_by_span=span(doc, "The Ombudsman's Office"),
        confidence=0.7,
    )
    return Extraction(document=doc, events=(event,), tallies=(total,))


def corpus() -> list[Extraction]:
    """Five reports: Senkata twice, Sacaba twice, one unrelated march."""
    return [bolivia(), senkata_followup(), sacaba_first(), sacaba_second(), la_paz_march()]


# ---------------------------------------------------------------------------------------------
# Databases


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    from cronica.store.db import database_url

    engine = create_engine(database_url(url))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def postgres_url() -> str:
    """$CRONICA_TEST_PG_URL, after emptying that database; skips (fails when CI=true) without it."""
    url = os.environ.get("CRONICA_TEST_PG_URL")
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(
                'CRONICA_TEST_PG_URL unset: CI must start PostgreSQL (eval "$(bash .ci/postgres.sh start)")'
            )
        pytest.skip('PostgreSQL tests need CRONICA_TEST_PG_URL (eval "$(bash .ci/postgres.sh start)")')
    _reset_postgres(url)
    return url


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: a SQLite file, or the test PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "cronica.db")
    return postgres_url()


@pytest.fixture
def store(db_url: str) -> Iterator[object]:
    from cronica.store import Store

    s = Store(db_url)
    yield s
    s.close()


# ---------------------------------------------------------------------------------------------
# A synthetic corpus for volume, resume and throughput tests


def synthetic_document(i: int) -> Document:
    town, info = [("Senkata", SENKATA), ("Sacaba", SACABA), ("La Paz", LA_PAZ)][i % 3]
    text = (
        f"Report {i}. Police fired tear gas at protesters in {town} on Tuesday, "
        f"killing {i % 7 + 1} people and injuring {i % 11 + 2}, witnesses said. Case number {i * 7919}."
    )
    return Document(
        id=f"synthetic-{i}", text=text, source=f"synthetic-{i}.txt", published=date(2019, 11, 1 + i % 28)
    )


def synthetic_extraction(doc: Document) -> Extraction:
    i = int(doc.id.rsplit("-", 1)[1])
    town, info = [("Senkata", SENKATA), ("Sacaba", SACABA), ("La Paz", LA_PAZ)][i % 3]
    published = doc.published or date(2019, 11, 1)
    event = Event(
        id=f"{doc.id}#e1",
        document=doc.id,
        event_type="Protests",
        sub_event_type="Excessive force against protesters",
        plover="PROTEST",
        trigger=span(doc, "fired"),
        date=DateValue(
            value=published.isoformat(), precision="day", text="on Tuesday", span=span(doc, "on Tuesday")
        ),
        location=place(doc, town, info),
        actor1=Actor(
            name="Police Forces of Bolivia (2019-)", text="Police", span=span(doc, "Police"), inter=1
        ),
        actor2=protesters(doc, "protesters"),
        counts={
            "killed": (claim(doc, "killed", i % 7 + 1, "exact", f"killing {i % 7 + 1} people", "witnesses"),),
            "injured": (claim(doc, "injured", i % 11 + 2, "exact", f"injuring {i % 11 + 2}"),),
        },
        sentence=doc.span(doc.text.index("Police"), doc.text.index("said.") + 5),
        confidence=0.6,
    )
    return Extraction(document=doc, events=(event,))
