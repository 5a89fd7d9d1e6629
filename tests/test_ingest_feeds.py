"""RSS and Atom feeds: each entry's article is fetched; a feed that is not a feed says so."""

import datetime as dt

from claimgraph.errors import ClaimgraphError
from claimgraph.ingest import read_sources
from claimgraph.model import RawDocument
from claimgraph.settings import Settings

PAGE = "<html><body><article><h1>{0}</h1><p>{0} happened on Monday, officials said.</p>" \
       "</article></body></html>"


def settings() -> Settings:
    return Settings(allow_private=True, politeness_delay=0, read_timeout=1, fetch_timeout=5)


def rss(*items: tuple[str, str, str]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
        for title, link, date in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Harbour News</title>{entries}</channel></rss>")


def read(*specs):
    return list(read_sources([str(s) for s in specs], settings()))


def test_rss_feed_entries_are_fetched_with_their_titles_and_dates(web):
    first = web.route("/one", PAGE.format("Pier closed"), Content_Type="text/html")
    second = web.route("/two", PAGE.format("Ferry delayed"), Content_Type="text/html")
    feed = web.route("/feed", rss(
        ("Pier closed", first, "Tue, 29 Oct 2024 10:00:00 GMT"),
        ("Ferry delayed", second, "Wed, 30 Oct 2024 08:30:00 GMT"),
    ), Content_Type="application/rss+xml")
    items = read(feed)
    assert [i.source for i in items] == [first, second]
    assert [i.title for i in items] == ["Pier closed", "Ferry delayed"]
    assert [i.published for i in items] == [dt.date(2024, 10, 29), dt.date(2024, 10, 30)]
    assert b"Ferry delayed happened" in items[1].data


def test_atom_feed_served_as_plain_xml_is_recognised_and_relative_links_resolved(web):
    story = web.route("/news/story", PAGE.format("Bridge opens"), Content_Type="text/html")
    atom = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
            '<entry><title>Bridge opens</title><link href="/news/story"/>'
            "<published>2024-10-30T09:00:00Z</published></entry></feed>")
    feed = web.route("/atom", atom, Content_Type="text/xml")
    [item] = read(feed)
    assert isinstance(item, RawDocument)
    assert item.source == story and item.published == dt.date(2024, 10, 30)


def test_feed_file_on_disk_is_read_by_its_content(web, tmp_path):
    story = web.route("/s", PAGE.format("Storm warning"), Content_Type="text/html")
    path = tmp_path / "saved-feed.xml"
    path.write_text(rss(("Storm warning", story, "Wed, 30 Oct 2024 08:30:00 GMT")))
    [item] = read(path)
    assert item.source == story and item.title == "Storm warning"


def test_an_entry_that_fails_is_reported_and_the_others_read(web):
    good = web.route("/good", PAGE.format("Good"), Content_Type="text/html")
    feed = web.route("/feed", rss(("Gone", web.url("/gone"), ""), ("Good", good, "")),
                     Content_Type="application/rss+xml")
    gone, ok = read(feed)
    assert isinstance(gone, ClaimgraphError) and gone.item == web.url("/gone")
    assert "HTTP 404" in gone.reason
    assert ok.source == good


def test_a_feed_that_is_not_xml_is_a_clear_error(web):
    feed = web.route("/feed", b"\x00\x01 this is { not xml", Content_Type="application/rss+xml")
    [error] = read(feed)
    assert isinstance(error, ClaimgraphError)
    assert error.item == feed and "feed is not XML" in error.reason


def test_an_html_page_named_as_a_feed_is_not_taken_for_one(web, tmp_path):
    path = tmp_path / "news.rss"
    path.write_text("<html><body><p>Subscribe to our feed!</p></body></html>")
    [error] = read(path)
    assert error.item == str(path) and "not an RSS or Atom feed" in error.reason


def test_feed_links_to_the_local_network_are_refused_by_default(web, tmp_path):
    story = web.route("/s", PAGE.format("Inside"), Content_Type="text/html")
    path = tmp_path / "feed.rss"
    path.write_text(rss(("Inside", story, "")))
    [error] = list(read_sources([str(path)], Settings(politeness_delay=0)))
    assert error.item == story and "loopback address refused" in error.reason
    assert web.requests == []
