"""What is not reported speech, and who speaks when the nearest words are not a person
(issue 8): invented sentences of the kinds seen on news the rules had never read."""

import pytest
from spacy.tokens import Doc

from claimgraph import analyze


def _quotes(nlp, text):
    doc = nlp(text)
    return doc._.quotes, {e.id: e.name for e in doc._.entities}


@pytest.mark.parametrize("text", [
    "She called her coach after the match.",
    "The striker posted a career-best season.",
    "Officers were called to the house on Friday night.",
    "The nurses launched a campaign called Code Critical last year.",
    "To draw attention to the shortage, the nurses' union started a campaign last year called "
    "Code Red.",
    "She wrote her first cookbook in 1994.",
    "In her second book the recipe is simply called The Pie That Saved Christmas.",
    'Silva, the veteran striker who calls herself "The Wolf," scored twice.',
    "In the film, the boy spots a sword in a quarry and pulls it out with ease.",
    "The province will fund schools in districts experiencing rapid growth.",
    "Councillors approved a road repair package and saw no reason to spend more.",
    "The agency issued a wind advisory for the coast.",
    "Add the flour and stir until smooth.",
    "Ask whether the school offers a lunch program.",
    "The ministry told the media on Friday.",
    "The TSX index added 0.2 per cent on Tuesday.",
    "The paper will pay $20,000 of Ms. Okafor’s estimated $50,000 costs in addition to its own "
    "costs.",
    "Asked about the case, the board sent an email with general remarks on its record.",
    "His doctor ordered a chest X-ray and blood tests.",
    "The man was admitted to hospital on Friday.",
    "As of 2016, the country had admitted more than 1.4 million refugees.",
    "Welcome to the new 16-inch laptop.",
    "Let’s hope we see more of the minister’s associates in the dock next year.",
    "The laptop for the last seven years has sounded about the same.",
    "After the move, she started feeling extreme fatigue and was diagnosed with a lung disease.",
    "We found that this claim did not originate with a credible news outlet.",
    "The trailer does not show the captain, so the studio may still be deciding.",
    "Some were so angry when the levy was announced they hoisted signs at the next protest.",
    "The goalie boasts a pair of shutouts this season.",
    "Boasting 108,000 residents, the town has two hospitals.",
    "The Nikkei declined 1.2 per cent to 20,402 and the Hang Seng was down 0.3 per cent.",
    "The Bovespa in Brazil declined 2.4 per cent to 95,300.10 and Mexico's IPC index was down "
    "0.5 per cent at 41,002.30.",
    "The stock added more than 2% to begin the week after the company bought a rival.",
    "When I first walk into the bakery, a tiny shop tucked away behind the station, I spot her "
    "from the corner of my eye.",
    "Those attending can expect to hear a wide range of the veteran band's hits.",
    "Her repeated denials of any knowledge of the firm’s “creative” accounting were contrasted "
    "with her memory of the deal.",
    "He grabbed the keys from her hand as she was showing the van to a customer.",
    "She is known for taking risks.",
    "The pianist, long noted for her eagerness to experiment, played Bach.",
    "The fever, known for its effects on the lungs, is rare.",
    "The other 28 passengers showed no signs or symptoms of the fever.",
    "The premier's recent trip to Ottawa — a trip likely designed to avoid the press — was about "
    "the province offering new guidance on tolls.",
    "Officers arrived and found a man suffering from a gunshot wound.",
    "Firefighters found her lying on the kitchen floor.",
    "The inquiry, remember, took more than two years to finish.",
    "As you build these business assets, remember: you don't have to do it all at once.",
    "She wrote hundreds of songs before she turned thirty.",
    "Smith, who had written music for a television show, joined the band.",
    "Neighbours found him trapped under the collapsed shed.",
    "Voters could have shown they were tired of the long inquiry.",
    "With the new service, you're promised a smooth ride in the fastest car on the market.",
    "Start small and recognize that no one is watching your first videos.",
    "Remember, leadership and visibility exist on a spectrum.",
    "“Think bigger” sounds like a tall order for a small bakery.",
    "I can’t tell you how many times I’ve called the council about the potholes.",
    "I don’t see anyone else talking about how the new bridge will change the town.",
    "There is no serious argument that the levy could be collected without a vote.",
    "Both companies declined to comment on the report.",
    "The coach declined to say when the striker would return.",
    # saying nothing: a question left open, a refusal to confirm
    "Police have not said whether the driver was armed.",
    "The ministry did not reveal the crash site.",
    "The agency didn't estimate how many people were on the grounds.",
    "The mayor would not say when the bridge would reopen.",
    "He didn't tell reporters why he had resigned.",
    "The firm declined to confirm or deny the report.",
    # a saying no one did: worth doing, supposed, or what anyone might say; a name given
    "It's worth noting that the band gave up the rights to its first records.",
    "I would have been offended if someone asked me that question.",
    "Others might argue that the museum should have stayed closed.",
    "The lab built a simulation they call Aurora.",
    "The senator then referred to the mayor's earlier testimony.",  # a topic, nothing said
    "Everyone at the club called him Mike.",  # a name given
    "The striker agreed to an interview after the match.",  # consent, nothing said
    "Her parents had written to his agent.",  # only to whom
    "The heirs refused to discuss anything having to do with the estate.",
    "Smith still found it difficult to talk about the crash.",
    "This bundle suits the majority of you who plan to play on the go.",  # the reader
    # inside an indirect question: asked about, not said
    "The president sent mixed signals about whether he actually wants a deal.",
    "Many founders build an audience before they know who they want to reach.",
    # "claim" as taking
    "The family claimed his body on Friday.",
    "The storm claimed three lives.",
    # only how much is said
    "The 17-second spot says much about the spirit of the car.",
    "The minister said little about the deal.",
    "The two leaders discussed strategy over dinner.",  # a topic
    "Everything the mayor says is a lie unless proven otherwise.",  # the writer's, about it
    # a forecast or schedule no one is said to hold, and a notice to readers
    "The striker is expected to start on Sunday.",
    "Okafor, who is expected to testify next week, was not in court.",
    "Anyone with information about the fire is asked to call police.",
    # refusals to say anything and requests turned down
    "Her agent refused to disclose the reason why she left the clinic.",
    "The juror declined to talk about the deliberations.",
    "His family declined a request for an interview.",
    "The school board declined any comment on the lawsuit.",
    "The prosecutor denied a defence offer to plead guilty.",
    "The premier rebuffed calls for an early election.",
    # actions that share a verb with reports
    "The officer gave a few details: A woman answered the door and a man walked up behind her.",
    "The champion will defend his title against a rival from Kyiv.",
    "Ruth Kaplan is writing the picture.",
    "Her brother was urging on fans in the stadium.",
    "The officer pointed a .357 caliber gun at the driver.",
    "The woman was pronounced dead at the hospital.",
    "Both nominees must first be confirmed by the Senate.",
    "He quit without saying why he was leaving.",
    "As many gamers may have noticed, the network is down again.",
    # saying nothing: a refusal to give particulars, a source not cited, a question left open
    "A resident declined to give her surname for fear of reprisals.",
    "The newspaper doesn't cite its source.",
    "His friends have not explained exactly what caused the officers to shoot.",
    "Hansbrough declined an opportunity to leave school for the NBA.",
    "The online discovery tool recommends content, products and services to users.",
    "The club declined to provide the value of the contract.",
    # where someone ended up, the writer's idiom, a summons and a telephone call
    "In the second half, Ortiz found himself sprawled on the court.",
    "It goes without saying that the team needs him.",
    "Police were called by neighbours after they heard screams.",
    "A rescue helicopter from Christchurch was called about 3pm.",
    "Her cousin had called the family's house to let them know she was outside.",
    # how a name sounds, what a map marks
    "Vincent Gigante (pronounced ji-GANT-tee) was born in 1928.",
    "Map of Iran highlighting epicenter of earthquake:",
    # a gesture, a man held for questioning, a thought with no one to think it
    "Capos and soldiers would silently point to their chins.",
    "A man was being questioned on suspicion of murder yesterday.",
    "That put them into the playoffs without worrying about anybody else.",
    # a relative clause after a comma, which the parse may hang on the verb
    "Mark Hollis added 101 yards for the Chiefs (2-13), who had 352 yards rushing in a loss.",
])
def test_verbs_that_do_not_report_in_their_sense_yield_no_quote(nlp, text):
    found, _ = _quotes(nlp, text)
    assert found == []


