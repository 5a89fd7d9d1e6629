"""A person's or organization's page: what the store says of them across articles.

Read through ``Store.read`` over the store's tables, a page at a time, so that a speaker with
thousands of quotes opens as fast as one with three.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select

from claimgraph.store import ArticleRef, Statement
from claimgraph.store.convert import to_claim, to_quote
from claimgraph.store.queries import _REF_COLUMNS as REF_COLUMNS
from claimgraph.store.queries import entity_ids
from claimgraph.store.tables import ArticleRow, ClaimRow, EntityRow, QuoteRow


@dataclass
class Profile:
    name: str
    type: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[str, dt.date | None]] = field(default_factory=list)  # first seen
    mentions: list[tuple[dt.date, int]] = field(default_factory=list)  # per publication day
    articles: int = 0
    alongside: list[tuple[str, int]] = field(default_factory=list)  # speakers in the same articles
    statements: int = 0  # quotes, across the store


def profile(store, name: str, top: int = 12) -> Profile:
    def query(session) -> Profile:
        ids = session.scalars(entity_ids(session, name)).all()
        rows = session.execute(
            select(EntityRow.id, EntityRow.name, EntityRow.type, EntityRow.aliases, EntityRow.roles,
                   EntityRow.article_id, func.json_array_length(EntityRow.mentions),
                   ArticleRow.published)
            .join(ArticleRow, ArticleRow.id == EntityRow.article_id)
            .where(EntityRow.id.in_(ids))).all()
        result = Profile(name=name)
        if not rows:
            return result
        names, types, aliases = Counter(), Counter(), Counter()
        roles: dict[str, dt.date | None] = {}
        by_day: Counter[dt.date] = Counter()
        for _, ent_name, ent_type, ent_aliases, ent_roles, _, mentions, published in rows:
            names[ent_name] += 1
            types[ent_type] += 1
            aliases.update(ent_aliases or [])
            for role in ent_roles or []:
                if role not in roles or (published and (roles[role] is None or published < roles[role])):
                    roles[role] = published
            if published:
                by_day[published] += mentions or 1
        result.name = names.most_common(1)[0][0]
        result.type = types.most_common(1)[0][0]
        result.aliases = [a for a, _ in aliases.most_common() if a != result.name]
        result.roles = sorted(roles.items(), key=lambda r: (r[1] or dt.date.max, r[0]))
        result.mentions = sorted(by_day.items())
        result.articles = len({row[5] for row in rows})
        in_same = select(EntityRow.article_id).where(EntityRow.id.in_(ids))
        result.statements = session.scalar(
            select(func.count(QuoteRow.id)).where(QuoteRow.speaker_entity_id.in_(ids)))
        result.alongside = session.execute(
            select(EntityRow.name, func.count(QuoteRow.id.distinct()))
            .join(QuoteRow, QuoteRow.speaker_entity_id == EntityRow.id)
            .where(QuoteRow.article_id.in_(in_same), EntityRow.id.not_in(ids),
                   EntityRow.name != result.name)
            .group_by(EntityRow.name).order_by(func.count(QuoteRow.id.distinct()).desc())
            .limit(top)).all()
        return result
    return store.read(query)


def statements_page(store, name: str, act: str | None, status: str | None, offset: int,
                    limit: int) -> tuple[list[Statement], int]:
    """One page of what ``name`` said (their quotes, newest first, each with the claims in
    it, narrowed to quotes holding a claim of ``status``) and how many there are in all."""
    def query(session) -> tuple[list[Statement], int]:
        ids = session.scalars(entity_ids(session, name)).all()
        statement = (select(QuoteRow).join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
                     .where(QuoteRow.speaker_entity_id.in_(ids)))
        if status:
            statement = statement.where(select(ClaimRow.id).where(
                ClaimRow.quote_id == QuoteRow.id, ClaimRow.status == status).exists())
        ordered = statement.order_by(
            ArticleRow.published.desc().nulls_last(), ArticleRow.id.desc(), QuoteRow.position)
        if act:  # only quotes of the act, when quotes record one
            rows = session.scalars(ordered).all()
            pairs = [(row, q) for row in rows
                     if getattr(q := to_quote(row), "act", "speech") == act]
            total, shown = len(pairs), pairs[offset:offset + limit]
        else:
            total = session.scalar(select(func.count()).select_from(statement.subquery()))
            shown = [(row, to_quote(row)) for row in
                     session.scalars(ordered.offset(offset).limit(limit))]
        claims: dict[int, list] = {}
        for claim in session.scalars(select(ClaimRow).where(
                ClaimRow.quote_id.in_([row.id for row, _ in shown])).order_by(ClaimRow.position)):
            claims.setdefault(claim.quote_id, []).append(to_claim(claim))
        refs = {row.id: ArticleRef.model_validate(row, from_attributes=True)
                for row in session.execute(select(*REF_COLUMNS).where(
                    ArticleRow.id.in_({row.article_id for row, _ in shown})))}
        speakers = {e.id: e for e in session.scalars(select(EntityRow).where(
            EntityRow.id.in_({row.speaker_entity_id for row, _ in shown})))}
        page = []
        for row, quote in shown:
            entity = speakers[row.speaker_entity_id]
            page.append(Statement(article=refs[row.article_id], speaker=entity.name,
                                  speaker_type=entity.type,
                                  role=entity.roles[0] if entity.roles else None,
                                  quote=quote, claims=claims.get(row.id, [])))
        return page, total
    return store.read(query)
