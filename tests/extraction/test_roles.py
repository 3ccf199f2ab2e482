"""ACLED's actor roles by event type, on texts written for these tests."""

from __future__ import annotations

from typing import cast

import pytest

import cronica
from cronica.extraction.actors import DocActors
from cronica.extraction.roles import apply_acled_roles
from cronica.fields import replace
from cronica.records import Actor, Event


def events(text: str) -> list[Event]:
    return list(cronica.extract(text, published="2022-05-11", id="t").events)


def test_students_who_march_are_protesters() -> None:
    (event,) = events("Several hundred students marched through the centre of Eldoret on Monday.")
    assert event.actor1 is not None and event.actor1.inter == 6


def test_youths_who_stone_the_police_are_rioters() -> None:
    (event,) = events(
        "In Eldoret on Monday, youths set up barricades of burning tyres and pelted police with stones."
    )
    assert event.event_type == "Riots"
    assert event.actor1 is not None and event.actor1.inter == 5


def test_people_detained_are_actor_two_and_the_police_actor_one() -> None:
    (event,) = events("Nine people were detained in Eldoret on Monday.")
    assert event.sub_event_type == "Arrests"
    assert event.actor1 is not None and event.actor1.inter == 1


def test_a_curfew_is_the_governments_act() -> None:
    (event,) = events("A dusk-to-dawn curfew was declared in Eldoret on Monday.")
    assert event.actor1 is not None and event.actor1.kind == "government"


def test_a_boy_shot_by_a_sniper_is_a_civilian_target() -> None:
    (event,) = events("Gunmen shot dead a 9-year-old boy in Eldoret on Monday.")
    assert event.event_type == "Violence against civilians"
    assert event.actor2 is not None and event.actor2.inter == 7


def test_a_protester_killed_by_no_one_named_is_actor_two_only() -> None:
    # the protesters are the victims of the force; who used it is not said, so actor 1 stays empty
    # with its reason (before: the protesters on both sides)
    for text in (
        "A protester was killed in Eldoret on Monday.",
        "The death of a protester was confirmed by the ombudsman on Monday.",
    ):
        (event,) = events(text)
        assert event.sub_event_type == "Excessive force against protesters", text
        assert event.actor2 is not None and event.actor2.inter == 6, text
        assert event.actor1 is None, text
        assert "actor1" in event.missing, text


def test_the_police_who_fired_on_protesters_stay_actor_one() -> None:
    (event,) = events("Police fired on protesters in Eldoret on Monday, killing two.")
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.actor1 is not None and event.actor1.inter == 1
    assert event.actor2 is not None and event.actor2.inter == 6


class _Generic:
    """The document's generic actors, as :class:`~cronica.extraction.actors.DocActors` gives them."""

    def of_kind(self, kind: str) -> Actor:
        name = {"rioters": "Rioters (Kenya)"}.get(kind, kind)
        return Actor(name, kind=kind, inter=5 if kind == "rioters" else 7)


def test_the_police_a_riot_was_read_with_first_are_actor_two() -> None:
    """ACLED's riots are the rioters' events: a state force the words made actor 1 ("the police fired
    tear gas at the students, who threw rocks") is who they faced, actor 2."""
    (riot,) = events("Youths rioted in Eldoret on Monday.")
    police = Actor("Police Forces of Kenya", kind="police", inter=1)
    for sub in ("Violent demonstration", "Mob violence"):
        read = replace(riot, sub_event_type=sub, actor1=police, actor2=None)
        (event,) = apply_acled_roles([read], cast(DocActors, _Generic()))
        assert event.actor1 is not None and event.actor1.inter == 5
        assert event.actor2 == police


def test_the_sides_a_clash_names_after_between_are_its_actors() -> None:
    # "clashes between X and Y": X is actor 1, Y actor 2; also when "between" hangs from the verb
    (event,) = events("On 3 March 2022, clashes between the army and the KLF continued near Kassala.")
    assert event.event_type == "Battles"
    assert event.actor1 is not None and event.actor1.kind == "military"
    assert event.actor2 is not None and event.actor2.text == "KLF"
    (event,) = events("On 3 March 2022, fighting broke out between the army and the KLF near Kassala.")
    assert event.actor2 is not None and event.actor2.text == "KLF"