@pytest.mark.parametrize("text, content", [
    ("The mayor called the plan a disaster.", "the plan a disaster"),
    ("The mayor referred to the protesters as thugs.", "the protesters as thugs"),
    ("The rebels claimed responsibility for the attack.", "responsibility for the attack"),
    # a free relative that describes a thing
    ("The men were held in what Ottawa has described as arbitrary detention.",
     "arbitrary detention"),
    ("The senator called him “Little Marco.”", "him “Little Marco"),  # a name in his words
    ("The report found it was part of a long-standing problem.",
     "it was part of a long-standing problem"),
    ("She added a caveat about the plan.", "a caveat about the plan"),
    ("The union called for a strike at the plant.", "a strike at the plant"),
    ("The coach posted that he would retire.", "that he would retire"),
    ("She told reporters the plan would fail.", "the plan would fail"),
    ("The union endorsed Garcia.", "Garcia"),
    ("The senator called her rival a fraud.", "her rival a fraud"),
    ("The committee concluded that the agency had failed.", "that the agency had failed"),
    ("The jury found him guilty of fraud.", "him guilty of fraud"),
    ("A survey found voters losing faith in the party.", "voters losing faith in the party"),
    ("The candidate promised to protect Medicaid and hammered the governor on his plan for work "
     "requirements.", "to protect Medicaid"),
    # held by someone: not the writer's forecast
    ("It is expected that the vote will be close.", "that the vote will be close"),
    ("The mayor urged on Monday that residents stay home.", "that residents stay home"),
])
def test_the_same_verbs_still_report_when_they_do(nlp, text, content):
    found, _ = _quotes(nlp, text)
    assert [p.text for q in found for p in q.content] == [content]


@pytest.mark.parametrize("text", [
    "The new engine makes 151 horsepower, which the carmaker claims is a 20% gain.",
    "The engine makes 151 horsepower, which the carmaker says is a 20% gain.",
])
def test_a_report_about_a_relatives_antecedent_keeps_the_relative(nlp, text):
    """The relative stands for the reported clause's subject, even where the parse hung the
    clause elsewhere ("which the carmaker claims [is ...]")."""
    found, _ = _quotes(nlp, text)
    assert [p.text for q in found for p in q.content] == ["which", "is a 20% gain"]


def test_kicker_lines_give_no_speaker_and_no_quote(nlp):
    text = (
        "The council met on Tuesday.\n\n"
        "WATCH: Toaster reportedly starts fire in a family home\n\n"
        "READ MORE: Budget won't balance until 2040, finance department says\n\n"
        "ENERGY: Crude oil slipped 0.1 per cent to $52.94 per barrel. Gas rose.\n\n"
        "The fire started in the kitchen, police said."
    )
    found, _ = _quotes(nlp, text)
    assert [(q.speaker.text, q.cue.text) for q in found] == [("police", "said")]


def test_a_headline_on_a_body_line_is_not_a_statement_of_the_name_before_its_colon(nlp):
    text = (
        "The court ruled on Monday.\n\n"
        "Julia Marsh: Court drops the fraud case against the councillor\n\n"
        "The case had run for two years."
    )
    found, _ = _quotes(nlp, text)
    assert all(q.speaker is None or q.speaker.text != "Julia Marsh" for q in found)


def test_a_heading_after_a_colon_is_not_what_was_said(nlp):
    text = ("The console launches today. Here's what the early reviews say:\n\n"
            "What Does the Console Offer?\n\n"
            "The console streams games from the cloud to a television.")
    found, _ = _quotes(nlp, text)
    assert not any("Offer" in piece.text for q in found for piece in q.content)


def test_an_interviews_questions_are_the_outlets_and_its_answers_are_kept(nlp):
    text = ("The senator spoke to us on Friday.\n\n"
            "Q: Does Mark Rubin?\n\nA: No!\n\nQ: Does Anna Cruz?\n\nA: Well, she might.")
    found, _ = _quotes(nlp, text)
    assert [q.content[0].text for q in found] == ["No!", "Well, she might."]


def test_question_and_answer_spelt_out_are_an_interviews_labels(nlp):
    found, _ = _quotes(nlp, "We spoke with Nadia Okafor, the new chief executive of Acme "
                            "Tickets.\n\nQuestion: What will you change first?\n\n"
                            "Answer: I will listen to our partners before anything else.\n\n"
                            "Question: Dream vacation?\n\nAnswer: A trip to Lake Malawi.")
    assert [(q.speaker.text, q.content[0].text) for q in found] == [
        ("Nadia Okafor", "I will listen to our partners before anything else."),
        ("Nadia Okafor", "A trip to Lake Malawi."),
    ]


def test_an_interviews_answers_are_the_guests_named_before_the_questions(nlp):
    text = ("Nadia Okafor took over as chief executive of Acme Tickets in May. We asked Okafor "
            "about her plans.\n\n"
            "Q: What will you change first?\n\n"
            "A: I will listen to our partners before anything else.\n\n"
            "Our venues are the heart of the business, and I plan to visit each of them.\n\n"
            "Ok, now for some fun.\n\n"
            "Q: Dream vacation?\n\n"
            "A: A trip to Lake Malawi\n\n"
            "Thanks, Nadia!")
    found, _ = _quotes(nlp, text)
    assert [(q.speaker.text, q.content[0].text) for q in found] == [
        ("Nadia Okafor", "I will listen to our partners before anything else."),
        ("Nadia Okafor", "Our venues are the heart of the business, and I plan to visit each "
                         "of them."),
        ("Nadia Okafor", "A trip to Lake Malawi"),
    ]


def test_reports_inside_a_transcript_answer_are_the_answerers_own_words(nlp):
    text = ("We spoke with the new chief executive.\n\n"
            "Q: What did you learn in your past roles?\n\n"
            "A: Listening matters most. I would also add that being patient is critical.\n\n"
            "Q: What surprised you?\n\n"
            "A: Words cannot describe how much I love this company.")
    found, _ = _quotes(nlp, text)
    assert [q.speaker.text for q in found] == ["A", "A"]


def test_a_list_of_names_and_charges_is_not_a_transcript(nlp):
    text = ("Police arrested three people on Friday.\n\n"
            "Elena R. Burton: Possession of methamphetamine, held in jail in lieu of $70,000 bond."
            "\n\nMarco D. Battin: Dealing in cocaine, maintaining a common nuisance, held in jail "
            "in lieu of $516,000 bond.")
    found, _ = _quotes(nlp, text)
    assert found == []


def test_a_letters_salutation_is_no_speaker_label(nlp):
    found, _ = _quotes(nlp, "DEAR ABBY: My husband bought plane tickets for himself in business "
                            "class. Should I be hurt? -- FEELING SECOND RATE\n\nDEAR FEELING: "
                            "You have a right to be upset. Tell him so.\n\nDEAR ABBY: My sister "
                            "was ill. Was my question rude? -- CONCERNED\n\nDEAR CONCERNED: It "
                            "was not rude. Ask her again.\n")
    assert not [q for q in found if q.speaker and q.speaker.text.upper().startswith("DEAR")]


def test_transcript_labels_still_speak(nlp):
    text = ("Host Ellen Marsh spoke with Governor Ray Dutton.\n"
            "MARSH: Will the bridge open this year?\n"
            "DUTTON: It will open in June, and it will be on budget.\n"
            "MARSH: What will it cost?\n"
            "DUTTON: Twelve million dollars.")
    found, _ = _quotes(nlp, text)
    assert [q.speaker.text for q in found if q.cue.text == ":"] == [
        "MARSH", "DUTTON", "MARSH", "DUTTON"]


