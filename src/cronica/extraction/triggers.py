"""Event triggers: the words that say something happened, and whether it did.

In: a parsed sentence and the lexicon. Out: :class:`Trigger` matches (the token, the family from
``events.yaml``, the words) with a modality verdict: ``asserted`` is false for threats, calls,
plans, denials, negations, futures and references back to an event already told ("the massacre").
The matchers are built once per :class:`TriggerFinder`. Never raises on text.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from cronica.extraction.lexicon import Lexicon, TriggerFamily
from cronica.extraction.rules import RuleBook, load_rules
from cronica.nlp.arrays import arrays, span_text
from cronica.nlp.token_attributes import COMPONENT as TOKEN_ATTRIBUTES

#: "protests over/against/following the shootings": the shootings are the cause, told as background.


def weapon_noun(family_name: str) -> bool:
    return family_name in _INSTRUMENT_FAMILIES


def _used(tok: Token) -> bool:
    """The noun is what a verb's subject used: its direct object ("fired teargas", "lobbed teargas
    canisters at the crowd")."""
    return tok.dep_ == "dobj" and tok.head.pos_ == "VERB"


#: a verb in one of these relations to its head is an act of its own, not what the head is about
_OWN_CLAUSE = frozenset({"conj", "parataxis", "ccomp", "advcl"})
#: the relations of a verb that says what its head was done for ("marched to denounce", "demonstrated,
#: demanding justice")
_PURPOSE = frozenset({"advcl", "xcomp", "acl", "conj"})

#: Prepositions that introduce what a governing word is about ("call for", "threat of", "accused of").
#: Families whose noun names the means of an attack: "grenade attacks", "suicide bombings", "IED blast".
_INSTRUMENT_FAMILIES = frozenset(
    {"grenade", "suicide", "ied", "chemical", "airstrike", "shelling", "explosion"}
)


#: rules whose trigger is no event of its own but still names what a number next to it counts ("the
#: arrest of 27 suspects" told as a reference, a headline, casualties counted)
NAMES_WHAT_IS_COUNTED = frozenset(
    {"trigger.told-before", "trigger.instrument-reference", "trigger.headline", "trigger.counted"}
)
#: rules whose trigger tells nothing else in its clause (a reference, a kind of event, a modifier), so
#: its clause is not blocked to the incidents beside it the way a call's or a threat's is
NOT_AN_EVENT_HERE = frozenset(
    {"trigger.told-before", "trigger.instrument-reference", "trigger.bare-noun", "trigger.modifier"}
)


@dataclass(frozen=True)
class Trigger:
    token: Token
    start: int
    end: int
    family: TriggerFamily
    asserted: bool
    reason: str | None = None
    #: the id (``rules.yaml``) of the rule that judged the trigger not asserted
    rule: str | None = None

    @property
    def text(self) -> str:
        return span_text(self.token.doc[self.start : self.end])


