"""JSON files and spreadsheets of reports: a document a record or row, a clear error for a bad one."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from cronica.errors import (
    BinaryDocumentError,
    DateError,
    EmptyDocumentError,
    InputError,
    MalformedDocumentError,
)
from cronica.ingest import count_documents, read_documents
from cronica.ingest.dates import parse_published
from cronica.records import Document

REPORTS = [
    {"id": "r1", "text": "Police fired tear gas at students marching in Accra.", "published": "2021-03-02"},
    {"id": 7, "text": "Gunmen killed four farmers near Jos on Sunday.", "title": "Attack"},
]


def _read(path: Path) -> list[Document | InputError]:
    return list(read_documents(path))


def test_a_json_list_is_one_document_a_record(tmp_path: Path) -> None:
    path = tmp_path / "reports.json"
    path.write_text(json.dumps(REPORTS), encoding="utf-8")
    first, second = _read(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.id, first.published, first.format) == ("r1", date(2021, 3, 2), "json")
    assert (second.id, second.title) == ("7", "Attack")
    assert second.text.startswith("Gunmen killed four farmers")


@pytest.mark.parametrize("key", ["documents", "data", "results"])
def test_a_json_object_holding_the_list_or_one_document(tmp_path: Path, key: str) -> None:
    path = tmp_path / "wrapped.json"
    path.write_text(json.dumps({"count": 2, key: REPORTS}), encoding="utf-8")
    assert [d.id for d in _read(path) if isinstance(d, Document)] == ["r1", "7"]
    single = tmp_path / "one.json"
    single.write_text(json.dumps(REPORTS[0]), encoding="utf-8")
    assert [d.id for d in _read(single) if isinstance(d, Document)] == ["r1"]


def test_truncated_json_is_an_error_naming_the_file_and_where_it_breaks(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text('[{"id": 1, "text": "Protest in Accra"},\n {"id": 2, "te', encoding="utf-8")
    (error,) = _read(path)
    assert isinstance(error, MalformedDocumentError)
    assert str(path) in str(error) and "not valid JSON" in str(error) and "line 2" in str(error)


def test_json_of_another_shape_says_what_it_found(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text(json.dumps({"name": "x", "version": 2}), encoding="utf-8")
    (error,) = _read(path)
    assert isinstance(error, MalformedDocumentError)
    assert "['name', 'version']" in str(error)
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    assert isinstance(_read(empty)[0], EmptyDocumentError)


def test_a_bad_record_is_reported_and_the_others_go_on(tmp_path: Path) -> None:
    path = tmp_path / "mixed.json"
    records = [REPORTS[0], "just a string", {"id": "x", "text": 5}, {"text": "ok", "published": "31-31-2020"}]
    path.write_text(json.dumps([*records, REPORTS[1]]), encoding="utf-8")
    items = _read(path)
    assert [type(i).__name__ for i in items] == [
        "Document",
        "MalformedDocumentError",
        "MalformedDocumentError",
        "DateError",
        "Document",
    ]
    assert str(items[1]).startswith(f"{path}:2:")


def test_a_spreadsheet_is_one_document_a_row(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    path.write_text(
        "ID,Date,Title,Text\n"
        'a1,2020-05-04,Strike,"Dock workers struck in Mombasa, demanding back pay."\n'
        ",,,\n"
        ',16.02.2021,,"Villagers blocked the road\nto the mine at Obuasi."\n',
        encoding="utf-8",
    )
    first, second = _read(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.id, first.published, first.title) == ("a1", date(2020, 5, 4), "Strike")
    assert (second.id, second.published) == (f"{path}:4", date(2021, 2, 16))  # its row's first line
    assert "Obuasi" in second.text
    assert count_documents(path) == 5  # lines, for the progress bar


def test_an_acled_export_reads_notes_with_event_dates(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(
        "event_id_cnty,event_date,year,event_type,notes\n"
        'DRC1234,16-Feb-21,2021,Riots,"On 16 February 2021, rioters burned tyres in Goma."\n'
        'DRC1235,not a date,2021,Riots,"Rioters blocked a road in Beni."\n',
        encoding="utf-8",
    )
    good, bad = _read(path)
    assert isinstance(good, Document) and (good.id, good.published) == ("DRC1234", date(2021, 2, 16))
    assert isinstance(bad, DateError) and f"{path}:3" in str(bad)


def test_a_tsv_and_a_spreadsheet_without_a_text_column(tmp_path: Path) -> None:
    tsv = tmp_path / "reports.tsv"
    tsv.write_text("id\tbody\nt1\tStudents marched in Lagos.\n", encoding="utf-8")
    (doc,) = _read(tsv)
    assert isinstance(doc, Document) and doc.text == "Students marched in Lagos."
    numbers = tmp_path / "numbers.csv"
    numbers.write_text("country,deaths\nKenya,3\n", encoding="utf-8")
    (error,) = _read(numbers)
    assert isinstance(error, MalformedDocumentError)
    assert "no text column" in str(error) and "country, deaths" in str(error)


def test_binary_data_named_csv_is_a_binary_document(tmp_path: Path) -> None:
    path = tmp_path / "fake.csv"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)))
    assert isinstance(_read(path)[0], BinaryDocumentError)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("16-Feb-21", date(2021, 2, 16)),
        ("31-12-19", date(2019, 12, 31)),
        ("16.02.2021", date(2021, 2, 16)),
        ("20210216", date(2021, 2, 16)),
    ],
)
def test_day_first_dates_as_spreadsheets_write_them(value: str, expected: date) -> None:
    assert parse_published(value, "x") == expected


@pytest.mark.parametrize("value", ["5 May", "May 2020", "31-31-2020", "2021", "soon", "03/04/2020"])
def test_incomplete_or_impossible_dates_are_refused_never_filled_from_today(value: str) -> None:
    with pytest.raises(DateError):
        parse_published(value, "x")


def test_cli_ingests_a_spreadsheet_and_reports_a_broken_json(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.csv").write_text(
        'id,text\nk1,"Police shot dead two protesters in Kisumu on 5 June 2021, residents said."\n',
        encoding="utf-8",
    )
    (tmp_path / "in" / "b.json").write_text('{"id": 1, "text": "Protest in Accra", ', encoding="utf-8")
    db = tmp_path / "c.db"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "cronica.cli.main",
            "ingest",
            "--db",
            str(db),
            "--quiet",
            "--workers",
            "1",
            str(tmp_path / "in"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 1, out  # some documents failed: the exit status says so
    assert "1 documents added (1 events" in out
    assert "b.json" in out and "not valid JSON" in out
