"""Merging reports of the same event, and reconciling their numbers.

:func:`plan_merges` decides which events to merge (blocking by country and date, compatibility through
the gazetteer's hierarchy, a learned pair model, clustering), with reasons; :func:`reconcile` derives
ACLED's figure, UCDP-style low / best / high and the latest reported from every claim. The store
applies and records the decisions; nothing here touches a database.
"""

from cronica.dedupe.counts import Reconciled, ReportedClaim, reconcile, reconcile_category
from cronica.dedupe.features import FEATURES, distance_km, place_relation
from cronica.dedupe.merge import (
    MergeDecision,
    MergeRules,
    PairScore,
    candidate_pairs,
    compare,
    compatible,
    plan_merges,
    score_pairs,
)
from cronica.dedupe.model import PairModel
from cronica.dedupe.scorers import OverlapScorer, Scorer, TfidfScorer, get_scorer
from cronica.dedupe.views import ReportView

__all__ = [
    "FEATURES",
    "MergeDecision",
    "MergeRules",
    "OverlapScorer",
    "PairModel",
    "PairScore",
    "Reconciled",
    "ReportView",
    "ReportedClaim",
    "Scorer",
    "TfidfScorer",
    "candidate_pairs",
    "compare",
    "compatible",
    "distance_km",
    "get_scorer",
    "place_relation",
    "plan_merges",
    "reconcile",
    "reconcile_category",
    "score_pairs",
]
