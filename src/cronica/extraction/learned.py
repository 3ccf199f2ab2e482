"""The learned event typer: one replaceable component that decides whether a sentence reports an
event and codes its ACLED type and sub-type, with a probability a reviewer can sort by.

In: assembled :class:`~cronica.records.Event` records (from the rules) and the document. Out: the
same events, each typed by the classifier where it is sure enough, with ``coded_by`` saying which
component coded it and ``confidence``: the classifier's probability where it chose the coding; the
mean of the rules' confidence and the classifier's probability for a contextual coding the rules
kept; the rules' confidence for a coding they took from explicit words. Rules keep what they are
good at (dates, numbers, places, evidence spans, statements vs incidents); the typer reads the
words the event was assembled from (:func:`event_text`).

The combination (:class:`Combination`): the classifier's sub-type replaces the rules' when its
probability is at least ``override``, the rules' coding has a probability under ``keep_rules`` by
the classifier's own reckoning, the rules' coding is one of the :data:`CONTEXTUAL` ones, and the
event is the only one told in its sentence; otherwise the rules' coding stays. In a short document
(``short_sentences`` or fewer: an ACLED-style summary, a one-line report) the classifier's coding
replaces any coding of the first event of a sentence at ``short_any``, and in a coded summary (a short
document that opens with its date) its reading of the whole summary replaces the coding of the first
event at ``short_report``; where the typer carries a learned combiner (``typer.combiner``,
:mod:`cronica.nlp.combiner`, shipped in the model file), that first event is coded by the combiner
instead, a small model that weighs the rules' coding, their actors and counts, and the classifier's
readings of the whole summary and of the event's words, fitted on notes of countries the classifier
never saw (:mod:`cronica.learn.combiner`). Where the rules read no
incident words in a short document, :mod:`cronica.extraction.fallback` lets the classifier find one.
Long documents (news reports, further from the ACLED summaries the classifier learned from) use stricter
thresholds. The values were chosen on the dev gold sets and on Kenya's ACLED notes with a model
trained without Kenya (docs/evaluation.md). Detection: a generic mention (no date, place or number
of its own) in a document where nothing specific happened is kept when the classifier gives its
sentence an event probability of at least ``detect``.

Swap it: anything with ``judge(text) -> Judgement`` is an :class:`EventTyper`; ``Extractor(typer=None)``
runs the rules alone. Loading the default model fails with :class:`~cronica.errors.DataFileError`
naming the file; judging never raises.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from cronica.extraction.classify import WEAPONS
from cronica.extraction.conventions import load_conventions
from cronica.extraction.lexicon import TriggerFamily
from cronica.fields import replace
from cronica.nlp.combiner import Combiner, RulesView
from cronica.nlp.event_classifier import EventClassifier, Prediction, load_model
from cronica.records import Actor, Event


@dataclass(frozen=True)
class Judgement:
    """What the typer reads in one text."""

    event: float  # probability that the text reports an event
    coding: tuple[tuple[str, str, float], ...]  # (type, sub-type, probability), best first
    inter1: tuple[tuple[int, float], ...] = ()  # ACLED actor 1 type code, best first
    #: probability that actor 2 is an armed actor (the ``actor2`` head); ``None`` for a model without it
    armed2: float | None = None

    def probability(self, event_type: str, sub_event_type: str) -> float:
        for t, s, p in self.coding:
            if t == event_type and s == sub_event_type:
                return p
        return 0.0


class EventTyper(Protocol):
    """Anything that judges a text (see the module docstring)."""

    def judge(self, text: str) -> Judgement: ...


#: Codings that turn on context the rules judge poorly (who the crowd was, whether it turned violent,
#: whether the other side was armed): the classifier may move an event from one of these to another
#: (or to a protest with intervention). Codings the rules take from explicit words (a suicide bomb,
#: an air strike, a recaptured town, a ceasefire, a curfew, police dispersing or detaining
#: protesters, security forces firing on them) are kept.
CONTEXTUAL = frozenset(
    {
        ("Protests", "Peaceful protest"),
        ("Riots", "Violent demonstration"),
        ("Riots", "Mob violence"),
        ("Violence against civilians", "Attack"),
        ("Battles", "Armed clash"),
    }
)
_TARGETS = CONTEXTUAL | {("Protests", "Protest with intervention")}

_ROLES = tuple(load_conventions().roles.values())
#: actor kinds whose own words give their type ("soldiers", "police", "clan militia": conventions.yaml
#: ``kinds.typed_by_words``); the reading of a whole summary does not re-type them
_TYPED_BY_WORDS = load_conventions().kinds["typed_by_words"]
_ABROAD = load_conventions().abroad
_STATE_CODES = load_conventions().inter["state"]

#: Event types the rules code from the weapon a report names (an air strike, shelling, a mine, a
#: grenade): the reading of a whole summary does not replace them, the sentence's reading may
#: (``short_any``).
NAMED_WEAPON_TYPES = frozenset({"Explosions/Remote violence"})
#: ACLED's civilians (inter code 7): no side of a battle.
_CIVILIANS = load_conventions().inter["civilians"]
#: Actor kinds that carry arms (conventions.yaml ``kinds.armed``: the state's forces, rebels, militias):
#: victims of one of them fight back in ACLED's reading.
_ARMED_KINDS = load_conventions().kinds["armed"]
_ARMED_VICTIMS = load_conventions().armed_victims
#: words that make a noun phrase one man or thing
_ONE = frozenset({"a", "an", "one"})
#: the collective words of armed men that are no plural ("the police", "the army")
_FORCES = frozenset({"police", "military", "army", "gendarmerie", "militia"})


@dataclass(frozen=True)
class Combination:
    """Thresholds that combine the rules with the classifier (module docstring)."""

    override: float = 0.8
    keep_rules: float = 0.05
    detect: float = 0.5
    #: the classifier names actor 1's ACLED type when the rules found no actor 1 and it is this sure
    actor: float = 0.6
    #: documents longer than this many sentences are news reports, further from the summaries the
    #: classifier learned from: it overrides the rules there only when surer still
    short_sentences: int = 3
    long_override: float = 0.95
    long_keep_rules: float = 0.02
    #: in a short document (an ACLED-style summary, a one-line report: the kind of text the classifier
    #: learned from) its coding replaces the rules' whatever the two codings are, when it is at least
    #: this sure and the event is the only one of its sentence
    short_any: float = 0.95
    #: ... and the rules' coding is under this by the classifier's reckoning
    short_keep_rules: float = 1.0
    #: a coded summary (a short document that opens with the date, year included, of what it tells:
    #: the house style of ACLED's notes, the kind of text the classifier learned from; see
    #: :func:`opens_with_its_date`) is also read whole, since the words that type its incident are often
    #: outside the event's own sentence; the classifier's coding of the whole summary replaces the
    #: rules' for its first event when it is at least this sure. Chosen on country folds other than
    #: those it is measured on (docs/evaluation.md). News reports are not read whole: on them (CASE
    #: 2021, wire briefs) the whole-text reading is worse than the rules' explicit words
    short_report: float = 0.7
    #: ... unless the rules' coding is one they take from explicit words (not :data:`CONTEXTUAL`) and
    #: the classifier's reading of the summary gives it at least this, or the rules read the weapon
    #: (:data:`NAMED_WEAPON_TYPES`)
    short_report_keep_rules: float = 0.1
    #: ... and its actor 1 type (ACLED inter code) read on the whole summary replaces the one the
    #: rules gave the first event's actor 1 (after ACLED's roles are applied) when at least this sure
    short_report_actor: float = 0.5
    #: a short document where the rules found no incident at all: its surest sentence is an event of
    #: the classifier's coding when the event probability and the coding's probability reach these.
    #: The event head decides: a note whose event is sure but whose coding the classifier spreads over
    #: several types (a country it never saw) is coded by its surest reading (0.6 until 2026-12-06
    #: left 41 of the 1,000 development notes with no event; 0.0 codes 9 more of them right, none lost)
    fallback_event: float = 0.8
    fallback_coding: float = 0.0
    #: a coded summary's first event is coded by the learned combiner the typer carries
    #: (``typer.combiner``, :mod:`cronica.nlp.combiner`) instead of ``short_report`` and
    #: ``short_report_keep_rules``; ``False`` (or a typer without one) uses those thresholds
    learned_combiner: bool = True
    #: ACLED's battles are fought between armed actors: a Battles reading does not replace a coding
    #: whose actor 2 the rules read as civilians ("soldiers killed two civilians", "militants
    #: attacked villagers")
    civilian_victims: bool = True
    #: ... and an attack on civilians does not replace a battle whose actor 2 the rules read as armed
    #: in the words of its victims ("killing 22 soldiers", "killed 12 militia members", "two CAFGU
    #: soldiers were shot dead by unidentified assailants": Battles / Armed clash to ACLED)
    armed_targets: bool = True
    #: a reading of a weapon's type (:data:`NAMED_WEAPON_TYPES`) does not replace the rules' coding
    #: of a document that names no weapon (:func:`weapons_named`: "fired with unspecified weapons on
    #: the positions of ...")
    remote_needs_weapon: bool = True
    #: in a short report, an attack whose actor 2 the classifier's ``actor2`` head reads on the whole
    #: report as armed at least this surely is a clash (conventions.yaml ``armed_victims``,
    #: :mod:`cronica.extraction.armed_victims`); chosen on development notes read by country-fold models
    armed_victims: float = 0.8

    def thresholds(self, sentences: int) -> tuple[float, float]:
        """(override, keep_rules) for a document of ``sentences`` sentences."""
        if sentences > self.short_sentences:
            return self.long_override, self.long_keep_rules
        return self.override, self.keep_rules

    def overrides_any(self, sentences: int, probability: float, rules_probability: float) -> bool:
        """Whether the classifier's coding replaces any coding of the rules in a document this long."""
        return (
            sentences <= self.short_sentences
            and probability >= self.short_any
            and rules_probability < self.short_keep_rules
        )


