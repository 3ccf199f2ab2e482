"""Bytes to text.

In: the bytes of a file and its name. Out: the decoded ``str`` (a UTF-8 byte-order mark is kept as
``\\ufeff`` here and removed by layout repair, so offsets still count it). Decoding tries UTF-8 (and
UTF-16 when the file starts with its byte-order mark), then Windows-1252 when the bytes read as
Western European text ("\\xc1\\xf1ez" -> "Áñez"); the bytes 0x80-0x9F that Windows-1252 does not
define fall back to Latin-1 and are then refused as control characters.

Fails with :class:`~cronica.errors.EmptyDocumentError` (nothing but whitespace),
:class:`~cronica.errors.BinaryDocumentError` (NUL bytes, a known binary signature, control characters)
or :class:`~cronica.errors.EncodingError` (neither UTF-8 nor plausible Windows-1252/Latin-1 text).
"""

from __future__ import annotations

import codecs
import unicodedata

from cronica.errors import BinaryDocumentError, EmptyDocumentError, EncodingError

#: Signatures of binary formats people drop into corpus folders by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, XLSX, EPUB ...)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"\x7fELF", "an executable"),
)
_SNIFF = 8192
#: Non-ASCII characters that are not letters but are common in real prose.
_PROSE_SYMBOLS = frozenset("\u00a0’‘“”„–—…•«»¡¿°€£¥§©®·´¨ºª½¼¾±×÷")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` (the content of ``source``) to text, or raise an ``InputError`` subclass."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError(
                source, f"starts with a UTF-16 byte-order mark but is not UTF-16 ({exc.reason})"
            ) from None
        return _checked_text(text, source)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise BinaryDocumentError(source, f"binary file ({kind}), not a text document")
    if b"\x00" in data[:_SNIFF]:
        raise BinaryDocumentError(source, "binary file (contains NUL bytes), not a text document")
    if not data.strip():
        raise EmptyDocumentError(source, "empty document (no text)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_problem = f"byte 0x{data[exc.start]:02x} at position {exc.start}"
        western = _decode_western(data)
        if western is None:
            raise EncodingError(
                source,
                f"cannot decode: not UTF-8 ({utf8_problem}) and does not read as Windows-1252/Latin-1 text",
            ) from None
        text = western
    return _checked_text(text, source)


def _checked_text(text: str, source: str) -> str:
    if not text.strip() or text.strip() == "\ufeff":
        raise EmptyDocumentError(source, "empty document (no text)")
    sample = text[:_SNIFF]
    controls = sum(1 for ch in sample if _is_control(ch))
    if controls > max(2, len(sample) // 50):
        raise BinaryDocumentError(source, "binary file (many control characters), not a text document")
    return text


def _decode_western(data: bytes) -> str | None:
    """``data`` as Windows-1252 (or Latin-1) when the result looks like prose, else ``None``."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if not _looks_like_prose(text):
        return None
    return text


def _looks_like_prose(text: str) -> bool:
    sample = text[: _SNIFF * 4]
    non_ascii = [ch for ch in sample if ord(ch) > 127]
    if not non_ascii:
        return True
    if len(non_ascii) > 0.3 * len(sample):
        return False
    if any(_is_control(ch) for ch in sample):
        return False
    plausible = sum(1 for ch in non_ascii if ch.isalpha() or ch in _PROSE_SYMBOLS)
    return plausible >= 0.9 * len(non_ascii)


def _is_control(ch: str) -> bool:
    return ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"
