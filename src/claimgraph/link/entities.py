"""Entities across articles: one canonical record per person, organisation or country.

Countries are recognised under every name the country packages know (see ``places``): "North
Korea", "Pyongyang", "DPRK" and "North Korean" are one entity, within an article
(:func:`merge_aliases`, which the analysis applies) and across articles. People are merged by
full name, ignoring dots, hyphens and middle initials; a surname alone joins the one person of
that surname already known, and stays apart when several are (Kim Jong Un and Kim Yong-kyun
are never merged). Organisations are merged by name, "The" and case aside, and by acronym.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from claimgraph.link.places import country, country_name, key
from claimgraph.link.records import CanonicalEntity, Role
from claimgraph.link.state import Cache, Fetch
from claimgraph.model import Analysis, Entity

_PLACE_TYPES = {"GPE", "NORP", "LOC", "ORG"}
_INITIAL = re.compile(r"^[A-Z]\.?$")


def country_of(entity: Entity) -> str | None:
    """The country an entity stands for, by its name or any alias (capitals only for places)."""
    if entity.type not in _PLACE_TYPES:
        return None
    for name in [entity.name, *entity.aliases]:
        code = country(name, capitals=entity.type in ("GPE", "LOC"))
        if code:
            return code
    return None


def merge_aliases(analysis: Analysis) -> Analysis:
    """The analysis with entities that name one country merged into one ("Republic of Korea"
    into "South Korea"), and every reference to a merged entity pointed at the survivor."""
    return _merge(analysis)[0]


def _merge(analysis: Analysis) -> tuple[Analysis, dict[str, str]]:
    """The merged analysis and the ids merged away → the id of the entity they joined."""
    groups: dict[str, list[Entity]] = {}
    for e in analysis.entities:
        code = country_of(e)
        if code:
            groups.setdefault(code, []).append(e)
    renamed: dict[str, str] = {}
    merged: dict[str, Entity] = {}
    for code, members in groups.items():
        first = members[0]
        name = country_name(code)
        names = []
        for m in members:
            names += [n for n in [m.name, *m.aliases] if n not in names]
        mentions = sorted({(x.start, x.end): x for m in members for x in m.mentions}.values(),
                          key=lambda x: x.start)
        merged[first.id] = first.model_copy(update={
            "name": name,
            "type": "GPE" if any(m.type == "GPE" for m in members) else first.type,
            "aliases": [n for n in names if n != name],
            "roles": [r for m in members for r in m.roles],
            "mentions": mentions,
        })
        for m in members[1:]:
            renamed[m.id] = first.id
    if not merged:
        return analysis, {}
    entities = [merged.get(e.id, e) for e in analysis.entities if e.id not in renamed]
    quotes = [q.model_copy(update={"speaker": q.speaker.model_copy(update={
                  "entity": renamed.get(q.speaker.entity, q.speaker.entity)})})
              if q.speaker and q.speaker.entity in renamed else q for q in analysis.quotes]
    claims = [c.model_copy(update={"source": renamed[c.source]}) if c.source in renamed else c
              for c in analysis.claims]
    return analysis.model_copy(update={"entities": entities, "quotes": quotes,
                                       "claims": claims}), renamed


def person_key(name: str) -> str:
    """"Lloyd J. Austin" and "Lloyd Austin" alike: middle initials, dots, hyphens and case aside."""
    words = name.replace("-", " ").split()
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if not _INITIAL.match(w)] + [words[-1]]
    return key(" ".join(words))


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


@dataclass
class Contribution:
    """What one article's entity gives its canonical entity."""

    article: str
    names: list[str]
    mentions: int
    roles: list[str]
    published: dt.date | None


@dataclass
class _Canonical:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: dict[str, Role] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)
    mentions: int = 0


def _lookups(e: Entity) -> list[str]:
    """The index keys resolving ``e`` may read."""
    code = country_of(e)
    if code:
        return [f"country:{code}"]
    if e.type == "PERSON":
        pk = person_key(e.name)
        return [f"person:{pk}", f"surname:{pk.split()[-1]}"] if pk else []
    k = key(e.name)
    out = [f"acronym:{k}", f"{e.type.lower()}:{k}"]
    if " " in e.name.strip():
        out.append(f"acronym:{_acronym(e.name).lower()}")
    return out


