"""Named actors that act in one country only, as evidence of where a text happens; and armed groups of a
few countries, evidence only within a run about several countries (:func:`find_actor_groups`).

In: a text. Out: each match of a name listed in ``data/gazetteer/actor_countries.yaml`` with its span and
country ("the OSCE SMM observed ... near Komsomolets": Ukraine, whatever other Komsomolets exist). The list
is data: an actor of one country, chosen for what it is (a mission, a force, an armed group), not read from
reports. Matching is case-sensitive, on whole words (a hyphen before counts as a word break: "pro-Houthi").
Loading fails with :class:`~cronica.errors.DataFileError` naming the file when it is malformed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from cronica.errors import DataFileError

_FILE = "actor_countries.yaml"


def _words_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """Any of ``names`` as whole words, longest first (a hyphen before counts as a word break)."""
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w'-])")


@lru_cache(maxsize=1)
def actor_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """The compiled pattern of every listed name (longest first) and name -> ISO country code."""
    import yaml

    ref = resources.files("cronica") / "data" / "gazetteer" / _FILE
    try:
        data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read {_FILE}: {exc}") from exc
    actors = data.get("actors") if isinstance(data, dict) else None
    if not isinstance(actors, dict):
        raise DataFileError(f"{_FILE}: expected 'actors', a mapping of ISO codes to lists of names")
    country_of: dict[str, str] = {}
    for code, names in actors.items():
        if not (isinstance(code, str) and len(code) == 2 and isinstance(names, list)):
            raise DataFileError(f"{_FILE}: {code!r} must be an ISO code with a list of names")
        for name in names:
            if not isinstance(name, str) or not name.strip():
                raise DataFileError(f"{_FILE}: {code}: every name must be a non-empty string")
            if name in country_of and country_of[name] != code:
                raise DataFileError(f"{_FILE}: {name!r} is listed for {country_of[name]} and {code}")
            country_of[name] = code
    return _words_pattern(country_of), country_of


@lru_cache(maxsize=1)
def several_pattern() -> tuple[re.Pattern[str] | None, dict[str, frozenset[str]]]:
    """The compiled pattern of every armed group the file lists under ``several`` (active in a few
    countries) and name -> the ISO codes of its countries; no pattern when none is listed."""
    import yaml

    ref = resources.files("cronica") / "data" / "gazetteer" / _FILE
    try:
        data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read {_FILE}: {exc}") from exc
    several = data.get("several", {}) if isinstance(data, dict) else None
    if not isinstance(several, dict):
        raise DataFileError(f"{_FILE}: expected 'several', a mapping of names to lists of ISO codes")
    countries_of: dict[str, frozenset[str]] = {}
    for name, codes in several.items():
        if not (isinstance(name, str) and name.strip() and isinstance(codes, list) and len(codes) >= 2):
            raise DataFileError(f"{_FILE}: several: {name!r} must be a name with two or more ISO codes")
        if not all(isinstance(c, str) and len(c) == 2 for c in codes):
            raise DataFileError(f"{_FILE}: several: {name}: every country must be an ISO code")
        if name in actor_pattern()[1]:
            raise DataFileError(f"{_FILE}: {name!r} is listed for one country and for several")
        countries_of[name] = frozenset(codes)
    if not countries_of:
        return None, {}
    return _words_pattern(countries_of), countries_of


def find_actor_groups(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, country codes) of each armed group of several countries named in ``text``, in order."""
    pattern, countries_of = several_pattern()
    if pattern is None:
        return []
    return [(m.start(), m.end(), countries_of[m.group(0)]) for m in pattern.finditer(text)]


def find_actor_countries(text: str) -> list[tuple[int, int, str]]:
    """(start, end, country code) of each listed actor's name in ``text``, in order."""
    pattern, country_of = actor_pattern()
    return [(m.start(), m.end(), country_of[m.group(0)]) for m in pattern.finditer(text)]
