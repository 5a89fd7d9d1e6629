"""What a cue reports: its complement in the parse, and "according to X" attributions."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from itertools import takewhile
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.analyze.acts import act_of
from claimgraph.analyze.cues import ANONYMOUS_NOUNS, CHANNEL_NOUNS, CueLexicon
from claimgraph.analyze.extensions import per_doc, per_token, word_ids
from claimgraph.analyze.hedges import SEEM_VERBS
from claimgraph.analyze.marks import Stretch
from claimgraph.analyze.numbers import TIME_UNITS
from claimgraph.analyze.persons import (
    PERSONAL_OBJECTS, PERSONAL_SUBJECTS, is_org_word, is_person, is_person_noun,
    names_a_person,
)
from claimgraph.analyze.speakers import (
    RELATIVE_TAGS, TIMES, asks, breaks_line, closes_quotation, dateline_end, described_as,
    is_infinitive, is_reduced_passive, line_breaks, quoting_verb, subject_of,
    trailing_participle,
)
from claimgraph.analyze.stance import negation, stance_lexicon
from claimgraph.model import Span, Speaker

_PARTICIPLE_DEPS = {"advcl", "acl", "pcomp", "conj", "xcomp"}
_NOT_CONTENT_START = {"ADP", "PUNCT", "CCONJ", "PART", "SPACE"}
_EDGE_PUNCT = set(",;:-–—…")
_RELATIVES = frozenset({"which", "who", "whom", "whose"})
_COMMA = hash_string(",")
_OBJECT_PREPOSITIONS = {"to", "about", "against", "on", "of", "for"}
# Any cue verb reports what "about" introduces ("talked about ...", "warned about ..."); the
# others only follow verbs that report through their object.
_TOPIC_PREPOSITIONS = {"about"}
# Heads of a yes-or-no question ("asked if ..."); modals of what would have been said.
_ASKING = frozenset({"ask", "wonder", "inquire", "question"})
_REQUESTING = frozenset({"ask", "urge", "encourage", "request", "invite"})
_COUNTERFACTUAL_MODALS = frozenset({"would", "could", "might", "should", "'d", "’d"})
# What a person was questioned on ("questioned Morrison about his testimony").
_QUESTIONED_ABOUT = {"about", "on", "over", "regarding", "concerning"}
# Prepositions whose object is asked to act by the infinitive after it ("called on X to ...").
_APPEAL_PREPOSITIONS = {"on", "for", "upon"}
# Prepositions of where or on what occasion words were said ("told reporters at a briefing").
_SETTING_PREPOSITIONS = {"at", "in", "on", "during", "after", "before", "outside", "inside"}
_TIME_ENTITIES = {"DATE", "TIME"}
_MAX_INVERTED = 12  # words of an inverted frame searched for the name of who spoke
# Words of a phrase naming a speaker after an inverted cue ("insists the union's 42-year-old
# president"), and how far it may run.
_NAME_PARTS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "ADP", "PUNCT", "CCONJ"}
_MAX_ASIDE = 12
_NOT_SPEAKERS = {"that", "this", "it", "which", "what", "these", "those", "there"}
# Verbs of coming upon something, and the states a person may be found in.
_FINDING_VERBS = frozenset({"find", "discover"})
_NOTHING_IN_PARTICULAR = {"anything", "nothing", "much", "more"}  # "refused to discuss anything"
_QUESTION_WORDS = {"whether", "who", "whom", "which", "why", "how"}  # not "what he called a hoax"
# What one claims by taking it, not by saying so ("claimed the title", "claimed three lives").
_TAKEN = {
    "life", "body", "remains", "title", "prize", "crown", "trophy", "medal", "seat", "place",
    "spot", "nomination", "territory", "land", "share", "jackpot", "reward", "refund", "pole",
}
_HOW_MUCH = {"much", "lot", "little", "volumes", "plenty", "nothing", "less", "more"}
_FINITE_TAGS = {"VBZ", "VBD", "VBP", "MD"}
_ALL_OF_IT = {"everything", "anything", "all", "nothing", "what", "whatever", "much", "little"}
# Verbs of making something known: negated with no clause, they say nothing.
_DISCLOSING = {"reveal", "disclose", "estimate", "specify", "confirm", "identify", "detail",
               "elaborate", "cite"}
# Verbs that describe or see a thing as something ("what they view as a threat").
_DESCRIBING = {"describe", "characterize", "characterise", "portray", "depict", "view", "see",
               "regard", "consider"}
_POSSIBLE = {"might", "could", "may"}  # modals of a saying that may never happen
_ANYONE_AT_ALL = {"others", "some", "one", "someone", "anyone", "people", "many", "few"}
# Declining to do these says nothing ("declined to confirm or deny the report").
_SILENT_ON = {"comment", "elaborate", "speculate", "confirm", "deny"}
_SHOWING_VERBS = _FINDING_VERBS | {"show", "prove", "demonstrate", "reveal"}
_OBJECT_PRONOUNS = {"me", "him", "her", "us", "them"}
_REFLEXIVES = {"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves",
               "themselves"}
_BODILY_STATES = frozenset({"dead", "alive", "unconscious", "unresponsive", "injured", "asleep"})
_INQUIRIES = frozenset("""
    study survey poll report research researcher scientist analysis review audit inquiry
    investigation investigator data
""".split())
_MANNER_VERBS = {"speak", "talk"}  # report only what they are "about"
_CUE_AUXILIARIES = {"aux", "auxpass", "neg"}
_OBJECT_COMPLEMENTS = {"as", "for", "of"}  # "described X as Y", "praised X for Y"; "in" is
# where it was done ("attacked X in a string of posts")
# Prepositions of a cue that complete what was said after its report ("referred to X as Y",
# "polls show X with a lead", "compared X to Y"); not when or where it was said ("in", "on")
_COMPLETING = {"as", "with", "to", "for", "than", "against", "about", "of"}
_VALUING = {"estimate", "put", "peg", "value", "place"}  # "estimated the cost at $2 million"
# Verbs of naming report only with what the object is called ("called him a liar", "called
# for a ban"): "called her coach", "a campaign called Code Critical", "officers were called to
# the house" and "posted a career-best season" report nothing.
_NAMING_VERBS = {"call", "name", "dub", "term", "label", "brand", "title", "nickname"}
_CALLED_AT = {"house", "home", "office", "number", "line", "hotline", "phone", "cellphone",
              "landline", "desk", "headquarters"}  # what one telephones
# Verbs whose plain object is a thing made, shown, had, ordered, felt, watched or ended, not
# what is said ("posted a video", "issued a wind advisory", "boasts a 45-point lead", "ordered a
# chest X-ray", "feeling extreme fatigue", "observed the moon for 17 nights", "characterizing
# its ocean", "concluded its third hearing"): they report a clause, an infinitive or a quotation.
_MAKING_VERBS = {"post", "issue", "publish", "release", "spot", "boast", "order", "feel",
                 "observe", "characterize", "characterise", "notice", "witness", "conclude"}
_CONNECTIVES = {"and", "but", "yet", "so", "or", "however", "meanwhile"}  # link, never say
_SPANS_OF_TIME = set(TIME_UNITS) | {"time", "while", "ages"}  # "for some time", "for years"
_OWN_TEXTS = {"post", "article", "story", "piece", "column", "essay", "blog", "newsletter"}
_DUTY_POSTS = {"duty", "work", "jail", "prison", "service", "training", "camp"}  # "reported for duty"
# Conjunctions that set a second speaker's report against the first ("X said A, while Y said B").
_CONTRASTS = {"while", "whereas"}
# Verbs of answering report a clause or a quotation; their object or "to" object is what was
# put to the speaker ("responded to calls", "replied to a message").
_ANSWERING_VERBS = {"respond", "reply"}
# Verbs whose named object is the party addressed or kept from something ("wrote the city
# council", "denied the Flames"), not what is said.
_ADDRESSING_VERBS = {"write", "deny"}
_PARTIES = {"PERSON", "ORG", "NORP", "GPE"}
# Verbs of a feeling the object has ("angered residents"): the object is the one who feels.
_CAUSED_FEELINGS = frozenset("""
    alarm anger annoy bother concern delight disappoint disturb dismay embarrass enrage frighten
    frustrate horrify infuriate irk irritate outrage please rattle reassure scare shock startle
    surprise trouble unnerve unsettle upset worry
""".split())
_CLITICS = {"'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}
_REMARKS = {"note", "caveat", "comment", "remark", "warning", "word", "detail", "thought",
            "point", "voice", "message", "plea", "plug", "footnote", "postscript", "request",
            "prayer"}
_CHARGED_THINGS = {"PRODUCT", "MONEY", "CARDINAL", "QUANTITY", "PERCENT"}  # not someone
_TOLD_KINDS = {"truth", "lie", "fib"}  # how one speaks, not what one says
# What one declines to give when one says nothing ("declined to give her name").
_PARTICULARS = {"name", "surname", "detail", "details", "figure", "number", "information",
                "comment", "reason", "breakdown", "estimate", "age", "identity", "address",
                "value", "amount", "sum", "price", "cost", "term", "terms", "specific",
                "specifics", "location", "whereabouts", "timeline", "timetable"}
_INTERVIEWS = {"interview", "comment", "comments", "question", "questions"}
_REQUESTS = {"request", "application", "appeal", "motion", "bail", "permission", "access", "entry",
             "offer", "plea", "bid", "call", "demand", "invitation", "opportunity", "chance"}
# Verbs that turn down a request ("denied a request for funds", "rebuffed calls for elections"):
# a decision, nothing said of it.
_TURNING_DOWN = {"deny", "rebuff", "reject", "refuse", "decline"}
_AIMED = {"gun", "handgun", "pistol", "rifle", "weapon", "knife", "finger", "camera",
          "flashlight", "torch", "laser"}
_ANSWERED_THINGS = {"door", "phone", "telephone", "call", "bell", "doorbell"}
_BODY_PARTS = {"chin", "head", "chest", "eye", "ear", "mouth", "temple", "face", "nose", "throat",
               "neck", "arm", "wrist", "sky", "ceiling"}  # pointed at: a gesture
# Verbs of reporting that, with an object of these kinds, are acts on a thing: "claimed his body",
# "will defend his title", "pointed a gun at him", "answered the door" ("claimed responsibility",
# "defended the decision", "answered questions" say something).
_DONE_TO = {"claim": _TAKEN, "defend": _TAKEN, "point": _AIMED, "answer": _ANSWERED_THINGS}
# Works one writes, as one writes a letter: the thing made, not what it says.
_WRITINGS = {"book", "cookbook", "novel", "memoir", "biography", "song", "script", "screenplay",
             "poem", "play", "code", "software", "check", "cheque", "bill", "legislation",
             "series", "story", "handbook", "will", "column", "episode", "chapter", "music",
             "lyric", "album", "melody", "tune", "chord", "essay", "article", "musical",
             "picture", "film", "movie", "sequel", "pilot"}
_MIN_CONTENT_WORDS = 2  # "says OTTAWA" (a headline run into a dateline) reports nothing
_PREFIX_TOKENS = 16
# Verbs after which a "to" infinitive cue reports as the verb itself would ("continued to warn
# that ...", "went on to say ...", "proceeded to recite ...", "appeared to suggest that ..."),
# unlike "plans to say".
_CARRYING_ON = {"continue", "proceed", "appear", "seem"}
# Verbs of saying that report a clause or a quotation, never one word ("said Uber").
_SAYING_VERBS = {"say", "tell", "add", "note", "explain", "state", "reply", "respond",
                 "insist", "argue", "remark", "stress", "comment", "write"}
_MAKING_KNOWN = _SAYING_VERBS | _DISCLOSING
# Verbs whose object is the listener ("told Reuters", "informed the council"): what they
# report is a clause, never the object.
_LISTENER_VERBS = {"tell", "inform", "notify", "brief", "assure", "remind", "warn"}
# Antecedents of "who" that mean anyone at all ("those who want ...").
_ANYONE = {"those", "anyone", "anybody", "everyone", "everybody", "whoever", "someone"}
# Words of a court or police report whose "of"/"to"/"with" gerund names an offence ("pleaded
# guilty to threatening ...", "charged with inciting ..."), as participles or adjectives.
_CHARGES = {"guilty", "charge", "convict", "indict", "acquit", "arrest", "suspect", "sentence",
            "jail", "prosecute", "investigate", "try", "fine"}
# Verbs that are a person's or a body's word only: said of an object they describe what it
# offers or does ("the app supports ...", "the deals promise to be better").
_AGENTS_ONLY = {"promise", "support", "threaten", "offer", "guarantee", "boast", "recommend"}
# Pictures, whose "shows" describes what is in them.
_PICTURES = frozenset("""
    video photo photograph picture image graphic chart map clip screenshot still illustration
    drawing cartoon infographic
""".split())
# Things made to be used, whose "supports" or "offers" describes them ("the app supports ...").
_DEVICES = frozenset("""
    app application phone smartphone handset device tablet laptop computer pc software program
    model car vehicle engine system platform feature version update camera battery speaker
    console chip processor browser tool product format charger screen display headset watch
