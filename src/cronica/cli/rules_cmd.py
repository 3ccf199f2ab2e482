"""``cronica rules``: the extractor's named rules (``rules.yaml``), each with what it says and the
sentence that shows it; ``--rules-off ID`` on extract, ingest and eval switches one off."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "rules",
        help="list the extractor's named rules (ids for --rules-off)",
        description="List the named rules of the extractor (src/cronica/data/rules.yaml): id, stage, "
        "what the rule says and its example sentence. Marks those switched off by CRONICA_RULES_OFF.",
    )
    p.add_argument("--stage", help="only the rules of this stage (e.g. trigger)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cronica.extraction.rules import load_rules

    book = load_rules()
    for rule in book.rules:
        if args.stage and rule.stage != args.stage:
            continue
        state = "off" if rule.id in book.off else "on"
        print(f"{rule.id:32} {state:3}  {rule.says}")
        print(f'{"":37}e.g. "{rule.example}" ({rule.word})')
    return 0
