"""The ``claimgraph_quotes`` component: who said what, found over the dependency parse.

Direct quotes come from quoted stretches (``marks.py``) attributed to a speech cue right after or
before them; reported speech from cue verbs with a complement clause, participial cues
(", noting ...") and "according to X"; a reported clause holding a quoted stretch is a mixed
quote. Unattributed quote paragraphs continue the previous speaker, a stretch right after an
attributed one ("A," he said. "B.") joins it, attributions inside a quote are nested in it, and
"in an interview with X" gives the speaker's channel.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort

import numpy as np
from spacy.attrs import IDX, LEMMA, LOWER, POS
from spacy.language import Language
from spacy.symbols import ADP, AUX, NOUN, VERB
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.analyze.acceptance import AcceptanceModel, judged, load_model
from claimgraph.analyze.acts import act_of
from claimgraph.analyze.attribution import (
    Draft, according_to, before_relative, carried_on, caused_feeling, cite_sources,
    complement, cue_span, felt_by, is_imperative, no_source, noun_reports, prepositional_object,
    refuses_to_say, regarded_as, said_for, too_short, trimmed_report, what_it_is_called,
)
from claimgraph.analyze.channels import apply_channels, apply_quoting, apply_via
from claimgraph.analyze.cues import CHANNEL_NOUNS, CueLexicon, load_lexicon
from claimgraph.analyze.extensions import doc_text, word_ids  # (registers the Doc attributes)
from claimgraph.analyze.marks import Stretch, StretchIndex, doc_stretches, is_quoted_title
from claimgraph.analyze.paragraphs import ANSWER_LABELS, QUESTION_LABELS, headline_lines
from claimgraph.analyze.persons import gender_of_word, is_person, is_title
from claimgraph.analyze.speakers import (
    DASHES, RELATIVE_TAGS, EntityIndex, breaks_line, is_anonymous, is_first_person, is_infinitive,
    noun_phrase, past_dateline, resolve, subject_of,
)
from claimgraph.analyze.stance import negation, stance_lexicon
from claimgraph.extract.residue import closing_line, post_start, without_trailing_links
from claimgraph.model import Quote, Speaker, Span

_WINDOW = 10  # tokens searched beside a quoted stretch for its cue
_LONG_FRAME = 40  # tokens searched for the cue of a speaker with a long apposition
_OVERLAPS = 4  # quoted pieces searched back for one that holds an offset
_SPEAKERLESS_MIN_WORDS = 6  # shorter unattributed stretches are titles or scare quotes
_PULL_QUOTE_CHARS = 30  # shorter quotations may repeat by chance
_ENDS = {".", "!", "?", ";"}
_SENTENCE_END = re.compile(r"[.!?:][\s\"“”'‘’]*$")  # a frame ending its sentence
_NEWLINE = re.compile("\n")
_LINE = re.compile(r"[^\n]*\S[^\n]*")  # a line that is not blank
_ACCORDING = word_ids(frozenset({"according"}))
_CHANNELS = word_ids(CHANNEL_NOUNS)
_VIA = word_ids(frozenset({"via"}))
_MAX_LABEL = 3  # words in a transcript speaker label ("SEN. SMITH:")
_MAX_FRAME_WORDS = 8  # words after a quotation that frame it (", one user quipped.")
_LABEL_TYPES = {"PERSON", "ORG", "NORP", "GPE"}
_TITLE_HOLDERS = {"champion", "titleholder", "title-holder", "winner"}
# Pronouns and the unnamed sources they may stand for: one person of a gender the noun does not
# contradict, or a group.
_AGREEING = {
    "he": lambda noun: noun.tag_ != "NNS" and gender_of_word(noun.lemma_.lower()) != "f",
    "she": lambda noun: noun.tag_ != "NNS" and gender_of_word(noun.lemma_.lower()) != "m",
    "they": lambda noun: noun.tag_ == "NNS",
}
_UNNAMED_WITHIN = 4  # sentences from an unnamed source to a pronoun that still means it
# Words of someone speaking for themselves, to the reader or of their own group.
_OWN_VOICE = {"i", "me", "my", "we", "us", "our", "you", "your"}
_FRAMED = re.compile(r"[,?!]\W*$")  # a quotation ending in these runs into its frame
_FINITE = {"VBD", "VBZ", "VBP"}
_SENTENCE_VERBS = _FINITE | {"MD"}  # tags of a verb that makes a sentence
_INITIAL = re.compile(r"[A-Z]\.")  # "A." of "Julie A. Doe", which the tagger may take for a noun
# Labels that lead a line pointing elsewhere ("WATCH: ...", "READ MORE: ...") or naming a
# section ("ENERGY: ..."): never a speaker, and nothing on the line is the article's quote.
_KICKERS = {
    "watch", "watch below", "read more", "read", "more", "video", "videos", "photo", "photos",
    "gallery", "listen", "related", "also on", "see also", "relevant reading", "note",
    "editor's note", "correction", "update", "updated", "breaking", "opinion", "analysis",
    "exclusive", "live", "click here", "trending", "recommended", "sponsored", "advertisement",
}


class _Text:
    """Token lookup by character offset and paragraph bounds, computed once per Doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        # One array read instead of a Token object per word: the component's main cost.
        self.columns = doc.to_array([IDX, LEMMA, POS, LOWER])
        self.token_starts = self.columns[:, 0].tolist()
        self.paragraphs = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]

    def tokens_where(self, column: int, ids: np.ndarray, pos: tuple[int, ...] = ()) -> list[Token]:
        """Tokens whose ``column`` (1 lemma, 3 lower form) is in ``ids``, with a POS in ``pos``
        when given."""
        hit = np.isin(self.columns[:, column], ids)
        if pos:
            hit &= np.isin(self.columns[:, 2], np.array(pos, dtype=self.columns.dtype))
        return [self.doc[int(i)] for i in np.flatnonzero(hit)]

    def token_at(self, offset: int) -> int:
        return max(bisect_right(self.token_starts, offset) - 1, 0)

    def paragraph_of(self, offset: int) -> int:
        return bisect_right(self.paragraphs, offset) - 1

    def starts_paragraph(self, offset: int) -> bool:
        start = self.paragraphs[self.paragraph_of(offset)]
        return _blank(self.text[start:offset])


def find_quotes(doc: Doc, lexicon: CueLexicon, model: AcceptanceModel | None = None) -> list[Quote]:
    """All attributed statements of ``doc`` in text order; ``model`` rejects candidates."""
    if not len(doc):
        return []
    text = _Text(doc)
    drafts = find_drafts(doc, lexicon, text)
    if model is not None:
        drafts = [d for d in drafts if not judged(d) or model.accepts(d, text.text)]
        kept = {id(d) for d in drafts}
        for draft in drafts:
            if draft.speaker_of is not None and id(draft.speaker_of) not in kept:
                draft.speaker_of = None  # continues a rejected candidate: left unattributed
    for draft in drafts:
        draft.pieces = trimmed_report(draft)
    index = EntityIndex.of(list(doc._.entities))
    quotes = _records(text.text, drafts, index)
    apply_channels(text.tokens_where(1, _CHANNELS, (NOUN,)), quotes, index)
    apply_via(text.tokens_where(3, _VIA, (ADP,)), quotes, index)
    apply_quoting(doc, quotes, index)
    return quotes


