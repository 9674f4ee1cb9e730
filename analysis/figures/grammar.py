"""The figure grammar: approximator, number, range, currency, unit, hyphenated modifier and trailing
approximator, in that order, from one token."""

from __future__ import annotations

import math
from dataclasses import dataclass

from spacy.tokens import Doc

from analysis.figures.numbers import parse_fraction, parse_glued_range, parse_number, parse_ratio, parse_vague, scale_like
from analysis.figures.tokens import HYPHENS, bare_at, lower_at, match_phrase, token_at, written_together
from analysis.figures.unit_phrases import article_unit, currency_prefix, unit_at
from analysis.figures.units import tidy, to_major
from analysis.figures.wordlists import Lexicon

#: Adjectives that close a hyphenated measure ("7.5-mile-deep", "2,000-strong", "10-year-old").
MEASURE_ADJECTIVES = frozenset({"deep", "high", "long", "wide", "old", "tall", "thick", "strong", "large", "big"})
#: Trailing words that make "30-odd": more than the number, less than its next step (30 to 40).
ODD_WORDS = frozenset({"odd", "something"})


@dataclass
class Match:
    """A figure found by the grammar, in token positions of the parse."""

    start: int
    end: int
    core_start: int
    core_end: int
    value: float = math.nan
    low: float = math.nan
    high: float = math.nan
    approx: str = "exact"
    approx_tokens: tuple[int, int] | None = None
    unit_tokens: tuple[int, int] | None = None
    unit: str = ""
    currency: str = ""
    has_scale: bool = False
    symbol: str = ""  # the currency symbol as written ("£", "Sh", "Rs.")
    minor: bool = False  # the amount was written in the currency's subunit ("243p")
    article: bool = False  # "a"/"an" read as one before a unit ("a foot")
    trim: int = 0  # characters of the last token that are not the figure's (a full stop: "34C.")


def _core(doc: Doc, i: int, lex: Lexicon, currency: str, first: str | None = None) -> tuple[Match, str] | None:
    """The amount at token i (no approximator, no unit), with the glued unit alias it carries.

    ``first`` is token i's text without a glued currency symbol ("Sh3.6tn" -> "3.6tn").
    """
    if i >= len(doc):
        return None
    glued_range = parse_glued_range(first if first is not None else token_at(doc, i).text, lex, currency)
    if glued_range:
        low, high, has_scale, unit = glued_range
        return Match(i, i + 1, i, i + 1, low=low, high=high, approx="range", has_scale=has_scale), unit
    if first is not None:
        number = parse_number(doc, i, lex, currency=currency, first=first)
        if number is None:
            return None
        end, value, has_scale, glued = number
        return Match(i, end, i, end, value=value, has_scale=has_scale), glued
    if article_unit(doc, i, lex):
        return Match(i, i + 1, i, i + 1, value=1.0, article=True), ""
    vague = parse_vague(doc, i, lex)
    if vague:
        end, value, low, approx = vague
        return Match(i, end, i, end, value=value, low=low, approx=approx, has_scale=True), ""
    fraction = parse_fraction(doc, i, lex)
    if fraction:
        end, value, has_scale, is_share = fraction
        match = Match(i, end, i, end, value=value, has_scale=has_scale)
        if is_share:  # read as a percent, like "one in five"
            match.value, match.unit = tidy(100 * value), "percent"
        return match, ""
    ratio = parse_ratio(doc, i, lex)
    if ratio:
        end, value = ratio
        match = Match(i, end, i, end, value=value)
        match.unit = "percent"
        return match, ""
    number = parse_number(doc, i, lex, currency=currency)
    if number:
        end, value, has_scale, glued = number
        return Match(i, end, i, end, value=value, has_scale=has_scale), glued
    return None


