"""Duplicates: exact and near copies are marked with the first copy's source, across runs too."""

import pytest

from claimgraph.errors import StoreError
from claimgraph.ingest.dedup import DuplicateIndex, mark_duplicates
from claimgraph.model import Article

WIRE = (
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic after "
    "engineers found cracks in two of its supports. The mayor said repairs would take at least "
    "six months and cost about 4 million euros. Residents of the east bank, who rely on the "
    "bridge to reach the market, asked for a free ferry while the work goes on. The council "
    "promised to study the request and report back at its next meeting in November. Engineers "
    "will inspect the other two bridges over the river before the end of the year."
)
OTHER = (
    "A new library opened in the north of the city on Saturday with space for 60,000 books and "
    "a room for children's reading groups. The architects used timber from local forests and "
    "the roof collects rain water for the gardens around the building. The library will open "
    "late on Thursdays and its first exhibition shows maps of the region from the last century."
)


def article(source: str, text: str) -> Article:
    return Article(source=source, text=text)


def marks(*articles, index=None):
    index = index or DuplicateIndex()
    return [a.duplicate_of for a in mark_duplicates(articles, index)]


def test_exact_copy_differing_only_in_spacing_case_and_punctuation_is_marked():
    copy = WIRE.upper().replace(". ", ".\n\n").replace(",", "")
    assert marks(article("a", WIRE), article("b", copy)) == [None, "a"]


def test_syndicated_copy_with_small_edits_is_marked_as_a_near_duplicate():
    edited = ("By Ana Ruiz, Harbour Post\n" + WIRE.replace("Tuesday", "Tuesday evening")
              + " Reporting by the wire service; editing by the desk.")
    assert marks(article("wire", WIRE), article("post", edited)) == [None, "wire"]


def test_different_stories_and_a_story_sharing_half_its_text_are_not_duplicates():
    half = WIRE[: len(WIRE) // 2] + " " + OTHER
    assert marks(article("a", WIRE), article("b", OTHER), article("c", half)) == [None, None, None]


def test_every_copy_points_to_the_first():
    assert marks(article("1", WIRE), article("2", WIRE), article("3", WIRE + " Updated.")) == [
        None, "1", "1"]


def test_short_texts_match_only_exactly():
    assert marks(article("a", "Fire in the port."), article("b", "Fire in the port!"),
                 article("c", "Fire in the north port.")) == [None, "a", None]


def test_index_file_remembers_articles_across_runs(tmp_path):
    path = tmp_path / "seen.jsonl"
    with DuplicateIndex(path) as index:
        assert marks(article("monday.html", WIRE), index=index) == [None]
    with DuplicateIndex(path) as index:
        copy = WIRE + " The council meets again on Friday."
        assert marks(article("tuesday.html", copy), article("monday.html", WIRE),
                     index=index) == ["monday.html", None]


def test_a_corrupt_index_file_is_a_clear_error(tmp_path):
    path = tmp_path / "seen.jsonl"
    with DuplicateIndex(path) as index:
        marks(article("a", WIRE), index=index)
    path.write_text(path.read_text() + "{not json\n")
    with pytest.raises(StoreError) as caught:
        DuplicateIndex(path)
    assert caught.value.item == str(path) and "corrupt at line 3" in caught.value.reason


def test_a_file_that_is_not_an_index_is_refused(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text('{"something": "else"}\n')
    with pytest.raises(StoreError):
        DuplicateIndex(path)
