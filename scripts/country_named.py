"""Issue 12's second figure: on short protest reports, the country right where the country is named or the
dateline gives it.

In: a cronica-gold file of one-event reports (``eval/gold/latam-briefs.jsonl``) and the JSON that
``cronica eval GOLD --format cronica-gold --split all --json OUT`` wrote for it. Out: country accuracy on
the items whose text names the gold country (any of its names or alternate names in the bundled
``countries.tsv``, whole words: "Chile", "Mexico's", "Perú") or opens on a dateline whose place the gazetteer
has in the gold country ("LA PAZ, Nov 12 (Reuters) -", "Quito, 3 oct (EFE).-"), and on the others. A gold
event the run did not find counts as a wrong country, as in the scorer.

    cronica eval eval/gold/latam-briefs.jsonl --format cronica-gold --split all --json OUT.json
    python scripts/country_named.py eval/gold/latam-briefs.jsonl OUT.json
"""

from __future__ import annotations

import json
import re
import sys

from cronica.resolve import Gazetteer
from cronica.resolve.bundled import country_names
from cronica.resolve.names import fold

#: "LA PAZ, Nov 12 (Reuters) -", "Quito, 3 oct (EFE).-", "SAN SALVADOR, Sept 15 (Reuters)": a place, a
#: comma, a date and an agency in parentheses, opening the text.
DATELINE = re.compile(r"^\s*([^\W\d][^,(]{1,40}),\s*[\w.]+\s+[\w.]+\s*\(", re.UNICODE)


def classify(text: str, country: str, names: dict[str, str], gazetteer: Gazetteer) -> str:
    """ "named", "dateline" or "neither" for one report whose gold country is ``country``."""
    words = f" {fold(text)} "
    if any(code == country and f" {name} " in words for name, code in names.items()):
        return "named"
    found = DATELINE.match(text)
    if found:
        place = found.group(1).strip()
        entries = gazetteer.lookup([place]).get(fold(place), [])
        if any(e.country_code == country for e in entries):
            return "dateline"
    return "neither"


def main(gold_path: str, result_path: str) -> None:
    names = country_names()
    gazetteer = Gazetteer.open()
    right: dict[str, bool] = {}
    for record in json.load(open(result_path, encoding="utf-8"))["records"]:
        if record.get("gold") is not None:
            right[record["item"]] = bool((record.get("correct") or {}).get("country"))
    tally: dict[str, list[int]] = {}
    for line in open(gold_path, encoding="utf-8"):
        item = json.loads(line)
        events = item.get("events") or []
        if len(events) != 1 or not events[0].get("country_code"):
            continue
        kind = classify(item["text"], events[0]["country_code"], names, gazetteer)
        t = tally.setdefault(kind, [0, 0])
        t[0] += int(right.get(item["id"], False))
        t[1] += 1
    given = [sum(tally.get(k, [0, 0])[i] for k in ("named", "dateline")) for i in (0, 1)]
    for kind in ("named", "dateline", "neither"):
        ok, n = tally.get(kind, [0, 0])
        print(f"{kind:9} country {ok}/{n}" + (f" = {ok / n:.3f}" if n else ""))
    print(f"named or dateline: country {given[0]}/{given[1]} = {given[0] / max(given[1], 1):.3f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
