"""What the terminal gets is safe and well-formed: no markup or escape sequences from articles,
one JSON document for many inputs, gzip on stdin, skipped files named, types refused clearly."""

import gzip
import json
import logging

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab
from typer.testing import CliRunner

from claimgraph.analyze.pipeline import _batches
from claimgraph.cli import app
from claimgraph.cli.app import count_inputs

STORY = ("Flood barrier tested\n\nThe new flood barrier held during Sunday's test, "
         "engineers said. “It worked exactly as designed,” said chief engineer Lena Ortiz.\n")


@pytest.fixture
def runner():
    return CliRunner()


def run(runner, *args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def _stories(tmp_path, n):
    paths = []
    for i in range(n):
        path = tmp_path / f"story{i}.txt"
        path.write_text(STORY.replace("Sunday", f"day {i}"), encoding="utf-8")
        paths.append(path)
    return paths


def test_json_for_several_inputs_is_one_array(runner, tmp_path):
    paths = _stories(tmp_path, 2)
    result = run(runner, "analyze", "--format", "json", *paths, tmp_path / "missing.txt")
    records = json.loads(result.stdout)
    assert [r["source"] for r in records] == [str(p) for p in paths]
    assert result.exit_code == 1


def test_json_for_a_directory_with_nothing_analyzable_is_an_empty_array(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    result = run(runner, "extract", "--format", "json", tmp_path)
    assert json.loads(result.stdout) == [] and result.exit_code == 2


def test_a_gzip_stream_on_stdin_is_read(runner):
    result = run(runner, "analyze", "--format", "json", "-", input=gzip.compress(STORY.encode()))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "Flood barrier tested"


def test_files_with_unknown_endings_are_counted_and_named_with_verbose(runner, tmp_path, caplog):
    _stories(tmp_path, 1)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "draft.docx").write_bytes(b"PK")
    (tmp_path / "old.pdf").write_bytes(b"%PDF-1.4")
    quiet = run(runner, "extract", "--format", "jsonl", tmp_path)
    assert "3 files skipped for unknown endings (.pdf ×2, .docx)" in quiet.stderr
    assert quiet.exit_code == 0
    with caplog.at_level(logging.INFO):  # what -v shows
        run(runner, "-v", "extract", "--format", "jsonl", tmp_path)
    assert "notes.pdf: skipped" in caplog.text and "draft.docx: skipped" in caplog.text


def test_markup_and_escape_sequences_in_an_article_are_printed_as_text(runner, tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text("Council [bold]votes[/bold] today\n\nThe council voted \x1b[31mred\x1b[0m "
                    "on the [link=http://evil.example]budget[/link] \x1b]0;owned\x07 on Monday, "
                    "\u202eits clerk said.\n", encoding="utf-8")
    result = run(runner, "analyze", path)
    assert result.exit_code == 0, result.output
    assert "Council [bold]votes[/bold] today" in result.stdout
    assert "[link=http://evil.example]budget[/link]" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\u202e" not in result.stdout


def test_error_lines_show_names_with_brackets_as_they_are(runner, tmp_path):
    result = run(runner, "analyze", tmp_path / "[red]gone.txt", "http://[fe80::1]/story")
    assert f"{tmp_path / '[red]gone.txt'}: no such file" in result.stderr
    assert "http://[fe80::1]/story: link-local address refused" in result.stderr


def test_a_json_response_is_refused_naming_its_type(runner, web):
    url = web.route("/api", b'{"title": "not a page"}', Content_Type="application/json")
    result = run(runner, "analyze", "--allow-private", url)
    assert result.exit_code == 2
    assert f"{url}: not an article: the server sent application/json" in result.stderr


def test_inputs_are_counted_up_front_for_the_progress_bar(tmp_path):
    paths = _stories(tmp_path, 3)
    (tmp_path / "dump.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n\n')
    (tmp_path / "skip.pdf").write_bytes(b"%PDF")
    assert count_inputs([str(tmp_path)], [], []) == 5
    assert count_inputs([str(paths[0]), "https://news.example/feed"], [], []) is None


def test_the_first_batches_are_small_so_that_results_start_at_once():
    doc = Doc(Vocab(), words=["x" * 10])
    sizes = [len(batch) for batch in _batches(iter([doc] * 40), 8, 10_000)]
    assert sizes == [1, 2, 4, 8, 8, 8, 8, 1]


def test_an_approximate_number_shows_its_value_in_the_report(runner, tmp_path):
    path = tmp_path / "club.txt"
    path.write_text("Club grows\n\nThe club now has approximately 2,200 member-donors, its "
                    "treasurer said on Friday.\n", encoding="utf-8")
    result = run(runner, "analyze", path)
    assert "≈ 2,200 donors" in result.stdout and "? donors" not in result.stdout
