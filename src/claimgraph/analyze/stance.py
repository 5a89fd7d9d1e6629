"""How sure a claim is, and on whose word: its status, the cues that decided it, and whether
it is worth checking.

Statuses, strongest first (the first that has a cue wins):
- denied: the quote's cue denies, rejects, disputes (not negated), or the quote says "not true";
- speculative: speculation, rumours, unverified, unconfirmed, "could", or a negated
  confirmation ("did not confirm", "declined to confirm") or other negated report ("did not
  say", "no official claimed": cue type "negated");
- hedged: a hedge cue (see ``hedges``) in the claim, or the quote's cue is one ("believes");
- confirmed: the quote's cue confirms, verifies, acknowledges, or the claim says it was
  confirmed;
- opinion: evaluative or loaded words, in a claim a source makes (inside a quote), or a
  first-person view ("I think", "I suppose"), the writer's too;
- attributed: inside a quote, none of the above (the cue is the quote's cue);
- asserted: the outlet on its own authority, none of the above.
Cue words come from ``data/stance.json``, loaded once.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LIKE_NUM, LOWER, POS, TAG
from spacy.tokens import Doc, Span, Token

from claimgraph.analyze.extensions import among, per_doc, word_ids
from claimgraph.analyze.hedges import find_hedges
from claimgraph.errors import ConfigError
from claimgraph.model import ClaimStatus, Cue

LEXICON = Path(__file__).resolve().parent / "data" / "stance.json"
NOT_COUNTS = frozenset({"DATE", "TIME", "ORDINAL"})
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"})
EVALUATIVE_POS = ("ADJ", "NOUN", "ADV")
NEGATORS = frozenset({"not", "n't", "never", "no"})
NOT_ONLY = frozenset({"only", "just", "merely", "simply"})  # "not only said": no negation
NO_ONE = frozenset({"nobody", "none", "noone"})  # subjects that negate their verb
MAX_PHRASE = 4
# Verbs of holding a view; "we expect", "I suspect" stay hedges of the expected or suspected.
VIEW_VERBS = frozenset({"think", "believe", "feel", "guess", "suppose", "reckon", "consider"})


@dataclass(frozen=True)
class Stance:
    confirm: frozenset[str]
    deny: frozenset[str]
    deny_phrases: frozenset[tuple[str, ...]]
    refuse: frozenset[str]
    speculative: frozenset[str]
    predict: frozenset[str]
    evidential: frozenset[str]
    opinion: frozenset[str]
    opinion_phrases: frozenset[tuple[str, ...]]


@cache
def stance_lexicon(path: Path = LEXICON) -> Stance:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        words = {k: frozenset(data[k]) for k in (
            "confirm", "deny", "refuse", "speculative", "predict", "evidential", "opinion")}
        phrases = {k: frozenset(tuple(p.split()) for p in data[k])
                   for k in ("deny_phrases", "opinion_phrases")}
    except (OSError, ValueError, KeyError) as err:
        raise ConfigError(f"stance lexicon {path} is unreadable: {err}") from err
    return Stance(**words, **phrases)


def cue(span: Span, kind: str | None) -> Cue:
    return Cue(text=span.text, start=span.start_char, end=span.end_char, type=kind)


def token_cue(tok: Token, kind: str | None) -> Cue:
    return Cue(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text), type=kind)


def phrase_cues(seg: Span, phrases: frozenset[tuple[str, ...]], kind: str) -> list[Cue]:
    """Lower-case token sequences of ``phrases`` in ``seg``."""
    firsts = word_ids(frozenset(p[0] for p in phrases))
    doc = seg.doc
    lowers = per_doc(doc, "lower", lambda: doc.to_array(LOWER))[seg.start:seg.end]
    found = []
    for i in np.flatnonzero(np.isin(lowers, firsts)).tolist():
        words = tuple(t.lower_ for t in seg[i:i + MAX_PHRASE])
        for n in range(len(words), 0, -1):
            if words[:n] in phrases:
                found.append(cue(seg[i:i + n], kind))
                break
    return found


def negation(verb: Token, lex: Stance) -> Token | None:
    """The token that negates ``verb`` ("not", "never"; "declined" in "declined to confirm";
    "no" or "nobody" of its subject: "no official said"; "without" in "without saying").
    "Not only said" is no negation."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "neg" or (child.lower_ in NEGATORS and child.dep_ in ("advmod", "det")):
            low, high = sorted((child.i, verb.i))
            if doc[child.i + 1:child.i + 2].text.lower() in NOT_ONLY or any(
                    t.is_punct for t in doc[low:high]):
                continue  # '"Probably not," she said': the quotation's, not the verb's
            return child
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in NO_ONE:
                return child
            for det in child.children:
                if det.dep_ == "det" and det.lower_ == "no":
                    return det
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in lex.refuse:
        return head
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ == "without":
        return head  # "left without telling police that ..."
    return None


def cue_verb(cue_span: Span) -> Token:
    verbs = [t for t in cue_span if t.pos_ in ("VERB", "AUX")]
    return verbs[-1] if verbs else cue_span.root


