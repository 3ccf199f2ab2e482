"""Statements: who said, called for, threatened or denied what, to whom, when and where.

In: a parsed sentence with its triggers; dates, places and reporters come from the linkers the finder
is built with (:mod:`.dating`, :mod:`.locating`, :mod:`.attribution`). Out:
:class:`~cronica.records.Statement` records. A reporting verb whose content is an event that happened
("the Ombudsman's Office reported that eight people were killed") gives the event its ``reported_by``
and is not a statement; a call, threat or denial always is. Speech inside a quotation belongs to the
quotation's speaker. Pronoun speakers ("He added") resolve to the last person or group named.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from cronica.extraction.actors import is_group_pronoun, is_person_pronoun
from cronica.extraction.attribution import ReporterFinder
from cronica.extraction.context import DocContext
from cronica.extraction.dating import DateLinker, live_entry_date
from cronica.extraction.lexicon import Lexicon, SpeechVerb
from cronica.extraction.locating import PlaceLinker
from cronica.extraction.story import Story
from cronica.extraction.triggers import Trigger
from cronica.fields import replace
from cronica.nlp.arrays import arrays, span_text
from cronica.records import Actor, DateValue, Statement
from cronica.records import Span as TextSpan

_SKIP_DEPS = frozenset({"pcomp", "pobj", "csubj", "amod", "compound"})
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "prep", "advcl"})
_STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "press"})
_NEUTRAL = "STATEMENT"


_LEMMAS_KEPT = 200_000  # lemma verdicts kept before they are forgotten (a long run meets many)


class StatementFinder:
    """Speech verbs to statements (see the module docstring); dates, places and reporters through
    the linkers it is given."""

    def __init__(
        self, lexicon: Lexicon, dates: DateLinker, places: PlaceLinker, reporters: ReporterFinder
    ) -> None:
        self.verbs = lexicon.speech_verbs
        # "the attack claimed 12 lives": a speech verb that takes lives says nothing
        counting = lexicon.quantities.counting
        self.life_nouns = counting.life_nouns if counting is not None else frozenset()
        # each category's words as one expression: a word that starts a word of the content
        self.rules = [
            (plover, re.compile("|".join(rf"\b{re.escape(w)}" for w in words)))
            for plover, words in lexicon.content_rules
            if words
        ]
        # lemma hash -> speech verb (None: not one), filled as lemmas come
        self._verb_of: dict[int, SpeechVerb | None] = {}
        # the last sentence's speech tokens (the statement and incident readers both ask for them)
        self._last: tuple[Span, list[Token]] | None = None
        self.dates = dates
        self.places = places
        self.reporters = reporters

    def speech_tokens(self, sent: Span) -> list[Token]:
        last = self._last
        if (
            last is not None
            and last[0].doc is sent.doc
            and last[0].start == sent.start
            and last[0].end == sent.end
        ):
            return list(last[1])
        if len(self._verb_of) > _LEMMAS_KEPT:
            self._verb_of.clear()
        # the sentence's lemmas and tags from the document's arrays; a Token only for a speech verb
        doc = sent.doc
        columns = arrays(doc)
        lemma_hash, lemmas, pos = columns.lemma_hash, columns.lemma, columns.pos
        verb_of = self._verb_of
        found = []
        for i in range(sent.start, sent.end):
            lemma = lemma_hash[i]
            if lemma in verb_of:
                verb = verb_of[lemma]
            else:
                verb = verb_of[lemma] = self.verbs.get(lemmas[i])
            if verb is None or pos[i] not in {"VERB", "AUX"}:
                continue
            tok = doc[i]
            if self._speaks(verb, tok):
                found.append(tok)
        self._last = (sent, found)
        return list(found)

    def _is_speech(self, tok: Token) -> bool:
        lemma = tok.lemma
        if lemma in self._verb_of:
            verb = self._verb_of[lemma]
        else:
            verb = self._verb_of[lemma] = self.verbs.get(tok.lemma_.lower())
        if verb is None or tok.pos_ not in {"VERB", "AUX"}:
            return False
        return self._speaks(verb, tok)

    def _speaks(self, verb: SpeechVerb, tok: Token) -> bool:
        # a publishing verb speaks only with a statement noun as object ("released a statement"; not
        # "released 20 detainees", nor "a statement issued on 7 February", where the noun says it);
        # a verb that takes lives says nothing ("the attack claimed 12 lives")
        if any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in self.life_nouns for c in tok.children):
            return False
        return not verb.publishing or any(c.lemma_.lower() in _STATEMENT_NOUNS for c in tok.children)

    def find(
        self,
        ctx: DocContext,
        story: Story,
        sent: Span,
        triggers: list[Trigger],
        reported: list[Trigger],
        si: int,
        tally_verbs: frozenset[int] = frozenset(),
    ) -> list[Statement]:
        out: list[Statement] = []
        speech = [t for t in self.speech_tokens(sent) if not ctx.in_quote(t)]
        owners = [t.token for t in triggers] + speech
        speech_ids = {t.i for t in speech}
        event_words = {i for t in triggers if t.asserted for i in range(t.start, t.end)}
        for tok in speech:
            if tok.dep_ in _SKIP_DEPS or tok.i in event_words:
                continue
            interaction = self.verbs[tok.lemma_.lower()].interaction
            if interaction and any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
                continue  # "were met with repression"
            if tok.lemma_.lower() == "call" and not _calls_for(tok):
                continue
            if (
                tok.lemma_.lower() == "back"
                and tok.dep_ != "ROOT"
                and not any(c.dep_ == "dobj" for c in tok.children)
            ):
                continue
            if self._absorbed(tok, speech_ids):
                continue
            verb = self.verbs[tok.lemma_.lower()]
            subj = _speaker_token(tok) or _person_left_of(ctx, sent, tok)
            speaker = self._speaker(ctx, story, subj) if subj is not None else None
            content, content_span, quoted = _content(ctx, sent, tok)
            inner = [t for t in reported if t.token.i != tok.i and tok in t.token.ancestors]
            inner_tally = any(tok in ctx.doc[i].ancestors for i in tally_verbs)
            date = self.dates.date_for(ctx, story, sent, si, [tok], owners, allow_report=False)
            if date is not None and date.span is not None and content_span is not None:
                if content_span.start <= date.span.start < content_span.end:
                    date = None  # "called for strikes on Tuesday": the date of what was called for
            if date is None and not any(c.dep_ == "nsubj" for c in tok.children):
                # "went further Monday, claiming ... and asking ...": the clause's date
                chain = [a for a in list(tok.ancestors)[:3] if a.i in speech_ids or a.pos_ in {"VERB", "AUX"}]
                if chain:
                    date = self.dates.date_for(
                        ctx, story, sent, si, [tok, *chain], owners, allow_report=False
                    )
            reporter_text = None
            reporter_span = None
            if subj is not None:
                reporter_text, reporter_span = self.reporters.reporter_name(ctx, story, subj)
                if speaker is not None and speaker.kind == "person" and subj.pos_ == "PRON":
                    reporter_text, reporter_span = speaker.name, speaker.span
            if date is None and subj is not None and subj.lemma_.lower() in {"report", "statement"}:
                earlier = [
                    r
                    for r in story.report_dates
                    if r[0] >= si - 3 and reporter_text and r[2] == reporter_text
                ]
                if earlier:
                    date = earlier[-1][1]
            if reporter_text and date is not None and date.value:
                story.report_dates.append((si, date, reporter_text, reporter_span or TextSpan(0, 0, "")))
            elif reporter_text and verb.report and subj is not None:
                last = story.report_dates[-1][1] if story.report_dates else None
                if last is not None:
                    story.report_dates.append((si, last, reporter_text, reporter_span or TextSpan(0, 0, "")))
            if verb.report and (inner or inner_tally):
                continue  # attribution of an event, not a statement of its own
            if not content.strip():
                continue
            missing: dict[str, str] = {}
            if date is None:
                previous = story.last_statement
                if (
                    previous is not None
                    and si - story.last_statement_sent <= 2
                    and subj is not None
                    and (is_person_pronoun(subj) or is_group_pronoun(subj))
                    and previous.date.value
                ):
                    date = replace(
                        previous.date,
                        reason="no date words: date of the same speaker's statement just before",
                    )
                elif (live := live_entry_date(ctx, sent, self.dates.resolver)) is not None:
                    date = live
                elif ctx.published is not None:
                    # news convention: what a story reports as said, undated, was said that day
                    published = ctx.published.isoformat()
                    date = DateValue(
                        value=published,
                        precision="day",
                        anchor=published,
                        anchor_kind="publication",
                        reason="no date words for the statement: taken as said on the publication date",
                    )
                else:
                    date = DateValue(
                        value=None,
                        precision=None,
                        reason="no date words for the statement and no publication date",
                    )
                    missing["date"] = date.reason or ""
            plover = self._plover(verb.plover, _complement_text(tok) + " " + content, tok)
            if plover is None:
                missing["plover"] = "neutral statement: no PLOVER verbal category applies"
            content_range = (content_span.start, content_span.end) if content_span else (0, 0)
            exclude = {
                m.start
                for m in ctx.places_in(sent)
                if content_range[0] <= ctx.doc[m.start].idx < content_range[1]
            }
            place = self.places.place_for(ctx, sent, [tok], exclude=exclude)
            if place is None:
                place = self.places.country_place(
                    ctx, "no place words for the statement: country of the report"
                )
                missing["location"] = place.reason or ""
            if speaker is None:
                if tok.dep_ != "ROOT" or interaction:
                    continue  # a verb inside another clause with nobody saying it: not a statement
                missing["speaker"] = "no speaker named"
            addressee = _addressee(ctx, tok)
            statement = Statement(
                id="",  # set from the trigger by ids.with_ids
                document=ctx.document.id,
                speaker=speaker,
                plover=plover or "",
                content=content,
                content_span=content_span,
                trigger=TextSpan(tok.idx, tok.idx + len(tok.text), tok.text),
                date=date,
                location=place,
                quote=quoted,
                addressee=addressee,
                sentence=TextSpan(sent.start_char, sent.end_char, span_text(sent)),
                confidence=0.75 if speaker is not None else 0.45,
                missing=missing,
            )
            out.append(statement)
            if speaker is not None and speaker.kind == "person":
                story.last_person = speaker
            story.last_statement = statement
            story.last_statement_sent = si
        # ids are given to the final list (ids.with_ids): a dropped twin leaves no gap or clash behind
        return _drop_neutral_twins(out)

    def _absorbed(self, tok: Token, speech_ids: set[int]) -> bool:
        """ "released a statement declaring ...": the inner verb belongs to the outer one."""
        if tok.dep_ == "conj" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
            return False
        cur = tok
        for _ in range(3):
            if cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.i in speech_ids:
                return True
        return False

    def _plover(self, verb_category: str, content: str, tok: Token) -> str | None:
        if verb_category != _NEUTRAL and verb_category not in {"REQUEST"}:
            return verb_category
        low = content.lower()
        if verb_category == "REQUEST":
            if any(w in low for w in ("must", "demand")):
                return "DEMAND"
            return "REQUEST"
        for plover, expression in self.rules:
            if expression.search(low) is not None:
                return plover
        return None

    def _speaker(self, ctx: DocContext, story: Story, subj: Token) -> Actor | None:
        """The actor of a subject phrase: a named person first, then an organisation, then a generic actor."""
        if is_person_pronoun(subj):
            return story.last_person
        if is_group_pronoun(subj) or subj.lower_ in {"which", "who", "that"}:
            main = next(
                (
                    t
                    for t in ctx.actors.sentence_of(subj.i)
                    if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.i < subj.i
                ),
                None,
            )
            if main is not None and main.pos_ in {"NOUN", "PROPN"}:
                actor = speaker_actor(ctx, main)
                if actor is not None:
                    return actor
            return story.last_group or story.last_person
        return speaker_actor(ctx, subj)


def _name_chain(tok: Token) -> Span:
    """A proper name ending at ``tok`` ("Eva Copa"): ``tok`` with its PROPN compounds."""
    start = tok.i
    while start > 0 and tok.doc[start - 1].pos_ == "PROPN" and tok.doc[start - 1].dep_ == "compound":
        start -= 1
    return tok.doc[start : tok.i + 1]


def _looks_like_person(span: Span) -> bool:
    return (
        len(span) >= 2
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span)
        and not any(t.ent_type_ in {"ORG", "GPE", "LOC", "FAC"} for t in span)
    )


def speaker_actor(ctx: DocContext, subj: Token) -> Actor | None:
    """Resolve a subject phrase to an actor, preferring people, then organisations, then generic actors."""
    people: list[Actor] = []
    roles = ctx.actors.role_words
    direct = [subj, *[c for c in subj.children if c.dep_ in {"conj", "appos"}]]
    direct += [g for c in direct[1:] for g in c.children if g.dep_ in {"conj", "appos"}]
    for tok in sorted(direct, key=lambda t: t.ent_type_ != "PERSON"):
        if tok.text in ctx.actors.surnames and tok.text[:1].isupper():
            actor = ctx.actors.actor_for(tok)
            if actor is not None and all(p.name != actor.name for p in people):
                people.append(actor)
            continue
        if tok.pos_ != "PROPN" or tok.lemma_.lower() in roles or tok.lower_ in roles:
            continue
        if tok.ent_type_ == "PERSON" or tok.text in ctx.actors.surnames:
            actor = ctx.actors.actor_for(tok)
        else:
            chain = _name_chain(tok)
            actor = None
            if _looks_like_person(chain) and tok.dep_ in {"conj", "appos", "nsubj", "pobj"}:
                actor = _person_from_chain(ctx, subj, chain)
        if actor is not None and all(p.name != actor.name for p in people):
            people.append(actor)
    if people:
        first = people[0]
        if len(people) > 1:
            first = replace(first, associated=tuple(people[1:]))
        return first
    if (
        subj.pos_ == "NOUN"
        and subj.lemma_.lower() in roles
        and any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in subj.children)
    ):
        # "The governor urged ...": the governor named before
        words = ctx.doc[subj.left_edge.i : subj.right_edge.i + 1]
        known = ctx.actors.person_by_role(subj.lemma_.lower(), words)
        if known is not None:
            return known
    columns = arrays(ctx.doc)  # the subtree's words from the shared arrays: a Token only for a hit
    ent_type, texts, acronyms = columns.ent_type, columns.text, ctx.actors.acronyms
    for k in columns.subtree(subj.i):
        if ent_type[k] == "ORG" or texts[k] in acronyms:
            actor = ctx.actors.actor_for(ctx.doc[k])
            if actor is not None:
                return actor
    actor = ctx.actors.actor_in(subj)
    if actor is not None:
        return actor
    if subj.pos_ in {"PROPN", "NOUN"}:
        span = ctx.doc[subj.left_edge.i : subj.right_edge.i + 1]
        text = re.sub(r"\s+", " ", span.text).strip()
        return Actor(name=text, text=span.text, span=TextSpan(span.start_char, span.end_char, span.text))
    return None


def _person_from_chain(ctx: DocContext, subj: Token, chain: Span) -> Actor:
    """A name the NER missed, with the subject's head noun as role ("the MAS presidents ..., Eva Copa")."""
    role = None
    org = None
    roles = ctx.actors.role_words
    if subj.lemma_.lower() in roles:
        role = subj.lemma_.lower()
        for child in subj.children:
            if child.dep_ == "compound" and (child.ent_type_ == "ORG" or child.text in ctx.actors.acronyms):
                org = child.text
    if org in ctx.actors.acronyms:
        org = f"{ctx.actors.acronyms[org]} ({org})"
    name = re.sub(r"\s+", " ", chain.text)
    ctx.actors.register_person(name, TextSpan(chain.start_char, chain.end_char, chain.text), role, org)
    return Actor(
        name=name,
        text=chain.text,
        span=TextSpan(chain.start_char, chain.end_char, chain.text),
        kind="person",
        role=role,
        organisation=org,
        country=ctx.country,
    )


