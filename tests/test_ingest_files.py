"""Local files and directories: recursive walks with include/exclude globs, gzip, encodings."""

import gzip

import pytest

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.extract import extract
from claimgraph.ingest import read_sources
from claimgraph.settings import Settings

STORY = "Harbour reopens\n\nThe harbour reopened on Monday after repairs to the pier.\n"


def read(*specs, include=(), exclude=()):
    return list(read_sources([str(s) for s in specs], Settings(), include=include,
                             exclude=exclude))


@pytest.fixture
def tree(tmp_path):
    files = ["a.txt", "b.html", "notes.md", "img.png", "2024/c.txt", "2024/oct/d.htm.gz",
             "drafts/e.txt", ".hidden/f.txt", ".g.txt"]
    for name in files:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = STORY.encode()
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    return tmp_path


def names(items, root):
    return [str(i.source).removeprefix(str(root) + "/") for i in items]


def test_directory_walk_is_recursive_sorted_and_skips_unknown_and_hidden_files(tree):
    # A folder's own files first, then its subfolders, each in name order.
    assert names(read(tree), tree) == [
        "a.txt", "b.html", "2024/c.txt", "2024/oct/d.htm.gz", "drafts/e.txt",
    ]


def test_include_and_exclude_globs(tree):
    assert names(read(tree, include=["*.txt"]), tree) == ["a.txt", "2024/c.txt", "drafts/e.txt"]
    assert names(read(tree, include=["2024/**"]), tree) == ["2024/c.txt", "2024/oct/d.htm.gz"]
    assert names(read(tree, exclude=["drafts", "*.gz"]), tree) == ["a.txt", "b.html", "2024/c.txt"]
    assert names(read(tree, include=["*.md"]), tree) == ["notes.md"]


def test_a_directory_with_nothing_matching_is_one_clear_error(tree):
    [error] = read(tree, include=["*.pdf"])
    assert isinstance(error, InputError) and error.item == str(tree)
    assert "no files matching *.pdf" in error.reason


def test_gzip_file_is_decompressed_and_a_truncated_one_refused(tmp_path):
    good = tmp_path / "story.txt.gz"
    good.write_bytes(gzip.compress(STORY.encode()))
    packed = gzip.compress(STORY.encode() * 200)
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(packed[: len(packed) // 2])
    ok, error = read(good, cut)
    assert ok.data == STORY.encode()
    assert error.item == str(cut) and "truncated gzip" in error.reason


def test_an_oversized_gzip_is_refused_without_inflating_it_all(tmp_path):
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 30_000_000))
    [error] = read(bomb)
    assert "20,000,000-byte limit" in error.reason


def test_binary_file_named_html_is_refused_by_extraction(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(bytes(range(256)) * 50)
    [raw] = read(path)
    with pytest.raises(ClaimgraphError) as caught:
        extract(raw)
    assert caught.value.item == str(path) and "binary" in caught.value.reason


@pytest.mark.parametrize("encoding, text", [
    ("cp1252", "Café owners call the “new rules” unfair to small businesses in the old town."),
    ("shift_jis", "港は月曜日に再開した。桟橋の修理が終わったと市の職員が述べた。"
                  "漁師たちは新しい規則に不満を示している。"),
])
def test_legacy_encodings_without_a_declared_charset_are_decoded(tmp_path, encoding, text):
    path = tmp_path / "story.txt"
    path.write_bytes(("Harbour news\n\n" + text + "\n" + text).encode(encoding))
    [raw] = read(path)
    assert text in extract(raw).text
