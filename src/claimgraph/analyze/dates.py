"""Calendar arithmetic for time expressions: date ranges of a day, week, month or year."""

from __future__ import annotations

import calendar
import datetime as dt

MIN_YEAR, MAX_YEAR = 1900, 2100
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


def shift(day: dt.date, amount: int, granularity: str) -> dt.date:
    """``day`` moved by ``amount`` days, weeks, months or years (may raise OverflowError)."""
    if granularity == "day":
        return day + dt.timedelta(days=amount)
    if granularity == "week":
        return day + dt.timedelta(weeks=amount)
    if granularity == "month":
        return add_months(day, amount)
    return add_months(day, 12 * amount)


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
