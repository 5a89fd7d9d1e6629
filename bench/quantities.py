"""Quantity extraction accuracy on hand-written sentences, and the cost of the number components.

    python bench/quantities.py [--cases bench/quantities_cases.json]
                               [--data ../shared/data/polnear --split dev --speed-articles 20]

Accuracy: a sentence counts as correct when the quantities found are exactly the expected ones
(same count; each with the expected value, low, high, approximate, vague and unit, its text
containing the expected snippet). The anchor measured in the same run is spaCy's own numeric
entities (CARDINAL, MONEY, PERCENT, QUANTITY) read as exact numbers with the entity root's head
noun as unit. Target: 0.95. The cases come in three batches written at different times; each
batch's first-run score (before any change it prompted) is kept in the cases file and printed
beside today's, since later batches are the closer guide to unseen text.

Speed: bare spaCy parsing of the first N PolNeAR articles beside the time the quantities and
times components take on the same Docs (skipped with a message when the data is absent).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import platform
import sys
import time
from collections import defaultdict
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from claimgraph.analyze import quantities as _q  # noqa: E402,F401  (registers the factory)
from claimgraph.analyze import times as _t  # noqa: E402,F401
from claimgraph.analyze.numbers import digits_value, read_words  # noqa: E402
from claimgraph.settings import get_settings  # noqa: E402

HERE = Path(__file__).resolve().parent
TARGET = 0.95
FIELDS = ("value", "low", "high", "approximate", "vague", "unit")
NUMERIC_ENTS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}


def expected_record(item: dict) -> dict:
    value = item["value"]
    return {
        "contains": item["contains"], "value": value, "low": item.get("low", value),
        "high": item.get("high", value), "approximate": item.get("approximate", False),
        "vague": item.get("vague", False), "unit": item.get("unit"),
    }


def same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=1e-6)
    return a == b


def matches(found: dict, want: dict) -> bool:
    return want["contains"] in found["text"] and all(same(found[f], want[f]) for f in FIELDS)


def sentence_correct(found: list[dict], wanted: list[dict]) -> bool:
    if len(found) != len(wanted):
        return False
    left = list(found)
    for want in wanted:
        hit = next((f for f in left if matches(f, want)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def ours(doc) -> list[dict]:
    return [q.model_dump() for q in doc._.quantities]


def anchor(doc) -> list[dict]:
    """spaCy's numeric entities read as exact numbers, unit = head noun of the entity root."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in NUMERIC_ENTS:
            continue
        value = None
        for token in ent:
            read = digits_value(token.text)
            if read is not None:
                value = read[0]
                break
            words = read_words(doc, token.i, ent.end)
            if words is not None:
                value = words.value
                break
        if value is None:
            continue
        head = ent.root.head
        unit = head.text.lower() if head.pos_ == "NOUN" and head.i >= ent.end else None
        out.append({"text": ent.text, "value": value, "low": value, "high": value,
                    "approximate": False, "vague": False, "unit": unit})
    return out


def accuracy(nlp, cases: list[dict]) -> dict:
    docs = list(nlp.pipe(case["text"] for case in cases))
    result = {}
    for name, read in (("claimgraph", ours), ("spacy_numeric_entities", anchor)):
        by_form: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        by_batch: dict[int, list[int]] = defaultdict(lambda: [0, 0])
        failures = []
        for case, doc in zip(cases, docs):
            wanted = [expected_record(item) for item in case["expect"]]
            found = read(doc)
            ok = sentence_correct(found, wanted)
            by_form[case["form"]][0] += ok
            by_form[case["form"]][1] += 1
            by_batch[case.get("batch", 1)][0] += ok
            by_batch[case.get("batch", 1)][1] += 1
            if not ok:
                failures.append({
                    "form": case["form"], "text": case["text"], "expected": wanted,
                    "found": [{k: f[k] for k in ("text", *FIELDS)} for f in found],
                })
        correct = sum(c for c, _ in by_form.values())
        result[name] = {
            "accuracy": correct / len(cases), "correct": correct, "cases": len(cases),
            "by_form": {form: {"correct": c, "cases": t}
                        for form, (c, t) in sorted(by_form.items())},
            "by_batch": {str(b): {"correct": c, "cases": t, "accuracy": c / t}
                         for b, (c, t) in sorted(by_batch.items())},
            "failures": failures,
        }
    return result


