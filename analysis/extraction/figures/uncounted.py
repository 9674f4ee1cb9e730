"""Figures that count nothing that is or was, and so are never compared with a count: a threshold (a bound in a
rule or a category: "counties with 10 cases or fewer", "gatherings of more than 50 people are banned"), a
projection (what may, will or is expected to be: "could kill up to 2.2 million", "the model projects 100,000
deaths"), a rate ("a death rate of 3.4%", "5 deaths per 100,000 residents") and the base a rate is per ("per
100,000 residents"). These are values of the ``figures`` column ``measure``, read from the parse; the words are
in ``analysis/data/figure_context.yaml``.

Not read: a threshold or a projection said in another sentence ("The model has two scenarios. In the first,
100,000 die."), a rate written without "per" or a rate noun ("one in five adults").
"""

from __future__ import annotations

import dataclasses
from typing import Sequence

from spacy.tokens import Doc, Token

from analysis.extraction.doc_index import children_of
from analysis.extraction.figures.context import (
    ContextWords, FigureContext, context_words, figure_context, states_present_count,
)
from analysis.extraction.figures.grammar import Match
from analysis.extraction.figures.objects import clause_head, figure_root
from analysis.extraction.figures.sameness import singular
from analysis.extraction.figures.tokens import token_at
from analysis.extraction.figures.wordlists import Lexicon

#: Approximators whose interval is open on one side: only a bound can be a category's limit ("states with
#: more than 1,000 cases"; "states with 1,000 cases" may count them).
OPEN_BOUNDS = frozenset({"at_least", "more_than", "at_most", "less_than"})
#: Approximators of an upper bound: what a rule allows ("no more than 10 people are allowed").
UPPER_BOUNDS = frozenset({"at_most", "less_than"})
#: Penn tag of a plural common noun: a class of things ("states", "gatherings"), not one of them.
PLURAL_NOUN = "NNS"
#: Penn tag of a present participle ("reporting" in "states reporting over 100 cases").
PARTICIPLE = "VBG"
#: Clauses read for a modal or a word of expectation: the figure's own, and up to two it completes ("deaths are
#: expected to reach 60,000", "experts expect deaths to reach 60,000").
CLAUSE_STEPS = 3
#: Dependencies of a clause that completes the verb above it, whose modality it takes.
COMPLEMENT_CLAUSES = frozenset({"xcomp", "ccomp"})


def _phrase_head(root: Token) -> Token:
    """The noun a figure is written on ("50" in "more than 50 people": people), or the figure's own root."""
    if root.dep_ in ("nummod", "compound") and root.head.i != root.i and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    return root


