"""The seed's claims as the analyst sheet lists them: status, source and the deciding cue.

Expectations are copied from the seed's analyst sheet (spec/seed-expected.json, "claims");
they name this article's people and phrases only as expected output. A source that is no
entity ("intelligence agencies") is an anonymous speaker: the claim has ``source`` None and
its quote's speaker holds the words.
"""

import pytest

EXPECTED = [
    ("3,000 North Korean troops were already in Russia", "confirmed", "Lloyd Austin", None),
    ("North Korea is sending soldiers in their teens and early 20s", "hedged",
     "Wall Street Journal", "suggests"),
    ("the soldiers appear to be short", "hedged", ..., "appear"),
    ("they are really North Korean soldiers", "confirmed", "intelligence agencies", None),
    ("current North Korean diplomats may be reacting", "speculative", ..., "speculation"),
    ("they were likely surprised and possibly angry", "hedged", "Tae Yong Ho", None),
    ("over 200 North Korean soldiers who defected to South Korea", "attributed",
     "South China Morning Post", None),
    ("North Korea is not preparing to send its most elite", "asserted", None, None),
]
ANONYMOUS = {"intelligence agencies"}


def _claim(seed, part):
    found = [c for c in seed.claims if part in c.text]
    assert len(found) == 1, f"expected one claim containing {part!r}; got {len(found)}"
    return found[0]


@pytest.mark.parametrize("part, status, source, cue", EXPECTED)
def test_seed_claim_status_source_and_cue(seed, part, status, source, cue):
    claim = _claim(seed, part)
    assert getattr(seed, claim.field)[claim.start:claim.end] == claim.text
    assert claim.status == status
    if cue is not None:
        assert cue in [c.text for c in claim.cues]
    if source is ...:
        return
    if source is None:
        assert claim.source is None and claim.quote is None
    elif source in ANONYMOUS:
        quote = next(q for q in seed.quotes if q.id == claim.quote)
        assert claim.source is None
        assert quote.speaker is not None and quote.speaker.anonymous
        assert source in quote.speaker.text
    else:
        names = {e.id: e.name for e in seed.entities}
        assert names.get(claim.source) == source


def test_every_status_has_the_cues_that_decided_it(seed):
    for claim in seed.claims:
        if claim.status != "asserted" and claim.quote is None:
            assert claim.cues, f"{claim.status} claim without cues: {claim.text!r}"
        for cue in claim.cues:
            assert getattr(seed, cue.field)[cue.start:cue.end] == cue.text


def test_the_confirmed_count_is_check_worthy_and_the_speculation_is_not(seed):
    assert _claim(seed, "3,000 North Korean troops were already in Russia").check_worthy
    assert not _claim(seed, "current North Korean diplomats may be reacting").check_worthy
