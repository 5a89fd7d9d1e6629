"""Stories: articles about the same real-world event, grouped as they arrive.

Each article joins the story whose centroid is most similar to it (TF-IDF cosine, with the
article's named participants weighted up: two earthquakes share their vocabulary but not their
places and dates), or starts a new one. A story is compared by its signature (its most
frequent terms), and only stories whose signatures share rare terms with the article are
compared at all, so linking a new batch costs a few comparisons per article. The assignment
is online and deterministic: a rebuild that replays the articles in the same order reproduces
the same stories.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class _Story:
    id: str
    terms: Counter = field(default_factory=Counter)
    members: list[str] = field(default_factory=list)


SIGNATURE = 80  # terms a story is compared by
PROBES = 12  # an article's rarest terms looked up in the stories' signatures


def _signature(terms: Counter[str]) -> list[str]:
    return [t for t, _ in sorted(terms.items(), key=lambda x: (-x[1], x[0]))[:SIGNATURE]]


class StoryIndex:
    """Online story assignment. ``add`` returns the story id an article joins."""

    def __init__(self, threshold: float = 0.2, name_weight: float = 3.0):
        self.threshold = threshold
        self.name_weight = name_weight
        self.df: Counter[str] = Counter()
        self.n = 0
        self.stories: list[_Story] = []
        self.story_of: dict[str, str] = {}
        self._postings: dict[str, set[int]] | None = None  # term → stories (by index) signing it

    def _index(self) -> dict[str, set[int]]:
        if self._postings is None:
            self._postings = {}
            for k, story in enumerate(self.stories):
                for t in _signature(story.terms):
                    self._postings.setdefault(t, set()).add(k)
        return self._postings

    def _candidates(self, bag: Counter[str]) -> list[int]:
        # The article's weightiest terms that some earlier article has.
        probes = sorted((t for t in bag if self.df[t]),
                        key=lambda t: (-bag[t] / self.df[t], t))[:PROBES]
        index = self._index()
        return sorted({k for t in probes for k in index.get(t, ())})

    def vector(self, terms: Counter[str], names: Counter[str]) -> Counter[str]:
        bag = Counter(terms)
        for name, count in names.items():
            bag["@" + name] += count * self.name_weight
        return bag

    def _weights(self, bag: Counter[str]) -> dict[str, float]:
        n = self.n + 1
        out = {t: (1 + math.log(c)) * math.log((n + 1) / (self.df[t] + 1)) for t, c in bag.items()
               if c > 0}
        norm = math.sqrt(sum(v * v for v in out.values())) or 1.0
        return {t: v / norm for t, v in out.items()}

    def similarity(self, bag: Counter[str], story: _Story) -> float:
        a = self._weights(bag)
        b = self._weights(Counter({t: story.terms[t] for t in _signature(story.terms)}))
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(t, 0.0) for t, v in a.items())

    def add(self, doc_id: str, terms: Counter[str], names: Counter[str] = Counter()) -> str:
        if doc_id in self.story_of:
            return self.story_of[doc_id]
        bag = self.vector(terms, names)
        best, best_sim = None, self.threshold
        for k in self._candidates(bag):
            sim = self.similarity(bag, self.stories[k])
            if sim >= best_sim:
                best, best_sim = self.stories[k], sim
        if best is None:
            best = _Story(id=f"s{len(self.stories) + 1}")
            self.stories.append(best)
        index = self._index()
        k = int(best.id[1:]) - 1
        for t in _signature(best.terms):
            index[t].discard(k)
        best.terms.update(bag)
        for t in _signature(best.terms):
            index.setdefault(t, set()).add(k)
        best.members.append(doc_id)
        self.df.update(bag.keys())
        self.n += 1
        self.story_of[doc_id] = best.id
        return best.id
