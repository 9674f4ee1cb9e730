"""Name variants: which written names are one person (analysis/sources/names.py).

A merge that loses a real person is worse than a missed merge: every pair below is checked in both directions,
and the must-not-merge pairs are the cases a surname edit distance alone would have merged.
"""

from __future__ import annotations

import doctest

import pytest

from analysis.extraction.sources import attribution_rows, names
from analysis.extraction.sources.names import (
    NameMatch,
    match_full_name,
    parse_name,
    plausible_misspelling,
    same_person,
    transliteration_key,
)

#: Pairs of names that are one person.
MUST_MERGE = [
    pytest.param("Pavel Horvath", "Pavel Horvat", id="misspelt-surname-same-given"),
    pytest.param("John Smyth", "John Smith", id="smyth-smith-same-given"),
    pytest.param("Maria Gonzales", "Maria Gonzalez", id="one-letter-in-eight"),
    pytest.param("Horvat", "Pavel Horvath", id="bare-misspelt-surname"),
    pytest.param("J. Smith", "John Smith", id="initial-vs-given"),
    pytest.param("J Smith", "John Smith", id="initial-without-stop"),
    pytest.param("Eric Massa", "Eric J. Massa", id="middle-initial-left-out"),
    pytest.param("E. J. Massa", "Eric J. Massa", id="two-initials"),
    pytest.param("Smith", "John Smith", id="bare-surname"),
    pytest.param("Mr Smith", "John Smith", id="title-surname"),
    pytest.param("Volodymyr Zelensky", "Volodymyr Zelenskyy", id="translit-y-yy"),
    pytest.param("Volodymyr Zelenskiy", "Volodymyr Zelenskyy", id="translit-iy-yy"),
    pytest.param("Zelenskiy", "Volodymyr Zelensky", id="translit-bare-surname"),
    pytest.param("Andriy Yermak", "Andrii Yermak", id="translit-given-iy-ii"),
    pytest.param("Ilham Aliyev", "Ilham Aliev", id="translit-ye-ie"),
    pytest.param("Oleksandr Kharchenko", "Oleksandr Harchenko", id="translit-kh-h"),
    pytest.param("Anna Kravets", "Anna Kravetz", id="translit-ts-tz"),
    pytest.param("José Núñez", "Jose Nunez", id="accents"),
]

#: Pairs of names that are two people (or may be), however close the surnames.
MUST_NOT_MERGE = [
    pytest.param("Eric J. Massa", "Julie Mason", id="massa-mason"),
    pytest.param("Eric Massa", "Julie Mason", id="massa-mason-no-initial"),
    pytest.param("John Smith", "Jane Smith", id="john-jane-smith"),
    pytest.param("Jon Smith", "John Smith", id="different-given-one-letter"),
    pytest.param("J. Smith", "K. Smyth", id="similar-surnames-different-initials"),
    pytest.param("A. Mason", "E. Massa", id="massa-mason-initials"),
    pytest.param("J. Smith", "Karen Smith", id="initial-of-another-name"),
    pytest.param("John A. Smith", "John B. Smith", id="different-middle-initials"),
    pytest.param("Oleksandr Zelensky", "Alexander Zelensky", id="oleksandr-alexander"),
    pytest.param("Volodymyr Zelensky", "Volodymyr O. Zelenskyy", id="translit-needs-same-parts"),
    pytest.param("Massa", "Julie Mason", id="bare-surname-two-edits-in-five"),
    pytest.param("Mr Bason", "John Mason", id="different-first-letter"),
    pytest.param("Kin", "Jae Kim", id="short-surname"),
    pytest.param("Mr Le", "Wei Lee", id="short-surname-same-key"),
    pytest.param("Ly", "Wei Li", id="two-letter-surnames"),
]


@pytest.mark.parametrize("first, second", MUST_MERGE)
def test_one_person_both_directions(first, second):
    assert same_person(parse_name(first), parse_name(second))
    assert same_person(parse_name(second), parse_name(first))


@pytest.mark.parametrize("first, second", MUST_NOT_MERGE)
def test_two_people_both_directions(first, second):
    assert not same_person(parse_name(first), parse_name(second))
    assert not same_person(parse_name(second), parse_name(first))


def _full(name: str) -> bool:
    return bool(parse_name(name).given)


@pytest.mark.parametrize("first, second", MUST_MERGE)
def test_a_name_matches_its_one_full_name_either_way(first, second):
    for written, full in ((first, second), (second, first)):
        if _full(full):
            assert match_full_name(written, [full]).canonical == full


@pytest.mark.parametrize("first, second", MUST_NOT_MERGE)
def test_a_name_never_matches_another_persons_full_name(first, second):
    for written, full in ((first, second), (second, first)):
        assert match_full_name(written, [full]) == NameMatch("", "")


