"""The learned combiner: the rules' coding of a coded summary and the classifier's readings of it,
weighed by a small model fitted on notes of countries the classifier never saw.

In: what the rules made of the summary's first event (:class:`RulesView`: its ACLED sub-type, ``None``
when they found no incident, whether they took it from explicit words, its actors' inter codes and
the counts they read), the classifier's sub-type probabilities on the whole summary and on the
event's own words, and its actor 1 inter probabilities on the whole summary. Out: every sub-type with
a probability, surest first. The model is a conditional logit: each candidate sub-type ``c`` gets the
score ``w . x(c)`` and the scores are normalised by softmax, with (:data:`SHARED`)

- ``log p_report(c)``, ``log p_event(c)`` (the classifier's two readings, floored at 1e-4) and the
  same for ``c``'s event type (its sub-types' probabilities summed);
- ``[rules = c]``, ``[rules' type = type of c]``, and these times the log probabilities (how far the
  rules' coding is kept when the classifier doubts it, and more so when they read explicit words);
- a bias per sub-type (how often ACLED codes it) and a keep-the-rules weight per sub-type (the rules
  read an air strike or a recaptured town from explicit words far more reliably than a riot);
- per event type, the rules' actor codes, their counts and the classifier's actor 1 reading
  (:data:`CONTEXT`): civilians as actor 2 speak for an attack, armed men on both sides for a clash.

So the rules become features of a learned model rather than hand-set thresholds
(:class:`~cronica.extraction.learned.Combination` keeps those for other documents). Fitted by
:mod:`cronica.learn.combiner` (``cronica train``) and stored beside the classifier's heads in the same
model file (:mod:`cronica.nlp.event_classifier`): a combiner is only meaningful with the classifier whose
probabilities it was fitted on. Numpy only; never raises on input.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from cronica.records import COUNT_CATEGORIES

#: The features every candidate sub-type shares a weight for; then one bias and one keep-the-rules
#: weight per sub-type, then per event type a weight for each of :data:`CONTEXT`.
SHARED = (
    "log p(whole report)",
    "log p(event words)",
    "rules' coding",
    "rules' coding x log p(whole report)",
    "rules' coding x log p(event words)",
    "log p(whole report) of the candidate's type",
    "log p(event words) of the candidate's type",
    "rules' type",
    "rules' coding from explicit words x log p(whole report)",
    "rules' type x log p(whole report)",
)
#: What the rules and the classifier's actor head say of the event besides its coding, weighed per
#: event type: actor 1's and actor 2's ACLED inter code by the rules (0: none), which counts the rules
#: read, and the classifier's actor 1 inter probabilities on the whole report.
COUNTS = COUNT_CATEGORIES
CONTEXT = (
    *(f"rules' actor 1 inter {i}" for i in range(9)),
    *(f"rules' actor 2 inter {i}" for i in range(9)),
    *(f"rules' {c} count" for c in COUNTS),
    *(f"p(actor 1 inter {i}, whole report)" for i in range(1, 9)),
)
#: The floor of a probability before its log is taken.
FLOOR = 1e-4


@dataclass(frozen=True)
class RulesView:
    """What the combiner reads of the rules' event: its coding ("Type / Sub-type", ``None`` where the
    rules found no incident), whether they took it from explicit words (not one of the codings that
    turn on context), actor 1's and actor 2's inter codes and the kinds of count they read."""

    coding: str | None
    explicit: bool = False
    actor1: int | None = None
    actor2: int | None = None
    counts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Combiner:
    """Weights over :func:`features` for the sub-types ``labels`` ("Type / Sub-type")."""

    labels: tuple[str, ...]
    weights: np.ndarray

    def __post_init__(self) -> None:
        if self.weights.shape != (width(self.labels),):
            raise ValueError(f"combiner weights of shape {self.weights.shape} for {len(self.labels)} labels")

    def ranked(
        self,
        rules: RulesView,
        report: Mapping[str, float],
        event: Mapping[str, float],
        inter1: Mapping[int, float],
    ) -> list[tuple[str, float]]:
        """Every sub-type with its probability, surest first."""
        scores = features(self.labels, rules, report, event, inter1) @ self.weights
        scores = np.exp(scores - scores.max())
        probs = scores / scores.sum()
        order = np.argsort(-probs, kind="stable")
        return [(self.labels[i], float(probs[i])) for i in order.tolist()]

    def to_card(self) -> dict[str, Any]:
        return {"labels": list(self.labels), "shared_features": list(SHARED), "context": list(CONTEXT)}


def _types(labels: tuple[str, ...]) -> list[str]:
    return sorted({c.partition(" / ")[0] for c in labels})


def width(labels: tuple[str, ...]) -> int:
    """How many features a candidate row has for these labels."""
    return len(SHARED) + 2 * len(labels) + len(_types(labels)) * len(CONTEXT)


def features(
    labels: tuple[str, ...],
    rules: RulesView,
    report: Mapping[str, float],
    event: Mapping[str, float],
    inter1: Mapping[int, float],
) -> np.ndarray:
    """The candidates' feature rows (module docstring): one row per label, :func:`width` columns."""
    k = len(labels)
    types = _types(labels)
    type_of = np.array([types.index(c.partition(" / ")[0]) for c in labels])
    same_type = (type_of[:, None] == type_of[None, :]).astype(float)
    p_report = np.array([report.get(c, 0.0) for c in labels])
    p_event = np.array([event.get(c, 0.0) for c in labels])
    log_report = np.log(np.clip(p_report, FLOOR, 1.0))
    log_event = np.log(np.clip(p_event, FLOOR, 1.0))
    is_rules = np.array([1.0 if c == rules.coding else 0.0 for c in labels])
    rules_type = same_type @ is_rules
    x = np.zeros((k, width(labels)))
    x[:, 0] = log_report
    x[:, 1] = log_event
    x[:, 2] = is_rules
    x[:, 3] = is_rules * log_report
    x[:, 4] = is_rules * log_event
    x[:, 5] = np.log(np.clip(same_type @ p_report, FLOOR, 1.0))
    x[:, 6] = np.log(np.clip(same_type @ p_event, FLOOR, 1.0))
    x[:, 7] = rules_type
    x[:, 8] = is_rules * log_report * (1.0 if rules.explicit else 0.0)
    x[:, 9] = rules_type * log_report
    diagonal = np.arange(k)
    base = len(SHARED)
    x[diagonal, base + diagonal] = 1.0
    x[diagonal, base + k + diagonal] = is_rules
    context = np.zeros(len(CONTEXT))
    context[_code(rules.actor1)] = 1.0
    context[9 + _code(rules.actor2)] = 1.0
    for i, name in enumerate(COUNTS):
        context[18 + i] = 1.0 if name in rules.counts else 0.0
    for code, p in inter1.items():
        if 1 <= code <= 8:
            context[22 + code - 1] = p
    base += 2 * k
    for c in range(k):
        start = base + type_of[c] * len(CONTEXT)
        x[c, start : start + len(CONTEXT)] = context
    return x


def _code(inter: int | None) -> int:
    """An ACLED inter code as a position (0: none or out of range)."""
    return inter if inter is not None and 1 <= inter <= 8 else 0
