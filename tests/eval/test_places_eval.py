"""``cronica eval --mode places``: place resolution scored on its own, split by gold country."""

from __future__ import annotations

from types import SimpleNamespace

from cronica.eval.places import gold_words
from cronica.eval.runner import Selection, load_items, run

from .conftest import TEST_DATA

SAMPLE = str(TEST_DATA / "acled_sample.csv")


def test_gold_words_are_found_whole_and_a_neighbourhood_by_either_part() -> None:
    text = "Police dispersed traders in Kibera, Nairobi, and in Kiberam village."
    assert gold_words(text, "Kibera") == (text.index("Kibera"), text.index("Kibera") + 6)
    assert gold_words(text, "Nairobi - Kibera") == (text.index("Kibera"), text.index("Kibera") + 6)
    assert gold_words(text, "Kisumu") is None


def test_places_mode_scores_each_gold_country_apart() -> None:
    result = run(SAMPLE, "acled-csv", split="all", mode="places", select=Selection(by_country=True))
    scores = result["scores"]
    assert scores["place.found"]["n"] == 10
    assert {"place.country", "place.admin1", "place.within_25km"} <= set(scores)
    assert set(result["by_country"]) == {"BO", "CO", "NG", "KE", "IN", "SY", "MM"}
    assert result["by_country"]["BO"]["place.within_25km"]["score"] == 1.0
    assert all(r["wrong"] for r in result["records"])


def test_countries_can_be_selected_or_held_out() -> None:
    kept = load_items(SAMPLE, "acled-csv", "all", select=Selection(countries=("BO", "CO")))
    left = load_items(SAMPLE, "acled-csv", "all", select=Selection(exclude=("BO", "CO")))
    assert len(kept) == 4 and len(left) == 6
    assert not {i.id for i in kept} & {i.id for i in left}


def test_a_division_named_after_its_seat_agrees_across_transliterations() -> None:
    from cronica.eval.places import GoldWordsResolver

    resolver = GoldWordsResolver()
    # ACLED writes "Idleb" and "Tartar"; GeoNames names the divisions "Idlib" and "Tərtər" and
    # knows the seats by the other spellings
    assert resolver.same_admin1("SY", "Idleb", "Idlib")
    assert resolver.same_admin1("AZ", "Tartar", "Tərtər")
    assert not resolver.same_admin1("SY", "Aleppo", "Idlib")
    assert not resolver.same_admin1("SY", "Idleb", None)


def test_a_division_named_without_its_generic_word_agrees() -> None:
    from cronica.eval.places import GoldWordsResolver

    resolver = GoldWordsResolver()
    # ACLED's "South" and "Banadir"; GeoNames names them "Al Janūb" (alias "South Governorate") and
    # "Banaadir" (alias "Banadir Region"), and Lebanon's North "Ash Shimāl" ("North Lebanon")
    assert resolver.same_admin1("LB", "South", "Al Janūb")
    assert resolver.same_admin1("LB", "North", "Ash Shimāl")
    assert resolver.same_admin1("SO", "Banadir", "Banaadir")
    assert not resolver.same_admin1("LB", "North", "Al Janūb")


def test_another_spelling_of_a_division_agrees_and_another_division_does_not() -> None:
    from cronica.eval.places import GoldWordsResolver

    resolver = GoldWordsResolver()
    # ACLED's admin1 on development notes against the name GeoNames gives the division the gold
    # coordinates lie in: accents and letters Unicode does not decompose, the apostrophes of
    # transliterations, an article, doubled letters, another vowel
    same = [
        ("YE", "Sadah", "Şāʻdah"),
        ("SO", "Galgaduud", "Galguduud"),
        ("SO", "Hiraan", "Hiiraan"),
        ("LB", "Nabatiye", "An Nabaţīyah"),
        ("AZ", "Baku", "Bakı"),
        ("SO", "Lower Shabelle", "Shabeellaha Hoose"),
    ]
    for country, gold, got in same:
        assert resolver.same_admin1(country, gold, got), (gold, got)
    # different divisions, however close their names: "Rural Damascus" is not the governorate of
    # Damascus, nor "Lower Shabelle" the middle one; compass words that keys or half the words share
    # ("Eastern" and "Western" differ by a w; "West Darfur" and "East Darfur" share "Darfur")
    other = [
        ("SY", "Rural Damascus", "Dimashq"),
        ("SO", "Lower Shabelle", "Shabeellaha Dhexe"),
        ("SO", "Galgaduud", "Hiiraan"),
        ("RW", "Western", "Eastern"),
        ("SD", "West Darfur", "East Darfur"),
        ("ZW", "Mashonaland East", "Mashonaland West"),
        ("GH", "Upper East", "Upper West"),
        ("KE", "Kiambu", "Nairobi City"),
    ]
    for country, gold, got in other:
        assert not resolver.same_admin1(country, gold, got), (gold, got)
    # a key two divisions share decides nothing: Kyiv city and Kyiv oblast are both "Kyiv"
    assert not resolver.same_admin1("UA", "Kiev City", "Kyivska oblast")
    assert resolver.same_admin1("SD", "West Darfur", "West Darfur")


