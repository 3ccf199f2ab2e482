"""Reader for the PLOVER gold standard records (``PLOVER_GSR_CAMEO.txt``: one JSON array).

In: the file path. Out: one classification :class:`~cronica.eval.gold.GoldItem` per sentence, its
label the PLOVER category (mapped through ``plover.yaml``), with the source/target actor words,
the event location and, where the record gives them, dead / injured / crowd size. The records'
``date`` is a placeholder (2000-01-01) and is not scored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from cronica.errors import DataFileError
from cronica.eval.gold import CountExpectation, GoldItem, GoldRecord, split_of
from cronica.eval.mappings import plover_mapping


def _number(value: Any) -> int | None:
    if value is None:
        return None
    text = str(value).replace(",", "").strip()
    return int(text) if re.fullmatch(r"\d+", text) else None


def _actors(value: Any) -> str | None:
    if not isinstance(value, list):
        return None
    words = [str(a.get("actorText", "")).replace("...", " ").strip() for a in value if isinstance(a, dict)]
    words = [w for w in words if w]
    return "; ".join(words) or None


def _trigger_span(text: str, event_text: str, info: Any) -> tuple[int, int] | None:
    """Where the event words sit: the whole ``eventText``, else the first ``(EVT: ...)`` of the markup."""
    candidates = [event_text]
    markup = info.get("markup") if isinstance(info, dict) else None
    if isinstance(markup, str):
        candidates += [m.strip() for m in re.findall(r"\(EVT:\s*([^)]*)\)", markup)]
    for words in candidates:
        at = text.find(words) if words else -1
        if at >= 0:
            return (at, at + len(words))
    return None


def read(path: str) -> Iterator[GoldItem]:
    mapping = plover_mapping()
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{path}: not a JSON array of PLOVER records: {exc}") from exc
    if not isinstance(data, list):
        raise DataFileError(f"{path}: expected a JSON array of PLOVER records")
    for rec in data:
        category = str(rec.get("event", ""))
        if category in mapping.ignore or not rec.get("text"):
            continue
        accepted = mapping.categories.get(category)
        if accepted is None:
            raise DataFileError(
                f"{path}: {rec.get('id')}: unknown PLOVER category {category!r} (see plover.yaml)"
            )
        text = str(rec["text"])
        item_id = f"plover-gsr:{rec['id']}"
        trigger = str(rec.get("eventText", "")).strip()
        span = _trigger_span(text, trigger, rec.get("textInfo"))
        counts: dict[str, CountExpectation] = {}
        dead, injured, size = _number(rec.get("dead")), _number(rec.get("injured")), _number(rec.get("size"))
        if injured is not None:
            counts["injured"] = CountExpectation(injured)
        if size is not None and size > 1:
            counts["participants"] = CountExpectation(size, tolerance=size // 2)
        loc = rec.get("eventLoc") if isinstance(rec.get("eventLoc"), dict) else {}
        record = GoldRecord(
            kind="event",
            plover=accepted[0],
            accept_plover=accepted,
            fatalities=CountExpectation(dead) if dead is not None else None,
            counts=counts,
            location=(loc or {}).get("name"),
            country_code=(loc or {}).get("country code"),
            actor1=_actors(rec.get("source")),
            actor2=_actors(rec.get("target")),
            span=span,
            hint=trigger or None,
            source_label=category,
            id=item_id,
        )
        yield GoldItem(
            id=item_id,
            text=text,
            published=None,
            records=(record,),
            split=split_of(item_id),
            label=accepted[0],
            label_source=category,
            classify=True,
            meta={"context": str(rec.get("context", "")), "mode": str(rec.get("mode", ""))},
        )
