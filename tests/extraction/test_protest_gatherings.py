"""A gathering is a protest when the people gathering are protesters by name ("hundreds of protesters
gathered outside ..."), in long reports where the classifier's short-report reading does not apply.
Sentences written for these tests; the four opening sentences make the report long."""

from __future__ import annotations

import cronica
from cronica.records import Extraction

_BACKGROUND = (
    "The finance ministry published its quarterly figures on Monday. Analysts said inflation had slowed. "
    "The central bank kept its rate unchanged. Officials expect growth to resume next year. "
)


def run(sentence: str) -> Extraction:
    return cronica.extract(_BACKGROUND + sentence, published="2023-06-20", id="test")


def _types(result: Extraction) -> list[tuple[str, str]]:
    return [(e.event_type, e.sub_event_type) for e in result.events]


def test_protesters_gathering_is_a_protest() -> None:
    result = run("On 12 June 2023, protesters gathered outside the central bank in Velmora.")
    assert _types(result) == [("Protests", "Peaceful protest")]
    event = result.events[0]
    assert event.trigger.text == "gathered"
    assert event.date.value == "2023-06-12"


def test_hundreds_of_demonstrators_assembling_is_a_protest() -> None:
    result = run(
        "On 12 June 2023, hundreds of demonstrators assembled in front of the governor's office in Velmora."
    )
    assert _types(result) == [("Protests", "Peaceful protest")]


def test_mourners_gathering_is_no_protest() -> None:
    result = run("On 12 June 2023, mourners gathered outside the morgue in Velmora.")
    assert _types(result) == []


def test_families_of_protesters_gathering_is_no_protest_by_that_alone() -> None:
    result = run("On 12 June 2023, families of detained protesters gathered outside the morgue in Velmora.")
    assert [t for t in _types(result) if t[0] == "Protests"] == []


def test_spanish_hundreds_of_protesters_gathering_is_a_protest() -> None:
    result = cronica.extract(
        "El ministerio publicó sus cifras el lunes. Los analistas dijeron que la inflación bajó. "
        "El banco central mantuvo su tasa. Los funcionarios esperan crecimiento. "
        "El 12 de junio de 2023, cientos de manifestantes se concentraron frente a la gobernación "
        "en Velmora.",
        published="2023-06-20",
        id="test-es",
    )
    assert [e.event_type for e in result.events] == ["Protests"]


def test_demonstrating_that_something_is_true_is_no_protest() -> None:
    result = run("On 12 June 2023, the minister demonstrated that the budget was balanced.")
    assert _types(result) == []


def test_a_noun_after_the_place_of_a_demonstration_is_no_thing_shown() -> None:
    result = run(
        "On 5 March 2024, dozens of doctors demonstrated in Kisumu City opposing salary cuts in the new "
        "budget."
    )
    assert _types(result) == [("Protests", "Peaceful protest")]


def test_demonstrating_a_thing_right_after_the_verb_is_still_no_protest() -> None:
    result = run("On 12 June 2023, the company demonstrated its new drone in Nairobi.")
    assert _types(result) == []
