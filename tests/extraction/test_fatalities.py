"""Fatalities of short reports in the style of ACLED's notes: victims only, each figure with the event it
belongs to. Sentences written for these tests."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a verb joined to another shares its victim
        ("On 12 April 2022, a shopkeeper was shot and killed by bandits in Moyale.", 1),
        ("On 12 April 2022, gunmen shot and killed a bus driver near Garissa.", 1),
        # each person joined to the first
        ("On 12 April 2022, soldiers opened fire on a village near Taiz, killing a woman and her son.", 2),
        (
            "On 12 April 2022, a farmer and his brother were killed in a clash between two clans near Wajir.",
            2,
        ),
        # persons named by role or kin
        ("On 12 April 2022, a mob killed a suspected criminal in Likoni.", 1),
        ("On 12 April 2022, unidentified gunmen assassinated a colonel of the army in Raqqa.", 1),
    ],
)
def test_one_person_killed(text: str, want: int) -> None:
    assert killed(text) == [want]


def test_a_protest_has_the_protesters_as_actor_1() -> None:
    # ACLED: the protesters are actor 1 of a protest, also when the words name a state force
    result = cronica.extract(
        "On 8 May 2022, retired soldiers together with students gathered at the main square in Tripoli "
        "and demonstrated against the proposed budget.",
        published="2022-05-10",
        id="test",
    )
    [event] = result.events
    assert event.event_type == "Protests"
    assert event.actor1 is not None and event.actor1.inter == 6


@pytest.mark.parametrize(
    "text",
    [
        # ACLED codes deaths reported without a number as 10 (quantities.yaml, vague)
        "On 12 April 2022, Houthi forces shelled positions of government forces in Hays, killing several "
        "pro-Hadi elements.",
        "On 12 April 2022, an unspecified number of soldiers were killed in an ambush by Al Shabaab near "
        "Afgooye.",
        "On 12 April 2022, soldiers clashed with rebels near Bulo Burde, killing a number of rebels.",
    ],
)
def test_deaths_without_a_number_are_coded_ten(text: str) -> None:
    assert killed(text) == [10]


def test_a_vague_phrase_without_a_crowd_figure_gives_no_crowd() -> None:
    result = cronica.extract(
        "On 12 April 2022, a number of protesters gathered in Nairobi against the new tax.",
        published="2022-04-20",
        id="test",
    )
    [event] = result.events
    assert event.event_type == "Protests"
    assert event.fatalities == 0
    assert "participants" not in event.counts


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a figure of another act joined by "and" is not a part of the killed
        ("On 12 April 2022, gunmen attacked the village of Dawa, killing 2 civilians and kidnapping 3.", 2),
        # a number after its proper noun is of the name, no count of people
        (
            "On 12 April 2022, Indonesian Police Detachment 88 blasted an explosive material belonging to "
            "a group of militants in North Jakarta.",
            0,
        ),
        # who threw or fired a weapon did it: nothing befell them
        ("On 12 April 2022, two unknown men threw a grenade at the police base in Myawaddy.", 0),
        ("On 12 April 2022, two men threw a grenade at a bus near Garissa, killing three passengers.", 3),
        # ACLED's coder note glued to the last word: the wounded are not added to the killed
        (
            "On 12 April 2022, herders clashed with farmers near Wajir. "
            "Two people were killed and six others wounded.[size=no report]",
            2,
        ),
    ],
)
def test_figures_of_other_acts_and_names_are_not_the_killed(text: str, want: int) -> None:
    assert killed(text)[0] == want


@pytest.mark.parametrize(
    "text",
    [
        # the dead of each side, told one after the other, add up (ACLED counts every death of the event)
        "On 12 April 2022, rebels attacked an army post near Kasese, killing three soldiers. "
        "Eight rebels were killed when the troops fought back.",
        "On 12 April 2022, gunmen killed four villagers near Kasese. Seven soldiers died when the army "
        "pursued the gunmen.",
        # civilians, then soldiers and rebels told together
        "On 12 April 2022, rebels attacked a village near Kasese, killing three civilians. Two soldiers and "
        "six rebels were killed in the fighting that followed.",
    ],
)
def test_the_dead_of_each_side_add_up(text: str) -> None:
    assert killed(text) == [11]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the same side counted twice is one figure told twice: the lower stands
        (
            "On 12 April 2022, rebels attacked an army post near Kasese, killing three soldiers. "
            "The army later said two soldiers died in the attack.",
            2,
        ),
        # a toll of people in general names no side: it is not added to
        (
            "On 12 April 2022, five people were killed in an attack by gunmen near Kasese, "
            "including two soldiers.",
            5,
        ),
    ],
)
def test_a_toll_told_again_is_not_added(text: str, want: int) -> None:
    assert killed(text) == [want]


@pytest.mark.parametrize(
    "text",
    [
        # a person no actor names ("a robbery suspect") and a policeman: two sides of one shootout
        "A robbery suspect was killed during a gunfight with the police in Tondo on 12 April 2022. "
        "One police officer was killed during the gunfight.",
        "Around 12 April 2022, a drug suspect was killed while another was arrested during a shootout "
        "with the police in Pasig. A police officer was killed while another was hurt during the shootout.",
    ],
)
def test_a_person_no_actor_names_and_the_state_s_dead_add_up(text: str) -> None:
    assert killed(text) == [2]


def test_a_person_glossed_in_brackets_is_counted() -> None:
    text = "On 12 April 2022, unknown gunmen assassinated the village omda (mayor) of Kafr Dawud."
    assert killed(text) == [1]


def test_one_man_told_by_two_words_in_one_sentence_is_one_death() -> None:
    text = (
        "On 12 April 2022, a robbery suspect - also reportedly a rebel fighter - was killed during a "
        "gunfight with the police in Tondo. No police officers were hurt."
    )
    assert killed(text) == [1]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "a fourth one": one more after the three told
        (
            "On 12 April 2022, rebels raided Kamango. They killed 3 people with machetes, and a fourth "
            "one died of a heart attack.",
            4,
        ),
        ("On 12 April 2022, gunmen killed two farmers in Kamango. A third one died in hospital.", 3),
    ],
)
def test_one_more_told_by_an_ordinal_adds_to_the_toll(text: str, want: int) -> None:
    assert killed(text) == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the parser takes "a man" for the apposition of "a soldier": an item of the list all the same
        ("On 12 April 2022, rebels attacked Kamango. The rebels killed a soldier, a man and two women.", 4),
        # a true apposition is the one person told again
        ("On 12 April 2022, gunmen killed a farmer, a father of three, in Kamango.", 1),
    ],
)
def test_people_listed_with_a_figure_among_them_each_count(text: str, want: int) -> None:
    assert killed(text) == [want]


@pytest.mark.parametrize(
    "text",
    [
        "On 12 April 2022, in Kamango, militiamen burned a herder alive.",
        "On 12 April 2022, a mob burned a suspected thief alive in Kamango.",
    ],
)
def test_burned_alive_is_a_killing(text: str) -> None:
    assert killed(text) == [1]
