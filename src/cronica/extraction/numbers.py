"""Quantity phrases: "eight", "More than 30", "over 500", "tens of thousands", "between 5 and 10".

In: a spaCy sentence (``Span``) and the :class:`~cronica.extraction.lexicon.Quantities` table. Out:
:class:`Quantity` matches with token bounds, the value, the qualifier and whether the words were a
vague quantity (then both the victims' and the crowds' conventional numbers are given, the caller
picks). Dates, times, percentages, money, ordinals and years are not quantities. Never raises on text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from cronica.extraction.lexicon import Quantities
from cronica.extraction.tokens import entity_of
from cronica.nlp.arrays import arrays

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
_DIGITS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$|^\d+$")


def _digits(word: str, q: Quantities) -> bool:
    """A written number with the language's thousands separator ("5,000"; Spanish "5.000")."""
    return bool((_DIGITS_DOT if q.thousands == "." else _DIGITS).match(word))


_RANGE = re.compile(r"^(\d+)\s*[-–]\s*(\d+)$")
_NON_COUNT_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"})


@dataclass(frozen=True)
class Quantity:
    """A number in a sentence. ``start``/``end`` are token indices in the Doc (end exclusive)."""

    start: int
    end: int
    value: int
    qualifier: str
    low: int | None = None
    high: int | None = None
    vague: bool = False
    crowd_value: int | None = None
    more: bool = False  # "two more": an increment on an earlier figure


_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def counts_past_the_date(tok: Token) -> bool:
    """A number right after a complete day and month ("25 Aug. Five people were killed", "01 Oct. 7
    people"): the date already has its day, so the number the NER ran into it starts what follows."""
    i = tok.i
    if i < 2 or not tok.like_num or (tok.text.isdigit() and 1900 <= int(tok.text) <= 2100):
        return False
    doc = tok.doc
    month, day = doc[i - 1], doc[i - 2]
    if month.lower_.strip(".") not in _MONTHS:
        return False
    if not (day.text.isdigit() and 1 <= int(day.text) <= 31):
        return False
    # what follows is counted, not a year or a comma: "25 Aug. Five people", not "Aug. 5, 2021"
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ not in {"PUNCT", "NUM", "SYM"} and not nxt.is_space


def _counts_despite_label(tok: Token) -> bool:
    """A number the NER put inside a DATE ("January to 57") that is not a day or a year."""
    if counts_past_the_date(tok):
        return True
    if tok.ent_type_ != "DATE" or not tok.like_num or not tok.text.isdigit():
        return False
    value = int(tok.text)
    if 1900 <= value <= 2100:
        return False
    doc = tok.doc
    ent = entity_of(tok)
    if ent is not None and value <= 31 and any(t.lower_.strip(".") in _MONTHS for t in ent):
        return False  # "Between 12 and 18 July 2021": a day of a date
    near = [
        doc[j].lower_.strip(".") for j in range(max(tok.i - 2, 0), min(tok.i + 3, len(doc))) if j != tok.i
    ]
    return not (
        value <= 31
        and any(w in _MONTHS for w in near[1:3] + near[:2])
        and tok.i > 0
        and doc[tok.i - 1].lower_ != "to"
    )


def _word_value(word: str, q: Quantities) -> int | None:
    """The value of a number written in one word ("5,000", "eight", "forty-five"), else ``None``;
    kept per word and table (every word of every sentence is asked)."""
    known = q.__dict__.get("_word_values")
    if known is None or len(known) > _KEEP:
        known = {}
        object.__setattr__(q, "_word_values", known)  # a cache, not part of the frozen table
    if word in known:
        return known[word]
    value = known[word] = _read_word_value(word, q)
    return value


_KEEP = 100_000


def _read_word_value(word: str, q: Quantities) -> int | None:
    w = word.lower().replace(q.thousands, "")
    if _digits(word, q):
        return int(w)
    if w in q.numbers and w not in q.not_alone:
        return q.numbers[w]
    if "-" in w:
        parts = w.split("-")
        if all(p in q.numbers for p in parts) and len(parts) == 2:
            return q.numbers[parts[0]] + q.numbers[parts[1]]
    return None


def _is_number_token(tok: Token, q: Quantities) -> bool:
    w = tok.lower_
    return _word_value(tok.text, q) is not None or w in q.scales or bool(_RANGE.match(tok.text))


