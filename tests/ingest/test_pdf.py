"""PDFs: the Bolivia report printed with a running header, page numbers and words broken across lines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from cronica.errors import EmptyDocumentError, MalformedDocumentError
from cronica.ingest import read_documents, repair_layout
from cronica.records import Document

from .conftest import HEADER
from .helpers import sentence_with, squash


def _read_one(path: Path, published: date | None = None) -> Document:
    [item] = list(read_documents([path], published=published))
    assert isinstance(item, Document), item
    return item


@pytest.fixture(scope="module")
def pdf_document(tmp_path_factory: pytest.TempPathFactory, bolivia_pdf: bytes) -> Document:
    path = tmp_path_factory.mktemp("pdf") / "bolivia.pdf"
    path.write_bytes(bolivia_pdf)
    return _read_one(path)


def test_pdf_text_equals_repaired_text_of_the_extracted_txt(pdf_document: Document, bolivia_raw: str) -> None:
    assert pdf_document.format == "pdf"
    assert squash(pdf_document.text) == squash(repair_layout(bolivia_raw).text)


def test_pdf_killing_sentence_is_not_split(pdf_document: Document) -> None:
    sentence = sentence_with(pdf_document.text, "eight people were killed")
    assert "eight people were killed in a military-police operation" in sentence
    assert "gas plant in El Alto." in sentence


def test_pdf_line_end_hyphen_after_digit_is_kept(pdf_document: Document) -> None:
    assert "under the nearly 14-year reign" in pdf_document.text


def test_pdf_word_hyphenated_across_page_break_is_joined(pdf_document: Document) -> None:
    assert "working class that assimilates the history" in pdf_document.text
    assert "assimi-" not in pdf_document.text


def test_pdf_running_header_and_page_numbers_are_removed(pdf_document: Document) -> None:
    assert HEADER not in pdf_document.text
    assert "wsws.org" not in pdf_document.text
    for paragraph in pdf_document.text.split("\n"):
        assert not paragraph.strip().isdigit()


def test_pdf_metadata_gives_title_author_and_publication_date(pdf_document: Document) -> None:
    assert pdf_document.title == "Protests continue across Bolivia as the MAS submits to coup"
    assert pdf_document.author == "Bill Van Auken"
    assert pdf_document.published == date(2019, 11, 20)
    assert pdf_document.published_source == "pdf-metadata"


def test_pdf_published_flag_overrides_metadata(tmp_path: Path, bolivia_pdf: bytes) -> None:
    path = tmp_path / "bolivia.pdf"
    path.write_bytes(bolivia_pdf)
    document = _read_one(path, published=date(2019, 11, 21))
    assert (document.published, document.published_source) == (date(2019, 11, 21), "flag")


def test_pdf_raw_offsets_point_into_the_extracted_pages(pdf_document: Document) -> None:
    start = pdf_document.text.index("assimilates")
    assert pdf_document.raw_offset(start) > start  # header lines and page numbers came before it


def test_truncated_pdf_is_malformed(tmp_path: Path, bolivia_pdf: bytes) -> None:
    path = tmp_path / "truncated.pdf"
    path.write_bytes(bolivia_pdf[: len(bolivia_pdf) // 2])
    [error] = list(read_documents([path]))
    assert isinstance(error, MalformedDocumentError)
    assert str(path) in str(error) and "truncated" in str(error)


def test_garbage_pdf_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nthis is not a pdf body\n%%EOF\n")
    [error] = list(read_documents([path]))
    assert isinstance(error, MalformedDocumentError)
    assert str(error).startswith(f"{path}: cannot read the PDF")


def test_pdf_without_text_layer_is_empty(tmp_path: Path, make_pdf: Callable[..., bytes]) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[], []], header=None, page_numbers=False))
    [error] = list(read_documents([path]))
    assert isinstance(error, EmptyDocumentError)
    assert str(error) == f"{path}: PDF has no text layer (a scanned image? cronica does no OCR)"


def _event_keys(extraction: object) -> list[tuple[object, ...]]:
    return sorted(
        (e.event_type, e.sub_event_type, e.date.value, e.location.name, e.fatalities)  # type: ignore[attr-defined]
        for e in extraction.events  # type: ignore[attr-defined]
    )


def test_pdf_of_the_report_gives_the_same_events_as_the_text(pdf_document: Document) -> None:
    from cronica.pipeline import Pipeline

    pipeline = Pipeline()
    published = date(2019, 11, 20)
    [text_document] = list(
        read_documents(
            [Path(__file__).resolve().parents[2] / "examples" / "bolivia-2019-11-20.txt"], published=published
        )
    )
    assert isinstance(text_document, Document)
    from dataclasses import replace

    from_pdf = pipeline.extract_document(replace(pdf_document, published=published))
    from_text = pipeline.extract_document(text_document)
    assert _event_keys(from_pdf) == _event_keys(from_text)
    assert len(from_pdf.events) >= 5
    assert sorted(t.value for t in from_pdf.tallies) == sorted(t.value for t in from_text.tallies)
