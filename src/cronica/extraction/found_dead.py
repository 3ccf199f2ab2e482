"""People taken, then found dead: "armed men abducted 3 people ...; they were found dead two days later",
"kidnapped the chief and his wife. They were found dead on 14 February."

In: a sentence, its triggers, the quantities of it and of the sentence before, the counting words.
Out: one count claim of the dead (the people a plural pronoun found dead stands for, as many as an
abduction just told took), or None where the sentence says no such thing or the people taken are not
counted (no figure, no person named one by one). Never raises on an odd parse: it just finds nothing.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from cronica.extraction.counts import CountMention, one_person, start_of_sentence_before
from cronica.extraction.lexicon import CountingWords
from cronica.extraction.numbers import Quantity
from cronica.extraction.triggers import Trigger


def found_dead_after_abduction(
    sent: Span, triggers: list[Trigger], quantities: list[Quantity], w: CountingWords
) -> CountMention | None:
    """The dead a plural pronoun found dead stands for (see the module's docstring)."""
    if not w.plural_pronouns or not w.taken_verbs:
        return None
    for t in triggers:
        if t.family.count != "killed" or not t.asserted:
            continue
        found = t.token.head
        if t.token.dep_ not in {"oprd", "acomp", "xcomp"} or found.lemma_.lower() not in w.found_verbs:
            continue
        pronoun = next(
            (c for c in found.children if c.dep_ == "nsubjpass" and c.lower_ in w.plural_pronouns), None
        )
        if pronoun is None:
            continue
        taken = _last_taken(pronoun, w)
        people = None if taken is None else _how_many(taken, quantities, w)
        if people is None:
            return None
        q = Quantity(pronoun.i, pronoun.i + 1, people, "exact")
        return CountMention(q, "killed", pronoun.i, pronoun.i + 1, found, tally=False, increment=False)
    return None


def _last_taken(pronoun: Token, w: CountingWords) -> Token | None:
    """The people the last abduction before ``pronoun`` (in its sentence or the one before) took."""
    for tok in reversed(pronoun.doc[start_of_sentence_before(pronoun) : pronoun.i]):
        if tok.dep_ in {"dobj", "nsubjpass"} and tok.head.lemma_.lower() in w.taken_verbs:
            return tok
    return None


def _how_many(taken: Token, quantities: list[Quantity], w: CountingWords) -> int | None:
    """ "3 people": the figure; "the chief and his wife": each person named; else None."""
    for q in quantities:
        number = taken.doc[q.end - 1]
        if number.head.i == taken.i and number.dep_ == "nummod" and not q.vague:
            return q.value
    if any(c.dep_ == "nummod" for c in taken.children) or taken.tag_ not in {"NN", "NNP"}:
        return None
    people = [taken, *(c for c in taken.conjuncts if c.i > taken.i)]
    if not all(one_person(p, w) for p in people):
        return None
    return len(people)