class TriggerFinder:
    """Finds triggers of every family in a sentence; built once per pipeline."""

    def __init__(self, nlp: Language, lexicon: Lexicon, rules: RuleBook | None = None) -> None:
        """``rules``: the rule book (default: :func:`~cronica.extraction.rules.load_rules`, the bundled
        rules less those in ``CRONICA_RULES_OFF``)."""
        self.lexicon = lexicon
        self._rules = rules if rules is not None else load_rules()
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._lemma_phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
        for family in lexicon.families.values():
            if family.phrases:
                self._phrases.add(family.name, [nlp.make_doc(p) for p in family.phrases])
                # the same phrases inflected: "suicide bombings", "set up bases"
                with nlp.select_pipes(
                    enable=[
                        "tok2vec",
                        "tagger",
                        "morphologizer",
                        "attribute_ruler",
                        "lemmatizer",
                        TOKEN_ATTRIBUTES,
                    ]
                ):
                    self._lemma_phrases.add(family.name, list(nlp.pipe(family.phrases)))
        self._frames = lexicon.frames
        self._protest = lexicon.families["protest"].lemmas if "protest" in lexicon.families else frozenset()
        counting = lexicon.quantities.counting
        self._counting_causes = counting.cause_heads if counting is not None else frozenset()
        self._disarmed: set[int] = set()
        self._by_lemma: dict[str, TriggerFamily] = {}
        for family in lexicon.families.values():
            for lemma in family.lemmas:
                self._by_lemma.setdefault(lemma, family)
        self._modal = lexicon.modal_governors
        self._cues = lexicon.cues
        self._grammar = lexicon.grammar
        # every word-bounded ending of an irrealis cue ("to", "about to"): the walk back from a trigger
        # stops as soon as its words end no cue
        self._irrealis_ends = frozenset(
            cue[k:]
            for cue in self._grammar["irrealis"]
            for k in range(len(cue))
            if k == 0 or cue[k - 1] == " "
        )
        self._sentence: _Sentence | None = None
        self._frame_verbs = frozenset(v for frame in self._frames for v in frame.verbs)

    def with_rules(self, rules: RuleBook) -> TriggerFinder:
        """This finder (the same matchers and lexicon) judging with ``rules``."""
        other = copy.copy(self)
        other._rules = rules
        return other

    def find(self, sent: Span, quoted: frozenset[int] = frozenset()) -> list[Trigger]:
        doc = sent.doc
        taken: set[int] = set()
        found: list[Trigger] = []
        # the sentence's lemmas, words and tags read from the document's arrays (each pass below reads
        # them; a Token is made only for the words a pass goes on to look at)
        columns = arrays(doc)
        first = sent.start
        lemmas = columns.lemma[first : sent.end]
        self._sentence = _Sentence.of(sent)
        self._disarmed = self._disarmed_tokens(doc, first, lemmas)
        matches = sorted(
            [*self._phrases(sent), *self._lemma_phrases(sent)], key=lambda m: (-(m[2] - m[1]), m[1])
        )
        for match_id, start, end in matches:
            s, e = start, end
            if any(i in taken for i in range(s, e)):
                continue
            if self._negated_phrase(doc, s):
                continue  # "a non-violent demonstration": its head word alone may still be a trigger
            phrase_family = self.lexicon.families[doc.vocab.strings[match_id]]
            head = _phrase_head(doc[s:e])
            taken.update(range(s, e))
            found.append(self._judge(head, s, e, phrase_family))
        lethal = self.lexicon.families.get("lethal")
        if lethal is not None:
            for i, lemma in enumerate(lemmas, first):
                if lemma in self._by_lemma and i not in taken and self._fatal_result(doc[i], lemma):
                    taken.add(i)  # "a mob beat a man to death", "they shot two protesters dead"
                    found.append(self._judge(doc[i], i, i + 1, lethal))
        pos_of = columns.pos
        for i, lemma in enumerate(lemmas, first):
            if lemma not in self._frame_verbs or i in taken or pos_of[i] not in {"VERB", "NOUN"}:
                continue
            tok = doc[i]
            for frame in self._frames:
                if lemma not in frame.verbs:
                    continue
                objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
                objects += [g for c in tok.children if c.dep_ == "prt" for g in c.children]
                objects += [  # "fired on the positions of ...", "fired at a checkpoint"
                    g
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ in {"at", "on", "upon"}
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                subjects = [c for c in tok.children if c.dep_ == "nsubj"]
                if any(o.lemma_.lower() in frame.objects for o in objects) or any(
                    s.lemma_.lower() in frame.subjects for s in subjects
                ):
                    taken.add(tok.i)
                    found.append(self._judge(tok, tok.i, tok.i + 1, self.lexicon.families[frame.family]))
                    break
        protest = self.lexicon.families.get("protest")
        if protest is not None:
            gathering = self._cues["gathering_verbs"]
            for i, lemma in enumerate(lemmas, first):
                if lemma in gathering and i not in taken and _purposeful_gathering(doc[i], self._cues):
                    taken.add(i)
                    found.append(self._judge(doc[i], i, i + 1, protest))
        lower_of, ent_of = columns.lower, columns.ent_type
        for i, lemma in enumerate(lemmas, first):
            if i in taken:
                continue
            family: TriggerFamily | None = self._by_lemma.get(lemma) or self._by_lemma.get(lower_of[i])
            if family is None:
                continue
            pos = pos_of[i]
            if pos not in family.pos or (pos == "PROPN" and ent_of[i] in {"PERSON", "GPE", "ORG"}):
                continue
            if pos != "VERB" and (lemma in family.verb_only or lower_of[i] in family.verb_only):
                continue  # "the press club", "a police beat": the noun names a thing, not the act
            found.append(self._judge(doc[i], i, i + 1, family))
        if protest is not None:
            # "students occupied the rectorate": no takeover (trigger.sit-in) but a sit-in, a protest
            sit_ins = [
                Trigger(t.token, t.start, t.end, protest, True) for t in found if t.rule == "trigger.sit-in"
            ]
            found.extend(sit_ins)
        looting = self.lexicon.families.get("property")
        if looting is not None:
            # "gunmen seized two cars": no takeover of territory (trigger.seized-goods) but looting
            found.extend(
                Trigger(t.token, t.start, t.end, looting, True)
                for t in found
                if t.rule == "trigger.seized-goods"
            )
        self._sentence = None
        return sorted(found, key=lambda t: t.start)

    def _fatal_result(self, tok: Token, lemma: str) -> bool:
        """A verb whose result is a death, whatever the verb and wherever its object stands: "beat a man
        to death", "stabbed him to death", "shot two protesters dead" (the phrases in events.yaml only
        match the words side by side); the verb must be a trigger itself."""
        family = self._by_lemma.get(lemma)
        if (
            tok.pos_ != "VERB"
            or family is None
            or family.event_type == "Protests"
            or (
                family.event_type == "Strategic developments"
                and family.sub_event_type != "Looting/property destruction"
            )
        ):
            return False  # "sentenced to death" is no killing: only a verb of violence ("burnt to death" is)
        results = self._cues["fatal_results"]
        for child in tok.children:
            if child.dep_ == "prep" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in results for g in child.children
            ):
                return True
            if (
                child.dep_ in {"oprd", "acomp", "xcomp", "ccomp", "advmod"}
                and child.lemma_.lower() in results
            ):
                # "burned a herder alive"; never an abduction ("kidnapped and held alive")
                return child.lower_ != "alive" or family.sub_event_type != "Abduction/forced disappearance"
            if (
                child.dep_ in {"dobj", "nsubjpass"}
                and family.sub_event_type != "Abduction/forced disappearance"
                and any(g.dep_ == "amod" and g.i > child.i and g.lower_ == "alive" for g in child.children)
            ):
                return True  # "burned a suspected thief alive": the parser hangs "alive" on the victim

        return False

    def _disarmed_tokens(self, doc: Doc, first: int, lemmas: list[str]) -> set[int]:
        """Weapons that were found, seized or defused ("explosive devices were found"): not used
        (``lemmas``: the sentence's, from token ``first`` of ``doc``)."""
        out: set[int] = set()
        for frame in self._frames:
            if frame.family != "disrupted":
                continue
            for i, lemma in enumerate(lemmas, first):
                if lemma not in frame.verbs:
                    continue
                for child in doc[i].children:
                    if child.dep_ in {"dobj", "nsubjpass"}:
                        out.update(t.i for t in child.subtree)
        return out

    def _judge(self, tok: Token, start: int, end: int, family: TriggerFamily) -> Trigger:
        verdict = self._not_asserted(tok, family.name)
        if verdict is None:
            return Trigger(tok, start, end, family, True)
        return Trigger(tok, start, end, family, False, verdict[1], verdict[0])

    def _not_asserted(self, tok: Token, family_name: str = "") -> tuple[str, str] | None:
        """The rule (its id in ``rules.yaml``) and the reason why the trigger does not report something
        that happened, or ``None`` when it does. A rule switched off is not applied."""
        on = self._rules.on
        if (
            on("trigger.crowd-left")
            and family_name == "disperse"
            and _crowd_broke_up(tok, self._cues["force_subjects"])
        ):
            return (
                "trigger.crowd-left",
                "the crowd dispersed of itself ('marched ... and dispersed'), no intervention",
            )
        sentence = self._sentence_of(tok)
        if on("trigger.question") and sentence.question:
            return "trigger.question", "a question"
        # the trigger's children (and a few grandchildren) read from the shared arrays, by position
        columns = arrays(tok.doc)
        children, dep_of, lower_of = columns.children, columns.dep, columns.lower
        at = tok.i
        if (
            on("trigger.planned")
            and tok.pos_ == "NOUN"
            and (
                any(dep_of[c] == "acl" and columns.lemma[c] in self._cues["planned"] for c in children[at])
                # "the opposition announced a march for Saturday": a protest announced is a plan (not "the
                # police announced the arrest of ...", news of something done)
                or (
                    family_name == "protest"
                    and tok.dep_ == "dobj"
                    and tok.head.lemma_.lower() in self._cues["planned"]
                )
            )
            # "joined the march called by the unions", "the strike called by the union took place",
            # "shopkeepers shut their businesses in a strike called by traders": what was called happened
            and not self._joined(tok)
            and not self._happens(tok)
            and not self._done_in(tok)
        ):
            return "trigger.planned", "planned ('a march planned for Saturday')"
        head = tok.head
        if (
            on("trigger.called-off")
            and tok.dep_ in {"nsubjpass", "dobj", "nsubj"}
            and head.lemma_.lower() in self._cues["called_off"] | {"call"}
        ):
            if head.lemma_.lower() != "call" or any(
                c.dep_ == "prt" and c.lower_ == "off" for c in head.children
            ):
                return "trigger.called-off", f"called off or banned ('{head.text}')"
        if (
            on("trigger.counted")
            and family_name in {"lethal", "injure", "arrest"}
            and tok.pos_ in {"NOUN", "ADJ"}
        ):
            counted = _counted_by(tok, self._cues["counting_verbs"])
            if counted is not None:
                return (
                    "trigger.counted",
                    f"casualties counted or recorded ('{counted.text}'), not an incident",
                )
        habitual = self._cues["habitual_adverbs"]
        if on("trigger.habitual") and (
            any(dep_of[c] == "advmod" and lower_of[c] in habitual for c in children[at])
            or any(
                dep_of[g] == "advmod" and lower_of[g] in habitual
                for c in children[at]
                if dep_of[c] in {"acl", "relcl"}
                for g in children[c]
            )
        ):
            return "trigger.habitual", "habitual ('often', 'regularly'), not one event"
        if family_name == "change" and tok.lemma_.lower() in {"deploy", "dispatch", "redeploy"}:
            if on("trigger.deployed-description") and tok.dep_ == "acl":
                return (
                    "trigger.deployed-description",
                    "'the forces deployed in X': a description, not a deployment told",
                )
            armed = self._cues["armed_words"]
            if on("trigger.unarmed-deployment") and not any(
                c.dep_ in {"nsubj", "nsubjpass", "dobj"} and any(t.lemma_.lower() in armed for t in c.subtree)
                for c in tok.children
            ):
                return "trigger.unarmed-deployment", "nothing armed deployed ('a health team was deployed')"
        if (
            on("trigger.sit-in")
            and family_name == "overtake"
            and _civilian_subject(tok, self._cues["civilian_occupiers"], self._cues["crowd_measures"])
        ):
            return "trigger.sit-in", "people occupying a place (a sit-in), not an armed takeover"
        if (
            on("trigger.seized-goods")
            and family_name == "overtake"
            and _takes_goods(tok, self._cues["seized_goods"])
        ):
            return (
                "trigger.seized-goods",
                "goods seized (vehicles, livestock, belongings), not territory taken",
            )
        if (
            on("trigger.alert")
            and tok.dep_ == "compound"
            and tok.head.lemma_.lower() in self._cues["not_event_heads"]
        ):
            return "trigger.alert", f"an {tok.head.text}, not an event"
        for child in tok.children:
            if on("trigger.negated") and child.dep_ == "neg":
                return "trigger.negated", "negated"
            if (
                on("trigger.no-one")
                and child.dep_ in {"nsubj", "nsubjpass"}
                and (
                    child.lower_ in {"nobody", "none", "no-one"}
                    or (
                        child.lower_ in {"one", "civilians", "people", "casualties"}
                        and any(g.dep_ == "det" and g.lower_ == "no" for g in child.children)
                    )
                )
            ):
                return "trigger.no-one", "negated ('no one was hurt')"
            if (
                on("trigger.future")
                and child.dep_ in {"aux", "auxpass"}
                and child.lower_ in self._grammar["future_aux"]
            ):
                return "trigger.future", f"modal or future ({child.text})"
        if on("trigger.negated") and tok.dep_ in {"attr", "acomp"}:
            for child in tok.head.children:
                if child.dep_ == "neg":
                    return "trigger.negated", "negated"
        if (
            on("trigger.state")
            and tok.dep_ == "amod"
            and tok.tag_ in {"VBN", "JJ"}
            and family_name in {"arrest", "injure", "abduct"}
        ):
            return "trigger.state", "a state ('detained activists'), not an event"
        weapon = family_name in _INSTRUMENT_FAMILIES
        if (
            on("trigger.modifier")
            and tok.pos_ == "NOUN"
            and tok.dep_ == "compound"
            and tok.head.pos_ in {"NOUN", "PROPN"}
            and not weapon
            and not (family_name == "disperse" and _used(tok.head))
            # "in response to a strike call by separatist groups": what a call people answered called for
            and not (tok.head.lemma_.lower() in self._modal and self._joined(tok.head))
            # "carried out an arrest campaign": the head names the events themselves
            and tok.head.lemma_.lower() not in self._cues["event_heads"]
        ):
            return "trigger.modifier", f"modifier of '{tok.head.text}', not an event"
        if (
            on("trigger.demonstrate-show")
            and tok.lemma_.lower() == "demonstrate"
            and any(c.dep_ in {"ccomp", "dobj"} and c.i > tok.i and _next_to(tok, c) for c in tok.children)
        ):
            # what is shown follows the verb; a clause before it ("(as reported), 200 employees
            # demonstrated") is the parser hanging a parenthesis, not an object, and so is a noun after
            # the place of the demonstration ("demonstrated in Basrah City opposing salary cuts")
            return "trigger.demonstrate-show", "'demonstrate' in the sense of 'show'"
        if on("trigger.weapon-seized") and tok.i in self._disarmed:
            return "trigger.weapon-seized", "a weapon found or seized, not used"
        if on("trigger.without") and tok.dep_ == "pobj" and tok.head.lower_ == "without":
            return "trigger.without", "negated ('without')"
        if on("trigger.protest-cause"):
            cause = self._protest_cause(tok)
            if cause is not None:
                return "trigger.protest-cause", f"what a protest was about ('{cause.text}')"
        # "the warplanes": an instrument named with its article is not a reference to an event told before
        instrument = tok.pos_ == "NOUN" and weapon_noun(family_name)
        if (
            on("trigger.instrument-reference")
            and instrument
            and tok.lower_.endswith("ing")
            and tok.dep_ == "pobj"
            and tok.head.head.pos_ in {"NOUN", "PROPN"}
            and any(c.dep_ == "det" and c.lower_ in self._grammar["definite"] for c in tok.children)
        ):
            return (
                "trigger.instrument-reference",
                "reference to an event told elsewhere ('suspects in the bombing')",
            )
        if tok.pos_ == "NOUN":
            dets = [c for c in tok.children if c.dep_ in {"det", "poss"}]
            if on("trigger.negated") and dets and dets[0].lower_ in {"no", "neither"}:
                return "trigger.negated", "negated"
            if on("trigger.nonspecific") and dets and dets[0].lower_ in self._grammar["nonspecific"]:
                return "trigger.nonspecific", f"no one event ('{dets[0].text} {tok.text}')"
            used_weapon = instrument and not (tok.dep_ == "pobj" and tok.head.lower_ == "with")
            # "the police intervened with pepper gas": the means of a dispersal
            used_weapon = used_weapon or (
                family_name == "disperse"
                and (
                    (tok.dep_ == "pobj" and tok.head.lower_ == "with")
                    or _used(tok)
                    or (tok.dep_ == "compound" and _used(tok.head))
                )
            )
            if (
                not dets
                and not used_weapon
                and not any(c.dep_ in {"nummod", "amod", "compound"} for c in tok.children)
            ):
                plural_subject = tok.tag_ == "NNS" and tok.dep_ in {"nsubj", "nsubjpass"}
                # "Fighting broke out", "Violence erupted": a bare noun that happens is one event; so is one
                # that is held ("residents held demonstration against the governor")
                happens = self._happens(tok) or (
                    tok.dep_ == "nsubj" and tok.head.lemma_.lower() in self._cues["harm_verbs"]
                )
                staging = self._cues["staging_verbs"]
                staged = (tok.dep_ == "dobj" and tok.head.lemma_.lower() in staging) or (
                    tok.dep_ == "pobj"
                    and tok.head.dep_ == "prep"
                    and tok.head.lower_ in self._cues["staging_preps"]
                    and tok.head.head.lemma_.lower() in staging
                )
                # "teachers went on strike", "se declararon en huelga": a state the subject is put in
                staged = staged or (
                    family_name == "protest"
                    and tok.dep_ == "pobj"
                    and tok.head.lower_ in self._cues["state_preps"]
                    and tok.head.head.pos_ in {"VERB", "AUX"}
                )
                # "answered the call of the coalition for protests": what people answered happened
                staged = staged or self._answered_call(tok)
                # "carried out an arrest campaign": the head it names carries the article
                staged = staged or (
                    tok.dep_ == "compound" and tok.head.lemma_.lower() in self._cues["event_heads"]
                )
                # "tensions escalated into clashes between ...": what something turned into happened
                staged = staged or (
                    tok.dep_ == "pobj"
                    and tok.head.lower_ in self._cues["result_preps"]
                    and tok.head.head.lemma_.lower() in self._cues["becoming_verbs"]
                )
                # "closed the doors of the office in protest at ...": the act was done as a protest
                # (the word before read, not the parse, which hangs "in protest" on any noun nearby)
                staged = staged or (
                    family_name == "protest"
                    and tok.tag_ != "NNS"
                    and tok.i > 0
                    and tok.doc[tok.i - 1].lower_ in self._cues["manner_preps"]
                )
                if (
                    on("trigger.bare-noun")
                    and not plural_subject
                    and not happens
                    and not staged
                    and tok.dep_ not in {"ROOT"}
                ):
                    return "trigger.bare-noun", "bare noun: a kind of event, not one event"
            has_num = any(dep_of[c] == "nummod" for c in children[at])
            ent_type = columns.ent_type
            own_date = any(ent_type[c] == "DATE" for c in children[at]) or any(
                ent_type[c] == "DATE" for c in columns.subtree(at) if c < at
            )
            new = any(c.dep_ == "amod" and c.tag_ == "JJS" for c in tok.children)  # "its largest rally"
            # "confirmed the death of a man" (an arrest "of 27 suspects" is as often one told before)
            new = new or (family_name == "lethal" and self._of_someone_new(tok))
            told_before = (
                dets
                and dets[0].lower_ in self._grammar["definite"]
                and not (has_num or own_date or instrument or new)
                # "locals continued their protest", "the strike entered its third day": it goes on;
                # "hundreds joined the march called by the unions": it is going on
                and not self._goes_on(tok)
                and not (family_name == "protest" and self._joined(tok))
                # "The protest against the reform drew thousands in Montevideo.": the subject of the
                # report's first sentence is told there, nothing before it to refer back to
                and not (
                    tok.dep_ == "nsubj"
                    and tok.head.pos_ == "VERB"
                    and tok.head.dep_ == "ROOT"
                    and sentence.lead
                )
            )
            if (
                on("trigger.dated-strike")
                and family_name == "protest"
                and tok.lemma_.lower() == "strike"
                and dets
                and dets[0].dep_ == "poss"
                and dets[0].ent_type_ in {"DATE", "TIME"}
            ):
                return (
                    "trigger.dated-strike",
                    "'Saturday's strike': an attack told before, not a labour strike",
                )
            # "police lifted the curfew", "the curfew was declared": a measure acted on is news
            acted_on = (
                family_name == "decree"
                and tok.dep_ in {"dobj", "nsubjpass"}
                and tok.head.lemma_.lower() in self._cues["measure_verbs"]
            )
            if on("trigger.told-before") and told_before and not acted_on:
                if not any(c.dep_ == "relcl" for c in tok.children):
                    return "trigger.told-before", "reference to an event told elsewhere"
        if on("trigger.headline") and not sentence.has_verb and not sentence.verbless_lead:
            return "trigger.headline", "headline without a verb"
        # walk up the clause: a threat, a call, a plan, a denial governs the trigger
        cur = tok
        steps = 0
        while cur.head.i != cur.i and steps < 6:
            head = cur.head
            if (
                on("trigger.since")
                and cur.pos_ == "VERB"
                and any(c.dep_ in {"mark", "prep"} and c.lower_ == "since" for c in cur.children)
            ):
                return "trigger.since", "background ('since ...' clause)"
            if cur.dep_ in {
                "relcl",
                "xcomp",
                "ccomp",
                "dobj",
                "pobj",
                "prep",
                "pcomp",
                "acl",
                "advcl",
                "conj",
                "attr",
            }:
                if cur.dep_ == "prep" and cur.lower_ not in self._grammar["argument_preps"]:
                    break  # "Amid funerals ..., they appealed": an adjunct, not what was asked
                if cur.dep_ == "conj" and cur.pos_ in {"VERB", "AUX"} and head.pos_ in {"VERB", "AUX"}:
                    # "demanded his release, and police fired tear gas": a verb coordinated with the
                    # governor is an act of its own; what governs both ("threatened to attack and burn")
                    # is read further up
                    cur = head
                    steps += 1
                    continue
                lemma = head.lemma_.lower()
                if on("trigger.charge") and cur.dep_ == "prep" and lemma in self._cues["charge_words"]:
                    return "trigger.charge", f"what a charge alleges ('{head.text} {cur.text} ...')"
                if on("trigger.governed") and lemma in self._modal:
                    if head.pos_ == "NOUN" and self._joined(head):
                        break  # "responded to the call by the committee for demonstrations": answered
                    return "trigger.governed", f"governed by '{head.text}'"
                if (
                    on("trigger.ongoing")
                    and lemma in self._grammar["habitual_governors"]
                    and cur.dep_ == "xcomp"
                    # "protesters continued to block the road on Monday": one day's act, told in the past
                    # with its day ("as the military continued to shoot down demonstrators" has none)
                    and not (head.tag_ == "VBD" and (_dated(head) or _dated(tok)))
                ):
                    return "trigger.ongoing", f"habitual ('{head.text}')"
                for child in head.children:
                    if (
                        on("trigger.future")
                        and child.dep_ == "aux"
                        and child.lower_ in self._grammar["future_aux"]
                        and cur.dep_ in {"xcomp"}
                    ):
                        return "trigger.future", f"modal or future ({child.text})"
                if on("trigger.topic") and head.lower_ in self._grammar["topic_preps"]:
                    return "trigger.topic", f"the topic of what is said or felt ('{head.text} ...')"
            else:
                break
            if head.pos_ == "VERB" and cur.dep_ in {"ccomp", "advcl"}:
                break
            cur = head
            steps += 1
        cue = self._irrealis_cue(tok, sentence.start) if on("trigger.irrealis") else None
        if cue is not None:
            return "trigger.irrealis", f"not (yet) happened ('{cue}')"
        return None

    def _happens(self, tok: Token) -> bool:
        """The trigger noun is the subject of a verb of happening ("fighting began between", "the strike
        called by the union took place"; ``judgement.occurrence_verbs``)."""
        return tok.dep_ == "nsubj" and _verb_in(tok.head, self._cues["occurrence_verbs"])

    def _done_in(self, tok: Token) -> bool:
        """The trigger noun says how an act was done, the act neither negated nor future: "shut their
        businesses in a strike called by traders' groups" (``judgement.manner_preps``)."""
        head = tok.head
        return (
            tok.dep_ == "pobj"
            and head.lower_ in self._cues["manner_preps"]
            and head.head.pos_ == "VERB"
            and not self._unreal(head.head)
        )

    def _goes_on(self, tok: Token) -> bool:
        """The trigger noun is what a verb of going on acts on, or its subject, the verb neither negated
        nor future: "locals continued their protest", "resumed their offensive", "the strike entered its
        third day" (``judgement.continuation_verbs``)."""
        return (
            tok.dep_ in {"dobj", "nsubj"}
            and _verb_in(tok.head, self._cues["continuation_verbs"])
            and not self._unreal(tok.head)
        )

    def _joined(self, tok: Token) -> bool:
        """People answered the call, or joined or attended what was called, the verb neither negated
        nor future: "responded to the call by the committee for nationwide demonstrations", "heeded the
        union's call", "joined the march called by the unions", "took part in the strike called by"
        (``judgement.joining_verbs``)."""
        if tok.dep_ == "dobj":
            verb = tok.head
        elif tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            verb = tok.head.head
            if verb.dep_ == "dobj" and verb.head.pos_ == "VERB":
                verb = verb.head  # "took part in the strike": in -> part -> took
        else:
            return False
        joining = self._cues["joining_verbs"]
        if verb.pos_ == "NOUN" and verb.lemma_.lower() in joining and verb.dep_ == "pobj":
            # "shops remained closed in response to a strike call by ...": answered, unless those who
            # responded are the state ("in response to calls for protests, the government deployed troops")
            clause = verb.head.head
            if clause.pos_ == "ADJ":
                clause = clause.head  # "shops remained closed in response to ..."
            state = (
                self._cues["authority_subjects"] | self._cues["force_subjects"] | self._cues["armed_words"]
            )
            return clause.pos_ in {"VERB", "AUX"} and not any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in state for c in clause.children
            )
        return verb.pos_ == "VERB" and _verb_in(verb, joining) and not self._unreal(verb)

    def _answered_call(self, tok: Token) -> bool:
        """The trigger is what a call (a modal governor's noun) that people answered was for: "answered
        the call of the coalition for protests", "in response to a strike call by ..."."""
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in self._modal:
            return self._joined(tok.head)
        cur = tok
        for _ in range(4):
            if cur.head.i == cur.i or cur.dep_ not in {"pobj", "prep"}:
                return False
            cur = cur.head
            if cur.pos_ == "NOUN" and cur.lemma_.lower() in self._modal:
                return self._joined(cur)
        return False

    def _unreal(self, verb: Token) -> bool:
        """The verb is negated or has a future or modal auxiliary."""
        return any(
            c.dep_ == "neg" or (c.dep_ in {"aux", "auxpass"} and c.lower_ in self._grammar["future_aux"])
            for c in verb.children
        )

    def _protest_cause(self, tok: Token) -> Token | None:
        """The word that makes the trigger what a protest was about, else ``None``: a preposition of
        ``grammar.cause_preps`` on a protest's word ("protested against the arrest of", "a vigil for
        colleagues killed by the police") or a verb of what a protest is for (``counting.cause_heads``:
        "marched to denounce the murder of", "a rally to mourn a classmate who was beaten to death"),
        before the trigger, on its way up the parse, the trigger in its object or in a preposition of
        cause ("protested outside the club" is where, "protested, blocking roads" beside it). A
        verb coordinated with another or a clause reported ("demanded his release, and police arrested
        20") is an act of its own: the walk stops there; what a verb of protest names with its own day
        ("protesting the November 10 coup") is an event of that day."""
        causes = self._counting_causes
        # "the November 10 coup": a noun that carries its own day
        dated = tok.pos_ == "NOUN" and any(c.ent_type_ == "DATE" and c.i < tok.i for c in tok.children)
        cur = tok
        for _ in range(8):
            head = cur.head
            if head is cur or (cur.dep_ in _OWN_CLAUSE and cur.pos_ in {"VERB", "AUX"}):
                return None
            if head.i < tok.i:
                if (
                    head.dep_ == "prep"
                    and head.lower_ in self._grammar["cause_preps"]
                    and self._a_protest(head.head)
                ):
                    return head
                if (
                    head.pos_ == "VERB"
                    and head.lemma_.lower() in causes
                    and (
                        cur.dep_ == "dobj"
                        or (cur.dep_ == "prep" and cur.lower_ in self._grammar["cause_preps"])
                    )
                    and self._of_a_protest(head)
                    and not dated  # "protesting the November 10 coup": an event told with its own day
                ):
                    return head
            cur = head
        return None

    def _of_a_protest(self, verb: Token) -> bool:
        """The verb is a protest's: a protest's word itself ("protested the killing of"), or what a
        protest was held for ("marched to denounce", "demonstrated, demanding justice", "held a rally
        to mourn"); not a government's or a party's statement ("condemned the killing of")."""
        if verb.lemma_.lower() in self._protest:
            return True
        return verb.dep_ in _PURPOSE and self._a_protest(verb.head)

    def _a_protest(self, tok: Token) -> bool:
        """A protest's word ("march", "protested"), or a verb that stages one ("held a vigil")."""
        if tok.lemma_.lower() in self._protest:
            return True
        return tok.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in self._protest for c in tok.children
        )

    def _negated_phrase(self, doc: Doc, start: int) -> bool:
        """A negating prefix glued before the phrase starting at ``start``: "non-violent
        demonstration", "non violent demonstration"."""
        before = start - 1
        if before >= 0 and doc[before].text == "-":
            before -= 1
        return before >= 0 and doc[before].lower_ in self._grammar["negating_prefixes"]

    def _of_someone_new(self, tok: Token) -> bool:
        """Whether the trigger noun is "of" someone not told before: "the death of a man", "the killing
        of three students" (an indefinite article or a number on the person), where English needs "the"
        on the noun whatever the news; "the death of the student" refers back. Only as the subject or
        object of its clause: what a protest is against ("protested the police killing of three men") or
        what another event followed is a cause told as background."""
        if tok.dep_ not in {"dobj", "nsubj", "nsubjpass"}:
            # "stormed the hospital following the death of a man", "in retaliation for the killing of a
            # member": a death told as what another event answered is background
            return False
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in self._protest:
            return False
        return any(
            prep.dep_ == "prep"
            and prep.lower_ in self._grammar["of_preps"]
            and any(
                obj.dep_ == "pobj"
                and obj.ent_type_ not in {"DATE", "TIME"}  # "the strike of June 2022" is a reference
                and any(
                    (c.dep_ == "det" and c.lower_ in self._grammar["indefinite"]) or c.dep_ == "nummod"
                    for c in obj.children
                )
                for obj in prep.children
            )
            for prep in tok.children
        )

    def _sentence_of(self, tok: Token) -> _Sentence:
        """What the judgements read of the trigger's sentence: the one :meth:`find` read, else its own."""
        kept = self._sentence
        if kept is not None and kept.doc is tok.doc and kept.start <= tok.i < kept.end:
            return kept
        return _Sentence.read(tok.sent)

    def _irrealis_cue(self, tok: Token, sent_start: int) -> str | None:
        """The near-future or near-miss words right before a trigger ("about to lose their life",
        "close to losing", "on the verge of collapse", "was nearly killed"), auxiliaries between them
        skipped ("close to being killed"); None when there are none."""
        words: list[str] = []
        i = tok.i - 1
        doc = tok.doc
        while i >= sent_start and len(words) < 5:
            t = doc[i]
            if t.pos_ == "AUX" and not words:
                i -= 1
                continue
            words.insert(0, t.lower_)
            text = " ".join(words)
            if text not in self._irrealis_ends:
                return None  # no cue ends with these words, nor with more words before them
            if text in self._grammar["irrealis"]:
                return text
            i -= 1
        return None


