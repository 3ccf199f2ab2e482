"""Plain text and Markdown files, and text handed to the Python API.

In: decoded text. Out: a :class:`~cronica.records.Document` (``format`` ``text`` or ``markdown``).
Markdown may open with YAML front matter between ``---`` lines; its ``title``, ``date`` (or ``published``),
``author``, ``outlet`` (or ``publisher``/``site``), ``url`` and ``language`` become metadata. Dates in the
front matter are read as strings, so "2019-13-45" is a :class:`~cronica.errors.DateError`, not a YAML
crash. Fails with :class:`~cronica.errors.MalformedDocumentError` for front matter that is not a YAML
mapping, :class:`~cronica.errors.EmptyDocumentError` for no text.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import yaml

from cronica.errors import MalformedDocumentError
from cronica.ingest.dates import parse_published
from cronica.ingest.document import build_document, choose_published
from cronica.records import Document

_FRONT_MATTER = re.compile(r"\A(\ufeff?)---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


class _StringDatesLoader(yaml.SafeLoader):
    """A safe YAML loader that leaves dates as strings (we validate them ourselves)."""


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def document_from_text(
    text: str,
    *,
    id: str = "<text>",
    published: date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Document:
    """A ``Document`` from text in memory, with the same layout repair as files.

    ``published`` (a date or ISO string) sets ``published_source="flag"``. Raises
    :class:`~cronica.errors.EmptyDocumentError` for blank text, :class:`~cronica.errors.DateError`
    for an impossible date.
    """
    day = parse_published(published, id)
    return build_document(
        text,
        id=id,
        source=id,
        format="text",
        published=day,
        published_source="flag" if day else None,
        title=title,
        url=url,
        outlet=outlet,
    )


def read_text(raw: str, source: str, published: date | None) -> Document:
    """A plain-text file's ``Document``."""
    return build_document(
        raw, id=source, source=source, format="text", published=published, published_source="flag"
    )


def read_markdown(raw: str, source: str, published: date | None) -> Document:
    """A Markdown file's ``Document``, with metadata from its front matter."""
    match = _FRONT_MATTER.match(raw)
    meta: dict[str, Any] = {}
    base = 0
    if match:
        try:
            loaded = yaml.load(match.group(2), Loader=_StringDatesLoader)  # noqa: S506 - a SafeLoader
        except yaml.YAMLError as exc:
            raise MalformedDocumentError(
                source, f"front matter is not valid YAML ({_first_line(exc)})"
            ) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise MalformedDocumentError(source, "front matter is not a YAML mapping of key: value pairs")
        meta = {str(k).lower(): v for k, v in (loaded or {}).items()}
        base = match.end()
    day, day_source = choose_published(published, _first(meta, "date", "published"), "front-matter", source)
    return build_document(
        raw[base:],
        id=source,
        source=source,
        format="markdown",
        published=day,
        published_source=day_source,
        title=meta.get("title"),
        url=_first(meta, "url", "link"),
        outlet=_first(meta, "outlet", "publisher", "site", "source"),
        author=meta.get("author"),
        language=_first(meta, "language", "lang"),
        base=base,
    )


def _first(meta: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if meta.get(key) not in (None, ""):
            return meta[key]
    return None


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
