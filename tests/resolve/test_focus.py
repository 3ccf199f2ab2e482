"""The document's focus and the joint resolution of its places: places of one report agree."""

from __future__ import annotations

import pytest
from spacy.language import Language

from cronica.errors import CronicaError
from cronica.records import Place
from cronica.resolve import Focus, Gazetteer, PlaceResolver, country_codes, find_place_mentions


def _run(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver, text: str, hint: tuple[str, ...] = ()
) -> tuple[dict[str, Place], Focus]:
    doc = nlp(text)
    mentions = find_place_mentions(doc, gazetteer)
    places, focus = resolver.resolve_with_focus(doc, mentions, hint)
    return {m.span.text: p for m, p in zip(mentions, places, strict=True)}, focus


def test_a_county_seat_outweighs_a_village_namesake_abroad(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "Raya" is a village in India; Garissa is a Kenyan county and its seat: the note is Kenyan
    text = "Gunmen killed a herder in Raya area of Balambala, Garissa county, on Monday."
    places, focus = _run(nlp, gazetteer, resolver, text)
    assert focus.country_code == "KE"
    assert places["Garissa county"].country_code == "KE"
    assert {e.kind for e in focus.evidence} >= {"place"}


def test_a_country_named_as_origin_weighs_less_than_the_places_of_the_event(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "Refugees from South Sudan clashed with residents in Lodwar, Turkana, on Friday, and police "
        "in Kakuma arrested four men."
    )
    places, focus = _run(nlp, gazetteer, resolver, text)
    assert focus.country_code == "KE"
    assert places["Lodwar"].admin1 == "Turkana"
    assert places["South Sudan"].country_code == "SS"  # the country itself stays itself


def test_an_unknown_name_in_a_list_takes_the_place_that_follows_it(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    places, focus = _run(
        nlp, gazetteer, resolver, "Residents looted a clinic in Kasipul, Homa Bay, on Sunday."
    )
    assert focus.country_code == "KE"
    kasipul = places["Kasipul"]
    assert kasipul.country_code == "KE" and kasipul.admin1 == "Homa Bay"
    # Homa Bay qualifies it, so it is read as the county: region-level precision, the words kept
    assert kasipul.precision == 3 and "not in the gazetteer" in (kasipul.reason or "")
    assert kasipul.contained_in == "Homa Bay"


def test_a_name_in_parentheses_qualifies_the_place_before_it(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    note = "Workers protested on the Causeway Road in Mombasa (Chaani, Mvita) on Tuesday."
    places, focus = _run(nlp, gazetteer, resolver, note)
    assert places["Mombasa"].country_code == "KE"
    assert focus.country_code == "KE"


def test_the_corpus_hint_places_a_name_the_gazetteer_lacks_in_that_country(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "Residents of Njirugu held a violent demonstration over an eviction notice."
    _places, without = _run(nlp, gazetteer, resolver, text)
    assert without.country_code is None
    places, focus = _run(nlp, gazetteer, resolver, "Protesters gathered in Njirugu on Monday.", ("KE",))
    assert focus.country_code == "KE" and any(e.kind == "hint" for e in focus.evidence)
    assert places["Njirugu"].country_code == "KE" and places["Njirugu"].precision == 3


def test_the_text_outweighs_the_corpus_hint(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "Police in Uganda dispersed protesters in Kampala and in Gulu; Ugandan officials in Jinja said."
    places, focus = _run(nlp, gazetteer, resolver, text, ("KE",))
    assert focus.country_code == "UG"
    assert places["Kampala"].country_code == "UG"


def test_a_month_abbreviation_is_not_a_place(nlp: Language, gazetteer: Gazetteer) -> None:
    doc = nlp("Around Oct 27th 2019, two clans clashed near the border in Narok.")
    names = [m.name for m in find_place_mentions(doc, gazetteer)]
    assert "Oct" not in names and "Narok" in names


def test_country_hints_accept_codes_and_names_and_refuse_the_rest() -> None:
    assert country_codes(["ke", "Bolivia", "KEN"]) == ("KE", "BO")
    with pytest.raises(CronicaError, match="Narnia"):
        country_codes("Narnia")


def test_a_township_in_a_region_takes_the_region_and_a_famous_city_abroad_stays_abroad(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "MANDALAY, March 3 (Reuters) - Myanmar jets bombed a village in Htigyaing township in the "
        "northern Sagaing region on Sunday. The UN office in Geneva condemned the strike."
    )
    places, focus = _run(nlp, gazetteer, resolver, text)
    assert focus.country_code == "MM"
    assert places["Htigyaing"].admin1 == "Sagaing"  # not the dateline's division
    assert places["Geneva"].country_code == "CH"
