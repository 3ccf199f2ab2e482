"""Count claims: "eight people were killed", "More than 30 others were injured", "tens of thousands marched".

In: a parsed sentence, its quantities (:mod:`cronica.extraction.numbers`) and triggers. Out:
:class:`CountMention` objects: the category (killed, injured, arrested, participants), the value and
qualifier, the words, the verb the number hangs on, and whether it is a running total (a tally:
"brought the total to at least 32", "over 500 have been arrested since November 10") or an
increment on an earlier figure ("Two more have died"). Numbers that count things that are not people
("40 gasoline trucks") are left out. Never raises on text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from cronica.extraction.lexicon import CountingWords
from cronica.extraction.numbers import Quantity, counts_past_the_date
from cronica.extraction.triggers import NAMES_WHAT_IS_COUNTED, Trigger, weapon_noun
from cronica.nlp.arrays import arrays, span_text
from cronica.records import HARM_CATEGORIES


@dataclass(frozen=True)
class CountMention:
    quantity: Quantity
    category: str
    start: int  # token bounds of the words (number and what it counts)
    end: int
    verb: Token  # the token the category came from
    tally: bool
    increment: bool
    # "the number of people who died in yesterday's confrontation at the bridge rose to nine": a total
    # whose words restrict it to one incident told by its day or place ("confrontation"); that incident's toll
    incident: Token | None = None
    # "2 fatalities.": a toll told in a sentence of its own, with no verb; it belongs to the event told
    # just before (Remember), never to an event of its own
    alone: bool = False
    # "the toll from Friday's massacre has risen to 132", "23 people are now known to have died": the
    # figure is told as a revised toll of its incident (``CountClaim.revised``)
    revised: bool = False

    @property
    def one_incident(self) -> bool:
        return self.incident is not None

    def words(self) -> str:
        doc = self.verb.doc
        return doc[self.start : self.end].text


def find_counts(
    sent: Span, quantities: list[Quantity], triggers: list[Trigger], w: CountingWords
) -> list[CountMention]:
    """Attach each quantity of ``sent`` to a count category, when it counts people."""
    doc = sent.doc
    trigger_at = {i: t for t in triggers for i in range(t.start, t.end)}
    out: list[CountMention] = [*_single_victims(sent, quantities, triggers, w)]
    for q in quantities:
        number_tok = doc[q.end - 1] if not q.more else doc[q.end - 2]
        if number_tok.dep_ == "conj" and q.start <= number_tok.head.i < number_tok.i:
            number_tok = number_tok.head  # "between 8 and 16 Fulani gunmen": the range's first number counts
        noun = _counted_noun(number_tok, q, sent, w)
        if noun is None or _subset(doc[q.start], number_tok, noun, w) or _age(doc, q.start, q.end):
            continue
        if q.start > sent.start and doc[q.start - 1].lower_ in w.label_words:
            continue  # "High School No 5": a name's number, no count
        if q.more and _own_place(number_tok):
            continue  # "ten killed in Sacaba and ten more in Senkata": another place's figure, no increment
        if noun.dep_ == "pobj" and noun.head.dep_ == "agent":
            continue  # "killed by three gunmen": the perpetrators, not the victims
        found = _category(noun, number_tok, sent, trigger_at, w, range(q.start, q.end))
        if found is None and _has_tally_words(sent, w):
            found = _category_from_sentence(sent, triggers, w, number_tok)
        if found is None:
            continue
        category, verb = found
        if category != "participants" and (
            _told_as_cause(verb, w) or _before_the_protest(verb, trigger_at, w) or _what_a_person_did(verb, w)
        ):
            continue  # "to protest the police killing of 3 men": deaths of an earlier event
        if category != "participants" and _either_or(verb, sent.end):
            continue  # "3 militants were killed, injured or captured": no one knows how many died
        toll_noun = noun.lemma_.lower() in w.toll_nouns and noun.lemma_.lower() not in w.person_nouns
        if category == "participants" and q.vague and q.crowd_value is None:
            continue  # "an unknown number of protesters": a vague phrase with no crowd figure
        if category == "participants" and q.vague and q.crowd_value is not None:
            q = Quantity(
                q.start, q.end, q.crowd_value, q.qualifier, q.low, q.high, True, q.crowd_value, q.more
            )
        words_end = max(q.end, noun.i + 1)
        if category != "participants" and verb.i >= words_end and verb.i - words_end <= 4:
            words_end = verb.i + 1
        elif doc[min(words_end, len(doc) - 1)].text == "[" and words_end + 2 < len(doc):
            words_end = words_end + 3
        if words_end < len(doc) and doc[words_end].text == "]":
            words_end += 1
        tally = (
            (_is_tally(noun, verb, sent, w) or _is_tally(noun, number_tok, sent, w))
            and not q.more
            and (category != "participants" or _has_tally_words(sent, w))  # crowds "since morning"
        )
        incident = _one_incident(sent, trigger_at, w) if tally else None
        alone = toll_noun and not tally and _verbless(sent, w)
        if toll_noun and not tally and not alone and not _incident_result(noun, w):
            continue  # "212 deaths" counts only as a running total; an incident's toll names its people
        out.append(
            CountMention(
                quantity=q,
                category=category,
                start=q.start,
                end=min(words_end, sent.end),
                verb=verb,
                tally=tally,
                increment=q.more,
                incident=incident,
                alone=alone,
                revised=category in _REVISED_CATEGORIES and _told_revised(number_tok, incident, w),
            )
        )
    return _why_it_rose(_sum_conjuncts(sorted(out, key=lambda c: c.quantity.start), sent, w), w)


#: the categories a revised toll is told of: the dead and the wounded grow as an incident is counted
_REVISED_CATEGORIES = frozenset({"killed", "injured"})


def _why_it_rose(counts: list[CountMention], w: CountingWords) -> list[CountMention]:
    """ "The toll ... rose to 18 after a police officer was burned to death": the people of a reason
    clause (``reason_marks``) of a revised toll are counted in it, not a figure of their own."""
    out = list(counts)
    for r in counts:
        if not r.revised:
            continue
        doc = r.verb.doc
        head = _clause_head(doc[r.quantity.start])
        reasons = [
            c
            for c in head.children
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in w.reason_marks for m in c.children)
        ]
        inside = {t.i for c in reasons for t in c.subtree}
        out = [m for m in out if m is r or m.category != r.category or not ({m.verb.i, m.start} & inside)]
    return out


def _clause_head(tok: Token) -> Token:
    """The head of the clause ``tok`` belongs to (see :func:`clause_positions`)."""
    head = tok
    for _ in range(6):
        if head.dep_ in {"ROOT", "ccomp", "advcl", "relcl", "conj"} and head.pos_ in {"VERB", "AUX"}:
            break
        if head.head.i == head.i:
            break
        head = head.head
    return head


def _told_revised(number: Token, incident: Token | None, w: CountingWords) -> bool:
    """ "The death toll from Friday's massacre in Solhan has risen to 132" (a toll of one incident told
    with a verb of ``revision_verbs``), "23 people are now known to have died" (a word of
    ``revision_adverbs`` in the count's clause): the figure revises what was told of that incident."""
    clause = clause_of(number)
    if incident is not None and any(t.lemma_.lower() in w.revision_verbs for t in clause):
        return True
    return any(t.lower_ in w.revision_adverbs and t.pos_ == "ADV" for t in clause)


def _either_or(verb: Token, end: int) -> bool:
    """ "were killed, injured or captured", "killed or wounded": the verb is one of alternatives, so the
    number is no count of any one of them (``end``: where the verb's sentence ends)."""
    doc = verb.doc
    j, alternatives, either = verb.i + 1, 0, False
    while j < min(end, verb.i + 8):
        tok = doc[j]
        if tok.lower_ == "or":
            either = True
        elif tok.pos_ == "VERB" and tok.tag_ in {"VBN", "VBD"}:
            alternatives += 1
        elif tok.text != "," and tok.lower_ != "and":
            break
        j += 1
    return either and alternatives > 0


def _verbless(sent: Span, w: CountingWords) -> bool:
    """A sentence with no verb but a participle that reports the figure: "2 fatalities.", "At least 5
    deaths and 3 injuries.", "4 fatalities reported." """
    doc = sent.doc
    pos = arrays(doc).pos
    return not any(
        pos[i] in {"VERB", "AUX"} and doc[i].lemma_.lower() not in w.toll_participles
        for i in range(sent.start, sent.end)
    )


def _incident_result(noun: Token, w: CountingWords) -> bool:
    """A toll noun that is what an incident resulted in: "clashed ..., resulting in 5 deaths", "which
    resulted in 6 deaths", "the blast caused 3 deaths", "leading to the death of one demonstrator" (the
    object of a result verb, or of its "in" or "to")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in {"in", "to"}:
        head = head.head
    elif noun.dep_ != "dobj":
        return False
    return head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() in w.result_verbs


def _told_as_cause(verb: Token, w: CountingWords) -> bool:
    """The count's verb sits in what a protest was about ("to protest the police killing of 3 men",
    "a march over the arrest of 5"): casualties told there belong to an earlier event
    (``cause_heads`` in quantities.yaml)."""
    return any(a.lemma_.lower() in w.cause_heads and a.i < verb.i for a in verb.ancestors)


def _before_the_protest(verb: Token, trigger_at: dict[int, Trigger], w: CountingWords) -> bool:
    """The count's verb sits in a clause that says what a protest followed ("blocked a road to protest
    after two men were found dead", "held a demonstration after police shot dead a driver"): the
    casualties are an earlier event's (``reason_marks`` in quantities.yaml)."""
    for tok in [verb, *verb.ancestors]:
        if tok.dep_ != "advcl":
            continue
        if not any(c.dep_ == "mark" and c.lower_ in w.reason_marks for c in tok.children):
            return False
        head = tok.head
        return any(
            (found := trigger_at.get(t.i)) is not None
            and found.family.name in _CROWD_FAMILIES
            and found.asserted
            for t in [head, *(c for c in head.children if c.dep_ in {"dobj", "nsubj", "nsubjpass", "xcomp"})]
        )
    return False


