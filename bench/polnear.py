"""Reading PolNeAR splits and parsing them once, shared by the quote benchmark and the cue learner.

PolNeAR (Newell, Margolin, Ruths, LREC 2018) comes as ``<split>.jsonl``, one article a line, with
attributions ``{cue, sources, contents}`` given as character offsets into ``text``.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

log = logging.getLogger(__name__)

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


def load_split(folder: Path, split: str) -> list[dict]:
    """The articles of ``split``; SystemExit with a message naming the missing file."""
    path = Path(folder) / f"{split}.jsonl"
    if not path.is_file():
        raise SystemExit(
            f"PolNeAR split '{split}' not found: {path} is missing "
            "(pass --data pointing at the polnear folder that holds train.jsonl and dev.jsonl)"
        )
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def parse_cached(nlp: Language, texts: list[str], cache_dir: Path, label: str) -> list[Doc]:
    """``texts`` parsed by ``nlp``, read from a DocBin under ``cache_dir`` when one matches.

    The cache name carries a hash of the model, its components and the texts, so a changed
    model or data set is parsed afresh rather than read stale.
    """
    key = hashlib.sha1()
    key.update(f"{nlp.meta['name']}-{nlp.meta['version']}-{','.join(nlp.pipe_names)}".encode())
    for text in texts:
        key.update(text.encode("utf-8"))
    path = Path(cache_dir) / f"claimgraph-{label}-{key.hexdigest()[:12]}.spacy"
    if path.is_file():
        log.info("reading parsed %s from %s", label, path)
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    log.info("parsing %d %s texts (cached at %s afterwards)", len(texts), label, path)
    docs = list(nlp.pipe(texts, batch_size=16))
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    return docs