def test_an_admin1_of_the_same_name_abroad_is_no_right_admin1() -> None:
    from cronica.eval.gold import GoldItem, GoldRecord
    from cronica.eval.places import PlaceGuess, PlaceScorer

    text = "On 2 May 2020, demonstrators gathered in Tripoli against the banks."
    gold = GoldRecord(country_code="LB", admin1="North", location="Tripoli", latitude=34.44, longitude=35.83)
    item = GoldItem(id="t1", text=text, published=None, records=(gold,))
    scorer = PlaceScorer({"LB": "Asia", "LY": "Africa"}, same_admin1=lambda _cc, _gold, _got: True)
    # Libya's Tripoli: its division's name agrees with Lebanon's "North" only by a namesake
    scorer.add(
        item,
        gold,
        gold_words(text, "Tripoli"),
        PlaceGuess("LY", "Ţarābulus", 32.9, 13.2, "Tripoli", "", "LY"),
    )
    scores = scorer.result()["scores"]
    assert scores["place.country"]["correct"] == 0 and scores["place.admin1"]["correct"] == 0


def test_places_on_another_continent_are_counted_and_listed() -> None:
    from cronica.eval.gold import GoldItem, GoldRecord
    from cronica.eval.places import PlaceGuess, PlaceScorer
    from cronica.eval.report import render

    scorer = PlaceScorer({"KE": "Africa", "TZ": "Africa", "FR": "Europe"}, same_admin1=lambda *_a: False)
    guesses = {
        "far": PlaceGuess("FR", "Provence", 43.5, 6.5, "Trans", "a small town abroad", "FR"),
        "near": PlaceGuess("TZ", "Mara", -1.5, 34.0, "Mara", "a namesake next door", "TZ"),
        "none": PlaceGuess(None, None, None, None, None, "unresolved", None),
    }
    for key, guess in guesses.items():
        text = f"On 2 May 2021, herders clashed in Trans Mara ({key})."
        gold = GoldRecord(
            country_code="KE", admin1="Narok", location="Trans Mara", latitude=-1.1, longitude=34.6
        )
        scorer.add(
            GoldItem(id=key, text=text, published=None, records=(gold,)),
            gold,
            gold_words(text, "Trans Mara"),
            guess,
        )
    result = scorer.result()
    # another country of the same continent is no such case; an unresolved place is not counted
    assert result["other_continent"]["count"] == 1 and result["other_continent"]["n"] == 2
    case = result["other_continent"]["cases"][0]
    assert (case["item"], case["got_country"], case["got_continent"], case["continent"]) == (
        "far",
        "FR",
        "Europe",
        "Africa",
    )
    result.update(
        dataset="t",
        format="acled-csv",
        split="all",
        limit=None,
        seconds=0.1,
        path="t.csv",
        gold_sha256="0" * 64,
        cronica_version="0",
    )
    assert "places on another continent than the gold country's: 1 of 2" in render(result)


def test_extract_mode_reports_admin1_word_for_word_and_keyed(build: SimpleNamespace) -> None:
    from cronica.eval import GoldItem, GoldRecord, Scorer
    from cronica.eval.places import same_admin1
    from cronica.resolve import Gazetteer

    gazetteer = Gazetteer.open()
    scorer = Scorer(same_admin1=lambda cc, gold, got: same_admin1(gazetteer, cc, gold, got))
    text = "On 2 May 2020, shelling hit Kafr Nabl in southern Idleb."
    for n, (gold, got) in enumerate([("Idleb", "Idlib"), ("Aleppo", "Aleppo"), ("Hama", "Idlib")]):
        record = GoldRecord(event_type="Explosions/Remote violence", country_code="SY", admin1=gold)
        item = GoldItem(f"i{n}", text, "2020-05-03", (record,))
        place = {"name": "Kafr Nabl", "country_code": "SY", "admin1": got}
        scorer.add(
            item,
            [build.event("Explosions/Remote violence", "Shelling/artillery/missile attack", place=place)],
        )
    scores = scorer.result()["scores"]
    # ACLED's "Idleb" is GeoNames' "Idlib": the same division by the key, not word for word
    assert scores["admin1"]["correct"] == 1
    assert scores["admin1_keyed"]["correct"] == 2
    assert Scorer().result()["scores"].get("admin1_keyed") is None
