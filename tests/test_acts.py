"""The kind of act each quote reports, and keeping only some acts (API and command line)."""

import json

import pytest
from typer.testing import CliRunner

from claimgraph import analyze
from claimgraph.cli import app
from claimgraph.errors import InputError


def _act(nlp, text, cue):
    doc = nlp(text)
    found = [q for q in doc._.quotes if q.cue is not None and q.cue.text == cue]
    assert len(found) == 1, [(q.cue and q.cue.text) for q in doc._.quotes]
    return found[0].act


@pytest.mark.parametrize("text, cue, act", [
    ("The harbour master said the ferry would sail at noon.", "said", "speech"),
    ("The union told reporters that the strike was over.", "told", "speech"),
    ("The senator tweeted that the vote was rigged.", "tweeted", "speech"),
    ("According to the club's coach, the striker will miss the final.", "According to",
     "speech"),
    ("The farmers believe the new dam will flood their fields.", "believe", "thought"),
    ("Residents fear the clinic will close next spring.", "fear", "thought"),
    ("The chef doubts that the restaurant can reopen soon.", "doubts", "thought"),
    ("She hopes that the museum stays open.", "hopes", "thought"),
    ("The mayor wants the council to approve the budget.", "wants", "intention"),
    ("The airline plans to cut twelve routes.", "plans", "intention"),
    ("The league seeks to overturn the ruling.", "seeks", "intention"),
    ("The coach would prefer to keep the four-game limit.", "prefer", "intention"),
    ("The senator urged the council to reopen the pool.", "urged", "speech"),
    ("A new audit found that the hospital overspent by millions.", "found", "evidence"),
    ("Polling data shows the incumbent is trailing.", "shows", "evidence"),
    ("Security footage suggests the fire started in the kitchen.", "suggests", "evidence"),
    ("Mayor Jane Doe seems to think the bridge has eased the traffic downtown.", "seems",
     "thought"),
    ("She seemed to doubt that the shutdown hurt the smaller shops most.", "seemed", "thought"),
    ("The farmers learned that the dam would flood their fields.", "learned", "thought"),
    ("A common belief says the lake was once a volcano.", "says", "thought"),
    ("The union vowed to fight the closure in court.", "vowed", "intention"),
    ("The coach refused to resign after the loss.", "refused", "intention"),
    ("The bakery declined to reopen after the recall.", "declined", "intention"),
    ("The tenants called for an inquiry into the fire.", "called for", "intention"),
    ("The nurses demanded better pay and safer staffing.", "demanded", "intention"),
    ("The judge ordered the company to pay the fine.", "ordered", "intention"),
    ("“Hands up! Let me see your hands!” an officer ordered.", "ordered", "speech"),  # quoted
    ("The host demanded how the minister could be so sure of the figures.", "demanded",
     "speech"),  # a question asked
    ("The mayor promised that the pool would reopen in June.", "promised", "speech"),
    ("The landlord threatened legal action against the tenants.", "threatened", "intention"),
    ("The council proposed a ban on leaf blowers.", "proposed", "intention"),
    ("The school board declined to renew the contract.", "declined", "intention"),
    ("When asked for comment, the owner said the shop would stay open.", "said", "speech"),
    ("City records from December 2019 show the debt doubled.", "show", "evidence"),
    # research stays evidence when it names who did it
    ("A 2019 study by the Rand Institute concluded that the levy cost families $800 a year.",
     "concluded", "evidence"),
    ("A report from the Financial Times said the talks had stalled.", "said", "speech"),
    ("The data we have been collecting suggests that the fix is working.", "suggests",
     "evidence"),  # the lemma of "data" is "datum"
    # a subject the tagger reads as an adjective
    ("The scan revealed severe inflammation in her lungs.", "revealed", "evidence"),
    ("The suspect said he needed to get dressed.", "said", "speech"),
    ("Those facts suggest that the lake was once a volcano.", "suggest", "evidence"),
    ("Their work suggested that the cells act as sentinels.", "suggested", "evidence"),
    ("Our initial testing suggests the battery lasts an hour longer.", "suggests", "evidence"),
    ("Critics point to a new study, which notes that most firms paid no tax.", "notes",
     "evidence"),  # the relative stands for the study
])
def test_each_quote_gets_the_kind_of_act_its_cue_reports(nlp, text, cue, act):
    assert _act(nlp, text, cue) == act


@pytest.mark.parametrize("text, cue, negated", [
    ("The minister did not say the army would cross the river.", "say", True),
    ("Officials never claimed that the vote was rigged.", "claimed", True),
    ("No official confirmed that the ferry had sunk.", "confirmed", True),
    ("Nobody believes the numbers are right.", "believes", True),
    ("The mayor does not want to close the library.", "want", True),
    ("He didn't tell reporters that he had resigned.", "tell", True),
    ("The minister said the army would cross the river.", "said", False),
    ("She not only said the plan failed but blamed the council.", "said", False),
    ("“Are we ready? Probably not,” the coach said.", "said", False),  # the quotation's "not"
    ("The mayor said the library would not close.", "said", False),  # negated content only
])
def test_a_negated_report_is_marked_so_its_content_is_not_read_as_said(nlp, text, cue, negated):
    doc = nlp(text)
    found = [q for q in doc._.quotes if q.cue is not None and q.cue.text == cue]
    assert len(found) == 1 and found[0].negated is negated


def test_hoping_to_do_something_is_an_intention_but_expecting_it_of_others_a_thought(nlp):
    assert _act(nlp, "The rowers hope to win the regatta next year.", "hope") == "intention"
    assert _act(nlp, "Economists expect prices to rise again.", "expect") == "thought"


ARTICLE = (
    "The harbour master said the ferry would sail at noon. "
    "The fishermen believe the storm will pass by morning. "
    "The port authority wants the ferry company to add a second boat.\n\n"
    "The ferry left at noon."
)


def test_the_api_keeps_only_the_acts_asked_for_with_their_claims():
    everything = analyze(ARTICLE, plain=True)
    assert {q.act for q in everything.quotes} == {"speech", "thought", "intention"}
    speech = analyze(ARTICLE, plain=True, acts={"speech"})
    assert [q.act for q in speech.quotes] == ["speech"]
    kept = {q.id for q in speech.quotes}
    assert all(c.quote is None or c.quote in kept for c in speech.claims)
    assert any("ferry left" in c.text for c in speech.claims)  # the outlet's own claim stays
    assert not any("storm" in c.text for c in speech.claims)
    with pytest.raises(InputError, match="unknown acts"):
        analyze(ARTICLE, plain=True, acts={"gossip"})


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_the_command_line_keeps_only_the_acts_asked_for(tmp_path):
    path = tmp_path / "port.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run("analyze", "--plain", "--acts", "thought,intention", "--format",
                 "json", path)
    assert result.exit_code == 0
    assert sorted(q["act"] for q in json.loads(result.stdout)["quotes"]) == [
        "intention", "thought"]
    bad = run("analyze", "--acts", "gossip", path)
    assert bad.exit_code == 2 and "gossip" in bad.stderr and "speech" in bad.stderr
