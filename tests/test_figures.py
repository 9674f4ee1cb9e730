"""Numeric claims: the figure grammar construction by construction, pint conversions, the consistency and
metric-origin checks, and precision/recall against the hand-written gold sets."""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict

import pandas as pd
import pint
import pytest

from analysis.evaluation import NO_FIGURE_SCORES, gold_spans, score_figures, spans_match
from analysis.extraction.sources import attribution_rows
from analysis.extraction.figures.checks import figure_consistency, metric_origin, roundness
from analysis.extraction.figures import convert, figure_rows, time_rows, unit_registry
from analysis.views.summaries.figures import consistency_note, figures_by_source
from conftest import SEED_ID, read_gold

NAN = math.nan
#: Floors (precision, recall) on the seed and news gold sets: the score measured when set minus the measure's drop
#: from dev to unseen held-out gold (baselines.DEV_TO_HELDOUT_DROP): values 1.00 / 1.00 on both, objects 1.00 /
#: 1.00 on the seed and 0.96 / 0.96 on the news set. The object floors were set with the objects' earlier drop
#: (0.08); the drop re-measured after the object rules of issue 21 item 5 (0.37) would lower them, so they stay.
SEED_VALUE_FLOORS, SEED_OBJECT_FLOORS = (0.95, 0.97), (0.91, 0.92)
NEWS_VALUE_FLOORS, NEWS_OBJECT_FLOORS = (0.95, 0.97), (0.86, 0.87)


def _figures(parse, text: str) -> list:
    return figure_rows(parse(text), [])


def _one(parse, text: str, span: str):
    rows = [r for r in _figures(parse, text) if r.text == span]
    assert rows, f"{span!r} not found in {[r.text for r in _figures(parse, text)]}"
    return rows[0]


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b)


# --- the grammar, one construction at a time ---------------------------------------------------------------------

# (sentence, figure span, value, approx, unit_canonical, quantity_kind, object); the object is the noun the figure
# counts or measures (head noun with its compounds, "of" complement, noun after a hyphenated figure), else what a
# level or amount is of or about ("Inflation slowed to 5.4%" -> "Inflation", "A fine of up to ¥50 billion" -> "fine")
CONSTRUCTIONS = [
    # number words and multipliers
    ("Nearly a quarter of a million people fled the city.", "Nearly a quarter of a million", 250_000, "nearly", "", "count", "people"),
    ("The agency hired two dozen inspectors.", "two dozen", 24, "exact", "", "count", "inspectors"),
    ("The utility will replace 1.5 million gas meters.", "1.5 million", 1_500_000, "exact", "", "count", "gas meters"),
    ("Half a million doses arrived.", "Half a million", 500_000, "exact", "", "count", "doses"),
    ("Up from twenty-six thousand fans last season.", "twenty-six thousand", 26_000, "exact", "", "count", "fans"),
    ("A dozen ministers resigned.", "A dozen", 12, "exact", "", "count", "ministers"),
    ("Some forty thousand fans came.", "Some forty thousand", 40_000, "about", "", "count", "fans"),
    # ranges
    ("Between 10 and 15 percent of the crop was lost.", "Between 10 and 15 percent", NAN, "range", "percent", "percent", "crop"),
    ("Troops pushed 10-15 km beyond the river.", "10-15 km", NAN, "range", "kilometer", "length", ""),
    ("Officials said 1.2 million to 1.5 million people need aid.", "1.2 million to 1.5 million", NAN, "range", "", "count", "people"),
    ("Tickets will cost from 200 to 300 euros.", "from 200 to 300 euros", NAN, "range", "EUR", "money", "Tickets"),
    # percents
    ("Inflation slowed to 5.4% in March.", "5.4%", 5.4, "exact", "percent", "percent", "Inflation"),
    ("Support fell 4 percentage points.", "4 percentage points", 4, "exact", "percentage_point", "percent", "Support"),
    ("About one in five adults smokes.", "About one in five", 20, "about", "percent", "percent", "adults"),
    # money
    ("The company agreed a $3bn cash deal.", "$3bn", 3e9, "exact", "USD", "money", "cash deal"),  # what the sum is, whole
    ("The EU will provide €40m in emergency aid.", "€40m", 4e7, "exact", "EUR", "money", "emergency aid"),
    ("The city allocated 2 billion rubles to housing.", "2 billion rubles", 2e9, "exact", "RUB", "money", ""),
    ("They unveiled a $12-billion plan.", "$12-billion", 1.2e10, "exact", "USD", "money", "plan"),
    ("He must pay a 250,000-euro fine.", "250,000-euro", 250_000, "exact", "EUR", "money", "fine"),
    ("A fine of up to ¥50 billion was sought.", "up to ¥50 billion", 5e10, "at_most", "JPY", "money", "fine"),
    # metric and imperial units
    ("The fire burned more than 12,000 hectares of forest.", "more than 12,000 hectares", 12_000, "more_than", "hectare", "area", "forest"),
    ("Floods covered roughly 300 square kilometres of farmland.", "roughly 300 square kilometres", 300, "about", "kilometer ** 2", "area", "farmland"),
    ("The tanker ran aground 3 miles off the coast.", "3 miles", 3, "exact", "mile", "length", ""),
    ("Temperatures reached 44C in the south.", "44C", 44, "exact", "degree_Celsius", "temperature", "Temperatures"),
    ("Winds of up to 90 km/h fanned the flames.", "up to 90 km/h", 90, "at_most", "kilometer / hour", "speed", "Winds"),
    # approximators on both sides
    ("At least 28 people were killed.", "At least 28", 28, "at_least", "", "count", "people"),
    ("A crowd of 2,000 or more gathered.", "2,000 or more", 2000, "at_least", "", "count", "crowd"),
    ("Police said 30-odd vehicles burned.", "30-odd", NAN, "more_than", "", "count", "vehicles"),
    ("Forces were operating as deep as 7.5 miles into the region.", "as deep as 7.5 miles", 7.5, "at_most", "mile", "length", ""),
    ("Fewer than 40% of households have water.", "Fewer than 40%", 40, "less_than", "percent", "percent", "households"),
    ("The journey will take under three hours.", "under three hours", 3, "less_than", "hour", "duration", "journey"),
    ("The winner finished in just over two hours.", "just over two hours", 2, "more_than", "hour", "duration", ""),
    # vague amounts
    ("Forces occupied dozens of settlements.", "dozens", NAN, "vague", "", "count", "settlements"),
    ("Tens of thousands of protesters marched.", "Tens of thousands", NAN, "vague", "", "count", "protesters"),
    ("A handful of soldiers deserted.", "A handful", NAN, "vague", "", "count", "soldiers"),
    ("It was a relatively small number of units.", "a relatively small number", NAN, "vague", "", "count", "units"),
    ("A couple of hundred residents are waiting.", "A couple of hundred", 200, "about", "", "count", "residents"),
    ("The front stretches hundreds of kilometres.", "hundreds of kilometres", NAN, "vague", "kilometer", "length", "front"),
    # hyphenated modifiers
    ("It was a 7.5-mile-deep push into enemy territory.", "7.5-mile-deep", 7.5, "exact", "mile", "length", "push"),
    ("A 2,000-strong force is due.", "2,000-strong", 2000, "exact", "", "count", "force"),
    ("A 10-year-old boy was rescued.", "10-year-old", 10, "exact", "year", "duration", "boy"),
    ("The 3.5-metre-high wall will be built.", "3.5-metre-high", 3.5, "exact", "meter", "length", "wall"),
    # glued units and multipliers, signs, approximators and bare levels (issue 21 item 5); the value is the number
    # as written with its multiplier and its own sign ("down 2 points" keeps 2: the direction is the verb's)
    ("Demand grew 2.5x in a decade.", "2.5x", 2.5, "exact", "times", "multiple", "Demand"),
    ("The city received a grant of $3million.", "$3million", 3e6, "exact", "USD", "money", "grant"),
    ("Output reached 12 mln barrels.", "12 mln barrels", 12e6, "exact", "oil_barrel", "volume", "Output"),
    ("The miner agreed a $A4 billion deal.", "$A4 billion", 4e9, "exact", "AUD", "money", "deal"),
    ("The court fined him GHC20,000.", "GHC20,000", 20_000, "exact", "GHS", "money", ""),
    ("The central bank raised rates by 25 basis points.", "25 basis points", 25, "exact", "basis_point", "percent", "rates"),
    ("The yield rose 10bps to 4.1%.", "10bps", 10, "exact", "basis_point", "percent", "yield"),
    ("Overnight temperatures dipped to minus 5.", "minus 5", -5, "exact", "", "count", "temperatures"),
    ("He finished with 12 carries for –3 yards.", "–3 yards", -3, "exact", "yard", "length", ""),
    ("The deficit widened to -£3.2bn.", "-£3.2bn", -3.2e9, "exact", "GBP", "money", "deficit"),
    ("The party's support was down 2 points in the poll.", "2 points", 2, "exact", "point", "points", "support"),
    ("The index rose to 4.5 in March.", "4.5", 4.5, "exact", "", "count", "index"),
    ("Turnover came in just under $45m.", "just under $45m", 45e6, "less_than", "USD", "money", "Turnover"),
    ("Chips built on a sub 3 nm process are faster.", "sub 3 nm", 3, "less_than", "nanometer", "length", "process"),
    ("The fund could reach up to approximately $2m.", "up to approximately $2m", 2e6, "at_most", "USD", "money", "fund"),
    ("Revenue dropped by half.", "half", 0.5, "exact", "fraction", "percent", "Revenue"),  # a change by a share
    ("Attendance fell by a fifth.", "a fifth", 0.2, "exact", "fraction", "percent", "Attendance"),
    # "pounds" is sterling as a price or beside a sum in another currency, else a weight
    ("The device costs 300 pounds (350 euros).", "300 pounds", 300, "exact", "GBP", "money", "device"),
    ("The parcel weighs 3 pounds.", "3 pounds", 3, "exact", "pound", "mass", "parcel"),
]


@pytest.mark.parametrize("text, span, value, approx, unit, kind, obj", CONSTRUCTIONS)
def test_construction(parse, text, span, value, approx, unit, kind, obj):
    row = _one(parse, text, span)
    assert _same(row.value, value)
    assert (row.approx, row.unit_canonical, row.quantity_kind, row.object) == (approx, unit, kind, obj)
    assert text[row.start : row.end] == row.text


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Net sales minus 8 percent of costs is the margin.", "8 percent", 8),  # "minus" after a noun: arithmetic
        ("The league has 5X more fans.", None, None),  # a capital X glued to digits is a name, not a multiple
        ("He finished fifth in the race.", None, None),  # an ordinal, not a fraction
        ("On the fifth day, rescuers arrived.", None, None),
    ],
)
def test_what_is_no_sign_multiple_or_fraction(parse, text, span, value):
    rows = _figures(parse, text)
    if span is None:
        assert all(row.unit_canonical not in ("times", "fraction") for row in rows)
    else:
        assert _one(parse, text, span).value == value


