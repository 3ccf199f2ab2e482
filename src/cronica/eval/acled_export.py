"""ACLED exports as published: column checks, event dates in every form ACLED has used, note cleaning.

In: a CSV path. Out: rows as dicts (:func:`read_rows`), dates (:func:`parse_event_date`), and the
event-describing text of a note (:func:`note_text`). ``event_date`` comes as ``9-May-20``,
``31-12-19`` (day first), ``21 March 2020``, ``2021-02-16``, ``2021-01-02T00:00:00Z`` or ``20210216``
(the 2020-21 exports' compact form); ISO forms, the compact one included, are read year first, the others
with ``dateutil`` (day first), and checked against the ``year`` column when there is one. A bad file
raises :class:`~cronica.errors.DataFileError` naming the file and line.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import date

from dateutil import parser as date_parser

from cronica.errors import DataFileError

#: Columns every ACLED export has, whatever its layout.
REQUIRED = frozenset({"event_id_cnty", "event_date", "event_type", "sub_event_type", "notes"})


def parse_event_date(value: str, year: str | None = None, where: str = "") -> date:
    """An ACLED ``event_date`` as a date; ``year`` (the export's year column) settles two-digit years."""
    text = value.strip()
    try:
        iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?", text) or re.fullmatch(
            r"(\d{4})(\d\d)(\d\d)", text
        )
        if iso:  # ISO dates (also the basic form 20210216) are year first whatever dayfirst says
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        parsed = date_parser.parse(text, dayfirst=True).date()
    except (ValueError, OverflowError) as exc:
        raise DataFileError(f"{where}: unreadable event_date {value!r}") from exc
    if year and year.strip().isdigit() and parsed.year != int(year):
        raise DataFileError(f"{where}: event_date {value!r} is not in the row's year {year.strip()}")
    return parsed


def read_rows(path: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for every row of an ACLED CSV export; checks the required columns."""
    try:
        fh = open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror})") from exc
    with fh:
        reader = csv.DictReader(fh)
        missing = REQUIRED - set(reader.fieldnames or ())
        if missing:
            raise DataFileError(f"{path}: not an ACLED export, missing columns {sorted(missing)}")
        for line_no, row in enumerate(reader, start=2):
            yield line_no, {k: (v or "") for k, v in row.items() if k is not None}


_SIZE = re.compile(r"\s*\[(?:size|women targeted)[^\]]*\]", re.IGNORECASE)
_CODER_NOTE = re.compile(
    r"\s*(?:fatalities|\d+ fatalities|this event|[A-Z][\w ]{0,30} coded)[^.]*(?:coded|split)[^.]*\.",
    re.IGNORECASE,
)
_LEAD_LABEL = re.compile(r"^(?:[A-Z][A-Za-z/ -]{2,40}):\s+")


def note_text(note: str) -> str:
    """A note as a reporter might have written it: without ACLED's coder annotations ("[size=...]",
    "Fatalities coded as 0 ...", a leading "Movement of forces:" label that names the coding)."""
    text = _SIZE.sub("", note)
    text = _CODER_NOTE.sub("", text)
    text = _LEAD_LABEL.sub("", text.strip())
    return text.strip()
