"""The ``claimgraph_entities`` component: spaCy's named entities grouped within one article.

Each group becomes one :class:`~claimgraph.model.Entity`: the canonical name is the longest full
name seen, shorter names that resolve to it are aliases ("Brown" for "Mary Brown"), and every
mention is kept. A surname-only mention goes to the compatible person last seen as a subject,
else to the one mentioned most recently, so two people who share a surname stay apart.
A person's name leaves out the titles the tagger took in ("Organizer Jane Doe" is "Jane Doe",
a role), and every later occurrence of a known name or surname is a mention even where the
tagger missed it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP, POS
from spacy.language import Language
from spacy.symbols import NOUN, appos
from spacy.tokens import Doc, Span

from claimgraph.analyze.extensions import doc_text  # (importing it registers the Doc attributes)
from claimgraph.analyze.marks import doc_stretches, is_quoted_title
from claimgraph.analyze.paragraphs import headline_lines
from claimgraph.analyze.persons import CORPORATE_ENDINGS, is_org_word, is_title, names_a_person
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
_POSSESSIVE = ("’s", "'s", "‘s", "’", "'")
_CREDIT_MARKS = {"/", "|"}  # "Jane Doe / AP": a photo credit after the name
_NAME_SUFFIXES = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"}


@dataclass
class _Group:
    type: EntityType
    names: list[str]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    last: int = 0
    last_subject: int = -1  # the latest mention as a clause's subject, -1 before any

    def absorb(self, other: _Group) -> None:
        """Take ``other``'s mentions and roles, once the text is grouped (``last`` and
        ``last_subject`` only steer grouping)."""
        self.mentions = sorted(self.mentions + other.mentions)
        self.roles += [r for r in other.roles if r not in self.roles]


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


def group_entities(doc: Doc) -> list[Entity]:
    """The article's entities in order of first mention."""
    groups: list[_Group] = []
    by_name: dict[tuple[str, str], _Group] = {}
    elsewhere = headline_lines(doc)  # other stories' headlines name no one here
    group_words = {ent[-1].text for ent in doc.ents if ent.label_ == "NORP"}
    surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    spans = [part for ent in doc.ents for part in _owner_and_name(ent, surnames)]
    for ent in sorted([*spans, *_described_names(doc)], key=lambda e: e.start):
        if any(a <= ent.start_char < b for a, b in elsewhere):
            continue
        kind = TYPES.get(ent.label_)
        while len(ent) > 1 and ent[-1].is_space:  # "Traeger\u200b": a character read as space
            ent = ent[:-1]
        if kind == "ORG" and _title_then_name(ent):
            kind = "PERSON"  # "Wet'suwet'en Hereditary Chief Na'moks" tagged as an organisation
        if kind == "PERSON":
            ent = _name_span(ent)
        name = clean_name(ent.text) if kind else ""
        if not kind or not any(ch.isupper() for ch in name):
            continue  # no capital, no name: "n't", "'s", a lower-case word tagged by mistake
        if kind == "PERSON" and _in_quoted_title(doc, ent):
            continue  # "Takin'" of the song "Takin' It to the Streets": a word of a title
        if kind == "ORG" and _titled(ent, name):
            kind = "PERSON"  # "executive chair Marcelo Claure" tagged as an organisation
        if kind in ("ORG", "GPE", "NORP", "OTHER") and _after_an_age(ent):
            kind = "PERSON"  # "25-year-old Guzel said": someone of an age
        if kind == "PERSON" and len(ent) == 1 and ent.start > 0 and \
                doc[ent.start - 1].lower_ == "the" and ent.root.dep_ not in ("compound", "amod"):
            # "the Moon", "the Apprentice": no one's name takes "the" (but "the Trump
            # administration"); "the Chronicle" after "the San Francisco Chronicle" is that paper
            kind = "ORG" if _short_form_of(groups, "place_or_org", name, "ORG", first_name=False) \
                else "OTHER"
        if kind == "PERSON" and _after_place(ent):
            kind = "GPE"  # "Kingston, Ont.": a region's abbreviation, not a person
        if kind == "PERSON" and len(name.split()) > 1 and \
                name.split()[-1].lower() in CORPORATE_ENDINGS:
            kind = "ORG"  # "Dick Clark Productions", "Acme Holdings": a company named for someone
        if kind == "PERSON" and ent[-1].tag_ == "NNPS" and ent[-1].text in group_words:
            kind = "NORP"  # "Virginia Democrats" when "Ohio Democrats" is a group: no person
        start, end = _trimmed_offsets(ent, name)
        family = _family(kind)
        group = by_name.get((family, name)) or _short_form_of(groups, family, name, kind)
        if group is None and kind != "PERSON":  # a bare surname tagged ORG, NORP, GPE ...
            group = _short_form_of(groups, "person", name, first_name=False)
        if group is None and kind == "PERSON":
            group = _person_tagged_otherwise(groups, name)
        if group is None:
            group = _longer_form_of(groups, family, name)
            if group is not None:
                group.names.append(name)
        if group is None:
            group = _Group(type=kind, names=[name])
            groups.append(group)
        elif name not in group.names:
            group.names.append(name)
        by_name.setdefault((family, name), group)
        group.mentions.append((start, end))
        group.last = start
        if ent.root.dep_ in ("nsubj", "nsubjpass"):
            group.last_subject = start
        if kind == "PERSON":
            for role in roles_of(ent):
                if role not in group.roles:
                    group.roles.append(role)
    groups = _join_mistyped(groups)
    _link_known_names(doc, groups)
    text = doc_text(doc)
    groups = _join_acronyms(text, groups)
    _link_acronyms(text, groups)
    return [_record(n, g, text) for n, g in enumerate(groups, start=1)]