def find_drafts(doc: Doc, lexicon: CueLexicon, text: _Text | None = None) -> list[Draft]:
    """Every candidate attribution the rules find in ``doc``, in text order."""
    text = text or _Text(doc)
    stretches = doc_stretches(doc)
    cues = [  # "according to" has its own rule
        t for t in text.tokens_where(1, lexicon.verb_ids, (VERB, AUX))
        if t.lower_ != "according" and not _compound_end(t)
    ]
    drafts: list[Draft] = []
    used: set[int] = set()
    kicker_lines = _labelled_paragraphs(text, drafts, used)
    free = _attribute_stretches(stretches.stretches, text, lexicon, drafts, used)
    _drop_labelled(stretches.stretches, free, drafts)
    for cue in cues:
        if cue.i not in used:
            draft = _reported(cue, lexicon, stretches, free, drafts)
            if draft is not None:
                used.add(cue.i)
                drafts.append(draft)
    drafts.extend(noun_reports(text.tokens_where(1, lexicon.noun_ids, (NOUN,))))
    # A refusal to say anything is no quote, nor are the reports inside what was not said
    # ("declined to respond to a question about whether she thought ...").
    drafts = [d for d in _outermost(drafts) if d.cue is None or not refuses_to_say(d.cue)]
    cite_sources(drafts)
    sourced = according_to(text.tokens_where(3, _ACCORDING),
                           {d.cue.i for d in drafts if d.cue is not None})
    within = [piece for d in sourced for piece in d.pieces]
    drafts = [d for d in drafts if not (d.cue is not None and _agentless_passive(d.cue) and any(
        a <= d.cue.idx < b for a, b in within))] + sourced
    _join_unattributed(stretches.stretches, free, text, drafts)
    _pull_quotes(drafts, text.text)
    drafts.extend(_posts(text))
    excerpts = _credited_excerpts(text)
    if excerpts:  # the credit names their source, not a frame before them ("the reviews say:")
        spans = [d.pieces[0] for d in excerpts]
        drafts = [d for d in drafts if d.cue is None or _within(spans, d.cue.idx, d.cue.idx + 1)
                  or not all(_within(spans, start, end) for start, end in d.pieces)] + excerpts
    elsewhere = kicker_lines + headline_lines(text.doc)
    if elsewhere:  # no cue on those lines, nor a report whose words all lie there ("what
        # the reviews say:" before a heading)
        drafts = [d for d in drafts if not any(
            a <= (d.cue.idx if d.cue is not None else d.pieces[0][0]) < b
            or all(a <= start and end <= b for start, end in d.pieces) for a, b in elsewhere)]
    drafts = [d for d in drafts if not _speakerless_heading(d, text)]
    drafts.sort(key=lambda d: d.pieces[0][0])
    return drafts


_HEADING_WORDS = 15  # a list item or heading is short; a paragraph may end unpunctuated


def _speakerless_heading(draft: Draft, text: _Text) -> bool:
    """Whether ``draft`` has a verb cue but no speaker on a short line with no sentence end (a
    list item or heading summing up what follows: "2. Never urged Ukraine to investigate").
    The line is looked at first: finding the speaker costs more."""
    cue = draft.cue
    if cue is None or not cue.is_alpha:
        return False
    start = text.paragraphs[text.paragraph_of(cue.idx)]
    line = text.text[start: _line_end(text, cue.idx)].rstrip()
    return len(line.split()) <= _HEADING_WORDS and \
        not line.endswith((".", "!", "?", '"', "”", "’", "'", ":", ";", ")")) and \
        draft.speaker_head() is None


def _posts(text: _Text) -> list[Draft]:
    """Posts embedded in the article, each on a line closed by its author's signature ("The
    storm cut power to 60,000 homes. pic.twitter.com/x — City Hydro (@cityhydro) May 2, 2019",
    read as the extractor reads a flattened embed): the author speaks, the line before its
    links is what was posted."""
    drafts = []
    floor = 0  # where the text after the last post found starts
    at = text.text.find("(@")
    while at != -1:
        line, end = text.paragraphs[text.paragraph_of(at)], _line_end(text, at)
        closing = closing_line(text.text[line:end])
        if closing is not None:
            start, stop = (line, end) if closing[0] else _lines_before(text, floor, line)
            body = without_trailing_links(closing[0] or text.text[start:stop]).strip(" \t\"“”")
            first = text.text.find(body, start, stop) if body else -1
            author = text.text.rfind(closing[1], line, end)
            name = text.doc.char_span(author, author + len(closing[1]), alignment_mode="contract")
            if first >= 0 and name:
                drafts.append(_credited([(first, first + len(body))], name))
            floor = end
        at = text.text.find("(@", end)
    return drafts


# A line crediting the paragraphs above it to a source: "[ Engadget ]", as review roundups set it.
_CREDIT = re.compile(r"^[ \t]*\[[ \t]*([A-Z][^\[\]\n]{0,40}?)[ \t]*\][ \t]*$", re.MULTILINE)
_NOT_SOURCES = {"photo", "photos", "image", "images", "video", "getty", "file", "ad", "embed",
                "advertisement", "gallery", "audio", "graphic", "map"}
