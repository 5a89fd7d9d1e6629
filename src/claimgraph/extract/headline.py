"""Headline furniture: the kicker label before a title, and telling headings from prose."""

from __future__ import annotations

import re

# Labels newsrooms put before a headline ("WATCH: ...", "EXCLUSIVE | ...", "Update - ...").
_LABELS = (
    "watch", "watch live", "video", "videos", "photos", "gallery", "listen", "podcast", "live",
    "exclusive", "breaking", "breaking news", "just in", "developing", "update", "updated",
    "opinion", "analysis", "editorial", "commentary", "review", "interview", "explainer",
    "fact check", "sponsored", "in pictures", "live updates", "new",
)
_KICKER = re.compile(
    r"^(?P<kicker>(?:" + "|".join(sorted(_LABELS, key=len, reverse=True)) + r"))"
    r"\s*(?::|\||\s[\u2013\u2014-])\s*(?P<title>\S.*)$",
    re.I,
)
# Longest headline and standfirst, in characters; a longer line is body text.
MAX_TITLE = 200
MAX_DEK = 300
_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\u300d]*$")


def split_kicker(title: str | None) -> tuple[str | None, str | None]:
    """(kicker, title) with a leading label moved out of the title; (None, title) without one."""
    if not title:
        return None, title
    match = _KICKER.match(title.strip())
    if match is None:
        return None, title.strip()
    return match.group("kicker"), match.group("title").strip()


def is_heading(line: str, limit: int) -> bool:
    """Headlines and standfirsts are short and, unlike body paragraphs, end without a full stop."""
    return len(line) <= limit and not _SENTENCE_END.search(line)
