"""A foreign town in the border region of the document's country is that town, whatever the words
around it; a foreign town far from the country, with no words for its country, is still a namesake.
Texts written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver

from .conftest import resolve_text


@pytest.mark.parametrize(
    ("text", "name", "country", "focus_country"),
    [
        ("An Israeli air strike killed five people in Rafah on Tuesday, medics said.", "Rafah", "PS", "IL"),
        (
            "Five people were killed in Rafah on Tuesday when Israeli jets struck a house.",
            "Rafah",
            "PS",
            "IL",
        ),
        (
            "On Tuesday Israeli warplanes hit a house in Rafah, killing five, an Israeli army spokesman "
            "said.",
            "Rafah",
            "PS",
            "IL",
        ),
        (
            "Ecuadorian truckers blocked the road to Ipiales on Monday, police in Tulcán said.",
            "Ipiales",
            "CO",
            "EC",
        ),
        (
            "QUITO, May 2 - Ecuadorian truckers protested in Ipiales on Monday over fuel prices, Ecuador's "
            "police said.",
            "Ipiales",
            "CO",
            "EC",
        ),
        (
            "Peruvian traders blocked the bridge to Huaquillas on Monday, police in Tumbes said.",
            "Huaquillas",
            "EC",
            "PE",
        ),
    ],
)
def test_a_town_across_the_border_of_the_documents_country_is_that_town(
    nlp: Language,
    gazetteer: Gazetteer,
    resolver: PlaceResolver,
    text: str,
    name: str,
    country: str,
    focus_country: str,
) -> None:
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == focus_country
    assert places[name].country_code == country, places[name].reason


def test_a_small_town_far_abroad_with_no_words_for_its_country_is_still_a_namesake(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # Kibuye is a Rwandan town some 300 km from Kenya: in a Kenyan story it is a place the gazetteer lacks
    places, focus = resolve_text(
        nlp,
        gazetteer,
        resolver,
        "NAIROBI, March 3 - Kenyan police fired tear gas at traders in Kibuye on Monday, a Nairobi "
        "official said.",
    )
    assert focus.country_code == "KE"
    assert places["Kibuye"].country_code == "KE", places["Kibuye"].reason


def test_a_border_answer_kept_from_one_report_is_the_answer_for_the_next(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    # one resolver reads report after report: the border answer it keeps for Rafah (near Israel) must
    # not leak into a report whose country has no place near it, and asking again changes nothing
    resolver = PlaceResolver(gazetteer)
    israeli = "An Israeli air strike killed five people in Rafah on Tuesday, medics said."
    kenyan = (
        "NAIROBI, March 3 - Kenyan police fired tear gas at traders in Kibuye on Monday, a Nairobi "
        "official said."
    )
    first = [resolve_text(nlp, gazetteer, resolver, t)[0] for t in (israeli, kenyan)]
    again = [resolve_text(nlp, gazetteer, resolver, t)[0] for t in (kenyan, israeli)][::-1]
    assert first == again
    assert first[0]["Rafah"].country_code == "PS"
    assert first[1]["Kibuye"].country_code == "KE"