# currencies of the world, written before or after the amount; a subunit stays in the subunit (pint converts it
# into the currency for value_si)
# (sentence, figure span, value, unit as written, unit_canonical)
CURRENCIES = [
    ("The pension fund is worth 34bn kronor.", "34bn kronor", 34e9, "kronor", "SEK"),
    ("Swedish exporters earned SEK 12bn in the quarter.", "SEK 12bn", 12e9, "SEK", "SEK"),
    ("Parliament passed a budget of 3.9 trillion shillings.", "3.9 trillion shillings", 3.9e12, "shillings", "KES"),
    ("The treasury borrowed Sh3.6tn from local lenders.", "Sh3.6tn", 3.6e12, "Sh", "KES"),
    ("The carmaker expects ¥120bn in operating profit.", "¥120bn", 120e9, "¥", "JPY"),
    ("The bank wrote off 45 billion yen.", "45 billion yen", 45e9, "yen", "JPY"),
    # changed by the news-accuracy issue ("value is the number as written in the unit as written: 164p is 164
    # pence"): a subunit keeps its value and is named "pence"; pint's conversion to GBP is value_si (was 2.43 GBP)
    ("Shares in the grocer closed at 243p.", "243p", 243, "p", "pence"),
    ("The stock slipped to 136.4p on Friday.", "136.4p", 136.4, "p", "pence"),
    ("A loaf now costs 95 pence.", "95 pence", 95, "pence", "pence"),
    ("The state will spend Rs 4,200 crore on rural roads.", "Rs 4,200 crore", 4.2e10, "Rs", "INR"),
    ("The ministry set aside 4,200 crore rupees for ports.", "4,200 crore rupees", 4.2e10, "rupees", "INR"),
    ("The miner agreed a R$5bn settlement.", "R$5bn", 5e9, "R$", "BRL"),
    ("The port operator paid HK$3.2bn for the terminal.", "HK$3.2bn", 3.2e9, "HK$", "HKD"),
    ("Canberra pledged A$2bn for flood defences.", "A$2bn", 2e9, "A$", "AUD"),
    ("Ottawa will spend C$1.5bn on housing.", "C$1.5bn", 1.5e9, "C$", "CAD"),
    ("The museum ticket costs kr150.", "kr150", 150, "kr", "SEK"),
    ("Lagos expects ₦40bn from the new levy.", "₦40bn", 40e9, "₦", "NGN"),
    ("The club lost 5 million pounds last season.", "5 million pounds", 5e6, "pounds", "GBP"),
    ("Seoul approved a 3 trillion won stimulus.", "3 trillion won", 3e12, "won", "KRW"),
]


@pytest.mark.parametrize("text, span, value, unit, canonical", CURRENCIES)
def test_currencies(parse, text, span, value, unit, canonical):
    row = _one(parse, text, span)
    assert row.value == pytest.approx(value)
    assert (row.unit, row.unit_canonical, row.quantity_kind) == (unit, canonical, "money")


@pytest.mark.parametrize(
    "text",
    [
        "The sack weighs 200 pounds.",  # no multiplier: a weight, not sterling
        "Of the five candidates, three won outright.",  # "won" is the verb
    ],
)
def test_currency_words_that_are_ordinary_words(parse, text):
    assert all(row.quantity_kind != "money" for row in _figures(parse, text))


def test_pence_are_converted_to_pounds_by_pint():
    registry = unit_registry()
    assert registry.Quantity(250, "GBP_minor").to("GBP").magnitude == pytest.approx(2.5)


# units: masses in micrograms, glued millimetres, hyphenated areas, degrees, mph, "a"/"an" + unit
# (sentence, figure span, value, unit_canonical, quantity_kind, object)
UNITS = [
    ("Each puff delivers 100 micrograms of salbutamol.", "100 micrograms", 100, "microgram", "mass", "salbutamol"),
    ("Each tablet contains 5mg of the drug.", "5mg", 5, "milligram", "mass", "drug"),
    ("Up to 40mm of rain could fall on high ground.", "Up to 40mm", 40, "millimeter", "length", "rain"),
    ("Crews contained the blaze in a 60-square-mile area.", "60-square-mile", 60, "mile ** 2", "area", "area"),
    ("Forecasters expect highs of 34C on Saturday.", "34C", 34, "degree_Celsius", "temperature", "highs"),
    ("The thermometer read 34 degrees Celsius at noon.", "34 degrees Celsius", 34, "degree_Celsius", "temperature", ""),
    ("The car was clocked at 95mph on the bypass.", "95mph", 95, "mile / hour", "speed", ""),
    ("Gusts of 70 mph brought down power lines.", "70 mph", 70, "mile / hour", "speed", "Gusts"),
    ("The river rose a foot overnight.", "a foot", 1, "foot", "length", "river"),
    ("The farm lost nearly an acre of wheat.", "nearly an acre", 1, "acre", "area", "wheat"),
    ("Rainfall reached 1.6in in some towns.", "1.6in", 1.6, "inch", "length", "Rainfall"),
]


@pytest.mark.parametrize("text, span, value, unit, kind, obj", UNITS)
def test_units(parse, text, span, value, unit, kind, obj):
    row = _one(parse, text, span)
    assert row.value == pytest.approx(value)
    assert (row.unit_canonical, row.quantity_kind, row.object) == (unit, kind, obj)
    assert text[row.start : row.end] == row.text


@pytest.mark.parametrize(
    "text",
    [
        "Petrol now costs 150p a litre.",  # "a litre" is the rate's denominator
        "A foot patrol found the car.",  # "foot" modifies "patrol"
        "The heatwave was the third in a row.",
        "The operator is rolling out 5G masts.",  # a capital G is no gram
    ],
)
def test_not_units(parse, text):
    units = [row.unit_canonical for row in _figures(parse, text)]
    assert "foot" not in units and "liter" not in units and "gram" not in units


# figures that were missed: an approximated duration, currency ranges written as one token
@pytest.mark.parametrize(
    "text, span, value, low, high, approx, unit",
    [
        ("Some 13 years after the flood, the mill reopened.", "Some 13 years", 13, NAN, NAN, "about", "year"),
        ("He spent some 13 years in exile.", "some 13 years", 13, NAN, NAN, "about", "year"),
        ("The upgrade will cost £3.5bn–£4bn, officials said.", "£3.5bn–£4bn", NAN, 3.5e9, 4e9, "range", "GBP"),
        ("Analysts put the bill at $3bn-$4bn.", "$3bn-$4bn", NAN, 3e9, 4e9, "range", "USD"),
        ("The stadium could cost US$2B-$3B, the report said.", "US$2B-$3B", NAN, 2e9, 3e9, "range", "USD"),
        ("The report put the stadium at US$2B-$3B.", "US$2B-$3B", NAN, 2e9, 3e9, "range", "USD"),  # a full stop on it
        ("Highs of 12-16C are forecast for the coast.", "12-16C", NAN, 12, 16, "range", "degree_Celsius"),  # no multiplier
        ("The scheme could cost £3.5bn-4bn.", "£3.5bn-4bn", NAN, 3.5e9, 4e9, "range", "GBP"),
        ("Estimates range from £2bn to £2.5bn.", "from £2bn to £2.5bn", NAN, 2e9, 2.5e9, "range", "GBP"),
        # a fraction joined to its unit, spanned from the fraction or from an approximator before the article
        ("Forecasters expect another half-inch of sleet by dawn.", "half-inch", 0.5, NAN, NAN, "exact", "inch"),
        ("The council resurfaced a quarter-mile of the promenade.", "quarter-mile", 0.25, NAN, NAN, "exact", "mile"),
        ("About a half-inch of hail fell on the orchards.", "About a half-inch", 0.5, NAN, NAN, "about", "inch"),
        # a comparative between the number and its unit; with no unit after it, the number counts a noun
        ("Forecasters expect up to 3 more inches of rain on the ridge.", "up to 3 more inches", 3, NAN, NAN, "at_most", "inch"),
        ("The ferry runs 12 additional miles in summer.", "12 additional miles", 12, NAN, NAN, "exact", "mile"),
        ("The club expects 300 more members this spring.", "300", 300, NAN, NAN, "exact", ""),
        # an amount open above, written after it ("and older", "and over")
        ("The trial enrolled volunteers aged 40 years and older from four clinics.", "40 years and older", 40, 40, math.inf,
         "at_least", "year"),
        ("Drivers aged 70 and over must renew the licence.", "70 and over", 70, 70, math.inf, "at_least", "year"),
        # a decimal point read out, as in a transcript; "a 3 point lead" is a count of points
        ("The harbour rate now stands at 6 point 2 percent.", "6 point 2 percent", 6.2, NAN, NAN, "exact", "percent"),
        ("She said four point five percent of members voted.", "four point five percent", 4.5, NAN, NAN, "exact", "percent"),
        ("The party holds a 3 point lead over its rival.", "3 point", 3, NAN, NAN, "exact", "point"),
    ],
)
def test_missed_figures(parse, text, span, value, low, high, approx, unit):
    row = _one(parse, text, span)
    assert _same(row.value, value) and (row.approx, row.unit_canonical) == (approx, unit)
    if approx == "range":
        assert (row.low, row.high) == (pytest.approx(low), pytest.approx(high))


def test_a_range_of_year_shaped_numbers_that_counts_a_noun_stays_a_figure(parse):
    assert _one(parse, "Between 1500 and 2000 people crossed the bridge.", "Between 1500 and 2000").approx == "range"


@pytest.mark.parametrize(
    "text, span, unit",
    [
        # points beside a level of more points than a gap between percents can be are an index's
        ("The Valen index closed 130.5 points, or 0.9 percent, lower at 14,210.2 points.", "130.5 points", "point"),
        ("The Valen index closed 130.5 points, or 0.9 percent, lower at 14,210.2 points.", "14,210.2 points", "point"),
        # beside percents only, points measure a gap between them
        ("Turnout fell from 61% to 57%, a 4-point slide.", "4-point", "percentage_point"),
        # a poll's error is in percentage points; a margin of anything else is not
        ("The survey of 900 adults has a margin of error of 3 points.", "3 points", "percentage_point"),
        ("The bureau's poll carries a sampling error of 2.5 points.", "2.5 points", "percentage_point"),
        ("The index rose by a margin of 40 points on the day.", "40 points", "point"),
        # points scored are counted: the number is the figure, "points" what it counts
        ("The Valen index gained 85 points on Monday.", "85 points", "point"),
        ("Her teammate scored 27 points against the visitors.", "27", ""),
        ("The side has collected 19 points from ten games.", "19", ""),
    ],
)
def test_points_are_an_index_s_or_percentage_points_by_their_sentence(parse, text, span, unit):
    assert _one(parse, text, span).unit_canonical == unit


