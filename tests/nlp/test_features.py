"""hashed_counts keeps each word's buckets; the counts must stay those of the n-grams themselves."""

import zlib

from cronica.nlp.features import FeatureSpec, grams, hashed_counts

TEXTS = [
    "Police fired tear gas at 300 protesters in Kisumu; 12 were hurt.",
    "Police fired tear gas at 45 traders in Nakuru. Police said 3 were hurt.",
    "Gunmen killed a trader's son near the Al-Qāmishlī market on 3 May 2020.",
    "A 14-year-old and the 2nd man; ٣ قتلى; x² 7'8 9’s",  # digits inside words, other scripts' digits
    "",
    "   ",
    "x",
]


def _by_definition(text: str, spec: FeatureSpec) -> dict[int, int]:
    mask = spec.buckets - 1
    counts: dict[int, int] = {}
    for g in grams(text, spec):
        b = zlib.crc32(g.encode("utf-8")) & mask
        counts[b] = counts.get(b, 0) + 1
    return counts


def test_counts_and_their_order_are_those_of_the_grams() -> None:
    specs = [
        FeatureSpec(),
        FeatureSpec(mask_names=True),
        FeatureSpec(buckets=1 << 6, char_min=2, char_max=4, bigrams=False),  # many collisions
    ]
    for _ in range(2):  # the second time, every word's buckets come from the kept table
        for spec in specs:
            for text in TEXTS:
                got, want = hashed_counts(text, spec), _by_definition(text, spec)
                assert got == want
                assert list(got) == list(want)  # the classifier sums a text's rows in this order