@dataclass(frozen=True)
class _Sentence:
    """A sentence as the judgements read it, once: its bounds, whether it asks, whether it has a verb."""

    doc: Doc
    start: int
    end: int
    question: bool
    has_verb: bool
    #: a sentence with no verb that ends with a full stop, which a headline never has, and opens the
    #: document (no verb before it): "27 February: A civilian shot dead by armed men in Kainuk." is a note
    #: the parser found no verb in, not a title; "Casualties unknown." after the incident is no report
    verbless_lead: bool
    #: no verb before the sentence: nothing told before it that a definite noun could refer back to
    lead: bool

    @classmethod
    def of(cls, span: Span) -> _Sentence | None:
        """The sentence of the tokens of ``span``, None for no tokens or tokens across sentences."""
        if not len(span):
            return None
        doc = span.doc
        starts = arrays(doc).sent_start  # Token.sent's bounds, from the document's arrays
        start = span.start
        while start > 0 and not starts[start]:
            start -= 1
        end = span.start + 1
        while end < len(starts) and not starts[end]:
            end += 1
        if end < span.end:
            return None  # each judgement reads its own sentence
        return cls.read(doc[start:end])

    @classmethod
    def read(cls, sent: Span) -> _Sentence:
        """What the judgements read of ``sent``."""
        pos = arrays(sent.doc).pos
        text = span_text(sent).rstrip().rstrip("\"'\u201d")
        has_verb = any(pos[i] in {"VERB", "AUX"} for i in range(sent.start, sent.end))
        lead = not any(pos[i] in {"VERB", "AUX"} for i in range(sent.start))
        return cls(
            sent.doc,
            sent.start,
            sent.end,
            text.endswith("?"),
            has_verb,
            not has_verb and text.endswith(".") and lead,
            lead,
        )


