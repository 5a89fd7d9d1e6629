"""The golden test: what a careful analyst extracts from examples/seed.txt.

Expectations are copied from the seed's analyst sheet; they name people and phrases of this
article only as expected output, never as inputs to the code.
"""

import pytest


def test_title_kicker_and_dek_are_separated(seed):
    assert seed.kicker == "WATCH"
    assert seed.title == "Reports surfacing of North Korea sending teens to Russia’s front lines"
    assert seed.dek == "Ex-diplomat says Kim Jong Un trying to be a big player in world politics"
    assert not seed.text.startswith(("WATCH", "Reports surfacing", "Ex-diplomat"))


def _entity(seed, name):
    found = [e for e in seed.entities if e.name == name]
    assert found, f"no entity named {name!r}; got {[e.name for e in seed.entities]}"
    return found[0]


@pytest.mark.parametrize(
    "name, type_, aliases",
    [("Lloyd Austin", "PERSON", ["Austin"]), ("Tae Yong Ho", "PERSON", ["Tae"])],
)
def test_people_are_entities_with_their_short_names(seed, name, type_, aliases):
    entity = _entity(seed, name)
    assert entity.type == type_
    assert set(aliases) <= set(entity.aliases)
    mentioned = {seed.text[m.start:m.end] for m in entity.mentions}
    assert {name, *aliases} <= mentioned


DIRECT_QUOTES = [
    ("Lloyd Austin", "I am increasingly concerned that the Kremlin"),
    ("Lloyd Austin", "This includes conventional missile defense"),
    ("Tae Yong Ho", "When I first saw that video file"),
    ("Tae Yong Ho", "They look very much malnourished"),  # no cue: continues the previous speaker
    ("Tae Yong Ho", "So North Korea is desperate"),
    ("Tae Yong Ho", "They were sent to Ukraine"),
    ("Tae Yong Ho", "North Korea is a dictatorship country"),
]


@pytest.mark.parametrize("speaker, starts", DIRECT_QUOTES)
def test_direct_quotes_have_their_resolved_speaker(seed, speaker, starts):
    names = {e.id: e.name for e in seed.entities}
    matches = [
        q for q in seed.quotes
        if q.kind == "direct" and q.content and q.content[0].text.startswith(starts)
    ]
    assert len(matches) == 1, f"expected one direct quote starting {starts!r}"
    quote = matches[0]
    assert quote.speaker is not None and names.get(quote.speaker.entity) == speaker
    for piece in quote.content:
        assert seed.text[piece.start:piece.end] == piece.text
        assert not piece.text.startswith(("“", '"')) and not piece.text.endswith(("”", '"'))
