"""Scoring attributions (speaker, cue, content spans) against PolNeAR gold, as issue 5 defines.

- exact: a predicted span counts when its boundaries equal a gold span's after both are trimmed
  of surrounding whitespace and punctuation (quotation marks included); micro precision, recall
  and F1 over all documents. Spans are compared as sets per document and role, so a speaker or cue
  shared by several attributions counts once, as in CofeNet's role-span measure over BIO tags.
- lenient: word tokens are ``\\w+`` runs; each predicted span earns the share of its tokens covered
  by its best-overlapping gold span (precision side), each gold span the share of its tokens
  covered by its best-overlapping prediction (recall side); the sums are divided by the number of
  predicted and gold spans.
- subsets: "direct" attributions have a double quotation mark (or ``''``) in their content or
  just outside it (predicted content excludes the marks that gold content keeps);
  the rest are "reported". "speech" attributions have a cue with a verb of saying or writing, a
  noun for an utterance, or "according to" (see ``is_speech_cue``); PolNeAR's beliefs, intentions
  and stances ("polls show", "wants", "called for") fall outside it. The same tests sort gold and
  predicted attributions, so each subset has its own precision and recall.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

Span = tuple[int, int]
ROLES = ("speaker", "cue", "content")
DOUBLE_QUOTES = frozenset('"“”„‟«»')
WORD = re.compile(r"\w+")

_SPEECH_VERBS = (
    "say tell add write ask note tweet post announce state declare explain report reply respond "
    "answer claim insist argue assert contend maintain warn urge recall remark comment "
    "acknowledge admit concede confirm deny reveal disclose testify repeat reiterate stress "
    "emphasize emphasise mention describe predict promise vow pledge boast complain joke quip "
    "shout yell chant whisper scream proclaim allege speak talk counter retort inform assure "
    "affirm cite quote read blog email telephone"
).split()
_IRREGULAR = "said told wrote written spoke spoken read".split()
_SPEECH_NOUNS = (
    "statement statements interview interviews remark remarks tweet tweets speech speeches "
    "testimony announcement release comment comments op-ed letter post posts memo email "
    "emails message messages"
).split()


def _forms(lemma: str) -> set[str]:
    """Regular inflections of ``lemma``, generously over-generated (non-words never match)."""
    stem_e = lemma[:-1] if lemma.endswith("e") else lemma
    stem_y = lemma[:-1] + "i" if lemma.endswith("y") else lemma
    double = lemma + lemma[-1]
    return {
        lemma, lemma + "s", lemma + "es", stem_y + "es", stem_y + "ed", lemma + "d",
        lemma + "ed", stem_e + "ing", lemma + "ing", double + "ed", double + "ing",
    }


SPEECH_WORDS = frozenset(
    {f for lemma in _SPEECH_VERBS for f in _forms(lemma)} | set(_IRREGULAR) | set(_SPEECH_NOUNS)
)


def _is_trimmable(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def trim(text: str, start: int, end: int) -> Span | None:
    """``(start, end)`` without surrounding whitespace and punctuation; None when nothing is left.

    A span of punctuation only (PolNeAR has ":" cues) keeps its punctuation, trimmed of space.
    """
    start, end = max(0, start), min(len(text), end)
    s, e = start, end
    while s < e and _is_trimmable(text[s]):
        s += 1
    while e > s and _is_trimmable(text[e - 1]):
        e -= 1
    if s < e:
        return s, e
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


@dataclass(frozen=True)
class Attribution:
    """One gold or predicted attribution; spans are character offsets into the document text."""

    speakers: tuple[Span, ...] = ()
    cue: Span | None = None
    contents: tuple[Span, ...] = ()

    def spans(self, role: str) -> tuple[Span, ...]:
        if role == "speaker":
            return self.speakers
        if role == "cue":
            return (self.cue,) if self.cue else ()
        return self.contents


def is_direct(text: str, attribution: Attribution) -> bool:
    """Whether a double quotation mark (or the ``''`` some outlets type for one) is in the
    content or right beside it, past at most one closing punctuation mark after it."""
    return any(_has_mark(text[s:e]) or _beside_mark(text, s, e) for s, e in attribution.contents)


def _has_mark(piece: str) -> bool:
    return "''" in piece or any(ch in DOUBLE_QUOTES for ch in piece)


def _beside_mark(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 2):start]
    after = end + (end < len(text) and text[end] in ",.?!;:")
    following = text[after:after + 2]
    return (
        before.endswith("''") or before[-1:] in DOUBLE_QUOTES
        or following.startswith("''") or following[:1] in DOUBLE_QUOTES
    )


def is_speech_cue(text: str, attribution: Attribution) -> bool:
    """Whether the cue contains a word of saying or writing, or is "according to"."""
    if not attribution.cue:
        return False
    words = [w.lower() for w in WORD.findall(text[attribution.cue[0]:attribution.cue[1]])]
    return any(w in SPEECH_WORDS for w in words) or "according" in words


SUBSETS: dict[str, Callable[[str, Attribution], bool]] = {
    "all": lambda text, a: True,
    "direct": is_direct,
    "reported": lambda text, a: not is_direct(text, a),
    "speech": is_speech_cue,
}


@dataclass
class Score:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> Score:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(round(precision, 4), round(recall, 4), round(f1, 4))


@dataclass
class RoleTally:
    """Running sums for one role in one subset."""

    predicted: int = 0
    gold: int = 0
    hits: int = 0
    predicted_credit: float = 0.0
    gold_credit: float = 0.0

    def add(self, words: WordIndex, predicted: set[Span], gold: set[Span]) -> None:
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.hits += len(predicted & gold)
        self.predicted_credit += sum(words.best_share(p, gold) for p in predicted)
        self.gold_credit += sum(words.best_share(g, predicted) for g in gold)

    def exact(self) -> Score:
        return Score.of(_ratio(self.hits, self.predicted), _ratio(self.hits, self.gold))

    def lenient(self) -> Score:
        return Score.of(
            _ratio(self.predicted_credit, self.predicted), _ratio(self.gold_credit, self.gold)
        )


def _ratio(part: float, whole: int) -> float:
    return part / whole if whole else 0.0


class WordIndex:
    """The ``\\w+`` tokens of one document, for token-overlap shares."""

    def __init__(self, text: str):
        matches = list(WORD.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]

    def tokens(self, span: Span) -> range:
        """Indices of the tokens that overlap ``span`` by at least one character."""
        return range(bisect_right(self.ends, span[0]), bisect_left(self.starts, span[1]))

    def best_share(self, span: Span, others: set[Span]) -> float:
        """The largest share of ``span``'s tokens that one of ``others`` covers.

        A span without word tokens (a ":" cue) earns 1 when it equals one of ``others``.
        """
        own = self.tokens(span)
        if not own:
            return float(span in others)
        best = 0
        for other in others:
            theirs = self.tokens(other)
            best = max(best, min(own.stop, theirs.stop) - max(own.start, theirs.start))
        return best / len(own)


@dataclass
class Scorer:
    """Accumulates documents; ``report()`` gives exact and lenient scores per subset and role."""

    tallies: dict[tuple[str, str], RoleTally] = field(default_factory=dict)
    documents: int = 0

    def add(self, text: str, gold: list[Attribution], predicted: list[Attribution]) -> None:
        self.documents += 1
        words = WordIndex(text)
        for subset, keep in SUBSETS.items():
            gold_in = [a for a in gold if keep(text, a)]
            predicted_in = [a for a in predicted if keep(text, a)]
            for role in ROLES:
                tally = self.tallies.setdefault((subset, role), RoleTally())
                tally.add(words, _trimmed(text, predicted_in, role), _trimmed(text, gold_in, role))

    def report(self) -> dict:
        return {
            subset: {
                role: {
                    "exact": vars(tally.exact()),
                    "lenient": vars(tally.lenient()),
                    "predicted": tally.predicted,
                    "gold": tally.gold,
                }
                for (s, role), tally in self.tallies.items()
                if s == subset
            }
            for subset in SUBSETS
        }


def _trimmed(text: str, attributions: list[Attribution], role: str) -> set[Span]:
    spans = (trim(text, *span) for a in attributions for span in a.spans(role))
    return {span for span in spans if span}
