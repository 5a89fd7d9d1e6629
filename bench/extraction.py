"""Article extraction benchmark: claimgraph's HTML extraction against trafilatura, in one run.

    python bench/extraction.py --data ../shared/data/article-extraction-benchmark

Scores claimgraph's article text and trafilatura's own output (defaults without comments, as
its published evaluation runs it; and with favor_precision) against both ground truths of the
Zyte article-extraction-benchmark with the benchmark's own measure (bench/extraction_metric.py),
times claimgraph and trafilatura in the same process, counts the embedded posts claimgraph
returns on the pages that embed them, and checks the scraped-text residue splitter on the
ground truths' own tweet residue. Prints a table and writes bench/results/extraction.json.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import trafilatura  # noqa: E402
from common import bench_arg_parser, environment, write_result  # noqa: E402
from extraction_metric import CorpusScore, score_corpus, score_page  # noqa: E402
from lxml import html as lxml_html  # noqa: E402

from claimgraph.errors import ClaimgraphError  # noqa: E402
from claimgraph.extract.html import article_from_html  # noqa: E402
from claimgraph.extract.text import article_from_text  # noqa: E402
from claimgraph.model import Article  # noqa: E402
from claimgraph.settings import get_settings  # noqa: E402

TRUTHS = {"gt": "ground-truth.json", "no-embeds": "ground-truth-no-embeds.json"}
TARGETS = {"f1_no_embeds": 0.965, "f1_gt_max_drop": 0.005, "speed_ratio": 0.8}
NOTES = [
    "'trafilatura' is trafilatura.extract(html, include_comments=False), otherwise defaults: "
    "comments are not article body, and this is how its published evaluation runs it "
    "(F1 0.960 on this set). 'trafilatura (comments kept)' is the bare default call.",
    "claimgraph takes embedded posts and widget lines (copyright, credits, 'Read more:') out "
    "of the body; the original ground truth keeps both, which costs recall against it.",
    "Speed is measured on a shared machine: the systems take turns page by page, in an order "
    "that flips with every page, so that both meet the same load; CPU-time rates are given too.",
]
# Embed markup counted independently of claimgraph's own detection.
EMBED_XPATHS = {
    "twitter": "//blockquote[contains(concat(' ', normalize-space(@class), ' '), ' twitter-tweet ')]",
    "instagram": "//blockquote[contains(@class, 'instagram-media')]",
    "tiktok": "//blockquote[contains(@class, 'tiktok-embed')]",
    "facebook": "//div[contains(concat(' ', normalize-space(@class), ' '), ' fb-post ')"
                " or contains(concat(' ', normalize-space(@class), ' '), ' fb-video ')]",
    "youtube": "//iframe[contains(@src, 'youtube.com/embed/')"
               " or contains(@src, 'youtube-nocookie.com/embed/')]",
}


def main() -> int:
    parser = bench_arg_parser(__doc__, "article-extraction-benchmark")
    parser.add_argument("--repeats", type=int, default=3,
                        help="timed passes over the pages per system (default: %(default)s)")
    args = parser.parse_args()

    pages, truths = load(args.data)
    print(f"{len(pages)} pages from {args.data}")

    articles: dict[str, Article | None] = {}

    def claimgraph(page_id: str, html: str) -> str:
        try:
            articles[page_id] = article_from_html(html, page_id)
        except ClaimgraphError:
            articles[page_id] = None
            return ""
        return articles[page_id].text

    systems: dict[str, Callable[[str, str], str]] = {
        "claimgraph": claimgraph,
        "trafilatura": lambda _, h: trafilatura.extract(h, include_comments=False) or "",
        "trafilatura favor_precision": lambda _, h: trafilatura.extract(
            h, include_comments=False, favor_precision=True) or "",
        "trafilatura (comments kept)": lambda _, h: trafilatura.extract(h) or "",
    }
    outputs = {name: {i: fn(i, h) for i, h in pages.items()} for name, fn in systems.items()}
    scores = {
        name: {t: score_corpus(score_page(truth[i]["articleBody"], out[i]) for i in pages)
               for t, truth in truths.items()}
        for name, out in outputs.items()
    }
    speed = time_systems(pages, {n: systems[n] for n in ("claimgraph", "trafilatura")}, args.repeats)
    embeds = embed_table(pages, articles)
    residue = residue_check(truths)

    report = build_report(args, scores, speed, embeds, residue, len(pages))
    print_report(report)
    write_result("extraction", report)
    return 0


def load(folder: Path) -> tuple[dict[str, str], dict[str, dict]]:
    missing = [name for name in ("html", *TRUTHS.values()) if not (folder / name).exists()]
    if missing:
        sys.exit(f"error: {folder} lacks {', '.join(missing)}: pass --data pointing at the "
                 "article-extraction-benchmark folder (html/*.html.gz and the ground-truth files)")
    truths = {t: json.loads((folder / name).read_text(encoding="utf-8")) for t, name in TRUTHS.items()}
    pages = {}
    for page_id in sorted(truths["gt"]):
        path = folder / "html" / f"{page_id}.html.gz"
        if not path.exists():
            sys.exit(f"error: {path} is missing")
        pages[page_id] = gzip.decompress(path.read_bytes()).decode("utf-8")
    return pages, truths


def time_systems(pages: dict[str, str], systems: dict, repeats: int) -> dict[str, dict[str, float]]:
    """Pages per second of wall-clock and of process CPU time over ``repeats`` passes.

    The machine is shared, so the systems take turns page by page (the first to run changing
    with every page) and both meet the same load from other processes."""
    spent = {name: {"wall": 0.0, "cpu": 0.0} for name in systems}
    order = list(systems)
    for _ in range(repeats):
        for page_id, html in pages.items():
            order.reverse()
            for name in order:
                wall, cpu = time.perf_counter(), time.process_time()
                systems[name](page_id, html)
                spent[name]["wall"] += time.perf_counter() - wall
                spent[name]["cpu"] += time.process_time() - cpu
    done = len(pages) * repeats
    return {name: {k: done / v for k, v in clocks.items()} for name, clocks in spent.items()}


def embed_table(pages: dict[str, str], articles: dict[str, Article | None]) -> list[dict]:
    rows = []
    for page_id, html in pages.items():
        tree = lxml_html.fromstring(html)
        counts = {p: len(tree.xpath(xp)) for p, xp in EMBED_XPATHS.items()}
        if not any(counts.values()):
            continue
        article = articles.get(page_id)
        posts = article.posts if article else []
        returned = Counter(p.platform for p in posts)
        complete = Counter(p.platform for p in posts if p.author and p.handle and p.date)
        for name, count in counts.items():
            if count:
                rows.append({"page": page_id[:8], "platform": name, "embeds": count,
                             "posts": returned[name], "with_author_handle_date": complete[name]})
    return rows


def residue_check(truths: dict[str, dict]) -> dict:
    """The scraped-text path on the pages whose ground truth keeps tweet residue: how close its
    body comes to the residue-free ground truth, and how many closing lines became posts."""
    gt, clean = truths["gt"], truths["no-embeds"]
    ids = [i for i in gt if gt[i]["articleBody"] != clean[i]["articleBody"]]
    before, after, expected, found = [], [], 0, 0
    for page_id in ids:
        body = gt[page_id]["articleBody"]
        article = article_from_text("Title\n" + body, page_id)
        expected += sum(1 for line in body.splitlines() if line.strip().startswith("\u2014 "))
        found += sum(1 for p in article.posts if p.author and p.handle and p.date)
        before.append(score_page(clean[page_id]["articleBody"], body))
        after.append(score_page(clean[page_id]["articleBody"], article.text))
    return {"pages": len(ids), "closing_lines": expected, "posts_with_author_handle_date": found,
            "f1_raw_text": score_corpus(before).f1, "f1_after_residue_removal": score_corpus(after).f1}


def build_report(args, scores, speed, embeds, residue, n_pages) -> dict:
    ours, anchor = scores["claimgraph"], scores["trafilatura"]
    tweets = [r for r in embeds if r["platform"] == "twitter"]
    checks = {
        "f1_no_embeds": {
            "target": f">= {TARGETS['f1_no_embeds']}", "value": round(ours["no-embeds"].f1, 4),
            "met": ours["no-embeds"].f1 >= TARGETS["f1_no_embeds"]},
        "f1_gt_vs_trafilatura": {
            "target": f">= trafilatura - {TARGETS['f1_gt_max_drop']}",
            "value": round(ours["gt"].f1 - anchor["gt"].f1, 4),
            "met": ours["gt"].f1 >= anchor["gt"].f1 - TARGETS["f1_gt_max_drop"]},
        "tweets_with_author_handle_date": {
            "target": "every embedded tweet",
            "value": f"{sum(r['with_author_handle_date'] for r in tweets)}/"
                     f"{sum(r['embeds'] for r in tweets)}",
            "met": all(r["with_author_handle_date"] >= r["embeds"] for r in tweets)},
        "speed_ratio": {
            "target": f">= {TARGETS['speed_ratio']} (wall clock)",
            "value": round(speed["claimgraph"]["wall"] / speed["trafilatura"]["wall"], 3),
            "cpu_time_ratio": round(speed["claimgraph"]["cpu"] / speed["trafilatura"]["cpu"], 3),
            "met": speed["claimgraph"]["wall"] >= TARGETS["speed_ratio"] * speed["trafilatura"]["wall"]},
    }
    env = environment(get_settings().spacy_model)
    env["versions"].update({name: version(name) for name in ("htmldate", "lxml")})
    return {
        **env,
        "data": {"folder": str(args.data), "pages": n_pages},
        "scores": {name: {t: _score(s) for t, s in by_truth.items()}
                   for name, by_truth in scores.items()},
        "pages_per_second": {name: {k: round(v, 2) for k, v in clocks.items()}
                             for name, clocks in speed.items()},
        "timing": f"{args.repeats} passes, systems taking turns page by page, one process",
        "embedded_posts": embeds,
        "scraped_text_residue": residue,
        "checks": checks,
        "notes": NOTES,
    }


def _score(score: CorpusScore) -> dict[str, float]:
    return {"precision": round(score.precision, 4), "recall": round(score.recall, 4),
            "f1": round(score.f1, 4)}


def print_report(report: dict) -> None:
    print(f"\n{'system':30} {'truth':10} {'P':>7} {'R':>7} {'F1':>7}")
    for name, by_truth in report["scores"].items():
        for truth, s in by_truth.items():
            print(f"{name:30} {truth:10} {s['precision']:7.4f} {s['recall']:7.4f} {s['f1']:7.4f}")
    print(f"\npages/s ({report['timing']}):     wall      cpu")
    for name, clocks in report["pages_per_second"].items():
        print(f"  {name:28} {clocks['wall']:8.2f} {clocks['cpu']:8.2f}")
    print(f"\n{'page':10} {'platform':10} {'embeds':>6} {'posts':>6} {'w/ author+handle+date':>22}")
    for row in report["embedded_posts"]:
        print(f"{row['page']:10} {row['platform']:10} {row['embeds']:6} {row['posts']:6} "
              f"{row['with_author_handle_date']:22}")
    residue = report["scraped_text_residue"]
    print(f"\nscraped-text residue ({residue['pages']} ground-truth bodies with tweet residue): "
          f"F1 vs residue-free truth {residue['f1_raw_text']:.4f} -> "
          f"{residue['f1_after_residue_removal']:.4f}; posts with author+handle+date "
          f"{residue['posts_with_author_handle_date']}/{residue['closing_lines']} closing lines")
    print("\nchecks:")
    for name, check in report["checks"].items():
        status = "met" if check["met"] else "MISSED"
        print(f"  {name:32} {check['value']!s:>10}  target {check['target']:36} {status}")


if __name__ == "__main__":
    raise SystemExit(main())
