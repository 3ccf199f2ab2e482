"""The fitted event classifier as shipped: plain arrays and a model card, no pickled code.

In: the path of a ``.npz`` file written by :func:`save_model` (the default one ships in
``cronica/data/models/``) and texts. Out: per head (``event``, ``event_type``, ``sub_event_type``,
``inter1``, ``actor2``) a probability for each class. The ``.npz`` holds the hashed feature buckets kept after
pruning, their IDF weights, and per head an int8 weight matrix with one scale per class, and
intercepts (one-vs-rest logistic: class probabilities are the classes' sigmoids normalised to sum
to one); the card (JSON, kept inside the same file under ``card``) says what it was trained on,
ACLED's attribution terms, the scores by held-out split and the known weaknesses. A model may also
carry the learned combiner fitted on its out-of-fold readings (:mod:`cronica.nlp.combiner`:
``combiner.weights``, ``combiner.labels``).

Loading fails with :class:`~cronica.errors.DataFileError` naming the file when it is missing, not a
cronica model, or written by a newer format version; predicting never raises on text.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import chain
from typing import Any

import numpy as np

from cronica.errors import DataFileError
from cronica.nlp.combiner import Combiner
from cronica.nlp.features import FeatureSpec, hashed_counts

#: Version of the file layout; a reader refuses files from a newer layout.
FORMAT_VERSION = 1
#: The start of a one-text batch's only segment (``np.add.reduceat``)
_FIRST = np.zeros(1, dtype=np.intp)
#: The heads a model may have, in the order they are stored.
HEADS = ("event", "event_type", "sub_event_type", "inter1", "actor2")


@dataclass(frozen=True)
class Head:
    """One classification head: class names, weights (buckets x classes) and intercepts."""

    classes: tuple[str, ...]
    weights: np.ndarray
    intercept: np.ndarray


@dataclass(frozen=True)
class Prediction:
    """The classifier's reading of one text: per head, classes sorted by probability."""

    scores: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)

    def best(self, head: str) -> tuple[str, float] | None:
        ranked = self.scores.get(head)
        return ranked[0] if ranked else None

    def probability(self, head: str, label: str) -> float:
        return dict(self.scores.get(head, ())).get(label, 0.0)


