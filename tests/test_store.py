"""The store keeps analyses as they were made, once each, with revisions, and answers queries;
every test runs on SQLite and on PostgreSQL."""

import datetime as dt

from claimgraph.model import (
    Analysis, Claim, Cue, Entity, Mention, Post, Quantity, Quote, Span, Speaker, TimeExpression,
)
from claimgraph.store import open_store

TEXT = ("Mayor Ilse Brandt said the harbour tunnel would reopen in March. "
        "\"We expect about 40,000 cars a day,\" Brandt told reporters, but engineers "
        "from the Vantor Group denied that the repairs were finished.")


def span(text, piece, after=0):
    start = text.index(piece, after)
    return {"start": start, "end": start + len(piece), "text": piece}


def analysis(text=TEXT, source="harbour.txt", url=None, outlet="Harbour Post",
             published=dt.date(2026, 3, 2)) -> Analysis:
    """A hand-made analysis of ``text`` (no spaCy): two entities, two quotes, claims, numbers."""
    brandt = Entity(id="e1", name="Ilse Brandt", type="PERSON", aliases=["Brandt"],
                    roles=["mayor"], mentions=[Mention(start=6, end=17)])
    vantor = Entity(id="e2", name="Vantor Group", type="ORG",
                    mentions=[Mention(**{k: v for k, v in span(text, "Vantor Group").items()
                                         if k != "text"})])
    first = Quote(id="q1", kind="indirect", speaker=Speaker(**span(text, "Ilse Brandt"),
                                                            entity="e1"),
                  cue=Span(**span(text, "said")),
                  content=[Span(**span(text, "the harbour tunnel would reopen in March"))],
                  negated=True)
    second = Quote(id="q2", kind="direct",
                   speaker=Speaker(**span(text, "Brandt", 20), entity="e1"),
                   cue=Span(**span(text, "told")),
                   content=[Span(**span(text, "We expect about 40,000 cars a day,"))],
                   nested_in="q1", act="intention")
    claims = [
        Claim(id="c1", **span(text, "the harbour tunnel would reopen in March"),
              status="attributed", source="e1", quote="q1", check_worthy=True),
        Claim(id="c2", **span(text, "the repairs were finished"), status="denied",
              source="e2", cues=[Cue(**span(text, "denied"), type="deny")]),
        Claim(id="c3", start=0, end=6, text="Tunnel", field="title", status="asserted"),
    ]
    return Analysis(
        source=source, url=url, title="Tunnel to reopen", outlet=outlet, published=published,
        text=text, boilerplate=["Subscribe now"],
        posts=[Post(platform="x", handle="harbourpost", text="Tunnel news", links=["https://t.co/1"])],
        retrieved=dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC),
        entities=[brandt, vantor], quotes=[first, second], claims=claims,
        quantities=[Quantity(**span(text, "about 40,000"), value=40000, approximate=True,
                             claim="c1")],
        times=[TimeExpression(**span(text, "in March"), start_date=dt.date(2026, 3, 1),
                              end_date=dt.date(2026, 3, 31), granularity="month", resolved=True)],
        hedges=[Cue(**span(text, "expect"), type="doxastic")],
    )


def bare(text, source, outlet="Coast Daily", published=dt.date(2026, 3, 2)) -> Analysis:
    """An analysis of ``text`` in which nothing was found."""
    return Analysis(source=source, text=text, outlet=outlet, published=published)


def test_an_analysis_reads_back_as_it_was_saved_with_store_ids(store):
    store.save(analysis(text=TEXT.replace("Mayor", "Deputy mayor"), source="first.txt"))
    original = analysis()
    saved = store.save(original)
    assert saved.outcome == "stored" and saved.revision == 1
    back = store.analysis(saved.id)
    # Every reference between records still points at the same record under the new ids.
    ids = {old: new for old, new in zip(
        [r.id for r in original.entities + original.quotes + original.claims],
        [r.id for r in back.entities + back.quotes + back.claims])}
    assert all(new.startswith(old[0]) and new != old for old, new in ids.items())

    def renamed(record):
        for field in ("id", "entity", "source", "quote", "nested_in", "claim"):
            if isinstance(record, dict):
                if record.get(field) in ids:
                    record[field] = ids[record[field]]
                for value in record.values():
                    renamed(value)
            elif isinstance(record, list):
                for value in record:
                    renamed(value)
        return record

    assert back.model_dump() == renamed(original.model_dump())


