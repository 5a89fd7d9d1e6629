"""The Python API: analyze() for one article, analyze_many() streaming with per-item errors."""

import pytest

from claimgraph import Analysis, Article, InputError, analyze, analyze_many

TEXT = (
    "Council approves budget\n"
    "The vote followed a long debate\n"
    "The city council approved the budget on Tuesday after a four-hour debate.\n"
)


def test_analyze_text_returns_a_cleaned_analysis():
    result = analyze(TEXT, source="budget.txt")
    assert isinstance(result, Analysis)
    assert result.source == "budget.txt"
    assert result.title == "Council approves budget"
    assert result.text.startswith("The city council approved")


def test_analyze_html():
    html = (
        "<html><head><title>Dam repaired</title></head><body><article><h1>Dam repaired</h1>"
        + "<p>Engineers finished repairing the old dam on Friday, the water board said.</p>" * 4
        + "</article></body></html>"
    )
    result = analyze(html)
    assert "Engineers finished repairing the old dam" in result.text
    assert "<p>" not in result.text


def test_plain_keeps_the_text_exactly():
    result = analyze(TEXT, plain=True)
    assert result.text == TEXT and result.title is None


def test_an_article_record_is_analyzed_as_given():
    article = Article(source="mine", text="Ships left the port.", title="Ships")
    result = analyze(article)
    assert result.text == "Ships left the port." and result.title == "Ships"


def test_analyze_raises_a_typed_error_for_bad_input():
    with pytest.raises(InputError, match="empty input"):
        analyze("   ")


def test_analyze_many_streams_in_order_and_reports_bad_items():
    failed = []
    results = list(analyze_many([TEXT, b"", "Second story.\n\nIt rained all day."],
                                on_error=failed.append))
    assert [r.source for r in results] == ["<item 1>", "<item 3>"]
    assert len(failed) == 1 and failed[0].item == "<item 2>"


def test_analyze_many_without_a_handler_raises_on_the_bad_item():
    with pytest.raises(InputError):
        list(analyze_many([b"\x00\x01\x02" * 100]))


def test_a_long_stream_forgets_the_new_words_it_met_and_gives_the_same_analyses(monkeypatch):
    """Names never seen before are strings and lexemes spaCy adds to the shared vocabulary; a
    long run frees them as it goes (memory zones), so its memory does not grow with them."""
    import claimgraph.api
    from claimgraph.analyze.pipeline import load_nlp
    from claimgraph.settings import get_settings

    monkeypatch.setattr(claimgraph.api, "ZONE_ARTICLES", 2)  # zones end inside the stream
    names = ["Qorvath Umbelline", "Zindra Paloveck", "Yastrel Moonquist", "Vexa Trundholm",
             "Ulbrecht Sarnavy"]
    texts = [f"Budget vote\n\n\u201cWe will not pay for it,\u201d said {name}, a councillor "
             f"in Brindle. The vote is due on {n + 3} May." for n, name in enumerate(names)]
    nlp = load_nlp(get_settings().spacy_model)
    lexemes = sum(1 for _ in nlp.vocab)
    streamed = list(analyze_many(texts))
    assert not any(word in nlp.vocab.strings for name in names for word in name.split())
    assert sum(1 for _ in nlp.vocab) == lexemes
    alone = [analyze(text, source=f"<item {n}>") for n, text in enumerate(texts, start=1)]
    assert [a.model_dump() for a in streamed] == [a.model_dump() for a in alone]
    assert [q.speaker.text.split(",")[0] for a in streamed for q in a.quotes] == names
