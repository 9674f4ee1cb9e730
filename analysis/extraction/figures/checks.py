"""Checks on the figures of one document: do repeated figures agree, and was a figure converted from the other
measurement system?

Produces the ``figure_consistency`` and ``metric_origin`` tables (see :mod:`analysis.building.schema`) from the
``figures`` rows of one document. All unit conversions are pint's (:func:`analysis.extraction.figures.convert`), and none
raises: a value that cannot be converted is NaN, and a check that needs it says nothing.
"""

from __future__ import annotations

import math
from dataclasses import replace
from functools import lru_cache
from typing import Iterator, Sequence

from analysis.extraction.figures.numbers import decimals as _decimals, printed_step
from analysis.extraction.figures.objects import PLACE_LABELS
from analysis.extraction.figures.records import ConsistencyRow, FigureRow, MetricOriginRow
from analysis.extraction.figures.sameness import (
    SCENARIO_MEASURES, Thing, article_day, place_key, place_keys, places_near, same_place, same_thing, thing,
)
from analysis.extraction.figures.units import convert, pint_unit, unit_symbol
from analysis.extraction.figures.wordlists import lexicon

#: Kinds whose mentions match on the unit's dimension even when one of them names no object ("about 400
#: square miles of land" and "nearly 400 square miles" are the same territory); counts need the same object,
#: and so do durations: a curfew's "two weeks", the "under ten days" between two visits and a "58-year-old" mayor
#: are spans of different things, and an article has many.
MEASURED_KINDS = frozenset({"length", "area", "volume", "mass", "speed", "temperature"})
#: Earlier mentions of the same thing a figure is compared with, besides the first one (see figure_consistency).
RECENT_PARTNERS = 4
#: A printed figure is read as the rounding of a converted one only within this share of its value (or
#: within half its last printed digit, if that is tighter; an approximator's interval widens it).
METRIC_ORIGIN_TOLERANCE = 0.05
#: Precision rank of a leading digit in the metric-origin check: 1 and 5 are the roundest, then 2.
LEADING_DIGIT_RANK = {1: 0, 5: 1, 2: 2}


# --- consistency --------------------------------------------------------------------------------------------------


def common_unit(quantity_kind: str, unit_canonical: str, unit_si: str) -> str:
    """The unit two figures must share to be compared: the currency or percent as written, else the
    SI-style unit, else the unit as written; "" for counts. Used within an article and across articles."""
    if quantity_kind in ("money", "percent"):
        return unit_canonical
    # a kind without an SI-style unit (frequency, index points, multiples): the unit as pint names it, so that
    # "15kHz" is never compared with "2.4GHz" as if both were bare numbers
    return unit_si or unit_canonical


def _common_unit(figure: FigureRow) -> str:
    return common_unit(figure.quantity_kind, figure.unit_canonical, figure.unit_si)


def interval_in(low: float, high: float, unit_canonical: str, unit: str) -> tuple[float, float]:
    """A figure's (low, high) converted from its written unit to ``unit`` (its :func:`common_unit`); an unknown
    low is 0 and an unknown high unbounded, unless the wording gives no bound at all (both NaN, kept). Used
    within an article and across articles."""
    if math.isnan(low) and math.isnan(high):
        return math.nan, math.nan
    low = 0.0 if math.isnan(low) else low
    high = math.inf if math.isnan(high) else high
    if unit and unit_canonical and unit_canonical != unit:
        # the figures' own conversion, which never raises (NaN where pint cannot convert)
        low = convert(low, unit_canonical, unit)
        if not math.isinf(high):
            high = convert(high, unit_canonical, unit)
    return low, high


def _describe(figure: FigureRow) -> str:
    who = figure.source or "the article itself"
    return f"“{figure.text}” (sentence {figure.sentence_id}, {who})"


def bounds_text(low: float, high: float, unit: str) -> str:
    """An interval as the findings write it: "28–33", "28–no upper bound km"."""
    high_text = "no upper bound" if math.isinf(high) else f"{high:,.4g}"
    return f"{low:,.4g}–{high_text}" + (f" {unit}" if unit else "")