class LearnedTyper:
    """The shipped classifier (or one from ``path``) as an :class:`EventTyper`.

    Judgements are kept per text (the same sentence is read for its type, its actor and whether it
    reports an event at all), up to ``cache_size`` texts; :meth:`judge_many` reads the texts it has
    not seen in one batch."""

    def __init__(
        self, path: str | None = None, model: EventClassifier | None = None, cache_size: int = 1024
    ) -> None:
        self.model = model or load_model(path)
        #: the learned combiner fitted with this classifier, if its model file carries one
        self.combiner = self.model.combiner
        self.cache_size = cache_size
        self._seen: dict[str, Judgement] = {}

    def judge(self, text: str) -> Judgement:
        return self.judge_many([text])[0]

    def forget(self) -> None:
        """Empty the judgements kept (benchmarks: a corpus read again must not find its texts read)."""
        self._seen.clear()

    def judge_many(self, texts: Sequence[str]) -> list[Judgement]:
        """The judgement of each text, in order (the same as :meth:`judge` one at a time)."""
        seen = self._seen
        new = [t for t in dict.fromkeys(texts) if t not in seen]
        fresh = dict(zip(new, map(judgement, self.model.predict_many(new)), strict=True)) if new else {}
        if fresh:
            if len(seen) + len(fresh) > self.cache_size:
                seen.clear()
            seen.update(fresh)
        # read from this call's own results first: another thread may empty the store meanwhile
        out = []
        for t in texts:
            j = fresh.get(t) or seen.get(t)
            out.append(j if j is not None else judgement(self.model.predict(t)))
        return out


