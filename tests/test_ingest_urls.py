"""Fetching URLs against a local server: what a user sees for good pages and for each fault."""

import re
import gzip
import ipaddress

import pytest

from claimgraph.errors import ClaimgraphError, FetchError, InputError
from claimgraph.extract import extract
from claimgraph.extract.decode import decode
from claimgraph.ingest import read_sources
from claimgraph.ingest.guard import blocked_kind
from claimgraph.ingest.urls import Fetcher
from claimgraph.settings import Settings

PAGE = (
    "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
    + "<p>The harbour reopened on Monday after repairs to the storm-damaged pier.</p>" * 4
    + "</article></body></html>"
)
MB = 1_000_000


def settings(**overrides) -> Settings:
    base = dict(allow_private=True, politeness_delay=0, connect_timeout=2, read_timeout=0.5,
                fetch_timeout=5, max_redirects=3)
    return Settings(**{**base, **overrides})


def fetch(url: str, **overrides):
    with Fetcher(settings(**overrides)) as fetcher:
        return fetcher.fetch(url)


def fetch_error(url: str, **overrides) -> ClaimgraphError:
    with pytest.raises(ClaimgraphError) as caught:
        fetch(url, **overrides)
    assert caught.value.item == url
    return caught.value


def test_page_is_fetched_with_its_final_url_and_a_clear_user_agent(web):
    url = web.route("/story", PAGE, Content_Type="text/html; charset=utf-8")
    raw, media = fetch(url)
    assert raw.source == url and raw.url == url
    assert raw.content_type == "html" and media == "text/html"
    assert b"Harbour reopens" in raw.data
    assert raw.retrieved is not None
    agent = web.requests[0][1]["User-Agent"]
    assert re.match(r"claimgraph/\d+\.\d+\.\d+ ", agent)


def test_redirects_are_followed_and_the_final_url_kept(web):
    final = web.route("/final", PAGE, Content_Type="text/html")
    start = web.redirect("/start", "/final", status=301)
    raw, _ = fetch(start)
    assert raw.source == start and raw.url == final


def test_404_names_the_status(web):
    error = fetch_error(web.url("/missing"))
    assert isinstance(error, FetchError)
    assert "HTTP 404" in error.reason


def test_redirect_loop_is_refused(web):
    web.redirect("/a", "/b")
    web.redirect("/b", "/a")
    assert "redirect loop" in fetch_error(web.url("/a")).reason


def test_redirect_chain_longer_than_the_cap_is_refused(web):
    for n in range(6):
        web.redirect(f"/hop{n}", f"/hop{n + 1}")
    web.route("/hop6", PAGE, Content_Type="text/html")
    assert "more than 3 redirects" in fetch_error(web.url("/hop0"), max_redirects=3).reason
    raw, _ = fetch(web.url("/hop0"), max_redirects=6)
    assert raw.url.endswith("/hop6")


def test_a_redirect_to_something_that_is_not_a_url_is_refused(web):
    web.redirect("/odd", "http://[::1")
    reason = fetch_error(web.url("/odd")).reason
    assert "broke the HTTP protocol" in reason and "location header" in reason


def test_a_server_that_never_answers_times_out(web):
    web.custom("/stall", lambda handler: web.stop.wait(10))
    error = fetch_error(web.url("/stall"), read_timeout=0.3)
    assert "timed out waiting for the server" in error.reason


