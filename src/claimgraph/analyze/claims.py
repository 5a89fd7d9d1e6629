"""The ``claimgraph_claims`` component: the text split into atomic, clause-level claims.

Each claim is a stretch of one sentence inside at most one quote: the content of the innermost
quote that holds it, or the outlet's own text around quotes. The cue of a quote ("said") and
its speaker, when the speaker only serves that cue, are frame, not claim. Coordinated clauses
("A, and is prepared to B"; "200 were held, and another 50 were freed") are separate claims.

Who makes a claim:
- ``quote`` is the id of the quote the claim sits in; None when the outlet asserts it;
- ``source`` is the entity id of that quote's speaker. An anonymous speaker ("experts",
  "a source") or one that did not resolve to an entity has ``source`` None with ``quote`` set:
  the quote's ``speaker`` holds the words and the ``anonymous`` flag.
A quote whose speaker is not an agent but evidence ("footage suggests X": speaker resolved to
no entity, cue an evidential verb) or that has neither speaker nor quotation marks is not a
source: its words stay in the enclosing claim, so "suggests" hedges the claim of whoever
reported it.

Reads ``doc._.quotes`` and ``doc._.entities`` (empty lists are fine); writes ``doc._.claims``
and ``doc._.hedges``: the hedge cues no claim holds (in a question, a heading, a quote's frame,
or outweighed by a stronger status), so that every hedge found is in the output.
"""

from __future__ import annotations

import logging

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, POS, SENT_START
from spacy.language import Language
from spacy.strings import hash_string
from spacy.symbols import AUX, VERB, conj
from spacy.tokens import Doc, Span

from claimgraph.analyze.extensions import among, doc_text  # (registers the Doc attributes)
from claimgraph.analyze.speakers import line_breaks
from claimgraph.analyze.stance import (
    ContentCues, check_worthy, frame_cues, judge, stance_lexicon, worth_flags,
)
from claimgraph.model import Claim, Cue, Quote

log = logging.getLogger(__name__)

CLAUSE_POS = ("VERB", "AUX")
EDGE_POS = ("PUNCT", "SPACE", "CCONJ", "SYM")
TAIL_POS = (*EDGE_POS, "SCONJ", "ADP", "DET", "PART")
NOUN_MODIFIER = frozenset({"amod", "compound", "nmod"})  # "Breaking news" has no predicate
CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "aux", "auxpass"})
FRAME_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})  # before a cue verb, part of it
_CLAUSE_POS_IDS = np.array([VERB, AUX], dtype=np.uint64)
_SEMICOLON = hash_string(";")


