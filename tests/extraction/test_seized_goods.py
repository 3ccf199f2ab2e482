"""Seizing goods is looting, not a takeover of territory (rule ``trigger.seized-goods``). Sentences written
for these tests."""

from __future__ import annotations

import pytest

import cronica


def types(text: str) -> list[tuple[str, str]]:
    result = cronica.extract(text, published="2022-04-20", id="test")
    return [(e.event_type, e.sub_event_type) for e in result.events]


@pytest.mark.parametrize(
    "text",
    [
        "On 12 April 2022, gunmen seized two cars and a herd of goats in Kasese.",
        "On 12 April 2022, militants seized an ambulance in the village of Bwera.",
        "On 12 April 2022, two vehicles belonging to an aid group were seized by gunmen near Kasese.",
    ],
)
def test_seizing_goods_is_looting(text: str) -> None:
    assert types(text) == [("Strategic developments", "Looting/property destruction")]


def test_an_abduction_told_with_a_vehicle_seized_stays_an_abduction() -> None:
    text = "On 12 April 2022, gunmen abducted two traders and seized their vehicle near Kasese."
    assert types(text)[0] == ("Violence against civilians", "Abduction/forced disappearance")
