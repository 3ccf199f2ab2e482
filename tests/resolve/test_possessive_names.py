"""A name with a possessive inside it ("Cox's Bazar", "Cox’s Bazar"): the tokenizer splits "'s" off the
first word, and the name's words join across it. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver

from .conftest import resolve_text


@pytest.mark.parametrize("written", ["Cox's Bazar", "Cox’s Bazar"])
def test_a_name_with_a_possessive_is_one_place(
    written: str, nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    places, _ = resolve_text(nlp, gazetteer, resolver, f"On 2 March 2022, police shot a man in {written}.")
    assert written in places
    assert places[written].country_code == "BD"


def test_a_country_s_possessive_does_not_join_it_to_the_next_name(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    places, _ = resolve_text(nlp, gazetteer, resolver, "On 2 March, Kenya's police shot a man in Nairobi.")
    assert "Nairobi" in places and places["Nairobi"].country_code == "KE"
