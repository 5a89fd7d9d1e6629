"""One speaker, one entity: names, surnames, pronouns and descriptions of a person in one article
join one entity, and the statements of that person resolve to it."""

import pytest

from claimgraph.grouping import speaker_groups


def _speakers(nlp, text):
    """(speaker text, resolved entity name or None) of each quote, in text order."""
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.entities}
    return [(q.speaker.text, names.get(q.speaker.entity)) if q.speaker else (None, None)
            for q in doc._.quotes], doc


def _entity(doc, name):
    found = [e for e in doc._.entities if e.name == name]
    assert len(found) == 1, f"expected one entity {name!r}; got {[e.name for e in doc._.entities]}"
    return found[0]


def test_every_occurrence_of_a_known_surname_is_a_mention_of_the_person(nlp):
    text = ("Orla Venkataraman runs the shelter in Dunmore. Venkataraman said the shelter was "
            "full. Volunteers praised Venkataraman for her work, and Venkataraman thanked them.")
    doc = nlp(text)
    person = _entity(doc, "Orla Venkataraman")
    mentioned = [text[m.start:m.end] for m in person.mentions]
    assert mentioned == ["Orla Venkataraman"] + ["Venkataraman"] * 3


def test_a_title_before_a_name_is_a_role_not_part_of_the_name(nlp):
    doc = nlp("Organizer Dwyn Castellane said the march would go ahead. Castellane added that "
              "police had been told.")
    person = _entity(doc, "Dwyn Castellane")
    assert "Organizer" in person.roles
    assert all(q.speaker.entity == person.id for q in doc._.quotes)


@pytest.mark.parametrize("text, expected", [
    # the honorific shows who "she" can be, though a man was named last
    ("Ms. Idris met Tom Halvorsen on Monday. Halvorsen runs the port. “We are ready,” she said.",
     "Idris"),
    # an earlier "she" for the same person shows it too
    ("Dana Whitlock leads the union. She has spoken before. Tom Halvorsen runs the port. "
     "“We are ready,” she said.", "Dana Whitlock"),
])
def test_a_pronoun_goes_to_the_person_whose_gender_the_text_shows(nlp, text, expected):
    found, _ = _speakers(nlp, text)
    assert found[-1][1] == expected


def test_a_possessive_in_someones_apposition_does_not_set_their_gender(nlp):
    # "one of his editors": "his" is the novelist, not the editor
    found, _ = _speakers(
        nlp, "Tom Hale wrote six novels before he died. “He was brilliant,” said Jane Roe, one "
             "of his editors at the press. The publisher plans to reissue the books next year, "
             "and she said the first would appear in May.")
    assert found[-1] == ("she", "Jane Roe")


def test_a_pronoun_in_a_fronted_clause_looks_ahead_to_the_main_subject(nlp):
    # a photo credit named just before is not what "it" means
    found, _ = _speakers(
        nlp, "Photo by Robyn Beck of Bloomberg News. In conducting what it called a “thorough, "
             "expansive search for new directors,” Tesla has named two board members.")
    assert found[0] == ("it", "Tesla")


def test_a_group_that_speaks_is_none_of_its_members(nlp):
    found, _ = _speakers(
        nlp, "Chuck Schumer met Nancy Pelosi on Monday. Schumer and Pelosi said the wall would "
             "not be funded. Schumer said he was hopeful.")
    assert found == [("Schumer and Pelosi", None), ("Schumer", "Chuck Schumer")]


def test_the_agency_is_the_body_known_by_its_initials_not_a_programme_named_near(nlp):
    found, _ = _speakers(
        nlp, "The FDA reviewed the new inhaler in March. The Horizon Inhaler Program has been "
             "delayed for years and has cost millions. Still, the agency has maintained that "
             "the device is safe.")
    assert found[-1] == ("the agency", "FDA")


def test_they_after_a_capital_as_subject_is_its_government(nlp):
    found, _ = _speakers(
        nlp, "The talks stalled again. Ottawa is also concerned about the minister's remarks. "
             "They fear that the deal may collapse.")
    assert found[-1][0] == "They" and found[-1][1] is not None
    found, _ = _speakers(nlp, "Protesters gathered in Ottawa on Sunday. They said the law was "
                              "unfair.")
    assert found[-1] == ("They", None)  # a place named in passing is not who speaks


