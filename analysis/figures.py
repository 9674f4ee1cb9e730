"""Numeric claims: every figure a story asserts, what it counts or measures, how exact it is and who says so.

Produces the ``figures`` and ``time_expressions`` tables and, per document, the ``figure_consistency`` and
``metric_origin`` analyses (see :mod:`analysis.schema`). Everything is read from the one spaCy parse:

1. *Candidates.* The parser's CARDINAL/QUANTITY/MONEY/PERCENT entities mark where numbers are, but the small
   model misses vague amounts ("dozens", "a handful"), splits number words ("a quarter" + "million") and labels
   durations as dates, so a token-level grammar of this module's own reads every figure: approximator, number
   (digits, number words, fractions, ratios, vague amounts), range, currency, unit, hyphenated modifier and
   trailing approximator, in that order. Its vocabulary is in ``analysis/data/`` (numbers, approximators,
   vague_amounts, units, currencies, time_words, figure_events).
2. *Exclusions.* Dates and times (the parser's DATE/TIME entities, unless they state a duration with a number:
   "72 hours", "a 10-year-old"), ordinals, a bare "one" (determiner-like: "one senior commander", "one of his
   first"), numbers inside names (entities such as PRODUCT or LAW, "Article 5", "Boeing 737"; tokens such as
   Covid-19 and F-16 are never numbers), phone numbers and bare years.
3. *Meaning.* Units are read through pint (:func:`unit_registry`): the canonical unit, the quantity kind and the
   SI-style value all come from pint, never from a factor written here. Money is kept out of conversion: each
   currency is its own pint dimension (its subunit is defined from it, so pint turns pence into pounds). The
   *object* (only the noun the figure counts or measures: "28 settlements", "dozens of settlements", "a
   60-square-mile area"; not the clause's subject) and the *event* come from the parse.

Not extracted: quantifiers without an amount ("some troops", "many"), fractions without a scale or unit
("half of the budget"), rate denominators ("a day"), numbers in names, and who is the source when no
attribution holds the figure (the column is then empty: the article asserts it itself).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterable, Sequence

import pandas as pd
import pint
from spacy.tokens import Doc, Span, Token

from analysis.datafiles import read_yaml
from analysis.doc_index import children_of, doc_index
from analysis.sources import Attribution, Contents

#: Entity labels whose numbers belong to a name, not to a figure ("Resolution 2231", "Boeing 737").
NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "FAC", "LANGUAGE"})
#: Entity labels of dates and times: not figures unless they state a duration with a number.
TIME_LABELS = frozenset({"DATE", "TIME"})
#: Adjectives that close a hyphenated measure ("7.5-mile-deep", "2,000-strong", "10-year-old").
MEASURE_ADJECTIVES = frozenset({"deep", "high", "long", "wide", "old", "tall", "thick", "strong", "large", "big"})
#: Words after a duration that make it a point in time, not an amount ("two days ago", "a week after").
RELATIVE_AFTER = frozenset({"ago", "earlier", "later", "before", "after", "previously"})
#: Verbs whose subject is the thing a figure measures ("inflation rose to 5%", "the ranch covers 45,000 acres").
LEVEL_VERBS = frozenset(
    {
        "be", "reach", "rise", "fall", "drop", "jump", "climb", "slow", "grow", "increase", "decrease", "decline",
        "cover", "stand", "hit", "total", "amount", "top", "exceed", "settle", "surge", "plunge", "slip", "ease",
        "edge", "soar", "tumble", "range", "cost", "take", "last", "number", "measure", "weigh", "stretch", "span",
        "shrink", "double", "halve", "remain", "stay", "hover", "peak", "near", "approach",
    }
)
#: Nouns that name a quantity rather than a thing: their "of" phrase is the object ("the number of dead").
QUANTITY_NOUNS = frozenset({"number", "total", "tally", "count", "figure", "amount", "sum", "share", "proportion"})
#: Prepositions through which a figure attaches to a verb as its level or change ("rose to 5%", "fell by 4").
LEVEL_PREPOSITIONS = frozenset({"to", "by", "at", "from", "below", "above", "under", "over", "around", "near"})
#: Quantity kinds whose figure may take its object from the figure just before it in a list (ellipsis:
#: "two passengers died and nine were taken to hospital").
ELLIPTIC_KINDS = frozenset({"count", "percent"})
#: Prepositions that set a figure against the one before it ("down from over 60,000", "compared with 14%").
COMPARISON_PREPOSITIONS = frozenset({"from", "with", "than", "against", "versus", "vs"})
#: Trailing words that make "30-odd": more than the number, less than its next step (30 to 40).
ODD_WORDS = frozenset({"odd", "something"})

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
#: pint units whose one-letter symbol is written as a capital ("34C", "93F", "10L"); other capitals are not
#: units ("5G", "4K", "3D").
UPPER_CASE_UNITS = frozenset({"degree_Celsius", "degree_Fahrenheit", "liter"})

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_GLUED = re.compile(rf"^({_NUMBER})([a-zµμ°º²³/¢]+)$")
#: Two amounts in one token ("3.5bn–£4bn", "$3bn-$4bn" after the first symbol, "10-15km").
_GLUED_RANGE = re.compile(rf"^({_NUMBER})([a-z]*)[-\u2013\u2014]([^\d\s]{{0,4}}?)({_NUMBER})([a-zµμ°º²³/]*)$")
_HYPHENS = frozenset({"-", "\u2013", "\u2014"})


# --- records ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureRow:
    """One numeric expression; the fields are the ``figures`` table's columns after ``doc_id``."""

    sentence_id: int
    start: int
    end: int
    text: str
    figure_id: int
    value: float
    low: float
    high: float
    approx: str
    approximator: str
    approximator_start: int | None
    approximator_end: int | None
    unit: str
    unit_canonical: str
    quantity_kind: str
    value_si: float
    unit_si: str
    object: str
    object_start: int | None
    object_end: int | None
    event: str
    attribution_id: int | None
    source: str


@dataclass(frozen=True)
class TimeRow:
    """One date or time expression; the fields are the ``time_expressions`` table's columns after ``doc_id``."""

    sentence_id: int
    start: int
    end: int
    text: str
    time_id: int
    kind: str


@dataclass(frozen=True)
class ConsistencyRow:
    """Two figures of one document about the same measured thing; ``figure_consistency`` columns."""

    sentence_id: int
    start: int
    end: int
    text: str
    figure_id: int
    other_figure_id: int
    other_sentence_id: int
    other: str
    other_start: int
    other_end: int
    object: str
    quantity_kind: str
    unit: str
    low: float
    high: float
    other_low: float
    other_high: float
    overlap: bool
    verdict: str
    finding: str


@dataclass(frozen=True)
class MetricOriginRow:
    """One figure in a unit with a counterpart in the other measurement system; ``metric_origin`` columns."""

    sentence_id: int
    start: int
    end: int
    text: str
    figure_id: int
    value: float
    unit_canonical: str
    converted_value: float
    converted_unit: str
    original_value: float
    original_unit: str
    probably_converted: bool
    implied_low: float
    implied_high: float
    finding: str


# --- lexicons -----------------------------------------------------------------------------------------------------