def judge_all(typer: EventTyper, texts: Sequence[str]) -> list[Judgement]:
    """Each text's judgement, in one batch when the typer reads batches (``judge_many``)."""
    many = getattr(typer, "judge_many", None)
    return list(many(texts)) if many is not None else [typer.judge(t) for t in texts]


def judgement(prediction: Prediction) -> Judgement:
    """A classifier prediction as a :class:`Judgement` (sub-types joined with their type)."""
    scores = prediction.scores
    labels, codes = _LABELS, _CODES
    coding = tuple(
        [(labels.get(label) or _type_and_sub(label)) + (p,) for label, p in scores.get("sub_event_type", ())]
    )
    event = _probability(scores["event"], "event") if "event" in scores else 1.0
    inter = tuple(
        [(codes.get(code) or _code(code), p) for code, p in scores.get("inter1", ()) if code.isdigit()]
    )
    armed2 = _probability(scores["actor2"], "armed") if "actor2" in scores else None
    return Judgement(event=event, coding=coding, inter1=inter, armed2=armed2)


def _probability(ranked: tuple[tuple[str, float], ...], label: str) -> float:
    """``Prediction.probability`` of one head's ranked classes, without building a dict."""
    found = 0.0
    for name, p in ranked:
        if name == label:
            found = p  # the last, as a dict of the pairs keeps it
    return found


#: labels and actor codes read so far (the classes of the models loaded: a few dozen strings)
_LABELS: dict[str, tuple[str, str]] = {}
_CODES: dict[str, int] = {}


