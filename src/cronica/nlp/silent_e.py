"""English verbs whose silent e the model's rule lemmatizer drops, repaired from cronica's own words.

In: a ``Doc`` tagged and lemmatised by an English model. Its rule lemmatizer strips a regular ending
and keeps the first stem it finds in its word list, so a verb whose stem without the e is another word
loses the e: "staged" -> "stag", "raped", "raping", "rapes" -> "rap". Out: the same ``Doc`` with such an
inflected verb's lemma given back its e when the word with the e is one that cronica's English data
files name (the trigger, staging, speech and count words its rules read: "stage", "rape") and the word
without it is not, and the form is the regular inflection of the word with the e ("staged" = "stage" +
"d", "raping" = "rap" + "ing", "rapes" = "rape" + "s"). Other tokens keep their lemmas. Never raises on
text.

Registered as the spaCy component ``cronica_silent_e`` (added last to an English model by
:func:`cronica.nlp.model.load_model`). The check is one array lookup a document; only the few
tokens whose lemma is such a stem are read in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

COMPONENT = "cronica_silent_e"

#: the English data files whose words are read (the lexicons the rules use)
_FILES = ("events.yaml", "actors.yaml", "statements.yaml", "quantities.yaml", "conventions.yaml")
#: the Penn tags of an inflected verb
_INFLECTED = frozenset({"VBD", "VBN", "VBG", "VBZ"})


def data_words() -> frozenset[str]:
    """The lower-case words of the English data files' values (keys and comments are not read)."""
    from importlib import resources

    import yaml

    words: set[str] = set()
    folder = resources.files("cronica.data")
    for name in _FILES:
        entry = folder.joinpath(name)
        if entry.is_file():
            for value in _strings(yaml.safe_load(entry.read_text("utf-8"))):
                words.update(re.findall(r"[a-z]+", value.lower()))
    return frozenset(words)


def _strings(data: Any) -> Iterator[str]:
    """Every string value in a parsed YAML document."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def stems(words: frozenset[str]) -> dict[str, str]:
    """Each stem a dropped e leaves (``"rap"``) -> the word with it (``"rape"``): words of ``words``
    that end in e after a consonant, whose stem is no word of ``words``."""
    return {
        w[:-1]: w
        for w in words
        if len(w) >= 4 and w.endswith("e") and w[-2] not in "aeiou" and w[:-1] not in words
    }


def inflects(form: str, word: str) -> bool:
    """Whether ``form`` is a regular inflection of ``word`` (which ends in e)."""
    return form in {word + "d", word + "s", word[:-1] + "ing"}


def repair(doc: Doc, fixes: dict[int, str]) -> Doc:
    """Give the inflected verbs whose lemma is a stem of ``fixes`` (by the lemma's hash) their word."""
    from spacy.attrs import LEMMA

    if not len(doc) or not fixes:
        return doc
    lemmas = doc.to_array(LEMMA).tolist()
    # a dict look-up a token: for a note's few dozen tokens far cheaper than numpy's isin
    at = [i for i, lemma in enumerate(lemmas) if lemma in fixes]
    for i in at:
        tok = doc[i]
        word = fixes[lemmas[i]]
        if tok.tag_ in _INFLECTED and inflects(tok.lower_, word):
            tok.lemma_ = word
    return doc


def register() -> None:
    """Declare the component to spaCy (once per process)."""
    from spacy.language import Language

    if Language.has_factory(COMPONENT):
        return

    @Language.factory(COMPONENT)
    def make(nlp: Language, name: str) -> object:
        table = stems(data_words())
        fixes = {nlp.vocab.strings.add(stem): word for stem, word in table.items()}

        def component(doc: Doc) -> Doc:
            return repair(doc, fixes)

        return component
