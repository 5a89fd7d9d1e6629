"""The boundaries of found attributions: speaker and content spans hold what a reader would
mark, not a dateline, the rest of the sentence or the day it was said."""

import pytest


def _only(nlp, text, cue):
    doc = nlp(text)
    found = [q for q in doc._.quotes if q.cue is not None and q.cue.text == cue]
    assert len(found) == 1, f"expected one quote cued by {cue!r}; got {doc._.quotes}"
    return found[0]


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        ("SPRINGFIELD, Ill. (AP) — Republican hopeful Jane Doe says the bridge would reopen "
         "in May.", "says", "Republican hopeful Jane Doe"),
        ("LONDON (Reuters) – Top donor John Smith said the bridge would reopen in May.",
         "said", "Top donor John Smith"),
        ("Springfield (AFP) – City council member Jane Doe said the bridge would reopen in May.",
         "said", "City council member Jane Doe"),
    ],
)
def test_a_dateline_with_its_agency_is_not_part_of_the_speaker(nlp, text, cue, speaker):
    assert _only(nlp, text, cue).speaker.text == speaker


def test_a_dateline_is_not_part_of_a_report_that_opens_the_article(nlp):
    quote = _only(nlp, "OTTAWA, Jan. 3 (Reuters) — The bridge will reopen in May, the mayor said.",
                  "said")
    assert [c.text for c in quote.content] == ["The bridge will reopen in May"]


def test_a_name_with_its_party_before_a_dash_is_not_a_dateline(nlp):
    quote = _only(nlp, "Tim Kaine (D-Va.) — a longtime ally of the mayor — will win the seat, "
                  "the mayor said.", "said")
    assert quote.content[0].text.startswith("Tim Kaine (D-Va.)")


def test_the_speaker_phrase_stops_before_the_verb_of_its_sentence(nlp):
    quote = _only(nlp, "Jane Doe, the city's mayor, repeated claims that the bridge is unsafe, "
                  "calling it a disgrace.", "calling")
    assert quote.speaker.text == "Jane Doe, the city's mayor"


@pytest.mark.parametrize(
    "text, content",
    [
        ("The mayor said Tuesday the bridge would reopen in May.",
         "the bridge would reopen in May"),
        ("The mayor said on Monday the bridge would reopen.", "the bridge would reopen"),
        ("The mayor said Tuesday was the deadline.", "Tuesday was the deadline"),
    ],
)
def test_the_day_something_was_said_is_not_what_was_said(nlp, text, content):
    assert [c.text for c in _only(nlp, text, "said").content] == [content]


def test_a_hyphen_inside_a_word_in_capitals_is_not_a_dateline(nlp):
    quote = _only(nlp, "ACME-OWNED stores will cut jobs, the report said.", "said")
    assert [c.text for c in quote.content] == ["ACME-OWNED stores will cut jobs"]


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("Still, most voters view the mayor favorably, a new poll found.", "found",
         "most voters view the mayor favorably"),
        ("In fact, the bridge would cost more, according to the report.", "according to",
         "the bridge would cost more"),
        ("In Springfield, the bridge would cost more, according to the report.", "according to",
         "In Springfield, the bridge would cost more"),
    ],
)
def test_a_connective_opening_the_sentence_is_not_what_was_said(nlp, text, cue, content):
    assert [c.text for c in _only(nlp, text, cue).content] == [content]


def test_a_quotation_opening_the_sentence_ends_at_its_closing_mark(nlp):
    quote = _only(nlp, "“We’ve had better years than this one,” city delegate Bill Smith, wearing a "
                  "cowboy hat and campaign pins, said as confetti fell.", "said")
    assert [c.text for c in quote.content] == ["We’ve had better years than this one"]


def test_a_report_after_a_quoted_paragraph_keeps_its_first_words(nlp):
    quote = _only(nlp, "“We will win,” Doe said.\n\nDoe, a graduate of Harvard who has argued "
                  "many cases, will do an excellent job, Smith maintains.", "maintains")
    assert [c.text for c in quote.content] == [
        "Doe, a graduate of Harvard who has argued many cases, will do an excellent job"]


@pytest.mark.parametrize("text, speaker", [
    ("“The plant stays open,” her cousin\u00a0Mara Velk added.", "her cousin\u00a0Mara Velk"),
    ("However, Sen. Ann Fitch (Ore.)  and former Idaho governor Tom Oduya suggested that the "
     "plant would close.", "Sen. Ann Fitch (Ore.)  and former Idaho governor Tom Oduya"),
])
def test_a_no_break_or_double_space_stays_inside_the_speaker(nlp, text, speaker):
    (quote,) = nlp(text)._.quotes
    assert quote.speaker.text == speaker


@pytest.mark.parametrize("text, speaker", [
    ("On Friday, both of the town's remaining bakers criticized the new rules.",
     "both of the town's remaining bakers"),
    ("All of the council members oppose the plan, and have pledged to block it.",
     "All of the council members"),
])
def test_a_pronoun_with_its_of_phrase_is_the_whole_speaker(nlp, text, speaker):
    assert {q.speaker.text for q in nlp(text)._.quotes} == {speaker}


@pytest.mark.parametrize("text, speaker", [
    ("“The plan will fail,” said Jane Doe in her speech.", "Jane Doe"),
    ("The city's new mayor on Tuesday rejected the governor's claim that the rule was fair.",
     "The city's new mayor"),
    ("The mayor of Springfield said the bridge was closed.", "The mayor of Springfield"),
    ("A series of text messages showed that the deal was off.", "A series of text messages"),
])
def test_when_and_where_it_was_said_is_not_part_of_the_speaker(nlp, text, speaker):
    assert {q.speaker.text for q in nlp(text)._.quotes} == {speaker}