def figure_consistency(parsed, figures: Sequence[FigureRow]) -> list[ConsistencyRow]:
    """One row per pair of figures in different sentences that count or measure the same thing, on the same day
    and about the same place, with whether the intervals their wordings allow overlap.

    Same thing: :func:`~analysis.extraction.figures.sameness.same_thing`, the decision ``figure_agreement`` makes
    across articles: the same quantity kind and comparable unit, object key (both written and equal: "people"
    counted only by a verb that tallies them is none), measure (a day's count, a running total, neither marked),
    qualifier (a part, "3 of the participants", "patients with symptoms", never pairs with the whole), and the
    same event family, scope and modifier where both give them ("transit workers" and "medical workers" are not
    compared); for a measure (:data:`MEASURED_KINDS`), a figure without an object is of whatever the other
    measures ("about 400 square miles of land" and "nearly 400 square miles"). Same day:
    :func:`~analysis.extraction.figures.sameness.article_day` of their ``as_of`` is equal (no day named and
    "today" are the article's own day). Same place: the places named in each figure's sentence, or else the one
    before (the parser's GPE/LOC entities, as :func:`~analysis.extraction.figures.sameness.place_keys` keys them) share
    one, or neither has any; a table row's heading counts as its place (:func:`_row_heading`). So a share of one group and a share of another, a county's count and the state's,
    or yesterday's toll and today's are not compared: they cannot contradict each other.

    Figures in one sentence are not paired: there two figures of one thing are a comparison ("rose from 5% to
    7%", "212 of the 450 seats"), not a repetition. A vague amount without bounds ("a small number") cannot
    be compared: its verdict is ``undetermined``. A figure is compared with the first mention of its thing and
    the :data:`RECENT_PARTNERS` mentions just before it, so that an article repeating one figure hundreds of
    times gives rows in proportion to its length, not its square; an article with up to that many mentions of
    one thing has every pair.
    """
    units = [_common_unit(f) for f in figures]
    things = [thing(f.quantity_kind, u, f.object, f.event, f.scope, f.measure, f.modifier, f.qualifier)
              for f, u in zip(figures, units)]
    places = _places_near(parsed, figures)
    days = [article_day(f.as_of) for f in figures]
    intervals = [interval_in(f.low, f.high, f.unit_canonical, u) for f, u in zip(figures, units)]
    rows = []
    for i, j in sorted(_candidate_pairs(things, places, days)):
        a, b = figures[i], figures[j]
        if a.sentence_id != b.sentence_id:
            rows.append(_consistency_row(a, b, units[i], intervals[i], intervals[j],
                                         scenarios=things[i].measure in SCENARIO_MEASURES,
                                         one_voice=a.source == b.source))
    return rows


def _places_near(parsed, figures: Sequence[FigureRow]) -> list[tuple[str, ...]]:
    """For each figure, the place keys it is compared under: the place its own words put it in (``place``: "800 in
    Spain"), else the places its sentence names, or else the one before (:func:`~analysis.extraction.figures.sameness.places_near`, :func:`~analysis.extraction.figures.sameness.place_key`
    of the parser's place entities), as
    :func:`~analysis.extraction.figures.sameness.place_keys` gives them for its scope and ``combined``."""
    named: dict[int, set[str]] = {}
    for entity in parsed.doc.ents:
        if entity.label_ in PLACE_LABELS and (key := place_key(entity.text)):
            named.setdefault(parsed.sentences.sentence_id(entity.start_char), set()).add(key)
    for sentence_id in {f.sentence_id for f in figures}:
        if heading := _row_heading(parsed, sentence_id):
            named.setdefault(sentence_id, set()).add(heading)
    return [
        place_keys((place_key(f.place),) if f.place and not f.combined else
                   places_near(named.get(f.sentence_id, set()), named.get(f.sentence_id - 1, set()), f.scope),
                   f.scope, f.combined)
        for f in figures
    ]


