"""The stages of the extract stage, each a small class with one job over a :class:`~.reading.Reading`.

Sentence stages run on every sentence in turn (in the order :mod:`.extractor` lists them), so that
"the following day", "He added" and "Two more have died since" can refer to what came before; each
reads the annotations of the stages before it and writes its own (see the attributes of
:class:`~.reading.SentenceReading` and :class:`~.reading.Reading`, which name the stage that writes
them). Document stages run once, after the last sentence. A stage gets, when it is built, only the
parts it uses (finders, linkers, lexicon words, the learned typer), never the extractor.

| stage | reads | writes |
|---|---|---|
| ``triggers`` | the sentence | ``triggers`` |
| ``counts`` | ``triggers``, the drafts so far | ``counts``, ``tally_verbs``, ``reported``; ``triggers`` |
| ``totals`` | ``counts``, the drafts so far | ``tallies``, ``revisions`` |
| ``statements`` | ``triggers``, ``reported``, ``tally_verbs`` | ``statements`` |
| ``incidents`` | ``triggers``, ``reported``, ``counts`` | ``drafts``, ``quiet``, the story's last event |
| ``memory`` | ``counts``, ``reported``, ``drafts`` | lone figures to the last draft; story date, subjects |
| ``learned-incident`` | ``quiet``, ``drafts`` | ``drafts``, ``learned`` (short reports only) |
| ``tagged-incident`` | ``drafts`` | ``drafts`` (a labelled ACLED note with none: :mod:`.note_tags`) |
| ``assemble`` | ``drafts``, ``learned`` | ``events`` |
| ``learned-coding`` | ``events`` | ``events`` (type, sub-type, actor 1 where the classifier is sure) |
| ``note-tag`` | ``events`` | ``events`` (a labelled or sized ACLED note's first event: :mod:`.note_tags`) |
| ``part-of-incident`` | ``events`` | ``events`` (arrests, looting folded in: :mod:`.part_of_incident`) |
| ``roles`` | ``events`` | ``events`` (ACLED actor roles, actors' country) |
| ``revisions`` | ``events``, ``revisions`` | ``events`` (revised tolls) |
| ``coded-toll`` | ``events`` | ``events`` (the toll an ACLED note says it coded) |
| ``records`` | ``events``, ``statements``, ``tallies`` | ids of statements and tallies, tallies' scope |
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from cronica.extraction.actors import is_group_pronoun, is_person_pronoun
from cronica.extraction.armed_victims import armed_victims_coding
from cronica.extraction.assemble import Draft, assemble_events
from cronica.extraction.coded import apply_coded_tolls, find_coded_toll, without_unverified_claims
from cronica.extraction.communal_clash import communal_clash_coding
from cronica.extraction.context import DocContext
from cronica.extraction.conventions import (
    ArmedVictims,
    CodedWords,
    CommunalClash,
    DemonstrationSize,
    DirectFire,
    MobViolence,
    PartOfIncident,
    ProtestIntervention,
    ViolentDemonstration,
    load_conventions,
)
from cronica.extraction.counts import CountMention, clause_of, find_counts
from cronica.extraction.dating import DateLinker
from cronica.extraction.direct_fire import direct_fire_coding, fire_words
from cronica.extraction.fallback import fallback_trigger, family_for, head_verb
from cronica.extraction.found_dead import found_dead_after_abduction
from cronica.extraction.ids import with_ids
from cronica.extraction.incidents import IncidentReader
from cronica.extraction.learned import (
    Combination,
    EventTyper,
    apply_learned_actors,
    apply_learned_types,
    apply_summary_actor_type,
    judge_all,
    weapons_named,
)
from cronica.extraction.lexicon import CountingWords, Lexicon, Quantities, TriggerFamily
from cronica.extraction.mob_violence import mob_violence_coding, no_demonstration_coding, state_clash_coding
from cronica.extraction.note_tags import demonstration_coding, note_tag
from cronica.extraction.numbers import counts_past_the_date, find_quantities
from cronica.extraction.part_of_incident import fold_developments
from cronica.extraction.protest_intervention import intervention_events
from cronica.extraction.reading import Reading, SentenceReading
from cronica.extraction.roles import apply_acled_roles, apply_place_country, communal_sides, partisan
from cronica.extraction.statements import StatementFinder, speaker_actor
from cronica.extraction.story import Story
from cronica.extraction.totals import TotalReader, apply_revisions
from cronica.extraction.triggers import Trigger, TriggerFinder
from cronica.extraction.violent_demonstration import violent_demonstration_events
from cronica.fields import replace
from cronica.nlp.arrays import arrays, doc_sents
from cronica.records import HARM_CATEGORIES, Event


class SentenceStage(Protocol):
    """A stage that reads one sentence after another."""

    name: str

    def __call__(self, reading: Reading, sentence: SentenceReading) -> None: ...


class DocumentStage(Protocol):
    """A stage that runs once a document, after the sentence stages."""

    name: str

    def __call__(self, reading: Reading) -> None: ...


# ----------------------------------------------------------------------------------------------
# sentence stages


class FindTriggers:
    """The sentence's incident words, with whether each happened (:mod:`.triggers`)."""

    name = "triggers"

    def __init__(self, finder: TriggerFinder) -> None:
        self.finder = finder

    def __call__(self, reading: Reading, sentence: SentenceReading) -> None:
        sentence.triggers = self.finder.find(sentence.span)


