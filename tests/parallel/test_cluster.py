"""Dask: a real LocalCluster of two worker processes gives the single-process output, record for record."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cronica.errors import CronicaError, InputError
from cronica.ingest import read_documents
from cronica.parallel import PipelineSpec, Runner

pytest.importorskip("dask.distributed", reason="Dask runs need the dask extra (pip install 'cronica[dask]')")

from cronica.parallel.cluster import DaskRunner, close, connect, extract_corpus, partitions  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    c = connect("local", 2)
    try:
        yield c
    finally:
        close(c)


def _single_process_lines(path: Path) -> tuple[list[str], list[str]]:
    lines, errors = [], []
    with Runner(PipelineSpec(), 1) as runner:
        for outcome in runner.run(read_documents(path)):
            if isinstance(outcome, CronicaError):
                errors.append(str(outcome))
            else:
                lines.extend(json.dumps(r, ensure_ascii=False) for r in outcome.to_dicts())
    return lines, errors


def _parts(out: Path, ext: str = "jsonl") -> list[str]:
    return [
        line for part in sorted(out.glob(f"part-*.{ext}")) for line in part.read_text("utf-8").splitlines()
    ]


def test_local_cluster_partitions_hold_the_single_process_records_in_order(
    client: Any, corpus: Path, tmp_path: Path
) -> None:
    reports = extract_corpus(client, [str(corpus)], str(tmp_path), documents=5)
    expected, expected_errors = _single_process_lines(corpus)
    assert len(reports) == len(partitions([str(corpus)], 5)) >= 3
    assert _parts(tmp_path) == expected
    assert len(expected) > 20
    errors = [
        json.loads(line)["error"] for line in (tmp_path / "errors.jsonl").read_text("utf-8").splitlines()
    ]
    # line numbers count from the start of the file, not of the partition
    assert errors == expected_errors and f"{corpus}:4" in errors[0] and f"{corpus}:10" in errors[1]


def test_parquet_row_groups_are_partitions_with_the_single_process_records(
    client: Any, corpus: Path, tmp_path: Path
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for line in corpus.read_text("utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        rows.append({"id": record["id"], "text": record["text"], "published": record.get("published")})
    path = tmp_path / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=4)
    out = tmp_path / "out"
    extract_corpus(client, [str(path)], str(out))
    expected, errors = _single_process_lines(path)
    assert _parts(out) == expected and len(expected) > 20
    assert len(errors) == 1 and errors[0].startswith(f"{path}:9:")  # the blank text, by row number


def test_streaming_to_the_cluster_gives_what_one_process_gives(client: Any, corpus: Path) -> None:
    def comparable(outcomes: Any) -> list[Any]:
        return [str(o) if isinstance(o, InputError) else o.to_dicts() for o in outcomes]

    with Runner(PipelineSpec(), 1, batch_size=3) as one:
        expected = comparable(one.run(read_documents(corpus)))
    got = comparable(DaskRunner(client, batch_size=3).run(read_documents(corpus)))
    assert got == expected


def test_json_lines_partitions_are_cut_by_size_for_the_slots_and_shrink_towards_the_end(
    tmp_path: Path,
) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": str(i), "text": "Police fired tear gas in Nairobi. " * (1 + i % 3)})
        for i in range(400)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    size = path.stat().st_size
    parts = partitions([str(path)], slots=2, max_bytes=size // 6, min_bytes=size // 40)
    sizes = [p.end - p.start for p in parts]
    longest = max(len(line) + 1 for line in lines)
    # contiguous, cut at line ends, numbered as in the whole file
    assert parts[0].start == 0 and parts[-1].end == size
    assert all(a.end == b.start for a, b in zip(parts, parts[1:], strict=False))
    data = path.read_bytes()
    assert all(data[p.start - 1 : p.start] == b"\n" for p in parts[1:])
    assert all(p.first == data[: p.start].count(b"\n") + 1 for p in parts)
    # at most max_bytes (one line over), at least min_bytes but for the last, and the tail shrinks
    assert all(s < size // 6 + longest for s in sizes)
    assert all(s >= size // 40 for s in sizes[:-1])
    assert sizes[0] >= size // 6 and sizes[-3] > sizes[-2]
    # a corpus smaller than the slots' share of max_bytes: one partition a slot to begin with, then halves
    small = partitions([str(path)], slots=2, max_bytes=size, min_bytes=size // 10)
    shares = [(p.end - p.start) / size for p in small]
    assert len(shares) == 4 and all(
        abs(a - b) < 0.02 for a, b in zip(shares, [0.5, 0.25, 0.125, 0.125], strict=True)
    )
    # ``documents`` still caps the lines of a partition
    assert all(p.end - p.start <= 10 * longest for p in partitions([str(path)], 10))


def test_partitions_cut_by_size_hold_the_single_process_records(
    client: Any, corpus: Path, tmp_path: Path
) -> None:
    size = corpus.stat().st_size
    reports = extract_corpus(client, [str(corpus)], str(tmp_path), max_bytes=size // 3, min_bytes=size // 8)
    assert len(reports) >= 3
    assert _parts(tmp_path) == _single_process_lines(corpus)[0]


def test_only_corpus_files_can_be_partitioned(tmp_path: Path) -> None:
    text = tmp_path / "report.txt"
    text.write_text("Police fired tear gas in Nairobi on Monday.", encoding="utf-8")
    with pytest.raises(InputError, match="JSON Lines"):
        partitions([str(text)])


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cronica.cli.main", *args], capture_output=True, text=True, timeout=600
    )


def test_cli_extract_with_dask_local_writes_the_single_process_records(corpus: Path, tmp_path: Path) -> None:
    one = _cli("extract", str(corpus), "--format", "jsonl", "--workers", "1")
    out = tmp_path / "parts"
    dask = _cli("extract", str(corpus), "--dask", "local", "--workers", "2", "--out", str(out))
    assert dask.returncode == 0, dask.stderr
    assert _parts(out) == one.stdout.splitlines() and len(_parts(out)) > 20
    assert "2 skipped" in dask.stderr  # the bad JSON line and the blank text, named in errors.jsonl
    assert len((out / "errors.jsonl").read_text("utf-8").splitlines()) == 2


def test_cli_ingest_with_dask_local_stores_what_one_process_stores(corpus: Path, tmp_path: Path) -> None:
    from cronica.store import Store

    def ingest(*extra: str) -> tuple[dict[str, int], int]:
        db = tmp_path / f"{len(extra)}.db"
        done = _cli("ingest", str(corpus), "--db", str(db), "--no-merge", "--quiet", *extra)
        assert done.returncode in (0, 2), done.stderr  # the two bad lines are failures, not a crash
        with Store(str(db)) as store:
            return store.counts(), len(store.errors())

    one = ingest("--workers", "1")
    dask = ingest("--dask", "local", "--workers", "2")
    assert dask == one and one[0]["events"] > 5 and one[1] == 2
