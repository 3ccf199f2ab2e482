"""Scoring hand-made predictions against hand-made gold: fields, matching, labels, distances."""

from __future__ import annotations

from types import SimpleNamespace

from cronica.eval import CountExpectation, GoldItem, GoldRecord, Scorer
from cronica.eval.matching import match
from cronica.eval.metrics import haversine_km

TEXT = (
    "Police fired on protesters in Cali on Monday. Three were killed. Later the union said it would strike."
)


def _senkata_gold() -> GoldRecord:
    return GoldRecord(
        event_type="Protests",
        sub_event_type="Excessive force against protesters",
        date="2019-11-19",
        fatalities=CountExpectation(8),
        counts={"injured": CountExpectation(30, qualifier="more_than")},
        admin1="La Paz",
        latitude=-16.5047,
        longitude=-68.1633,
        actor1_inter=1,
        actor2_inter=6,
        hint="Senkata",
        reported_by="Ombudsman",
    )


def test_a_perfect_event_scores_one_on_every_field(build: SimpleNamespace) -> None:
    item = GoldItem("d", "The Ombudsman said eight were killed at Senkata.", "2019-11-20", (_senkata_gold(),))
    pred = build.event(
        "Protests",
        "Excessive force against protesters",
        trigger="killed",
        at=28,
        date="2019-11-19",
        killed=8,
        injured=(30, "more_than"),
        place={"name": "Senkata", "admin1": "La Paz", "latitude": -16.58, "longitude": -68.19},
        actor1=("Military Forces of Bolivia", 1),
        actor2=("Protesters (Bolivia)", 6),
        reported_by="Ombudsman's Office",
    )
    scorer = Scorer()
    scorer.add(item, [pred])
    result = scorer.result()
    scores = {k: v["score"] for k, v in result["scores"].items()}
    for key in (
        "event_type",
        "sub_event_type",
        "fatalities",
        "counts.injured",
        "date",
        "admin1",
        "within_25km",
    ):
        assert scores[key] == 1.0, key
    assert scores["actor1_inter"] == scores["actor2_inter"] == scores["reported_by"] == 1.0
    assert result["distance_km"]["buckets"]["<=25"] == 1
    assert result["records"][0]["correct"]["fatalities"] is True


def test_wrong_fields_are_counted_and_shown_in_the_diff(build: SimpleNamespace) -> None:
    item = GoldItem("d", "The Ombudsman said eight were killed at Senkata.", "2019-11-20", (_senkata_gold(),))
    pred = build.event(
        "Riots",
        "Violent demonstration",
        at=28,
        date="2019-11-18",
        killed=7,
        injured=(30, "exact"),
        place={"name": "Cochabamba", "admin1": "Cochabamba", "latitude": -17.39, "longitude": -66.16},
    )
    scorer = Scorer()
    scorer.add(item, [pred])
    result = scorer.result()
    s = result["scores"]
    assert s["event_type"]["score"] == s["fatalities"]["score"] == s["date"]["score"] == 0.0
    assert s["counts.injured"]["score"] == 0.0  # right number, wrong qualifier
    assert s["within_25km"]["score"] == 0.0 and result["distance_km"]["buckets"]["<=500"] == 1
    assert result["confusion"]["event_type"] == {"Protests": {"Riots": 1}}
    diff = result["records"][0]
    assert diff["expected"]["fatalities"] == 8 and diff["got"]["fatalities"] == 7
    assert diff["evidence"]["trigger"] == "marched"


def test_an_unmatched_gold_event_counts_as_missed(build: SimpleNamespace) -> None:
    item = GoldItem("d", "x", None, (_senkata_gold(),))
    scorer = Scorer()
    scorer.add(item, [build.statement("Morales", "REQUEST")])  # a statement never pairs with an event
    s = scorer.result()["scores"]
    assert s["events"]["recall"] == 0.0 and s["event_type"]["score"] == 0.0


def test_greedy_matching_pairs_by_position_type_and_date(build: SimpleNamespace) -> None:
    golds = [
        GoldRecord(event_type="Protests", date="2019-11-16", hint="marching"),
        GoldRecord(event_type="Protests", date="2019-11-15", hint="massacre"),
    ]
    text = "A massacre happened. " + " " * 400 + "The following day thousands were marching."
    item = GoldItem("d", text, None, tuple(golds))
    at_march = text.index("marching")
    preds = [
        build.event(trigger="marching", at=at_march, date="2019-11-16"),
        build.event(trigger="massacre", at=2, date="2019-11-15"),
    ]
    assert match(item, golds, preds) == {0: (0, 5.0), 1: (1, 5.0)}


