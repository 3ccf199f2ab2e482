"""Folds of countries, for evaluation and cross-fitting alike."""

from __future__ import annotations


def deal_countries(sizes: dict[str, int], folds: int) -> dict[str, int]:
    """Countries (ISO alpha-2 -> number of notes) dealt into ``folds`` folds of similar size: the
    largest first, each to the fold with fewest notes so far (ties to the lower fold; codes break
    ties of size), so no fold holds out most of the data. The same on every machine."""
    load = [0] * folds
    out: dict[str, int] = {}
    for code, n in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0])):
        k = min(range(folds), key=lambda i: (load[i], i))
        out[code] = k
        load[k] += n
    return out
