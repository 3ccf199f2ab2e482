"""Text features for the learned event classifier: hashed word and character n-grams.

In: a text (a sentence, a snippet or an ACLED note). Out: a sparse vector as parallel lists of
bucket indices and weights (sub-linear term frequency, optionally times an inverse document frequency,
L2-normalised). Hashing uses CRC-32, which is the same on every machine and Python version, so a model
trained once can be shipped as plain arrays and read back without pickling code. Never raises.

Features: lower-cased words and word bigrams, and character 3- to 5-grams inside each padded word;
digits are folded to ``0`` so that "12 killed" and "3 killed" share features.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class FeatureSpec:
    """How texts become vectors: ``buckets`` is a power of two; ``char_min``..``char_max`` the
    character n-gram lengths."""

    buckets: int = 1 << 18
    char_min: int = 3
    char_max: int = 5
    bigrams: bool = True
    #: capitalised names inside a sentence become one placeholder word before the n-grams are taken
    #: (:func:`mask_names`), so that a model does not learn one country's places and parties
    mask_names: bool = False

    def to_dict(self) -> dict[str, int | bool]:
        out: dict[str, int | bool] = {
            "buckets": self.buckets,
            "char_min": self.char_min,
            "char_max": self.char_max,
            "bigrams": self.bigrams,
        }
        if self.mask_names:  # older model files have no such key and read as False
            out["mask_names"] = True
        return out


#: A capitalised word or run of them ("Kisumu", "Aweil East", "Jabal al Kirsh" counts from "Jabal").
_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z\u00C0-\u024F'’-]+(?:\s+[A-Z][a-z\u00C0-\u024F'’-]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\]\[(\"“]\s*)$")
NAME_PLACEHOLDER = "Xname"


def mask_names(text: str) -> str:
    """``text`` with every capitalised name that does not open a sentence replaced by
    :data:`NAME_PLACEHOLDER` ("On 3 May, gunmen attacked Kisumu" -> "On 3 May, gunmen attacked Xname";
    month names are names too). Acronyms (all capitals) stay: they are often a group's known name."""
    out: list[str] = []
    last = 0
    for m in _NAME.finditer(text):
        if _SENTENCE_START.search(text[max(0, m.start() - 3) : m.start()]):
            continue
        out.append(text[last : m.start()])
        out.append(NAME_PLACEHOLDER)
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def grams(text: str, spec: FeatureSpec) -> list[str]:
    """The n-gram strings of ``text`` (before hashing)."""
    if spec.mask_names:
        text = mask_names(text)
    words = [_DIGIT.sub("0", w) for w in _WORD.findall(text.lower())]
    out = ["w " + w for w in words]
    if spec.bigrams:
        out.extend("b " + a + " " + b for a, b in zip(words, words[1:], strict=False))
    for w in words:
        padded = f"<{w}>"
        for n in range(spec.char_min, spec.char_max + 1):
            out.extend("c " + padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


def hashed_counts(text: str, spec: FeatureSpec) -> dict[int, int]:
    """Bucket -> raw count for every n-gram of ``text`` (the n-grams of :func:`grams`, counted in the
    order they come). A word's own buckets (the word and its character n-grams) are hashed once and
    kept (:func:`_word_buckets`): the same words recur in every text."""
    if spec.mask_names:
        text = mask_names(text)
    # digits folded before the words are cut: a digit is a word character wherever it stands, and
    # "0" is one too, so the words are those of :func:`grams`
    words = _WORD.findall(_DIGIT.sub("0", text.lower()))
    table = _WORD_TABLES.get(spec)
    if table is None:
        table = _WORD_TABLES[spec] = {}
    elif len(table) > _WORD_TABLE_SIZE:
        table.clear()
    own = [table.get(w) or _word_buckets(w, spec, table) for w in words]
    found = [b for b, _ in own]
    if spec.bigrams:
        mask = spec.buckets - 1
        found.extend(
            zlib.crc32(("b " + a + " " + b).encode("utf-8")) & mask
            for a, b in zip(words, words[1:], strict=False)
        )
    for _, chars in own:
        found.extend(chars)
    return Counter(found)  # counts in order of first occurrence, as a dict


#: Words whose buckets :func:`_word_buckets` keeps, per feature spec; emptied past this many words.
_WORD_TABLE_SIZE = 20_000
_WORD_TABLES: dict[FeatureSpec, dict[str, tuple[int, tuple[int, ...]]]] = {}


def _word_buckets(
    word: str, spec: FeatureSpec, table: dict[str, tuple[int, tuple[int, ...]]]
) -> tuple[int, tuple[int, ...]]:
    """The bucket of ``word`` as a word feature and those of its character n-grams, in :func:`grams`'
    order; kept in ``table``."""
    mask = spec.buckets - 1
    padded = f"<{word}>"
    chars = tuple(
        zlib.crc32(("c " + padded[i : i + n]).encode("utf-8")) & mask
        for n in range(spec.char_min, spec.char_max + 1)
        for i in range(len(padded) - n + 1)
    )
    entry = table[word] = (zlib.crc32(("w " + word).encode("utf-8")) & mask, chars)
    return entry


def vectorize(
    text: str, spec: FeatureSpec, idf: Sequence[float] | None = None
) -> tuple[list[int], list[float]]:
    """Sparse L2-normalised TF-IDF vector of ``text`` (indices sorted ascending)."""
    counts = hashed_counts(text, spec)
    idx = sorted(counts)
    vals = [1.0 + math.log(counts[i]) for i in idx]
    if idf is not None:
        vals = [v * idf[i] for v, i in zip(vals, idx, strict=True)]
    norm = math.sqrt(sum(v * v for v in vals)) or 1.0
    return idx, [v / norm for v in vals]
