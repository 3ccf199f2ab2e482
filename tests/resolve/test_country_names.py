"""A country's own name is the country, though small towns abroad share it; words that call it a village
take that away; a county abroad that no words name is a namesake. Texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver

from .conftest import resolve_text


def test_a_country_named_like_towns_elsewhere_is_the_focus_and_resolves_to_the_country(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # Mexico, Maine and Mexico, Pampanga exist; "Mexico" here is the country
    places, focus = resolve_text(nlp, gazetteer, resolver, "Teachers went on strike across Mexico on Monday.")
    assert focus.country_code == "MX"
    assert places["Mexico"].country_code == "MX" and places["Mexico"].status == "country_only"
    assert any(e.kind == "country_name" and e.country_code == "MX" for e in focus.evidence)


def test_a_country_that_is_also_a_town_of_its_own_resolves_to_the_country(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # Colombia is also a town in Huila: "Cauca province, Colombia" is the department in the country
    places, focus = resolve_text(
        nlp, gazetteer, resolver, "Farmers blocked a road in Cauca province, Colombia, on Sunday."
    )
    assert focus.country_code == "CO"
    assert places["Colombia"].status == "country_only"
    assert places["Cauca province"].admin1 == "Cauca"


def test_a_village_called_like_a_country_does_not_name_that_country(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "Herders attacked farmers in the village of Kosovo, near Naivasha, on Monday; police said the "
        "Kosovo attackers fled towards Narok."
    )
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "KE"
    assert places["Naivasha"].country_code == "KE"


def test_a_county_abroad_that_no_words_name_is_a_namesake(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "SANTO DOMINGO, Feb 27 (Reuters) - Thousands of Dominicans protested in Independence Square on "
        "Thursday after the elections were suspended."
    )
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "DO"
    assert all(p.country_code == "DO" for p in places.values())
