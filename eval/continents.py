#!/usr/bin/env python3
"""Events placed on another continent than the gold country's, per ACLED set.

    python eval/continents.py OUTDIR TAG [SET ...]     (sets default: the ten of eval/acled_sets.sh)

Reads OUTDIR/TAG-SET.json (``cronica eval --json``) and compares the world region (the gazetteer's
``countries.tsv`` region: Africa, Americas, Asia, Europe, Oceania) of each event's resolved country with
that of its gold country. Prints the count per set and each such event (gold id, location words, gold and
resolved country, the sentence), so a session can count the class before and after a change.
"""

from __future__ import annotations

import csv
import json
import sys
from importlib import resources
from pathlib import Path

SETS = ("kdev", "dev13", "glob", "benin", "afgh", "myan", "fresh2", "fresh3", "fresh4", "fresh5")


def regions() -> dict[str, str]:
    path = resources.files("cronica") / "data" / "gazetteer" / "countries.tsv"
    with path.open(encoding="utf-8") as f:
        return {r["code"]: r["region"] for r in csv.DictReader(f, delimiter="\t") if r["region"]}


def strays(records: list[dict], region: dict[str, str]) -> list[dict]:
    out = []
    for r in records:
        if r.get("kind") != "event":
            continue
        want, got = r["expected"].get("country"), (r.get("got") or {}).get("country")
        if not want or not got or want not in region or got not in region:
            continue
        if region[want] != region[got]:
            out.append(r)
    return out


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    outdir, tag, sets = Path(argv[0]), argv[1], argv[2:] or SETS
    region = regions()
    total = 0
    for s in sets:
        path = outdir / f"{tag}-{s}.json"
        if not path.exists():
            print(f"{s:8} (no {path.name})")
            continue
        found = strays(json.loads(path.read_text())["records"], region)
        total += len(found)
        print(f"{s:8} {len(found)}")
        for r in found:
            got = r.get("got") or {}
            sentence = (r.get("evidence") or {}).get("sentence", "")[:140]
            where = f"{r['expected']['country']} -> {got.get('country')}"
            print(f"    {r['item']}: {got.get('location')} {where}: {sentence}")
    print(f"total    {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
