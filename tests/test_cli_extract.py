"""`claimgraph extract` and the source options as a user drives them."""

import io
import json

from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.cli import app
from claimgraph.model import Article

STORY = (
    "Harbour reopens\n"
    "Repairs to the pier took three weeks\n"
    "The harbour reopened on Monday after engineers finished repairs to the storm-damaged pier. "
    "Fishing boats returned to their moorings within hours, the port authority said.\n"
)
PAGE = ("<html><head><title>Ferry delayed</title></head><body><article><h1>Ferry delayed</h1>"
        + "<p>The morning ferry was delayed by two hours because of thick fog on the river.</p>" * 3
        + "</article></body></html>")


def run(*args, input=None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input)


def jsonl(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_extract_prints_article_json(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    result = run("extract", "--format", "json", path)
    assert result.exit_code == 0, result.output
    article = Article.model_validate_json(result.stdout)
    assert article.title == "Harbour reopens" and article.dek.startswith("Repairs")
    assert article.text.startswith("The harbour reopened") and article.duplicate_of is None


def test_extract_text_shows_title_and_body(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    result = run("extract", path)
    assert result.exit_code == 0
    assert "Harbour reopens" in result.stdout and "Fishing boats returned" in result.stdout


def test_every_source_kind_in_one_run(tmp_path, web):
    url = web.route("/ferry", PAGE, Content_Type="text/html")
    feed = web.route("/feed", (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>'
        f"<item><title>Ferry delayed</title><link>{url}</link></item></channel></rss>"
    ), Content_Type="application/rss+xml")
    dump = tmp_path / "dump.jsonl"
    market = "Market moves\n\nThe market moved to the square for the summer, the council said."
    dump.write_text(json.dumps({"text": market, "url": "https://x.example/m"}) + "\n")
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    writer.write_record(writer.create_warc_record(
        "https://news.example/bridge", "response",
        payload=io.BytesIO(PAGE.replace("ferry", "bridge").replace("Ferry", "Bridge").encode()),
        http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1"),
    ))
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(buf.getvalue())
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY)
    result = run("extract", "--format", "jsonl", "--allow-private", url, feed, dump, warc, folder)
    assert result.exit_code == 0, result.output
    sources = [a["source"] for a in jsonl(result)]
    assert sources == [url, url, f"{dump}:1", "https://news.example/bridge",
                       str(folder / "story.txt")]
    articles = jsonl(result)
    assert articles[1]["duplicate_of"] == url  # the feed led to the same page again
    assert articles[3]["retrieved"] and "Bridge delayed" in articles[3]["title"]
    assert "1 duplicate" in result.stderr and "5 extracted" in result.stderr


def test_bad_items_get_one_line_each_and_a_summary_grouped_by_reason(tmp_path, web):
    good = tmp_path / "story.txt"
    good.write_text(STORY)
    binary = tmp_path / "page.html"
    binary.write_bytes(bytes(range(256)) * 40)
    missing = [tmp_path / "a.txt", tmp_path / "b.txt"]
    gone = web.url("/gone")
    result = run("extract", "--format", "jsonl", "--allow-private", *missing, binary, gone, good)
    assert result.exit_code == 1
    assert [a["source"] for a in jsonl(result)] == [str(good)]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 4
    assert all(str(item) in line for item, line in zip([*missing, binary, gone], errors))
    assert "1 extracted, 4 failed" in result.stderr
    assert "2 × no such file or directory" in result.stderr
    assert "1 × HTTP 404 Not Found" in result.stderr
    assert "Traceback" not in result.stderr


def test_nothing_extracted_exits_2(tmp_path, web):
    result = run("extract", tmp_path / "missing.txt", web.url("/x"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "loopback address refused" in result.stderr and "--allow-private" in result.stderr


def test_include_and_exclude_choose_files_in_a_directory(tmp_path):
    for name in ["keep/a.txt", "keep/b.html", "skip/c.txt"]:
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(STORY.replace("Harbour", name))
    result = run("extract", "--format", "jsonl", "--include", "*.txt", "--exclude", "skip",
                 tmp_path)
    assert [a["source"] for a in jsonl(result)] == [str(tmp_path / "keep/a.txt")]


def test_dedup_index_marks_copies_seen_in_an_earlier_run(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(STORY)
    second.write_text(STORY.replace("\n", "\n\n"))  # the same story, laid out differently
    index = tmp_path / "seen.jsonl"
    assert run("extract", "--dedup-index", index, first).exit_code == 0
    result = run("extract", "--format", "jsonl", "--dedup-index", index, second)
    assert jsonl(result)[0]["duplicate_of"] == str(first)


def test_analyze_reads_jsonl_sources_too(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"text": STORY}) + "\n" + "{broken\n")
    result = run("analyze", "--format", "jsonl", dump)
    assert result.exit_code == 1
    [analysis] = jsonl(result)
    assert analysis["source"] == f"{dump}:1" and analysis["title"] == "Harbour reopens"
    assert f"{dump}:2" in result.stderr and "malformed JSON" in result.stderr
