"""Which date belongs to which event or statement, and resolving it against the right anchor.

In: the date expressions of a sentence and the tokens of a trigger or speech verb. Out: a
:class:`~cronica.records.DateValue`: the expression the trigger owns (tree distance), else the date of
the report that tells it, with the anchor chosen (publication, a quoted report's date, the event
just told). Ranges ("between 12 and 18 July") become intervals; a date after publication or relative
to an undated event stays unresolved with its reason.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from cronica.extraction.context import (
    DateMention,
    DocContext,
    paragraph_start,
    tree_distance,
)
from cronica.extraction.dates import DateResolver
from cronica.extraction.story import Story
from cronica.fields import replace
from cronica.records import (
    DateValue,
)

_THIS_WEEKDAY = re.compile(r"\bthis (?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_DAY_RANGE = re.compile(
    r"^(?:between\s+)?(?P<d1>\d{1,2})(?:\s*(?:-|–|and|to)\s*)(?P<d2>\d{1,2})\s+(?P<rest>[A-Za-z]+\.?(?:,?\s+\d{4})?)$",
    re.IGNORECASE,
)


def reported_week(ctx: DocContext) -> DateValue:
    """No date words: the report's own date, with week precision (ACLED time precision 2: the event
    happened in the week up to it), never a made-up day. The reason says the date was inferred."""
    from datetime import timedelta

    reason = "no date words linked to the event and no preceding event in the same story"
    if ctx.published is None:
        return DateValue(value=None, precision=None, reason=reason + "; publication date unknown")
    return DateValue(
        value=ctx.published.isoformat(),
        precision="week",
        anchor=ctx.published.isoformat(),
        anchor_kind="publication",
        start=(ctx.published - timedelta(days=6)).isoformat(),
        end=ctx.published.isoformat(),
        reason=reason + ": inferred as the report's date, week precision (the week up to publication)",
    )


_PRELUDE_MARKS = frozenset({"after", "when", "as", "while", "following"})


def _told_as_prelude(anchors: list[Token], owners: list[Token], mention: DateMention) -> bool:
    """ "The curfew was declared on Thursday night after a mob attacked shops": the clause that says
    what led to a dated event ("after", "when", "as") shares its day when it has no date of its own."""
    for anchor in anchors:
        clause = next((a for a in [anchor, *anchor.ancestors] if a.dep_ == "advcl"), None)
        if clause is None or not any(
            c.dep_ == "mark" and c.lower_ in _PRELUDE_MARKS for c in clause.children
        ):
            continue
        governor = clause.head
        if any(o.i == governor.i or o.head.i == governor.i for o in owners) and (
            governor in mention.root.ancestors or any(o in mention.root.ancestors for o in owners)
        ):
            return True
    return False


#: An entry of a live report: a clock time opening the paragraph ("16:25 —", "09:12 Good morning"), or
#: a stamp line of its own ("Tue 11 Mar 2025, 21:40").
_CLOCK_OPENING = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*(?:[—–-]|[A-Z]|$))")
_STAMP_LINE = re.compile(
    r"^\s*(?P<day>(?:[A-Z][a-z]{2,8},?\s+)?\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}),?\s+\d{1,2}[:.]\d{2}\s*$"
)


#: How far back (characters) a day named in the same paragraph still dates an undated sentence.
PARAGRAPH_REACH = 400
#: How far back (characters) a section heading may be to date a sentence.
HEADING_REACH = 4000


def heading_date(ctx: DocContext, sent: Span, resolver: DateResolver) -> tuple[DateValue, int] | None:
    """The date of the section ``sent`` sits under, and where its heading starts: "SATURDAY, 8 JUNE",
    "WEDNESDAY: THE BRIDGE" (a short capitalised line of its own). The nearest heading decides; one
    without a date dates nothing."""
    text = ctx.document.text
    lo = max(0, sent.start_char - HEADING_REACH)
    end = text.rfind("\n", lo, sent.start_char)
    while end > lo:
        start = text.rfind("\n", lo, end) + 1
        line = text[start:end].strip()
        end = start - 1
        if not line or not _is_heading(line):
            continue
        for part in re.split(r"\s*[:—–|,]\s*", _NUMBERING.sub("", line)):
            value = resolver.resolve(part, ctx.published, "publication")
            if value.value and value.precision == "day":
                return replace(value, text=part, reason=f"the date of the section heading {line!r}"), start
        return None
    return None


_NUMBERING = re.compile(r"^\d+(?:\.\d+)*\.?\s+")


def _is_heading(line: str) -> bool:
    """ "SATURDAY, 8 JUNE", "2.1 Athens, 6 December: anniversary march": a short line of its own, in
    capitals or numbered like a report's sections."""
    if len(line.split(None, 12)) > 12:  # a paragraph's line, not a heading (checked first: lines run long)
        return False
    letters = [c for c in line if c.isalpha()]
    if not letters or line.endswith((".", "?", "!", '"')):
        return False
    if _NUMBERING.match(line):
        return len(line.split()) <= 12
    return len(line.split()) <= 8 and all(c.isupper() for c in letters)


