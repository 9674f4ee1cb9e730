"""Numbers: digits, number words, scales and multipliers, fractions, ratios, vague amounts and ranges glued into
one token."""

from __future__ import annotations

import math
import re

from spacy.tokens import Doc

from analysis.extraction.figures.tokens import HYPHENS, YEAR, bare_at, lower_at, number_value, token_at, written_together
from analysis.extraction.figures.unit_phrases import UPPER_CASE_UNITS, unit_at
from analysis.extraction.figures.units import tidy
from analysis.extraction.figures.wordlists import Lexicon

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
GLUED = re.compile(rf"^({_NUMBER})([a-zµμ°º²³/¢]+)$")
#: Two amounts in one token ("3.5bn–£4bn", "$3bn-$4bn" after the first symbol, "10-15km").
_GLUED_RANGE = re.compile(rf"^({_NUMBER})([a-zA-Z]*)[-\u2013\u2014]([^\d\s]{{0,4}}?)({_NUMBER})([a-zA-Zµμ°º²³/]*)$")


def decimals(x: float) -> int:
    """How many decimal places ``x`` is printed with (7.5 -> 1, 400 -> 0)."""
    text = f"{abs(x):.10f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def printed_step(x: float) -> float:
    """The value of the last printed digit: 7.5 -> 0.1, 400 -> 100, 1,036 -> 1, -40 -> 10, 2.2 million ->
    100,000 (a number is taken as printed with its trailing zeros left out of its precision)."""
    places = decimals(x)
    if places:
        return 10.0**-places
    step, x = 1.0, abs(x)
    while x and x % (step * 10) == 0:
        step *= 10
    return step


def rounding_half_width(x: float) -> float:
    """How far the values that round to ``x`` as printed lie from it: half its last printed digit (20,000 ->
    5,000: 15,000 to 25,000 are printed "20,000" at that precision; 2.2 million -> 50,000; 7.5 -> 0.05). A
    number whose only significant digit is a 1 (100, 1,000, 1 million) gets half that again: copy rounds such a
    number's neighbours to 1.5 and 2 ("1.5 million") before 2, so "1 million" stands for 0.75 to 1.25 million,
    not for 0.5 to 1.5. 0 for zero or a number that is not finite (no rounding is told)."""
    if not math.isfinite(x) or x == 0:
        return 0.0
    step = printed_step(x)
    leading_one = round(abs(x) / step) == 1
    return step / 4 if leading_one else step / 2


