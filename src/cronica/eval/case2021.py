"""Reader for the CASE 2021 task 2 TSV (``id``, ``EventSnippet``, ``SubType``), as the shared task ships it.

In: the TSV path. Out: one :class:`~cronica.eval.gold.GoldItem` per snippet, a classification item
whose label is the ACLED "Event type / Sub-event type" the SubType maps to (``case2021.yaml``), or
``None`` for the shared task's non-ACLED types (a snippet that should yield no event). Snippets carry
no publication date.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator

from cronica.errors import DataFileError
from cronica.eval.gold import GoldItem, GoldRecord, split_of
from cronica.eval.mappings import case_mapping


def read(path: str) -> Iterator[GoldItem]:
    mapping = case_mapping()
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or [h.strip() for h in header[:3]] != ["id", "EventSnippet", "SubType"]:
            raise DataFileError(f"{path}: expected the CASE 2021 header id, EventSnippet, SubType")
        for line_no, row in enumerate(reader, start=2):
            if not row or not "".join(row).strip():
                continue
            if len(row) < 3:
                raise DataFileError(f"{path}:{line_no}: expected 3 tab-separated columns, got {len(row)}")
            snippet_id, text, subtype = row[0].strip(), row[1].strip(), row[2].strip()
            item_id = f"case2021:{snippet_id}"
            target = mapping.subtypes.get(subtype)
            if target is None and subtype not in mapping.non_acled:
                raise DataFileError(
                    f"{path}:{line_no}: unknown SubType {subtype!r} (add it to case2021.yaml)"
                )
            records: tuple[GoldRecord, ...] = ()
            label = None
            if target is not None:
                label = f"{target.event_type} / {target.sub_event_type}"
                records = (
                    GoldRecord(
                        kind="event",
                        event_type=target.event_type,
                        sub_event_type=target.sub_event_type,
                        source_label=subtype,
                        id=item_id,
                    ),
                )
            yield GoldItem(
                id=item_id,
                text=text,
                published=None,
                records=records,
                split=split_of(item_id),
                label=label,
                label_source=subtype,
                classify=True,
                exhaustive=("event",),
            )