def test_a_gendered_word_of_someone_else_in_a_role_does_not_set_the_persons_gender(nlp):
    # "Queen ... 's third child": the queen is the mother, not the son
    found, _ = _speakers(
        nlp, "In an interview about his friendship with businessman Jeffrey Marsh, the host "
             "pressed Prince Andrew. She asked how Andrew, Queen Margaret's third child, could be "
             "so sure. Andrew doesn't remember the party, but he remembers the pizza. “Going out "
             "for pizza is unusual for me,” he said.")
    assert found[-1] == ("he", "Andrew")
    assert found[0] == ("She", None)  # the host, unnamed; never the prince


@pytest.mark.parametrize("text, expected", [
    # a nationality does not keep a company from the company named before
    ("Nissan says its Altima sells well.\n\nVolkswagen is showing an electric wagon at the "
     "show.\n\nThe German automaker says the wagon will go 300 miles on a charge.",
     ("The German automaker", "Volkswagen")),
    # "the group" is the organisation introduced as "The group, X,"
    ("Harbor Freight Lines will cut 400 jobs, the company said. The group, Transit Workers "
     "Coalition, formed last month and sent a letter to management. Harbor Freight Lines "
     "declined to comment. The group said the cuts were unfair.",
     ("The group", "Transit Workers Coalition")),
    # a brokerage, and a company's management, speak for the firm named before
    ("Acme Securities expects the rally to fade. A long slowdown could hurt the market, the "
     "brokerage said.", ("the brokerage", "Acme Securities")),
    ("Harbor Tools Inc. cut its forecast on Tuesday. Company management said sales would grow "
     "3.5% next year.", ("Company management", "Harbor Tools Inc.")),
    # named only as the owner of a thing, and a service whose noun the tagger took for a name
    ("A worker shot two colleagues at the Dunmore Bakeries plant on Monday, police said. "
     "\u201cThis is a sad day for our family,\u201d the company said.",
     ("the company", "Dunmore Bakeries")),
    ("The Chilean Navy stopped a trawler off the coast on Friday. \u201cIt was the third "
     "such catch,\u201d the navy said.", ("the navy", "Chilean Navy")),
])
def test_an_organisation_described_is_the_one_the_text_introduced(nlp, text, expected):
    found, _ = _speakers(nlp, text)
    assert found[-1] == expected


def test_the_attorneys_she_is_the_attorney_not_her_client(nlp):
    found, _ = _speakers(
        nlp, "Defence lawyer Ruth Kaplan said her client, Mark Dunn, would appeal. Dunn was "
             "not in court. He is at home. “This verdict will not stand,” she said.")
    assert found[-1] == ("she", "Ruth Kaplan")


def test_he_never_resolves_to_an_organization_or_a_place(nlp):
    found, _ = _speakers(
        nlp, "Corvel Industries closed its plant in Brantwood on Friday. “It is a sad day,” he said.")
    assert found[-1] == ("he", None)


def test_it_resolves_to_an_organization_never_to_a_person(nlp):
    found, _ = _speakers(
        nlp, "Corvel Industries hired Tom Halvorsen last year. Halvorsen was at the plant. "
             "The firm closed the plant on Friday. It said the decision was final.")
    assert found[-1] == ("It", "Corvel Industries")


def test_a_description_resolves_to_the_person_it_describes(nlp):
    found, _ = _speakers(
        nlp, "Lena Ostrova opened the bakery in 2010. Customers line up every morning. "
             "“Bread is a promise,” says the 34-year-old.")
    assert found[-1][1] == "Lena Ostrova"


def test_a_founder_described_by_his_organization_is_the_person_not_the_organization(nlp):
    found, doc = _speakers(
        nlp, "Tomas Grell, the Openleaks founder, lives in Oslo. The Openleaks founder always "
             "argued that secrets harm the public.")
    assert found[-1][1] == "Tomas Grell"


def test_a_description_of_someone_unnamed_stays_unresolved(nlp):
    found, _ = _speakers(
        nlp, "Minister Tom Halvorsen spoke on Monday. A justice official, who asked not to be "
             "named, disagreed. The official said the bill was flawed.")
    assert found[-1] == ("The official", None)