class ReadCounts:
    """The sentence's count claims (:mod:`.counts`), which of them are running totals, and the
    triggers incidents are read from."""

    name = "counts"

    def __init__(self, lexicon: Lexicon, totals: TotalReader) -> None:
        self.quantities = lexicon.quantities
        self.counting: CountingWords = lexicon.counting
        self.families: dict[str, TriggerFamily] = lexicon.families
        self.totals = totals

    def __call__(self, reading: Reading, sentence: SentenceReading) -> None:
        doc = reading.doc
        counts = self.counts(reading.context, sentence.span, sentence.triggers, reading.drafts)
        triggers = self._incident_triggers(sentence.triggers, counts)
        tally_verbs = {c.verb.i for c in counts if c.tally}
        for c in counts:
            if c.tally:  # "the number of protesters killed since ...": the killing words are the total's
                tally_verbs.update(
                    t.token.i
                    for t in triggers
                    if t.family.count in HARM_CATEGORIES
                    and t.token.i in {x.i for x in clause_of(doc[c.quantity.start])}
                )
        sentence.triggers = triggers
        sentence.counts = counts
        sentence.tally_verbs = frozenset(tally_verbs)
        sentence.reported = [t for t in triggers if t.asserted and t.token.i not in tally_verbs]

    def counts(
        self, ctx: DocContext, sent: Span, triggers: list[Trigger], drafts: list[Draft]
    ) -> list[CountMention]:
        """The count claims of a sentence, given its triggers and the drafts before it."""
        # a number inside a date expression is a day or a year ("el 16 de noviembre"), never a count
        quantities = [
            q
            for q in find_quantities(sent, self.quantities)
            if not any(i in ctx.date_tokens for i in range(q.start, q.end))
            or counts_past_the_date(ctx.doc[q.start])
        ]
        counts = [
            # a total told of one incident with nothing told before it: that incident's own toll
            replace(c, tally=False)
            if c.one_incident and not self.totals.is_revision(ctx.doc, c, drafts)
            else c
            for c in find_counts(sent, quantities, triggers, self.counting)
        ]
        if (
            any(t.family.count == "killed" for t in triggers)
            and not any(c.category == "killed" for c in counts)
            and any(tok.lower_ in self.counting.plural_pronouns for tok in sent)
        ):
            # "abducted 3 people. They were found dead": the figure may be in the sentence before
            before = find_quantities(ctx.doc[sent.start - 1].sent, self.quantities) if sent.start else []
            found = found_dead_after_abduction(sent, triggers, before + quantities, self.counting)
            if found is not None:
                counts.append(found)
        return counts

    def _incident_triggers(self, triggers: list[Trigger], counts: list[CountMention]) -> list[Trigger]:
        """ "The toll from Tuesday's operation at the plant rose to nine, after one of the wounded died":
        the incident a toll is told of is the event (its day and place are the noun's), and the
        killing words of the sentence are the toll's, not events of their own."""
        for c in counts:
            if c.incident is None or c.tally:
                continue
            told = [t for t in triggers if t.family.count == c.category]
            family = (
                told[0].family
                if told
                else next((f for f in self.families.values() if f.count == c.category), None)
            )
            if family is None:
                continue
            noun = c.incident
            incident = Trigger(noun, noun.i, noun.i + 1, family, True, "the incident a total was told of")
            triggers = [t for t in triggers if t.family.count != c.category] + [incident]
        return triggers


