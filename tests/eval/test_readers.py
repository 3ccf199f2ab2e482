"""Readers turn each publisher's file into typed gold items, with a stable hash split."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from cronica.errors import DataFileError
from cronica.eval import load_items, split_of
from cronica.eval.acled_csv import iso2_of
from cronica.eval.gold import GoldItem

from .conftest import REPO, TEST_DATA


def test_split_is_a_stable_hash_of_the_id() -> None:
    assert split_of("case2021:1") == split_of("case2021:1")
    parts = Counter(split_of(f"x:{i}") for i in range(1000))
    assert 400 < parts["dev"] < 600


def test_case2021_reads_labels_and_non_acled_negatives(dev_data: Path) -> None:
    path = str(dev_data / "case2021-task2" / "test_set_final_release_with_labels.tsv")
    items = load_items(path, "case2021", split="all", limit=40)
    assert len(items) == 40 and all(i.classify for i in items)
    first = items[0]
    assert first.label == "Explosions/Remote violence / Air/drone strike"
    assert first.records[0].source_label == "AIR_STRIKE"
    covid = items[1]
    assert covid.label is None and covid.records == () and covid.label_source == "NATURAL_DISASTER"
    dev = load_items(path, "case2021", split="dev", limit=10)
    assert all(i.split == "dev" for i in dev)


def test_plover_gsr_reads_category_actors_and_counts(dev_data: Path) -> None:
    items = load_items(str(dev_data / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"), "plover-gsr", split="all")
    assert len(items) == 322  # the DOCUMENT record is file documentation
    agree = next(i for i in items if i.id.endswith("AGREE-0005"))
    rec = agree.records[0]
    assert rec.plover == "AGREE" and rec.actor1 == "Libya" and rec.actor2 == "Great Britain"
    assert rec.span is not None and agree.text[rec.span[0] : rec.span[1]] == "offered to hand over"
    assert sum(1 for i in items if i.records[0].fatalities is not None) >= 10


def test_wikievents_rebuilds_text_so_trigger_spans_hold(dev_data: Path) -> None:
    items = load_items(str(dev_data / "wikievents-dev" / "dev.jsonl"), "wikievents", split="all", limit=5)
    for item in items:
        for rec in item.records:
            assert rec.span is not None
            assert item.text[rec.span[0] : rec.span[1]] == rec.hint
    first = items[0]
    die = first.records[0]
    assert die.source_label == "Life.Die.Unspecified" and die.actor2 == "general" and die.location == "Syria"
    assert any(r.unmapped and r.source_label == "Contact.Contact.Broadcast" for r in first.records)


def _acled(name: str) -> list[GoldItem]:
    return load_items(str(TEST_DATA / name), "acled-csv", split="all")


def test_acled_wide_layout_gives_notes_dates_and_expected_fields() -> None:
    items = {i.id: i for i in _acled("acled_sample.csv")}
    assert len(items) == 10
    cali = items["acled:COL2001"]
    rec = cali.records[0]
    assert cali.text.startswith("On 3 May 2021") and cali.published == "2021-05-06"
    assert (rec.event_type, rec.sub_event_type) == ("Protests", "Excessive force against protesters")
    assert rec.fatalities is not None and rec.fatalities.value == 3
    assert (rec.actor1_inter, rec.actor2_inter, rec.country_code, rec.admin1) == (
        1,
        6,
        "CO",
        "Valle del Cauca",
    )
    assert items["acled:KEN4001"].records[0].date_tolerance_days == 7  # time_precision 2


def test_acled_long_layout_joins_rows_sharing_event_id() -> None:
    items = {i.id: i for i in _acled("acled_sample_long.csv")}
    assert len(items) == 4
    peru = items["acled:PER8001"].records[0]
    assert (peru.actor1_inter, peru.actor2_inter) == (1, 6) and peru.actor2 == "Protesters (Peru)"
    assert items["acled:PER8002"].records[0].actor2_inter is None
    assert items["acled:PER8001"].meta["layout"] == "long"


@pytest.mark.parametrize(
    ("country", "code"),
    [
        # ACLED's spellings where ISO 3166 (pycountry) names the country otherwise
        ("Democratic Republic of Congo", "CD"),
        ("Republic of Congo", "CG"),
        ("Turkey", "TR"),
        ("Palestine", "PS"),
        ("Russia", "RU"),
        ("Ivory Coast", "CI"),
        ("Kosovo", "XK"),
        ("eSwatini", "SZ"),
        ("Syria", "SY"),
        ("Atlantis", None),
    ],
)
def test_acled_country_names_map_to_iso_codes(country: str, code: str | None) -> None:
    assert iso2_of({"country": country}) == code


def test_every_country_of_the_dev_acled_exports_has_a_code(dev_data: Path) -> None:
    unmapped = set()
    for path in sorted((dev_data / "acled-train").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            unmapped |= {row["country"] for row in csv.DictReader(fh) if iso2_of(row) is None}
    assert unmapped == set()


def test_cronica_gold_bolivia_reads_events_statements_and_tallies() -> None:
    (item,) = load_items(str(REPO / "eval" / "gold" / "bolivia.jsonl"), "cronica-gold", split="dev")
    kinds = Counter(r.kind for r in item.records)
    assert kinds == {"event": 5, "statement": 6, "tally": 2}
    senkata = item.records[0]
    assert senkata.date == "2019-11-19" and senkata.fatalities is not None and senkata.fatalities.value == 8
    assert senkata.counts["injured"].qualifier == "more_than"
    assert item.published == "2019-11-20" and "Senkata" in item.text


def test_unknown_format_and_bad_file_are_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("a\tb\n")
    with pytest.raises(DataFileError):
        load_items(str(bad), "case2021")
    with pytest.raises(Exception, match="unknown gold format"):
        load_items(str(bad), "nope")
