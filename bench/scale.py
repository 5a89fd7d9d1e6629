"""Scale-out: articles/s on Dask with 1 and 2 worker processes, memory per worker over a long
run, and where the time goes.

    python bench/scale.py --data ../shared/data/polnear

Speed: the PolNeAR dev articles as one JSONL dump, analyzed by `run_on_cluster` on a
LocalCluster of 1 worker and one of 2 (one cluster at a time, started and warmed before it is
timed), beside the same run loop in one process without Dask (the anchor); the three runs
alternate, medians. Store (with ``--db``, a
PostgreSQL database that is emptied first): the same articles ingested by 2 workers writing to
it, its growth per article, and the linking of what was stored, timed as the client's
coordinated step. Memory: short articles (three consecutive paragraphs of PolNeAR train
articles, cycled to the count asked) on 2 workers, sampling each worker's resident memory as
they go. The machine's load average is recorded beside every timing: on a shared machine,
other processes take cores too.
"""

from __future__ import annotations

import os

# One BLAS thread, as Dask gives each worker: the in-process anchor then uses one core too.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import json  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

from common import bench_arg_parser, environment, load_jsonl, write_result  # noqa: E402

# Dask's own INFO lines (each worker, each connection) would bury the table.
os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")

from claimgraph.batch import RunStats, connect, run_on_cluster  # noqa: E402
from claimgraph.run import run  # noqa: E402
from claimgraph.settings import get_settings  # noqa: E402

TARGET_SPEEDUP = 1.7  # 2 workers against 1, on 2 cores
# Memory is flat when the last tenth of a run holds no more than this over its first tenth.
FLAT_GROWTH = 0.10


