"""Merging reports of the same event: candidates, reasons, forced merges and splits that survive re-merges."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cronica.dedupe import MergeRules, OverlapScorer, ReportView, TfidfScorer, get_scorer, plan_merges
from cronica.errors import DataFileError
from cronica.store import Store, StoreError
from store.builders import bolivia, corpus, la_paz_march, sacaba_first, sacaba_second, senkata_followup


def _views() -> list[ReportView]:
    extractions = [bolivia(), senkata_followup(), sacaba_first(), sacaba_second(), la_paz_march()]
    return [
        ReportView.from_event(x.events[0], report=i + 1, current=i + 1) for i, x in enumerate(extractions)
    ]


def _event_of(store: Store, place: str) -> dict:
    return next(e for e in store.events() if e["location"]["name"] == place)


def test_packaged_merge_rules_validate() -> None:
    rules = MergeRules.load()
    assert rules.window_days >= 0 and rules.threshold is None and 0 < rules.pair_model().threshold < 1
    assert rules.types_compatible("Protests", "Riots") and rules.types_compatible("Riots", "Protests")
    assert not rules.types_compatible("Protests", "Strategic developments")


def test_bad_merge_rules_fail_with_the_file_named(tmp_path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text("compatible_types: [[Protests]]\n")
    with pytest.raises(DataFileError, match="rules.yaml"):
        MergeRules.load(str(bad))


def test_scorers_rank_the_same_story_above_a_different_one() -> None:
    a = "Soldiers and police fired on protesters blocking the Senkata gas plant in El Alto, killing six"
    b = "eight people were killed in a military-police operation to break a siege at the Senkata gas plant"
    c = "Thousands of people marched peacefully through the centre of La Paz"
    for scorer in (TfidfScorer(), OverlapScorer()):
        scorer.fit([a, b, c])
        assert scorer.score(a, b) > scorer.score(a, c)
        assert scorer.score(a, a) == pytest.approx(1.0)


def test_a_scorer_can_be_named_by_import_path() -> None:
    assert get_scorer("cronica.dedupe.scorers:OverlapScorer").name == "overlap"
    with pytest.raises(DataFileError):
        get_scorer("nonsense")


def test_two_reports_of_one_killing_merge_with_reasons_and_others_do_not() -> None:
    decisions = plan_merges(_views())
    pairs = {(d.keep, d.absorb) for d in decisions}
    assert pairs == {(1, 2), (3, 4)}
    senkata = next(d for d in decisions if d.keep == 1)
    assert senkata.reasons[0] == "same day (2019-11-19)"
    assert "same place: Senkata (gazetteer 3904906)" in senkata.reasons
    assert any(r.startswith("tfidf similarity") for r in senkata.reasons)


def test_different_days_places_or_types_are_not_candidates() -> None:
    a, b = _views()[:2]
    assert plan_merges([a, replace(b, date=b.date.replace(day=25))]) == []
    assert (
        plan_merges(
            [a, replace(b, gazetteer_id="999", latitude=-17.78, longitude=-63.18, place_name="Santa Cruz")]
        )
        == []
    )
    assert plan_merges([a, replace(b, event_type="Strategic developments", sub_event_type="Arrests")]) == []
    assert plan_merges([a, replace(b, country_code="PE", gazetteer_id=None, latitude=None)]) == []


def test_two_accounts_of_one_killing_in_one_long_report_merge_and_say_so() -> None:
    a, b = _views()[:2]
    (decision,) = plan_merges([a, replace(b, document=a.document)])
    assert "both told in one document" in decision.reasons


def test_nearby_places_merge_and_say_how_far_apart() -> None:
    a, b = _views()[:2]
    near = replace(b, gazetteer_id="other", latitude=-16.55, longitude=-68.20, place_name="Senkata plant")
    (decision,) = plan_merges([a, near])
    assert any("km apart" in r for r in decision.reasons)


def test_blocked_pairs_are_never_merged() -> None:
    a, b = _views()[:2]
    assert plan_merges([a, b], blocked=[(2, 1)]) == []


def test_store_merge_records_reasons_and_keeps_every_report(store: Store) -> None:
    for x in corpus():
        store.add_extraction(x)
    report = store.merge_auto()
    assert report.merged == 2
    merges = store.merges()
    assert all(m["reasons"] and not m["forced"] and m["by"] == "cronica" for m in merges)
    senkata = _event_of(store, "Senkata")
    assert [s["document"] for s in senkata["sources"]] == ["bolivia-2019-11-20.txt", "senkata-2019-11-21.txt"]
    assert senkata["merges"][0]["reasons"][0] == "same day (2019-11-19)"
    assert len(store.events()) == 3


def test_split_survives_a_rerun_of_the_merge(store: Store) -> None:
    for x in corpus():
        store.add_extraction(x)
    store.merge_auto()
    senkata = int(_event_of(store, "Senkata")["id"])
    events = store.split(senkata, by="ombudsman-reviewer", reason="two different operations")
    assert len(events) == 2
    assert store.merge_auto().merged == 0
    assert len([e for e in store.events() if e["location"]["name"] == "Senkata"]) == 2
    undone = [m for m in store.merges() if m["undone"]]
    assert len(undone) == 1
    detail = store.event(senkata)
    assert detail["history"][0]["undone_by"] == "ombudsman-reviewer"
    assert detail["history"][0]["undo_reason"] == "two different operations"


def test_forced_merge_overrides_a_split_and_survives_a_rerun(store: Store) -> None:
    for x in corpus():
        store.add_extraction(x)
    store.merge_auto()
    senkata = int(_event_of(store, "Senkata")["id"])
    a, b = store.split(senkata, by="reviewer")
    kept = store.merge(a, b, by="editor", reason="same operation after all")
    assert store.merge_auto().merged == 0
    event = store.event(kept)
    assert len(event["sources"]) == 2
    forced = [m for m in store.merges() if m["forced"]]
    assert forced == [
        {
            "id": forced[0]["id"],
            "event": kept,
            "absorbed": max(a, b),
            "forced": True,
            "score": None,
            "reasons": ["forced by editor: same operation after all"],
            "by": "editor",
            "undone": False,
        }
    ]


def test_forced_merge_of_unrelated_events_is_kept_by_auto_merge(store: Store) -> None:
    for x in corpus():
        store.add_extraction(x)
    march = int(_event_of(store, "La Paz")["id"])
    sacaba = int(_event_of(store, "Sacaba")["id"])
    kept = store.merge(march, sacaba, by="editor")
    store.merge_auto()
    # The person's merge stands; the second Sacaba report does not fit the La Paz march, so stays apart.
    assert len(store.event(kept)["sources"]) == 2
    assert [m["absorbed"] for m in store.merges() if m["forced"] and not m["undone"]] == [max(march, sacaba)]
    with pytest.raises(StoreError, match="already one event"):
        store.merge(march, sacaba)


def test_splitting_off_one_report_keeps_the_others_together(store: Store) -> None:
    extractions = corpus()
    third = replace(
        extractions[1],
        document=replace(extractions[1].document, id="senkata-copy", text=extractions[1].document.text + " "),
    )
    for x in [*extractions, third]:
        store.add_extraction(x)
    store.merge_auto()
    senkata = _event_of(store, "Senkata")
    assert len(senkata["sources"]) == 3
    for source in senkata["sources"]:  # take out the event's own report, then one that was merged in
        store.split(int(_event_of(store, "Senkata")["id"]), report=source["report"], by="reviewer")
        store.merge_auto()
        groups = sorted(len(e["sources"]) for e in store.events() if e["location"]["name"] == "Senkata")
        assert groups == [1, 2]
        store.merge(*[int(e["id"]) for e in store.events() if e["location"]["name"] == "Senkata"])
    assert len(_event_of(store, "Senkata")["sources"]) == 3


def test_a_chain_of_near_neighbours_does_not_become_one_event() -> None:
    a, b = _views()[:2]
    days = [
        replace(
            a, report=10 + i, event=10 + i, home=10 + i, document=f"d{i}", date=a.date.replace(day=15 + i)
        )
        for i in range(5)
    ]
    decisions = plan_merges(days)
    merged_spans = {(d.keep, d.absorb) for d in decisions}
    assert all(abs(k - ab) <= 1 for k, ab in merged_spans)
    assert len(decisions) <= 2
