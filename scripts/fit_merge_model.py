"""Refit cronica's pair model from the labelled pairs and report held-out precision and recall.

Usage (from the repository root, with scikit-learn installed: pip install -e '.[dev]'):

    python scripts/fit_merge_model.py            # fit on every pair file, write the packaged model
    python scripts/fit_merge_model.py --check    # cross-corpus scores only, write nothing

Pair files: eval/pairs/india.jsonl (IndiaPoliceEvents articles) and eval/pairs/written.jsonl (reports
written for cronica); see eval/pairs/README.md. The fit is deterministic (lbfgs, fixed data order),
so the same pairs give the same coefficients.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cronica.dedupe import MergeRules
from cronica.dedupe.training import evaluate, fit, read_pairs

ROOT = Path(__file__).resolve().parents[1]
SETS = {"india": ROOT / "eval/pairs/india.jsonl", "written": ROOT / "eval/pairs/written.jsonl"}
OUT = ROOT / "src/cronica/data/merge_model.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="print cross-corpus scores, write nothing")
    args = parser.parse_args(argv)
    rules = MergeRules.load()
    pairs = {name: read_pairs(path) for name, path in SETS.items()}
    print("fitted on -> scored on: pairs (same), precision, recall, F1 [same pairs the hard checks rule out]")
    for train, test in (("india", "written"), ("written", "india")):
        model = fit(pairs[train], rules, {"sets": [train]})
        s = evaluate(model, pairs[test], rules)
        print(
            f"{train} -> {test}: {s.pairs} ({s.same}), P {s.precision:.3f}, R {s.recall:.3f}, "
            f"F1 {s.f1:.3f} [{s.ruled_out_same}] (threshold {model.threshold:.2f})"
        )
    everything = [p for name in SETS for p in pairs[name]]
    model = fit(everything, rules, {"sets": list(SETS)})
    s = evaluate(model, everything, rules)
    print(f"all -> all (fitting data, not held out): P {s.precision:.3f}, R {s.recall:.3f}, F1 {s.f1:.3f}")
    if not args.check:
        OUT.write_text(json.dumps(model.to_mapping(), indent=2) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
