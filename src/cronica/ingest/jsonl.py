"""JSON Lines corpora: one document per line.

In: an open binary file. Each non-blank line is a JSON object with ``text`` (required), ``id``, ``title``,
``url``, ``published``, ``outlet``, ``author`` and ``language`` (optional). Out, lazily, one
:class:`~cronica.records.Document` per line (``format`` ``jsonl``, ``id`` the ``id`` as a string, else
``<path>:<line>``) or, for a bad line, an :class:`~cronica.errors.InputError` naming the file and line:
:class:`~cronica.errors.MalformedDocumentError` (not JSON, not an object, no string ``text``, a line over
the size limit), :class:`~cronica.errors.EncodingError` (not UTF-8),
:class:`~cronica.errors.EmptyDocumentError` (blank ``text``) or :class:`~cronica.errors.DateError`.
The other lines go on. The size limit applies to each line, not the file, so corpora of any size
stream in bounded memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from functools import partial
from typing import Any, BinaryIO

from cronica.errors import EncodingError, InputError, MalformedDocumentError, read_or_error
from cronica.ingest.document import build_document, choose_published
from cronica.records import Document

_CHUNK = 1 << 20


def read_jsonl(
    stream: BinaryIO, source: str, published: date | None, max_bytes: int, first_line: int = 1
) -> Iterator[Document | InputError]:
    """The documents (or errors) of each line of ``stream``; ``first_line`` is the number of its first
    line in the file (a part of a corpus read on its own, as a Dask partition is)."""
    number = first_line - 1
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield MalformedDocumentError(source, f"line is longer than the {max_bytes:,}-byte limit", number)
            continue
        if not line.strip():
            continue
        yield read_or_error(partial(_document, line, source, number, published), source, number)


def _document(line: bytes, source: str, number: int, published: date | None) -> Document:
    try:
        text = line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(source, f"line is not UTF-8 (byte 0x{line[exc.start]:02x})", number) from None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedDocumentError(
            source, f"not valid JSON ({exc.msg} at column {exc.colno})", number
        ) from None
    if not isinstance(record, dict):
        raise MalformedDocumentError(source, f"expected a JSON object, got {type(record).__name__}", number)
    return document_from_record(record, source, number, published)


def document_from_record(
    record: dict[str, Any], source: str, number: int, published: date | None, kind: str = "jsonl"
) -> Document:
    """The document of one corpus record (a JSON object, a Parquet row: ``kind``) with the fields
    above; raises :class:`~cronica.errors.InputError` naming ``source`` and record ``number``."""
    body = record.get("text")
    if body is None:
        raise MalformedDocumentError(source, 'object has no "text" field', number)
    if not isinstance(body, str):
        raise MalformedDocumentError(source, f'"text" must be a string, got {type(body).__name__}', number)
    raw_id = record.get("id")
    if isinstance(raw_id, dict | list):
        raise MalformedDocumentError(source, '"id" must be a string or a number', number)
    day, day_source = choose_published(published, record.get("published"), kind, source, number)
    return build_document(
        body,
        id=str(raw_id) if raw_id not in (None, "") else f"{source}:{number}",
        source=source,
        format=kind,
        published=day,
        published_source=day_source,
        title=record.get("title"),
        url=record.get("url"),
        outlet=record.get("outlet"),
        author=record.get("author"),
        language=record.get("language"),
        line=number,
    )


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return