class EventClassifier:
    """A fitted linear model over hashed n-grams; load once, predict many texts."""

    def __init__(
        self,
        spec: FeatureSpec,
        buckets: np.ndarray,
        idf: np.ndarray,
        heads: dict[str, Head],
        card: dict[str, Any],
        combiner: Combiner | None = None,
    ) -> None:
        self.spec = spec
        #: the learned combiner fitted on this classifier's out-of-fold readings (:mod:`.combiner`)
        self.combiner = combiner
        self.buckets = buckets.astype(np.int64)
        # bucket -> its row (the first, as a search of the sorted buckets finds it), -1 for a bucket
        # the model does not keep: one look-up a feature instead of a binary search
        size = max(spec.buckets, int(self.buckets.max()) + 1 if len(self.buckets) else 0)
        self._row_of = np.full(size, -1, dtype=np.int64)
        kept, first = np.unique(self.buckets, return_index=True)
        self._row_of[kept] = first
        self.idf = idf.astype(np.float32)
        self.card = card
        # every head's weights side by side, so that one gather and one product serve all heads;
        # each head keeps a view of its columns. Row-major: a text gathers whole rows (one per
        # feature), which from a column-major matrix cost twice the time of the rest of a prediction
        self._weights = np.ascontiguousarray(np.hstack([h.weights for h in heads.values()]))
        self._intercepts = np.concatenate([np.ravel(h.intercept) for h in heads.values()]).astype(np.float64)
        self._columns: dict[str, tuple[Head, int, int]] = {}
        self.heads: dict[str, Head] = {}
        lo = 0
        for name, h in heads.items():
            hi = lo + h.weights.shape[1]
            self.heads[name] = Head(h.classes, self._weights[:, lo:hi], h.intercept)
            self._columns[name] = (self.heads[name], lo, hi)
            lo = hi

    def _rows(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every text's known feature rows and weights, the texts one after another, and how many
        rows each text has. A text's weights are its sub-linear term frequencies times the IDF,
        divided by their own L2 norm; each step is elementwise, or summed over the text's own
        slice, so a text gets the same numbers whatever else is in the batch."""
        counts = [hashed_counts(t, self.spec) for t in texts]
        if len(counts) == 1:  # one text (most calls): its counts as they are, no chaining
            only = counts[0]
            found = [len(only)]
            keys = np.fromiter(only, dtype=np.int64, count=found[0])
            raw = np.fromiter(only.values(), dtype=np.float32, count=found[0])
        else:
            found = [len(c) for c in counts]
            total = sum(found)
            keys = np.fromiter(chain.from_iterable(counts), dtype=np.int64, count=total)
            raw = np.fromiter(chain.from_iterable(c.values() for c in counts), dtype=np.float32, count=total)
        row_of = self._row_of.take(keys)
        known = row_of >= 0
        rows = row_of[known]
        vals = (1.0 + np.log(raw[known])) * self.idf.take(rows)
        squares = vals * vals
        if len(texts) == 1:
            # the same float32 division by the same norm as the batch's repeated divisor
            norm = math.sqrt(float(squares.sum())) or 1.0
            return rows, vals / np.float32(norm), np.array([len(rows)], dtype=np.int64)
        sizes = np.bincount(np.repeat(np.arange(len(texts)), found)[known], minlength=len(texts)).tolist()
        norms = []
        start = 0
        for size in sizes:
            norm = math.sqrt(float(squares[start : start + size].sum()))
            norms.append(norm or 1.0)
            start += size
        divisor = np.repeat(np.array(norms, dtype=np.float32), sizes)
        return rows, vals / divisor, np.array(sizes, dtype=np.int64)

    def predict(self, text: str) -> Prediction:
        """Probabilities of every head for one text (the same numbers as :meth:`predict_many`)."""
        return self.predict_many([text])[0]

    def predict_many(self, texts: Sequence[str]) -> list[Prediction]:
        """Probabilities of every head for each text: one gather of the texts' weight rows and one
        product for all heads together. Each text's logits are summed over its own rows in order,
        so a text's reading does not depend on the other texts of the batch."""
        if not texts:
            return []
        rows, vals, sizes = self._rows(texts)
        if len(texts) == 1:
            # one text: its logits are the intercepts plus the one segment's sum (the same additions
            # in the same order as the batch's ``reduceat`` and ``+=``)
            logits = self._intercepts[None, :]
            if len(rows):
                contributions = self._weights.take(rows, axis=0) * vals.astype(np.float64)[:, None]
                logits = logits + np.add.reduceat(contributions, _FIRST, axis=0)
        else:
            logits = np.tile(self._intercepts, (len(texts), 1))
            filled = np.flatnonzero(sizes)
            if len(filled):
                contributions = self._weights.take(rows, axis=0) * vals.astype(np.float64)[:, None]
                starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))[filled]
                logits[filled] += np.add.reduceat(contributions, starts, axis=0)
        odds = 1.0 / (1.0 + np.exp(-logits))  # every class's sigmoid, every head at once
        ranked = [self._ranked(head, odds, lo, hi) for head, lo, hi in self._columns.values()]
        names = list(self._columns)
        return [Prediction(dict(zip(names, scores, strict=True))) for scores in zip(*ranked, strict=True)]

    @staticmethod
    def _ranked(head: Head, odds: np.ndarray, lo: int, hi: int) -> list[tuple[tuple[str, float], ...]]:
        """Each text's classes of ``head`` and their probabilities, the likeliest first (ties in
        the order ``np.argsort`` gives), from the sigmoids of every column (``odds``)."""
        classes = head.classes
        if len(classes) == 2 and hi - lo == 1:  # one column: the second class's probability
            out: list[tuple[tuple[str, float], ...]] = []
            for p1 in odds[:, lo].tolist():
                p0 = 1.0 - p1
                if p1 > p0:
                    out.append(((classes[1], p1), (classes[0], p0)))
                elif p1 < p0:
                    out.append(((classes[0], p0), (classes[1], p1)))
                else:
                    order = np.argsort(-np.array([p0, p1])).tolist()
                    out.append(tuple((classes[k], (p0, p1)[k]) for k in order))
            return out
        part = np.ascontiguousarray(odds[:, lo:hi])  # one-vs-rest: normalised to sum to one
        total = part.sum(axis=1, keepdims=True)
        p = part / (total if total.all() else np.where(total == 0, 1.0, total))
        return [
            tuple([(classes[k], row[k]) for k in ks])
            for ks, row in zip(np.argsort(-p, axis=1).tolist(), p.tolist(), strict=True)
        ]


