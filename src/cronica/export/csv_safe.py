"""CSV that a spreadsheet opens safely: no cell can run as a formula (OWASP's "CSV injection" rule).

In: rows of values. Out: CSV text where every cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return gets a leading apostrophe (``'=HYPERLINK(...)``), so Excel, LibreOffice and Google
Sheets show it as text. Plain numbers (``-16.5611``, ``+3``) are left alone: they cannot run and the
coordinates must stay numeric. The csv module quotes separators, quotes and line breaks. Reading a
neutralised cell back, drop one leading apostrophe to get the original text (:func:`original`).
Every CSV writer in cronica goes through :func:`csv_writer` or :func:`csv_dict_writer`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

#: First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\Z")


def neutralise(value: object) -> str:
    """``value`` as a cell: text that could run as a formula gets a leading apostrophe."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text


def original(cell: str) -> str:
    """The text a neutralised cell stood for (its leading apostrophe dropped)."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_START):
        return cell[1:]
    return cell


class SafeWriter:
    """``csv.writer`` with every cell neutralised."""

    def __init__(self, fp: IO[str]) -> None:
        self._writer = csv.writer(fp, lineterminator="\n")

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([neutralise(v) for v in row])


class SafeDictWriter:
    """``csv.DictWriter`` with every cell neutralised (the header too)."""

    def __init__(self, fp: IO[str], fieldnames: Sequence[str]) -> None:
        self._writer = csv.DictWriter(fp, fieldnames=list(fieldnames), lineterminator="\n")
        self.fieldnames = list(fieldnames)

    def writeheader(self) -> None:
        self._writer.writerow({name: neutralise(name) for name in self.fieldnames})

    def writerow(self, row: Mapping[str, Any]) -> None:
        self._writer.writerow({key: neutralise(value) for key, value in row.items()})


def csv_writer(fp: IO[str]) -> SafeWriter:
    return SafeWriter(fp)


def csv_dict_writer(fp: IO[str], fieldnames: Sequence[str]) -> SafeDictWriter:
    return SafeDictWriter(fp, fieldnames)
