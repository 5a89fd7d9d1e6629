"""Scale-out: articles/s on Dask with 1 and 2 worker processes, memory per worker over a long
run, and where the time goes.

    python bench/scale.py --data ../shared/data/polnear

Speed: the PolNeAR dev articles as one JSONL dump, analyzed by `run_on_cluster` on a
LocalCluster of 1 worker and one of 2 (both started before timing, runs alternating, medians),
beside the same run loop in one process without Dask (the anchor). Memory: short articles (three
consecutive paragraphs of PolNeAR train articles, cycled to the count asked) on 2 workers,
sampling each worker's resident memory as they go. The machine's load average is recorded
beside every timing: on a shared machine, other processes take cores too.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

from common import bench_arg_parser, environment, load_jsonl, write_result

from claimgraph.batch import RunStats, connect, run_on_cluster
from claimgraph.run import run
from claimgraph.settings import get_settings

TARGET_SPEEDUP = 1.7  # 2 workers against 1, on 2 cores
# Memory is flat when the last tenth of a run holds no more than this over its first tenth.
FLAT_GROWTH = 0.10


def main() -> None:
    parser = bench_arg_parser(__doc__, "polnear")
    parser.add_argument("--repeats", type=int, default=3, help="Alternating runs per cluster.")
    parser.add_argument("--partition-size", type=int, default=8,
                        help="Articles per task (small, so that 84 articles spread over 2 "
                        "workers evenly).")
    parser.add_argument("--memory-articles", type=int, default=10_000,
                        help="Short articles in the memory run (0 skips it).")
    args = parser.parse_args()
    settings = get_settings(partition_size=args.partition_size)
    work = Path(tempfile.mkdtemp(prefix="claimgraph-scale-"))
    texts = [r["text"] for r in load_jsonl(args.data / "dev.jsonl")]
    dev = _dump(work / "dev.jsonl", texts)
    warm = _dump(work / "warm.jsonl", texts[:4])
    articles = len(texts)

    with connect(settings, workers=1) as one, connect(settings, workers=2) as two:
        for client in (one, two):  # warm: imports and first batches on every worker
            sum(1 for _ in run_on_cluster(client, [str(warm)], settings.model_copy(
                update={"partition_size": 1}), print))
        times: dict[str, list[float]] = {"1 worker": [], "2 workers": []}
        loads: list[float] = []
        stats = RunStats()
        for _ in range(args.repeats):
            for name, client in (("1 worker", one), ("2 workers", two)):
                loads.append(os.getloadavg()[0])
                start = time.perf_counter()
                count = sum(1 for _ in run_on_cluster(
                    client, [str(dev)], settings, print,
                    stats=stats if name == "2 workers" else RunStats()))
                times[name].append(time.perf_counter() - start)
                assert count == articles, f"{count} of {articles} articles came back"
        memory = _memory_run(two, work, args, settings) if args.memory_articles else None

    loads.append(os.getloadavg()[0])
    start = time.perf_counter()
    sum(1 for _ in run([str(dev)], settings, print))
    anchor_s = time.perf_counter() - start

    t1, t2 = statistics.median(times["1 worker"]), statistics.median(times["2 workers"])
    speedup = t1 / t2
    shares = _shares(stats)
    print(f"{articles} PolNeAR dev articles; medians of {args.repeats} alternating runs; "
          f"load average during runs {min(loads):.1f}–{max(loads):.1f} on {os.cpu_count()} cores")
    print(f"{'run':<34}{'articles/s':>12}{'seconds':>10}")
    print(f"{'one process, no Dask (anchor)':<34}{articles / anchor_s:>12.2f}{anchor_s:>10.1f}")
    for name, seconds in (("Dask, 1 worker", t1), ("Dask, 2 workers", t2)):
        print(f"{name:<34}{articles / seconds:>12.2f}{seconds:>10.1f}")
    verdict = "meets" if speedup >= TARGET_SPEEDUP else "MISSES"
    print(f"speed-up 2 workers / 1 worker: {speedup:.2f} ({verdict} target >= {TARGET_SPEEDUP})")
    print("time shares (2 workers, worker and client seconds): "
          + ", ".join(f"{k} {v:.1%}" for k, v in shares.items()))
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
        "anchor_one_process": {"seconds": anchor_s, "articles_per_s": articles / anchor_s},
        "workers_1": {"seconds": t1, "runs": times["1 worker"], "articles_per_s": articles / t1},
        "workers_2": {"seconds": t2, "runs": times["2 workers"], "articles_per_s": articles / t2},
        "speedup": speedup, "target_speedup": TARGET_SPEEDUP,
        "time_shares": shares, "stage_seconds": dict(stats.seconds),
        "memory": memory,
    })


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


def _shares(stats: RunStats) -> dict[str, float]:
    total = sum(stats.seconds.values()) or 1.0
    return {stage: seconds / total for stage, seconds in stats.seconds.most_common()}


if __name__ == "__main__":
    main()
