"""Mojibake repair: text that was UTF-8 decoded as Windows-1252 somewhere upstream ("â€˜pujaâ€™").

In: decoded text. Out: the same text, or the text with its encoding mix-up undone when ftfy's detector
finds one (``ftfy.fix_encoding`` only: no other normalisation, so well-formed text is never touched).
Scraped corpora (the Times of India archive, for one) ship such text. When a repair happens, character
offsets map to the repaired text, not to the file's bytes. Never raises.
"""

from __future__ import annotations

import ftfy
from ftfy.badness import is_bad


def fix_mojibake(text: str) -> str:
    if not is_bad(text):
        return text
    return ftfy.fix_encoding(text)
