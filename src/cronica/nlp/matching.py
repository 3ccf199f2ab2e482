"""Running a rule ``Matcher`` only where it can match.

In: token patterns (spaCy ``Matcher`` syntax) and a vocabulary. Out: a :class:`GatedMatcher` that
matches exactly as a ``Matcher`` holding the same patterns, but skips texts that hold none of the
tokens its patterns require, and (through :func:`match_all`) reads only the stretches of a text
around those tokens. Most rule sets (day phrases, facility cues) match in few texts, and the
``Matcher`` walks every token of every text against every pattern, calling Python for each word list
(``IN``) and regular expression (``REGEX``) it holds; the gate costs one pass over the token hashes,
which spaCy returns as an array.

What a pattern requires (its *anchor*): one token given by its words (``LOWER`` or ``ORTH``, a string
or an ``IN`` list), else one given by a regular expression on ``TEXT``/``ORTH``/``LOWER``. Every match
of the pattern holds a token of its anchor, and a match holds at most as many tokens that are not
whitespace as the pattern has tokens that are not whitespace-only (``IS_SPACE``), counting an
operator's most repetitions: so every match lies within that many words either side of an anchor
token (whitespace tokens between them not counted).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

Pattern = list[dict[str, Any]]

#: How many token strings a gate remembers the regular-expression verdicts of.
_VERDICTS = 50_000
#: Windows covering more than this share of a text: the whole text is matched in one call.
_WHOLE = 0.6
#: Windows closer than this many tokens are read in one call.
_GAP = 8


def _words_of(token: dict[str, Any]) -> list[str] | None:
    value = token.get("LOWER", token.get("ORTH"))
    if isinstance(value, str):
        return [value.lower()]
    if isinstance(value, dict) and isinstance(value.get("IN"), list):
        return [str(w).lower() for w in value["IN"]]
    return None


def _regex_of(token: dict[str, Any]) -> tuple[str, str] | None:
    for key, attr in (("TEXT", "ORTH"), ("ORTH", "ORTH"), ("LOWER", "LOWER")):
        value = token.get(key)
        if isinstance(value, dict) and isinstance(value.get("REGEX"), str):
            return attr, value["REGEX"]
    return None


def _most_words(tokens: list[dict[str, Any]]) -> int | None:
    """The most tokens other than whitespace that ``tokens`` of a pattern can match; None when an
    operator repeats without bound."""
    count = 0
    for token in tokens:
        op = token.get("OP")
        if token.get("IS_SPACE") is True:  # matches whitespace only
            continue
        if op in (None, "?", "!"):
            count += 1
        elif isinstance(op, str) and op.startswith("{") and op.endswith("}"):
            bounds = op[1:-1].split(",")
            if not bounds[-1].strip():
                return None
            count += int(bounds[-1])
        else:  # "+" or "*"
            return None
    return count


def _max(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else max(a, b)


@dataclass(frozen=True)
class Anchors:
    """What every match of a set of patterns holds: a token whose lowercase hash is in ``words`` or
    whose text (``ORTH``) or lowercase form (``LOWER``) one of ``regexes`` finds, with at most
    ``before`` words (tokens other than whitespace) before it and ``after`` after it (None: no bound)."""

    words: frozenset[int]
    regexes: tuple[tuple[str, re.Pattern[str]], ...]
    before: int | None
    after: int | None


def anchors_of(patterns: list[Pattern], vocab: Vocab) -> Anchors | None:
    """The anchors of ``patterns`` (module docstring); None when a pattern has no required token given
    by words or an expression (a number alone): such patterns must always run.

    Each pattern's anchor is its required token given by words (``LOWER``/``ORTH``, a string or an
    ``IN`` list) with the fewest stop words ("day" rather than "the"; the last on a tie), else its
    first required token given by an expression."""
    words: set[str] = set()
    regexes: dict[tuple[str, str], None] = {}
    before: int | None = 0
    after: int | None = 0
    for pattern in patterns:
        required = [(k, t) for k, t in enumerate(pattern) if t.get("OP") in (None, "+")]
        choices = [(k, ws) for k, t in required if (ws := _words_of(t)) is not None]
        if choices:
            k, best = min(
                reversed(choices), key=lambda c: sum(vocab[w].is_stop for w in c[1]) / max(1, len(c[1]))
            )
            words.update(best)
        else:
            found = [(k, rx) for k, t in required if (rx := _regex_of(t)) is not None]
            if not found:
                return None
            k, regex = found[0]
            regexes[regex] = None
        before = _max(before, _most_words(pattern[:k]))
        tail = None if pattern[k].get("OP") == "+" else _most_words(pattern[k + 1 :])
        after = _max(after, tail)
    return Anchors(
        frozenset(vocab.strings.add(w) for w in words),
        tuple((attr, re.compile(expr)) for attr, expr in regexes),
        before,
        after,
    )


def required_words(patterns: list[Pattern], vocab: Vocab) -> frozenset[int] | None:
    """Lowercase word hashes of which a text must hold one for any of ``patterns`` to match; None
    when a pattern is anchored by an expression or by nothing (:func:`anchors_of`)."""
    anchors = anchors_of(patterns, vocab)
    return None if anchors is None or anchors.regexes else anchors.words


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once a ``Doc`` (spaCy joins every token's text each time it is read) and
    kept in its ``user_data``; a ``Doc``'s text never changes."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "cronica.text"


def keep_text(doc: Doc, text: str) -> Doc:
    """``doc`` with ``text``, the text it was parsed from, kept as :func:`doc_text` keeps it (spaCy's
    tokenizer never changes a text: ``doc.text`` is the text it was given)."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def lower_hashes(doclike: Doc | Span) -> set[int]:
    """The lowercase word hashes of a ``Doc`` or ``Span``."""
    from spacy.tokens import Doc

    from cronica.nlp.arrays import arrays

    if isinstance(doclike, Doc):
        return set(arrays(doclike).lower_hash)
    return {t.lower for t in doclike}


