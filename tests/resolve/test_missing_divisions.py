"""Issue 12: two sources of missing first-level divisions. A level word that is no admin suffix
("subdivision", "ward", "commune") before ACLED's parenthesis of levels, which hid the parenthesis; and
a GeoNames first-level code the bundle has no division for (Iraq's Kurdish governorates, Malawi's
regions), which gave a neighbour's division or none: ISO 3166-2's subdivision, named like the code's
seat. Texts written for these tests, in the style of ACLED notes."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver

from .conftest import resolve_text


def _place(places: dict, words: str):  # type: ignore[no-untyped-def]
    return next(p for w, p in places.items() if w.startswith(words))


def test_a_village_before_a_subdivision_the_gazetteer_lacks_lies_in_its_parenthesis(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "On 2 June 2021, gunmen abducted two traders in Ndiguina village, Goulfey subdivision "
        "(Logone-et-Chari, Extreme-Nord)."
    )
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "CM"
    village = _place(places, "Ndiguina")
    assert village.country_code == "CM" and village.admin1_code == "CM.12"
    assert "Logone-et-Chari" in places


def test_the_county_after_a_ward_in_a_parenthesis(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "On 9 June 2021, police detained three herders in Sarif location (Tarbaj ward, Wajir)."
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    assert places["Wajir"].country_code == "KE" and places["Wajir"].admin1 == "Wajir"


def test_a_kurdish_governorate_is_iso_3166_2s(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # GeoNames codes Soran IQ.11 and Zaxo IQ.08; the bundle has neither division (not Nineveh, the
    # division of Zaxo's nearest places that have one)
    places, _focus = resolve_text(
        nlp, gazetteer, resolver, "On 3 June 2021, teachers protested in Soran, Iraq."
    )
    soran = places["Soran"]
    assert (soran.admin1, soran.admin1_iso, soran.admin1_code) == ("Arbil", "IQ-AR", "IQ.11")
    places, _focus = resolve_text(
        nlp, gazetteer, resolver, "On 3 June 2021, a drone struck a car near Zakho, Iraq."
    )
    zakho = places["Zakho"]
    assert (zakho.admin1, zakho.admin1_iso) == ("Dahuk", "IQ-DA")


def test_a_region_by_its_letter_code(nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver) -> None:
    # Malawi's divisions carry no ISO code in the bundle; GeoNames' "N" is ISO's MW-N
    places, _focus = resolve_text(
        nlp, gazetteer, resolver, "On 4 June 2021, vendors protested in Mzuzu, Malawi."
    )
    assert places["Mzuzu"].admin1_iso == "MW-N"
    assert places["Mzuzu"].admin1 == "Northern Region"


def test_no_iso_division_where_two_are_named_alike() -> None:
    from cronica.resolve.divisions import iso_division

    # a seat whose names fit no free subdivision of the country's type: nothing, not a guess
    assert iso_division("IQ", "99", ["nowhere"]) is None


def test_a_province_after_a_level_word_and_a_comma_is_a_place_whatever_ner_says(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # the village and the district are not in the gazetteer, and NER calls "Balkh" a person here
    text = (
        "On 3 July 2021, two soldiers were wounded when militants attacked a checkpoint in the Sabz Ab "
        "village of Qarabolak district, Balkh."
    )
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    assert places["Balkh"].country_code == "AF" and places["Balkh"].admin1 == "Balkh"
