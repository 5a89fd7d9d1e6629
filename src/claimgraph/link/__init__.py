"""Linking: follow a story across articles and outlets (API documented as it lands)."""
