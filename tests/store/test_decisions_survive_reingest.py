"""A person's `cronica split` and `cronica merge` survive ingesting again (the same reports and new ones,
with the automatic merge that follows), and `cronica show` says what was merged and why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cronica.store import Store

from .builders import BOLIVIA, REPORTS
from .test_cli import PUBLISHED, cli

# A later report of the Senkata shooting, written for this test: the automatic merge joins it to one of
# the split parts, but must never join the parts again.
LATER = (
    "EL ALTO, Bolivia -- Relatives buried more victims on Friday of the shooting at the Senkata fuel plant "
    "in El Alto on Tuesday, when soldiers fired on protesters blocking the plant and killed eight people, "
    "the Ombudsman's Office said."
)


def _corpus(path: Path, extra: bool = False) -> Path:
    records = [{"id": "bolivia", "text": BOLIVIA.read_text(encoding="utf-8"), "published": "2019-11-20"}]
    records += [
        {"id": name, "text": (REPORTS / name).read_text(encoding="utf-8"), "published": day}
        for name, day in PUBLISHED.items()
    ]
    if extra:
        records.append({"id": "later", "text": LATER, "published": "2019-11-22"})
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _events_of(db: str) -> dict[str, set[str]]:
    """Active event id -> the documents behind it."""
    with Store(db) as store:
        return {e["id"]: {s["document"] for s in e["sources"]} for e in store.events()}


def _event_holding(db: str, report: int) -> str:
    with Store(db) as store:
        return next(e["id"] for e in store.events() if report in {s["report"] for s in e["sources"]})


def test_split_and_forced_merge_survive_a_reingest_with_new_reports(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path / "reports.jsonl")
    code, _, _ = cli(["ingest", str(corpus), "--db", db_url, "--quiet"], capsys)
    assert code == 0
    events = _events_of(db_url)
    senkata = next(e for e, docs in events.items() if {"bolivia", "senkata-2019-11-21.txt"} <= docs)
    with Store(db_url) as store:
        reports = [s["report"] for s in store.event(int(senkata))["sources"]]
    _, out, _ = cli(["split", senkata, "--db", db_url, "--by", "reviewer", "--reason", "two days"], capsys)
    parts = out.strip().removeprefix("events now: ").split(", ")
    assert len(parts) == len(reports) >= 2
    la_paz = next(e for e, docs in _events_of(db_url).items() if docs == {"la-paz-2019-11-21.txt"})
    sacaba = next(e for e, docs in _events_of(db_url).items() if "sacaba-2019-11-16.txt" in docs)
    _, out, _ = cli(
        ["merge", la_paz, sacaba, "--db", db_url, "--by", "editor", "--reason", "one campaign"], capsys
    )
    forced = out.strip().removeprefix("merged into event ")

    for again in (_corpus(tmp_path / "same.jsonl"), _corpus(tmp_path / "more.jsonl", extra=True)):
        code, _, err = cli(["ingest", str(again), "--db", db_url, "--quiet"], capsys)
        assert code == 0, err
        holding = {_event_holding(db_url, r) for r in reports}
        assert len(holding) == len(reports), "the split reports were joined again"
        assert _event_holding(db_url, reports[0]) != _event_holding(db_url, reports[1])
        docs = _events_of(db_url)[forced]
        assert {"la-paz-2019-11-21.txt", "sacaba-2019-11-16.txt"} <= docs, "the forced merge was undone"
    with Store(db_url) as store:
        kept = [m for m in store.merges() if m["forced"]]
        assert len(kept) == 1 and not kept[0]["undone"] and kept[0]["by"] == "editor"
        assert store.counts()["documents"] == 6


def test_show_lists_each_source_with_its_claims_evidence_and_the_merge_reasons(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path / "reports.jsonl")
    cli(["ingest", str(corpus), "--db", db_url, "--quiet"], capsys)
    senkata = next(
        e for e, docs in _events_of(db_url).items() if {"bolivia", "senkata-2019-11-21.txt"} <= docs
    )
    code, out, _ = cli(["show", senkata, "--db", db_url], capsys)
    assert code == 0
    assert "sources (2 documents, 2 reports):" in out
    senkata_block = out[out.index("    senkata-2019-11-21.txt") :]
    assert "'at least six people'" in senkata_block or "at_least" in senkata_block
    assert "-- Residents [senkata-2019-11-21.txt, 2019-11-21]" in senkata_block
    assert "        trigger " in out and "        counts.killed " in out
    assert "merges:" in out and "(score " in out and ", reports " in out
    with Store(db_url) as store:
        detail = store.event(int(senkata))
    (merge,) = detail["history"]
    assert merge["reasons"] and merge["score"] is not None and merge["scorer"]
    assert merge["features"] and all(isinstance(v, float) for v in merge["features"].values())
    assert "        features: " in out
    assert set(merge["reports"]) == {s["report"] for s in detail["sources"]}
