"""From the asserted triggers of a sentence to incident drafts: grouping, coding, actors, counts.

In: a sentence, its asserted triggers and count mentions, the story so far. Out:
:class:`~cronica.extraction.assemble.Draft` incidents with ACLED type, actors (perpetrator and target with
inter codes), date, place, count claims and a confidence; accidents and disasters are dropped.
"""

from __future__ import annotations

from datetime import date as _date

from spacy.tokens import Span, Token

from cronica.extraction.actors import is_group_pronoun
from cronica.extraction.assemble import UNNAMED_SIDE, Draft, another_side
from cronica.extraction.attribution import ReporterFinder
from cronica.extraction.classify import classify, group_of, told_family
from cronica.extraction.context import DocContext, paragraph_start
from cronica.extraction.conventions import load_conventions
from cronica.extraction.counts import CountMention
from cronica.extraction.dating import DateLinker, heading_date, live_entry_date, reported_week
from cronica.extraction.lexicon import Lexicon
from cronica.extraction.locating import PlaceLinker
from cronica.extraction.statements import StatementFinder
from cronica.extraction.story import Story
from cronica.extraction.triggers import NOT_AN_EVENT_HERE, Trigger
from cronica.fields import replace
from cronica.nlp.arrays import DocArrays, arrays, span_text
from cronica.records import (
    Actor,
    CountClaim,
    DateValue,
    Place,
)
from cronica.records import Span as TextSpan

#: Places and units that only armed forces hold: attacking one is fighting them.
#: ACLED inter code groups (conventions.yaml ``inter.groups``)
_INTER = load_conventions().inter
_INSTALLATIONS = frozenset(
    {
        "base",
        "position",
        "camp",
        "checkpoint",
        "outpost",
        "barracks",
        "convoy",
        "patrol",
        "garrison",
        "headquarters",
        "headquarter",
        "post",
    }
)

#: Triggers whose grammatical subject undergoes the event: "ten people died", "three were wounded".


def _retrospective(tok: Token, perfect_aux: frozenset[str]) -> bool:
    """ "only one of its fighters had died", "solo uno había muerto": a past perfect (an auxiliary of
    ``perfect_aux`` in a past tense) looks back at an event already told."""
    return tok.pos_ == "VERB" and any(
        c.dep_ == "aux"
        and c.lemma_.lower() in perfect_aux
        and (c.tag_ == "VBD" or bool({"Past", "Imp"} & set(c.morph.get("Tense", []))))
        for c in tok.children
    )


def _told_back(trigger: Trigger, definite: frozenset[str]) -> bool:
    """A word that can tell again an incident already told: a death or a wound ("eight people died"),
    or a fight named as known with a ``definite`` determiner ("in the clashes", "during those
    protests", "en los enfrentamientos")."""
    if trigger.family.name in {"lethal", "injure"}:
        return True
    return trigger.token.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in definite for c in trigger.token.children
    )


def _political(actor: Actor | None, protest: bool = False) -> bool:
    """An actor of political violence; police making an arrest after an accident are not one,
    unless protesters are involved."""
    if actor is None:
        return False
    if actor.kind in {"police", "government"} and not protest:
        return False
    return actor.inter in _INTER["political"]


def _confidence(
    date: DateValue,
    place: Place,
    actor1: Actor | None,
    counts: dict[str, tuple[CountClaim, ...]],
    inherited: bool,
) -> float:
    score = 0.35
    if date.value:
        score += 0.2 if not inherited else 0.1
    if place.status == "resolved":
        score += 0.15
    elif place.country_code:
        score += 0.05
    if actor1 is not None:
        score += 0.1
    if counts:
        score += 0.15
    return min(score, 0.95)


_PROTESTERS = frozenset({"protesters"})
_FORCES = frozenset({"police", "military"})
#: How many sentences back the story's last event still lends its place to an event with none.
_STORY_REACH = 6


#: trigger families whose noun's "of" names who it befell ("the killing of", "the arrest of")
_BEFALLS = frozenset({"lethal", "injure", "arrest", "abduct"})
#: the trigger family of fighting between two sides (events.yaml ``clash``): "with" names the other side
_CLASH_FAMILY = "clash"
#: the event type of the trigger families of strikes from a distance (bombs, shelling, air strikes)
_REMOTE = "Explosions/Remote violence"
#: trigger families of people acting against each other or the state ("residents attacked and injured a
#: herder, claiming his animals had caused traffic accidents", "youth hurled stones at the police"): a
#: sentence with one is no accident whatever accident word it holds (not the clash family, whose
#: "battle" and "fighting" are said of weather and sport; its words of gunfire are ``fight_words``):
#: riots and dispersals in any word, attacks and protests as verbs
_AT_ODDS_ANY_WORD = frozenset({"riot", "disperse"})
_AT_ODDS_AS_VERB = frozenset({"shoot", "protest"})


def _told_in_another_paragraph(ctx: DocContext, story: Story, sent: Span) -> bool:
    """Whether the story's last event was told before ``sent``'s paragraph began."""
    prev = story.last_draft
    return prev is not None and prev.sentence.start < paragraph_start(ctx.document.text, sent.start_char)


