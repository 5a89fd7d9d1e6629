"""Questions over everything stored: search, who said what, claims, articles, stats. Each
function takes an open Session and reads the latest revision of each article only."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import String, cast, func, or_, select, text
from sqlalchemy.orm import Session

from claimgraph.errors import InputError
from claimgraph.store.convert import to_claim, to_quote
from claimgraph.store.results import (
    ArticleHit, ArticleRef, ArticleSummary, ClaimHit, QuoteHit, SearchResults, Statement, Stats,
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


def _entity_names(session: Session, ids) -> dict[int, str]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return dict(session.execute(select(EntityRow.id, EntityRow.name)
                                .where(EntityRow.id.in_(ids))).all())


def who(session: Session, name: str, limit: int | None = None,
        ids: list[int] | None = None) -> list[Statement]:
    """Everything the entity called ``name`` said across the store, newest articles first:
    its quotes with the claims in them, then claims attributed to it outside its quotes.
    ``ids`` (e.g. every stored entity linked to one canonical entity) replaces the name lookup."""
    # A list of ids, not a subquery: each table is then read through its own index.
    ids = list(session.scalars(entity_ids(session, name))) if ids is None else list(ids)
    quotes = session.scalars(_newest_first(
        select(QuoteRow).join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
        .where(QuoteRow.speaker_entity_id.in_(ids))
    ).order_by(QuoteRow.position).limit(limit)).all()
    # Claims attributed to it outside its own quotes, newest first, as many as may be shown.
    own_quotes = select(QuoteRow.id).where(QuoteRow.speaker_entity_id.in_(ids))
    loose = session.scalars(_newest_first(
        select(ClaimRow).join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .where(ClaimRow.source_entity_id.in_(ids),
               or_(ClaimRow.quote_id.is_(None), ClaimRow.quote_id.not_in(own_quotes)))
    ).order_by(ClaimRow.position).limit(limit)).all()
    claims = session.scalars(select(ClaimRow).where(
        ClaimRow.quote_id.in_([q.id for q in quotes])).order_by(ClaimRow.position)).all()
    quoted = {q.id for q in quotes}
    entities = {e.id: e for e in session.scalars(select(EntityRow).where(EntityRow.id.in_(
        {q.speaker_entity_id for q in quotes} | {c.source_entity_id for c in loose})))}
    refs = _refs(session, [q.article_id for q in quotes] + [c.article_id for c in loose])
    in_quote: dict[int, list] = {}
    for claim in claims:
        if claim.quote_id in quoted:
            in_quote.setdefault(claim.quote_id, []).append(to_claim(claim))

    def statement(article_id: int, entity_id: int, **records) -> Statement:
        entity = entities[entity_id]
        return Statement(article=refs[article_id], speaker=entity.name, speaker_type=entity.type,
                         role=entity.roles[0] if entity.roles else None, **records)

    statements = [statement(q.article_id, q.speaker_entity_id, quote=to_quote(q),
                            claims=in_quote.get(q.id, [])) for q in quotes]
    statements += [statement(c.article_id, c.source_entity_id, claims=[to_claim(c)])
                   for c in loose]
    statements.sort(key=lambda s: (-(s.article.published or dt.date.min).toordinal(),
                                   -s.article.id, s.quote is None))
    return statements[:limit] if limit else statements


# Claims and articles.

def claims(session: Session, entity: str | None = None, status: str | None = None,
           since: dt.date | None = None, limit: int | None = None) -> list[ClaimHit]:
    """Claims in the store, newest articles first, filtered by who makes them, their status
    and the article's publication date."""
    statement = select(ClaimRow).join(ArticleRow, ArticleRow.id == ClaimRow.article_id).where(
        ArticleRow.latest)
    if entity:
        statement = statement.where(ClaimRow.source_entity_id.in_(entity_ids(session, entity)))
    if status:
        statement = statement.where(ClaimRow.status == status)
    if since:
        statement = statement.where(ArticleRow.published >= since)
    rows = session.scalars(_newest_first(statement).order_by(ClaimRow.position)
                           .limit(limit)).all()
    refs = _refs(session, [row.article_id for row in rows])
    names = _entity_names(session, [row.source_entity_id for row in rows])
    return [ClaimHit(article=refs[row.article_id], claim=to_claim(row),
                     source=names.get(row.source_entity_id)) for row in rows]


def articles(session: Session, outlet: str | None = None, since: dt.date | None = None,
             limit: int | None = None) -> list[ArticleSummary]:
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
    rows = session.execute(_newest_first(statement).limit(limit)).all()
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