def live_entry_date(ctx: DocContext, sent: Span, resolver: DateResolver) -> DateValue | None:
    """The day of the live-report entry ``sent`` belongs to, when the report is timestamped: the date
    of the entry's stamp line, else the publication day for an entry opened by a clock time."""
    text = ctx.document.text
    start = paragraph_start(text, sent.start_char)
    paragraph = text[start : sent.end_char]
    first_line = paragraph.split("\n", 1)[0]
    stamp = _STAMP_LINE.match(first_line)
    if stamp is None and start > 2:
        previous = text[: start - 2].rstrip("\n").rsplit("\n", 1)[-1]
        stamp = _STAMP_LINE.match(previous)
    if stamp is not None:
        value = resolver.resolve(stamp["day"], ctx.published, "publication")
        if value.value and value.precision == "day":
            return replace(value, text=stamp["day"], reason="the date stamp of the live-report entry")
    if _CLOCK_OPENING.match(first_line) and ctx.published is not None:
        day = ctx.published.isoformat()
        return DateValue(
            value=day,
            precision="day",
            anchor=day,
            anchor_kind="publication",
            reason="an entry of a live report published that day, stamped with a time and no date",
        )
    return None


def _earlier_in_paragraph(ctx: DocContext, offset: int) -> list[DateMention]:
    """The date mentions before ``offset`` in its paragraph (at most ``PARAGRAPH_REACH`` characters
    back) that can date an event: not an "as of" date of a present perfect, not a "since" date."""
    start = max(paragraph_start(ctx.document.text, offset), offset - PARAGRAPH_REACH)
    return [m for m in ctx.dates if start <= m.span.start_char < offset and not m.perfect and not m.since]