# "by X to Y" after a word of change: a change and the level it brought (two exact figures) when X carries a scale
# of its own; a range of the change when the scale or unit is written once, on Y
@pytest.mark.parametrize(
    "text, expected",
    [
        ("The museum's endowment has grown by £10.3bn to £26.4bn since 2010.",
         [("£10.3bn", 10.3e9, NAN, NAN, "exact"), ("£26.4bn", 26.4e9, NAN, NAN, "exact")]),
        ("Grain stocks were cut by 2m to 3m tonnes over the winter.",
         [("2m", 2e6, NAN, NAN, "exact"), ("3m tonnes", 3e6, NAN, NAN, "exact")]),
        ("Ferry fares could rise by $2 to $3 billion a year in total, the regulator warned.",
         [("$2 to $3 billion", NAN, 2e9, 3e9, "range")]),
        ("Orchard yields are expected to fall by 4 to 6 per cent this autumn.",
         [("4 to 6 per cent", NAN, 4, 6, "range")]),
    ],
)
def test_by_x_to_y_is_a_change_and_a_level_only_when_x_is_written_whole(parse, text, expected):
    rows = _figures(parse, text)
    assert [r.text for r in rows] == [e[0] for e in expected]
    for row, (_, value, low, high, approx) in zip(rows, expected):
        assert _same(row.value, value) and row.approx == approx
        if approx == "range":
            assert (row.low, row.high) == (pytest.approx(low), pytest.approx(high))


# a change "from X to Y" writes the unit, scale or currency word once, on the level Y: X takes them; not what a
# price is per, and a plain count has no unit to take
@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("The vacancy rate fell from 6.2 to 5.8 per cent in the spring.", "6.2", 6.2, "percent"),
        ("Support for the levy slipped from 61 to about 55% after the debate.", "61", 61, "percent"),
        ("The harbour town's population grew from 1.2 to 1.5 million in a decade.", "1.2", 1.2e6, ""),
        ("The waiting time rose from 18 months to 2 years.", "18 months", 18, "month"),
        ("The club grew from 14 to 22 coaches this season.", "14", 14, ""),
        ("Bus fares rose from 90 to 95 cents.", "90", 90, "USD cent"),
        ("Diesel rose from 90 to 95 cents a litre.", "90", 90, ""),
        ("Between 4 and 6 per cent of the harvest spoiled.", "Between 4 and 6 per cent", NAN, "percent"),
    ],
)
def test_the_first_end_of_a_change_takes_the_unit_written_on_the_second(parse, text, span, value, unit):
    row = _one(parse, text, span)
    assert _same(row.value, value) and row.unit_canonical == unit


# "under"/"over"/"above"/"below" before an article and a hyphenated modifier govern the noun phrase: the figure is
# the modifier, exact; other approximators, or no article, keep the approximator
@pytest.mark.parametrize(
    "text, span, approx",
    [
        ("The ferry line runs under a 12-year concession from the harbour board.", "12-year", "exact"),
        ("The keeper kept six clean sheets over a 20-game stretch.", "20-game", "exact"),
        ("The defendant faces up to a 14-year term.", "up to a 14-year", "at_most"),
        ("The tunnel was dug in under a year.", "under a year", "less_than"),
        ("Pupils under 11 eat free at the canteen.", "under 11", "less_than"),
    ],
)
def test_a_preposition_before_an_article_and_a_hyphenated_modifier_is_no_approximator(parse, text, span, approx):
    assert _one(parse, text, span).approx == approx


def test_a_duration_before_ago_without_an_approximator_is_a_time(parse):
    assert _figures(parse, "The mill closed two years ago.") == []


# the object is the head noun the figure counts or measures, else what a level or amount is of or about (the
# subject of a level verb, the noun it is "of"); never a period ("in the quarter") or a noun the verb does not
# set to the figure ("burned for nine days")
# (sentence, figure span, object)
OBJECTS = [
    ("Unemployment rose to 4.4 per cent in the spring.", "4.4 per cent", "Unemployment"),
    ("Brent crude rose 2.1% to $84.30 a barrel.", "2.1%", "Brent crude"),
    ("Brent crude rose 2.1% to $84.30 a barrel.", "$84.30 a barrel", "Brent crude"),
    ("Temperatures of 34C are forecast for the weekend.", "34C", "Temperatures"),
    ("The moorland fire burned for nine days.", "nine days", ""),
    ("The moorland fire lasted nine days.", "nine days", "moorland fire"),
    ("The lender made $1.3 billion in the quarter.", "$1.3 billion", ""),
    ("The lender set aside £200m in provisions.", "£200m", "provisions"),
    ("Ministers approved 28 new settlements.", "28", "settlements"),
    ("Rebels hold dozens of villages near the border.", "dozens", "villages"),
    ("Officials said 200,000 people had left.", "200,000", "people"),
    ("Drought has parched 400 square miles of land.", "400 square miles", "land"),
    ("Nurses gave 100 micrograms of salbutamol to each child.", "100 micrograms", "salbutamol"),
    ("Only 12% of tenants replied.", "12%", "tenants"),
    ("Onions now cost Rs 60 a kilo in the city.", "Rs 60 a kilo", "Onions"),  # a place is not what is priced
]


@pytest.mark.parametrize("text, span, obj", OBJECTS)
def test_object_is_what_the_figure_counts_or_measures(parse, text, span, obj):
    assert _one(parse, text, span).object == obj


