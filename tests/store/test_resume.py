"""Kill an ingest mid-batch, run it again: nothing duplicated, nothing lost (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from cronica.store.db import database_url

WORKER = Path(__file__).with_name("resume_worker.py")
N = 40


def _documents(url: str) -> int:
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM documents")).scalar() or 0)
    except Exception:  # noqa: BLE001 - the schema may not exist yet
        return 0
    finally:
        engine.dispose()


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(database_url(url))
    with engine.connect() as conn:
        out = {
            t: int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0)
            for t in ("documents", "reports", "events", "claims", "actors", "evidence", "event_counts")
        }
        out["active"] = int(
            conn.execute(text("SELECT count(*) FROM events WHERE status = 'active'")).scalar() or 0
        )
        out["distinct_docs"] = int(
            conn.execute(text("SELECT count(DISTINCT document_id) FROM reports")).scalar() or 0
        )
    engine.dispose()
    return out


def kill_mid_way(proc: subprocess.Popen[Any], url: str, n: int, timeout: float = 300) -> int:
    """SIGKILL ``proc`` once 6 documents are stored; the number stored when it died (checked < ``n``)."""
    deadline = time.time() + timeout
    while _documents(url) < 6 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _documents(url)
    assert 6 <= partial < n, "the kill should land mid-way"
    return partial


def test_killed_ingest_resumes_without_duplicates_or_losses(db_url: str) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, str(WORKER), db_url, str(N), "0.05"], env=env)
    partial = kill_mid_way(proc, db_url, N, timeout=60)
    done = subprocess.run(
        [sys.executable, str(WORKER), db_url, str(N), "0"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert f"added {N - partial} skipped {partial}" in done.stdout
    counts = _counts(db_url)
    assert counts["documents"] == counts["reports"] == counts["events"] == counts["distinct_docs"] == N
    assert counts["claims"] == 2 * N
    assert counts["event_counts"] == 2 * counts["active"]
    assert counts["actors"] == 2 * N
    # Running it a third time changes nothing.
    subprocess.run(
        [sys.executable, str(WORKER), db_url, str(N), "0"], env=env, check=True, capture_output=True
    )
    assert _counts(db_url) == counts
