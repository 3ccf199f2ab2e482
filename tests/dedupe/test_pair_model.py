"""The learned pair model: its file validates, refitting the labelled pairs reproduces it, and it
scores pairs it was not fitted to better than chance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cronica.dedupe import FEATURES, MergeRules, PairModel
from cronica.dedupe.training import evaluate, fit, read_pairs
from cronica.errors import DataFileError

PAIRS = Path(__file__).resolve().parents[2] / "eval" / "pairs"


def test_packaged_pair_model_validates_and_names_the_features_the_code_computes() -> None:
    model = PairModel.load()
    assert model.features == FEATURES and 0 < model.threshold < 1
    assert set(model.fitted_on["sets"]) == {"india", "written"}


def test_a_model_with_other_features_fails_naming_the_file(tmp_path: Path) -> None:
    data = PairModel.load().to_mapping()
    data["features"] = data["features"][:-1]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data))
    with pytest.raises(DataFileError, match="model.json.*refit"):
        PairModel.load(str(path))


def test_pair_gold_files_read_and_hold_both_labels() -> None:
    for name in ("india", "written"):
        pairs = read_pairs(PAIRS / f"{name}.jsonl")
        labels = {p.label for p in pairs}
        assert labels == {0, 1}, name


def test_refitting_the_pair_gold_reproduces_the_packaged_model() -> None:
    pytest.importorskip("sklearn")
    everything = [p for name in ("india", "written") for p in read_pairs(PAIRS / f"{name}.jsonl")]
    refit = fit(everything, MergeRules.load(), {"sets": ["india", "written"]})
    shipped = PairModel.load()
    assert refit.threshold == shipped.threshold
    assert refit.coef == pytest.approx(shipped.coef, abs=1e-4)


def test_a_model_fitted_on_india_pairs_finds_the_written_reports_duplicates() -> None:
    pytest.importorskip("sklearn")
    rules = MergeRules.load()
    model = fit(read_pairs(PAIRS / "india.jsonl"), rules)
    scores = evaluate(model, read_pairs(PAIRS / "written.jsonl"), rules)
    assert scores.precision > 0.6 and scores.recall > 0.6
