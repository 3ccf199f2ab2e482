"""One very long report against the same text as separate articles: CPU seconds and peak memory.

Not a test: a measurement. Run from the repository root::

    python benchmarks/long_document.py [--chars 1150000] [--json out.json]

The report: IndiaPoliceEvents articles (``docs.jsonl`` of the dev data) joined with blank lines until
it holds ``--chars`` characters, over spaCy's own limit of 1,000,000 by default, so it is parsed in
sections (:mod:`cronica.nlp.sections`). Printed: the CPU seconds of extracting it as one document and
of extracting the same articles one document each (batch 16, after a warm-up), the events found each
way, and the peak RSS of two separate processes (the long report alone; the articles alone), since a
process's peak never goes down.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def articles(chars: int) -> list[str]:
    dev = Path(os.environ.get("CRONICA_DEV_DATA", REPO.parent / "shared" / "data" / "dev"))
    out: list[str] = []
    total = 0
    with open(dev / "india-police-events-half" / "docs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["doc_text"].strip()
            out.append(text)
            total += len(text) + 2
            if total >= chars:
                break
    return out


def run(mode: str, chars: int) -> dict[str, float]:
    """Extract in this process (``mode``: ``long`` or ``articles``) and report CPU s, events, peak RSS."""
    from cronica.ingest import document_from_text
    from cronica.pipeline import Pipeline

    texts = articles(chars)
    pipeline = Pipeline()
    list(pipeline.extract_documents([document_from_text(texts[0], id="warm", published="2010-01-01")]))
    if mode == "long":
        docs = [document_from_text("\n\n".join(texts), id="long", published="2010-01-01")]
    else:
        docs = [document_from_text(t, id=str(i), published="2010-01-01") for i, t in enumerate(texts)]
    began = time.process_time()
    events = sum(len(x.events) for x in pipeline.extract_documents(docs, batch_size=16))
    return {
        "cpu_s": round(time.process_time() - began, 1),
        "events": events,
        "documents": len(docs),
        "characters": sum(len(d.text) for d in docs),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=1_150_000)
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--mode", choices=["long", "articles"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(run(args.mode, args.chars)))
        return 0
    results = {}
    for mode in ("long", "articles"):
        done = subprocess.run(
            [sys.executable, __file__, "--mode", mode, "--chars", str(args.chars)],
            check=True,
            capture_output=True,
            text=True,
        )
        results[mode] = json.loads(done.stdout.strip().splitlines()[-1])
        print(mode, results[mode])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
