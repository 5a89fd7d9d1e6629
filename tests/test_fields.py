"""The title and the dek are analyzed with the body; their spans say which field they index."""

from claimgraph import analyze
from claimgraph.model import Article

BODY = (
    "Port director Maria Lopez told reporters on Monday that the pier was unsafe.\n\n"
    "“We will not reopen until it is repaired,” Lopez said."
)


def _article(**fields):
    return Article(source="harbour", text=BODY, **fields)


def test_a_statement_in_the_dek_is_reported_with_offsets_into_the_dek():
    dek = "Harbour chief says the port may stay shut for weeks"
    result = analyze(_article(title="Storm batters the coast", dek=dek))
    [quote] = [q for q in result.quotes if q.cue and q.cue.field == "dek"]
    assert quote.cue.text == "says" and dek[quote.cue.start:quote.cue.end] == "says"
    assert [(p.field, p.text) for p in quote.content] == [
        ("dek", "the port may stay shut for weeks")]
    claim = next(c for c in result.claims if c.quote == quote.id)
    assert claim.field == "dek" and dek[claim.start:claim.end] == claim.text
    assert claim.status == "hedged"  # "may" in the dek reaches the claim
    # the body is untouched and its offsets still index it
    body = [q for q in result.quotes if q.cue and q.cue.field == "text"]
    assert body and all(BODY[q.cue.start:q.cue.end] == q.cue.text for q in body)


def test_a_name_in_the_title_joins_the_entity_of_the_body():
    title = "Maria Lopez closes the pier"
    result = analyze(_article(title=title))
    lopez = next(e for e in result.entities if e.name == "Maria Lopez")
    fields = {m.field for m in lopez.mentions}
    assert fields == {"title", "text"}
    for m in lopez.mentions:
        source = title if m.field == "title" else BODY
        assert source[m.start:m.end] in ("Maria Lopez", "Lopez")


def test_without_title_or_dek_every_span_indexes_the_text():
    result = analyze(_article())
    spans = [s for q in result.quotes for s in (q.speaker, q.cue, *q.content) if s is not None]
    assert spans and all(s.field == "text" for s in spans)
    assert all(c.field == "text" for c in result.claims)


def test_a_cue_is_the_verb_alone():
    result = analyze(
        "The inspector further added that the roof leaked. She has also said the walls were "
        "cracked, further noting that repairs would be costly.", plain=True)
    assert [q.cue.text for q in result.quotes] == ["added", "said", "noting"]
    assert not any(c.text in ("further", "has also") for c in result.claims)


def test_a_dek_that_repeats_the_opening_of_the_body_is_not_reported_twice():
    # a page's description: the body's first paragraphs on one line, other dashes and marks,
    # cut short
    dek = ("Port director Maria Lopez told reporters on Monday that the pier was unsafe. "
           "\"We will not reopen until it...")
    result = analyze(_article(title="Storm batters the coast", dek=dek))
    assert [q.cue.field for q in result.quotes] == ["text", "text"]
