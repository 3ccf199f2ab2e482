"""A group that tells what "it" or "they" did is who did it: "the army announced that it had recaptured the
town" has the army as actor 1, not another armed group the sentence names. Who is told of ("residents said
they were attacked by gunmen") and what a teller reports of others ("the police said gunmen killed ...")
keep their actors. Sentences written for these tests (worded like ACLED summaries; no note of a gold set)."""

from __future__ import annotations

import cronica
from cronica.records import Event


def first(text: str) -> Event:
    result = cronica.extract(text, published="2021-05-06", id="test")
    assert result.events, "no event"
    return min(result.events, key=lambda e: e.trigger.start)


def test_the_army_that_says_it_recaptured_a_town_recaptured_it() -> None:
    event = first(
        "On 3 May 2021, the army announced that it had recaptured the main camp of ADF rebels near Kamango."
    )
    assert event.sub_event_type == "Government regains territory"
    assert event.actor1 is not None and event.actor1.inter == 1


def test_forces_that_say_they_killed_militants_are_actor_1() -> None:
    event = first("On 3 May 2021, the military said it had killed 12 Abu Sayyaf militants in Patikul, Sulu.")
    assert event.actor1 is not None and event.actor1.name.startswith("Military Forces")
    assert event.actor2 is not None and event.actor2.name == "Abu Sayyaf"


def test_who_is_told_of_keeps_its_place() -> None:
    event = first("On 3 May 2021, residents said they were attacked by gunmen in Patikul, Sulu.")
    assert event.actor1 is not None and event.actor1.name.startswith("Unidentified Armed Group")
    event = first("On 3 May 2021, the police said that gunmen killed two farmers in Patikul, Sulu.")
    assert event.actor1 is not None and event.actor1.name.startswith("Unidentified Armed Group")
