"""How two reports relate: hard compatibility (may they be one event at all?) and the features a
learned model scores.

In: two :class:`~cronica.dedupe.views.ReportView` objects, the merge rules' limits and a text
similarity. Out: :func:`compatible` (``None`` or the reason they cannot be one event) and
:func:`pair_features` (named numbers plus the reasons in words). Nothing here fails on missing
fields: an unknown date, place or actor is a feature value of its own.

Places relate through the gazetteer's hierarchy, not only by distance: a place whose ACLED precision
is 3 (a region) contains every place in the same admin1 (or admin2) of its country; a country-only
place contains the whole country; two points are the same place within ``max_distance_km``. Two
points farther apart, two regions of different admin1, or two countries are incompatible.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cronica.dedupe.views import ReportView

#: The features a pair model sees, in order (the model file names them; a mismatch is an error).
FEATURES = (
    "same_day",
    "date_gap_days",
    "date_vague",
    "place_same",
    "place_km_log",
    "place_contains",
    "place_country_only",
    "place_unknown",
    "type_same_sub",
    "type_same",
    "actor_same_pair",
    "actor_same_perpetrator",
    "actor_conflict",
    "actor_unknown",
    "killed_both",
    "killed_ratio",
    "killed_one_side",
    "text_similarity",
    "same_document",
)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def date_gap(a: ReportView, b: ReportView) -> int | None:
    """Days between the two date intervals (0 when they overlap), ``None`` when either has no date."""
    ia, ib = a.interval, b.interval
    if ia is None or ib is None:
        return None
    if ia[1] < ib[0]:
        return (ib[0] - ia[1]).days
    if ib[1] < ia[0]:
        return (ia[0] - ib[1]).days
    return 0


def _is_country_only(v: ReportView) -> bool:
    return v.place_status == "country_only" or (
        v.place_name is not None and v.admin1 is None and v.geo_precision == 3 and v.gazetteer_id is None
    )


def _is_region(v: ReportView) -> bool:
    return v.geo_precision == 3 and v.admin1 is not None


def _names_its_region(v: ReportView) -> bool:
    """Whether a region-level place is the region itself ("La Paz department", a gazetteer entry),
    not a place the gazetteer lacks that a guess put at its region's centre."""
    if v.gazetteer_id or not v.place_name:
        return True
    name = _norm(v.place_name)
    return any(part and _norm(part) in name for part in (v.admin1, v.admin2))


def _has_point(v: ReportView) -> bool:
    return (
        v.latitude is not None and v.longitude is not None and not _is_region(v) and not _is_country_only(v)
    )


@dataclass(frozen=True)
class PlaceRelation:
    """``kind``: same, near, contains, country, unknown, or far/elsewhere (incompatible)."""

    kind: str
    km: float | None
    reason: str

    @property
    def compatible(self) -> bool:
        return self.kind not in ("far", "elsewhere")


def place_relation(a: ReportView, b: ReportView, max_km: float) -> PlaceRelation:
    """How the two reports' places relate through the gazetteer's hierarchy."""
    names = f"{a.place_name} / {b.place_name}"
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return PlaceRelation("elsewhere", None, f"different countries: {a.country_code} / {b.country_code}")
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return PlaceRelation("same", 0.0, f"same place: {a.place_name} (gazetteer {a.gazetteer_id})")
    if _has_point(a) and _has_point(b):
        assert a.latitude is not None and a.longitude is not None
        assert b.latitude is not None and b.longitude is not None
        km = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
        if km <= max_km:
            kind = "same" if km < 1.0 else "near"
            return PlaceRelation(kind, km, f"places {km:.1f} km apart: {names}")
        return PlaceRelation("far", km, f"places {km:.0f} km apart: {names}")
    if a.place_name and _norm(a.place_name) == _norm(b.place_name):
        return PlaceRelation("same", None, f"same place name: {a.place_name}")
    if _is_country_only(a) or _is_country_only(b):
        if a.country_code and a.country_code == b.country_code:
            return PlaceRelation("country", None, f"one report names only the country: {names}")
        return PlaceRelation("unknown", None, f"places not comparable: {names}")
    for outer, inner in ((a, b), (b, a)):
        if _is_region(outer) and not _names_its_region(outer) and inner.place_name != outer.place_name:
            # "Ovejuyo" and "Yapacaní", names the gazetteer lacks, each placed by a guess in a region:
            # a named place is no container of another, whatever region the guesses share
            return PlaceRelation(
                "unknown", None, f"a place the gazetteer lacks, placed in its region: {names}"
            )
        if _is_region(outer) and outer.country_code == inner.country_code:
            if outer.admin2 and inner.admin2:
                if _norm(outer.admin2) == _norm(inner.admin2):
                    return PlaceRelation("contains", None, f"{inner.place_name} lies in {outer.place_name}")
                return PlaceRelation("far", None, f"different districts: {names}")
            if _norm(outer.admin1) == _norm(inner.admin1):
                return PlaceRelation("contains", None, f"{inner.place_name} lies in {outer.place_name}")
            if inner.admin1 is not None:
                return PlaceRelation("far", None, f"different regions: {outer.admin1} / {inner.admin1}")
    if a.place_name is None or b.place_name is None or a.admin1 is None or b.admin1 is None:
        return PlaceRelation("unknown", None, f"a place is not resolved: {names}")
    if _norm(a.admin1) == _norm(b.admin1):
        return PlaceRelation("contains", None, f"same region ({a.admin1}): {names}")
    return PlaceRelation("far", None, f"different regions: {a.admin1} / {b.admin1}")


