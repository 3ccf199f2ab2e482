"""The extract stage: events, statements and tallies of one parsed document.

In: a :class:`~cronica.records.Document` and its spaCy ``Doc``. Out: an
:class:`~cronica.records.Extraction`. Reading goes sentence by sentence, in order, so that "the
following day", "He added" and "Two more have died since" can refer to what came before:

1. triggers (:mod:`.triggers`) with modality; quantities and count claims (:mod:`.numbers`, :mod:`.counts`);
2. speech verbs become statements (:mod:`.statements`) unless they only attribute a reported event;
3. asserted triggers are grouped into incidents, coded (:mod:`.classify`), and given actors, a date
   (the expression the trigger owns, else its reporting verb's, else the story's), a place and counts;
4. running totals become tallies; incidents of the same day, place and kind merge (:mod:`.assemble`).

Built once per pipeline (matchers and lexicons load here); ``extract`` never raises on text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from cronica.extract.actors import ActorFinder, is_group_pronoun, is_person_pronoun
from cronica.extract.assemble import Draft, assemble_events
from cronica.extract.classify import classify, group_of
from cronica.extract.context import (
    DateMention,
    DocContext,
    PlaceLocator,
    PlaceMention,
    is_count_not_year,
    make_date_mention,
    tree_distance,
    with_day_range,
)
from cronica.extract.counts import CountMention, clause_of, find_counts
from cronica.extract.dates import DateFinder, DateResolver
from cronica.extract.lexicon import Lexicon, load_lexicon
from cronica.extract.numbers import find_quantities
from cronica.extract.quotes import find_quotes
from cronica.extract.statements import StatementFinder
from cronica.extract.triggers import Trigger, TriggerFinder
from cronica.records import (
    Actor,
    CountClaim,
    DateValue,
    Document,
    Event,
    Extraction,
    Place,
    Statement,
    Tally,
)
from cronica.records import Span as TextSpan

_LOCATIVE = {
    "in": 0,
    "at": 0,
    "near": 1,
    "around": 0,
    "outside": 1,
    "inside": 0,
    "across": 0,
    "of": 1,
    "from": 2,
    "to": 3,
    "into": 2,
    "on": 1,
    "throughout": 0,
}
_DAY_RANGE = re.compile(
    r"^(?:between\s+)?(?P<d1>\d{1,2})(?:\s*(?:-|–|and|to)\s*)(?P<d2>\d{1,2})\s+(?P<rest>[A-Za-z]+\.?(?:,?\s+\d{4})?)$",
    re.IGNORECASE,
)
#: Places and units that only armed forces hold: attacking one is fighting them.
_INSTALLATIONS = frozenset(
    {
        "base",
        "position",
        "camp",
        "checkpoint",
        "outpost",
        "barracks",
        "convoy",
        "patrol",
        "garrison",
        "headquarters",
        "headquarter",
        "post",
    }
)
#: Triggers whose grammatical subject undergoes the event: "ten people died", "three were wounded".
_UNDERGOER_LEMMAS = frozenset({"die", "dead", "death", "perish", "succumb", "injured", "wounded", "hurt"})
_REPORT_LEMMAS = frozenset(
    {"report", "say", "confirm", "state", "tell", "announce", "highlight", "add", "claim", "note", "cite"}
)


@dataclass
class _Story:
    """What the reader remembers from the sentences before."""

    last_draft: Draft | None = None
    last_draft_sent: int = -10
    last_person: Actor | None = None
    last_group: Actor | None = None
    last_statement: Statement | None = None
    last_statement_sent: int = -10
    report_dates: list[tuple[int, DateValue, str, TextSpan]] = field(default_factory=list)


class Extractor:
    """Reads one parsed document into records; reuse for many documents."""

    def __init__(
        self,
        nlp: Language,
        lexicon: Lexicon | None = None,
        places: PlaceLocator | None = None,
        *,
        keep_generic: bool | None = None,
    ) -> None:
        """``keep_generic`` keeps event mentions with no date, place or number of their own
        ("As protests mount"); default from ``CRONICA_KEEP_GENERIC`` (off)."""
        import os

        if keep_generic is None:
            keep_generic = os.environ.get("CRONICA_KEEP_GENERIC", "") not in {"", "0", "false"}
        self.keep_generic = keep_generic
        self.lexicon = lexicon or load_lexicon()
        self.triggers = TriggerFinder(nlp, self.lexicon)
        self.actor_finder = ActorFinder(nlp, self.lexicon)
        self.date_finder = DateFinder(nlp.vocab)
        self.resolver = DateResolver()
        self.statements = StatementFinder(self.lexicon)
        if places is None:
            from cronica.extract.places import default_locator

            places = default_locator()
        self.places = places

    # ------------------------------------------------------------------------------------------
    def extract(self, document: Document, doc: Doc) -> Extraction:
        ctx = self._context(document, doc)
        story = _Story()
        drafts: list[Draft] = []
        statements: list[Statement] = []
        tallies: list[Tally] = []
        revisions: list[tuple[int, CountClaim]] = []
        prefix = _id_prefix(document)
        for si, sent in enumerate(doc.sents):
            if not sent.text.strip():
                continue
            triggers = self.triggers.find(sent)
            quantities = find_quantities(sent, self.lexicon.quantities)
            counts = find_counts(sent, quantities, triggers)
            tally_verbs = {c.verb.i for c in counts if c.tally}
            for c in counts:
                if c.tally:  # "the number of protesters killed since ...": the killing words are the total's
                    tally_verbs.update(
                        t.token.i
                        for t in triggers
                        if t.family.count in {"killed", "injured", "arrested"}
                        and t.token.i in {x.i for x in clause_of(doc[c.quantity.start])}
                    )
            for c in counts:
                if (
                    c.tally
                    and ctx.accident_story
                    and any(
                        t.lemma_.lower() in self.lexicon.non_political
                        for t in clause_of(doc[c.quantity.start])
                    )
                ):
                    continue  # "road accidents since January": not a total of political violence
                if c.tally and self._is_revision(doc, c, drafts):
                    revisions.append(self._revision(ctx, story, sent, si, c))
                elif c.tally:
                    tallies.append(self._tally(ctx, story, sent, si, c, prefix, len(tallies)))
            reported = [t for t in triggers if t.asserted and t.token.i not in tally_verbs]
            new_statements = self.statements.find(
                self,
                ctx,
                story,
                sent,
                triggers,
                reported,
                si,
                prefix,
                len(statements),
                frozenset(tally_verbs),
            )
            statements.extend(new_statements)
            for draft in self._incidents(
                ctx, story, sent, si, reported, [c for c in counts if not c.tally], triggers
            ):
                drafts.append(draft)
                if draft.date.text or story.last_draft is None or si - story.last_draft_sent > 2:
                    # an undated draft does not cut the story: "the following day" still means the
                    # day after the last dated event
                    story.last_draft = draft
                story.last_draft_sent = si
            self._remember_subjects(ctx, story, sent)
        events = assemble_events(drafts, document, prefix, keep_generic=self.keep_generic)
        events = _apply_revisions(events, revisions)
        tallies = [self._link_tally_scope(t, events) for t in tallies]
        return Extraction(
            document=document, events=tuple(events), statements=tuple(statements), tallies=tuple(tallies)
        )

    # ------------------------------------------------------------------------------------------
    def _context(self, document: Document, doc: Doc) -> DocContext:
        quotes = find_quotes(document.text)
        mentions, country, code = self.places.locate(doc)
        actors = self.actor_finder.index(doc, country, code)
        actors.place_tokens = frozenset(i for m in mentions for i in range(m.start, m.end))
        actors.demonym = getattr(self.places, "country_name_of", None)
        found = [with_day_range(s) for s in self.date_finder(doc) if not is_count_not_year(s)]
        dates = [make_date_mention(s, quotes) for s in found]
        lead = next(iter(doc.sents), None)
        accident_story = lead is not None and any(
            t.lemma_.lower() in self.lexicon.non_political for t in lead
        )
        return DocContext(
            accident_story=accident_story,
            document=document,
            doc=doc,
            quotes=quotes,
            actors=actors,
            dates=dates,
            places=mentions,
            country=country,
            country_code=code,
        )

    # ------------------------------------------------------------------------------------------
    # dates

    def resolve(self, ctx: DocContext, story: _Story, mention: DateMention, sent_index: int) -> DateValue:
        anchor = ctx.published
        kind = "publication"
        if mention.chained and story.last_draft is not None and story.last_draft.date.value:
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

    def _day_range(self, text: str, anchor: object) -> DateValue | None:
        """"Between 12 and 18 July 2021", "12-18 July": an interval, precision week (or month)."""
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
        self, ctx: DocContext, story: _Story, offset: int, sent_index: int
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
        story: _Story,
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
                continue
            candidates.append((mine, mention))
        for _, mention in sorted(candidates, key=lambda c: c[0]):
            value = self.resolve(ctx, story, mention, sent_index)
            if value.value is not None or mention is candidates[-1][1]:
                return value
        return None

    def _owner_reports(self, mention: DateMention, owners: list[Token], anchors: list[Token]) -> bool:
        """The nearest owner is a reporting verb that governs the anchor ("reported last night that ...")."""
        nearest = min(owners, key=lambda o: tree_distance(mention.root, o), default=None)
        if nearest is None or nearest.lemma_.lower() not in _REPORT_LEMMAS:
            return False
        if any(nearest.i == a.i for a in anchors):
            return False
        return any(nearest in a.ancestors for a in anchors)

    # ------------------------------------------------------------------------------------------
    # places

    def place_for(
        self,
        ctx: DocContext,
        sent: Span,
        anchors: list[Token],
        *,
        exclude: set[int] | None = None,
        blocked: set[int] | None = None,
    ) -> Place | None:
        """The place mention of ``sent`` that locates ``anchors``: governed by a locative preposition,
        nearest in the tree, not inside a clause that reports something else (``blocked`` tokens:
        calls, threats, allegations, other speech)."""
        best: tuple[float, PlaceMention] | None = None
        anchor_ids = {a.i for a in anchors}
        for mention in ctx.places_in(sent):
            if exclude and mention.start in exclude:
                continue
            if blocked and _path_blocked(
                ctx.doc[mention.start : mention.end].root, anchors, blocked - anchor_ids
            ):
                continue
            tok = ctx.doc[mention.start]
            prep = _governing_prep(ctx.doc[mention.start : mention.end])
            if prep is None and not _place_like_role(ctx.doc[mention.start : mention.end], anchors):
                continue
            if prep == "of" and not _part_of_place(ctx.doc[mention.start : mention.end]):
                continue
            if _aftermath_place(ctx.doc[mention.start : mention.end]):
                continue
            penalty = _LOCATIVE.get(prep or "", 1.5)
            distance = min(tree_distance(tok, a) for a in anchors) + penalty * 2
            if mention.place.precision == 3 and mention.place.status != "resolved":
                distance += 3
            elif mention.place.precision == 3:
                distance += 2  # "in Konduga, in Borno state": the town, not the region
            if best is None or distance < best[0]:
                best = (distance, mention)
        if best is None:
            return None
        return best[1].place

    def _preceding_place(self, ctx: DocContext, sent: Span) -> Place | None:
        """The nearest resolved place named before ``sent`` in its paragraph, or in the document's
        opening line (a dateline: "jaipur: ...")."""
        text = ctx.document.text
        paragraph_start = text.rfind("\n\n", 0, sent.start_char) + 1
        best = None
        for mention in ctx.places:
            tok = ctx.doc[mention.start]
            if mention.place.status != "resolved":
                continue
            after = tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].text in {":", "—", "–"}
            dateline = tok.idx < 120 and (mention.start <= 2 or after)
            if tok.i >= sent.start and not (dateline and tok.i < sent.end):
                continue
            if tok.idx < paragraph_start and not dateline:
                continue
            best = mention
        if best is None:
            return None
        return replace(
            best.place, reason="no place words linked to the event: nearest preceding place of the story"
        )

    def country_place(self, ctx: DocContext, reason: str) -> Place:
        if ctx.country_code:
            return Place(
                name=None,
                country=ctx.country,
                country_code=ctx.country_code,
                precision=3,
                status="country_only",
                reason=reason,
            )
        return Place(name=None, status="unresolved", reason=reason + "; no country found in the document")

    # ------------------------------------------------------------------------------------------
    # incidents

    def _incidents(
        self,
        ctx: DocContext,
        story: _Story,
        sent: Span,
        si: int,
        triggers: list[Trigger],
        counts: list[CountMention],
        all_triggers: list[Trigger] | None = None,
    ) -> list[Draft]:
        if not triggers:
            return []
        all_triggers = all_triggers or triggers
        groups: dict[str, list[Trigger]] = {}
        for t in triggers:
            groups.setdefault(group_of(t), []).append(t)
        protest_words = self._protest_context(ctx, sent, groups)
        if "violence" in groups and "protest" in groups:
            groups["violence"] = groups["violence"] + groups.pop("protest")
        if "arrest" in groups and "protest" in groups:
            groups["arrest"] = groups["arrest"] + groups.pop("protest")
        if "property" in groups and "violence" in groups:
            # "a drone attack on the port damaged grain stores": the damage is the attack's
            groups["violence"] = groups["violence"] + groups.pop("property")
        if "arrest" in groups and "violence" in groups and protest_words:
            # arrests at a dispersed protest are a count of that event (ACLED), not an event of their own
            groups["violence"] = groups["violence"] + groups.pop("arrest")
        owners = [t.token for t in triggers] + self.statements.speech_tokens(sent)
        accident = ctx.accident_story or any(t.lemma_.lower() in self.lexicon.non_political for t in sent)
        drafts = []
        for group, members in groups.items():
            members = sorted(members, key=lambda t: (t.family.name == "protest", t.start))
            anchors = [t.token for t in members]
            # "declared a state of emergency on Saturday", "staged a march in Lima": the light verb's
            # date and place are the event's
            anchors += [
                t.token.head
                for t in members
                if t.token.dep_ in {"dobj", "attr"} and t.token.head.pos_ == "VERB"
            ]
            actor1, actor2, associated = self._actors_for(ctx, sent, members, group, protest_words)
            if (
                accident
                and group in {"violence", "property", "arrest"}
                and not _political(actor1, protest_words)
                and not _political(actor2, protest_words)
            ):
                continue  # an accident or a disaster (and the arrests after it), not political violence
            typed = classify(
                members if group == "arrest" else [m for m in members if group_of(m) == group] or members,
                protest_context=protest_words,
                actor1_kind=actor1.kind if actor1 else None,
                actor2_kind=actor2.kind if actor2 else None,
            )
            if (
                typed.event_type == "Protests"
                and typed.sub_event_type != "Peaceful protest"
                and actor2 is None
            ):
                actor2 = self._protesters(ctx, sent)
            if typed.event_type == "Protests" and typed.sub_event_type == "Peaceful protest":
                actor1 = self._as_protesters(ctx, actor1) if actor1 else self._protesters(ctx, sent)
            elif typed.event_type == "Protests" and actor2 is not None:
                actor2 = self._as_protesters(ctx, actor2)
            if actor1 is not None and associated:
                actor1 = replace(actor1, associated=tuple(associated))
            if (
                typed.sub_event_type == "Protest with intervention"
                and actor2 is not None
                and actor2.inter == 6
            ):
                # ACLED: the protesters are actor 1, the force that intervened actor 2
                actor1, actor2 = actor2, actor1
            missing: dict[str, str] = {}
            date = self.date_for(ctx, story, sent, si, anchors, owners)
            inherited_date = False
            own_date_words = date is not None
            same_story = (
                story.last_draft is not None
                and si - story.last_draft_sent <= 2
                and {story.last_draft.group, group} <= {"violence", "protest", "arrest"}
            )
            if date is None:
                prev = story.last_draft
                if prev is not None and same_story and prev.date.value and prev.date.text:
                    date = replace(
                        prev.date, reason="no date words in the sentence: date of the event just described"
                    )
                    inherited_date = True
                else:
                    date = _reported_week(ctx)
            blocked = {t.token.i for t in all_triggers if not t.asserted} | {
                t.i for t in self.statements.speech_tokens(sent)
            }
            place = self.place_for(ctx, sent, anchors, blocked=blocked)
            own_place_words = place is not None
            inherited_place = False
            if place is None:
                prev = story.last_draft
                if prev is not None and same_story and prev.location.status != "unresolved":
                    place = prev.location
                    inherited_place = True
                else:
                    place = self._preceding_place(ctx, sent) or self.country_place(
                        ctx, "no place words linked to the event: country of the report"
                    )
                    inherited_place = place.status == "resolved"
            event_counts = self._claims(ctx, story, sent, si, counts, members, group)
            confidence = _confidence(date, place, actor1, event_counts, inherited_date)
            if actor1 is None:
                missing["actor1"] = "no perpetrator or participant named in the sentence"
            if actor2 is None:
                missing["actor2"] = "no target or victim named in the sentence"
            if not date.value:
                missing["date"] = date.reason or "no date"
            if place.status != "resolved":
                missing["location"] = place.reason or "place not resolved"
            drafts.append(
                Draft(
                    sentence_index=si,
                    sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
                    trigger=TextSpan(
                        typed.main.token.doc[typed.main.start].idx,
                        typed.main.token.doc[typed.main.end - 1].idx
                        + len(typed.main.token.doc[typed.main.end - 1].text),
                        typed.main.text,
                    ),
                    event_type=typed.event_type,
                    sub_event_type=typed.sub_event_type,
                    plover=typed.plover,
                    group=group,
                    date=date,
                    date_inherited=inherited_date,
                    location=place,
                    place_inherited=inherited_place,
                    actor1=actor1,
                    actor2=actor2,
                    counts=event_counts,
                    confidence=confidence,
                    missing=missing,
                    reported_by=tuple(
                        {c.reported_by for cl in event_counts.values() for c in cl if c.reported_by}
                    ),
                    specific=own_date_words
                    or (own_place_words and place.precision in {1, 2})
                    or bool(event_counts)
                    or inherited_date,
                )
            )
        return drafts

    def _protest_context(self, ctx: DocContext, sent: Span, groups: dict[str, list[Trigger]]) -> bool:
        if "protest" in groups:
            return True
        for tok in sent:
            hit = ctx.actors.generic_at.get(tok.i)
            if hit is not None and hit[0].kind == "protesters":
                return True
        return False

    def _protesters(self, ctx: DocContext, sent: Span) -> Actor:
        for tok in sent:
            hit = ctx.actors.generic_at.get(tok.i)
            if hit is not None and hit[0].kind == "protesters":
                actor = ctx.actors.actor_for(tok)
                if actor is not None:
                    return actor
        country = ctx.country or "unknown country"
        return Actor(name=f"Protesters ({country})", inter=6, kind="protesters", country=ctx.country)

    def _as_protesters(self, ctx: DocContext, actor: Actor) -> Actor:
        if actor.kind in {"civilians", None, "protesters"} or actor.inter == 7:
            country = ctx.country or "unknown country"
            return replace(actor, name=f"Protesters ({country})", inter=6, kind="protesters")
        if actor.kind in {"union", "party", "organisation"}:
            country = ctx.country or "unknown country"
            return Actor(
                name=f"Protesters ({country})",
                inter=6,
                kind="protesters",
                country=ctx.country,
                text=actor.text,
                span=actor.span,
                associated=(actor,),
            )
        return actor

    def _actors_for(
        self, ctx: DocContext, sent: Span, members: list[Trigger], group: str, protest: bool
    ) -> tuple[Actor | None, Actor | None, list[Actor]]:
        """Perpetrator (or participants) and target (or victims) of an incident."""
        agents: list[Token] = []
        patients: list[Token] = []
        for t in members:
            tok = t.token
            undergoer = (
                tok.lemma_.lower() in _UNDERGOER_LEMMAS
            )  # "ten people died": the subject is the victim
            for child in tok.children:
                if child.dep_ == "agent":
                    agents.extend(g for g in child.children if g.dep_ == "pobj")
                elif child.dep_ in {"nsubj"}:
                    (patients if undergoer else agents).append(child)
                elif child.dep_ in {"nsubjpass", "dobj"}:
                    patients.append(child)
                elif child.dep_ in {"compound", "amod", "poss"} and tok.pos_ == "NOUN":
                    agents.append(child)
                elif child.dep_ == "prep" and child.lower_ in {"in", "during", "by"}:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            agents.append(pobj)
                            agents.extend(c for c in pobj.children if c.dep_ in {"compound", "amod"})
                elif child.dep_ == "prep" and child.lower_ in {"on", "against", "at"}:
                    patients.extend(g for g in child.children if g.dep_ == "pobj")
            if (
                tok.dep_ in {"xcomp", "advcl", "conj", "acl", "relcl"}
                and tok.head.pos_ in {"VERB", "NOUN"}
                and tok.head.lemma_.lower() not in self.lexicon.speech_verbs
                and not undergoer
            ):
                for child in tok.head.children:
                    if child.dep_ == "nsubj":
                        agents.append(child)
                    if child.dep_ == "nsubjpass":
                        patients.append(child)
            if tok.dep_ == "relcl" and tok.head.pos_ == "NOUN":
                patients.append(tok.head) if tok.pos_ == "VERB" and any(
                    c.dep_ == "auxpass" for c in tok.children
                ) else None
        national = self._national_forces(ctx, members)
        for t in members:  # "The Peruvian government declared a state of emergency"
            if t.token.dep_ in {"dobj", "attr"} and t.token.head.pos_ == "VERB":
                agents.extend(c for c in t.token.head.children if c.dep_ == "nsubj")
        actor1 = self._first_actor(ctx, agents) or national
        actor2 = self._target(ctx, patients) or self._installation(ctx, patients)
        if group == "protest":
            actor1 = actor1 or actor2
            actor2 = None if actor2 is actor1 else actor2
        if actor1 is None and group == "violence":
            # an armed actor anywhere in the sentence that is not the victim, and not who reported it
            armed = []
            for tok in sent:
                hit = ctx.actors.generic_at.get(tok.i)
                if hit is None or hit[0].inter not in {1, 2, 3, 4} or hit[0].kind == "ombudsman":
                    continue
                root = ctx.doc[hit[1] : hit[2]].root
                if root.dep_ == "nsubj" and root.head.lemma_.lower() in self.lexicon.speech_verbs:
                    continue  # "Ukraine's air force said": who reported it
                cand = ctx.actors.actor_for(tok)
                if cand is not None and (actor2 is None or cand.name != actor2.name):
                    armed.append(cand)
            armed.sort(key=lambda a: a.kind == "government")
            actor1 = armed[0] if armed else None
        if actor2 is None and group in {"violence", "arrest"}:
            for tok in sent:
                hit = ctx.actors.generic_at.get(tok.i)
                if hit is not None and hit[0].inter in {6, 7}:
                    cand = ctx.actors.actor_for(tok)
                    if cand is not None and (actor1 is None or cand.name != actor1.name):
                        actor2 = cand
                        break
        associated: list[Actor] = []
        if actor1 is not None and actor1.text and "-" in actor1.text:
            for part in actor1.text.lower().split("-")[1:]:
                for generic in self.lexicon.generic_actors:
                    if part in generic.words and generic.kind != actor1.kind:
                        name = generic.name.replace("{country}", ctx.country or "unknown country")
                        associated.append(
                            Actor(
                                name=name,
                                text=actor1.text,
                                span=actor1.span,
                                inter=generic.inter,
                                kind=generic.kind,
                                country=ctx.country,
                            )
                        )
        if group == "protest" and actor1 is not None:
            for tok in sent:
                if tok.ent_type_ == "ORG" or tok.text in ctx.actors.acronyms:
                    org = ctx.actors.actor_for(tok)
                    if (
                        org is not None
                        and org.kind in {"union", "party"}
                        and all(a.name != org.name for a in associated)
                    ):
                        associated.append(org)
        return actor1, actor2, associated

    def _national_forces(self, ctx: DocContext, members: list[Trigger]) -> Actor | None:
        """ "A Russian drone attack", "Israeli airstrikes": that country's forces did it."""
        if ctx.actors.demonym is None:
            return None
        for t in members:
            if t.token.pos_ != "NOUN":
                continue
            words = ctx.doc[t.start : t.end]
            for child in [c for w in words for c in w.children if c.i < words.start or c.i >= words.end]:
                if child.dep_ not in {"amod", "compound"} or child.ent_type_ != "NORP":
                    continue
                name = ctx.actors.demonym(child.text)
                if name:
                    span = ctx.doc[child.i : child.i + 1]
                    return Actor(
                        name=f"Military Forces of {name}",
                        text=child.text,
                        span=TextSpan(span.start_char, span.end_char, span.text),
                        inter=1,
                        kind="military",
                        country=name,
                    )
        return None

    def _target(self, ctx: DocContext, tokens: list[Token]) -> Actor | None:
        """The victims or target: people and forces before an organisation named in the object
        ("struck the outskirts of Ariha, killing 2 civilians": the civilians)."""
        found = [a for a in (self._actor_in(ctx, t) for t in tokens) if a is not None]
        if not found:
            return self._first_actor(ctx, tokens)
        found.sort(key=lambda a: a.kind in {None, "organisation"} or a.inter is None)
        return found[0]

    def _installation(self, ctx: DocContext, tokens: list[Token]) -> Actor | None:
        """ "attacked a base", "ambushed a convoy": the forces that hold it are the target."""
        for tok in tokens:
            if tok.lemma_.lower() in _INSTALLATIONS:
                country = ctx.country or "unknown country"
                span = ctx.doc[tok.left_edge.i : tok.i + 1]
                return Actor(
                    name=f"Military Forces of {country}",
                    text=span.text,
                    span=TextSpan(span.start_char, span.end_char, span.text),
                    inter=1,
                    kind="military",
                    country=ctx.country,
                )
        return None

    def _first_actor(self, ctx: DocContext, tokens: list[Token]) -> Actor | None:
        for tok in tokens:
            actor = self._actor_in(ctx, tok)
            if actor is not None:
                return actor
        # "two military camps", "a police post": an actor named by a modifier of the target
        for tok in tokens:
            for child in tok.children:
                if child.dep_ in {"amod", "compound"}:
                    actor = ctx.actors.actor_for(child)
                    if actor is not None:
                        return actor
        return None

    def _actor_in(self, ctx: DocContext, tok: Token) -> Actor | None:
        actor = ctx.actors.actor_for(tok)
        if actor is not None:
            return actor
        if is_person_pronoun(tok):
            return None
        # "thousands of workers", "the COB head, Carlos Huarachi"
        for child in tok.children:
            if child.dep_ in {"prep"} and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        actor = ctx.actors.actor_for(pobj)
                        if actor is not None:
                            return actor
            if child.dep_ == "appos":
                actor = ctx.actors.actor_for(child)
                if actor is not None:
                    return actor
        return None

    # ------------------------------------------------------------------------------------------
    # counts and tallies

    def _claims(
        self,
        ctx: DocContext,
        story: _Story,
        sent: Span,
        si: int,
        counts: list[CountMention],
        members: list[Trigger],
        group: str,
    ) -> dict[str, tuple[CountClaim, ...]]:
        member_tokens = {t.token.i for t in members}
        out: dict[str, list[CountClaim]] = {}
        for c in counts:
            if c.category == "participants" and group not in {"protest", "violence", "arrest"}:
                continue
            if c.category in {"killed", "injured"} and group not in {"violence"}:
                continue
            if c.category == "arrested" and group not in {"arrest", "violence"}:
                continue
            if c.verb.i not in member_tokens and group != "violence" and c.category != "participants":
                continue
            reporter, reporter_span = self.reporter_for(ctx, story, c.verb, si)
            q = c.quantity
            words = ctx.doc[c.start : c.end]
            out.setdefault(c.category, []).append(
                CountClaim(
                    category=c.category,  # type: ignore[arg-type]
                    value=q.value,
                    qualifier=q.qualifier if not c.increment else "exact",  # type: ignore[arg-type]
                    text=words.text,
                    span=TextSpan(words.start_char, words.end_char, words.text),
                    low=q.low,
                    high=q.high,
                    vague=q.vague,
                    reported_by=reporter,
                    reported_by_span=reporter_span,
                    update_of=-1 if c.increment else None,
                )
            )
        return {k: tuple(v) for k, v in out.items()}

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

    def _tally(
        self, ctx: DocContext, story: _Story, sent: Span, si: int, c: CountMention, prefix: str, n: int
    ) -> Tally:
        doc = ctx.doc
        since: DateValue | None = None
        as_of: DateValue | None = None
        for mention in ctx.dates_in(sent):
            if mention.since or (mention.span.start > 0 and doc[mention.span.start - 1].lower_ == "since"):
                since = self.resolve(ctx, story, mention, si)
        report_verb = next((a for a in c.verb.ancestors if a.lemma_.lower() in _REPORT_LEMMAS), None)
        if report_verb is not None:
            for mention in ctx.dates_in(sent):
                if mention.since:
                    continue
                if tree_distance(mention.root, report_verb) <= 2:
                    as_of = self.resolve(ctx, story, mention, si)
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
        reporter, reporter_span = self.reporter_for(ctx, story, c.verb, si)
        what = _tally_what(c, sent)
        words = doc[c.start : c.end]
        place = self.place_for(ctx, sent, [c.verb]) or self.country_place(
            ctx, "no place words for the total: country of the report"
        )
        if since is None:
            missing["since"] = "no start of the period stated"
        if reporter is None:
            missing["reported_by"] = "no reporting source named"
        return Tally(
            id=f"{prefix}-t{n + 1}",
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
            sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
            confidence=0.7 if reporter else 0.55,
            missing=missing,
        )

    def _is_revision(self, doc: Doc, c: CountMention, drafts: list[Draft]) -> bool:
        """ "The toll rose to 18": a new figure for the event just told, not a running total over many.
        A total with a scope ("since November", "the number of", "total") stays a tally."""
        clause = {t.lemma_.lower() for t in clause_of(doc[c.quantity.start])}
        if not clause & {"toll"} or clause & {"since", "total", "number", "overall", "cumulative"}:
            return False
        return any(c.category in d.counts for d in drafts)

    def _revision(
        self, ctx: DocContext, story: _Story, sent: Span, si: int, c: CountMention
    ) -> tuple[int, CountClaim]:
        words = ctx.doc[c.start : c.end]
        reporter, reporter_span = self.reporter_for(ctx, story, c.verb, si)
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
        )
        return sent.start_char, claim

    def _link_tally_scope(self, tally: Tally, events: list[Event]) -> Tally:
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

    # ------------------------------------------------------------------------------------------
    def _remember_subjects(self, ctx: DocContext, story: _Story, sent: Span) -> None:
        for tok in sent:
            if tok.dep_ not in {"nsubj", "nsubjpass"} or ctx.in_quote(tok):
                continue
            if is_person_pronoun(tok) or is_group_pronoun(tok):
                continue
            from cronica.extract.statements import speaker_actor

            actor = speaker_actor(self, ctx, tok)
            if actor is None:
                continue
            if actor.kind == "person":
                story.last_person = actor
            elif (
                actor.kind in {"union", "party", "organisation", "government", "ombudsman"}
                or actor.inter is None
            ):
                story.last_group = actor


