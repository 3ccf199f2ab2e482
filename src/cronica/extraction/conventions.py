"""ACLED's coding conventions, read from ``cronica/data/conventions.yaml`` and validated once.

In: the YAML file (the bundled one, or ``path``). Out: an immutable :class:`Conventions`: the inter
code groups the rules read, the inter code of named actors by kind, the actor kinds ACLED treats as
state, armed or unarmed, the actor roles of each event type, and the types the classifier's rules
give. Fails with :class:`~cronica.errors.DataFileError` naming the file and the key that does not
validate. docs/coding.md explains each convention and the codebook section it follows.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from cronica.errors import DataFileError
from cronica.extraction.lexicon import ACLED_TYPES, PLOVER_CATEGORIES

FILE = "conventions.yaml"
INTER_GROUPS = ("state", "armed", "political", "civil", "protesters", "civilians", "crowd")
KIND_GROUPS = ("state", "armed", "unarmed", "typed_by_words")
TYPES = (
    "excessive_force",
    "intervention",
    "violent_demonstration",
    "mob_violence",
    "armed_clash",
    "attack",
    "government_regains",
    "non_state_overtakes",
    "property_destruction",
)


@dataclass(frozen=True)
class Role:
    """The actor roles of the events one convention covers (``roles`` in the file)."""

    event_type: str | None
    sub_event_type: str | None
    #: the actor kind (actors.yaml ``generic``) the convention puts in each role; "" none
    actor1: str = ""
    actor2: str = ""
    #: the kind of the actor 1 put in when the convention moves the words' actor 1 away ("" none)
    unnamed_actor1: str = ""
    #: the kind civilians who are a side of the event are ("" none)
    communal: str = ""
    #: sub-event types the convention treats apart (see the file's comments)
    force_first: frozenset[str] = frozenset()
    no_target: frozenset[str] = frozenset()
    rioters_unnamed: frozenset[str] = frozenset()
    force_second: frozenset[str] = frozenset()
    victims_unnamed: frozenset[str] = frozenset()
    sides_unnamed: frozenset[str] = frozenset()
    #: inter codes of an actor 1 the convention puts its ``actor1`` kind in place of (riots)
    rioters_inter: frozenset[int] = frozenset()
    #: words read in the trigger (measures) or in the sentence (riots: sides_unnamed), when given
    words: re.Pattern[str] | None = None

    def covers(self, event_type: str, sub_event_type: str) -> bool:
        return (self.event_type is None or self.event_type == event_type) and (
            self.sub_event_type is None or self.sub_event_type == sub_event_type
        )


@dataclass(frozen=True)
class Abroad:
    """State actors of ``kinds`` acting outside their country take ``inter`` (``abroad`` in the file)."""

    kinds: frozenset[str]
    inter: int
    #: modifiers that call a force foreign without naming its country ("international forces")
    words: frozenset[str]
    #: the name of such a force
    unnamed: str


@dataclass(frozen=True)
class NamedGroups:
    """Armed men of ``heads`` kinds whose modifier names an organisation are of ``kind``; so are
    ``troops`` (words of a state force's kind) an acronym no dictionary knows qualifies; the people of
    ``party_heads`` (lemmas) an organisation's name or an acronym qualifies are a party's, of
    ``party_kind``."""

    heads: frozenset[str]
    kind: str
    troops: frozenset[str] = frozenset()
    party_heads: frozenset[str] = frozenset()
    party_kind: str | None = None


@dataclass(frozen=True)
class IdentityMilitias:
    """Armed men a people's name qualifies are that people's identity militia (``identity_militias`` in
    conventions.yaml)."""

    #: head nouns of armed men a people's name may qualify ("raiders", "militia")
    heads: frozenset[str]
    #: head nouns of people a name makes a militia only where they act ("herders", "pastoralists")
    acting_heads: frozenset[str]
    #: the words that make the identity a clan's ("clan", "sub-clan")
    clan: frozenset[str]
    #: words between the name and the head that keep it an ethnic militia's ("ethnic", "tribal")
    ethnic: frozenset[str]
    #: endings of words that name an ideology or a movement, not a people ("Islamist", "Maoist")
    not_identities: tuple[str, ...]
    #: ACLED's name of an ethnic and of a clan militia: ``{identity}`` and ``{country}`` filled in
    ethnic_name: str
    clan_name: str


@dataclass(frozen=True)
class CodedWords:
    """The words of a coder's note (``coded_fatalities`` in conventions.yaml)."""

    #: a word that starts with one of these names what was coded ("fatalities", "deaths")
    counted: tuple[str, ...]
    #: the verb and preposition of the coding ("coded as")
    verb: str
    preposition: str
    #: words that share a toll between events ("split", "spread") and what follows them
    shared: frozenset[str]
    between: frozenset[str]
    #: the unit of a share that multiplies the others ("in two days")
    repeat: frozenset[str]
    #: how many words may stand between what was counted and the verb ("fatalities and injuries coded")
    gap: int = 4
    #: a figure for each event ("with 1 fatality each")
    each: frozenset[str] = frozenset()
    #: the words that say a claim was not verified ("could not be independently verified"), and those
    #: of a claim ("claimed", "according to"), each one case-insensitive pattern: the deaths a claim
    #: tells, in the sentence that says so or the one before, are no figure ACLED codes
    unverified: re.Pattern[str] | None = None
    claims: re.Pattern[str] | None = None


@dataclass(frozen=True)
class DemonstrationSize:
    """ACLED's "[size=...]" in a note (``demonstration_size`` in conventions.yaml)."""

    #: the words that open the record, lower case
    marker: str
    #: the event types a note that carries it codes
    types: frozenset[str]
    #: with the rules alone: the coding of a violent event, and of an arrest, in such a note
    violent: tuple[str, str, str]
    arrests: tuple[str, str, str]


@dataclass(frozen=True)
class DirectFire:
    """Small arms fired with heavy weapons, or fire the other side answers, make a clash (``direct_fire``
    in conventions.yaml)."""

    #: the words that name direct-fire arms or fire answered by the other side, as one
    #: case-insensitive pattern of whole-word phrases (``*`` a prefix, ``...`` up to three words)
    words: re.Pattern[str]
    #: the sub-event types of Explosions/Remote violence that such fire makes part of a battle
    weapons: frozenset[str]
    #: the coding it gives (event type, sub-event type, PLOVER)
    coding: tuple[str, str, str]
    #: the words of fire the other side answers, as one pattern like ``words``
    answered: re.Pattern[str] = re.compile(r"(?!)")
    #: the sub-event types that only answered fire makes part of a battle (an air strike)
    answered_weapons: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CommunalClash:
    """Violence between communities is a battle of their militias (``communal_clash`` in
    conventions.yaml)."""

    #: the words that tell violence between communities, as one case-insensitive pattern of
    #: whole-word phrases (``*`` a prefix, ``...`` up to three words)
    words: re.Pattern[str]
    #: the codings (event type, sub-event type) such words make a battle
    codings: frozenset[tuple[str, str]]
    #: the coding it gives (event type, sub-event type, PLOVER)
    coding: tuple[str, str, str]


@dataclass(frozen=True)
class ArmedVictims:
    """An attack on an armed actor is a clash (``armed_victims`` in conventions.yaml)."""

    #: ACLED's inter codes of an armed actor (the learned ``actor2`` head's ``armed`` class)
    inter: frozenset[int]
    #: the sub-event types of Violence against civilians that an armed actor 2 makes a clash
    codings: frozenset[str]
    #: the coding it gives (event type, sub-event type, PLOVER)
    coding: tuple[str, str, str]
    #: words that say the armed victims were off duty (ACLED codes them as civilians), as one
    #: case-insensitive pattern of whole words
    off_duty: re.Pattern[str]
    #: the trigger words of a fight: one armed man killed in it is a side of a battle, as one
    #: case-insensitive pattern of word starts
    fought: re.Pattern[str] = re.compile(r"(?!)")
    #: the trigger words of a beating: the state's forces who beat someone attacked a civilian, as
    #: one case-insensitive pattern of whole words
    beaten: re.Pattern[str] = re.compile(r"(?!)")


@dataclass(frozen=True)
class MobViolence:
    """Violence by rioters is a riot (``mob_violence`` in conventions.yaml)."""

    #: ACLED's inter codes of rioters
    inter: frozenset[int]
    #: the sub-event types (of Violence against civilians and Battles) that rioters make mob violence
    codings: frozenset[str]
    #: the coding it gives (event type, sub-event type, PLOVER)
    coding: tuple[str, str, str]
    #: an attack or a clash the learned classifier gives at least this (on a short report, or on the
    #: event's sentence) keeps its coding: the rioters are then a type the classifier misread
    backed: float = 0.5
    #: the words that tell a demonstration or its demand ("protested", "demanding", "to denounce", a
    #: road blocked with burning tyres), as one case-insensitive pattern: a violent demonstration in a
    #: report with none of them is mob violence; ``None``: no such rule
    demonstration: re.Pattern[str] | None = None
    #: codings the classifier's backing cannot keep: rioters never attack in ACLED's coding (no
    #: violence against civilians of the training files has them for actor 1)
    unbacked: frozenset[str] = frozenset()
    #: the words of a clash (one case-insensitive pattern): an attack or a battle between the state's
    #: forces and people of ``unarmed`` kinds told with them is a riot, ``clash_coding``, the unarmed
    #: its rioters; ``None``: no such rule
    state_clash: re.Pattern[str] | None = None
    unarmed: frozenset[str] = frozenset()
    clash_coding: tuple[str, str, str] | None = None


@dataclass(frozen=True)
class ViolentDemonstration:
    """A demonstration whose participants use violence is a riot (``violent_demonstration`` in
    conventions.yaml)."""

    #: the sub-event types of Protests that the demonstrators' violence makes a riot
    codings: frozenset[str]
    #: the sub-event types of Strategic developments that, by a non-state unarmed actor in such a
    #: report, are the demonstration's violence
    destruction: frozenset[str]
    #: the words that say the demonstrators used violence, as one case-insensitive pattern
    words: re.Pattern[str]
    #: the coding it gives (event type, sub-event type, PLOVER)
    coding: tuple[str, str, str]
    #: road blocks of burning tyres, barricades: with no demonstration told, the one destruction
    #: by people neither armed nor the state's is a violent demonstration
    road_blocks: re.Pattern[str] = re.compile(r"(?!)")
    #: words that make the one destruction of a report with no demonstration told a protest ("during
    #: protests", "to protest"): a violent demonstration too
    protest_told: re.Pattern[str] = re.compile(r"(?!)")
    #: a sentence of its own that opens with the demonstrators and a verb of violence ("They destroyed
    #: the gate"): their violence told apart
    after: re.Pattern[str] = re.compile(r"(?!)")


@dataclass(frozen=True)
class PartOfIncident:
    """Arrests and looting told with an incident are part of it (``part_of_incident`` in
    conventions.yaml)."""

    #: the sub-event types of Strategic developments that an incident told beside them takes in
    developments: frozenset[str]
    #: the event types of the incidents that take them in
    incidents: frozenset[str]
    #: the sub-event types of a later killing whose dead an incident with no dead of its own takes in
    #: ("militants attacked a base. Three soldiers were killed.": one event, three dead)
    deaths: frozenset[str] = frozenset()
    #: the words of a body found again ("The body of the victim was found"), as one case-insensitive
    #: pattern (a determiner, up to three words, a noun of the dead)
    found_again: re.Pattern[str] = re.compile(r"(?!)")
    #: the trigger words of a body found
    found_verbs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ProtestIntervention:
    """A protest the state's forces intervened in is a protest with intervention
    (``protest_intervention`` in conventions.yaml)."""

    #: the words that tell the intervention ("police intervened", "dispersed", "tear gas", "police
    #: arrested"), as one case-insensitive pattern
    words: re.Pattern[str]
    #: the coding it gives (event type, sub-event type, PLOVER)
    coding: tuple[str, str, str]
    #: the sub-event types of Protests it replaces
    codings: frozenset[str]


@dataclass(frozen=True)
class StateOpponent:
    """The named, untyped other side of the state's forces in a battle or a strike is a rebel group
    (``state_opponent`` in conventions.yaml)."""

    #: the event types it applies to
    event_types: frozenset[str]
    #: the inter code it gives
    inter: int


@dataclass(frozen=True)
class Conventions:
    #: inter code -> ACLED's name of the actor type
    codes: dict[int, str]
    #: group name (:data:`INTER_GROUPS`) -> inter codes
    inter: dict[str, frozenset[int]]
    #: kind of a named person or organisation -> inter code
    named_inter: dict[str, int]
    #: group name (:data:`KIND_GROUPS`) -> actor kinds
    kinds: dict[str, frozenset[str]]
    #: convention name -> actor roles
    roles: dict[str, Role]
    #: rule outcome name (:data:`TYPES`) -> (event type, sub-event type, PLOVER)
    types: dict[str, tuple[str, str, str]]
    #: the code of a state's forces outside their country
    abroad: Abroad
    #: what the armed men of a named group are
    named_groups: NamedGroups
    #: armed men a people's name qualifies: an identity militia
    identity_militias: IdentityMilitias
    #: weapon families (events.yaml) that a clash told with them outranks
    clash_weapons: frozenset[str]
    #: the words of a coder's note that gives the toll it coded
    coded_fatalities: CodedWords
    #: ACLED's label of a strategic development, lower case -> (event type, sub-event type, PLOVER)
    note_tags: dict[str, tuple[str, str, str]]
    #: ACLED's record of a demonstration's size in a note, and what it makes of the note's coding
    demonstration_size: DemonstrationSize
    #: small arms fired with heavy weapons: the weapons are part of a clash
    direct_fire: DirectFire
    #: an attack whose victims are armed: a clash
    armed_victims: ArmedVictims
    #: violence by rioters: a riot
    mob_violence: MobViolence
    #: a demonstration whose participants use violence: a riot
    violent_demonstration: ViolentDemonstration
    #: arrests and looting told with an incident: part of it
    part_of_incident: PartOfIncident
    #: the named, untyped other side of the state's forces: a rebel group
    state_opponent: StateOpponent
    #: a protest the state's forces intervened in: a protest with intervention
    protest_intervention: ProtestIntervention | None = None
    #: violence between communities: a battle of their militias
    communal_clash: CommunalClash | None = None


@cache
def load_conventions(path: str | None = None) -> Conventions:
    """The conventions of ``path`` (default: the bundled ``conventions.yaml``), validated."""
    name = str(path) if path is not None else FILE
    try:
        if path is not None:
            text = Path(path).read_text(encoding="utf-8")
        else:
            text = resources.files("cronica.data").joinpath(FILE).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{name}: cannot read data file: {exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(f"{name}: expected a mapping at the top level")
    return _parse(data, name)


def _fail(name: str, where: str, problem: str) -> DataFileError:
    return DataFileError(f"{name}: {where}: {problem}")


def _section(data: dict[str, Any], key: str, name: str, where: str | None = None) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise _fail(name, where or key, "expected a non-empty mapping")
    return value


def _strings(value: Any, name: str, where: str) -> frozenset[str]:
    if not (isinstance(value, list) and value and all(isinstance(w, str) and w for w in value)):
        raise _fail(name, where, "expected a non-empty list of strings")
    return frozenset(value)


def _text(value: Any, name: str, where: str) -> str:
    if not (isinstance(value, str) and value.strip()):
        raise _fail(name, where, "expected a non-empty string")
    return value


def _endings(value: Any, name: str, where: str) -> tuple[str, ...]:
    """Word endings written ``*ist``: the lower-case endings, longest first."""
    words = _strings(value, name, where)
    if not all(w.startswith("*") and len(w) > 1 and w[1:].islower() for w in words):
        raise _fail(name, where, "expected word endings written '*ending' in lower case")
    return tuple(sorted((w[1:] for w in words), key=len, reverse=True))


def _named_pattern(value: Any, name: str, where: str) -> str:
    """A name pattern with the ``{identity}`` and ``{country}`` fields to fill."""
    text = _text(value, name, where)
    if "{identity}" not in text or "{country}" not in text:
        raise _fail(name, where, "expected a name with {identity} and {country}")
    return text


def _code(value: Any, name: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 8:
        raise _fail(name, where, f"expected an ACLED inter code 1-8, not {value!r}")
    return value


def _parse(data: dict[str, Any], name: str) -> Conventions:
    inter = _section(data, "inter", name)
    codes_data = _section(inter, "codes", name, "inter.codes")
    codes = {_code(k, name, f"inter.codes.{k}"): str(v) for k, v in codes_data.items()}
    if set(codes) != set(range(1, 9)):
        raise _fail(name, "inter.codes", "expected the eight ACLED actor types 1-8")
    groups_data = _section(inter, "groups", name, "inter.groups")
    groups: dict[str, frozenset[int]] = {}
    for key in INTER_GROUPS:
        value = groups_data.get(key)
        where = f"inter.groups.{key}"
        if not (isinstance(value, list) and value):
            raise _fail(name, where, "expected a non-empty list of inter codes")
        groups[key] = frozenset(_code(v, name, where) for v in value)
    named_data = _section(inter, "named", name, "inter.named")
    named = {str(k): _code(v, name, f"inter.named.{k}") for k, v in named_data.items()}
    kinds_data = _section(data, "kinds", name)
    kinds = {key: _strings(kinds_data.get(key), name, f"kinds.{key}") for key in KIND_GROUPS}
    roles_data = _section(data, "roles", name)
    roles = {str(k): _role(v, name, f"roles.{k}") for k, v in roles_data.items()}
    for key, needed in ROLES.items():
        if key not in roles_data:
            raise _fail(name, f"roles.{key}", "missing")
        for field in needed:
            if field not in roles_data[key]:
                raise _fail(name, f"roles.{key}.{field}", "missing")
    types_data = _section(data, "types", name)
    types = {key: _type(types_data.get(key), name, f"types.{key}") for key in TYPES}
    abroad_data = _section(data, "abroad", name)
    abroad = Abroad(
        _strings(abroad_data.get("kinds"), name, "abroad.kinds"),
        _code(abroad_data.get("inter"), name, "abroad.inter"),
        _strings(abroad_data.get("words"), name, "abroad.words"),
        _text(abroad_data.get("unnamed"), name, "abroad.unnamed"),
    )
    groups_of = _section(data, "named_groups", name)
    kind = groups_of.get("kind")
    if not (isinstance(kind, str) and kind):
        raise _fail(name, "named_groups.kind", "expected an actor kind")
    party_kind = groups_of.get("party_kind")
    if not (isinstance(party_kind, str) and party_kind):
        raise _fail(name, "named_groups.party_kind", "expected an actor kind")
    named_groups = NamedGroups(
        _strings(groups_of.get("heads"), name, "named_groups.heads"),
        kind,
        _strings(groups_of.get("troops"), name, "named_groups.troops"),
        _strings(groups_of.get("party_heads"), name, "named_groups.party_heads"),
        party_kind,
    )
    identity_data = _section(data, "identity_militias", name)
    identity_militias = IdentityMilitias(
        _strings(identity_data.get("heads"), name, "identity_militias.heads"),
        _strings(identity_data.get("acting_heads"), name, "identity_militias.acting_heads"),
        _strings(identity_data.get("clan"), name, "identity_militias.clan"),
        _strings(identity_data.get("ethnic"), name, "identity_militias.ethnic"),
        _endings(identity_data.get("not_identities"), name, "identity_militias.not_identities"),
        _named_pattern(identity_data.get("ethnic_name"), name, "identity_militias.ethnic_name"),
        _named_pattern(identity_data.get("clan_name"), name, "identity_militias.clan_name"),
    )
    clash_weapons = _strings(data.get("clash_weapons"), name, "clash_weapons")
    coded = _coded_words(_section(data, "coded_fatalities", name), name)
    tags_data = _section(data, "note_tags", name)
    tags = {str(k).lower(): _type(v, name, f"note_tags.{k}") for k, v in tags_data.items()}
    size_data = _section(data, "demonstration_size", name)
    marker = size_data.get("marker")
    if not (isinstance(marker, str) and marker.strip()):
        raise _fail(name, "demonstration_size.marker", "expected the words that open the record")
    size = DemonstrationSize(
        marker.lower(),
        _strings(size_data.get("types"), name, "demonstration_size.types"),
        _type(size_data.get("violent"), name, "demonstration_size.violent"),
        _type(size_data.get("arrests"), name, "demonstration_size.arrests"),
    )
    fire = _direct_fire(_section(data, "direct_fire", name), types["armed_clash"], name)
    armed = _armed_victims(_section(data, "armed_victims", name), codes, types["armed_clash"], name)
    violent_data = _section(data, "violent_demonstration", name)
    mob = _mob_violence(
        _section(data, "mob_violence", name),
        codes,
        types["mob_violence"],
        name,
        violent_data.get("road_blocks"),
    )
    mob = replace(mob, clash_coding=types["violent_demonstration"])
    violent = _violent_demonstration(violent_data, types["violent_demonstration"], name)
    part = _part_of_incident(_section(data, "part_of_incident", name), name)
    opponent_data = _section(data, "state_opponent", name)
    opponent = StateOpponent(
        _strings(opponent_data.get("event_types"), name, "state_opponent.event_types"),
        _code(opponent_data.get("inter"), name, "state_opponent.inter"),
    )
    return Conventions(
        codes,
        groups,
        named,
        kinds,
        roles,
        types,
        abroad,
        named_groups,
        identity_militias,
        clash_weapons,
        coded,
        tags,
        size,
        fire,
        armed,
        mob,
        violent,
        part,
        opponent,
        _protest_intervention(_section(data, "protest_intervention", name), types["intervention"], name),
        _communal_clash(_section(data, "communal_clash", name), types["armed_clash"], name),
    )


def _protest_intervention(
    data: dict[str, Any], coding: tuple[str, str, str], name: str
) -> ProtestIntervention:
    words = _strings(data.get("words"), name, "protest_intervention.words")
    codings = _sub_types(data.get("codings"), "Protests", name, "protest_intervention.codings")
    return ProtestIntervention(_phrases(sorted(words, key=len, reverse=True)), coding, codings)


def _sub_types(value: Any, event_type: str, name: str, where: str) -> frozenset[str]:
    """A non-empty list of sub-event types of ``event_type`` (ACLED's), else the error naming ``where``."""
    subs = _strings(value, name, where)
    for sub in sorted(subs):
        if sub not in ACLED_TYPES[event_type]:
            raise _fail(name, where, f"{sub!r} is no sub-event type of {event_type}")
    return subs


def _part_of_incident(data: dict[str, Any], name: str) -> PartOfIncident:
    where = "part_of_incident.developments"
    developments = _sub_types(data.get("developments"), "Strategic developments", name, where)
    incidents = _strings(data.get("incidents"), name, "part_of_incident.incidents")
    for event_type in sorted(incidents):
        if event_type not in ACLED_TYPES or event_type == "Strategic developments":
            raise _fail(name, "part_of_incident.incidents", f"{event_type!r} is no ACLED incident type")
    deaths = _strings(data.get("deaths"), name, "part_of_incident.deaths")
    violent = {sub for t, subs in ACLED_TYPES.items() if t != "Strategic developments" for sub in subs}
    for sub in sorted(deaths - violent):
        raise _fail(name, "part_of_incident.deaths", f"{sub!r} is no sub-event type of an incident")
    found = data.get("found_again") or {}
    if not isinstance(found, dict):
        raise _fail(name, "part_of_incident.found_again", "expected a mapping")
    verbs = _strings(found.get("verbs"), name, "part_of_incident.found_again.verbs")
    dets = _strings(found.get("determiners"), name, "part_of_incident.found_again.determiners")
    nouns = _strings(found.get("nouns"), name, "part_of_incident.found_again.nouns")
    pattern = re.compile(
        rf"\b(?:{'|'.join(map(re.escape, sorted(dets)))})\s+(?:[\w-]+\s+){{0,3}}?"
        rf"(?:{'|'.join(map(re.escape, sorted(nouns, key=len, reverse=True)))})\b",
        re.IGNORECASE,
    )
    return PartOfIncident(developments, incidents, deaths, pattern, frozenset(v.lower() for v in verbs))


def _violent_demonstration(
    data: dict[str, Any], coding: tuple[str, str, str], name: str
) -> ViolentDemonstration:
    codings = _sub_types(data.get("codings"), "Protests", name, "violent_demonstration.codings")
    where = "violent_demonstration.destruction"
    destruction = _sub_types(data.get("destruction"), "Strategic developments", name, where)
    words = _strings(data.get("words"), name, "violent_demonstration.words")
    blocks = _strings(data.get("road_blocks"), name, "violent_demonstration.road_blocks")
    told = _strings(data.get("protest_told"), name, "violent_demonstration.protest_told")
    subjects = _strings(data.get("after_subjects"), name, "violent_demonstration.after_subjects")
    adverbs = _strings(data.get("after_adverbs"), name, "violent_demonstration.after_adverbs")
    acts = _strings(data.get("after_acts"), name, "violent_demonstration.after_acts")
    objects = _strings(data.get("after_not"), name, "violent_demonstration.after_not")
    return ViolentDemonstration(
        codings,
        destruction,
        _phrases(sorted([*words, *blocks], key=len, reverse=True)),
        coding,
        _phrases(sorted(blocks, key=len, reverse=True)),
        _phrases(sorted(told, key=len, reverse=True)),
        _sentence_openings(subjects, adverbs, acts, objects),
    )


def _sentence_openings(
    subjects: Collection[str], adverbs: Collection[str], verbs: Collection[str], unless: Collection[str] = ()
) -> re.Pattern[str]:
    """One case-insensitive pattern of a sentence (the text's start or after ``.``, ``!``, ``?``) that
    opens with one of ``subjects``, then one of ``verbs``, with at most one of ``adverbs`` between, and
    none of ``unless`` in the three words after the verb; never matches when a list is empty."""
    if not subjects or not verbs:
        return re.compile(r"(?!)")

    def alternatives(words: Collection[str]) -> str:
        ordered = sorted(words, key=len, reverse=True)
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)

    adverb = rf"(?:(?:{alternatives(adverbs)})\s+)?" if adverbs else ""
    subject, verb = alternatives(subjects), alternatives(verbs)
    not_after = rf"(?!(?:\s+\S+){{0,2}}\s+(?:{alternatives(unless)})\b)" if unless else ""
    return re.compile(rf"(?:^|[.!?]\s+)(?:{subject})\s+{adverb}(?:{verb})\b{not_after}", re.IGNORECASE)


def _phrases(phrases: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern of whole-word ``phrases``: a word ending in ``*`` is a prefix,
    ``...`` up to three words; a phrase never starts inside a hyphenated word."""
    alternatives = []
    for phrase in phrases:
        words = phrase.split()
        pattern = ""
        for i, word in enumerate(words):
            if word == "...":
                pattern += r"(?:\S+\s+){0,3}"
                continue
            pattern += (
                re.escape(word[:-1]) + r"\w*" if word.endswith("*") and len(word) > 1 else re.escape(word)
            )
            if i < len(words) - 1:
                pattern += r"\s+"
        alternatives.append(pattern)
    # not the second half of a hyphenated word: "non-violent demonstration", "anti-riot police"; not
    # after "non" written apart ("a non violent demonstration")
    return re.compile(rf"(?<![\w-])(?<!non\s)(?:{'|'.join(alternatives)})\b", re.IGNORECASE)


def _inter_codes(data: dict[str, Any], codes: dict[int, str], name: str, where: str) -> frozenset[int]:
    """The ACLED inter codes listed under ``inter`` (not empty), else the error naming ``where``."""
    inter = frozenset(_code(v, name, where) for v in data.get("inter") or ())
    if not inter or not inter <= codes.keys():
        raise _fail(name, where, f"expected inter codes among {sorted(codes)}")
    return inter


def _armed_victims(
    data: dict[str, Any], codes: dict[int, str], coding: tuple[str, str, str], name: str
) -> ArmedVictims:
    inter = _inter_codes(data, codes, name, "armed_victims.inter")
    codings = _sub_types(data.get("codings"), "Violence against civilians", name, "armed_victims.codings")
    words = _strings(data.get("off_duty"), name, "armed_victims.off_duty")
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    fought = _strings(data.get("fought"), name, "armed_victims.fought")
    starts = "|".join(re.escape(w) for w in sorted(fought, key=len, reverse=True))
    beaten = _strings(data.get("beaten"), name, "armed_victims.beaten")
    beatings = "|".join(re.escape(w) for w in sorted(beaten, key=len, reverse=True))
    return ArmedVictims(
        inter,
        codings,
        coding,
        re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{starts})", re.IGNORECASE),
        re.compile(rf"\b(?:{beatings})\b", re.IGNORECASE),
    )


def _mob_violence(
    data: dict[str, Any], codes: dict[int, str], coding: tuple[str, str, str], name: str, road_blocks: Any
) -> MobViolence:
    """``road_blocks``: ``violent_demonstration.road_blocks``, words of a demonstration too."""
    inter = _inter_codes(data, codes, name, "mob_violence.inter")
    codings = _strings(data.get("codings"), name, "mob_violence.codings")
    known = {*ACLED_TYPES["Violence against civilians"], *ACLED_TYPES["Battles"]}
    for sub in sorted(codings - known):
        raise _fail(name, "mob_violence.codings", f"{sub!r} is no sub-event type of an attack or a battle")
    backed = data.get("backed", 0.5)
    if not isinstance(backed, (int, float)) or not 0.0 <= float(backed) <= 1.0:
        raise _fail(name, "mob_violence.backed", "expected a probability between 0 and 1")
    told = _strings(data.get("demonstration"), name, "mob_violence.demonstration")
    blocks = _strings(road_blocks, name, "violent_demonstration.road_blocks")
    demonstration = _phrases(sorted([*told, *blocks], key=len, reverse=True))
    unbacked = (
        _strings(data["unbacked"], name, "mob_violence.unbacked") if "unbacked" in data else frozenset()
    )
    for sub in sorted(unbacked - codings):
        raise _fail(name, "mob_violence.unbacked", f"{sub!r} is none of mob_violence.codings")
    clash = data.get("state_clash")
    state_clash, unarmed = None, frozenset[str]()
    if clash is not None:
        clash = _section(data, "state_clash", name, "mob_violence.state_clash")
        words = _strings(clash.get("words"), name, "mob_violence.state_clash.words")
        state_clash = _phrases(sorted(words, key=len, reverse=True))
        unarmed = _strings(clash.get("kinds"), name, "mob_violence.state_clash.kinds")
    return MobViolence(inter, codings, coding, float(backed), demonstration, unbacked, state_clash, unarmed)


def _direct_fire(data: dict[str, Any], coding: tuple[str, str, str], name: str) -> DirectFire:
    words = _strings(data.get("words"), name, "direct_fire.words")
    weapons = _sub_types(data.get("weapons"), "Explosions/Remote violence", name, "direct_fire.weapons")
    answered = _section(data, "answered", name, "direct_fire.answered")
    answers = _strings(answered.get("words"), name, "direct_fire.answered.words")
    answered_weapons = _sub_types(
        answered.get("weapons"), "Explosions/Remote violence", name, "direct_fire.answered.weapons"
    )
    return DirectFire(
        _phrases(sorted(words, key=len, reverse=True)),
        weapons,
        coding,
        _phrases(sorted(answers, key=len, reverse=True)),
        answered_weapons,
    )


def _communal_clash(data: dict[str, Any], coding: tuple[str, str, str], name: str) -> CommunalClash:
    words = _strings(data.get("words"), name, "communal_clash.words")
    codings = set()
    for i, value in enumerate(data.get("codings") or []):
        where = f"communal_clash.codings[{i}]"
        if not (isinstance(value, list) and len(value) == 2):
            raise _fail(name, where, "expected [event type, sub-event type]")
        event_type, sub, _ = _type([*value, "FIGHT"], name, where)
        codings.add((event_type, sub))
    if not codings:
        raise _fail(name, "communal_clash.codings", "expected [event type, sub-event type] pairs")
    return CommunalClash(_phrases(sorted(words, key=len, reverse=True)), frozenset(codings), coding)


def _coded_words(data: dict[str, Any], name: str) -> CodedWords:
    where = "coded_fatalities"
    verb = data.get("verb")
    if not (isinstance(verb, list) and len(verb) == 2 and all(isinstance(w, str) and w for w in verb)):
        raise _fail(name, f"{where}.verb", "expected a verb and its preposition")
    gap = data.get("gap", 4)
    if isinstance(gap, bool) or not isinstance(gap, int) or not 0 <= gap <= 10:
        raise _fail(name, f"{where}.gap", f"expected a number of words 0-10, not {gap!r}")
    return CodedWords(
        counted=tuple(sorted(_strings(data.get("counted"), name, f"{where}.counted"))),
        verb=verb[0].lower(),
        preposition=verb[1].lower(),
        shared=_strings(data.get("shared"), name, f"{where}.shared"),
        between=_strings(data.get("between"), name, f"{where}.between"),
        repeat=_strings(data.get("repeat"), name, f"{where}.repeat"),
        each=_strings(data["each"], name, f"{where}.each") if "each" in data else frozenset(),
        gap=gap,
        unverified=_phrases(
            sorted(_strings(data.get("unverified"), name, f"{where}.unverified"), key=len, reverse=True)
        ),
        claims=_phrases(sorted(_strings(data.get("claims"), name, f"{where}.claims"), key=len, reverse=True)),
    )


def _type(value: Any, name: str, where: str) -> tuple[str, str, str]:
    if not (isinstance(value, list) and len(value) == 3 and all(isinstance(v, str) for v in value)):
        raise _fail(name, where, "expected [event type, sub-event type, PLOVER category]")
    event_type, sub, plover = value
    if sub not in ACLED_TYPES.get(event_type, ()):
        raise _fail(name, where, f"{event_type!r} / {sub!r} is not an ACLED event type and sub-event type")
    if plover not in PLOVER_CATEGORIES:
        raise _fail(name, where, f"unknown PLOVER category {plover!r}")
    return event_type, sub, plover


#: the keys of a role that list sub-event types
_SUB_LISTS = (
    "force_first",
    "no_target",
    "rioters_unnamed",
    "force_second",
    "victims_unnamed",
    "sides_unnamed",
)
_ROLE_KEYS = frozenset(
    {
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "unnamed_actor1",
        "communal",
        "words",
        "rioters_inter",
        *_SUB_LISTS,
    }
)
#: the conventions the code reads, with the keys each must give
ROLES = {
    "protests": ("actor1",),
    "riots": ("actor1",),
    "battles": ("communal",),
    "explosions": ("unnamed_actor1", "actor2"),
    "violence": ("actor2", "words"),
    "arrests": ("actor1",),
    "measures": ("actor1", "words"),
    "activity": (),
    "looting": ("actor2",),
}


def _role(value: Any, name: str, where: str) -> Role:
    if not isinstance(value, dict):
        raise _fail(name, where, "expected a mapping")
    unknown = set(value) - _ROLE_KEYS
    if unknown:
        raise _fail(name, where, f"unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    event_type = value.get("event_type")
    sub = value.get("sub_event_type")
    if event_type is None and sub is None:
        raise _fail(name, where, "expected event_type:, sub_event_type: or both")
    if event_type is not None and event_type not in ACLED_TYPES:
        raise _fail(name, f"{where}.event_type", f"unknown ACLED event type {event_type!r}")
    every_sub = {s for subs in ACLED_TYPES.values() for s in subs}
    allowed = set(ACLED_TYPES[event_type]) if event_type is not None else every_sub
    if sub is not None and sub not in allowed:
        raise _fail(name, f"{where}.sub_event_type", f"unknown ACLED sub-event type {sub!r}")
    lists = {}
    for key in _SUB_LISTS:
        subs = _strings(value[key], name, f"{where}.{key}") if key in value else frozenset()
        bad = sorted(subs - allowed)
        if bad:
            raise _fail(name, f"{where}.{key}", f"unknown ACLED sub-event type {bad[0]!r}")
        lists[key] = subs
    for key in ("actor1", "actor2", "unnamed_actor1", "communal"):
        if key in value and not (isinstance(value[key], str) and value[key]):
            raise _fail(name, f"{where}.{key}", "expected an actor kind")
    listed_codes = value.get("rioters_inter", [])
    if not isinstance(listed_codes, list):
        raise _fail(name, f"{where}.rioters_inter", "expected a list of ACLED inter codes")
    rioters_inter = frozenset(_code(code, name, f"{where}.rioters_inter") for code in listed_codes)
    words = None
    if "words" in value:
        listed = sorted(_strings(value["words"], name, f"{where}.words"), key=lambda w: (-len(w), w))
        words = re.compile("|".join(re.escape(w) for w in listed), re.IGNORECASE)
    return Role(
        event_type,
        sub,
        value.get("actor1", ""),
        value.get("actor2", ""),
        value.get("unnamed_actor1", ""),
        value.get("communal", ""),
        lists["force_first"],
        lists["no_target"],
        lists["rioters_unnamed"],
        lists["force_second"],
        lists["victims_unnamed"],
        lists["sides_unnamed"],
        rioters_inter,
        words,
    )
