"""The learned pair model: logistic regression over :data:`~cronica.dedupe.features.FEATURES`.

In: a JSON file (the packaged ``cronica/data/merge_model.json`` by default; written by
``scripts/fit_merge_model.py`` from the labelled pairs in ``eval/pairs``). Out: :meth:`PairModel.probability`,
the probability that two compatible reports describe one event. A file that is missing, malformed or
names other features than the code computes raises :class:`~cronica.errors.DataFileError` naming it.
Scoring needs no third-party library: standardise, dot product, logistic function.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from cronica.dedupe.features import FEATURES
from cronica.errors import DataFileError

PACKAGED = "data/merge_model.json"


@dataclass(frozen=True)
class PairModel:
    """A standardised logistic regression: coefficients, the threshold chosen when fitting, provenance."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float
    name: str = "logistic"
    fitted_on: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str = "<model>") -> PairModel:
        try:
            features = tuple(str(f) for f in data["features"])
            model = cls(
                features=features,
                mean=tuple(float(x) for x in data["mean"]),
                scale=tuple(float(x) for x in data["scale"]),
                coef=tuple(float(x) for x in data["coef"]),
                intercept=float(data["intercept"]),
                threshold=float(data["threshold"]),
                name=str(data.get("name", "logistic")),
                fitted_on=dict(data.get("fitted_on") or {}),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError(f"{source}: not a pair model ({exc!r})") from exc
        if features != FEATURES:
            raise DataFileError(
                f"{source}: fitted on features {list(features)}, the code computes {list(FEATURES)}; "
                "refit with scripts/fit_merge_model.py"
            )
        if not (len(model.mean) == len(model.scale) == len(model.coef) == len(features)):
            raise DataFileError(f"{source}: mean, scale and coef must have one value per feature")
        if not 0 < model.threshold < 1 or any(s <= 0 for s in model.scale):
            raise DataFileError(f"{source}: threshold must be in (0, 1) and every scale > 0")
        return model

    @classmethod
    def load(cls, path: str | None = None) -> PairModel:
        """The model in ``path``, else the packaged one."""
        source = path or f"cronica/{PACKAGED}"
        try:
            if path is None:
                text = resources.files("cronica").joinpath(PACKAGED).read_text("utf-8")
            else:
                with open(path, encoding="utf-8") as fh:
                    text = fh.read()
            data = json.loads(text)
        except (OSError, json.JSONDecodeError) as exc:
            raise DataFileError(f"cannot read pair model {source}: {exc}") from exc
        if not isinstance(data, dict):
            raise DataFileError(f"{source}: expected a JSON object")
        return cls.from_mapping(data, source)

    def to_mapping(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
            "threshold": self.threshold,
            "fitted_on": dict(self.fitted_on),
        }

    def probability(self, values: Mapping[str, float]) -> float:
        """P(same event) for one pair's feature values."""
        z = self.intercept
        for name, mu, sd, w in zip(self.features, self.mean, self.scale, self.coef, strict=True):
            z += w * (values.get(name, 0.0) - mu) / sd
        if z < -40:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))
