"""Parse only what can hold an event: a cheap sentence filter ahead of the spaCy parser.

In: a document's text, the tokenizer of its language and its lexicon. Out: the same text with the
sentences that cannot hold anything codable blanked (every character but line breaks replaced by a
space), so that the parser spends its time on the rest while every offset, and so every evidence span,
stays that of the original text. Never raises on text.

A sentence is kept when one of its words could start a record: a trigger (a family's lemma or phrase
word), a frame's verb or object, a speech verb, a count or running-total word, in any inflection (a
word matches a keyword's regular inflections: "kill" keeps "killed", "protest" "protesters";
``prefilter.forms`` in events.yaml lists irregular forms such as "shot" or "fled"). The sentences just
before and after a kept one are kept for their context (a date or place told in the sentence before,
a pronoun's antecedent), and so is the head of the document (title, dateline, lede: ``HEAD_CHARS``).
Short documents (under ``MIN_CHARS``) are returned unchanged: there is nothing to gain. Sentence
bounds come from punctuation and line breaks, not from the parser.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokenizer import Tokenizer

from cronica.extraction.lexicon import Lexicon

#: documents shorter than this are parsed whole
MIN_CHARS = 1500
#: the head of a document (title, dateline, lede) is always parsed
HEAD_CHARS = 400
_ENDS = frozenset({".", "!", "?"})


def inflections(word: str) -> set[str]:
    """The regular inflections of an English-style keyword: "kill" -> kills, killed, killing, killer;
    "injure" -> injured, injuring; "fatality" -> fatalities; "stab" -> stabbed, stabbing."""
    w = word.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "er", w + "ers"}
    if w.endswith("e"):
        out |= {w[:-1] + "ing", w[:-1] + "ion", w[:-1] + "ions"}
    if w.endswith("y"):
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        out |= {w + w[-1] + "ed", w + w[-1] + "ing", w + w[-1] + "er", w + w[-1] + "ers"}
    return out


@dataclass(frozen=True)
class SentenceFilter:
    """Blanks the sentences of long documents that no keyword of the lexicon can start a record in."""

    #: the keywords in every inflection, and the irregular forms ("shot", "fled")
    forms: frozenset[str]
    #: trigger phrases, found in a sentence's lower-cased text ("general strike", "took to the streets")
    phrases: tuple[str, ...] = ()

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon, stop_words: Iterable[str] = ()) -> SentenceFilter:
        """The keywords of ``lexicon``; ``stop_words`` (the language's) never count as keywords."""
        words: set[str] = set()
        phrases: set[str] = set()
        for family in lexicon.families.values():
            words.update(family.lemmas)
            phrases.update(p.lower() for p in family.phrases)
        for frame in lexicon.frames:
            words.update(frame.verbs)
        # speech verbs that code something (calls, threats, accusations); a neutral "said" alone is
        # a statement only a sentence with something else in it makes worth parsing
        words.update(v.lemma for v in lexicon.speech_verbs.values() if v.plover != "STATEMENT")
        for cue in ("harm_verbs", "occurrence_verbs", "gathering_verbs", "counting_verbs"):
            words.update(lexicon.cues.get(cue, ()))
        counting = lexicon.quantities.counting
        if counting is not None:
            words.update(counting.category_words)
            words.update(counting.tally_words)
            words.update(counting.toll_nouns)
            words.update(counting.total_nouns)
            words.update(counting.crowd_words)
        stop = {w.lower() for w in stop_words}
        words = {w.lower() for w in words if w.isalpha() and len(w) > 2 and w.lower() not in stop}
        forms = set(lexicon.prefilter_forms)
        for w in words:
            forms |= inflections(w)
        return cls(frozenset(forms), tuple(sorted(phrases)))

    def keeps(self, word: str) -> bool:
        """Whether the lower-case ``word`` could start a record."""
        return word in self.forms

    def mask(self, text: str, tokenizer: Tokenizer) -> str:
        """``text`` with the sentences that hold no keyword (and neighbour none that does) blanked."""
        if len(text) < MIN_CHARS:
            return text
        sentences: list[tuple[int, int, bool]] = []  # (start char, end char, has a keyword)
        start: int | None = None
        hit = False
        tokens = tokenizer(text)
        for tok in tokens:
            if tok.is_space and "\n" in tok.text:
                if start is not None:
                    sentences.append((start, tok.idx, hit))
                start, hit = None, False
                continue
            if start is None:
                start = tok.idx
            if not hit and tok.is_alpha and self.keeps(tok.lower_):
                hit = True
            if tok.text in _ENDS:
                sentences.append((start, tok.idx + len(tok.text), hit))
                start, hit = None, False
        if start is not None:
            sentences.append((start, len(text), hit))
        if self.phrases:
            lowered = text.lower()
            sentences = [
                (s, e, hit or any(p in lowered[s:e] for p in self.phrases)) for s, e, hit in sentences
            ]
        keep = [hit or s < HEAD_CHARS for s, _, hit in sentences]
        near = [
            keep[i] or (i > 0 and sentences[i - 1][2]) or (i + 1 < len(sentences) and sentences[i + 1][2])
            for i in range(len(sentences))
        ]
        if all(near):
            return text
        chars = list(text)
        for (s, e, _), kept in zip(sentences, near, strict=True):
            if not kept:
                for i in range(s, e):
                    if chars[i] != "\n":
                        chars[i] = " "
        return "".join(chars)
