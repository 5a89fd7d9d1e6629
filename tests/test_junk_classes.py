"""Numbers that name rather than count, fractions without "of", and entity spans that are no
names do not become quantities or entities."""

import pytest
from spacy.tokens import Span

from claimgraph import analyze
from claimgraph.analyze.entities import group_entities
from claimgraph.analyze.pipeline import load_nlp
from claimgraph.settings import get_settings


def quantities(text):
    return [(q.text, q.value, q.unit) for q in analyze(text, plain=True).quantities]


@pytest.mark.parametrize("text", [
    "The rider won twice this season and added two thirds, her coach said.",
    "A 911 operator answered the call within seconds, police said.",
    "The airline grounded a 737 jet after the incident on Monday.",
])
def test_numbers_that_count_nothing_are_no_quantities(text):
    assert quantities(text) == []


def test_a_fraction_of_something_is_still_a_share():
    [(text, value, unit)] = quantities("Two thirds of the members voted for the merger.")
    assert unit == "percent" and round(value, 2) == 66.67


def test_a_span_without_a_capital_letter_is_no_entity():
    nlp = load_nlp(get_settings().spacy_model)
    doc = nlp.make_doc("They did n't visit Lisbon.")
    for name in nlp.pipe_names[:-5]:  # spaCy's own components only
        doc = nlp.get_pipe(name)(doc)
    doc.ents = [Span(doc, 2, 3, label="GPE"), Span(doc, 4, 5, label="GPE")]
    assert [e.name for e in group_entities(doc)] == ["Lisbon"]


def test_a_region_abbreviation_after_a_town_is_a_place_not_a_person():
    entities = analyze("The mayor of Kingston, Ont., said the bridge would reopen in May.",
                       plain=True).entities
    assert all(e.type != "PERSON" for e in entities)
