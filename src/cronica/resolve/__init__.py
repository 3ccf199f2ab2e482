"""The resolve stage: an offline gazetteer, place recognition that does not trust NER labels, and
place resolution with ACLED geo precision.

Typical use::

    gazetteer = Gazetteer.open()            # builds the index from bundled data on first use
    resolver = PlaceResolver(gazetteer)
    mentions = find_place_mentions(doc, gazetteer)
    places, focus = resolver.resolve_with_focus(doc, mentions, hint=["KE"])  # hint: optional
    # one Place per mention, same order; focus: the document's country (and division) with evidence

Import GeoNames dumps with :func:`import_geonames` (``cronica gazetteer import``) and a user's own
places with :func:`add_places_csv` (``cronica gazetteer add``). See docs/places.md.
"""

from cronica.resolve.bundled import BUNDLE_VERSION, build_index
from cronica.resolve.focus import Focus, FocusEvidence, country_codes
from cronica.resolve.gazetteer import Gazetteer, GazetteerEntry
from cronica.resolve.importer import ImportReport, add_places_csv, import_geonames
from cronica.resolve.names import fold
from cronica.resolve.recognize import (
    CountryEvidence,
    PlaceMention,
    PlaceRecognizer,
    find_country_evidence,
    find_place_mentions,
    mention_at,
)
from cronica.resolve.resolver import PlaceResolver
from cronica.resolve.store import default_index_path

__all__ = [
    "BUNDLE_VERSION",
    "CountryEvidence",
    "Focus",
    "FocusEvidence",
    "Gazetteer",
    "GazetteerEntry",
    "ImportReport",
    "PlaceMention",
    "PlaceRecognizer",
    "PlaceResolver",
    "add_places_csv",
    "build_index",
    "country_codes",
    "default_index_path",
    "find_country_evidence",
    "find_place_mentions",
    "fold",
    "import_geonames",
    "mention_at",
]
