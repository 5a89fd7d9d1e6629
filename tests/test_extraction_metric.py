"""The article-extraction-benchmark measure, on strings small enough to count by hand."""

import pytest

from extraction_metric import score_corpus, score_page, shingles


def test_shingles_are_four_word_windows_with_multiplicity():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("x y z w x y z w")[("x", "y", "z", "w")] == 2


def test_tokens_are_word_characters_only():
    assert shingles("Hello, world! It's 2019.") == shingles("Hello world It s 2019")


def test_short_and_empty_texts():
    assert shingles("just three words") == {("just", "three", "words"): 1}
    assert shingles("  ...  ") == {}


def test_identical_texts_score_perfectly():
    page = score_page("one two three four five", "one two three four five")
    assert (page.tp, page.fp, page.fn) == (1.0, 0.0, 0.0)


def test_extra_and_missing_shingles_are_normalised_by_their_sum():
    # truth: a b c d e -> 2 shingles; prediction: b c d e f -> 2 shingles, 1 shared
    page = score_page("a b c d e", "b c d e f")
    assert page.tp == pytest.approx(1 / 3)
    assert page.fp == pytest.approx(1 / 3)
    assert page.fn == pytest.approx(1 / 3)


def test_corpus_precision_and_recall_are_means_over_pages():
    perfect = score_page("a b c d", "a b c d")
    half = score_page("a b c d e", "b c d e f")  # precision 0.5, recall 0.5
    empty_prediction = score_page("a b c d", "")  # no precision, recall 0
    corpus = score_corpus([perfect, half, empty_prediction])
    assert corpus.precision == pytest.approx((1 + 0.5) / 2)
    assert corpus.recall == pytest.approx((1 + 0.5 + 0) / 3)
    p, r = corpus.precision, corpus.recall
    assert corpus.f1 == pytest.approx(2 * p * r / (p + r))


def test_nothing_to_score_gives_zeros():
    corpus = score_corpus([score_page("", "")])
    assert (corpus.precision, corpus.recall, corpus.f1) == (0.0, 0.0, 0.0)
