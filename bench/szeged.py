"""The Szeged uncertainty corpus (Wikipedia part) for the hedge benchmark and the hedge trainer.

Rows are ``{doc_id, sent_id, part, text, label, cues: [{type, text}]}``; titles are left out,
as in the CoNLL-2010 convention. Parsed sentences are cached as a DocBin under the system
temp folder, keyed by the file, its size and time, and the model, so re-runs skip the parse.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

CACHE = Path(tempfile.gettempdir()) / "claimgraph-bench"
# Szeged cue types as the data names them -> claimgraph's hedge types.
TYPE_NAMES = {
    "speculation_modal_probable": "epistemic",
    "speculation_hypo_doxastic": "doxastic",
    "speculation_hypo_condition": "conditional",
    "speculation_hypo_investigation": "investigation",
}


def load_rows(data: Path, split: str) -> list[dict]:
    """The non-title sentences of ``split``; exits with a clear message when it is missing."""
    path = data / f"{split}.jsonl"
    if not path.is_file():
        sys.exit(
            f"missing {path}: pass --data pointing at the szeged-wikiweasel folder "
            f"(with {split}.jsonl), e.g. --data /work/shared/data/szeged-wikiweasel"
        )
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [r for r in rows if r.get("part") != "Title"]


def parsed(data: Path, split: str, model: str) -> tuple[list[dict], list[Doc]]:
    """The rows of ``split`` and their parsed Docs, parsing once per file and model."""
    rows = load_rows(data, split)
    stat = (data / f"{split}.jsonl").stat()
    key = hashlib.sha1(f"{data.resolve()}|{split}|{stat.st_size}|{stat.st_mtime}|{model}".encode())
    path = CACHE / f"szeged-{split}-{key.hexdigest()[:12]}.spacy"
    nlp = spacy.load(model, exclude=["ner"])
    if path.is_file():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) == len(rows):
            return rows, docs
    docs = list(nlp.pipe((r["text"] for r in rows), batch_size=256))
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return rows, docs
