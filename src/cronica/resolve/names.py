"""Name folding shared by the gazetteer index, the importer and recognition.

In: any place name as written ("La Paz", "Potosí", "SANTA  CRUZ"). Out: its folded key
("la paz", "potosi", "santa cruz"): accents removed, case-folded, every run of characters
that are not letters or digits turned into one space. Never fails; an empty or all-punctuation
name folds to "".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
# Letters outside these blocks (Cyrillic, Arabic, CJK ...) mark a name as non-Latin.
_LATIN_OK = re.compile(r"^[\u0000-\u024F\u1E00-\u1EFF\u2018\u2019\u201C\u201D\u2013\u2014]*$")
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d"})


@lru_cache(maxsize=1 << 16)  # recognition folds the same words many times a document
def fold(name: str) -> str:
    """The lookup key of ``name``: no accents, case-folded, words separated by single spaces."""
    if name.isascii():
        return _NON_WORD.sub(" ", name.lower()).strip()
    text = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text.casefold()).strip()


def is_latin(name: str) -> bool:
    """True when every character of ``name`` is Latin script, digits or common punctuation."""
    return bool(_LATIN_OK.match(name))


def looks_like_code(name: str) -> bool:
    """True for alternate names that are codes, not names: "LPB", "BO-L", "http://...", "7500"."""
    if any(ch.isdigit() for ch in name) or "://" in name:
        return True
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) <= 4 and name.isupper()
