"""The figure grammar by error category of the news-accuracy issue (copy the rules never saw): signed values,
units written against the number, multipliers, temperatures and farads, bare levels and prefixed currencies,
ranges, fractions, ages, subunits kept as written, vague amounts, and what is no figure (dates, years,
ordinals, model numbers). Every sentence here is invented for the test; none is taken from a gold set."""

from __future__ import annotations

import math

import pytest

from analysis.extraction.figures import figure_rows

NAN, INF = math.nan, math.inf


def _rows(parse, text: str) -> list:
    return figure_rows(parse(text), [])


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b)


# (category, sentence, span, value, unit_canonical, approx, low, high, quantity_kind)
CASES = [
    # signed values: the sign is the number's, as written
    ("signed", "The rookie finished with minus-7 yards on four carries.", "minus-7 yards", -7, "yard", "exact", -7, -7, "length"),
    ("signed", "Retail sales shrank -2.4% in the quarter.", "-2.4%", -2.4, "percent", "exact", -2.4, -2.4, "percent"),
    ("signed", "Prices edged +0.6% higher in the month.", "+0.6%", 0.6, "percent", "exact", 0.6, 0.6, "percent"),
    ("signed", "The fund reported a balance of $-12.5bn at year end.", "$-12.5bn", -12.5e9, "USD", "exact", -12.5e9, -12.5e9, "money"),
    ("signed", "Night readings on the ridge reached minus-40 degrees Fahrenheit.", "minus-40 degrees Fahrenheit", -40,
     "degree_Fahrenheit", "exact", -40, -40, "temperature"),
    ("signed", "He lost minus-four yards on the sweep.", "minus-four yards", -4, "yard", "exact", -4, -4, "length"),
    # units written against the number
    ("unit_attached", "The speaker rolls off at 18kHz in our tests.", "18kHz", 18, "kilohertz", "exact", 18, 18, "frequency"),
    ("unit_attached", "The rural line tops out at 50Mbps most evenings.", "50Mbps", 50, "megabit / second", "exact", 50, 50, "frequency"),
    ("unit_attached", "The new router also runs on a 5GHz band.", "5GHz", 5, "gigahertz", "exact", 5, 5, "frequency"),
    ("unit_attached", "The kettle holds 1.7l of water.", "1.7l", 1.7, "liter", "exact", 1.7, 1.7, "volume"),
    ("unit_attached", "The ferry crossing takes 35min each way.", "35min", 35, "minute", "exact", 35, 35, "duration"),
    ("unit_attached", "Each bar holds 30g of protein.", "30g", 30, "gram", "exact", 30, 30, "mass"),
    ("unit_attached", "The screen is 2.5mm thinner than before.", "2.5mm", 2.5, "millimeter", "exact", 2.5, 2.5, "length"),
    ("unit_attached", "Each sachet weighs ~12g when full.", "~12g", 12, "gram", "about", 10.8, 13.2, "mass"),
    ("unit_attached", "The handset ships with a 45W charger.", "45W", 45, "watt", "exact", 45, 45, "power"),
    ("unit_attached", "Its 4,500mAh battery lasts two days.", "4,500mAh", 4500, "milliampere_hour", "exact", 4500, 4500, "charge"),
    ("signed", "Overnight lows dropped to minus 9C in the hills.", "minus 9C", -9, "degree_Celsius", "exact", -9, -9, "temperature"),
    ("british_pc", "Shares in the miner jumped 7pc in early trading.", "7pc", 7, "percent", "exact", 7, 7, "percent"),
    # multipliers against the number or before a noun
    ("multiplier", "The console has sold 6.1M units worldwide.", "6.1M", 6.1e6, "", "exact", 6.1e6, 6.1e6, "count"),
    ("multiplier", "The streaming service now has 3m paying subscribers.", "3m", 3e6, "", "exact", 3e6, 3e6, "count"),
    ("multiplier", "The port handled 2.4m tonnes of grain last year.", "2.4m tonnes", 2.4e6, "metric_ton", "exact", 2.4e6, 2.4e6, "mass"),
    ("multiplier_negative", "The diver dropped to 40m before turning back.", "40m", 40, "meter", "exact", 40, 40, "length"),
    ("multiplier_negative", "She took gold in the 800m heats and final.", "800m", 800, "meter", "exact", 800, 800, "length"),
    # before no noun, a count, unless the sentence speaks of length (numbers.yaml metre_context)
    ("multiplier", "The council's housing list fell from 1.24m to 1.21m in May.", "1.21m", 1.21e6, "", "exact", 1.21e6,
     1.21e6, "count"),
    ("multiplier", "Households waiting for a repair (2.3m) were the fewest since 2019.", "2.3m", 2.3e6, "", "exact", 2.3e6,
     2.3e6, "count"),
    ("multiplier", "Ticket sales reached 4.5m, longer queues than ever.", "4.5m", 4.5e6, "", "exact", 4.5e6, 4.5e6, "count"),
    ("multiplier_negative", "The new sea wall is 6m high.", "6m", 6, "meter", "exact", 6, 6, "length"),
    ("multiplier_negative", "Waves of up to 7m battered the harbour.", "up to 7m", 7, "meter", "at_most", 0, 7, "length"),
    ("multiplier_negative", "She ran 200m in 23 seconds.", "200m", 200, "meter", "exact", 200, 200, "length"),
    # temperatures in every spelling; a capacitor's F is a farad
    ("temperature", "The forecast high is 101 degF on Sunday.", "101 degF", 101, "degree_Fahrenheit", "exact", 101, 101, "temperature"),
    ("temperature", "Temperatures are expected to hit 33 deg C in the afternoon.", "33 deg C", 33, "degree_Celsius", "exact", 33, 33, "temperature"),
    ("temperature", "The heat index reached 104°F downtown.", "104°F", 104, "degree_Fahrenheit", "exact", 104, 104, "temperature"),
    ("temperature", "Forecasters expect the heat to peak at 108 degrees (42.2 C) on Monday.", "108 degrees", 108, "degree_Fahrenheit",
     "exact", 108, 108, "temperature"),
    ("farad", "The supercapacitor stores 3.3 F at a rated 2.7 volts.", "3.3 F", 3.3, "farad", "exact", 3.3, 3.3, "capacitance"),
    ("temperature", "Forecasters expect a high of 31 C and a low of 18 C.", "18 C", 18, "degree_Celsius", "exact", 18, 18,
     "temperature"),
    # points: index points beside a level, percentage points between percents
    ("points", "The Nikkei gained 310 points, or 1.1 percent, to 28,950.50.", "310 points", 310, "point", "exact", 310, 310,
     "points"),
    ("percentage_point", "The poll puts the party on 44% against 39%, a 5-point lead.", "5-point", 5, "percentage_point", "exact",
     5, 5, "percent"),
    # bare levels and prices; currencies written with a prefix
    ("bare_level", "The index slipped 0.7 per cent to 24815 on Friday.", "24815", 24815, "", "exact", 24815, 24815, "count"),
    ("bare_level", "The benchmark ended at 2,481.35 after a volatile session.", "2,481.35", 2481.35, "", "exact", 2481.35, 2481.35, "count"),
    ("prefixed_currency", "The penthouse sold for HK$8.6m last month.", "HK$8.6m", 8.6e6, "HKD", "exact", 8.6e6, 8.6e6, "money"),
    ("prefixed_currency", "The miner raised $US45m from investors.", "$US45m", 45e6, "USD", "exact", 45e6, 45e6, "money"),
    ("prefixed_currency", "The contract is worth RM12m over three years.", "RM12m", 12e6, "MYR", "exact", 12e6, 12e6, "money"),
    ("prefixed_currency", "The developer booked RM85mil in sales.", "RM85mil", 85e6, "MYR", "exact", 85e6, 85e6, "money"),
    ("prefixed_currency", "The kiwi slid to US58 cents overnight.", "US58 cents", 58, "USD cent", "exact", 58, 58, "money"),
    ("prefixed_currency", "Onions now cost Rs 60 a kilo in the city.", "Rs 60 a kilo", 60, "INR / kilogram", "exact", 60, 60, "money"),
    # ranges
    ("range", "The chips are built on a sub-5 nanometer process.", "sub-5 nanometer", 5, "nanometer", "less_than", 0, 5, "length"),
    ("range_units_both_ends", "The tweeter covers between 12kHz and 20kHz comfortably.", "between 12kHz and 20kHz", NAN, "kilohertz",
     "range", 12, 20, "frequency"),
    ("range_units_both_ends", "Nights will range between 14 deg C and 19 deg C this week.", "between 14 deg C and 19 deg C", NAN,
     "degree_Celsius", "range", 14, 19, "temperature"),
    # "and" joins a range only after "between": after "from" it lists two figures
    ("range_negative", "Claims fell to 310, down from 342 and 515 a year earlier.", "342", 342, "", "exact", 342, 342,
     "count"),
    ("range_negative", "Claims fell to 310, down from 342 and 515 a year earlier.", "515", 515, "", "exact", 515, 515,
     "count"),
    ("range", "Flats in the block sold from $450,000 to $1.1 million.", "from $450,000 to $1.1 million", NAN, "USD", "range",
     450_000, 1_100_000, "money"),
    # fractions, as fractions
    ("fraction", "A third of the orchards were lost to frost.", "A third", 1 / 3, "fraction", "exact", 1 / 3, 1 / 3, "percent"),
    # a share of change after "by" and an approximator, written in two words
    ("fraction", "Long waits have fallen by over one third in a year.", "over one third", 1 / 3, "fraction", "more_than",
     1 / 3, INF, "percent"),
    ("fraction", "Bus fares were cut by more than a third.", "more than a third", 1 / 3, "fraction", "more_than", 1 / 3,
     INF, "percent"),
    ("fraction", "Half the staff work from home.", "Half", 0.5, "fraction", "exact", 0.5, 0.5, "percent"),
    # "by" before an approximator of several words, where the figure starts
    ("fraction", "Ferry fares were cut by as much as a third after the merger.", "as much as a third", 1 / 3, "fraction",
     "at_most", 0, 1 / 3, "percent"),
    ("fraction", "Output rose by more than two-thirds to a record.", "more than two-thirds", 2 / 3, "fraction", "more_than",
     2 / 3, INF, "percent"),
    # ages
    ("age", "The shop's owner, Margaret Ellison, 67, said trade was slow.", "67", 67, "year", "exact", 67, 67, "duration"),
    ("age", "A woman, 29, was treated at the scene.", "29", 29, "year", "exact", 29, 29, "duration"),
    ("age", "Grandmother Ann Price (83) said she was shocked.", "83", 83, "year", "exact", 83, 83, "duration"),
    ("age", "A driver aged 58 was taken to hospital.", "58", 58, "year", "exact", 58, 58, "duration"),
    ("age", "The trial enrolled adults between the ages of 40 and 65 last year.", "between the ages of 40 and 65", NAN, "year",
     "range", 40, 65, "duration"),
    ("signed", "The charity's reserves swung to -$3m last year.", "-$3m", -3e6, "USD", "exact", -3e6, -3e6, "money"),
    ("signed", "The fullback was held to minus 6 yards on the day.", "minus 6 yards", -6, "yard", "exact", -6, -6, "length"),
    ("range_units_both_ends", "Gusts of 50mph to 70mph are forecast.", "50mph to 70mph", NAN, "mile / hour", "range", 50, 70,
     "speed"),
    ("range", "Overnight lows ranged from 4C to 9C across the region.", "from 4C to 9C", NAN, "degree_Celsius", "range", 4, 9,
     "temperature"),
    ("age", "The club admits members over the age of 18 only.", "over the age of 18", 18, "year", "more_than", 18, INF, "duration"),
    # subunits as written; pint's conversion is value_si
    ("subunit", "The stock closed at 212p in London.", "212p", 212, "pence", "exact", 212, 212, "money"),
    ("subunit", "A stamp now costs 73 cents.", "73 cents", 73, "USD cent", "exact", 73, 73, "money"),
    # vague amounts: the interval their words allow
    ("vague", "Dozens of residents signed the letter.", "Dozens", NAN, "", "vague", 24, INF, "count"),
    ("vague", "The campaign cost tens of thousands of dollars.", "tens of thousands of dollars", NAN, "USD", "vague", 20_000, INF, "money"),
    ("vague", "Several hundred fans waited outside.", "Several hundred", NAN, "", "vague", 200, INF, "count"),
    ("vague", "A few dozen protesters gathered.", "A few dozen", NAN, "", "vague", 24, INF, "count"),
    ("vague", "Millions of viewers watched the final.", "Millions", NAN, "", "vague", 2e6, INF, "count"),
    # approximators: "up to" after a verb of change is its particle; words between an approximator and the number
    ("approximator", "Growth was revised up to -0.8% in the second estimate.", "-0.8%", -0.8, "percent", "exact", -0.8, -0.8,
     "percent"),
    ("approximator", "Lenders agreed to provide up to a combined $3 billion.", "up to a combined $3 billion", 3e9, "USD",
     "at_most", 0, 3e9, "money"),
    ("approximator", "The two sailors were missing for about a week at sea.", "about a week", 1, "week", "about", 0.75, 1.25,
     "duration"),
    ("unit_word", "The old chips were made on a .25 micron process.", ".25 micron", 0.25, "micrometer", "exact", 0.25, 0.25,
     "length"),
    # a multiple
    ("multiple", "The flat sold for nearly five times the price paid in 2001.", "nearly five times", 5, "times", "nearly", 4.5, 5,
     "multiple"),
]


