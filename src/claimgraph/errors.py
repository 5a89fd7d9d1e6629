"""One exception family. The CLI turns each into a one-line message naming the item."""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base of every error claimgraph raises on purpose."""

    def __init__(self, reason: str, item: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.item = item

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}" if self.item else self.reason


class InputError(ClaimgraphError):
    """An input item cannot be read or is not an analyzable article."""


class FetchError(ClaimgraphError):
    """A network source could not be fetched."""


class StoreError(ClaimgraphError):
    """The store could not read or write."""


class ConfigError(ClaimgraphError):
    """A setting is invalid, or a configured resource (e.g. the spaCy model) is missing."""