def test_a_quotation_after_an_aside_continues_the_speaker(nlp):
    found, _ = _speakers(
        nlp, "Ama Quist draws comics. “There are few heroes like me,” says Quist, noting that "
             "her sister inspired her. “I wanted to change that.”")
    assert found[-1][1] == "Ama Quist"


def test_a_quotation_after_reported_speech_in_its_paragraph_is_the_same_speakers(nlp):
    found, _ = _speakers(
        nlp, "Ama Quist said the plan had failed. “It was a disaster from the first day on.”")
    assert found[-1][1] == "Ama Quist"


def test_the_report_groups_a_persons_statements_under_one_speaker(nlp):
    from claimgraph import analyze

    analysis = analyze(
        "Ama Quist runs the theatre. “We need more seats,” Quist said. She said ticket sales "
        "had doubled. “People are coming back,” said the 52-year-old.", plain=True)
    groups = speaker_groups(analysis)
    assert [(g.name, len(g.quotes)) for g in groups] == [("Ama Quist", 3)]


def test_a_speaker_whose_name_is_a_known_alias_is_linked_even_where_the_tagger_missed_it(nlp):
    from claimgraph.analyze.speakers import EntityIndex, resolve
    from claimgraph.model import Entity

    doc = nlp("Quinlan said the road was closed.")
    known = Entity(id="e1", name="Ada Quinlan", type="PERSON", aliases=["Quinlan"])
    head = doc[0]
    assert resolve(doc[0:1], head, EntityIndex.of([known])) == "e1"


@pytest.mark.parametrize("text, speaker, expected", [
    # an abbreviated title is the role a later description names
    ("Democratic Gov. Marla Quintero toured the flooded valley on Monday. Crews worked through "
     "the night. The governor said more pumps would arrive by Friday.", "The governor",
     "Marla Quintero"),
    # an epithet of the person described just before, not the club named after it
    ("Tomas Ekwueme was unveiled as the new head coach on Tuesday. The Nigerian boss had been "
     "out of work since being dismissed by Riverside Rovers in May. The 61-year-old said he "
     "was delighted to be back.", "The 61-year-old", "Tomas Ekwueme"),
    # an office named by its owner's pronoun speaks for that person, not the last organisation
    ("Crowds gathered outside the Harbour Police headquarters. Residents did not see Mayor "
     "Ilse Brandvold at the rally. Her office said she was attending a conference in Oslo.",
     "Her office", "Ilse Brandvold"),
    # a title narrowed by a noun is a description of the person named before, not a new one
    ("Dana Whitcombe didn't know the senator was coming to the breakfast but was glad of it. "
     "The real estate agent said she had grown up in a small town too.",
     "The real estate agent", "Dana Whitcombe"),
])
def test_a_description_joins_the_person_the_article_named(nlp, text, speaker, expected):
    found, _ = _speakers(nlp, text)
    assert (speaker, expected) in found


def test_the_expert_introduced_unnamed_is_not_the_person_the_expert_talks_about(nlp):
    found, _ = _speakers(
        nlp, "“Corvin Ashby will face questions about his accounts,” said one tax expert. "
             "“His dealings with the shipping magnate Bram Oduya are under review,” the expert "
             "warned.")
    assert found[-1] == ("the expert", None)


def test_they_after_people_joined_by_and_is_not_an_organisation(nlp):
    found, _ = _speakers(
        nlp, "Mayor Oren Falk and members of the Coastal Alliance-led council have avoided "
             "blaming the port. They seem keen to calm the dispute. However, they said they "
             "would not raise the harbour fees until 2027.")
    assert found[-1] == ("they", None)


def test_they_after_people_named_as_objects_is_not_an_organisation(nlp):
    found, _ = _speakers(
        nlp, "Acme Records said the tour would go ahead. The news drew the attention of two "
             "senators: Senator Mary Stone and congressman Peter Vale. They criticised the deal.")
    assert found[-1] == ("They", None)


def test_they_and_it_after_an_untagged_mention_of_an_organisation_are_that_organisation(nlp):
    text = ("The group that owns her songs, Big Machine, says she may play them. Scooter Braun's "
            "company bought the label. Big Machine have twice denied doing anything wrong. "
            "\"We never said that,\" they said.")
    found, doc = _speakers(nlp, text)
    assert found[-1] == ("they", "Big Machine")


