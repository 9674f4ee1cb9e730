"""The span-matching rule every scorer shares: two spans match when they share at least half of EACH span."""

from __future__ import annotations

import pytest

from analysis.catalogue.actors import default_catalogue
from analysis.evaluation import match_spans, overlap_share, score_attributions, spans_match


@pytest.mark.parametrize(
    "a, b, expected",
    [
        pytest.param((10, 20), (10, 20), True, id="exact"),
        pytest.param((0, 100), (40, 50), False, id="nested-short-in-long"),
        pytest.param((40, 50), (0, 100), False, id="nested-long-in-short"),
        pytest.param((0, 10), (5, 15), True, id="half-and-half"),
        pytest.param((0, 10), (6, 16), False, id="just-under-half"),
        pytest.param((0, 10), (0, 20), True, id="half-of-the-longer"),
        pytest.param((0, 10), (0, 21), False, id="under-half-of-the-longer"),
        pytest.param((0, 10), (10, 20), False, id="touching"),
        pytest.param((0, 10), (30, 40), False, id="disjoint"),
        pytest.param((5, 6), (5, 6), True, id="one-character-exact"),
        pytest.param((5, 6), (5, 7), True, id="one-character-in-two"),
        pytest.param((5, 6), (4, 7), False, id="one-character-in-three"),
        pytest.param((5, 6), (6, 7), False, id="one-character-neighbours"),
        pytest.param((5, 5), (5, 5), False, id="empty"),
        pytest.param((5, 5), (0, 10), False, id="empty-inside"),
    ],
)
def test_spans_match(a, b, expected):
    assert spans_match(a, b) is expected
    assert spans_match(b, a) is expected


@pytest.mark.parametrize(
    "a, b, share",
    [((0, 10), (5, 15), 0.5), ((0, 100), (40, 50), 0.1), ((0, 4), (0, 4), 1.0), ((0, 4), (8, 9), 0.0)],
)
def test_overlap_share_is_of_the_longer_span(a, b, share):
    assert overlap_share(a, b) == pytest.approx(share)


def test_match_spans_uses_the_rule_and_pairs_best_first():
    sentence, clause, nearly_clause = (0, 100), (40, 60), (38, 60)
    assert match_spans([sentence], [clause]) == []
    assert match_spans([sentence, nearly_clause], [clause]) == [(1, 0)]


def test_a_whole_sentence_is_not_a_content():
    text = "The minister said on Tuesday that the bridge would reopen in May after the repairs were finished."
    content = "the bridge would reopen in May"
    gold = [{"source": "the minister", "kind": "indirect", "content": content, "sentence_id": 0}]
    sentence = [{"source": "The minister", "kind": "indirect", "content_start": 0, "content_end": len(text)}]
    at = text.index(content)
    exact = [{"source": "The minister", "kind": "indirect", "content_start": at, "content_end": at + len(content)}]
    assert score_attributions(sentence, gold, text, default_catalogue()).content.recall == 0.0
    assert score_attributions(exact, gold, text, default_catalogue()).content.recall == 1.0


def test_gold_offsets_are_used_when_given():
    text = "He said no. She said no."
    gold = [{"source": "she", "kind": "direct", "content": "no", "content_start": 21, "content_end": 23}]
    predicted = [{"source": "she", "kind": "direct", "content_start": 21, "content_end": 23}]
    assert score_attributions(predicted, gold, text, default_catalogue()).content.recall == 1.0
