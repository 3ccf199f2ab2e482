"""Typed gold items: what a reader of a published gold set hands to the scorer.

In: nothing (these are plain records). Out: :class:`GoldItem` (one input text with its publication
date and what is expected from it) holding :class:`GoldRecord` expectations. Every reader in this
package yields ``GoldItem`` objects; the scorer never sees a publisher's own layout.

The dev/test split is a hash of the item id (:func:`split_of`): stable across runs, machines and
file orderings, about half of the items in each part. Report ``test`` scores as the untuned ones.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

RecordKind = Literal["event", "statement", "tally"]
Split = Literal["dev", "test"]


def split_of(item_id: str) -> Split:
    """``dev`` or ``test`` for an item id: the parity of the first byte of SHA-256(id)."""
    digest = hashlib.sha256(item_id.encode("utf-8")).digest()
    return "dev" if digest[0] % 2 == 0 else "test"


def file_sha256(path: str) -> str:
    """The SHA-256 of a file's bytes, in hex (recorded in every run and in the gate's baseline)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True)
class CountExpectation:
    """An expected count: ``value`` within ``tolerance`` (absolute)."""

    value: int
    tolerance: int = 0
    qualifier: str | None = None


@dataclass(frozen=True)
class GoldRecord:
    """One expected event, statement or tally; ``None`` means the gold says nothing about a field.

    ``span`` (start, end) is where the gold annotation sits in the item text (a trigger, or the
    words of the record); ``hint`` is a few words that identify it when there is no span. The
    ``source_label`` is the publisher's own label (a CASE SubType, a KAIROS type, a PLOVER
    category); ``unmapped`` is true when that label has no cronica counterpart: such a record is
    listed in the output and never counted as missed.
    """

    kind: RecordKind = "event"
    event_type: str | None = None
    sub_event_type: str | None = None
    plover: str | None = None
    accept_event_types: tuple[str, ...] = ()
    accept_plover: tuple[str, ...] = ()
    date: str | None = None
    date_tolerance_days: int = 0
    fatalities: CountExpectation | None = None
    counts: dict[str, CountExpectation] = field(default_factory=dict)
    country_code: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    actor1: str | None = None
    actor1_inter: int | None = None
    actor2: str | None = None
    actor2_inter: int | None = None
    speaker: str | None = None
    what: str | None = None
    value: CountExpectation | None = None
    since: str | None = None
    reported_by: str | None = None
    span: tuple[int, int] | None = None
    hint: str | None = None
    source_label: str | None = None
    unmapped: bool = False
    id: str | None = None


@dataclass(frozen=True)
class GoldItem:
    """One input text and what is expected from it.

    ``label`` is set by classification-style sets (CASE, PLOVER): the one type the whole text is
    labelled with; ``None`` there means "no event of a kind cronica codes" (a negative).
    ``exhaustive`` names the record kinds the gold lists completely: an extra prediction of such a
    kind is a false positive; for other kinds only recall-style scores count. ``mention_level``
    says the gold marks every mention (WikiEvents), so one predicted record may satisfy several
    gold mentions of the same happening.
    """

    id: str
    text: str
    published: str | None
    records: tuple[GoldRecord, ...] = ()
    split: Split = "dev"
    label: str | None = None
    label_source: str | None = None
    classify: bool = False
    exhaustive: tuple[RecordKind, ...] = ()
    mention_level: bool = False
    meta: dict[str, str] = field(default_factory=dict)
