"""The attribution cue lexicon: verbs that report speech, writing, thought or findings.

A small hand-written core makes the component work on its own; when the package ships
``data/cue_lexicon.json`` (learned from PolNeAR train by ``scripts/learn_cues.py``), its verbs
whose occurrences are mostly annotated cues are added. The file is read once per component.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

LEARNED_PATH = Path(__file__).resolve().parent / "data" / "cue_lexicon.json"

# Verbs of saying, writing, believing and finding that take what is said as a complement.
CORE_VERBS = frozenset("""
    say tell note stress add confirm deny warn claim insist argue assure urge believe report learn
    explain announce state write tweet post suggest acknowledge admit declare reply respond ask
    predict estimate think reveal indicate maintain contend emphasize emphasise recall conclude
    agree complain allege observe remark testify promise vow caution concede reiterate mention
    speculate hope fear feel know worry charge assert affirm acknowledge answer continue counter
    disclose divulge estimate find show hint imply inform joke lament point propose question
    recount reason recommend reckon report repeat retort reveal signal demand predict pledge
    boast brag concede concur announce warn threaten acknowledge underline underscore highlight
    detail describe explain blog testify tell
""".split())
# "according to X", "X said in a statement", "per X": the preposition and its word.
ACCORDING = ("according", "to")
# Nouns naming the channel a statement came through ("in an interview with X").
CHANNEL_NOUNS = frozenset("""
    interview statement speech appearance broadcast podcast briefing conversation post tweet
    op-ed column letter conference address remarks video message email call hearing
""".split())
# Heads of unnamed-source phrases ("officials said", "a source familiar with").
ANONYMOUS_NOUNS = frozenset("""
    source official expert analyst observer agency aide insider authority diplomat person people
    spokesperson spokesman spokeswoman critic resident witness researcher scientist economist
    investigator officer adviser advisor staffer member lawmaker activist report poll survey
    study data document memo intelligence
""".split())


@dataclass(frozen=True)
class CueLexicon:
    verbs: frozenset[str]

    def is_cue_verb(self, lemma: str) -> bool:
        return lemma.lower() in self.verbs


def load_lexicon(path: Path = LEARNED_PATH, min_precision: float = 0.3,
                 min_count: int = 3) -> CueLexicon:
    """The core verbs plus the learned ones that are cues at least ``min_precision`` of the time."""
    verbs = set(CORE_VERBS)
    if path.exists():
        try:
            learned = json.loads(path.read_text(encoding="utf-8")).get("verbs", {})
            verbs |= {
                lemma.lower() for lemma, stats in learned.items()
                if stats.get("count", 0) >= min_count and stats.get("precision", 0) >= min_precision
            }
        except (OSError, ValueError, AttributeError) as err:
            log.warning("ignoring unreadable cue lexicon %s: %s", path, err)
    return CueLexicon(frozenset(verbs))