def _complement_text(tok: Token) -> str:
    parts = [c for c in tok.children if c.dep_ in {"ccomp", "xcomp"}]
    return " ".join(
        ctx_span.text for ctx_span in (tok.doc[p.left_edge.i : p.right_edge.i + 1] for p in parts)
    )


def _calls_for(tok: Token) -> bool:
    """ "called for", "called on", "called upon", "call to": a request, not "called Morales a liar" or
    "called the verdict political"."""
    for child in tok.children:
        if child.dep_ in {"prep", "prt"} and child.lower_ in {"for", "on", "upon"}:
            return True
        if child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"}:
            return True
    return False


def _drop_neutral_twins(statements: list[Statement]) -> list[Statement]:
    """ "accused the army of hiding artillery and said the RSF does not target civilians": one statement
    of the speaker's, coded by its strongest verb; the neutral "said" beside it is not another."""
    coded = {
        (s.sentence.start if s.sentence else None, s.speaker.name if s.speaker else None)
        for s in statements
        if s.plover not in {None, "", _NEUTRAL}
    }
    return [
        s
        for s in statements
        if s.plover not in {None, "", _NEUTRAL}
        or (s.sentence.start if s.sentence else None, s.speaker.name if s.speaker else None) not in coded
    ]


def _person_left_of(ctx: DocContext, sent: Span, verb: Token) -> Token | None:
    """No subject in the parse: a named person just before the verb's clause ("..., C. Huarachi, went")."""
    head = verb
    while head.dep_ in {"advcl", "conj", "xcomp"} and head.head.i != head.i:
        head = head.head
    organisation = None
    for i in range(head.i - 1, max(sent.start, head.i - 30) - 1, -1):
        tok = ctx.doc[i]
        if tok.ent_type_ == "PERSON" and (head.i - i <= 6 or tok.dep_ in {"conj", "appos"}):
            return tok
        if organisation is None and tok.ent_type_ == "ORG" and head.i - i <= 6:
            organisation = tok
    return organisation


