"""Entities across articles and, inside one article, the same country under several names."""

import datetime as dt

from claimgraph.link.entities import EntityIndex
from claimgraph.model import Analysis, Entity, Mention

# The seed article's entities as a careful analyst lists them, with the aliases each must have.
SEED_ENTITIES = [
    ("Lloyd Austin", "PERSON", ["Austin"]),
    ("Tae Yong Ho", "PERSON", ["Tae"]),
    ("Kim Jong Un", "PERSON", ["Kim"]),
    ("Kim Yong-kyun", "PERSON", []),
    ("North Korea", "GPE", ["Pyongyang"]),
    ("South Korea", "GPE", ["Republic of Korea"]),
    ("Wall Street Journal", "ORG", []),
    ("South China Morning Post", "ORG", []),
    ("Radio Free Asia", "ORG", []),
    ("Pentagon", "ORG", []),
]


def test_seed_entities_and_their_aliases(seed):
    by_name = {e.name: e for e in seed.entities}
    for name, type_, aliases in SEED_ENTITIES:
        assert name in by_name, f"{name} missing"
        assert by_name[name].type == type_
        assert set(aliases) <= set(by_name[name].aliases), (name, by_name[name].aliases)
    # One entity per country: no stray "Pyongyang" or "Republic of Korea" of its own.
    assert not {"Pyongyang", "Republic of Korea"} & set(by_name)
    assert "Kim" not in by_name["Kim Yong-kyun"].aliases


def _analysis(source, published, *entities):
    records = [Entity(id=f"e{n}", name=name, type=type_, aliases=aliases, roles=roles,
                      mentions=[Mention(start=0, end=1)])
               for n, (name, type_, aliases, roles) in enumerate(entities, start=1)]
    return Analysis(source=source, text="x", published=published, entities=records)


def test_entities_merge_across_articles_without_merging_namesakes():
    index = EntityIndex()
    first = index.add("a1", _analysis(
        "one", dt.date(2030, 5, 1),
        ("Marta Oyelaran", "PERSON", ["Oyelaran"], ["Defence Minister"]),
        ("Ivo Petrak", "PERSON", [], []),
        ("Democratic People's Republic of Korea", "GPE", [], [])))
    second = index.add("a2", _analysis(
        "two", dt.date(2030, 6, 9),
        ("Oyelaran", "PERSON", [], ["Prime Minister"]),
        ("Lena Petrak", "PERSON", [], []),
        ("DPRK", "ORG", [], []),
        ("Pyongyang", "GPE", [], []),
        ("North Koreans", "NORP", [], [])))
    third = index.add("a3", _analysis("three", dt.date(2030, 7, 1), ("Petrak", "PERSON", [], [])))
    entities = {e.id: e for e in index.records()}

    minister = entities[first["e1"]]
    assert second["e1"] == first["e1"]  # the surname alone is the one Oyelaran known
    assert minister.name == "Marta Oyelaran"
    roles = {r.text: (r.first_reported, r.last_reported) for r in minister.roles}
    assert roles == {"Defence Minister": (dt.date(2030, 5, 1), dt.date(2030, 5, 1)),
                     "Prime Minister": (dt.date(2030, 6, 9), dt.date(2030, 6, 9))}

    # Two Petraks: never merged, and "Petrak" alone joins neither.
    assert len({first["e2"], second["e2"], third["e1"]}) == 3

    korea = entities[first["e3"]]
    assert {second["e3"], second["e4"], second["e5"]} == {korea.id}
    assert korea.name == "North Korea"
    assert {"DPRK", "Pyongyang", "North Koreans"} <= set(korea.aliases)
    assert korea.articles == ["a1", "a2"]
