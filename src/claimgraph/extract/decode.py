"""Bytes to text: declared or detected encoding, with binary and empty input refused."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from claimgraph.errors import InputError

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# C0 control characters other than tab, newline, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def decode(data: bytes, item: str, declared: str | None = None) -> str:
    """Decode ``data``: BOM, then UTF-8, then the ``declared`` encoding (e.g. the HTTP charset),
    then an HTML-declared charset, then detection."""
    if not data.strip():
        raise InputError("empty input", item)
    text = _decode(data, declared)
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


def _decode(data: bytes, declared: str | None) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:4096]:
        return None
    # Bytes that are valid UTF-8 are UTF-8 whatever a server claims: servers often mislabel it.
    candidates = ["utf-8"]
    if declared:
        candidates.append(declared)
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii"))
    for encoding in candidates:
        try:
            return data.decode(_web_encoding(encoding))
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(data).best()
    return str(best) if best is not None else None


def _web_encoding(label: str) -> str:
    """The codec a browser uses for ``label``: pages labelled Latin-1 or ASCII are, as the WHATWG
    Encoding Standard has it, decoded as windows-1252 (their curly quotes and dashes included)."""
    name = codecs.lookup(label).name
    return "cp1252" if name in ("iso8859-1", "ascii") else name


def _is_binary(text: str) -> bool:
    sample = text[:8192]
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 100)
