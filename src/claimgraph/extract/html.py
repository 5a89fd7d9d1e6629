"""HTML pages to an Article with trafilatura: main text and metadata."""

from __future__ import annotations

from datetime import date

import trafilatura

from claimgraph.errors import InputError
from claimgraph.model import Article


def article_from_html(html: str, source: str) -> Article:
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None or not (doc.text or "").strip():
        raise InputError("no article text found in the page", source)
    return Article(
        source=source,
        title=doc.title,
        byline=doc.author,
        outlet=doc.sitename,
        url=doc.url,
        language=doc.language,
        published=_date(doc.date),
        text=doc.text,
    )


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
