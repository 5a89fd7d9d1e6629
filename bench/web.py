"""Web app: render times of the main pages and API calls over 2,000 stored articles, and a
bounded load run from 8 concurrent clients, all on 127.0.0.1.

    python bench/web.py --data ../shared/data/polnear

The PolNeAR dev texts are analyzed once, then stored again and again as copies from other
outlets and days (new URL, outlet and date) until the store holds ``--articles`` of them. The
app runs as a user runs it (``claimgraph serve`` in its own process); requests go one at a
time for the render times, then from ``--clients`` threads for the load run. The anchor, read
in the same run: the store calls each page is built on, timed in this process (page time minus
anchor = the web layer's own cost).

Re-runs take minutes with ``--cache FILE`` (the analyses, written on the first run) and
``--db FILE`` (the store, reused when it holds ``--articles``).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx
from common import bench_arg_parser, environment, load_jsonl, write_result

from claimgraph.api import analyze_many
from claimgraph.link import persist
from claimgraph.model import Analysis
from claimgraph.settings import get_settings
from claimgraph.store import Store, open_store
from claimgraph.web import links
from claimgraph.web.pages import PAGE
from claimgraph.web.profile import profile

TARGET_P95_MS = 300
OUTLETS = ["Harbor Gazette", "Valley Times", "Northern Post", "City Wire", "Daily Ledger",
           "Evening Star", "Metro Herald", "Coastal Review"]
SEARCHES = ["Clinton", "Trump campaign", "debate", "emails", "tax returns", "police",
            "\"White House\"", "voters", "Russia", "health"]


def main() -> None:
    parser = bench_arg_parser(__doc__, "polnear")
    parser.add_argument("--articles", type=int, default=2000, help="Articles stored.")
    parser.add_argument("--samples", type=int, default=40, help="Timed requests per page.")
    parser.add_argument("--load-requests", type=int, default=1600,
                        help="Requests in the load run (fixed; it stops by itself).")
    parser.add_argument("--clients", type=int, default=8, help="Concurrent clients.")
    parser.add_argument("--db", help="Reuse this store: a SQLite file or a database URL "
                        "(built when it holds fewer than --articles).")
    parser.add_argument("--cache", type=Path, help="JSONL of the analyses: read when it "
                        "exists, else written after analyzing.")
    args = parser.parse_args()
    rng = random.Random(7)

    if args.db and "://" in args.db:
        url = args.db
    else:
        db = Path(args.db) if args.db else Path(tempfile.mkdtemp(prefix="cg-web-")) / "web.db"
        url = f"sqlite:///{db}"
    with Store(url) as kept:  # a store kept from an earlier run may have an older schema
        kept.upgrade()
    with open_store(url) as store:
        if store.counts()["articles"] < args.articles:
            build(store, args.data / "dev.jsonl", args.articles, args.cache)
        counts = store.counts()
        ids = [a.id for a in store.articles(limit=args.articles)]
        cluster_ids = [c.id for c in persist.clusters(store, min_size=2, limit=50)]
        speaker, quotes = busiest_speaker(store)
        anchors = {
            "article": timed(lambda: store.analysis(rng.choice(ids)), args.samples),
            "entity": timed(lambda: (ids := links.named_rows(store, speaker),
                                     profile(store, speaker, ids=ids),
                                     store.statements(speaker, limit=PAGE, ids=ids)),
                            args.samples),
            "home": timed(lambda: (store.stats(), store.articles(limit=PAGE + 1),
                                   links.contested(store)), args.samples),
            "search": timed(lambda: store.search(rng.choice(SEARCHES), limit=50), args.samples),
            "cluster": timed(lambda: links.cluster(store, rng.choice(cluster_ids)), args.samples),
        }
    print(f"store: {counts['articles']:,} articles, {counts['quotes']:,} quotes, "
          f"{counts['claims']:,} claims; entity page for {speaker} ({quotes:,} quotes)")

    who = quote(speaker)
    calls = {
        "page /": lambda: "/",
        "page /articles/{id}": lambda: f"/articles/{rng.choice(ids)}",
        "page /who/{name}": lambda: f"/who/{who}",
        "page /search": lambda: f"/search?q={quote(rng.choice(SEARCHES))}",
        "page /claims": lambda: "/claims?status=hedged",
        "page /clusters/{id}": lambda: f"/clusters/{quote(rng.choice(cluster_ids))}",
        "page /graph": lambda: "/graph",
        "api /api/articles": lambda: f"/api/articles?limit=50&offset={rng.randrange(0, 500)}",
        "api /api/articles/{id}": lambda: f"/api/articles/{rng.choice(ids)}",
        "api /api/entities/{name}": lambda: f"/api/entities/{who}?limit=50",
        "api /api/search": lambda: f"/api/search?q={quote(rng.choice(SEARCHES))}",
        "api /api/claims": lambda: "/api/claims?status=confirmed&limit=50",
        "api /api/stats": lambda: "/api/stats",
        "api /api/clusters": lambda: "/api/clusters?limit=20",
    }
    with served(url) as base:
        with httpx.Client(base_url=base, timeout=60) as client:
            for make in calls.values():  # warm each route once
                client.get(make())
            times = {name: timed(lambda m=make: ok(client.get(m())), args.samples)
                     for name, make in calls.items()}
        load = load_run(base, list(calls.values()), args.load_requests, args.clients, rng)

    anchor_of = {"page /": "home", "page /articles/{id}": "article", "page /who/{name}": "entity",
                 "page /search": "search", "page /clusters/{id}": "cluster"}
    print(f"\n{'request':<28}{'median ms':>10}{'p95 ms':>9}  {'store call p95 (anchor)':>24}  target")
    rows = {}
    for name, samples in times.items():
        p50, p95 = ms(statistics.median(samples)), ms(percentile(samples, 95))
        anchor = anchors.get(anchor_of.get(name, ""))
        anchor_p95 = ms(percentile(anchor, 95)) if anchor else None
        verdict = "met" if p95 < TARGET_P95_MS else "MISSED"
        print(f"{name:<28}{p50:>10.1f}{p95:>9.1f}  {anchor_p95 if anchor_p95 is not None else '':>24}"
              f"  p95 < {TARGET_P95_MS}: {verdict}")
        rows[name] = {"median_ms": p50, "p95_ms": p95, "samples": len(samples),
                      "store_call_p95_ms": anchor_p95, "target_met": p95 < TARGET_P95_MS}
    print(f"\nload run: {load['requests']:,} requests from {args.clients} clients in "
          f"{load['seconds']:.1f}s = {load['per_second']:.1f}/s; median {load['median_ms']:.0f} ms, "
          f"p95 {load['p95_ms']:.0f} ms; errors: {load['errors']}")

    write_result("web", {
        **environment(), "data": "polnear/dev (analyzed once, stored as copies)",
        "store": {**counts, "entity": speaker, "entity_quotes": quotes},
        "target_p95_ms": TARGET_P95_MS, "requests": rows,
        "clusters_measured": len(cluster_ids),
        "load": load,
    })


def build(store, path: Path, total: int, cache: Path | None) -> None:
    """Store ``total`` articles: the analyzed texts (linked), then copies as if from other
    outlets (not linked: linking every copy of a story is the linking benchmark's business)."""
    rows = load_jsonl(path)
    started = time.perf_counter()
    if cache and cache.exists():
        analyses = [Analysis.model_validate_json(line) for line in cache.open(encoding="utf-8")]
    else:
        analyses = list(analyze_many([row["text"] for row in rows], settings=get_settings()))
        if cache:
            cache.write_text("".join(a.model_dump_json() + "\n" for a in analyses), "utf-8")
    print(f"analyzed {len(analyses)} texts in {time.perf_counter() - started:.0f}s")
    started = time.perf_counter()
    for n in range(total):
        if n == len(rows):
            run = persist.link(store)
            print(f"linked {run.articles} articles into {run.clusters:,} claim clusters in "
                  f"{run.seconds:.0f}s")
        row, analysis = rows[n % len(rows)], analyses[n % len(rows)]
        day = dt.date.fromisoformat(row["publication_date"]) + dt.timedelta(days=n // len(rows))
        outlet = OUTLETS[n % len(OUTLETS)] if n >= len(rows) else row["publisher"]
        store.save(analysis.model_copy(update={
            "source": f"{row['id']}#{n}", "url": f"https://news{n % 50}.example/{row['id']}/{n}",
            "title": row["title"], "outlet": outlet, "published": day}))
        if n % 200 == 199:
            print(f"  stored {n + 1:,} ({time.perf_counter() - started:.0f}s)", flush=True)


def busiest_speaker(store) -> tuple[str, int]:
    """The most quoted speaker with at least 1,000 quotes (else the most quoted)."""
    top = store.stats().top_speakers
    over = [(name, n) for name, n in top if n >= 1000]
    return min(over, key=lambda s: s[1]) if over else top[0]


class served:
    """``claimgraph serve`` over ``url`` on a free loopback port, in its own process."""

    def __init__(self, url: str):
        import socket
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = url

    def __enter__(self) -> str:
        claimgraph = Path(sys.executable).with_name("claimgraph")
        env = {k: v for k, v in os.environ.items() if k != "CLAIMGRAPH_TOKEN"}
        self.process = subprocess.Popen(
            [str(claimgraph), "serve", "--db", self.url, "--port", str(self.port)],
            stdout=subprocess.DEVNULL, env=env)
        base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/api/stats", timeout=5).status_code == 200:
                    return base
            except httpx.HTTPError:
                time.sleep(0.2)
        raise SystemExit("the server did not start")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(10)


def load_run(base: str, makers, total: int, clients: int, rng: random.Random) -> dict:
    """``total`` requests over the routes in turn from ``clients`` threads; each thread takes
    the next request from a shared counter, so the run stops by itself."""
    paths = [makers[n % len(makers)]() for n in range(total)]
    rng.shuffle(paths)
    lock, latencies, errors, taken = threading.Lock(), [], [], [0]

    def client() -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            while True:
                with lock:
                    if taken[0] >= total:
                        return
                    path = paths[taken[0]]
                    taken[0] += 1
                started = time.perf_counter()
                try:
                    status = http.get(path).status_code
                    if status != 200:
                        errors.append(f"{status} {path}")
                except httpx.HTTPError as error:
                    errors.append(f"{type(error).__name__} {path}")
                with lock:
                    latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    return {"requests": total, "clients": clients, "seconds": round(seconds, 2),
            "per_second": round(total / seconds, 1), "errors": len(errors),
            "error_examples": errors[:5], "median_ms": ms(statistics.median(latencies)),
            "p95_ms": ms(percentile(latencies, 95))}


def ok(response: httpx.Response) -> None:
    if response.status_code != 200:
        raise SystemExit(f"{response.request.url}: {response.status_code} {response.text[:200]}")


def timed(action, samples: int) -> list[float]:
    result = []
    for _ in range(samples):
        started = time.perf_counter()
        action()
        result.append(time.perf_counter() - started)
    return result


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


if __name__ == "__main__":
    main()
