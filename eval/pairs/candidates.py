"""Candidate pairs to label: every pair of extracted events that merging would score.

Usage: python eval/pairs/candidates.py EVENTS.jsonl PREFIX OUT.jsonl
EVENTS.jsonl comes from eval/pairs/extract_reports.py. Each output line holds the pair id, both
reports' views (what the model reads) and "label": null, to be set to "same" or "different" by a
person reading the evidence (see eval/pairs/README.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cronica.dedupe import MergeRules, ReportView, candidate_pairs, compatible
from cronica.dedupe.training import view_to_dict


def main(argv: list[str]) -> int:
    events_path, prefix, out = argv
    views: list[ReportView] = []
    n = 0
    for line in Path(events_path).read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        name = Path(doc["document"]).name
        for _i, event in enumerate(doc["events"], 1):
            n += 1
            views.append(ReportView.from_record(event, report=n, event=n, document=name))
    rules = MergeRules.load()
    pairs = [(a, b) for a, b in candidate_pairs(views, rules) if compatible(a, b, rules)]
    with open(out, "w", encoding="utf-8") as fh:
        for k, (a, b) in enumerate(pairs, 1):
            rec = {
                "id": f"{prefix}-{k:04d}",
                "label": None,
                "note": "",
                "a": view_to_dict(a),
                "b": view_to_dict(b),
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(views)} reports, {len(pairs)} candidate pairs -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
