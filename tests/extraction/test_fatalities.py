"""Fatalities of short reports in the style of ACLED's notes: victims only, each figure with the event it
belongs to. Sentences written for these tests."""

from __future__ import annotations

import cronica


def killed(text: str) -> list[int]:
    result = cronica.extract(text, published="2022-04-20", id="test")
    return [e.fatalities for e in result.events]


def test_a_sentence_that_opens_with_its_figure_keeps_it() -> None:
    # the parser alone makes "14" a sentence of its own and the killing loses its count
    text = (
        "On 12 April 2022, soldiers clashed with rebels near Bulo Burde town (Bulo Burde, Hiraan). "
        "14 Al shabaab militants were killed in the fight."
    )
    assert killed(text) == [14]
