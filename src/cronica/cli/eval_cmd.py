"""``cronica eval`` (score cronica on a gold file) and ``cronica eval-gate`` (the CI quality gate).

Thin layer over :mod:`cronica.eval`: parses arguments, runs, prints the table, writes JSON, and turns
a failed gate into exit status 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from cronica.cli._run_args import add_rules_off, add_workers
from cronica.cli._store_args import add_corpus_prior, add_country_hint, country_code

DEFAULT_BASELINE = os.path.join("eval", "baseline.json")


def register(subparsers: Any) -> None:
    from cronica.eval.runner import FORMATS, SPLITS

    p = subparsers.add_parser(
        "eval",
        help="score cronica on a gold set (ACLED CSV, PLOVER GSR, CASE 2021, WikiEvents, cronica gold)",
        description=(
            "Read a gold file as its publisher ships it, run cronica on its texts and print per-field "
            "scores, confusions, place distances and the records that disagree. Items are split into dev "
            "and test by a hash of their id; tune on dev, report test."
        ),
    )
    p.add_argument("path", help="the gold file")
    p.add_argument("--format", required=True, choices=sorted(FORMATS), help="the gold file's format")
    p.add_argument("--split", default="dev", choices=SPLITS, help="which half of the items")
    p.add_argument("--limit", type=int, default=None, help="score only the first N items of the split")
    p.add_argument("--json", metavar="OUT", help="write the full result as JSON")
    p.add_argument("--model", default=None, help="spaCy model (default: $CRONICA_MODEL or the default model)")
    p.add_argument(
        "--places",
        choices=("gazetteer", "ner"),
        default=None,
        help="place locator: the offline gazetteer (default) or the NER-labels-only baseline",
    )
    p.add_argument("--batch-size", type=int, default=16, help="documents per nlp.pipe batch (default: 16)")
    p.add_argument(
        "--diffs", type=int, default=15, help="how many disagreeing records to print (default: 15)"
    )
    p.add_argument(
        "--mode",
        choices=("extract", "places"),
        default="extract",
        help="extract: the whole pipeline, end to end (default); places: place resolution alone, given "
        "the gold place words (gold sets with place names and coordinates, such as ACLED exports)",
    )
    p.add_argument(
        "--by-country",
        action="store_true",
        help="also print every score per gold country (split by country to report unseen countries)",
    )
    p.add_argument(
        "--select-country",
        action="append",
        type=country_code,
        default=[],
        metavar="CC",
        help="score only items whose gold country is CC (repeatable)",
    )
    p.add_argument(
        "--exclude-country",
        action="append",
        type=country_code,
        default=[],
        metavar="CC",
        help="leave out items whose gold country is CC (repeatable): the countries you tuned on",
    )
    add_country_hint(p)
    add_corpus_prior(p)
    add_workers(p, quiet=False)
    add_rules_off(p)
    p.set_defaults(func=run_eval)

    g = subparsers.add_parser(
        "eval-gate",
        help="run the affordable dev sets and fail when a score falls below its floor",
        description=(
            "Run every dataset in the baseline file and compare each field's score with its floor minus "
            "the stated noise margin; exit 1 on any drop or on a changed gold file. --update raises floors "
            "to the new scores (never lowers them); --update --force also lowers them and accepts changed "
            "gold files."
        ),
    )
    g.add_argument(
        "--baseline", default=DEFAULT_BASELINE, help=f"baseline file (default: {DEFAULT_BASELINE})"
    )
    g.add_argument("--update", action="store_true", help="raise the floors to the scores of this run")
    g.add_argument("--force", action="store_true", help="with --update: allow lower floors, new gold hashes")
    g.add_argument("--only", action="append", metavar="DATASET", help="run only this dataset (repeatable)")
    g.add_argument("--json", metavar="OUT", help="write every dataset's result as JSON")
    g.add_argument("--model", default=None, help="spaCy model (default: $CRONICA_MODEL or the default model)")
    add_workers(g, quiet=False)
    add_rules_off(g)
    g.set_defaults(func=run_gate)


def run_eval(args: argparse.Namespace) -> int:
    from cronica.eval.report import render
    from cronica.eval.runner import SNIPPET_FORMATS, Selection, run, runner_extractor
    from cronica.parallel import PipelineSpec, Runner

    select = Selection(tuple(args.select_country), tuple(args.exclude_country), args.by_country)
    common: dict[str, Any] = {
        "split": args.split,
        "limit": args.limit,
        "batch_size": args.batch_size,
        "mode": args.mode,
        "select": select,
        "country": tuple(args.country),
        "model": args.model,
        "corpus": args.corpus_prior,
    }
    if args.mode == "places":
        result = run(args.path, args.format, **common)
    else:
        spec = PipelineSpec(
            args.model,
            keep_generic=args.format in SNIPPET_FORMATS,
            places=args.places,
            country=tuple(args.country),
        )
        with Runner(spec, args.workers, batch_size=args.batch_size) as runner:
            extract, info = runner_extractor(runner)
            result = run(args.path, args.format, extract=extract, model_info=info, **common)
    print(render(result, max_diffs=args.diffs))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=1, ensure_ascii=False)
    return 0


def run_gate(args: argparse.Namespace) -> int:
    from cronica.eval.gate import check, load_baseline, save_baseline, update
    from cronica.eval.runner import runner_extractor
    from cronica.parallel import PipelineSpec, Runner

    baseline = load_baseline(args.baseline)
    with Runner(PipelineSpec(args.model), args.workers) as runner:
        extractors = {
            flag: runner_extractor(runner, PipelineSpec(args.model, keep_generic=flag))
            for flag in (False, True)
        }
        results = _gate_results(args, baseline, extractors)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=1, ensure_ascii=False)
    if args.update:
        save_baseline(args.baseline, update(baseline, results, force=args.force))
        print(f"eval-gate: floors updated in {args.baseline}")
        return 0
    report = check(baseline, results)
    print(report.render())
    return 0 if report.ok else 1


def _gate_results(
    args: argparse.Namespace, baseline: dict[str, Any], extractors: dict[bool, Any]
) -> dict[str, dict[str, Any]]:
    from cronica.eval.gate import resolve_path
    from cronica.eval.runner import SNIPPET_FORMATS, Selection, run

    results: dict[str, dict[str, Any]] = {}
    for name, spec in baseline["datasets"].items():
        if args.only and name not in args.only:
            continue
        path = resolve_path(args.baseline, spec["path"])
        if not os.path.exists(path):
            print(f"eval-gate: {name}: {path} not found, skipped", file=sys.stderr)
            continue
        if spec["format"] == "splits":
            results[name] = _run_splits(args.baseline, spec, path)
            print(f"eval-gate: {name}: cross-domain splits in {results[name]['seconds']}s", file=sys.stderr)
            continue
        extract, info = extractors[spec["format"] in SNIPPET_FORMATS]
        result = run(
            path,
            spec["format"],
            split=spec.get("split", "dev"),
            limit=spec.get("limit"),
            extract=extract,
            model_info=info,
            dataset=name,
            keep_records=bool(args.json),
            mode=spec.get("mode", "extract"),
            select=Selection.from_spec(spec),
            model=args.model,
        )
        print(f"eval-gate: {name}: {result['items']} items in {result['seconds']}s", file=sys.stderr)
        results[name] = result
    return results


def _run_splits(baseline_path: str, spec: dict[str, Any], acled_dir: str) -> dict[str, Any]:
    """The cross-domain dataset: ``path`` is the folder of ACLED exports, ``glocon`` and
    ``oneliners`` the other files (baseline-relative like every path)."""
    import glob

    from cronica.eval.gate import resolve_path
    from cronica.learn.splits import run

    glocon = resolve_path(baseline_path, spec["glocon"]) if spec.get("glocon") else None
    oneliners = resolve_path(baseline_path, spec["oneliners"]) if spec.get("oneliners") else None
    return run(
        sorted(glob.glob(os.path.join(acled_dir, "*.csv"))),
        [glocon] if glocon and os.path.exists(glocon) else [],
        oneliners,
        limit=spec.get("limit"),
        progress=lambda msg: print(f"eval-gate: splits: {msg}", file=sys.stderr),
    )
