"""Coding knowledge read from the data files in ``cronica/data``, validated once at load.

In: the YAML files ``events.yaml``, ``actors.yaml``, ``statements.yaml``, ``quantities.yaml`` (or a
directory holding replacements with the same names). Out: an immutable :class:`Lexicon`. Fails with
:class:`~cronica.errors.DataFileError` naming the file and the entry that does not validate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from cronica.errors import DataFileError
from cronica.records import COUNT_CATEGORIES

ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
PLOVER_CATEGORIES = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "DEMAND",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
        "DISAPPROVE",
        "FIGHT",
        "INVESTIGATE",
        "STATEMENT",
    }
)
QUALIFIERS = frozenset({"exact", "at_least", "more_than", "about", "up_to", "fewer_than", "range"})


@dataclass(frozen=True)
class TriggerFamily:
    name: str
    lemmas: frozenset[str]
    phrases: tuple[str, ...]
    pos: frozenset[str]
    count: str | None
    agentive: bool
    event_type: str
    sub_event_type: str
    plover: str
    #: lemmas that are this family's triggers only as verbs: their nouns name a thing, not an act
    #: ("clubbed protesters" is an assault, "the press club" is a building)
    verb_only: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Frame:
    """A verb with an object that together signal a trigger family ("set up" + "post")."""

    family: str
    verbs: frozenset[str]
    objects: frozenset[str]
    subjects: frozenset[str] = frozenset()


@dataclass(frozen=True)
class GenericActor:
    kind: str
    inter: int
    name: str
    #: the dictionary's words of the actor; none for one named by a document's own words (an identity
    #: militia, "Pokot Ethnic Militia ({country})"), whose name is already its own
    words: tuple[str, ...]
    #: the country whose force it is, for a state's force known by its own name ("BSF": India's Border
    #: Security Force): its words name that country as a demonym would, so that it is External/other
    #: forces (inter 8) where its event lies in another country; ``None`` for the others
    country: str | None = None


@dataclass(frozen=True)
class RoleWords:
    words: tuple[str, ...]
    kind: str | None


@dataclass(frozen=True)
class OrganisationHeads:
    """What kind of organisation a name is, read from its head noun (``organisations`` in actors.yaml).

    ``heads``: head noun or two-word head phrase (lower case, possessives and apostrophes dropped) ->
    kind; ``head_first``: the head opens the name (Spanish "Banco Central") instead of closing it
    (English "Central Bank"); ``cut``: words after which the name's complement begins ("Movement
    toward Socialism": the head is before "toward"); ``state_modifiers``: besides country names and
    demonyms, the words that leave a named army or forces the state's ("Armed Forces", "National
    Army"); any other word makes it a rebel group ("Arakan Army", "Allied Democratic Forces")."""

    heads: dict[str, str]
    head_first: bool = False
    cut: frozenset[str] = frozenset()
    state_modifiers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SpeechVerb:
    lemma: str
    plover: str
    report: bool
    interaction: bool = False
    #: a publishing verb: a statement only with a statement noun as its object ("released a statement")
    publishing: bool = False