def _type_and_sub(label: str) -> tuple[str, str]:
    """ "Protests / Peaceful protest" as its type and sub-type (one pair of strings per label)."""
    found = _LABELS.get(label)
    if found is None:
        event_type, _, sub = label.partition(" / ")
        found = _LABELS[label] = (event_type, sub)
    return found


def _code(code: str) -> int:
    """An actor type's code as a number ("3" -> 3), kept."""
    found = _CODES[code] = int(code)
    return found


#: The most text the typer reads for one event.
_MAX_CHARS = 800


def event_text(event: Event, text: str) -> str:
    """The words an event was assembled from: its sentence through the last sentence that gave it
    a trigger or a count ("Thousands marched ... Police fired tear gas ... 84 were arrested")."""
    if event.sentence is None:
        return event.trigger.text
    start = min(event.sentence.start, event.trigger.start)
    ends = [event.sentence.end, event.trigger.end]
    ends += [c.span.end for claims in event.counts.values() for c in claims if c.span is not None]
    end = max((e for e in ends if e - start <= _MAX_CHARS), default=event.sentence.end)
    if end > event.sentence.end:
        stop = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
        end = min(stop + 1, start + _MAX_CHARS, len(text))
    return text[start:end] if text else event.sentence.text


def apply_learned_types(
    events: list[Event],
    typer: EventTyper | None,
    combination: Combination | None = None,
    sentences: int = 1,
    text: str = "",
    summary: bool = False,
    weapons: frozenset[str] | None = None,
) -> list[Event]:
    """Each event re-coded by the typer where the combination says so (module docstring);
    ``sentences`` is the length of the document, which sets the thresholds, ``text`` the
    document's text, from which each event's words are read (:func:`event_text`), ``summary``
    whether the document is a coded summary read whole (:attr:`Combination.short_report`), and
    ``weapons`` the weapon families the document's words name (:func:`weapons_named`; ``None``:
    not read, no check)."""
    if typer is None:
        return events
    combo = combination or Combination()
    override, keep_rules = combo.thresholds(sentences)
    shared = Counter(e.sentence.start for e in events if e.sentence is not None)
    first_of_sentence: dict[int, Event] = {}
    for e in events:
        if e.sentence is not None:
            first_of_sentence.setdefault(e.sentence.start, e)
    short = sentences <= combo.short_sentences
    texts = [event_text(e, text) for e in events]
    readings = judge_all(typer, [*texts, text] if summary and short and text and events else texts)
    report = readings[len(events)] if len(readings) > len(events) else None
    opening = min(events, key=lambda e: e.trigger.start) if report is not None else None
    combiner: Combiner | None = getattr(typer, "combiner", None) if combo.learned_combiner else None
    out = []
    for event, j in zip(events, readings, strict=False):
        if not j.coding or event.coded_by.startswith("learned classifier"):
            out.append(event)  # no reading, or the classifier found this event and coded it already
            continue
        if event is opening and report is not None and report.coding and combiner is not None:
            out.append(_combined(event, combiner, report, j, combo.armed_targets, text))
            continue
        if event is opening and report is not None and report.coding:
            report_type, report_sub, report_p = report.coding[0]
            rules_p = report.probability(event.event_type, event.sub_event_type)
            if report_p >= combo.short_report and (report_type, report_sub) == (
                event.event_type,
                event.sub_event_type,
            ):
                coded_by = f"rules (the classifier gives this coding p={rules_p:.2f} on the whole report)"
                out.append(replace(event, coded_by=coded_by))
                continue
            explicit = (event.event_type, event.sub_event_type) not in CONTEXTUAL
            kept = event.event_type in NAMED_WEAPON_TYPES or (
                explicit and rules_p >= combo.short_report_keep_rules
            )
            if (
                report_p >= combo.short_report
                and not kept
                and not _unsupported(event, report_type, weapons, combo, text)
            ):
                coded_by = (
                    f"learned classifier: {report_type} / {report_sub} (p={report_p:.2f}, the whole "
                    f"report) over the rules' {event.event_type} / {event.sub_event_type} (p={rules_p:.2f})"
                )
                out.append(
                    replace(
                        event,
                        event_type=report_type,
                        sub_event_type=report_sub,
                        confidence=report_p,
                        coded_by=coded_by,
                    )
                )
                continue
        best_type, best_sub, best_p = j.coding[0]
        rules_p = j.probability(event.event_type, event.sub_event_type)
        alone = event.sentence is None or shared[event.sentence.start] == 1
        if sentences <= combo.short_sentences and event.sentence is not None:
            # a short report tells one incident a sentence: the classifier codes the sentence's first
            alone = first_of_sentence[event.sentence.start] is event
        contextual_move = (
            (event.event_type, event.sub_event_type) in CONTEXTUAL
            and (best_type, best_sub) in _TARGETS
            and best_p >= override
            and rules_p < keep_rules
        )
        if (
            (best_type, best_sub) != (event.event_type, event.sub_event_type)
            and alone
            and (contextual_move or combo.overrides_any(sentences, best_p, rules_p))
            and not _unsupported(event, best_type, weapons, combo, text)
        ):
            coded_by = (
                f"learned classifier: {best_type} / {best_sub} (p={best_p:.2f}) over the rules' "
                f"{event.event_type} / {event.sub_event_type} (p={rules_p:.2f})"
            )
            out.append(
                replace(
                    event,
                    event_type=best_type,
                    sub_event_type=best_sub,
                    confidence=best_p,
                    coded_by=coded_by,
                )
            )
        else:
            coded_by = f"rules (the classifier gives this coding p={rules_p:.2f})"
            contextual = (event.event_type, event.sub_event_type) in CONTEXTUAL
            confidence = (event.confidence + rules_p) / 2 if contextual else event.confidence
            out.append(replace(event, confidence=confidence, coded_by=coded_by))
    return out


