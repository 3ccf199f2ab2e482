"""``cronica eval --mode places``: place resolution scored on its own, split by gold country."""

from __future__ import annotations

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
