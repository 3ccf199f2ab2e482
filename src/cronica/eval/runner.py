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
from typing import TYPE_CHECKING, Any

from cronica.errors import CronicaError, ExtractionError
from cronica.eval import acled_csv, case2021, cronica_gold, plover_gsr, wikievents
from cronica.eval.gold import GoldItem, file_sha256
from cronica.eval.metrics import Scorer
from cronica.records import Document, Extraction, Record

if TYPE_CHECKING:
    from cronica.parallel import PipelineSpec, Runner

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

#: Extracts records from documents, in order: a ``Pipeline.extract_documents``-like callable; an
#: :class:`~cronica.errors.ExtractionError` may stand in a document's place.
Extractor = Callable[[Sequence[Document]], Iterable[Extraction | ExtractionError]]


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
    """Extract from every item and score; returns the scorer's result with ``errors`` added.

    The documents go to ``extract`` as one stream (a parallel runner keeps its workers busy); a
    document whose extraction fails is scored as if nothing came out and listed under ``errors``."""
    scorer = Scorer(keep_records=keep_records)
    errors: list[dict[str, str]] = []
    docs: list[Document | None] = []
    for item in items:
        try:
            docs.append(make_document(item))
        except CronicaError as exc:
            errors.append({"item": item.id, "error": str(exc)})
            docs.append(None)
    extracted = _extract_all([d for d in docs if d is not None], extract, errors)
    for item, doc in zip(items, docs, strict=True):
        scorer.add(item, next(extracted) if doc is not None else ())
    result = scorer.result()
    result["errors"] = errors
    return result


def _extract_all(
    docs: list[Document], extract: Extractor, errors: list[dict[str, str]]
) -> Iterator[tuple[Record, ...]]:
    """Each document's records, in order. An extractor that raises is retried one document at a time
    from where it stopped; an :class:`~cronica.errors.ExtractionError` in a document's place (what the
    parallel runner returns) is recorded."""
    done = 0
    try:
        for outcome in extract(docs):
            done += 1
            yield _records(outcome, errors)
    except Exception:  # one bad document must not sink the run: retry one by one
        for doc in docs[done:]:
            try:
                outcomes = list(extract([doc]))
            except Exception as exc:
                errors.append({"item": doc.id, "error": f"{type(exc).__name__}: {exc}"})
                outcomes = [Extraction(document=doc)]
            yield _records(outcomes[0], errors)


def _records(outcome: Extraction | ExtractionError, errors: list[dict[str, str]]) -> tuple[Record, ...]:
    if isinstance(outcome, ExtractionError):
        errors.append({"item": outcome.source, "error": outcome.problem})
        return ()
    return outcome.records


#: Gold formats made of short snippets to classify: every event mention counts, dated or not.
SNIPPET_FORMATS = frozenset({"case2021", "plover-gsr", "acled-csv"})


def pipeline_extractor(
    model: str | None = None,
    batch_size: int = 16,
    *,
    keep_generic: bool | None = None,
    places: str | None = None,
) -> tuple[Extractor, dict[str, str]]:
    """An extractor over a :class:`~cronica.pipeline.Pipeline` in this process and the model's name
    and version."""
    from cronica.parallel import PipelineSpec, Runner

    spec = PipelineSpec(model, keep_generic=keep_generic, places=places)
    return runner_extractor(Runner(spec, 1, batch_size=batch_size))


def runner_extractor(runner: Runner, spec: PipelineSpec | None = None) -> tuple[Extractor, dict[str, str]]:
    """An extractor over ``runner`` (one process or several), with ``spec`` instead of the runner's
    own when given, and the model's name and version."""
    meta = runner.model_meta(spec)
    info = {
        "model": f"{meta.get('lang', '')}_{meta.get('name', '')}",
        "model_version": str(meta.get("version", "")),
    }

    def extract(docs: Sequence[Document]) -> Iterable[Extraction | ExtractionError]:
        return runner.extract_documents(docs, spec)

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
