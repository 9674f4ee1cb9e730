"""What narrows a figure's object (the figures columns modifier and qualifier), and the one "same thing" decision
that figure_consistency (within an article) and figure_agreement (across articles) share, on short texts written
for the test: pair / no pair, inconsistent / not compared."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.extraction.figures import figure_rows
from analysis.extraction.figures.checks import figure_consistency
from analysis.extraction.figures.sameness import same_thing, thing
from analysis.extraction.sources import attribution_rows
from test_figure_context import _agreement, _one, _pairs


@pytest.mark.parametrize("text, span, modifier, qualifier", [
    ("A survey will be done with 1,000 unionised workers.", "1,000", "unionised", ""),
    ("A survey will be done with 1,000 transit workers.", "1,000", "", ""),  # a compound is in the object
    ("The city counted 3,778 probable deaths.", "3,778", "probable", ""),
    ("The state reported 500 new cases.", "500", "", ""),  # a measure word is no modifier
    ("About 17,600 of those deaths occurred in the city.", "About 17,600", "", "of those deaths"),
    ("Dozens of settlements were captured.", "Dozens", "", ""),  # no part of a named whole
    ("Seventy employees who have symptoms stayed home.", "Seventy", "", "who have symptoms"),
    ("The hospital has 3,000 beds in intensive care units.", "3,000", "", "in intensive care units"),
    ("Valen has 3,000 beds in the state.", "3,000", "", ""),  # a scope phrase is compared as scope
    ("There were 3,000 beds in France.", "3,000", "", ""),  # a place is compared as a place
    ("There were 13 deaths at a nursing home in France.", "13", "", "at a nursing home"),  # where: apart
    ("There were 3 million tests performed in the country.", "3 million", "", ""),  # only counted, and where
    ("The toll was 900 dead, including 400 probable deaths.", "400", "probable", "including 400 probable deaths"),
    ("Women made up 52% of the total tests.", "52%", "", "Women"),
    ("In the study, 32.8% of patients had a fever.", "32.8%", "", ""),
    ("The state has 1,200 cases of the virus.", "1,200", "", ""),  # what kind of case, no part
])
def test_what_narrows_the_object(parse, text, span, modifier, qualifier):
    row = _one(parse, text, span)
    assert (row.modifier, row.qualifier) == (modifier, qualifier)


def _thing(**parts):
    base = dict(quantity_kind="count", unit="", object_text="workers", event="", scope="", measure="", modifier="",
                qualifier="")
    return thing(**{**base, **parts})


@pytest.mark.parametrize("a, b, same", [
    ({}, {}, True),
    ({"modifier": "transit"}, {"modifier": "medical"}, False),  # two different kinds of worker
    ({"modifier": "transit"}, {}, True),  # one says which, the other does not: may be one count
    ({"qualifier": "who tested positive"}, {}, False),  # a part against the whole
    ({"qualifier": "who tested positive"}, {"qualifier": "who tested positive"}, True),
    ({"measure": "daily"}, {}, False),
    ({"event": "kill", "object_text": "people"}, {"event": "die", "object_text": "people"}, True),  # deaths
    ({"event": "kill", "object_text": "people"}, {"event": "evacuate", "object_text": "people"}, False),
    ({"object_text": ""}, {"object_text": ""}, False),  # no object: nothing told of what is counted
    ({"scope": "state"}, {"scope": "country"}, False),
])
def test_same_thing(a, b, same):
    assert same_thing(_thing(**a), _thing(**b)) is same


def _consistency(parse, text):
    parsed = parse(text)
    figures = figure_rows(parsed, attribution_rows(parsed))  # whose figure each is: one voice or two
    return [(r.text, r.other, r.verdict) for r in figure_consistency(parsed, figures)]


@pytest.mark.parametrize("text, expected", [
    # a repetition of one count: compared
    ("The plant employs 1,200 workers. A union official said the plant employs 1,500 workers.",
     [("1,200", "1,500", "inconsistent")]),
    # a part against the whole, and the whole against a part: not compared
    ("The trial enrolled 300 participants. Only 12 of the participants reported side effects.", []),
    ("The home has 180 employees. Seventy employees who have symptoms stayed home.", []),
    ("The toll was 900 dead, including 400 probable deaths. Officials said 950 deaths were recorded.", []),
    # two kinds of worker
    ("A survey will be done with 3,000 health care workers. Another survey will reach 1,000 transit workers.", []),
    # shares of two groups
    ("Women made up 52% of the total tests. Men made up 48% of the total tests.", []),
    ("In the study, 32.8% of patients in the treatment group had a fever. Overall, 48% of patients in the "
     "placebo group had a fever.", []),
    # two days' counts
    ("Valen reported 400 new cases on Monday. Valen reported 650 new cases on Tuesday.", []),
    # two places, each named in its own sentence (the sentence before is not read when the figure's names one)
    ("France has recorded 9,000 deaths so far. Spain has recorded 2,000 deaths so far.", []),
    # rows of a table under different headings
    ("Deaths by county:\n\nNassau\n\n1,001 deaths\n\nSuffolk\n\n608 deaths", []),
])
def test_consistency_compares_only_the_same_thing_day_and_place(parse, text, expected):
    assert _consistency(parse, text) == expected


def test_the_same_part_in_two_articles_pairs_and_a_part_never_with_the_whole(parse):
    out = _agreement(parse, {
        "a": ("2020-03-08", "At least 13 residents who died after being taken to hospitals tested positive."),
        "b": ("2020-03-09", "At least 13 residents who died after being taken to hospitals tested positive."),
        "c": ("2020-03-09", "The home had 120 residents."),
    })
    assert _pairs(out) == [("At least 13", "At least 13", "consistent")]
    assert "who died after being taken to hospital" in out["basis"].iloc[0]


def test_two_kinds_of_a_thing_never_pair_across_articles(parse):
    out = _agreement(parse, {
        "a": ("2020-04-08", "The survey will reach 1,000 transit workers."),
        "b": ("2020-04-08", "The survey will reach 3,000 medical workers."),
    })
    assert out.empty


def test_a_figure_is_about_the_places_of_its_own_sentence(parse):
    out = _agreement(parse, {
        "a": ("2020-04-28", "The United States has 1 million cases. Spain is reporting 232,128 cases."),
        "b": ("2020-04-28", "The United States has confirmed 1,011,500 cases."),
    })
    # both stated in the present: running totals of one day, equal within the rounding of "1 million"
    assert _pairs(out) == [("1 million", "1,011,500", "agree")]


def test_a_figure_with_a_word_of_its_extent_takes_no_place_from_the_sentence_before(parse):
    out = _agreement(parse, {
        "a": ("2020-03-02", "Deaths at a nursing home in France rose to 13. Nationwide, at least 19 people have died."),
        "b": ("2020-03-03", "In France, deaths at a nursing home rose to 13."),
    })
    assert _pairs(out) == [("13", "13", "agree")]  # the nursing home's deaths, in France: the 19 are nationwide


def test_the_note_says_how_many_figures_were_left_out_for_their_day(parse):
    from analysis.views.summaries import compare
    from analysis.building import schema

    parsed = parse("The plant employs 1,200 workers.", "u")
    figures = schema.validate("figures", pd.DataFrame([dict(doc_id="u", source_id="", **r.__dict__) for r in figure_rows(parsed, [])],
                                                      columns=schema.columns("figures")))
    documents = pd.DataFrame([{"doc_id": "u", "outlet": "u", "published": "", "published_at": pd.NaT}])
    note = compare.figure_agreement_note(schema.empty("figure_agreement"), figures=figures, documents=documents)
    assert note.endswith("1 figure was left out because the day it counts cannot be told (an undated article, and "
                         "no day named in the sentence).")


def test_present_counts_of_one_day_that_differ_are_snapshots_not_a_contradiction(parse):
    # two outlets the same day, each stating how many there are now: hours apart, the count may have grown
    out = _agreement(parse, {
        "a": ("2020-05-02", "Valen has 41,250 cases of the fever."),
        "b": ("2020-05-02", "Valen has 44,900 cases of the fever."),
    })
    assert _pairs(out) == [("41,250", "44,900", "undetermined")]
    assert "running totals" in out["finding"].iloc[0]


def test_past_tallies_of_one_day_that_differ_still_disagree(parse):
    out = _agreement(parse, {
        "a": ("2020-05-02", "Twelve people were killed in the blast in Valen."),
        "b": ("2020-05-02", "Forty people were killed in the blast in Valen."),
    })
    assert _pairs(out) == [("Twelve", "Forty", "disagree")]


def test_present_counts_of_different_days_are_not_paired(parse):
    out = _agreement(parse, {
        "a": ("2020-05-02", "Valen has 41,250 cases of the fever."),
        "b": ("2020-05-04", "Valen has 44,900 cases of the fever."),
    })
    assert out.empty


@pytest.mark.parametrize("text, expected", [
    # durations of different things, or a duration without an object: not compared
    ("The curfew will last three weeks. The mayor spoke for the second time in under ten days.", []),
    ("The curfew will last three weeks. The 58-year-old mayor urged calm.", []),
    # the same thing's duration, named both times: compared
    ("The mayor ordered a three-week curfew. Residents said the three-week curfew was too long.",
     [("three-week", "three-week", "consistent")]),
    # a total that names nothing it counts may be of deaths or of cases: not compared
    ("Officials reported 40 deaths, taking the total to 910. Later, 120 cases were added, taking the total to 5,300.",
     []),
    # the same running total named by what it counts: compared
    ("Officials said the death toll rose to 910 on Monday. The death toll reached 910 on Monday, they said.",
     [("910", "910", "consistent")]),
    # residents who died and residents who live there: not compared; residents who died twice: compared
    ("Three residents died last month at the home. The home now has 63 residents.", []),
    ("Three residents died last month at the home. Officials confirmed that three residents died last month.",
     [("Three", "three", "consistent")]),
])
def test_consistency_pairs_only_the_same_named_thing(parse, text, expected):
    assert _consistency(parse, text) == expected
