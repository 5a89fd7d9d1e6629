"""The seed's quantities and times, as the analyst sheet lists them.

Expectations are copied from the seed's analyst sheet; they name this article's numbers only
as expected output, never as inputs to the code.
"""

import datetime as dt

import pytest

from claimgraph import analyze
from claimgraph.model import Article

QUANTITIES = [
    # (text contained, value, low, high, unit)
    ("3,000", 3000, 3000, 3000, "troops"),
    ("7,000", 7000, 7000, 7000, "troops"),
    ("over 200", 200, 200, None, "soldiers"),
]
# The sheet's lower bound for the publication date, inferred from the newest embedded post.
PUBLISHED_NOT_BEFORE = dt.date(2024, 10, 30)


@pytest.mark.parametrize("contains, value, low, high, unit", QUANTITIES)
def test_seed_quantities(seed, contains, value, low, high, unit):
    matches = [q for q in seed.quantities if contains in q.text]
    assert len(matches) == 1, f"expected one quantity with {contains!r}: {seed.quantities}"
    q = matches[0]
    assert (q.value, q.low, q.high, q.unit) == (value, low, high, unit)
    assert seed.text[q.start:q.end] == q.text


def test_seed_has_no_other_quantities(seed):
    assert len(seed.quantities) == len(QUANTITIES), [q.text for q in seed.quantities]


def _time(analysis, text):
    matches = [t for t in analysis.times if t.text == text]
    assert len(matches) == 1, f"expected one time {text!r}: {[t.text for t in analysis.times]}"
    return matches[0]


def test_seed_year_and_the_years_counted_from_it(seed):
    year = _time(seed, "2016")
    assert (year.start_date, year.end_date, year.granularity) == (
        dt.date(2016, 1, 1), dt.date(2016, 12, 31), "year")
    later = _time(seed, "four short years later")
    assert (later.start_date, later.end_date, later.granularity) == (
        dt.date(2020, 1, 1), dt.date(2020, 12, 31), "year")


def test_seed_last_week_resolves_when_the_date_is_known(seed):
    last_week = _time(seed, "last week")
    if seed.published is None:
        assert not last_week.resolved and last_week.reason
    else:
        assert last_week.resolved
    fields = {name: getattr(seed, name) for name in Article.model_fields}
    dated = analyze(Article(**{**fields, "published": PUBLISHED_NOT_BEFORE}))
    last_week = _time(dated, "last week")
    assert last_week.resolved and last_week.granularity == "week"
    assert last_week.end_date < PUBLISHED_NOT_BEFORE
    assert (PUBLISHED_NOT_BEFORE - last_week.start_date).days <= 14
