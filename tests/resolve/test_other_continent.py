"""No place on another continent than the note's own countries unless its words say so: each class of
the twelfth session (issue 12) with sentences written for these tests, not copied from any note."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver, find_place_mentions

from .conftest import resolve_text


def _names(nlp: Language, gazetteer: Gazetteer, text: str) -> list[str]:
    return [m.name for m in find_place_mentions(nlp(text), gazetteer)]


def test_a_demonym_several_countries_share_is_the_most_populous_one_s(gazetteer: Gazetteer) -> None:
    # "Indian" is also the British Indian Ocean Territory's, "French" the French Southern Territories'
    assert gazetteer.demonym_country("Indian") == "IN"
    assert gazetteer.demonym_country("French") == "FR"
    assert gazetteer.demonym_country("Norwegian") == "NO"
    assert gazetteer.demonym_country("Congolese") == "CD"


def test_a_country_s_name_in_an_organisation_or_a_hyphenated_pair_is_evidence(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "Nepal Police personnel turned back some 40 traders at a checkpoint, as the Nepal-India "
        "border stays closed for the lockdown."
    )
    _places, focus = resolve_text(nlp, gazetteer, resolver, text)
    kinds = {(e.kind, e.country_code) for e in focus.evidence}
    assert ("demonym", "NP") in kinds  # "Nepal Police": who
    assert ("country_name", "NP") in kinds and ("country_name", "IN") in kinds  # the border: where
    assert focus.country_code == "NP"


def test_a_division_on_another_continent_than_every_country_named_is_a_namesake(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # Bara is a district of Sudan in the gazetteer (and of Nepal, which GeoNames lists as no division)
    text = (
        "Smugglers beat two guards at Lalpur (Bara district) on Friday; the Nepal-India border has "
        "been sealed since March."
    )
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    assert places["Bara district"].country_code != "SD"
    assert places["Lalpur"].country_code != "SD"
    # a well-known city abroad stays itself, and a division is itself where no country is named
    places, _focus = resolve_text(
        nlp, gazetteer, resolver, "Officials of both sides met in Geneva to discuss the Nepal-India border."
    )
    assert places["Geneva"].country_code == "CH"
    places, _focus = resolve_text(nlp, gazetteer, resolver, "Herders clashed with farmers in Bara district.")
    assert places["Bara district"].country_code == "SD"


def test_a_name_that_qualifies_another_gives_the_evidence_of_its_divisions(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "Samar" is a Philippine province and an alternate name of Samara, Russia (1.2 million people)
    text = "On Sunday, soldiers and rebels exchanged fire in Barangay Malino, Catbalogan, Samar."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "PH"
    assert places["Samar"].country_code == "PH"


def test_a_facility_named_like_a_province_abroad_is_no_province(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # L'Oriental is a Moroccan region; "Oriental Highway" is a road in the note's own country
    text = "A mine exploded on Oriental Highway near Lashio town (Lashio township, Shan State) on Monday."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "MM"
    assert all(p.country_code != "MA" for p in places.values())


def test_a_hyphen_with_a_linking_word_joins_one_name(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "Sar" alone is an alternate name of Sarh, Chad; "Sar-e Kalan" is one (unknown) name
    text = "Two policemen were wounded in the Sar-e Kalan area of Arghandab district, Kandahar, on Monday."
    assert "Sar" not in _names(nlp, gazetteer, text)
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "AF"
    assert all(p.country_code == "AF" for p in places.values())
    # a known name with a linking word is still found whole
    assert "Sar-e Pul" in _names(nlp, gazetteer, "Clashes were reported in Sar-e Pul province.")


def test_a_word_joined_to_a_lower_case_word_is_no_place(nlp: Language, gazetteer: Gazetteer) -> None:
    # "Non" is a village in Germany
    text = "Non-violent activity: on 2 May, armed men patrolled the market of Kandi and left."
    assert "Non" not in _names(nlp, gazetteer, text)
    assert "Kandi" in _names(nlp, gazetteer, text)


def test_the_abbreviation_of_number_is_no_place(nlp: Language, gazetteer: Gazetteer) -> None:
    # "No" is a town in Haiti
    text = "A grenade was thrown at the No. 5 police outpost in Hpakant town on Friday."
    assert "No" not in _names(nlp, gazetteer, text)
    # a place at the end of a sentence before a number stays a place
    assert "Rongo" in _names(nlp, gazetteer, "Traders blocked a road in Rongo. 3 people were hurt.")


def test_a_name_with_a_lower_case_class_prefix_is_a_name(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "eThekwini" (Durban's metropolitan municipality) opens with a lower-case Zulu class prefix
    text = "Taxi drivers blocked the main roads of Pinetown (eThekwini, KwaZulu-Natal) on Monday."
    assert "eThekwini" in _names(nlp, gazetteer, text)
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "ZA"
    assert all(p.country_code == "ZA" for p in places.values())


def test_a_place_called_so_comes_before_one_with_the_name_as_an_alternate(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "Pala" is Chad's town of 35,000 and an alternate name of Farah (Afghanistan, 43,000) and Santa Fe
    places, _focus = resolve_text(nlp, gazetteer, resolver, "Students marched through Pala on Monday.")
    assert places["Pala"].country_code == "TD"
