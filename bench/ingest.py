"""Ingest: `claimgraph ingest` into SQLite and PostgreSQL beside `claimgraph analyze --format
jsonl` on the same texts, in one run; then memory, store size and query latency at scale.

    python bench/ingest.py --data ../shared/data/polnear

1. Throughput: the PolNeAR dev articles, written out as a JSONL dump, go through the real
   commands in this process (the spaCy model is loaded once beforehand, so neither side pays
   for it): `analyze --format jsonl` (the anchor, output to /dev/null), `ingest` into a fresh
   SQLite file, `ingest` into a fresh PostgreSQL database, alternating, medians of --repeats.
   Target: ingest at least 0.9 of analyze's articles/s on both databases.
2. Scale: --articles (5,000) articles made from PolNeAR train and dev, each a window of a few
   sentences of one article plus a numbered dateline, so every one is distinct (short
   articles of 2 or 3 sentences, so that the run fits in minutes on a shared machine). Each
   database gets them from one `claimgraph ingest` process whose resident memory (with its
   writing process's, which links as it saves) is sampled with the number of articles stored
   so far; target: flat (the peak over the last fifth of the articles no higher than 1.1x
   that over the second fifth; the first holds the start-up, and the last link writing after
   the last article is reported apart). Then store
   size per 1,000 articles, and median latency of `search` and `who` (as the commands ask
   the store: 10 and 50 results) on that store (target < 200 ms).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import resource
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import bench_arg_parser, environment, load_jsonl, status_mb, write_result
from sqlalchemy import create_engine, text

from claimgraph.analyze.pipeline import load_nlp
from claimgraph.cli import app
from claimgraph.link import persist
from claimgraph.settings import get_settings
from claimgraph.store import open_store, parse_url

TARGET_RATIO = 0.9
TARGET_LATENCY_MS = 200
TARGET_MEMORY_GROWTH = 1.1
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def main() -> None:
    parser = bench_arg_parser(__doc__, "polnear")
    parser.add_argument("--repeats", type=int, default=2, help="Alternating runs of each side.")
    parser.add_argument("--articles", type=int, default=5000, help="Articles in the scale run.")
    parser.add_argument("--postgres", default=os.environ.get(
        "CLAIMGRAPH_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"),
        help="A PostgreSQL server (URL of any database on it) on which a bench database is "
        "made; 'none' to measure SQLite only.")
    args = parser.parse_args()
    dev = load_jsonl(args.data / "dev.jsonl")
    everything = load_jsonl(args.data / "train.jsonl") + dev
    settings = get_settings()
    work = Path(tempfile.mkdtemp(prefix="claimgraph-bench-"))
    databases = {"sqlite": lambda name: f"sqlite:///{work / name}.db"}
    if args.postgres != "none":
        databases["postgresql"] = lambda name: _fresh_postgres(args.postgres, name)

    load_nlp(settings.spacy_model)
    dump = work / "dev.jsonl"
    _write_jsonl(dump, [{"text": row["text"], "title": row["title"]} for row in dev])
    words = sum(len(row["text"].split()) for row in dev)
    throughput = _throughput(dump, len(dev), words, databases, args.repeats)

    texts = _short_articles(everything, args.articles)
    big = work / "scale.jsonl"
    _write_jsonl(big, [{"text": t} for t in texts])
    scale = {name: _scale(big, len(texts), make("claimgraph_bench_scale"))
             for name, make in databases.items()}
    for name, result in scale.items():
        result["size_per_1000_full_length_mb"] = throughput[f"ingest_{name}"]["size_per_1000_mb"]

    _print(throughput, scale, len(dev), words, len(texts), args.repeats)
    ratios = {name: throughput[f"ingest_{name}"]["ratio"] for name in databases}
    write_result("ingest", {
        **environment(settings.spacy_model), "data": "polnear dev (throughput); polnear "
        "train+dev sentence windows (scale)", "repeats": args.repeats,
        "throughput": throughput, "scale": scale,
        "scale_articles_are_short": (f"{args.articles} articles of "
                                     f"{statistics.mean(len(t.split()) for t in texts):.0f} words "
                                     "on average, made from PolNeAR sentence windows"),
        "targets": {"ratio": TARGET_RATIO, "latency_ms": TARGET_LATENCY_MS,
                    "memory_growth": TARGET_MEMORY_GROWTH},
        "meets_targets": {
            **{f"ratio_{name}": ratio >= TARGET_RATIO for name, ratio in ratios.items()},
            **{f"latency_{name}": max(r["search_ms_median"], r["who_ms_median"])
               < TARGET_LATENCY_MS for name, r in scale.items()},
            **{f"memory_{name}": r["memory_growth"] <= TARGET_MEMORY_GROWTH
               for name, r in scale.items()}},
    })


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _fresh_postgres(server: str, name: str) -> str:
    base = parse_url(server)
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def _command(*args: str) -> None:
    """A claimgraph command in this process, its output thrown away."""
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink), \
            contextlib.redirect_stderr(sink):
        try:
            app(list(args), standalone_mode=False)
        except SystemExit as exit:
            if exit.code:
                raise RuntimeError(f"claimgraph {' '.join(args)} exited {exit.code}") from None


def _store_size_mb(url: str) -> float:
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        return sum(Path(parsed.database + s).stat().st_size
                   for s in ("", "-wal") if Path(parsed.database + s).exists()) / 1e6
    engine = create_engine(parsed)
    with engine.connect() as connection:
        size = connection.execute(text("SELECT pg_database_size(current_database())")).scalar()
        empty = connection.execute(text("SELECT pg_database_size('template1')")).scalar()
    engine.dispose()
    return (size - empty) / 1e6


def _throughput(dump: Path, n: int, words: int, databases, repeats: int) -> dict:
    warm = dump.with_name("warm.jsonl")
    warm.write_text("".join(dump.read_text(encoding="utf-8").splitlines(True)[:8]),
                    encoding="utf-8")
    _command("analyze", "--format", "jsonl", str(warm))  # warm up
    seconds: dict[str, list[float]] = {"analyze": [], **{f"ingest_{d}": [] for d in databases}}
    # CPU seconds of this process (all its threads) and of ingest's writing process: less
    # disturbed by other load than the wall clock, though without the PostgreSQL server's share.
    cpu: dict[str, list[float]] = {name: [] for name in seconds}
    sizes: dict[str, float] = {}
    for repeat in range(repeats):
        start, start_cpu = time.perf_counter(), _cpu_seconds()
        _command("analyze", "--format", "jsonl", str(dump))
        seconds["analyze"].append(time.perf_counter() - start)
        cpu["analyze"].append(_cpu_seconds() - start_cpu)
        for name, make in databases.items():
            url = make(f"claimgraph_bench_{repeat}")
            start, start_cpu = time.perf_counter(), _cpu_seconds()
            _command("ingest", "--db", url, str(dump))
            seconds[f"ingest_{name}"].append(time.perf_counter() - start)
            cpu[f"ingest_{name}"].append(_cpu_seconds() - start_cpu)
            sizes[name] = _store_size_mb(url) * 1000 / n
    anchor = statistics.median(seconds["analyze"])
    anchor_cpu = statistics.median(cpu["analyze"])
    result = {"analyze": {"seconds_all": seconds["analyze"], "seconds_median": anchor,
                          "articles_per_s": n / anchor, "words_per_s": words / anchor,
                          "cpu_seconds_median": anchor_cpu}}
    for name in databases:
        median = statistics.median(seconds[f"ingest_{name}"])
        median_cpu = statistics.median(cpu[f"ingest_{name}"])
        result[f"ingest_{name}"] = {
            "seconds_all": seconds[f"ingest_{name}"], "seconds_median": median,
            "articles_per_s": n / median, "words_per_s": words / median,
            "ratio": anchor / median, "size_per_1000_mb": sizes[name],
            "cpu_seconds_median": median_cpu, "cpu_ratio": anchor_cpu / median_cpu}
    return result


def _short_articles(rows: list[dict], count: int) -> list[str]:
    """``count`` distinct short articles: windows of 2 or 3 sentences, with a dateline."""
    chance = random.Random(13)
    sentences = [[s for s in SENTENCE.split(row["text"]) if len(s.split()) > 3] for row in rows]
    sentences = [s for s in sentences if len(s) >= 6]
    texts = []
    for n in range(count):
        source = sentences[n % len(sentences)]
        size = chance.randint(2, 3)
        start = chance.randrange(0, len(source) - size + 1)
        texts.append(f"Dispatch {n + 1}. " + " ".join(source[start:start + size]))
    return texts


def _stored(engine) -> int | None:
    """Articles stored so far (None while the schema is being made)."""
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM articles")).scalar()
    except Exception:  # the table does not exist yet, or the database is busy
        return None


def _scale(dump: Path, n: int, url: str) -> dict:
    """Ingest ``dump`` in a process of its own, sampling its memory and how many articles it
    has stored; then sizes and latency."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", "from claimgraph.cli import main; main()", "ingest", "--db", url,
         str(dump)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    samples: list[tuple[float, int, float]] = []  # (seconds, articles stored, RSS MB)
    counter = create_engine(parse_url(url))
    while process.poll() is None:
        rss = _tree_rss_mb(process.pid)
        stored = _stored(counter)
        if rss is not None and stored is not None:
            samples.append((time.perf_counter() - start, stored, rss))
        time.sleep(0.5)
    counter.dispose()
    seconds = time.perf_counter() - start
    summary = process.stderr.read().strip().splitlines()
    if process.returncode not in (0, 1):
        raise RuntimeError(f"ingest failed: {summary[-3:]}")
    # Fifths of the articles stored; once the last is stored the run links, which is not
    # ingest and is reported apart.
    total = max(stored for _, stored, _ in samples)
    ingesting = samples[:next(i for i, (_, stored, _) in enumerate(samples) if stored == total) + 1]
    fifths = [[rss for _, stored, rss in ingesting if k * total / 5 < stored <= (k + 1) * total / 5]
              for k in range(5)]
    second, last = max(fifths[1]), max(fifths[4])
    with open_store(url) as store:
        counts = store.counts()
        stats = store.stats()
        names = [name for name, _ in stats.top_speakers][:10]
        words = ["president", "campaign", "election", "said", "police", "tax", "debate",
                 "\"white house\"", "emails", "nuclear"]
        for warm in words[:2] + names[:2]:
            store.search(warm)
            _who(store, warm)
        search_ms = [_ms(lambda w=w: store.search(w)) for w in words for _ in range(3)]
        who_ms = [_ms(lambda w=w: _who(store, w)) for w in names for _ in range(3)]
    size = _store_size_mb(url)
    return {
        "articles": n, "stored": counts["articles"], "duplicates": counts["duplicates"],
        "summary": summary[-1] if summary else "", "seconds": seconds,
        "articles_per_s": n / seconds,
        "seconds_to_last_stored": ingesting[-1][0],
        "memory_mb_peak_ingest": max(rss for _, _, rss in ingesting),
        "memory_mb_peak_with_linking": max(rss for _, _, rss in samples),
        "memory_mb_by_fifth": [max(f) if f else None for f in fifths],
        "memory_growth": last / second,
        "size_mb": size, "size_per_1000_mb": size * 1000 / counts["articles"],
        "search_ms_median": statistics.median(search_ms), "who_ms_median": statistics.median(who_ms),
        "search_ms_max": max(search_ms), "who_ms_max": max(who_ms),
        "who_names": names, "search_terms": words,
    }