@pytest.mark.parametrize(
    "written, people, bodies, expected",
    [
        # must merge: one candidate
        pytest.param("Mr Smith", ["John Smith"], [], NameMatch("John Smith", "short_name"), id="title-one-smith"),
        pytest.param("Smith", ["John Smith", "John Smith"], [], NameMatch("John Smith", "short_name"), id="one-smith-twice"),
        pytest.param("J. Smith", ["John Smith"], [], NameMatch("John Smith", "short_name"), id="initial"),
        pytest.param("Mr Smyth", ["John Smith"], [], NameMatch("John Smith", "variant"), id="title-misspelt"),
        pytest.param("Horvat", ["Pavel Horvath"], [], NameMatch("Pavel Horvath", "variant"), id="bare-misspelt"),
        pytest.param("Zelenskiy", ["Volodymyr Zelensky"], [], NameMatch("Volodymyr Zelensky", "variant"), id="translit"),
        pytest.param("Smith", ["John Smith", "Jane Smyth"], [], NameMatch("John Smith", "short_name"), id="same-surname-first"),
        pytest.param("Ms Lewis", ["Martha Lewis"], ["Lewis Holdings"], NameMatch("Martha Lewis", "short_name"), id="title-beside-body"),
        pytest.param("Varga", ["Tomas Varga"], ["Varga"], NameMatch("Tomas Varga", "short_name"), id="surname-mislabelled-as-body"),
        # two spellings of one full name both resolve to the one written most often
        pytest.param("John Smyth", ["John Smyth", "John Smith", "John Smith"], [], NameMatch("John Smith", "variant"), id="rarer-spelling"),
        pytest.param("John Smith", ["John Smyth", "John Smith", "John Smith"], [], NameMatch("John Smith", "name"), id="commoner-spelling"),
        # must not merge
        pytest.param("Eric J. Massa", ["Julie Mason", "Eric J. Massa"], [], NameMatch("Eric J. Massa", "name"), id="massa-is-himself"),
        pytest.param("Massa", ["Julie Mason"], [], NameMatch("", ""), id="massa-not-mason"),
        pytest.param("Mr Smith", ["John Smith", "Jane Smith"], [], NameMatch("", "ambiguous"), id="two-smiths"),
        pytest.param("Smith", ["John Smith", "Jane Smith"], [], NameMatch("", "ambiguous"), id="two-smiths-bare"),
        pytest.param("J. Smith", ["John Smith", "Jane Smith"], [], NameMatch("", "ambiguous"), id="initial-fits-two"),
        pytest.param("K. Smyth", ["John Smith"], [], NameMatch("", ""), id="other-initial"),
        pytest.param("Lewis", ["Martha Lewis"], ["Lewis Holdings"], NameMatch("", "ambiguous"), id="surname-in-org-name"),
        pytest.param("Sachs", ["Goldman Sachs"], ["Goldman Sachs Group"], NameMatch("", ""), id="org-labelled-person"),
        pytest.param("Smith", [], [], NameMatch("", ""), id="nobody"),
    ],
)
def test_match_full_name(written, people, bodies, expected):
    assert match_full_name(written, people, bodies) == expected


@pytest.mark.parametrize(
    "spellings",
    [("Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyi"), ("Aliyev", "Aliev"), ("Kharkov", "Harkov"), ("Kravetz", "Kravets")],
)
def test_transliterations_share_a_key(spellings):
    assert len({transliteration_key(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    "first, second, expected",
    [("Horvath", "Horvat", True), ("Smith", "Smtih", True), ("Massa", "Mason", False), ("Mason", "Bason", False),
     ("Kim", "Kin", False), ("Lee", "Le", False), ("Lykhoviy", "Lykhovity", True), ("Zelensky", "Zelenskiy", True)],
)
def test_plausible_misspelling(first, second, expected):
    assert plausible_misspelling(first, second) is expected
    assert plausible_misspelling(second, first) is expected


def test_docstring_examples():
    assert doctest.testmod(names).failed == 0


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Julie Mason, a spokeswoman for the council, said the road would reopen on Monday. "
            "Eric J. Massa, who lives nearby, said the road was still unsafe.",
            [("Julie Mason", "Julie Mason", ""), ("Eric J. Massa", "Eric J. Massa", "")],
            id="massa-and-mason",
        ),
        pytest.param(
            "John Smith, a farmer, said the crop had failed. Jane Smith, his neighbour, said the rain came too "
            'late. "We will replant," Smith said.',
            [("John Smith", "John Smith", ""), ("Jane Smith", "Jane Smith", ""), ("Smith", "Smith", "")],
            id="two-smiths",
        ),
    ],
)
def test_two_people_stay_apart_in_source(parse, text, expected):
    rows = attribution_rows(parse(text))
    assert [(r.speaker, r.source, r.name_variant) for r in rows] == expected
    assert len({r.source for r in rows}) == len(expected)


@pytest.mark.parametrize(
    "first, second, same",
    [
        # a generational suffix tells a son from his father
        ("Donald Trump", "Donald Trump Jr.", False),
        ("Trump Jr.", "Donald Trump", False),
        ("Ana Ruiz Sr.", "Ana Ruiz Jr.", False),
        # the same suffix, or a bare surname, agrees
        ("Trump Jr.", "Donald Trump Jr", True),
        ("Trump", "Donald Trump Jr.", True),
        ("Mr Trump", "Donald Trump", True),
    ],
)
def test_a_generational_suffix_is_part_of_the_name(first, second, same):
    assert same_person(parse_name(first), parse_name(second)) is same
    assert same_person(parse_name(second), parse_name(first)) is same


def test_a_suffixed_short_name_finds_the_suffixed_full_name():
    assert match_full_name("Trump Jr.", ["Donald Trump", "Donald Trump Jr."]) == NameMatch("Donald Trump Jr.", "short_name")
    assert match_full_name("Donald Trump", ["Donald Trump", "Donald Trump Jr."]).how == "name"
