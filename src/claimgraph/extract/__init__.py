"""Extraction: RawDocument bytes to a clean Article (text, title, dek, posts, boilerplate)."""

from __future__ import annotations

from claimgraph.errors import InputError
from claimgraph.extract.decode import decode, looks_like_html
from claimgraph.extract.html import article_from_html
from claimgraph.extract.language import text_language
from claimgraph.extract.text import article_from_text
from claimgraph.model import Article, RawDocument


def extract(raw: RawDocument, plain: bool = False) -> Article:
    """The Article in ``raw``. With ``plain``, the decoded input is the text, untouched.

    Raises InputError when the bytes are empty, binary or not decodable as text, or when
    nothing but page furniture is left for the body.
    """
    text = decode(raw.data, raw.source, raw.encoding)
    if plain:
        article = Article(source=raw.source, text=text)
    elif raw.content_type == "html" or (raw.content_type is None and looks_like_html(text)):
        article = article_from_html(text, raw.source, url=raw.url)
    else:
        article = article_from_text(text, raw.source)
        if not article.text.strip():
            raise InputError(f"no article text found ({len(article.boilerplate) + len(article.posts)}"
                             " line(s), all page furniture or embedded posts)", raw.source)
    # The publisher a source declares (a dump's field) beats the site name read from the page.
    updates = {"url": article.url or raw.url, "title": article.title or raw.title,
               "outlet": raw.outlet or article.outlet, "retrieved": raw.retrieved,
               # the text's own language beats the one the page declares (often a template's)
               "language": text_language(article.text) or article.language}
    if raw.published and (article.published is None or article.published_inferred):
        # a date the source declares (feed entry, WARC record) beats one inferred from posts
        updates.update(published=raw.published, published_inferred=False)
    return article.model_copy(update=updates)
