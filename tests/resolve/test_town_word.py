"""A word after a name that says it is a town ("Meru town", "Hays city") keeps divisions of that name out
of its candidates. Text written for this test, in the style of an ACLED note."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver

from .conftest import resolve_text


def test_a_name_followed_by_town_is_a_town_not_a_district_abroad(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # Tanzania's Meru district (82,000 people) outweighed Kenya's Meru, the seat of Meru county
    text = "On 5 June 2021, activists demonstrated in Meru town demanding justice for a murdered student."
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    meru = next(p for words, p in places.items() if words.startswith("Meru"))
    assert meru.country_code == "KE" and meru.admin1 == "Meru"
