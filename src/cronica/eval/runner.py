"""Running cronica over a gold set: read, split, extract, score, and stamp the run.

In: a gold file path and its format name (:data:`FORMATS`), a split and a limit, and something that
extracts (by default a :class:`~cronica.pipeline.Pipeline`). Out: the scorer's result dict (see
:mod:`cronica.eval.metrics`) with the run's provenance: dataset, format, path, gold SHA-256, split,
limit, model name and version, cronica and spaCy versions, date and timing. A document that fails
to extract is recorded under ``errors`` and scored as if nothing came out; the run goes on.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
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
    from cronica.resolve.corpus import CorpusPrior

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


#: What ``cronica eval --mode`` scores: the whole pipeline, or place resolution given the gold words.
MODES = ("extract", "places")


@dataclass(frozen=True)
class Selection:
    """Which gold countries to score (``countries``; empty: all) and leave out (``exclude``), and
    whether to report every score per gold country too (``by_country``)."""

    countries: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    by_country: bool = False

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> Selection:
        """From a gate dataset: ``countries``, ``exclude_countries``, ``by_country``."""
        return cls(
            tuple(spec.get("countries", ())),
            tuple(spec.get("exclude_countries", ())),
            bool(spec.get("by_country")),
        )

    def keeps(self, item: GoldItem) -> bool:
        code = country_of(item)
        if self.countries and code not in self.countries:
            return False
        return code not in self.exclude


def country_of(item: GoldItem) -> str:
    """The gold country (ISO alpha-2) of an item's first record that has one, else ``"?"``."""
    return next((r.country_code.upper() for r in item.records if r.country_code), "?")


def load_items(
    path: str, fmt: str, split: str = "dev", limit: int | None = None, select: Selection | None = None
) -> list[GoldItem]:
    """The gold items of ``path`` in file order, restricted to ``split``, the countries of ``select``
    and the first ``limit``."""
    if fmt not in FORMATS:
        raise CronicaError(f"unknown gold format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if split not in SPLITS:
        raise CronicaError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
    chosen = select or Selection()
    items: Iterator[GoldItem] = (
        i for i in FORMATS[fmt](path) if (split == "all" or i.split == split) and chosen.keeps(i)
    )
    return list(islice(items, limit) if limit is not None else items)


def make_document(item: GoldItem) -> Document:
    """The document cronica reads for a gold item, built by the ingest stage's text entry point."""
    from cronica.ingest import document_from_text

    published = date.fromisoformat(item.published) if item.published else None
    return document_from_text(item.text, id=item.id, published=published)


def _keyed_admin1() -> Callable[[str, str, str | None], bool]:
    """The keyed admin1 comparison of places mode, over the gazetteer index."""
    from cronica.eval.places import same_admin1
    from cronica.resolve import Gazetteer

    gazetteer = Gazetteer.open()
    return lambda country, gold, got: same_admin1(gazetteer, country, gold, got)


def score_items(
    items: Sequence[GoldItem],
    extract: Extractor,
    batch_size: int = 16,
    keep_records: bool = True,
    by_country: bool = False,
    same_admin1: Callable[[str, str, str | None], bool] | None = None,
) -> dict[str, Any]:
    """Extract from every item and score; returns the scorer's result with ``errors`` added (and
    ``by_country``: gold country -> scores, when asked).

    The documents go to ``extract`` as one stream (a parallel runner keeps its workers busy); a
    document whose extraction fails is scored as if nothing came out and listed under ``errors``."""
    scorer = Scorer(keep_records=keep_records, same_admin1=same_admin1)
    per_country: dict[str, Scorer] = {}
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
        records = next(extracted) if doc is not None else ()
        scorer.add(item, records)
        if by_country:
            per_country.setdefault(country_of(item), Scorer(keep_records=False, same_admin1=same_admin1)).add(
                item, records
            )
    result = scorer.result()
    result["errors"] = errors
    if by_country:
        result["by_country"] = {cc: s.result()["scores"] for cc, s in sorted(per_country.items())}
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
    country: Sequence[str] = (),
    prior: CorpusPrior | None = None,
) -> tuple[Extractor, dict[str, str]]:
    """An extractor over a :class:`~cronica.pipeline.Pipeline` in this process and the model's name
    and version."""
    from cronica.parallel import PipelineSpec, Runner

    spec = PipelineSpec(model, keep_generic=keep_generic, places=places, country=tuple(country), prior=prior)
    return runner_extractor(Runner(spec, 1, batch_size=batch_size))


