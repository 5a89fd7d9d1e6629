"""Stable identity: the key an article keeps across re-ingestion, and the MinHash bands that
find its near-copies in the store."""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

from typing import TYPE_CHECKING

import numpy as np

from claimgraph.model import Article

if TYPE_CHECKING:
    from datasketch import LeanMinHash

# 32 bands of 4 rows: a pair at Jaccard 0.6 shares a band with probability 0.99, at 0.45 with
# 0.73, at 0.2 with 0.05. Fixed, so that stored bands stay valid whatever threshold is set;
# candidates are then checked against the threshold itself.
BANDS, ROWS = 32, 4  # of claimgraph.ingest.dedup's 128 permutations
_LONGEST_URL_KEY = 1000


def canonical_url(url: str) -> str:
    """``url`` without its fragment, with scheme and host lower-cased."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       parts.query, ""))


def article_key(article: Article) -> str:
    """The article's canonical URL when it has one, else ``text:`` and a hash of its
    normalized words (so the same text read from anywhere is the same article)."""
    if article.url and urlsplit(article.url).scheme in ("http", "https"):
        url = canonical_url(article.url)
        if len(url) <= _LONGEST_URL_KEY:
            return url
        return "url:" + hashlib.blake2b(url.encode("utf-8"), digest_size=16).hexdigest()
    return "text:" + text_key(article.text)


def text_key(text: str) -> str:
    """The exact-copy key of ``text`` (its normalized words)."""
    # Imported here: claimgraph.ingest.dedup loads datasketch and scipy (seconds), which
    # commands that only read the store do without.
    from claimgraph.ingest.dedup import exact_key

    return exact_key(text)


def minhash_of(text: str) -> LeanMinHash | None:
    """The MinHash of ``text``'s word 5-shingles (None for a text too short to have one)."""
    from claimgraph.ingest.dedup import fingerprint

    return fingerprint(text)[1]


def band_hashes(minhash: LeanMinHash) -> list[int]:
    """One signed 64-bit hash per band of ``minhash``."""
    values = minhash.hashvalues.astype("<u4")
    return [int.from_bytes(hashlib.blake2b(values[i * ROWS:(i + 1) * ROWS].tobytes(),
                                           digest_size=8).digest(), "little", signed=True)
            for i in range(BANDS)]


def minhash_bytes(minhash: LeanMinHash) -> bytes:
    return minhash.hashvalues.astype("<u4").tobytes()


def similarity(minhash: LeanMinHash, stored: bytes) -> float:
    """Estimated Jaccard similarity of ``minhash`` and a stored one."""
    return float(np.mean(minhash.hashvalues.astype("<u4") == np.frombuffer(stored, dtype="<u4")))
