"""Bytes to text: declared or detected encoding, with binary and empty input refused.

The order: a byte-order mark; bytes that are all valid UTF-8; the encoding the HTTP header
or the page declares; UTF-8 when most of the non-ASCII bytes form valid UTF-8 (the few bad
ones replaced, with a warning); UTF-16 without a mark, told by its zero bytes; then detection,
which never picks a legacy code page (cp775, mac_iceland, ...) for text in the Latin script:
that is windows-1252, or Latin-1 where windows-1252 leaves a byte undefined.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from charset_normalizer import from_bytes

from claimgraph.errors import InputError

log = logging.getLogger(__name__)

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# C0 control characters other than tab, newline, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_SAMPLE = 4096
# UTF-16 text in a Latin script has a zero in nearly every other byte, and almost none between.
_UTF16_ZEROS = 0.4
_REPLACEMENT = "\ufffd"


def decode(data: bytes, item: str, declared: str | None = None) -> str:
    """Decode ``data`` (see the module's note for the order); InputError for empty or binary
    input. ``declared`` is the HTTP charset, if any."""
    if not data.strip():
        raise InputError("empty input", item)
    text = _decode(data, declared, item)
    if text is None or _is_binary(text):
        raise InputError("binary data, not text in any declared or detected encoding", item)
    if not text.strip():
        raise InputError("empty input", item)
    return text


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.search(r"<(html|head|body|article|div|p)[\s>]", head)
    )


def _decode(data: bytes, declared: str | None, item: str) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    utf16 = _utf16(data[:_SAMPLE])
    if utf16:
        return data.decode(utf16, errors="replace")
    if b"\x00" in data[:_SAMPLE]:
        return None
    # Bytes that are valid UTF-8 are UTF-8 whatever a server claims: servers often mislabel it.
    candidates = ["utf-8"]
    if declared:
        candidates.append(declared)
    meta = _META_CHARSET.search(data[:_SAMPLE])
    if meta:
        candidates.append(meta.group(1).decode("ascii"))
    for encoding in candidates:
        try:
            return data.decode(_web_encoding(encoding))
        except (LookupError, UnicodeDecodeError):
            continue
    text = _mostly_utf8(data, item)
    return text if text is not None else _detect(data)


def _mostly_utf8(data: bytes, item: str) -> str | None:
    """``data`` as UTF-8 when its valid multi-byte characters outnumber its invalid bytes."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode())
    good = sum(1 for char in text if char > "\x7f") - bad
    if good <= bad:
        return None
    log.warning("%s: %d bytes that are not valid UTF-8 were replaced by \ufffd", item, bad)
    return text


def _utf16(sample: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 without a byte-order mark, else None."""
    if len(sample) < 8:
        return None
    pairs = len(sample) // 2
    even = sample[0:pairs * 2:2].count(0) / pairs
    odd = sample[1:pairs * 2:2].count(0) / pairs
    if odd >= _UTF16_ZEROS and even < 0.05:
        return "utf-16-le"
    if even >= _UTF16_ZEROS and odd < 0.05:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> str | None:
    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    if all(_latin(char) for char in set(text) if char > "\x7f" and char.isalpha()):
        # Latin-script text: detectors confuse the Western code pages, windows-1252 is the norm.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    return text


def _latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _web_encoding(label: str) -> str:
    """The codec a browser uses for ``label``: pages labelled Latin-1 or ASCII are, as the WHATWG
    Encoding Standard has it, decoded as windows-1252 (their curly quotes and dashes included)."""
    name = codecs.lookup(label).name
    return "cp1252" if name in ("iso8859-1", "ascii") else name


def _is_binary(text: str) -> bool:
    sample = text[:8192]
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 100)
