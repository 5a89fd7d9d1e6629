"""Within-article coreference for speakers: pronouns and descriptions to the entity they mean.

A pronoun goes to the most salient compatible entity of the last few sentences: recency halves
a mention's weight each sentence back, a main clause's subject counts double and another
subject 1.5 times, and a name that only modifies a noun ("the Acme pipeline") is no
antecedent. "he" and "she" take only people whose gender the text does not contradict, and
prefer those whose gender it shows: by an honorific ("Ms. Doe"), a gendered role
("spokeswoman") or pronouns that plainly refer to them ("Doe said she ..."). "it" takes only
organisations; "they" an organisation only when no plural subject is nearer (nouns, people
joined by "and"). Resolved pronouns and descriptions count as mentions for later ones, so a
chain of "he said" lines keeps its person. A description ("the minister", "the 34-year-old",
"the company") goes to the person or organisation it describes ("the governor" to "Gov. Doe",
"his office" to the person "his" means); an indefinite one ("a coach", "one expert")
introduces someone new, unless the next sentence names them in that role, and a definite one
that repeats it ("the coach") stays with that person.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, LOWER, POS, TAG
from spacy.strings import hash_string
from spacy.symbols import NOUN, PRON, appos, csubj, det, dobj, nsubj, nsubjpass
from spacy.tokens import Doc, Span, Token

from claimgraph.analyze.extensions import doc_text, word_ids
from claimgraph.analyze.marks import doc_stretches
from claimgraph.analyze.persons import (
    ORG_NOUNS, RELATION_NOUNS, ROLE_KINDS, THING_NOUNS, gender_of_word, is_person_noun, is_title,
    role_words,
)

if TYPE_CHECKING:
    from claimgraph.analyze.speakers import EntityIndex

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_PERSONAL = {"he": "m", "him": "m", "his": "m", "himself": "m",
             "she": "f", "her": "f", "hers": "f", "herself": "f"}
_ORG_PRONOUNS = {"it", "its"}
_PLURAL_PRONOUNS = {"they", "them", "their"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "madam", "mister"}
_INDEFINITE = {"a", "an", "one", "some", "another", "several", "many"}
_DEFINITE = {"the", "this", "that"}
_SOURCE_PREPS = {"from", "by", "of"}
_OTHER_THAN = {"unlike", "like", "besides", "beside", "alongside", "with", "against"}
# Verbs whose "to" or "with" names who was told ("Speaking to IRNA, they ...", "said to CNN").
_SPEAKING_TO = {"speak", "talk", "write", "reply", "respond", "tell", "say", "explain", "confirm"}
_CLOSING_MARKS = (".", "!", "?", '"', "”", "’", ")")  # how a sentence of running text ends
_COLLECTIVE = {"police"}
_RECENT_MENTIONS = 30  # mentions searched back for an organisation introduced by a noun
# Bodies of a state: with a nationality ("the Canadian government") they are that country's.
_STATE_BODIES = {"government", "ministry", "department", "administration", "military", "army",
                 "police", "force", "court", "authority", "regulator", "agency", "embassy"}
_WINDOW = 4  # sentences searched back for an antecedent
_FAR_WINDOW = 12  # ... and when nothing compatible is that near
_NAMED_WITHIN = 2  # sentences after "a judge" in which the judge may be named
# A person of unknown gender is a weaker antecedent for "she" than one the text calls a woman.
_UNKNOWN_GENDER = 1 / 2
# Someone a quotation's "he" was taken to mean speaks its frame only when no one else near is
# at least this salient.
_SPOKEN_OF = 1 / 4
_ASIDE = 0.75  # the emphasis of a name in passing
_SAYING = {"say", "tell", "add", "explain", "note", "write", "warn", "insist", "continue", "quote"}
_AGE = re.compile(r"\b\d+-year-old\b")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_PERSONAL_IDS = word_ids(frozenset(_PERSONAL))
_SUBJECT_IDS = np.array([nsubj, nsubjpass, csubj], dtype=np.uint64)  # DEP holds symbol ids
_INDEFINITE_IDS = word_ids(frozenset({"a", "an", "one"}))
_INDEFINITE_DEPS = np.array([det, hash_string("nummod")], dtype=np.uint64)  # no symbol
_ARGUMENT_IDS = np.array([nsubj, nsubjpass, dobj], dtype=np.uint64)
_NN = hash_string("NN")


class Coreference:
    """Resolution state of one Doc: sentence positions, genders, pronouns resolved so far."""

    def __init__(self, doc: Doc, index: EntityIndex):
        self.doc = doc
        self.index = index
        # A blank line the parser made a sentence of its own is not one: windows counted in
        # sentences ("named in the next sentence") reach across it.
        self.sent_starts = [s.start_char for s in doc.sents if len(s) > 1 or not s[0].is_space]
        self.mention_roles: dict[int, float] = {}
        self.most_named_by_role: dict[str, str | None] = {}
        self.indefinites: dict[str, int] | None = None  # noun lemma -> first "a <noun>"
        self.nameless: set[str] = set()  # nouns of descriptions that named no one ("the patient")
        self.chain: list[tuple[int, str, float]] = []  # (offset, entity, emphasis) of pronouns
        self.done: dict[int, str | None] = {}
        # One array read finds the tokens this class looks at, instead of a Token per word.
        self.columns = columns = doc.to_array([LOWER, POS, TAG, DEP, ENT_TYPE])
        personal = np.isin(columns[:, 0], _PERSONAL_IDS) & (columns[:, 1] == PRON)
        common = (columns[:, 2] == _NN) & (columns[:, 4] == 0)
        self.personal = np.flatnonzero(personal).tolist()
        self.to_scan = np.flatnonzero(personal | (common & np.isin(columns[:, 3], _SUBJECT_IDS))).tolist()
        self.scanned = 0  # how many of to_scan are resolved
        self.unnamed = [doc[i].idx for i in np.flatnonzero(common & np.isin(columns[:, 3], _ARGUMENT_IDS))
                        if is_person_noun(doc[i].lemma_.lower())]
        self.genders = self._genders()

    # ------------------------------------------------------------------ pronouns

    def pronoun(self, token: Token) -> str | None:
        """The entity a third-person pronoun refers to, or None."""
        lower = token.lower_
        self._resolve_personal_up_to(token.i)
        if lower in _PERSONAL:
            return self.done.get(token.i)
        if lower in _ORG_PRONOUNS:
            return self._organisation(token, plural=False)
        if lower in _PLURAL_PRONOUNS:
            return self._organisation(token, plural=True)
        return None

    def _resolve_personal_up_to(self, last: int) -> None:
        """Resolve he/she pronouns in text order up to token ``last``, so chains build up."""
        while self.scanned < len(self.to_scan) and self.to_scan[self.scanned] <= last:
            token = self.doc[self.to_scan[self.scanned]]
            self.scanned += 1
            gender = _PERSONAL.get(token.lower_)
            if gender is not None and token.pos_ == "PRON":
                entity = self._personal(token, gender)
                self.done[token.i] = entity
            else:  # "the mayor said ...": a description keeps its person salient for "he" after it
                entity = self.description(self.doc[token.left_edge.i: token.i + 1], token)
            if entity is not None:
                self.chain.append((token.idx, entity, _emphasis(token)))

    def _personal(self, token: Token, gender: str) -> str | None:
        """The person "he" or "she" refers to. A clear choice by a subject pronoun also shows
        that person's gender to later pronouns, when the text had not shown it yet ("we have
        her" is as often about someone unnamed)."""
        named, spoken_of = self._framed_names(token)
        exclude = _bound(token, self.index) | named
        ahead = self._cataphor(token, "PERSON")
        if ahead is not None and ahead not in exclude and self._agrees(ahead, gender):
            return ahead
        reporter = self._reporter(token, gender)
        if reporter is not None and reporter not in exclude:
            self.genders.setdefault(reporter, gender)
            return reporter
        scores = self._ranked(token.idx, {"PERSON"}, gender, exclude=exclude)
        others = {e: v for e, v in scores.items() if e not in spoken_of}
        if others and max(others.values()) >= _SPOKEN_OF * max(scores.values()):
            scores = others  # the quotation's "he" is someone else, unless no one else is near
        if not scores:
            return None
        last = self._last_reporter(token)
        if last in scores and scores[last] >= _SPOKEN_OF * max(scores.values()):
            return last  # "Lohmar said, adding that ... “It's premature,” he said": Lohmar
        ranked = sorted(scores.values(), reverse=True) + [0.0]
        entity = max(scores, key=self._rank_key(scores))
        if entity not in self.genders and ranked[0] >= 2 * ranked[1] and token.dep_ in SUBJECTS:
            self.genders[entity] = gender
        return entity

    def _cataphor(self, token: Token, kind: str) -> str | None:
        """The named subject of the main clause after a fronted clause that holds ``token``
        ("After he won the vote, Doe said ...", "In conducting what it called a review, Acme
        named ..."), when of ``kind``: a pronoun there looks ahead to it."""
        clause = token
        while not (clause.dep_ in ("advcl", "prep") and clause.head.dep_ == "ROOT"):
            if clause.head == clause:
                return None
            clause = clause.head
        main = clause.head
        if main.i < token.i:
            return None
        subject = next((c for c in main.children if c.dep_ == "nsubj" and c.i > token.i), None)
        if subject is None or subject.pos_ != "PROPN":
            return None
        return self._named_at(subject, {kind})

    def _named_at(self, head: Token, kinds: set[str]) -> str | None:
        """The entity of ``kinds`` whose name, within ``head``'s phrase, holds ``head``."""
        return next((entity for start, end, entity in
                     self.index.spans(head.left_edge.idx, head.idx + len(head))
                     if start <= head.idx < end and self.index.by_id[entity].type in kinds), None)

    def _last_reporter(self, token: Token) -> str | None:
        """For the subject of a verb of saying, the person who said something last, in its
        sentence or the one before: news goes on with the speaker it has just named."""
        if token.dep_ not in SUBJECTS or token.head.lemma_.lower() not in _SAYING:
            return None
        earliest = self.sent_starts[max(self._sentence(token.idx) - 1, 0)]
        i = token.i - 1
        while i >= 0 and self.doc[i].idx >= earliest:
            verb = self.doc[i]
            i -= 1
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in _SAYING or verb == token.head:
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ in _PERSONAL:
                return self.done.get(subject.i)
            if subject is not None and subject.pos_ == "PROPN":
                return self._named_at(subject, {"PERSON"})
        return None  # ("I can tell you" inside a quotation names no one)

    def _reporter(self, token: Token, gender: str) -> str | None:
        """For the subject of a clause someone reports, that person, when the text does not
        show another gender ("Doe, who represents Roe's accusers, said he is pleased": Doe)."""
        clause = token.head
        if token.dep_ not in SUBJECTS or clause.dep_ != "ccomp" or clause.head.i > token.i:
            return None
        subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ != "PROPN":
            return None
        named = self._named_at(subject, {"PERSON"})
        return named if named is not None and self._agrees(named, gender) else None

    def _framed_names(self, token: Token) -> tuple[set[str], set[str]]:
        """For the subject of a frame after a quotation ("“... Doe ...,” he said"), the names
        inside that quotation, and the people its "he" and "she" were taken to mean: a
        speaker's own words name others, not the speaker ("“He is used to scoring,” he said").
        The second is weaker evidence, as those pronouns may have been misread."""
        if token.dep_ not in SUBJECTS:
            return set(), set()
        quoted = doc_stretches(self.doc)
        k = bisect_right(quoted.starts, token.idx) - 1
        if k < 0 or quoted.stretches[k].end > token.idx:
            return set(), set()
        stretch = quoted.stretches[k]
        i = token.i - 1
        while i >= 0 and self.doc[i].idx >= stretch.end:  # only marks and commas between
            if not (self.doc[i].is_punct or self.doc[i].is_space):
                return set(), set()
            i -= 1
        spoken_of = {e for i, e in self.done.items()
                     if e is not None and stretch.start <= self.doc[i].idx < stretch.end}
        return set(self.index.within(stretch.start, stretch.end)), spoken_of

    def _organisation(self, token: Token, plural: bool) -> str | None:
        """"it"/"they" as an organisation ("it" as a state too), unless a nearer subject is what
        it refers to."""
        if token.i in self.done:
            return self.done[token.i]
        self.done[token.i] = None  # a pronoun met again while resolving this one competes
        ahead = None if plural else self._cataphor(token, "ORG")
        if ahead is not None:
            self.done[token.i] = ahead
            return ahead
        # "Beijing has calculated ... It will dismiss any criticism": a state acts as one
        entity = self._best(token.idx, {"ORG"} if plural else {"ORG", "GPE"}, None,
                            exclude=_bound(token, self.index) | self._only_told(token.idx))
        if entity is None and plural:  # "Beijing is concerned ... They fear": a capital or
            # country as the subject just before acts for its government
            entity = self._subject_just_before(token, {"GPE", "NORP"})
        if entity is not None and not self._competing_subject(
                token, max(self._mentions_of(entity, token.idx)), plural):
            self.done[token.i] = entity
        return self.done[token.i]

    def _subject_just_before(self, token: Token, types: set[str]) -> str | None:
        """The entity of ``types`` that is the main subject of the sentence before ``token``'s."""
        here = self._sentence(token.idx)
        if here == 0:
            return None
        sent = self.doc.char_span(self.sent_starts[here - 1], self.sent_starts[here],
                                  alignment_mode="contract")
        subject = next((t for t in sent or () if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"),
                       None)
        return None if subject is None else self._named_at(subject, types)

    def _competing_subject(self, token: Token, after: int, plural: bool) -> bool:
        """Whether a main clause's subject from the sentence of the organisation's mention
        ``after`` (at most one sentence back) up to ``token``, no name of it, could be the
        pronoun's antecedent: for "they" plural nouns, people joined by "and" (named people
        in any role), and an earlier "they" that is not the organisation; for "it" a non-person
        noun."""
        here = self._sentence(token.idx)
        start = self.sent_starts[max(here - 1, self._sentence(after), 0)]
        span = self.doc.char_span(start, token.idx, alignment_mode="contract")
        named = self.doc.char_span(after, after + 1, alignment_mode="expand")
        aside = plural and named is not None and named.root.dep_ not in SUBJECTS
        for other in span or ():
            if plural and other.idx > after and other.ent_type_ == "PERSON" and any(
                    c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in other.children):
                return True  # "... the attention of Jane Doe and John Roe. They criticised"
            if other.dep_ not in SUBJECTS or other.head.dep_ not in ("ROOT", "conj") or \
                    other.idx <= after and not (plural and other.right_edge.idx > after) \
                    and not aside:
                continue  # only a main clause's subject after the organisation's name competes
                # ("Doe and leaders of Acme" is one for "they"), or before it when the name is
                # no subject ("The doctors said they would work with Acme. They hope ...")
            if plural and other.pos_ == "PRON":
                if other.lower_ in _PLURAL_PRONOUNS and self._organisation(other, True) is None \
                        or any(c.dep_ == "conj" for c in other.children):  # "he and his wife"
                    return True
            elif other.pos_ not in ("NOUN", "PROPN"):
                continue
            elif plural and (other.tag_ in ("NNS", "NNPS") and other.ent_type_ in ("", "NORP")
                             or any(c.dep_ == "conj" for c in other.children)):
                return True
            elif not plural and other.tag_ == "NN" and not other.ent_type_ and \
                    not is_person_noun(other.lemma_.lower()):
                return True
        return False

    # ------------------------------------------------------------------ descriptions

    def description(self, phrase: Span, head: Token) -> str | None:
        """The entity a description headed by the common noun ``head`` refers to, or None."""
        self._resolve_personal_up_to(head.i - 1)  # the people named or described before
        lemma = head.lemma_.lower()
        determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "poss")}
        if lemma in THING_NOUNS:
            return self._modifier_entity(head, {"ORG", "PERSON"})
        if head.tag_ == "NNS" and lemma not in _COLLECTIVE:
            return None  # "officials": a group ("police", plural in grammar, is a body)
        if determiners & _INDEFINITE:
            return self._named_next(head)  # "a coach": someone new
        if lemma in ORG_NOUNS:
            return self._organisation_described(head)
        first = self._introduced_unnamed(head)
        if first is not None:  # "the coach" after "a coach": whoever that one was
            return self._named_next(self.doc[first])
        person_noun = is_title(lemma) or is_person_noun(lemma) or lemma in ROLE_KINDS
        by_role = self._by_role(head) if person_noun else None  # not "exploration" of a
        if by_role is not None:  # "deputy administrator for exploration"
            return by_role
        age = _AGE.search(phrase.text) is not None
        # "the judge" nobody is named as; "the real estate agent", a title narrowed by what the
        # text says of someone, is a description
        bare_title = is_title(lemma) and not any(c.dep_ == "compound" and c.pos_ == "NOUN"
                                                 for c in head.children)
        if not age and (bare_title or lemma in RELATION_NOUNS or not is_person_noun(lemma) or any(
            c.ent_type_ == "ORDINAL" for c in head.children
        )):
            return None  # "the father", "the fourth victim"
        if not (determiners & _DEFINITE or age):
            return None
        if lemma in self.nameless:
            return None  # "the patient" was no one named before: still the same one
        if any(c.dep_ == "relcl" and self.doc[c.left_edge.i - 1].text != ","
               for c in head.children):
            return None  # "the staff member who reported the call": someone the clause picks out
        gender = gender_of_word(lemma)
        named_inside = set(self.index.within(phrase.start_char, phrase.end_char))
        found = self._best(head.idx, {"PERSON"}, gender, exclude=named_inside) or \
            self._first_after(phrase, gender)
        if found is None:
            self.nameless.add(lemma)
        return found

    def _organisation_described(self, head: Token) -> str | None:
        """"the company": an organisation modifying it, else the last one whose name holds
        a word of its kind ("the production company" for "Acme Productions") or the noun
        ("the agency" for "Transit Agency"), else the most salient one that was a
        subject. "the Canadian government" is a country's, not an organisation named before;
        "the German automaker" may be."""
        if head.lemma_.lower() in _STATE_BODIES and any(
                c.ent_type_ in ("NORP", "GPE") for c in head.children):
            return None
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "PRON":
            return self.pronoun(owner)  # "his office": the person "his" means speaks
        if owner is not None and owner.pos_ == "NOUN" and not owner.ent_type_:
            return self.description(self.doc[owner.left_edge.i: owner.i + 1], owner)  # "the
            # company's board" is the company's; "the city's police", no organisation named
        named = self._modifier_entity(head, {"ORG", "PERSON"} if owner is not None else {"ORG"}) \
            or self._closing_name(head)
        if named is not None:
            return named  # "the Acme board", "Doe's office"
        if owner is not None:
            return None  # "The City Attorney's office": its owner says which body, none named
        if head.lemma_.lower() in _COLLECTIVE:  # "State police" is "Oregon State Police", bare
            # "police" any force; neither is another body
            return self._named_with(head, {c.lower_ for c in head.children
                                           if c.dep_ in ("compound", "amod")})
        kinds = {c.lower_ for c in head.children if c.dep_ in ("compound", "amod")
                 and c.pos_ in ("NOUN", "ADJ") and not c.ent_type_}
        for words in (kinds, {head.lower_}):  # "the production company" is "X Productions",
            # "the telecommunications company" "X Telecom"
            for i in self.index.before(head.idx) if words else ():
                entity = self.index.by_id[self.index.ids[i]]
                if entity.type == "ORG" and any(
                        _same_kind(w, k) for w in entity.name.lower().split() for k in words):
                    return entity.id
        introduced = self._introduced_as(head)
        if introduced is not None:
            return introduced
        if self._unnamed_before(head):
            return None  # "the commission" after "citing the regional health commission"
        if head.lemma_.lower() == "agency":  # an agency goes by its initials ("NASA", "FDA"),
            # a programme or product near it seldom does
            scores = {e: s for e, s in self._ranked(head.idx, {"ORG"}, None).items()
                      if _ACRONYM.fullmatch(self.index.by_id[e].name)}
            if scores:
                return max(scores, key=self._rank_key(scores))
        return self._best(head.idx, {"ORG"}, None, subjects_only=True) or self._owner_before(head)

    def _owner_before(self, head: Token) -> str | None:
        """The organisation last named before ``head`` as the owner of a thing ("at the Acme
        plant", "Acme's workers"), within the last few sentences, for a bare "the company" ("the
        regional health commission" is a body of its own)."""
        if any(c.dep_ in ("compound", "amod") for c in head.children):
            return None
        earliest = self.sent_starts[max(self._sentence(head.idx) - _WINDOW + 1, 0)]
        for i in self.index.before(head.idx):
            if self.index.starts[i] < earliest:
                return None
            entity, root = self.index.ids[i], self._root(i)
            if root is not None and self.index.by_id[entity].type == "ORG" and \
                    root.dep_ in ("compound", "poss") and root.head.pos_ == "NOUN":
                return entity
        return None

    def _named_with(self, head: Token, modifiers: set[str]) -> str | None:
        """The last organisation named before ``head`` whose name holds its noun and all its
        ``modifiers`` (none: no such organisation)."""
        if not modifiers:
            return None
        words = modifiers | {head.lower_}
        for n, i in enumerate(self.index.before(head.idx)):
            if n == _RECENT_MENTIONS:
                return None
            entity = self.index.by_id[self.index.ids[i]]
            if entity.type == "ORG" and words <= set(entity.name.lower().split()):
                return entity.id
        return None

    def _closing_name(self, head: Token) -> str | None:
        """An organisation named after a comma at the end of the description ``head`` heads,
        which the parse hung on its relative clause ("The company that runs the awards, Acme
        Productions, denies"): the organisation described."""
        end = head.right_edge
        while end.is_punct and end.i > head.i:
            end = self.doc[end.i - 1]
        named = self.index.spans(head.idx, end.idx + len(end))
        if not named or self.index.by_id[named[-1][2]].type != "ORG":
            return None
        start, stop, entity = named[-1]
        name = self.doc.char_span(start, stop, alignment_mode="expand")
        if name is None or name.end != end.i + 1 or name.root.dep_ != "appos" or \
                name.start == 0 or self.doc[name.start - 1].text != ",":
            return None
        return entity if any(t.dep_ == "relcl" and t.head == head
                             for t in name.root.ancestors) else None

    def _unnamed_before(self, head: Token) -> bool:
        """Whether a fuller description with the same head noun and no name to it ("the
        regional health commission") comes in the last few sentences: "the commission" then
        means that body, not an organisation named near."""
        earliest = self.sent_starts[max(self._sentence(head.idx) - _WINDOW + 1, 0)]
        for i in range(head.i - 1, -1, -1):
            token = self.doc[i]
            if token.idx < earliest:
                return False
            if token.lower_ == head.lower_ and _unnamed_description(token):
                return True
        return False

    def _introduced_as(self, head: Token) -> str | None:
        """The organisation last introduced with the noun of ``head`` in apposition ("The group,
        WeWorkers Coalition, formed ..." makes it "the group" later)."""
        lemma = head.lemma_.lower()
        for n, i in enumerate(self.index.before(head.idx)):
            if n == _RECENT_MENTIONS:
                return None
            entity, root = self.index.ids[i], self._root(i)
            if root is not None and self.index.by_id[entity].type == "ORG" and \
                    root.dep_ == "appos" and root.head.lemma_.lower() == lemma:
                return entity
        return None

    def _by_role(self, head: Token) -> str | None:
        """The person whose role names what ``head`` describes ("the minister"): the most
        recently mentioned one, or for a headline naming someone before the text does, the
        most mentioned."""
        lemma = head.lemma_.lower()
        index = self.index
        for i in index.before(head.idx):
            if self._fits(index.ids[i], lemma):
                return index.ids[i]
        if not _on_a_headline(head):
            return None  # in the body, "the frustrated prosecutor" is not someone named later
        if lemma not in self.most_named_by_role:
            later = [e.id for e in index.by_id.values() if self._fits(e.id, lemma)]
            self.most_named_by_role[lemma] = max(
                later, key=lambda e: len(index.by_id[e].mentions)) if later else None
        return self.most_named_by_role[lemma]

    def _named_next(self, head: Token) -> str | None:
        """For "a judge" (``head``), the person first named in the next sentences with a role
        that fits ("A judge chastised the board. Justice Jane Doe ordered ..."), as news
        writing introduces a person before naming them."""
        here = self._sentence(head.idx)
        if here + 1 >= len(self.sent_starts):
            return None
        start = self.sent_starts[here + 1]
        last = here + 1 + _NAMED_WITHIN
        end = self.sent_starts[last] if last < len(self.sent_starts) else self.doc[-1].idx + 1
        lemma = head.lemma_.lower()
        for entity in self.index.within(start, end):
            if self.index.by_id[entity].mentions[0].start >= start and self._fits(entity, lemma):
                return entity
        return None

    def _fits(self, entity: str, lemma: str) -> bool:
        """Whether ``entity`` is a person whose role names what the noun ``lemma`` describes
        ("the diplomat" for an ambassador)."""
        record = self.index.by_id[entity]
        if record.type != "PERSON" or not record.roles:
            return False
        kinds = ROLE_KINDS.get(lemma, set()) | {lemma}
        return any(kinds & role_words(role) for role in record.roles)

    def _modifier_entity(self, head: Token, types: set[str]) -> str | None:
        """The entity modifying ``head``: "the Acme study", "a release from Acme"."""
        for child in head.children:
            targets = [child]
            if child.dep_ == "prep" and child.lower_ in _SOURCE_PREPS:
                targets = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ not in ("compound", "poss"):
                continue
            for target in targets:
                for entity in self.index.within(target.left_edge.idx,
                                                target.right_edge.idx + len(target.right_edge)):
                    if self.index.by_id[entity].type in types:
                        return entity
        return None

    def _introduced_unnamed(self, head: Token) -> int | None:
        """The token of an earlier indefinite phrase with the same head ("a justice official",
        "one legal expert") that introduced the person "the official" refers back to."""
        if self.indefinites is None:
            self.indefinites = {}
            columns = self.columns
            nouns = (columns[:, 1] == NOUN) & (columns[:, 4] == 0) & (columns[:, 3] != appos)
            # the nouns that "a", "an" or "one" modifies, found from the article's arrays
            marks = np.flatnonzero(np.isin(columns[:, 0], _INDEFINITE_IDS)
                                   & np.isin(columns[:, 3], _INDEFINITE_DEPS))
            heads = marks + self.doc.to_array(HEAD)[marks].astype(np.int64)
            for i in sorted(set(heads[nouns[heads]].tolist())):
                token = self.doc[i]
                if not any(c.dep_ == "appos" for c in token.children):
                    self.indefinites.setdefault(token.lemma_, token.i)
        first = self.indefinites.get(head.lemma_, head.i)
        return first if first < head.i else None

    def _first_after(self, phrase: Span, gender: str | None) -> str | None:
        """For a description opening the article before anyone is named: the first person
        named later in its paragraph or the next one."""
        if self._sentence(phrase.start_char) > 1:
            return None
        end = self.sent_starts[min(self._sentence(phrase.start_char) + 3, len(self.sent_starts) - 1)]
        for entity in self.index.within(phrase.end_char, max(end, phrase.end_char + 1)):
            record = self.index.by_id[entity]
            if record.type == "PERSON" and self._agrees(entity, gender):
                return entity
        return None

    # ------------------------------------------------------------------ salience

    def _best(self, offset: int, types: set[str], gender: str | None,
              exclude: set[str] = frozenset(), subjects_only: bool = False) -> str | None:
        """The most salient entity of ``types`` mentioned before ``offset``."""
        scores = self._ranked(offset, types, gender, exclude, subjects_only)
        if not scores:
            return None
        return max(scores, key=self._rank_key(scores))

    def _rank_key(self, scores: dict[str, float]):
        """Salience first; on a tie, someone whose gender the text shows, then the most named."""
        return lambda e: (round(scores[e], 6), e in self.genders, len(self.index.by_id[e].mentions))

    def _ranked(self, offset: int, types: set[str], gender: str | None,
                exclude: set[str] = frozenset(), subjects_only: bool = False) -> dict[str, float]:
        """The salience of each compatible entity in the nearest window that has one."""
        for window in (_WINDOW, _FAR_WINDOW):  # far back, only a subject is still in mind
            scores = self._scores(offset, types, gender, exclude, window,
                                  subjects_only or window == _FAR_WINDOW)
            if scores:
                return scores
        return {}

    def _scores(self, offset: int, types: set[str], gender: str | None, exclude: set[str],
                window: int, subjects_only: bool) -> dict[str, float]:
        here = self._sentence(offset)
        earliest = self.sent_starts[max(here - window + 1, 0)]
        scores: dict[str, float] = {}
        for start, entity, emphasis in self._candidates(offset, earliest):
            record = self.index.by_id[entity]
            if record.type not in types or entity in exclude or not self._agrees(entity, gender) \
                    or (subjects_only and emphasis < 1.5):
                continue
            weight = 0.5 ** (here - self._sentence(start)) * emphasis
            if gender is not None and self.genders.get(entity) is None:
                weight *= _UNKNOWN_GENDER
            scores[entity] = max(scores.get(entity, 0.0), weight)
        return scores

    def _candidates(self, offset: int, earliest: int):
        """(offset, entity, emphasis) of the name mentions and resolved pronouns in
        [earliest, offset)."""
        index = self.index
        for i in index.before(offset):
            start = index.starts[i]
            if start < earliest:
                break
            emphasis = self._role(i)
            if emphasis:
                yield start, index.ids[i], emphasis
        lo = bisect_left(self.chain, (earliest,))
        hi = bisect_left(self.chain, (offset,))
        yield from self.chain[lo:hi]

    def _only_told(self, offset: int) -> set[str]:
        """Organisations named before ``offset``, as far back as a pronoun looks, only as who
        was told ("told MailOnline", "said in an interview with CNN"): an outlet spoken to is
        not what "they" or "it" means."""
        earliest = self.sent_starts[max(self._sentence(offset) - _FAR_WINDOW + 1, 0)]
        told: dict[str, bool] = {}
        for i in self.index.before(offset):
            if self.index.starts[i] < earliest:
                break
            entity = self.index.ids[i]
            told[entity] = told.get(entity, True) and _hears(self._root(i))
        return {entity for entity, only in told.items() if only}

    def _root(self, i: int) -> Token | None:
        """The head word of mention ``i`` of the index."""
        return _mention_root(self.doc, self.index.starts[i], self.index.ends[i])

    def _mentions_of(self, entity: str, offset: int) -> list[int]:
        return [s for s, e, _ in self._candidates(offset, 0) if e == entity] or [0]

    def _role(self, i: int) -> float:
        """The emphasis of mention ``i`` of the index: 0 for a name modifying a noun ("the Acme
        pipeline", which no pronoun refers to), else as ``_emphasis``."""
        if i not in self.mention_roles:
            root = self._root(i)
            self.mention_roles[i] = 1.0 if root is None else \
                0.0 if root.dep_ in ("compound", "amod", "nmod") else \
                _ASIDE if _in_modifier_clause(root) else _emphasis(root)
        return self.mention_roles[i]

    def _sentence(self, offset: int) -> int:
        return max(bisect_right(self.sent_starts, offset) - 1, 0)

    def _agrees(self, entity: str, gender: str | None) -> bool:
        known = self.genders.get(entity)
        return gender is None or known is None or known == gender

    # ------------------------------------------------------------------ gender

    def _genders(self) -> dict[str, str]:
        """The gender the text shows for each person. An honorific before a mention or a
        gendered role decides. Otherwise pronouns vote where their person is plain: first those
        after the only person named before them in their sentence ("Doe said she ..."); then,
        in text order, subjects after the only person named in the last three sentences, unless
        someone already shown to fit is near too. The majority of votes wins."""
        strong: dict[str, str] = {}
        index, doc = self.index, self.doc
        for entity in index.by_id.values():
            if entity.type != "PERSON":
                continue
            # "Queen Elizabeth II's third child": the words before a possessive are another's
            shown = {gender_of_word(word) for role in entity.roles
                     for word in role_words(re.split(r"['’]s\b", role)[-1])} - {None}
            if len(shown) == 1:
                strong[entity.id] = shown.pop()
        for i, start in enumerate(index.starts):
            entity = index.ids[i]
            if index.by_id[entity].type != "PERSON":
                continue
            token = doc.char_span(start, index.ends[i], alignment_mode="expand")
            if token is not None and token.start > 0:
                before = doc[token.start - 1].lower_.rstrip(".")
                if before in _HONORIFICS:
                    strong[entity] = gender_of_word(before)
        pronouns = [t for t in (doc[i] for i in self.personal)
                    if not self._unnamed_person_near(t) and not _of_another(t)]
        votes: dict[str, Counter] = {}
        later = []
        for token in pronouns:
            here = self._sentence(token.idx)
            plain = self._people(self.sent_starts[here], token.idx)
            if len(plain) == 1:
                votes.setdefault(plain.pop(), Counter())[_PERSONAL[token.lower_]] += 1
            else:
                later.append((token, here))
        for token, here in later:
            if token.dep_ not in SUBJECTS:
                continue  # "we have her": an object is as often someone unnamed
            gender = _PERSONAL[token.lower_]
            recent = self._people(self.sent_starts[max(here - 2, 0)], token.idx)
            near = self._people(self.sent_starts[max(here - _WINDOW + 1, 0)], token.idx)
            known = _majority(votes) | strong
            if len(recent) == 1 and not any(known.get(e) == gender for e in near - recent):
                votes.setdefault(recent.pop(), Counter())[gender] += 1
        return _majority(votes) | strong

    def _people(self, start: int, end: int) -> set[str]:
        return {e for e in self.index.within(start, end) if self.index.by_id[e].type == "PERSON"}

    def _unnamed_person_near(self, token: Token) -> bool:
        """Whether someone unnamed ("a 39-year-old woman") is a subject or object in the
        pronoun's sentence or the one before, so the pronoun may be theirs."""
        here = self._sentence(token.idx)
        i = bisect_left(self.unnamed, self.sent_starts[max(here - 1, 0)])
        return i < len(self.unnamed) and self.unnamed[i] < token.idx


