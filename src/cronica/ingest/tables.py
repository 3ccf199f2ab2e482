"""Reports kept in a JSON file or a spreadsheet (CSV, TSV): one document per record or row.

In: the decoded text of a file and its path. Out, lazily, one :class:`~cronica.records.Document` per
record, or an :class:`~cronica.errors.InputError` naming the file and the record (JSON: its number in
the list, from 1) or line (CSV: the line its row starts on) for a record that cannot be read; the
other records go on.

- **JSON** (``.json``): a list of objects with the fields of a JSON Lines line (``text`` required;
  ``id``, ``title``, ``url``, ``published``, ``outlet``, ``author``, ``language``), one such object, or
  an object holding that list under ``documents``, ``data``, ``items``, ``records`` or ``results``.
  A file that is not valid JSON, or of another shape, is one
  :class:`~cronica.errors.MalformedDocumentError` that says where the JSON breaks or what was found:
  never read as plain text.
- **CSV / TSV** (``.csv``, ``.tsv``): a header row, then one report a row. The text is the first of
  the columns ``text``, ``notes`` (ACLED exports), ``body``, ``content``, ``article``, ``description``,
  ``summary`` the header has (any case); the id the first of ``id``, ``doc_id``, ``event_id_cnty``,
  ``event_id``; the publication date the first of ``published``, ``date``, ``publication_date``,
  ``event_date`` (ISO, or day first as spreadsheets and ACLED write it: ``16-Feb-21``); ``title``,
  ``url``, ``outlet``, ``author``, ``language`` by name. A header with no text column is one
  :class:`~cronica.errors.MalformedDocumentError` that lists the columns found.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from functools import partial
from typing import Any

from cronica.errors import EmptyDocumentError, InputError, MalformedDocumentError, read_or_error
from cronica.ingest.jsonl import document_from_record
from cronica.records import Document

#: Keys under which a JSON object may hold its list of documents.
LIST_KEYS = ("documents", "data", "items", "records", "results")
#: Header names of a spreadsheet's columns, by the document field they fill, first found wins.
TEXT_COLUMNS = ("text", "notes", "body", "content", "article", "description", "summary")
ID_COLUMNS = ("id", "doc_id", "event_id_cnty", "event_id")
DATE_COLUMNS = ("published", "date", "publication_date", "event_date")
OTHER_COLUMNS = ("title", "url", "outlet", "author", "language")


def read_json(text: str, source: str, published: date | None) -> Iterator[Document | InputError]:
    """The documents of a JSON file (see the module docstring)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield MalformedDocumentError(
            source, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        )
        return
    records = _json_records(data)
    if records is None:
        shape = f"an object with keys {sorted(data)[:8]}" if isinstance(data, dict) else type(data).__name__
        yield MalformedDocumentError(
            source,
            'expected a list of documents, one document with "text", or an object holding the list under '
            f"{', '.join(repr(k) for k in LIST_KEYS)}; got {shape}",
        )
        return
    if not records:
        yield EmptyDocumentError(source, "the JSON list holds no documents")
        return
    for number, record in enumerate(records, start=1):
        yield _record(record, source, number, published, "json")


def _json_records(data: Any) -> list[Any] | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if "text" in data:
            return [data]
        for key in LIST_KEYS:
            if isinstance(data.get(key), list):
                return list(data[key])
    return None


def read_table(
    text: str, source: str, published: date | None, delimiter: str = ","
) -> Iterator[Document | InputError]:
    """The documents of a CSV (``delimiter`` ``,``) or TSV (``\\t``) file (see the module docstring)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield MalformedDocumentError(source, f"unreadable header row ({exc})", 1)
        return
    if not header or not any(h.strip() for h in header):
        yield EmptyDocumentError(source, "no header row")
        return
    columns = {h.strip().lower(): i for i, h in reversed(list(enumerate(header)))}
    text_col = _first(columns, TEXT_COLUMNS)
    if text_col is None:
        found = ", ".join(h.strip() for h in header[:20])
        yield MalformedDocumentError(
            source, f"no text column (one of {', '.join(TEXT_COLUMNS)}); the header has: {found}", 1
        )
        return
    fields = {
        "text": text_col,
        "id": _first(columns, ID_COLUMNS),
        "published": _first(columns, DATE_COLUMNS),
        **{name: columns.get(name) for name in OTHER_COLUMNS},
    }
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield MalformedDocumentError(source, f"unreadable row ({exc})", line)
            line = reader.line_num + 1
            continue
        if any(cell.strip() for cell in row):
            record = {name: row[i] for name, i in fields.items() if i is not None and i < len(row)}
            yield _record(record, source, line, published, "csv")
        line = reader.line_num + 1


def _first(columns: dict[str, int], names: tuple[str, ...]) -> int | None:
    for name in names:
        if name in columns:
            return columns[name]
    return None


def _record(
    record: Any, source: str, number: int, published: date | None, kind: str
) -> Document | InputError:
    if not isinstance(record, dict):
        return MalformedDocumentError(source, f"expected a JSON object, got {type(record).__name__}", number)
    return read_or_error(
        partial(document_from_record, record, source, number, published, kind), source, number
    )