""".split())
# Objects of "citing" that are a source of what is reported, not a reason for it.
_CITED_NOUNS = ANONYMOUS_NOUNS | CHANNEL_NOUNS | {
    "commission", "ministry", "department", "government", "police", "office", "council",
    "court", "newspaper", "outlet", "broadcaster", "figure", "record", "estimate",
}
# An object that is only an amount or a time reports nothing (``_is_amount``).
_AMOUNTS = {"PERCENT", "MONEY", "QUANTITY"}
_UNITS = {"cent", "percent", "point", "dollar"}  # "1.2 per cent" is tagged no PERCENT
_PRESS = {"media", "reporter", "press", "journalist", "newspaper", "audience"}
# Adverbs that belong to the cue ("has also said", "later added"); others, such as
# "worldwide" in "agencies worldwide confirmed", belong to the subject.
_CUE_ADVERBS = {
    "also", "further", "then", "later", "still", "never", "again", "already", "previously",
    "now", "once", "often", "even", "just", "only", "first", "recently", "since", "ever",
}


@dataclass
class Draft:
    """A quote under construction: kind, cue token, content pieces as character offsets."""

    kind: str
    cue: Token | None
    pieces: list[tuple[int, int]]
    outside: Stretch | None = None  # for direct quotes: the stretch the speaker is outside of
    speaker_of: Draft | None = None  # a continuation takes this quote's speaker
    speaker_token: Token | None = None
    named: SpacySpan | None = None  # a speaker phrase its rule found whole, not grown from a head
    id: str = ""
    speaker: Speaker | None = field(default=None, repr=False)

    def speaker_head(self) -> Token | None:
        if self.speaker_token is not None:
            return self.speaker_token
        if self.cue is None:
            return None
        aside = inverted_aside(self.cue)
        if aside is not None:  # "The plan, argues the union's leader, will cost jobs"
            return aside.root
        head = subject_of(self.cue)
        if head is not None and self.outside is not None and \
                self.outside.start <= head.idx < self.outside.end:
            head = None  # the parse took a word of the quotation as the subject
        if head is not None:
            low, high = paragraph_bounds(self.cue)
            if not low <= head.idx < high:
                head = self._noun_before()  # a headline run into the line before it
        if head is None and self.cue.dep_ == "ROOT" and self.outside is None and not any(
                c.dep_ == "auxpass" for c in self.cue.children):  # "Doe was said to ...": Doe
            # is what the report is about, and no one is named as its source
            head = self._person_before()
        if head is None and self.outside is not None and self.cue.idx >= self.outside.end:
            head = _inverted_object(self.cue)  # '"...," points out the coach'
        if head is None or (head.i < self.cue.i and not _can_speak(head) and _set_off(self.cue)):
            head = _name_after(self.cue) or head  # "That, argued Jane Doe, is wrong."
        return head if head is not None else self._nearest_name()

    def _person_before(self) -> Token | None:
        """For a cue the parser left without a subject: the person named before it on its
        line ("During an interview with X, Jane Doe, a former envoy, detailed ...")."""
        sent = self.cue.sent
        low, _ = paragraph_bounds(self.cue)
        for ent in sent.ents:
            if ent.label_ == "PERSON" and low <= ent.start_char and ent.end <= self.cue.i:
                return ent.root
        return None

    def _noun_before(self) -> Token | None:
        """The noun right before the cue on its line ("Ex-diplomat says ...")."""
        doc = self.cue.doc
        for i in range(self.cue.i - 1, -1, -1):
            if doc[i].is_space and "\n" in doc[i].text:
                return None
            if doc[i].pos_ in ("NOUN", "PROPN", "PRON"):
                return doc[i]
        return None

    def _nearest_name(self) -> Token | None:
        """For a direct quote whose cue has no parsed subject: the name or pronoun beside the cue."""
        if self.outside is None:
            return None
        doc = self.cue.doc
        sent = self.cue.sent
        # '“...,” Flynn, a top aide, said': the name opening the frame, however far the
        # apposition runs
        framed = _first_person(t for t in doc[sent.start: self.cue.i] if t.idx >= self.outside.end)
        if framed is not None:
            return framed
        for offset in range(1, 5):
            for i in (self.cue.i + offset, self.cue.i - offset):
                if sent.start <= i < sent.end and (doc[i].pos_ in ("PROPN", "PRON")) and \
                        doc[i].ent_type_ not in _TIME_ENTITIES and not (  # "said Monday"
                            self.outside.start <= doc[i].idx < self.outside.end):
                    return doc[i]
        return None


def inverted_aside(cue: Token) -> SpacySpan | None:
    """The phrase naming the speaker of a finite cue set off by commas before it and after the
    phrase ("There is joy, insists a 16-year-old artist, in finishing",
    "The plan, argues the union's leader, will cost jobs"), which the parse often takes for the
    cue's object or leaves out; None for other cues ("His group, called the Fund, ..." names)."""
    doc = cue.doc
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or cue.lemma_.lower() in _NAMING_VERBS or \
            cue.i < 2 or doc[cue.i - 1].text != "," or \
            any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
        return None
    end = cue.i + 1
    while end < min(cue.i + _MAX_ASIDE, len(doc)) and doc[end].text != ",":
        if doc[end].pos_ not in _NAME_PARTS:
            return None
        end += 1
    if end == cue.i + 1 or end >= len(doc) or doc[end].text != "," or end + 1 >= cue.sent.end:
        return None
    phrase = doc[cue.i + 1: end]
    if phrase.root.pos_ not in ("NOUN", "PROPN") or phrase.root.ent_type_ in _TIME_ENTITIES:
        return None  # "..., said Tuesday, ..."
    rest = doc[end + 1: cue.sent.end]
    if any(t.right_edge.i >= end for t in phrase) or (
            rest[0].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
            and not any(t.pos_ in ("VERB", "AUX") for t in rest)):
        return None  # "..., said Jane Doe, a former envoy.": an apposition, not the rest
    if any(c.dep_ == "nsubj" and c.i < cue.i for c in cue.children) and \
            doc[end + 1].pos_ not in ("VERB", "AUX"):
        return None  # "The Europeans, in public, derided the deal, but ...": the cue's own subject
    return phrase


def _can_speak(head: Token) -> bool:
    """Whether a subject can be the one who speaks: not "that", "it" or a date."""
    if head.pos_ in ("PROPN", "NOUN"):
        return head.ent_type_ not in _TIME_ENTITIES
    return head.lower_ not in _NOT_SPEAKERS


def _set_off(cue: Token) -> bool:
    """Whether ``cue`` opens an aside after a comma or a quotation ("That, argued Jane Doe,"),
    where a name after it is its subject, not its object ("after it backed Clinton")."""
    return cue.i > 0 and (cue.doc[cue.i - 1].text in (",", ";", "(") or cue.doc[cue.i - 1].is_quote)


def _inverted_object(cue: Token) -> Token | None:
    """The speaker the parse took for the object of a cue after a quotation ('"...," points out
    the coach')."""
    for child in cue.children:
        if child.dep_ == "dobj" and child.i > cue.i and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def _name_after(cue: Token) -> Token | None:
    """The last word of a name set right after the cue and closed by punctuation, as in an
    inverted aside ("..., argued Jane Doe, ..." or "..., said Doe."), or of the first person
    named in an inverted frame ("..., said the firm's new chair Jane Doe in an email")."""
    doc = cue.doc
    i = cue.i + 1
    while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].ent_type_ not in _TIME_ENTITIES \
            and i - cue.i <= 4:  # "said Monday." names a day, not who spoke
        i += 1
    if i > cue.i + 1 and (i == len(doc) or doc[i].is_punct):
        return doc[i - 1]
    if cue.i == 0 or doc[cue.i - 1].text != ",":
        return None
    # '..., said the firm's new chair Jane Doe in an email': the person the inverted frame
    # names, however it is parsed, before any punctuation but a hyphen or a possessive
    frame = doc[cue.i + 1: min(cue.i + _MAX_INVERTED, cue.sent.end)]
    return _first_person(takewhile(lambda t: not t.is_punct or t.text in ("-", "’", "'"), frame))


def _first_person(tokens: Iterable[Token]) -> Token | None:
    """The last word of the first person's name among ``tokens``, or, when the tagger found
    no person, of the first name right after a noun for a person ("executive chair Jane Doe"
    with the name tagged an organisation)."""
    tokens = list(tokens)
    for token in tokens:
        if token.ent_type_ == "PERSON" and (
                token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I"):
            return token
    for k in range(1, len(tokens)):
        if tokens[k].pos_ == "PROPN" and tokens[k - 1].pos_ == "NOUN" and \
                is_person_noun(tokens[k - 1].lemma_.lower()):
            while k + 1 < len(tokens) and tokens[k + 1].pos_ == "PROPN":
                k += 1
            return tokens[k]
    return None


def complement(cue: Token, lexicon: CueLexicon) -> list[tuple[int, int]]:
    """Character offsets of the pieces of what ``cue`` reports, within the cue's paragraph
    (the parser may run a headline into the next line); none when it reports nothing."""
    low, high = paragraph_bounds(cue)
    pieces = [(max(a, low), min(b, high)) for a, b in _complement(cue, lexicon, low, high)]
    pieces = [(a, b) for a, b in pieces if a < b]
    subject = _passive_subject_of_report(cue)
    if pieces and subject is not None:
        end = cue.i - 1 if subject == cue.head else subject.right_edge.i  # "two men [accused]
        # of ...": the noun's phrase up to the cue
        if low <= subject.left_edge.idx and cue.doc[end].idx < pieces[0][0]:
            pieces = _pieces(cue.doc, (subject.left_edge.i, end)) + pieces
    return pieces or _block_after(cue)


def _passive_subject_of_report(cue: Token) -> Token | None:
    """The subject of a passive cue, part of what is reported ("[Peacekeepers] have been blamed
    [for introducing cholera]", "[Smith] is expected [to win]"); not the one told or asked."""
    if cue.lemma_.lower() in _LISTENER_VERBS | {"ask"}:
        return None
    if is_reduced_passive(cue):  # "the two men accused of killing him"
        return cue.head
    return next((c for c in cue.children if c.dep_ == "nsubjpass" and c.i < cue.i
                 and c.lower_ not in _NOT_SPEAKERS), None)


def _block_after(cue: Token) -> list[tuple[int, int]]:
    """The paragraph after a line that ends in "X added:": a block quotation whose marks were
    the page's layout, lost with it. A paragraph in quotation marks is a direct quote's."""
    doc = cue.doc
    colon = cue.i + 1
    if colon + 2 >= len(doc) or doc[colon].text != ":" or not breaks_line(doc[colon + 1]) or \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return []
    first = colon + 2
    if doc[first].is_quote or doc[first].is_space:
        return []
    breaks = line_breaks(doc)
    k = bisect_right(breaks, first)
    last = (breaks[k] if k < len(breaks) else len(doc)) - 1
    return _pieces(doc, (first, last))


def regarded_as(cue: Token) -> list[tuple[int, int]]:
    """The pieces of "X as Y" after a verb of regarding ("sees the deal as a mistake")."""
    objects = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i]
    if not objects:
        return []
    as_ = [c for c in cue.children if c.dep_ == "prep" and c.lower_ == "as"  # "as a risk",
           and c.i > objects[0].i and any(o.i > c.i for o in c.children)]  # "as reckless"
    if not as_:
        return []
    return _on_its_line(cue, _pieces(cue.doc, (objects[0].left_edge.i, as_[0].right_edge.i)))


def what_it_is_called(cue: Token) -> list[tuple[int, int]]:
    """The pieces of how a free relative describes a thing ("in what Canada has described as
    kidnapping", "what they view as a threat"): the description given. (A name given, "what
    they call unfair treatment", is the writer's label, see ``_complement``.)"""
    children = list(cue.children)
    if cue.lemma_.lower() not in _DESCRIBING or not any(
            c.dep_ == "dobj" and c.lower_ == "what" and c.i < cue.i for c in children):
        return []
    as_ = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as"
                and any(o.i > c.i for o in c.children)), None)
    if as_ is None:
        return []
    given = next(o for o in as_.children if o.i > as_.i)
    return _on_its_line(cue, _pieces(cue.doc, (given.left_edge.i, given.right_edge.i)))