def weapons_named(lemmas: frozenset[str], text: str, families: dict[str, TriggerFamily]) -> frozenset[str]:
    """The weapon families (:data:`~cronica.extraction.classify.WEAPONS`) a document names: one of
    a family's lemmas among the document's ``lemmas`` or one of its phrases in its ``text``."""
    low = text.lower()
    return frozenset(
        name
        for name in WEAPONS
        if name in families
        and (families[name].lemmas & lemmas or any(p in low for p in families[name].phrases))
    )


def _unsupported(
    event: Event, event_type: str, weapons: frozenset[str] | None, combo: Combination, text: str = ""
) -> bool:
    """Whether a reading of ``event_type`` contradicts what the rules read in explicit words: a battle
    whose victims are civilians (:attr:`Combination.civilian_victims`), an attack on civilians whose
    victims the rules read as armed men in the document ``text`` (:attr:`Combination.armed_targets`), a
    weapon's type in a document that names no weapon (:attr:`Combination.remote_needs_weapon`)."""
    if combo.civilian_victims and event_type == "Battles":
        if event.actor2 is not None and event.actor2.inter in _CIVILIANS:
            return True
    if combo.armed_targets and event_type == "Violence against civilians" and event.event_type == "Battles":
        if armed_target(event, text):
            return True
    return bool(
        combo.remote_needs_weapon and weapons is not None and not weapons and event_type in NAMED_WEAPON_TYPES
    )


def armed_target(event: Event, text: str = "") -> bool:
    """Whether the rules read ``event``'s actor 2 as armed men, several of them, by their words (its
    kind is one of conventions.yaml ``kinds.armed`` and its words end in a plural or a collective:
    "22 soldiers", "the police", "rebels", "militia members"), and ``text`` does not say they were
    off duty (``armed_victims.off_duty``). One man ("a soldier", "an army officer", "a police
    officer") killed by gunmen is as often a targeted killing of a man off duty or at home, violence
    against a civilian to ACLED, which the classifier reads; so is "a camp" attacked (the rules'
    installation: a cattle camp as often as an army's). One man killed in a fight with the forces or an
    armed group (:func:`_fought`) and a group named alone (:func:`_group_named`) are armed men too."""
    actor = event.actor2
    if actor is None or actor.kind not in _ARMED_KINDS or not actor.text:
        return False
    words = actor.text.lower().split()
    last = words[-1].strip(".,;:()")
    fought = _fought(event)
    if words[0] in _ONE and not fought:
        return False  # one man
    named = event.actor1 is not None and _group_named(actor, text)  # an attacker told, and its target
    if not (last in _FORCES or (last.endswith("s") and not last.endswith("ss")) or named or fought):
        return False  # a name qualifying a man ("Al Shabaab" of "an Al Shabaab returnee"): no armed men told
    before = text[max(0, actor.span.start - 40) : actor.span.start] if actor.span is not None else ""
    if _one_before(before) and not fought:
        return False  # the actor's word qualifies one man: "an army officer", "a security forces member"
    return not _ARMED_VICTIMS.off_duty.search(text)


