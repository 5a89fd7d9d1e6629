"""Soak: thousands of articles through one `claimgraph analyze --format jsonl` process, with its
resident memory sampled as it goes.

    python bench/soak.py --data ../shared/data/polnear --articles 5000

The PolNeAR dev and train texts are repeated (each repeat with its own opening line, so no two
inputs are identical) into one JSONL dump, which one CLI process analyzes. Every 100 articles
read from its output, the process's resident memory (VmRSS) is sampled. Target: flat memory,
the last sample within 10% of the sample at article 500 (by then the model, caches and the
duplicate index of the distinct texts are warm). Writes bench/results/soak.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import bench_arg_parser, environment, load_jsonl, status_mb, write_result

EVERY = 100
WARM_AT = 500
TOLERANCE = 0.10


def main() -> None:
    parser = bench_arg_parser(__doc__, "polnear")
    parser.add_argument("--articles", type=int, default=5000, help="Articles to analyze.")
    parser.add_argument("--minutes", type=float, default=0,
                        help="Stop the run after this long and report what it reached (0: none).")
    args = parser.parse_args()
    texts = [row["text"] for split in ("dev", "train")
             for row in load_jsonl(args.data / f"{split}.jsonl")]
    claimgraph = Path(sys.executable).with_name("claimgraph")
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "soak.jsonl"
        with dump.open("w", encoding="utf-8") as fh:
            for n in range(args.articles):
                text = f"Soak report {n}.\n\n" + texts[n % len(texts)]
                fh.write(json.dumps({"text": text}) + "\n")
        samples, seconds, failed = _run(claimgraph, dump, args.articles, Path(tmp) / "stderr",
                                        args.minutes * 60)
    at_warm = next((mb for n, mb in samples if n == WARM_AT), samples[0][1])
    last_n, last = samples[-1]
    growth = last / at_warm - 1 if at_warm else None
    meets = growth is not None and abs(growth) <= TOLERANCE
    print(f"{'articles':>9}{'RSS MB':>9}")
    for n, mb in samples:
        print(f"{n:>9,}{mb:>9.0f}")
    print(f"{last_n:,} articles in {seconds / 60:.1f} min ({last_n / seconds:.2f}/s), "
          f"{failed} failed; RSS at {WARM_AT}: {at_warm:.0f} MB, last: {last:.0f} MB, "
          f"change {100 * growth:+.1f}% ({'meets' if meets else 'MISSES'} target "
          f"within {100 * TOLERANCE:.0f}%)")
    write_result("soak", {
        **environment(), "data": "polnear dev+train, repeated", "articles": last_n,
        "failed": failed, "seconds": seconds, "sample_every": EVERY,
        "rss_mb": [{"articles": n, "rss_mb": mb} for n, mb in samples],
        "rss_at_warm_mb": at_warm, "warm_at": WARM_AT, "rss_last_mb": last,
        "growth_after_warm": growth, "tolerance": TOLERANCE, "meets_target": meets,
    })


def _run(claimgraph: Path, dump: Path, expected: int, errors: Path,
         limit: float) -> tuple[list[tuple[int, float]], float, int]:
    """RSS samples (articles done, MB) of one CLI run over ``dump``, its seconds, failures;
    with a ``limit`` in seconds, the run is stopped then."""
    start = time.perf_counter()
    with errors.open("w") as stderr:  # a file, not a pipe: a full pipe would stall the run
        proc = subprocess.Popen(
            [str(claimgraph), "analyze", "--format", "jsonl", str(dump)],
            stdout=subprocess.PIPE, stderr=stderr, text=True,
        )
    samples = []
    done = 0
    for line in proc.stdout:
        if line.strip():
            done += 1
        if done % EVERY == 0 and (not samples or samples[-1][0] != done):
            samples.append((done, status_mb("VmRSS", proc.pid)))
            if limit and time.perf_counter() - start > limit:
                proc.terminate()
                expected = done
                break
    proc.wait()
    failed = expected - done
    if failed:
        print(errors.read_text()[-2000:], file=sys.stderr)
    return samples, time.perf_counter() - start, failed


if __name__ == "__main__":
    main()