def parse_number(
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
    if lower_at(doc, j) in ("a", "an") and (lower_at(doc, j + 1) in lex.scales or lower_at(doc, j + 1) in lex.group_nouns):
        current, seen, j = 1.0, True, j + 1
    while j < len(doc):
        overridden = j == i and first is not None
        word = first.lower() if overridden else lower_at(doc, j)
        digits = number_value(first if overridden else token_at(doc, j).text)
        glued = GLUED.match(word if overridden else bare_at(doc, j))
        if not seen and digits is not None:
            if token_at(doc, j).text.startswith("0") and len(token_at(doc, j).text) > 1 and token_at(doc, j).text[1].isdigit():
                return None
            current, seen, j, last = digits, True, j + 1, "digits"
            if bare_at(doc, j) in lex.suffixes and not token_at(doc, j - 1).whitespace_ and (
                currency or multiplier(doc, j + 1, token_at(doc, j).text, lex)
            ):
                return j + 1, current * lex.suffixes[bare_at(doc, j)], True, ""
            continue
        if not seen and glued:
            number, suffix = glued.groups()
            value = float(number.replace(",", ""))
            # as written, without a sentence's full stop ("5G." is no gram)
            written = (first if overridden else token_at(doc, j).text)[: len(number) + len(suffix)][-len(suffix) :]
            if suffix in lex.suffixes and (suffix not in AMBIGUOUS_SUFFIXES or currency or multiplier(doc, j + 1, written, lex)):
                return j + 1, value * lex.suffixes[suffix], True, ""
            if suffix in lex.glued_units or suffix in lex.glued_only or (suffix,) in lex.minor_names:
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
        if seen and word in HYPHENS and written_together(doc, j - 1, j + 2):
            nxt = lower_at(doc, j + 1)
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
        if seen and word == "point" and last in ("digits", "units") and not has_scale and not total:
            fraction = _spoken_decimals(doc, j + 1, lex)
            if fraction is not None and float(current).is_integer():
                # "3 point 5 percent", "three point five": a decimal point read out, as in a transcript
                current, j, last = float(f"{int(current)}.{fraction}"), j + 2, "digits"
                break
        if seen and word == "and" and lower_at(doc, j - 1) == "hundred" and lower_at(doc, j + 1) in words:
            j += 1
            continue
        if seen and word == "and" and last == "scale" and _remainder_after_scale(doc, j + 1, lex, lower_at(doc, j - 1)):
            # "219 thousand and 70", "two million and five": the rest of one number; a number that counts a noun of
            # its own ("3 million and 500 volunteers") is a second figure
            j += 1
            digits = number_value(token_at(doc, j).text)
            if digits is not None:
                current, j, last = digits, j + 1, "digits"
                break
            continue
        break
    if not seen:
        return None
    return j, total + current, has_scale, ""


def _spoken_decimals(doc: Doc, j: int, lex: Lexicon) -> str | None:
    """The digits after a spoken decimal point at token ``j``: a token of digits only ("3 point 5", "2 point
    25") or one digit's word ("three point five"); None otherwise ("3 points", "a 3 point lead")."""
    if j >= len(doc):
        return None
    text = token_at(doc, j).text
    if text.isascii() and text.isdigit():
        return text
    digit = lex.units.get(text.lower())
    return str(int(digit)) if digit is not None and 0 <= digit < 10 else None


def _remainder_after_scale(doc: Doc, j: int, lex: Lexicon, scale_word: str) -> bool:
    """Whether token j, after "<number> <scale> and", is a whole number below that scale, written in digits
    or as one number word, and ends the amount (no noun after it that it would count on its own)."""
    text = token_at(doc, j).text if j < len(doc) else ""
    value = number_value(text) if text[:1].isdigit() else lex.number_words.get(lower_at(doc, j))
    if value is None or value != int(value) or value >= lex.scales.get(scale_word, 0):
        return False
    after = token_at(doc, j + 1) if j + 1 < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN", "NUM") and lower_at(doc, j + 1) not in lex.scales


#: Multipliers that are also units or words when glued to digits: "40m" is metres, "5k" a race.
AMBIGUOUS_SUFFIXES = frozenset({"m", "k"})


def multiplier(doc: Doc, j: int, written: str, lex: Lexicon) -> bool:
    """Whether a suffix ``written`` against the digits just before token j is a multiplier ("4.3M", "10m
    readers", "1.2m tons", "2.7m combined sales") rather than a unit ("a 40m drop", "ran 100m").

    A capital ("M", "K") is always a multiplier, the metre being "m". Otherwise a multiplier counts or measures
    something written after it, past at most two modifiers: a plural noun, a unit or a currency; before a
    singular noun ("a 300m bridge", "the 5k race") it is a unit. Before no noun at all ("fell from 7.57m to
    7.54m", "(3.1m)") it counts, unless its sentence speaks of length (``metre_context`` of numbers.yaml:
    "the wall is 3m high", "waves of up to 5m", "ran 100m"). Unambiguous multipliers ("bn", "mn", "tn") need
    no such test.
    """
    if written not in {s for s in AMBIGUOUS_SUFFIXES} | {s.upper() for s in AMBIGUOUS_SUFFIXES}:
        return True
    if written.isupper():
        return True
    amount = j - 2 if j >= 2 and token_at(doc, j - 2).text[:1].isdigit() else j - 1  # "2.7", "m" or "400m"
    if lower_at(doc, amount - 1) == "the":
        return False  # "the 400m hurdles": a named distance; a count of millions is seldom definite
    for k in range(j, min(j + 3, len(doc))):
        token = token_at(doc, k)
        if token.tag_ in ("NNS", "NNPS") or (token.lower_,) in lex.unit_aliases or (token.lower_,) in lex.currency_names:
            return token.i == j or all(token_at(doc, m).pos_ in ("ADJ", "VERB", "ADV") for m in range(j, k))
        if token.pos_ in ("NOUN", "PROPN", "NUM"):
            return False
        if token.pos_ not in ("ADJ", "VERB") or token.tag_ in ("VBZ", "VBP", "VBD"):
            break
    sentence = token_at(doc, amount).sent
    # comparatives are no dimensions ("waiting longer than", "higher than expected"): only nouns and verbs by lemma
    return not any(
        (t.lemma_.lower() if t.pos_ in ("NOUN", "VERB") else t.lower_) in lex.metre_context for t in sentence)


def parse_fraction(doc: Doc, i: int, lex: Lexicon, *, after_by: bool = False) -> tuple[int, float, bool, bool] | None:
    """ "a quarter of a million", "half a million", "three quarters of a million", "half a percentage point",
    and shares: "two-thirds of homes", "half of the budget", a change "by a fifth" (``after_by``: the figure,
    approximator included, follows "by": "cut by as much as a third", "fell by up to a quarter").

    Returns (end, value, has_scale, is_share); a fraction followed by no scale, unit or "of" is no figure.
    """
    j, count, hyphenated = i, 1.0, False
    word = lower_at(doc, j)
    if word in ("a", "an") or (word == "one" and lower_at(doc, j + 1) not in HYPHENS):
        j += 1
    elif word in lex.number_words and lower_at(doc, j + 1) in lex.fractions:
        count, j = lex.number_words[word], j + 1
    elif word in lex.number_words and lower_at(doc, j + 1) in HYPHENS and lower_at(doc, j + 2) in lex.fractions:
        count, j, hyphenated = lex.number_words[word], j + 2, written_together(doc, j, j + 3)
    if lower_at(doc, j) not in lex.fractions:
        return None
    if j == i and i > 0 and _part_of_a_period(token_at(doc, i - 1)):
        return None  # "the first half of June", "its second half": a part, not an amount
    fraction = lex.fractions[lower_at(doc, j)] * count
    end = j = j + 1
    if lower_at(doc, j) in HYPHENS and written_together(doc, j - 1, j + 2) and unit_at(doc, j + 1, lex) is not None:
        # "half-inch", "quarter-mile": the fraction of a unit joined to it; with an article the figure starts at the
        # fraction ("a half-inch of rain" is spanned "half-inch", as "a 5-kilometre race" is "5-kilometre")
        return None if lower_at(doc, i) in ("a", "an") else (end, fraction, False, False)
    if lower_at(doc, j) == "of":
        j += 1
    if lower_at(doc, j) in ("a", "an"):
        j += 1
    if lower_at(doc, j) in lex.scales:
        return j + 1, fraction * lex.scales[lower_at(doc, j)], True, False
    if unit_at(doc, j, lex) is not None:
        return j, fraction, False, False
    if lower_at(doc, end) == "of" or hyphenated:  # "a third of", "more than one-third"
        return end, fraction, False, True
    if after_by and j == end:  # a change by a share: "rose by a fifth", "cut by over one third"
        return end, fraction, False, True
    if j - 1 == i and token_at(doc, end).tag_ in ("DT", "PRP$"):  # "half the workforce", "half their pay"
        return end, fraction, False, True
    return None


#: Words before "half"/"quarter" that make it a part of a period or a thing, not an amount ("the first half").
PERIOD_PART_WORDS = frozenset({"the", "this", "that", "each", "first", "second", "third", "fourth", "last", "latter",
                               "former", "other", "final", "opening", "back", "front"})


def _part_of_a_period(previous) -> bool:
    return previous.lower_ in PERIOD_PART_WORDS or previous.tag_ in ("PRP$", "POS") or (
        previous.ent_type_ == "ORDINAL"
    )


def parse_vague(doc: Doc, i: int, lex: Lexicon) -> tuple[int, float, float, str] | None:
    """A vague amount at token i: (end, value, low, approx).

    "dozens", "tens of thousands", "several hundred", "a few dozen" (at least two of the power or scale, no upper
    bound); "a handful", "a “relatively small” number" (article, modifiers, head noun; no bounds);
    "a couple of hundred" (about two of the scale).
    """
    word = lower_at(doc, i)
    if word in lex.powers:
        power, j = lex.powers[word], i + 1
        while lower_at(doc, j) == "of" and lower_at(doc, j + 1) in lex.powers and lower_at(doc, j + 1) != word:
            power *= lex.powers[lower_at(doc, j + 1)]
            j += 2
        if word == "tens" and j == i + 1:
            return None
        return j, math.nan, 2 * power, "vague"
    if word in lex.quantifiers:
        j = i + 1
        if lower_at(doc, j) in lex.scales or lower_at(doc, j) in lex.group_nouns:
            # "several hundred": at least two of the scale, like "hundreds"
            return j + 1, math.nan, 2 * _scale_of(lower_at(doc, j), lex), "vague"
        # a bare "several staff" states no amount a reader could check: hedge material, not a figure
        return None
    if word not in ("a", "an"):
        return None
    j = i + 1
    while j < len(doc) and (token_at(doc, j).pos_ in ("ADV", "ADJ") or token_at(doc, j).text in ('"', "'")) and lower_at(doc, j) not in lex.vague_heads:
        j += 1
    head = lower_at(doc, j)
    if head not in lex.vague_heads:
        return None
    nxt = lower_at(doc, j + 1)
    if head == "couple" and nxt == "of" and lower_at(doc, j + 2) in lex.scales:
        return j + 3, 2 * lex.scales[lower_at(doc, j + 2)], math.nan, "about"
    if head == "few" and (nxt in lex.scales or nxt in lex.group_nouns):
        return j + 2, math.nan, 2 * _scale_of(nxt, lex), "vague"  # "a few dozen": at least two dozen
    if nxt != "of" and not (token_at(doc, j + 1).pos_ in ("NOUN", "ADJ") if j + 1 < len(doc) else False):
        return None
    return j + 1, math.nan, math.nan, "vague"


def _scale_of(word: str, lex: Lexicon) -> float:
    return lex.scales.get(word) or lex.group_nouns[word]


def parse_ratio(doc: Doc, i: int, lex: Lexicon) -> tuple[int, float] | None:
    """ "one in five", "1 in 4": a share, read as a percent, of a whole larger than the part; not an amount and
    the year it is in ("stood at 12,400 in 2020", "won 8 in 2021")."""
    first = number_value(token_at(doc, i).text) or lex.number_words.get(lower_at(doc, i))
    if first is None or lower_at(doc, i + 1) != "in":
        return None
    second = number_value(token_at(doc, i + 2).text) if i + 2 < len(doc) else None
    second = second or lex.number_words.get(lower_at(doc, i + 2))
    if not second or first >= second or token_at(doc, i + 2).ent_type_ in ("DATE", "TIME") or YEAR.fullmatch(token_at(doc, i + 2).text):
        return None
    return i + 3, 100 * first / second


def parse_glued_range(text: str, lex: Lexicon, currency: str) -> tuple[float, float, bool, str] | None:
    """Two amounts written as one token: "3.5bn–£4bn", "3bn-$4bn", "3.5-4bn", "10-15km"; a capital multiplier
    only after a currency symbol ("$4B-$6B", "$400M-$600M"; "10-15C" is left to the unit grammar).

    Returns (low, high, has_scale, glued unit of the second amount); None unless the amounts rise.
    """
    found = _GLUED_RANGE.match(text)
    if not found:
        return None
    first, first_suffix, symbol, second, second_suffix = found.groups()
    if symbol and lex.currency_symbols.get(symbol) != currency:
        return None
    multipliers = {k: v for k, v in lex.suffixes.items() if currency or k != "m"}
    capitals = [suffix for suffix in (first_suffix, second_suffix) if suffix != suffix.lower()]
    if capitals and not (currency and all(suffix.lower() in multipliers for suffix in capitals)):
        return None
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
        low = scale_like(low, high)
    if not low < high:
        return None
    return tidy(low), tidy(high), has_scale, unit


def scale_like(low: float, high: float) -> float:
    """The first end of "1.2 to 1.5 million" carries the scale of the second."""
    if low <= 0:
        return low
    while low * 1000 <= high:
        low *= 1000
    return low
