"""ACLED's actor conventions, applied to assembled events.

In: :class:`~cronica.records.Event` records and the document's actors. Out: the same events with actor 1
and actor 2 set the way ACLED's codebook sets them for the event's type, whatever sentence supplied them:

* Protests: actor 1 is the protesters (inter 6): civilians who protest are protesters, a protest with
  no actor words is the protesters', and a state force named first is actor 2 (save excessive force,
  which ACLED codes both ways); an armed group that organises a protest stands with the protesters
  (associated); a peaceful protest has no actor 2 but counter-protesters (no civilian "target", not
  the road it blocked, not the police that watched it).
* Riots: actor 1 is the rioters (inter 5), also when the words were "protesters" or "youths"; a state
  force the words made actor 1 is actor 2; mob violence whose victims no words name is done to
  civilians (actor 2).
* Arrests: actor 1 is the state force that arrested (the police when the text names no other); the
  people arrested are actor 2.
* A curfew, a state of emergency or a decree (Strategic developments / Other) is the government's act
  when no state actor is named.
* A change to a group or its activity (Strategic developments / Change to group/activity: "Al Shabaab
  fighters were seen in ...") is the act of the armed group the words make its object, when the text
  names no actor 1.
* Battles: civilians are no side of a battle; civilians who fight ("pastoralists and farmers clashed")
  are the identity militia of their community.
* Explosions/Remote violence: civilians are never actor 1; civilians the words made actor 1 ("a woman
  stepped on a landmine") are actor 2, and actor 1 the unnamed armed group.
* Violence against civilians has civilians as actor 2: when the text names no target words, and when
  the words name someone else (a party's member, a group), who is then associated with them.
* Actors the text gives no country take the country of their event's place (:func:`apply_place_country`):
  "Protesters (Bolivia)", never "Protesters (unknown country)" when the place is known. A state's
  forces whose words name another country than their event's place are external forces (inter 8:
  "Turkish forces shelled a village in Idleb").

The conventions (the kinds, the inter codes, the event types each covers) are read from
``conventions.yaml`` (:mod:`cronica.extraction.conventions`; docs/coding.md).

Never raises; an event whose actors already follow the convention is returned unchanged.
"""

from __future__ import annotations

import re

from cronica.extraction.actors import DocActors
from cronica.extraction.conventions import load_conventions
from cronica.fields import replace
from cronica.records import Actor, Event

_CONVENTIONS = load_conventions()
_PROTESTS, _RIOTS, _BATTLES, _EXPLOSIONS, _VIOLENCE, _ARRESTS, _MEASURES, _ACTIVITY, _LOOTING = (
    _CONVENTIONS.roles[k]
    for k in (
        "protests",
        "riots",
        "battles",
        "explosions",
        "violence",
        "arrests",
        "measures",
        "activity",
        "looting",
    )
)
_CIVIL = _CONVENTIONS.inter["civil"]
_CIVILIANS = _CONVENTIONS.inter["civilians"]
_PROTESTERS = _CONVENTIONS.inter["protesters"]
_CROWD = _CONVENTIONS.inter["crowd"]
_STATE = _CONVENTIONS.inter["state"]
_ARMED = _CONVENTIONS.inter["armed"] | {_CONVENTIONS.abroad.inter}
_ABROAD = _CONVENTIONS.abroad
_UNKNOWN = "unknown country"
_OPPONENT = _CONVENTIONS.state_opponent
#: an actor the words call armed is an armed group, not a mob, whatever the event's type
_ARMED_WORD = re.compile(r"\b(?:armed|gunmen|gunman)\b", re.IGNORECASE)


def apply_acled_roles(events: list[Event], actors: DocActors) -> list[Event]:
    """Every event of ``events`` with ACLED's actor roles for its type (see the module docstring)."""
    return communal_sides([_roles(e, actors) for e in events], actors)