def _people_at_odds(t: Trigger) -> bool:
    """A trigger of people acting against each other or the state: a word of riot or dispersal, or a
    verb of attack or protest ("attacked", "protested"); not "struck", which earthquakes and storms do
    too."""
    family = t.family.name
    if family in _AT_ODDS_ANY_WORD:
        return True
    return family in _AT_ODDS_AS_VERB and t.token.pos_ == "VERB" and t.token.lemma_.lower() != "strike"


class IncidentReader:
    """A sentence's asserted triggers to incident drafts (see the module docstring). Dates, places and
    reporters come from the linkers it is given; ``statements`` tells which words are speech (their
    clauses hold no place of the event)."""

    def __init__(
        self,
        lexicon: Lexicon,
        dates: DateLinker,
        places: PlaceLinker,
        reporters: ReporterFinder,
        statements: StatementFinder,
    ) -> None:
        self.lexicon = lexicon
        self.dates = dates
        self.places = places
        self.reporters = reporters
        self.statements = statements

    def read(
        self,
        ctx: DocContext,
        story: Story,
        sent: Span,
        si: int,
        triggers: list[Trigger],
        counts: list[CountMention],
        all_triggers: list[Trigger] | None = None,
    ) -> list[Draft]:
        if not triggers:
            return []
        all_triggers = all_triggers or triggers
        groups: dict[str, list[Trigger]] = {}
        for t in triggers:
            groups.setdefault(group_of(t), []).append(t)
        protest_words = self._protest_context(ctx, sent, groups)
        if "violence" in groups and "protest" in groups:
            groups["violence"] = groups["violence"] + groups.pop("protest")
        if "arrest" in groups and "protest" in groups:
            groups["arrest"] = groups["arrest"] + groups.pop("protest")
        entering = [t for t in groups.get("withdraw", []) if t.token.lemma_.lower() == "enter"]
        if entering and "violence" in groups:
            # "armed men entered the town and opened fire": the entry is part of the attack
            groups["violence"] = groups["violence"] + entering
            groups["withdraw"] = [t for t in groups["withdraw"] if t not in entering]
            if not groups["withdraw"]:
                groups.pop("withdraw")
        if "property" in groups and "violence" in groups:
            # "a drone attack on the port damaged grain stores": the damage is the attack's
            groups["violence"] = groups["violence"] + groups.pop("property")
        if "arrest" in groups and "violence" in groups and protest_words:
            # arrests at a dispersed protest are a count of that event (ACLED), not an event of their own
            groups["violence"] = groups["violence"] + groups.pop("arrest")
        speech = self.statements.speech_tokens(sent)
        owners = [t.token for t in triggers] + speech
        # words whose clauses tell something else (calls, threats, other speech): no place for us there
        blocked = {t.token.i for t in all_triggers if not t.asserted and t.rule not in NOT_AN_EVENT_HERE} | {
            t.i for t in speech
        }
        lemmas = arrays(sent.doc).lemma[sent.start : sent.end]
        # "killed in a mining accident" is no political violence; "a miner was shot dead during clashes" is
        accident = (
            (ctx.accident_story or any(lemma in self.lexicon.non_political for lemma in lemmas))
            and not any(lemma in self.lexicon.fight_words for lemma in lemmas)
            and not any(_people_at_odds(t) for t in all_triggers)
        )
        drafts = []
        for group, members in groups.items():
            members = sorted(members, key=lambda t: (t.family.name == "protest", t.start))
            anchors = [t.token for t in members]
            # "declared a state of emergency on Saturday", "staged a march in Lima": the light verb's
            # date and place are the event's
            anchors += [
                t.token.head
                for t in members
                if t.token.dep_ in {"dobj", "attr", "nsubjpass"} and t.token.head.pos_ == "VERB"
            ]
            actor1, actor2, associated = self._actors_for(ctx, sent, members, group, protest_words)
            if (
                accident
                and group in {"violence", "property", "arrest"}
                and not _political(actor1, protest_words)
                and not _political(actor2, protest_words)
            ):
                continue  # an accident or a disaster (and the arrests after it), not political violence
            typed = classify(
                members if group == "arrest" else [m for m in members if group_of(m) == group] or members,
                protest_context=protest_words,
                actor1_kind=actor1.kind if actor1 else None,
                actor2_kind=actor2.kind if actor2 else None,
            )
            if (
                typed.event_type == "Protests"
                and typed.sub_event_type != "Peaceful protest"
                and actor2 is None
            ):
                actor2 = self._protesters(ctx, sent)
            if typed.event_type == "Protests" and typed.sub_event_type == "Peaceful protest":
                actor1 = self._as_protesters(ctx, actor1) if actor1 else self._protesters(ctx, sent)
            elif typed.event_type == "Protests" and actor2 is not None:
                actor2 = self._as_protesters(ctx, actor2)
            if actor1 is not None and associated:
                actor1 = replace(actor1, associated=tuple(associated))
            if typed.event_type == "Riots" and actor1 is not None and actor1.inter in _INTER["state"]:
                # ACLED: the rioters are actor 1, the forces that put the riot down actor 2
                actor1, actor2 = ctx.actors.of_kind("rioters"), actor1
            if (
                typed.sub_event_type == "Protest with intervention"
                and actor2 is not None
                and actor2.inter in _INTER["protesters"]
            ):
                # ACLED: the protesters are actor 1, the force that intervened actor 2
                actor1, actor2 = actor2, actor1
            if typed.sub_event_type == "Protest with intervention" and (
                actor2 is None or actor2.inter in _INTER["civil"]
            ):
                # "the protesters had gathered ... when officers fired"; "teachers protested ...; police
                # used tear gas to disperse them" (the dispersed, civilians by their words, are no actor 2)
                force = self._force_in(ctx, sent)
                if force is not None or actor2 is None or actor2.inter in _INTER["protesters"]:
                    actor2 = force
            missing: dict[str, str] = {}
            date = self.dates.date_for(ctx, story, sent, si, anchors, owners) or self._background_date(
                ctx, story, sent, si
            )
            inherited_date = False
            own_date_words = date is not None
            same_story = (
                story.last_draft is not None
                and si - story.last_draft_sent <= 2
                and {story.last_draft.group, group} <= {"violence", "protest", "arrest"}
            )
            heading = heading_date(ctx, sent, self.dates.resolver) if date is None else None
            if (
                heading is not None
                and story.last_draft is not None
                and story.last_draft.sentence.start > heading[1]
                and story.last_draft.date.value == heading[0].value
            ):
                heading = None  # an event told under the same heading since: the story goes on from it
            if heading is not None:
                date = heading[0]  # the section's own date: specific, and not a borrowed one
            paragraph_day = None
            day_just_told = False
            if date is None and _told_in_another_paragraph(ctx, story, sent):
                # "Sacaba, 15 November. Ten people were killed when ...": a day opening this paragraph
                # dates it (a stated day, as a section heading's), not the event told in the paragraph before
                date = paragraph_day = self.dates.paragraph_date(ctx, story, sent, si)
            if date is None:
                prev = story.last_draft
                if story.pending_date is not None and si - story.pending_date_sent == 1:
                    # "On Wednesday, residents carried the coffins through El Alto. The procession was
                    # dispersed with tear gas.": the day just given, later than the event told before;
                    # a stated day (as a paragraph's), not the day of that event to merge with
                    date = replace(
                        story.pending_date,
                        reason="no date words in the sentence: the date that opened the story just before",
                    )
                    day_just_told = True
                elif prev is not None and same_story and prev.date.value and prev.date.text:
                    date = replace(
                        prev.date, reason="no date words in the sentence: date of the event just described"
                    )
                    inherited_date = True
                elif (earlier := self.dates.paragraph_date(ctx, story, sent, si)) is not None:
                    date = earlier  # a stated day, not a licence to merge with whatever came before
                else:
                    date = live_entry_date(ctx, sent, self.dates.resolver) or reported_week(ctx)
            place = self.places.place_for(ctx, sent, anchors, blocked=blocked)
            if place is not None and place.status == "country_only":
                # "Kitale traders protested ... in Kenya": the town the sentence names in that country
                inner = (
                    self.places.sentence_place(ctx, sent, anchors, blocked=blocked, only_one=True)
                    or self.places.weak_place(ctx, sent, anchors, sentence_only=True)
                    or self.places.document_place(ctx, sent, over_country=True)
                )
                if inner is not None and inner.country_code == place.country_code:
                    place = inner
            own_place_words = place is not None
            inherited_place = False
            if place is None:
                prev = story.last_draft
                if prev is not None and same_story and prev.location.status != "unresolved":
                    place = prev.location
                    inherited_place = True
                else:
                    # the paragraph's place, else the story's last event place, else the dateline
                    recent = (
                        prev.location
                        if prev is not None
                        and si - story.last_draft_sent <= _STORY_REACH
                        and prev.location.status == "resolved"
                        else None
                    )
                    place = (
                        self.places.preceding_place(ctx, sent, datelines=False)
                        or recent
                        or self.places.sentence_place(ctx, sent, anchors, blocked=blocked)
                        or self.places.preceding_place(ctx, sent)
                        or self.places.document_place(ctx, sent)
                        or self.places.weak_place(ctx, sent, anchors)
                        or self.places.document_place(ctx, sent, aftermath=tuple(anchors))
                        or self.places.country_place(
                            ctx, "no place words linked to the event: country of the report"
                        )
                    )
                    inherited_place = place.status == "resolved"
            coded = self.places.coded_place(ctx, sent)
            if coded is not None:
                place = coded  # "(coded as Wajir at geo precision 2)": where the note says it coded it
            looks_back = _retrospective(typed.main.token, self.lexicon.counting.perfect_aux)
            reported_back = (
                not looks_back
                and own_date_words
                and self.dates.reports_day(ctx, sent, date, anchors, owners)
                and all(_told_back(t, self.lexicon.grammar["definite"]) for t in members)
            )
            event_counts = self.claims(ctx, story, sent, si, counts, members, group)
            confidence = _confidence(date, place, actor1, event_counts, inherited_date)
            if actor1 is None:
                missing["actor1"] = "no perpetrator or participant named in the sentence"
            if actor2 is None:
                missing["actor2"] = "no target or victim named in the sentence"
            if not date.value:
                missing["date"] = date.reason or "no date"
            if place.status != "resolved":
                missing["location"] = place.reason or "place not resolved"
            drafts.append(
                Draft(
                    sentence_index=si,
                    sentence=TextSpan(sent.start_char, sent.end_char, span_text(sent)),
                    trigger=TextSpan(
                        typed.main.token.doc[typed.main.start].idx,
                        typed.main.token.doc[typed.main.end - 1].idx
                        + len(typed.main.token.doc[typed.main.end - 1].text),
                        typed.main.text,
                    ),
                    event_type=typed.event_type,
                    sub_event_type=typed.sub_event_type,
                    plover=typed.plover,
                    group=group,
                    date=date,
                    date_inherited=inherited_date,
                    location=place,
                    place_inherited=inherited_place,
                    actor1=actor1,
                    actor2=actor2,
                    counts=event_counts,
                    confidence=confidence,
                    missing=missing,
                    reported_by=tuple(  # in the order told (a set's order changes from run to run)
                        dict.fromkeys(
                            c.reported_by for cl in event_counts.values() for c in cl if c.reported_by
                        )
                    ),
                    specific=own_date_words
                    or heading is not None
                    or paragraph_day is not None
                    or day_just_told
                    or (own_place_words and place.precision in {1, 2})
                    or bool(event_counts)
                    or inherited_date,
                    retrospective=looks_back or reported_back,
                    reported_back=reported_back,
                    date_told=own_date_words or heading is not None or paragraph_day is not None,
                    harm_alone=not own_place_words
                    and all(t.family.name in {"lethal", "injure"} for t in all_triggers),
                    family=told_family(typed.main),
                )
            )
        return drafts

    def _background_date(self, ctx: DocContext, story: Story, sent: Span, si: int) -> DateValue | None:
        """ "In October 2021, after similar protests, the government decreed one": an event with no date
        of its own in a sentence about a time over a year back belongs to that time (and is background)."""
        if ctx.published is None:
            return None
        for mention in ctx.dates_in(sent):
            value = self.dates.resolve(ctx, story, mention, si)
            if value.value and (ctx.published - _date.fromisoformat(value.end or value.value)).days > 366:
                return replace(value, reason="the only date of the sentence, over a year back: background")
        return None

    def _protest_context(self, ctx: DocContext, sent: Span, groups: dict[str, list[Trigger]]) -> bool:
        if "protest" in groups:
            return True
        generic_at = ctx.actors.generic_at
        for i in range(sent.start, sent.end):
            hit = generic_at.get(i)
            if hit is not None and hit[0].kind == "protesters":
                return True
        return False

    def _named_of_kind(self, ctx: DocContext, sent: Span, kinds: frozenset[str]) -> Actor | None:
        """The first generic actor of one of ``kinds`` named in ``sent`` ("demonstrators", "riot
        police"), else None."""
        for tok in sent:
            hit = ctx.actors.generic_at.get(tok.i)
            if hit is not None and hit[0].kind in kinds:
                actor = ctx.actors.actor_for(tok)
                if actor is not None:
                    return actor
        return None

    def _protesters(self, ctx: DocContext, sent: Span) -> Actor:
        return self._named_of_kind(ctx, sent, _PROTESTERS) or ctx.actors.of_kind("protesters")

    def _force_in(self, ctx: DocContext, sent: Span) -> Actor | None:
        """The first state force named in ``sent`` ("officers", "riot police"), else None."""
        return self._named_of_kind(ctx, sent, _FORCES)

    def _as_protesters(self, ctx: DocContext, actor: Actor) -> Actor:
        protesters = ctx.actors.of_kind("protesters")
        if actor.kind in {"civilians", None, "protesters"} or actor.inter in _INTER["civilians"]:
            return replace(actor, name=protesters.name, inter=protesters.inter, kind="protesters")
        if actor.kind in {"union", "party", "organisation"}:
            return replace(
                protesters,
                text=actor.text,
                span=actor.span,
                associated=(actor,),
            )
        return actor

    @staticmethod
    def _sides(prep: int, columns: DocArrays, agent_at: list[int], patient_at: list[int]) -> None:
        """The two sides a clash's "between" names: its object is the first (actor 1), a word joined to
        the object the second (actor 2); "between two clans" names both in one phrase (actor 1)."""
        dep, children = columns.dep, columns.children
        for pobj in children[prep]:
            if dep[pobj] == "pobj":
                agent_at.append(pobj)
                patient_at.extend(g for g in children[pobj] if dep[g] == "conj")

    def _actors_for(
        self, ctx: DocContext, sent: Span, members: list[Trigger], group: str, protest: bool
    ) -> tuple[Actor | None, Actor | None, list[Actor]]:
        """Perpetrator (or participants) and target (or victims) of an incident (the dependency walk
        reads the document's shared arrays; a ``Token`` only for the words kept)."""
        doc = ctx.doc
        columns = arrays(doc)
        dep, lower, lemma, pos, tag = columns.dep, columns.lower, columns.lemma, columns.pos, columns.tag
        heads, children = columns.head, columns.children
        grammar = self.lexicon.grammar
        undergoers, agent_preps = grammar["undergoer_lemmas"], grammar["agent_preps"]
        target_preps, of_preps = grammar["target_preps"], grammar["of_preps"]
        place_parts = grammar["place_part_nouns"]
        speech_verbs = self.lexicon.speech_verbs
        agent_at: list[int] = []
        patient_at: list[int] = []
        for t in members:
            i = t.token.i
            undergoer = lemma[i] in undergoers  # "ten people died": the subject is the victim
            noun = pos[i] == "NOUN"
            if lemma[i] in grammar["repel_lemmas"]:
                attackers = self._attackers_repelled(t.token)
                if attackers:
                    # "forces repelled an attack by the rebels": the rebels attacked, the forces their target
                    agent_at.extend(a.i for a in attackers)
                    patient_at.extend(c for c in children[i] if dep[c] == "nsubj")
                    continue
            for c in children[i]:
                d = dep[c]
                if d == "agent":
                    agent_at.extend(g for g in children[c] if dep[g] == "pobj")
                elif d == "nsubj":
                    (patient_at if undergoer else agent_at).append(c)
                    if t.family.name == _CLASH_FAMILY and not undergoer:
                        # "Coca farmers and police clashed": the conjoined subject is the other side;
                        # "Turkana and Pokot warriors clashed": so is a modifier joined to the subject's
                        patient_at.extend(g for g in children[c] if dep[g] == "conj")
                        for m in children[c]:
                            if dep[m] in {"compound", "amod", "nmod"} and m in ctx.actors.generic_at:
                                patient_at.extend(g for g in children[m] if dep[g] == "conj")
                elif d in {"nsubjpass", "dobj"}:
                    patient_at.append(c)
                elif d in {"compound", "amod", "poss"} and noun:
                    agent_at.append(c)
                elif d == "prep" and lower[c] in agent_preps:
                    for pobj in children[c]:
                        # "in the La Paz district of Ovejuyo": where, not who
                        if dep[pobj] == "pobj" and lemma[pobj] not in place_parts:
                            agent_at.append(pobj)
                            agent_at.extend(g for g in children[pobj] if dep[g] in {"compound", "amod"})
                elif d == "prep" and lower[c] in target_preps:
                    patient_at.extend(g for g in children[c] if dep[g] == "pobj")
                elif d == "prep" and lower[c] in grammar["opponent_preps"] and t.family.name == _CLASH_FAMILY:
                    # "clashed with Al Shabaab": the other side
                    patient_at.extend(g for g in children[c] if dep[g] == "pobj")
                elif d == "prep" and lower[c] in grammar["sides_preps"] and t.family.name == _CLASH_FAMILY:
                    # "clashes between the army and the rebels": the first side, then the one joined to it
                    self._sides(c, columns, agent_at, patient_at)
                elif d == "acl" and noun and lemma[c] in grammar["target_verbs"]:
                    # "an airstrike targeting Al Shabaab": the participle's object is the target
                    patient_at.extend(g for g in children[c] if dep[g] == "dobj")
                elif d == "prep" and lower[c] in of_preps and noun and t.family.name in _BEFALLS:
                    # "the killing of five militants", "the arrest of 20 students": what befell them
                    # (not "un disparo de un policía", a policeman's shot)
                    patient_at.extend(g for g in children[c] if dep[g] == "pobj")
            head = heads[i]
            if noun and dep[i] == "dobj" and pos[head] == "VERB":
                # "threw a grenade at the police base", "fired rockets on the camp": the verb's target
                for c in children[head]:
                    if dep[c] == "prep" and lower[c] in target_preps:
                        patient_at.extend(g for g in children[c] if dep[g] == "pobj")
            if t.family.name == _CLASH_FAMILY:
                # "exchanged fire with government forces": the other side hangs from the fire exchanged
                # (or, where the trigger is the fire, from the verb)
                around = [c for c in children[i] if dep[c] == "dobj"]
                if dep[i] == "dobj" and pos[head] == "VERB":
                    around.append(head)
                for k in around:
                    for c in children[k]:
                        if dep[c] == "prep" and lower[c] in grammar["opponent_preps"]:
                            patient_at.extend(g for g in children[c] if dep[g] == "pobj")
            if t.family.name == _CLASH_FAMILY and dep[i] == "nsubj" and pos[head] == "VERB":
                # "fighting broke out between herders and farmers": the sides hang from the verb
                for c in children[head]:
                    if dep[c] == "prep" and lower[c] in grammar["sides_preps"]:
                        self._sides(c, columns, agent_at, patient_at)
            if (
                dep[i] in {"xcomp", "advcl", "conj", "acl", "relcl"}
                and pos[head] in {"VERB", "NOUN"}
                and lemma[head] not in speech_verbs
                and not undergoer
            ):
                for c in children[head]:
                    if dep[c] == "nsubj":
                        agent_at.append(c)
                    if dep[c] == "nsubjpass":
                        patient_at.append(c)
            if dep[i] == "acl" and (tag[i] == "VBD" or any(dep[c] == "dobj" for c in children[i])):
                # "Gunmen on motorbikes killed ...", parsed as a clause of "motorbikes": the finite verb's
                # subject is the noun phrase that the prepositions hang from
                k = head
                while dep[k] == "pobj" and dep[heads[k]] == "prep":
                    k = heads[heads[k]]
                agent_at.append(k)
            passive = pos[i] == "VERB" and any(dep[c] == "auxpass" for c in children[i])
            if dep[i] == "relcl" and pos[head] == "NOUN" and passive:
                patient_at.append(head)  # "protesters who were shot"
            if dep[i] == "ccomp" and lemma[head] in speech_verbs:
                # "the army announced that it had recaptured X", "the group said they killed Y": the
                # pronoun that acts in what a group tells is that group, the teller's subject
                if any(dep[c] == "nsubj" and is_group_pronoun(doc[c]) for c in children[i]):
                    agent_at.extend(c for c in children[head] if dep[c] == "nsubj")
        agents: list[Token] = [doc[k] for k in agent_at]
        patients: list[Token] = [doc[k] for k in patient_at]
        national = self._national_forces(ctx, members)
        for t in members:  # "The Peruvian government declared a state of emergency"
            if t.token.dep_ in {"dobj", "attr"} and t.token.head.pos_ == "VERB":
                speech = self.lexicon.speech_verbs.get(t.token.head.lemma_.lower())
                death_word = t.token.lemma_.lower() in self.lexicon.grammar["undergoer_lemmas"]
                if speech is not None and group == "violence" and (not speech.report or death_word):
                    # "police confirmed the death of a man", "the government condemned the killing of a
                    # journalist": who tells of a killing or judges it, not who did it
                    continue
                agents.extend(c for c in t.token.head.children if c.dep_ == "nsubj")
        actor1 = self._first_actor(ctx, agents) or national
        actor2 = self._target(ctx, patients) or self._installation(ctx, patients)
        if group == "protest":
            actor1 = actor1 or actor2
            actor2 = None if actor2 is actor1 else actor2
        fight = any(t.family.name == _CLASH_FAMILY for t in members)
        remote = any(t.family.event_type == _REMOTE for t in members)
        if actor1 is None and group == "violence":
            # an armed actor anywhere in the sentence that is not the victim, and not who reported it
            armed: list[Actor] = []
            harmed: list[Actor] = []
            generic_at = ctx.actors.generic_at
            for i in range(sent.start, sent.end):
                hit = generic_at.get(i)
                if hit is None or hit[0].inter not in _INTER["armed"] or hit[0].kind == "institution":
                    continue
                root = ctx.doc[hit[1] : hit[2]].root
                if root.dep_ == "nsubj" and root.head.lemma_.lower() in self.lexicon.speech_verbs:
                    continue  # "Ukraine's air force said": who reported it
                cand = ctx.actors.actor_for(doc[i])
                if cand is not None and (actor2 is None or cand.name != actor2.name):
                    (harmed if self._harmed(ctx, root, remote) else armed).append(cand)
            armed.sort(key=lambda a: a.kind == "government")
            actor1 = armed[0] if armed else None
            sides = {a.name: a for a in [*([actor2] if actor2 is not None else []), *harmed]}
            if actor1 is None and fight and len(sides) > 1:
                # "two insurgents were killed and a soldier was wounded in a gunfight": both sides were hurt
                # and the words make neither the one who began it; the state's forces first
                first, second = sorted(sides.values(), key=lambda a: a.inter not in _INTER["state"])[:2]
                actor1, actor2, harmed = first, second, []
            if actor2 is None and harmed:
                # "a landmine blast injured a soldier": the soldier's forces were hit, no perpetrator is named
                actor2 = harmed[0]
        if actor2 is None and group in {"violence", "arrest"}:
            # not a word of the perpetrators' own phrase ("Normalistas y transportistas se enfrentaron")
            own = {i for a in agents for i in range(a.left_edge.i, a.right_edge.i + 1)}
            generic_at = ctx.actors.generic_at
            hit_forces: list[Actor] = []
            for i in range(sent.start, sent.end):
                hit = generic_at.get(i)
                if hit is None or i in own:
                    continue
                civil = hit[0].inter in _INTER["civil"]
                if not civil and not (
                    hit[0].inter in _INTER["armed"] and self._harmed(ctx, doc[hit[1] : hit[2]].root, remote)
                ):
                    continue
                cand = ctx.actors.actor_for(doc[i])
                if cand is not None and (actor1 is None or cand.name != actor1.name):
                    if civil:
                        actor2 = cand
                        break
                    # "detonated an IED targeting a military convoy": forces told as hit or aimed at
                    hit_forces.append(cand)
            if actor2 is None and hit_forces:
                actor2 = hit_forces[0]
        associated: list[Actor] = []
        if actor1 is not None and actor1.text and "-" in actor1.text:
            for part in actor1.text.lower().split("-")[1:]:
                for generic in self.lexicon.generic_actors:
                    if part in generic.words and generic.kind != actor1.kind:
                        name = generic.name.replace("{country}", ctx.country or "unknown country")
                        associated.append(
                            Actor(
                                name=name,
                                text=actor1.text,
                                span=actor1.span,
                                inter=generic.inter,
                                kind=generic.kind,
                                country=ctx.country,
                            )
                        )
        if group == "protest" and actor1 is not None:
            ent_type, words, acronyms = columns.ent_type, columns.text, ctx.actors.acronyms
            for i in range(sent.start, sent.end):
                if ent_type[i] == "ORG" or words[i] in acronyms:
                    org = ctx.actors.actor_for(doc[i])
                    if (
                        org is not None
                        and org.kind in {"union", "party"}
                        and all(a.name != org.name for a in associated)
                    ):
                        associated.append(org)
        return actor1, actor2, associated

    @staticmethod
    def _attackers_repelled(tok: Token) -> list[Token]:
        """Who made the attack a verb of repelling takes as its object: the attack's "by" ("repelled an
        attack by Taliban militants") or a name modifying it ("repelled a Taliban attack"; not words
        that only describe: "repulsed militants attacks")."""
        out: list[Token] = []
        for obj in (c for c in tok.children if c.dep_ == "dobj"):
            for child in obj.children:
                if child.dep_ == "prep" and child.lower_ == "by":
                    out.extend(g for g in child.children if g.dep_ == "pobj")
                elif child.dep_ in {"compound", "amod"} and child.i < obj.i and child.pos_ == "PROPN":
                    out.append(child)
        return out

    def _national_forces(self, ctx: DocContext, members: list[Trigger]) -> Actor | None:
        """ "A Russian drone attack", "Israeli airstrikes": that country's forces did it."""
        if ctx.actors.demonym is None:
            return None
        for t in members:
            if t.token.pos_ != "NOUN":
                continue
            words = ctx.doc[t.start : t.end]
            for child in [c for w in words for c in w.children if c.i < words.start or c.i >= words.end]:
                if child.dep_ not in {"amod", "compound"} or child.ent_type_ != "NORP":
                    continue
                name = ctx.actors.demonym(child.text)
                if name:
                    return ctx.actors.of_kind("military", country=name, words=ctx.doc[child.i : child.i + 1])
        return None

    def _target(self, ctx: DocContext, tokens: list[Token]) -> Actor | None:
        """The victims or target: people and forces before an organisation named in the object
        ("struck the outskirts of Ariha, killing 2 civilians": the civilians)."""
        found = [a for a in (ctx.actors.actor_in(t) for t in tokens) if a is not None]
        if not found:
            return self._first_actor(ctx, tokens)
        found.sort(key=lambda a: a.kind in {None, "organisation"} or a.inter is None)
        first = found[0]
        if first.country_named:
            return first
        # "attacked Turkish army units, killing one soldier": the soldier is of the forces whose country
        # the other words ("Turkish army", a modifier of the object) name
        named = (
            a
            for t in tokens
            for c in ctx.doc[t.left_edge.i : t.i]
            if c.dep_ in {"amod", "compound"}
            and (a := ctx.actors.actor_for(c)) is not None
            and a.country_named
            and a.kind == first.kind
        )
        return next(named, first)

    def _harmed(self, ctx: DocContext, tok: Token, remote: bool) -> bool:
        """Whether the phrase headed by ``tok`` is told as harmed or aimed at, so that it names a victim or
        target, never who did it: the phrase (through the modifiers of a noun it names: "a police
        convoy") is the object or passive subject of a victim verb ("a landmine blast injured a soldier",
        "an IED exploded targeting a security forces convoy", "two policemen were wounded"), the object
        of a target preposition ("an attack on an army post"), for an explosion (``remote``) the object
        of a preposition of place that names no agent ("a bomb exploded near the police station", "in
        front of the military-owned bank": the place the forces hold was hit; not "in": "killed in a
        police raid"; not a shooting "at a police checkpoint"), or the subject of an
        undergoer word ("a soldier died"); not a group that modifies an incident word, which names its
        weapon or act ("hit a Taliban-planted bomb")."""
        grammar = self.lexicon.grammar
        k = tok
        while k.head is not k:
            if k.dep_ in {"compound", "amod", "poss", "nmod", "nummod", "appos", "npadvmod"}:
                k = k.head  # "a police convoy", "the military-owned bank"
            elif k.dep_ == "pobj" and k.head.lower_ in grammar["of_preps"] and k.head.head.pos_ == "NOUN":
                k = k.head.head  # "a camp of the KIA", "in front of the police station"
            else:
                break
        if k is not tok and k.lemma_.lower() in ctx.actors.trigger_words:
            return False  # "a Taliban-planted roadside bomb", "a police raid": their weapon or their act
        head = k.head.lemma_.lower()
        if k.dep_ in {"dobj", "nsubjpass"}:
            return head in grammar["victim_verbs"]
        if k.dep_ == "pobj" and k.head.dep_ == "prep":
            prep = k.head.lower_
            around = k.lemma_.lower() in grammar["place_part_nouns"] or k.lower_ == "front"  # "in front of"
            place = (
                remote and prep in grammar["town_preps"] and (prep not in grammar["agent_preps"] or around)
            )
            # "an attack on an army post", "fired at the police"; a target preposition that also places
            # ("at") aims only from a word of harm or an incident: not "failed to stop at a police checkpoint"
            governor = k.head.head.lemma_.lower()
            aimed = governor in grammar["victim_verbs"] or governor in ctx.actors.trigger_words
            locative = prep in grammar["town_preps"]
            return (prep in grammar["target_preps"] and (aimed or remote or not locative)) or place
        return k.dep_ == "nsubj" and head in grammar["undergoer_lemmas"]

    def _installation(self, ctx: DocContext, tokens: list[Token]) -> Actor | None:
        """ "attacked a base", "ambushed a convoy": the forces that hold it are the target."""
        for tok in tokens:
            if tok.lemma_.lower() in _INSTALLATIONS:
                return ctx.actors.of_kind("military", words=ctx.doc[tok.left_edge.i : tok.i + 1])
        return None

    def _first_actor(self, ctx: DocContext, tokens: list[Token]) -> Actor | None:
        for tok in tokens:
            actor = ctx.actors.actor_in(tok)
            if actor is not None:
                return actor
        # "two military camps", "a police post", "an Islamic State Sahel Province base", "the KIA's
        # position": an actor named by a modifier or the owner of the target, or by a modifier of one
        for tok in tokens:
            for child in ctx.doc[tok.left_edge.i : tok.i]:
                if child.dep_ in {"amod", "compound", "poss"}:
                    actor = ctx.actors.actor_for(child)
                    if actor is not None:
                        return actor
        return None

    def claims(
        self,
        ctx: DocContext,
        story: Story,
        sent: Span,
        si: int,
        counts: list[CountMention],
        members: list[Trigger],
        group: str,
        attach: bool = False,
    ) -> dict[str, tuple[CountClaim, ...]]:
        member_tokens = {t.token.i for t in members}
        out: dict[str, list[CountClaim]] = {}
        for c in counts:
            if c.category == "participants" and group not in {"protest", "violence", "arrest"}:
                continue
            if c.category in {"killed", "injured"} and group not in {"violence"}:
                continue
            if c.category == "arrested" and group not in {"arrest", "violence", "protest"}:
                continue
            if (
                not attach
                and c.verb.i not in member_tokens
                and group != "violence"
                and c.category != "participants"
            ):
                continue
            reporter, reporter_span = self.reporters.reporter_for(ctx, story, c.verb, si)
            q = c.quantity
            words = ctx.doc[c.start : c.end]
            claim = CountClaim(
                category=c.category,  # type: ignore[arg-type]
                value=q.value,
                qualifier=q.qualifier if not c.increment else "exact",  # type: ignore[arg-type]
                text=words.text,
                span=TextSpan(words.start_char, words.end_char, words.text),
                low=q.low,
                high=q.high,
                vague=q.vague,
                reported_by=reporter,
                reported_by_span=reporter_span,
                update_of=-1 if c.increment else None,
                revised=c.revised,
                side=_side(ctx, words) if c.category == "killed" else None,
            )
            earlier = out.setdefault(c.category, [])
            if claim.update_of is None and another_side(earlier, claim, unnamed=False):
                # "71 soldiers were killed ..., 57 militants were also killed": each side's dead add up
                sides = {s for e in earlier for s in (e.side or "").split("+") if s}
                sides.update((claim.side or "").split("+"))
                claim = replace(claim, update_of=-1, side="+".join(sorted(sides)))
            earlier.append(claim)
        return {k: tuple(v) for k, v in out.items()}


