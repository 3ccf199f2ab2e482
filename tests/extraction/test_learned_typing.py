"""The learned typer inside extraction: one-line reports, ACLED conventions for riots and attacks,
fatalities that belong to another event, and honest dates for undated reports. Sentences written for
these tests."""

from __future__ import annotations

import cronica
from cronica.records import Event, Extraction


def run(text: str, published: str = "2024-03-15") -> Extraction:
    return cronica.extract(text, published=published, id="test")


def only_event(result: Extraction) -> Event:
    assert len(result.events) == 1, [(e.event_type, e.sub_event_type, e.trigger.text) for e in result.events]
    return result.events[0]


def test_one_line_protest_with_no_date_or_place_words_is_an_event() -> None:
    event = only_event(run("Protesters held a demonstration against the new tax law."))
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")
    assert event.actor1 is not None and event.actor1.inter == 6
    assert 0.0 < event.confidence <= 1.0
    assert event.coded_by


def test_one_line_march_reworded_is_still_an_event() -> None:
    event = only_event(run("Nurses marched to demand better pay and more staff."))
    assert event.event_type == "Protests"


def test_undated_event_takes_the_report_date_with_week_precision_and_says_so() -> None:
    event = only_event(run("Protesters held a demonstration against the new tax law.", "2024-03-15"))
    assert event.date.value == "2024-03-15"
    assert event.date.precision == "week"
    assert (event.date.start, event.date.end) == ("2024-03-09", "2024-03-15")
    assert event.date.anchor_kind == "publication"
    assert event.date.reason is not None and "inferred" in event.date.reason


def test_party_supporters_fighting_each_other_are_rioters_in_mob_violence() -> None:
    event = only_event(
        run("Supporters of the two rival parties clashed in the market town, leaving two injured.")
    )
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")
    assert event.actor1 is not None and event.actor1.inter == 5


def test_deaths_a_protest_is_about_are_not_its_fatalities() -> None:
    event = only_event(run("Residents demonstrated to protest the police killing of three men."))
    assert event.event_type == "Protests"
    assert event.fatalities == 0


def test_deaths_a_riot_is_about_are_not_its_fatalities() -> None:
    events = run("Residents burned debris and blocked roads to protest police killing of 3 men.").events
    riots = [e for e in events if e.event_type == "Riots"]
    assert riots and all(e.fatalities == 0 for e in riots)
    assert not any(e.fatalities == 3 for e in events)


def test_victims_of_an_ambush_count_not_the_gunmen() -> None:
    event = only_event(run("Four farm workers were ambushed and killed by three gunmen."))
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.fatalities == 4


def test_gunmen_ambushing_farm_workers_is_an_attack_on_civilians() -> None:
    event = only_event(run("Gunmen ambushed a group of farm workers, killing four."))
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.fatalities == 4
    assert event.actor2 is not None and event.actor2.inter == 7


def test_an_event_with_no_actor_words_gets_the_actor_type_the_classifier_reads() -> None:
    event = only_event(run("A landmine exploded under a car near the market, killing two people."))
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor1 is not None and event.actor1.inter == 3
    assert "actor1" not in event.missing


def test_an_actor_the_rules_named_but_could_not_type_takes_the_classifiers_sure_type() -> None:
    from dataclasses import replace

    from cronica.extraction.learned import Combination, Judgement, apply_learned_actors
    from cronica.records import Actor

    class Reader:  # an EventTyper: reads every text the same way
        def __init__(self, p: float) -> None:
            self.p = p

        def judge(self, text: str) -> Judgement:
            coding = (("Riots", "Mob violence", 0.9),)
            return Judgement(event=0.9, coding=coding, inter1=((5, self.p), (3, 0.1)))

    base = run("Residents of Tembari lynched a suspected thief on Monday.").events[0]
    event = replace(base, actor1=Actor(name="Bodaboda", inter=None, kind="organisation"))
    generic = lambda kind: Actor(name=kind)  # noqa: E731
    sure = apply_learned_actors([event], Reader(0.9), generic, Combination())[0]
    unsure = apply_learned_actors([event], Reader(0.3), generic, Combination())[0]
    assert sure.actor1 is not None and (sure.actor1.name, sure.actor1.inter) == ("Bodaboda", 5)
    assert unsure.actor1 is not None and unsure.actor1.inter is None
