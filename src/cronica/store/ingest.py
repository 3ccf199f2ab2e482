"""Ingesting a corpus into the store: idempotent, resumable, and a bad document never stops the batch.

:func:`ingest` takes the documents (and read errors) that :func:`cronica.ingest.read_documents`
yields and an ``extract`` callable (normally :meth:`cronica.pipeline.Pipeline.extract_documents`).
Documents whose content hash is already stored are skipped before extraction; each new document is
written in its own transaction, so killing the process loses at most the document being written and
running the same command again finishes the batch with nothing duplicated. A document that fails to
read or extract is recorded in ``errors`` with its reason and the rest goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from cronica.errors import CronicaError, InputError
from cronica.records import Document, Extraction
from cronica.store.repository import content_hash
from cronica.store.store import Store

Extract = Callable[[Sequence[Document]], Iterable[Extraction]]


@dataclass
class IngestStats:
    seen: int = 0
    added: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    statements: int = 0
    tallies: int = 0
    failures: list[str] = field(default_factory=list)


def ingest(
    store: Store,
    items: Iterable[Document | InputError],
    extract: Extract,
    *,
    batch_size: int = 16,
    progress: Callable[[int], object] | None = None,
) -> IngestStats:
    """Extract and store every new document in ``items``; see the module docstring for the guarantees."""
    stats = IngestStats()
    pending: list[Document] = []

    def tick(n: int = 1) -> None:
        if progress is not None:
            progress(n)

    def flush() -> None:
        if not pending:
            return
        batch = list(pending)
        pending.clear()
        # Deduplicate within the batch too (the same text twice in one corpus).
        by_hash: dict[str, Document] = {}
        for doc in batch:
            by_hash.setdefault(content_hash(doc), doc)
        known = store.known_documents(list(by_hash))
        new = [doc for h, doc in by_hash.items() if h not in known]
        stats.skipped += len(batch) - len(new)
        tick(len(batch) - len(new))
        if not new:
            return
        try:
            results = list(extract(new))
        except Exception:  # noqa: BLE001 - one bad document must not stop the batch: retry one by one
            results = []
            for doc in new:
                try:
                    results.extend(extract([doc]))
                except Exception as exc:  # noqa: BLE001
                    _fail(doc.id, exc)
                    tick()
        for extraction in results:
            if store.add_extraction(extraction):
                stats.added += 1
                stats.events += len(extraction.events)
                stats.statements += len(extraction.statements)
                stats.tallies += len(extraction.tallies)
            else:
                stats.skipped += 1
            tick()

    def _fail(source: str, exc: BaseException) -> None:
        stats.failed += 1
        stats.failures.append(str(exc) if isinstance(exc, CronicaError) else f"{source}: {exc}")
        store.add_error(exc, source=source)

    for item in items:
        stats.seen += 1
        if isinstance(item, InputError):
            _fail(item.source, item)
            tick()
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            flush()
    flush()
    return stats