def test_a_name_and_colon_inside_a_framed_quotation_is_no_label(nlp):
    text = ("The slogan drew ridicule on Twitter.\n\n"
            "“Lake County: if we were any higher, we’d be on the moon,” one user quipped.\n\n"
            "The county did not respond.")
    found, _ = _quotes(nlp, text)
    assert [(q.speaker.text, q.cue.text) for q in found] == [("one user", "quipped")]
    assert found[0].content[0].text.startswith("Lake County: if we")


def test_a_sentence_after_a_closed_quotation_with_its_own_complement_is_no_frame(nlp):
    text = ("“We will start small,” Ana Ruiz said. “Our flexibility will take us further.” "
            "She declined to say when the lander would be ready.")
    found, _ = _quotes(nlp, text)
    second = next(q for q in found if q.content[0].text.startswith("Our flexibility"))
    assert second.cue is None or second.cue.text == "said"
    assert second.speaker is not None and second.speaker.text == "Ana Ruiz"


def test_a_verb_with_its_own_infinitive_reports_that_not_the_clause_before_it(nlp):
    # the parse reads "a rover [that] NASA plans to fly" as a frame after the clause before
    text = ("The agency will use the landers to deliver VIPER, a rover NASA plans to fly in "
            "2022 to look for water ice.")
    found, names = _quotes(nlp, text)
    plans = next(q for q in found if q.cue.text == "plans")
    assert plans.content[0].text.startswith("to fly in 2022")
    assert plans.speaker.text == "NASA" and names[plans.speaker.entity] == "NASA"


@pytest.mark.parametrize("text, noun", [
    ("They met a woman said to be his sister.", "a woman"),
    ("The act would impose sanctions on officials deemed responsible for the abuses.", "The act"),
    ("The act, under debate on Monday, would impose sanctions and a travel ban on officials "
     "deemed responsible for the abuses.", "The act"),
])
def test_the_noun_a_passive_participle_describes_does_not_speak(nlp, text, noun):
    found, _ = _quotes(nlp, text)
    assert all(q.speaker is None or q.speaker.text != noun for q in found)


def test_a_cue_in_a_clause_of_time_does_not_report_the_main_clause(nlp):
    found, _ = _quotes(nlp, "That’s the optimistic view mouthed by Tom Bellamy, the CEO of the "
                            "parent, on Nov. 14 after the deal was approved by shareholders of "
                            "both companies.")
    assert all(q.cue.text != "approved" for q in found)


def test_a_cue_in_parentheses_with_an_object_reports_that_not_the_sentence_around_it(nlp):
    found, _ = _quotes(nlp, "Earlier this year, the chain reportedly laid off more than 60 "
                            "employees (the company confirmed the actual number) and "
                            "its rival laid off several hundred.")
    confirmed = next(q for q in found if q.cue.text == "confirmed")
    assert [p.text for p in confirmed.content] == ["the actual number"]


def test_a_participle_of_a_quoted_noun_is_not_the_frame(nlp):
    text = ('"We want a bigger deal with them. Bigger than just the little deal" announced in '
            'October, said Derek Hollis, a scholar at the institute.')
    found, _ = _quotes(nlp, text)
    assert [(q.speaker.text.split(",")[0], q.cue.text) for q in found] == [
        ("Derek Hollis", "said")]


def test_according_to_a_statement_after_a_frame_is_no_second_speaker(nlp):
    text = ('"Here we are on a historic day," he told settler leaders, according to a statement.')
    found, _ = _quotes(nlp, text)
    assert [(q.speaker.text, q.cue.text) for q in found] == [("he", "told")]


def test_a_span_of_time_after_a_cue_is_not_what_was_said(nlp):
    found, _ = _quotes(nlp, "According to experts, these extremes have been predicted for some "
                            "time, and they are likely here to stay.")
    assert [q.cue.text for q in found] == ["According to"]


def test_who_a_participle_after_with_names_speaks_not_the_sentences_subject(nlp):
    text = ("Since the holiday, the air quality has plunged to alarming levels with the "
            "monitoring agency announcing an air emergency.")
    found, _ = _quotes(nlp, text)
    assert [(q.speaker.text, q.cue.text) for q in found] == [
        ("the monitoring agency", "announcing")]


def test_who_a_thing_angers_or_worries_feels_it_and_a_thing_rattled_feels_nothing(nlp):
    found, _ = _quotes(nlp, "The new parking rule, which angered residents, takes effect "
                            "today. Loud explosions rattled the city overnight.")
    assert [(q.speaker.text, q.cue.text, [p.text for p in q.content], q.act) for q in found] == [
        ("residents", "angered", ["The new parking rule"], "thought")]


def test_a_gerund_after_by_on_a_thing_has_no_speaker(nlp):
    found, _ = _quotes(nlp, 'Quick access to the assistant by saying "Hey Siri" makes it easy.')
    assert all(q.speaker is None for q in found)


def test_a_clause_whose_subject_the_parse_took_for_an_object_is_reported_whole(nlp):
    found, _ = _quotes(nlp, "The owners were gathered for a networking event when they were "
                            "told the newest presidential hopeful, Deval Patrick, would be "
                            "stopping by to introduce himself.")
    assert [[p.text for p in q.content] for q in found] == [[
        "the newest presidential hopeful, Deval Patrick, would be stopping by to introduce "
        "himself"]]


@pytest.mark.parametrize("text, content", [
    ("The imam adds that Muslims here have two choices: “You either leave or you fight.”",
     "that Muslims here have two choices: “You either leave or you fight"),
    ("Bolton said that whatever choice voters make, “they should not make it on emotion.”",
     "that whatever choice voters make, “they should not make it on emotion"),
    ("The owner said he had received offers for the gun, but “the offers were to use it in a "
     "way I did not like.”", "he had received offers for the gun, but “the offers were to use "
     "it in a way I did not like"),
])
def test_a_quotation_going_on_with_the_cues_own_clause_is_one_mixed_quote(nlp, text, content):
    found, _ = _quotes(nlp, text)
    assert [(q.kind, [p.text for p in q.content]) for q in found] == [("mixed", [content])]


def test_a_report_ends_between_words_though_the_parse_hangs_a_clitic_elsewhere(nlp):
    found, _ = _quotes(nlp, "He suggested that veterans who suffer from PTSD might not be as "
                            "strong as those who don’t.")
    assert [p.text for q in found for p in q.content] == [
        "that veterans who suffer from PTSD might not be as strong as those who don’t"]


@pytest.mark.parametrize("text, end", [
    ("Critics see the vote as a chance to fix how the money is used, increase oversight and "
     "address security.", "increase oversight and address security"),
])
def test_a_list_the_parse_cut_after_its_first_item_is_reported_whole(nlp, text, end):
    found, _ = _quotes(nlp, text)
    assert [q.content[-1].text.endswith(end) for q in found] == [True]


def test_the_subjects_own_acts_after_a_report_are_not_part_of_it(nlp):
    found, _ = _quotes(nlp, "She has called for a ban on assault weapons, favors a state "
                            "proposal and has promised to act.")
    assert "favors" not in found[0].content[-1].text


def test_the_person_a_participle_describes_is_its_speaker(nlp):
    text = ("Beth Ruffin said she didn’t know much about Patrick before the event, but he left "
            "her intrigued and wanting to learn more.")
    found, names = _quotes(nlp, text)
    wanting = next(q for q in found if q.cue.text == "wanting")
    assert wanting.speaker.text == "her" and names[wanting.speaker.entity] == "Beth Ruffin"


def test_a_transcript_quoted_whole_keeps_its_labels(nlp):
    # the inner title's closing mark is no end of the quotation with a frame after it
    text = ("The interview went as follows.\n\n"
            "“MARSH: Will the bridge open this year, as “The Ledger” wrote? Or is it late?\n\n"
            "“DUTTON: It will open in June, and it will be on budget.\n\n"
            "“MARSH: What will it cost?\n\n"
            "“DUTTON: Twelve million dollars.”")
    found, _ = _quotes(nlp, text)
    assert [q.speaker.text for q in found if q.cue is not None and q.cue.text == ":"] == [
        "MARSH", "DUTTON", "MARSH", "DUTTON"]


def test_a_description_speaks_for_a_person_not_for_the_organization_it_names(nlp):
    found, names = _quotes(
        nlp, "The Acme Robotics founder always argued that machines would never replace nurses."
    )
    (quote,) = found
    assert quote.speaker.text == "The Acme Robotics founder"
    assert names.get(quote.speaker.entity) != "Acme Robotics"


