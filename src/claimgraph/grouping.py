"""Records grouped the way people read them: statements under their speaker, claims under their
status. One grouping for every view (the terminal report, the web pages)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from claimgraph.model import Analysis, Claim, Entity, Quote

STATUS_ORDER = ["confirmed", "denied", "attributed", "hedged", "speculative", "opinion", "asserted"]
NO_SPEAKER = "(speaker not found)"
OUTLET = "the outlet"


@dataclass(frozen=True)
class SpeakerGroup:
    """The statements of one speaker: a resolved entity, or the words naming an unresolved one."""

    name: str
    entity: Entity | None
    anonymous: bool
    via: str | None  # the channel, when every statement came through the same one
    quotes: list[Quote]


@dataclass(frozen=True)
class SourcedClaim:
    claim: Claim
    source: str  # the source's name, the speaker's words when unresolved, or the outlet


def speaker_groups(analysis: Analysis) -> list[SpeakerGroup]:
    """Statements grouped by speaker, the most quoted first (ties in order of appearance)."""
    entities = {e.id: e for e in analysis.entities}
    groups: dict[str, list[Quote]] = defaultdict(list)
    for quote in analysis.quotes:
        groups[_speaker_name(quote, entities)].append(quote)
    result = []
    for name, quotes in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        speaker = quotes[0].speaker
        channels = {quote.via for quote in quotes}
        result.append(SpeakerGroup(
            name=name,
            entity=entities.get(speaker.entity) if speaker and speaker.entity else None,
            anonymous=bool(speaker and speaker.anonymous),
            via=channels.pop() if len(channels) == 1 else None,
            quotes=quotes,
        ))
    return result


def claims_by_status(analysis: Analysis) -> list[tuple[str, list[SourcedClaim]]]:
    """Claims under each status that has any, in STATUS_ORDER, each with who stands behind it."""
    names = {e.id: e.name for e in analysis.entities}
    speakers = {q.id: q.speaker for q in analysis.quotes}
    by_status: dict[str, list[SourcedClaim]] = defaultdict(list)
    for claim in analysis.claims:
        speaker = speakers.get(claim.quote) if claim.quote else None
        source = (names.get(claim.source) if claim.source else None) or (
            speaker.text if speaker else OUTLET)
        by_status[claim.status].append(SourcedClaim(claim, source))
    return [(status, by_status[status]) for status in STATUS_ORDER if status in by_status]


def _speaker_name(quote: Quote, entities: dict[str, Entity]) -> str:
    if quote.speaker is None:
        return NO_SPEAKER
    entity = entities.get(quote.speaker.entity)
    return entity.name if entity else quote.speaker.text
