"""Linking a store of real articles: time per 1,000 articles, an incremental batch against a relink.

The seed article and PolNeAR (dev, then train, with their outlets and dates; --analyze real
articles, default 400) are analyzed once (cached under /tmp), stored in a fresh SQLite store,
and linked: a full relink of N articles (--articles, default 1,000; past the real ones, marked
syndicated copies of them, as a real feed has), and the last batch of 50 linked incrementally
after the first N-50. Target: the incremental batch under 10% of the full relink at 1,000 articles.
The incremental and full results are compared table by table (they must be equal). The
stories and claim clusters found in the seed plus PolNeAR dev are summarised for reading.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from common import REPO, bench_arg_parser, environment, load_jsonl, write_result  # noqa: E402
from sqlalchemy import select  # noqa: E402

from claimgraph.api import analyze_many  # noqa: E402
from claimgraph.link import persist  # noqa: E402
from claimgraph.link.tables import LINK_TABLES  # noqa: E402
from claimgraph.model import Analysis, Article  # noqa: E402
from claimgraph.settings import Settings  # noqa: E402
from claimgraph.store import open_store  # noqa: E402

TARGET = 0.10
BATCH = 50


def corpus(data: Path) -> list[Article]:
    seed = REPO / "examples" / "seed.txt"
    from claimgraph.extract import extract
    from claimgraph.model import RawDocument

    articles = [extract(RawDocument(source="examples/seed.txt", data=seed.read_bytes()))]
    for split in ("dev", "train"):
        for row in load_jsonl(data / f"{split}.jsonl"):
            articles.append(Article(
                source=f"polnear/{row['id']}", outlet=row.get("publisher"),
                title=row.get("title"), text=row["text"],
                published=row.get("publication_date") or None))
    return articles


def analyzed(articles: list[Article], settings: Settings) -> list[Analysis]:
    """Analyses of ``articles``, cached under /tmp (keyed by the model and the analysis code)
    as they are made, so that an interrupted run resumes."""
    digest = hashlib.sha1(settings.spacy_model.encode())
    for path in sorted((REPO / "src" / "claimgraph" / "analyze").rglob("*.py")):
        digest.update(path.read_bytes())
    cache = Path(tempfile.gettempdir()) / f"claimgraph-linking-{digest.hexdigest()[:12]}.jsonl"
    done = {}
    if cache.is_file():
        for line in cache.open(encoding="utf-8"):
            with contextlib.suppress(ValueError):
                a = Analysis.model_validate_json(line)
                done[a.source] = a
    todo = [a for a in articles if a.source not in done]
    start = time.perf_counter()
    with cache.open("a", encoding="utf-8") as fh:
        for n, analysis in enumerate(analyze_many(todo, plain=True, settings=settings), 1):
            fh.write(analysis.model_dump_json() + "\n")
            fh.flush()
            done[analysis.source] = analysis
            if n % 50 == 0:
                print(f"  analyzed {n}/{len(todo)} ({time.perf_counter() - start:.0f} s)",
                      flush=True)
    return [done[a.source] for a in articles if a.source in done]


def padded(analyses: list[Analysis], n: int) -> list[Analysis]:
    """``n`` analyses: the corpus, then marked syndicated copies of it to make up the count."""
    out = list(analyses[:n])
    k = 0
    while len(out) < n:
        original = analyses[k % len(analyses)]
        out.append(original.model_copy(update={
            "source": f"{original.source}#copy{k}", "outlet": f"Wire reprint {k % 7}",
            "text": original.text + f"\n(Reprinted, copy {k}.)",
            "duplicate_of": original.source}))
        k += 1
    return out


def tables(store) -> dict:
    with store.session() as session:
        return {t.__tablename__: sorted(json.dumps(
            {c.name: getattr(r, c.name) for c in t.__table__.columns}, default=str, sort_keys=True)
            for r in session.scalars(select(t)).all())
            for t in LINK_TABLES if t.__tablename__ != "link_state"}


def main() -> None:
    parser = bench_arg_parser(__doc__, "polnear")
    parser.add_argument("--articles", type=int, default=1000,
                        help="articles in the timed store (default: %(default)s)")
    parser.add_argument("--analyze", type=int, default=400,
                        help="real articles analyzed (seed, PolNeAR dev, then train); the rest "
                        "of --articles are marked copies (default: %(default)s)")
    args = parser.parse_args()
    settings = Settings()
    articles = corpus(args.data)[:args.analyze]
    dev_count = 1 + len(load_jsonl(args.data / "dev.jsonl"))
    print(f"analyzing {len(articles)} articles (seed, PolNeAR dev, then train; cached)",
          flush=True)
    analyses = analyzed(articles, settings)

    with tempfile.TemporaryDirectory() as tmp:
        # The story check: seed + PolNeAR dev, linked as `claimgraph ingest` links.
        with open_store(f"sqlite:///{tmp}/dev.db") as store:
            for a in analyses[:dev_count]:
                store.save(a)
            persist.link(store)
            linker = persist.linker(store)
            clusters = persist.clusters(store, min_size=2)
        by_status: dict[str, int] = {}
        for c in clusters:
            by_status[c.status] = by_status.get(c.status, 0) + 1
        stories = len(linker.stories.stories)
        multi = sum(1 for s in linker.stories.stories if len(s.members) > 1)
        examples = [{"label": c.label, "status": c.status, "reports": len(c.members),
                     "origins": c.origins,
                     "estimate": c.estimate.model_dump() if c.estimate else None}
                    for c in clusters if len({m.article for m in c.members}) > 1][:8]

        # Timing: N articles, the last 50 linked incrementally, then everything relinked.
        corpus_n = padded(analyses, args.articles)
        with open_store(f"sqlite:///{tmp}/timed.db") as store:
            for a in corpus_n[:-BATCH]:
                store.save(a)
            first = persist.link(store)
            for a in corpus_n[-BATCH:]:
                store.save(a)
            inc = persist.link(store)
            incremental_tables = tables(store)
            full = persist.link(store, full=True)
            same = tables(store) == incremental_tables
    ratio = inc.seconds / full.seconds
    per_1000 = full.seconds / len(corpus_n) * 1000

    print(f"\nseed + PolNeAR dev: {dev_count} articles, {stories} stories "
          f"({multi} with more than one article), {len(clusters)} claim clusters of 2+ reports "
          f"({', '.join(f'{v} {k}' for k, v in sorted(by_status.items()))})")
    for e in examples[:5]:
        print(f"  [{e['status']}] {e['reports']} reports: {e['label'][:90]}")
    print(f"\n{'linking ' + str(len(corpus_n)) + ' articles':36} {'seconds':>8}")
    print(f"{'first link of ' + str(len(corpus_n) - BATCH):36} {first.seconds:8.2f}")
    print(f"{'incremental batch of ' + str(BATCH):36} {inc.seconds:8.2f}")
    print(f"{'full relink (anchor)':36} {full.seconds:8.2f}")
    print(f"incremental / full = {ratio:.3f} (target < {TARGET}: "
          f"{'met' if ratio < TARGET else 'MISSED'}); {per_1000:.1f} s per 1,000 articles; "
          f"incremental result equals relink: {same}")
    write_result("linking", {
        "about": "Linking the seed + PolNeAR (dev, train; padded with marked syndicated copies "
                 "to the article count) in a SQLite store: a full relink against an "
                 "incremental batch, measured in the same run",
        "articles": len(corpus_n), "batch": BATCH,
        "seconds": {"first_link": round(first.seconds, 3), "incremental_batch": round(inc.seconds, 3),
                    "full_relink": round(full.seconds, 3)},
        "incremental_over_full": round(ratio, 4), "target": TARGET, "target_met": ratio < TARGET,
        "seconds_per_1000_articles": round(per_1000, 2),
        "incremental_equals_relink": same,
        "seed_plus_dev": {"articles": dev_count, "stories": stories,
                          "stories_with_several_articles": multi,
                          "clusters_2plus": len(clusters), "by_status": by_status,
                          "examples": examples},
        "environment": environment(settings.spacy_model),
    })


if __name__ == "__main__":
    main()
