"""Calendar arithmetic for time expressions (date ranges of a day, week, month or year), and
dateparser for the date expressions the token rules leave."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from functools import lru_cache

from claimgraph.analyze.numbers import TIME_UNITS

log = logging.getLogger(__name__)

MIN_YEAR, MAX_YEAR = 1900, 2100
# How many of its granularity each time unit word spans; 1 when not listed.
UNIT_STEPS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "fortnight": 2,
              "decade": 10, "century": 100}
Range = tuple[dt.date, dt.date]


def out_of_range(year: int) -> str | None:
    """The reason a year cannot be resolved, or None when it is within the supported span."""
    if MIN_YEAR <= year <= MAX_YEAR:
        return None
    return f"year {year} is outside the supported {MIN_YEAR}-{MAX_YEAR}"


def year_range(year: int) -> Range:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def month_range(year: int, month: int) -> Range:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def week_range(day: dt.date) -> Range:
    """The Monday-to-Sunday week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """``day`` moved by ``amount`` of a time unit word such as "day", "week", "decade", "hour"
    (may raise OverflowError). Units below a day move by whole days, rounded."""
    granularity, step = TIME_UNITS[unit], UNIT_STEPS.get(unit, 1)
    if granularity == "day":
        return day + dt.timedelta(days=round(amount * step))
    if granularity == "week":
        return day + dt.timedelta(weeks=amount * step)
    if granularity == "month":
        return add_months(day, amount * step)
    return add_months(day, 12 * amount * step)


def unit_range(day: dt.date, granularity: str) -> Range:
    """The day, week, month or year holding ``day``."""
    if granularity == "day":
        return day, day
    if granularity == "week":
        return week_range(day)
    if granularity == "month":
        return month_range(day.year, day.month)
    return year_range(day.year)


def nearest_year(month: int, day: int | None, published: dt.date, direction: int) -> int:
    """The year that puts month/day nearest to ``published``: before it when ``direction`` < 0,
    after it when > 0, either way when 0 (ties go to the past, as news mostly reports it)."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        start, end = month_range(year, month)
        if day is not None:
            start = end = dt.date(year, month, min(day, end.day))
        if direction < 0 and start > published:
            continue
        if direction > 0 and end < published:
            continue
        gap = 0 if start <= published <= end else min(
            abs((start - published).days), abs((end - published).days))
        candidates.append((gap, end > published, year))
    return min(candidates)[2]


def weekday_near(published: dt.date, weekday: int, direction: int, week: bool) -> Range:
    """The date of ``weekday`` near ``published``. With ``week`` ("last Wednesday"), the one in
    the previous or next week; otherwise the nearest on or before (or after, for the future)."""
    if week:
        monday = week_range(published)[0] + dt.timedelta(weeks=direction)
        day = monday + dt.timedelta(days=weekday)
    else:
        back = (published.weekday() - weekday) % 7
        day = published + dt.timedelta(days=(7 - back) % 7 if direction > 0 else -back)
    return day, day


def weekend_near(published: dt.date, direction: int, tense: int) -> Range:
    """Saturday and Sunday of the weekend meant: the previous, this or the next (``direction``
    -1, 0, 1); "this weekend" in the past ``tense``, written on a weekday, is the one just gone."""
    if direction == 0 and tense < 0 and published.weekday() < 5:
        direction = -1
    monday = week_range(published)[0] + dt.timedelta(weeks=direction)
    return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)


def coarseness(granularity: str | None) -> int:
    return ("day", "week", "month", "year").index(granularity) if granularity else -1


def read_with_dateparser(text: str, published: dt.date | None
                         ) -> tuple[Range | None, str | None, str | None]:
    """(range, granularity, reason) of a date expression our rules left, read by dateparser
    relative to ``published``; reason says why when it gives no date."""
    try:
        data = _date_parser(published).get_date_data(text)
    except Exception as err:  # dateparser raises assorted errors on odd input
        log.debug("dateparser failed on %r: %s", text, err)
        data = None
    if data is None or data.date_obj is None:
        return None, None, "not understood as a date"
    day = data.date_obj.date()
    granularity = data.period if data.period in ("day", "week", "month", "year") else "day"
    reason = out_of_range(day.year)
    if reason:
        return None, granularity, reason
    return unit_range(day, granularity), granularity, None


@lru_cache(maxsize=8)
def _date_parser(published: dt.date | None):
    from dateparser.date import DateDataParser  # slow to import: only when a leftover needs it

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    return DateDataParser(languages=["en"], settings=settings)