# what a figure counts or measures, one rule at a time, on sentences written for the test; each rule with a case
# where it applies and one where a wrong object must not be taken
# (sentence, figure span, object)
OBJECT_RULES = [
    # the counted noun, with or without its partitive "of", and the nouns compounded before it
    ("Twelve new hospitals opened this year.", "Twelve", "hospitals"),
    ("Twelve of the hospitals closed.", "Twelve", "hospitals"),
    ("The town lost 12 leather workshops.", "12", "leather workshops"),
    ("The storm hit 12 towns.", "12", "towns"),  # a place noun that is counted is the object
    ("The striker has scored only one goal this season.", "one", "goal"),  # "one" counting its verb's object
    # measure-of and share-of
    ("Farmers lost 2 tonnes of grain.", "2 tonnes", "grain"),
    ("Only 40% of voters backed the plan.", "40%", "voters"),
    # quantity nouns: the thing they count
    ("The number of visitors rose to 40,000.", "40,000", "visitors"),
    # ... but a percentage changes or sets the number or share itself
    ("The number of people on the waiting list rose by 66% in June.", "66%", "number of people"),
    ("Its share of the tablet market shrank to 9% last year.", "9%", "share"),
    ("A total of 310 households were evacuated.", "310", "households"),
    ("The port handled $200m worth of exports.", "$200m", "exports"),
    # "an average of" a figure stands for it in its clause; "the five-year average of" one is what it measures
    ("Bus fares will rise by an average of 2.7% in January.", "2.7%", "Bus fares"),
    ("Output stayed above the five-year average of 850 tonnes.", "850 tonnes", "five-year average"),
    # ... as do "a high of" and "a record" before the figure
    ("Food inflation hit a 30-year high of 11.2%.", "11.2%", "Food inflation"),
    ("Museum income reached a record £4.2m last year.", "£4.2m", "Museum income"),
    ("Cocoa prices surged to a record $9 a kilo.", "$9 a kilo", "Cocoa prices"),
    ("The museum sold a record 40,000 tickets.", "40,000", "tickets"),  # a counted noun is still counted
    ("The museum broke its record of 4,000 visitors.", "4,000", "visitors"),
    # the measured thing of a level or change keeps the nouns compounded before it and a classifying adjective
    # (tests/gold/unseen/CONVENTIONS.md: "the jobless rate" -> "jobless rate", "Ticket sales"); a counted noun
    # keeps neither
    ("The unemployment rate rose to 4% in May.", "4%", "unemployment rate"),
    ("The jobless rate fell to 3.9%.", "3.9%", "jobless rate"),
    ("Net profit rose 12% to $40m.", "$40m", "Net profit"),
    ("Pre-tax profit fell 9% to £48m.", "£48m", "Pre-tax profit"),  # a classifying adjective split at its hyphen
    ("Smartphone shipments fell 8% last quarter.", "8%", "Smartphone shipments"),
    ("The landslide's death toll climbed to 31.", "31", "death toll"),  # a count noun stands for its compound
    ("Rescuers found 31 storm victims.", "31", "storm victims"),  # a counted noun too
    ("Rescuers found 31 injured victims.", "31", "victims"),  # not a describing adjective
    # a plain adjective naming the kind stays (dev2, dev3, dev4 gold); size, novelty, participles, superlatives
    # and nationalities do not
    ("The council approved a 10MW solar farm.", "10MW", "solar farm"),
    ("The plant will supply 40,000 rural homes.", "40,000", "rural homes"),
    ("Total sales rose 4% to $1.6bn.", "4%", "Total sales"),
    ("The firm hired 300 new staff.", "300", "staff"),
    ("The projected capacity is 189MW.", "189MW", "capacity"),
    ("Indian sugar exports rose 28%.", "28%", "sugar exports"),
    # ... a period's adjective or hyphenated period word that names a kind of measure stays too
    ("First-quarter revenue rose 8% to $1.5bn.", "8%", "First-quarter revenue"),
    ("Annual inflation eased to 2.9% in July.", "2.9%", "Annual inflation"),
    ("Shares hit a 10-year high of 540p.", "10-year", "high"),  # a period with digits is a figure of its own
    ("The monthly pace of price growth slowed to 0.4%.", "0.4%", "monthly pace of price growth"),
    # a change noun with an "in" phrase changes that thing; not a phrase with a determiner or a period
    ("Homeowners face a 15 per cent increase in rates.", "15 per cent", "rates"),
    ("There was a 24% surge in this category of airports.", "24%", "surge"),
    ("Staff got a 3% rise in April.", "3%", "rise"),
    ("Case numbers climbed to 1,400 on Friday.", "1,400", "Case numbers"),
    ("Traders said Acme shares fell 5%.", "5%", "shares"),  # a name before a common noun is left out
    ("The Dow Jones transportation average fell 2%.", "2%", "Dow Jones transportation average"),  # ... not a measure's
    ("Egg prices jumped 60% last year.", "60%", "Egg prices"),  # ... a noun capitalised at the start is no name
    ("Its 4G network revenue rose 9%.", "9%", "network revenue"),  # a word split after a number is not taken
    ("Shipping costs doubled to $4,000 a container.", "$4,000 a container", "Shipping costs"),
    ("The FTSE 100 closed 40 points lower at 7,420.", "7,420", "FTSE 100"),  # a name is whole, its number too
    ("Earnings per share fell to 42p.", "42p", "Earnings per share"),
    # ... and the "of" phrase that names it after the head, as a compound would before it; not another head's
    ("The rate of infection among nurses fell to 3%.", "3%", "rate of infection"),
    ("The level of unemployment rose to 9%.", "9%", "level of unemployment"),
    ("Shares of the carmaker fell 3%.", "3%", "Shares"),
    ("The rate in Ohio rose to 5%.", "5%", "rate"),
    ("Exports were up 12% on the year.", "12%", "Exports"),
    ("House sales went up by 7%.", "7%", "House sales"),
    ("The damage was estimated at $3m.", "$3m", "damage"),
    # an adjective of scope classifies the thing and stays; one of totality describes it and does not
    ("The regional jobless rate held steady at 4.4%.", "4.4%", "regional jobless rate"),
    ("The charity fed 2,000 local families last winter.", "2,000", "local families"),
    ("The overall tally rose to 40.", "40", "tally"),
    ("The state's minimum wage rises to $16 an hour in July.", "$16", "minimum wage"),
    ("Police held 12 at the station overnight.", "12", ""),  # "held" sets its subject only "at" a figure
    # a passive verb of change sets its subject; a duration after a preposition of a period measures nothing
    ("Ferry fares were cut by 10% in May.", "10%", "Ferry fares"),
    ("The sea wall was raised by 40 volunteers.", "40", "volunteers"),
    ("Pension payments will rise 4% over the next three years.", "three years", ""),
    ("Waiting times have doubled to 18 weeks.", "18 weeks", "Waiting times"),
    # a noun a figure is per, or the noun of "thanks to", is not what it counts: the level is the subject's
    ("Match attendance has fallen to about 9,000 a game.", "about 9,000", "Match attendance"),
    ("The academy now has 40 pupils per class.", "40", "pupils"),
    ("Bakery profits rose by a third thanks to online orders.", "a third", "Bakery profits"),
    ("Season ticket sales hit 48,000 - another record.", "48,000", "Season ticket sales"),
    ("The trial ran over the course of six years.", "six years", ""),
    ("The judge heard evidence of six years of neglect.", "six years", "neglect"),
    ("Retail sales grew 0.6% qoq in the spring.", "0.6%", "Retail sales"),  # a change's period is no object
    ("The current account deficit narrowed to $12bn.", "$12bn", "current account deficit"),
    ("The report shows a 3% rise in output to 2.1m tonnes.", "2.1m tonnes", "output"),
    ("The central bank raised rates by 25 basis points.", "25 basis points", "rates"),
    ("The deficit widened to -£3.2bn.", "-£3.2bn", "deficit"),
    ("Gold futures GCc1 fell 1.2% to $1,900 an ounce.", "1.2%", "Gold futures"),  # a market code's name
    # ... through a relative pronoun, a participle, an object that is the subject of the verb it controls
    ("The bridge, which cost $40m, opened on Friday.", "$40m", "bridge"),
    ("Boxes weighing 20kg were unloaded.", "20kg", "Boxes"),
    ("The firm saw its revenue fall 6% last year.", "6%", "revenue"),
    ("The index rose 2% on Monday after falling 3% on Friday.", "3%", "index"),
    ("Palm oil jumped 4% to settle at $610 a tonne.", "$610 a tonne", "Palm oil"),  # an infinitive after a level verb
    # a pronoun subject stands for the subject of the clause its own hangs on, when their numbers agree
    ("The euro traded at 1.12 on Friday after it opened at 1.15.", "1.15", "euro"),
    ("Sales rose 5% last year and they are expected to rise 3% this year.", "3%", "Sales"),
    ("Officials were relieved after it fell to 2%.", "2%", ""),
    ("The council raised taxes to cover $5m.", "$5m", ""),  # ... and after any other verb
    ("The company recovered after losing $3m in May.", "$3m", ""),  # a sum lost sets no level of the company
    # what a sum pays for or is spent on; a sum written on a noun is that thing, named with its compounds, a
    # sum "in" or "on" a noun names what it is made of or spent on, unless that noun has a determiner
    ("The board approved a $40m flood defence scheme.", "$40m", "flood defence scheme"),
    ("Tenants will receive £300 fuel vouchers this winter.", "£300", "fuel vouchers"),
    ("The agency handed out $9 million in housing grants.", "$9 million", "housing grants"),
    ("The driver was fined £300 in his absence.", "£300", ""),
    ("The council borrowed $5m for schools.", "$5m", "schools"),
    ("The club spent £30m on new players.", "£30m", "players"),
    ("The flat was sold for £450,000.", "£450,000", "flat"),
    ("They sold the farm for $2m.", "$2m", "farm"),
    # the person an age is apposed to
    ("Maria Lopez, 41, opened the shop.", "41", "Maria Lopez"),
    # ... and the noun or pronoun of people a bound of an age follows; a bound no age can be is not one
    ("Tickets are free for anyone 65 or older.", "65 or older", "anyone"),
    ("The museum is free for children under 12 on Sundays.", "under 12", "children"),  # a figure, not a date
    ("The survey found workers over 500 in each plant.", "over 500", ""),
    # a restatement in brackets, after ", or" or between dashes measures the same thing
    ("Water temperatures reached 30C (86F) on Sunday.", "86F", "Water temperatures"),
    ("The index rose 120 points, or 1.5%, to 8,100.", "1.5%", "index"),
    ("The gauge fell 12 points - 3% - on the day.", "3%", "gauge"),
    # a change after a comma is the change of the amount before it, not of the clause's subject
    ("The bakery sold 4,000 loaves, down 8% from last year.", "8%", "loaves"),
    ("The bakery's shares closed down 8% on Friday.", "8%", "shares"),
    # an earlier level after a comma is of what the amount before it counts, not of the clause's subject
    ("The clinic saw 900 patients in August, up from 700 in July.", "700", "patients"),
    ("Some 8,100 people were waiting over 18 months, down from 9,400.", "9,400", "people"),
    ("Rents rose 4% in May, up from 3% in April.", "3%", "Rents"),
    # a measure in a list, and a sum set against another
    ("Broadband speeds of 100Mbps and 500Mbps are offered.", "500Mbps", "speeds"),
    ("Revenue was $2.1bn, compared with $1.8bn a year earlier.", "$1.8bn", "Revenue"),
    # ... joined to the adverb or preposition that holds the one before, or (a misparse) to its verb
    ("The annual pace of rent growth eased to 3.1 per cent in June, down from 3.4% in May and 3.9% in April.", "3.9%",
     "annual pace of rent growth"),
    ("The yearly rate of fee growth slowed to 0.3 per cent in May down from 0.6% in April and 0.9% in March.", "0.9%",
     "yearly rate of fee growth"),
    ("The ferry company sold 300 season tickets in May and 200 in June.", "200", "season tickets"),
    ("Shares in the brewer rose 3% on Monday and the index fell 1%.", "1%", "index"),  # a clause with its own subject
    # a figure between a noun and a comparative measures that noun, not the clause's subject; not after a period
    ("Building costs have risen by about a fifth, with schools 24 per cent more expensive to build and clinics 19 per "
     "cent more expensive.", "19 per cent", "clinics"),
    ("Building costs have risen by about a fifth, with schools 24 per cent more expensive to build and clinics 19 per "
     "cent more expensive.", "24 per cent", "schools"),
    ("Rail fares in March were 5% higher than a year before.", "5%", "Rail fares"),
    # a bare figure after "including" is a part of the one before; with a noun of its own, that noun
    ("The council employs 1,400 staff, including 300 at the recycling depot.", "300", "staff"),
    ("The council hired 200 wardens, including 40 trainees.", "40", "trainees"),
    # the wrong object is not taken: a year, a period, a place, a sum's owner, a verb with no level
    ("Sales rose 4% in 2020.", "4%", "Sales"),
    ("Sales rose 3% month on month.", "3%", "Sales"),
    ("Phoenix hit 45C on Monday.", "45C", ""),
    ("Temperatures in Phoenix hit 45C on Monday.", "45C", "Temperatures"),
    ("Madrid recorded 40C on Monday.", "40C", ""),
    ("On Monday the town of Alderbury topped out at 39C.", "39C", ""),  # a place noun named by a place
    ("The population of Ohio grew 2% last year.", "2%", "population"),  # ... not any noun "of" a place
    ("The company lost $1.3bn last year.", "$1.3bn", ""),
    ("Shares lost 4% on Friday.", "4%", "Shares"),
    ("Troops advanced 20 miles.", "20 miles", ""),
    ("Patients can go home within 24 hours.", "24 hours", ""),  # "within" is no approximator
    ("The firm made $5m on the deal.", "$5m", ""),  # "on" pays for something only after a verb of spending
    ("The harvest fell 15%, costing farmers $2bn.", "$2bn", ""),  # the cost is the fall's, not the harvest's
    # a dateline read as a second subject: the subject nearest the verb is what the level or change is of
    ("Madrid: hotel prices are expected to rise by 4% this summer.", "4%", "hotel prices"),
    ("Geneva: lake temperatures hit 26C on Sunday.", "26C", "lake temperatures"),
    # a year before a subject does not make it a counted noun
    ("The airline's 2019 passenger numbers rose 6% to 8 million.", "6%", "passenger numbers"),
    # verbs of level with a particle
    ("Rents crept up 2% in March.", "2%", "Rents"),
    ("Inflation ticked down to 3.1%.", "3.1%", "Inflation"),
    ("Police shot 2 near the station.", "2", ""),  # no particle, no level
    # a noun a figure bounds through its approximator, written right before it
    ("Grants above £5,000 need approval.", "above £5,000", "Grants"),
    ("Discounts of up to 40% were offered.", "up to 40%", "Discounts"),
    ("Most people over 30 cannot hear the tone.", "over 30", "people"),
    ("Sales rose over 5% last year.", "over 5%", "Sales"),  # a verb before it: the clause's subject
    # a figure apposed to a common noun after a comma is that thing's amount; not a counted noun's, nor a place's
    ("The annual budget, $45 million this year, is under strain.", "$45 million", "annual budget"),
    ("The jobless rate, 4.2% in May, is the lowest in years.", "4.2%", "jobless rate"),
    ("The deal, up to $5m, was signed.", "up to $5m", "deal"),
    ("Leeds, 12 miles away, was flooded.", "12 miles", ""),
    ("The majority of passengers, 632 million, were adults.", "632 million", "passengers"),  # through a quantity noun
    # a size written after the noun it measures, with its adjective; not one set against a level ("2 metres higher")
    ("Divers found a crater 12 metres deep.", "12 metres", "crater"),
    ("The garden wall, 4 metres high, collapsed.", "4 metres", "garden wall"),
    ("Divers went 12 metres deeper.", "12 metres", ""),
    ("The capture of over 28 villages was reported.", "over 28", "villages"),  # an event is counted through
    ("Its stores posted sales gains between 3% and 7%.", "between 3% and 7%", "sales gains"),  # a change is measured
    ("Sales rose between 3% and 5%.", "between 3% and 5%", "Sales"),
    # an object is a word as written: not a symbol the tagger reads as a noun, nor the end of a hyphenated word
    ("Claims fell more than 3,000 (12%) to 24,900.", "more than 3,000", ""),
    ("He blamed more than a decade of underinvestment and short-termism.", "more than a decade", ""),
    ("The clinic bought two X-ray machines.", "two", "machines"),
    # a restatement between dashes with "or", or after a bare "or" in another unit, is of what the amount is of;
    # "or" between amounts of one unit joins two amounts
    ("Toll income rose by 6 per cent – or $2 million – in May.", "$2 million", "Toll income"),
    ("The Valen index fell 230 points or 1.2 per cent on Monday.", "1.2 per cent", "Valen index"),
    # ... but where the earlier amount counts nothing, the later one's own noun stands
    ("That is 1,200 or 40% more visits than the week before.", "40%", "visits"),
    ("The fair drew 500 or 20% more guests than last year.", "20%", "guests"),
    # what a sum is the value of, through "worth"; not a noun it is no value of
    ("The city signed a contract worth $12 million with the builder.", "$12 million", "contract"),
    ("The harbour stake is worth $3bn, brokers said.", "$3bn", "harbour stake"),
    ("It is worth $12 million, brokers said.", "$12 million", ""),
    ("The port shipped $12 million worth of timber.", "$12 million", "timber"),
    # an age given through "aged" is of the noun the participle describes
    ("The clinic treated patients aged 70 years and older.", "70 years and older", "patients"),
    ("She was aged 70 when she retired.", "70", ""),
    # a measure or sum alone in brackets gives the value of the noun right before them, past a place phrase
    ("The cheapest tickets in Valen ($85) sold out first.", "$85", "tickets"),
    ("Fares rose in March ($3.20) after the vote.", "$3.20", ""),
    # an earlier level after a comma and "up from" is of the amount before it, across a reporting clause set
    # between them; not across a clause that is no reporting one's
    ("The mill made 900 rolls, the owners said on Monday, up from 700 a year ago.", "700", "rolls"),
    ("The mill made 900 rolls, and prices rose, up from 700 a year ago.", "700", "prices"),
    # a figure in a "for" phrase of a noun belongs to that noun, never to the figure before it
    ("The yard built 40 ferries for the island and holds orders for more than 300.", "more than 300", ""),
    ("The yard built 40 ferries for the island and 30 for the mainland.", "30", "ferries"),
    # a noun that is the unit of another figure is never this one's object
    ("The board approved four straight 6 percent raises.", "four", ""),
    ("The charity handed out four 20-pound boxes of food.", "20-pound", "boxes"),
    # the level a change "by" a figure brought, after its restatement, measures what changed; a sum "to" a
    # noun after no change is no level
    ("Toll income rose by 6 per cent – or $2 million – to $35 million in May.", "$35 million", "Toll income"),
    ("The council gave $5 million to charity last year.", "$5 million", ""),
    # a sum "for" people is what they get or pay, not what it pays for
    ("The city set aside $400 for residents this winter.", "$400", ""),
    ("The city set aside $400 for schools this winter.", "$400", "schools"),
    # "which" never stands for people; it does for a thing
    ("Fees rise by £30 for tenants, which amounts to 60p a week.", "60p", ""),
    ("Officials backed the ferry plan, which costs $5m.", "$5m", "ferry plan"),
    # a measure noun a figure is "of" through the noun it is "of" keeps that phrase
    ("The survey has a margin of error of 3 points.", "3 points", "margin of error"),
    # "equate to" sets its subject to a level
    ("The rise would equate to 80p a week.", "80p", "rise"),
    # a sum "in" a noun after a comparative is made of it
    ("The port collected $4 million more in fees this year.", "$4 million", "fees"),
    # a level stated in a relative clause on an amount is of what the amount measures; another verb's is not
    ("The deal lifts the base fee to $42,000, which is up from $39,500 in 2019.", "$39,500", "base fee"),
    ("The fare is $12, which translates to about 900 rupees.", "about 900 rupees", "fare"),
    ("The club's budget is $40,000, which was spent over six weeks.", "six weeks", ""),
    # a difference joined to another by its comparative is of the same amount; one of another kind is not
    ("Gas costs $4.70 here, far above the state average of $3.80, which is 11 cents more than a month ago and 70 cents"
     " more than a year ago.", "70 cents", "state average"),
    ("Gas costs $4.70 here, far above the state average of $3.80, which is 11 cents more than a month ago and 3%"
     " more than a year ago.", "3%", ""),
    # an amount set off by a dash gives the noun phrase before it, never a noun of change
    ("Officials reported a rise in the number of families in temporary housing – 1,300 this spring.", "1,300",
     "families"),
    ("Most of the grant – $40,000 – went to repairs.", "$40,000", "grant"),
    ("The sharp rise – 4,000 in a year – alarmed officials.", "4,000", ""),
]