def _on_its_line(cue: Token, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``pieces`` cut to the part of ``cue``'s sentence on its line."""
    low, high = paragraph_bounds(cue)
    return [(max(a, low), min(b, high)) for a, b in pieces if max(a, low) < min(b, high)]


def _closing_frame(cue: Token) -> bool:
    """Whether ``cue`` and its subject close the sentence after a comma ("A told B that C, but
    D, the source added."): the frame of the whole sentence, not a clause of the report before
    it ("said A, the footage showed", parsed as what was said)."""
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    doc = cue.doc
    if subject is None or cue.dep_ == "ccomp" or subject.left_edge.i == 0 or \
            doc[subject.left_edge.i - 1].text != "," or not all(
                t.dep_ in _CUE_AUXILIARIES or _is_cue_adverb(t)
                for t in doc[subject.right_edge.i + 1: cue.i]):
        return False
    return all(t.is_punct or t.is_space or (t.head == cue and t.dep_ in ("npadvmod", "advmod"))
               or (t.dep_ == "pobj" and t.head.head == cue) or (t.dep_ == "prep" and t.head == cue)
               for t in doc[cue.i + 1: cue.sent.end])


def paragraph_bounds(token: Token) -> tuple[int, int]:
    """Character offsets of the part of ``token``'s sentence on the same line as it (kept per
    token: several rules ask it of the same cue, and ``Token.sent`` walks the parse)."""
    return per_token(token, "paragraph_bounds", lambda: _line_part(token))


def _line_part(token: Token) -> tuple[int, int]:
    doc = token.doc
    sent = token.sent
    low, high = sent.start_char, sent.end_char
    breaks = line_breaks(doc)
    before = bisect_left(breaks, token.i)
    if before and breaks[before - 1] >= sent.start:
        previous = doc[breaks[before - 1]]
        low = previous.idx + len(previous)
    after = bisect_right(breaks, token.i)
    if after < len(breaks) and breaks[after] < sent.end:
        high = doc[breaks[after]].idx
    return low, high


def _positions(doc: Doc, name: str, find: Callable[[Doc], list[int]]) -> list[int]:
    """Sorted indices of the tokens of ``doc`` that ``find`` gives, found once per Doc: a scan
    of the sentence for every cue is quadratic when one sentence runs for thousands of tokens."""
    return per_doc(doc, name, lambda: find(doc))


def _relative_commas(doc: Doc) -> list[int]:
    """The commas right before "which", "who", "whom" or "whose"."""
    lower = doc.to_array(LOWER)
    found = (lower[:-1] == _COMMA) & np.isin(lower[1:], word_ids(_RELATIVES))
    return [int(i) for i in np.flatnonzero(found)]


def _complement(cue: Token, lexicon: CueLexicon, low: int, high: int) -> list[tuple[int, int]]:
    """Other cue verbs coordinated inside the report ("and added ...") are cut off with their
    own."""
    def is_cue(token: Token) -> bool:
        return token.pos_ in ("VERB", "AUX") and lexicon.is_cue_verb(token.lemma_)

    doc = cue.doc
    children = list(cue.children)
    lemma = cue.lemma_.lower()
    if lemma in _NAMING_VERBS and _names_only(cue, children):
        return []
    if lemma == "admit" and any(c.dep_ == "auxpass" for c in children):
        return []  # "was admitted to hospital": let in, not a confession
    if lemma == "pronounce" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux", "agent") for c in children):
        return []  # "Gigante (pronounced ji-GANT-tee)": how a name sounds
    if lemma == "quote" and quoting_verb(cue) is not None:
        return []  # "Reuters quoted him as saying ...": the "saying" reports it, his
    if lemma == "question" and not any(
            c.dep_ in ("agent", "ccomp") or (c.dep_ == "prep" and c.lower_ == "about")
            for c in children) and any(c.dep_ == "nsubjpass" and is_person(c) for c in children):
        return []  # "A man was being questioned on suspicion of murder": held for questioning
        # ("was questioned about the dispute" is asked about it)
    if lemma in _NAMING_VERBS and any(c.dep_ == "dobj" and c.lower_ == "what" for c in children) \
            and not any(t.is_quote for t in doc[cue.i + 1: cue.right_edge.i + 1]):
        return []  # "what they call workplace harassment": the writer's label for a thing;
        # quoted ('what lawmakers called “fraud”'), the word is theirs
    aside = inverted_aside(cue)
    if aside is not None:  # "X, insists a 16-year-old artist, Y" reports X and Y
        return _pieces(doc, (cue.sent.start, cue.i - 2), (aside.end + 1, cue.sent.end - 1))
    if cue.lemma_.lower() in _MANNER_VERBS:  # "spoke about the need ...", never "spoke Sunday"
        return prepositional_object(cue, lexicon)
    objects = [c for c in children if c.dep_ == "dobj" and c.i > cue.i]
    if lemma == "question" and objects and is_person(objects[0]):
        # "questioned Morrison about his testimony": the questions were about that; "police
        # questioned him for hours": nothing said of what
        topic = next((c for c in children if c.dep_ == "prep" and c.i > objects[0].i
                      and c.lower_ in _QUESTIONED_ABOUT), None)
        return _pieces(doc, (topic.i, topic.right_edge.i)) if topic is not None else []
    told = _told_clause(lemma, objects)
    if told is not None:
        return _pieces(doc, (told.left_edge.i, told.right_edge.i))
    answer = doc[cue.i + 1] if cue.i + 2 < len(doc) else None
    if answer is not None and answer.head == cue and answer.lower_ in ("no", "yes") and \
            doc[answer.i + 1].lower_ == "when":
        return []  # "said no when reporters asked ...": a bare answer, and when it was given
    late = _clause_after_setting(cue, children)
    if late is not None:  # "reported at the time that the editor had left"
        return _pieces(doc, (late.left_edge.i, late.right_edge.i))
    if lemma == "show" and objects and (objects[0].lemma_.lower() in ("sign", "symptom") or any(
            c.dep_ in ("prep", "dative") and c.lower_ == "to"
            for c in [*children, *objects[0].children])):
        return []  # "showed the house to a couple": a thing shown to someone; "the patients
        # showed no signs of ...": a state observed in them; neither is their finding
    # A clause after the cue before one before it: the parse may take a fronted phrase for a
    # clause ("In a new case study out Monday, they detail how ..."); but right after a comma
    # the cue frames what came before ("..., said the firm's recently named chair X").
    inverted = cue.i > 0 and doc[cue.i - 1].text == ","
    predicate = _relative_predicate(cue, children)
    if predicate is not None:  # "which Nissan claims is a 20% gain", its clause parsed apart
        relative = next(c for c in children if c.dep_ == "nsubj" and c.tag_ in RELATIVE_TAGS)
        return _pieces(doc, (relative.i, relative.i), (cue.i + 1, predicate.right_edge.i))
    for child in sorted(children, key=lambda c: (c.i < cue.i) != inverted):
        if _is_complement_clause(child) and low <= child.idx < high:
            if lemma in _FINDING_VERBS and _someone_in_a_state(child) and not _inquiry(cue):
                return []  # "officers found a man bleeding", "found him dead": a person come
                # upon, not a finding ("found him guilty", "a survey found voters losing
                # faith" are)
            if child.i < cue.i and is_infinitive(child):
                continue  # "The states to have signed ... criticised X": no fronted report
            if child.i < cue.i and lemma not in _LISTENER_VERBS and \
                    any(o.dep_ == "dobj" for o in children) and \
                    any(o.dep_ == "nsubj" and child.i < o.i < cue.i for o in children):
                continue  # "..., I spot him": a clause before a subject, verb and object is
                # the parser's guess, not what the verb reports ("..., she told him" is)
            if child.i > cue.i and lemma not in _LISTENER_VERBS | {"ask"} and any(
                    c.dep_ == "nsubjpass" and c.lower_ != "it" for c in children):
                continue  # "when the tax was announced they hoisted signs": the tax was what
                # was announced ("he was told the plan failed": the one told)
            if child.i < cue.i and any(
                    (c.dep_ == "xcomp" and c.i > cue.i) or (c.dep_ == "mark" and c.i < cue.i)
                    for c in children):
                continue  # "VIPER, a rover NASA plans to fly ...": the verb reports its own
                # infinitive; "..., after the deal was approved by ...": a clause of its own;
                # either way the clause before it is the parser's guess
            if child.i < cue.i and ((any(a.i < child.i and is_cue(a) for a in cue.ancestors)
                                     and not _closing_frame(cue)) or any(
                    (t.lower_ in _CONNECTIVES and t.head == cue) or t.text == ";"
                    for t in doc[child.right_edge.i + 1: cue.i])):
                continue  # "X said A; they learned of it later": A is X's report, not theirs;
                # "A, so the studio is deciding": A is why, not what they decide; "A; fans
                # are lining up": a sentence of its own
            if child.i < cue.i:  # "..., a source said": the report runs from the sentence start
                subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass") and c.i > child.i]
                end = min([cue.i] + [s.left_edge.i for s in subjects])
                while end > cue.sent.start and doc[end - 1].head == cue and (
                    doc[end - 1].dep_ in _CUE_AUXILIARIES or _is_cue_adverb(doc[end - 1])
                ):
                    end -= 1  # "..., has said" and "..., said Smith" end before the cue
                opening = next((t for t in doc[cue.sent.start: end] if t.idx >= low), None)
                if opening is not None and _opens_quotation(opening):  # '“...,” Doe, wearing a
                    # hat, said': the quotation ends at its closing mark, whatever the parse
                    # hangs after it
                    end = next((t.i for t in doc[opening.i + 1: end] if closes_quotation(t)), end)
                return _pieces(doc, (cue.sent.start, end - 1))
            first = _past_phrase(_past_time(max(child.left_edge.i, cue.i + 1), cue), child, cue)
            if cue.dep_ == "acl" and doc[first].lower_ in ("who", "whom", "whose"):
                return []  # "the third witness testifying Tuesday who listened in": a clause
                # about the witness, not what was testified
            if objects and objects[0].i < first and (not _has_subject(child) or (
                    not objects[0].ent_type_ and not is_person_noun(objects[0].lemma_.lower())
                    and lemma not in _LISTENER_VERBS and any(
                        c.dep_ == "nsubj" and c.tag_ == "WDT" and c.i == child.left_edge.i
                        for c in child.children))):
                first = objects[0].left_edge.i  # "stated the outcomes ... will be", "reported
                # wait times that exceeded two hours": a misparse of the object's phrase
            stray = next((c for c in children if c.dep_ == "nsubj" and cue.i < c.i < first), None)
            if stray is not None and not _has_subject(child) and any(
                    c.dep_ == "nsubj" and c.i < cue.i for c in children):
                first = stray.left_edge.i  # "X said Jackman, 40, star of ..., will host": the
                # parse hung the clause's subject and its apposition on the cue
            last = _cut_at_cue(child, is_cue)
            for other in children:  # "said he had behaved well, had completed ...", "said A,
                # but that B", 'said A, but "B"': the parse may hang each coordinated
                # clause on the cue
                between = doc[last + 1: other.left_edge.i]
                if other.i > child.i and (other.dep_ == "ccomp" or (
                        other.dep_ == "conj" and (_opens_with_that(other) or (
                            _but_clause(other) and not is_cue(other))))) and \
                        other.left_edge.i > last and \
                        all(t.text == "," or t.dep_ == "cc" for t in between):
                    last = _cut_at_cue(other, is_cue)
            relative = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")
                             and c.tag_ in RELATIVE_TAGS and c.i < cue.i), None)
            if relative is not None:  # "which he said were at his side": the relative stands
                # for the clause's subject
                return _pieces(doc, (relative.i, relative.i), (first, last))
            return _pieces(doc, (first, last))
    if cue.dep_ == "parataxis" and (not objects or lemma in _LISTENER_VERBS):  # "Prices, he
        # told me, rose." gives "Prices" and "rose"; "(the firm would not disclose the number)"
        # reports its object
        return _pieces(doc, (cue.sent.start, cue.left_edge.i - 1),
                       (cue.right_edge.i + 1, max(_clause_end(cue.head), cue.right_edge.i)))
    source = _as_source(cue, children)
    if source is not None:  # "As the Post reported, the fund ..." gives the clause around it
        head = cue.head
        return _pieces(doc, (head.left_edge.i, source[0] - 1), (source[1] + 1, head.right_edge.i))
    aside = _aside(cue, children)
    if aside is not None:  # the same, parsed with the cue as the root
        return _pieces(doc, (cue.sent.start, aside[0] - 1), (aside[1] + 1, cue.sent.end - 1))
    closing = _closing_comment(cue, children)
    if closing is not None:  # "The plan will fail, she said." with "said" hung on "fail"
        return _pieces(doc, (cue.sent.start, closing))
    after = cue.right_edge.i + 1
    if cue.dep_ == "ccomp" and cue.left_edge.i == cue.sent.start and not objects and \
            cue.head.i > after and not is_cue(cue.head) and _has_subject(cue.head) and \
            any(c.dep_ == "nsubj" for c in children) and doc[after].text == "," and \
            doc[after + 1].pos_ not in ("CCONJ", "SCONJ", "ADV") and lemma not in _ANSWERING_VERBS:
        # "Doe admits in this instance, there were deaths": the parse hung the cue on the
        # clause it reports
        return _pieces(doc, (after, cue.head.right_edge.i))
    if objects and _is_amount(objects[0]):
        return []  # "the index declined 1.2 per cent to 2,177", "the stock added 2% to begin
        # the week", "has contended several other years": nothing said, whatever follows
    if lemma in _ANSWERING_VERBS:
        return []  # "did not respond to requests for comment": what was put to them
    if lemma == "refer" and cue.tag_ == "VBG" and cue.dep_ == "advcl":
        return []  # '"...," she said, referring to the plan': the writer's gloss on her words
    if objects and _not_said(lemma, objects[0]):
        return []  # "wrote the city council", "denied a request", "wrote a letter"
    clauses = [
        c for c in children if c.i > cue.i and (
            c.dep_ == "xcomp" or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                                  and not _has_subject(c) and not is_cue(c))
        )
    ]
    if objects and clauses and objects[0].i < clauses[0].i and (
            clauses[0].dep_ == "xcomp" or clauses[0].left_edge.i == objects[0].right_edge.i + 1):
        # "urged Russia to change course", "added [Russia] [has been ignoring sanctions]" (the
        # parse split a clause); not a second action ("spots a sword and removes it")
        last = next((c.left_edge.i - 2 for c in clauses[0].children  # "..., reiterating"
                     if is_cue(c) and trailing_participle(c, clauses[0])), clauses[0].right_edge.i)
        return _pieces(doc, (objects[0].left_edge.i, last))
    predicate = _orphan_predicate(objects[0]) if objects else None
    if predicate is not None:  # "were told the hopeful, Deval Patrick, would be stopping by"
        return _pieces(doc, (objects[0].left_edge.i, predicate.right_edge.i))
    appeal = _appeal(cue, clauses)
    if appeal is not None:  # "called on Congress to act", "is calling for the US to step up"
        return _pieces(doc, appeal)
    if cue.tag_ == "VBG" and cue.dep_ in _PARTICIPLE_DEPS and cue.i + 1 < len(doc) and \
            lemma not in _MAKING_VERBS:
        nxt = doc[cue.i + 1]  # ", noting the soldiers looked ...": the parse may miss the clause
        if nxt.pos_ not in _NOT_CONTENT_START and nxt.sent == cue.sent and objects:
            end = _clause_end(cue)
            if not lexicon.takes_object_content(cue.lemma_) and all(
                    t.i <= objects[0].right_edge.i or t.is_punct for t in doc[cue.i + 1: end + 1]):
                return []  # only an object, of a verb that reports a clause ("districts
                # experiencing high growth")
            if cue.dep_ == "acl":  # on a noun ("in its statement claiming responsibility, the
                # group said ..."), it ends at the comma after its phrase
                end = next((t.i - 1 for t in doc[cue.right_edge.i + 1: end + 1] if t.text == ","),
                           end)
            return _pieces(doc, (cue.i + 1, end))
    if not objects:  # "spoke about the need for ...", "railed against the deal"
        pieces = prepositional_object(cue, lexicon)
        if pieces:
            return pieces
    if not lexicon.takes_object_content(cue.lemma_) or lemma in _MAKING_VERBS:
        return []
    if lemma in _LISTENER_VERBS and objects and (
        objects[0].pos_ == "PROPN" or objects[0].lemma_.lower() in _PRESS or objects[0].lower_ in _PRESS
    ) and not any(t.dep_ in ("relcl", "acl", "ccomp") for t in objects[0].subtree):
        return []  # "told Reuters", "told the media": who heard it, not what was said
    if clauses and clauses[0].dep_ == "xcomp":  # "vowed to punish ..."
        last = _infinitive_end(clauses[0])
        for clause in clauses[1:]:  # "plans to re-evaluate him", parsed as three verbs
            if clause.dep_ == "xcomp" and clause.left_edge.i == last + 1:
                last = clause.right_edge.i
        # "the deal, which Chelsea hope to announce": the relative pronoun is no part of it
        return _pieces(doc, (max(clauses[0].left_edge.i, cue.i + 1), last))
    if objects:  # "described Obama as a climate evangelist"
        last = objects[0].right_edge.i
        for child in children:  # "called her vote a mistake", "attacked Clinton for ...",
            # "described conditions at the centre as unacceptable"
            if (child.left_edge.i == last + 1 or (child.lower_ == "as" and child.dep_ == "prep"
                                                   and _past_settings(children, last, child))) and (
                child.dep_ in ("oprd", "xcomp", "ccomp") or child.lower_ in _OBJECT_COMPLEMENTS
            ):
                last = child.right_edge.i
        for child in children:  # "called it not a crash, but “a disaster”", the contrast
            # hung on the verb: part of what was called
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "ADJ") and \
                    child.left_edge.i > last and all(
                        t.is_punct or t.dep_ == "cc" for t in doc[last + 1: child.left_edge.i]):
                last = child.right_edge.i
        # A bare pronoun ("praised him") says nothing; with its complement ("called him
        # divisive") it does.
        if lemma in _NAMING_VERBS:  # "called X and Y a disgrace": the complement after both
            last = max([last] + [c.right_edge.i for c in children if c.dep_ == "oprd" and c.i > last])
        if last == objects[0].right_edge.i and lemma in _NAMING_VERBS and last + 1 < len(doc) \
                and (doc[last + 1].pos_ in ("DET", "ADJ", "NOUN") or doc[last + 1].is_quote):
            last = cue.right_edge.i  # "called Oz a quack": a complement the parse left out
        if last == objects[0].right_edge.i and (objects[0].pos_ == "PRON" or lemma in _NAMING_VERBS):
            return []
        return _pieces(doc, (objects[0].left_edge.i, last))
    predicates = [c for c in children if c.dep_ == "oprd" and c.i > cue.i]
    if predicates:  # "called the frontrunner “a fraud”", parsed without an object
        return _pieces(doc, (cue.i + 1, predicates[0].right_edge.i))
    passive = _passive_subject(cue, children)
    if passive is not None:  # "the plan was rejected by voters": the plan is what they rejected
        agent = _agent_after(cue)
        near = [*children, *agent.children, *(t for o in agent.children for t in o.children)]
        called = next((c for c in near if c.i > cue.i and described_as(c)), None)
        described = [(called.i, called.right_edge.i)] if called is not None else []
        return _pieces(doc, (passive.left_edge.i, passive.right_edge.i), *described)  # "... by
        # critics as a sham": what they called it too
    prep = _object_preposition(cue)
    if prep is not None and lemma not in _NAMING_VERBS:  # "pointed to reports", "warned against"
        return _pieces(doc, (prep.i + 1, prep.right_edge.i))
    return []