def _speaker_token(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    cur = verb
    for _ in range(4):
        if cur.head.i == cur.i or cur.dep_ not in {"advcl", "xcomp", "conj", "acl", "ccomp"}:
            break
        cur = cur.head
        for child in cur.children:
            if child.dep_ == "nsubj":
                return child
    return None


def _content(ctx: DocContext, sent: Span, tok: Token) -> tuple[str, TextSpan | None, bool]:
    """The words said: the verb's complement (with any quotation in it), else a quotation next to the verb."""
    text = ctx.document.text
    parts = _content_parts(tok)
    complement: tuple[int, int] | None = None
    if parts:
        start = ctx.doc[min(p.left_edge.i for p in parts)].idx
        last = ctx.doc[max(p.right_edge.i for p in parts)]
        complement = (start, last.idx + len(last.text))
    adjacent: tuple[int, int] | None = None
    verb_end = tok.idx + len(tok.text)
    for start, end in ctx.quotes.ending_from(tok.idx - 60):  # none ending earlier can qualify
        if start - verb_end > 45:
            break
        after = 0 <= start - verb_end <= 45 and start < sent.end_char + 2
        # '"...," Interior Minister Ruth Wanjiku said' (the parser may cut the sentence at the quote)
        before = 0 <= tok.idx - end <= 60 and end >= sent.start_char - 3
        if (after or before) and end - start > 15:
            adjacent = (start, end)
            break
    quoted = False
    if complement is not None and adjacent is not None:
        inside = complement[0] <= adjacent[0] and adjacent[1] <= complement[1] + 1
        if not inside and adjacent[0] >= complement[1]:
            complement = None
    if complement is not None:
        s, e = complement
        enclosing = ctx.quotes.containing(s)
        early = [(qs, qe) for qs, qe in ctx.quotes.starting_in(s, s + 0.4 * (e - s)) if qe - qs > 15]
        if enclosing is not None:
            s, e = enclosing
        elif early and early[0][1] >= e - 2:
            s, e = early[0]
        quoted = bool(ctx.quotes.starting_in(s, e)) or ctx.quotes.inside(s)
    elif adjacent is not None:
        s, e = adjacent
        quoted = True
    else:
        return "", None, False
    words = text[s:e]
    return re.sub(r"\s+", " ", words).strip(' ,.“”"'), TextSpan(s, e, words), quoted


_ADDRESSEE_VERBS = frozenset({"tell", "ask", "urge", "invite", "warn", "accuse", "blame", "call"})
_CONTENT_PREPS = frozenset({"for", "against", "about", "over"})
_ACCUSING_VERBS = frozenset({"accuse", "blame"})


def _content_parts(tok: Token) -> list[Token]:
    """The children of a speech verb that carry what was said."""
    parts: list[Token] = []
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ in {"ccomp", "xcomp", "advcl"}:
            parts.append(c)
        elif c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS:
            parts.append(c)
        elif c.dep_ == "dobj":
            if c.lemma_.lower() in _STATEMENT_NOUNS:
                parts.extend(g for g in c.children if g.dep_ in {"acl", "advcl", "relcl"})
                parts.extend(g for g in tok.children if g.dep_ == "advcl")
            elif tok.lemma_.lower() not in _ADDRESSEE_VERBS:
                parts.append(c)
            else:
                # "accused the army of hiding artillery", "blamed the police for the deaths"
                preps = [g for g in c.children if g.dep_ == "prep" and g.lower_ in {"of", "for"}]
                parts.extend(preps)
                # "urged a great national meeting", "appealed ... urged calm": a common noun object
                # with no clause after it is what was asked for, not whom
                # "He blamed al-Shabab": whom an accusation names is what it says
                said_after = any(x.dep_ in {"xcomp", "ccomp"} and x.i > tok.i for x in tok.children)
                accusation = tok.lemma_.lower() in _ACCUSING_VERBS
                if not preps and not said_after and (accusation or (c.pos_ == "NOUN" and not c.ent_type_)):
                    parts.append(c)
        elif c.dep_ == "prep" and c.lower_ == "of" and tok.lemma_.lower() in _ADDRESSEE_VERBS:
            parts.append(c)
    return parts


def _addressee(ctx: DocContext, tok: Token) -> Actor | None:
    for child in tok.children:
        if child.dep_ in {"dobj", "dative"} and child.pos_ in {"PROPN", "NOUN"}:
            actor = ctx.actors.actor_in(child)
            if actor is not None:
                return actor
        if child.dep_ == "prep" and child.lower_ in {"on", "upon", "to"}:
            for g in child.children:
                if g.dep_ == "pobj":
                    actor = ctx.actors.actor_in(g)
                    if actor is not None:
                        return actor
    return None
