"""The one object the extract stages share: a document as it is being read.

The way spaCy components share a ``Doc``, every stage of :mod:`.stages` reads what the stages before
it wrote here and writes its own typed annotations: a :class:`SentenceReading` for the stages that
run on each sentence in turn, the :class:`Reading` for the whole document. Nothing here decides
anything; :mod:`.extractor` sets the order of the stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span

from cronica.extraction.assemble import Draft
from cronica.extraction.context import DocContext
from cronica.extraction.counts import CountMention
from cronica.extraction.learned import opens_with_its_date
from cronica.extraction.story import Story
from cronica.extraction.triggers import Trigger
from cronica.records import CountClaim, Document, Event, Extraction, Statement, Tally


@dataclass
class SentenceReading:
    """One sentence, annotated by the sentence stages in the order they run."""

    #: the sentence's position among the document's sentences (spaCy's order, blank ones counted)
    index: int
    span: Span
    #: ``triggers``: the incident words with their modality; ``counts`` turns the killing words of a
    #: toll told of one incident into that incident's noun
    triggers: list[Trigger] = field(default_factory=list)
    #: ``counts``: the count claims of the sentence, each marked a running total or not
    counts: list[CountMention] = field(default_factory=list)
    #: ``counts``: the verbs (and killing words) of running totals, which tell no incident of their own
    tally_verbs: frozenset[int] = frozenset()
    #: ``counts``: the asserted triggers that are not a total's words: what incidents are read from
    reported: list[Trigger] = field(default_factory=list)


@dataclass
class Reading:
    """A document as the stages read it: the parse, its per-document index and what each stage wrote."""

    document: Document
    doc: Doc
    #: the per-document index (dates, places, actors, quotes), built once before the sentence stages
    context: DocContext
    #: the prefix of every record id of this document (:mod:`.ids`)
    prefix: str
    #: how many sentences the parse has (a short report is read differently by the learned stages)
    sentence_count: int
    #: what the reader remembers from the sentences before (the last event, speaker, report dates)
    story: Story = field(default_factory=Story)
    #: ``incidents``: incident drafts in the order told; ``memory`` adds figures told on their own
    drafts: list[Draft] = field(default_factory=list)
    #: ``statements``: statements in the order told (ids given by ``records``)
    statements: list[Statement] = field(default_factory=list)
    #: ``totals``: running totals in the order told (ids given by ``records``)
    tallies: list[Tally] = field(default_factory=list)
    #: ``totals``: revised tolls ("the toll rose to 18"), each with where it was told
    revisions: list[tuple[int, CountClaim]] = field(default_factory=list)
    #: ``incidents``: the sentences in which the rules judged no incident words
    quiet: list[tuple[int, Span]] = field(default_factory=list)
    #: ``learned-incident``: the trigger the learned typer chose in a short report with no incident
    learned: Trigger | None = None
    #: ``assemble`` and the stages after it: the document's events
    events: list[Event] = field(default_factory=list)

    @cached_property
    def coded_summary(self) -> bool:
        """Whether the document opens with a date that names its year, the house style of coded event
        summaries (:func:`~.learned.opens_with_its_date`); read by several stages, worked out once."""
        return opens_with_its_date([(d.span.start, d.text) for d in self.context.dates])

    def extraction(self) -> Extraction:
        """The records the stages wrote."""
        return Extraction(
            document=self.document,
            events=tuple(self.events),
            statements=tuple(self.statements),
            tallies=tuple(self.tallies),
        )