@pytest.mark.parametrize("text, speaker", [
    ("Worried about a backlash, the senators have limited their inquiry to the scandal.",
     "the senators"),
    ("A spokesperson who did not wish to be named because of agency policy said in a statement "
     "that the agency never gives vaccines.", "A spokesperson who did not wish to be named"),
    ("The cells are known to be very cold and are often called iceboxes by those held in them.",
     "those"),
    ("The minister met the mayor and toured the old fort, dubbed the “Rock” by soldiers held "
     "there during the war.", "soldiers held there during the war"),
    ("The only two Nordic states to have signed fishing treaties with Canada - Norway and "
     "Iceland - also sharply criticised the Canadian quota shift, with the Norwegian minister "
     "warning of consequences.", "The only two Nordic states"),
])
def test_who_feels_or_speaks_is_found_past_a_misleading_subject(nlp, text, speaker):
    """The one worried, not no one; the spokesperson, not the object of "because of" parsed as
    a second subject; the agent of a passive after "and", not the subject before it."""
    (quote,), _ = _quotes(nlp, text)
    assert quote.speaker.text == speaker


def test_a_cue_in_a_when_clause_does_not_frame_the_sentence_before(nlp):
    found, _ = _quotes(nlp, "The video had been altered to show Starmer failing to answer a "
                            "question about Brexit, when, in fact, he responded quickly.")
    assert found == []


def test_the_text_a_passive_was_revealed_in_is_its_source(nlp):
    (quote,), _ = _quotes(nlp, "Apparently, it's revealed in Eurogamer’s Stadia review that Red "
                               "Dead Redemption 2 only renders at 1440p.")
    assert quote.speaker.text == "Eurogamer’s Stadia review"


@pytest.mark.parametrize("text, name", [
    ("In a staff email sent by chief executive Lena Moreau, workers were told that the Dayton "
     "plant will close in March.", "Lena Moreau"),
    ("In a memo from Harbour Lights Productions, vendors were told that the festival would move "
     "to August.", "Harbour Lights Productions"),
])
def test_who_sent_the_text_a_passive_was_told_in_is_its_speaker(nlp, text, name):
    (quote,), names = _quotes(nlp, text)
    assert names.get(quote.speaker.entity) == name


def test_a_text_someone_cites_speaks_for_itself(nlp):
    found, _ = _quotes(nlp, "Moreau cites a company memo saying as much after the vote passed.")
    assert [(q.cue.text, q.speaker.text) for q in found if q.cue.text == "saying"] == [
        ("saying", "a company memo")]


def test_an_agentless_passive_inside_what_according_to_sources_is_no_second_quote(nlp):
    found, _ = _quotes(nlp, "About 4,000 workers are expected to receive notice in the coming "
                            "weeks, according to two people familiar with the plan.")
    assert [(q.kind, q.speaker.text) for q in found] == [
        ("according_to", "two people familiar with the plan")]


def test_a_participle_after_while_is_the_one_who_forced_not_the_one_forced(nlp):
    (quote,), _ = _quotes(nlp, "The owner forced her to hide in a basket while threatening to "
                               "burn the house down.")
    assert (quote.cue.text, quote.speaker.text) == ("threatening", "The owner")


@pytest.mark.parametrize("text, content", [
    ("Employee Steve Castro tells the paper that he fought with the shirtless man.",
     ["that he fought with the shirtless man"]),  # the clause after the one told
    ("Some consumers who sought help on launch day reported telephone wait times that exceeded "
     "two hours.", ["telephone wait times that exceeded two hours"]),  # the noun it describes
])
def test_a_clause_parsed_as_a_relative_one_is_reported_whole(nlp, text, content):
    (quote,), _ = _quotes(nlp, text)
    assert [c.text for c in quote.content] == content


def test_when_a_bare_no_was_said_is_not_what_was_said(nlp):
    found, _ = _quotes(nlp, "But he shook his head and said no when reporters asked if the "
                            "meeting would take place before March 2.")
    assert [(q.cue.text, q.speaker.text) for q in found] == [("asked", "reporters")]


@pytest.mark.parametrize("text", ["Asked again, he said no", "He said yes"])
def test_a_bare_answer_ending_the_text_is_analyzed(nlp, text):
    found, _ = _quotes(nlp, text)  # the word after the answer is looked at only if there is one
    assert all(c.text and c.text in text for q in found for c in q.content)


def test_what_was_announced_after_and_is_not_the_announcer(nlp):
    found, _ = _quotes(nlp, "It was not on his public schedule and was not announced to "
                            "reporters.")
    assert all(q.speaker is None for q in found)


@pytest.mark.parametrize("text, name", [
    ("Early retiree and self-made millionaire Grant Sabatier suggests having 25 times your "
     "expenses saved.", "Grant Sabatier"),  # titles read as a list before the name
    ("China’s ambassador to Britain Wen Lihua said that China has the resolve to end the unrest.",
     "Wen Lihua"),  # a name closing its title
    ("Then, last week, Jane Roe posted on Twitter accusing Acme Records of trying to stop her "
     "performing.", "Jane Roe"),  # who posts, not the platform
    ("The company that runs the festival, Harbour Lights Productions, denies that anything has "
     "been agreed.", "Harbour Lights Productions"),  # named after its description
])
def test_the_named_speaker_is_found_past_the_nearest_words(nlp, text, name):
    (quote,), names = _quotes(nlp, text)
    assert names[quote.speaker.entity] == name


def test_a_name_set_beside_a_description_is_the_speaker(nlp):
    found, names = _quotes(nlp, "Her lawyer, Dana Whitfield, said her client was innocent.")
    (quote,) = found
    assert names[quote.speaker.entity] == "Dana Whitfield"


def test_the_subject_after_an_as_clause_speaks_though_parsed_as_its_object(nlp):
    found, _ = _quotes(nlp, "As we have noted, a March 2019 study by the Institute for Trade "
                       "Research, an Oslo-based think tank, concluded that prices rose.")
    (quote,) = found
    assert quote.speaker.text.startswith("a March 2019 study by the Institute for Trade Research")


def test_the_name_opening_a_frame_speaks_and_a_show_named_after_the_cue_is_no_quote(nlp):
    found, _ = _quotes(nlp, "“There's a severe disconnect between this White House and our "
                       "military,” Flynn, a top Trump surrogate, said Thursday morning on Fox "
                       "News’ “Fox and Friends.”")
    (quote,) = found
    assert quote.speaker.text == "Flynn, a top Trump surrogate"
    assert [c.text for c in quote.content] == [
        "There's a severe disconnect between this White House and our military"]


def test_an_inverted_frame_reports_the_clause_before_it_and_names_who_spoke(nlp):
    found, names = _quotes(nlp, "Job cuts will be announced later this week in areas that do not "
                           "support the firm’s core business goals, said The Acme Company’s "
                           "recently named executive chair Dana Whitfield in an email to staff "
                           "that was reviewed by Reuters.")
    (quote,) = found
    assert [c.text for c in quote.content] == [
        "Job cuts will be announced later this week in areas that do not support the firm’s core "
        "business goals"]
    assert names[quote.speaker.entity] == "Dana Whitfield"


def test_a_second_cue_in_the_tense_of_the_first_is_the_first_speakers(nlp):
    found, _ = _quotes(nlp, "Prime Minister Theresa May said this week that the country would "
                       "formally declare its intention to leave by the end of March and suggested "
                       "that it would withdraw from the single market.")
    assert [(q.speaker.text, q.cue.text) for q in found] == [
        ("Prime Minister Theresa May", "said"), ("Prime Minister Theresa May", "suggested")]


def test_a_speaker_after_a_post_posed_cue_is_found_even_when_parsed_as_its_object(nlp):
    found, names = _quotes(
        nlp, 'Marlow was known for telling others "he was in charge of Ukraine" despite being the '
        "U.S. envoy in Brussels, said another witness in the impeachment probe, former White House "
        "trade adviser Helena Brandt.")  # parsed with the witness as the object of "said"
    (quote,) = [q for q in found if q.cue.text == "said"]
    assert names.get(quote.speaker.entity) == "Helena Brandt"
    assert quote.content[0].text.startswith("Marlow was known")


