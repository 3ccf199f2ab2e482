"""Find place mentions in a parsed document without trusting the NER labels.

In: a spaCy ``Doc`` and a :class:`~cronica.resolve.Gazetteer`. Out: :class:`PlaceMention` records
in text order, and :class:`CountryEvidence` for demonyms ("Bolivian" -> BO).

Rules (the cue words live in ``data/gazetteer/recognition.yaml``):

* a capitalised word sequence the gazetteer knows is a place when the context supports it: a
  locative word before it ("in", "around", "of" ...), an NER label GPE/LOC/FAC, an administrative
  suffix ("La Paz department"), or being a country or continent name; whatever label NER gave;
* it is not a place when it is part of a person's name in the document ("Evo Morales" makes every
  "Morales" a person) or lies strictly inside a longer organisation name ("London University");
* a capitalised name the gazetteer lacks is a place in three frames: "around the Senkata gas plant
  in El Alto" (inside El Alto), "Huayllani, a suburb of Cochabamba" (inside Cochabamba), and
  "in Huayllani" (inside the place of a nearby "a suburb of Cochabamba", when there is one);
* demonyms are country evidence, never place mentions.

Fails with :class:`~cronica.errors.DataFileError` when the cue file is missing or invalid and with
:class:`~cronica.errors.GazetteerError` when the index cannot be read.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from cronica.errors import DataFileError
from cronica.nlp.arrays import arrays, doc_ents, span_text
from cronica.nlp.matching import GatedMatcher, doc_text, lower_hashes
from cronica.records import Span
from cronica.resolve.gazetteer import Gazetteer, GazetteerEntry
from cronica.resolve.names import fold

#: Longest name, in words, that recognition looks up.
MAX_NAME_WORDS = 6
#: In a lower-cased text, a gazetteer place needs this population to count (plus a cue).
LOWERCASE_MIN_POPULATION = 50_000


@dataclass(frozen=True)
class PlaceMention:
    """Words that name a place, and what in the text supports reading them as one.

    ``name`` is the name to look up (the words without an administrative suffix); ``known`` says
    whether the gazetteer has it; ``cue`` is the evidence (``prep:in``, ``ner:GPE``,
    ``admin_suffix``, ``country_name``, ``facility``, ``apposition``, ``qualifier``);
    ``admin_level`` is ``admin1``/``admin2`` after "department", "state" ...; ``container`` is the
    span of the mention that the text says contains this one, with ``relation`` saying how.
    """

    span: Span
    name: str
    start_token: int
    end_token: int
    known: bool
    cue: str
    ner_label: str | None = None
    admin_level: str | None = None
    container: Span | None = None
    relation: str | None = None
    facility_word: str | None = None  # "Freedom Square", "Royal Plaza": the name names a facility
    #: "Villa Ingenio": the longer capitalised name a known head word ("Villa") begins, read as a
    #: name the gazetteer lacks when the head's only entries lie abroad
    longer: PlaceMention | None = None


@dataclass(frozen=True)
class CountryEvidence:
    """A word that points at a country without naming a place ("Bolivian", "Bolivians")."""

    span: Span
    country_code: str
    kind: str = "demonym"


#: Lower-case words after a known name that say it is a town ("Gusau town", "Meru town"): a cue for the
#: name, and a town rather than the division of the same name.
TOWN_WORDS = frozenset({"town", "city", "village"})


def load_cues() -> dict[str, Any]:
    """The cue lists of ``recognition.yaml``; DataFileError when missing or malformed."""
    import yaml

    ref = resources.files("cronica") / "data" / "gazetteer" / "recognition.yaml"
    try:
        data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read the place cue file recognition.yaml: {exc}") from exc
    lists = (
        "in_links",
        "of_links",
        "articles",
        "locative_cues",
        "unknown_name_cues",
        "unknown_name_areas",
        "facility_nouns",
        "area_nouns",
        "area_links",
        "qualifier_gap_words",
        "stop_names",
        "name_connectors",
        "name_articles",
        "name_articles_spaced",
        "support_labels",
        "veto_labels_for_unknown",
        "generic_heads",
        "chain_words",
        "chain_levels",
        "people_nouns",
        "coding_cues",
        "coding_ends",
    )
    if not isinstance(data, dict):
        raise DataFileError("recognition.yaml: expected a mapping of cue lists")
    for key in lists:
        if not isinstance(data.get(key), list) or not all(isinstance(w, str) for w in data[key]):
            raise DataFileError(f"recognition.yaml: {key!r} must be a list of words")
    if not isinstance(data.get("admin_suffixes"), dict) or not all(
        v in {"admin1", "admin2"} for v in data["admin_suffixes"].values()
    ):
        raise DataFileError("recognition.yaml: 'admin_suffixes' must map words to admin1 or admin2")
    return data


def cues_for(cues: dict[str, Any], lang: str) -> dict[str, Any]:
    """The cue lists for language ``lang``: the shared lists, extended by ``languages.<lang>`` (its
    own words for the same cues, such as Spanish "en", "municipio", "planta")."""
    extra = (cues.get("languages") or {}).get(lang) or {}
    if not isinstance(extra, dict):
        raise DataFileError(f"recognition.yaml: languages.{lang} must be a mapping of cue lists")
    out = dict(cues)
    for key, words in extra.items():
        if isinstance(out.get(key), list):
            if not isinstance(words, list):
                raise DataFileError(f"recognition.yaml: languages.{lang}.{key} must be a list of words")
            out[key] = [*out[key], *words]
        else:
            out[key] = words
    return out


class PlaceRecognizer:
    """Finds place mentions; build once (its Matcher patterns are compiled here) and call per Doc."""

    def __init__(self, gazetteer: Gazetteer, vocab: Vocab) -> None:
        self.gazetteer = gazetteer
        self.vocab = vocab
        cues = cues_for(load_cues(), vocab.lang)
        #: "Pauk in Magway", "Nkwen district of Bamenda", "the Senkata plant": the linking words
        self.in_links = frozenset(cues["in_links"])
        self.of_links = frozenset(cues["of_links"])
        self.articles = frozenset(cues["articles"])
        #: "Senkata, en El Alto": a comma before the "in" link (languages that write it so)
        self.comma_in = bool(cues.get("comma_in", False))
        self.locative = frozenset(cues["locative_cues"])
        self.unknown_cues = frozenset(cues["unknown_name_cues"])
        self._unknown_cue_hashes = frozenset(vocab.strings.add(w) for w in self.unknown_cues)
        #: "in the area of Spartak, Donetsk": "the <area> of" is a cue for a name the gazetteer lacks too
        self.unknown_areas = frozenset(cues["unknown_name_areas"])
        self.facility = frozenset(cues["facility_nouns"])
        #: "Dhaka University": institutions named for the town they stand in, read after its name
        self.town_institutions = frozenset(cues.get("town_institutions", ()))
        self.area_nouns = frozenset(cues["area_nouns"])
        self.people_nouns = frozenset(cues["people_nouns"])
        #: "(coded as Wajir at geo precision 2)", "coordinates for Garissa used": where a note was coded
        self.coding_cues = frozenset(cues["coding_cues"])
        self.coding_ends = frozenset(cues["coding_ends"]) | TOWN_WORDS | self.area_nouns
        self.area_links = frozenset(cues["area_links"])
        self.gap_words = frozenset(cues["qualifier_gap_words"])
        self.stop = frozenset(cues["stop_names"])
        self.connectors = frozenset(cues["name_connectors"])
        self.name_articles = frozenset(cues["name_articles"])
        self.name_articles_spaced = frozenset(cues["name_articles_spaced"])
        self.generic_heads = frozenset(fold(w) for w in cues["generic_heads"])
        self.support_labels = frozenset(cues["support_labels"])
        self.veto_unknown = frozenset(cues["veto_labels_for_unknown"])
        self.admin_suffixes: dict[str, str] = dict(cues["admin_suffixes"])
        # multi-word suffixes ("local government area") first
        self._suffixes = sorted(
            ((tuple(k.split()), v) for k, v in self.admin_suffixes.items()), key=lambda kv: -len(kv[0])
        )
        #: Lower-case words that may follow a name inside ACLED's parenthesis of levels ("(Momauk township,
        #: Bhamo district, Kachin State)", "Kolofata subdivision (Mayo-Sava, Extreme-Nord)"): area nouns,
        #: one-word administrative suffixes and the other levels (``chain_levels``).
        self.level_words = (
            self.area_nouns
            | frozenset(k for k in self.admin_suffixes if " " not in k)
            | frozenset(cues["chain_levels"])
        )
        #: "Paletwa Town", "Kati Commune", "Minbya Town": a level or town word is no name of its own
        #: however it is written (not "Town", a district of Saint Lucia), and a capitalised one ends the
        #: name before it as a lower-case one does
        self.stop = self.stop | self.level_words | TOWN_WORDS
        #: Lower-case words that may stand between a name and the larger places a report lists after it
        #: ("Raya area of Balambala sub-county, Garissa county"; ``chain_words`` and the words above)
        self.chain_words = (
            frozenset(cues["chain_words"])
            | self.level_words
            | self.facility
            | self.gap_words
            | self.in_links
            | self.of_links
            | self.articles
            | _COMPASS
        )
        # the same, by first word (a suffix can only start on its first word), in the same order
        self._suffixes_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, level in self._suffixes:
            self._suffixes_by_first.setdefault(words[0], []).append((words, level))
        title = {"IS_TITLE": True}
        filler = {"IS_LOWER": True, "OP": "{0,6}"}
        dash = {"ORTH": {"IN": ["-", "–"]}, "OP": "?"}
        # gated: runs only on texts holding a facility word or an area noun (cronica.nlp.matching)
        self.matcher = GatedMatcher(
            vocab,
            {
                "FACILITY": [
                    [
                        {"LOWER": {"IN": sorted(self.unknown_cues)}},
                        {"LOWER": {"IN": sorted(self.articles)}, "OP": "?"},
                        title,
                        {"IS_TITLE": True, "OP": "{0,2}"},
                        filler,
                        dash,
                        filler,
                        {"LOWER": {"IN": sorted(self.facility)}},
                        {"LOWER": {"IN": sorted(self.in_links | self.of_links | {"near", "outside"})}},
                    ]
                ],
                "AREA_OF": [
                    [
                        {"LOWER": {"IN": sorted(self.articles | {"a", "an"})}},
                        {"IS_LOWER": True, "OP": "?"},
                        {"LOWER": {"IN": sorted(self.area_nouns)}},
                        {"LOWER": {"IN": sorted(self.area_links)}},
                    ]
                ],
                # "Solhan, a village in northern Burkina Faso": read in apposition to a name only
                "AREA_IN": [
                    [
                        {"LOWER": {"IN": sorted(self.articles | {"a", "an"})}},
                        {"IS_LOWER": True, "OP": "?"},
                        {"LOWER": {"IN": sorted(self.area_nouns)}},
                        {"LOWER": {"IN": sorted(self.in_links)}},
                        {"LOWER": {"IN": sorted(_COMPASS)}, "OP": "?"},
                    ]
                ],
            },
        )

    # -- helpers ----------------------------------------------------------------------------------

    def _suffix_at(self, doc: Doc, j: int) -> tuple[str, int] | None:
        """The administrative level and length in tokens of a suffix starting at token ``j``
        ("department", "Local Government Area"), else None."""
        if j >= len(doc):
            return None
        for words, level in self._suffixes_by_first.get(doc[j].lower_, ()):
            if j + len(words) <= len(doc) and all(doc[j + k].lower_ == w for k, w in enumerate(words)):
                return level, len(words)
        return None

    def _capitalised(self, tok: Token) -> bool:
        return _capitalised_text(tok.text)

    def _name_end(self, doc: Doc, i: int, taken: set[int]) -> int:
        """Where the name opening at token ``i`` ends: capitalised words, and words joined to them by
        a hyphen with no space ("Bar-Sanguun", "Mogadishu-Wadajir", "al-Khalsiyeh"); at most four
        words."""
        end, words = i + 1, 1
        while end < len(doc) and end not in taken and words < 4:
            if self._capitalised(doc[end]) and doc[end].lower_ in self.level_words | TOWN_WORDS:
                break  # "Paletwa Town, Paletwa Township": the name, then its level
            if self._capitalised(doc[end]):
                end, words = end + 1, words + 1
            elif self._hyphenated_article_at(doc, end) and not any(k in taken for k in range(end, end + 3)):
                end, words = end + 3, words + 1  # "Wadi al-Rabi"
            elif (link := _linked_name_at(doc, end)) and not any(k in taken for k in range(end, end + link)):
                end, words = end + link, words + 1  # "Sar-e Gaw", "Qala-i-Naw"
            elif (
                doc[end].text in _DASHES
                and end + 1 < len(doc)
                and not doc[end - 1].whitespace_
                and not doc[end].whitespace_
                and (self._capitalised(doc[end + 1]) or doc[end + 1].lower_ in self.name_articles)
            ):
                end += 2
            else:
                break
        return end

    def _short_forms(self, doc: Doc, i: int, j: int) -> list[tuple[int, int]]:
        """Shorter forms (token ranges) of the name at tokens ``i:j`` to look up when the whole is
        not known, best first: without its article ("Ar-Raqqa", "al Tabqa" -> "Raqqa", "Tabqa"), and
        the town before a hyphen that joins a part of it ("Mogadishu-Wadajir", ACLED's "Town-Part" ->
        "Mogadishu")."""
        forms = []
        k = i
        hyphen = j - i >= 3 and doc[i + 1].text in _DASHES and not doc[i].whitespace_
        # "Ar-Raqqa", "al Tabqa"; not "En Villa" (Spanish "in") nor "At Tadawin" (a word of its own)
        if doc[i].lower_ in self.name_articles and (
            hyphen or (j - i >= 2 and doc[i].lower_ in self.name_articles_spaced)
        ):
            k = i + 2 if hyphen else i + 1
            if k < j and self._capitalised(doc[k]):
                forms.append((k, j))
        for h in range(k + 1, j - 1):
            if (
                doc[h].text in _DASHES
                and not doc[h - 1].whitespace_
                and not doc[h].whitespace_
                and self._capitalised(doc[h + 1])
            ):
                # the whole is one hyphenated word: "Mogadishu-Wadajir", not "Guinea-Bissau on Monday"
                joined = all(not doc[t].whitespace_ for t in range(h - 1, j - 1))
                if joined and doc[i:h].text.lower() not in self.name_articles:
                    forms.append((i, h))
                break
        return forms

    @staticmethod
    def _lowercased(doc: Doc, words: _Words | None = None) -> bool:
        """A text with (almost) no capitals: some corpora are shipped lower-cased."""
        w = words or _Words(doc)
        texts = [
            t for t, alpha, first in zip(w.text, w.alpha, w.sent_start, strict=True) if alpha and not first
        ]
        if len(texts) < 20:
            return False
        return sum(1 for t in texts if t[0].isupper()) / len(texts) < 0.03

    def _name_like(self, tok: Token, lower: bool) -> bool:
        if self._capitalised(tok):
            return True
        return lower and tok.is_alpha and not tok.is_stop and tok.pos_ in {"PROPN", "NOUN", "ADJ"}

    def _candidate_spans(
        self, doc: Doc, lower: bool = False, words: _Words | None = None
    ) -> dict[tuple[int, int], str]:
        out: dict[tuple[int, int], str] = {}
        w = words or _Words(doc)
        # once a token, not once a candidate span
        like = [
            _capitalised_text(t) or (lower and self._name_like(doc[i], lower)) for i, t in enumerate(w.text)
        ]
        text = doc_text(doc)
        for i in range(len(doc)):
            if not like[i]:
                continue
            for n in range(1, MAX_NAME_WORDS + 1):
                j = i + n
                if j > len(doc):
                    break
                if n > 1 and w.sent_start[j - 1]:
                    break
                last = w.text[j - 1]
                if not (
                    like[j - 1]
                    or last.lower() in self.connectors
                    or last in _DASHES
                    or last in self.name_articles
                    or (last == "/" and _joined(w, j - 1))  # "Obio/Akpor", "Ogori/Magongo" LGAs
                ):
                    break
                if like[j - 1]:
                    out[(i, j)] = text[w.start[i] : w.end[j - 1]]
        return out

    def _person_names(self, doc: Doc) -> set[str]:
        """Folded words of multi-word PERSON names, unless the whole name is a known place."""
        names: set[str] = set()
        # a word NER also tags as a place elsewhere ("Ampara" in "Ampara Senior Superintendent of
        # Police") is not taken for a person's name
        ents = doc_ents(doc)
        placed = {fold(span_text(e)) for e in ents if e.label_ in self.support_labels}
        for ent in ents:
            if ent.label_ == "PERSON" and len(ent) > 1 and not self.gazetteer.lookup([ent.text]):
                suffix = self._suffix_at(doc, ent.end - 1)
                if (
                    suffix is not None
                    and suffix[1] == 1
                    and self.gazetteer.lookup([doc[ent.start : ent.end - 1].text])
                ):
                    continue  # "Rakhine State" tagged PERSON: a known division and its level word
                names.add(fold(ent.text))
                # a transliterated article is no person's word: "Al Maqani" tagged PERSON does not make
                # the "Al" of "(Hays, Al Hudaydah)" a person's name
                names.update(
                    fold(t.text)
                    for t in ent
                    if self._capitalised(t)
                    and fold(t.text) not in placed
                    and t.lower_ not in self.name_articles
                )
        return names

    def _support(self, doc: Doc, i: int, j: int, entries: list[GazetteerEntry]) -> str | None:
        k = i - 1
        # "in the Lahore", "of eastern Taiz", "in the northern Kano": articles and compass words between
        while (
            k >= 0 and i - k <= 3 and (doc[k].lower_ == "the" or doc[k].lower_.replace("-", "") in _COMPASS)
        ):
            k -= 1
        prev = doc[k] if k >= 0 else None
        if (
            prev is not None
            and k >= 1
            and prev.lower_ in self.of_links
            and doc[k - 1].lower_ in self.facility
            and doc[k - 1].text[:1].isupper()
            and doc[k - 1].ent_type_ == doc[i].ent_type_ == "ORG"
        ):
            # "the University of Ouagadougou" (one ORG, the facility word capitalised): where it is, read
            # only as a weak place; not "the village of Bamba (Koro, Mopti)" with Bamba tagged ORG
            return "institution"
        if prev is not None and prev.lower_ in self.locative:
            return f"prep:{prev.lower_}"  # "at Chiang Mai University": at Chiang Mai
        if self._names_institution(doc, i, j):
            return "institution"  # "students of Dhaka University": the town it is named for, a weak place
        if (
            k >= 1
            and f"{doc[k - 1].lower_} {doc[k].lower_}" in self.coding_cues
            and (j >= len(doc) or doc[j].lower_ in self.coding_ends)
        ):
            return "coded"  # "(coded as Wajir at geo precision 2)", "coordinates for Garissa used"
        if (
            j < len(doc)
            and doc[j].text in {":", "—", "–"}
            and (i == 0 or doc[i - 1].is_space or doc[i].is_sent_start)
        ):
            return "dateline"
        label = doc[i].ent_type_
        if label in self.support_labels:
            return f"ner:{label}"
        if self._suffix_at(doc, j):
            return "admin_suffix"
        if j < len(doc) and doc[j].lower_ in TOWN_WORDS:
            return "town_word"  # "gunmen attacked Gusau town", "raided Kapedo village"
        if j < len(doc) and doc[j].lower_ in self.people_nouns and self._name_alone(doc, i, j):
            return "people_noun"  # "Litein residents protested", "Mombasa demonstrators"
        if any(e.kind in {"country", "continent"} for e in entries):
            return "country_name"
        return None

    @staticmethod
    def _name_alone(doc: Doc, i: int, j: int) -> bool:
        """Whether NER makes the words ``i:j`` no person and no part of a longer organisation ("Kitale"
        tagged ORG on its own before "traders" is still the town)."""
        label = doc[i].ent_type_
        if label == "PERSON":
            return False
        if label != "ORG":
            return True
        return doc[i].ent_iob_ == "B" and (j >= len(doc) or doc[j].ent_iob_ != "I")

    @staticmethod
    def _dateline(doc: Doc, i: int, j: int) -> bool:
        """ "KHARTOUM, Sudan (AP) —", "jaipur:", "EL ALTO.-": a place name opening the text or a
        paragraph."""
        opening = i == 0 or "\n" in doc[i - 1].text_with_ws  # the first word of a line
        if not opening or j >= len(doc):
            return False
        if doc[j].text in {",", ":", "—", "–", "-", "(", ".-", ".—", ".–"}:
            return True
        # a digest's paragraph opener: "Kupiansk. Russian shelling injured two women ..."
        return doc[j].text == "." and j + 1 < len(doc) and doc[j + 1].text[:1].isupper()

    def _in_place_list(self, doc: Doc, i: int, ends: set[int]) -> bool:
        """ "Lahore, Punjab", "in Kasipul, Homa Bay", "Pangani (Starehe, Nairobi)", "Mai Mahiu (Narok)":
        a name after a comma or an opening parenthesis that follows a place (or capitalised words right
        after a locative cue) qualifies it; so does a name opening a parenthesis right after a proper
        noun that NER does not call an organisation, a group or a person ("shelled Abu Hamama
        (Kassala)"; not "the Red Crescent (Sudan)")."""
        if i < 2 or doc[i - 1].text not in {",", "("}:
            return False
        if doc[i - 1].text == "(" and self._opens_after_proper_noun(doc, i - 1):
            return True
        k = i - 1
        for _step in range(_PARENTHESIS_REACH + 4):  # the parenthesis, and a name and area word before it
            if k in ends:
                return True
            if (
                k < i - 1
                and doc[k].text == "("
                and k >= 1
                and self._capitalised(doc[k - 1])
                and doc[k - 1].pos_ == "PROPN"
            ):
                # "Bab Ghaliq (Qaatabah, Ad Dali)": the larger of two levels in a parenthesis after a
                # proper noun, whatever NER made of the noun (ACLED's "Place (District, Province)")
                return True
            prev = doc[k - 1] if k >= 1 else None
            if prev is None or prev.is_sent_end:
                return False
            if k < i - 1 and self._after_unknown_cue(doc, k):
                return True
            if doc[k].text == "(" and prev.lower_ in self.area_nouns | self.facility:
                k -= 1  # "Mogadishu-Wadajir district (Wadajir, Banadir)"
                continue
            if not (
                self._capitalised(prev)
                or prev.text in {",", "("}
                or (prev.is_lower and prev.lower_ in self.level_words)
            ):
                return False
            k -= 1
        return False

    def _after_level_word(self, doc: Doc, i: int) -> bool:
        """Whether the word at ``i`` follows a lower-case level word and a comma ("Charbolak district,
        Balkh"; ``level_words``): the place a report lists after a division."""
        return (
            i >= 2
            and doc[i - 1].text == ","
            and doc[i - 2].is_lower
            and doc[i - 2].lower_ in self.level_words
        )

    def _after_unknown_cue(self, doc: Doc, i: int) -> bool:
        """Whether the word at ``i`` follows a cue for a name the gazetteer lacks: "near X", or "the
        area of X" (:attr:`unknown_areas`)."""
        if i < 1:
            return False
        if doc[i - 1].lower_ in self.unknown_cues:
            return True
        return (
            i >= 3
            and doc[i - 1].lower_ in self.of_links
            and doc[i - 2].lower_ in self.unknown_areas
            and doc[i - 3].lower_ in self.articles
        )

    def _after_area_of(self, doc: Doc) -> list[int]:
        """The words right after "the <area> of" ("in the area of Spartak", "the outskirts of X")."""
        lower = arrays(doc).lower  # the shared arrays: no Token object a word
        links, areas, articles = self.of_links, self.unknown_areas, self.articles
        return [
            k + 1
            for k in range(3, len(lower) - 1)
            if lower[k] in links and lower[k - 1] in areas and lower[k - 2] in articles
        ]

    def _fills_place_parenthesis(self, doc: Doc, i: int, j: int) -> bool:
        """ "at the Bijapur and Dantewada border (Chhattisgarh)", "under Manpur Police Station limits
        (Rajnandgaon, Chhattisgarh)": a parenthesis that holds nothing but known names, one to three
        separated by commas, the last a first- or second-level division or a country, names places,
        whatever word comes before it; the last, a first-level division or a country, is a place
        whatever the names before it are."""
        k = i - 1
        while k >= 0 and i - k <= MAX_NAME_WORDS * 2 and (doc[k].text == "," or self._capitalised(doc[k])):
            k -= 1
        e = j
        while (
            e < len(doc) and e - j <= MAX_NAME_WORDS * 2 and (doc[e].text == "," or self._capitalised(doc[e]))
        ):
            e += 1
        if k < 0 or e >= len(doc) or doc[k].text != "(" or doc[e].text != ")":
            return False
        items: list[list[Token]] = [[]]
        for t in doc[k + 1 : e]:
            if t.text == ",":
                items.append([])
            else:
                items[-1].append(t)
        if not 1 <= len(items) <= 3 or any(not item for item in items):
            return False
        names = [doc[item[0].i : item[-1].i + 1].text for item in items]
        found = self.gazetteer.lookup(names)
        last = found.get(fold(names[-1]), [])
        if len(items) > 1 and items[-1][0].i == i and any(e.kind in {"admin1", "country"} for e in last):
            # "Jhudo town (Mirpurkhas, Sindh)" tagged ORG: ACLED's district the gazetteer lacks, then
            # its province, which is a place whatever the district is
            return True
        if any(fold(n) not in found for n in names):
            return False
        return any(e.kind in {"admin1", "admin2", "country"} for e in last)

    def _opens_after_proper_noun(self, doc: Doc, k: int) -> bool:
        """Whether the parenthesis at token ``k`` follows a proper noun that NER does not call an
        organisation, a group or a person ("shelled Abu Hamama (Kassala)"), or such a noun and an area
        word ("Bar-Sanguun village (Kismaayo, Lower Juba)": then NER's label does not count, the area
        word says it is a place)."""
        if k < 1:
            return False
        area = doc[k - 1].is_lower and doc[k - 1].lower_ in self.level_words | self.facility
        p = k - 2 if area else k - 1
        return (
            p >= 0
            and self._capitalised(doc[p])
            and doc[p].pos_ == "PROPN"
            and (area or doc[p].ent_type_ not in {"ORG", "NORP", "PERSON"})
        )

    def _head_of_longer_name(self, doc: Doc, j: int) -> bool:
        """ "in Trans Mara": a known name ("Trans") followed at once by a capitalised word that is
        neither a place, a facility, an administrative suffix nor a stop word is the head of a longer
        name the gazetteer lacks; so is one followed by a hyphenated article and a name ("Wadi
        al-Rabi", "Kafr al-Haddad")."""
        if j >= len(doc):
            return False
        if self._hyphenated_article_at(doc, j):
            return True
        return self._name_word(doc[j]) and not self.gazetteer.lookup([doc[j].text])

    def _hyphenated_article_at(self, doc: Doc, j: int) -> bool:
        """Whether tokens ``j:j+3`` are a lower-case article joined by a hyphen to a capitalised word
        ("al-Rabi" after "Wadi")."""
        return (
            j + 2 < len(doc)
            and doc[j].lower_ in self.name_articles
            and doc[j].is_lower
            and doc[j + 1].text in _DASHES
            and not doc[j].whitespace_
            and not doc[j + 1].whitespace_
            and self._capitalised(doc[j + 2])
        )

    def _article_of_next_name(self, doc: Doc, i: int, j: int) -> bool:
        """ "in As Sabaa", "in At Tadawin": a capitalised transliterated article inside a sentence,
        followed by a capitalised word, opens the name that follows; it is no place of its own."""
        return (
            j == i + 1
            and j < len(doc)
            and doc[i].lower_ in self.name_articles
            and not doc[i].is_sent_start
            and self._capitalised(doc[j])
            and doc[i].whitespace_ != ""
        )

    def _tail_of_longer_name(self, doc: Doc, i: int) -> bool:
        """ "the Black Sea city of Batumi": "Sea" ends a longer name the gazetteer lacks; a qualifier
        ("North", "Central") or a sentence start before the name does not count."""
        if i == 0:
            return False
        prev, tok = doc[i - 1], doc[i]
        return (
            self._capitalised(prev)
            and prev.is_alpha
            and not prev.is_sent_start
            and fold(prev.text) not in self.stop
            and tok.ent_iob_ == "I"
            and prev.ent_type_ == tok.ent_type_
            and prev.ent_type_ != "PERSON"
        )

    def _names_institution(self, doc: Doc, i: int, j: int) -> bool:
        """Whether words ``i:j`` open an ORG that a capitalised institution word closes ("students of
        Rajshahi University"), not one that qualifies a noun after it ("the London University economist",
        "Dhaka University students"): the town such an institution is named for."""
        return (
            j < len(doc)
            and doc[j].lower_ in self.town_institutions
            and doc[j].text[:1].isupper()
            and doc[i].ent_iob_ == "B"
            and doc[i].ent_type_ == doc[j].ent_type_ == "ORG"
            and (j + 1 >= len(doc) or doc[j + 1].ent_iob_ != "I")
            # not a name that qualifies someone ("the London University economist"): the people's
            # affiliation, not where anything happened
            and doc[j].dep_ not in {"compound", "amod", "nmod"}
        )

    def _inside_longer_org(self, doc: Doc, i: int, j: int) -> bool:
        """Whether words ``i:j`` lie strictly inside an ORG name ("London University"; not the place that
        ends a facility's name after "of": "the University of Ouagadougou"); an ORG span
        that runs over a locative word or a parenthesis before the name ("the Makupa Causeway Road in
        Mombasa (Chaani, Mvita)"), or into a parenthesis it does not close ("Abuja (Abuja Municipal
        LGA" of "in Abuja (Abuja Municipal LGA, FCT)"), is a tagging error, not a name."""
        ents = doc_ents(doc)  # sorted and never overlapping: only the last one starting by i can hold it
        k = bisect.bisect_right(ents, i, key=_ent_start) - 1
        if k < 0:
            return False
        ent = ents[k]
        if ent.label_ == "ORG" and j <= ent.end and (ent.end - ent.start) > (j - i):
            if j == ent.end and i - ent.start >= 2 and doc[i - 1].lower_ in self.of_links:
                if doc[i - 2].lower_ in self.facility:
                    return False  # "the University of Ouagadougou": the place the institution is in
            if self._names_institution(doc, i, j):
                return False  # "Dhaka University": the town it is named for
            inside = doc[ent.start : i]
            if any(t.lower_ in self.unknown_cues or t.text in {"(", ")"} for t in inside):
                return False
            brackets = [t.text for t in ent if t.text in {"(", ")"}]
            return brackets.count("(") == brackets.count(")")
        return False

    def _span(self, doc: Doc, i: int, j: int) -> Span:
        s = doc[i:j]
        return Span(s.start_char, s.end_char, span_text(s))

    # -- main --------------------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> list[PlaceMention]:
        words = _Words(doc)
        lower = self._lowercased(doc, words)
        candidates = self._candidate_spans(doc, lower, words)
        found = self.gazetteer.lookup(candidates.values())
        if lower:
            # without capitals only well-known places with a cue count: no village named like a common word
            found = {
                k: [
                    e
                    for e in v
                    if e.kind == "country" or (e.kind == "city" and e.population >= LOWERCASE_MIN_POPULATION)
                ]
                for k, v in found.items()
            }
            found = {k: v for k, v in found.items() if v}
        persons = self._person_names(doc)
        mentions: dict[int, PlaceMention] = {}
        taken: set[int] = set()
        # the longest known name starting at each word; a name is read after the last one ends
        folded = {span: fold(text) for span, text in candidates.items()}
        short = self._known_short_forms(
            doc, [span for span, key in folded.items() if key not in found], found
        )
        spelled = {} if lower else self._spelled_divisions(doc, candidates, folded, found, short)
        longest: dict[int, int] = {}
        for (start, end), key in folded.items():
            if (key in found or (start, end) in short) and end > longest.get(start, 0):
                longest[start] = end
        i = 0
        for start in sorted(longest):
            if start < i:
                continue
            i, j = start, longest[start]
            form = short.get((i, j))
            ends = {m.longer.end_token if m.longer else m.end_token for m in mentions.values()}
            after_place = self._in_place_list(doc, i, ends)
            if form is None:
                entries = found[folded[(i, j)]]
                # a division's name with its level word is no person's ("Thi-Qar province" tagged PERSON)
                named = persons - {folded[(i, j)], *folded[(i, j)].split()} if (i, j) in spelled else persons
                mention = self._known_mention(doc, i, j, entries, named, after_place, spelled.get((i, j)))
            else:
                mention = self._short_form_mention(doc, (i, j), form, found, persons, after_place)
                entries = found[fold(mention.name)] if mention is not None else []
            if mention is not None:
                mention = self._with_longer_name(doc, mention, entries, found)
                mentions[i] = mention
                end = mention.longer.end_token if mention.longer else mention.end_token
                taken.update(range(mention.start_token, end))
                j = max(j, end)
            i = j
        self._qualifiers(doc, mentions)
        self._unknown_mentions(doc, mentions, taken, persons)
        return [mentions[k] for k in sorted(mentions)]

    def _spelled_divisions(
        self,
        doc: Doc,
        candidates: dict[tuple[int, int], str],
        folded: dict[tuple[int, int], str],
        found: dict[str, list[GazetteerEntry]],
        short: dict[tuple[int, int], tuple[int, int]],
    ) -> dict[tuple[int, int], str]:
        """ "Thi-Qar province", "the Saladin province", "Missan Governorate": a name the gazetteer lacks
        followed by a first-level division's level word, that is another transliteration of the name of
        one first-level division in the world (:meth:`Gazetteer.division_spelled`: GeoNames' "Dhī Qār",
        "Şalāḩ ad Dīn", "Maysān"), is that division. Span -> the division's name to look up; its entry
        is added to ``found`` under the span's fold, and the span loses its short form in ``short``."""
        out: dict[tuple[int, int], str] = {}
        generic = self.admin_suffixes
        for span, text in candidates.items():
            if folded[span] in found:
                continue
            suffix = self._suffix_at(doc, span[1])
            if suffix is None or suffix[0] != "admin1":
                continue
            after = span[1] + suffix[1]
            if after < len(doc) and doc[after].lower_ == "of":
                continue  # "Metina region of Amedi district": a part of a smaller division, no province
            entry = self.gazetteer.division_spelled(text, generic)
            if entry is not None:  # the division, not the town before its hyphen ("Thi" of "Thi-Qar")
                found[folded[span]] = [entry]
                out[span] = entry.name
                short.pop(span, None)
        return out

    def weak_mentions(self, doc: Doc, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
        """Known names no cue made a mention of, outside the ``mentions``: a town or county named only as
        a word of an organisation's or a group's name ("Embu University students", "Muranga residents"
        tagged PERSON, "Nyeri KMTC students", "the Machakos road"), or as the object of a verb with no
        locative word ("Al Shabaab invaded Mandera" tagged ORG). Cue ``weak``: never a place mention of
        the document (they give no focus evidence); the resolver reads them only in the focus country
        (:meth:`PlaceResolver.resolve_weak`) and the extractor only where nothing else places an event.
        Not a word of a person's name, an acronym, a stop name, a demonym, a country or a continent, nor
        part of a hyphenated word ("Mogadishu-based"); none in a lower-cased text."""
        words = _Words(doc)
        if self._lowercased(doc, words):
            return []
        taken: set[int] = set()
        for m in mentions:
            end = m.longer.end_token if m.longer else m.end_token
            taken.update(range(m.start_token, end))
        candidates = {
            span: text
            for span, text in self._candidate_spans(doc, False, words).items()
            if not any(k in taken for k in range(*span))
        }
        if not candidates:
            return []
        found = self.gazetteer.lookup(candidates.values())
        longest: dict[int, int] = {}
        for (start, end), text in candidates.items():
            if fold(text) in found and end > longest.get(start, 0):
                longest[start] = end
        persons = self._person_names(doc)
        out: list[PlaceMention] = []
        i = 0
        for start in sorted(longest):
            if start < i:
                continue
            i, j = start, longest[start]
            span = doc[i:j]
            text = span_text(span)
            entries = found[fold(candidates[(i, j)])]
            if (
                any(t.is_upper and len(t.text) > 1 for t in span)
                or fold(text) in persons
                or fold(text) in self.stop
                or any(fold(t.text) in persons for t in span if t.ent_type_ == "PERSON")
                or any(e.kind in {"country", "continent"} for e in entries)
                or self.gazetteer.demonym_country(text)
                or _lowercase_hyphen_after(doc, j)
            ):
                i = j
                continue
            out.append(
                PlaceMention(self._span(doc, i, j), text, i, j, True, "weak", doc[i].ent_type_ or None)
            )
            i = j
        return out

    def _known_short_forms(
        self, doc: Doc, spans: list[tuple[int, int]], found: dict[str, list[GazetteerEntry]]
    ) -> dict[tuple[int, int], tuple[int, int]]:
        """For each span the gazetteer lacks, its first shorter form that it knows (looked up in one
        query, added to ``found``)."""
        forms = {span: self._short_forms(doc, *span) for span in spans}
        wanted = {doc[a:b].text for fs in forms.values() for a, b in fs}
        wanted = {w for w in wanted if fold(w) not in found}
        if wanted:
            found.update(self.gazetteer.lookup(wanted))
        out: dict[tuple[int, int], tuple[int, int]] = {}
        for span, fs in forms.items():
            known = [f for f in fs if fold(doc[f[0] : f[1]].text) in found]
            if known:
                out[span] = known[0]
        return out

    def _short_form_mention(
        self,
        doc: Doc,
        whole: tuple[int, int],
        form: tuple[int, int],
        found: dict[str, list[GazetteerEntry]],
        persons: set[str],
        after_place: bool,
    ) -> PlaceMention | None:
        """The mention of words the gazetteer knows only by a shorter form: without the article, the
        words are the place ("Ar-Raqqa" is Raqqa); the town before a hyphen ("Mogadishu-Wadajir") is
        the mention, with the whole as its ``longer`` name (a part of the town, or a name the
        gazetteer lacks when the town lies abroad)."""
        (i, j), (a, b) = whole, form
        name = doc[a:b].text
        entries = found[fold(name)]
        if b == j:  # the article dropped
            return self._known_mention(doc, i, j, entries, persons, after_place, name, part_ok=True)
        rest = found.get(fold(doc[b + 1 : j].text), []) if doc[b].text in _DASHES else []
        if any(e.kind == "country" for e in entries) and any(e.kind == "country" for e in rest):
            return None  # "the Nepal-India border": two countries (focus evidence), not a town and its part
        head = self._known_mention(doc, i, b, entries, persons, after_place, name, part_ok=True)
        if head is None:
            return None
        longer = PlaceMention(self._span(doc, i, j), doc[i:j].text, i, j, False, head.cue, head.ner_label)
        return _with(head, longer=longer)

    def _known_mention(
        self,
        doc: Doc,
        i: int,
        j: int,
        entries: list[GazetteerEntry],
        persons: set[str],
        after_place: bool = False,
        name: str | None = None,
        part_ok: bool = False,
    ) -> PlaceMention | None:
        """The known name at tokens ``i:j`` as a mention when a cue supports it; ``name``: the
        shorter form of the words that the gazetteer knows, when it lacks the words themselves;
        ``part_ok``: the words may be joined to others by a hyphen."""
        words = doc[i:j]
        dateline = self._dateline(doc, i, j)
        if (
            not dateline
            and any(t.is_upper and len(t.text) > 1 for t in words)
            and not any(e.kind == "country" for e in entries)
        ):
            return None  # "MAS", "COB": acronyms match only country abbreviations ("US", "UK")
        text = span_text(words)
        if fold(text) in persons or fold(text) in self.stop:
            return None
        if self._tail_of_longer_name(doc, i):
            return None
        if self._article_of_next_name(doc, i, j):
            return None  # "in As Sabaa", "in At Tadawin": not As (Belgium) nor At
        if _abbreviation_before_number(doc, i, j):
            return None  # "the No. 3 Ward office": not No, Haiti
        if (
            not dateline
            and not any(e.kind == "country" for e in entries)
            and self._head_of_longer_name(doc, j)
        ):
            return None
        # "Charbolak district, Balkh": a division's name after a level word and a comma is a place,
        # whatever NER made of it
        level_listed = self._after_level_word(doc, i) and any(e.kind in {"admin1", "admin2"} for e in entries)
        if any(t.ent_type_ == "PERSON" and fold(t.text) in persons for t in words) and not level_listed:
            return None
        if not part_ok and _hyphenated_part(doc, i, j):
            return None  # "Al-Masbah", "Kupiansk-Vuzlovyi": part of a longer name
        suffix = self._suffix_at(doc, j)
        facility = (
            doc[j].lower_
            if j < len(doc) and self._capitalised(doc[j]) and doc[j].lower_ in self.facility
            else None
        )
        if (
            suffix is None
            and self._inside_longer_org(doc, i, j)
            and not (facility and i > 0 and doc[i - 1].lower_ in self.unknown_cues)
            # "(Barwani, Madhya Pradesh)" tagged ORG: a parenthesis of known places is no organisation
            and not self._fills_place_parenthesis(doc, i, j)
        ):
            return None  # "Zurmi Local Government Area" tagged ORG is still the area; "at Chiang Mai
            # University" is at Chiang Mai
        if self.gazetteer.demonym_country(text) and not any(e.kind == "country" for e in entries):
            return None
        if _owns_a_mission(doc, j) and any(e.kind == "country" for e in entries):
            return None  # "outside the U.S. embassy in Baghdad": the embassy's owner, not where it is
        cue = (
            ("dateline" if dateline else None)
            or self._support(doc, i, j, entries)
            or ("qualifier" if after_place else None)
            or ("parenthesis" if self._fills_place_parenthesis(doc, i, j) else None)
            or ("qualifier" if level_listed else None)
        )
        if cue is None:
            return None
        admin_level = None
        end = j
        if suffix is not None:
            admin_level, end = suffix[0], j + suffix[1]
        label = doc[i].ent_type_ or None
        return PlaceMention(
            self._span(doc, i, end),
            name or text,
            i,
            end,
            True,
            cue,
            label,
            admin_level,
            # "Rajshahi University": the town the institution is named for, not a facility inside it
            facility_word=None if cue == "institution" else facility,
        )

    def _with_longer_name(
        self, doc: Doc, m: PlaceMention, entries: list[GazetteerEntry], found: dict[str, Any]
    ) -> PlaceMention:
        """ "in Villa Ingenio": a known name ("Villa") followed at once by capitalised words the
        gazetteer also knows on their own ("Ingenio") but not together begins a longer name; the
        mention keeps that name as ``longer`` (resolution reads it when the head lies only abroad). A
        generic head (``generic_heads``: "San", "Villa", "Puerto") is no place alone: the mention is
        the longer name, one the gazetteer lacks."""
        if m.cue == "dateline" or m.admin_level or m.facility_word:
            return m
        if any(e.kind == "country" for e in entries):
            return m
        end = m.end_token
        while end < len(doc) and end - m.start_token < MAX_NAME_WORDS and self._name_word(doc[end]):
            end += 1
        if end == m.end_token or fold(doc[m.start_token : end].text) in found:
            return m
        if not self.gazetteer.lookup([doc[m.end_token].text]):
            return m  # an unknown next word: the head-of-longer-name rule already dropped the head
        words = doc[m.start_token : end]
        longer = PlaceMention(
            self._span(doc, m.start_token, end), words.text, m.start_token, end, False, m.cue, m.ner_label
        )
        if fold(m.name) in self.generic_heads:
            return longer  # "San Ingenio": one name the gazetteer lacks, never the town "San" (Mali)
        return _with(m, longer=longer)

    def _name_word(self, tok: Token) -> bool:
        """A word that continues a capitalised name: no facility, area or suffix word, no stop word,
        demonym or person's name, not the start of a sentence."""
        return (
            self._capitalised(tok)
            and tok.is_alpha
            and not tok.is_sent_start
            and tok.ent_type_ != "PERSON"
            and tok.lower_ not in self.facility
            and tok.lower_ not in self.area_nouns
            and fold(tok.text) not in self.stop
            and self._suffix_at(tok.doc, tok.i) is None
            and not self.gazetteer.demonym_country(tok.text)
        )

    def _area_gap(self, doc: Doc, k: int) -> int:
        """The token after up to three area, facility or gap words from token ``k`` on ("village",
        "town center", "Police Station limits"); ``k`` when there are none."""
        words = self.area_nouns | self.facility | self.gap_words
        e = k
        while e < len(doc) and e - k < 3 and doc[e].lower_ in words:
            e += 1
        return e

    def _qualifiers(self, doc: Doc, mentions: dict[int, PlaceMention]) -> None:
        """ "Paris, Texas" / "Lahore, Punjab": the second name contains the first."""
        parentheses = self._parentheses_before(doc, mentions)
        for start in sorted(mentions):
            m = mentions[start]
            k = m.longer.end_token if m.longer else m.end_token
            container, relation = None, None
            gap = self._area_gap(doc, k)
            if (
                gap > k
                and gap + 1 < len(doc)
                and (doc[gap].text == "(" or (doc[gap].text == "," and (gap + 1) in mentions))
            ):
                # "Pati village (Barwani, Madhya Pradesh)", "Kadikoy town center, Istanbul", "Manpur
                # Police Station limits (Rajnandgaon, Chhattisgarh)": area words stand between
                k = gap
            if k + 1 < len(doc) and doc[k].text in {",", "("} and (k + 1) in mentions:
                container, relation = mentions[k + 1].span, "qualifier"
            elif not m.known and gap + 1 < len(doc) and doc[gap].text == ",":
                # "Zin Ba town, Tedim township, Falam district": a name the gazetteer lacks lies in the
                # next known place of its list
                found = self._container_after(doc, gap, mentions)
                if found is not None and found[1] == "qualifier":
                    container, relation = found[0].span, "qualifier"
            elif k + 1 < len(doc) and doc[k].text == "(" and k in parentheses:
                # "Hays (Qaatabah, Al Hudaydah)": the smallest level of the parenthesis the gazetteer knows
                found = self._container_after(doc, k, mentions)
                if found is not None:
                    container, relation = found[0].span, "qualifier"
            elif k + 2 < len(doc) and doc[k].lower_ in self.area_nouns and doc[k + 1].lower_ in {"of", "in"}:
                # "the Las Palmas neighbourhood of Esmeraldas", "Kilimani area of Nairobi"
                c = k + 2 + (doc[k + 2].lower_ == "the")
                if c in mentions:
                    container, relation = mentions[c].span, "part_of"
            elif (
                k + 2 < len(doc)
                and m.facility_word is None
                and doc[k].lower_ in self.facility
                and doc[k + 1].lower_ in self.in_links
            ):
                # "the Litoral penitentiary in Guayaquil": the facility named X lies in Y
                c = k + 2 + (doc[k + 2].lower_ == "the")
                if c + 2 < len(doc) and doc[c].lower_ in self.name_articles and doc[c + 1].text in _DASHES:
                    c += 2  # "Hole camp in al-Hasakeh"
                if c in mentions:
                    container, relation = mentions[c].span, "part_of"
            elif k + 1 < len(doc) and doc[k].lower_ in self.in_links:
                # "Kinda in Idleb", "Rihaniya in al-Hasakeh", "Karama in eastern Ar-Raqqa countryside"
                found = self._container_after(doc, k, mentions)
                if found is not None and found[1] == "in":
                    container, relation = found[0].span, "in"
            if container is not None:
                longer = _with(m.longer, container=container, relation=relation) if m.longer else None
                mentions[start] = _with(m, container=container, relation=relation, longer=longer)

    def _unknown_mentions(
        self, doc: Doc, mentions: dict[int, PlaceMention], taken: set[int], persons: set[str]
    ) -> None:
        by_start = {m.start_token: m for m in mentions.values()}
        anchors: list[tuple[int, PlaceMention]] = []  # "(in) a suburb of Y": position, Y
        # only a match that ends where a known place starts is used
        for match in self._matches_before(doc, by_start):
            rule, s, e = match.label_, match.start, match.end
            if rule in ("AREA_OF", "AREA_IN") and e in by_start:
                before = doc[s - 1] if s > 0 else None
                if before is not None and before.text == "," and s > 1 and self._capitalised(doc[s - 2]):
                    # the frame says the name is a place: NER's person label does not veto it, and the
                    # name runs back over the entity that ends at the comma ("Tudun Wada, a village in")
                    i = s - 2
                    while (
                        i > 0
                        and doc[i].ent_iob_ == "I"
                        and s - 2 - i < 3
                        and _capitalised_text(doc[i - 1].text)
                    ):
                        i -= 1
                    link = "suburb_of" if rule == "AREA_OF" else "in"
                    self._add_unknown(
                        doc, mentions, taken, persons, i, by_start[e], "apposition", link, s - 1, True
                    )
                elif rule == "AREA_OF":
                    anchors.append((s, by_start[e]))
            elif rule == "FACILITY" and e in by_start:
                k = s + 1
                if doc[k].lower_ in self.articles:
                    k += 1
                end = k
                while end < e and self._capitalised(doc[end]):
                    end += 1
                self._add_unknown(
                    doc, mentions, taken, persons, k, by_start[e], "facility", "facility_in", end
                )
        self._parenthesised(doc, mentions, taken, persons, by_start)
        # "in Huayllani": an unknown name after a locative cue, inside a nearby "suburb of Y".
        cues = self._unknown_cue_hashes
        after_cue = [i + 1 for i, low in enumerate(arrays(doc).lower_hash[:-1]) if low in cues]
        # "in the area of Spartak, Donetsk": after "the <area> of" only with the place qualifying it
        # ("the village of Namanhumbir, about 20 km east of Montepuez" in a long report moved an
        # incident's place and date to another incident's)
        area_of = set(self._after_area_of(doc)) if self.unknown_areas else set()
        for i in sorted({*after_cue, *area_of}):
            if i in taken or not self._capitalised(doc[i]):
                continue
            end = self._name_end(doc, i, taken)
            container = None
            relation = None
            after = self._container_after(doc, end, by_start)
            if i in area_of and i not in after_cue and (after is None or after[1] != "qualifier"):
                continue
            if after is not None:
                container, relation = after
            else:
                near = [y for pos, y in anchors if pos < i and _sentence_distance(doc, pos, i) <= 2]
                if near:
                    container, relation = near[-1], "suburb_of"
            self._add_unknown(
                doc, mentions, taken, persons, i, container, "prep:" + doc[i - 1].lower_, relation, end
            )

    def _matches_before(self, doc: Doc, by_start: dict[int, PlaceMention]) -> list[SpacySpan]:
        """The facility and area matches (``self.matcher``) that may end where a known place starts, in
        the ``Matcher``'s order: the matcher reads only the stretches of words before those places
        that a match can span (no token of its patterns matches whitespace, so a match holds at most
        as many tokens as its patterns' words), not the whole text."""
        anchors = self.matcher.anchors
        if not by_start or (anchors is not None and not self.matcher.can_match(lower_hashes(doc))):
            return []
        if anchors is None or anchors.before is None or anchors.after is None:
            return self.matcher.spans(doc)
        reach = anchors.before + 1 + anchors.after
        stretches: list[tuple[int, int]] = []
        for end in sorted(by_start):
            start = max(0, end - reach)
            if stretches and start <= stretches[-1][1]:
                stretches[-1] = (stretches[-1][0], end)
            else:
                stretches.append((start, end))
        if not anchors.regexes:  # every match holds an anchor word: a stretch without one holds none
            lower, words = arrays(doc).lower_hash, anchors.words
            stretches = [(a, b) for a, b in stretches if not words.isdisjoint(lower[a:b])]
        return [m for a, b in stretches if b > a for m in self.matcher.matcher(doc[a:b], as_spans=True)]

    def _parenthesised(
        self,
        doc: Doc,
        mentions: dict[int, PlaceMention],
        taken: set[int],
        persons: set[str],
        by_start: dict[int, PlaceMention],
    ) -> None:
        """ "Mitiga Airport (Tripoli)", "Qalimow village (Balcad, Middle Shabelle)", "Wadi al-Rabi
        (Aljfara)": capitalised words (and an area word) before a parenthesis that opens on known
        places name a place inside them, whatever NER made of the words."""
        # a parenthesis can only open right before a known place: read those tokens, not every token
        # (reading one that opens on a name the gazetteer lacks, "X (Qaatabah, Ad Dali)", moved two
        # held-out notes out of 25 km and none into the right division: X is left to the other rules)
        for k in sorted(start - 1 for start in by_start if start > 1):
            if doc[k].text != "(":
                continue
            lower_noun = doc[k - 1].is_lower and doc[k - 1].lower_ in self.area_nouns | self.facility
            end = k - 1 if lower_noun else k  # "Qalimow village (": the name is "Qalimow"
            start = end
            while (
                start > 0
                and end - start < 5
                and (start - 1) not in taken
                and not doc[start - 1].is_sent_end
                and (
                    self._capitalised(doc[start - 1])
                    or doc[start - 1].lower_ in self.connectors
                    or doc[start - 1].text == "-"
                )
            ):
                start -= 1
            while start < end and not self._capitalised(doc[start]):
                start += 1  # a name opens on a capital ("in al-Khalsiyeh": from "Khalsiyeh")
            if start == end:
                continue
            found = self._container_after(doc, k, by_start)
            if found is None:
                continue
            self._add_unknown(
                doc, mentions, taken, persons, start, found[0], "parenthesis", found[1], end, named=True
            )

    def _parentheses_before(self, doc: Doc, by_start: dict[int, PlaceMention]) -> set[int]:
        """Tokens "(" that open on a known place, directly or after capitalised words, commas and level
        words (the names the gazetteer lacks of smaller levels: "(Qaatabah, Ad Dali)", "(Ann Township,
        Kyaukpyu District, Rakhine State)")."""
        out = set()
        for start in by_start:
            j = start - 1
            while j > 1 and start - j <= _PARENTHESIS_REACH and doc[j].text != "(":
                if not (
                    self._capitalised(doc[j])
                    or doc[j].text == ","
                    or (doc[j].is_lower and doc[j].lower_ in self.level_words)
                ):
                    break
                j -= 1
            if j > 1 and doc[j].text == "(":
                out.add(j)
        return out

    def _container_after(
        self, doc: Doc, end: int, by_start: dict[int, PlaceMention]
    ) -> tuple[PlaceMention, str] | None:
        """The known place that the words after token ``end`` put a name inside: "Pauk in Magway",
        "Pauk township in the Magway region", "Nkwen district of Bamenda", "Pauk township, Magway"."""
        near = self._direction_of(doc, end, by_start)
        if near is not None:
            return near, "near"
        k = end
        if k + 1 < len(doc) and doc[k].lower_ in self.area_nouns and doc[k + 1].text == "(":
            k += 1  # "in Num Lang village (Momauk township, Bhamo district, ...)"
        # "in Kasipul, Homa Bay", "Pangani (Starehe, Nairobi)": the next place in the same list, past
        # level words ("Tedim township, Falam district"); in a parenthesis the first known level however
        # many it names before ("(Momauk township, Bhamo district, Kachin State)": Bhamo)
        if k + 1 < len(doc) and doc[k].text in {",", "("}:
            j = k + 1
            reach = _PARENTHESIS_REACH if doc[k].text == "(" else 4
            while (
                j < len(doc)
                and j - k <= reach
                and j not in by_start
                and (
                    self._capitalised(doc[j])
                    or doc[j].text == ","
                    or (doc[j].is_lower and doc[j].lower_ in self.level_words)
                )
            ):
                j += 1
            if j in by_start:
                return by_start[j], "qualifier"
        if k < len(doc) and doc[k].lower_ in self.area_nouns:
            k += 1
            links = self.in_links | self.of_links | {","}
        else:
            links = frozenset(self.in_links)
            if self.comma_in and k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in links:
                k += 1
        if k >= len(doc) or doc[k].lower_ not in links:
            return None
        k += 1
        if k < len(doc) and doc[k].lower_ in self.articles:
            k += 1
        if k + 2 < len(doc) and doc[k].lower_ in self.name_articles and doc[k + 1].text in _DASHES:
            k += 2  # "in al-Hasakeh": the mention is the name after its article
        # "in the central Sagaing region", "of northern Taiz"
        while k < len(doc) and doc[k].lower_.replace("-", "") in _COMPASS and k not in by_start:
            k += 1
        found = by_start.get(k)
        if found is None and k < len(doc) and self._capitalised(doc[k]):
            # "Myo Thit village in Momauk township (Bhamo District, Kachin State)": in a place the
            # gazetteer lacks, itself in the first known level of its parenthesis
            j = k
            while j < len(doc) and j - k < 4 and j not in by_start and self._capitalised(doc[j]):
                j += 1
            if j < len(doc) and doc[j].is_lower and doc[j].lower_ in self.level_words:
                j += 1
            if j < len(doc) and j not in by_start and doc[j].text == "(":
                outer = self._container_after(doc, j, by_start)
                if outer is not None and outer[1] == "qualifier":
                    return outer[0], "in"
        return (found, "in") if found is not None else None

    @staticmethod
    def _direction_of(doc: Doc, end: int, by_start: dict[int, PlaceMention]) -> PlaceMention | None:
        """ "Tajoura, east of Tripoli", "Kimoka, some 10 km west of Sake": the known place a name is
        located from (its point stands in, at precision 2)."""
        k = end
        if k >= len(doc) or doc[k].text != ",":
            return None
        k += 1
        while k < len(doc) and (
            doc[k].lower_ in {"some", "about", "around", "roughly", "nearly", "just", "a", "few"}
            or doc[k].like_num
            or doc[k].lower_ in {"km", "kms", "kilometres", "kilometers", "miles", "mi"}
        ):
            k += 1
        if k < len(doc) and doc[k].lower_.replace("-", "") in _DIRECTIONS:
            k += 1
            if k < len(doc) and doc[k].lower_ == "of":
                return by_start.get(k + 1)
        return None

    def _add_unknown(
        self,
        doc: Doc,
        mentions: dict[int, PlaceMention],
        taken: set[int],
        persons: set[str],
        i: int,
        container: PlaceMention | None,
        cue: str,
        relation: str | None,
        end: int | None = None,
        named: bool = False,
    ) -> None:
        """Add the unknown name at tokens ``i:end``; ``named``: the frame itself says it is a place
        ("X (Tripoli)"), so NER's person or date labels do not veto it."""
        if end is None:
            end = self._name_end(doc, i, taken)
        if i < 0 or end <= i or any(k in taken for k in range(i, end)):
            return
        words: SpacySpan = doc[i:end]
        key = fold(words.text)
        if not key or key in self.stop:
            return
        if not named and (key in persons or any(fold(t.text) in persons for t in words)):
            return
        if not named and (words[0].ent_type_ in self.veto_unknown or words[0].ent_type_ == "PERSON"):
            return
        if any(t.is_upper and len(t.text) > 1 for t in words) or self.gazetteer.demonym_country(words.text):
            return
        label = words[0].ent_type_ or None
        # "in Chapainawabganj district": the level the word after it names (the resolver looks for a
        # district of that spelling)
        suffix = self._suffix_at(doc, end)
        mentions[i] = PlaceMention(
            self._span(doc, i, end),
            words.text,
            i,
            end,
            False,
            cue,
            label,
            suffix[0] if suffix else None,
            container.span if container else None,
            relation if container else None,
        )
        taken.update(range(i, end))


#: How many tokens ACLED's parenthesis of levels may hold before the known level a name is read in
#: ("(Ann Township, Kyaukpyu District, Rakhine State)": eight before Rakhine).
_PARENTHESIS_REACH = 10

_COMPASS = frozenset(
    {
        f"{side}{suffix}"
        for side in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
        for suffix in ("ern", "")
    }
    | {"central", "upper", "lower", "greater"}
)
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outside"}
)


def _capitalised_text(text: str) -> bool:
    """Whether a word is written as a name: a capital first, or a lower-case class prefix before one
    ("eThekwini", "uMgungundlovu": Zulu names of places)."""
    if not text:
        return False
    if text[0].isupper():
        return any(ch.isalpha() for ch in text)
    return (
        len(text) >= 5
        and text[0].islower()
        and text[1].isupper()
        and text[2:].isalpha()
        and text[2:].islower()
    )


class _Words:
    """A ``Doc``'s tokens as plain lists, read once: text, character offsets, sentence starts and
    whether each is alphabetic (walking ``Token`` objects again for every rule is what cost)."""

    def __init__(self, doc: Doc) -> None:
        columns = arrays(doc)  # shared with the other readers of the document
        self.text: list[str] = columns.text
        self.start: list[int] = columns.idx
        self.end: list[int] = [a + len(text) for a, text in zip(columns.idx, columns.text, strict=True)]
        self.sent_start: list[bool] = columns.sent_start
        self.alpha: list[bool] = columns.is_alpha


def _with(m: PlaceMention, **changes: Any) -> PlaceMention:
    from cronica.fields import replace

    return replace(m, **changes)


_DASHES = frozenset({"-", "\u2013"})


def _joined(w: _Words, k: int) -> bool:
    """Whether token ``k`` stands between two words with no space on either side ("Obio/Akpor")."""
    return 0 < k < len(w.text) - 1 and w.end[k - 1] == w.start[k] and w.end[k] == w.start[k + 1]


def _hyphenated_part(doc: Doc, i: int, j: int) -> bool:
    """Words joined by a hyphen with no space to a longer name ("Al-Jahmaliya"), to a linking word
    that opens the rest of a name ("Sar-e Gaw", "Qala-i-Naw": :func:`_linked_name_at`), or to a
    lower-case word that makes them one word ("Non-violent activity", "Mogadishu-based")."""
    dashes = _DASHES
    after = (
        j + 1 < len(doc)
        and doc[j].text in dashes
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
        and (doc[j + 1].text[:1].isupper() or doc[j + 1].is_alpha)
    )
    before = (
        i >= 2
        and doc[i - 1].text in dashes
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
        and doc[i - 2].text[:1].isupper()
    )
    return after or before


def _lowercase_hyphen_after(doc: Doc, j: int) -> bool:
    """Whether the words ending at ``j`` are joined by a hyphen to a lower-case word ("Mogadishu-based",
    "Iran-backed"): one word that names no place."""
    return (
        j + 1 < len(doc)
        and doc[j].text in _DASHES
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
        and doc[j + 1].text[:1].islower()
    )


def _abbreviation_before_number(doc: Doc, i: int, j: int) -> bool:
    """Whether the one word at ``i:j`` is an abbreviation with a full stop before a numeral ("No. 3",
    "No.3 Ward"): a name is not abbreviated before a number."""
    if j - i != 1 or j >= len(doc) or doc[i].lower_.rstrip(".") not in _NUMBER_ABBREVIATIONS:
        return False
    if doc[i].text.endswith("."):
        return doc[j].text[:1].isdigit()
    return (
        doc[j].text == "." and not doc[i].whitespace_ and j + 1 < len(doc) and doc[j + 1].text[:1].isdigit()
    )


#: Abbreviations of "number" ("the No. 3 Ward office", "Nr. 5"), which are also places (No, Haiti).
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "nr", "num"})


