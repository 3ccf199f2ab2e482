"""Folds of countries, for evaluation and cross-fitting alike."""

from __future__ import annotations

import csv
from collections import Counter
from functools import cache
from importlib import resources


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


@cache
def subregions() -> dict[str, str]:
    """ISO alpha-2 country code -> its UN M49 subregion ("Eastern Africa", "Western Asia", ...), from
    the bundled gazetteer's countries.tsv."""
    text = resources.files("cronica.data").joinpath("gazetteer/countries.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return {r["code"]: r["subregion"] for r in rows if r.get("subregion")}


def deal_regions(sizes: dict[str, int], folds: int) -> dict[str, int]:
    """Countries (ISO alpha-2 -> number of notes) into ``folds`` folds where every country of a UN
    subregion falls in the same fold (the subregions dealt as :func:`deal_countries` deals countries;
    a country with no known subregion is a region of its own): a fold's notes are scored by a model
    that saw no country of their region."""
    region = subregions()
    group = {code: region.get(code, code) for code in sizes}
    totals: Counter[str] = Counter()
    for code, n in sizes.items():
        totals[group[code]] += n
    fold_of_group = deal_countries(dict(totals), folds)
    return {code: fold_of_group[group[code]] for code in sizes}