def _owner_and_name(ent: Span, surnames: set[str]) -> list[Span]:
    """``ent``, or the two names the tagger ran together across a possessive when what follows
    it is the surname of a person named in the text ("NPR’s Feng" after "Emily Feng": NPR, and
    Feng as a person); a name that owns a thing stays whole ("McDonald's Corp")."""
    if ent.label_ == "PERSON" or ent[-1].text not in surnames:
        return [ent]
    owner = next((t.i for t in ent[1:-1] if t.tag_ == "POS"), None)
    if owner is None or ent.end - owner > 4:
        return [ent]
    return [Span(ent.doc, ent.start, owner, label=ent.label_),
            Span(ent.doc, owner + 1, ent.end, label="PERSON")]


def _join_mistyped(groups: list[_Group]) -> list[_Group]:
    """Names the tagger gave two types ("Instagram" an organisation in most sentences, a person
    in a few; "Jane Doe's company" tagged as an organisation named "Jane Doe"): one entity, of
    the type most of its mentions have."""
    by_name: dict[str, list[_Group]] = {}
    for group in groups:
        if len(group.names) == 1:
            by_name.setdefault(group.names[0], []).append(group)
    gone: set[int] = set()
    for same in by_name.values():
        if len(same) < 2 or len({_family(g.type) for g in same}) < 2:
            continue
        keep = max(same, key=lambda g: len(g.mentions))
        for group in same:
            if group is not keep:
                keep.absorb(group)
                gone.add(id(group))
    return [g for g in groups if id(g) not in gone]


def _in_quoted_title(doc: Doc, ent: Span) -> bool:
    """Whether ``ent`` is part of a quoted title ("Takin’ It to the Streets"), not all of it."""
    stretches = doc_stretches(doc)
    k = stretches.containing(ent.start_char)
    if k is None:
        return False
    stretch, text = stretches.stretches[k], doc_text(doc)
    return is_quoted_title(stretch, text) and \
        text[stretch.start:stretch.end].strip(" ,.;:!?") != ent.text


_ACRONYM = re.compile(r"[A-Z]{2,5}")
_GAP = r"[\s-]+(?:(?:of|and|for|the|&)\s+)?"  # "Department of Health and Human Services"


