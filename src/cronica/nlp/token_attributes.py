"""The model's attribute ruler and rule lemmatizer, as one component with the same output, faster.

In: a ``Doc`` after the parser of a model whose ``attribute_ruler`` is followed by a rule ``lemmatizer``
(the English ``en_core_web_sm`` family). Out: the same ``Doc`` with exactly the part of speech,
morphology, lemma, tag and dependency label those two components write, token for token.

Why: spaCy's ``AttributeRuler`` runs a ``Matcher`` of about 180 patterns whose ``IN``, ``NOT_IN`` and
``REGEX`` predicates are Python calls on a ``Token`` made for each test, and sets the attributes of each
match through a ``Span``; on short notes it is about 15% of the model's whole pass (21 µs a token,
docs/performance.md). What a single-token pattern writes depends only on the token's tag, dependency
label and word (its ``LOWER`` and ``IS_SPACE`` are the word's), and what the rule lemmatizer writes only
on the word, part of speech and morphology (its own cache is keyed so), so both are read once for each
(word, tag, label) and kept in a table; a token that a two-token pattern matches (``gon na``, ``there
is``) is worked out in full. The patterns are the model's own, read from its ruler when the component is
built, and applied as spaCy applies them: every match of the original attributes, in the order of the
patterns, a later one overriding an earlier one; then the lemmatizer where no pattern set a lemma.

:func:`install` adds the component after the lemmatizer and disables the two it stands for (they stay in
the pipeline, ``nlp.get_pipe`` still finds them), and only where it can do their work: patterns over
``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE`` with equality, ``IN``, ``NOT_IN`` or ``REGEX``, at most two
tokens long, and the lemmatizer spaCy's own rule lemmatizer (``overwrite`` off). Any other model keeps
spaCy's components. ``CRONICA_SPACY_ATTRIBUTES=1`` keeps them too (for a comparison).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

COMPONENT = "cronica_token_attributes"
#: the components this one does the work of, in their pipeline order
REPLACED = ("attribute_ruler", "lemmatizer")
#: a table this large is emptied and filled again (a corpus of many languages' names would grow it;
#: an entry is about 435 bytes with its lemma's: 502 notes and 100 articles fill 14,000)
_MAX_TABLE = 50_000

_KEYS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})

# a token as the tests see it: (tag hash, lower hash, dep hash, is_space, lower text)
_Test = Callable[[tuple[int, int, int, bool, str]], bool]


def _compile_value(key: str, value: Any) -> _Test | None:
    """A test of one attribute of a token against a pattern's value, as spaCy's ``Matcher`` tests it
    (strings by their hash, ``""`` being 0; ``REGEX`` with ``re.search`` on the text); ``None`` for what
    this module does not read."""
    from spacy.strings import get_string_id

    column = {"TAG": 0, "LOWER": 1, "DEP": 2}.get(key)
    if key == "IS_SPACE":
        if not isinstance(value, bool):
            return None
        return lambda t: t[3] == value
    if column is None:
        return None
    if isinstance(value, str):
        wanted = get_string_id(value)
        return lambda t: t[column] == wanted
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((op, arg),) = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        hashes = frozenset(get_string_id(a) for a in arg)
        if op == "IN":
            return lambda t: t[column] in hashes
        return lambda t: t[column] not in hashes
    if op == "REGEX" and key == "LOWER" and isinstance(arg, str):
        regex = re.compile(arg)
        return lambda t: bool(regex.search(t[4]))
    return None


def _compile_token(spec: dict[str, Any]) -> _Test | None:
    if not spec or not set(spec) <= _KEYS:
        return None
    tests = [_compile_value(key, value) for key, value in spec.items()]
    if any(t is None for t in tests):
        return None
    checks = tuple(t for t in tests if t is not None)
    return lambda t: all(check(t) for check in checks)


class TokenAttributes:
    """Does what the model's ``attribute_ruler`` and then its rule ``lemmatizer`` do to a ``Doc``."""

    def __init__(self, nlp: Language) -> None:
        """Raises ``ValueError`` where the model's components are not ones this class can stand for."""
        from spacy.pipeline import Lemmatizer
        from spacy.strings import get_string_id

        names = list(nlp.pipe_names)
        if (
            not all(n in names for n in REPLACED)
            or names.index("lemmatizer") != names.index("attribute_ruler") + 1
        ):
            raise ValueError("no attribute_ruler followed by a lemmatizer")
        ruler: Any = nlp.get_pipe("attribute_ruler")
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise ValueError("not a rule lemmatizer that keeps lemmas already set")
        if (
            type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize
            or type(lemmatizer).__call__ is not Lemmatizer.__call__
        ):
            raise ValueError("a lemmatizer of its own kind")
        if not _pure_base_form(lemmatizer):
            raise ValueError("a lemmatizer whose base forms this module does not know")
        lemmatizer._validate_tables()  # raises where the tables are missing, as spaCy's call would
        self.vocab = nlp.vocab
        self._lemmatize = lemmatizer.lemmatize
        #: (pattern order, test, attributes as spaCy's ruler keeps them) of one-token patterns
        self._singles: list[tuple[int, _Test, dict[int, int]]] = []
        #: (pattern order, first test, second test, attributes, index of the token written)
        self._pairs: list[tuple[int, _Test, _Test, dict[int, int], int]] = []
        #: the tag a one-token pattern names (``None``: any), and the patterns a tag may match
        self._single_tags: list[int | None] = []
        self._by_tag: dict[int, list[tuple[int, _Test, dict[int, int]]]] = {}
        for order, pattern in enumerate(ruler.patterns):
            attrs = ruler.attrs[order]
            index = pattern["index"]
            for alternative in pattern["patterns"]:
                tests = [_compile_token(spec) for spec in alternative]
                if any(t is None for t in tests) or not 1 <= len(tests) <= 2:
                    raise ValueError(f"a pattern this module does not read: {alternative}")
                if len(tests) == 1:
                    if index not in (0, -1):
                        raise ValueError(f"index {index} of a one-token pattern")
                    self._singles.append((order, tests[0], attrs))  # type: ignore[arg-type]
                    tag = alternative[0].get("TAG")
                    self._single_tags.append(get_string_id(tag) if isinstance(tag, str) else None)
                else:
                    if index not in (0, 1, -1, -2):
                        raise ValueError(f"index {index} of a two-token pattern")
                    self._pairs.append(
                        (order, tests[0], tests[1], attrs, index % 2)  # type: ignore[arg-type]
                    )
        from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

        self._written: list[int | str] = [POS, MORPH, LEMMA, TAG, DEP]
        #: (orth, tag, dep) -> what the two components write to such a token, (pos, morph, lemma, tag,
        #: dep), and whether a two-token pattern may start at it
        self._table: dict[tuple[int, int, int], tuple[tuple[int, int, int, int, int], bool]] = {}
        #: (orth, pos, morph) -> the lemmatizer's lemma
        self._lemmas: dict[tuple[int, int, int], int] = {}

    # ------------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG

        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, TAG, DEP, POS, MORPH, LEMMA]).tolist()
        table = self._table
        if len(table) > _MAX_TABLE:
            table.clear()
            self._lemmas.clear()
        out: list[tuple[int, int, int, int, int]] = []
        slow: list[int] = []
        starts: list[int] = []  # where a two-token pattern may match
        for i, row in enumerate(rows):
            # the table holds what the components write to a token that has no part of speech,
            # morphology or lemma yet (the tagger's and parser's output)
            found = None if row[3] or row[4] or row[5] else table.get((row[0], row[1], row[2]))
            if found is None:
                slow.append(i)
                out.append(found)  # type: ignore[arg-type]
            else:
                out.append(found[0])
                if found[1]:
                    starts.append(i)
        views: dict[int, tuple[int, int, int, bool, str]] = {}
        may_start: dict[int, bool] = {}
        if self._pairs:
            for i in slow:
                may_start[i] = any(first(self._view(views, rows, i)) for _, first, _, _, _ in self._pairs)
                if may_start[i]:
                    starts.append(i)
        paired: dict[int, list[tuple[int, dict[int, int]]]] = {}
        for i in sorted(starts):
            if i + 1 >= len(rows):
                continue
            for order, first, second, attrs, index in self._pairs:
                if first(self._view(views, rows, i)) and second(self._view(views, rows, i + 1)):
                    paired.setdefault(i + index, []).append((order, attrs))
        if not slow and not paired:
            doc.from_array(self._written, numpy.array(out, dtype="uint64"))  # type: ignore[arg-type]
            return doc
        # the tokens not in the table, and those a two-token pattern wrote: every match, in order
        worked = sorted({*slow, *paired})
        for i in worked:
            row = rows[i]
            values = {POS: row[3], MORPH: row[4], LEMMA: row[5], TAG: row[1], DEP: row[2]}
            view = self._view(views, rows, i)
            matches = [(order, attrs) for order, test, attrs in self._singles_for(row[1]) if test(view)]
            matches.extend(paired.get(i, ()))
            matches.sort(key=lambda m: m[0])
            for _, attrs in matches:
                values.update(attrs)
            out[i] = (values[POS], values[MORPH], values[LEMMA], values[TAG], values[DEP])
        written: Any = numpy.array(out, dtype="uint64")
        doc.from_array(self._written, written)
        # then the lemmatizer, where no pattern set a lemma, on the attributes just written
        lemmas = self._lemmas
        for i in worked:
            pos, morph, lemma, tag, dep = out[i]
            if lemma == 0:
                key = (rows[i][0], pos, morph)
                lemma = lemmas.get(key, 0)
                if not lemma:
                    lemma = self.vocab.strings.add(self._lemmatize(doc[i])[0])
                    lemmas[key] = lemma
                out[i] = (pos, morph, lemma, tag, dep)
                written[i, 2] = lemma
            row = rows[i]
            if i not in paired and not (row[3] or row[4] or row[5]):
                table[(row[0], row[1], row[2])] = (out[i], may_start.get(i, False))
        doc.from_array([LEMMA], written[:, 2:3])
        return doc

    def _singles_for(self, tag: int) -> list[tuple[int, _Test, dict[int, int]]]:
        """The one-token patterns a token of this tag may match (most patterns name a tag)."""
        found = self._by_tag.get(tag)
        if found is None:
            found = self._by_tag[tag] = [
                (order, test, attrs)
                for (order, test, attrs), wanted in zip(self._singles, self._single_tags, strict=True)
                if wanted is None or wanted == tag
            ]
        return found

    def _view(
        self, views: dict[int, tuple[int, int, int, bool, str]], rows: list[list[int]], i: int
    ) -> tuple[int, int, int, bool, str]:
        """What the patterns test of token ``i``: (tag, lower, dep, is_space, lower text)."""
        view = views.get(i)
        if view is None:
            row = rows[i]
            lex = self.vocab[row[0]]
            view = views[i] = (row[1], lex.lower, row[2], lex.is_space, lex.lower_)
        return view


