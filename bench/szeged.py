"""The Szeged uncertainty corpus (Wikipedia part), for bench/hedges.py and scripts/train_hedges.py.

Rows are ``{doc_id, sent_id, part, text, label, cues: [{type, text}]}``; titles are left out,
as in the CoNLL-2010 convention. Parsed sentences are cached (``docbin_cache``) under the
system temp folder, so re-runs skip the parse.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import spacy
from common import load_jsonl
from docbin_cache import parse_cached
from spacy.tokens import Doc

CACHE = Path(tempfile.gettempdir())
# Szeged cue types as the data names them -> claimgraph's hedge types.
TYPE_NAMES = {
    "speculation_modal_probable": "epistemic",
    "speculation_hypo_doxastic": "doxastic",
    "speculation_hypo_condition": "conditional",
    "speculation_hypo_investigation": "investigation",
}


def load_rows(data: Path, split: str) -> list[dict]:
    """The non-title sentences of ``split``; exits with a clear message when it is missing."""
    return [r for r in load_jsonl(data / f"{split}.jsonl") if r.get("part") != "Title"]


def parsed(data: Path, split: str, model: str) -> tuple[list[dict], list[Doc]]:
    """The rows of ``split`` and their parsed Docs (no NER: hedges need only the parse)."""
    rows = load_rows(data, split)
    nlp = spacy.load(model, exclude=["ner"])
    return rows, parse_cached(nlp, [r["text"] for r in rows], CACHE, f"szeged-{split}")
