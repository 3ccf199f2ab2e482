"""Who is who in a document: generic collective actors, named people with roles, organisations.

In: a parsed spaCy ``Doc``, the lexicon, the document's focus country. Out: a :class:`DocActors`
index that turns a token (a subject, an object, a compound modifier) into a typed
:class:`~cronica.records.Actor` with an ACLED inter code and an ACLED-style name, links later short
mentions ("Morales") to the full person ("Evo Morales"), expands acronyms the text defines
("Movement toward Socialism (MAS)") and resolves subject pronouns to the last compatible actor.
Never raises on text; a token that names no actor gives ``None``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import ADJ, NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from cronica.extraction.conventions import load_conventions
from cronica.extraction.lexicon import GenericActor, Lexicon, OrganisationHeads
from cronica.extraction.tokens import entity_of
from cronica.fields import replace
from cronica.nlp.arrays import arrays, doc_ents, doc_sents, span_text
from cronica.nlp.lemma_lists import lemma_index_words
from cronica.nlp.matching import doc_text
from cronica.records import Actor
from cronica.records import Span as TextSpan

_ACRONYM = re.compile(
    r"\b([A-Z][\w’'-]*(?:\s+(?:(?:of|the|and|for|toward|towards|de|del|la|los|las|el|al|in|on|to|du|des)\s+)*"
    r"[A-Z][\w’'-]*){0,8})\s*\(([A-Z]{2,8})\)"
)
_ACTOR_POS = frozenset({NOUN, PROPN, ADJ, PRON})  # the parts of speech a generic actor word has
_WORDS_KEPT = 200_000  # word verdicts kept before they are forgotten (a long run meets many)
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"it", "they", "them"})
#: the inter code of a named person or organisation by its kind (conventions.yaml ``inter.named``)
_KIND_INTER = load_conventions().named_inter
#: armed kinds that are no state's and name a group (not the unidentified armed men of
#: ``named_groups.heads``): the groups whose dictionary words give an organisation its kind
_CONVENTIONS = load_conventions()
_NONSTATE_GROUPS = _CONVENTIONS.kinds["armed"] - _CONVENTIONS.kinds["state"] - _CONVENTIONS.named_groups.heads
_ABROAD = _CONVENTIONS.abroad
#: the state's kinds (military, police, government)
_STATE = _CONVENTIONS.kinds["state"]
_ARMED_KINDS = _CONVENTIONS.kinds["armed"]
_IDENTITY = _CONVENTIONS.identity_militias
#: what may stand between two identities before one head: "Turkana and Pokot raiders"
_IDENTITY_JOINS = frozenset({"and", ",", "&"})
#: News agencies name the source of a story, never an actor in it.
_NEWS_AGENCIES = frozenset(
    {
        "ap",
        "afp",
        "reuters",
        "efe",
        "xinhua",
        "dpa",
        "ani",
        "pti",
        "ians",
        "anadolu",
        "tass",
        "ria",
        "upi",
        "bbc",
        "cnn",
    }
)


@dataclass(frozen=True)
class Person:
    name: str
    span: TextSpan
    role: str | None = None
    organisation: str | None = None
    kind: str | None = None


@dataclass
class DocActors:
    """Actors of one document. Built by :meth:`ActorFinder.index`; read-only afterwards."""

    doc: Doc
    country: str | None
    country_code: str | None
    persons: dict[str, Person] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)
    generic_at: dict[int, tuple[GenericActor, int, int]] = field(default_factory=dict)
    role_words: dict[str, str | None] = field(default_factory=dict)
    #: tokens of place names ("KAMPALA" in a dateline is not an organisation)
    place_tokens: frozenset[int] = frozenset()
    #: tokens of ACLED's label that opens a note ("Movement of forces:"): words of the coding, no actor
    label_tokens: frozenset[int] = frozenset()
    #: nouns of settlements and divisions ("village", "district"): a name they govern through "of" or
    #: that stands before one names a place, whatever the NER labels it ("the village of X", "X village")
    place_nouns: frozenset[str] = frozenset()
    #: the lexicon's trigger words: an acronym among them is a weapon or an act ("an IED"), no group
    trigger_words: frozenset[str] = frozenset()
    #: demonym or country word -> country name ("Russian" -> "Russia"), when a gazetteer is at hand
    demonym: Callable[[str], str | None] | None = None
    #: the dictionary's generic actor of each kind ("military", "protesters", ...)
    kinds: dict[str, GenericActor] = field(default_factory=dict)
    sentence_starts: list[int] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    #: the head nouns that give a named organisation its kind
    organisations: OrganisationHeads = field(default_factory=lambda: OrganisationHeads({}))

    def organisation_kind(self, name: str) -> str | None:
        """The kind of the organisation ``name`` from its head noun (see :func:`organisation_kind`)."""
        return organisation_kind(name, self.organisations, self.demonym)

    def sentence_of(self, i: int) -> Span:
        """The sentence holding token ``i`` (``Token.sent`` re-reads the whole document each call)."""
        if not self.sentences:
            self.sentences = doc_sents(self.doc)
            self.sentence_starts = [s.start for s in self.sentences]
        return self.sentences[bisect.bisect_right(self.sentence_starts, i) - 1]

    def of_kind(self, kind: str, *, country: str | None = None, words: Span | None = None) -> Actor:
        """The dictionary's generic actor of ``kind``, named for ``country`` (default: the document's);
        a ``country`` given is one its ``words`` name ("A Russian drone attack")."""
        generic = self.kinds[kind]
        place = country or self.country
        # an actor named by its words ("{text}") with no words: the name ACLED gives forces of no known
        # country (the classifier's external forces, inter 8)
        named = _clean(words.text) if words is not None else _ABROAD.unnamed
        return Actor(
            name=generic.name.replace("{country}", place or "unknown country").replace("{text}", named),
            text=words.text if words is not None else None,
            span=_span(words) if words is not None else None,
            inter=generic.inter,
            kind=generic.kind,
            country=place,
            country_named=country is not None,
        )

    def register_person(self, name: str, span: TextSpan, role: str | None, organisation: str | None) -> None:
        """A person found outside the NER (a name in apposition to a role): later surnames link to it."""
        if name in self.persons:
            return
        kind = self.organisation_kind(self.acronyms.get(organisation, organisation)) if organisation else None
        self.persons[name] = Person(name, span, role, organisation, kind or self.role_words.get(role or ""))
        parts = name.split()
        if len(parts) >= 2:
            self.surnames.setdefault(parts[-1], name)

    def person_for(self, ent: Span) -> Person | None:
        text = _clean(ent.text)
        if text in self.persons:
            return self.persons[text]
        last = text.split()[-1] if text.split() else text
        full = self.surnames.get(last)
        return self.persons.get(full) if full else None

    def actor_for(self, tok: Token, *, prefer_group: bool = False) -> Actor | None:
        """The actor a token names, or ``None``."""
        doc = self.doc
        if tok.i in self.label_tokens or (tok.i in self.place_tokens and tok.i not in self.generic_at):
            return None
        if self._named_as_place(tok):
            return None
        known_surname = tok.text[:1].isupper() and _clean(tok.text) in self.surnames
        opening_word = tok.i in self.generic_at and _capitalised_opening(doc, tok.i)
        # "Pokot" of "Turkana and Pokot warriors", which the NER calls a person: the people's militia
        named_militia = tok.i in self.generic_at and not self.generic_at[tok.i][0].words
        person_words = (tok.ent_type_ == "PERSON" or known_surname) and not named_militia
        if person_words and not opening_word and not self._lexicon_name(tok):
            ent = entity_of(tok) if tok.ent_type_ == "PERSON" else None
            ent = ent or doc[tok.i : tok.i + 1]
            person = self.person_for(ent)
            if person is not None:
                return self._person_actor(person, ent)
            if ent.label_ == "PERSON":
                return Actor(name=_clean(ent.text), text=ent.text, span=_span(ent), inter=None, kind="person")
        org = entity_of(tok) if tok.ent_type_ == "ORG" else None
        if org is not None and _clean(org.text).lower() in _NEWS_AGENCIES:
            return None
        if tok.i in self.generic_at:
            generic, start, end = self.generic_at[tok.i]
            # "Allied Democratic Forces" is an organisation, not the country's forces; "Al Shabaab
            # militants" (the organisation's name and an armed head, conventions.yaml named_groups)
            # are the group
            holds_org = org is not None and start <= org.start and org.end <= end and end - start > len(org)
            # "the Indian Border Security Force": a state's force known by its own name, whatever
            # organisation the NER reads around it
            if org is None or len(org) == 1 or holds_org or generic.country:
                return self._generic_actor(generic, doc[start:end])
        upper = tok.text.strip(".,")
        if (
            upper in self.acronyms
            or (tok.ent_type_ == "ORG" and not _common_noun_org(tok))
            or self._bare_acronym(tok)
        ):
            ent = entity_of(tok) or doc[tok.i : tok.i + 1]
            return self._organisation_actor(ent, self._group_words(ent))
        if tok.ent_type_ in {"NORP"} and tok.tag_ in {"NNPS", "NNS"}:
            return Actor(
                name=tok.text, text=tok.text, span=_span(doc[tok.i : tok.i + 1]), inter=7, kind="civilians"
            )
        return None

    def _bare_acronym(self, tok: Token) -> bool:
        """An acronym the NER did not label (:func:`bare_acronym`) that is no trigger word ("IED")."""
        return bare_acronym(tok) and tok.lower_.strip(".,") not in self.trigger_words

    def _named_as_place(self, tok: Token) -> bool:
        """Whether the proper name at ``tok`` is a place by its words: the object of "of" after a noun of
        settlement ("attacked the village of X", "the chief of the town of X") or followed by one ("the X
        village chief"), whatever the NER makes of a name it does not know (a person, an organisation).
        Words of the actor dictionary are not judged."""
        if not self.place_nouns or tok.pos_ != "PROPN" or tok.i in self.generic_at:
            return False
        doc = self.doc
        ent = entity_of(tok) or doc[tok.i : tok.i + 1]
        root = ent.root
        if (
            root.dep_ == "pobj"
            and root.head.lower_ == "of"
            and root.head.head.pos_ == "NOUN"
            and root.head.head.lemma_.lower() in self.place_nouns
        ):
            return True
        after = doc[ent.end] if ent.end < len(doc) else None
        return after is not None and after.pos_ == "NOUN" and after.lemma_.lower() in self.place_nouns

    def _lexicon_name(self, tok: Token) -> bool:
        """Whether the NER's person at ``tok`` is words of the actor dictionary ("Al Shabaab" is a
        group the dictionary knows, whatever the NER labels it)."""
        if tok.i not in self.generic_at:
            return False
        generic, start, end = self.generic_at[tok.i]
        ent = entity_of(tok)
        if end - start == 1:
            # "a Tatmadaw column": a name of the dictionary's own, the NER's person of one word
            return ent is not None and len(ent) == 1 and tok.lower_ in generic.words
        return ent is None or (start <= ent.start and ent.end <= end)

    def _group_words(self, ent: Span) -> GenericActor | None:
        """The named armed group whose dictionary words an organisation's name holds ("Islamic State
        Somalia Province", "the Pakistani Taliban"), when that group is no state's (conventions.yaml
        ``kinds``: armed, not state); else ``None``."""
        for i in range(ent.start, ent.end):
            found = self.generic_at.get(i)
            if found is not None and found[0].kind in _NONSTATE_GROUPS:
                return found[0]
        return None

    def others_named(
        self, where: TextSpan, than: Actor, inter: frozenset[int] | set[int], *, unknown: bool = False
    ) -> list[Actor]:
        """The actors of a type in ``inter`` that the characters of ``where`` name, in the order told,
        other than ``than`` (not its words, not its name): "soldiers pursued a group of unknown gunmen",
        whose actor 1 is the soldiers, names the gunmen. ``unknown``: organisations of no known type
        ("the KIA", an acronym the dictionary does not type) too."""
        doc = self.doc
        words = doc.char_span(where.start, where.end, alignment_mode="expand")
        if words is None:
            return []
        own = range(than.span.start, than.span.end) if than.span is not None else range(0)
        out: list[Actor] = []
        for tok in words:
            if tok.idx in own or not (
                tok.i in self.generic_at or tok.ent_type_ == "ORG" or bare_acronym(tok)
            ):
                continue
            cand = self.actor_for(tok)
            if cand is None or cand.name == than.name:
                continue
            if cand.inter not in inter and not (
                unknown and cand.inter is None and cand.kind == "organisation"
            ):
                continue
            if all(c.name != cand.name for c in out):
                out.append(cand)
        return out

    def actor_in(self, tok: Token) -> Actor | None:
        """The actor the phrase headed by ``tok`` names: its own word, else the noun after "of"
        ("thousands of workers"), else an apposition ("the COB head, Carlos Huarachi")."""
        actor = self.actor_for(tok)
        if actor is not None:
            return actor
        if is_person_pronoun(tok):
            return None
        for child in tok.children:
            if child.dep_ in {"prep"} and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        actor = self.actor_for(pobj)
                        if actor is not None:
                            return actor
            if child.dep_ == "appos":
                actor = self.actor_for(child)
                if actor is not None:
                    return actor
        for child in tok.children:
            # "ELN members", "KNU cadres": the organisation an acronym before the people names
            if child.dep_ == "compound" and child.i < tok.i and self._bare_acronym(child):
                actor = self.actor_for(child)
                if actor is not None:
                    return actor
        return None

    def person_by_role(self, role_word: str, words: Span) -> Actor | None:
        """ "The governor urged ...": the person named earlier with that role ("the regional governor,
        Andrii Hnatenko"), the latest one before ``words``; None when no such person was named."""
        before = [
            p
            for p in self.persons.values()
            if p.role and role_word in p.role.lower().split() and p.span.start < words.start_char
        ]
        if not before:
            return None
        person = max(before, key=lambda p: p.span.start)
        return replace(self._person_actor(person, words), text=words.text, span=_span(words))

    def _person_actor(self, person: Person, ent: Span) -> Actor:
        inter = _KIND_INTER.get(person.kind or "") if person.kind else None
        organisation = person.organisation
        if organisation is None and person.kind in {"government", "military", "police"} and self.country:
            # "the new interior minister, Arturo Murillo": a minister belongs to the country's government
            organisation = self.of_kind(person.kind).name
        elif organisation in self.acronyms:
            organisation = f"{self.acronyms[organisation]} ({organisation})"
        return Actor(
            name=person.name,
            text=ent.text,
            span=_span(ent),
            inter=inter,
            kind="person",
            role=person.role,
            organisation=organisation,
            country=self.country,
        )

    def _generic_actor(self, generic: GenericActor, words: Span) -> Actor:
        # "Russian forces" in a Ukrainian story are Russia's; "BSF members" India's wherever they act
        own = self._country_of(words) or generic.country
        country = own or self.country or "unknown country"
        text = span_text(words)
        name = generic.name.replace("{country}", country).replace("{text}", _clean(text))
        inter = generic.inter
        if generic.words and generic.kind in _NONSTATE_GROUPS and all(t.pos == PROPN for t in words):
            name = _clean(text)  # a group the dictionary knows, named: "Al Shabaab", "Boko Haram"
        if own is None and generic.kind in _ABROAD.kinds and _called_foreign(words):
            # "international forces", "coalition troops": foreign forces whose country is not named
            name, inter = _ABROAD.unnamed, _ABROAD.inter
        return Actor(
            name=name,
            text=text,
            span=_span(words),
            inter=inter,
            kind=generic.kind,
            country=own or self.country,
            country_named=own is not None,
        )

    def _country_of(self, words: Span) -> str | None:
        """The country a demonym or country name modifying the actor's words names, else ``None``."""
        if self.demonym is None:
            return None
        head = words.root
        # "Turkish Military forces": a modifier of a modifier before the head names it too
        before = [t for t in self.doc[head.left_edge.i : head.i] if t.head.i > t.i]
        # "Turkish army units": the actor's word modifies a noun whose modifier before it names it
        if head.dep_ == "compound" and head.head.i > head.i:
            before += [t for t in head.head.children if t.i < head.i]
        for mod in (*head.children, *words, *before):
            if mod.dep_ not in {"amod", "compound", "nmod", "poss"} or mod.i >= head.i:
                continue
            if mod.ent_type_ not in {"NORP", "GPE", "ORG"}:  # "Turkish Military forces": an ORG's words
                continue
            name = self.demonym(mod.text)
            if name:
                return name
        for prep in head.children:  # "the military forces of Armenia"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ == "GPE":
                        ent = entity_of(pobj)
                        name = self.demonym(ent.text if ent is not None else pobj.text)
                        if name:
                            return name
        return None

    def group_named_in(self, span: TextSpan | None) -> Actor | None:
        """The group a modifier inside ``span`` names by an acronym or an organisation's name ("the KIA
        brigade-9 headquarters": the KIA), as an organisation of no type; ``None`` when none does (a
        country's or a people's word names no group)."""
        if span is None:
            return None
        words = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        if words is None:
            return None
        # the words, and the modifiers of their head before them ("TNLA troops": the actor's words
        # may be "troops" alone)
        before = [t for t in words.root.children if t.i < words.start]
        for tok in (*before, *words):
            if tok.dep_ in {"compound", "amod", "nmod", "poss"} and _names_a_group(tok, self):
                return self._organisation_actor(self.doc[tok.i : tok.i + 1])
        return None

    def _organisation_actor(self, ent: Span, group: GenericActor | None = None) -> Actor:
        """The organisation ``ent`` names, of the kind its head noun gives, else of ``group``'s kind
        (an armed group whose words its name holds), else a plain organisation with no type."""
        text = _clean(ent.text)
        text = re.sub(r"^(the|The)\s+", "", text)
        full = self.acronyms.get(text, text)
        acronym = next((a for a, f in self.acronyms.items() if f == full), None)
        kind = self.organisation_kind(full) or (group.kind if group is not None else None)
        if kind in _ABROAD.kinds and self.demonym is not None:
            # "the Turkish Army", "the Kenya Police": a state's force its name gives the country of is
            # that state's forces, by ACLED's name, abroad where its event lies in another country
            demonym = self.demonym
            own = next((c for w in _NAME_WORD.findall(full) if (c := demonym(w))), None)
            if own is not None:
                return self.of_kind(kind, country=own, words=ent)
        name = f"{full} ({acronym})" if acronym and acronym != full else full
        return Actor(
            name=name,
            text=ent.text,
            span=_span(ent),
            inter=_KIND_INTER.get(kind or "", group.inter if group is not None else None),
            kind=kind or "organisation",
            country=self.country,
        )


_NAME_WORD = re.compile(r"[^\W\d_][\w-]*(?:[’'][^\W\d_]+)*", re.UNICODE)
_ARTICLES = frozenset({"the", "el", "la", "los", "las", "lo"})
#: words that join two modifiers of a name ("Defense and Security Forces"): no modifier of their own
_CONJUNCTIONS = frozenset({"and", "y", "e", "&"})
#: an acronym in brackets after a name restates it ("Security and Defence Forces (FDS)")
_BRACKETED_ACRONYM = re.compile(r"\s*\(\s*[A-Z][A-Za-z0-9.-]*\s*\)")


#: trigger families whose verbs take the people harmed as their object
_HARM_FAMILIES = frozenset({"lethal", "injure", "shoot", "abduct"})


class _AgentWords:
    """Nouns of people named by what they do (``agent_nouns`` in actors.yaml): "growers", "miners",
    "operators". A noun's verb is found by taking off a suffix (and a doubled consonant: "robber", or
    adding an "e": "miner", "operator") and must be a verb the model's lemmatizer knows; without that
    table (another language's model) no noun is read this way."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.rule = lexicon.agent_nouns
        self.generic = next(
            (g for g in lexicon.generic_actors if self.rule is not None and g.kind == self.rule.kind), None
        )
        self.verbs = lemma_index_words(nlp, "verb") if self.generic is not None else frozenset()
        self.triggers = frozenset(lemma for family in lexicon.families.values() for lemma in family.lemmas)
        self.harms = frozenset(
            lemma
            for family in lexicon.families.values()
            if family.name in _HARM_FAMILIES
            for lemma in family.lemmas
        )
        # "miners clashed with police", "coca growers marched": the subjects of a crowd's doings
        self.crowd_verbs = frozenset(
            lemma
            for family in lexicon.families.values()
            if family.name in {"protest", "riot", "clash"}
            for lemma in family.lemmas
        )
        self._seen: dict[str, GenericActor | None] = {}

    def harmed_people(self, tok: Token) -> bool:
        """Whether ``tok`` can be people harmed: a plural counted or taken by a verb of harm ("killed
        nine coca growers", "three miners were shot"), with no "of" after it ("the director of the
        police" is that force's). Nouns in "-er" also name things ("grenade launchers"); people are
        what a verb of harm takes, and who a crowd's verb has as subject ("miners clashed with
        police")."""
        if self.generic is None or tok.tag_ != "NNS" or any(c.lower_ == "of" for c in tok.children):
            return False
        if any(c.dep_ == "nummod" for c in tok.children):
            return True
        if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in self.crowd_verbs:
            return True
        return tok.dep_ in {"dobj", "nsubjpass"} and tok.head.lemma_.lower() in self.harms

    def actor(self, lemma: str) -> GenericActor | None:
        """The generic actor the noun ``lemma`` names as an agent noun, or None."""
        if lemma in self._seen:
            return self._seen[lemma]
        found = self._seen[lemma] = self._read(lemma)
        return found

    def _read(self, lemma: str) -> GenericActor | None:
        if self.rule is None or not self.verbs or not lemma.isalpha():
            return None
        for suffix in self.rule.suffixes:
            if not lemma.endswith(suffix) or len(lemma) < len(suffix) + 3:
                continue
            stem = lemma[: -len(suffix)]
            stems = [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])  # "robber" -> "rob"
            verb = next((v for v in stems if v in self.verbs), None)
            if verb is None:
                continue
            if verb in self.triggers or verb in self.rule.not_from:
                return None
            return self.generic
        return None


def _common_noun_org(tok: Token) -> bool:
    """Whether the NER's organisation at ``tok`` is one common noun the tagger calls so, capitalised
    as a sentence's first word ("Retirees protested ...", "Pensioners marched ..."): people, no name."""
    ent = entity_of(tok)
    return ent is not None and len(ent) == 1 and tok.pos_ == "NOUN" and tok.is_sent_start is True


def bare_acronym(tok: Token) -> bool:
    """Whether ``tok`` is an acronym the NER left unlabelled or called an organisation ("ELN", "VDP"):
    two to six capital letters (a hyphen may join parts: "SPLM-N"), a proper noun, not a place, a
    person, a nationality or a date by the NER."""
    text = tok.text.strip(".,")
    letters = text.replace("-", "")
    return (
        2 <= len(letters) <= 6
        and letters.isalpha()
        and letters.isupper()
        and tok.pos_ == "PROPN"
        and tok.ent_type_ in {"", "ORG"}
    )


def _common_words(nlp: Language) -> tuple[frozenset[str], frozenset[str]]:
    """The nouns, and the verbs, adjectives and adverbs, of the model's rule lemmatizer (its
    ``lemma_index`` table), or none. Its nouns hold peoples ("fulani", "dinka"): a noun counts as
    common only where the tagger calls the word a common noun."""
    return lemma_index_words(nlp, "noun"), lemma_index_words(nlp, "verb", "adj", "adv")


def organisation_kind(
    name: str, heads: OrganisationHeads, country_of: Callable[[str], str | None] | None = None
) -> str | None:
    """The kind of a named organisation read from the head noun of its full name, else ``None``.

    "Central Bank" (head "bank") is no union; "Bolivian Workers' Central" (head phrase "workers
    central") is; "Movement toward Socialism" (head before "toward") is a party. A named army or
    forces stays the state's only when every other word is a country, a demonym (``country_of``) or
    a state modifier ("Mozambican Defense and Security Forces": a conjunction and an acronym in brackets
    are no words of their own), else it is a rebel group ("Arakan Army")."""
    name = _BRACKETED_ACRONYM.sub("", name)
    words = [w.lower() for w in _NAME_WORD.findall(name.replace("’s ", " ").replace("'s ", " "))]
    words = [w.rstrip("’'") for w in words if w not in _ARTICLES]
    words = [w[:-2] if w.endswith(("’s", "'s")) else w for w in words]
    if not words:
        return None
    cut = next((i for i, w in enumerate(words) if w in heads.cut), len(words))
    core = words[:cut] or words
    if heads.head_first:
        phrases = [(" ".join(core[:2]), 2), (core[0], 1)]
    else:
        phrases = [(" ".join(core[-2:]), 2), (core[-1], 1)]
    for phrase, n in phrases:
        if (n == 2 and len(core) < 2) or phrase not in heads.heads:
            continue
        kind = heads.heads[phrase]
        if kind == "military":
            head = set(phrase.split())
            others = [w for w in words if w not in head and w not in heads.cut and w not in _CONJUNCTIONS]
            police = next((w for w in others if heads.heads.get(w) == "police"), None)
            if police is not None:
                return "police"  # "Southwest Special Police Forces": a police force is the state's
            state = heads.state_modifiers
            # without a gazetteer no demonym can be told apart: the old reading, the state's
            if country_of is not None and any(w not in state and not country_of(w) for w in others):
                return "rebels"
        return kind
    return None


class ActorFinder:
    """Builds :class:`DocActors` for documents; matchers are built once, here."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._generic: dict[str, GenericActor] = {}
        self._single: dict[str, GenericActor] = {}
        #: (lemma hash, lowercase hash) -> the generic actor the word names, filled as words come
        self._generic_of: dict[tuple[int, int], GenericActor | None] = {}
        for generic in lexicon.generic_actors:
            for word in generic.words:
                if " " in word or "-" in word or "'" in word or "’" in word:
                    key = f"G{len(self._generic)}"
                    self._generic[key] = generic
                    self._matcher.add(key, [nlp.make_doc(word)])
                else:
                    self._single.setdefault(word, generic)
        self._agents = _AgentWords(nlp, lexicon)
        self._common_words = _common_words(nlp)
        self.trigger_words = frozenset(w for f in lexicon.families.values() for w in f.lemmas)
        #: machines that strike (events.yaml frames' subjects: jet, warplane, drone, ...): a generic word
        #: that only says which kind ("fighter jets", "fighter planes") names no one; the state's forces
        #: before one own it ("Turkish army warplanes": the army struck)
        self._machines = frozenset(w for frame in lexicon.frames for w in frame.subjects)
        self._roles: dict[str, str | None] = {}
        for role in lexicon.roles:
            for word in role.words:
                self._roles[word] = role.kind

    @property
    def role_words(self) -> dict[str, str | None]:
        return self._roles

    def index(
        self,
        doc: Doc,
        country: str | None,
        country_code: str | None,
        demonym: Callable[[str], str | None] | None = None,
        place_tokens: frozenset[int] = frozenset(),
    ) -> DocActors:
        """The actors of ``doc``; ``demonym`` turns a demonym or country word into a country name;
        ``place_tokens`` are the tokens of the places the gazetteer read in ``doc``."""
        actors = DocActors(
            doc=doc,
            country=country,
            country_code=country_code,
            role_words=self._roles,
            demonym=demonym,
            organisations=self.lexicon.organisations,
            place_tokens=place_tokens,
            place_nouns=self.lexicon.grammar["place_part_nouns"],
            trigger_words=self.trigger_words,
        )
        for generic in self.lexicon.generic_actors:
            actors.kinds.setdefault(generic.kind, generic)
        self._index_generic(doc, actors)
        for m in _ACRONYM.finditer(doc_text(doc)):
            long_name, acronym = _clean(m.group(1)), m.group(2)
            long_name = re.sub(r"^(?:the|The|his|her|its|their)\s+", "", long_name)
            actors.acronyms.setdefault(acronym, long_name)
        self._identity_militias(doc, actors)
        self._named_groups(doc, actors)
        self._party_people(doc, actors)
        for ent in doc_ents(doc):
            if ent.label_ != "PERSON":
                continue
            name = _clean(span_text(ent))
            if not name or name.lower() in self._single or len(name) < 3:
                continue
            role, org, kind = self._role_of(doc, ent, actors)
            existing = actors.persons.get(name) or actors.persons.get(
                actors.surnames.get(name.split()[-1], "")
            )
            if existing is not None and len(name.split()) <= len(existing.name.split()):
                if role and not existing.role:
                    actors.persons[existing.name] = replace(existing, role=role, organisation=org, kind=kind)
                continue
            actors.persons[name] = Person(name, _span(ent), role, org, kind)
            parts = name.split()
            if len(parts) >= 2:
                actors.surnames.setdefault(parts[-1], name)
                actors.surnames.setdefault(" ".join(parts[-2:]), name)
        return actors

    def _index_generic(self, doc: Doc, actors: DocActors) -> None:
        for match_id, start, end in self._matcher(doc):
            phrase_actor = self._generic[doc.vocab.strings[match_id]]
            for i in range(start, end):
                actors.generic_at[i] = (phrase_actor, start, end)
        if not len(doc):
            return
        # the tokens read once as arrays; a word's verdict kept by its lemma and lowercase hashes
        strings = doc.vocab.strings
        skip_ents = {strings.add(label) for label in ("PERSON", "GPE", "LOC")}
        c = arrays(doc)
        rows = zip(c.pos_hash, c.ent_type_hash, c.lemma_hash, c.lower_hash, strict=True)
        known = self._generic_of
        if len(known) > _WORDS_KEPT:
            known.clear()
        for i, (pos, ent, lemma, lower) in enumerate(rows):
            if pos not in _ACTOR_POS or i in actors.generic_at:
                continue
            if (
                ent in skip_ents
                and not _capitalised_opening(doc, i)
                and not self._own_name(doc[i], strings[lower])
            ):
                continue
            key = (lemma, lower)
            if key in known:
                generic = known[key]
            else:
                generic = known[key] = self._generic_word(strings[lemma], strings[lower])
            if generic is None and pos == NOUN and self._agents.harmed_people(doc[i]):
                generic = self._agents.actor(strings[lemma].lower())
            if generic is not None and (generic.kind in _STATE or not self._kind_of_machine(doc[i])):
                actors.generic_at[i] = (generic, i, i + 1)
        for i, (generic, start, end) in list(actors.generic_at.items()):
            # "KDF soldiers", "BSF jawans": a state's force known by its own name, compounding a word of the
            # state's forces, is that force (with its country), not the document's country's forces
            if generic.country or generic.kind not in _STATE:
                continue
            for child in doc[i].lefts:
                hit = actors.generic_at.get(child.i)
                if child.dep_ == "compound" and hit is not None and hit[0].country and hit[0].kind in _STATE:
                    actors.generic_at[i] = (hit[0], min(hit[1], start), end)
                    break

    def _own_name(self, tok: Token, lower: str) -> bool:
        """ "a Tatmadaw column": a name the dictionary lists as a state force or an armed group's own
        (a single word of one of their entries), which the NER took for a person of one word."""
        generic = self._single.get(lower)
        if generic is None or generic.kind not in _ARMED_KINDS or lower not in generic.words:
            return False
        ent = entity_of(tok)
        return ent is not None and len(ent) == 1 and tok.text[:1].isupper()

    def _kind_of_machine(self, tok: Token) -> bool:
        """ "fighter jets": a word modifying a machine's noun says which machine, not who acted."""
        return tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.lemma_.lower() in self._machines

    def _generic_word(self, lemma: str, lower: str) -> GenericActor | None:
        """The generic actor a word names by its lemma or its lowercase form."""
        generic = self._single.get(lemma.lower()) or self._single.get(lower)
        if generic is None and "-" in lower:
            # "military-police": the first part names the actor, the rest is associated
            generic = self._single.get(lower.split("-")[0])
        return generic

    def _identity_militias(self, doc: Doc, actors: DocActors) -> None:
        """Armed men a people's name qualifies are that people's identity militia (conventions.yaml
        ``identity_militias``): "Pokot raiders" are the Pokot Ethnic Militia, "the Garre clan militia"
        the Garre Clan Militia; in "Turkana and Pokot warriors" each name is a militia of its own, the
        head noun going with the first."""
        heads = _IDENTITY.heads | _IDENTITY.acting_heads
        lower = arrays(doc).lower
        if heads.isdisjoint(lower):
            return
        for k, word in enumerate(lower):
            if word not in heads:
                continue
            head = doc[k]
            if head.pos != NOUN:
                continue
            if head.lower_ in _IDENTITY.acting_heads and not _acts(head):
                # "the army killed 3 Fulani pastoralists": civilians, whatever the dictionary's word
                civilians = actors.kinds.get("civilians")
                if civilians is not None and head.i in actors.generic_at:
                    actors.generic_at[head.i] = (civilians, head.i, head.i + 1)
                continue
            i, clan = head.i - 1, head.lower_ in _IDENTITY.clan
            while i >= 0 and doc[i].lower_ in _IDENTITY.clan | _IDENTITY.ethnic:
                i, clan = i - 1, clan or doc[i].lower_ in _IDENTITY.clan
            runs: list[tuple[int, int]] = []
            while i >= 0:
                end = i + 1
                while i >= 0 and _names_an_identity(doc[i], actors, self._common_words):
                    i -= 1
                if i + 1 == end:
                    break
                runs.append((i + 1, end))
                if i < 1 or doc[i].lower_ not in _IDENTITY_JOINS:
                    break
                i -= 1
            if not runs or any(j in actors.generic_at for a, b in runs for j in range(a, b)):
                continue
            pattern = _IDENTITY.clan_name if clan else _IDENTITY.ethnic_name
            first = runs[-1][0]
            for start, end in runs:  # the head goes with the first name: the others are its partners
                identity = _clean(doc[start:end].text)
                militia = GenericActor("identity_militia", 4, pattern.replace("{identity}", identity), ())
                span = (start, head.i + 1) if start == first else (start, end)
                for j in range(start, end):
                    actors.generic_at[j] = (militia, *span)
                if start == first:  # and the words between the name and the head ("clan")
                    for j in range(runs[0][1], head.i + 1):
                        actors.generic_at[j] = (militia, *span)

    def _named_groups(self, doc: Doc, actors: DocActors) -> None:
        """Armed men a modifier names as a group are that group (conventions.yaml ``named_groups``):
        "the NAF rebel forces", "Islamic State militants" (a modifier of a non-state armed kind), "PKK
        militants" (an acronym or organisation name before an unidentified armed head). The group is
        named by its own words when they are a name ("NAF", "PKK", "Al shabaab")."""
        conventions = load_conventions()
        nonstate = conventions.kinds["armed"] - conventions.kinds["state"]
        named = conventions.named_groups
        for i, (generic, start, end) in list(actors.generic_at.items()):
            if end - start != 1 or generic.kind not in conventions.kinds["armed"]:
                continue
            head = doc[i]
            mods = [m for m in head.children if m.i < i and m.dep_ in {"compound", "amod", "nmod"}]
            names = [m for m in mods if m.i not in actors.generic_at and _names_a_group(m, actors)]
            kinds = [actors.generic_at[m.i] for m in mods if m.i in actors.generic_at]
            # a group of another kind, or another group of the same kind ("Mayi Mayi militiamen")
            kinds = [k for k in kinds if k[0].kind in nonstate and k[0] != generic]
            if kinds:
                group, first, last = kinds[0]
                if not names and any(t.pos_ == "PROPN" for t in doc[first:last]):
                    names = [doc[last - 1]]  # "Al shabaab militants"
            elif names and generic.kind in named.heads and named.kind in actors.kinds:
                group, first = actors.kinds[named.kind], names[0].left_edge.i
            elif (
                head.lower_ in named.troops
                and named.kind in actors.kinds
                and (names := [m for m in names if _unknown_acronym(m, actors)])
            ):
                # "KIA troops": a group's troops, not the state's
                group, first = actors.kinds[named.kind], names[0].left_edge.i
            else:
                continue
            if names:
                words = doc[min(names[0].left_edge.i, first) : names[-1].i + 1]
                own = _clean(words.text)
                full = actors.acronyms.get(own)
                group = replace(group, name=f"{own}: {full}" if full else own)
                first = words.start
            for j in range(first, i + 1):
                actors.generic_at[j] = (group, first, i + 1)

    def _party_people(self, doc: Doc, actors: DocActors) -> None:
        """A party's people (conventions.yaml ``named_groups.party_heads``): "AL activists", "Chhatra
        League men" are of the party kind, named by the party's words, whatever the dictionary makes of
        the head ("men": civilians). A modifier the dictionary types ("Maoist cadres", "BSF men") or
        whose name's head gives another kind ("the Nepal Student Union") is left as it is."""
        named = load_conventions().named_groups
        if named.party_kind is None or named.party_kind not in actors.kinds:
            return
        party = actors.kinds[named.party_kind]
        for head in doc:
            if head.pos != NOUN or head.lemma_.lower() not in named.party_heads:
                continue
            mods = [m for m in head.children if m.i < head.i and m.dep_ in {"compound", "amod", "nmod"}]
            names = [m for m in mods if m.i not in actors.generic_at and _names_a_party(m, actors)]
            if not names or any(m.i in actors.generic_at for m in mods):
                continue
            first = min(names[0].left_edge.i, names[0].i)
            if any(j in actors.generic_at for j in range(first, names[-1].i + 1)):
                continue
            # "Awami League (AL) activists": the name, not its bracket
            own = _clean(re.sub(r"\s*\([^)]*$", "", doc[first : names[-1].i + 1].text))
            full = actors.acronyms.get(own)
            kind = actors.organisation_kind(full or own)
            if kind not in {None, named.party_kind} or (full is not None and kind != named.party_kind):
                # an organisation of another kind; an acronym the text spells out as no party's name
                # ("the Patriotic and Integrationist Force of Congo (FPIC) ... The FPIC cadres")
                continue
            people = replace(party, name=f"{own}: {full}" if full else own, words=())
            for j in range(first, head.i + 1):
                actors.generic_at[j] = (people, first, head.i + 1)

    def _role_of(self, doc: Doc, ent: Span, actors: DocActors) -> tuple[str | None, str | None, str | None]:
        """Role and organisation from apposition or title: "the COB head, Carlos Huarachi"."""
        sent = actors.sentence_of(ent.start)
        # title or role phrase before the name (up to 8 tokens, stopping at a clause boundary)
        before: list[Token] = []
        i = ent.start - 1
        while i >= sent.start and len(before) < 9:
            t = doc[i]
            if t.text in {";", "(", ")", "“", "”", '"'} or t.lower_ in {
                "that",
                "which",
                "who",
                "by",
                "after",
            }:
                break
            if t.pos_ == "VERB":
                break
            before.insert(0, t)
            i -= 1
        # drop a trailing comma before the name
        while before and before[-1].text == ",":
            before.pop()
        role, org = self._role_in(before, actors)
        if role is None:
            after: list[Token] = []
            j = ent.end
            if j < sent.end and doc[j].text == ",":
                j += 1
                while j < sent.end and len(after) < 9 and doc[j].text not in {",", ";", ".", "(", "“"}:
                    if doc[j].pos_ == "VERB":
                        break
                    after.append(doc[j])
                    j += 1
                if after and after[0].lower_ in {"the", "a", "an", "its", "their", "his", "her"}:
                    role, org = self._role_in(after, actors)
        kind = None
        if role is not None:
            kind = self._roles.get(role)
            if org:
                kind = actors.organisation_kind(actors.acronyms.get(org, org)) or kind
        return role, org, kind

    def _role_in(self, tokens: list[Token], actors: DocActors) -> tuple[str | None, str | None]:
        words = [t.lower_ for t in tokens]
        lemmas = [t.lemma_.lower() for t in tokens]
        role = None
        role_at = -1
        for n in (3, 2, 1):
            for k in range(len(words) - n, -1, -1):
                cand = " ".join(words[k : k + n])
                cand_lemma = " ".join(lemmas[k : k + n])
                if cand in self._roles or cand_lemma in self._roles:
                    role = cand if cand in self._roles else cand_lemma
                    role_at = k
                    break
            if role:
                break
        if role is None:
            return None, None
        org = None
        for t in tokens:
            text = t.text.strip(",.")
            if text in actors.acronyms or (t.ent_type_ == "ORG" and t.pos_ == "PROPN"):
                org = text
                break
            if t.pos_ == "PROPN" and text.isupper() and len(text) >= 2:
                org = text
                break
        # "presidents of the Senate": an organisation after the role
        if org is None and role_at + 1 < len(tokens) and tokens[role_at + 1].lower_ == "of":
            for t in tokens[role_at + 1 :]:
                if t.ent_type_ == "ORG" or (t.pos_ == "PROPN" and t.text[:1].isupper()):
                    ent = entity_of(t)
                    org = _clean(ent.text) if ent is not None else t.text
                    org = re.sub(r"^(the|The)\s+", "", org)
                    break
        if org in actors.acronyms:
            org = org
        return role, org


def _called_foreign(words: Span) -> bool:
    """Whether a modifier before the actor's head calls it foreign (conventions.yaml ``abroad.words``:
    "international forces", "the foreign troops"), not a name ("Allied Democratic Forces" is an
    organisation, read apart)."""
    head = words.root
    return any(
        mod.i < head.i and mod.dep_ in {"amod", "compound", "nmod"} and mod.lower_ in _ABROAD.words
        for mod in (*head.children, *words)
    )


def _acts(tok: Token) -> bool:
    """Whether ``tok`` (or the word it is a conjunct of) is a doer: the subject, the agent of a passive
    ("attacked by Fulani herders") or a side of a fight ("clashes between farmers and herders")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "nsubj":
        return True
    return tok.dep_ == "pobj" and (tok.head.dep_ == "agent" or tok.head.lower_ == "between")


def _names_an_identity(tok: Token, actors: DocActors, common: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether ``tok`` is a word of a people's, clan's or community's name: capitalised inside a
    sentence, or opening one and not among the model's ``common`` words (nouns where tagged a common
    noun; verbs, adjectives, adverbs): "Pokot raiders attacked" (a name the tagger calls a noun), not
    "Cattle raiders", "Suspected herdsmen"; not a place the text names, an acronym, an ideology's word
    ("Islamist militia"), or a country's name or demonym ("Somali raiders" are no Somali militia of
    Kenya)."""
    text = tok.text
    if not text[:1].isupper():
        return False
    nouns, others = common
    lower = text.lower()
    if tok.is_sent_start and (lower in others or (tok.pos == NOUN and lower in nouns)):
        return False
    if tok.pos not in {PROPN, NOUN, ADJ} and tok.ent_type_ != "NORP":
        return False
    if tok.i in actors.place_tokens:
        return False
    if (len(text) >= 2 and text.isupper()) or text in actors.acronyms:
        return False
    if lower.endswith(_IDENTITY.not_identities):
        return False  # "Islamist militia": an ideology's, no people's
    return actors.demonym is None or not actors.demonym(text)


def _names_a_party(mod: Token, actors: DocActors) -> bool:
    """An organisation's name or a proper name that is no place, country or people ("AL", "Awami
    League", "Hefazat"): the party whose people the head noun names."""
    if _names_a_group(mod, actors):
        return True
    if mod.pos_ != "PROPN" or mod.ent_type_ in {"GPE", "NORP", "LOC"} or mod.i in actors.place_tokens:
        return False
    return actors.demonym is None or not actors.demonym(mod.text)


def _unknown_acronym(mod: Token, actors: DocActors) -> bool:
    """An acronym no dictionary knows ("KIA"), or one the text defines by a name of no state's kind."""
    text = mod.text.strip(".,")
    if not (len(text) >= 2 and text.isupper()):
        return False
    full = actors.acronyms.get(text)
    return full is None or actors.organisation_kind(full) not in _STATE


def _names_a_group(mod: Token, actors: DocActors) -> bool:
    """An acronym ("PKK", "HTS") or an organisation's name, not a country or a people."""
    if mod.ent_type_ in {"GPE", "NORP", "LOC", "PERSON"} or mod.pos_ != "PROPN":
        return False
    if actors.demonym is not None and actors.demonym(mod.text):
        return False
    text = mod.text.strip(".,")
    return text in actors.acronyms or mod.ent_type_ == "ORG" or (len(text) >= 2 and text.isupper())


_SPACES = re.compile(r"\s+")


def _clean(text: str) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text.strip(" ,.;:“”\"'’")


def _span(span: Span) -> TextSpan:
    return TextSpan(span.start_char, span.end_char, span_text(span))


def is_person_pronoun(tok: Token) -> bool:
    return tok.lower_ in _PERSON_PRONOUNS


def is_group_pronoun(tok: Token) -> bool:
    return tok.lower_ in _GROUP_PRONOUNS


def _capitalised_opening(doc: Doc, i: int) -> bool:
    """A sentence's first word standing alone as an entity ("Manifestantes incendiaron ...",
    "Soldados abrieron fuego ..."): a common noun the model took for a name because it is capitalised,
    so the actor words still read it."""
    tok = doc[i]
    return (
        bool(tok.is_sent_start) and tok.ent_iob_ == "B" and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I")
    )
