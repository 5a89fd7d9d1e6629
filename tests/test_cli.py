"""The CLI as a user drives it: outputs, exit codes, and one-line errors for bad input."""

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.model import Analysis

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ARTICLE = (
    "Storm closes harbour\n"
    "Officials expect the port to reopen on Monday\n"
    "The harbour was closed on Sunday after waves damaged the pier.\n"
    "“We will not reopen until the pier is safe,” harbour master Ana Ruiz said.\n"
)


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "storm.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(runner, *args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def test_text_report_shows_title_and_dek(runner, article):
    result = run(runner, "analyze", article)
    assert result.exit_code == 0, result.output
    assert "Storm closes harbour" in result.stdout
    assert "Officials expect the port to reopen on Monday" in result.stdout


def test_json_output_validates_against_the_published_schema(runner, article):
    result = run(runner, "analyze", "--format", "json", article)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    analysis = Analysis.model_validate(data)
    assert analysis.source == str(article)
    assert analysis.title == "Storm closes harbour"
    schema = json.loads(run(runner, "schema").stdout)
    assert set(data) == set(schema["properties"])


def test_plain_keeps_the_file_text_exactly_so_offsets_index_it(runner, article):
    result = run(runner, "analyze", "--plain", "--format", "json", article)
    data = json.loads(result.stdout)
    assert data["text"] == ARTICLE
    assert data["title"] is None


def test_jsonl_prints_one_line_per_file_in_order(runner, tmp_path, article):
    other = tmp_path / "other.html"
    other.write_text(
        "<html><head><title>Bridge opens</title></head><body><article><h1>Bridge opens</h1>"
        + "<p>The new bridge opened to traffic on Tuesday after three years of work.</p>" * 5
        + "</article></body></html>",
        encoding="utf-8",
    )
    result = run(runner, "analyze", "--format", "jsonl", article, other)
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(article), str(other)]
    assert "new bridge opened" in json.loads(lines[1])["text"]


def test_stdin_is_read_with_a_dash(runner):
    result = run(runner, "analyze", "--format", "json", "-", input=ARTICLE)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"] == "<stdin>"


def test_gzipped_file_is_read(runner, tmp_path):
    path = tmp_path / "storm.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode()))
    result = run(runner, "analyze", "--format", "json", path)
    assert json.loads(result.stdout)["title"] == "Storm closes harbour"


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n\t\n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    (nothing / "notes.bin").write_bytes(b"x")
    truncated = tmp_path / "cut.txt.gz"
    truncated.write_bytes(gzip.compress(ARTICLE.encode() * 50)[:60])
    return {
        empty: "empty input",
        blank: "empty input",
        binary: "binary data",
        nothing: "no analyzable files",
        tmp_path / "missing.txt": "no such file",
        truncated: "gzip",
    }


def test_each_bad_input_gets_one_line_and_the_good_file_is_still_analyzed(
    runner, tmp_path, article
):
    bad = _bad_inputs(tmp_path)
    result = run(runner, "analyze", "--format", "jsonl", *bad, article)
    assert result.exit_code == 1
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(article)]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == len(bad)
    for (path, reason), line in zip(bad.items(), errors):
        assert str(path) in line and reason in line
    assert "Traceback" not in result.stderr
    assert "1 analyzed, 6 failed" in result.stderr


def test_nothing_analyzable_exits_2(runner, tmp_path):
    bad = _bad_inputs(tmp_path)
    result = run(runner, "analyze", *bad)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_text_in_a_legacy_encoding_is_decoded(runner, tmp_path):
    path = tmp_path / "latin.txt"
    text = "Café owners protest\n\nThe café owners said the rules were “unfair” to small businesses."
    path.write_bytes(text.encode("cp1252"))
    result = run(runner, "analyze", "--format", "json", path)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "Café owners protest"


def test_oversized_input_is_refused_naming_the_limit(runner, tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text("The council met again. " * 1000, encoding="utf-8")
    result = run(runner, "analyze", "--max-bytes", "10000", big)
    assert result.exit_code == 2
    assert str(big) in result.stderr and "10,000-byte limit" in result.stderr


def test_text_longer_than_the_character_limit_is_refused(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_MAX_CHARS", "5000")
    big = tmp_path / "long.txt"
    big.write_text("The council met again. " * 1000, encoding="utf-8")
    result = run(runner, "analyze", big)
    assert result.exit_code == 2
    assert "5,000-character limit" in result.stderr


def test_missing_spacy_model_is_a_clear_error(runner, article):
    result = run(runner, "analyze", "--model", "no_such_pipeline_xyz", article)
    assert result.exit_code == 2
    assert "no_such_pipeline_xyz" in result.stderr and "not installed" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_setting_is_a_clear_error(runner, article):
    result = run(runner, "analyze", "--max-bytes", "-5", article)
    assert result.exit_code == 2
    assert "max_bytes" in result.stderr


def test_a_20_megabyte_file_is_refused_by_default_naming_the_setting(runner, tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("w", encoding="utf-8") as fh:
        for _ in range(20 * 1024):
            fh.write("The committee heard evidence all week. " * 26 + "\n")
    assert huge.stat().st_size > 20_000_000
    result = run(runner, "analyze", huge)
    assert result.exit_code == 2
    assert str(huge) in result.stderr and "CLAIMGRAPH_MAX_BYTES" in result.stderr


def test_seed_json_validates_against_the_printed_schema(runner):
    import jsonschema

    schema = json.loads(run(runner, "schema").stdout)
    result = run(runner, "analyze", "--format", "json", EXAMPLES / "seed.txt")  # title and dek too
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema)
    assert data["quotes"] and data["claims"] and data["entities"]
    for quote in data["quotes"]:
        for piece in quote["content"]:  # offsets index the field named, the body by default
            assert data[piece["field"]][piece["start"]:piece["end"]] == piece["text"]


def test_with_a_progress_bar_on_a_terminal_results_still_go_to_stdout(
    runner, tmp_path, monkeypatch
):
    from claimgraph import cli

    monkeypatch.setattr(cli.err, "_force_terminal", True)
    paths = []
    for n in range(5):
        path = tmp_path / f"story{n}.txt"
        path.write_text(f"Story {n}\n\nThe river rose {n} metres on Monday.\n", encoding="utf-8")
        paths.append(path)
    result = run(runner, "analyze", "--format", "jsonl", *paths)
    assert result.exit_code == 0
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [
        str(p) for p in paths
    ]


def test_a_warc_record_without_target_uri_does_not_stop_the_batch(runner, tmp_path, article):
    from test_ingest_warc import _response_without_uri

    warc = tmp_path / "nouri.warc"
    warc.write_bytes(_response_without_uri(
        b"<html><body><p>The ferry resumed service on Friday, the operator said.</p></body></html>"))
    result = run(runner, "analyze", "--format", "jsonl", article, warc)
    assert "Traceback" not in result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [
        str(article), f"{warc} at byte 0"]


def test_text_report_marks_a_negated_report(runner, tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text("The harbour master did not say that the ferry would sail at noon.\n",
                    encoding="utf-8")
    result = run(runner, "analyze", "--plain", path)
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if "the ferry would sail" in x)
    assert "negated" in line