class DateLinker:
    """Links date expressions to the triggers and speech verbs that own them and resolves them
    against the right anchor (see the module docstring). ``report_lemmas``: the reporting verbs,
    whose date is an event's only when it has none of its own."""

    def __init__(self, resolver: DateResolver, report_lemmas: frozenset[str]) -> None:
        self.resolver = resolver
        self.report_lemmas = report_lemmas

    def resolve(self, ctx: DocContext, story: Story, mention: DateMention, sent_index: int) -> DateValue:
        anchor = ctx.published
        kind = "publication"
        last = story.last_draft
        opening = (
            self._paragraph_day(ctx, mention.span.start_char)
            if mention.chained
            and last is not None
            and last.sentence.start < paragraph_start(ctx.document.text, mention.span.start_char)
            else None
        )
        if opening is not None:
            # "Ovejuyo, 11 November. Three men died ...; one of them died in hospital the next day": the
            # day that opens the paragraph, not the event told in the paragraph before (an event told in
            # this paragraph already is the anchor, as before)
            from datetime import date as _date

            anchor = _date.fromisoformat(opening)
            kind = "previous_event"
        elif mention.chained and story.last_draft is not None and story.last_draft.date.value:
            prev = story.last_draft.date
            if prev.precision == "day" and prev.value:
                from datetime import date as _date

                anchor = _date.fromisoformat(prev.value)
                kind = "previous_event"
        elif mention.in_quote:
            quoted = self._quote_report_date(ctx, story, mention.span.start_char, sent_index)
            if quoted is not None and quoted.value and quoted.precision == "day":
                from datetime import date as _date

                anchor = _date.fromisoformat(quoted.value)
                kind = "quoted_report"
        text = re.sub(r"^(since|on|in|during|until|till)\s+", "", mention.text, flags=re.IGNORECASE)
        day_range = self._day_range(text, anchor)
        if day_range is not None:
            return replace(day_range, text=mention.text, span=mention.text_span())
        relative_to_event = re.search(r"\b(after|before|later|earlier|following|next)\b", text, re.I)
        if mention.chained and kind == "publication" and relative_to_event:
            # "a day after police arrested him": relative to an event, not to the publication
            return DateValue(
                value=None,
                precision=None,
                text=mention.text,
                span=mention.text_span(),
                reason="relative to another event whose date is not known",
            )
        value = self.resolver.resolve(text, anchor, kind, mention.text_span())
        future = bool(value.value and ctx.published and value.value > ctx.published.isoformat())
        if future and value.precision == "day" and _THIS_WEEKDAY.search(text):
            # "was assassinated this Sunday" told on a Wednesday: the Sunday just past
            from datetime import date as _date
            from datetime import timedelta

            past = (_date.fromisoformat(value.value or "") - timedelta(days=7)).isoformat()
            value = replace(value, value=past, start=past, end=past)
            future = False
        if future and value.precision == "day":
            return replace(
                value,
                value=None,
                precision=None,
                text=mention.text,
                span=mention.text_span(),
                reason=f"resolved to {value.value}, after publication: not when something happened",
            )
        return replace(value, text=mention.text, span=mention.text_span())

    def paragraph_date(self, ctx: DocContext, story: Story, sent: Span, sent_index: int) -> DateValue | None:
        """The last calendar day named earlier in ``sent``'s paragraph ("On Tuesday, comuneros blocked
        the road. Around 11:00, police cleared it with tear gas"), or None."""
        best = None
        for mention in _earlier_in_paragraph(ctx, sent.start_char):
            value = self.resolve(ctx, story, mention, sent_index)
            if value.value and value.precision == "day":
                best = value
        if best is None:
            return None
        return replace(best, reason="no date words in the sentence: the day named earlier in its paragraph")

    def _paragraph_day(self, ctx: DocContext, offset: int) -> str | None:
        """The last calendar day named, in words that need no other event ("11 November", "Tuesday"),
        earlier in the paragraph of ``offset``, or None."""
        best = None
        for mention in _earlier_in_paragraph(ctx, offset):
            if mention.chained or mention.in_quote:
                continue
            value = self.resolver.resolve(mention.text, ctx.published, "publication")
            if value.value and value.precision == "day":
                best = value.value
        return best

    def _day_range(self, text: str, anchor: object) -> DateValue | None:
        """ "Between 12 and 18 July 2021", "12-18 July": an interval, precision week (or month)."""
        m = _DAY_RANGE.search(text)
        if m is None:
            return None
        end = self.resolver.resolve(f"{m['d2']} {m['rest']}", anchor, "publication")  # type: ignore[arg-type]
        if not end.value or end.precision != "day":
            return None
        from datetime import date as _date
        from datetime import timedelta

        last = _date.fromisoformat(end.value)
        first = last - timedelta(days=int(m["d2"]) - int(m["d1"]))
        if first > last:
            return None
        precision = "week" if (last - first).days <= 7 else "month"
        return DateValue(
            value=first.isoformat(),
            precision=precision,  # type: ignore[arg-type]
            anchor=end.anchor,
            anchor_kind=end.anchor_kind,
            start=first.isoformat(),
            end=last.isoformat(),
        )

    def _quote_report_date(
        self, ctx: DocContext, story: Story, offset: int, sent_index: int
    ) -> DateValue | None:
        rng = ctx.quotes.containing(offset)
        if rng is None:
            return None
        # the report that introduced the quote: the latest report date before the quote opened
        candidates = [r for r in story.report_dates if r[0] >= sent_index - 3]
        return candidates[-1][1] if candidates else None

    def date_for(
        self,
        ctx: DocContext,
        story: Story,
        sent: Span,
        sent_index: int,
        anchor_tokens: list[Token],
        owners: list[Token],
        *,
        allow_report: bool = True,
    ) -> DateValue | None:
        """The date expression of ``sent`` closest to ``anchor_tokens`` that no other owner claims
        (the next closest when the closest cannot be resolved)."""
        candidates: list[tuple[int, DateMention]] = []
        borrowed: list[tuple[int, DateMention]] = []
        for mention in ctx.dates_in(sent):
            if mention.perfect or mention.since:
                continue
            mine = min(tree_distance(mention.root, t) for t in anchor_tokens)
            others = [
                tree_distance(mention.root, o) for o in owners if all(o.i != t.i for t in anchor_tokens)
            ]
            other = min(others) if others else 99
            if self._owner_reports(mention, owners, anchor_tokens):
                if not allow_report:
                    continue
                mine += 10  # the report's date: the event's only when it has none of its own
            elif mine > other:
                if _told_as_prelude(anchor_tokens, owners, mention):
                    borrowed.append((mine, mention))
                continue
            candidates.append((mine, mention))
        candidates = candidates or borrowed
        ranked = sorted(candidates, key=lambda c: c[0])
        if (
            len(ranked) > 1
            and ranked[0][1].chained
            and 0 <= ranked[1][1].span.start_char - ranked[0][1].span.end_char <= 6  # ", on "
        ):
            # "Two days later, on October 29": the calendar date the relative one restates
            second = self.resolve(ctx, story, ranked[1][1], sent_index)
            if second.value is not None and second.precision == "day" and not ranked[1][1].chained:
                return second
        for _, mention in ranked:
            value = self.resolve(ctx, story, mention, sent_index)
            if value.value is not None or mention is candidates[-1][1]:
                return value
        return None

    def reports_day(
        self, ctx: DocContext, sent: Span, date: DateValue, anchors: list[Token], owners: list[Token]
    ) -> bool:
        """Whether ``date`` (as :meth:`date_for` gave it for ``anchors``) is the day a report told the
        event, not the event's own: "The ombudsman said on Saturday that eight people died"."""
        if date.span is None:
            return False
        mention = next((m for m in ctx.dates_in(sent) if m.span.start_char == date.span.start), None)
        return mention is not None and self._owner_reports(mention, owners, anchors)

    def _owner_reports(self, mention: DateMention, owners: list[Token], anchors: list[Token]) -> bool:
        """The nearest owner is a reporting verb that governs the anchor ("reported last night that ...")."""
        nearest = min(owners, key=lambda o: tree_distance(mention.root, o), default=None)
        if nearest is None or nearest.lemma_.lower() not in self.report_lemmas:
            return False
        if any(nearest.i == a.i for a in anchors):
            return False
        return any(nearest in a.ancestors for a in anchors)