class ReadTotals:
    """Running totals become tallies, revised tolls revisions of the event just told (:mod:`.totals`)."""

    name = "totals"

    def __init__(self, totals: TotalReader, non_political: Collection[str]) -> None:
        self.totals = totals
        self.non_political = non_political

    def __call__(self, reading: Reading, sentence: SentenceReading) -> None:
        ctx, doc, story = reading.context, reading.doc, reading.story
        sent, si = sentence.span, sentence.index
        for c in sentence.counts:
            if (
                c.tally
                and ctx.accident_story
                and any(t.lemma_.lower() in self.non_political for t in clause_of(doc[c.quantity.start]))
            ):
                continue  # "road accidents since January": not a total of political violence
            if c.tally and self.totals.is_revision(doc, c, reading.drafts):
                reading.revisions.append(self.totals.revision(ctx, story, sent, si, c))
            elif c.tally:
                previous = reading.tallies[-1] if reading.tallies else None
                reading.tallies.append(self.totals.tally(ctx, story, sent, si, c, previous))


class ReadStatements:
    """Speech verbs become statements unless they only attribute a reported event (:mod:`.statements`)."""

    name = "statements"

    def __init__(self, finder: StatementFinder) -> None:
        self.finder = finder

    def __call__(self, reading: Reading, sentence: SentenceReading) -> None:
        reading.statements.extend(
            self.finder.find(
                reading.context,
                reading.story,
                sentence.span,
                sentence.triggers,
                sentence.reported,
                sentence.index,
                sentence.tally_verbs,
            )
        )


class ReadIncidents:
    """Asserted triggers grouped into incident drafts with type, actors, date, place and counts
    (:mod:`.incidents`); the story remembers the last one."""

    name = "incidents"

    def __init__(self, incidents: IncidentReader) -> None:
        self.incidents = incidents

    def __call__(self, reading: Reading, sentence: SentenceReading) -> None:
        story, sent, si = reading.story, sentence.span, sentence.index
        if not sentence.triggers:  # the rules judged no words here (a negated clash is no event)
            reading.quiet.append((si, sent))
        counts = [c for c in sentence.counts if not c.tally]
        for draft in self.incidents.read(
            reading.context, story, sent, si, sentence.reported, counts, sentence.triggers
        ):
            reading.drafts.append(draft)
            if draft.date.text or story.last_draft is None or si - story.last_draft_sent > 2:
                # an undated draft does not cut the story: "the following day" still means the
                # day after the last dated event
                story.last_draft = draft
            story.last_draft_sent = si


class Remember:
    """What later sentences refer back to: figures told in a sentence of their own go to the event
    just described; a day named with no event, and the subjects named, go to the story."""

    name = "memory"

    def __init__(self, incidents: IncidentReader, dates: DateLinker) -> None:
        self.incidents = incidents
        self.dates = dates

    def __call__(self, reading: Reading, sentence: SentenceReading) -> None:
        ctx, story, sent, si = reading.context, reading.story, sentence.span, sentence.index
        drafts = reading.drafts
        # crowd estimates and arrest figures told on their own; casualty words there are too often
        # about something else ("six of the wounded died")
        # and a toll told alone ("2 fatalities.")
        plain = [
            c
            for c in sentence.counts
            if not c.tally and (c.category in {"participants", "arrested"} or c.alone)
        ]
        if not sentence.reported and plain and drafts and si - drafts[-1].sentence_index <= 2:
            self._attach_counts(ctx, story, sent, si, plain, drafts[-1])
        self._remember_story_date(ctx, story, sent, si, bool(sentence.triggers))
        self._remember_subjects(ctx, story, sent)

    def _attach_counts(
        self, ctx: DocContext, story: Story, sent: Span, si: int, counts: list[CountMention], draft: Draft
    ) -> None:
        """ "The interior ministry put the crowd at 24,000.": figures told in a sentence of their own
        belong to the event just described."""
        claims = self.incidents.claims(ctx, story, sent, si, counts, [], draft.group, attach=True)
        for category, new in claims.items():
            draft.counts = {**draft.counts, category: (*draft.counts.get(category, ()), *new)}

    def _remember_story_date(
        self, ctx: DocContext, story: Story, sent: Span, si: int, has_triggers: bool
    ) -> None:
        """A sentence that gives a day but tells no event ("On Sunday the violence returned.")."""
        if has_triggers:
            return
        for mention in ctx.dates_in(sent):
            if mention.in_quote or mention.perfect or mention.since:
                continue
            value = self.dates.resolve(ctx, story, mention, si)
            if value.value and value.precision == "day":
                story.pending_date, story.pending_date_sent = value, si
                return

    def _remember_subjects(self, ctx: DocContext, story: Story, sent: Span) -> None:
        doc = sent.doc
        dep = arrays(doc).dep
        for i in range(sent.start, sent.end):
            if dep[i] not in {"nsubj", "nsubjpass"}:
                continue
            tok = doc[i]
            if ctx.in_quote(tok):
                continue
            if is_person_pronoun(tok) or is_group_pronoun(tok):
                continue
            actor = speaker_actor(ctx, tok)
            if actor is None:
                continue
            if actor.kind == "person":
                story.last_person = actor
            elif (
                actor.kind in {"union", "party", "organisation", "government", "institution"}
                or actor.inter is None
            ):
                story.last_group = actor


