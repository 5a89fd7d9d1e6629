"""Local files (plain or gzip-compressed), directories walked recursively, and standard input."""

from __future__ import annotations

import gzip
import io
import logging
import os
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path
from typing import BinaryIO

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest.feeds import FEED_SUFFIXES
from claimgraph.ingest.jsonl import JSONL_SUFFIXES
from claimgraph.ingest.limits import read_capped, too_large
from claimgraph.ingest.warc import WARC_SUFFIXES
from claimgraph.model import RawDocument
from claimgraph.settings import Settings

log = logging.getLogger(__name__)
_GZIP_MAGIC = b"\x1f\x8b"
_PAGE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml")
# What a directory walk picks up when no --include is given; a file named explicitly is read
# whatever its name.
DEFAULT_SUFFIXES = (
    _PAGE_SUFFIXES + tuple(s + ".gz" for s in _PAGE_SUFFIXES)
    + WARC_SUFFIXES + JSONL_SUFFIXES + tuple(FEED_SUFFIXES)
)


def walk(
    spec: str, include: Sequence[str] = (), exclude: Sequence[str] = (),
    on_skip: Callable[[Path], None] | None = None,
) -> Iterator[Path | InputError]:
    """The files ``spec`` names: itself if a file, else the files under it (a folder's own
    files first, then its subfolders, each in name order).

    In a directory, a file is taken when its name ends in one of DEFAULT_SUFFIXES, or, given
    ``include`` globs, when one matches; ``exclude`` globs drop files and whole directories.
    A glob matches a path relative to ``spec`` ('news/2024/*.html') or a bare name ('*.html');
    hidden files and directories (names starting with '.') are skipped. Files left out for
    their ending (no ``include`` given) are logged and passed to ``on_skip``.
    """
    root = Path(spec)
    if not root.is_dir():
        yield root
        return
    found = False
    unreadable: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable.append):
        while unreadable:
            err = unreadable.pop(0)
            yield InputError(f"cannot read directory: {err.strerror or err}", err.filename)
        here = Path(dirpath)
        rel_dir = here.relative_to(root)
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith(".") and not _matches((rel_dir / d).as_posix(), d, exclude)
        )
        for name in sorted(filenames):
            rel = (rel_dir / name).as_posix()
            if name.startswith(".") or _matches(rel, name, exclude):
                continue
            wanted = _matches(rel, name, include) if include else (
                name.lower().endswith(DEFAULT_SUFFIXES)
            )
            if wanted:
                found = True
                yield here / name
            elif not include:
                log.info("%s: skipped, not a known file ending", here / name)
                if on_skip is not None:
                    on_skip(here / name)
    if not found:
        what = ("files matching " + ", ".join(include)) if include else (
            "analyzable files (" + ", ".join(DEFAULT_SUFFIXES) + ")"
        )
        yield InputError(f"directory has no {what}", spec)


def _matches(rel: str, name: str, patterns: Sequence[str]) -> bool:
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        bare = pattern.removeprefix("**/")
        if fnmatchcase(rel, pattern) or fnmatchcase(rel, bare) or fnmatchcase(name, bare):
            return True
    return False


def read_file(path: Path, settings: Settings) -> RawDocument | ClaimgraphError:
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
                return too_large(item, settings)
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


def read_stdin(settings: Settings) -> RawDocument | ClaimgraphError:
    """Standard input, decompressed when it is a gzip stream."""
    try:
        data = read_capped(sys.stdin.buffer, "<stdin>", settings)
        if data[:2] == _GZIP_MAGIC:
            data = _gunzip(io.BytesIO(data), "<stdin>", settings)
    except ClaimgraphError as err:
        err.item = "<stdin>"
        return err
    return RawDocument(source="<stdin>", data=data)


def _read_gzip(path: Path, settings: Settings) -> bytes:
    with path.open("rb") as fh:
        return _gunzip(fh, str(path), settings)


def _gunzip(stream: BinaryIO, item: str, settings: Settings) -> bytes:
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as fh:
            return read_capped(fh, item, settings)
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        raise InputError(f"corrupt or truncated gzip ({err})") from err
