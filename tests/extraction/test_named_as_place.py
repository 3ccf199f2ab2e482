"""A name the words make a place ("the village of X", "the X village chief") is no actor, whatever the NER
labels it (here a person or an organisation). Sentences written for these tests."""

from __future__ import annotations

import pytest

import cronica


def actor2(text: str) -> tuple[str | None, int | None]:
    result = cronica.extract(text, published="2021-05-07", id="test")
    event = result.events[0]
    assert event.actor2 is not None
    return event.actor2.name, event.actor2.inter


@pytest.mark.parametrize(
    "text",
    [
        "On 5 May 2021, militants attacked the village of Kalembe (Tanga, Tanga). Houses were burned.",
        "On 5 May 2021, gunmen abducted the Sakani village chief near Tanga.",
        "On 5 May 2021, gunmen abducted the Tamboni village chief near Tanga.",
    ],
)
def test_a_village_named_as_the_target_is_no_actor(text: str) -> None:
    name, inter = actor2(text)
    assert inter == 7 and name is not None and name.startswith("Civilians")
