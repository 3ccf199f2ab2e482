"""The gate fails on a deliberate regression and passes otherwise; floors only rise."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from cronica.cli import eval_cmd
from cronica.eval.gate import GateError, check, load_baseline, resolve_path, update

SHA = "ab" * 32


def _baseline() -> dict[str, Any]:
    return {
        "margin": 0.02,
        "datasets": {
            "case2021": {"format": "case2021", "path": "$DEV/x.tsv", "sha256": SHA, "floors": {"label": 0.5}},
            "bolivia": {
                "format": "cronica-gold",
                "path": "eval/gold/bolivia.jsonl",
                "sha256": SHA,
                "margin": 0.1,
                "floors": {"events": 0.6, "date": 0.8},
            },
        },
    }


def _result(**scores: float) -> dict[str, Any]:
    return {"gold_sha256": SHA, "scores": {k: {"metric": "accuracy", "score": v} for k, v in scores.items()}}


def test_gate_passes_at_or_above_floor_minus_margin() -> None:
    report = check(_baseline(), {"case2021": _result(label=0.49), "bolivia": _result(events=0.55, date=0.8)})
    assert report.ok, report.render()
    assert len(report.passes) == 3


def test_gate_fails_on_a_deliberate_regression() -> None:
    report = check(_baseline(), {"case2021": _result(label=0.40), "bolivia": _result(events=0.9, date=0.9)})
    assert not report.ok
    assert report.failures == ["case2021.label: 0.400 (floor 0.500, margin 0.02)"]


def test_gate_fails_when_a_field_disappears_or_the_gold_file_changed() -> None:
    changed = _result(label=0.9)
    changed["gold_sha256"] = "cd" * 32
    report = check(_baseline(), {"case2021": changed, "bolivia": _result(events=0.9)})
    assert any("gold file changed" in f for f in report.failures)
    assert any("bolivia.date: no longer reported" in f for f in report.failures)


def test_missing_datasets_are_skipped_not_failed() -> None:
    report = check(_baseline(), {})
    assert report.ok and len(report.skipped) == 2


def test_update_raises_floors_and_never_lowers_them_without_force() -> None:
    base = _baseline()
    new = update(base, {"case2021": _result(label=0.6789, sub_event_type=0.3)})
    assert new["datasets"]["case2021"]["floors"] == {"label": 0.678, "sub_event_type": 0.3}
    lowered = update(new, {"case2021": _result(label=0.1)})
    assert lowered["datasets"]["case2021"]["floors"]["label"] == 0.678
    forced = update(new, {"case2021": _result(label=0.1)}, force=True)
    assert forced["datasets"]["case2021"]["floors"]["label"] == 0.1
    assert base["datasets"]["case2021"]["floors"] == {"label": 0.5}  # the input is not modified


def test_update_refuses_a_changed_gold_file_unless_forced() -> None:
    changed = _result(label=0.9)
    changed["gold_sha256"] = "cd" * 32
    with pytest.raises(GateError):
        update(_baseline(), {"case2021": changed})
    assert (
        update(_baseline(), {"case2021": changed}, force=True)["datasets"]["case2021"]["sha256"] == "cd" * 32
    )


def test_dataset_paths_resolve_against_the_repository_and_dev_data(tmp_path: Path, monkeypatch: Any) -> None:
    baseline = tmp_path / "repo" / "eval" / "baseline.json"
    assert resolve_path(str(baseline), "eval/gold/b.jsonl") == str(
        tmp_path / "repo" / "eval" / "gold" / "b.jsonl"
    )
    monkeypatch.setenv("CRONICA_DEV_DATA", str(tmp_path / "dev"))
    assert resolve_path(str(baseline), "$DEV/a/b.tsv") == str(tmp_path / "dev" / "a" / "b.tsv")


def test_the_repository_baseline_is_valid() -> None:
    path = Path(__file__).resolve().parents[2] / "eval" / "baseline.json"
    baseline = load_baseline(str(path))
    for name, spec in baseline["datasets"].items():
        assert {"format", "path", "sha256", "floors"} <= set(spec), name
        assert all(0.0 <= v <= 1.0 for v in spec["floors"].values()), name


def test_cli_gate_exits_non_zero_on_regression(tmp_path: Path, monkeypatch: Any) -> None:
    """End to end through the CLI, with the evaluation replaced by a fixed scored result."""
    import cronica.eval.runner as runner

    gold = tmp_path / "g.jsonl"
    gold.write_text("{}\n")
    from cronica.eval.gold import file_sha256

    baseline = tmp_path / "eval" / "baseline.json"
    baseline.parent.mkdir()
    spec = {
        "format": "cronica-gold",
        "path": str(gold),
        "sha256": file_sha256(str(gold)),
        "floors": {"date": 0.8},
    }
    baseline.write_text(json.dumps({"margin": 0.02, "datasets": {"g": spec}}))
    monkeypatch.setattr(runner, "pipeline_extractor", lambda model=None, batch_size=16, **_: (None, {}))
    for score, status in ((0.5, 1), (0.79, 0)):
        fake = {**_result(date=score), "gold_sha256": spec["sha256"], "items": 1, "seconds": 0.0}
        monkeypatch.setattr(runner, "run", lambda *a, _fake=fake, **k: _fake)
        parser = argparse.ArgumentParser()
        eval_cmd.register(parser.add_subparsers())
        args = parser.parse_args(["eval-gate", "--baseline", str(baseline)])
        assert args.func(args) == status


def test_a_floor_at_or_below_its_margin_checks_nothing_and_fails_the_gate() -> None:
    base = _baseline()
    base["datasets"]["case2021"]["floors"]["speaker"] = 0.02  # margin 0.02: no score is below 0
    report = check(
        base, {"case2021": _result(label=0.6, speaker=0.0), "bolivia": _result(events=0.9, date=0.9)}
    )
    assert not report.ok
    assert len(report.failures) == 1 and "checks nothing" in report.failures[0]


def test_update_writes_no_floor_that_checks_nothing_and_drops_one_already_there() -> None:
    base = _baseline()
    base["datasets"]["case2021"]["floors"]["speaker"] = 0.0
    new = update(base, {"case2021": _result(label=0.6, speaker=0.0, actor2=0.015, plover=0.3)})
    assert new["datasets"]["case2021"]["floors"] == {"label": 0.6, "plover": 0.3}
    # once the score clears the margin the field gets a floor that can fail
    raised = update(new, {"case2021": _result(label=0.6, speaker=0.25)})
    assert raised["datasets"]["case2021"]["floors"]["speaker"] == 0.25


def test_every_floor_in_the_repository_baseline_can_fail() -> None:
    path = Path(__file__).resolve().parents[2] / "eval" / "baseline.json"
    baseline = load_baseline(str(path))
    default = float(baseline.get("margin", 0.02))
    for name, spec in baseline["datasets"].items():
        margin = float(spec.get("margin", default))
        for fld, floor in spec["floors"].items():
            assert floor - margin > 0, f"{name}.{fld}: floor {floor} with margin {margin} checks nothing"
