"""TriggerFinder reads each sentence once (tokens, lemmas, whether it asks, whether it has a verb);
the judgements must be those of each trigger's own sentence, whatever span ``find`` is given."""

from __future__ import annotations

from spacy.language import Language

from cronica.extraction.lexicon import load_lexicon
from cronica.extraction.triggers import Trigger, TriggerFinder

TEXT = (
    "Was the market bombed by the rebels? "
    "A soldier was nearly killed when gunmen attacked the village. "
    "Police arrested ten protesters in the capital on Monday."
)


def _seen(triggers: list[Trigger]) -> list[tuple[str, bool, str | None]]:
    return [(t.text, t.asserted, t.reason) for t in triggers]


def test_each_trigger_is_judged_by_its_own_sentence(nlp: Language) -> None:
    doc = nlp(TEXT)
    finder = TriggerFinder(nlp, load_lexicon())
    by_sentence = [seen for sent in doc.sents for seen in _seen(finder.find(sent))]
    words = {text: (asserted, reason) for text, asserted, reason in by_sentence}
    assert words["bombed"] == (False, "a question")
    assert words["killed"] == (False, "not (yet) happened ('nearly')")
    assert words["arrested"] == (True, None)
    # a span over all three sentences: the question and the cue stay where they are
    assert _seen(finder.find(doc[:])) == by_sentence
    # a part of one sentence: judged by the whole sentence ("?" at its end)
    assert ("bombed", False, "a question") in _seen(finder.find(doc[0:4]))
