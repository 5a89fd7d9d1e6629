"""The one run loop every front end calls: sources → raw documents → articles → duplicate check
→ analysis. The CLI, ``ingest``, the web app and the Dask runner add only what they do with the
results (print, store, serve, place on workers).

Each stage streams one item at a time; a bad item goes to ``on_error`` and the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from pathlib import Path

from claimgraph.api import analyze_many, to_article
from claimgraph.errors import ClaimgraphError
from claimgraph.ingest import Item, read_sources
from claimgraph.ingest.dedup import DuplicateIndex, DuplicateMemory, mark_duplicates
from claimgraph.model import Analysis, Article, RawDocument
from claimgraph.settings import Settings

OnError = Callable[[ClaimgraphError], None]


def raw_documents(
    sources: Iterable[str], settings: Settings, on_error: OnError, *,
    include: Sequence[str] = (), exclude: Sequence[str] = (),
    on_skip: Callable[[Path], None] | None = None,
) -> Iterator[RawDocument]:
    """The documents of every source in order; unreadable items go to ``on_error``, files a
    directory holds with an unknown ending to ``on_skip``."""
    return documents(read_sources(sources, settings, include=include, exclude=exclude,
                                  on_skip=on_skip), on_error)


def documents(items: Iterable[Item], on_error: OnError) -> Iterator[RawDocument]:
    """The documents among ``items``; the errors go to ``on_error``."""
    for item in items:
        if isinstance(item, ClaimgraphError):
            on_error(item)
        else:
            yield item


def articles(
    raws: Iterable[RawDocument], settings: Settings, on_error: OnError, *, plain: bool = False,
) -> Iterator[Article]:
    """Each document extracted to an Article; items that are not articles go to ``on_error``."""
    for raw in raws:
        try:
            yield to_article(raw, plain, raw.source, settings)
        except ClaimgraphError as error:
            on_error(error)


def run(
    sources: Iterable[str], settings: Settings, on_error: OnError, *, plain: bool = False,
    analyze: bool = True, include: Sequence[str] = (), exclude: Sequence[str] = (),
    duplicates: DuplicateMemory | None = None, skip: Callable[[Article], bool] | None = None,
    on_skip: Callable[[Path], None] | None = None,
) -> Iterator[Article | Analysis]:
    """Every article of ``sources`` in input order, copies marked ``duplicate_of``, and analyzed
    unless ``analyze`` is false (extraction alone).

    ``duplicates`` remembers articles across the run (and across runs when it is backed by a
    file or a store); by default a fresh index built from ``settings``. Articles for which
    ``skip`` is true (e.g. stored already) are left out before the duplicate check.
    """
    raws = raw_documents(sources, settings, on_error, include=include, exclude=exclude,
                         on_skip=on_skip)
    extracted = articles(raws, settings, on_error, plain=plain)
    if skip is not None:
        extracted = (article for article in extracted if not skip(article))
    own = duplicates is None  # an index made here is closed here; a given one is the caller's
    index = DuplicateIndex(settings.dedup_index, settings.duplicate_threshold) if own else duplicates
    with index if own else nullcontext():
        marked = mark_duplicates(extracted, index)
        if analyze:
            yield from analyze_many(marked, plain=plain, settings=settings, on_error=on_error)
        else:
            yield from marked
