"""Extraction on a Dask cluster: a local one (``local``) or a scheduler's address (``tcp://host:8786``).

Two ways in, both over the same per-chunk function as the process runner (:func:`~.pool.extract_chunk`,
with the pipeline built once per Dask worker process):

- :func:`extract_corpus` runs extraction over the partitions of JSON Lines or Parquet corpora, one
  task a partition (a partition: a run of lines of a JSON Lines file, cut at line ends by size for the
  cluster's worker threads, see :func:`partitions`, or one Parquet row group) and each worker writes
  its partition's records to ``OUT/part-NNNNN.jsonl`` (the interchange records, as ``cronica extract
  --format jsonl`` prints them) or ``.parquet`` (events, as ``cronica export --format parquet``).
  Read errors go to ``OUT/errors.jsonl``. Concatenated in partition order, the JSON Lines parts are
  the single-process output, record for record.
- :class:`DaskRunner` streams documents to the cluster and their outcomes back in input order, like
  :class:`~.pool.Runner`; ``cronica ingest --dask`` uses it so that the store keeps one writer.

The workers must have cronica and its model installed and, for :func:`extract_corpus`, see the
corpus files at the same paths (a shared file system). Needs the ``dask`` extra
(``pip install 'cronica[dask]'``); without it :func:`connect` raises a :class:`~cronica.errors.CronicaError`
that says so. A scheduler that cannot be reached raises :class:`~cronica.errors.WorkerError`.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from cronica.errors import CronicaError, InputError, WorkerError
from cronica.parallel.pool import (
    PipelineSpec,
    Runner,
    extract_chunk,
    merge_chunk,
    pipeline_for,
)
from cronica.records import Document

#: Bytes of JSON Lines in one partition at most: about 6-9 CPU s of extraction on one core (short
#: notes about 33 s a MiB, news articles about 25), long enough that a task's scheduling and its part
#: file cost nothing beside it, short enough that a partition's records sit in memory.
PARTITION_BYTES = 256 * 1024
#: Bytes of JSON Lines in one partition at least (but for a file's last): about half a second.
PARTITION_MIN_BYTES = 16 * 1024
#: Documents a worker parses at once inside a partition (spaCy's ``nlp.pipe`` batch): a whole
#: partition is in memory anyway, and 64 costs 11% less CPU than 16 on short notes.
PARTITION_BATCH = 64
#: glibc's trim threshold in the worker processes of a local cluster. Dask's nanny sets 64 KiB by
#: default (memory goes back to the system at once), which made extraction cost 13-17% more CPU than
#: in a plain process; 64 MiB keeps a worker's memory bounded and the allocator fast.
MALLOC_TRIM_THRESHOLD = 64 * 2**20
#: glibc's mmap threshold there, set with it: a trim threshold given in the environment turns off
#: glibc's sliding mmap threshold, which then stays at 128 KiB, so every larger block (the parser's
#: arrays) was mapped and its pages faulted in afresh: 200,000 page faults and 10-24% more CPU than
#: with this, the most the sliding threshold reaches (docs/performance.md, 2026-12-08).
MALLOC_MMAP_THRESHOLD = 32 * 2**20


def connect(address: str, workers: int | None = None) -> Any:
    """A ``dask.distributed.Client``: on a new ``LocalCluster`` of ``workers`` single-threaded worker
    processes for ``local``, else on the scheduler at ``address``."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise CronicaError("--dask needs Dask: pip install 'cronica[dask]'") from exc
    from cronica.parallel.pool import default_workers

    if address == "local":
        import dask

        # Dask's statistical profiler samples every worker thread's stack every few milliseconds: on
        # extraction (Python over spaCy docs) it cost a third more CPU. Off for the workers we start.
        # Its monitors wake every process too (the event-loop tick every 20 ms, the system monitor
        # every 0.5 s, the worker's memory check every 0.1 s): on 502 short notes they cost the client
        # (which hosts a local cluster's scheduler) 0.6 of 0.7 CPU s and each idle worker 2% of a core;
        # a local cluster's extraction needs no finer watch than a second.
        dask.config.set(
            {
                "distributed.worker.profile.enabled": False,
                "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": MALLOC_TRIM_THRESHOLD,
                "distributed.nanny.pre-spawn-environ.MALLOC_MMAP_THRESHOLD_": MALLOC_MMAP_THRESHOLD,
                "distributed.admin.tick.interval": "1s",
                "distributed.admin.system-monitor.interval": "5s",
                "distributed.worker.memory.monitor-interval": "1s",
            }
        )
        cluster = LocalCluster(
            n_workers=workers or default_workers(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        return Client(cluster)
    try:
        return Client(address, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise WorkerError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc


def close(client: Any) -> None:
    """Close ``client`` and, when :func:`connect` made it, its local cluster."""
    cluster = getattr(client, "cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


# -- partitions of a corpus ---------------------------------------------------------------------


@dataclass(frozen=True)
class Partition:
    """A part of one corpus file: bytes ``start:end`` of a JSON Lines file whose first line is line
    ``first``, or row group ``start`` of a Parquet file whose first row is row ``first``."""

    source: str
    kind: str
    start: int
    end: int
    first: int


def partitions(
    paths: Iterable[str],
    documents: int | None = None,
    *,
    slots: int = 1,
    max_bytes: int = PARTITION_BYTES,
    min_bytes: int = PARTITION_MIN_BYTES,
) -> list[Partition]:
    """The partitions of ``paths`` (JSON Lines or Parquet files), in corpus order. Raises
    :class:`~cronica.errors.InputError` for a path of another kind or a missing one.

    JSON Lines files are cut at line ends by size (each file is read once, in blocks, to find the
    ends): each partition takes the JSON Lines bytes still to cut shared among the cluster's ``slots``
    (its worker threads), within ``min_bytes`` and ``max_bytes`` (a file's last partition takes what
    would be left under ``min_bytes``), and at most ``documents`` lines when given. So a large corpus
    goes in partitions of ``max_bytes`` (several seconds each), and its end, like a small corpus, in
    partitions that shrink as they near it (guided scheduling: one a slot, then halves), so that the
    slots run out of work at about the same time and no task is shorter than ``min_bytes`` take.
    Parquet files are cut at their row groups."""
    given = [str(p) for p in paths]
    for source in given:
        if not os.path.isfile(source):
            raise InputError(source, "no such file (--dask reads JSON Lines or Parquet corpora)")
        if _kind(source) is None:
            raise InputError(source, "--dask reads JSON Lines (.jsonl) or Parquet (.parquet) corpora")
    cut = _Cut(sum(os.path.getsize(s) for s in given if _kind(s) == "jsonl"), slots, max_bytes, min_bytes)
    out: list[Partition] = []
    for source in given:
        if _kind(source) == "jsonl":
            out.extend(_jsonl_partitions(source, cut, documents))
        else:
            from cronica.ingest.parquet import row_groups

            out.extend(
                Partition(source, "parquet", index, index + 1, first) for index, first in row_groups(source)
            )
    return out


def _kind(source: str) -> str | None:
    ext = os.path.splitext(source)[1].lower()
    return "jsonl" if ext in (".jsonl", ".ndjson") else "parquet" if ext == ".parquet" else None


@dataclass
class _Cut:
    """How many bytes the next JSON Lines partition takes: the bytes still to cut shared among
    ``slots``, within ``least`` and ``most``."""

    remaining: int
    slots: int
    most: int
    least: int

    def target(self) -> int:
        return min(self.most, max(self.least, -(-self.remaining // max(1, self.slots))))


def _jsonl_partitions(source: str, cut: _Cut, documents: int | None) -> Iterator[Partition]:
    start, first, line, offset = 0, 1, 0, 0
    target, size = cut.target(), os.path.getsize(source)
    with open(source, "rb") as fh:
        for raw in fh:
            line += 1
            offset += len(raw)
            full = documents is not None and line - first + 1 >= documents
            if not full and (offset - start < target or size - offset < cut.least):  # no stub at the end
                continue
            yield Partition(source, "jsonl", start, offset, first)
            cut.remaining -= offset - start
            start, first = offset, line + 1
            target = cut.target()
    if offset > start:
        cut.remaining -= offset - start
        yield Partition(source, "jsonl", start, offset, first)


def read_partition(part: Partition, published: date | None = None) -> Iterator[Document | InputError]:
    """The documents (and read errors) of ``part``, numbered as in the whole file."""
    from cronica.ingest import DEFAULT_MAX_BYTES
    from cronica.ingest.jsonl import read_jsonl
    from cronica.ingest.parquet import read_parquet

    if part.kind == "parquet":
        yield from read_parquet(part.source, published, groups=[(part.start, part.first)])
        return
    with open(part.source, "rb") as fh:
        fh.seek(part.start)
        data = fh.read(part.end - part.start)
    yield from read_jsonl(io.BytesIO(data), part.source, published, DEFAULT_MAX_BYTES, first_line=part.first)


@dataclass(frozen=True)
class PartitionReport:
    """What one partition gave: documents extracted, records written, where, and its errors."""

    index: int
    documents: int
    records: int
    path: str
    errors: tuple[str, ...]


def extract_partition(
    index: int,
    part: Partition,
    spec: PipelineSpec,
    out_dir: str,
    fmt: str = "jsonl",
    published: date | None = None,
    batch_size: int = PARTITION_BATCH,
) -> PartitionReport:
    """Read, extract and write one partition (runs on a worker); see the module docstring."""
    items = list(read_partition(part, published))
    docs = [x for x in items if isinstance(x, Document)]
    outcomes = list(merge_chunk(items, extract_chunk(pipeline_for(spec), docs, batch_size)))
    records = [r for o in outcomes if not isinstance(o, CronicaError) for r in o.to_dicts()]
    errors = tuple(str(o) for o in outcomes if isinstance(o, CronicaError))
    path = str(Path(out_dir, f"part-{index:05d}.{fmt}"))
    if fmt == "parquet":
        from cronica.export import write_parquet

        write_parquet(records, path)
    else:
        with open(path, "w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return PartitionReport(index, len(docs), len(records), path, errors)


def extract_corpus(
    client: Any,
    paths: Iterable[str],
    out_dir: str,
    spec: PipelineSpec | None = None,
    *,
    fmt: str = "jsonl",
    published: date | None = None,
    documents: int | None = None,
    batch_size: int = PARTITION_BATCH,
    max_bytes: int = PARTITION_BYTES,
    min_bytes: int = PARTITION_MIN_BYTES,
) -> list[PartitionReport]:
    """Run :func:`extract_partition` on ``client``'s cluster for each partition of ``paths`` (cut
    for the cluster's worker threads by :func:`partitions`, with ``documents``, ``max_bytes`` and
    ``min_bytes``), one task a partition, the first partitions (the largest) first; returns the partitions'
    reports in order and writes ``OUT/errors.jsonl``."""
    if fmt not in ("jsonl", "parquet"):
        raise CronicaError(f"unknown output format {fmt!r}: jsonl or parquet")
    parts = partitions(
        paths, documents, slots=worker_threads(client), max_bytes=max_bytes, min_bytes=min_bytes
    )
    os.makedirs(out_dir, exist_ok=True)
    for old in Path(out_dir).glob("part-*.*"):
        old.unlink()
    spec = spec or PipelineSpec()
    if not parts:
        return []
    tasks = [
        client.submit(
            extract_partition,
            index,
            part,
            spec,
            out_dir,
            fmt,
            published,
            batch_size,
            pure=False,
            priority=len(parts) - index,
        )
        for index, part in enumerate(parts)
    ]
    reports: list[PartitionReport] = client.gather(tasks)
    with open(Path(out_dir, "errors.jsonl"), "w", encoding="utf-8") as fh:
        for report in reports:
            for error in report.errors:
                fh.write(json.dumps({"partition": report.index, "error": error}, ensure_ascii=False) + "\n")
    return reports


def worker_threads(client: Any) -> int:
    """The worker threads of ``client``'s cluster now (at least 1)."""
    return max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))


# -- streaming to a cluster ----------------------------------------------------------------------


class DaskRunner(Runner):
    """:class:`~.pool.Runner` on a Dask cluster: chunks of documents go to the workers (two a worker
    thread in flight), outcomes come back in input order, the caller stays the only writer. The
    caller owns ``client`` (see :func:`close`)."""

    def __init__(self, client: Any, spec: PipelineSpec | None = None, *, batch_size: int = 16) -> None:
        # never 1: one Dask worker still runs remotely, not in this process
        super().__init__(spec, max(2, worker_threads(client)), batch_size=batch_size)
        self.client = client

    def start(self) -> DaskRunner:
        return self

    def close(self) -> None:
        pass

    def _call(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)


@contextmanager
def open_runner(
    spec: PipelineSpec | None = None,
    workers: int | None = None,
    *,
    dask: str | None = None,
    batch_size: int = 16,
) -> Iterator[Runner]:
    """A started runner, closed on exit: on the Dask cluster at ``dask`` (``local``: a LocalCluster of
    ``workers`` processes) when given, else ``workers`` local processes."""
    if dask:
        client = connect(dask, workers)
        try:
            yield DaskRunner(client, spec, batch_size=batch_size)
        finally:
            close(client)
        return
    with Runner(spec, workers, batch_size=batch_size) as runner:
        yield runner