def test_an_inverted_aside_gives_the_name_after_the_cue_not_the_word_before_it(nlp):
    found, _ = _quotes(nlp, "That, argued Priya Raman, is the whole problem with the budget.")
    (quote,) = found
    assert quote.speaker.text == "Priya Raman"


def test_a_dateline_after_a_headline_is_not_what_it_says(nlp):
    found, _ = _quotes(nlp, "Party leader Tom Reyes says\nOTTAWA — The leader spoke to reporters.")
    assert found == []


@pytest.mark.parametrize("text", [
    "The studio said nothing more about “The Boy Who Found the Sea.”",
    "“The Girl Who Sailed Home” really is a sweet and well-told film for the whole family.",
    "The recipe is in her book, “Bread For Every Season,” published in 2004.",
])
def test_a_quoted_title_is_no_quotation_and_a_compound_is_no_cue(nlp, text):
    found, _ = _quotes(nlp, text)
    assert found == []


@pytest.mark.parametrize("text, content", [
    ("“We're Canadians,” the coach said.", "We're Canadians"),
    ("“Here comes the Big Storm,” the forecaster said.", "Here comes the Big Storm"),
])
def test_a_short_sentence_in_capitals_is_still_a_quotation(nlp, text, content):
    found, _ = _quotes(nlp, text)
    assert [p.text for q in found for p in q.content] == [content]


def test_a_participle_after_a_reported_clause_belongs_to_the_one_reporting_it(nlp):
    found, _ = _quotes(nlp, "Mayor Ann Kowal has said the city will keep its budget, insisting "
                            "her council won't raise taxes.")
    assert [(q.speaker.text, q.cue.text) for q in found] == [
        ("Mayor Ann Kowal", "said"), ("Mayor Ann Kowal", "insisting")]


def test_the_people_described_speak_not_the_noun_of_their_description(nlp):
    found, _ = _quotes(nlp, "“Save our rink,” hockey parents dressed for a game say in unison in "
                            "the clip.")
    (quote,) = found
    assert quote.speaker.text == "hockey parents dressed for a game"


@pytest.mark.parametrize("text, contents", [
    ("Critics of what is known as the “firewall” argue it could tie the city to the province "
     "for years.", ["it could tie the city to the province for years"]),
    ("She said the nurses were kind and “very patient” with her mother.",
     ["the nurses were kind and “very patient” with her mother"]),
])
def test_a_quoted_term_inside_the_writers_sentence_is_not_a_quotation_of_the_next_verb(
        nlp, text, contents):
    found, _ = _quotes(nlp, text)
    assert [p.text for q in found for p in q.content] == contents


def test_a_speaker_after_an_inverted_cue_is_found_though_parsed_as_its_object(nlp):
    found, _ = _quotes(nlp, "“You’re talking about one genre only,” points out the laid-back "
                            "Hamilton resident, who moved to Canada in 2005.")
    (quote,) = found
    assert quote.speaker is not None and quote.speaker.text.startswith(
        "the laid-back Hamilton resident")


def test_who_speaks_in_a_statement_owns_what_the_statement_says(nlp):
    found, _ = _quotes(nlp, "He said in a statement that the new mayor would be sworn in on Jan. 31.")
    (quote,) = found
    assert quote.speaker is not None and quote.speaker.text == "He"


@pytest.mark.parametrize(("text", "asked"), [
    ("Asked if he thought the memo went too far, the director responded: “I guess so.”",
     "thought"),
    ("Asked if the remarks had rattled them, the chair said, “Sure.”", "rattled"),
])
def test_what_a_question_asks_is_not_reported(nlp, text, asked):
    found, _ = _quotes(nlp, text)
    assert found and not any(q.cue is not None and q.cue.text == asked for q in found)


@pytest.mark.parametrize("text", [
    "You simply can't tell what the dancers will do next.",
    "When asked whether the budget was late, the mayor smiled.",
    "She was asked if the plan would work.",
    "A year ago, I would have said the new standard was too young to buy into.",
    "Prior to September, I would have said Wi-Fi 6 was too new to consider this year.",
    "The minister did not respond to requests for comment.",
    "I would suggest two changes to the plan.",
    "We can't predict the weather.",
    "The goalie denied the Rangers on three breakaways.",
    "Several clubs are writing the Surrey City Council this week.",
    "She has contended several other years at the tournament.",
    "The province has denied a request by the school board to replace the school.",
    "The scholars wrote a letter to the minister last week.",
    "As expected, the crowd was kind to the prime minister.",
    "The new bridge seems to have eased the traffic downtown.",
    "I believe the council has a lot of catching up to do.",
    "We want the city to listen to its residents.",
    "At that price, I can't recommend anyone buy the console at the moment.",
    "This post will discuss the risks we see with the grant.",
    "Most of the companies reported better than expected results.",
    "Considering how the company offers almost all models locally, it is not a stretch to see "
    "the car here.",
    "The figure is in the ballpark considering that the price of drugs can change.",
    "They took a rough approximation of land value used by the county's office in calculating "
    "the size of a tax in 2019.",
    "Summary of the hearing:\n1. Never urged Ukraine to investigate the company\n",
    "After outlining your version of early retirement, it's time to establish how much money "
    "you need.",
    "A White House that lies as easily as it tells the truth creates problems for the media.",
    "The office referred the call to U.S. Capitol Police.",
    "The Corrs’ song “Breathless” probably doesn’t refer to a duvet.",
    "The dock has a spot for charging any phone, and the mat charges a third device for less.",
    "The plan to cut bus routes feels a lot like the story we heard last year: that the city "
    "would save money.",
    "Brad Marchand added three assists to lead Boston, and rookie Emil Bemstrom added a goal.",
])
def test_no_ones_words_yield_no_quote(nlp, text):
    """A generic "you", the writer's "I" or "we" with a view, a wish or a remark on a thing, a
    verb of seeming said of a thing, a question put by an unnamed asker, what was put to
    someone, the party a verb addresses, a request refused, the channel written, a time, an
    "as expected" without anyone expecting, "considering" as a preposition, a thing's use, an
    empty "it", telling the truth, a call passed on, what a song refers to, a list item with
    no one speaking, a device charged, how an idea feels to the writer and a goal added are
    not reports."""
    found, _ = _quotes(nlp, text)
    assert found == []


@pytest.mark.parametrize("text, content", [
    ("The minister responded that the plan was sound.", "that the plan was sound"),
    ("The union asked whether the plan was legal.", "whether the plan was legal"),
    ("He said nurses often skip lunch and are asked to work late shifts.",
     "nurses often skip lunch and are asked to work late shifts"),
    ("She said she has moved to the city and has been devoting each morning to her English.",
     "she has moved to the city and has been devoting each morning to her English"),
])
def test_one_report_stays_one_quote(nlp, text, content):
    """A cue with auxiliaries inside a report continues it; a speaker who answers or asks
    still reports a clause."""
    found, _ = _quotes(nlp, text)
    assert [p.text for q in found for p in q.content] == [content]


def test_according_to_after_the_subject_sources_the_whole_clause(nlp):
    (quote,), _ = _quotes(nlp, "One of the officers, according to prison records, had worked "
                               "multiple overtime shifts before reporting to duty on the unit.")
    assert [c.text for c in quote.content] == [
        "One of the officers",
        "had worked multiple overtime shifts before reporting to duty on the unit"]


@pytest.mark.parametrize("text", [
    "Teens love the earbuds, and they are putting them on their wish lists. That's according "
    "to a new survey from a bank.",
    "Sales rose sharply last year. That is according to the company.",
])
def test_that_is_according_to_x_sources_the_sentence_before(nlp, text):
    (quote,), _ = _quotes(nlp, text)
    assert [c.text for c in quote.content] == [text.split(". ")[0]]


def test_a_quotation_sourced_by_according_to_is_one_quote(nlp):
    found, _ = _quotes(nlp, "“We will not reopen the plant this year,” according to a company "
                            "spokesperson.")
    assert [(q.kind, q.speaker.text) for q in found] == [("according_to", "a company spokesperson")]