@dataclass(frozen=True)
class PairFeatures:
    values: dict[str, float]
    reasons: tuple[str, ...]


def pair_features(
    a: ReportView, b: ReportView, place: PlaceRelation, gap: int, text_similarity: float, scorer_name: str
) -> PairFeatures:
    """The :data:`FEATURES` of a compatible pair, with the reasons in words."""
    v: dict[str, float] = dict.fromkeys(FEATURES, 0.0)
    reasons: list[str] = []
    both_day = a.date_precision == "day" and b.date_precision == "day"
    if both_day and gap == 0:
        v["same_day"] = 1.0
        reasons.append(f"same day ({a.date})")
    else:
        v["date_gap_days"] = float(gap)
        v["date_vague"] = 0.0 if both_day else 1.0
        what = "dates" if both_day else f"dates ({a.date_precision} / {b.date_precision})"
        reasons.append(f"{what} {gap} day(s) apart" if gap else f"{what} overlap")
    v["place_same"] = 1.0 if place.kind == "same" else 0.0
    if place.km is not None and place.kind in ("same", "near"):
        v["place_km_log"] = math.log1p(place.km)
    v["place_contains"] = 1.0 if place.kind == "contains" else 0.0
    v["place_country_only"] = 1.0 if place.kind == "country" else 0.0
    v["place_unknown"] = 1.0 if place.kind == "unknown" else 0.0
    reasons.append(place.reason)
    if a.event_type == b.event_type and a.sub_event_type == b.sub_event_type:
        v["type_same_sub"] = v["type_same"] = 1.0
        reasons.append(f"same type: {a.event_type} / {a.sub_event_type}")
    elif a.event_type == b.event_type:
        v["type_same"] = 1.0
        reasons.append(f"same event type: {a.event_type} ({a.sub_event_type} / {b.sub_event_type})")
    else:
        reasons.append(f"compatible types: {a.event_type} / {b.event_type}")
    if a.inter1 is None or b.inter1 is None:
        v["actor_unknown"] = 1.0
        reasons.append("perpetrator not known in one report")
    elif (a.inter1, a.inter2) == (b.inter1, b.inter2):
        v["actor_same_pair"] = v["actor_same_perpetrator"] = 1.0
        reasons.append("same actor types (" + " / ".join(x for x in (a.actor1, a.actor2) if x) + ")")
    elif a.inter1 == b.inter1:
        v["actor_same_perpetrator"] = 1.0
        reasons.append(f"same perpetrator type (inter {a.inter1})")
    else:
        v["actor_conflict"] = 1.0
        reasons.append(f"different perpetrator types (inter {a.inter1} / {b.inter1})")
    ka, kb = a.killed or 0, b.killed or 0
    if ka and kb:
        v["killed_both"] = 1.0
        v["killed_ratio"] = min(ka, kb) / max(ka, kb)
        reasons.append(f"both report deaths ({ka} / {kb})")
        if (a.killed_revised and ka > kb) or (b.killed_revised and kb > ka):
            # "the death toll from Friday's massacre has risen to 132": a revised toll above the other
            # report's figure is that figure grown, not a disagreement
            v["killed_ratio"] = 1.0
            reasons.append(f"a revised toll ({max(ka, kb)}) above the other's figure ({min(ka, kb)})")
    elif ka or kb:
        v["killed_one_side"] = 1.0
        reasons.append("only one report gives deaths")
    v["text_similarity"] = text_similarity
    reasons.append(f"{scorer_name} similarity of evidence {text_similarity:.2f}")
    if a.document == b.document:
        v["same_document"] = 1.0
        reasons.append("both told in one document")
    return PairFeatures(v, tuple(reasons))