@Language.factory("claimgraph_claims")
def make_claims(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent()


class ClaimsComponent:
    """Writes ``doc._.claims``; see the module docstring for what a claim is."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims, doc._.hedges = find_claims(doc)
        return doc


def tokens(doc: Doc, start: int, end: int) -> range:
    """Token indices covering characters ``start:end`` (empty when outside the text)."""
    # Doc.text is rebuilt on every access: take the length from the last token instead.
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    span = doc.char_span(max(0, start), min(end, length), alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def is_source(doc: Doc, quote: Quote) -> bool:
    """Whether ``quote`` attributes its content to someone (see the module docstring)."""
    speaker = quote.speaker
    if speaker is None:
        return quote.kind in ("direct", "mixed")
    if speaker.entity is not None or speaker.anonymous or quote.cue is None:
        return True
    cue = [doc[i] for i in tokens(doc, quote.cue.start, quote.cue.end)]
    return not any(t.lemma_.lower() in stance_lexicon().evidential for t in cue)


def _frames(doc: Doc, quotes: list[Quote]) -> tuple[list[int | None], bytearray]:
    """For each token: the innermost source quote whose content holds it, and whether it is
    frame (a source quote's cue, or its speaker when the speaker serves only that cue)."""
    owner: list[int | None] = [None] * len(doc)
    size = [float("inf")] * len(doc)
    frame = bytearray(len(doc))
    for n, quote in enumerate(quotes):
        if not is_source(doc, quote):
            continue
        pieces = [tokens(doc, p.start, p.end) for p in quote.content]
        length = sum(p.end - p.start for p in quote.content)
        for piece in pieces:
            for i in piece:
                if length < size[i]:
                    owner[i], size[i] = n, length
        cue = _cue_tokens(doc, quote)
        for i in cue:
            frame[i] = 1
        if quote.speaker is not None:
            speaker = tokens(doc, quote.speaker.start, quote.speaker.end)
            heads = {doc[i].head.i for i in speaker} - set(speaker)
            # "Smith said" (speaker under the cue), "experts noting" (cue under the speaker)
            if cue and (heads <= cue or {doc[i].head.i for i in cue} - cue <= set(speaker)):
                for i in speaker:
                    frame[i] = 1
    return owner, frame


def _cue_tokens(doc: Doc, quote: Quote) -> set[int]:
    """The tokens of a quote's cue with the auxiliaries, negation and adverbs before its verb
    ("has also said", "did not say"): all frame."""
    cue = tokens(doc, quote.cue.start, quote.cue.end) if quote.cue else range(0)
    if not cue:
        return set()
    first = cue.start
    while first > 0 and doc[first - 1].head.i == cue.start and doc[first - 1].dep_ in FRAME_DEPS:
        first -= 1
    return set(range(first, cue.stop))


def _breaks(doc: Doc) -> bytearray:
    """Tokens that open a new claim: sentences, paragraphs, semicolons, coordinated clauses
    (a conjunct verb with its own subject or auxiliary: "and is prepared to", "and another
    50 were"). Read from the Doc's arrays: a Token object only for the few that may be one."""
    columns = doc.to_array([SENT_START, ORTH, POS, DEP])
    starts = (columns[:, 0] == 1) | (columns[:, 1] == _SEMICOLON)
    if len(doc):
        starts[0] = True
    breaks = bytearray(starts.astype(np.uint8).tobytes())
    for i in line_breaks(doc):
        breaks[i] = 1
    for i in np.flatnonzero((columns[:, 3] == conj) & np.isin(columns[:, 2], _CLAUSE_POS_IDS)
                            ).tolist():
        tok = doc[i]
        if (tok.head.pos_ in CLAUSE_POS and tok.head.i < tok.left_edge.i
                and any(c.dep_ in CLAUSE_DEPS for c in tok.children)):
            breaks[tok.left_edge.i] = 1
    return breaks


def _edges(doc: Doc) -> tuple[list[bool], list[bool], list[bool], list[bool]]:
    """Per token, from the Doc's arrays: whether a claim may not start with it (punctuation,
    space, a conjunction, the "that" that only introduces the content; "if", "whether",
    "because" are part of it), may not end with it, is a predicate (a verb not modifying a
    noun: "Breaking news" has none), and is a "?"."""
    strings = doc.vocab.strings
    pos, dep, lower, space = doc.to_array([POS, DEP, LOWER, IS_SPACE]).T
    edge = among(doc, pos, EDGE_POS) | (space == 1)
    lead = edge | ((lower == strings["that"]) & (dep == strings["mark"]))
    tail = edge | among(doc, pos, TAIL_POS)
    clause = among(doc, pos, CLAUSE_POS) & ~among(doc, dep, NOUN_MODIFIER)
    return lead.tolist(), tail.tolist(), clause.tolist(), (lower == strings["?"]).tolist()


def segments(doc: Doc, owner: list[int | None], frame: bytearray) -> list[tuple[Span, int | None]]:
    """Maximal runs of non-frame tokens with one owner and no break, trimmed; verbless runs
    (headings, "last week") and questions (which ask, not claim) are not claims."""
    breaks = _breaks(doc)
    lead, tail, clause, question = _edges(doc)
    runs, start, size = [], None, len(doc)
    for i in range(size + 1):
        ends = i == size or frame[i] or breaks[i] or (
            start is not None and owner[i] != owner[start])
        if ends and start is not None:
            end = i
            while start < end and lead[start]:
                start += 1
            while end > start and tail[end - 1]:
                end -= 1
            if end - start >= 2 and any(clause[start:end]) and not any(question[end:end + 2]):
                runs.append((doc[start:end], owner[start]))
            start = None
        if i < size and not frame[i] and start is None:
            start = i
    return runs


def _named(doc: Doc) -> bytearray:
    named = bytearray(len(doc))
    for entity in doc._.entities:
        for mention in entity.mentions:
            for i in tokens(doc, mention.start, mention.end):
                named[i] = 1
    return named


def _cue_frame(doc: Doc, quote: Quote) -> dict[str, list[Cue]]:
    if quote.cue is None:
        return {}
    cue_tokens = tokens(doc, quote.cue.start, quote.cue.end)
    if not cue_tokens:
        return {}
    return frame_cues(doc[cue_tokens.start:cue_tokens.stop], stance_lexicon())


def find_claims(doc: Doc) -> tuple[list[Claim], list[Cue]]:
    """The claims of ``doc``, in text order, with ids ``c1``, ``c2``, ..., and the hedge cues
    found in ``doc`` that no claim's cues hold (so that every hedge reaches the output)."""
    quotes = list(doc._.quotes)
    owner, frame = _frames(doc, quotes)
    worthy = worth_flags(doc, _named(doc))
    content = ContentCues(doc)
    text = doc_text(doc)  # Span.text would build a Token per word of every claim
    claims = []
    frames: dict[int, dict[str, list[Cue]]] = {}  # what each quote's cue says, judged once
    for seg, n in segments(doc, owner, frame):
        quote = quotes[n] if n is not None else None
        if n is not None and n not in frames:
            frames[n] = _cue_frame(doc, quote)
        status, cues = judge(seg, frames.get(n, {}), quote is not None, content)
        claims.append(Claim(
            id=f"c{len(claims) + 1}",
            start=seg.start_char, end=seg.end_char, text=text[seg.start_char:seg.end_char],
            status=status,
            source=quote.speaker.entity if quote is not None and quote.speaker else None,
            quote=quote.id if quote is not None else None,
            cues=cues,
            check_worthy=check_worthy(seg, status, worthy),
        ))
    log.debug("%d claims in %d tokens", len(claims), len(doc))
    held = {(c.start, c.end) for claim in claims for c in claim.cues}
    return claims, [h for h in content.hedges if (h.start, h.end) not in held]
