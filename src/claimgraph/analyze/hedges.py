"""Typed hedge cues (the Szeged uncertainty scheme) in a spaCy Doc or Span.

A cue is a word or phrase of the hedge lexicon (``data/hedges.json``) that its context makes
a hedge: "may" the modal, not the month; "appears" as in "appears to be", not "appears in the
film"; "if" opening a condition, or an open question ("asked if"). The lexicon gives each cue
its type (epistemic, doxastic, conditional, investigation); a small logistic model over the
parse around the cue (its tag, dependency, head, children, neighbours, learned per word form
and per lemma) decides whether this occurrence hedges. Both are learned from the Szeged
corpus' training split by ``scripts/train_hedges.py`` and loaded once. A few constructions
decide before the weights (``decided_by_construction``). Only lexicon words are looked at, so
the cost is a dictionary lookup per token plus a few feature lookups per candidate.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from claimgraph.analyze.cues import REGARD_VERBS
from claimgraph.analyze.extensions import per_doc, word_ids
from claimgraph.analyze.speakers import is_infinitive
from claimgraph.errors import ConfigError, InputError
from claimgraph.model import Cue

log = logging.getLogger(__name__)

LEXICON = Path(__file__).resolve().parent / "data" / "hedges.json"
TYPES = ("epistemic", "doxastic", "conditional", "investigation")
MAX_PHRASE = 6  # longest lexicon phrase, in tokens ("little to no medical evidence")

# Verbs and adjectives whose clausal complement opened by "if" is an open question, not a
# condition: "asked if", "unclear if".
QUESTION_HEADS = frozenset(
    "ask wonder know see check determine investigate examine decide doubt question unclear "
    "unsure uncertain clear sure test study".split()
)


SEEM_VERBS = frozenset({"appear", "seem"})
_COMPLEMENTS = frozenset({"xcomp", "ccomp", "oprd", "acomp", "attr", "advcl"})


@dataclass(frozen=True)
class HedgeModel:
    """The lexicon (phrase -> type) and the weights that judge each occurrence."""

    phrases: dict[tuple[str, ...], str]
    firsts: frozenset[str]
    weights: dict[str, float]
    bias: float
    threshold: float

    @classmethod
    def from_dict(cls, data: dict) -> HedgeModel:
        phrases = {tuple(p.split()): t for p, t in data["lexicon"].items()}
        bad = {t for t in phrases.values() if t not in TYPES}
        if bad:
            raise ConfigError(f"hedge lexicon has unknown cue types {sorted(bad)}")
        return cls(
            phrases=phrases,
            firsts=frozenset(p[0] for p in phrases),
            weights=dict(data["weights"]),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
        )

    @cached_property
    def first_ids(self) -> tuple[np.ndarray, np.ndarray]:
        """Hashes of the words that open a phrase, for token forms and (in three casings, as
        a proper noun's lemma keeps its capital) for lemmas."""
        cased = frozenset(v for w in self.firsts for v in (w, w.capitalize(), w.upper()))
        return word_ids(self.firsts), word_ids(cased)

    def score(self, feats: list[str]) -> float:
        """Probability that the occurrence described by ``feats`` is a hedge."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def load_model(path: Path = LEXICON) -> HedgeModel:
    try:
        return HedgeModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError) as err:
        raise ConfigError(f"hedge lexicon {path} is unreadable: {err}") from err


@dataclass(frozen=True)
class Candidate:
    """One lexicon match: tokens ``start:end`` of the doc, its lexicon key and type."""

    start: int
    end: int
    key: str
    type: str


def candidates(span: Doc | Span, model: HedgeModel) -> Iterator[Candidate]:
    """Lexicon matches in ``span``, longest phrase first at each token, not overlapping."""
    doc = span.doc if isinstance(span, Span) else span
    start, end = (span.start, span.end) if isinstance(span, Span) else (0, len(doc))
    hits, forms = per_doc(doc, f"hedge-firsts-{id(model)}", lambda: _first_words(doc, model))
    strings = doc.vocab.strings
    i = start  # the first token not inside a match already found
    for at in hits[np.searchsorted(hits, start):np.searchsorted(hits, end)].tolist():
        if at < i:
            continue
        lowers = [strings[h] for h in forms[at:min(at + MAX_PHRASE, end), 0].tolist()]
        lemma = strings[int(forms[at, 1])].lower()
        if lowers[0] not in model.firsts and lemma not in model.firsts:
            continue
        for n in range(len(lowers), 0, -1):
            words = tuple(lowers[:n])
            kind = model.phrases.get(words)
            if kind is None and n == 1:
                words = (lemma,)
                kind = model.phrases.get(words)
            if kind is not None:
                yield Candidate(at, at + n, " ".join(words), kind)
                i = at + n
                break


def _first_words(doc: Doc, model: HedgeModel) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the tokens whose form or lemma may open a lexicon phrase (a superset, checked
    exactly after), and the Doc's LOWER and LEMMA columns: one array pass per Doc instead of a
    Token object per word."""
    forms = doc.to_array([LOWER, LEMMA])
    lowers, lemmas = model.first_ids
    hit = np.isin(forms[:, 0], lowers) | np.isin(forms[:, 1], lemmas)
    return np.flatnonzero(hit), forms


def _word(tok: Token) -> str:
    return tok.lower_ if tok.is_alpha or tok.is_punct else tok.shape_


def features(doc: Doc, cand: Candidate) -> list[str]:
    """The context of one candidate, as feature strings shared by training and use."""
    tok = doc[cand.start]
    key = cand.key
    head = tok.head
    # Neighbours within the sentence; Token.sent would walk the whole sentence each time.
    prev = doc[cand.start - 1] if cand.start > 0 and not tok.is_sent_start else None
    nxt = doc[cand.end] if cand.end < len(doc) and not doc[cand.end].is_sent_start else None
    kids = [c for c in tok.children]
    negated = any(c.dep_ == "neg" for c in kids) or (
        prev is not None and prev.lower_ in ("not", "no", "never"))
    general = [
        f"type={cand.type}",
        f"tag={tok.tag_}",
        f"dep={tok.dep_}",
        f"type|dep={cand.type}|{tok.dep_}",
        f"headpos={head.pos_}",
        f"neg={negated}",
    ]
    # What a cue governs, pooled over its type ("suspect that ...", "feel the council ..."),
    # so that a cue rare in training still has its construction judged.
    general += [f"type|kid={cand.type}|{c.dep_}" for c in kids]
    specific = [
        "",
        f"tag={tok.tag_}",
        f"dep={tok.dep_}",
        f"headdep={head.dep_}",
        f"head={head.lemma_.lower()}",
        f"prev={_word(prev) if prev is not None else '<s>'}",
        f"next={_word(nxt) if nxt is not None else '</s>'}",
        f"nexttag={nxt.tag_ if nxt is not None else '</s>'}",
        f"cap={tok.text[:1].isupper() and not tok.is_sent_start}",
        f"neg={negated}",
    ]
    specific += [f"kid={c.dep_}" for c in kids]
    specific += [f"kidw={c.lower_}" for c in kids if c.is_stop]
    # A word's forms share what they learn ("felt" with "feel", "suggests" with "suggest"):
    # each form alone is rare in training.
    lemma = tok.lemma_.lower()
    keys = (key,) if cand.end - cand.start > 1 or lemma == key else (key, lemma)
    return general + [f"{k}|{f}" for k in keys for f in specific]


def _type(doc: Doc, cand: Candidate) -> str:
    """The lexicon type, except that "if" opening a complement clause asks a question."""
    tok = doc[cand.start]
    if _open_question(doc, cand):
        return "investigation"
    if cand.key in ("if", "whether") and tok.dep_ == "mark":
        clause = tok.head
        if clause.dep_ in ("ccomp", "xcomp", "dobj", "csubj", "pobj") and (
            clause.head.lemma_.lower() in QUESTION_HEADS
        ):
            return "investigation"
        if cand.key == "if":
            return "conditional"
    return cand.type


def literal_regard(doc: Doc, cand: Candidate) -> bool:
    """A verb of regarding as a participle with nothing it regards something as: "the mayor is
    seen at the ceremony", "viewed from the hill"; "seen as", "considered likely", "thought to
    be" stay hedges."""
    tok = doc[cand.start]
    if cand.end - cand.start != 1 or tok.tag_ != "VBN" or tok.lemma_.lower() not in REGARD_VERBS:
        return False
    if any(c.dep_ in _COMPLEMENTS for c in tok.children):
        return False
    # "as" may hang from the agent ("regarded by some as ..."): look through the whole phrase.
    return not any(
        t.i > tok.i and (t.lower_ in ("as", "like") or (t.lower_ == "to" and t.dep_ == "aux"))
        for t in tok.subtree
    )


def seeming(doc: Doc, cand: Candidate) -> bool:
    """A verb of seeming with a to-infinitive ("appear to be short", "seems to have left")
    hedges whatever else surrounds it: 42 of the 54 in the Szeged train split are cues, more
    than the context weights, which also learn from "appears in the film", grant them."""
    tok = doc[cand.start]
    return tok.lemma_.lower() in SEEM_VERBS and any(
        c.dep_ == "xcomp" and is_infinitive(c) for c in tok.children
    )


def _open_question(doc: Doc, cand: Candidate) -> bool:
    """"if" right after a word of asking or not knowing: "unclear if", "not sure if", "to see
    if" (all 6 in the Szeged train split are cues, of investigation), whatever the parse."""
    return cand.key == "if" and cand.start > 0 and (
        doc[cand.start - 1].lemma_.lower() in QUESTION_HEADS)


def _inverted_condition(doc: Doc, cand: Candidate) -> bool:
    """"Should the talks fail, ...": "should" opening a subordinate clause before its subject."""
    tok = doc[cand.start]
    clause = tok.head
    return cand.key == "should" and tok.dep_ in ("aux", "auxpass") and (
        clause.dep_ != "ROOT" and clause.left_edge.i == tok.i
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i for c in clause.children))


