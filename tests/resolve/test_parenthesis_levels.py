"""ACLED's "X (District, Province)" when the gazetteer lacks the district: the province it knows is the
smallest named level, and it is a place whatever NER made of the name before the parenthesis. Texts
written for these tests."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver, find_place_mentions, mention_at
from cronica.resolve.names import fold

from .conftest import resolve_text


def test_a_known_town_takes_the_province_past_an_unknown_district(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "Pangani" is a Tanzanian town too; the gazetteer has no "Mathare North"
    text = (
        "On 5 June 2021, police dispersed a crowd of traders in Pangani (Mathare North, Nairobi) with "
        "tear gas."
    )
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "KE"
    place = places["Pangani"]
    assert place.country_code == "KE" and place.admin1 == "Nairobi"
    assert place.contained_in is not None and "Nairobi" in (place.reason or "")


def test_the_province_after_an_unknown_district_is_a_place_though_ner_calls_the_name_a_person(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "On 2 February 2021, rival forces traded mortar fire on the fronts of Jabal Hamra "
        "(Al Shuayb, Ad Dali), with no fatalities reported."
    )
    doc = nlp(text)
    mentions = find_place_mentions(doc, gazetteer)
    assert [m.name for m in mentions] == ["Ad Dali"]
    start = text.index("Jabal Hamra")
    added = mention_at(doc, start, start + len("Jabal Hamra"), gazetteer)
    assert added is not None
    places, focus = resolver.resolve_with_focus(doc, [added, *mentions])
    assert focus.country_code == "YE"
    hamra = places[0]
    assert hamra.country_code == "YE" and fold(hamra.admin1_native or "") == "ad dali"
    assert "Jabal Hamra" in (hamra.reason or "") and hamra.precision == 3


def test_a_parenthesis_of_known_places_names_places_after_any_word(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "On 8 May 2020, security forces and Maoists exchanged fire at the Bijapur and Dantewada border "
        "(Chhattisgarh), and one wounded Maoist was arrested."
    )
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert places["Chhattisgarh"].admin1 == "Chhattisgarh"
    # Bijapur of Chhattisgarh, not the larger Bijapur of Karnataka
    assert focus.country_code == "IN" and places["Bijapur"].admin1 == "Chhattisgarh"
    text = (
        "On 8 May 2020, a patrol was ambushed under Manpur Police Station limits (Rajnandgaon, Chhattisgarh)."
    )
    doc = nlp(text)
    mentions = find_place_mentions(doc, gazetteer)
    assert [m.name for m in mentions][-2:] == ["Rajnandgaon", "Chhattisgarh"]
    assert mentions[-2].cue == "parenthesis"  # and Chhattisgarh qualifies Rajnandgaon
    # a parenthesis of words that are not all known places names none
    doc = nlp("On 8 May 2020, the spokesman (Rajnandgaon Traders Union) said shops would stay shut.")
    assert not any(m.cue == "parenthesis" for m in find_place_mentions(doc, gazetteer))


def test_given_words_before_a_parenthesis_take_its_smallest_known_place(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "On 9 May 2020, rival forces exchanged artillery on the fronts of Jabal Hamra (Al Qabbaytah, Lahij), "
        "Bab Ghaliq (Al Shuayb, Ad Dali), and Jabal Murays (Al Shuayb, Ad Dali)."
    )
    doc = nlp(text)
    mentions = find_place_mentions(doc, gazetteer)
    start = text.index("Bab Ghaliq")
    added = mention_at(doc, start, start + len("Bab Ghaliq"), gazetteer, mentions)
    assert added is not None and added.container is not None and added.container.text == "Ad Dali"
    mentions = sorted([*mentions, added], key=lambda m: m.span.start)
    places, _ = resolver.resolve_with_focus(doc, mentions)
    assert fold(places[mentions.index(added)].admin1_native or "") == "ad dali"


def test_an_lga_named_with_a_slash_is_one_name(nlp: Language, gazetteer: Gazetteer) -> None:
    # ACLED's "(X/Y LGA, State)": GeoNames' "Askira-Uba", not the towns "Askira" and "Uba"
    doc = nlp("On 4 May 2021, gunmen abducted three farmers in Lassa (Askira/Uba LGA, Borno).")
    names = [(m.name, m.admin_level) for m in find_place_mentions(doc, gazetteer)]
    assert ("Askira/Uba", "admin2") in names
    assert "Askira" not in [n for n, _level in names]


def test_a_town_an_org_tag_runs_from_into_an_open_parenthesis_is_still_a_known_place(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    # the small model tags "Abuja (Abuja Municipal LGA" as one ORG: a tagging error, no organisation
    doc = nlp(
        "On 2 June 2021, pensioners demonstrated in Abuja (Abuja Municipal LGA, FCT) over unpaid gratuities."
    )
    abuja = [m for m in find_place_mentions(doc, gazetteer) if m.name == "Abuja"]
    assert abuja and abuja[0].known
