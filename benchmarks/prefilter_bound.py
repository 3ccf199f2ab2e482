"""What the best possible sentence prefilter could give (issue 15 item 4): keep exactly the sentences the
full pipeline draws any record's evidence from (every character span of every event, statement and
tally it returns), plus the head of the document and ``--neighbours`` sentences on either side; blank
the rest as ``cronica.extraction.prefilter`` does (offsets kept), then extract again.

No real filter can keep fewer sentences without losing a record the full pipeline finds, so its speed
and its gold scores bound those of any filter that blanks sentences (keyword, learned or other).
Not a test: a measurement. Run from the repository root::

    python benchmarks/prefilter_bound.py --articles 100 --neighbours 0     # speed, records
    python benchmarks/prefilter_bound.py --neighbours 0 --min-chars 0 --head 0   # any filter's ceiling
    python benchmarks/prefilter_bound.py --gate --neighbours 0 --json out/bound.json \\
        --only wikievents-dev --only bolivia --only longform --only reports --only heldout2 --only heldout3

The first form prints the share of the long articles' characters blanked, CPU seconds of bare
``nlp.pipe`` on the whole texts and of cronica on the blanked texts (fastest of two passes), and how many
documents give the same records. The second runs ``cronica eval-gate --workers 1`` with the bound filter
in front of the parser (each long document is extracted twice: once whole to find its sentences).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))


def sentences(text: str, tokenizer: Any) -> list[tuple[int, int]]:
    """Sentence bounds as the prefilter finds them: end punctuation and line breaks."""
    from cronica.extraction.prefilter import _ENDS

    out: list[tuple[int, int]] = []
    start: int | None = None
    for tok in tokenizer(text):
        if tok.is_space and "\n" in tok.text:
            if start is not None:
                out.append((start, tok.idx))
            start = None
            continue
        if start is None:
            start = tok.idx
        if tok.text in _ENDS:
            out.append((start, tok.idx + len(tok.text)))
            start = None
    if start is not None:
        out.append((start, len(text)))
    return out


def evidence(obj: Any, acc: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every character span (a dict with start, end and text) in a record's JSON."""
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= obj.keys() and isinstance(obj["start"], int):
            acc.append((obj["start"], obj["end"]))
        for v in obj.values():
            evidence(v, acc)
    elif isinstance(obj, list):
        for v in obj:
            evidence(v, acc)
    return acc


#: --min-chars and --head: the prefilter's own (documents shorter than MIN_CHARS whole, the first
#: HEAD_CHARS kept) unless told otherwise; 0 and 0 give the ceiling of any sentence filter
LIMITS: dict[str, int] = {}


def bound_text(text: str, records: list[dict[str, Any]], tokenizer: Any, neighbours: int) -> str:
    """``text`` with every sentence blanked that holds no evidence of ``records`` (and is neither in the
    head nor within ``neighbours`` sentences of one that does)."""
    from cronica.extraction.prefilter import HEAD_CHARS, MIN_CHARS

    min_chars, head_chars = LIMITS.get("min_chars", MIN_CHARS), LIMITS.get("head", HEAD_CHARS)
    if len(text) < min_chars:
        return text
    sents = sentences(text, tokenizer)
    spans = evidence(records, [])
    hit = [any(a < e and b > s for a, b in spans) for s, e in sents]
    chars = list(text)
    for i, (s, e) in enumerate(sents):
        near = any(hit[j] for j in range(max(0, i - neighbours), min(len(sents), i + neighbours + 1)))
        if near or s < head_chars:
            continue
        for k in range(s, e):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def install(neighbours: int) -> None:
    """Put the bound filter in front of every Pipeline's parser (this process only)."""
    from cronica.pipeline import Pipeline

    def text_to_parse(self: Pipeline, document: Any, code: str) -> str:
        nlp, extractor = self.stage(code)
        records = extractor.extract(document, nlp(document.text)).to_dicts()
        return bound_text(document.text, records, nlp.tokenizer, neighbours)

    Pipeline._text_to_parse = text_to_parse  # type: ignore[method-assign]


