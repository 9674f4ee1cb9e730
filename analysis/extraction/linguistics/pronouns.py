"""Which earlier words a personal pronoun can point back to: the pronouns for a person and for a body or
group, and how far back their antecedent may lie. Sourcing resolves a pronoun speaker to a name within this
reach; framing takes a pronoun's side from the people named within it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from analysis.extraction.doc_index import doc_index

#: Pronouns that point back to a person, and to a body or a group.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
BODY_PRONOUNS = frozenset({"it", "they", "them"})
#: A pronoun's antecedent lies in its own sentence or at most this many sentences before it ...
PRONOUN_REACH = 3
#: ... or anywhere in its paragraph and the paragraph before ("He added ..." after a paragraph about a named
#: man), but never more than this many sentences back, so that each pronoun reads a bounded window.
PARAGRAPH_REACH = 8


def reach_start(pronoun: Token) -> int:
    """The first token of the earliest sentence in which the pronoun's antecedent may lie: :data:`PRONOUN_REACH`
    sentences back, or further to the start of the paragraph before the pronoun's, at most
    :data:`PARAGRAPH_REACH` sentences back."""
    index = doc_index(pronoun.doc)
    sentence = index.sentence_of(pronoun.i)
    near = max(sentence - PRONOUN_REACH, 0)
    far = max(sentence - PARAGRAPH_REACH, 0)
    text, floor = index.text, index.tokens[index.sentence_starts[far]].idx
    # the start of the paragraph before the pronoun's: back over the break (and blank lines) that begins it
    at = _paragraph_start(text, pronoun.idx, floor)
    while at > floor and text[at - 1].isspace():
        at -= 1
    at = _paragraph_start(text, at, floor)
    first = near
    while first > far and index.tokens[index.sentence_starts[first - 1]].idx >= at:
        first -= 1
    return index.sentence_starts[first]


def _paragraph_start(text: str, offset: int, floor: int) -> int:
    """The offset where the line holding ``offset`` begins, not before ``floor``."""
    return max(text.rfind("\n", floor, offset) + 1, floor)


def candidates(pronoun: Token) -> list[Token]:
    """The words within reach before the pronoun, nearest first."""
    return list(reversed(doc_index(pronoun.doc).tokens[reach_start(pronoun) : pronoun.i]))


def people_named_before(pronoun: Token) -> list[Span]:
    """PERSON entities within reach before the pronoun, nearest first."""
    people = doc_index(pronoun.doc).entities_between(reach_start(pronoun), pronoun.i)
    return [e for e in reversed(people) if e.label_ == "PERSON"]
