"""The extract stage: events, statements and tallies of one parsed document.

In: a :class:`~cronica.records.Document` and its spaCy ``Doc``. Out: an
:class:`~cronica.records.Extraction`. The document's index (dates, places, actors, quotes;
:mod:`.context`) is built first; then the sentence stages of :mod:`.stages` read every sentence in
turn, in order, so that "the following day", "He added" and "Two more have died since" can refer to
what came before, and the document stages run once:

1. ``triggers`` (:mod:`.triggers`) with modality; ``counts``: quantities and count claims
   (:mod:`.numbers`, :mod:`.counts`); ``totals``: running totals and revised tolls (:mod:`.totals`);
2. ``statements``: speech verbs become statements (:mod:`.statements`) unless they only attribute a
   reported event;
3. ``incidents``: asserted triggers are grouped into incidents, coded (:mod:`.classify`), and given
   actors, a date (the expression the trigger owns, else its reporting verb's, else the story's), a
   place and counts (:mod:`.incidents`); ``memory``: what later sentences refer back to;
4. ``learned-incident``, ``assemble`` (incidents of the same day, place and kind merge;
   :mod:`.assemble`), ``learned-coding``, ``roles``, ``revisions``, ``records``.

Every stage reads and writes one :class:`~.reading.Reading`; this module is the one that knows their
order. Built once per pipeline (matchers and lexicons load here); ``extract`` never raises on text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from cronica.extraction.actors import ActorFinder
from cronica.extraction.attribution import ReporterFinder
from cronica.extraction.context import (
    DocContext,
    PlaceLocator,
    is_count_not_year,
    make_date_mention,
    paragraph_start,
    with_day_range,
)
from cronica.extraction.conventions import load_conventions
from cronica.extraction.dates import DateFinder, DateResolver, TemporalLexicon
from cronica.extraction.dating import DateLinker
from cronica.extraction.ids import id_prefix
from cronica.extraction.incidents import IncidentReader
from cronica.extraction.learned import Combination, EventTyper, LearnedTyper
from cronica.extraction.lexicon import Lexicon, load_lexicon
from cronica.extraction.locating import PlaceLinker
from cronica.extraction.note_tags import label_end
from cronica.extraction.quotes import find_quotes
from cronica.extraction.reading import Reading, SentenceReading
from cronica.extraction.rules import RuleBook
from cronica.extraction.stages import (
    ArmedVictimsCoding,
    Assemble,
    CodedToll,
    CommunalClashCoding,
    DirectFireCoding,
    DocumentStage,
    FindTriggers,
    LearnedCoding,
    LearnedIncident,
    MobViolenceCoding,
    NoteTagCoding,
    PartOfIncidentFolding,
    ProtestInterventionCoding,
    ReadCounts,
    ReadIncidents,
    ReadStatements,
    ReadTotals,
    Records,
    Remember,
    Revisions,
    Roles,
    SentenceStage,
    SummaryActorType,
    TaggedIncident,
    ViolentDemonstrationCoding,
)
from cronica.extraction.statements import StatementFinder
from cronica.extraction.totals import TotalReader
from cronica.extraction.triggers import TriggerFinder
from cronica.nlp.arrays import arrays, doc_sents, forget
from cronica.nlp.matching import doc_text
from cronica.records import Document, Extraction


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
        rules: RuleBook | None = None,
    ) -> None:
        """``keep_generic`` keeps event mentions with no date, place or number of their own
        ("As protests mount"); default from ``CRONICA_KEEP_GENERIC`` (off). ``language`` chooses the
        bundled lexicons (``languages.yaml``; default English); ``nlp`` must be that language's model.
        ``typer`` is the learned event typer (:mod:`.learned`); ``None`` runs the rules alone.
        ``rules``: the rule book (:mod:`.rules`; default: every bundled rule less ``CRONICA_RULES_OFF``)."""
        import os

        if keep_generic is None:
            keep_generic = os.environ.get("CRONICA_KEEP_GENERIC", "") not in {"", "0", "false"}
        self.keep_generic = keep_generic
        self.lexicon = lexicon or load_lexicon(language=language)
        self.counting = self.lexicon.counting
        self.triggers = TriggerFinder(nlp, self.lexicon, rules)
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
        self.reporters = ReporterFinder(
            self.lexicon.report_lemmas,
            self.lexicon.source_markers,
            self.lexicon.count_nouns,
            self.lexicon.count_by,
        )
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
        counts = ReadCounts(self.lexicon, self.totals)
        conventions = load_conventions()
        self._note_tags = conventions.note_tags
        #: the order the stages run in, on each sentence and then once a document (:mod:`.stages`)
        self.sentence_stages: tuple[SentenceStage, ...] = (
            FindTriggers(self.triggers),
            counts,
            ReadTotals(self.totals, self.lexicon.non_political),
            ReadStatements(self.statements),
            ReadIncidents(self.incidents),
            Remember(self.incidents, self.dates),
        )
        self.document_stages: tuple[DocumentStage, ...] = (
            LearnedIncident(typer, self.combination, self.lexicon.families, counts, self.incidents),
            TaggedIncident(conventions.note_tags, self.lexicon.families, counts, self.incidents),
            Assemble(self.keep_generic, self.lexicon.grammar["peaceful"], typer, self.combination),
            LearnedCoding(typer, self.combination, self.lexicon.families),
            DirectFireCoding(conventions.direct_fire, self.combination.short_sentences),
            CommunalClashCoding(conventions.communal_clash, self.combination.short_sentences),
            ArmedVictimsCoding(conventions.armed_victims, typer, self.combination),
            NoteTagCoding(
                conventions.note_tags, conventions.demonstration_size, self.lexicon.families, typer
            ),
            ViolentDemonstrationCoding(
                conventions.violent_demonstration,
                self.combination.short_sentences,
                self.lexicon.grammar["peaceful"],
            ),
            ProtestInterventionCoding(
                conventions.protest_intervention,
                self.combination.short_sentences,
                self.lexicon.grammar["peaceful"],
            ),
            PartOfIncidentFolding(
                conventions.part_of_incident, conventions.note_tags, self.combination.short_sentences
            ),
            Roles(),
            SummaryActorType(typer, self.combination),
            MobViolenceCoding(conventions.mob_violence, typer, self.combination),
            Revisions(),
            CodedToll(conventions.coded_fatalities, self.lexicon.quantities),
            Records(self.totals),
        )

    # ------------------------------------------------------------------------------------------
    def prefetch(self, documents: Sequence[Document], docs: Sequence[Doc]) -> None:
        """Have the learned typer read, in one batch, the texts of ``documents`` (parsed as ``docs``)
        that :meth:`extract` will surely ask it about: a short document's whole text (read as a coded
        summary's, :class:`~.stages.LearnedCoding`; most of them a one-sentence note's only sentence).
        A text's reading does not depend on the other texts of a batch, so this changes no output;
        it saves the classifier's set-up of one call a document. Only the shipped kind of typer,
        which keeps its readings, is asked."""
        from spacy.attrs import SENT_START

        if not isinstance(self.typer, LearnedTyper):
            return
        short = self.combination.short_sentences
        texts = [
            document.text
            for document, doc in zip(documents, docs, strict=True)
            if document.text.strip() and int((doc.to_array(SENT_START) == 1).sum()) <= short
        ]
        if texts:
            self.typer.judge_many(texts)

    def extract(self, document: Document, doc: Doc) -> Extraction:
        sents = doc_sents(doc)
        reading = Reading(
            document=document,
            doc=doc,
            context=self._context(document, doc, sents[0] if sents else None),
            prefix=id_prefix(document),
            sentence_count=len(sents),
        )
        text = doc_text(doc)
        for si, sent in enumerate(sents):
            blank = not text[sent.start_char : sent.end_char].strip()
            if blank or _correction_note(document.text, sent.start_char):
                continue
            sentence = SentenceReading(si, sent)
            for stage in self.sentence_stages:
                stage(reading, sentence)
        for final in self.document_stages:
            final(reading)
        return reading.extraction()

    def _context(self, document: Document, doc: Doc, lead: Span | None) -> DocContext:
        quotes = find_quotes(document.text)
        mentions, country, code = self.places.locate(doc)
        actors = self.actor_finder.index(
            doc,
            country,
            code,
            getattr(self.places, "country_name_of", None),
            frozenset(i for m in mentions for i in range(m.start, m.end)),
        )
        label = label_end(doc_text(doc), self._note_tags)
        if label:
            actors.label_tokens = frozenset(i for i, at in enumerate(arrays(doc).idx) if at < label)
        found = [with_day_range(s) for s in self.date_finder(doc) if not is_count_not_year(s)]
        if not self._model_dates:
            _mark_dates(doc, found)
        w = self.counting
        chained = self.resolver.lexicon.chained
        dates = [
            make_date_mention(s, quotes, w.since, w.perfect_aux, *([chained] if chained else []))
            for s in found
        ]
        non_political = self.lexicon.non_political
        accident_story = lead is not None and any(
            lemma in non_political for lemma in arrays(doc).lemma[lead.start : lead.end]
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
            weak_places=list(getattr(self.places, "weak_mentions", ())),
        )


def _mark_dates(doc: Doc, found: list[Span]) -> None:
    """Label the date finder's spans as DATE entities where the model labels none (the rules read
    "a DATE entity" as "a date": "el golpe del 10 de noviembre" has a date of its own)."""
    from spacy.util import filter_spans

    dates = [Span(doc, s.start, s.end, label="DATE") for s in found]
    taken = {i for s in dates for i in range(s.start, s.end)}
    kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
    doc.ents = filter_spans([*kept, *dates])
    forget(doc)  # the entities read so far are no longer the document's


_CORRECTION = re.compile(r"^\s*(?:correction|clarification|editor'?s note)\s*[:.—-]", re.IGNORECASE)


def _correction_note(text: str, offset: int) -> bool:
    """A sentence of a correction note ("Correction: An earlier version stated that ten were injured"):
    it fixes the article's figures and tells no new incident."""
    return bool(_CORRECTION.match(text[paragraph_start(text, offset) : offset + 40]))
