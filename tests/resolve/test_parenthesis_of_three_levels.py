"""ACLED's parenthesis of three levels, "X village (Township, District, State)": the smallest level the
gazetteer knows is where X lies however many levels it lacks before it; "Rakhine State" is that state
whatever NER calls it. Texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver, find_place_mentions, mention_at
from cronica.resolve.geo import haversine_km
from cronica.resolve.recognize import PlaceMention


def _given(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver, text: str, words: str
) -> tuple[list[PlaceMention], int, object]:
    doc = nlp(text)
    mentions = find_place_mentions(doc, gazetteer)
    start = text.index(words)
    # the words as cronica eval --mode places takes them: the mention over them, else one made there
    added = next((m for m in mentions if m.span.start < start + len(words) and start < m.span.end), None)
    if added is None:
        added = mention_at(doc, start, start + len(words), gazetteer, mentions)
        assert added is not None
        mentions = sorted([*mentions, added], key=lambda m: m.span.start)
    places, focus = resolver.resolve_with_focus(doc, mentions)
    return mentions, mentions.index(added), (places, focus)


def test_a_village_lies_in_the_first_known_level_of_its_parenthesis(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "On 5 June 2021, soldiers fired mortar shells near Zin Ba village (Momauk township, Bhamo district, "
        "Kachin State), wounding two farmers."
    )
    mentions, k, (places, focus) = _given(nlp, gazetteer, resolver, text, "Zin Ba")
    assert mentions[k].container is not None and mentions[k].container.text == "Bhamo district"
    village = places[k]
    assert focus.country_code == "MM" and village.admin1 == "Kachin"
    # Bhamo's point (the district's town), not Kachin's (Myitkyina, 130 km north)
    assert haversine_km(village.latitude or 0, village.longitude or 0, 24.26, 97.23) < 5


def test_a_state_and_its_level_word_are_a_place_though_ner_calls_them_a_person(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "On 5 June 2021, residents near Zin Ba village (Ann Township, Kyaukpyu District, Rakhine State) "
        "heard artillery fire from a nearby base."
    )
    doc = nlp(text)
    assert "Rakhine State" in [m.span.text for m in find_place_mentions(doc, gazetteer)]
    _mentions, k, (places, focus) = _given(nlp, gazetteer, resolver, text, "Zin Ba")
    assert focus.country_code == "MM" and places[k].admin1 == "Rakhine"


def test_a_village_lies_in_the_first_known_level_of_its_comma_list(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # (Momauk, a township the gazetteer does not know; Bhamo district, Kachin State)
    text = "On 5 June 2021, in Zin Ba town, Momauk township, Bhamo district, Kachin State, a bomb exploded."
    mentions, k, (places, _focus) = _given(nlp, gazetteer, resolver, text, "Zin Ba")
    assert mentions[k].container is not None and mentions[k].container.text == "Bhamo district"
    assert places[k].admin1 == "Kachin" and places[k].admin2 == "Bhamo District"


def test_a_name_after_a_cue_takes_the_parenthesis_after_its_area_word(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "in Hpa Lang village (...)": the after-cue rule finds the name itself; its container is the parenthesis
    text = "On 4 May 2021, in Hpa Lang village (Momauk township, Bhamo district, Kachin State), jets struck."
    doc = nlp(text)
    assert "Hpa Lang" in [m.name for m in find_place_mentions(doc, gazetteer)]
    mentions, k, (places, _focus) = _given(nlp, gazetteer, resolver, text, "Hpa Lang")
    assert mentions[k].container is not None and mentions[k].container.text == "Bhamo district"
    assert places[k].admin2 == "Bhamo District"


def test_a_village_in_an_unknown_township_lies_in_the_township_parenthesis(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "On 5 May 2021, near Zin Ba village in Momauk township (Bhamo District, Kachin State), the army "
        "shelled a camp."
    )
    _mentions, k, (places, _focus) = _given(nlp, gazetteer, resolver, text, "Zin Ba")
    assert places[k].admin1 == "Kachin" and places[k].admin2 == "Bhamo District"


def test_a_front_word_between_a_name_and_its_parenthesis(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "On 9 May 2020, rival forces exchanged artillery on the Jabal Hamra front (Al Qabbaytah, Lahij) and "
        "near Murays (Qaatabah, Ad Dali), with no fatalities reported."
    )
    _mentions, k, (places, focus) = _given(nlp, gazetteer, resolver, text, "Jabal Hamra")
    assert focus.country_code == "YE" and places[k].admin1_native == "Laḩij"
    assert places[k].admin2 == "Al Qabbaytah"
