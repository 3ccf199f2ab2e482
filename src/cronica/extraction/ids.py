"""Record ids: unique within a document and stable across runs, by construction.

In: a document and the final list of one kind of record. Out: the same records with ids
``<prefix>-<kind><offset>``, where ``prefix`` is a hash of the document's id and text and ``offset`` the
character position of the words that name the record (an event's or a statement's trigger, a tally's
number). Two records anchored on the same words get ``.2``, ``.3`` … in list order. Ids depend only on the
document and the record's position in it, so extracting the same document again gives the same ids, and a
record keeps its id when an unrelated record before it appears or goes. Nothing here fails.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

from cronica.fields import replace
from cronica.records import Document, Event, Statement, Tally

R = TypeVar("R", Event, Statement, Tally)

#: The letter of each kind of record in its id.
KIND_LETTER = {Event: "e", Statement: "s", Tally: "t"}


def id_prefix(document: Document) -> str:
    """The first ten hex digits of SHA-1 over the document's id and text."""
    return hashlib.sha1(f"{document.id}\0{document.text}".encode()).hexdigest()[:10]


def _anchor(record: Event | Statement | Tally) -> int:
    if isinstance(record, Tally):
        return record.span.start
    return record.trigger.start


def with_ids(records: Sequence[R], prefix: str) -> list[R]:
    """``records`` with their ids set from their anchors; ids are unique even when anchors repeat."""
    taken: dict[str, int] = {}
    out: list[R] = []
    for record in records:
        base = f"{prefix}-{KIND_LETTER[type(record)]}{_anchor(record)}"
        n = taken.get(base, 0) + 1
        taken[base] = n
        out.append(replace(record, id=base if n == 1 else f"{base}.{n}"))
    return out
