"""An ambiguous name's focus evidence goes mostly to its most prominent namesake, and two names whose
most prominent namesakes lie in one country point at it (the joint fit), while a repeated ambiguous
name, the head of a longer name and a village named like a province abroad keep their old, small
weight. Texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver

from .conftest import resolve_text


def test_a_dateline_and_a_capital_of_one_country_make_it_the_focus(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "Santa Cruz" and "La Paz" exist in some twenty countries each; the largest of each is Bolivian
    text = (
        "SANTA CRUZ, Nov 14 (Reuters) - A 22-year-old man died in Yapacani on Monday after being shot "
        "during clashes between residents and police. In Ovejuyo, in the south of La Paz, three people "
        "died of gunshot wounds."
    )
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "BO"
    assert any(e.kind == "joint" and e.country_code == "BO" for e in focus.evidence)
    assert places["Yapacani"].country_code == "BO"
    assert places["Ovejuyo"].country_code == "BO" and places["Ovejuyo"].admin1 == "La Paz"


def test_two_well_known_names_of_one_country_make_it_stand_out(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "Students marched through Santiago on Thursday and clashed with police in Valparaiso."
    _places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "CL"
    assert not focus.stated()  # the fit of place names, not words naming the country


def test_the_most_prominent_namesake_takes_most_of_a_name(gazetteer: Gazetteer) -> None:
    from cronica.resolve.resolver import _country_shares, prominence

    entries = gazetteer.lookup(["Santa Cruz"])["santa cruz"]
    shares = _country_shares(entries)
    assert max(shares, key=shares.__getitem__) == "BO"
    assert shares["BO"] > 0.5 > sum(v for k, v in shares.items() if k != "BO")
    # a capital and a province rank above a town of the same population
    capital = next(e for e in gazetteer.lookup(["La Paz"])["la paz"] if e.feature_code == "PPLG")
    assert prominence(capital) > 6.5


def test_a_repeated_name_does_not_outweigh_the_county_it_is_in(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # Yala is a Kenyan town and a Thai province: said twice, it is still one ambiguous name
    text = (
        "Police in Siaya fired in the air when youths disrupted a rally of the governor in Yala. "
        "The youths said the governor was not welcome in Yala."
    )
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "KE"
    assert places["Yala"].country_code == "KE"


def test_the_head_of_a_longer_name_gives_its_best_known_namesake_no_focus(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "Bar Elias" is not in the gazetteer; Bar, Montenegro, is no evidence for the story's country
    text = "Protesters blocked the main road in Bar Elias on Sunday against the rising price of bread."
    _places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code != "ME"


def test_two_names_near_each_other_outweigh_a_famous_namesake_of_one(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # Santiago de Veraguas and Sona lie some 20 km apart in Panama; Chile's capital is only one name's
    text = "Farmers blocked the highway near Santiago and in Sona on Monday."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "PA"
    assert places["Santiago"].country_code == "PA" and places["Sona"].country_code == "PA"


def test_a_spanish_report_with_a_dateline_and_la_paz_is_bolivian(
    nlp_es: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "SANTA CRUZ, 14 nov.- Un joven de 22 años murió el lunes en Yapacaní tras recibir un impacto de "
        "bala durante los enfrentamientos entre vecinos y policías frente a la estación policial. "
        "En Ovejuyo, en la zona sur de La Paz, tres personas fallecieron por heridas de bala."
    )
    places, focus = resolve_text(nlp_es, gazetteer, resolver, text)
    assert focus.country_code == "BO"
    assert places["Ovejuyo"].country_code == "BO" and places["Ovejuyo"].admin1 == "La Paz"
