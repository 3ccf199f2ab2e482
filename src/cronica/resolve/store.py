"""The gazetteer index on disk: its SQLite layout, where it lives, and batched writes into it.

In: a path (default :func:`default_index_path`) and rows to write (:class:`PlaceRow`).
Out: an SQLite file with ``places`` (one row a place), ``names`` (folded name -> place, the lookup
table), ``demonyms``, ``meta`` and ``import_progress``. Fails with
:class:`~cronica.errors.GazetteerError` when the file cannot be created or written.

Ids: a GeoNames row keeps its geonameid as ``places.id``, so importing a dump over the bundled data
replaces rows instead of duplicating them; cronica's own supplement rows and user rows get negative
ids derived from a hash of their source and key, so adding the same CSV twice changes nothing.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cronica.errors import GazetteerError
from cronica.resolve.names import fold, folds

#: Bumped when the table layout changes; an index with another version must be rebuilt.
SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    feature_code TEXT,
    country_code TEXT,
    admin1_code TEXT,
    admin2_code TEXT,
    latitude REAL,
    longitude REAL,
    population INTEGER NOT NULL DEFAULT 0,
    parent TEXT
);
CREATE TABLE IF NOT EXISTS names (
    folded TEXT NOT NULL,
    place_id INTEGER NOT NULL,
    is_primary INTEGER NOT NULL,
    PRIMARY KEY (folded, place_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS demonyms (
    folded TEXT PRIMARY KEY,
    country_code TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS import_progress (
    file TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime REAL NOT NULL,
    offset INTEGER NOT NULL,
    line INTEGER NOT NULL,
    rows INTEGER NOT NULL,
    skipped INTEGER NOT NULL,
    done INTEGER NOT NULL,
    updated TEXT NOT NULL
);
"""

#: Indexes created after a bulk build (faster than maintaining them row by row).
INDEXES = """
CREATE INDEX IF NOT EXISTS names_place ON names (place_id);
CREATE INDEX IF NOT EXISTS places_admin ON places (country_code, admin1_code, admin2_code, kind);
"""

#: Kinds a place can have, coarsest last.
KINDS = ("city", "feature", "admin2", "admin1", "country", "continent")

_COUNTRY_CODES = {"PCL", "PCLD", "PCLF", "PCLI", "PCLIX", "PCLS", "TERR"}


def default_index_path() -> Path:
    """``$CRONICA_GAZETTEER``, else ``$XDG_CACHE_HOME/cronica/gazetteer.sqlite`` (``~/.cache`` by default)."""
    env = os.environ.get("CRONICA_GAZETTEER")
    if env:
        return Path(env).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "cronica" / "gazetteer.sqlite"


def kind_for(feature_class: str, feature_code: str) -> str:
    """cronica's kind of a GeoNames feature: city, admin1, admin2, country, continent or feature."""
    if feature_class == "P" or (not feature_class and feature_code.startswith("PPL")):
        return "city"
    if feature_code == "ADM1":
        return "admin1"
    if feature_code == "ADM2":
        return "admin2"
    if feature_code in _COUNTRY_CODES:
        return "country"
    if feature_code == "CONT":
        return "continent"
    return "feature"


def local_id(source: str, key: str) -> int:
    """A stable negative id for a non-GeoNames place (cronica supplement or user row)."""
    digest = hashlib.sha1(f"{source}\x00{key}".encode()).digest()
    return -(int.from_bytes(digest[:7], "big") + 1)


@dataclass(frozen=True)
class PlaceRow:
    """One place to write: the ``places`` columns plus every name it should be found by."""

    id: int
    source: str
    source_id: str
    name: str
    kind: str
    feature_code: str | None
    country_code: str | None
    admin1_code: str | None
    admin2_code: str | None
    latitude: float | None
    longitude: float | None
    population: int = 0
    parent: str | None = None
    alternate_names: Sequence[str] = field(default_factory=tuple)

    def columns(self) -> tuple[object, ...]:
        return (
            self.id,
            self.source,
            self.source_id,
            self.name,
            self.kind,
            self.feature_code,
            self.country_code,
            self.admin1_code,
            self.admin2_code,
            self.latitude,
            self.longitude,
            self.population,
            self.parent,
        )

    def folded_names(self) -> list[tuple[str, int, int]]:
        out: dict[str, int] = {}
        for key in folds(self.name):
            if key:
                out.setdefault(key, 1)
        for alt in self.alternate_names:
            for key in folds(alt):
                if key and key not in out:
                    out[key] = 0
        return [(key, self.id, flag) for key, flag in out.items()]


def connect(path: Path, *, create: bool = False) -> sqlite3.Connection:
    """Open the index for writing, creating the tables when ``create``; GazetteerError when it can't."""
    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        elif not path.exists():
            raise GazetteerError(f"no gazetteer index at {path}; build it with: cronica gazetteer build")
        conn = sqlite3.connect(path)
        if create:
            conn.executescript(SCHEMA)
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
            conn.commit()
        return conn
    except (sqlite3.Error, OSError) as exc:
        raise GazetteerError(f"cannot open the gazetteer index {path} for writing: {exc}") from exc


class IndexWriter:
    """Batched upserts into an open index; the caller owns the transaction (``conn.commit()``)."""

    def __init__(self, conn: sqlite3.Connection, *, fresh: bool = False) -> None:
        self.conn = conn
        self.fresh = fresh

    def upsert(self, rows: Iterable[PlaceRow]) -> int:
        """Insert or replace ``rows`` and their names; return how many were written."""
        rows = list(rows)
        if not rows:
            return 0
        cur = self.conn.cursor()
        if not self.fresh:
            ids = [(r.id,) for r in rows]
            cur.executemany("DELETE FROM names WHERE place_id = ?", ids)
        cur.executemany(
            "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", [r.columns() for r in rows]
        )
        cur.executemany(
            "INSERT OR IGNORE INTO names VALUES (?,?,?)", [n for r in rows for n in r.folded_names()]
        )
        return len(rows)

    def upsert_admin(self, rows: Iterable[PlaceRow]) -> int:
        """Like :meth:`upsert` for admin code rows, keeping coordinates and population already known."""
        rows = list(rows)
        cur = self.conn.cursor()
        for r in rows:
            known = cur.execute(
                "SELECT latitude, longitude, population FROM places WHERE id = ?", (r.id,)
            ).fetchone()
            if known and r.latitude is None:
                r = PlaceRow(
                    **{**r.__dict__, "latitude": known[0], "longitude": known[1], "population": known[2]}
                )
            self.upsert([r])
        return len(rows)

    def add_demonyms(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO demonyms VALUES (?, ?)", [(fold(d), cc) for d, cc in pairs if fold(d)]
        )

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def finish(self) -> None:
        """Create the secondary indexes (once, after bulk loading) and commit."""
        self.conn.executescript(INDEXES)
        self.conn.commit()
