"""The shared run loop, as a Python user (or a front end) calls it."""

from claimgraph.model import Analysis, Article
from claimgraph.run import run
from claimgraph.settings import get_settings

STORY = (
    "Harbour Town Gazette\n\nThe ferry service will resume on Friday, the port authority said. "
    "\u201cWe have repaired both engines,\u201d chief engineer Mara Lindqvist told reporters.\n"
)


def test_run_yields_every_article_in_input_order_marks_copies_and_reports_bad_items(tmp_path):
    first, copy, empty = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    first.write_text(STORY, encoding="utf-8")
    copy.write_text(STORY, encoding="utf-8")
    empty.write_text("", encoding="utf-8")
    errors = []
    results = list(run([str(first), str(empty), str(copy)], get_settings(), errors.append))
    assert [r.source for r in results] == [str(first), str(copy)]
    assert all(isinstance(r, Analysis) for r in results)
    assert results[0].duplicate_of is None and results[1].duplicate_of == str(first)
    assert [e.item for e in errors] == [str(empty)]
    assert any(q.speaker and q.speaker.text.endswith("Mara Lindqvist") for q in results[0].quotes)


def test_run_without_analysis_gives_extracted_articles(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    [article] = run([str(path)], get_settings(), print, analyze=False)
    assert type(article) is Article and "ferry service" in article.text
