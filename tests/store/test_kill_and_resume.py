"""`cronica ingest` killed with SIGKILL mid-way and run again ends with the rows of an uninterrupted run;
ingesting the same batch once more stores nothing twice (SQLite and PostgreSQL, real reports and pipeline)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from cronica.store import Store
from cronica.store.models import (
    ActorRow,
    ClaimRow,
    DocumentRow,
    ErrorRow,
    EventRow,
    EvidenceRow,
    ReportRow,
    StatementRow,
    TallyRow,
)

from .gold_corpus import gold_records, write_jsonl
from .test_resume import kill_mid_way

N = 16
CRONICA = [sys.executable, "-c", "import sys; from cronica.cli import main; sys.exit(main())"]


def _ingest(corpus: Path, db: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CRONICA, "ingest", str(corpus), "--db", db, "--quiet", "--batch-size", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )


def snapshot(db: str) -> dict[str, Any]:
    """Every stored row, by what it holds rather than by its generated key, so two databases compare."""
    with Store(db) as store, store.session() as s:
        report_key = {r.id: (r.document_id, r.record_id) for r in s.scalars(select(ReportRow))}
        clusters: dict[int, set[tuple[str, str]]] = {}
        for r in s.scalars(select(ReportRow)):
            clusters.setdefault(r.event_id, set()).add((r.document_id, r.record_id))
        events = {
            frozenset(clusters[e.id]): (e.event_type, e.date, e.fatalities, e.n_reports, e.location)
            for e in s.scalars(select(EventRow).where(EventRow.status == "active"))
        }
        return {
            "documents": sorted(
                (d.id, d.source_id, d.n_events, d.n_statements) for d in s.scalars(select(DocumentRow))
            ),
            "reports": sorted(
                (r.document_id, r.record_id, r.date, r.fatalities, repr(r.data))
                for r in s.scalars(select(ReportRow))
            ),
            "statements": sorted(
                (x.document_id, x.record_id, x.content) for x in s.scalars(select(StatementRow))
            ),
            "tallies": sorted((x.document_id, x.record_id, x.value) for x in s.scalars(select(TallyRow))),
            "claims": sorted(
                (report_key[c.report_id], c.category, c.position, c.value)
                for c in s.scalars(select(ClaimRow))
            ),
            "evidence": sorted(
                (e.document_id, e.record_kind, e.field, e.start, e.end)
                for e in s.scalars(select(EvidenceRow))
            ),
            "actors": int(s.scalar(select(func.count()).select_from(ActorRow)) or 0),
            "errors": int(s.scalar(select(func.count()).select_from(ErrorRow)) or 0),
            "events": events,
        }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "reports.jsonl", gold_records(N))


@pytest.fixture(scope="module")
def uninterrupted(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = str(tmp_path_factory.mktemp("reference") / "reference.db")
    _, err = _ingest(corpus, db).communicate(timeout=600)
    assert f"{N} documents added" in err, err
    return snapshot(db)


def test_killed_ingest_resumes_to_the_rows_of_an_uninterrupted_run(
    db_url: str, corpus: Path, uninterrupted: dict[str, Any]
) -> None:
    partial = kill_mid_way(_ingest(corpus, db_url), db_url, N)

    _, err = _ingest(corpus, db_url).communicate(timeout=600)
    assert f"{N - partial} documents added" in err and f"{partial} already stored, 0 failed" in err, err
    resumed = snapshot(db_url)
    assert resumed["documents"] and resumed["reports"] and resumed["statements"]
    assert resumed == uninterrupted

    _, err = _ingest(corpus, db_url).communicate(timeout=600)
    assert "0 documents added" in err and f"{N} already stored" in err, err
    assert snapshot(db_url) == uninterrupted
