"""read_or_error: one record's document, its InputError, or a ReaderCrashError for a reader's bug."""

from __future__ import annotations

import pytest

from cronica.errors import EncodingError, ReaderCrashError, read_or_error


def _crash() -> str:
    raise KeyError("text")


def _bad_encoding() -> str:
    raise EncodingError("notes.jsonl", "line is not UTF-8 (byte 0xff)", 7)


def test_a_record_that_reads_is_returned() -> None:
    assert read_or_error(lambda: "a document", "notes.jsonl", 3) == "a document"


def test_an_input_error_is_returned_as_it_was_raised() -> None:
    error = read_or_error(_bad_encoding, "notes.jsonl", 7)
    assert isinstance(error, EncodingError)
    assert "0xff" in str(error)


@pytest.mark.parametrize("line", [None, 12])
def test_any_other_exception_is_a_reader_crash_naming_file_and_line(line: int | None) -> None:
    error = read_or_error(_crash, "table.csv", line)
    assert isinstance(error, ReaderCrashError)
    assert error.source == "table.csv"
    assert error.line == line
    assert isinstance(error.__cause__, KeyError)
    assert "KeyError" in str(error)
