"""Sources: turn what the user names (paths, '-', ...) into RawDocuments, one module per kind.

Every source streams: it yields one RawDocument at a time, or a ClaimgraphError for an item it
could not read, so that one bad item never stops the batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from claimgraph.errors import ClaimgraphError
from claimgraph.ingest.files import read_path, read_stdin
from claimgraph.model import RawDocument
from claimgraph.settings import Settings

Item = RawDocument | ClaimgraphError


def read_sources(specs: Iterable[str], settings: Settings) -> Iterator[Item]:
    """Each spec in turn: '-' is standard input, anything else a file or directory path."""
    for spec in specs:
        if spec == "-":
            yield read_stdin(settings)
        else:
            yield from read_path(spec, settings)
