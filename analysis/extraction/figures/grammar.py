"""The figure grammar: approximator, number, range, currency, unit, hyphenated modifier and trailing
approximator, in that order, from one token."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from analysis.datafiles import read_yaml
from analysis.extraction.doc_index import doc_index
from analysis.extraction.figures.numbers import (
    parse_fraction, parse_glued_range, parse_number, parse_ratio, parse_vague, rounding_half_width, scale_like,
)
from analysis.extraction.figures.tokens import (
    HYPHENS, SIGN_WORDS, SIGNED, bare_at, lower_at, match_phrase, number_value, sign_of, token_at, written_together,
)
from analysis.extraction.figures.unit_phrases import article_unit, currency_prefix, unit_at
from analysis.extraction.figures.units import canonical_name, tidy
from analysis.extraction.figures.wordlists import Lexicon, glued_symbol
from analysis.extraction.linguistics.gender import gender_words
from analysis.extraction.sources.wordlists import lexicon as source_lexicon

#: Adjectives that close a hyphenated measure ("7.5-mile-deep", "2,000-strong", "10-year-old").
MEASURE_ADJECTIVES = frozenset({"deep", "high", "long", "wide", "old", "tall", "thick", "strong", "large", "big"})
#: Trailing words that make "30-odd": more than the number, less than its next step (30 to 40).
ODD_WORDS = frozenset({"odd", "something"})
#: Words between a price and what it is per ("$61.38 a barrel", "Rs 754 per share").
RATE_WORDS = frozenset({"a", "an", "per"})
#: Words after a duration that make it a point in time ("two days ago", "a year earlier").
RELATIVE_AFTER = frozenset({"ago", "earlier", "later", "before", "after", "previously"})


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
    per: str = ""  # what a price is per: a unit's pint name or a noun's lemma ("$61.38 a barrel" -> "barrel")


def _core(doc: Doc, i: int, lex: Lexicon, currency: str, first: str | None = None, *,
          after_by: bool = False) -> tuple[Match, str] | None:
    """The amount at token i (no approximator, no unit), with the glued unit alias it carries.

    ``first`` is token i's text without a glued currency symbol ("Sh3.6tn" -> "3.6tn"); ``after_by``: the figure,
    its approximator included, follows "by" (a bare fraction is then a change: "fell by as much as a third").
    """
    if i >= len(doc):
        return None
    written = first if first is not None else token_at(doc, i).text
    if bare_at(doc, i) != lower_at(doc, i):  # "$2B-$3B." at a sentence's end: the full stop is no unit
        written = written[:-1]
    glued_range = parse_glued_range(written, lex, currency)
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
        # a vague plural of a power has no upper bound the words allow: "dozens" is 24 or more
        high = math.inf if not math.isnan(low) else math.nan
        return Match(i, end, i, end, value=value, low=low, high=high, approx=approx, has_scale=True), ""
    fraction = parse_fraction(doc, i, lex, after_by=after_by)
    if fraction:
        end, value, has_scale, is_share = fraction
        match = Match(i, end, i, end, value=value, has_scale=has_scale)
        if is_share:  # a fraction as written: "one-third" is 0.3333 of a whole
            match.unit = "fraction"
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
    if lower_at(doc, i) == "minus" and token_at(doc, i).whitespace_:
        # "minus 12C", "minus five degrees Celsius", "for minus 5 yards", "dipped to minus 5": a spaced "minus"
        # is a sign on a temperature, or on any amount with no left operand (after "revenue" it is arithmetic:
        # "revenue minus 5 percent")
        below = scan(doc, i + 1, lex)
        # a left operand makes it arithmetic: a noun or a number before it ("sales minus 8 percent")
        operand = i > 0 and token_at(doc, i - 1).pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ")
        signed = below is not None and (below.unit.startswith("degree_") or not operand)
        if signed and below.approx == "exact" and not math.isnan(below.value):
            below.start, below.value = i, -below.value
            return below
        return None
    j, approx, approx_span = i, "exact", None
    found = match_phrase(doc, j, lex.prefix)
    if found and _verb_particle(doc, j, lex):
        found = None  # "revised up to -3.6%", "shot up to 36.7 deg C": the verb's particle and "to", no "up to"
    if found:
        approx_span, approx, j = (i, found[0]), found[1], found[0]
        filler = match_phrase(doc, j, lex.approximator_fillers)
        if filler and _core_follows(doc, filler[0], lex):
            j = filler[0]
    elif lower_at(doc, j) == "as" and j + 2 < len(doc) and token_at(doc, j + 1).pos_ in ("ADJ", "ADV") and lower_at(doc, j + 2) == "as":
        if lower_at(doc, j + 1) not in lex.as_as_lower:
            approx_span, approx, j = (i, j + 3), "at_most", j + 3
    age = _age_of(doc, j)  # "over the age of 21"
    if age and approx_span:
        j += age
    opener = lower_at(doc, j) in lex.range_openers
    symbol_at = core_at = j + 1 if opener else j
    if opener and _age_of(doc, core_at):  # "between the ages of 18 and 24"
        age = _age_of(doc, core_at)
        symbol_at = core_at = core_at + age
    currency, symbol, first = "", "", None
    pre_sign = 1.0
    if _sign_before_symbol(doc, core_at, lex):  # "-$40bn"
        pre_sign, core_at = sign_of(token_at(doc, core_at).text)[0], core_at + 1
    prefix = currency_prefix(doc, core_at, lex)
    signed_symbol = _signed_glued_symbol(doc, core_at, lex) if prefix is None else None
    if signed_symbol:  # "-$40bn" as one token
        pre_sign, prefix = signed_symbol
    if prefix:
        currency, symbol, core_at, first = prefix
    sign, sign_approx, core_at, first = _signed(doc, core_at, first, prefix is not None)
    sign *= pre_sign
    found_core = _core(doc, core_at, lex, currency, first, after_by=lower_at(doc, i - 1) == "by")
    if found_core is None and approx_span and lower_at(doc, core_at) in ("a", "an") and lower_at(doc, core_at + 1) in lex.time_units:
        # "about a week", "nearly a year": after an approximator "a" counts one of a duration (alone, "a day" is
        # a rate or a date, see one_with_article in units.yaml)
        found_core = Match(core_at, core_at + 1, core_at, core_at + 1, value=1.0, article=True), ""
    if found_core is None:
        return None
    match, glued = found_core
    match.start = i if approx_span or not opener else j
    match.core_start = symbol_at
    match.currency, match.symbol = currency or match.currency, symbol
    if approx_span and match.approx == "exact":
        match.approx, match.approx_tokens = approx, approx_span
    elif sign_approx != "exact" and match.approx == "exact":  # "~45g", "sub-7"
        match.approx = sign_approx
    k = match.end
    # a range: "between 10 and 15", "10-15", "three to four", "1.2 million to 1.5 million", "two or three",
    # "£3.5bn to £4bn"
    joiner = lower_at(doc, k)
    change = opener and _after_change(doc, j, lex)  # "rose from $4 to $5": two figures, each exact
    # "and" joins a range only after "between": "down from 124 and 2,703 waiting ..." is two figures
    if match.approx == "exact" and not glued and not change and joiner in lex.range_joiners and (
        joiner != "and" or lower_at(doc, j) == "between"
    ):
        at, second_first = k + 1, None
        second_prefix = currency_prefix(doc, at, lex) if currency else None
        if second_prefix and second_prefix[0] == currency:
            at, second_first = second_prefix[2], second_prefix[3]
        second = parse_number(doc, at, lex, currency=currency, first=second_first)
        low = math.nan
        if second and (joiner not in HYPHENS or written_together(doc, k - 1, k + 2)):
            low = scale_like(match.value, second[1]) if second[2] and not match.has_scale else match.value
        # "deaths rose by 16 to 294": a change and the level it brought, not a range ("rose by 2 to 3 points" is one)
        level_after_change = bool(second) and _change_and_level(
            doc, i, low, second[1], lex, whole=match.has_scale)
        if second and low < second[1] and not level_after_change:  # a range rises: "$5m to 40 families" is two figures
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
        elif lower_at(doc, at) in lex.before_unit_words and unit_at(doc, at + 1, lex, has_scale=match.has_scale):
            at += 1  # "2 more feet": the comparative stays inside the figure, the unit is the one after it
        unit = unit_at(doc, at, lex, has_scale=match.has_scale)
        if at == k and lower_at(doc, at) in lex.glued_only and at > 0 and not token_at(doc, at - 1).whitespace_:
            unit = (at + 1, lex.glued_only[lower_at(doc, at)], "unit")  # "1.6in", split by the tokenizer
        # "US70 cents": a country's prefix before its own subunit
        if unit and (not currency or (unit[2] == "minor" and unit[1] == currency)):
            end, name, what = unit
            if what == "unit":
                match.unit = name
            else:
                match.currency, match.minor = name, what == "minor"
            match.unit_tokens = (at, end)
            k = end
    if change and not glued and match.approx == "exact" and not (match.unit or match.currency):
        _unit_of_level(doc, match, k, lex)
    temperature_letter(doc, match, lex)
    pounds_sterling(doc, match, k, lex)
    if not match.unit and not match.currency and not glued:
        k = _unit_in_context(doc, match, k, lex)
        k = _multiple(doc, match, k, lex)
    # what a price is per, before a range is looked for past it: "$550 a tonne to $580 a tonne" is one range
    k = _price_per(doc, match, k, lex)
    # a range whose ends both carry the unit: "between 25 deg C and 34 deg C", "between 15kHz and 17kHz",
    # "25°C-35°C"; "from 10 percent to 25 percent" is a change between two levels, two figures
    if (match.unit or match.currency) and match.approx == "exact" and not math.isnan(match.value):
        joiner = lower_at(doc, k)
        # "between", or "from" that opens no change ("temperatures ranged from 15C to 20C", "the operating
        # temperature is from -40C to 70C"; "rose from 10% to 25%" is two figures)
        between = opener and joiner in ("and", "to") and (lower_at(doc, j) == "between" or not change)
        # "winds of 40mph to 60mph", "(25°C to 35°C)": "to" with no "from" and no verb of change before the first
        # end ("rose 5% to 10%" is a change and a level, two figures)
        between = between or (joiner == "to" and not opener and not approx_span and _range_context(doc, match.start))
        if between or (joiner in HYPHENS and written_together(doc, k - 1, k + 2)):
            second = scan(doc, k + 1, lex)
            if (
                second is not None and second.approx == "exact"
                and (second.unit, second.currency, second.per) == (match.unit, match.currency, match.per)
                and not math.isnan(second.value) and match.value < second.value
            ):
                match.low, match.high, match.value, match.approx = match.value, second.value, math.nan, "range"
                match.start, k = i, second.end
    # a hyphenated modifier's adjective: "7.5-mile-deep", "2,000-strong", "10-year-old"
    if lower_at(doc, k) in HYPHENS and written_together(doc, k - 1, k + 2) and lower_at(doc, k + 1) in MEASURE_ADJECTIVES:
        k += 2
    elif lower_at(doc, k) == "old" and lower_at(doc, k - 1) in ("year", "years") and lower_at(doc, k - 2) in HYPHENS:
        k += 1  # "a 9-year old girl"
    elif not (match.unit or match.currency or glued) and _counted_modifier(doc, k):
        k += 2  # "a 300-page report": the figure is the whole modifier, what it counts is its head
    if (age or _after_age_of(doc, match.core_start) or _after_age_word(doc, match.start)) and not match.unit and (
            not match.currency):
        match.unit = "year"
    elif _apposed_age(doc, match, k):
        match.unit = "year"
    # a trailing approximator: "2,000 or more", "30-odd"
    if match.approx == "exact":
        at = k + 1 if lower_at(doc, k) in HYPHENS and written_together(doc, k - 1, k + 2) else k
        found = match_phrase(doc, at, lex.postfix)
        if found:
            match.approx_tokens, match.approx = (k, found[0]), found[1]
            k = found[0]
            scale = lex.scales.get(lower_at(doc, k))
            if scale and not match.has_scale and not match.unit and not math.isnan(match.value):
                # "$400-plus billion", "30-odd million": the scale written after the approximator is the number's
                match.value, match.has_scale, k = match.value * scale, True, k + 1
            if lower_at(doc, found[0] - 1) in ODD_WORDS:
                step = 10 ** math.floor(math.log10(match.value)) if match.value > 0 else 1
                match.approx, match.low, match.high, match.value = "more_than", match.value, match.value + step, math.nan
    match.end = k
    if bare_at(doc, k - 1) != lower_at(doc, k - 1):
        match.trim = 1
    if sign < 0:  # "minus-3 yards", "-3.6%", "$-50.8bn": the sign applies to the number it is written on
        if math.isnan(match.value):
            match.low = -match.low
        else:
            match.value = -match.value
    return match


def _counted_modifier(doc: Doc, k: int) -> bool:
    """Whether a number ending before token k is joined by a hyphen to the noun it counts, the two written
    together before another word as one modifier ("a 300-page report", "a 12-member jury", "the 5-star hotel";
    tests/gold/unseen/CONVENTIONS.md spans "a 5-kilometre race" as "5-kilometre"); not a second number ("a 3-2
    win"), a word that is no noun ("a one-off payment", "2-for-1") or a hyphenated word that ends its phrase."""
    if lower_at(doc, k) not in HYPHENS or k + 2 >= len(doc) or not written_together(doc, k - 1, k + 2):
        return False
    noun, after = token_at(doc, k + 1), token_at(doc, k + 2)
    return (noun.pos_ == "NOUN" and noun.is_alpha and noun.is_lower and noun.whitespace_ != ""
            and after.is_alpha and after.pos_ in ("NOUN", "PROPN", "ADJ"))


def _verb_particle(doc: Doc, j: int, lex: Lexicon) -> bool:
    """Whether "up" at token j is the particle of a verb of change right before it ("revised up to -3.6%"),
    not the start of the approximator "up to" (``up_particle_verbs`` in approximators.yaml)."""
    return lower_at(doc, j) == "up" and j > 0 and token_at(doc, j - 1).lemma_.lower() in lex.up_particle_verbs


def _core_follows(doc: Doc, j: int, lex: Lexicon) -> bool:
    """Whether an amount can start at token j: digits, a number word or a currency symbol ("a one month",
    "a combined $1 billion"), a fraction joined to its unit ("about a half-inch"), or a unit counted as one
    ("about a week")."""
    text = token_at(doc, j).text if j < len(doc) else ""
    return (
        text[:1].isdigit() or lower_at(doc, j) in lex.number_words or text in lex.currency_symbols
        or currency_prefix(doc, j, lex) is not None
        or (lower_at(doc, j) in lex.fractions and lower_at(doc, j + 1) in HYPHENS)
    )


def _signed(doc: Doc, at: int, first: str | None, after_symbol: bool) -> tuple[float, str, int, str | None]:
    """A sign or a glued approximator written on the number at token ``at``: (sign, approximator class, token of
    the number, the number's text without the sign or None).

    "minus-5", "-1.3%", "+0.2%", "–3 yards" (an en dash set as a minus), "$-50.8bn", "~45g", "sub-7"; and
    "minus-three" split by the tokenizer ("minus", "-", "three"). A sign counts only where it starts a word:
    after a space, an opening bracket or a currency symbol, never inside "10-15" or "Covid-19".
    """
    if at >= len(doc):
        return 1.0, "exact", at, first
    starts_word = after_symbol or at == 0 or bool(token_at(doc, at - 1).whitespace_) or token_at(doc, at - 1).is_left_punct
    text = first if first is not None else token_at(doc, at).text
    found = SIGNED.match(text)
    if found and starts_word:
        sign, approx = sign_of(found.group(1))
        return sign, approx, at, found.group(2)
    word = text.lower()
    # "minus-three" split in three tokens; "–3" split in two ("for –3 yards")
    if starts_word and word in SIGN_WORDS and at + 2 < len(doc) and written_together(doc, at, at + 3) and (
        lower_at(doc, at + 1) in HYPHENS
    ):
        sign, approx = sign_of(word)
        return sign, approx, at + 2, None
    if starts_word and word in ("-", "+", "\u2212", "\u2013") and at + 1 < len(doc) and written_together(doc, at, at + 2) and (
        token_at(doc, at + 1).like_num
    ):
        sign, approx = sign_of(word)
        return sign, approx, at + 1, None
    return 1.0, "exact", at, first


def _age_of(doc: Doc, j: int) -> int:
    """Tokens of "the age of" / "age of" / "age" at token j (an age follows: "over the age of 21", "over age
    25"), else 0."""
    if lower_at(doc, j) == "the" and lower_at(doc, j + 1) in ("age", "ages") and lower_at(doc, j + 2) == "of":
        return 3
    if lower_at(doc, j) in ("age", "ages") and lower_at(doc, j + 1) == "of":
        return 2
    if lower_at(doc, j) in ("age", "ages") and j + 1 < len(doc) and token_at(doc, j + 1).like_num:
        return 1  # "over age 25"
    return 0


def _after_age_of(doc: Doc, core: int) -> bool:
    """ "the age of 21", "aged 44": the number is an age."""
    return (lower_at(doc, core - 1) == "of" and lower_at(doc, core - 2) in ("age", "ages")) or lower_at(doc, core - 1) == "aged"


#: Age nouns before "from" or "range of" that make what follows an age ("in age from", "age range of").
AGE_NOUNS = frozenset({"age", "ages", "aged"})


def _after_age_word(doc: Doc, start: int) -> bool:
    """The figure starting at token ``start`` (its range opener included) gives ages, not a count of what its
    sentence names: after "in age from" ("range in age from 2 to 91") or "age range of" ("an age range of 31 to
    86"). Not read: a number right after an age noun with no approximator ("ages 6 and 9", "age 65": left as it
    was, read so it lowered the aggregate scores), a change of an age ("lower the legal age from 21 to 18", a limit
    the conventions leave without a unit), an age noun further back."""
    k = start if lower_at(doc, start) == "from" else start - 1  # a range's opener may be the match's own
    if lower_at(doc, k) == "from" and lower_at(doc, k - 1) in AGE_NOUNS and lower_at(doc, k - 2) == "in":
        return True
    if lower_at(doc, k) == "of" and lower_at(doc, k - 1) == "range" and lower_at(doc, k - 2) in AGE_NOUNS:
        return True
    return False


def _after_change(doc: Doc, opener: int, lex: Lexicon) -> bool:
    """Whether the range opener at ``opener`` is the "from" of a change ("prices rose from $4 to $5", "a sharp
    increase from 5%"): the verb or noun it hangs on, or the word before it past adverbs and particles, is one of
    the lexicon's ``change_words``."""
    word = token_at(doc, opener)
    if word.lower_ != "from":
        return False
    if word.head.i != word.i and word.head.lemma_.lower() in lex.change_words:
        return True
    at = opener - 1
    while at >= 0 and opener - at <= 3 and token_at(doc, at).pos_ in ("ADV", "PART", "ADP") and lower_at(doc, at) != "from":
        at -= 1
    return at >= 0 and token_at(doc, at).lemma_.lower() in lex.change_words


#: How many times its low end the high end of a "by X to Y" after a word of change may be and still be a range of
#: the change ("rose by 2 to 3 points"): an estimate's range spans less than this, while the level a change
#: brought is mostly far above the change ("rose by 16 to 294").
CHANGE_RANGE_SPAN = 5.0


def _change_and_level(doc: Doc, i: int, low: float, high: float, lex: Lexicon, *, whole: bool = False) -> bool:
    """Whether "by X to Y" from token ``i`` (X) after a word of change is a change and the level it brought
    ("hospital deaths increased by 16 to 294"), two figures: Y is at least :data:`CHANGE_RANGE_SPAN` times X, or
    X is written ``whole``, with a scale of its own ("reserves grew by £10.3bn to £26.4bn", "cut by $4m to $11m":
    a range writes its shared scale once, "by 2 to 3 per cent", "by $2 to $3 billion"). Not read so: a range after
    "between" or with no word of change before "by"."""
    if i == 0 or lower_at(doc, i - 1) != "by" or not low > 0 or (high < CHANGE_RANGE_SPAN * low and not whole):
        return False
    by = token_at(doc, i - 1)
    before = token_at(doc, i - 2) if i > 1 else by
    return by.head.lemma_.lower() in lex.change_words or before.lemma_.lower() in lex.change_words


def _unit_of_level(doc: Doc, match: Match, k: int, lex: Lexicon) -> None:
    """The unit and scale of a change's first end ``match`` (ending at token ``k``) that writes them only on the
    level it reached: "fell from 5.2 to 4.9 per cent" (5.2 percent), "grew from 1.2 to 1.5 million" (1.2 million).
    A currency written as a word on the level only is taken too ("from 90 to 95 cents"; a symbol is mostly written
    on both ends, "from $40 to $55"). Not taken: a second end that is no single number ("from 3 to 4-5%"), a price
    per unit ("from 90 to 95 cents a litre" leaves 90 without one), or anything but "to" after the first end."""
    if lower_at(doc, k) != "to" or math.isnan(match.value):
        return
    level = scan(doc, k + 1, lex)
    if level is None or math.isnan(level.value) or level.per:
        return
    if level.has_scale and not match.has_scale:
        match.value = scale_like(match.value, level.value)
        match.has_scale = match.value != level.value or match.has_scale
    if level.unit:
        match.unit = level.unit
    elif level.currency:
        match.currency, match.minor = level.currency, level.minor


def _price_per(doc: Doc, match: Match, k: int, lex: Lexicon) -> int:
    """What a price (or a range of prices) ending at token ``k`` is per, set on ``match``: after "a", "an" or
    "per" ("$61.38 a barrel", "$2 to $3 a share"), or after a slash written against the amount ("$6.25/kg");
    returns the figure's new end. Not read: a vague amount ("hundreds of dollars a tonne"), a spaced slash."""
    if not match.currency or (math.isnan(match.value) and match.approx != "range"):
        return k
    slash = lower_at(doc, k) == "/" and written_together(doc, k - 1, k + 2)
    if lower_at(doc, k) not in RATE_WORDS and not slash:
        return k
    per = _per_unit(doc, k + 1, lex)
    if per is None:
        return k
    k, match.per = per
    return k


def _per_unit(doc: Doc, j: int, lex: Lexicon) -> tuple[int, str] | None:
    """What a price at token ``j`` is per, after "a", "an" or "per": ``(end, unit expression or noun lemma)``
    ("$61.38 a barrel", "Rs 754.74 per share", "HK$17,354 per sq ft"); None for a period ("£90,000 a week",
    "$5m a year ago") or when no unit or noun follows."""
    unit = unit_at(doc, j, lex)
    if unit is not None and unit[2] == "unit":
        end, name = unit[0], canonical_name(unit[1])
    elif j < len(doc) and token_at(doc, j).pos_ == "NOUN" and token_at(doc, j).is_alpha:
        end, name = j + 1, token_at(doc, j).lemma_.lower()
    else:
        return None
    if lower_at(doc, end - 1) in lex.time_units or lower_at(doc, end) in RELATIVE_AFTER:
        return None  # "£90,000 a week" is pay over a period, told by the time expressions; "$5m a year ago"
    return end, name


def _range_context(doc: Doc, start: int) -> bool:
    """Whether the word before a figure lets "X unit to Y unit" be a range: a preposition other than those of a
    change ("of", "at", "with", "in"), a determiner or an opening bracket; not a verb, an adverb ("up 5% to 10%")
    or "by"/"from"/"to"."""
    if start == 0:
        return False
    before = token_at(doc, start - 1)
    if before.lower_ in ("by", "from", "to", "up", "down"):
        return False
    return before.pos_ in ("ADP", "DET") or before.is_left_punct


def _signed_glued_symbol(doc: Doc, at: int, lex: Lexicon) -> tuple[float, tuple[str, str, int, str]] | None:
    """A sign, a currency symbol and the digits in one token ("-$40bn", "+£2m"): (sign, currency prefix)."""
    if at >= len(doc):
        return None
    text = token_at(doc, at).text
    if len(text) < 3 or text[0] not in "-+\u2212\u2013":
        return None
    starts_word = at == 0 or bool(token_at(doc, at - 1).whitespace_) or token_at(doc, at - 1).is_left_punct
    symbol = glued_symbol(text[1:], lex)
    if not starts_word or symbol is None:
        return None
    code = lex.currency_symbols.get(symbol) or lex.glued_symbol_codes[symbol]
    return sign_of(text[0])[0], (code, symbol, at, text[1 + len(symbol) :])


def _sign_before_symbol(doc: Doc, at: int, lex: Lexicon) -> bool:
    """A minus or plus written against a currency symbol that starts a word: "-$40bn", "+£2m"."""
    if at + 1 >= len(doc) or token_at(doc, at).text not in ("-", "+", "\u2212", "\u2013") or token_at(doc, at).whitespace_:
        return False
    starts_word = at == 0 or bool(token_at(doc, at - 1).whitespace_) or token_at(doc, at - 1).is_left_punct
    return starts_word and currency_prefix(doc, at + 1, lex) is not None


#: Above any age a person has reached: a larger number beside a person is no age.
OLDEST_AGE = 125


def could_be_age(value: float) -> bool:
    """Whether a number is one a person's age in years can be: a whole number from 1 to :data:`OLDEST_AGE`."""
    return 0 < value < OLDEST_AGE and float(value).is_integer()


#: Approximators of a bound or a range, with which a number right after a noun of people is their age.
AGE_BOUNDS = frozenset({"more_than", "less_than", "at_least", "at_most", "range"})


def people_before_age(doc: Doc, match: Match, lex: Lexicon) -> Token | None:
    """The noun or pronoun of people (:func:`is_person_noun`, ``people_pronouns``) written right before a bound of
    their age: "people over 30", "anyone 18 or older", "children under 5", "those between 12 and 22", "people
    over the age of 20"; that is, a bound or range (:data:`AGE_BOUNDS`) in years or of a bare number, every end
    of which an age can be (:func:`could_be_age`). None otherwise: a bound no age can be ("workers over 500"), or
    one after any other noun ("towns under 5,000", "loans over 30 years")."""
    if match.start == 0 or match.currency or match.unit not in ("", "year") or match.approx not in AGE_BOUNDS:
        return None
    ends = (match.low, match.high) if match.approx == "range" else (match.value,)
    before = token_at(doc, match.start - 1)
    people = is_person_noun(before) or before.lower_ in lex.people_pronouns
    return before if people and all(could_be_age(end) for end in ends) else None


#: Words that may stand between a name and the age apposed to it ("McCullough, now 54,").
AGE_MARKERS = frozenset({"now", "aged", "age"})


def _apposed_age(doc: Doc, match: Match, k: int) -> bool:
    """An age apposed to a person (:func:`apposed_person`) on a figure with no unit of its own."""
    return not match.unit and not match.currency and apposed_person(doc, match, k) is not None


def apposed_person(doc: Doc, match: Match, k: int) -> Token | None:
    """The person an age ending at token ``k`` is apposed to: "Hague, 44, said", "John Richards, 96, started",
    "McCullough, now 54,", "John Smith (44)", "a woman, 32, was hurt" (a whole number a person can be, between
    commas or in brackets, right after a proper name, or after a common noun with an article when the clause's
    verb or "who" follows); the name's (or noun's) last token, else None."""
    if match.approx != "exact" or match.end - match.core_start != 1 or match.currency:
        return None
    if not could_be_age(match.value):
        return None
    before = match.core_start - 1
    if lower_at(doc, before) in AGE_MARKERS:
        before -= 1
    name = token_at(doc, before - 1) if before > 0 else None
    if name is None:
        return None
    if lower_at(doc, before) == "(" and lower_at(doc, k) == ")":  # "John Smith (44)", British style
        return name if name.pos_ == "PROPN" and name.ent_type_ == "PERSON" else None
    if lower_at(doc, before) != "," or lower_at(doc, k) not in (",", ";", ")"):
        return None
    if name.pos_ == "PROPN":
        return name if name.ent_type_ in ("PERSON", "", "ORG", "GPE", "NORP") else None
    # "a woman, 32, was hurt": a noun that names a person by sex (gendered_nouns.yaml, read for the people table)
    # with an article, the apposition followed by its verb or "who"
    after = token_at(doc, k + 1) if k + 1 < len(doc) else None
    determined = before >= 2 and token_at(doc, before - 2).lower_ in ("a", "an", "the")
    person = name.lower_ in _person_nouns() and determined and after is not None and (
        after.pos_ in ("VERB", "AUX") or after.lower_ == "who"
    )
    return name if person else None


def is_person_noun(noun: Token) -> bool:
    """Whether a noun names people (``gendered_nouns.yaml``, and the person and group nouns of
    ``source_nouns.yaml``: "residents", "young people", "the average taxpayer"): a sum "for" them is what they get
    or pay, never what it pays for; a bound right after them is their age (:func:`people_before_age`)."""
    return noun.lemma_.lower() in _person_lemmas() or noun.lower_ in _person_lemmas()


@lru_cache(maxsize=1)
def _person_lemmas() -> frozenset[str]:
    return gender_words().person_nouns | source_lexicon().collective


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    nouns = read_yaml("gendered_nouns.yaml")["nouns"]
    return frozenset(word.lower() for words in nouns.values() for word in words)


#: What may follow "N times" when it multiplies ("six times the price", "four times as much", "200 times to a
#: high", "ten times higher"); else "times" counts occasions ("ran 10 times for minus-3 yards").
MULTIPLE_NEXT = frozenset({"as", "the", "that", "this", "its", "their", "his", "her", "to", "over", "more", "less"})


def _multiple(doc: Doc, match: Match, k: int, lex: Lexicon) -> int:
    """ "N times": a multiple (unit ``times``) when a comparison or a base follows; occasions counted
    otherwise (no unit, "times" still in the span)."""
    if lower_at(doc, k) != "times" or not match.approx in ("exact", "about", "nearly", "more_than", "at_least", "at_most", "less_than"):
        return k
    after = token_at(doc, k + 1) if k + 1 < len(doc) else None
    if after is not None and (after.lower_ in MULTIPLE_NEXT or after.tag_ in ("DT", "PRP$", "JJR", "RBR")):
        match.unit, match.unit_tokens = "times", (k, k + 1)
    return k + 1


def _sentence_words(doc: Doc, i: int) -> set[str]:
    index = doc_index(doc)
    start, end = index.sentence_bounds(i)
    return set(index.lower[start:end])


def _unit_in_context(doc: Doc, match: Match, k: int, lex: Lexicon) -> int:
    """A unit the sentence decides: a bare "degrees" is a temperature when a temperature word is near (else an
    angle, left without a unit). Returns the end of the figure."""
    if lower_at(doc, k) not in ("degrees", "degree"):
        return k
    words = _sentence_words(doc, k)
    if not (words & lex.temperature_words - {"degree", "degrees"}):
        return k
    match.unit, match.unit_tokens = _temperature_scale(doc, k), (k, k + 1)
    return k + 1


def _temperature_scale(doc: Doc, k: int) -> str:
    """The scale of a bare "degrees" (see ``context`` in units.yaml): Fahrenheit when a Celsius conversion
    follows in brackets or the document writes Fahrenheit, Celsius when it writes only Celsius, else
    Fahrenheit (the scale American copy leaves unsaid; British and other copy names Celsius)."""
    for t in range(k + 1, min(k + 6, len(doc))):
        if lower_at(doc, t) in ("c", "°c", "celsius") or lower_at(doc, t).endswith("c") and lower_at(doc, t)[:1].isdigit():
            return "degree_Fahrenheit"
        if lower_at(doc, t) in ("f", "°f", "fahrenheit"):
            return "degree_Celsius"
    text = doc_index(doc).text.lower()
    if "fahrenheit" in text or "°f" in text:
        return "degree_Fahrenheit"
    if "celsius" in text or "°c" in text or "centigrade" in text:
        return "degree_Celsius"
    return "degree_Fahrenheit"


def temperature_letter(doc: Doc, match: Match, lex: Lexicon) -> None:
    """A one-letter "F" or "C" read as degrees: a farad ("2.5 F") or no unit ("5 C") in an electrical
    sentence, or when written apart from the number in a sentence without any temperature word; a degree
    sign or a glued "34C" stays a temperature unless an electrical word is near (units.yaml ``context``)."""
    if match.unit not in ("degree_Fahrenheit", "degree_Celsius") or not match.unit_tokens:
        return
    written = "".join(token_at(doc, t).text for t in range(*match.unit_tokens)).rstrip(".")
    if len(written.lstrip("0123456789.,")) != 1:  # "°F", "deg C", "Fahrenheit": a temperature
        return
    glued = written[:1].isdigit()
    words = _sentence_words(doc, match.unit_tokens[0])
    if words & lex.electrical_words or (not glued and not (words & lex.temperature_words)):
        match.unit = "farad" if written[-1] in "Ff" else ""
        if not match.unit:
            match.unit_tokens = None


def pounds_sterling(doc: Doc, match: Match, k: int, lex: Lexicon) -> None:
    """ "pounds" read as sterling, not weight, where the figure is a price ("costs 622 pounds": the verb it is the
    object of is a ``price`` verb of units.yaml) or is restated in another currency in brackets ("622 pounds (908
    euros)"); the figure ends at token ``k``."""
    if match.unit != "pound" or not match.unit_tokens or lower_at(doc, match.unit_tokens[0]) not in ("pound", "pounds"):
        return
    unit = token_at(doc, match.unit_tokens[1] - 1)
    priced = unit.dep_ in ("dobj", "npadvmod", "attr") and unit.head.lemma_.lower() in lex.price_verbs
    restated = lower_at(doc, k) == "(" and currency_prefix(doc, k + 1, lex) is not None
    if not restated and lower_at(doc, k) == "(":
        after = scan(doc, k + 1, lex)
        restated = after is not None and bool(after.currency)
    if priced or restated:
        match.unit, match.currency = "", "GBP"


def interval_of(match: Match, lex: Lexicon, approx: str = "") -> tuple[float, float]:
    """(low, high) that the wording allows, for the match's approximator or ``approx`` when given (a bound said
    by a verb: :func:`analysis.extraction.figures.bounds.verb_bound`); see analysis/data/approximators.yaml for
    the tolerances. "about" allows the larger of its tolerance and the printed rounding of the number
    (:func:`~analysis.extraction.figures.numbers.rounding_half_width`): "about 20,000" is 15,000 to 25,000,
    "about 21,000" 18,900 to 23,100."""
    v, approx = match.value, approx or match.approx
    if approx in ("range", "vague") or (approx == "more_than" and math.isnan(v)):
        return match.low, match.high
    if approx == "exact":
        return v, v
    if approx == "about":
        half = max(lex.tolerance["about"] * abs(v), rounding_half_width(v))
        return tidy(v - half), tidy(v + half)
    if approx == "nearly":
        return tidy(v * (1 - lex.tolerance["nearly"])), v
    if approx in ("at_least", "more_than"):
        return v, math.inf
    return 0.0, v
