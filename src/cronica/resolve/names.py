"""Name folding shared by the gazetteer index, the importer and recognition.

In: any place name as written ("La Paz", "Potosí", "SANTA  CRUZ", "Murang'a", "Kadıköy"). Out: its
folded key ("la paz", "potosi", "santa cruz", "muranga", "kadikoy"): accents removed, the Turkic
dotless ı and the schwa ə read as i and e, apostrophes inside a word dropped, case-folded, every
other run of characters that are not letters or digits turned into one space. Never fails; an empty
or all-punctuation name folds to "".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
# Letters outside these blocks (Cyrillic, Arabic, CJK ...) mark a name as non-Latin; ə and the modifier
# apostrophes ʻ ʼ of Azerbaijani and Uzbek names are Latin.
_LATIN_OK = re.compile(
    r"^[\u0000-\u024F\u0259\u02BB\u02BC\u1E00-\u1EFF\u2018\u2019\u201C\u201D\u2013\u2014]*$"
)
#: Apostrophes, which reports write or leave out inside a name ("Murang'a"/"Muranga", "Ma’rib"/"Marib",
#: Uzbek "Oʻzbekiston"): dropped, not turned into a space.
_APOSTROPHES = "'\u2018\u2019\u02bb\u02bc"
_SPECIAL = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d"}
    # Turkish, Azerbaijani: "Kadıköy" is written "Kadikoy", "Tərtər" "Terter"
    | {"ı": "i", "ə": "e", "Ə": "e"}
    | dict.fromkeys(_APOSTROPHES, "")
)


@lru_cache(maxsize=1 << 16)  # recognition folds the same words many times a document
def fold(name: str) -> str:
    """The lookup key of ``name``: no accents, case-folded, words separated by single spaces."""
    if name.isascii():
        return _NON_WORD.sub(" ", name.lower().replace("'", "")).strip()
    text = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text.casefold()).strip()


_APART = str.maketrans(dict.fromkeys(_APOSTROPHES, " "))
#: A name shorter than this without its apostrophe is another, common name too often ("Dar'ā" and
#: Afghanistan's "Dara"): such a name is found only with the apostrophe written, or read as a space.
_MIN_JOINED = 5


def folds(name: str) -> tuple[str, ...]:
    """The keys an index stores for ``name``, and a lookup of ``name`` tries: its :func:`fold`, and for a
    name with an apostrophe also the fold with the apostrophe read as a space, as a report that writes a
    hyphen for it reads ("N’Dali" is found as "N'Dali", "NDali" and "N-Dali"). The fold without the
    apostrophe is left out when it has fewer than five letters ("Dar'ā" is found as "Dar'a", not "Dara")."""
    key = fold(name)
    if not any(ch in name for ch in _APOSTROPHES):
        return (key,)
    apart = fold(name.translate(_APART))
    if apart == key:
        return (key,)
    if sum(ch.isalpha() for ch in key) < _MIN_JOINED:
        return (apart,)
    return (key, apart)


def is_latin(name: str) -> bool:
    """True when every character of ``name`` is Latin script, digits or common punctuation."""
    return bool(_LATIN_OK.match(name))


def looks_like_code(name: str) -> bool:
    """True for alternate names that are codes, not names: "LPB", "BO-L", "http://...", "7500"."""
    if any(ch.isdigit() for ch in name) or "://" in name:
        return True
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) <= 4 and name.isupper()


#: Articles dropped from a name of several words before its spelling key ("Ras al Ain", "Ra's al 'Ayn").
_KEY_ARTICLES = frozenset({"al", "el", "ar", "as", "ash", "at", "ad", "an", "az", "ath", "adh"})
_KEY_ARTICLES |= frozenset({"ed", "es", "et", "er", "en", "ez"})
#: Letters and letter groups that transliterations of one sound differ by, each to one letter.
_KEY_LETTERS = (
    ("tch", "c"), ("dj", "j"), ("kh", "h"), ("gh", "g"), ("sh", "s"), ("ch", "c"), ("zh", "j"),
    ("th", "t"), ("dh", "d"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("c", "k"), ("x", "ks"),
    ("w", "u"), ("y", "i"),
)  # fmt: skip
_NOT_AZ = re.compile(r"[^a-z]+")
_VOWELS = re.compile(r"[aeiou]+")
_DOUBLED = re.compile(r"([^aeiou])\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")


@lru_cache(maxsize=1 << 16)
def spelling_key(name: str) -> str:
    """A key shared by the transliterations of one name ("Quamishli" and "Al Qāmishlī" are both
    ``kamasla``; "Jandairis" and "Jindayris" both ``jandaras``): folded, articles of a name of several words
    dropped, every character but the letters a-z removed, digraphs to one letter (kh/h, sh/s, q/k, w/u,
    y/i ...), a final h after a vowel dropped, every run of vowels one "a", doubled consonants single.
    Coarse on purpose: only for names the gazetteer lacks, among the places of one division."""
    return _key(fold(name), _KEY_LETTERS)


def _key(folded: str, letters: tuple[tuple[str, str], ...]) -> str:
    words = folded.split()
    if len(words) > 1:
        words = [w for w in words if w not in _KEY_ARTICLES] or words
    key = _NOT_AZ.sub("", "".join(words))
    for group, letter in letters:
        key = key.replace(group, letter)
    key = _FINAL_H.sub("", key)
    return _DOUBLED.sub(r"\1", _VOWELS.sub("a", key))


#: Letters that Unicode does not decompose to a-z, in the transliterations of division names ("Bakı",
#: "Tərtər"); the others (ʻ ’ ‘ of "Şāʻdah", "Ma’rib") are dropped with every character but a-z.
_DIVISION_LETTERS = str.maketrans({"ı": "i", "ə": "e", "Ə": "e", "ħ": "h", "Ħ": "h"})
#: The spelling key's letter groups but w/u: a w that became a vowel made "Western" the key of "Eastern".
_DIVISION_KEY_LETTERS = tuple(pair for pair in _KEY_LETTERS if pair != ("w", "u"))


def division_key(name: str, generic: Iterable[str] = ()) -> str:
    """The :func:`spelling_key` of a division's name, w kept a consonant, without the ``generic`` words that
    say its level
    ("Şāʻdah" and "Sadah" are both ``sada``; "Galguduud" and "Galgaduud Region" ``galgadad``; "An
    Nabaţīyah" and "Nabatiye" ``nabata``). Coarse like the spelling key: two divisions of one country
    can share a key ("Eastern" and "Western"), so a caller compares keys only among the divisions of one
    country and only where the key is one division's (see :meth:`Gazetteer.division_keys`)."""
    folded = fold(name.translate(_DIVISION_LETTERS))
    drop = sorted((fold(g) for g in generic), key=len, reverse=True)
    for phrase in drop:
        if phrase and (" " + phrase + " ") in (" " + folded + " "):
            rest = (" " + folded + " ").replace(" " + phrase + " ", " ").strip()
            if rest:
                folded = rest
    return _key(folded, _DIVISION_KEY_LETTERS) if folded else ""


_WORD_FINAL_H = re.compile(r"(?<=[aeiouy])h\b")
_DH = re.compile(r"\bdh")


def division_spelling(name: str, generic: Iterable[str] = ()) -> str:
    """A coarser :func:`division_key` for finding a division by a spelling the gazetteer lacks, across the
    world: the fold also loses the final h of each word after a vowel ("Salah ad Din" and "Sala al-Din",
    "Qadisiyah" and "Qadissiya"), and a word's opening dh is th (Arabic dhal, "Dhi Qar" and "Thi-Qar").
    Names are compared with it only where a report gives the name a level word ("Thi-Qar province") and
    the key is one division's in the world (:meth:`Gazetteer.division_spelled`)."""
    folded = fold(name.translate(_DIVISION_LETTERS))
    return division_key(_DH.sub("th", _WORD_FINAL_H.sub("", folded)), generic)
