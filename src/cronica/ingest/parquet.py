"""Parquet corpora: one document per row.

In: a Parquet file whose ``text`` column (string) holds each document, with optional ``id``, ``title``,
``url``, ``published`` (a date or an ISO string), ``outlet``, ``author`` and ``language`` columns, as
in a JSON Lines corpus. Out, lazily, one :class:`~cronica.records.Document` per row (``format``
``parquet``; ``id`` the ``id`` column, else ``<path>:<row>`` with rows numbered from 1) or, for a bad
row, an :class:`~cronica.errors.InputError` naming the file and row. Read one row group at a time, so a
corpus of any size streams in bounded memory; a row group is also the unit a Dask partition reads.
Needs ``pyarrow`` (``pip install 'cronica[parquet]'``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from cronica.errors import InputError, MalformedDocumentError
from cronica.ingest.jsonl import document_from_record
from cronica.records import Document

_COLUMNS = ("id", "text", "title", "url", "published", "outlet", "author", "language")


def row_groups(source: str) -> list[tuple[int, int]]:
    """``(row group index, number of its first row)`` for each row group of ``source``."""
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(source).metadata
    out, first = [], 1
    for index in range(meta.num_row_groups):
        out.append((index, first))
        first += meta.row_group(index).num_rows
    return out


def read_parquet(
    source: str, published: date | None, groups: list[tuple[int, int]] | None = None
) -> Iterator[Document | InputError]:
    """The documents (or errors) of each row of ``source``, or only of the row ``groups`` given (as
    :func:`row_groups` returns them)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield InputError(source, "reading Parquet needs pyarrow: pip install 'cronica[parquet]'")
        return
    try:
        handle = pq.ParquetFile(source)
        names = set(handle.schema_arrow.names)
        chosen = groups if groups is not None else row_groups(source)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds for a broken file
        yield MalformedDocumentError(source, f"not a readable Parquet file ({exc})")
        return
    if "text" not in names:
        yield MalformedDocumentError(source, 'no "text" column')
        return
    columns = [c for c in _COLUMNS if c in names]
    for index, first in chosen:
        table = handle.read_row_group(index, columns=columns)
        for offset, row in enumerate(table.to_pylist()):
            try:
                yield document_from_record(row, source, first + offset, published, kind="parquet")
            except InputError as exc:
                yield exc
