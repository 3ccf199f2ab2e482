"""Ingest and merge throughput and memory on synthetic corpora of real sentences; merge cost as the
store grows. Not a test: a measurement. Run from the repository root::

    python benchmarks/merge_scale.py --docs 1000 [--json out.json]      # ingest + merge
    python benchmarks/merge_scale.py --docs 10000
    python benchmarks/merge_scale.py --docs 1000 --replicate 10 --scale 10000,30000,100000

Corpus: each synthetic document is 4-8 sentences drawn at random (seed 7) from real reports: the
IndiaPoliceEvents articles (../shared/data/dev), the Bolivia report (examples/) and the written merge
corpus (eval/pairs/corpus). Publication dates are spread over N/10 days from 2002-02-01, so the number
of reports per day stays about the same as the corpus grows (a longer period, not a denser one).

Ingest: ``cronica.store.ingest.ingest`` (extraction by ``Pipeline.extract_documents`` in this
process, one transaction per document) into a fresh SQLite file. ``--replicate K``: a second store
receives the N extractions K times (document ids and texts made distinct, every date shifted by one
period per copy), timing the store's writes and the merge at N x K documents without extracting again
(extraction is per document, so its cost at N x K is K times the cost at N). Merge: ``Store.merge_auto``
(report views read from the store, blocking, scoring, clustering, applying). Merge-only scaling: the
stored reports' views copied with their dates shifted by whole periods (and new ids) until there are
K reports, then ``plan_merges`` alone, so the growth of merge cost is seen without re-extracting.
Memory: the process's peak RSS (``resource.getrusage``) after each stage.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import resource
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"'A-Za-z0-9])")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sentence_pool(dev: Path) -> list[str]:
    """Sentences of real reports, 40-400 characters each."""
    texts: list[str] = []
    india = dev / "india-police-events-half" / "docs.jsonl"
    if india.exists():
        for line in india.read_text(encoding="utf-8").splitlines():
            texts.append(json.loads(line)["doc_text"])
    texts.append((REPO / "examples" / "bolivia-2019-11-20.txt").read_text(encoding="utf-8"))
    for path in sorted((REPO / "eval" / "pairs" / "corpus").glob("*.md")):
        texts.append(path.read_text(encoding="utf-8").split("---", 2)[-1])
    pool = []
    for text in texts:
        for s in _SENTENCE.split(" ".join(text.split())):
            if 40 <= len(s) <= 400:
                pool.append(s)
    return pool


def synthetic_documents(n: int, pool: list[str], seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    span = max(30, n // 10)
    start = date(2002, 2, 1)
    return [
        {
            "id": f"synthetic-{i}",
            "text": " ".join(rng.sample(pool, rng.randint(4, 8))),
            "published": (start + timedelta(days=rng.randrange(span))).isoformat(),
        }
        for i in range(n)
    ]


def _shift(value: str | None, days: timedelta) -> str | None:
    return (date.fromisoformat(value[:10]) + days).isoformat() if value else None


def shifted_copy(extraction: Any, copy: int, span: int) -> Any:
    """The extraction as if a distinct document told it ``copy`` periods later."""
    days = timedelta(days=span * copy)
    doc = extraction.document
    document = replace(
        doc,
        id=f"{doc.id}#{copy}",
        text=f"{doc.text}\n[{copy}]",
        published=doc.published + days if doc.published else None,
    )
    events = tuple(
        replace(
            e,
            document=document.id,
            date=replace(
                e.date,
                value=_shift(e.date.value, days),
                start=_shift(e.date.start, days),
                end=_shift(e.date.end, days),
            ),
        )
        for e in extraction.events
    )
    return replace(extraction, document=document, events=events)


def _time_merge(store: Any, rules: Any) -> dict[str, Any]:
    from cronica.dedupe import candidate_pairs
    from cronica.store import repository

    with store.session() as s:
        views = repository.report_views(s)
    n_pairs = sum(1 for _ in candidate_pairs(views, rules))
    t0 = time.perf_counter()
    report = store.merge_auto(rules)
    t_merge = time.perf_counter() - t0
    return {
        "reports": len(views),
        "candidate_pairs": n_pairs,
        "merged": report.merged,
        "seconds": round(t_merge, 2),
        "reports_per_s": round(len(views) / t_merge) if t_merge else None,
        "rss_mb": round(_rss_mb(), 1),
    }


def _store_bytes(store: Any, url: str) -> int | None:
    """The size of a store: the SQLite file (with its WAL) or the PostgreSQL database."""
    if url.startswith("postgresql"):
        from sqlalchemy import text

        with store.session() as s:
            return int(s.execute(text("SELECT pg_database_size(current_database())")).scalar() or 0)
    path = Path(url.removeprefix("sqlite:///"))
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) if path.exists() else None


def run(
    n_docs: int, dev: Path, scale: list[int], replicate: int = 0, replicate_db: str | None = None
) -> dict[str, Any]:
    from cronica.dedupe import MergeRules, candidate_pairs, get_scorer, plan_merges
    from cronica.ingest import read_documents
    from cronica.pipeline import Pipeline
    from cronica.store import Store, repository
    from cronica.store.ingest import ingest

    out: dict[str, Any] = {
        "docs": n_docs,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "date": date.today().isoformat(),
    }
    pool = sentence_pool(dev)
    docs = synthetic_documents(n_docs, pool)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        words = sum(len(d["text"].split()) for d in docs)
        pipeline = Pipeline()
        out["rss_after_load_mb"] = round(_rss_mb(), 1)
        store = Store(str(Path(tmp) / "bench.db"))
        kept: list[Any] = []

        def extract(batch: Any) -> Any:
            for x in pipeline.extract_documents(batch, 32):
                # one record per id (ids could repeat in a document before record ids were made unique)
                x = replace(
                    x,
                    events=tuple({e.id: e for e in reversed(x.events)}.values())[::-1],
                    statements=tuple({r.id: r for r in reversed(x.statements)}.values())[::-1],
                    tallies=tuple({t.id: t for t in reversed(x.tallies)}.values())[::-1],
                )
                kept.append(x)
                yield x

        t0 = time.perf_counter()
        stats = ingest(store, read_documents([str(corpus)]), extract, batch_size=32)
        t_ingest = time.perf_counter() - t0
        out["ingest"] = {
            "seconds": round(t_ingest, 1),
            "docs_per_s": round(n_docs / t_ingest, 2),
            "words_per_s": round(words / t_ingest),
            "events": stats.events,
            "failed": stats.failed,
            "rss_mb": round(_rss_mb(), 1),
        }
        rules = MergeRules.load()
        with store.session() as s:
            views = repository.report_views(s)
        out["merge"] = _time_merge(store, rules)
        store.close()
        if replicate:
            url = replicate_db or f"sqlite:///{Path(tmp) / 'replicated.db'}"
            big = Store(url)
            span = max(30, n_docs // 10)
            t0 = time.perf_counter()
            for c in range(replicate):
                for x in kept:
                    big.add_extraction(shifted_copy(x, c, span))
            t_store = time.perf_counter() - t0
            out["replicated"] = {
                "store": url.split("://")[0],
                "docs": len(kept) * replicate,
                "store_seconds": round(t_store, 1),
                "store_docs_per_s": round(len(kept) * replicate / t_store, 1),
                "store_bytes_before_merge": _store_bytes(big, url),
                "merge": _time_merge(big, rules),
                "rss_mb": round(_rss_mb(), 1),
            }
            big.close()
    span = max(30, n_docs // 10)
    out["merge_only"] = []
    for k in scale:
        copies = []
        for c in range(-(-k // max(1, len(views)))):
            shift = timedelta(days=span * c)
            for v in views:
                nid = len(copies) + 1
                copies.append(
                    replace(
                        v,
                        report=nid,
                        event=nid,
                        home=nid,
                        document=f"{v.document}#{c}",
                        date=v.date + shift if v.date else None,
                        date_start=v.date_start + shift if v.date_start else None,
                        date_end=v.date_end + shift if v.date_end else None,
                    )
                )
        copies = copies[:k]
        t0 = time.perf_counter()
        pairs = sum(1 for _ in candidate_pairs(copies, rules))
        t_block = time.perf_counter() - t0
        t0 = time.perf_counter()
        decisions = plan_merges(copies, rules=rules, scorer=get_scorer(rules.scorer))
        t_plan = time.perf_counter() - t0
        out["merge_only"].append(
            {
                "reports": len(copies),
                "candidate_pairs": pairs,
                "blocking_s": round(t_block, 2),
                "plan_s": round(t_plan, 2),
                "us_per_report": round(t_plan / len(copies) * 1e6),
                "merges": len(decisions),
                "rss_mb": round(_rss_mb(), 1),
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--dev-data", default=str(REPO.parent / "shared" / "data" / "dev"))
    parser.add_argument("--replicate", type=int, default=0, help="also store the extractions K times")
    parser.add_argument(
        "--replicate-db", help="where the copies go (a store URL; default: a SQLite file in a temp dir)"
    )
    parser.add_argument("--scale", default="", help="comma-separated report counts for merge-only scaling")
    parser.add_argument("--json", help="write the results here")
    args = parser.parse_args(argv)
    scale = [int(x) for x in args.scale.split(",") if x.strip()]
    result = run(args.docs, Path(args.dev_data), scale, args.replicate, args.replicate_db)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
