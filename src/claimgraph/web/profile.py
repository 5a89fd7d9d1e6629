"""A person's or organization's page: what the store says of them across articles.

The statements come from ``Store.who``; the names, roles over time, mentions and the speakers
quoted beside them are read through ``Store.read`` over the store's tables.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select

from claimgraph.store import Statement
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
    statements: int = 0  # as Store.who counts them: quotes, and claims made outside them


def profile(store, name: str, top: int = 12) -> Profile:
    def query(session) -> Profile:
        ids = entity_ids(session, name)
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
        own_quotes = select(QuoteRow.id).where(QuoteRow.speaker_entity_id.in_(ids))
        result.statements = session.scalar(select(func.count()).select_from(
            own_quotes.subquery())) + session.scalar(
            select(func.count(ClaimRow.id)).where(
                ClaimRow.source_entity_id.in_(ids),
                or_(ClaimRow.quote_id.is_(None), ClaimRow.quote_id.not_in(own_quotes))))
        result.alongside = session.execute(
            select(EntityRow.name, func.count(QuoteRow.id.distinct()))
            .join(QuoteRow, QuoteRow.speaker_entity_id == EntityRow.id)
            .where(QuoteRow.article_id.in_(in_same), EntityRow.id.not_in(ids),
                   EntityRow.name != result.name)
            .group_by(EntityRow.name).order_by(func.count(QuoteRow.id.distinct()).desc())
            .limit(top)).all()
        return result
    return store.read(query)


def filtered(statements: list[Statement], act: str | None, status: str | None) -> list[Statement]:
    """Statements whose quote reports ``act`` and that hold a claim with ``status``."""
    if act:
        statements = [s for s in statements if s.quote and getattr(s.quote, "act", "speech") == act]
    if status:
        statements = [s for s in statements if any(c.status == status for c in s.claims)]
    return statements


def statements_page(store, name: str, act: str | None, status: str | None, offset: int,
                    limit: int, total: int) -> tuple[list[Statement], int]:
    """One page of ``name``'s statements and how many match. Unfiltered, the store reads only
    the page's worth; a filter reads them all."""
    if act or status:
        matching = filtered(store.who(name), act, status)
        return matching[offset:offset + limit], len(matching)
    return store.who(name, limit=offset + limit)[offset:], total
