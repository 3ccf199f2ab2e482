"""Record ids are unique within a document and the same on every run (texts written for these tests)."""

from __future__ import annotations

from dataclasses import replace

import cronica
from cronica.extraction.ids import with_ids
from cronica.records import Span, Statement

# A neutral "claims" beside a coded "demanded" by the same speaker is dropped as a twin: statement ids
# numbered before that drop collided with the next sentence's statement and aborted `cronica ingest`.
TWINS = (
    "NAIROBI: A meeting of the traders' association, which claims to speak for most shopkeepers in the "
    "city, on Sunday demanded that the curfew should be lifted at once. "
    "The association said the police had beaten three vendors. "
    "The governor said the curfew would stay. "
    "The opposition leader demanded that the governor resign."
)


def test_statement_ids_stay_unique_when_a_neutral_twin_is_dropped() -> None:
    extraction = cronica.extract(TWINS, published="2022-05-09", id="twins")
    ids = [r.id for r in extraction.records]
    assert len(extraction.statements) >= 3
    assert len(ids) == len(set(ids))


def test_record_ids_are_the_same_when_the_document_is_extracted_again() -> None:
    first = cronica.extract(TWINS, published="2022-05-09", id="twins")
    again = cronica.extract(TWINS, published="2022-05-09", id="twins")
    assert [r.id for r in first.records] == [r.id for r in again.records]


def test_record_id_names_the_offset_of_its_trigger() -> None:
    extraction = cronica.extract(TWINS, published="2022-05-09", id="twins")
    for statement in extraction.statements:
        assert statement.id.endswith(f"-s{statement.trigger.start}")


def test_records_anchored_on_the_same_words_get_distinct_ids() -> None:
    (statement,) = [s for s in cronica.extract(TWINS, published="2022-05-09", id="t").statements][:1]
    twin = replace(statement, content="another reading of the same words", trigger=Span(5, 9, "said"))
    numbered = with_ids([statement, twin, replace(twin)], "abc")
    assert [s.id for s in numbered] == [
        f"abc-s{statement.trigger.start}",
        "abc-s5",
        "abc-s5.2",
    ]
    assert all(isinstance(s, Statement) for s in numbered)
