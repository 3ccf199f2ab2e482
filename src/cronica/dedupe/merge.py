"""Which reports describe the same event: blocking, scoring with the learned pair model, clustering.

In: one :class:`ReportView` per stored report (an extracted event with the event it belongs to now),
the pairs of home events a person has kept apart, :class:`MergeRules` and a :class:`PairModel`.
Out: :class:`MergeDecision` objects, each "merge event ``absorb`` into ``keep``" with its probability
and the reasons in words. Nothing here touches a database: the store applies the decisions.

1. **Blocking** (:func:`candidate_pairs`): a report is filed under its country and each day its date
   interval allows (a day, or every day of a week or month); only reports filed within
   ``window_days`` of each other in one country are ever compared, so the work grows with the number
   of reports times the reports per country and day, not with the square of the corpus. Reports
   with no date, no country, or a date vaguer than ``max_interval_days`` are not compared.
2. **Compatibility** (:func:`compatible`): the date intervals at most ``window_days`` apart, the
   places related through the gazetteer's hierarchy (:func:`~cronica.dedupe.features.place_relation`),
   the event types compatible (``compatible_types``).
3. **Scoring**: the pair's features (date gap against precision, place distance or containment, type,
   actors, counts, TF-IDF similarity of the evidence sentences, same document) go through the learned
   logistic model; a pair merges when its probability reaches the model's threshold.
4. **Clustering**: pairs best first; two clusters join only when every report of one is compatible
   with every report of the other (no chains of near neighbours), when no person kept their home
   events apart, and, if they share a document, only through a pair told within that document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from importlib import resources
from typing import Any

import yaml

from cronica.dedupe.features import PlaceRelation, date_gap, distance_km, pair_features, place_relation
from cronica.dedupe.model import PairModel
from cronica.dedupe.scorers import Scorer, get_scorer
from cronica.dedupe.views import ReportView
from cronica.errors import DataFileError

__all__ = [
    "MergeDecision",
    "MergeRules",
    "PairScore",
    "ReportView",
    "candidate_pairs",
    "compare",
    "compatible",
    "distance_km",
    "plan_merges",
]


@dataclass(frozen=True)
class MergeRules:
    """Limits on what may be one event (merge_rules.yaml); the weights live in the pair model."""

    window_days: int = 1
    max_distance_km: float = 25.0
    max_interval_days: int = 31
    scorer: str = "tfidf"
    model: str | None = None
    threshold: float | None = None
    compatible_types: frozenset[frozenset[str]] = frozenset()

    @classmethod
    def from_mapping(cls, data: dict[str, Any], source: str = "<rules>") -> MergeRules:
        try:
            pairs = data.get("compatible_types", [])
            if not isinstance(pairs, list) or any(
                not isinstance(p, list) or len(p) != 2 or not all(isinstance(x, str) for x in p)
                for p in pairs
            ):
                raise ValueError("compatible_types must be a list of [type, type] pairs")
            threshold = data.get("threshold")
            rules = cls(
                window_days=int(data.get("window_days", 1)),
                max_distance_km=float(data.get("max_distance_km", 25.0)),
                max_interval_days=int(data.get("max_interval_days", 31)),
                scorer=str(data.get("scorer", "tfidf")),
                model=str(data["model"]) if data.get("model") else None,
                threshold=float(threshold) if threshold is not None else None,
                compatible_types=frozenset(frozenset(p) for p in pairs),
            )
        except (TypeError, ValueError) as exc:
            raise DataFileError(f"{source}: {exc}") from exc
        if rules.window_days < 0 or rules.max_distance_km < 0 or rules.max_interval_days < 0:
            raise DataFileError(f"{source}: window_days, max_distance_km, max_interval_days must be >= 0")
        if rules.threshold is not None and not 0 < rules.threshold < 1:
            raise DataFileError(f"{source}: threshold must be between 0 and 1")
        return rules

    @classmethod
    def load(cls, path: str | None = None) -> MergeRules:
        """The rules in ``path``, else the packaged ``cronica/data/merge_rules.yaml``."""
        try:
            if path is None:
                text = resources.files("cronica").joinpath("data/merge_rules.yaml").read_text("utf-8")
                source = "cronica/data/merge_rules.yaml"
            else:
                with open(path, encoding="utf-8") as fh:
                    text = fh.read()
                source = path
            data = yaml.safe_load(text) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise DataFileError(f"cannot read merge rules: {exc}") from exc
        if not isinstance(data, dict):
            raise DataFileError(f"{source}: expected a mapping")
        return cls.from_mapping(data, source)

    def types_compatible(self, a: str, b: str) -> bool:
        return a == b or frozenset((a, b)) in self.compatible_types

    def pair_model(self) -> PairModel:
        return PairModel.load(self.model)


@dataclass(frozen=True)
class PairScore:
    a: ReportView
    b: ReportView
    score: float
    features: dict[str, float]
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class MergeDecision:
    """Merge event ``absorb`` into event ``keep``, because of the pair ``reports``."""

    keep: int
    absorb: int
    score: float
    scorer: str
    reasons: tuple[str, ...]
    reports: tuple[int, int] = field(default=(0, 0))
    #: the scorer's inputs for the pair (feature name -> value), stored in ``merges.features``
    features: dict[str, float] = field(default_factory=dict)


def _relation(a: ReportView, b: ReportView, rules: MergeRules) -> tuple[int, PlaceRelation] | None:
    gap = date_gap(a, b)
    if gap is None or gap > rules.window_days or not rules.types_compatible(a.event_type, b.event_type):
        return None
    place = place_relation(a, b, rules.max_distance_km)
    return (gap, place) if place.compatible else None


def compatible(a: ReportView, b: ReportView, rules: MergeRules) -> bool:
    """Whether date, type and place allow ``a`` and ``b`` to be one event (no text, no model)."""
    return _relation(a, b, rules) is not None


def _blockable(v: ReportView, rules: MergeRules) -> bool:
    iv = v.interval
    return iv is not None and bool(v.country_code) and (iv[1] - iv[0]).days <= rules.max_interval_days


def candidate_pairs(
    views: Sequence[ReportView], rules: MergeRules
) -> Iterator[tuple[ReportView, ReportView]]:
    """Pairs of reports in different events whose country agrees and whose dates fall within the window.

    Each report is filed under (country, day) for every day of its date interval; a report meets only
    the reports filed on the days of its interval widened by ``window_days``.
    """
    blocks: dict[tuple[str, int], list[int]] = defaultdict(list)
    usable = [v for v in views if _blockable(v, rules)]
    for i, v in enumerate(usable):
        assert v.interval is not None
        start, end = v.interval
        for d in range(start.toordinal(), end.toordinal() + 1):
            blocks[(v.country_code or "", d)].append(i)
    window = timedelta(days=rules.window_days)
    for i, a in enumerate(usable):
        assert a.interval is not None
        start, end = a.interval
        seen: set[int] = set()
        for d in range((start - window).toordinal(), (end + window).toordinal() + 1):
            for j in blocks.get((a.country_code or "", d), ()):
                if j > i and j not in seen:
                    seen.add(j)
                    b = usable[j]
                    if a.event != b.event:
                        yield a, b


def compare(
    a: ReportView, b: ReportView, rules: MergeRules, scorer: Scorer, model: PairModel
) -> PairScore | None:
    """Score one pair, or ``None`` when date, place or type rule it out."""
    relation = _relation(a, b, rules)
    if relation is None:
        return None
    gap, place = relation
    feats = pair_features(a, b, place, gap, scorer.score(a.text, b.text), scorer.name)
    p = model.probability(feats.values)
    threshold = rules.threshold if rules.threshold is not None else model.threshold
    reasons = (*feats.reasons, f"P(same event) {p:.2f} (threshold {threshold:.2f}, {model.name} model)")
    return PairScore(a, b, p, feats.values, reasons)


def score_pairs(
    views: Sequence[ReportView], rules: MergeRules, scorer: Scorer, model: PairModel
) -> list[PairScore]:
    """Every compatible candidate pair with its probability (the scorer must be fitted already)."""
    return [
        p for a, b in candidate_pairs(views, rules) if (p := compare(a, b, rules, scorer, model)) is not None
    ]


def plan_merges(
    views: Sequence[ReportView],
    blocked: Iterable[tuple[int, int]] = (),
    rules: MergeRules | None = None,
    scorer: Scorer | None = None,
    model: PairModel | None = None,
) -> list[MergeDecision]:
    """Decide which current events to merge; the older event (lower id) absorbs the newer.

    ``blocked`` holds pairs of home events a person split apart: clusters containing both are never
    joined. Pairs are taken best score first, so a report joins the event it resembles most.
    """
    rules = rules or MergeRules.load()
    scorer = scorer or get_scorer(rules.scorer)
    model = model or rules.pair_model()
    threshold = rules.threshold if rules.threshold is not None else model.threshold
    scorer.fit([v.text for v in views])
    accepted = sorted(
        (p for p in score_pairs(views, rules, scorer, model) if p.score >= threshold),
        key=lambda p: (-p.score, p.a.report, p.b.report),
    )
    parent: dict[int, int] = {}
    homes: dict[int, set[int]] = {}
    docs: dict[int, set[str]] = {}
    members: dict[int, list[ReportView]] = {}
    for v in views:
        members.setdefault(v.event, []).append(v)
        parent.setdefault(v.event, v.event)
        homes.setdefault(v.event, set()).add(v.home)
        docs.setdefault(v.event, set()).add(v.document)
    block_set = {frozenset(p) for p in blocked}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    decisions: list[MergeDecision] = []
    for pair in accepted:
        ea, eb = find(pair.a.event), find(pair.b.event)
        if ea == eb:
            continue
        shared = docs[ea] & docs[eb]
        if shared and not (pair.a.document == pair.b.document and shared == {pair.a.document}):
            continue
        if any(frozenset((h1, h2)) in block_set for h1 in homes[ea] for h2 in homes[eb]):
            continue
        if not all(compatible(x, y, rules) for x in members[ea] for y in members[eb]):
            continue
        keep, absorb = min(ea, eb), max(ea, eb)
        parent[absorb] = keep
        homes[keep] |= homes.pop(absorb)
        docs[keep] |= docs.pop(absorb)
        members[keep].extend(members.pop(absorb))
        decisions.append(
            MergeDecision(
                keep,
                absorb,
                round(pair.score, 4),
                model.name,
                pair.reasons,
                (pair.a.report, pair.b.report),
                {name: round(float(value), 4) for name, value in pair.features.items()},
            )
        )
    return decisions
