"""Channels: "During an interview with Radio Free Asia, Tae ..." makes Radio Free Asia the `via`
of Tae's statements from that sentence on."""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.analyze.speakers import EntityIndex
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
