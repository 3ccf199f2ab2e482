"""The extract stage: events, statements and tallies of one parsed document.

In: a :class:`~cronica.records.Document` and its spaCy ``Doc``. Out: an
:class:`~cronica.records.Extraction`. Reading goes sentence by sentence, in order, so that "the
following day", "He added" and "Two more have died since" can refer to what came before:

1. triggers (:mod:`.triggers`) with modality; quantities and count claims (:mod:`.numbers`, :mod:`.counts`);
2. speech verbs become statements (:mod:`.statements`) unless they only attribute a reported event;
3. asserted triggers are grouped into incidents, coded (:mod:`.classify`), and given actors, a date
   (the expression the trigger owns, else its reporting verb's, else the story's), a place and counts;
4. running totals become tallies; incidents of the same day, place and kind merge (:mod:`.assemble`).

Built once per pipeline (matchers and lexicons load here); ``extract`` never raises on text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from cronica.extraction.actors import ActorFinder, is_group_pronoun, is_person_pronoun
from cronica.extraction.assemble import Draft, assemble_events
from cronica.extraction.attribution import ReporterFinder
from cronica.extraction.context import (
    DocContext,
    PlaceLocator,
    is_count_not_year,
    make_date_mention,
    paragraph_start,
    with_day_range,
)
from cronica.extraction.counts import CountMention, clause_of, find_counts
from cronica.extraction.dates import DateFinder, DateResolver, TemporalLexicon
from cronica.extraction.dating import DateLinker
from cronica.extraction.fallback import fallback_trigger
from cronica.extraction.ids import id_prefix, with_ids
from cronica.extraction.incidents import IncidentReader
from cronica.extraction.learned import (
    Combination,
    EventTyper,
    apply_learned_actors,
    apply_learned_types,
    judge_all,
)
from cronica.extraction.lexicon import Lexicon, load_lexicon
from cronica.extraction.locating import PlaceLinker
from cronica.extraction.numbers import find_quantities
from cronica.extraction.quotes import find_quotes
from cronica.extraction.roles import apply_acled_roles, apply_place_country
from cronica.extraction.statements import StatementFinder, speaker_actor
from cronica.extraction.story import Story
from cronica.extraction.totals import TotalReader, apply_revisions
from cronica.extraction.triggers import Trigger, TriggerFinder
from cronica.records import (
    CountClaim,
    Document,
    Extraction,
    Statement,
    Tally,
)


class Extractor:
    """Reads one parsed document into records; reuse for many documents."""

    def __init__(
        self,
        nlp: Language,
        lexicon: Lexicon | None = None,
        places: PlaceLocator | None = None,
        *,
        keep_generic: bool | None = None,
        language: str | None = None,
        typer: EventTyper | None = None,
        combination: Combination | None = None,
    ) -> None:
        """``keep_generic`` keeps event mentions with no date, place or number of their own
        ("As protests mount"); default from ``CRONICA_KEEP_GENERIC`` (off). ``language`` chooses the
        bundled lexicons (``languages.yaml``; default English); ``nlp`` must be that language's model.
        ``typer`` is the learned event typer (:mod:`.learned`); ``None`` runs the rules alone."""
        import os

        if keep_generic is None:
            keep_generic = os.environ.get("CRONICA_KEEP_GENERIC", "") not in {"", "0", "false"}
        self.keep_generic = keep_generic
        self.lexicon = lexicon or load_lexicon(language=language)
        self.counting = self.lexicon.counting
        self.triggers = TriggerFinder(nlp, self.lexicon)
        self.actor_finder = ActorFinder(nlp, self.lexicon)
        temporal = TemporalLexicon.load_language(language)
        self.resolver = DateResolver(temporal)
        self.date_finder = DateFinder(nlp.vocab, temporal, self.resolver)
        #: whether the model labels DATE entities (the Spanish one does not: the finder's spans stand in)
        self._model_dates = "ner" not in nlp.pipe_names or "DATE" in getattr(
            nlp.get_pipe("ner"), "labels", ()
        )
        self.dates = DateLinker(self.resolver, self.lexicon.report_lemmas)
        self.place_linker = PlaceLinker(self.lexicon)
        self.reporters = ReporterFinder(self.lexicon.report_lemmas, self.lexicon.source_markers)
        self.statements = StatementFinder(self.lexicon, self.dates, self.place_linker, self.reporters)
        self.incidents = IncidentReader(
            self.lexicon, self.dates, self.place_linker, self.reporters, self.statements
        )
        self.totals = TotalReader(self.lexicon, self.dates, self.place_linker, self.reporters)
        if places is None:
            from cronica.extraction.places import default_locator

            places = default_locator()
        self.places = places
        self.typer = typer
        self.combination = combination or Combination()

    # ------------------------------------------------------------------------------------------
    def extract(self, document: Document, doc: Doc) -> Extraction:
        ctx = self._context(document, doc)
        story = Story()
        drafts: list[Draft] = []
        statements: list[Statement] = []
        tallies: list[Tally] = []
        revisions: list[tuple[int, CountClaim]] = []
        prefix = id_prefix(document)
        quiet: list[tuple[int, Span]] = []  # sentences without incident words
        for si, sent in enumerate(doc.sents):
            if not sent.text.strip() or _correction_note(document.text, sent.start_char):
                continue
            triggers = self.triggers.find(sent)
            counts = self._counts(ctx, doc, sent, triggers, drafts)
            triggers = self._incident_triggers(triggers, counts)
            tally_verbs = {c.verb.i for c in counts if c.tally}
            for c in counts:
                if c.tally:  # "the number of protesters killed since ...": the killing words are the total's
                    tally_verbs.update(
                        t.token.i
                        for t in triggers
                        if t.family.count in {"killed", "injured", "arrested"}
                        and t.token.i in {x.i for x in clause_of(doc[c.quantity.start])}
                    )
            for c in counts:
                if (
                    c.tally
                    and ctx.accident_story
                    and any(
                        t.lemma_.lower() in self.lexicon.non_political
                        for t in clause_of(doc[c.quantity.start])
                    )
                ):
                    continue  # "road accidents since January": not a total of political violence
                if c.tally and self.totals.is_revision(doc, c, drafts):
                    revisions.append(self.totals.revision(ctx, story, sent, si, c))
                elif c.tally:
                    tallies.append(
                        self.totals.tally(ctx, story, sent, si, c, tallies[-1] if tallies else None)
                    )
            reported = [t for t in triggers if t.asserted and t.token.i not in tally_verbs]
            new_statements = self.statements.find(
                ctx,
                story,
                sent,
                triggers,
                reported,
                si,
                frozenset(tally_verbs),
            )
            statements.extend(new_statements)
            if not triggers:  # the rules judged no words here (a negated clash is no event)
                quiet.append((si, sent))
            for draft in self.incidents.read(
                ctx, story, sent, si, reported, [c for c in counts if not c.tally], triggers
            ):
                drafts.append(draft)
                if draft.date.text or story.last_draft is None or si - story.last_draft_sent > 2:
                    # an undated draft does not cut the story: "the following day" still means the
                    # day after the last dated event
                    story.last_draft = draft
                story.last_draft_sent = si
            # crowd estimates and arrest figures told on their own; casualty words there are too often
            # about something else ("six of the wounded died")
            plain_counts = [c for c in counts if not c.tally and c.category in {"participants", "arrested"}]
            if not reported and plain_counts and drafts and si - drafts[-1].sentence_index <= 2:
                self._attach_counts(ctx, story, sent, si, plain_counts, drafts[-1])
            self._remember_story_date(ctx, story, sent, si, bool(triggers))
            self._remember_subjects(ctx, story, sent)
        sentences = sum(1 for _ in doc.sents)
        learned: Trigger | None = None
        if not drafts and self.typer is not None and sentences <= self.combination.short_sentences:
            drafts, learned = self._learned_drafts(ctx, story, doc, quiet)
        events = assemble_events(
            drafts,
            document,
            prefix,
            keep_generic=self.keep_generic,
            peaceful=self.lexicon.grammar["peaceful"],
            detect=self._detector(),
        )
        if learned is not None:
            at = learned.token.idx
            events = [
                replace(e, coded_by=learned.reason or "learned classifier") if e.trigger.start == at else e
                for e in events
            ]
        events = apply_learned_types(
            events, self.typer, self.combination, sentences=sentences, text=document.text
        )
        events = apply_learned_actors(
            events, self.typer, lambda kind: ctx.actors.of_kind(kind), self.combination, document.text
        )
        events = apply_acled_roles(events, ctx.actors)
        events = apply_place_country(events)
        events = apply_revisions(events, revisions)
        tallies = [self.totals.link_scope(t, events) for t in with_ids(tallies, prefix)]
        return Extraction(
            document=document,
            events=tuple(events),
            statements=tuple(with_ids(statements, prefix)),
            tallies=tuple(tallies),
        )

    def _counts(
        self, ctx: DocContext, doc: Doc, sent: Span, triggers: list[Trigger], drafts: list[Draft]
    ) -> list[CountMention]:
        """The count claims of a sentence, given its triggers and the drafts before it."""
        # a number inside a date expression is a day or a year ("el 16 de noviembre"), never a count
        quantities = [
            q
            for q in find_quantities(sent, self.lexicon.quantities)
            if not any(i in ctx.date_tokens for i in range(q.start, q.end))
        ]
        return [
            # a total told of one incident with nothing told before it: that incident's own toll
            replace(c, tally=False) if c.one_incident and not self.totals.is_revision(doc, c, drafts) else c
            for c in find_counts(sent, quantities, triggers, self.counting)
        ]

    def _learned_drafts(
        self, ctx: DocContext, story: Story, doc: Doc, quiet: list[tuple[int, Span]]
    ) -> tuple[list[Draft], Trigger | None]:
        """A short document in which the rules found no incident: the sentence the learned typer is
        surest reports one becomes its incident (:mod:`.fallback`), read like any other; the drafts
        and the trigger the typer chose."""
        if self.typer is None or not quiet:
            return [], None
        readings = judge_all(self.typer, [sent.text for _si, sent in quiet])
        judged = [(sent, j) for (_si, sent), j in zip(quiet, readings, strict=True)]
        chosen = fallback_trigger(judged, self.lexicon.families, self.combination)
        if chosen is None:
            return [], None
        index, trigger = chosen
        si, sent = quiet[index]
        counts = [c for c in self._counts(ctx, doc, sent, [trigger], []) if not c.tally]
        return self.incidents.read(ctx, story, sent, si, [trigger], counts, [trigger]), trigger

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
                else next((f for f in self.lexicon.families.values() if f.count == c.category), None)
            )
            if family is None:
                continue
            noun = c.incident
            incident = Trigger(noun, noun.i, noun.i + 1, family, True, "the incident a total was told of")
            triggers = [t for t in triggers if t.family.count != c.category] + [incident]
        return triggers

    def _detector(self) -> Callable[[str], bool] | None:
        """Whether a sentence reports an event, by the learned typer (``None`` without one)."""
        typer, threshold = self.typer, self.combination.detect
        if typer is None:
            return None
        return lambda text: typer.judge(text).event >= threshold

    # ------------------------------------------------------------------------------------------
    def _context(self, document: Document, doc: Doc) -> DocContext:
        quotes = find_quotes(document.text)
        mentions, country, code = self.places.locate(doc)
        actors = self.actor_finder.index(doc, country, code, getattr(self.places, "country_name_of", None))
        actors.place_tokens = frozenset(i for m in mentions for i in range(m.start, m.end))
        found = [with_day_range(s) for s in self.date_finder(doc) if not is_count_not_year(s)]
        if not self._model_dates:
            _mark_dates(doc, found)
        w = self.counting
        chained = self.resolver.lexicon.chained
        dates = [
            make_date_mention(s, quotes, w.since, w.perfect_aux, *([chained] if chained else []))
            for s in found
        ]
        lead = next(iter(doc.sents), None)
        accident_story = lead is not None and any(
            t.lemma_.lower() in self.lexicon.non_political for t in lead
        )
        return DocContext(
            accident_story=accident_story,
            document=document,
            doc=doc,
            quotes=quotes,
            actors=actors,
            dates=dates,
            places=mentions,
            country=country,
            country_code=code,
        )

    # ------------------------------------------------------------------------------------------
    # dates

    # ------------------------------------------------------------------------------------------
    # places

    # ------------------------------------------------------------------------------------------
    # incidents

    # ------------------------------------------------------------------------------------------
    # counts and tallies

    # ------------------------------------------------------------------------------------------
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
        for tok in sent:
            if tok.dep_ not in {"nsubj", "nsubjpass"} or ctx.in_quote(tok):
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


def _mark_dates(doc: Doc, found: list[Span]) -> None:
    """Label the date finder's spans as DATE entities where the model labels none (the rules read
    "a DATE entity" as "a date": "el golpe del 10 de noviembre" has a date of its own)."""
    from spacy.util import filter_spans

    dates = [Span(doc, s.start, s.end, label="DATE") for s in found]
    taken = {i for s in dates for i in range(s.start, s.end)}
    kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
    doc.ents = filter_spans([*kept, *dates])


_CORRECTION = re.compile(r"^\s*(?:correction|clarification|editor'?s note)\s*[:.—-]", re.IGNORECASE)


def _correction_note(text: str, offset: int) -> bool:
    """A sentence of a correction note ("Correction: An earlier version stated that ten were injured"):
    it fixes the article's figures and tells no new incident."""
    return bool(_CORRECTION.match(text[paragraph_start(text, offset) : offset + 40]))
