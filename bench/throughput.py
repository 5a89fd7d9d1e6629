"""Throughput: claimgraph's whole analysis beside bare spaCy on the same texts, in one run.

    python bench/throughput.py --data ../shared/data/polnear --split dev

Bare spaCy is the anchor: ``nlp.pipe`` with the same model over the same article texts.
Runs alternate (anchor, ours, anchor, ours, ...) so that machine noise hits both alike; the
table reports medians and their ratio, and the time each of our components adds, measured
by running it alone over the already-parsed documents. The ratio is one of CPU seconds (the
process's own work, which other processes on a shared machine do not stretch, as they do wall
time); the wall-clock medians and their ratio are reported beside it.

Long texts (``--long``, default 100k, 300k and 1M characters: dev articles joined by blank
lines) are each analyzed in a fresh process, which reports its seconds and peak resident
memory; targets: seconds per character flat (1M within 1.25x of 100k) and peak under 1 GB.
``--only-long`` measures them alone and updates that part of the result file.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time

from common import RESULTS, bench_arg_parser, environment, load_jsonl, status_mb, write_result

import spacy

from claimgraph.analyze.pipeline import COMPONENTS, load_nlp
from claimgraph.api import analyze_many
from claimgraph.settings import get_settings

TARGET_RATIO = 0.85  # claimgraph's articles/s at least 0.85 of bare spaCy's
PEAK_LIMIT_MB = 1024
LINEAR_SLACK = 1.25  # seconds per character of the longest text within 1.25x of the shortest


def main() -> None:
    parser = bench_arg_parser(__doc__, "polnear", split=True)
    parser.add_argument("--repeats", type=int, default=5, help="Alternating runs of each side.")
    parser.add_argument("--long", default="100000,300000,1000000",
                        help="Long-text sizes in characters, comma-separated ('' for none).")
    parser.add_argument("--only-long", action="store_true", help="Measure the long texts only.")
    parser.add_argument("--one-long", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    texts = [row["text"] for row in load_jsonl(args.data / f"{args.split}.jsonl")]
    if args.one_long:
        return _one_long(texts, args.one_long)
    sizes = [int(n) for n in args.long.split(",") if n.strip()]
    if args.only_long:
        path = RESULTS / "throughput.json"
        result = json.loads(path.read_text()) if path.exists() else {}
        result["long_texts"] = _long_texts(args, sizes)
        return write_result("throughput", result)
    words = sum(len(t.split()) for t in texts)
    settings = get_settings()

    bare = spacy.load(settings.spacy_model)
    ours = load_nlp(settings.spacy_model)
    list(bare.pipe(texts[:4]))  # warm both before timing
    list(analyze_many(texts[:4], settings=settings))

    bare_runs, our_runs = [], []  # (wall, CPU) seconds
    for _ in range(args.repeats):
        bare_runs.append(_timed(lambda: list(bare.pipe(texts, batch_size=settings.batch_size))))
        our_runs.append(_timed(lambda: list(analyze_many(texts, settings=settings))))
    bare_wall, ours_wall = (statistics.median(w for w, _ in runs) for runs in (bare_runs, our_runs))
    bare_s, ours_s = (statistics.median(c for _, c in runs) for runs in (bare_runs, our_runs))
    ratio = bare_s / ours_s  # = our articles per CPU second over bare spaCy's
    components = _component_seconds(ours, texts)

    print(f"{len(texts)} articles, {words:,} words ({args.split}); medians of {args.repeats} runs")
    print(f"{'pipeline':<28}{'articles/s':>12}{'words/s':>12}{'CPU s':>8}{'wall s':>8}")
    for name, seconds, wall in (("bare spaCy (anchor)", bare_s, bare_wall),
                                ("claimgraph analyze", ours_s, ours_wall)):
        print(f"{name:<28}{len(texts) / seconds:>12.1f}{words / seconds:>12,.0f}"
              f"{seconds:>8.2f}{wall:>8.2f}")
    verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
    print(f"ratio claimgraph/bare (CPU time): {ratio:.3f} ({verdict} target >= {TARGET_RATIO}); "
          f"wall clock {bare_wall / ours_wall:.3f}")
    parse_s = components.pop("_parse")
    for name, seconds in components.items():
        print(f"  {name:<26} adds {seconds:6.2f}s = {100 * seconds / parse_s:5.1f}% of parsing")

    write_result("throughput", {
        **environment(settings.spacy_model),
        "data": f"polnear/{args.split}", "articles": len(texts), "words": words,
        "repeats": args.repeats,
        "bare_spacy": _side(bare_runs, len(texts), words),
        "claimgraph": _side(our_runs, len(texts), words),
        "ratio": ratio, "ratio_measure": "CPU seconds", "wall_ratio": bare_wall / ours_wall,
        "target_ratio": TARGET_RATIO, "meets_target": ratio >= TARGET_RATIO,
        "component_seconds": components,
        "component_share_of_parsing": {k: v / parse_s for k, v in components.items()},
        "long_texts": _long_texts(args, sizes),
    })


def _long_texts(args, sizes: list[int]) -> dict:
    """Each size analyzed in a fresh process (so peak memory is its own), beside the same
    process analyzing one short article (the model's own footprint)."""
    rows = []
    for size in [1000, *sizes]:
        out = subprocess.run(
            [sys.executable, __file__, "--data", str(args.data), "--split", args.split,
             "--one-long", str(size)], check=True, capture_output=True, text=True,
        ).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    base, rows = rows[0], rows[1:]
    print(f"{'characters':>12}{'seconds':>10}{'s per 100k':>12}{'peak MB':>10}{'quotes':>8}")
    for row in [base, *rows]:
        print(f"{row['chars']:>12,}{row['seconds']:>10.1f}"
              f"{100_000 * row['seconds'] / row['chars']:>12.2f}{row['peak_mb']:>10.0f}"
              f"{row['quotes']:>8}")
    if not rows:
        return {}
    rate = [row["seconds"] / row["chars"] for row in rows]
    growth = rate[-1] / rate[0]
    peak = max(row["peak_mb"] for row in rows)
    print(f"time per character, longest/shortest: {growth:.2f} "
          f"({'meets' if growth <= LINEAR_SLACK else 'MISSES'} target <= {LINEAR_SLACK}); "
          f"peak {peak:.0f} MB ({'meets' if peak < PEAK_LIMIT_MB else 'MISSES'} target "
          f"< {PEAK_LIMIT_MB} MB; {base['peak_mb']:.0f} MB with a short article)")
    return {"sizes": rows, "short_article": base, "time_per_char_growth": growth,
            "target_growth": LINEAR_SLACK, "peak_mb": peak, "target_peak_mb": PEAK_LIMIT_MB,
            "meets_target": growth <= LINEAR_SLACK and peak < PEAK_LIMIT_MB}


def _one_long(texts: list[str], size: int) -> None:
    joined, n = "", 0
    while len(joined) < size:
        joined += texts[n % len(texts)] + "\n\n"
        n += 1
    text = joined[:size]
    settings = get_settings(max_chars=max(size, get_settings().max_chars))
    list(analyze_many(["Warm-up. “We are ready,” she said."], settings=settings))
    start = time.perf_counter()
    [analysis] = list(analyze_many([text], plain=True, settings=settings))
    seconds = time.perf_counter() - start
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent through fork and exec,
    # so a parent grown large by the throughput runs would stand in for this process's peak.
    peak = status_mb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"chars": size, "seconds": seconds, "peak_mb": peak,
                      "quotes": len(analysis.quotes), "claims": len(analysis.claims)}))


def _timed(run) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``run()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def _side(runs: list[tuple[float, float]], articles: int, words: int) -> dict:
    cpu = statistics.median(c for _, c in runs)
    return {"cpu_seconds_median": cpu, "cpu_seconds_all": [c for _, c in runs],
            "wall_seconds_median": statistics.median(w for w, _ in runs),
            "wall_seconds_all": [w for w, _ in runs],
            "articles_per_cpu_s": articles / cpu, "words_per_cpu_s": words / cpu}


def _component_seconds(nlp, texts: list[str]) -> dict[str, float]:
    """CPU seconds each of our components takes alone over docs parsed by spaCy's own
    components."""
    ours = [name for name in nlp.pipe_names if name in COMPONENTS]
    start = time.process_time()
    docs = list(nlp.pipe(texts, disable=ours))
    seconds = {"_parse": time.process_time() - start}
    for name in ours:
        component = nlp.get_pipe(name)
        seconds[name] = _timed(lambda: [component(doc) for doc in docs])[1]
    return seconds


if __name__ == "__main__":
    main()
