"""Partitions: read back in order, they give exactly what reading the sources whole gives, and
the client never reads a dump, an archive or a feed to make them."""

import gzip
import io
import json

import pytest
from test_ingest_warc import page, record
from warcio.warcwriter import WARCWriter

from claimgraph.batch.partitions import (
    Files, Items, JsonlRange, Split, WarcRange, plan, read_partition, split,
)
from claimgraph.errors import ClaimgraphError
from claimgraph.ingest import read_sources
from claimgraph.settings import Settings


def jsonl_lines(n: int) -> list[bytes]:
    lines = [json.dumps({"text": f"Line {i}: the mayor of Brindle opened bridge {i}.",
                         "url": f"https://news.example/{i}"}).encode() for i in range(n)]
    lines[3] = b'{"text": "cut off'  # malformed
    lines[5] = b""  # blank
    return [line + b"\n" for line in lines]


def warc_bytes(gzip: bool, pages: int) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for n in range(pages):
        record(writer, f"https://news.example/{n}", page(n))
        if n == 1:
            record(writer, f"https://news.example/{n}.css", b"p {}", media="text/css")
    return buf.getvalue()


def by_partitions(specs, settings):
    """Every item of ``specs`` read partition by partition, as the workers read them."""
    steps = list(plan(specs, settings))
    parts = [p for step in steps
             for p in (split(step.spec, settings) if isinstance(step, Split) else [step])]
    return parts, [item for part in parts for item in read_partition(part, settings)]


def same(items, expected, fetched=False):
    def key(item):
        if isinstance(item, ClaimgraphError):
            return ("error", item.item, item.reason)
        # A page fetched twice is retrieved at two moments.
        retrieved = None if fetched else item.retrieved
        return ("doc", item.source, item.data, item.url, item.title, item.published, retrieved)
    return [key(i) for i in items] == [key(i) for i in expected]


@pytest.mark.parametrize("name", ["dump.jsonl", "dump.jsonl.gz"])
def test_a_dump_read_in_line_ranges_names_every_line_as_the_whole_file_does(tmp_path, name):
    data = b"".join(jsonl_lines(11))
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    settings = Settings(partition_size=3)
    parts, items = by_partitions([str(path)], settings)
    assert [(p.first_line, p.end is None) for p in parts] == [
        (1, False), (4, False), (7, False), (10, True)]
    assert all(isinstance(p, JsonlRange) for p in parts)
    expected = list(read_sources([str(path)], settings))
    assert same(items, expected)
    assert [i.item for i in items if isinstance(i, ClaimgraphError)] == [f"{path}:4"]


def test_a_dump_ending_without_a_newline_loses_no_line(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"".join(jsonl_lines(6))[:-1])
    settings = Settings(partition_size=2)
    _, items = by_partitions([str(path)], settings)
    assert same(items, list(read_sources([str(path)], settings)))


@pytest.mark.parametrize("gzip", [False, True])
def test_an_archive_read_in_record_ranges_gives_every_page_once(tmp_path, gzip):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(warc_bytes(gzip, 7))
    settings = Settings(partition_size=2)
    parts, items = by_partitions([str(path)], settings)
    assert len(parts) == 4 and all(isinstance(p, WarcRange) for p in parts)
    assert same(items, list(read_sources([str(path)], settings)))
    assert [i.source for i in items] == [f"https://news.example/{n}" for n in range(7)]


def test_a_damaged_archive_is_reported_once_and_read_around_as_a_whole_read_does(tmp_path):
    good = warc_bytes(True, 4)
    path = tmp_path / "crawl.warc.gz"
    # Damage in the middle of the archive: the start of a gzip member that never completes.
    path.write_bytes(good + b"\x1f\x8b\x08\x00garbage-not-deflate" * 3 + warc_bytes(True, 3))
    settings = Settings(partition_size=2)
    parts, items = by_partitions([str(path)], settings)
    expected = list(read_sources([str(path)], settings))
    assert sum(isinstance(i, ClaimgraphError) for i in expected) == 1
    assert same(items, expected)
    assert len(parts) > 1


def test_a_feed_is_shared_out_by_entry(tmp_path, web):
    entries = ""
    for n in range(5):
        link = web.route(f"/story/{n}", f"<html><body><p>Story {n} of the feed.</p></body></html>",
                         Content_Type="text/html")
        entries += (f"<item><title>Story {n}</title><link>{link}</link>"
                    f"<pubDate>Mon, 04 Nov 2024 10:00:00 GMT</pubDate></item>")
    entries += "<item><title>No link</title></item>"
    feed = tmp_path / "news.rss"
    feed.write_text(f"<rss version='2.0'><channel><title>T</title>{entries}</channel></rss>")
    settings = Settings(partition_size=2, allow_private=True, politeness_delay=0)
    parts, items = by_partitions([str(feed)], settings)
    assert [len(p.items) for p in parts] == [2, 2, 2]
    assert same(items, list(read_sources([str(feed)], settings)), fetched=True)
    assert items[4].title == "Story 4" and str(items[4].published) == "2024-11-04"


def test_the_client_plans_by_name_and_groups_pages_without_reading_them(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(5):
        (folder / f"{n}.html").write_bytes(b"\xff\xfe not read by the client")
    (folder / "big.jsonl").write_bytes(b"x")
    (folder / "crawl.warc.gz").write_bytes(b"x")
    steps = list(plan([str(folder), str(tmp_path / "missing.txt")], Settings(partition_size=2)))
    assert [type(s) for s in steps] == [Files, Files, Files, Split, Split, Files]
    assert [len(s.paths) for s in steps if isinstance(s, Files)] == [2, 2, 1, 1]


def test_standard_input_is_the_one_thing_the_client_reads(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Typed in by hand.")))
    [step] = plan(["-"], Settings())
    assert isinstance(step, Items) and step.items[0].data == b"Typed in by hand."
