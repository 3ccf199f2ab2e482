"""HTML pages.

In: the decoded page. Out: a :class:`~cronica.records.Document` (``format`` ``html``) whose raw text is
the article text trafilatura extracts (navigation, footers and other boilerplate dropped; one block
element a line), with ``title``, ``url``, ``outlet`` (site name) and ``author`` from the page metadata,
``language`` from ``<html lang>``, and the publication date htmldate finds in the markup (meta tags such as
``article:published_time``, ``<time>`` elements, the URL); htmldate's search of the visible text for
any date-like string is off, so a copyright year never becomes the publication date.
Fails with :class:`~cronica.errors.EmptyDocumentError` when the page holds no article text and
:class:`~cronica.errors.MalformedDocumentError` when it cannot be parsed at all.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from cronica.errors import EmptyDocumentError, MalformedDocumentError
from cronica.ingest.document import build_document, choose_published
from cronica.records import Document

_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)", re.I)


def read_html(page: str, source: str, published: date | None) -> Document:
    """An HTML page's ``Document``."""
    import htmldate
    import trafilatura

    try:
        text = trafilatura.extract(page, include_comments=False, include_tables=True)
        if not text:
            text = trafilatura.extract(page, include_comments=False, include_tables=True, favor_recall=True)
        metadata: Any = trafilatura.extract_metadata(page)
        found = None if published else htmldate.find_date(page, extensive_search=False, original_date=True)
    except (ValueError, TypeError, AttributeError, LookupError) as exc:
        raise MalformedDocumentError(
            source, f"cannot parse the HTML page ({type(exc).__name__}: {exc})"
        ) from None
    if not text or not text.strip():
        raise EmptyDocumentError(
            source, "no article text found in the HTML page (only markup or boilerplate)"
        )
    day, day_source = choose_published(published, found, "html-metadata", source)
    language = _LANG.search(page[:4096])
    return build_document(
        text,
        id=source,
        source=source,
        format="html",
        published=day,
        published_source=day_source,
        title=getattr(metadata, "title", None),
        url=getattr(metadata, "url", None),
        outlet=getattr(metadata, "sitename", None),
        author=getattr(metadata, "author", None),
        language=language.group(1) if language else None,
    )
