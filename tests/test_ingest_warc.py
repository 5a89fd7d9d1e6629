"""WARC archives: HTML responses only, with URL and capture date; damage is reported, not fatal."""

import datetime as dt
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.errors import ClaimgraphError
from claimgraph.ingest import read_sources
from claimgraph.model import RawDocument
from claimgraph.settings import Settings

DATE = "2024-10-30T12:34:56Z"


def page(n: int) -> bytes:
    return (f"<html><body><article><h1>Story {n}</h1><p>Story number {n} is about the "
            f"harbour.</p></article></body></html>").encode()


def record(writer, uri, body, *, kind="response", status="200 OK", media="text/html"):
    headers = None
    if kind == "response":
        headers = StatusAndHeaders(status, [("Content-Type", media)], protocol="HTTP/1.1")
    rec = writer.create_warc_record(
        uri, kind, payload=io.BytesIO(body), http_headers=headers,
        warc_headers_dict={"WARC-Date": DATE},
    )
    writer.write_record(rec)


def archive(gzip: bool, pages: int = 3) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for n in range(pages):
        record(writer, f"https://news.example/{n}", page(n))
    return buf.getvalue()


def read(path, **overrides):
    return list(read_sources([str(path)], Settings(**overrides)))


@pytest.mark.parametrize("gzip, name", [(False, "crawl.warc"), (True, "crawl.warc.gz")])
def test_html_responses_are_read_with_url_and_capture_date(tmp_path, gzip, name):
    path = tmp_path / name
    path.write_bytes(archive(gzip))
    items = read(path)
    assert [i.source for i in items] == [f"https://news.example/{n}" for n in range(3)]
    assert all(i.url == i.source and i.content_type == "html" for i in items)
    assert items[0].retrieved == dt.datetime(2024, 10, 30, 12, 34, 56, tzinfo=dt.timezone.utc)
    assert items[2].data == page(2)


def test_only_successful_html_responses_are_taken(tmp_path):
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    record(writer, "https://news.example/robots.txt", b"User-agent: *", media="text/plain")
    record(writer, "https://news.example/logo.png", b"\x89PNG", media="image/png")
    record(writer, "https://news.example/gone", page(9), status="404 Not Found")
    record(writer, "https://news.example/req", b"GET / HTTP/1.1\r\n\r\n", kind="request")
    record(writer, "https://news.example/story", page(1), media="text/html; charset=utf-8")
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(buf.getvalue())
    [story] = read(path)
    assert story.source == "https://news.example/story" and story.encoding == "utf-8"


def test_a_corrupt_record_is_reported_with_its_offset_and_the_rest_read(tmp_path):
    data = archive(gzip=False)
    second = data.index(b"WARC/1.0", 1)
    damaged = data[:second] + b"GARBAGE!" + data[second + 8:]
    path = tmp_path / "damaged.warc"
    path.write_bytes(damaged)
    first, error, third = read(path)
    assert first.source.endswith("/0") and third.source.endswith("/2")
    assert isinstance(error, ClaimgraphError)
    assert error.item == f"{path} at byte {second}" and "corrupt WARC record" in error.reason


def test_a_corrupt_gzip_member_is_skipped(tmp_path):
    data = bytearray(archive(gzip=True))
    members = [i for i in range(len(data)) if data[i:i + 3] == b"\x1f\x8b\x08"]
    for i in range(members[1] + 20, members[1] + 50):
        data[i] ^= 0x5A
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(bytes(data))
    items = read(path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "RawDocument"]
    assert "corrupt WARC record" in items[1].reason and items[2].source.endswith("/2")


@pytest.mark.parametrize("gzip", [False, True])
def test_an_archive_cut_short_reports_the_truncated_record(tmp_path, gzip):
    data = archive(gzip)
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(data[: len(data) - 150])
    items = read(path)
    assert [i.source for i in items[:2]] == ["https://news.example/0", "https://news.example/1"]
    assert isinstance(items[-1], ClaimgraphError) and "truncated" in items[-1].reason


def test_a_file_that_is_not_a_warc_is_one_error(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("<html><body>not an archive</body></html>" * 50)
    [error] = read(path)
    assert isinstance(error, ClaimgraphError) and error.item.startswith(str(path))


def test_an_oversized_record_is_refused_and_the_next_read(tmp_path):
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    record(writer, "https://news.example/huge", b"<p>" + b"a" * 5000 + b"</p>")
    record(writer, "https://news.example/small", page(1))
    path = tmp_path / "big.warc.gz"
    path.write_bytes(buf.getvalue())
    error, small = read(path, max_bytes=2000)
    assert error.item == "https://news.example/huge" and "2,000-byte limit" in error.reason
    assert isinstance(small, RawDocument) and small.source.endswith("/small")


def test_a_record_with_a_wrong_length_is_refused_quietly_and_the_rest_read(tmp_path, capfd):
    data = archive(gzip=False)
    length = data.index(b"Content-Length: ")
    end = data.index(b"\r\n", length)
    short = data[:length] + b"Content-Length: 50" + data[end:]  # the first record's length
    path = tmp_path / "short.warc"
    path.write_bytes(short)
    error, *rest = read(path)
    assert isinstance(error, ClaimgraphError)  # not the record's content cut at 50 bytes
    assert error.item == f"{path} at byte 0" and "Content-Length" in error.reason
    assert [doc.source for doc in rest] == ["https://news.example/1", "https://news.example/2"]
    assert capfd.readouterr().err == ""  # warcio's own warning is not printed


def test_a_target_uri_in_angle_brackets_is_unwrapped(tmp_path):
    buf = io.BytesIO()
    record(WARCWriter(buf, gzip=False), "<https://news.example/old-style>", page(1))
    path = tmp_path / "old.warc"
    path.write_bytes(buf.getvalue())
    [doc] = read(path)
    assert doc.source == doc.url == "https://news.example/old-style"


def _response_without_uri(body: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: " + DATE.encode()
            + b"\r\nWARC-Record-ID: <urn:uuid:0>\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % len(http)) + http + b"\r\n\r\n"


def test_a_response_without_target_uri_is_read_and_named_by_its_offset(tmp_path):
    path = tmp_path / "nouri.warc"
    path.write_bytes(_response_without_uri(page(7)) + archive(gzip=False, pages=1))
    nameless, named = read(path)
    assert nameless.source == f"{path} at byte 0" and nameless.url is None
    assert nameless.data == page(7)
    assert named.source == "https://news.example/0"
