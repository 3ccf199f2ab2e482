"""``cronica extract`` as a user runs it: formats, bad input in a batch, exit statuses."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

REPORT = Path(__file__).resolve().parents[1] / "examples" / "bolivia-2019-11-20.txt"


def cronica(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cronica.cli.main", *args], capture_output=True, text=True, timeout=300
    )


def test_bad_files_are_reported_by_name_and_the_rest_of_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Police shot dead two protesters in Dhaka on Monday.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    (tmp_path / "corpus.jsonl").write_text(
        '{"id": "a1", "text": "Troops arrested 40 students in Yangon on Friday.", '
        '"published": "2021-03-12"}\n'
        "{not json\n"
        '{"id": "a3", "published": "2021-02-30", "text": "A march took place in Lima."}\n',
        encoding="utf-8",
    )
    result = cronica("extract", str(tmp_path), "--published", "2021-03-10", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    documents = {r["document"] for r in records}
    assert str(good) in documents and "a1" in documents
    for name in ("empty.txt", "binary.txt", "broken.pdf"):
        assert name in result.stderr
    assert "corpus.jsonl:2" in result.stderr
    assert "skipped" in result.stderr


def test_exit_status_is_non_zero_only_when_nothing_could_be_read(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = cronica("extract", str(tmp_path / "empty.txt"))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "no document could be read" in result.stderr
    missing = cronica("extract", str(tmp_path / "nope.txt"))
    assert missing.returncode == 1 and "nope.txt" in missing.stderr


def test_impossible_publication_date_is_a_clear_error() -> None:
    result = cronica("extract", str(REPORT), "--published", "2019-13-45")
    assert result.returncode == 1
    assert "--published" in result.stderr and "Traceback" not in result.stderr


def test_acled_csv_has_acleds_columns_and_one_row_per_event() -> None:
    result = cronica("extract", str(REPORT), "--published", "2019-11-20", "--format", "acled-csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {"event_id_cnty", "event_date", "sub_event_type", "inter1", "fatalities"} <= set(rows[0])
    senkata = [r for r in rows if r["event_date"] == "2019-11-19" and r["event_type"] == "Protests"]
    assert senkata and senkata[0]["fatalities"] == "8" and senkata[0]["iso"] == "68"


def test_table_view_shows_events_statements_and_tallies() -> None:
    result = cronica("extract", str(REPORT), "--published", "2019-11-20")
    assert result.returncode == 0, result.stderr
    assert "EVENT" in result.stdout and "SAID" in result.stdout and "TALLY" in result.stdout
    assert "Excessive force against protesters" in result.stdout


def test_country_hint_places_an_event_whose_text_names_no_country(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Residents of Njirugu blocked the road and burnt tyres on Monday.", encoding="utf-8")
    plain = cronica("extract", str(note), "--published", "2019-10-30", "--format", "jsonl", "--workers", "1")
    hinted = cronica(
        "extract",
        str(note),
        "--published",
        "2019-10-30",
        "--format",
        "jsonl",
        "--workers",
        "1",
        "--country",
        "Kenya",
    )
    assert plain.returncode == 0 and hinted.returncode == 0, hinted.stderr
    before = [json.loads(line) for line in plain.stdout.splitlines()]
    after = [json.loads(line) for line in hinted.stdout.splitlines()]
    assert before and after
    assert before[0]["location"]["country_code"] is None
    assert after[0]["location"]["country_code"] == "KE"


def test_a_country_hint_that_is_no_country_is_refused_by_name(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Protesters marched in Nairobi on Monday.", encoding="utf-8")
    result = cronica("extract", str(note), "--country", "Narnia")
    assert result.returncode != 0
    assert "Narnia" in result.stderr


def test_a_note_that_names_no_country_is_placed_in_the_country_most_of_the_input_states(
    tmp_path: Path,
) -> None:
    lines = [
        {"id": f"k{n}", "published": "2021-06-10", "text": text}
        for n, text in enumerate(
            [
                "Police in Kisumu county dispersed traders protesting against new levies on Monday.",
                "Kenyan police arrested four suspects in Eldoret on Tuesday.",
                "Residents of Garissa county blocked a road over insecurity on Wednesday.",
                "Riders protested in Nakuru county on Thursday after a colleague was killed.",
                "Teachers marched in Nairobi, Kenya, on Friday demanding their arrears.",
                "Herders clashed over pasture in Marsabit county on Saturday; two people were injured.",
            ]
        )
    ]
    lines.append(
        {
            "id": "note",
            "published": "2021-06-10",
            "text": "On 7 June, traders blocked the main road in Capannori to protest against new levies.",
        }
    )
    corpus = tmp_path / "batch.jsonl"
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")

    def note_country(*flags: str) -> set[str]:
        result = cronica("extract", str(corpus), "--format", "jsonl", "--quiet", *flags)
        assert result.returncode == 0, result.stderr
        records = [json.loads(line) for line in result.stdout.splitlines()]
        return {
            r["location"]["country_code"] for r in records if r["document"] == "note" and r["kind"] == "event"
        }

    assert note_country() == {"KE"}
    assert note_country("--no-corpus-prior") == {"IT"}
