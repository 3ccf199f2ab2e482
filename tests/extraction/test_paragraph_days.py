"""A report that lists incidents paragraph by paragraph, each opened by its place and day ("Sacaba, 15
November. Ten people were killed when ..."): each paragraph's events take the day that opens it, not the
day of the event told in the paragraph before, and "the next day" counts from that day. Text written for
these tests in the style of a human-rights brief."""

from __future__ import annotations

import cronica

BRIEF = (
    "This brief lists the people killed between 20 October and 30 November 2019.\n\n"
    "Montero, 30 October. Two men were shot dead in Montero during clashes at a road blockade.\n\n"
    "Sacaba, 15 November. Ten people were killed when soldiers opened fire on coca growers at a bridge "
    "in Sacaba.\n\n"
    "Ovejuyo, 11 November. Three men died of gunshot wounds in Ovejuyo after clashes between residents "
    "and police; one of them died in hospital the next day.\n"
)


def _days() -> dict[int, str | None]:
    result = cronica.extract(BRIEF, published="2019-12-10")
    return {e.fatalities: e.date.value for e in result.events if e.fatalities}


def test_each_paragraph_takes_the_day_that_opens_it() -> None:
    days = _days()
    assert days[2] == "2019-10-30"
    assert days[10] == "2019-11-15"


def test_the_next_day_counts_from_the_paragraphs_day_not_the_event_before() -> None:
    assert _days()[3] in {"2019-11-11", "2019-11-12"}