# ----------------------------------------------------------------------------------------------
# document stages


class LearnedIncident:
    """A short report in which the rules found no incident: the sentence the learned typer is surest
    reports one becomes its incident (:mod:`.fallback`), read like any other sentence."""

    name = "learned-incident"

    def __init__(
        self,
        typer: EventTyper | None,
        combination: Combination,
        families: dict[str, TriggerFamily],
        counts: ReadCounts,
        incidents: IncidentReader,
    ) -> None:
        self.typer = typer
        self.combination = combination
        self.families = families
        self.counts = counts
        self.incidents = incidents

    def __call__(self, reading: Reading) -> None:
        typer = self.typer
        if reading.drafts or typer is None or reading.sentence_count > self.combination.short_sentences:
            return
        quiet = reading.quiet
        if not quiet:
            return
        readings = judge_all(typer, [sent.text for _si, sent in quiet])
        judged = [(sent, j) for (_si, sent), j in zip(quiet, readings, strict=True)]
        chosen = fallback_trigger(judged, self.families, self.combination)
        if chosen is None:
            return
        index, trigger = chosen
        si, sent = quiet[index]
        ctx = reading.context
        counts = [c for c in self.counts.counts(ctx, sent, [trigger], []) if not c.tally]
        reading.drafts = self.incidents.read(ctx, reading.story, sent, si, [trigger], counts, [trigger])
        reading.learned = trigger


class TaggedIncident:
    """A note that opens with ACLED's label of a strategic development ("Movement of forces: ...",
    :mod:`.note_tags`) and in which no incident was read: its first sentence is an incident of the
    label's coding, on the sentence's main verb, read like any other sentence (also where the rules
    judged its incident words: the label says what happened)."""

    name = "tagged-incident"

    def __init__(
        self,
        tags: dict[str, tuple[str, str, str]],
        families: dict[str, TriggerFamily],
        counts: ReadCounts,
        incidents: IncidentReader,
    ) -> None:
        self.tags = tags
        self.families = families
        self.counts = counts
        self.incidents = incidents

    def __call__(self, reading: Reading) -> None:
        if reading.drafts:
            return
        tag = note_tag(reading.document.text, self.tags)
        if tag is None:
            return
        family = family_for(self.families, tag.event_type, tag.sub_event_type)
        # the label's sentence, whatever the rules judged of its words ("reinforcements arrived in
        # connection with the ongoing clashes": no clash told here, but a movement of forces)
        opening = next(((si, s) for si, s in enumerate(reading.doc.sents) if s.text.strip()), None)
        if family is None or opening is None:
            return
        si, sent = opening
        verb = head_verb(sent)
        reason = f"the note's label '{tag.words}:' (ACLED's label of a strategic development)"
        trigger = Trigger(verb, verb.i, verb.i + 1, family, True, reason)
        ctx = reading.context
        counts = [c for c in self.counts.counts(ctx, sent, [trigger], []) if not c.tally]
        reading.drafts = self.incidents.read(ctx, reading.story, sent, si, [trigger], counts, [trigger])


class Assemble:
    """One event per day, place, actors and type: drafts of the same incident merged, generic
    mentions dropped (:mod:`.assemble`)."""

    name = "assemble"

    def __init__(
        self,
        keep_generic: bool,
        peaceful: Collection[str],
        typer: EventTyper | None,
        combination: Combination,
    ) -> None:
        self.keep_generic = keep_generic
        self.peaceful = peaceful
        self.detect = _detector(typer, combination)
        self.short_sentences = combination.short_sentences

    def __call__(self, reading: Reading) -> None:
        events = assemble_events(
            reading.drafts,
            reading.document,
            reading.prefix,
            keep_generic=self.keep_generic,
            peaceful=self.peaceful,
            detect=self.detect,
            short=reading.sentence_count <= self.short_sentences,
        )
        learned = reading.learned
        if learned is not None:
            at = learned.token.idx
            events = [
                replace(e, coded_by=learned.reason or "learned classifier") if e.trigger.start == at else e
                for e in events
            ]
        reading.events = events


