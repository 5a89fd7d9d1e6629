"""Linking a store of real articles: time per 1,000 articles, an incremental batch against a relink.

1,000 distinct real articles (--articles): the seed, PolNeAR dev and train (with their outlets
and dates), then ECB+ train documents to make up the count. They are analyzed once and cached
(--cache; by default a JSONL under the temporary folder keyed by the model and the analysis
code), so that a re-run only stores and links. In a fresh SQLite store, in a fixed shuffled
order, the first N-50 are stored and linked, the last 50 stored and linked incrementally, then
everything relinked (timed: the anchor). Target: the incremental batch under 10% of the full
relink at 1,000 articles. The incremental and full results are compared table by table (they
must be equal). The stories and claim clusters of the seed plus PolNeAR dev, linked alone, are
summarised for reading.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from common import DATA, REPO, bench_arg_parser, environment, load_jsonl, write_result  # noqa: E402
from ecbplus import read_split  # noqa: E402
from sqlalchemy import select  # noqa: E402

from claimgraph.api import analyze_many  # noqa: E402
from claimgraph.link import persist  # noqa: E402
from claimgraph.link.tables import LINK_TABLES  # noqa: E402
from claimgraph.model import Analysis, Article  # noqa: E402
from claimgraph.settings import Settings  # noqa: E402
from claimgraph.store import open_store  # noqa: E402

TARGET = 0.10
BATCH = 50


def corpus(data: Path, ecbplus: Path, n: int) -> list[Article]:
    """``n`` distinct real articles: the seed, PolNeAR dev, PolNeAR train, then ECB+ train
    documents (other stories, other years) to make up the count."""
    from claimgraph.extract import extract
    from claimgraph.model import RawDocument

    seed = REPO / "examples" / "seed.txt"
    articles = [extract(RawDocument(source="examples/seed.txt", data=seed.read_bytes()))]
    for split in ("dev", "train"):
        for row in load_jsonl(data / f"{split}.jsonl"):
            articles.append(Article(
                source=f"polnear/{row['id']}", outlet=row.get("publisher"),
                title=row.get("title"), text=row["text"],
                published=row.get("publication_date") or None))
    if len(articles) < n:
        for doc in read_split(ecbplus, "train"):
            lines: dict[int, list[str]] = {}
            for word, sentence in zip(doc.words, doc.sentences):
                lines.setdefault(sentence, []).append(word)
            articles.append(Article(source=f"ecbplus/{doc.id}", outlet=f"ECB+ {doc.topic}",
                                    text="\n".join(" ".join(w) for w in lines.values())))
            if len(articles) >= n:
                break
    return articles[:n]


def default_cache(settings: Settings) -> Path:
    """The analyses' cache, keyed by the model and the analysis code (a change re-analyzes)."""
    digest = hashlib.sha1(settings.spacy_model.encode())
    for path in sorted((REPO / "src" / "claimgraph" / "analyze").rglob("*.py")):
        digest.update(path.read_bytes())
    return Path(tempfile.gettempdir()) / f"claimgraph-linking-{digest.hexdigest()[:12]}.jsonl"


def analyzed(articles: list[Article], settings: Settings, cache: Path) -> list[Analysis]:
    """Analyses of ``articles``, read from ``cache`` (JSONL) and added to it as they are made,
    so that a re-run only stores and links, and an interrupted run resumes."""
    done = {}
    if cache.is_file():
        for line in cache.open(encoding="utf-8"):
            with contextlib.suppress(ValueError):
                a = Analysis.model_validate_json(line)
                done[a.source] = a
    todo = [a for a in articles if a.source not in done]
    start = time.perf_counter()
    if todo:
        print(f"analyzing {len(todo)} articles into {cache}", flush=True)
    with cache.open("a", encoding="utf-8") as fh:
        for n, analysis in enumerate(analyze_many(todo, plain=True, settings=settings), 1):
            fh.write(analysis.model_dump_json() + "\n")
            fh.flush()
            done[analysis.source] = analysis
            if n % 50 == 0:
                print(f"  analyzed {n}/{len(todo)} ({time.perf_counter() - start:.0f} s)",
                      flush=True)
    return [done[a.source] for a in articles if a.source in done]


def tables(store) -> dict:
    with store.session() as session:
        return {t.__tablename__: sorted(json.dumps(
            {c.name: getattr(r, c.name) for c in t.__table__.columns}, default=str, sort_keys=True)
            for r in session.scalars(select(t)).all())
            for t in LINK_TABLES if t.__tablename__ != "link_state"}


