"""Fixtures for the resolve tests: the full bundled gazetteer, built once per session in a temp dir."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from cronica.records import Place
from cronica.resolve import Focus, Gazetteer, PlaceResolver, find_place_mentions
from cronica.resolve.store import IndexWriter, connect

DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """The index built from cronica's bundled data (GeoNames cities500, divisions, countries)."""
    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    return Gazetteer.open(path)


@pytest.fixture(scope="session")
def resolver(gazetteer: Gazetteer) -> PlaceResolver:
    return PlaceResolver(gazetteer)


@pytest.fixture(scope="session")
def bolivia_text() -> str:
    """The Bolivia report with its hard line breaks collapsed."""
    return re.sub(r"\s+", " ", (EXAMPLES / "bolivia-2019-11-20.txt").read_text(encoding="utf-8")).strip()


@pytest.fixture()
def empty_index(tmp_path: Path) -> Path:
    """An empty index (tables only), for importer tests."""
    path = tmp_path / "index.sqlite"
    conn = connect(path, create=True)
    IndexWriter(conn).finish()
    conn.close()
    return path


def resolve_text(
    nlp: Language, gazetteer: Gazetteer, resolver: PlaceResolver, text: str
) -> tuple[dict[str, Place], Focus]:
    """The places of ``text`` by the words of their mentions, and the document's focus."""
    doc = nlp(text)
    mentions = find_place_mentions(doc, gazetteer)
    places, focus = resolver.resolve_with_focus(doc, mentions)
    return {m.span.text: p for m, p in zip(mentions, places, strict=True)}, focus