def _the_doers(noun: Token) -> bool:
    """``noun`` names who did the event told: its subject, or in its "by" phrase ("they were attacked
    by an armed group of around 50 youth who killed a police officer": their killing is the event)."""
    tok = noun
    for _ in range(6):
        if tok.dep_ in {"nsubj", "agent"}:
            return True
        if tok.pos_ in {"VERB", "AUX"} or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


#: the trigger families of what a crowd does: a protest or a riot told with "after" follows the deaths
_CROWD_FAMILIES = frozenset({"protest", "riot"})


def _what_a_person_did(verb: Token, w: CountingWords) -> bool:
    """The count's verb is a relative clause that says what people had done ("a mob attacked a man
    who had allegedly killed his father", "houses of cultists who killed a resident"): its dead belong
    to that earlier deed, not to the event told."""
    for tok in [verb, *verb.ancestors]:
        if tok.dep_ == "relcl" and tok.i == verb.i:
            # the killing verb itself (a verb the parser joined to the clause is the main story's:
            # "killing a boy who was playing outside and wounding his mother")
            told_of = tok.head
            return (
                told_of.pos_ in {"NOUN", "PROPN"}
                and _people(told_of, w)
                and any(c.dep_ == "nsubj" and c.tag_ in {"WP", "WDT"} for c in tok.children)
                and not _the_doers(told_of)
            )
        if tok.dep_ in {"ROOT", "advcl", "ccomp"}:
            return False
    return False
    return False


def _own_place(number_tok: Token) -> bool:
    """The number carries a place of its own ("ten more in Senkata, El Alto")."""
    return any(
        c.dep_ == "prep" and any(t.ent_type_ in {"GPE", "LOC", "FAC"} for t in c.subtree)
        for c in number_tok.children
    )


def _age(doc: Doc, start: int, end: int) -> bool:
    """ "two women, aged 54 and 60", "a man in his 30s", "children as young as 9": ages, not counts."""
    before = [t.lower_ for t in doc[max(0, start - 3) : start]]
    if before and (before[-1] in {"aged", "ages", "age"} or before[-2:] == ["age", "of"]):
        return True
    if before[-2:] == ["between", "ages"] or (len(before) >= 3 and before[-3:-1] == ["aged", "between"]):
        return True
    after = [t.lower_ for t in doc[end : end + 2]]
    return after[:2] == ["years", "old"] or (bool(after) and after[0] in {"-year", "year-old", "-year-old"})


def _subset(first: Token, number_tok: Token, noun: Token, w: CountingWords) -> bool:
    """ "killing eight people, including two children", "nine were killed, two of them civilians",
    "among them two teenagers": a part of a figure already given, not a figure of its own."""
    doc = first.doc
    before = [t.lower_ for t in doc[max(0, first.i - 3) : first.i]]
    if any(word in w.subset_words for word in before[-2:]):
        return True
    # "Two were killed, one from each side", "two apiece": a share of a figure told
    after = [t.lower_ for t in doc[number_tok.i + 1 : number_tok.i + 3]]
    if after[:1] and (
        after[0] in w.distributive or (after[0] in {"from", "on", "for"} and after[1:2] == ["each"])
    ):
        return True
    if before[-2:] in (["among", "them"], ["among", "whom"], ["among", "those"]):
        return True
    for tok in (noun, number_tok):
        if tok.dep_ == "pobj" and tok.head.lower_ in w.subset_words:
            return True
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in w.of:
                if any(g.lower_ in w.subset_pronouns for g in child.children) and _figure_before(first):
                    return True
    return False


