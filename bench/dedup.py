"""Duplicate detection: are syndicated copies of real articles marked, and nothing else?

The 181 article bodies of the article-extraction benchmark (real news, all different) are read
first; then, for each, copies edited the way wire stories are when outlets reprint them (seeded
at random): a byline and dateline added, the last paragraph cut, a credit line appended, a few
words changed. A copy counts as found when it is marked ``duplicate_of`` its own original (or
another copy of it that went unmarked); any other mark is a false one. The anchor, measured in
the same run, is exact matching of the normalized text alone (the index without MinHash).

Hard cases come from ECB+ (when its folder is given): documents of one subtopic are reports of
the same real event by different outlets. Some of them are wire copies and some independent
reporting; the table counts the documents marked as copies of an earlier one in their subtopic.
The pairs scoring 0.6 and up that we read by hand were one wire story reprinted (AP on Yahoo and
on bigstory.ap.org, one wire story on Sky and Orange, ...); independent reports of one event
score far lower.
"""

from __future__ import annotations

import csv
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from xml.etree import ElementTree

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from common import DATA, bench_arg_parser, environment, write_result  # noqa: E402

from claimgraph.ingest.dedup import DuplicateIndex, exact_key  # noqa: E402
from claimgraph.model import Article  # noqa: E402
from claimgraph.settings import Settings  # noqa: E402

EDITS = ("relayout", "byline", "cut_last", "credit", "words", "all")


def edited(text: str, edit: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if edit in ("byline", "all"):
        paragraphs.insert(0, "By Staff Reporter | RIVERTON (Wire) -")
    if edit in ("cut_last", "all") and len(paragraphs) > 3:
        paragraphs.pop()
    if edit in ("credit", "all"):
        paragraphs.append("Reporting by A. Writer; editing by B. Editor.")
    if edit in ("words", "all"):
        words = "\n".join(paragraphs).split(" ")
        for i in rng.sample(range(len(words)), k=min(5, len(words))):
            words[i] = "changed"
        return " ".join(words)
    if edit == "relayout":
        return "\n\n".join(p.upper() for p in paragraphs)
    return "\n".join(paragraphs)


class ExactOnly:
    """The anchor: the first article with the same normalized words."""

    def __init__(self) -> None:
        self.first: dict[str, str] = {}

    def seen(self, article: Article) -> str | None:
        key = exact_key(article.text)
        if key in self.first:
            return self.first[key]
        self.first[key] = article.source
        return None


def run(index, originals: list[Article], copies: list[tuple[Article, str, str]]):
    false_marks = 0
    found = dict.fromkeys(EDITS, 0)
    started = time.perf_counter()
    for article in originals:
        false_marks += index.seen(article) is not None
    for article, original, edit in copies:
        first = index.seen(article)
        # Marked as a copy of its original, or of another copy of it that was not caught.
        if first is not None and first.split("~")[0] == original:
            found[edit] += 1
        elif first is not None:
            false_marks += 1
    return found, false_marks, time.perf_counter() - started


def ecbplus_subtopics(folder: Path) -> dict[str, list[Article]]:
    """ECB+ documents by subtopic (one real event each), their text rebuilt from the tokens."""
    docs: dict[str, list[Article]] = defaultdict(list)
    with (folder / "meta" / "doc_topics_splits.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            path = folder / "data" / row["topic"] / f"{row['doc_id']}.xml"
            tokens = (t.text or "" for t in ElementTree.parse(path).getroot().iter("token"))
            docs[row["subtopic"]].append(Article(source=row["doc_id"], text=" ".join(tokens)))
    return docs


def marked_within_subtopics(make_index, subtopics: dict[str, list[Article]]) -> int:
    marked = 0
    for articles in subtopics.values():
        index = make_index()
        marked += sum(index.seen(article) is not None for article in articles)
    return marked


def main() -> None:
    parser = bench_arg_parser(__doc__, "article-extraction-benchmark")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--ecbplus", type=Path, default=DATA / "ecbplus",
                        help="ECB+ folder for same-event pairs (default: %(default)s)")
    parser.add_argument("--threshold", type=float, default=Settings().duplicate_threshold,
                        help="near-duplicate threshold (default: the setting's default)")
    args = parser.parse_args()
    truth = args.data / "ground-truth.json"
    if not truth.is_file():
        sys.exit(f"error: {truth} not found: pass --data with the article-extraction-benchmark "
                 "folder")
    bodies = {key: v["articleBody"] for key, v in json.loads(truth.read_text()).items()
              if v["articleBody"].strip()}
    rng = random.Random(args.seed)
    originals = [Article(source=key, text=text) for key, text in bodies.items()]
    copies = [(Article(source=f"{key}~{edit}", text=edited(text, edit, rng)), key, edit)
              for key, text in bodies.items() for edit in EDITS]
    rng.shuffle(copies)
    per_edit = len(originals)
    rows = {}
    for name, index in (("exact hash (anchor)", ExactOnly()),
                        ("claimgraph (exact + MinHash)", DuplicateIndex(threshold=args.threshold))):
        found, false_marks, seconds = run(index, originals, copies)
        total = sum(found.values())
        rows[name] = {
            "recall": total / len(copies),
            "recall_by_edit": {edit: n / per_edit for edit, n in found.items()},
            "false_marks": false_marks,
            "articles_per_second": (len(originals) + len(copies)) / seconds,
        }
    print(f"{len(originals)} originals, {len(copies)} edited copies ({per_edit} per edit)")
    header = f"{'method':30} {'recall':>7} " + " ".join(f"{e:>9}" for e in EDITS)
    print(header + f" {'false':>6} {'art/s':>8}")
    for name, row in rows.items():
        cells = " ".join(f"{row['recall_by_edit'][e]:9.3f}" for e in EDITS)
        print(f"{name:30} {row['recall']:7.3f} {cells} {row['false_marks']:6d} "
              f"{row['articles_per_second']:8.0f}")
    if (args.ecbplus / "meta" / "doc_topics_splits.tsv").is_file():
        subtopics = ecbplus_subtopics(args.ecbplus)
        total = sum(len(a) for a in subtopics.values())
        print(f"\nECB+: {total} documents in {len(subtopics)} same-event subtopics")
        print(f"{'method':30} {'marked as copies':>17}")
        for name, make_index in (("exact hash (anchor)", ExactOnly),
                                 ("claimgraph (exact + MinHash)",
                                  lambda: DuplicateIndex(threshold=args.threshold))):
            marked = marked_within_subtopics(make_index, subtopics)
            rows[name]["ecbplus_marked"] = marked
            print(f"{name:30} {marked:17d}")
        rows["ecbplus_documents"] = total
    else:
        print(f"\n(no ECB+ folder at {args.ecbplus}: same-event part skipped)")
    write_result("dedup", {**environment(), "data": str(args.data), "seed": args.seed,
                           "threshold": args.threshold,
                           "originals": len(originals), "copies": len(copies), "results": rows})


if __name__ == "__main__":
    main()