_MAX_EXCERPT_PARAGRAPHS = 3


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start``-``end`` lies inside one of ``spans`` (disjoint, in text order)."""
    i = bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _credited_excerpts(text: _Text) -> list[Draft]:
    """The paragraphs right above a credit line ("[ Engadget ]"), up to a heading, a line
    ending in a colon or the credit before: the credited source's words; a picture's credit
    credits no words."""
    drafts = []
    floor = 0
    headings = {start for start, _ in headline_lines(text.doc)}
    for credit in _CREDIT.finditer(text.text):
        name = credit.group(1)
        if _NOT_SOURCES & set(re.findall(r"\w+", name.lower())):
            floor = credit.end()
            continue
        named = text.doc.char_span(*credit.span(1), alignment_mode="expand")
        n = text.paragraph_of(credit.start())
        found = []
        while n > 0 and len(found) < _MAX_EXCERPT_PARAGRAPHS:
            n -= 1
            start = text.paragraphs[n]
            line = text.text[start:_line_end(text, start)].strip()
            if start < floor or line.endswith(":") or start in headings:
                break
            if line and line[-1] in ".!?…\"”’)":
                first = text.text.index(line, start)
                found.append((first, first + len(line)))
        if named is not None:
            drafts.extend(_credited([piece], named) for piece in reversed(found))
        floor = credit.end()
    return drafts


def _credited(pieces: list[tuple[int, int]], name: SpacySpan) -> Draft:
    """Words whose source a line beside them names (a post's author, a signature, a credit):
    a quotation without a cue, of the name as written."""
    return Draft("direct", None, pieces, speaker_token=name[-1], named=name)


def _lines_before(text: _Text, floor: int, line: int) -> tuple[int, int]:
    """The offsets of the post whose author's closing line, alone on its line, starts at
    ``line``: of the paragraph above it (back to ``floor``), the lines that read as a post
    (``post_start``) when the last ends with its links ("... pic.twitter.com/x"); empty when
    it does not."""
    spans = [(m.start(), m.end()) for m in _LINE.finditer(text.text, floor, line)]
    last = text.text[slice(*spans[-1])] if spans else ""
    if without_trailing_links(last) == last:
        return line, line
    first = len(spans) - 1
    while first > 0 and text.text.count("\n", spans[first - 1][1], spans[first][0]) == 1:
        first -= 1  # the paragraph's lines: a blank line ends it
    lines = [text.text[a:b] for a, b in spans[first:]]
    return spans[first + post_start(lines)][0], spans[-1][1]


def _drop_labelled(stretches: list[Stretch], free: set[int], drafts: list[Draft]) -> None:
    """A quoted transcript line already taken by its speaker label is not quoted again."""
    labelled = [d.pieces[0] for d in drafts if d.cue is not None and d.cue.text == ":"]
    for k in list(free):
        if any(s <= stretches[k].start <= e for s, e in labelled) or any(
            stretches[k].start <= s < stretches[k].end for s, _ in labelled
        ):
            free.discard(k)


def _attribute_stretches(stretches: list[Stretch], text: _Text, lexicon: CueLexicon,
                         drafts: list[Draft], used: set[int]) -> set[int]:
    """Direct quotes for stretches with a cue beside them; the indexes of the rest."""
    free = set()
    for k, stretch in enumerate(stretches):
        signed = _signature(stretch, text)
        if signed is not None:  # '"..." ― Jane Doe'
            dash, name = signed
            used.add(dash.i)
            drafts.append(Draft("direct", dash, list(stretch.pieces), outside=stretch,
                                speaker_token=name))
            continue
        if (is_quoted_title(stretch, text.text) and not _opens_framed(stretch, text)) or \
                _modifies_noun(stretch, text):
            free.add(k)  # 'a scene from "The Kid Who Would Be King"': a name; 'his "unbecoming"
            continue  # behaviour': a word the writer borrows
        before = _cue_before(stretch, text, lexicon)
        after = None if _embedded(stretch, text) else _cue_after(stretch, text, lexicon)
        if after is not None and before is not None and _reports_own(after):
            after = None  # 'Doe said: "A," adding that B': "adding" reports B
        cue = after or before
        if cue is None or cue.i in used:
            free.add(k)
            continue
        used.add(cue.i)
        drafts.append(Draft("direct", cue, list(stretch.pieces), outside=stretch))
    return free


def _modifies_noun(stretch: Stretch, text: _Text) -> bool:
    """Whether a quotation of one or two words modifies the noun right after it ('his
    “unbecoming” behaviour', 'a “sanctuary” city') or is an item of a list ('corporations,
    “creators,” and normal people')."""
    if len(stretch.pieces) > 1 or len(text.text[stretch.start:stretch.end].split()) > 2:
        return False
    doc = text.doc
    after = _after_closing(stretch, text)
    if after < len(doc) and doc[after].pos_ == "CCONJ" and \
            "," in text.text[stretch.end - 1: doc[after].idx]:
        return True  # 'between corporations, “creators,” and normal people': an item of a list
    if after >= len(doc) or doc[after].pos_ != "NOUN" or doc[after - 1].text == ",":
        return False  # '“Yes,” Brown said': a reply framed by its speaker
    inside = doc[text.token_at(stretch.start): after]
    return any(t.head == doc[after] and t.dep_ in ("amod", "compound", "nmod") for t in inside)


def _opens_framed(stretch: Stretch, text: _Text) -> bool:
    """Whether a quotation opens its sentence and is closed by a comma, question or exclamation
    mark ('“Happy New Year!,” she wrote.', '“Nusra Is Al Qaeda,” he said.'): words of someone's
    framed by a cue, however capitalised, not a title in the writer's sentence."""
    doc = text.doc
    i = text.token_at(stretch.start) - 2  # the token before the opening mark
    while i >= 0 and doc[i].is_space and not breaks_line(doc[i]):
        i -= 1
    after = _after_closing(stretch, text)
    return (i < 0 or breaks_line(doc[i]) or doc[i].text in _ENDS) and after < len(doc) and \
        _FRAMED.search(text.text[max(stretch.end - 1, 0): doc[after].idx]) is not None


def _embedded(stretch: Stretch, text: _Text) -> bool:
    """Whether a quotation opens right after a word of the writer's sentence ('known as a
    “backstop” argue', 'suggests companies “should move ...,” as opposed to'): a term or a
    fragment of reported speech, not a quotation the verb after it introduces."""
    i = text.token_at(stretch.start) - 1  # the opening mark
    doc = text.doc
    return i >= 1 and doc[i].is_quote and (
        doc[i - 1].is_alpha or doc[i - 1].like_num or doc[i - 1].tag_ == "POS")  # "the
    # president’s “mercurial temperament”"


def _signature(stretch: Stretch, text: _Text) -> tuple[Token, Token] | None:
    """The dash and the last word of a name signing a quotation that opens its line: '"..." ―
    Jane A. Doe', with no-break spaces around the dash or the dash glued to the closing mark
    ('”―')."""
    if not text.starts_paragraph(stretch.start):
        return None  # 'And he has “the root of all evil.” ― Jane Doe': a phrase of her words
    doc = text.doc
    i = _skip_inline_space(doc, _after_closing(stretch, text))
    if i >= len(doc) - 1 or doc[i].text.lstrip("”\"’") not in DASHES:
        return None
    first = j = _skip_inline_space(doc, i + 1)
    while j < len(doc) and (doc[j].pos_ == "PROPN" or _INITIAL.fullmatch(doc[j].text)) and \
            j - first <= _MAX_LABEL:
        j += 1
    if j == first or (j < len(doc) and not (doc[j].is_punct or doc[j].is_space)):
        return None
    return doc[i], doc[j - 1]


def _skip_inline_space(doc: Doc, i: int) -> int:
    """The index of the first token from ``i`` that is not a space within the line."""
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    return i


def _after_closing(stretch: Stretch, text: _Text) -> int:
    """The index of the first token after a stretch's closing mark (and comma)."""
    doc = text.doc
    i = text.token_at(stretch.end)
    while i < len(doc) and doc[i].idx < stretch.end:
        i += 1
    while i < len(doc) and (doc[i].text == "," or doc[i].is_quote):
        i += 1
    return i


def _cue_after(stretch: Stretch, text: _Text, lexicon: CueLexicon) -> Token | None:
    """The cue of '"...," Brown said.': a cue verb shortly after the closing mark, or any verb
    of a short frame that ends there ('"...," she fumed.', '"...," reads a sign.')."""
    doc = text.doc
    i = _after_closing(stretch, text)
    if i < len(doc) and doc[i].pos_ == "CCONJ":
        return None  # '“if he had been more disciplined” and stuck to one genre, or written a
        # series': the writer's sentence goes on, no frame
    opening = doc[text.token_at(stretch.start)]
    if i < len(doc) and doc[i].tag_ in _FINITE and (opening.is_sent_start or (
            opening.i > 0 and doc[opening.i - 1].is_sent_start)) and not _FRAMED.search(
            text.text[max(stretch.end - 1, 0): doc[i].idx]) and not any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in doc[i].children):
        return None  # '“Become an online leader” sounds like a tall order': opening the
        # sentence, with no comma and no subject after, the quoted words are what the verb
        # is said of
    if i < len(doc) and doc[i].pos_ == "VERB" and not _is_cue(doc[i], lexicon):
        return _framing_verb(stretch, text, i)  # '"...!" beamed a fan'; but '..., “browsed the
        # Internet,” lingered in an office and appeared to sleep' lists acts, which a later
        # verb does not frame
    for token in doc[i: i + _LONG_FRAME]:
        if token.is_space or token.text in _ENDS or token.is_quote:
            return _framing_verb(stretch, text, i) if token.i < i + _WINDOW else None
        if token.dep_ in ("acl", "amod") and stretch.start <= token.head.idx < stretch.end and \
                not any(c.dep_ == "nsubj" for c in token.children):
            continue  # '"... the little deal" announced in October, said Doe': a participle
            # of a quoted noun goes on with the writer's phrase; the frame comes after it
        if _is_cue(token, lexicon) and (token.i < i + _WINDOW or any(  # past the window, only
                c.dep_ == "nsubj" and c.left_edge.i <= i <= c.i and all(  # the verb of a
                    t.is_punct for t in doc[c.left_edge.i:i])  # speaker named right after the
                for c in token.children)):  # mark ('," Jane Doe, a former ..., said'), which
            # the parse may hang on the speaker
            return None if _starts_next(stretch, token, text) else token
    return None


def _framing_verb(stretch: Stretch, text: _Text, i: int) -> Token | None:
    """The verb of a frame after a quotation set off by a comma, question or exclamation mark
    that holds only the verb and its subject ('"...," Trump barked.', '"...!" beamed a fan.')
    and ends the sentence or runs into the quotation's next part: a manner of speaking."""
    doc = text.doc
    if i >= len(doc) or not _FRAMED.search(text.text[max(stretch.end - 1, 0): doc[i].idx]):
        return None
    verbs = [t for t in doc[i: i + _MAX_FRAME_WORDS] if t.pos_ == "VERB" and t.tag_ in _FINITE]
    if not verbs or verbs[0].dep_ != "ROOT":
        return None
    verb = verbs[0]
    inverted = verb.i == i  # '"...!" beamed a fan': the parser takes the fan for an object
    subjects = [c for c in verb.children
                if c.dep_ == "nsubj" or (inverted and c.dep_ == "dobj" and c.i > verb.i)]
    if not subjects or any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i
                           and c not in subjects for c in verb.children):
        return None
    frame = {verb.i} | {t.i for c in verb.children if c in subjects or c.dep_ == "prep"
                        for t in c.subtree}  # "... from Ohio", "... with a laugh"
    after = max(frame) + 1
    while after < len(doc) and doc[after].pos_ in ("ADV", "PART") and doc[after].head == verb:
        frame.add(after)
        after += 1
    ends = after >= len(doc) or doc[after].text in _ENDS or (
        doc[after].text == "," and after + 1 < len(doc) and doc[after + 1].is_quote)
    return verb if ends and all(t.i in frame or t.is_punct for t in doc[i: after]) else None


