"""A name the gazetteer lacks falls back to the smallest place its sentence lists after it ("X area of Y
sub-county, Z county"), and the words that put places on another continent (issue 12): transliterated
articles of a person's name, "Lake X", the head of a longer name, a country said as an origin, a
country's name as an adjective. Texts written for these tests, in the style of ACLED notes."""

from __future__ import annotations

from spacy.language import Language

from cronica.resolve import Gazetteer, PlaceResolver

from .conftest import resolve_text


def _place(places: dict, words: str):  # type: ignore[no-untyped-def]
    return next(p for w, p in places.items() if w.startswith(words))


def test_a_lacking_name_lies_in_the_first_known_level_listed_after_it(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # neither Wambora nor Kalimoni is in the gazetteer: the first listed level it has is Garissa county
    text = "On 4 March 2021, gunmen killed a herder in Wambora area of Kalimoni sub-county, Garissa county."
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    wambora = _place(places, "Wambora")
    assert wambora.country_code == "KE" and wambora.admin1 == "Garissa"
    assert wambora.precision == 3 and wambora.gazetteer_id is None
    assert "'Wambora' is not in the gazetteer" in (wambora.reason or "")
    assert "Garissa" in (wambora.reason or "")


def test_a_town_listed_after_the_name_gives_precision_two(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "On 8 May 2021, two groups clashed in Barhpura village under Kalimoni police station "
        "(Samastipur, Bihar) over a land dispute."
    )
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    barhpura = _place(places, "Barhpura")
    assert barhpura.country_code == "IN" and barhpura.admin2_native == "Samastīpur"
    assert barhpura.precision == 2


def test_a_namesake_abroad_lies_in_the_commune_listed_after_it(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # the gazetteer's only Monsey is in New York; the text puts the village in a commune of Benin
    text = (
        "On 3 May 2021, suspected militants attacked a police post in the village of Monsey, "
        "in Karimama commune (Alibori)."
    )
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    monsey = _place(places, "Monsey")
    assert monsey.country_code == "BJ" and monsey.admin1 == "Alibori" and monsey.admin2 == "Karimama"


def test_a_verb_ends_the_list(nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver) -> None:
    text = "On 4 March 2021, a herder was killed in Wambora after gunmen came from Garissa county."
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    wambora = _place(places, "Wambora")
    assert "probably in" not in (wambora.reason or "")


def test_an_article_of_a_persons_name_is_no_persons_word(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # NER calls "Al Maqani" a person: its "Al" hid "Al Hudaydah", and Hays went to Texas
    text = (
        "On 8 May 2021, government forces repelled an attack from Al Maqani on the city of Hays "
        "(Hays, Al Hudaydah), forcing the attackers to retreat."
    )
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "YE"
    assert _place(places, "Hays").country_code == "YE"
    assert _place(places, "Al Hudaydah").country_code == "YE"


def test_lake_begins_a_name(nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver) -> None:
    # "Lake" alone is Lake County, Illinois (a county's name without its generic word)
    text = (
        "On 2 June 2021, one person died in Homa Bay area in a protest over fish cages along Lake Victoria."
    )
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "KE"
    assert _place(places, "Homa Bay").country_code == "KE"
    assert all(p.country_code != "US" for p in places.values())


def test_the_head_of_a_longer_name_is_no_evidence_of_its_country(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # "Trans" is Trans-en-Provence: before, that small town made France the focus and the place
    text = (
        "On 27 October 2021, two clans clashed at the river border in Trans Mara. "
        "Nine people were shot with arrows."
    )
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code != "FR"
    assert all(p.country_code != "FR" for p in places.values())


def test_a_country_said_as_an_origin_makes_no_town_a_namesake(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "On 10 December 2021, refugees from Sudan and from South Sudan clashed in the Kakuma refugee camp."
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    kakuma = _place(places, "Kakuma")
    assert kakuma.country_code == "KE" and kakuma.precision == 1


def test_a_countrys_name_as_an_adjective_counts_as_a_demonym(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = "On 8 May 2021, Saudi forces deployed to the entrances and exits of Hadibu (Hidaybu, Suqutra)."
    places, focus = resolve_text(nlp, gazetteer, resolver, text)
    assert focus.country_code == "YE"
    assert _place(places, "Hadibu").country_code == "YE"
    assert any(e.kind == "demonym" and e.country_code == "SA" for e in focus.evidence)


def test_a_listed_place_known_only_as_its_country_gives_nothing_more(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    # neither Kapchemut nor Lokwamosing is in the gazetteer: Lokwamosing falls to the country, and
    # Kapchemut stays a country-level place rather than a "resolved" one at the country's point
    text = "On 4 May 2021, militiamen in Kenya attacked travellers at Kapchemut in Lokwamosing, killing two."
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    kapchemut = _place(places, "Kapchemut")
    assert kapchemut.country_code == "KE" and kapchemut.status == "country_only"


def test_a_place_listed_after_near_is_near_it(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver
) -> None:
    text = (
        "On 8 May 2021, clan militias exchanged fire in Lokwamosing near Garissa town "
        "(Garissa, Garissa county)."
    )
    places, _focus = resolve_text(nlp, gazetteer, resolver, text)
    place = _place(places, "Lokwamosing")
    assert place.country_code == "KE" and place.precision == 2
    assert "near Garissa" in (place.reason or "") and place.contained_in is None
