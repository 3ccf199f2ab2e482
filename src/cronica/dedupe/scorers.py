"""Text scorers for merging: how alike two reports' evidence sentences are, from 0 to 1.

A scorer is anything with ``name``, ``fit(texts)`` and ``score(a, b)`` (:class:`Scorer`). The
default, :class:`TfidfScorer`, is TF-IDF cosine over word tokens with no dependency beyond the
standard library; :class:`OverlapScorer` is the Jaccard overlap of content words. A sentence-embedding
scorer can be plugged in by naming its factory (``package.module:factory``) in the merge rules or
``cronica merge --scorer``.
"""

from __future__ import annotations

import importlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from cronica.errors import DataFileError

_TOKEN = re.compile(r"[^\W\d_]{3,}|\d+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of three letters or more, and numbers."""
    return _TOKEN.findall(text.lower())


@runtime_checkable
class Scorer(Protocol):
    """Similarity of two texts in [0, 1]; ``fit`` sees every text that will be scored first."""

    name: str

    def fit(self, texts: Sequence[str]) -> None: ...

    def score(self, a: str, b: str) -> float: ...


class OverlapScorer:
    """Jaccard overlap of the two texts' token sets."""

    name = "overlap"

    def fit(self, texts: Sequence[str]) -> None:
        return None

    def score(self, a: str, b: str) -> float:
        ta, tb = set(tokens(a)), set(tokens(b))
        if not ta or not tb:
            return 0.0
        return len(ta & tb) / len(ta | tb)


class TfidfScorer:
    """Cosine similarity of TF-IDF vectors; IDF is learnt from the texts given to :meth:`fit`."""

    name = "tfidf"

    def __init__(self) -> None:
        self._idf: dict[str, float] = {}
        self._n = 0
        self._cache: dict[str, dict[str, float]] = {}

    def fit(self, texts: Sequence[str]) -> None:
        df: Counter[str] = Counter()
        for text in texts:
            df.update(set(tokens(text)))
        self._n = len(texts)
        self._idf = {t: math.log((1 + self._n) / (1 + n)) + 1.0 for t, n in df.items()}
        self._cache = {}

    def _vector(self, text: str) -> dict[str, float]:
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        tf = Counter(tokens(text))
        default = math.log(1 + self._n) + 1.0
        vec = {t: n * self._idf.get(t, default) for t, n in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        vec = {t: v / norm for t, v in vec.items()} if norm else {}
        self._cache[text] = vec
        return vec

    def score(self, a: str, b: str) -> float:
        va, vb = self._vector(a), self._vector(b)
        if len(vb) < len(va):
            va, vb = vb, va
        return min(1.0, sum(v * vb.get(t, 0.0) for t, v in va.items()))


def get_scorer(name: str) -> Scorer:
    """The scorer called ``name``: ``tfidf``, ``overlap`` or ``package.module:factory``."""
    if name == "tfidf":
        return TfidfScorer()
    if name == "overlap":
        return OverlapScorer()
    if ":" in name:
        module_name, _, attr = name.partition(":")
        try:
            factory = getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError) as exc:
            raise DataFileError(f"cannot load scorer {name!r}: {exc}") from exc
        scorer = factory()
        if not isinstance(scorer, Scorer):
            raise DataFileError(f"scorer {name!r} lacks name, fit(texts) and score(a, b)")
        return scorer
    raise DataFileError(f"unknown scorer {name!r}: use tfidf, overlap or package.module:factory")
