"""Extraction over many documents in worker processes, streamed back in input order.

In: documents, with read errors mixed in where the reader met them (``Document | InputError``). Out:
one item per input item, in input order: the document's :class:`~cronica.records.Extraction`, the
:class:`~cronica.errors.InputError` as given, or an :class:`~cronica.errors.ExtractionError` for a
document whose extraction raised (the rest of the batch goes on).

Each worker process builds its :class:`~cronica.pipeline.Pipeline` once, from a picklable
:class:`PipelineSpec`, and keeps it for every chunk it is sent. Memory stays bounded: the runner
reads the input lazily and keeps at most ``2 × workers`` chunks of ``batch_size`` documents in flight.
With one worker nothing is started: the chunks run in the calling process through the same code, so
the output of N workers and of one process is the same by construction. How it fails: a worker that
dies (killed, out of memory) raises :class:`~cronica.errors.WorkerError`.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

from cronica.errors import ExtractionError, InputError, WorkerError
from cronica.records import Document, Extraction

if TYPE_CHECKING:
    from cronica.pipeline import Pipeline
    from cronica.resolve.corpus import CorpusPrior

#: What comes back for each input item.
Outcome = Extraction | InputError | ExtractionError
Progress = Callable[[int], object]


@dataclass(frozen=True)
class PipelineSpec:
    """How to build the pipeline in each worker: the :class:`~cronica.pipeline.Pipeline` arguments."""

    model: str | None = None
    keep_generic: bool | None = None
    places: str | None = None
    country: tuple[str, ...] = ()
    language: str | None = None
    #: the countries the whole input states (:mod:`cronica.resolve.corpus`), computed before any
    #: document is handed out, so every worker weighs the same prior
    prior: CorpusPrior | None = None

    def build(self) -> Pipeline:
        from cronica.pipeline import Pipeline

        return Pipeline(
            self.model,
            keep_generic=self.keep_generic,
            places=self.places,
            country=self.country,
            language=self.language,
            prior=self.prior,
        )


@lru_cache(maxsize=4)
def pipeline_for(spec: PipelineSpec) -> Pipeline:
    """This process's pipeline for ``spec``, built on first use (a worker builds it once). The first
    one built in a process is followed by :func:`freeze_loaded`."""
    pipeline = spec.build()
    freeze_loaded()
    return pipeline


_FROZEN: list[bool] = []


def freeze_loaded() -> None:
    """Once a process: collect, then move every object alive into the collector's permanent
    generation (``gc.freeze``). What a pipeline loads (spaCy and its model, the lexicons, the
    gazetteer's tables, the classifier: about 117,000 objects the collector tracks) lives as long as
    the process; without this, each full collection walked all of it again, about 85 ms on the
    short notes of ``benchmarks/scale.py``, once or more every 500 notes (docs/performance.md,
    twelfth session). Objects frozen are still freed when their last reference goes; only a cycle
    among them would stay. Forked workers inherit the frozen heap, as Python's documentation advises
    for a parent that forks."""
    if _FROZEN:
        return
    _FROZEN.append(True)
    gc.collect()
    gc.freeze()


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def workers_for(requested: int | None, documents: int | None, batch_size: int) -> int:
    """How many workers to start: ``requested`` (default: every core), but no more than there are
    chunks of ``batch_size`` among ``documents`` (when known): one short file needs no second model."""
    workers = requested or default_workers()
    if documents is not None:
        workers = min(workers, max(1, -(-documents // batch_size)))
    return workers


def extract_chunk(pipeline: Pipeline, documents: list[Document], batch_size: int) -> list[Outcome]:
    """Extract ``documents`` with ``pipeline``; a document whose extraction raises comes back as an
    :class:`~cronica.errors.ExtractionError` in its place (the chunk is retried one by one)."""
    try:
        return list(pipeline.extract_documents(documents, batch_size=batch_size))
    except Exception:  # noqa: BLE001 - one bad document must not sink the chunk
        out: list[Outcome] = []
        for document in documents:
            try:
                out.extend(pipeline.extract_documents([document], batch_size=1))
            except InputError as exc:  # it names the document and the problem (a language not read)
                out.append(exc)
            except Exception as exc:  # noqa: BLE001
                out.append(ExtractionError(document.id, f"{type(exc).__name__}: {exc}"))
        return out


def extract_with(spec: PipelineSpec, documents: list[Document], batch_size: int) -> list[Outcome]:
    return extract_chunk(pipeline_for(spec), documents, batch_size)


def _warm(spec: PipelineSpec) -> None:
    pipeline_for(spec)


def _init_worker(spec: PipelineSpec) -> None:
    """A worker process's start: end with the parent (a killed ``cronica ingest`` leaves no workers
    behind), then build the pipeline."""
    _exit_with_parent()
    pipeline_for(spec)


def _exit_with_parent() -> None:
    parent = os.getppid()
    try:  # Linux: the kernel sends SIGTERM when the parent dies
        import ctypes
        import signal

        if ctypes.CDLL(None).prctl(1, signal.SIGTERM) == 0 and os.getppid() == parent:  # PR_SET_PDEATHSIG
            return
    except (AttributeError, OSError):
        pass
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="cronica-parent-watch", daemon=True).start()


def _meta(spec: PipelineSpec) -> dict[str, Any]:
    return dict(getattr(pipeline_for(spec).nlp, "meta", {}) or {})


def chunks(items: Iterable[Document | InputError], size: int) -> Iterator[list[Document | InputError]]:
    """Consecutive runs of ``items`` holding at most ``size`` documents (errors ride along free)."""
    chunk: list[Document | InputError] = []
    held = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Document):
            held += 1
            if held >= size:
                yield chunk
                chunk, held = [], 0
    if chunk:
        yield chunk


def merge_chunk(chunk: list[Document | InputError], extracted: list[Outcome]) -> Iterator[Outcome]:
    """The chunk's items in order, each document replaced by what its extraction gave."""
    results = iter(extracted)
    for item in chunk:
        yield next(results) if isinstance(item, Document) else item