def quantize(weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Weights as int8 with one scale per class (the largest weight of a class maps to 127)."""
    w = np.asarray(weights, dtype=np.float32)
    scale = np.abs(w).max(axis=0) / 127.0
    scale[scale == 0] = 1.0
    return np.round(w / scale).astype(np.int8), scale.astype(np.float32)


def save_model(path: str, model: EventClassifier) -> None:
    """Write a model file (compressed ``.npz``); see the module docstring for its layout."""
    arrays: dict[str, np.ndarray] = {
        "buckets": model.buckets.astype(np.int32),
        "idf": model.idf.astype(np.float16),
        "card": np.frombuffer(
            json.dumps(
                {
                    **model.card,
                    "format_version": FORMAT_VERSION,
                    "features": model.spec.to_dict(),
                    "heads": {n: list(h.classes) for n, h in model.heads.items()},
                },
                ensure_ascii=False,
                sort_keys=True,
            ).encode("utf-8"),
            dtype=np.uint8,
        ),
    }
    for name, head in model.heads.items():
        weights, scale = quantize(head.weights)
        arrays[f"{name}.weights"] = weights
        arrays[f"{name}.scale"] = scale
        arrays[f"{name}.intercept"] = head.intercept.astype(np.float32)
    if model.combiner is not None:
        arrays["combiner.weights"] = model.combiner.weights.astype(np.float64)
        arrays["combiner.labels"] = np.frombuffer(
            json.dumps(list(model.combiner.labels)).encode("utf-8"), dtype=np.uint8
        )
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "wb") as fh:
        np.savez_compressed(fh, **arrays)  # type: ignore[arg-type]


def read_card(path: str) -> dict[str, Any]:
    """The model card of a model file, without loading the weights."""
    return load_model(path).card


def load_model(path: str | None = None) -> EventClassifier:
    """Read a model file; ``None`` is the default model shipped in the package."""
    path = path or default_model_path()
    if not os.path.exists(path):
        raise DataFileError(f"{path}: no event classifier here; run `cronica train` to make one")
    try:
        with np.load(path, allow_pickle=False) as data:
            card = json.loads(bytes(data["card"]).decode("utf-8"))
            version = int(card.get("format_version", 0))
            if version > FORMAT_VERSION:
                raise DataFileError(
                    f"{path}: model format {version} is newer than this cronica reads ({FORMAT_VERSION}); "
                    "upgrade cronica or retrain with `cronica train`"
                )
            spec = FeatureSpec(**card["features"])
            heads = {
                name: Head(
                    tuple(classes),
                    np.asarray(data[f"{name}.weights"]).astype(np.float32)
                    * np.asarray(data[f"{name}.scale"]),
                    np.asarray(data[f"{name}.intercept"]),
                )
                for name, classes in card["heads"].items()
            }
            combiner = None
            if "combiner.weights" in data:
                labels = tuple(json.loads(bytes(data["combiner.labels"]).decode("utf-8")))
                combiner = Combiner(labels, np.asarray(data["combiner.weights"], dtype=np.float64))
            return EventClassifier(
                spec, np.asarray(data["buckets"]), np.asarray(data["idf"]), heads, card, combiner
            )
    except DataFileError:
        raise
    except (OSError, ValueError, KeyError, TypeError, json.JSONDecodeError) as exc:
        raise DataFileError(f"{path}: not a cronica event classifier ({type(exc).__name__}: {exc})") from exc


def default_model_path() -> str:
    return str(resources.files("cronica").joinpath("data", "models", "event_classifier.npz"))
