"""The claimgraph_quantities component on small inline sentences, including bad input."""

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.analyze import quantities  # noqa: F401  (registers the factory)
from claimgraph.model import Claim
from claimgraph.settings import get_settings


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load(get_settings().spacy_model)
    nlp.add_pipe("claimgraph_quantities")
    return nlp


def found(nlp, text):
    doc = nlp(text)
    for q in doc._.quantities:
        assert doc.text[q.start:q.end] == q.text
    return doc._.quantities


def only(nlp, text):
    result = found(nlp, text)
    assert len(result) == 1, f"expected one quantity in {text!r}, got {result}"
    return result[0]


def test_counted_noun_and_its_modifiers_are_in_the_span(nlp):
    q = only(nlp, "Officials confirmed 3,000 North Korean troops were already in Russia.")
    assert (q.value, q.low, q.high, q.unit) == (3000, 3000, 3000, "troops")
    assert q.text == "3,000 North Korean troops"
    assert not q.approximate and not q.vague


def test_number_without_noun_takes_the_noun_of_the_previous_quantity(nlp):
    first, second = found(
        nlp, "3,000 troops were already in Russia, and another 7,000 were yet to be deployed.")
    assert (second.value, second.unit, second.text) == (7000, "troops", "7,000")


def test_number_with_no_noun_anywhere_has_no_unit(nlp):
    q = only(nlp, "The death toll rose to 45.")
    assert (q.value, q.unit) == (45, None)


@pytest.mark.parametrize("text, low, high, approximate", [
    ("Over 200 soldiers defected.", 200, None, False),
    ("At least 15 people died.", 15, None, False),
    ("The storm left 300 or more families without power.", 300, None, False),
    ("Up to 50 migrants may have drowned.", None, 50, False),
    ("Fewer than 100 inspectors remain.", None, 100, False),
    ("Nearly 900 prisoners were released.", None, 900, True),
    ("About 400 residents were evacuated.", None, None, True),
    ("An estimated 6,500 families lost their homes.", None, None, True),
    ("Between 200 and 300 troops were moved.", 200, 300, False),
    ("The blast killed 30-40 people.", 30, 40, False),
    ("Two or three guards were on duty.", 2, 3, False),
    ("Between five and 10 missiles hit the base.", 5, 10, False),
])
def test_bounds_follow_the_wording(nlp, text, low, high, approximate):
    q = only(nlp, text)
    assert (q.low, q.high, q.approximate) == (low, high, approximate)
    assert q.value == (low if low is not None else high if high is not None else q.value)


def test_range_shares_its_magnitude(nlp):
    q = only(nlp, "The plan would cost between 2 and 3 million dollars.")
    assert (q.value, q.low, q.high, q.unit) == (2e6, 2e6, 3e6, "dollars")


