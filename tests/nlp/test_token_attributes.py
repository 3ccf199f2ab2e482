"""``cronica.nlp.token_attributes`` writes exactly what the model's attribute ruler and lemmatizer write."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language

from cronica.nlp.token_attributes import COMPONENT, REPLACED, install, spacy_components

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD]
ODD = [
    "I'm gonna go, y'all.  Let's  c'mon. There is a riot; there were two. He ain't here. Gotta go!\n\n \t x",
    "Nothin' doin', ol' somethin' 'em 'll 'nuff. I'd've been. It's whether despite once but.",
    "Police said that those who did it had been arrested; nobody was hurt. Something happened here.",
    " ",
    "\n\n",
    "a",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    out = [(ROOT / "examples" / "bolivia-2019-11-20.txt").read_text(encoding="utf-8")]
    with open(ROOT / "tests" / "data" / "acled_sample.csv", encoding="utf-8") as fh:
        out += [row["notes"] for row in csv.DictReader(fh)]
    return out + ODD


def test_the_pipeline_runs_the_component(nlp: Language) -> None:
    assert COMPONENT in nlp.pipe_names
    assert not set(REPLACED) & set(nlp.pipe_names)
    assert all(nlp.get_pipe(name) is not None for name in REPLACED)  # still there, disabled


def test_same_token_attributes_as_spacy(nlp: Language, texts: list[str]) -> None:
    ours = list(nlp.pipe(texts))
    again = list(nlp.pipe(texts))  # from the table this time
    with spacy_components(nlp):
        assert COMPONENT not in nlp.pipe_names
        theirs = list(nlp.pipe(texts))
    assert COMPONENT in nlp.pipe_names
    for a, b, c in zip(ours, theirs, again, strict=True):
        assert (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all(), a.text[:80]
        assert (c.to_array(COLUMNS) == b.to_array(COLUMNS)).all(), a.text[:80]
        assert [(t.lemma_, str(t.morph), t.pos_) for t in a] == [(t.lemma_, str(t.morph), t.pos_) for t in b]


def test_a_pair_pattern_writes_its_token(nlp: Language) -> None:
    doc = nlp("I'm gonna leave. There is a protest.")
    by_text = {t.text: t for t in doc}
    assert by_text["gon"].lemma_ == "go" and by_text["na"].lemma_ == "to"
    with spacy_components(nlp):
        theirs = nlp("I'm gonna leave. There is a protest.")
    assert [(t.pos_, t.lemma_) for t in doc] == [(t.pos_, t.lemma_) for t in theirs]


def test_a_model_it_cannot_stand_for_keeps_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    blank = spacy.blank("en")
    assert install(blank) is False
    assert COMPONENT not in blank.pipe_names
    blank.add_pipe("attribute_ruler")
    blank.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert install(blank) is False  # a lookup lemmatizer
    assert COMPONENT not in blank.component_names
    assert blank.pipe_names == ["attribute_ruler", "lemmatizer"]
