"""HTML pages to an Article: embedded posts cut out, main text by trafilatura, then cleaned.

Settings were chosen on the article-extraction benchmark (bench/extraction.py): trafilatura
with ``favor_precision`` and without comments scores best there (F1 0.962 against the
embed-free ground truth, balanced mode 0.959), and its ``fast`` mode (no comparison with the
readability and jusText fallbacks) costs nothing measurable in F1 and about 40% of the time.
When precision mode keeps almost nothing, the page is extracted again in balanced mode.
"""

from __future__ import annotations

import logging
import re

import trafilatura
from lxml.etree import LxmlError
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from claimgraph.errors import InputError
from claimgraph.extract.boilerplate import split_boilerplate
from claimgraph.extract.dates import published_date
from claimgraph.extract.headline import MAX_DEK, is_heading, split_kicker
from claimgraph.extract.metadata import page_metadata
from claimgraph.extract.posts import take_posts
from claimgraph.extract.residue import split_residue
from claimgraph.model import Article

log = logging.getLogger(__name__)

_PRECISE = dict(favor_precision=True, fast=True, include_comments=False, with_metadata=False)
_BALANCED = dict(include_comments=False, with_metadata=False)
# Below this many characters, precision mode may have dropped the article: try balanced mode,
# and keep its text when it is more than twice as long.
_RETRY_BELOW = 500
# Fewer words than this is navigation or a caption, not an article.
_MIN_WORDS = 8
_WORD = re.compile(r"\w+")
# Hover cards and tooltips: hidden until the pointer is over a link, and glued into the text
# around the link by any extractor ("Rep. Jane DoeJane DoeHeadline of her last story MORE").
# The link that opens a card stays (with its words), as does any element holding such a link.
_HOVER = re.compile(r"rollover|tooltip|popover|hover-?card", re.I)
_TRIGGER = re.compile(r"link|trigger|^has-", re.I)


def article_from_html(html: str, source: str, url: str | None = None) -> Article:
    """The Article in ``html``. Raises InputError when the page holds no article text."""
    try:
        return _article(html, source, url)
    except (LxmlError, RecursionError) as err:
        raise InputError(f"unreadable HTML ({type(err).__name__}: {err})", source) from err


def _article(html: str, source: str, url: str | None) -> Article:
    tree = load_html(html)
    if tree is None:
        raise InputError("not an HTML document (no element tree could be parsed)", source)
    meta = page_metadata(tree, url)
    posts = take_posts(tree)
    _drop_hover_cards(tree)
    lines = [line.strip() for line in _main_text(tree).splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise InputError("no article text found in the page", source)
    kicker, title = split_kicker(_without_outlet(meta.title, meta.outlet))
    if title and _same(lines[0], title) or meta.title and _same(lines[0], meta.title):
        lines.pop(0)  # the headline repeated at the top of the body
    lines, boilerplate = split_boilerplate(lines)
    lines, residue = split_residue(lines)
    posts += residue
    words = sum(len(_WORD.findall(line)) for line in lines)
    if words < _MIN_WORDS:
        raise InputError(f"no article text found in the page (only {words} words besides "
                         "embeds and page furniture)", source)
    dek = _dek(meta.description, title, lines)
    published, inferred = published_date(meta.published, posts)
    return Article(
        source=source,
        title=title,
        kicker=kicker,
        dek=dek,
        byline=meta.author,
        outlet=meta.outlet,
        url=meta.url,
        language=meta.language,
        published=published,
        published_inferred=inferred,
        text="\n\n".join(lines),
        boilerplate=boilerplate,
        posts=posts,
    )


def _drop_hover_cards(tree: HtmlElement) -> None:
    cards = [el for el in tree.iter() if _hover(el) == "card" and el.tag != "a"
             and not any(_hover(inner) == "trigger" for inner in el.iterdescendants())]
    for el in cards:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the text after the card (its tail) in place


def _hover(el: HtmlElement) -> str | None:
    """"card" or "trigger" for an element of a hover card, else None."""
    if not isinstance(el.tag, str):
        return None
    names = [n for n in f"{el.get('class', '')} {el.get('id', '')}".split() if _HOVER.search(n)]
    if not names:
        return None
    return "trigger" if any(_TRIGGER.search(n) for n in names) else "card"


def _main_text(tree: HtmlElement) -> str:
    text = _extract(tree, _PRECISE)
    if len(text) < _RETRY_BELOW:
        balanced = _extract(tree, _BALANCED)
        if len(balanced) > 2 * len(text):
            log.debug("precision mode kept %d characters, balanced mode %d", len(text), len(balanced))
            return balanced
    return text


def _extract(tree: HtmlElement, settings: dict) -> str:
    document = trafilatura.bare_extraction(tree, **settings)
    return (document.text or "") if document is not None else ""


def _dek(description: str | None, title: str | None, lines: list[str]) -> str | None:
    """The page's description when it is a standfirst: not the title, not a truncated teaser,
    not the body's opening sentence. A standfirst printed atop the body moves out of it."""
    if not description or (title and _same(description, title)):
        return None
    if description.endswith(("...", "\u2026")):
        return None
    if _same(lines[0], description) and is_heading(lines[0], MAX_DEK) and len(lines) > 1:
        return lines.pop(0)
    if _same(lines[0][: len(description)], description):
        return None
    return description


def _without_outlet(title: str | None, outlet: str | None) -> str | None:
    """"Headline | Site" or "Headline - Site" without the site's name."""
    if not title or not outlet:
        return title
    for separator in (" | ", " - ", " \u2013 ", " \u2014 ", " :: "):
        head, _, tail = title.rpartition(separator)
        if head and _same(tail, outlet):
            return head.strip()
    return title


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