@pytest.mark.parametrize("text, value, unit", [
    ("They fired two dozen rockets overnight.", 24, "rockets"),
    ("Rescuers pulled twenty-five miners from the shaft.", 25, "miners"),
    ("The hospital has three hundred beds.", 300, "beds"),
    ("The agency says 1.5 million refugees have fled.", 1.5e6, "refugees"),
    ("More than 10k protesters marched.", 1e4, "protesters"),
    ("Donors raised $5bn for reconstruction.", 5e9, "dollars"),
    ("The fine was set at €200 per household.", 200, "euros"),
    ("Turnout fell to 42% in the north.", 42, "percent"),
    ("Prices rose 7.5 per cent over the year.", 7.5, "percent"),
    ("Half of the villages were evacuated.", 50, "percent"),
    ("One in five adults reported skipping meals.", 20, "percent"),
    ("A couple dozen protesters remained.", 24, "protesters"),
    ("You need a quarter of a million dollars.", 250_000, "dollars"),
    ("The plant closures hit hundreds of coal-fired power plants.", 100, "plants"),
])
def test_written_forms_are_read(nlp, text, value, unit):
    q = only(nlp, text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


def test_percentage_of_a_group_keeps_the_group_in_the_span(nlp):
    q = only(nlp, "About 60 percent of respondents opposed the plan.")
    assert (q.text, q.unit) == ("About 60 percent of respondents", "percent")
    assert only(nlp, "Sales fell 30 percent of the year.").unit == "percent"


def test_a_third_of_is_a_percentage(nlp):
    q = only(nlp, "A third of the troops had no winter clothing.")
    assert q.value == pytest.approx(100 / 3)
    assert q.unit == "percent"
    assert q.text == "A third of the troops"


@pytest.mark.parametrize("text, value", [
    ("Dozens of soldiers surrendered.", 12),
    ("Hundreds of homes were destroyed.", 100),
    ("Tens of thousands of people gathered.", 10_000),
    ("Several hundred workers walked out.", 100),
])
def test_vague_quantities_follow_the_acled_convention(nlp, text, value):
    q = only(nlp, text)
    assert (q.value, q.low, q.high) == (value, value, None)
    assert q.vague and q.approximate


@pytest.mark.parametrize("text", [
    "Tae defected to South Korea in 2016 with his family.",
    "The ceasefire began on October 25, 2024.",
    "The report is dated 2024-10-30.",
    "Talks resume on 3 March.",
    "The 19-year-old soldier was captured.",
    "Smith, 54, was appointed to the board.",
    "Soldiers in their teens and early 20s were sent.",
    "He joined the army aged 17.",
    "It was the 3rd attack this month.",
    "Readers can call the hotline at 202-555-0143.",
    "For tips, dial +44 20 7946 0958 any time.",
    "The full report is at https://example.org/reports/2024/445.",
    "The claim was first posted by @patriot1776 on X.",
    "Flight MH17 was shot down over eastern Ukraine.",
    "Ukraine asked for more F-16 jets.",
    "The story continues on page 5.",
    "The curfew starts at 10:30 p.m. in the capital.",
    "Polls open at 7 am.",
    "He became a lawmaker just four short years later.",
    "No one was hurt, and one of the guards resigned.",
    "The bill passed 80-19 in the Senate.",
    "A couple from Ohio won the lottery.",
    "Tuition at four-year universities rose.",
    "The channel posted one-sided news.",
    "Israel deployed Arrow 3 last year.",
    "Cornyn, the No. 2 Republican, objected.",
])
def test_non_quantities_are_left_out(nlp, text):
    assert found(nlp, text) == []


def test_european_thousands_are_read_as_thousands(nlp):
    assert only(nlp, "Local media reported 3.000 soldiers at the base.").value == 3000
    assert only(nlp, "The city counted 1.500.000 visitors.").value == 1_500_000


def test_a_couple_of_is_two_approximately(nlp):
    q = only(nlp, "A couple of reporters stayed behind.")
    assert (q.value, q.low, q.high, q.approximate, q.unit) == (2, None, None, True, "reporters")


def test_absurdly_large_numbers_do_not_crash(nlp):
    q = only(nlp, "A post claimed 1,000,000,000,000,000,000,000 troops were coming.")
    assert (q.value, q.unit) == (1e21, "troops")
    q = only(nlp, "It listed " + "9" * 500 + " troops.")
    assert (q.value, q.low, q.high, q.unit) == (None, None, None, "troops")


def test_table_of_numbers_gives_no_noise(nlp):
    rows = "\n".join(" ".join(str(100 + r * 7 + c) for c in range(8)) for r in range(300))
    assert found(nlp, "Deployments by month:\n" + rows) == []


def test_long_glued_run_of_numbers_is_not_a_quantity(nlp):
    assert found(nlp, "Codes: " + "-".join(str(k) for k in range(2000)) + ".") == []


def test_many_quantities_in_one_paragraph_are_all_found(nlp):
    text = " ".join(f"{n:,} troops arrived," for n in range(2, 3000, 3))
    assert len(found(nlp, text)) == len(range(2, 3000, 3))


def test_quantity_is_linked_to_the_claim_containing_it(nlp):
    text = "Austin said 3,000 troops arrived. Over 200 soldiers defected."
    doc = nlp.make_doc(text)
    for _, component in nlp.pipeline:
        if component is not nlp.get_pipe("claimgraph_quantities"):
            doc = component(doc)
    cut = text.index("Over")
    doc._.claims = [
        Claim(id="c1", start=0, end=cut - 1, text=text[:cut - 1], status="attributed"),
        Claim(id="c2", start=cut, end=len(text), text=text[cut:], status="asserted"),
    ]
    doc = nlp.get_pipe("claimgraph_quantities")(doc)
    assert [q.claim for q in doc._.quantities] == ["c1", "c2"]


def test_without_claims_quantities_have_no_claim(nlp):
    assert only(nlp, "Over 200 soldiers defected.").claim is None


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(
    ["3,000", "troops", "over", "between", "and", "-", "%", "$", "2024-13-45", "a", "couple",
     "dozens", "of", "1.5", "million", "3.000", "+44", "20", "@x1", "k", "to", "or", "half",
     "one", "in", "five", ",", "."]), max_size=25))
def test_any_token_soup_gives_consistent_records(nlp, words):
    for q in found(nlp, " ".join(words)):
        assert q.start <= q.end
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
