"""Who reported a fact: the subject of a reporting verb that governs it, or the speaker of the quote.

In: a token and the story so far. Out: the reporter's words and span, with back-references resolved
("the office's report" -> "The Bolivian Ombudsman's Office").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from cronica.extract.actors import ActorFinder
from cronica.extract.context import (
    DocContext,
    PlaceLocator,
)
from cronica.extract.dates import DateResolver
from cronica.extract.lexicon import Lexicon
from cronica.extract.statements import StatementFinder
from cronica.extract.story import _Story
from cronica.records import Span as TextSpan


def _subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    if verb.lower_ == "according":
        for child in verb.children:
            if child.dep_ == "prep":
                for g in child.children:
                    if g.dep_ == "pobj":
                        return g
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i:
        return _subject_of(verb.head)
    return None


_REPORT_LEMMAS = frozenset(
    {"report", "say", "confirm", "state", "tell", "announce", "highlight", "add", "claim", "note", "cite"}
)


class Attribution:
    """Part of :class:`~cronica.extract.extractor.Extractor` (see the module docstring)."""

    # set by Extractor.__init__
    lexicon: Lexicon
    resolver: DateResolver
    statements: StatementFinder
    actor_finder: ActorFinder
    places: PlaceLocator

    def reporter_for(
        self, ctx: DocContext, story: _Story, tok: Token, si: int
    ) -> tuple[str | None, TextSpan | None]:
        """Who reported the fact at ``tok``: the subject of a reporting verb governing it, or of the quote."""
        for anc in tok.ancestors:
            if anc.lemma_.lower() in _REPORT_LEMMAS or anc.lower_ == "according":
                subj = _subject_of(anc)
                if subj is not None:
                    return self.reporter_name(ctx, story, subj)
        if ctx.in_quote(tok):
            candidates = [r for r in story.report_dates if r[0] >= si - 3]
            if candidates:
                return candidates[-1][2], candidates[-1][3]
        for anc in [tok, *tok.ancestors]:
            for child in anc.children:
                if child.dep_ == "prep" and child.lower_ == "according":
                    for grand in child.subtree:
                        if grand.dep_ == "pobj":
                            span = ctx.doc[grand.left_edge.i : grand.right_edge.i + 1]
                            return span.text, TextSpan(span.start_char, span.end_char, span.text)
        return None, None

    def reporter_name(
        self, ctx: DocContext, story: _Story, subj: Token
    ) -> tuple[str | None, TextSpan | None]:
        head = subj
        for child in subj.children:
            if (
                subj.lemma_.lower() in {"report", "statement", "communique", "release"}
                and child.dep_ == "poss"
            ):
                head = child
        words = ctx.doc[head.left_edge.i : head.i + 1]
        if head.i != subj.i:
            words = ctx.doc[head.left_edge.i : head.i + 1]
        text = re.sub(r"\s+", " ", words.text).strip()
        text = re.sub(r"[’']s$", "", text).strip()
        if head.pos_ == "PRON":
            prev = story.last_group or story.last_person
            if prev is not None:
                return prev.name, prev.span
        # "the office" after "The Bolivian Ombudsman's Office": the earlier, fuller name
        if len(text.split()) <= 2 and text.lower().startswith("the "):
            noun = text.split()[-1].lower()
            for _, _, name, span in reversed(story.report_dates):
                if noun in name.lower() and len(name) > len(text):
                    return name, span
        return text, TextSpan(words.start_char, words.end_char, words.text)