@pytest.mark.parametrize("category, text, span, value, unit, approx, low, high, kind", CASES, ids=[c[0] for c in CASES])
def test_category(parse, category, text, span, value, unit, approx, low, high, kind):
    rows = _rows(parse, text)
    found = [r for r in rows if r.text == span]
    assert found, f"{span!r} not in {[r.text for r in rows]}"
    row = found[0]
    assert (row.start, row.end) == (text.index(span), text.index(span) + len(span))
    assert _same(row.value, value), row
    assert (row.unit_canonical, row.approx, row.quantity_kind) == (unit, approx, kind)
    assert _same(row.low, low) and _same(row.high, high), (row.low, row.high)


def test_subunit_value_si_is_the_currency(parse):
    row = _rows(parse, "The stock closed at 212p in London.")[0]
    assert (row.value, row.value_si, row.unit_si) == (212, pytest.approx(2.12), "GBP")


def test_a_farad_in_an_electrical_sentence_even_when_glued(parse):
    row = _rows(parse, "The capacitor bank is rated 10F at 2.7 volts.")[0]
    assert row.unit_canonical == "farad"


def test_a_glued_temperature_stays_a_temperature(parse):
    row = _rows(parse, "Highs of 34C are expected on Friday.")[0]
    assert row.unit_canonical == "degree_Celsius"


