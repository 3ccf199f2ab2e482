"""The store on SQLite and PostgreSQL: schema, idempotent ingest, recorded errors, plain-SQL access."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest
from sqlalchemy import text

from cronica.errors import InputError
from cronica.records import Document, Extraction
from cronica.store import Store, StoreError, content_hash, database_url
from cronica.store.db import current_revision, head_revision
from cronica.store.ingest import ingest
from cronica.store.models import Base

from .builders import bolivia, corpus, synthetic_document, synthetic_extraction


def test_migrated_schema_matches_the_models(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    assert current_revision(store.engine) == head_revision()


def test_reopening_a_store_keeps_its_rows(db_url: str) -> None:
    with Store(db_url) as s:
        s.add_extraction(bolivia())
    with Store(db_url) as s:
        assert s.counts()["documents"] == 1


def test_ingesting_the_same_documents_again_changes_nothing(store: Store) -> None:
    for extraction in corpus():
        assert store.add_extraction(extraction) is True
    store.merge_auto()
    before = store.counts()
    events_before = store.events()
    for extraction in corpus():
        assert store.add_extraction(extraction) is False
    store.merge_auto()
    assert store.counts() == before
    assert store.events() == events_before


def test_document_id_is_the_content_hash_whatever_the_path(store: Store) -> None:
    original = bolivia()
    moved = Extraction(
        document=Document(id="elsewhere/copy.txt", text=original.document.text, source="elsewhere/copy.txt"),
        events=original.events,
    )
    assert store.add_extraction(original)
    assert not store.add_extraction(moved)
    with store.engine.connect() as conn:
        ids = conn.execute(text("SELECT id, source_id FROM documents")).all()
    assert ids == [(content_hash(original.document), "bolivia-2019-11-20.txt")]


def test_bad_documents_are_recorded_with_their_reason_and_the_rest_goes_on(store: Store) -> None:
    docs: list[Document | InputError] = [synthetic_document(i) for i in range(6)]
    docs.insert(2, InputError("corpus/broken.pdf", "not a PDF: the file ends before its first page"))

    def extract(batch: Sequence[Document]) -> list[Extraction]:
        out = []
        for doc in batch:
            if doc.id == "synthetic-4":
                raise ValueError("tokenizer crashed on a 2 MB table")
            out.append(synthetic_extraction(doc))
        return out

    stats = ingest(store, docs, extract, batch_size=3)
    assert (stats.added, stats.failed) == (5, 2)
    errors = store.errors()
    assert [(e["source"], e["document"], e["stage"], e["kind"]) for e in errors] == [
        ("corpus/broken.pdf", None, "read", "InputError"),
        ("synthetic-4.txt", "synthetic-4", "extract", "ValueError"),
    ]
    assert errors[0]["problem"] == "not a PDF: the file ends before its first page"
    assert "tokenizer crashed" in errors[1]["problem"]
    # A rerun skips what is stored and records the same errors once more, not twice.
    again = ingest(store, docs, extract, batch_size=3)
    assert (again.added, again.skipped, again.failed) == (0, 5, 2)
    assert [e["times"] for e in store.errors()] == [2, 2]
    assert store.counts()["documents"] == 5


def test_tables_answer_plain_sql(store: Store) -> None:
    for extraction in corpus():
        store.add_extraction(extraction)
    store.merge_auto()
    with store.engine.connect() as conn:
        claims = conn.execute(
            text(
                "SELECT d.source_id, c.value, c.qualifier, c.reported_by FROM claims c "
                "JOIN reports r ON r.id = c.report_id JOIN documents d ON d.id = r.document_id "
                "JOIN places p ON p.id = r.place_id "
                "WHERE c.category = 'killed' AND p.name = 'Senkata' ORDER BY d.published, c.position"
            )
        ).all()
        tallies = conn.execute(text("SELECT value, qualifier FROM tallies WHERE category = 'killed'")).all()
        spans = conn.execute(text("SELECT count(*) FROM evidence WHERE record_kind = 'event'")).scalar()
        speakers = conn.execute(
            text("SELECT name, person_role, organisation FROM actors WHERE role = 'speaker'")
        ).all()
    assert claims == [
        ("bolivia-2019-11-20.txt", 8, "exact", "Ombudsman’s Office"),
        ("senkata-2019-11-21.txt", 6, "at_least", "the Interior Ministry"),
        ("senkata-2019-11-21.txt", 10, "exact", "Residents"),
    ]
    assert sorted(tallies) == [(32, "at_least"), (32, "at_least")]
    assert spans and spans > 20
    assert speakers == [("Carlos Huarachi", "head", "COB")]


def test_database_url_takes_paths_and_postgres_urls(tmp_path: object) -> None:
    assert database_url("x/cronica.db").startswith("sqlite:///") and database_url("x/cronica.db").endswith(
        "x/cronica.db"
    )
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgresql+psycopg://u:p@h:5/db") == "postgresql+psycopg://u:p@h:5/db"


def test_default_database_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    from cronica.store import default_db

    monkeypatch.setenv("CRONICA_DB", "/data/bolivia.db")
    assert default_db() == "/data/bolivia.db"
    monkeypatch.delenv("CRONICA_DB")
    assert default_db() == "cronica.db"


def test_an_unreachable_database_is_a_store_error() -> None:
    with pytest.raises(StoreError):
        Store("postgresql://nobody@127.0.0.1:1/none")


def test_unpublished_document_keeps_claims_without_a_report_date(store: Store) -> None:
    extraction = bolivia()
    undated = Extraction(
        document=Document(id="u", text=extraction.document.text, source="u"), events=extraction.events
    )
    store.add_extraction(undated)
    event = store.events()[0]
    assert event["counts"]["killed"]["claims"][0]["reported_on"] is None
    assert event["date"]["value"] == "2019-11-19"
    assert isinstance(date.fromisoformat(event["date"]["value"]), date)