@pytest.mark.parametrize("text, span, obj", OBJECT_RULES)
def test_object_rules(parse, text, span, obj):
    row = _one(parse, text, span)
    assert row.object == obj
    if obj:
        assert text[row.object_start : row.object_end] == obj


def test_every_count_noun_keeps_its_compound_in_an_object():
    """A count noun stands for its compound ("death toll": deaths) when figures are paired, so the object keeps
    that compound: every count noun of figure_context.yaml is a relational head of figure_objects.yaml."""
    from analysis.extraction.figures.context import context_words
    from analysis.extraction.figures.wordlists import lexicon

    assert context_words().count_nouns <= lexicon().relational_heads


def test_a_year_is_no_figure_and_no_object(parse):
    rows = _figures(parse, "Sales rose 4% in 2020.")
    assert [(r.text, r.object) for r in rows] == [("4%", "Sales")]


# elliptic counts inherit only an "of" complement or the object of the figure just before them in a list; a count
# standing alone at the start of a sentence stands for the counted noun of the sentence before, a count elsewhere
# in the sentence, or a measure, does not
# (sentence, figure span, object)
ELLIPSES = [
    ("Two passengers died in the crash. Ten were hurt.", "Ten", "passengers"),
    ("The plant employs 400 workers. Two were promoted.", "Two", "workers"),
    ("The plant employs 400 workers. The council approved two.", "two", ""),
    ("Two passengers died in the crash. The line reopened after 40 minutes.", "40 minutes", ""),
    ("Nine of the councillors backed the motion.", "Nine", "councillors"),
    ("Two passengers died and nine were taken to hospital.", "nine", "passengers"),
    ("Almost 9,000 homes lost power, down from over 60,000 on Monday.", "over 60,000", "homes"),
    ("The council has 40 members, and the mayor said the vote was close after two voted against.", "two", ""),
    ("The audit covered 30 schools, though inspectors said two voted against the plan.", "two", ""),
    ("A crowd of 2,000 gathered after police arrested 14 protesters.", "2,000", "crowd"),
    # a bare count joined to the noun the count before it counts stands for that noun; one with its own does not
    ("There were 52 deaths on Tuesday and 61 on Wednesday.", "61", "deaths"),
    ("Doctors saw 40 patients on Monday and 55 nurses on Tuesday.", "55", "nurses"),
    # a partitive "of" written before a bare count is what it counts; a pronoun there names no noun
    ("Of the 80 pupils tested, 12 were absent.", "12", "pupils"),
    ("Of those, 12 were absent.", "12", ""),
    ("In the end, 12 went home.", "12", ""),
    # a quantity noun with a demonstrative stands for what the sentence before counts; without one it does not
    ("The clinic treated 300 patients in May. That figure rose to 410 in June.", "410", "patients"),
    ("The clinic treated 300 patients in May. The figure rose to 410 in June.", "410", "figure"),
    # a difference or earlier level stated of "this" or "that" is of what the sentence before leads with; another
    # verb, or no comparison, does not point back
    ("Wheat output reached 4,000 tonnes in March. This is 12% less than in February.", "12%", "Wheat output"),
    ("Ticket sales hit 9,000 on Friday at 40 kiosks. That's 15% higher than last year.", "15%", "Ticket sales"),
    ("Membership stood at 1,200 in June. This is up from 950 a year earlier.", "950", "Membership"),
    ("The council approved 300 homes. This will cost $5m.", "$5m", ""),
    ("Wheat output reached 4,000 tonnes in March. This is 12% of the harvest.", "12%", "harvest"),
]


@pytest.mark.parametrize("text, span, obj", ELLIPSES)
def test_elliptic_counts(parse, text, span, obj):
    assert _one(parse, text, span).object == obj


# a change "from X to Y" is two figures, each exact, both measuring the same thing; elsewhere "from X to Y" and
# "between X and Y" are one range
# (sentence, [(span, value, approx, object), ...])
CHANGES_AND_RANGES = [
    ("Ferry fares rose from £2.10 to £2.40 in March.",
     [("£2.10", 2.1, "exact", "Ferry fares"), ("£2.40", 2.4, "exact", "Ferry fares")]),
    ("Membership fell sharply from 1,200 to 950.", [("1,200", 1200, "exact", "Membership"), ("950", 950, "exact", "Membership")]),
    ("The jobless rate climbed from 4.2% to 4.9% last year.", [("4.2%", 4.2, "exact", "jobless rate"), ("4.9%", 4.9, "exact", "jobless rate")]),
    ("Rents will cost from 900 to 1,100 euros a month.", [("from 900 to 1,100 euros", NAN, "range", "Rents")]),
    ("Forecasters expect between 20 and 30 centimetres of snow.", [("between 20 and 30 centimetres", NAN, "range", "snow")]),
    # both ends of a change measure what changes, whichever end the parse gives it to
    ("Prices rose from 10% to 25%.", [("10%", 10, "exact", "Prices"), ("25%", 25, "exact", "Prices")]),
    ("The cheapest flat went from $500 to $900.", [("$500", 500, "exact", "flat"), ("$900", 900, "exact", "flat")]),
    # "from X to Y" that opens no change is the span of one amount
    ("The pump's operating temperature is from -30°C to 60°C.", [("from -30°C to 60°C", NAN, "range", "operating temperature")]),
    ("Rents vary from $500 to $900.", [("from $500 to $900", NAN, "range", "Rents")]),
    # the same with a price per unit on both ends
    ("Barley prices climbed from $410 a tonne to $450 a tonne.",
     [("$410 a tonne", 410, "exact", "Barley prices"), ("$450 a tonne", 450, "exact", "Barley prices")]),
]


