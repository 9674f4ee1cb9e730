"""The event of a figure: the predicate it is about."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis.extraction.doc_index import children_of
from analysis.extraction.figures.grammar import Match
from analysis.extraction.figures.objects import figure_root
from analysis.extraction.figures.wordlists import Lexicon


#: Dependencies of a word that completes a verb into one predicate ("tested positive").
COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "advmod"})


def _with_complement(verb: Token, lemma: str, lex: Lexicon) -> str:
    """The verb's lemma, with the word that completes it when the two are an event of ``figure_events.yaml``
    ("tested positive": "test positive", a count of cases; "tested" alone counts tests)."""
    for child in children_of(verb):
        phrase = f"{lemma} {child.lower_}"
        if child.dep_ in COMPLEMENT_DEPS and phrase in lex.event_classes:
            return phrase
    return lemma


def event_of(doc: Doc, match: Match, lex: Lexicon) -> str:
    """Lemma of the predicate the figure is about: the nearest verb above it ("seized", "have been captured"),
    with the word that completes it where the two are one event ("tested positive": "test positive"), the verb
    of a controlled clause ("forced 200,000 people to evacuate"), or the noun of a light-verb construction
    ("were in control of", "took control of")."""
    root = figure_root(doc, match)
    token, last_noun = root, None
    inside = range(match.start, match.end)
    for _ in range(8):
        head = token.head
        if head.i == token.i:
            break
        if head.pos_ == "VERB" or (head.pos_ == "AUX" and head.dep_ in ("ROOT", "ccomp", "conj", "relcl", "advcl")):
            lemma = head.lemma_.lower()
            if token.dep_ in ("dobj", "nsubj") or token.i in inside or token.dep_ == "nummod":
                controlled = [c for c in children_of(head) if c.dep_ in ("xcomp", "ccomp") and c.i > token.i and c.pos_ == "VERB"]
                if controlled and token.dep_ == "dobj" and any(a.lower_ == "to" for a in children_of(controlled[0])):
                    return controlled[0].lemma_.lower()
            if lemma in lex.light_verbs and last_noun is not None:
                return last_noun.lemma_.lower()
            return "" if lemma == "be" else _with_complement(head, lemma, lex)
        if head.pos_ == "NOUN" and head.i not in inside and last_noun is None and token.dep_ in ("prep", "pobj"):
            last_noun = head
        token = head
    return ""