def _roles(event: Event, actors: DocActors) -> Event:
    a1, a2 = event.actor1, event.actor2
    kind, sub = event.event_type, event.sub_event_type
    if _PROTESTS.covers(kind, sub):
        if a1 is not None and a1.inter in _CIVILIANS:
            a1 = _as(actors, _PROTESTS.actor1, a1)
        elif a1 is None:
            if not (sub in _PROTESTS.force_first and _is_kind(a2, actors, _PROTESTS.actor1)):
                # "A protester was killed": under excessive force the protesters named are its
                # victims (actor 2), and whoever used the force is not named
                a1 = actors.of_kind(_PROTESTS.actor1)
        elif a1.inter in _STATE and sub not in _PROTESTS.force_first:
            # "police dispersed the protesters with a lathi charge": the force is actor 2
            a2 = a1 if a2 is None or a2.inter in _CIVIL else a2
            a1 = actors.of_kind(_PROTESTS.actor1)
        elif a1.inter in _ARMED and sub not in _PROTESTS.force_first:
            # "the militia organised a protest": the protesters are actor 1, the group stands with them
            a1 = replace(actors.of_kind(_PROTESTS.actor1), associated=(a1,))
        if sub in _PROTESTS.no_target and a2 is not None and a2.inter not in _PROTESTERS:
            # no civilian "target", nor what the protest blocked or marched on ("blocked the
            # Pan-American highway"), nor the police that watched it or arrested someone after it:
            # ACLED codes none but counter-protesters (2,319 of the training files' 2,343 peaceful
            # protests have no actor 2, 23 have protesters)
            a2 = None
    elif _RIOTS.covers(kind, sub):
        if a1 is not None and a1.inter in _STATE and sub in _RIOTS.force_second:
            # "the police fired tear gas at the students, who threw rocks": the rioters are actor 1,
            # the force they faced actor 2
            a2 = a1 if a2 is None or a2.inter in _STATE else a2
            a1 = actors.of_kind(_RIOTS.actor1)
        elif a1 is None or a1.inter in _CIVIL:
            if a1 is not None or sub in _RIOTS.rioters_unnamed:
                a1 = _as(actors, _RIOTS.actor1, a1)
        elif a1.inter is None or (a1.inter in _RIOTS.rioters_inter and not _ARMED_WORD.search(a1.text or "")):
            # "bandh enforcers of the Chand-led party torched vehicles", "NCP members clashed with
            # demonstrators", "an unknown group damaged a temple": a riot's actor 1 is the rioters
            # (1,992 of the training files' 2,068 riots; 2 a political militia); a name the words
            # gave no type stays associated with them, as ACLED's associated actor. Men the words call
            # armed ("forty armed dahalo attacked a hamlet") are no mob: the riot is a type misread
            named = (a1,) if a1.inter is None else ()
            a1 = _as(actors, _RIOTS.actor1, a1)
            a1 = replace(a1, associated=(*a1.associated, *named))
        if a2 is not None and a1 is not None and a2.name == a1.name:
            a2 = None
        if a2 is not None and a2.inter in _PROTESTERS:
            # a riot's actor 2 is never protesters or a party (none of the training files' 2,068):
            # the other side of a clash is rioters, else the civilians it was done to; the party
            # the words named stays associated with them
            clash = _RIOTS.words is not None and _RIOTS.words.search((event.sentence or event.trigger).text)
            party = (a2,) if a2.kind == "party" else ()
            a2 = _as(actors, _RIOTS.actor1 if clash else _RIOTS.actor2, a2)
            a2 = replace(a2, associated=(*a2.associated, *party))
        if (
            sub in _RIOTS.sides_unnamed
            and _RIOTS.words is not None
            and _RIOTS.words.search((event.sentence or event.trigger).text)
            and (a2 is None or a2.inter in _CIVILIANS)
        ):
            # "two mobs clashed over land": both sides are rioters, neither is the victim
            a2 = _as(actors, _RIOTS.actor1, a2)
        if a2 is None and sub in _RIOTS.victims_unnamed:
            a2 = actors.of_kind(_RIOTS.actor2)  # ACLED: mob violence is done to someone
    elif _EXPLOSIONS.covers(kind, sub):
        if a1 is not None and a1.inter in _ARMED and a2 is None and event.sentence is not None:
            # "the military fired mortars towards a camp of the KIA", "air-raids targeted RSF": the armed
            # actor the strike was aimed at, named where the words did not make it the object
            a2 = _other_side(event, a1, actors)
        if a1 is not None and a1.kind == _EXPLOSIONS.actor2 and (a2 is None or a2.kind == a1.kind):
            # "a woman stepped on a landmine": the civilians are its victims, whoever laid it acted
            a1, a2 = actors.of_kind(_EXPLOSIONS.unnamed_actor1), a1
        elif a1 is None:
            # "an IED exploded targeting a police convoy": nobody named laid it (ACLED leaves no
            # explosion without actor 1)
            a1 = actors.of_kind(_EXPLOSIONS.unnamed_actor1)
    elif _BATTLES.covers(kind, sub) and a1 is not None and a2 is None and event.sentence is not None:
        # a battle has two armed sides (every one of the training files' 2,418 battles has an actor 2):
        # the words did not make anyone the other side ("soldiers pursued a group of unknown gunmen",
        # "the military and KIA exchanged artillery shells"), so it is the other armed actor its
        # sentence names
        a2 = _other_side(event, a1, actors)
    elif _VIOLENCE.covers(kind, sub):
        if a1 is not None and a1.inter in _CIVIL and partisan(a1):
            # "supporters of the ruling party attacked an opposition procession": a party's supporters
            # (`words`) are never actor 1 of violence against civilians (no civilians, protesters or
            # rioters are, of the training files' 1,965); when they attack someone they are a mob,
            # rioters, and the stage `mob-violence` codes the riot. Villagers or farmers who attack are
            # left to the classifier: ACLED makes most of them a communal militia (inter 4). A party
            # named stays associated with its rioters, as ACLED's associated actor
            party = (a1,) if a1.kind == "party" else ()
            a1 = _as(actors, _RIOTS.actor1, a1)
            a1 = replace(a1, associated=(*a1.associated, *party))
        if a2 is None:
            a2 = actors.of_kind(_VIOLENCE.actor2)  # ACLED: the target of violence against civilians
        elif a2.inter not in _CIVIL or a2.kind == "party":
            # "Imbonerakure tortured a CNL member": whoever they are, the victims of violence against
            # civilians are civilians (all 1,965 such events of the training files), or protesters
            # ("armed civilians fired on the protesters"); their group stays associated with them, and
            # so does a party ("police charged batons on party cadres of the Nepali Congress")
            a2 = replace(actors.of_kind(_VIOLENCE.actor2), associated=(a2,))
    elif _ARRESTS.covers(kind, sub):
        if a1 is None or a1.inter in _CIVIL:
            a2 = a2 if a2 is not None else a1
            a1 = actors.of_kind(_ARRESTS.actor1)
    elif _MEASURES.covers(kind, sub) and _MEASURES.words is not None:
        if (a1 is None or a1.inter not in _STATE) and _MEASURES.words.search(event.trigger.text):
            a1 = actors.of_kind(_MEASURES.actor1)
    elif _LOOTING.covers(kind, sub):
        if a2 is None:
            a2 = actors.of_kind(_LOOTING.actor2)  # ACLED: whose property was looted or destroyed
    elif _ACTIVITY.covers(kind, sub):
        if (a1 is None or a1.text is None) and a2 is not None and a2.inter in _ARMED:
            # "Al Shabaab fighters were seen in ...": the group whose activity it is, not a target
            a1, a2 = a2, None
    if kind in _OPPONENT.event_types and a1 is not None and a2 is not None and a2.name == a1.name:
        # "the military carried out an airstrike targeting the KIA brigade headquarters": a state's
        # forces do not fight themselves; the name the target's words hold is the other side
        a2 = actors.group_named_in(a2.span) or a2
    if (
        kind in _OPPONENT.event_types
        and a1 is not None
        and a1.inter in _STATE
        and a2 is not None
        and a2.inter is None
        and a2.kind != "person"
        and a2.name != a1.name
    ):
        # "troops clashed with the JNA": the state's named, untyped opponent is a rebel group
        a2 = replace(a2, inter=_OPPONENT.inter)
    if a1 is event.actor1 and a2 is event.actor2:
        return event
    return replace(event, actor1=a1, actor2=a2)


