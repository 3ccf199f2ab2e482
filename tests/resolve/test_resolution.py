"""Resolving mentions to places: focus country, containment, population, ACLED geo precision."""

from __future__ import annotations

import math

import pytest
from spacy.language import Language

from cronica.records import Place
from cronica.resolve import Gazetteer, PlaceResolver, find_place_mentions

EL_ALTO = (-16.50, -68.19)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _resolve(nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver, text: str) -> dict[str, Place]:
    doc = nlp(text)
    mentions = find_place_mentions(doc, gazetteer)
    places = resolver.resolve_document(doc, mentions)
    assert len(places) == len(mentions)
    return {m.span.text: p for m, p in zip(mentions, places, strict=True)}


@pytest.fixture(scope="module")
def bolivia(nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver, bolivia_text: str) -> list[Place]:
    doc = nlp(bolivia_text)
    return resolver.resolve_document(doc, find_place_mentions(doc, gazetteer))


def _one(places: list[Place], words: str) -> Place:
    return next(p for p in places if p.span is not None and p.span.text == words)


def test_el_alto_resolves_to_bolivia_la_paz_department(bolivia: list[Place]) -> None:
    el_alto = _one(bolivia, "El Alto")
    assert (el_alto.country_code, el_alto.country, el_alto.admin1) == ("BO", "Bolivia", "La Paz")
    assert el_alto.precision == 1 and el_alto.status == "resolved"
    assert _km((el_alto.latitude, el_alto.longitude), EL_ALTO) < 30  # type: ignore[arg-type]


def test_senkata_takes_el_altos_point_with_precision_2(bolivia: list[Place]) -> None:
    senkata = _one(bolivia, "Senkata")
    assert senkata.name == "Senkata" and senkata.contained_in == "El Alto"
    assert senkata.precision == 2 and senkata.country_code == "BO" and senkata.admin1 == "La Paz"
    assert _km((senkata.latitude, senkata.longitude), EL_ALTO) < 30  # type: ignore[arg-type]
    assert senkata.gazetteer_id is None and "not in the gazetteer" in (senkata.reason or "")


def test_huayllani_is_placed_in_cochabamba_from_a_suburb_of(bolivia: list[Place]) -> None:
    huayllani = _one(bolivia, "Huayllani")
    assert huayllani.contained_in == "Cochabamba" and huayllani.admin1 == "Cochabamba"
    assert huayllani.precision == 2 and huayllani.country_code == "BO"


def test_la_paz_in_a_bolivian_report_is_la_paz_bolivia(bolivia: list[Place]) -> None:
    for place in bolivia:
        if place.span is not None and place.span.text == "La Paz":
            assert place.country_code == "BO" and place.gazetteer_id == "geonames:3911925"
            assert place.precision == 1


def test_cochabamba_resolves_to_the_bolivian_city(bolivia: list[Place]) -> None:
    cochabamba = _one(bolivia, "Cochabamba")
    assert cochabamba.country_code == "BO" and cochabamba.gazetteer_id == "geonames:3919968"


def test_mexico_is_the_country_mexico(bolivia: list[Place]) -> None:
    mexico = _one(bolivia, "Mexico")
    assert mexico.country_code == "MX" and mexico.status == "country_only" and mexico.precision == 3


def test_no_bolivian_place_is_resolved_to_another_country(bolivia: list[Place]) -> None:
    bolivian = {"El Alto", "La Paz", "Cochabamba", "Senkata", "Huayllani", "Bolivia"}
    for place in bolivia:
        if place.span is not None and place.span.text in bolivian:
            assert place.country_code == "BO", place


def test_region_only_mention_gets_precision_3(bolivia: list[Place]) -> None:
    assert _one(bolivia, "South America").precision == 3


def test_focus_country_of_the_bolivia_report_is_bolivia(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver, bolivia_text: str
) -> None:
    doc = nlp(bolivia_text)
    assert resolver.focus_country(doc, find_place_mentions(doc, gazetteer)) == "BO"


def test_lahore_punjab_resolves_to_pakistan(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    places = _resolve(nlp, gazetteer, resolver, "Police fired on protesters in Lahore, Punjab, on Sunday.")
    assert places["Lahore"].country_code == "PK" and places["Lahore"].admin1 == "Punjab"
    assert places["Punjab"].country_code == "PK" and places["Punjab"].precision == 3


def test_paris_texas_is_in_the_united_states(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    places = _resolve(nlp, gazetteer, resolver, "Hundreds marched in Paris, Texas, against the shooting.")
    assert places["Paris"].country_code == "US" and places["Paris"].admin1 == "Texas"


def test_paris_with_french_context_is_in_france(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "French unions called a strike and thousands marched in Paris against the pension reform."
    places = _resolve(nlp, gazetteer, resolver, text)
    assert places["Paris"].country_code == "FR" and places["Paris"].precision == 1


def test_admin_suffix_resolves_to_the_department(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    places = _resolve(
        nlp, gazetteer, resolver, "Roads were blocked across the La Paz department by Bolivian miners."
    )
    dept = places["La Paz department"]
    assert dept.country_code == "BO" and dept.admin1 == "La Paz" and dept.precision == 3
    assert dept.gazetteer_id == "geonames:3911924"


def test_unknown_place_without_container_falls_back_to_the_focus_country(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "Bolivian police fired on miners in Qullqichaka on Monday, Bolivia's ombudsman said."
    place = _resolve(nlp, gazetteer, resolver, text)["Qullqichaka"]
    assert place.status == "country_only" and place.country_code == "BO" and place.precision == 3
    assert place.name == "Qullqichaka" and "not in the gazetteer" in (place.reason or "")


def test_unknown_place_without_any_evidence_is_unresolved_with_a_reason(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    place = _resolve(nlp, gazetteer, resolver, "Protesters gathered in Qullqichaka on Monday.")["Qullqichaka"]
    assert place.status == "unresolved" and place.reason


def test_country_place_is_the_country_level_fallback(resolver: PlaceResolver) -> None:
    place = resolver.country_place("bo")
    assert (place.name, place.country_code, place.status, place.precision) == (
        "Bolivia",
        "BO",
        "country_only",
        3,
    )
    assert resolver.country_place("ZZ").status == "unresolved"


def test_public_api_is_curated() -> None:
    import cronica.resolve as resolve

    assert {"Gazetteer", "PlaceResolver", "find_place_mentions", "PlaceMention"} <= set(resolve.__all__)
    assert all(hasattr(resolve, name) for name in resolve.__all__)
