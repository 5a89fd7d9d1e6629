"""The title and the dek analyzed with the body, in one parse.

They are put before the body, each on its own paragraph, so that what they say is found (a
dek's "Ex-diplomat says ...") and their names join the body's entities; afterwards every span
is moved into the field it lies in, with ``field`` "title", "dek" or "text" (the body) and
offsets into that field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from claimgraph.model import (
    Analysis, Article, Claim, Mention, Quantity, Quote, Span, TextField, TimeExpression,
)

SEPARATOR = "\n\n"
_NOT_ALNUM = re.compile(r"[\W_]+")  # all but letters and digits, as str.isalnum has them
R = TypeVar("R", Span, Mention, Claim, Quantity, TimeExpression)


@dataclass(frozen=True)
class Layout:
    """The analyzed text and each field's (name, start, end) in it."""

    text: str
    fields: tuple[tuple[TextField, int, int], ...]

    @classmethod
    def of(cls, article: Article) -> Layout:
        """The title and dek (when present and not already opening the body), then the body."""
        given = [(name, value) for name, value in (("title", article.title), ("dek", article.dek))
                 if value and value.strip()]
        body = _skeleton(article.text) if given else ""
        parts: list[tuple[TextField, str]] = [
            (name, value) for name, value in given if not _opens(body, value)]
        text, fields = "", []
        for name, value in parts:
            fields.append((name, len(text), len(text) + len(value)))
            text += value + SEPARATOR
        fields.append(("text", len(text), len(text) + len(article.text)))
        return cls(text + article.text, tuple(fields))

    def place(self, record: R) -> R:
        """``record``, whose offsets index the analyzed text, moved into its field."""
        if len(self.fields) == 1:
            return record
        name, low, high = next(f for f in self.fields if record.start < f[2] or f[0] == "text")
        start, end = max(record.start, low), max(min(record.end, high), low)
        update = {"start": start - low, "end": end - low, "field": name}
        if hasattr(record, "text"):  # clipped to its field, should it run past it
            update["text"] = record.text[start - record.start: end - record.start]
        return record.model_copy(update=update)

    def apply(self, analysis: Analysis) -> Analysis:
        """``analysis`` with every span moved into its field."""
        if len(self.fields) == 1:
            return analysis
        put = self.place

        def quote(q: Quote) -> Quote:
            return q.model_copy(update={
                "speaker": put(q.speaker) if q.speaker else None,
                "cue": put(q.cue) if q.cue else None,
                "content": [put(p) for p in q.content],
            })

        return analysis.model_copy(update={
            "entities": [e.model_copy(update={"mentions": [put(m) for m in e.mentions]})
                         for e in analysis.entities],
            "quotes": _headline_channels([quote(q) for q in analysis.quotes]),
            "claims": [put(c).model_copy(update={"cues": [put(x) for x in c.cues]})
                       for c in analysis.claims],
            "quantities": [put(q) for q in analysis.quantities],
            "times": [put(t) for t in analysis.times],
            "hedges": [put(h) for h in analysis.hedges],
        })


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


def _opens(body: str, value: str) -> bool:
    """Whether the field ``value`` is the opening of the body (``body`` its skeleton), however
    its spaces, dashes and quotation marks differ and even cut short ("..."): a page's
    description is often its first paragraphs, whose statements would be reported twice."""
    words = _skeleton(value)
    return bool(words) and body.startswith(words)


def _skeleton(text: str) -> str:
    """The letters and digits of ``text``, in lower case."""
    return _NOT_ALNUM.sub("", text.lower())
