"""Typed hedge cues: what a reader would call uncertain, and what only looks like it."""

import pytest
import spacy

from claimgraph.analyze.hedges import find_hedges
from claimgraph.errors import InputError
from claimgraph.settings import get_settings


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(get_settings().spacy_model)


def cues(nlp, text):
    doc = nlp(text)
    return [(c.text, c.type) for c in find_hedges(doc)]


@pytest.mark.parametrize("text, cue", [
    ("The new drug may reduce the risk of stroke.", ("may", "epistemic")),
    ("The soldiers appear to be short and poorly fed.", ("appear", "epistemic")),
    ("The painting is believed to be a copy.", ("believed", "doxastic")),
    ("He is widely considered the best player of his generation.", ("considered", "doxastic")),
    ("Investigators asked whether the pilot had slept.", ("whether", "investigation")),
    ("If the talks fail, the strike would begin on Monday.", ("If", "conditional")),
    ("The fire was probably caused by a faulty cable.", ("probably", "epistemic")),
    # a verb of seeming with a to-infinitive hedges even where its context weights are weak
    ("Neighbours said the house appeared to be empty for months.", ("appeared", "epistemic")),
    ("Observers suspect that the vote was rigged.", ("suspect", "doxastic")),
    ("Should the talks fail, the union would strike on Monday.", ("Should", "conditional")),
    ("The coach was not sure if the striker would play on Sunday.", ("if", "investigation")),
])
def test_hedges_are_found_with_their_type(nlp, text, cue):
    assert cue in cues(nlp, text)


@pytest.mark.parametrize("text", [
    "The treaty was signed in May 1990 in Geneva.",
    "She appears in the second season of the series.",
    "The bridge opened to traffic in 2004 and carries the main road.",
    "The striker ran on as if nothing had happened.",
    "Why should voters trust the minister again?",
])
def test_look_alikes_are_not_hedges(nlp, text):
    assert cues(nlp, text) == []


def test_offsets_index_the_doc_when_given_a_sentence_span(nlp):
    doc = nlp("The match ended in a draw. The coach may resign next week.")
    second = list(doc.sents)[1]
    found = find_hedges(second)
    assert [c.text for c in found] == ["may"]
    assert doc.text[found[0].start:found[0].end] == "may"


def test_only_the_given_span_is_searched(nlp):
    doc = nlp("The coach may resign. The match ended in a draw.")
    assert find_hedges(list(doc.sents)[1]) == []


def test_empty_and_odd_input_gives_no_cues(nlp):
    assert find_hedges(nlp("")) == []
    assert find_hedges(nlp("   \n\n  ")) == []
    assert find_hedges(nlp("12 34 56 78 90 " * 2000)) == []


def test_one_huge_sentence_still_finds_its_cues(nlp):
    text = "the crew may have left and " * 1500 + "nobody knows."
    found = find_hedges(nlp(text))
    assert len(found) >= 1000 and all(c.text == "may" for c in found)


def test_plain_text_is_refused_with_a_clear_error():
    with pytest.raises(InputError, match="spaCy Doc or Span, not a str"):
        find_hedges("The drug may work.")


def test_a_doc_without_a_parse_gives_no_crash():
    doc = spacy.blank("en")("The drug may work. If so, prices might fall.")
    assert all(doc.text[c.start:c.end] == c.text for c in find_hedges(doc))
