"""Reading files and directories into documents.

In: paths to files or directories (directories are walked recursively in sorted order, skipping hidden
files and folders) and optionally the publication date the user gave. Out, lazily, a
:class:`~cronica.records.Document` per document or an :class:`~cronica.errors.InputError` per document
that cannot be read: errors are yielded, not raised, so a batch goes on.

The format comes from the extension: ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm``, ``.pdf``,
``.jsonl``/``.ndjson``, ``.parquet`` (a ``text`` column; needs pyarrow), ``.json`` (a list of
documents), ``.csv``/``.tsv`` (a report a row; :mod:`cronica.ingest.tables`). Other files are sniffed:
``%PDF-`` is a PDF, a page that opens with ``<!doctype html`` or ``<html`` is HTML, binary data is a
:class:`~cronica.errors.BinaryDocumentError`, anything else is plain text. Files over ``max_bytes``
(default 50 MB) are refused before they are read; a JSON Lines corpus streams and the limit applies to
each of its lines.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from cronica.errors import InputError, ReaderCrashError
from cronica.ingest.decode import decode_bytes
from cronica.ingest.html import read_html
from cronica.ingest.jsonl import read_jsonl
from cronica.ingest.parquet import read_parquet
from cronica.ingest.pdf import read_pdf
from cronica.ingest.tables import read_json, read_table
from cronica.ingest.text import read_markdown, read_text
from cronica.records import Document

#: The default size limit for one file (or one JSON line), in bytes.
DEFAULT_MAX_BYTES = 50_000_000

_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
}


def read_documents(
    paths: Iterable[str | Path] | str | Path,
    published: date | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | InputError]:
    """Each document in ``paths``, or the error that stopped it being read.

    ``published`` overrides every document's own date (``published_source="flag"``); without it the
    date comes from the document's metadata, else stays ``None``.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    for given in paths:
        source = str(given)
        path = Path(given)
        if path.is_dir():
            for child in _walk(source):
                yield from _read_file(child, published, max_bytes)
        elif path.exists():
            yield from _read_file(source, published, max_bytes)
        else:
            yield InputError(source, "no such file or directory")


def count_documents(paths: Iterable[str | Path] | str | Path) -> int:
    """About how many items :func:`read_documents` will yield for ``paths`` (for a progress bar's
    ETA): one a file, one a line of a JSON Lines file, one a row of a Parquet file; a missing path
    counts one (its error). Reads JSON Lines files once, in 1 MiB blocks; parses nothing."""
    if isinstance(paths, str | Path):
        paths = [paths]
    total = 0
    for given in paths:
        path = Path(given)
        files = _walk(str(path)) if path.is_dir() else [str(path)]
        for name in files:
            kind = _FORMATS.get(os.path.splitext(name)[1].lower())
            try:
                if kind in ("jsonl", "csv", "tsv"):  # a row a line, less the header: about right
                    total += _count_lines(name)
                elif kind == "parquet":
                    total += _parquet_rows(name)
                else:
                    total += 1
            except Exception:  # noqa: BLE001 - unreadable: its error is one item
                total += 1
    return total


def _parquet_rows(name: str) -> int:
    import pyarrow.parquet as pq

    return int(pq.ParquetFile(name).metadata.num_rows)


def _count_lines(name: str) -> int:
    lines, last = 0, b"\n"
    with open(name, "rb") as stream:
        while block := stream.read(1 << 20):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (last != b"\n")


def _walk(directory: str) -> list[str]:
    """The non-hidden files under ``directory``, sorted by their path below it."""
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel_root = os.path.relpath(root, directory)
        parts = () if rel_root == "." else tuple(Path(rel_root).parts)
        for name in files:
            if not name.startswith("."):
                found.append(((*parts, name), os.path.join(root, name)))
    return [path for _, path in sorted(found)]


def _read_file(source: str, published: date | None, max_bytes: int) -> Iterator[Document | InputError]:
    kind = _FORMATS.get(os.path.splitext(source)[1].lower())
    try:
        size = os.path.getsize(source)
        if kind == "jsonl":
            with open(source, "rb") as stream:
                yield from read_jsonl(stream, source, published, max_bytes)
            return
        if kind == "parquet":
            yield from read_parquet(source, published)
            return
        if size > max_bytes:
            yield InputError(source, f"file is {_size(size)}, over the {_size(max_bytes)} limit (max_bytes)")
            return
        with open(source, "rb") as stream:
            data = stream.read()
    except OSError as exc:
        yield InputError(source, f"cannot read the file ({exc.strerror or exc})")
        return
    try:
        if kind in ("json", "csv", "tsv"):
            yield from _read_records(data, source, kind, published)
        else:
            yield _parse(data, source, kind or _sniff(data), published)
    except InputError as exc:
        yield exc
    except Exception as exc:  # noqa: BLE001 - a reader's bug: this file is reported, the batch goes on
        yield ReaderCrashError.of(source, exc)


def _read_records(
    data: bytes, source: str, kind: str, published: date | None
) -> Iterator[Document | InputError]:
    """The documents of a JSON file or a spreadsheet (:mod:`cronica.ingest.tables`)."""
    text = decode_bytes(data, source)  # binary data and undecodable bytes raise here
    if kind == "json":
        yield from read_json(text, source, published)
    else:
        yield from read_table(text, source, published, "\t" if kind == "tsv" else ",")


def _parse(data: bytes, source: str, kind: str, published: date | None) -> Document:
    if kind == "pdf":
        return read_pdf(data, source, published)
    text = decode_bytes(data, source)
    if kind == "html":
        return read_html(text, source, published)
    if kind == "markdown":
        return read_markdown(text, source, published)
    return read_text(text, source, published)


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    return f"{n:,} bytes"


def _sniff(data: bytes) -> str:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"