def _join_acronyms(text: str, groups: list[_Group]) -> list[_Group]:
    """Join an acronym ("LN", "PBO") to the name it abbreviates written before it ("Live
    Nation", "Parliamentary Budget Officer"): to that name's group, or to the group of a longer
    name holding it ("CDC" of "Chinese Center for Disease Control and Prevention"), else as its
    full name."""
    by_name = {n: g for g in groups for n in g.names}
    joined = []
    for group in groups:
        acronym = group.names[0]
        if len(group.names) > 1 or not _ACRONYM.fullmatch(acronym) or group.type == "PERSON":
            continue
        pattern = r"\b" + _GAP.join(re.escape(c) + r"[\w’'.]*" for c in acronym) + r"\b"
        first = min(s for s, _ in group.mentions)
        found = None
        for found in re.finditer(pattern, text[:first]):
            pass
        if found is None or found.group() == acronym:
            continue
        name = found.group()
        target = by_name.get(name) or next(
            (g for g in groups if g.type != "PERSON" and any(
                a <= found.start() and found.end() <= b for a, b in g.mentions)), None)
        if target is not None and target is not group and target.type != "PERSON":
            target.names.append(acronym)
            target.absorb(group)
            joined.append(group)
        elif target is None:
            group.names.append(name)
            group.mentions = sorted(group.mentions + [found.span()])
    return [g for g in groups if g not in joined]


_SMALL = {"of", "and", "for", "the", "&", "on", "in"}


def _link_acronyms(text: str, groups: list[_Group]) -> None:
    """Make a mention of each later acronym of an organisation's name of three or more words
    that the tagger left out ("WHO" after "the World Health Organization"), outside runs of
    capitals ("THE MAN WHO KNEW")."""
    taken = sorted(m for g in groups for m in g.mentions)
    for group in groups:
        if group.type != "ORG":
            continue
        for name in list(group.names):
            words = [w for w in name.split() if w.lower() not in _SMALL]
            if len(words) < 3 or not all(w[:1].isupper() for w in words):
                continue
            acronym = "".join(w[0] for w in words)
            first = min(s for s, _ in group.mentions)
            for found in re.finditer(r"(?<![\w-])%s(?![\w-])" % acronym, text):
                start, end = found.span()
                if start < first or any(a < end and start < b for a, b in taken) or \
                        re.search(r"[A-Z]{2,}\W+$", text[max(0, start - 12):start]) or \
                        re.match(r"\W+[A-Z]{2,}", text[end:end + 12]):
                    continue
                group.mentions.append((start, end))
                if acronym not in group.names:
                    group.names.append(acronym)
            group.mentions.sort()


def _titled(ent: Span, name: str) -> bool:
    """Whether a two- or three-word name with no word of an organisation's comes right after
    a lower-case title or person noun that modifies it ("chair Jane Doe"), or has one in
    apposition ("Jane Doe, a trade professor at Cornell")."""
    words = name.split()
    if not 1 < len(words) <= 3 or any(is_org_word(w) or not w[:1].isupper() for w in words):
        return False
    if any(c.dep_ == "appos" and c.pos_ == "NOUN" and names_a_person(c) for c in ent.root.children):
        return True
    before = ent.doc[ent.start - 1] if ent.start else None
    return before is not None and before.is_lower and names_a_person(before) and (
        before.dep_ == "compound" and before.head in ent or
        ent.root.dep_ == "appos" and ent.root.head == before)


def _after_an_age(ent: Span) -> bool:
    """Whether an age comes right before the span ("25-year-old Guzel")."""
    before = [t.lower_ for t in ent.doc[max(ent.start - 5, 0): ent.start]]
    return len(before) == 5 and before[0].isdigit() and before[1:] == ["-", "year", "-", "old"]


def _title_then_name(ent: Span) -> bool:
    """Whether a span ends in a title and one or two capitalised words that are no title and
    no word of an organisation's ("Police Chief Mike Hale", "Hereditary Chief Na'moks")."""
    titles = [t.i for t in ent[:-1] if t.is_title and is_title(t.text)]
    if not titles:
        return False
    rest = ent.doc[titles[-1] + 1: ent.end]
    return len(rest) <= 2 and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and not is_title(t.text)
        and not is_org_word(t.text) for t in rest)


