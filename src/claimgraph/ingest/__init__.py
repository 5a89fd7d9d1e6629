"""Sources: turn what the user names (paths, URLs, '-') into RawDocuments, one module per kind.

Every source streams: it yields one RawDocument at a time, or a ClaimgraphError for an item it
could not read, so that one bad item never stops the batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from claimgraph.errors import ClaimgraphError
from claimgraph.ingest.feeds import looks_like_feed, read_feed
from claimgraph.ingest.files import read_file, read_stdin, walk
from claimgraph.ingest.jsonl import is_jsonl, read_jsonl
from claimgraph.ingest.urls import Fetcher, is_url
from claimgraph.ingest.warc import is_warc, read_warc
from claimgraph.model import RawDocument
from claimgraph.settings import Settings

Item = RawDocument | ClaimgraphError


def read_sources(
    specs: Iterable[str], settings: Settings, *,
    include: Sequence[str] = (), exclude: Sequence[str] = (),
    on_skip: Callable[[Path], None] | None = None,
) -> Iterator[Item]:
    """The documents of each spec in turn, by what it is.

    '-' is standard input; an http(s) URL is fetched (a feed's entries are fetched in turn);
    a path is a WARC archive (.warc, .warc.gz), a JSONL dump (.jsonl), an RSS/Atom feed (by
    suffix or content), a page (HTML or text, optionally .gz), or a directory of any of these
    (``include``/``exclude`` globs choose the files; ``on_skip`` hears of each file left out
    for its unknown ending).
    """
    with Fetcher(settings) as fetcher:
        for spec in specs:
            if spec == "-":
                yield read_stdin(settings)
            elif is_url(spec):
                yield from _read_url(spec, fetcher)
            else:
                for path in walk(spec, include, exclude, on_skip):
                    if isinstance(path, ClaimgraphError):
                        yield path
                    else:
                        yield from _read_path(path, settings, fetcher)


def _read_url(url: str, fetcher: Fetcher) -> Iterator[Item]:
    try:
        raw, media_type = fetcher.fetch(url)
    except ClaimgraphError as err:
        yield err
        return
    if looks_like_feed(raw.data, media_type):
        yield from read_feed(raw, fetcher.fetch)
    else:
        yield raw


def _read_path(path: Path, settings: Settings, fetcher: Fetcher) -> Iterator[Item]:
    if is_warc(path):
        yield from read_warc(path, settings)
    elif is_jsonl(path):
        yield from read_jsonl(path, settings)
    else:
        raw = read_file(path, settings)
        if isinstance(raw, RawDocument) and looks_like_feed(raw.data, name=path.name):
            yield from read_feed(raw, fetcher.fetch)
        else:
            yield raw