def _same_kind(name_word: str, kind: str) -> bool:
    """Whether a word of a name says the kind a noun does: the same word, a plural, or a
    shortening of five letters or more ("Telecom" of "telecommunications")."""
    name_word, kind = name_word.removesuffix("s"), kind.removesuffix("s")
    return name_word == kind or (len(name_word) >= 5 and kind.startswith(name_word))


def _mention_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else None


def _hears(noun: Token | None) -> bool:
    """Whether ``noun`` is who is told something: the object of "tell" or "inform", or after
    "to" or "with" on a verb of speaking or an interview ("spoke to CNN", "an interview with
    CNN")."""
    if noun is None:
        return False
    head = noun.head
    if noun.dep_ in ("dobj", "dative") and head.lemma_.lower() in ("tell", "inform"):
        return True
    return noun.dep_ == "pobj" and head.lower_ in ("to", "with") and \
        head.head.lemma_.lower() in _SPEAKING_TO | {"interview", "conversation"}


def _on_a_headline(token: Token) -> bool:
    """Whether ``token`` is on a line with no closing full stop, as titles and deks are."""
    text = doc_text(token.doc)
    end = text.find("\n", token.idx)
    line = text[text.rfind("\n", 0, token.idx) + 1: len(text) if end < 0 else end].rstrip()
    return not line.endswith(_CLOSING_MARKS)


