"""Measuring cronica on gold sets that others annotated, and a quality gate whose floors only rise.

One reader module per gold format (:mod:`~cronica.eval.acled_csv`, :mod:`~cronica.eval.plover_gsr`,
:mod:`~cronica.eval.case2021`, :mod:`~cronica.eval.wikievents`, :mod:`~cronica.eval.cronica_gold`)
turns a publisher's file into typed :class:`GoldItem` objects; :mod:`~cronica.eval.matching` pairs
gold with predicted records; :mod:`~cronica.eval.metrics` scores; :mod:`~cronica.eval.runner` runs a
set end to end; :mod:`~cronica.eval.report` prints it; :mod:`~cronica.eval.gate` holds the floors.
Taxonomy mappings are data: ``cronica/data/eval/*.yaml``. See docs/evaluation.md.
"""

from cronica.eval.gate import GateError, GateReport, check, update
from cronica.eval.gold import CountExpectation, GoldItem, GoldRecord, split_of
from cronica.eval.metrics import Scorer
from cronica.eval.runner import FORMATS, load_items, run, score_items

__all__ = [
    "FORMATS",
    "CountExpectation",
    "GateError",
    "GateReport",
    "GoldItem",
    "GoldRecord",
    "Scorer",
    "check",
    "load_items",
    "run",
    "score_items",
    "split_of",
    "update",
]
