"""Print the scores of ``eval/acled_sets.sh`` runs side by side.

    python eval/acled_table.py OUTDIR TAG1,TAG2 [SET,SET] [FIELD,FIELD]

In: the JSON files ``OUTDIR/TAG-SET.json`` that ``cronica eval --json`` wrote. Out: one line per set
and tag on standard output; a missing file is shown as missing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SETS = ["kdev", "dev13", "glob", "benin", "afgh", "myan", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7"]
FIELDS = [
    "event_type",
    "sub_event_type",
    "actor1_inter",
    "actor2_inter",
    "actor1",
    "actor2",
    "fatalities",
    "country",
    "admin1",
    "within_25km",
]


def main(argv: list[str]) -> None:
    out, tags = Path(argv[0]), argv[1].split(",")
    sets = argv[2].split(",") if len(argv) > 2 else SETS
    fields = argv[3].split(",") if len(argv) > 3 else FIELDS
    print(f"{'set':7} {'tag':8} " + " ".join(f"{f[:8]:>8}" for f in fields) + "      n")
    for name in sets:
        for tag in tags:
            path = out / f"{tag}-{name}.json"
            if not path.exists():
                print(f"{name:7} {tag:8} (missing)")
                continue
            scores = json.loads(path.read_text(encoding="utf-8"))["scores"]
            row = [
                f"{scores[f]['score']:8.3f}" if scores.get(f, {}).get("score") is not None else "       -"
                for f in fields
            ]
            n = scores.get("event_type", {}).get("n", "")
            print(f"{name:7} {tag:8} " + " ".join(row) + f"  {n:>5}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1:])
