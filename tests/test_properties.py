"""Properties over generated input: any bytes give an Article or a typed error; analyzed text
gives records whose spans index the text and whose JSON validates against the schema."""

from fuzz import check_analysis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph import analyze
from claimgraph.errors import ClaimgraphError
from claimgraph.extract import extract
from claimgraph.model import Article, RawDocument

TAGS = ["<html>", "<body>", "<p>", "</p>", "<div class='tooltip'>", "</div>", "<script>",
        "<article>", "<h1>", "</h1>", "<blockquote class='twitter-tweet'>", "<!--", "-->",
        "<br>", "&amp;", "&#0;", "<meta charset='utf-16'>", "<a href='x'>", "</a>"]
WORDS = ["the", "mayor", "said", "“", "”", '"', "Ana", "Ruiz", "Paris", "3,000", "about",
         "percent", "on", "Monday", "told", "according", "to", "may", ".", ",", "\n\n",
         "SEE MORE:", "DON'T MISS", "[bold]", "\x1b[31m", "\u202e", "\x00", "n't", "'s"]
FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _extract(data: bytes, kind=None):
    try:
        article = extract(RawDocument(source="gen", data=data, content_type=kind))
    except ClaimgraphError as error:
        assert error.item == "gen" and error.reason
        return None
    assert isinstance(article, Article) and article.text.strip()
    return article


@FAST
@given(st.binary(max_size=3000))
def test_any_bytes_give_an_article_or_a_typed_error(data):
    _extract(data)


@FAST
@given(st.lists(st.sampled_from(TAGS) | st.sampled_from(WORDS) | st.text(max_size=12),
                max_size=120))
def test_any_tag_soup_gives_an_article_or_a_typed_error(parts):
    _extract(" ".join(parts).encode("utf-8", "surrogatepass"), kind="html")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS) | st.text(min_size=1, max_size=8), min_size=1,
                max_size=60))
def test_analyzed_records_index_the_text_and_validate(parts):
    text = " ".join(parts).encode("utf-8", "surrogatepass")
    try:
        analysis = analyze(text, plain=True)
    except ClaimgraphError:
        return
    check_analysis(analysis)
