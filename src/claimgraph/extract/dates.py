"""Calendar dates as embeds and scraped pages print them ("October 25, 2024", "25 Oct 2024")."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import date

from claimgraph.model import Post

log = logging.getLogger(__name__)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_MONTH_FIRST = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})")
_DAY_FIRST = re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})")
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")


def parse_date(text: str | None) -> date | None:
    """The first calendar date written in ``text``: English month names, ISO, else dateparser.

    Only a date with day, month and year counts; anything else gives None.
    """
    if not text or not text.strip():
        return None
    for pattern in (_MONTH_FIRST, _DAY_FIRST, _ISO):
        match = pattern.search(text)
        if match:
            return _build(match)
    return _parse_other_language(text)


def _build(match: re.Match) -> date | None:
    month = match.group("month")
    number = int(month) if month.isdigit() else _MONTHS.get(month.lower())
    if number is None:
        return None
    try:
        return date(int(match.group("year")), number, int(match.group("day")))
    except ValueError:
        return None


def _parse_other_language(text: str) -> date | None:
    # Embeds print dates in the page's language ("9 de octubre de 2018"); dateparser knows them
    # but is slow to import, so it is only reached when the English patterns fail.
    if not re.search(r"\d{4}", text) or len(text) > 60:
        return None
    import dateparser

    parsed = dateparser.parse(
        text, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    if parsed is None:
        log.debug("no date in %r", text)
    return parsed.date() if parsed else None


def published_date(declared: date | None, posts: Sequence[Post]) -> tuple[date | None, bool]:
    """(date, inferred): the page's own date, else the newest embedded post's as a lower bound.

    An article cannot predate a post it embeds, so without a declared date the newest post's
    date is the earliest the article can have been published.
    """
    if declared is not None:
        return declared, False
    dated = [post.date for post in posts if post.date is not None]
    return (max(dated), True) if dated else (None, False)
