"""The `people` table: who the person sources are, and the gender the text itself states of them.

The cases are the specification: each names a text, a source and what the table must say of that source.
Nothing may come from a first name; a pronoun counts only when it can mean nobody else.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.building import schema
from analysis.extraction.people import FEMALE, MALE, UNKNOWN, Evidence, decide, gender_words
from analysis.extraction.pipeline import STAGES, analyse
from analysis.views.summaries.compare import NO_OUTLET
from analysis.views.summaries.sourcing import gender_by_outlet

PEOPLE_STAGES = [s for s in STAGES if s.name in ("mentions", "attributions", "people")]


@pytest.fixture(scope="module")
def people_of(parse):
    """The `people` rows of a text, with their spans checked against the text."""

    def _people(text: str) -> dict:
        parsed = parse(text)
        rows, errors = analyse(parsed, stages=PEOPLE_STAGES)
        assert errors == []
        people = rows["people"]
        for row in people:
            assert text[row.start : row.end] == row.text
            if row.evidence_start is None:
                assert (row.evidence, row.evidence_end, row.evidence_kind) == ("", None, "")
            else:
                assert text[row.evidence_start : row.evidence_end] == row.evidence
        assert len({row.source for row in people}) == len(people)
        return {row.source: row for row in people}

    return _people


# (text, source, gender, evidence, evidence_kind)
CASES = [
    pytest.param(
        "Jane Doe arrived on Monday. She said the plan failed.", "Jane Doe", FEMALE, "She", "pronoun",
        id="resolved-pronoun-she",
    ),
    pytest.param(
        "Tom Hill arrived on Monday. He said the plan failed.", "Tom Hill", MALE, "He", "pronoun",
        id="resolved-pronoun-he",
    ),
    pytest.param("Jane Doe said she was worried.", "Jane Doe", FEMALE, "she", "pronoun", id="pronoun-in-own-report"),
    pytest.param("Mr Smith said the plan failed.", "Smith", MALE, "Mr", "title", id="title-mr"),
    pytest.param("Ms Brown said the plan failed.", "Brown", FEMALE, "Ms", "title", id="title-ms-inside-entity"),
    pytest.param(
        "Mrs. Jane Doe, a mother of two, said she was worried.", "Jane Doe", FEMALE, "Mrs.", "title",
        id="title-with-full-stop-outranks-noun-and-pronoun",
    ),
    pytest.param("Sir Keir Starmer said the plan failed.", "Keir Starmer", MALE, "Sir", "title", id="title-sir"),
    pytest.param(
        "The company's spokeswoman, Jane Doe, said the plan failed.", "Jane Doe", FEMALE, "spokeswoman", "noun",
        id="noun-name-in-apposition",
    ),
    pytest.param(
        "A spokeswoman for Halvern Foods, Jane Doe, said the plan failed.", "Jane Doe", FEMALE, "spokeswoman",
        "noun", id="noun-name-in-apposition-across-the-organisation",
    ),
    pytest.param(
        "Jane Doe, a mother of two, said the plan failed.", "Jane Doe", FEMALE, "mother", "noun",
        id="noun-apposition-after-name",
    ),
    pytest.param(
        "Ukrainian army spokesman Dmytro Lykhoviy told Politico the plan failed.", "Dmytro Lykhoviy", MALE,
        "spokesman", "noun", id="noun-before-name",
    ),
    pytest.param(
        "Jane Doe is a businesswoman. Doe said the plan failed.", "Jane Doe", FEMALE, "businesswoman", "noun",
        id="noun-predicate",
    ),
    pytest.param(
        "His wife, Jane Doe, said the plan failed.", "Jane Doe", FEMALE, "wife", "noun",
        id="noun-not-the-possessor-pronoun",
    ),
    pytest.param("Alex Morgan said the plan failed.", "Alex Morgan", UNKNOWN, "", "", id="only-named"),
    pytest.param("Mary Jones said the plan failed.", "Mary Jones", UNKNOWN, "", "", id="first-name-never-decides"),
    pytest.param(
        "John Smith met Anna Brown on Monday. He said the plan failed.", "Anna Brown", UNKNOWN, "", "",
        id="two-people-he-ambiguous",
    ),
    pytest.param(
        "John Smith met Anna Brown on Monday. She said the plan failed.", "Anna Brown", UNKNOWN, "", "",
        id="two-people-she-ambiguous",
    ),
    pytest.param(
        "Mr Smith met Anna Brown on Monday. She said the plan failed.", "Anna Brown", FEMALE, "She", "pronoun",
        id="two-people-one-titled-the-other-gender",
    ),
    pytest.param(
        "Tom Reeve, whose daughter attends the school, said he would fight the plan.", "Tom Reeve", MALE, "he",
        "pronoun", id="a-noun-of-the-other-gender-does-not-block",
    ),
    pytest.param(
        "Tom Reeve, whose son attends the school, said he would fight the plan.", "Tom Reeve", UNKNOWN, "", "",
        id="a-noun-of-the-same-gender-blocks",
    ),
    pytest.param(
        "The company's spokeswoman, Jane Doe, said the plan failed. He said nothing.", "Jane Doe", FEMALE,
        "spokeswoman", "noun", id="a-he-cannot-mean-a-spokeswoman",
    ),
    pytest.param(
        "Mary Jones met a police officer. He said the plan failed.", "Mary Jones", UNKNOWN, "", "",
        id="unnamed-person-in-reach",
    ),
    pytest.param(
        "Mary Jones resigned. In his statement, John Smith said the plan failed.", "John Smith", UNKNOWN, "", "",
        id="pronoun-before-the-name-it-means",
    ),
    pytest.param(
        "Jane Doe met the board. They said the plan had failed. Doe said it worked.", "Jane Doe", UNKNOWN, "", "",
        id="they-says-nothing",
    ),
    pytest.param(
        "\"I told him he was wrong,\" said Peter Parker.", "Peter Parker", UNKNOWN, "", "",
        id="pronouns-inside-a-quotation",
    ),
    pytest.param(
        "\u2018I told him he was wrong,\u2019 said Peter Parker.", "Peter Parker", UNKNOWN, "", "",
        id="pronouns-inside-single-quotes",
    ),
    pytest.param(
        "Jane Doe said: \"He lied to us and he knows it.\"", "Jane Doe", UNKNOWN, "", "",
        id="quoted-he-is-not-the-speaker",
    ),
    pytest.param(
        "Every voter knows he or she must register, Jane Doe said.", "Jane Doe", UNKNOWN, "", "",
        id="generic-he-or-she",
    ),
    pytest.param(
        "Anna Brown, the chairman's wife, said the plan failed. He said nothing.", "Anna Brown", FEMALE, "wife",
        "noun", id="another-persons-noun-blocks-the-pronoun",
    ),
]


@pytest.mark.parametrize("text, source, gender, evidence, kind", CASES)
def test_gender_is_what_the_text_states(people_of, text, source, gender, evidence, kind):
    row = people_of(text)[source]
    assert (row.gender, row.evidence, row.evidence_kind) == (gender, evidence, kind)
    assert not row.conflicting


def test_conflicting_evidence_is_unknown_and_shows_nothing(people_of):
    row = people_of("Mr. Smith said the plan failed, but Mrs Smith said it worked.")["Smith"]
    assert (row.gender, row.evidence, row.evidence_start, row.evidence_kind, row.conflicting) == (
        UNKNOWN, "", None, "", True,
    )
    assert row.attributions == 2


def test_row_points_at_the_first_mention_of_the_name_without_its_title(people_of):
    text = "Ms Brown said the plan failed. Anna Brown later said it worked."
    rows = people_of(text)
    assert all(row.text != "Ms Brown" for row in rows.values())
    row = next(iter(rows.values()))
    assert row.start == text.index("Brown")


def test_only_person_sources_get_rows(people_of):
    rows = people_of(
        "Halvern Foods said the plan failed. Experts said it worked. Jane Doe, a nurse, said she was unsure."
    )
    assert list(rows) == ["Jane Doe"]
    assert rows["Jane Doe"].gender == FEMALE and rows["Jane Doe"].evidence == "she"


@pytest.mark.parametrize(
    "evidence, expected",
    [
        ([], (UNKNOWN, None, False)),
        ([Evidence(40, 43, FEMALE, "pronoun"), Evidence(0, 2, FEMALE, "title")], (FEMALE, 0, False)),
        ([Evidence(40, 43, MALE, "pronoun"), Evidence(10, 19, MALE, "noun")], (MALE, 10, False)),
        ([Evidence(5, 8, MALE, "pronoun"), Evidence(1, 3, MALE, "pronoun")], (MALE, 1, False)),
        ([Evidence(40, 43, FEMALE, "pronoun"), Evidence(0, 2, MALE, "title")], (UNKNOWN, None, True)),
    ],
    ids=["none", "title-outranks-pronoun", "noun-outranks-pronoun", "earliest-of-a-kind", "conflict"],
)
def test_decide(evidence, expected):
    gender, shown, conflicting = decide(evidence)
    assert (gender, shown.start if shown else None, conflicting) == expected


def test_word_lists_hold_no_first_names_and_no_word_twice():
    words = gender_words()
    assert {"mr", "mrs", "ms", "sir", "dame", "lord", "lady"} <= set(words.titles)
    assert {"spokeswoman", "chairman", "businesswoman", "mother", "actress"} <= set(words.nouns)
    for first_name in ("mary", "john", "jane", "alex", "anna", "peter"):
        assert first_name not in words.titles and first_name not in words.nouns
    assert "actor" not in words.nouns and "spokesperson" not in words.nouns


def test_seed_people_validate_and_their_spans_are_the_text(seed_tables, seed_text):
    people = schema.validate("people", seed_tables.people)
    assert list(people.columns) == schema.columns("people")
    attributions = seed_tables.attributions
    persons = attributions[attributions.source_type == "person"]
    assert sorted(people.source) == sorted(persons.source.unique())
    assert dict(zip(people.source, people.attributions)) == persons.source.value_counts().to_dict()
    for row in people.itertuples(index=False):
        assert seed_text[row.start : row.end] == row.text
        if not pd.isna(row.evidence_start):
            assert seed_text[int(row.evidence_start) : int(row.evidence_end)] == row.evidence
    by_source = people.set_index("source")
    # "Russian President Vladimir Putin and his advisers": nobody else in reach
    assert (by_source.loc["Vladimir Putin", "gender"], by_source.loc["Vladimir Putin", "evidence"]) == (MALE, "his")
    # "Ukrainian army spokesman Dmytro Lykhoviy"
    assert by_source.loc["Dmytro Lykhoviy", "evidence"] == "spokesman"
    # named only, or with a pronoun that another person in reach makes ambiguous
    assert by_source.loc["Volodymyr Zelensky", "gender"] == UNKNOWN
    assert by_source.loc["Oleksandr Syrskyi", "gender"] == UNKNOWN


def test_gender_by_outlet_counts_every_outlet_and_shows_the_unknown():
    documents = pd.DataFrame(
        {"doc_id": ["a", "b", "c", "d"], "outlet": ["Gazette", "", "Gazette", "Herald"]}
    )
    people = pd.DataFrame(
        {
            "doc_id": ["a", "a", "a", "c", "b"],
            "gender": [FEMALE, MALE, UNKNOWN, MALE, UNKNOWN],
        }
    )
    table = gender_by_outlet(people, documents)
    assert list(table.columns) == [
        "outlet", "people", "female", "male", "unknown", "share_female_of_known", "share_unknown",
    ]
    assert table.outlet.tolist() == sorted([NO_OUTLET, "Gazette", "Herald"])
    rows = table.set_index("outlet")
    assert rows.loc["Gazette", ["people", "female", "male", "unknown"]].tolist() == [4, 1, 2, 1]
    assert rows.loc["Gazette", "share_female_of_known"] == pytest.approx(1 / 3)
    assert rows.loc["Gazette", "share_unknown"] == pytest.approx(1 / 4)
    assert rows.loc[NO_OUTLET, ["people", "unknown", "share_unknown"]].tolist() == [1, 1, 1.0]
    assert math.isnan(rows.loc[NO_OUTLET, "share_female_of_known"])
    assert rows.loc["Herald", "people"] == 0 and math.isnan(rows.loc["Herald", "share_unknown"])


def test_gender_by_outlet_of_the_seed(seed_tables):
    table = gender_by_outlet(seed_tables.people, seed_tables.documents)
    assert table.people.sum() == len(seed_tables.people)
    assert (table.female + table.male + table.unknown == table.people).all()


FIRST_NAME_SWAPS = {"Jane": "John", "Mary": "Mark", "Anna": "Andrew", "Tom": "Tina", "Alex": "Alice", "Peter": "Paula"}


@pytest.mark.parametrize("text, source, gender, evidence, kind", CASES)
def test_first_names_never_decide(people_of, text, source, gender, evidence, kind):
    """The same text with every first name swapped for one of the other sex says the same of everyone."""
    swapped_text, swapped_source = text, source
    for name, other in FIRST_NAME_SWAPS.items():
        swapped_text = swapped_text.replace(name + " ", other + " ")
        swapped_source = swapped_source.replace(name + " ", other + " ")
    row = people_of(swapped_text)[swapped_source]
    assert (row.gender, row.evidence, row.evidence_kind) == (gender, evidence, kind)
