"""Embedded posts left as plain text: a scraper keeps an embed's words but not its markup.

A tweet embed, once flattened, is its text lines followed by a closing line
"— Name (@handle) Month D, YYYY". The closing line is unmistakable; where the post's text
starts is not, so it is decided from the lines themselves: a post is short (at most 280
characters, links counted as Twitter counts them), and its lines read differently from article
prose (hashtags, links, very short lines, exclamations, first person, no closing full stop),
while article lines carry attributions ("said", "according to") or lead into the post
("See the tweet below:"). Instagram's residue is framed by its own opening and closing lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from claimgraph.extract.dates import parse_date
from claimgraph.model import Post

# "— Name (@handle) October 25, 2024": at a line start, or after the post's text on one line.
_CLOSING = re.compile(
    r"(?:^(?:[\u2014\u2013\u2015]|--?)|\s[\u2014\u2013\u2015])\s*"
    r"(?P<author>[^\n()\u2014\u2013\u2015]*?)\s*\(\s*@(?P<handle>\w[\w.\-@]*)\s*\)\s*(?P<date>[^\n()]{0,60}?)\s*$"
)
_INSTAGRAM_OPENING = re.compile(r"^view this post on instagram$", re.I)
_INSTAGRAM_CLOSING = re.compile(
    r"^a (?:post|photo|video) shared by\s+(?P<author>[^\n(@]*?)\s*\(?@(?P<handle>[\w.]+)\)?"
    r"(?:\s+on\s+(?P<date>.+))?$",
    re.I,
)
# The closing line ends with the date, or the date and a time ("November 5, 2024 at 6:01 PM").
_DATE_END = re.compile(r"(?:\d{4}|\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)$")
_URL = re.compile(r"(?:https?://|(?<![\w/])pic\.twitter\.com/)[^\s\u201d\"'<>]+")
_PIC = re.compile(r"^(?:https?://)?pic\.twitter\.com/", re.I)
_TAG = re.compile(r"(?:^|\s)[#@]\w")
_QUOTED = re.compile(r"[\u201c\"][^\u201d\"]*[\u201d\"]")
_FIRST_PERSON = re.compile(r"\b(?:I|I[\u2019']m|I[\u2019']ve|I[\u2019']ll|me|my|My|we|We|our|Our|us)\b")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|tells|according to|wrote|writes|tweeted|posted|added|noted|explained|"
    r"stated|reported|announced|quipped|replied|responded|asked|insisted|claimed)\b",
    re.I,
)
_LEAD_IN = re.compile(
    r"\b(?:tweets?|tweeted|posts?|posted|wrote|writes|said|says|following|statement|below|"
    r"reads?|shared|here)\b\W*:\s*$",
    re.I,
)
_EMOJI = re.compile("[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]")
_TERMINAL = re.compile(r"[.!?\u2026:;,\"'\u201d\u2019)\]\u3002\uff01\uff1f\u300d]$")
_TWEET_LIMIT = 280
# Twitter counts a link in the text as 23 characters, and attachments (media, a quoted post:
# the links that end a post) not at all.
_LINK_WEIGHT = 23
_TRAILING_LINKS = re.compile(r"(?:(?:^|\s+)(?:https?://|pic\.twitter\.com/)\S+)+\s*$")
_SHORT_LINE = 30


def split_residue(lines: Sequence[str]) -> tuple[list[str], list[Post]]:
    """``lines`` without embedded-post residue, and the posts that residue held, in order."""
    kept: list[str] = []
    posts: list[Post] = []
    floor = 0  # kept lines before this index belong to the article before an earlier post
    for line in lines:
        shared = _INSTAGRAM_CLOSING.match(line)
        closing = None if shared else closing_line(line)
        if shared is None and closing is None:
            kept.append(line)
            continue
        if shared:
            post, start = _instagram(kept, floor, shared)
        else:
            before, author, handle, day = closing
            if before:
                kept.append(before)
            start = post_start(kept, floor) if len(kept) > floor else len(kept)
            text = "\n".join(kept[start:])
            post = Post(platform="bluesky" if ".bsky." in handle else "twitter", author=author,
                        handle=handle, date=day, text=text, links=links_in(text))
        posts.append(post)
        del kept[start:]
        floor = len(kept)
    return kept, posts


def _instagram(kept: list[str], floor: int, shared: re.Match) -> tuple[Post, int]:
    """An Instagram embed's residue runs from "View this post on Instagram" to its
    "A post shared by Name (@handle)" line; without the opening line, only the caption line
    just above counts."""
    openers = [j for j in range(floor, len(kept)) if _INSTAGRAM_OPENING.match(kept[j])]
    start = openers[-1] if openers else max(floor, len(kept) - 1)
    caption = kept[start + 1:] if openers else kept[start:]
    text = "\n".join(caption)
    post = Post(platform="instagram", author=shared.group("author").strip() or None,
                handle=shared.group("handle"), date=parse_date(shared.group("date")),
                text=text, links=links_in(text))
    return post, start


def closing_line(text: str) -> tuple[str, str, str, date] | None:
    """(text before, author, handle, date) when ``text`` ends with a post's closing line.

    The date is required: without it, "— Name (@handle)" is as likely to be prose.
    """
    match = _CLOSING.search(text)
    if match is None or not match.group("author").strip():
        return None
    day = parse_date(match.group("date")) if _DATE_END.search(match.group("date")) else None
    if day is None:
        return None
    return text[: match.start()].strip(), match.group("author").strip(), match.group("handle"), day


def without_trailing_links(text: str) -> str:
    """A post's text without the links that end it (its media, a quoted post)."""
    return _TRAILING_LINKS.sub("", text)


def links_in(text: str) -> list[str]:
    """URLs written in ``text``, with a scheme added to bare pic.twitter.com links."""
    return [url if "://" in url else "https://" + url for url in _URL.findall(text)]


def post_start(lines: Sequence[str], floor: int = 0) -> int:
    """Index of the first line of the post whose last line is ``lines[-1]`` (not before
    ``floor``)."""
    last = len(lines) - 1
    used = _weight(_TRAILING_LINKS.sub("", lines[last]))
    start = last
    for j in range(last - 1, floor - 1, -1):
        line = lines[j]
        marked = _marked(line)
        if not marked and _article_like(line):
            break
        used += _weight(line) + 1  # the line break counts as a character
        if used > _TWEET_LIMIT:
            break
        if marked or _post_like(line):
            start = j
    return start


def _weight(line: str) -> int:
    links = _URL.findall(line)
    counted = sum(_LINK_WEIGHT for url in links if not _PIC.match(url))
    return len(_URL.sub("", line).strip()) + counted


def _marked(line: str) -> bool:
    """Links, hashtags, mentions and emoji: marks of a post whatever else the line says."""
    return bool(_URL.search(line) or _TAG.search(line) or _EMOJI.search(line))


def _article_like(line: str) -> bool:
    return bool(_ATTRIBUTION.search(line) or _LEAD_IN.search(line)) or _is_subheading(line)


def _post_like(line: str) -> bool:
    own = _QUOTED.sub("", line).strip()
    return (
        len(line) <= _SHORT_LINE
        or own.endswith(("!", "?"))
        or bool(_FIRST_PERSON.search(own))
        or not _TERMINAL.search(line)
    )


def _is_subheading(line: str) -> bool:
    """A subheading: several words, nearly all capitalised, no closing punctuation."""
    words = line.split()
    if len(words) < 3 or _TERMINAL.search(line):
        return False
    capitalised = sum(1 for word in words if word[:1].isupper() or not word[:1].isalpha())
    return capitalised >= 0.8 * len(words)