def _of_another(pronoun: Token) -> bool:
    """Whether a possessive ``pronoun`` sits in an apposition ("Jane Doe, one of his editors",
    "Doe, his lawyer"): it means someone other than the person described."""
    return pronoun.dep_ == "poss" and any(t.dep_ == "appos" for t in pronoun.ancestors)


def _unnamed_description(noun: Token) -> bool:
    """Whether ``noun`` heads "the <modifiers> <noun>" with no name in, before or beside it
    ("the regional health commission", not "Acme, the group" or "hosting company Acme")."""
    if noun.ent_type_ or noun.head.ent_type_ or noun.dep_ == "appos":
        return False
    children = list(noun.children)
    return any(c.dep_ == "det" and c.lower_ == "the" for c in children) and \
        any(c.dep_ in ("amod", "compound") and not c.ent_type_ for c in children) and \
        not any(c.ent_type_ for c in children)


def _in_modifier_clause(token: Token) -> bool:
    """Whether ``token`` lies in a clause describing a noun ("This graphic, provided by
    Statista, shows ...", "Doe, who met Roe, said"): a name in passing; not a clause on a
    sentence's verbless root ("A big reason why was Quinn", as parsed), which is its own."""
    return any(t.dep_ in ("acl", "relcl") and t.head.dep_ != "ROOT" for t in token.ancestors)


