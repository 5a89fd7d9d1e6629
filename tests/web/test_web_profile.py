"""A person's page sums their records in the database: the same names, roles, mentions,
articles and companions as a plain read of every stored analysis gives (SQLite and
PostgreSQL)."""

import datetime as dt
from collections import Counter

from test_store import TEXT, analysis

from claimgraph.web.profile import profile


def read_everything(store, name):
    """The profile's numbers from every stored analysis, read whole."""
    wanted = name.lower()
    found = [(a, e) for a in store.analyses() for e in a.entities
             if wanted in {n.lower() for n in [e.name, *e.aliases]}]
    ids = {(a.source, e.id) for a, e in found}
    roles, days = {}, Counter()
    for a, e in found:
        for role in e.roles:
            roles[role] = min(roles.get(role, a.published), a.published)
        days[a.published] += len(e.mentions) or 1
    names = {e.name for _, e in found}
    alongside = Counter(
        speaker.name for a in store.analyses() if a.source in {s for s, _ in ids}
        for q in a.quotes if q.speaker and q.speaker.entity
        and (a.source, q.speaker.entity) not in ids
        for speaker in a.entities if speaker.id == q.speaker.entity and speaker.name not in names)
    return {"articles": len({s for s, _ in ids}), "roles": sorted(roles.items()),
            "mentions": sorted(days.items()), "alongside": sorted(alongside.items())}


def test_the_profile_sums_in_the_database_what_a_full_read_finds(store):
    store.save(analysis())
    later = analysis(text=TEXT.replace("reporters", "the council"), source="later.txt",
                     published=dt.date(2026, 5, 1))
    brandt, vantor = later.entities
    # In this one she is also a candidate, and the second quote is the Vantor Group's.
    later = later.model_copy(update={
        "entities": [brandt.model_copy(update={"roles": ["mayor", "candidate"]}), vantor],
        "quotes": [later.quotes[0], later.quotes[1].model_copy(update={
            "speaker": later.quotes[1].speaker.model_copy(update={"entity": "e2"})})]})
    store.save(later)
    store.save(analysis(text=TEXT.replace("reporters", "a radio host"), source="radio.txt",
                        published=dt.date(2026, 4, 2)))

    person = profile(store, "Brandt")
    assert (person.name, person.type, person.aliases) == ("Ilse Brandt", "PERSON", ["Brandt"])
    assert person.roles == [("mayor", dt.date(2026, 3, 2)), ("candidate", dt.date(2026, 5, 1))]
    expected = read_everything(store, "Brandt")
    assert person.articles == expected["articles"] == 3
    assert person.mentions == expected["mentions"]
    assert sorted(person.alongside) == expected["alongside"] == [("Vantor Group", 1)]
    assert profile(store, "Nobody Atall").type is None