def _phrases(items: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """Phrases as token tuples, longest first so that the longest match wins."""
    return tuple(sorted({tuple(_phrase_tokens(p)) for p in items}, key=lambda p: (-len(p), p)))


def _phrase_tokens(phrase: str) -> list[str]:
    return re.findall(r"[\w.%°²/$€£¥₹₽₴₺₪']+|[^\w\s]", phrase.lower())


@dataclass(frozen=True)
class Lexicon:
    """The vocabulary of the figure grammar, read from ``analysis/data/``."""

    units: dict[str, float]
    tens: dict[str, float]
    scales: dict[str, float]
    group_nouns: dict[str, float]
    fractions: dict[str, float]
    suffixes: dict[str, float]
    tolerance: dict[str, float]
    prefix: tuple[tuple[tuple[str, ...], str], ...]
    postfix: tuple[tuple[tuple[str, ...], str], ...]
    as_as_lower: frozenset[str]
    range_openers: frozenset[str]
    range_joiners: frozenset[str]
    not_before_durations: frozenset[str]
    powers: dict[str, float]
    quantifiers: frozenset[str]
    vague_heads: frozenset[str]
    unit_aliases: dict[tuple[str, ...], str]
    glued_units: dict[str, str]
    kinds: dict[str, str]
    si_units: dict[str, str]
    counterparts: tuple[tuple[str, str], ...]
    currency_symbols: dict[str, str]
    currency_names: dict[tuple[str, ...], str]
    currency_scale_names: dict[tuple[str, ...], str]
    currency_codes: dict[str, str]
    #: Currency symbols that may be glued to the digits, by their first character, longest first.
    glued_by_initial: dict[str, tuple[str, ...]]
    minor_names: dict[tuple[str, ...], str]
    minor_per_major: dict[str, int]
    currencies: tuple[str, ...]
    glued_only: dict[str, str]
    article_units: frozenset[tuple[str, ...]]
    weekdays: frozenset[str]
    relative_markers: frozenset[str]
    time_units: frozenset[str]
    adjective_suffixes: frozenset[str]
    clock_words: frozenset[str]
    months: frozenset[str]
    light_verbs: frozenset[str]
    event_classes: dict[str, str] = field(default_factory=dict)

    @property
    def number_words(self) -> dict[str, float]:
        return {**self.units, **self.tens}

    @cached_property
    def starters(self) -> frozenset[str]:
        """Every lower-case word a figure can begin with, other than digits and currency symbols: the first
        words of approximators and range openers, number and fraction words, vague amounts and an article."""
        return frozenset(
            {words[0] for words, _ in self.prefix} | {"as", "a", "an", "one"} | self.range_openers
            | set(self.units) | set(self.tens) | set(self.fractions) | set(self.powers) | self.quantifiers
        )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged figure vocabulary, read once per process."""
    numbers, approx, vague = read_yaml("numbers.yaml"), read_yaml("approximators.yaml"), read_yaml("vague_amounts.yaml")
    units, currencies, times, events = (
        read_yaml("units.yaml"), read_yaml("currencies.yaml"), read_yaml("time_words.yaml"), read_yaml("figure_events.yaml")
    )
    # a hyphenated spelling ("percentage-point") is the spaced one: the grammar skips a modifier's hyphens
    aliases = {tuple(t for t in _phrase_tokens(k) if t not in _HYPHENS): v for k, v in units["aliases"].items()}
    symbols: dict[str, str] = {}
    names: dict[tuple[str, ...], str] = {}
    scale_names: dict[tuple[str, ...], str] = {}
    minor_names: dict[tuple[str, ...], str] = {}
    per_major: dict[str, int] = {}
    for code, entry in currencies.items():
        for symbol in entry.get("symbols") or ():
            symbols.setdefault(symbol, code)
        for name in entry.get("names") or ():
            names.setdefault(tuple(_phrase_tokens(name)), code)
        for name in entry.get("names_after_scale") or ():
            scale_names.setdefault(tuple(_phrase_tokens(name)), code)
        if minor := entry.get("minor"):
            per_major[code] = int(minor["per_major"])
            for name in minor["names"]:
                minor_names.setdefault(tuple(_phrase_tokens(name)), code)
    return Lexicon(
        units=numbers["units"],
        tens=numbers["tens"],
        scales=numbers["scales"],
        group_nouns=numbers["group_nouns"],
        fractions=numbers["fractions"],
        suffixes=numbers["suffixes"],
        tolerance=approx["tolerance"],
        prefix=tuple((p, cls) for cls, items in approx["prefix"].items() for p in _phrases(items)),
        postfix=tuple((p, cls) for cls, items in approx["postfix"].items() for p in _phrases(items)),
        as_as_lower=frozenset(approx["as_as_lower"]),
        range_openers=frozenset(approx["range_openers"]),
        range_joiners=frozenset(approx["range_joiners"]),
        not_before_durations=frozenset(approx.get("not_before_durations", ())),
        powers=vague["powers"],
        quantifiers=frozenset(vague["quantifiers"]),
        vague_heads=frozenset(vague["heads"]),
        unit_aliases=aliases,
        glued_units={k[0]: v for k, v in aliases.items() if len(k) == 1},
        kinds=units["kinds"],
        si_units=units["si_units"],
        counterparts=tuple(tuple(pair) for pair in units["counterparts"]),
        currency_symbols=symbols,
        currency_names=names,
        currency_scale_names=scale_names,
        currency_codes={code: code for code in currencies},
        glued_by_initial=_by_initial(sorted(symbols, key=lambda symbol: (-len(symbol), symbol))),
        minor_names=minor_names,
        minor_per_major=per_major,
        currencies=tuple(currencies),
        glued_only=units.get("glued_only") or {},
        article_units=frozenset(tuple(_phrase_tokens(u)) for u in units.get("one_with_article") or ()),
        weekdays=frozenset(times["weekdays"]),
        relative_markers=frozenset(times["relative_markers"]),
        time_units=frozenset(times["time_units"]),
        adjective_suffixes=frozenset(times["adjective_suffixes"]),
        clock_words=frozenset(times["clock_words"]),
        months=frozenset(times["months"]),
        light_verbs=frozenset(events["light_verbs"]),
        event_classes={verb: cls for cls, verbs in events["event_classes"].items() for verb in verbs},
    )


def _by_initial(symbols: Iterable[str]) -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = {}
    for symbol in symbols:
        grouped.setdefault(symbol[:1], []).append(symbol)
    return {initial: tuple(found) for initial, found in grouped.items()}


def _glued_symbol(text: str, lex: Lexicon) -> str | None:
    """The currency symbol glued before the digits of ``text`` ("Sh3.6tn" -> "Sh"), the longest one."""
    for symbol in lex.glued_by_initial.get(text[:1], ()):
        if text.startswith(symbol) and text[len(symbol) : len(symbol) + 1].isdigit():
            return symbol
    return None


@lru_cache(maxsize=1)
def unit_registry() -> pint.UnitRegistry:
    """pint's default registry plus one dimension per currency and the percentage point.

    Each currency is its own dimension (``USD = [currency_USD]``), so pint names and checks money units but can
    never convert between currencies; a currency's subunit is defined from it (``GBP_minor = GBP / 100``), so
    that pint turns pence into pounds. The percentage point is its own dimension too, so that a change in
    points is never mixed with a level in percent.
    """
    registry = pint.UnitRegistry()
    for code in lexicon().currencies:
        registry.define(f"{code} = [currency_{code}]")
    for code, per_major in lexicon().minor_per_major.items():
        registry.define(f"{minor_unit(code)} = {code} / {per_major}")
    registry.define("percentage_point = [percentage_point]")
    return registry


def minor_unit(code: str) -> str:
    """pint's name for the subunit of currency ``code`` (pence of GBP, cents of USD)."""
    return f"{code}_minor"


@lru_cache(maxsize=None)
def unit(name: str) -> pint.Unit:
    """pint's unit for a unit expression, parsed once per process (parsing costs more than converting)."""
    return unit_registry().Unit(name)


@lru_cache(maxsize=None)
def unit_symbol(name: str) -> str:
    """The unit's short form as pint writes it ("km ** 2", "degree_Celsius" -> "°C")."""
    return f"{unit(name):~}"


#: Conversions remembered: round values (the metric-origin check's candidates) recur from article to article.
CONVERSION_CACHE_SIZE = 1 << 16


def convert(value: float, source: str, target: str) -> float:
    """``value`` in unit ``source`` expressed in unit ``target``, by pint.

    Never raises: NaN when the units do not convert into each other (different dimensions, or an offset unit
    pint will not convert) or the value is NaN; any other value converts, zero, negative, below absolute zero
    or infinite alike.
    """
    if math.isnan(value):
        return math.nan
    # -0.0 and 0.0 are one cache key: convert the one that is always the same
    return _convert(value + 0.0, source, target)


@lru_cache(maxsize=CONVERSION_CACHE_SIZE)
def _convert(value: float, source: str, target: str) -> float:
    try:
        return float(unit_registry().Quantity(value, unit(source)).to(unit(target)).magnitude)
    except (pint.errors.PintError, ArithmeticError, ValueError):
        return math.nan


# --- the grammar --------------------------------------------------------------------------------------------------


@dataclass
class _Match:
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


def _tok(doc: Doc, i: int) -> Token:
    """Token ``i`` of ``doc`` (spaCy makes a new Token object on every ``doc[i]``; the index keeps one)."""
    return doc_index(doc).tokens[i]


def _lower(doc: Doc, i: int) -> str:
    lower = doc_index(doc).lower
    return lower[i] if 0 <= i < len(lower) else ""


def _glued(doc: Doc, i: int, j: int) -> bool:
    """True when tokens i..j-1 are written without spaces between them."""
    return all(not _tok(doc, k).whitespace_ for k in range(i, j - 1))


def _match_phrase(doc: Doc, i: int, phrases: Iterable[tuple[tuple[str, ...], str]]) -> tuple[int, str] | None:
    """The end and class of the longest phrase starting at token i."""
    first = _lower(doc, i)
    for words, cls in phrases:
        # comparing the first word alone rules out almost every phrase before a tuple is built
        if words[0] == first and tuple(_lower(doc, i + k) for k in range(len(words))) == words:
            return i + len(words), cls
    return None


def _bare(doc: Doc, j: int) -> str:
    """Token j in lower case without a sentence-final full stop the tokenizer left on it ("34C." -> "34c")."""
    word = _lower(doc, j)
    if len(word) > 1 and word.endswith(".") and (j + 1 == len(doc) or _tok(doc, j + 1).is_sent_start):
        return word[:-1]
    return word


def _number_value(text: str) -> float | None:
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    return None


def _parse_number(
    doc: Doc, i: int, lex: Lexicon, *, currency: str, first: str | None = None
) -> tuple[int, float, bool, str] | None:
    """A number starting at token i: (end, value, has_scale, glued unit alias) or None.

    Reads digits ("200,000", "1.5"), glued multipliers ("3bn"; "40m" only after a currency sign), number words
    ("twenty-six thousand", "two hundred and fifty"), "a"/"an" before a scale or group noun ("a dozen",
    "a million") and scales after digits, joined by a hyphen or not ("1.5 million", "$12-billion"). ``first``
    is token i's text when a currency symbol glued to it has been taken off ("Sh3.6tn" -> "3.6tn").
    """
    words, j = lex.number_words, i
    total, current, seen, has_scale = 0.0, 0.0, False, False
    last = ""  # what the previous word was: "tens", "hundred", "scale", "digits" or "units"
    if _lower(doc, j) in ("a", "an") and (_lower(doc, j + 1) in lex.scales or _lower(doc, j + 1) in lex.group_nouns):
        current, seen, j = 1.0, True, j + 1
    while j < len(doc):
        overridden = j == i and first is not None
        word = first.lower() if overridden else _lower(doc, j)
        digits = _number_value(first if overridden else _tok(doc, j).text)
        glued = _GLUED.match(word if overridden else _bare(doc, j))
        if not seen and digits is not None:
            if _tok(doc, j).text.startswith("0") and len(_tok(doc, j).text) > 1 and _tok(doc, j).text[1].isdigit():
                return None
            current, seen, j, last = digits, True, j + 1, "digits"
            if currency and _bare(doc, j) in lex.suffixes and not _tok(doc, j - 1).whitespace_:
                return j + 1, current * lex.suffixes[_bare(doc, j)], True, ""
            continue
        if not seen and glued:
            number, suffix = glued.groups()
            value = float(number.replace(",", ""))
            if suffix in lex.suffixes and (suffix != "m" or currency):
                return j + 1, value * lex.suffixes[suffix], True, ""
            if suffix in lex.glued_units or suffix in lex.glued_only or (suffix,) in lex.minor_names:
                written = (first if overridden else _tok(doc, j).text)[-len(suffix) :]
                # "34C", "10L" but not "5G", "4K", "3D": a capital letter is a unit only for degrees and litres
                if len(suffix) == 1 and written.isupper() and lex.glued_units.get(suffix) not in UPPER_CASE_UNITS:
                    return None
                return j + 1, value, False, suffix
            return None
        if word in words:
            follows = (
                not seen
                or (last == "tens" and words[word] < 10)
                or (last in ("hundred", "scale") and words[word] < 100)
            )
            if not follows:
                break
            current += words[word]
            seen, j, last = True, j + 1, "tens" if word in lex.tens else "units"
            continue
        if seen and word in _HYPHENS and _glued(doc, j - 1, j + 2):
            nxt = _lower(doc, j + 1)
            if (nxt in words and last == "tens") or nxt in lex.scales:
                j += 1
                continue
            break
        if seen and word in lex.scales:
            scale = lex.scales[word]
            if scale < 1000:
                current, last = (current or 1) * scale, "hundred"
            else:
                total += (current or 1) * scale
                current, last = 0.0, "scale"
            has_scale, j = True, j + 1
            continue
        if seen and word in lex.group_nouns:
            current = (current or 1) * lex.group_nouns[word]
            has_scale, j, last = True, j + 1, "scale"
            continue
        if seen and word == "and" and _lower(doc, j - 1) == "hundred" and _lower(doc, j + 1) in words:
            j += 1
            continue
        break
    if not seen:
        return None
    return j, total + current, has_scale, ""


def _parse_fraction(doc: Doc, i: int, lex: Lexicon) -> tuple[int, float, bool, bool] | None:
    """ "a quarter of a million", "half a million", "three quarters of a million", "half a percentage point",
    and shares: "two-thirds of homes", "half of the budget".

    Returns (end, value, has_scale, is_share); a fraction followed by no scale, unit or "of" is no figure.
    """
    j, count = i, 1.0
    word = _lower(doc, j)
    if word in ("a", "an", "one"):
        j += 1
    elif word in lex.number_words and _lower(doc, j + 1) in lex.fractions:
        count, j = lex.number_words[word], j + 1
    elif word in lex.number_words and _lower(doc, j + 1) in _HYPHENS and _lower(doc, j + 2) in lex.fractions:
        count, j = lex.number_words[word], j + 2
    if _lower(doc, j) not in lex.fractions:
        return None
    fraction = lex.fractions[_lower(doc, j)] * count
    end = j = j + 1
    if _lower(doc, j) == "of":
        j += 1
    if _lower(doc, j) in ("a", "an"):
        j += 1
    if _lower(doc, j) in lex.scales:
        return j + 1, fraction * lex.scales[_lower(doc, j)], True, False
    if _unit_at(doc, j, lex) is not None:
        return j, fraction, False, False
    if _lower(doc, end) == "of":
        return end, fraction, False, True
    return None


def _parse_vague(doc: Doc, i: int, lex: Lexicon) -> tuple[int, float, float, str] | None:
    """A vague amount at token i: (end, value, low, approx).

    "dozens", "tens of thousands" (at least two of the power); "several", "several hundred", "a few dozen"
    (no bounds); "a handful", "a “relatively small” number" (article, modifiers, head noun; no bounds);
    "a couple of hundred" (about two of the scale).
    """
    word = _lower(doc, i)
    if word in lex.powers:
        power, j = lex.powers[word], i + 1
        while _lower(doc, j) == "of" and _lower(doc, j + 1) in lex.powers and _lower(doc, j + 1) != word:
            power *= lex.powers[_lower(doc, j + 1)]
            j += 2
        if word == "tens" and j == i + 1:
            return None
        return j, math.nan, 2 * power, "vague"
    if word in lex.quantifiers:
        j = i + 1
        if _lower(doc, j) in lex.scales or _lower(doc, j) in lex.group_nouns:
            j += 1
        return j, math.nan, math.nan, "vague"
    if word not in ("a", "an"):
        return None
    j = i + 1
    while j < len(doc) and (_tok(doc, j).pos_ in ("ADV", "ADJ") or _tok(doc, j).text in ('"', "'")) and _lower(doc, j) not in lex.vague_heads:
        j += 1
    head = _lower(doc, j)
    if head not in lex.vague_heads:
        return None
    nxt = _lower(doc, j + 1)
    if head == "couple" and nxt == "of" and _lower(doc, j + 2) in lex.scales:
        return j + 3, 2 * lex.scales[_lower(doc, j + 2)], math.nan, "about"
    if head == "few" and (nxt in lex.scales or nxt in lex.group_nouns):
        return j + 2, math.nan, math.nan, "vague"
    if nxt != "of" and not (_tok(doc, j + 1).pos_ in ("NOUN", "ADJ") if j + 1 < len(doc) else False):
        return None
    return j + 1, math.nan, math.nan, "vague"


def _parse_ratio(doc: Doc, i: int, lex: Lexicon) -> tuple[int, float] | None:
    """ "one in five", "1 in 4": a share, read as a percent."""
    first = _number_value(_tok(doc, i).text) or lex.number_words.get(_lower(doc, i))
    if first is None or _lower(doc, i + 1) != "in":
        return None
    second = _number_value(_tok(doc, i + 2).text) if i + 2 < len(doc) else None
    second = second or lex.number_words.get(_lower(doc, i + 2))
    if not second:
        return None
    return i + 3, 100 * first / second


def _unit_words(doc: Doc, j: int, limit: int = 3) -> list[tuple[str, int]]:
    """Up to ``limit`` words from token j with their end positions, skipping the hyphens of a modifier
    ("60-square-mile" -> square, mile)."""
    words, k = [], j
    while k < len(doc) and len(words) < limit:
        words.append((_tok(doc, k).lower_, k + 1))
        if _lower(doc, k + 1) in _HYPHENS and k + 2 < len(doc) and _glued(doc, k, k + 3) and _tok(doc, k + 2).is_alpha:
            k += 2
        else:
            k += 1
    return words


def _unit_at(doc: Doc, j: int, lex: Lexicon, *, has_scale: bool = False) -> tuple[int, str, str] | None:
    """A unit or currency written at token j: (end, pint expression or ISO code, what it is).

    What it is: ``unit``, ``currency`` or ``minor`` (a currency's subunit: "50 pence"). The longest spelling
    wins; hyphens inside a modifier are skipped ("a 60-square-mile area"); a currency name that is also an
    ordinary word ("pounds", "won") counts only after a multiplier ("5 million pounds"); an ISO code only in
    capitals ("34bn SEK"); a one-letter subunit only glued to the digits ("243p", read by the number grammar).
    """
    if j >= len(doc):
        return None
    if _tok(doc, j).text in lex.currency_codes:
        return j + 1, lex.currency_codes[_tok(doc, j).text], "currency"
    words = _unit_words(doc, j)
    for length in range(len(words), 0, -1):
        key = tuple(w for w, _ in words[:length])
        end = words[length - 1][1]
        joined = ("".join(_tok(doc, k).lower_ for k in range(j, end)),) if _glued(doc, j, end) else key
        for candidate in dict.fromkeys((key, joined)):
            if has_scale and candidate in lex.currency_scale_names:
                return end, lex.currency_scale_names[candidate], "currency"
            if candidate in lex.unit_aliases:
                if len(candidate[0]) == 1 == len(candidate) and _tok(doc, j).text.isupper():
                    if lex.unit_aliases[candidate] not in UPPER_CASE_UNITS:  # "5 G" is no weight
                        continue
                return end, lex.unit_aliases[candidate], "unit"
            if candidate in lex.minor_names and len("".join(candidate)) > 1:
                return end, lex.minor_names[candidate], "minor"
            if candidate in lex.currency_names:
                return end, lex.currency_names[candidate], "currency"
    return None


def _currency_prefix(doc: Doc, i: int, lex: Lexicon) -> tuple[str, str, int, str | None] | None:
    """A currency symbol written at token i, before the number: (ISO code, symbol as written, token of the
    number, the number's text when the symbol is glued into its token: "Sh3.6tn" -> "3.6tn", else None).

    A symbol stands apart from the number only if it is a currency sign ("$ 5") or has two or more letters
    ("Rs 4,200 crore", "USD 5bn"); a one-letter symbol ("R") must be glued to the digits ("R500m").
    """
    if i >= len(doc):
        return None
    text = _tok(doc, i).text
    if text in lex.currency_symbols:
        at, symbol = i + 1, text
        if _lower(doc, at) == "." and not _tok(doc, i).whitespace_ and text + "." in lex.currency_symbols:
            at, symbol = at + 1, text + "."
        apart = _tok(doc, at - 1).whitespace_ and not (_tok(doc, i).is_currency or sum(c.isalpha() for c in text) > 1)
        if at < len(doc) and not apart:
            return lex.currency_symbols[symbol], symbol, at, None
        return None
    symbol = _glued_symbol(text, lex)
    if symbol is not None:
        return lex.currency_symbols[symbol], symbol, i, text[len(symbol) :]
    return None


def _article_unit(doc: Doc, i: int, lex: Lexicon) -> bool:
    """ "a foot", "an acre", "a square mile": "a"/"an" counting one of a unit (``one_with_article`` in
    units.yaml), unless the unit is itself a modifier ("a foot patrol")."""
    if _lower(doc, i) not in ("a", "an"):
        return False
    words = _unit_words(doc, i + 1)
    for length in range(len(words), 0, -1):
        if tuple(w for w, _ in words[:length]) in lex.article_units:
            last = doc[words[length - 1][1] - 1]
            hyphen_after = _lower(doc, last.i + 1) in _HYPHENS
            return hyphen_after or not (last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i)
    return False


def _glued_range(text: str, lex: Lexicon, currency: str) -> tuple[float, float, bool, str] | None:
    """Two amounts written as one token: "3.5bn–£4bn", "3bn-$4bn", "3.5-4bn", "10-15km".

    Returns (low, high, has_scale, glued unit of the second amount); None unless the amounts rise.
    """
    found = _GLUED_RANGE.match(text)
    if not found:
        return None
    first, first_suffix, symbol, second, second_suffix = found.groups()
    if symbol and lex.currency_symbols.get(symbol) != currency:
        return None
    multipliers = {k: v for k, v in lex.suffixes.items() if currency or k != "m"}
    if first_suffix and first_suffix.lower() not in multipliers:
        return None
    unit = ""
    high = float(second.replace(",", ""))
    suffix = second_suffix.lower()
    if suffix in multipliers:
        high *= multipliers[suffix]
    elif suffix in lex.glued_units:
        unit = suffix
    elif suffix:
        return None
    low = float(first.replace(",", "")) * multipliers.get(first_suffix.lower(), 1)
    has_scale = bool(first_suffix) or suffix in multipliers
    if not first_suffix and suffix in multipliers:
        low = _scale_like(low, high)
    if not low < high:
        return None
    return _tidy(low), _tidy(high), has_scale, unit


def _core(doc: Doc, i: int, lex: Lexicon, currency: str, first: str | None = None) -> tuple[_Match, str] | None:
    """The amount at token i (no approximator, no unit), with the glued unit alias it carries.

    ``first`` is token i's text without a glued currency symbol ("Sh3.6tn" -> "3.6tn").
    """
    if i >= len(doc):
        return None
    glued_range = _glued_range(first if first is not None else _tok(doc, i).text, lex, currency)
    if glued_range:
        low, high, has_scale, unit = glued_range
        return _Match(i, i + 1, i, i + 1, low=low, high=high, approx="range", has_scale=has_scale), unit
    if first is not None:
        number = _parse_number(doc, i, lex, currency=currency, first=first)
        if number is None:
            return None
        end, value, has_scale, glued = number
        return _Match(i, end, i, end, value=value, has_scale=has_scale), glued
    if _article_unit(doc, i, lex):
        return _Match(i, i + 1, i, i + 1, value=1.0, article=True), ""
    vague = _parse_vague(doc, i, lex)
    if vague:
        end, value, low, approx = vague
        return _Match(i, end, i, end, value=value, low=low, approx=approx, has_scale=True), ""
    fraction = _parse_fraction(doc, i, lex)
    if fraction:
        end, value, has_scale, is_share = fraction
        match = _Match(i, end, i, end, value=value, has_scale=has_scale)
        if is_share:  # read as a percent, like "one in five"
            match.value, match.unit = _tidy(100 * value), "percent"
        return match, ""
    ratio = _parse_ratio(doc, i, lex)
    if ratio:
        end, value = ratio
        match = _Match(i, end, i, end, value=value)
        match.unit = "percent"
        return match, ""
    number = _parse_number(doc, i, lex, currency=currency)
    if number:
        end, value, has_scale, glued = number
        return _Match(i, end, i, end, value=value, has_scale=has_scale), glued
    return None


def _scan(doc: Doc, i: int, lex: Lexicon) -> _Match | None:
    """The figure that starts at token i, or None."""
    j, approx, approx_span = i, "exact", None
    found = _match_phrase(doc, j, lex.prefix)
    if found:
        approx_span, approx, j = (i, found[0]), found[1], found[0]
    elif _lower(doc, j) == "as" and j + 2 < len(doc) and _tok(doc, j + 1).pos_ in ("ADJ", "ADV") and _lower(doc, j + 2) == "as":
        if _lower(doc, j + 1) not in lex.as_as_lower:
            approx_span, approx, j = (i, j + 3), "at_most", j + 3
    opener = _lower(doc, j) in lex.range_openers
    symbol_at = core_at = j + 1 if opener else j
    currency, symbol, first = "", "", None
    prefix = _currency_prefix(doc, core_at, lex)
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
    joiner = _lower(doc, k)
    if match.approx == "exact" and not glued and joiner in lex.range_joiners and (joiner != "and" or opener):
        at, second_first = k + 1, None
        second_prefix = _currency_prefix(doc, at, lex) if currency else None
        if second_prefix and second_prefix[0] == currency:
            at, second_first = second_prefix[2], second_prefix[3]
        second = _parse_number(doc, at, lex, currency=currency, first=second_first)
        low = math.nan
        if second and (joiner not in _HYPHENS or _glued(doc, k - 1, k + 2)):
            low = _scale_like(match.value, second[1]) if second[2] and not match.has_scale else match.value
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
        if _lower(doc, at) in _HYPHENS and _glued(doc, at - 1, at + 2):
            at += 1
        elif _lower(doc, at) == "of" and match.approx == "vague" and not math.isnan(match.low):
            at += 1
        unit = _unit_at(doc, at, lex, has_scale=match.has_scale)
        if at == k and _lower(doc, at) in lex.glued_only and at > 0 and not _tok(doc, at - 1).whitespace_:
            unit = (at + 1, lex.glued_only[_lower(doc, at)], "unit")  # "1.6in", split by the tokenizer
        if unit and not currency:
            end, name, what = unit
            if what == "unit":
                match.unit = name
            else:
                match.currency, match.minor = name, what == "minor"
            match.unit_tokens = (at, end)
            k = end
    # a hyphenated modifier's adjective: "7.5-mile-deep", "2,000-strong", "10-year-old"
    if _lower(doc, k) in _HYPHENS and _glued(doc, k - 1, k + 2) and _lower(doc, k + 1) in MEASURE_ADJECTIVES:
        k += 2
    # a trailing approximator: "2,000 or more", "30-odd"
    if match.approx == "exact":
        at = k + 1 if _lower(doc, k) in _HYPHENS and _glued(doc, k - 1, k + 2) else k
        found = _match_phrase(doc, at, lex.postfix)
        if found:
            match.approx_tokens, match.approx = (k, found[0]), found[1]
            k = found[0]
            if _lower(doc, found[0] - 1) in ODD_WORDS:
                step = 10 ** math.floor(math.log10(match.value)) if match.value > 0 else 1
                match.approx, match.low, match.high, match.value = "more_than", match.value, match.value + step, math.nan
    match.end = k
    if _bare(doc, k - 1) != _lower(doc, k - 1):
        match.trim = 1
    if match.minor:
        amounts = (match.value, match.low, match.high)
        match.value, match.low, match.high = (_to_major(x, match.currency) for x in amounts)
    return match


def _to_major(amount: float, currency: str) -> float:
    """An amount in the subunit of ``currency`` in the currency itself, by pint (243 pence -> 2.43 GBP)."""
    return _tidy(convert(amount, minor_unit(currency), currency))


def _tidy(x: float) -> float:
    """``x`` without the float noise of a multiplication (440.00000000000006 -> 440)."""
    return float(f"{x:.12g}")


def _scale_like(low: float, high: float) -> float:
    """The first end of "1.2 to 1.5 million" carries the scale of the second."""
    if low <= 0:
        return low
    while low * 1000 <= high:
        low *= 1000
    return low


def _interval(match: _Match, lex: Lexicon) -> tuple[float, float]:
    """(low, high) that the wording allows; see analysis/data/approximators.yaml for the tolerances."""
    v = match.value
    if match.approx in ("range", "vague") or (match.approx == "more_than" and math.isnan(v)):
        return match.low, match.high
    if match.approx == "exact":
        return v, v
    if match.approx == "about":
        t = lex.tolerance["about"]
        return _tidy(v * (1 - t)), _tidy(v * (1 + t))
    if match.approx == "nearly":
        return _tidy(v * (1 - lex.tolerance["nearly"])), v
    if match.approx in ("at_least", "more_than"):
        return v, math.inf
    return 0.0, v


# --- exclusions ---------------------------------------------------------------------------------------------------


def _entity_labels(doc: Doc) -> list[str]:
    index = doc_index(doc)
    return [index.ents[at].label_ if at >= 0 else "" for at in index.entity_at]


def _is_duration(match: _Match, doc: Doc, lex: Lexicon) -> bool:
    if not match.unit_tokens:
        return False
    return any(_tok(doc, t).lower_ in lex.time_units for t in range(*match.unit_tokens))


def _excluded(match: _Match, doc: Doc, labels: list[str], lex: Lexicon) -> bool:
    """True for a match that is not a figure: a date, a name's number, a bare "one", a phone number, a year."""
    core = range(match.core_start, match.core_end)
    # a currency symbol right before the amount is money, whatever the parser calls it ("SEK" as an ORG)
    named = [t for t in core if labels[t] in NAME_LABELS and _tok(doc, t).text not in lex.currency_symbols]
    if any(not _glued_measure(_tok(doc, t).text, lex) for t in named):
        return True
    if _is_duration(match, doc, lex):
        # "two days ago" is a point in time; "some 13 years after" still states an amount of time
        return _lower(doc, match.end) in RELATIVE_AFTER and match.approx == "exact"
    measured = bool(match.unit or match.currency or match.has_scale or match.approx == "range")
    # the parser also calls glued amounts ordinals ("34bn kronor"); a real ordinal ("34th") is never read
    ordinal = [t for t in core if labels[t] == "ORDINAL" and not _tok(doc, t).text[:1].isdigit()]
    if ordinal or any(labels[t] in TIME_LABELS and not measured for t in core):
        return True
    bare = match.approx == "exact" and not match.unit and not match.currency
    if bare and match.core_end - match.core_start == 1 and _lower(doc, match.core_start) in ("one", "1") and not (
        match.unit_tokens
    ):
        return True
    first, last = match.core_start, match.core_end - 1
    if _number_value(_lower(doc, last + 1)) is not None or (first > 0 and _number_value(_lower(doc, first - 1))):
        return True
    if bare and match.core_end - match.core_start == 1 and first > 0:
        previous = _tok(doc, first - 1)
        text = _tok(doc, first).text
        if previous.is_title and previous.pos_ in ("PROPN", "NOUN") and not previous.is_sent_start:
            return True
        if re.fullmatch(r"1[89]\d\d|20\d\d", text) and not _counted_noun(_tok(doc, first)):
            return True
    return False


def _glued_measure(text: str, lex: Lexicon) -> bool:
    """True for a token that is an amount with its currency or unit glued on ("KSh3.6tn", "243p", "34C", "40mm"),
    which the parser sometimes labels a name; one-letter units other than degrees ("5G", "4K") stay names."""
    if _glued_symbol(text, lex) is not None:
        return True
    glued = _GLUED.match(text.lower().rstrip("."))
    if not glued:
        return False
    suffix = glued.group(2)
    return len(suffix) > 1 or (suffix,) in lex.minor_names or lex.glued_units.get(suffix, "").startswith("degree_")


def _counted_noun(token: Token) -> bool:
    return token.dep_ in ("nummod", "quantmod") and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i


def find_matches(doc: Doc) -> list[_Match]:
    """Every figure of ``doc`` in token positions, in reading order, overlapping candidates resolved leftmost-first."""
    lex = lexicon()
    labels = _entity_labels(doc)
    matches, i = [], 0
    while i < len(doc):
        match = _scan(doc, i, lex) if _may_start(doc, i, lex) else None
        if match is None or match.end <= i:
            i += 1
            continue
        if _over_duration(match, doc, lex):
            match.approx, match.approx_tokens, match.start = "exact", None, match.core_start
        # "150p a litre": a rate's denominator, not a figure of its own
        denominator = match.article and matches and matches[-1].end == match.start
        if not denominator and not _excluded(match, doc, labels, lex):
            matches.append(match)
        i = match.end
    return matches


def _may_start(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Whether a figure can begin at token i (:func:`_scan` finds none elsewhere, and is the costlier test): a
    word of :attr:`Lexicon.starters`, a token beginning with a digit, or a currency symbol."""
    index = doc_index(doc)
    token = index.tokens[i]
    if token.is_space:
        return False
    text = token.text
    return index.lower[i] in lex.starters or text[:1].isdigit() or text in lex.currency_symbols or (
        _glued_symbol(text, lex) is not None
    )


def _over_duration(match: _Match, doc: Doc, lex: Lexicon) -> bool:
    """ "over five years" is a period, not an approximation ("just over two hours" stays one)."""
    if not match.approx_tokens or not _is_duration(match, doc, lex):
        return False
    words = tuple(_tok(doc, t).lower_ for t in range(*match.approx_tokens))
    return words in {(w,) for w in lex.not_before_durations}


# --- object and event ---------------------------------------------------------------------------------------------


def _noun_of(prep: Token) -> Token | None:
    objects = [c for c in children_of(prep) if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN", "ADJ")]
    return objects[0] if objects else None


def _through_quantity_noun(noun: Token) -> Token:
    """ "the number of dead" -> dead."""
    if noun.lemma_.lower() in QUANTITY_NOUNS:
        for prep in children_of(noun):
            if prep.dep_ == "prep" and prep.lower_ == "of" and (inner := _noun_of(prep)) is not None:
                return inner
    return noun


def _figure_root(doc: Doc, match: _Match) -> Token:
    """The match's token whose head lies outside it (the unit when there is one)."""
    inside = range(match.core_start, match.end)
    roots = [_tok(doc, t) for t in inside if _tok(doc, t).head.i not in inside or _tok(doc, t).head is _tok(doc, t)]
    return roots[-1] if roots else _tok(doc, match.end - 1)


def _is_time_noun(token: Token, lex: Lexicon) -> bool:
    """ "the quarter", "the year", "March": a period, never what an amount of money is."""
    return token.ent_type_ in TIME_LABELS or token.lower_ in lex.time_units or token.lower_ in lex.months


def _object_token(doc: Doc, match: _Match, kind: str, lex: Lexicon) -> Token | None:
    """The counted or measured thing: only a noun the figure itself counts or measures.

    That is the "of" complement of the amount ("400 square miles of land", "dozens of settlements", "100
    micrograms of salbutamol"; for money also an "in" complement that is not a period: "€40m in emergency aid",
    not "in the quarter"), or the noun the figure modifies ("28 settlements", "a 60-square-mile area",
    "a $3bn cash deal"). Not extracted: the clause's subject ("Unemployment rose to 4.4 per cent", "the fire
    burned for nine days") or a noun elsewhere in the clause ("temperatures of 34C"); then None.
    """
    inside = set(range(match.start, match.end))
    root = _figure_root(doc, match)
    holders = [_tok(doc, t) for t in range(match.core_start, match.end)]
    for holder in reversed(holders):
        for prep in children_of(holder):
            if prep.i in inside or prep.dep_ != "prep":
                continue
            if prep.lower_ == "of" or (prep.lower_ == "in" and kind == "money"):
                noun = _noun_of(prep)
                if noun is None or noun.i in inside or noun.pos_ == "ADJ":
                    continue
                if prep.lower_ == "in" and _is_time_noun(noun, lex):
                    continue
                return _through_quantity_noun(noun)
    # "€40m in emergency aid" where the parser hangs "in" on the verb
    after = match.end
    if kind == "money" and _lower(doc, after) == "in" and (noun := _noun_of(_tok(doc, after))) is not None:
        if noun.pos_ == "NOUN" and not _is_time_noun(noun, lex):
            return noun
    # "at least 28 settlements", "a 7.5-mile-deep push", "a $3bn cash deal", "an estimated 1,400 migrants"
    head = root.head
    for _ in range(3):
        if head.i in inside or head.pos_ not in ("ADJ", "ADV") or head.head is head:
            break
        if head.dep_ not in ("amod", "advmod", "compound", "nmod", "npadvmod", "quantmod"):
            return None
        head = head.head
    if (
        root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i not in inside
        and head.i > root.i
        and not any(c.isdigit() for c in head.text)
    ):
        return _through_quantity_noun(head)
    return None


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, inherited through conjunction, xcomp and adjectival predicates ("is likely to be")."""
    seen = 0
    while verb is not None and seen < 6:
        subjects = [c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subject = subjects[0]
            return None if subject.pos_ == "PRON" else subject
        if verb.dep_ in ("conj", "xcomp", "acomp", "ccomp") and verb.head is not verb:
            verb, seen = verb.head, seen + 1
            continue
        return None
    return None


def _is_event_noun(token: Token, lex: Lexicon) -> bool:
    return token.lemma_.lower() in lex.event_classes


def _broad_object_token(doc: Doc, match: _Match, lex: Lexicon) -> Token | None:
    """What a level or measure is about, where no counted noun is written (``broad_objects``): the noun the
    amount is "of" ("a fine of up to ¥50bn", "a crowd of 2,000"), the object of the verb that the figure sets
    ("raised its key rate to 7.25%") or the subject of a level verb ("inflation slowed to 5.4%", "the ranch
    covers 45,000 acres")."""
    inside = set(range(match.start, match.end))
    root = _figure_root(doc, match)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
        holder = root.head.head
        if holder.i not in inside and not _is_event_noun(holder, lex) and holder.lemma_.lower() not in QUANTITY_NOUNS:
            return holder
        return None
    # "inflation slowed to 5.4%", "the ranch covers 45,000 acres", "raised its key rate by half a point"
    token, via_prep, steps = root, False, 0
    while steps < 4 and token.head is not token:
        if token.dep_ == "pobj" and token.head.pos_ == "ADP":
            via_prep = via_prep or token.head.lower_ in LEVEL_PREPOSITIONS
            token = token.head
        elif token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX", "ADJ"):
            token = token.head
            break
        elif token.dep_ == "prep" and token.head.pos_ == "ADP":
            via_prep = via_prep or token.head.lower_ in LEVEL_PREPOSITIONS
            token = token.head
        elif token.dep_ in ("dobj", "attr", "npadvmod", "advmod", "acomp", "quantmod", "oprd") and token.head.pos_ in (
            "VERB", "AUX", "ADJ", "ADV"
        ):
            token = token.head
            if token.pos_ in ("VERB", "AUX"):
                break
        else:
            return None
        steps += 1
    if token.pos_ == "ADJ" and token.dep_ in ("acomp", "xcomp") and token.head.pos_ in ("VERB", "AUX"):
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if via_prep:
        objects = [c for c in children_of(token) if c.dep_ == "dobj" and c.i not in inside and not _has_number(c)]
        if objects:
            return _through_quantity_noun(objects[0])
    if token.lemma_.lower() in LEVEL_VERBS:
        subject = _subject_of(token)
        if subject is not None and subject.i not in inside and not _has_number(subject):
            return subject
    return None


def _has_number(token: Token) -> bool:
    return token.like_num or any(c.dep_ in ("nummod",) for c in children_of(token))


def _clause_head(token: Token) -> Token:
    """The verb (or the sentence root) that governs ``token``'s clause; a participle used as a preposition
    ("compared with") is not one."""
    while token.head.i != token.i and (token.pos_ not in ("VERB", "AUX") or token.dep_ == "prep"):
        token = token.head
    return token


def _coordinated(doc: Doc, earlier: _Match, later: _Match) -> bool:
    """True when ``later`` continues a list with ``earlier``: joined by a conjunction, directly or through their
    clauses ("Two passengers died and nine were taken to hospital"), or set against it in the same clause by a
    comparison ("9,000 homes ..., down from over 60,000"; "one in five adults ..., compared with 14 per cent")."""
    first, second = _figure_root(doc, earlier), _figure_root(doc, later)
    if second.dep_ == "conj" and second.head.i == first.i:
        return True
    clause_first, clause_second = _clause_head(first), _clause_head(second)
    if clause_second.dep_ == "conj" and clause_second.head.i == clause_first.i:
        return True
    if clause_first.i != clause_second.i:
        return False
    token = second
    while token.i != clause_second.i and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ in COMPARISON_PREPOSITIONS:
            return True
        token = token.head
    return False


def _event(doc: Doc, match: _Match, lex: Lexicon) -> str:
    """Lemma of the predicate the figure is about: the nearest verb above it ("seized", "have been captured"),
    the verb of a controlled clause ("forced 200,000 people to evacuate"), or the noun of a light-verb
    construction ("were in control of", "took control of")."""
    root = _figure_root(doc, match)
    token, last_noun = root, None
    inside = range(match.start, match.end)
    for _ in range(8):
        head = token.head
        if head is token:
            break
        if head.pos_ == "VERB" or (head.pos_ == "AUX" and head.dep_ in ("ROOT", "ccomp", "conj", "relcl", "advcl")):
            lemma = head.lemma_.lower()
            if token.dep_ in ("dobj", "nsubj") or token.i in inside or token.dep_ == "nummod":
                controlled = [c for c in children_of(head) if c.dep_ in ("xcomp", "ccomp") and c.i > token.i and c.pos_ == "VERB"]
                if controlled and token.dep_ == "dobj" and any(a.lower_ == "to" for a in children_of(controlled[0])):
                    return controlled[0].lemma_.lower()
            if lemma in lex.light_verbs and last_noun is not None:
                return last_noun.lemma_.lower()
            return "" if lemma == "be" else lemma
        if head.pos_ == "NOUN" and head.i not in inside and last_noun is None and token.dep_ in ("prep", "pobj"):
            last_noun = head
        token = head
    return ""


# --- rows ---------------------------------------------------------------------------------------------------------


def _kind_and_canonical(match: _Match, lex: Lexicon) -> tuple[str, str]:
    if match.currency:
        return "money", match.currency
    if not match.unit:
        return "count", ""
    return lex.kinds.get(_dimensionality(match.unit), "other"), _canonical(match.unit)


@lru_cache(maxsize=None)
def _dimensionality(name: str) -> str:
    return str(unit(name).dimensionality)


@lru_cache(maxsize=None)
def _canonical(name: str) -> str:
    """pint's name for a unit expression ("km" -> "kilometer")."""
    return str(unit(name))


def _value_si(value: float, canonical: str, kind: str, lex: Lexicon) -> tuple[float, str]:
    target = lex.si_units.get(kind)
    if not target or not canonical:
        return math.nan, ""
    return convert(value, canonical, target), unit_symbol(target)


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return _tok(doc, start).idx, _tok(doc, end - 1).idx + len(_tok(doc, end - 1).text)


def figure_rows(
    parsed, attributions: Sequence[Attribution] = (), *, broad_objects: bool = False
) -> list[FigureRow]:
    """One row per figure of a parsed document, in reading order.

    Args:
        parsed: the :class:`~analysis.pipeline.ParsedDocument`.
        attributions: the document's attributions (may be empty): a figure inside one's content is that
            source's; otherwise the article asserts it itself and ``source`` is empty.
        broad_objects: besides the counted noun (:func:`_object_token`, the default and the pipeline's
            convention), take what a level or measure is about (:func:`_broad_object_token`: "Inflation" in
            "Inflation slowed to 5.4%") and let an elliptic figure take the object of any earlier figure of its
            sentence and kind. This is the convention of the development gold sets (tests/gold/figures_*.yaml).
    """
    doc, text, lex = parsed.doc, parsed.text, lexicon()
    rows: list[FigureRow] = []
    previous: tuple[_Match, FigureRow] | None = None
    earlier_objects: dict[tuple[int, str], tuple[str, int, int]] = {}
    contents = Contents(attributions)
    for match in find_matches(doc):
        start, end = _char_span(doc, match.start, match.end)
        end -= match.trim
        kind, canonical = _kind_and_canonical(match, lex)
        low, high = _interval(match, lex)
        value_si, unit_si = _value_si(match.value, canonical, kind, lex)
        sentence_id = parsed.sentences.sentence_id(start)
        obj = _object_token(doc, match, kind, lex)
        if obj is None and broad_objects:
            obj = _broad_object_token(doc, match, lex)
        if obj is not None:
            obj_text, obj_start, obj_end = text[obj.idx : obj.idx + len(obj.text)], obj.idx, obj.idx + len(obj.text)
            earlier_objects[(sentence_id, kind)] = (obj_text, obj_start, obj_end)
        elif broad_objects and kind in ELLIPTIC_KINDS and (sentence_id, kind) in earlier_objects:
            obj_text, obj_start, obj_end = earlier_objects[(sentence_id, kind)]
        elif previous is not None and _inherits_object(doc, previous, match, kind, sentence_id):
            obj_text, obj_start, obj_end = previous[1].object, previous[1].object_start, previous[1].object_end
        else:
            obj_text, obj_start, obj_end = "", None, None
        approx_start = approx_end = None
        if match.approx_tokens:
            approx_start, approx_end = _char_span(doc, *match.approx_tokens)
        unit_text = ""
        if match.unit_tokens:
            u_start, u_end = _char_span(doc, *match.unit_tokens)
            unit_text = text[u_start : min(u_end, end)]
            glued = _GLUED.match(unit_text.lower())
            unit_text = unit_text[len(glued.group(1)) :] if glued else unit_text
        elif match.currency:
            unit_text = match.symbol or match.currency
        holder = contents.holding(start, end)
        rows.append(
            FigureRow(
                sentence_id=sentence_id,
                start=start,
                end=end,
                text=text[start:end],
                figure_id=len(rows),
                value=match.value,
                low=low,
                high=high,
                approx=match.approx,
                approximator=text[approx_start:approx_end] if approx_start is not None else "",
                approximator_start=approx_start,
                approximator_end=approx_end,
                unit=unit_text,
                unit_canonical=canonical,
                quantity_kind=kind,
                value_si=value_si,
                unit_si=unit_si,
                object=obj_text,
                object_start=obj_start,
                object_end=obj_end,
                event=_event(doc, match, lex),
                attribution_id=holder.attribution_id if holder else None,
                source=holder.source if holder else "",
            )
        )
        previous = (match, rows[-1])
    return rows


def _inherits_object(doc: Doc, previous: tuple[_Match, FigureRow], match: _Match, kind: str, sentence_id: int) -> bool:
    """An elliptic count or share ("two passengers died and nine were taken to hospital") takes the object of
    the figure just before it, only when that figure is of the same sentence and kind and the two are coordinated
    (:func:`_coordinated`); a noun further away is never inherited, nor is any when the figure belongs to a noun
    of its own ("a crowd of 2,000")."""
    earlier, row = previous
    root = _figure_root(doc, match)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
        return False
    return (
        kind in ELLIPTIC_KINDS
        and row.quantity_kind == kind
        and row.sentence_id == sentence_id
        and bool(row.object)
        and _coordinated(doc, earlier, match)
    )


# --- time expressions ---------------------------------------------------------------------------------------------


def time_rows(parsed, figures: Sequence[FigureRow] | None = None) -> list[TimeRow]:
    """One row per date or time expression, in reading order.

    Read from the parser's DATE and TIME entities: adjacent ones are joined ("Monday" + "morning"), a leading
    verb is dropped, a hyphenated duration adjective ("years-long") and a following "after"/"ago" ("a week
    after") are taken in. Kept only when the expression holds a calendar or clock word, a number, a relative
    marker or is a duration adjective, so that the parser's stray DATE labels ("daily", "opening hours",
    "the quarter", a rate's "a week") are not rows; an expression with an ordinal ("the first day") is not one
    either. Entities that state a duration with a number ("72 hours", "a 10-year-old") are figures and are not
    repeated here. Bare years the parser missed ("the 1951 convention") and clock words it missed ("dawn")
    are added. Kinds: duration_adjective, weekday, relative, time, duration, date.

    Args:
        parsed: the :class:`~analysis.pipeline.ParsedDocument`.
        figures: the document's figure rows, when already made (else they are found again).
    """
    doc, text, lex = parsed.doc, parsed.text, lexicon()
    if figures is None:
        figures = figure_rows(parsed)
    figure_tokens = {t.i for f in figures for t in doc.char_span(f.start, f.end, alignment_mode="expand")}
    spans: list[tuple[int, int, str]] = []
    index = doc_index(doc)
    for ent in index.ents:
        if ent.label_ not in TIME_LABELS or any(t.i in figure_tokens for t in ent):
            continue
        start, end = ent.start, ent.end
        while start < end and _tok(doc, start).pos_ == "VERB":
            start += 1
        if start == end:
            continue
        if spans and spans[-1][1] == start and _tok(doc, start - 1).whitespace_ and "\n" not in _tok(doc, start - 1).whitespace_:
            start = spans.pop()[0]
        spans.append((start, end, ent.label_))
    labelled = {t for start, end, _ in spans for t in range(start, end)} | figure_tokens
    for token in index.tokens:
        if token.i in labelled:
            continue
        if token.lower_ in lex.clock_words:
            spans.append((token.i, token.i + 1, "TIME"))
        elif re.fullmatch(r"1[89]\d\d|20\d\d", token.text):
            spans.append((token.i, token.i + 1, "DATE"))
    rows: list[TimeRow] = []
    for start, end, label in sorted(spans):
        if _lower(doc, end) in _HYPHENS and _glued(doc, end - 1, end + 2) and _lower(doc, end + 1) in lex.adjective_suffixes:
            end += 2
        elif _lower(doc, end) in RELATIVE_AFTER:
            end += 1
        span = doc[start:end]
        if not _is_time_expression(span, lex):
            continue
        char_start, char_end = _char_span(doc, start, end)
        rows.append(
            TimeRow(
                sentence_id=parsed.sentences.sentence_id(char_start),
                start=char_start,
                end=char_end,
                text=text[char_start:char_end],
                time_id=len(rows),
                kind=_time_kind(span, label, lex),
            )
        )
    return rows


def _is_time_expression(span: Span, lex: Lexicon) -> bool:
    words = [t.lower_ for t in span]
    if any(t.ent_type_ == "ORDINAL" or t.tag_ == "JJ" and t.lower_ in ("first", "second", "third") for t in span):
        return False
    if any(t.text.startswith("0") and t.text[1:2].isdigit() for t in span):
        return False
    if len(words) == 3 and words[1] in _HYPHENS:
        return words[0] in lex.time_units and words[2] in lex.adjective_suffixes
    return (
        any(any(ch.isdigit() for ch in w) for w in words)
        or any(w in lex.weekdays or w in lex.months or w in lex.clock_words or w in lex.relative_markers for w in words)
        or any(w in RELATIVE_AFTER for w in words)
        or (any(w in _HYPHENS for w in words) and words[-1] in lex.adjective_suffixes)
    )


def _time_kind(span: Span, label: str, lex: Lexicon) -> str:
    words = [t.lower_ for t in span]
    if any(w in _HYPHENS for w in words) and words[-1] in lex.adjective_suffixes:
        return "duration_adjective"
    if any(w in lex.weekdays for w in words):
        return "weekday"
    if any(w in lex.relative_markers or w in RELATIVE_AFTER for w in words):
        return "relative"
    if label == "TIME" or any(w in lex.clock_words for w in words):
        return "time"
    if any(w in lex.time_units for w in words) and not any(t.like_num and len(t.text) == 4 for t in span):
        return "duration"
    return "date"


# --- summaries for the notebook -----------------------------------------------------------------------------------

#: How the summaries name the article's own voice (a figure no attribution holds).
OWN_VOICE = "(own voice)"


def figures_with_sides(tables) -> pd.DataFrame:
    """The ``figures`` table with the asserting source's side (from ``attributions``; `own voice` when the
    article asserts the figure itself, `unknown` when the attributions table is not there to say)."""
    figures = tables.figures.copy()
    has_attributions = "attributions" in getattr(tables, "names", [])
    sides = (
        tables.attributions[["doc_id", "attribution_id", "side"]]
        if has_attributions
        else pd.DataFrame({"doc_id": pd.Series(dtype=str), "attribution_id": pd.Series(dtype="Int64"), "side": []})
    )
    merged = figures.merge(sides.astype({"attribution_id": "Int64"}), on=["doc_id", "attribution_id"], how="left")
    own = merged["attribution_id"].isna()
    merged["side"] = merged["side"].where(~own, "own voice").fillna("unknown")
    merged["source"] = merged["source"].where(~own, OWN_VOICE)
    return merged


def figures_by_source(tables) -> pd.DataFrame:
    """How many figures each source asserts, by side and quantity kind, most figures first."""
    frame = figures_with_sides(tables)
    counts = frame.groupby(["source", "side", "quantity_kind"], sort=True).size().rename("figures").reset_index()
    totals = counts.groupby("source")["figures"].transform("sum")
    return (
        counts.assign(_total=totals)
        .sort_values(["_total", "source", "figures", "quantity_kind"], ascending=[False, True, False, True])
        .drop(columns="_total")
        .reset_index(drop=True)
    )


def figures_by_kind_and_side(tables) -> pd.DataFrame:
    """Figures per quantity kind (rows) and side of the asserting source (columns): the chart's data."""
    frame = figures_with_sides(tables)
    table = pd.crosstab(frame["quantity_kind"], frame["side"])
    return table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]


def figure_overview(tables) -> pd.DataFrame:
    """Every figure with what it measures, how exact it is and who asserts it (display columns only)."""
    columns = ["doc_id", "sentence_id", "text", "value", "low", "high", "approx", "unit_canonical",
               "quantity_kind", "object", "event", "source", "side"]
    return figures_with_sides(tables)[columns]


#: Highlight styles: the figure (value and unit), its approximator and its object, in distinct colours.
HIGHLIGHT_STYLES = {
    "value": "background: #fdd49e; border-bottom: 2px solid #d94801",
    "approximator": "background: #c6dbef; border-bottom: 2px solid #08519c",
    "object": "background: #c7e9c0; border-bottom: 2px solid #238b45",
}


def highlight_figures(tables, doc_id: str) -> str:
    """The article as HTML with each figure, its approximator and its object highlighted in their own colours."""
    from analysis.render import Layer, highlight

    figures = tables.figures[tables.figures.doc_id == doc_id]

    def layer(kind: str, start: str, end: str, title: str) -> Layer:
        spans = figures.dropna(subset=[start])[[start, end, "text"]].assign(kind=kind)
        return Layer(spans, "kind", {kind: HIGHLIGHT_STYLES[kind]}, title, start=start, end=end, tooltip="text")

    return highlight(
        tables.text_of(doc_id),
        [
            layer("value", "start", "end", "figure"),
            layer("approximator", "approximator_start", "approximator_end", "approximator"),
            layer("object", "object_start", "object_end", "counted or measured thing"),
        ],
    )
