"""Issue 3's "Done when" for the seed article, on the extraction stage alone (no NLP).

Expectations are copied from the seed's analyst sheet. The same logic is exercised on
differently worded inline examples in test_extract_text.py and test_posts.py.
"""

import datetime as dt

import pytest

from claimgraph.extract.text import article_from_text

EXPECTED_POSTS = [
    ("twitter", "Emeka Gift Official", "EmekaGift100", dt.date(2024, 10, 25),
     "Video: North Korean soldiers in #Russia", "pic.twitter.com/qzMc2qXow1"),
    ("twitter", "Inconvenient Truths by Jennifer Zeng", "jenniferzeng97", dt.date(2024, 10, 28),
     "Wow!", "pic.twitter.com/H1ci0r95Rn"),
    ("twitter", "Therese: its time for the ERA. NOW.", "tmcresanti", dt.date(2024, 10, 30),
     "\u201cUkraine offers bed and hot food", "https://t.co/Wl7Zdc9dFj"),
]


@pytest.fixture(scope="module")
def article(seed_text):
    return article_from_text(seed_text, "examples/seed.txt")


def test_kicker_title_and_dek(article):
    assert article.kicker == "WATCH"
    assert article.title == "Reports surfacing of North Korea sending teens to Russia\u2019s front lines"
    assert article.dek == "Ex-diplomat says Kim Jong Un trying to be a big player in world politics"


@pytest.mark.parametrize("index", range(len(EXPECTED_POSTS)))
def test_the_three_posts(article, index):
    assert len(article.posts) == len(EXPECTED_POSTS)
    platform, author, handle, date, starts, ends = EXPECTED_POSTS[index]
    post = article.posts[index]
    assert (post.platform, post.author, post.handle, post.date) == (platform, author, handle, date)
    assert post.text.startswith(starts)
    assert post.text.endswith(ends)


def test_reaction_widget_is_boilerplate_not_text(article):
    assert "What's Your Reaction?" in article.boilerplate
    assert "What's Your Reaction?" not in article.text


def test_no_post_residue_in_the_text(article):
    for post in article.posts:
        for line in post.text.splitlines():
            assert line not in article.text
        assert f"(@{post.handle})" not in article.text
    for residue in ("pic.twitter.com", "t.co/", "Wow!", "War is also a double-edged sword"):
        assert residue not in article.text


def test_article_text_keeps_its_last_paragraph_before_the_posts(article):
    assert article.text.endswith("with Ukraine also offering refuge.")
    assert article.text.startswith("North Korea is not preparing to send its most elite")


def test_published_not_before_the_newest_post_and_flagged_inferred(article):
    assert article.published >= dt.date(2024, 10, 30)
    assert article.published_inferred
