"""The article-extraction-benchmark's measure: 4-token shingle overlap, averaged over pages.

Tokens are ``\\w+`` matches; each page's text becomes a multiset of 4-token shingles (a text
shorter than four tokens is one shingle of all its tokens). Per page, shingle counts give TP,
FP and FN, normalised by their sum so that long pages weigh no more than short ones. Corpus
precision and recall are means of the per-page values; F1 is the harmonic mean of those means.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True)
class PageScore:
    tp: float
    fp: float
    fn: float


@dataclass(frozen=True)
class CorpusScore:
    precision: float
    recall: float
    f1: float
    pages: int


def shingles(text: str, n: int = SHINGLE) -> Counter:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))


def score_page(truth: str, predicted: str) -> PageScore:
    """Normalised TP/FP/FN of ``predicted`` against ``truth``; all zero when both are empty."""
    true, pred = shingles(truth), shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


def score_corpus(pages: Iterable[PageScore]) -> CorpusScore:
    """Precision over pages with a prediction, recall over pages with a truth, F1 of the means."""
    pages = list(pages)
    precisions = [p.tp / (p.tp + p.fp) for p in pages if p.tp + p.fp > 0]
    recalls = [p.tp / (p.tp + p.fn) for p in pages if p.tp + p.fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return CorpusScore(precision, recall, f1, len(pages))