def _emphasis(token: Token) -> float:
    """How much a mention as ``token`` makes its entity salient: a main clause's subject most,
    then any other subject ("Doe said Smith erred. He added ..." is Doe), then the rest."""
    if token.dep_ == "poss" and token.head.dep_ == "pobj":
        return 0.75  # "about Vindman's judgment": a name in passing
    if token.dep_ not in SUBJECTS:
        return 1.0
    verb = token.head
    return 2.0 if verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT") else 1.5


def _majority(votes: dict[str, Counter]) -> dict[str, str]:
    """Each person's gender by a clear majority of votes."""
    genders = {}
    for entity, count in votes.items():
        (top, n), *rest = count.most_common() + [(None, 0)]
        if n > 2 * rest[0][1]:
            genders[entity] = top
    return genders


def _bound(pronoun: Token, index: EntityIndex) -> set[str]:
    """Entities a pronoun cannot mean: for an object, the subject of its own verb ("Doe
    praised her" is not about Doe); for a subject, a person its clause names after it ("He
    asked Doe about it", "He said Doe is a father": not Doe) and a name its clause sets beside
    it ("Unlike Doe, he has not found work" is not about Doe; "For Doe, he ..." may be) or
    hears from it ("Speaking to IRNA, they said": not IRNA)."""
    if pronoun.dep_ in SUBJECTS:
        verb = pronoun.head
        return {
            entity for clause in verb.children if clause.dep_ == "advcl" and clause.i < pronoun.i
            for start, end, entity in index.spans(clause.left_edge.idx,
                                                  clause.right_edge.idx + len(clause.right_edge))
            if _hears(_mention_root(pronoun.doc, start, end))
        } | {
            entity for prep in verb.children
            if prep.dep_ == "prep" and prep.i < pronoun.i and prep.lower_ in _OTHER_THAN
            for obj in prep.children if obj.dep_ == "pobj"
            for entity in index.within(obj.left_edge.idx, obj.idx + len(obj))
        } | {
            entity for start, end, entity in index.spans(pronoun.idx, verb.right_edge.idx + 1)
            if index.by_id[entity].type == "PERSON"
        }  # "He said Thomas is a father": a name in his own clause is someone else
    if pronoun.dep_ not in ("dobj", "dative", "pobj"):
        return set()
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    return {
        entity for child in verb.children if child.dep_ in SUBJECTS
        for entity in index.within(child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
    }
