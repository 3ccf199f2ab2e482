"""Ingest from the browser: uploaded files or a pasted report, checked against limits, extracted by the
real pipeline in a background thread, stored and merged as `cronica ingest` does, with progress.

In: file names and bytes (or pasted text), an optional publication date. Out: an :class:`IngestJob`
whose counters move as documents are stored. Refused before any work with :class:`BadRequestError`:
an extension not in :data:`ALLOWED`, a file over :data:`MAX_FILE_BYTES`, more than :data:`MAX_FILES`
files, pasted text over :data:`MAX_PASTE_CHARS`. A document that cannot be read or extracted is recorded
with its reason (``cronica errors``) and the rest goes on.
"""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cronica.errors import InputError
from cronica.records import Document, Extraction
from cronica.store import Store
from cronica.web.accounts import User
from cronica.web.errors import BadRequestError

ALLOWED = (".txt", ".md", ".html", ".htm", ".pdf", ".jsonl", ".json", ".csv", ".tsv")
MAX_FILE_BYTES = 5_000_000
MAX_FILES = 20
MAX_PASTE_CHARS = 200_000


@dataclass
class IngestJob:
    """One upload being ingested; ``state`` is queued, running, done or failed."""

    id: str
    user: str
    names: list[str]
    state: str = "queued"
    total: int = 0
    done: int = 0
    added: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    merged: int = 0
    failures: list[str] = field(default_factory=list)
    error: str | None = None
    started: str = field(default_factory=lambda: datetime.now(UTC).isoformat())

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def upload_limits() -> dict[str, Any]:
    return {
        "types": ", ".join(ALLOWED),
        "file_mb": MAX_FILE_BYTES // 1_000_000,
        "files": MAX_FILES,
        "paste_chars": MAX_PASTE_CHARS,
    }


def clean_name(name: str) -> str:
    """A safe base name for an uploaded file (no folders, no odd characters)."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[^\w.\- ]+", "_", base).strip(" .")
    return base[:120] or "upload.txt"


def check_upload(files: list[tuple[str, bytes]], text: str | None) -> list[tuple[str, bytes]]:
    """The files to ingest (the pasted text as one more), or :class:`BadRequestError` naming the problem."""
    out = []
    if len(files) > MAX_FILES:
        raise BadRequestError(f"at most {MAX_FILES} files at a time, not {len(files)}")
    for name, data in files:
        safe = clean_name(name)
        if not safe.lower().endswith(ALLOWED):
            raise BadRequestError(f"{safe}: not a file cronica reads here (allowed: {', '.join(ALLOWED)})")
        if len(data) > MAX_FILE_BYTES:
            raise BadRequestError(f"{safe}: {len(data):,} bytes, over the limit of {MAX_FILE_BYTES:,}")
        if not data:
            raise BadRequestError(f"{safe}: the file is empty")
        out.append((safe, data))
    if text and text.strip():
        if len(text) > MAX_PASTE_CHARS:
            raise BadRequestError(f"the pasted text has {len(text):,} characters, over {MAX_PASTE_CHARS:,}")
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        out.append((f"pasted-{stamp}.txt", text.encode("utf-8")))
    if not out:
        raise BadRequestError("choose files or paste a report")
    return out


Extract = Callable[[Sequence[Document]], Iterable[Extraction]]


class Ingester:
    """Runs uploads one at a time in a background thread; the pipeline is built on first use."""

    def __init__(self, store: Store, extract: Extract | None = None) -> None:
        self.store = store
        self._extract = extract
        self._jobs: dict[str, IngestJob] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cronica-ingest")

    def _extractor(self) -> Extract:
        if self._extract is None:
            from cronica.pipeline import Pipeline

            pipeline = Pipeline()
            self._extract = lambda docs: pipeline.extract_documents(docs)
        return self._extract

    def submit(
        self, user: User, files: list[tuple[str, bytes]], text: str | None, published: date | None
    ) -> IngestJob:
        user.require("coder")
        checked = check_upload(files, text)
        folder = Path(tempfile.mkdtemp(prefix="cronica-upload-"))
        for i, (name, data) in enumerate(checked):
            (folder / f"{i:03d}-{name}").write_bytes(data)
        job = IngestJob(secrets.token_hex(8), user.name, [n for n, _ in checked], total=len(checked))
        with self._lock:
            self._jobs[job.id] = job
        self._pool.submit(self._run, job, folder, published)
        return job

    def job(self, job_id: str) -> IngestJob:
        with self._lock:
            found = self._jobs.get(job_id)
        if found is None:
            raise BadRequestError(f"no ingest job {job_id!r}")
        return found

    def wait(self, job_id: str, timeout: float = 120.0) -> IngestJob:
        """Block until a job ends (for scripts and tests)."""
        import time

        deadline = time.monotonic() + timeout
        while self.job(job_id).state in ("queued", "running") and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.job(job_id)

    def _run(self, job: IngestJob, folder: Path, published: date | None) -> None:
        from cronica.ingest import read_documents
        from cronica.store.ingest import ingest

        job.state = "running"
        try:
            items: list[Document | InputError] = []
            for item in read_documents(sorted(folder.iterdir()), published=published):
                items.append(_renamed(item, folder))

            def progress(n: int) -> None:
                job.done += n

            stats = ingest(self.store, items, self._extractor(), progress=progress)
            job.added, job.skipped, job.failed = stats.added, stats.skipped, stats.failed
            job.events = stats.events
            job.failures = [str(f) for f in stats.failures]
            job.merged = self.store.merge_auto(by=f"upload by {job.user}").merged
            job.state = "done"
        except Exception as exc:  # noqa: BLE001 - a background job reports every failure on its page
            job.state, job.error = "failed", f"{type(exc).__name__}: {exc}"
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def _renamed(item: Document | InputError, folder: Path) -> Document | InputError:
    """Name a document (or its error) by the uploaded file name, not the temporary path."""

    def name(path: str) -> str:
        p = Path(path)
        if p.parent == folder or str(p).startswith(str(folder)):
            return "upload:" + p.name.split("-", 1)[-1]
        return path

    if isinstance(item, InputError):
        return type(item)(name(item.source), item.problem, item.line)
    return replace(item, id=name(item.id), source=name(item.source))
