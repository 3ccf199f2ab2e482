"""Entry point: builds the argument parser from the command modules and dispatches.

Each command module exposes ``register(subparsers)`` which adds its sub-command and sets ``func``
(a callable taking the parsed ``argparse.Namespace`` and returning an exit status).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cronica.errors import CronicaError

#: Command modules, in the order they appear in ``--help``. Add a module here to add a command.
COMMAND_MODULES = (
    "cronica.cli.extract_cmd",
    "cronica.cli.eval_cmd",
    "cronica.cli.train_cmd",
    "cronica.cli.gazetteer_cmd",
    "cronica.cli.ingest_cmd",
    "cronica.cli.merge_cmd",
    "cronica.cli.query_cmd",
    "cronica.cli.export_cmd",
    "cronica.cli.web_cmd",
    "cronica.cli.rules_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="cronica",
        description="Turn reports about protests, political violence and repression "
        "into sourced event records.",
    )
    parser.add_argument("--version", action="version", version="cronica 0.1.0")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        from cronica.cli._run_args import apply_rules_off

        apply_rules_off(args)
        return int(args.func(args))
    except CronicaError as exc:
        print(f"cronica: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("cronica: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away ("cronica events | head"): stop quietly, as other Unix tools do
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