def _dated(verb: Token) -> bool:
    """A date or time hangs on the verb, directly or through a preposition ("on Monday", "on 23 April",
    "yesterday"), not inside another of its phrases ("protected by a November 14 decree")."""
    when = {"DATE", "TIME"}
    for child in verb.children:
        if child.ent_type_ in when and child.dep_ in {"npadvmod", "advmod", "tmod", "obl"}:
            return True
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in when for g in child.children):
            return True
    return False


def _verb_in(verb: Token, words: frozenset[str]) -> bool:
    """The verb's lemma is one of ``words``, or its lemma and its object's are one ("take part", "take
    place")."""
    lemma = verb.lemma_.lower()
    if lemma in words:
        return True
    return any(c.dep_ == "dobj" and f"{lemma} {c.lemma_.lower()}" in words for c in verb.children)


def _counted_by(tok: Token, verbs: frozenset[str]) -> Token | None:
    """The counting verb whose object ``tok`` is, directly or through "the number of", a number or a
    preposition ("registered one death", "put the number of injured at 30", "treated 150 people with
    gunshot wounds"), else None."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ not in {"dobj", "pobj", "prep", "nummod", "amod", "compound", "conj", "appos", "attr"}:
            return None
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return cur if cur.lemma_.lower() in verbs else None
    return None


def _purposeful_gathering(tok: Token, cues: dict[str, frozenset[str]]) -> bool:
    """ "300 villagers gathered outside the district office, holding banners and demanding an inquiry",
    "thousands gathered in front of the town hall upon the call of the party": a gathering with a
    protest's purpose or props is a protest (a crowd at a funeral or a morgue is not)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in cues["gathering_verbs"]:
        return False
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if _protest_crowd(subject, cues):
        return True
    for t in tok.subtree:
        lemma = t.lemma_.lower()
        if t.i != tok.i and (
            (lemma in cues["protest_purpose"] and t.pos_ in {"VERB", "NOUN"})
            or lemma in cues["protest_props"]
        ):
            return True
        if t.lower_ == "against" and t.head.i == tok.i:
            return True
        if t.lower_ == "call" and t.head.head.i == tok.i:
            return True
    return False


