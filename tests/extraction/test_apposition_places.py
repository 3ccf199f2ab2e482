"""A name in apposition to "a village in Y" is a place inside Y, whatever NER calls it, and it is the
event's place rather than Y or the dateline."""

from __future__ import annotations

import pytest

from cronica.pipeline import extract


def _place(text: str):  # type: ignore[no-untyped-def]
    (event,) = extract(text, published="2021-06-05").events
    return event.location


def test_a_village_in_a_state_is_the_place_even_when_ner_calls_it_a_person() -> None:
    place = _place("Gunmen attacked Tudun Wada, a village in Zamfara state, killing 12.")
    assert (place.name, place.country_code, place.admin1) == ("Tudun Wada", "NG", "Zamfara")


@pytest.mark.parametrize(
    "text",
    [
        "At least 25 people were killed when armed men raided Solhan, a village in northern Burkina Faso,"
        " late on Friday, security sources said.",
        "OUAGADOUGOU, June 5 (Reuters) - At least 25 people were killed when armed men raided Solhan, a"
        " village in northern Burkina Faso, late on Friday, security sources said.",
    ],
)
def test_a_village_the_gazetteer_lacks_stays_in_the_country_the_text_names(text: str) -> None:
    """The bundled gazetteer has a Solhan in Turkey only: the text's own words place this one in Burkina
    Faso, and the dateline's capital is where the report was filed, not the village."""
    place = _place(text)
    assert (place.name, place.country_code) == ("Solhan", "BF")


def test_a_known_town_in_apposition_keeps_its_own_entry() -> None:
    place = _place("Police dispersed protesters in Kisumu, a city in western Kenya, on Monday.")
    assert (place.name, place.country_code, place.admin1, place.precision) == ("Kisumu", "KE", "Kisumu", 1)