def _tree_rss_mb(pid: int) -> float | None:
    """Resident memory of a process and its children (an ingest and its writing process)."""
    own = status_mb("VmRSS", pid)
    if own is None:
        return None
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return own + sum(_tree_rss_mb(int(child)) or 0 for child in children)


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (an ingest's writer)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _who(store, name: str) -> None:
    """What `claimgraph who NAME` asks the store: the newest 50 statements across aliases."""
    persist.statements(store, name, limit=50)


def _ms(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _print(throughput: dict, scale: dict, n: int, words: int, count: int, repeats: int) -> None:
    print(f"Throughput: {n} PolNeAR dev articles, {words:,} words; medians of {repeats} runs")
    print(f"{'command':<34}{'articles/s':>11}{'seconds':>9}{'ratio':>8}{'MB/1000':>9}")
    anchor = throughput["analyze"]
    print(f"{'analyze --format jsonl (anchor)':<34}{anchor['articles_per_s']:>11.2f}"
          f"{anchor['seconds_median']:>9.1f}{1:>8.3f}{'':>9}")
    for key, row in throughput.items():
        if key.startswith("ingest_"):
            verdict = "" if row["ratio"] >= TARGET_RATIO else "  MISSES"
            print(f"{'ingest into ' + key.removeprefix('ingest_'):<34}{row['articles_per_s']:>11.2f}"
                  f"{row['seconds_median']:>9.1f}{row['ratio']:>8.3f}"
                  f"{row['size_per_1000_mb']:>9.1f}{verdict}")
    print(f"target: ingest >= {TARGET_RATIO} x analyze's articles/s")
    print(f"\nScale: {count} short articles ingested by one process per database")
    print(f"{'database':<12}{'art/s':>7}{'stored':>8}{'dups':>6}{'peak MB':>9}{'growth':>8}"
          f"{'MB/1000':>9}{'search ms':>11}{'who ms':>8}")
    for name, row in scale.items():
        print(f"{name:<12}{row['articles_per_s']:>7.1f}{row['stored']:>8}{row['duplicates']:>6}"
              f"{row['memory_mb_peak_ingest']:>9.0f}{row['memory_growth']:>8.2f}"
              f"{row['size_per_1000_mb']:>9.1f}{row['search_ms_median']:>11.1f}"
              f"{row['who_ms_median']:>8.1f}")
    print(f"targets: memory growth (last fifth / second fifth) <= {TARGET_MEMORY_GROWTH}; "
          f"search and who medians < {TARGET_LATENCY_MS} ms")


if __name__ == "__main__":
    main()
