"""HTML pages: article text through trafilatura, publication date through htmldate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cronica.errors import EmptyDocumentError, InputError, MalformedDocumentError
from cronica.ingest import read_documents
from cronica.records import Document

ARTICLE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Eight killed as troops break up Senkata blockade | The Andes Observer</title>
<meta property="og:title" content="Eight killed as troops break up Senkata blockade">
<meta property="og:site_name" content="The Andes Observer">
<meta property="og:url" content="https://andes-observer.example/2019/11/20/senkata">
<meta property="article:published_time" content="2019-11-20T08:30:00-04:00">
<meta name="author" content="Ana Quispe">
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe for €1</a></li></ul></nav></header>
<main><article>
<h1>Eight killed as troops break up Senkata blockade</h1>
<p class="byline">By Ana Quispe</p>
<p>The Bolivian Ombudsman’s Office reported last night that eight people were killed in a military-police
operation to break up a siege that anti-coup demonstrators had mounted around the Senkata state-owned gas
plant in El Alto.</p>
<p>More than 30 others were injured, many from gunfire. However, after the police escorted 40 gasoline
trucks out of the facility, the demonstrators bravely blockaded it again.</p>
<p>The latest killings have brought the total number of the coup’s victims to at least 32.</p>
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Copa América fixtures announced</a></li></ul></aside>
<footer><p>© 2024 The Andes Observer. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""


def _read(tmp_path: Path, html: str, name: str = "senkata.html", **kwargs: object) -> Document | InputError:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    [item] = list(read_documents([path], **kwargs))  # type: ignore[arg-type]
    return item


def test_html_article_text_without_navigation_or_footer(tmp_path: Path) -> None:
    document = _read(tmp_path, ARTICLE)
    assert isinstance(document, Document)
    assert document.format == "html"
    assert "eight people were killed in a military-police operation" in " ".join(document.text.split())
    assert "More than 30 others were injured, many from gunfire." in document.text
    for boilerplate in ("Subscribe", "Privacy policy", "All rights reserved", "Most read"):
        assert boilerplate not in document.text


def test_html_publication_date_from_article_published_time(tmp_path: Path) -> None:
    document = _read(tmp_path, ARTICLE)
    assert isinstance(document, Document)
    assert document.published == date(2019, 11, 20)
    assert document.published_source == "html-metadata"


def test_html_metadata_title_url_outlet_author_language(tmp_path: Path) -> None:
    document = _read(tmp_path, ARTICLE)
    assert isinstance(document, Document)
    assert document.title == "Eight killed as troops break up Senkata blockade"
    assert document.url == "https://andes-observer.example/2019/11/20/senkata"
    assert document.outlet == "The Andes Observer"
    assert document.author == "Ana Quispe"
    assert document.language == "en"
    assert document.id == document.source == str(tmp_path / "senkata.html")


def test_html_published_flag_overrides_page_date(tmp_path: Path) -> None:
    document = _read(tmp_path, ARTICLE, published=date(2019, 11, 21))
    assert isinstance(document, Document)
    assert (document.published, document.published_source) == (date(2019, 11, 21), "flag")


def test_html_without_date_metadata_has_no_publication_date(tmp_path: Path) -> None:
    page = ARTICLE.replace('<meta property="article:published_time" content="2019-11-20T08:30:00-04:00">', "")
    page = page.replace("/2019/11/20/", "/world/")
    document = _read(tmp_path, page)
    assert isinstance(document, Document)
    assert document.published is None and document.published_source is None


def test_broken_html_with_unclosed_tags_recovers_the_text(tmp_path: Path) -> None:
    page = (
        "<html><body><div><p>Eight people were killed in El Alto on Tuesday when soldiers opened fire"
        "<p>More than 30 others were <b>injured, many from gunfire.<div><span>"
    )
    document = _read(tmp_path, page, name="broken.htm")
    assert isinstance(document, Document)
    assert "Eight people were killed in El Alto" in document.text
    assert "many from gunfire." in document.text


def test_html_without_article_text_is_an_empty_document(tmp_path: Path) -> None:
    page = "<html><head><title>x</title><script>var a = 1;</script></head><body><nav></nav></body></html>"
    error = _read(tmp_path, page, name="nav.html")
    assert isinstance(error, EmptyDocumentError | MalformedDocumentError)
    assert str(error).startswith(str(tmp_path / "nav.html"))
    assert "no article text" in str(error)


def test_html_file_without_extension_is_sniffed(tmp_path: Path) -> None:
    document = _read(tmp_path, ARTICLE, name="senkata")
    assert isinstance(document, Document)
    assert document.format == "html"