def communal_sides(events: list[Event], actors: DocActors) -> list[Event]:
    """``events`` with the sides of each battle that are civilians, protesters or rioters made the
    identity militia of their community (``roles.battles``; see :func:`_communal`). Run again after the
    classifier has typed a summary's actor 1 (the ``mob-violence`` stage), which may type a side so."""
    out = []
    for event in events:
        if _BATTLES.covers(event.event_type, event.sub_event_type):
            a1, a2 = (
                _communal(event.actor1, event.actor2, actors),
                _communal(event.actor2, event.actor1, actors),
            )
            if a1 is not event.actor1 or a2 is not event.actor2:
                event = replace(event, actor1=a1, actor2=a2)
        out.append(event)
    return out


def _other_side(event: Event, a1: Actor, actors: DocActors) -> Actor | None:
    """The armed actor other than ``a1`` that ``event``'s sentence names: one of another type than
    ``a1`` first ("the PMF and police forces shelled IS hideouts": not the police, who fought beside
    the PMF), then another country's forces, then (against the state's forces) an organisation of no
    known type ("the military and the KIA exchanged shells"), which ``state_opponent`` then types, then
    one of ``a1``'s type, the first told of each; ``None`` when the sentence names none."""
    assert event.sentence is not None
    named = actors.others_named(event.sentence, a1, _ARMED, unknown=a1.inter in _STATE)

    def rank(a: Actor) -> int:
        if a.inter is not None and a.inter != a1.inter:
            return 0  # another type of armed actor
        if a.inter is not None and a.country != a1.country:
            return 1  # "military forces of India and Pakistan exchanged fire": another state's forces
        return 2 if a.inter is None else 3  # an untyped organisation, else one of a1's own type

    return min(named, key=rank) if named else None