#: nouns that count the dead of no side in particular ("five people were killed")
_NO_SIDE = frozenset(
    {"people", "person", "individual", "victim", "casualty", "fatality", "body", "death", "other", "one"}
)
#: the sides of a toll are the state, the armed groups (rebels, militias: "rebels" and "its fighters"
#: are one side, told twice), and any other kind on its own (conventions.yaml ``kinds``)
_KINDS = load_conventions().kinds
_SIDE_OF_INTER = {1: "state", 8: "state", 2: "armed", 3: "armed", 4: "armed"}


def _side(ctx: DocContext, words: Span) -> str | None:
    """The sides whose dead the words count, ``+``-joined ("two soldiers": ``state``; "five policemen
    and two gunmen": ``armed+state``; "a drug suspect": ``unnamed:suspect``, a person no actor names);
    ``None`` when a counted noun names no one in particular ("five people")."""
    sides: set[str] = set()
    for tok in words:
        if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ == "compound":
            continue
        if tok.lemma_.lower() in _NO_SIDE:
            return None
        actor = ctx.actors.actor_in(tok)
        if actor is None:
            # "a drug suspect": a person of no actor's side, apart from the state's and armed groups'
            sides.add(f"{UNNAMED_SIDE}{tok.lemma_.lower()}")
            continue
        key = _side_of(actor.kind, actor.inter)
        if not key:
            return None
        sides.add(key)
    return "+".join(sorted(sides)) or None


def _side_of(kind: str | None, inter: int | None) -> str | None:
    """The side of an actor of ``kind`` and ACLED type ``inter``: ``state``, ``armed`` or its kind."""
    if kind in _KINDS["state"]:
        return "state"
    if kind in _KINDS["armed"]:
        return "armed"
    if inter in _SIDE_OF_INTER:
        return _SIDE_OF_INTER[inter]
    return kind or (str(inter) if inter is not None else None)
