"""The claimgraph_entities component: named entities grouped within one article."""

import pytest

from claimgraph.analyze.entities import clean_name, group_entities



def _named(doc, name):
    found = [e for e in doc._.entities if e.name == name]
    assert len(found) == 1, f"expected one entity {name!r}; got {[e.name for e in doc._.entities]}"
    return found[0]


def test_a_later_surname_is_an_alias_of_the_full_name(nlp):
    text = "Foreign Minister Sergei Lavrov said the talks had stalled. Lavrov added that Moscow would wait."
    doc = nlp(text)
    person = _named(doc, "Sergei Lavrov")
    assert person.type == "PERSON" and person.aliases == ["Lavrov"]
    assert [text[m.start:m.end] for m in person.mentions] == ["Sergei Lavrov", "Lavrov"]
    assert person.roles == ["Foreign Minister"]


@pytest.mark.parametrize("owned", ["NPR’s Feng", "NPR ’s Feng"])
def test_an_outlets_reporter_named_by_surname_is_the_reporter_not_the_outlet(nlp, owned):
    doc = nlp(f"As Emily Feng reports for NPR, the first cases came to light. But according to "
              f"{owned}, the couple had been moved on November 3.")
    assert sorted((e.name, e.type) for e in doc._.entities) == [
        ("Emily Feng", "PERSON"), ("NPR", "ORG")]
    assert [_named(doc, "Emily Feng").id] * 2 == [q.speaker.entity for q in doc._.quotes]


def test_roles_come_from_coordinated_appositions(nlp):
    doc = nlp(
        "Ana Silva, Secretary General of the Regional Trade Council and former Brazilian "
        "Ambassador to the U.K. detailed the plan. Silva said the plan would work."
    )
    assert _named(doc, "Ana Silva").roles == [
        "Secretary General of the Regional Trade Council",
        "former Brazilian Ambassador to the U.K.",
    ]


def test_a_bare_surname_goes_to_the_person_mentioned_last(nlp):
    doc = nlp(
        "Park Geun-hye met Park Chung-hee in Seoul. Park Chung-hee later spoke to reporters. "
        "Park said the economy was strong."
    )
    assert _named(doc, "Park Geun-hye").aliases == []
    assert _named(doc, "Park Chung-hee").aliases == ["Park"]
    speaker = doc._.quotes[0].speaker
    assert speaker.text == "Park" and speaker.entity == _named(doc, "Park Chung-hee").id


def test_two_people_sharing_a_surname_stay_apart(nlp):
    doc = nlp(
        "Defense Minister Lee Min-ho spoke first on Monday. President Lee Jae-myung said the "
        "talks had failed. Lee wants a new budget."
    )
    minister, president = _named(doc, "Lee Min-ho"), _named(doc, "Lee Jae-myung")
    assert minister.id != president.id
    assert "Lee" in president.aliases and "Lee" not in minister.aliases


def test_a_bare_surname_means_the_subject_not_a_name_in_passing(nlp):
    doc = nlp(
        "Former governor Tom Alder campaigned in Harbourton on Monday for his daughter Ruth "
        "Alder. Alder said the plant would stay open."
    )
    father, daughter = _named(doc, "Tom Alder"), _named(doc, "Ruth Alder")
    assert "Alder" in father.aliases and "Alder" not in daughter.aliases
    assert doc._.quotes[0].speaker.entity == father.id


def test_a_description_speaker_resolves_through_the_role(nlp):
    doc = nlp("Defense Minister Lee Min-ho arrived on Monday. The minister said the deal was off.")
    quote = doc._.quotes[0]
    assert quote.speaker.text == "The minister"
    assert quote.speaker.entity == _named(doc, "Lee Min-ho").id


def test_an_organisations_short_name_is_its_alias(nlp):
    doc = nlp("The New York Post reported the news on Monday. The Post has learned that the mayor resigned.")
    outlet = _named(doc, "New York Post")
    assert outlet.type == "ORG" and outlet.aliases == ["Post"]
    assert {q.speaker.entity for q in doc._.quotes} == {outlet.id}


