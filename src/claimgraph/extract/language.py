"""The language of an article, told from its text: first by script, then, where one script
serves several languages (Latin, Cyrillic, Arabic, Devanagari), by whose common words it uses
most. The word lists are the stop-word lists that ship with spaCy, so nothing is downloaded.

A page's declared language is no substitute: templates declare "en" on German pages, and plain
text declares nothing. It is used only when the text does not tell (no letters, or Latin
letters without any common word of a language).
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections import Counter
from functools import lru_cache

# Enough words to tell any language apart; bounds the cost on long texts.
SAMPLE_CHARS = 10_000
# Languages of each script, most widely used first (the guess when no common word decides).
_SCRIPTS = {
    "LATIN": ("en", "es", "pt", "fr", "de", "it", "nl", "pl", "tr", "id", "ro", "sv", "cs",
              "hu", "da", "nb", "fi", "sk", "hr", "sl", "ca", "lt", "lv", "et", "sq", "af"),
    "CYRILLIC": ("ru", "uk", "bg", "sr", "mk"),
    "ARABIC": ("ar", "fa", "ur"),
    "DEVANAGARI": ("hi", "mr", "ne"),
    "CJK": ("zh",), "HIRAGANA": ("ja",), "KATAKANA": ("ja",), "HANGUL": ("ko",),
    "GREEK": ("el",), "HEBREW": ("he",), "THAI": ("th",), "ARMENIAN": ("hy",),
    "GEORGIAN": ("ka",), "BENGALI": ("bn",), "TAMIL": ("ta",), "TELUGU": ("te",),
    "GUJARATI": ("gu",), "GURMUKHI": ("pa",), "KANNADA": ("kn",), "MALAYALAM": ("ml",),
    "SINHALA": ("si",), "ETHIOPIC": ("am",), "KHMER": ("km",), "LAO": ("lo",),
    "MYANMAR": ("my",), "TIBETAN": ("bo",),
}
# A Hangul or CJK character is a syllable or a word: about as much text as three letters.
_SYLLABIC = {"CJK": 3, "HIRAGANA": 3, "KATAKANA": 3, "HANGUL": 3}
_NOT_ASCII_LETTERS = re.compile(r"[^A-Za-z]+")
_OTHER_LETTERS = re.compile(r"[^\x00-\x7f]")
_WORDS = re.compile(r"[^\W\d_]{2,}")  # one letter is an initial, a unit, "p.m."
# Another language's common words must outnumber English ones this much: news in English has
# names, places and quoted words from elsewhere, and many short words are common to several.
_MARGIN = 2
_MIN_WORDS = 2
_MIN_DISTINCT = 3


def text_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when it does not
    tell. Text mostly in one script with a few words of another (an English article quoting a
    Russian phrase, a Korean one naming an English brand) counts as the main one."""
    sample = text[:SAMPLE_CHARS]
    scripts = _scripts(sample)
    if not scripts:
        return None
    script = max(scripts, key=scripts.get)
    if script in ("CJK", "HIRAGANA", "KATAKANA"):  # Japanese mixes kana with Chinese characters
        kana = scripts["HIRAGANA"] + scripts["KATAKANA"]
        return "ja" if kana * 10 > scripts["CJK"] else "zh"
    candidates = _SCRIPTS.get(script)
    if candidates is None:
        return None
    if len(candidates) == 1:
        return candidates[0]
    if script == "LATIN":
        english, rest = _english_words(sample)
        if rest < _MARGIN * english:  # no other language can reach the margin over English
            return "en" if english >= _MIN_WORDS else None
    counts, distinct = _common_words(sample, candidates)
    best = max(candidates, key=lambda lang: counts[lang])  # ties: the more widely used
    if script != "LATIN":
        return best
    other = max(candidates[1:], key=lambda lang: counts[lang])
    if distinct[other] >= _MIN_DISTINCT and counts[other] >= _MARGIN * counts["en"]:
        return other
    return "en" if counts["en"] >= _MIN_WORDS else None


def _scripts(sample: str) -> Counter:
    """Letters of ``sample`` by script, syllabic scripts weighted as several letters."""
    scripts: Counter = Counter(LATIN=len(_NOT_ASCII_LETTERS.sub("", sample)))
    for char, count in Counter(_OTHER_LETTERS.findall(sample)).items():
        if char.isalpha():
            script = unicodedata.name(char, "").split(" ", 1)[0]
            scripts[script] += count * _SYLLABIC.get(script, 1)
    return +scripts  # without zero counts


def _english_words(sample: str) -> tuple[int, int]:
    """How many words of ``sample`` count for English, and how many could count for another
    language. Reading the other languages' lists takes seconds the first time: most texts
    are told English by these two numbers alone."""
    english = rest = 0
    for word, count in _evidence(sample).items():
        if word.lower() in _english():
            english += count
        else:
            rest += count
    return english, rest


def _evidence(sample: str) -> Counter:
    """The words of ``sample`` that may show its language, with their counts."""
    # "http://amzn.to/..." has no word "to"
    prose = " ".join(t for t in sample.split() if "://" not in t and "www." not in t)
    # A capitalized word is a name ("Tim", "Van") or a sentence's first word: no evidence.
    return Counter(w for w in _WORDS.findall(prose) if not w.istitle())


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    return frozenset(importlib.import_module("spacy.lang.en.stop_words").STOP_WORDS)


def _common_words(sample: str, candidates: tuple[str, ...]) -> tuple[Counter, Counter]:
    """How many words of ``sample`` are common words of each of ``candidates``, and how many
    different ones. A word common in English counts for English alone ("in", "to", "men")."""
    languages = _word_languages()
    counts: Counter = Counter()
    distinct: Counter = Counter()
    for word, count in _evidence(sample).items():
        for lang in languages.get(word.lower(), ()):
            if lang in candidates:
                counts[lang] += count
                distinct[lang] += 1
    return counts, distinct


@lru_cache(maxsize=1)
def _word_languages() -> dict[str, tuple[str, ...]]:
    """The common words of the languages told apart by words, each with its languages; a word
    common in English is English alone."""
    languages: dict[str, tuple[str, ...]] = {}
    for candidates in _SCRIPTS.values():
        if len(candidates) == 1:
            continue
        for lang in candidates:
            for word in importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS:
                if languages.get(word) != ("en",):
                    languages[word] = ("en",) if lang == "en" else (*languages.get(word, ()), lang)
    return languages