def frame_cues(cue_span: Span, lex: Stance) -> dict[str, list[Cue]]:
    """What the quote's own cue says about its content: confirm, deny, unconfirmed, hedge."""
    doc = cue_span.doc
    verb = cue_verb(cue_span)
    lemma = verb.lemma_.lower()
    neg = negation(verb, lex)
    found: dict[str, list[Cue]] = {}
    if lemma in lex.confirm:
        if neg is None:
            found["confirmed"] = [cue(cue_span, "confirm")]
        else:  # "did not confirm", "declined to confirm"
            negated = doc[min(neg.i, cue_span.start):max(verb.i + 1, cue_span.end)]
            found["speculative"] = [cue(negated, "unconfirmed")]
    elif lemma in lex.deny and neg is None:
        found["denied"] = [cue(cue_span, "deny")]
    elif neg is not None:  # "did not say", "never claimed": the content rests on no one's word
        negated = doc[min(neg.i, cue_span.start):max(verb.i + 1, cue_span.end)]
        found["speculative"] = [cue(negated, "negated")]
    hedges = find_hedges(cue_span)
    for child in verb.children:  # "reportedly said", "may have said": hedges of the saying
        if child.dep_ in ("advmod", "aux") and not cue_span.start <= child.i < cue_span.end:
            hedges += find_hedges(doc[child.i:child.i + 1])
    # A first-person view as the cue ("I think ...", "we believe ..."): the speaker's opinion.
    views = [h for h in hedges if h.type == "doxastic" and first_person(doc, h)]
    if views:
        found["opinion"] = views
    if len(views) < len(hedges):
        found["hedged"] = [h for h in hedges if h not in views]
    found["attributed"] = [cue(cue_span, "attribution")]
    return found


def factual_condition(doc: Doc, hedge: Cue) -> bool:
    """"Ukraine offers food if they defect": a condition on a statement of fact (no modal in
    the main clause) leaves the statement itself certain."""
    span = doc.char_span(hedge.start, hedge.end)
    if span is None or len(span) != 1:
        return False
    mark = span[0]
    if mark.dep_ != "mark" or mark.head.dep_ != "advcl":
        return False
    main = mark.head.head
    return main.tag_ != "MD" and not any(c.tag_ == "MD" for c in main.children)


def first_person(doc: Doc, hedge: Cue) -> bool:
    """"I think", "we believe": a speaker giving their own view, an opinion rather than a
    hedge on a fact (and never the outlet's hedge)."""
    span = doc.char_span(hedge.start, hedge.end)
    return span is not None and span.root.lemma_.lower() in VIEW_VERBS and any(
        c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in span.root.children)


def _named_only(noun: Token) -> bool:
    """A speculation noun that only names the talk ("the rumours were false", "constitutes
    hearsay"), without what is speculated: a clause or an "on"/"about"/"that" phrase after it,
    or an existential "there was speculation"."""
    if noun.pos_ != "NOUN":
        return False
    if noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children):
        return False
    return not any(
        c.i > noun.i and (c.dep_ in ("acl", "relcl", "ccomp") or c.dep_ == "prep")
        for c in noun.children
    ) and not (noun.dep_ in ("nsubj", "nsubjpass") and any(  # "rumours spread that ..."
        c.dep_ == "ccomp" and c.i > noun.head.i for c in noun.head.children))


class ContentCues:
    """The cues a claim's own words can carry, found once over the whole doc (one pass, not
    one per claim) and then picked per claim by offset."""

    KINDS = ("speculative", "hedged", "confirmed", "denied", "opinion")
    QUOTED_ONLY = ("denied", "opinion")  # said by a source, not the outlet's own wording

    def __init__(self, doc: Doc):
        lex = stance_lexicon()
        found: list[tuple[str, Cue]] = []
        self.hedges = find_hedges(doc)  # all of them: those no claim holds are listed apart
        # "I suppose ..." in the outlet's own text is the writer's view: an opinion there too.
        self.views: set[int] = set()
        for hedge in self.hedges:
            if hedge.type == "conditional" and factual_condition(doc, hedge):
                continue
            if hedge.type == "doxastic" and first_person(doc, hedge):
                found.append(("opinion", hedge))  # a view, still typed as the hedge it is
                self.views.add(hedge.start)
                continue
            kind = "speculative" if hedge.text.lower() in lex.speculative else "hedged"
            found.append((kind, hedge))
        seen = {c.start for _, c in found}
        words = word_ids(lex.speculative | lex.confirm | lex.opinion)
        candidates = np.isin(doc.to_array(LOWER), words) | np.isin(doc.to_array(LEMMA), words)
        for i in np.flatnonzero(candidates).tolist():  # the few tokens that may be cues
            tok = doc[i]
            lemma, lower = tok.lemma_.lower(), tok.lower_
            if tok.idx in seen:
                continue
            if (lemma in lex.speculative or lower in lex.speculative) and lemma != "could" \
                    and not _named_only(tok):
                found.append(("speculative", token_cue(tok, "speculation")))
            elif lemma in lex.confirm and tok.pos_ == "VERB" and (neg := negation(tok, lex)):
                # "has not been confirmed", "declined to confirm": no quote holds it
                found.append(("speculative", cue(doc[min(neg.i, i):max(neg.i, i) + 1],
                                                 "unconfirmed")))
            elif lemma in lex.confirm and tok.pos_ == "VERB" and any(
                c.dep_ == "auxpass" for c in tok.children
            ):  # "it was confirmed"; an agent's "X confirmed" is a quote with its own cue
                found.append(("confirmed", token_cue(tok, "confirm")))
            elif (lower in lex.opinion or lemma in lex.opinion) and tok.pos_ in EVALUATIVE_POS:
                found.append(("opinion", token_cue(tok, "opinion")))
        whole = doc[:]
        found += [("denied", c) for c in phrase_cues(whole, lex.deny_phrases, "deny")]
        found += [("opinion", c) for c in phrase_cues(whole, lex.opinion_phrases, "opinion")]
        found.sort(key=lambda kc: kc[1].start)
        self.found = found
        self.starts = [c.start for _, c in found]

    def within(self, seg: Span, in_quote: bool) -> dict[str, list[Cue]]:
        """The cues inside ``seg``, by the status they argue for."""
        by_kind: dict[str, list[Cue]] = {k: [] for k in self.KINDS}
        for kind, c in self.found[bisect_left(self.starts, seg.start_char):]:
            if c.start >= seg.end_char:
                break
            if c.end <= seg.end_char and (
                    in_quote or kind not in self.QUOTED_ONLY or c.start in self.views):
                by_kind[kind].append(c)
        return by_kind


