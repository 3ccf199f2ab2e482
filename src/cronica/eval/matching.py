"""Pairing gold records with predicted records of one document.

Rule (greedy, documented in docs/evaluation.md):

1. Only records of the same kind pair (event with event, statement with statement, tally with tally).
2. Every (gold, predicted) pair gets a score from position and content, see :func:`pair_score`:
   where the gold sits (its span, else the first occurrence of its ``hint`` words) against the
   predicted trigger and sentence (overlap 3, within 300 characters 1); type or PLOVER agreement
   (1, plus 0.5 for the sub-event type); date within tolerance (1); place words or admin1 (0.5);
   speaker or actor words (1); tally value (1).
3. Pairs are taken best first; each record is used once, except that on mention-level gold
   (WikiEvents marks every mention of a happening) a predicted record may take several gold mentions.
4. A pair below ``threshold`` stays unmatched (2.0 by default; 0 when the document holds a single gold
   record of that kind, which the document is about).

Classification sets (CASE, PLOVER, ACLED notes) do not use this: their prediction is the document's
main record, chosen without looking at the gold type (:func:`main_record`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from cronica.eval.gold import GoldItem, GoldRecord
from cronica.records import DateValue, Event, Record, Statement, Tally

NEAR_CHARS = 300
DEFAULT_THRESHOLD = 2.0
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "and", "in", "for", "to"})


def normalise(text: str | None) -> str:
    """Lower case, no accents, words separated by one space."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def words_agree(gold: str | None, got: str | None) -> bool:
    """True when half the words of ``gold`` appear in ``got``, or every content word of ``got`` is in
    ``gold`` ("Ehud Barak" for "Israeli Prime Minister Ehud Barak")."""
    g, p = set(normalise(gold).split()), set(normalise(got).split())
    if not g or not p:
        return False
    common = g & p
    content = p - _FUNCTION_WORDS
    return len(common) * 2 >= len(g) or bool(content and content <= g)


def days_apart(a: str | None, b: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(str(a)[:10]) - date.fromisoformat(str(b)[:10])).days)
    except (TypeError, ValueError):
        return None


def date_agrees(gold: GoldRecord, value: DateValue | None) -> bool:
    """The gold date is the record's day (within the gold's tolerance), or falls inside the interval
    of a record dated only to a week or month ("the week up to publication")."""
    if not gold.date or value is None:
        return False
    apart = days_apart(gold.date, value.value)
    if apart is not None and apart <= gold.date_tolerance_days:
        return True
    if value.precision in ("day", None) or not (value.start and value.end):
        return False
    low, high = days_apart(gold.date, value.start), days_apart(gold.date, value.end)
    if low is None or high is None:
        return False
    inside = str(value.start)[:10] <= gold.date[:10] <= str(value.end)[:10]
    return inside or min(low, high) <= gold.date_tolerance_days


def gold_span(item: GoldItem, gold: GoldRecord) -> tuple[int, int] | None:
    if gold.span is not None:
        return gold.span
    if gold.hint:
        at = item.text.find(gold.hint)
        if at >= 0:
            return (at, at + len(gold.hint))
    return None


def _record_spans(record: Record) -> list[tuple[int, int]]:
    spans = []
    if isinstance(record, Tally):
        spans.append((record.span.start, record.span.end))
    else:
        spans.append((record.trigger.start, record.trigger.end))
    if record.sentence is not None:
        spans.append((record.sentence.start, record.sentence.end))
    return spans


def _position_score(span: tuple[int, int] | None, record: Record) -> float:
    if span is None:
        return 0.0
    best = 0.0
    for start, end in _record_spans(record):
        if start < span[1] and span[0] < end:
            return 3.0
        gap = max(start - span[1], span[0] - end)
        if gap <= NEAR_CHARS:
            best = 1.0
    return best


def type_agrees(gold: GoldRecord, event_type: str | None) -> bool:
    if event_type is None:
        return False
    return event_type == gold.event_type or event_type in gold.accept_event_types


def plover_agrees(gold: GoldRecord, plover: str | None) -> bool:
    if plover is None:
        return False
    return plover == gold.plover or plover in gold.accept_plover


def pair_score(item: GoldItem, gold: GoldRecord, record: Record) -> float:
    """How well ``record`` fits ``gold`` (see the module docstring); -1 when the kinds differ."""
    kind = "event" if isinstance(record, Event) else "statement" if isinstance(record, Statement) else "tally"
    if kind != gold.kind:
        return -1.0
    score = _position_score(gold_span(item, gold), record)
    if isinstance(record, Event):
        if type_agrees(gold, record.event_type):
            score += 1.0 + (
                0.5 if gold.sub_event_type and gold.sub_event_type == record.sub_event_type else 0.0
            )
        if gold.location and words_agree(gold.location, record.location.name):
            score += 0.5
        elif gold.admin1 and normalise(gold.admin1) == normalise(record.location.admin1):
            score += 0.5
        for g_actor, actor in ((gold.actor1, record.actor1), (gold.actor2, record.actor2)):
            if g_actor and actor and (words_agree(g_actor, actor.name) or words_agree(g_actor, actor.text)):
                score += 0.5
    elif isinstance(record, Statement):
        if plover_agrees(gold, record.plover):
            score += 1.0
        if (
            gold.speaker
            and record.speaker
            and (
                words_agree(gold.speaker, record.speaker.name)
                or words_agree(gold.speaker, record.speaker.text)
            )
        ):
            score += 1.0
    else:
        if gold.value is not None and abs(record.value - gold.value.value) <= gold.value.tolerance:
            score += 1.0
    if date_agrees(gold, record.as_of if isinstance(record, Tally) else record.date):
        score += 1.0
    return score


def match(
    item: GoldItem, golds: Sequence[GoldRecord], records: Sequence[Record], threshold: float | None = None
) -> dict[int, tuple[int, float]]:
    """Gold index -> (record index, score) for the pairs the greedy rule keeps."""
    if threshold is None:
        threshold = 0.0 if len(golds) == 1 else DEFAULT_THRESHOLD
    pairs = []
    for gi, gold in enumerate(golds):
        for ri, record in enumerate(records):
            s = pair_score(item, gold, record)
            if s >= threshold and s >= 0:
                pairs.append((s, -gi, -ri, gi, ri))
    pairs.sort(reverse=True)
    taken_gold: set[int] = set()
    taken_pred: set[int] = set()
    result: dict[int, tuple[int, float]] = {}
    for s, _a, _b, gi, ri in pairs:
        if gi in taken_gold or (ri in taken_pred and not item.mention_level):
            continue
        result[gi] = (ri, s)
        taken_gold.add(gi)
        taken_pred.add(ri)
    return result


def main_record(item: GoldItem, records: Sequence[Record], span: tuple[int, int] | None) -> Record | None:
    """The document's main record for classification sets.

    The record whose trigger or sentence overlaps the gold's marked words when the gold marks any
    (PLOVER marks the event words; this is a position, not a type), else the most confident one,
    ties broken by the earliest trigger.
    """
    if not records:
        return None
    if span is not None:
        overlapping = [r for r in records if _position_score(span, r) >= 3.0]
        if overlapping:
            records = overlapping
    return max(records, key=lambda r: (r.confidence, -_record_spans(r)[0][0]))
