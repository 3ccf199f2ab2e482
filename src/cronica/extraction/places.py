"""Place locators the extractor can use: the gazetteer-backed one, and a plain NER one as a baseline.

In: a parsed ``Doc``. Out: place mentions with resolved :class:`~cronica.records.Place` records, and
the document's focus country. :class:`GazetteerLocator` wraps :mod:`cronica.resolve` (offline
GeoNames index; recognition that does not trust NER labels). :class:`NerLocator` trusts NER GPE/LOC/FAC
labels and pycountry names only; it is the baseline that ``cronica eval`` compares against and the
fallback when no gazetteer index can be built (it says so in every place's ``reason``).
"""

from __future__ import annotations

import collections
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from cronica.extraction.context import PlaceLocator, PlaceMention
from cronica.nlp.arrays import arrays, doc_ents
from cronica.records import Place, Span
from cronica.resolve.divisions import label_of

if TYPE_CHECKING:
    from cronica.resolve.corpus import CorpusPrior
    from cronica.resolve.recognize import PlaceMention as Words

log = logging.getLogger(__name__)


class GazetteerLocator:
    """Places from the offline gazetteer (:mod:`cronica.resolve`); ``country``: ISO codes of the
    countries a whole corpus is about (a hint the focus weighs, not a filter); ``prior``: the countries
    the documents of the whole input state (:mod:`cronica.resolve.corpus`), weaker evidence still."""

    def __init__(
        self, gazetteer: object | None = None, country: Sequence[str] = (), prior: CorpusPrior | None = None
    ) -> None:
        from cronica.resolve import Gazetteer, PlaceResolver

        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.open()
        self.resolver = PlaceResolver(self.gazetteer)  # type: ignore[arg-type]
        self.hint = tuple(c.upper() for c in country)
        self.prior = prior
        self.focus: object | None = None  # the last document's Focus, with its evidence
        #: the last document's known names no cue made places, read in its focus country only
        #: (``Embu University students``): where nothing else places an event
        self.weak_mentions: list[PlaceMention] = []

    def locate(self, doc: Doc) -> tuple[list[PlaceMention], str | None, str | None]:
        from cronica.resolve import find_place_mentions
        from cronica.resolve.recognize import find_weak_mentions

        mentions = find_place_mentions(doc, self.gazetteer)  # type: ignore[arg-type]
        places, focus = self.resolver.resolve_with_focus(doc, mentions, self.hint, prior=self.prior)
        self.focus = focus
        weak = find_weak_mentions(doc, self.gazetteer, mentions)  # type: ignore[arg-type]
        self.weak_mentions = [
            PlaceMention(m.start_token, m.end_token, place, None, m.cue)
            for m, place in zip(weak, self.resolver.resolve_weak(weak, focus), strict=True)
            if place is not None
        ]
        code = focus.country_code
        starts = {m.span.start: m.start_token for m in mentions}
        out = [
            # "Villa Ingenio": a head word read as the start of a longer name covers the longer name
            PlaceMention(
                m.start_token,
                _end_token(m, place),
                place,
                None,
                m.cue,
                starts.get(m.container.start) if m.container is not None else None,
            )
            for m, place in zip(mentions, places, strict=True)
        ]
        taken = {i for m in out for i in range(m.start, m.end)}
        capitals = self._capital_mentions(doc, code, taken, out)
        # "in Mexico's capital" is the capital, not the country whose name it holds
        out = [m for m in out if not any(c.start <= m.start and m.end <= c.end for c in capitals)]
        out = sorted(out + capitals, key=lambda m: m.start)
        # "students of the University of Ouagadougou": the place that ends an institution's name says the
        # document's country, and places an event only where nothing else does (as a weak place: not "the
        # Mombasa branch of the University of Nairobi")
        institutions = [m for m in out if m.cue == "institution"]
        if institutions:
            out = [m for m in out if m.cue != "institution"]
            self.weak_mentions = sorted(
                self.weak_mentions
                + [m for m in institutions if m.place.status == "resolved" and m.place.country_code == code],
                key=lambda m: m.start,
            )
        name = None
        if code:
            name = self.resolver.country_place(code).country
        return out, name, code

    def country_name_of(self, word: str) -> str | None:
        """ "Russian" or "Russia" -> the country's name in the gazetteer, else ``None``."""
        code = self._country_named(word)
        if code is None:
            return None
        return self.resolver.country_place(code).country

    def _capital_mentions(
        self, doc: Doc, focus: str | None, taken: set[int], mentions: list[PlaceMention]
    ) -> list[PlaceMention]:
        """ "in the capital": the capital of the country named last in the sentence ("Afghan rebels ...
        in the capital" is Kabul), else of the document's country; the words are kept as the mention."""
        out: list[PlaceMention] = []
        lower = arrays(doc).lower
        if "capital" not in lower:  # read from the shared arrays: no Token object a word
            return out
        for i in [i for i, w in enumerate(lower) if w == "capital"]:
            tok = doc[i]
            if tok.pos_ != "NOUN" or tok.i in taken or tok.i < 2:
                continue
            det, prep = doc[tok.i - 1], doc[tok.i - 2]
            owner = None
            if det.lower_ == "'s" and tok.i >= 3:  # "in Guinea's capital"
                owner = self._country_named(doc[tok.i - 2].text)
                det, prep = doc[tok.i - 2], doc[tok.i - 3]
                if owner is None:
                    continue
            elif det.lower_ not in {"the", "its"}:
                continue
            if prep.lower_ not in {"in", "at", "near", "across", "around", "outside", "throughout"}:
                continue
            after = doc[tok.i + 1 : tok.i + 3]
            if len(after) and (
                after[0].lower_ == "of"
                or after[0].pos_ == "PROPN"
                or (after[0].text == "," and len(after) > 1 and after[1].pos_ == "PROPN")
            ):
                continue  # "the capital of X", "the capital Kabul": the city is named on its own
            code = owner or self._country_before(doc, tok, mentions) or focus
            if code is None:
                continue
            capital = self.gazetteer.capital(code)  # type: ignore[attr-defined]
            if capital is None:
                continue
            words = doc[det.i : tok.i + 1]
            admin = self.gazetteer.admin(capital.country_code, capital.admin1_code)  # type: ignore[attr-defined]
            label = label_of(admin) if admin is not None else None
            place = Place(
                name=capital.name,
                span=Span(words.start_char, words.end_char, words.text),
                country=self.resolver.country_place(code).country,
                country_code=code,
                admin1=label.english if label is not None else None,
                admin1_native=label.native if label is not None else None,
                admin1_code=label.code if label is not None else None,
                admin1_iso=label.iso_code if label is not None else None,
                latitude=capital.latitude,
                longitude=capital.longitude,
                precision=1,
                gazetteer_id=capital.gazetteer_id,
                status="resolved",
                reason="'the capital' of the document's country",
            )
            out.append(PlaceMention(det.i, tok.i + 1, place, None, "capital"))
        return out

    def _country_named(self, word: str) -> str | None:
        """The ISO code of a country named by ``word`` ("Guinea") or by its adjective ("Guinean")."""
        code = self.gazetteer.demonym_country(word)  # type: ignore[attr-defined]
        if code:
            return str(code)
        for entries in self.gazetteer.lookup([word]).values():  # type: ignore[attr-defined]
            for e in entries:
                if e.kind == "country" and e.country_code:
                    return str(e.country_code)
        return None

    def _country_before(self, doc: Doc, tok: object, mentions: list[PlaceMention]) -> str | None:
        sent = tok.sent  # type: ignore[attr-defined]
        code = None
        for t in doc[sent.start : tok.i]:  # type: ignore[attr-defined]
            found = self.gazetteer.demonym_country(t.text) if t.pos_ in {"ADJ", "PROPN"} else None  # type: ignore[attr-defined]
            if found:
                code = found
        for m in mentions:
            if sent.start <= m.start < tok.i and m.place.precision == 3 and m.place.country_code:  # type: ignore[attr-defined]
                code = m.place.country_code
        return code


