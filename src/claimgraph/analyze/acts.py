"""The kind of act a quote reports: speech, thought, intention or evidence.

Decided from the cue's lemma and its construction, with the word lists of ``data/acts.json``
(loaded once):
- evidence: the speaker is a record or finding rather than an agent ("data shows", "footage
  suggests", "according to a survey", "a study by the institute concluded"; but "according
  to a report from the Journal" is the Journal's speech), or the cue is a verb of showing or
  finding ("found that", "showed that");
- intention: a verb or noun of wanting, planning, trying or demanding ("wants", "plans to",
  "seeks", "demanded"), a verb of hoping, expecting or committing with an infinitive of its own
  ("hopes to win", "vowed to fight", "refused to resign"; "hopes that ..." is a thought,
  "expects prices to rise" too), a verb of committing or proposing with a thing as its
  object ("vowed revenge", "proposed a ban"), or an appeal ("called for a ban", "asked for
  help"); but words quoted are speech, whatever the verb ('"Hands up!" an officer
  ordered'), and so is a question ("demanded how he could be so sure");
- thought: a verb or noun of believing, fearing, doubting, hoping, knowing, or of appearing
  said of a person ("she seems to think ...": a judgement, not a statement; said of a thing it
  is the writer's and no quote, see ``attribution.no_source``), or a belief as the speaker ("a
  common belief says ...");
- speech: everything else (said, told, wrote, tweeted, announced, a statement, "X: ...").

``keep_acts`` keeps only the quotes of some acts (``analyze --acts speech``).
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from claimgraph.analyze.persons import is_person_noun
from claimgraph.analyze.speakers import asks, is_infinitive
from claimgraph.errors import ConfigError, InputError
from claimgraph.model import QUOTE_ACTS, Analysis, QuoteAct

LEXICON = Path(__file__).resolve().parent / "data" / "acts.json"


@dataclass(frozen=True)
class ActLexicon:
    thought: frozenset[str]
    intention: frozenset[str]
    intention_with_infinitive: frozenset[str]
    intention_with_object: frozenset[str]
    intention_with_for: frozenset[str]
    evidence_verbs: frozenset[str]
    evidence_sources: frozenset[str]
    evidence_even_authored: frozenset[str]


@cache
def act_lexicon(path: Path = LEXICON) -> ActLexicon:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ActLexicon(**{k: frozenset(data[k]) for k in (
            "thought", "intention", "intention_with_infinitive", "intention_with_object",
            "intention_with_for", "evidence_verbs", "evidence_sources",
            "evidence_even_authored")})
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ConfigError(f"act lexicon {path} is unreadable: {err}") from err


def act_of(cue: Token | None, speaker: Token | None, quoted: bool = False,
           lex: ActLexicon | None = None) -> QuoteAct:
    """The act of a quote with cue token ``cue`` and speaker head ``speaker`` (either may be
    None: a quotation without a cue is speech); ``quoted`` when its words are a quotation."""
    act = _act(cue, speaker, lex or act_lexicon())
    return "speech" if quoted and act == "intention" else act


def _act(cue: Token | None, speaker: Token | None, lex: ActLexicon) -> QuoteAct:
    # A subject the tagger took for an adjective ("The scan revealed") is still a noun, and
    # "data" has the lemma "datum".
    names = {speaker.lemma_.lower(), speaker.lower_} if speaker is not None else set()
    if speaker is not None and (speaker.pos_ in ("NOUN", "PROPN") or speaker.dep_ == "nsubj") \
            and names & lex.evidence_sources and (
                names & lex.evidence_even_authored or not _authored(speaker)):
        return "evidence"
    if speaker is not None and speaker.pos_ == "NOUN" and speaker.lemma_.lower() in lex.thought \
            and not is_person_noun(speaker.lemma_.lower()):  # "the suspect said" is speech
        return "thought"  # "a common belief says ...": a view held, not anyone's statement
    if cue is None or cue.text == ":":
        return "speech"
    forms = _forms(cue)
    if forms & lex.evidence_verbs and cue.pos_ in ("VERB", "AUX"):
        return "evidence"
    if forms & lex.intention_with_infinitive and _own_infinitive(cue):
        return "intention"
    if forms & lex.intention_with_object and _thing_committed(cue):
        return "intention"
    if "demand" in forms and any(c.dep_ == "ccomp" and asks(c) for c in cue.children):
        return "speech"  # "demanded how he could be so sure": a question asked
    if forms & lex.intention or (forms & lex.intention_with_for and _appeal(cue)):
        return "intention"
    if forms & lex.thought:
        return "thought"
    return "speech"


def _authored(noun: Token) -> bool:
    """Whether a record names who made it ("a report from the Journal", "the senator's
    statement"): then its author speaks through it."""
    return noun.ent_type_ == "PERSON" or any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("from", "by") and any(
            o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")  # "records from 2017"
            and (o.pos_ == "PROPN" or o.ent_type_) for o in c.children))
        for c in noun.children)


def _forms(word: Token) -> set[str]:
    """The lemma and the word's own stem guesses: the tagger's lemma is sometimes wrong
    ("hopes" -> "hop")."""
    lower = word.lower_
    forms = {word.lemma_.lower(), lower}
    for ending, restore in (("s", ""), ("es", ""), ("d", ""), ("ed", ""), ("ing", ""),
                            ("ing", "e")):
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            forms.add(lower[: -len(ending)] + restore)
    return forms


def _thing_committed(verb: Token) -> bool:
    """Whether ``verb`` commits to or puts forward a thing, not a clause ("vowed revenge",
    "proposed a ban"; "promised that ..." states what will be)."""
    deps = {c.dep_ for c in verb.children}
    return "dobj" in deps and "ccomp" not in deps


def _appeal(verb: Token) -> bool:
    """Whether ``verb`` is followed by "for", "on" or "upon" of its own ("called for a ban",
    "called on Congress to act", "asked for help"); not a passive ("when asked for comment")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
            verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)):
        return False
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    return nxt is not None and nxt.lower_ in ("for", "on", "upon") and (
        nxt.head == verb or nxt.head.head == verb)


def _own_infinitive(verb: Token) -> bool:
    """Whether ``verb`` takes a "to" infinitive whose subject is its own ("hopes to win"),
    not another's ("expects prices to rise")."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(
        c.dep_ == "xcomp" and is_infinitive(c)
        and not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)
        for c in verb.children
    )


def keep_acts(analysis: Analysis, acts: Collection[QuoteAct]) -> Analysis:
    """``analysis`` with only the quotes whose act is in ``acts``, and the claims made inside
    them; the outlet's own claims stay. A kept quote nested in a dropped one is no longer
    nested, and a quantity in a dropped claim no longer names it."""
    unknown = set(acts) - set(QUOTE_ACTS)
    if unknown:
        raise InputError(f"unknown acts {sorted(unknown)} (choose from {', '.join(QUOTE_ACTS)})")
    quotes = [q for q in analysis.quotes if q.act in acts]
    kept = {q.id for q in quotes}
    quotes = [q if q.nested_in is None or q.nested_in in kept
              else q.model_copy(update={"nested_in": None}) for q in quotes]
    claims = [c for c in analysis.claims if c.quote is None or c.quote in kept]
    claim_ids = {c.id for c in claims}
    quantities = [q if q.claim is None or q.claim in claim_ids
                  else q.model_copy(update={"claim": None}) for q in analysis.quantities]
    return analysis.model_copy(update={"quotes": quotes, "claims": claims,
                                       "quantities": quantities})
