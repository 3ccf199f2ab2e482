"""A place the bundled gazetteer lacks, added the way users add places, places the event precisely.

The bundle (GeoNames cities500) has no Huayllani; the full GeoNames dump or a user's CSV does. With the
place in the index the Huayllani massacre is resolved to it, inside Sacaba, Cochabamba department; without
it, the text's own "a suburb of Cochabamba" gives precision 2 inside Cochabamba.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from spacy.language import Language

from cronica.extraction import Extractor
from cronica.extraction.places import GazetteerLocator
from cronica.ingest import read_documents
from cronica.records import Document
from cronica.resolve import Gazetteer, add_places_csv

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "bolivia-2019-11-20.txt"


def _huayllani_event(nlp: Language, gazetteer: Gazetteer):  # type: ignore[no-untyped-def]
    (document,) = list(read_documents([EXAMPLE], published=date(2019, 11, 20)))
    assert isinstance(document, Document)
    extractor = Extractor(nlp, places=GazetteerLocator(gazetteer))
    result = extractor.extract(document, nlp(document.text))
    (event,) = [e for e in result.events if e.date.value == "2019-11-15" and e.date.precision == "day"]
    return event


def test_bundle_alone_places_huayllani_inside_cochabamba(nlp: Language, gazetteer: Gazetteer) -> None:
    event = _huayllani_event(nlp, gazetteer)
    assert event.location.name == "Huayllani"
    assert event.location.precision == 2
    assert event.location.admin1 == "Cochabamba"
    assert event.location.contained_in is not None and "Cochabamba" in event.location.contained_in


def test_user_place_csv_puts_huayllani_in_sacaba(nlp: Language, gazetteer: Gazetteer, tmp_path: Path) -> None:
    index = tmp_path / "gazetteer.sqlite"
    shutil.copy(gazetteer.path, index)
    csv = tmp_path / "places.csv"
    csv.write_text(
        "name,alternate_names,latitude,longitude,country_code,admin1,admin2,parent\n"
        "Huayllani,Huayllani bridge,-17.3853,-66.2136,BO,Cochabamba,,Sacaba\n",
        encoding="utf-8",
    )
    report = add_places_csv(index, csv)
    assert report.rows == 1 and report.skipped == 0
    with Gazetteer.open(index) as extended:
        event = _huayllani_event(nlp, extended)
    assert event.location.name == "Huayllani"
    assert event.location.precision == 1
    assert event.location.contained_in == "Sacaba"
    assert event.location.admin1 == "Cochabamba"
    assert event.location.country_code == "BO"