def _protest_crowd(subject: Token, cues: dict[str, frozenset[str]]) -> bool:
    """ "protesters gathered outside the bank", "hundreds of demonstrators assembled", "cientos de
    manifestantes se concentraron": the subject, or the people a number or measure subject counts
    ("of"/"de" phrase), are protesters by name. "Families of protesters" are not."""
    crowds = cues["protest_crowds"]
    if subject.lemma_.lower() in crowds:
        return True
    measure = subject.like_num or subject.pos_ == "NUM" or subject.lemma_.lower() in cues["crowd_measures"]
    if not measure:
        return False
    for child in subject.children:
        if child.dep_ == "prep" and any(g.lemma_.lower() in crowds for g in child.children):
            return True  # English: measure -prep-> of -pobj-> protesters
        if child.dep_ == "nmod" and child.lemma_.lower() in crowds:
            return True  # UD (Spanish): measure -nmod-> manifestantes
    return False


def _takes_goods(tok: Token, goods: frozenset[str]) -> bool:
    """A verb of taking ("seized", "captured") whose object is goods, not a place: "seized two cars",
    "livestock was captured"; only the verb itself, never a phrase ("took control of")."""
    if tok.pos_ != "VERB":
        return False
    objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [g for o in objects for g in o.conjuncts]
    return any(o.lemma_.lower() in goods or o.lower_ in goods for o in objects)


