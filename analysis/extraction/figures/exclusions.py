"""What looks like a figure but is none: dates and times (a date written in digits, "2020-06-26", included), ordinals, a bare "one", numbers in names, phone
numbers, labels (zip codes, house numbers) and bare years."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from analysis.extraction.doc_index import doc_index
from analysis.extraction.figures.grammar import RELATIVE_AFTER, Match, people_before_age
from analysis.extraction.figures.numbers import GLUED
from analysis.extraction.figures.tokens import (
    HYPHENS, SIGNED, YEAR, in_numeric_date, lower_at, number_value, token_at, written_together,
)
from analysis.extraction.figures.wordlists import Lexicon, glued_symbol

#: Entity labels whose numbers belong to a name, not to a figure ("Resolution 2231", "Boeing 737").
NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "FAC", "LANGUAGE"})
#: Entity labels of dates and times: not figures unless they state a duration with a number.
TIME_LABELS = frozenset({"DATE", "TIME"})

#: A North American phone number with its area code ("1-800-555-0100", "(555) 010-0199", "555.010.0199"):
#: its digit groups read as a range and counts. Seven digits alone ("555-0100") are left, being also a range.
PHONE_NUMBER = re.compile(r"(?<![\w$€£.,-])(?:\+?1[-. ])?(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\w%-]|[.,]\d)")
#: How far around a match the text is searched for a phone number that holds it (the longest is 17 characters).
PHONE_REACH = 20


def in_phone_number(doc: Doc, match: Match) -> bool:
    """Whether the match's digits lie in a phone number (:data:`PHONE_NUMBER`) of the text around it."""
    start, end = token_at(doc, match.core_start).idx, token_at(doc, match.core_end - 1).idx + len(
        token_at(doc, match.core_end - 1))
    low = max(0, start - PHONE_REACH)
    # the index's text: spaCy rebuilds ``doc.text`` from every token on each access, once per figure here
    window = doc_index(doc).text[low : end + PHONE_REACH]
    return any(low + m.start() < end and start < low + m.end() for m in PHONE_NUMBER.finditer(window))


def entity_labels(doc: Doc) -> list[str]:
    index = doc_index(doc)
    return [index.ents[at].label_ if at >= 0 else "" for at in index.entity_at]


def _is_duration(match: Match, doc: Doc, lex: Lexicon) -> bool:
    if not match.unit_tokens:
        return False
    return any(token_at(doc, t).lower_ in lex.time_units for t in range(*match.unit_tokens))


def excluded(match: Match, doc: Doc, labels: list[str], lex: Lexicon) -> bool:
    """True for a match that is not a figure: a date (not an age bound after a noun of people), a name's number, a
    bare "one" (not the count of a verb's object, :func:`_counts_an_object`), a phone number, a year."""
    if in_numeric_date(doc, match.core_start, match.core_end):  # "2020-06-26": neither 26 nor a range "06-26"
        return True
    if not match.currency and in_phone_number(doc, match):  # "call 1-800-555-0100": neither 1-800 nor 555
        return True
    core = range(match.core_start, match.core_end)
    # a currency symbol right before the amount is money, whatever the parser calls it ("SEK" as an ORG)
    named = [t for t in core if labels[t] in NAME_LABELS and token_at(doc, t).text not in lex.currency_symbols]
    if match.currency and match.symbol:  # "$US1,942", a symbol split across tokens: money, not a name
        named = []
    if any(not _glued_measure(token_at(doc, t).text, lex) for t in named):
        return True
    if _is_duration(match, doc, lex):
        # "two days ago" is a point in time; "some 13 years after" still states an amount of time
        return lower_at(doc, match.end) in RELATIVE_AFTER and match.approx == "exact"
    if _range_of_years(match, doc):
        return True
    measured = bool(match.unit or match.currency or match.has_scale or match.approx == "range")
    # the parser also calls glued amounts ordinals ("34bn kronor"); a real ordinal ("34th") is never read
    ordinal = [t for t in core if labels[t] == "ORDINAL" and not token_at(doc, t).text[:1].isdigit()]
    if match.unit == "fraction":  # "a third of voters": the parser calls the fraction an ordinal
        ordinal = []
    dated = any(labels[t] in TIME_LABELS and not measured and not _level(match, doc, lex) for t in core)
    # the parser calls an age bound a date ("people under 20"); after a noun of people it is an age, a figure
    if ordinal or (dated and people_before_age(doc, match, lex) is None):
        return True
    bare = match.approx == "exact" and not match.unit and not match.currency
    if bare and match.core_end - match.core_start == 1 and lower_at(doc, match.core_start) in ("one", "1") and not (
        match.unit_tokens
    ) and not _counts_an_object(token_at(doc, match.core_start), lex):
        return True
    if bare and match.core_end - match.core_start == 1 and _names_a_label(token_at(doc, match.core_start), lex):
        return True
    first, last = match.core_start, match.core_end - 1
    if number_value(lower_at(doc, last + 1)) is not None or (first > 0 and number_value(lower_at(doc, first - 1))):
        return True
    if bare and match.core_end - match.core_start == 1 and first > 0:
        previous = token_at(doc, first - 1)
        text = token_at(doc, first).text
        if previous.is_title and previous.pos_ in ("PROPN", "NOUN") and not previous.is_sent_start:
            return True
        # an acronym's number: "FTSE 100", "S&P 500", "G 7" (an index or group named by its size)
        if previous.is_upper and len(previous.text) > 1 and previous.is_alpha and previous.pos_ == "PROPN" and (
            previous.text not in lex.currency_symbols and previous.text not in lex.currency_codes
        ):
            return True
        if YEAR.fullmatch(text) and (not _counted_noun(token_at(doc, first)) or dates_its_noun(token_at(doc, first))):
            return True
    # a code: digits glued to a capital that is no unit ("5G", "4K", "3D")
    if bare and match.core_end - match.core_start == 1 and last + 1 < len(doc):
        after = token_at(doc, last + 1)
        if not token_at(doc, last).whitespace_ and after.is_alpha and after.text[:1].isupper() and len(after.text) <= 2:
            return True
    return False