def test_the_writers_gloss_on_a_quote_is_not_a_second_quote(nlp):
    found, _ = _quotes(nlp, "“We will build it by spring,” she said, referring to the new bridge "
                            "over the river.")
    assert [(q.cue.text, [p.text for p in q.content]) for q in found] == [
        ("said", ["We will build it by spring"])]


def test_the_writers_label_is_no_quote_but_a_quoted_one_is(nlp):
    """'what they call X' without quotation marks is the writer's name for a thing; with them,
    the word is the speakers'."""
    found, _ = _quotes(nlp, "The campaign draws attention to what the workers call unfair "
                            "treatment of staff.")
    assert found == []
    found, _ = _quotes(nlp, "The bank faced what several senators called “fraud” in its sales.")
    assert [(q.speaker.text, [p.text for p in q.content]) for q in found] == [
        ("several senators", ["fraud"])]


@pytest.mark.parametrize("text, speaker, content", [
    ("There is a real joy, insists 16-year-old Sam Lee, in finishing a comic of your own.",
     "16-year-old Sam Lee", ["There is a real joy", "in finishing a comic of your own"]),
    ("The plan, argues the union's president, will cost jobs.",
     "the union's president", ["The plan", "will cost jobs"]),
])
def test_an_inverted_aside_names_the_speaker_and_frames_the_content(nlp, text, speaker, content):
    """The phrase after a cue set off by commas is who speaks, not what is said, and not the
    noun before the aside."""
    found, _ = _quotes(nlp, text)
    assert [(q.speaker.text, [p.text for p in q.content]) for q in found] == [(speaker, content)]


def test_an_apposition_after_an_inverted_cue_is_not_content(nlp):
    found, _ = _quotes(nlp, "It is too early to count the cost, said Jane Doe, director of the "
                            "brewers' guild.")
    assert [[p.text for p in q.content] for q in found] == [["It is too early to count the cost"]]


def test_every_coordinated_clause_of_a_report_is_its_content(nlp):
    """The parse may hang each clause of "said A, had B and had C" on the cue: all are said."""
    found, _ = _quotes(nlp, "The report also said the mill had cut costs, had closed two plants "
                            "to reduce its debt, had been selling land and had been seeking a "
                            "buyer.")
    assert [(q.cue.text, [p.text for p in q.content]) for q in found] == [
        ("said", ["the mill had cut costs, had closed two plants to reduce its debt, had been "
                  "selling land and had been seeking a buyer"])]


def test_a_report_stops_before_but_and_a_clause_of_another(nlp):
    found, _ = _quotes(nlp, "State police reported at least 5,000 people entered the building "
                            "through public doors, but the agency did not estimate how many were "
                            "on the grounds.")
    assert [p.text for p in found[0].content] == [
        "at least 5,000 people entered the building through public doors"]


def test_a_participle_on_a_noun_ends_with_its_phrase(nlp):
    found, _ = _quotes(nlp, "In its short statement claiming responsibility, the group said the "
                            "attack was a response.")
    assert [(q.cue.text, [p.text for p in q.content]) for q in found] == [
        ("claiming", ["responsibility"]), ("said", ["the attack was a response"])]


def test_the_writers_own_report_and_a_quoted_view_stay(nlp):
    found, _ = _quotes(nlp, "I said that the plan would fail.")
    assert [(q.speaker.text, [p.text for p in q.content]) for q in found] == [
        ("I", ["that the plan would fail"])]
    found, _ = _quotes(nlp, "“I believe it will work,” the mayor said.")
    assert [(q.speaker.text, q.cue.text) for q in found] == [("the mayor", "said")]


@pytest.mark.parametrize("text, cited", [
    ("Two hikers fell ill near the border, the Meridian Press Agency said, citing the regional "
     "health commission.", "the regional health commission"),
    ("The plant will close in May, the newspaper reported, quoting a company spokesman.",
     "a company spokesman"),
])
def test_a_cited_source_is_the_source_of_the_report_not_its_content(nlp, text, cited):
    found, _ = _quotes(nlp, text)
    (citing,) = [q for q in found if q.cue.text in ("citing", "quoting")]
    (report,) = [q for q in found if q is not citing]
    assert citing.speaker.text == cited
    assert [c.text for c in citing.content] == [c.text for c in report.content]


def test_a_cited_reason_stays_the_content(nlp):
    found, _ = _quotes(nlp, "The senator voted against the bill, citing concerns about its cost.")
    (quote,) = found
    assert [c.text for c in quote.content] == ["concerns about its cost"]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Despite a series of costly defeats on Tuesday night, Sen. Ana Ruiz (I-Vt.) remains "
         "committed to seeing the primary through to the convention, her top aide, Tom Lee, told "
         "The Daily Post.", "her top aide, Tom Lee",
         "Despite a series of costly defeats on Tuesday night, Sen. Ana Ruiz (I-Vt.) remains "
         "committed to seeing the primary through to the convention"),
        ("This includes a special force to assist Kurdish fighters, Defense Secretary Tom Lee told "
         "a Senate panel Wednesday.", "Defense Secretary Tom Lee",
         "This includes a special force to assist Kurdish fighters"),
    ],
)
def test_a_cue_closing_its_sentence_after_a_comma_reports_the_clause_before(nlp, text, speaker,
                                                                             content):
    # the parse hangs "told" on the clause before it as a second verb
    found, _ = _quotes(nlp, text)
    assert len(found) == 1
    quote = found[0]
    assert (quote.speaker.text, quote.cue.text, [p.text for p in quote.content]) == (
        speaker, "told", [content])


def test_a_closing_verb_with_an_object_of_its_own_reports_that_object(nlp):
    text = ("In the last days of the campaign, Senator Ana Ruiz never mentioned the man who was "
            "likely to beat her.")
    found, _ = _quotes(nlp, text)
    assert all(not p.text.startswith("In the last days") for q in found for p in q.content)


def test_boasting_of_a_clause_is_still_a_report(nlp):
    found, _ = _quotes(nlp, "The coach boasted that his team had never lost at home.")
    assert [p.text for q in found for p in q.content] == ["that his team had never lost at home"]


def test_a_participle_opening_the_sentence_is_said_by_its_agent_not_the_subject(nlp):
    found, names = _quotes(nlp, "Called a liar by his rival, Tomas Brenner said the charges "
                                "were false.")
    labelled = found[0]
    assert labelled.cue.text == "Called" and labelled.speaker.text == "his rival"
    assert names.get(found[1].speaker.entity) == "Tomas Brenner"


def test_a_clause_before_a_warning_to_listeners_is_what_was_warned(nlp):
    found, _ = _quotes(nlp, "Rents will rise again next year, the tenants' association warned "
                            "its members.")
    (quote,) = found
    assert quote.speaker.text == "the tenants' association"
    assert quote.content[0].text == "Rents will rise again next year"


def test_the_day_after_a_subjectless_cue_is_not_the_speaker(nlp):
    # '“We will rebuild,” Chief Ola Brandt said Monday.' as the parser read it in a news article:
    # the name taken for an object of the quotation's verb, "said" left with no subject.
    words = ["“", "We", "will", "rebuild", ",", "”", "Chief", "Ola", "Brandt", "said", "Monday",
             "."]
    doc = Doc(
        nlp.vocab, words=words,
        spaces=[False, True, True, False, False, True, True, True, True, True, False, False],
        heads=[3, 3, 3, 3, 3, 3, 8, 8, 3, 3, 9, 3],
        deps=["punct", "nsubj", "aux", "ROOT", "punct", "punct", "compound", "compound", "dobj",
              "conj", "npadvmod", "punct"],
        pos=["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB",
             "PROPN", "PUNCT"],
        tags=["``", "PRP", "MD", "VB", ",", "''", "NNP", "NNP", "NNP", "VBD", "NNP", "."],
        lemmas=["“", "we", "will", "rebuild", ",", "”", "Chief", "Ola", "Brandt", "say", "Monday",
                "."],
        ents=["O", "O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-DATE", "O"],
    )
    for name in ("claimgraph_entities", "claimgraph_quotes"):
        doc = nlp.get_pipe(name)(doc)
    (quote,) = doc._.quotes
    assert quote.speaker.text == "Chief Ola Brandt"


