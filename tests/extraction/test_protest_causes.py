"""What a protest was about is not an event told here: a killing, a death or an abduction named as
the protest's cause or purpose ("a vigil for colleagues killed by the police", "marched to denounce the
murder of", "a rally to mourn a classmate who was beaten to death") gives neither an event nor the
protest's coding; the protest stays peaceful. Sentences written for these tests."""

from __future__ import annotations

import pytest

import cronica


def codings(text: str) -> list[tuple[str, str]]:
    events = cronica.extract(text, published="2021-03-10", id="test").events
    return [(e.event_type, e.sub_event_type) for e in sorted(events, key=lambda e: e.trigger.start)]


PEACEFUL = ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    "text",
    [
        "Nurses held a candlelight vigil in Iloilo for colleagues killed by the police.",
        "Nurses held a candlelight vigil in Iloilo for colleagues who died of dengue.",
        "Students held a rally in Sylhet to mourn a classmate who was beaten to death by party activists.",
        "Women marched in Puebla to denounce the murder of a young mother.",
        "Traders protested in Eldoret against the abduction of two colleagues by unknown gunmen.",
        "Relatives demonstrated outside the court in Iloilo, demanding justice for the nine people killed in "
        "the raid.",
    ],
)
def test_the_cause_of_a_protest_is_no_event_of_its_own(text: str) -> None:
    assert codings(text) == [PEACEFUL], text


def test_violence_at_the_protest_itself_is_still_read() -> None:
    # the shooting is what happened at the march, not what the march was about
    assert codings("Police shot dead two protesters in Eldoret during a march against police brutality.")[
        0
    ] == (
        "Protests",
        "Excessive force against protesters",
    )


def test_an_act_coordinated_with_the_demand_is_an_act_of_its_own() -> None:
    # "arrested" hangs on "marched" as a coordinated verb: no part of what the march demanded
    text = (
        "Protesters marched in Eldoret to demand the release of their leader, and police arrested 20 "
        "protesters."
    )
    events = cronica.extract(text, published="2021-03-10", id="test").events
    assert [e.counts["arrested"][0].value for e in events if e.counts.get("arrested")] == [20]


def test_arrests_a_later_protest_answered_stay_arrests() -> None:
    text = (
        "On 3 May 2022, soldiers arrested about 15 herders in Kalale. Several were released the next day, "
        "but residents protested against the arrests."
    )
    found = codings(text)
    assert found[0] == ("Strategic developments", "Arrests")
    assert PEACEFUL in found
