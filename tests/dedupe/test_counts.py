"""Counts across reports: every claim kept, ACLED / UCDP / latest derived, tallies never added."""

from __future__ import annotations

from datetime import date

from cronica.dedupe import ReportedClaim, reconcile
from cronica.records import CountClaim
from cronica.store import Store
from store.builders import bolivia, corpus, senkata_followup


def _c(
    report: int, position: int, value: int, qualifier: str = "exact", day: int = 20, **kw: object
) -> ReportedClaim:
    claim = CountClaim("killed", value, qualifier, f"{value} killed", **kw)  # type: ignore[arg-type]
    return ReportedClaim(claim, report, f"doc{report}", date(2019, 11, day), position)


def test_reconcile_derives_acled_ucdp_and_latest() -> None:
    derived = reconcile(
        [_c(1, 0, 8, day=20), _c(2, 0, 6, "at_least", day=21), _c(2, 1, 10, day=21), _c(3, 0, 9, day=19)]
    )
    killed = derived["killed"]
    # per-report current figures: 8 (20 Nov), min(6, 10) = 6 (21 Nov), 9 (19 Nov): the toll of 19 Nov
    # stands; the later, lower figures are partial counts, not corrections
    assert (killed.acled, killed.low, killed.best, killed.high, killed.latest) == (9, 6, 8, 10, 6)
    assert killed.n_reports == 3 and len(killed.claims) == 4


def test_one_low_report_of_a_day_does_not_pull_the_days_toll_down() -> None:
    # 20 Nov: 8, 8 and "at least six"; 21 Nov: 10 -> the day's lower median 8, then 10 replaces it
    same_day = [_c(1, 0, 8), _c(2, 0, 6, "at_least"), _c(3, 0, 8)]
    assert reconcile(same_day)["killed"].acled == 8
    assert reconcile([*same_day, _c(4, 0, 10, day=21)])["killed"].acled == 10
    # two reports of one day: the lower one (ACLED's conservative rule)
    assert reconcile([_c(1, 0, 8), _c(2, 0, 6, "at_least")])["killed"].acled == 6


def test_a_revision_inside_a_report_replaces_its_first_figure() -> None:
    killed = reconcile([_c(1, 0, 7), _c(1, 1, 9, update_of=0)])["killed"]
    assert (killed.acled, killed.low, killed.high, killed.latest) == (9, 9, 9, 9)
    assert [c.claim.value for c in killed.claims] == [7, 9]


def test_ranges_count_by_their_ends() -> None:
    killed = reconcile([_c(1, 0, 12, "range", low=10, high=15), _c(2, 0, 11)])["killed"]
    assert (killed.acled, killed.low, killed.high) == (10, 10, 15)


def test_bolivia_and_a_second_senkata_report_give_one_event_with_both_claims(store: Store) -> None:
    store.add_extraction(bolivia())
    store.add_extraction(senkata_followup())
    store.merge_auto()
    (senkata,) = store.events()
    killed = senkata["counts"]["killed"]
    assert [
        (c["value"], c["qualifier"], c["reported_by"], c["document"], c["reported_on"])
        for c in killed["claims"]
    ] == [
        (8, "exact", "Ombudsman’s Office", "bolivia-2019-11-20.txt", "2019-11-20"),
        (6, "at_least", "the Interior Ministry", "senkata-2019-11-21.txt", "2019-11-21"),
        (10, "exact", "Residents", "senkata-2019-11-21.txt", "2019-11-21"),
    ]
    # the follow-up's own figure is min(6, 10) = 6; the 8 reported the day before stands
    assert killed["derived"] == {"acled": 8, "low": 6, "best": 6, "high": 10, "latest": 6}
    assert senkata["fatalities"] == 8
    injured = senkata["counts"]["injured"]
    assert [c["value"] for c in injured["claims"]] == [30, 22]
    assert {s["document"] for s in senkata["sources"]} == {"bolivia-2019-11-20.txt", "senkata-2019-11-21.txt"}


def test_a_later_reports_higher_toll_replaces_the_first_and_is_not_added(store: Store) -> None:
    for x in corpus():
        store.add_extraction(x)
    store.merge_auto()
    sacaba = next(e for e in store.events() if e["location"]["name"] == "Sacaba")
    derived = sacaba["counts"]["killed"]["derived"]
    # report of 16 Nov: 5; report of 18 Nov: 7 revised to 9 -> current 9, which replaces the 5
    assert derived == {"acled": 9, "low": 5, "best": 5, "high": 9, "latest": 9}
    assert sacaba["fatalities"] == 9


def test_tallies_stay_beside_the_incidents_and_are_never_added(store: Store) -> None:
    for x in corpus():
        store.add_extraction(x)
    store.merge_auto()
    totals = {t["what"]: t for t in store.tallies()}
    unrest = totals["people killed in the unrest"]
    assert (unrest["value"], unrest["qualifier"], unrest["since"], unrest["as_of"]) == (
        32,
        "at_least",
        "2019-10-20",
        "2019-11-21",
    )
    # Senkata (8: the follow-up's "at least 6" does not undo it) + Sacaba (9): the incidents in scope,
    # shown beside the tally of 32, not added to it.
    assert unrest["incidents_sum"] == 17 and unrest["incidents_with_figure"] == 2
    incidents = store.incident_totals()
    assert sum(r["killed"] for r in incidents) == 17
    assert all(r["sources"] for r in incidents)
    arrests = totals["demonstrators arrested"]
    assert arrests["incidents_sum"] == 0 and arrests["reported_by"] == "Ombudsman’s Office"