def test_a_server_dripping_bytes_is_cut_off_by_the_overall_timeout(web):
    def drip(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        while not web.stop.wait(0.05):
            handler.wfile.write(b"<p>x</p>")
            handler.wfile.flush()

    web.custom("/drip", drip)
    error = fetch_error(web.url("/drip"), read_timeout=1, fetch_timeout=0.5)
    assert "took longer than 0.5 s" in error.reason


def _fifty_megabytes(handler, declare_length: bool):
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    if declare_length:
        handler.send_header("Content-Length", str(50 * MB))
    handler.end_headers()
    chunk = b"<p>" + b"a" * (MB - 7) + b"</p>"
    for _ in range(50):
        handler.wfile.write(chunk)


@pytest.mark.parametrize("declare_length", [True, False])
def test_a_50_mb_page_is_refused_at_the_size_cap(web, declare_length):
    url = web.custom("/huge", lambda h: _fifty_megabytes(h, declare_length))
    error = fetch_error(url)
    assert isinstance(error, InputError)
    assert "20,000,000-byte limit" in error.reason


def test_loopback_is_refused_unless_allowed(web):
    url = web.route("/story", PAGE, Content_Type="text/html")
    error = fetch_error(url, allow_private=False)
    assert "loopback address refused" in error.reason and "--allow-private" in error.reason
    assert web.requests == []


def test_a_host_name_is_checked_after_resolving_it(web):
    url = web.route("/story", PAGE, Content_Type="text/html")
    error = fetch_error(web.url("/story", host="localhost"), allow_private=False)
    assert "localhost" in error.reason and "loopback" in error.reason
    fetch(url)  # reachable when allowed


@pytest.mark.parametrize("target", ["http://10.1.2.3/admin", "http://169.254.169.254/latest/"])
def test_a_redirect_to_a_private_address_is_refused(web, target):
    web.redirect("/go", target)
    error = fetch_error(web.url("/go"), allow_private=False, allowed_networks=["127.0.0.1/32"])
    assert "address refused" in error.reason and target.split("/")[2] in error.reason


@pytest.mark.parametrize(
    "address, kind",
    [("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.0.0.7", "private"),
     ("192.168.1.1", "private"), ("172.16.5.4", "private"), ("100.64.0.1", "private"),
     ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("224.0.0.1", "multicast"),
     ("ff02::1", "multicast"), ("0.0.0.0", "unspecified"), ("240.0.0.1", "reserved"),
     ("::ffff:127.0.0.1", "loopback"), ("fd00::1", "private"),
     ("93.184.215.14", None), ("2606:4700::1111", None)],
)
def test_address_kinds(address, kind):
    assert blocked_kind(ipaddress.ip_address(address)) == kind


def test_binary_served_as_html_is_refused_by_extraction(web):
    url = web.route("/fake.html", bytes(range(256)) * 100, Content_Type="text/html")
    raw, _ = fetch(url)
    with pytest.raises(InputError) as caught:
        extract(raw)
    assert caught.value.item == url and "binary" in caught.value.reason


def test_an_image_is_not_taken_for_an_article(web):
    url = web.route("/photo", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, Content_Type="image/png")
    assert "image/png" in fetch_error(url).reason


def test_windows_1252_page_without_a_declared_charset_is_decoded(web):
    text = "Café owners say the “new rules” are unfair to small businesses in the old town."
    html = f"<html><body><article><h1>Café rules</h1><p>{text}</p><p>{text}</p></article></body>"
    url = web.route("/cafe", html.encode("cp1252"), Content_Type="text/html")
    raw, _ = fetch(url)
    article = extract(raw)
    assert "“new rules”" in article.text and "Café" in article.text


def test_gzip_encoded_page_is_decompressed(web):
    url = web.route("/zipped", gzip.compress(PAGE.encode()), Content_Type="text/html",
                    Content_Encoding="gzip")
    raw, _ = fetch(url)
    assert raw.data == PAGE.encode()


@pytest.mark.parametrize("label, encoding", [
    ("windows-1252", "cp1252"), ("ISO-8859-1", "cp1252"), ("iso-8859-1", "utf-8"),
    ("shift_jis", "shift_jis"),
])
def test_the_http_charset_decides_a_short_page(web, label, encoding):
    # Too short for detection to be sure; a Latin-1 label means windows-1252 as in browsers,
    # and bytes that are valid UTF-8 stay UTF-8 whatever the label says.
    text = "港は再開した。" if encoding == "shift_jis" else "Café “rules” — naïve."
    html = f"<html><body><p>{text}</p></body></html>"
    url = web.route("/short", html.encode(encoding), Content_Type=f"text/html; charset={label}")
    raw, _ = fetch(url)
    assert raw.encoding == label
    assert text in decode(raw.data, url, raw.encoding)


def test_truncated_gzip_response_is_a_clear_error(web):
    full = gzip.compress(PAGE.encode() * 20)
    body = full[: len(full) // 2]
    url = web.route("/cut", body, Content_Type="text/html", Content_Encoding="gzip")
    assert "corrupt compressed response" in fetch_error(url).reason


def test_requests_to_one_host_wait_the_politeness_delay(web):
    url = web.route("/story", PAGE, Content_Type="text/html")
    waits = []
    frozen = Fetcher(settings(politeness_delay=5), sleep=waits.append, clock=lambda: 100.0)
    with frozen as fetcher:
        fetcher.fetch(url)
        fetcher.fetch(url)
        fetcher.fetch(web.url("/story", host="localhost"))  # another host: no wait
    assert waits == [5.0]


def test_one_bad_url_does_not_stop_the_batch(web):
    good = web.route("/good", PAGE, Content_Type="text/html")
    items = list(read_sources([web.url("/missing"), "ftp://example.org/x", good], settings()))
    assert [type(i).__name__ for i in items] == ["FetchError", "FetchError", "RawDocument"]
    assert "unsupported URL scheme" in items[1].reason


def test_a_host_that_does_not_resolve_is_a_clear_error():
    url = "http://no-such-host.invalid/story"  # .invalid never resolves (RFC 2606)
    error = fetch_error(url, connect_timeout=2)
    assert error.reason.startswith(("cannot resolve host (no-such-host.invalid",
                                    "DNS lookup timed out (no-such-host.invalid"))
