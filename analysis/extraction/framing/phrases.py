"""Noun phrases as the framing tables report them (agent, patient, cue target), with the side the catalogue
gives them."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from analysis.catalogue.actors import UNKNOWN_SIDE, Catalogue
from analysis.extraction.doc_index import children_of, doc_index
from analysis.extraction.linguistics.pronouns import PERSON_PRONOUNS, people_named_before
from analysis.extraction.linguistics.sides import side_of_phrase


def _phrase_tokens(token: Token) -> tuple[int, int]:
    """Token bounds of the noun phrase headed by ``token``: its left modifiers, coordinated nouns ("Putin and
    his advisers") and an ``of`` complement ("dozens of settlements"); not relative clauses or other PPs."""
    start, end = token.left_edge.i, token.i + 1
    for child in token.rights:
        if child.dep_ == "conj":
            end = max(end, _phrase_tokens(child)[1])
        elif child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in children_of(child) if c.dep_ == "pobj"]
            if objects:
                end = max(end, objects[0].i + 1)
    is_word = doc_index(token.doc).is_word  # not punctuation, not space: read once, not a Token per look
    while start < end - 1 and not is_word[start]:
        start += 1
    while end - 1 > start and not is_word[end - 1]:
        end -= 1
    return start, end


def side_of_tokens(doc: Doc, start: int, end: int, catalogue: Catalogue) -> str:
    """The side a phrase names, through the catalogue: entity ids, then written forms and demonyms.

    ``other`` when it names only third parties, ``unknown`` when it names none or more than one side.
    """
    tokens = doc_index(doc).tokens[start:end]
    # the tokens' own entity ids, not Span.ents, which walks every entity of the document on each call
    return side_of_phrase([t.text for t in tokens], catalogue, [t.ent_id_ for t in tokens if t.ent_id_])


@dataclass(frozen=True)
class Phrase:
    """A noun phrase as character offsets, with the side the catalogue gives it."""

    text: str
    start: int
    end: int
    side: str


def phrase_of(token: Token, text: str, catalogue: Catalogue) -> Phrase:
    start, end = _phrase_tokens(token)
    doc, index = token.doc, doc_index(token.doc)
    s, e = index.starts[start], index.ends[end - 1]
    side = side_of_tokens(doc, start, end, catalogue)
    if side == UNKNOWN_SIDE and token.lower_ in PERSON_PRONOUNS:
        side = _pronoun_side(token, catalogue)
    return Phrase(text[s:e], s, e, side)


def _pronoun_side(pronoun: Token, catalogue: Catalogue) -> str:
    """The side of the last catalogued person named before ``he``/``she`` within the pronoun's reach
    (:mod:`analysis.extraction.linguistics.pronouns`).

    A recency heuristic, not coreference: the text keeps the pronoun; only the side is filled in.
    """
    for ent in people_named_before(pronoun):
        actor = catalogue.get(ent.ent_id_) if ent.ent_id_ else None
        if actor is not None:
            return actor.side
    return UNKNOWN_SIDE
