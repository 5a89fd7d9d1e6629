"""The Doc attributes our components read and write, registered in one place.

Each holds records from ``claimgraph.model`` with character offsets into ``doc.text``, so a
spaCy user gets the same records the CLI prints. Components assign fresh lists; the defaults
are never mutated.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_ATTRIBUTES = {
    "published": None,  # datetime.date the article was (or is inferred to be) published
    "entities": (),  # list[model.Entity]
    "quotes": (),  # list[model.Quote]
    "claims": (),  # list[model.Claim]
    "hedges": (),  # list[model.Cue]: hedge cues that no claim holds
    "quantities": (),  # list[model.Quantity]
    "times": (),  # list[model.TimeExpression]
}


def register() -> None:
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
