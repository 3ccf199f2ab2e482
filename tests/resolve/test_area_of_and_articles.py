"""Names the gazetteer lacks after "the area of", transliterated articles written as words ("As Sabaa",
"Wadi al-Rabi"), and a division's seat abroad that is no namesake (a container, a focus from demonyms
only). Texts written for these tests, in the style of ACLED notes."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver, find_place_mentions

from .conftest import resolve_text


def test_a_name_after_the_area_of_is_placed_in_the_place_after_its_comma(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # NER calls "Spartak" an organisation and "Donetsk" nothing; the gazetteer lacks the village
    text = (
        "On 3 June 2021, government forces fired mortars at the positions of the militia in the area "
        "of Spartak, Donetsk."
    )
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    assert set(places) == {"Spartak", "Donetsk"}
    assert places["Spartak"].country_code == "UA" and places["Spartak"].admin1 == "Donetsk"


def test_part_of_an_organisation_is_no_area() -> None:
    from cronica.resolve.recognize import load_cues

    # "the area of" names a place; "part of" does not ("fighters who were part of Hezbollah")
    assert "part" not in load_cues()["unknown_name_areas"]


def test_part_of_a_group_is_no_place(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "On 3 June 2021, fighters who were part of Hezbollah attacked the area of the crossing."
    assert [m.name for m in find_place_mentions(nlp(text), gazetteer)] == []


def test_a_spaced_article_opens_the_name_after_it(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "As" is a Belgian town and "Wadi" an Indian one: here they are the first words of Libyan names
    text = "On 4 June 2021, heavy artillery fire was reported in As Sabaa (Tripoli). No casualties reported."
    names = [m.name for m in find_place_mentions(nlp(text), gazetteer)]
    assert "As Sabaa" in names and "As" not in names
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    assert places["As Sabaa"].country_code == "LY"
    text = "On 4 June 2021, rival forces reportedly clashed in Wadi al-Rabi. No casualties reported."
    names = [m.name for m in find_place_mentions(nlp(text), gazetteer)]
    assert names == ["Wadi al-Rabi"]


def test_a_division_seat_that_holds_a_place_is_no_namesake_abroad(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "Turkish forces" make Turkey the focus; al-Hasakeh, a Syrian governorate's seat, holds the village
    text = "On 5 June 2021, Turkish forces shelled Dardara in al-Hasakeh using artillery fire."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "TR"
    assert places["Dardara"].country_code == "SY" and places["Dardara"].admin1_native == "Al Ḩasakah"


def test_a_focus_from_demonyms_alone_makes_no_division_seat_a_namesake(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "On 6 June 2021, gunmen abducted two Cuban doctors in Mandera after killing their guard."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "CU" and focus.from_demonyms()
    assert places["Mandera"].country_code == "KE" and places["Mandera"].admin1 == "Mandera"
