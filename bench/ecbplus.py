"""Read an ECB+-layout folder: documents, their topics and subtopics, and gold event mentions.

Layout: ``data/<topic>/*.xml`` (CAT XML), ``meta/doc_topics_splits.tsv`` (doc_id, topic,
subtopic, split) and ``meta/ECBplus_coreference_sentences.csv`` (the fully annotated sentences).
Event mentions are the ACTION_* and NEG_ACTION_* markables that have tokens and sit in an
annotated sentence; their gold cluster is the CROSS_DOC_COREF instance, else the INTRA_DOC_COREF
chain, else the mention alone (a singleton), as the usual ECB+ evaluation counts them.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree


@dataclass
class EventMention:
    id: str
    doc: str
    sentence: int
    tokens: list[int]  # indices into the document's token list
    gold: str


@dataclass
class Document:
    id: str
    topic: str
    subtopic: str
    split: str
    words: list[str]
    sentences: list[int]  # sentence number of each word
    mentions: list[EventMention] = field(default_factory=list)


def read_split(folder: Path, split: str) -> list[Document]:
    meta = folder / "meta"
    table = meta / "doc_topics_splits.tsv"
    if not table.is_file():
        sys.exit(f"error: {table} not found: pass --data with an ECB+-layout folder")
    with table.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["split"] == split]
    if not rows:
        sys.exit(f"error: no document of split {split!r} in {table}")
    annotated: set[tuple[str, int]] = set()
    with (meta / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            annotated.add((f"{r['Topic']}_{r['File']}", int(r["Sentence Number"])))
    docs = []
    for r in rows:
        path = folder / "data" / r["topic"] / f"{r['doc_id']}.xml"
        if not path.is_file():
            print(f"warning: {path} missing, skipped", file=sys.stderr)
            continue
        docs.append(_read_doc(path, r, annotated))
    return docs


def _read_doc(path: Path, row: dict, annotated: set[tuple[str, int]]) -> Document:
    root = ElementTree.parse(path).getroot()
    doc_id = row["doc_id"]
    words, sentences, index = [], [], {}
    for tok in root.iter("token"):
        index[tok.get("t_id")] = len(words)
        words.append(tok.text or "")
        sentences.append(int(tok.get("sentence")))
    gold: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        if rel.tag == "CROSS_DOC_COREF":
            chain = rel.get("note")
        elif rel.tag == "INTRA_DOC_COREF":
            chain = f"{doc_id}/{rel.get('r_id')}"
        else:
            continue
        for src in rel.findall("source"):
            gold[src.get("m_id")] = chain
    doc = Document(doc_id, row["topic"], row["subtopic"], row["split"], words, sentences)
    markables = root.find("Markables")
    for m in markables if markables is not None else []:
        if "ACTION" not in m.tag:
            continue
        toks = sorted(index[a.get("t_id")] for a in m.findall("token_anchor"))
        if not toks or (doc_id, sentences[toks[0]]) not in annotated:
            continue
        m_id = m.get("m_id")
        doc.mentions.append(EventMention(
            f"{doc_id}/{m_id}", doc_id, sentences[toks[0]], toks,
            gold.get(m_id, f"{doc_id}/{m_id}"),
        ))
    return doc