def _fought(event: Event) -> bool:
    """Whether ``event`` is a fight between the forces or an armed group and an armed man ("a suspected
    rebel was killed in an encounter with the army", "a drug suspect was killed during a shootout with
    the police"): its trigger is a fight's word (``armed_victims.fought``) and its actor 1 is armed."""
    actor1 = event.actor1
    return (
        actor1 is not None
        and actor1.kind in _ARMED_KINDS
        and bool(_ARMED_VICTIMS.fought.match(event.trigger.text))
    )


def _group_named(actor: Actor, text: str) -> bool:
    """Whether ``actor``'s words are an armed group's own name standing alone ("attacked the FDLR in
    Busumba", "clashed with Raia Mutomboki"): capitalised, and not a name qualifying the word after it
    ("the FDLR commander", "an Al Shabaab returnee")."""
    if actor.span is None or not actor.text or not actor.text.split()[-1][:1].isupper():
        return False
    after = re.match(r"[\W_]*(\w*)", text[actor.span.end : actor.span.end + 30])
    nxt = after.group(1) if after else ""
    return not (nxt.isalpha() and nxt.islower() and nxt not in _AFTER_A_NAME)


#: words that may follow a group's name standing alone ("attacked the FDLR in ...", "... and allied ...")
_AFTER_A_NAME = frozenset(
    {
        "in",
        "at",
        "on",
        "near",
        "and",
        "or",
        "with",
        "from",
        "of",
        "who",
        "which",
        "that",
        "killing",
        "after",
        "before",
        "during",
        "around",
        "inside",
        "outside",
        "to",
        "for",
        "but",
        "while",
        "as",
        "into",
        "across",
    }
)


def _one_before(before: str) -> bool:
    """Whether the words just before an actor's (up to four, within its noun phrase) open it with
    "a", "an" or "one" ("an army officer", "a suspected Al Shabaab returnee", "a security forces
    personnel (military)")."""
    for word in reversed(before.replace("(", " ").split()[-4:]):
        word = word.lower()
        if word in _ONE:
            return True
        if not word.isalpha() or word in _PHRASE_ENDS:
            return False
    return False


#: words that end the noun phrase before an actor's words
_PHRASE_ENDS = frozenset({"and", "or", "of", "with", "by", "to", "from", "the", "killed", "killing"})


def rules_view(event: Event) -> RulesView:
    """What the learned combiner reads of the rules' event (:class:`~cronica.nlp.combiner.RulesView`)."""
    return RulesView(
        coding=f"{event.event_type} / {event.sub_event_type}",
        explicit=(event.event_type, event.sub_event_type) not in CONTEXTUAL,
        actor1=event.actor1.inter if event.actor1 is not None else None,
        actor2=event.actor2.inter if event.actor2 is not None else None,
        counts=frozenset(k for k, claims in event.counts.items() if claims),
    )


def _combined(
    event: Event,
    combiner: Combiner,
    report: Judgement,
    words: Judgement,
    armed_targets: bool = True,
    text: str = "",
) -> Event:
    """The coding the learned combiner gives a coded summary's first event, from the rules' reading
    (:func:`rules_view`) and the classifier's readings of the whole summary (``report``) and of the
    event's words (``words``); a battle on victims the rules read as armed stays one
    (``armed_targets``, :attr:`Combination.armed_targets`)."""
    rules = f"{event.event_type} / {event.sub_event_type}"
    ranked = combiner.ranked(rules_view(event), _by_label(report), _by_label(words), dict(report.inter1))
    label, p = ranked[0]
    if armed_targets and label.startswith("Violence against civilians /") and event.event_type == "Battles":
        if armed_target(event, text):  # Combination.armed_targets
            kept = f"rules (armed victims; the learned combiner gives {label}, p={p:.2f})"
            return replace(event, coded_by=kept)
    if label == rules:
        return replace(event, confidence=p, coded_by=f"rules (kept by the learned combiner, p={p:.2f})")
    event_type, sub = _type_and_sub(label)
    coded_by = (
        f"learned combiner: {label} (p={p:.2f}, "
        f"the whole report p={report.probability(event_type, sub):.2f}) "
        f"over the rules' {rules} (p={dict(ranked).get(rules, 0.0):.2f})"
    )
    return replace(event, event_type=event_type, sub_event_type=sub, confidence=p, coded_by=coded_by)


def _by_label(judged: Judgement) -> dict[str, float]:
    return {f"{t} / {s}": p for t, s, p in judged.coding}