@dataclass(frozen=True)
class CountingWords:
    """The words :mod:`cronica.extraction.counts` reads (``counting`` in quantities.yaml), per language."""

    person_nouns: frozenset[str]
    person_singular_suffixes: tuple[str, ...]
    person_plural_suffixes: tuple[str, ...]
    tally_words: frozenset[str]
    tally_phrases: tuple[str, ...]
    category_words: dict[str, str]
    toll_nouns: frozenset[str]
    estimate_verbs: frozenset[str]
    crowd_nouns: frozenset[str]
    crowd_words: frozenset[str]
    one: frozenset[str]
    subset_words: frozenset[str]
    subset_pronouns: frozenset[str]
    victim_words: dict[str, str]
    of: frozenset[str]
    and_: frozenset[str]
    clause_breaks: frozenset[str]
    not_predicates: frozenset[str]
    total_nouns: frozenset[str]
    total_verbs: frozenset[str]
    perfect_aux: frozenset[str]
    since: frozenset[str]
    crowd_context: frozenset[str]
    shot_words: frozenset[str]
    total_heads: frozenset[str]
    revision_nouns: frozenset[str]
    scope_words: frozenset[str]
    undergoer_verbs: frozenset[str] = frozenset()
    cause_heads: frozenset[str] = frozenset()
    incident_nouns: frozenset[str] = frozenset()
    incident_preps: frozenset[str] = frozenset()
    site_nouns: frozenset[str] = frozenset()
    period_units: frozenset[str] = frozenset()
    sum_preps: frozenset[str] = frozenset()
    result_verbs: frozenset[str] = frozenset()
    definite: frozenset[str] = frozenset()
    toll_participles: frozenset[str] = frozenset()
    body_nouns: frozenset[str] = frozenset()
    found_verbs: frozenset[str] = frozenset()
    one_person_pronouns: frozenset[str] = frozenset()
    #: "they were found dead": the people a plural pronoun stands for, as many as ...
    plural_pronouns: frozenset[str] = frozenset()
    #: ... an abduction told just before took ("abducted 3 people")
    taken_verbs: frozenset[str] = frozenset()
    reason_marks: frozenset[str] = frozenset()
    not_person_nouns: frozenset[str] = frozenset()
    distributive: frozenset[str] = frozenset()
    #: "Another protester died": one person more than a figure told before (an increment of one)
    one_more: frozenset[str] = frozenset()
    #: "A third man died": an ordinal after the first, one person more than a figure told before
    later_ordinals: frozenset[str] = frozenset()
    #: a period of unrest, as the subject of a toll verb a running total: "the crisis has left 32 dead"
    situation_nouns: frozenset[str] = frozenset()
    situation_verbs: frozenset[str] = frozenset()
    #: "the crisis has claimed 32 lives", "cobró 32 vidas": lives a verb of ``life_verbs`` takes are deaths
    life_nouns: frozenset[str] = frozenset()
    life_verbs: frozenset[str] = frozenset()
    #: "High School No 5", "Camp No. 2": a number after one of these words names a thing, no count
    label_words: frozenset[str] = frozenset()
    #: "the toll from Friday's massacre has risen to 132": a toll of one incident told with one of these
    #: verbs is a revised figure of that incident (``CountClaim.revised``) ...
    revision_verbs: frozenset[str] = frozenset()
    #: ... and so is a count told with one of these words: "23 people are now known to have died"
    revision_adverbs: frozenset[str] = frozenset()


_COUNTING_MAPS = ("category_words", "victim_words")
_COUNTING_TUPLES = ("person_singular_suffixes", "person_plural_suffixes", "tally_phrases")
#: lists that may be empty (English leaves "a man died" to the number rules)
_COUNTING_OPTIONAL = (
    "revision_verbs",
    "revision_adverbs",
    "undergoer_verbs",
    "cause_heads",
    "incident_nouns",
    "incident_preps",
    "site_nouns",
    "period_units",
    "sum_preps",
    "result_verbs",
    "definite",
    "toll_participles",
    "body_nouns",
    "found_verbs",
    "one_person_pronouns",
    "plural_pronouns",
    "taken_verbs",
    "reason_marks",
    "not_person_nouns",
    "distributive",
    "one_more",
    "later_ordinals",
    "situation_nouns",
    "situation_verbs",
    "life_nouns",
    "life_verbs",
    "label_words",
)


