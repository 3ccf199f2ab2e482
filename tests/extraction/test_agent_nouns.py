"""People named by what they do ("coca growers", "miners", "loggers") are civilians when no actor word
names them: a victim the rules can type keeps an attack on civilians from being read as a clash. Nouns
of agents of violence ("kidnappers", "raiders") are not. Sentences written for these tests."""

from __future__ import annotations

import pytest

import cronica
from cronica.records import Event


def events(text: str) -> list[Event]:
    return list(cronica.extract(text, published="2022-05-11", id="t").events)


@pytest.mark.parametrize(
    "victims", ["coca growers", "tin miners", "loggers", "street sellers", "tour operators", "bakers"]
)
def test_people_named_by_their_work_are_civilian_victims(victims: str) -> None:
    (event,) = events(f"Soldiers shot dead four {victims} near Eldoret on Monday.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor2 is not None and event.actor2.inter == 7
    assert event.actor2.text == victims.split()[-1] or victims in event.actor2.text


@pytest.mark.parametrize("agents", ["kidnappers", "raiders", "commanders", "looters"])
def test_agents_of_violence_or_command_are_not_civilians(agents: str) -> None:
    result = events(f"Soldiers shot dead four {agents} near Eldoret on Monday.")
    # (an attack whose victims the text does not type keeps ACLED's default civilians, not their words)
    assert all(e.actor2 is None or e.actor2.inter != 7 or e.actor2.text != agents for e in result)


def test_a_day_told_just_before_dates_the_next_sentence_not_the_event_before() -> None:
    text = (
        "Eight people were killed in Eldoret on Tuesday when police cleared a blockade of the depot. "
        "On Wednesday, residents carried the coffins of the victims through the streets of Eldoret. "
        "The funeral procession was dispersed with tear gas."
    )
    result = events(text)
    assert [e.date.value for e in result] == ["2022-05-10", "2022-05-11"]
    assert [e.fatalities for e in result] == [8, 0]