def test_the_states_named_untyped_opponent_is_a_rebel_group() -> None:
    # a name no dictionary types, fought or struck by the state's forces: a rebel group (inter 2)
    (event,) = events("On 3 March 2022, soldiers clashed with the KLF near Kassala.")
    assert event.actor1 is not None and event.actor1.inter == 1
    assert event.actor2 is not None and event.actor2.text == "KLF" and event.actor2.inter == 2
    # not against an actor 1 that is not the state's
    (event,) = events("On 3 March 2022, unidentified gunmen clashed with the KLF near Kassala.")
    assert event.actor1 is not None and event.actor1.inter not in {1, None}
    assert event.actor2 is not None and event.actor2.text == "KLF" and event.actor2.inter is None


def test_looting_with_no_target_named_is_of_the_civilians() -> None:
    (event,) = events("Looting: On 3 March 2022, KLF fighters looted shops in Kassala.")
    assert event.sub_event_type == "Looting/property destruction"
    assert event.actor2 is not None and event.actor2.inter == 7


def test_the_victims_of_mob_violence_no_word_names_are_civilians() -> None:
    """A mob beats, lynches or burns someone: ACLED codes civilians as actor 2 when the note names no
    victim's kind (531 of 915 Mob violence events of the training files; 2 have none)."""
    found = events("On 9 May 2022, a mob lynched a suspected thief in Kisumu town.")
    mob = [e for e in found if e.sub_event_type == "Mob violence"]
    assert mob, [(e.event_type, e.sub_event_type) for e in found]
    assert mob[0].actor1 is not None and mob[0].actor1.inter == 5
    assert mob[0].actor2 is not None and mob[0].actor2.inter == 7
    # a violent demonstration is not done to anyone: no actor 2 is added
    (event,) = events("In Eldoret on Monday, youths set up barricades of burning tyres and pelted stones.")
    assert event.sub_event_type == "Violent demonstration"
    assert event.actor2 is None


@pytest.mark.parametrize(
    "text",
    [
        "On 8 May 2022, two mobs clashed with each other in Kisumu over a land dispute.",
        "On 8 May 2022, supporters of two rival candidates clashed in Kisumu town, injuring 12 people.",
        "On 8 May 2022, a clash took place between two groups of villagers over grazing land in Kisumu.",
    ],
)
def test_both_sides_of_a_mob_clash_are_rioters(text: str) -> None:
    """conventions.yaml ``roles.riots.sides_unnamed``: mob violence told as a clash has rioters for
    its other side, not civilians (78 of the training files' 111 Mob violence notes that say clash)."""
    mob = [e for e in events(text) if e.sub_event_type == "Mob violence"]
    assert mob, text
    assert mob[0].actor1 is not None and mob[0].actor1.inter == 5
    assert mob[0].actor2 is not None and mob[0].actor2.inter == 5, mob[0].actor2


def test_a_mob_that_lynches_someone_still_has_a_civilian_victim() -> None:
    """No clash: the other side of mob violence stays its civilian victim."""
    mob = [e for e in events("On 9 May 2022, a mob beat a suspected thief to death in Kisumu town.")]
    assert mob and mob[0].sub_event_type == "Mob violence"
    assert mob[0].actor2 is not None and mob[0].actor2.inter == 7


def test_civilians_who_step_on_a_landmine_are_its_victims_not_its_makers() -> None:
    """conventions.yaml ``roles.explosions``: civilians are never actor 1 of an explosion."""
    found = events("On 9 May 2022, a woman collecting firewood stepped on a landmine near Kassala.")
    blast = [e for e in found if e.event_type == "Explosions/Remote violence"]
    assert blast, [(e.event_type, e.sub_event_type) for e in found]
    assert blast[0].actor2 is not None and blast[0].actor2.inter == 7
    assert blast[0].actor1 is not None and blast[0].actor1.inter == 3


def test_the_victims_of_violence_against_civilians_are_civilians_whoever_the_words_name() -> None:
    """All 1,965 Violence against civilians events of the training files have civilians as actor 2; a
    party's member the words name stays associated with them."""
    found = events("On 8 May 2022, Imbonerakure youths tortured a CNL member in Ruramba, Burundi.")
    attack = [e for e in found if e.event_type == "Violence against civilians"]
    assert attack, [(e.event_type, e.sub_event_type) for e in found]
    assert attack[0].actor2 is not None and attack[0].actor2.inter == 7
    # a party the words made the target (inter 6, as a party protesting is) is no exception
    police = Actor("Police Forces of Kenya", kind="police", inter=1)
    party = Actor("Nepali Congress", kind="party", inter=6)
    read = replace(attack[0], actor1=police, actor2=party)
    (event,) = apply_acled_roles([read], cast(DocActors, _Generic()))
    assert event.actor2 is not None and event.actor2.inter == 7 and event.actor2.associated == (party,)


