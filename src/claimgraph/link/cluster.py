"""The clustering engine: mentions of the same event or measured thing, grouped.

One piece of code clusters claims across articles and, in ``bench/clustering.py``, ECB+ event
mentions, so its quality is measured on annotated data. An :class:`Item` is what any mention
reduces to: an anchor (the head word: lemma of the trigger, or the measured unit of a claim),
context words, participants (canonical entities), times, and the story it belongs to. Items of
different stories are never compared; inside a story, clustering is agglomerative with average
linkage, deterministic for a given set of items (so an incremental update and a rebuild agree).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Item:
    id: str
    doc: str
    anchor: str
    words: frozenset[str] = frozenset()
    participants: frozenset[str] = frozenset()
    times: frozenset[str] = frozenset()
    story: str = ""
    sentence: int = -1
    extra: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Weights:
    """How much each kind of agreement counts. The defaults are event coreference's, chosen by a
    grid search on the ECB+ train topics (bench/clustering.py picks the threshold the same way);
    claims use their own (``claims.CLAIM_WEIGHTS``)."""

    anchor: float = 1.0
    related: float = 0.7  # anchors seen corefering elsewhere (a learned pair), or sharing a stem
    words: float = 0.3
    participants: float = 0.2
    time_conflict: float = 0.6
    same_sentence: float = 0.8  # two mentions of one sentence are rarely one event
    same_doc: float = 0.0  # an article rarely reports one claim twice (ECB+ events it does)
    threshold: float = 0.65


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def related_anchors(a: str, b: str, pairs: frozenset[tuple[str, str]] = frozenset()) -> bool:
    """Different anchors of one thing: a known pair, or a shared stem of five letters."""
    if (a, b) in pairs or (b, a) in pairs:
        return True
    return len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5]


def score(a: Item, b: Item, w: Weights = Weights(),
          pairs: frozenset[tuple[str, str]] = frozenset()) -> float:
    """How likely two items are one event or one measured thing (higher is likelier)."""
    if not (a.anchor and b.anchor):
        s = 0.0
    elif a.anchor == b.anchor:
        s = w.anchor
    elif related_anchors(a.anchor, b.anchor, pairs):
        s = w.related
    else:
        s = 0.0
    s += w.words * _jaccard(a.words, b.words)
    s += w.participants * _jaccard(a.participants, b.participants)
    if a.times and b.times and not a.times & b.times:
        s -= w.time_conflict
    if a.doc == b.doc:
        s -= w.same_doc
        if a.sentence >= 0 and a.sentence == b.sentence:
            s -= w.same_sentence
    return s


def blocking_keys(item: Item) -> set[str]:
    """What two items must share to be compared at all (their anchor or a word); items that
    share nothing score 0, unrelated."""
    return {f"#{item.anchor}"} | item.words if item.anchor else set(item.words)


def scored_pairs(items: Sequence[Item],
                 scorer: Callable[[Item, Item], float]) -> dict[tuple[int, int], float]:
    """Scores of the pairs of ``items`` (by position, i < j) that share a blocking key."""
    postings: dict[str, list[int]] = {}
    for k, item in enumerate(items):
        for key in blocking_keys(item):
            postings.setdefault(key, []).append(k)
    pairs = {(i, j) for ks in postings.values() for a, i in enumerate(ks) for j in ks[a + 1:]}
    return {(i, j): scorer(items[i], items[j]) for i, j in sorted(pairs)}


def components(n: int, scores: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Positions 0..n-1 grouped by the pairs scoring at least ``threshold`` (connected
    components, each sorted, in the order of their first position). Average linkage only ever
    merges two clusters with such a pair between them, so every cluster lies inside one
    component and components can be clustered apart (and only the changed ones again)."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if threshold <= 0:  # unscored pairs (0) could merge: one component
        return [list(range(n))] if n else []
    for (i, j), s in scores.items():
        if s >= threshold:
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def cluster(items: Sequence[Item], w: Weights = Weights(),
            pairs: frozenset[tuple[str, str]] = frozenset(),
            scorer: Callable[[Item, Item], float] | None = None) -> list[list[Item]]:
    """Items grouped into clusters: per story, average-linkage agglomeration down to
    ``w.threshold``. Clusters and their members come out in a stable order (by story, then by
    their first item)."""
    by_story: dict[str, list[Item]] = {}
    for item in sorted(items, key=lambda i: (i.story, i.id)):
        by_story.setdefault(item.story, []).append(item)
    out: list[list[Item]] = []
    for members in by_story.values():
        found = []
        scores = scored_pairs(members, scorer or (lambda a, b: score(a, b, w, pairs)))
        for comp in components(len(members), scores, w.threshold):
            local = {k: n for n, k in enumerate(comp)}
            sub = {(local[i], local[j]): s for (i, j), s in scores.items()
                   if i in local and j in local}
            found += [[comp[k] for k in group]
                      for group in agglomerate(len(comp), sub, w.threshold)]
        out += [[members[k] for k in group] for group in sorted(found)]
    return out


def agglomerate(n: int, scores: dict[tuple[int, int], float],
                threshold: float) -> list[list[int]]:
    """Average-linkage agglomeration of positions 0..n-1 given the scores of some pairs (the
    others count as 0), down to ``threshold``; groups sorted, in the order of their first."""
    if n < 2:
        return [list(range(n))]
    sims = np.zeros((n, n))
    for (i, j), s in scores.items():
        sims[i, j] = sims[j, i] = s
    # Sum of pair scores between clusters and their sizes: average link = sum / (|A| * |B|).
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members = [[i] for i in range(n)]
    sums = sims
    while True:
        avg = np.where(np.outer(alive, alive), sums / np.outer(sizes, sizes), -np.inf)
        np.fill_diagonal(avg, -np.inf)
        i, j = np.unravel_index(int(np.argmax(avg)), avg.shape)
        if avg[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        members[i].extend(members[j])
        members[j] = []
        sums[i, :] += sums[j, :]
        sums[:, i] += sums[:, j]
        sizes[i] += sizes[j]
        alive[j] = False
    return [sorted(m) for m in members if m]
