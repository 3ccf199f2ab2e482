"""The store commands end to end: ingest with the real pipeline, events, show, tally, merge, split, export."""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from cronica.store import Store

from .builders import BOLIVIA, REPORTS, corpus

PUBLISHED = {
    "senkata-2019-11-21.txt": "2019-11-21",
    "sacaba-2019-11-16.txt": "2019-11-16",
    "sacaba-2019-11-18.txt": "2019-11-18",
    "la-paz-2019-11-21.txt": "2019-11-21",
}


def cli(argv: Sequence[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run a store command through the parser its modules register (as ``cronica`` does)."""
    from cronica.cli import export_cmd, ingest_cmd, merge_cmd, query_cmd

    parser = argparse.ArgumentParser(prog="cronica")
    sub = parser.add_subparsers()
    for module in (ingest_cmd, merge_cmd, query_cmd, export_cmd):
        module.register(sub)
    args = parser.parse_args(list(argv))
    code = int(args.func(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(db_url: str) -> str:
    with Store(db_url) as store:
        for x in corpus():
            store.add_extraction(x)
        store.merge_auto()
    return db_url


def test_events_as_table_jsonl_and_acled_csv(filled: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(["events", "--db", filled, "--min-fatalities", "1"], capsys)
    assert code == 0
    assert "Sacaba" in out and "Senkata" in out and "La Paz" not in out
    _, out, _ = cli(["events", "--db", filled, "--format", "jsonl", "--country", "Bolivia"], capsys)
    assert len([json.loads(line) for line in out.splitlines()]) == 3
    _, out, _ = cli(["events", "--db", filled, "--format", "csv", "--type", "Peaceful protest"], capsys)
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["location"] == "La Paz" and row["interaction"] == "60"


def test_show_prints_every_report_claim_span_and_merge(
    filled: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = cli(
        ["events", "--db", filled, "--format", "jsonl", "--admin1", "La Paz", "--min-fatalities", "1"], capsys
    )
    event = json.loads(out.splitlines()[0])["id"]
    _, out, _ = cli(["show", event, "--db", filled], capsys)
    assert "killed: acled 8  low 6  best 6  high 10  latest 6" in out
    assert "'ten people had died' -- Residents [senkata-2019-11-21.txt, 2019-11-21]" in out
    assert "bolivia-2019-11-20.txt" in out and "same day (2019-11-19)" in out
    assert "counts.killed" in out


def test_tally_shows_totals_beside_incidents(filled: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(["tally", "--db", filled], capsys)
    assert "2019-11-15  Bolivia  Cochabamba  Sacaba  State forces: killed 9" in out
    assert "at_least 32 since 2019-10-20 as of 2019-11-21" in out
    assert "stored incidents in scope: 17 killed in 2 of 3 events" in out
    _, out, _ = cli(["tally", "--db", filled, "--by", "perpetrator", "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["perpetrator"]: r["killed"] for r in rows} == {"State forces": "17", "Protesters": "0"}


def test_tally_by_month_shows_the_sum_of_incidents_beside_the_latest_running_total(
    filled: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = cli(["tally", "--db", filled, "--by", "month,country", "--country", "BO"], capsys)
    assert "2019-11  Bolivia: killed 17, injured" in out
    assert "latest running total reported (killed): at_least 32 as of 2019-11-21" in out
    assert "sum of incidents above: 17" in out
    _, out, _ = cli(["tally", "--db", filled, "--by", "week", "--format", "jsonl"], capsys)
    weeks = [json.loads(line) for line in out.splitlines() if '"incidents"' in line]
    assert {w["week"]: w["killed"] for w in weeks} == {"2019-W46": 9, "2019-W47": 8}
    assert weeks[-1]["latest_tally"]["killed"]["value"] == 32


def test_split_then_merge_from_the_command_line(filled: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(["events", "--db", filled, "--format", "jsonl", "--admin1", "Cochabamba"], capsys)
    sacaba = json.loads(out)["id"]
    _, out, _ = cli(["split", sacaba, "--db", filled, "--by", "reviewer"], capsys)
    a, b = out.strip().removeprefix("events now: ").split(", ")
    _, out, err = cli(["merge", "--db", filled], capsys)
    assert "merged 0 pairs" in err
    _, out, _ = cli(["merge", a, b, "--db", filled, "--by", "editor", "--reason", "same march"], capsys)
    assert out.strip() == f"merged into event {min(int(a), int(b))}"


def test_export_every_format(filled: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for fmt, name in (
        ("jsonl", "e.jsonl"),
        ("acled-csv", "e.csv"),
        ("geojson", "e.geojson"),
        ("parquet", "e.parquet"),
    ):
        code, _, err = cli(["export", "--db", filled, "--format", fmt, "-o", str(tmp_path / name)], capsys)
        assert code == 0 and (tmp_path / name).stat().st_size > 0
    assert len((tmp_path / "e.jsonl").read_text().splitlines()) == 3
    assert len(json.loads((tmp_path / "e.geojson").read_text())["features"]) == 3
    cli(
        [
            "export",
            "--db",
            filled,
            "--format",
            "jsonl",
            "--include",
            "statements,tallies",
            "--min-fatalities",
            "5",
        ],
        capsys,
    )


def test_ingest_with_the_real_pipeline_merges_senkata(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus_file = tmp_path / "reports.jsonl"
    with corpus_file.open("w", encoding="utf-8") as fh:
        fh.write(
            json.dumps(
                {"id": "bolivia", "text": BOLIVIA.read_text(encoding="utf-8"), "published": "2019-11-20"}
            )
            + "\n"
        )
        for name, day in PUBLISHED.items():
            fh.write(
                json.dumps(
                    {"id": name, "text": (REPORTS / name).read_text(encoding="utf-8"), "published": day}
                )
                + "\n"
            )
        fh.write('{"id": "broken", "text": \n')
    db = str(tmp_path / "e2e.db")
    code, _, err = cli(["ingest", str(corpus_file), "--db", db, "--quiet"], capsys)
    assert code == 1 and "5 documents added" in err and "1 failed" in err  # exit status: 1 failed
    with Store(db) as store:
        first = store.counts()
        senkata = [
            e for e in store.events() if "senkata-2019-11-21.txt" in {s["document"] for s in e["sources"]}
        ]
    assert any(
        {"bolivia", "senkata-2019-11-21.txt"} <= {s["document"] for s in e["sources"]} for e in senkata
    )
    _, out, _ = cli(["errors", "--db", db], capsys)
    assert "reports.jsonl:6" in out
    code, _, err = cli(["ingest", str(corpus_file), "--db", db, "--quiet"], capsys)
    assert "0 documents added" in err and "5 already stored" in err
    with Store(db) as store:
        assert store.counts() == first
