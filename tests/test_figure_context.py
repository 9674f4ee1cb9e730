"""The figures' context columns (scope, measure, as_of, combined), dates written in digits, subscription offers
as furniture, and figure_agreement on short texts written for the test: pair / no pair by scope, measure, day
and joined places, and the verdicts of what is paired."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.across.figure_agreement import day_key, figure_agreement, normalise_object, object_key
from analysis.extraction.figures import figure_rows, time_rows
from analysis.extraction.linguistics.furniture import is_furniture_line


def _one(parse, text: str, span: str):
    rows = [r for r in figure_rows(parse(text), []) if r.text == span]
    assert rows, f"{span!r} not found in {[r.text for r in figure_rows(parse(text), [])]}"
    return rows[0]


@pytest.mark.parametrize("text", [
    "date 2024-06-26 The harbour council met on Friday.",
    "Filed 2024-12-14\n\nThe harbour council met on Friday.",
    "The order was signed on 14/12/2024 by the mayor.",
])
def test_a_date_written_in_digits_is_no_figure_but_a_time_expression(parse, text):
    parsed = parse(text)
    assert [r.text for r in figure_rows(parsed, [])] == []
    assert any(r.kind == "date" and r.text[:1].isdigit() and r.text[-1].isdigit() for r in time_rows(parsed))


def test_a_range_that_is_no_date_stays_a_range(parse):
    assert _one(parse, "The team scored 12-14 points a game.", "12-14 points").approx == "range"


@pytest.mark.parametrize("line, furniture", [
    ("99¢ for the first month", True),
    ("$1 for 6 months", True),
    ("Subscribe for $4.99/month", True),
    ("Fares rose 10¢ a month.", False),
    ("$10 a month is what families pay now.", False),
])
def test_a_subscription_offer_line_is_furniture(line, furniture):
    assert is_furniture_line(line) is furniture


@pytest.mark.parametrize("text, span, scope", [
    ("Cases worldwide rose to 3.1 million.", "3.1 million", "world"),
    ("Global cases have passed 4 million.", "4 million", "world"),
    ("Nationwide, at least 19 people have died.", "at least 19", "country"),
    ("Statewide, 420 patients are in hospital.", "420", "state"),
    ("The ministry counted 1,022 cases in Valen and 3,106 cases globally.", "1,022", ""),
    ("The ministry counted 1,022 cases in Valen and 3,106 cases globally.", "3,106", "world"),
    ("Valen reported 300 cases.", "300", ""),
])
def test_scope(parse, text, span, scope):
    assert _one(parse, text, span).scope == scope


@pytest.mark.parametrize("text, span, measure", [
    ("Valen reported 1,200 new cases on Sunday.", "1,200", "daily"),
    ("Valen recorded more than 10,000 cases in a single day.", "more than 10,000", "daily"),
    ("Valen has recorded 52,000 cases so far.", "52,000", "cumulative"),
    ("The total number of cases in Valen reached 52,000.", "52,000", "cumulative"),
    ("Valen passed 700,000 confirmed cases on Friday.", "700,000", "cumulative"),
    ("The clinic has 2,500 beds.", "2,500", ""),
    ("The New Haven clinic has 2,500 beds.", "2,500", ""),  # "New" of a name is no marker
])
def test_measure(parse, text, span, measure):
    assert _one(parse, text, span).measure == measure


@pytest.mark.parametrize("text, span, as_of", [
    ("Valen reported 1,200 new cases on April 28.", "1,200", "--04-28"),
    ("Valen reported 1,200 new cases on April 28, 2020.", "1,200", "2020-04-28"),
    ("The US total as of Apr 28 stands at 1,002,498.", "1,002,498", "--04-28"),
    ("Valen reported 1,200 new cases on Sunday.", "1,200", "sunday"),
    ("Valen reported 1,200 new cases today (April 28).", "1,200", "--04-28"),
    ("Valen reported 1,200 new cases in April.", "1,200", ""),
    ("Valen reported 1,200 new cases last week.", "1,200", ""),
])
def test_as_of(parse, text, span, as_of):
    assert _one(parse, text, span).as_of == as_of


@pytest.mark.parametrize("text, span, combined", [
    ("France, Spain and Italy together account for 1.4 million cases.", "1.4 million", True),
    ("France and Spain have recorded 900,000 cases combined.", "900,000", True),
    ("France has recorded 900,000 cases.", "900,000", False),
    ("France has recorded 900,000 cases, Spain 300,000.", "900,000", False),
])
def test_combined_places(parse, text, span, combined):
    assert _one(parse, text, span).combined is combined


def test_object_keys_leave_out_scope_measure_and_how_it_was_known():
    assert normalise_object("new cases") == normalise_object("cases") == "case"
    assert normalise_object("confirmed cases") == "case"
    assert normalise_object("global death toll") == "death"
    assert normalise_object("Ukrainian soldiers") == "ukrainian soldier"
    assert object_key("people", "die") == "death" == object_key("deaths", "")
    assert object_key("people", "unemployed") == "people (unemployed)"
    assert object_key("people", "") == "" and object_key("people", "report") == ""


@pytest.mark.parametrize("as_of, published, day", [
    ("2020-04-28", None, "2020-04-28"),
    ("--04-28", "2020-04-29T10:00:00Z", "2020-04-28"),
    ("--04-28", None, "--04-28"),
    ("tuesday", "2020-04-08T10:00:00Z", "2020-04-07"),  # a Wednesday: the Tuesday before
    ("wednesday", "2020-04-08T10:00:00Z", "2020-04-08"),
    ("yesterday", "2020-04-08T10:00:00Z", "2020-04-07"),
    ("", "2020-04-08T23:00:00Z", "2020-04-08"),
    ("", None, ""),
    ("tuesday", None, ""),
])
def test_the_day_a_figure_counts(as_of, published, day):
    assert day_key(as_of, pd.Timestamp(published) if published else pd.NaT) == day


# figure_agreement on built texts: two articles each, the expected pairs written from the sentences


def _agreement(parse, texts: dict[str, tuple[str, str]]):
    """figure_agreement over short articles {doc_id: (published, text)}, built from their parses."""
    from analysis.building import schema
    from analysis.extraction.mentions import mention_rows

    figures, mentions, documents = [], [], []
    for doc_id, (published, text) in texts.items():
        parsed = parse(text, doc_id)
        # source_id is filled across the corpus; these rows come as an article's extraction leaves them
        rows = [dict(doc_id=doc_id, source_id="", **r.__dict__) for r in figure_rows(parsed, [])]
        figures += rows
        mentions += [dict(doc_id=doc_id, **m.__dict__) for m in mention_rows(parsed)]
        documents.append({"doc_id": doc_id, "outlet": doc_id, "published": published,
                          "published_at": pd.to_datetime(published, utc=True) if published else pd.NaT})
    figures_frame = schema.validate("figures", pd.DataFrame(figures, columns=schema.columns("figures")))
    mention_columns = ["doc_id", "sentence_id", "start", "end", "text", "label", "actor", "actor_type", "side", "alias_kind"]
    return figure_agreement(figures_frame, pd.DataFrame(documents), pd.DataFrame(mentions, columns=mention_columns))


def _pairs(out) -> list[tuple[str, str, str]]:
    return sorted(zip(out["text"], out["other_text"], out["verdict"]))


def test_a_world_figure_never_pairs_with_one_of_a_country(parse):
    out = _agreement(parse, {
        "a": ("2020-04-28", "Worldwide, 3,083,467 cases have been recorded so far."),
        "b": ("2020-04-28", "France has recorded 128,000 cases so far."),
        "c": ("2020-04-28", "Globally, 3,106,700 cases have been recorded so far."),
    })
    assert _pairs(out) == [("3,083,467", "3,106,700", "disagree")]
    assert "the world" in out["basis"].iloc[0]


def test_a_daily_count_never_pairs_with_a_running_total(parse):
    out = _agreement(parse, {
        "a": ("2020-07-12", "Valen reported 15,300 new cases on Sunday."),
        "b": ("2020-07-12", "Valen has recorded 269,800 cases since the outbreak began."),
    })
    assert out.empty


def test_daily_counts_pair_on_the_same_day_only(parse):
    out = _agreement(parse, {
        "a": ("2020-07-12", "Valen reported almost 15,300 new cases on Sunday."),
        "b": ("2020-07-13", "Valen added 15,299 new cases on Sunday."),
        "c": ("2020-07-15", "Valen reported 9,800 new cases on Tuesday."),
    })
    assert _pairs(out) == [("almost 15,300", "15,299", "agree")]
    assert "counts of one day, the same day (2020-07-12)" in out["basis"].iloc[0]


def test_running_totals_of_different_days_are_not_compared(parse):
    out = _agreement(parse, {
        "a": ("2020-04-17", "The United States passed 700,000 confirmed cases."),
        "b": ("2020-04-28", "The United States passed 1 million confirmed cases."),
    })
    assert out.empty


def test_running_totals_of_the_same_day_are_compared(parse):
    out = _agreement(parse, {
        "a": ("2020-04-08", "So far 6,298 New Yorkers have died, the governor said."),
        "b": ("2020-04-08", "So far 6,268 New Yorkers have died, the governor said."),
    })
    assert _pairs(out) == [("6,298", "6,268", "disagree")]
    assert "running totals of the same day (2020-04-08)" in out["basis"].iloc[0]


def test_a_milestone_is_consistent_with_a_plain_figure_of_the_same_day_and_place(parse):
    out = _agreement(parse, {
        "a": ("2020-07-12", "Valen recorded more than 10,000 new cases on Sunday."),
        "b": ("2020-07-12", "Valen recorded 15,299 new cases on Sunday."),
        "c": ("2020-07-12", "Oskarby recorded 7,300 new cases on Sunday."),
    })
    assert _pairs(out) == [("more than 10,000", "15,299", "consistent")]


def test_joined_places_never_pair_with_one_of_them(parse):
    out = _agreement(parse, {
        "a": ("2020-06-01", "France, Spain and Italy together account for 1.4 million cases."),
        "b": ("2020-06-01", "France accounts for 1.4 million cases."),
    })
    assert out.empty


def test_people_are_counted_by_what_happened_to_them(parse):
    out = _agreement(parse, {
        "a": ("2020-04-08", "In Valen, 779 people died on Tuesday."),
        "b": ("2020-04-08", "In Valen, 779 deaths were recorded on Tuesday."),
        "c": ("2020-04-08", "In Valen, gatherings of more than 100 people are banned."),
        "d": ("2020-04-09", "In Valen, 40 million people stay at home."),
    })
    assert _pairs(out) == [("779", "779", "agree")]


def test_people_who_tested_positive_are_cases_and_people_tested_are_not(parse):
    assert _one(parse, "Twelve people tested positive for the virus.", "Twelve").event == "test positive"
    assert _one(parse, "The state has tested 5,000 people.", "5,000").event == "test"
    out = _agreement(parse, {
        "a": ("2020-04-08", "In Valen, 40 people tested positive on Tuesday."),
        "b": ("2020-04-08", "In Valen, 40 cases were confirmed on Tuesday."),
        "c": ("2020-04-09", "In Valen, 40 people were tested on Tuesday."),
        "d": ("2020-04-09", "In Valen, 40 people died on Tuesday."),
    })
    assert _pairs(out) == [("40", "40", "agree")]
    assert out[["doc_id", "other_doc_id", "object"]].values.tolist() == [["a", "b", "case"]]