def test_degrees_without_any_temperature_word_are_no_temperature(parse):
    rows = _rows(parse, "The skater turned 180 degrees in the air.")
    assert all(r.quantity_kind != "temperature" for r in rows)


# negatives: dates, years, ordinals, model numbers and codes
NOT_FIGURES = [
    ("date", "The vote was held on March 14 in the capital.", "14"),
    ("year", "The plant opened in 1998 and closed in 2015.", "1998"),
    ("ordinal", "It was the third time the bridge had closed.", "third"),
    ("model_number", "The phone uses the Snapdragon 888 chip.", "888"),
    ("code", "The carrier switched on its 5G network.", "5"),
    ("code_at_the_end", "The handset supports Wi-Fi and 5G.", "5"),
    ("index_name", "The FTSE 250 closed higher on Monday.", "250"),
    ("period_part", "Sales rose in the first half of the year.", "half"),
    ("range_of_a_score", "Leeds won the match 3-1 at home.", "-1"),
    ("hyphenated_name", "Covid-19 cases fell sharply.", "-19"),
    # a bare fraction with no "by" before its approximator and nothing it is of: no amount
    ("fraction_without_by", "Ferry fares were cut as much as a third after the merger.", "third"),
    # a fraction joined to a unit as a named distance or a part of a match, no amount
    ("named_distance", "She won the quarter-mile at the county games.", "quarter"),
    ("period_part", "A second-half rally lifted the visitors.", "half"),
]


