"""Reader for cronica's own gold format: JSON Lines, one document a line.

In: the ``.jsonl`` path. Out: one :class:`~cronica.eval.gold.GoldItem` per line. Format (every field
but ``id`` and one of ``text``/``path`` is optional)::

    {"id": "bolivia-2019-11-20", "path": "../../examples/bolivia-2019-11-20.txt",
     "published": "2019-11-20", "split": "dev", "exhaustive": [],
     "events": [{"id": "senkata", "hint": "Senkata", "event_type": "Protests",
                 "sub_event_type": "Excessive force against protesters", "date": "2019-11-19",
                 "date_tolerance_days": 0, "fatalities": 8,
                 "counts": {"injured": {"value": 30, "qualifier": "more_than"}},
                 "country_code": "BO", "admin1": "La Paz", "location": "El Alto",
                 "actor1_inter": 1, "actor2_inter": 6, "reported_by": "Ombudsman"}],
     "statements": [{"speaker": "Eva Copa", "date": "2019-11-16", "accept_plover": ["DEMAND", "REQUEST"]}],
     "tallies": [{"what": "arrested", "value": {"value": 500, "qualifier": "more_than"},
                  "since": "2019-11-10"}]}

``path`` is relative to the gold file (then to the working directory). A count is a number or
``{"value", "tolerance", "qualifier"}``. ``split`` defaults to the hash split; ``exhaustive`` lists
the kinds the line lists completely (default none: only recall-style scores).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any, cast

from cronica.errors import DataFileError
from cronica.eval.gold import CountExpectation, GoldItem, GoldRecord, RecordKind, Split, split_of

_RECORD_FIELDS = {
    "event_type",
    "sub_event_type",
    "plover",
    "date",
    "date_tolerance_days",
    "country_code",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "actor1",
    "actor1_inter",
    "actor2",
    "actor2_inter",
    "speaker",
    "what",
    "since",
    "reported_by",
    "hint",
    "id",
}


def _count(value: Any, where: str) -> CountExpectation:
    if isinstance(value, int):
        return CountExpectation(value)
    if isinstance(value, dict) and isinstance(value.get("value"), int):
        return CountExpectation(int(value["value"]), int(value.get("tolerance", 0)), value.get("qualifier"))
    raise DataFileError(f"{where}: a count is a number or {{value, tolerance, qualifier}}, got {value!r}")


def _record(kind: RecordKind, raw: dict[str, Any], where: str) -> GoldRecord:
    unknown = (
        set(raw) - _RECORD_FIELDS - {"fatalities", "counts", "value", "accept_event_types", "accept_plover"}
    )
    if unknown:
        raise DataFileError(f"{where}: unknown fields {sorted(unknown)}")
    kwargs: dict[str, Any] = {k: raw[k] for k in _RECORD_FIELDS if k in raw}
    if "fatalities" in raw:
        kwargs["fatalities"] = _count(raw["fatalities"], where)
    if "value" in raw:
        kwargs["value"] = _count(raw["value"], where)
    if "counts" in raw:
        kwargs["counts"] = {str(k): _count(v, where) for k, v in raw["counts"].items()}
    for key in ("accept_event_types", "accept_plover"):
        if key in raw:
            kwargs[key] = tuple(raw[key])
    if kind == "statement" and "plover" not in kwargs and kwargs.get("accept_plover"):
        kwargs["plover"] = kwargs["accept_plover"][0]
    return GoldRecord(kind=kind, **kwargs)


def _text(line: dict[str, Any], gold_path: str, where: str) -> str:
    if isinstance(line.get("text"), str):
        return cast(str, line["text"])
    rel = line.get("path")
    if not isinstance(rel, str):
        raise DataFileError(f"{where}: each line needs a text or a path")
    for candidate in (os.path.join(os.path.dirname(os.path.abspath(gold_path)), rel), rel):
        if os.path.exists(candidate):
            with open(candidate, encoding="utf-8") as fh:
                return fh.read()
    raise DataFileError(
        f"{where}: document {rel!r} not found (relative to the gold file or the working directory)"
    )


def read(path: str) -> Iterator[GoldItem]:
    with open(path, encoding="utf-8") as fh:
        for line_no, raw_line in enumerate(fh, start=1):
            if not raw_line.strip():
                continue
            where = f"{path}:{line_no}"
            try:
                line = json.loads(raw_line)
            except json.JSONDecodeError as exc:
                raise DataFileError(f"{where}: not JSON: {exc}") from exc
            if "id" not in line:
                raise DataFileError(f"{where}: each line needs an id")
            records: list[GoldRecord] = []
            for key, kind in (("events", "event"), ("statements", "statement"), ("tallies", "tally")):
                for i, raw in enumerate(line.get(key, [])):
                    records.append(_record(cast(RecordKind, kind), raw, f"{where}: {key}[{i}]"))
            item_id = str(line["id"])
            split = line.get("split") or split_of(item_id)
            if split not in ("dev", "test"):
                raise DataFileError(f"{where}: split must be dev or test")
            yield GoldItem(
                id=item_id,
                text=_text(line, path, where),
                published=line.get("published"),
                records=tuple(records),
                split=cast(Split, split),
                exhaustive=tuple(line.get("exhaustive", ())),
            )
