"""Page metadata from a parsed HTML tree: title, author, date, site name, URL, language, description.

trafilatura's own ``extract_metadata`` also collects categories, tags and licences and runs
htmldate's extensive search; those cost about a quarter of the extraction time and give us
nothing, so the fields we keep are read with its individual extractors and htmldate's quick
search (meta tags, JSON-LD, time elements, URL).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from htmldate import find_date
from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.metadata import (
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)

log = logging.getLogger(__name__)

_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")
_LANGUAGE_META = XPath("./head/meta[@http-equiv='content-language' or @property='og:locale']/@content")
# Byline elements in the page, outside comment forms (whose "author" field is a form label).
_BYLINE = XPath(
    "//*[(@rel='author' or @itemprop='author' or contains(translate(@class, 'BYLINE', 'byline'), "
    "'byline') or contains(translate(@class, 'AUTHOR', 'author'), 'author')) and "
    "not(ancestor-or-self::form) and not(ancestor-or-self::label) and "
    "not(ancestor-or-self::*[contains(translate(@class, 'COMMENT', 'comment'), 'comment')])]"
)
_BYLINE_PREFIX = re.compile(
    r"^[\W_]*(?:(?:posted|written|words|text|story|reporting)\s+)?(?:by|von|por|par|di|door|av)?"
    r"\s*[:|]?\s*",
    re.I,
)
_MAX_BYLINE_WORDS = 8


@dataclass(frozen=True)
class PageMetadata:
    title: str | None = None
    author: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None


def page_metadata(tree: HtmlElement, url: str | None = None) -> PageMetadata:
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # a single token is usually a handle or a site, not a byline
    try:
        meta = extract_meta_json(tree, meta)
    except Exception as err:  # malformed JSON-LD must not cost the article
        log.debug("unreadable JSON-LD metadata: %s", err)
    page_url = meta.url or extract_url(tree, url) or url
    return PageMetadata(
        title=_clean(meta.title or extract_title(tree)),
        author=_clean(meta.author) or _byline(tree),
        published=_date(tree, page_url),
        outlet=_clean((meta.sitename or extract_sitename(tree) or "").lstrip("@")),
        url=page_url,
        language=_language(tree),
        description=_clean(meta.description),
    )


def _date(tree: HtmlElement, url: str | None) -> date | None:
    try:
        found = find_date(tree, extensive_search=False, original_date=True, url=url)
    except Exception as err:  # htmldate fails on some malformed trees: that costs the date only
        log.debug("date search failed: %s: %s", type(err).__name__, err)
        return None
    try:
        return date.fromisoformat(found) if found else None
    except ValueError:
        return None


def _language(tree: HtmlElement) -> str | None:
    candidates = [tree.get("lang"), tree.get("xml:lang")]
    candidates += _LANGUAGE_META(tree)
    for value in candidates:
        value = (value or "").strip()
        if _LANGUAGE.match(value):
            return re.split(r"[-_]", value)[0].lower()
    return None


def _byline(tree: HtmlElement) -> str | None:
    """The first byline element's names: "By Jane Roe and John Doe" -> "Jane Roe and John Doe".

    trafilatura's own author search copies and prunes the whole tree, which costs more than
    the rest of the metadata together; marked-up bylines are where it finds most authors.
    """
    for element in _BYLINE(tree):
        text = _BYLINE_PREFIX.sub("", " ".join(element.text_content().split()), count=1)
        words = text.split()
        if 2 <= len(words) <= _MAX_BYLINE_WORDS and not re.search(r"[\d*()@]", text):
            return text
    return None


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None