def _starts_next(stretch: Stretch, cue: Token, text: _Text) -> bool:
    """Whether a cue after a quotation closed by a full stop belongs to what follows it:
    '"A." He added, "B."' or '"A." She said it twice.'"""
    if not text.text[stretch.start:stretch.end].rstrip().endswith("."):
        return False
    doc = text.doc
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i]
    if any(not (t.is_punct or t.is_space or _is_adverb_of(t, cue) or
                (t.head == cue and t.dep_ in ("aux", "neg")) or
                any(s.left_edge.i <= t.i <= s.right_edge.i for s in subjects))
           for t in doc[_after_closing(stretch, text): cue.i]):
        return True  # '"A." It was not the start Doe wanted': a sentence of its own
    i = cue.i + 1
    while i < len(doc) and (doc[i].dep_ == "prt" or _is_adverb_of(doc[i], cue)):
        i += 1
    if i + 1 < len(doc) and doc[i].text in (",", ":") and doc[i + 1].is_quote:
        return True
    return any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > cue.i for c in cue.children)


def _reports_own(cue: Token) -> bool:
    """Whether a participle reports a clause or object of its own after it ("adding that B")."""
    return cue.tag_ == "VBG" and any(
        c.dep_ in ("ccomp", "dobj") and c.i > cue.i for c in cue.children)


def _is_adverb_of(token: Token, cue: Token) -> bool:
    return token.head == cue and token.dep_ in ("advmod", "npadvmod")


def _cue_before(stretch: Stretch, text: _Text, lexicon: CueLexicon) -> Token | None:
    """The cue of 'Brown said: "..."': a cue verb before a colon or comma opening the quote."""
    doc = text.doc
    i = text.token_at(stretch.start) - 1  # the opening mark
    while i > 1 and doc[i - 1].is_space and doc[i - 2].text == ":":
        i -= 1  # 'He said:' ending the paragraph before the quotation
    if i < 1 or doc[i - 1].text not in (":", ","):
        return None
    for token in reversed(doc[max(i - 1 - _WINDOW, 0): i - 1]):
        if token.is_space or token.text in _ENDS or token.is_quote:
            return None
        if _is_cue(token, lexicon):
            return None if _clause_before(token, i - 1) else token
    return None


def _clause_before(cue: Token, mark: int) -> bool:
    """Whether ``cue`` reports a clause of its own that ends at the colon or comma ``mark``
    before a quotation ('He adds that Muslims have two choices: "..."'): the quotation goes
    on with that report, as a mixed quote."""
    return any(c.dep_ == "ccomp" and cue.i < c.left_edge.i < mark for c in cue.children)


def _is_cue(token: Token, lexicon: CueLexicon) -> bool:
    """A cue verb standing as a word of its own, not the end of a compound ("well-told"), nor
    a participle before its noun ("the challenging task"), nor the "according" of "according
    to X", which has its own rule."""
    return token.pos_ in ("VERB", "AUX") and lexicon.is_cue_verb(token.lemma_) and \
        not _compound_end(token) and token.lower_ != "according" and token.dep_ != "amod"


def _compound_end(token: Token) -> bool:
    """Whether ``token`` ends a hyphenated word ("well-told", "much-discussed")."""
    doc = token.doc
    return token.i > 1 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_


def _reported(cue: Token, lexicon: CueLexicon, stretches: StretchIndex, free: set[int],
              drafts: list[Draft]) -> Draft | None:
    """An indirect or mixed quote of ``cue``, or None when it reports nothing."""
    if is_infinitive(cue) and carried_on(cue) is None and not said_for(cue):
        return None  # an infinitive ("plans to say", "met to discuss") is not yet a report
    if is_imperative(cue) or no_source(cue):
        return None  # a recipe's or an adviser's command, in the writer's voice; no one's words
    if cue.i > 0 and cue.doc[cue.i - 1].tag_ == "POS":
        return None  # "Hemming's estimated costs": a word of the noun phrase, whatever the parse
    if _that_said(cue):
        return None  # "That said, retirement comes in many shapes": the writer's own hedge
    if cue.lower_ == "defending" and cue.i + 1 < len(cue.doc) and \
            cue.doc[cue.i + 1].lemma_.lower() in _TITLE_HOLDERS:
        return None  # "against defending champion Croatia": a title held, nothing defended
    feeling = caused_feeling(cue)
    if feeling is not None:  # "The ruling angered residents": theirs, about the ruling
        return felt_by(*feeling)
    pieces = complement(cue, lexicon) if lexicon.is_cue_verb(cue.lemma_) else []
    if not pieces:  # a verb that is a cue in "X as Y" ("characterized the plan as reckless",
        # not "characterizing the moon") or with a learned preposition
        pieces = (regarded_as(cue) if lexicon.regards(cue.lemma_) else []) or \
            (what_it_is_called(cue) if lexicon.is_cue_verb(cue.lemma_) else
             prepositional_object(cue, lexicon))
    if not pieces or too_short(cue, pieces, lexicon):
        return None
    start, end = pieces[0][0], pieces[-1][1]
    around = stretches.containing(cue.idx)
    if around is not None and not _third_party_clause(cue):
        return None  # "I think ..." inside a quotation is part of what is quoted
    taken = stretches.containing(start)
    if taken is not None and taken != around and taken not in free and \
            end <= stretches.stretches[taken].end + 2:
        return None  # the complement is a quoted stretch that a direct quote already took
    kind = "indirect"
    k = stretches.starting_between(start, end + 2).start
    # Quoted words inside the report, or right at its end ('called them “deplorables”'),
    # make it mixed; the report runs to the end of the last of them.
    while k < len(stretches.stretches) and stretches.stretches[k].start <= end + 2:
        stretch = stretches.stretches[k]
        k += 1
        if k - 1 not in free:
            continue
        kind = "mixed"
        free.discard(k - 1)
        if stretch.pieces[0][1] > end:
            pieces = pieces[:-1] + [(pieces[-1][0], stretch.pieces[0][1])]
            end = stretch.pieces[0][1]
        if len(stretch.pieces) > 1:
            pieces += list(stretch.pieces[1:])
            break
    return Draft(kind, cue, pieces, speaker_of=_quotation_framed(cue, stretches, drafts))


