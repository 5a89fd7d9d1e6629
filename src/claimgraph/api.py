"""The Python API: analyze one article, or stream many through one loaded pipeline."""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable, Collection, Iterable, Iterator
from itertools import chain, islice

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.extract import extract
from claimgraph.extract.language import text_language
from claimgraph.ingest.limits import too_large
from claimgraph.link.entities import merge_aliases
from claimgraph.model import Analysis, Article, QuoteAct, RawDocument
from claimgraph.settings import Settings, get_settings

log = logging.getLogger(__name__)

Input = str | bytes | RawDocument | Article

# Articles analyzed in one spaCy memory zone: the strings and lexemes a zone adds for words
# the model has not seen (names, numbers) are freed when it ends, and the memory freed so far
# goes back to the system (glibc keeps it otherwise: a worker grew from 309 to 394 MB over
# 2,400 short articles, and malloc_trim took it back to 323 MB), so memory stays flat.
ZONE_ARTICLES = 500
try:
    _malloc_trim = ctypes.CDLL(None).malloc_trim  # glibc; other C libraries have no such call
except (AttributeError, OSError, TypeError):
    _malloc_trim = None


def analyze(
    text_or_html: Input, *, plain: bool = False, source: str = "<text>",
    settings: Settings | None = None, acts: Collection[QuoteAct] | None = None,
) -> Analysis:
    """The Analysis of one article given as text, HTML, bytes, a RawDocument or an Article.

    With ``plain``, the text is analyzed exactly as given, so offsets index the input itself.
    With ``acts`` (e.g. ``{"speech"}``), only quotes of those acts are kept, with the claims
    inside them. Raises a ClaimgraphError subclass for input that is not an analyzable article.
    """
    if isinstance(text_or_html, str):
        text_or_html = text_or_html.encode("utf-8")
    if isinstance(text_or_html, bytes):
        text_or_html = RawDocument(source=source, data=text_or_html)
    return next(analyze_many([text_or_html], plain=plain, settings=settings, acts=acts))


def analyze_many(
    items: Iterable[Input], *, plain: bool = False, settings: Settings | None = None,
    on_error: Callable[[ClaimgraphError], None] | None = None,
    acts: Collection[QuoteAct] | None = None,
) -> Iterator[Analysis]:
    """Analyses of ``items`` in order, loading the spaCy pipeline once; ``acts`` as in
    ``analyze``.

    Text and bytes items are named ``<item N>`` (from 1) in errors and in ``source``.
    A bad item raises its ClaimgraphError, unless ``on_error`` is given: then it is passed the
    error and the stream goes on with the next item. One stream at a time per process: streams
    share the pipeline, and the vocabulary a stream frees as it goes is shared too.
    """
    # spaCy is imported only here: the store, the linking and an ingest's writing process
    # import this package without it.
    from claimgraph.analyze.pipeline import analyze_articles, load_nlp

    settings = settings or get_settings()
    nlp = load_nlp(settings.spacy_model)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)

    def articles() -> Iterator[Article]:
        for n, item in enumerate(items, start=1):
            try:
                yield to_article(item, plain, f"<item {n}>", settings)
            except ClaimgraphError as err:
                if on_error is None:
                    raise
                on_error(err)

    stream = articles()
    for first in stream:
        zone = chain([first], islice(stream, ZONE_ARTICLES - 1))
        with nlp.memory_zone():
            # One country under several names ("Pyongyang", "North Korean") is one entity.
            for analysis in analyze_articles(nlp, zone, batch_size=settings.batch_size,
                                             acts=acts, any_language=settings.any_language,
                                             on_error=on_error):
                yield merge_aliases(analysis)
        if _malloc_trim is not None:
            _malloc_trim(0)


def to_article(item: Input, plain: bool, source: str, settings: Settings) -> Article:
    if isinstance(item, Article):
        # an Article made by a program may not say its language; the analysis needs it
        article = item if item.language else item.model_copy(
            update={"language": text_language(item.text)})
    else:
        if isinstance(item, str):
            item = item.encode("utf-8")
        if isinstance(item, bytes):
            item = RawDocument(source=source, data=item)
        if len(item.data) > settings.max_bytes:
            raise too_large(item.source, settings)
        try:
            article = extract(item, plain=plain)
        except ClaimgraphError:
            raise
        except Exception as err:  # a fault in a parser library costs this item, not the batch
            log.debug("extraction of %s failed", item.source, exc_info=True)
            raise InputError(f"extraction failed ({type(err).__name__}: {err})",
                             item.source) from err
    if len(article.text) > settings.max_chars:
        raise InputError(
            f"article text of {len(article.text):,} characters is over the "
            f"{settings.max_chars:,}-character limit (set CLAIMGRAPH_MAX_CHARS to raise it)",
            article.source,
        )
    return article
