"""Quoted stretches of a text, found from its quotation marks in one linear pass.

Typographic (“ ” „ « » ‹ › 「 」 『 』) and straight (") double marks are paired with a bounded
stack, so nested and exotic marks are handled without recursion; single marks (' ‘ ’) set off
quotations where no double mark is, told from apostrophes by where they stand. A stretch still
open at the end of a paragraph continues when the next paragraph opens with a quotation mark (the
newspaper convention for multi-paragraph quotes) and is otherwise closed there, so an unbalanced
mark never swallows the rest of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimgraph.analyze.extensions import doc_text, per_doc

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Opening mark -> the marks that may close it. Scraped text mixes straight and typographic
# marks ("...” and “...") and some papers write two single marks for a double one (''...'',
# ‘‘...’’, “...’’).
_CLOSERS = {
    "“": ("”", '"', "’’"),
    "„": ("“", "”"),
    "«": ("»",),
    "‹": ("›",),
    "「": ("」",),
    "『": ("』",),
    '"': ('"', "”", "''"),
    "”": ("”", '"'),  # opening only where its position says so (``_opens_by_position``)
    "''": ("''", "’’"),
    "‘‘": ("’’", "''", "”"),
}
_OPENERS = set(_CLOSERS) - {"”"}
_MARK = re.compile("''|’’|‘‘|[“”„«»‹›「」『』\"]|\n\\s*\n|\n")
_MAX_DEPTH = 8
_BEFORE_OPENING = set("([{—–-/")
_SENTENCE_BREAK = re.compile(r"[.!?]\s")  # a second sentence: no title
_SINGLE = re.compile("['‘’]|\n\\s*\n|\n")
_SINGLE_OPEN_AT = re.compile(r"[ \t]*['‘](?=\w)")
_WORD_AFTER = re.compile(r"\w+")
_ELISIONS = {"em", "til", "cause", "tis", "twas", "n", "bout", "round", "cos", "s"}


@dataclass
class Stretch:
    """One top-level quotation: its content pieces (one per paragraph) without the marks."""

    pieces: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = False

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def find_stretches(text: str) -> list[Stretch]:
    """Top-level quoted stretches of ``text`` in order, each with at least one word: those of
    double marks, and of single marks where no double one is (the British convention)."""
    double = _double_stretches(text)
    ends = [s.end for s in double]
    single = [s for s in _single_stretches(text) if not _overlaps_any(s, double, ends)]
    return sorted(double + single, key=lambda s: s.start) if single else double


def _double_stretches(text: str) -> list[Stretch]:
    found: list[Stretch] = []
    stack: list[str] = []
    current: Stretch | None = None
    piece_start = 0
    skip = -1  # the mark reopening a continued quotation is not a new opening
    cut: Stretch | None = None  # a stretch left open at the paragraph break just passed
    for match in _MARK.finditer(text):
        mark, at = match.group(), match.start()
        if at == skip:
            continue
        if mark.startswith("\n"):
            cut, paragraph = None, match.end()
            if current is None:
                continue
            current.pieces.append((piece_start, at))
            reopen = _reopening(text, match.end(), stack[0])
            if reopen is None:
                found.append(current)
                cut, current, stack = current, None, []
            else:
                piece_start, skip = reopen + len(stack[0]), reopen
                del stack[1:]
            continue
        if not stack and _in_closing_position(text, mark, at):
            if cut is not None:  # the paragraph break fell inside the quotation (scraped text
                # that broke a sentence): it runs on to this mark
                cut.pieces.append((paragraph, at))
                cut.closed, cut = True, None
            continue  # a closing mark with nothing open opens nothing
        cut = None
        if stack and (mark in _CLOSERS[stack[-1]] or _closes_by_position(text, mark, at)):
            stack.pop()
            if not stack and current is not None:
                current.pieces.append((piece_start, at))
                current.closed = True
                found.append(current)
                current = None
        elif (mark in _OPENERS or (not stack and _opens_by_position(text, mark, at))) and \
                len(stack) < _MAX_DEPTH:
            if not stack:
                current, piece_start = Stretch(), match.end()
            stack.append(mark)
    if current is not None:
        current.pieces.append((piece_start, len(text)))
        found.append(current)
    return [s for s in (_trim(text, s) for s in found) if s is not None]


def _single_stretches(text: str) -> list[Stretch]:
    """Stretches set off by single marks ('...' or ‘...’), each closed within its paragraph or
    continued into the next one that opens with a single mark. An apostrophe inside a word
    ("didn't"), an elision ("'90s") or a plural possessive ("the players' union") neither opens
    nor closes one; a stretch left open at a paragraph's end is dropped, not guessed."""
    found: list[Stretch] = []
    pieces: list[tuple[int, int]] = []
    start = None
    for match in _SINGLE.finditer(text):
        at = match.start()
        if match.group().startswith("\n"):
            if start is not None:
                reopen = _SINGLE_OPEN_AT.match(text, match.end())
                if reopen is not None:  # a quotation running on into the next paragraph
                    pieces.append((start, at))
                    start = reopen.end()
                    continue
            pieces, start = [], None
            continue
        if start is None:
            if _opens_single(text, at):
                start = at + 1
        elif _closes_single(text, at):
            found.append(Stretch(pieces + [(start, at)], closed=True))
            pieces, start = [], None
    return [s for s in (_trim(text, s) for s in found) if s is not None]


