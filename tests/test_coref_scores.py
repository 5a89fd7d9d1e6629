"""The ECB+ benchmark's scores against the worked examples of the metrics' own papers."""

import pytest
from clustering import coref_scores

from claimgraph.link.cluster import Item, Weights, cluster


def _items(gold: list[list[str]]) -> list[Item]:
    return [Item(id=m, doc="d", anchor=m, extra={"gold": str(n)})
            for n, chain in enumerate(gold) for m in chain]


def _score(gold, response):
    items = {i.id: i for i in _items(gold)}
    return coref_scores(list(items.values()), [[items[m] for m in c] for c in response])


def test_muc_of_vilain_et_al():
    # Key {A B C D}, response {A B} {C D}: one link missing of three, none wrong.
    s = _score([["A", "B", "C", "D"]], [["A", "B"], ["C", "D"]])
    assert s["muc"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert s["muc"]["precision"] == 1


def test_b3_and_ceaf_e_of_bagga_baldwin_and_luo():
    gold = [list("12345"), ["6", "7"], ["8", "9", "a", "b", "c"]]
    response = [list("12345"), ["6", "7", "8", "9", "a", "b", "c"]]
    s = _score(gold, response)
    assert s["b3"]["recall"] == 1
    assert s["b3"]["precision"] == pytest.approx(64 / 7 / 12, abs=1e-4)
    # Entity-based CEAF: aligned similarities 1 and 2*5/12 over 3 key and 2 response entities.
    assert s["ceaf_e"]["recall"] == pytest.approx((1 + 10 / 12) / 3, abs=1e-4)
    assert s["ceaf_e"]["precision"] == pytest.approx((1 + 10 / 12) / 2, abs=1e-4)
    assert s["conll_f1"] == pytest.approx(
        (s["muc"]["f1"] + s["b3"]["f1"] + s["ceaf_e"]["f1"]) / 3, abs=1e-4)


def test_engine_groups_same_anchor_and_keeps_stories_apart():
    items = [Item(id="1", doc="d1", anchor="quake", words=frozenset({"city"}), story="s1"),
             Item(id="2", doc="d2", anchor="quake", words=frozenset({"city"}), story="s1"),
             Item(id="3", doc="d3", anchor="quake", words=frozenset({"city"}), story="s2"),
             Item(id="4", doc="d2", anchor="vote", story="s1")]
    groups = {frozenset(i.id for i in c) for c in cluster(items, Weights())}
    assert groups == {frozenset({"1", "2"}), frozenset({"3"}), frozenset({"4"})}
