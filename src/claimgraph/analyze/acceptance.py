"""Whether a candidate attribution found by the rules is a real one: a small learned filter.

The rules of ``quotes.py`` propose candidates (a cue, its speaker, its content); a logistic
model over sparse features of each (the cue's lemma, form and parse role, what its content is,
who its speaker is) accepts or rejects it. Its weights are learned from PolNeAR train by
``scripts/train_acceptance.py`` and ship in ``data/acceptance.json`` (card:
``data/acceptance.md``). Without that file every candidate is accepted.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from claimgraph.analyze.attribution import Draft

log = logging.getLogger(__name__)

WEIGHTS = Path(__file__).resolve().parent / "data" / "acceptance.json"
_MODALS = {"would", "could", "may", "might", "should", "can", "will", "must"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


@dataclass(frozen=True)
class AcceptanceModel:
    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, feats: list[str]) -> float:
        """Probability that the candidate described by ``feats`` is a real attribution."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, draft: Draft, text: str) -> bool:
        return self.score(features(draft, text)) >= self.threshold


@cache
def load_model(path: Path = WEIGHTS) -> AcceptanceModel | None:
    """The shipped model, or None (accept everything) when the file is absent or unreadable."""
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return AcceptanceModel(
            {k: float(v) for k, v in data["weights"].items()}, float(data["bias"]),
            float(data["threshold"]),
        )
    except (OSError, ValueError, KeyError, AttributeError) as err:
        log.warning("ignoring unreadable attribution model %s: %s", path, err)
        return None


def judged(draft: Draft) -> bool:
    """Whether the model judges ``draft``: candidates with a verb cue the rules chose among
    many; quotations set off by marks, transcript labels and continuations are kept."""
    return draft.cue is not None and draft.kind != "direct" and draft.cue.text != ":"


def features(draft: Draft, text: str) -> list[str]:
    """Sparse binary features of a candidate attribution; ``text`` is its Doc's text, read
    once by the caller (Doc.text joins every token on each access)."""
    cue = draft.cue
    lemma = cue.lemma_.lower()
    children = list(cue.children)
    deps = {c.dep_ for c in children}
    feats = [
        f"kind={draft.kind}", f"lemma={lemma}", f"lemma+kind={lemma}|{draft.kind}",
        f"tag={cue.tag_}", f"dep={cue.dep_}", f"lemma+tag={lemma}|{cue.tag_}",
        f"lemma+dep={lemma}|{cue.dep_}",
    ]
    for dep in ("ccomp", "dobj", "xcomp", "prep", "neg", "nsubjpass", "agent", "oprd", "advcl"):
        if dep in deps:
            feats += [f"has={dep}", f"lemma+has={lemma}|{dep}"]
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children):
        feats.append("modal")
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in children for c in c.children):
        feats.append("that-clause")
    words = sum(len(text[a:b].split()) for a, b in draft.pieces)
    feats.append(f"words={_bucket(words)}")
    feats.append(f"pieces={min(len(draft.pieces), 3)}")
    first = draft.pieces[0][0]
    feats.append("content-before" if first < cue.idx else "content-after")
    feats += _speaker_features(draft.speaker_head(), cue, lemma)
    line_start = text.rfind("\n", 0, cue.idx) + 1
    line_end = text.find("\n", cue.idx)
    line = text[line_start: line_end if line_end >= 0 else len(text)].rstrip()
    if line and line[-1] not in ".!?\"”’'":
        feats.append("line-unpunctuated")  # a headline, a caption, a kicker
    if line_start == 0:
        feats.append("first-line")
    return feats


def _speaker_features(head: Token | None, cue: Token, lemma: str) -> list[str]:
    if head is None:
        return ["speaker=none", f"lemma+speaker={lemma}|none"]
    if head.pos_ == "PRON":
        kind = f"pron:{head.lower_}"
    elif head.ent_type_:
        kind = f"ent:{head.ent_type_}"
    elif head.pos_ == "NOUN":
        kind = f"noun:{'plural' if head.tag_ == 'NNS' else 'singular'}"
    else:
        kind = f"pos:{head.pos_}"
    feats = [f"speaker={kind}", f"lemma+speaker={lemma}|{kind.split(':')[0]}",
             f"speaker-dep={head.dep_ if head.dep_ in _SUBJECT_DEPS else 'other'}"]
    if head.pos_ == "NOUN":
        feats.append(f"speaker-lemma={head.lemma_.lower()}")
    if head.i > cue.i:
        feats.append("speaker-after-cue")  # "..., said Smith"
    return feats


def _bucket(n: int) -> str:
    for limit in (1, 3, 7, 15, 30):
        if n <= limit:
            return str(limit)
    return "more"
