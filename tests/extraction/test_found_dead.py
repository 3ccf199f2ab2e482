"""People taken, then found dead (issue 11, item 5: fatalities belong to the event that caused them).
Sentences written for these tests (worded like ACLED summaries; other names and numbers than any note)."""

from __future__ import annotations

import pytest

import cronica


def deaths(text: str) -> int:
    """The most deaths any event of the report counts (the found dead may be an event of their own)."""
    result = cronica.extract(text, published="2022-03-01", id="test")
    assert result.events, text
    return max(e.fatalities for e in result.events)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # the figure of the abduction, in the same sentence or the one before
        ("On 8 February 2022, armed men abducted 4 herders near Titao; they were found dead later.", 4),
        ("On 8 February 2022, gunmen kidnapped five traders in Kaya. They were found dead on Monday.", 5),
        # people named one by one
        ("On 11 February 2022, militiamen kidnapped an elder and his son. They were found dead later.", 2),
        # no figure to count: left to the coder, never a guess
        ("On 8 February 2022, gunmen abducted several traders near Kaya. They were found dead on Monday.", 0),
    ],
)
def test_the_people_an_abduction_took_are_the_dead_a_pronoun_stands_for(text: str, dead: int) -> None:
    assert deaths(text) == dead