class TokenView:
    """What gates read of a ``Doc`` or ``Span``, taken once: each token's lowercase and verbatim
    hashes, and the positions of the tokens that are not whitespace."""

    def __init__(self, doclike: Doc | Span) -> None:
        from spacy.tokens import Doc

        from cronica.nlp.arrays import arrays

        self.doclike = doclike
        if isinstance(doclike, Doc):  # the document's arrays, shared with its other readers
            shared = arrays(doclike)
            self.lower: list[int] = shared.lower_hash
            self.orth: list[int] = shared.orth_hash
            self.words = [i for i, space in enumerate(shared.is_space) if not space]
        else:
            columns = [(t.lower, t.orth, t.is_space) for t in doclike]
            self.lower = [c[0] for c in columns]
            self.orth = [c[1] for c in columns]
            self.words = [i for i, c in enumerate(columns) if not c[2]]
        self.present = set(self.lower)
        self.orths = set(self.orth)
        self._at_lower: dict[int, list[int]] | None = None
        self._at_orth: dict[int, list[int]] | None = None

    def positions(self, lower: set[int], orth: set[int]) -> list[int]:
        """Positions, in order, of the tokens whose lowercase hash is in ``lower`` or whose verbatim
        hash is in ``orth`` (from an index of positions by hash built once a view: several matchers
        ask)."""
        found: list[int] = []
        if lower:
            if self._at_lower is None:
                self._at_lower = _index(self.lower)
            for h in lower:
                found.extend(self._at_lower.get(h, ()))
        if orth:
            if self._at_orth is None:
                self._at_orth = _index(self.orth)
            for h in orth:
                found.extend(self._at_orth.get(h, ()))
        return sorted(set(found)) if lower and orth else sorted(found)


def _index(hashes: list[int]) -> dict[int, list[int]]:
    at: dict[int, list[int]] = {}
    for i, h in enumerate(hashes):
        at.setdefault(h, []).append(i)
    return at