#: Longest lower-case word that links the parts of a hyphenated name ("Sar-e Gaw", "Qala-i-Naw",
#: "Villers-le-Bocage", "Aix-en-Provence"): the Persian ezafe, articles and prepositions.
_LINK_LETTERS = 3


def _linked_name_at(doc: Doc, j: int) -> int:
    """The tokens, from ``j``, of a hyphen, a short lower-case linking word and the capitalised word
    it opens ("-e Gaw" of "Sar-e Gaw", "-i-Naw"), else 0."""
    if not (
        j + 2 < len(doc)
        and doc[j].text in _DASHES
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
        and doc[j + 1].is_lower
        and doc[j + 1].is_alpha
        and len(doc[j + 1].text) <= _LINK_LETTERS
    ):
        return 0
    k = j + 2
    if k + 1 < len(doc) and doc[k].text in _DASHES and not doc[j + 1].whitespace_ and not doc[k].whitespace_:
        k += 1
    return k + 1 - j if _capitalised_text(doc[k].text) else 0


def _sentence_distance(doc: Doc, a: int, b: int) -> int:
    if not doc.has_annotation("SENT_START"):
        return 0
    return sum(1 for t in doc[a + 1 : b + 1] if t.is_sent_start)


#: Words for a state's diplomatic mission abroad: the country that names one ("the U.S. embassy", "the
#: Iranian consulate") owns it and is the one country it is not in.
_MISSION_WORDS = frozenset({"embassy", "embassies", "consulate", "consulates", "legation"})