def test_analyses_a_store_just_saved_are_handed_on_exactly_as_they_read_back(store, seed):
    # The link after an ingest takes what this Store saved from memory, not from the database.
    ids = [store.save(a).id for a in (analysis(), seed, bare("Nothing here.", "bare.txt"))]
    with open_store(store.url.render_as_string(hide_password=False)) as other:
        read = list(other.analyses(ids))
    assert [a.source for a in read] == ["harbour.txt", seed.source, "bare.txt"]
    assert list(store.analyses(ids)) == read
    assert list(store.analyses(ids[1:])) == read[1:]


def test_the_same_article_saved_twice_is_stored_once(store):
    first = store.save(analysis())
    again = store.save(analysis(source="copy/of/harbour.txt"))
    assert again.outcome == "unchanged" and again.id == first.id
    assert store.counts()["articles"] == 1 and store.counts()["quotes"] == 2


def test_a_run_redone_after_a_crash_tells_its_own_saves_as_stored_not_as_stored_before(store):
    # A Dask worker killed after saving part of its batch: the redo saves those articles again.
    before_run = dt.datetime.now(dt.UTC)
    first = store.save(analysis(), since=before_run)
    redone = store.save(analysis(), since=before_run)
    later_run = store.save(analysis(), since=dt.datetime.now(dt.UTC))
    assert (first.outcome, redone.outcome, later_run.outcome) == ("stored", "stored", "unchanged")
    assert redone.id == first.id and store.counts()["articles"] == 1


def test_new_text_at_the_same_url_is_a_new_revision_and_the_old_one_is_kept(store):
    url = "https://Harbour.example/news/tunnel#top"
    old = store.save(analysis(url=url))
    changed = TEXT.replace("reporters", "journalists")
    new = store.save(analysis(text=changed, url="https://harbour.example/news/tunnel"))
    assert (new.outcome, new.revision, new.key) == ("revised", 2, old.key)
    assert [r.revision for r in store.revisions(old.key)] == [1, 2]
    assert "reporters" in store.analysis(old.id).text
    # Queries see the latest revision only.
    assert [a.id for a in store.articles()] == [new.id]
    assert store.search("journalists").articles and not store.search("reporters").articles


def test_copies_are_found_in_the_store_and_recorded_as_duplicates(store):
    store.save(analysis())
    copy = analysis(text="By the wire desk. " + TEXT, source="wire.txt")
    assert store.seen(copy) == "harbour.txt"
    saved = store.save(copy.model_copy(update={"duplicate_of": "harbour.txt"}))
    assert store.analysis(saved.id).duplicate_of == "harbour.txt"
    assert store.counts()["duplicates"] == 1
    other = bare(text="The council will vote on the new library budget next week, "
                          "officials from the culture department said on Monday.",
                     source="library.txt")
    assert store.seen(other) is None


def test_a_copy_pending_in_the_same_run_is_found_before_it_is_stored(store):
    assert store.seen(analysis()) is None
    assert store.seen(analysis(text=TEXT + " More later.", source="b.txt")) == "harbour.txt"


def test_who_finds_an_entity_by_name_or_alias_across_articles(store):
    store.save(analysis())
    store.save(analysis(text=TEXT.replace("reporters", "the council"), source="later.txt",
                        published=dt.date(2026, 5, 1)))
    statements = store.who("brandt")
    assert {s.speaker for s in statements} == {"Ilse Brandt"}
    assert [s.article.published for s in statements] == [dt.date(2026, 5, 1)] * 2 + [
        dt.date(2026, 3, 2)] * 2
    assert statements[0].role == "mayor" and statements[0].quote.cue.text in ("said", "told")
    assert any(c.status == "attributed" for s in statements for c in s.claims)
    denial = store.who("Vantor")
    assert [c.status for s in denial for c in s.claims] == ["denied", "denied"]
    assert store.who("Nobody Atall") == []