def _agentless_passive(cue: Token) -> bool:
    """Whether ``cue`` is a passive without anyone who says it ("4,000 people are expected to
    receive notice, according to X": inside what X is cited for, the expectation is X's)."""
    return any(c.dep_ == "auxpass" for c in cue.children) and subject_of(cue) is None


def _that_said(cue: Token) -> bool:
    """Whether ``cue`` is the "said" of "That said," or "This said," opening a sentence."""
    doc = cue.doc
    return cue.lower_ == "said" and cue.i >= 1 and doc[cue.i - 1].lower_ in ("that", "this") and \
        doc[cue.i - 1].is_sent_start and cue.i + 1 < len(doc) and doc[cue.i + 1].text == ","


def _quotation_framed(cue: Token, stretches: StretchIndex, drafts: list[Draft]) -> Draft | None:
    """The direct quote a participle goes on from when the parse hangs it on a verb inside the
    quotation ('Doe said: "A was a success," adding that B'): its speaker is the quote's."""
    if cue.tag_ != "VBG" or cue.dep_ != "advcl":
        return None
    k = stretches.containing(cue.head.idx)
    if k is None or k == stretches.containing(cue.idx):
        return None
    return next((d for d in drafts if d.kind == "direct" and d.outside is stretches.stretches[k]),
                None)


def _outermost(drafts: list[Draft]) -> list[Draft]:
    """Drafts without reports nested in another's reported content ("X said she plans to ..."),
    but for asides ("..., with experts noting ...") and third parties' "that" clauses."""
    reported = sorted(  # a transcript's answer ("A: I would add ...") holds reports too
        (s, e, n) for n, d in enumerate(drafts)
        if d.kind in ("indirect", "mixed") or (d.cue is not None and d.cue.text == ":")
        for s, e in d.pieces
    )
    starts = [s for s, _, _ in reported]
    kept = []
    for n, draft in enumerate(drafts):
        at = draft.cue.idx if draft.cue is not None else -1
        i = bisect_right(starts, at) - 1
        nested = draft.kind != "direct" and any(
            reported[j][0] <= at < reported[j][1] and reported[j][2] != n
            for j in range(max(i - _OVERLAPS, 0), i + 1)
        )
        if not nested or _aside_of_someone(draft.cue) or _third_party_clause(draft.cue) or \
                _relative_report(draft.cue):
            kept.append(draft)
    return kept


def _relative_report(cue: Token) -> bool:
    """Whether ``cue`` reports a clause about the relative's antecedent, with a subject of its
    own ("his hands, which he said were at his side"): the relative's source speaks, not the
    outer speaker ("the money he says he raised" is no such report)."""
    if cue.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.tag_ not in RELATIVE_TAGS
                                      for c in cue.children):
        return False
    return any(c.dep_ == "ccomp" and not any(
        s.dep_ in ("nsubj", "nsubjpass") and s.tag_ not in RELATIVE_TAGS for s in c.children)
        for c in cue.children)


def _aside_of_someone(cue: Token) -> bool:
    """Whether ``cue`` is a participle with a subject of its own ("with experts noting")."""
    head = subject_of(cue)
    return head is not None and head.pos_ != "PRON" and cue.tag_ == "VBG" and \
        cue.dep_ in ("acl", "advcl", "pcomp")


def _third_party_clause(cue: Token) -> bool:
    """Whether ``cue`` reports a clause of someone other than the quoted speaker or listener
    ("intelligence agencies confirmed that ..." inside a quote)."""
    head = subject_of(cue)
    if head is None or head.pos_ == "PRON":
        return False
    return any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in cue.children
    )


def _labelled_paragraphs(text: _Text, drafts: list[Draft], used: set[int]) -> list[tuple[int, int]]:
    """Transcript lines "NAME: what they said": the label speaks, the colon is the cue.

    Returns the character ranges of lines led by a kicker ("WATCH: ...", "READ MORE: ..."),
    whose words belong to another page. A label before words that are not quoted and end
    without a full stop is a headline ("Jane Doe: Council drops the case"), not a statement,
    in the title as on a body line, even on a page listing many.
    """
    doc = text.doc
    labels: dict[str, list[tuple[int, int]]] = {}
    headlines: set[str] = set()
    kickers: list[tuple[int, int]] = []
    # Names as written in running text, to tell "PENCE:" from a section label like "BONDS:"
    names = {t.lower_ for ent in doc.ents if ent.label_ in _LABEL_TYPES for t in ent
             if not t.is_upper}
    for start in text.paragraphs:
        i = text.token_at(start)
        while i < len(doc) and (doc[i].is_space or doc[i].is_quote):
            i += 1
        if _framed_quotation(text, start, i):
            continue  # "“Doe: ... North Dakota,” one user quipped.": no label, a quotation's words
        # A headline's label may be any capitalised noun phrase ("Clinton camp: ...",
        # "Poll: ..."), and the parser often takes a name there for a common noun.
        headline = i < len(doc) and doc[i].is_title and text.paragraph_of(doc[i].idx) == 0
        colon = _kicker_colon(doc, i)
        if colon is not None:
            kickers.append((doc[i].idx, _line_end(text, doc[colon].idx)))
            continue
        j = i
        while j < min(i + _MAX_LABEL + headline, len(doc)) and (
            doc[j].pos_ == "PROPN" or (doc[j].is_upper and doc[j].is_alpha)  # "DUTTON:"
            or (j == i and doc[j].lower_ in QUESTION_LABELS | ANSWER_LABELS)  # "Question:"
            or (headline and (doc[j].pos_ == "NOUN" or doc[j].text == "-"))
        ):
            j += 1
        if headline and j > i and doc[j - 1].text != "-":
            headlines.add(doc[i:j].text)
        if i < j < len(doc) - 1 and doc[j].text == ":" and "\n" not in doc[j + 1].text and \
                not doc[j + 1].is_space:
            places = labels.setdefault(doc[i:j].text, [])
            if (j - 1, j) not in places:  # a blank line starts two paragraphs at one token
                places.append((j - 1, j))
    transcript = any(label.isupper() and len(places) > 1 for label, places in labels.items())
    questions = [p for label, places in labels.items() if label.lower() in QUESTION_LABELS
                 for p in places]
    interviewee = _interviewee(doc, min(questions)[0]) if questions else None
    answers: list[tuple[int, Draft]] = []
    for label, places in labels.items():
        if label.split()[0].lower() == "dear":
            continue  # "DEAR ABBY:": a letter's salutation names whom it is written to
        if questions and label.lower() in QUESTION_LABELS:
            used.update(colon for _, colon in places)
            continue  # an interview's questions: the outlet's own words
        answer = bool(questions) and label.lower() in ANSWER_LABELS
        named = any(doc[i].ent_type_ in _LABEL_TYPES for i, _ in places)
        if not answer and label.isupper() and not transcript and \
                not names & set(label.lower().split()):
            continue  # "BONDS:", "CURRENCIES:": a section, not a person named in the text
        if not (named or answer) and label not in headlines and \
                not (label.isupper() and transcript):
            continue
        for head, colon in places:
            if colon in used:
                continue
            end = _line_end(text, doc[colon].idx)
            body = text.text[doc[colon].idx + 1: end]
            first = doc[colon].idx + 1 + len(body) - len(body.lstrip(" \t\"“”"))
            last = first + len(body.strip(" \t\n\"“”"))
            if last <= first:
                continue
            opening = body[:first - doc[colon].idx - 1]
            quoted = '"' in opening or "“" in opening
            if not (quoted or answer or body.rstrip().endswith((".", "!", "?", "\"", "”"))):
                continue  # a headline, in the title or on a body line, however often its
                # label recurs: "Jane Doe: Council drops the case" is no statement of hers
            words = doc[colon + 1: text.token_at(end)]
            if not (quoted or transcript or answer) and label not in headlines and not any(
                    t.tag_ in _SENTENCE_VERBS for t in words):
                kickers.append((doc[head].idx, end))  # "Jane Doe: Possession of heroin, held
                continue  # in jail.": an item of a list, nothing said, by her or in it; an
                # answer in a transcript needs no verb ("DUTTON: Twelve million dollars.")
            if not (quoted or transcript or answer) and label not in headlines and \
                    len(places) == 1 and (not any(t.lower_ in _OWN_VOICE for t in words)
                                          or _title_goes_on(words)):
                continue  # "Hollywood Nation: Taylor Swift will be honored ...": a segment's
                # name over news told of others, not one line of someone's own words;
                # "Moon Harbor: Lost Tides is a game ...": a title with a colon in it
            used.add(colon)
            # A headline's claim is the outlet's summary unless it opens with a quotation.
            quoted = quoted or label not in headlines
            if answer and interviewee is not None:  # "A: ..." is the one interviewed
                draft = Draft("direct", doc[colon], [(first, last)],
                              speaker_token=interviewee.root, named=interviewee)
                answers.append((end, draft))
            else:
                draft = Draft("direct" if quoted else "indirect", doc[colon], [(first, last)],
                              speaker_token=doc[head])
            drafts.append(draft)
    asked = sorted(doc[h].idx for h, _ in questions)
    drafts.extend(_answers_go_on(text, answers, asked))
    return kickers + [(start, _line_end(text, start)) for start in asked]


