"""Gated matchers find what a plain spaCy ``Matcher`` finds, reading only where a match can be. Real
text: the bundled Bolivia report, ACLED notes and the Bolivia reports written for the merge tests."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from cronica.extraction.dates import DateFinder
from cronica.nlp.matching import GatedMatcher, TokenView, doc_text, match_all

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list[Doc]:
    texts = [(ROOT.parent / "shared" / "corpus" / "bolivia-2019-11-20.txt").read_text(encoding="utf-8")]
    texts += [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "bolivia-2019").glob("*.md"))
    ]
    with open(ROOT / "tests" / "data" / "acled_sample.csv", encoding="utf-8") as fh:
        texts += [row["notes"] for row in csv.DictReader(fh)]
    return list(nlp.pipe(texts))


def plain(matcher: GatedMatcher, doc: Doc) -> list[tuple[int, int, str]]:
    return sorted(
        ((s.start, s.end, s.label_) for s in matcher.matcher(doc, as_spans=True)), key=lambda m: m[:2]
    )


def test_date_matchers_read_around_their_anchors_and_find_every_match(nlp: Language, docs: list[Doc]) -> None:
    finder = DateFinder(nlp.vocab)
    found = 0
    for doc in docs:
        view = TokenView(doc)
        for matcher in finder.matchers:
            expected = plain(matcher, doc)
            assert [(s.start, s.end, s.label_) for s in matcher.windowed(view)] == expected
            found += len(expected)
    assert found > 100
    # the bare-year and full-date rules are anchored by regular expressions, not left to run everywhere
    assert all(m.anchors is not None for m in finder.matchers)


def plain_matcher(nlp: Language, rules: dict[str, list[list[dict[str, object]]]]) -> Matcher:
    matcher = Matcher(nlp.vocab)
    for label, patterns in rules.items():
        matcher.add(label, patterns)
    return matcher


def test_pattern_anchored_by_an_expression_runs_only_where_a_token_matches_it(nlp: Language) -> None:
    rules: dict[str, list[list[dict[str, object]]]] = {
        "YEAR": [[{"TEXT": {"REGEX": r"^(19|20)\d\d$"}}]],
        "DECADE": [[{"LOWER": {"REGEX": r"^\d{4}s$"}}]],
    }
    gated = GatedMatcher(nlp.vocab, rules)
    with_dates = nlp("Protests began on 2019-11-10 and recalled the 1980S, when the army ruled.")
    without = nlp("Protests began on Sunday and recalled the old days, when the army ruled.")
    assert [s.text for s in match_all([gated], with_dates)] == ["2019", "1980S"]
    assert gated.anchor_positions(TokenView(without)) == []
    assert gated.spans(without) == []
    expected = [s.text for s in plain_matcher(nlp, rules)(with_dates, as_spans=True)]
    assert sorted(s.text for s in gated.spans(with_dates)) == sorted(expected)


def test_a_match_across_blank_lines_is_found_from_its_anchor(nlp: Language) -> None:
    """ "November \\n\\n 10": whitespace tokens between words do not count against a window."""
    finder = DateFinder(nlp.vocab)
    doc = nlp(
        "Police fired at the marchers in Sacaba on Friday, November\n\n\n\n15, and nine people died there."
    )
    found = [(s.start, s.end, s.label_) for s in match_all(finder.matchers, doc)]
    assert found == sorted((m for g in finder.matchers for m in plain(g, doc)), key=lambda m: m[:2])
    assert any("November" in s.text and "15" in s.text for s in match_all(finder.matchers, doc))


def test_positions_by_hash_are_the_tokens_a_scan_finds(docs: list[Doc]) -> None:
    doc = docs[0]
    view = TokenView(doc)
    strings = doc.vocab.strings
    lower = {strings["police"], strings["the"], strings["november"]}
    orth = {strings["La"], strings["Paz"], strings["the"]}
    for lo, ot in ((lower, set()), (set(), orth), (lower, orth)):
        scan = [t.i for t in doc if t.lower in lo or t.orth in ot]
        assert scan  # the report names the police, La Paz and November
        assert view.positions(lo, ot) == scan


def test_doc_text_is_the_docs_own_text_read_once(docs: list[Doc]) -> None:
    for doc in docs[:5]:
        assert doc_text(doc) == doc.text
        assert doc_text(doc) is doc_text(doc)
