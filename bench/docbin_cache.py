"""Parse texts once and keep the Docs in a DocBin under /tmp, for scripts that reread a corpus.

Parsing PolNeAR train (840 articles) takes minutes on a busy 2-core machine; the cue learner
and error analyses read the cached parse instead.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

log = logging.getLogger(__name__)


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
