"""Who reported a fact: the subject of a reporting verb that governs it, or the speaker of the quote.

In: a token and the story so far. Out: the reporter's words and span, with back-references resolved
("the office's report" -> "The Bolivian Ombudsman's Office").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from cronica.extraction.context import DocContext
from cronica.extraction.story import Story
from cronica.records import Span as TextSpan


def _subject_of(verb: Token, markers: frozenset[str]) -> Token | None:
    """The reporter of a reporting verb: its subject, or the object of a source marker ("according to
    X", where "according" heads "to X")."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    if verb.lower_ in markers:
        for child in verb.children:
            if child.dep_ == "prep":
                for g in child.children:
                    if g.dep_ == "pobj":
                        return g
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i:
        return _subject_of(verb.head, markers)
    return None


def _marked_source(prep: Token) -> Token | None:
    """The source a marker introduces: "according to X" (X under "to") or "según X" (X under the
    marker itself once the Universal Dependencies parse is relabelled)."""
    for grand in prep.subtree:
        if grand.dep_ == "pobj":
            return grand
    return None


_CLAUSES = frozenset({"relcl", "acl", "acl:relcl", "appos"})


def _maker_of(source: Token, count_nouns: frozenset[str], count_by: frozenset[str]) -> Token:
    """Who made a count or report that is given as a source: "a count by the Ombudsman's Office" ->
    "Office", "el último recuento de la Defensoría" -> "Defensoría", "figures provided by the
    Ministry" -> "Ministry"; any other source as it is."""
    if source.lemma_.lower() not in count_nouns and source.lower_ not in count_nouns:
        return source
    for child in source.rights:
        if child.dep_ == "prep" and child.lower_ in count_by:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
        if child.dep_ in {"nmod", "pobj"} and any(
            g.dep_ == "case" and g.lower_ in count_by for g in child.lefts
        ):
            return child
        if child.dep_ == "acl":  # "figures provided by the Ministry", "data compiled by the group"
            for agent in child.children:
                if agent.dep_ == "agent":
                    for grand in agent.children:
                        if grand.dep_ == "pobj":
                            return grand
    return source


def _name_span(doc: Doc, head: Token, start: int) -> Span:
    """The words of a source from ``start`` to the end of its head's phrase, without a clause that
    follows the name (", which called for talks", ", que pidió una investigación") or the
    punctuation before it."""
    end = head.right_edge.i
    for child in head.rights:
        # a name's acronym in brackets stays: "the Centre for Democracy and Human Rights (CDD)"
        first = child.left_edge.i
        bracketed = doc[first].text == "(" or (first > 0 and doc[first - 1].text == "(")
        if child.dep_ in _CLAUSES and not bracketed:
            end = min(end, child.left_edge.i - 1)
    while end > start and doc[end].is_punct and doc[end].text not in {")", "]"}:
        end -= 1
    return doc[start : end + 1]


class ReporterFinder:
    """Finds who reported a fact (see the module docstring): ``report_lemmas`` are the reporting
    verbs, ``source_markers`` the words that introduce a source ("according to", "según"),
    ``count_nouns`` a count or report whose ``count_by`` object made it ("a count by X")."""

    def __init__(
        self,
        report_lemmas: frozenset[str],
        source_markers: frozenset[str],
        count_nouns: frozenset[str] = frozenset(),
        count_by: frozenset[str] = frozenset(),
    ) -> None:
        self.report_lemmas = report_lemmas
        self.source_markers = source_markers
        self.count_nouns = count_nouns
        self.count_by = count_by

    def reporter_for(
        self, ctx: DocContext, story: Story, tok: Token, si: int
    ) -> tuple[str | None, TextSpan | None]:
        """Who reported the fact at ``tok``: the subject of a reporting verb governing it, or of the quote."""
        markers = self.source_markers
        for anc in tok.ancestors:
            if anc.lemma_.lower() in self.report_lemmas or anc.lower_ in markers:
                subj = _subject_of(anc, markers)
                if subj is not None:
                    return self.reporter_name(ctx, story, subj)
        if ctx.in_quote(tok):
            candidates = [r for r in story.report_dates if r[0] >= si - 3]
            if candidates:
                return candidates[-1][2], candidates[-1][3]
        for anc in [tok, *tok.ancestors]:
            for child in anc.children:
                if child.dep_ == "prep" and child.lower_ in markers:
                    grand = _marked_source(child)
                    if grand is not None:
                        grand = _maker_of(grand, self.count_nouns, self.count_by)
                        # the source's words after the marker ("según" heads its noun, whose left
                        # edge can be the comma before the marker)
                        start = max(grand.left_edge.i, child.i + 1)
                        span = _name_span(ctx.doc, grand, start)
                        return span.text, TextSpan(span.start_char, span.end_char, span.text)
        return None, None

    def reporter_name(self, ctx: DocContext, story: Story, subj: Token) -> tuple[str | None, TextSpan | None]:
        head = subj
        for child in subj.children:
            if (
                subj.lemma_.lower() in {"report", "statement", "communique", "release"}
                and child.dep_ == "poss"
            ):
                head = child
        # a name goes on after its head in languages that put modifiers last ("la Defensoría del
        # Pueblo", "el Instituto Nacional de Derechos Humanos (INDH)"): its compound parts
        end = head.i
        for child in head.rights:
            if child.dep_ != "compound" or child.left_edge.i > end + 2:
                break
            end = child.right_edge.i
        words = ctx.doc[head.left_edge.i : end + 1]
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
