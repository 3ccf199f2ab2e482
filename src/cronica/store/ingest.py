"""Ingesting a corpus into the store: one document, one transaction; a failed document never stops the batch.

In: the documents (and read errors) that :func:`cronica.ingest.read_documents` yields, and an ``extract``
callable (normally :meth:`cronica.pipeline.Pipeline.extract_documents`). Out: :class:`IngestStats`.

- Documents whose content hash is already stored are skipped before extraction, so ingesting the same
  batch again stores nothing twice.
- Each new document is written in its own transaction: killing the process loses at most the document
  being written, and running the same command again finishes the batch with nothing duplicated.
- A document that fails in any stage (``read``: the reader yielded an error; ``extract``: the pipeline
  raised, a bug included; ``store``: the database refused its records) is rolled back and recorded in the
  ``errors`` table with the stage, the exception and its traceback; the batch goes on. With
  ``fail_fast`` the first failure is recorded and the run stops (``IngestStats.stopped``).

Nothing is raised for a bad document; errors of the store itself (it cannot record an error either)
propagate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from cronica.errors import CronicaError, InputError
from cronica.records import Document, Extraction
from cronica.store.repository import content_hash
from cronica.store.store import Store, error_parts

Extract = Callable[[Sequence[Document]], Iterable[Extraction]]

#: The stages a document can fail in, in pipeline order.
STAGES = ("read", "extract", "store")


@dataclass(frozen=True)
class Failure:
    """One document that was not stored: where, in which stage, and why."""

    source: str
    document: str | None
    stage: str
    kind: str
    problem: str

    def __str__(self) -> str:
        name = self.document if self.document and self.document != self.source else None
        where = f"{self.source} ({name})" if name else self.source
        return f"{where}: {self.stage}: {self.kind}: {self.problem}"


@dataclass
class IngestStats:
    seen: int = 0
    added: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    statements: int = 0
    tallies: int = 0
    failures: list[Failure] = field(default_factory=list)
    stopped: bool = False  # fail_fast stopped the run at its first failure


class _Run:
    """The state of one ingest: counts, progress and the fail-fast switch."""

    def __init__(
        self, store: Store, extract: Extract, progress: Callable[[int], object] | None, fail_fast: bool
    ) -> None:
        self.store = store
        self.extract = extract
        self.progress = progress
        self.fail_fast = fail_fast
        self.stats = IngestStats()

    def tick(self, n: int = 1) -> None:
        if self.progress is not None and n:
            self.progress(n)

    def fail(self, exc: BaseException, stage: str, source: str, document: str | None) -> None:
        if isinstance(exc, InputError) and exc.line is not None:
            source = f"{exc.source}:{exc.line}"
        kind, problem, _ = error_parts(exc)
        self.stats.failed += 1
        self.stats.failures.append(Failure(source, document, stage, kind, problem))
        self.store.add_error(exc, source=source, document=document, stage=stage)
        if self.fail_fast:
            self.stats.stopped = True
        self.tick()

    def store_one(self, extraction: Extraction) -> None:
        document = extraction.document
        try:
            added = self.store.add_extraction(extraction)
        except Exception as exc:  # noqa: BLE001 - a document the database refuses is rolled back and recorded
            # StoreError wraps the driver's error: record that one (its type, its first line, its traceback)
            cause = exc.__cause__ if isinstance(exc, CronicaError) and exc.__cause__ is not None else exc
            self.fail(cause, "store", document.source, document.id)
            return
        if added:
            self.stats.added += 1
            self.stats.events += len(extraction.events)
            self.stats.statements += len(extraction.statements)
            self.stats.tallies += len(extraction.tallies)
        else:
            self.stats.skipped += 1
        self.tick()

    def new_documents(self, batch: Sequence[Document]) -> list[Document]:
        """The documents of ``batch`` not stored yet, each text once (the same text twice in one corpus)."""
        by_hash: dict[str, Document] = {}
        for doc in batch:
            by_hash.setdefault(content_hash(doc), doc)
        known = self.store.known_documents(list(by_hash))
        new = [doc for h, doc in by_hash.items() if h not in known]
        self.stats.skipped += len(batch) - len(new)
        self.tick(len(batch) - len(new))
        return new

    def flush(self, batch: Sequence[Document]) -> None:
        """Extract and store ``batch``. If the extractor raises, the documents it had not yielded yet are
        extracted one at a time, so the failure is pinned on its own document."""
        new = self.new_documents(batch)
        done = 0
        try:
            for extraction in self.extract(new):
                self.store_one(extraction)
                done += 1
                if self.stats.stopped:
                    return
        except Exception:  # noqa: BLE001 - one bad document must not stop the batch: retry one by one
            for doc in new[done:]:
                self._extract_alone(doc)
                if self.stats.stopped:
                    return

    def _extract_alone(self, doc: Document) -> None:
        try:
            results = list(self.extract([doc]))
        except Exception as exc:  # noqa: BLE001 - recorded with its traceback, the batch goes on
            self.fail(exc, "extract", doc.source, doc.id)
            return
        for extraction in results:
            self.store_one(extraction)


def _batches(run: _Run, items: Iterable[Document | InputError], batch_size: int) -> Iterator[list[Document]]:
    pending: list[Document] = []
    for item in items:
        run.stats.seen += 1
        if isinstance(item, InputError):
            if run.fail_fast and pending:  # what came before the failure is stored before stopping
                yield pending
                pending = []
            run.fail(item, "read", item.source, None)
            if run.stats.stopped:
                return
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            yield pending
            pending = []
    if pending:
        yield pending


def ingest(
    store: Store,
    items: Iterable[Document | InputError],
    extract: Extract,
    *,
    batch_size: int = 16,
    progress: Callable[[int], object] | None = None,
    fail_fast: bool = False,
) -> IngestStats:
    """Extract and store every new document in ``items``; see the module docstring for the guarantees."""
    run = _Run(store, extract, progress, fail_fast)
    for batch in _batches(run, items, batch_size):
        run.flush(batch)
        if run.stats.stopped:
            break
    return run.stats
