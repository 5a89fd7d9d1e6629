"""Words as linking compares them: lower-cased, stop words out, a light suffix stem.

Linking reads stored records only (no parser), so it needs its own small normaliser.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d[\d,.]*")
# Function words and the verbs of reporting: they say nothing about what a story is about.
STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself s t don mr mrs ms said says say saying told tell tells according
one two new year years also like get got make made may might must shall us per via
""".split())


def stem(word: str) -> str:
    """A light suffix stem ("troops" → "troop", "killed" → "kill"); enough to match word forms."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""),
                         ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            return w[: -len(suffix)] + keep
    return w


def words(text: str) -> list[str]:
    """Content words of ``text``, stemmed, in order (numbers kept, without separators)."""
    return [w for m in _WORD.finditer(text) if (w := _content(m.group().lower())) is not None]


@lru_cache(maxsize=1 << 16)  # a corpus repeats its words: each is normalized once
def _content(word: str) -> str | None:
    """The lower-cased ``word`` as linking compares it, or None for a stop word."""
    if word in STOP:
        return None
    return word.replace(",", "").rstrip(".") if word[0].isdigit() else stem(word)


def terms(text: str) -> Counter[str]:
    return Counter(words(text))