def _names_a_label(number: Token, lex: Lexicon) -> bool:
    """Whether a bare number names a place or a line rather than counting: it stands right after a noun of
    labels ("zip codes 10025 and 10027", "extension 4410"), or is the label such a noun is of ("the 90210 zip
    code", where a count would make the noun plural: "three zip codes"), or is the house number of a capitalised
    street ("10 Downing Street"). A list's later numbers go with the first ("10025, 10027 and 10031"), found by
    how the list is written (:func:`_first_of_written_list`): the parser often hangs them elsewhere."""
    number = _first_of_written_list(number)
    if number.i > 0 and number.nbor(-1).lower_ in lex.label_nouns:
        return True
    head = number.head
    if number.dep_ in ("nummod", "appos", "compound") and head.lower_ in lex.label_nouns:
        return head.i < number.i or (head.tag_ == "NN" and number.lower_ not in ("1", "one"))
    return (number.dep_ == "nummod" and head.i > number.i and head.pos_ == "PROPN" and head.is_title
            and head.lower_ in lex.street_nouns)


#: What joins the numbers of a written list ("10025, 10027, and 10031").
LIST_JOINERS = frozenset({",", "and", "or"})


def _first_of_written_list(number: Token) -> Token:
    """The first number of the list ``number`` is written in (numbers joined by commas, "and" or "or"), or
    ``number`` itself. Read from the words, not the parse: the small parser attaches the later numbers of "zip codes
    11205, 11206, 11221 and 11249" to a noun anywhere in the sentence."""
    doc, first = number.doc, number.i
    while True:
        j = first - 1
        while j >= 0 and doc[j].lower_ in LIST_JOINERS:
            j -= 1
        if j == first - 1 or j < 0 or not doc[j].like_num:
            return doc[first]
        first = j


def _counts_an_object(one: Token, lex: Lexicon) -> bool:
    """Whether a bare "one" counts the object of its verb ("has made only one run", "scored one touchdown"), as
    "two runs" would, rather than standing as an article ("One senior commander claimed", "for one thing", "one
    day") or in a compound word ("a one-off payment"): the numeral of a noun that is its verb's direct object and
    no period."""
    noun, doc = one.head, one.doc
    hyphenated = one.i + 1 < len(doc) and lower_at(doc, one.i + 1) in HYPHENS
    return (one.dep_ == "nummod" and noun.pos_ == "NOUN" and noun.dep_ == "dobj" and noun.lower_ not in lex.time_units
            and noun.ent_type_ not in TIME_LABELS and not hyphenated)


