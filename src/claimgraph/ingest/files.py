"""Local files and directories, and standard input."""

from __future__ import annotations

import gzip
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.model import RawDocument
from claimgraph.settings import Settings

# Extensions read when walking a directory; a file named explicitly is read whatever its name.
ANALYZABLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".gz"}


def read_path(spec: str, settings: Settings) -> Iterator[RawDocument | ClaimgraphError]:
    path = Path(spec)
    if path.is_dir():
        found = False
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in ANALYZABLE_SUFFIXES:
                found = True
                yield _read_file(child, settings)
        if not found:
            suffixes = ", ".join(sorted(ANALYZABLE_SUFFIXES))
            yield InputError(f"directory has no analyzable files ({suffixes})", spec)
    else:
        yield _read_file(path, settings)


def read_stdin(settings: Settings) -> RawDocument | ClaimgraphError:
    data = sys.stdin.buffer.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        return _too_large("<stdin>", settings)
    return RawDocument(source="<stdin>", data=data)


def _read_file(path: Path, settings: Settings) -> RawDocument | ClaimgraphError:
    item = str(path)
    try:
        if not path.exists():
            return InputError("no such file or directory", item)
        if not path.is_file():
            return InputError("not a regular file", item)
        if path.suffix.lower() == ".gz":
            data = _read_gzip(path, settings)
        else:
            if path.stat().st_size > settings.max_bytes:
                return _too_large(item, settings)
            data = path.read_bytes()
    except PermissionError:
        return InputError("permission denied", item)
    except ClaimgraphError as err:
        err.item = item
        return err
    except OSError as err:
        return InputError(f"cannot read: {err.strerror or err}", item)
    kind = "html" if ".htm" in "".join(path.suffixes).lower() else None
    return RawDocument(source=item, data=data, content_type=kind)


def _read_gzip(path: Path, settings: Settings) -> bytes:
    try:
        with gzip.open(path, "rb") as fh:
            data = fh.read(settings.max_bytes + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        raise InputError(f"corrupt or truncated gzip ({err})") from err
    if len(data) > settings.max_bytes:
        raise _too_large(str(path), settings)
    return data


def _too_large(item: str, settings: Settings) -> InputError:
    return InputError(
        f"larger than the {settings.max_bytes:,}-byte limit (set CLAIMGRAPH_MAX_BYTES to raise it)",
        item,
    )
