"""Questions over everything stored: search, who said what, claims, articles, stats. Each
function takes an open Session and reads the latest revision of each article only."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import (
    String, bindparam, cast, func, literal, or_, select, text, union_all,
)
from sqlalchemy.orm import Session

from claimgraph.errors import InputError
from claimgraph.store.convert import to_claim, to_quote
from claimgraph.store.results import (
    ArticleHit, ArticleRef, ArticleSummary, ClaimHit, QuoteHit, SearchResults, Statement,
    Statements, Stats,
)
from claimgraph.store.tables import ArticleRow, ClaimRow, EntityNameRow, EntityRow, QuoteRow

_TERM = re.compile(r'"([^"]*)"|(\w+)')
_MARK = ("«", "»")
_REF_COLUMNS = (ArticleRow.id, ArticleRow.key, ArticleRow.revision, ArticleRow.source,
                ArticleRow.title, ArticleRow.outlet, ArticleRow.url, ArticleRow.published,
                ArticleRow.duplicate_of)


def _ref(row) -> ArticleRef:
    return ArticleRef(**{column.key: getattr(row, column.key) for column in _REF_COLUMNS})


def _refs(session: Session, ids) -> dict[int, ArticleRef]:
    rows = session.execute(select(*_REF_COLUMNS).where(ArticleRow.id.in_(set(ids)))).all()
    return {row.id: _ref(row) for row in rows}


def _newest_first(statement):
    return statement.order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id.desc())


# Search.

def search(session: Session, query: str, limit: int = 10) -> SearchResults:
    """Articles (title and text) and quotes (words and speaker) matching ``query``, ranked.
    Words must all appear (in any form of the word); "double quotes" match a phrase."""
    terms = [(phrase, word) for phrase, word in _TERM.findall(query) if phrase.strip() or word]
    if not terms:
        raise InputError("nothing to search for: give one or more words", query)
    if session.get_bind().dialect.name == "postgresql":
        articles, quotes = _search_postgresql(session, query, limit)
    else:
        match = " ".join('"' + " ".join(re.findall(r"\w+", phrase or word)) + '"'
                         for phrase, word in terms)
        articles, quotes = _search_sqlite(session, match, limit)
    refs = _refs(session, [row.id for row in articles]
                 + [row.article_id for row in quotes])
    quote_rows = {q.id: q for q in session.scalars(
        select(QuoteRow).where(QuoteRow.id.in_([row.id for row in quotes])))}
    speakers = _entity_names(session, [q.speaker_entity_id for q in quote_rows.values()])
    return SearchResults(
        query=query,
        articles=[ArticleHit(article=refs[row.id], snippet=_clean(row.snippet),
                             score=round(float(row.score), 4)) for row in articles],
        quotes=[QuoteHit(article=refs[row.article_id], quote=to_quote(quote_rows[row.id]),
                         speaker=speakers.get(quote_rows[row.id].speaker_entity_id)
                         or quote_rows[row.id].speaker_text,
                         snippet=_clean(row.snippet), score=round(float(row.score), 4))
                for row in quotes])


def _clean(snippet: str | None) -> str:
    return " ".join((snippet or "").split())


def _search_sqlite(session: Session, match: str, limit: int):
    articles = session.execute(text(
        "SELECT a.id, -bm25(articles_fts, 4.0, 1.0) AS score, "
        "snippet(articles_fts, 1, :open, :close, '…', 20) AS snippet "
        "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        "WHERE articles_fts MATCH :match AND a.latest ORDER BY score DESC LIMIT :limit"),
        {"match": match, "limit": limit, "open": _MARK[0], "close": _MARK[1]}).all()
    quotes = session.execute(text(
        "SELECT q.id, q.article_id, -bm25(quotes_fts, 1.0, 2.0) AS score, "
        "snippet(quotes_fts, 0, :open, :close, '…', 24) AS snippet "
        "FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
        "JOIN articles a ON a.id = q.article_id "
        "WHERE quotes_fts MATCH :match AND a.latest ORDER BY score DESC LIMIT :limit"),
        {"match": match, "limit": limit, "open": _MARK[0], "close": _MARK[1]}).all()
    return articles, quotes


_HEADLINE = f"StartSel={_MARK[0]}, StopSel={_MARK[1]}, MaxWords=30, MinWords=12, MaxFragments=1"


def _search_postgresql(session: Session, query: str, limit: int):
    params = {"query": query, "limit": limit, "options": _HEADLINE}
    articles = session.execute(text(
        "WITH q AS (SELECT websearch_to_tsquery('english', :query) AS q), "
        "hits AS (SELECT a.id, ts_rank_cd(a.search, q.q) AS score FROM articles a, q "
        "         WHERE a.search @@ q.q AND a.latest ORDER BY score DESC LIMIT :limit) "
        "SELECT hits.id, hits.score, ts_headline('english', a.text, q.q, :options) AS snippet "
        "FROM hits JOIN articles a ON a.id = hits.id, q ORDER BY hits.score DESC"),
        params).all()
    quotes = session.execute(text(
        "WITH q AS (SELECT websearch_to_tsquery('english', :query) AS q) "
        "SELECT qt.id, qt.article_id, ts_rank_cd(qt.search, q.q) AS score, "
        "ts_headline('english', qt.content_text, q.q, :options) AS snippet "
        "FROM quotes qt JOIN articles a ON a.id = qt.article_id, q "
        "WHERE qt.search @@ q.q AND a.latest ORDER BY score DESC LIMIT :limit"),
        params).all()
    return articles, quotes


# People and organizations.

def entity_ids(session: Session, name: str):
    """A subquery of the ids of entities (in latest articles) called ``name`` or with it as
    an alias, ignoring case; when none is, those whose names contain it."""
    wanted = " ".join(name.lower().split())
    if not wanted:
        raise InputError("give a name", name)
    exact = select(EntityNameRow.entity_id).where(EntityNameRow.name == wanted)
    if session.scalar(exact.limit(1)) is None:
        pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        exact = select(EntityNameRow.entity_id).where(
            EntityNameRow.name.like(pattern, escape="\\"))
    return (select(EntityRow.id).join(ArticleRow, ArticleRow.id == EntityRow.article_id)
            .where(ArticleRow.latest, EntityRow.id.in_(exact)))


def find_entities(session: Session, name: str) -> list[int]:
    """The ids of ``entity_ids``, read at once. Queries then look the ids up in each table's
    own index (``among``); given the subquery instead, planners misjudge how many rows it
    yields and scan whole tables."""
    return list(session.scalars(entity_ids(session, name)))


def among(column, ids: list[int]):
    """``column IN (ids)`` with the ids written into the SQL (integers only): a person named
    in tens of thousands of articles stays under the databases' limits on bound values."""
    return column.in_(bindparam("ids", [int(i) for i in ids], expanding=True,
                                literal_execute=True, unique=True))