#: The generic actor (``actors.yaml`` kind) that stands for each ACLED inter code when the text
#: names no actor 1 ("A landmine exploded ...", "Four farm workers were ambushed ...").
GENERIC_KIND = {
    1: "military",
    2: "rebels",
    3: "militia",
    4: "identity_militia",
    5: "rioters",
    6: "protesters",
    7: "civilians",
    8: "external",
}


def apply_learned_actors(
    events: list[Event],
    typer: EventTyper | None,
    generic: Callable[[str], Actor],
    combination: Combination | None = None,
    text: str = "",
) -> list[Event]:
    """Events whose rules found no actor 1 get the generic actor of the classifier's actor 1 type
    when it is at least ``combination.actor`` sure (ACLED always codes an actor 1); ``generic``
    makes the actor of an ``actors.yaml`` kind. An actor 1 the rules named but could not type (a
    name no dictionary knows: "Bodaboda operators", "two sections of the Lou Nuer") keeps its name
    and takes the classifier's type at the same threshold. Others are returned unchanged."""
    if typer is None:
        return events
    threshold = (combination or Combination()).actor
    untyped = [event_text(e, text) for e in events if e.actor1 is None or e.actor1.inter is None]
    judged = iter(judge_all(typer, untyped))
    out = []
    for event in events:
        if event.actor1 is not None and event.actor1.inter is not None:
            out.append(event)
            continue
        ranked = next(judged).inter1
        sure = ranked[0] if ranked and ranked[0][1] >= threshold else None
        if event.actor1 is not None:
            if sure is None:
                out.append(event)
                continue
            code, p = sure
            note = f"; actor 1 type {code} by the classifier (p={p:.2f}), the rules named no type"
            out.append(
                replace(event, actor1=replace(event.actor1, inter=code), coded_by=event.coded_by + note)
            )
            continue
        kind = GENERIC_KIND.get(sure[0]) if sure is not None else None
        actor1 = generic(kind) if kind is not None else None
        if actor1 is None or (
            _harmed(event) and event.actor2 is not None and event.actor2.name == actor1.name
        ):
            # no type sure enough, or the type of the ones harmed: "A protester was killed" reads as
            # the protesters' act, but they are actor 2 and whoever killed is not named
            out.append(event)
            continue
        missing = dict(event.missing)
        missing.pop("actor1", None)
        out.append(replace(event, actor1=actor1, missing=missing))
    return out


def _harmed(event: Event) -> bool:
    """Whether the event's actor 2 is the side harmed (political violence, force used on protesters)."""
    return event.event_type in _HARM_TYPES or event.sub_event_type == "Excessive force against protesters"


_HARM_TYPES = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence"})


def opens_with_its_date(dates: Sequence[tuple[int, str]]) -> bool:
    """Whether a document opens with a date that names its year ("On 3 May 2021, ...", "Between 12
    and 18 July 2021, ...", "El 3 de mayo de 2021, ..."), the house style of coded event summaries;
    ``dates`` are the document's date expressions as (first token index, words), in order."""
    if not dates:
        return False
    start, words = dates[0]
    return start <= 1 and any(w.isdigit() and len(w) == 4 for w in words.split())


def _named(actor: Actor, text: str) -> bool:
    """Whether the actor's words name it (a capitalised word not opening a sentence: "the NAF rebel
    forces", "Taliban militants", "Ukrainian Forces") rather than describe it ("gunmen", "militants",
    "protesters")."""
    if actor.text is None or actor.span is None:
        return False
    at = actor.span.start
    opening = text[:at].rstrip()[-1:] in {"", ".", "!", "?", ":", "\n"}
    words = actor.text.split()
    return any(w[:1].isupper() for w in (words[1:] if opening else words))


#: event types whose two sides are symmetric: which one ACLED puts first is the classifier's to read
_SIDES_BY_READING = frozenset({"Battles"})


def _typed_by_words(actor: Actor, text: str, subject: tuple[int, int] | None) -> bool:
    """Whether the rules read ``actor``'s type from words that fix it: a name (:func:`_named`); forces
    the words put abroad (inter 8: "US forces" in Somalia, "international forces"); or, for the
    summary's opening subject (``subject``: the characters of its head word, "On 5 July 2025,
    government forces clashed with ..."), a kind whose words give the type (conventions.yaml
    ``kinds.typed_by_words``: "soldiers", "the police", "clan militia"). An actor found elsewhere may
    be the wrong one ("an IED exploded, targeting a security forces convoy"), and the classifier's
    reading of who acted is the better evidence of its type."""
    if _named(actor, text) or actor.inter == _ABROAD.inter and actor.kind in _ABROAD.kinds:
        return True  # a name, or forces whose words call them foreign ("international forces")
    return _holds(actor, subject) and actor.kind in _TYPED_BY_WORDS


