"""The quote benchmark's scorer, on tiny inline examples, so its numbers can be trusted."""

import pytest

from quote_scoring import (
    Attribution, Scorer, WordIndex, is_direct, is_speech_cue, trim,
)

TEXT = ('Officials said the plan was dead. "It is over," Mary Smith told reporters. '
        "Polls show gains.")


def at(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


def attribution(speaker=None, cue=None, content=None) -> Attribution:
    """An Attribution from fragments of TEXT."""
    return Attribution(
        speakers=(at(speaker),) if speaker else (),
        cue=at(cue) if cue else None,
        contents=(at(content),) if content else (),
    )


OFFICIALS = attribution("Officials", "said", "the plan was dead")


def score(gold, predicted, text=TEXT):
    scorer = Scorer()
    scorer.add(text, gold, predicted)
    return scorer.report()


def test_trim_drops_surrounding_space_punctuation_and_quotation_marks():
    start, end = at('"It is over," ')
    assert TEXT[slice(*trim(TEXT, start, end))] == "It is over"


def test_trim_keeps_a_punctuation_only_span_and_drops_an_empty_one():
    text = "He said : yes"
    assert trim(text, 7, 10) == (8, 9)
    assert trim(text, 2, 3) is None


def test_exact_match_counts_after_trimming_both_sides():
    gold = [attribution("Mary Smith", "told", '"It is over,"')]
    predicted = [attribution("Mary Smith ", "told", "It is over")]
    report = score(gold, predicted)["all"]
    for role in ("speaker", "cue", "content"):
        assert report[role]["exact"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_partial_overlap_misses_exactly_but_earns_token_shares():
    # gold content "the plan was dead" (4 tokens); predicted "plan was dead." (3, all covered)
    predicted = [attribution("Officials", "said", "plan was dead.")]
    content = score([OFFICIALS], predicted)["all"]["content"]
    assert content["exact"]["f1"] == 0.0
    assert content["lenient"]["precision"] == 1.0
    assert content["lenient"]["recall"] == 0.75


def test_lenient_takes_the_best_overlapping_span_not_the_sum():
    words = WordIndex(TEXT)
    whole = at("Officials said the plan was dead")  # 6 tokens
    pieces = {at("Officials said"), at("the plan was")}
    assert words.best_share(whole, pieces) == 0.5


def test_empty_predictions_give_zero_recall_and_zero_precision_without_error():
    report = score([OFFICIALS], [])["all"]
    assert report["cue"]["exact"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert report["cue"]["gold"] == 1 and report["cue"]["predicted"] == 0
    assert report["content"]["lenient"]["recall"] == 0.0


def test_spurious_prediction_lowers_precision_only():
    predicted = [OFFICIALS, attribution("Polls", "show", "gains")]
    cue = score([OFFICIALS], predicted)["all"]["cue"]["exact"]
    assert cue["recall"] == 1.0 and cue["precision"] == 0.5


def test_a_speaker_shared_by_two_attributions_counts_once():
    gold = [
        attribution("Officials", "said", "the plan"),
        attribution("Officials", "said", "was dead"),
    ]
    speaker = score(gold, gold[:1])["all"]["speaker"]
    assert speaker["gold"] == 1 and speaker["exact"]["recall"] == 1.0


def test_micro_average_pools_documents():
    scorer = Scorer()
    hit = attribution(cue="said")
    scorer.add(TEXT, [hit], [hit])
    scorer.add(TEXT, [hit, attribution(cue="told")], [])
    # 1 hit of 3 gold cues pooled (a per-document mean would give 0.5)
    assert scorer.report()["all"]["cue"]["exact"]["recall"] == pytest.approx(1 / 3, abs=1e-4)


def test_direct_means_a_double_quotation_mark_in_or_right_beside_the_content():
    assert is_direct(TEXT, attribution(content='"It is over,"'))
    assert is_direct(TEXT, attribution(content="It is over"))  # marks trimmed off
    assert not is_direct(TEXT, OFFICIALS)  # the next sentence's opening mark is not beside it
    text = "''We will win,'' Mr. Cole said."  # two apostrophes, as some outlets type quotes
    assert is_direct(text, Attribution(contents=((2, 13),)))


@pytest.mark.parametrize(
    "cue, speech",
    [("said", True), ("told", True), ("show", False), ("Officials", False)],
)
def test_speech_cues_are_verbs_of_saying_not_stances(cue, speech):
    assert is_speech_cue(TEXT, attribution(cue=cue)) is speech


def test_speech_cue_recognizes_inflections_and_according_to():
    text = "according to aides; she denied it; he is insisting; were quoted; wants; called for"

    def speech(word):
        start = text.index(word)
        return is_speech_cue(text, Attribution(cue=(start, start + len(word))))

    assert speech("according to") and speech("denied") and speech("insisting") and speech("quoted")
    assert not speech("wants") and not speech("called for")


def test_subsets_score_only_their_own_attributions():
    direct = attribution("Mary Smith", "told", '"It is over,"')
    report = score([direct, OFFICIALS], [direct])
    assert report["direct"]["cue"]["exact"]["recall"] == 1.0
    assert report["reported"]["cue"]["gold"] == 1
    assert report["reported"]["cue"]["exact"]["recall"] == 0.0
    assert report["all"]["cue"]["exact"]["recall"] == 0.5
