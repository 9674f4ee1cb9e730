"""Units and currencies through pint: the registry (one dimension per currency, percentage points apart), parsed
units, and conversions that never raise."""

from __future__ import annotations

import math
from functools import lru_cache

import pint

from analysis.extraction.figures.wordlists import Lexicon, lexicon


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
        name = lexicon().minor_unit_names.get(code, "")
        if name and " " not in name:  # "pence", "sen"; "USD cent" is USD times the cent below
            registry.define(f"{name} = {code} / {per_major}")
    registry.define("cent = 0.01")
    registry.define("percentage_point = [percentage_point]")
    registry.define("basis_point = 0.01 * percentage_point")
    # an index point ("fell 204.47 points"): pint's own "point" is the printer's point, a length
    registry.define("index_point = [index_point]")
    # a multiple ("six times the price") and a fraction written as a fraction ("one-third", value 0.3333)
    registry.define("times = [multiple]")
    registry.define("fraction = 100 * percent")
    return registry


def minor_unit(code: str) -> str:
    """pint's name for the subunit of currency ``code`` (pence of GBP, cents of USD)."""
    return f"{code}_minor"


def minor_unit_name(code: str) -> str:
    """The subunit of currency ``code`` as ``unit_canonical`` names it: "pence", "sen", else "<CODE> cent"
    (pint reads every one of them)."""
    return lexicon().minor_unit_names.get(code) or f"{code} cent"


#: Units this package names otherwise than pint does: pint's "point" is the printer's point.
_OWN_NAMES = {"index_point": "point"}


@lru_cache(maxsize=None)
def pint_unit(name: str) -> pint.Unit:
    """pint's unit for a unit expression, parsed once per process (parsing costs more than converting)."""
    return unit_registry().Unit(name)


@lru_cache(maxsize=None)
def unit_symbol(name: str) -> str:
    """The unit's short form as pint writes it ("km ** 2", "degree_Celsius" -> "°C")."""
    return f"{pint_unit(name):~}"


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
        return float(unit_registry().Quantity(value, pint_unit(source)).to(pint_unit(target)).magnitude)
    except (pint.errors.PintError, ArithmeticError, ValueError):
        return math.nan


def to_major(amount: float, currency: str) -> float:
    """An amount in the subunit of ``currency`` in the currency itself, by pint (243 pence -> 2.43 GBP)."""
    return tidy(convert(amount, minor_unit(currency), currency))


def tidy(x: float) -> float:
    """``x`` without the float noise of a multiplication (440.00000000000006 -> 440)."""
    return float(f"{x:.12g}")


@lru_cache(maxsize=None)
def dimensionality(name: str) -> str:
    return str(pint_unit(name).dimensionality)


@lru_cache(maxsize=None)
def canonical_name(name: str) -> str:
    """pint's name for a unit expression ("km" -> "kilometer"); an index point is "point"."""
    found = str(pint_unit(name))
    return _OWN_NAMES.get(found, found)


def si_value(value: float, canonical: str, kind: str, lex: Lexicon) -> tuple[float, str]:
    target = lex.si_units.get(kind)
    if not target or not canonical:
        return math.nan, ""
    return convert(value, canonical, target), unit_symbol(target)
