"""Duplicates: exact copies (same normalized words) and near copies (MinHash LSH over word
5-shingles), within a run and against articles remembered from earlier runs.

A syndicated wire story printed by ten outlets is one source, not ten confirmations: later
copies are kept but marked ``duplicate_of`` the first. Anything with ``seen(article)`` (the
DuplicateMemory protocol) can remember articles: the in-memory or JSONL DuplicateIndex here, or
the store (claimgraph.store.Store), which records ``duplicate_of`` in the database.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Protocol

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from claimgraph.errors import StoreError
from claimgraph.model import Article

log = logging.getLogger(__name__)

SHINGLE = 5
NUM_PERM = 128
_SEED = 1
_SCHEME = "affine32"
# Identifies the index file format and the hashing it holds; an index made otherwise is refused.
_HEADER = {"claimgraph_dedup_index": 1, "shingle": SHINGLE, "num_perm": NUM_PERM,
           "seed": _SEED, "scheme": _SCHEME, "hash": "crc32"}
_WORD = re.compile(r"\w+")
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations


def exact_key(text: str) -> str:
    """A hash of the lower-cased words of ``text``: spacing, punctuation and case do not count."""
    return _key(_WORD.findall(text.lower()))


def fingerprint(text: str) -> tuple[str, LeanMinHash | None]:
    """The exact-copy key of ``text`` and the MinHash of its word 5-shingles (None when the
    text is too short to have one)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return _key(words), None
    shingles = {" ".join(words[i:i + SHINGLE]).encode("utf-8")
                for i in range(len(words) - SHINGLE + 1)}
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=_PERMUTATIONS,
                      scheme=_SCHEME, hashfunc=zlib.crc32)
    minhash.update_batch(list(shingles))
    return _key(words), LeanMinHash(minhash)


def _key(words: list[str]) -> str:
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).hexdigest()


class DuplicateMemory(Protocol):
    def seen(self, article: Article) -> str | None:
        """The source of an earlier copy of ``article``, or None after remembering it."""


class DuplicateIndex:
    """Articles seen so far; optionally remembered in a file across runs (append-only JSONL)."""

    def __init__(self, path: Path | None = None, threshold: float = 0.6):
        self.threshold = threshold
        self._exact: dict[str, int] = {}
        self._sources: list[str] = []
        self._loaded = 0  # entries before this key were remembered from earlier runs
        self._minhashes: dict[int, LeanMinHash] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._file: IO[str] | None = None
        if path is not None:
            self._open(Path(path))

    def __enter__(self) -> DuplicateIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def seen(self, article: Article) -> str | None:
        """The source of an earlier copy of ``article``, or None after remembering it as new.

        An article remembered from an earlier run under the same source is the same item
        read again, not a copy of itself.
        """
        exact, minhash = fingerprint(article.text)
        earlier = set()
        if exact in self._exact:
            earlier.add(self._exact[exact])
        elif minhash is not None:
            earlier = {key for key in self._lsh.query(minhash)
                       if self._minhashes[key].jaccard(minhash) >= self.threshold}
        earlier = {key for key in earlier
                   if key >= self._loaded or self._sources[key] != article.source}
        if earlier:
            return self._sources[min(earlier)]
        if exact in self._exact:  # re-read from an earlier run: already remembered
            return None
        self._remember(article.source, exact, minhash)
        if self._file is not None:
            hashes = None if minhash is None else base64.b64encode(
                minhash.hashvalues.astype("<u4").tobytes()).decode("ascii")
            self._file.write(json.dumps(
                {"source": article.source, "exact": exact, "minhash": hashes}) + "\n")
            self._file.flush()
        return None

    def _remember(self, source: str, exact: str, minhash: LeanMinHash | None) -> None:
        key = len(self._sources)
        self._sources.append(source)
        self._exact.setdefault(exact, key)
        if minhash is not None:
            self._minhashes[key] = minhash
            self._lsh.insert(key, minhash)

    def _open(self, path: Path) -> None:
        try:
            if path.exists() and path.stat().st_size:
                self._load(path)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(json.dumps(_HEADER) + "\n", encoding="utf-8")
            self._file = path.open("a", encoding="utf-8")
        except OSError as err:
            raise StoreError(f"cannot use the duplicate index: {err.strerror or err}", str(path))

    def _load(self, path: Path) -> None:
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, start=1):
                try:
                    entry = json.loads(line)
                    if lineno == 1:
                        if entry != _HEADER:
                            raise ValueError("made with other settings or not a duplicate index")
                        continue
                    minhash = None
                    if entry["minhash"] is not None:
                        values = np.frombuffer(base64.b64decode(entry["minhash"]), dtype="<u4")
                        minhash = LeanMinHash(seed=_SEED, hashvalues=values, scheme=_SCHEME)
                    self._remember(entry["source"], entry["exact"], minhash)
                except (ValueError, KeyError, TypeError) as err:
                    raise StoreError(
                        f"duplicate index is corrupt at line {lineno} ({err})", str(path)
                    ) from err
        self._loaded = len(self._sources)
        log.info("duplicate index %s: %d articles remembered", path, self._loaded)


def mark_duplicates(articles: Iterable[Article], index: DuplicateMemory) -> Iterator[Article]:
    """``articles`` in order, each copy of an earlier one marked with ``duplicate_of``."""
    for article in articles:
        first = index.seen(article)
        if first is not None:
            log.info("%s duplicates %s", article.source, first)
            yield article.model_copy(update={"duplicate_of": first})
        else:
            yield article
