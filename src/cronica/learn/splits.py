"""Cross-domain evaluation: train on some sources, test on another, rules and learned side by side.

In: the ACLED training files (one file is one country or sample), the GLOCON sentences, and the
one-line report set. Out: a result dict (also a gate dataset: ``scores`` maps ``field`` to
``{"score": ...}`` like the other runs) with, for every held-out file:

- ``<file>.classifier.{event_type,sub_event_type,inter1}``: the classifier alone, trained without
  that file, on every note of it;
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
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from cronica.eval.gold import file_sha256
from cronica.learn.examples import LabelledExample, from_acled_csv, from_glocon_sentences
from cronica.learn.train import TrainSettings, featurize, fit

PIPELINE_FIELDS = ("event_type", "sub_event_type", "actor1_inter", "fatalities")
ONELINER_FIELDS = ("events", *PIPELINE_FIELDS)


def _classifier_scores(model: Any, test: Sequence[LabelledExample]) -> dict[str, float]:
    from cronica.extract.learned import judgement

    right = {"event_type": 0, "sub_event_type": 0, "inter1": 0}
    n_inter = 0
    for e in test:
        prediction = model.predict(e.text)
        event_type, sub, _p = judgement(prediction).coding[0]
        right["event_type"] += event_type == e.event_type
        right["sub_event_type"] += (event_type, sub) == (e.event_type, e.sub_event_type)
        if e.inter1 is not None:
            n_inter += 1
            best = prediction.best("inter1")
            right["inter1"] += best is not None and best[0] == str(e.inter1)
    n = max(len(test), 1)
    return {
        "event_type": right["event_type"] / n,
        "sub_event_type": right["sub_event_type"] / n,
        "inter1": right["inter1"] / max(n_inter, 1),
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
        from cronica.extract.learned import LearnedTyper

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


def render(result: dict[str, Any]) -> str:
    """A table: one row per held-out set, rules vs learned vs classifier alone."""
    scores = result["scores"]
    sets = sorted({k.split(".")[0] for k in scores}, key=lambda s: (s == "oneliners", s))
    fields = ("events", "event_type", "sub_event_type", "actor1_inter", "fatalities")
    head = (
        "| held out | "
        + " | ".join(f"{f} rules / learned" for f in fields)
        + " | classifier alone type / sub / inter1 |"
    )
    lines = [head, "|" + "---|" * (len(fields) + 2)]
    for s in sets:
        cells = []
        for f in fields:
            r, lrn = scores.get(f"{s}.rules.{f}"), scores.get(f"{s}.learned.{f}")
            cells.append(f"{r['score']:.3f} / {lrn['score']:.3f}" if r and lrn else "")
        alone = [scores.get(f"{s}.classifier.{f}") for f in ("event_type", "sub_event_type", "inter1")]
        cells.append(" / ".join(f"{a['score']:.3f}" for a in alone if a) if any(alone) else "")
        lines.append(f"| {s} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
