"""The quality gate: floors per dataset and field that only rise.

The baseline (``eval/baseline.json`` at the repository root) lists, per dataset, how to run it
(format, path, split, limit), the SHA-256 of the gold file the floors were measured on, a noise
``margin`` and ``floors`` {field: score}. Paths are relative to the repository root (the folder that
holds ``eval/``); a path starting with ``$DEV/`` resolves under ``$CRONICA_DEV_DATA``, by default
``../shared/data/dev`` beside the repository.

:func:`check` fails a dataset when its gold file's hash differs from the baseline's, when a field
with a floor is no longer reported, when a score is below ``floor - margin``, or when a floor checks
nothing (``floor - margin <= 0``: no score can fall below it). :func:`update` raises floors to the new
scores (rounded down to 3 decimals) and never lowers one unless ``force``; it writes no floor that
would check nothing (and drops one already there: dropping it loses no check); it refuses a changed
gold file unless ``force``. Both are pure functions over dicts: the gate's logic is
tested without running spaCy.
"""

from __future__ import annotations

import copy
import json
import math
import os
from dataclasses import dataclass, field
from typing import Any

from cronica.errors import CronicaError

DEFAULT_MARGIN = 0.02


class GateError(CronicaError):
    """The baseline cannot be read or updated as asked."""


@dataclass
class GateReport:
    """What the gate found: ``ok`` is false when any dataset failed."""

    failures: list[str] = field(default_factory=list)
    passes: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def render(self) -> str:
        lines = [f"FAIL {x}" for x in self.failures] + [f"ok   {x}" for x in self.passes]
        lines += [f"skip {x}" for x in self.skipped]
        lines.append("gate: " + ("passed" if self.ok else f"FAILED ({len(self.failures)} problems)"))
        return "\n".join(lines)


def load_baseline(path: str) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        raise GateError(f"cannot read the baseline {path}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("datasets"), dict):
        raise GateError(f"{path}: a baseline is an object with a 'datasets' object")
    return data


def save_baseline(path: str, baseline: dict[str, Any]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(baseline, fh, indent=2, ensure_ascii=False)
        fh.write("\n")


def resolve_path(baseline_path: str, path: str) -> str:
    """A dataset path from the baseline as a path on this machine."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(baseline_path)))
    if path.startswith("$DEV/"):
        dev = os.environ.get("CRONICA_DEV_DATA") or os.path.join(root, "..", "shared", "data", "dev")
        return os.path.normpath(os.path.join(dev, path[len("$DEV/") :]))
    return os.path.normpath(os.path.join(root, path))


def _floor3(x: float) -> float:
    return math.floor(x * 1000 + 1e-9) / 1000


def checks_something(floor: float, margin: float) -> bool:
    """Whether a score can fall below ``floor - margin`` (a score is never below 0)."""
    return floor - margin > 1e-9


def check(baseline: dict[str, Any], results: dict[str, dict[str, Any]]) -> GateReport:
    """Compare scored results (dataset name -> run result with ``gold_sha256`` and ``scores``)."""
    report = GateReport()
    default_margin = float(baseline.get("margin", DEFAULT_MARGIN))
    for name, spec in baseline["datasets"].items():
        result = results.get(name)
        if result is None:
            report.skipped.append(f"{name}: not run (gold file not available here)")
            continue
        if spec.get("sha256") and result.get("gold_sha256") != spec["sha256"]:
            report.failures.append(
                f"{name}: gold file changed (sha256 {str(result.get('gold_sha256'))[:12]}… vs baseline "
                f"{spec['sha256'][:12]}…); re-measure and run `cronica eval-gate --update --force`"
            )
            continue
        margin = float(spec.get("margin", default_margin))
        scores = result.get("scores", {})
        for fld, floor in sorted(spec.get("floors", {}).items()):
            entry = scores.get(fld)
            if entry is None:
                report.failures.append(f"{name}.{fld}: no longer reported (floor {floor})")
                continue
            score = float(entry["score"])
            line = f"{name}.{fld}: {score:.3f} (floor {floor:.3f}, margin {margin})"
            if not checks_something(float(floor), margin):
                report.failures.append(f"{line}: the floor checks nothing (floor - margin <= 0); remove it")
            elif score < floor - margin - 1e-9:
                report.failures.append(line)
            else:
                report.passes.append(line)
    return report


def update(
    baseline: dict[str, Any], results: dict[str, dict[str, Any]], force: bool = False
) -> dict[str, Any]:
    """A new baseline with floors raised to ``results``; lowered only with ``force``."""
    new = copy.deepcopy(baseline)
    for name, result in results.items():
        spec = new["datasets"].get(name)
        if spec is None:
            continue
        if spec.get("sha256") and spec["sha256"] != result.get("gold_sha256") and not force:
            raise GateError(f"{name}: the gold file changed since the baseline; use --force to re-baseline")
        spec["sha256"] = result.get("gold_sha256")
        margin = float(spec.get("margin", new.get("margin", DEFAULT_MARGIN)))
        floors = spec.setdefault("floors", {})
        for fld, entry in result.get("scores", {}).items():
            score = _floor3(float(entry["score"]))
            floors[fld] = score if force or fld not in floors else max(float(floors[fld]), score)
        for fld in list(floors):
            if (fld not in result.get("scores", {}) and force) or not checks_something(
                float(floors[fld]), margin
            ):
                del floors[fld]
        spec["floors"] = dict(sorted(floors.items()))
        spec["measured"] = {
            k: result.get(k)
            for k in ("date", "model", "model_version", "cronica_version", "spacy_version", "items")
        }
    return new