#: The most words a line may have to be read as the heading of the table row after it.
HEADING_WORDS = 5


def _tokens_of(parsed, sentence_id: int) -> list:
    """The tokens of one sentence (none for an id out of range)."""
    if not 0 <= sentence_id < len(parsed.sentences):
        return []
    span = parsed.doc.char_span(parsed.sentences.starts[sentence_id], parsed.sentences.ends[sentence_id],
                                alignment_mode="expand")
    return list(span) if span is not None else []


def _row_heading(parsed, sentence_id: int) -> str:
    """The heading a table row is about, as a place key: a line of figures without a verb ("25,250 cases, 1,001
    deaths") right after a short line without a verb or a number ("Nassau") is that line's row, and rows under
    different headings count different things even where the parser names no place. "" for any other line."""
    row, heading = _tokens_of(parsed, sentence_id), _tokens_of(parsed, sentence_id - 1)
    words = [t for t in heading if not (t.is_punct or t.is_space)]
    if not row or not words or len(words) > HEADING_WORDS or any(t.pos_ in ("VERB", "AUX") for t in row + heading):
        return ""
    if any(c.isdigit() for t in words for c in t.text):
        return ""
    return place_key(" ".join(t.text for t in words))


def _same_thing_here(a: Thing, b: Thing) -> bool:
    """:func:`~analysis.extraction.figures.sameness.same_thing`, where a measure without an object is of
    whatever the other measures."""
    if a.quantity_kind in MEASURED_KINDS and (not a.object or not b.object):
        a, b = replace(a, object=a.object or b.object or "-"), replace(b, object=b.object or a.object or "-")
    return same_thing(a, b)