def _detector(typer: EventTyper | None, combination: Combination) -> Callable[[list[str]], list[bool]] | None:
    """Whether each sentence reports an event, by the learned typer reading them in one batch
    (``None`` without a typer)."""
    threshold = combination.detect
    if typer is None:
        return None
    return lambda texts: [j.event >= threshold for j in judge_all(typer, texts)] if texts else []


class LearnedCoding:
    """The learned classifier's type, sub-type and actor 1 where it overrides the rules (:mod:`.learned`)."""

    name = "learned-coding"

    def __init__(
        self, typer: EventTyper | None, combination: Combination, families: dict[str, TriggerFamily]
    ) -> None:
        self.typer = typer
        self.combination = combination
        self.families = families

    def __call__(self, reading: Reading) -> None:
        actors = reading.context.actors
        text = reading.document.text
        summary = reading.coded_summary
        lemmas = frozenset(arrays(reading.doc).lemma)
        events = apply_learned_types(
            reading.events,
            self.typer,
            self.combination,
            sentences=reading.sentence_count,
            text=text,
            summary=summary,
            weapons=weapons_named(lemmas, text, self.families),
        )
        reading.events = apply_learned_actors(
            events, self.typer, lambda kind: actors.of_kind(kind), self.combination, text
        )


def _recoded_in_their_words(
    reading: Reading, short_sentences: int, coding: Callable[[Event, str], Event | None]
) -> list[Event]:
    """Each event of ``reading`` as ``coding`` recodes it when given the words it is read in (its
    sentence; a short document's: the document, :func:`.direct_fire.fire_words`), else unchanged."""
    text = reading.document.text
    return [
        coding(event, fire_words(event, text, reading.sentence_count, short_sentences)) or event
        for event in reading.events
    ]


class DirectFireCoding:
    """Small arms fired with heavy weapons are a clash (:mod:`.direct_fire`): an event coded as
    shelling, a grenade or an explosive whose words (a short document's: the document's) name
    small arms, and whose actor 2 is not civilians, is Battles / Armed clash, whoever coded it."""

    name = "direct-fire"

    def __init__(self, fire: DirectFire, short_sentences: int) -> None:
        self.fire = fire
        self.short_sentences = short_sentences

    def __call__(self, reading: Reading) -> None:
        reading.events = _recoded_in_their_words(
            reading, self.short_sentences, lambda event, words: direct_fire_coding(event, words, self.fire)
        )


class CommunalClashCoding:
    """Violence between communities is a battle of their militias (:mod:`.communal_clash`): an event
    coded as an attack on civilians or mob violence whose words (a short document's: the document's)
    tell intercommunal violence, with no state force a side, is Battles / Armed clash."""

    name = "communal-clash"

    def __init__(self, clash: CommunalClash | None, short_sentences: int) -> None:
        self.clash = clash
        self.short_sentences = short_sentences

    def __call__(self, reading: Reading) -> None:
        clash = self.clash
        if clash is None:
            return
        reading.events = _recoded_in_their_words(
            reading, self.short_sentences, lambda event, words: communal_clash_coding(event, words, clash)
        )


class ArmedVictimsCoding:
    """An attack on an armed actor is a clash (:mod:`.armed_victims`): in a short report, the first
    event, coded as an attack on civilians, whose actor 2 the classifier reads as armed on the whole
    report (and the rules read neither as civilians), is Battles / Armed clash."""

    name = "armed-victims"

    def __init__(self, armed: ArmedVictims, typer: EventTyper | None, combination: Combination) -> None:
        self.armed = armed
        self.typer = typer
        self.combination = combination

    def __call__(self, reading: Reading) -> None:
        text = reading.document.text
        short = reading.sentence_count <= self.combination.short_sentences
        if self.typer is None or not reading.events or not short or not text:
            return
        first = min(reading.events, key=lambda e: e.trigger.start)
        if first.event_type != "Violence against civilians":
            return
        judged = judge_all(self.typer, [text])[0]
        changed = armed_victims_coding(first, judged, self.armed, self.combination.armed_victims, text)
        if changed is not None:
            reading.events = [changed if e is first else e for e in reading.events]