def test_they_after_a_person_and_partner_is_not_an_organisation(nlp):
    found, _ = _speakers(
        nlp, "The Acme Finance group meets monthly. The planner Eric Roe says costs matter. You "
             "can do more by raising your income, he and his wife Kali explained on their "
             "podcast. Cutting costs takes effort, they said.")
    assert found[-1] == ("they", None)


def test_a_person_named_in_passing_long_before_is_not_he(nlp):
    found, _ = _speakers(
        nlp, "Many savers stick to billionaire Warren Buffett's favourite investment. Index funds "
             "track a market. They are cheap. Fees are low. Returns vary. Markets fall. Funds "
             "recover. One saver retired at 51. He never earned a big salary, he wrote in a "
             "blog post.")
    assert found[-1] == ("he", None)


def test_a_name_in_a_clause_describing_a_thing_is_a_name_in_passing(nlp):
    found, _ = _speakers(
        nlp, "Jane Roe won the case on Monday. A photo taken by Mark Dunn showed the crowd. She "
             "said the verdict was fair.")
    assert found[-1] == ("She", "Jane Roe")


def test_a_description_that_named_no_one_still_names_no_one_later(nlp):
    found, _ = _speakers(
        nlp, 'A 43-year-old man went back to the doctor with symptoms. "Going upstairs was '
             'hard," the patient described. He was signed off work. Blood tests revealed the '
             'cause. Scans showed more. Doctors were surprised. Dr. Owen Dempsey said it happens '
             'often. "It does not affect me now," the patient wrote in the study.')
    assert found[-1] == ("the patient", None)


def test_a_description_picked_out_by_its_own_clause_is_someone_new(nlp):
    found, _ = _speakers(
        nlp, "Rep. Jane Omar received a threat in March. The staff member who reported the call "
             "recalled that he said he would hurt her, the office said.")
    assert ("The staff member who reported the call", None) in found


def test_who_resolves_to_the_person_it_follows(nlp):
    found, _ = _speakers(
        nlp, "The inquiry heard from Petra Lindqvist, who told the panel that the files "
             "had been destroyed.")
    assert found[0] == ("who", "Petra Lindqvist")


def test_an_acronym_joins_the_organisation_named_before_it(nlp):
    found, doc = _speakers(
        nlp, "Harbor Stage Group is promoting the tour, with tickets on sale next week.\n\n"
             "According to HSG, the band will play two new songs each night.")
    assert found[-1] == ("HSG", "Harbor Stage Group")
    assert "HSG" in _entity(doc, "Harbor Stage Group").aliases


def test_a_person_introduced_by_role_is_the_one_named_next_with_that_role(nlp):
    found, _ = _speakers(
        nlp, "A provincial court judge criticized the ferry operator on Monday, saying it had "
             "ignored safety warnings. Justice Amara Whitcombe ordered the company to publish "
             "its inspection records. The judge said the public deserved answers.")
    assert found[0] == ("A provincial court judge", "Amara Whitcombe")
    assert ("The judge", "Amara Whitcombe") in found


def test_the_person_named_next_may_be_in_the_next_paragraph(nlp):
    found, _ = _speakers(
        nlp, "Lawmakers will hear on Thursday from a navy officer who described the contract "
             "as \u201cwasteful.\u201d\n\nCapt. Idris Okonkwo-Hale, the fleet's procurement "
             "chief, will testify in the morning.")
    assert found == [("who", "Idris Okonkwo-Hale")]


def test_an_unnamed_person_stays_unnamed_when_the_next_name_has_another_role(nlp):
    found, _ = _speakers(
        nlp, "A local resident said the fire started after midnight. Fire Chief Oskar Lindahl "
             "arrived an hour later.")
    assert found[0] == ("A local resident", None)


def test_the_commission_is_the_unnamed_body_cited_not_the_agency_that_cited_it(nlp):
    found, _ = _speakers(
        nlp, "Two hikers fell ill near the border, the Meridian Press Agency said, citing the "
             "provincial water commission. Forty residents were tested. Nobody else is sick, "
             "the commission said.")
    assert found[-1] == ("the commission", None)