def _past_settings(children: list[Token], last: int, child: Token) -> bool:
    """Whether only the cue's phrases of when or where (no complement) lie between token
    ``last`` and ``child`` ("described conditions [at the centre] as unacceptable")."""
    if child.i <= last:
        return False
    settings = {t.i for c in children if c.dep_ == "prep" and c.i > last
                and c.lower_ not in _OBJECT_COMPLEMENTS for t in c.subtree}
    return all(i in settings for i in range(last + 1, child.left_edge.i))


def _opens_quotation(token: Token) -> bool:
    """Whether ``token`` is a mark opening a quotation, right before its first word (not the
    mark closing the paragraph before, which the parse may take into the sentence)."""
    doc = token.doc
    return token.is_quote and token.i + 1 < len(doc) and not token.whitespace_ and \
        not doc[token.i + 1].is_space and not doc[token.i + 1].is_punct


def _past_time(first: int, cue: Token) -> int:
    """``first``, or the token after a day or time that the parse put at the start of the
    clause right after the cue ("said Tuesday his actions are ...", "said on Friday he met"):
    when it was said, not what.
    """
    doc = cue.doc
    i = first + (doc[first].pos_ == "ADP" and first + 1 < len(doc))
    if first != cue.i + 1 or doc[i].ent_type_ not in _TIME_ENTITIES or \
            doc[i].dep_ in ("nsubj", "nsubjpass"):  # "said Tuesday was the deadline"
        return first
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
        i += 1
    return i + 1 if i + 1 < len(doc) and doc[i + 1].head.i > i + 1 else first


def _past_phrase(first: int, clause: Token, cue: Token) -> int:
    """``first``, or the subject of ``clause`` when a phrase the parse hung on the clause comes
    between the cue and that subject, with no "that" ("said after the convention he would not
    ..."): where or when it was said, not what."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i]
    if first != cue.i + 1 or not subjects or cue.doc[first].dep_ != "prep" or \
            cue.doc[first].head != clause or \
            any(c.dep_ == "mark" and c.i < subjects[0].i for c in clause.children):
        return first
    return subjects[0].left_edge.i


def _names_only(cue: Token, children: list[Token]) -> bool:
    """Whether a verb of naming gives a name, not words said: "a campaign called X" (or, as
    parsed, "started a campaign last year called X"), "officers were called to the house",
    "police were called by neighbours", "called his office",
    "the recipe is called Cake Z", "Called a liar, Doe ..." with no one calling, "who calls
    herself X"."""
    deps = {c.dep_ for c in children}
    if cue.dep_ == "acl" and cue.head.dep_ != "ROOT" and \
            sum(c.dep_ in ("oprd", "dobj", "xcomp") for c in children) < 2:
        return True
    named = [c for c in children if c.dep_ in ("oprd", "xcomp") and c.ent_type_ not in TIMES]
    if "nsubjpass" in deps and ("agent" not in deps or not named) and \
            all(c.pos_ == "PROPN" for c in named):
        return True  # "was called X", "was called by neighbours", "was called about 3pm"
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _CALLED_AT for c in children) and \
            not any(c.dep_ == "oprd" for c in named):
        return True  # "had called Singh's house to let them know": a telephone call
    if cue.dep_ == "advcl" and cue.tag_ in ("VBN", "VBD") and \
            not deps & {"agent", "aux", "auxpass", "nsubj", "nsubjpass"}:
        return True
    return any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in children)


def _told_clause(lemma: str, objects: list[Token]) -> Token | None:
    """The "that" clause after the one told, which the parse read as a relative clause of
    theirs ("tells the paper that he fought with the man"): what was told."""
    if lemma not in _LISTENER_VERBS or not objects:
        return None
    listener = objects[0]
    clause = _that_clause_on(listener)
    return clause if clause is not None and clause.left_edge.i == listener.i + 1 else None


def _that_clause_on(noun: Token) -> Token | None:
    """A "that" clause with a subject of its own that the parse hung on ``noun`` as if it
    described it ("the time that the editor had left", "the paper that he fought ...")."""
    return next((
        clause for clause in noun.children
        if clause.dep_ in ("relcl", "acl") and clause.left_edge.lower_ == "that" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i > clause.left_edge.i for c in clause.children)
    ), None)


def _not_said(lemma: str, obj: Token) -> bool:
    """Whether the object ``obj`` of a cue is something other than what was said: the party
    written to or kept from something ("wrote the city council", "denied the Flames"), a request
    refused ("denied a request for funds"), the channel or work written ("wrote a letter
    asking ...", "wrote her first cookbook"), people let in ("admitted 400 students"), a
    thing charged, not someone accused ("charging a laptop", "charges a fee"), a counted
    thing added, not a remark ("added a goal", "added two assists"), or a question begged."""
    if lemma in _ADDRESSING_VERBS and obj.ent_type_ in _PARTIES and all(
            t.ent_type_ == obj.ent_type_ or t.is_punct or t.dep_ == "det" for t in obj.subtree):
        return True
    noun = obj.lemma_.lower()
    if lemma == "admit" and (is_person_noun(noun) or any(c.dep_ == "nummod" for c in obj.children)):
        return True  # "admitted 1.4 million refugees": let them in
    if lemma == "add" and obj.pos_ == "NOUN" and noun not in _REMARKS and any(
            c.dep_ == "nummod" or c.lower_ in ("a", "an") for c in obj.children):
        return True  # "added three assists", "added a goal": scored, nothing said
    if lemma == "charge" and (obj.ent_type_ in _CHARGED_THINGS or (
            obj.pos_ == "NOUN" and not obj.ent_type_ and not names_a_person(obj)
            and not is_org_word(noun))):
        return True
    if lemma == "write":
        noun = _counted_noun(obj).lemma_.lower()  # "wrote hundreds of songs"
    return (lemma in _TURNING_DOWN and noun in _REQUESTS) or (
        lemma == "write" and (noun in CHANNEL_NOUNS or noun in _WRITINGS)) or (
        lemma == "tell" and noun in _TOLD_KINDS) or (  # "tells the truth"
        lemma == "beg" and noun == "question") or (  # "begs the question": it raises one
        lemma == "refer")  # "referred the call to the police": passed on


def _counted_noun(noun: Token) -> Token:
    """The noun an amount counts ("hundreds of songs", "dozens of letters"), else ``noun``."""
    if noun.pos_ == "NUM" or noun.lemma_.lower() in ("hundred", "thousand", "dozen", "score"):
        return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"), noun)
    return noun


def _is_amount(noun: Token) -> bool:
    """Whether ``noun`` is only an amount or a time: a counted unit of change ("1.2 per cent",
    "40 points"), a sum or share ("2%", "$5 million") or a span of time ("several years")."""
    return (noun.lemma_.lower() in _UNITS and any(
        c.dep_ == "nummod" and c.like_num for c in noun.children)) or noun.ent_type_ in _AMOUNTS \
        or all(t.ent_type_ in _AMOUNTS or t.is_punct for t in noun.subtree) \
        or all(t.ent_type_ in _TIME_ENTITIES or t.is_punct for t in noun.subtree)


