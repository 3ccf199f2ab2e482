"""Issue 12: ACLED writes levels with capitals ("Paletwa Town, Paletwa Township, Mindat District", "Kati,
Kati Commune (Kati, Koulikoro)"). A capitalised level or town word ends the name before it as a lower-case
one does and is never a place of its own ("Town" is not a district of Saint Lucia, "Commune" no place); and
a name that qualifies another is the focus country's town of that name rather than a division of the name
abroad ("(Kita, Kayes)" in Mali is not Japan's Kita-gun). Texts written for these tests, in the style of
ACLED notes."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver

from .conftest import resolve_text


def test_a_capitalised_town_word_ends_a_name_the_gazetteer_lacks(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "On 2 June 2021, in Letpan Town, Letpan Township, Kyaukpyu District, Rakhine State, soldiers "
        "detained three fishermen."
    )
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "MM"
    assert "Letpan" in places and "Letpan Town" not in places
    assert not any(words in {"Town", "Township", "District"} for words in places)
    assert places["Letpan"].admin1 == "Rakhine"


def test_a_capitalised_level_word_is_no_place(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "On 3 June 2021, traders burned tires in Bougouni, Bougouni Commune (Bougouni, Sikasso)."
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    assert "Commune" not in places
    assert all(p.country_code == "ML" for p in places.values())


def test_a_qualifier_is_the_focus_countrys_town_not_a_division_of_its_name_abroad(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "Kita" is also Kita-ku and two Kita-gun, divisions of Japan; the qualifier is Mali's town
    text = "On 3 June 2021, gunmen in Mali attacked a gold mine near Badia (Kita, Kayes)."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "ML"
    kita = places["Kita"]
    assert kita.country_code == "ML" and kita.precision == 1
    assert places["Badia"].country_code == "ML"


def test_the_province_after_a_district_the_gazetteer_lacks_is_a_place(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # ACLED's "(District, Province)"; the gazetteer lacks the district as written, NER may make the whole
    # parenthesis an organisation: the province is a place all the same
    text = "On 4 June 2021, fishermen protested in Keti Bandar town (Thattakhas, Sindh) against a ban."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "PK"
    assert places["Sindh"].admin1 == "Sindh"