def _apply_revisions(events: list[Event], revisions: list[tuple[int, CountClaim]]) -> list[Event]:
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


def _reported_week(ctx: DocContext) -> DateValue:
    """No date words: the event happened in the week before publication (ACLED time precision 2)."""
    from datetime import timedelta

    reason = "no date words linked to the event and no preceding event in the same story"
    if ctx.published is None:
        return DateValue(value=None, precision=None, reason=reason + "; publication date unknown")
    start = (ctx.published - timedelta(days=6)).isoformat()
    return DateValue(
        value=start,
        precision="week",
        anchor=ctx.published.isoformat(),
        anchor_kind="publication",
        start=start,
        end=ctx.published.isoformat(),
        reason=reason + ": the week before publication",
    )


def _political(actor: Actor | None, protest: bool = False) -> bool:
    """An actor of political violence; police making an arrest after an accident are not one,
    unless protesters are involved."""
    if actor is None:
        return False
    if actor.kind in {"police", "government"} and not protest:
        return False
    return actor.inter in {1, 2, 3, 4, 5, 6}


def _path_blocked(tok: Token, anchors: list[Token], blocked: set[int]) -> bool:
    """True when the way up from ``tok`` to every anchor passes a blocked token."""
    ancestors = [tok, *tok.ancestors]
    for anchor in anchors:
        anchor_line = {a.i for a in [anchor, *anchor.ancestors]}
        path = []
        for a in ancestors:
            if a.i in anchor_line:
                break
            path.append(a.i)
        if not any(i in blocked for i in path):
            return False
    return True


