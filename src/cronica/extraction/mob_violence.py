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

from cronica.extraction.classify import recoded
from cronica.extraction.conventions import MobViolence
from cronica.records import Event


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