def _pure_base_form(lemmatizer: Any) -> bool:
    """Whether the lemmatizer's ``is_base_form`` reads only the part of speech and morphology (spaCy's
    own, which says no, and the English one)."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    method = type(lemmatizer).is_base_form
    return method in (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)


def register() -> None:
    """Declare the component to spaCy (once per process)."""
    from spacy.language import Language

    if Language.has_factory(COMPONENT):
        return

    @Language.factory(COMPONENT)
    def make(nlp: Language, name: str) -> TokenAttributes:
        return TokenAttributes(nlp)


def install(nlp: Language) -> bool:
    """Put the component in place of the model's attribute ruler and lemmatizer where it can stand for
    them (see the module's text); whether it did. Never raises."""
    if COMPONENT in nlp.pipe_names:
        return True
    if os.environ.get("CRONICA_SPACY_ATTRIBUTES", "") == "1":
        return False
    register()
    try:
        nlp.add_pipe(COMPONENT, after="lemmatizer")
    except (ValueError, KeyError, AttributeError):
        if COMPONENT in nlp.component_names:
            nlp.remove_pipe(COMPONENT)
        return False
    for name in REPLACED:
        nlp.disable_pipe(name)
    return True


@contextmanager
def spacy_components(nlp: Language) -> Iterator[None]:
    """Within the block ``nlp`` runs the model's own attribute ruler and lemmatizer instead of this
    component (a benchmark's bare spaCy pass; a comparison of the two)."""
    if COMPONENT not in nlp.pipe_names:
        yield
        return
    nlp.disable_pipe(COMPONENT)
    for name in REPLACED:
        nlp.enable_pipe(name)
    try:
        yield
    finally:
        for name in REPLACED:
            nlp.disable_pipe(name)
        nlp.enable_pipe(COMPONENT)