def _range_of_years(match: Match, doc: Doc) -> bool:
    """A range whose ends are both bare year-shaped numbers that count no noun: a span of years ("from 1988 to
    2006", "1990-2010"), no amount (a count that size is written with a comma, as for a bare year). Not read so:
    ends with a unit or a currency, or a range that counts the noun after it ("between 1500 and 2000 people")."""
    if match.approx != "range" or match.unit or match.currency or match.has_scale:
        return False
    core = range(match.core_start, match.end)  # a range's core ends at its first end
    ends = [number for t in core for number in re.findall(r"\d[\d,.]*", token_at(doc, t).text)]
    last = token_at(doc, match.end - 1)
    return len(ends) == 2 and all(YEAR.fullmatch(end) for end in ends) and (
        not _counted_noun(last) or dates_its_noun(last))


def _level(match: Match, doc: Doc, lex: Lexicon) -> bool:
    """A bare number the parser took for a date that no date can be: a level or a price written bare ("fell
    0.4 per cent to 13176", "ended at 1,334.20"), with decimals, thousands separators or more than four
    digits, or a number above 31 that is not year-shaped, with no month, weekday or time word beside it."""
    if match.core_end - match.core_start != 1 or match.approx not in ("exact", "about", "nearly", "at_least"):
        return False
    text = token_at(doc, match.core_start).text
    value = number_value(text)
    if value is None or re.fullmatch(r"1[0-9]\d\d|20\d\d", text):
        return False
    start, end = doc_index(doc).sentence_bounds(match.core_start)
    near = {token_at(doc, t).lower_.rstrip(".") for t in range(max(start, match.core_start - 1),
                                                                 min(end, match.core_end + 1))}
    if near & (lex.months | lex.weekdays | lex.time_units | lex.clock_words):
        return False
    return "." in text or "," in text or value > 31


def _glued_measure(text: str, lex: Lexicon) -> bool:
    """True for a token that is an amount with its currency or unit glued on ("KSh3.6tn", "243p", "34C", "40mm"),
    which the parser sometimes labels a name; one-letter units other than degrees ("5G", "4K") stay names."""
    if glued_symbol(text, lex) is not None:
        return True
    signed = SIGNED.match(text)
    if signed:  # "minus-5", "-1.3": a signed number is never a name
        return True
    glued = GLUED.match(text.lower().rstrip("."))
    if not glued:
        return False
    suffix = glued.group(2)
    return len(suffix) > 1 or (suffix,) in lex.minor_names or lex.glued_units.get(suffix, "").startswith("degree_")


def _counted_noun(token: Token) -> bool:
    return token.dep_ in ("nummod", "quantmod") and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i


def dates_its_noun(token: Token) -> bool:
    """Whether a number before a noun is the year that noun is of, no count of it: a date entity ("2016
    passenger numbers"), or a year written after a determiner or a possessive ("the 1990 Act", "its 2023 ticket
    sales"; a count that size is written with a comma: "the 2,000 delegates")."""
    if not _counted_noun(token):
        return False
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    return bool(YEAR.fullmatch(token.text)) and token.i > 0 and token.nbor(-1).tag_ in ("DT", "PRP$", "POS")


def over_duration(match: Match, doc: Doc, lex: Lexicon) -> bool:
    """ "over five years" is a period, not an approximation ("just over two hours" stays one)."""
    if not match.approx_tokens or not _is_duration(match, doc, lex):
        return False
    words = tuple(token_at(doc, t).lower_ for t in range(*match.approx_tokens))
    return words in {(w,) for w in lex.not_before_durations}


def preposition_before_modifier(match: Match, doc: Doc, lex: Lexicon) -> bool:
    """ "under a 15-year contract", "over a 40-year career": a one-word approximator of ``not_before_modifiers``
    before an article and a hyphenated modifier is the preposition of the noun phrase, not the figure's ("up to a
    10-year sentence", "under 15 years" and "under a year" keep it)."""
    if not match.approx_tokens or match.approx_tokens[1] - match.approx_tokens[0] != 1:
        return False
    if lower_at(doc, match.approx_tokens[0]) not in lex.not_before_modifiers:
        return False
    if match.approx_tokens[1] != match.core_start - 1 or lower_at(doc, match.core_start - 1) not in ("a", "an"):
        return False
    k = match.core_end
    return lower_at(doc, k) in HYPHENS and written_together(doc, k - 1, k + 2)
