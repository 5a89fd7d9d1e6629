"""Roles of a named person from the parse: premodifiers and appositions.

"Foreign Minister Jane Doe" gives "Foreign Minister"; "Ana Silva, Secretary General of X and
former Y" gives two roles, one per coordinated apposition.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.analyze.persons import is_title, names_a_person

_PREMODIFIER_DEPS = {"compound", "nmod", "amod", "poss", "det", "case", "punct", "prep", "pobj"}
_ROLE_POS = {"NOUN", "PROPN"}
_MAX_ROLE_TOKENS = 14
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "mx", "madam", "mister"}


def roles_of(ent: Span) -> list[str]:
    """The roles the sentence gives the person named by ``ent``."""
    roles = []
    premodifier = _premodifier(ent)
    if premodifier:
        roles.append(premodifier)
    roles.extend(_appositions(ent))
    return roles


def _premodifier(ent: Span) -> str | None:
    """The words before the name that modify it: "Brazilian Trade Minister" Ana Silva."""
    doc = ent.doc
    name = set(range(ent.start, ent.end))
    start = ent.start
    while start > ent.sent.start:
        token = doc[start - 1]
        if token.is_space or token.dep_ not in _PREMODIFIER_DEPS or not _attaches_into(token, name):
            break
        start -= 1
    while start < ent.start and (doc[start].dep_ == "det" or doc[start].is_punct):
        start += 1
    return _role_text(doc[start:ent.start])


def _attaches_into(token: Token, targets: set[int]) -> bool:
    """Whether ``token``'s chain of heads reaches ``targets`` without leaving the noun phrase."""
    for _ in range(_MAX_ROLE_TOKENS):
        if token.head.i in targets:
            return True
        if token.head.i == token.i or token.dep_ not in _PREMODIFIER_DEPS:
            return False
        token = token.head
    return False


def _appositions(ent: Span) -> list[str]:
    """Roles in appositions after the name, split at coordination."""
    roles = []
    for child in ent.root.children:
        if child.dep_ != "appos" or child.i < ent.end or child.ent_type_ in ("DATE", "PERSON"):
            continue
        conjuncts = [c for c in child.children if c.dep_ == "conj"]
        excluded = {t.i for c in conjuncts for t in c.subtree}
        excluded |= {c.i for c in child.children if c.dep_ == "cc"}
        first = [t for t in child.subtree if t.i not in excluded]
        for head, tokens in [(child, first)] + [(c, list(c.subtree)) for c in conjuncts]:
            if tokens and _names_a_person(head):
                role = _role_text(ent.doc[tokens[0].i: tokens[-1].i + 1])
                if role:
                    roles.append(role)
    return roles


def _names_a_person(head: Token) -> bool:
    """Whether an apposition's head is a kind of person or a title ("Taylor Swift, her former
    record label and ..." lists a label, not a role of hers)."""
    return head.pos_ == "PROPN" or names_a_person(head)


def _role_text(span: Span) -> str | None:
    """The role as written, if ``span`` holds a common noun or title outside any named entity."""
    if not 0 < len(span) <= _MAX_ROLE_TOKENS:
        return None
    if not any(t.pos_ in _ROLE_POS and (not t.ent_type_ or is_title(t.text)) for t in span):
        return None
    if any(t.is_space or t.text in "\"“”«»()" for t in span):
        return None
    if all(t.lower_.rstrip(".") in _HONORIFICS for t in span):
        return None  # "Mr." is a form of address, not a role
    return span.text.strip(" ,;:")
