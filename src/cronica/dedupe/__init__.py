"""Merging reports of the same event, and reconciling their numbers.

:func:`plan_merges` decides which events to merge (with reasons); :func:`reconcile` derives ACLED's
conservative figure, UCDP-style low / best / high and the latest reported from every claim. The
store applies and records the decisions; nothing here touches a database.
"""

from cronica.dedupe.counts import Reconciled, ReportedClaim, reconcile, reconcile_category
from cronica.dedupe.merge import MergeDecision, MergeRules, ReportView, compare, distance_km, plan_merges
from cronica.dedupe.scorers import OverlapScorer, Scorer, TfidfScorer, get_scorer

__all__ = [
    "MergeDecision",
    "MergeRules",
    "OverlapScorer",
    "Reconciled",
    "ReportView",
    "ReportedClaim",
    "Scorer",
    "TfidfScorer",
    "compare",
    "distance_km",
    "get_scorer",
    "plan_merges",
    "reconcile",
    "reconcile_category",
]
