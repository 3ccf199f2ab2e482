"""Violence by rioters is a riot: an attack or a clash whose actor 1 is rioters is mob violence.

ACLED codes violence by people with no organisation behind them (a mob, a crowd, party supporters or
residents fighting each other) as Riots / Mob violence, and keeps Violence against civilians and Battles
for organised or armed actors: in its training files no event whose actor 1 is rioters is an attack or a
battle. The rules type a sentence by its verb ("beat a man to death", "fought with machetes") and the
classifier by its words, so "A crowd beat a man to death" comes out an attack whose actor 1, typed by
``roles`` from "crowd", is rioters.

In: an event after ``roles`` and ``summary-actor-type`` (which decide actor 1 and its type) and the
convention (``mob_violence`` in conventions.yaml). Out: the event coded Riots / Mob violence when it is
coded one of ``codings`` and its actor 1's inter code is one of ``inter`` (:func:`mob_violence_coding`),
else ``None``. A violent demonstration needs a demonstration: one in a report whose words tell no
demonstration nor its demand is mob violence too (:func:`no_demonstration_coding`). Never raises.
"""

from __future__ import annotations

from collections.abc import Callable

from cronica.extraction.classify import recoded
from cronica.extraction.conventions import MobViolence
from cronica.fields import replace
from cronica.records import Actor, Event


def mob_violence_coding(event: Event, mob: MobViolence) -> Event | None:
    """``event`` coded as mob violence (``mob.coding``) when it is an attack or a battle of
    ``mob.codings`` by an actor 1 of ``mob.inter`` (rioters); ``None`` otherwise."""
    if event.event_type not in {"Violence against civilians", "Battles"}:
        return None
    if event.sub_event_type not in mob.codings:
        return None
    actor = event.actor1
    if actor is None or actor.inter not in mob.inter:
        return None
    return recoded(event, mob.coding, f"violence by rioters ({actor.name}) is mob violence")


def no_demonstration_coding(event: Event, text: str, mob: MobViolence) -> Event | None:
    """``event`` coded as mob violence when it is a violent demonstration (``mob.coding``'s event type)
    and ``text``, the report, has none of the words of ``mob.demonstration`` ("two groups of drivers
    clashed", "party members fought one another": rioters who are not demonstrating); ``None``
    otherwise."""
    if (
        mob.demonstration is None
        or event.event_type != mob.coding[0]
        or event.sub_event_type == mob.coding[1]
    ):
        return None
    if mob.demonstration.search(text):
        return None
    return recoded(event, mob.coding, "a riot whose report tells no demonstration nor demand is mob violence")


#: how far (in characters) after a clash's "with" or "between" one of its sides' words may begin
_SIDE_AFTER = 12


def state_clash_coding(
    event: Event, mob: MobViolence, state: dict[str, int], rioters: Callable[[], Actor], abroad: int
) -> Event | None:
    """``event`` coded as a riot (``mob.clash_coding``) when it is an attack or a battle of
    ``mob.codings`` whose sentence tells a clash (``mob.state_clash``) with one of its sides' words
    right after the clash's words, and whose sides are a state force (an actor of a kind of ``state``,
    kind -> its inter code; a type the classifier gave it is set back to the kind's, save ``abroad``)
    and people of a kind of ``mob.unarmed`` (by their words: civilians, a party's people, none of an
    armed group's kept associated with them): the unarmed are its rioters, actor 1 (``rioters()``,
    keeping their words and any party as associated), the state force actor 2. ``None`` otherwise."""
    if mob.state_clash is None or mob.clash_coding is None:
        return None
    if (
        event.event_type not in {"Violence against civilians", "Battles"}
        or event.sub_event_type not in mob.codings
    ):
        return None
    a1, a2 = event.actor1, event.actor2
    if a1 is None or a2 is None:
        return None
    if a2.kind in state and a1.kind not in state:
        a1, a2 = a2, a1
    if a1.kind not in state or a2.kind not in mob.unarmed:
        return None
    if any(a.kind not in mob.unarmed for a in a2.associated):
        return None  # victims of an attack the roles made civilians, who were an armed group's
    where = event.sentence or event.trigger
    # the clash is theirs: one side's words follow "clashed with", "a clash broke out between" at once
    # (not "killed in a clash in X, and two police reservists were wounded")
    sides = [a.span.start - where.start for a in (a1, a2) if a.span is not None]
    if not any(
        0 <= side - m.end() <= _SIDE_AFTER for m in mob.state_clash.finditer(where.text) for side in sides
    ):
        return None
    party = (a2,) if a2.kind == "party" else ()
    crowd = replace(rioters(), text=a2.text, span=a2.span, associated=(*a2.associated, *party))
    force = a1 if a1.inter in {state[a1.kind], abroad} else replace(a1, inter=state[a1.kind])
    clash = replace(event, actor1=crowd, actor2=force)
    return recoded(clash, mob.clash_coding, "a clash of the state's forces with unarmed people is a riot")
