"""The claimgraph_times component on small inline sentences, including bad input."""

import datetime as dt

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.analyze import times  # noqa: F401  (registers the factory)
from claimgraph.settings import get_settings

PUBLISHED = dt.date(2024, 10, 30)  # a Wednesday
D = dt.date


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load(get_settings().spacy_model)
    nlp.add_pipe("claimgraph_times")
    return nlp


def found(nlp, text, published=PUBLISHED):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    for t in doc._.times:
        assert doc.text[t.start:t.end] == t.text
    return doc._.times


def one(nlp, text, expression, published=PUBLISHED):
    hits = [t for t in found(nlp, text, published) if t.text == expression]
    assert len(hits) == 1, f"{expression!r} not found once in {found(nlp, text, published)}"
    return hits[0]


def dates(t):
    return t.start_date, t.end_date, t.granularity


def test_full_date_resolves_without_a_publication_date(nlp):
    t = one(nlp, "The video was posted on October 25, 2024.", "October 25, 2024", None)
    assert t.resolved and dates(t) == (D(2024, 10, 25), D(2024, 10, 25), "day")


def test_last_week_is_the_calendar_week_before_publication(nlp):
    t = one(nlp, "Austin confirmed last week that troops were in Russia.", "last week")
    assert t.resolved and dates(t) == (D(2024, 10, 21), D(2024, 10, 27), "week")


def test_relative_expression_without_publication_date_says_why(nlp):
    t = one(nlp, "Austin confirmed last week that troops were in Russia.", "last week", None)
    assert not t.resolved and t.start_date is None
    assert "publication date" in t.reason


def test_weekday_in_the_past_is_the_latest_one_up_to_publication(nlp):
    t = one(nlp, "Austin met the minister Monday.", "Monday")
    assert dates(t) == (D(2024, 10, 28), D(2024, 10, 28), "day")


def test_weekday_in_the_future_is_the_next_one(nlp):
    t = one(nlp, "The minister will visit Seoul on Friday.", "Friday")
    assert dates(t) == (D(2024, 11, 1), D(2024, 11, 1), "day")


def test_years_later_counts_from_the_last_year_mentioned(nlp):
    text = ("Tae defected to South Korea in 2016 with his family, becoming a lawmaker just "
            "four short years later.")
    assert dates(one(nlp, text, "2016")) == (D(2016, 1, 1), D(2016, 12, 31), "year")
    later = one(nlp, text, "four short years later", None)
    assert later.resolved and dates(later) == (D(2020, 1, 1), D(2020, 12, 31), "year")


def test_days_later_counts_from_the_day_mentioned_before(nlp):
    t = one(nlp, "On Monday the minister met envoys. Two days later, he resigned.",
            "Two days later")
    assert dates(t) == (D(2024, 10, 30), D(2024, 10, 30), "day")


def test_duration_in_the_past_is_not_a_date(nlp):
    assert found(nlp, "The bridge was built in two weeks.") == []


def test_years_later_with_nothing_to_count_from_says_why(nlp):
    t = one(nlp, "He became a lawmaker four years later.", "four years later")
    assert not t.resolved and "earlier date" in t.reason


def test_years_ago_counts_from_publication(nlp):
    t = one(nlp, "The base was built two years ago.", "two years ago")
    assert dates(t) == (D(2022, 1, 1), D(2022, 12, 31), "year")


