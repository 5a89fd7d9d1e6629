"""Scraped text to an Article: headline parts, widget residue, post residue, inferred date."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.extract import extract
from claimgraph.extract.text import article_from_text
from claimgraph.model import RawDocument

SCRAPED = """EXCLUSIVE: Harbour authority quietly raises port fees
Shipping firms say the increase was never announced
The harbour authority raised fees for container ships by a fifth last month, according to documents seen by this newspaper.
Share this article
A spokesman for the authority said the increase reflected higher maintenance costs.
Photo: Maria Lopez/Getty Images
Dock workers voiced their anger on social media.
This is outrageous
Nobody asked the people who actually work here. https://t.co/Qw12Er pic.twitter.com/Ty34Ui
\u2014 Dock Workers United (@dockunited) February 14, 2023
The authority will review the fees in June.
Read more: Port traffic falls for a third year
Sign up for our morning newsletter
What's Your Reaction?
"""


def test_headline_kicker_and_dek():
    article = article_from_text(SCRAPED, "scraped.txt")
    assert article.kicker == "EXCLUSIVE"
    assert article.title == "Harbour authority quietly raises port fees"
    assert article.dek == "Shipping firms say the increase was never announced"
    assert article.text.startswith("The harbour authority raised fees")


def test_widget_residue_moves_to_boilerplate():
    article = article_from_text(SCRAPED, "scraped.txt")
    assert article.boilerplate == [
        "Share this article",
        "Photo: Maria Lopez/Getty Images",
        "Read more: Port traffic falls for a third year",
        "Sign up for our morning newsletter",
        "What's Your Reaction?",
    ]
    for line in article.boilerplate:
        assert line not in article.text


def test_post_residue_becomes_a_post_and_leaves_the_text():
    article = article_from_text(SCRAPED, "scraped.txt")
    [post] = article.posts
    assert (post.platform, post.author, post.handle) == ("twitter", "Dock Workers United", "dockunited")
    assert post.date == dt.date(2023, 2, 14)
    assert post.text.startswith("This is outrageous")
    assert post.text.endswith("pic.twitter.com/Ty34Ui")
    assert "Dock workers voiced their anger on social media." in article.text
    for residue in ("outrageous", "t.co", "pic.twitter.com", "@dockunited", "\u2014 Dock"):
        assert residue not in article.text
    assert article.text.endswith("The authority will review the fees in June.")


def test_paragraphs_are_joined_by_blank_lines():
    article = article_from_text(SCRAPED, "scraped.txt")
    assert article.text.split("\n\n")[1] == (
        "A spokesman for the authority said the increase reflected higher maintenance costs."
    )


def test_publication_date_is_inferred_from_the_newest_post():
    text = SCRAPED.replace(
        "The authority will review",
        "Later: https://t.co/Zz\n\u2014 Port Watch (@portwatch) March 1, 2023\nThe authority will review",
    )
    article = article_from_text(text, "scraped.txt")
    assert [p.handle for p in article.posts] == ["dockunited", "portwatch"]
    assert article.published == dt.date(2023, 3, 1) and article.published_inferred


def test_no_posts_no_date():
    article = article_from_text("Title here\nBody sentence one. Body sentence two.", "t.txt")
    assert article.published is None and not article.published_inferred
    assert article.posts == [] and article.boilerplate == []


def test_a_label_that_is_not_a_kicker_stays_in_the_title():
    article = article_from_text("NASA: the rover found water\nIt was found on Mars.", "t.txt")
    assert article.kicker is None and article.title == "NASA: the rover found water"


def test_windows_1252_text_without_a_declared_charset():
    data = ("Caf\u00e9 owners \u201cdelighted\u201d\nThe caf\u00e9s on the square reopened on Monday, "
            "and their owners said they were \u201cdelighted\u201d with the crowds.").encode("cp1252")
    article = extract(RawDocument(source="cafe.txt", data=data))
    assert article.title == "Caf\u00e9 owners \u201cdelighted\u201d"
    assert "caf\u00e9s on the square" in article.text


def test_a_date_the_source_declares_beats_an_inferred_one():
    raw = RawDocument(source="feed-item", data=SCRAPED.encode(), published=dt.date(2023, 2, 20))
    article = extract(raw)
    assert article.published == dt.date(2023, 2, 20) and not article.published_inferred
    undated = extract(RawDocument(source="file.txt", data=SCRAPED.encode()))
    assert undated.published == dt.date(2023, 2, 14) and undated.published_inferred


@pytest.mark.parametrize("line", [
    "Share this:", "Like this:", "Loading...", "Advertisement", "READ MORE: Storm closes schools",
    "Related: How the port grew", "Follow us on Twitter and Facebook", "12 comments",
    "Subscribe to our daily newsletter", "(AP Photo/Jane Roe)", "Copyright 2023 Example Media",
    "Photo by John Smith/Reuters",
])
def test_widget_lines_are_boilerplate(line):
    article = article_from_text(f"Headline\nA first sentence of the article.\n{line}\nThe end.", "t.txt")
    assert article.boilerplate == [line]
    assert line not in article.text


@pytest.mark.parametrize("line", [
    "The company told Reuters it would appeal.",
    "Copyright law changed in 1998, the court noted.",
    "Readers who sign up for alerts are often surprised by the volume.",
    "Related parties must disclose their holdings, the regulator said.",
    "Photos by amateur photographers flooded social media.",
])
def test_prose_that_mentions_widget_words_stays(line):
    article = article_from_text(f"Headline\nA first sentence of the article.\n{line}\nThe end.", "t.txt")
    assert article.boilerplate == []
    assert line in article.text


def test_widget_lines_above_the_headline_are_not_the_title():
    article = article_from_text("Advertisement\nPort fees rise\nThe authority raised fees.", "t.txt")
    assert article.title == "Port fees rise" and article.boilerplate == ["Advertisement"]


def test_a_japanese_sentence_is_body_text_not_a_dek():
    article = article_from_text("見出し\n本文の最初の文です。\n二つ目の文です。", "ja.txt")
    assert article.title == "見出し" and article.dek is None
    assert article.text.startswith("本文の最初の文です。")


@given(st.lists(st.sampled_from(list("ab #@!?.:\u2014()\n") + [
    "May 1, 2020", "https://t.co/x", "WATCH: ", "Share"]), max_size=120).map("".join))
def test_any_text_gives_an_article_made_of_its_own_lines(text):
    article = article_from_text(text, "fuzz.txt")
    source_lines = {line.strip() for line in text.splitlines()}
    for paragraph in article.text.split("\n\n"):
        assert not paragraph or any(paragraph in line for line in source_lines)


def test_a_text_of_page_furniture_alone_is_refused_with_its_reason():
    from claimgraph.errors import InputError

    furniture = "Share this article\nSign up for our morning newsletter\n\u00a9 2024 Harbour Media"
    with pytest.raises(InputError) as caught:
        extract(RawDocument(source="widgets.txt", data=furniture.encode()))
    assert caught.value.item == "widgets.txt"
    assert "no article text" in caught.value.reason
