"""The fresh ACLED rows (``eval/fresh/acled-fresh.csv``) keep reading, and keep out the held-out countries."""

from __future__ import annotations

import csv

from cronica.eval import load_items

from .conftest import REPO

FRESH = REPO / "eval" / "fresh" / "acled-fresh.csv"
ROWS = 113
#: The project owner's hidden test countries: Bangladesh, Burkina Faso, and Latin America and the Caribbean.
HELD_OUT = frozenset(
    "BD BF BO AR BR CL CO CR CU DO EC SV GT HT HN JM MX NI PA PY PE PR UY VE BZ GY SR GF TT BS BB AG DM "
    "GD KN LC VC AI AW BQ CW SX KY TC VG VI MS BL MF GP MQ FK".split()
)
HELD_OUT_REGIONS = ("South America", "Central America", "Caribbean")


def test_fresh_acled_file_reads_every_row() -> None:
    items = load_items(str(FRESH), "acled-csv", split="all")
    assert len(items) == ROWS
    assert all(item.text and item.records[0].event_type and item.records[0].sub_event_type for item in items)


def test_fresh_acled_file_holds_no_held_out_country() -> None:
    items = load_items(str(FRESH), "acled-csv", split="all")
    codes = {item.records[0].country_code for item in items}
    assert None not in codes and not codes & HELD_OUT
    with open(FRESH, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert not {row["region"] for row in rows} & set(HELD_OUT_REGIONS)
    assert not {row["country"] for row in rows} & {"Bangladesh", "Burkina Faso", "Bolivia"}