def test_pronouns_for_an_unnamed_child_do_not_make_the_named_man_a_she(nlp):
    found, _ = _speakers(
        nlp, "Marcus Oyelaran was arrested after a girl went missing from a park in Dunmore. "
             "Volunteers searched through the night.\n\n"
             "“We found her, we found her!” a volunteer shouted.\n\n"
             "“We have her now.”\n\n"
             "Later that day, he admitted that he had taken the girl to a motel.")
    assert found[-1] == ("he", "Marcus Oyelaran")


def test_he_after_unlike_a_name_is_someone_else(nlp):
    found, _ = _speakers(
        nlp, "Omar Khalil found work at a bakery within a month. His cousin Samir Nasser "
             "arrived a year later.\n\nUnlike Khalil, he has been unable to find a job.\n\n"
             "“I send out letters every week,” he said.")
    assert found[-1] == ("he", "Samir Nasser")


def test_he_after_for_a_name_can_be_that_person(nlp):
    found, _ = _speakers(
        nlp, "Tobias Renner runs a comic press in Kitchener. His partner, Ada Lusk, handles "
             "the shop.\n\nFor Renner, who prints every copy by hand, he is simply filling a "
             "gap. “Everyone starts somewhere,” he says.")
    assert found[-1] == ("he", "Tobias Renner")


def test_the_speaker_of_a_quotation_is_not_someone_the_quotation_names(nlp):
    # The pundit is the subject before; the quotation names another man just before "he".
    found, _ = _speakers(
        nlp, "TV host Chris Dalton said the governor's speech would help Tom Kessler's "
             "campaign. “It was very good at covering Kessler’s weak side. And I think that "
             "matters,” he said.")
    assert found[-1] == ("he", "Chris Dalton")


def test_the_speaker_of_a_quotation_is_not_the_he_the_quotation_speaks_of(nlp):
    found, _ = _speakers(
        nlp, "Tom Ball had scored once in ten games. He changed sticks often. Defenseman Sam "
             "Ortiz, who joked about Ball’s habit, could see the frustration on his friend’s "
             "face. “He is used to scoring goals,” he said.")
    assert found[-1] == ("he", "Sam Ortiz")


def test_the_production_company_is_the_company_named_for_its_kind(nlp):
    found, doc = _speakers(
        nlp, "Dana Reyes Productions denied that it had settled with Big Machine, a record "
             "label. “At no time did we agree to a statement,” the production company said.")
    assert _entity(doc, "Dana Reyes Productions").type == "ORG"
    assert found[-1] == ("the production company", "Dana Reyes Productions")


def test_he_who_asks_someone_is_not_the_one_asked(nlp):
    found, _ = _speakers(
        nlp, "Counsel Steve Castor questioned Tim Morrison for an hour. He asked Morrison about "
             "concerns his predecessor might have had.")
    assert found[-1] == ("He", "Steve Castor")


def test_they_after_a_plural_subject_is_not_an_organisation_mentioned_as_an_object(nlp):
    found, _ = _speakers(
        nlp, "The doctors said they would work with Acme Health to vaccinate families. They "
             "hope for government funding.")
    assert found[-1] == ("They", None)


def test_he_is_not_the_person_his_own_clause_names(nlp):
    found, _ = _speakers(
        nlp, "Michael Thomas faces two charges. He denies them. Jason Miller, who represents "
             "Thomas, said the charges were unfair. He said Thomas is a single father of three "
             "children.")
    assert found[-1] == ("He", "Jason Miller")


def test_he_in_what_someone_says_is_that_person_unless_the_text_shows_otherwise(nlp):
    found, _ = _speakers(
        nlp, "Jeffrey Epstein died in August. He had been held for weeks. Jack Scarola, who "
             "represents some of Epstein’s accusers, said he is pleased to see the inquiry. "
             "“Forty-five years of practicing law,” he said, “has convinced me that there are no "
             "coincidences.”")
    assert found[-1] == ("he", "Jack Scarola")


def test_a_body_of_an_unnamed_place_is_no_organisation_named_before(nlp):
    found, _ = _speakers(
        nlp, "Protesters clashed with police. The People's Liberation Army said it was ready. "
             "The city's police deny accusations of brutality.")
    assert found[-1] == ("The city's police", None)


