"""Reader for ACLED CSV exports, in both layouts ACLED has shipped.

In: the CSV path. Out: one :class:`~cronica.eval.gold.GoldItem` per event: the ``notes`` column is
the input text (a coder's summary, not an article), the publication date is the event date plus
:data:`PUBLICATION_LAG_DAYS`, and the expected fields are event_type, sub_event_type, fatalities,
event_date (tolerance from time_precision: 1 exact, 2 a week, 3 a month), the actor1/actor2 inter
codes, country (iso or country), admin1, location and coordinates.

Layouts: the *wide* one has ``actor1``/``inter1``/``actor2``/``inter2`` columns on one row; the
*long* one has one row per actor (``actor``, ``inter`` and, when present, ``actor_role`` =
Primary/Secondary or 1/2), the rows of one event sharing ``event_id_cnty``; without a role column
the first row is actor1 and the second actor2. ``inter`` cells may hold the number or the words
("Protesters"); dates come in every form ACLED has used (``16-Feb-21``, ``31-12-19``, ``19 November 2019``,
``2019-11-19``; see :func:`~cronica.eval.acled_export.parse_event_date`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import timedelta
from functools import lru_cache

import pycountry

from cronica.errors import DataFileError
from cronica.eval.acled_export import parse_event_date
from cronica.eval.gold import CountExpectation, GoldItem, GoldRecord, split_of
from cronica.eval.mappings import acled_taxonomy
from cronica.resolve.bundled import country_names
from cronica.resolve.names import fold

#: Days between an event and the report it is read from (ACLED does not publish the article date).
PUBLICATION_LAG_DAYS = 3
#: Date tolerance in days for each ACLED time precision.
DATE_TOLERANCE = {1: 0, 2: 7, 3: 31}


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return country_names()


def iso2_of(row: dict[str, str]) -> str | None:
    """The ISO 3166-1 alpha-2 code of an ACLED row, ``None`` if unknown.

    From the numeric ``iso`` column, else the ``country`` name: ISO 3166's names (pycountry), then
    the gazetteer's country names, which hold the short English names ACLED writes where ISO's
    differ ("Democratic Republic of Congo", "Turkey", "Palestine", "Russia", "Ivory Coast", "Kosovo").
    """
    iso = (row.get("iso") or "").strip()
    country = (row.get("country") or "").strip()
    found = None
    if iso.isdigit():
        found = pycountry.countries.get(numeric=iso.zfill(3))
    if found is None and country:
        try:
            found = pycountry.countries.lookup(country)
        except LookupError:
            return _country_names().get(fold(country))
    return found.alpha_2 if found is not None else None


def _role(row: dict[str, str]) -> int | None:
    role = (row.get("actor_role") or "").strip().lower()
    if role in ("primary", "1", "actor1"):
        return 1
    if role in ("secondary", "2", "actor2"):
        return 2
    return None


def read(path: str) -> Iterator[GoldItem]:
    tax = acled_taxonomy()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        columns = set(reader.fieldnames or ())
        missing = {"event_id_cnty", "event_date", "event_type", "sub_event_type", "notes"} - columns
        if missing:
            raise DataFileError(f"{path}: not an ACLED export, missing columns {sorted(missing)}")
        wide = "actor1" in columns
        if not wide and "actor" not in columns:
            raise DataFileError(f"{path}: neither actor1/actor2 (wide) nor actor (long) columns")
        events: dict[str, list[tuple[int, dict[str, str]]]] = {}
        for line_no, row in enumerate(reader, start=2):
            events.setdefault(row["event_id_cnty"].strip(), []).append((line_no, row))
    for event_id, rows in events.items():
        line_no, row = rows[0]
        where = f"{path}:{line_no}"
        if wide:
            inter1, inter2 = tax.inter(row.get("inter1", "")), tax.inter(row.get("inter2", ""))
            actor1, actor2 = row.get("actor1") or None, row.get("actor2") or None
        else:
            ordered = sorted(rows, key=lambda r: (_role(r[1]) or 99, r[0]))
            by_role: dict[int, dict[str, str]] = {}
            for i, (_n, r) in enumerate(ordered):
                by_role.setdefault(_role(r) or i + 1, r)
            first, second = by_role.get(1), by_role.get(2)
            actor1 = (first or {}).get("actor") or None
            actor2 = (second or {}).get("actor") or None
            inter1 = tax.inter((first or {}).get("inter", ""))
            inter2 = tax.inter((second or {}).get("inter", ""))
        event_type, sub_type = row["event_type"].strip(), row["sub_event_type"].strip()
        if not tax.valid(event_type, sub_type):
            raise DataFileError(f"{where}: {event_type!r} / {sub_type!r} is not an ACLED type pair")
        when = parse_event_date(row["event_date"], row.get("year"), where)
        precision = int(_float(row.get("time_precision")) or 1)
        fatalities = row.get("fatalities", "").strip()
        record = GoldRecord(
            kind="event",
            event_type=event_type,
            sub_event_type=sub_type,
            date=when.isoformat(),
            date_tolerance_days=DATE_TOLERANCE.get(precision, 31),
            fatalities=CountExpectation(int(float(fatalities))) if fatalities else None,
            country_code=iso2_of(row),
            admin1=(row.get("admin1") or "").strip() or None,
            location=(row.get("location") or "").strip() or None,
            latitude=_float(row.get("latitude")),
            longitude=_float(row.get("longitude")),
            actor1=actor1,
            actor1_inter=inter1,
            actor2=actor2,
            actor2_inter=inter2,
            source_label=f"{event_type} / {sub_type}",
            id=event_id,
        )
        item_id = f"acled:{event_id}"
        yield GoldItem(
            id=item_id,
            text=row["notes"].strip(),
            published=(when + timedelta(days=PUBLICATION_LAG_DAYS)).isoformat(),
            records=(record,),
            split=split_of(item_id),
            label=record.source_label,
            label_source=record.source_label,
            classify=True,
            exhaustive=("event",),
            meta={"source": row.get("source", ""), "layout": "wide" if wide else "long"},
        )