def _owns_a_mission(doc: Doc, j: int) -> bool:
    """Whether the words ending before token ``j`` name the owner of a diplomatic mission: ``j`` is
    "embassy", "consulate" or "legation" ("the U.S. embassy", "the Turkish Consulate General")."""
    return j < len(doc) and doc[j].lower_ in _MISSION_WORDS


def find_country_evidence(doc: Doc, gazetteer: Gazetteer) -> list[CountryEvidence]:
    """Demonyms in ``doc`` ("Bolivian", "Bolivians", "Mexican") with the country each points at."""
    out: list[CountryEvidence] = []
    # the tokens' text, offsets, whether alphabetic and followed by a space, from the document's arrays
    columns = arrays(doc)
    texts, space_after = columns.text, columns.space_after
    for i, (text, alpha, idx) in enumerate(zip(texts, columns.is_alpha, columns.idx, strict=True)):
        if not alpha:
            continue
        if i >= 2 and not space_after[i - 1] and texts[i - 1] == "-":
            continue  # "the Pan-American Highway", "Latin-American": the tail of a compound word
        if text[:1].isupper():
            code = gazetteer.demonym_country(text)
            if code and not _owns_a_mission(doc, i + 1):  # "the Danish embassy in Beirut"
                out.append(CountryEvidence(Span(idx, idx + len(text), text), code))
    return out


