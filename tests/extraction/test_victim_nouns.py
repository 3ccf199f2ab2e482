"""Victims named by role or by their people count as killed: "a drug suspect was shot dead",
"1 Afghan commando was killed", "killed at least 12 Sudanese herders". Sentences written for these
tests."""

from __future__ import annotations

import pytest

import cronica


def killed(text: str) -> list[int]:
    result = cronica.extract(text, published="2022-04-20", id="test")
    return [e.fatalities for e in result.events]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("On 12 April 2022, a robbery suspect was shot dead by police in Kisumu.", 1),
        ("On 12 April 2022, a security guard was killed by gunmen at a bank in Kano.", 1),
        ("On 12 April 2022, one Nigerian commando was killed in an ambush near Maiduguri.", 1),
        ("On 12 April 2022, gunmen killed at least 9 Fulani herders near Jos.", 9),
        ("On 12 April 2022, gunmen killed at least 9 Malian traders near Gao.", 9),
    ],
)
def test_victims_named_by_role_or_people_are_counted(text: str, want: int) -> None:
    assert killed(text) == [want]


def test_things_with_a_demonym_are_not_people_killed() -> None:
    assert killed("On 12 April 2022, rebels destroyed 3 Russian tanks near Izium.") == [0]


def test_one_named_among_a_counted_group_is_not_the_count() -> None:
    result = cronica.extract(
        "On 12 April 2022, police detained at least 18 people in Nampula, among them an opposition "
        "candidate for the assembly.",
        published="2022-04-20",
        id="test",
    )
    [event] = result.events
    assert [c.value for c in event.counts["arrested"]] == [18]