class RunnerExtractor:
    """Extracts documents over a runner with one pipeline spec (the runner's own when None); a run can
    give it the corpus prior of its items (:meth:`with_prior`)."""

    def __init__(self, runner: Runner, spec: PipelineSpec | None = None) -> None:
        self.runner = runner
        self.spec = spec

    def __call__(self, docs: Sequence[Document]) -> Iterable[Extraction | ExtractionError]:
        return self.runner.extract_documents(docs, self.spec)

    def with_prior(self, prior: CorpusPrior) -> RunnerExtractor:
        """The same extractor with ``prior`` in its spec (every worker builds that pipeline once)."""
        return RunnerExtractor(self.runner, dataclasses.replace(self.spec or self.runner.spec, prior=prior))


def runner_extractor(runner: Runner, spec: PipelineSpec | None = None) -> tuple[Extractor, dict[str, str]]:
    """An extractor over ``runner`` (one process or several), with ``spec`` instead of the runner's
    own when given, and the model's name and version."""
    meta = runner.model_meta(spec)
    info = {
        "model": f"{meta.get('lang', '')}_{meta.get('name', '')}",
        "model_version": str(meta.get("version", "")),
    }
    return RunnerExtractor(runner, spec), info


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
    mode: str = "extract",
    select: Selection | None = None,
    country: Sequence[str] = (),
    model: str | None = None,
    corpus: bool = True,
) -> dict[str, Any]:
    """Evaluate cronica on one gold file; see the module docstring for what comes back.

    ``mode`` ``extract`` runs the whole pipeline through ``extract``; ``places`` scores place
    resolution alone, given the gold place words (:mod:`cronica.eval.places`), with ``model``.
    ``select`` chooses gold countries; ``country`` is the corpus hint (``--country``); ``corpus``: weigh
    the countries the items' texts state as a corpus prior (:mod:`cronica.resolve.corpus`)."""
    import cronica

    if mode not in MODES:
        raise CronicaError(f"unknown eval mode {mode!r}; choose one of {', '.join(MODES)}")
    items = load_items(path, fmt, split, limit, select)
    began = time.perf_counter()
    prior_info: dict[str, Any] | None = None
    if mode == "places":
        from cronica.eval.places import GoldWordsResolver, score_places
        from cronica.nlp import load_model

        nlp = load_model(model)
        meta = getattr(nlp, "meta", {}) or {}
        model_info = {
            "model": f"{meta.get('lang', '')}_{meta.get('name', '')}",
            "model_version": str(meta.get("version", "")),
        }
        resolver = GoldWordsResolver(hint=country)
        if corpus:
            resolver.prior = _prior(items, resolver.gazetteer)
            prior_info = resolver.prior.to_dict(resolver.gazetteer.regions())
        result = score_places(items, nlp, resolver, keep_records=keep_records)
    else:
        prior = _prior(items) if corpus else None
        prior_info = prior.to_dict() if prior is not None else None
        if extract is None:
            extract, model_info = pipeline_extractor(
                model, batch_size, keep_generic=fmt in SNIPPET_FORMATS, country=country, prior=prior
            )
        elif prior is not None and isinstance(extract, RunnerExtractor):
            extract = extract.with_prior(prior)
        by_country = bool(select and select.by_country)
        result = score_items(
            items,
            extract,
            batch_size=batch_size,
            keep_records=keep_records,
            by_country=by_country,
            same_admin1=_keyed_admin1(),
        )
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
        "mode": mode,
        "country_hint": list(country),
        "corpus_prior": prior_info,
        "cronica_version": cronica.__version__,
        "spacy_version": spacy_version,
        **(model_info or {}),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(seconds, 2),
    }
    return {**run_info, **result}


def _prior(items: Sequence[GoldItem], gazetteer: Any | None = None) -> CorpusPrior:
    """The corpus prior of the items' texts (:mod:`cronica.resolve.corpus`), the whole run's."""
    from cronica.resolve import Gazetteer
    from cronica.resolve.corpus import corpus_prior

    return corpus_prior(
        (item.text for item in items), gazetteer if gazetteer is not None else Gazetteer.open()
    )
