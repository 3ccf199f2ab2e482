"""JSON Lines: one record of the interchange contract per line (UTF-8, no ASCII escaping)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any


def _default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def write_jsonl(records: Iterable[dict[str, Any]], fp: IO[str]) -> int:
    """Write each dictionary as one JSON line; returns how many were written."""
    n = 0
    for record in records:
        fp.write(json.dumps(record, ensure_ascii=False, default=_default))
        fp.write("\n")
        n += 1
    return n