@pytest.mark.parametrize("text, speaker", [
    ("Ines Varga thanked the crowd before asking them, “Will you come back next year?”",
     "Ines Varga"),
    ("Lawyers for the developer filed legal papers opposing the new zoning rules.",
     "Lawyers for the developer"),
    ("The minister spoke at a news conference announcing new funding for rural schools.",
     "The minister"),
    ("Andrew also spent 45 seconds explaining how he couldn’t have been at the party.",
     "Andrew"),
    ("The senator, despite insisting that the bill was fair, voted against it.", "The senator"),
])
def test_who_asks_or_files_is_the_speaker_not_the_listener_or_the_paper(nlp, text, speaker):
    found, _ = _quotes(nlp, text)
    assert [q.speaker.text for q in found] == [speaker]


def test_a_gerund_under_an_infinitive_is_said_by_the_infinitives_subject(nlp):
    found, _ = _quotes(nlp, "The mayor told inspectors to check the bridge again before saying "
                            "it was safe.")
    (saying,) = [q for q in found if q.cue.text == "saying"]
    assert saying.speaker.text == "inspectors"


def test_a_name_after_and_speaks_for_the_verb_after_it_whatever_the_parse(nlp):
    found, _ = _quotes(nlp, "The captain of the team, Lena Ortiz, and her father approached "
                            "Varga and asked him about his knee and Varga suggested he might "
                            "play on Sunday.")
    (quote,) = found
    assert quote.speaker.text == "Varga"


def test_the_subject_of_an_agentless_passive_report_is_its_topic_not_its_source(nlp):
    found, _ = _quotes(nlp, "His aunt, Senator Ilse Brandvold, was said to have disapproved of "
                            "the friendship.")
    (quote,) = found
    assert quote.speaker is None


def test_a_participle_after_a_passive_is_said_by_its_agent(nlp):
    found, names = _quotes(nlp, "The leaked memo was dismissed by Councillor Ruiz, suggesting "
                                "that it was forged.")
    (quote,) = [q for q in found if q.cue.text == "suggesting"]
    assert names.get(quote.speaker.entity) == "Ruiz"


@pytest.mark.parametrize("text", [
    "This pillow is great for those who want to try something new.",
    "Anyone who believes the hype will be disappointed.",
])
def test_who_stands_for_anyone_at_all_reports_no_one(nlp, text):
    found, _ = _quotes(nlp, text)
    assert found == []


def test_an_apposition_after_a_two_part_speaker_name_is_not_content(nlp):
    found, _ = _quotes(nlp, "Rain falls everywhere on the moon, but the equator is drier than "
                            "the poles, said study co-author Ana Solis, a European Space Agency "
                            "research fellow.")
    assert [[p.text for p in q.content] for q in found] == [
        ["Rain falls everywhere on the moon, but the equator is drier than the poles"]]


@pytest.mark.parametrize("text, reported", [
    ("The researchers observed the moon for 17 nights.", []),
    ("The probe will fly past the moon, characterizing its surface and its ocean.", []),
    ("He observed that the vote was close.", ["that the vote was close"]),
    ("Critics characterized the plan as reckless.", ["the plan as reckless"]),
])
def test_what_is_watched_or_studied_is_not_said_but_a_view_of_it_is(nlp, text, reported):
    found, _ = _quotes(nlp, text)
    assert [p.text for q in found for p in q.content] == reported


def test_a_condition_set_off_by_a_comma_is_not_what_a_verb_reports(nlp):
    found, _ = _quotes(nlp, "The two sides continue to negotiate and could sign a deal in the "
                            "next few weeks, if negotiators decide to compromise.")
    assert [p.text for q in found for p in q.content] == []
    found, _ = _quotes(nlp, "Reporters asked if he was ever bullied.")
    assert [p.text for q in found for p in q.content] == ["if he was ever bullied"]


def test_a_clause_before_a_semicolon_is_not_what_the_next_clause_reports(nlp):
    found, _ = _quotes(nlp, "Dana Reyes will be honored with an award at the ceremony; fans are "
                            "lining up for her shop.")
    assert found == []


@pytest.mark.parametrize("text", [
    "After Hill left, it was Ortiz who took over, and Vance reported to him.",  # a superior
    "Spain plays on Wednesday against defending champion Croatia.",  # a title held
    "Ortiz was the third witness testifying Tuesday who listened in on the call.",
    "Ten of the 18 staffers who reported for duty on the midnight shift were working overtime.",
    "One of the officers was reporting to duty on the unit.",
    "The House committee concluded its third public hearing on Tuesday.",  # an event ended
    "The attorney general is investigating the company, adding to a mounting series of problems.",
    "Emily Feng reports for NPR from Beijing.",  # a job
    "He added to the confusion by resigning.",
    "The Hurricanes challenged for goaltender interference, but the goal stood.",  # a contest
])
def test_verbs_of_saying_in_senses_that_report_nothing(nlp, text):
    found, _ = _quotes(nlp, text)
    assert found == []


def test_what_is_referred_to_as_something_is_still_said(nlp):
    found, _ = _quotes(nlp, "My father referred to Martin Luther King as a troublemaker.")
    assert [p.text for q in found for p in q.content] == ["Martin Luther King as a troublemaker"]


def test_that_said_is_the_writers_hedge_not_a_statement(nlp):
    found, _ = _quotes(nlp, "The road is hard. That said, early retirement comes in various "
                            "shapes and sizes.")
    assert found == []
    found, _ = _quotes(nlp, "That, she said, was the plan.")
    assert [q.speaker.text for q in found] == ["she"]


def test_the_person_an_inverted_frame_names_after_a_role_speaks_whatever_the_tagger_says(nlp):
    # "Cuts will come, said the firm's recently named executive chair Marcelo Claure in an
    # email." with the name tagged an organisation and taken for the object of "named", as the
    # parser read such a sentence in a news article
    words = ["Cuts", "will", "come", ",", "said", "the", "firm", "’s", "recently", "named",
             "executive", "chair", "Marcelo", "Claure", "in", "an", "email", "."]
    doc = Doc(
        nlp.vocab, words=words,
        spaces=[True, True, False, True, True, True, False, True, True, True, True, True, True,
                True, True, True, False, False],
        heads=[2, 2, 4, 4, 4, 6, 9, 6, 9, 4, 11, 13, 13, 9, 9, 16, 14, 4],
        deps=["nsubj", "aux", "ccomp", "punct", "ROOT", "det", "nsubj", "case", "advmod", "ccomp",
              "amod", "compound", "compound", "dobj", "prep", "det", "pobj", "punct"],
        pos=["NOUN", "AUX", "VERB", "PUNCT", "VERB", "DET", "NOUN", "PART", "ADV", "VERB", "ADJ",
             "NOUN", "PROPN", "PROPN", "ADP", "DET", "NOUN", "PUNCT"],
        tags=["NNS", "MD", "VB", ",", "VBD", "DT", "NN", "POS", "RB", "VBN", "JJ", "NN", "NNP",
              "NNP", "IN", "DT", "NN", "."],
        lemmas=["cut", "will", "come", ",", "say", "the", "firm", "’s", "recently", "name",
                "executive", "chair", "Marcelo", "Claure", "in", "an", "email", "."],
        ents=["O"] * 12 + ["B-ORG", "I-ORG"] + ["O"] * 4,
    )
    for name in ("claimgraph_entities", "claimgraph_quotes"):
        doc = nlp.get_pipe(name)(doc)
    (quote,) = doc._.quotes
    assert quote.speaker is not None and quote.speaker.text.endswith("Marcelo Claure")

def test_a_series_written_is_a_work_not_a_statement(nlp):
    found, _ = _quotes(nlp, "He could have stuck to one genre, or written a series.")
    assert found == []


@pytest.mark.parametrize("text", [
    "We say that Apple has listened to its users this time.",
    "We estimate that our top charities are ten times as cost-effective as cash.",
])
def test_the_outlets_own_we_is_the_writers_voice(nlp, text):
    found, _ = _quotes(nlp, text)
    assert found == []