def test_statements_come_a_page_at_a_time_all_of_them_once_with_their_total(store):
    # Seven articles: Brandt's two quotes in each, and a claim of hers outside them; two
    # articles on the same day, one undated (listed last).
    days = [dt.date(2026, 3, d) for d in (5, 1, 9, 9, 2, 7)] + [None]
    saved = []
    for n, day in enumerate(days):
        made = analysis(text=TEXT.replace("reporters", f"{n} reporters"), source=f"{n}.txt",
                        published=day)
        own = Claim(id="c4", **span(made.text, "40,000 cars a day"), status="hedged",
                    source="e1")
        saved.append(store.save(made.model_copy(update={"claims": made.claims + [own]})).id)
    newest_first = sorted(range(len(days)), key=lambda n: (days[n] is None, days[n] and
                                                           -days[n].toordinal(), -saved[n]))
    everything = store.who("Ilse Brandt")
    assert [s.article.id for s in everything] == [saved[n] for n in newest_first for _ in "qql"]
    assert [(s.quote.act if s.quote else None) for s in everything[:3]] == [
        "speech", "intention", None]
    assert [[c.status for c in s.claims] for s in everything[:3]] == [
        ["attributed"], [], ["hedged"]]

    pages = [store.statements("brandt", offset=offset, limit=4) for offset in range(0, 24, 4)]
    assert {page.total for page in pages} == {21}
    assert [s for page in pages for s in page.items] == everything
    assert store.statements("brandt", limit=0) == store.statements("brandt", offset=21)
    assert store.statements("brandt", limit=0).model_dump() == {"total": 21, "items": []}

    hedged = store.statements("brandt", status="hedged", limit=5)
    assert hedged.total == 7 and [s.article.id for s in hedged.items] == [
        saved[n] for n in newest_first[:5]]
    intentions = store.statements("brandt", act="intention")
    assert intentions.total == 7 and {s.quote.act for s in intentions.items} == {"intention"}
    quotes = store.statements("brandt", outside_quotes=False, offset=10, limit=10)
    assert quotes.total == 14 and len(quotes.items) == 4
    assert all(s.quote is not None for s in quotes.items)
    assert store.statements("Nobody Atall").model_dump() == {"total": 0, "items": []}


def test_search_ranks_articles_and_quotes_and_marks_the_words(store):
    store.save(analysis())
    store.save(bare("Fishermen said the harbour was calm all week.", "calm.txt"))
    results = store.search("cars")
    assert [h.article.source for h in results.quotes] == ["harbour.txt"]
    assert "«cars»" in results.quotes[0].snippet and results.quotes[0].speaker == "Ilse Brandt"
    assert {h.article.source for h in store.search("harbour").articles} == {
        "harbour.txt", "calm.txt"}
    assert store.search("\"harbour was calm\"").articles[0].article.source == "calm.txt"
    # Any form of a word finds the others.
    assert [h.article.source for h in store.search("reopening").articles] == ["harbour.txt"]


def test_claims_and_articles_filter_by_entity_status_date_and_outlet(store):
    store.save(analysis())
    store.save(bare("Fishermen said the harbour was calm all week.", "calm.txt",
                    published=dt.date(2026, 6, 1)))
    assert [h.claim.status for h in store.claims(status="denied")] == ["denied"]
    assert [h.source for h in store.claims(entity="Ilse Brandt")] == ["Ilse Brandt"]
    assert store.claims(since=dt.date(2026, 4, 1)) != store.claims()
    assert [a.source for a in store.articles(outlet="coast")] == ["calm.txt"]
    assert [a.source for a in store.articles(since=dt.date(2026, 5, 1))] == ["calm.txt"]
    stats = store.stats()
    assert (stats.articles, stats.outlets, stats.claims_by_status) == (
        2, 2, {"asserted": 1, "attributed": 1, "denied": 1})


def test_articles_and_claims_are_paged_in_the_store_each_once(store):
    for n, day in enumerate([3, 1, 4, 1, 5]):
        store.save(analysis(text=TEXT.replace("reporters", f"{n} reporters"), source=f"{n}.txt",
                            published=dt.date(2026, 3, day)))
    articles = store.articles()
    assert [a for offset in (0, 2, 4) for a in store.articles(offset=offset, limit=2)] == articles
    assert len(articles) == 5 and store.articles(offset=5) == []
    claims = store.claims()
    assert [c for offset in range(0, 15, 4) for c in store.claims(offset=offset, limit=4)] == claims
    assert len({c.claim.id for c in claims}) == 15
    assert store.claims(status="denied", offset=3) == store.claims(status="denied")[3:]


def test_stats_follow_every_article_stored(store):
    store.save(analysis())
    before = store.stats()
    assert (before.articles, before.claims, before.top_speakers) == (1, 3, [("Ilse Brandt", 2)])
    store.save(analysis(source="again.txt", url="https://harbour.example/again"))
    assert (store.stats().articles, store.stats().claims) == (2, 6)
    assert store.stats().top_speakers == [("Ilse Brandt", 4)]
    store.save(analysis(text=TEXT + " More later.", source="again.txt",
                        url="https://harbour.example/again"))  # a revision
    assert (store.stats().articles, store.stats().revisions) == (2, 3)
    assert store.stats().top_speakers == [("Ilse Brandt", 4)]


def test_the_store_reads_and_writes_records_only_never_spacy_or_the_analysis():
    import ast
    from pathlib import Path

    import claimgraph.store

    folder = Path(claimgraph.store.__file__).parent
    imported = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    assert "claimgraph.store.tables" in imported  # the walk sees the store's own imports
    assert not {m for m in imported if m.split(".")[0] == "spacy"
                or m.startswith(("claimgraph.analyze", "claimgraph.api"))}
