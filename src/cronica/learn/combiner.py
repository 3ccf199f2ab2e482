"""Fitting the learned combiner (:mod:`cronica.nlp.combiner`) by cross-fitting.

In: ACLED notes (labelled examples with their country), the rules' reading of each note (the first
event's coding and its words: :func:`rules_readings`), and a way to fit the classifier. Out: a
:class:`~cronica.nlp.combiner.Combiner`. Every note's classifier features come from a classifier that
never saw its country (:func:`out_of_fold_readings`: the countries are dealt into folds and each fold
is read by a classifier trained without it), so the combiner learns how far to trust the classifier
on countries it does not know, which is how it is used. ``cronica train`` fits the shipped combiner
this way; ``cronica eval-splits --by country`` fits one per held-out fold on the other folds only,
with the same cross-fitting inside them.

Fitting is L2-penalised maximum likelihood (scipy L-BFGS, deterministic) on the first
:data:`PER_COUNTRY` notes of each country, every note alike, so that one country (Kenya is 44% of the
notes) does not set the weights: combining is judged country by country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from cronica.errors import CronicaError
from cronica.learn.examples import LabelledExample
from cronica.learn.train import TrainSettings
from cronica.nlp.combiner import SHARED, Combiner, RulesView, features
from cronica.nlp.event_classifier import EventClassifier

#: The L2 penalty of the fit (on the sum of the notes' log likelihoods).
PENALTY = 100.0
#: The most notes of one country the combiner learns from (the first ones of its file).
PER_COUNTRY = 100


@dataclass(frozen=True)
class RulesReading:
    """What the rules make of one note: their first event as the combiner reads it, and the words
    it was read from (:func:`~cronica.extraction.learned.event_text`; ``None`` with no event)."""

    view: RulesView
    words: str | None


#: The classifier's readings of one note: sub-type probabilities on the whole note and on the rules'
#: words, actor 1 inter probabilities on the whole note.
Readings = tuple[dict[str, float], dict[str, float], dict[int, float]]


@dataclass(frozen=True)
class CombinerExample:
    """One note as the combiner sees it, with ACLED's coding (``gold``) and its country (``group``)."""

    rules: RulesView
    report: Mapping[str, float]
    event: Mapping[str, float]
    inter1: Mapping[int, float]
    gold: str
    group: str


#: The document stages that run before the learned coding (:mod:`cronica.extraction.stages`).
BEFORE_CODING = frozenset({"learned-incident", "assemble"})


def rules_readings(texts: Sequence[str], progress: Callable[[str], None] | None = None) -> list[RulesReading]:
    """The rules' reading (no classifier) of each text, in order."""
    from cronica.extraction.learned import event_text, rules_view
    from cronica.ingest import document_from_text
    from cronica.pipeline import Pipeline

    pipeline = Pipeline(keep_generic=True, typer="rules", language="en")
    _nlp, extractor = pipeline.stage("en")
    # the events as the learned coding stage receives them: assembled, before ACLED's roles
    extractor.document_stages = tuple(s for s in extractor.document_stages if s.name in BEFORE_CODING)
    docs = [document_from_text(t, id=f"note-{i}") for i, t in enumerate(texts)]
    out = []
    for i, extraction in enumerate(pipeline.extract_documents(docs)):
        if progress is not None and i and i % 2000 == 0:
            progress(f"rules read {i} of {len(docs)} notes")
        events = sorted(extraction.events, key=lambda e: e.trigger.start)
        if not events:
            out.append(RulesReading(RulesView(None), None))
            continue
        first = events[0]
        out.append(RulesReading(rules_view(first), event_text(first, extraction.document.text)))
    return out


def sub_type_probabilities(model: EventClassifier, texts: Sequence[str]) -> list[dict[str, float]]:
    """The classifier's sub-type probabilities of each text."""
    return [dict(p.scores.get("sub_event_type", ())) for p in model.predict_many(list(texts))]


def inter1_probabilities(model: EventClassifier, texts: Sequence[str]) -> list[dict[int, float]]:
    """The classifier's actor 1 inter code probabilities of each text."""
    return [
        {int(code): p for code, p in pred.scores.get("inter1", ()) if code.isdigit()}
        for pred in model.predict_many(list(texts))
    ]


def out_of_fold_readings(
    notes: Sequence[int],
    texts: Sequence[str],
    readings: Mapping[int, RulesReading],
    fold_of: Mapping[int, int],
    fit_without: Callable[[int], EventClassifier],
) -> dict[int, Readings]:
    """For each note index of ``notes``: the classifier's readings (:data:`Readings`) read by
    ``fit_without(fold of the note)``, a classifier that never saw the note's fold (``fold_of``: note
    index -> fold)."""
    out: dict[int, Readings] = {}
    for fold in sorted({fold_of[i] for i in notes}):
        mine = [i for i in notes if fold_of[i] == fold]
        model = fit_without(fold)
        whole = sub_type_probabilities(model, [texts[i] for i in mine])
        words = sub_type_probabilities(model, [readings[i].words or texts[i] for i in mine])
        inter = inter1_probabilities(model, [texts[i] for i in mine])
        out.update({i: (w, e, a) for i, w, e, a in zip(mine, whole, words, inter, strict=True)})
    return out