def main() -> None:
    parser = bench_arg_parser(__doc__, "polnear")
    parser.add_argument("--repeats", type=int, default=2,
                        help="Alternating runs of the anchor and each cluster.")
    parser.add_argument("--partition-size", type=int, default=4,
                        help="Articles per task: 21 tasks of 84 articles keep 2 workers busy "
                        "to the end (11 of 8 left one idle for up to a task in 11).")
    parser.add_argument("--memory-articles", type=int, default=10_000,
                        help="Short articles in the memory run (0 skips it).")
    parser.add_argument("--db", help="A PostgreSQL database to ingest into; EMPTIED first "
                        "(e.g. postgresql+psycopg://postgres@127.0.0.1/claimgraph_scale).")
    args = parser.parse_args()
    settings = get_settings(partition_size=args.partition_size)
    work = Path(tempfile.mkdtemp(prefix="claimgraph-scale-"))
    texts = [r["text"] for r in load_jsonl(args.data / "dev.jsonl")]
    dev = _dump(work / "dev.jsonl", texts)
    warm = _dump(work / "warm.jsonl", texts[:4])
    articles = len(texts)

    times: dict[str, list[float]] = {"anchor": [], "1 worker": [], "2 workers": []}
    loads: list[float] = []
    stats = RunStats()
    sum(1 for _ in run([str(warm)], settings, print))  # the anchor's model, loaded untimed
    for _ in range(args.repeats):
        loads.append(os.getloadavg()[0])
        start = time.perf_counter()
        count = sum(1 for _ in run([str(dev)], settings, print))
        times["anchor"].append(time.perf_counter() - start)
        assert count == articles, f"{count} of {articles} articles came back"
        for workers in (1, 2):
            name = f"{workers} worker{'s' if workers > 1 else ''}"
            # One cluster at a time: an idle one's scheduler and nannies would take CPU too.
            with connect(settings, workers=workers) as client:
                _warm(client, warm, settings)
                loads.append(os.getloadavg()[0])
                start = time.perf_counter()
                count = sum(1 for _ in run_on_cluster(
                    client, [str(dev)], settings, print,
                    stats=stats if workers == 2 else RunStats()))
                times[name].append(time.perf_counter() - start)
            assert count == articles, f"{count} of {articles} articles came back"
    store = memory = None
    if args.db or args.memory_articles:
        with connect(settings, workers=2) as two:
            _warm(two, warm, settings)
            store = _store_run(two, dev, args.db, settings) if args.db else None
            memory = _memory_run(two, work, args, settings) if args.memory_articles else None
    loads.append(os.getloadavg()[0])
    anchor_s = statistics.median(times["anchor"])

    t1, t2 = statistics.median(times["1 worker"]), statistics.median(times["2 workers"])
    speedup = t1 / t2
    shares = _shares(store["stage_seconds"] if store else stats.seconds)
    print(f"{articles} PolNeAR dev articles; medians of {args.repeats} alternating runs; "
          f"load average during runs {min(loads):.1f}–{max(loads):.1f} on {os.cpu_count()} cores")
    print(f"{'run':<34}{'articles/s':>12}{'seconds':>10}")
    print(f"{'one process, no Dask (anchor)':<34}{articles / anchor_s:>12.2f}{anchor_s:>10.1f}")
    for name, seconds in (("Dask, 1 worker", t1), ("Dask, 2 workers", t2)):
        print(f"{name:<34}{articles / seconds:>12.2f}{seconds:>10.1f}")
    verdict = "meets" if speedup >= TARGET_SPEEDUP else "MISSES"
    print(f"speed-up 2 workers / 1 worker: {speedup:.2f} ({verdict} target >= {TARGET_SPEEDUP})")
    if store:
        print(f"ingest into PostgreSQL, 2 workers writing: {store['articles_per_s']:.2f} "
              f"articles/s; {store['bytes_per_article'] / 1024:.1f} KiB per article = "
              f"{store['gb_per_million']:.1f} GB per million articles; linking "
              f"{store['link_seconds_per_article'] * 1000:.0f} ms per article on the client")
    print(f"time shares ({'ingest' if store else 'analysis'} on 2 workers; worker and client "
          "seconds): " + ", ".join(f"{k} {v:.1%}" for k, v in shares.items()))
    if memory:
        print(f"memory over {memory['articles']:,} short articles "
              f"({memory['words_per_article']:.0f} words each, {memory['articles_per_s']:.2f} "
              "articles/s on 2 workers):")
        for worker, m in memory["workers"].items():
            print(f"  worker {worker}: first tenth {m['first_tenth_mb']:.0f} MB, last tenth "
                  f"{m['last_tenth_mb']:.0f} MB, peak {m['peak_mb']:.0f} MB, growth "
                  f"{m['growth']:+.1%}")
        flat = all(m["growth"] <= FLAT_GROWTH for m in memory["workers"].values())
        print(f"memory flat (growth <= {FLAT_GROWTH:.0%}): {'yes' if flat else 'NO'}")

    write_result("scale", {
        **environment(settings.spacy_model),
        "data": "polnear/dev", "articles": articles, "partition_size": args.partition_size,
        "repeats": args.repeats, "load_average": {"min": min(loads), "max": max(loads)},
        "anchor_one_process": {"seconds": anchor_s, "runs": times["anchor"],
                               "articles_per_s": articles / anchor_s},
        "workers_1": {"seconds": t1, "runs": times["1 worker"], "articles_per_s": articles / t1},
        "workers_2": {"seconds": t2, "runs": times["2 workers"], "articles_per_s": articles / t2},
        "speedup": speedup, "target_speedup": TARGET_SPEEDUP,
        "time_shares": shares, "analysis_stage_seconds": dict(stats.seconds),
        "store": store, "memory": memory,
    })


def _warm(client, warm: Path, settings) -> None:
    """Imports and first batches on every worker, untimed."""
    sum(1 for _ in run_on_cluster(client, [str(warm)], settings.model_copy(
        update={"partition_size": 1}), print))