@pytest.mark.parametrize(
    "written, name",
    [("the Wall Street Journal", "Wall Street Journal"), ("Russia’s", "Russia"),
     ("U.S.", "U.S."), ("  Kim  Jong Un ", "Kim Jong Un")],
)
def test_names_lose_articles_and_possessives_but_not_abbreviation_dots(written, name):
    assert clean_name(written) == name


@pytest.mark.parametrize("text", ["", "\n\n", "“”", "12345 67890"])
def test_no_names_no_entities(nlp, text):
    assert nlp(text)._.entities == []


def test_a_place_is_not_a_short_form_of_an_organisation_named_after_it(nlp):
    doc = nlp("Statistics Canada released new figures on Friday. Canada's economy grew by two "
              "per cent, the agency said.")
    agency = _named(doc, "Statistics Canada")
    assert "Canada" not in agency.aliases


def test_a_persons_name_stops_before_what_the_person_owns(nlp):
    # the tagger sometimes runs a name into what follows it ("Okafor’s 2022" as one PERSON)
    doc = nlp("Senator Adaeze Okafor spoke first. The group backed Okafor’s 2022 campaign.")
    start = doc.text.index("Okafor’s")
    doc.ents = [e for e in doc.ents if e.start_char < start] + [
        doc.char_span(start, start + len("Okafor’s 2022"), label="PERSON")]
    people = [e for e in group_entities(doc) if e.type == "PERSON"]
    assert [(e.name, len(e.mentions)) for e in people] == [("Adaeze Okafor", 2)]


def test_a_word_of_a_quoted_title_is_not_a_person(nlp):
    doc = nlp("The band played for two hours. After hitting “Takin’ It To the Bank,” the singer "
              "and guitarist told the audience, “That was fun.”")
    assert "Takin" not in [e.name for e in doc._.entities]
    assert doc._.quotes[0].speaker.entity is None  # not the title's word taken for a person


def test_a_list_after_a_name_gives_no_roles_that_are_not_kinds_of_person(nlp):
    doc = nlp("A row involving Mira Castellanos, her former record label and a couple of big "
              "name politicians is over. Castellanos said she was glad.")
    assert _named(doc, "Mira Castellanos").roles == []


def test_a_one_word_name_the_tagger_typed_two_ways_is_one_entity_of_its_main_type(nlp):
    from spacy.tokens import Doc

    words = ["Instagram", "grew", ".", "Instagram", "hired", ".", "Instagram", "said", "so", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 4, 4, 4, 7, 7, 7, 7],
              deps=["nsubj", "ROOT", "punct"] * 2 + ["nsubj", "ROOT", "advmod", "punct"],
              ents=["B-ORG", "O", "O", "B-ORG", "O", "O", "B-PERSON", "O", "O", "O"])
    (entity,) = group_entities(doc)
    assert entity.name == "Instagram" and entity.type == "ORG" and len(entity.mentions) == 3


def _tagged(nlp, text, *labelled):
    """``text`` parsed, with the tagger's entities replaced by ``labelled`` (label, start of
    the name's n-th occurrence, name): the tagger's errors set by hand."""
    doc = nlp(text)
    spans = []
    for label, n, name in labelled:
        start = -1
        for _ in range(n + 1):
            start = text.index(name, start + 1)
        spans.append(doc.char_span(start, start + len(name), label=label))
    doc.ents = spans
    return doc


def test_a_full_name_the_tagger_typed_two_ways_is_one_entity(nlp):
    # "Jane Roe's company" is tagged as an organisation named "Jane Roe"
    doc = _tagged(nlp, "Jane Roe founded the label. Fans of Jane Roe's company were angry. "
                       "Jane Roe said little.",
                  ("PERSON", 0, "Jane Roe"), ("ORG", 1, "Jane Roe"), ("PERSON", 2, "Jane Roe"))
    (entity,) = group_entities(doc)
    assert entity.type == "PERSON" and len(entity.mentions) == 3


def test_every_occurrence_of_an_organisations_name_is_its_mention(nlp):
    doc = _tagged(nlp, "Big Machine owns the songs. Fans criticised Big Machine on Friday. "
                       "Big Machine denied it.", ("ORG", 0, "Big Machine"))
    (entity,) = group_entities(doc)
    assert entity.name == "Big Machine" and len(entity.mentions) == 3


