"""Whether a verb is passive: the one rule that sourcing (a reporting verb with no speaker) and framing (an
action's agent and patient) both read."""

from __future__ import annotations

from spacy.tokens import Token

from analysis.extraction.doc_index import children_of


def is_passive(verb: Token) -> bool:
    """A passive clause ("have been captured", "it was announced") or a passive participle describing a noun
    ("settlements captured by ...", "figures released by ...")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in children_of(verb))


def by_agent(verb: Token) -> Token | None:
    """The noun of a passive verb's ``by`` phrase ("captured by Ukraine" -> Ukraine), if it has one."""
    by = next((c for c in children_of(verb) if c.dep_ == "agent"), None)
    return next((c for c in children_of(by) if c.dep_ == "pobj"), None) if by is not None else None
