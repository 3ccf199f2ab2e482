"""Fixtures of the web tests: real extractions (once), fresh stores on SQLite and PostgreSQL, clients."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from cronica.pipeline import Pipeline
from cronica.records import Extraction
from cronica.web import Service, create_app

from .builders import PASSWORD, documents, fill, reset_postgres


@pytest.fixture(scope="session")
def extractions(nlp: Language) -> list[Extraction]:
    return list(Pipeline().extract_documents(documents()))


@pytest.fixture(params=["sqlite", "postgres"])
def service(
    request: pytest.FixtureRequest, tmp_path: Path, extractions: list[Extraction]
) -> Iterator[Service]:
    """A fresh store filled by the real pipeline (SQLite file, or the test PostgreSQL database)."""
    db = str(tmp_path / "cronica.db") if request.param == "sqlite" else reset_postgres()
    service = fill(db, extractions)
    yield service
    service.store.close()


@pytest.fixture(scope="module")
def shared_service(
    tmp_path_factory: pytest.TempPathFactory, extractions: list[Extraction]
) -> Iterator[Service]:
    """One SQLite store for a whole module of read-mostly tests."""
    service = fill(str(tmp_path_factory.mktemp("web") / "cronica.db"), extractions)
    yield service
    service.store.close()


def login(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Log ``client`` in through the form; returns the CSRF token of its session."""
    r = client.post("/login", data={"name": name, "password": password, "next": "/"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    page = client.get("/review")
    match = re.search(r'name="csrf-token" content="([^"]+)"', page.text)
    assert match, page.text[:500]
    return match.group(1)


def client_for(service: Service) -> TestClient:
    return TestClient(create_app(service), base_url="http://127.0.0.1:8000")
