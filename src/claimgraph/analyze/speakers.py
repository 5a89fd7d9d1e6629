"""Who speaks: the speaker phrase of a cue, and the entity it refers to.

The speaker is the surface mention as written (a name, a pronoun, "the minister", "experts");
it resolves to an entity by the named mention it contains, by the most recent compatible person
for pronouns and surnames, or by a role word for descriptions ("the minister" → the person whose
role names a minister). Unnamed sources are kept and flagged anonymous.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import IS_SPACE, ORTH
from spacy.tokens import Doc, Span, Token

from claimgraph.analyze.coref import Coreference
from claimgraph.analyze.cues import ANONYMOUS_NOUNS, CHANNEL_NOUNS, PLATFORMS
from claimgraph.analyze.extensions import per_doc, per_token, word_ids
from claimgraph.analyze.persons import THING_NOUNS, is_person, is_person_noun, is_title
from claimgraph.model import Entity

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
RELATIVE_TAGS = ("WDT", "WP")  # which, that; who, what
DASHES = frozenset({"―", "—", "–", "--"})  # a dash set off by spaces, as asides and kickers use
_CLIMB = {"conj", "advcl", "xcomp", "ccomp", "relcl"}
_FIRST_PERSON = {"i", "me", "we", "us"}
_DATELINE_DASHES = frozenset({"-", "–", "—", "--"})
_MAX_DATELINE = 14  # tokens of "CAMBRIDGE, Mass., Dec. 11 (UPI) —"
_MAX_CLIMB = 6
TIMES = {"DATE", "TIME"}  # entity types of when something was said
_VERB_FORMS = {"VBD", "VBZ", "VBP", "VBN"}
# Prepositions whose gerund shares the subject of the verb they modify ("ended by noting",
# "after saying", "thanked the crowd before asking"); not "for" ("attacked him for saying": he
# said it). Under an infinitive that shares its verb's object ("told inspectors to check it
# before saying ..."), that object is the subject (``_controller``).
_SHARED_SUBJECT_PREPOSITIONS = {"by", "after", "before", "while", "upon", "without", "despite"}


def _absolute_subject(cue: Token) -> Token | None:
    """The noun of "with" right before a participle cue ("levels rose, with the agency
    announcing an emergency"): the agency announces, not the subject of the sentence."""
    if cue.tag_ != "VBG" or cue.i == 0 or cue.dep_ == "acl":
        return None  # "reports with the FEC detailing ...": the reports detail
    noun = cue.doc[cue.i - 1]
    if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "pobj" and \
            noun.head.lower_ in ("with", "without") and noun.head.i < noun.i:
        return noun
    return None


def _subject_before_dashes(cue: Token) -> Token | None:
    """The noun before an aside set off by dashes that ends right before the cue ("Andy Beshear
    — whose father ... — promised ..."), which the parse may hang anywhere."""
    doc = cue.doc
    if cue.i < 3 or doc[cue.i - 1].text not in DASHES:
        return None
    opening = next((t for t in reversed(doc[cue.sent.start: cue.i - 1]) if t.text in DASHES),
                   None)
    if opening is None or opening.i == cue.sent.start:
        return None
    noun = doc[opening.i - 1]
    if noun.pos_ not in ("PROPN", "NOUN", "NUM") and noun.lower_ not in ("he", "she", "they"):
        return None
    while True:  # "interviews with chairs from counties on the map —": the interviews
        head = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else \
            noun.head if noun.dep_ in ("compound", "conj") else None
        if head is None or head.i > noun.i or head.pos_ not in ("PROPN", "NOUN", "NUM"):
            return noun
        noun = head


def _surname_read_as_modifier(cue: Token) -> Token | None:
    """A capitalised word right beside the cue that the tagger read as an adverb or adjective
    but that is the surname of a person named in the text ('"...," says Early', 'Early still
    says', after "Chris Early")."""
    doc = cue.doc
    near = doc[max(cue.i - 3, 0): cue.i]  # "Early still says", hung on "still"
    for word in [*cue.children, *(t for t in near if t.head.head == cue and t.head != cue)]:
        between = doc[min(word.i, cue.i) + 1: max(word.i, cue.i)]
        if word.dep_ in ("advmod", "amod", "npadvmod") and len(between) <= 2 and \
                all(t.is_lower and t.dep_ in ("advmod", "aux", "neg") for t in between) and \
                word.text[:1].isupper() and not word.ent_type_ and any(
                    e.label_ == "PERSON" and len(e) > 1 and e[-1].text == word.text
                    for e in doc.ents):
            return word
    return None


def subject_of(cue: Token) -> Token | None:
    """The head of the cue's speaker: its subject, or that of the clause it hangs from (kept per
    token, as an index or -1: many rules ask it of the same cue)."""
    found = per_token(cue, "subject_of", lambda: getattr(_subject_of(cue), "i", -1))
    return None if found < 0 else cue.doc[found]


def _subject_of(cue: Token) -> Token | None:
    outer = _reporter_of_clause(cue) or _inverted_object(cue) or quoted_as_saying(cue)
    if outer is not None:
        return outer
    token = cue
    for _ in range(_MAX_CLIMB):
        if any(c.dep_ == "nsubjpass" for c in token.children):
            agent = _agent(token)  # "X is expected to ...": only "by Y" would speak; "The photo
            if token == cue:  # was denied by Doe, hinting ...": Doe hints
                return agent or _written_in(cue)
            if agent is not None:
                return agent
        if token == cue and is_reduced_passive(cue):
            return _agent(cue)  # "the men accused of the killing", "a man said to have fled":
            # the noun is what is said of, only "by Y" would speak
        if token == cue and cue.dep_ == "conj" and any(c.dep_ == "auxpass" for c in cue.children):
            return _agent(cue)  # "... and are called X by Y": Y, not the subject before "and"
        if token == cue and not any(c.dep_ in _SUBJECTS for c in cue.children) and \
                (agent := _agent(cue)) is not None:
            return agent  # "visited the prison, dubbed X by servicemen", parsed as a second
            # act of the visitor: a participle's agent speaks
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS and not c.is_punct]
        if subjects:  # of two, the parse took a word before the nearer one for a subject too,
            # unless only the farther one is someone and the nearer one is the object its phrase
            # ends wanting ("A spokesperson who did not wish to be named because of agency
            # policy said")
            before = sorted((c for c in subjects if c.i < token.i), key=lambda c: -c.i)
            if len(before) > 1 and _someone(before[1]) and not _someone(before[0]) and \
                    before[0].pos_ == "NOUN" and before[1].right_edge.dep_ in ("prep", "pcomp") \
                    and before[1].right_edge.i + 1 == before[0].left_edge.i:
                return before[1]
            return before[0] if before else subjects[0]
        if token == cue:
            fronted = _subject_after_as_clause(cue) or _absolute_subject(cue) or \
                _subject_of_fronted_infinitive(cue) or _surname_read_as_modifier(cue) or \
                _subject_before_dashes(cue)
            if fronted is not None:
                return fronted
            if _joins_the_report(cue):
                return subject_of(cue.head.head)
        if token == cue and cue.dep_ == "conj":
            named = _name_before_conjoined(cue)
            if named is not None:
                return named
        if token == cue and cue.dep_ == "advcl" and (cue.tag_ == "VBN" or any(
                c.dep_ == "agent" for c in cue.children) or _bare_after_when(cue)):
            # a participle may be tagged past tense ("Called a liar by his rival, Smith said",
            # "Smith said when asked what ...")
            agent = _agent(cue)  # "Asked about it, Smith said ...": Smith was asked
            if agent is None and cue.lemma_.lower() in _FEELINGS:
                return subject_of(cue.head)  # "Worried about a backlash, Democrats ...":
                # the Democrats worry
            return agent
        if token == cue and _passive_after_noun(cue):
            return _agent(cue)  # "a woman said to be his sister": someone else says so
        if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if token == cue and cue.tag_ not in ("VBG", "VBN"):
                return _modified_noun(cue.head)
            sender = _sender(token.head)
            return sender or token.head  # "experts noting ...": the modified noun speaks
        if token.dep_ == "pcomp" and token.head.lower_ in _SHARED_SUBJECT_PREPOSITIONS:
            if token.head.head.pos_ in ("NOUN", "PROPN") and token.head.dep_ == "prep" and \
                    token.head.head.i < token.head.i:
                # "Ryan, despite admitting ..., said": Ryan admits; "access to Siri by
                # saying ...": no one in particular
                return token.head.head if _someone(token.head.head) or \
                    token.head.head.pos_ == "PROPN" else None
            token = token.head  # "He began by saying ...": whoever began says it
        elif token.dep_ not in _CLIMB or token.head == token:
            return None
        elif token.dep_ == "xcomp" and (controller := _controller(token)) is not None and \
                not trailing_participle(cue, token):
            return controller
        token = token.head
    return None