class Runner:
    """Runs a :class:`PipelineSpec` over documents in ``workers`` processes; use as a context manager.

    ``workers`` defaults to :func:`default_workers`; 1 runs in this process. ``start_method`` is a
    :mod:`multiprocessing` start method (default ``fork`` where there is one: workers start at once
    with cronica already imported; each still builds its own pipeline)."""

    def __init__(
        self,
        spec: PipelineSpec | None = None,
        workers: int | None = None,
        *,
        batch_size: int = 16,
        start_method: str | None = None,
    ) -> None:
        if workers is not None and workers < 1:
            raise ValueError("workers must be at least 1")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.spec = spec or PipelineSpec()
        self.workers = workers or default_workers()
        self.batch_size = batch_size
        self._start_method = start_method
        self._pool: ProcessPoolExecutor | None = None

    # -- lifecycle --------------------------------------------------------------------------------
    def start(self) -> Runner:
        """Start the workers (and their pipeline loading) now rather than at the first chunk."""
        if self.workers == 1:
            pipeline_for(self.spec)
            return self
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            method = self._start_method or ("fork" if "fork" in methods else "spawn")
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context(method),
                initializer=_init_worker,
                initargs=(self.spec,),
            )
            # with fork every process starts on this first submit, before the caller starts threads
            self._pool.submit(_warm, self.spec).result()
        return self

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Runner:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def model_meta(self, spec: PipelineSpec | None = None) -> dict[str, Any]:
        """The spaCy model's ``meta`` (name, version), read where the pipelines live."""
        if self.workers == 1:
            return _meta(spec or self.spec)
        self.start()
        return self._call(_meta, spec or self.spec).result()

    # -- running ----------------------------------------------------------------------------------
    def run(
        self,
        items: Iterable[Document | InputError],
        progress: Progress | None = None,
        spec: PipelineSpec | None = None,
    ) -> Iterator[Outcome]:
        """Each item's outcome, in input order (see the module docstring). ``progress(n)`` is called
        as items come back. ``spec`` replaces the runner's own for this run (the same workers then hold
        both pipelines; the model itself is loaded once)."""
        chosen = spec or self.spec
        if self.workers == 1:
            pipeline = pipeline_for(chosen)
            for chunk in chunks(items, self.batch_size):
                docs = [x for x in chunk if isinstance(x, Document)]
                extracted = extract_chunk(pipeline, docs, self.batch_size)
                yield from _report(merge_chunk(chunk, extracted), progress)
            return
        self.start()

        def submit(docs: list[Document]) -> _Pending:
            return self._call(extract_with, chosen, docs, self.batch_size)

        yield from stream(items, submit, 2 * self.workers, self.batch_size, progress)

    def _call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn(*args)`` on a worker; a future."""
        assert self._pool is not None
        return self._pool.submit(fn, *args)

    def extract_raising(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Each document's extraction in order, raising the error of the first document that has one
        (for callers that retry a failed batch one document at a time, as the store's ingest does)."""
        for outcome in self.run(documents):
            if isinstance(outcome, InputError | ExtractionError):
                raise outcome
            yield outcome

    def extract_documents(
        self, documents: Iterable[Document], spec: PipelineSpec | None = None
    ) -> Iterator[Extraction | ExtractionError]:
        """:meth:`run` for documents only: each document's extraction, or the error that stopped it."""
        for outcome in self.run(documents, spec=spec):
            if isinstance(outcome, InputError):  # pragma: no cover - only documents went in
                raise TypeError("extract_documents takes documents, not read errors")
            yield outcome


class _Pending(Protocol):
    def result(self) -> list[Outcome]: ...


def stream(
    items: Iterable[Document | InputError],
    submit: Callable[[list[Document]], _Pending],
    window: int,
    batch_size: int,
    progress: Progress | None = None,
) -> Iterator[Outcome]:
    """Chunks of ``items`` sent through ``submit`` (to processes, to a cluster), at most ``window``
    in flight, their outcomes given back in input order."""
    pending: deque[tuple[list[Document | InputError], _Pending | None]] = deque()
    source = chunks(items, batch_size)
    while True:
        for chunk in islice(source, max(0, window - len(pending))):
            docs = [x for x in chunk if isinstance(x, Document)]
            pending.append((chunk, submit(docs) if docs else None))
        if not pending:
            return
        chunk, future = pending.popleft()
        try:
            extracted = future.result() if future is not None else []
        except BrokenProcessPool as exc:
            raise WorkerError(
                "a worker process died (killed or out of memory?); run again with fewer --workers"
            ) from exc
        yield from _report(merge_chunk(chunk, extracted), progress)


def _report(outcomes: Iterable[Outcome], progress: Progress | None) -> Iterator[Outcome]:
    for outcome in outcomes:
        yield outcome
        if progress is not None:
            progress(1)