def start_of_sentence_before(tok: Token) -> int:
    """The first token of the sentence before ``tok``'s (of its own sentence at the document's start):
    where what ``tok`` may refer back to begins."""
    start = tok.sent.start
    return tok.doc[start - 1].sent.start if start > 0 else start


def _figure_before(tok: Token) -> bool:
    """A number told before ``tok`` in its sentence or the one before ("nine were killed, two of them
    civilians"); without one, "attacked a group of farmers, killing five of them" gives the only figure."""
    doc = tok.doc
    return any(
        t.like_num and t.ent_type_ not in {"DATE", "TIME"} for t in doc[start_of_sentence_before(tok) : tok.i]
    )


def _figure_earlier_in_sentence(tok: Token) -> bool:
    """A number told before ``tok`` in its own sentence (not a date or time)."""
    return any(t.like_num and t.ent_type_ not in {"DATE", "TIME"} for t in tok.doc[tok.sent.start : tok.i])


def _one_phrase_apart(between: Span, w: CountingWords) -> bool:
    """The words between two figures are the first figure's noun phrase (at most eight words, no verb,
    no punctuation) and one "and" right before the second."""
    words = list(between)
    return (
        2 <= len(words) <= 9
        and words[-1].lower_ in w.and_
        and not any(
            t.lower_ in w.and_ or (t.is_punct and t.text != "-") or t.pos_ in {"VERB", "AUX"}
            for t in words[:-1]
        )
    )


def _sum_conjuncts(counts: list[CountMention], sent: Span, w: CountingWords) -> list[CountMention]:
    """ "two rebels and one soldier dead": parts of one figure (3), not competing claims; "killing 2
    civilians and kidnapping 2" is two figures."""
    doc = sent.doc
    out: list[CountMention] = []
    for c in counts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.category == c.category
            and prev.verb.i == c.verb.i
            and not prev.tally
            and not c.tally
            and not c.increment
            and any(t.lower_ in w.and_ for t in doc[prev.quantity.end : c.quantity.start])
            and (
                c.quantity.start - prev.quantity.end <= 4
                # "24 members of the Islamist militia group and 6 soldiers": a longer first noun phrase,
                # the "and" right before the second figure and no other break between
                or _one_phrase_apart(doc[prev.quantity.end : c.quantity.start], w)
            )
            # "killing 2 civilians and kidnapping 2": a verb between says the second figure is of
            # another act, not a part of this one
            and not any(
                t.pos_ in {"VERB", "AUX"} or t.tag_ in {"VBG", "VBN", "VBD"}
                for t in doc[prev.quantity.end : c.quantity.start]
            )
        ):
            q = Quantity(
                prev.quantity.start,
                c.quantity.end,
                prev.quantity.value + c.quantity.value,
                "exact" if prev.quantity.qualifier == c.quantity.qualifier == "exact" else "at_least",
            )
            out[-1] = CountMention(q, c.category, prev.start, max(prev.end, c.end), c.verb, False, False)
            continue
        out.append(c)
    return out


