"""HTML pages to an Article: metadata, headline parts, embedded posts, clean body."""

import datetime as dt

import pytest

from claimgraph.errors import InputError
from claimgraph.extract import extract
from claimgraph.extract.html import article_from_html
from claimgraph.model import RawDocument

PARAGRAPHS = [
    "The regional water board approved a plan on Thursday to ration supplies across four "
    "districts after the driest summer in sixty years left reservoirs at a quarter of capacity.",
    "Board chair Ines Marlow said households would be limited to 120 litres a day from next "
    "month, with fines for repeated breaches, and that farms would face separate quotas.",
    "Farmers' groups said the quotas would force some growers to abandon late crops, while "
    "environmental campaigners argued the measures came years too late to protect the rivers.",
    "The board will publish district-by-district limits next week and review them in spring, "
    "when engineers expect the first winter rains to have refilled the largest reservoir.",
]


def page(date_meta: bool = True, embeds: str = "", title: str = "WATCH: Water rationing approved "
         "for four districts") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + embeds + "\n".join(
        f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    published = ('<meta property="article:published_time" content="2022-08-19T09:30:00Z">'
                 if date_meta else "")
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>{title} | Valley Herald</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Valley Herald">
<meta name="description" content="Households face daily limits as reservoirs run low">
<meta name="author" content="Tomas Reyes">{published}
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>{title}</h1>{body}
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div></article>
<footer><p>Contact us</p><p>Terms and conditions apply to all content on this site.</p></footer>
</body></html>"""


TWEET = """<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Taps are running dry in our
village already. Who is going to help us? <a href="https://t.co/Xy98Ab">pic.twitter.com/Xy98Ab</a></p>&mdash;
Lena Hart (@lenahart) <a href="https://twitter.com/lenahart/status/1560000000000000000">August 18, 2022</a></blockquote>"""


def test_metadata_headline_and_body():
    article = article_from_html(page(), "water.html")
    assert article.kicker == "WATCH"
    assert article.title == "Water rationing approved for four districts"
    assert article.dek == "Households face daily limits as reservoirs run low"
    assert article.byline == "Tomas Reyes"
    assert article.outlet == "Valley Herald"
    assert article.language == "en"
    assert article.published == dt.date(2022, 8, 19) and not article.published_inferred
    assert article.text.split("\n\n") == PARAGRAPHS
    assert "Home" not in article.text and "Terms and conditions" not in article.text


def test_embedded_tweet_is_a_post_not_text():
    article = article_from_html(page(embeds=TWEET), "water.html")
    [post] = article.posts
    assert (post.platform, post.author, post.handle) == ("twitter", "Lena Hart", "lenahart")
    assert post.date == dt.date(2022, 8, 18)
    assert post.text.startswith("Taps are running dry") and post.text.endswith("pic.twitter.com/Xy98Ab")
    assert article.text.split("\n\n") == PARAGRAPHS
    for residue in ("Taps are running", "lenahart", "pic.twitter.com", "Lena Hart"):
        assert residue not in article.text


def test_publication_date_inferred_from_posts_when_the_page_has_none():
    article = article_from_html(page(date_meta=False, embeds=TWEET), "water.html")
    assert article.published == dt.date(2022, 8, 18) and article.published_inferred


def test_tweet_residue_in_unmarked_html_is_split_out():
    residue = ("<p>So much for the summer holidays!</p><p>Stay safe everyone https://t.co/Ab12</p>"
               "<p>\u2014 Lake Rescue (@lakerescue) August 17, 2022</p>")
    article = article_from_html(page(embeds=residue), "water.html")
    assert [p.handle for p in article.posts] == ["lakerescue"]
    assert article.posts[0].text.startswith("So much for the summer holidays!")
    assert article.text.split("\n\n") == PARAGRAPHS


def test_a_title_without_a_kicker():
    article = article_from_html(page(title="Water rationing approved"), "water.html")
    assert article.kicker is None and article.title == "Water rationing approved"


@pytest.mark.parametrize("html", [
    "<html><head><title>Home</title></head><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>",
    "<html><body></body></html>",
])
def test_a_page_with_no_article_is_an_input_error(html):
    with pytest.raises(InputError) as caught:
        article_from_html(html, "empty.html")
    assert "empty.html" in str(caught.value) and "no article text" in str(caught.value)


def test_windows_1252_page_without_a_declared_charset():
    html = page().replace('<meta charset="utf-8">', "").replace("Farmers'", "Farmers\u2019 caf\u00e9")
    article = extract(RawDocument(source="cp1252.html", data=html.encode("cp1252")))
    assert "Farmers\u2019 caf\u00e9 groups said" in article.text


def test_binary_data_served_as_html_is_an_input_error():
    with pytest.raises(InputError, match="binary"):
        extract(RawDocument(source="image.html", data=bytes(range(256)) * 40, content_type="html"))


def test_the_site_name_is_cut_from_the_title():
    html = page().replace('content="WATCH: Water rationing approved for four districts">',
                          'content="WATCH: Water rationing approved for four districts - Valley Herald">')
    article = article_from_html(html, "water.html")
    assert article.title == "Water rationing approved for four districts"
    assert article.kicker == "WATCH"


def test_a_standfirst_atop_the_body_is_the_dek_not_text():
    html = page().replace("</h1>", "</h1><p>Households face daily limits as reservoirs run low</p>")
    article = article_from_html(html, "water.html")
    assert article.dek == "Households face daily limits as reservoirs run low"
    assert article.text.split("\n\n") == PARAGRAPHS


def test_a_description_that_is_the_opening_sentence_is_not_a_dek():
    html = page().replace("Households face daily limits as reservoirs run low", PARAGRAPHS[0])
    article = article_from_html(html, "water.html")
    assert article.dek is None
    assert article.text.split("\n\n") == PARAGRAPHS


def test_widget_lines_in_the_article_become_boilerplate():
    widgets = "<p>Read more: Reservoir levels hit record low</p><p>Sign up for our weekly newsletter</p>"
    article = article_from_html(page(embeds=widgets), "water.html")
    assert article.boilerplate == ["Read more: Reservoir levels hit record low",
                                   "Sign up for our weekly newsletter"]
    assert article.text.split("\n\n") == PARAGRAPHS


def test_byline_from_the_page_when_meta_tags_have_none():
    html = page().replace('<meta name="author" content="Tomas Reyes">', "").replace(
        "</h1>", '</h1><div class="article-byline">By Tomas Reyes and Ada Li</div>').replace(
        "</article>", '</article><form><p class="comment-form-author"><label>Name *</label></p></form>')
    assert article_from_html(html, "water.html").byline == "Tomas Reyes and Ada Li"
    no_byline = page().replace('<meta name="author" content="Tomas Reyes">', "").replace(
        "</article>", '</article><form><p class="comment-form-author"><label>Your Name</label></p></form>')
    assert article_from_html(no_byline, "water.html").byline is None
