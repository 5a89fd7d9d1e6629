"""Scraped plain text to an Article: title (with kicker), dek and body paragraphs."""

from __future__ import annotations

import re

from claimgraph.model import Article

# "WATCH: ...", "VIDEO - ...", "BREAKING | ...": a short upper-case label before the headline.
_KICKER = re.compile(r"^([A-Z][A-Z0-9 '&]{1,24}?)\s*[:|\u2013\u2014-]\s+(\S.*)$")
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*$")
_MAX_HEADING = 200
_MAX_DEK = 300


def article_from_text(text: str, source: str) -> Article:
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    kicker = title = dek = None
    if len(lines) > 1 and _is_heading(lines[0], _MAX_HEADING):
        title = lines.pop(0)
        match = _KICKER.match(title)
        if match:
            kicker, title = match.group(1).strip(), match.group(2).strip()
        if len(lines) > 1 and _is_heading(lines[0], _MAX_DEK):
            dek = lines.pop(0)
    return Article(source=source, title=title, kicker=kicker, dek=dek, text="\n\n".join(lines))


def _is_heading(line: str, limit: int) -> bool:
    """Headlines and standfirsts are short and, unlike body paragraphs, end without a full stop."""
    return len(line) <= limit and not _SENTENCE_END.search(line)
