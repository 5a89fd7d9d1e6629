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

from claimgraph.link.state import Cache, Fetch

PROBES = 12  # an article's weightiest known terms, looked up to find candidate stories
KEEP = 120  # an article is compared by its most frequent terms (bounds the cost of a story)


@dataclass
class _Story:
    id: str
    members: list[str] = field(default_factory=list)
    bags: list[Counter] = field(default_factory=list)


def _number(story: str) -> int:
    return int(story[1:])


class StoryIndex:
    """Online story assignment. ``add`` returns the story id an article joins. ``df`` (term →
    articles), ``postings`` (term → stories) and ``stories`` are read through from the store
    when fetchers are given; ``n`` and ``count`` (articles and stories so far) are set by the
    caller then."""

    def __init__(self, threshold: float = 0.17, name_weight: float = 3.0,
                 fetch_df: Fetch | None = None, fetch_postings: Fetch | None = None,
                 fetch_stories: Fetch | None = None):
        self.threshold = threshold
        self.name_weight = name_weight
        self.df: Cache = Cache(fetch_df)
        self.postings: Cache = Cache(fetch_postings)
        self.stories: Cache = Cache(fetch_stories)
        self.n = 0
        self.count = 0
        self.story_of: dict[str, str] = {}  # articles added to this index
        self.added: list[tuple[str, str, Counter]] = []  # (article, story, bag) in order
        self.new_postings: list[tuple[str, str]] = []  # (term, story) pairs added
        self._pending: dict[str, set[str]] = {}
        self.withdrawn: list[str] = []  # articles taken out
        self.gone_postings: list[tuple[str, str]] = []
        self._gone: dict[str, set[str]] = {}

    def _need_postings(self, terms: list[str]) -> None:
        self.postings.need(terms)
        for t in terms:
            if t in self._pending:
                self.postings.setdefault(t, set()).update(self._pending.pop(t))
            if t in self._gone:
                self.postings[t] = self.postings.get(t, set()) - self._gone.pop(t)

    def withdraw(self, article: str, story: str) -> None:
        """Take a linked article out of its story (a new revision replaces it)."""
        self.stories.need([story])
        found = self.stories[story]
        k = found.members.index(article)
        found.members.pop(k)
        bag = found.bags.pop(k)
        self.df.need(bag)
        for t in bag:
            self.df.put(t, self.df[t] - 1)
        left = set().union(*found.bags)
        for t in bag:
            if t not in left:
                self.gone_postings.append((t, story))
                if self.postings.fetch is None or t in self.postings.asked or t in self.postings:
                    self.postings.get(t, set()).discard(story)
                else:
                    self._gone.setdefault(t, set()).add(story)
        self.n -= 1
        self.withdrawn.append(article)

    def vector(self, terms: Counter[str], names: Counter[str]) -> Counter[str]:
        bag = Counter(terms)
        for name, count in names.items():
            bag["@" + name] += count * self.name_weight
        return Counter(dict(sorted(bag.items(), key=lambda x: (-x[1], x[0]))[:KEEP]))

    def _weights(self, bag: Counter[str], idf: dict[str, float]) -> dict[str, float]:
        """TF-IDF weights of ``bag``, normalized; ``idf`` memoizes the terms' IDF (they hold
        until the next article is added)."""
        out = {}
        for t, c in bag.items():
            if c > 0:
                w = idf.get(t)
                if w is None:
                    # Smoothed IDF (+1): in a small corpus, words every article shares count.
                    w = idf[t] = 1 + math.log((self.n + 2) / (self.df.get(t, 0) + 1))
                out[t] = (1 + math.log(c)) * w
        norm = math.sqrt(sum(v * v for v in out.values())) or 1.0
        return {t: v / norm for t, v in out.items()}

    def similarity(self, bag: Counter[str], story: _Story,
                   idf: dict[str, float] | None = None) -> float:
        """Mean cosine between the article and each article of the story."""
        idf = {} if idf is None else idf
        a = self._weights(bag, idf)
        total = 0.0
        for member in story.bags:
            b = self._weights(member, idf)
            x, y = (a, b) if len(a) <= len(b) else (b, a)
            total += sum(v * y.get(t, 0.0) for t, v in x.items())
        return total / len(story.bags)

    def add(self, doc_id: str, terms: Counter[str], names: Counter[str] = Counter()) -> str:
        if doc_id in self.story_of:
            return self.story_of[doc_id]
        bag = self.vector(terms, names)
        self.df.need(bag)
        probes = sorted((t for t in bag if self.df.get(t)),
                        key=lambda t: (-bag[t] / self.df[t], t))[:PROBES]
        self._need_postings(probes)
        candidates = sorted({k for t in probes for k in self.postings.get(t, ())}, key=_number)
        self.stories.need(candidates)
        self.df.need({t for k in candidates for b in self.stories[k].bags for t in b})
        best, best_sim = None, self.threshold
        idf: dict[str, float] = {}
        for k in candidates:
            sim = self.similarity(bag, self.stories[k], idf)
            if sim >= best_sim:
                best, best_sim = k, sim
        if best is None:
            self.count += 1
            best = f"s{self.count}"
            self.stories[best] = _Story(id=best)
        story = self.stories[best]
        known = set().union(*story.bags)
        story.members.append(doc_id)
        story.bags.append(bag)
        for t in bag:
            if t not in known:
                self.new_postings.append((t, best))
                if self.postings.fetch is None or t in self.postings.asked or t in self.postings:
                    self.postings.setdefault(t, set()).add(best)
                else:  # not read yet: added to what the store holds when it is
                    self._pending.setdefault(t, set()).add(best)
            self.df.put(t, self.df.get(t, 0) + 1)
        self.n += 1
        self.story_of[doc_id] = best
        self.added.append((doc_id, best, bag))
        return best