def _title_goes_on(words: SpacySpan) -> bool:
    """Whether the words after a label's colon open with two capitalised words ("Lost Tides
    is ..."): the rest of a title with a colon in it, where a speaker's line opens a sentence."""
    first = [t for t in words[:2] if not t.is_space]
    return len(first) == 2 and all(t.is_title and t.text != "I" for t in first)


def _interviewee(doc: Doc, first_question: int) -> SpacySpan | None:
    """The person an interview's answers are from, named before its first question: the
    person named most often there (on ties, first), else the first name the tagger missed (a
    run of capitalised proper nouns, "Nadia Okafor"), else None."""
    limit = doc[first_question].idx
    counts = [(sum(m.start < limit for m in e.mentions), -e.mentions[0].start, e)
              for e in doc._.entities if e.type == "PERSON" and e.mentions[0].start < limit]
    if counts:
        mention = max(counts, key=lambda c: c[:2])[2].mentions[0]
        return doc.char_span(mention.start, mention.end, alignment_mode="expand")
    i = 0
    while i < first_question:
        j = i
        while j < first_question and doc[j].pos_ == "PROPN" and doc[j].is_title and \
                not doc[j].ent_type_ and not is_title(doc[j].text) and not doc[j].is_sent_start:
            j += 1
        if 2 <= j - i <= 3:
            return doc[i:j]
        i = j + 1
    return None


def _answers_go_on(text: _Text, answers: list[tuple[int, Draft]],
                   questions: list[int]) -> list[Draft]:
    """The paragraphs after an answer line up to the next question that carry on the answer
    in the guest's own voice ("I", "our"); none after the last question (an outro is the
    outlet's), nor the interviewer's aside before a question ("Ok, now for a little fun.")."""
    went_on = []
    for end, answer in answers:
        following = bisect_right(questions, end)
        if following == len(questions):
            continue
        for n in range(text.paragraph_of(end) + 1, len(text.paragraphs)):
            start = text.paragraphs[n]
            if start >= questions[following]:
                break
            last = _line_end(text, start)
            words = text.text[start:last].strip()
            if _OWN_VOICE & set(_plain(words).split()):
                first = start + text.text[start:last].index(words[0])
                went_on.append(Draft("direct", None, [(first, first + len(words))],
                                     speaker_of=answer))
    return went_on


def _framed_quotation(text: _Text, start: int, i: int) -> bool:
    """Whether the line at ``start`` opens with a quotation (token ``i`` its first word) that
    closes before the line ends and is followed by a few words and no other quotation: a
    frame, so the quotation's own "Name:" labels nothing (a transcript quoted whole has
    nothing after its closing mark, or its closing mark paired with one inside it)."""
    doc = text.doc
    if i == text.token_at(start) or i >= len(doc):
        return False
    stretches = doc_stretches(doc)
    k = stretches.containing(doc[i].idx)
    if k is None or not stretches.stretches[k].closed:
        return False
    close = stretches.stretches[k].end
    frame = text.text[close:_line_end(text, close)].lstrip(" ,.?!").lstrip('"”').split()
    return any(w.isalpha() for w in frame) and len(frame) <= _MAX_FRAME_WORDS and \
        not any(mark in w for w in frame for mark in '"“”')


def _kicker_colon(doc: Doc, i: int) -> int | None:
    """The index of the colon after a kicker opening a line at token ``i``, if there is one."""
    for j in range(i, min(i + _MAX_LABEL, len(doc))):
        if doc[j].text == ":":
            label = doc[i:j].text.lower().replace("’", "'")
            return j if label in _KICKERS else None
        if doc[j].is_space:
            return None
    return None


def _line_end(text: _Text, offset: int) -> int:
    """The offset of the end of the line holding ``offset``."""
    following = text.paragraph_of(offset) + 1
    return text.paragraphs[following] - 1 if following < len(text.paragraphs) else len(text.text)


def _join_unattributed(stretches: list[Stretch], free: set[int], text: _Text,
                       drafts: list[Draft]) -> None:
    """Give free stretches to the quote they continue, or keep long ones without a speaker."""
    ends = sorted((d.pieces[-1][1], n) for n, d in enumerate(drafts) if d.kind != "according_to")
    # '"...," according to X': the quotation is already X's content, not a quote of its own
    sourced = [piece for d in drafts if d.kind == "according_to" for piece in d.pieces]
    for k in sorted(free):
        stretch = stretches[k]
        if is_quoted_title(stretch, text.text) or any(a <= stretch.start < b for a, b in sourced) \
                or _subhead(stretch, text):
            continue
        signed = _signature_after(stretch, text)
        if signed is not None:  # a testimonial: "“Great show!”" over "– Jane D."
            drafts.append(_credited(list(stretch.pieces), signed))
            insort(ends, (stretch.end, len(drafts) - 1))
            continue
        introducer = _introduced_by(stretch, text)
        if introducer is not None:  # 'The judge had advice for him: "Do not trust him."'
            drafts.append(Draft("direct", None, list(stretch.pieces), speaker_token=introducer))
            insort(ends, (stretch.end, len(drafts) - 1))
            continue
        at = bisect_right(ends, (stretch.start, len(drafts))) - 1
        previous = drafts[ends[at][1]] if at >= 0 else None
        if previous is not None and previous.kind != "direct":
            previous = _direct_before(ends, at, drafts, stretch, text) or previous
        if previous is not None and _continues(previous, stretch, text):
            if previous.kind == "direct" and text.paragraph_of(previous.pieces[-1][1]) == \
                    text.paragraph_of(stretch.start) and not _SENTENCE_END.search(
                        text.text[previous.pieces[-1][1]: stretch.start]):
                previous.pieces.extend(stretch.pieces)  # "A," he said. "B."
                insort(ends, (stretch.end, ends[at][1]))
                continue
            drafts.append(Draft("direct", None, list(stretch.pieces), speaker_of=previous))
        elif _stands_alone(stretch, text):
            drafts.append(Draft("direct", None, list(stretch.pieces)))
        else:
            continue
        insort(ends, (stretch.end, len(drafts) - 1))


