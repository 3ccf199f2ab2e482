"""Which figure counts the dead of a short report: forms the fatality misses on the ACLED development
sets showed (issue 11, item 5), each with a sentence where the rule fires and one where it must not.
Sentences written for these tests (paraphrases of the forms, other names and numbers)."""

from __future__ import annotations

import pytest

import cronica


def fatalities(text: str) -> int:
    """The deaths of the report's most confident event (the one ACLED's note codes)."""
    result = cronica.extract(text, published="2021-06-10", id="test")
    assert result.events, text
    return max(result.events, key=lambda e: e.confidence).fatalities


# each form: sentences where the rule fires, then one where it must not
CASES = [
    # one person counted by "1" or "one" whose noun is a person by its ending, not in the word list
    ("On 3 June 2021, unidentified gunmen shot and killed 1 policewoman in Jalalabad.", 1),
    ("On 3 June 2021, raiders attacked a cattle camp near Bor, killing one pastoralist.", 1),
    # state forces named by a word no person suffix marks
    ("On 3 June 2021, gunmen ambushed a convoy near Dori, killing 4 gendarmes and 2 civilians.", 6),
    # the same ending on a thing is no victim
    ("On 3 June 2021, raiders stole 1 motorcycle and burned a shop near Bor.", 0),
    # "shot and killed": the killing verb joined to "shot" says what befell them
    ("On 3 June 2021, 3 soldiers were shot and killed by militants near the checkpoint in Kunduz.", 3),
    ("On 3 June 2021, two traders were shot and later died of their wounds in Mandera.", 2),
    # a figure of its own on the killing verb: the shot are the wounded
    ("On 3 June 2021, gunmen opened fire in Mandera market: four traders were shot and one killed.", 1),
    # a range: ACLED codes the most conservative figure, its lower bound
    ("On 3 June 2021, herders and farmers clashed near Dalori; between 6 and 11 herders were killed.", 6),
    (
        "On 3 June 2021, between 4 and 7 villagers (according to local sources) were killed when "
        "militants attacked Kindu village.",
        4,
    ),
    # a range that is no count of people ("between 10 and 20 houses")
    ("On 3 June 2021, militants burned between 10 and 20 houses in Kindu village.", 0),
    # the subject of a killing verb with an object did the killing; nothing befell it
    ("On 3 June 2021, a number of farmers killed eight goats belonging to herders in Kalale.", 0),
    ("On 3 June 2021, a group of youths killed and burned several cows near Kalale.", 0),
    # the object is the dead
    ("On 3 June 2021, a number of gunmen killed four farmers in Kalale.", 4),
    # "killed and mutilated a farmer": the object of the verb joined to the killing is its victim
    ("On 3 June 2021, unknown men killed and mutilated a female cashew farmer in Barienou.", 1),
    ("On 3 June 2021, gunmen killed two traders and wounded a policeman in Barienou.", 2),
    # the one person told of before, with no figure: one death
    ("On 3 June 2021, police exchanged fire with an armed robber in Likoni, killing the man.", 1),
    (
        "On 3 June 2021, a gunman shot at officers guarding a bank in Kisumu. The officers returned "
        "fire and killed the gunman.",
        1,
    ),
    # a figure told before: "the driver" is one of it
    (
        "On 3 June 2021, four passengers were killed when gunmen ambushed a bus near Garissa; the "
        "gunmen killed the driver first.",
        4,
    ),
    # what a person had done, told in a relative clause: that earlier deed's dead
    ("On 3 June 2021, a mob attacked a man who had allegedly killed his brother in Kutu village.", 0),
    ("On 3 June 2021, a youth mob burned the houses of suspected cultists who killed a trader in Ihie.", 0),
    # the doers of the event described by what they did: their killing is the event's
    (
        "On 3 June 2021, officials visiting a farm near Naivasha were attacked by a group of around 50 "
        "youths who killed a police officer.",
        1,
    ),
    # a relative clause of a thing that killed: the event's dead
    ("On 3 June 2021, a bomb that killed five people exploded at the market in Maiduguri.", 5),
    # a riot after a killing: the killing is its cause, another event's dead
    (
        "On 3 June 2021, a mob set fire to a lorry in Bidur after the lorry hit a motorbike and killed "
        "one man.",
        0,
    ),
    # a claim the note says could not be verified is no toll
    (
        "On 3 June 2021, JNIM claimed to have attacked and killed six soldiers near Porga. The "
        "information could not be independently verified.",
        0,
    ),
    (
        "On 3 June 2021, militants attacked an army boat near Ngouboua. According to Amaq, 20 soldiers "
        "were killed, however, this could not be independently verified.",
        0,
    ),
    # a claim with no such words, and a figure beside a doubt about something else, stand
    ("On 3 June 2021, NAS forces claimed to have killed 4 SSPDF soldiers in Katigiti.", 4),
    (
        "On 3 June 2021, gunmen shot dead two traders in Moyale. The identity of the gunmen could not "
        "be confirmed.",
        2,
    ),
    # a number after "No" names a thing: no count
    ("On 3 June 2021, a bomb exploded at Basic Education High School No 5 in Yangon. Casualties unknown.", 0),
    ("On 3 June 2021, four people were killed when a bomb exploded at High School No. 2 in Yangon.", 4),
    # each side's figure, the first with a longer noun phrase: one figure
    ("On 3 June 2021, at least 12 fighters of the armed group and 3 soldiers were killed.", 15),
    ("On 3 June 2021, 4 pro-government militia members and 2 Taliban militants died in Nijrab.", 6),
    # the second figure has a verb of its own
    ("On 3 June 2021, 12 fighters of the armed group were killed and 3 soldiers injured near Mueda.", 12),
    # a semicolon ends the killing's clause: what comes after is no toll
    (
        "On 3 June 2021, soldiers clashed with rebels near Dombe; 5 rebels were killed; two rifles were "
        "seized.",
        5,
    ),
    # a person noun capitalised mid-sentence, with its article: one person
    ("On 3 May 2021, a Policeman was killed when gunmen attacked a checkpoint near Tikrit.", 1),
    # people named one by one are each a victim, whatever their article ("the", "his"); a figure among
    # them counts itself
    (
        "On 3 June 2021, bandits stopped a lorry near Gusau; the driver, his mate and one of the traders "
        "were killed.",
        3,
    ),
    ("On 3 June 2021, a reporter and his cameraman were shot dead by gunmen on a motorbike in Cotabato.", 2),
    ("On 3 June 2021, gunmen attacked a minibus near Gusau, killing the conductor and his brother.", 2),
    # a thing someone has, joined to the clause, is no person
    ("On 3 June 2021, gunmen wounded the conductor near Gusau and his minibus was burned.", 0),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_the_dead_of_a_short_report(text: str, want: int) -> None:
    assert fatalities(text) == want
