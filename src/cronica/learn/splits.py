"""Cross-domain evaluation: train on some sources, test on another, rules and learned side by side.

In: the ACLED training files (one file is one country or sample), the GLOCON sentences, and the
one-line report set. Out: a result dict (also a gate dataset: ``scores`` maps ``field`` to
``{"score": ...}`` like the other runs) with, for every held-out file:

- ``<file>.classifier.{event_type,sub_event_type,inter1}``: the classifier alone, trained without
  that file, on every note of it, and its reliability (``sure_share``: the share of notes it codes at
  p >= 0.7; ``sure_sub_event_type``: its sub-type accuracy on those);
- ``<file>.{rules,learned}.{event_type,sub_event_type,actor1_inter,fatalities}``: the whole pipeline
  on the first ``limit`` notes of it, with the rules alone and with the classifier (trained without
  that file) combined with the rules;

and ``oneliners.{rules,learned}.{events,event_type,sub_event_type,actor1_inter,fatalities}`` on the
one-line reports (never used in training). Nothing is ever scored on data it was fitted to. Slow:
one training per held-out file (about two minutes each on two cores).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from cronica.eval.gold import file_sha256
from cronica.learn.combiner import RulesReading, cross_fitted, first_of_each_country, rules_readings
from cronica.learn.examples import LabelledExample, from_acled_csv, from_glocon_sentences
from cronica.learn.folds import deal_countries, deal_regions, subregions
from cronica.learn.train import TrainSettings, featurize, fit
from cronica.nlp.combiner import Combiner

PIPELINE_FIELDS = ("event_type", "sub_event_type", "actor1_inter", "fatalities")
ONELINER_FIELDS = ("events", *PIPELINE_FIELDS)


#: The probability from which a classifier's coding is counted as sure in the reliability scores.
SURE = 0.7


def _classifier_scores(model: Any, test: Sequence[LabelledExample]) -> dict[str, float]:
    """Accuracy of the classifier alone on ``test`` (type and sub-type from its surest sub-type, as
    :func:`~cronica.extraction.learned.judgement` reads them), and its reliability: the share of notes
    whose surest sub-type has p >= :data:`SURE` (``sure_share``) and the sub-type accuracy on those
    (``sure_sub_event_type``), which should be at least ``SURE`` for the probabilities to be trusted."""
    from cronica.extraction.learned import judgement

    right = {"event_type": 0, "sub_event_type": 0, "inter1": 0}
    n_inter = sure = sure_right = 0
    for e, prediction in zip(test, model.predict_many([e.text for e in test]), strict=True):
        event_type, sub, p = judgement(prediction).coding[0]
        right["event_type"] += event_type == e.event_type
        hit = (event_type, sub) == (e.event_type, e.sub_event_type)
        right["sub_event_type"] += hit
        if p >= SURE:
            sure += 1
            sure_right += hit
        if e.inter1 is not None:
            n_inter += 1
            best = prediction.best("inter1")
            right["inter1"] += best is not None and best[0] == str(e.inter1)
    n = max(len(test), 1)
    return {
        "event_type": right["event_type"] / n,
        "sub_event_type": right["sub_event_type"] / n,
        "inter1": right["inter1"] / max(n_inter, 1),
        "sure_share": sure / n,
        "sure_sub_event_type": sure_right / max(sure, 1),
    }


def _pipeline_scores(
    path: str, fmt: str, typer: Any, limit: int | None, keep_generic: bool, fields: Sequence[str]
) -> tuple[dict[str, float], int]:
    from cronica.eval.runner import load_items, score_items
    from cronica.pipeline import Pipeline

    items = load_items(path, fmt, "all", limit)
    pipeline = Pipeline(keep_generic=keep_generic, typer=typer)
    result = score_items(items, lambda docs: pipeline.extract_documents(docs), keep_records=False)
    scores = result["scores"]
    out = {}
    for f in fields:
        entry = scores.get(f)
        if entry is not None:
            out[f] = float(entry.get("recall", entry["score"])) if f == "events" else float(entry["score"])
    return out, len(items)


def run(
    acled: Sequence[str],
    glocon: Sequence[str],
    oneliners: str | None,
    *,
    limit: int | None = 60,
    settings: TrainSettings | None = None,
    progress: Any = None,
) -> dict[str, Any]:
    """Leave-one-file-out over ``acled`` (see the module docstring)."""
    began = time.perf_counter()
    say = progress or (lambda _msg: None)
    settings = settings or TrainSettings()
    groups = {path: list(from_acled_csv(path)) for path in acled}
    extra = [e for path in glocon for e in from_glocon_sentences(path)]
    features = {path: featurize(xs, settings.spec) for path, xs in groups.items()}
    extra_features = featurize(extra, settings.spec)
    scores: dict[str, dict[str, Any]] = {}

    def put(name: str, value: float, n: int) -> None:
        scores[name] = {"metric": "accuracy", "score": round(value, 4), "n": n}

    for path, test in groups.items():
        name = os.path.splitext(os.path.basename(path))[0]
        train = [e for p, xs in groups.items() if p != path for e in xs] + extra
        counts = [c for p, cs in features.items() if p != path for c in cs] + extra_features
        say(f"{name}: training on {len(train)} examples without it")
        from cronica.extraction.learned import LearnedTyper

        model = fit(train, settings, counts)
        for f, v in _classifier_scores(model, test).items():
            put(f"{name}.classifier.{f}", v, len(test))
        for label, typer in (("rules", "rules"), ("learned", LearnedTyper(model=model))):
            say(f"{name}: pipeline with {label} on {limit} notes")
            got, n = _pipeline_scores(path, "acled-csv", typer, limit, True, PIPELINE_FIELDS)
            for f, v in got.items():
                put(f"{name}.{label}.{f}", v, n)
    if oneliners:
        for label in ("rules", "learned"):
            say(f"oneliners: pipeline with {label}")
            got, n = _pipeline_scores(oneliners, "cronica-gold", label, None, False, ONELINER_FIELDS)
            for f, v in got.items():
                put(f"oneliners.{label}.{f}", v, n)
    digest = hashlib.sha256(
        "".join(file_sha256(p) for p in [*acled, *glocon, *([oneliners] if oneliners else [])]).encode()
    ).hexdigest()
    return {
        "dataset": "splits",
        "format": "splits",
        "files": [os.path.basename(p) for p in [*acled, *glocon]] + ([oneliners] if oneliners else []),
        "gold_sha256": digest,
        "limit": limit,
        "items": sum(len(x) for x in groups.values()),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - began, 1),
        "scores": scores,
    }


def run_by_country(
    acled: Sequence[str],
    glocon: Sequence[str],
    *,
    folds: int = 5,
    limit: int | None = 40,
    min_notes: int = 25,
    settings: TrainSettings | None = None,
    progress: Any = None,
    pipeline: bool = True,
    combiner: bool = False,
    regions: bool = False,
) -> dict[str, Any]:
    """Held out by country: the countries of every ACLED file are dealt into ``folds`` folds
    (:func:`deal_countries`; notes with no country are never held out); for each fold the
    classifier is trained on the other folds' notes (and GLOCON) and scored alone on every note of
    the fold's countries, and the pipeline (rules alone, rules with that classifier) on the first
    ``limit`` notes of each of its countries that has at least ``min_notes`` of them. Scores per
    country (``<CC>.<rules|learned|classifier>.<field>``) and over all held-out notes
    (``all.<...>``): no note is scored by a model that saw its country. ``pipeline=False`` scores the
    classifier alone (minutes instead of tens of minutes: for choosing training settings).

    With ``combiner`` (and ``pipeline``), each fold's classifier carries a learned combiner
    (:mod:`cronica.learn.combiner`) fitted on the other folds' notes only, each of those read by a
    classifier fitted without its own fold and without the held-out one (cross-fitting inside the
    training part: four more classifier fits a fold), and the rules' readings of every note (read
    once); without ``combiner`` (or with fewer than 3 folds) the classifier is combined with the rules
    by :class:`~cronica.extraction.learned.Combination`'s thresholds alone."""
    from cronica.eval.runner import load_items, score_items
    from cronica.extraction.learned import LearnedTyper
    from cronica.pipeline import Pipeline

    began = time.perf_counter()
    say = progress or (lambda _msg: None)
    settings = settings or TrainSettings()
    examples = [e for path in acled for e in from_acled_csv(path)]
    extra = [e for path in glocon for e in from_glocon_sentences(path)]
    counts = featurize(examples, settings.spec)
    extra_counts = featurize(extra, settings.spec)
    # with ``regions``, every country of a UN subregion in one fold: no note is scored by a model that
    # saw its region (issue 11's "region not in training")
    deal = deal_regions if regions else deal_countries
    fold_of = deal(Counter(e.country for e in examples if e.country), folds)
    items_by_country: dict[str, list[Any]] = {}
    for path in acled if pipeline else ():
        for item in load_items(path, "acled-csv", "all"):
            code = item.records[0].country_code if item.records else None
            if code:
                items_by_country.setdefault(code, []).append(item)
    readings: dict[int, RulesReading] = {}
    if pipeline and combiner and folds >= 3:  # cross-fitting inside the training part needs 2 folds there
        learn_from = first_of_each_country(
            (i for i, e in enumerate(examples) if e.country in fold_of), examples
        )
        say(f"the rules read {len(learn_from)} notes (for the combiners)")
        texts = [examples[i].as_read for i in learn_from]
        readings = dict(zip(learn_from, rules_readings(texts, say), strict=True))
    scores: dict[str, dict[str, Any]] = {}
    totals: dict[str, list[float]] = {}

    def put(name: str, value: float, n: int) -> None:
        scores[name] = {"metric": "accuracy", "score": round(value, 4), "n": n}
        total = totals.setdefault(name.split(".", 1)[1], [0.0, 0.0])
        total[0] += value * n
        total[1] += n

    for k in range(folds):
        train = [i for i, e in enumerate(examples) if fold_of.get(e.country, -1) != k]
        test = [e for e in examples if fold_of.get(e.country, -1) == k]
        say(f"fold {k + 1}/{folds}: training on {len(train)} notes, {len(test)} held out")
        model = fit([examples[i] for i in train] + extra, settings, [counts[i] for i in train] + extra_counts)
        if readings:
            model.combiner = _fold_combiner(
                examples, extra, counts, extra_counts, fold_of, k, readings, settings, model, say
            )
        by_country: dict[str, list[LabelledExample]] = {}
        for e in test:
            by_country.setdefault(e.country, []).append(e)
        for code, notes in by_country.items():
            alone = _classifier_scores(model, notes)
            for f, v in alone.items():
                # the sure notes' accuracy is averaged over the sure notes, the rest over all notes
                sure = round(alone["sure_share"] * len(notes))
                put(f"{code}.classifier.{f}", v, sure if f == "sure_sub_event_type" else len(notes))
        for label, typer in (("rules", "rules"), ("learned", LearnedTyper(model=model))):
            if not pipeline:
                break
            extractor = Pipeline(keep_generic=True, typer=typer)
            for code, items in sorted(items_by_country.items()):
                if fold_of.get(code, -1) != k or len(items) < min_notes:
                    continue
                chosen = items[:limit] if limit is not None else items
                say(f"fold {k + 1}/{folds}: {code} with {label} on {len(chosen)} notes")
                result = score_items(chosen, extractor.extract_documents, keep_records=False)
                for f in PIPELINE_FIELDS:
                    entry = result["scores"].get(f)
                    if entry is not None:
                        put(f"{code}.{label}.{f}", float(entry["score"]), len(chosen))
    for name, (weighted, n) in totals.items():
        scores[f"all.{name}"] = {"metric": "accuracy", "score": round(weighted / max(n, 1), 4), "n": int(n)}
    digest = hashlib.sha256("".join(file_sha256(p) for p in [*acled, *glocon]).encode()).hexdigest()
    return {
        "dataset": "splits-by-region" if regions else "splits-by-country",
        "format": "splits",
        "files": [os.path.basename(p) for p in [*acled, *glocon]],
        "gold_sha256": digest,
        "folds": {code: k + 1 for code, k in sorted(fold_of.items())},
        "regions": {code: subregions().get(code, code) for code in sorted(fold_of)} if regions else {},
        "limit": limit,
        "items": len(examples),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - began, 1),
        "scores": scores,
    }


