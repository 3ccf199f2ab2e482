"""Places the gazetteer lacks as written, and countries that do not say where. Texts written for these tests.

* A first-level division named with its level word in a transliteration GeoNames lacks ("Thi-Qar
  province": Dhī Qār; "Missan": Maysān; "Saladin": Şalāḩ ad Dīn) is that division when the spelling is
  one division's in the world.
* "Nepali", "Philippine": the adjectives English forms from a country's name are its demonyms too.
* The country that owns an embassy or consulate ("the U.S. embassy in Baghdad") is no place of the text.
"""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver, find_place_mentions
from cronica.resolve.names import division_spelling
from cronica.resolve.recognize import find_country_evidence

from .conftest import resolve_text

LEVELS = ("province", "governorate")


def test_transliterations_of_a_division_share_a_spelling() -> None:
    assert division_spelling("Thi-Qar", LEVELS) == division_spelling("Dhī Qār", LEVELS)
    assert division_spelling("Sala al-Din", LEVELS) == division_spelling("Şalāḩ ad Dīn", LEVELS)
    assert division_spelling("Saladin", LEVELS) == division_spelling("Şalāḩ ad Dīn", LEVELS)
    assert division_spelling("Qadissiya Governorate", LEVELS) == division_spelling("Al Qādisīyah", LEVELS)
    assert division_spelling("Missan", LEVELS) == division_spelling("Maysān", LEVELS)
    assert division_spelling("Maysan", LEVELS) != division_spelling("Wasit", LEVELS)


def test_a_division_spelled_otherwise_with_its_level_word(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "On 3 March 2021, teachers protested over unpaid pay in the Shatra district, Thi-Qar province."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "IQ"
    assert places["Thi-Qar province"].admin1_iso == "IQ-DQ"
    text = "On 3 March 2021, gunmen shot dead a farmer near a checkpoint in the Saladin province."
    places, _ = resolve_text(nlp, gazetteer, resolver, text)
    assert places["Saladin province"].admin1_iso == "IQ-SD"
    text = "On 3 March 2021, retired officers rallied in front of the Missan Governorate building."
    places, _ = resolve_text(nlp, gazetteer, resolver, text)
    assert places["Missan Governorate"].admin1_iso == "IQ-MA"


def test_no_division_by_spelling_without_a_level_word(nlp: Language, gazetteer: Gazetteer) -> None:
    # "Saladin" alone is a person as often as the province: only its level word makes it the division
    doc = nlp("On 3 March 2021, a statue of Saladin was unveiled at the museum.")
    assert [m.name for m in find_place_mentions(doc, gazetteer)] == []


def test_adjectives_formed_from_a_country_name(nlp: Language, gazetteer: Gazetteer) -> None:
    assert gazetteer.demonym_country("Nepali") == "NP"
    assert gazetteer.demonym_country("Nepalis") == "NP"
    assert gazetteer.demonym_country("Philippine") == "PH"
    assert gazetteer.demonym_country("Bolivian") == "BO"  # the bundled demonyms stay
    assert gazetteer.demonym_country("Indian") == "IN"
    doc = nlp("On 4 March 2021, cadres of the Nepali Congress staged a rally against the government.")
    assert [e.country_code for e in find_country_evidence(doc, gazetteer)] == ["NP"]


def test_the_country_of_an_embassy_is_not_where_it_is(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "On 5 March 2021, supporters of the militia rallied outside the U.S. embassy in Baghdad, chanting."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert "U.S." not in places and focus.country_code == "IQ"
    assert places["Baghdad"].country_code == "IQ"
    doc = nlp("On 5 March 2021, protesters threw stones at the Danish embassy in Beirut.")
    assert find_country_evidence(doc, gazetteer) == []
    # a country named otherwise is still a place
    text = "On 5 March 2021, protesters marched from the embassy to the parliament in Nepal's capital."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "NP"


def test_a_region_of_a_district_is_no_division_spelled_otherwise(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "Metina" shares Muthanna's coarse spelling; "region of Amedi district" makes it a part of Dahuk
    text = "On 2 March 2021, drones struck a hill in the Metina region of Amedi district, Dahuk."
    places, _ = resolve_text(nlp, gazetteer, resolver, text)
    assert all(p.admin1_iso != "IQ-MU" for p in places.values())