def speed(nlp_bare, nlp_ours, path: Path, articles: int) -> dict:
    texts = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if len(texts) >= articles:
                break
    started = time.perf_counter()
    docs = list(nlp_bare.pipe(texts))
    parse_s = time.perf_counter() - started
    timings = {}
    for name in ("claimgraph_quantities", "claimgraph_times"):
        component = nlp_ours.get_pipe(name)
        started = time.perf_counter()
        for doc in docs:
            component(doc)
        timings[name] = time.perf_counter() - started
    words = sum(len(doc) for doc in docs)
    return {
        "articles": len(docs), "tokens": words, "bare_spacy_seconds": parse_s,
        "component_seconds": timings,
        "share_of_parsing": {k: v / parse_s for k, v in timings.items()},
        "quantities_found": sum(len(doc._.quantities) for doc in docs),
        "times_found": sum(len(doc._.times) for doc in docs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, default=HERE / "quantities_cases.json")
    parser.add_argument("--data", type=Path,
                        default=HERE.parents[1] / "shared" / "data" / "polnear")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--speed-articles", type=int, default=20)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "quantities.json")
    args = parser.parse_args()

    model = get_settings().spacy_model
    nlp = spacy.load(model)
    nlp.add_pipe("claimgraph_quantities")
    nlp.add_pipe("claimgraph_times")
    sheet = json.loads(args.cases.read_text(encoding="utf-8"))
    cases = sheet["cases"]
    result = accuracy(nlp, cases)

    print(f"quantities on {len(cases)} hand-written sentences (target {TARGET})")
    print(f"{'form':<16}{'claimgraph':>12}{'spaCy ents':>12}")
    ours_forms = result["claimgraph"]["by_form"]
    theirs = result["spacy_numeric_entities"]["by_form"]
    for form, row in ours_forms.items():
        print(f"{form:<16}{row['correct']:>7}/{row['cases']:<4}"
              f"{theirs[form]['correct']:>7}/{theirs[form]['cases']:<4}")
    print(f"{'accuracy':<16}{result['claimgraph']['accuracy']:>12.3f}"
          f"{result['spacy_numeric_entities']['accuracy']:>12.3f}")
    for batch, row in result["claimgraph"]["by_batch"].items():
        other = result["spacy_numeric_entities"]["by_batch"][batch]
        first = sheet.get("first_run", {}).get(batch)
        was = f"   (first run {first['correct']}/{first['cases']})" if first else ""
        print(f"{'batch ' + batch:<16}{row['accuracy']:>12.3f}{other['accuracy']:>12.3f}{was}")
    for failure in result["claimgraph"]["failures"]:
        print(f"FAIL [{failure['form']}] {failure['text']}\n   expected {failure['expected']}"
              f"\n   found    {failure['found']}")

    split = args.data / f"{args.split}.jsonl"
    timing = None
    if split.exists():
        timing = speed(spacy.load(model), nlp, split, args.speed_articles)
        print(f"\nspeed on {timing['articles']} PolNeAR {args.split} articles: bare spaCy "
              f"{timing['bare_spacy_seconds']:.2f}s; " + ", ".join(
                  f"{k} {v:.3f}s ({timing['share_of_parsing'][k]:.1%})"
                  for k, v in timing["component_seconds"].items()))
    else:
        print(f"\nspeed skipped: {split} not found (pass --data DIR holding {args.split}.jsonl)")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "cpus": __import__("os").cpu_count()},
        "python": platform.python_version(),
        "versions": {"spacy": spacy.__version__, model: nlp.meta.get("version")},
        "target_accuracy": TARGET,
        "meets_target": result["claimgraph"]["accuracy"] >= TARGET,
        **result,
        "first_run_by_batch": sheet.get("first_run"),
        "speed": timing,
    }, indent=2, default=str), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
