"""Benchmark: GeoNames import speed (rows per second) of ``cronica gazetteer import``.

In: ``--rows N`` (default 200,000) and optionally ``--file`` (a real GeoNames dump, e.g.
allCountries.zip) instead of generated rows. Generated rows are the bundled cities500 rows written
out in GeoNames' 19-column format with fresh ids, repeated until N, so names and alternate names
are realistic. Out: rows, seconds and rows/second on stdout (one line, plus the machine).
The target is an empty temporary index unless ``--over-bundled`` (then the bundled index is built
first and the rows are imported over it, as a user would).

    python benchmarks/gazetteer_import.py --rows 200000
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import platform
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from cronica.resolve import build_index, import_geonames
from cronica.resolve.store import IndexWriter, connect


def write_rows(path: Path, n: int) -> None:
    ref = resources.files("cronica") / "data" / "gazetteer" / "places.tsv.gz"
    with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as src:
        rows = list(csv.DictReader(src, delimiter="\t", quoting=csv.QUOTE_NONE))
    with path.open("w", encoding="utf-8") as out:
        for k in range(n):
            r = rows[k % len(rows)]
            cols = [
                str(50_000_000 + k),
                r["name"],
                r["asciiname"],
                r["alternatenames"],
                r["latitude"],
                r["longitude"],
                "P",
                r["feature_code"],
                r["country_code"],
                "",
                r["admin1_code"],
                r["admin2_code"],
                "",
                "",
                r["population"],
                "",
                "100",
                "UTC",
                "2023-01-01",
            ]
            out.write("\t".join(cols) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument(
        "--file", type=Path, default=None, help="a real GeoNames dump instead of generated rows"
    )
    parser.add_argument("--batch-size", type=int, default=20_000)
    parser.add_argument("--over-bundled", action="store_true", help="import over the bundled index")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "index.sqlite"
        if args.over_bundled:
            build_index(index)
        else:
            conn = connect(index, create=True)
            IndexWriter(conn).finish()
            conn.close()
        source = args.file
        if source is None:
            source = Path(tmp) / "generated.txt"
            write_rows(source, args.rows)
        started = time.perf_counter()
        (report,) = import_geonames(
            index, [source], batch_size=args.batch_size, progress=False, errors=io.StringIO()
        )
        seconds = time.perf_counter() - started
    target = "over bundled" if args.over_bundled else "empty index"
    machine = f"{platform.machine()} python {platform.python_version()}"
    rate = report.rows / seconds
    print(
        f"{time.strftime('%Y-%m-%d')}\t{report.rows} rows\t{seconds:.1f} s\t{rate:,.0f} rows/s"
        f"\t{target}\t{machine}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
