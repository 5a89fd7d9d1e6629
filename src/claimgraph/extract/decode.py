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


def decode(data: bytes, item: str) -> str:
    """Decode ``data``: BOM, then UTF-8, then an HTML-declared charset, then detection."""
    if not data.strip():
        raise InputError("empty input", item)
    text = _decode(data)
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


def _decode(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:4096]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    return str(best) if best is not None else None


def _is_binary(text: str) -> bool:
    sample = text[:8192]
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 100)