@pytest.mark.parametrize("text, expected", CHANGES_AND_RANGES)
def test_change_from_to_is_two_figures_and_a_range_is_one(parse, text, expected):
    rows = _figures(parse, text)
    assert [(r.text, r.approx, r.object) for r in rows] == [(span, approx, obj) for span, _, approx, obj in expected]
    assert all(_same(r.value, value) for r, (_, value, _, _) in zip(rows, expected))


# a price per unit or per thing is money per it; pay over a period is money (the period is a time expression)
@pytest.mark.parametrize(
    "text, span, unit",
    [
        ("Brent rose to $61.38 a barrel.", "$61.38 a barrel", "USD / oil_barrel"),
        ("Gold traded at $1,800 an ounce on Friday.", "$1,800 an ounce", "USD / ounce"),
        ("New shares were sold at Rs 754 per share.", "Rs 754 per share", "INR / share"),
        ("The striker earns £90,000 a week.", "£90,000", "GBP"),
        ("The bakery borrowed $5m a year ago.", "$5m", "USD"),
        # a unit after a slash written against the amount; a period after it is no unit a price is per
        ("Growers were paid $7.40/kg for the crop.", "$7.40/kg", "USD / kilogram"),
        ("Brokers quoted between $3.10 and $3.30/kg for the fruit.", "between $3.10 and $3.30/kg", "USD / kilogram"),
        ("The gym charges $30/month for members.", "$30", "USD"),
        # a range of prices per unit written on both ends is one range
        ("Barley contracts sit at $410 a tonne to $450 a tonne this season.", "$410 a tonne to $450 a tonne",
         "USD / metric_ton"),
    ],
)
def test_price_per_unit(parse, text, span, unit):
    row = _one(parse, text, span)
    assert (row.unit_canonical, row.quantity_kind) == (unit, "money")


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky spoke in one of his first public acknowledgments.",
        "One senior commander claimed the strike had failed.",
        "For one thing, the ferry was late.",  # a bare "one" counts only its verb's object ("scored one goal")
        "Pensioners will get a one-off payment.",
        "The first case of Covid-19 was confirmed on March 3, 2020.",
        "The F-16s and Su-25s were retired in the 1990s.",
        "Passengers on the Boeing 737 were told to call 0800 123 4567.",
        "The ruling was made under Article 5 of the 1951 convention.",
        "The plane landed at Terminal 2 shortly after 14:30.",
        "Leaders of the G7 met for the third time this year.",
        "Moscow has pulled some troops out of the south.",
        "The council meets on Monday and again next week.",
        # a span of years is no amount
        "The archive covers the harbour from 1921 to 1958.",
        "The series ran 1994-2003 on regional television.",
        # a bound the parser calls a date is an age only after a noun of people ("children under 12" is a figure)
        "The league is open to teams under 12.",
        # labels written in digits: a zip code or an extension, and a street's house number, count nothing
        "Families in zip codes 40213, 40214 and 40218 were offered the shots.",
        # a longer list, whose later numbers the parser hangs on a noun before it
        "Under the rule, families who live within zip codes 40213, 40214, 40215 and 40218 must register.",
        "Only the 60614 zip code reported a delay.",
        "The clinic answers at extension 4410 until noon.",
        "The minister left 11 Harbour Street before dawn.",
    ],
)
def test_not_figures(parse, text):
    assert _figures(parse, text) == []


@pytest.mark.parametrize(
    "text, interval",
    [
        # changed by the cross-article pairs work: "about" allows its printed rounding when that is wider than
        # 10% (400 is printed to the hundred: 350 to 450; was 360 to 440)
        ("about 400 people", (350, 450)),
        ("about 20,000 people", (15_000, 25_000)),
        ("about 21,000 people", (18_900, 23_100)),  # 10% is wider than rounding to the thousand
        ("about 1,000 people", (750, 1_250)),  # a lone leading 1: copy rounds to 1.5 before 2
        ("about 5 people", (4.5, 5.5)),
        ("nearly 400 people", (360, 400)),
        ("at least 28 people", (28, math.inf)),
        ("up to 20 people", (0, 20)),
        ("between 10 and 15 people", (10, 15)),
        # changed by the news-accuracy issue ("vague amounts get the interval their words allow"): a vague
        # plural of a power has no upper bound, high is inf (was NaN)
        ("dozens of people", (24, math.inf)),
        ("tens of thousands of people", (20_000, math.inf)),
    ],
)
def test_interval_the_wording_allows(parse, text, interval):
    (row,) = _figures(parse, f"Officials said {text} were there.")
    assert _same(row.low, interval[0]) and _same(row.high, interval[1])


@pytest.mark.parametrize(
    "text, span, approx, approximator, interval",
    [
        # a verb of passing a mark: the figure is the mark, an open bound
        ("Deaths in Valen passed 10,000 on Monday.", "10,000", "more_than", "passed", (10_000, math.inf)),
        ("The county topped 5,000 cases on Friday.", "5,000", "more_than", "topped", (5_000, math.inf)),
        ("Cases in the region surged past 20,000.", "20,000", "more_than", "past", (20_000, math.inf)),
        ("Surpassing 1,000 deaths, the city closed its parks.", "1,000", "more_than", "Surpassing", (1_000, math.inf)),
        ("The province crossed the 2,000 mark last week.", "2,000", "more_than", "crossed", (2_000, math.inf)),
        ("Deaths in Valen neared 900 on Sunday.", "900", "nearly", "neared", (810, 900)),
        # negated, the verb bounds it from above
        ("Cases in the county did not exceed 50 last month.", "50", "at_most", "exceed", (0, 50)),
        # a verb that gives the count, and a mark that is another place's own figure: exact
        ("The toll reached 3,112 on Monday.", "3,112", "exact", "", (3_112, 3_112)),
        ("Valen surpassed Oskarby's 3,245 deaths on Monday.", "3,245", "exact", "", (3_245, 3_245)),
        # an approximator written on the number is kept
        ("Deaths passed more than 4,000 on Monday.", "more than 4,000", "more_than", "more than", (4_000, math.inf)),
    ],
)
def test_a_verb_of_passing_a_mark_makes_the_figure_an_open_bound(parse, text, span, approx, approximator, interval):
    row = _one(parse, text, span)
    assert (row.approx, row.approximator) == (approx, approximator)
    assert _same(row.low, interval[0]) and _same(row.high, interval[1])
    if approximator:
        assert text[row.approximator_start : row.approximator_end] == approximator


def test_duration_with_a_number_is_a_figure_and_a_date_is_a_time_expression(parse):
    parsed = parse("The union will strike for 72 hours from Friday, after talks collapsed last week.")
    assert [(r.text, r.quantity_kind) for r in figure_rows(parsed, [])] == [("72 hours", "duration")]
    assert [(t.text, t.kind) for t in time_rows(parsed)] == [("Friday", "weekday"), ("last week", "relative")]


def test_figure_inside_an_attribution_takes_its_source(parse):
    from analysis.extraction.sources import Attribution

    text = "The mayor said 300 homes were flooded. Another 40 homes were damaged."
    parsed = parse(text)
    content_start = text.index("300")
    known = dict(
        sentence_id=0, start=0, end=37, text=text[:37], attribution_id=0, kind="indirect", speaker="The mayor",
        speaker_start=0, speaker_end=9, source="the mayor", cue="said", cue_start=10, cue_end=14,
        content=text[content_start:37], content_start=content_start, content_end=37,
    )
    # the other columns do not matter here; fill them whatever the sourcing record holds
    holder = Attribution(**{f.name: known.get(f.name, "") for f in dataclasses.fields(Attribution)})
    rows = figure_rows(parsed, [holder])
    assert [(r.text, r.attribution_id, r.source) for r in rows] == [("300", 0, "the mayor"), ("40", None, "")]


# --- pint ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, span, value_si, unit_si",
    [
        # 1 mile = 1.609344 km exactly (international mile, 1959)
        ("They seized about 400 square miles of land.", "about 400 square miles", 400 * 1.609344**2, "km ** 2"),
        ("Forces advanced 7.5 miles.", "7.5 miles", 7.5 * 1.609344, "km"),
        ("The fire burned 500 hectares.", "500 hectares", 5.0, "km ** 2"),
        ("The tanker carried 80,000 tonnes of oil.", "80,000 tonnes", 80_000_000, "kg"),
    ],
)
def test_value_si_is_converted_by_pint(parse, text, span, value_si, unit_si):
    row = _one(parse, text, span)
    assert row.value_si == pytest.approx(value_si) and row.unit_si == unit_si


def test_money_cannot_be_converted_between_currencies():
    registry = unit_registry()
    assert str(registry.Unit("USD").dimensionality) == "[currency_USD]"
    with pytest.raises(pint.DimensionalityError):
        registry.Quantity(1, "USD").to("EUR")


def test_counts_money_and_percents_have_no_si_value(parse):
    rows = _figures(parse, "They paid $5m to 40 families, 12% of the total.")
    assert [(r.unit_si, math.isnan(r.value_si)) for r in rows] == [("", True)] * 3


# --- consistency and metric origin --------------------------------------------------------------------------------


def test_seed_consistency_pairs_the_repeated_figures(seed_tables):
    table = seed_tables.figure_consistency
    pairs = {(row.text, row.other): row.verdict for row in table.itertuples()}
    # changed by the cross-article pairs work: "about 400 square miles of land in Russia" and "nearly 400 square
    # miles in the Kursk border region" are no longer compared: a figure about a country and one about a region of
    # it are about two places (each figure's own words name its place)
    # changed when counts stated in the present perfect became running totals: "at least 28 settlements have
    # been captured" is one, and "forces occupying dozens of settlements" is marked as none, so the two are no
    # longer compared (a running total pairs only with a running total)
    assert pairs == {}


def test_inconsistent_figures_are_said_to_disagree(parse):
    parsed = parse("At least 50 people were killed in the blast. Officials later said 12 people were killed.")
    (row,) = figure_consistency(parsed, figure_rows(parsed, attribution_rows(parsed)))
    assert (row.verdict, row.overlap) == ("inconsistent", False)
    assert "disagree" in row.finding


def test_two_values_from_one_voice_are_undetermined_not_a_contradiction(parse):
    # the article alone gives both: two days or two groups the parse cannot tell apart, not a self-contradiction
    parsed = parse("The county recorded 210 new infections. The county recorded 185 new infections.")
    (row,) = figure_consistency(parsed, figure_rows(parsed, attribution_rows(parsed)))
    assert (row.verdict, row.overlap) == ("undetermined", False)
    assert "one voice gives both" in row.finding
    # the same two values from the article and from a named source are a disagreement
    parsed = parse("The county recorded 210 new infections. Dr. Lena Ortiz said the county recorded 185 new "
                   "infections.")
    (row,) = figure_consistency(parsed, figure_rows(parsed, attribution_rows(parsed)))
    assert row.verdict == "inconsistent" and "disagree" in row.finding