def is_imperative(cue: Token) -> bool:
    """Whether ``cue`` is a bare command opening its clause ("Add the flour", "Ask whether ...",
    "Welcome to ..." tagged as a present verb, "As you build it, remember: ..."), set off
    inside one ("Watergate, remember, took two years") or before it ("Remember, ..."), to the
    reader, or joined to one ("Start small and recognize that ...")."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in cue.children):
        return False
    doc = cue.doc
    if cue.dep_ == "parataxis":  # "Remember, leadership exists on a spectrum." too
        return cue.tag_ in ("VB", "VBP") and (
            (cue.i > 0 and doc[cue.i - 1].text in (",", "(")) or (
                cue.is_sent_start and cue.i + 1 < len(doc) and doc[cue.i + 1].text == ","))
    if cue.dep_ == "conj" and cue.tag_ == "VB" and cue.head.i < cue.i:
        return is_imperative(cue.head)  # "Start small and recognize that ..."
    return cue.dep_ == "ROOT" and (cue.tag_ == "VB" or (cue.tag_ == "VBP" and (
        cue.left_edge == cue or (cue.doc[cue.i - 1].text == "," and all(
            c.dep_ in ("advcl", "punct") for c in cue.children if c.i < cue.i)))))


def _asks_anonymity(cue: Token) -> bool:
    """Whether ``cue`` is a source's request to stay unnamed ("asked not to be identified",
    "requested anonymity"): how the article sources a statement, not one."""
    if cue.lemma_.lower() not in ("ask", "request"):
        return False
    return any(
        (c.dep_ == "xcomp" and c.lemma_.lower() in ("identify", "name", "quote") and
         {"neg", "auxpass"} <= {n.dep_ for n in c.children})
        or (c.dep_ == "dobj" and c.lower_ == "anonymity") for c in cue.children)


def _names_an_offence(cue: Token) -> bool:
    """Whether ``cue`` names what someone is charged with ("pleaded guilty to threatening")."""
    return cue.tag_ == "VBG" and cue.dep_ in ("pcomp", "pobj") and \
        cue.head.dep_ in ("prep", "dative") and cue.head.head.tag_ in ("VBN", "JJ") and \
        cue.head.head.lemma_.lower() in _CHARGES


def _how_anyone_does_it(cue: Token) -> bool:
    """Whether ``cue`` is "by saying ..." in a passive or verbless sentence ("unlocked by saying
    'open sesame'", "Quick access by saying ..."): what anyone says, with no clause reported."""
    if not (cue.tag_ == "VBG" and cue.dep_ == "pcomp" and cue.head.lower_ == "by") or any(
            _is_complement_clause(c) for c in cue.children):
        return False
    return cue.sent.root.pos_ not in ("VERB", "AUX") or any(
        c.dep_ == "nsubjpass" for c in cue.head.head.children)


def _pictured(cue: Token, head: Token | None) -> bool:
    """Whether ``cue`` says what a picture shows ("the photo shows a man in a hat", "a video
    showing the moment ...", "Map highlighting the epicenter"): the writer's description of it,
    with no clause and no one doing anything in it ("footage shows the suspect fleeing" is
    evidence)."""
    if cue.lemma_.lower() not in ("show", "depict", "highlight") or head is None or \
            head.lemma_.lower() not in _PICTURES or any(
                _is_complement_clause(c) for c in cue.children):
        return False
    return not any(c.dep_ == "dobj" and any(p.dep_ == "acl" for p in c.children)
                   for c in cue.children)


def _said_of_an_object(cue: Token, head: Token | None) -> bool:
    """Whether a verb only people and bodies use as a report is said of an object: "this" or
    "that", a device ("the app supports ..."), or a common noun of no person or body that
    "promises to be" ("the phones promise to be faster"). Other nouns are left alone: the
    kinds of people are too many to list ("the landlord threatened legal action")."""
    if cue.lemma_.lower() not in _AGENTS_ONLY or head is None or any(
            _is_complement_clause(c) or c.dep_ == "auxpass" for c in cue.children):
        return False
    if head.lower_ in ("this", "that") and head.tag_ == "DT":
        return True
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or names_a_person(head) or is_org_word(lemma):
        return False
    return lemma in _DEVICES or (not head.ent_type_ and any(
        c.dep_ == "xcomp" and c.lemma_ == "be" for c in cue.children))


def no_source(cue: Token) -> bool:
    """Whether ``cue`` reports no one's words but the writer's: a generic "you" ("you can't tell
    what happens next"), the writer's "I" or "we" with a view, a wish or a remark on a thing ("I
    believe ...", "we want ...", "I would suggest two changes"), a verb of seeming said of a
    thing ("the plan seems to work", "the laptop sounded the same": the writer's judgement, not
    the thing's; "the idea feels like a fad"), a comparison ("better than expected"),
    "considering ..." with no subject, an offence named in a charge, a request for anonymity,
    how anyone does a thing ("unlocked by saying ..."), an object that "supports" or "promises"
    something, what a picture shows, this text itself ("This post will discuss ..."), what a
    word or work refers to ("the song doesn't refer to a duvet"), a gerund of a thing's use,
    with no clause ("a figure used in calculating the cost") or of an empty "it" ("After
    outlining it, it's time to ..."), anyone at all ("those who want ..."), what someone "can
    expect" (the writer's promise to them, not their expectation), or a yes-or-no question or a
    request for comment put by an unnamed asker ("When asked whether ...", "asked for comment"),
    what such a question asks ("Asked if she believed ..."), what could have been shown or
    found ("voters could have shown ..."), anyone doing it ("anyone talking about ..."), or a
    thought of "this" or "that" ("That put them through without worrying ...").
    Cues inside quotations never get
    here: there "I" is the quoted speaker."""
    if _names_an_offence(cue) or _asks_anonymity(cue) or _how_anyone_does_it(cue) or \
            _asked(cue) or (cue.lemma_.lower() in _SHOWING_VERBS and _counterfactual(cue)):
        return True  # "voters could have shown they were tired": nothing was shown
    if _hypothetical(cue) or _names_it(cue) or _asked_about(cue) or _done_to_a_thing(cue) or \
            _says_how_much(cue) or _what_is_said_is(cue) or _foreseen(cue) or _appeal_to_all(cue) \
            or _goes_without_saying(cue):
        return True
    head = subject_of(cue)
    if _said_of_an_object(cue, head) or _pictured(cue, head):
        return True
    if head is not None and head.lower_ in ("this", "that") and head.tag_ == "DT" and \
            act_of(cue, head) == "thought" and caused_feeling(cue) is None:
        return True  # "That put them into the playoffs without worrying about ...": no one
        # thinks ("That worries environmentalists": they do)
    if cue.lemma_.lower() in SEEM_VERBS | {"sound"} and not (head is not None and (
            head.ent_type_ == "PERSON" or head.lower_ in ("he", "she"))):
        return True  # "the plan seems to work"; "she seems to think ..." is hers, hedged
    if cue.lemma_.lower() == "feel" and head is not None and head.pos_ == "NOUN" and \
            not names_a_person(head) and not is_org_word(head.lemma_) and any(
            t.lower_ == "like" and t.dep_ == "prep" for t in cue.doc[cue.i + 1:cue.i + 5]):
        return True  # "the idea feels a little like ...": how it strikes the writer
    if head is not None and head.lower_ in ("you", "'s", "’s"):
        return True  # "let's hope ..." is the writer's wish too
    if head is not None and head.lower_ in ("anyone", "anybody") and cue.tag_ == "VBG":
        return True  # "I don't see anyone talking about ...": no one in particular
    if head is None and any(c.dep_ == "nsubjpass" and c.lower_ == "you" for c in cue.children):
        return True  # "You're promised a smooth ride": the writer to the reader
    if any(t.lower_ == "than" and t.head == cue for t in cue.doc[max(cue.i - 3, 0): cue.i]) or (
            cue.lower_ == "considering" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux") for c in cue.children)):
        return True  # "better than expected results": the writer's comparison; "Considering
        # how ..., it is", "it is reasonable considering that ...": the writer's preposition
    if head is None and cue.tag_ == "VBG" and cue.dep_ == "pcomp" and \
            cue.head.head.tag_ == "VBN" and cue.head.head.dep_ == "acl" and not any(
            _is_complement_clause(c) for c in cue.children):
        return True  # "the figure used in calculating the size of a bust": no one's words
    if cue.lemma_.lower() == "pronounce" and any(
            c.dep_ in ("oprd", "acomp", "xcomp") and c.lower_ == "dead" for c in cue.children):
        return True  # "was pronounced dead at the hospital": a formality, no statement
    if cue.lemma_.lower() == "confirm" and any(
            (c.dep_ == "nsubjpass" and is_person(c))
            or (c.dep_ == "dobj" and c.ent_type_ == "PERSON") for c in cue.children):
        return True  # "nominees must be confirmed by the Senate": appointed, nothing said
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children) and any(
            c.dep_ == "aux" and c.lower_ in _POSSIBLE for c in cue.children):
        return True  # "As many readers may have noticed, ...": the writer's aside
    if cue.lemma_.lower() == "urge" and any(c.lower_ == "on" and (c.dep_ == "prt" or (
            c.dep_ == "prep" and c.i == cue.i + 1
            and not any(o.dep_ == "pobj" and _a_time(o) for o in c.children)))
            for c in cue.children):
        return True  # "urging on fans in the stadium": cheering them, nothing said ("urged on
        # Monday that ..." says something)
    if cue.lemma_.lower() == "discuss" and not any(_is_complement_clause(c)
                                                     for c in cue.children):
        return True  # "they discussed strategy": a topic, nothing said of it
    if cue.lemma_.lower() == "refer" and (head is not None and head.pos_ == "NOUN" and (
            not head.ent_type_ and not names_a_person(head)) or not any(
            t.lower_ == "as" and t.dep_ == "prep" for t in cue.subtree)):
        return True  # "the song doesn't refer to a duvet", "the term refers to ...": it means;
        # "she referred to his testimony": a topic; "referred to them as thugs" says something
    if head is not None and head.lower_ == "it" and cue.dep_ == "pcomp" and \
            head.head.lemma_ == "be":
        return True  # "After outlining your plan, it's time to ...": "it" does nothing
    if head is not None and head.lemma_.lower() in _OWN_TEXTS and any(
            c.dep_ == "det" and c.lower_ == "this" for c in head.children):
        return True  # "This post will discuss ...": the writer's text, in the writer's voice
    if head is not None and head.tag_ in RELATIVE_TAGS and head.head.dep_ == "relcl" and \
            _anyone_or_you(head.head.head):
        return True  # "for those who want to try ...": whoever does, no one in particular;
        # "the majority of you who plan to ...": the reader
    after = cue.doc[cue.i + 1: cue.i + 3]
    if cue.lemma_.lower() == "find" and len(after) == 2 and after[0].lower_ == "it" and \
            after[1].pos_ == "ADJ" and not any(
            t.dep_ == "mark" and t.lower_ == "that" for t in cue.subtree):
        return True  # "she found it difficult to talk": how it was for her, no finding
    if cue.lemma_.lower() == "expect" and any(
            c.dep_ == "aux" and c.lower_ in ("can", "could") for c in cue.children) and not any(
            c.dep_ == "auxpass" for c in cue.children):
        return True  # "fans can expect to hear ...": what the writer promises them
    if head is not None and head.lower_ in ("i", "we") and (
            head.lower_ == "we" or act_of(cue, head) in ("thought", "intention", "evidence")
            or not any(_is_complement_clause(c) for c in cue.children) or _counterfactual(cue)
            or _cannot_tell_you(cue)
            or (cue.lemma_.lower() not in _SAYING_VERBS
                and any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.children))):
        return True  # the article's own voice outside any quotation ("I can't recommend
        # anyone buy it" is the writer's advice, "I would have said ..." the writer's view
        # then); "I said that ...", "I should say that" stay
    # "asked for comment", "asked about the case", "asked whether ...": what was put to someone
    return cue.lemma_.lower() == "ask" and cue.tag_ == "VBN" and head is None and (
        any(c.dep_ == "prep" and c.lower_ in ("for", "about") for c in cue.children)
        or any(m.dep_ == "mark" and m.lower_ in ("whether", "if")
               for c in cue.children for m in c.children))


def _anyone_or_you(noun: Token) -> bool:
    """Whether ``noun`` is anyone at all or the reader ("those", "you", "many of you")."""
    return noun.lower_ in _ANYONE or noun.lower_ == "you" or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ == "you" for o in c.children)
        for c in noun.children)


def _asked(cue: Token) -> bool:
    """Whether ``cue`` is the verb of a yes-or-no question put to someone ("Asked if she
    believed ...", "wondered whether they knew"): it reports what was asked, not thought."""
    return cue.head.lemma_.lower() in _ASKING and any(
        c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in cue.children)


def refuses_to_say(cue: Token) -> bool:
    """Whether ``cue`` refuses to say anything ("declined to comment on the deal", "refused to
    say when ..."; "have not said whether ...", "did not reveal the location"): nothing is
    said; not what it refuses to do or give ("refused to release his tax records"), nor a
    negated statement ("did not say that", "does not want to go")."""
    if cue.lemma_.lower() in _MAKING_KNOWN:  # "did not reveal the location",
        # "didn't estimate how many": negated, with no clause, nothing is said
        return negation(cue, stance_lexicon()) is not None and not any(
            c.dep_ in ("ccomp", "xcomp") and not asks(c) for c in cue.children) and (
            cue.lemma_.lower() not in _LISTENER_VERBS or _asks_only(cue))
    if cue.lemma_.lower() not in ("decline", "refuse"):
        return False
    said = next((c for c in cue.children if c.dep_ == "xcomp"), None)
    if said is None:  # "declined a request for an interview", "declined an interview"
        return any(c.dep_ == "dobj" and (c.lemma_.lower() in _REQUESTS | _INTERVIEWS or any(
            p.lower_ == "for" and any(o.lemma_.lower() in _INTERVIEWS for o in p.children)
            for p in c.children)) for c in cue.children)
    lemma = said.lemma_.lower()
    if lemma in _SILENT_ON | _DISCLOSING | {"discuss", "talk", "speak"}:
        return True  # "refused to disclose the reason why ...", "declined to talk about it"
    if lemma in ("give", "provide", "offer") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _PARTICULARS for c in said.children):
        return True  # "declined to give her surname", "refused to provide details"
    return lemma in _SAYING_VERBS and _asks_only(said)


def _asks_only(verb: Token) -> bool:
    """Whether what ``verb`` says is no statement: no object or clause, or a question only
    (the object of "tell" is its listener)."""
    objects = ("ccomp",) if verb.lemma_.lower() in _LISTENER_VERBS else ("dobj", "ccomp")
    return not any(c.dep_ in objects and not asks(c) and c.lower_ not in _NOTHING_IN_PARTICULAR
                   for c in verb.children)


def _hypothetical(cue: Token) -> bool:
    """Whether ``cue`` is a saying no one did: worth doing ("It's worth noting that ..."),
    supposed ("if someone asked me", "unless they say so") or what anyone might say ("others
    might argue that ...", "some could say"; "critics may have said" is a report, hedged)."""
    if cue.tag_ == "VBG" and cue.head.lower_ == "worth":
        return True
    children = list(cue.children)
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children) or (
        any(c.dep_ == "nsubj" and c.lower_ in _ANYONE_AT_ALL for c in children)
        and any(c.dep_ == "aux" and c.lower_ in _POSSIBLE for c in children)
        and not any(c.dep_ == "aux" and c.lower_ == "have" for c in children))


def _foreseen(cue: Token) -> bool:
    """Whether ``cue`` is a passive "expected to" with no one who expects it ("He is expected to
    start on Sunday", "who is expected to take the stand"): the writer's forecast or schedule,
    hedged in the claims, no one's words ("is expected to win, analysts said" is theirs)."""
    children = list(cue.children)
    return cue.lemma_.lower() == "expect" and cue.tag_ == "VBN" and \
        any(c.dep_ == "auxpass" for c in children) and \
        any(c.dep_ == "xcomp" and is_infinitive(c) for c in children) and \
        not any(c.dep_ == "agent" for c in children) and \
        not any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in children)


def _goes_without_saying(cue: Token) -> bool:
    """Whether ``cue`` is the "saying" of "it goes without saying that ...": the writer's idiom."""
    head = cue.head
    return cue.dep_ == "pcomp" and head.lower_ == "without" and head.head.lemma_.lower() == "go"


