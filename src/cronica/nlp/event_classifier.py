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
from typing import Any

import numpy as np

from cronica.errors import DataFileError
from cronica.nlp.combiner import Combiner
from cronica.nlp.features import FeatureSpec, hashed_counts

#: Version of the file layout; a reader refuses files from a newer layout.
FORMAT_VERSION = 1
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

    def _rows(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        counts = hashed_counts(text, self.spec)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        keys = np.fromiter(counts, dtype=np.int64, count=len(counts))
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
        pos = np.searchsorted(self.buckets, keys)
        pos = np.minimum(pos, len(self.buckets) - 1)
        known = self.buckets[pos] == keys
        rows, vals = pos[known], tf[known] * self.idf[pos[known]]
        norm = math.sqrt(float((vals * vals).sum()))
        return rows, vals / (norm or 1.0)

    def predict(self, text: str) -> Prediction:
        """Probabilities of every head for one text (the same numbers as :meth:`predict_many`)."""
        return self.predict_many([text])[0]

    def predict_many(self, texts: Sequence[str]) -> list[Prediction]:
        """Probabilities of every head for each text: one gather of the texts' weight rows and one
        product for all heads together. Each text's logits are summed over its own rows in order,
        so a text's reading does not depend on the other texts of the batch."""
        if not texts:
            return []
        rows = [self._rows(t) for t in texts]
        sizes = np.array([len(r) for r, _ in rows], dtype=np.int64)
        logits = np.tile(self._intercepts, (len(texts), 1))
        filled = np.flatnonzero(sizes)
        if len(filled):
            contributions = (
                self._weights[np.concatenate([r for r, _ in rows])]
                * np.concatenate([v for _, v in rows]).astype(np.float64)[:, None]
            )
            starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))[filled]
            logits[filled] += np.add.reduceat(contributions, starts, axis=0)
        probs: dict[str, np.ndarray] = {}
        for name, (head, lo, hi) in self._columns.items():
            part = logits[:, lo:hi]
            if len(head.classes) == 2 and hi - lo == 1:
                p1 = 1.0 / (1.0 + np.exp(-part[:, 0]))
                probs[name] = np.stack([1.0 - p1, p1], axis=1)
            else:  # one-vs-rest: each class's sigmoid, normalised to sum to one
                odds = 1.0 / (1.0 + np.exp(-part))
                total = odds.sum(axis=1, keepdims=True)
                probs[name] = odds / np.where(total == 0, 1.0, total)
        orders = {name: np.argsort(-p, axis=1) for name, p in probs.items()}
        out = []
        for i in range(len(texts)):
            scores: dict[str, tuple[tuple[str, float], ...]] = {}
            for name, p in probs.items():
                classes, row = self.heads[name].classes, p[i].tolist()
                scores[name] = tuple((classes[k], row[k]) for k in orders[name][i].tolist())
            out.append(Prediction(scores))
        return out


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