def _single_victims(
    sent: Span, quantities: list[Quantity], triggers: list[Trigger], w: CountingWords
) -> list[CountMention]:
    """ "A 35-year-old man was beaten to death", "a protester was shot dead": one person."""
    doc = sent.doc
    # numbers already counted ("a 20-year-old student" is one person, its age no count)
    counted = {i for q in quantities if not _age(doc, q.start, q.end) for i in range(q.start, q.end + 2)}
    out = []
    taken: set[int] = set()
    trigger_at = {i: t for t in triggers for i in range(t.start, t.end)}
    for t in triggers:
        # a trigger whose family counts nothing may still say what befell its victim ("was lynched")
        count = t.family.count or w.category_words.get(t.token.lower_)
        if not t.asserted or count not in HARM_CATEGORIES:
            continue
        if _before_the_protest(t.token, trigger_at, w) or _what_a_person_did(t.token, w):
            continue
        verb = t.token
        if verb.dep_ in {"oprd", "acomp", "xcomp"} and verb.head.lemma_.lower() in w.found_verbs:
            verb = verb.head  # "a teacher was found dead": the one found is the one who died
        # "Un joven murió": the subject of a verb the victim undergoes (languages that list them)
        victim_deps = {"nsubjpass", "dobj"} | (
            {"nsubj"} if verb.lemma_.lower() in w.undergoer_verbs else set()
        )
        # "A civilian was shot and killed", "gunmen shot and killed a driver": a killing verb joined to
        # another shares the victim it does not name itself ("was shot and died" is left to the figures:
        # in a longer report it tells one of the people a figure counted)
        children = list(verb.children)
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.lemma_.lower() not in w.undergoer_verbs:
            own = {c.dep_ for c in children}
            children += [c for c in verb.head.children if c.dep_ not in own]
        elif verb.pos_ == "VERB" and not any(c.dep_ in {"dobj", "nsubjpass"} for c in children):
            # "killed and mutilated a farmer": the object of the verb joined to it is its victim too
            children += [
                c
                for v in verb.conjuncts
                if v.i > verb.i and v.pos_ == "VERB"
                for c in v.children
                if c.dep_ == "dobj"
            ]
        stranded = _stranded_subject(verb)
        if stranded is not None:
            children.append(stranded)
        for child in children:
            if (
                (child.dep_ not in victim_deps and child is not stranded)
                or child.i in counted
                or child.i in taken
            ):
                continue
            if child.dep_ == "nsubj" and _the_one_told_of(child, w):
                # "He later died in hospital", "The clerk died in the fire": the one person told of
                # before died (where no figure was told, which the death might be one of)
                q = Quantity(child.i, child.i + 1, 1, "exact")
                taken.add(child.i)
                out.append(CountMention(q, count, child.i, child.i + 1, verb, tally=False, increment=False))
                continue
            if child.dep_ == "dobj" and child.lower_ in w.one_person_pronouns and not _figure_before(child):
                # "a bomb exploded under his car, killing him and his nephew": the one person told of,
                # and each person joined to him
                joined = [c for c in child.conjuncts if c.i > child.i and one_person(c, w)]
                end = max([child.i, *(c.i for c in joined)]) + 1
                taken.update([child.i, *(c.i for c in joined)])
                q = Quantity(child.i, end, 1 + len(joined), "exact")
                out.append(CountMention(q, count, child.i, end, verb, tally=False, increment=False))
                continue
            ordinal = next((c for c in child.children if c.ent_type_ == "ORDINAL"), None)
            if ordinal is not None and (
                ordinal.lower_ not in w.later_ordinals
                or count != "killed"
                or verb.lemma_.lower() in w.found_verbs
            ):
                # "the first victim": one of a toll already told; "two were killed; a third man was
                # arrested": the third of the people told of, not a third arrest; "a fourth body was
                # found", "a second assailant was found dead": a body found, left to the coder
                continue
            det = next((c for c in child.children if c.dep_ in {"det", "nummod", "poss"}), None)
            # (a name after an attack verb is as often its target place: "shelled Fakkeh")
            if det is None and t.family.name in {"lethal", "arrest"} and _named_person(child, w):
                # "killed Homa Bay CEC executive, Dony Opar", "kills Todonyang chief Ekal Lochamin",
                # "shot dead John Kamau, a local trader": one person named by name
                first = min([child.i, *(c.i for c in child.children if c.dep_ == "compound")])
                # "killed Mary Wanjiru and Peter Otieno": each name joined to the first
                names = [child, *(c for c in child.conjuncts if c.i > child.i and _named_person(c, w))]
                end = max(c.i for c in names) + 1
                taken.update(c.i for c in names)
                q = Quantity(first, end, len(names), "exact")
                out.append(CountMention(q, count, first, end, verb, tally=False, increment=False))
                continue
            # "a Policeman was killed": a person noun capitalised mid-sentence, counted by its article
            capitalised = child.tag_ == "NNP" and det is not None and det.lower_ in w.one
            if (
                (child.tag_ != "NN" and not capitalised)
                or det is None
                or not (_person(child, w) or _glossed_person(child, w))
            ):
                continue
            # "shot dead the former deputy governor", "killed his neighbour": one person named by role; a
            # bare "the man" is someone told of before
            named = (
                det.dep_ == "poss"
                or (
                    det.lower_ in w.definite
                    and any(c.dep_ in {"amod", "compound", "prep"} and c.i != det.i for c in child.children)
                )
            ) and not (
                # "Nine were killed ...; they also shot dead the chairman": one of the figure's people or
                # one more, never a competing toll of one ("abducted 2 doctors after killing their
                # guard" counts the guard: the figure is of another kind)
                _figure_earlier_in_sentence(child)
                and any(o.family.count == count and o.token.i < verb.i for o in triggers if o is not t)
            )
            # "another protester", "a fourth body was found": one more of a toll already told
            more = det.lower_ in w.one_more or ordinal is not None
            # "clashed with a member of the group, killing the man", "the police returned fire and
            # killed the gunman": the one person told of before, with no figure told before him
            told = (
                det.lower_ in w.definite
                and child.dep_ == "dobj"
                and count == "killed"
                and not _figure_before(child)
            )
            # "a woman and her son", "a farmer and his brother": each person joined to the first
            # "a soldier, a man and two women": the parser takes the second for the first's apposition;
            # one with a conjunct of its own is an item of a list, not the first told again
            items = [
                a for a in child.children if a.dep_ == "appos" and any(c.dep_ == "conj" for c in a.children)
            ]
            joined = [
                c
                for c in (*child.conjuncts, *items, *(c for a in items for c in a.conjuncts))
                if c.i > child.i and c.i not in counted and one_person(c, w)
            ]
            # "the driver, his assistant and one of the passengers were killed": people named one by one
            # are each one of the victims, whatever their article (a figure among them counts itself)
            listed = bool(joined) and det.lower_ in w.definite
            if det.lower_ not in w.one and not named and not more and not told and not listed:
                continue
            end = max([child.i, *(c.i for c in joined)]) + 1
            taken.update([child.i, *(c.i for c in joined)])
            q = Quantity(det.i, end, 1 + len(joined), "exact")
            out.append(CountMention(q, count, det.i, end, verb, tally=False, increment=more))
    out.extend(_resulting_deaths(sent, triggers, counted | taken, w))
    out.extend(_one_victim_noun(triggers, counted | taken, w))
    return out


def _one_victim_noun(triggers: list[Trigger], counted: set[int], w: CountingWords) -> list[CountMention]:
    """ "El enfrentamiento dejó un muerto": a victim word that is itself the person ("muerto",
    "herido", "detenido", "un fallecido": ``category_words``), singular, with "un"/"una" (``one``): one
    person; also a victim word joined to the trigger ("dos muertos y un herido")."""
    out = []
    seen = set(counted)
    for t in triggers:
        # "dejó dos muertos y un herido": the victim words joined to the trigger's count too
        for noun in (t.token, *t.token.conjuncts):
            count = w.category_words.get(noun.lower_)
            if count is None or noun.i in seen or (noun.i == t.token.i and count != t.family.count):
                continue
            # "un fallecido": a participle made a noun by its article
            if noun.pos_ not in {"NOUN", "ADJ"}:
                continue
            if "Plur" in noun.morph.get("Number", []) or noun.tag_ in {"NNS", "NNPS"}:
                continue
            det = next((c for c in noun.children if c.dep_ in {"det", "nummod"} and c.i < noun.i), None)
            if det is None or det.lower_ not in w.one:
                continue
            seen.add(noun.i)
            q = Quantity(det.i, noun.i + 1, 1, "exact")
            out.append(CountMention(q, count, det.i, noun.i + 1, noun, tally=False, increment=False))
    return out


def _stranded_subject(verb: Token) -> Token | None:
    """The subject of a passive verb that the parser hung elsewhere: in "In Yapacaní, Santa Cruz, a
    23-year-old man was shot dead", "man" comes out as an apposition of "Cruz". The noun right before
    the passive auxiliary, when the verb has no subject of its own and the noun is an apposition or a
    conjunct (never a noun that is another word's subject or object)."""
    if any(c.dep_ in {"nsubjpass", "nsubj"} for c in verb.children):
        return None
    aux = [c for c in verb.children if c.dep_ == "auxpass" and c.i < verb.i]
    if not aux:
        return None
    first = min(c.i for c in aux)
    if first == 0:
        return None
    noun = verb.doc[first - 1]
    return noun if noun.dep_ in {"appos", "conj"} and noun.tag_ in {"NN", "NNS"} else None


