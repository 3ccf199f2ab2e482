"""Words between a name and the place qualifying it ("Kadikoy town center, Istanbul", "Manpur Police
Station limits (Rajnandgaon, Chhattisgarh)"), and an administrative word that names the other level in
some countries ("Meru county": Kenya's counties are first-level divisions). Texts written for these tests,
in the style of ACLED notes."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver, find_place_mentions, mention_at

from .conftest import resolve_text


def test_area_words_between_a_name_and_its_qualifier(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # the gazetteer's Kadikoy are villages elsewhere in Turkey (Yalova, Edirne); the text puts it in Istanbul
    text = "On 1 June 2021, a group held a march in Kadikoy town center, Istanbul, despite the curfew."
    doc = nlp(text)
    mentions = find_place_mentions(doc, gazetteer)
    kadikoy = next(m for m in mentions if m.name == "Kadikoy")
    assert kadikoy.container is not None and kadikoy.container.text == "Istanbul"
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    assert places["Kadikoy"].country_code == "TR" and places["Kadikoy"].admin1 == "Istanbul"


def test_a_police_station_s_limits_before_a_parenthesis(nlp: Language, gazetteer: Gazetteer) -> None:
    # Manpur is a town of Madhya Pradesh too; the parenthesis puts this one in Rajnandgaon, Chhattisgarh
    text = (
        "On 2 June 2021, two cadres were killed in an exchange of fire near a village under Manpur Police "
        "Station limits (Rajnandgaon, Chhattisgarh)."
    )
    doc = nlp(text)
    mentions = find_place_mentions(doc, gazetteer)
    start = text.index("Manpur")
    given = mention_at(doc, start, start + len("Manpur"), gazetteer, mentions)
    assert given is not None and given.container is not None and given.container.text == "Rajnandgaon"


def test_a_county_that_is_a_first_level_division(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # Tanzania has a Meru district (second level, more people); Kenya's Meru county is first level
    text = (
        "On 3 June 2021, police clashed with cattle raiders near the Meru-Isiolo border in Kenya's "
        "Meru county."
    )
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "KE"
    assert places["Meru county"].country_code == "KE" and places["Meru county"].admin1 == "Meru"


def test_a_district_is_still_the_district_where_the_province_shares_its_name(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "On 4 June 2021, gunmen attacked a checkpoint in Balkh district of Balkh province in Afghanistan."
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    district = next(p for words, p in places.items() if words.startswith("Balkh district"))
    assert district.country_code == "AF" and district.gazetteer_name == "Balkh District"