def _communal(actor: Actor | None, other: Actor | None, actors: DocActors) -> Actor | None:
    """A battle's side: civilians, protesters or rioters left there (the mob-violence stage leaves
    rioters in a clash the classifier backs) are the identity militia of their community
    (``roles.battles``), with the text's words; not against the state's forces (``other``): "police
    evicted 40 families" read as a battle is a misread act of the state on civilians, who stay so."""
    if actor is None or actor.inter not in _CIVILIANS | _CROWD or _BATTLES.communal not in actors.kinds:
        return actor  # (a language whose dictionary has no such kind keeps the side)
    if other is not None and other.inter in _STATE:
        return actor
    if partisan(actor) and (other is None or other.inter in _CIVIL | _CROWD or partisan(other)):
        # "supporters of two rival candidates clashed": a party's people fighting each other are a mob,
        # rioters (the stage `mob-violence` codes the riot), not a community's militia
        party = (actor,) if actor.kind == "party" else ()
        rioters = _as(actors, _RIOTS.actor1, actor)
        return replace(rioters, associated=(*rioters.associated, *party))
    militia = actors.of_kind(_BATTLES.communal)
    return replace(militia, text=actor.text, span=actor.span)


def apply_place_country(events: list[Event]) -> list[Event]:
    """Actors the text gives no country (the document names none: "Protesters (unknown country)") take
    the country of their event's place, in ACLED's form ("Police Forces of Kenya", "Protesters (Kenya)");
    so do those the document's country named, where the gazetteer found the place in another (since
    2026-12-08). A country the actor's own words give (a demonym) is kept: "Serbian protesters" at a
    rally in Tirana stay Serbian."""
    out = []
    for event in events:
        country = event.location.country
        # a place the gazetteer found (not the document's country) says whose the forces there are
        placed = event.location.status == "resolved"
        a1 = _in_country(event.actor1, country, placed)
        a2 = _in_country(event.actor2, country, placed)
        same = a1 is event.actor1 and a2 is event.actor2
        out.append(event if same else replace(event, actor1=a1, actor2=a2))
    return out


def _in_country(actor: Actor | None, country: str | None, placed: bool = False) -> Actor | None:
    if actor is None or not country:
        return actor
    associated = tuple(_in_country(a, country, placed) or a for a in actor.associated)
    if actor.country is None and actor.kind != "person" and _UNKNOWN in actor.name:
        return replace(
            actor, name=actor.name.replace(_UNKNOWN, country), country=country, associated=associated
        )
    own = actor.country
    if placed and own and own != country and not actor.country_named and actor.kind != "person":
        # "police arrested two Indian nationals in Satkhira": the document's country (India, by the
        # demonym) is not the place's; the police, protesters or civilians of a place the gazetteer
        # found are that country's, unless their own words name theirs ("Serbian protesters")
        for form in (f"of {own}", f"({own})"):
            if form in actor.name:
                name = actor.name.replace(form, form.replace(own, country))
                return replace(actor, name=name, country=country, associated=associated)
    abroad = actor.country_named and actor.country != country
    if abroad and actor.kind in _ABROAD.kinds and actor.inter in _STATE:
        # "Turkish forces shelled a village in Idleb": a state's forces outside the country their words
        # name; a country the document gave them is no evidence that they are abroad
        return replace(actor, inter=_ABROAD.inter, associated=associated)
    return actor if associated == actor.associated else replace(actor, associated=associated)


def _is_kind(actor: Actor | None, actors: DocActors, kind: str) -> bool:
    """Whether ``actor`` is the generic actor of ``kind`` ("Protesters (Bolivia)")."""
    return actor is not None and actor.name == actors.of_kind(kind).name


def partisan(actor: Actor | None) -> bool:
    """Whether ``actor`` is a party ("the Youth League") or its words are a party's supporters or
    activists (``roles.violence.words``)."""
    if actor is None:
        return False
    words = _VIOLENCE.words
    if actor.kind == "party" or any(a.kind == "party" for a in actor.associated):
        return True
    return words is not None and bool(words.search(actor.text or ""))


def _as(actors: DocActors, kind: str, words: Actor | None) -> Actor:
    """The generic actor of ``kind``, keeping the words (and span) of the actor it replaces."""
    generic = actors.of_kind(kind)
    if words is None:
        return generic
    return replace(generic, text=words.text, span=words.span, associated=words.associated)
