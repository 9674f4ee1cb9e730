"""The figures' context columns (scope, measure, as_of, combined), dates written in digits, subscription offers
as furniture, and figure_agreement on short texts written for the test: pair / no pair by scope, measure, day
and joined places, and the verdicts of what is paired."""

from __future__ import annotations

import math

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
    # (points scored are counted, so "points" is the object, outside the span)
    assert _one(parse, "The team scored 12-14 points a game.", "12-14").approx == "range"


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
    ("The city had 44,915 cases on Wednesday.", "44,915", "city"),  # a place named by its level only
    # an opening adverbial of extent is that of every clause of its sentence
    ("Globally, 595,000 people have caught the virus and it has killed over 27,300.", "over 27,300", "world"),
    ("Later, 595,000 people had caught the virus and it had killed over 27,300.", "over 27,300", ""),
])
def test_scope(parse, text, span, scope):
    assert _one(parse, text, span).scope == scope


@pytest.mark.parametrize("text, span, measure", [
    ("Valen reported 1,200 new cases on Sunday.", "1,200", "daily"),
    ("Valen recorded more than 10,000 cases in a single day.", "more than 10,000", "daily"),
    ("Valen has recorded 52,000 cases so far.", "52,000", "cumulative"),
    ("The total number of cases in Valen reached 52,000.", "52,000", "cumulative"),
    ("Valen passed 700,000 confirmed cases on Friday.", "700,000", "cumulative"),
    ("The clinic had 2,500 beds.", "2,500", ""),
    ("The New Haven clinic had 2,500 beds.", "2,500", ""),  # "New" of a name is no marker
    ("NEW YORK — Valen recorded 52,000 cases.", "52,000", ""),  # nor of a name the parser does not tag
    # a count stated in the present tense or present perfect is how many there are now: a running total
    ("The clinic has 2,500 beds.", "2,500", "cumulative"),
    ("Valen has 4,210 cases of the flu.", "4,210", "cumulative"),
    ("The fever has killed more than 300 people in Valen.", "more than 300", "cumulative"),
    ("There are now 5,120 confirmed cases in Valen.", "5,120", "cumulative"),
    ("The agency is reporting 7,400 cases.", "7,400", "cumulative"),
    # a past tense tells one event's tally, or a count of a past day: not a running total
    ("Twelve people were killed in the blast.", "Twelve", ""),
    ("Officials had recorded 900 cases by then.", "900", ""),
    # a sum stated in the present is no snapshot of a growing count
    ("The fund costs $4 billion.", "$4 billion", ""),
    # the increase a report gives is a count of its day
    ("Valen has reported a further 23 deaths.", "23", "daily"),
    ("Hospital deaths in Valen have increased by 16 to 294.", "16", "daily"),
    ("Hospital deaths in Valen have increased by 16 to 294.", "294", "cumulative"),
    ("Valen has 2,199 cases (up 266) and 55 deaths.", "266", "daily"),
    # a comparison is no count of new things
    ("Cases in Valen passed 10,000, more than the cases found in Oskarby.", "10,000", "cumulative"),
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
    # two running totals of one day that differ: snapshots taken hours apart, not a contradiction
    assert _pairs(out) == [("3,083,467", "3,106,700", "undetermined")]
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
    # changed by the cross-article pairs work (was disagree): outlets print snapshots of a rising total hours apart
    assert _pairs(out) == [("6,298", "6,268", "undetermined")]
    assert "running totals of the same day (2020-04-08)" in out["basis"].iloc[0]
    assert "may be counts taken at different hours" in out["finding"].iloc[0]


@pytest.mark.parametrize("first, second, verdict", [
    ("3,100", "3,112", "agree"),  # "3,100" is printed to the hundred: within its rounding
    ("3,100", "3,100", "agree"),
    ("3,100", "3,400", "undetermined"),  # a later snapshot
    ("at least 3,100", "3,400", "consistent"),
    ("3,112", "3,119", "undetermined"),  # printed to the unit: no rounding covers both
])
def test_running_totals_of_one_day_agree_within_printed_rounding_and_else_are_undetermined(parse, first, second,
                                                                                             verdict):
    out = _agreement(parse, {
        "a": ("2020-04-08", f"Valen has recorded {first} deaths so far."),
        "b": ("2020-04-08", f"Valen has recorded {second} deaths so far."),
    })
    assert _pairs(out) == [(first, second, verdict)]
    if first == "3,100" and second == "3,112":
        assert "within the rounding of the printed figures" in out["finding"].iloc[0]


def test_counts_that_are_not_running_totals_still_disagree(parse):
    out = _agreement(parse, {
        "a": ("2020-04-08", "In Valen, 12 people were killed on Tuesday."),
        "b": ("2020-04-09", "In Valen, 10 people were killed on Tuesday."),
    })
    assert _pairs(out) == [("12", "10", "disagree")]  # no printed rounding widens a count that is no running total


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


@pytest.mark.parametrize("text, span, measure", [
    # thresholds: a bound in a rule or a category
    ("Counties with 10 cases or fewer will reopen first.", "10", "threshold"),
    ("The order applies to states with more than 1,000 cases.", "more than 1,000", "threshold"),
    ("Gatherings of more than 50 people are banned.", "more than 50", "threshold"),
    ("Gatherings larger than 50 people are banned.", "larger than 50", "threshold"),
    ("The governor limited gatherings to 10 people.", "10", "threshold"),
    ("No more than 10 people are allowed in a store.", "No more than 10", "threshold"),
    ("People over 65 make up most of the deaths.", "over 65", "threshold"),
    # ... and counts that look like them
    ("Valen, with more than 3,000 deaths, closed its schools.", "more than 3,000", ""),
    ("The only state with more than 1,000 cases is Valen.", "more than 1,000", "cumulative"),
    ("A crowd of 2,000 gathered in the square.", "2,000", ""),
    ("More than 500 prisoners were allowed to leave.", "More than 500", ""),
    # projections: what may, will or is expected to be
    ("The virus could kill up to 2.2 million people in the country.", "up to 2.2 million", "projection"),
    ("The model projects 100,000 to 240,000 deaths.", "100,000 to 240,000", "projection"),
    ("Deaths are expected to reach 60,000 by August.", "60,000", "projection"),
    ("Experts expect deaths to reach 60,000 by August.", "60,000", "projection"),
    ("Officials warned that the toll could rise to 5,000.", "5,000", "projection"),
    ("A projection of 100,000 deaths alarmed officials.", "100,000", "projection"),
    ("If 1,000 people are infected, the hospitals will be full.", "1,000", "projection"),
    ("Officials said 300 people have died.", "300", "cumulative"),  # a count now, not a projection
    ("Deaths reached 60,000 in August.", "60,000", "cumulative"),
    # rates and their bases
    ("The state recorded 5 deaths per 100,000 residents.", "5", "rate"),
    ("The state recorded 5 deaths per 100,000 residents.", "100,000", "base"),
    ("The country has a death rate of 3.4%.", "3.4%", "rate"),
    ("The state recorded 5 deaths per day.", "5", "daily"),  # per a day: a day's count
])
def test_figures_that_count_nothing_that_is_or_was(parse, text, span, measure):
    assert _one(parse, text, span).measure == measure


def test_a_threshold_pairs_with_no_count_and_no_other_threshold(parse):
    out = _agreement(parse, {
        "a": ("2020-04-08", "In Valen, counties with more than 1,000 cases stay closed."),
        "b": ("2020-04-08", "In Valen, counties with more than 1,000 cases stay closed."),
        "c": ("2020-04-09", "In Valen, more than 1,200 cases have been recorded."),
        "d": ("2020-04-09", "In Valen, 1,500 cases have been recorded."),
    })
    assert _pairs(out) == [("more than 1,200", "1,500", "consistent")]


def test_a_projection_pairs_only_with_a_projection_and_two_that_differ_are_undetermined(parse):
    out = _agreement(parse, {
        "a": ("2020-04-08", "The model projects 60,000 deaths in Valen."),
        "b": ("2020-04-09", "Deaths in Valen could reach 90,000."),
        "c": ("2020-04-09", "Valen has recorded 60,000 deaths."),
    })
    assert _pairs(out) == [("60,000", "90,000", "undetermined")]
    assert "may be two scenarios" in out["finding"].iloc[0]
    same = _agreement(parse, {
        "a": ("2020-04-08", "Deaths in Valen could reach 90,000."),
        "b": ("2020-04-09", "Deaths in Valen may reach 90,000."),
    })
    assert _pairs(same) == [("90,000", "90,000", "agree")]


def test_a_rate_pairs_only_with_a_rate_and_its_base_with_nothing(parse):
    out = _agreement(parse, {
        "a": ("2020-04-08", "Valen recorded 5 deaths per 100,000 residents."),
        "b": ("2020-04-08", "Valen recorded 5 deaths per 100,000 residents."),
        "c": ("2020-04-08", "Valen recorded 5 deaths."),
    })
    assert _pairs(out) == [("5", "5", "agree")]
    assert out[["doc_id", "other_doc_id"]].values.tolist() == [["a", "b"]]


@pytest.mark.parametrize("text, expected", [
    # two projections of one article that differ: two scenarios
    ("The model projects 100,000 deaths in Valen. Without measures, deaths in Valen could reach 2 million.",
     [("100,000", "2 million", "undetermined")]),
    # a threshold is not compared with a count
    ("Counties with more than 100 cases will stay closed. The county has 80 cases.", []),
])
def test_consistency_leaves_scenarios_undetermined_and_thresholds_out(parse, text, expected):
    from analysis.extraction.figures.checks import figure_consistency

    parsed = parse(text)
    assert [(r.text, r.other, r.verdict) for r in figure_consistency(parsed, figure_rows(parsed, []))] == expected


@pytest.mark.parametrize("text, expected", [
    # (span, place, object) of each figure: every item of a list by place counts what the first one counts
    ("Deaths rose to 1,200 in Valen, 800 in Oskarby and 300 in Tamsk.",
     [("1,200", "Valen", "Deaths"), ("800", "Oskarby", "Deaths"), ("300", "Tamsk", "Deaths")]),
    ("The virus has killed 1,200 people in Valen, 800 in Oskarby and 300 in Tamsk.",
     [("1,200", "Valen", "people"), ("800", "Oskarby", "people"), ("300", "Tamsk", "people")]),
    ("Scotland reported 12 deaths, while nine were recorded in Wales.", [("12", "Scotland", "deaths"), ("nine", "Wales", "")]),
    ("In England, 500 people died, the health ministry of the UK said.", [("500", "England", "people")]),
    # a place after a comma is another phrase's
    ("The U.S. has had over 1,500 deaths, with the most deaths occurring in New York City.",
     [("over 1,500", "U.S.", "deaths")]),
])
def test_the_place_a_figure_s_own_words_put_it_in(parse, text, expected):
    assert [(r.text, r.place, r.object) for r in figure_rows(parse(text), [])] == expected


def test_a_figure_among_the_last_words_after_a_place_phrase_keeps_its_sentence_s_figures(parse):
    # the list-by-place check looked three words past the later figure, past the document's end: the stage
    # failed and the article lost every figure
    rows = figure_rows(parse("The flood closed 40 schools two weeks after another one struck in Portugal, killing 12."), [])
    assert [r.text for r in rows] == ["40", "12"]


def test_items_of_a_list_by_place_pair_each_under_its_own_place(parse):
    out = _agreement(parse, {
        "a": ("2020-04-08", "The virus has killed 1,200 people in Italy, 800 in Spain and 300 in France."),
        "b": ("2020-04-08", "Spain has recorded 800 deaths and France 310."),
        "c": ("2020-04-09", "In England, 500 people have died."),
        "d": ("2020-04-09", "In the United Kingdom, 700 people have died."),
    })
    assert sorted(zip(out["text"], out["other_text"], out["same_place"], out["verdict"])) == [
        ("800", "800", "spain", "agree")]


def test_a_figure_of_a_place_named_by_its_level_only_is_not_paired(parse):
    out = _agreement(parse, {
        "a": ("2020-04-08", "Valen closed its schools. Valen's governor spoke. The state reported 182 cases on Tuesday."),
        "b": ("2020-04-08", "Valen reported 182 cases on Tuesday."),
        "c": ("2020-04-08", "Valen closed its schools. Valen's governor spoke. Officials reported 182 cases on Tuesday."),
    })
    # "the state" may be another than the place its article names most; with no word of extent, that place stands
    assert sorted(zip(out["doc_id"], out["other_doc_id"])) == [("b", "c")]


@pytest.mark.parametrize("text, span, kind, unit", [
    # ages given after an age noun are years, never a count of the people the sentence names
    ("The patients range in age from 4 to 88.", "from 4 to 88", "duration", "year"),
    ("The volunteers had an age range of 19 to 64.", "19 to 64", "duration", "year"),
    # the same range without an age noun stays what it was
    ("Ticket prices range from 4 to 88 dollars.", "from 4 to 88 dollars", "money", "USD"),
    ("The clinic treated 40 patients of all ages.", "40", "count", ""),
    ("Anyone over age 30 may apply.", "over age 30", "duration", "year"),
    # a change of an age limit is left without a unit, as the conventions label it
    ("The bill would raise the voting age from 16 to 17.", "16", "count", ""),
])
def test_ages_after_an_age_noun_are_years(parse, text, span, kind, unit):
    row = _one(parse, text, span)
    assert (row.quantity_kind, row.unit_canonical) == (kind, unit)


@pytest.mark.parametrize("text, span, scope", [
    # a scope adverbial set off by a comma right before the clause, where the parser hangs it on the clause before
    ("The town had 4,100 cases as of 8 a.m. Monday, up 3% from the day before at 6 p.m. Statewide, there were "
     "9,870 cases as of Monday morning.", "9,870", "state"),
    # words before the comma that are more than a scope phrase give none
    ("Officials in the town, who met on Monday, said there were 9,870 cases.", "9,870", ""),
    ("The town had 4,100 cases on Monday, and there were 9,870 cases in all.", "9,870", ""),
])
def test_a_scope_adverbial_before_the_clause(parse, text, span, scope):
    assert _one(parse, text, span).scope == scope


@pytest.mark.parametrize("text, span, measure", [
    # an open bound in a participle on a plural noun sorts a class: a threshold
    ("Full list of provinces reporting over 200 cases today: Valen 6,447", "over 200", "threshold"),
    # on one place, or without a bound, it is that place's count
    ("Valen, reporting over 200 cases today, closed its schools.", "over 200", ""),
    ("Provinces reporting 200 cases today closed their schools.", "200", ""),
])
def test_a_bound_in_a_participle_on_a_class_is_a_threshold(parse, text, span, measure):
    assert _one(parse, text, span).measure == measure


@pytest.mark.parametrize("text, spans", [
    # a phone number's digit groups are no range and no count
    ("Call 1-800-555-0100 for help.", []),
    ("Residents can call (555) 010-0199 or 555.010.0199 with questions.", []),
    ("The hotline, 555-010-0199, took 3,000 calls.", ["3,000"]),
    # ranges of counts written with a hyphen stay figures
    ("The district counted 120-150 cases, and 1,000-2,000 people were tested.", ["120-150", "1,000-2,000"]),
])
def test_phone_numbers_are_no_figures(parse, text, spans):
    assert [r.text for r in figure_rows(parse(text), [])] == spans


@pytest.mark.parametrize("text, span, low, high", [
    # the rest of a number after its scale and "and"
    ("The tally reached 318 thousand and 40.", "318 thousand and 40", 318_040, 318_040),
    ("The tally reached four hundred thousand and twelve.", "four hundred thousand and twelve", 400_012, 400_012),
    # a scale written after the approximator is the number's
    ("Officials backed a $700-plus billion relief bill.", "$700-plus billion", 700e9, math.inf),
    ("The region has 20-odd million residents.", "20-odd million", 20e6, 30e6),
])
def test_numbers_in_words_after_a_scale(parse, text, span, low, high):
    row = _one(parse, text, span)
    assert (row.low, row.high) == (low, high)


@pytest.mark.parametrize("text, spans", [
    # a number that counts a noun of its own after "and" is a second figure
    ("The fund raised 6 million and 400 volunteers joined.", ["6 million", "400"]),
    # as is one not below the scale
    ("The tally reached 318 thousand and 9,000 more were found.", ["318 thousand", "9,000"]),
])
def test_a_second_number_after_a_scale_stays_apart(parse, text, spans):
    assert [r.text for r in figure_rows(parse(text), [])] == spans


@pytest.mark.parametrize("text, spans", [
    # a bare vague quantifier states no amount: no figure
    ("Several nurses were sent home.", []),
    # with a power word, or as a vague head noun, it is one
    ("Several hundred nurses were sent home.", ["Several hundred"]),
    ("Dozens of nurses were sent home.", ["Dozens"]),
    ("A handful of nurses were sent home.", ["A handful"]),
])
def test_a_bare_vague_quantifier_is_no_figure(parse, text, spans):
    assert [r.text for r in figure_rows(parse(text), [])] == spans


def test_a_marker_phrase_is_found_only_as_consecutive_tokens():
    # (position, lowercase word) of a clause's words; phrases sharing a first word are each tried
    from analysis.extraction.figures.context import _finds

    phrases = (("in", "a", "single", "day"), ("in", "one", "day"), ("so", "far"))
    assert _finds([(7, "deaths"), (8, "in"), (9, "one"), (10, "day")], phrases)
    assert _finds([(2, "so"), (3, "far"), (4, "this")], phrases)
    # the same words with a token between them (a name's words left out of the clause's): no phrase
    assert not _finds([(8, "in"), (9, "one"), (11, "day")], phrases)
    assert not _finds([(2, "so"), (4, "far")], phrases)
    # a phrase cut off by the clause's end
    assert not _finds([(5, "rose"), (6, "in"), (7, "a"), (8, "single")], phrases)
