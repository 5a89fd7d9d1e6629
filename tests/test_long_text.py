"""Long texts are parsed in bounded pieces and give the same records as one piece."""

from claimgraph.analyze.pipeline import analyze_articles, load_nlp, split_pieces
from claimgraph.model import Article
from claimgraph.settings import get_settings

PARAGRAPHS = [
    "“The bridge will reopen in May,” the transport minister, Ada Okafor, said on Monday.",
    "Okafor added that repairs had cost about 4 million dollars, according to the ministry.",
    "Residents of Lindenfeld said the closure had doubled their journeys to work.",
    "A spokesman for the builder, Harlow Construction, denied that the work was late.",
    "“We expect the first lorries to cross within weeks,” said Ben Ortiz, the site manager.",
    "The council may vote next week on a second crossing, officials said.",
]
TEXT = "\n\n".join(PARAGRAPHS * 3)


def test_pieces_rejoin_to_the_text_and_end_at_paragraph_breaks():
    pieces = split_pieces(TEXT, 400)
    assert "".join(pieces) == TEXT
    assert len(pieces) > 3 and all(len(p) <= 400 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_a_paragraph_longer_than_a_piece_is_cut_after_a_sentence():
    text = "The river rose again overnight. " * 40
    pieces = split_pieces(text, 300)
    assert "".join(pieces) == text and all(p.endswith(". ") for p in pieces)


def test_a_text_without_any_break_is_still_cut_within_the_limit():
    text = "x" * 1000
    assert "".join(split_pieces(text, 300)) == text
    assert all(len(piece) <= 300 for piece in split_pieces(text, 300))


def test_a_long_run_of_quote_marks_is_analyzed_like_any_text():
    nlp = load_nlp(get_settings().spacy_model)
    text = "“" * 3000 + PARAGRAPHS[0] + "”" * 2000
    [analysis] = analyze_articles(nlp, [Article(source="marks", text=text)])
    assert analysis.text == text and all(len(p) <= 150 for p in split_pieces("“" * 3000, 10**6))


def test_records_and_offsets_are_the_same_in_pieces_as_in_one():
    nlp = load_nlp(get_settings().spacy_model)
    article = Article(source="bridge", text=TEXT)
    whole = next(analyze_articles(nlp, [article]))
    pieces = next(analyze_articles(nlp, [article], piece_chars=400))
    assert len(whole.quotes) >= 6
    assert whole.model_dump() == pieces.model_dump()


def test_articles_of_mixed_length_keep_their_order():
    nlp = load_nlp(get_settings().spacy_model)
    articles = [Article(source=str(n), text=TEXT if n % 2 else PARAGRAPHS[n]) for n in range(5)]
    results = list(analyze_articles(nlp, articles, batch_size=2, piece_chars=400))
    assert [r.source for r in results] == ["0", "1", "2", "3", "4"]
    assert [len(r.text) for r in results] == [len(a.text) for a in articles]


def test_sections_analyzed_apart_merge_with_shifted_offsets_and_unique_ids():
    nlp = load_nlp(get_settings().spacy_model)
    article = Article(source="bridge", text=TEXT)
    whole = next(analyze_articles(nlp, [article]))
    cut = next(analyze_articles(nlp, [article], piece_chars=400, section_chars=800))
    for quote in cut.quotes:
        for span in [quote.speaker, quote.cue, *quote.content]:
            assert span is None or TEXT[span.start:span.end] == span.text
    ids = [r.id for r in cut.entities + cut.quotes + cut.claims]
    assert len(ids) == len(set(ids))
    entity_ids = {e.id for e in cut.entities}
    assert {c.source for c in cut.claims} - {None} <= entity_ids
    assert {c.quote for c in cut.claims} - {None} <= {q.id for q in cut.quotes}
    # paragraphs that stand alone give the same statements, wherever the cuts fall
    assert [(q.cue.text, q.cue.start) for q in cut.quotes] == [
        (q.cue.text, q.cue.start) for q in whole.quotes]
    assert [(c.start, c.end, c.status) for c in cut.claims] == [
        (c.start, c.end, c.status) for c in whole.claims]


def test_a_fault_on_one_article_is_its_error_and_the_others_are_analyzed(monkeypatch):
    from claimgraph import analyze_many
    from claimgraph.analyze import pipeline

    real = pipeline._annotate

    def flaky(nlp, ours, pieces, article):
        if "Lindenfeld" in pieces[0].text:
            raise RuntimeError("component broke")
        return real(nlp, ours, pieces, article)

    monkeypatch.setattr(pipeline, "_annotate", flaky)
    errors = []
    texts = [PARAGRAPHS[0], PARAGRAPHS[2], PARAGRAPHS[4]]
    results = list(analyze_many(texts, on_error=errors.append))
    assert [r.text for r in results] == [PARAGRAPHS[0], PARAGRAPHS[4]]
    [error] = errors
    assert error.item == "<item 2>" and "analysis failed (RuntimeError: component broke)" in str(error)


def test_a_fault_in_extraction_is_that_items_error(monkeypatch):
    from claimgraph import analyze_many, api

    def broken(raw, plain=False):
        raise ValueError("parser library tripped")

    monkeypatch.setattr(api, "extract", broken)
    errors = []
    assert list(analyze_many([b"<p>anything</p>"], on_error=errors.append)) == []
    assert "extraction failed (ValueError: parser library tripped)" in str(errors[0])
