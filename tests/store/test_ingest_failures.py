"""A document that fails in any stage is rolled back and recorded; every other document is stored."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from cronica.pipeline import Pipeline
from cronica.records import Document, Extraction
from cronica.store import Store
from cronica.store.ingest import ingest
from cronica.store.repository import content_hash

from .gold_corpus import gold_documents, gold_records, write_jsonl
from .test_cli import cli


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _rows_of(store: Store, doc_hash: str) -> int:
    with store.engine.connect() as conn:
        return sum(
            int(conn.execute(text(f"SELECT count(*) FROM {t} WHERE {c} = :h"), {"h": doc_hash}).scalar() or 0)
            for t, c in (
                ("documents", "id"),
                ("reports", "document_id"),
                ("statements", "document_id"),
                ("tallies", "document_id"),
                ("claims", "document_id"),
                ("evidence", "document_id"),
                ("actors", "document_id"),
            )
        )


def _stored_ids(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return {r[0] for r in conn.execute(text("SELECT source_id FROM documents"))}


def test_an_extraction_bug_in_mid_batch_is_recorded_and_every_other_document_stored(
    db_url: str, pipeline: Pipeline
) -> None:
    docs = gold_documents(9)
    broken = docs[5].id  # the second document of the second batch of four

    def extract_with_a_bug(batch: Sequence[Document]) -> Iterator[Extraction]:
        """The real pipeline, with a rule that crashes on one document (as a bug in extraction would)."""
        for extraction in pipeline.extract_documents(batch, 4):
            if extraction.document.id == broken:
                raise ZeroDivisionError("a rule divided by the number of named victims")
            yield extraction

    with Store(db_url) as store:
        stats = ingest(store, docs, extract_with_a_bug, batch_size=4)
        assert (stats.added, stats.failed) == (8, 1)
        assert _stored_ids(store) == {d.id for d in docs} - {broken}
        assert _rows_of(store, content_hash(docs[5])) == 0
        (error,) = store.errors()
        assert (error["document"], error["stage"], error["kind"]) == (broken, "extract", "ZeroDivisionError")
        assert error["problem"] == "a rule divided by the number of named victims"
        assert "extract_with_a_bug" in error["traceback"]
        # the bug fixed, the same batch again: only the failed document is added, and its error is resolved
        again = ingest(store, docs, lambda batch: pipeline.extract_documents(batch, 4), batch_size=4)
        assert (again.added, again.skipped, again.failed) == (1, 8, 0)
        assert store.errors() == []
        (resolved,) = store.errors(include_resolved=True)
        assert resolved["resolved_at"] is not None


def test_a_document_the_database_refuses_is_rolled_back_and_the_batch_goes_on(
    db_url: str, pipeline: Pipeline
) -> None:
    docs = gold_documents(5)
    refused = docs[2].id

    def extract_with_colliding_ids(batch: Sequence[Document]) -> Iterator[Extraction]:
        """Two statements with one id (what aborted `cronica ingest` before ids were made unique)."""
        for extraction in pipeline.extract_documents(batch):
            if extraction.document.id == refused:
                first = extraction.statements[0]
                extraction = replace(extraction, statements=(first, replace(first, content="again")))
            yield extraction

    with Store(db_url) as store:
        stats = ingest(store, docs, extract_with_colliding_ids)
        assert (stats.added, stats.failed) == (4, 1)
        assert _rows_of(store, content_hash(docs[2])) == 0
        assert _stored_ids(store) == {d.id for d in docs} - {refused}
        (error,) = store.errors()
        assert (error["document"], error["stage"], error["kind"]) == (refused, "store", "IntegrityError")
        assert "[SQL:" not in error["problem"] and error["traceback"]


def test_exit_status_counts_the_failed_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", gold_records(4), broken_after=(0, 2))
    db = str(tmp_path / "c.db")
    code, _, err = cli(["ingest", str(corpus), "--db", db, "--quiet", "--no-merge"], capsys)
    assert code == 2 and "4 documents added" in err and "2 failed" in err
    _, out, _ = cli(["errors", "--db", db], capsys)
    lines = out.splitlines()
    assert len(lines) == 2 and all("\tread\tMalformedDocumentError\tnot valid JSON" in x for x in lines)
    assert lines[0].startswith(f"{corpus}:2\t") and lines[1].startswith(f"{corpus}:5\t")


def test_fail_fast_stops_at_the_first_failure_and_keeps_what_came_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = gold_records(6)
    corpus = write_jsonl(tmp_path / "c.jsonl", records, broken_after=(2,))
    db = str(tmp_path / "c.db")
    code, _, err = cli(
        ["ingest", str(corpus), "--db", db, "--quiet", "--fail-fast", "--batch-size", "2"], capsys
    )
    assert code == 1 and "stopped at the first failure" in err
    with Store(db) as store:
        assert _stored_ids(store) == {r["id"] for r in records[:3]}
        assert len(store.errors()) == 1