def quoting_verb(cue: Token) -> Token | None:
    """The "quoted" of "X quoted Y as saying" or "Y was quoted as saying", when ``cue`` is it or
    its "saying"."""
    verb = cue.head.head if cue.dep_ == "pcomp" and cue.head.lower_ == "as" else cue
    if verb.lemma_.lower() != "quote" or not any(
            p.dep_ == "prep" and p.lower_ == "as" and any(c.dep_ == "pcomp" for c in p.children)
            for p in verb.children):
        return None
    return verb


def quoted_as_saying(cue: Token) -> Token | None:
    """Who is quoted "as saying" ('"...," Doe quoted Roe as saying', "Roe was quoted by the paper
    as saying ...": Roe), for the quoting verb or its "saying"."""
    verb = quoting_verb(cue)
    return None if verb is None else next(
        (c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)


def _bare_after_when(verb: Token) -> bool:
    """Whether ``verb``, tagged as a past tense, opens a clause of "when" or "if" with no subject
    ("said when asked what it means"): a past participle the tagger misread."""
    return verb.tag_ == "VBD" and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "if") and c.i == verb.i - 1
        for c in verb.children) and not any(c.dep_ in _SUBJECTS for c in verb.children)


def trailing_participle(cue: Token, infinitive: Token) -> bool:
    """Whether ``cue`` is a participle after a comma or a "while" that the parse hung on
    ``infinitive`` ("The Pentagon urged Russia to change course, reiterating ...", "he forced
    her to hide while threatening ..."): the one who urged reiterates, not the one urged."""
    return cue.head == infinitive and cue.tag_ == "VBG" and cue.dep_ == "advcl" and \
        cue.i > infinitive.i and (cue.doc[cue.i - 1].text == "," or any(
            c.dep_ == "mark" and c.i < cue.i for c in cue.children))


