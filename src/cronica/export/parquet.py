"""Parquet: one row per event with typed columns (:mod:`cronica.export.flat`) plus the full record as JSON.

Needs ``pyarrow`` (``pip install 'cronica[parquet]'``); pandas and R's arrow read the file as is.
Dates are ``date32`` (null when unresolved), ``sources`` a list of document ids, ``record`` the
event's whole dictionary as a JSON string.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from cronica.errors import CronicaError
from cronica.export.flat import FLAT_COLUMNS, flat_event


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def events_table(records: Iterable[dict[str, Any]]) -> Any:
    """A ``pyarrow.Table`` of the events among ``records``."""
    try:
        import pyarrow as pa
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise CronicaError("Parquet export needs pyarrow: pip install 'cronica[parquet]'") from exc
    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    columns: dict[str, list[Any]] = {name: [] for name in FLAT_COLUMNS}
    columns["record"] = []
    for record in records:
        if record.get("kind", "event") != "event":
            continue
        row = flat_event(record)
        row["date"] = _day(row["date"])
        for name in FLAT_COLUMNS:
            columns[name].append(row[name])
        columns["record"].append(json.dumps(record, ensure_ascii=False))
    fields = [pa.field(name, types[kind]) for name, kind in FLAT_COLUMNS.items()] + [
        pa.field("record", pa.string())
    ]
    schema = pa.schema(fields, metadata={"producer": "cronica", "schema_version": "1"})
    return pa.table(columns, schema=schema)


def write_parquet(records: Iterable[dict[str, Any]], path: str) -> int:
    """Write the events to ``path``; returns the number of rows."""
    import pyarrow.parquet as pq

    table = events_table(records)
    pq.write_table(table, path)
    return int(table.num_rows)