def _fold_combiner(
    examples: Sequence[LabelledExample],
    extra: Sequence[LabelledExample],
    counts: Sequence[dict[int, int]],
    extra_counts: Sequence[dict[int, int]],
    fold_of: dict[str, int],
    k: int,
    readings: dict[int, RulesReading],
    settings: TrainSettings,
    model: Any,
    say: Any,
) -> Combiner:
    """The combiner of held-out fold ``k``: fitted on the other folds' notes, each read by a classifier
    fitted without its fold and without fold ``k``."""
    notes = [i for i in readings if fold_of.get(examples[i].country, -1) != k]
    fold_map = {i: fold_of[examples[i].country] for i in notes}

    def fit_without(j: int) -> Any:
        say(f"fold {k + 1}: combiner, classifier without folds {k + 1} and {j + 1}")
        keep = [i for i, e in enumerate(examples) if fold_of.get(e.country, -1) not in (k, j)]
        return fit(
            [examples[i] for i in keep] + list(extra),
            settings,
            [counts[i] for i in keep] + list(extra_counts),
        )

    fitted, _ = cross_fitted(
        examples, notes, fold_map, readings, fit_without, model.heads["sub_event_type"].classes
    )
    return fitted


def render(result: dict[str, Any]) -> str:
    """A table: one row per held-out set, rules vs learned vs classifier alone."""
    scores = result["scores"]
    sets = sorted({k.split(".")[0] for k in scores}, key=lambda s: (s in {"oneliners", "all"}, s))
    fields = ("events", "event_type", "sub_event_type", "actor1_inter", "fatalities")
    head = (
        "| held out | "
        + " | ".join(f"{f} rules / learned" for f in fields)
        + " | classifier alone type / sub / inter1 | classifier sure (p >= 0.7) share / sub |"
    )
    lines = [head, "|" + "---|" * (len(fields) + 3)]
    for s in sets:
        cells = []
        for f in fields:
            r, lrn = scores.get(f"{s}.rules.{f}"), scores.get(f"{s}.learned.{f}")
            cells.append(f"{r['score']:.3f} / {lrn['score']:.3f}" if r and lrn else "")
        alone = [scores.get(f"{s}.classifier.{f}") for f in ("event_type", "sub_event_type", "inter1")]
        cells.append(" / ".join(f"{a['score']:.3f}" for a in alone if a) if any(alone) else "")
        sure = [scores.get(f"{s}.classifier.{f}") for f in ("sure_share", "sure_sub_event_type")]
        cells.append(" / ".join(f"{a['score']:.3f}" for a in sure if a) if any(sure) else "")
        lines.append(f"| {s} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