def test_a_name_in_passing_is_a_weaker_antecedent_than_the_subject(nlp):
    found, _ = _speakers(
        nlp, "Alexander Vance testified last week. He was calm. The hearing ran long. Reporters "
             "waited outside. Counsel Steve Castor asked Tim Morrison about concerns over "
             "Alexander Vance's judgment. He asked Morrison about concerns his predecessor might "
             "have had.")
    assert found[-1] == ("He", "Steve Castor")


def test_a_misread_pronoun_inside_a_quotation_does_not_hide_the_only_speaker_near(nlp):
    found, _ = _speakers(
        nlp, "Jessie Buckley plays the singer. While Buckley's own story feels like a fairy "
             "tale, she drew a distinction with her character. “I told her my secrets and she "
             "told me hers and we built a different person together,” she said.")
    assert found[-1] == ("she", "Jessie Buckley")


def test_a_subject_that_is_a_word_of_someones_role_is_not_that_person(nlp):
    # "exploration" is a word of Marsh's role, not a description of him: the "he" after the
    # quotation is the man named just before it
    text = ("Adam Marsh, deputy administrator for exploration at the agency, said he was sure "
            "the plan was sound.\n\nPiet Olander, chief executive of Lunaro, said his company "
            "was ready. “Space exploration requires an entire ecosystem of companies,” he said.")
    found, _ = _speakers(nlp, text)
    assert found[-1] == ("he", "Piet Olander")


def test_it_after_a_state_that_acts_is_that_state_not_an_organisation_named_before(nlp):
    text = ("The Harbour Freedom Act would impose sanctions on officials. Beijing has calculated "
            "that bloody suppression should be avoided. It said the protests were riots.")
    found, _ = _speakers(nlp, text)
    assert found[-1] == ("It", "Beijing")


def test_whom_a_subject_spoke_to_is_not_the_subject(nlp):
    found, _ = _speakers(
        nlp, "Villagers complained that relief was slow. Speaking to Tasnim, they said no aid "
             "had arrived. Harbor Freight issued a statement. Speaking to Reuters, it said "
             "profits rose.")
    assert found[1:] == [("they", None), ("it", "Harbor Freight")]


def test_a_description_in_the_body_is_not_someone_the_text_names_only_later(nlp):
    found, _ = _speakers(
        nlp, "The jury was split on the sentence.\n\nKenton County Attorney Paul Varga said "
             "the holdouts had made up their minds. The frustrated "
             "prosecutor had turned down a plea deal a year ago. He said on Saturday that he "
             "would ask lawmakers to change the law. Later, prosecutor Dana Lowe said the "
             "verdict stood.")
    assert ("He", "Dana Lowe") not in found



def test_an_outlet_named_only_as_the_one_told_is_not_they(nlp):
    found, _ = _speakers(
        nlp, "A police spokesman told MailOnline that officers were attacked. They said the "
             "protest began around 8:30pm.")
    assert found[-1] == ("They", None)


def test_police_is_the_police_force_named_before_and_no_other_body(nlp):
    found, _ = _speakers(nlp, "Oregon State Police are investigating the blast. State police "
                              "said the devices were homemade.")
    assert found[-1] == ("State police", "Oregon State Police")
    found, _ = _speakers(nlp, "The Red Cross said 40 people were hurt. The police said the fire "
                              "was set deliberately.")
    assert found[-1] == ("The police", None)


def test_a_name_after_an_age_is_a_person_a_pronoun_can_mean(nlp):
    found, _ = _speakers(
        nlp, '"We hope for the best," Valentina Moroz, an official, told AFP.\n\nIn the village, '
             '25-year-old Guzel said she had come to vote.\n\n"I voted for a neighbour," she said.')
    assert found[-1] == ("she", "Guzel")


def test_the_judge_after_a_judge_is_whoever_the_next_sentences_name(nlp):
    found, _ = _speakers(
        nlp, "A judge on Saturday sentenced the gunman to life in prison.\n\nThe gunman had "
             "killed four people.\n\nHe will die in prison after Superior Court Judge Ann Bell "
             "handed down the maximum sentence.\n\n\"There is no more I could give you,\" the "
             "judge said.")
    assert found[-1] == ("the judge", "Ann Bell")