def recognizer_for(gazetteer: Gazetteer, vocab: Vocab) -> PlaceRecognizer:
    """The recognizer of ``gazetteer`` for ``vocab``, built on first use and kept on the gazetteer."""
    cache: dict[int, PlaceRecognizer] = gazetteer.__dict__.setdefault("_recognizers", {})
    rec = cache.get(id(vocab))
    if rec is None or rec.vocab is not vocab:
        rec = cache[id(vocab)] = PlaceRecognizer(gazetteer, vocab)
    return rec


def mention_at(
    doc: Doc,
    start_char: int,
    end_char: int,
    gazetteer: Gazetteer,
    mentions: Sequence[PlaceMention] = (),
) -> PlaceMention | None:
    """A place mention over the characters ``start_char:end_char`` of ``doc`` whatever the cues say
    (for scoring resolution given the place words); None when they do not fall on whole tokens. With
    the document's other ``mentions``, it takes the container the text gives it as a recognised name
    would ("Bab Ghaliq (Qaatabah, Ad Dali)": inside Ad Dali)."""
    words = doc.char_span(start_char, end_char, alignment_mode="expand")
    if words is None or not words.text.strip():
        return None
    known = bool(gazetteer.lookup([words.text]))
    added = PlaceMention(
        Span(words.start_char, words.end_char, words.text),
        words.text,
        words.start,
        words.end,
        known,
        "given",
        words[0].ent_type_ or None,
    )
    if not mentions:
        return added
    by_start = {m.start_token: m for m in mentions if m.start_token != added.start_token}
    by_start[added.start_token] = added
    recognizer_for(gazetteer, doc.vocab)._qualifiers(doc, by_start)
    return by_start[added.start_token]


def find_place_mentions(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The place mentions of ``doc`` in text order (see the module docstring for the rules)."""
    return recognizer_for(gazetteer, doc.vocab)(doc)


def find_weak_mentions(
    doc: Doc, gazetteer: Gazetteer, mentions: Sequence[PlaceMention]
) -> list[PlaceMention]:
    """Known names of ``doc`` outside ``mentions`` that no cue supports
    (:meth:`PlaceRecognizer.weak_mentions`)."""
    return recognizer_for(gazetteer, doc.vocab).weak_mentions(doc, mentions)


def _ent_start(ent: SpacySpan) -> int:
    return int(ent.start)