def combiner_examples(
    notes: Iterable[int],
    examples: Sequence[LabelledExample],
    readings: Mapping[int, RulesReading],
    probabilities: Mapping[int, Readings],
) -> list[CombinerExample]:
    """The notes the combiner learns from: those the rules coded, with a sub-type label."""
    out = []
    for i in notes:
        e = examples[i]
        if readings[i].view.coding is None or not (e.event_type and e.sub_event_type):
            continue
        report, event, inter = probabilities[i]
        gold = f"{e.event_type} / {e.sub_event_type}"
        out.append(CombinerExample(readings[i].view, report, event, inter, gold, e.country or e.group))
    return out


def first_of_each_country(
    notes: Iterable[int], examples: Sequence[LabelledExample], per: int = PER_COUNTRY
) -> list[int]:
    """The first ``per`` of ``notes`` of each country (in order), the notes the combiner learns from."""
    seen: Counter[str] = Counter()
    out = []
    for i in notes:
        country = examples[i].country or examples[i].group
        if seen[country] < per:
            out.append(i)
        seen[country] += 1
    return out


def cross_fitted(
    examples: Sequence[LabelledExample],
    notes: Sequence[int],
    fold_of: Mapping[int, int],
    readings: Mapping[int, RulesReading],
    fit_without: Callable[[int], EventClassifier],
    labels: Sequence[str],
) -> tuple[Combiner, list[CombinerExample]]:
    """The combiner of ``notes`` (indices into ``examples``), each read by a classifier fitted without
    its fold (``fit_without``), and the examples it was fitted on."""
    texts = [e.as_read for e in examples]
    probabilities = out_of_fold_readings(notes, texts, readings, fold_of, fit_without)
    fitted_on = combiner_examples(notes, examples, readings, probabilities)
    return fit_combiner(fitted_on, labels), fitted_on


def fit_combiner(
    examples: Sequence[CombinerExample], labels: Sequence[str], penalty: float = PENALTY
) -> Combiner:
    """The combiner of the given notes over the sub-types ``labels`` (the classifier's); notes whose
    gold sub-type is not among them are left out."""
    from scipy.optimize import minimize

    labels = tuple(labels)
    index = {c: i for i, c in enumerate(labels)}
    kept = [x for x in examples if x.gold in index]
    if not kept:
        raise CronicaError("no notes to fit the combiner on")
    x = np.stack([features(labels, e.rules, e.report, e.event, e.inter1) for e in kept])
    y = np.array([index[e.gold] for e in kept])
    n, k = len(kept), len(labels)
    w = np.ones(n)
    target = np.eye(k)[y]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ theta
        s = s - s.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(s).sum(axis=1))
        p = np.exp(s - log_norm[:, None])
        log_likelihood = s[np.arange(n), y] - log_norm
        grad = -np.einsum("nk,nkf->f", w[:, None] * (target - p), x) / n + penalty * theta / n
        return float(-(w * log_likelihood).sum() / n + 0.5 * penalty * theta @ theta / n), grad

    start = np.zeros(x.shape[2])
    start[0] = 1.0  # the whole report's reading alone
    fitted = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    return Combiner(labels, fitted.x.astype(np.float64))


def describe(combiner: Combiner, examples: Sequence[CombinerExample]) -> dict[str, Any]:
    """What the model card says of a combiner: its shared weights and what it was fitted on."""
    return {
        **combiner.to_card(),
        "shared_weights": {f: round(float(v), 4) for f, v in zip(SHARED, combiner.weights, strict=False)},
        "notes": len(examples),
        "countries": len({e.group for e in examples}),
        "fit": (
            f"conditional logit, L2 penalty {PENALTY}, the first {PER_COUNTRY} notes of each country "
            "alike, scipy L-BFGS; each note read by a classifier fitted without its country's fold"
        ),
    }


def for_training(
    examples: Sequence[LabelledExample],
    settings: TrainSettings,
    counts: Sequence[dict[int, int]] | None = None,
    folds: int = 5,
    progress: Callable[[str], None] | None = None,
) -> tuple[Combiner, list[CombinerExample]]:
    """The combiner ``cronica train`` ships: the ACLED notes with a country are dealt into ``folds``
    country folds (:func:`~cronica.learn.folds.deal_countries`), each read by a classifier fitted
    with ``settings`` on everything but its fold (other sources always in), and the combiner is fitted
    on the first :data:`PER_COUNTRY` of each country."""
    from cronica.learn.folds import deal_countries
    from cronica.learn.train import featurize, fit

    say = progress or (lambda _msg: None)
    acled = (i for i, e in enumerate(examples) if e.source == "acled" and e.country and e.sub_event_type)
    notes = first_of_each_country(acled, examples)
    if not notes:
        raise CronicaError("no ACLED notes with a country to fit the combiner on")
    fold_of_country = deal_countries(Counter(examples[i].country for i in notes), folds)
    fold_of = {i: fold_of_country[examples[i].country] for i in notes}
    counts = counts if counts is not None else featurize(examples, settings.spec)
    say(f"combiner: the rules read {len(notes)} notes")
    readings = dict(zip(notes, rules_readings([examples[i].as_read for i in notes], say), strict=True))

    def fit_without(fold: int) -> EventClassifier:
        say(f"combiner: classifier without fold {fold + 1}/{folds}")
        keep = [i for i in range(len(examples)) if fold_of.get(i, -1) != fold]
        return fit([examples[i] for i in keep], settings, [counts[i] for i in keep])

    labels = sorted({f"{examples[i].event_type} / {examples[i].sub_event_type}" for i in notes})
    return cross_fitted(examples, notes, fold_of, readings, fit_without, labels)
