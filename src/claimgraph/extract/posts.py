"""Social posts embedded in HTML pages: found by each platform's embed markup, parsed into Post
records and cut out of the page so that none of their words reach the article text.

Scraped text that kept an embed's words but lost its markup is handled by ``residue``.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from urllib.parse import unquote, urlsplit, urlunsplit

from lxml.etree import XPath
from lxml.html import HtmlElement

from claimgraph.extract.dates import parse_date
from claimgraph.extract.residue import closing_line
from claimgraph.model import Post

log = logging.getLogger(__name__)

_CANDIDATES = XPath("//blockquote[@class] | //div[@class and @data-href] | //iframe[@src]")
_BLOCKQUOTE_CLASSES = {
    "twitter-tweet": "twitter",
    "twitter-video": "twitter",
    "instagram-media": "instagram",
    "tiktok-embed": "tiktok",
    "bluesky-embed": "bluesky",
    "mastodon-embed": "mastodon",
    "text-post-media": "threads",
}
_FACEBOOK_CLASSES = {"fb-post", "fb-video"}
# Embeds already rendered as iframes: the platform and the post's public URL, from the src.
_IFRAMES = [
    ("youtube", re.compile(r"youtube(?:-nocookie)?\.com/embed/([\w-]{6,})"),
     "https://www.youtube.com/watch?v={}"),
    ("twitter", re.compile(r"platform\.twitter\.com/embed/Tweet\.html\?(?:.*&)?id=(\d+)"),
     "https://twitter.com/i/status/{}"),
    ("instagram", re.compile(r"instagram\.com/((?:p|reel|tv)/[\w-]+)"),
     "https://www.instagram.com/{}/"),
    ("facebook", re.compile(r"facebook\.com/plugins/(?:post|video)\.php\?(?:.*&)?href=([^&]+)"), None),
    ("tiktok", re.compile(r"tiktok\.com/embed/(?:v2/)?(\d+)"), "https://www.tiktok.com/embed/v2/{}"),
    ("mastodon", re.compile(r"^(https?://[^/]+/@[\w.]+/\d+)/embed"), "{}"),
]
# Hashtag, search and profile links inside a post are navigation, not links the post shares.
_PLATFORM_LINK = re.compile(
    r"https?://(?:www\.|mobile\.)?(?:twitter\.com|x\.com|bsky\.app)/"
    r"(?:hashtag/|search\b|profile/[^/]+/?(?:[?#]|$)|[A-Za-z0-9_]+/?(?:[?#]|$))"
)
_SHARED_BY = re.compile(
    r"(?:shared by|posted by|by)\s+(?P<author>[^\n(@]*?)\s*\(?@(?P<handle>[\w.]+)\)?", re.I
)
_WIDGET_LINE = re.compile(
    r"^(?:view this (?:post|profile) on \w+|a (?:post|photo|video) (?:shared|posted) by\b.*|"
    r"view on (?:mastodon|threads|instagram)|post by @.*|\u266c.*|watch on \w+)$",
    re.I,
)
_POSTED_BY = re.compile(r"^Posted by (?P<author>.+?) on (?P<date>.+)$")
_HANDLE_IN_URL = re.compile(r"/@?(?P<handle>[\w.]+)/(?:status|post|video|posts|videos)/")
_BREAK = "\u2029"  # marks rendered line breaks while the text is collected
_FACEBOOK_NOT_HANDLES = {"permalink.php", "story.php", "watch", "video.php", "photo.php", "groups"}


def take_posts(tree: HtmlElement) -> list[Post]:
    """The posts embedded in ``tree``, in page order; their elements are removed from ``tree``."""
    posts: list[Post] = []
    dropped: list[HtmlElement] = []
    for element in _CANDIDATES(tree):
        if any(ancestor in dropped for ancestor in element.iterancestors()):
            continue
        post = _parse(element)
        if post is None:
            continue
        posts.append(post)
        dropped.append(element)
        element.drop_tree()
    return posts


def _parse(element: HtmlElement) -> Post | None:
    if element.tag == "iframe":
        return _iframe(element)
    classes = set((element.get("class") or "").split())
    if element.tag == "div":
        return _facebook(element) if classes & _FACEBOOK_CLASSES else None
    platform = next((p for c, p in _BLOCKQUOTE_CLASSES.items() if c in classes), None)
    if platform in ("twitter", "bluesky"):
        return _attributed(element, platform)
    if platform == "instagram":
        return _instagram(element)
    if platform == "tiktok":
        return _tiktok(element)
    if platform in ("mastodon", "threads"):
        return _linked(element, platform)
    return None


def _attributed(element: HtmlElement, platform: str) -> Post:
    """Tweets and Bluesky posts: text, then "— Name (@handle) date" linking to the post."""
    marker = "/status/" if platform == "twitter" else "/post/"
    post_links = [h for h in _hrefs(element) if marker in h]
    url = _without_query(post_links[-1]) if post_links else None
    links = [h for h in _hrefs(element) if h not in post_links and not _PLATFORM_LINK.match(h)]
    text = "\n".join(_lines(element))
    closing = closing_line(text)
    author = day = None
    handle = _handle_from_url(url)
    if closing is not None:
        text, author, handle, day = closing
    elif post_links:
        # no attribution line: the link to the post carries its date, and is no part of its text
        stamp = element.xpath(".//a[contains(@href, $m)]", m=marker)[-1]
        day = parse_date(stamp.text_content())
        stamp.drop_tree()
        text = "\n".join(_lines(element))
    return Post(platform=platform, author=author, handle=handle, date=day, text=text,
                links=links, url=url)


def _instagram(element: HtmlElement) -> Post:
    url = _without_query(element.get("data-instgrm-permalink"))
    lines = _lines(element)
    shared = next((m for m in map(_SHARED_BY.search, lines) if m), None)
    stamps = element.xpath(".//time/@datetime")
    text = [line for line in lines if not _WIDGET_LINE.match(line)]
    return Post(
        platform="instagram",
        author=(shared.group("author").strip() or None) if shared else None,
        handle=shared.group("handle") if shared else None,
        date=_iso_date(stamps[0]) if stamps else None,
        text="\n".join(text),
        links=[h for h in _hrefs(element) if "instagram.com" not in h],
        url=url,
    )


def _tiktok(element: HtmlElement) -> Post:
    url = _without_query(element.get("cite"))
    handle = _handle_from_url(url)
    for anchor in element.xpath(".//a[starts-with(@title, '@')]"):
        handle = handle or anchor.get("title")[1:]
        anchor.drop_tree()  # the author's name heads the caption; it is not part of it
    text = [line for line in _lines(element) if not _WIDGET_LINE.match(line)]
    return Post(platform="tiktok", handle=handle, text="\n".join(text), url=url)


def _facebook(element: HtmlElement) -> Post:
    url = element.get("data-href") or None
    quoted = element.find(".//blockquote")
    author = day = None
    text = []
    for line in _lines(quoted if quoted is not None else element):
        posted = _POSTED_BY.match(line)
        if posted:
            author, day = posted.group("author"), parse_date(posted.group("date"))
        else:
            text.append(line)
    path = urlsplit(url or "").path.strip("/").split("/")
    handle = path[0] if path[0] and path[0] not in _FACEBOOK_NOT_HANDLES else None
    return Post(platform="facebook", author=author, handle=handle, date=day,
                text="\n".join(text), url=url)


def _linked(element: HtmlElement, platform: str) -> Post:
    """Mastodon and Threads embeds: a link to the post, little or no text of it."""
    url = element.get("data-embed-url") or element.get("data-text-post-permalink")
    url = _without_query(re.sub(r"/embed/?$", "", url or "")) or None
    text = [line for line in _lines(element) if not _WIDGET_LINE.match(line)]
    return Post(platform=platform, handle=_fediverse_handle(url), text="\n".join(text), url=url)


def _iframe(element: HtmlElement) -> Post | None:
    src = element.get("src") or ""
    for platform, pattern, template in _IFRAMES:
        match = pattern.search(src)
        if match:
            url = template.format(match.group(1)) if template else unquote(match.group(1))
            handle = _fediverse_handle(url) if platform == "mastodon" else None
            return Post(platform=platform, handle=handle, text=element.get("title") or "", url=url)
    return None


def _lines(element: HtmlElement) -> list[str]:
    """The element's text, one entry per rendered line: breaks and block ends split lines,
    source newlines are only whitespace."""
    for br in element.iter("br"):
        br.tail = _BREAK + (br.tail or "")
    for block in element.iter("p", "div", "section", "li", "blockquote"):
        block.tail = _BREAK + (block.tail or "")
    lines = (" ".join(line.split()) for line in element.text_content().split(_BREAK))
    return [line for line in lines if line]


def _hrefs(element: HtmlElement) -> list[str]:
    seen: dict[str, None] = {}
    for href in element.xpath(".//a/@href"):
        if href.startswith(("http://", "https://")):
            seen.setdefault(href, None)
    return list(seen)


def _without_query(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _handle_from_url(url: str | None) -> str | None:
    match = _HANDLE_IN_URL.search(url or "")
    return match.group("handle") if match and match.group("handle") != "i" else None


def _fediverse_handle(url: str | None) -> str | None:
    """"user@host" for https://host/@user/123, "user" for Threads (one host)."""
    match = re.match(r"https?://(?:www\.)?([^/]+)/@([\w.]+)", url or "")
    if match is None:
        return None
    host, user = match.groups()
    return user if host.startswith("threads.") else f"{user}@{host}"


def _iso_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        log.debug("unreadable embed date %r", value)
        return None
