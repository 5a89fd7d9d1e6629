"""The cue learner counts annotated cue heads and phrases, and their precision, from a parse."""

import pytest
import spacy

from learn_cues import learn

from claimgraph.settings import get_settings

TEXTS = [
    "Jones said the vote was rigged. According to aides, he has said it twice. "
    "Smith said nothing. His claim that taxes rose was false.",
    "The mayor said taxes would rise, according to the memo. Lee has also said: "
    "the debate was about taxes.",
]


def cue(text: str, phrase: str) -> dict:
    start = text.index(phrase)
    return {"cue": {"start": start, "end": start + len(phrase), "text": phrase}}


@pytest.fixture(scope="module")
def corpus():
    nlp = spacy.load(get_settings().spacy_model, exclude=["ner"])
    docs = list(nlp.pipe(TEXTS))
    first, second = TEXTS
    articles = [
        {"text": first, "quotes": [
            cue(first, "said"), cue(first, "According to"), cue(first, "has said"),
            cue(first, "claim"),
        ]},
        {"text": second, "quotes": [
            cue(second, "said"), cue(second, "according to"), cue(second, "has also said:"),
            cue(second, ":"),  # a cue without a word is skipped
            {"cue": None},  # PolNeAR's attributions without a source have no cue
        ]},
    ]
    return articles, docs


def test_verb_heads_are_counted_with_precision_over_all_their_occurrences(corpus):
    # "say" heads 4 annotated cues; 5 tokens have its lemma ("Smith said nothing" is no cue)
    assert learn(*corpus, min_count=2)["verbs"]["say"] == {"count": 4, "precision": 0.8}


def test_multiword_cues_become_phrases_without_auxiliaries_or_adverbs(corpus):
    phrases = learn(*corpus, min_count=2)["phrases"]
    assert phrases["accord to"] == {"count": 2, "precision": 1.0}
    assert not any(key.startswith(("have", "also")) for key in phrases)


def test_cues_seen_fewer_than_min_count_times_are_dropped(corpus):
    assert learn(*corpus, min_count=1)["nouns"]["claim"] == {"count": 1, "precision": 1.0}
    lexicon = learn(*corpus, min_count=2)
    assert "claim" not in lexicon["nouns"]
    assert lexicon["source"] == "PolNeAR train, 2 articles, learned by scripts/learn_cues.py"
