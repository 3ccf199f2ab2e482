"""The coder's own figure: an ACLED note's "Unclear fatalities coded as 10 and split between 3 locations."

ACLED's coders end a note with the number they coded when the report gave none or a vague one
("Unknown number of fatalities coded as 10.", "Dozens of fatalities coded as 12.") and say when one
toll was shared between the events of several places or days ("20 fatalities split up between 3
events.", "... coded as 10 and spread across three locations in two days."). That sentence is not a
report of deaths (nor, for "fatalities and injuries coded as 10", of injuries): it is the coding, so
its figure is the event's fatalities whatever the report's own words claim, and a toll shared between
K events gives each an even share, rounded (10 between 3: 3; 20 between 3: 7).

In: a parsed document and its events (after every stage that adds claims). Out: the events, where the
document has such a sentence, with a ``killed`` claim of qualifier ``coded`` on the events it covers
(:func:`cronica.records.acled_fatalities` takes a coded claim over every other) and without the claims
read from the note's own words. The words are :class:`CodedWords` (``conventions.yaml coded_fatalities``).
Never raises on text.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from cronica.extraction.conventions import CodedWords
from cronica.extraction.lexicon import Quantities
from cronica.extraction.numbers import Quantity, find_quantities
from cronica.fields import replace
from cronica.nlp.arrays import doc_sents
from cronica.nlp.matching import doc_text
from cronica.records import CountClaim, Event, acled_fatalities
from cronica.records import Span as TextSpan

#: event types that can carry a toll
VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests")


@dataclass(frozen=True)
class CodedToll:
    """A coder's figure: ``total`` shared between ``shares`` events, with the words it was read from."""

    total: int | None  # None: the note's own figure ("Fatalities split between 2 events.")
    shares: int
    start: int
    end: int
    each: int | None = None  # each event's figure where the coder gives it ("... across 3 events (5)")

    def share(self, note_total: int) -> int:
        """Each event's part: the coder's own, or the even share of the total (the coder's, else
        ``note_total``, the figure the note's words give), rounded half up."""
        if self.each is not None:
            return self.each
        total = self.total if self.total is not None else note_total
        return int(total / self.shares + 0.5)


def find_coded_toll(doc: Doc, words: CodedWords, quantities: Quantities) -> list[CodedToll]:
    """Every coder's toll of ``doc``, in order."""
    lower = doc_text(doc).lower()
    if not any(w in lower for w in words.counted) or not (
        words.verb in lower or any(w in lower for w in words.shared) or any(w in lower for w in words.each)
    ):
        return []
    out: list[CodedToll] = []
    for sent in doc_sents(doc):
        toll = _toll_in(sent, words, quantities)
        if toll is not None:
            out.append(toll)
    return out


def _toll_in(sent: Span, words: CodedWords, quantities: Quantities) -> CodedToll | None:
    numbers = find_quantities(sent, quantities)
    at = {q.start: q for q in numbers}
    for tok in sent:
        if not _is_counted(tok, words):
            continue
        coded = _coded_after(sent, tok, words, at)
        if coded is not None:
            total, end = coded
            shares, end = _shared_after(sent, end, words, numbers, quantities)
            return CodedToll(total, shares, _clause_start(sent, tok), end)
        before = next((q for q in numbers if q.end == tok.i and not q.vague), None)
        if before is not None and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ in words.each:
            # "Two events coded at A and B, with 1 fatality each"
            return CodedToll(None, 1, before.start, tok.i + 2, each=before.value)
        shares, end = _shared_after(sent, tok.i + 1, words, numbers, quantities)
        if shares <= 1:
            continue
        if (
            before is not None
        ):  # "20 fatalities split up between 3 events", "6 deaths (coded across 6 events)"
            return CodedToll(before.value, shares, before.start, end)
        if any(_is_counted(sent.doc[i], words) for i in range(tok.i + 1, end)):
            # "11 fatalities were recorded (11 fatalities distributed across six days)": the later one
            continue
        # "Fatalities are split across 3 events (5).": the coder's figure for this event; "Fatalities
        # split between 2 events.": the note's own figure, shared
        each, end = _bracketed_number(sent, end)
        return CodedToll(None, shares, _clause_start(sent, tok), end, each=each)
    return None


def _bracketed_number(sent: Span, at: int) -> tuple[int | None, int]:
    """The number of "(5)" starting at token ``at`` of ``sent``'s document and the token after it
    (the tokenizer may keep "8)" whole); (None, ``at``) when there is none."""
    doc = sent.doc
    if at >= sent.end or doc[at].text != "(":
        return None, at
    text = ""
    for i in range(at, min(at + 3, sent.end)):
        text += doc[i].text
        if text.endswith(")"):
            inner = text[1:-1]
            return (int(inner), i + 1) if inner.isdigit() else (None, at)
    return None, at


def _is_counted(tok: Token, words: CodedWords) -> bool:
    lower = tok.lower_
    return any(lower.startswith(w) for w in words.counted)


def _coded_after(
    sent: Span, counted: Token, words: CodedWords, at: dict[int, Quantity]
) -> tuple[int, int] | None:
    """The figure of "<counted> ... coded as N": (N, the token after it)."""
    doc = sent.doc
    for i in range(counted.i + 1, min(sent.end - 2, counted.i + 2 + words.gap)):
        if doc[i].lower_ == words.verb and doc[i + 1].lower_ == words.preposition:
            q = at.get(i + 2)
            if q is None or q.vague:
                return None
            return q.value, q.end
    return None