def _counting(data: Any) -> CountingWords:
    f = "quantities.yaml"
    _require(isinstance(data, dict), f, "counting", "expected a mapping of word lists")
    values: dict[str, Any] = {}
    for name in CountingWords.__dataclass_fields__:
        key = "and" if name == "and_" else name
        raw = data.get(key)
        if name in _COUNTING_MAPS:
            _require(
                isinstance(raw, dict) and bool(raw) and all(v in COUNT_CATEGORIES for v in raw.values()),
                f,
                f"counting.{key}",
                "expected a mapping of words to count categories",
            )
            values[name] = {str(k).lower(): str(v) for k, v in raw.items()}
            continue
        if name in _COUNTING_OPTIONAL and raw is None:
            raw = []
        _require(
            isinstance(raw, list)
            and (bool(raw) or name in _COUNTING_OPTIONAL)
            and all(isinstance(w, str) and w == w.lower() for w in raw),
            f,
            f"counting.{key}",
            "expected a non-empty list of lower-case words",
        )
        values[name] = tuple(raw) if name in _COUNTING_TUPLES else frozenset(raw)
    return CountingWords(**values)


@dataclass(frozen=True)
class Quantities:
    numbers: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, tuple[int, int | None]]
    qualifiers: dict[str, str]
    #: the phrases split into words, longest first, and the words they can start with (built at load)
    vague_phrases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    qualifier_phrases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    vague_first: frozenset[str] = frozenset()
    counting: CountingWords | None = None
    #: number words that count only inside a larger number ("a hundred"; never "a" alone)
    not_alone: frozenset[str] = frozenset({"a", "an", "single", "couple", "score"})
    #: words after a number (or after its noun) that make it an increment ("two more")
    increment: frozenset[str] = frozenset({"more"})
    #: the thousands separator of written numbers ("5,000"; Spanish "5.000")
    thousands: str = ","
    #: units of measure: a number they follow measures something ("120mm mortars", "5 km"), it counts no one
    units: frozenset[str] = frozenset()
    #: words right before a number word that make it nobody ("no one was hurt"): no figure
    none_before: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AgentNouns:
    """A noun made from a verb with one of ``suffixes`` ("grow" + "er") names people of ``kind`` when
    no other actor word names them, unless its verb is a trigger (their agents do the violence: "looters",
    "kidnappers") or one of ``not_from`` (agents that are armed or organised: "commanders", "raiders")."""

    kind: str
    suffixes: tuple[str, ...]
    not_from: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    families: dict[str, TriggerFamily]
    generic_actors: tuple[GenericActor, ...]
    roles: tuple[RoleWords, ...]
    speech_verbs: dict[str, SpeechVerb]
    content_rules: tuple[tuple[str, tuple[str, ...]], ...]
    modal_governors: frozenset[str]
    quantities: Quantities
    frames: tuple[Frame, ...] = ()
    non_political: frozenset[str] = frozenset()
    #: cue words for trigger judgement (``judgement`` in events.yaml), by name
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    #: closed-class words the rules read (``grammar`` in events.yaml), by name
    grammar: dict[str, frozenset[str]] = field(default_factory=dict)
    #: how far a preposition puts a place from the event it locates (``locative`` in events.yaml)
    locative: dict[str, float] = field(default_factory=dict)
    #: lemmas of verbs whose subject reports the facts they govern (``attribution.verbs`` in
    #: statements.yaml: "the Ombudsman's Office reported that ...")
    report_lemmas: frozenset[str] = frozenset()
    #: words that open a source ("according to X", "según X"; ``attribution.markers``)
    source_markers: frozenset[str] = frozenset()
    #: irregular forms the sentence prefilter keeps as they are (``prefilter.forms`` in events.yaml)
    prefilter_forms: frozenset[str] = frozenset()
    #: organisation kinds from the head noun of a name (``organisations`` in actors.yaml)
    organisations: OrganisationHeads = field(default_factory=lambda: OrganisationHeads({}))
    #: words of a fight between people: they make a sentence political whatever accident word it
    #: holds (``fight_words`` in events.yaml)
    fight_words: frozenset[str] = frozenset()
    #: people named by what they do ("coca growers", "miners"): ``agent_nouns`` in actors.yaml
    agent_nouns: AgentNouns | None = None
    #: nouns of a count or a report whose "of"/"by" object made it ("a count by the Ombudsman's
    #: Office", "el último recuento de la Defensoría"): ``attribution.count_nouns`` and ``.count_by``
    count_nouns: frozenset[str] = frozenset()
    count_by: frozenset[str] = frozenset()

    @property
    def counting(self) -> CountingWords:
        """The count rules' words; a lexicon built without them (by hand) cannot count."""
        if self.quantities.counting is None:
            raise DataFileError("quantities.yaml: counting: missing (the count rules' words)")
        return self.quantities.counting


