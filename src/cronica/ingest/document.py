"""Building a :class:`~cronica.records.Document` from extracted text and metadata.

In: the raw text of one document (as decoded or extracted), where it came from and its metadata. Out: a
``Document`` whose ``text`` is the layout-repaired text and whose ``offsets`` map back to the raw text
(shifted by ``base`` when the raw text starts later in the file, after Markdown front matter).
Fails with :class:`~cronica.errors.EmptyDocumentError` when nothing but whitespace is left and
:class:`~cronica.errors.DateError` for an impossible metadata date.
"""

from __future__ import annotations

from datetime import date

from cronica.errors import DateError, EmptyDocumentError
from cronica.ingest.dates import parse_published
from cronica.ingest.mojibake import fix_mojibake
from cronica.ingest.repair import repair_layout
from cronica.records import Document


def build_document(
    raw: str,
    *,
    id: str,
    source: str,
    format: str,
    published: date | None = None,
    published_source: str | None = None,
    title: object = None,
    url: object = None,
    outlet: object = None,
    author: object = None,
    language: object = None,
    base: int = 0,
    line: int | None = None,
) -> Document:
    """Repair ``raw`` and wrap it with its metadata (metadata values that are blank become ``None``)."""
    repaired = repair_layout(fix_mojibake(raw))
    if not repaired.text.strip():
        raise EmptyDocumentError(source, "empty document (no text)", line)
    return Document(
        id=id,
        text=repaired.text,
        source=source,
        format=format,
        title=_clean(title),
        url=_clean(url),
        published=published,
        published_source=published_source if published else None,
        outlet=_clean(outlet),
        author=_clean(author),
        language=_clean(language),
        offsets=_shift(repaired.offsets, base),
    )


def choose_published(
    flag: date | None, metadata: object, kind: str, source: str, line: int | None = None
) -> tuple[date | None, str | None]:
    """Publication date and where it came from: the flag, else the metadata (``kind``), else nothing."""
    if flag is not None:
        return flag, "flag"
    if metadata is None or metadata == "":
        return None, None
    if not isinstance(metadata, str | date):
        raise DateError(source, f"publication date {metadata!r} in the {kind} is not a date", line)
    try:
        value = parse_published(metadata, source)
    except DateError as exc:
        raise DateError(source, f"{exc.problem} in the {kind}", line) from None
    return (value, kind) if value else (None, None)


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _shift(offsets: tuple[tuple[int, int], ...], base: int) -> tuple[tuple[int, int], ...]:
    if base == 0:
        return offsets
    shifted = [(text_at, raw_at + base) for text_at, raw_at in offsets]
    if not shifted or shifted[0][0] != 0:
        shifted.insert(0, (0, base))
    return tuple(shifted)