def _governing_prep(span: Span) -> str | None:
    root = span.root
    cur = root
    for _ in range(3):
        if cur.dep_ == "pobj":
            return cur.head.lower_
        if cur.dep_ in {"compound", "appos", "conj", "npadvmod"}:
            cur = cur.head
            continue
        break
    return None


_PLACE_PART_NOUNS = frozenset(
    {
        "port",
        "harbour",
        "harbor",
        "airport",
        "suburbs",
        "downtown",
        "governorate",
        "township",
        "suburb",
        "outskirts",
        "city",
        "town",
        "village",
        "district",
        "province",
        "region",
        "part",
        "centre",
        "center",
        "north",
        "south",
        "east",
        "west",
        "heart",
        "streets",
        "capital",
        "area",
        "department",
        "state",
        "county",
        "neighbourhood",
        "neighborhood",
        "municipality",
        "outskirt",
    }
)


_AFTERMATH_NOUNS = frozenset(
    {"hospital", "clinic", "morgue", "mortuary", "station", "court", "prison", "jail", "cell", "custody"}
)


def _aftermath_place(span: Span) -> bool:
    """ "treated at the Ramgarh Sadar hospital", "held at Central Police Station": where victims or
    detainees were taken, not where the event happened."""
    doc = span.doc
    following = [t for t in doc[span.end : span.end + 3] if t.pos_ in {"NOUN", "PROPN"}]
    words = {t.lemma_.lower() for t in [*span, *following[:2]]}
    return bool(words & _AFTERMATH_NOUNS)