def language_data(language: str | None, name: str) -> Any:
    """The bundled data file ``name`` of ``language`` (its ``data`` directory in ``languages.yaml``)."""
    from cronica.nlp.languages import load_languages

    base = resources.files("cronica.data")
    sub = load_languages().get(language).data
    return base.joinpath(sub).joinpath(name) if sub else base.joinpath(name)


def _read_yaml(name: str, directory: Path | None, language: str | None = None) -> dict[str, Any]:
    try:
        if directory is not None:
            text = (directory / name).read_text(encoding="utf-8")
        else:
            text = language_data(language, name).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{name}: cannot read data file: {exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(f"{name}: expected a mapping at the top level")
    return data


def _require(cond: bool, file: str, where: str, problem: str) -> None:
    if not cond:
        raise DataFileError(f"{file}: {where}: {problem}")


def _families(data: dict[str, Any]) -> dict[str, TriggerFamily]:
    f = "events.yaml"
    out: dict[str, TriggerFamily] = {}
    for name, entry in (data.get("families") or {}).items():
        _require(isinstance(entry, dict), f, name, "entry must be a mapping")
        default = entry.get("default")
        _require(
            isinstance(default, list) and len(default) == 3,
            f,
            name,
            "default must be [type, sub-type, plover]",
        )
        etype, subtype, plover = default
        _require(etype in ACLED_TYPES, f, name, f"unknown ACLED event type {etype!r}")
        _require(
            subtype in ACLED_TYPES.get(etype, ()),
            f,
            name,
            f"{subtype!r} is not a sub-event type of {etype!r}",
        )
        _require(plover in PLOVER_CATEGORIES, f, name, f"unknown PLOVER category {plover!r}")
        count = entry.get("count")
        _require(count is None or count in COUNT_CATEGORIES, f, name, f"unknown count category {count!r}")
        lemmas = entry.get("lemmas") or []
        phrases = entry.get("phrases") or []
        _require(bool(lemmas or phrases), f, name, "needs lemmas or phrases")
        verb_only = frozenset(str(x).lower() for x in entry.get("verb_only") or [])
        _require(
            verb_only <= frozenset(str(x).lower() for x in lemmas),
            f,
            name,
            "verb_only lists lemmas not in lemmas",
        )
        out[name] = TriggerFamily(
            name=name,
            lemmas=frozenset(str(x).lower() for x in lemmas),
            phrases=tuple(str(x).lower() for x in phrases),
            pos=frozenset(entry.get("pos") or ["VERB", "NOUN"]),
            count=count,
            agentive=bool(entry.get("agentive", True)),
            event_type=etype,
            sub_event_type=subtype,
            plover=plover,
            verb_only=verb_only,
        )
    _require(bool(out), f, "families", "no trigger families defined")
    return out


def _frames(data: dict[str, Any], families: dict[str, TriggerFamily]) -> tuple[Frame, ...]:
    f = "events.yaml"
    out = []
    for i, entry in enumerate(data.get("frames") or []):
        family = entry.get("family")
        _require(family in families, f, f"frames[{i}]", f"unknown family {family!r}")
        _require(
            bool(entry.get("verbs")) and bool(entry.get("objects") or entry.get("subjects")),
            f,
            f"frames[{i}]",
            "needs verbs, and objects or subjects",
        )
        out.append(
            Frame(
                family,
                frozenset(entry["verbs"]),
                frozenset(entry.get("objects") or ()),
                frozenset(entry.get("subjects") or ()),
            )
        )
    return tuple(out)


def _actors(data: dict[str, Any]) -> tuple[tuple[GenericActor, ...], tuple[RoleWords, ...]]:
    f = "actors.yaml"
    generic = []
    for i, entry in enumerate(data.get("generic") or []):
        _require(isinstance(entry, dict), f, f"generic[{i}]", "entry must be a mapping")
        inter = entry.get("inter")
        _require(isinstance(inter, int) and 1 <= inter <= 8, f, f"generic[{i}]", "inter must be 1..8")
        _require(bool(entry.get("words")), f, f"generic[{i}]", "needs words")
        _require(isinstance(entry.get("name"), str), f, f"generic[{i}]", "needs a name")
        country = entry.get("country")
        _require(country is None or isinstance(country, str), f, f"generic[{i}]", "country must be a name")
        generic.append(
            GenericActor(
                str(entry["kind"]),
                inter,
                entry["name"],
                tuple(str(w).lower() for w in entry["words"]),
                str(country) if country else None,
            )
        )
    roles = []
    for i, entry in enumerate(data.get("roles") or []):
        _require(bool(entry.get("words")), f, f"roles[{i}]", "needs words")
        roles.append(RoleWords(tuple(str(w).lower() for w in entry["words"]), entry.get("kind")))
    return tuple(generic), tuple(roles)


def _agent_nouns(data: dict[str, Any], kinds: set[str]) -> AgentNouns | None:
    f = "actors.yaml"
    section = data.get("agent_nouns")
    if section is None:
        return None
    _require(isinstance(section, dict), f, "agent_nouns", "expected kind:, suffixes: and not_from:")
    _require(str(section.get("kind")) in kinds, f, "agent_nouns.kind", "not a kind of the generic actors")
    _require(bool(section.get("suffixes")), f, "agent_nouns.suffixes", "needs suffixes")
    return AgentNouns(
        str(section["kind"]),
        tuple(str(x).lower() for x in section["suffixes"]),
        frozenset(str(x).lower() for x in section.get("not_from") or []),
    )


def _organisations(data: dict[str, Any], kinds: set[str]) -> OrganisationHeads:
    f = "actors.yaml"
    section = data.get("organisations")
    if not isinstance(section, dict):
        raise DataFileError(f"{f}: organisations: expected head:, cut:, kinds: and state_modifiers:")
    _require(section.get("head") in {"first", "last"}, f, "organisations.head", "must be 'first' or 'last'")
    heads: dict[str, str] = {}
    table = section.get("kinds")
    if not (isinstance(table, dict) and table):
        raise DataFileError(f"{f}: organisations.kinds: expected kind: [head words]")
    for kind, words in table.items():
        _require(str(kind) in kinds, f, f"organisations.kinds.{kind}", "not a kind of the generic actors")
        _require(isinstance(words, list) and bool(words), f, f"organisations.kinds.{kind}", "needs words")
        for w in words:
            _require(len(str(w).split()) <= 2, f, f"organisations.kinds.{kind}", f"{w!r}: one or two words")
            heads[str(w).lower()] = str(kind)
    return OrganisationHeads(
        heads,
        head_first=section["head"] == "first",
        cut=frozenset(_words(section, "cut", f"{f}: organisations")),
        state_modifiers=frozenset(_words(section, "state_modifiers", f"{f}: organisations")),
    )


def _statements(
    data: dict[str, Any],
) -> tuple[dict[str, SpeechVerb], tuple[tuple[str, tuple[str, ...]], ...], frozenset[str]]:
    f = "statements.yaml"
    verbs = {}
    for lemma, entry in (data.get("verbs") or {}).items():
        plover = entry.get("plover")
        _require(plover in PLOVER_CATEGORIES, f, f"verbs.{lemma}", f"unknown PLOVER category {plover!r}")
        verbs[lemma] = SpeechVerb(
            lemma,
            plover,
            bool(entry.get("report", False)),
            bool(entry.get("interaction", False)),
            bool(entry.get("publishing", False)),
        )
    rules = []
    for plover, words in (data.get("content_rules") or {}).items():
        _require(plover in PLOVER_CATEGORIES, f, f"content_rules.{plover}", "unknown PLOVER category")
        rules.append((plover, tuple(str(w).lower() for w in words)))
    return verbs, tuple(rules), frozenset(data.get("modal_governors") or [])


def _words(data: dict[str, Any], key: str, f: str) -> list[str]:
    words = data.get(key)
    _require(
        isinstance(words, list) and bool(words) and all(isinstance(w, str) and w == w.lower() for w in words),
        f,
        key,
        "expected a non-empty list of lower-case words",
    )
    return list(words)  # type: ignore[arg-type]


def _separator(value: Any, f: str) -> str:
    _require(value in {",", "."}, f, "thousands_separator", "expected ',' or '.'")
    return str(value)


def _quantities(data: dict[str, Any]) -> Quantities:
    f = "quantities.yaml"
    vague: dict[str, tuple[int, int | None]] = {}
    for word, pair in (data.get("vague") or {}).items():
        _require(isinstance(pair, list) and len(pair) == 2, f, f"vague.{word}", "needs [victims, crowds]")
        # a crowd value of null: the phrase gives no crowd figure ("an unknown number of protesters")
        vague[str(word)] = (int(pair[0]), None if pair[1] is None else int(pair[1]))
    qualifiers = {str(k): str(v) for k, v in (data.get("qualifiers") or {}).items()}
    for word, q in qualifiers.items():
        _require(q in QUALIFIERS, f, f"qualifiers.{word}", f"unknown qualifier {q!r}")

    def split(phrases: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((p, tuple(p.split())) for p in sorted(phrases, key=lambda p: -len(p.split())))

    return Quantities(
        numbers={str(k): int(v) for k, v in (data.get("numbers") or {}).items()},
        scales={str(k): int(v) for k, v in (data.get("scales") or {}).items()},
        vague=vague,
        qualifiers=qualifiers,
        vague_phrases=split(list(vague)),
        qualifier_phrases=split(list(qualifiers)),
        vague_first=frozenset(p.split()[0] for p in vague),
        counting=_counting(data.get("counting")),
        not_alone=frozenset(_words(data, "not_alone", f)),
        increment=frozenset(_words(data, "increment", f)),
        thousands=_separator(data.get("thousands_separator"), f),
        units=frozenset(str(u).lower() for u in (data.get("units") or ())),
        none_before=frozenset(str(u).lower() for u in (data.get("none_before") or ())),
    )


def load_lexicon(directory: str | Path | None = None, language: str | None = None) -> Lexicon:
    """Read and validate the lexicon files: those in ``directory`` when given, else the bundled ones of
    ``language`` (``languages.yaml``; default English). Errors name the file as ``es/events.yaml``."""
    if directory is None and language:
        from cronica.nlp.languages import load_languages

        sub = load_languages().get(language).data
        try:
            return _load(None, language)
        except DataFileError as exc:
            raise DataFileError(f"{sub}/{exc}" if sub else str(exc)) from exc
    return _load(Path(directory) if directory is not None else None, None)


def _load(d: Path | None, language: str | None) -> Lexicon:
    events = _read_yaml("events.yaml", d, language)
    families = _families(events)
    frames = _frames(events, families)
    non_political = frozenset(str(w).lower() for w in events.get("non_political") or [])
    fight_words = frozenset(str(w).lower() for w in events.get("fight_words") or [])
    cues = _judgement(events)
    grammar = _cue_lists(events, "grammar", GRAMMAR_WORDS)
    actor_data = _read_yaml("actors.yaml", d, language)
    generic, roles = _actors(actor_data)
    organisations = _organisations(actor_data, {g.kind for g in generic})
    agent_nouns = _agent_nouns(actor_data, {g.kind for g in generic})
    statements = _read_yaml("statements.yaml", d, language)
    verbs, rules, modal = _statements(statements)
    report_lemmas, source_markers = _attribution(statements)
    attribution = statements.get("attribution") or {}
    quantities = _quantities(_read_yaml("quantities.yaml", d, language))
    return Lexicon(
        families,
        generic,
        roles,
        verbs,
        rules,
        modal,
        quantities,
        frames,
        non_political,
        cues,
        grammar,
        _locative(events),
        report_lemmas,
        source_markers,
        frozenset(str(w).lower() for w in (events.get("prefilter") or {}).get("forms") or []),
        organisations,
        fight_words,
        agent_nouns,
        frozenset(_words(attribution, "count_nouns", "statements.yaml: attribution")),
        frozenset(_words(attribution, "count_by", "statements.yaml: attribution")),
    )


def _attribution(data: dict[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    section = data.get("attribution")
    if not isinstance(section, dict):
        raise DataFileError("statements.yaml: attribution: expected verbs: and markers:")
    return (
        frozenset(_words(section, "verbs", "statements.yaml: attribution")),
        frozenset(_words(section, "markers", "statements.yaml: attribution")),
    )


def _locative(events: dict[str, Any]) -> dict[str, float]:
    data = events.get("locative") or {}
    _require(
        isinstance(data, dict)
        and bool(data)
        and all(isinstance(k, str) and isinstance(v, int | float) for k, v in data.items()),
        "events.yaml",
        "locative",
        "expected a mapping of prepositions to distances",
    )
    return {str(k).lower(): float(v) for k, v in data.items()}


JUDGEMENT_CUES = (
    "planned",
    "called_off",
    "not_event_heads",
    "occurrence_verbs",
    "harm_verbs",
    "measure_verbs",
    "gathering_verbs",
    "protest_purpose",
    "protest_crowds",
    "crowd_measures",
    "protest_props",
    "civilian_occupiers",
    "seized_goods",
    "force_subjects",
    "habitual_adverbs",
    "armed_words",
    "counting_verbs",
    "fatal_results",
    "charge_words",
    "staging_verbs",
    "state_preps",
    "manner_preps",
    "continuation_verbs",
    "joining_verbs",
    "authority_subjects",
    "becoming_verbs",
    "result_preps",
    "event_heads",
    "staging_preps",
)


GRAMMAR_WORDS = (
    "definite",
    "indefinite",
    "nonspecific",
    "negating_prefixes",
    "future_aux",
    "habitual_governors",
    "irrealis",
    "topic_preps",
    "cause_preps",
    "argument_preps",
    "agent_preps",
    "target_preps",
    "opponent_preps",
    "sides_preps",
    "target_verbs",
    "repel_lemmas",
    "victim_verbs",
    "undergoer_lemmas",
    "town_preps",
    "of_preps",
    "from_preps",
    "destination_preps",
    "place_part_nouns",
    "coding_cues",
    "coding_words",
    "coding_ends",
    "peaceful",
)


def _judgement(events: dict[str, Any]) -> dict[str, frozenset[str]]:
    return _cue_lists(events, "judgement", JUDGEMENT_CUES)


def _cue_lists(events: dict[str, Any], section: str, keys: tuple[str, ...]) -> dict[str, frozenset[str]]:
    data = events.get(section)
    if not isinstance(data, dict):
        raise DataFileError(f"events.yaml: {section}: expected a mapping of word lists")
    out: dict[str, frozenset[str]] = {}
    for key in keys:
        words = data.get(key)
        if not (isinstance(words, list) and words and all(isinstance(w, str) for w in words)):
            raise DataFileError(f"events.yaml: {section}.{key}: expected a non-empty list of words")
        out[key] = frozenset(w.lower() for w in words)
    return out
