"""The ``claimgraph_quantities`` component: counts and amounts with their bounds, flags and noun.

One convention for each field of a Quantity:

- ``value``: the number the text gives; for a range, its lower end (ACLED's conservative rule).
  Proportions ("a third of", "half of", "one in five", "30%", "30 percent") are percentages
  with unit "percent". A number too large for a float has value None.
- ``low``/``high``: the bounds the wording sets. An exact count has low = high = value. "over",
  "more than", "at least", "or more", "200+" give low only; "up to", "as many as", "fewer than",
  "under", "at most" give high only; "nearly"/"almost" give high only and are approximate;
  "about", "some", "roughly", "an estimated", "or so", "a couple of" set no bounds and are
  approximate. "between X and Y", "X to Y", "X-Y", "X or Y" give low X and high Y.
- ``vague``: only a magnitude is written, no number: "dozens", "scores", "hundreds", "thousands",
  "tens of thousands", "several hundred", "a few dozen". As ACLED codes them ("dozens" 12,
  "hundreds" 100), value and low are the magnitude named once, high is None (open above), and
  vague quantities are also approximate.
- ``unit``: the counted noun as written (lower-cased unless a proper noun): "troops" for
  "3,000 North Korean troops". Its modifiers are not in ``unit`` but inside the span, which runs
  from the first bound word to the counted noun ("over 200 North Korean soldiers"). Currency
  symbols give "dollars", "euros", "pounds" or "yen"; "%" and "percent" give "percent". A number
  with no noun of its own ("and another 7,000 were ...") takes the counted noun of the previous
  quantity in its sentence; with none, unit is None.
- not quantities: years, dates, decades and ages ("20s", "aged 17", "Smith, 54,"), ordinals,
  times of day, durations (counts of days, weeks, years: they are time expressions), phone
  numbers, runs of three or more bare numbers (tables), digits glued into URLs, handles, IDs
  and model names ("F-16", "MH17"), labels ("page 5"), and "one" without a noun ("one of them").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimgraph.analyze import extensions  # noqa: F401  (registers the Doc attributes)
from claimgraph.analyze.numbers import (
    CURRENCIES, FRACTIONS, MONTHS, SCALES, TENS, TIME_UNITS, UNITS, VAGUE, VAGUE_QUANTIFIERS,
    WEEKDAYS, Gate, Number, Reading, currency_at, is_digit_token, read_number, read_plain,
)
from claimgraph.model import Claim, Quantity

LOW, HIGH, NEAR, ABOUT, BETWEEN = "low", "high", "near", "about", "between"
PREFIXES = {
    LOW: ["more than", "over", "above", "upwards of", "in excess of", "at least",
          "no fewer than", "no less than", "a minimum of", "greater than", "just over",
          "well over", "not less than", "not fewer than"],
    HIGH: ["up to", "as many as", "as much as", "fewer than", "less than", "under", "below",
           "at most", "no more than", "a maximum of", "not more than"],
    NEAR: ["nearly", "almost", "just under", "close to", "just shy of"],
    ABOUT: ["about", "around", "roughly", "approximately", "some", "an estimated", "estimated",
            "circa", "approx.", "ca.", "more or less", "an approximate"],
    BETWEEN: ["between"],
}
# Bound phrases by their last word, longest first, so "no more than" wins over "more than".
_PREFIX_PHRASES: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _kind, _phrases in PREFIXES.items():
    for _phrase in _phrases:
        _words = tuple(_phrase.split())
        _PREFIX_PHRASES.setdefault(_words[-1], []).append((_words, _kind))
for _list in _PREFIX_PHRASES.values():
    _list.sort(key=lambda item: -len(item[0]))
SUFFIXES = {
    ("or", "more"): LOW, ("or", "above"): LOW, ("or", "higher"): LOW, ("plus",): LOW,
    ("+",): LOW, ("or", "fewer"): HIGH, ("or", "less"): HIGH, ("or", "under"): HIGH,
    ("or", "below"): HIGH, ("or", "so"): ABOUT, ("-", "odd"): ABOUT, ("-", "plus"): LOW,
    ("-", "strong"): None,
}
_SUFFIX_STARTS = {words[0] for words in SUFFIXES}
HYPHEN_SUFFIXES = {words[1] for words in SUFFIXES if words[0] == "-"}
PERCENT_WORDS = {"%", "percent", "pct", "pct."}
RANGE_WORDS = {"to", "-", "–", "—", "or"}
TIME_OF_DAY = {"am", "a.m.", "pm", "p.m.", "a.m", "p.m", "o'clock", "gmt", "utc", "est", "edt",
               "et", "pt", "pst", "cet", "bst", "hrs"}
AGE_WORDS = {"aged", "age", "ages"}
LABEL_WORDS = {
    "page", "pages", "no", "no.", "number", "article", "section", "chapter", "resolution",
    "flight", "route", "room", "gate", "platform", "level", "phase", "stage", "season",
    "episode", "volume", "vol", "vol.", "item", "clause", "paragraph", "line", "bus",
    "highway", "interstate", "district", "precinct", "ward", "figure", "table", "grade",
    "category", "version", "rule", "order", "decree", "code", "#", "p.", "pp.", "exhibit",
}
YEAR_LEAD = {"in", "since", "by", "the", "of", "from", "until", "till", "before", "after",
             "during", "through", "throughout", "circa", "early", "late", "mid", "fiscal", ","}
NOUN_POS = {"NOUN", "PROPN"}
MODIFIER_TAGS = {"VBN", "VBG", "JJ", "JJR", "JJS", "HYPH"}
PRONOUNS = {"them", "us", "you", "those", "these", "whom", "which", "it"}
# Nouns that point back to what an earlier number counted: "three people ... and 12 others".
ANAPHORIC_NOUNS = {"others", "more"}
# Verbs before a number that make it a phone number: "call 911", "dial 999".
DIAL_WORDS = {"call", "dial", "text", "phone", "ring"}
_YEAR = re.compile(r"[12]\d{3}")
_SYMBOLS = re.escape("".join(symbol for symbol in CURRENCIES if len(symbol) == 1))
# What may be glued to a number that still counts something: currency, quotes, brackets,
# magnitude suffixes, "-strong"/"-odd"/"-plus", "%", "+" and punctuation.
_CHUNK_OK = re.compile(rf"""[{_SYMBOLS}(“"'‘\[]*[\d.,]+(?:k|bn|mn|tn|m)?(?:-(?:strong|odd|plus))?"""
                       r"""[%+)”"'’\].,;:!?]*""", re.IGNORECASE)
_CHUNK_RANGE = re.compile(rf"[{_SYMBOLS}]?[1-9][\d,.]*[-–—][1-9][\d,.]*[%.,;:!?)]*")
_GATE = Gate(set(UNITS) | set(TENS) | set(SCALES) | set(VAGUE) | set(VAGUE_QUANTIFIERS)
             | set(FRACTIONS) | {"a", "an", "dozen"}, "0123456789+")
_MAX_NOUN_GAP = 6  # modifiers scanned between a number and its noun
_TABLE_RUN = 3  # bare numbers in a row: a table or a phone number
_MAX_GLUED = 8  # tokens without spaces around a number that can still make a simple number


@Language.factory("claimgraph_quantities")
def make_quantities(nlp: Language, name: str) -> QuantityFinder:
    return QuantityFinder()


class QuantityFinder:
    """Writes ``doc._.quantities``: every quantity in text order, linked to its claim."""

    def __call__(self, doc: Doc) -> Doc:
        found: list[Quantity] = []
        last_noun: str | None = None
        skip_to, sentence = 0, -1
        for i, in_sentence in _GATE(doc):
            if in_sentence != sentence:
                last_noun, sentence = None, in_sentence
            if i < skip_to:
                continue
            result = _quantity_at(doc, i, last_noun)
            if result is None:
                continue
            quantity, skip_to, noun = result
            if quantity is not None:
                found.append(quantity)
                last_noun = noun or last_noun
        doc._.quantities = _link_claims(found, list(doc._.claims))
        return doc


def _quantity_at(doc: Doc, i: int, last_noun: str | None):
    """(Quantity or None, next token to look at, counted noun) for a number at ``i``, or None."""
    token = doc[i]
    if token.text.startswith("+") and token.text[1:].isdigit():
        return None, _run_end(doc, i + 1), None  # an international phone number
    if is_digit_token(token) and _run_end(doc, i) - i >= _TABLE_RUN:
        return None, _run_end(doc, i), None
    reading = read_number(doc, i)
    if reading is None:
        return None
    number = reading.number
    currency = currency_at(doc, number.start)
    kind, start = _prefix(doc, number.start - 1 if currency else number.start)
    low, high = number.value, number.value
    upper = _range_end(doc, number.end, kind == BETWEEN)
    if upper is not None and number.scale == 1 and upper.scale > 1 and number.value is not None:
        number.value = low = number.value * upper.scale
    end = upper.end if upper is not None else number.end
    if _not_a_count(doc, number):
        return None, end, None
    if upper is not None:
        if number.value is not None and upper.value <= number.value:
            return None, end, None  # "80-19", "4 to 1": a tally or score, not a range
        high = upper.value
        if kind == BETWEEN:
            kind = None
    suffix, end = _suffix(doc, end)
    kind = kind if kind not in (None, BETWEEN) else suffix
    unit, noun_token, via_of = None, None, False
    if end < len(doc) and _is_percent(doc, end):
        unit, end = "percent", _percent_end(doc, end)
        noun_token, via_of = _counted_noun(doc, end)
        if not via_of:  # "30 percent of voters" keeps "voters" in the span; "30 percent rate" not
            noun_token = None
    elif reading.percent:
        unit = "percent"
        noun_token, via_of = _counted_noun(doc, end)
        if reading.needs_of and not via_of:
            return None, end, None  # "two thirds" alone may count third places, not a share
    else:
        noun_token, via_of = _counted_noun(doc, end)
        if reading.needs_of and not via_of:
            return None, end, None
        if currency:
            unit = currency
        elif noun_token is not None:
            unit = _noun_text(noun_token)
    if noun_token is not None and not via_of and TIME_UNITS.get(noun_token.lemma_.lower()):
        return None, noun_token.i + 1, None  # a duration: left to the time expressions
    if _counts_nothing(doc, number, noun_token, via_of, reading):
        return None, end, None
    noun = _noun_text(noun_token) if noun_token is not None else None
    if noun_token is not None and noun_token.lower_ in ANAPHORIC_NOUNS:
        unit, noun = last_noun, None
    elif unit is None and noun is None and not reading.percent:
        unit = last_noun
    last = max(end, noun_token.i + 1) if noun_token is not None else end
    quantity = _record(doc[start:last], reading, kind, low, high, unit)
    return quantity, end, noun


def _record(span: Span, reading: Reading, kind: str | None, low: float | None,
            high: float | None, unit: str | None) -> Quantity:
    number = reading.number
    value = number.value
    approximate = reading.approximate or number.vague or kind in (NEAR, ABOUT)
    if number.vague:
        high = None
    if kind == LOW:
        high = None
    elif kind in (HIGH, NEAR):
        low = None
    elif kind == ABOUT and low == high:
        low = high = None
    if reading.approximate and low == high:
        low = high = None
    if value is None:
        low = high = None
    return Quantity(
        start=span.start_char, end=span.end_char, text=span.text, value=value, low=low,
        high=high, approximate=approximate, vague=number.vague, unit=unit,
    )


def _not_a_count(doc: Doc, number: Number) -> bool:
    """A number that is part of a name, date, time of day, age, label, ID, URL or phone number."""
    i, end, n = number.start, number.end, len(doc)
    after = doc[end].lower_.replace("’", "'") if end < n else ""
    if after in TIME_OF_DAY:
        return True
    if not doc[i].text[:1].isdigit():  # words: names ("Ground Zero") and compounds ("one-sided")
        compound = (end + 1 < n and doc[end].text == "-" and not doc[end - 1].whitespace_
                    and doc[end + 1].is_alpha and doc[end + 1].lower_ not in HYPHEN_SUFFIXES)
        return compound or (doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()
                            and not doc[i].is_sent_start)
    first, last = i, i
    while first > 0 and not doc[first - 1].whitespace_ and i - first < _MAX_GLUED:
        first -= 1
    while last + 1 < n and not doc[last].whitespace_ and last - i < _MAX_GLUED:
        last += 1
    if i - first >= _MAX_GLUED or last - i >= _MAX_GLUED:
        return True  # a long run of glued tokens is a code, list or URL, not a number
    chunk = doc[first:last + 1].text
    if not (_CHUNK_OK.fullmatch(chunk) or _CHUNK_RANGE.fullmatch(chunk)):
        return True
    prev = doc[i - 1].lower_.rstrip(".") if i else ""
    return (
        prev in MONTHS or after.rstrip(".") in MONTHS
        or prev in AGE_WORDS or prev in LABEL_WORDS or prev in DIAL_WORDS
        or (i > 1 and prev == "" and doc[i - 2].lower_ in LABEL_WORDS)  # "No" "." "2"
    )


def _counts_nothing(doc: Doc, number: Number, noun_token: Token | None, via_of: bool,
                    reading: Reading) -> bool:
    """Years, ages in apposition, model names and a lone "one": numbers that count nothing."""
    i = number.start
    text = doc[i].text
    prev = doc[i - 1].lower_ if i else ""
    if (noun_token is None or noun_token.pos_ == "PROPN") and i and not doc[i - 1].is_sent_start \
            and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper():
        return True  # "Arrow 3", "Boeing 737 Max", "Windows 10": part of a name
    if not number.words and _YEAR.fullmatch(text) and number.end == i + 1:
        after = doc[i + 1] if i + 1 < len(doc) else None
        if noun_token is None or prev in YEAR_LEAD or doc[i].ent_type_ == "DATE" or (
            after is not None and after.tag_ not in ("NNS", "NNPS")  # "1995 tax filings"
        ):
            return True
    if prev in ("a", "an") and not number.words and noun_token is not None \
            and noun_token.tag_ == "NN" and not via_of and number.value != 1:
        return True  # "a 911 operator", "a 737 jet": a number naming a kind, not counting
    if number.value == 1 and number.words and not reading.percent and (
        noun_token is None or via_of
    ):
        return True
    if noun_token is None and not reading.percent and doc[i].ent_type_ in ("DATE", "TIME"):
        return True
    nxt = doc[number.end].text if number.end < len(doc) else ""
    return (noun_token is None and prev == "," and i > 1 and doc[i - 2].pos_ == "PROPN"
            and (nxt == "" or doc[number.end].is_punct) and number.value is not None
            and number.value < 130)


def _prefix(doc: Doc, start: int) -> tuple[str | None, int]:
    """The bound phrase just before token ``start``: (kind, its first token) or (None, start)."""
    if start == 0:
        return None, start
    for words, kind in _PREFIX_PHRASES.get(doc[start - 1].lower_, ()):
        first = start - len(words)
        if first < 0:
            continue
        if all(doc[first + k].lower_ == w for k, w in enumerate(words)):
            return kind, first
    return None, start


def _suffix(doc: Doc, end: int) -> tuple[str | None, int]:
    """The bound phrase just after the number ("or more", "or so", "-odd"): (kind, new end)."""
    n = len(doc)
    if end >= n or doc[end].lower_ not in _SUFFIX_STARTS:
        return None, end
    for words, kind in SUFFIXES.items():
        if end + len(words) <= n and all(
            doc[end + k].lower_ == w for k, w in enumerate(words)
        ):
            return kind, end + len(words)
    return None, end


def _range_end(doc: Doc, end: int, between: bool) -> Number | None:
    """The upper number of "X to Y", "X-Y", "X or Y", "between X and Y", or None."""
    n = len(doc)
    if end + 1 >= n:
        return None
    joiner = doc[end].lower_
    if not (joiner in RANGE_WORDS or (joiner == "and" and between)):
        return None
    j = end + 1
    if j < n and doc[j].text in CURRENCIES:
        j += 1
    upper = read_plain(doc, j) if j < n else None
    if upper is None or upper.value is None:
        return None
    return upper


def _is_percent(doc: Doc, j: int) -> bool:
    word = doc[j].lower_
    return word in PERCENT_WORDS or (word == "per" and j + 1 < len(doc)
                                     and doc[j + 1].lower_ == "cent")


def _percent_end(doc: Doc, j: int) -> int:
    return j + 2 if doc[j].lower_ == "per" else j + 1


def _counted_noun(doc: Doc, j: int) -> tuple[Token | None, bool]:
    """The noun a number counts ("North Korean troops" → troops) and whether it came via "of"."""
    n = len(doc)
    via_of = False
    if j < n and doc[j].lower_ == "of":
        via_of, j = True, j + 1
        if j < n and doc[j].lower_ in PRONOUNS:
            return None, True
        if j < n and (doc[j].pos_ == "DET" or doc[j].tag_ == "PRP$"):
            j += 1
        if j < n and doc[j].like_num:  # "17 of the 250 delegates"
            j += 1
    noun = None
    for k in range(j, min(n, j + _MAX_NOUN_GAP)):
        token = doc[k]
        if token.lower_ in WEEKDAYS or token.lower_ in MONTHS or token.text[:1] in "@#" \
                or token.like_url:
            break
        if token.tag_ == "HYPH" and not token.whitespace_ and not doc[k - 1].whitespace_:
            noun = None  # "coal-fired power plants": the noun comes after the compound
        elif token.pos_ in NOUN_POS and not token.like_num:
            if noun is not None and noun.pos_ == "NOUN" and token.pos_ == "PROPN":
                break  # "10 years Iran will ...": a name after a common noun starts a new phrase
            noun = token
        elif noun is None and (token.pos_ == "ADJ" or token.tag_ in MODIFIER_TAGS
                               or (token.pos_ == "ADV" and k + 1 < n
                                   and doc[k + 1].pos_ == "ADJ")):
            continue
        else:
            break
    return noun, via_of


def _noun_text(token: Token | None) -> str | None:
    if token is None:
        return None
    return token.text if token.pos_ == "PROPN" else token.text.lower()


def _run_end(doc: Doc, i: int) -> int:
    """End of the run of bare numbers starting at ``i`` (tables, spaced phone numbers)."""
    j = i
    while j < len(doc) and is_digit_token(doc[j]):
        j += 1
    return j


def _link_claims(quantities: list[Quantity], claims: list[Claim]) -> list[Quantity]:
    """Set each quantity's ``claim`` to the innermost claim whose span contains it."""
    if not claims:
        return quantities
    claims = sorted(claims, key=lambda c: (c.start, -c.end))
    starts = [c.start for c in claims]
    for quantity in quantities:
        best = None
        # Claims are clauses, so the containing one is among the last few that start before.
        for claim in reversed(claims[max(0, bisect_right(starts, quantity.start) - 20):
                                     bisect_right(starts, quantity.start)]):
            if claim.end >= quantity.end and (
                best is None or claim.end - claim.start < best.end - best.start
            ):
                best = claim
        quantity.claim = best.id if best else None
    return quantities