class GatedMatcher:
    """A ``Matcher`` holding ``rules`` (label -> patterns) that runs only when the text holds a
    required token of one of them.

    :meth:`spans` gives the matches, in their order, of a plain ``Matcher`` with the same rules and
    ``greedy`` setting; :meth:`windowed` the same matches ordered by position, reading only the
    stretches of a text around anchor tokens. Greedy filtering works within a label, so one gated
    matcher a label gives what one shared matcher gave, up to order."""

    def __init__(self, vocab: Vocab, rules: dict[str, list[Pattern]], greedy: str | None = None) -> None:
        from spacy.matcher import Matcher

        self.matcher = Matcher(vocab)
        self.vocab = vocab
        words: set[int] = set()
        regexes: dict[tuple[str, re.Pattern[str]], None] = {}
        gated = True
        before: int | None = 0
        after: int | None = 0
        for label, patterns in rules.items():
            self.matcher.add(label, patterns, greedy=greedy)
            anchors = anchors_of(patterns, vocab)
            if anchors is None:
                gated = False
                continue
            words |= anchors.words
            regexes.update(dict.fromkeys(anchors.regexes))
            before, after = _max(before, anchors.before), _max(after, anchors.after)
        #: the anchors of every rule; None: some rule has none, and the matcher always runs
        self.anchors = Anchors(frozenset(words), tuple(regexes), before, after) if gated else None
        self.words = self.anchors.words if self.anchors is not None and not regexes else None
        # tokens (by attribute and hash) already tried against the expressions, and those found
        self._tried: dict[str, set[int]] = {"LOWER": set(), "ORTH": set()}
        self._found: dict[str, set[int]] = {"LOWER": set(), "ORTH": set()}
        # the anchor expressions by the attribute they read (most matchers have none)
        self._regexes: dict[str, list[re.Pattern[str]]] = {
            attr: [r for a, r in (self.anchors.regexes if self.anchors is not None else ()) if a == attr]
            for attr in ("LOWER", "ORTH")
        }

    def can_match(self, present: set[int]) -> bool:
        """Whether a text whose lowercase word hashes are ``present`` may hold a match (a rule
        anchored by an expression: it may)."""
        if self.anchors is None or self.anchors.regexes:
            return True
        return not present.isdisjoint(self.anchors.words)

    def spans(self, doclike: Doc | Span, present: set[int] | None = None) -> list[Span]:
        """The matches as labelled spans, in the ``Matcher``'s order; none when the text holds no
        anchor (``present``: its lowercase word hashes, when known)."""
        if self.anchors is not None:
            if self.anchors.regexes:
                if not self.anchor_positions(TokenView(doclike)):
                    return []
            elif not self.can_match(lower_hashes(doclike) if present is None else present):
                return []
        return list(self.matcher(doclike, as_spans=True))

    def _by_expression(self, attr: str, keys: set[int]) -> set[int]:
        """Which of ``keys`` (hashes of ``attr``) an anchor expression finds."""
        regexes = self._regexes[attr]
        if not regexes:
            return set()
        tried, found = self._tried[attr], self._found[attr]
        new = keys - tried
        if new:
            if len(tried) + len(new) > _VERDICTS:
                tried.clear()
                found.clear()
            strings = self.vocab.strings
            found.update(k for k in new if any(r.search(strings[k]) is not None for r in regexes))
            tried.update(new)
        return keys & found

    def anchor_positions(self, view: TokenView) -> list[int]:
        """Positions (in ``view``) of the tokens that anchor a rule."""
        assert self.anchors is not None
        lower = (view.present & self.anchors.words) | self._by_expression("LOWER", view.present)
        orth = self._by_expression("ORTH", view.orths)
        if not lower and not orth:
            return []
        return view.positions(lower, orth)

    def windowed(self, view: TokenView) -> list[Span]:
        """The matches over ``view``'s document, ordered by start then end, read only in the stretches
        that can hold one (module docstring)."""
        from spacy.tokens import Doc

        doc = view.doclike
        if self.anchors is None:
            return sorted(self.matcher(doc, as_spans=True), key=lambda s: (s.start, s.end))
        anchors = self.anchor_positions(view)
        if not anchors:
            return []
        if not isinstance(doc, Doc):
            return sorted(self.matcher(doc, as_spans=True), key=lambda s: (s.start, s.end))
        segments = _windows(anchors, view.words, len(doc), self.anchors.before, self.anchors.after)
        if sum(b - a for a, b in segments) > _WHOLE * len(doc):
            segments = [(0, len(doc))]
        found: list[Span] = []
        for a, b in segments:
            found.extend(self.matcher(doc if (a, b) == (0, len(doc)) else doc[a:b], as_spans=True))
        return sorted(found, key=lambda s: (s.start, s.end))


def _windows(
    anchors: list[int], words: list[int], length: int, before: int | None, after: int | None
) -> list[tuple[int, int]]:
    """Stretches ``[a, b)`` holding ``before`` words (tokens other than whitespace) before each anchor
    position and ``after`` after it, with the whitespace around them; stretches closer than
    ``_GAP`` tokens joined (one ``Matcher`` call each)."""
    if before is None or after is None:
        return [(0, length)]
    out: list[tuple[int, int]] = []
    for i in anchors:
        r = bisect_left(words, i)
        a = words[r - before - 1] + 1 if r - before - 1 >= 0 else 0
        b = words[r + after + 1] if r + after + 1 < len(words) else length
        if out and a <= out[-1][1] + _GAP:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def match_all(matchers: list[GatedMatcher], doclike: Doc | Span) -> list[Span]:
    """Every matcher's spans over ``doclike``, ordered by start then end (for callers whose result
    does not depend on the order of matches)."""
    view = TokenView(doclike)
    return sorted((s for m in matchers for s in m.windowed(view)), key=lambda s: (s.start, s.end))
