"""Running totals and revised tolls.

In: count mentions marked as totals. Out: :class:`~cronica.records.Tally` records with scope
(``since``) and ``as_of``; or, for "the toll rose to 18", a revised claim on the event just told.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from cronica.extraction.assemble import Draft
from cronica.extraction.attribution import ReporterFinder
from cronica.extraction.context import DocContext, tree_distance
from cronica.extraction.counts import CountMention, clause_of
from cronica.extraction.dating import DateLinker
from cronica.extraction.lexicon import CountingWords, Lexicon
from cronica.extraction.locating import PlaceLinker
from cronica.extraction.story import Story
from cronica.fields import replace
from cronica.nlp.arrays import span_text
from cronica.records import (
    CountClaim,
    DateValue,
    Event,
    Tally,
)
from cronica.records import Span as TextSpan


def apply_revisions(events: list[Event], revisions: list[tuple[int, CountClaim]]) -> list[Event]:
    """Attach each revised figure to the last event told before it that has a figure of that kind."""
    for position, claim in revisions:
        target = None
        for k, event in enumerate(events):
            start = event.sentence.start if event.sentence else 0
            if start < position and claim.category in event.counts:
                target = k
        if target is None:
            continue
        event = events[target]
        claims = event.counts[claim.category]
        revised = replace(claim, update_of=len(claims) - 1)
        counts = {**event.counts, claim.category: (*claims, revised)}
        events[target] = replace(event, counts=counts)
    return events


def _tally_what(c: CountMention, sent: Span, w: CountingWords, markers: frozenset[str]) -> str:
    """What a running total counts: the "of" phrase of its head ("the total number of the coup's
    victims"), else the noun after the number with the category ("people killed"); a head inside
    the source ("según el último balance de la CIDH") is the source's, not the total's."""
    doc = sent.doc
    for tok in sent:
        if tok.lemma_.lower() in w.total_heads and not any(a.lower_ in markers for a in tok.ancestors):
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in w.of:
                    for pobj in child.children:
                        span = doc[pobj.left_edge.i : pobj.right_edge.i + 1]
                        return re.sub(r"\s+", " ", span.text)
    noun = doc[c.quantity.end] if c.quantity.end < len(doc) else None
    label = {
        "killed": "killed",
        "injured": "injured",
        "arrested": "arrested",
        "participants": "participants",
    }[c.category]
    if (
        noun is not None
        and noun.pos_ in {"NOUN", "ADJ"}
        and (w.victim_words.get(noun.lemma_.lower()) or noun.lemma_.lower() in w.life_nouns)
    ):
        return noun.text  # "32 muertos", "32 deaths": the noun says what is counted
    if noun is not None and noun.pos_ == "NOUN":
        return f"{noun.text} {label}"
    return label


class TotalReader:
    """Count mentions marked as totals to tallies, or to revised claims on the event just told (see
    the module docstring). Dates, places and reporters come from the linkers it is given."""

    def __init__(
        self, lexicon: Lexicon, dates: DateLinker, places: PlaceLinker, reporters: ReporterFinder
    ) -> None:
        self.lexicon = lexicon
        self.counting = lexicon.counting
        self.dates = dates
        self.places = places
        self.reporters = reporters

    def tally(
        self,
        ctx: DocContext,
        story: Story,
        sent: Span,
        si: int,
        c: CountMention,
        previous: Tally | None = None,
    ) -> Tally:
        doc = ctx.doc
        since: DateValue | None = None
        as_of: DateValue | None = None
        for mention in ctx.dates_in(sent):
            if mention.since or (
                mention.span.start > 0 and doc[mention.span.start - 1].lower_ in self.counting.since
            ):
                since = self.dates.resolve(ctx, story, mention, si)
        if since is None or not since.value:
            since = self._scope_start(ctx, story, sent, si, previous) or since
        report_verb = next(
            (a for a in c.verb.ancestors if a.lemma_.lower() in self.lexicon.report_lemmas), None
        )
        if report_verb is not None:
            for mention in ctx.dates_in(sent):
                if mention.since:
                    continue
                if tree_distance(mention.root, report_verb) <= 2:
                    as_of = self.dates.resolve(ctx, story, mention, si)
        missing: dict[str, str] = {}
        if as_of is None:
            if ctx.published:
                as_of = DateValue(
                    value=ctx.published.isoformat(),
                    precision="day",
                    anchor=ctx.published.isoformat(),
                    anchor_kind="publication",
                    reason="no date words for the total: as of publication",
                )
            else:
                as_of = DateValue(
                    value=None, precision=None, reason="no date words for the total and no publication date"
                )
                missing["as_of"] = as_of.reason or ""
        reporter, reporter_span = self.reporters.reporter_for(ctx, story, c.verb, si)
        what = _tally_what(c, sent, self.counting, self.lexicon.source_markers)
        words = doc[c.start : c.end]
        place = self.places.place_for(ctx, sent, [c.verb]) or self.places.country_place(
            ctx, "no place words for the total: country of the report"
        )
        if since is None:
            missing["since"] = "no start of the period stated"
        if reporter is None:
            missing["reported_by"] = "no reporting source named"
        return Tally(
            id="",  # set from the number by ids.with_ids
            document=ctx.document.id,
            what=what,
            category=c.category,
            value=c.quantity.value,
            qualifier=c.quantity.qualifier,  # type: ignore[arg-type]
            text=words.text,
            span=TextSpan(words.start_char, words.end_char, words.text),
            since=since,
            as_of=as_of,
            location=place,
            reported_by=reporter,
            reported_by_span=reporter_span,
            sentence=TextSpan(sent.start_char, sent.end_char, span_text(sent)),
            confidence=0.7 if reporter else 0.55,
            missing=missing,
        )

    def _scope_start(
        self, ctx: DocContext, story: Story, sent: Span, si: int, previous: Tally | None
    ) -> DateValue | None:
        """The start of a total's period in words other than "since <date>": "since the siege began on
        10 May" (the first date after "since" in its clause), "since the start of the year" / "so far
        this year" (1 January), "between 1 January and 30 November" (the first day), "in three days"
        (that many days before publication), "over the same period" (the total just before)."""
        lowered = span_text(sent).lower()
        doc = ctx.doc
        for tok in sent:
            if tok.lower_ not in self.counting.since and tok.lower_ != "between":
                continue
            stop = next(
                (
                    t.i
                    for t in doc[tok.i + 1 : sent.end]
                    if t.text in {";", "—"} or t.lower_ in self.lexicon.source_markers
                ),
                sent.end,
            )
            for mention in ctx.dates_in(sent):
                if tok.i < mention.span.start < stop:
                    value = self.dates.resolve(ctx, story, mention, si)
                    if value.value:
                        return replace(value, reason=f"start of the period: '{tok.text} ... {mention.text}'")
        published = ctx.published
        if published is not None and re.search(
            r"\b(?:so far )?this year\b|\bstart of (?:the|this) year\b|\bbeginning of (?:the|this) year\b",
            lowered,
        ):
            first = published.replace(month=1, day=1).isoformat()
            return DateValue(
                value=first,
                precision="day",
                anchor=published.isoformat(),
                anchor_kind="publication",
                reason="start of the period: 'this year'",
            )
        span = re.search(r"\b(?:in|over|during|within) (?:the (?:past|last|space of) )?(\w+) days\b", lowered)
        if published is not None and span is not None:
            count = self.dates.resolver.lexicon.numbers.get(span[1]) or (
                int(span[1]) if span[1].isdigit() else 0
            )
            if count:
                from datetime import timedelta

                first = (published - timedelta(days=count)).isoformat()
                return DateValue(
                    value=first,
                    precision="day",
                    anchor=published.isoformat(),
                    anchor_kind="publication",
                    reason=f"start of the period: '{span[0]}' before publication",
                )
        if previous is not None and previous.since is not None and re.search(r"\bsame period\b", lowered):
            return replace(
                previous.since, reason="start of the period: 'the same period' as the total before"
            )
        return None

    def is_revision(self, doc: Doc, c: CountMention, drafts: list[Draft]) -> bool:
        """ "The toll rose to 18": a new figure for the event just told, not a running total over many.
        A total with a scope ("since November", "the number of", "total") stays a tally."""
        clause = {t.lemma_.lower() for t in clause_of(doc[c.quantity.start])}
        w = self.counting
        if c.one_incident:
            return any(c.category in d.counts for d in drafts)
        if not clause & w.revision_nouns or clause & w.scope_words:
            return False
        return any(c.category in d.counts for d in drafts)

    def revision(
        self, ctx: DocContext, story: Story, sent: Span, si: int, c: CountMention
    ) -> tuple[int, CountClaim]:
        words = ctx.doc[c.start : c.end]
        reporter, reporter_span = self.reporters.reporter_for(ctx, story, c.verb, si)
        claim = CountClaim(
            category=c.category,  # type: ignore[arg-type]
            value=c.quantity.value,
            qualifier=c.quantity.qualifier,  # type: ignore[arg-type]
            text=words.text,
            span=TextSpan(words.start_char, words.end_char, words.text),
            low=c.quantity.low,
            high=c.quantity.high,
            vague=c.quantity.vague,
            reported_by=reporter,
            reported_by_span=reporter_span,
            update_of=-1,
            revised=True,
        )
        return sent.start_char, claim

    def link_scope(self, tally: Tally, events: list[Event]) -> Tally:
        """A total "of the coup's victims" counts since the event the document dates."""
        if tally.since is not None:
            return tally
        sentence = (tally.sentence.text if tally.sentence else "").lower()
        for event in events:
            trigger = event.trigger.text.lower()
            if event.date.value and re.search(rf"\b{re.escape(trigger)}[’']s\b", sentence):
                missing = {k: v for k, v in tally.missing.items() if k != "since"}
                since = replace(event.date, reason=f"start of the period: the {trigger} ({event.id})")
                return replace(tally, since=since, missing=missing)
        return tally
