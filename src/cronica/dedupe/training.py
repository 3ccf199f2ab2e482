"""Labelled pairs for the pair model: reading them, fitting the model, measuring it.

In: pair-gold files (JSON Lines; each line ``{"id", "a", "b", "label", "note"}`` where ``a`` and ``b``
are :class:`ReportView` fields as written by :func:`view_to_dict` and ``label`` is ``same`` or
``different``). Out: feature rows, a fitted :class:`PairModel` (scikit-learn's logistic regression,
imported only here: ``pip install scikit-learn``), and precision / recall / F1 on any set of pairs.
A malformed line raises :class:`~cronica.errors.DataFileError` with the file and line number.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from cronica.dedupe.features import FEATURES
from cronica.dedupe.merge import MergeRules, compare
from cronica.dedupe.model import PairModel
from cronica.dedupe.scorers import Scorer, get_scorer
from cronica.dedupe.views import ReportView
from cronica.errors import DataFileError

LABELS = {"same": 1, "different": 0}
#: Regularisation strengths tried by cross-validation when fitting.
CS = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0)


@dataclass(frozen=True)
class LabelledPair:
    id: str
    a: ReportView
    b: ReportView
    label: int
    note: str = ""


def view_to_dict(v: ReportView) -> dict[str, Any]:
    return {k: (x.isoformat() if isinstance(x, date) else x) for k, x in dataclasses.asdict(v).items()}


def view_from_dict(d: dict[str, Any]) -> ReportView:
    names = {f.name for f in dataclasses.fields(ReportView)}
    values = {k: v for k, v in d.items() if k in names}
    for key in ("date", "date_start", "date_end"):
        if values.get(key):
            values[key] = date.fromisoformat(values[key])
    return ReportView(**values)


def read_pairs(path: str | Path) -> list[LabelledPair]:
    """The labelled pairs in one JSON Lines file."""
    out: list[LabelledPair] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"cannot read pair gold {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            out.append(
                LabelledPair(
                    str(rec["id"]),
                    view_from_dict(rec["a"]),
                    view_from_dict(rec["b"]),
                    LABELS[rec["label"]],
                    str(rec.get("note", "")),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise DataFileError(f"{path}:{number}: not a labelled pair ({exc!r})") from exc
    return out


def feature_rows(
    pairs: Sequence[LabelledPair], rules: MergeRules | None = None, scorer: Scorer | None = None
) -> tuple[list[list[float]], list[int], list[LabelledPair]]:
    """Feature rows and labels for the pairs that pass the hard compatibility checks.

    The text scorer's IDF is fitted on the texts of the given pairs (as merging fits it on the store).
    Pairs the rules rule out are left out: the model never sees them.
    """
    rules = rules or MergeRules.load()
    scorer = scorer or get_scorer(rules.scorer)
    scorer.fit(sorted({t for p in pairs for t in (p.a.text, p.b.text)}))
    dummy = PairModel(
        FEATURES, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), (0.0,) * len(FEATURES), 0.0, 0.5
    )
    xs: list[list[float]] = []
    ys: list[int] = []
    kept: list[LabelledPair] = []
    for pair in pairs:
        scored = compare(pair.a, pair.b, rules, scorer, dummy)
        if scored is None:
            continue
        xs.append([scored.features[f] for f in FEATURES])
        ys.append(pair.label)
        kept.append(pair)
    return xs, ys, kept


def fit(
    pairs: Sequence[LabelledPair], rules: MergeRules | None = None, fitted_on: dict[str, Any] | None = None
) -> PairModel:
    """Fit the pair model on labelled pairs: L2 logistic regression with balanced classes, its strength
    C chosen by 5-fold cross-validated F1 on these pairs alone (fixed folds, so refitting is repeatable).

    The threshold is the one that maximises F1 on the fitting pairs (ties: the higher threshold).
    """
    try:
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold, cross_val_score
        from sklearn.preprocessing import StandardScaler
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise DataFileError("fitting the pair model needs scikit-learn: pip install scikit-learn") from exc
    xs, ys, _ = feature_rows(pairs, rules)
    if len(set(ys)) < 2:
        raise DataFileError("the pair gold needs both 'same' and 'different' pairs to fit a model")
    scaler = StandardScaler().fit(xs)
    scale = [float(s) if s > 0 else 1.0 for s in scaler.scale_]
    z = [[(x - m) / s for x, m, s in zip(row, scaler.mean_, scale, strict=True)] for row in xs]
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)

    def model(c: float) -> LogisticRegression:
        return LogisticRegression(C=c, class_weight="balanced", max_iter=1000)

    chosen = max(
        CS, key=lambda c: (float(cross_val_score(model(c), z, ys, cv=folds, scoring="f1").mean()), c)
    )
    lr = model(chosen).fit(z, ys)
    probs = [float(p) for p in lr.predict_proba(z)[:, 1]]
    best = max(
        (round(t / 100, 2) for t in range(5, 96)),
        key=lambda t: (_prf([int(p >= t) for p in probs], ys)[2], t),
    )
    return PairModel(
        features=FEATURES,
        mean=tuple(round(float(m), 6) for m in scaler.mean_),
        scale=tuple(round(s, 6) for s in scale),
        coef=tuple(round(float(c), 6) for c in lr.coef_[0]),
        intercept=round(float(lr.intercept_[0]), 6),
        threshold=best,
        fitted_on={**(fitted_on or {}), "pairs": len(ys), "same": sum(ys), "C": chosen},
    )


def _prf(predicted: Sequence[int], gold: Sequence[int]) -> tuple[float, float, float]:
    tp = sum(1 for p, g in zip(predicted, gold, strict=True) if p and g)
    fp = sum(1 for p, g in zip(predicted, gold, strict=True) if p and not g)
    fn = sum(1 for p, g in zip(predicted, gold, strict=True) if g and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(frozen=True)
class PairScores:
    pairs: int
    same: int
    ruled_out_same: int
    precision: float
    recall: float
    f1: float


def evaluate(model: PairModel, pairs: Sequence[LabelledPair], rules: MergeRules | None = None) -> PairScores:
    """Precision and recall of "same event" over labelled pairs.

    A 'same' pair the hard checks rule out counts as missed (a false negative), so recall is the
    share of all labelled same pairs the merge would join.
    """
    rules = rules or MergeRules.load()
    xs, ys, kept = feature_rows(pairs, rules)
    threshold = rules.threshold if rules.threshold is not None else model.threshold
    predicted = [int(model.probability(dict(zip(FEATURES, row, strict=True))) >= threshold) for row in xs]
    ruled_out = sum(p.label for p in pairs) - sum(ys)
    gold = [*ys, *([1] * ruled_out)]
    precision, recall, f1 = _prf([*predicted, *([0] * ruled_out)], gold)
    return PairScores(len(pairs), sum(p.label for p in pairs), ruled_out, precision, recall, f1)


def all_pairs(paths: Iterable[str | Path]) -> list[LabelledPair]:
    return [p for path in paths for p in read_pairs(path)]