# Verbs whose passive participle names the one who feels ("worried", "convinced").
_FEELINGS = frozenset("""
    worry concern frighten scare alarm anger convince persuade disappoint frustrate trouble
    upset surprise shock disturb bother
""".split())


def _someone(token: Token) -> bool:
    """Whether ``token`` names a person or a group of them: a name, a pronoun or a noun of a
    kind of person."""
    return token.ent_type_ in ("PERSON", "ORG") or token.pos_ == "PRON" or (
        token.pos_ == "NOUN" and is_person_noun(token.lemma_.lower()))


def _joins_the_report(cue: Token) -> bool:
    """Whether a cue the parse joined to a verb of another's report goes with the verb of that
    report, as its tense shows ("May said the country would declare it and suggested ...": May
    suggested; the country would not have "suggested")."""
    head = cue.head
    return cue.dep_ == "conj" and head.dep_ == "ccomp" and cue.tag_ in ("VBD", "VBZ") and \
        head.tag_ in ("VB", "VBN") and any(c.dep_ == "aux" for c in head.children) and \
        not any(c.dep_ in ("aux", "nsubj") for c in cue.children) and head.head.pos_ == "VERB"


def _subject_after_as_clause(cue: Token) -> Token | None:
    """The subject the parse gave as an object to an "as" clause before the cue ("As we've
    noted, a study by X concluded ...": the study concludes, nothing of it was noted)."""
    doc = cue.doc
    for clause in cue.children:
        if clause.dep_ == "advcl" and clause.i < cue.i and any(
                m.dep_ == "mark" and m.lower_ == "as" for m in clause.children):
            for obj in clause.children:
                if obj.dep_ == "dobj" and obj.i > clause.i and doc[obj.left_edge.i - 1].text == ",":
                    return obj
    return None


def _controller(infinitive: Token) -> Token | None:
    """The object of the verb an infinitive completes, which is the infinitive's subject
    ("told inspectors to check the bridge": the inspectors check); for a participle, only a
    person ("left her intrigued and wanting more": she wants; "spent 45 seconds explaining":
    whoever spent them explains)."""
    obj = next((c for c in infinitive.head.children
                if c.dep_ in ("dobj", "dative") and c.i < infinitive.i), None)
    if obj is None or is_infinitive(infinitive):
        return obj
    return obj if is_person(obj) else None


def _name_before_conjoined(cue: Token) -> Token | None:
    """A name right before a conjoined cue, after "and" or "but", that the parse hung elsewhere
    ("asked him about his health and Doe suggested ...": Doe suggests, not whoever asked)."""
    doc = cue.doc
    i = cue.i - 1
    while i > 0 and doc[i].pos_ == "PROPN" and doc[i - 1].pos_ == "PROPN":
        i -= 1
    name = doc[cue.i - 1]
    if i < 1 or name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", "ORG") or \
            doc[i - 1].lower_ not in ("and", "but") or name.head == cue or name.head.i > cue.i:
        return None
    return name


