"""Options shared by the commands that extract over many documents (extract, ingest, eval):
``--workers``, ``--dask``, ``--rules-off`` and the progress bar on stderr."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def add_workers(p: argparse.ArgumentParser, *, quiet: bool = True) -> None:
    from cronica.parallel import default_workers

    p.add_argument(
        "--workers",
        type=positive_int,
        default=None,
        metavar="N",
        help="worker processes, each loading the model once; output is the same as with one "
        f"(default: the number of cores, here {default_workers()})",
    )
    if quiet:
        p.add_argument("--quiet", action="store_true", help="no progress bar on stderr")


def add_rules_off(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--rules-off",
        action="append",
        default=[],
        metavar="ID",
        help="do not apply this rule (repeatable; `cronica rules` lists the ids); also "
        "CRONICA_RULES_OFF=ID,ID, which a Dask cluster's workers need in their environment",
    )


def apply_rules_off(args: argparse.Namespace) -> None:
    """Check the ``--rules-off`` ids (CronicaError naming an unknown one) and hand them, with those
    already in ``CRONICA_RULES_OFF``, to every pipeline this process and its workers build."""
    import os

    from cronica.extraction.rules import load_rules

    ids = [i for i in getattr(args, "rules_off", None) or [] if i.strip()]
    if not ids:
        return
    before = [i for i in os.environ.get("CRONICA_RULES_OFF", "").split(",") if i.strip()]
    book = load_rules(off=[*before, *ids])
    os.environ["CRONICA_RULES_OFF"] = ",".join(sorted(book.off))


def add_dask(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run on a Dask cluster: 'local' starts a LocalCluster of --workers processes, "
        "tcp://host:8786 joins a running scheduler (needs: pip install 'cronica[dask]')",
    )


def progress_bar(total: int | None, desc: str, *, quiet: bool, always: bool = False) -> Any:
    """A tqdm bar on stderr (documents per second, and an ETA when ``total`` is known). Shown when
    stderr is a terminal, or ``always`` (ingest), unless ``quiet``."""
    from tqdm import tqdm

    shown = not quiet and (always or sys.stderr.isatty())
    return tqdm(total=total, unit="doc", desc=desc, disable=not shown, file=sys.stderr, dynamic_ncols=True)
