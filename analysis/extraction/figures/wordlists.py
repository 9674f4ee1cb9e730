"""The vocabulary of the figure grammar, read from ``analysis/data/``: number words, approximators, vague
amounts, units, currencies, time words, event families and the words of the object rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterable

from analysis.datafiles import read_yaml
from analysis.extraction.figures.tokens import HYPHENS


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
    metre_context: frozenset[str]
    tolerance: dict[str, float]
    prefix: tuple[tuple[tuple[str, ...], str], ...]
    postfix: tuple[tuple[tuple[str, ...], str], ...]
    as_as_lower: frozenset[str]
    range_openers: frozenset[str]
    change_words: frozenset[str]
    approximator_fillers: tuple[tuple[tuple[str, ...], str], ...]
    up_particle_verbs: frozenset[str]
    range_joiners: frozenset[str]
    not_before_durations: frozenset[str]
    not_before_modifiers: frozenset[str]
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
    #: Symbols read only when glued to the digits ("US70 cents").
    glued_symbol_codes: dict[str, str]
    minor_names: dict[tuple[str, ...], str]
    minor_per_major: dict[str, int]
    minor_unit_names: dict[str, str]
    currencies: tuple[str, ...]
    glued_only: dict[str, str]
    article_units: frozenset[tuple[str, ...]]
    #: Comparatives between a number and its unit ("2 more feet"), units.yaml ``between_number_and_unit``.
    before_unit_words: frozenset[str]
    weekdays: frozenset[str]
    relative_markers: frozenset[str]
    time_units: frozenset[str]
    adjective_suffixes: frozenset[str]
    clock_words: frozenset[str]
    months: frozenset[str]
    light_verbs: frozenset[str]
    #: Verbs and prepositions whose figure is a bound of the class they map to (approximators.yaml
    #: ``bound_verbs``, ``bound_prepositions``).
    bound_verbs: dict[str, str] = field(default_factory=dict)
    bound_prepositions: dict[str, str] = field(default_factory=dict)
    temperature_words: frozenset[str] = frozenset()
    electrical_words: frozenset[str] = frozenset()
    price_verbs: frozenset[str] = frozenset()
    scoring_verbs: frozenset[str] = frozenset()
    percentage_point_nouns: frozenset[str] = frozenset()
    event_classes: dict[str, str] = field(default_factory=dict)
    #: The words of the object rules (figure_objects.yaml).
    level_verbs: frozenset[str] = frozenset()
    particle_level_verbs: frozenset[str] = frozenset()
    estimate_verbs: frozenset[str] = frozenset()
    setting_verbs: frozenset[str] = frozenset()
    market_verbs: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()
    amount_nouns: frozenset[str] = frozenset()
    level_prepositions: frozenset[str] = frozenset()
    change_adverbs: frozenset[str] = frozenset()
    comparison_prepositions: frozenset[str] = frozenset()
    subset_prepositions: frozenset[str] = frozenset()
    measure_modifiers: frozenset[str] = frozenset()
    describing_adjectives: frozenset[str] = frozenset()
    period_modifier_nouns: frozenset[str] = frozenset()
    relational_heads: frozenset[str] = frozenset()
    period_nouns: frozenset[str] = frozenset()
    spending_verbs: frozenset[str] = frozenset()
    preposition_nouns: frozenset[str] = frozenset()
    period_prepositions: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    value_adjectives: frozenset[str] = frozenset()
    age_participles: frozenset[str] = frozenset()
    people_pronouns: frozenset[str] = frozenset()
    #: Nouns of labels and of streets whose numbers name, not count (numbers.yaml ``label_nouns``, ``street_nouns``).
    label_nouns: frozenset[str] = frozenset()
    street_nouns: frozenset[str] = frozenset()

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


#: The lists of figure_objects.yaml, each a field of :class:`Lexicon` of the same name.
OBJECT_WORDS = ("level_verbs", "particle_level_verbs", "estimate_verbs", "setting_verbs", "market_verbs", "quantity_nouns", "amount_nouns", "level_prepositions", "change_adverbs", "comparison_prepositions", "subset_prepositions", "measure_modifiers",
                "describing_adjectives", "period_modifier_nouns", "relational_heads", "period_nouns", "spending_verbs", "preposition_nouns",
                "period_prepositions", "place_nouns", "value_adjectives", "age_participles",
                "people_pronouns")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged figure vocabulary, read once per process."""
    numbers, approx, vague = read_yaml("numbers.yaml"), read_yaml("approximators.yaml"), read_yaml("vague_amounts.yaml")
    units, currencies, times, events = (
        read_yaml("units.yaml"), read_yaml("currencies.yaml"), read_yaml("time_words.yaml"), read_yaml("figure_events.yaml")
    )
    objects = read_yaml("figure_objects.yaml")
    # a hyphenated spelling ("percentage-point") is the spaced one: the grammar skips a modifier's hyphens
    aliases = {tuple(t for t in _phrase_tokens(k) if t not in HYPHENS): v for k, v in units["aliases"].items()}
    symbols: dict[str, str] = {}
    glued_symbols: dict[str, str] = {}
    names: dict[tuple[str, ...], str] = {}
    scale_names: dict[tuple[str, ...], str] = {}
    minor_names: dict[tuple[str, ...], str] = {}
    per_major: dict[str, int] = {}
    minor_unit_names: dict[str, str] = {}
    for code, entry in currencies.items():
        for symbol in entry.get("symbols") or ():
            symbols.setdefault(symbol, code)
        for symbol in entry.get("glued_symbols") or ():
            glued_symbols.setdefault(symbol, code)
        for name in entry.get("names") or ():
            names.setdefault(tuple(_phrase_tokens(name)), code)
        for name in entry.get("names_after_scale") or ():
            scale_names.setdefault(tuple(_phrase_tokens(name)), code)
        if minor := entry.get("minor"):
            per_major[code] = int(minor["per_major"])
            if minor.get("unit"):
                minor_unit_names[code] = minor["unit"]
            for name in minor["names"]:
                minor_names.setdefault(tuple(_phrase_tokens(name)), code)
    return Lexicon(
        units=numbers["units"],
        tens=numbers["tens"],
        scales=numbers["scales"],
        group_nouns=numbers["group_nouns"],
        fractions=numbers["fractions"],
        suffixes=numbers["suffixes"],
        metre_context=frozenset(numbers["metre_context"]),
        label_nouns=frozenset(numbers["label_nouns"]),
        street_nouns=frozenset(numbers["street_nouns"]),
        tolerance=approx["tolerance"],
        prefix=tuple((p, cls) for cls, items in approx["prefix"].items() for p in _phrases(items)),
        postfix=tuple((p, cls) for cls, items in approx["postfix"].items() for p in _phrases(items)),
        as_as_lower=frozenset(approx["as_as_lower"]),
        range_openers=frozenset(approx["range_openers"]),
        change_words=frozenset(approx.get("change_words") or ()),
        up_particle_verbs=frozenset(approx.get("up_particle_verbs") or ()),
        approximator_fillers=tuple((p, "filler") for p in _phrases(approx.get("between_approximator_and_number") or ())),
        range_joiners=frozenset(approx["range_joiners"]),
        bound_verbs={verb: cls for cls, verbs in approx["bound_verbs"].items() for verb in verbs},
        bound_prepositions={word: cls for cls, words in approx["bound_prepositions"].items() for word in words},
        not_before_durations=frozenset(approx.get("not_before_durations", ())),
        not_before_modifiers=frozenset(approx.get("not_before_modifiers", ())),
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
        glued_by_initial=_by_initial(sorted({**glued_symbols, **symbols}, key=lambda symbol: (-len(symbol), symbol))),
        glued_symbol_codes=glued_symbols,
        minor_names=minor_names,
        minor_per_major=per_major,
        minor_unit_names=minor_unit_names,
        currencies=tuple(currencies),
        glued_only=units.get("glued_only") or {},
        article_units=frozenset(tuple(_phrase_tokens(u)) for u in units.get("one_with_article") or ()),
        before_unit_words=frozenset(units.get("between_number_and_unit") or ()),
        weekdays=frozenset(times["weekdays"]),
        relative_markers=frozenset(times["relative_markers"]),
        time_units=frozenset(times["time_units"]),
        adjective_suffixes=frozenset(times["adjective_suffixes"]),
        clock_words=frozenset(times["clock_words"]),
        months=frozenset(times["months"]),
        light_verbs=frozenset(events["light_verbs"]),
        temperature_words=frozenset((units.get("context") or {}).get("temperature", ())),
        electrical_words=frozenset((units.get("context") or {}).get("electrical", ())),
        price_verbs=frozenset((units.get("context") or {}).get("price", ())),
        scoring_verbs=frozenset((units.get("context") or {}).get("scoring", ())),
        percentage_point_nouns=frozenset((units.get("context") or {}).get("percentage_point_nouns", ())),
        event_classes={verb: cls for cls, verbs in events["event_classes"].items() for verb in verbs},
        **{name: frozenset(objects[name]) for name in OBJECT_WORDS},
    )


def _by_initial(symbols: Iterable[str]) -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = {}
    for symbol in symbols:
        grouped.setdefault(symbol[:1], []).append(symbol)
    return {initial: tuple(found) for initial, found in grouped.items()}


def glued_symbol(text: str, lex: Lexicon) -> str | None:
    """The currency symbol glued before the digits of ``text`` ("Sh3.6tn" -> "Sh"), the longest one."""
    for symbol in lex.glued_by_initial.get(text[:1], ()):
        if text.startswith(symbol) and text[len(symbol) : len(symbol) + 1].isdigit():
            return symbol
    return None
