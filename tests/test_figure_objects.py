"""Figure objects on hand-built parses: the tree walks of analysis/extraction/figures/objects.py and events.py
stop at a sentence's root and compare tokens by position.

spaCy makes a new ``Token`` object on every ``doc[i]`` and ``token.head``, so ``token.head is token`` never holds
(not even at the root): these tests give the trees by hand, so that what each walk does at the root is fixed
whatever the parser of the day makes of an invented sentence.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from analysis.extraction.figures.events import event_of
from analysis.extraction.figures.grammar import Match
from analysis.extraction.figures.objects import _path_to_verb, _subject_of, figure_root, object_token
from analysis.extraction.figures.wordlists import lexicon


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def _doc(vocab, rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A parse from ``(word, head position, dependency, coarse tag, lemma)`` rows; a root is its own head."""
    words, heads, deps, pos, lemmas = (list(column) for column in zip(*rows))
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
               spaces=[True] * (len(words) - 1) + [False])


def test_a_figure_that_is_its_sentence_root_is_its_own_root(vocab):
    # "A further 12 per cent" as a headline, the number parsed as the root and the unit hanging on it: the root
    # of the figure is the number (no token of the figure has its head outside it), not its last word
    doc = _doc(vocab, [("A", 2, "det", "DET", "a"), ("further", 2, "amod", "ADJ", "further"),
                       ("12", 2, "ROOT", "NUM", "12"), ("per", 2, "prep", "ADP", "per"),
                       ("cent", 3, "pobj", "NOUN", "cent")])
    assert figure_root(doc, Match(start=2, end=5, core_start=2, core_end=3)).i == 2


def test_a_figure_root_is_the_token_whose_head_is_outside(vocab):
    # "Rents rose 12 per cent": the unit carries the figure into the clause
    doc = _doc(vocab, [("Rents", 1, "nsubj", "NOUN", "rent"), ("rose", 1, "ROOT", "VERB", "rise"),
                       ("12", 3, "nummod", "NUM", "12"), ("per", 4, "compound", "ADP", "per"),
                       ("cent", 1, "dobj", "NOUN", "cent")])
    assert figure_root(doc, Match(start=2, end=5, core_start=2, core_end=3)).i == 4


def test_the_walk_to_a_verb_stops_at_a_root_that_is_no_verb(vocab):
    # "Turnout at 64%" as a headline: no verb sets the figure, so no level or change is read
    doc = _doc(vocab, [("Turnout", 0, "ROOT", "NOUN", "turnout"), ("at", 0, "prep", "ADP", "at"),
                       ("64", 3, "nummod", "NUM", "64"), ("%", 1, "pobj", "NOUN", "%")])
    assert _path_to_verb(doc[3], lexicon()) is None
    assert event_of(doc, Match(start=2, end=4, core_start=2, core_end=3), lexicon()) == ""


def test_the_walk_to_a_verb_climbs_through_a_level_preposition(vocab):
    doc = _doc(vocab, [("Turnout", 1, "nsubj", "NOUN", "turnout"), ("rose", 1, "ROOT", "VERB", "rise"),
                       ("to", 1, "prep", "ADP", "to"), ("64", 4, "nummod", "NUM", "64"), ("%", 2, "pobj", "NOUN", "%")])
    verb, via_prep, other_prep, paid_with = _path_to_verb(doc[4], lexicon())
    assert (verb.i, via_prep, other_prep, paid_with) == (1, True, False, "")


def test_a_root_verb_without_a_subject_gives_none(vocab):
    # "Rose 4% on Friday" (a headline with no subject): the root is not joined to any clause that has one
    doc = _doc(vocab, [("Rose", 0, "ROOT", "VERB", "rise"), ("4", 2, "nummod", "NUM", "4"),
                       ("%", 0, "dobj", "NOUN", "%")])
    assert _subject_of(doc[0], lexicon()) is None


def test_a_joined_verb_takes_the_subject_of_the_verb_it_is_joined_to(vocab):
    # "Shares opened higher and rose 4%": the subject of "opened" is what rose
    doc = _doc(vocab, [("Shares", 1, "nsubj", "NOUN", "share"), ("opened", 1, "ROOT", "VERB", "open"),
                       ("higher", 1, "advmod", "ADV", "high"), ("and", 1, "cc", "CCONJ", "and"),
                       ("rose", 1, "conj", "VERB", "rise"), ("4", 6, "nummod", "NUM", "4"),
                       ("%", 4, "dobj", "NOUN", "%")])
    assert _subject_of(doc[4], lexicon()).i == 0


def test_a_figure_under_an_adjective_root_counts_no_noun(vocab):
    # "Up 4%" as a headline: the figure hangs on the root adverb, which counts nothing
    doc = _doc(vocab, [("Up", 0, "ROOT", "ADV", "up"), ("4", 2, "nummod", "NUM", "4"), ("%", 0, "npadvmod", "NOUN", "%")])
    assert object_token(doc, Match(start=1, end=3, core_start=1, core_end=2), "percent", lexicon()) is None