def _civilian_subject(tok: Token, occupiers: frozenset[str], measures: frozenset[str] = frozenset()) -> bool:
    """ "the blocks that 1,500 pensioners had occupied", "students occupied the rectorate", "dozens of
    farmers occupied the offices" (the people a number or measure subject counts)."""
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None and tok.dep_ == "relcl":
        subject = (
            tok.head if tok.head.pos_ == "NOUN" and not any(c.dep_ == "dobj" for c in tok.children) else None
        )
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), subject)
    if subject is None:
        return False
    if subject.like_num or subject.pos_ == "NUM" or subject.lemma_.lower() in measures:
        counted = [
            g for c in subject.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        ] + [c for c in subject.children if c.dep_ == "nmod"]
        subject = counted[0] if counted else subject
    # a capitalised opening word keeps its plural as its lemma ("Estudiantes tomaron el rectorado")
    lower = subject.lower_
    forms = {subject.lemma_.lower(), lower, lower[:-1] if lower.endswith("s") else lower}
    if lower.endswith("es"):
        forms.add(lower[:-2])
    return bool(forms & occupiers)


def _crowd_broke_up(tok: Token, forces: frozenset[str]) -> bool:
    """ "marched to the governorate and dispersed", "before dispersing", "the gathering dispersed
    peacefully": an intransitive use of 'disperse' (no object, not passive, no force as subject)."""
    if tok.lemma_.lower() != "disperse" or tok.pos_ != "VERB":
        return False
    deps = {c.dep_ for c in tok.children}
    if deps & {"dobj", "auxpass", "nsubjpass", "agent"}:
        return False
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None and tok.dep_ == "conj":
        subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lemma_.lower() in forces:
        return False
    return True


def _phrase_head(span: Span) -> Token:
    for tok in span:
        if tok.pos_ == "VERB":
            return tok
    return span.root


def _next_to(verb: Token, obj: Token) -> bool:
    """Whether no prepositional phrase or punctuation of ``verb`` stands between it and its object
    ``obj`` ("demonstrated their support": next to it; "demonstrated in Kut opposing cuts": not)."""
    return not any(
        c.dep_ in {"prep", "punct", "advcl"} and verb.i < c.i < obj.left_edge.i for c in verb.children
    )
