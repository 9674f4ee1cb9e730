"""Bounds said by a verb: "deaths passed 10,000", "cases surged past 20,000", "topped 5,000 deaths" make the
figure a mark the count went beyond, not the count itself, as "more than 10,000" does. The words are in
``analysis/data/approximators.yaml`` (``bound_verbs``, ``bound_prepositions``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis.extraction.doc_index import children_of
from analysis.extraction.figures.grammar import Match
from analysis.extraction.figures.objects import figure_root
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
