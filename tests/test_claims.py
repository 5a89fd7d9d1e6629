"""Claims: clause-level units with who makes them, how sure they are, and why.

Quotes and entities are written by hand here (the quotes component is tested on its own), so
each test states exactly which attribution the claims component is given.
"""

import pytest
import spacy

from claimgraph.analyze.claims import find_claims, make_claims
from claimgraph.model import Entity, Mention, Quote, Span, Speaker
from claimgraph.settings import get_settings


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(get_settings().spacy_model)


def at(text, part, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def piece(text, part):
    start, end = at(text, part)
    return Span(start=start, end=end, text=part)


def quote(text, qid, content, cue=None, speaker=None, entity=None, anonymous=False,
          kind="indirect"):
    who = None
    if speaker is not None:
        start, end = at(text, speaker)
        who = Speaker(start=start, end=end, text=speaker, entity=entity, anonymous=anonymous)
    return Quote(id=qid, kind=kind, speaker=who, cue=piece(text, cue) if cue else None,
                 content=[piece(text, c) for c in content])


def claims_of(nlp, text, quotes=(), entities=()):
    doc = nlp(text)
    doc._.quotes = list(quotes)
    doc._.entities = list(entities)
    return make_claims(nlp, "claimgraph_claims")(doc)._.claims


def one(claims, part):
    found = [c for c in claims if part in c.text]
    assert len(found) == 1, f"one claim containing {part!r} expected: {[c.text for c in claims]}"
    return found[0]


def test_outlet_sentence_is_an_asserted_checkable_claim(nlp):
    claims = claims_of(nlp, "The company opened a car factory in Ohio in 2019.")
    assert len(claims) == 1
    claim = claims[0]
    assert claim.status == "asserted" and claim.source is None and claim.quote is None
    assert claim.text == "The company opened a car factory in Ohio in 2019"
    assert claim.check_worthy


def test_coordinated_clauses_are_separate_claims(nlp):
    text = "About 3,000 troops were already in the city, and another 7,000 were still waiting."
    claims = claims_of(nlp, text)
    assert [c.text for c in claims] == [
        "About 3,000 troops were already in the city", "another 7,000 were still waiting"]
    for c in claims:
        assert text[c.start:c.end] == c.text


def test_confirmation_names_its_source_and_cue_and_the_frame_is_no_claim(nlp):
    text = "Defense Minister Jane Smith confirmed that 3,000 troops had crossed the border."
    q = quote(text, "q1", ["that 3,000 troops had crossed the border"], cue="confirmed",
              speaker="Defense Minister Jane Smith", entity="e1")
    claims = claims_of(nlp, text, [q])
    assert len(claims) == 1
    claim = claims[0]
    assert claim.text == "3,000 troops had crossed the border"
    assert (claim.status, claim.source, claim.quote) == ("confirmed", "e1", "q1")
    assert [(c.text, c.type) for c in claim.cues] == [("confirmed", "confirm")]


@pytest.mark.parametrize("text, cue", [
    ("The minister did not confirm that troops had crossed the border.", "confirm"),
    ("The minister declined to confirm that troops had crossed the border.", "confirm"),
])
def test_negated_confirmation_is_not_confirmed(nlp, text, cue):
    q = quote(text, "q1", ["that troops had crossed the border"], cue=cue,
              speaker="The minister", entity="e1")
    claim = one(claims_of(nlp, text, [q]), "troops had crossed")
    assert claim.status == "speculative"
    assert any("confirm" in c.text and c.text != "confirm" for c in claim.cues)


def test_a_negated_report_leaves_its_content_unconfirmed(nlp):
    text = "The minister did not say that troops had crossed the border."
    q = quote(text, "q1", ["that troops had crossed the border"], cue="say",
              speaker="The minister", entity="e1")
    claim = one(claims_of(nlp, text, [q]), "troops had crossed")
    assert claim.status == "speculative"
    assert [(c.text, c.type) for c in claim.cues] == [("not say", "negated")]


@pytest.mark.parametrize("text", [
    "The death toll has not been confirmed.",
    "The club declined to confirm that the coach had been fired.",
])
def test_a_confirmation_denied_in_the_outlets_own_words_is_speculative(nlp, text):
    claim = one(claims_of(nlp, text), text[:12])
    assert claim.status == "speculative" and claim.cues[0].type == "unconfirmed"


def test_denial(nlp):
    text = "The ministry denied that its troops had crossed the border."
    q = quote(text, "q1", ["that its troops had crossed the border"], cue="denied",
              speaker="The ministry", entity="e1")
    claim = one(claims_of(nlp, text, [q]), "troops had crossed")
    assert claim.status == "denied" and [c.text for c in claim.cues] == ["denied"]


def test_a_hedge_inside_a_quote_hedges_only_the_quotes_claim(nlp):
    text = "Smith said the rebels may have left the town. The army moved north on Monday."
    q = quote(text, "q1", ["the rebels may have left the town"], cue="said", speaker="Smith",
              entity="e1")
    claims = claims_of(nlp, text, [q])
    quoted, own = one(claims, "rebels"), one(claims, "army")
    assert quoted.status == "hedged"
    assert ("may", "epistemic") in [(c.text, c.type) for c in quoted.cues]
    assert (own.status, own.quote, own.cues) == ("asserted", None, [])


def test_anonymous_source_has_no_entity_but_keeps_its_quote(nlp):
    text = "Experts said the missile was launched from a mobile platform."
    q = quote(text, "q1", ["the missile was launched from a mobile platform"], cue="said",
              speaker="Experts", anonymous=True)
    claim = one(claims_of(nlp, text, [q]), "missile")
    assert (claim.status, claim.source, claim.quote) == ("attributed", None, "q1")
    assert [(c.text, c.type) for c in claim.cues] == [("said", "attribution")]


def test_evidence_that_suggests_hedges_the_reporters_claim(nlp):
    text = "According to the Journal, footage suggests the army is recruiting teenagers."
    journal = Entity(id="e1", name="Journal", type="ORG", mentions=[Mention(start=17, end=24)])
    outer = quote(text, "q1", ["footage suggests the army is recruiting teenagers"],
                  cue="According to", speaker="the Journal", entity="e1", kind="according_to")
    inner = quote(text, "q2", ["the army is recruiting teenagers"], cue="suggests",
                  speaker="footage")
    claim = one(claims_of(nlp, text, [outer, inner], [journal]), "recruiting teenagers")
    assert (claim.status, claim.source, claim.quote) == ("hedged", "e1", "q1")
    assert "suggests" in [c.text for c in claim.cues]


def test_evaluative_words_make_a_sources_claim_an_opinion_not_the_outlets(nlp):
    text = '"The regime is corrupt and incompetent," Smith said. The corrupt official was arrested.'
    q = quote(text, "q1", ["The regime is corrupt and incompetent,"], cue="said",
              speaker="Smith", entity="e1", kind="direct")
    claims = claims_of(nlp, text, [q])
    quoted, own = one(claims, "regime"), one(claims, "arrested")
    assert quoted.status == "opinion" and not quoted.check_worthy
    assert {c.text for c in quoted.cues} == {"corrupt", "incompetent"}
    assert own.status == "asserted"


def test_speculation_and_predictions_are_not_check_worthy(nlp):
    text = ("There was speculation that the minister had resigned. "
            "The company will open a plant in Ohio next year.")
    claims = claims_of(nlp, text)
    spec, forecast = one(claims, "speculation"), one(claims, "plant")
    assert spec.status == "speculative" and "speculation" in [c.text for c in spec.cues]
    assert not spec.check_worthy and not forecast.check_worthy


def test_questions_and_verbless_headings_are_not_claims(nlp):
    assert claims_of(nlp, "Will the army withdraw before winter?") == []
    assert claims_of(nlp, "Breaking news\n\nPhotos: the flooded town") == []


def test_component_registers_and_runs_without_quotes_or_entities(nlp):
    pipeline = spacy.load(get_settings().spacy_model)
    pipeline.add_pipe("claimgraph_claims")
    doc = pipeline("Officials closed the airport on Friday.")
    assert [c.status for c in doc._.claims] == ["asserted"]


@pytest.mark.parametrize("text", [
    "",
    "   \n\n ",
    "and and and " * 3000,
    "\n".join(" ".join(str(n * 7 + k) for k in range(12)) for n in range(400)),
])
def test_bad_input_gives_a_list_without_crashing(nlp, text):
    claims = claims_of(nlp, text)
    assert isinstance(claims, list)
    for c in claims:
        assert text[c.start:c.end] == c.text


def test_quotes_with_offsets_outside_the_text_are_ignored(nlp):
    text = "Officials closed the airport on Friday."
    bad = Quote(id="q1", kind="indirect", cue=Span(start=500, end=504, text="said"),
                content=[Span(start=400, end=450, text="x" * 50)])
    assert [c.status for c in claims_of(nlp, text, [bad])] == ["asserted"]


def test_a_believing_cue_and_an_outlets_reportedly_hedge_the_quote(nlp):
    text = "Smith believes the dam was sabotaged. Jones reportedly said the dam was old."
    believes = quote(text, "q1", ["the dam was sabotaged"], cue="believes", speaker="Smith",
                     entity="e1")
    said = quote(text, "q2", ["the dam was old"], cue="said", speaker="Jones", entity="e2")
    claims = claims_of(nlp, text, [believes, said])
    assert [(c.status, [x.text for x in c.cues]) for c in claims] == [
        ("hedged", ["believes"]), ("hedged", ["reportedly"])]


def test_a_source_calling_a_report_not_true_denies_it(nlp):
    text = 'The ministry said the report was "simply not true".'
    q = quote(text, "q1", ['the report was "simply not true"'], cue="said",
              speaker="The ministry", entity="e1")
    claim = one(claims_of(nlp, text, [q]), "report")
    assert claim.status == "denied" and [c.text for c in claim.cues] == ["not true"]


def test_a_condition_on_a_fact_does_not_hedge_it_but_one_on_a_forecast_does(nlp):
    text = ("The city pays a bonus to nurses if they stay two years. "
            "The river could flood the town if the rain continues.")
    fact, forecast = claims_of(nlp, text)
    assert fact.status == "asserted"
    assert forecast.status in ("hedged", "speculative") and "if" in [c.text for c in forecast.cues]


def test_an_event_without_names_or_numbers_is_still_check_worthy(nlp):
    claims = claims_of(nlp, "Police arrested the driver after the crash.")
    assert [c.check_worthy for c in claims] == [True]


def test_a_speakers_i_think_is_an_opinion_not_a_hedge_on_a_fact_and_keeps_its_hedge_type(nlp):
    text = '"I think the plan is a mistake," Smith said.'
    q = quote(text, "q1", ["I think the plan is a mistake,"], cue="said", speaker="Smith",
              entity="e1", kind="direct")
    claim = one(claims_of(nlp, text, [q]), "plan")
    assert claim.status == "opinion" and [(c.text, c.type) for c in claim.cues] == [
        ("think", "doxastic")]


def test_a_doc_without_a_parse_gives_no_crash():
    blank = spacy.blank("en")
    doc = make_claims(blank, "claimgraph_claims")(blank("Officials closed the airport."))
    assert isinstance(doc._.claims, list)


def test_the_text_saying_it_was_confirmed_makes_a_confirmed_claim(nlp):
    claims = claims_of(nlp, "The deaths of 12 miners were confirmed by the company on Monday.")
    assert [(c.status, [x.text for x in c.cues]) for c in claims] == [("confirmed", ["confirmed"])]


def test_an_open_question_in_the_content_hedges_it(nlp):
    text = "Smith questioned whether the soldiers were real troops."
    q = quote(text, "q1", ["whether the soldiers were real troops"], cue="questioned",
              speaker="Smith", entity="e1")
    claim = one(claims_of(nlp, text, [q]), "soldiers")
    assert claim.text == "whether the soldiers were real troops"
    assert claim.status == "hedged"
    assert ("whether", "investigation") in [(c.text, c.type) for c in claim.cues]


def test_one_report_of_two_statements_gives_two_claims(nlp):
    text = "Smith said the mine was closed in May and that 12 workers had died."
    q = quote(text, "q1", ["the mine was closed in May and that 12 workers had died"],
              cue="said", speaker="Smith", entity="e1")
    claims = claims_of(nlp, text, [q])
    assert [c.text for c in claims] == ["the mine was closed in May", "12 workers had died"]
    assert {(c.source, c.quote, c.status) for c in claims} == {("e1", "q1", "attributed")}


def test_a_first_person_expectation_stays_a_hedge(nlp):
    text = '"We expect prices to fall next year," Smith said.'
    q = quote(text, "q1", ["We expect prices to fall next year,"], cue="said", speaker="Smith",
              entity="e1", kind="direct")
    claim = one(claims_of(nlp, text, [q]), "prices")
    assert claim.status == "hedged" and [c.text for c in claim.cues] == ["expect"]


def test_going_to_is_a_prediction_but_going_to_a_place_is_an_event(nlp):
    forecast, trip = claims_of(nlp, "Smith is going to win the race. Smith went to Paris in 2019.")
    assert not forecast.check_worthy and trip.check_worthy


@pytest.mark.parametrize("text, part, cue", [
    ("But maybe that remains the long-term game plan for the club.", "game plan", "maybe"),
    ("I presume the coach means that the team will rebuild slowly.", "rebuild", "presume"),
    ("The striker, I presume, will leave the club in the summer.", "striker", "presume"),
])
def test_a_writers_maybe_or_presume_hedges_the_claim(nlp, text, part, cue):
    claim = one(claims_of(nlp, text), part)
    assert claim.status == "hedged" and cue in [c.text for c in claim.cues]


@pytest.mark.parametrize("text", [
    "I suppose the council will vote against the new stadium.",
    "The council will vote against the new stadium, I suppose.",
])
def test_a_writers_own_view_is_an_opinion_not_an_assertion(nlp, text):
    claim = one(claims_of(nlp, text), "stadium")
    assert claim.status == "opinion" and [(c.text, c.type) for c in claim.cues] == [
        ("suppose", "doxastic")]


def test_a_first_person_view_as_the_cue_is_an_opinion_a_third_persons_a_hedge(nlp):
    mine, theirs = "I think the club will sell him.", "Smith thinks the club will sell him."
    content = "the club will sell him"
    own = one(claims_of(nlp, mine, [quote(mine, "q1", [content], cue="think", speaker="I")]),
              "club")
    other = one(claims_of(nlp, theirs, [quote(theirs, "q1", [content], cue="thinks",
                                              speaker="Smith", entity="e1")]), "club")
    assert (own.status, other.status) == ("opinion", "hedged")


@pytest.mark.parametrize("text, hedged", [
    ("The mayor is seen at the ribbon-cutting ceremony on Tuesday.", False),
    ("The mayor, seen here at the ceremony, waves to the crowd.", False),
    ("The mayor is widely seen as a reformer.", True),
    ("The new levy was considered necessary by the council.", True),
])
def test_seen_in_a_caption_is_no_hedge_but_seen_as_is(nlp, text, hedged):
    claim = claims_of(nlp, text)[0]
    assert (claim.status == "hedged") is hedged


@pytest.mark.parametrize("text, status", [
    ("There was speculation that the minister would resign.", "speculative"),
    ("Rumours spread that the minister would resign.", "speculative"),
    ("The court ruled that the testimony constitutes hearsay.", "asserted"),
])
def test_a_speculation_word_makes_a_claim_speculative_only_with_what_is_speculated(
        nlp, text, status):
    assert claims_of(nlp, text)[0].status == status


def test_hedges_that_no_claim_holds_are_listed_apart(nlp):
    doc = nlp("Could the bridge perhaps reopen next week? The council met on Monday.")
    doc._.quotes, doc._.entities = [], []
    doc = make_claims(nlp, "claimgraph_claims")(doc)
    held = {(c.start, c.end) for claim in doc._.claims for c in claim.cues}
    apart = [(h.text, h.type) for h in doc._.hedges]
    assert ("perhaps", "epistemic") in apart  # a question makes no claim, its hedge is kept
    assert not held & {(h.start, h.end) for h in doc._.hedges}
