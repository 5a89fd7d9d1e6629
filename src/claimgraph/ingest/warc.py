"""WARC and WARC.gz archives (warcio): each successful HTML response, with its URL and capture
date. A corrupt record is reported and reading resumes at the next record found after it.
An archive can be read in ranges of records (``record_starts`` finds them) so that several
workers share it."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest.limits import read_capped
from claimgraph.ingest.urls import charset
from claimgraph.model import RawDocument
from claimgraph.settings import Settings

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN_CHUNK = 1 << 16
_BAD_LENGTH = "record length does not match its Content-Length"


class _Loader(ArcWarcRecordLoader):
    def load_http_headers(self, rec_type, uri, stream, length):
        # warcio fails on a response without WARC-Target-URI; its HTTP headers are read all
        # the same, and the page is named by its place in the archive.
        return super().load_http_headers(rec_type, uri or "http:", stream, length)


class _Records(ArchiveIterator):
    # warcio prints this warning (a record's length is off) to stderr itself; library code must
    # not print, and the damage shows as the next record failing to parse, reported as an error.
    INC_RECORD = ""

    def __init__(self, fh):
        super().__init__(fh)
        self.loader = _Loader(verify_http=False, arc2warc=False)  # as warcio sets it


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(
    path: Path, settings: Settings, *, start: int = 0, end: int | None = None,
) -> Iterator[RawDocument | ClaimgraphError]:
    """The documents of the records that start in bytes ``[start, end)``; ``start`` must be
    the start of a record."""
    name = str(path)
    try:
        fh = path.open("rb")
    except OSError as err:
        yield InputError(f"cannot read: {err.strerror or err}", name)
        return
    with fh:
        marker = _GZIP_MAGIC if fh.read(2) == _GZIP_MAGIC[:2] else _WARC_MAGIC
        quiet = False  # in a damaged stretch, only its first failure is reported
        at: int | None = start
        while at is not None:
            fh.seek(at)
            records = _Records(fh)
            # A record's document is held back until warcio has read past the record's end,
            # which is when a wrong Content-Length shows (as warcio's err_count).
            held: RawDocument | ClaimgraphError | None = None
            record = None
            offset = at
            past_end = False
            try:
                for record in records:
                    if records.err_count:
                        raise ArchiveLoadFailed(_BAD_LENGTH)
                    if end is not None and records.offset >= end:  # the next range's
                        past_end = True
                        break
                    if held is not None:
                        yield held
                        held = None
                    if record.format != "warc":  # warcio also parses ARC, and reads text as it
                        raise ArchiveLoadFailed(f"not a WARC record ({record.format} format)")
                    quiet = False
                    offset = records.offset
                    held = _document(record, offset, name, settings)
                if records.err_count:
                    raise ArchiveLoadFailed(_BAD_LENGTH)
            except Exception as err:  # noqa: BLE001  (any failure inside warcio is the record's)
                # A wrong length found as warcio left the last record: that record is the bad one.
                bad, reason = (offset, _BAD_LENGTH) if records.err_count else (
                    records.offset, _brief(err))
                if held is not None and not records.err_count:
                    yield held
                if not quiet:
                    yield InputError(
                        f"corrupt WARC record ({reason}); skipping to the next record",
                        f"{name} at byte {bad}",
                    )
                quiet = True
                at = _next_start(fh, bad + 1, marker)
                if at is not None and end is not None and at >= end:
                    at = None
                continue
            # warcio ends quietly at a record cut short: one whose announced length never came,
            # or bytes left over that no record could be read from.
            if past_end:
                if held is not None:
                    yield held
            elif record is not None and getattr(record.raw_stream, "limit", 0) > 0:
                yield InputError("truncated WARC record", f"{name} at byte {offset}")
            else:
                if held is not None:
                    yield held
                if _has_data(fh, records.offset):
                    yield InputError("truncated WARC record at the end of the archive",
                                     f"{name} at byte {records.offset}")
            at = None


def record_starts(path: Path, every: int) -> list[int]:
    """The offsets of the first record and of every ``every``-th response record after it:
    the starts of ranges of ``every`` responses. Only offsets followed by a clean record are
    given; after damage, the rest of the archive is one range (its reader reports the damage)."""
    starts = [0]
    responses = 0
    try:
        with path.open("rb") as fh:
            records = _Records(fh)
            for record in records:
                if records.err_count or record.format != "warc":
                    raise ArchiveLoadFailed(_BAD_LENGTH)
                if record.rec_type == "response":
                    if responses and responses % every == 0:
                        starts.append(records.offset)
                    responses += 1
            if records.err_count:
                raise ArchiveLoadFailed(_BAD_LENGTH)
    except Exception:  # noqa: BLE001  (damage of any kind ends the clean ranges)
        if len(starts) > 1:  # the record at the last start may be the damaged one
            starts.pop()
    return starts


def _document(
    record, offset: int, name: str, settings: Settings
) -> RawDocument | ClaimgraphError | None:
    """The RawDocument of an HTML response record, an error for one too large, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if not record.http_headers.get_statuscode().startswith("2"):
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    media = content_type.split(";", 1)[0].strip().lower()
    if media not in _HTML_TYPES:
        return None
    # WARC 1.0 writers differ on whether the URI is wrapped in angle brackets.
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ") or None
    source = uri or f"{name} at byte {offset}"
    try:
        data = read_capped(record.content_stream(), source, settings)
    except ClaimgraphError as err:
        return err
    return RawDocument(
        source=source, url=uri, data=data, content_type="html", encoding=charset(content_type),
        retrieved=_warc_date(record.rec_headers.get_header("WARC-Date")),
    )


def _next_start(fh: BinaryIO, pos: int, marker: bytes) -> int | None:
    """The offset of the next ``marker`` at or after ``pos``, or None at the end of the file."""
    fh.seek(pos)
    carry = b""
    base = pos
    while chunk := fh.read(_SCAN_CHUNK):
        window = carry + chunk
        found = window.find(marker)
        if found >= 0:
            return base - len(carry) + found
        carry = window[-(len(marker) - 1):]
        base += len(chunk)
    return None


def _has_data(fh: BinaryIO, pos: int) -> bool:
    fh.seek(pos)
    while chunk := fh.read(_SCAN_CHUNK):
        if chunk.strip():
            return True
    return False


def _brief(err: Exception) -> str:
    """The gist of a warcio error, without the raw bytes it quotes from the damaged record."""
    text = str(err).split(", first line", 1)[0].strip()
    text = " ".join(text.split())[:120]
    if not isinstance(err, (ArchiveLoadFailed, EOFError, OSError, ValueError)):
        text = f"{type(err).__name__}: {text}"
    return text or type(err).__name__


def _warc_date(value: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        log.debug("unreadable WARC-Date %r", value)
        return None