# A signature on the line after a quotation: a dash, then a short name ("– Jane D.", "— Man**").
_SIGNATURE = re.compile(r"[”\"’']?[ \t]*\n\s*[–—―-][ \t]*([A-Z@][^\n!?]{0,40}?)[ \t]*(?:\n|$)")
_MAX_SIGNATURE_WORDS = 5
_NAME_PARTICLES = {"of", "de", "da", "van", "von", "del", "from", "in", "and"}


def _signature_after(stretch: Stretch, text: _Text) -> SpacySpan | None:
    """The name signing a quotation that ends its line, on a line of its own after it; not a
    list item ("- Add the flour")."""
    found = _SIGNATURE.match(text.text, stretch.end)
    words = found.group(1).split() if found is not None else []
    if not 0 < len(words) <= _MAX_SIGNATURE_WORDS or not all(
            w[0].isupper() or w[0].isdigit() or w[0] == "@" or w in _NAME_PARTICLES for w in words):
        return None
    start, end = found.span(1)
    if len(words[-1]) > 3 and text.text[end - 1] == ".":
        end -= 1  # "— Bernie Sanders.": the full stop ends the line, not an initial
    return text.doc.char_span(start, end, alignment_mode="expand")


def _pull_quotes(drafts: list[Draft], text: str) -> None:
    """Give a quotation without a frame the speaker of the quote that repeats it: a pull quote
    set off from the story ("“Their immune system overreacts”" above "“... their immune
    system overreacts,” Doe said")."""
    def plain(draft: Draft) -> str:
        return _plain(" ".join(text[a:b] for a, b in draft.pieces))

    attributed = [(d, plain(d)) for d in drafts if d.kind in ("direct", "mixed")
                  and d.speaker_of is None and not _unsourced(d)]
    for draft in drafts:
        if draft.kind != "direct" or draft.cue is not None or draft.speaker_token is not None:
            continue  # a quotation that its frame attributes
        words = plain(draft)
        if len(words) < _PULL_QUOTE_CHARS:
            continue
        draft.speaker_of = next((d for d, said in attributed if words in said),
                                draft.speaker_of)  # the repeat is surer than the paragraph
        # before, which the pull quote may follow by layout alone


def _unsourced(draft: Draft) -> bool:
    """Whether nothing names a source for ``draft`` nor for the quotation it continues."""
    while draft.cue is None and draft.speaker_token is None:
        if draft.speaker_of is None:
            return True
        draft = draft.speaker_of
    return False


def _plain(words: str) -> str:
    """``words`` in lower case with runs of spaces as one and no punctuation at either end."""
    return " ".join(words.lower().split()).strip(" .,;:!?\"'“”‘’")


def _subhead(stretch: Stretch, text: _Text) -> bool:
    """Whether a short quotation is a line of its own with no sentence end ('"Alarming
    mortality rate"' between paragraphs): a section heading quoting the text below it."""
    line_end = text.text.find("\n", stretch.end)
    rest = text.text[stretch.end: line_end if line_end >= 0 else len(text.text)]
    words = text.text[stretch.start:stretch.end]
    return text.starts_paragraph(stretch.start) and not rest.strip(" \"“”'‘’") and \
        len(words.split()) < _SPEAKERLESS_MIN_WORDS and not words.rstrip(" \"“”'‘’").endswith(
            (".", "!", "?"))


def _introduced_by(stretch: Stretch, text: _Text) -> Token | None:
    """The subject of a clause that ends in a colon right before the quotation, when it is a
    person or an organisation ('The judge had advice for him: "..."', 'Acme had a message
    for fans: "..."'): who says the words. Not a thing ('The sign read: "..."') nor "it"."""
    doc = text.doc
    i = text.token_at(stretch.start) - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    if i < 1 or doc[i].text != ":" or text.paragraph_of(doc[i].idx) != \
            text.paragraph_of(stretch.start):
        return None
    clause = doc[i].head
    while clause.dep_ not in ("ROOT", "conj") and clause.head != clause:
        clause = clause.head
    subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < doc[i].i), None)
    if subject is None or subject.lower_ in ("it", "this", "that", "there") or \
            doc_stretches(doc).containing(subject.idx) is not None:
        return None  # not the subject of a quoted headline before a credit and its excerpt
    if subject.ent_type_ in ("PERSON", "ORG") or is_person(subject) or \
            subject.lower_ in ("he", "she", "they"):
        return subject
    return None


def _stands_alone(stretch: Stretch, text: _Text) -> bool:
    """Whether an unattributed quotation reads as a statement: long enough (titles are left
    out before), and not words the writer's sentence runs through in lower case ('meant
    making the "best mobile operating system for enterprise."')."""
    return len(text.text[stretch.start:stretch.end].split()) >= _SPEAKERLESS_MIN_WORDS and not (
        _embedded(stretch, text) and text.text[stretch.start].islower())


def _direct_before(ends: list[tuple[int, int]], at: int, drafts: list[Draft], stretch: Stretch,
                   text: _Text) -> Draft | None:
    """A direct quote earlier in the stretch's paragraph, past the asides after it ('"A," says
    Doe, noting that ... "B."': B is Doe's), or one whose frame holds the report just before the
    stretch ('"A," Doe said when asked what it means. ¶ "B."')."""
    paragraph = text.paragraph_of(stretch.start)
    last = drafts[ends[at][1]].cue
    for j in range(at - 1, max(at - _OVERLAPS, -1), -1):
        draft = drafts[ends[j][1]]
        if text.paragraph_of(draft.pieces[-1][1]) != paragraph and not (
                draft.cue is not None and last is not None and draft.cue.sent == last.sent):
            return None
        if draft.kind == "direct" and draft.cue is not None and draft.cue.idx < stretch.start:
            return draft
    return None


def _continues(previous: Draft, stretch: Stretch, text: _Text) -> bool:
    """A stretch opening its paragraph right after a quote, or after a quote's cue in the same
    paragraph ("Doe said the plan failed. "It was a disaster.")."""
    if text.paragraph_of(stretch.start) == text.paragraph_of(previous.pieces[-1][1]):
        between = text.text[previous.pieces[-1][1]: stretch.start].rstrip(" \"“”„«")
        if not _SENTENCE_END.search(between) and between[-1:] not in (",", ":", ";") and \
                between.split()[-1:] not in (["and"], ["or"]) and \
                len(text.text[stretch.start:stretch.end].split()) < _SPEAKERLESS_MIN_WORDS:
            return False  # 'said on Fox News’ “Fox and Friends.”': a name in the frame; the
            # rest of the quotation is set off ('“A,” she said, “B.”', 'chanted “A,” and “B”')
        # after reported speech, a few quoted words are a term or a title, not a continuation
        return previous.cue is not None and previous.cue.idx < stretch.start and (
            previous.kind == "direct"
            or len(text.text[stretch.start:stretch.end].split()) >= _SPEAKERLESS_MIN_WORDS)
    between = text.text[previous.pieces[-1][1]: stretch.start].split("\n")
    return text.starts_paragraph(stretch.start) and all(_blank(line) for line in between[1:])


