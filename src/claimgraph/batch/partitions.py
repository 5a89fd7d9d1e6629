"""Partitions: slices of the sources small enough for one task, found without reading the
sources on the client.

The client lists what the user named (directories are walked, not read) and groups plain files
by path. A JSONL dump, a WARC archive or a feed is split by a worker (``split``): into ranges
of lines (by byte offset), ranges of records, or groups of entries. Read back in order, the
partitions give the same items, with the same names, as reading the sources whole.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimgraph.errors import ClaimgraphError
from claimgraph.ingest import Item, read_sources
from claimgraph.ingest.feeds import FEED_SUFFIXES, FeedEntry, feed_entries, fetch_entry, looks_like_feed
from claimgraph.ingest.files import read_file, read_stdin, walk
from claimgraph.ingest.jsonl import is_jsonl, line_starts, read_jsonl
from claimgraph.ingest.urls import Fetcher, is_url
from claimgraph.ingest.warc import is_warc, read_warc, record_starts
from claimgraph.model import RawDocument
from claimgraph.settings import Settings


@dataclass(frozen=True)
class Files:
    """Local files, each read whole."""

    paths: tuple[str, ...]

    def __str__(self) -> str:
        return self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} … {self.paths[-1]}"


@dataclass(frozen=True)
class JsonlRange:
    """The lines of a JSONL dump that start in bytes [start, end); line ``first_line`` first."""

    path: str
    first_line: int
    start: int
    end: int | None

    def __str__(self) -> str:
        return f"{self.path} from line {self.first_line}"


@dataclass(frozen=True)
class WarcRange:
    """The records of a WARC archive that start in bytes [start, end)."""

    path: str
    start: int
    end: int | None

    def __str__(self) -> str:
        return f"{self.path} from byte {self.start}"


@dataclass(frozen=True)
class Items:
    """Feed entries to fetch, documents read already (standard input, a fetched page) and
    errors found while splitting, in order."""

    items: tuple[FeedEntry | RawDocument | ClaimgraphError, ...]

    def __str__(self) -> str:
        first = self.items[0]
        return (first.link if isinstance(first, FeedEntry)
                else first.source if isinstance(first, RawDocument) else str(first.item))


@dataclass(frozen=True)
class Split:
    """A source a worker splits into partitions: a JSONL dump, a WARC archive or a feed."""

    spec: str


Partition = Files | JsonlRange | WarcRange | Items


def plan(
    specs: Sequence[str], settings: Settings, *,
    include: Sequence[str] = (), exclude: Sequence[str] = (),
) -> Iterator[Partition | Split]:
    """The partitions of ``specs`` in input order, with the sources to split in their place.

    Runs on the client: directories are listed, nothing is read but standard input.
    """
    group: list[str] = []
    for spec in specs:
        if spec == "-":
            yield from _flush(group)
            yield Items((read_stdin(settings),))
        elif is_url(spec):
            yield from _flush(group)
            yield Split(spec)
        else:
            for path in walk(spec, include, exclude):
                if isinstance(path, ClaimgraphError):
                    yield from _flush(group)
                    yield Items((path,))
                elif _splittable(path):
                    yield from _flush(group)
                    yield Split(str(path))
                else:
                    group.append(str(path))
                    if len(group) == settings.partition_size:
                        yield from _flush(group)
    yield from _flush(group)


def _flush(group: list[str]) -> Iterator[Files]:
    if group:
        yield Files(tuple(group))
        group.clear()


def _splittable(path: Path) -> bool:
    return is_warc(path) or is_jsonl(path) or path.suffix.lower() in FEED_SUFFIXES


def split(spec: str, settings: Settings) -> list[Partition]:
    """The partitions of one JSONL dump, WARC archive or feed (a URL may turn out to be a
    page: then it is one partition holding the page). Runs on a worker."""
    every = settings.partition_size
    if is_url(spec):
        with Fetcher(settings) as fetcher:
            try:
                raw, media_type = fetcher.fetch(spec)
            except ClaimgraphError as err:
                return [Items((err,))]
        return _feed_parts(raw, every) if looks_like_feed(raw.data, media_type) else [Items((raw,))]
    path = Path(spec)
    if is_warc(path):
        starts = record_starts(path, every)
        return [WarcRange(spec, start, end) for start, end in zip(starts, [*starts[1:], None])]
    if is_jsonl(path):
        starts = line_starts(path, every)
        ends = [offset for _, offset in starts[1:]] + [None]
        return [JsonlRange(spec, line, offset, end) for (line, offset), end in zip(starts, ends)]
    raw = read_file(path, settings)
    if isinstance(raw, RawDocument) and looks_like_feed(raw.data, name=path.name):
        return _feed_parts(raw, every)
    return [Items((raw,))]


def _feed_parts(feed: RawDocument, every: int) -> list[Partition]:
    entries = list(feed_entries(feed))
    return [Items(tuple(entries[n:n + every])) for n in range(0, len(entries), every)]


def read_partition(part: Partition, settings: Settings) -> Iterator[Item]:
    """The documents of ``part`` (or an error for each item that cannot be read). Runs on a
    worker."""
    if isinstance(part, Files):
        yield from read_sources(part.paths, settings)
    elif isinstance(part, JsonlRange):
        yield from read_jsonl(Path(part.path), settings, start=part.start, end=part.end,
                              first_line=part.first_line)
    elif isinstance(part, WarcRange):
        yield from read_warc(Path(part.path), settings, start=part.start, end=part.end)
    else:
        with Fetcher(settings) as fetcher:
            for item in part.items:
                yield fetch_entry(item, fetcher.fetch) if isinstance(item, FeedEntry) else item