def decided_by_construction(doc: Doc, cand: Candidate) -> bool | None:
    """Whether the construction alone makes the candidate a hedge (True) or not (False), before
    any weights; None when the weights decide. "as if" compares, it does not condition (none
    of the 7 in the Szeged train split is a cue)."""
    if literal_regard(doc, cand) or (
            cand.key == "if" and cand.start > 0 and doc[cand.start - 1].lower_ == "as"):
        return False
    if seeming(doc, cand) or _open_question(doc, cand) or _inverted_condition(doc, cand):
        return True
    return None


def find_hedges(span: Doc | Span, model: HedgeModel | None = None) -> list[Cue]:
    """The hedge cues in ``span``, with character offsets into its Doc's text."""
    if not isinstance(span, Doc | Span):
        raise InputError(f"hedges are found in a spaCy Doc or Span, not a {type(span).__name__}")
    model = model or load_model()
    doc = span.doc if isinstance(span, Span) else span
    cues = []
    for cand in candidates(span, model):
        decided = decided_by_construction(doc, cand)
        if decided is False or (
                decided is None and model.score(features(doc, cand)) < model.threshold):
            continue
        words = doc[cand.start:cand.end]
        cues.append(Cue(text=words.text, start=words.start_char, end=words.end_char,
                        type=_type(doc, cand)))
    return cues