class EntityIndex:
    """Canonical entities of a corpus, built article by article (``add``) in a fixed order, so a
    rebuild that replays the same articles gives the same entities. ``keys`` maps an index key
    ("person:lloyd austin", "acronym:wsj", "surname:kim": every Kim) to canonical ids."""

    def __init__(self, fetch_keys: Fetch | None = None,
                 fetch_entities: Fetch | None = None) -> None:
        self.entities: Cache = Cache(fetch_entities)  # canonical id → _Canonical
        self.keys: Cache = Cache(fetch_keys)
        self.touched: set[str] = set()  # entities changed since this index was made
        self.deleted: set[str] = set()  # entities no article names any more

    def add(self, article: str, analysis: Analysis) -> dict[str, str]:
        """Link one article's entities; returns its entity ids → canonical ids."""
        analysis, renamed = _merge(analysis)
        lookups = {k for e in analysis.entities for k in _lookups(e)}
        self.keys.need(lookups)
        for k in lookups & self.keys.keys():  # keys of entities withdrawn meanwhile go
            if self.deleted.intersection(self.keys[k]):
                self.keys.mark(k)
                ids = [i for i in self.keys.pop(k) if i not in self.deleted]
                if ids:
                    self.keys[k] = ids
        self.entities.need({c for k in lookups for c in self.keys.get(k, ())})
        out = {}
        for e in analysis.entities:
            cid = self._resolve(e)
            self._contribute(self.entities[cid], article, [e.name, *e.aliases],
                             len(e.mentions), e.roles, analysis.published)
            out[e.id] = cid
            self.touched.add(cid)
        out.update({gone: out[kept] for gone, kept in renamed.items()})
        return out

    def _contribute(self, c: _Canonical, article: str, names: list[str], mentions: int,
                    roles: list[str], published: dt.date | None) -> None:
        for n in names:
            if n != c.name and n not in c.aliases:
                c.aliases.append(n)
        if article not in c.articles:
            c.articles.append(article)
        c.mentions += mentions
        for r in roles:
            self._role(c, r, article, published)

    def withdraw(self, rest: dict[str, list[Contribution]]) -> None:
        """Take an article out: ``rest`` gives each of its canonical entities what the other
        articles contribute to it, in article order; an entity none of them names goes."""
        self.entities.need(rest)
        for cid, contributions in rest.items():
            old = self.entities[cid]
            if not contributions:
                del self.entities[cid]
                self.deleted.add(cid)
                continue
            fresh = self.entities[cid] = _Canonical(cid, old.name, old.type)
            for c in contributions:
                self._contribute(fresh, c.article, c.names, c.mentions, c.roles, c.published)
            self.touched.add(cid)

    def _role(self, c: _Canonical, text: str, article: str, date: dt.date | None) -> None:
        role = c.roles.setdefault(key(text), Role(text=text))
        if article not in role.articles:
            role.articles.append(article)
        if date:
            role.first_reported = min(filter(None, [role.first_reported, date]))
            role.last_reported = max(filter(None, [role.last_reported, date]))

    def _resolve(self, e: Entity) -> str:
        code = country_of(e)
        if code:
            return self._get(f"country:{code}", country_name(code), "GPE")
        if e.type == "PERSON":
            pk = person_key(e.name) or key(e.name)
            if " " not in pk:  # a surname alone: the one person of that name, if only one
                known = self.keys.get(f"surname:{pk}", [])
                if len(known) == 1:
                    return known[0]
                return self._get(f"person:{pk}", e.name, "PERSON")
            cid = self._get(f"person:{pk}", e.name, "PERSON")
            surname = f"surname:{pk.split()[-1]}"
            known = self.keys.get(surname, [])
            if cid not in known:
                self.keys.put(surname, sorted([*known, cid]))
            return cid
        k = key(e.name)
        if len(k) >= 3 and k.isalpha() and k.upper() == e.name.replace(".", ""):
            found = self.keys.get(f"acronym:{k}")  # "WSJ" for "Wall Street Journal"
            if found:
                return found[0]
        cid = self._get(f"{e.type.lower()}:{k}", e.name, e.type)
        if " " in e.name.strip():
            acronym = f"acronym:{_acronym(e.name).lower()}"
            if acronym not in self.keys:
                self.keys.put(acronym, [cid])
        return cid

    def _get(self, k: str, name: str, type_: str) -> str:
        if k not in self.keys:
            cid = re.sub(r"[^a-z0-9:]+", "-", k.casefold()).strip("-")
            self.entities.need([cid])
            if cid not in self.entities:  # two keys may spell one id: the first one keeps it
                self.entities[cid] = _Canonical(cid, name, type_)
                self.deleted.discard(cid)
            self.keys.put(k, [cid])
        return self.keys[k][0]

    def records(self, ids: set[str] | None = None) -> list[CanonicalEntity]:
        """Canonical entities (those of ``ids``, default all held), in the order first seen."""
        return [record(c) for c in self.entities.values() if ids is None or c.id in ids]


def record(c: _Canonical) -> CanonicalEntity:
    return CanonicalEntity(id=c.id, name=c.name, type=c.type, aliases=c.aliases,
                           roles=list(c.roles.values()), articles=c.articles, mentions=c.mentions)


def canonical(r: CanonicalEntity) -> _Canonical:
    """The working form of a stored canonical entity (roles by key)."""
    return _Canonical(r.id, r.name, r.type, list(r.aliases), {key(x.text): x for x in r.roles},
                      list(r.articles), r.mentions)
