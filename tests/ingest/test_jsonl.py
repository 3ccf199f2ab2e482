"""JSON Lines corpora: good lines become documents, bad lines become errors naming file and line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cronica.errors import DateError, EmptyDocumentError, EncodingError, InputError, MalformedDocumentError
from cronica.ingest import read_documents
from cronica.records import Document

GOOD = {
    "id": 17,
    "text": "Eight people were killed in El Alto.\n\nMore than 30 others were injured.",
    "title": "Senkata",
    "url": "https://example.org/senkata",
    "published": "2019-11-20",
    "outlet": "The Andes Observer",
    "language": "en",
}


def _corpus(tmp_path: Path, lines: list[bytes | str]) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b"\n".join(line if isinstance(line, bytes) else line.encode() for line in lines) + b"\n")
    return path


def test_jsonl_line_becomes_a_document_with_its_metadata(tmp_path: Path) -> None:
    path = _corpus(tmp_path, [json.dumps(GOOD)])
    [document] = list(read_documents([path]))
    assert isinstance(document, Document)
    assert document.id == "17"
    assert document.source == str(path)
    assert document.format == "jsonl"
    assert document.text == GOOD["text"]
    assert (document.title, document.url, document.outlet, document.language) == (
        "Senkata",
        "https://example.org/senkata",
        "The Andes Observer",
        "en",
    )
    assert (document.published, document.published_source) == (date(2019, 11, 20), "jsonl")


def test_jsonl_text_gets_layout_repair(tmp_path: Path, bolivia_raw: str) -> None:
    path = _corpus(tmp_path, [json.dumps({"id": "bolivia", "text": bolivia_raw})])
    [document] = list(read_documents([path]))
    assert isinstance(document, Document)
    assert "under the nearly 14-year reign" in document.text


def test_jsonl_line_without_id_is_named_by_file_and_line(tmp_path: Path) -> None:
    path = _corpus(tmp_path, [json.dumps(GOOD), json.dumps({"text": "Two more have died since."})])
    documents = list(read_documents([path]))
    assert isinstance(documents[1], Document)
    assert documents[1].id == f"{path}:2"


@pytest.mark.parametrize(
    ("line", "error_type", "problem"),
    [
        ('{"id": 2, "text": "unterminated', MalformedDocumentError, "not valid JSON"),
        ('["a", "list"]', MalformedDocumentError, "expected a JSON object, got list"),
        ('{"id": 2, "title": "no text"}', MalformedDocumentError, 'no "text" field'),
        ('{"id": 2, "text": 42}', MalformedDocumentError, '"text" must be a string'),
        ('{"id": 2, "text": "   "}', EmptyDocumentError, "empty document"),
        ('{"id": 2, "text": "Killed.", "published": "2019-13-45"}', DateError, "impossible publication date"),
        (b'{"id": 2, "text": "\xc1\xf1ez"}', EncodingError, "not UTF-8"),
    ],
)
def test_bad_jsonl_line_is_an_error_naming_file_and_line_and_the_others_go_on(
    tmp_path: Path, line: str | bytes, error_type: type[InputError], problem: str
) -> None:
    path = _corpus(tmp_path, [json.dumps(GOOD), line, "", json.dumps({**GOOD, "id": 3})])
    items = list(read_documents([path]))
    assert [type(item) for item in items] == [Document, error_type, Document]
    error = items[1]
    assert isinstance(error, InputError)
    assert error.line == 2
    assert str(error).startswith(f"{path}:2: ")
    assert problem in str(error)
    assert isinstance(items[2], Document) and items[2].id == "3"


def test_jsonl_line_over_the_size_limit_is_refused_and_the_next_line_read(tmp_path: Path) -> None:
    path = _corpus(tmp_path, [json.dumps({"id": 1, "text": "x" * 5000}), json.dumps(GOOD)])
    items = list(read_documents([path], max_bytes=1000))
    assert isinstance(items[0], MalformedDocumentError)
    assert str(items[0]).startswith(f"{path}:1: line is longer than the 1,000-byte limit")
    assert isinstance(items[1], Document) and items[1].id == "17"


def test_ndjson_extension_is_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "corpus.ndjson"
    path.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    [document] = list(read_documents([path]))
    assert isinstance(document, Document) and document.format == "jsonl"
