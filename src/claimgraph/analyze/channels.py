"""Channels: "In an interview with CNN, Jane Doe said ..." makes CNN the `via` of Jane Doe's
statements from that sentence on; "Doe said, via USA Today, ..." makes USA Today the `via` of
the statement cued in that sentence; "CNN quoted a witness as saying ..." makes CNN the `via` of
the witness's statement."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.analyze.speakers import EntityIndex, quoting_verb
from claimgraph.model import Quote

_LINKS = {"with", "to", "on", "for"}


def apply_channels(channel_nouns: list[Token], quotes: list[Quote], index: EntityIndex) -> None:
    """Set ``via`` on the quotes of each speaker who is said to speak through a named outlet
    ("in an interview with X"); ``channel_nouns`` are the doc's nouns such as "interview"."""
    for token in channel_nouns:
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in _LINKS:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                outlets = [
                    i for i in index.within(obj.left_edge.idx, obj.idx + len(obj))
                    if index.by_id[i].type == "ORG"
                ]
                if outlets:
                    speaker = _speaker_after(obj.idx, token.sent.end_char, index)
                    if speaker is not None:
                        _set_via(quotes, speaker, index.by_id[outlets[-1]].name,
                                 token.sent.start_char)


def _speaker_after(offset: int, limit: int, index: EntityIndex) -> str | None:
    """The first person named after the outlet in the same sentence: the one interviewed."""
    for entity_id in index.within(offset + 1, limit):
        if index.by_id[entity_id].type == "PERSON":
            return entity_id
    return None


def _set_via(quotes: list[Quote], speaker: str, via: str, since: int) -> None:
    for quote in quotes:
        if quote.via is None and quote.speaker is not None and quote.speaker.entity == speaker \
                and quote.content and quote.content[0].start >= since:
            quote.via = via


def apply_via(vias: list[Token], quotes: list[Quote], index: EntityIndex) -> None:
    """Set ``via`` on the quotes cued in the sentence of each "via X" ("Doe said, via USA
    Today, ...", '"...," Doe said, via Jo Roe of the Post'): X's name when it is a named outlet
    or person, else nothing (a "via" of a road or a device is no channel)."""
    for token in vias:
        obj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        named = [i for i in index.within(obj.left_edge.idx, obj.idx + len(obj))
                 if index.by_id[i].type in ("ORG", "PERSON")]
        if not named:
            continue
        sent = token.sent
        for quote in quotes:
            if quote.via is None and quote.cue is not None and \
                    sent.start_char <= quote.cue.start < sent.end_char:
                quote.via = index.by_id[named[0]].name


def apply_quoting(doc: Doc, quotes: list[Quote], index: EntityIndex) -> None:
    """Set ``via`` on each statement cued by "X quoted Y as saying" (or by its "saying") to the
    name of X when X is a named outlet or person and Y is not X."""
    for quote in quotes:
        if quote.via is not None or quote.cue is None or quote.speaker is None or \
                not quote.cue.text.lower().startswith(("quot", "saying")):
            continue
        cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        verb = None if cue is None else quoting_verb(cue.root)
        for subject in (c for c in verb.children if c.dep_ == "nsubj") if verb is not None else ():
            named = [i for i in index.within(subject.left_edge.idx, subject.idx + len(subject))
                     if index.by_id[i].type in ("ORG", "PERSON") and i != quote.speaker.entity]
            if named:
                quote.via = index.by_id[named[-1]].name
