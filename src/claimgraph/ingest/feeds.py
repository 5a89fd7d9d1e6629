"""RSS and Atom feeds (feedparser): each entry's link is fetched as an article of its own.
Entries are listed apart from fetching them, so that several workers can share one feed."""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urljoin

import feedparser

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest.urls import is_url
from claimgraph.model import RawDocument

log = logging.getLogger(__name__)

FEED_MEDIA_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
FEED_SUFFIXES = {".rss", ".atom"}
# An XML document whose root element is <rss>, <feed> or <rdf:RDF>, after any XML declaration,
# processing instructions, comments and doctype.
_FEED_ROOT = re.compile(
    rb"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:\w+:)?(?:rss|feed|RDF)[\s>/]", re.S | re.I
)

Fetch = Callable[[str], tuple[RawDocument, str]]


def looks_like_feed(data: bytes, media_type: str = "", name: str = "") -> bool:
    """Whether the document is meant as a feed: by its media type, file suffix or root element."""
    if media_type in FEED_MEDIA_TYPES or PurePath(name).suffix.lower() in FEED_SUFFIXES:
        return True
    return _FEED_ROOT.match(data[:4096].removeprefix(b"\xef\xbb\xbf")) is not None


@dataclass(frozen=True)
class FeedEntry:
    """An entry of a feed: its absolute link, and its title and date as fallbacks."""

    feed: str
    link: str
    title: str | None = None
    published: dt.date | None = None


def read_feed(feed: RawDocument, fetch: Fetch) -> Iterator[RawDocument | ClaimgraphError]:
    """The article behind each entry of ``feed``, with the entry's title and date as fallbacks."""
    for entry in feed_entries(feed):
        yield entry if isinstance(entry, ClaimgraphError) else fetch_entry(entry, fetch)


def feed_entries(feed: RawDocument) -> Iterator[FeedEntry | ClaimgraphError]:
    """The entries of ``feed`` in order; an entry without a usable link is an error."""
    parsed = feedparser.parse(io.BytesIO(feed.data))
    if not parsed.version and not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"feed is not XML ({problem})" if problem else "not an RSS or Atom feed"
        yield InputError(reason, feed.source)
        return
    if parsed.bozo:
        log.warning("%s: feed is not well-formed (%s); reading the entries found",
                    feed.source, parsed.get("bozo_exception"))
    if not parsed.entries:
        yield InputError("feed has no entries", feed.source)
        return
    base = feed.url or feed.source
    for n, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        if link and is_url(base):
            link = urljoin(base, link)
        if not link or not is_url(link):
            yield InputError(
                f"feed entry has no absolute link (entry {n}: {link or 'none'})", feed.source
            )
            continue
        yield FeedEntry(feed.source, link, entry.get("title"), _entry_date(entry))


def fetch_entry(entry: FeedEntry, fetch: Fetch) -> RawDocument | ClaimgraphError:
    try:
        doc, _media = fetch(entry.link)
    except ClaimgraphError as err:
        return err
    return doc.model_copy(update={
        "title": doc.title or entry.title,
        "published": doc.published or entry.published,
    })


def _entry_date(entry) -> dt.date | None:
    stamp = entry.get("published_parsed")
    return dt.date(*stamp[:3]) if stamp else None
