"""Fitting the event classifier from labelled examples.

In: :class:`~cronica.learn.examples.LabelledExample` records and training settings. Out: an
:class:`~cronica.nlp.event_classifier.EventClassifier` (and, with :func:`train_to_file`, the model file
the package ships). Each head (``event``, ``event_type``, ``sub_event_type``, ``inter1``, ``actor2``)
is a one-vs-rest logistic regression (stochastic gradient descent, fixed seed) over hashed word and
character n-grams, fitted on the examples that carry its label (``actor2``: whether ACLED coded actor
2 as an armed actor, ``armed``: an inter code of ``armed_victims.inter`` in conventions.yaml, or not,
``unarmed``). Buckets seen in fewer than ``min_df`` training texts are dropped before fitting, so
the shipped arrays hold only what the model uses.

Sources are weighed so that no single file (a country, a sample) dominates: each example weighs
1/sqrt(size of its group), rescaled to mean 1. ``class_weight="balanced"`` with ``weigh_groups=False``
(``cronica train --balanced``) instead weighs each class of the coding heads (``event_type``,
``sub_event_type``, ``inter1``) inversely to its frequency and every note alike; the ``event`` head is
always weighed by group, without class weights (its examples mix ACLED notes, all events, with GLOCON
sentences). On the 5 country folds that types more notes of unseen countries right (classifier alone
0.699 -> 0.717) but the pipeline, whose thresholds were chosen with the default model, fewer
(docs/evaluation.md, "Classifier settings chosen on country folds"): not the default.

Training is deterministic for given examples and settings (the seed is fixed). Needs
scikit-learn (the ``train`` extra); a missing install raises :class:`~cronica.errors.CronicaError`
saying how to add it. Predicting with a fitted model needs only numpy.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np

from cronica.errors import CronicaError
from cronica.extraction.conventions import load_conventions
from cronica.learn.examples import LabelledExample
from cronica.nlp.combiner import Combiner
from cronica.nlp.event_classifier import EventClassifier, Head, quantize, save_model
from cronica.nlp.features import FeatureSpec, hashed_counts

ACLED_TERMS = (
    "Trained on ACLED data (Armed Conflict Location & Event Data Project, acleddata.com); ACLED's "
    "terms of use apply: attribution required."
)


#: ACLED's inter codes of an armed actor 2 (conventions.yaml ``armed_victims.inter``): the ``actor2`` head
#: learns whether a note's actor 2 is one of them
_ARMED_ACTOR2 = load_conventions().armed_victims.inter


@dataclass(frozen=True)
class TrainSettings:
    """Knobs of a training run (recorded in the model card)."""

    spec: FeatureSpec = field(default_factory=FeatureSpec)
    min_df: int = 2
    alpha: float = 2e-6
    #: class weights and group weighting of the coding heads (module docstring); the ``event``
    #: head is weighed by group, without class weights
    class_weight: str | None = None
    weigh_groups: bool = True
    epochs: int = 15
    seed: int = 20191120
    heads: tuple[str, ...] = ("event", "event_type", "sub_event_type", "inter1", "actor2")

    def for_head(self, head: str) -> tuple[str | None, bool]:
        """``(class_weight, weigh_groups)`` of one head."""
        if head == "event":
            return None, True
        return self.class_weight, self.weigh_groups


def _label(example: LabelledExample, head: str) -> str | None:
    if head == "event":
        return None if example.event is None else ("event" if example.event else "none")
    if head == "event_type":
        return example.event_type
    if head == "sub_event_type":
        if example.event_type and example.sub_event_type:
            return f"{example.event_type} / {example.sub_event_type}"
        return None
    if head == "inter1":
        return str(example.inter1) if example.inter1 is not None else None
    if head == "actor2":
        if example.inter2 is None:
            return None
        return "armed" if example.inter2 in _ARMED_ACTOR2 else "unarmed"
    raise CronicaError(f"unknown head {head!r}")


def _weights(groups: Sequence[str]) -> np.ndarray:
    sizes = Counter(groups)
    w = np.array([1.0 / math.sqrt(sizes[g]) for g in groups], dtype=np.float64)
    return w / w.mean()


def featurize(examples: Sequence[LabelledExample], spec: FeatureSpec) -> list[dict[int, int]]:
    """Hashed n-gram counts of every example (computed once when several fits share examples)."""
    return [hashed_counts(e.text, spec) for e in examples]


def fit(
    examples: Sequence[LabelledExample],
    settings: TrainSettings | None = None,
    counts: Sequence[dict[int, int]] | None = None,
) -> EventClassifier:
    """Fit every head that has at least two classes among ``examples``; ``counts`` are their
    :func:`featurize` output when the caller has it already."""
    try:
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import SGDClassifier
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise CronicaError(
            "training needs scikit-learn: pip install 'cronica[train]' (or pip install scikit-learn)"
        ) from exc
    settings = settings or TrainSettings()
    spec = settings.spec
    if not examples:
        raise CronicaError("no labelled examples to train on")
    counts = counts if counts is not None else featurize(examples, spec)
    df: Counter[int] = Counter()
    for c in counts:
        df.update(c.keys())
    kept = np.array(sorted(b for b, n in df.items() if n >= settings.min_df), dtype=np.int64)
    column = {int(b): i for i, b in enumerate(kept)}
    n_docs = len(examples)
    idf = np.array([math.log((1 + n_docs) / (1 + df[int(b)])) + 1.0 for b in kept], dtype=np.float32)
    # the model stores idf as float16: fit on the values it will predict with
    idf = idf.astype(np.float16).astype(np.float32)
    indptr, indices, data = [0], [], []
    for c in counts:
        cols = sorted(column[b] for b in c if b in column)
        vals = np.array([(1.0 + math.log(c[int(kept[j])])) * idf[j] for j in cols], dtype=np.float32)
        norm = float(np.sqrt((vals * vals).sum())) or 1.0
        indices.extend(cols)
        data.extend((vals / norm).tolist())
        indptr.append(len(indices))
    matrix = csr_matrix((data, indices, indptr), shape=(n_docs, len(kept)), dtype=np.float32)
    heads: dict[str, Head] = {}
    card_heads: dict[str, Any] = {}
    for head in settings.heads:
        rows = [i for i, e in enumerate(examples) if _label(e, head) is not None]
        labels = [str(_label(examples[i], head)) for i in rows]
        if len(set(labels)) < 2:
            continue
        class_weight, weigh_groups = settings.for_head(head)
        model = SGDClassifier(
            loss="log_loss",
            alpha=settings.alpha,
            max_iter=settings.epochs,
            tol=None,
            random_state=settings.seed,
            class_weight=class_weight,
        )
        sample_weight = _weights([examples[i].group for i in rows]) if weigh_groups else None
        model.fit(matrix[rows], labels, sample_weight=sample_weight)
        classes = tuple(str(c) for c in model.classes_)
        weights, scale = quantize(model.coef_.T)  # fit-time model = shipped model
        heads[head] = Head(classes, weights.astype(np.float32) * scale, model.intercept_.astype(np.float32))
        card_heads[head] = {"examples": len(rows), "classes": dict(Counter(labels))}
    card = {
        "name": "cronica event classifier",
        "trained": datetime.now(UTC).date().isoformat(),
        "training": {
            "examples": n_docs,
            "groups": dict(Counter(e.group for e in examples)),
            "sources": sorted({e.source for e in examples}),
            "heads": card_heads,
            "settings": {
                "min_df": settings.min_df,
                "alpha": settings.alpha,
                "class_weight": settings.class_weight,
                "weigh_groups": settings.weigh_groups,
                "event_head": {"class_weight": None, "weigh_groups": True},
                "epochs": settings.epochs,
                "seed": settings.seed,
                "learner": "sklearn SGDClassifier(loss='log_loss'), one-vs-rest",
            },
        },
        "terms": ACLED_TERMS if any(e.source == "acled" for e in examples) else "",
    }
    return EventClassifier(spec, kept, idf, heads, card)


def train_to_file(
    examples: Sequence[LabelledExample],
    path: str,
    settings: TrainSettings | None = None,
    card: dict[str, Any] | None = None,
    combiner: Combiner | None = None,
) -> EventClassifier:
    """Fit and write the model file; ``card`` adds to the model card (scores, weaknesses);
    ``combiner`` is the learned combiner fitted on this training run's out-of-fold readings
    (:mod:`cronica.learn.combiner`), stored in the same file."""
    fitted = fit(examples, settings)
    model = EventClassifier(
        fitted.spec, fitted.buckets, fitted.idf, fitted.heads, {**fitted.card, **(card or {})}, combiner
    )
    save_model(path, model)
    return model
