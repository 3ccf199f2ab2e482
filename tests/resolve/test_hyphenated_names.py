"""Names as ACLED and the press transliterate them: the Arabic article joined by a hyphen ("Ar-Raqqa"),
ACLED's "Town-Part" names ("Mogadishu-Wadajir") and "X village (Town, Region)".
Texts: ACLED notes of development countries (Syria, Somalia), as ACLED wrote them."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver

from .conftest import resolve_text


def test_a_name_written_with_its_article_is_found_without_it(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    places, focus = resolve_text(
        nlp,
        gazetteer,
        resolver,
        "On 8 May 2020, unidentified gunmen assassinated a QSD member near the traffic HQ in Ar-Raqqa city.",
    )
    assert focus.country_code == "SY"
    raqqa = places["Ar-Raqqa"]
    assert (raqqa.country_code, raqqa.admin1_native, raqqa.precision) == ("SY", "Ar Raqqah", 1)


def test_a_town_part_name_is_placed_at_its_town(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "Adan Ade international airport" no longer lends Aden (Yemen) to the district; "district (" does
    # not keep Banadir from qualifying the name before it
    text = (
        "On 9 May 2020, Al shabaab militants fired three mortar rounds impacting in and around Halane base "
        "camp which houses AU forces at the Adan Ade international airport in Mogadishu-Wadajir district "
        "(Wadajir, Banadir)."
    )
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "SO"
    mogadishu = places["Mogadishu"]
    assert (mogadishu.country_code, mogadishu.admin1, mogadishu.status) == ("SO", "Banaadir", "resolved")
    assert all(p.country_code == "SO" for p in places.values())


def test_a_small_town_abroad_before_a_hyphen_is_no_place_when_no_country_is_named(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # Bar is a town in Montenegro; "Bar-Sanguun" is a Somali village
    places, _focus = resolve_text(
        nlp,
        gazetteer,
        resolver,
        "On 9 May 2020, Al shabaab militants attacked security forces in the vicinity of Bar-Sanguun "
        "village. Heavy gunfire followed.",
    )
    assert all(p.country_code != "ME" for p in places.values())


def test_a_village_before_an_area_word_and_a_parenthesis_lies_in_the_places_it_names(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # NER calls "Bar-Sanguun" an organisation and "Kismaayo" a person; "village (" says what they are
    places, focus = resolve_text(
        nlp,
        gazetteer,
        resolver,
        "On 9 May 2020, Al shabaab militants attacked Jubaland security forces in the vicinity of "
        "Bar-Sanguun village (Kismaayo, Lower Juba). After heavy gunfire from both sides, Al shabaab "
        "militants claimed to have killed two soldiers and injured five others.",
    )
    assert focus.country_code == "SO"
    village = places["Bar-Sanguun"]
    assert (village.country_code, village.admin1, village.precision) == ("SO", "Lower Juba", 2)
    assert village.contained_in == "Kismaayo"


def test_a_hyphenated_country_name_stays_whole(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    places, focus = resolve_text(nlp, gazetteer, resolver, "Teachers marched in Guinea-Bissau on Monday.")
    assert focus.country_code == "GW" and places["Guinea-Bissau"].status == "country_only"
