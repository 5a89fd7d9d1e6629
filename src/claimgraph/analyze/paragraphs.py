"""The ``claimgraph_paragraphs`` component: a new line of text opens a new sentence.

It runs before the parser, which keeps sentence starts set before it. Without it the parser
runs a headline, caption or label that has no full stop into the paragraph after it
("Parole board declines to comment" + "The decision said ...") and the parse of both goes
wrong: speakers are then taken from the other line. A blank line always ends a sentence; a
single line break does when the next line starts like a sentence (a capital, a digit, a
quotation mark or a dash), since some texts break lines inside sentences.

The line break itself is marked as the start, not the word after it: the parser then ends the
line before cleanly, whereas a start forced on the first word made it cut that word off as a
sentence of its own ("Vickers" | "said he ...") or garble the phrase ending the line before.

``headline_lines`` finds body lines set like headlines, which report nothing of the article.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.analyze.extensions import doc_text, per_doc

_OPENERS = set("\"'“‘«—–-•*")
# Headline lines: words left lower case in title case, and the share of the rest capitalised.
_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with",
                "by", "from", "as", "vs", "vs.", "after", "over", "into", "is", "are", "be"}
_HEADLINE_SHARE = 0.8
_MARKS = "\"“”'‘’()[]"
_ENDS_LINE = (".", "!", "?", ":", ";", ",")
_LINE = re.compile(r"[^\n]+")


def mark_paragraphs(doc: Doc) -> Doc:
    spaces = doc.to_array(IS_SPACE)  # a Token object only for the few space tokens
    for i in np.flatnonzero(spaces[1:-1]).tolist():
        space, token = doc[i + 1], doc[i + 2]
        if spaces[i + 2] or "\n" not in space.text:
            continue
        first = token.text[0]
        if space.text.count("\n") > 1 or first.isupper() or first.isdigit() or first in _OPENERS:
            space.is_sent_start = True
    return doc


@Language.factory("claimgraph_paragraphs")
def make_paragraphs(nlp: Language, name: str):
    return mark_paragraphs


def headline_lines(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the lines after the first set like headlines: three or more
    capitalised words, small words aside, and no sentence end ("Man Shot at Gas Station Dies
    at Hospital"), or a question mark after words all capitalised ("What Does It Offer?"):
    the headline of another story or a section heading, which reports nothing of this one
    and names no one in it. The first line, a title, is left to the rules for titles. Found
    once per Doc, for entities and quotes."""
    return per_doc(doc, "headline_lines", lambda: _headline_lines(doc_text(doc)))


def _headline_lines(text: str) -> list[tuple[int, int]]:
    found = []
    for line in _LINE.finditer(text):
        if line.start() == 0 or _TURN.match(line.group()):
            continue
        words = [w.strip(_MARKS) for w in line.group().split()]
        big = [w for w in words if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
        capitals = sum(w[0].isupper() for w in big)
        end = line.group().rstrip(_MARKS + " ")
        if len(big) >= 3 and capitals >= _HEADLINE_SHARE * len(big) and (
                not end.endswith(_ENDS_LINE) or _question_heading(end, big, capitals)):
            found.append(line.span())
    return found


# Labels of an interview's turns ("Q: ...", "Answer: ..."): its questions are the outlet's, its
# answers the guest's. A turn is no heading, however its words are capitalised.
QUESTION_LABELS = frozenset({"q", "question"})
ANSWER_LABELS = frozenset({"a", "answer"})
_TURN = re.compile(r"\s*(?:%s)\s*:" % "|".join(QUESTION_LABELS | ANSWER_LABELS),
                   re.IGNORECASE)


def _question_heading(line: str, big: list[str], capitals: int) -> bool:
    """Whether a line (without closing marks) ending in a question mark is a heading ("What
    Does Stadia Offer?"): four or more words, all capitalised, and no label before a colon
    ("Q: Does Ted Cruz?", a line of an interview whose names are capitalised anyway)."""
    return line.endswith("?") and ":" not in line and len(big) >= 4 and capitals == len(big)
