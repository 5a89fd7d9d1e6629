"""The ``claimgraph_entities`` component: spaCy's named entities grouped within one article.

Each group becomes one :class:`~claimgraph.model.Entity`: the canonical name is the longest full
name seen, shorter names that resolve to it are aliases ("Brown" for "Mary Brown"), and every
mention is kept. A surname-only mention goes to the compatible person mentioned most recently,
so two people who share a surname stay apart (the nearer one in the text wins, not a list).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimgraph.analyze import extensions  # noqa: F401  (registers the Doc attributes)
from claimgraph.analyze.roles import roles_of
from claimgraph.model import Entity, EntityType, Mention

TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "LOC": "LOC",
    "FAC": "LOC", "PRODUCT": "OTHER", "EVENT": "OTHER", "WORK_OF_ART": "OTHER",
    "LAW": "OTHER", "LANGUAGE": "OTHER",
}
# Names are grouped only with names of a compatible type: spaCy often labels the same
# organisation ORG in one sentence and GPE or LOC in another.
_FAMILY = {"PERSON": "person", "NORP": "norp", "OTHER": "other"}
_STRIP_PREFIX = ("the ", "The ")
_POSSESSIVE = ("’s", "'s", "’", "'")


@dataclass
class _Group:
    type: EntityType
    names: list[str]
    parts: set[str]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    last: int = 0


def clean_name(text: str) -> str:
    """The name as written without a leading article, possessive ending or surrounding spaces."""
    text = " ".join(text.split())
    for prefix in _STRIP_PREFIX:
        if text.startswith(prefix):
            text = text[len(prefix):]
    for suffix in _POSSESSIVE:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
            break
    return text.strip(" ,;:-–—\"“”‘’'")


def _family(kind: EntityType) -> str:
    return _FAMILY.get(kind, "place_or_org")


def _parts(name: str) -> set[str]:
    return {part for part in name.replace("-", " ").split() if part[:1].isupper()}


def group_entities(doc: Doc) -> list[Entity]:
    """The article's entities in order of first mention."""
    groups: list[_Group] = []
    by_name: dict[tuple[str, str], _Group] = {}
    for ent in doc.ents:
        kind = TYPES.get(ent.label_)
        name = clean_name(ent.text) if kind else ""
        if not kind or not any(ch.isupper() for ch in name):
            continue  # no capital, no name: "n't", "'s", a lower-case word tagged by mistake
        if kind == "PERSON" and _after_place(ent):
            kind = "GPE"  # "Kingston, Ont.": a region's abbreviation, not a person
        start, end = _trimmed_offsets(ent, name)
        family = _family(kind)
        group = by_name.get((family, name)) or _short_form_of(groups, family, name)
        if group is None and kind == "ORG":  # spaCy often takes a bare surname for an ORG
            group = _short_form_of(groups, "person", name)
        if group is None:
            group = _longer_form_of(groups, family, name)
            if group is not None:
                group.names.append(name)
                group.parts |= _parts(name)
        if group is None:
            group = _Group(type=kind, names=[name], parts=_parts(name))
            groups.append(group)
        elif name not in group.names:
            group.names.append(name)
        by_name.setdefault((family, name), group)
        group.mentions.append((start, end))
        group.last = start
        if kind == "PERSON":
            for role in roles_of(ent):
                if role not in group.roles:
                    group.roles.append(role)
    return [_record(n, g) for n, g in enumerate(groups, start=1)]


def _after_place(ent: Span) -> bool:
    """One abbreviated word right after "Place," as in a dateline or address ("Kingston, Ont.")."""
    doc, i = ent.doc, ent.start
    abbreviated = ent.text.endswith(".") or doc.text[ent.end_char:ent.end_char + 1] == "."
    return len(ent) == 1 and abbreviated and i >= 2 and doc[i - 1].text == "," and \
        doc[i - 2].ent_type_ in ("GPE", "LOC", "ORG") and doc[i - 2].text[:1].isupper()


def _trimmed_offsets(ent: Span, name: str) -> tuple[int, int]:
    """Character offsets of ``name`` inside the entity span (spaCy spans may include "the")."""
    at = ent.text.find(name)
    start = ent.start_char + max(at, 0)
    return start, start + len(name) if at >= 0 else ent.end_char


def _short_form_of(groups: list[_Group], family: str, name: str) -> _Group | None:
    """The most recently mentioned group whose full name starts or ends with one-word ``name``."""
    if " " in name or family not in ("person", "place_or_org"):
        return None
    best = None
    for group in groups:
        if _family(group.type) != family or not _has_edge_word(group, name):
            continue
        if best is None or group.last > best.last:
            best = group
    return best


def _has_edge_word(group: _Group, word: str) -> bool:
    for full in group.names:
        words = full.replace("-", " ").split()
        if len(words) > 1 and word in (words[0], words[-1]):
            return True
    return False


def _longer_form_of(groups: list[_Group], family: str, name: str) -> _Group | None:
    """A group so far known only by one word that ``name`` extends ("Clinton" → "Hillary Clinton")."""
    words = name.replace("-", " ").split()
    if len(words) < 2 or family != "person":
        return None
    for group in reversed(groups):
        if _family(group.type) == family and all(" " not in n for n in group.names):
            if any(n in (words[0], words[-1]) for n in group.names):
                return group
    return None


def _record(number: int, group: _Group) -> Entity:
    canonical = max(group.names, key=lambda n: (len(n.split()), len(n)))
    return Entity(
        id=f"e{number}",
        name=canonical,
        type=group.type,
        aliases=[n for n in group.names if n != canonical],
        roles=group.roles,
        mentions=[Mention(start=s, end=e) for s, e in group.mentions],
    )


class EntityGrouper:
    """Writes the article's grouped entities to ``doc._.entities``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = group_entities(doc)
        return doc


@Language.factory("claimgraph_entities")
def make_entities(nlp: Language, name: str) -> EntityGrouper:
    return EntityGrouper()
