"""Running cronica over a gold set: read, split, extract, score, and stamp the run.

In: a gold file path and its format name (:data:`FORMATS`), a split and a limit, and something that
extracts (by default a :class:`~cronica.pipeline.Pipeline`). Out: the scorer's result dict (see
:mod:`cronica.eval.metrics`) with the run's provenance: dataset, format, path, gold SHA-256, split,
limit, model name and version, cronica and spaCy versions, date and timing. A document that fails
to extract is recorded under ``errors`` and scored as if nothing came out; the run goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from itertools import islice
from typing import Any

from cronica.errors import CronicaError
from cronica.eval import acled_csv, case2021, cronica_gold, plover_gsr, wikievents
from cronica.eval.gold import GoldItem, file_sha256
from cronica.eval.metrics import Scorer
from cronica.records import Document, Extraction, Record

Reader = Callable[[str], Iterator[GoldItem]]
#: Gold formats ``cronica eval --format`` reads, and their readers.
FORMATS: dict[str, Reader] = {
    "acled-csv": acled_csv.read,
    "plover-gsr": plover_gsr.read,
    "case2021": case2021.read,
    "wikievents": wikievents.read,
    "cronica-gold": cronica_gold.read,
}
SPLITS = ("dev", "test", "all")

#: Extracts records from documents, in order: a ``Pipeline.extract_documents``-like callable.
Extractor = Callable[[Sequence[Document]], Iterable[Extraction]]


def load_items(path: str, fmt: str, split: str = "dev", limit: int | None = None) -> list[GoldItem]:
    """The gold items of ``path`` in file order, restricted to ``split`` and the first ``limit``."""
    if fmt not in FORMATS:
        raise CronicaError(f"unknown gold format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if split not in SPLITS:
        raise CronicaError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
    items: Iterator[GoldItem] = (i for i in FORMATS[fmt](path) if split == "all" or i.split == split)
    return list(islice(items, limit) if limit is not None else items)


def make_document(item: GoldItem) -> Document:
    """The document cronica reads for a gold item, built by the ingest stage's text entry point."""
    from cronica.ingest import document_from_text

    published = date.fromisoformat(item.published) if item.published else None
    return document_from_text(item.text, id=item.id, published=published)


def score_items(
    items: Sequence[GoldItem], extract: Extractor, batch_size: int = 16, keep_records: bool = True
) -> dict[str, Any]:
    """Extract from every item and score; returns the scorer's result with ``errors`` added."""
    scorer = Scorer(keep_records=keep_records)
    errors: list[dict[str, str]] = []
    for start in range(0, len(items), batch_size):
        batch = list(items[start : start + batch_size])
        for item, records in zip(batch, _extract_batch(batch, extract, errors), strict=True):
            scorer.add(item, records)
    result = scorer.result()
    result["errors"] = errors
    return result


def _extract_batch(
    batch: list[GoldItem], extract: Extractor, errors: list[dict[str, str]]
) -> list[tuple[Record, ...]]:
    docs: list[Document | None] = []
    for item in batch:
        try:
            docs.append(make_document(item))
        except CronicaError as exc:
            errors.append({"item": item.id, "error": str(exc)})
            docs.append(None)
    ready = [d for d in docs if d is not None]
    try:
        extracted = list(extract(ready))
    except Exception:  # one bad document must not sink the batch: retry one by one
        extracted = []
        for doc in ready:
            try:
                extracted.extend(extract([doc]))
            except Exception as exc:
                errors.append({"item": doc.id, "error": f"{type(exc).__name__}: {exc}"})
                extracted.append(Extraction(document=doc))
    by_id = {x.document.id: x.records for x in extracted}
    return [by_id.get(d.id, ()) if d is not None else () for d in docs]


#: Gold formats made of short snippets to classify: every event mention counts, dated or not.
SNIPPET_FORMATS = frozenset({"case2021", "plover-gsr", "acled-csv"})


def pipeline_extractor(
    model: str | None = None,
    batch_size: int = 16,
    *,
    keep_generic: bool | None = None,
    places: str | None = None,
) -> tuple[Extractor, dict[str, str]]:
    """An extractor over a fresh :class:`~cronica.pipeline.Pipeline` and the model's name and version."""
    from cronica.pipeline import Pipeline

    pipeline = Pipeline(model, keep_generic=keep_generic, places=places)
    meta = getattr(pipeline.nlp, "meta", {}) or {}
    info = {
        "model": f"{meta.get('lang', '')}_{meta.get('name', '')}",
        "model_version": str(meta.get("version", "")),
    }

    def extract(docs: Sequence[Document]) -> Iterable[Extraction]:
        return pipeline.extract_documents(docs, batch_size=batch_size)

    return extract, info


def run(
    path: str,
    fmt: str,
    *,
    split: str = "dev",
    limit: int | None = None,
    extract: Extractor | None = None,
    model_info: dict[str, str] | None = None,
    dataset: str | None = None,
    batch_size: int = 16,
    keep_records: bool = True,
) -> dict[str, Any]:
    """Evaluate cronica on one gold file; see the module docstring for what comes back."""
    import cronica

    items = load_items(path, fmt, split, limit)
    if extract is None:
        extract, model_info = pipeline_extractor(batch_size=batch_size, keep_generic=fmt in SNIPPET_FORMATS)
    began = time.perf_counter()
    result = score_items(items, extract, batch_size=batch_size, keep_records=keep_records)
    seconds = time.perf_counter() - began
    try:
        import spacy

        spacy_version = spacy.__version__
    except ImportError:  # pragma: no cover - spaCy is a dependency
        spacy_version = ""
    run_info = {
        "dataset": dataset or fmt,
        "format": fmt,
        "path": path,
        "gold_sha256": file_sha256(path),
        "split": split,
        "limit": limit,
        "cronica_version": cronica.__version__,
        "spacy_version": spacy_version,
        **(model_info or {}),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(seconds, 2),
    }
    return {**run_info, **result}
