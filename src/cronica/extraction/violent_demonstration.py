"""A demonstration whose participants use violence is a riot.

ACLED codes a demonstration in which the demonstrators engage in violence or destruction (arson,
vandalism, stones or bottles thrown, road blocks of barricades or burning tyres, clashes with the
police) as Riots / Violent demonstration; a peaceful one met by force stays Protests (with intervention,
excessive force). The rules read a short note's demonstration and, apart, its burning or damage (a
destruction of property of its own) or miss the violence words ("lit bonfires", "clashes between the
drivers and police"); the classifier, which learned the protest words, reads most such notes as a
peaceful protest.

In: a short report's events, its text and the convention (``violent_demonstration`` in
conventions.yaml). Out: the events with the first demonstration coded as a violent demonstration and
the destruction the rules coded apart folded into it (:func:`violent_demonstration_events`), or
``None`` where the convention does not apply. The ``violent-demonstration`` stage (:mod:`.stages`)
applies it to reports of three sentences or fewer. Never raises on text.
"""

from __future__ import annotations

from collections.abc import Collection

from cronica.extraction.classify import recoded
from cronica.extraction.conventions import ViolentDemonstration, load_conventions
from cronica.extraction.part_of_incident import take_in
from cronica.fields import replace
from cronica.records import Event

_CONVENTIONS = load_conventions()
#: actors whose destruction is no demonstrator's: the state's forces and armed groups
_ARMED = _CONVENTIONS.inter["state"] | _CONVENTIONS.inter["armed"]
_STATE = _CONVENTIONS.inter["state"]
_CIVIL = _CONVENTIONS.inter["civil"]
#: demonstrators and rioters: an attack on people they make is the demonstration's violence
_CROWD = _CONVENTIONS.inter["crowd"]


def violent_demonstration_events(
    events: list[Event], text: str, violent: ViolentDemonstration, peaceful: Collection[str] = ()
) -> list[Event] | None:
    """``events`` (a short report's) with its first demonstration, coded Protests / one of
    ``violent.codings``, coded as ``violent.coding`` when ``text`` says the demonstrators used
    violence (``violent.words``) or another event is a riot or a destruction of property
    (``violent.destruction``) by a perpetrator the text names who is neither the state's nor armed;
    such destruction events, the demonstrators' own attacks on people (actor 1 of ``inter.groups.crowd``)
    and the riots or destruction by people neither armed nor the state's told in the demonstration's
    own sentence are folded into it (their counts of kinds it lacks join it). With no demonstration
    told, a report's one destruction by such people is a violent demonstration where the words tell
    road blocks (``violent.road_blocks``) or a protest (``violent.protest_told``: "during protests").
    A state force the protest's coding made actor 1 (excessive force, an intervention) becomes actor
    2, the demonstrators actor 1. ``None`` when no event changes. A demonstration whose sentence says
    it passed off peacefully (``peaceful``, the lexicon's ``grammar.peaceful``: "dispersed without
    incident") keeps its coding: violence told after it is another event, as ``assemble`` keeps it."""
    ordered = sorted(events, key=lambda e: e.trigger.start)
    demo = next((e for e in ordered if e.event_type == "Protests"), None)
    if demo is None:
        # no demonstration told, but people who are neither the state's nor armed barricading roads
        # with burning tyres, or destroying property "during protests": the destruction is their
        # demonstration ("residents blocked the road with burning tyres")
        if len(events) != 1 or not _unarmed_destruction(events[0], violent):
            return None
        if not (violent.road_blocks.search(text) or violent.protest_told.search(text)):
            return None
        return [_recoded_destruction(events[0], violent)]
    if demo.sub_event_type not in violent.codings:
        return None
    said = (demo.sentence.text if demo.sentence is not None else "").lower()
    if any(w in said for w in peaceful):
        return None
    violence = [e for e in ordered if e is not demo and _demonstrators_violence(e, violent)]
    found = violent.words.search(text) or violent.after.search(text)
    if not violence and found is None:
        return None
    why = (
        f"the demonstrators' violence ({found.group(0).lstrip('.!? ')!r})"
        if found is not None
        else f"the demonstrators' violence ({violence[0].event_type} / {violence[0].sub_event_type})"
    )
    changed = recoded(demo, violent.coding, why)
    a1, a2 = demo.actor1, demo.actor2
    if a1 is not None and a1.inter in _STATE and (a2 is None or a2.inter in _CIVIL):
        # the force a protest's coding put first ("police fired on the protesters") is the rioters'
        # adversary, actor 2; the demonstrators (or, unnamed, the rioters of ``roles``) are actor 1
        changed = replace(changed, actor1=a2, actor2=a1)
    # folded into it: the destruction coded apart, the demonstrators' own attack on people ("The
    # demonstrators assaulted a family and beat a soldier"), and a riot or destruction read in the
    # demonstration's own sentence ("Residents burned tires and blocked roads": the burning, which the
    # classifier may have made a riot, and the road block are one demonstration), and a protest of that
    # sentence at its place (the demonstration told twice: "dynamited a bridge during a protest")
    apart = {id(e) for e in violence if e.event_type != "Riots"}
    folded = [
        e
        for e in ordered
        if e is not demo
        and (
            id(e) in apart
            or (
                e.sentence == demo.sentence
                and e.sentence is not None
                and (_unarmed_riot_or_destruction(e, violent) or _same_demonstration(e, demo))
            )
        )
    ]
    for event in folded:
        changed = take_in(changed, event)
    gone = {id(e) for e in folded}
    return [changed if e is demo else e for e in events if id(e) not in gone]


def _same_demonstration(event: Event, demo: Event) -> bool:
    """Another protest of the demonstration's sentence at its place (or at none): the demonstration
    told again ("Miners dynamited a bridge during a protest in Potosi": the dynamiting, read as the
    protest, and "a protest")."""
    if event.event_type != "Protests":
        return False
    here, there = event.location.name, demo.location.name
    return not here or not there or here == there


def _unarmed_riot_or_destruction(event: Event, violent: ViolentDemonstration) -> bool:
    """A riot, or a destruction of property, by nobody named or people neither armed nor the state's
    (also an actor only the classifier typed, which has no words)."""
    return event.event_type == "Riots" or _unarmed_destruction(event, violent)


def _unarmed_destruction(event: Event, violent: ViolentDemonstration) -> bool:
    return (
        event.event_type == "Strategic developments"
        and event.sub_event_type in violent.destruction
        and (event.actor1 is None or event.actor1.inter not in _ARMED)
    )


def _recoded_destruction(event: Event, violent: ViolentDemonstration) -> Event:
    found = violent.road_blocks.search(event.sentence.text if event.sentence is not None else "")
    words = f" ({found.group(0)!r})" if found is not None else ""
    return recoded(event, violent.coding, f"the demonstrators' violence{words}")


def _demonstrators_violence(event: Event, violent: ViolentDemonstration) -> bool:
    # a perpetrator named in the text (not "to protest the campaign to destroy illegal housing", "the
    # recovery of looted funds": what a demonstration is about names none; an actor the classifier
    # typed has no words) who is neither the state's nor armed
    if event.actor1 is None or event.actor1.span is None or event.actor1.inter in _ARMED:
        return False
    if event.event_type == "Riots":
        return True
    if event.event_type == "Violence against civilians":
        return event.actor1.inter in _CROWD  # demonstrators or rioters who beat or attacked people
    return event.event_type == "Strategic developments" and event.sub_event_type in violent.destruction
