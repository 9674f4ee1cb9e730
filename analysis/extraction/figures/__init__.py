"""Numeric claims: every figure a story asserts, what it counts or measures, how exact it is and who says so.

Produces the ``figures`` and ``time_expressions`` tables (see :mod:`analysis.building.schema`); the ``figure_consistency``
and ``metric_origin`` checks are in :mod:`analysis.extraction.figures.checks`. Everything is read from the one spaCy parse,
in named steps, one module each:

1. *Candidates* (:mod:`.candidates`). The parser's CARDINAL/QUANTITY/MONEY/PERCENT entities mark where numbers
   are, but the small model misses vague amounts ("dozens", "a handful"), splits number words ("a quarter" +
   "million") and labels durations as dates, so a token-level grammar of this package's own
   (:mod:`.grammar`, :mod:`.numbers`, :mod:`.unit_phrases`, :mod:`.tokens`) reads every figure: approximator,
   number (digits, number words, fractions, ratios, vague amounts), range, currency, unit, hyphenated modifier
   and trailing approximator, in that order. A sign or approximator written on the number is the number's
   ("minus-3 yards", "-1.3%", "$-50.8bn", "~45g", "sub-7"); a glued "m" is a million before what it counts
   ("10m readers", "1.2m tons") and alone ("fell from 7.57m to 7.54m") unless its sentence speaks of length
   ("the wall is 6m high"), metres before a singular noun ("a 300m bridge"); "4.3M" is always a million; a
   one-letter "F" is a farad in an electrical sentence or a sentence without any temperature word, and a bare
   "degrees" is a temperature only beside a temperature word (``context`` in units.yaml); a number in apposition to a name
   ("Hague, 44,") or after "aged"/"the age of" is an age in years; "points" between percents are percentage
   points. Its vocabulary is in ``analysis/data/`` (numbers, approximators,
   vague_amounts, units, currencies, time_words, figure_events; :mod:`.wordlists`).
2. *Exclusions* (:mod:`.exclusions`). Dates and times (the parser's DATE/TIME entities, unless they state a
   duration with a number: "72 hours", "a 10-year-old"; an age bound after a noun of people, "people under 20",
   is an age), ordinals, a bare "one" (determiner-like: "one senior commander", "one of his first"; not the count
   of a verb's object, "scored one touchdown"), numbers inside names (entities such as PRODUCT or LAW, "Article
   5", "Boeing 737"; tokens such as Covid-19 and F-16 are never numbers), phone numbers and bare years.
3. *Meaning.* Units are read through pint (:mod:`.units`): the canonical unit, the quantity kind and the
   SI-style value all come from pint, never from a factor written here, and no conversion raises. Money is kept
   out of conversion: each currency is its own pint dimension. ``value`` is the number as written in the unit
   as written: "164p" is 164 ``pence`` (a subunit is ``pence``, ``sen`` or ``<CODE> cent``), and pint's
   conversion into the currency is ``value_si`` / ``unit_si`` (1.64 GBP). The *object* (:mod:`.objects`, words in
   ``figure_objects.yaml``: the noun the figure counts or measures, "28 settlements", "2 tonnes of grain";
   else what a level, change or sum is of, "the unemployment rate rose to 4%", "$5m for schools"; a restatement,
   an apposed age, an elliptic count take theirs from what they go with) and the *event* (:mod:`.events`) come
   from the parse.
4. *Rows*: :mod:`.rows` (``figures``) and :mod:`.time_expressions`; notebook summaries in :mod:`.summaries`,
   highlighting in :mod:`analysis.views.highlights.figures`.

A fraction of a whole is a figure in unit ``fraction`` with its decimal value ("a third of voters" 0.3333,
"half the staff", "more than one-third"); a part of a period is not ("the first half of June").

Not extracted: quantifiers without an amount ("some troops", "many"), rate denominators ("a day"), numbers in
names, a duration before "ago"/"later" without an approximator (a point in time: "two years ago"), and who is
the source when no attribution holds the figure (the column is then empty: the article asserts it itself).
"""

from analysis.extraction.figures.candidates import find_matches
from analysis.extraction.figures.records import ConsistencyRow, FigureRow, MetricOriginRow, TimeRow
from analysis.extraction.figures.rows import figure_rows
from analysis.extraction.figures.time_expressions import time_rows
from analysis.extraction.figures.units import convert, minor_unit, pint_unit, unit_registry, unit_symbol
from analysis.extraction.figures.wordlists import Lexicon, lexicon

__all__ = [
    "ConsistencyRow", "FigureRow", "Lexicon", "MetricOriginRow", "TimeRow", "convert", "figure_rows",
    "find_matches", "lexicon", "minor_unit", "pint_unit", "time_rows", "unit_registry", "unit_symbol",
]