def test_civilians_who_fight_a_battle_are_the_militia_of_their_community() -> None:
    """No side of ACLED's battles is civilians, protesters or rioters (none of 2,418 training battles)."""
    found = events("On 8 May 2022, pastoralists and farmers clashed in Domoteguede village, Chad.")
    battle = [e for e in found if e.event_type == "Battles"]
    assert battle, [(e.event_type, e.sub_event_type) for e in found]
    sides = [a.inter for a in (battle[0].actor1, battle[0].actor2) if a is not None]
    assert sides and all(i == 4 for i in sides), sides


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2022, hartal enforcers of the opposition party torched two buses in Khulna town.",
        "On 3 May 2022, bandh enforcers of the Chand-led Communist Party torched a communication tower "
        "belonging to a private company in Dhading town (Dhading district). [size=no report]",
    ],
)
def test_strike_enforcers_who_torch_are_rioters_of_a_violent_demonstration(text: str) -> None:
    """conventions.yaml ``mob_violence.demonstration`` (bandh, hartal) and ``roles.riots``: a general
    strike's enforcers who burn are a violent demonstration, its actor 1 the rioters, its actor 2 never
    the party the words named."""
    riots = [e for e in events(text) if e.event_type == "Riots"]
    assert riots, [(e.event_type, e.sub_event_type) for e in events(text)]
    assert riots[0].sub_event_type == "Violent demonstration"
    assert riots[0].actor1 is not None and riots[0].actor1.inter == 5
    assert riots[0].actor2 is None or riots[0].actor2.inter != 6


def test_a_clash_of_two_unnamed_groups_is_the_rioters() -> None:
    """conventions.yaml ``roles.riots.rioters_unnamed`` (with Mob violence since 2026-12-07): a riot no
    actor words tell is the rioters' (1,992 of the training files' 2,068 riots have Rioters as actor 1)."""
    text = "On 30 April 2022, a clash ensued between two groups in Kisumu town over a land dispute. "
    text += "[size=no report]"
    riots = [e for e in events(text) if e.event_type == "Riots"]
    assert riots, [(e.event_type, e.sub_event_type) for e in events(text)]
    assert riots[0].actor1 is not None and riots[0].actor1.inter == 5


def test_a_riots_untyped_or_militia_actor_one_is_the_rioters_and_its_actor_two_no_party() -> None:
    """conventions.yaml ``roles.riots``: an actor 1 of a riot the words gave no type ("NCP", "Netra
    Bikram Chand") or a political militia (``rioters_inter``) is the rioters, the name kept as their
    associated actor; a party or protesters made actor 2 are rioters in a clash, else civilians (none of
    the training files' 2,068 riots has protesters for a side)."""
    (riot,) = events("Youths rioted in Eldoret on Monday.")
    untyped = Actor("NCP", kind="organisation", inter=None)
    militia = Actor("Unidentified Armed Group (Kenya)", kind="militia", inter=3)
    party = Actor("Political Party (Kenya)", kind="party", inter=6)
    for actor1 in (untyped, militia):
        read = replace(riot, sub_event_type="Mob violence", actor1=actor1, actor2=party)
        (event,) = apply_acled_roles([read], cast(DocActors, _Generic()))
        assert event.actor1 is not None and event.actor1.inter == 5
        assert (untyped in event.actor1.associated) == (actor1 is untyped)
        assert event.actor2 is not None and event.actor2.inter == 7 and party in event.actor2.associated
    # men the words call armed are no mob: the riot is a type misread, their type stays
    armed = Actor("Unidentified Armed Group (Kenya)", kind="militia", inter=3, text="forty armed raiders")
    (event,) = apply_acled_roles([replace(riot, actor1=armed, actor2=None)], cast(DocActors, _Generic()))
    assert event.actor1 == armed
    rebels = Actor("Al Shabaab", kind="rebels", inter=2)
    (event,) = apply_acled_roles([replace(riot, actor1=rebels, actor2=None)], cast(DocActors, _Generic()))
    assert event.actor1 == rebels  # a rebel group in a riot is a type misread, left as it is