@pytest.mark.parametrize("text, content", [
    ("The mayor said the town needs a new bridge, but that she would not support a toll.",
     "the town needs a new bridge, but that she would not support a toll"),
    ("Ms. Orr said many doubted her at first but that her neighbours never doubted the plan.",
     "many doubted her at first but that her neighbours never doubted the plan"),
])
def test_a_second_that_clause_after_a_cue_verb_stays_in_the_report(nlp, text, content):
    (quote,) = nlp(text)._.quotes
    assert [c.text for c in quote.content] == [content]


@pytest.mark.parametrize("text, content", [
    ("12:30 p.m.\nThe top concern of voters in both states is the economy, according to polls.",
     "The top concern of voters in both states is the economy"),
    ("The smaller plane was grounded last week. It is now cleared to fly again, according to the "
     "F.A.A.\n\nMost people who own aircraft do not have more than one.",
     "It is now cleared to fly again"),
])
def test_what_according_to_reports_stays_on_its_line(nlp, text, content):
    quote = next(q for q in nlp(text)._.quotes if q.kind == "according_to")
    assert [c.text for c in quote.content] == [content]


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("He toured the plant, touting the new contract and shaking hands with workers.",
         "touting", "the new contract"),
        ("The senator praised the bill and voted for it.", "praised", "the bill"),
    ],
)
def test_a_second_act_coordinated_with_the_cue_is_not_what_was_said(nlp, text, cue, content):
    assert [c.text for c in _only(nlp, text, cue).content] == [content]


def test_a_clause_coordinated_inside_the_report_stays_in_it(nlp):
    quote = _only(nlp, "She said the plan was fine and she would vote for it.", "said")
    assert [c.text for c in quote.content] == ["the plan was fine and she would vote for it"]


def test_even_before_the_speaker_is_not_part_of_it(nlp):
    quote = _only(nlp, "Even Republican leaders said the bill would fail.", "said")
    assert quote.speaker.text == "Republican leaders"


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("The senator referred to his rival as a dangerous man.", "referred to",
         "his rival as a dangerous man"),
        ("A new poll shows Jane Doe with a narrow lead over her rival.", "shows",
         "Jane Doe with a narrow lead over her rival"),
    ],
)
def test_a_phrase_of_the_cue_completing_the_report_is_part_of_it(nlp, text, cue, content):
    assert [c.text for c in _only(nlp, text, cue).content] == [content]


def test_a_mixed_report_ends_before_a_second_act_but_keeps_its_quoted_words(nlp):
    quote = _only(nlp, 'She described herself as a "tough on crime" candidate and made a direct '
                       "appeal to rural voters.", "described")
    assert [c.text for c in quote.content] == ['herself as a "tough on crime" candidate']


@pytest.mark.parametrize(
    "text, cue, content",
    [
        # an infinitive the parser splits at a hyphen into three verbs
        ("The Bulls plan to re-evaluate him within the next day.", "plan",
         "to re-evaluate him within the next day"),
        # a fronted phrase the parser takes for a clause
        ("In a new case study out Monday, researchers detail how the patient came down with a "
         "rare allergy.", "detail", "how the patient came down with a rare allergy"),
        # a relative pronoun before the cue
        ("The striker will sign the deal, which the club hopes to announce later today.",
         "hopes", "to announce later today"),
        # where a stance was taken
        ("The mayor attacked the council in a string of late-night posts.", "attacked",
         "the council"),
        ("The judge rejected that argument in a ruling released Thursday.", "rejected",
         "that argument"),
        # a clause parsed as an adverbial, after a phrase of when it was said
        ("Mendez said after the convention he would not accept the party's endorsement.",
         "said", "he would not accept the party's endorsement"),
        # a second clause whose verb the parse made the report's head
        ("Republicans said the timing of the vote was not intentional; they only learned about "
         "it later.", "said", "the timing of the vote was not intentional; they only learned "
         "about it later"),
        # a cue hung on the clause it reports
        ("Chapman admits in this instance, there were fatalities.", "admits",
         "there were fatalities"),
    ],
)
def test_the_report_is_what_the_cue_reports_however_the_parse_hangs_the_rest(
        nlp, text, cue, content):
    assert [c.text for c in _only(nlp, text, cue).content] == [content]


def test_a_report_around_an_aside_runs_to_the_end_of_its_sentence(nlp):
    quote = _only(nlp, "Macharia and some colleagues hid under desks, he said, but one person "
                  "ran to the roof and was shot dead there.", "said")
    assert [c.text for c in quote.content] == [
        "Macharia and some colleagues hid under desks",
        "but one person ran to the roof and was shot dead there"]


@pytest.mark.parametrize("text", [
    "Tanaka didn't respond to interview requests, so a reporter caught up with him at a meeting.",
    "Her brothers are always portrayed as fighting or eating, a classic example of the trope.",
])
def test_a_clause_after_a_comma_is_not_reported_by_a_cue_it_does_not_continue(nlp, text):
    assert nlp(text)._.quotes == []


def test_the_paragraph_after_a_line_ending_in_a_cue_and_colon_is_its_report(nlp):
    text = ("The senator added:\n\nIt is typical of the council. It knows nothing, but the talk "
            "never stops.\n\nThe vote is on Monday.")
    quote = _only(nlp, text, "added:")
    assert quote.speaker.text == "The senator"
    assert [c.text for c in quote.content] == [
        "It is typical of the council. It knows nothing, but the talk never stops"]
