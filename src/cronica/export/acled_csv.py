"""ACLED's column layout, for one document's events or for merged events from the store.

:func:`acled_rows` takes :class:`~cronica.records.Extraction` or :class:`~cronica.records.Event`
objects, or event dictionaries of the interchange contract (``Event.to_dict()``, or the store's merged
events with several ``sources``);
statements and tallies are skipped: ACLED has no rows for them.

Column rules: ``event_id_cnty`` is the ISO 3166 alpha-3 code and a number, unique in the file and
stable for the event: the store's event number when there is one, else nine digits of a hash of the
extractor's record id (the same event of the same document gets the same id in every run); should two
events still meet on one id, the later gets ``-2``, ``-3`` …; ``iso`` is the numeric ISO
code; ``interaction`` the two inter codes, lower first (``16``), or the one code and ``0`` (``60``);
``source`` the outlets (or document ids) behind the event, ``; ``-separated; ``notes`` the evidence
sentence; ``fatalities`` ACLED's conservative figure. Cells are written through
:mod:`cronica.export.csv_safe`, so no cell can run as a spreadsheet formula.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import IO, Any

from cronica.export.csv_safe import csv_dict_writer
from cronica.records import Event, Extraction, Statement, Tally

RecordLike = dict[str, Any] | Event | Statement | Tally | Extraction

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "iso",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
)


def _country_codes(code: str | None, name: str | None) -> tuple[str, str, str]:
    """(alpha-3, numeric, name) for an alpha-2/alpha-3 code or a country name; blanks when unknown."""
    import pycountry

    found = None
    for key in (code, name):
        if not key:
            continue
        try:
            found = pycountry.countries.lookup(key)
            break
        except LookupError:
            continue
    if found is None:
        return ((code or "XXX").upper()[:3], "", name or "")
    return (found.alpha_3, str(int(found.numeric)), name or found.name)


def _interaction(inter1: int | None, inter2: int | None) -> str:
    if inter1 is None and inter2 is None:
        return ""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if len(codes) == 1:
        return f"{codes[0]}0"
    return f"{codes[0]}{codes[1]}"


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def _sources(record: dict[str, Any]) -> str:
    names: list[str] = []
    for source in record.get("sources") or []:
        name = source.get("outlet") or source.get("document") or ""
        if name and name not in names:
            names.append(name)
    return "; ".join(names)


def event_number(data: dict[str, Any], fallback: int) -> str:
    """The number in ``event_id_cnty``: the store's event number, else nine digits of a hash of the
    record id, else ``fallback`` (a record with no id)."""
    if data.get("number") is not None:
        return str(data["number"])
    if data.get("id"):
        return str(int(hashlib.sha1(str(data["id"]).encode()).hexdigest(), 16) % 10**9)
    return str(fallback)


class EventIds:
    """Hands out ``event_id_cnty`` values for one file: stable per event, never the same twice."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, alpha3: str, data: dict[str, Any]) -> str:
        base = f"{alpha3}{event_number(data, len(self.seen) + 1)}"
        candidate, n = base, 1
        while candidate in self.seen:
            n += 1
            candidate = f"{base}-{n}"
        self.seen.add(candidate)
        return candidate


def acled_row(
    record: dict[str, Any] | Event, number: int | None = None, ids: EventIds | None = None
) -> dict[str, str]:
    """One event as an ACLED row. ``ids`` keeps ``event_id_cnty`` unique across rows of one file;
    ``number`` overrides the number in it."""
    data = record.to_dict() if isinstance(record, Event) else record
    if number is not None:
        data = {**data, "number": number}
    loc = data.get("location") or {}
    date = data.get("date") or {}
    a1, a2 = data.get("actor1") or {}, data.get("actor2") or {}
    alpha3, numeric, country = _country_codes(loc.get("country_code"), loc.get("country"))
    event_date = date.get("value") or ""
    sentence = ((data.get("evidence") or {}).get("sentence") or {}).get("text") or ""
    return {
        "event_id_cnty": (ids or EventIds())(alpha3, data),
        "event_date": event_date,
        "year": event_date[:4],
        "time_precision": _fmt(date.get("time_precision")),
        "event_type": data.get("event_type") or "",
        "sub_event_type": data.get("sub_event_type") or "",
        "actor1": a1.get("name") or "",
        "assoc_actor_1": "; ".join(x["name"] for x in a1.get("associated") or []),
        "inter1": _fmt(a1.get("inter")),
        "actor2": a2.get("name") or "",
        "assoc_actor_2": "; ".join(x["name"] for x in a2.get("associated") or []),
        "inter2": _fmt(a2.get("inter")),
        "interaction": _interaction(a1.get("inter"), a2.get("inter")),
        "iso": numeric,
        "country": country,
        "admin1": loc.get("admin1") or "",
        "admin2": loc.get("admin2") or "",
        "admin3": "",
        "location": loc.get("name") or "",
        "latitude": _fmt(loc.get("latitude")),
        "longitude": _fmt(loc.get("longitude")),
        "geo_precision": _fmt(loc.get("precision")),
        "source": _sources(data),
        "source_scale": "",
        "notes": " ".join(sentence.split()),
        "fatalities": str(int(data.get("fatalities") or 0)),
    }


def _dicts(records: Iterable[Any]) -> Iterator[dict[str, Any]]:
    for record in records:
        if isinstance(record, Extraction):
            yield from (e.to_dict() for e in record.events)
        elif isinstance(record, dict):
            yield record
        else:
            yield record.to_dict()


def acled_rows(records: Iterable[RecordLike], ids: EventIds | None = None) -> Iterator[dict[str, str]]:
    """ACLED rows for the events among ``records``: Extractions, Events (statements and tallies are
    skipped) or contract dicts, single-document or merged. Pass one ``ids`` to calls that write the
    same file."""
    ids = ids if ids is not None else EventIds()
    for data in _dicts(records):
        if data.get("kind", "event") != "event":
            continue
        yield acled_row(data, ids=ids)


class AcledCsvWriter:
    """ACLED CSV to ``fp``, written as records come (one document at a time is fine): the header first,
    ``event_id_cnty`` unique over the whole file, every cell safe to open in a spreadsheet."""

    def __init__(self, fp: IO[str]) -> None:
        self._writer = csv_dict_writer(fp, ACLED_COLUMNS)
        self._writer.writeheader()
        self._ids = EventIds()
        self.rows = 0

    def write(self, records: Iterable[RecordLike]) -> int:
        n = 0
        for row in acled_rows(records, self._ids):
            self._writer.writerow(row)
            n += 1
        self.rows += n
        return n


def write_acled_csv(records: Iterable[RecordLike], fp: IO[str]) -> int:
    """Write ACLED's header and one row per event; returns the number of rows."""
    writer = AcledCsvWriter(fp)
    writer.write(records)
    return writer.rows
