"""ACLED type, sub-event type and PLOVER category for one incident, from its triggers and actors.

In: the asserted triggers of one incident (usually one sentence), whether the context is a protest,
and the actor kinds of perpetrator and victims. Out: an :class:`IncidentType`. The default coding of
each trigger family lives in ``events.yaml``; the rules here combine families the way ACLED's codebook
does (security forces firing on protesters is "Excessive force against protesters", dispersal without
serious injury is "Protest with intervention", a clash between armed groups is a battle ...).
"""

from __future__ import annotations

from dataclasses import dataclass

from cronica.extraction.conventions import load_conventions
from cronica.extraction.triggers import Trigger
from cronica.fields import replace
from cronica.records import Event

#: Families that describe violence against people; combined into one incident per sentence.
VIOLENCE = frozenset(
    {
        "lethal",
        "injure",
        "shoot",
        "disperse",
        "sexual",
        "abduct",
        "riot",
        "clash",
        "airstrike",
        "shelling",
        "ied",
        "suicide",
        "grenade",
        "chemical",
        "explosion",
    }
)
#: Weapon families in order of precedence (the most specific first); the last, ``explosion``
#: ("an explosion", "a blast", "a bomb"), names no weapon in particular.
WEAPONS = ("suicide", "chemical", "grenade", "airstrike", "shelling", "ied", "explosion")
#: ACLED's conventions (conventions.yaml, docs/coding.md): actor kinds that are armed, the state's,
#: or carry no arms as such (when they fight, ACLED codes them as rioters), and the rules' types.
_CONVENTIONS = load_conventions()
_ARMED = _CONVENTIONS.kinds["armed"]
_STATE = _CONVENTIONS.kinds["state"]
_UNARMED = _CONVENTIONS.kinds["unarmed"]
#: the weapon families a clash outranks: remote violence in a battle is the battle
_CLASH_WEAPONS = _CONVENTIONS.clash_weapons
#: Group of each family for grouping triggers of a sentence into incidents. Taking territory is one
#: incident with the fighting that took it ("recaptured the town after heavy fighting").
GROUPS = {
    **{f: "violence" for f in VIOLENCE},
    "overtake": "violence",
    "regain": "violence",
    "protest": "protest",
    "arrest": "arrest",
}


@dataclass(frozen=True)
class IncidentType:
    event_type: str
    sub_event_type: str
    plover: str
    main: Trigger


def group_of(trigger: Trigger) -> str:
    return GROUPS.get(trigger.family.name, trigger.family.name)


