"""Extraction on a Dask cluster: a local one (``local``) or a scheduler's address (``tcp://host:8786``).

Two ways in, both over the same per-chunk function as the process runner (:func:`~.pool.extract_chunk`,
with the pipeline built once per Dask worker process):

- :func:`extract_corpus` maps extraction over the partitions of JSON Lines or Parquet corpora with
  ``dask.bag`` (a partition: a run of lines of a JSON Lines file, cut at line ends, or one Parquet row
  group) and each worker writes its partition's records to ``OUT/part-NNNNN.jsonl`` (the interchange
  records, as ``cronica extract --format jsonl`` prints them) or ``.parquet`` (events, as
  ``cronica export --format parquet``). Read errors go to ``OUT/errors.jsonl``. Concatenated in
  partition order, the JSON Lines parts are the single-process output, record for record.
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

#: Documents in one JSON Lines partition unless told otherwise.
PARTITION_DOCUMENTS = 256
#: Documents a worker parses at once inside a partition (spaCy's ``nlp.pipe`` batch): a whole
#: partition is in memory anyway, and 64 costs 11% less CPU than 16 on short notes.
PARTITION_BATCH = 64
#: glibc's trim threshold in the worker processes of a local cluster. Dask's nanny sets 64 KiB by
#: default (memory goes back to the system at once), which made extraction cost 13-17% more CPU than
#: in a plain process; 64 MiB keeps a worker's memory bounded and the allocator fast.
MALLOC_TRIM_THRESHOLD = 64 * 2**20


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


def partitions(paths: Iterable[str], documents: int = PARTITION_DOCUMENTS) -> list[Partition]:
    """The partitions of ``paths`` (JSON Lines or Parquet files), in corpus order. JSON Lines files
    are cut every ``documents`` lines, at line ends (the file is read once, in blocks, to find
    them). Raises :class:`~cronica.errors.InputError` for a path of another kind or a missing one."""
    out: list[Partition] = []
    for given in paths:
        source = str(given)
        ext = os.path.splitext(source)[1].lower()
        if not os.path.isfile(source):
            raise InputError(source, "no such file (--dask reads JSON Lines or Parquet corpora)")
        if ext in (".jsonl", ".ndjson"):
            out.extend(_jsonl_partitions(source, documents))
        elif ext == ".parquet":
            from cronica.ingest.parquet import row_groups

            out.extend(
                Partition(source, "parquet", index, index + 1, first) for index, first in row_groups(source)
            )
        else:
            raise InputError(source, "--dask reads JSON Lines (.jsonl) or Parquet (.parquet) corpora")
    return out


def _jsonl_partitions(source: str, documents: int) -> Iterator[Partition]:
    start, first, line, offset = 0, 1, 0, 0
    with open(source, "rb") as fh:
        for raw in fh:
            line += 1
            offset += len(raw)
            if line - first + 1 >= documents:
                yield Partition(source, "jsonl", start, offset, first)
                start, first = offset, line + 1
    if offset > start:
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
    documents: int = PARTITION_DOCUMENTS,
    batch_size: int = PARTITION_BATCH,
) -> list[PartitionReport]:
    """Map :func:`extract_partition` over the partitions of ``paths`` on ``client``'s cluster with
    ``dask.bag``; returns the partitions' reports in order and writes ``OUT/errors.jsonl``."""
    import dask.bag as db

    if fmt not in ("jsonl", "parquet"):
        raise CronicaError(f"unknown output format {fmt!r}: jsonl or parquet")
    parts = partitions(paths, documents)
    os.makedirs(out_dir, exist_ok=True)
    for old in Path(out_dir).glob("part-*.*"):
        old.unlink()
    spec = spec or PipelineSpec()
    if not parts:
        return []
    bag = db.from_sequence(list(enumerate(parts)), npartitions=len(parts))
    job = bag.map(lambda ip: extract_partition(ip[0], ip[1], spec, out_dir, fmt, published, batch_size))
    reports: list[PartitionReport] = sorted(client.compute(job).result(), key=lambda r: r.index)
    with open(Path(out_dir, "errors.jsonl"), "w", encoding="utf-8") as fh:
        for report in reports:
            for error in report.errors:
                fh.write(json.dumps({"partition": report.index, "error": error}, ensure_ascii=False) + "\n")
    return reports


# -- streaming to a cluster ----------------------------------------------------------------------


class DaskRunner(Runner):
    """:class:`~.pool.Runner` on a Dask cluster: chunks of documents go to the workers (two a worker
    thread in flight), outcomes come back in input order, the caller stays the only writer. The
    caller owns ``client`` (see :func:`close`)."""

    def __init__(self, client: Any, spec: PipelineSpec | None = None, *, batch_size: int = 16) -> None:
        threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
        # never 1: one Dask worker still runs remotely, not in this process
        super().__init__(spec, max(2, threads), batch_size=batch_size)
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
