"""The process runner: N workers give what one process gives, in input order, reading lazily."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from cronica.errors import ExtractionError, InputError
from cronica.ingest import count_documents, read_documents
from cronica.parallel import Outcome, PipelineSpec, Runner, pipeline_for, workers_for
from cronica.parallel.pool import freeze_loaded
from cronica.records import Document

REPO = Path(__file__).resolve().parents[2]


def _as_comparable(outcomes: Iterator[Outcome]) -> list[object]:
    return [
        (type(o).__name__, str(o)) if isinstance(o, InputError | ExtractionError) else o.to_dicts()
        for o in outcomes
    ]


def test_two_workers_return_every_outcome_in_input_order_the_same_as_one_process(corpus: Path) -> None:
    with Runner(PipelineSpec(), 1, batch_size=3) as one:
        expected = _as_comparable(one.run(read_documents(corpus)))
    with Runner(PipelineSpec(), 2, batch_size=3) as two:
        got = _as_comparable(two.run(read_documents(corpus)))
    assert got == expected
    kinds = [k[0] if isinstance(k, tuple) else "extraction" for k in got]
    assert kinds[3] == "MalformedDocumentError" and kinds[9] == "EmptyDocumentError"
    assert kinds.count("extraction") == len(kinds) - 2
    assert sum(len(k) for k in got if isinstance(k, list)) > 20  # real records came back
    assert got[0][0]["document"] == "la-paz-2019-11-21"


def test_the_runner_reads_its_input_lazily_a_few_chunks_ahead(corpus: Path) -> None:
    pulled = 0

    def counting() -> Iterator[Document | InputError]:
        nonlocal pulled
        for item in read_documents(corpus):
            pulled += 1
            yield item

    with Runner(PipelineSpec(), 2, batch_size=2) as runner:
        outcomes = runner.run(counting())
        next(outcomes)
        # 2 chunks a worker in flight, of 2 documents (read errors ride along): never the whole corpus
        assert pulled <= (2 * 2 + 1) * 2 + 2
        assert pulled < count_documents(corpus)
        rest = list(outcomes)
    assert 1 + len(rest) == pulled == count_documents(corpus)


def test_progress_is_reported_for_every_item_including_read_errors(corpus: Path) -> None:
    seen: list[int] = []
    with Runner(PipelineSpec(), 2, batch_size=4) as runner:
        outcomes = list(runner.run(read_documents(corpus), progress=seen.append))
    assert sum(seen) == len(outcomes) == count_documents(corpus)


def test_workers_are_not_started_for_more_chunks_than_there_are() -> None:
    assert workers_for(8, 5, batch_size=16) == 1
    assert workers_for(8, 40, batch_size=16) == 3
    assert workers_for(2, None, batch_size=16) == 2


def test_cli_extract_with_two_workers_prints_what_one_process_prints(corpus: Path) -> None:
    def extract(workers: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "cronica.cli.main", "extract", str(corpus), "--format", "jsonl"]
            + ["--batch-size", "2", "--workers", workers],
            capture_output=True,
            text=True,
            timeout=300,
        )

    one, two = extract("1"), extract("2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert two.stdout == one.stdout
    records = [json.loads(line) for line in two.stdout.splitlines()]
    assert {r["kind"] for r in records} >= {"event", "statement"}
    assert f"{corpus}:4" in two.stderr and "not valid JSON" in two.stderr


def test_eval_scores_are_the_same_with_two_workers(tmp_path: Path) -> None:
    def scores(workers: str) -> dict[str, object]:
        out = tmp_path / f"eval{workers}.json"
        done = subprocess.run(
            [sys.executable, "-m", "cronica.cli.main", "eval", str(REPO / "tests/data/acled_sample.csv")]
            + ["--format", "acled-csv", "--split", "all", "--json", str(out), "--workers", workers]
            + ["--batch-size", "2"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        result = json.loads(out.read_text(encoding="utf-8"))
        return {k: v for k, v in result.items() if k not in {"date", "seconds"}}

    one, two = scores("1"), scores("2")
    assert two == one
    assert one["items"] == 10


def test_ingest_with_two_workers_stores_what_one_process_stores(corpus: Path, tmp_path: Path) -> None:
    from cronica.store import Store

    def ingest(workers: str) -> tuple[dict[str, int], int]:
        db = tmp_path / f"w{workers}.db"
        done = subprocess.run(
            [sys.executable, "-m", "cronica.cli.main", "ingest", str(corpus), "--db", str(db)]
            + ["--workers", workers, "--batch-size", "2", "--no-merge", "--quiet"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode in (0, 2), done.stderr  # the two bad lines are failures, not a crash
        with Store(str(db)) as store:
            return store.counts(), len(store.errors())

    one, two = ingest("1"), ingest("2")
    assert two == one
    texts = {d.text for d in read_documents(corpus) if isinstance(d, Document)}  # a text is stored once
    assert one[0]["documents"] == len(texts) > 10 and one[0]["events"] > 5 and one[1] == 2


def test_the_first_pipeline_built_freezes_what_was_loaded_once() -> None:
    """What the pipeline loads is moved out of the collector's full passes once a process; objects
    made afterwards are still collected."""
    pipeline_for(PipelineSpec())
    frozen = gc.get_freeze_count()
    assert frozen > 0
    later = [[i] for i in range(1000)]
    freeze_loaded()
    assert gc.get_freeze_count() == frozen
    assert all(gc.is_tracked(x) for x in later[:3])