def classify(
    triggers: list[Trigger],
    *,
    protest_context: bool,
    actor1_kind: str | None,
    actor2_kind: str | None,
) -> IncidentType:
    """Code one incident. ``triggers`` are asserted and share a group (see :data:`GROUPS`)."""
    families = {t.family.name: t for t in triggers}
    first = triggers[0]
    group = group_of(first)
    if group == "violence" and ("regain" in families or "overtake" in families):
        t = families.get("regain") or families["overtake"]
        non_state = actor1_kind in _ARMED - _STATE
        if ("regain" in families and not non_state) or actor1_kind in _STATE:
            return _typed("government_regains", t)
        return _typed("non_state_overtakes", t)
    if group == "violence":
        if (
            "suicide" in families
            and not ({"explosion", "ied"} & families.keys())
            and not any(w in families["suicide"].text.lower() for w in ("bomb", "blast", "attack", "blew"))
        ):
            families.pop("suicide")  # "committed suicide": no explosion, no suicide bombing
            if not families:
                return _typed("attack", first)
        if "clash" in families and told_family(families["clash"]) == "clash":
            # "clashed with the militants, who hurled a grenade at the troops": the weapon is the battle's
            for weapon in _CLASH_WEAPONS:
                families.pop(weapon, None)
        for weapon in WEAPONS:
            if weapon in families:
                t = families[weapon]
                return IncidentType(t.family.event_type, t.family.sub_event_type, t.family.plover, t)
        if "sexual" in families:
            return _default(families["sexual"])
        riots = [t for t in triggers if t.family.name == "riot"]
        if riots and all(_armed_arson(t, actor1_kind, protest_context) for t in riots):
            # "gunmen killed seven villagers and set fire to the market": an attack, not a riot
            families.pop("riot")
            if not families:
                return _typed("property_destruction", first)
        main = _main_violence(families)
        if "property" in families and ("disperse" in families or protest_context) and "riot" not in families:
            # "youths burned tyres and looted a supermarket while police fired tear gas"
            return _typed("violent_demonstration", families["property"])
        if "riot" in families:
            # a mob, a lynching, vigilantes: mob violence; rioting protesters, students, crowds: a
            # violent demonstration
            words = " ".join(t.text.lower() for t in triggers)
            mob = any(w in words for w in ("mob", "lynch", "vigilante")) and not protest_context
            return _typed("mob_violence" if mob else "violent_demonstration", families["riot"])
        if "clash" in families:
            armed_both = actor1_kind in _ARMED and actor2_kind in _ARMED
            if protest_context and not armed_both:
                return _typed("violent_demonstration", families["clash"])
            if actor1_kind in _UNARMED and actor2_kind not in _ARMED:
                # party supporters, residents or students fighting each other: ACLED codes rioters
                return _typed("mob_violence", families["clash"])
            if actor1_kind in _UNARMED and actor2_kind in _STATE:
                # "supporters of the former president clashed with police": rioters who fight the
                # state's forces, a violent demonstration, not a battle
                return _typed("violent_demonstration", families["clash"])
            ambush = families["clash"].token.lemma_.lower() == "ambush"
            if ambush and actor1_kind in _ARMED - {"police"} and actor2_kind == "civilians":
                # "gunmen ambushed a group of farm workers": one side unarmed is an attack, not a battle
                return _typed("attack", main)
            return _typed("armed_clash", families["clash"])
        lethal_or_harm = any(f in families for f in ("lethal", "injure", "shoot"))
        perpetrator_state = actor1_kind in _STATE or actor1_kind is None
        if protest_context and perpetrator_state:
            if lethal_or_harm:
                return _typed("excessive_force", main)
            return _typed("intervention", main)
        if "disperse" in families and not lethal_or_harm:
            return _default(families["disperse"])
        if "abduct" in families and "lethal" not in families:
            return _default(families["abduct"])
        # a named group of no known kind ("ASWJ attacked the village, killing 22 soldiers") that
        # attacks an armed actor is armed itself: a battle, like an unnamed perpetrator's
        unknown = actor1_kind is None or actor1_kind == "organisation"
        if actor2_kind in _ARMED and (actor1_kind in _ARMED or unknown):
            if not (actor1_kind in _STATE and actor2_kind in _STATE):
                return _typed("armed_clash", main)
        return _typed("attack", main)
    if group == "property" and protest_context and actor1_kind == "protesters":
        # "protesters burned the mayor's office": demonstrators destroying property riot (ACLED's
        # violent demonstration)
        return _typed("violent_demonstration", first)
    if group == "property" and actor1_kind in _UNARMED:
        # "residents of Quetzaltenango burned the car of a local official": people who carry no arms
        # destroying property riot (ACLED: Riots, a violent demonstration at a protest, else mob violence)
        return _typed("violent_demonstration" if protest_context else "mob_violence", first)
    if group == "protest":
        return _default(first)
    if group == "arrest":
        if protest_context and "protest" in families:
            return _typed("intervention", first)
        return _default(first)
    return _default(first)


#: Words of the riot family that only say something was burned.
_ARSON = ("fire", "ablaze", "torch", "arson", "burn")
_CROWDS = frozenset({"crowd", "mob", "protester", "demonstrator", "youth", "rioter", "resident", "villager"})


def _armed_arson(riot: Trigger, actor1_kind: str | None, protest_context: bool) -> bool:
    """Burning by armed men (not a crowd, not at a protest) is part of their attack."""
    text = riot.text.lower()
    subjects = {c.lemma_.lower() for c in riot.token.children if c.dep_ == "nsubj"}
    return (
        not protest_context
        and actor1_kind in _ARMED - {"police"}
        and not subjects & _CROWDS
        and any(w in text for w in _ARSON)
        and not any(w in text for w in ("mob", "riot", "stone", "lynch"))
    )


def told_family(t: Trigger) -> str:
    """The trigger's family when its own words say it ("clashed", "exchange of fire"), "" when a frame
    gave it ("fired mortars at the positions of ...": a verb and its object, events.yaml ``frames``)."""
    own = t.token.lemma_.lower() in t.family.lemmas or t.text.lower() in t.family.phrases
    return t.family.name if own else ""


def _main_violence(families: dict[str, Trigger]) -> Trigger:
    for name in ("lethal", "shoot", "injure", "disperse", "abduct", "clash", "riot"):
        if name in families:
            return families[name]
    return next(iter(families.values()))


def _typed(name: str, t: Trigger) -> IncidentType:
    """The type conventions.yaml gives the rule outcome ``name``, with its main trigger."""
    return IncidentType(*_CONVENTIONS.types[name], t)


def _default(t: Trigger) -> IncidentType:
    f = t.family
    return IncidentType(f.event_type, f.sub_event_type, f.plover, t)


def recoded(event: Event, coding: tuple[str, str, str], why: str) -> Event:
    """``event`` given another coding (event type, sub-event type, PLOVER) by a convention read after
    assembly; its ``coded_by`` says ``why`` and the coding replaced."""
    event_type, sub, plover = coding
    return replace(
        event,
        event_type=event_type,
        sub_event_type=sub,
        plover=plover,
        coded_by=(
            f"{why}: {event_type} / {sub} over {event.event_type} / {event.sub_event_type} ({event.coded_by})"
        ),
    )