def find_quantities(sent: Span, q: Quantities) -> list[Quantity]:
    """All quantity phrases in ``sent``, left to right, non-overlapping."""
    doc = sent.doc
    out: list[Quantity] = []
    i = sent.start
    end = sent.end
    vague_first = q.vague_first
    columns = arrays(doc)
    texts, lowers = columns.text, columns.lower
    while i < end:
        text = texts[i]
        # only a digit, a number word or the first word of a vague quantity can start one: the rest of
        # the words are passed over without reading more of them (from the document's arrays)
        if not (text[:1].isdigit() or lowers[i] in vague_first or _word_value(text, q) is not None):
            i += 1
            continue
        tok = doc[i]
        if (
            tok.ent_type_ in _NON_COUNT_ENTS
            and tok.ent_type_ != "QUANTITY"
            and not _counts_despite_label(tok)
        ):
            i += 1
            continue
        if tok.dep_ == "nummod" and tok.head.i < i and tok.head.tag_ == "NNP" and text[:1].isdigit():
            i += 1  # "Police Detachment 88", "Route 66": a number after its proper noun is of the name
            continue
        if i > sent.start and lowers[i - 1] in q.none_before and not text[:1].isdigit():
            i += 1  # "no one was hurt": nobody, no figure
            continue
        match = _vague_at(doc, i, end, q) or _number_at(doc, i, end, q)
        if match is None:
            i += 1
            continue
        start, stop, value, low, high, vague, crowd = match
        if stop < end and doc[stop].lower_ in q.units:
            i = stop  # "120mm mortars", "5 km from the town": a measure
            continue
        qualifier, qstart = _qualifier_before(doc, start, sent.start, q)
        if low is not None and high is not None:
            qualifier = "range"
        elif vague and qualifier == "exact":
            qualifier = "about"
        more = stop < end and doc[stop].lower_ in q.increment
        if not more and stop + 1 < end and doc[stop].pos_ == "NOUN" and doc[stop + 1].lower_ in q.increment:
            more = True  # "dos heridos más": the noun, then the increment word (the noun ends the words)
        if (
            not more
            and value == 1
            and start > sent.start
            and doc[start - 1].ent_type_ == "ORDINAL"
            and doc[start - 1].lower_ != "first"
        ):
            more = True  # "a fifth one died": one more after the four told
        out.append(
            Quantity(
                start=qstart,
                end=stop + (1 if more else 0),
                value=value,
                qualifier=qualifier,
                low=low,
                high=high,
                vague=vague,
                crowd_value=crowd,
                more=more,
            )
        )
        i = stop + (1 if more else 0)
    return out


def _vague_starting(q: Quantities) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """``q.vague_phrases`` by their first word (each list in the order of ``vague_phrases``), kept on
    the table."""
    found: dict[str, list[tuple[str, tuple[str, ...]]]] | None = q.__dict__.get("_vague_starting")
    if found is None:
        found = {}
        for phrase, words in q.vague_phrases:
            found.setdefault(words[0], []).append((phrase, words))
        object.__setattr__(q, "_vague_starting", found)  # a cache, not part of the frozen table
    return found


def _vague_at(
    doc: Doc, i: int, end: int, q: Quantities
) -> tuple[int, int, int, None, None, bool, int | None] | None:
    tokens = doc
    lowers = arrays(doc).lower
    if lowers[i] not in q.vague_first:
        return None
    # only the phrases that start with this word can match here, in the order of ``vague_phrases``
    for phrase, words in _vague_starting(q).get(lowers[i], ()):
        if i + len(words) > end:
            continue
        if all(lowers[i + k] == w for k, w in enumerate(words)):
            # "many", "some", "few" only count before a plural noun or "of"; never alone.
            nxt = tokens[i + len(words)] if i + len(words) < end else None
            if nxt is None:
                return None
            if words[0] in {"many", "some", "few", "several", "numerous"}:
                head = tokens[i].head
                # "several rebels", "several of them", "several pro-Hadi elements" (words between the
                # quantity and the plural noun it qualifies)
                before_noun = head.i > i and head.tag_ in {"NNS", "NNPS"} and head.i - i <= 5
                if not (nxt.tag_ in {"NNS", "NNPS"} or nxt.lower_ in {"of", "more", "others"} or before_noun):
                    return None
                if words[0] in {"few"} and i > 0 and tokens[i - 1].lower_ != "a":
                    return None
            victims, crowd = q.vague[phrase]
            return i, i + len(words), victims, None, None, True, crowd
    return None


