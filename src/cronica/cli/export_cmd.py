"""``cronica export``: the stored (merged) events as JSON Lines, ACLED CSV, GeoJSON or Parquet."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cronica.cli._store_args import add_db, add_filters, event_filter
from cronica.errors import CronicaError


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "export",
        help="write the stored events as JSON Lines, ACLED CSV, GeoJSON (QGIS) or Parquet (pandas, R arrow)",
        description=(
            "Write the merged events (each with all its sources and claims) in one of the field's layouts. "
            "JSON Lines follows the interchange contract; --include adds the stored statements and tallies."
        ),
    )
    add_db(p)
    p.add_argument("--format", required=True, choices=("jsonl", "acled-csv", "geojson", "parquet"))
    p.add_argument(
        "-o", "--output", metavar="FILE", help="output file (default: standard output; required for parquet)"
    )
    p.add_argument(
        "--include",
        default="",
        help="jsonl only: also write statements and/or tallies (comma-separated: statements,tallies)",
    )
    p.add_argument(
        "--located-only", action="store_true", help="geojson: leave out events without coordinates"
    )
    add_filters(p)
    p.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    from cronica.export import write_acled_csv, write_geojson, write_jsonl, write_parquet
    from cronica.store import Store

    if args.format == "parquet" and not args.output:
        raise CronicaError("parquet is binary: give an output file with -o FILE")
    with Store(args.db) as store:
        events = store.iter_events(event_filter(args))  # type: ignore[arg-type]
        if args.format == "parquet":
            n = write_parquet(list(events), args.output)
            print(f"{n} events written to {args.output}", file=sys.stderr)
            return 0
        out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
        try:
            if args.format == "jsonl":
                n = write_jsonl(events, out)
                include = {x.strip() for x in args.include.split(",") if x.strip()}
                if "statements" in include:
                    n += write_jsonl(store.statements(), out)
                if "tallies" in include:
                    n += write_jsonl(store.tally_records(), out)
            elif args.format == "acled-csv":
                n = write_acled_csv(events, out)
            else:
                n = write_geojson(events, out, located_only=args.located_only)
        finally:
            if out is not sys.stdout:
                out.close()
    print(f"{n} records written", file=sys.stderr)
    return 0
