"""Score merging on a group file: documents of the same incidents, written for this purpose.

Usage: python eval/groups/score.py eval/groups/merge7.jsonl [--db OUT.db] [--json OUT.json]

Each line of the group file is a document (``id``, ``published``, ``text``) with ``group`` (the incident it
reports), ``killed`` (the incident's expected reconciled toll, on every line of the group) and optionally
``event: false`` (a reaction that reports no happening of its own). The file is ingested into a fresh
SQLite store with the ``cronica`` next to this interpreter (``--workers 1``; set PYTHONPATH to the code to
measure), and the stored events are read back (``cronica events`` and ``cronica tally``, JSON lines).

Printed: document pairs (of documents that report a happening) merged correctly (same group, sharing an
event), wrongly merged (different groups sharing an event) and missed (same group, no event shared); the
groups whose documents all share one event; and the killed figure: ``cronica tally``'s sum over incidents
against the sum of the groups' expected tolls, and each group's (the sum of the fatalities of the events
its documents are in) against its expected toll.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def _cronica(*args: str) -> str:
    exe = Path(sys.executable).with_name("cronica")
    done = subprocess.run([str(exe), *args], capture_output=True, text=True, check=True)
    return done.stdout


def score(path: Path, db: Path) -> dict[str, object]:
    docs = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    if db.exists():
        db.unlink()
    _cronica("ingest", str(path), "--db", str(db), "--workers", "1", "--quiet")
    events = [json.loads(x) for x in _cronica("events", "--db", str(db), "--format", "jsonl").splitlines()]
    tally = [json.loads(x) for x in _cronica("tally", "--db", str(db), "--format", "jsonl").splitlines()]
    in_events: dict[str, set[str]] = {}
    fatalities: dict[str, int] = {}
    for e in events:
        fatalities[e["id"]] = int(e.get("fatalities") or 0)
        for s in e.get("sources", []):
            in_events.setdefault(str(s["document"]), set()).add(e["id"])
    reporting = [d for d in docs if d.get("event", True)]
    correct, wrong, missed = [], [], []
    for a, b in itertools.combinations(reporting, 2):
        shared = bool(in_events.get(a["id"], set()) & in_events.get(b["id"], set()))
        same = a["group"] == b["group"]
        if same and shared:
            correct.append((a["id"], b["id"]))
        elif shared:
            wrong.append((a["id"], b["id"]))
        elif same:
            missed.append((a["id"], b["id"]))
    groups: dict[str, list[dict[str, object]]] = {}
    for d in docs:
        groups.setdefault(str(d["group"]), []).append(d)
    whole, per_group = [], {}
    for g, members in groups.items():
        sets = [in_events.get(str(d["id"]), set()) for d in members if d.get("event", True)]
        if sets and set.intersection(*sets):
            whole.append(g)
        ids = set().union(*[in_events.get(str(d["id"]), set()) for d in members])
        per_group[g] = {"expected": members[0]["killed"], "got": sum(fatalities[i] for i in ids)}
    expected = sum(int(ms[0]["killed"]) for ms in groups.values())  # type: ignore[call-overload]
    got = sum(int(r.get("killed") or 0) for r in tally if r.get("kind") == "incidents")
    return {
        "documents": len(docs),
        "groups": len(groups),
        "events": len(events),
        "pairs_same": len(correct) + len(missed),
        "merged_correctly": len(correct),
        "wrongly_merged": len(wrong),
        "missed": len(missed),
        "groups_whole": len(whole),
        "killed_expected": expected,
        "killed_tally": got,
        "groups_killed_right": sum(1 for v in per_group.values() if v["expected"] == v["got"]),
        "wrong_pairs": wrong,
        "missed_pairs": missed,
        "killed_by_group": {g: v for g, v in per_group.items() if v["expected"] != v["got"]},
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("path", type=Path)
    p.add_argument("--db", type=Path)
    p.add_argument("--json", type=Path)
    args = p.parse_args()
    db = args.db or Path(tempfile.mkdtemp()) / "groups.db"
    result = score(args.path, db)
    for k, v in result.items():
        print(f"{k}: {v}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