def _shared_after(
    sent: Span, start: int, words: CodedWords, numbers: list[Quantity], quantities: Quantities
) -> tuple[int, int]:
    """How many events a toll is shared between ("split between 3 locations in two days": 6), and
    where its words end; (1, ``start``) when the sentence shares it with none."""
    doc = sent.doc
    verb = next((i for i in range(start, sent.end) if doc[i].lower_ in words.shared), None)
    if verb is None:
        return 1, start
    prep = next((i for i in range(verb + 1, min(sent.end, verb + 4)) if doc[i].lower_ in words.between), None)
    if prep is None:
        return 1, start
    # the quantity finder reads "between 3" as the start of a range: the number after the word counts
    after = next((q for q in numbers if q.end > prep + 1 and q.start <= prep + 2), None)
    if after is None and prep + 2 < sent.end and doc[prep + 2].lemma_.lower() in words.repeat:
        # "distributed across six days": a DATE to the quantity finder, so read here
        days = _number(doc[prep + 1], quantities)
        return (max(days, 1), prep + 3) if days is not None else (1, start)
    if after is None or after.vague:
        return 1, start
    shares, end = after.value, min(after.end + 1, sent.end)
    # "... in two days" (a DATE to the quantity finder, so read here)
    if end + 2 < sent.end and doc[end].lower_ in {"in", "over", "across"}:
        times = _number(doc[end + 1], quantities)
        if times is not None and doc[end + 2].lemma_.lower() in words.repeat:
            shares, end = shares * times, end + 3
    return max(shares, 1), end


def _number(tok: Token, quantities: Quantities) -> int | None:
    if tok.text.isdigit():
        return int(tok.text)
    return quantities.numbers.get(tok.lower_) if tok.lower_ not in quantities.not_alone else None


def _clause_start(sent: Span, counted: Token) -> int:
    """The first word of the noun phrase that names what was coded ("Unknown number of fatalities")."""
    head = counted
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i < head.i:
        head = head.head.head
    return min(head.left_edge.i, counted.i)


def apply_coded_tolls(events: list[Event], doc: Doc, tolls: list[CodedToll]) -> list[Event]:
    """The coder's figure on the events it covers: the share of the note's last toll that gives a figure
    (else its first) on the document's first ``shares`` events that can carry a toll (those with killing
    words first), the claims read from the note's words removed from every event."""
    if not tolls or not events:
        return events
    # the last coding that gives a figure is the event's ("... coded as 3. Total fatalities coded as 4.")
    toll = next((t for t in reversed(tolls) if t.total is not None or t.each is not None), tolls[0])
    words = doc[toll.start : toll.end]
    lo, hi = words.start_char, words.end_char

    def outside(claim: CountClaim) -> bool:
        return claim.span is None or not (lo <= claim.span.start and claim.span.end <= hi)

    def without_note(event: Event) -> Event:
        if all(outside(c) for cs in event.counts.values() for c in cs):
            return event
        kept = {k: tuple(c for c in cs if outside(c)) for k, cs in event.counts.items()}
        return replace(event, counts={k: cs for k, cs in kept.items() if cs})

    cleaned = [without_note(e) for e in events]
    ranked = sorted(
        (i for i, e in enumerate(cleaned) if e.event_type in VIOLENT_TYPES),
        key=lambda i: (not cleaned[i].counts.get("killed"), i),
    )
    note_total = max((acled_fatalities(e.counts.get("killed", ())) for e in cleaned), default=0)
    if toll.total is None and toll.each is None and note_total == 0:
        return cleaned  # "Fatalities split between 2 events." in a note whose words give no figure
    chosen = set(ranked[: toll.shares])
    text = words.text
    claim = CountClaim(
        category="killed",
        value=toll.share(note_total),
        qualifier="coded",
        text=text,
        span=TextSpan(lo, hi, text),
        reported_by="the coder's note",
    )
    return [
        replace(e, counts={**e.counts, "killed": (*e.counts.get("killed", ()), claim)}) if i in chosen else e
        for i, e in enumerate(cleaned)
    ]


def without_unverified_claims(events: list[Event], doc: Doc, words: CodedWords) -> list[Event]:
    """``events`` without the deaths an unverified claim tells: a ``killed`` claim read from a sentence
    with claim words (``words.claims``: "claimed", "according to") that says it could not be verified
    (``words.unverified``), or that comes just before a sentence that says so ("IS Sahel claimed to
    have killed four soldiers. The information could not be independently verified.")."""
    if words.unverified is None or words.claims is None or not events:
        return events
    sents = list(doc_sents(doc))
    # a sentence's text cut from the document's (``Span.text`` joins its tokens each time)
    text = doc_text(doc)
    bounds = [(sent.start_char, sent.end_char) for sent in sents]
    spans: list[tuple[int, int]] = []
    for i, (lo, hi) in enumerate(bounds):
        if not words.unverified.search(text[lo:hi]):
            continue
        for told in (bounds[i], bounds[i - 1] if i > 0 else None):
            if told is not None and words.claims.search(text[told[0] : told[1]]):
                spans.append(told)
    if not spans:
        return events

    def claimed(claim: CountClaim) -> bool:
        return claim.span is not None and any(lo <= claim.span.start < hi for lo, hi in spans)

    out = []
    for event in events:
        killed = event.counts.get("killed", ())
        if not any(claimed(c) for c in killed):
            out.append(event)
            continue
        kept = tuple(c for c in killed if not claimed(c))
        counts = {k: v for k, v in event.counts.items() if k != "killed"}
        if kept:
            counts["killed"] = kept
        out.append(replace(event, counts=counts))
    return out
