"""``cronica train``: refit the learned event classifier from labelled data.

Thin layer over :mod:`cronica.learn`: reads the training files, fits, writes the model file (by
default the one the package ships), and prints what it was trained on.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "train",
        help="refit the learned event classifier (event or not, ACLED type and sub-type, actor 1 inter)",
        description=(
            "Fit the event classifier from ACLED exports (notes with their coding), GLOCON sentence "
            "labels (event or not) and reviewed records (JSON Lines: text, event, event_type, "
            "sub_event_type, inter1). Deterministic: the same files give the same model. By default "
            "reads $CRONICA_DEV_DATA/acled-train/*.csv and the GLOCON sentences and writes the model "
            "the package ships. Needs scikit-learn (pip install 'cronica[train]')."
        ),
    )
    p.add_argument("--acled", action="append", metavar="CSV", help="an ACLED export (repeatable)")
    p.add_argument("--glocon", action="append", metavar="JSONL", help="GLOCON sentence labels (repeatable)")
    p.add_argument(
        "--reviewed", action="append", default=[], metavar="JSONL", help="reviewed records (repeatable)"
    )
    p.add_argument("--out", default=None, help="model file to write (default: the packaged model)")
    _add_combiner_option(p)
    _add_mask_option(p)
    p.set_defaults(func=run_train)
    register_splits(subparsers)


def _add_combiner_option(p: Any) -> None:
    p.add_argument(
        "--combiner",
        action="store_true",
        help=(
            "also fit the learned combiner (cronica.learn.combiner) that codes a coded summary's first "
            "event from the rules' reading and the classifier's, by cross-fitting over country folds "
            "(train: five more classifier fits; eval-splits --by country: four more a fold). Not the "
            "default: on the 5 country folds it lost to the hand-set thresholds (docs/evaluation.md)"
        ),
    )


def _add_mask_option(p: Any) -> None:
    p.add_argument(
        "--mask-names",
        action="store_true",
        help="read capitalised names inside sentences as one placeholder word (features.mask_names)",
    )
    p.add_argument(
        "--balanced",
        action="store_true",
        help="weigh the coding heads' classes inversely to their frequency, every note alike (learn.train)",
    )


def _settings(args: argparse.Namespace) -> Any:
    from cronica.learn.train import TrainSettings
    from cronica.nlp.features import FeatureSpec

    if args.balanced:
        return TrainSettings(
            spec=FeatureSpec(mask_names=args.mask_names), class_weight="balanced", weigh_groups=False
        )
    return TrainSettings(spec=FeatureSpec(mask_names=args.mask_names))


def run_train(args: argparse.Namespace) -> int:
    from cronica.learn.corpus import acled_files, dev_root, glocon_file, load_corpus
    from cronica.learn.train import train_to_file
    from cronica.nlp.event_classifier import default_model_path

    root = dev_root()
    acled = args.acled or acled_files(root)
    glocon = args.glocon if args.glocon is not None else [glocon_file(root)]
    examples = load_corpus(acled, glocon, args.reviewed)
    out = args.out or default_model_path()
    settings = _settings(args)
    card: dict[str, Any] = {
        "training_files": [os.path.basename(f) for f in [*acled, *glocon, *args.reviewed]]
    }
    combiner = None
    if args.combiner:
        from cronica.learn.combiner import describe, for_training

        say = lambda msg: print(f"cronica train: {msg}", file=sys.stderr)  # noqa: E731
        combiner, fitted_on = for_training(examples, settings, progress=say)
        card["combiner"] = describe(combiner, fitted_on)
    model = train_to_file(examples, out, settings=settings, card=card, combiner=combiner)
    heads = ", ".join(f"{n} ({len(h.classes)} classes)" for n, h in model.heads.items())
    print(f"cronica train: {len(examples)} examples -> {out}")
    print(f"  heads: {heads}; {len(model.buckets)} feature buckets kept")
    if combiner is not None:
        print(
            f"  learned combiner over {len(combiner.labels)} sub-types, "
            f"fitted on {card['combiner']['notes']} notes"
        )
    print(f"  {model.card.get('terms', '')}")
    return 0


def register_splits(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "eval-splits",
        help="cross-domain scores: hold out each ACLED file (a country or sample), rules vs learned",
        description=(
            "For each ACLED export in $CRONICA_DEV_DATA/acled-train: train the classifier without it, "
            "score the classifier alone on all its notes and the pipeline (rules alone, and rules with "
            "the classifier) on its first --limit notes; then score both on the one-line reports "
            "(eval/gold/oneliners.jsonl). Prints a table; --json writes the result."
        ),
    )
    p.add_argument("--limit", type=int, default=60, help="notes per held-out file for the pipeline runs")
    p.add_argument("--oneliners", default=os.path.join("eval", "gold", "oneliners.jsonl"))
    p.add_argument("--json", metavar="OUT", help="write the result as JSON")
    p.add_argument(
        "--by",
        choices=("file", "country", "region"),
        default="file",
        help=(
            "hold out each file (default), or deal the countries (region: the UN subregions, every "
            "country of one in the same fold) into --folds folds and hold out each"
        ),
    )
    p.add_argument("--folds", type=int, default=5, help="with --by country or region: how many folds")
    p.add_argument(
        "--classifier-only",
        action="store_true",
        help=(
            "with --by country or region: score the classifier alone, no pipeline runs (minutes, not "
            "tens of minutes)"
        ),
    )
    _add_combiner_option(p)
    _add_mask_option(p)
    p.set_defaults(func=run_splits)


def run_splits(args: argparse.Namespace) -> int:
    import json
    import sys

    from cronica.learn.corpus import acled_files, dev_root, glocon_file
    from cronica.learn.splits import render, run, run_by_country

    root = dev_root()
    say = lambda msg: print(f"eval-splits: {msg}", file=sys.stderr)  # noqa: E731
    if args.by in {"country", "region"}:
        result = run_by_country(
            acled_files(root),
            [glocon_file(root)],
            folds=args.folds,
            limit=args.limit,
            settings=_settings(args),
            progress=say,
            pipeline=not args.classifier_only,
            combiner=args.combiner,
            regions=args.by == "region",
        )
    else:
        oneliners = args.oneliners if os.path.exists(args.oneliners) else None
        result = run(
            acled_files(root),
            [glocon_file(root)],
            oneliners,
            limit=args.limit,
            settings=_settings(args),
            progress=say,
        )
    print(render(result))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=1, ensure_ascii=False)
    return 0