class NoteTagCoding:
    """ACLED's markers in a note (:mod:`.note_tags`): a note that opens with ACLED's label of a
    strategic development gives its first event the label's coding, over the rules' and the
    classifier's; a note that carries ACLED's record of a demonstration's size ("[size=...]") gives
    a first event of another type the demonstration coding the classifier reads surest on the whole
    note (the rules' violent coding a riot, their arrest an intervention, with no classifier).
    ``coded_by`` says so."""

    name = "note-tag"

    def __init__(
        self,
        tags: dict[str, tuple[str, str, str]],
        size: DemonstrationSize,
        families: dict[str, TriggerFamily],
        typer: EventTyper | None,
    ) -> None:
        self.tags = tags
        self.size = size
        self.families = families
        self.typer = typer

    def __call__(self, reading: Reading) -> None:
        if not reading.events:
            return
        text = reading.document.text
        first = min(reading.events, key=lambda e: e.trigger.start)
        changed = self._labelled(first, text) or self._sized(first, text)
        if changed is not None:
            reading.events = [changed if e is first else e for e in reading.events]

    def _labelled(self, first: Event, text: str) -> Event | None:
        tag = note_tag(text, self.tags)
        if tag is None:
            return None
        label = f"the note's label '{tag.words}:'"
        if (first.event_type, first.sub_event_type) == (tag.event_type, tag.sub_event_type):
            return replace(first, coded_by=f"{label}; {first.coded_by}")
        coded_by = f"{label} over {first.event_type} / {first.sub_event_type} ({first.coded_by})"
        return replace(
            first,
            event_type=tag.event_type,
            sub_event_type=tag.sub_event_type,
            plover=tag.plover,
            coded_by=coded_by,
        )

    def _sized(self, first: Event, text: str) -> Event | None:
        size = self.size
        if first.event_type in size.types or size.marker not in text.lower():
            return None
        whole = judge_all(self.typer, [text])[0].coding if self.typer is not None else ()
        coding = demonstration_coding((first.event_type, first.sub_event_type), text, size, whole)
        if coding is None:
            return None
        event_type, sub, p = coding
        family = family_for(self.families, event_type, sub)
        if family is None:
            return None
        how = (
            f"the classifier's surest demonstration, p={p:.2f} on the whole report"
            if p is not None
            else "rules"
        )
        coded_by = (
            f"a demonstration by the note's size record ({how}): {event_type} / {sub} over "
            f"{first.event_type} / {first.sub_event_type} ({first.coded_by})"
        )
        return replace(
            first,
            event_type=event_type,
            sub_event_type=sub,
            plover=family.plover,
            confidence=p if p is not None else first.confidence,
            coded_by=coded_by,
        )


class ViolentDemonstrationCoding:
    """A demonstration whose participants use violence is a riot (:mod:`.violent_demonstration`): in a
    short report or a coded summary of any length (one event a note; its sentences with a date of
    their own left out), the first demonstration coded as a protest is Riots / Violent demonstration
    when the report says the demonstrators used violence or the rules coded their destruction apart
    (folded into it), unless its sentence says it passed off peacefully; after ``note-tag`` (a size
    record's demonstration) and before ``roles`` (rioters are actor 1)."""

    name = "violent-demonstration"

    def __init__(
        self, violent: ViolentDemonstration, short_sentences: int, peaceful: Collection[str] = ()
    ) -> None:
        self.violent = violent
        self.short_sentences = short_sentences
        self.peaceful = peaceful

    def __call__(self, reading: Reading) -> None:
        text = reading.document.text
        if not reading.events or not text:
            return
        summary = reading.coded_summary
        if reading.sentence_count > self.short_sentences:
            if not summary:
                return
            text = _own_day_only(reading, text)
        changed = violent_demonstration_events(reading.events, text, self.violent, self.peaceful)
        if changed is not None:
            reading.events = changed


def _own_day_only(reading: Reading, text: str) -> str:
    """``text`` with each sentence after the first that names a date of its own blanked (offsets kept):
    a long summary's background ("Last year, protesters lit bonfires ...") tells another day's acts."""
    chars = list(text)
    for k, sent in enumerate(doc_sents(reading.doc)):
        start, end = sent.start_char, sent.end_char
        if k and reading.context.dates_in(sent):
            chars[start:end] = " " * (end - start)
    return "".join(chars)


