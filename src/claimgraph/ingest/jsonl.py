"""JSONL dumps: one article per line, ``{"text" | "html", "url"?, "title"?, "outlet"?,
"published"?}``; the outlet may be named ``publisher`` and the date ``publication_date`` or
``date`` instead (as in PolNeAR's and other corpora's dumps).

Each article's source is ``<file>:<line>``; a malformed line is reported with its line number
and the rest of the file is read. A dump can be read in byte ranges (``line_starts`` finds them)
so that several workers share one file.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest.limits import too_large
from claimgraph.model import RawDocument
from claimgraph.settings import Settings

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
_OPTIONAL_STRINGS = ("url", "title")
# Each field's names, the first present one read.
_OUTLET = ("outlet", "publisher")
_PUBLISHED = ("published", "publication_date", "date")
_SCAN_CHUNK = 1 << 20


def is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


def read_jsonl(
    path: Path, settings: Settings, *, start: int = 0, end: int | None = None, first_line: int = 1,
) -> Iterator[RawDocument | ClaimgraphError]:
    """The articles of the lines starting in bytes ``[start, end)`` of the (decompressed)
    dump; ``start`` must be the start of line number ``first_line``."""
    name = str(path)
    try:
        fh = _open(path)
    except OSError as err:
        yield InputError(f"cannot read: {err.strerror or err}", name)
        return
    lineno = first_line - 1
    with fh:
        try:
            fh.seek(start)  # a gzip stream seeks forward by decompressing
            # readline with a limit, so that one huge line cannot exhaust memory.
            while (end is None or fh.tell() < end) and (
                    line := fh.readline(settings.max_bytes + 1)):
                lineno += 1
                item = f"{name}:{lineno}"
                if len(line) > settings.max_bytes:
                    _skip_to_line_end(fh)
                    yield too_large(item, settings)
                elif line.strip():
                    yield _document(line, item)
        except (OSError, EOFError, zlib.error) as err:
            yield InputError(f"corrupt or truncated (after line {lineno}: {err})", name)


def line_starts(path: Path, every: int) -> list[tuple[int, int]]:
    """``(line number, byte offset)`` of line 1 and of every ``every``-th line after it: the
    starts of ranges of ``every`` lines. Reading stops quietly at damage, which the reader of
    the last range reports."""
    starts = [(1, 0)]
    line, offset = 1, 0  # the line being read and the offset of the current chunk
    try:
        with _open(path) as fh:
            while chunk := fh.read(_SCAN_CHUNK):
                wanted = starts[-1][0] + every  # the next line to start a range
                # Most chunks hold no range start: count their line ends at C speed.
                ends = chunk.count(b"\n")
                if line + ends < wanted:
                    line += ends
                else:
                    pos = chunk.find(b"\n")
                    while pos >= 0:
                        line += 1
                        if line == wanted:
                            starts.append((line, offset + pos + 1))
                            wanted += every
                        pos = chunk.find(b"\n", pos + 1)
                offset += len(chunk)
    except (OSError, EOFError, zlib.error):
        pass
    if len(starts) > 1 and starts[-1][1] >= offset:  # a range would start at the very end
        starts.pop()
    return starts


def _open(path: Path) -> BinaryIO:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def _skip_to_line_end(fh: BinaryIO) -> None:
    while (rest := fh.readline(1 << 16)) and not rest.endswith(b"\n"):
        pass


def _document(line: bytes, item: str) -> RawDocument | InputError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return InputError(f"malformed JSON ({err.msg.removesuffix(' at')}, column {err.colno})", item)
    except UnicodeDecodeError:
        return InputError("not UTF-8 JSON", item)
    if not isinstance(record, dict):
        return InputError(f"expected a JSON object, got {type(record).__name__}", item)
    body, kind = record.get("html"), "html"
    if body is None:
        body, kind = record.get("text"), "text"
    if not isinstance(body, str) or not body.strip():
        return InputError("no 'text' or 'html' string in the line", item)
    for field in _OPTIONAL_STRINGS:
        if record.get(field) is not None and not isinstance(record[field], str):
            return InputError(f"'{field}' must be a string", item)
    outlet_field = _first(record, _OUTLET)
    outlet = record.get(outlet_field)
    if outlet is not None and not isinstance(outlet, str):
        return InputError(f"'{outlet_field}' must be a string", item)
    published_field = _first(record, _PUBLISHED)
    published = record.get(published_field)
    if published is not None:
        try:
            published = dt.date.fromisoformat(str(published)[:10])
        except ValueError:
            return InputError(f"'{published_field}' is not an ISO date ({published!r})", item)
    return RawDocument(
        source=item, url=record.get("url"), data=body.encode("utf-8"), content_type=kind,
        title=record.get("title"), outlet=(outlet or "").strip() or None, published=published,
    )


def _first(record: dict, names: tuple[str, ...]) -> str:
    """The first of ``names`` that ``record`` has a value for (else the first name)."""
    return next((name for name in names if record.get(name) is not None), names[0])