class NerLocator:
    """Baseline: NER GPE/LOC/FAC spans, countries by pycountry name; no coordinates below country;
    ``country`` (ISO codes) wins when the text names no country."""

    def __init__(self, country: Sequence[str] = ()) -> None:
        self.hint = tuple(c.upper() for c in country)

    def locate(self, doc: Doc) -> tuple[list[PlaceMention], str | None, str | None]:
        import pycountry

        out: list[PlaceMention] = []
        votes: collections.Counter[str] = collections.Counter()
        for ent in doc_ents(doc):
            if ent.label_ not in {"GPE", "LOC", "FAC", "NORP"}:
                continue
            text = " ".join(ent.text.split())
            country = None
            try:
                country = pycountry.countries.lookup(text)
            except LookupError:
                country = None
            if ent.label_ == "NORP":
                for c in pycountry.countries:
                    if text.lower().startswith(c.name.lower()[:5]) and len(text) > 4:
                        votes[c.alpha_2] += 1
                        break
                continue
            if country is not None:
                votes[country.alpha_2] += 2
                place = Place(
                    name=text,
                    country=country.name,
                    country_code=country.alpha_2,
                    precision=3,
                    status="country_only",
                    reason="baseline NER locator: a country",
                )
            else:
                place = Place(
                    name=text,
                    precision=None,
                    status="unresolved",
                    reason="baseline NER locator: no gazetteer",
                )
            out.append(PlaceMention(ent.start, ent.end, place))
        code = votes.most_common(1)[0][0] if votes else (self.hint[0] if self.hint else None)
        found = pycountry.countries.get(alpha_2=code) if code else None
        name = found.name if found is not None else None
        out = [
            m
            if m.place.country_code
            else PlaceMention(m.start, m.end, _with_country(m.place, name, code), m.preposition)
            for m in out
        ]
        return out, name, code


def _with_country(place: Place, name: str | None, code: str | None) -> Place:
    from dataclasses import replace

    return replace(place, country=name, country_code=code)


def locator(
    kind: str | None = None, country: Sequence[str] = (), prior: CorpusPrior | None = None
) -> PlaceLocator:
    """``gazetteer`` (default) or ``ner`` (the baseline); default from ``CRONICA_PLACES``.
    ``country``: ISO codes of the countries the corpus is about; ``prior``: the countries the whole
    input states (see :class:`GazetteerLocator`; the NER baseline ignores it)."""
    import os

    kind = kind or os.environ.get("CRONICA_PLACES") or "gazetteer"
    if kind == "ner":
        return NerLocator(country)
    if kind != "gazetteer":
        from cronica.errors import CronicaError

        raise CronicaError(f"unknown place locator {kind!r}: choose gazetteer or ner")
    return default_locator(country, prior)


def default_locator(country: Sequence[str] = (), prior: CorpusPrior | None = None) -> PlaceLocator:
    """The gazetteer locator; the NER baseline (with a warning) when the index cannot be opened."""
    try:
        return GazetteerLocator(country=country, prior=prior)
    except Exception as exc:  # noqa: BLE001 - any failure to open the index falls back, loudly
        log.warning("gazetteer unavailable (%s); places fall back to NER labels only", exc)
        return NerLocator(country)


def _end_token(mention: Words, place: Place) -> int:
    """The end of the words ``place`` was resolved for: the mention's, or its longer name's."""
    if mention.longer is not None and place.span == mention.longer.span:
        return mention.longer.end_token
    return mention.end_token
