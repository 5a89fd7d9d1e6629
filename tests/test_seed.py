"""The golden test: what a careful analyst extracts from examples/seed.txt.

Expectations are copied from the seed's analyst sheet; they name people and phrases of this
article only as expected output, never as inputs to the code.
"""

import pytest


def test_title_kicker_and_dek_are_separated(seed):
    assert seed.kicker == "WATCH"
    assert seed.title == "Reports surfacing of North Korea sending teens to Russia’s front lines"
    assert seed.dek == "Ex-diplomat says Kim Jong Un trying to be a big player in world politics"
    assert not seed.text.startswith(("WATCH", "Reports surfacing", "Ex-diplomat"))


def _entity(seed, name):
    found = [e for e in seed.entities if e.name == name]
    assert found, f"no entity named {name!r}; got {[e.name for e in seed.entities]}"
    return found[0]


@pytest.mark.parametrize(
    "name, type_, aliases",
    [("Lloyd Austin", "PERSON", ["Austin"]), ("Tae Yong Ho", "PERSON", ["Tae"])],
)
def test_people_are_entities_with_their_short_names(seed, name, type_, aliases):
    entity = _entity(seed, name)
    assert entity.type == type_
    assert set(aliases) <= set(entity.aliases)
    mentioned = {seed.text[m.start:m.end] for m in entity.mentions}
    assert {name, *aliases} <= mentioned


DIRECT_QUOTES = [
    ("Lloyd Austin", "I am increasingly concerned that the Kremlin"),
    ("Lloyd Austin", "This includes conventional missile defense"),
    ("Tae Yong Ho", "When I first saw that video file"),
    ("Tae Yong Ho", "They look very much malnourished"),  # no cue: continues the previous speaker
    ("Tae Yong Ho", "So North Korea is desperate"),
    ("Tae Yong Ho", "They were sent to Ukraine"),
    ("Tae Yong Ho", "North Korea is a dictatorship country"),
]


@pytest.mark.parametrize("speaker, starts", DIRECT_QUOTES)
def test_direct_quotes_have_their_resolved_speaker(seed, speaker, starts):
    names = {e.id: e.name for e in seed.entities}
    matches = [
        q for q in seed.quotes
        if q.kind == "direct" and q.content and q.content[0].text.startswith(starts)
    ]
    assert len(matches) == 1, f"expected one direct quote starting {starts!r}"
    quote = matches[0]
    assert quote.speaker is not None and names.get(quote.speaker.entity) == speaker
    for piece in quote.content:
        assert seed.text[piece.start:piece.end] == piece.text
        assert not piece.text.startswith(("“", '"')) and not piece.text.endswith(("”", '"'))


# (kind, speaker: canonical name or unnamed-source phrase, cue: the verb alone, content starts,
# act, field), all 26 statements of the analyst sheet, the dek's included; contents may open
# with the complementizer "that".
QUOTES = [
    ("indirect", "Tae Yong Ho", "says", "Kim Jong Un trying to be a big player", "speech", "dek"),
    ("direct", "Lloyd Austin", "said", "I am increasingly concerned that the Kremlin", "speech",
     "text"),
    ("direct", "Lloyd Austin", "said", "This includes conventional missile defense", "speech",
     "text"),
    ("direct", "Tae Yong Ho", "said", "When I first saw that video file", "speech", "text"),
    ("direct", "Tae Yong Ho", None, "They look very much malnourished", "speech", "text"),
    ("direct", "Tae Yong Ho", "noted", "So North Korea is desperate", "speech", "text"),
    ("direct", "Tae Yong Ho", "stressed", "They were sent to Ukraine", "speech", "text"),
    ("direct", "Tae Yong Ho", "said", "North Korea is a dictatorship country", "speech", "text"),
    ("mixed", "Tae Yong Ho", "adding", "if a person dissents", "speech", "text"),
    ("mixed", "Tae Yong Ho", "said", "when he watched the footage", "speech", "text"),
    ("indirect", "Lloyd Austin", "confirmed", "3,000 North Korean troops were already in Russia",
     "speech", "text"),
    ("indirect", "Lloyd Austin", "assured", "the U.S. is ready and fully committed", "speech",
     "text"),
    ("indirect", "Pentagon", "urged", "Russia to change course", "speech", "text"),
    ("indirect", "Lloyd Austin", "noted", "the U.S. is an ally of South Korea", "speech", "text"),
    ("indirect", "Tae Yong Ho", "noting", "the North Korean soldiers looked much smaller",
     "speech", "text"),
    ("indirect", "Tae Yong Ho", "said",
     "the next few weeks and months will be a very crucial moment", "speech", "text"),
    ("indirect", "Tae Yong Ho", "noted", "North Korea’s leader Kim Jong Un will be calculating",
     "speech", "text"),
    ("according_to", "Tae Yong Ho", "according to",
     "North Korea has ambitions of using Russia’s technology", "speech", "text"),
    ("indirect", "Tae Yong Ho", "stated", "the outcomes over the next few months", "speech",
     "text"),
    ("indirect", "Tae Yong Ho", "added", "North Korea and Russia have been ignoring sanctions",
     "speech", "text"),
    ("indirect", "Tae Yong Ho", "stating", "they were likely surprised and possibly angry",
     "speech", "text"),
    ("indirect", "Tae Yong Ho", "noting", "diplomats are not able to voice concerns", "speech",
     "text"),
    ("according_to", "Wall Street Journal", "according to",
     "available footage and intelligence analysis suggests", "speech", "text"),
    ("according_to", "South China Morning Post", "according to",
     "over 200 North Korean soldiers who defected", "speech", "text"),
    ("indirect", "experts", "noting", "the soldiers appear to be short", "speech", "text"),
    ("indirect", "intelligence agencies", "confirmed", "they are really North Korean soldiers",
     "speech", "text"),
]
ANONYMOUS = {"experts", "intelligence agencies"}