def scan(doc: Doc, i: int, lex: Lexicon) -> Match | None:
    """The figure that starts at token i, or None."""
    j, approx, approx_span = i, "exact", None
    found = match_phrase(doc, j, lex.prefix)
    if found:
        approx_span, approx, j = (i, found[0]), found[1], found[0]
    elif lower_at(doc, j) == "as" and j + 2 < len(doc) and token_at(doc, j + 1).pos_ in ("ADJ", "ADV") and lower_at(doc, j + 2) == "as":
        if lower_at(doc, j + 1) not in lex.as_as_lower:
            approx_span, approx, j = (i, j + 3), "at_most", j + 3
    opener = lower_at(doc, j) in lex.range_openers
    symbol_at = core_at = j + 1 if opener else j
    currency, symbol, first = "", "", None
    prefix = currency_prefix(doc, core_at, lex)
    if prefix:
        currency, symbol, core_at, first = prefix
    found_core = _core(doc, core_at, lex, currency, first)
    if found_core is None:
        return None
    match, glued = found_core
    match.start = i if approx_span or not opener else j
    match.core_start = symbol_at
    match.currency, match.symbol = currency or match.currency, symbol
    if approx_span and match.approx == "exact":
        match.approx, match.approx_tokens = approx, approx_span
    k = match.end
    # a range: "between 10 and 15", "10-15", "three to four", "1.2 million to 1.5 million", "two or three",
    # "£3.5bn to £4bn"
    joiner = lower_at(doc, k)
    if match.approx == "exact" and not glued and joiner in lex.range_joiners and (joiner != "and" or opener):
        at, second_first = k + 1, None
        second_prefix = currency_prefix(doc, at, lex) if currency else None
        if second_prefix and second_prefix[0] == currency:
            at, second_first = second_prefix[2], second_prefix[3]
        second = parse_number(doc, at, lex, currency=currency, first=second_first)
        low = math.nan
        if second and (joiner not in HYPHENS or written_together(doc, k - 1, k + 2)):
            low = scale_like(match.value, second[1]) if second[2] and not match.has_scale else match.value
        if second and low < second[1]:  # a range rises: "$5m to 40 families" is two figures
            end, value, has_scale, glued = second
            match.low, match.high, match.value, match.approx = low, value, math.nan, "range"
            match.start = i if (opener or approx_span) else match.start
            match.approx_tokens = None
            match.end = k = end
            match.has_scale = match.has_scale or has_scale
        elif opener and not approx_span:
            match.start = symbol_at
    elif opener and not approx_span:
        match.start = symbol_at
    # the unit: glued ("12km", "243p"), after a hyphen ("7.5-mile"), after "of" for vague powers ("hundreds of km")
    if glued:
        if (glued,) in lex.minor_names and not currency:
            match.currency, match.minor = lex.minor_names[(glued,)], True
        elif not currency:
            match.unit = lex.glued_units.get(glued) or lex.glued_only.get(glued, "")
        match.unit_tokens = (k - 1, k)
    elif not match.unit:
        at = k
        if lower_at(doc, at) in HYPHENS and written_together(doc, at - 1, at + 2):
            at += 1
        elif lower_at(doc, at) == "of" and match.approx == "vague" and not math.isnan(match.low):
            at += 1
        unit = unit_at(doc, at, lex, has_scale=match.has_scale)
        if at == k and lower_at(doc, at) in lex.glued_only and at > 0 and not token_at(doc, at - 1).whitespace_:
            unit = (at + 1, lex.glued_only[lower_at(doc, at)], "unit")  # "1.6in", split by the tokenizer
        if unit and not currency:
            end, name, what = unit
            if what == "unit":
                match.unit = name
            else:
                match.currency, match.minor = name, what == "minor"
            match.unit_tokens = (at, end)
            k = end
    # a hyphenated modifier's adjective: "7.5-mile-deep", "2,000-strong", "10-year-old"
    if lower_at(doc, k) in HYPHENS and written_together(doc, k - 1, k + 2) and lower_at(doc, k + 1) in MEASURE_ADJECTIVES:
        k += 2
    # a trailing approximator: "2,000 or more", "30-odd"
    if match.approx == "exact":
        at = k + 1 if lower_at(doc, k) in HYPHENS and written_together(doc, k - 1, k + 2) else k
        found = match_phrase(doc, at, lex.postfix)
        if found:
            match.approx_tokens, match.approx = (k, found[0]), found[1]
            k = found[0]
            if lower_at(doc, found[0] - 1) in ODD_WORDS:
                step = 10 ** math.floor(math.log10(match.value)) if match.value > 0 else 1
                match.approx, match.low, match.high, match.value = "more_than", match.value, match.value + step, math.nan
    match.end = k
    if bare_at(doc, k - 1) != lower_at(doc, k - 1):
        match.trim = 1
    if match.minor:
        amounts = (match.value, match.low, match.high)
        match.value, match.low, match.high = (to_major(x, match.currency) for x in amounts)
    return match


def interval_of(match: Match, lex: Lexicon) -> tuple[float, float]:
    """(low, high) that the wording allows; see analysis/data/approximators.yaml for the tolerances."""
    v = match.value
    if match.approx in ("range", "vague") or (match.approx == "more_than" and math.isnan(v)):
        return match.low, match.high
    if match.approx == "exact":
        return v, v
    if match.approx == "about":
        t = lex.tolerance["about"]
        return tidy(v * (1 - t)), tidy(v * (1 + t))
    if match.approx == "nearly":
        return tidy(v * (1 - lex.tolerance["nearly"])), v
    if match.approx in ("at_least", "more_than"):
        return v, math.inf
    return 0.0, v
