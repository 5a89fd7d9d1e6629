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
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_OPENERS = set("\"'“‘«—–-•*")


def mark_paragraphs(doc: Doc) -> Doc:
    for token in doc[1:]:
        space = doc[token.i - 1]
        if token.is_space or not space.is_space or "\n" not in space.text or space.i == 0:
            continue
        first = token.text[0]
        if space.text.count("\n") > 1 or first.isupper() or first.isdigit() or first in _OPENERS:
            space.is_sent_start = True
    return doc


@Language.factory("claimgraph_paragraphs")
def make_paragraphs(nlp: Language, name: str):
    return mark_paragraphs
