"""Which earlier words a personal pronoun can point back to: the pronouns for a person and for a body or
group, and how far back their antecedent may lie. Sourcing resolves a pronoun speaker to a name within this
reach; framing takes a pronoun's side from the people named within it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from analysis.extraction.doc_index import doc_index

#: Pronouns that point back to a person, and to a body or a group.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
BODY_PRONOUNS = frozenset({"it", "they", "them"})
#: A pronoun's antecedent lies in its own sentence or at most this many sentences before it.
PRONOUN_REACH = 3


def reach_start(pronoun: Token) -> int:
    """The first token of the earliest sentence in which the pronoun's antecedent may lie."""
    index = doc_index(pronoun.doc)
    return index.sentence_starts[max(index.sentence_of(pronoun.i) - PRONOUN_REACH, 0)]


def candidates(pronoun: Token) -> list[Token]:
    """The words within reach before the pronoun, nearest first."""
    return list(reversed(doc_index(pronoun.doc).tokens[reach_start(pronoun) : pronoun.i]))


def people_named_before(pronoun: Token) -> list[Span]:
    """PERSON entities within reach before the pronoun, nearest first."""
    people = doc_index(pronoun.doc).entities_between(reach_start(pronoun), pronoun.i)
    return [e for e in reversed(people) if e.label_ == "PERSON"]
