"""The ``claimgraph_times`` component: time expressions resolved to date ranges.

Absolute expressions ("October 25, 2024", "in 2016", "the 1990s", "2024-10-30") resolve on
their own. Expressions relative to the article ("last week", "Wednesday", "yesterday", "two
years ago", "the next few months") resolve against ``doc._.published``, the publication date or
its inferred lower bound; without one they stay unresolved, saying so. "N years later/earlier"
counts from the most recent absolute date, or single day, mentioned before it ("in 2016 ...
four short years later" is 2020; "on Monday ... two days later" is that Wednesday). A date
without a year, or a weekday, takes the occurrence nearest the publication date on the side
the verb's tense points to (past by default, as news reports).
"few" and "several" are read as 3. Spans hold the expression only, not a leading preposition.

Token rules decide almost everything; dateparser reads only the spaCy DATE entities those rules
leave, and only when they name a month or weekday or hold digits with separators.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimgraph.analyze import extensions  # noqa: F401  (registers the Doc attributes)
from claimgraph.analyze.dates import (
    UNIT_STEPS, Range, coarseness, month_range, nearest_year, out_of_range, read_with_dateparser,
    shift, unit_range, weekday_near, weekend_near, year_range,
)
from claimgraph.analyze.numbers import (
    MONTHS, TENS, TIME_UNITS, UNITS, WEEKDAYS, Gate, digits_value, read_words,
)
from claimgraph.model import TimeExpression

NO_DATE = "publication date unknown"
NO_ANCHOR = "no earlier date in the text to count from"
YEAR_LEAD = {"in", "since", "by", "until", "till", "before", "after", "during", "of", "from",
             "through", "throughout", "between", "and", "to", "early", "late", "mid", "around",
             "circa", "summer", "winter", "spring", "autumn", "fall", "year"}
NAME_ENTITIES = {"ORG", "PERSON", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW", "GPE"}
DEICTIC_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
SHIFTERS = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
            "coming": 1, "upcoming": 1}
VAGUE_COUNTS = {"few": 3, "several": 3, "couple": 2}
FUTURE_AUX = {"will", "'ll", "shall", "wo", "would"}
FILLER_ADJ = {"short", "long", "full", "whole", "brief", "more"}
_ORDINAL_DAY = re.compile(r"([1-9]|[12]\d|3[01])(st|nd|rd|th)?", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
_DECADE = re.compile(r"(\d{3}0)s")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASHED = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})")
_ANCHOR_WORDS = set(MONTHS) | set(WEEKDAYS) | set(DEICTIC_DAYS)
_STARTERS = _ANCHOR_WORDS | set(SHIFTERS) | set(UNITS) | set(TENS) | {"a", "an"}
_GATE = Gate(_STARTERS | {word + "." for word in MONTHS}, "0123456789")
_DIGIT_SEPARATOR = re.compile(r"\d[-/.:]\d")


@dataclass
class Hit:
    """A time expression found by a rule: its tokens and its date range, or why it has none."""

    start: int  # token indices, end exclusive
    end: int
    span: Range | None = None
    granularity: str | None = None
    reason: str | None = None
    absolute: bool = False


@Language.factory("claimgraph_times")
def make_times(nlp: Language, name: str) -> TimeFinder:
    return TimeFinder()


class TimeFinder:
    """Writes ``doc._.times``: every time expression in text order, resolved when it can be."""

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        if isinstance(published, dt.datetime):
            published = published.date()
        hits: list[Hit] = []
        anchor: Hit | None = None
        next_free = 0
        for i, _ in _GATE(doc):
            if i < next_free:
                continue
            hit = _match(doc, i, published, anchor)
            if hit is None:
                continue
            hits.append(hit)
            if hit.span is not None and (hit.absolute or hit.span[0] == hit.span[1]):
                anchor = hit  # a date, or a single day such as "Wednesday", to count from
            next_free = hit.end
        hits.extend(_leftover_entities(doc, hits, published))
        doc._.times = [_record(doc, hit) for hit in sorted(hits, key=lambda h: h.start)]
        return doc


def _record(doc: Doc, hit: Hit) -> TimeExpression:
    span = doc[hit.start:hit.end]
    resolved = hit.span is not None
    return TimeExpression(
        start=span.start_char, end=span.end_char, text=span.text,
        start_date=hit.span[0] if resolved else None, end_date=hit.span[1] if resolved else None,
        granularity=hit.granularity, resolved=resolved, reason=None if resolved else hit.reason,
    )


def _match(doc: Doc, i: int, published: dt.date | None, anchor: Hit | None) -> Hit | None:
    if doc[i].ent_type_ in NAME_ENTITIES:
        return None  # "USA Today", "Fox News Sunday", "Ground Zero"
    for matcher in (_numeric_date, _month_date, _day_month, _year, _deictic, _shifted,
                    _counted, _weekday):
        hit = matcher(doc, i, published, anchor)
        if hit is not None:
            return hit
    return None


def _numeric_date(doc, i, published, anchor) -> Hit | None:
    """"2024-10-30", "10/25/2024", "25.10.2024" (month first unless the first part is > 12)."""
    if not doc[i].text[:1].isdigit() or (i and not doc[i - 1].whitespace_):
        return None
    end = i + 1
    while end < len(doc) and not doc[end - 1].whitespace_ and end - i < 6:
        end += 1
    chunk = doc[i:end].text.rstrip(".,;:!?)")
    iso, slashed = _ISO.fullmatch(chunk), _SLASHED.fullmatch(chunk)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif slashed:
        month, day, year = (int(g) for g in slashed.groups())
        if month > 12 >= day:
            month, day = day, month
        if year < 100:
            year += 2000 if year < 50 else 1900
    else:
        return None
    while end > i + 1 and doc[end - 1].is_punct and not doc[end - 1].text[:1].isdigit():
        end -= 1
    return _day_hit(i, end, year, month, day)


def _day_hit(start: int, end: int, year: int, month: int, day: int) -> Hit:
    reason = out_of_range(year)
    if reason is None:
        try:
            date = dt.date(year, month, day)
        except ValueError:
            reason = f"not a calendar date: {year}-{month:02d}-{day:02d}"
        else:
            return Hit(start, end, (date, date), "day", absolute=True)
    return Hit(start, end, reason=reason, granularity="day")


def _days_hit(start: int, end: int, year: int, month: int, day: int, last: int | None) -> Hit:
    """A day, or a span of days in one month ("September 16-19")."""
    first = _day_hit(start, end, year, month, day)
    if last is None or first.span is None:
        return first
    closing = _day_hit(start, end, year, month, last)
    if closing.span is None or closing.span[0] < first.span[0]:
        return closing
    return Hit(start, end, (first.span[0], closing.span[0]), "day", absolute=True)


def _month_at(doc: Doc, i: int) -> tuple[int, int] | None:
    """(month, end) when token ``i`` names a month: capitalized, abbreviations with a dot or a
    day after them, "May" and "March" only beside a day, year or date preposition."""
    token = doc[i]
    word = token.lower_.rstrip(".")
    if word not in MONTHS or not token.text[:1].isupper():
        return None
    end = i + 1
    nxt = doc[end] if end < len(doc) else None
    if len(word) <= 4 and word not in ("june", "july", "may"):
        if token.text.endswith("."):
            pass
        elif nxt is not None and nxt.text == ".":
            end += 1
        elif nxt is None or not nxt.text[:1].isdigit():
            return None
    if word in ("may", "march"):
        after = doc[end] if end < len(doc) else None
        before = doc[i - 1].lower_ if i else ""
        if not ((after is not None and after.text[:1].isdigit())
                or before in YEAR_LEAD or before in SHIFTERS):
            return None
    return MONTHS[word], end


def _month_date(doc, i, published, anchor) -> Hit | None:
    """"October 25, 2024", "Oct. 25", "October 2024", "October"."""
    found = _month_at(doc, i)
    if found is None:
        return None
    month, end = found
    n = len(doc)
    day = None
    last_day = None
    if end < n and _ORDINAL_DAY.fullmatch(doc[end].text) and not _YEAR.fullmatch(doc[end].text):
        day, end = int(_ORDINAL_DAY.fullmatch(doc[end].text)[1]), end + 1
        closing = _ORDINAL_DAY.fullmatch(doc[end + 1].text) if end + 1 < n else None
        if closing and doc[end].text in ("-", "–"):  # "September 16-19"
            last_day, end = int(closing[1]), end + 2
    year_at = end + 1 if day is not None and end < n and doc[end].text == "," else end
    if year_at < n and _YEAR.fullmatch(doc[year_at].text):
        year = int(doc[year_at].text)
        if day is not None:
            return _days_hit(i, year_at + 1, year, month, day, last_day)
        reason = out_of_range(year)
        if reason:
            return Hit(i, year_at + 1, reason=reason, granularity="month")
        return Hit(i, year_at + 1, month_range(year, month), "month", absolute=True)
    shifted = SHIFTERS.get(doc[i - 1].lower_) if i else None
    if published is None:
        return Hit(i, end, reason=NO_DATE, granularity="day" if day else "month")
    if shifted is not None and day is None:  # "last October", "this May"
        year = published.year if shifted == 0 else nearest_year(month, None, published, shifted)
        return Hit(i - 1, end, month_range(year, month), "month")
    year = nearest_year(month, day, published, _direction(doc[i]))
    if day is not None:
        return _days_hit(i, end, year, month, day, last_day)
    return Hit(i, end, month_range(year, month), "month")


def _day_month(doc, i, published, anchor) -> Hit | None:
    """"25 October 2024", "3 March", "the 25th of October"."""
    match = _ORDINAL_DAY.fullmatch(doc[i].text)
    if match is None or i + 1 >= len(doc):
        return None
    j = i + 2 if doc[i + 1].lower_ == "of" else i + 1
    if j >= len(doc) or _month_at(doc, j) is None:
        return None
    month, end = _month_at(doc, j)
    day = int(match[1])
    if end < len(doc) and _YEAR.fullmatch(doc[end].text):
        return _day_hit(i, end + 1, int(doc[end].text), month, day)
    if published is None:
        return Hit(i, end, reason=NO_DATE, granularity="day")
    return _day_hit(i, end, nearest_year(month, day, published, _direction(doc[i])), month, day)


def _year(doc, i, published, anchor) -> Hit | None:
    """A year after a date preposition or inside a DATE entity ("in 2016"), or a decade."""
    token = doc[i]
    decade = _DECADE.fullmatch(token.text)
    if decade:
        first = int(decade[1])
        reason = out_of_range(first)
        if reason:
            return Hit(i, i + 1, reason=reason, granularity="year")
        return Hit(i, i + 1, (year_range(first)[0], year_range(first + 9)[1]), "year",
                   absolute=True)
    if not _YEAR.fullmatch(token.text):
        return None
    prev = doc[i - 1].lower_ if i else ""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and nxt.tag_ in ("NNS", "NNPS") and nxt.lower_ not in TIME_UNITS:
        return None  # "1500 troops"
    year = int(token.text)
    reason = out_of_range(year)
    possessive = nxt is not None and nxt.text in ("'s", "’s")
    if not (prev in YEAR_LEAD or possessive or (token.ent_type_ == "DATE" and not reason)):
        return None  # the tagger's DATE alone is trusted only for years in the supported span
    if reason:
        return Hit(i, i + 1, reason=reason, granularity="year")
    last = _year_range_end(doc, i, year)
    if last is not None:  # "from 2014 to 2016", "between 2010 and 2012", "1948-1982"
        return Hit(i, last[1], (year_range(year)[0], year_range(last[0])[1]), "year",
                   absolute=True)
    return Hit(i, i + 1, year_range(year), "year", absolute=True)


def _year_range_end(doc: Doc, i: int, first: int) -> tuple[int, int] | None:
    """(last year, end token) when the year at ``i`` opens a span of years, or None."""
    j = i + 1
    if j + 1 >= len(doc) or not _YEAR.fullmatch(doc[j + 1].text):
        return None
    joiner, lead = doc[j].lower_, doc[i - 1].lower_ if i else ""
    if not (joiner in ("-", "–") or (joiner == "to" and lead == "from")
            or (joiner == "and" and lead == "between")):
        return None
    last = int(doc[j + 1].text)
    if not first < last or out_of_range(last):
        return None
    return last, j + 2


def _deictic(doc, i, published, anchor) -> Hit | None:
    """"today", "yesterday", "tomorrow", "tonight"."""
    offset = DEICTIC_DAYS.get(doc[i].lower_)
    if offset is None or (i and doc[i - 1].lower_ in ("before", "after")):
        return None  # "the day before yesterday" is left to dateparser
    if doc[i].text[:1].isupper() and not doc[i].is_sent_start and doc[i - 1].text not in "“\"'‘(":
        return None  # "USA Today", "Russia Today": a name
    if published is None:
        return Hit(i, i + 1, reason=NO_DATE, granularity="day")
    day = published + dt.timedelta(days=offset)
    return Hit(i, i + 1, (day, day), "day")


def _shifted(doc, i, published, anchor) -> Hit | None:
    """"last week", "this year", "next month", "last Wednesday", "the next few months",
    "the past two weeks and months"."""
    direction = SHIFTERS.get(doc[i].lower_)
    if direction is None or i + 1 >= len(doc):
        return None
    start = i - 1 if i and doc[i - 1].lower_ == "the" else i
    j, count = i + 1, None
    if doc[j].lower_ in VAGUE_COUNTS or doc[j].lower_ == "a":
        if doc[j].lower_ == "a" and j + 1 < len(doc) and doc[j + 1].lower_ in VAGUE_COUNTS:
            j += 1
        count, j = VAGUE_COUNTS.get(doc[j].lower_), j + 1
    elif (number := _count(doc, j)) is not None:
        count, j = number
    word, j = _units(doc, j)
    if word is None:
        weekday = WEEKDAYS.get(doc[j].lower_) if j < len(doc) and count is None else None
        if weekday is None or not doc[j].text[:1].isupper():
            return None
        if published is None:
            return Hit(i, j + 1, reason=NO_DATE, granularity="day")
        return Hit(i, j + 1, weekday_near(published, weekday, direction or 1, week=True), "day")
    if count is None and doc[i].lower_ in ("past", "coming") and start == i:
        return None  # "past week" needs "the"; bare "past" is often an adjective
    unit = TIME_UNITS[word]
    if count is None and doc[j - 1].tag_ == "NNS":
        count = VAGUE_COUNTS["few"]  # "the coming years" reads like "the next few years"
    if published is None:
        return Hit(start, j, reason=NO_DATE, granularity=unit)
    if count is None and word == "weekend":
        return Hit(i, j, weekend_near(published, direction, _direction(doc[i])), "week")
    if count is None and word in ("decade", "century"):
        count = 1  # "the past decade" is the ten years up to today, not a calendar unit
    if count is None:  # "last week": the whole calendar unit before, holding or after today
        return Hit(i, j, unit_range(shift(published, direction, word), unit), unit)
    other = shift(published, direction * count, word)
    span = (published, other) if direction > 0 else (other, published)
    return Hit(start, j, span, unit)


def _counted(doc, i, published, anchor) -> Hit | None:
    """"two years ago", "four short years later", "a week earlier", and in the future tense
    "in two weeks", "within a month"."""
    number = _count(doc, i)
    if number is None:
        return None
    count, j = number
    while j < len(doc) and doc[j].lower_ in FILLER_ADJ:
        j += 1
    word, j = _units(doc, j)
    if word is None:
        return None
    unit = TIME_UNITS[word]
    lead = doc[i - 1].lower_ if i else ""
    if lead in ("in", "within") and (lead == "within" or _direction(doc[i]) > 0):
        if published is None:
            return Hit(i - 1, j, reason=NO_DATE, granularity=unit)
        later = shift(published, count, word)
        span = (published, later) if lead == "within" else unit_range(later, unit)
        return Hit(i - 1, j, span, unit)
    if j >= len(doc):
        return None
    relation = doc[j].lower_
    if relation == "ago":
        if published is None:
            return Hit(i, j + 1, reason=NO_DATE, granularity=unit)
        return Hit(i, j + 1, unit_range(shift(published, -count, word), unit), unit)
    if relation not in ("later", "earlier"):
        return None
    if anchor is None:
        return Hit(i, j + 1, reason=NO_ANCHOR, granularity=unit)
    sign = 1 if relation == "later" else -1
    granularity = max(unit, anchor.granularity, key=coarseness)
    start = shift(anchor.span[0], sign * count, word)
    end = shift(anchor.span[1], sign * count, word)
    reason = out_of_range(start.year) or out_of_range(end.year)
    if reason:
        return Hit(i, j + 1, reason=reason, granularity=granularity)
    return Hit(i, j + 1, (start, end), granularity)


def _weekday(doc, i, published, anchor) -> Hit | None:
    """"Wednesday", "on Friday": the nearest such day on the side the tense points to."""
    token = doc[i]
    weekday = WEEKDAYS.get(token.lower_)
    if weekday is None or len(token.text) < 6 or not token.text[:1].isupper():
        return None
    if i + 2 < len(doc) and doc[i + 1].text == ",":  # "Thursday, June 16, 2016": the date decides
        dated = _month_date(doc, i + 2, published, anchor) or _day_month(doc, i + 2, published,
                                                                          anchor)
        if dated is not None and dated.granularity == "day":
            dated.start = i
            return dated
    if published is None:
        return Hit(i, i + 1, reason=NO_DATE, granularity="day")
    return Hit(i, i + 1, weekday_near(published, weekday, _direction(token), week=False), "day")


def _count(doc: Doc, i: int) -> tuple[int, int] | None:
    """A small whole number in digits or words at ``i`` ("four", "4", "a"): (value, end)."""
    token = doc[i]
    if token.lower_ in ("a", "an"):
        return 1, i + 1
    read = digits_value(token.text)
    if read is not None and read[0] is not None and read[0] == int(read[0]) and read[0] < 1000:
        return int(read[0]), i + 1
    if token.like_num and not token.text[:1].isdigit():
        words = read_words(doc, i, i + 4)
        if words is not None and words.value and words.value < 1000:
            return int(words.value), words.end
    return None


def _units(doc: Doc, j: int) -> tuple[str | None, int]:
    """The time unit word at ``j`` ("weeks" → "week"), or over a coordinated pair ("weeks and
    months") the larger of the two; (None, j) when there is none."""
    word = _unit_word(doc, j)
    if word is None:
        return None, j
    end = j + 1
    if end + 1 < len(doc) and doc[end].lower_ in ("and", "or"):
        other = _unit_word(doc, end + 1)
        if other is not None:
            word, end = max(word, other, key=_unit_size), end + 2
    return word, end


def _unit_word(doc: Doc, j: int) -> str | None:
    if j >= len(doc):
        return None
    for word in (doc[j].lemma_.lower(), doc[j].lower_, doc[j].lower_.removesuffix("s")):
        if word in TIME_UNITS:
            return word
    return None


def _unit_size(word: str) -> tuple[int, float]:
    return coarseness(TIME_UNITS[word]), UNIT_STEPS.get(word, 1)


def _direction(token: Token) -> int:
    """-1 when the clause holding ``token`` is in the past, 1 in the future, 0 when unclear."""
    verb = token
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if any(child.lower_ in FUTURE_AUX for child in verb.children) or verb.lower_ in FUTURE_AUX:
        return 1
    if verb.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in verb.children
                                          if c.dep_ in ("aux", "auxpass")):
        return -1
    return 0


def _leftover_entities(doc: Doc, hits: list[Hit], published: dt.date | None) -> list[Hit]:
    """spaCy DATE entities our rules left, read by dateparser when they look like a date."""
    covered = {k for hit in hits for k in range(hit.start, hit.end)}
    found = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or len(ent) == 1 or any(t.i in covered for t in ent):
            continue  # single words are decided by the rules above (or are names)
        words = {t.lower_.rstrip(".") for t in ent}
        if not (words & _ANCHOR_WORDS or _DIGIT_SEPARATOR.search(ent.text)):
            continue  # durations ("three months"), ages and bare numbers are not dates
        found.append(_parse_leftover(ent, published))
    return found


def _parse_leftover(ent, published: dt.date | None) -> Hit:
    if published is None and not any(_YEAR.fullmatch(t.text) for t in ent):
        return Hit(ent.start, ent.end, reason=NO_DATE)
    span, granularity, reason = read_with_dateparser(ent.text, published)
    return Hit(ent.start, ent.end, span, granularity, reason)
