"""The attribution cue lexicon: verbs and nouns that report speech, writing, thought or findings.

A small hand-written core makes the component work on its own; when the package ships
``data/cue_lexicon.json`` (learned from PolNeAR train by ``scripts/learn_cues.py``), the verbs
and nouns annotated as cues often enough there are added. The file is read once per component.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from claimgraph.analyze.extensions import word_ids

log = logging.getLogger(__name__)

LEARNED_PATH = Path(__file__).resolve().parent / "data" / "cue_lexicon.json"

# Verbs of saying, writing, believing and finding that take what is said as a complement.
CORE_VERBS = frozenset("""
    say tell note stress add confirm deny warn claim insist argue assure urge believe report learn
    explain announce state write tweet post suggest acknowledge admit declare reply respond ask
    predict estimate think reveal indicate maintain contend emphasize emphasise recall conclude
    agree complain allege observe remark testify promise vow caution concede reiterate mention
    speculate hope fear feel worry charge assert affirm answer counter disclose hint imply inform
    joke lament point propose question recount reckon recommend repeat retort signal demand
    pledge boast concur threaten underline underscore highlight detail describe blog show find
    speak talk comment beg implore
""".split())
# Verbs whose direct object or infinitive is itself the reported content ("called for a
# ban", "described him as unfit", "vowed to fight"), not just a participant.
OBJECT_VERBS = frozenset("""
    describe call cite criticize criticise accuse praise promise pledge vow propose announce
    mention question deny endorse support attack condemn blast slam reject defend urge demand
    predict recommend warn reveal want plan hope seek threaten refuse decline agree applaud
    dismiss label blame credit tout welcome oppose back mock ridicule challenge dispute highlight
    emphasize stress acknowledge admit confirm complain point beg implore
""".split())
# Verbs that state a view only through "X as Y" ("sees the deal as a mistake", "cast her rival
# as weak"); alone they are not cues ("saw the film").
REGARD_VERBS = frozenset("""
    see view regard consider portray cast paint characterize characterise depict frame perceive
    brand label describe dismiss hail tout
""".split())
# Nouns that report what their "that" clause says ("his claim that ...").
CORE_NOUNS = frozenset("""
    claim assertion allegation accusation warning suggestion complaint statement argument
    insistence admission announcement prediction promise pledge belief view
""".split())
# Nouns naming the channel a statement came through ("in an interview with X").
CHANNEL_NOUNS = frozenset("""
    interview statement speech appearance broadcast podcast briefing conversation post tweet
    op-ed column letter conference address remarks video message email memo call hearing paper
    filing
""".split())
# Platforms people post on ("posted on Twitter accusing X ...": the poster accuses).
PLATFORMS = frozenset("""
    twitter facebook instagram youtube tiktok linkedin reddit tumblr snapchat telegram weibo
    wechat whatsapp threads
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
    object_verbs: frozenset[str]
    nouns: frozenset[str] = CORE_NOUNS
    regard_verbs: frozenset[str] = REGARD_VERBS
    # Learned "verb preposition" cues whose object is what is reported ("rail against").
    phrases: frozenset[tuple[str, str]] = frozenset()

    @cached_property
    def verb_ids(self) -> np.ndarray:
        """spaCy's hashes of the cue lemmas, the regard verbs and the phrases' verbs, to find
        candidate cues in a Doc array in one step."""
        return word_ids(self.verbs | self.regard_verbs | {verb for verb, _ in self.phrases})

    @cached_property
    def noun_ids(self) -> np.ndarray:
        return word_ids(self.nouns)

    def is_cue_verb(self, lemma: str) -> bool:
        return lemma.lower() in self.verbs

    def takes_object_content(self, lemma: str) -> bool:
        return lemma.lower() in self.object_verbs

    def regards(self, lemma: str) -> bool:
        return lemma.lower() in self.regard_verbs

    def reports_through(self, lemma: str, preposition: str) -> bool:
        return (lemma.lower(), preposition.lower()) in self.phrases


def load_lexicon(path: Path = LEARNED_PATH, min_precision: float = 0.25, min_count: int = 3,
                 object_precision: float = 0.4, noun_precision: float = 0.15) -> CueLexicon:
    """The core verbs plus the learned ones that are cues at least ``min_precision`` of the
    time; learned verbs above ``object_precision`` may also report through their object, and
    learned nouns above ``noun_precision`` through a "that" clause ("the claim that ...").

    The thresholds were chosen on PolNeAR dev, where cue F1 is flat between 0.2 and 0.3 and
    between 0.3 and 0.5 respectively: a clause complement is required of the weaker verbs.
    """
    verbs, object_verbs = set(CORE_VERBS | OBJECT_VERBS), set(OBJECT_VERBS)
    nouns = set(CORE_NOUNS)
    phrases: set[tuple[str, ...]] = set()
    if path.exists():
        try:
            learned = json.loads(path.read_text(encoding="utf-8"))
            for lemma, stats in learned.get("verbs", {}).items():
                if stats.get("count", 0) < min_count:
                    continue
                if stats.get("precision", 0) >= min_precision:
                    verbs.add(lemma.lower())
                if stats.get("precision", 0) >= object_precision:
                    object_verbs.add(lemma.lower())
            phrases = {
                tuple(phrase.split()) for phrase, stats in learned.get("phrases", {}).items()
                if len(phrase.split()) == 2 and stats.get("count", 0) >= min_count
                and stats.get("precision", 0) >= object_precision
            }
            nouns |= {
                lemma.lower() for lemma, stats in learned.get("nouns", {}).items()
                if stats.get("count", 0) >= min_count and stats.get("precision", 0) >= noun_precision
            }
        except (OSError, ValueError, AttributeError) as err:
            log.warning("ignoring unreadable cue lexicon %s: %s", path, err)
    return CueLexicon(frozenset(verbs), frozenset(object_verbs), frozenset(nouns),
                      phrases=frozenset(phrases))