@pytest.mark.parametrize("category, text, number", NOT_FIGURES, ids=[c[0] for c in NOT_FIGURES])
def test_not_figures(parse, category, text, number):
    rows = _rows(parse, text)
    assert not [r for r in rows if number in r.text], [r.text for r in rows]


@pytest.mark.parametrize("text", ["Tariffs rose from 10 percent to 25 percent.", "Prices rose 3% to 4% in May.",
                                  "The bank cut rates by 0.5% to 4%."])
def test_a_change_and_a_level_are_two_figures(parse, text):
    rows = _rows(parse, text)
    assert [r.approx for r in rows] == ["exact", "exact"]


def test_a_number_apposed_to_a_thing_is_no_age(parse):
    (row,) = _rows(parse, "The plan, 12, was dropped by the council.")
    assert row.unit_canonical == ""


def test_up_to_after_a_reporting_verb_is_the_approximator(parse):
    (row,) = _rows(parse, "Officials said up to 30 families were moved.")
    assert (row.text, row.approx) == ("up to 30", "at_most")


def test_pounds_of_a_substance_are_a_weight(parse):
    (row,) = _rows(parse, "Police seized thousands of pounds of fertiliser.")
    assert (row.unit_canonical, row.quantity_kind, row.low, row.high) == ("pound", "mass", 2000, INF)


def test_a_spaced_minus_is_arithmetic_outside_temperatures(parse):
    (row,) = _rows(parse, "Sales minus 8 percent of returns were booked.")
    assert (row.text, row.value) == ("8 percent", 8)


def test_times_counting_occasions_is_a_count(parse):
    row = [r for r in _rows(parse, "He carried the ball 14 times for 60 yards.") if "times" in r.text][0]
    assert (row.text, row.value, row.unit_canonical) == ("14 times", 14, "")


def test_figures_of_a_kind_without_an_si_unit_are_compared_only_in_one_unit(parse):
    from analysis.extraction.figures.checks import figure_consistency

    parsed = parse("The 2.4GHz routers sold well.\n\nThe 900MHz routers did not.")
    rows = figure_consistency(parsed, figure_rows(parsed, []))
    assert all(r.unit for r in rows)
