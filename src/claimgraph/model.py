"""The output contract: every record claimgraph produces, shows, stores or exports.

Spans are ``(start, end)`` character offsets (Python string indices, end exclusive) into
``Article.text``, or into ``Article.title`` or ``Article.dek`` when their ``field`` says so (the
title and dek are analyzed too: "Ex-diplomat says ..." under a headline is a quote). Stages talk to each other only through these records; spaCy objects never
leave ``claimgraph.analyze``. ``claimgraph schema`` prints the JSON Schema of :class:`Analysis`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

EntityType = Literal["PERSON", "ORG", "GPE", "NORP", "LOC", "OTHER"]
QuoteKind = Literal["direct", "mixed", "indirect", "according_to"]
ClaimStatus = Literal[
    "asserted", "attributed", "confirmed", "denied", "hedged", "speculative", "opinion"
]
Granularity = Literal["day", "week", "month", "year"]
# What kind of act a quote reports: said or written, believed, intended, or shown by evidence.
QuoteAct = Literal["speech", "thought", "intention", "evidence"]
QUOTE_ACTS: tuple[QuoteAct, ...] = ("speech", "thought", "intention", "evidence")
# The article field a span's offsets index.
TextField = Literal["text", "title", "dek"]
FIELD_DOC = "Which article field the offsets index: 'text' (the body), 'title' or 'dek'."


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """A stretch of an article field; ``text`` is always ``Article.<field>[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    field: TextField = Field(default="text", description=FIELD_DOC)


class Mention(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    field: TextField = Field(default="text", description=FIELD_DOC)


class RawDocument(Record):
    """Bytes as they came from a source, before extraction."""

    source: str = Field(description="Path or URL the bytes came from.")
    data: bytes
    url: str | None = None
    content_type: str | None = Field(
        default=None, description="'html' or 'text' when known; None lets extraction sniff."
    )
    encoding: str | None = Field(
        default=None,
        description="Character encoding declared by the transport (the HTTP charset), tried "
        "before a charset the page declares and before detection.",
    )
    title: str | None = None
    outlet: str | None = Field(default=None, description="Publisher the source declares.")
    published: dt.date | None = None
    retrieved: dt.datetime | None = Field(
        default=None, description="When the bytes were fetched or archived (e.g. WARC-Date)."
    )


class Post(Record):
    """A social-media post embedded in an article, kept apart from the article's own text."""

    platform: str
    author: str | None = None
    handle: str | None = Field(default=None, description="Without the leading '@'.")
    date: dt.date | None = None
    text: str
    links: list[str] = []
    url: str | None = None


class Article(Record):
    """The extraction stage's output: clean text and what was separated from it."""

    schema_version: int = SCHEMA_VERSION
    source: str
    title: str | None = None
    kicker: str | None = Field(default=None, description="Label before the title, e.g. 'WATCH'.")
    dek: str | None = Field(default=None, description="Standfirst or subheading under the title.")
    byline: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = Field(
        default=None,
        description="ISO 639-1 code of the language the text is written in, told from the text "
        "(the page's declared language when the text does not tell, e.g. a list of names); "
        "None when neither tells. The analysis reads English (and None) only: see 'warnings'.",
    )
    published: dt.date | None = None
    published_inferred: bool = Field(
        default=False,
        description="True when 'published' is a lower bound inferred from dated content "
        "(e.g. the newest embedded post) rather than the page's own metadata.",
    )
    text: str
    boilerplate: list[str] = Field(default=[], description="Removed lines, kept for audit.")
    posts: list[Post] = []
    retrieved: dt.datetime | None = Field(
        default=None, description="When the page was fetched or archived (e.g. WARC-Date)."
    )
    duplicate_of: str | None = Field(
        default=None,
        description="Source of the first copy when this article repeats (exactly or nearly) "
        "one seen before, e.g. a syndicated wire story: not independent confirmation.",
    )


class Entity(Record):
    id: str
    name: str = Field(description="Canonical name, e.g. 'Lloyd Austin'.")
    type: EntityType
    aliases: list[str] = []
    roles: list[str] = []
    mentions: list[Mention] = []


class Speaker(Span):
    """The speaker mention as written nearest the cue, and the entity it resolves to."""

    entity: str | None = Field(default=None, description="Id of the resolved entity.")
    anonymous: bool = Field(default=False, description="'experts', 'a source', 'officials'.")


class Quote(Record):
    id: str
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: Span | None = Field(
        default=None,
        description="The verb, noun or mark that attributes it. None for a quotation that goes "
        "on after its frame has ended the sentence ('\"A,\" she said. \"B.\"': B) or in a later "
        "paragraph, which keeps the speaker of the quote before it.",
    )
    content: list[Span] = Field(default=[], description="What is said; one or more pieces.")
    via: str | None = Field(default=None, description="Channel, e.g. 'Radio Free Asia'.")
    nested_in: str | None = Field(default=None, description="Id of the enclosing quote.")
    act: QuoteAct = Field(
        default="speech",
        description="What the cue reports: speech (said, wrote, a statement), thought "
        "(believes, fears), intention (wants, plans) or evidence (a report found, data shows).",
    )
    negated: bool = Field(
        default=False,
        description="The report is negated: the speaker did not say, does not believe or does "
        "not want the content ('did not say', 'never claimed', 'no official confirmed').",
    )


class Cue(Span):
    type: str | None = Field(
        default=None,
        description="For hedges: epistemic, doxastic, conditional or investigation; "
        "otherwise the kind of cue (e.g. 'confirm', 'deny', 'negated', 'opinion').",
    )


class Claim(Record):
    id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    field: TextField = Field(default="text", description=FIELD_DOC)
    status: ClaimStatus
    source: str | None = Field(
        default=None, description="Entity id of who makes the claim; None = the outlet itself."
    )
    quote: str | None = Field(default=None, description="Id of the quote the claim sits in.")
    cues: list[Cue] = []
    check_worthy: bool = False


class Quantity(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    field: TextField = Field(default="text", description=FIELD_DOC)
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    vague: bool = False
    unit: str | None = None
    claim: str | None = None


class TimeExpression(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    field: TextField = Field(default="text", description=FIELD_DOC)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    granularity: Granularity | None = None
    resolved: bool = False
    reason: str | None = Field(default=None, description="Why it could not be resolved.")


class Analysis(Article):
    """One analyzed article: the Article plus everything found in its text."""

    entities: list[Entity] = []
    quotes: list[Quote] = []
    claims: list[Claim] = []
    quantities: list[Quantity] = []
    times: list[TimeExpression] = []
    hedges: list[Cue] = Field(
        default=[],
        description="Hedge cues (typed epistemic, doxastic, conditional or investigation) that "
        "no claim's cues hold: in a question, a heading, a quote's frame, or outweighed by a "
        "stronger status. With the claims' own cues, every hedge found is in the output.",
    )
    warnings: list[str] = Field(
        default=[],
        description="What limits this analysis, for a reader. A text in a language the rules do "
        "not read (they are written for English) is not analyzed and says so here: its "
        "entities, quotes, claims, quantities, times and hedges are empty because they were "
        "not looked for. With the any_language setting it is analyzed anyway, and a warning "
        "says that the English rules were applied to it.",
    )


def span(text: str, start: int, end: int) -> Span:
    """The Span of ``text[start:end]``."""
    return Span(start=start, end=end, text=text[start:end])
