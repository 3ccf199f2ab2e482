"""Divisions carry the names English-language users give them, beside GeoNames' native names and codes.

Real divisions of the bundled gazetteer (GeoNames' names and alternate names, ISO 3166-2 codes); no table
of names is kept anywhere: each name is read off the division's own alternate names
(:mod:`cronica.resolve.divisions`).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from cronica.records import Place
from cronica.resolve import Gazetteer, PlaceResolver, find_place_mentions
from cronica.resolve.divisions import DivisionLabel, ascii_name, english_name, label_of


def _label(gazetteer: Gazetteer, country: str, native: str) -> DivisionLabel:
    found = [
        e
        for entries in gazetteer.lookup([native]).values()
        for e in entries
        if e.kind == "admin1" and e.country_code == country and e.name == native
    ]
    assert found, native
    return label_of(found[0])


@pytest.mark.parametrize(
    ("country", "native", "english"),
    [
        # the name without the generic word its English forms carry ("Donetsk Oblast", "Aleppo Governorate")
        ("UA", "Donetska oblast", "Donetsk"),
        ("UA", "Luhanska oblast", "Luhansk"),
        ("SY", "Ḩalab", "Aleppo"),
        ("SY", "Dimashq", "Damascus"),
        ("SY", "Dayr az Zawr", "Deir ez-Zor"),
        ("YE", "Ma’rib", "Marib"),
        ("AZ", "Tərtər", "Tartar"),
        ("AF", "Paktiyā", "Paktia"),
        ("BY", "Mahilioŭskaja voblasć", "Mogilev"),
        ("IL", "Tall Abīb", "Tel Aviv"),
        ("KE", "Nairobi City", "Nairobi"),
        ("UA", "Avtonomna Respublika Krym", "Crimea"),
        # an English name that opens with a compass word
        ("EG", "Shamāl Sīnā'", "North Sinai"),
        ("SO", "Shabeellaha Hoose", "Lower Shabeelle"),
        ("GR", "Kentrikí Makedonía", "Central Macedonia"),
        # an English exonym of a romanised name, with no generic word beside it
        ("LY", "Ţarābulus", "Tripoli"),
        # none: the native name in ASCII letters, as GeoNames' admin1CodesASCII writes it
        ("LY", "Mişrātah", "Misratah"),
        ("GR", "Attikí", "Attiki"),
        # an ASCII name is kept beside a respelling, a longer form or a nickname
        ("SO", "Banaadir", "Banaadir"),
        ("SO", "Hiiraan", "Hiiraan"),
        ("AF", "Wardak", "Wardak"),
        ("US", "California", "California"),
        ("US", "District of Columbia", "District of Columbia"),
        ("BW", "Southern", "Southern"),
        ("BJ", "Atacora", "Atacora"),
        # an elided article keeps its apostrophe (the mark before a capital is no ʿayn or hamza)
        ("TD", "Ville de Ndjamena", "N'Djamena"),
        ("HT", "Grande’Anse", "Grande'Anse"),
    ],
)
def test_a_division_has_the_name_english_users_give_it(
    gazetteer: Gazetteer, country: str, native: str, english: str
) -> None:
    label = _label(gazetteer, country, native)
    assert label.english == english
    assert label.native == native


def test_two_divisions_that_would_share_a_name_keep_them_apart(gazetteer: Gazetteer) -> None:
    # Kyiv the city and the oblast around it; Zagreb the city and its county
    assert _label(gazetteer, "UA", "Kyiv").english == "Kyiv City"
    assert _label(gazetteer, "UA", "Kyivska oblast").english == "Kyiv"
    assert _label(gazetteer, "HR", "Grad Zagreb").english == "City of Zagreb"
    assert _label(gazetteer, "HR", "Zagrebačka županija").english == "Zagreb"


def test_the_label_keeps_the_iso_and_geonames_codes(gazetteer: Gazetteer) -> None:
    label = _label(gazetteer, "UA", "Donetska oblast")
    assert (label.english, label.native, label.iso_code, label.code) == (
        "Donetsk",
        "Donetska oblast",
        "UA-14",
        "UA.05",
    )


def test_native_words_for_the_level_and_slavic_adjectives_are_no_english_name() -> None:
    # Uzbek "viloyati" and a Russian adjective with "Oblast" are not English forms
    assert english_name("Kandahār", ["Qandahor viloyati"]).english == "Kandahar"
    assert english_name("Homieĺskaja voblasć", ["Gomelskaya Oblast"]).english == "Homielskaja voblasc"
    # "Northern District": a compass word alone is no name
    assert english_name("Ash Shamālī", ["Northern District"]).english == "Northern District"


def test_ascii_letters_drop_the_marks_of_romanisation() -> None:
    assert ascii_name("Şāʻdah") == "Sadah"
    assert ascii_name("Lənkəran") == "Lankaran"
    assert ascii_name("Murang'a") == "Murang'a"
    assert ascii_name("N’Djaména") == "N'Djamena"
    assert ascii_name("Ma’rib") == "Marib"


def _resolved(nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver, text: str, name: str) -> Place:
    doc = nlp(text)
    places = resolver.resolve_document(doc, find_place_mentions(doc, gazetteer))
    return next(p for p in places if p.name == name)


def test_a_resolved_town_carries_english_and_native_names_of_its_divisions(
    gazetteer: Gazetteer, resolver: PlaceResolver, nlp: Language
) -> None:
    text = "On 2 May 2020, a car bomb exploded in Afrin, Aleppo governorate, killing five people."
    afrin = _resolved(nlp, gazetteer, resolver, text, "Afrin")
    assert (afrin.country_code, afrin.admin1, afrin.admin1_native) == ("SY", "Aleppo", "Ḩalab")
    assert (afrin.admin1_iso, afrin.admin1_code) == ("SY-HL", "SY.09")


def test_a_town_whose_geonames_code_names_no_division_takes_its_neighbours(
    gazetteer: Gazetteer, resolver: PlaceResolver, nlp: Language
) -> None:
    # GeoNames gives Kenya's Sololo no first-level code; the places nearest to it are in Marsabit
    text = "Unidentified armed men killed one person and stole 150 cows in Sololo, Kenya."
    sololo = _resolved(nlp, gazetteer, resolver, text, "Sololo")
    assert sololo.admin1 == "Marsabit"
    assert "nearest" in (sololo.reason or "")


def test_a_countrys_labels_are_those_the_whole_bundle_gives() -> None:
    """Labels are worked out a country at a time (a run pays for the countries it reads); two divisions
    that must not share a name are of one country, so every label is the one read with the whole bundle."""
    from cronica.resolve import divisions
    from cronica.resolve.bundled import _rows

    whole = divisions._labels_of(list(_rows("admin.tsv.gz")))  # the whole file at once, as before
    assert len(whole) == len(divisions._bundled_lines()[2])
    assert divisions._labels() == whole
