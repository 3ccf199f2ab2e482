"""Actor types the ACLED way (issue 11): foreign forces are External/other forces (8), a named police
unit is the state's, a group the dictionary knows keeps its type whatever the NER labels it, a clan
militia is an identity militia, and the classifier's reading of a whole summary does not re-type an
opening subject whose words give its type. Sentences written for these tests (worded like ACLED
summaries; no note of a gold set)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import cronica
from cronica.extraction.actors import organisation_kind
from cronica.extraction.learned import Combination, Judgement, apply_summary_actor_type
from cronica.extraction.lexicon import load_lexicon
from cronica.records import Actor, Event, Extraction, Span


def run(text: str, published: str = "2024-03-20") -> Extraction:
    return cronica.extract(text, published=published, id="test")


def first(result: Extraction) -> Event:
    assert result.events, "no event"
    return min(result.events, key=lambda e: e.trigger.start)


def test_a_state_s_forces_named_by_their_country_abroad_are_external_forces() -> None:
    event = first(
        run("On 12 March 2024, Rwandan troops clashed with insurgents near Mocimboa da Praia, Mozambique.")
    )
    assert event.location.country_code == "MZ"
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Rwanda"
    assert event.actor1.inter == 8


def test_forces_called_international_are_external_forces_of_no_named_country() -> None:
    event = first(
        run("On 2 March 2024, international forces carried out an airstrike on a militant camp near Jilib.")
    )
    assert event.actor1 is not None
    assert (event.actor1.name, event.actor1.inter) == ("Unidentified Military Forces", 8)


def test_forces_of_the_event_s_own_country_stay_state_forces() -> None:
    event = first(run("On 12 March 2024, Malian soldiers clashed with jihadist fighters near Menaka, Mali."))
    assert event.actor1 is not None and event.actor1.inter == 1


def test_a_named_police_unit_is_the_state_s_whatever_its_other_words() -> None:
    heads = load_lexicon().organisations
    countries = {"kenya": "Kenya", "kenyan": "Kenya"}.get
    assert organisation_kind("Northern Special Police Forces", heads, countries) == "police"
    assert organisation_kind("Kenyan Army", heads, countries) == "military"
    # a named army of other words is still a rebel group
    assert organisation_kind("Lakeside Liberation Army", heads, countries) == "rebels"


def test_forces_the_opening_subject_names_by_their_country_keep_their_type() -> None:
    # the NER labels "Ugandan" an organisation here; a demonym is no group's name
    event = first(
        run(
            "On 3 March 2021, Ugandan security forces clashed with members of an armed group near Kisoro.",
            "2021-03-05",
        )
    )
    assert event.actor1 is not None and event.actor1.inter == 1


def test_state_modifiers_joined_by_and_leave_forces_the_state_s() -> None:
    heads = load_lexicon().organisations
    countries = {"kenya": "Kenya", "kenyan": "Kenya"}.get
    assert organisation_kind("Kenyan Defense and Security Forces", heads, countries) == "military"
    # an acronym in brackets restates the name
    assert organisation_kind("Security and Defence Forces (FDS)", heads, countries) == "military"
    # a joined word that is no state modifier still makes a rebel group
    assert organisation_kind("Freedom and Justice Army", heads, countries) == "rebels"


def test_a_group_the_dictionary_knows_is_a_rebel_group_named_by_its_words() -> None:
    event = first(run("On 14 August 2023, Al Shabaab attacked an army base near Jowhar town."))
    assert event.actor1 is not None
    assert (event.actor1.name, event.actor1.inter) == ("Al Shabaab", 2)


def test_an_organisation_whose_name_holds_a_known_group_s_words_is_that_group() -> None:
    event = first(
        run(
            "On 9 May 2024, Islamic State Sahel Province ambushed an army patrol near Menaka, killing "
            "3 soldiers."
        )
    )
    assert event.actor1 is not None and event.actor1.inter == 2


def test_a_clan_militia_is_an_identity_militia() -> None:
    event = first(
        run("On 6 June 2024, a clan militia opened fire on a minibus near Beledweyne, injuring 2 passengers.")
    )
    assert event.actor1 is not None and event.actor1.inter == 4


def test_the_label_of_a_movement_of_forces_is_no_actor_and_the_group_seen_is_actor_one() -> None:
    event = first(
        run(
            "Movement of forces: On 3 June 2024, Al Shabaab fighters were seen gathering near Bulo Burto "
            "town, armed with heavy weapons."
        )
    )
    assert event.sub_event_type == "Change to group/activity"
    assert event.actor1 is not None and event.actor1.inter == 2 and "Shabaab" in event.actor1.name
    assert event.actor2 is None or event.actor2.inter != 1


def test_a_battle_told_next_from_the_other_side_is_one_battle() -> None:
    result = run(
        "On 5 May 2024, Al Shabaab ambushed a police patrol near Afgooye town. The police clashed "
        "with Al Shabaab. There were no casualties."
    )
    battles = [e for e in result.events if e.event_type == "Battles"]
    assert len(battles) == 1
    assert battles[0].actor1 is not None and battles[0].actor1.inter == 2


def test_a_protest_an_armed_group_organised_is_the_protesters() -> None:
    event = first(
        run("On 23 May 2024, Al Shabaab organized a protest in Bulo Burto town against the elections.")
    )
    assert event.event_type == "Protests"
    assert event.actor1 is not None and event.actor1.inter == 6


@dataclass
class _Reads:
    """A typer whose reading of every text is ``reading``."""

    reading: Judgement

    def judge(self, text: str) -> Judgement:
        return self.reading


def _summary_event(text: str, words: str, kind: str, inter: int, country_named: bool = False) -> Event:
    event = cronica.extract(text, published="2024-05-10", id="t").events[0]
    at = text.index(words)
    actor = Actor(
        name=words,
        text=words,
        span=Span(at, at + len(words), words),
        inter=inter,
        kind=kind,
        country_named=country_named,
    )
    return replace(event, actor1=actor)


def test_the_summary_reading_keeps_the_type_of_an_opening_subject_its_words_type() -> None:
    text = "On 9 May 2024, government soldiers clashed with insurgents near Dimbo village."
    rebels = Judgement(0.99, (("Battles", "Armed clash", 0.9),), inter1=((2, 0.9), (1, 0.1)))
    subject = (text.index("soldiers"), text.index(" clashed"))

    def typed(kind: str, inter: int, at_subject: bool, named: bool = False) -> int | None:
        out = apply_summary_actor_type(
            [_summary_event(text, "soldiers", kind, inter, named)],
            _Reads(rebels),
            lambda k: Actor(name=k),
            Combination(),
            text,
            summary=True,
            subject=subject if at_subject else None,
        )
        assert out[0].actor1 is not None
        return out[0].actor1.inter

    assert typed("military", 1, at_subject=True) == 1  # soldiers: the state's
    assert typed("identity_militia", 4, at_subject=True) == 4  # a clan militia: an identity militia
    assert typed("military", 8, at_subject=False, named=True) == 8  # forces of another country
    # an actor found away from the opening subject may be the wrong one: the reading types it
    assert typed("military", 1, at_subject=False) == 2
    # words that only describe ("militants") take the reading's type
    assert typed("militia", 3, at_subject=True) == 2


def test_the_other_side_of_a_clash_is_actor_two() -> None:
    event = first(run("On 3 March 2024, army soldiers clashed with Boko Haram fighters near Gwoza town."))
    assert event.event_type == "Battles"
    assert event.actor1 is not None and event.actor1.inter == 1
    assert event.actor2 is not None and event.actor2.inter == 2


def test_what_an_airstrike_targets_is_actor_two_also_a_group_s_base() -> None:
    event = first(
        run("On 3 March 2024, US forces conducted an airstrike targeting an Al Shabaab camp near Jilib.")
    )
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor2 is not None and event.actor2.inter == 2


def test_who_made_the_attack_that_forces_repelled_is_actor_one() -> None:
    for text in (
        "On 8 May 2024, army troops repelled an attack by Boko Haram fighters near Gwoza town.",
        "On 8 May 2024, army troops repelled a Boko Haram attack near Gwoza town.",
    ):
        event = first(run(text))
        assert event.event_type == "Battles", text
        assert event.actor1 is not None and event.actor1.inter == 2, text
        assert event.actor2 is not None and event.actor2.inter == 1, text
