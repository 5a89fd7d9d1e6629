"""Page furniture that survives into extracted text: widget prompts, share bars, credits.

Each pattern matches a whole line (short lines only), so article sentences that merely
mention a newsletter or a photo are never touched.
"""

from __future__ import annotations

import re

_MAX_LINE = 200

_PATTERNS = [
    # reaction and comment widgets
    r"what(?:'|\u2019)?s your reaction\??",
    r"(?:what do you think|tell us what you think|have your say|join the (?:conversation|discussion))\W*",
    r"(?:\d+\s+)?comments?|leave a (?:comment|reply)|(?:show|view|load) (?:\d+ )?comments",
    r"(?:post a comment|comments are closed)\W*",
    # share bars
    r"(?:share|share this|share this (?:article|story|post)|share on \w+|tweet|email|print|"
    r"copy link|whatsapp|pinterest|linkedin|reddit)(?:\s*(?:\(opens in new window\)|:))?",
    r"click to (?:share|email|print)\b.*",
    r"like this:|(?:like\s+)?loading\s*(?:\.\.\.|\u2026)",
    # cross-links and related items
    r"(?:read more|read also|also read|see also|related|recommended|more from \w+|"
    r"related (?:articles?|stories|coverage|content)|you may also like|don(?:'|\u2019)t miss)\s*[:>\-\u2013\u2014|].*",
    r"(?:read more|related articles?|related stories|you may also like|more stories)\W*",
    r"tags?\s*(?::.*)?",
    # newsletter and subscription prompts
    r"(?:sign up|subscribe)\b.*\b(?:newsletters?|inbox)\b.*",
    r"get (?:the|our)\b.*\b(?:newsletters?|in your inbox|delivered)\b.*",
    r".*\bnewsletters?\W*(?:sign up|subscribe)\b.*",
    # social follow prompts
    r"(?:follow|like) (?:us|him|her|them|@\w+)\b.*\bon (?:twitter|facebook|instagram|x|linkedin|tiktok)\b.*",
    r"(?:email \w+(?: \w+)? at \S+@\S+ or )?follow (?:him|her|them|us) on (?:twitter|facebook)\b.*",
    # photo and image credits
    r"\(?(?:photo|photograph|image|picture|illustration|graphic|credit|image source|"
    r"photo credit)s?\s*(?:by\s+[^.!?]{1,60}|:\s*.{1,120})",
    r"\(?.{0,80}(?:/|\bvia\b)\s*(?:getty images|shutterstock|afp|reuters|ap|associated press)"
    r"(?: photo)?\)?",
    r"\(?ap photo\s*/.{1,80}",
    # advertising and paywall residue
    r"(?:advertisement|sponsored(?: content)?|story continues below(?: advertisement)?|"
    r"continue reading(?: below)?|scroll to continue(?: with content)?|skip (?:ad|advert))\W*",
    # copyright lines
    r"(?:\u00a9|\(c\)).{0,120}",
    # "Copyright 2019 Name", "copyright Name 2019 - ...": a year, then a name or nothing, where
    # prose would go on after a comma ("Copyright law changed in 1998, the court said.")
    r"copyright\s*(?:\u00a9|\(c\))?\s*(?:[^\s,.]+\s+){0,3}\d{4}(?:\s*[-\u2013|.:]\s*.{0,80}|\s+[^,]{0,80})?",
    r".{0,80}all rights reserved\.?",
]
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.I)


def is_boilerplate(line: str) -> bool:
    """True when the whole line is a widget prompt, share bar, credit or copyright notice."""
    line = line.strip()
    return bool(line) and len(line) <= _MAX_LINE and _BOILERPLATE.fullmatch(line) is not None


def split_boilerplate(lines: list[str]) -> tuple[list[str], list[str]]:
    """``lines`` without boilerplate, and the boilerplate lines removed, both in order."""
    kept: list[str] = []
    removed: list[str] = []
    for line in lines:
        (removed if is_boilerplate(line) else kept).append(line)
    return kept, removed