def speed(n: int, neighbours: int) -> dict[str, Any]:
    import scale

    from cronica.extraction.prefilter import MIN_CHARS
    from cronica.ingest import document_from_text
    from cronica.parallel import PipelineSpec, pipeline_for

    dev = Path(os.environ.get("CRONICA_DEV_DATA", str(REPO.parent / "shared" / "data" / "dev")))
    texts = scale.articles(dev, n)
    pipeline = pipeline_for(PipelineSpec())
    nlp = pipeline.nlp
    docs = [document_from_text(t, id=i) for i, t in texts]
    full = list(pipeline.extract_documents(docs, batch_size=64))
    masked = [
        bound_text(d.text, x.to_dicts(), nlp.tokenizer, neighbours) for d, x in zip(docs, full, strict=True)
    ]
    # a document left with no text at all (no record, no head kept) is not read: a filter skips it
    blanked_docs = [document_from_text(m, id=d.id) for d, m in zip(docs, masked, strict=True) if m.strip()]
    long_chars = sum(len(d.text) for d in docs if len(d.text) >= LIMITS.get("min_chars", MIN_CHARS))
    blanked = sum(
        sum(1 for a, b in zip(d.text, m, strict=True) if a != b) for d, m in zip(docs, masked, strict=True)
    )
    best: dict[str, float] = {}
    out: list[Any] = []
    forget = getattr(getattr(pipeline, "_typer", None), "forget", lambda: None)
    for _ in range(2):
        forget()  # the classifier's judgements kept per text: the blanked texts were never read
        began = time.process_time()
        list(nlp.pipe((d.text for d in docs), batch_size=64))
        best["spacy_whole_cpu_s"] = min(best.get("spacy_whole_cpu_s", 1e9), time.process_time() - began)
        began = time.process_time()
        out = list(pipeline.extract_documents(blanked_docs, batch_size=64))
        best["cronica_blanked_cpu_s"] = min(
            best.get("cronica_blanked_cpu_s", 1e9), time.process_time() - began
        )
    read = iter(out)
    records = [next(read).to_dicts() if m.strip() else [] for m in masked]
    same = sum(
        json.dumps(a.to_dicts(), sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)
        for a, b in zip(full, records, strict=True)
    )
    return {
        "docs": len(docs),
        "neighbours": neighbours,
        "blanked_share_of_long_docs": round(blanked / max(long_chars, 1), 3),
        "blanked_share_of_all": round(blanked / max(sum(len(d.text) for d in docs), 1), 3),
        **{k: round(v, 2) for k, v in best.items()},
        "speedup_vs_bare_nlp_pipe": round(best["spacy_whole_cpu_s"] / best["cronica_blanked_cpu_s"], 3),
        "docs_with_the_same_records": same,
        "records_whole": sum(len(x.to_dicts()) for x in full),
        "records_blanked": sum(len(r) for r in records),
        "docs_not_read": sum(1 for m in masked if not m.strip()),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--neighbours", type=int, default=0)
    parser.add_argument("--min-chars", type=int, help="documents shorter than this are kept whole")
    parser.add_argument("--head", type=int, help="the first characters always kept")
    parser.add_argument("--gate", action="store_true", help="run cronica eval-gate with the bound filter")
    parser.add_argument("--only", action="append", default=[], help="with --gate: the datasets")
    parser.add_argument("--json", help="with --gate: eval-gate's JSON output")
    args = parser.parse_args()
    LIMITS.update({k: v for k, v in (("min_chars", args.min_chars), ("head", args.head)) if v is not None})
    if args.gate:
        from cronica.cli.main import main as cli

        install(args.neighbours)
        argv = ["eval-gate", "--workers", "1", *[a for d in args.only for a in ("--only", d)]]
        return cli([*argv, *(["--json", args.json] if args.json else [])])
    print(speed(args.articles, args.neighbours))
    return 0


if __name__ == "__main__":
    sys.exit(main())
