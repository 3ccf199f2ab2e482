"""``document_from_text``: the entry point of ``cronica.extract(text, published=...)``."""

from __future__ import annotations

from datetime import date

import pytest

from cronica.errors import DateError, EmptyDocumentError
from cronica.ingest import document_from_text, repair_layout


def test_text_gets_the_same_layout_repair_as_files(bolivia_raw: str) -> None:
    document = document_from_text(bolivia_raw, id="bolivia", published="2019-11-20")
    assert document.text == repair_layout(bolivia_raw).text
    assert (document.id, document.source, document.format) == ("bolivia", "bolivia", "text")
    assert (document.published, document.published_source) == (date(2019, 11, 20), "flag")


def test_text_metadata_is_kept() -> None:
    document = document_from_text(
        "Eight people were killed.", title="Senkata", url="https://example.org/s", outlet="Observer"
    )
    assert (document.id, document.title, document.url, document.outlet) == (
        "<text>",
        "Senkata",
        "https://example.org/s",
        "Observer",
    )
    assert document.published is None and document.published_source is None


def test_blank_text_is_an_empty_document() -> None:
    with pytest.raises(EmptyDocumentError, match=r"^<text>: empty document"):
        document_from_text(" \n\n ")


def test_impossible_published_string_is_a_date_error() -> None:
    with pytest.raises(DateError, match=r"^report-1: impossible publication date '2019-13-45'"):
        document_from_text("Eight people were killed.", id="report-1", published="2019-13-45")


def test_mojibake_from_a_scraped_corpus_is_repaired() -> None:
    from cronica.ingest import document_from_text

    doc = document_from_text("the vhp wanted the â€˜pujaâ€™ at ayodhya, said the bjpâ€™s allies.")
    assert "‘puja’" in doc.text and "bjp’s" in doc.text


def test_clean_text_with_accents_is_left_alone() -> None:
    from cronica.ingest import document_from_text

    text = "Jeanine Áñez was “sworn in” — Huayllani, Cochabamba."
    assert document_from_text(text).text == text