def test_extra_predictions_are_false_positives_only_for_exhaustive_kinds(build: SimpleNamespace) -> None:
    gold = GoldRecord(event_type="Protests", span=(0, 6))
    preds = [build.event(trigger="Police", at=0), build.event(trigger="strike", at=95)]
    for exhaustive, precision in ((("event",), 0.5), ((), None)):
        scorer = Scorer()
        scorer.add(GoldItem("d", TEXT, None, (gold,), exhaustive=exhaustive), preds)
        assert scorer.result()["scores"]["events"].get("precision") == precision


def test_unmapped_gold_is_listed_and_its_match_is_not_a_false_positive(build: SimpleNamespace) -> None:
    golds = (
        GoldRecord(event_type="Protests", span=(0, 6)),
        GoldRecord(unmapped=True, source_label="Contact.Contact.Broadcast", span=(95, 101)),
    )
    preds = [build.event(trigger="Police", at=0), build.event(trigger="strike", at=95)]
    scorer = Scorer()
    scorer.add(GoldItem("d", TEXT, None, golds, exhaustive=("event",)), preds)
    result = scorer.result()
    assert result["unmapped"] == {"Contact.Contact.Broadcast": 1}
    assert result["scores"]["events"]["precision"] == 1.0 and result["scores"]["events"]["n_gold"] == 1


def test_classification_uses_the_main_record_and_scores_negatives(build: SimpleNamespace) -> None:
    pos = GoldItem(
        "a",
        TEXT,
        None,
        (GoldRecord(event_type="Protests", sub_event_type="Excessive force against protesters"),),
        label="Protests / Excessive force against protesters",
        classify=True,
    )
    neg = GoldItem(
        "b", "Floods hit the coast.", None, (), label=None, label_source="NATURAL_DISASTER", classify=True
    )
    scorer = Scorer()
    scorer.add(
        pos,
        [
            build.event("Protests", "Excessive force against protesters", confidence=0.9),
            build.event("Riots", "Violent demonstration", confidence=0.2, at=50),
        ],
    )
    scorer.add(neg, [build.event("Riots", "Violent demonstration")])
    result = scorer.result()
    label = result["scores"]["label"]
    assert label["accuracy"] == 0.5 and label["n"] == 2
    assert result["confusion"]["label"]["NONE"] == {"Riots / Violent demonstration": 1}
    assert result["negatives"] == {"NATURAL_DISASTER": 1}
    assert result["scores"]["sub_event_type"]["score"] == 1.0


def test_plover_classification_accepts_a_statement_with_an_equivalent_label(build: SimpleNamespace) -> None:
    gold = GoldRecord(plover="DEMAND", accept_plover=("DEMAND", "REQUEST"), actor1="the union", span=(70, 74))
    item = GoldItem("p", TEXT, None, (gold,), label="DEMAND", classify=True)
    scorer = Scorer()
    scorer.add(item, [build.statement("the union", "REQUEST", at=70), build.event(at=0, confidence=0.9)])
    result = scorer.result()
    assert result["scores"]["label"]["accuracy"] == 1.0
    assert result["scores"]["plover"]["score"] == result["scores"]["actor1"]["score"] == 1.0


def test_tallies_score_value_qualifier_and_scope(build: SimpleNamespace) -> None:
    gold = GoldRecord(
        kind="tally", what="arrested", value=CountExpectation(500, qualifier="more_than"), since="2019-11-10"
    )
    item = GoldItem("t", "over 500 demonstrators have been arrested", None, (gold,))
    scorer = Scorer()
    scorer.add(item, [build.tally(500, "more_than", since="2019-11-10")])
    s = scorer.result()["scores"]
    assert s["tally_value"]["score"] == s["tally_since"]["score"] == s["tally_what"]["score"] == 1.0
    assert s["tallies"]["recall"] == 1.0


def test_haversine_is_in_kilometres() -> None:
    assert abs(haversine_km(-16.5, -68.15, -17.39, -66.16) - 230) < 10