def _number_at(
    doc: Doc, i: int, end: int, q: Quantities
) -> tuple[int, int, int, int | None, int | None, bool, int | None] | None:
    tokens = doc
    tok = tokens[i]
    m = _RANGE.match(tok.text)
    if m and tok.ent_type_ not in _NON_COUNT_ENTS:
        low, high = int(m.group(1)), int(m.group(2))
        if low < high:
            return i, i + 1, low, low, high, False, None
    first = _word_value(tok.text, q)
    if first is None:
        return None
    if tok.like_num and _digits(tok.text, q) and 1900 <= first <= 2100 and tok.ent_type_ == "DATE":
        return None
    value = first
    j = i + 1
    # tens and units in words split by the tokenizer: "Forty-five" (Forty, -, five), "twenty three"
    if not _digits(tok.text, q) and 20 <= first < 100 and first % 10 == 0:
        k = j + 1 if j < end and tokens[j].text in {"-", "–"} else j
        unit = _word_value(tokens[k].text, q) if k < end and not _digits(tokens[k].text, q) else None
        if unit is not None and 1 <= unit <= 9:
            value, j = first + unit, k + 1
    # compound number words: "one hundred", "two thousand five hundred", "3 million"
    while j < end:
        w = tokens[j].lower_
        if w in q.scales:
            value = value * q.scales[w] if value < q.scales[w] else value + q.scales[w]
            j += 1
            continue
        if w == "and" and j + 1 < end and _word_value(tokens[j + 1].text, q) is not None:
            nxt = _word_value(tokens[j + 1].text, q)
            if nxt is not None and nxt < 100 and value >= 100:
                value += nxt
                j += 2
                continue
            break
        wv = _word_value(tokens[j].text, q) if not _digits(tokens[j].text, q) else None
        if wv is not None and value >= 100 and wv < 100:
            value += wv
            j += 1
            continue
        break
    # ranges: "7-9", "between 5 and 10", "5 to 10", "5 or 6"
    if j + 1 < end and tokens[j].text in {"-", "–"}:
        nxt = _word_value(tokens[j + 1].text, q)
        if nxt is not None and nxt > value:
            return i, j + 2, value, value, nxt, False, None
    if j + 1 < end and tokens[j].lower_ in {"to", "and", "or"}:
        # "between six and about ten": a one-word qualifier of the upper end is skipped
        k = j + 2 if j + 2 < end and (tokens[j + 1].lower_,) in _one_word_qualifiers(q) else j + 1
        nxt = _word_value(tokens[k].text, q)
        before = tokens[i - 1].lower_ if i > 0 else ""
        if nxt is not None and nxt > value and (tokens[j].lower_ != "and" or before == "between"):
            return i, k + 1, value, value, nxt, False, None
    return i, j, value, None, None, False, None


def _qualifier_before(doc: Doc, start: int, sent_start: int, q: Quantities) -> tuple[str, int]:
    """The qualifier just before the number ("at least 32"), or before a preposition that governs it
    ("asciende al menos a 32")."""
    found = _qualifier_at(doc, start, sent_start, q)
    if found[0] == "exact" and start - 1 > sent_start and doc[start - 1].pos_ == "ADP":
        before = _qualifier_at(doc, start - 1, sent_start, q)
        if before[0] not in {"exact", "range"}:
            return before
    return found


def _qualifier_at(doc: Doc, start: int, sent_start: int, q: Quantities) -> tuple[str, int]:
    tokens = doc
    last = tokens[start - 1].lower_ if start > sent_start else None  # the word a phrase must end on
    for phrase, words in q.qualifier_phrases:
        s = start - len(words)
        if s < sent_start or words[-1] != last:
            continue
        if all(tokens[s + k].lower_ == w for k, w in enumerate(words)):
            if s > sent_start and phrase == "between":
                continue
            return q.qualifiers[phrase], s
    if start > sent_start and tokens[start - 1].lower_ == "between":
        return "range", start - 1
    return "exact", start


def _one_word_qualifiers(q: Quantities) -> frozenset[tuple[str, ...]]:
    """The qualifiers of one word ("about", "nearly"), as word tuples."""
    return frozenset(tuple(words) for _, words in q.qualifier_phrases if len(words) == 1)