def _holds(actor: Actor, subject: tuple[int, int] | None) -> bool:
    """Whether ``actor``'s words hold the summary's opening subject (the characters of its head word)."""
    if subject is None or actor.span is None:
        return False
    return actor.span.start <= subject[0] and subject[1] <= actor.span.end


def apply_summary_actor_type(
    events: list[Event],
    typer: EventTyper | None,
    generic: Callable[[str], Actor],
    combination: Combination | None = None,
    text: str = "",
    summary: bool = False,
    subject: tuple[int, int] | None = None,
) -> list[Event]:
    """In a coded summary (``summary``, see :attr:`Combination.short_report`), the first event's
    actor 1 takes the ACLED actor type (inter code) the classifier reads on the whole summary when it
    is at least ``combination.short_report_actor`` sure, unless ACLED's roles (``conventions.yaml``
    ``roles``) name actor 1 of the event's type (the protesters of a protest, the rioters of a riot):
    the actor keeps its words and name, its ``inter`` changes, and ``coded_by`` says so; with no
    actor 1, the generic actor of that type (``generic`` makes one of an ``actors.yaml`` kind). An
    actor whose words give its type (:func:`_typed_by_words`: a name, "the NAF rebel forces",
    "Taliban militants"; or, as the summary's opening subject, ``subject``, its country, "US forces",
    or a state force or a clan militia, "soldiers") keeps the type the rules read; one the words
    only describe ("militants", "gunmen") takes the classifier's. In a clash (``_SIDES_BY_READING``)
    whose actor 2 is of the type the classifier reads for actor 1, and whose actor 1 is not the
    opening subject, the two sides swap ("clashes between the militants and the army": ACLED's actor 1
    is the side its coders put first, which the classifier learned). Other events, and documents that
    are no coded summary, are returned unchanged."""
    if typer is None or not summary or not events or not text:
        return events
    ranked = judge_all(typer, [text])[0].inter1
    if not ranked or ranked[0][1] < (combination or Combination()).short_report_actor:
        return events
    code, p = ranked[0]
    first = min(events, key=lambda e: e.trigger.start)
    if any(r.actor1 and r.covers(first.event_type, first.sub_event_type) for r in _ROLES):
        return events  # ACLED's roles name actor 1 of this type (the protesters of a protest ...)
    actor = first.actor1
    other = first.actor2
    if (
        first.event_type in _SIDES_BY_READING
        and actor is not None
        and other is not None
        and other.inter == code != actor.inter
        and not _holds(actor, subject)
    ):
        # the classifier reads actor 1 as the other side's type: the sides are the other way round
        note = f"; sides swapped: actor 1 type {code} by the classifier (p={p:.2f}, the whole report)"
        swapped = replace(first, actor1=other, actor2=actor, coded_by=first.coded_by + note)
        return [swapped if e is first else e for e in events]
    if actor is not None and actor.inter is not None and _typed_by_words(actor, text, subject):
        return events  # its words give its type ("NAF rebel forces", "soldiers", "US forces")
    if actor is None:
        kind = GENERIC_KIND.get(code)
        if kind is None or (
            first.event_type == "Battles" and other is not None and other.name == generic(kind).name
        ):
            # no type, or actor 2's in a battle: no side fights itself ("the ELN clashed with the
            # Colombian military", read as the military's note, gives actor 1 no military)
            return events
        missing = dict(first.missing)
        missing.pop("actor1", None)
        changed = replace(first, actor1=generic(kind), missing=missing)
    elif (
        code in _STATE_CODES and other is not None and other.inter in _STATE_CODES and _holds(actor, subject)
    ):
        # "militants attacked a police post, killing two gendarmes" read as the state's: the reading is of
        # the state's forces the note names as actor 2; the note's subject, who attacked, is someone else
        return events
    else:
        note = (
            f"; actor 1 type {code} by the classifier (p={p:.2f}, the whole report) "
            f"over the rules' {actor.inter}"
        )
        changed = replace(first, actor1=replace(actor, inter=code), coded_by=first.coded_by + note)
    return [changed if e is first else e for e in events]