def _entity_names(session: Session, ids) -> dict[int, str]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return dict(session.execute(select(EntityRow.id, EntityRow.name)
                                .where(EntityRow.id.in_(ids))).all())


def statements(session: Session, name: str, *, act: str | None = None,
               status: str | None = None, outside_quotes: bool = True, offset: int = 0,
               limit: int | None = None, ids: list[int] | None = None) -> Statements:
    """One page of everything the entity called ``name`` said across the store, and how many
    statements there are in all. Newest articles first; within an article its quotes (each
    with the claims in it) in order, then the claims attributed to it outside its quotes.
    ``act`` keeps quotes reporting that act (claims outside quotes have none); ``status``
    keeps quotes holding a claim of that status and claims of it; ``outside_quotes=False``
    keeps quotes only. ``ids`` (e.g. every stored entity linked to one canonical entity)
    replaces the name lookup. Paged and counted in the database: a speaker with thousands of
    quotes costs little more than one page's worth."""
    speakers = find_entities(session, name) if ids is None else list(ids)
    quoted = select(QuoteRow.id).where(among(QuoteRow.speaker_entity_id, speakers))
    quotes = select(literal(0).label("loose"), QuoteRow.id, QuoteRow.article_id,
                    QuoteRow.position).where(among(QuoteRow.speaker_entity_id, speakers))
    if act:
        quotes = quotes.where(QuoteRow.act == act)
    if status:
        quotes = quotes.where(select(ClaimRow.id).where(
            ClaimRow.quote_id == QuoteRow.id, ClaimRow.status == status).exists())
    parts = [quotes]
    if outside_quotes and not act:
        loose = select(literal(1).label("loose"), ClaimRow.id, ClaimRow.article_id,
                       ClaimRow.position).where(
            among(ClaimRow.source_entity_id, speakers),
            or_(ClaimRow.quote_id.is_(None), ClaimRow.quote_id.not_in(quoted)))
        if status:
            loose = loose.where(ClaimRow.status == status)
        parts.append(loose)
    found = union_all(*parts).subquery()
    count = select(func.count()).select_from(found)
    if limit == 0:
        return Statements(total=session.scalar(count))
    # The total rides along with the page (one pass over the matches), unless the page is
    # past the end.
    page = session.execute(_newest_first(
        select(found.c.loose, found.c.id, found.c.article_id, func.count().over().label("total"))
        .join(ArticleRow, ArticleRow.id == found.c.article_id)
    ).order_by(found.c.loose, found.c.position).offset(offset).limit(limit)).all()
    if not page:
        return Statements(total=session.scalar(count) if offset else 0)
    total = page[0].total
    quote_ids = [row.id for row in page if not row.loose]
    quote_rows = {q.id: q for q in session.scalars(
        select(QuoteRow).where(QuoteRow.id.in_(quote_ids)))}
    claim_rows = {c.id: c for c in session.scalars(select(ClaimRow).where(
        ClaimRow.id.in_([row.id for row in page if row.loose])))}
    in_quote: dict[int, list] = {}
    for claim in session.scalars(select(ClaimRow).where(ClaimRow.quote_id.in_(quote_ids))
                                 .order_by(ClaimRow.position)):
        in_quote.setdefault(claim.quote_id, []).append(to_claim(claim))
    entities = {e.id: e for e in session.scalars(select(EntityRow).where(EntityRow.id.in_(
        {q.speaker_entity_id for q in quote_rows.values()}
        | {c.source_entity_id for c in claim_rows.values()})))}
    refs = _refs(session, [row.article_id for row in page])

    def statement(article_id: int, entity_id: int, **records) -> Statement:
        entity = entities[entity_id]
        return Statement(article=refs[article_id], speaker=entity.name, speaker_type=entity.type,
                         role=entity.roles[0] if entity.roles else None, **records)

    items = []
    for row in page:
        if row.loose:
            claim = claim_rows[row.id]
            items.append(statement(row.article_id, claim.source_entity_id,
                                   claims=[to_claim(claim)]))
        else:
            quote = quote_rows[row.id]
            items.append(statement(row.article_id, quote.speaker_entity_id,
                                   quote=to_quote(quote), claims=in_quote.get(row.id, [])))
    return Statements(total=total, items=items)


