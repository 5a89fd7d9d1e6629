"""Learn the attribution-cue lexicon from PolNeAR train and write it into the package.

    python scripts/learn_cues.py --data ../shared/data/polnear

Only the train split is read. Each gold cue span is aligned to the spaCy parse; its head (the
span's syntactic root) is counted under "verbs" (VERB/AUX) or "nouns" (NOUN/PROPN). The cue with
leading auxiliaries, negations, adverbs and surrounding punctuation stripped ("has also said:" ->
"said") is counted under "phrases" when more than one word remains ("according to", "said in a
statement", "called for"). Keys are lowercase spaCy lemmas, space-joined for phrases, so
"according to" is keyed "accord to" and "said in a statement" "say in a statement".

count     = distinct tokens (or token runs) of train that head (or form) an annotated cue;
precision = count / all occurrences in train of that lemma with the same part-of-speech group
            (for phrases: of that lemma sequence as contiguous tokens).
Entries with count < --min-count (default 2) are dropped: one-off cues are mostly annotation
idiosyncrasies and would bloat the file. Precision is kept, not thresholded, so the extractor can
choose its own cut-off.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from common import DATA, load_jsonl  # noqa: E402
from docbin_cache import parse_cached  # noqa: E402

from claimgraph.settings import get_settings  # noqa: E402

log = logging.getLogger("learn_cues")

OUT = ROOT / "src" / "claimgraph" / "analyze" / "data" / "cue_lexicon.json"
GROUPS = {"VERB": "verbs", "AUX": "verbs", "NOUN": "nouns", "PROPN": "nouns"}
# Dependents stripped from the front of a cue: they modify the cue, they are not the cue.
LEADING = {"aux", "auxpass", "neg", "advmod", "npadvmod", "cc", "det"}
MAX_PHRASE = 5  # longer gold cues are clauses, not reusable expressions


def lemma(token) -> str:
    return token.lemma_.lower()


def cue_tokens(doc, start: int, end: int):
    """The tokens of a gold cue span, or None when it holds no word."""
    text = doc.text
    while start < end and not text[start].isalnum() and text[start] not in "$%":
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return span if span is not None and len(span) else None


def phrase_tokens(span):
    """The cue without leading modifiers and trailing punctuation."""
    tokens = list(span)
    while tokens and tokens[0].dep_ in LEADING and tokens[0].i != span.root.i:
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens


def learn(articles: list[dict], docs, min_count: int) -> dict:
    heads: dict[str, set] = {"verbs": set(), "nouns": set()}
    head_lemmas: dict[str, Counter] = {"verbs": Counter(), "nouns": Counter()}
    phrases: dict[str, set] = {}
    unaligned = 0
    for n, (article, doc) in enumerate(zip(articles, docs)):
        for quote in article["quotes"]:
            cue = quote.get("cue")
            span = cue and cue_tokens(doc, cue["start"], cue["end"])
            if not span:
                unaligned += cue is not None
                continue
            group = GROUPS.get(span.root.pos_)
            if group and (n, span.root.i) not in heads[group]:
                heads[group].add((n, span.root.i))
                head_lemmas[group][lemma(span.root)] += 1
            tokens = phrase_tokens(span)
            if 1 < len(tokens) <= MAX_PHRASE:
                key = " ".join(lemma(t) for t in tokens)
                phrases.setdefault(key, set()).add((n, tokens[0].i))
    if unaligned:
        log.info("skipped %d gold cues without a word (':' or a dash before a quote)", unaligned)

    wanted = {k for k, v in phrases.items() if len(v) >= min_count}
    seen: dict[str, Counter] = {"verbs": Counter(), "nouns": Counter()}
    phrase_seen: Counter = Counter()
    lengths = {len(k.split()) for k in wanted}
    for doc in docs:
        lemmas = [lemma(t) for t in doc]
        for token in doc:
            group = GROUPS.get(token.pos_)
            if group:
                seen[group][lemmas[token.i]] += 1
        for size in lengths:
            for i in range(len(lemmas) - size + 1):
                key = " ".join(lemmas[i:i + size])
                if key in wanted:
                    phrase_seen[key] += 1

    def entries(counts: Counter, totals: Counter) -> dict:
        return {
            key: {"count": count, "precision": round(min(1.0, count / max(totals[key], count)), 3)}
            for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            if count >= min_count
        }

    return {
        "source": f"PolNeAR train, {len(articles)} articles, learned by scripts/learn_cues.py",
        "verbs": entries(head_lemmas["verbs"], seen["verbs"]),
        "nouns": entries(head_lemmas["nouns"], seen["nouns"]),
        "phrases": entries(Counter({k: len(phrases[k]) for k in wanted}), phrase_seen),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA / "polnear", help="the polnear folder")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cache", type=Path, default=Path("/tmp"), help="parsed-DocBin folder")
    parser.add_argument("--min-count", type=int, default=2)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    articles = load_jsonl(args.data / "train.jsonl")
    nlp = spacy.load(get_settings().spacy_model, exclude=["ner"])
    docs = parse_cached(nlp, [a["text"] for a in articles], args.cache, "polnear-train")
    lexicon = learn(articles, docs, args.min_count)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(lexicon, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    log.info(
        "wrote %s: %d verbs, %d nouns, %d phrases, %d bytes", args.out, len(lexicon["verbs"]),
        len(lexicon["nouns"]), len(lexicon["phrases"]), args.out.stat().st_size,
    )


if __name__ == "__main__":
    main()
