"""Which reports describe the same event: candidate pairs, scores with reasons, and clusters.

In: one :class:`ReportView` per stored report (an extracted event with the event it belongs to now),
the pairs of home events a person has kept apart, and :class:`MergeRules`. Out: :class:`MergeDecision`
objects, each "merge event ``absorb`` into ``keep``" with its score and reasons in words. Nothing here
touches a database: the store applies the decisions.

A pair is a candidate only when the dates are both known to the day and at most ``window_days``
apart, the places are the same (gazetteer id, or name and country) or within ``max_distance_km``,
the event types are compatible and the actors do not contradict each other. Reports of the same
document are never merged automatically (the extractor already kept them apart), and neither are
events a person split. Clusters join only when every report of one fits every report of the other
(date window, place, type), so a chain of near neighbours never becomes one event.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

import yaml

from cronica.dedupe.scorers import Scorer, get_scorer
from cronica.errors import DataFileError
from cronica.records import Event


@dataclass(frozen=True)
class MergeRules:
    window_days: int = 1
    max_distance_km: float = 25.0
    threshold: float = 0.55
    text_weight: float = 0.5
    scorer: str = "tfidf"
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
            rules = cls(
                window_days=int(data.get("window_days", 1)),
                max_distance_km=float(data.get("max_distance_km", 25.0)),
                threshold=float(data.get("threshold", 0.55)),
                text_weight=float(data.get("text_weight", 0.5)),
                scorer=str(data.get("scorer", "tfidf")),
                compatible_types=frozenset(frozenset(p) for p in pairs),
            )
        except (TypeError, ValueError) as exc:
            raise DataFileError(f"{source}: {exc}") from exc
        if rules.window_days < 0 or rules.max_distance_km < 0 or not 0 <= rules.text_weight <= 1:
            raise DataFileError(f"{source}: window_days, max_distance_km must be >= 0, text_weight in 0..1")
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


@dataclass(frozen=True)
class ReportView:
    """What merging needs to know about one report (one document's account of an event)."""

    report: int
    event: int
    home: int
    document: str
    event_type: str
    sub_event_type: str
    date: date | None
    date_precision: str | None
    place_name: str | None
    gazetteer_id: str | None
    country_code: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    inter1: int | None
    inter2: int | None
    actor1: str | None
    actor2: str | None
    text: str

    @classmethod
    def from_event(cls, event: Event, report: int, current: int, home: int | None = None) -> ReportView:
        """A view of an extracted :class:`~cronica.records.Event` (``report``/``current``: store ids)."""
        try:
            day = date.fromisoformat(event.date.value) if event.date.value else None
        except ValueError:
            day = None
        place = event.location
        text = " ".join(s.text for s in (event.sentence, event.trigger) if s is not None)
        return cls(
            report=report,
            event=current,
            home=current if home is None else home,
            document=event.document,
            event_type=event.event_type,
            sub_event_type=event.sub_event_type,
            date=day,
            date_precision=event.date.precision,
            place_name=place.name,
            gazetteer_id=place.gazetteer_id,
            country_code=place.country_code,
            admin1=place.admin1,
            latitude=place.latitude,
            longitude=place.longitude,
            geo_precision=place.precision,
            inter1=event.actor1.inter if event.actor1 else None,
            inter2=event.actor2.inter if event.actor2 else None,
            actor1=event.actor1.name if event.actor1 else None,
            actor2=event.actor2.name if event.actor2 else None,
            text=text,
        )


@dataclass(frozen=True)
class PairScore:
    a: ReportView
    b: ReportView
    score: float
    text_score: float
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


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def _place_agreement(a: ReportView, b: ReportView, rules: MergeRules) -> tuple[float, str] | None:
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return 1.0, f"same place: {a.place_name} (gazetteer {a.gazetteer_id})"
    if (
        a.latitude is not None
        and a.longitude is not None
        and b.latitude is not None
        and b.longitude is not None
    ):
        km = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
        if km <= rules.max_distance_km:
            score = 1.0 if km < 1.0 else 0.7
            return score, f"places {km:.1f} km apart: {a.place_name} / {b.place_name}"
        if a.gazetteer_id and b.gazetteer_id:
            return None
    if a.place_name and _norm(a.place_name) == _norm(b.place_name):
        if a.country_code and b.country_code and a.country_code != b.country_code:
            return None
        return 0.9, f"same place name: {a.place_name}"
    return None


def _actor_agreement(a: ReportView, b: ReportView) -> tuple[float, str] | None:
    codes_a = {c for c in (a.inter1, a.inter2) if c is not None}
    codes_b = {c for c in (b.inter1, b.inter2) if c is not None}
    if not codes_a or not codes_b:
        return 0.5, "actors not known in one report"
    if (a.inter1, a.inter2) == (b.inter1, b.inter2):
        names = " / ".join(x for x in (a.actor1, a.actor2) if x)
        return 1.0, f"same actor types ({names})"
    if a.inter1 is not None and a.inter1 == b.inter1:
        return 0.8, f"same perpetrator type (inter {a.inter1})"
    if codes_a & codes_b:
        return 0.5, f"shared actor type (inter {sorted(codes_a & codes_b)})"
    return None


def compare(a: ReportView, b: ReportView, rules: MergeRules, scorer: Scorer) -> PairScore | None:
    """Score one pair, or ``None`` when date, place, type or actors rule it out."""
    if a.date is None or b.date is None or a.date_precision != "day" or b.date_precision != "day":
        return None
    days = abs((a.date - b.date).days)
    if days > rules.window_days:
        return None
    if not rules.types_compatible(a.event_type, b.event_type):
        return None
    place = _place_agreement(a, b, rules)
    if place is None:
        return None
    actors = _actor_agreement(a, b)
    if actors is None:
        return None
    date_s, date_r = (1.0, f"same day ({a.date})") if days == 0 else (0.75, f"dates {days} day(s) apart")
    if a.sub_event_type == b.sub_event_type and a.event_type == b.event_type:
        type_s, type_r = 1.0, f"same type: {a.event_type} / {a.sub_event_type}"
    elif a.event_type == b.event_type:
        type_s, type_r = 0.8, f"same event type: {a.event_type}"
    else:
        type_s, type_r = 0.5, f"compatible types: {a.event_type} / {b.event_type}"
    structure = (date_s + place[0] + type_s + actors[0]) / 4
    text_score = scorer.score(a.text, b.text)
    score = rules.text_weight * text_score + (1 - rules.text_weight) * structure
    reasons = (
        date_r,
        place[1],
        type_r,
        actors[1],
        f"{scorer.name} similarity of evidence {text_score:.2f}",
        f"score {score:.2f} (threshold {rules.threshold:.2f})",
    )
    return PairScore(a, b, score, text_score, reasons)


def compatible(a: ReportView, b: ReportView, rules: MergeRules) -> bool:
    """Whether date, type and place allow ``a`` and ``b`` to be one event (no text, no threshold)."""
    if a.date is None or b.date is None or abs((a.date - b.date).days) > rules.window_days:
        return False
    return rules.types_compatible(a.event_type, b.event_type) and _place_agreement(a, b, rules) is not None


def candidate_pairs(
    views: Sequence[ReportView], rules: MergeRules
) -> Iterable[tuple[ReportView, ReportView]]:
    """Pairs of reports in different events and documents whose dates fall within the window."""
    dated = sorted((v for v in views if v.date is not None), key=lambda v: (v.date, v.report))
    for i, a in enumerate(dated):
        assert a.date is not None
        for b in dated[i + 1 :]:
            assert b.date is not None
            if (b.date - a.date).days > rules.window_days:
                break
            if a.event != b.event and a.document != b.document:
                yield a, b


def plan_merges(
    views: Sequence[ReportView],
    blocked: Iterable[tuple[int, int]] = (),
    rules: MergeRules | None = None,
    scorer: Scorer | None = None,
) -> list[MergeDecision]:
    """Decide which current events to merge; the older event (lower id) absorbs the newer.

    ``blocked`` holds pairs of home events a person split apart: clusters containing both are never
    joined. Pairs are taken best score first, so a report joins the event it resembles most.
    """
    rules = rules or MergeRules.load()
    scorer = scorer or get_scorer(rules.scorer)
    scorer.fit([v.text for v in views])
    scored = [p for a, b in candidate_pairs(views, rules) if (p := compare(a, b, rules, scorer)) is not None]
    accepted = sorted((p for p in scored if p.score >= rules.threshold), key=lambda p: (-p.score, p.a.report))

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
        if ea == eb or docs[ea] & docs[eb]:
            continue
        if any(frozenset((h1, h2)) in block_set for h1 in homes[ea] for h2 in homes[eb]):
            continue
        # Every report of one cluster must fit every report of the other: no chains of near neighbours.
        if not all(compatible(x, y, rules) for x in members[ea] for y in members[eb]):
            continue
        keep, absorb = min(ea, eb), max(ea, eb)
        parent[absorb] = keep
        homes[keep] |= homes.pop(absorb)
        docs[keep] |= docs.pop(absorb)
        members[keep].extend(members.pop(absorb))
        decisions.append(
            MergeDecision(
                keep, absorb, round(pair.score, 4), scorer.name, pair.reasons, (pair.a.report, pair.b.report)
            )
        )
    return decisions
