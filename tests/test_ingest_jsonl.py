"""JSONL dumps: one article per line; a bad line is reported with its number, the rest read."""

import datetime as dt
import gzip
import json

from claimgraph.errors import ClaimgraphError
from claimgraph.ingest import read_sources
from claimgraph.model import RawDocument
from claimgraph.settings import Settings


def read(path, **overrides):
    return list(read_sources([str(path)], Settings(**overrides)))


def test_lines_become_documents_with_their_fields(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": "Pier closed\n\nThe pier closed on Monday.", "title": "Pier closed",
                    "url": "https://news.example/pier", "published": "2024-10-30"}),
        "",
        json.dumps({"html": "<p>Ferry delayed by fog.</p>", "published": "2024-10-29T08:00:00Z"}),
    ]) + "\n")
    first, second = read(path)
    assert first.source == f"{path}:1" and first.content_type == "text"
    assert first.url == "https://news.example/pier" and first.title == "Pier closed"
    assert first.published == dt.date(2024, 10, 30)
    assert first.data.decode() == "Pier closed\n\nThe pier closed on Monday."
    assert second.source == f"{path}:3" and second.content_type == "html"
    assert second.published == dt.date(2024, 10, 29)


def test_each_bad_line_is_named_by_its_number_and_the_rest_is_read(tmp_path):
    path = tmp_path / "dump.jsonl"
    lines = [
        '{"text": "fine one"}',
        '{"text": "unterminated',
        '["a", "list"]',
        '{"title": "no body"}',
        '{"text": "bad date", "published": "last Tuesday"}',
        '{"text": "bad url type", "url": 42}',
        '{"text": "fine two"}',
    ]
    path.write_text("\n".join(lines) + "\n")
    items = read(path)
    assert [i.source for i in items if isinstance(i, RawDocument)] == [f"{path}:1", f"{path}:7"]
    errors = {int(e.item.rsplit(":", 1)[1]): e.reason for e in items
              if isinstance(e, ClaimgraphError)}
    assert "malformed JSON" in errors[2]
    assert "expected a JSON object" in errors[3]
    assert "no 'text' or 'html'" in errors[4]
    assert "'published' is not an ISO date" in errors[5]
    assert "'url' must be a string" in errors[6]


def test_an_over_long_line_is_refused_without_losing_the_next(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "short"}) + "\n")
    error, ok = read(path, max_bytes=1000)
    assert error.item == f"{path}:1" and "1,000-byte limit" in error.reason
    assert ok.source == f"{path}:2" and ok.data == b"short"


def test_gzipped_dump_and_a_truncated_one(tmp_path):
    body = "".join(json.dumps({"text": f"Article {n} " + "word " * 50}) + "\n" for n in range(40))
    good = tmp_path / "dump.jsonl.gz"
    good.write_bytes(gzip.compress(body.encode()))
    assert len(read(good)) == 40
    cut = tmp_path / "cut.jsonl.gz"
    packed = gzip.compress(body.encode())
    cut.write_bytes(packed[: len(packed) // 2])
    items = read(cut)
    assert isinstance(items[-1], ClaimgraphError) and items[-1].item == str(cut)
    assert "corrupt or truncated" in items[-1].reason


def test_publisher_and_publication_date_fields_give_the_outlet_and_date(tmp_path):
    from claimgraph.api import to_article

    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in [
        {"text": "The pier closed on Monday.", "publisher": "Harbour Post",
         "publication_date": "2024-10-30"},
        {"text": "The ferry was late.", "outlet": "Coast Daily", "date": "2024-10-29T08:00:00Z"},
        {"text": "No metadata at all."},
        {"text": "A bad date.", "publication_date": "soon"},
        {"text": "A bad publisher.", "publisher": ["a", "list"]},
    ]) + "\n")
    items = read(path)
    settings = Settings()
    first, second, third = (to_article(i, False, i.source, settings)
                            for i in items if isinstance(i, RawDocument))
    assert (first.outlet, first.published) == ("Harbour Post", dt.date(2024, 10, 30))
    assert (second.outlet, second.published) == ("Coast Daily", dt.date(2024, 10, 29))
    assert (third.outlet, third.published) == (None, None)
    errors = [e.reason for e in items if isinstance(e, ClaimgraphError)]
    assert errors == ["'publication_date' is not an ISO date ('soon')",
                      "'publisher' must be a string"]
