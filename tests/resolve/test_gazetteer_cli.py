"""``cronica gazetteer``: import and add through the command line, bad rows on stderr, exit 0."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from cronica.cli import gazetteer_cmd

from .conftest import DATA


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="cronica")
    gazetteer_cmd.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_import_command_reports_rows_and_skips_bad_rows(
    empty_index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = _run(["gazetteer", "--index", str(empty_index), "import", "--no-progress", str(DATA / "XX.txt")])
    out, err = capsys.readouterr()
    assert status == 0
    assert "10 rows, 3 bad rows skipped" in out
    assert "XX.txt:12: bad coordinates" in err


def test_add_and_lookup_commands(
    empty_index: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = tmp_path / "mine.csv"
    csv_path.write_text(
        "name,alternate_names,latitude,longitude,country_code,admin1,admin2,parent\nSenkata,,-16.56,-68.18,BO,,,\n"
    )
    assert _run(["gazetteer", "--index", str(empty_index), "add", str(csv_path)]) == 0
    assert _run(["gazetteer", "--index", str(empty_index), "lookup", "senkata"]) == 0
    out = capsys.readouterr().out
    assert "1 places added" in out and "user:" in out
