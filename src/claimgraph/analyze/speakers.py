"""Who speaks: the speaker phrase of a cue, and the entity it refers to.

The speaker is the surface mention as written (a name, a pronoun, "the minister", "experts");
it resolves to an entity by the named mention it contains, by the most recent compatible person
for pronouns and surnames, or by a role word for descriptions ("the minister" → the person whose
role names a minister). Unnamed sources are kept and flagged anonymous.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimgraph.analyze.cues import ANONYMOUS_NOUNS, CHANNEL_NOUNS
from claimgraph.model import Entity

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_CLIMB = {"conj", "advcl", "xcomp", "ccomp", "relcl"}
_PERSONAL = {"he", "she", "him", "her"}
_FIRST_PERSON = {"i", "me", "we", "us"}
_DATELINE_DASHES = {"-", "–", "—", "--"}
_INDEFINITE = {"a", "an", "one", "some", "another", "several", "many"}
# What a description names, and the role words that make someone one: "the diplomat" can be
# an ambassador, "the lawmaker" a senator.
ROLE_KINDS = {
    "diplomat": {"ambassador", "envoy", "consul", "diplomat", "attaché"},
    "lawmaker": {"senator", "representative", "congressman", "congresswoman", "legislator",
                 "lawmaker", "mp", "assemblyman", "assemblywoman"},
    "politician": {"senator", "representative", "congressman", "congresswoman", "governor",
                   "mayor", "minister", "president", "lawmaker", "candidate", "nominee"},
    "official": {"minister", "secretary", "director", "commissioner", "official", "spokesman",
                 "spokeswoman", "spokesperson", "administrator"},
    "leader": {"president", "premier", "chancellor", "leader", "chairman", "chairwoman",
               "chair", "head"},
    "executive": {"ceo", "chairman", "chairwoman", "founder", "executive", "president"},
    "officer": {"general", "colonel", "commander", "admiral", "officer", "sergeant"},
}
_ROLE_WORDS = set(ROLE_KINDS) | {w for words in ROLE_KINDS.values() for w in words}
_GROUP_NOUNS = {"agency", "authority", "people", "report", "poll", "survey", "study", "data",
                "document", "memo", "intelligence", "source"}
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "ent", "ant")
_THING_SUFFIXES = ("ment", "center", "paper", "letter", "order", "power", "water", "corner")
_PRONOUN_WINDOW = 3  # sentences searched back for a pronoun's antecedent
_MAX_CLIMB = 6


def subject_of(cue: Token) -> Token | None:
    """The head of the cue's speaker: its subject, or that of the clause it hangs from."""
    token = cue
    for _ in range(_MAX_CLIMB):
        for child in token.children:
            if child.dep_ == "nsubjpass" and token == cue:
                return _agent(cue)  # "X is expected to ...": only "by Y" would speak
            if child.dep_ in _SUBJECTS:
                return child
        if token == cue and cue.tag_ == "VBN" and cue.dep_ == "advcl":
            return _agent(cue)  # "Asked about it, Smith said ...": Smith was asked
        if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return token.head  # "experts noting ...": the modified noun speaks
        if token.dep_ not in _CLIMB or token.head == token:
            return None
        token = token.head
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def noun_phrase(head: Token, cue: Token | None = None) -> Span:
    """The whole phrase headed by ``head``, appositions and relative clauses included (as
    PolNeAR marks sources), without edge punctuation, never across a paragraph break and never
    reaching the cue ("experts noting ..." gives "experts")."""
    doc = head.doc
    if head.pos_ == "PRON":
        return doc[head.i: head.i + 1]
    stop = cue.i if cue is not None else -1
    # A participle set off by a comma ("Trump, speaking to veterans, said") is the writer's
    # aside, not part of the speaker.
    asides = {
        c.left_edge.i - 1 for c in head.children
        if c.i > head.i and c.dep_ in ("acl", "advcl") and c.left_edge.i > 0
        and doc[c.left_edge.i - 1].text == ","
    }
    start, end = head.i, head.i
    while start > head.left_edge.i and not doc[start - 1].is_space and start - 1 != stop:
        start -= 1
    while end < head.right_edge.i and not doc[end + 1].is_space and end + 1 != stop and \
            end + 1 not in asides:
        end += 1
    for i in range(start, head.i):  # a dateline: "BRUSSELS - European leaders"
        if doc[i].text in _DATELINE_DASHES and all(t.is_upper or t.is_punct for t in doc[start:i]):
            start = i + 1
            break
    while start < head.i and (doc[start].is_punct or doc[start].is_quote):
        start += 1
    while end > head.i and (doc[end].is_punct or doc[end].is_quote) and not (
        doc[end].text == ")" and "(" in doc[start:end].text
    ):
        end -= 1
    return doc[start: end + 1]