def _resulting_deaths(
    sent: Span, triggers: list[Trigger], counted: set[int], w: CountingWords
) -> list[CountMention]:
    """ "exchanged fire, resulting in the death of a local man": one person whose death (or injury,
    or arrest) an incident resulted in."""
    out = []
    for t in triggers:
        noun = t.token
        count = t.family.count
        if count not in HARM_CATEGORIES or noun.lemma_.lower() not in w.toll_nouns:
            continue
        # "resulting in the death of a local man"; "confirmed the death of a man" (a death told as news:
        # the trigger rules let only a death of someone not told before through)
        if not (_incident_result(noun, w) or t.asserted):
            continue
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in w.of:
                continue
            for person in prep.children:
                det = next((c for c in person.children if c.dep_ == "det"), None)
                if (
                    person.dep_ == "pobj"
                    and person.tag_ == "NN"
                    and person.i not in counted
                    and det is not None
                    and det.lower_ in w.one
                    and _person(person, w)
                ):
                    q = Quantity(det.i, person.i + 1, 1, "exact")
                    out.append(
                        CountMention(q, count, det.i, person.i + 1, noun, tally=False, increment=False)
                    )
    return out


def one_person(tok: Token, w: CountingWords) -> bool:
    """ "her son", "a farmer", "one driver": a singular person noun with its determiner (no figure
    above one); a singular noun someone has ("his companion", "her colleague") is a person."""
    possessed = any(d.dep_ == "poss" for d in tok.children)
    return (
        tok.tag_ == "NN"
        and (possessed or _person(tok, w))
        and any(d.dep_ in {"det", "poss", "nummod"} for d in tok.children)
        and not any(d.dep_ == "nummod" and d.lower_ not in w.one for d in tok.children)
    )


def _the_one_told_of(tok: Token, w: CountingWords) -> bool:
    """ "He", "She", "The clerk": one person told of before, with no figure told before them."""
    if tok.lower_ in w.one_person_pronouns:
        pass
    elif not (
        tok.tag_ == "NN"
        and _person(tok, w)
        and any(c.dep_ == "det" and c.lower_ in w.definite for c in tok.children)
    ):
        return False
    return not _figure_before(tok)


def _named_person(tok: Token, w: CountingWords) -> bool:
    """One person named without an article: a person's name ("John Kamau"), or a role word with a
    name beside it ("Todonyang chief Ekal Lochamin", "CEC executive, Dony Opar")."""
    if tok.tag_ not in {"NN", "NNP"}:
        return False
    if tok.tag_ == "NNP" and tok.ent_type_ == "PERSON":
        # a one-word "name" before the verb is as often a dateline's city the NER took for a person
        return tok.dep_ == "dobj" or any(c.dep_ == "compound" for c in tok.children)
    beside = [c for c in tok.children if c.dep_ in {"compound", "appos"}]
    if tok.tag_ == "NNP":
        return any(c.tag_ == "NN" and _person(c, w) for c in beside)
    return any(c.tag_ == "NNP" and c.dep_ == "appos" and c.ent_type_ in {"PERSON", ""} for c in beside)


def _people(noun: Token, w: CountingWords) -> bool:
    """A noun that names one person or several ("trader", "residents", "herders")."""
    return _person(noun, w) or (
        noun.lower_.endswith(w.person_plural_suffixes) and noun.lemma_.lower() not in w.not_person_nouns
    )


def _glossed_person(noun: Token, w: CountingWords) -> bool:
    """A word of another language glossed in brackets by a person noun ("the local mukhtar (mayor)",
    "the village sheikh (elder)"): the gloss says it is a person."""
    doc = noun.doc
    return any(
        c.dep_ == "appos" and c.i > 0 and doc[c.i - 1].text == "(" and _person(c, w) for c in noun.children
    )


def _person(noun: Token, w: CountingWords) -> bool:
    """A noun that names one person: a person noun ("suspect", "priest", "son") or a person suffix
    ("driver", "governor", "chairman")."""
    return noun.lemma_.lower() in w.person_nouns or noun.lower_.endswith(w.person_singular_suffixes)


def _counted_noun(number_tok: Token, q: Quantity, sent: Span, w: CountingWords) -> Token | None:
    """The noun a number counts ("eight people" -> people), or the number itself when it stands alone."""
    if counts_past_the_date(number_tok):
        # "25 Aug. Five people were killed", parsed with "Five" under "Aug.": it counts the noun after it
        after = number_tok.doc[number_tok.i + 1 : min(number_tok.i + 4, sent.end)]
        noun = next((t for t in after if t.pos_ == "NOUN"), None)
        return noun if noun is not None and _people(noun, w) else None
    if number_tok.dep_ == "nummod" or (
        number_tok.dep_ in {"amod", "quantmod", "compound"} and number_tok.head.pos_ == "NOUN"
    ):
        noun = number_tok.head
        while noun.dep_ in {"nummod", "quantmod", "compound"} and noun.head.i != noun.i:
            noun = noun.head
    else:
        noun = number_tok
    # "thousands of workers", "tens of thousands of people"
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in w.of:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (pobj.lemma_.lower() in w.person_nouns or pobj.pos_ == "NUM"):
                    return noun
    lemma = noun.lemma_.lower()
    if noun is number_tok or noun.pos_ in {"NUM", "PRON"}:
        return noun
    if noun.pos_ in {"VERB", "ADJ"} and noun.i > number_tok.i and noun.lower_ in w.category_words:
        return number_tok  # "leaving at least 12 injured" parsed with the number under "injured"
    if lemma in w.toll_nouns:
        return noun  # "212 civilian deaths", "63 detentions"
    if lemma in w.life_nouns and noun.head.lemma_.lower() in w.life_verbs:
        return noun  # "claimed 32 lives"
    if lemma in w.person_nouns or noun.lower_ in w.person_nouns:
        return noun
    if (
        noun.tag_ == "NNS"
        and noun.lower_.endswith(w.person_plural_suffixes)
        and lemma not in w.not_person_nouns
    ):
        return noun  # worshippers, residents, civilians, policemen, activists (not sites, incidents, tents)
    if (
        noun.tag_ == "NN"
        and q.value == 1
        and noun.lower_.endswith(w.person_singular_suffixes)
        and lemma not in w.not_person_nouns
    ):
        return noun  # "1 policewoman", "one pastoralist", "1 TMF fighter": one person
    if noun.ent_type_ == "NORP":
        return noun
    if any(c.dep_ in {"amod", "compound"} and c.ent_type_ == "NORP" for c in noun.children):
        return noun  # "12 Sudanese Misseriya", "3 Afghan commandos": a people or its members
    return None


