"""Reading numbers from spaCy tokens in any written form: digits ("3,000", "10k", "3.000"),
words ("twenty-five", "two dozen"), magnitudes ("1.5 million", "tens of thousands"), fractions
and proportions ("a third of", "one in five"). Shared by the quantities and times components.

Everything here is a precompiled lexicon or a small pure function over a few tokens, so the
components that use it stay linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER, PREFIX, SENT_START
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}
# Suffixes glued to digits: "10k", "5bn". A bare "m" means million only after a currency
# symbol ("$5m"), since "5m" alone is more often metres.
SUFFIX_SCALES = {"k": 1e3, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
CURRENCY_SUFFIX_SCALES = {**SUFFIX_SCALES, "m": 1e6}
# Plural magnitude words with no number: the vague-quantity convention (ACLED codes "dozens"
# as 12 and "hundreds" as 100, i.e. the magnitude named once).
VAGUE = {
    "tens": 10.0, "dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3,
    "millions": 1e6, "billions": 1e9, "trillions": 1e12,
}
# Quantifiers that turn a singular magnitude into a vague one: "several hundred".
VAGUE_QUANTIFIERS = {"several", "few", "many"}
CURRENCIES = {"$": "dollars", "us$": "dollars", "€": "euros", "£": "pounds", "¥": "yen",
              "₹": "rupees", "₽": "roubles", "₩": "won", "₴": "hryvnias"}
FRACTIONS = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
    "quarters": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5, "tenth": 1 / 10, "tenths": 1 / 10,
}
MONTHS = {
    name: n
    for n, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: n
    for n, names in enumerate(
        [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
         ("thursday", "thu", "thurs"), ("friday", "fri"), ("saturday", "sat"),
         ("sunday", "sun")]
    )
    for name in names
}
# Counted nouns that make a number a duration, which belongs to time expressions.
TIME_UNITS = {
    "second": "day", "minute": "day", "hour": "day", "day": "day", "night": "day",
    "week": "week", "weekend": "week", "fortnight": "week", "month": "month", "year": "year",
    "decade": "year", "century": "year",
}

_DIGITS = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|[1-9]\d{0,2}(?:\.\d{3}){2,}|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suffix>[a-z]{0,3})",
    re.IGNORECASE,
)
_YEAR = re.compile(r"[12]\d{3}")
_LEADING_ZERO = re.compile(r"0\d+")
_EUROPEAN = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
# Python refuses int() of very long digit strings; no count has this many digits anyway.
_MAX_DIGITS = 400


@dataclass
class Number:
    """A number read from tokens ``start`` to ``end`` (exclusive)."""

    start: int
    end: int
    value: float | None
    scale: float = 1.0  # the magnitude word or suffix applied, so "2 and 3 million" can share it
    vague: bool = False
    words: bool = False  # written in words


def lower(token: Token) -> str:
    return token.lower_


def is_digit_token(token: Token) -> bool:
    """Whether the token is a plain number in digits (no suffix), e.g. "3,000" or "1.5"."""
    match = _DIGITS.fullmatch(token.text)
    return match is not None and not match["suffix"]


def digits_value(text: str, currency: bool = False) -> tuple[float | None, float] | None:
    """(value, scale) of a digit token such as "3,000", "1.5", "10k", "3.000"; None if not one.

    Three-digit groups after dots ("3.000", "1.500.000") are read the European way, as
    thousands: an English count is never written with three decimal zeros. The value is None
    when the number is too large for a float.
    """
    match = _DIGITS.fullmatch(text)
    if match is None:
        return None
    suffix = match["suffix"].lower()
    scales = CURRENCY_SUFFIX_SCALES if currency else SUFFIX_SCALES
    if suffix and suffix not in scales:
        return None
    num = match["num"]
    if len(num) > _MAX_DIGITS:
        return None, 1.0
    if _EUROPEAN.fullmatch(num) and not suffix:
        num = num.replace(".", "")
    scale = scales.get(suffix, 1.0)
    try:
        value = float(num.replace(",", "")) * scale
    except (OverflowError, ValueError):
        return None, scale
    return (value if value != float("inf") else None), scale


def european_number(text: str) -> bool:
    """Whether a digit string uses dots as thousands separators ("3.000")."""
    return _EUROPEAN.fullmatch(text) is not None


def read_words(doc: Doc, i: int, limit: int) -> Number | None:
    """A number written in words from token ``i``: "twenty-five", "three hundred", "a dozen".

    "a"/"an" counts as one only before a magnitude word ("a hundred"); "half a dozen" is six.
    """
    n = len(doc)
    total, current, j, seen = 0.0, 0.0, i, False
    scale = 1.0
    if lower(doc[i]) == "half" and i + 2 < min(n, limit) and lower(doc[i + 1]) in ("a", "an") \
            and lower(doc[i + 2]) == "dozen":
        return Number(i, i + 3, 6.0, words=True)
    while j < min(n, limit):
        word = lower(doc[j])
        if word in ("a", "an") and not seen and j + 1 < n and (
            lower(doc[j + 1]) in SCALES or lower(doc[j + 1]) == "dozen"
        ):
            current, j = 1.0, j + 1
            continue
        if word in UNITS or word in TENS:
            if seen and current % 100 and not (word in UNITS and current % 10 == 0 and
                                               current % 100 >= 20):
                break  # "two three" is two numbers, "twenty five" one
            current += UNITS.get(word, TENS.get(word, 0))
        elif word == "dozen":
            current, scale = max(current, 1.0) * 12, 12.0
        elif word == "hundred":
            current, scale = max(current, 1.0) * 100, 100.0
        elif word in SCALES:
            scale = SCALES[word]
            total, current = total + max(current, 1.0) * scale, 0.0
        elif word in ("-", "and") and seen and j + 1 < n and _joins(doc, j, current + total):
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return Number(i, j, total + current, scale=scale, words=True)


def _joins(doc: Doc, j: int, so_far: float) -> bool:
    """Whether "-" or "and" at ``j`` continues a word number: "twenty-five", "a hundred and six"."""
    after = lower(doc[j + 1])
    if after not in UNITS and after not in TENS:
        return False
    if doc[j].text == "-":
        return not doc[j - 1].whitespace_ and not doc[j].whitespace_
    return so_far >= 100


class Gate:
    """Picks the few tokens that can start an expression, from the Doc's arrays in one pass,
    so a component looks at candidates only instead of creating every Token."""

    def __init__(self, words: Iterable[str], first_chars: str):
        self.words = numpy.array(sorted({hash_string(w) for w in words}), dtype=numpy.uint64)
        self.chars = numpy.array(sorted({hash_string(c) for c in first_chars}), dtype=numpy.uint64)

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        """(token index, sentence number) of every candidate, in order."""
        if not len(doc):
            return []
        array = doc.to_array([LOWER, PREFIX, SENT_START])
        sentences = numpy.cumsum(array[:, 2] == 1)
        hit = numpy.isin(array[:, 0], self.words) | numpy.isin(array[:, 1], self.chars)
        where = numpy.flatnonzero(hit)
        return list(zip(where.tolist(), sentences[where].tolist()))


@dataclass
class Reading:
    """A number found at a token, before bounds and noun are decided."""

    number: Number
    percent: bool = False  # a proportion, value already in percent
    needs_of: bool = False  # fractions and "a couple" only count before "of"
    approximate: bool = False


def read_number(doc: Doc, i: int) -> Reading | None:
    """The number starting at token ``i`` in any written form, or None."""
    reading = _read_form(doc, i)
    if reading is None or not reading.percent:
        return reading
    # "a quarter of a million dollars", "half a million": a fraction of a magnitude is a count
    j = reading.number.end
    if j < len(doc) and doc[j].lower_ == "of":
        j += 1
    if j + 1 < len(doc) and doc[j].lower_ in ("a", "an", "one") and doc[j + 1].lower_ in SCALES:
        value = reading.number.value / 100 * SCALES[doc[j + 1].lower_]
        return Reading(Number(reading.number.start, j + 2, value, words=True))
    return reading


def _read_form(doc: Doc, i: int) -> Reading | None:
    n = len(doc)
    word = doc[i].lower_
    nxt = doc[i + 1].lower_ if i + 1 < n else ""
    if word == "half" and nxt in ("a", "an") and i + 2 < n and doc[i + 2].lower_ in SCALES:
        return Reading(Number(i, i + 1, 50.0), percent=True)
    if word in ("a", "an", "one") and nxt in FRACTIONS and FRACTIONS[nxt] != 0.5:
        return Reading(Number(i, i + 2, FRACTIONS[nxt] * 100), percent=True, needs_of=True)
    if word == "half" and nxt in ("of", "the") and not (i and doc[i - 1].lower_ == "a"):
        return Reading(Number(i, i + 1, 50.0), percent=True, needs_of=nxt == "of")
    if word == "a" and nxt == "couple":
        after = doc[i + 2].lower_ if i + 2 < n else ""
        if after in SCALES or after == "dozen":  # "a couple dozen", "a couple hundred"
            value = 2 * SCALES.get(after, 12.0)
            return Reading(Number(i, i + 3, value, words=True), approximate=True)
        return Reading(Number(i, i + 2, 2.0, words=True), needs_of=True, approximate=True)
    vague = _read_vague(doc, i)
    if vague is not None:
        return Reading(vague)
    number = read_plain(doc, i)
    if number is None:
        return None
    return _proportion(doc, number) or Reading(number)


def read_plain(doc: Doc, i: int) -> Number | None:
    token = doc[i]
    if token.lower_ in UNITS or token.lower_ in SCALES or token.lower_ in (
        "a", "an", "half", "dozen"
    ) or token.lower_ in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                          "ninety"):
        return read_words(doc, i, i + 12)
    read = digits_value(token.text, currency=currency_at(doc, i) is not None)
    if read is None or _LEADING_ZERO.fullmatch(token.text):
        return None
    value, scale = read
    end = i + 1
    if end < len(doc) and scale == 1 and (doc[end].lower_ in SCALES or doc[end].lower_ ==
                                          "dozen"):
        scale = SCALES.get(doc[end].lower_, 12.0)
        if "." in token.text and "," not in token.text:  # "2.500 million" is 2.5 million
            value = float(token.text)
        value = value * scale if value is not None else None
        end += 1
    return Number(i, end, value, scale=scale)


def _read_vague(doc: Doc, i: int) -> Number | None:
    """"dozens of", "tens of thousands", "several hundred", "a few dozen", or None."""
    n = len(doc)
    word = doc[i].lower_
    if word in VAGUE:
        if i and doc[i - 1].pos_ == "DET" and doc[i - 1].lower_ != "some":
            return None  # "the hundreds", "in the thousands"
        value, j = VAGUE[word], i + 1
        if j + 1 < n and doc[j].lower_ == "of" and doc[j + 1].lower_ in VAGUE:
            value, j = value * VAGUE[doc[j + 1].lower_], j + 2
        elif word in ("tens", "scores") and not (j < n and doc[j].lower_ == "of"):
            return None  # "test scores", "tens" alone
        return Number(i, j, value, scale=value, vague=True)
    start = i
    if word == "a" and i + 1 < n and doc[i + 1].lower_ == "few":
        i += 1
        word = "few"
    if word in VAGUE_QUANTIFIERS and i + 1 < n:
        after = doc[i + 1].lower_
        if after in SCALES or after == "dozen":
            value = SCALES.get(after, 12.0)
            return Number(start, i + 2, value, scale=value, vague=True)
    return None


def _proportion(doc: Doc, number: Number) -> Reading | None:
    """"two-thirds of" and "one in five" as percentages, or None."""
    n, j = len(doc), number.end
    if j < n and doc[j].text == "-":
        j += 1
    if j < n and doc[j].lower_ in FRACTIONS and doc[j].lower_ not in ("half", "halves") \
            and number.value:
        return Reading(Number(number.start, j + 1, number.value * FRACTIONS[doc[j].lower_] * 100),
                       percent=True, needs_of=True)
    j = number.end
    if j + 1 < n and doc[j].lower_ == "out" and doc[j + 1].lower_ == "of":
        j += 1
    if j + 1 < n and doc[j].lower_ in ("in", "of") and (doc[j].lower_ == "in" or j > number.end):
        whole = read_plain(doc, j + 1)
        if whole is not None and whole.value and number.value and whole.value > number.value \
                and not _YEAR.fullmatch(doc[j + 1].text):
            share = 100 * number.value / whole.value
            return Reading(Number(number.start, whole.end, share), percent=True)
    return None


def currency_at(doc: Doc, i: int) -> str | None:
    return CURRENCIES.get(doc[i - 1].lower_) if i else None
