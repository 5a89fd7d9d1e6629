"""The linker's state as maps read through from the store.

Linking a batch reads only the part of the state its articles reach (the keys of their
entities, the document frequencies of their words, the stories and claim components they may
join), by indexed lookups, and writes back only what changed. Without a store (``fetch`` None)
a map is a plain dict that holds everything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

Fetch = Callable[[set], dict]


class Cache(dict):
    """A dict filled on demand: ``need(keys)`` fetches the keys not yet asked for (a key the
    store does not hold stays absent); ``mark`` records a key whose value changed."""

    def __init__(self, fetch: Fetch | None = None) -> None:
        super().__init__()
        self.fetch = fetch
        self.asked: set = set()
        self.fetched: set = set()  # keys the store held
        self.dirty: set = set()

    def need(self, keys: Iterable[Any]) -> None:
        if self.fetch is None:
            return
        todo = {k for k in keys if k not in self.asked and k not in self}
        if todo:
            self.asked |= todo
            found = self.fetch(todo)
            self.fetched |= found.keys()
            self.update(found)

    def put(self, key: Any, value: Any) -> None:
        self[key] = value
        self.dirty.add(key)

    def mark(self, key: Any) -> None:
        self.dirty.add(key)
