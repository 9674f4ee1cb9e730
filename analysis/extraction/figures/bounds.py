"""Bounds said away from the number: by a verb ("deaths passed 10,000", "cases surged past 20,000", "topped 5,000
deaths" make the figure a mark the count went beyond, not the count itself, as "more than 10,000" does), or by a
trailing approximator after the counted noun ("counties with 10 cases or fewer"). The words are in
``analysis/data/approximators.yaml`` (``bound_verbs``, ``bound_prepositions``, ``postfix``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis.extraction.doc_index import children_of
from analysis.extraction.figures.grammar import Match
from analysis.extraction.figures.objects import figure_root
from analysis.extraction.figures.tokens import match_phrase
from analysis.extraction.figures.wordlists import Lexicon

#: The class a negated verb of passing gives its figure ("did not exceed 50" allows 50 at most).
NEGATED = {"more_than": "at_most"}
#: Dependencies on the mark's noun that make it another thing's own figure ("China's 3,245 deaths", "the 3,245
#: deaths recorded in China"): what passed it is not what it counts.
OWNED_BY = frozenset({"poss", "acl", "relcl"})


def _mark_noun(root: Token) -> Token:
    """The head of the noun phrase the figure is written in: its counted noun ("5,000 deaths"), the noun of a
    mark it is written on ("the 10,000 mark"), or the figure itself ("passed 10,000")."""
    if root.dep_ in ("nummod", "compound", "amod", "quantmod") and root.head.i != root.i:
        return root.head
    return root


def verb_bound(doc: Doc, match: Match, lex: Lexicon) -> tuple[str, Token] | None:
    """The approximator class and the word that says it, for a figure written exactly whose noun phrase is the
    direct object of a verb of ``bound_verbs`` ("passed 10,000", "topped 5,000 deaths", "crossed the 1 million
    mark") or the object of a preposition of ``bound_prepositions`` on a verb ("surged past 20,000"); a negated
    verb turns "more than" into "at most" (:data:`NEGATED`; another class negated says nothing). None for any
    other figure, one already carrying an approximator, and a mark that is another thing's own figure
    (:data:`OWNED_BY`)."""
    if match.approx != "exact" or match.value != match.value:
        return None
    noun = _mark_noun(figure_root(doc, match))
    if any(c.dep_ in OWNED_BY for c in children_of(noun)):
        return None
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in lex.bound_verbs:
        verb, word, kind = head, head, lex.bound_verbs[head.lemma_.lower()]
    elif (noun.dep_ == "pobj" and head.lower_ in lex.bound_prepositions and head.head.i != head.i
          and head.head.pos_ == "VERB"):
        verb, word, kind = head.head, head, lex.bound_prepositions[head.lower_]
    else:
        return None
    if any(c.dep_ == "neg" for c in children_of(verb)):
        negated = NEGATED.get(kind)
        return (negated, word) if negated else None
    return kind, word


#: Trailing approximators read after a counted noun: the bounds written with "or" ("10 cases or fewer", "50
#: people or more"); "plus" or "+" there is no approximator of the number ("50 people plus staff").
NOUN_POSTFIX_CLASSES = frozenset({"at_least", "at_most"})


def noun_postfix_bound(doc: Doc, match: Match, lex: Lexicon) -> tuple[str, tuple[int, int]] | None:
    """The class and token span of a trailing approximator of ``NOUN_POSTFIX_CLASSES`` written right after the
    noun an exact figure counts ("10 cases or fewer": at_most), where the grammar reads it only after the number
    or its unit; None otherwise."""
    if match.approx != "exact" or match.value != match.value:
        return None
    root = figure_root(doc, match)
    noun = root.head
    if root.dep_ != "nummod" or noun.i != match.end or noun.pos_ != "NOUN":
        return None
    found = match_phrase(doc, noun.i + 1, lex.postfix)
    if found is None or found[1] not in NOUN_POSTFIX_CLASSES or found[0] - noun.i < 3:
        return None
    return found[1], (noun.i + 1, found[0])


def said_bound(doc: Doc, match: Match, lex: Lexicon) -> tuple[str, tuple[int, int]] | None:
    """The approximator class a figure written exactly takes from words away from its number, and the token span
    of those words: a verb of passing a mark (:func:`verb_bound`) or a bound after its counted noun
    (:func:`noun_postfix_bound`); None when there is none."""
    verb = verb_bound(doc, match, lex)
    if verb is not None:
        return verb[0], (verb[1].i, verb[1].i + 1)
    return noun_postfix_bound(doc, match, lex)
