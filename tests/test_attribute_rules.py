"""The model's attribute ruler matched by lookup (``analysis.extraction.attribute_rules``): every token gets the
part of speech, tag, morphology and lemma that spaCy's own matching gives it."""

from __future__ import annotations

import pytest
import spacy

from analysis.extraction.attribute_rules import IndexedAttributeRules, _test, index_attribute_ruler
from analysis.extraction.nlp import ATTRIBUTE_RULER, model_name

# Made up for this test: contractions, dropped g's, pronouns as subject and object, auxiliaries, spaces and
# line breaks, numbers and symbols, the forms the ruler's one-token and two-token patterns name.
TEXTS = [
    "I ain't goin' nowhere, she said, and they didn't ask 'em why.\n\nWe're doin' nothin' wrong.",
    "Y'all can't say that it's been done; ol' Mr Brask won't, and you'd better not.",
    "The 40   homes were flooded , officials  said. Is it? Are they? I am, I'm not, ya know.",
    "Somethin' happened at 9am: €3.5m was lost (about 12%), because the board whose chair resigned had voted.",
    "  \n Headline Without A Verb\nBy A Reporter\n\nShares fell 3% after the company cut its forecast.",
]


@pytest.fixture(scope="module")
def pipelines():
    plain = spacy.load(model_name())
    indexed = spacy.load(model_name())
    index_attribute_ruler(indexed.get_pipe(ATTRIBUTE_RULER))
    return plain, indexed


def _attributes(doc) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_gets_what_the_models_own_ruler_gives_it(pipelines, text):
    plain, indexed = pipelines
    assert _attributes(indexed(text)) == _attributes(plain(text))


def test_the_matches_are_the_rulers_own_in_its_order(pipelines):
    plain, _ = pipelines
    ruler = plain.get_pipe(ATTRIBUTE_RULER)
    lookup = IndexedAttributeRules(ruler)
    with plain.select_pipes(disable=[ATTRIBUTE_RULER, "lemmatizer", "ner"]):
        docs = list(plain.pipe(TEXTS))
    for doc in docs:
        assert lookup(doc) == ruler.match(doc)
    assert len(lookup.matcher) < len(ruler.patterns) / 10  # nearly every rule is looked up


def test_a_predicate_it_does_not_handle_is_left_to_the_matcher():
    strings = spacy.blank("en").vocab.strings
    hash_of = strings.__getitem__
    assert _test(0, {"FUZZY": "nothing"}, hash_of) is None
    assert _test(1, {"REGEX": "^NN"}, hash_of) is None  # a regular expression over the tag: not handled
    assert _test(3, "yes", hash_of) is None  # IS_SPACE compared with a string
    signature = (hash_of("nothin'"), hash_of("NN"), hash_of("dobj"), 0)
    text = strings.__getitem__
    assert _test(0, {"REGEX": "^n[ou]thin'$"}, hash_of)(signature, text)
    assert not _test(0, {"REGEX": "^n[ou]thin$"}, hash_of)(signature, text)
    assert _test(1, {"NOT_IN": ["TO", ""]}, hash_of)(signature, text)
    assert not _test(2, {"IN": ["nsubj"]}, hash_of)(signature, text)
