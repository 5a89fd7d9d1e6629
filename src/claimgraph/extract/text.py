"""Scraped plain text to an Article: title (with kicker), dek, body paragraphs, and what the
scraper left of embedded posts and page widgets taken out of the body."""

from __future__ import annotations

from claimgraph.extract.boilerplate import split_boilerplate
from claimgraph.extract.dates import published_date
from claimgraph.extract.headline import MAX_DEK, MAX_TITLE, is_heading, split_kicker
from claimgraph.extract.residue import closing_line, split_residue
from claimgraph.model import Article


def article_from_text(text: str, source: str) -> Article:
    lines = [line.strip() for line in text.splitlines()]
    lines, boilerplate = split_boilerplate([line for line in lines if line])
    kicker = title = dek = None
    if len(lines) > 1 and _opens_article(lines[0], MAX_TITLE):
        kicker, title = split_kicker(lines.pop(0))
        if len(lines) > 1 and _opens_article(lines[0], MAX_DEK):
            dek = lines.pop(0)
    lines, posts = split_residue(lines)
    published, inferred = published_date(None, posts)
    return Article(
        source=source, title=title, kicker=kicker, dek=dek,
        published=published, published_inferred=inferred,
        text="\n\n".join(lines), boilerplate=boilerplate, posts=posts,
    )


def _opens_article(line: str, limit: int) -> bool:
    """A headline or standfirst line: heading-shaped, and not the closing line of a post."""
    return is_heading(line, limit) and closing_line(line) is None
