"""A store for the web tests, filled by cronica's real pipeline from real-style reports.

The bundled example (examples/bolivia-2019-11-20.txt), the four short reports of tests/data/reports (their
publication dates are in their names) and one hostile report whose text holds a script tag, an event
handler and a javascript: link. The extractions are made once per test session (real spaCy model);
each test that needs a fresh database stores them again and merges, as `cronica ingest` does.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from cronica.ingest import document_from_text, read_documents
from cronica.records import Document, Extraction
from cronica.store import Store
from cronica.web import Service

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "bolivia-2019-11-20.txt"
REPORTS = ROOT / "tests" / "data" / "reports"

#: Markup an attacker could put in an article; rendered as text it is harmless.
HOSTILE = (
    "Police break up a roadblock in Sacaba <script>document.title='pwned-script'</script>\n\n"
    "SACABA, Bolivia -- Police fired tear gas at protesters blocking the highway in Sacaba on Tuesday, "
    "injuring 12 people, a nurse at the local hospital said. "
    "<img src=x onerror=\"document.title='pwned-img'\"> Witnesses shared videos at "
    "<a href=\"javascript:document.title='pwned-link'\">this link</a>. "
    "The protesters demanded the release of their leaders.\n"
)
HOSTILE_ID = "hostile-2019-11-27.txt"

PASSWORD = "correct horse battery"
USERS = {"viewer": "vera", "coder": "cody", "admin": "ada"}
SECOND_CODER = "cleo"


def documents() -> list[Document]:
    docs: list[Document] = []
    for item in read_documents([EXAMPLE], published=date(2019, 11, 20)):
        assert isinstance(item, Document), item
        docs.append(item)
    for path in sorted(REPORTS.glob("*.txt")):
        day = date.fromisoformat(re.search(r"\d{4}-\d{2}-\d{2}", path.name).group(0))  # type: ignore[union-attr]
        for item in read_documents([path], published=day):
            assert isinstance(item, Document), item
            docs.append(item)
    title = HOSTILE.splitlines()[0]
    docs.append(document_from_text(HOSTILE, id=HOSTILE_ID, published=date(2019, 11, 27), title=title))
    return docs


def fill(db: str, extractions: list[Extraction]) -> Service:
    """A store at ``db`` holding ``extractions``, merged as `cronica ingest` merges; one user per role."""
    store = Store(db)
    for extraction in extractions:
        store.add_extraction(extraction)
    store.merge_auto()
    service = Service(store)
    for role, name in USERS.items():
        service.add_user(name, role, PASSWORD)
    service.add_user(SECOND_CODER, "coder", PASSWORD)
    return service


def reset_postgres() -> str:
    """$CRONICA_TEST_PG_URL emptied; skips without it (fails when CI=true)."""
    url = os.environ.get("CRONICA_TEST_PG_URL")
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CRONICA_TEST_PG_URL unset: CI must start PostgreSQL")
        pytest.skip("PostgreSQL web tests need CRONICA_TEST_PG_URL")
    from sqlalchemy import create_engine, text

    from cronica.store.db import database_url

    engine = create_engine(database_url(url))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url