def main() -> None:
    parser = bench_arg_parser(__doc__, "polnear")
    parser.add_argument("--ecbplus", type=Path, default=DATA / "ecbplus",
                        help="ECB+ folder whose train documents make up the count "
                        "(default: %(default)s)")
    parser.add_argument("--articles", type=int, default=1000,
                        help="articles in the timed store (default: %(default)s)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="JSONL of the analyses (default: under the temporary folder, keyed "
                        "by the model and the analysis code)")
    parser.add_argument("--analyze-only", action="store_true",
                        help="fill the cache and stop")
    args = parser.parse_args()
    settings = Settings()
    cache = args.cache or default_cache(settings)
    articles = corpus(args.data, args.ecbplus, args.articles)
    analyses = analyzed(articles, settings, cache)
    if args.analyze_only:
        return
    dev_count = 1 + len(load_jsonl(args.data / "dev.jsonl"))

    with tempfile.TemporaryDirectory() as tmp:
        # The story check: seed + PolNeAR dev, linked as `claimgraph ingest` links.
        with open_store(f"sqlite:///{tmp}/dev.db") as store:
            for a in analyses[:dev_count]:
                store.save(a)
            persist.link(store)
            clusters = persist.clusters(store, min_size=2)
            stories = persist.stories(store)
        by_status: dict[str, int] = {}
        for c in clusters:
            by_status[c.status] = by_status.get(c.status, 0) + 1
        multi = sum(1 for size in stories.values() if size > 1)
        examples = [{"label": c.label, "status": c.status, "reports": len(c.members),
                     "origins": c.origins,
                     "estimate": c.estimate.model_dump() if c.estimate else None}
                    for c in clusters if len({m.article for m in c.members}) > 1][:8]

        # Timing: N articles in a fixed shuffled order (a feed mixes its stories), the last
        # 50 linked incrementally, then everything relinked.
        feed = random.Random(0).sample(analyses, len(analyses))
        with open_store(f"sqlite:///{tmp}/timed.db") as store:
            for a in feed[:-BATCH]:
                store.save(a)
            first = persist.link(store)
            for a in feed[-BATCH:]:
                store.save(a)
            inc = persist.link(store)
            incremental_tables = tables(store)
            full = persist.link(store, full=True)
            same = tables(store) == incremental_tables
            largest = max(persist.stories(store).values())
    ratio = inc.seconds / full.seconds
    per_1000 = full.seconds / len(analyses) * 1000

    print(f"\nseed + PolNeAR dev: {dev_count} articles, {len(stories)} stories "
          f"({multi} with more than one article), {len(clusters)} claim clusters of 2+ reports "
          f"({', '.join(f'{v} {k}' for k, v in sorted(by_status.items()))})")
    for e in examples[:5]:
        print(f"  [{e['status']}] {e['reports']} reports: {e['label'][:90]}")
    print(f"\n{'linking ' + str(len(analyses)) + ' articles':36} {'seconds':>8}")
    print(f"{'first link of ' + str(len(analyses) - BATCH):36} {first.seconds:8.2f}")
    print(f"{'incremental batch of ' + str(BATCH):36} {inc.seconds:8.2f}")
    print(f"{'full relink (anchor)':36} {full.seconds:8.2f}")
    print(f"incremental / full = {ratio:.3f} (target < {TARGET}: "
          f"{'met' if ratio < TARGET else 'MISSED'}); {per_1000:.1f} s per 1,000 articles; "
          f"incremental result equals relink: {same}")
    write_result("linking", {
        "about": "Linking distinct real articles (the seed, PolNeAR dev and train, then ECB+ "
                 "train documents) in a SQLite store: a full relink against an incremental "
                 "batch of the last 50, measured in the same run",
        "articles": len(analyses), "batch": BATCH, "largest_story": largest,
        "seconds": {"first_link": round(first.seconds, 3),
                    "incremental_batch": round(inc.seconds, 3),
                    "full_relink": round(full.seconds, 3)},
        "incremental_over_full": round(ratio, 4), "target": TARGET, "target_met": ratio < TARGET,
        "full_relink_seconds_per_1000_articles": round(per_1000, 2),
        "incremental_equals_relink": same,
        "seed_plus_dev": {"articles": dev_count, "stories": len(stories),
                          "stories_with_several_articles": multi,
                          "clusters_2plus": len(clusters), "by_status": by_status,
                          "examples": examples},
        "environment": environment(settings.spacy_model),
    })


if __name__ == "__main__":
    main()
