"""Proper names around a speaker's head word: a person's name without the role words before it, and a named
body's whole name."""

from __future__ import annotations

from spacy.tokens import Span, Token

from analysis.doc_index import doc_index
from analysis.sources.wordlists import bare_word, lexicon


def name_run(head: Token) -> list[Token]:
    """The proper name ending at ``head``: its entity, else its run of proper-noun compounds."""
    index = doc_index(head.doc)
    entity = index.entity(head.i)
    if entity is not None:
        return [t for t in entity if t.tag_ != "POS" and not (t.i == entity.start and t.lower_ == "the")]
    if head.pos_ != "PROPN":
        return []
    tokens, first = index.tokens, head.i
    while first > 0 and tokens[first - 1].pos_ == "PROPN" and tokens[first - 1].head.i == head.i:
        first -= 1
    return list(tokens[first : head.i + 1])


def person_name(head: Token) -> list[Token]:
    """The person's name around ``head``, leading role words ("Mayor", "Dr", "Landlord") left out."""
    tokens = name_run(head)
    while len(tokens) > 1 and _is_role_word(tokens[0]):
        tokens = tokens[1:]
    return tokens


def _is_role_word(token: Token) -> bool:
    """A word written before a name that describes the person rather than names them: a title, honorific or
    occupation from ``source_nouns.yaml`` ("Dr", "Councillor", "Landlord"), a lowercase word or a gerund.
    Not recognised: descriptions missing from the lists, which stay in the name."""
    lex, bare = lexicon(), bare_word(token.text)
    return not token.text[:1].isupper() or bare in lex.title_words or bare in lex.honorifics or token.tag_ == "VBG"


def _run_end(token: Token) -> Token:
    """The last word of the proper-noun compound that ``token`` begins or continues."""
    while token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i > token.i:
        token = token.head
    return token


def modifies_noun(token: Token) -> bool:
    """A name used as a modifier of a common noun ("the Kanderan delegation", "Lumora Bio shares"): it names
    neither a person nor a speaking body there."""
    end = _run_end(token)
    return token.pos_ == "ADJ" or (end.dep_ in ("compound", "nmod", "amod") and end.head.pos_ == "NOUN")


def body_run(entity: Span) -> list[Token]:
    """A named body's words: its entity widened to the whole proper-noun phrase it heads or belongs to (the
    small model splits "St Anne's Hospital" and sometimes "Halvern Foods"), without a leading "the" or a
    trailing possessive ending."""
    doc, root = entity.doc, _run_end(entity.root)
    first = min(entity.start, root.i)
    while first > 0 and root.is_ancestor(doc[first - 1]) and (doc[first - 1].pos_ == "PROPN" or doc[first - 1].tag_ == "POS"):
        first -= 1
    tokens = list(doc[first : max(entity.end, root.i + 1)])
    while tokens and (tokens[0].lower_ == "the" or tokens[0].tag_ == "POS"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens
