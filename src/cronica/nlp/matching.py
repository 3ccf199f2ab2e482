"""Running a rule ``Matcher`` only on texts where it can match.

In: token patterns (spaCy ``Matcher`` syntax) and a vocabulary. Out: a :class:`GatedMatcher` that
matches exactly as a ``Matcher`` holding the same patterns, but skips texts that hold none of the
words its patterns require. Most rule sets (day phrases, facility cues) match in few texts, and the
``Matcher`` walks every token of every text against every pattern; the gate costs one pass over the
token hashes, which spaCy returns as an array.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

Pattern = list[dict[str, Any]]


def required_words(patterns: list[Pattern], vocab: Vocab) -> frozenset[int] | None:
    """Lowercase word hashes of which a text must hold one for any of ``patterns`` to match.

    For each pattern, one required token given by its words (``LOWER`` or ``ORTH``, a string or an
    ``IN`` list): the one with the fewest stop words ("day" rather than "the"), the last on a tie.
    None when a pattern has no such token (a regular expression or a number alone): those patterns
    must always run."""
    words: set[str] = set()
    for pattern in patterns:
        choices: list[list[str]] = []
        for token in pattern:
            if token.get("OP") not in (None, "+"):
                continue
            value = token.get("LOWER", token.get("ORTH"))
            if isinstance(value, str):
                choices.append([value.lower()])
            elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                choices.append([str(w).lower() for w in value["IN"]])
        if not choices:
            return None
        best = min(reversed(choices), key=lambda ws: sum(vocab[w].is_stop for w in ws) / max(1, len(ws)))
        words.update(best)
    return frozenset(vocab.strings.add(w) for w in words)


def lower_hashes(doclike: Doc | Span) -> set[int]:
    """The lowercase word hashes of a ``Doc`` or ``Span``."""
    from spacy.attrs import LOWER
    from spacy.tokens import Doc

    if isinstance(doclike, Doc):
        return set(doclike.to_array(LOWER).tolist())
    return {t.lower for t in doclike}


class GatedMatcher:
    """A ``Matcher`` holding ``rules`` (label -> patterns) that runs only when the text holds a
    required word of one of them.

    Its matches, and their order, are those of a plain ``Matcher`` with the same rules and ``greedy``
    setting; greedy filtering works within a label, so one gated matcher a label gives what one shared
    matcher gave, up to order."""

    def __init__(self, vocab: Vocab, rules: dict[str, list[Pattern]], greedy: str | None = None) -> None:
        from spacy.matcher import Matcher

        self.matcher = Matcher(vocab)
        words: set[int] | None = set()
        for label, patterns in rules.items():
            self.matcher.add(label, patterns, greedy=greedy)
            needed = required_words(patterns, vocab)
            words = None if words is None or needed is None else words | needed
        self.words = None if words is None else frozenset(words)

    def can_match(self, present: set[int]) -> bool:
        return self.words is None or not present.isdisjoint(self.words)

    def spans(self, doclike: Doc | Span, present: set[int] | None = None) -> list[Span]:
        """The matches as labelled spans, in the ``Matcher``'s order; none when the text lacks every
        required word."""
        if not self.can_match(lower_hashes(doclike) if present is None else present):
            return []
        return list(self.matcher(doclike, as_spans=True))


def match_all(matchers: list[GatedMatcher], doclike: Doc | Span) -> list[Span]:
    """Every matcher's spans over ``doclike``, ordered by start then end (for callers whose result
    does not depend on the order of matches)."""
    present = lower_hashes(doclike)
    found: list[Span] = []
    for matcher in matchers:
        found.extend(matcher.spans(doclike, present))
    return sorted(found, key=lambda s: (s.start, s.end))
