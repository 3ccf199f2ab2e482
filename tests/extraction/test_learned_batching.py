"""The learned typer reads texts in batches and keeps what it read: the readings must be those of one
text at a time. Real text: the sentences of the bundled Bolivia report and ACLED notes."""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import numpy as np
import pytest

from cronica.extraction.learned import Judgement, LearnedTyper
from cronica.ingest import document_from_text
from cronica.nlp.event_classifier import EventClassifier, load_model
from cronica.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def model() -> EventClassifier:
    return load_model()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    report = (ROOT.parent / "shared" / "corpus" / "bolivia-2019-11-20.txt").read_text(encoding="utf-8")
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", report) if s.strip()]
    with open(DATA / "acled_sample.csv", encoding="utf-8") as fh:
        notes = [row["notes"] for row in csv.DictReader(fh)]
    # an empty text and one with no known n-gram have no weight rows: their logits are the intercepts
    return [*sentences[:80], *notes, "", "zzqx", sentences[3]]


def test_a_batch_reads_each_text_exactly_as_one_at_a_time(model: EventClassifier, texts: list[str]) -> None:
    one_by_one = [model.predict(t) for t in texts]
    assert model.predict_many(texts) == one_by_one
    # the reading of a text does not depend on its neighbours in the batch
    assert model.predict_many(texts[::-1]) == one_by_one[::-1]
    assert model.predict_many(texts[5:9] * 3) == one_by_one[5:9] * 3


def test_batched_readings_are_the_plain_linear_model(model: EventClassifier, texts: list[str]) -> None:
    """Each head's probabilities as the model's documented formula gives them for one text: sparse
    TF-IDF row times the head's weights plus its intercept; one-vs-rest sigmoids normalised."""
    for text, prediction in zip(texts, model.predict_many(texts), strict=True):
        rows, vals, _ = model._rows([text])
        for name, head in model.heads.items():
            logits = vals.astype(np.float64) @ head.weights[rows].astype(np.float64) + head.intercept
            if len(head.classes) == 2 and len(logits) == 1:
                p1 = 1.0 / (1.0 + math.exp(-float(logits[0])))
                expected = dict(zip(head.classes, (1.0 - p1, p1), strict=True))
            else:
                odds = 1.0 / (1.0 + np.exp(-logits))
                expected = dict(zip(head.classes, (odds / odds.sum()).tolist(), strict=True))
            got = prediction.scores[name]
            assert [p for _, p in got] == sorted((p for _, p in got), reverse=True)
            assert {c for c, _ in got} == set(head.classes)
            for label, p in got:
                assert p == pytest.approx(expected[label], abs=1e-6)


class OneAtATime:
    """The shipped classifier read one text at a time, nothing kept."""

    def __init__(self, model: EventClassifier) -> None:
        self.typer = LearnedTyper(model=model, cache_size=0)

    def judge(self, text: str) -> Judgement:
        return self.typer.judge(text)


def test_kept_judgements_are_those_of_a_fresh_reading(model: EventClassifier, texts: list[str]) -> None:
    fresh = OneAtATime(model)
    kept = LearnedTyper(model=model, cache_size=16)  # small: the store is emptied along the way
    expected = [fresh.judge(t) for t in texts]
    assert kept.judge_many(texts) == expected
    assert [kept.judge(t) for t in texts] == expected
    assert kept.judge_many(texts[::-1]) == expected[::-1]


def test_extraction_with_batched_typer_equals_one_text_at_a_time(model: EventClassifier) -> None:
    with open(DATA / "acled_sample.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    report = (ROOT.parent / "shared" / "corpus" / "bolivia-2019-11-20.txt").read_text(encoding="utf-8")
    documents = [document_from_text(r["notes"], id=r["event_id_cnty"]) for r in rows]
    documents.append(document_from_text(report, id="bolivia", published="2019-11-20"))
    batched = Pipeline(typer=LearnedTyper(model=model))
    plain = Pipeline(typer=OneAtATime(model))
    a = [r for x in batched.extract_documents(documents) for r in x.to_dicts()]
    b = [r for x in plain.extract_documents(documents) for r in x.to_dicts()]
    assert a == b
    assert any(str(r.get("coded_by", "")).startswith("rules (the classifier") for r in a)