def _store_run(client, dev: Path, url: str, settings) -> dict:
    """Ingest ``dev`` into the emptied database at ``url`` with the workers writing, as
    `claimgraph ingest --workers 2` does; then link what was stored, timed."""
    from sqlalchemy import create_engine, text

    from claimgraph.link.linker import Linker
    from claimgraph.store import open_store

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    size = "SELECT pg_database_size(current_database())"
    with open_store(url, settings=settings) as store:
        with engine.connect() as connection:
            empty = connection.execute(text(size)).scalar()
        stats = RunStats()
        start = time.perf_counter()
        written = [w for w in run_on_cluster(
            client, [str(dev)], settings, print, duplicates=store, skip=store.contains,
            store_url=url, stats=stats)]
        seconds = time.perf_counter() - start
        with engine.begin() as connection:
            connection.execute(text("CHECKPOINT"))
            full = connection.execute(text(size)).scalar()
        analyses = list(store.analyses())
    engine.dispose()
    linker = Linker()
    begun = time.perf_counter()
    for n, analysis in enumerate(analyses, start=1):
        linker.add(f"a{n}", analysis)
    linker.clusters(linker.touched)
    link_s = time.perf_counter() - begun
    stages = Counter(stats.seconds)
    stages["link"] = link_s
    per_article = (full - empty) / len(written)
    return {"articles": len(written), "seconds": seconds, "articles_per_s": len(written) / seconds,
            "bytes_per_article": per_article, "gb_per_million": per_article * 1e6 / 1e9,
            "link_seconds": link_s, "link_seconds_per_article": link_s / len(analyses),
            "stage_seconds": dict(stages)}


def _dump(path: Path, texts: list[str]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for n, text in enumerate(texts):
            fh.write(json.dumps({"text": text, "url": f"https://bench.example/{n}"}) + "\n")
    return path


def _short_articles(data: Path, count: int) -> list[str]:
    """``count`` short articles: three consecutive paragraphs of PolNeAR train articles, in
    turn, numbered so that no two are the same text."""
    pieces = []
    for row in load_jsonl(data / "train.jsonl"):
        paragraphs = [p for p in row["text"].split("\n\n") if len(p.split()) > 8]
        pieces += ["\n\n".join(paragraphs[i:i + 3]) for i in range(0, len(paragraphs) - 2, 3)]
    return [f"Report {n}.\n\n{pieces[n % len(pieces)]}" for n in range(count)]


def _memory_run(client, work: Path, args, settings) -> dict:
    texts = _short_articles(args.data, args.memory_articles)
    dump = _dump(work / "short.jsonl", texts)
    samples: dict[str, list[tuple[float, int]]] = {}
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(2.0):
            try:
                for worker, rss in client.run(_rss).items():
                    samples.setdefault(worker, []).append((time.monotonic(), rss))
            except Exception:  # a worker busy restarting: skip this sample
                continue

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    count = sum(1 for _ in run_on_cluster(client, [str(dump)], settings.model_copy(
        update={"partition_size": 50}), print))
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    workers = {}
    for n, (worker, series) in enumerate(sorted(samples.items()), start=1):
        values = [rss / 2**20 for _, rss in series]
        tenth = max(1, len(values) // 10)
        first, last = statistics.mean(values[:tenth]), statistics.mean(values[-tenth:])
        workers[str(n)] = {"address": worker, "samples": len(values), "peak_mb": max(values),
                           "first_tenth_mb": first, "last_tenth_mb": last,
                           "growth": last / first - 1}
    return {"articles": count, "seconds": seconds, "articles_per_s": count / seconds,
            "words_per_article": statistics.mean(len(t.split()) for t in texts),
            "workers": workers}


def _rss() -> int:
    import psutil

    return psutil.Process().memory_info().rss


def _shares(seconds: dict[str, float]) -> dict[str, float]:
    total = sum(seconds.values()) or 1.0
    return {stage: s / total for stage, s in sorted(seconds.items(), key=lambda kv: -kv[1])}


if __name__ == "__main__":
    main()