def test_an_organisation_is_named_as_the_text_mostly_names_it(nlp):
    doc = _tagged(nlp, "Apps of Facebook Research stopped. Facebook said the app was paused. "
                       "Facebook told staff to wait. Facebook said more later.",
                  ("ORG", 0, "Facebook Research"), ("ORG", 1, "Facebook"),
                  ("ORG", 2, "Facebook"), ("ORG", 3, "Facebook"))
    (entity,) = group_entities(doc)
    assert entity.name == "Facebook" and entity.aliases == ["Facebook Research"]


def test_a_name_after_a_persons_title_is_a_person_though_tagged_an_organisation(nlp):
    doc = _tagged(nlp, "Cuts will come, said the firm's executive chair Marcelo Claure.",
                  ("ORG", 0, "Marcelo Claure"))
    (entity,) = group_entities(doc)
    assert entity.type == "PERSON" and entity.name == "Marcelo Claure"


def test_a_later_acronym_of_an_organisations_name_is_its_mention(nlp):
    doc = _tagged(nlp, "The World Health Organization tracks the disease. Untreated, it is "
                       "always fatal, says WHO.", ("ORG", 0, "World Health Organization"))
    (entity,) = group_entities(doc)
    assert entity.aliases == ["WHO"] and len(entity.mentions) == 2


def test_an_acronym_of_part_of_a_longer_name_joins_the_longer_name(nlp):
    doc = _tagged(nlp, "The Chilean Center for Disease Control and Prevention traced the cases. "
                       "The CDC said the risk was low.",
                  ("ORG", 0, "Chilean Center for Disease Control and Prevention"),
                  ("ORG", 0, "CDC"))
    (entity,) = group_entities(doc)
    assert entity.aliases == ["CDC"] and len(entity.mentions) == 2


def test_a_plural_name_tagged_as_a_person_is_a_group_when_the_text_names_the_group(nlp):
    doc = _tagged(nlp, "Virginia Democrats won the state house. Ohio Democrats lost. Vern "
                       "Sparkes said little.", ("PERSON", 0, "Virginia Democrats"),
                  ("NORP", 0, "Ohio Democrats"), ("PERSON", 0, "Vern Sparkes"))
    types = {e.name: e.type for e in group_entities(doc)}
    assert types["Virginia Democrats"] == "NORP" and types["Vern Sparkes"] == "PERSON"


def test_a_name_the_tagger_missed_is_a_person_when_an_apposition_says_so(nlp):
    doc = _tagged(nlp, "Eswar Prasad, a trade professor at Cornell, said the talks were hard. "
                       "Prasad said more.", ("ORG", 0, "Cornell"))
    person = next(e for e in group_entities(doc) if e.type == "PERSON")
    assert person.name == "Eswar Prasad" and len(person.mentions) == 2


def test_a_surname_is_an_alias_of_a_full_name_with_a_suffix(nlp):
    doc = nlp("U.S. Attorney James P. Kennedy Jr. announced the plea. Kennedy said the case "
              "mattered.")
    person = _named(doc, "James P. Kennedy Jr.")
    assert person.aliases == ["Kennedy"] and len(person.mentions) == 2


def test_a_name_after_the_is_no_person(nlp):
    doc = nlp("NASA wants to put astronauts on the Moon by 2024. Tom Stafford, a former "
              "astronaut, said the Moon was within reach.")
    assert _named(doc, "Moon").type != "PERSON"
    assert _named(doc, "Tom Stafford").type == "PERSON"


def test_the_last_word_of_a_papers_name_after_the_is_that_paper(nlp):
    doc = _tagged(nlp, "The Harbour Valley Chronicle reported the theft. The Chronicle says the "
                       "man was arrested.", ("ORG", 0, "Harbour Valley Chronicle"),
                  ("PERSON", 1, "Chronicle"))
    (paper,) = group_entities(doc)
    assert (paper.name, paper.type, paper.aliases) == (
        "Harbour Valley Chronicle", "ORG", ["Chronicle"])
