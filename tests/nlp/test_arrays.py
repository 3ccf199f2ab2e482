"""A document's arrays (``cronica.nlp.arrays``) read what spaCy's ``Token`` objects read, on real text:
the bundled Bolivia report and ACLED notes."""

from __future__ import annotations

import csv
import gc
import weakref
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from cronica.nlp.arrays import arrays, doc_ents, doc_sents, forget, span_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list[Doc]:
    texts = [(ROOT / "examples" / "bolivia-2019-11-20.txt").read_text(encoding="utf-8")]
    with open(ROOT / "tests" / "data" / "acled_sample.csv", encoding="utf-8") as fh:
        texts += [row["notes"] for row in csv.DictReader(fh)]
    return list(nlp.pipe(texts))


def test_columns_are_the_tokens_attributes(docs: list[Doc]) -> None:
    for doc in docs:
        a = arrays(doc)
        assert a.text == [t.text for t in doc]
        assert a.lower == [t.lower_ for t in doc]
        assert a.lemma == [t.lemma_.lower() for t in doc]
        assert a.pos == [t.pos_ for t in doc]
        assert a.dep == [t.dep_ for t in doc]
        assert a.ent_type == [t.ent_type_ for t in doc]
        assert a.idx == [t.idx for t in doc]
        assert a.is_space == [t.is_space for t in doc]
        assert a.is_alpha == [t.is_alpha for t in doc]
        assert a.space_after == [bool(t.whitespace_) for t in doc]
        assert a.sent_start == [bool(t.is_sent_start) for t in doc]
        assert a.lower_hash == [t.lower for t in doc]
        assert a.orth_hash == [t.orth for t in doc]
        # heads before their token come back from Doc.to_array as unsigned numbers: read as positions
        assert a.head == [t.head.i for t in doc]
    assert any(t.head.i < t.i for doc in docs for t in doc)
    assert arrays(docs[0]) is arrays(docs[0])  # read once a document


def test_span_text_and_entities(docs: list[Doc]) -> None:
    for doc in docs:
        assert doc_ents(doc) == doc.ents
        spans = [*doc.sents, *doc.ents, doc[0:0], doc[len(doc) : len(doc)], doc[:]]
        for span in spans:
            assert span_text(span) == span.text


def test_forget_after_the_entities_change(nlp: Language) -> None:
    doc = nlp("Protesters gathered in La Paz on Monday.")
    assert "DATE" in arrays(doc).ent_type
    assert any(e.label_ == "DATE" for e in doc_ents(doc))
    doc.ents = [Span(doc, 0, 1, label="ORG")]
    assert "DATE" in arrays(doc).ent_type  # what was read stays until the reader is told
    forget(doc)
    assert arrays(doc).ent_type[0] == "ORG" and "DATE" not in arrays(doc).ent_type
    assert [e.label_ for e in doc_ents(doc)] == ["ORG"]


def test_subtrees_in_the_order_of_token_subtree(nlp: Language, docs: list[Doc]) -> None:
    """Each token's subtree from the heads, in ``Token.subtree``'s order, also where the parse's
    branches cross (the subtree is then not in the document's order: a relative clause told after
    the day, "detained three students on Monday who had joined the march")."""
    crossing = 0
    extraposed = [
        "Police detained three students on Monday who had joined the march.",
        "An attack occurred on Friday in which five villagers died.",
        "What did the police say they were looking for?",
    ]
    for doc in [*docs, *nlp.pipe(extraposed)]:
        a = arrays(doc)
        for t in doc:
            want = [x.i for x in t.subtree]
            assert a.subtree(t.i) == want
            crossing += want != sorted(want)
    assert a.subtree(0) is a.subtree(0)  # kept
    assert crossing  # the sample has crossing branches: the order is tested, not only the members


def test_documents_read_are_not_kept_alive(nlp: Language) -> None:
    """The entities and sentences kept for the documents just read do not keep every document read
    (a long run's memory would grow a document at a time)."""
    refs = []
    for text in [f"Police arrested {n} protesters in Nairobi on Monday." for n in range(2, 12)]:
        doc = nlp(text)
        assert doc_sents(doc) == list(doc.sents) and doc_sents(doc) is doc_sents(doc)
        assert doc_ents(doc) == doc.ents
        arrays(doc).subtree(0)
        refs.append(weakref.ref(doc))
        del doc
    gc.collect()
    assert sum(r() is not None for r in refs) <= 4
