"""Finding the actors the catalogue does not know, and the catalogue stub written for them."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml

from analysis.catalogue.discovery import (
    COLUMNS,
    actor_stub_yaml,
    actors_report,
    name_key,
    normalise_name,
    unknown_actors,
)
from analysis.catalogue.actors import CatalogueError, default_catalogue, load_catalogue


def mentions(rows: list[tuple]) -> pd.DataFrame:
    """Rows of (doc_id, sentence_id, start, text, label, actor)."""
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "start", "text", "label", "actor"])


MENTIONS = mentions(
    [
        ("a", 0, 0, "John Smith", "PERSON", ""),
        ("a", 1, 40, "Jane Smith", "PERSON", ""),
        ("a", 1, 60, "John Smith", "PERSON", ""),
        ("a", 2, 80, "Acme Corp", "ORG", ""),
        ("b", 0, 0, "Acme Corp", "ORG", ""),
        ("b", 0, 20, "Acme Corp", "PERSON", ""),  # the model's label wavers: the most frequent one is kept
        ("b", 1, 30, "John Smith", "PERSON", ""),
        ("b", 1, 50, "Putin", "PERSON", "Vladimir Putin"),  # catalogued: not listed
        ("b", 2, 70, "Tuesday", "DATE", ""),  # not an actor label
        ("b", 2, 90, "Zeta Party", "ORG", ""),
        ("b", 3, 95, "Smith", "PERSON", ""),
    ]
)
ATTRIBUTIONS = pd.DataFrame(
    {
        "source": ["John Smith", "John Smith", "Jane Smith", "", "Vladimir Putin"],
        "speaker": ["Smith", "he", "Jane Smith", "the Acme Corp", "Putin"],
        "side": ["unknown", "unknown", "unknown", "unknown", "Russia"],
    }
)
SENTENCES = pd.DataFrame(
    {
        "doc_id": ["a", "a", "a", "b", "b", "b", "b"],
        "sentence_id": [0, 1, 2, 0, 1, 2, 3],
        "text": [
            "John Smith opened the debate.",
            "Jane Smith answered John Smith.",
            "Acme Corp paid for it.",
            "Acme Corp said so.",
            "John Smith met Putin.",
            "The Zeta Party met on Tuesday.",
            "Smith left.",
        ],
    }
)


def test_unknown_actors_counts_orders_and_samples():
    table = unknown_actors(MENTIONS, ATTRIBUTIONS, SENTENCES)
    assert list(table.columns) == list(COLUMNS)
    assert table.to_dict("records") == [
        {"name": "Acme Corp", "label": "ORG", "mentions": 3, "documents": 2, "quoted": 1,
         "sample_sentence": "Acme Corp paid for it.", "sample_doc_id": "a"},
        {"name": "John Smith", "label": "PERSON", "mentions": 3, "documents": 2, "quoted": 2,
         "sample_sentence": "John Smith opened the debate.", "sample_doc_id": "a"},
        {"name": "Jane Smith", "label": "PERSON", "mentions": 1, "documents": 1, "quoted": 1,
         "sample_sentence": "Jane Smith answered John Smith.", "sample_doc_id": "a"},
        {"name": "Smith", "label": "PERSON", "mentions": 1, "documents": 1, "quoted": 1,
         "sample_sentence": "Smith left.", "sample_doc_id": "b"},
        {"name": "Zeta Party", "label": "ORG", "mentions": 1, "documents": 1, "quoted": 0,
         "sample_sentence": "The Zeta Party met on Tuesday.", "sample_doc_id": "b"},
    ]


def test_ties_are_broken_by_name():
    table = unknown_actors(MENTIONS, ATTRIBUTIONS, SENTENCES)
    assert table["name"].tolist()[:2] == ["Acme Corp", "John Smith"]  # 3 mentions each
    tied = unknown_actors(
        mentions([("a", 0, 0, "Beta", "ORG", ""), ("a", 0, 9, "Alpha", "ORG", ""), ("a", 0, 20, "Gamma", "ORG", "")]),
        ATTRIBUTIONS.iloc[:0],
        SENTENCES,
    )
    assert tied["name"].tolist() == ["Alpha", "Beta", "Gamma"]


def test_the_row_order_of_the_input_does_not_matter():
    shuffled = MENTIONS.sample(frac=1, random_state=3)
    pd.testing.assert_frame_equal(
        unknown_actors(shuffled, ATTRIBUTIONS, SENTENCES), unknown_actors(MENTIONS, ATTRIBUTIONS, SENTENCES)
    )


def test_trivially_different_forms_are_merged():
    table = unknown_actors(
        mentions(
            [
                ("a", 0, 0, "Acme Corp", "ORG", ""),
                ("a", 0, 10, "the Acme Corp", "ORG", ""),
                ("a", 1, 0, "Acme Corp's", "ORG", ""),
                ("a", 1, 20, "Acme Corp\u2019s", "ORG", ""),
                ("a", 2, 0, "ACME  Corp", "ORG", ""),
            ]
        ),
        ATTRIBUTIONS.iloc[:0],
        SENTENCES,
    )
    assert table[["name", "mentions"]].values.tolist() == [["Acme Corp", 5]]


def test_two_different_full_names_are_never_merged():
    table = unknown_actors(
        mentions(
            [
                ("a", 0, 0, "John Smith", "PERSON", ""),
                ("a", 0, 20, "Jane Smith", "PERSON", ""),
                ("a", 1, 0, "Smith", "PERSON", ""),
                ("a", 1, 9, "John Smyth", "PERSON", ""),
            ]
        ),
        ATTRIBUTIONS.iloc[:0],
        SENTENCES,
    )
    assert sorted(table["name"]) == ["Jane Smith", "John Smith", "John Smyth", "Smith"]
    assert set(table["mentions"]) == {1}


def test_quoted_counts_each_attribution_once_by_source_or_speaker():
    attributions = pd.DataFrame(
        {"source": ["John Smith", "John Smith", ""], "speaker": ["John Smith", "his spokesman", "John Smith's"]}
    )
    table = unknown_actors(mentions([("a", 0, 0, "John Smith", "PERSON", "")]), attributions, SENTENCES)
    assert table["quoted"].tolist() == [3]


def test_top_and_empty_inputs():
    assert len(unknown_actors(MENTIONS, ATTRIBUTIONS, SENTENCES, top=2)) == 2
    empty = unknown_actors(MENTIONS.iloc[:0], ATTRIBUTIONS.iloc[:0], SENTENCES.iloc[:0])
    assert list(empty.columns) == list(COLUMNS) and empty.empty
    no_sentences = unknown_actors(MENTIONS, ATTRIBUTIONS, SENTENCES.iloc[:0])
    assert set(no_sentences["sample_sentence"]) == {""}


@pytest.mark.parametrize(
    "written, shown",
    [
        ("the Acme Corp", "Acme Corp"),
        ("Acme Corp's", "Acme Corp"),
        ("Acme Corp\u2019s", "Acme Corp"),
        ("Jones'", "Jones"),
        ("  Acme \n Corp ", "Acme Corp"),
        ("O'Brien", "O'Brien"),
        ("Theresa May", "Theresa May"),
    ],
)
def test_normalise_name(written, shown):
    assert normalise_name(written) == shown
    assert name_key(written) == shown.casefold()


# --- the stub ---------------------------------------------------------------------------------------------------


def test_stub_parses_and_loads_once_groups_are_filled(tmp_path):
    unknown = unknown_actors(MENTIONS, ATTRIBUTIONS, SENTENCES)
    stub = actor_stub_yaml(unknown)
    assert stub == actor_stub_yaml(unknown)  # deterministic
    raw = yaml.safe_load(stub)
    assert raw["groups"] == []
    assert [e["name"] for e in raw["actors"]] == unknown["name"].tolist()
    assert {(e["type"], e["group"]) for e in raw["actors"]} == {("person", ""), ("institution", "")}
    assert all(e["aliases"] == [] for e in raw["actors"])
    assert "fill in" in stub and "groups" in stub

    (tmp_path / "actors.yaml").write_text(stub, encoding="utf-8")
    with pytest.raises(CatalogueError, match="`group` is empty"):
        load_catalogue(tmp_path)

    filled = stub.replace("groups: []", "groups: [Acme group]").replace('group: ""', "group: Acme group", 1)
    filled = filled.replace('group: ""', "group: other")
    (tmp_path / "actors.yaml").write_text(filled, encoding="utf-8")
    catalogue = load_catalogue(tmp_path)
    assert catalogue.lookup("Acme Corp")[0].group == "Acme group"
    assert catalogue.lookup("John Smith")[0].group == "other"
    assert catalogue.lookup("Zeta Party")[0].group == "other"
    assert len(catalogue.actors) == len(default_catalogue().actors) + len(unknown)


def test_stub_quotes_awkward_names_and_keeps_a_norp_label(tmp_path):
    unknown = unknown_actors(
        mentions(
            [
                ("a", 0, 0, 'Acme: "The" Company #1', "ORG", ""),
                ("a", 0, 30, "Greens", "NORP", ""),
                ("a", 0, 40, "Ruritania", "GPE", ""),
            ]
        ),
        ATTRIBUTIONS.iloc[:0],
        pd.DataFrame({"doc_id": ["a"], "sentence_id": [0], "text": ["A line\nbroken # in two"]}),
    )
    stub = actor_stub_yaml(unknown)
    entries = {e["name"]: e for e in yaml.safe_load(stub)["actors"]}
    assert set(entries) == {'Acme: "The" Company #1', "Greens", "Ruritania"}
    assert entries["Greens"]["label"] == "NORP"
    assert entries["Ruritania"]["type"] == "place" and "label" not in entries["Ruritania"]
    (tmp_path / "actors.yaml").write_text(stub.replace('group: ""', "group: other"), encoding="utf-8")
    catalogue = load_catalogue(tmp_path)
    assert catalogue.lookup("Greens")[0].label == "NORP"


def test_stub_of_nothing_is_still_a_catalogue_file(tmp_path):
    stub = actor_stub_yaml(unknown_actors(MENTIONS.iloc[:0], ATTRIBUTIONS.iloc[:0], SENTENCES.iloc[:0]))
    (tmp_path / "actors.yaml").write_text(stub, encoding="utf-8")
    assert load_catalogue(tmp_path) == default_catalogue()


def test_report_lists_the_names_and_the_coverage():
    report = actors_report(MENTIONS, ATTRIBUTIONS, SENTENCES, top=2)
    lines = report.splitlines()
    assert "1 of 10 mentions" in lines[0] and "4 of 5 attributions" in lines[0]
    assert "5 names not in the catalogue; the 2 most mentioned" in lines[1]
    assert lines[3].split()[:3] == ["1", "Acme", "Corp"] and "a: Acme Corp paid for it." in lines[3]
    assert len(lines) == 5
    assert report == actors_report(MENTIONS, ATTRIBUTIONS, SENTENCES, top=2)
