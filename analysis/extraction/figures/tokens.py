"""Reading tokens for the figure grammar: lower-case forms by position, glued tokens, lexicon phrases."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Sequence, TypeVar

from spacy.tokens import Doc, Token

from analysis.extraction.doc_index import doc_index
from analysis.extraction.memo import IdentityMemo

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
HYPHENS = frozenset({"-", "\u2013", "\u2014"})
#: A year written in digits, 1800 to 2099 ("2020"): a date, not an amount, wherever a figure could be read.
YEAR = re.compile(r"1[89]\d\d|20\d\d")
#: A sign or a glued approximator written against the digits: "minus-5", "plus-6", "-1.3", "+0.2", "\u22123",
#: "\u20133" (an en dash for a minus, as copy often sets it), "~45", "sub-7".
SIGNED = re.compile(r"^(minus-|plus-|sub-|[-+~\u2212\u2013])(?=\.?\d)(.+)$", re.IGNORECASE)
#: Sign words written apart from the number by a hyphen token ("minus", "-", "three").
SIGN_WORDS = {"minus": -1.0, "plus": 1.0, "sub": 1.0}


def token_at(doc: Doc, i: int) -> Token:
    """Token ``i`` of ``doc`` (spaCy makes a new Token object on every ``doc[i]``; the index keeps one)."""
    return doc_index(doc).tokens[i]


def lower_at(doc: Doc, i: int) -> str:
    lower = doc_index(doc).lower
    return lower[i] if 0 <= i < len(lower) else ""


def written_together(doc: Doc, i: int, j: int) -> bool:
    """True when tokens i..j-1 are written without spaces between them."""
    return all(not token_at(doc, k).whitespace_ for k in range(i, j - 1))


def match_phrase(doc: Doc, i: int, phrases: tuple[tuple[tuple[str, ...], str], ...]) -> tuple[int, str] | None:
    """The end and class of the first phrase of ``phrases`` (longest first) written from token i."""
    # only the phrases that begin with token i's word, in their order (each was compared with every token that
    # can begin a figure)
    for words, cls in by_first_word(phrases, _first_word_of_pair).get(lower_at(doc, i), ()):
        if tuple(lower_at(doc, i + k) for k in range(len(words))) == words:
            return i + len(words), cls
    return None


T = TypeVar("T")

#: :func:`by_first_word` of each list of phrases asked for, by the list and the first-word function: the lists are
#: the few of the lexicons, asked for once per figure or per candidate.
_FIRST_WORDS: IdentityMemo[dict] = IdentityMemo(64)


def by_first_word(phrases: Sequence[T], first: Callable[[T], str]) -> dict[str, list[T]]:
    """``phrases`` grouped by their first word (``first`` of each), each group in the order of ``phrases``: a word
    is then compared only with the phrases it may begin. Built once per list and function."""
    return _FIRST_WORDS.get(phrases, _grouped, first)


def _grouped(phrases: Sequence[T], first: Callable[[T], str]) -> dict[str, list[T]]:
    """:func:`by_first_word`, made."""
    groups: dict[str, list[T]] = {}
    for phrase in phrases:
        groups.setdefault(first(phrase), []).append(phrase)
    return groups


def first_word(phrase: tuple[str, ...]) -> str:
    """The first word of a phrase written as its words."""
    return phrase[0]


def _first_word_of_pair(item: tuple[tuple[str, ...], str]) -> str:
    """The first word of a phrase given with its class."""
    return item[0][0]


def bare_at(doc: Doc, j: int) -> str:
    """Token j in lower case without a sentence-final full stop the tokenizer left on it ("34C." -> "34c")."""
    word = lower_at(doc, j)
    if len(word) > 1 and word.endswith(".") and (j + 1 == len(doc) or token_at(doc, j + 1).is_sent_start):
        return word[:-1]
    return word


def number_value(text: str) -> float | None:
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    if _BARE_DECIMAL.match(text):  # ".18 micron"
        return float(text)
    return None


_BARE_DECIMAL = re.compile(r"^\.\d+$")


def sign_of(prefix: str) -> tuple[float, str]:
    """(sign, approximator class) of a prefix matched by :data:`SIGNED` or a word of :data:`SIGN_WORDS`."""
    prefix = prefix.lower().rstrip("-") if len(prefix) > 1 else prefix.lower()
    if prefix == "sub":
        return 1.0, "less_than"
    if prefix == "~":
        return 1.0, "about"
    return (-1.0 if prefix in ("minus", "-", "\u2212", "\u2013") else 1.0), "exact"


def char_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return token_at(doc, start).idx, token_at(doc, end - 1).idx + len(token_at(doc, end - 1).text)


#: A date written in digits: year first ("2020-06-26", "2020/6/26", "2020.06.26") or last ("26/06/2020",
#: "6-26-2020", "6/26/20"; two-digit years only with slashes), one separator throughout. Digit runs beside
#: another digit or separator ("1-2-3-4", a phone number) are not dates.
NUMERIC_DATE = re.compile(
    r"(?<![\d./-])(?:\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}\2\d{4}|\d{1,2}/\d{1,2}/\d{2})(?![\d./-]?\d)"
)


def numeric_dates(text: str) -> list[tuple[int, int]]:
    """Character spans of the dates written in digits in ``text`` (:data:`NUMERIC_DATE`): a date, and so none
    of its parts a figure ("2020-06-26" is not 26, nor "06-26" a range)."""
    return [m.span() for m in NUMERIC_DATE.finditer(text)]


#: What every date of :data:`NUMERIC_DATE` holds: a digit, a separator, one or two digits, a separator, a digit.
DATE_SHAPE = re.compile(r"\d[-/.]\d{1,2}[-/.]\d")


@lru_cache(maxsize=1)
def _holds_date_shape(text: str) -> bool:
    """Whether ``text`` holds :data:`DATE_SHAPE` anywhere: one look at a whole article, kept for the calls on its
    figures (most articles write no date in digits, and their figures need no sentence scanned for one:
    :data:`NUMERIC_DATE` on every figure's sentence cost a fiftieth of the analysis)."""
    return DATE_SHAPE.search(text) is not None


def in_numeric_date(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` lie inside a date written in digits in their sentence."""
    index = doc_index(doc)
    if not _holds_date_shape(index.text):
        return False
    base, stop = index.sentence_chars(index.sentence_of(start))
    first, last = token_at(doc, start).idx, token_at(doc, end - 1).idx + len(token_at(doc, end - 1).text)
    return any(a + base <= first and last <= b + base for a, b in numeric_dates(index.text[base:stop]))
