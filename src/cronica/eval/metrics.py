"""Scoring predicted records against gold: per-field accuracy, detection P/R/F1, label F1, confusion,
place distances and a per-record diff.

In: :class:`~cronica.eval.gold.GoldItem` objects and the records cronica produced for each
(:meth:`Scorer.add`). Out: :meth:`Scorer.result`, a JSON-ready dict with stable keys:

* ``scores``: one entry per field, each with ``metric`` and ``score`` (the number the gate reads):
  ``event_type``, ``sub_event_type``, ``plover``, ``fatalities``, ``counts.killed``,
  ``counts.injured``, ``counts.arrested``, ``counts.participants``, ``date``, ``country``,
  ``admin1`` (the words of the gold name in cronica's English or GeoNames name), ``admin1_keyed``
  (the same division by the keyed comparison of ``--mode places``, when the scorer is given it),
  ``location``, ``within_25km``,
  ``actor1``, ``actor2``, ``actor1_inter``, ``actor2_inter``, ``reported_by``, ``speaker``,
  ``statement_plover``, ``statement_date``, ``statement_location``, ``tally_value``, ``tally_since``,
  ``tally_what`` (accuracy over the gold records that state the field; a gold record nothing matched
  counts as wrong), ``events``, ``statements``, ``tallies`` (detection precision / recall / F1 on
  documents that are not classification items) and ``label`` (weighted F1 of the document label on
  classification sets, with accuracy and macro F1 beside it);
* ``confusion``: gold label -> predicted label -> count, for ``event_type``, ``sub_event_type``,
  ``plover`` and ``label`` (``NONE`` = nothing predicted / nothing expected);
* ``per_label``: precision, recall, F1 and support of each document label;
* ``distance_km``: bucket counts and the median over gold records with coordinates;
* ``unmapped``: gold labels with no cronica counterpart and how often they occurred;
* ``records``: the per-record diff (expected, got, which fields agree, the evidence).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from cronica.eval.gold import GoldItem, GoldRecord
from cronica.eval.matching import (
    date_agrees,
    days_apart,
    gold_span,
    main_record,
    match,
    normalise,
    plover_agrees,
    type_agrees,
    words_agree,
)
from cronica.records import COUNT_CATEGORIES, Event, Record, Statement, Tally
from cronica.resolve.geo import haversine_km

NONE = "NONE"
DISTANCE_BUCKETS: tuple[tuple[str, float], ...] = (
    ("<=1", 1.0),
    ("<=5", 5.0),
    ("<=25", 25.0),
    ("<=100", 100.0),
    ("<=500", 500.0),
    (">500", math.inf),
)
COUNT_FIELDS = COUNT_CATEGORIES


def _kind(record: Record) -> str:
    return "event" if isinstance(record, Event) else "statement" if isinstance(record, Statement) else "tally"


def summary(record: Record | None) -> dict[str, Any] | None:
    """The fields of a predicted record that the scorer compares, for the diff."""
    if record is None:
        return None
    if isinstance(record, Event):
        counts = record.to_dict()["counts"]
        return {
            "event_type": record.event_type,
            "sub_event_type": record.sub_event_type,
            "plover": record.plover,
            "date": record.date.value,
            "fatalities": record.fatalities,
            "counts": {k: (v["value"], v["qualifier"]) for k, v in counts.items() if v},
            "location": record.location.name,
            "country": record.location.country_code,
            "admin1": record.location.admin1,
            "coordinates": (record.location.latitude, record.location.longitude),
            "actor1": (record.actor1.name, record.actor1.inter) if record.actor1 else None,
            "actor2": (record.actor2.name, record.actor2.inter) if record.actor2 else None,
        }
    if isinstance(record, Statement):
        return {
            "speaker": record.speaker.name if record.speaker else None,
            "plover": record.plover,
            "date": record.date.value,
            "location": record.location.name,
            "content": record.content[:200],
        }
    return {
        "what": record.what,
        "category": record.category,
        "value": record.value,
        "qualifier": record.qualifier,
        "since": record.since.value if record.since else None,
        "as_of": record.as_of.value,
        "reported_by": record.reported_by,
    }


def _evidence(record: Record | None) -> dict[str, str] | None:
    if record is None:
        return None
    trigger = record.span if isinstance(record, Tally) else record.trigger
    return {"trigger": trigger.text, "sentence": record.sentence.text if record.sentence else ""}


def _count_ok(exp: Any, value: int | None, qualifier: str | None) -> bool:
    if value is None:
        return False
    return bool(
        abs(value - exp.value) <= exp.tolerance and (exp.qualifier is None or exp.qualifier == qualifier)
    )


def _event_label(record: Record | None) -> str:
    if isinstance(record, Event):
        return f"{record.event_type} / {record.sub_event_type}"
    return NONE


def _plover_label(record: Record | None, gold: GoldRecord | None) -> str:
    if not isinstance(record, Event | Statement):
        return NONE
    if gold is not None and plover_agrees(gold, record.plover):
        return gold.plover or record.plover
    return record.plover


@dataclass
class _Tally:
    correct: int = 0
    n: int = 0


class Scorer:
    """Accumulates scores over gold items; see the module docstring for the result's keys."""

    def __init__(
        self, keep_records: bool = True, same_admin1: Callable[[str, str, str | None], bool] | None = None
    ) -> None:
        """``same_admin1(country, gold, got)``: the keyed admin1 comparison of places mode
        (:func:`cronica.eval.places.same_admin1`); with it the scores hold ``admin1_keyed`` beside the
        word-for-word ``admin1``."""
        self.same_admin1 = same_admin1
        self.fields: dict[str, _Tally] = defaultdict(_Tally)
        self.detection: dict[str, Counter[str]] = defaultdict(Counter)
        self.confusion: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        self.labels: list[tuple[str, str]] = []
        self.distances: list[float] = []
        self.no_coordinates = 0
        self.unmapped: Counter[str] = Counter()
        self.negatives: Counter[str] = Counter()
        self.diffs: list[dict[str, Any]] = []
        self.keep_records = keep_records
        self.items = 0

    # -- per field -------------------------------------------------------------------------
    def _field(self, name: str, ok: bool, checks: dict[str, bool]) -> None:
        self.fields[name].n += 1
        self.fields[name].correct += int(ok)
        checks[name] = ok

    def _score_event(self, g: GoldRecord, e: Event | None) -> tuple[dict[str, Any], dict[str, bool]]:
        exp: dict[str, Any] = {}
        ok: dict[str, bool] = {}
        if g.event_type or g.accept_event_types:
            exp["event_type"] = g.event_type or g.accept_event_types[0]
            self._field("event_type", e is not None and type_agrees(g, e.event_type), ok)
            self.confusion["event_type"][(exp["event_type"], e.event_type if e else NONE)] += 1
        if g.sub_event_type:
            exp["sub_event_type"] = g.sub_event_type
            self._field("sub_event_type", e is not None and e.sub_event_type == g.sub_event_type, ok)
            self.confusion["sub_event_type"][(g.sub_event_type, e.sub_event_type if e else NONE)] += 1
        if g.plover:
            exp["plover"] = g.plover
            self._field("plover", e is not None and plover_agrees(g, e.plover), ok)
            self.confusion["plover"][(g.plover, _plover_label(e, g))] += 1
        if g.fatalities is not None:
            exp["fatalities"] = g.fatalities.value
            self._field("fatalities", e is not None and _count_ok(g.fatalities, e.fatalities, None), ok)
        if g.counts:
            counts = e.to_dict()["counts"] if e is not None else {}
            for cat, want in g.counts.items():
                got = counts.get(cat) or {}
                exp[f"counts.{cat}"] = (want.value, want.qualifier)
                self._field(f"counts.{cat}", _count_ok(want, got.get("value"), got.get("qualifier")), ok)
        if g.date:
            exp["date"] = g.date
            self._field("date", e is not None and date_agrees(g, e.date), ok)
        place = e.location if e else None
        if g.country_code:
            exp["country"] = g.country_code
            self._field(
                "country", bool(place and (place.country_code or "").upper() == g.country_code.upper()), ok
            )
        if g.admin1:
            exp["admin1"] = g.admin1
            # the division's name as users write it ("Tripoli") or as GeoNames does ("Ţarābulus"): the
            # record carries both, and gold sets are written in either
            named = place is not None and any(
                words_agree(g.admin1, name) for name in (place.admin1, place.admin1_native) if name
            )
            self._field("admin1", named, ok)
            if self.same_admin1 is not None:
                cc = (g.country_code or "").upper()
                keyed = bool(
                    place
                    and cc
                    and (place.country_code or "").upper() == cc
                    and self.same_admin1(cc, g.admin1, place.admin1)
                )
                self._field("admin1_keyed", keyed, ok)
        if g.location:
            exp["location"] = g.location
            self._field("location", bool(place and words_agree(g.location, place.name)), ok)
        if g.latitude is not None and g.longitude is not None:
            exp["coordinates"] = (g.latitude, g.longitude)
            if place is not None and place.latitude is not None and place.longitude is not None:
                km = haversine_km(g.latitude, g.longitude, place.latitude, place.longitude)
                self.distances.append(km)
                self._field("within_25km", km <= 25.0, ok)
            else:
                self.no_coordinates += 1
                self._field("within_25km", False, ok)
        for name, want_text, want_inter, actor in (
            ("actor1", g.actor1, g.actor1_inter, e.actor1 if e else None),
            ("actor2", g.actor2, g.actor2_inter, e.actor2 if e else None),
        ):
            if want_text:
                exp[name] = want_text
                agree = bool(
                    actor and (words_agree(want_text, actor.name) or words_agree(want_text, actor.text))
                )
                self._field(name, agree, ok)
            if want_inter is not None:
                exp[f"{name}_inter"] = want_inter
                self._field(f"{name}_inter", bool(actor and actor.inter == want_inter), ok)
        if g.reported_by:
            exp["reported_by"] = g.reported_by
            sources: list[str] = list(e.reported_by) if e else []
            if e:
                sources += [c.reported_by for claims in e.counts.values() for c in claims if c.reported_by]
            self._field("reported_by", any(words_agree(g.reported_by, s) for s in sources), ok)
        return exp, ok

    def _score_statement(self, g: GoldRecord, s: Statement | None) -> tuple[dict[str, Any], dict[str, bool]]:
        exp: dict[str, Any] = {}
        ok: dict[str, bool] = {}
        if g.speaker:
            exp["speaker"] = g.speaker
            sp = s.speaker if s else None
            names = (sp.name, sp.text, sp.organisation) if sp else ()
            self._field("speaker", any(words_agree(g.speaker, n) for n in names), ok)
        if g.plover or g.accept_plover:
            exp["plover"] = g.plover or g.accept_plover[0]
            self._field("statement_plover", s is not None and plover_agrees(g, s.plover), ok)
            self.confusion["plover"][(exp["plover"], _plover_label(s, g))] += 1
        if g.date:
            exp["date"] = g.date
            apart = days_apart(g.date, s.date.value) if s else None
            self._field("statement_date", apart is not None and apart <= g.date_tolerance_days, ok)
        if g.location:
            exp["location"] = g.location
            loc = s.location if s else None
            agree = bool(loc and (words_agree(g.location, loc.name) or words_agree(g.location, loc.country)))
            self._field("statement_location", agree, ok)
        return exp, ok

    def _score_tally(self, g: GoldRecord, t: Tally | None) -> tuple[dict[str, Any], dict[str, bool]]:
        exp: dict[str, Any] = {}
        ok: dict[str, bool] = {}
        if g.value is not None:
            exp["value"] = (g.value.value, g.value.qualifier)
            self._field("tally_value", t is not None and _count_ok(g.value, t.value, t.qualifier), ok)
        if g.since:
            exp["since"] = g.since
            apart = days_apart(g.since, t.since.value) if t and t.since else None
            self._field("tally_since", apart == 0, ok)
        if g.what:
            exp["what"] = g.what
            agree = bool(t and (words_agree(g.what, t.what) or normalise(g.what) == normalise(t.category)))
            self._field("tally_what", agree, ok)
        if g.reported_by:
            exp["reported_by"] = g.reported_by
            self._field("tally_reported_by", bool(t and words_agree(g.reported_by, t.reported_by)), ok)
        return exp, ok

    def _score_as_statement(self, g: GoldRecord, s: Statement) -> tuple[dict[str, Any], dict[str, bool]]:
        """A PLOVER gold record whose main prediction is a statement: speaker is the source actor,
        addressee the target; event-only fields (counts) count as wrong."""
        stripped = replace(g, plover=None, accept_plover=(), actor1=None, actor2=None, location=None)
        exp, ok = self._score_event(stripped, None)
        if g.plover:
            exp["plover"] = g.plover
            self._field("plover", plover_agrees(g, s.plover), ok)
            self.confusion["plover"][(g.plover, _plover_label(s, g))] += 1
        for name, want, actor in (("actor1", g.actor1, s.speaker), ("actor2", g.actor2, s.addressee)):
            if want:
                exp[name] = want
                agree = bool(actor and (words_agree(want, actor.name) or words_agree(want, actor.text)))
                self._field(name, agree, ok)
        if g.location:
            exp["location"] = g.location
            self._field("location", words_agree(g.location, s.location.name), ok)
        return exp, ok

    def _score(self, g: GoldRecord, record: Record | None) -> tuple[dict[str, Any], dict[str, bool]]:
        if g.kind == "event":
            return self._score_event(g, record if isinstance(record, Event) else None)
        if g.kind == "statement":
            return self._score_statement(g, record if isinstance(record, Statement) else None)
        return self._score_tally(g, record if isinstance(record, Tally) else None)

    def _diff(self, item: GoldItem, g: GoldRecord | None, record: Record | None, **extra: Any) -> None:
        if not self.keep_records:
            return
        entry: dict[str, Any] = {
            "item": item.id,
            "gold": (g.id or g.source_label) if g else None,
            "kind": g.kind if g else _kind(record) if record else None,
            "label": g.source_label if g else None,
            "got": summary(record),
            "evidence": _evidence(record),
        }
        entry.update(extra)
        self.diffs.append(entry)

    # -- per item --------------------------------------------------------------------------
    def add(self, item: GoldItem, records: tuple[Record, ...] | list[Record]) -> None:
        """Score the records cronica produced for ``item``."""
        self.items += 1
        for g in item.records:
            if g.unmapped and g.source_label:
                self.unmapped[g.source_label] += 1
        if item.classify:
            self._add_classified(item, records)
        else:
            self._add_matched(item, records)

    def _add_classified(self, item: GoldItem, records: tuple[Record, ...] | list[Record]) -> None:
        gold = item.records[0] if item.records else None
        plover_set = gold is not None and gold.plover is not None and gold.event_type is None
        pool = [r for r in records if isinstance(r, Event) or (plover_set and isinstance(r, Statement))]
        main = main_record(item, pool, gold_span(item, gold) if gold else None)
        got_label = _plover_label(main, gold) if plover_set else _event_label(main)
        want_label = item.label or NONE
        self.labels.append((want_label, got_label))
        self.confusion["label"][(want_label, got_label)] += 1
        if gold is None:
            self.negatives[item.label_source or NONE] += 1
            self._diff(item, None, main, expected={"label": NONE}, correct={"label": got_label == NONE})
            return
        if isinstance(main, Statement):
            exp, ok = self._score_as_statement(gold, main)
        else:
            exp, ok = self._score_event(gold, main if isinstance(main, Event) else None)
        exp["label"], ok["label"] = want_label, got_label == want_label
        self._diff(item, gold, main, expected=exp, correct=ok)

    def _add_matched(self, item: GoldItem, records: tuple[Record, ...] | list[Record]) -> None:
        for kind in ("event", "statement", "tally"):
            golds = [g for g in item.records if g.kind == kind]
            preds = [r for r in records if _kind(r) == kind]
            pairs = match(item, golds, preds)
            used_preds = {ri for ri, _s in pairs.values()}
            det = self.detection[kind]
            for gi, g in enumerate(golds):
                ri, s = pairs.get(gi, (None, 0.0))
                record = preds[ri] if ri is not None else None
                if g.unmapped:
                    self._diff(item, g, record, expected=None, correct=None, unmapped=True)
                    continue
                det["n_gold"] += 1
                det["tp_gold"] += int(record is not None)
                exp, ok = self._score(g, record)
                self._diff(item, g, record, expected=exp, correct=ok, match_score=round(s, 2))
            if kind in item.exhaustive:
                unmapped_preds = {pairs[gi][0] for gi, g in enumerate(golds) if g.unmapped and gi in pairs}
                mapped_used = used_preds - unmapped_preds
                scored = [ri for ri in range(len(preds)) if ri not in unmapped_preds or ri in mapped_used]
                det["n_pred"] += len(scored)
                det["tp_pred"] += len([ri for ri in scored if ri in mapped_used])
                for ri in scored:
                    if ri not in used_preds:
                        self._diff(item, None, preds[ri], expected=None, correct=None, false_positive=True)

    # -- result ----------------------------------------------------------------------------
    def result(self) -> dict[str, Any]:
        scores: dict[str, Any] = {}
        for name, t in sorted(self.fields.items()):
            if t.n:
                scores[name] = {
                    "metric": "accuracy",
                    "score": round(t.correct / t.n, 4),
                    "correct": t.correct,
                    "n": t.n,
                }
        for kind, det in self.detection.items():
            key = {"event": "events", "statement": "statements", "tally": "tallies"}[kind]
            if not det["n_gold"]:
                continue
            recall = det["tp_gold"] / det["n_gold"]
            entry: dict[str, Any] = {
                "metric": "recall",
                "recall": round(recall, 4),
                "score": round(recall, 4),
            }
            if det["n_pred"]:
                precision = det["tp_pred"] / det["n_pred"]
                f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
                entry.update(metric="f1", precision=round(precision, 4), f1=round(f1, 4), score=round(f1, 4))
            elif "n_pred" in det:
                entry.update(metric="f1", precision=0.0, f1=0.0, score=0.0)
            entry.update({k: det[k] for k in ("tp_gold", "n_gold", "tp_pred", "n_pred")})
            scores[key] = entry
        per_label = label_scores(self.labels)
        if self.labels:
            acc = sum(a == b for a, b in self.labels) / len(self.labels)
            support = sum(v["support"] for v in per_label.values())
            macro = sum(v["f1"] for v in per_label.values() if v["support"]) / max(
                1, sum(1 for v in per_label.values() if v["support"])
            )
            weighted = sum(v["f1"] * v["support"] for v in per_label.values()) / max(1, support)
            scores["label"] = {
                "metric": "weighted_f1",
                "score": round(weighted, 4),
                "weighted_f1": round(weighted, 4),
                "macro_f1": round(macro, 4),
                "accuracy": round(acc, 4),
                "n": len(self.labels),
            }
        confusion: dict[str, dict[str, dict[str, int]]] = {}
        for name, counter in self.confusion.items():
            table: dict[str, dict[str, int]] = {}
            for (want, got), n in sorted(counter.items()):
                if n:
                    table.setdefault(want, {})[got] = n
            confusion[name] = table
        buckets = dict.fromkeys([b for b, _ in DISTANCE_BUCKETS], 0)
        for km in self.distances:
            for name, limit in DISTANCE_BUCKETS:
                if km <= limit:
                    buckets[name] += 1
                    break
        dists = sorted(self.distances)
        return {
            "items": self.items,
            "scores": scores,
            "confusion": confusion,
            "per_label": per_label,
            "distance_km": {
                "buckets": buckets,
                "no_coordinates": self.no_coordinates,
                "median": round(dists[len(dists) // 2], 2) if dists else None,
                "n": len(dists),
            },
            "unmapped": dict(self.unmapped.most_common()),
            "negatives": dict(self.negatives.most_common()),
            "records": self.diffs,
        }


def label_scores(pairs: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per label from (gold, predicted) pairs."""
    labels = sorted({a for a, _ in pairs} | {b for _, b in pairs})
    out: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for a, b in pairs if a == label and b == label)
        fp = sum(1 for a, b in pairs if a != label and b == label)
        fn = sum(1 for a, b in pairs if a == label and b != label)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out[label] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4), "support": tp + fn}
    return out
