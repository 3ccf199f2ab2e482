"""Spanish verb lemmas the model's lemmatizer gets wrong, repaired from the conjugation.

In: a ``Doc`` parsed by a Spanish model whose rule lemmatizer knows about 2,300 verbs; a verb outside
that list gets a guessed lemma that is often no verb at all ("aprehendió" -> "aprehendeír", "reprimió"
-> "reprimeír", "derogue" -> "deroguir", "actúan" -> "actúar"). Out: the same ``Doc`` with such a verb's
lemma replaced by the infinitive its regular conjugation points to, when that infinitive is known: in
the lemmatizer's own verb list or in the words of cronica's Spanish data files (the trigger, speech and
count verbs the rules read). A lemma the lemmatizer knows is never touched; a form no rule explains
keeps its lemma. Never raises on text.

Registered as the spaCy component ``cronica_verb_lemmas`` (added after the lemmatizer of a Spanish
model by :func:`cronica.nlp.model.load_model`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from cronica.nlp.lemma_lists import lemma_index_words

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

COMPONENT = "cronica_verb_lemmas"

#: regular endings -> the infinitive endings they can come from, longest first when matched
_ENDINGS: dict[str, tuple[str, ...]] = {
    # participles and gerunds
    "ados": ("ar",),
    "adas": ("ar",),
    "ado": ("ar",),
    "ada": ("ar",),
    "ando": ("ar",),
    "idos": ("er", "ir"),
    "idas": ("er", "ir"),
    "ido": ("er", "ir"),
    "ida": ("er", "ir"),
    "iendo": ("er", "ir"),
    "yendo": ("er", "ir"),
    # preterite
    "aron": ("ar",),
    "ó": ("ar",),
    "é": ("ar",),
    "aste": ("ar",),
    "amos": ("ar", "er", "ir"),
    "ieron": ("er", "ir"),
    "ió": ("er", "ir"),
    "í": ("er", "ir"),
    "iste": ("er", "ir"),
    "imos": ("ir",),
    "emos": ("er",),
    # imperfect
    "aban": ("ar",),
    "aba": ("ar",),
    "ían": ("er", "ir"),
    "ía": ("er", "ir"),
    # future and conditional
    "arán": ("ar",),
    "ará": ("ar",),
    "erán": ("er",),
    "erá": ("er",),
    "irán": ("ir",),
    "irá": ("ir",),
    "arían": ("ar",),
    "aría": ("ar",),
    "erían": ("er",),
    "ería": ("er",),
    "irían": ("ir",),
    "iría": ("ir",),
    # subjunctive
    "aran": ("ar",),
    "ara": ("ar",),
    "ieran": ("er", "ir"),
    "iera": ("er", "ir"),
    # present
    "an": ("ar",),
    "a": ("ar",),
    "as": ("ar",),
    "en": ("er", "ir", "ar"),
    "e": ("er", "ir", "ar"),
    "es": ("er", "ir", "ar"),
    "o": ("ar", "er", "ir"),
}
_BY_LENGTH = sorted(_ENDINGS, key=len, reverse=True)
#: spelling changes before an ending ("derogue" <- derogar, "ataque" <- atacar, "realice" <- realizar)
_STEM_SPELLING = (("gu", "g"), ("qu", "c"), ("c", "z"), ("j", "g"), ("zc", "c"))
_CLITIC = re.compile(r"(?:se|lo|la|los|las|le|les|me|nos)$")
_INFINITIVE = re.compile(r"^[a-záéíóúñü]+(?:ar|er|ir)(?:se)?$")


def _plain(word: str) -> str:
    """``word`` without its acute accents (ñ and ü kept)."""
    out = []
    for ch in unicodedata.normalize("NFD", word):
        if ch == "\u0301":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def infinitive(form: str, known: frozenset[str]) -> str | None:
    """The known infinitive the regular conjugation of ``form`` points to, or None."""
    word = form.lower()
    for candidate in (word, _CLITIC.sub("", word)):
        for ending in _BY_LENGTH:
            if not candidate.endswith(ending) or len(candidate) - len(ending) < 2:
                continue
            stem = candidate[: -len(ending)]
            stems = [stem, _plain(stem)]
            for changed, original in _STEM_SPELLING:
                if stem.endswith(changed):
                    stems.append(stem[: -len(changed)] + original)
            for s in stems:
                for inf in _ENDINGS[ending]:
                    if s + inf in known:
                        return s + inf
    return None


def known_verbs(nlp: Language, extra: Iterable[str] = ()) -> frozenset[str]:
    """The verbs the model's lemmatizer lists, with ``extra`` infinitives."""
    extra_verbs = (w.lower() for w in extra if _INFINITIVE.match(w))
    return lemma_index_words(nlp, "verb").union(extra_verbs)


def data_verbs(directory: str) -> set[str]:
    """Infinitives named anywhere in the bundled data files of a language (``data/es/*.yaml``)."""
    from importlib import resources

    words: set[str] = set()
    folder = resources.files("cronica.data").joinpath(directory)
    for entry in folder.iterdir():
        if entry.name.endswith(".yaml"):
            words.update(re.findall(r"[a-záéíóúñü]+(?:ar|er|ir)(?:se)?\b", entry.read_text("utf-8")))
    return words


def repair(doc: Doc, known: frozenset[str]) -> Doc:
    """Give each verb whose lemma is no known verb the infinitive of its conjugation (see module)."""
    for tok in doc:
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = tok.lemma_.lower()
        if lemma in known or lemma.split(" ")[0] in known:
            continue
        found = infinitive(tok.text, known)
        if found is not None:
            tok.lemma_ = found
    return doc


def register() -> None:
    """Declare the component to spaCy (once per process)."""
    from spacy.language import Language

    if Language.has_factory(COMPONENT):
        return

    @Language.factory(COMPONENT, default_config={"data": "es"})
    def make(nlp: Language, name: str, data: str) -> object:
        known = known_verbs(nlp, data_verbs(data))

        def component(doc: Doc) -> Doc:
            return repair(doc, known)

        return component
