"""Which languages cronica reads, and which one a document is in.

In: ``cronica/data/languages.yaml`` (read and validated once per :func:`load_languages` call; callers keep
the result) and a document's text. Out: :class:`Language` entries (model, install hint, dependency
scheme, lexicon directory) and a language code from :func:`detect_language`. Fails with
:class:`~cronica.errors.DataFileError` naming the file and the entry that does not validate.

Detection is offline and cheap: the share of the text's words that are stopwords of each language
(``the``/``of``/``was`` against ``el``/``de``/``fue``); the language with the highest share wins, the
default language when no word is a stopword of any. A capitalised word inside a sentence is part of a
name ("El Fasher", "Al Shaikh Al Tayeb", "La Paz") and is not counted: a stopword counts as written in
lower case, in capitals, or opening a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from cronica.errors import DataFileError

_FILE = "languages.yaml"
_SCHEMES = frozenset({"clear", "ud"})
_WORD = re.compile(r"[^\W\d_]+")
_BEFORE_FIRST_WORD = frozenset(" \t\r\"'“‘«¡¿([-")  # may stand between a sentence's end and its first word
_SENTENCE_END = frozenset(".!?:;\n")


@dataclass(frozen=True)
class Language:
    code: str
    model: str
    install: str
    scheme: str
    data: str
    stopwords: frozenset[str]


@dataclass(frozen=True)
class Languages:
    default: str
    by_code: dict[str, Language]

    def get(self, code: str | None, source: str = "<language>") -> Language:
        """The entry for ``code`` ("es", "es-BO", "ES" all give Spanish); the default for ``None``.

        Raises :class:`~cronica.errors.UnsupportedLanguageError` naming ``source`` (the document or
        option that asked) for a language cronica does not read."""
        from cronica.errors import UnsupportedLanguageError

        if not code:
            return self.by_code[self.default]
        key = code.strip().lower().replace("_", "-").split("-")[0]
        if key not in self.by_code:
            raise UnsupportedLanguageError(
                source,
                f"language {code!r} is not supported (cronica reads: {', '.join(sorted(self.by_code))})",
            )
        return self.by_code[key]


def _entry(code: str, raw: Any) -> Language:
    where = f"{_FILE}: languages.{code}"
    if not isinstance(raw, dict):
        raise DataFileError(f"{where}: expected a mapping")
    for key in ("model", "install", "scheme"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise DataFileError(f"{where}: {key} must be a non-empty string")
    if raw["scheme"] not in _SCHEMES:
        raise DataFileError(f"{where}: scheme must be one of {sorted(_SCHEMES)}")
    words = raw.get("stopwords")
    if not (isinstance(words, list) and words and all(isinstance(w, str) and w == w.lower() for w in words)):
        raise DataFileError(f"{where}: stopwords must be a non-empty list of lower-case words")
    return Language(
        code, raw["model"], raw["install"], raw["scheme"], str(raw.get("data") or ""), frozenset(words)
    )


@lru_cache(maxsize=1)
def load_languages() -> Languages:
    """The bundled language table, validated (read once per process)."""
    try:
        data = yaml.safe_load(resources.files("cronica.data").joinpath(_FILE).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{_FILE}: cannot read: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("languages"), dict):
        raise DataFileError(f"{_FILE}: expected a 'languages' mapping")
    by_code = {str(code): _entry(str(code), raw) for code, raw in data["languages"].items()}
    default = data.get("default")
    if default not in by_code:
        raise DataFileError(f"{_FILE}: default {default!r} is not one of the languages")
    shared = (
        set.intersection(*(set(lang.stopwords) for lang in by_code.values())) if len(by_code) > 1 else set()
    )
    if shared:
        raise DataFileError(
            f"{_FILE}: stopwords shared by every language cannot tell them apart: {sorted(shared)}"
        )
    return Languages(str(default), by_code)


def _function_word_candidates(text: str) -> list[str]:
    """The words of ``text`` (lower-cased) that may be function words: those written in lower case or in
    capitals, and a capitalised word only where it opens a sentence; a capitalised word inside a
    sentence is a name's ("RSF shelling targeted Al Shaikh Al Tayeb": no Spanish "al")."""
    words: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if word.islower() or word.isupper() or _opens_sentence(text, match.start()):
            words.append(word.lower())
    return words


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` is the first of the text or of a sentence."""
    i = start - 1
    while i >= 0 and text[i] in _BEFORE_FIRST_WORD:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def detect_language(text: str, languages: Languages | None = None, sample: int = 4000) -> str:
    """The code of the language whose stopwords make up the largest share of ``text``'s words.

    Reads the first ``sample`` characters (enough for a headline and a lede). The default language
    wins ties and whenever another language has fewer than two stopwords in the sample: one shared
    word decides nothing ("Al Shabaab members kill three Kenyan soldiers" is not Spanish for its "al")."""
    table = languages or load_languages()
    words = _function_word_candidates(text[:sample])
    hits = {code: sum(1 for w in words if w in lang.stopwords) for code, lang in table.by_code.items()}
    best, best_hits = table.default, hits.get(table.default, 0)
    for code, n in hits.items():
        if n > best_hits and n >= 2:
            best, best_hits = code, n
    return best