# Claims and articles.

def claims(session: Session, entity: str | None = None, status: str | None = None,
           since: dt.date | None = None, limit: int | None = None,
           offset: int = 0) -> list[ClaimHit]:
    """Claims in the store, newest articles first, filtered by who makes them, their status
    and the article's publication date."""
    statement = select(ClaimRow).join(ArticleRow, ArticleRow.id == ClaimRow.article_id).where(
        ArticleRow.latest)
    if entity:
        statement = statement.where(among(ClaimRow.source_entity_id, find_entities(session, entity)))
    if status:
        statement = statement.where(ClaimRow.status == status)
    if since:
        statement = statement.where(ArticleRow.published >= since)
    rows = session.scalars(_newest_first(statement).order_by(ClaimRow.position)
                           .offset(offset).limit(limit)).all()
    refs = _refs(session, [row.article_id for row in rows])
    names = _entity_names(session, [row.source_entity_id for row in rows])
    return [ClaimHit(article=refs[row.article_id], claim=to_claim(row),
                     source=names.get(row.source_entity_id)) for row in rows]


def articles(session: Session, outlet: str | None = None, since: dt.date | None = None,
             limit: int | None = None, offset: int = 0) -> list[ArticleSummary]:
    """Stored articles (latest revisions), newest first, with how many records each holds."""
    def count(table):
        return (select(func.count()).where(table.article_id == ArticleRow.id)
                .correlate(ArticleRow).scalar_subquery())

    statement = select(*_REF_COLUMNS, count(EntityRow).label("entities"),
                       count(QuoteRow).label("quotes"),
                       count(ClaimRow).label("claims")).where(ArticleRow.latest)
    if outlet:
        statement = statement.where(func.lower(ArticleRow.outlet).contains(outlet.lower(),
                                                                           autoescape=True))
    if since:
        statement = statement.where(ArticleRow.published >= since)
    rows = session.execute(_newest_first(statement).offset(offset).limit(limit)).all()
    return [ArticleSummary(**_ref(row).model_dump(), entities=row.entities, quotes=row.quotes,
                           claims=row.claims) for row in rows]


def stats(session: Session, counts: dict[str, int], top: int = 10) -> Stats:
    latest = ArticleRow.latest
    first, last, outlets = session.execute(
        select(func.min(ArticleRow.published), func.max(ArticleRow.published),
               func.count(ArticleRow.outlet.distinct())).where(latest)).one()
    by_status = dict(session.execute(
        select(ClaimRow.status, func.count()).join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .where(latest).group_by(ClaimRow.status).order_by(ClaimRow.status)).all())
    speakers = session.execute(
        select(EntityRow.name, func.count()).join(QuoteRow, QuoteRow.speaker_entity_id == EntityRow.id)
        .join(ArticleRow, ArticleRow.id == QuoteRow.article_id).where(latest)
        .group_by(EntityRow.name).order_by(func.count().desc(), EntityRow.name).limit(top)).all()
    top_outlets = session.execute(
        select(cast(ArticleRow.outlet, String), func.count()).where(
            latest, ArticleRow.outlet.is_not(None))
        .group_by(ArticleRow.outlet).order_by(func.count().desc(), ArticleRow.outlet)
        .limit(top)).all()
    return Stats(**{k: v for k, v in counts.items() if k in Stats.model_fields},
                 outlets=outlets, first_published=first, last_published=last,
                 claims_by_status=by_status, top_speakers=[tuple(r) for r in speakers],
                 top_outlets=[tuple(r) for r in top_outlets])