def _appeal_to_all(cue: Token) -> bool:
    """Whether ``cue`` asks anyone at all to do something ("Anyone with information is asked to
    call police"): the outlet's notice to readers, no one's statement."""
    return cue.lemma_.lower() in _REQUESTING and any(c.dep_ == "auxpass" for c in cue.children) \
        and any(c.dep_ == "nsubjpass" and _anyone_or_you(c) for c in cue.children) and \
        not any(c.dep_ == "agent" for c in cue.children)


def _asked_about(cue: Token) -> bool:
    """Whether ``cue`` is inside an indirect question ("signals about whether he wants a
    deal", "before they knew who they wanted to reach"): what is asked is not said."""
    return cue.dep_ in ("ccomp", "pcomp", "pobj", "dobj") and \
        cue.left_edge.lower_ in _QUESTION_WORDS and cue.left_edge.i < cue.i


def _done_to_a_thing(cue: Token) -> bool:
    """Whether ``cue`` acts on a thing its object names (``_DONE_TO``) or points at a part of the
    body: "the storm claimed three lives", "A woman answered the door and a man walked up",
    "pointed to their chins" report nothing."""
    kinds = _DONE_TO.get(cue.lemma_.lower())
    return kinds is not None and any(
        c.dep_ == "dobj" and c.lemma_.lower() in kinds for c in cue.children) or (
        cue.lemma_.lower() == "point" and any(  # "pointed to their chins": a gesture
            p.dep_ == "prep" and p.lower_ in ("to", "at") and any(
                o.dep_ == "pobj" and o.lemma_.lower() in _BODY_PARTS for o in p.children)
            for p in cue.children))


def _says_how_much(cue: Token) -> bool:
    """Whether ``cue`` says only how much is told ("the ad says much about the car", "said
    little about the deal", "her silence says a lot"): no statement ("saying as much" is
    saying the same)."""
    return cue.lemma_.lower() in ("say", "tell", "speak", "reveal") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _HOW_MUCH
        and (c.i == 0 or c.doc[c.i - 1].lower_ != "as") for c in cue.children)


def _what_is_said_is(cue: Token) -> bool:
    """Whether ``cue`` is the verb of a subject phrase the parse took for the report's frame
    ("Everything Trump says is a lie", "All he said was true"): its "clause" opens with a
    finite verb and has no subject, so the words after are the writer's, about what was
    said."""
    doc = cue.doc
    if cue.i + 1 >= len(doc) or cue.dep_ not in ("ROOT", "relcl"):
        return False
    after = doc[cue.i + 1]
    if after.dep_ != "ccomp" or after.head != cue or after.tag_ not in _FINITE_TAGS or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in after.children):
        return False
    first = doc[cue.sent.start]  # ("the vote, which she said was a mistake" reports)
    return first.lower_ in _ALL_OF_IT and (cue.dep_ == "ROOT" or cue.head == first)


def _names_it(cue: Token) -> bool:
    """Whether ``cue`` gives someone or something a proper name ("a simulation they call
    TNG50", "everyone called him Mike"), which is no statement ("a rival he called
    'disgusting'" is one)."""
    if cue.lemma_.lower() not in ("call", "dub", "name"):
        return False
    children = list(cue.children)
    named = [c for c in children if c.dep_ == "dobj"]  # none in "a simulation they call X"
    return any(
        c.dep_ == "oprd" and c.pos_ == "PROPN" and not any(  # a name quoted is words said
            t.is_quote for t in cue.doc[c.left_edge.i - 1: c.i]) for c in children) and (
        [c.pos_ for c in named] == ["PRON"] or (not named and cue.dep_ == "relcl"))


def _cannot_tell_you(cue: Token) -> bool:
    """Whether ``cue`` is the "tell" of "I can't tell you how many times ...": emphasis, no
    telling."""
    children = list(cue.children)
    return cue.lemma_.lower() == "tell" and any(c.dep_ == "neg" for c in children) and any(
        c.lower_ == "you" and c.dep_ in ("dative", "dobj") for c in children)


def _counterfactual(cue: Token) -> bool:
    """Whether ``cue`` says what would have been said or thought ("would have said")."""
    children = list(cue.children)  # (the tagger may take the participle for a past tense)
    return any(c.dep_ == "aux" and c.lower_ == "have" for c in children) and any(
        c.dep_ == "aux" and c.lower_ in _COUNTERFACTUAL_MODALS for c in children)


def caused_feeling(cue: Token) -> tuple[Token, Token] | None:
    """The subject and object of a verb of a feeling a thing causes, with no clause ("The
    ruling angered residents", "Explosions rattled the city"), or None ("He angered them",
    "rattled off promises", "is worried about ...")."""
    if cue.lemma_.lower() not in _CAUSED_FEELINGS or any(
            _is_complement_clause(c) or c.dep_ in ("prt", "auxpass") or
            (c.dep_ == "aux" and c.lemma_ == "be" and cue.tag_ == "VBN") for c in cue.children):
        return None
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    feeler = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if subject is None or feeler is None or subject.ent_type_ == "PERSON" or \
            names_a_person(subject) or subject.lower_ in PERSONAL_SUBJECTS:
        return None
    return subject, feeler


def felt_by(subject: Token, feeler: Token) -> Draft | None:
    """The feeling of ``feeler`` about ``subject`` ("That worries environmentalists": they
    worry about it; "rhetoric that alarms the party": about the rhetoric), or None when the
    object is no one ("rattled the city") or the subject a "what" the text does not name."""
    if not _can_feel(feeler) or subject.lower_ == "what":
        return None
    doc = subject.doc
    if subject.tag_ == "WDT" and subject.head.dep_ == "relcl":
        clause = subject.head
        subject = clause.head
        pieces = _pieces(doc, (subject.left_edge.i, clause.left_edge.i - 1))
    else:
        pieces = _pieces(doc, (subject.left_edge.i, subject.right_edge.i))
    return Draft("indirect", feeler.head, pieces, speaker_token=feeler,
                 named=doc[feeler.left_edge.i: before_relative(feeler)])


def before_relative(noun: Token) -> int:
    """Where the phrase of ``noun`` ends: before a relative clause after it, and its comma."""
    end = noun.right_edge.i + 1
    for child in noun.children:
        if child.dep_ == "relcl" and child.i > noun.i:
            end = min(end, child.left_edge.i)
    while end - 1 > noun.i and (noun.doc[end - 1].is_punct or noun.doc[end - 1].is_space):
        end -= 1
    return end


def _can_feel(noun: Token) -> bool:
    """Whether the object ``noun`` names people or a body of them."""
    if noun.pos_ == "PRON":
        return noun.lower_ in PERSONAL_OBJECTS
    return (noun.pos_ == "PROPN" and noun.ent_type_ not in _TIME_ENTITIES) or \
        noun.ent_type_ in _PARTIES or names_a_person(noun) or is_org_word(noun.lemma_) or \
        noun.lemma_.lower() in ("people", "public", "establishment")


def too_short(cue: Token, pieces: list[tuple[int, int]], lexicon: CueLexicon) -> bool:
    """Whether what a verb of saying reports is too short for a statement ("says OTTAWA", a
    headline run into a dateline); "endorsed Clinton" may report one word."""
    if cue.lemma_.lower() not in _SAYING_VERBS and lexicon.takes_object_content(cue.lemma_):
        return False
    doc = cue.doc  # spans, not Doc.text: that joins the whole document on every call
    words = 0
    for a, b in pieces:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        # the words of a prefix are never more than the span's: enough there settles it
        prefix = span[:_PREFIX_TOKENS]
        words += len(prefix.text.split())
        if words >= _MIN_CONTENT_WORDS:
            return False
        if len(span) > _PREFIX_TOKENS:
            words += len(span.text.split()) - len(prefix.text.split())
    return words < _MIN_CONTENT_WORDS


def prepositional_object(cue: Token, lexicon: CueLexicon) -> list[tuple[int, int]]:
    """The object of "about" after any cue verb, or of a learned phrase's preposition."""
    prep = _object_preposition(cue)
    if prep is None or not (  # "the trip was about X" says what a thing is, not what was said
        (prep.lower_ in _TOPIC_PREPOSITIONS and cue.lemma_ != "be")
        or lexicon.reports_through(cue.lemma_, prep.lower_)
    ):
        return []
    return _pieces(cue.doc, (prep.i + 1, prep.right_edge.i))


def _object_preposition(cue: Token) -> Token | None:
    """A preposition right after ``cue``, or after its particle or adverb ("spoke out
    against", "talked openly about"), that introduces what is reported ("complained about"),
    not a time ("decided on Monday to ...", "predicted for some time"), which it skips
    ("complained for years about the noise")."""
    doc = cue.doc
    i = cue.i + 1
    while cue.pos_ == "VERB" and i < len(doc) and doc[i].head == cue and \
            doc[i].dep_ in ("prt", "advmod"):
        i += 1  # not after "be": "was apparently about X" is what it is, not what was said
    while i < len(doc) and doc[i].head == cue and doc[i].dep_ == "prep":
        prep = doc[i]
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if objects and all(_a_time(c) for c in objects):
            i = prep.right_edge.i + 1  # "complained for years about the noise"
            continue
        if prep.lower_ in _OBJECT_PREPOSITIONS and objects and not _reports_nothing(cue, prep):
            return prep
        return None
    return None


def _a_time(noun: Token) -> bool:
    """Whether ``noun`` names a time or a span of it ("on Monday", "for some time", "for
    years"), not a thing ("their time in office")."""
    return noun.ent_type_ in _TIME_ENTITIES or (
        noun.lemma_.lower() in _SPANS_OF_TIME and
        not any(c.dep_ in ("poss", "prep") for c in noun.children))


def _clause_after_setting(cue: Token, children: list[Token]) -> Token | None:
    """The "that" clause the parse hung on a time or a place after the cue, as if it said
    which one ("reported at the time that the editor had left", "said for the first time that
    ...", "told reporters at a briefing that ..."), when the cue has no clause of its own and
    the clause has a subject of its own; after a place or an occasion ("at", "in", "on", ...),
    only a relative clause whose "that" the parse itself read as a conjunction ("at a briefing
    that he chaired" describes the briefing; "pointed to reports that ..." says what the
    reports say)."""
    clause = next((
        clause for prep in children if prep.dep_ == "prep" and prep.i > cue.i
        for noun in prep.children if noun.dep_ == "pobj"
        for clause in [_that_clause_on(noun)] if clause is not None and (
            _a_time(noun) or (prep.lower_ in _SETTING_PREPOSITIONS and clause.dep_ == "relcl"
                              and clause.left_edge.dep_ == "mark"))
    ), None)  # rare: the costlier test of the cue's own complements only runs when found
    listener = cue.lemma_.lower() in _LISTENER_VERBS
    if clause is None or any(_is_complement_clause(c) or c.dep_ == "xcomp" or (
            c.dep_ == "dobj" and not listener) for c in children):
        return None
    return clause


def _reports_nothing(cue: Token, prep: Token) -> bool:
    """Whether ``cue`` and ``prep`` say what someone is known for ("known for taking risks",
    "long noted for her eagerness"), that someone turned up or works somewhere ("reported for
    duty", "reports for NPR"), that something grew ("adding to a series of problems"), a
    contest ("challenged for the lead"), consent ("agreed to an interview") or only to whom,
    ending the clause ("reported to him.", "wrote to Jane Doe.", "had written to his agent";
    "referred to Doe as a hero" says something), not what anyone said."""
    lemma = cue.lemma_.lower()
    doc = cue.doc
    after = prep.right_edge.i + 1
    if prep.lower_ == "to" and (after == len(doc) or doc[after].is_punct) and (all(
            t.pos_ == "PRON" or t.ent_type_ == "PERSON" or t.is_punct
            for t in doc[prep.i + 1: after]) or (any(
                c.dep_ == "pobj" and is_person_noun(c.lemma_.lower()) for c in prep.children)
                and not any(t.pos_ in ("VERB", "AUX") for t in doc[prep.i + 1: after]))):
        return True
    if lemma == "report" and any(c.dep_ == "pobj" and (c.lemma_.lower() in _DUTY_POSTS or (
            prep.lower_ == "for" and c.ent_type_ == "ORG")) for c in prep.children):
        return True
    if (lemma, prep.lower_) in (("add", "to"), ("challenge", "for"), ("agree", "to")):
        return True  # "challenged for goaltender interference", "challenged for the lead":
        # a contest
    return lemma in ("know", "note") and prep.lower_ == "for" and (
        cue.tag_ == "VBN" or not any(c.dep_ == "nsubj" for c in cue.children))


def _passive_subject(cue: Token, children: list[Token]) -> Token | None:
    """The subject of a passive cue with a "by" agent right after it, not a pronoun."""
    subjects = [c for c in children if c.dep_ == "nsubjpass" and c.i < cue.i and c.pos_ != "PRON"]
    if subjects and _agent_after(cue) is not None:
        return subjects[0]
    return None


def _agent_after(cue: Token) -> Token | None:
    """The "by" of a passive cue's agent when it comes right after the cue."""
    doc = cue.doc
    if cue.i + 1 < len(doc) and doc[cue.i + 1].dep_ == "agent" and doc[cue.i + 1].head == cue:
        return doc[cue.i + 1]
    return None


def _appeal(cue: Token, clauses: list[Token]) -> tuple[int, int] | None:
    """The token range of "X to do Y" after "called on" or "called for", parsed either as the
    preposition's object followed by an infinitive of the cue's, or as a "for X to" clause."""
    doc = cue.doc
    if cue.i + 2 >= len(doc) or doc[cue.i + 1].lower_ not in _APPEAL_PREPOSITIONS:
        return None
    prep = doc[cue.i + 1]
    if prep == _object_preposition(cue) and clauses and clauses[0].dep_ == "xcomp" and \
            clauses[0].i == prep.right_edge.i + 2 and doc[clauses[0].i - 1].lower_ == "to":
        return prep.i + 1, clauses[0].right_edge.i
    if _is_for_clause(prep, cue):
        return prep.i + 1, prep.head.right_edge.i
    return None