@pytest.mark.parametrize("text, expression, start, end, granularity", [
    ("The outcomes over the next few months matter.", "the next few months",
     D(2024, 10, 30), D(2025, 1, 30), "month"),
    ("The next few weeks and months will be crucial.", "The next few weeks and months",
     D(2024, 10, 30), D(2025, 1, 30), "month"),
    ("Prices rose last month.", "last month", D(2024, 9, 1), D(2024, 9, 30), "month"),
    ("Elections are due next year.", "next year", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("The strike ended yesterday.", "yesterday", D(2024, 10, 29), D(2024, 10, 29), "day"),
    ("Inflation peaked in the 1970s.", "1970s", D(1970, 1, 1), D(1979, 12, 31), "year"),
    ("The talks were held in March 2016.", "March 2016", D(2016, 3, 1), D(2016, 3, 31), "month"),
    ("The survey ran September 16-19.", "September 16-19", D(2024, 9, 16), D(2024, 9, 19), "day"),
    ("The report is dated 2024-10-30.", "2024-10-30", D(2024, 10, 30), D(2024, 10, 30), "day"),
    ("Voting closed on 3 March.", "3 March", D(2024, 3, 3), D(2024, 3, 3), "day"),
    ("The firm was founded a decade ago.", "a decade ago", D(2014, 1, 1), D(2014, 12, 31), "year"),
    ("It grew over the past decade.", "the past decade", D(2014, 10, 30), D(2024, 10, 30), "year"),
    ("Three hours ago, the port closed.", "Three hours ago", D(2024, 10, 30), D(2024, 10, 30),
     "day"),
    ("They met this weekend.", "this weekend", D(2024, 10, 26), D(2024, 10, 27), "week"),
    ("They will meet this weekend.", "this weekend", D(2024, 11, 2), D(2024, 11, 3), "week"),
    ("Talks will end in two weeks.", "in two weeks", D(2024, 11, 11), D(2024, 11, 17), "week"),
    ("A deal is due within a month.", "within a month", D(2024, 10, 30), D(2024, 11, 30), "month"),
    ("From 2014 to 2016 the plant was idle.", "2014 to 2016", D(2014, 1, 1), D(2016, 12, 31),
     "year"),
    ("He arrived on Thursday, June 16, 2016.", "Thursday, June 16, 2016", D(2016, 6, 16),
     D(2016, 6, 16), "day"),
])
def test_expressions_resolve_to_ranges(nlp, text, expression, start, end, granularity):
    t = one(nlp, text, expression)
    assert t.resolved and dates(t) == (start, end, granularity)


@pytest.mark.parametrize("text, expression, reason", [
    ("The file is dated 2024-13-45.", "2024-13-45", "not a calendar date"),
    ("The treaty was signed in 1850.", "1850", "outside"),
    ("The colony is planned by 2150.", "2150", "outside"),
    ("It happened on February 30, 2023.", "February 30, 2023", "not a calendar date"),
])
def test_impossible_or_out_of_range_dates_are_unresolved_with_a_reason(
    nlp, text, expression, reason
):
    t = one(nlp, text, expression)
    assert not t.resolved and t.start_date is None and reason in t.reason


@pytest.mark.parametrize("text", [
    "Officials may resign over the scandal.",
    "She told USA Today she would run.",
    "The channel Russia Today aired it.",
    "Over 200 soldiers defected.",
    "The 1500 troops left.",
])
def test_non_times_are_left_out(nlp, text):
    assert found(nlp, text) == []


def test_leftover_date_entity_goes_to_dateparser(nlp):
    t = one(nlp, "We met the day before yesterday.", "the day before yesterday")
    assert t.resolved and dates(t) == (D(2024, 10, 28), D(2024, 10, 28), "day")


def test_abbreviated_month_with_ordinal_day(nlp):
    t = one(nlp, "The deadline was Oct. 25th.", "Oct. 25th")
    assert t.resolved and t.start_date == D(2024, 10, 25)


def test_table_of_numbers_gives_only_explained_times(nlp):
    table = "\n".join(f"{k} | {k * 3} | {k * 7}" for k in range(0, 3000, 7))
    for t in found(nlp, table):
        assert t.resolved or t.reason
        assert not t.resolved or 1900 <= t.start_date.year <= 2100


def test_publication_time_of_day_is_accepted(nlp):
    t = one(nlp, "The strike ended yesterday.", "yesterday", dt.datetime(2024, 10, 30, 18, 5))
    assert dates(t) == (D(2024, 10, 29), D(2024, 10, 29), "day")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(
    ["in", "2016", "four", "years", "later", "last", "week", "Wednesday", "October", "25", ",",
     "2024-13-45", "1850", "the", "next", "few", "months", "and", "ago", "May", "31", "February",
     "30", "a", "decade", "today", "."]), max_size=25), st.sampled_from([None, PUBLISHED]))
def test_any_token_soup_gives_consistent_times(nlp, words, published):
    for t in found(nlp, " ".join(words), published):
        assert t.resolved == (t.start_date is not None)
        assert t.resolved or t.reason
        if t.resolved:
            assert t.start_date <= t.end_date