def _described_names(doc: Doc) -> list[Span]:
    """Names the tagger missed that an apposition calls a person ("Eswar Prasad, a trade
    professor at Cornell, said"), as PERSON spans."""
    found = []
    columns = doc.to_array([DEP, POS])  # one array read instead of a Token per word
    for i in np.flatnonzero((columns[:, 0] == appos) & (columns[:, 1] == NOUN)).tolist():
        noun = doc[i]
        token = noun.head
        if token.pos_ != "PROPN" or token.ent_type_ or not token.is_title or \
                not names_a_person(noun) or noun.left_edge.i == 0 or \
                doc[noun.left_edge.i - 1].text != ",":
            continue
        start = token.i
        while start > 0 and doc[start - 1].head == token and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and \
                not doc[start - 1].ent_type_ and not is_title(doc[start - 1].text):
            start -= 1
        if token.i - start < 3 and (not found or found[-1].end != token.i + 1):
            found.append(Span(doc, start, token.i + 1, label="PERSON"))
    return found


def _after_place(ent: Span) -> bool:
    """One abbreviated word right after "Place," as in a dateline or address ("Kingston, Ont.")."""
    doc, i = ent.doc, ent.start
    # Token by token: Doc.text joins the whole document on every call.
    following = doc[ent.end] if ent.end < len(doc) else None
    abbreviated = ent.text.endswith(".") or (
        following is not None and following.idx == ent.end_char and following.text[:1] == ".")
    return len(ent) == 1 and abbreviated and i >= 2 and doc[i - 1].text == "," and \
        doc[i - 2].ent_type_ in ("GPE", "LOC", "ORG") and doc[i - 2].text[:1].isupper()


def _name_span(ent: Span) -> Span:
    """The person's name inside a PERSON span: without titles before it ("Organizer",
    "Huawei CFO"), a photo credit ("/ AP"), an affiliation ("of IG") or what the name owns
    ("’s 2016 campaign") after it."""
    end = ent.end
    for token in ent[1:]:
        if token.text in _CREDIT_MARKS or token.lower_ == "of" or token.tag_ == "POS":
            end = token.i
            break
    doc = ent.doc
    start = ent.start
    if len(ent) == 1 and start > 0 and doc[start - 1].pos_ == "PROPN" and \
            doc[start - 1].dep_ == "compound" and not doc[start - 1].ent_type_ and \
            doc[start - 1].head.i == start:
        start -= 1  # a first name the tagger left out ("Jane" of "Jane Doe")
    for token in doc[start:end - 1]:
        if is_title(token.text):
            start = token.i + 1
    while start < end - 1 and not doc[start].text[:1].isupper():
        start += 1
    return doc[start:end]


def _trimmed_offsets(ent: Span, name: str) -> tuple[int, int]:
    """Character offsets of ``name`` inside the entity span (spaCy spans may include "the")."""
    at = ent.text.find(name)
    start = ent.start_char + max(at, 0)
    return start, start + len(name) if at >= 0 else ent.end_char


def _short_form_of(groups: list[_Group], family: str, name: str, kind: EntityType | None = None,
                   first_name: bool = True) -> _Group | None:
    """The most recently mentioned group whose full name ends with ``name`` ("Doe", "Al Basha")
    or, with ``first_name``, for a one-word ``name``, starts with it ("Park" of "Park Geun-hye").
    A place is no short form of an organisation ("Canada" of "Statistics Canada"): for places
    and organisations, ``kind`` must be the group's type."""
    words = name.split()
    if family not in ("person", "place_or_org") or (len(words) > 1 and family != "person"):
        return None
    best = None
    for group in groups:
        if _family(group.type) != family or not _has_edge_words(group, words, first_name):
            continue
        if family == "place_or_org" and kind is not None and group.type != kind:
            continue
        if best is None or _salience(group) > _salience(best):
            best = group
    return best


def _salience(group: _Group) -> tuple[int, int]:
    """Who a bare surname means when two people share it: the one last seen as a subject, over
    one named since only in passing ("Bill Clinton spoke ... for his wife Hillary Clinton.
    Clinton said"); then the one mentioned last."""
    return group.last_subject, group.last


def _person_tagged_otherwise(groups: list[_Group], name: str) -> _Group | None:
    """A group tagged as an organisation or place whose two- or three-word name ends with the
    person's surname ``name`` and holds no word of an organisation's name ("Jane Doe" tagged
    ORG, then "Doe" tagged PERSON): it was that person all along."""
    if " " in name:
        return None
    for group in reversed(groups):
        words = group.names[0].split()
        if _family(group.type) == "place_or_org" and 1 < len(words) <= 3 and words[-1] == name \
                and all(w[:1].isupper() and not is_org_word(w) for w in words):
            group.type = "PERSON"
            return group
    return None


