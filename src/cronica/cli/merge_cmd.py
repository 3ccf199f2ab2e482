"""``cronica merge`` (merge reports automatically, or force two events together) and ``cronica split``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cronica.cli._store_args import add_db, event_id


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "merge",
        help="merge reports of the same event; with two events, force them into one",
        description=(
            "Without events: find reports of the same event (dates within a window, the same or a nearby "
            "place, compatible types and actors, similar evidence sentences) and merge them, recording the "
            "reasons. Never undoes a person's merge or split. With two event numbers: merge them because "
            "you say so (recorded as forced, with your name), even where an earlier split kept them apart."
        ),
    )
    p.add_argument("events", nargs="*", metavar="EVENT", help="two event numbers to force into one")
    add_db(p)
    p.add_argument("--rules", metavar="YAML", help="merge rules (default: the packaged merge_rules.yaml)")
    p.add_argument("--scorer", help="text scorer: tfidf, overlap or package.module:factory")
    p.add_argument("--by", help="who decides (default: your login name)")
    p.add_argument("--reason", help="why (recorded with a forced merge)")
    p.set_defaults(func=run_merge)

    s = subparsers.add_parser(
        "split",
        help="undo the merges of an event (or take one report out of it)",
        description=(
            "Move every report of EVENT back to an event of its own (or only --report N) and record that a "
            "person kept them apart, so later automatic merges never join them again."
        ),
    )
    s.add_argument("event", metavar="EVENT", help="event number")
    add_db(s)
    s.add_argument("--report", type=int, metavar="N", help="take only this report out (see `cronica show`)")
    s.add_argument("--by", help="who decides (default: your login name)")
    s.add_argument("--reason", help="why")
    s.set_defaults(func=run_split)


def run_merge(args: argparse.Namespace) -> int:
    from cronica.dedupe import MergeRules
    from cronica.errors import CronicaError
    from cronica.store import Store

    with Store(args.db) as store:
        if args.events:
            if len(args.events) != 2:
                raise CronicaError("give two event numbers to merge, or none to merge automatically")
            kept = store.merge(
                event_id(args.events[0]), event_id(args.events[1]), by=args.by, reason=args.reason
            )
            print(f"merged into event {kept}")
            return 0
        rules = MergeRules.load(args.rules)
        report = store.merge_auto(rules, args.scorer, by=args.by or "cronica")
        for d in report.decisions:
            print(f"event {d.absorb} -> {d.keep} (score {d.score:.2f}): " + "; ".join(d.reasons[:-1]))
        print(f"merged {report.merged} pairs ({report.candidates} reports considered)", file=sys.stderr)
    return 0


def run_split(args: argparse.Namespace) -> int:
    from cronica.store import Store

    with Store(args.db) as store:
        events = store.split(event_id(args.event), report=args.report, by=args.by, reason=args.reason)
    print("events now: " + ", ".join(str(e) for e in events))
    return 0
