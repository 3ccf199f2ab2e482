"""A negating prefix glued to a trigger phrase negates it: "a non-violent demonstration" (or "non
violent") is a peaceful protest, not a violent demonstration. Sentences written for these tests."""

from __future__ import annotations

import pytest

import cronica


@pytest.mark.parametrize("words", ["non-violent", "non violent", "nonviolent"])
def test_a_non_violent_demonstration_is_a_peaceful_protest(words: str) -> None:
    result = cronica.extract(
        f"Students held a {words} demonstration in front of the parliament in Tunis on Monday.",
        published="2019-11-20",
    )
    (event,) = result.events
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


def test_a_violent_demonstration_is_still_a_riot() -> None:
    result = cronica.extract(
        "Students held a violent demonstration in front of the parliament in Tunis on Monday.",
        published="2019-11-20",
    )
    (event,) = result.events
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
