"""Units and currencies as written: unit words after a number, a currency symbol before it, "a" counting one
unit ("a foot")."""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.extraction.doc_index import doc_index
from analysis.extraction.figures.tokens import HYPHENS, bare_at, lower_at, token_at, written_together
from analysis.extraction.figures.wordlists import Lexicon, glued_symbol

#: pint units whose one-letter symbol is written as a capital ("34C", "93F", "10L", "65W", "2.7 V"); other capitals are
#: not units ("5G", "4K", "3D").
UPPER_CASE_UNITS = frozenset({"degree_Celsius", "degree_Fahrenheit", "liter", "watt", "volt"})


def _unit_words(doc: Doc, j: int, limit: int = 3) -> list[tuple[str, int]]:
    """Up to ``limit`` words from token j with their end positions, skipping the hyphens of a modifier
    ("60-square-mile" -> square, mile)."""
    words, k = [], j
    while k < len(doc) and len(words) < limit:
        words.append((bare_at(doc, k), k + 1))  # "a low of 15 C.": the sentence's full stop is not the unit's
        if lower_at(doc, k + 1) in HYPHENS and k + 2 < len(doc) and written_together(doc, k, k + 3) and token_at(doc, k + 2).is_alpha:
            k += 2
        else:
            k += 1
    return words


def unit_at(doc: Doc, j: int, lex: Lexicon, *, has_scale: bool = False) -> tuple[int, str, str] | None:
    """A unit or currency written at token j: (end, pint expression or ISO code, what it is).

    What it is: ``unit``, ``currency`` or ``minor`` (a currency's subunit: "50 pence"). The longest spelling
    wins; hyphens inside a modifier are skipped ("a 60-square-mile area"); a currency name that is also an
    ordinary word ("pounds", "won") counts only after a multiplier ("5 million pounds"); an ISO code only in
    capitals ("34bn SEK"); a one-letter subunit only glued to the digits ("243p", read by the number grammar).
    """
    if j >= len(doc):
        return None
    if token_at(doc, j).text in lex.currency_codes:
        return j + 1, lex.currency_codes[token_at(doc, j).text], "currency"
    words, lower = _unit_words(doc, j), doc_index(doc).lower
    for length in range(len(words), 0, -1):
        key = tuple(w for w, _ in words[:length])
        end = words[length - 1][1]
        # the index's lower-case words: ``Token.lower_`` made a Token per word of every candidate's unit
        joined = ("".join(lower[j:end]),) if written_together(doc, j, end) else key
        for candidate in dict.fromkeys((key, joined)):
            # "thousands of pounds of explosives": a currency word that is also a weight weighs something
            if has_scale and candidate in lex.currency_scale_names and lower_at(doc, end) != "of":
                return end, lex.currency_scale_names[candidate], "currency"
            if candidate in lex.unit_aliases:
                if len(candidate[0]) == 1 == len(candidate) and token_at(doc, j).text.isupper():
                    if lex.unit_aliases[candidate] not in UPPER_CASE_UNITS:  # "5 G" is no weight
                        continue
                return end, lex.unit_aliases[candidate], "unit"
            if candidate in lex.minor_names and len("".join(candidate)) > 1:
                return end, lex.minor_names[candidate], "minor"
            if candidate in lex.currency_names:
                return end, lex.currency_names[candidate], "currency"
    return None


def currency_prefix(doc: Doc, i: int, lex: Lexicon) -> tuple[str, str, int, str | None] | None:
    """A currency symbol written at token i, before the number: (ISO code, symbol as written, token of the
    number, the number's text when the symbol is glued into its token: "Sh3.6tn" -> "3.6tn", else None).

    A symbol stands apart from the number only if it is a currency sign ("$ 5") or has two or more letters
    ("Rs 4,200 crore", "USD 5bn"); a one-letter symbol ("R") must be glued to the digits ("R500m").
    """
    if i >= len(doc):
        return None
    text = token_at(doc, i).text
    if i + 1 < len(doc) and not token_at(doc, i).whitespace_:  # "$US2,067", split by the tokenizer as "$", "US2,067"
        joined = text + token_at(doc, i + 1).text
        symbol = glued_symbol(joined, lex)
        if symbol is not None and len(symbol) > len(text) and symbol in lex.currency_symbols:
            return lex.currency_symbols[symbol], symbol, i + 1, joined[len(symbol) :]
    if text in lex.currency_symbols:
        at, symbol = i + 1, text
        if lower_at(doc, at) == "." and not token_at(doc, i).whitespace_ and text + "." in lex.currency_symbols:
            at, symbol = at + 1, text + "."
        apart = token_at(doc, at - 1).whitespace_ and not (token_at(doc, i).is_currency or sum(c.isalpha() for c in text) > 1)
        if at < len(doc) and not apart:
            return lex.currency_symbols[symbol], symbol, at, None
        return None
    symbol = glued_symbol(text, lex)
    if symbol is not None:
        return lex.currency_symbols.get(symbol) or lex.glued_symbol_codes[symbol], symbol, i, text[len(symbol) :]
    return None


def article_unit(doc: Doc, i: int, lex: Lexicon) -> bool:
    """ "a foot", "an acre", "a square mile": "a"/"an" counting one of a unit (``one_with_article`` in
    units.yaml), unless the unit is itself a modifier ("a foot patrol")."""
    if lower_at(doc, i) not in ("a", "an"):
        return False
    words = _unit_words(doc, i + 1)
    for length in range(len(words), 0, -1):
        if tuple(w for w, _ in words[:length]) in lex.article_units:
            last = doc[words[length - 1][1] - 1]
            hyphen_after = lower_at(doc, last.i + 1) in HYPHENS
            return hyphen_after or not (last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i)
    return False
