"""Page furniture that survives into extracted text: widget prompts, share bars, credits,
teasers for other stories and continuation markers.

Each pattern matches a whole line (short lines only), so article sentences that merely
mention a newsletter or a photo are never touched. A list heading ("DON'T MISS", "Related")
also takes the headline-shaped lines right after it: the teasers it introduces.
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
    r"(?:read more|read also|also read|see also|see more|watch more|read next|related|recommended|"
    r"more from \w+|more on this(?: story)?|related (?:articles?|stories|coverage|content)|"
    r"you may also like|don(?:'|\u2019)t miss|most (?:read|popular)|trending(?: now)?)"
    r"\s*[:>\-\u2013\u2014|].*",
    r"(?:read more|more stories)\W*",
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
    r"(?:advertisement|sponsored(?: content)?|continue reading(?: below)?|"
    r"scroll to continue(?: with content)?|skip (?:ad|advert))\W*",
    # continuation markers
    r"(?:(?:the )?(?:article|story|text) continue[sd]?|continued)"
    r"(?: (?:below|after|under|on (?:the )?next page)"
    r"(?: (?:this |the )?(?:advert(?:isement)?|ad|gallery|video|image|photos?|slideshow))?)?\W*",
    # a lone update stamp: "Updated at 1:23 p.m.", "Last updated: 5 June 2024 10:02 BST"
    r"(?:last )?updated(?: on| at)?:?\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
    r"dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)[\w ,:./\-]{0,40}",
    # copyright lines
    r"(?:\u00a9|\(c\)).{0,120}",
    # "Copyright 2019 Name", "copyright Name 2019 - ...": a year, then a name or nothing, where
    # prose would go on after a comma ("Copyright law changed in 1998, the court said.")
    r"copyright\s*(?:\u00a9|\(c\))?\s*(?:[^\s,.]+\s+){0,3}\d{4}(?:\s*[-\u2013|.:]\s*.{0,80}|\s+[^,]{0,80})?",
    r".{0,80}all rights reserved\.?",
]
# Headings of lists of other stories.
_LIST_HEADING = re.compile(
    r"(?:don(?:'|\u2019)t miss|see more|most (?:read|popular)|trending(?: now)?|top stories|"
    r"related(?: articles?| stories| coverage| content| links)?|more on this(?: story)?|"
    r"you may also like|recommended(?: for you)?|read next|also read|more stories)\W*",
    re.I,
)
_PATTERNS.append(_LIST_HEADING.pattern)
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.I)
# A teaser: a headline tagged with its section in capitals, "Plane lands safely [VIDEO]".
_TAGGED_TEASER = re.compile(r".{8,180}\s\[[A-Z][A-Z ]{2,15}\]\W{0,3}")
# A teaser line after a list heading: short, and no sentence ending.
_MAX_TEASER = 150
_SENTENCE_END = re.compile(r"[.!?:;\"'\u201d\u2019)]\s*$")


def is_boilerplate(line: str) -> bool:
    """True when the whole line is a widget prompt, share bar, credit, copyright notice,
    tagged teaser or continuation marker."""
    line = line.strip()
    return bool(line) and len(line) <= _MAX_LINE and (
        _BOILERPLATE.fullmatch(line) is not None or _TAGGED_TEASER.fullmatch(line) is not None
    )


def split_boilerplate(lines: list[str]) -> tuple[list[str], list[str]]:
    """``lines`` without boilerplate, and the boilerplate lines removed, both in order."""
    kept: list[str] = []
    removed: list[str] = []
    in_list = False  # just after a list heading, and its teasers so far
    for line in lines:
        teaser = in_list and len(line) <= _MAX_TEASER and not _SENTENCE_END.search(line)
        if teaser or is_boilerplate(line):
            removed.append(line)
            in_list = teaser or _LIST_HEADING.fullmatch(line.strip()) is not None
        else:
            kept.append(line)
            in_list = False
    return kept, removed