@pytest.mark.parametrize("second", [
    "the ferry union said the schedule would hurt workers",
    "the ferry union condemned the new schedule",
])
def test_a_contrasting_report_after_while_is_its_own_quote(nlp, second):
    found, _ = _quotes(nlp, "The port authority stressed the schedule would not change the "
                            f"fares, while {second}.")
    assert [(q.speaker.text, q.content[0].text) for q in found] == [
        ("The port authority", "the schedule would not change the fares"),
        ("the ferry union", second.split(" ", 4)[-1]),
    ]


def test_a_title_with_a_colon_opening_a_line_is_no_speaker_label(nlp):
    found, _ = _quotes(nlp, "Even if its parts are borrowed, Agent Sam Carter: Lost Tides finds "
                            "a use for them.\n\nAgent Sam Carter: Lost Tides is a game that is "
                            "many things to different people. You plan your next jump with care."
                            "\n\nIt is a fine game.")
    assert found == []


def test_a_quotation_signed_on_the_line_below_is_the_signers(nlp):
    found, _ = _quotes(nlp, "Readers wrote in with praise for the festival.\n\n"
                            "“The show was really great and the tickets were cheap.”\n\n"
                            "– Jane D., Toronto\n\n"
                            "“We loved every minute of it and will come back next year.”\n\n"
                            "– Pau** Ro**\n\n"
                            "“Bring a cushion, since the benches are hard on the back.”\n\n"
                            "- Add the flour and stir")
    assert [q.speaker and q.speaker.text for q in found] == ["Jane D., Toronto", "Pau** Ro**",
                                                             None]


def test_paragraphs_above_a_bracketed_credit_are_the_credited_sources(nlp):
    found, _ = _quotes(nlp, "The new console launches today. Here's what the early reviews say:\n\n"
                            "The console is small and quiet. Its games load in seconds.\n\n"
                            "[ Harbour Review ]\n\n"
                            "Battery life is poor, and the controller feels cheap.\n\n"
                            "[ Tech Weekly ]\n\n"
                            "A player plugs the console into a television.\n\n"
                            "[ Photo: Harbour Review ]")
    assert [(q.speaker.text, q.content[0].text) for q in found] == [
        ("Harbour Review", "The console is small and quiet. Its games load in seconds."),
        ("Tech Weekly", "Battery life is poor, and the controller feels cheap."),
    ]


def test_a_subject_the_parse_hung_on_the_cue_opens_the_report(nlp):
    found, _ = _quotes(nlp, 'The academy, which hands out the top film honors, said Dunn, 40, '
                            'star of the romantic epic "Harbour," will host the ceremony for the '
                            'first time.')
    assert [p.text for q in found for p in q.content] == [
        'Dunn, 40, star of the romantic epic "Harbour," will host the ceremony for the first time']


def test_a_title_abbreviation_does_not_cut_the_speakers_name():
    analysis = analyze("The driver was drunk, said Dunmore Police Sgt. Mara Keely.")
    names = {e.id: e.name for e in analysis.entities}
    assert [(q.speaker.text, names.get(q.speaker.entity)) for q in analysis.quotes] == [
        ("Dunmore Police Sgt. Mara Keely", "Mara Keely")]


def test_a_forecast_someone_is_said_to_hold_stays_theirs(nlp):
    found, _ = _quotes(nlp, "The striker is expected by his coach to start on Sunday.")
    assert [(q.speaker.text, [p.text for p in q.content]) for q in found] == [
        ("his coach", ["The striker", "to start on Sunday"])]


@pytest.mark.parametrize("text, content", [
    ("The two men accused of killing the teenager appeared in court on Monday.",
     ["The two men", "killing the teenager"]),
    ("Son suspected of killing his father and sister released on bail.",
     ["Son", "killing his father and sister"]),
])
def test_who_is_accused_or_suspected_is_what_is_said_of_not_who_says_it(nlp, text, content):
    found, _ = _quotes(nlp, text)
    assert [(q.speaker, [p.text for p in q.content]) for q in found] == [(None, content)]


def test_people_worried_about_something_still_hold_the_worry(nlp):
    found, _ = _quotes(nlp, "Americans worried about illegal immigration backed the plan.")
    assert [(q.speaker.text, q.cue.text) for q in found if "worried" in q.cue.text] == [
        ("Americans", "worried about")]


@pytest.mark.parametrize("text, speaker, content", [
    ("Fowler described conditions at the centre as unacceptable.", "Fowler",
     ["conditions at the centre as unacceptable"]),
    ("The vote was heralded by officials as a step toward democracy.", "officials",
     ["The vote", "as a step toward democracy"]),
    ("The plan was dismissed by critics as a sham.", "critics", ["The plan", "as a sham"]),
])
def test_what_something_was_described_as_is_part_of_the_report(nlp, text, speaker, content):
    found, _ = _quotes(nlp, text)
    assert [(q.speaker.text, [p.text for p in q.content]) for q in found] == [(speaker, content)]


def test_a_question_put_to_someone_when_asked_is_the_askers_not_theirs(nlp):
    found, _ = _quotes(nlp, "“We are a totally different team,” Greg Hill said when asked what a "
                            "fired-up Ortiz means to his club.")
    assert [(q.speaker and q.speaker.text, q.cue.text) for q in found] == [
        ("Greg Hill", "said"), (None, "asked")]


def test_a_quotation_after_a_frame_with_a_question_in_it_goes_on_with_the_speaker(nlp):
    found, _ = _quotes(nlp, "“We are a totally different team,” Greg Hill said when asked what a "
                            "fired-up Ortiz means to his club.\n\n“We don’t resemble the team we "
                            "are when he isn’t playing like that. He is so active.”")
    assert [(q.speaker and q.speaker.text, q.cue and q.cue.text) for q in found] == [
        ("Greg Hill", "said"), (None, "asked"), ("Greg Hill", None)]


@pytest.mark.parametrize("text, speaker", [
    ("The minister was quoted as saying the talks had failed.", "The minister"),
    ("He was quoted by the newspaper as saying that he would resign.", "He"),
])
def test_who_is_quoted_as_saying_something_says_it(nlp, text, speaker):
    found, _ = _quotes(nlp, text)
    assert [(q.speaker.text, q.cue.text) for q in found] == [(speaker, "saying")]


@pytest.mark.parametrize("text, reports", [
    ("Reuters quoted the minister as saying the plan was dead.",
     [("the minister", "the plan was dead")]),
    ("“The plan is dead,” Reuters quoted the minister as saying.",
     [("the minister", "The plan is dead")]),
])
def test_who_an_outlet_quotes_as_saying_something_says_it_once_through_the_outlet(
        nlp, text, reports):
    found, _ = _quotes(nlp, text)
    assert [(q.speaker.text, q.content[0].text) for q in found] == reports
    assert [q.via for q in found] == ["Reuters"]


def test_who_is_quoted_by_a_paper_as_saying_a_quotation_says_it(nlp):
    found, _ = _quotes(nlp, "“It is over,” she was quoted by the newspaper as saying.")
    assert [(q.speaker.text, q.content[0].text) for q in found] == [("she", "It is over")]


def test_an_estimate_at_an_amount_keeps_the_amount(nlp):
    found, _ = _quotes(nlp, "The fire chief estimated the size of the warehouse at 12,000 square "
                            "feet.")
    assert [p.text for q in found for p in q.content] == [
        "the size of the warehouse at 12,000 square feet"]


def test_a_monsignor_abbreviated_does_not_end_the_sentence():
    analysis = analyze("“He recommended her for her example,” Msgr. Lyle Farmer said.")
    names = {e.id: e.name for e in analysis.entities}
    assert [(q.speaker.text, names.get(q.speaker.entity)) for q in analysis.quotes] == [
        ("Msgr. Lyle Farmer", "Lyle Farmer")]


def test_a_lemma_the_lemmatizer_misreads_is_set_right():
    # "spared" read as "spar" (to argue) made a report of a sentence not passed
    assert analyze("The killer was spared the death penalty when the jury deadlocked.",
                   plain=True).quotes == []
