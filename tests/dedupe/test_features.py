"""Pair features: date intervals against precision, places through the gazetteer's hierarchy, blocking."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from cronica.dedupe import MergeRules, ReportView, candidate_pairs, place_relation
from cronica.dedupe.features import date_gap


def _view(n: int, **kw: object) -> ReportView:
    base = dict(
        report=n,
        event=n,
        home=n,
        document=f"doc{n}",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        date=date(2022, 6, 5),
        date_precision="day",
        place_name="Maru",
        gazetteer_id="geonames:2330717",
        country_code="NG",
        admin1="Zamfara",
        latitude=12.3336,
        longitude=6.40372,
        geo_precision=1,
        inter1=3,
        inter2=7,
        actor1="Bandits",
        actor2="Civilians",
        text="Gunmen killed villagers in Maru",
    )
    base.update(kw)
    return ReportView(**base)  # type: ignore[arg-type]


def test_a_town_inside_the_region_another_report_names_is_the_same_place() -> None:
    town = _view(1)
    state = _view(2, place_name="Zamfara State", gazetteer_id="geonames:2595349", geo_precision=3)
    rel = place_relation(town, state, 25)
    assert rel.kind == "contains" and rel.compatible


def test_two_towns_fifty_km_apart_are_not_one_place() -> None:
    maru = _view(1)
    gusau = _view(
        2, place_name="Gusau", gazetteer_id="geonames:2339937", latitude=12.17024, longitude=6.66412
    )
    rel = place_relation(maru, gusau, 25)
    assert not rel.compatible and "km apart" in rel.reason


def test_a_region_elsewhere_in_the_country_is_not_compatible() -> None:
    maru = _view(1)
    katsina = _view(2, place_name="Katsina State", gazetteer_id="x", admin1="Katsina", geo_precision=3)
    assert not place_relation(maru, katsina, 25).compatible


def test_a_week_precision_date_overlaps_the_days_it_covers() -> None:
    day = _view(1)
    week = _view(
        2,
        date=date(2022, 5, 30),
        date_precision="week",
        date_start=date(2022, 5, 30),
        date_end=date(2022, 6, 5),
    )
    assert date_gap(day, week) == 0
    later = replace(day, date=date(2022, 6, 9))
    assert date_gap(later, week) == 4


def test_blocking_compares_only_reports_of_one_country_and_nearby_days() -> None:
    rules = MergeRules.load()
    views = [_view(i, date=date(2022, 1, 1 + i % 28)) for i in range(1, 57)]
    views += [replace(v, report=v.report + 100, event=v.event + 100, country_code="KE") for v in views[:5]]
    pairs = list(candidate_pairs(views, rules))
    assert all(a.country_code == b.country_code for a, b in pairs)
    assert all(abs((a.date - b.date).days) <= rules.window_days for a, b in pairs)  # type: ignore[operator]
    # 56 Nigerian reports on 28 days (two a day): far fewer pairs than all 1,540 of them
    assert len(pairs) < 200