def test_an_office_its_owner_names_is_no_organisation_named_before(nlp):
    found, _ = _speakers(nlp, "Hale was stopped for speeding, the Ohio Highway Patrol said. The "
                              "City Attorney's office said the case had not been filed.")
    assert found[-1] == ("The City Attorney's office", None)


def test_the_kind_of_company_may_be_a_shortening_in_its_name(nlp):
    found, _ = _speakers(nlp, "Calls were cut on Friday, according to Nordic Telecom. The "
                              "telecommunications company said repairs would take two weeks.")
    assert found[-1] == ("The telecommunications company", "Nordic Telecom")


def test_who_a_verbless_sentence_is_about_is_whom_he_means(nlp):
    found, _ = _speakers(
        nlp, "The defense stuffed quarterback Brady Quinn on fourth down.\n\nMark Hollis added "
             "101 yards on the ground for the Chiefs.\n\nA big reason why was Quinn, who was "
             "just 10 of 22 with two interceptions.\n\n\"This game was on my shoulders,\" he "
             "said.")
    assert found[-1] == ("he", "Brady Quinn")


def test_a_pronoun_after_an_unnamed_source_is_that_anonymous_source(nlp):
    doc = nlp("The cable was cut near Sicily, a Nordic Telecom spokeswoman who asked not to be "
              "named said.\n\nThe company isn't sure what caused the cut, she said.\n\n"
              "\"We have two assumptions,\" she said.\n\nMayor Tom Hale said the port was "
              "shut. He said it would reopen soon.")
    assert [(q.speaker.text, q.speaker.anonymous) for q in doc._.quotes] == [
        ("a Nordic Telecom spokeswoman who asked not to be named", True), ("she", True),
        ("she", True), ("Mayor Tom Hale", False), ("He", False)]


def test_a_pronoun_that_disagrees_with_the_unnamed_source_before_is_not_it(nlp):
    doc = nlp("The plant will close, a company spokeswoman said. He said 300 jobs would go.")
    assert [(q.speaker.text, q.speaker.anonymous) for q in doc._.quotes] == [
        ("a company spokeswoman", True), ("He", False)]


def test_he_after_a_report_is_the_one_who_just_reported(nlp):
    found, _ = _speakers(
        nlp, "Mark Garth, head of the brewers guild, said small brewers will suffer most. He said "
             "the shutdown hurt them.\n\nRuss Klisch said a beer or two might help the "
             "negotiations.\n\n\"I think if they all got a beer together, they would figure it "
             "out,\" he said.")
    assert found[-1] == ("he", "Russ Klisch")


def test_a_title_before_a_name_tagged_as_an_organisation_makes_a_person(nlp):
    found, _ = _speakers(
        nlp, "Stubbs said the camp was cleared. He said police acted lawfully.\n\nBut Wet'suwet'en "
             "Hereditary Chief Na'moks said the arrests were wrong.\n\n\"I don't think there's "
             "any aggression there,\" he said.")
    assert found[-2:] == [("Wet'suwet'en Hereditary Chief Na'moks", "Na'moks"), ("he", "Na'moks")]


@pytest.mark.parametrize("text, name", [
    ("A statement e-mailed to The Globe by Reagan Ruslim, who joined the board last month, said "
     "the station will respect the order.", "Reagan Ruslim"),
    ("A release sent to media from the Teamsters Union late Friday said the workers voted yes.",
     "Teamsters Union"),
])
def test_a_statement_sent_by_someone_is_theirs(nlp, text, name):
    found, _ = _speakers(nlp, text)
    assert [entity for _, entity in found][:1] == [name]


def test_a_name_the_tagger_takes_for_a_pronoun_is_still_the_name(nlp):
    found, _ = _speakers(nlp, '"He enabled us to hang in there," Carolina coach Rod Brind\'Amour '
                              'said.')
    assert found == [("Carolina coach Rod Brind'Amour", "Rod Brind'Amour")]


def test_the_neighbour_is_not_the_person_named_before(nlp):
    found, _ = _speakers(nlp, "Alice Moran, 58, was found dead at home. Her son was arrested.\n\n"
                              "The neighbour described him as a loner.")
    assert found == [("The neighbour", None)]