@dataclass
class EntityIndex:
    """Named mentions of the article's entities, for resolving speaker phrases."""

    starts: list[int]
    ends: list[int]
    ids: list[str]
    by_id: dict[str, Entity]

    @classmethod
    def of(cls, entities: list[Entity]) -> EntityIndex:
        rows = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
        return cls(
            [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows],
            {e.id: e for e in entities},
        )

    def spans(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of the mentions inside ``[start, end)``, in text order."""
        i = bisect_right(self.starts, start - 1)
        found = []
        while i < len(self.starts) and self.starts[i] < end:
            if self.ends[i] <= end:
                found.append((self.starts[i], self.ends[i], self.ids[i]))
            i += 1
        return found

    def within(self, start: int, end: int) -> list[str]:
        """Ids of entities mentioned inside ``[start, end)``, in text order."""
        return [entity for _, _, entity in self.spans(start, end)]

    def before(self, offset: int, limit: int = 200) -> range:
        """Indexes of up to ``limit`` mentions starting before ``offset``, nearest first."""
        last = bisect_right(self.starts, offset - 1) - 1
        return range(last, max(last - limit, -1), -1)


def resolve(phrase: Span, head: Token, index: EntityIndex) -> str | None:
    """The id of the entity ``phrase`` refers to, or None."""
    named = index.spans(phrase.start_char, phrase.end_char)
    for start, end, entity in named:
        if start <= head.idx < end:
            return entity
    inside = [entity for _, _, entity in named if index.by_id[entity].type in ("PERSON", "ORG")]
    if inside and is_description(head):
        # "The Wikileaks founder", "a spokeswoman for Acme": a person the names only qualify,
        # unless one is set beside the description ("her lawyer, Ann Price")
        for start, _, entity in named:
            if index.by_id[entity].type == "PERSON" and _in_apposition(head, start):
                return entity
        return _by_role(head, index)
    if inside:
        return inside[-1]
    lower = head.lower_
    if lower in _PERSONAL:
        return _recent_person(head, index)
    if head.pos_ == "NOUN" and head.tag_ == "NN" and not any(
        t.lower_ in _INDEFINITE for t in phrase
    ):  # "the minister", a headline's "Ex-diplomat"; not "a source"
        return _by_role(head, index)
    return None


def _recent_person(pronoun: Token, index: EntityIndex) -> str | None:
    """The person mentioned most recently before ``pronoun``, preferring a clause subject."""
    doc = pronoun.doc
    earliest = _sentence_start_back(pronoun, _PRONOUN_WINDOW)
    nearest = None
    for i in index.before(pronoun.idx):
        start = index.starts[i]
        if start < earliest:
            break
        if index.by_id[index.ids[i]].type != "PERSON":
            continue
        nearest = nearest or index.ids[i]
        token = doc.char_span(start, index.ends[i], alignment_mode="expand")
        if token is not None and token.root.dep_ in _SUBJECTS:
            return index.ids[i]
    return nearest


def _sentence_start_back(token: Token, sentences: int) -> int:
    """Character offset of the start of the sentence ``sentences - 1`` before ``token``'s."""
    doc = token.doc
    sent = token.sent
    for _ in range(sentences - 1):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    return sent.start_char


def _by_role(head: Token, index: EntityIndex) -> str | None:
    """The person whose role names what ``head`` describes ("the minister"): the most recently
    mentioned one, or for a headline naming someone before the text does, the most mentioned."""
    kinds = ROLE_KINDS.get(head.lemma_.lower(), set()) | {head.lemma_.lower()}

    def fits(entity: Entity) -> bool:
        return entity.type == "PERSON" and any(
            kinds & set(role.lower().replace("-", " ").split()) for role in entity.roles
        )

    for i in index.before(head.idx):
        if fits(index.by_id[index.ids[i]]):
            return index.ids[i]
    later = [e for e in index.by_id.values() if fits(e)]
    return max(later, key=lambda e: len(e.mentions)).id if later else None


def _in_apposition(head: Token, offset: int) -> bool:
    """Whether the name at ``offset`` is set beside ``head`` ("her lawyer, Ann Price")."""
    for child in head.children:
        if child.dep_ == "appos" and child.left_edge.idx <= offset <= child.idx:
            return True
    return False


def is_description(head: Token) -> bool:
    """Whether ``head`` is a common noun naming a person by what they do ("founder",
    "lawyer", "spokeswoman", "analyst"), not a body or a text ("party", "statement")."""
    if head.pos_ != "NOUN" or head.tag_ != "NN":
        return False
    lemma = head.lemma_.lower()
    if lemma in _ROLE_WORDS or lemma in ANONYMOUS_NOUNS - _GROUP_NOUNS:
        return True
    return lemma.endswith(_PERSON_SUFFIXES) and not lemma.endswith(_THING_SUFFIXES) and \
        lemma not in CHANNEL_NOUNS


def is_first_person(head: Token) -> bool:
    return head.lower_ in _FIRST_PERSON


def is_anonymous(head: Token, entity: str | None) -> bool:
    """Whether the speaker is an unnamed source ("experts", "a source familiar with ...")."""
    if entity is not None or head.pos_ != "NOUN":
        return False
    return head.lemma_.lower() in ANONYMOUS_NOUNS or head.tag_ == "NNS"