def _opens_single(text: str, at: int) -> bool:
    before = text[at - 1] if at > 0 else " "
    word = _WORD_AFTER.match(text, at + 1)
    return (before.isspace() or before in _BEFORE_OPENING or before == ":") and word is not None \
        and word.group().lower() not in _ELISIONS and not word.group()[:1].isdigit()


def _closes_single(text: str, at: int) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before.isspace() or after.isalnum():
        return False  # "'tis", "didn't"
    if before in "sz" and after == " " and text[at + 2: at + 3].islower():
        return False  # "the players' union": a possessive
    return True


def _overlaps_any(stretch: Stretch, others: list[Stretch], ends: list[int]) -> bool:
    """Whether ``stretch`` overlaps one of ``others`` (in order, ``ends`` their ends)."""
    k = bisect_right(ends, stretch.start)  # the first that ends after the stretch starts
    return k < len(others) and others[k].start < stretch.end


def _in_closing_position(text: str, mark: str, at: int) -> bool:
    """Whether a straight or closing double mark stands where a quotation ends: right after a
    word or punctuation, before a space, the end or punctuation ('..., veterans," said X')."""
    return mark in ('"', "”") and at > 0 and not text[at - 1].isspace() and \
        text[at - 1] not in _BEFORE_OPENING and (at + 1 == len(text) or not text[at + 1].isalnum())


def _closes_by_position(text: str, mark: str, at: int) -> bool:
    """Whether an opening mark typed where a quotation ends closes it: right after a word or
    punctuation and before a space or punctuation ('“Not yet,“ he said')."""
    return mark == "“" and at > 0 and not text[at - 1].isspace() and \
        text[at - 1] not in _BEFORE_OPENING and (at + 1 == len(text) or not text[at + 1].isalnum())


def _opens_by_position(text: str, mark: str, at: int) -> bool:
    """Whether a closing mark typed where a quotation starts opens it: at the start of a line
    or after a space, right before a word ('”Fear. I am afraid.”')."""
    return mark == "”" and (at == 0 or text[at - 1].isspace()) and \
        at + 1 < len(text) and text[at + 1].isalnum()


def _reopening(text: str, at: int, opener: str) -> int | None:
    """Offset of the mark reopening a quotation at the start of the paragraph at ``at``."""
    while at < len(text) and text[at] in " \t":
        at += 1
    if text.startswith(opener, at):
        return at
    return None


def _trim(text: str, stretch: Stretch) -> Stretch | None:
    pieces = []
    for start, end in stretch.pieces:
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1  # '"We will win," she said': the comma belongs to the sentence
        if any(ch.isalnum() for ch in text[start:end]):
            pieces.append((start, end))
    return Stretch(pieces, stretch.closed) if pieces else None


def is_quoted_title(stretch: Stretch, text: str) -> bool:
    """Whether a quoted stretch is a title in capitals ("The Kid Who Would Be King", "Women in
    Power"), not a sentence ("We're America.", "Here comes Big Daddy"): one piece, one
    sentence, its first word and every longer one capitalised, and two capitalised words when
    it does not end like a sentence, three when it does."""
    if len(stretch.pieces) > 1:
        return False
    quoted = text[stretch.start:stretch.end].strip()
    words = [w for w in quoted.split() if w[:1].isalpha()]
    if not words or not words[0][0].isupper() or _SENTENCE_BREAK.search(quoted) or any(
            not w[0].isupper() for w in words[1:] if len(w.strip(".,;:!?")) >= 4):
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised >= (3 if quoted[-1] in ".!?" else 2)


class StretchIndex:
    """The stretches of a text, searchable by offset in logarithmic time."""

    def __init__(self, stretches: list[Stretch]):
        self.stretches = stretches
        self.starts = [s.start for s in stretches]

    def containing(self, offset: int) -> int | None:
        """The index of the stretch whose content holds ``offset``, if any."""
        k = bisect_right(self.starts, offset) - 1
        if k >= 0 and any(a <= offset < b for a, b in self.stretches[k].pieces):
            return k
        return None

    def starting_between(self, low: int, high: int) -> range:
        """Indexes of the stretches that start within ``[low, high]``."""
        return range(bisect_left(self.starts, low), bisect_right(self.starts, high))


def doc_stretches(doc: Doc) -> StretchIndex:
    """The stretches of ``doc``'s text, found once per Doc: quote finding and coreference
    both read them."""
    return per_doc(doc, "stretches", lambda: StretchIndex(find_stretches(doc_text(doc))))
