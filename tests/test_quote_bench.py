"""The quote benchmark's glue: reading PolNeAR-shaped gold, and stating floors met or missed."""

from quote_scoring import Attribution, Scorer
from quotes import gold_attributions, polnear_cue, polnear_speaker, verdicts

TEXT = "“We will win,” Ms. Cole said. Aides expect a recount."
ARTICLE = {
    "text": TEXT,
    "quotes": [
        {"cue": {"start": 25, "end": 29, "text": "said"},
         "sources": [{"start": 15, "end": 24, "text": "Ms. Cole"}],
         "contents": [{"start": 0, "end": 14, "text": "“We will win,”"}]},
        # PolNeAR's Attribution-no-source records have no cue and no spans at all
        {"cue": None, "sources": [], "contents": []},
    ],
}


def test_gold_attributions_keep_every_span_and_tolerate_records_without_a_cue():
    gold = gold_attributions(ARTICLE)
    assert gold[0] == Attribution(speakers=((15, 24),), cue=(25, 29), contents=((0, 14),))
    assert gold[1] == Attribution()


def test_verdicts_name_each_missed_floor_and_the_speed_budget():
    scorer = Scorer()
    gold = gold_attributions(ARTICLE)
    we_will = Attribution(speakers=((15, 24),), cue=(25, 29), contents=((1, 8),))
    scorer.add(TEXT, gold, [we_will])
    lines = verdicts(scorer.report(), {"quote_components_ratio": 1.30})
    missed = [line for line in lines if "MISSES" in line]
    assert any(line.startswith("speaker exact F1 1.000 (meets") for line in lines)
    assert [line.split(" F1")[0] for line in missed if "F1" in line] == ["content exact"]
    assert any("1.300x" in line for line in missed)


def test_the_cue_is_widened_to_polnears_convention_but_never_into_the_speaker():
    text = "The mayor has also sharply criticized it. The family said no. He’s claiming it."
    at = text.index("criticized")
    assert text[slice(*polnear_cue(text, at, at + 10))] == "has also sharply criticized"
    said = text.index("said")
    family = (text.index("The family"), said - 1)
    assert polnear_cue(text, said, said + 4, family) == (said, said + 4)
    claiming = text.index("claiming")
    assert text[slice(*polnear_cue(text, claiming, claiming + 8))] == "’s claiming"


def test_a_speaker_before_a_relative_pronoun_is_scored_as_the_pronoun_as_polnear_marks_it():
    text = "Residents, who said the water smelled, left. Residents said it smelled."
    who = text.index("who")
    assert polnear_speaker(text, 0, 9, text.index("said")) == (who, who + 3)
    second = text.index("Residents said")
    assert polnear_speaker(text, second, second + 9, text.index("said", second)) == \
        (second, second + 9)