def _is_for_clause(token: Token, cue: Token) -> bool:
    """Whether ``token`` is the "for" opening an infinitive clause of ``cue`` ("for X to ...")."""
    return token.dep_ == "mark" and token.lower_ == "for" and token.head.head == cue and \
        token.head.dep_ in ("advcl", "ccomp", "xcomp") and token.head.i > token.i


def _aside(cue: Token, children: list[Token]) -> tuple[int, int] | None:
    """The bounds of ", X said," when the cue has no complement but sits between commas
    after the start of its sentence ("Lenox was a giant, Mr. Clarke said, until 1999.")."""
    if any(c.dep_ in ("ccomp", "dobj", "xcomp", "prep") for c in children):
        return None
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    first = min(subjects[0].left_edge.i, cue.i)
    last = max(c.right_edge.i for c in [cue, *subjects] if c.right_edge.i >= cue.i)
    doc = cue.doc
    if first - 1 <= cue.sent.start or doc[first - 1].text != ",":
        return None
    if last + 1 < cue.sent.end and doc[last + 1].text not in (",", ".", ";"):
        return None
    return first - 1, last + 1


def _closing_comment(cue: Token, children: list[Token]) -> int | None:
    """The last token of what a cue closing its sentence after a comma reports ("Prices will
    rise, she told reporters."), when the parse hung the cue on that clause as a modifier or a
    second verb; not a clause of its own ("after she said", "when, in fact, he responded", "and
    she said")."""
    head = cue.head
    if cue.dep_ not in ("advcl", "conj") or head.i > cue.i or head.pos_ not in ("VERB", "AUX") or \
            any(c.dep_ in ("ccomp", "xcomp", "mark", "cc") or c.tag_ == "WRB" and c.i < cue.i
                for c in children) or \
            any(c.dep_ == "cc" and head.i < c.i < cue.i for c in head.children):
        return None
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    doc = cue.doc
    if len(subjects) != 1 or subjects[0].i > cue.i or \
            subjects[0].left_edge.i - 1 <= cue.sent.start or \
            doc[subjects[0].left_edge.i - 1].text != ",":
        return None
    end = cue.right_edge.i + 1
    if (end < cue.sent.end and doc[end].text not in (".", "!", "?")) or \
            not all(_frames(c, cue) for c in children if c.i > cue.i):
        return None
    return subjects[0].left_edge.i - 2


def _frames(child: Token, cue: Token) -> bool:
    """Whether a word after a closing cue only tells to whom, where or when it was said ("told
    reporters", "posted on Facebook", "said Tuesday"), not what ("mentioned the plan")."""
    if child.dep_ in ("punct", "advmod", "npadvmod"):
        return True
    if child.dep_ == "dobj":
        return cue.lemma_.lower() in _LISTENER_VERBS
    return child.dep_ == "prep" and any(
        o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.ent_type_ in _TIME_ENTITIES
                              or o.lemma_.lower() in CHANNEL_NOUNS | _PRESS)
        for o in child.children)


def _as_source(cue: Token, children: list[Token]) -> tuple[int, int] | None:
    """The bounds of "as X reported" modifying the clause it sits in, when the cue has no
    complement of its own before the comma closing it ("as Doe observed, in the early days
    ..." may be parsed with "in the early days" as the cue's); speaking alone ("as he spoke,
    ...") reports nothing, and neither does an "as expected" or "as seems likely" without
    anyone who expects."""
    if cue.dep_ != "advcl" or cue.lemma_.lower() in _MANNER_VERBS or not any(
        c.dep_ == "mark" and c.lower_ == "as" and c.i == cue.left_edge.i for c in children
    ) or not any(c.dep_ in ("nsubj", "agent") for c in children):
        return None
    end = next((t.i - 1 for t in cue.doc[cue.i + 1: cue.right_edge.i + 1] if t.text == ","),
               cue.right_edge.i)
    if any(c.i <= end and (c.dep_ in ("ccomp", "dobj", "xcomp") or (
            c.dep_ == "prep" and not _where_told(c))) for c in children):
        return None  # "as Doe reported on the case, ..." reports nothing said there
    return cue.left_edge.i, end


def _where_told(prep: Token) -> bool:
    """Whether ``prep`` says where or for whom the words came out ("for NPR", "in The
    Atlantic", "on Twitter"), not what about."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.lower_ in ("for", "in", "on", "to") and bool(objects) and all(
        o.pos_ == "PROPN" or o.lemma_.lower() in CHANNEL_NOUNS for o in objects)


def _inquiry(cue: Token) -> bool:
    """Whether the subject of ``cue`` is a study or those who make one."""
    subject = subject_of(cue)
    return subject is not None and subject.lemma_.lower() in _INQUIRIES


def _someone_in_a_state(clause: Token) -> bool:
    """Whether ``clause`` is a small clause of a person and a present participle or a bodily
    state, without an auxiliary ("a man bleeding", "her lying on the floor", "him dead"), or of
    a reflexive pronoun ("found herself facing a choice"); a past participle may be a misread
    past tense ("found the officer lied"), but not after an object pronoun ("found her buried in
    a basket")."""
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in _REFLEXIVES:
        return True  # "found himself sprawled on the court": where he ended up
    if subject is None or any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children):
        return False
    return is_person(subject) and (
        clause.tag_ == "VBG" or clause.lemma_.lower() in _BODILY_STATES
        or (clause.tag_ == "VBN" and subject.lower_ in _OBJECT_PRONOUNS))


def _is_complement_clause(child: Token) -> bool:
    """A clause complement, or an "if", "whether" or "that" clause the parser took for an
    adverbial ("asked if he was ever bullied", "tweeted overnight that she was ..."); not a
    condition set off by a comma ("..., if negotiators decide to compromise")."""
    if child.dep_ == "ccomp":  # not a relative clause after a comma the parse hung on the verb
        # ("added 101 yards for the Chiefs, who had 352 yards rushing")
        edge = child.left_edge
        return not (edge.tag_ in RELATIVE_TAGS and edge.i > child.head.i
                    and child.doc[edge.i - 1].text == "," and child.head.lemma_ not in _ASKING)
    if child.dep_ != "advcl" or child.i < child.head.i:
        return False
    marks = [m for m in child.children if m.dep_ in ("mark", "advmod") and m.i < child.i]
    if any(m.lower_ == "if" for m in marks) and child.doc[child.left_edge.i - 1].text == ",":
        return False
    return any(m.lower_ in ("if", "whether", "that") and m.i == child.left_edge.i for m in marks) \
        or (not marks and _has_subject(child) and child.tag_ != "VBG"
            and any(c.dep_ == "nsubj" for c in child.head.children)
            and child.left_edge.pos_ not in ("CCONJ", "SCONJ", "ADV"))


def _infinitive_end(clause: Token) -> int:
    """The last token of the infinitive ``clause``, before a finite verb the parse joined to it
    ("promised to protect Medicaid [and hammered Bevin]"): the subject's own next act."""
    doc = clause.doc
    for conj in clause.children if clause.tag_ == "VB" else ():
        if conj.dep_ == "conj" and conj.tag_ in ("VBD", "VBZ") and not _has_subject(conj):
            end = conj.left_edge.i - 1
            while end > clause.i and (doc[end].dep_ == "cc" or doc[end].is_punct):
                end -= 1
            return end
    return clause.right_edge.i


def _relative_predicate(cue: Token, children: list[Token]) -> Token | None:
    """The verb right after a cue with a relative and a source as subjects but no clause
    ("which Nissan claims [is a 20% gain]"), which the parse hung elsewhere without a subject:
    the relative is its subject."""
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if not any(c.tag_ in RELATIVE_TAGS for c in subjects) or \
            all(c.tag_ in RELATIVE_TAGS for c in subjects) or \
            any(c.dep_ == "ccomp" for c in children) or cue.i + 1 >= len(cue.doc):
        return None
    verb = cue.doc[cue.i + 1]
    if verb.tag_ not in ("MD", "VBZ", "VBD", "VBP"):
        return None
    if verb.dep_ in ("aux", "auxpass") and verb.head.i > verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.sent != cue.sent or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") or (c.dep_ == "csubj" and c != cue)
            for c in verb.children):
        return None
    return verb


def _orphan_predicate(obj: Token) -> Token | None:
    """The verb right after the object ``obj`` that the parse left without a subject, its
    auxiliary first ("told [the hopeful] [would be stopping by]"): the object is its subject."""
    doc = obj.doc
    i = obj.right_edge.i + 1
    while i < len(doc) and doc[i].is_punct and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].tag_ not in ("MD", "VBZ", "VBD", "VBP") or \
            doc[i].dep_ not in ("aux", "auxpass"):
        return None
    verb = doc[i].head
    if verb.pos_ not in ("VERB", "AUX") or verb.i <= i or _has_subject(verb) or \
            verb.left_edge.i < i or doc[i].sent != obj.sent:
        return None
    return verb


def _but_clause(conj: Token) -> bool:
    """Whether the clause ``conj`` is joined by "but" and opens with a quotation ('said A, but
    "B"'): the quoted words are the speaker's, where an unquoted "but B" may be the writer's."""
    return conj.pos_ in ("VERB", "AUX") and _opens_quotation(conj.left_edge) and any(
        c.dep_ == "cc" and c.lower_ == "but" for c in conj.head.children if c.i < conj.i)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def _cut_at_cue(clause: Token, is_cue) -> int:
    """The last token of ``clause`` before a coordinated cue verb and its conjunction: a
    report of the speaker's own that the parse attached to the clause ("said X and added Y").
    A cue with auxiliaries of its own after "and" continues the reported clause ("she has
    moved and has been devoting ...", "crews work late and are asked to ..."); after "but" it
    does not ("..., but the agency did not estimate ...").
    A contrasting report with a subject and a clause of its own ("..., while others said B"),
    or a named party's with an object ("while the League condemned the move"), is not part of
    the first either: it is reported on its own ("while police shout" is an event, "while 23
    percent favored Cruz" part of a poll's finding)."""
    for child in clause.children:
        if child.dep_ == "advcl" and child.i > clause.i and is_cue(child) and _has_subject(child) \
                and any(c.dep_ == "ccomp" or (c.dep_ == "dobj" and _party_subject(child))
                        for c in child.children) and any(
                    m.dep_ == "mark" and m.lower_ in _CONTRASTS for m in child.children):
            return max(child.left_edge.i - 1, clause.i)
        if child.dep_ == "conj" and is_cue(child) and not _opens_with_that(child) and (not any(
                c.dep_ in ("aux", "auxpass") for c in child.children) or any(
                c.dep_ == "cc" and c.lower_ == "but" for c in clause.children)):
            left = [c for c in clause.children if c.dep_ in ("cc", "punct") and c.i < child.i]
            end = min([child.left_edge.i] + [c.i for c in left if c.i > clause.i]) - 1
            return max(end, clause.i)
    return clause.right_edge.i


def _party_subject(verb: Token) -> bool:
    """Whether ``verb``'s subject is a body or a person, not a share, a count or a group of
    voters ("while Republicans favored Trump": a poll's finding)."""
    return any(c.dep_ == "nsubj" and (c.ent_type_ in ("PERSON", "ORG", "GPE") or is_person(c)
                                      or is_org_word(c.lemma_.lower()))
               for c in verb.children)


def _opens_with_that(clause: Token) -> bool:
    """Whether ``clause`` is introduced by "that": a second clause of the same report ("said A
    but that she would not support B"), not the speaker's own report."""
    return any(c.dep_ == "mark" and c.lower_ == "that" and c.i < clause.i for c in clause.children)


def trimmed_report(draft: Draft) -> list[tuple[int, int]]:
    """The pieces of an indirect or mixed ``draft``, the last cut before a second act of the
    speaker's that the parse coordinated with the cue ("touting her record and pounding him on
    guns"; past a mixed one's quoted words), not part of what was said, and run on through a
    phrase of the cue's that completes what was said ("referred to Doe as a friend", "showed
    Doe with a lead", "praised Doe for her work"). Applied once candidates are chosen, so
    which are chosen and nested does not move."""
    cue = draft.cue
    if draft.kind not in ("indirect", "mixed") or cue is None or not draft.pieces:
        return draft.pieces
    doc = cue.doc
    start, end = draft.pieces[-1]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start <= cue.i:
        return draft.pieces
    first, last = span.start, span.end - 1
    for conj in cue.children:
        links = [c.i for c in cue.children if c.dep_ == "cc" and c.i == conj.left_edge.i - 1]
        if conj.dep_ == "conj" and links and first < links[0] <= last and \
                conj.pos_ in ("VERB", "AUX") and not _has_subject(conj) and not (
                    draft.kind == "mixed" and _inside_quotation(doc, first, links[0], last)):
            last = min(last, links[0] - 1)
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    completions = {c.i: c for c in cue.children if c.dep_ == "prep" and (
        c.lower_ in _COMPLETING or (c.lower_ == "at" and cue.lemma_.lower() in _VALUING))}
    low, high = paragraph_bounds(cue)
    while last + 1 in completions and completions[last + 1].right_edge.idx < high:
        last = completions.pop(last + 1).right_edge.i
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    last = _list_end(doc, first, _word_end(doc, last))
    if doc[last].idx + len(doc[last]) == end:
        return draft.pieces
    return draft.pieces[:-1] + [(start, doc[last].idx + len(doc[last]))]


def _inside_quotation(doc: Doc, first: int, cut: int, last: int) -> bool:
    """Whether a cut at token ``cut`` of ``first..last`` falls inside a quotation, or before
    quoted words."""
    return sum(t.is_quote for t in doc[first: cut]) % 2 == 1 or any(
        t.is_quote for t in doc[cut: last + 1])