def test_power_in_different_units_is_converted_before_it_is_compared(parse):
    # power and energy have a common unit (megawatts) without being one of the measured kinds
    parsed = parse("The plant will produce 500 kilowatts of power. Officials said later that the plant will produce 0.5 megawatts of power.")
    (row,) = figure_consistency(parsed, figure_rows(parsed, []))
    assert (row.text, row.other, row.unit) == ("500 kilowatts", "0.5 megawatts", "MW")
    assert (row.low, row.other_low, row.verdict) == (0.5, 0.5, "consistent")


def test_figures_about_different_events_are_not_compared(parse):
    parsed = parse("At least 50 people were killed in the blast. About 2,000 people were evacuated.")
    assert figure_consistency(parsed, figure_rows(parsed, [])) == []


MANY_FIGURES = (
    "About 400 square miles of land were seized. Troops now control nearly 400 square miles. The ranch covers 640 "
    "acres. At least 50 people were killed in the blast. Officials later said 12 people were killed. About 2,000 "
    "people were evacuated. Dozens of settlements were captured. Forces occupied 28 settlements. The river is 12 "
    "miles long, and the road 20 km. A crowd of 2,000 gathered. Prices rose 5%. Unemployment stood at 4.4%."
)


def test_consistency_pairs_every_matching_pair_once(parse):
    """Grouping figures before pairing them finds exactly the pairs that comparing every pair would."""
    from analysis.extraction.figures.checks import _common_unit, _places_near, _same_thing_here
    from analysis.extraction.figures.sameness import article_day, same_place, thing

    parsed = parse(MANY_FIGURES)
    figures = figure_rows(parsed, [])
    places = _places_near(parsed, figures)

    def same_thing(a, b) -> bool:
        thing_a, thing_b = (thing(f.quantity_kind, _common_unit(f), f.object, f.event, f.scope, f.measure,
                                  f.modifier, f.qualifier) for f in (a, b))
        return (_same_thing_here(thing_a, thing_b) and article_day(a.as_of) == article_day(b.as_of)
                and same_place(places[a.figure_id], places[b.figure_id]))

    expected = [
        (a.figure_id, b.figure_id) for i, a in enumerate(figures) for b in figures[i + 1 :]
        if a.sentence_id != b.sentence_id and same_thing(a, b)
    ]
    found = [(r.figure_id, r.other_figure_id) for r in figure_consistency(parsed, figures)]
    assert found == expected and len(expected) >= 3


def test_seed_metric_origin_flags_the_converted_figures(seed_tables):
    table = seed_tables.metric_origin.set_index("text")
    area = table.loc["about 400 square miles"]
    assert area.probably_converted and area.original_value == 1000 and area.original_unit == "kilometer ** 2"
    # 1,000 km² to the nearest 100 is 950-1,050 km², i.e. 366.8-405.4 sq mi
    assert (area.implied_low, area.implied_high) == (pytest.approx(950 / 1.609344**2), pytest.approx(1050 / 1.609344**2))
    depth = table.loc["as deep as 7.5 miles"]
    assert depth.probably_converted and depth.original_value == 12 and depth.original_unit == "kilometer"


@pytest.mark.parametrize(
    "text, converted",
    [
        ("The 42-km route was lined with fans.", False),  # 26.1 mi: nothing rounder fits 42 km
        ("The wall runs for 12 km.", False),  # 12 is already round
        ("The convoy drove 62 miles north.", True),  # 99.8 km: 100 km
        ("The fire burned 2,471 acres.", True),  # 1,000 ha
    ],
)
def test_metric_origin_flags_only_rounder_originals(parse, text, converted):
    (row,) = metric_origin(_figures(parse, text))
    assert row.probably_converted is converted


@pytest.mark.parametrize("rounder, less_round", [(1000, 400), (12, 7.5), (100, 62), (500, 430), (20, 23)])
def test_roundness_orders_numbers(rounder, less_round):
    assert roundness(rounder) < roundness(less_round)


# --- no conversion raises -----------------------------------------------------------------------------------------

# Each sentence used to stop the whole build with "ValueError: math domain error": a converted value at or below
# zero (Fahrenheit below freezing is negative Celsius) had its logarithm taken in the metric-origin check.
AWKWARD_CONVERSIONS = [
    "The capacitor is rated at 2.5 F",  # farads read as Fahrenheit: -16.4 °C
    "Overnight lows reached 5F in the valley.",  # -15 °C
    "It was 0F at dawn.",  # a zero figure
    "The pond froze over at 32F.",  # exactly 0 °C
    "Temperatures fell to 0.5F.",
    "It was 2.5F on Monday. By Wednesday it was about 5F.",  # two sub-zero readings compared
    "Readings ranged from 3F to 10F at the airport.",  # a range below zero
    "The road is 0 miles long, and the track 0 km.",  # zero lengths
]


@pytest.mark.parametrize("text", AWKWARD_CONVERSIONS)
def test_no_figure_check_raises(parse, text):
    parsed = parse(text)
    figures = figure_rows(parsed, [])
    time_rows(parsed, figures)
    for row in figure_consistency(parsed, figures):
        assert row.verdict in ("consistent", "inconsistent", "undetermined")
    for row in metric_origin(figures):
        assert row.converted_unit and not math.isnan(row.converted_value)


def test_negative_conversions_are_checked_like_positive_ones(parse):
    (row,) = metric_origin(_figures(parse, "Overnight lows reached 5F in the valley."))
    assert (row.converted_unit, row.converted_value) == ("degree_Celsius", pytest.approx(-15))
    # -15 °C is as round as 5 °F: nothing to flag
    assert not row.probably_converted
    (row,) = metric_origin(_figures(parse, "Overnight lows reached 23F in the valley."))
    assert row.converted_value == pytest.approx(-5) and row.probably_converted and row.original_value == -5
    assert row.implied_low <= 23 <= row.implied_high


def test_sub_zero_readings_are_compared(parse):
    parsed = parse("It was 2.5F at dawn. It was about 5F at dawn, officials said later.")
    (row,) = figure_consistency(parsed, figure_rows(parsed, attribution_rows(parsed)))
    assert row.unit == "°C" and row.low == pytest.approx(-16.39, abs=0.01) and row.verdict == "inconsistent"


def test_readings_of_different_days_are_not_compared(parse):
    # two days' readings cannot contradict each other
    parsed = parse("It was 2.5F on Monday. By Wednesday it was about 5F.")
    assert figure_consistency(parsed, figure_rows(parsed, [])) == []


@pytest.mark.parametrize("value", [0.0, -5.0, -459.67, -1e308, 1e308, math.inf, -math.inf, NAN])
@pytest.mark.parametrize("source, target", [("degree_Fahrenheit", "degree_Celsius"), ("mile", "kilometer"), ("GBP_minor", "GBP")])
def test_convert_never_raises(value, source, target):
    converted = convert(value, source, target)
    assert math.isnan(converted) == math.isnan(value)
    assert math.isinf(converted) == math.isinf(value)


@pytest.mark.parametrize("source, target", [("mile", "degree_Celsius"), ("GBP", "USD"), ("percent", "percentage_point")])
def test_convert_between_dimensions_is_nan(source, target):
    assert math.isnan(convert(1.0, source, target))


@pytest.mark.parametrize("value", [0.0, -40.0, math.inf, -math.inf, NAN])
def test_metric_origin_takes_any_value(parse, value):
    (figure,) = _figures(parse, "Overnight lows reached 5F in the valley.")
    figure = dataclasses.replace(figure, value=value, low=value, high=value)
    rows = metric_origin([figure])
    assert len(rows) == (1 if math.isfinite(value) and value != 0 else 0)


# --- the tables ---------------------------------------------------------------------------------------------------


def test_seed_rows_point_into_the_text(seed_tables):
    text = seed_tables.text_of(SEED_ID)
    for table, spans in [("figures", ["", "approximator_", "object_"]), ("time_expressions", [""])]:
        frame = seed_tables[table]
        assert len(frame) > 0
        for row in frame.itertuples():
            assert text[row.start : row.end] == row.text
    for row in seed_tables.figures.itertuples():
        if row.object:
            assert text[row.object_start : row.object_end] == row.object
        if row.approximator:
            assert text[row.approximator_start : row.approximator_end] == row.approximator


def test_figures_by_source_counts_every_figure(seed_tables):
    summary = figures_by_source(seed_tables)
    assert summary["figures"].sum() == len(seed_tables.figures)
    assert set(summary.columns) >= {"source", "side", "quantity_kind", "figures"}


# --- gold ---------------------------------------------------------------------------------------------------------


def test_seed_gold_precision_and_recall(seed_tables):
    gold = read_gold("figures_seed.yaml")
    text = seed_tables.text_of(SEED_ID)
    starts = list(seed_tables.sentences.start)
    predicted = seed_tables.figures.to_dict("records")
    scores = score_figures(predicted, gold["figures"], text, starts)
    from baselines import FIGURE_BASELINE, assert_floor, digit_tokens
    baseline = score_figures(digit_tokens(text), gold["figures"], text, starts)
    for k, measure in enumerate(("precision", "recall")):
        assert_floor(getattr(scores.values, measure), SEED_VALUE_FLOORS[k], getattr(baseline.values, measure), FIGURE_BASELINE)
        assert_floor(getattr(scores.objects, measure), SEED_OBJECT_FLOORS[k], getattr(baseline.objects, measure), FIGURE_BASELINE)


def test_seed_gold_time_expressions(seed_tables):
    gold = [(t["text"], t["kind"]) for t in read_gold("figures_seed.yaml")["time_expressions"]]
    assert list(zip(seed_tables.time_expressions.text, seed_tables.time_expressions.kind)) == gold


@pytest.fixture(scope="module")
def news_parses(parse_each) -> dict:
    """Each sentence of the news gold set parsed as its own document, by its text: parsed once, together, for every
    test of the set below."""
    texts = [item["text"] for item in read_gold("figures_news.yaml")["sentences"]]
    return dict(zip(texts, parse_each(texts)))


@pytest.fixture(scope="module")
def news_scores(news_parses) -> dict:
    """Scores per construction of the figures the pipeline writes, on the news gold set (each sentence parsed as
    its own document)."""
    by_construction: dict = defaultdict(lambda: NO_FIGURE_SCORES)
    for item in read_gold("figures_news.yaml")["sentences"]:
        rows = [dataclasses.asdict(r) for r in figure_rows(news_parses[item["text"]], [])]
        scores = score_figures(rows, item["figures"], item["text"], [0])
        by_construction[item["construction"]] += scores
        by_construction["all"] += scores
    return dict(by_construction)


