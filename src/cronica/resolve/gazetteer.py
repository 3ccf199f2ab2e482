"""Read access to the gazetteer index: look places up by name, code or id.

In: the index path (default ``$CRONICA_GAZETTEER`` or ``~/.cache/cronica/gazetteer.sqlite``).
Out: :class:`GazetteerEntry` records. :meth:`Gazetteer.open` builds the index from the bundled
data the first time (tens of seconds, once); afterwards opening takes milliseconds.
An index built from another version of the bundled data (``meta.bundle_version`` differs from
:data:`~cronica.resolve.bundled.BUNDLE_VERSION`) is stale: :meth:`Gazetteer.open` rebuilds it when it
holds nothing but the bundle, and refuses it when it holds imported or user places (a rebuild would
drop them).
Fails with :class:`~cronica.errors.GazetteerError` when the index is missing and may not be built,
is not a cronica index, has another schema version, is stale, or is corrupt.
"""

from __future__ import annotations

import logging
import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cronica.errors import GazetteerError
from cronica.resolve.bundled import BUNDLE_VERSION
from cronica.resolve.names import division_key, division_spelling, fold, folds, spelling_key
from cronica.resolve.store import SCHEMA_VERSION, default_index_path

log = logging.getLogger(__name__)

#: First-level divisions whose spelling keys are kept (:meth:`Gazetteer.spelled_like`).
_SPELLING_SCOPES = 200
#: names whose folds :meth:`Gazetteer.lookup` keeps (emptied when full)
_FOLDED_KEPT = 100_000
#: Shortest key (:func:`~cronica.resolve.names.division_spelling`) by which a division's other spelling is
#: found: shorter keys ("sada", "bara") are the keys of several unrelated names.
MIN_DIVISION_SPELLING = 5

_COLUMNS = (
    "id, source, source_id, name, kind, feature_code, country_code, admin1_code, admin2_code, "
    "latitude, longitude, population, parent"
)


@dataclass(frozen=True)
class GazetteerEntry:
    """One place of the index. ``gazetteer_id`` is ``geonames:NNN``, ``cronica:KEY`` or ``user:KEY``."""

    id: int
    gazetteer_id: str
    name: str
    kind: str
    feature_code: str | None
    country_code: str | None
    admin1_code: str | None
    admin2_code: str | None
    latitude: float | None
    longitude: float | None
    population: int
    parent: str | None = None

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> GazetteerEntry:
        (pid, source, source_id, name, kind, fcode, cc, a1, a2, lat, lon, pop, parent) = row
        return cls(
            pid, f"{source}:{source_id}", name, kind, fcode, cc, a1, a2, lat, lon, int(pop or 0), parent
        )


def _stale(meta: dict[str, str]) -> bool:
    """Whether an index was built from other bundled data than this cronica's (imports-only: never)."""
    return "bundle_version" in meta and meta["bundle_version"] != BUNDLE_VERSION