def _clause_end(cue: Token) -> int:
    """The last token of the sentence part that follows ``cue``, before any paragraph break and
    before the frame of a verb the cue hangs from: one with a subject of its own (", a
    spokesman said" after "..., attacking the council"), set off by a comma ("Obama,
    dedicating the museum, said") or opened by an auxiliary ("judges handling the suits have
    cited"); a bare verb right after is a misparse of the clause ("with experts noting the
    soldiers appear ...")."""
    doc = cue.doc
    limit = cue.sent.end
    for ancestor in cue.ancestors:
        if ancestor.i <= cue.i:
            continue
        frame = [c for c in ancestor.children if cue.i < c.i < ancestor.i
                 and not c.is_ancestor(cue)]
        if doc[ancestor.i - 1].text == "," or any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in frame):
            limit = min([limit, ancestor.i] + [c.left_edge.i for c in frame])
    end = cue.i
    for token in doc[cue.i + 1: limit]:
        if breaks_line(token):
            break
        end = token.i
    return end


def _pieces(doc: Doc, *ranges: tuple[int, int]) -> list[tuple[int, int]]:
    """Character offsets of the non-empty token ranges ``(first, last)``; of several, none that
    is a lone connective ("Yet" of "Yet, as Doe observed, ...")."""
    pieces = [(a, b, o) for a, b in ranges if a <= b and (o := _offsets(doc, a, b)) is not None]
    if len(pieces) > 1:
        pieces = [(a, b, o) for a, b, o in pieces if not all(
            t.lower_ in _CONNECTIVES or t.is_punct or t.is_space for t in doc[a: b + 1])] or pieces
    return [o for _, _, o in pieces]


def _offsets(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Character offsets of tokens ``first..last`` without a dateline, a connective opening the
    sentence, edge punctuation or spaces."""
    first = dateline_end(doc, first, last)
    while first <= last and (doc[first].is_space or doc[first].text in _EDGE_PUNCT
                             or doc[first].is_quote or doc[first].text in ".!?"):
        first += 1
    first = _past_connective(doc, first, last)
    last = _before_trailing_relative(doc, first, last)
    while last >= first and (doc[last].is_space or doc[last].is_punct):
        last -= 1
    if first > last:
        return None
    last = _word_end(doc, last)
    return doc[first].idx, doc[last].idx + len(doc[last])


def _list_end(doc: Doc, first: int, last: int) -> int:
    """``last``, or the end of a list the report ends in and the parse cut after its first item:
    bare verbs after an infinitive or a modal ("to fix problems, increase oversight and address
    security"; not "she has called for X, favors Y and ...", the subject's own acts) or, after a
    dash or colon, nouns ("problems — the cost of childcare, student debt and unpaid leave"), up
    to an "and" or "or" before the sentence's end."""
    i = last + 1
    if i + 1 >= len(doc) or doc[i].text != "," or doc[i].sent != doc[last].sent:
        return last
    head = doc[i + 1]
    verbs = head.tag_ == "VB" and not _has_subject(head) and any(
        t.tag_ in ("TO", "MD") for t in doc[first: last])
    nouns = (head.pos_ in ("DET", "ADJ", "NOUN") or (head.tag_ == "VBG" and head.dep_ == "amod")) \
        and any(t.text in ("—", "–", ":") for t in doc[first: last])
    if not (verbs or nouns):
        return last
    end = doc[last].sent.end
    while end > i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    rest = doc[i + 1: end]
    if not any(t.lower_ in ("and", "or") and t.dep_ == "cc" for t in rest) or any(
            t.is_punct or t.is_quote or t.is_space for t in rest) or len(rest) < 3:
        return last
    return end - 1


def _word_end(doc: Doc, last: int) -> int:
    """``last``, or the end of the written word it is part of: the parse may hang a clitic
    elsewhere ("those who do|n't", "the Republican|'s view"), and a span ends between words."""
    while last + 1 < len(doc) and not doc[last].whitespace_ and (
            doc[last + 1].text[:1].isalnum() or doc[last + 1].lower_ in _CLITICS):
        last += 1
    return last


def _past_connective(doc: Doc, first: int, last: int) -> int:
    """``first``, or the token after a connective set off by a comma at the start of the
    sentence ("Still, ...", "In fact, ..."): the writer's link to what came before."""
    if first + 2 > last or not doc[first].is_sent_start:
        return first
    if doc[first].pos_ == "ADV" and doc[first + 1].text == ",":
        return first + 2
    if doc[first].pos_ == "ADP" and doc[first + 1].pos_ == "NOUN" and doc[first + 2].text == ",":
        return first + 3
    return first


def _before_trailing_relative(doc: Doc, first: int, last: int) -> int:
    """``last``, or the token before a closing ", which ..." clause: an aside of the writer's."""
    asides = _positions(doc, "relative_commas", _relative_commas)
    k = bisect_left(asides, last) - 1  # the last ", which" before ``last``
    if k >= 0 and asides[k] > first:
        i = asides[k]
        clause = doc[i + 1].head
        if clause.dep_ == "relcl" and clause.right_edge.i >= last - 1:
            return i - 1
    return last


def according_to(candidates: list[Token], reports: set[int]) -> list[Draft]:
    """Drafts for every "according to X" among the ``candidates`` (the doc's "according"
    tokens): X speaks, the clause it modifies is the content. Where that clause is already a
    report (a cue in ``reports``) and X only says where it came out ('he told them, according
    to a statement'), X is no second speaker."""
    drafts = []
    for token in candidates:
        doc = token.doc
        if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
            continue
        to = doc[token.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None or (token.head.i in reports and source.pos_ == "NOUN" and
                              not source.ent_type_ and source.lemma_.lower() in CHANNEL_NOUNS
                              and all(c.dep_ == "det" for c in source.children)):
            continue  # "a statement", not "the Post", nor "a letter from the chairman"
        phrase_end = max(token.right_edge.i, source.right_edge.i)
        if token.head == token:  # "According to X, the move reeks ..." parsed as X's apposition
            phrase_end = next((t.i for t in doc[source.i + 1: phrase_end + 1]
                               if t.text == ","), phrase_end)
        name = _name_set_off(doc, source.right_edge.i + 1) if names_a_person(source) else None
        named = None
        if name is not None:  # "According to his aunt, Jane Doe, ...": she speaks, and her
            # name, which the parse took for the clause's subject, is not what she says
            phrase_end = max(phrase_end, name.end)
            named, source = doc[source.left_edge.i: name.end], name.root
        pieces = _previous_sentence(token) or _clause_around(token, phrase_end)
        if pieces:
            drafts.append(Draft("according_to", token, pieces, speaker_token=source,
                                named=named))
    return drafts


def _name_set_off(doc: Doc, i: int) -> SpacySpan | None:
    """The person's name between commas that starts at token ``i``'s comma (", Jane Doe,")."""
    if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].ent_iob_ != "B" or \
            doc[i + 1].ent_type_ != "PERSON":
        return None
    end = i + 2
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[i + 1:end] if end < len(doc) and doc[end].text == "," else None


def cite_sources(drafts: list[Draft]) -> None:
    """"X said Y, citing the health ministry": the ministry is the source of Y, so its draft
    reports Y (the clause around when no report carries the cue) rather than the ministry.
    "Citing concerns about cost" keeps its reason as content."""
    reports = {d.cue.i: d for d in drafts if d.cue is not None}
    for draft in drafts:
        cue = draft.cue
        if cue is None or cue.lemma_.lower() not in ("cite", "quote") or cue.tag_ != "VBG":
            continue
        cited = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if cited is None or not (cited.ent_type_ in ("PERSON", "ORG")
                                 or cited.lemma_.lower() in _CITED_NOUNS):
            continue
        report = reports.get(cue.head.i)
        pieces = report.pieces if report is not None else _clause_around(cue, cue.right_edge.i)
        if pieces:
            draft.pieces, draft.speaker_token = list(pieces), cited


def noun_reports(nouns: list[Token]) -> list[Draft]:
    """Drafts for report nouns with a "that" clause ("his claim that ..."): the clause is the
    content, the owner ("his", "a warning from officials") the speaker."""
    drafts = []
    for noun in nouns:
        clauses = [
            c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ]
        if not clauses or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            continue  # "There is no argument that ...": no one argues it
        pieces = _pieces(noun.doc, (clauses[0].left_edge.i, clauses[0].right_edge.i))
        if pieces:
            drafts.append(Draft("indirect", noun, pieces, speaker_token=_owner(noun)))
    return drafts


def _owner(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of") and prep.i < noun.i + 3:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
    verb = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and verb.pos_ in ("VERB", "AUX"):
        return subject_of(verb)  # "He said in a statement that ...": he made the statement
    return None


def _previous_sentence(token: Token) -> list[tuple[int, int]]:
    """For "That's according to X", the sentence before, which "that" stands for; else none."""
    head, doc = token.head, token.doc  # "according" itself when the parse made it the verb
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if head.lemma_ not in ("be", "accord") or subject is None or \
            subject.lower_ not in ("that", "this") or \
            any(c.dep_ in ("attr", "acomp", "ccomp") for c in head.children) or \
            head.sent.start == 0:
        return []
    before = doc[head.sent.start - 1].sent
    low, _ = paragraph_bounds(before[0])
    offsets = _offsets(doc, before.start, before.end - 1)
    return [offsets] if offsets is not None and offsets[0] >= low else []


def _clause_around(token: Token, phrase_end: int) -> list[tuple[int, int]]:
    """The clause an "according to" phrase modifies, without the phrase itself."""
    doc = token.doc
    head = token.head
    if head.dep_ in ("nsubj", "nsubjpass") and doc[token.i - 1].text == ",":
        head = head.head  # "One of the officers, according to records, had worked ...": the
        # parse hung the aside on the subject; it sources the whole clause
    while head.dep_ in ("xcomp", "ccomp") and head.head != head:
        head = head.head  # "X would see incomes go up, according to Y": all of it is Y's
    low, high = paragraph_bounds(token)  # a time stamp or headline the parse ran into its line
    if not low <= head.idx < high:
        head = token  # hung on a clause of another line: the sentence's part on its own
    if head == token:
        first, last = token.sent.start, token.sent.end - 1
    else:
        first, last = head.left_edge.i, head.right_edge.i
        later = [c for c in head.children if c.dep_ in ("conj", "cc") and c.i > phrase_end]
        if later:
            last = min(c.left_edge.i for c in later) - 1
    pieces = []
    for a, b in ((first, token.i - 1), (phrase_end + 1, last)):
        offsets = _offsets(doc, a, b) if a <= b else None
        if offsets is not None and max(offsets[0], low) < min(offsets[1], high):
            pieces.append((max(offsets[0], low), min(offsets[1], high)))
    return pieces


def carried_on(cue: Token) -> Token | None:
    """The verb that a "to" infinitive cue carries on ("continued" of "continued to warn",
    "went" of "went on to say"), or None for any other cue."""
    head = cue.head
    if head == cue or cue.dep_ not in ("xcomp", "advcl") or not is_infinitive(cue):
        return None
    lemma = head.lemma_.lower()
    if lemma in _CARRYING_ON or (lemma == "go" and any(
            c.dep_ == "prt" and c.lower_ == "on" for c in head.children)):
        return head
    return None


def said_for(cue: Token) -> bool:
    """Whether a "to" infinitive cue is the purpose of something its speaker did ("took to
    Twitter to say ...", "called reporters to announce ..."): said, unlike "plans to say"."""
    head = cue.head
    return cue.lemma_.lower() in _SAYING_VERBS | {"announce", "declare"} and \
        cue.dep_ == "advcl" and head.i < cue.i and head.tag_ == "VBD" and \
        head.pos_ == "VERB" and not any(c.dep_ in ("aux", "auxpass") for c in head.children)


def cue_span(draft: Draft, text: str) -> Span | None:
    """The cue: the verb alone with its particle ("said" of "has also said", "called on"),
    or "according to"; auxiliaries and adverbs are not part of it, but a verb it carries on
    is ("went on to say", "continued to warn"), and so is the "to" of a purpose ("took to
    Twitter to say")."""
    cue = draft.cue
    if cue is None:
        return None
    doc = cue.doc
    carried = carried_on(cue)
    first = cue.i if carried is None else carried.i
    if carried is None and cue.i > 0 and doc[cue.i - 1].lower_ == "to" and said_for(cue):
        first = cue.i - 1
    last = cue.i + 1 if draft.kind == "according_to" else _cue_end(cue)
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    start += len(cue.text) - len(cue.text.lstrip("”\"’"))  # a signature's dash glued to the mark
    return Span(start=start, end=end, text=text[start:end])


def _is_cue_adverb(token: Token) -> bool:
    return token.dep_ == "advmod" and (token.lower_ in _CUE_ADVERBS or token.lower_.endswith("ly"))


def _cue_end(cue: Token) -> int:
    """The last token of the cue: its particle or object preposition (with what comes between)
    and a colon introducing the quote (not a day or a channel: "said Monday" is cued by
    "said")."""
    doc = cue.doc
    last = cue.i
    prep = _object_preposition(cue)
    if prep is not None and any(c.dep_ in ("ccomp", "dobj") or (
            c.dep_ == "xcomp" and c.i < prep.right_edge.i) for c in cue.children):
        prep = None  # the cue reports its clause or object, not the preposition's
    nxt = doc[last + 1] if last + 1 < len(doc) else None
    if nxt is not None and ((nxt.head == cue and nxt.dep_ == "prt") or nxt == prep
                            or _is_for_clause(nxt, cue)):
        last += 1  # "called on", "called for" before the appeal; never "by" before an agent
    if prep is not None and prep.i > last:
        last = prep.i  # "spoke out against", "talked openly about"
    if last + 1 < len(doc) and doc[last + 1].text == ":":
        last += 1
    return last