def test_the_sheet_lists_26_statements():
    assert len(QUOTES) == 26


def _quote_starting(analysis, starts):
    def opening(quote):
        text = quote.content[0].text if quote.content else ""
        return text[len("that "):] if text.startswith("that ") else text

    found = [q for q in analysis.quotes if opening(q).startswith(starts)]
    assert len(found) == 1, f"expected one quote starting {starts!r}; got {len(found)}"
    return found[0]


@pytest.mark.parametrize("kind, speaker, cue, starts, act, field", QUOTES)
def test_every_attributed_statement_is_found(seed, kind, speaker, cue, starts, act, field):
    quote = _quote_starting(seed, starts)
    names = {e.id: e.name for e in seed.entities}
    assert (quote.kind, quote.act) == (kind, act)
    if cue is None:
        assert quote.cue is None
    else:
        assert quote.cue.text.lower() == cue and quote.cue.field == field
    assert quote.speaker is not None and quote.speaker.field == field
    if speaker in ANONYMOUS:
        assert quote.speaker.text.endswith(speaker) and quote.speaker.anonymous
    else:
        assert names.get(quote.speaker.entity) == speaker and not quote.speaker.anonymous
    for span in (quote.speaker, quote.cue, *quote.content):
        if span is not None:
            assert span.field == field and getattr(seed, field)[span.start:span.end] == span.text


def test_an_attribution_inside_a_quote_is_nested_in_it(seed):
    inner = _quote_starting(seed, "they are really North Korean soldiers")
    outer = {q.id: q for q in seed.quotes}[inner.nested_in]
    assert outer.kind == "direct" and outer.content[0].text.startswith("They look very much")


def test_statements_from_the_interview_name_the_channel(seed):
    tae = _entity(seed, "Tae Yong Ho").id
    statements = [q for q in seed.quotes if q.speaker and q.speaker.entity == tae]
    assert statements and all(q.via == "Radio Free Asia" for q in statements)


@pytest.mark.parametrize(
    "name, type_, aliases, roles",
    [
        ("Lloyd Austin", "PERSON", ["Austin"], ["U.S. Secretary of Defense"]),
        ("Tae Yong Ho", "PERSON", ["Tae"],
         ["Secretary General of South Korea’s Unification Advisory Council",
          "former North Korean Deputy Ambassador to the U.K."]),
        ("Kim Jong Un", "PERSON", ["Kim"], ["North Korea’s leader"]),
        ("Kim Yong-kyun", "PERSON", [], ["South Korean Defense Minister"]),
        ("North Korea", "GPE", [], []),
        ("South Korea", "GPE", [], []),
        ("Wall Street Journal", "ORG", [], []),
        ("South China Morning Post", "ORG", [], []),
        ("Radio Free Asia", "ORG", [], []),
        ("Pentagon", "ORG", [], []),
    ],
)
def test_entities_with_roles_and_aliases(seed, name, type_, aliases, roles):
    entity = _entity(seed, name)
    assert entity.type == type_
    assert set(aliases) <= set(entity.aliases)
    assert set(roles) <= set(entity.roles)


@pytest.mark.parametrize("phrase", ["Kim wants", "Kim’s regime", "Kim’s decisions"])
def test_kim_alone_is_kim_jong_un_not_the_defense_minister(seed, phrase):
    leader, minister = _entity(seed, "Kim Jong Un"), _entity(seed, "Kim Yong-kyun")
    at = seed.text.index(phrase)
    assert any(m.start == at for m in leader.mentions)
    assert not any(m.start == at for m in minister.mentions)
    for quote in seed.quotes:
        if quote.speaker is not None and quote.speaker.start == at:
            assert quote.speaker.entity == leader.id
