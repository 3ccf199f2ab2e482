"""Reading paths: directories, plain text, bad files; errors are yielded and the batch goes on."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

import cronica.ingest
from cronica.errors import (
    BinaryDocumentError,
    EmptyDocumentError,
    EncodingError,
    InputError,
)
from cronica.ingest import read_documents
from cronica.records import Document

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)


def _one(path: Path, **kwargs: object) -> Document | InputError:
    [item] = list(read_documents([path], **kwargs))  # type: ignore[arg-type]
    return item


def test_public_api_is_exactly_all() -> None:
    assert sorted(cronica.ingest.__all__) == [
        "DEFAULT_MAX_BYTES",
        "Repaired",
        "count_documents",
        "document_from_text",
        "parse_published",
        "read_documents",
        "repair_layout",
    ]


def test_txt_file_is_read_and_repaired(tmp_path: Path, bolivia_raw: str) -> None:
    path = tmp_path / "bolivia-2019-11-20.txt"
    path.write_text(bolivia_raw, encoding="utf-8")
    document = _one(path)
    assert isinstance(document, Document)
    assert (document.id, document.source, document.format) == (str(path), str(path), "text")
    assert "under the nearly 14-year reign" in document.text
    assert document.published is None and document.published_source is None


def test_published_flag_sets_date_and_source(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Eight people were killed in El Alto.", encoding="utf-8")
    document = _one(path, published=date(2019, 11, 20))
    assert isinstance(document, Document)
    assert (document.published, document.published_source) == (date(2019, 11, 20), "flag")


def test_directory_is_read_recursively_in_sorted_order_skipping_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    files = {
        "b/deeper/d.txt": "Fourth report.",
        "b/c.md": "Third report.",
        "a.txt": "First report.",
        "b/a.txt": "Second report.",
        ".hidden.txt": "Hidden.",
        "b/.DS_Store": "Hidden.",
        ".git/HEAD": "ref: refs/heads/main",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    documents = list(read_documents([str(tmp_path)]))
    assert [d.text for d in documents if isinstance(d, Document)] == [
        "First report.",
        "Second report.",
        "Third report.",
        "Fourth report.",
    ]
    assert [d.source for d in documents] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "a.txt"),
        str(tmp_path / "b" / "c.md"),
        str(tmp_path / "b" / "deeper" / "d.txt"),
    ]


def test_bad_file_in_a_directory_is_yielded_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First report.", encoding="utf-8")
    (tmp_path / "b.png").write_bytes(PNG)
    (tmp_path / "c.txt").write_text("Third report.", encoding="utf-8")
    items = list(read_documents([tmp_path]))
    assert [type(item) for item in items] == [Document, BinaryDocumentError, Document]


def test_a_single_path_string_is_one_path(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("First report.", encoding="utf-8")
    assert [d.text for d in read_documents(str(path)) if isinstance(d, Document)] == ["First report."]


def test_missing_path_is_an_input_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    error = _one(missing)
    assert type(error) is InputError
    assert str(error) == f"{missing}: no such file or directory"


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n", b"\xef\xbb\xbf\n"])
def test_empty_or_whitespace_file_is_an_empty_document(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    error = _one(path)
    assert isinstance(error, EmptyDocumentError)
    assert str(error) == f"{path}: empty document (no text)"


def test_png_is_a_binary_document(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(PNG)
    error = _one(path)
    assert isinstance(error, BinaryDocumentError)
    assert str(error) == f"{path}: binary file (a PNG image), not a text document"


def test_random_bytes_are_binary_or_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "noise"
    path.write_bytes(random.Random(7).randbytes(4096))
    error = _one(path)
    assert isinstance(error, BinaryDocumentError)
    assert str(error).startswith(f"{path}: binary file")


def test_random_bytes_without_nul_are_an_encoding_error(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(b for b in random.Random(7).randbytes(4096) if b))
    error = _one(path)
    assert isinstance(error, EncodingError)
    assert str(error).startswith(f"{path}: cannot decode: not UTF-8")


def test_latin1_file_is_decoded_correctly(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("La presidenta Jeanine Áñez firmó el decreto en La Paz.".encode("latin-1"))
    document = _one(path)
    assert isinstance(document, Document)
    assert document.text == "La presidenta Jeanine Áñez firmó el decreto en La Paz."


def test_windows_1252_curly_quotes_are_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("The Ombudsman’s Office said “eight people were killed” — in Senkata.".encode("cp1252"))
    document = _one(path)
    assert isinstance(document, Document)
    assert document.text == "The Ombudsman’s Office said “eight people were killed” — in Senkata."


def test_undecodable_bytes_are_an_encoding_error(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"Eight people were killed \x81\x8d\x8f\x90\x9d\x81\x8d in El Alto.")
    error = _one(path)
    assert isinstance(error, EncodingError)
    assert str(error).startswith(f"{path}: cannot decode: not UTF-8 (byte 0x81 at position 25)")


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffEight people were killed in El Alto.".encode())
    document = _one(path)
    assert isinstance(document, Document)
    assert document.text == "Eight people were killed in El Alto."
    assert document.raw_offset(0) == 1


def test_utf16_file_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Jeanine Áñez took power.".encode("utf-16"))
    document = _one(path)
    assert isinstance(document, Document) and document.text == "Jeanine Áñez took power."


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("Eight people were killed. " * 100, encoding="utf-8")
    error = _one(path, max_bytes=1000)
    assert type(error) is InputError
    assert str(error) == f"{path}: file is 2,600 bytes, over the 1,000 bytes limit (max_bytes)"


def test_default_size_limit_is_50_megabytes() -> None:
    assert cronica.ingest.DEFAULT_MAX_BYTES == 50_000_000
