"""The size cap every source applies: larger items are refused, never silently truncated."""

from __future__ import annotations

from typing import BinaryIO

from claimgraph.errors import InputError
from claimgraph.settings import Settings


def too_large(item: str | None, settings: Settings) -> InputError:
    return InputError(
        f"larger than the {settings.max_bytes:,}-byte limit (set CLAIMGRAPH_MAX_BYTES to raise it)",
        item,
    )


_CHUNK = 1 << 16


def read_capped(stream: BinaryIO, item: str | None, settings: Settings) -> bytes:
    """All of ``stream``, reading at most one chunk past the cap; InputError if over it.

    Reads in chunks because decompressing and archive streams may return less than asked.
    """
    parts: list[bytes] = []
    size = 0
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
        if size > settings.max_bytes:
            raise too_large(item, settings)
        parts.append(chunk)
    return b"".join(parts)