class ProtestInterventionCoding:
    """A protest the state's forces intervened in is a protest with intervention
    (:mod:`.protest_intervention`): in a short report or a coded summary, a protest coded as peaceful
    is one with intervention when the report tells the police dispersing it, firing tear gas or
    arresting; after ``violent-demonstration`` (a riot stays a riot) and before ``roles``."""

    name = "protest-intervention"

    def __init__(
        self, conv: ProtestIntervention | None, short_sentences: int, peaceful: Collection[str] = ()
    ) -> None:
        self.conv = conv
        self.short_sentences = short_sentences
        self.peaceful = peaceful

    def __call__(self, reading: Reading) -> None:
        text = reading.document.text
        if self.conv is None or not reading.events or not text:
            return
        summary = reading.coded_summary
        if reading.sentence_count > self.short_sentences and not summary:
            return
        changed = intervention_events(reading.events, text, self.conv, self.peaceful)
        if changed is not None:
            reading.events = changed


class PartOfIncidentFolding:
    """Arrests and looting told with an incident are part of it (:mod:`.part_of_incident`): in a
    short report, or a coded summary of any length (one event a note), a strategic development of
    the convention's sub-types told after an incident of the same day is folded into it, unless the
    note opens with ACLED's label; after ``violent-demonstration`` (which folds the demonstrators'
    own destruction into their riot) and before ``roles``."""

    name = "part-of-incident"

    def __init__(
        self, part: PartOfIncident, tags: dict[str, tuple[str, str, str]], short_sentences: int
    ) -> None:
        self.part = part
        self.tags = tags
        self.short_sentences = short_sentences

    def __call__(self, reading: Reading) -> None:
        text = reading.document.text
        if len(reading.events) < 2 or not text:
            return
        summary = reading.coded_summary
        if reading.sentence_count > self.short_sentences and not summary:
            return
        changed = fold_developments(reading.events, text, self.part, self.tags)
        if changed is not None:
            reading.events = changed


class Roles:
    """ACLED's actor roles by event type, and the country of actors the text gives none (:mod:`.roles`)."""

    name = "roles"

    def __call__(self, reading: Reading) -> None:
        events = apply_acled_roles(reading.events, reading.context.actors)
        reading.events = apply_place_country(events)


class SummaryActorType:
    """Actor 1's ACLED type in a coded summary, read by the classifier on the whole summary
    (:func:`.learned.apply_summary_actor_type`); after ``roles``, which decides who actor 1 is."""

    name = "summary-actor-type"

    def __init__(self, typer: EventTyper | None, combination: Combination) -> None:
        self.typer = typer
        self.combination = combination

    def __call__(self, reading: Reading) -> None:
        if reading.sentence_count > self.combination.short_sentences:
            return
        actors = reading.context.actors
        reading.events = apply_summary_actor_type(
            reading.events,
            self.typer,
            lambda kind: actors.of_kind(kind),
            self.combination,
            reading.document.text,
            summary=reading.coded_summary,
            subject=_opening_subject(reading.doc, actors.demonym, actors.generic_at),
        )


def _opening_subject(
    doc: Doc,
    demonym: Callable[[str], str | None] | None = None,
    generic_at: Mapping[int, tuple[object, int, int]] | None = None,
) -> tuple[int, int] | None:
    """The characters of the head word of the first sentence's subject ("On 5 July 2025, government
    forces and a clan militia clashed with ...": "forces"), else ``None``; an actor's words that hold it
    are who acted ("a army vehicle struck an IED": the vehicle, not the army). ``demonym`` tells a
    country's word ("Ugandan", whatever the NER labels it) from a group's name; ``generic_at`` (the
    generic actors' words by token) tells a generic actor's own phrase, however capitalised ("the
    Armed Forces"), from a group's name before it."""
    sents = doc_sents(doc)
    if not sents:
        return None
    root = sents[0].root
    for child in root.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            hit = (generic_at or {}).get(child.i)
            own = range(0)
            if hit is not None and doc[hit[1] : hit[2]].text.lower() in getattr(hit[0], "words", ()):
                # a phrase of the dictionary ("armed forces"), not a group's men ("Taliban militants")
                own = range(hit[1], hit[2])
            if any(_names_a_group(m, demonym) for m in child.children if m.i < child.i and m.i not in own):
                return None  # "the KIA forces": a group's forces, whose type no word of the rules gives
            return child.idx, child.idx + len(child)
    return None


def _names_a_group(mod: Token, demonym: Callable[[str], str | None] | None = None) -> bool:
    """Whether a modifier names an organisation (an acronym, an organisation's name), not a country."""
    if mod.dep_ not in {"compound", "amod", "nmod"} or mod.ent_type_ in {"GPE", "NORP"}:
        return False
    if demonym is not None and demonym(mod.text):
        return False  # "Ugandan security forces": a country's forces, however the NER labels "Ugandan"
    text = mod.text.strip(".,")
    return mod.ent_type_ == "ORG" or (len(text) >= 2 and text.isupper())