def outermost(cues: list[Cue]) -> list[Cue]:
    """``cues`` in text order, without any that lies inside another ("rogue" in "rogue state")."""
    return [c for c in sorted(cues, key=lambda c: (c.start, -c.end))
            if not any(o is not c and o.start <= c.start and c.end <= o.end
                       and (o.start, o.end) != (c.start, c.end) for o in cues)]


ORDER: tuple[ClaimStatus, ...] = (
    "denied", "speculative", "hedged", "confirmed", "opinion", "attributed",
)


def judge(
    seg: Span, frame: dict[str, list[Cue]], in_quote: bool, content: ContentCues
) -> tuple[ClaimStatus, list[Cue]]:
    """The status of the claim ``seg`` and the cues that decided it.

    ``frame`` is what the cue of the quote the claim sits in says (``frame_cues``; empty for
    the outlet's own text or a quote without a cue); a hedge inside the quote only reaches the
    quote's claims because each claim lies inside one quote.
    """
    found = content.within(seg, in_quote)
    for kind, cues in frame.items():
        found[kind] = found.get(kind, []) + cues
    for status in ORDER:
        if found.get(status):
            cues = found[status]
            if status == "speculative":  # the hedges beside a speculation explain it too
                cues = cues + found.get("hedged", [])
            return status, outermost(cues)
    return ("attributed" if in_quote else "asserted"), []


def check_worthy(seg: Span, status: ClaimStatus, flags: tuple[list[bool], list[bool]]) -> bool:
    """A quantity, event or fact about named entities; not an opinion or a prediction.

    ``flags`` are the Doc's ``worth_flags``: per token, whether it predicts and whether it
    makes a claim worth checking.
    """
    if status in ("opinion", "speculative"):
        return False
    predicts, worthy = flags
    return not any(predicts[seg.start:seg.end]) and any(worthy[seg.start:seg.end])


def worth_flags(doc: Doc, named: bytes) -> tuple[list[bool], list[bool]]:
    """Per token of ``doc``, read from its arrays: whether it makes its claim a prediction
    ("will", "shall", "is going to win", not "going to a place"), and whether it makes it worth
    checking: a number that is not a date, time or rank, a name (``named`` flags the tokens of
    the entity component's mentions), or a past action with its subject ("Police arrested ...",
    "the bridge was closed")."""
    strings = doc.vocab.strings
    dep, lower, pos, tag, like_num, ent, head = doc.to_array(
        [DEP, LOWER, POS, TAG, LIKE_NUM, ENT_TYPE, HEAD]).T
    verb = pos == strings["VERB"]
    going = (lower == strings["going"])
    going[-2:] = False
    going[:-2] &= (lower[1:-1] == strings["to"]) & verb[2:]
    predicts = ((dep == strings["aux"]) & among(doc, lower, stance_lexicon().predict)) | going
    heads = np.arange(len(doc)) + head.astype(np.int64)  # HEAD is an offset from the token
    has_aux, has_subject = np.zeros(len(doc), bool), np.zeros(len(doc), bool)
    has_aux[heads[among(doc, dep, ("aux", "auxpass"))]] = True
    has_subject[heads[among(doc, dep, ("nsubj", "nsubjpass"))]] = True
    past = (tag == strings["VBD"]) | ((tag == strings["VBN"]) & has_aux)
    worthy = ((like_num == 1) & ~among(doc, ent, NOT_COUNTS)) | among(doc, ent, NAMED) | \
        (np.frombuffer(bytes(named), np.uint8) == 1) | (verb & past & has_subject)
    return predicts.tolist(), worthy.tolist()
