"""The Doc attributes our components read and write, registered in one place.

Each holds records from ``claimgraph.model`` with character offsets into ``doc.text``, so a
spaCy user gets the same records the CLI prints. Components assign fresh lists; the defaults
are never mutated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import TypeVar

import numpy as np
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

T = TypeVar("T")

DOC_ATTRIBUTES = {
    "published": None,  # datetime.date the article was (or is inferred to be) published
    "entities": (),  # list[model.Entity]
    "quotes": (),  # list[model.Quote]
    "claims": (),  # list[model.Claim]
    "hedges": (),  # list[model.Cue]: hedge cues that no claim holds
    "quantities": (),  # list[model.Quantity]
    "times": (),  # list[model.TimeExpression]
}


def per_doc(doc: Doc, name: str, build: Callable[[], T]) -> T:
    """``build()`` once per Doc (kept in its user data under ``name``), for what several rules
    or components read of the same text."""
    key = ("claimgraph", name)
    cached = doc.user_data.get(key)
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data[key] = (len(doc), build())
    return cached[1]


def per_token(token: Token, name: str, build: Callable[[], T]) -> T:
    """``build()`` once per token of a Doc (kept with ``per_doc`` under ``name``), for what
    several rules ask of the same token; ``build`` must not return a spaCy object, which the
    Doc's user data cannot hold."""
    known = per_doc(token.doc, name, dict)
    if token.i not in known:
        known[token.i] = build()
    return known[token.i]


@cache
def word_ids(words: frozenset[str]) -> np.ndarray:
    """The hashes of ``words``, to find them among a Doc's token attributes (``Doc.to_array``
    of LOWER, LEMMA, ...) with array operations instead of a Python pass over every token."""
    return np.array(sorted(hash_string(w) for w in words), dtype=np.uint64)


def among(doc: Doc, column: np.ndarray, labels: Iterable[str]) -> np.ndarray:
    """Where ``column``, one of ``doc``'s arrays (POS, DEP, TAG, LOWER, ENT_TYPE ...), holds one
    of ``labels``: the string store gives a symbol's id ("VERB", "nsubj"), a word's hash."""
    strings = doc.vocab.strings
    return np.isin(column, np.array([strings[label] for label in labels], dtype=np.uint64))


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per Doc: spaCy joins every token anew on each access."""
    return per_doc(doc, "text", lambda: doc.text)


def made_from(doc: Doc, text: str) -> Doc:
    """``doc``, with ``text``, the string it was made from, kept as its ``doc_text``."""
    per_doc(doc, "text", lambda: text)
    return doc


def register() -> None:
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