def _candidate_pairs(
    things: Sequence[Thing], places: Sequence[tuple[str, ...]], days: Sequence[str]
) -> Iterator[tuple[int, int]]:
    """``(i, j)``, ``i < j``, for every pair of figures of the same thing, day and place (see
    :func:`figure_consistency`), each pair once: a figure is paired with the first and the last
    :data:`RECENT_PARTNERS` of the earlier such figures. Figures are grouped by quantity kind, unit, measure,
    qualifier and day first, so that only figures of one group are ever compared."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for j, current in enumerate(things):
        key = (current.quantity_kind, current.unit, current.measure, current.qualifier, days[j])
        earlier = groups.setdefault(key, [])
        matching = [i for i in earlier if _same_thing_here(things[i], current) and same_place(places[i], places[j])]
        yield from ((i, j) for i in _first_and_recent(matching))
        earlier.append(j)


def _first_and_recent(earlier: list[int]) -> list[int]:
    """The first and the last :data:`RECENT_PARTNERS` of ``earlier`` (figure indexes in reading order)."""
    if len(earlier) <= RECENT_PARTNERS + 1:
        return earlier
    return [earlier[0], *earlier[-RECENT_PARTNERS:]]


def _consistency_row(
    a: FigureRow, b: FigureRow, unit: str, interval_a: tuple[float, float], interval_b: tuple[float, float], *,
    scenarios: bool = False, one_voice: bool = False,
) -> ConsistencyRow:
    """The row of two figures of one thing; ``scenarios`` when they are projections, which may differ as two
    scenarios do (:data:`~analysis.extraction.figures.sameness.SCENARIO_MEASURES`): then undetermined, not
    inconsistent. ``one_voice`` when one source (or the article itself) gives both: two values that differ are
    then undetermined too, as one account giving two values nearly always counts two days, places or groups
    that the parse could not tell apart (hand checks of a health corpus found no contradiction among such
    pairs); a contradiction is between two voices ("the plant employs 1,200", "a union official said 1,500")."""
    (low_a, high_a), (low_b, high_b) = interval_a, interval_b
    both = f"{_describe(a)} and {_describe(b)}"
    if any(math.isnan(x) for x in (low_a, high_a, low_b, high_b)):
        overlap, verdict = False, "undetermined"
        finding = f"{both} cannot be compared: one gives no bounds."
    else:
        overlap = max(low_a, low_b) <= min(high_a, high_b)
        apart = f"{bounds_text(low_a, high_a, unit)} against {bounds_text(low_b, high_b, unit)}"
        if overlap:
            verdict = "consistent"
            finding = f"{both} agree: both allow {bounds_text(max(low_a, low_b), min(high_a, high_b), unit)}."
        elif scenarios:
            verdict = "undetermined"
            finding = f"{both} are projections that differ ({apart}): they may be two scenarios, not a contradiction."
        elif one_voice:
            verdict = "undetermined"
            finding = (f"{both} differ ({apart}), but one voice gives both: likely two days, places or groups, not a "
                       "contradiction; read both sentences.")
        else:
            verdict = "inconsistent"
            finding = f"{both} disagree: {apart}."
    return ConsistencyRow(
        sentence_id=a.sentence_id,
        start=a.start,
        end=a.end,
        text=a.text,
        figure_id=a.figure_id,
        other_figure_id=b.figure_id,
        other_sentence_id=b.sentence_id,
        other=b.text,
        other_start=b.start,
        other_end=b.end,
        object=a.object or b.object,
        quantity_kind=a.quantity_kind,
        unit=unit,
        low=low_a,
        high=high_a,
        other_low=low_b,
        other_high=high_b,
        overlap=overlap,
        verdict=verdict,
        finding=finding,
    )


# --- metric origin ------------------------------------------------------------------------------------------------


def _significant(x: float) -> str:
    """The significant digits of ``x`` as written without trailing zeros or sign (1,000 -> "1", -7.5 -> "75")."""
    return f"{abs(x):.10f}".replace(".", "").lstrip("0").rstrip("0") or "0"


def roundness(x: float) -> tuple[int, int, int]:
    """How round a printed number is; smaller is rounder: (decimal places, significant digits, leading digit
    rank with 1 and 5 roundest, then 2). 1,000 -> (0, 1, 0); 400 -> (0, 1, 3); 12 -> (0, 2, 0); 7.5 -> (1, 2, 3).
    The sign does not count (-400 is as round as 400).

    Raises:
        ValueError: ``x`` is infinite or NaN, which no one prints as a figure.
    """
    if not math.isfinite(x):
        raise ValueError(f"roundness of {x}: not a finite number")
    digits = _significant(x)
    return _decimals(x), len(digits), LEADING_DIGIT_RANK.get(int(digits[0]), 3)


def _rounder(a: float, b: float) -> bool:
    """``a`` has fewer decimals or significant digits than ``b``; between one-digit numbers, a rounder leading
    digit counts (1,000 is rounder than 400; 26 is not rounder than 42)."""
    (places_a, digits_a, rank_a), (places_b, digits_b, rank_b) = roundness(a), roundness(b)
    if (places_a, digits_a) != (places_b, digits_b):
        return (places_a, digits_a) < (places_b, digits_b)
    return digits_a == 1 and rank_a < rank_b


def _is_round(x: float) -> bool:
    """Already as round as converted figures get (500, 1,000, 12, 15,000): not flagged as a conversion."""
    places, digits, rank = roundness(x)
    return places == 0 and (digits == 1 and rank < 3 or digits == 2 and _significant(x)[0] == "1")


@lru_cache(maxsize=1)
def _counterparts() -> dict[str, str]:
    pairs = {}
    for imperial, metric in lexicon().counterparts:
        a, b = str(pint_unit(imperial)), str(pint_unit(metric))
        pairs[a], pairs[b] = b, a
    return pairs


def _candidates(converted: float) -> list[tuple[float, float]]:
    """(rounded value, step) for ``converted`` rounded to every 1-2-5 step from coarse to fine, never to zero;
    a negative value is rounded like its magnitude (-16.4 -> -20, -15, -16, ...). None for zero, which has no
    coarser rounding, or a value that is not finite."""
    magnitude, sign = abs(converted), math.copysign(1.0, converted)
    if magnitude == 0 or not math.isfinite(magnitude):
        return []
    top = math.floor(math.log10(magnitude)) + 1
    found = []
    for power in range(top, top - 5, -1):
        for mantissa in (5, 2, 1):
            step = mantissa * 10.0**power
            rounded = round(magnitude / step) * step
            if rounded > 0:
                found.append((sign * float(f"{rounded:.10g}"), step))
    return found


def _finest_step(converted: float, rounded: float) -> float:
    """The finest power-of-ten step at which ``converted`` still rounds to ``rounded`` (its implied precision);
    both are taken by magnitude, as :func:`_candidates` rounds them."""
    converted, rounded = abs(converted), abs(rounded)
    step, found = 10.0 ** (math.floor(math.log10(rounded)) + 1), math.nan
    while step > 1e-6 * rounded:
        if abs(round(converted / step) * step - rounded) <= 1e-9 * rounded:
            found = step
        elif not math.isnan(found):
            break
        step /= 10
    return found


def metric_origin(figures: Sequence[FigureRow]) -> list[MetricOriginRow]:
    """One row per figure whose unit has a counterpart in the other measurement system (miles and km, acres and
    hectares, ...), saying whether the printed figure is probably a conversion of a rounder one.

    The figure is converted with pint; the converted value is rounded at every 1-2-5 step; a rounding counts
    when, converted back, it falls within the printed figure's precision (half its last digit, at most
    :data:`METRIC_ORIGIN_TOLERANCE` of it; the approximator's interval for "about" and "nearly"). The roundest
    such value (:func:`roundness`) is the probable original if it is rounder than the printed figure and the
    printed figure is not itself round (:func:`_rounder`, :func:`_is_round`). Its implied precision (half the finest step that still gives it) is
    then carried back into the printed unit: the printed figure is only that precise.

    Not detected: conversions of figures that were already round in both systems, and a figure printed with
    more digits than its original had.
    """
    pairs = _counterparts()
    rows = []
    for figure in figures:
        other = pairs.get(figure.unit_canonical)
        value = figure.value
        if other is None or not math.isfinite(value) or value == 0:
            continue
        converted = convert(value, figure.unit_canonical, other)
        if not math.isfinite(converted):
            continue
        half = min(printed_step(value) / 2, METRIC_ORIGIN_TOLERANCE * abs(value))
        low, high = value - half, value + half
        if figure.approx in ("about", "nearly"):
            low, high = min(low, figure.low), max(high, figure.high)
        accepted = []
        for rounded, step in _candidates(converted):
            back = convert(rounded, other, figure.unit_canonical)
            if low <= back <= high:
                accepted.append((roundness(rounded), abs(rounded - converted), rounded))
        best = min(accepted)[2] if accepted else math.nan
        flagged = bool(accepted) and _rounder(best, value) and not _is_round(value)
        other_short, unit_short = unit_symbol(other), unit_symbol(figure.unit_canonical)
        if flagged:
            step = _finest_step(converted, best)
            implied = sorted(convert(best + sign * step / 2, other, figure.unit_canonical) for sign in (-1, 1))
            finding = (
                f"{value:,.4g} {unit_short} is {converted:,.4g} {other_short}: probably converted from "
                f"{best:,.10g} {other_short}, so it is only good to {implied[0]:,.4g}–{implied[1]:,.4g} {unit_short}."
            )
        else:
            implied = [math.nan, math.nan]
            finding = f"{value:,.4g} {unit_short} is {converted:,.4g} {other_short}: no sign of a conversion."
        rows.append(
            MetricOriginRow(
                sentence_id=figure.sentence_id,
                start=figure.start,
                end=figure.end,
                text=figure.text,
                figure_id=figure.figure_id,
                value=value,
                unit_canonical=figure.unit_canonical,
                converted_value=converted,
                converted_unit=other,
                original_value=best if flagged else math.nan,
                original_unit=other if flagged else "",
                probably_converted=flagged,
                implied_low=implied[0],
                implied_high=implied[1],
                finding=finding,
            )
        )
    return rows