def test_news_gold_precision_and_recall(news_scores):
    scores = news_scores["all"]
    from baselines import FIGURE_BASELINE, assert_floor, digit_tokens_each
    items = read_gold("figures_news.yaml")["sentences"]
    rows = digit_tokens_each([i["text"] for i in items])
    baseline = sum((score_figures(r, i["figures"], i["text"], [0]) for r, i in zip(rows, items)), NO_FIGURE_SCORES)
    for k, measure in enumerate(("precision", "recall")):
        assert_floor(getattr(scores.values, measure), NEWS_VALUE_FLOORS[k], getattr(baseline.values, measure), FIGURE_BASELINE)
        assert_floor(getattr(scores.objects, measure), NEWS_OBJECT_FLOORS[k], getattr(baseline.objects, measure), FIGURE_BASELINE)


def test_news_gold_not_figures_yields_nothing(news_scores):
    assert news_scores["not_figures"].spans.predicted == 0


#: This older set names a thing by its head noun; the rows follow tests/gold/unseen/CONVENTIONS.md and the dev2
#: gold, which keep the nouns compounded before it ("hospital occupancy", "wheat harvest", "gas meters").
_HEAD_ONLY = "this set names a thing by its head ('harvest'); the rows keep its compound ('wheat harvest')"
#: ... and the rows keep a classifying adjective before it, as the dev2 and dev3 gold do ("solar farm", "public
#: schools")
_ADJECTIVE_KEPT = ("this set names a thing by its head ('oil', 'plan'); the rows keep a classifying adjective or period "
                   "modifier ('crude oil', 'five-year plan')")
#: News-gold objects the pipeline does not find, each for a reason no rule covers yet: the object is a noun of
#: another clause that the figure's clause leaves out (ellipsis across a clause), or the figure is "worth" or
#: lasts for the thing it measures; and one where this older set's convention differs from the rows' (a sum's
#: noun without its compound).
OBJECT_MISSES = {
    ("m01", "$3bn"): "this set names a sum's noun by its head ('deal'); the rows name what a sum is written on "
                     "whole ('cash deal', as 'relief package' in unseen-style copy)",
    ("n04", "as many as 300,000"): "ellipsis across clauses: the protesters of the main clause",
    ("a03", "no more than 500"): "ellipsis across clauses: the troops of the first clause",
    ("h08", "an estimated $600m"): "what a sum is worth: the lease the 'worth' phrase hangs on",
    ("mx01", "1.2 million"): "ellipsis over a figure: the people of the first figure, not the adjacent homes",
    ("mx07", "72 hours"): "the duration of a strike that 'for' attaches to the verb",
    ("mx03", "85 percent"): _HEAD_ONLY,
    ("n02", "1.5 million"): _HEAD_ONLY,
    ("m02", "€40m"): _HEAD_ONLY,
    ("mx06", "roughly 15%"): _HEAD_ONLY,
    ("mx06", "21 million tonnes"): _HEAD_ONLY,
    ("n07", "a handful"): _ADJECTIVE_KEPT,
    ("u03", "about 80,000 tonnes"): _ADJECTIVE_KEPT,
    ("u06", "fewer than 200"): _ADJECTIVE_KEPT,
    ("h05", "$12-billion"): _ADJECTIVE_KEPT,
}


def _news_gold_figures() -> list:
    """One case per gold figure: the sentence, the figure's span in it, and the object the gold gives it."""
    cases = []
    for item in read_gold("figures_news.yaml")["sentences"]:
        for figure, span in zip(item["figures"], gold_spans(item["figures"], item["text"], [0])):
            reason = OBJECT_MISSES.get((item["id"], figure["text"]))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(item["text"], span, str(figure["object"]), id=f"{item['id']}-{figure['text']}",
                                      marks=marks))
    return cases


@pytest.mark.parametrize("text, span, obj", _news_gold_figures())
def test_news_gold_object_of_each_figure(news_parses, text, span, obj):
    """Each figure of the news gold set is found with the object the gold gives it (case aside)."""
    found = [r for r in figure_rows(news_parses[text], []) if spans_match((r.start, r.end), span)]
    assert found, "figure not found"
    assert found[0].object.lower() == obj.lower()


def test_the_consistency_note_counts_each_verdict_and_says_when_there_is_nothing_to_compare():
    rows = pd.DataFrame({"verdict": ["consistent", "undetermined", "consistent"]})
    assert consistency_note(rows) == (
        "3 pairs of figures of one thing: 2 consistent (their wordings overlap); 1 undetermined (no bounds, two "
        "projections, or one voice's two values: likely two days, places or groups).")
    one = pd.DataFrame({"verdict": ["inconsistent"]})
    assert consistency_note(one).startswith("1 pair of figures of one thing: 1 inconsistent (two voices")
    assert consistency_note(rows.iloc[0:0]).startswith("No thing is counted or measured twice")


@pytest.mark.parametrize("text, span, value, next_object", [
    ("Revenue was $4m. Profit was £2bn.", "$4m", 4e6, "Profit"),
    ("The grant came to £250k. Staff costs were £1m.", "£250k", 250e3, "Staff costs"),
])
def test_a_multiplier_letter_before_a_full_stop_ends_its_sentence(parse, text, span, value, next_object):
    # the model's tokenizer kept "m." whole, which read "$4m." as $4 and ran the sentence on into the next
    figure = _one(parse, text, span)
    assert _same(figure.value, value)
    assert figure.object != next_object
    assert len(list(parse(text).doc.sents)) == 2


@pytest.mark.parametrize("text, token", [
    ("The meeting starts at 7 p.m. on Monday.", "p.m."),
    ("The report was written by J. K. Lowe.", "J."),
])
def test_abbreviations_of_more_than_one_letter_and_capital_initials_stay_whole(nlp, text, token):
    assert token in [t.text for t in nlp(text)]


def test_a_share_in_a_clause_with_its_own_subject_is_not_of_the_object_before(parse):
    # a name with a number in it ("Russell 2000") is no object, and the clause before's "index" is not it either;
    # the figure is left without an object rather than given the wrong one
    text = "The S&P 500 index rose 1.2% and the Russell 2000 fell 0.5%."
    assert _one(parse, text, "1.2%").object == "index"
    assert _one(parse, text, "0.5%").object != "index"


def test_a_count_that_is_its_clauses_subject_takes_the_noun_of_the_clause_before(parse):
    assert _one(parse, "Two passengers died and nine were taken to hospital.", "nine").object == "passengers"


# a number joined by a hyphen to the noun it counts, before another word, is spanned with that noun and counts the
# word after it (tests/gold/unseen/CONVENTIONS.md: "a 5-kilometre race" -> span "5-kilometre", object "race")
# (sentence, span, value, object)
@pytest.mark.parametrize("text, span, value, obj", [
    ("The inquiry published a 300-page report on Tuesday.", "300-page", 300, "report"),
    ("A 12-member jury heard the case.", "12-member", 12, "jury"),
    ("The family rented a five-bedroom house.", "five-bedroom", 5, "house"),
])
def test_a_hyphenated_counted_modifier_is_spanned_whole(parse, text, span, value, obj):
    row = _one(parse, text, span)
    assert (row.value, row.unit, row.object) == (value, "", obj)


def test_a_hyphen_to_another_number_or_to_no_noun_is_no_counted_modifier(parse):
    assert [r.text for r in _figures(parse, "The council made a one-off payment.")] == []
    assert [r.text for r in _figures(parse, "Spurs scored 4-0 in Leeds.")] == ["4", "0"]


# "N in M" is a share only of a whole larger than the part, and never of a year: "stood at 12,400 in 2020" is a
# level and its date
# (sentence, figure texts, values)
@pytest.mark.parametrize("text, spans, values", [
    ("Nine in 10 voters backed the bill.", ["Nine in 10"], [90]),
    ("Only 3 in 1,000 cases were severe.", ["3 in 1,000"], [0.3]),
    ("The village's population stood at 12,400 in 2020.", ["12,400"], [12400]),
    ("The club won 8 in 2021.", ["8"], [8]),
    ("The striker scored 12 in 6 games.", ["12", "6"], [12, 6]),  # a part larger than its "whole": two counts
])
def test_a_ratio_is_a_part_of_a_larger_whole_that_is_no_year(parse, text, spans, values):
    rows = _figures(parse, text)
    assert [r.text for r in rows] == spans
    assert [r.value for r in rows] == pytest.approx(values)


# a year before a noun after a determiner or a possessive dates the noun, and is neither a figure nor a count that
# makes the noun counted; a count of that size has its comma
# (sentence, figure texts, objects)
@pytest.mark.parametrize("text, spans, objects", [
    ("He breached the 1990 Clean Air Act twice.", [], []),
    ("Its 2023 ticket sales rose 12%.", ["12%"], ["ticket sales"]),
    ("The 2,000 delegates voted on Friday.", ["2,000"], ["delegates"]),
    ("Some 2000 delegates attended.", ["Some 2000"], ["delegates"]),
])
def test_a_year_after_a_determiner_dates_its_noun(parse, text, spans, objects):
    rows = _figures(parse, text)
    assert ([r.text for r in rows], [r.object for r in rows]) == (spans, objects)


# (sentence, span, value, approx, unit): energy in gigawatt- and terawatt-hours; "within" is no approximator (a
# deadline is stated exactly) while "up to" is
@pytest.mark.parametrize("text, span, value, approx, unit", [
    ("The wind farm will produce about 650 GWh a year.", "about 650 GWh", 650, "about", "gigawatt_hour"),
    ("National demand reached 1.2TWh in January.", "1.2TWh", 1.2, "exact", "terawatt_hour"),
    ("Most patients were seen within four hours.", "four hours", 4, "exact", "hour"),
    ("Some patients waited up to four hours.", "up to four hours", 4, "at_most", "hour"),
])
def test_energy_units_and_a_deadline(parse, text, span, value, approx, unit):
    row = _one(parse, text, span)
    assert (row.value, row.approx, row.unit_canonical) == (value, approx, unit)


def test_phrases_by_first_word_keep_their_order_and_are_built_once():
    from analysis.extraction.figures.tokens import by_first_word, first_word

    phrases = (("more", "than"), ("up", "to"), ("more",), ("as", "many", "as"))
    grouped = by_first_word(phrases, first_word)
    assert grouped == {"more": [("more", "than"), ("more",)], "up": [("up", "to")], "as": [("as", "many", "as")]}
    assert by_first_word(phrases, first_word) is grouped


@pytest.mark.parametrize(
    "text, span",
    [
        ("Three zip codes reported new cases.", "Three"),  # a count of codes, not a code
        ("Crews reopened 12 roads after the storm.", "12"),  # a street noun without a street's name
        ("The county reported 40 cases in zip code 40213.", "40"),  # the code's neighbour is still counted
    ],
)
def test_numbers_beside_labels_that_count(parse, text, span):
    assert [f.text for f in _figures(parse, text)] == [span]
