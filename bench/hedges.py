"""Sentence-level uncertainty on the Szeged corpus (Wikipedia part): claimgraph through the
product and its hedge component, beside the cue-lexicon baseline, measured in the same run.

    python bench/hedges.py --data ../shared/data/szeged-wikiweasel --split dev

Through the product (issue 8): the sentences, one article each, go through
``claimgraph analyze --plain --format jsonl``; a sentence is uncertain when any claim is hedged
or speculative, or any claim cue or top-level hedge is typed epistemic, doxastic, conditional or
investigation. The component: a sentence is uncertain when ``find_hedges`` finds a cue in it.
The baseline
(as issue 4 defines it) learns from train every annotated cue string seen at least twice that
is annotated as a cue in at least 40% of the train sentences containing it, and calls a
sentence uncertain when it contains one as whole words (case-insensitive). Scores are for the
uncertain class, titles excluded; per type, a sentence is positive when it has a cue of that
type. Writes bench/results/hedges.json.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from common import bench_arg_parser, environment, write_result
from szeged import TYPE_NAMES, load_rows, parsed

from claimgraph.analyze.hedges import TYPES, find_hedges
from claimgraph.settings import get_settings

ANCHOR = {"f1": 0.857, "precision": 0.845, "recall": 0.869}  # the baseline as measured in issue 4
AIM = 0.90
PRODUCT_TARGET = 0.89  # issue 8, through the product on dev
CLI = str(Path(sys.executable).with_name("claimgraph"))  # the installed command, as users run it


def whole_words(phrase: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", re.IGNORECASE)


def baseline_lexicon(train: list[dict]) -> list[re.Pattern]:
    seen = Counter(c["text"].lower() for row in train for c in row["cues"])
    lexicon = []
    for phrase, n in seen.items():
        if n < 2:
            continue
        pattern = whole_words(phrase)
        containing = [row for row in train if pattern.search(row["text"])]
        marked = sum(any(c["text"].lower() == phrase for c in row["cues"]) for row in containing)
        if containing and marked / len(containing) >= 0.4:
            lexicon.append(pattern)
    return lexicon


def prf(gold: list[bool], pred: list[bool]) -> dict:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "tp": tp, "fp": fp, "fn": fn}


def through_product(texts: list[str]) -> list[dict]:
    """The analyses of ``texts`` by the command line, each sentence one plain-text article."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sentences.jsonl"
        path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
        out = subprocess.run(
            [CLI, "analyze", "--plain", "--format", "jsonl", str(path)],
            capture_output=True, text=True, check=False,
        )
    if out.returncode != 0:
        sys.exit(f"error: claimgraph analyze failed:\n{out.stderr[-2000:]}")
    by_line = {}
    for line in out.stdout.splitlines():
        record = json.loads(line)
        by_line[int(record["source"].rsplit(":", 1)[1])] = record
    return [by_line[n] for n in range(1, len(texts) + 1)]


def product_uncertain(analysis: dict) -> bool:
    """Issue 8's reading of an analysis: any hedged or speculative claim, or any claim cue or
    top-level hedge of a hedge type."""
    claims = analysis.get("claims", [])
    cues = [c for claim in claims for c in claim["cues"]] + analysis.get("hedges", [])
    return any(c["status"] in ("hedged", "speculative") for c in claims) or any(
        c.get("type") in TYPES for c in cues)


def main() -> None:
    parser = bench_arg_parser(__doc__, "szeged-wikiweasel", split=True)
    parser.add_argument("--errors", type=int, default=0, help="print this many errors of ours")
    args = parser.parse_args()
    model = get_settings().spacy_model
    train = load_rows(args.data, "train")
    rows, docs = parsed(args.data, args.split, model)

    lexicon = baseline_lexicon(train)
    gold = [r["label"] == "uncertain" for r in rows]
    base = [any(p.search(r["text"]) for p in lexicon) for r in rows]
    found = [find_hedges(doc) for doc in docs]
    ours = [bool(cues) for cues in found]
    product = [product_uncertain(a) for a in through_product([r["text"] for r in rows])]
    scores = {"product": prf(gold, product), "claimgraph": prf(gold, ours),
              "baseline": prf(gold, base)}
    per_type = {}
    for kind in TYPES:
        gold_t = [any(TYPE_NAMES[c["type"]] == kind for c in r["cues"]) for r in rows]
        per_type[kind] = {
            "claimgraph": prf(gold_t, [any(c.type == kind for c in cues) for cues in found]),
            "support": sum(gold_t),
        }

    print(f"Szeged WikiWeasel {args.split}: {len(rows)} sentences, {sum(gold)} uncertain")
    print(f"{'system':<28}{'P':>8}{'R':>8}{'F1':>8}")
    print(f"{'baseline (issue 4, anchor)':<28}{ANCHOR['precision']:>8.3f}{ANCHOR['recall']:>8.3f}"
          f"{ANCHOR['f1']:>8.3f}")
    labels = {"baseline": "baseline (this run)", "claimgraph": "component (find_hedges)",
              "product": "product (analyze --plain)"}
    for name in ("baseline", "claimgraph", "product"):
        s = scores[name]
        print(f"{labels[name]:<28}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}")
    print(f"targets: product F1 >= {PRODUCT_TARGET} and above the baseline of this run")
    print(f"{'cue type':<28}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}")
    for kind, s in per_type.items():
        c = s["claimgraph"]
        print(f"{kind:<28}{c['precision']:>8.3f}{c['recall']:>8.3f}{c['f1']:>8.3f}"
              f"{s['support']:>8}")

    for row, g, p, cues in list(zip(rows, gold, product, found, strict=True)):
        if args.errors and g != p:
            args.errors -= 1
            kind = "MISS" if g else "FALSE"
            print(kind, [c["text"] for c in row["cues"]], [c.text for c in cues], row["text"][:200])

    write_result("hedges", {
        **environment(model),
        "data": f"szeged-wikiweasel/{args.split}", "sentences": len(rows),
        "uncertain": sum(gold),
        "anchor": {"baseline_issue4": ANCHOR, "floor": "beat the baseline", "aim_f1": AIM,
                   "product_target_f1": PRODUCT_TARGET},
        "product_met": scores["product"]["f1"] >= PRODUCT_TARGET
        and scores["product"]["f1"] > scores["baseline"]["f1"],
        "scores": scores, "per_type": per_type,
    })


if __name__ == "__main__":
    main()
