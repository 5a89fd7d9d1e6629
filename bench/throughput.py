"""Throughput: claimgraph's whole analysis beside bare spaCy on the same texts, in one run.

    python bench/throughput.py --data ../shared/data/polnear --split dev

Bare spaCy is the anchor: ``nlp.pipe`` with the same model over the same article texts.
Runs alternate (anchor, ours, anchor, ours, ...) so that machine noise hits both alike; the
table reports medians and their ratio, and the time each of our components adds, measured
by running it alone over the already-parsed documents.
"""

from __future__ import annotations

import statistics
import time

from common import bench_arg_parser, environment, load_jsonl, write_result

import spacy

from claimgraph.analyze.pipeline import COMPONENTS, load_nlp
from claimgraph.api import analyze_many
from claimgraph.settings import get_settings

TARGET_RATIO = 0.8  # claimgraph's articles/s at least 0.8 of bare spaCy's


def main() -> None:
    parser = bench_arg_parser(__doc__, "polnear", split=True)
    parser.add_argument("--repeats", type=int, default=3, help="Alternating runs of each side.")
    args = parser.parse_args()
    texts = [row["text"] for row in load_jsonl(args.data / f"{args.split}.jsonl")]
    words = sum(len(t.split()) for t in texts)
    settings = get_settings()

    bare = spacy.load(settings.spacy_model)
    ours = load_nlp(settings.spacy_model)
    list(bare.pipe(texts[:4]))  # warm both before timing
    list(analyze_many(texts[:4], settings=settings))

    bare_times, our_times = [], []
    for _ in range(args.repeats):
        bare_times.append(_timed(lambda: list(bare.pipe(texts, batch_size=settings.batch_size))))
        our_times.append(_timed(lambda: list(analyze_many(texts, settings=settings))))
    bare_s, ours_s = statistics.median(bare_times), statistics.median(our_times)
    ratio = bare_s / ours_s  # = our articles/s over bare articles/s
    components = _component_seconds(ours, texts)

    print(f"{len(texts)} articles, {words:,} words ({args.split}); medians of {args.repeats} runs")
    print(f"{'pipeline':<28}{'articles/s':>12}{'words/s':>12}{'seconds':>10}")
    for name, seconds in (("bare spaCy (anchor)", bare_s), ("claimgraph analyze", ours_s)):
        print(f"{name:<28}{len(texts) / seconds:>12.1f}{words / seconds:>12,.0f}{seconds:>10.2f}")
    verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
    print(f"ratio claimgraph/bare: {ratio:.3f} ({verdict} target >= {TARGET_RATIO})")
    parse_s = components.pop("_parse")
    for name, seconds in components.items():
        print(f"  {name:<26} adds {seconds:6.2f}s = {100 * seconds / parse_s:5.1f}% of parsing")

    write_result("throughput", {
        **environment(settings.spacy_model),
        "data": f"polnear/{args.split}", "articles": len(texts), "words": words,
        "repeats": args.repeats,
        "bare_spacy": {"seconds_median": bare_s, "seconds_all": bare_times,
                       "articles_per_s": len(texts) / bare_s, "words_per_s": words / bare_s},
        "claimgraph": {"seconds_median": ours_s, "seconds_all": our_times,
                       "articles_per_s": len(texts) / ours_s, "words_per_s": words / ours_s},
        "ratio": ratio, "target_ratio": TARGET_RATIO, "meets_target": ratio >= TARGET_RATIO,
        "component_seconds": components,
        "component_share_of_parsing": {k: v / parse_s for k, v in components.items()},
    })


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _component_seconds(nlp, texts: list[str]) -> dict[str, float]:
    """Seconds each of our components takes alone over docs parsed by spaCy's own components."""
    ours = [name for name in nlp.pipe_names if name in COMPONENTS]
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, disable=ours))
    seconds = {"_parse": time.perf_counter() - start}
    for name in ours:
        component = nlp.get_pipe(name)
        seconds[name] = _timed(lambda: [component(doc) for doc in docs])
    return seconds


if __name__ == "__main__":
    main()
