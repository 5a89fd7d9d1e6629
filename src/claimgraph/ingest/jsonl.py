"""JSONL dumps: one article per line, ``{"text" | "html", "url"?, "title"?, "published"?}``.

Each article's source is ``<file>:<line>``; a malformed line is reported with its line number
and the rest of the file is read.
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


def is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


def read_jsonl(path: Path, settings: Settings) -> Iterator[RawDocument | ClaimgraphError]:
    name = str(path)
    try:
        fh = gzip.open(path, "rb") if name.lower().endswith(".gz") else path.open("rb")
    except OSError as err:
        yield InputError(f"cannot read: {err.strerror or err}", name)
        return
    lineno = 0
    with fh:
        try:
            # readline with a limit, so that one huge line cannot exhaust memory.
            while line := fh.readline(settings.max_bytes + 1):
                lineno += 1
                item = f"{name}:{lineno}"
                if len(line) > settings.max_bytes:
                    _skip_to_line_end(fh)
                    yield too_large(item, settings)
                elif line.strip():
                    yield _document(line, item)
        except (OSError, EOFError, zlib.error) as err:
            yield InputError(f"corrupt or truncated (after line {lineno}: {err})", name)


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
    published = record.get("published")
    if published is not None:
        try:
            published = dt.date.fromisoformat(str(published)[:10])
        except ValueError:
            return InputError(f"'published' is not an ISO date ({published!r})", item)
    return RawDocument(
        source=item, url=record.get("url"), data=body.encode("utf-8"), content_type=kind,
        title=record.get("title"), published=published,
    )