def _is_base(noun: Token) -> bool:
    """The base a rate is per: "per 100,000 residents", "per 100,000"."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "per"


def _word_before(doc: Doc, i: int) -> Token | None:
    return token_at(doc, i - 1) if i > 0 else None


def _is_threshold(doc: Doc, match: Match, noun: Token, approx: str, cw: ContextWords) -> bool:
    """A bound in a rule or a category: an open bound written right after a plural noun that is no sentence's
    root, or after "with" on a plural noun ("people over 65", "gatherings larger than 50", "states with more
    than 1,000 cases"), or after a participle on a plural noun ("states reporting over 100 cases"); any figure "of" a
    plural noun of ``size_nouns`` ("gatherings of 10 or more", "groups of 10"); the figure a word of
    ``limit_words`` sets or is of ("limited gatherings to 10 people", "capped at 50", "a limit of 10"); an upper
    bound that is the subject of a verb of ``permission_verbs`` ("no more than 10 people are allowed").
    A singular noun is one thing, not a category ("the only state with more than 1,000 cases", "a crowd of
    2,000"), and a bound after a comma describes what comes before ("New York, with more than 1,000 cases")."""
    before = _word_before(doc, match.start)
    owner = _word_before(doc, before.i) if before is not None else None
    # a headline's "US deaths over 10,000" has no verb: there the bound is the count's
    if before is not None and approx in OPEN_BOUNDS and before.tag_ == PLURAL_NOUN and before.dep_ != "ROOT":
        return True
    # "states reporting over 100 cases", "countries having more than 1,000 cases": the bound sorts the class the
    # participle hangs on, as "with" does
    if before is not None and approx in OPEN_BOUNDS and before.dep_ == "acl" and before.tag_ == PARTICIPLE and (
            before.head.tag_ == PLURAL_NOUN):
        return True
    if before is not None and owner is not None and owner.tag_ == PLURAL_NOUN:
        if approx in OPEN_BOUNDS and before.lower_ == "with":
            return True
        if before.lower_ == "of" and owner.lemma_.lower() in cw.size_nouns:
            return True
    governor = noun.head
    if noun.dep_ == "pobj" and governor.head.i != governor.i and governor.head.lemma_.lower() in cw.limit_words:
        return True
    return approx in UPPER_BOUNDS and noun.dep_ in ("nsubj", "nsubjpass") and (
        governor.lemma_.lower() in cw.permission_verbs)


def _modal_clause(verb: Token, cw: ContextWords) -> bool:
    """Whether a clause says what may be: a modal verb on it, a verb of expectation, a noun of projection as its
    subject ("the model shows"), or the mark of a condition ("if")."""
    for child in children_of(verb):
        if child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in cw.projection_nouns:
            return True
        if child.dep_ == "mark" and child.lower_ in cw.condition_marks:
            return True
    return verb.lemma_.lower() in cw.projection_verbs


def _is_projection(root: Token, noun: Token, cw: ContextWords) -> bool:
    """What may, will or is expected to be: a figure whose clause, or a clause it completes, is modal
    (:func:`_modal_clause`: "could kill up to 2.2 million", "are expected to reach 60,000", "the model projects
    100,000 to 240,000 deaths"), whose noun a participle of expectation describes ("the projected 100,000
    deaths"), or that a noun of projection is "of" ("a projection of 100,000 deaths")."""
    if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in cw.projection_verbs for c in children_of(noun)):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in cw.projection_nouns:
        return True
    verb = clause_head(root)
    for _ in range(CLAUSE_STEPS):
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        if _modal_clause(verb, cw):
            return True
        if verb.dep_ not in COMPLEMENT_CLAUSES or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _per_number(token: Token, cw: ContextWords) -> bool:
    """Whether ``token`` has a "per" phrase of a number or of ``rate_bases`` ("per 100,000 residents", "per
    capita"); "per day" is not one."""
    for prep in children_of(token):
        if prep.dep_ == "prep" and prep.lower_ == "per":
            for base in children_of(prep):
                numbered = base.like_num or any(c.dep_ == "nummod" for c in children_of(base))
                if base.dep_ == "pobj" and (numbered or base.lemma_.lower() in cw.rate_bases):
                    return True
    return False


def _is_rate(root: Token, noun: Token, object_text: str, cw: ContextWords) -> bool:
    """A rate: a figure per a number or per capita, the "per" phrase on its noun or its clause's verb ("5 deaths
    per 100,000 residents"), or whose object's head noun is a rate noun ("a death rate of 3.4%")."""
    words = object_text.casefold().split()
    if words and singular(words[-1]) in cw.rate_nouns:
        return True
    return _per_number(noun, cw) or _per_number(clause_head(root), cw)


def uncounted_measure(doc: Doc, match: Match, approx: str, object_text: str, cw: ContextWords) -> str:
    """``base``, ``threshold``, ``projection`` or ``rate`` for a figure that counts nothing that is or was, in that
    order (a base is never a claim; a rule's bound is no projection), else "". ``approx`` is the figure's
    approximator class as read (a bound said by a verb included), ``object_text`` its object as written."""
    root = figure_root(doc, match)
    noun = _phrase_head(root)
    if _is_base(noun) or _is_base(root):
        return "base"
    if _is_threshold(doc, match, noun, approx, cw):
        return "threshold"
    if _is_projection(root, noun, cw):
        return "projection"
    if _is_rate(root, noun, object_text, cw):
        return "rate"
    return ""


#: Quantity kinds whose figure stated in the present tense is a running total ("the country has 100,717 cases"):
#: a count grows from one report to the next; a sum or an area stated so is no snapshot of a growing total.
RUNNING_KINDS = frozenset({"count"})


def figure_context_of(doc: Doc, match: Match, lex: Lexicon, matches: Sequence[Match] = (), *, approx: str = "",
                      object_text: str = "", quantity_kind: str = "") -> FigureContext:
    """:func:`analysis.extraction.figures.context.figure_context`, except that a figure that counts nothing that
    is or was (a threshold, a projection, a rate or its base: :func:`uncounted_measure`, given its approximator
    class ``approx`` and its ``object_text``) has that as its measure, whatever its clause says of days; and a
    count (:data:`RUNNING_KINDS`) whose clause marks no measure but states it in the present tense or present
    perfect (:func:`~analysis.extraction.figures.context.states_present_count`: "the country has 100,717
    cases") is a running total (``cumulative``): two such of one day that differ may be snapshots hours apart,
    not a contradiction."""
    found = figure_context(doc, match, lex, matches)
    uncounted = uncounted_measure(doc, match, approx or match.approx, object_text, context_words())
    if uncounted:
        return dataclasses.replace(found, measure=uncounted)
    if not found.measure and quantity_kind in RUNNING_KINDS and states_present_count(doc, match):
        return dataclasses.replace(found, measure="cumulative")
    return found
