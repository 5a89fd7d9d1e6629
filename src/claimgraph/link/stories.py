"""Stories: articles about the same real-world event, grouped as they arrive.

Each article joins the story its TF-IDF vector is most similar to on average over the story's
articles (average link; named participants weighted up: two earthquakes share their
vocabulary but not their places and dates), or starts a new one. Only stories that share one
of the article's weightiest terms are compared, so linking a new batch costs a few comparisons
per article. The assignment is online and deterministic: a rebuild that replays the articles
in the same order reproduces the same stories.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

PROBES = 12  # an article's weightiest known terms, looked up to find candidate stories
KEEP = 120  # an article is compared by its most frequent terms (bounds the cost of a story)


@dataclass
class _Story:
    id: str
    members: list[str] = field(default_factory=list)
    bags: list[Counter] = field(default_factory=list)


class StoryIndex:
    """Online story assignment. ``add`` returns the story id an article joins."""

    def __init__(self, threshold: float = 0.17, name_weight: float = 3.0):
        self.threshold = threshold
        self.name_weight = name_weight
        self.df: Counter[str] = Counter()
        self.n = 0
        self.stories: list[_Story] = []
        self.story_of: dict[str, str] = {}
        self._postings: dict[str, set[int]] | None = None  # term → stories (by index)

    def _index(self) -> dict[str, set[int]]:
        if self._postings is None:
            self._postings = {}
            for k, story in enumerate(self.stories):
                for bag in story.bags:
                    for t in bag:
                        self._postings.setdefault(t, set()).add(k)
        return self._postings

    def vector(self, terms: Counter[str], names: Counter[str]) -> Counter[str]:
        bag = Counter(terms)
        for name, count in names.items():
            bag["@" + name] += count * self.name_weight
        return Counter(dict(sorted(bag.items(), key=lambda x: (-x[1], x[0]))[:KEEP]))

    def _weights(self, bag: Counter[str]) -> dict[str, float]:
        n = self.n + 1
        # Smoothed IDF (+1): in a small corpus, words every article shares still count.
        out = {t: (1 + math.log(c)) * (1 + math.log((n + 1) / (self.df[t] + 1)))
               for t, c in bag.items() if c > 0}
        norm = math.sqrt(sum(v * v for v in out.values())) or 1.0
        return {t: v / norm for t, v in out.items()}

    def similarity(self, bag: Counter[str], story: _Story) -> float:
        """Mean cosine between the article and each article of the story."""
        a = self._weights(bag)
        total = 0.0
        for member in story.bags:
            b = self._weights(member)
            x, y = (a, b) if len(a) <= len(b) else (b, a)
            total += sum(v * y.get(t, 0.0) for t, v in x.items())
        return total / len(story.bags)

    def add(self, doc_id: str, terms: Counter[str], names: Counter[str] = Counter()) -> str:
        if doc_id in self.story_of:
            return self.story_of[doc_id]
        bag = self.vector(terms, names)
        index = self._index()
        probes = sorted((t for t in bag if self.df[t]),
                        key=lambda t: (-bag[t] / self.df[t], t))[:PROBES]
        best, best_sim = None, self.threshold
        for k in sorted({k for t in probes for k in index.get(t, ())}):
            sim = self.similarity(bag, self.stories[k])
            if sim >= best_sim:
                best, best_sim = k, sim
        if best is None:
            self.stories.append(_Story(id=f"s{len(self.stories) + 1}"))
            best = len(self.stories) - 1
        story = self.stories[best]
        story.members.append(doc_id)
        story.bags.append(bag)
        for t in bag:
            index.setdefault(t, set()).add(best)
        self.df.update(bag.keys())
        self.n += 1
        self.story_of[doc_id] = story.id
        return story.id