def _sender(channel: Token) -> Token | None:
    """Who put out the statement, letter or post a participle hangs on ("Doe issued a statement
    saying ...", "Doe spoke at a news conference announcing ...", "Doe posted on Twitter
    accusing ...": Doe speaks, not the statement); None for any other noun."""
    if channel.lemma_.lower() not in CHANNEL_NOUNS and channel.lower_ not in PLATFORMS:
        return None
    verb = channel.head
    if channel.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif channel.dep_ != "dobj" or verb.lemma_.lower() in _COME_BY:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


# Verbs of a text that came from someone else ("cites a memo saying ...", "obtained an email
# showing ..."): the text speaks, not who has it.
_COME_BY = frozenset({"cite", "quote", "obtain", "see", "read", "review", "receive", "get",
                      "find", "leak", "reference"})


def closes_quotation(token: Token) -> bool:
    """Whether ``token`` is the mark closing a quotation ('...,” team members say')."""
    return token.is_quote and token.i > 0 and token.doc[token.i - 1].is_punct


def _reporter_of_clause(cue: Token) -> Token | None:
    """For ", insisting ..." that the parse hangs on a reported clause ("Smith said the city
    will stick to its plan, insisting ..."): the subject of the verb reporting that clause, who
    goes on speaking."""
    clause = cue.head
    doc = cue.doc
    if not (cue.tag_ == "VBG" and cue.dep_ == "advcl" and clause.dep_ == "ccomp"
            and cue.i > clause.i and cue.i > 0 and doc[cue.i - 1].text == ","):
        return None
    reporter = clause.head
    if reporter.pos_ not in ("VERB", "AUX") or reporter.i > clause.i:
        return None
    for child in reporter.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _subject_of_fronted_infinitive(cue: Token) -> Token | None:
    """The subject the parse gave an infinitive before the cue ("The only two states [to have
    signed treaties] ... criticised"): the noun the infinitive describes, the cue's subject."""
    return next((s for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i and is_infinitive(c)
                 for s in c.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")), None)


def asks(clause: Token) -> bool:
    """Whether ``clause`` is a question put indirectly: it opens with a wh-word, "whether" or
    "if" ("how he could be so sure", "whether it was legal")."""
    first = clause.left_edge
    if first.dep_ == "advmod" and first.tag_ == "RB" and first.i + 1 < len(clause.doc):
        first = clause.doc[first.i + 1]  # "exactly what caused it", "just how many"
    return first.tag_ in ("WRB", "WP", "WDT") or first.lower_ in ("whether", "if")


def described_as(prep: Token) -> bool:
    """Whether ``prep`` gives what something is described as ("as a sham"; not "such as")."""
    return prep.dep_ == "prep" and prep.lower_ == "as" and prep.doc[prep.i - 1].lower_ != "such"


_FELT_ABOUT = {"about", "over", "at", "by"}


def is_reduced_passive(verb: Token) -> bool:
    """Whether ``verb`` is a past participle right after the noun it says something of ("two men
    accused of murder", "a man said to have fled"); after a comma the parse is often a finite
    verb taken for one ("Romney, the nominee, tweeted")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i < verb.i and \
        verb.head.pos_ in ("NOUN", "PROPN", "PRON") and not verb.doc[verb.i - 1].is_punct and \
        any(c.dep_ in ("prep", "agent", "xcomp") for c in verb.children) and not any(
            c.dep_ in ("ccomp", "dobj", "oprd", "nsubj", "aux")
            or (c.dep_ == "prep" and c.lower_ in _FELT_ABOUT)
            for c in verb.children)  # "voters worried about crime" feel it; "the doctor who
        # sent the letter called Oz a quack", misparsed, has an object: no passive


def is_infinitive(verb: Token) -> bool:
    """Whether ``verb`` heads a "to" infinitive ("plans to say", "the states to have signed
    treaties")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _inverted_object(cue: Token) -> Token | None:
    """The speaker the parse took for an object in an inverted frame after the report ("...,
    said another witness in the probe, Jane Hill"): a noun right after a subjectless cue."""
    children = list(cue.children)
    if any(c.dep_ in _SUBJECTS for c in children) or not any(
            c.dep_ == "ccomp" and c.i < cue.i and not is_infinitive(c) for c in children):
        return None
    return next((c for c in children if c.dep_ == "dobj" and c.left_edge.i == cue.i + 1
                 and c.pos_ in ("NOUN", "PROPN")), None)


def _modified_noun(noun: Token) -> Token:
    """The noun a finite verb the parser took for a modifier speaks for ("team members dressed
    for a game say": members, not game): up through prepositions and participles."""
    for _ in range(_MAX_CLIMB):
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.dep_ != "acl" or \
                prep.head.head.pos_ not in ("NOUN", "PROPN"):
            break
        noun = prep.head.head
    return noun


def _passive_after_noun(cue: Token) -> bool:
    """Whether ``cue``, tagged past tense, is a passive participle right after the noun it is
    said of ("officials deemed responsible", "a woman said to be his sister"): no subject or
    object of its own, and an adjective or infinitive after it saying what the noun is."""
    if cue.tag_ != "VBD" or cue.dep_ not in ("acl", "advcl", "conj") or cue.i == 0 or \
            cue.doc[cue.i - 1].pos_ not in ("NOUN", "PROPN"):
        return False  # (the cheap tests first: this runs for every cue)
    children = list(cue.children)
    return not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "ccomp") for c in children) and \
        any((c.dep_, c.pos_) in (("oprd", "ADJ"), ("xcomp", "AUX"), ("xcomp", "VERB"))
            and c.i > cue.i for c in children)  # not a title: 'an ad titled, “Scam.”'


def _written_in(verb: Token) -> Token | None:
    """The text someone's words were put out in, for a passive with no agent ("it's revealed
    in Eurogamer's review that ...": the review), or its author ("In an email sent by Doe,
    staff were told ...", "in a memo from Acme": Doe, Acme); not an unowned one ("in an
    interview")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.lemma_.lower() not in _WRITTEN:
                    continue
                if any(c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")
                       for c in obj.children):
                    return obj
                author = _author(obj)
                if author is not None:
                    return author
    return None


_WRITTEN = CHANNEL_NOUNS | {"review", "report", "study", "survey", "document", "book", "article"}


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
    if head.pos_ == "PRON" and not head.ent_type_ and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return doc[head.i: head.i + 1]  # but "both of the senators", "all of them" as a whole,
        # and a name the tagger took for a pronoun ("Rod Brind'Amour")
    stop = cue.i if cue is not None else -1
    # A participle set off by a comma ("Trump, speaking to veterans, said") is the writer's
    # aside, not part of the speaker; so is a verb right after a comma that the parse took for
    # a modifier ("Doe, the city's mayor, repeated claims that ...": the sentence goes on).
    asides = {
        c.left_edge.i - 1 for c in head.children
        if c.i > head.i and (c.dep_ in ("acl", "advcl") or (c.dep_ == "prep" and any(
            o.dep_ == "pcomp" and o.tag_ == "VBG" for o in c.children)))  # ", despite saying"
        and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","
    } | {t.i for t in doc[head.i + 1: head.right_edge.i] if t.text == "," and
         doc[t.i + 1].tag_ in _VERB_FORMS} | {
        # when or where the words were said, which the parse may hang on the speaker ("the
        # mayor on Tuesday rejected ...", "said Doe in a statement"): not part of who speaks;
        # an "of" phrase is the speaker's own ("a series of text messages showed")
        c.i for c in head.children if c.dep_ == "prep" and c.i > head.i and c.lower_ != "of"
        and (c.lower_ == "via" or any(  # "Doe, via USA Today, said": the channel (``via``)
            o.dep_ == "pobj" and (o.ent_type_ in TIMES or o.lemma_.lower() in CHANNEL_NOUNS)
            for o in c.children) or (  # "dismissed by critics as a sham": what they called it
            head.dep_ == "pobj" and head.head.dep_ == "agent" and described_as(c)))
    }
    start, end = head.i, head.i
    if cue is not None and cue.head == head and cue.dep_ == "relcl":
        stop = cue.left_edge.i  # "Doe, who said ...": the antecedent, without "who said"
    while start > head.left_edge.i and not breaks_line(doc[start - 1]) and start - 1 != stop \
            and not closes_quotation(doc[start - 1]):
        start -= 1
    while end < head.right_edge.i and not breaks_line(doc[end + 1]) and end + 1 != stop and \
            end + 1 not in asides:
        end += 1
    start = dateline_end(doc, start, head.i)
    if head.pos_ == "PROPN" and doc[start].lower_ in ("a", "an") and doc[start].head == head:
        name = start + 1  # "VIPER, a rover NASA plans to fly": the parse read "a rover NASA"
        while name < head.i and doc[name].pos_ == "NOUN" and doc[name].dep_ == "compound":
            name += 1  # for one phrase, missing the relative clause; NASA plans
        if name > start + 1 and doc[name].pos_ == "PROPN":
            start = name
    # "Even Trump said": "even" is the writer's emphasis on who spoke, not part of the name
    while start < head.i and (doc[start].is_punct or doc[start].is_quote or (
            doc[start].lower_ == "even" and doc[start].dep_ == "advmod")):
        start += 1
    while end > head.i and (doc[end].is_punct or doc[end].is_quote or doc[end].is_space) and not (
        doc[end].text == ")" and "(" in doc[start:end].text
    ):
        end -= 1
    if end + 1 < len(doc) and doc[end + 1].head.dep_ in _SUBJECTS and \
            doc[end + 1].head.left_edge.i == end + 1:  # the object of a preposition parsed as
        while end > head.i and doc[end].dep_ in ("prep", "pcomp"):  # another subject: "who
            end -= 1  # did not wish to be named because of [agency policy] said"
    return doc[start: end + 1]


def breaks_line(token: Token) -> bool:
    """Whether ``token`` is white space holding a line break; a no-break space ("his
    nephew\xa0Jane Doe", a token of its own) or a double space stays inside a phrase."""
    return token.is_space and "\n" in token.text


def line_breaks(doc: Doc) -> list[int]:
    """The indices of the tokens of ``doc`` that break a line (``breaks_line``), found once per
    Doc for the quote and claim rules alike."""
    def find() -> list[int]:
        spaces = np.flatnonzero(doc.to_array(IS_SPACE))  # few tokens: test those alone
        return [int(i) for i in spaces if breaks_line(doc[int(i)])]
    return per_doc(doc, "line_breaks", find)


def dateline_end(doc: Doc, start: int, stop: int) -> int:
    """The index of the first token after a dateline that opens ``doc[start:stop]`` ("BRUSSELS -
    European leaders", or on a line of its own "RENO, Nev. (AP) — Donald Trump", the agency one
    word: "Tim Kaine (D-Va.) — " is a name), or ``start``."""
    dashes = per_doc(doc, "dateline_dashes", lambda: [
        i for i in np.flatnonzero(np.isin(doc.to_array(ORTH), word_ids(_DATELINE_DASHES))).tolist()
        if doc[i].whitespace_ and doc[i - 1].whitespace_])
    k = bisect_left(dashes, start)
    if k == len(dashes) or dashes[k] >= min(stop, start + _MAX_DATELINE):
        return start
    i = dashes[k]  # the first spaced dash: a dateline ends there or nowhere
    before = doc[start:i]
    if i > start and (all(t.is_upper or t.is_punct for t in before) or (
            i - start > 3 and doc[i - 1].text == ")" and doc[i - 3].text == "("
            and doc[i - 2].is_alpha and _opens_line(doc, start)
            and not any(t.pos_ in ("VERB", "AUX") for t in before))):
        return i + 1
    return start


def past_dateline(head: Token) -> Token:
    """The speaker after a dateline that the parse took for the subject, with the speaker in
    apposition to it or as a second subject ("LONDON (Reuters) – Top donor John Smith said":
    Smith speaks, not London)."""
    end = dateline_end(head.doc, head.left_edge.i, len(head.doc))
    if end <= head.i:
        return head
    after = [c for c in head.children if c.dep_ == "appos"] + [
        c for c in head.head.children if c.dep_ == head.dep_ and c != head]
    return next((c for c in after if c.i >= end), head)


def _opens_line(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


@dataclass
class EntityIndex:
    """Named mentions of the article's entities, for resolving speaker phrases."""

    starts: list[int]
    ends: list[int]
    ids: list[str]
    by_id: dict[str, Entity]
    _coreference: Coreference | None = field(default=None, repr=False)
    _names: dict[str, str | None] | None = field(default=None, repr=False)

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

    def named(self, name: str) -> str | None:
        """The entity known by ``name`` (its name or an alias), if only one is."""
        if self._names is None:
            self._names = {}
            for entity in self.by_id.values():
                for known in {entity.name, *entity.aliases}:
                    self._names[known] = None if known in self._names else entity.id
        return self._names.get(name)

    def coreference(self, doc: Doc) -> Coreference:
        """The Doc's pronoun and description resolver, built on first use."""
        if self._coreference is None:
            self._coreference = Coreference(doc, self)
        return self._coreference

    def before(self, offset: int, limit: int = 200) -> range:
        """Indexes of up to ``limit`` mentions starting before ``offset``, nearest first."""
        last = bisect_right(self.starts, offset - 1) - 1
        return range(last, max(last - limit, -1), -1)


def resolve(phrase: Span, head: Token, index: EntityIndex) -> str | None:
    """The id of the entity ``phrase`` refers to, or None: the name at its head, a name in
    apposition to it ("the company's chief, Jane Doe"), or what the pronoun or description
    at its head refers to. Names elsewhere in the phrase ("the founder of Acme", "Doe, who
    met Smith") are not the speaker, and a group ("Schumer and Pelosi", "May and the EU") is
    none of its members."""
    if head.pos_ in ("PROPN", "PRON") and any(  # (not "retiree and millionaire Jane Doe",
            # nor "Doe, her husband and the firm's chief")
            c.dep_ == "conj" and phrase.start <= c.i < phrase.end and (
                c.pos_ in ("PROPN", "PRON") or c.tag_ in ("NNS", "NNPS"))
            for c in head.children):
        return None
    named = index.spans(phrase.start_char, phrase.end_char)
    for start, end, entity in named:
        if start <= head.idx < end:
            return entity
    for child in head.children:
        if _named_beside(child, head, phrase):
            kinds = ("PERSON", "ORG") if child.dep_ == "appos" else ("PERSON",)
            for start, end, entity in named:
                if start <= child.idx < end and index.by_id[entity].type in kinds:
                    return entity
    if head.pos_ == "PROPN":  # a name the tagger missed here but found elsewhere
        known = index.named(_flat_name(head))
        if known is not None:
            return known
    if head.tag_ in RELATIVE_TAGS and head.head.dep_ == "relcl":  # "Doe, who said": Doe
        noun = head.head.head
        return resolve(noun_phrase(noun, head.head), noun, index)
    if head.pos_ == "PRON":
        return index.coreference(head.doc).pronoun(head)
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is not None and head.lemma_.lower() in CHANNEL_NOUNS:  # "her statement read"
        return resolve(noun_phrase(owner), owner, index)
    issuer = _issuer(head) or _author(head)
    if issuer is not None:  # "Acme issued a statement ... “...,” the statement read": Acme
        return resolve(noun_phrase(issuer), issuer, index)
    if head.pos_ == "NOUN" or (head.pos_ == "ADJ" and head.dep_ in _SUBJECTS) or (
            head.pos_ == "PROPN" and head.is_lower and not any(
                c.dep_ in ("amod", "compound") for c in head.children)):  # "the 34-year-old";
        # "the navy" tagged as a name ("the regional health commission" is a body unnamed)
        return index.coreference(head.doc).description(phrase, head)
    # A name the tagger cut short ("The Hollywood Reporter" as "Hollywood") is not the speaker
    own = [t.idx for t in phrase if _modifies_head(t, head)
           and not (head.pos_ == "PROPN" and t.dep_ == "compound" and t.head == head)]
    inside = [entity for start, end, entity in named
              if index.by_id[entity].type in ("PERSON", "ORG")
              and any(start <= at < end for at in own)]
    return inside[-1] if inside else None


# Documents that someone issues and that then speak for them ("the statement read")
_ISSUED = frozenset("statement letter email memo post tweet message release filing".split())
# Texts whose earlier mention may name their author ("a report by Acme ... the report found")
_AUTHORED = frozenset("report study survey poll analysis review audit".split())
_RECALLED = _ISSUED | _AUTHORED
_TEXTS = THING_NOUNS | _RECALLED
_ISSUER_WINDOW = 1200  # tokens searched back for the document's first mention (a few paragraphs)
# How a text or data comes from its author ("released by", not "received by" or "obtained by").
_PUBLISHED = frozenset("""
    release publish issue commission conduct compile produce prepare write author sponsor file
    send sign mail email e-mail post distribute circulate provide
""".split())


def _author(document: Token) -> Token | None:
    """The name a text's mention gives as its author: "a report by Acme", "a study from
    Acme", "Acme's survey", "the Acme survey", "data released by Acme"."""
    if not {document.lemma_.lower(), document.lower_} & _TEXTS:
        return None  # "the US lawyers", "Indiana protesters": people, not texts
    for child in document.children:
        if child.dep_ in ("poss", "compound") and child.pos_ == "PROPN":
            return child  # "Acme's survey", "the Pew survey", "the Mueller report"
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            name = next((t for t in child.children if t.dep_ == "pobj"), None)
            if name is not None and name.pos_ == "PROPN":
                return name
    return _publisher(document)


def _publisher(document: Token) -> Token | None:
    """Who released a text or data named with its publisher ("data released by the ministry",
    "a study published by Acme", "a statement e-mailed by Doe"), when that is a name."""
    for participle in document.children:
        if participle.dep_ == "acl" and participle.tag_ in ("VBN", "VBD") and \
                participle.lemma_.lower() in _PUBLISHED:
            for agent in participle.children:  # "sent by X", "sent to media from X"
                if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "from"):
                    return next((t for t in agent.children
                                 if t.dep_ == "pobj" and t.pos_ == "PROPN"), None)
    return None


def _issuer(document: Token) -> Token | None:
    """Who issued the document "the statement" (or "this letter", "the report") refers to, at
    its nearest earlier mention: the author that mention names ("a report by Acme"), or the
    subject of the verb that issued it or spoke in it ("Acme issued a statement", "Acme denied
    it in a statement"), when that is a name."""
    lemma = document.lemma_.lower()
    if lemma not in _RECALLED or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in document.children) or \
            any(c.dep_ == "poss" for c in document.children):
        return None
    doc = document.doc
    for mention in reversed(doc[max(0, document.i - _ISSUER_WINDOW): document.i]):
        if mention.lemma_.lower() != lemma or mention.pos_ != "NOUN":
            continue
        author = _author(mention)
        if author is not None:  # "a report by the agency", "the agency's report"
            return author
        verb = mention.head if mention.dep_ == "dobj" else mention.head.head \
            if mention.dep_ == "pobj" and mention.head.dep_ == "prep" else None
        subject = None if verb is None or verb.pos_ != "VERB" else \
            next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:  # the nearest issuer decides, when the text names it
            return subject if subject.ent_type_ in ("PERSON", "ORG") or \
                subject.pos_ == "PROPN" else None
    return None


def _named_beside(child: Token, head: Token, phrase: Span) -> bool:
    """Whether ``child`` names whom the phrase headed by ``head`` describes: a name in
    apposition right after the head ("the group Acme"), after a comma ("the chief, Jane Doe")
    or closing the phrase unbroken ("the envoy to Britain Jane Doe"), or a name after titles
    the parse read as a list ("Early retiree and millionaire Jane Doe")."""
    if child.dep_ == "appos":
        between = head.doc[head.i + 1: child.left_edge.i]
        return child.left_edge.i == head.i + 1 or head.doc[child.left_edge.i - 1].text == "," \
            or (child.i == phrase[-1].i and child.pos_ == "PROPN" and
                not any(t.is_punct for t in between))
    return child.dep_ == "conj" and child.pos_ == "PROPN" and head.tag_ == "NN" and not any(
        c.dep_ in ("det", "poss") for c in head.children)


def _modifies_head(token: Token, head: Token) -> bool:
    """Whether ``token`` is a word of ``head``'s own name or modifiers ("Acme" of "Acme
    chief") or of a name set off after it ("Keeper of the Seal, Jane Doe"), not of a phrase
    or clause about it ("Cornell" of "Doe, a professor at Cornell")."""
    doc = head.doc
    while token != head:
        if token.dep_ == "appos" and token.pos_ == "PROPN" and \
                doc[token.left_edge.i - 1].text == ",":
            return True
        if token.dep_ in _ABOUT_HEAD or token.head == token:
            return False
        token = token.head
    return True


_ABOUT_HEAD = {"prep", "relcl", "acl", "appos", "conj", "advcl"}  # phrases about a head


def _flat_name(head: Token) -> str:
    """The proper name ending at ``head`` ("Jane Doe" of "Chief Jane Doe"), titles left out."""
    start = head.i
    doc = head.doc
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == head and \
            doc[start - 1].pos_ == "PROPN" and not is_title(doc[start - 1].text):
        start -= 1
    return doc[start: head.i + 1].text


def is_first_person(head: Token) -> bool:
    return head.lower_ in _FIRST_PERSON


# Words that stand for people left unnamed ("some say", "those who were there", "many argue").
_UNNAMED_GROUPS = frozenset("some many others those several few most".split())


def is_anonymous(head: Token, entity: str | None) -> bool:
    """Whether the speaker is an unnamed source ("experts", "a source familiar with ...", "some",
    "those who ...")."""
    if entity is not None:
        return False
    if head.lower_ in _UNNAMED_GROUPS:
        return True
    return head.pos_ == "NOUN" and (head.lemma_.lower() in ANONYMOUS_NOUNS or head.tag_ == "NNS")


