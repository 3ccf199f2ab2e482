"""ACLED's way of locating a small place, "X (Town)" or "X village (Town, Region)", puts X inside the
known places in the parenthesis even when NER took X for a person; a country whose namesakes abroad are
towns and a county is still the country. Texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver

from .conftest import resolve_text


def test_a_name_before_a_parenthesis_of_known_places_lies_inside_them(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "On 12 June 2021, armed herders attacked farmers in Um Sayala village (Kadugli, South Kordofan)."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    place = places["Um Sayala"]
    assert place.country_code == "SD" and place.admin1 == "South Kordofan" and place.precision == 2
    assert "Kadugli" in place.reason


def test_the_parenthesis_outweighs_a_person_label(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "On 2 April 2022, a roadside bomb hit a patrol near Hassan Dawood (Jalalabad), injuring three "
        "soldiers."
    )
    doc = nlp(text)
    assert any(e.label_ == "PERSON" and "Hassan" in e.text for e in doc.ents)  # what NER made of it
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    place = places["Hassan Dawood"]
    assert place.country_code == "AF" and place.admin1 == "Nangarhar"


def test_a_country_is_the_country_though_a_county_abroad_shares_its_name(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # Lebanon County, Pennsylvania, and a dozen US towns called Lebanon; the US is named too
    text = (
        "Depositors rallied outside banks in Lebanon on Friday against the collapse of the pound "
        "against the US dollar."
    )
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "LB"
    assert places["Lebanon"].country_code == "LB" and places["Lebanon"].status == "country_only"


def test_no_cue_word_is_needed_before_the_name(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "On 3 June 2021, soldiers raided Um Dabakir (Kosti, White Nile) at dawn."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "SD"
    assert places["Um Dabakir"].admin1 == "White Nile" and places["Um Dabakir"].contained_in == "Kosti"
