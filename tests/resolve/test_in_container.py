"""The place a text puts a name in: "X in Y" for any name, "al-" and "ez-" joined by hyphens, and a
parenthesis of known places after an area word that NER calls an organisation. Texts written for these
tests."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver, find_place_mentions
from cronica.resolve.names import fold

from .conftest import resolve_text


def test_a_name_in_a_division_written_with_a_hyphenated_article_lies_in_it(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "Rihaniya" is a town abroad only; the text puts it in al-Hasakeh
    text = "On 3 June 2021, armed men looted the wheat harvest of farmers in Rihaniya in al-Hasakeh."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "SY"
    place = places["Rihaniya"]
    assert place.country_code == "SY" and fold(place.admin1 or "") == "al hasakah"
    assert "Hasakeh" in (place.reason or "")


def test_deir_ez_zor_is_one_name(nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver) -> None:
    text = "On 3 June 2021, troops set up a new base in Jazaret Buhmeid in Deir-ez-Zor."
    doc = nlp(text)
    names = [m.name for m in find_place_mentions(doc, gazetteer)]
    assert "Deir-ez-Zor" in names and "Zor" not in names
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "SY" and places["Deir-ez-Zor"].admin1_native == "Dayr az Zawr"


def test_a_known_name_before_an_area_word_takes_the_parenthesis(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "Pati" is a large Indonesian town too
    text = (
        "On 4 June 2021, farm workers held a protest at Pati village (Barwani, Madhya Pradesh) against "
        "unpaid wages."
    )
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "IN"
    assert places["Pati"].country_code == "IN" and places["Pati"].admin1 == "Madhya Pradesh"