def _part_of_place(span: Span) -> bool:
    """ "a suburb of Cochabamba", "the outskirts of Lahore": "of" that locates."""
    head = span.root.head.head if span.root.dep_ == "pobj" else None
    return head is not None and head.lemma_.lower() in _PLACE_PART_NOUNS


def _place_like_role(span: Span, anchors: list[Token]) -> bool:
    """A place without a preposition still locates when it modifies the trigger ("the Lahore blast")
    or is the subject of a locative sentence; a place inside an adjective ("US-backed") never does."""
    root = span.root
    if any(t.text == "-" for t in span.doc[span.end : span.end + 1]):
        return False
    if root.dep_ in {"compound", "nmod", "amod"} and any(root.head.i == a.i for a in anchors):
        return True
    return False


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


def _tally_what(c: CountMention, sent: Span) -> str:
    doc = sent.doc
    for tok in sent:
        if tok.lemma_.lower() in {"total", "toll", "tally", "number"}:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
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
    if noun is not None and noun.pos_ == "NOUN":
        return f"{noun.text} {label}"
    return label


def _confidence(
    date: DateValue,
    place: Place,
    actor1: Actor | None,
    counts: dict[str, tuple[CountClaim, ...]],
    inherited: bool,
) -> float:
    score = 0.35
    if date.value:
        score += 0.2 if not inherited else 0.1
    if place.status == "resolved":
        score += 0.15
    elif place.country_code:
        score += 0.05
    if actor1 is not None:
        score += 0.1
    if counts:
        score += 0.15
    return min(score, 0.95)


def _id_prefix(document: Document) -> str:
    digest = hashlib.sha1(f"{document.id}\0{document.text}".encode()).hexdigest()[:10]
    return digest
