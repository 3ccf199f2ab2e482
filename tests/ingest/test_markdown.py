"""Markdown files with YAML front matter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cronica.errors import DateError, InputError, MalformedDocumentError
from cronica.ingest import read_documents
from cronica.records import Document

FRONT_MATTER = """---
title: Protests continue across Bolivia as the MAS submits to coup
date: 2019-11-20
author: Bill Van Auken
outlet: World Socialist Web Site
url: https://www.wsws.org/en/articles/2019/11/20/boli-n20.html
---
"""


def _read(tmp_path: Path, content: str, **kwargs: object) -> Document | InputError:
    path = tmp_path / "report.md"
    path.write_text(content, encoding="utf-8")
    [item] = list(read_documents([path], **kwargs))  # type: ignore[arg-type]
    return item


def test_markdown_front_matter_gives_metadata_and_date(tmp_path: Path, bolivia_raw: str) -> None:
    document = _read(tmp_path, FRONT_MATTER + bolivia_raw)
    assert isinstance(document, Document)
    assert document.format == "markdown"
    assert document.title == "Protests continue across Bolivia as the MAS submits to coup"
    assert document.author == "Bill Van Auken"
    assert document.outlet == "World Socialist Web Site"
    assert document.url == "https://www.wsws.org/en/articles/2019/11/20/boli-n20.html"
    assert (document.published, document.published_source) == (date(2019, 11, 20), "front-matter")


def test_markdown_body_is_repaired_and_offsets_count_the_front_matter(
    tmp_path: Path, bolivia_raw: str
) -> None:
    content = FRONT_MATTER + bolivia_raw
    document = _read(tmp_path, content)
    assert isinstance(document, Document)
    assert "---" not in document.text and "title:" not in document.text
    assert "under the nearly 14-year reign" in document.text
    at = document.text.index("eight people were killed")
    assert content[document.raw_offset(at) :].startswith("eight people were killed")
    assert content[document.raw_offset(0) :].startswith("Protests continue")


def test_markdown_flag_overrides_front_matter_date(tmp_path: Path) -> None:
    document = _read(tmp_path, FRONT_MATTER + "Eight people were killed.\n", published=date(2019, 11, 21))
    assert isinstance(document, Document)
    assert (document.published, document.published_source) == (date(2019, 11, 21), "flag")


def test_markdown_without_front_matter_is_plain_markdown(tmp_path: Path) -> None:
    document = _read(tmp_path, "# Senkata\n\nEight people were killed in El Alto.\n")
    assert isinstance(document, Document)
    assert document.text == "# Senkata\n\nEight people were killed in El Alto.\n"
    assert document.published is None and document.title is None


def test_markdown_impossible_front_matter_date_is_a_date_error(tmp_path: Path) -> None:
    error = _read(tmp_path, "---\ntitle: x\ndate: 2019-13-45\n---\nEight people were killed.\n")
    assert isinstance(error, DateError)
    assert (
        str(error)
        == f"{tmp_path / 'report.md'}: impossible publication date '2019-13-45' in the front-matter"
    )


def test_markdown_front_matter_that_is_not_a_mapping_is_malformed(tmp_path: Path) -> None:
    error = _read(tmp_path, "---\n- just\n- a list\n---\nEight people were killed.\n")
    assert isinstance(error, MalformedDocumentError)
    assert str(tmp_path / "report.md") in str(error) and "front matter" in str(error)


def test_markdown_front_matter_with_broken_yaml_is_malformed(tmp_path: Path) -> None:
    error = _read(tmp_path, '---\ntitle: "unclosed\n---\nEight people were killed.\n')
    assert isinstance(error, MalformedDocumentError)
    assert "front matter is not valid YAML" in str(error)