def _has_edge_words(group: _Group, words: list[str], first_name: bool) -> bool:
    n = len(words)
    for full in group.names:
        parts = full.split()
        while len(parts) > 1 and parts[-1] in _NAME_SUFFIXES:
            parts.pop()  # "Kennedy" of "James P. Kennedy Jr."
        if len(parts) > n and (parts[-n:] == words or (first_name and n == 1 and parts[0] == words[0])):
            return True
    return False


def _longer_form_of(groups: list[_Group], family: str, name: str) -> _Group | None:
    """A group so far known only by shorter names that ``name`` extends ("Clinton" → "Hillary
    Clinton", "Al Basha" → "Abir Al Basha")."""
    words = name.split()
    if len(words) < 2 or family != "person":
        return None
    for group in reversed(groups):
        if _family(group.type) == family and all(len(n.split()) < len(words) for n in group.names):
            if any(n.split() in (words[-len(n.split()):], words[:1]) for n in group.names):
                return group
    return None


def _link_known_names(doc: Doc, groups: list[_Group]) -> None:
    """Make a mention of every occurrence of a person's name, or of its last words ("Doe",
    "Al Basha"), or of an organisation's whole name, that the tagger left out, for the nearest
    entity known by it."""
    forms: dict[str, list[_Group]] = {}
    for group in groups:
        if group.type not in ("PERSON", "ORG"):
            continue
        for name in group.names:
            words = name.split()
            for k in range(len(words) if group.type == "PERSON" else 1):
                form = " ".join(words[k:])
                if form[:1].isupper() and words[k] not in _NAME_SUFFIXES and len(form) > 2:
                    forms.setdefault(form, [])
                    if group not in forms[form]:
                        forms[form].append(group)
    if not forms:
        return
    taken = sorted({(e.start_char, e.end_char) for e in doc.ents}
                   | {m for g in groups for m in g.mentions})
    starts = [s for s, _ in taken]
    tagged = {id(g): sorted(s for s, _ in g.mentions) for g in groups}
    pattern = re.compile(r"(?<![\w'’-])(?:%s)(?![\w-])" % "|".join(
        re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    found: list[tuple[_Group, int, int, str]] = []
    for match in pattern.finditer(doc_text(doc)):
        start, end = match.span()
        i = bisect_right(starts, end - 1) - 1
        if i >= 0 and taken[i][1] > start:
            continue  # inside a name the tagger found
        # "Doe’s" or "Doe" and an invisible character may be one token
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.start_char != start or not _stands_alone(span):
            continue
        found.append((_nearest(forms[match.group()], start, tagged), start, end, match.group()))
    for group, start, end, name in found:
        group.mentions.append((start, end))
        if name not in group.names:
            group.names.append(name)
    for group in groups:
        group.mentions.sort()


def _stands_alone(span: Span) -> bool:
    """Whether ``span`` is not part of a longer name ("Bill Clinton" for "Clinton")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.pos_ == "PROPN" and not is_title(before.text):
        return False
    return after is None or after.pos_ != "PROPN" or after.tag_ == "POS"


def _nearest(groups: list[_Group], offset: int, tagged: dict[int, list[int]]) -> _Group:
    """The group whose tagged mentions (``tagged``: sorted starts by group id) come last
    before ``offset``, or else first after it."""
    def last_before(group: _Group) -> int:
        starts = tagged[id(group)]
        i = bisect_right(starts, offset - 1) - 1
        return starts[i] if i >= 0 else -1

    best = max(groups, key=last_before)
    if last_before(best) >= 0:
        return best
    return min(groups, key=lambda g: tagged[id(g)][0])


def _record(number: int, group: _Group, text: str) -> Entity:
    canonical = max(group.names, key=lambda n: (len(n.split()), len(n)))
    if group.type == "ORG" and len(group.names) > 1:  # "Facebook" over a one-off "Facebook
        # Research" it was joined to; not "Doe" over "Jane Doe", a person tagged ORG
        said = Counter(text[s:e] for s, e in group.mentions)
        leading = [n for n in group.names if canonical.split()[:len(n.split())] == n.split()]
        canonical = max(leading, key=lambda n: (said[n], len(n.split()), len(n)))
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
