"""Reported speech on the GGT English eval set (Canadian news, every genre), scored as a user runs it.

    python bench/ggt.py --data ../shared/data/ggt-dev [--limit N] [--errors FILE]

Writes each article's text to ``<id>.txt`` in a temporary folder, runs
``claimgraph analyze --plain --format jsonl`` over the folder, and scores the output with the shared
scorer (``../shared/eval/quotes_score.py``): Metric B (a gold quote is found when one predicted quote
covers more than 0.3 of its characters; precision, recall, speaker and cue accuracy) and Metric D (the
resolved speaker against the annotators' canonical name). It scores twice: over every quote, and with
the product's own filter, ``claimgraph analyze --acts speech`` (GGT annotates statements only).
Prints both beside the targets of issue 8 and GGT's own extractor, and writes
bench/results/ggt.json. ``--errors FILE`` also writes every unmatched prediction and missed gold quote,
for reading error classes (the texts stay outside the project: never commit that file).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DATA, bench_arg_parser, environment, write_result  # noqa: E402

SCORER = DATA.parent / "eval" / "quotes_score.py"
# GGT's own extractor on the whole set (Asr et al., the Gender Gap Tracker); not rerun here.
ANCHOR = {"quote_f1": 0.837, "speaker_acc": 0.865}
TARGETS = {  # issue 8, dev: (acts, measure) -> minimum
    ("speech", "precision"): 0.75,
    ("speech", "recall"): 0.78,
    ("speech", "speaker_acc"): 0.92,
    ("speech", "canonical_strict"): 0.80,
    ("all", "precision"): 0.65,
}


def claimgraph_command() -> list[str]:
    """The installed ``claimgraph`` script beside this interpreter, else the one on PATH."""
    script = Path(sys.executable).with_name("claimgraph")
    if script.exists():
        return [str(script)]
    found = shutil.which("claimgraph")
    if not found:
        sys.exit("error: the claimgraph command is not installed (pip install -e .)")
    return [found]


def run_analyze(articles: list[dict], folder: Path, acts: str | None = None) -> Path:
    texts = folder / "texts"
    if not texts.exists():
        texts.mkdir()
        for article in articles:
            (texts / f"{article['id']}.txt").write_text(article["text"], encoding="utf-8")
    pred = folder / f"pred-{acts or 'all'}.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        done = subprocess.run(
            [*claimgraph_command(), "analyze", "--plain", "--format", "jsonl", str(texts),
             *(["--acts", acts] if acts else [])],
            stdout=out, stderr=subprocess.PIPE, text=True,
        )
    for line in done.stderr.splitlines():
        print(f"claimgraph: {line}", file=sys.stderr)
    if done.returncode not in (0, 1):  # 1: some inputs failed, the rest were analysed
        sys.exit(f"error: claimgraph analyze exited with {done.returncode}")
    return pred


def score(gold: Path, pred: Path, folder: Path, acts: str | None) -> dict:
    out = folder / f"score-{acts or 'all'}.json"
    cmd = [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--json", str(out)]
    if acts:  # ``pred`` holds those acts only already: claimgraph analyze --acts filtered it
        cmd += ["--name", f"ggt, claimgraph analyze --acts {acts}"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"error: the scorer failed: {done.stderr.strip()}")
    print(done.stdout)
    return json.loads(out.read_text(encoding="utf-8"))


def headline(result: dict) -> dict:
    """The numbers issue 8 sets targets on, from one scorer result."""
    b, d = result["metrics"]["B"]["0.3"], result["metrics"]["D"]
    return {
        "precision": round(b["all"]["p"], 4), "recall": round(b["all"]["r"], 4),
        "f1": round(b["all"]["f1"], 4), "speaker_acc": round(b["all"]["speaker_acc"], 4),
        "cue_acc": round(b["all"]["cue_acc"], 4),
        "canonical_strict": round(d["all"]["strict"], 4),
        "canonical_lenient": round(d["all"]["lenient"], 4),
        "direct_precision": round(b["direct"]["p"], 4), "direct_recall": round(b["direct"]["r"], 4),
        "indirect_precision": round(b["indirect"]["p"], 4),
        "indirect_recall": round(b["indirect"]["r"], 4),
        "predicted": b["all"]["pred"], "gold": b["all"]["gold"], "found": b["all"]["tp"],
    }


def write_errors(gold: Path, pred: Path, path: Path, acts: str | None) -> None:
    """Every false positive and false negative of Metric B at 0.3, with its sentence, as JSONL."""
    sys.path.insert(0, str(SCORER.parent))
    import quotes_score as qs

    _, docs, _ = qs.load_gold(gold)
    preds, _ = qs.load_pred(pred, docs, set(acts.split(",")) if acts else None)
    _, pairs = qs.metric_b(docs, preds, 0.3)
    matched = {id(p) for _, _, p in pairs}
    found = {id(g) for _, g, _ in pairs}

    def spans(text: str, pieces: list) -> str:
        return " | ".join(text[s:e] for s, e in pieces)

    with path.open("w", encoding="utf-8") as out:
        for d in docs:
            text = d["text"]
            for p in preds.get(d["id"], []):
                kind = "tp" if id(p) in matched else "fp"
                out.write(json.dumps({"doc": d["id"], "kind": kind, "speaker": spans(text, p["speakers"]),
                                      "resolved": p["resolved"], "cue": p["cue_text"],
                                      "content": spans(text, p["contents"])}) + "\n")
            for g in d["quotes"]:
                if id(g) not in found:
                    out.write(json.dumps({"doc": d["id"], "kind": "fn", "speaker": g["speaker_text"],
                                          "resolved": g["reference"], "cue": g["cue_text"],
                                          "content": spans(text, g["contents"])}) + "\n")
        for d, g, p in pairs:
            if not (qs.overlap(g["speakers"], qs.merge(p["speakers"])) > 0
                    or (not g["speaker_text"].strip() and p["floating"])):
                out.write(json.dumps({"doc": d["id"], "kind": "wrong-speaker", "gold": g["speaker_text"],
                                      "speaker": spans(d["text"], p["speakers"]),
                                      "content": spans(d["text"], g["contents"])}) + "\n")
    print(f"wrote {path}")


def verdicts(numbers: dict) -> list[str]:
    return [
        f"{acts} {measure} {numbers[acts][measure]:.3f} "
        f"({'meets' if numbers[acts][measure] >= floor else 'MISSES'} target {floor:.2f})"
        for (acts, measure), floor in TARGETS.items()
    ]


def main() -> None:
    parser = bench_arg_parser(__doc__, "ggt-dev")
    parser.add_argument("--limit", type=int, help="only the first N articles (quick checks)")
    parser.add_argument("--errors", type=Path, help="also write unmatched quotes here (JSONL)")
    args = parser.parse_args()
    gold_dir = args.data / "articles"
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        sys.exit(f"error: no articles in {gold_dir}: pass --data with the GGT folder")
    files = files[: args.limit]
    articles = [json.loads(f.read_text(encoding="utf-8")) for f in files]

    with tempfile.TemporaryDirectory(prefix="ggt-") as tmp:
        folder = Path(tmp)
        gold = gold_dir
        if args.limit:  # score against the same subset
            gold = folder / "gold"
            gold.mkdir()
            for f in files:
                shutil.copy(f, gold / f.name)
        pred = run_analyze(articles, folder)
        speech = run_analyze(articles, folder, "speech")
        results = {"all": score(gold, pred, folder, None),
                   "speech": score(gold, speech, folder, "speech")}
        if args.errors:
            write_errors(gold, speech, args.errors, None)

    numbers = {acts: headline(r) for acts, r in results.items()}
    print(f"{'acts':8} {'P':>6} {'R':>6} {'F1':>6} {'spk':>6} {'cue':>6} {'canon':>6} "
          f"{'dirP':>6} {'indP':>6} {'pred':>5} {'gold':>5}")
    for acts, n in numbers.items():
        print(f"{acts:8} {n['precision']:6.3f} {n['recall']:6.3f} {n['f1']:6.3f} "
              f"{n['speaker_acc']:6.3f} {n['cue_acc']:6.3f} {n['canonical_strict']:6.3f} "
              f"{n['direct_precision']:6.3f} {n['indirect_precision']:6.3f} "
              f"{n['predicted']:5d} {n['gold']:5d}")
    print(f"anchor   GGT's extractor (whole set): quote F1 {ANCHOR['quote_f1']:.3f}, "
          f"speaker acc {ANCHOR['speaker_acc']:.3f}")
    checks = verdicts(numbers)
    summary = f"GGT {args.data.name}, {len(articles)} articles: " + "; ".join(checks) + "."
    print("\n" + summary)
    write_result("ggt", {
        "benchmark": "reported speech on GGT (issue 8)",
        **environment(),
        "data": {"folder": args.data.name, "articles": len(articles)},
        "scores": numbers,
        "scorer": {acts: {"metrics": r["metrics"], "notes": r["notes"], "summary": r["summary"]}
                   for acts, r in results.items()},
        "targets": {"/".join(k): v for k, v in TARGETS.items()},
        "anchor_ggt_extractor_whole_set": ANCHOR,
        "misses": [line for line in checks if "MISSES" in line],
        "note": summary,
    })


if __name__ == "__main__":
    main()
