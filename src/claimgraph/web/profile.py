"""A person's or organization's page: what the store says of them across articles.

Aggregated in the database (its statements are paged by ``Store.statements``), so that a
speaker named in thousands of articles opens as fast as one named in three.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Text, cast, func, select

from claimgraph.store.queries import among, find_entities
from claimgraph.store.tables import ArticleRow, EntityRow, QuoteRow


@dataclass
class Profile:
    name: str
    type: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[str, dt.date | None]] = field(default_factory=list)  # first seen
    mentions: list[tuple[dt.date, int]] = field(default_factory=list)  # per publication day
    articles: int = 0
    alongside: list[tuple[str, int]] = field(default_factory=list)  # speakers in the same articles


def profile(store, name: str, top: int = 12, ids: list[int] | None = None) -> Profile:
    """What the store says of ``name``: its stored entities are ``ids`` when given (every
    alias of a linked person), else those with that name or alias."""
    def query(session) -> Profile:
        entities = ids if ids is not None else find_entities(session, name)
        aliases_text, roles_text = cast(EntityRow.aliases, Text), cast(EntityRow.roles, Text)
        # Copies of a story repeat the same names, aliases and roles: a few groups, not a row
        # per article.
        groups = session.execute(
            select(EntityRow.name, EntityRow.type, aliases_text, roles_text, func.count(),
                   func.min(ArticleRow.published))
            .join(ArticleRow, ArticleRow.id == EntityRow.article_id)
            .where(among(EntityRow.id, entities))
            .group_by(EntityRow.name, EntityRow.type, aliases_text, roles_text)).all()
        result = Profile(name=name)
        if not groups:
            return result
        names, types, aliases = Counter(), Counter(), Counter()
        roles: dict[str, dt.date | None] = {}
        for ent_name, ent_type, ent_aliases, ent_roles, count, first in groups:
            names[ent_name] += count
            types[ent_type] += count
            for alias in json.loads(ent_aliases or "[]"):
                aliases[alias] += count
            for role in json.loads(ent_roles or "[]"):
                if role not in roles or (first and (roles[role] is None or first < roles[role])):
                    roles[role] = first
        result.name = names.most_common(1)[0][0]
        result.type = types.most_common(1)[0][0]
        result.aliases = [a for a, _ in aliases.most_common() if a != result.name]
        result.roles = sorted(roles.items(), key=lambda r: (r[1] or dt.date.max, r[0]))
        mentions = func.coalesce(func.nullif(func.json_array_length(EntityRow.mentions), 0), 1)
        result.mentions = [tuple(row) for row in session.execute(
            select(ArticleRow.published, func.sum(mentions))
            .join(ArticleRow, ArticleRow.id == EntityRow.article_id)
            .where(among(EntityRow.id, entities), ArticleRow.published.is_not(None))
            .group_by(ArticleRow.published).order_by(ArticleRow.published))]
        articles = session.scalars(
            select(EntityRow.article_id).where(among(EntityRow.id, entities)).distinct()).all()
        result.articles = len(articles)
        result.alongside = [tuple(row) for row in session.execute(
            select(EntityRow.name, func.count())  # a quote has one speaker: counted once
            .join(QuoteRow, QuoteRow.speaker_entity_id == EntityRow.id)
            .where(among(QuoteRow.article_id, articles), ~among(EntityRow.id, entities),
                   EntityRow.name != result.name)
            .group_by(EntityRow.name).order_by(func.count().desc(), EntityRow.name)
            .limit(top))]
        return result
    return store.read(query)