def _weapon(tok: Token, trigger_at: dict[int, Trigger]) -> bool:
    """Whether ``tok`` is a trigger that names a weapon ("a grenade", "rockets"): what someone used."""
    trigger = trigger_at.get(tok.i)
    return trigger is not None and weapon_noun(trigger.family.name)


def _category(
    noun: Token,
    number_tok: Token,
    sent: Span,
    trigger_at: dict[int, Trigger],
    w: CountingWords,
    words: range = range(0),
) -> tuple[str, Token] | None:
    """What the number counts; ``words`` are the quantity's own tokens."""
    doc = sent.doc
    # "the crisis has claimed 32 lives", "the attack cost 12 lives": lives taken are deaths
    if (
        noun.lemma_.lower() in w.life_nouns
        and noun.dep_ in {"dobj", "obj"}
        and noun.head.lemma_.lower() in w.life_verbs
    ):
        return "killed", noun.head
    # "the death of one demonstrator", "the arrest of 27 suspects": the toll noun they are "of" says it
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ in w.of and of.head.lemma_.lower() in w.body_nouns:
        # "the bodies of two men were discovered": what befell the bodies befell the people
        noun, of = of.head, of.head.head
    if noun.dep_ == "pobj" and of.lower_ in w.of and of.head.lemma_.lower() in w.toll_nouns:
        cat = _token_category(of.head, trigger_at, w)
        if cat is None and _incident_result(of.head, w):  # "leading to the death of one demonstrator"
            cat = w.victim_words.get(of.head.lemma_.lower())
        if cat:
            return cat, of.head
    # the noun names what happened to them: "212 civilian deaths", "63 detentions"
    if noun.lemma_.lower() in w.toll_nouns:
        cat = _token_category(noun, trigger_at, w)
        if cat is None and _verbless(sent, w):  # "2 fatalities.": the noun alone says what befell them
            cat = w.victim_words.get(noun.lemma_.lower())
        if cat:
            return cat, noun
    # a predicate of its own: "seven people confirmed dead", "five facing surgeries"
    own = [
        c
        for c in noun.children
        if c.dep_ in {"acl", "amod"} and c.i > noun.i and c.lower_ not in w.not_predicates
    ]
    for pred in own:
        for tok in pred.subtree:
            cat = _token_category(tok, trigger_at, w)
            if cat:
                return cat, tok
    # "three men suspected of theft were lynched", "shot dead six gang members suspected of robbery": an
    # own predicate that says nothing befell them describes them; the verb they are the subject or object
    # of says what the number counts
    described = noun.dep_ in {"nsubj", "nsubjpass", "dobj"}
    if own and any(c.pos_ in {"VERB", "ADP", "ADV"} for c in own) and not described:
        return None
    # "two gunmen shot dead a trader", "two men threw a grenade": the subject of a verb whose object is
    # people or a weapon did it, nothing befell it; nor did it befall the subject of a killing or
    # wounding verb with any object ("farmers killed six oxen")
    acts = noun.head.i in trigger_at and trigger_at[noun.head.i].family.count in {"killed", "injured"}
    agent = noun.dep_ == "nsubj" and any(
        c.dep_ == "dobj"
        and c.pos_ in {"NOUN", "PROPN"}
        and ((acts and c.lemma_.lower() not in w.life_nouns) or _people(c, w) or _weapon(c, trigger_at))
        for c in noun.head.children
    )
    # "[injured]" or "injured" just after the noun
    for tok in doc[noun.i + 1 : min(noun.i + 4, sent.end)]:
        if tok.text in {",", ";"} or tok.lower_ in w.clause_breaks or tok.tag_ in {"WP", "WDT"}:
            break  # "50 youth who killed a police officer": what they did, not what befell them
        if tok.dep_ == "mark" and tok.lower_ in w.reason_marks:
            break  # "rose to four after a wounded policeman died": why a toll rose, not what it counts
        cat = w.category_words.get(tok.lower_)
        if (
            cat
            and tok.dep_ in {"ROOT", "conj", "ccomp"}
            and not any(c.dep_ in {"aux", "auxpass"} for c in tok.children)
            and any(c.dep_ == "dobj" for v in (tok, *tok.conjuncts) for c in v.children)
        ):
            break  # "a number of farmers killed six oxen": a verb with an object of its own, done by them
        if cat and not agent:
            return cat, tok
    # "dejó un muerto y tres heridos": a conjunct whose noun says what befell its people ("heridos")
    # counts that, not the first conjunct's toll
    if noun.dep_ == "conj" and noun.i != number_tok.i and noun.lower_ in w.category_words:
        return w.category_words[noun.lower_], noun
    # a conjunct shares the first conjunct's predicate only when it has none of its own
    cur = noun
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
        own = [c for c in cur.children if c.dep_ in {"acl", "relcl", "amod"} and c.i > cur.i]
        for pred in own:
            for tok in pred.subtree:
                cat = _token_category(tok, trigger_at, w)
                if cat:
                    return cat, tok
    # the governing verb: "eight people were killed", "killing 6 civilians", "tens of thousands ... marching"
    head = (
        cur.head if cur.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "npadvmod"} else cur
    )
    if (
        cur.dep_ == "appos"
        and cur.i != number_tok.i
        and head.dep_ in {"nsubj", "nsubjpass", "dobj"}
        and head.head.i != head.i
        and not any(c.dep_ == "nummod" for c in head.children)
    ):
        # "The victims, six civilians, were killed": people in apposition stand where their head stands
        # (also a dateline the parser made the subject: "MOGADISHU (AP) — Six civilians ... were
        # killed"); not an age ("Abílio Mucussete, 34, ... died"), nor a part of a figure of its own
        # ("three people were killed – two members of the security forces")
        head = head.head
    if cur.dep_ == "pobj" and head.i in words and head.pos_ == "ADP":
        # "between 2 and 4 people ... were killed", the range's preposition hung on a date: the verb
        # the range's people are told with
        head = next((a for a in head.ancestors if a.pos_ in {"VERB", "AUX"}), head)
    elif cur.dep_ == "pobj" and head.head.i != head.i:
        head = head.head
        if head.i in words and head.dep_ in {"nsubj", "nsubjpass", "dobj"} and head.head.i != head.i:
            head = head.head  # "decenas de miles de personas marcharon": the number phrase's verb
    for tok in _predicate_tokens(head):
        cat = _token_category(tok, trigger_at, w)
        if cat and not (agent and cat != "participants"):
            if cat == "injured" and tok.lower_ in w.shot_words:
                # "2 policemen were shot and killed": the killing verb joined to "shot" says what befell them
                killing = _killing_conjunct(tok, trigger_at)
                if killing is not None:
                    return "killed", killing
            return cat, tok
    # "killing at least 17 people": the trigger just before the number (the parse may have lost the link)
    for tok in doc[max(sent.start, number_tok.i - 5) : number_tok.i]:
        trigger = trigger_at.get(tok.i)
        if (
            trigger is not None
            and trigger.family.count
            and trigger.asserted
            and tok.pos_ == "VERB"
            # "5 members were killed; three AK-47 were seized": a semicolon ends the killing's clause
            and not any(t.text in {";", ":"} for t in doc[tok.i + 1 : number_tok.i])
        ):
            return trigger.family.count, tok
    # "the ministry put the crowd at 24,000", "organisers estimated it at 60,000": a crowd estimate
    if any(t.lemma_.lower() in w.crowd_context for t in sent):
        for anc in [number_tok, *number_tok.ancestors]:
            if anc.pos_ == "VERB":
                if anc.lemma_.lower() in w.estimate_verbs:
                    return "participants", anc
                break
    # "dispersed hundreds of protesters": a crowd
    for tok in (
        noun,
        *[g for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"],
    ):
        if tok.lemma_.lower() in w.crowd_nouns:
            return "participants", tok
    # "activists who staged a sit-in": what the people did, when nothing else says what was done to them
    for pred in (c for c in noun.children if c.dep_ == "relcl"):
        # "50 youth who killed a police officer": a deed done to someone else befell nobody counted here
        doers = {"nsubj", "dobj"} <= {c.dep_ for c in pred.children}
        for tok in pred.subtree:
            cat = _token_category(tok, trigger_at, w)
            if cat and not (doers and cat != "participants"):
                return cat, tok
    return None


def _killing_conjunct(verb: Token, trigger_at: dict[int, Trigger]) -> Token | None:
    """The asserted killing verb joined to ``verb`` that shares its subject ("were shot and killed",
    "was shot and later died"), or ``None``; a conjunct with a subject or a figure of its own ("3 were
    shot and 2 killed") tells another count."""
    for conj in verb.conjuncts:
        trigger = trigger_at.get(conj.i)
        if (
            conj.i > verb.i
            and trigger is not None
            and trigger.asserted
            and trigger.family.count == "killed"
            and not any(c.dep_ in {"nsubj", "nsubjpass", "nummod"} or c.like_num for c in conj.children)
        ):
            return conj
    return None


def _predicate_tokens(head: Token) -> list[Token]:
    """The verb and what completes it: "were killed", "confirmed dead", "responded by marching"."""
    out = [head]
    for child in head.children:
        if child.dep_ in {"acomp", "oprd", "xcomp", "advcl", "attr", "dobj", "conj"}:
            out.append(child)
        if child.dep_ == "prep":
            out.extend(g for g in child.children if g.dep_ in {"pcomp", "pobj"})
    return out


def _token_category(tok: Token, trigger_at: dict[int, Trigger], w: CountingWords) -> str | None:
    trigger = trigger_at.get(tok.i)
    # "the arrest of 27 suspects": a noun told as a reference still says what the number counts
    named = trigger is not None and (trigger.asserted or trigger.rule in NAMES_WHAT_IS_COUNTED)
    if trigger is not None and trigger.family.count and named:
        return trigger.family.count
    if trigger is not None and trigger.family.name in {"shoot"} and trigger.asserted:
        return "injured" if tok.lower_ in w.shot_words else None
    if tok.lemma_.lower() in w.crowd_words and tok.pos_ == "VERB":
        return "participants"
    return w.category_words.get(tok.lower_)


def clause_of(tok: Token) -> list[Token]:
    """The tokens of the clause ``tok`` belongs to: the subtree of its nearest clause head."""
    doc = tok.doc
    return [doc[i] for i in clause_positions(tok)]


def clause_positions(tok: Token) -> list[int]:
    """The positions of :func:`clause_of`'s tokens, in its order (read from the document's arrays:
    ``Token.subtree`` walks the tree with a generator a token). The list is shared: do not change it."""
    columns = arrays(tok.doc)
    dep, pos, heads = columns.dep, columns.pos, columns.head
    head = tok.i
    for _ in range(6):
        if dep[head] in {"ROOT", "ccomp", "advcl", "relcl", "conj"} and pos[head] in {"VERB", "AUX"}:
            break
        if heads[head] == head:
            break
        head = heads[head]
    return columns.subtree(head)


def _has_tally_words(sent: Span, w: CountingWords) -> bool:
    lowered = span_text(sent).lower()
    lemmas = _tally_lemmas(sent.doc, range(sent.start, sent.end))
    if lemmas & w.total_nouns and lemmas & w.total_verbs:
        return True
    return bool(lemmas & w.tally_words) or _tally_phrase(lowered, w)


def _tally_lemmas(doc: Doc, at: Iterable[int]) -> set[str]:
    """Lemmas of the tokens of ``doc`` at positions ``at`` (from the document's arrays), leaving out
    "overalls" (the garment is no overall total)."""
    columns = arrays(doc)
    lemma, tag = columns.lemma, columns.tag
    return {lemma[i] for i in at if not (tag[i] == "NNS" and lemma[i] == "overall")}


def _tally_phrase(lowered: str, w: CountingWords) -> bool:
    """ "so far", "to date", "in all" as words ("in allowances" is not "in all")."""
    return any(_phrase_re(p).search(lowered) for p in w.tally_phrases)


@lru_cache(maxsize=256)
def _phrase_re(phrase: str) -> re.Pattern[str]:
    """The expression finding ``phrase`` as words, compiled once."""
    return re.compile(rf"\b{re.escape(phrase)}\b")


def _category_from_sentence(
    sent: Span, triggers: list[Trigger], w: CountingWords, number: Token | None = None
) -> tuple[str, Token] | None:
    """ "brought the total number of the coup's victims to at least 32": what the total counts. What the
    words before the ``number`` name comes first; a toll that names nothing ("the toll from Monday's
    blast rose to four after a wounded policeman died") counts the dead: the words after it tell why it
    rose, not what it counts."""
    lemmas = arrays(sent.doc).lemma
    if number is not None:
        for i in range(sent.start, number.i):
            cat = w.victim_words.get(lemmas[i])
            if cat:
                return cat, sent.doc[i]
        for i in range(sent.start, number.i):
            if lemmas[i] in w.revision_nouns:
                return "killed", sent.doc[i]
    for i in range(sent.start, sent.end):
        cat = w.victim_words.get(lemmas[i])
        if cat:
            return cat, sent.doc[i]
    for t in triggers:
        if t.family.count:
            return t.family.count, t.token
    return None


def _one_incident(sent: Span, trigger_at: dict[int, Trigger], w: CountingWords) -> Token | None:
    """A total told of one incident: "the number of people who died in yesterday's confrontation at the
    Huayllani bridge rose to nine", "the toll from Friday's shooting in Sacaba". The incident is a
    singular incident noun after a preposition on the killing (or on the counted people), told by its day
    ("yesterday's", "Friday's") or its place. A scope ("since ...", "so far") or several incidents
    ("the clashes") keep it a running total."""
    columns = arrays(sent.doc)
    lower, dep = columns.lower, columns.dep
    if any(lower[i] in w.since for i in range(sent.start, sent.end)) or _tally_phrase(
        span_text(sent).lower(), w
    ):
        return None
    for i in range(sent.start, sent.end):
        if dep[i] != "pobj" or lower[columns.head[i]] not in w.incident_preps:
            continue
        tok = sent.doc[i]
        if tok.lemma_.lower() not in w.incident_nouns or tok.tag_ in {"NNS", "NNPS"}:
            continue
        anchor = tok.head.head
        lemma = anchor.lemma_.lower()
        if anchor.i not in trigger_at and lemma not in w.person_nouns and lemma not in w.total_heads:
            continue
        told = any(c.dep_ == "poss" for c in tok.children) or any(
            t.ent_type_ in {"GPE", "LOC", "FAC", "DATE"} for t in tok.subtree if t.i != tok.i
        )
        if told:
            return tok
    return None


def _summed_over(clause: list[Token], w: CountingWords) -> bool:
    """A figure summed over several places, days or incidents: "at two protest sites", "in three cities",
    "in the space of five days", "in two operations" (a plural site, period or incident noun counted by a
    number above one, after a preposition of place or period; "two days later" and "for three days" are
    not sums)."""
    for tok in clause:
        lemma = tok.lemma_.lower()
        if not (lemma in w.site_nouns or lemma in w.period_units or lemma in w.incident_nouns):
            continue
        plural = tok.tag_ in {"NNS", "NNPS"} or "Plur" in tok.morph.get("Number", [])
        if not plural:
            continue
        if not any(c.dep_ == "nummod" and c.lower_ not in w.one and c.text != "1" for c in tok.children):
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in w.sum_preps:
            return True
    return False


def _is_tally(noun: Token, verb: Token, sent: Span, w: CountingWords) -> bool:
    """A running total: a total or toll word in the clause, or a present perfect with a "since" scope."""
    # the clause's words from the document's arrays; a Token only for a word a rule reads further
    doc = verb.doc
    columns = arrays(doc)
    at = clause_positions(verb)
    lower, lemma, tag = columns.lower, columns.lemma, columns.tag
    lowered = " ".join([lower[i] for i in at])
    words = _tally_lemmas(doc, at)
    if words & w.tally_words or _tally_phrase(lowered, w):
        return True
    if words & w.total_nouns and words & w.total_verbs:
        return True
    counted = w.site_nouns | w.period_units | w.incident_nouns
    if _summed_over([doc[i] for i in at if lemma[i] in counted], w):
        return True
    if _situation_toll(verb, w):
        return True
    perfect = any(
        c.dep_ in {"aux", "auxpass"} and c.lemma_ in w.perfect_aux and c.tag_ in {"VBP", "VBZ"}
        for c in verb.children
    )
    if not perfect and verb.head.i != verb.i:
        perfect = any(
            c.dep_ == "aux" and c.lemma_ in w.perfect_aux and c.tag_ in {"VBP", "VBZ"}
            for c in verb.head.children
        )
    columns = arrays(sent.doc)
    lower, ent_type = columns.lower, columns.ent_type
    has_since = any(
        lower[i] in w.since and i + 1 < sent.end and ent_type[i + 1] == "DATE"
        for i in range(sent.start, sent.end)
    )
    # "have been killed since the siege began", "over the same period", "in three days": a period
    superlative = any(tag[i] in {"JJS", "RBS"} and lower[i] not in {"least", "most"} for i in at)
    since = [doc[i] for i in at if lower[i] in w.since]
    scoped = not superlative and (
        bool(since)
        or "same period" in lowered
        or re.search(r"\bin (?:the (?:past|last) )?\w+ days\b", lowered) is not None
    )
    if perfect and (has_since or scoped):
        return True
    # reported speech shifts the present perfect back: "the commission said at least 39 people had
    # been killed since the protests began" is the same running total
    backshifted = any(
        c.dep_ in {"aux", "auxpass"} and c.lemma_ in w.perfect_aux and c.tag_ == "VBD"
        for c in (*verb.children, *(verb.head.children if verb.head.i != verb.i else ()))
    )
    if backshifted and not superlative and (has_since or bool(since)):
        return True
    # "1,146 people were detained ... between 1 January and 30 November": a count over a long period
    if re.search(r"\bbetween \d{1,2} \w+(?: \d{4})? and \d{1,2} \w+", lowered) and not superlative:
        return True
    # "suman al menos ocho los fallecidos desde el 20 de octubre": a count in a clause whose scope runs
    # from a day (a language whose model marks no dates, or a tense that is not the perfect)
    if not superlative and any(
        _day_follows(t) and _scopes(t, {verb.i, verb.head.i, noun.head.i}) for t in since
    ):
        return True
    # "1,212 violent deaths in Guayas province since 1 January": a count of deaths over a period
    return has_since and not superlative and noun.lemma_.lower() in w.toll_nouns


def _situation_toll(verb: Token, w: CountingWords) -> bool:
    """ "The post-election crisis has left 32 dead", "la ola de violencia deja al menos 32 muertos": a
    toll verb whose subject is a period of unrest (``situation_nouns``), not one incident."""
    for head in (verb, verb.head):
        if head.lemma_.lower() not in w.situation_verbs:
            continue
        if any(
            c.dep_ in {"nsubj", "nsubj:pass"} and c.lemma_.lower() in w.situation_nouns for c in head.children
        ):
            return True
    return False


def _scopes(since: Token, heads: set[int]) -> bool:
    """Whether the "since" phrase hangs from the count's own verb or noun (one of ``heads``), not from
    a word inside another phrase ("en homenaje a los jóvenes asesinados desde abril")."""
    anchor = since.head if since.dep_ == "case" else since
    return anchor.head.i in heads


def _day_follows(word: Token) -> bool:
    """A day follows ``word``, after an article at most: "since 20 October", "desde el 20 de octubre",
    "since Sunday" (a number or a date the model marks)."""
    doc = word.doc
    i = word.i + 1
    if i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    return i < len(doc) and (
        doc[i].ent_type_ == "DATE" or (doc[i].like_num and doc[i].ent_type_ != "CARDINAL")
    )