class MobViolenceCoding:
    """Violence by rioters is a riot (:mod:`.mob_violence`): an attack or a clash whose actor 1, as
    ``roles`` and ``summary-actor-type`` leave it, is rioters is Riots / Mob violence; a clash the
    classifier backs stays, its unarmed sides the identity militia of their community
    (:func:`.roles.communal_sides`)."""

    name = "mob-violence"

    def __init__(self, mob: MobViolence, typer: EventTyper | None, combination: Combination) -> None:
        self.mob = mob
        self.typer = typer
        self.combination = combination
        conventions = load_conventions()
        #: a riot's actor 1 and the state's kinds with their codes (the state's clash with unarmed people)
        self.rioters = conventions.roles["riots"].actor1
        self.abroad = conventions.abroad.inter
        self.state = {
            k: conventions.named_inter[k] for k in conventions.kinds["state"] if k in conventions.named_inter
        }

    def __call__(self, reading: Reading) -> None:
        text = reading.document.text
        reading.events = [no_demonstration_coding(e, text, self.mob) or e for e in reading.events]
        actors = reading.context.actors
        if self.rioters is not None and self.rioters in actors.kinds:
            # "students clashed with police": the state's forces' clash with unarmed people is their
            # riot, a violent demonstration where the report tells one (the classifier cannot keep the
            # clash: it reads the words of a fight, not who fought)
            rioters = self.rioters
            events = []
            for e in reading.events:
                clash = state_clash_coding(
                    e, self.mob, self.state, lambda: actors.of_kind(rioters), self.abroad
                )
                if clash is not None:  # the rioters of the country of the event's place
                    clash = apply_place_country([no_demonstration_coding(clash, text, self.mob) or clash])[0]
                events.append(clash or e)
            reading.events = events
        recoded = {id(e): c for e in reading.events if (c := mob_violence_coding(e, self.mob)) is not None}
        if not recoded:
            reading.events = communal_sides(reading.events, reading.context.actors)
            return
        candidates = [e for e in reading.events if id(e) in recoded]
        short = reading.sentence_count <= self.combination.short_sentences
        texts = [
            reading.document.text if short or e.sentence is None else e.sentence.text for e in candidates
        ]
        judged = judge_all(self.typer, texts) if self.typer is not None else [None] * len(texts)
        for e, j in zip(candidates, judged, strict=True):
            if e.sub_event_type in self.mob.unbacked and partisan(e.actor1):
                continue  # a party's supporters who attack are a mob: the classifier cannot keep it
            if j is not None and j.probability(e.event_type, e.sub_event_type) >= self.mob.backed:
                del recoded[id(e)]  # the classifier backs the attack or the clash: it stays
        events = [recoded.get(id(e), e) for e in reading.events]
        # a clash that stays has no rioters for a side: they are armed people of their community
        reading.events = communal_sides(events, reading.context.actors)


class Revisions:
    """Revised tolls become new claims on the event they revise (:mod:`.totals`)."""

    name = "revisions"

    def __call__(self, reading: Reading) -> None:
        reading.events = apply_revisions(reading.events, reading.revisions)


class CodedToll:
    """The toll an ACLED note says it coded ("Unknown fatalities coded as 10.") on the events it
    covers (:mod:`.coded`)."""

    name = "coded-toll"

    def __init__(self, words: CodedWords, quantities: Quantities) -> None:
        self.words = words
        self.quantities = quantities

    def __call__(self, reading: Reading) -> None:
        if not reading.events:
            return
        tolls = find_coded_toll(reading.doc, self.words, self.quantities)
        if tolls:  # the coder's figure codes the note, claims verified or not
            reading.events = apply_coded_tolls(reading.events, reading.doc, tolls)
        else:
            reading.events = without_unverified_claims(reading.events, reading.doc, self.words)


class Records:
    """Statements and tallies get their ids (:mod:`.ids`); a total "of the coup's victims" counts since
    the event the document dates."""

    name = "records"

    def __init__(self, totals: TotalReader) -> None:
        self.totals = totals

    def __call__(self, reading: Reading) -> None:
        events = reading.events
        reading.tallies = [
            self.totals.link_scope(t, events) for t in with_ids(reading.tallies, reading.prefix)
        ]
        reading.statements = with_ids(reading.statements, reading.prefix)
