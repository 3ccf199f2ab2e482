"""``cronica gazetteer``: build the place index, import GeoNames dumps, add your own places, look names up.

Thin layer over :mod:`cronica.resolve`: parses arguments, calls the library, prints a summary.
Bad rows are reported on stderr by the importer and never stop an import; an unreadable file or an
unwritable index raises :class:`~cronica.errors.GazetteerError`, which the CLI turns into exit 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "gazetteer",
        help="build the offline place index, import GeoNames dumps, add your own places",
        description=(
            "cronica places events with a local SQLite gazetteer: GeoNames cities500, first- and "
            "second-level divisions and countries ship with cronica and are indexed on first use. "
            "Import full GeoNames dumps (allCountries.zip, XX.zip, admin1CodesASCII.txt, admin2Codes.txt) "
            "for villages and neighbourhoods, or add places of your own from a CSV. The index lives at "
            "$CRONICA_GAZETTEER or ~/.cache/cronica/gazetteer.sqlite. Data: GeoNames (CC BY 4.0)."
        ),
    )
    p.add_argument(
        "--index", type=Path, default=None, help="index path (default: $CRONICA_GAZETTEER or cache)"
    )
    sub = p.add_subparsers(dest="gazetteer_command", metavar="ACTION")

    b = sub.add_parser("build", help="build the index from the bundled data (done on first use otherwise)")
    b.add_argument("--force", action="store_true", help="rebuild even if an index exists (drops imports)")
    b.set_defaults(func=run_build)

    i = sub.add_parser(
        "import",
        help="import GeoNames dump files (streaming, resumable)",
        description=(
            "Stream GeoNames files as distributed into the index: allCountries.zip or XX.zip, their .txt "
            "(19 tab-separated columns), admin1CodesASCII.txt and admin2Codes.txt. Work is committed every "
            "--batch-size rows together with the position reached, so rerunning after an interruption "
            "continues where it stopped. Bad rows are reported as FILE:LINE: problem and skipped."
        ),
    )
    i.add_argument("files", nargs="+", type=Path, metavar="FILE")
    i.add_argument("--batch-size", type=int, default=20_000, help="rows per transaction (default: 20000)")
    i.add_argument(
        "--feature-classes",
        default=None,
        help="keep only these GeoNames feature classes, e.g. PA (default: all)",
    )
    i.add_argument("--restart", action="store_true", help="ignore saved progress and import from the start")
    i.add_argument("--no-progress", action="store_true", help="no progress bar")
    i.set_defaults(func=run_import)

    a = sub.add_parser(
        "add",
        help="add your own places from a CSV",
        description=(
            "CSV with a header row: name, alternate_names (| separated), latitude, longitude, country_code, "
            "admin1, admin2 (GeoNames codes or names), parent (the containing place). Adding the same file "
            "again changes nothing."
        ),
    )
    a.add_argument("file", type=Path)
    a.set_defaults(func=run_add)

    s = sub.add_parser("lookup", help="show the index entries for a name")
    s.add_argument("names", nargs="+")
    s.set_defaults(func=run_lookup)

    st = sub.add_parser("info", help="where the index is and what it holds")
    st.set_defaults(func=run_info)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def _index(args: argparse.Namespace) -> Path:
    from cronica.resolve import default_index_path

    return Path(args.index) if args.index else default_index_path()


def _ensure(args: argparse.Namespace) -> Path:
    from cronica.resolve import Gazetteer

    path = _index(args)
    Gazetteer.open(path, progress=True).close()
    return path


def run_build(args: argparse.Namespace) -> int:
    from cronica.resolve import build_index

    path = _index(args)
    if path.exists() and not args.force:
        print(
            f"{path}: index exists; use --force to rebuild it (imported places are dropped)", file=sys.stderr
        )
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    seconds = build_index(path, progress=True)
    print(f"built {path} in {seconds:.1f}s ({path.stat().st_size / 1e6:.0f} MB)")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from cronica.resolve import import_geonames

    path = _ensure(args)
    classes = frozenset(args.feature_classes.upper()) if args.feature_classes else None
    reports = import_geonames(
        path,
        args.files,
        batch_size=args.batch_size,
        feature_classes=classes,
        restart=args.restart,
        progress=not args.no_progress,
    )
    for r in reports:
        resumed = f", resumed at line {r.resumed_from_line}" if r.resumed_from_line else ""
        done = (
            " (already imported)"
            if r.already_done
            else f" in {r.seconds:.1f}s ({r.rows_per_second:,.0f} rows/s)"
        )
        print(f"{r.file}: {r.rows} rows, {r.skipped} bad rows skipped{resumed}{done}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    from cronica.resolve import add_places_csv

    path = _ensure(args)
    r = add_places_csv(path, args.file)
    print(f"{r.file}: {r.rows} places added, {r.skipped} bad rows skipped")
    return 0


def run_lookup(args: argparse.Namespace) -> int:
    from cronica.resolve import Gazetteer

    with Gazetteer.open(_index(args), progress=True) as g:
        for name, entries in sorted(g.lookup(args.names).items()):
            for e in entries[:20]:
                print(
                    f"{name}\t{e.gazetteer_id}\t{e.name}\t{e.kind}\t{e.country_code or ''}"
                    f"\t{e.admin1_code or ''}\t{e.latitude}\t{e.longitude}\t{e.population}"
                )
    return 0


def run_info(args: argparse.Namespace) -> int:
    from cronica.resolve import Gazetteer

    with Gazetteer.open(_index(args), progress=True) as g:
        print(f"index: {g.path} ({g.path.stat().st_size / 1e6:.0f} MB)")
        for key, value in sorted(g.meta.items()):
            print(f"{key}: {value}")
        for key, value in sorted(g.stats().items()):
            print(f"{key}: {value}")
    return 0
