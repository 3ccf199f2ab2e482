"""Import GeoNames dump files and user CSV places into the gazetteer index.

In: paths to GeoNames files as distributed (``allCountries.zip``, ``XX.zip``, ``XX.txt`` /
``allCountries.txt`` with 19 tab-separated columns, ``admin1CodesASCII.txt``, ``admin2Codes.txt``)
or a user CSV (``name, alternate_names, latitude, longitude, country_code, admin1, admin2, parent``).
Out: rows upserted into the index and an :class:`ImportReport` per file.

How: files are streamed line by line as bytes (never loaded whole), decoded per line, and written
in batched transactions; after each batch the byte offset and line number reached are committed in
``import_progress`` together with the rows, so an interrupted import resumes from the last
committed batch when run again (a finished file is skipped unless ``restart``).
Bad rows (wrong column count, bad coordinates or id, undecodable bytes) are reported as
``file:line: problem`` on ``errors``, counted and skipped. Fails with
:class:`~cronica.errors.GazetteerError` only when a file cannot be opened or the index not written.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import sys
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from cronica.errors import GazetteerError
from cronica.resolve.names import fold, is_latin, looks_like_code
from cronica.resolve.store import IndexWriter, PlaceRow, connect, kind_for, local_id

#: Bad rows printed per file before the rest are only counted.
MAX_REPORTED = 50


@dataclass
class ImportReport:
    """What one file contributed: rows written, rows skipped as bad, and whether it was resumed."""

    file: str
    rows: int = 0
    skipped: int = 0
    resumed_from_line: int = 0
    already_done: bool = False
    seconds: float = 0.0

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


class _Problems:
    def __init__(self, label: str, errors: IO[str]) -> None:
        self.label = label
        self.errors = errors
        self.count = 0

    def report(self, line: int, problem: str) -> None:
        self.count += 1
        if self.count <= MAX_REPORTED:
            print(f"{self.label}:{line}: {problem}", file=self.errors)
        elif self.count == MAX_REPORTED + 1:
            print(f"{self.label}: more bad rows; only counting them from here", file=self.errors)


@contextmanager
def _open_stream(path: Path) -> Iterator[tuple[IO[bytes], int, str]]:
    """The file's (decompressed) byte stream, its length and the label used in messages."""
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as zf:
                members = [
                    i for i in zf.infolist() if i.filename.endswith(".txt") and "readme" not in i.filename
                ]
                preferred = [i for i in members if Path(i.filename).stem == path.stem]
                if not members:
                    raise GazetteerError(f"{path}: no GeoNames .txt file inside the zip")
                info = (preferred or members)[0]
                with zf.open(info) as stream:
                    yield stream, info.file_size, f"{path}!{info.filename}"
        else:
            with path.open("rb") as stream:
                yield stream, path.stat().st_size, str(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise GazetteerError(f"cannot read {path}: {exc}") from exc


def _file_kind(path: Path) -> str:
    name = path.name.lower()
    if name.startswith("admin1codes"):
        return "admin1"
    if name.startswith("admin2codes"):
        return "admin2"
    return "geonames"


def _alternates(name: str, ascii_name: str, field: str) -> list[str]:
    """Latin-script alternate names that are names, not codes (folding and dedupe happen on write)."""
    out = [ascii_name] if ascii_name and ascii_name != name else []
    for alt in field.split(",") if field else ():
        if alt and alt != name and len(alt) <= 60 and is_latin(alt) and not looks_like_code(alt):
            out.append(alt)
    return out


def _coordinate(text: str, limit: float) -> float:
    value = float(text)
    if not -limit <= value <= limit:
        raise ValueError(f"out of range: {text}")
    return value


def parse_geonames_line(cols: list[str], feature_classes: frozenset[str] | None) -> PlaceRow | None | str:
    """A 19-column GeoNames row as a PlaceRow; None when filtered out; a string saying what is wrong."""
    if len(cols) != 19:
        return f"expected 19 tab-separated columns, found {len(cols)}"
    gid, name, ascii_name, alts, lat, lon, fclass, fcode, cc = cols[:9]
    if not gid.isdigit():
        return f"geonameid is not a number: {gid!r}"
    if not name:
        return "empty name"
    if feature_classes is not None and fclass not in feature_classes:
        return None
    try:
        latitude, longitude = _coordinate(lat, 90), _coordinate(lon, 180)
    except ValueError:
        return f"bad coordinates: {lat!r}, {lon!r}"
    try:
        population = int(cols[14] or 0)
    except ValueError:
        return f"population is not a number: {cols[14]!r}"
    return PlaceRow(
        id=int(gid),
        source="geonames",
        source_id=gid,
        name=name,
        kind=kind_for(fclass, fcode),
        feature_code=fcode or None,
        country_code=cc or None,
        admin1_code=cols[10] or None,
        admin2_code=cols[11] or None,
        latitude=latitude,
        longitude=longitude,
        population=population,
        alternate_names=_alternates(name, ascii_name, alts),
    )


def parse_admin_line(cols: list[str], level: int) -> PlaceRow | str:
    """A row of admin1CodesASCII.txt / admin2Codes.txt (code, name, asciiname, geonameid)."""
    if len(cols) != 4:
        return f"expected 4 tab-separated columns, found {len(cols)}"
    code, name, ascii_name, gid = cols
    parts = code.split(".")
    if len(parts) != level + 1 or not all(parts):
        return f"admin code {code!r} is not of the form {'CC.A1' if level == 1 else 'CC.A1.A2'}"
    if not gid.isdigit():
        return f"geonameid is not a number: {gid!r}"
    return PlaceRow(
        id=int(gid),
        source="geonames",
        source_id=gid,
        name=name,
        kind=f"admin{level}",
        feature_code=f"ADM{level}",
        country_code=parts[0],
        admin1_code=parts[1],
        admin2_code=parts[2] if level == 2 else None,
        latitude=None,
        longitude=None,
        alternate_names=[ascii_name] if ascii_name and ascii_name != name else [],
    )


def _progress_key(path: Path) -> str:
    return str(path.resolve())


def import_geonames(
    index_path: Path,
    files: list[Path],
    *,
    batch_size: int = 20_000,
    feature_classes: frozenset[str] | None = None,
    restart: bool = False,
    progress: bool = True,
    errors: IO[str] | None = None,
    stop_after_batches: int | None = None,
) -> list[ImportReport]:
    """Stream GeoNames ``files`` into the index at ``index_path`` (which must exist).

    ``feature_classes`` keeps only rows of those GeoNames classes (e.g. ``{"P", "A"}``);
    ``stop_after_batches`` stops each file after that many committed batches (to test resuming).
    """
    errors = errors if errors is not None else sys.stderr
    conn = connect(index_path)
    try:
        conn.execute("PRAGMA synchronous = NORMAL")
        return [
            _import_one(
                conn, path, batch_size, feature_classes, restart, progress, errors, stop_after_batches
            )
            for path in files
        ]
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot write to the gazetteer index {index_path}: {exc}") from exc
    finally:
        conn.close()


def _import_one(
    conn: sqlite3.Connection,
    path: Path,
    batch_size: int,
    feature_classes: frozenset[str] | None,
    restart: bool,
    progress: bool,
    errors: IO[str],
    stop_after_batches: int | None,
) -> ImportReport:
    from tqdm import tqdm

    started = time.perf_counter()
    if not path.exists():
        raise GazetteerError(f"cannot read {path}: no such file")
    stat = path.stat()
    key = _progress_key(path)
    report = ImportReport(str(path))
    saved = conn.execute(
        "SELECT size, mtime, offset, line, rows, skipped, done FROM import_progress WHERE file = ?", (key,)
    ).fetchone()
    offset = line_no = 0
    if saved and not restart and saved[0] == stat.st_size and abs(saved[1] - stat.st_mtime) < 1e-3:
        if saved[6]:
            report.already_done = True
            report.rows, report.skipped = saved[4], saved[5]
            print(
                f"{path}: already imported ({saved[4]} rows); use --restart to import it again", file=errors
            )
            return report
        offset, line_no = saved[2], saved[3]
        report.rows, report.skipped, report.resumed_from_line = saved[4], saved[5], saved[3]
    kind = _file_kind(path)
    writer = IndexWriter(conn)
    with _open_stream(path) as (stream, total, label):
        problems = _Problems(label, errors)
        problems.count = report.skipped
        if offset:
            stream.seek(offset)
        bar = tqdm(
            total=total, initial=offset, unit="B", unit_scale=True, desc=path.name, disable=not progress
        )
        batch: list[PlaceRow] = []
        batches = 0
        for raw in stream:
            line_no += 1
            offset += len(raw)
            bar.update(len(raw))
            row = _parse(raw, kind, feature_classes, problems, line_no)
            if row is not None:
                batch.append(row)
            if len(batch) >= batch_size:
                report.rows += _commit(
                    conn, writer, kind, batch, key, stat, offset, line_no, report, problems, False
                )
                batch = []
                batches += 1
                if stop_after_batches is not None and batches >= stop_after_batches:
                    bar.close()
                    report.skipped = problems.count
                    report.seconds = time.perf_counter() - started
                    return report
        report.rows += _commit(conn, writer, kind, batch, key, stat, offset, line_no, report, problems, True)
        bar.close()
    report.skipped = problems.count
    report.seconds = time.perf_counter() - started
    return report


def _parse(
    raw: bytes, kind: str, feature_classes: frozenset[str] | None, problems: _Problems, line_no: int
) -> PlaceRow | None:
    try:
        text = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        problems.report(line_no, f"not valid UTF-8 ({exc.reason} at byte {exc.start})")
        return None
    if not text.strip() or text.startswith("#"):
        return None
    cols = text.split("\t")
    parsed = (
        parse_geonames_line(cols, feature_classes)
        if kind == "geonames"
        else parse_admin_line(cols, 1 if kind == "admin1" else 2)
    )
    if isinstance(parsed, str):
        problems.report(line_no, parsed)
        return None
    return parsed


def _commit(
    conn: sqlite3.Connection,
    writer: IndexWriter,
    kind: str,
    batch: list[PlaceRow],
    key: str,
    stat: object,
    offset: int,
    line_no: int,
    report: ImportReport,
    problems: _Problems,
    done: bool,
) -> int:
    """Write one batch and the position reached, in one transaction."""
    with conn:
        written = writer.upsert(batch) if kind == "geonames" else writer.upsert_admin(batch)
        conn.execute(
            "INSERT OR REPLACE INTO import_progress VALUES (?,?,?,?,?,?,?,?,?)",
            (
                key,
                stat.st_size,  # type: ignore[attr-defined]
                stat.st_mtime,  # type: ignore[attr-defined]
                offset,
                line_no,
                report.rows + written,
                problems.count,
                int(done),
                time.strftime("%Y-%m-%dT%H:%M:%S"),
            ),
        )
    return written


CSV_COLUMNS = (
    "name",
    "alternate_names",
    "latitude",
    "longitude",
    "country_code",
    "admin1",
    "admin2",
    "parent",
)


def add_places_csv(index_path: Path, path: Path, *, errors: IO[str] | None = None) -> ImportReport:
    """Add a user's own places from a CSV with a header row naming :data:`CSV_COLUMNS`.

    ``admin1``/``admin2`` may be GeoNames codes or names (looked up in the index); ``parent`` names
    the containing place (its name or gazetteer id). Ids are a hash of name, coordinates and
    country, so adding the same file twice writes the same rows.
    """
    errors = errors if errors is not None else sys.stderr
    started = time.perf_counter()
    report = ImportReport(str(path))
    problems = _Problems(str(path), errors)
    conn = connect(index_path)
    try:
        with path.open("rb") as raw:
            data = raw.read()
    except OSError as exc:
        conn.close()
        raise GazetteerError(f"cannot read {path}: {exc}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("utf-8-sig", errors="replace")
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("name", "latitude", "longitude") if c not in (reader.fieldnames or [])]
    if missing:
        conn.close()
        raise GazetteerError(
            f"{path}: the header lacks {', '.join(missing)} (columns: {', '.join(CSV_COLUMNS)})"
        )
    rows: list[PlaceRow] = []
    for line_no, rec in enumerate(reader, 2):
        if None in rec:
            problems.report(line_no, f"more columns than the header's {len(reader.fieldnames or [])}")
            continue
        name = (rec.get("name") or "").strip()
        if not name or "\ufffd" in name:
            problems.report(line_no, "empty or undecodable name")
            continue
        try:
            lat = _coordinate((rec.get("latitude") or "").strip(), 90)
            lon = _coordinate((rec.get("longitude") or "").strip(), 180)
        except ValueError:
            problems.report(line_no, f"bad coordinates: {rec.get('latitude')!r}, {rec.get('longitude')!r}")
            continue
        cc = (rec.get("country_code") or "").strip().upper() or None
        admin1 = _admin_code(conn, cc, (rec.get("admin1") or "").strip(), 1)
        admin2 = _admin_code(conn, cc, (rec.get("admin2") or "").strip(), 2, admin1)
        alternates = [a.strip() for a in (rec.get("alternate_names") or "").split("|") if a.strip()]
        key = f"{fold(name)}|{lat:.5f}|{lon:.5f}|{cc or ''}"
        rows.append(
            PlaceRow(
                id=local_id("user", key),
                source="user",
                source_id=key,
                name=name,
                kind="city",
                feature_code="PPL",
                country_code=cc,
                admin1_code=admin1,
                admin2_code=admin2,
                latitude=lat,
                longitude=lon,
                parent=(rec.get("parent") or "").strip() or None,
                alternate_names=alternates,
            )
        )
    try:
        with conn:
            report.rows = IndexWriter(conn).upsert(rows)
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot write to the gazetteer index {index_path}: {exc}") from exc
    finally:
        conn.close()
    report.skipped = problems.count
    report.seconds = time.perf_counter() - started
    return report


def _admin_code(
    conn: sqlite3.Connection, cc: str | None, value: str, level: int, admin1: str | None = None
) -> str | None:
    """A GeoNames admin code from a code or a name; the value itself when nothing matches."""
    if not value or not cc:
        return value or None
    column = "admin1_code" if level == 1 else "admin2_code"
    kind = f"admin{level}"
    sql = f"SELECT {column} FROM places WHERE kind = ? AND country_code = ? AND {column} = ?"
    if conn.execute(sql, (kind, cc, value)).fetchone():
        return value
    row = conn.execute(
        f"SELECT p.{column} FROM names n JOIN places p ON p.id = n.place_id "
        "WHERE n.folded = ? AND p.kind = ? AND p.country_code = ?"
        + (" AND p.admin1_code = ?" if admin1 and level == 2 else ""),
        (fold(value), kind, cc, *((admin1,) if admin1 and level == 2 else ())),
    ).fetchone()
    return row[0] if row else value
