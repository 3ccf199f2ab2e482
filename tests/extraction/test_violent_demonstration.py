"""A demonstration whose participants use violence is a riot (conventions.yaml ``violent_demonstration``,
stage ``violent-demonstration``): in a short report, a demonstration coded as a protest whose words say
the demonstrators burned, threw stones, clashed with the police or destroyed property, or whose
destruction the rules coded apart, is Riots / Violent demonstration; a peaceful one met by force stays
Protests. Notes written for these tests; the classifier is a stand-in sure of a peaceful protest (the
reading the learned model gives most such notes), so the tests show the stage, not one model's weights."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from cronica.extraction.conventions import load_conventions
from cronica.extraction.learned import Judgement
from cronica.ingest import document_from_text
from cronica.pipeline import Pipeline
from cronica.records import Event

VIOLENT = load_conventions().violent_demonstration


@dataclass
class Peaceful:
    """A classifier sure that every text tells a peaceful protest."""

    def judge(self, text: str) -> Judgement:
        return Judgement(0.99, (("Protests", "Peaceful protest", 0.99),), (), None)


def events(text: str, typer: object = None) -> list[Event]:
    pipeline = Pipeline(typer=typer if typer is not None else Peaceful(), keep_generic=True)
    read = pipeline.extract_document(document_from_text(text, id="note", published="2024-03-10"))
    return sorted(read.events, key=lambda e: e.trigger.start)


def coding(event: Event) -> tuple[str, str]:
    return (event.event_type, event.sub_event_type)


@pytest.mark.parametrize(
    "text",
    [
        # violence the rules read no incident words for
        "On 3 March 2024, traders demonstrated in Luvoro against new market fees. "
        "The protesters lit bonfires on the main road for several hours.",
        "On 4 March 2024, hundreds of drivers demonstrated in Kivo over fuel prices, "
        "resulting in clashes between the drivers and police.",
        "On 5 March 2024, about 300 farm workers burned tyres and demonstrated in Marea town, "
        "demanding their unpaid wages.",
        # the rules' riot, which the classifier reads as a peaceful protest
        "On 6 March 2024, students of Kivo Technical College rioted in protest at higher fees.",
        # the demonstrators' violence in a sentence of its own that opens with them
        "On 7 March 2024, students demonstrated in Kivo against higher fees. "
        "They smashed the windows of the registry.",
        "On 7 March 2024, hundreds of traders demonstrated in Luvoro over market fees. "
        "The protesters also pelted the council offices with eggs.",
        # demonstrators the report calls rioters
        "On 8 March 2024, rioters protested in Kivo over errors in their children's exam results.",
        # demonstrators who clash with anyone, not only the police (2026-12-07)
        "On 2 March 2024, a clash ensued between demonstrators of the youth wing of the ruling party and "
        "opposition cadres in Luvoro over the opening of a bridge.",
        "On 2 March 2024, traders demonstrated in Kivo against new market fees and clashed with "
        "supporters of the mayor.",
    ],
)
def test_a_demonstration_whose_participants_use_violence_is_a_riot(text: str) -> None:
    first = events(text)[0]
    assert coding(first) == ("Riots", "Violent demonstration")
    assert first.coded_by.startswith("the demonstrators' violence")
    assert first.actor1 is not None and first.actor1.inter == 5  # rioters, ACLED's actor 1 of a riot


def test_the_demonstrators_destruction_told_apart_is_folded_into_the_riot() -> None:
    text = (
        "09 March 2024. Students of Marea Girls School, protesting against their principal, "
        "burn their dormitory."
    )
    read = events(text, "rules")
    assert [coding(e) for e in read] == [("Riots", "Violent demonstration")]


def test_the_force_a_protest_coding_put_first_is_the_rioters_adversary() -> None:
    text = (
        "On 8 March 2024, police opened fire on demonstrators in Kivo, wounding two. "
        "The demonstrators had set fire to a police post."
    )
    first = events(text, "rules")[0]
    assert coding(first) == ("Riots", "Violent demonstration")
    assert first.actor1 is not None and first.actor1.inter == 5
    assert first.actor2 is not None and first.actor2.inter == 1


def test_the_demonstrators_violence_told_apart_opens_its_sentence() -> None:
    after = VIOLENT.after
    assert after.search("They held a march. They destroyed the gate of the office.") is not None
    assert after.search("They held a march. The students then stormed the building.") is not None
    assert after.search("They held a march. They said youths destroyed the gate.") is None
    assert after.search("They held a march. They burned the national flag.") is None
    assert after.search("They held a march. They burned two cars and a flag.") is not None


def test_the_words_are_whole_words_not_halves_of_a_hyphenated_one() -> None:
    assert VIOLENT.words.search("a violent demonstration broke out") is not None
    assert VIOLENT.words.search("a non-violent demonstration was broken up") is None
    assert VIOLENT.words.search("anti-rioting squads") is None
    assert VIOLENT.words.search("students barricaded themselves inside the campus") is None
    assert VIOLENT.words.search("workers barricaded roads in front of the airport") is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a demonstration is about is no violence of its own
        (
            "On 7 March 2024, evicted families staged a protest in Luvoro against the council's campaign "
            "to destroy informal stalls.",
            ("Protests", "Peaceful protest"),
        ),
        # a march said to pass off peacefully stays apart from the violence told after it
        (
            "On 8 March 2024, some 3,000 students marched in Kivo and dispersed without incident. "
            "Later a group of youths clashed with police near the campus, throwing stones.",
            ("Protests", "Peaceful protest"),
        ),
        # a peaceful demonstration met by force stays a protest
        (
            "On 8 March 2024, residents protested in Kivo over water shortages. "
            "Police fired tear gas to disperse them.",
            ("Protests", "Protest with intervention"),
        ),
        # tear gas shot at protesters is an intervention, not the deadly force "shot" tells
        (
            "On 8 March 2024, residents protested in Kivo over water shortages. "
            "Police shot tear gas at the protesters.",
            ("Protests", "Protest with intervention"),
        ),
        # burning an effigy is a protest's act, not violence
        (
            "On 9 March 2024, residents demonstrated in Luvoro against the killing of a trader. "
            "They also burned an effigy of the police commander.",
            ("Protests", "Peaceful protest"),
        ),
    ],
)
def test_a_peaceful_demonstration_stays_a_protest(text: str, expected: tuple[str, str]) -> None:
    assert coding(events(text, "rules")[0]) == expected


def test_a_long_coded_summary_is_read_for_its_own_day_only() -> None:
    # a coded summary (opening with its date) tells one event however many sentences it takes; its
    # demonstrators' violence told in a later sentence makes the riot, another day's does not (below)
    text = " ".join(
        [
            "On 3 March 2024, market traders demonstrated in Luvoro against new stall fees.",
            "The traders said the fees had doubled within a year.",
            "The traders lit bonfires along the main road through the market.",
            "Police dispersed the crowd.",
            "[size=no report]",
        ]
    )
    first = events(text)[0]
    assert coding(first) == ("Riots", "Violent demonstration")


def test_a_long_report_is_not_read_whole() -> None:
    # (a coded summary's sentence with a date of its own tells another day: "Last year, ...")
    text = " ".join(
        [
            "On 3 March 2024, traders demonstrated in Luvoro against new market fees.",
            "The traders said the fees had doubled since January.",
            "Officials promised to review the fees next month.",
            "Last year, protesters lit bonfires on the main road over the same fees.",
        ]
    )
    assert coding(events(text, "rules")[0]) == ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    "text",
    [
        "On 9 March 2024, miners dynamited a bridge during a protest in Marea over a new mining law.",
        "El 9 de marzo de 2024, mineros cooperativistas dinamitaron un puente en Marea durante una protesta.",
    ],
)
def test_a_bridge_dynamited_during_a_protest_is_one_violent_demonstration(text: str) -> None:
    told = events(text)
    assert [coding(e) for e in told] == [("Riots", "Violent demonstration")]
