"""Corpus-at-a-glance summaries."""

import pandas as pd

from analysis.views.summaries.overview import actor_mention_counts, mentions_by_side, sentence_length_summary, uncatalogued_names

MENTIONS = pd.DataFrame(
    {
        "doc_id": ["a", "a", "a", "b", "b"],
        "text": ["Putin", "Kyiv", "Acme Corp", "Putin", "Kremlin"],
        "label": ["PERSON", "GPE", "ORG", "PERSON", "GPE"],
        "actor": ["Vladimir Putin", "Ukraine", "", "Vladimir Putin", "Russia"],
        "actor_type": ["person", "government", "", "person", "government"],
        "side": ["Russia", "Ukraine", "unknown", "Russia", "Russia"],
    }
)


def test_actor_mention_counts_most_first_and_stable():
    counts = actor_mention_counts(MENTIONS)
    assert counts.to_dict("records") == [
        {"actor": "Vladimir Putin", "actor_type": "person", "side": "Russia", "mentions": 2, "documents": 2},
        {"actor": "Russia", "actor_type": "government", "side": "Russia", "mentions": 1, "documents": 1},
        {"actor": "Ukraine", "actor_type": "government", "side": "Ukraine", "mentions": 1, "documents": 1},
    ]


def test_uncatalogued_names_are_listed_for_the_catalogue():
    assert uncatalogued_names(MENTIONS)[["text", "mentions"]].values.tolist() == [["Acme Corp", 1]]


def test_mentions_by_side_counts_every_mention():
    table = mentions_by_side(MENTIONS)
    assert table.to_numpy().sum() == len(MENTIONS)
    assert table.loc["Russia", "person"] == 2


def test_sentence_length_summary():
    sentences = pd.DataFrame({"doc_id": ["a", "a", "a"], "sentence_id": [0, 1, 2], "n_words": [10, 20, 31]})
    row = sentence_length_summary(sentences).iloc[0]
    assert (row.sentences, row.mean_words, row.median_words, row.longest_words) == (3, 20.3, 20.0, 31)