def _rebuildable_stale(path: Path) -> bool:
    """Whether the index at ``path`` is stale and holds nothing a rebuild would lose.

    An index with imported GeoNames files or user places is not rebuilt behind the user's back:
    :class:`Gazetteer` then refuses it with the command that rebuilds it.
    """
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("schema_version") != SCHEMA_VERSION or not _stale(meta):
                return False
            imported = conn.execute("SELECT 1 FROM import_progress LIMIT 1").fetchone()
            user = conn.execute("SELECT 1 FROM places WHERE source = 'user' LIMIT 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False  # Gazetteer() reports it
    return imported is None and user is None


class Gazetteer:
    """An open, read-only gazetteer index. Reuse one instance; it caches lookups."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise GazetteerError(f"no gazetteer index at {self.path}; build it with: cronica gazetteer build")
        try:
            self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            meta = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as exc:
            raise GazetteerError(
                f"{self.path} is not a readable gazetteer index ({exc}); rebuild it with: "
                "cronica gazetteer build --force"
            ) from exc
        if meta.get("schema_version") != SCHEMA_VERSION:
            self._conn.close()
            raise GazetteerError(
                f"{self.path} has index schema {meta.get('schema_version')!r}, this cronica needs "
                f"{SCHEMA_VERSION!r}; rebuild it with: cronica gazetteer build --force"
            )
        if _stale(meta):
            self._conn.close()
            raise GazetteerError(
                f"{self.path} was built from bundled data {meta.get('bundle_version')!r}, this cronica "
                f"bundles {BUNDLE_VERSION!r}; rebuild it with: cronica gazetteer build --force"
            )
        self.meta = meta
        self._names: dict[str, list[GazetteerEntry]] = {}
        #: name as written -> its fold and the keys a lookup tries (:func:`folds`)
        self._folded: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._admin: dict[tuple[str, str, str | None], GazetteerEntry | None] = {}
        self._seats: dict[tuple[str, str], list[str]] = {}
        self._countries: dict[str, GazetteerEntry | None] = {}
        self._by_gazetteer_id: dict[str, GazetteerEntry | None] = {}
        self._demonyms: dict[str, str] | None = None
        self._spellings: dict[tuple[str, str], dict[str, dict[int, tuple[Any, ...]]]] = {}
        self._division_keys: dict[tuple[str, frozenset[str]], dict[str, frozenset[str]]] = {}
        self._division_spellings: dict[frozenset[str], dict[str, set[int]]] = {}

    @classmethod
    def open(cls, path: Path | str | None = None, *, build: bool = True, progress: bool = False) -> Gazetteer:
        """Open the index at ``path`` (default :func:`default_index_path`), building it first if missing."""
        target = Path(path) if path is not None else default_index_path()
        if not target.exists():
            if not build:
                raise GazetteerError(
                    f"no gazetteer index at {target}; build it with: cronica gazetteer build"
                )
            from cronica.resolve.bundled import build_index

            target.parent.mkdir(parents=True, exist_ok=True)
            log.info("building the gazetteer index at %s (first use)", target)
            build_index(target, progress=progress)
        elif build and _rebuildable_stale(target):
            from cronica.resolve.bundled import build_index

            log.warning("the gazetteer index at %s is stale (bundled data changed); rebuilding it", target)
            build_index(target, progress=progress)
        return cls(target)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- lookups ---------------------------------------------------------------------------------

    def lookup(self, names: Iterable[str]) -> dict[str, list[GazetteerEntry]]:
        """Places by name: folded name -> entries (most populous first); names not found are absent. A
        name with an apostrophe is looked up under each of its :func:`~cronica.resolve.names.folds`."""
        wanted: dict[str, tuple[str, ...]] = {}
        memo = self._folded
        for n in names:
            hit = memo.get(n)
            if hit is None:  # a name's fold and keys, worked out once a process
                if len(memo) >= _FOLDED_KEPT:
                    memo.clear()
                key = fold(n)
                hit = memo[n] = (key, folds(n) if key else ())
            key, variants = hit
            if key:
                before = wanted.get(key)
                wanted[key] = variants if before is None else tuple(dict.fromkeys((*before, *variants)))
        keys = {k for variants in wanted.values() for k in variants} - {""}
        missing = [k for k in keys if k not in self._names]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            found: dict[str, list[GazetteerEntry]] = {k: [] for k in chunk}
            sql = (
                f"SELECT n.folded, {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))} "
                f"FROM names n JOIN places p ON p.id = n.place_id "
                f"WHERE n.folded IN ({','.join('?' * len(chunk))})"
            )
            try:
                for row in self._conn.execute(sql, chunk):
                    found[row[0]].append(GazetteerEntry.from_row(row[1:]))
            except sqlite3.Error as exc:
                raise GazetteerError(f"gazetteer index {self.path} is corrupt: {exc}") from exc
            for key, entries in found.items():
                entries.sort(key=lambda e: -e.population)
                self._names[key] = entries
                for e in entries:
                    self._by_gazetteer_id[e.gazetteer_id] = e
        out: dict[str, list[GazetteerEntry]] = {}
        for key, variants in wanted.items():
            if variants == (key,):
                if self._names.get(key):
                    out[key] = self._names[key]
                continue
            seen: dict[int, GazetteerEntry] = {}
            for variant in variants:
                for e in self._names.get(variant, ()):
                    seen.setdefault(e.id, e)
            if seen:
                out[key] = sorted(seen.values(), key=lambda e: -e.population)
        return out

    def get(self, place_id: int) -> GazetteerEntry | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM places WHERE id = ?", (place_id,)).fetchone()
        return GazetteerEntry.from_row(row) if row else None

    def by_gazetteer_id(self, gazetteer_id: str) -> GazetteerEntry | None:
        """The place with this ``source:source_id``. The index has no index on those columns (a query
        reads the whole table, about 30 ms), so the places :meth:`lookup` found, which is where a
        resolved place's id comes from, are kept by id, and so is every answer."""
        if gazetteer_id in self._by_gazetteer_id:
            return self._by_gazetteer_id[gazetteer_id]
        source, _, key = gazetteer_id.partition(":")
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM places WHERE source = ? AND source_id = ?", (source, key)
        ).fetchone()
        entry = self._by_gazetteer_id[gazetteer_id] = GazetteerEntry.from_row(row) if row else None
        return entry

    def capital(self, code: str) -> GazetteerEntry | None:
        """The capital city (GeoNames feature PPLC) of the country with ISO code ``code``."""
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM places WHERE feature_code = 'PPLC' AND country_code = ? "
            "ORDER BY population DESC LIMIT 1",
            (code.upper(),),
        ).fetchone()
        return GazetteerEntry.from_row(row) if row else None

    def seat_names(self, country_code: str, admin1_code: str) -> list[str]:
        """The folded names of the seats (GeoNames features PPLA and PPLC) of the places with this
        first-level code: how a division the index lacks is named after its seat (Erbil, "Arbil")."""
        key = (country_code, admin1_code)
        if key not in self._seats:
            rows = self._conn.execute(
                "SELECT n.folded FROM places p JOIN names n ON n.place_id = p.id WHERE p.country_code = ? "
                "AND p.admin1_code = ? AND p.feature_code IN ('PPLA', 'PPLC')",
                key,
            ).fetchall()
            self._seats[key] = sorted({r[0] for r in rows})
        return self._seats[key]

    def country(self, code: str) -> GazetteerEntry | None:
        """The country with ISO 3166-1 alpha-2 ``code``."""
        code = code.upper()
        if code not in self._countries:
            row = self._conn.execute(
                f"SELECT {_COLUMNS} FROM places WHERE kind = 'country' AND country_code = ? "
                "ORDER BY source = 'geonames' DESC LIMIT 1",
                (code,),
            ).fetchone()
            self._countries[code] = GazetteerEntry.from_row(row) if row else None
        return self._countries[code]

    def admin(
        self, country_code: str, admin1_code: str, admin2_code: str | None = None
    ) -> GazetteerEntry | None:
        """The first-level division (or second-level, with ``admin2_code``) with these GeoNames codes."""
        key = (country_code, admin1_code, admin2_code)
        if key not in self._admin:
            kind = "admin2" if admin2_code else "admin1"
            sql = (
                f"SELECT {_COLUMNS} FROM places WHERE country_code = ? AND admin1_code = ? AND kind = ?"
                + (" AND admin2_code = ?" if admin2_code else "")
                + " LIMIT 1"
            )
            params = (country_code, admin1_code, kind, *((admin2_code,) if admin2_code else ()))
            row = self._conn.execute(sql, params).fetchone()
            self._admin[key] = GazetteerEntry.from_row(row) if row else None
        return self._admin[key]

    def spelled_like(self, name: str, country_code: str, admin1_code: str | None) -> list[GazetteerEntry]:
        """The towns and districts with a point in one first-level division that have a name with the
        :func:`~cronica.resolve.names.spelling_key` of ``name`` (another transliteration of it), most
        populous first; with no ``admin1_code``, the second-level divisions of the whole country ("the
        Chapainawabganj district": Chapai Nawabganj, the name written as one word)."""
        key = spelling_key(name)
        if not key:
            return []
        scope = (country_code, admin1_code or "")
        table = self._spellings.get(scope)
        if table is None:
            if len(self._spellings) > _SPELLING_SCOPES:
                self._spellings.clear()
            table = self._spellings[scope] = {}
            sql = (
                f"SELECT n.folded, {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))} "
                "FROM places p JOIN names n ON n.place_id = p.id WHERE p.country_code = ? "
                + (
                    "AND p.admin1_code = ? AND p.kind IN ('city', 'admin2') AND p.latitude IS NOT NULL"
                    if admin1_code
                    else "AND p.kind = 'admin2' AND p.latitude IS NOT NULL"
                )
            )
            try:
                # rows by key and place id; entries are built only for the key asked (a division has
                # thousands of names, a text asks for one or two)
                for row in self._conn.execute(sql, scope if admin1_code else scope[:1]):
                    table.setdefault(spelling_key(row[0]), {})[row[1]] = row[1:]
            except sqlite3.Error as exc:
                raise GazetteerError(f"gazetteer index {self.path} is corrupt: {exc}") from exc
        found = [GazetteerEntry.from_row(row) for row in table.get(key, {}).values()]
        return sorted(found, key=lambda e: -e.population)

    def division_keys(self, country_code: str, generic: Iterable[str] = ()) -> dict[str, frozenset[str]]:
        """Each :func:`~cronica.resolve.names.division_key` of a name of a first-level division of
        ``country_code`` -> the GeoNames admin1 codes of the divisions that have a name with that key
        (one code where the key names one division; several where it does not: "Eastern" and "Western")."""
        scope = (country_code, frozenset(generic))
        table = self._division_keys.get(scope)
        if table is None:
            codes: dict[str, set[str]] = {}
            sql = (
                "SELECT n.folded, p.name, p.admin1_code FROM places p JOIN names n ON n.place_id = p.id "
                "WHERE p.country_code = ? AND p.kind = 'admin1' AND p.admin1_code IS NOT NULL"
            )
            try:
                for folded, name, code in self._conn.execute(sql, (country_code,)):
                    for written in (folded, name):
                        key = division_key(written, scope[1])
                        if key:
                            codes.setdefault(key, set()).add(str(code))
            except sqlite3.Error as exc:
                raise GazetteerError(f"gazetteer index {self.path} is corrupt: {exc}") from exc
            table = self._division_keys[scope] = {k: frozenset(v) for k, v in codes.items()}
        return table

    def division_spelled(self, name: str, generic: Iterable[str] = ()) -> GazetteerEntry | None:
        """The first-level division, anywhere in the world, that ``name`` is another transliteration of
        ("Thi-Qar": Dhī Qār; "Missan": Maysān; "Saladin": Şalāḩ ad Dīn): the one division with a name of
        its :func:`~cronica.resolve.names.division_spelling`, a key of :data:`MIN_DIVISION_SPELLING`
        letters or more; None where no division or several have that key."""
        key = division_spelling(name, generic)
        if len(key) < MIN_DIVISION_SPELLING:
            return None
        scope = frozenset(generic)
        table = self._division_spellings.get(scope)
        if table is None:
            table = self._division_spellings[scope] = {}
            sql = (
                "SELECT n.folded, p.name, p.id FROM places p JOIN names n ON n.place_id = p.id "
                "WHERE p.kind = 'admin1' AND p.latitude IS NOT NULL"
            )
            try:
                for folded, own, place_id in self._conn.execute(sql):
                    for written in (folded, own):
                        k = division_spelling(written, scope)
                        if k:
                            table.setdefault(k, set()).add(int(place_id))
            except sqlite3.Error as exc:
                raise GazetteerError(f"gazetteer index {self.path} is corrupt: {exc}") from exc
        ids = table.get(key, set())
        if len(ids) != 1:
            return None
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM places WHERE id = ?", (next(iter(ids)),)).fetchone()
        return GazetteerEntry.from_row(row) if row else None

    def regions(self) -> dict[str, str]:
        """Country code -> its world region ("Africa", "Americas", "Asia", "Europe", "Oceania")."""
        rows = self._conn.execute(
            "SELECT country_code, parent FROM places WHERE kind = 'country' AND parent IS NOT NULL"
        ).fetchall()
        return {str(cc): str(region) for cc, region in rows if cc}

    def demonym_country(self, word: str) -> str | None:
        """The ISO code of the country whose demonym is ``word`` ("Bolivian" -> "BO"), else None. Besides
        the bundled demonym, a country of one word has the adjectives English forms from its name
        (:func:`_adjectives`): "Nepali" (the bundle's is "Nepalese"), "Philippine" ("Filipino")."""
        if self._demonyms is None:
            self._demonyms = dict(self._conn.execute("SELECT folded, country_code FROM demonyms"))
            rows = self._conn.execute("SELECT name, country_code FROM places WHERE kind = 'country'")
            for name, code in rows.fetchall():
                for adjective in _adjectives(fold(str(name))) if code else ():
                    self._demonyms.setdefault(adjective, str(code))
        key = fold(word)
        code = self._demonyms.get(key)
        if code is None and key.endswith("s"):
            code = self._demonyms.get(key[:-1])
        return code

    def stats(self) -> dict[str, int]:
        """Row counts by kind, plus the number of names."""
        out = {k: n for k, n in self._conn.execute("SELECT kind, count(*) FROM places GROUP BY kind")}
        out["names"] = self._conn.execute("SELECT count(*) FROM names").fetchone()[0]
        return out

    def near(
        self,
        latitude: float,
        longitude: float,
        limit: int = 10,
        radius: float = 0.5,
        country_code: str | None = None,
    ) -> list[GazetteerEntry]:
        """Places and regions within ``radius`` degrees of a point, nearest first (a pick on a map);
        only those of ``country_code`` when given."""
        where = (
            "latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ? AND kind NOT IN ('country', 'continent')"
        )
        args: tuple[object, ...] = (
            latitude - radius,
            latitude + radius,
            longitude - radius,
            longitude + radius,
        )
        if country_code is not None:
            where = "country_code = ? AND " + where
            args = (country_code, *args)
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM places WHERE {where}", args).fetchall()
        entries = [GazetteerEntry.from_row(r) for r in rows]
        scale = math.cos(math.radians(latitude))

        def far(e: GazetteerEntry) -> float:
            return ((e.latitude or 0.0) - latitude) ** 2 + (((e.longitude or 0.0) - longitude) * scale) ** 2

        return sorted(entries, key=far)[:limit]


#: Shortest country name whose adjectives :func:`_adjectives` forms ("Chad", "Iran"; not "Mali" or "Peru",
#: which end in a vowel anyway).
_MIN_ADJECTIVE_BASE = 4


def _adjectives(folded: str) -> tuple[str, ...]:
    """The adjectives English forms from a country's folded one-word name besides its demonym: the name
    with -i after a consonant ("nepal" -> "nepali", "pakistan" -> "pakistani"), and a plural name
    without its -s ("philippines" -> "philippine", "maldives" -> "maldive")."""
    if " " in folded or len(folded) < _MIN_ADJECTIVE_BASE or not folded.isalpha():
        return ()
    out = []
    if folded[-1] not in "aeiouys":
        out.append(folded + "i")
    if folded.endswith("es"):
        out.append(folded[:-1])
    return tuple(out)