def _blank(text: str) -> bool:
    """Whether ``text`` holds nothing but spaces and opening quotation marks."""
    return not text.strip(" \t\n“”\"„«‹「『")  # ” opens a quotation at a line start too

def _records(text: str, drafts: list[Draft], index: EntityIndex) -> list[Quote]:
    quotes: list[Quote] = []
    for n, draft in enumerate(drafts, start=1):
        draft.id = f"q{n}"
    quoted = sorted(
        (s, e, n) for n, d in enumerate(drafts) if d.kind in ("direct", "mixed") for s, e in d.pieces
    )
    acts, outers, heads = {}, {}, {}
    # A pull quote takes the speaker of a quote after it: sources come before those taking theirs
    for draft in sorted(drafts, key=lambda d: d.speaker_of is not None):
        outers[draft.id] = outer = _enclosing(draft, drafts, quoted)
        head = draft.speaker_head() if draft.speaker_of is None else None
        draft.speaker = _speaker(draft, head, outer, index)
        heads[draft.id] = head
        # "the study, which notes": the act of the noun the relative stands for
        acts[draft.id] = act_of(draft.cue, head and (_antecedent(head) or head),
                                quoted=draft.kind == "direct")
    _unnamed_antecedents(drafts, heads)
    for draft in drafts:
        outer = outers[draft.id]
        quotes.append(Quote(
            id=draft.id,
            kind=draft.kind,
            speaker=draft.speaker,
            cue=cue_span(draft, text),
            content=[Span(start=s, end=e, text=text[s:e]) for s, e in draft.pieces],
            nested_in=outer.id if outer is not None else None,
            act=acts[draft.id],
            negated=draft.cue is not None and negation(draft.cue, stance_lexicon()) is not None,
        ))
    return quotes


def _unnamed_antecedents(drafts: list[Draft], heads: dict[str, Token | None]) -> None:
    """Flag as anonymous a "he", "she" or "they" that coreference left unresolved when the
    speaker just before it is an unnamed source it agrees with ("..., a spokeswoman who asked not
    to be named said. ... she said"): the pronoun is that source."""
    unnamed: Token | None = None  # the head of the last speaker, when an unnamed source
    spoken = sorted((d for d in drafts if heads[d.id] is not None), key=lambda d: heads[d.id].i)
    for draft in spoken:
        head, speaker = heads[draft.id], draft.speaker
        if speaker.anonymous and head.pos_ == "NOUN":
            unnamed = head
        elif speaker.entity is None and head.lower_ in _AGREEING and unnamed is not None and \
                _AGREEING[head.lower_](unnamed) and \
                sum(not s.text.isspace() for s in head.doc[unnamed.i: head.i].sents) \
                <= _UNNAMED_WITHIN:
            speaker.anonymous = True
        else:
            unnamed = None


def _enclosing(draft: Draft, drafts: list[Draft],
               quoted: list[tuple[int, int, int]]) -> Draft | None:
    """The quote whose quoted content holds ``draft``'s cue (an attribution inside a quote);
    ``quoted`` lists the (start, end, draft number) of direct and mixed pieces in text order."""
    if draft.cue is None:
        return None
    at = draft.cue.idx
    i = bisect_right(quoted, (at, len(drafts)))
    for start, end, n in quoted[max(i - _OVERLAPS, 0): i]:
        if start <= at < end and drafts[n] is not draft:
            return drafts[n]
    return None


def _speaker(draft: Draft, head: Token | None, outer: Draft | None,
             index: EntityIndex) -> Speaker | None:
    if draft.speaker_of is not None:
        return draft.speaker_of.speaker
    if head is None:
        return None
    if draft.named is not None:
        phrase = draft.named
    else:
        head = past_dateline(_hyphenated_end(head))
        phrase = _before_content(_hyphenated_start(noun_phrase(head, draft.cue)), draft.pieces)
    entity = resolve(phrase, head, index)
    if entity is None and _antecedent(head) is not None:  # "customers who accused": customers
        head = _antecedent(head)
        start = _first_conjunct(head).left_edge.i
        while head.doc[start].is_punct:  # the opening mark of '"some people" who'
            start += 1
        phrase = head.doc[start: before_relative(head)]
    if entity is None and outer is not None and outer.speaker is not None and is_first_person(head):
        entity = outer.speaker.entity  # "I" inside a quote is the quoted speaker
    if entity is not None and index.by_id[entity].type == "LOC":
        index.by_id[entity].type = "ORG"  # places do not speak: a mislabelled organisation
    return Speaker(
        start=phrase.start_char, end=phrase.end_char, text=phrase.text, entity=entity,
        anonymous=is_anonymous(head, entity),
    )


def _antecedent(relative: Token) -> Token | None:
    """The common noun a relative pronoun stands for: a kind of person for "who" (the parse
    often hangs the clause on the nearest noun: "an owner of a shop who declined")."""
    if relative.tag_ not in RELATIVE_TAGS or relative.head.dep_ != "relcl":
        return None
    noun = relative.head.head
    if noun.pos_ != "NOUN" or (relative.tag_ == "WP" and not (
            is_person(noun) or is_person(_first_conjunct(noun)))):  # "parents and a bishop who"
        return None
    return noun


def _first_conjunct(token: Token) -> Token:
    """The first of the coordinated words ``token`` is one of ("officials" of "officials and
    customers")."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def _before_content(phrase: SpacySpan, pieces: list[tuple[int, int]]) -> SpacySpan:
    """``phrase`` cut before the content it runs into, without the punctuation before it
    ("According to X, the move reeks ..." parsed with the clause as X's apposition)."""
    starts = [a for a, _ in pieces if phrase.start_char < a < phrase.end_char]
    if not starts:
        return phrase
    cut, end = min(starts), phrase.start
    while end < phrase.end and phrase.doc[end].idx < cut:
        end += 1
    while end > phrase.start + 1 and (phrase.doc[end - 1].is_punct or phrase.doc[end - 1].is_space):
        end -= 1
    return phrase.doc[phrase.start:end]


def _hyphenated_end(head: Token) -> Token:
    """The last part of the hyphenated word ``head`` opens ("Ex-diplomat" split in three
    tokens, the parser taking "Ex" for the subject): the word the phrase is about."""
    doc = head.doc
    i = head.i
    while i + 2 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text == "-" and \
            not doc[i + 1].whitespace_ and doc[i + 2].is_alpha:
        i += 2
    return doc[i]


def _hyphenated_start(phrase: SpacySpan) -> SpacySpan:
    """``phrase`` widened to the start of the hyphenated word it opens inside."""
    doc, start = phrase.doc, phrase.start
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and \
            not doc[start - 2].whitespace_ and doc[start - 2].is_alpha:
        start -= 2
    return doc[start:phrase.end]


class QuoteFinder:
    """Writes the article's quotes to ``doc._.quotes``; reads ``doc._.entities`` when present."""

    def __init__(self, lexicon: CueLexicon, model: AcceptanceModel | None):
        self.lexicon = lexicon
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, self.lexicon, self.model)
        return doc


@Language.factory("claimgraph_quotes", default_config={"learned_filter": True})
def make_quotes(nlp: Language, name: str, learned_filter: bool) -> QuoteFinder:
    """``learned_filter``: let the model of ``acceptance.py`` reject candidates."""
    return QuoteFinder(load_lexicon(), load_model() if learned_filter else None)
