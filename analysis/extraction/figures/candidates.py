"""Every figure of a document in token positions: the grammar run from each word that can begin one, its
exclusions applied."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from analysis.extraction.doc_index import children_of, doc_index
from analysis.extraction.figures.exclusions import entity_labels, excluded, over_duration, preposition_before_modifier
from analysis.extraction.figures.grammar import Match, scan
from analysis.extraction.figures.tokens import SIGN_WORDS, SIGNED, token_at
from analysis.extraction.figures.wordlists import Lexicon, glued_symbol, lexicon


def find_matches(doc: Doc) -> list[Match]:
    """Every figure of ``doc`` in token positions, in reading order, overlapping candidates resolved leftmost-first."""
    lex = lexicon()
    labels = entity_labels(doc)
    matches, after = [], 0
    for i in _start_positions(doc, lex):
        if i < after:  # inside the figure found last
            continue
        match = scan(doc, i, lex)
        if match is None or match.end <= i:
            continue
        if over_duration(match, doc, lex) or preposition_before_modifier(match, doc, lex):
            match.approx, match.approx_tokens, match.start = "exact", None, match.core_start
        # "150p a litre": a rate's denominator, not a figure of its own
        denominator = match.article and matches and matches[-1].end == match.start
        if not denominator and not excluded(match, doc, labels, lex):
            matches.append(match)
        after = match.end
    _points_by_their_words(doc, matches, lex)
    _points_between_percents(doc, matches)
    return matches


def _points_by_their_words(doc: Doc, matches: list[Match], lex: Lexicon) -> None:
    """ "points" that the words around them say are no index's: points scored are counted, not a unit ("the club
    collected 16 points": the object of a ``scoring`` verb of units.yaml; the figure is the number, "points" what it
    counts), and a poll's error is in percentage points ("a margin of error of 4 points": points that an
    ``percentage_point_nouns`` noun is of or is)."""
    for match in matches:
        if match.unit != "index_point" or not match.unit_tokens or match.unit_tokens[1] != match.end:
            continue
        points = token_at(doc, match.unit_tokens[1] - 1)
        if points.dep_ in ("dobj", "npadvmod") and points.head.lemma_.lower() in lex.scoring_verbs:
            match.unit, match.end, match.unit_tokens = "", match.unit_tokens[0], None
        elif _poll_error(points, lex):
            match.unit = "percentage_point"


def _poll_error(points, lex: Lexicon) -> bool:
    """Whether ``points`` measure a poll's error: the "of" phrase of an error noun ("a sampling error of 3.5
    points", "a margin of error of 4 points": a margin counts when its own "of" phrase is an error noun) or what
    one is ("the margin of error is 3 points")."""
    def error_noun(noun) -> bool:
        return noun.lemma_.lower() in lex.percentage_point_nouns or any(
            of.lower_ == "of" and any(inner.lemma_.lower() in lex.percentage_point_nouns for inner in children_of(of))
            for of in children_of(noun))
    if points.dep_ == "pobj" and points.head.lower_ == "of":
        return error_noun(points.head.head)
    if points.dep_ == "attr":
        return any(child.dep_ == "nsubj" and error_noun(child) for child in children_of(points.head))
    return False


def _points_between_percents(doc: Doc, matches: list[Match]) -> None:
    """ "points" in a sentence whose every other figure is a percent measure a gap between percents: percentage
    points ("42% to 38%, a 4-point gap"); beside a level or a count they are index points ("rose 120 points, or
    0.4 percent, to 34,500.12"), and so are they all when one of them is more than a gap between percents can
    be ("fell 229 points, or 1 per cent, to 22,397 points")."""
    by_sentence: dict[int, list[Match]] = {}
    for match in matches:
        by_sentence.setdefault(doc_index(doc).sentence_bounds(match.core_start)[0], []).append(match)
    for group in by_sentence.values():
        points = [m for m in group if m.unit == "index_point"]
        others = [m for m in group if m.unit != "index_point"]
        index_level = any(abs(m.value) > MAX_PERCENTAGE_POINTS for m in points)  # NaN (a range) compares False
        if points and others and all(m.unit in PERCENT_UNITS for m in others) and not index_level:
            for match in points:
                match.unit = "percentage_point"


#: Units of a level in percent.
PERCENT_UNITS = frozenset({"percent"})
#: The widest gap in percentage points between two shares of a whole; more points than this are an index's.
MAX_PERCENTAGE_POINTS = 100.0


def _start_positions(doc: Doc, lex: Lexicon) -> list[int]:
    """The positions at which a figure can begin (:func:`scan` finds none elsewhere, and is the costlier test), in
    order: a word of :attr:`Lexicon.starters`, a token beginning with a digit, or a currency symbol; never a space.
    One pass over the index's lists (a call per token, each asking for the document's index, cost a tenth of
    finding the figures)."""
    index, starters = doc_index(doc), lex.starters
    return [i for i, (token, lower) in enumerate(zip(index.tokens, index.lower))
            if (lower in starters or _written_to_start(token.text)) and not token.is_space]


@lru_cache(maxsize=16384)
def _written_to_start(text: str) -> bool:
    """Whether a token written ``text`` can begin a figure by its form (digits, a currency symbol, glued or
    signed), in the packaged vocabulary. Cached by text: most tokens of a corpus are words it has seen before."""
    lex = lexicon()
    bare_decimal = text[:1] == "." and text[1:2].isdigit()  # ".18 micron"
    return text[:1].isdigit() or bare_decimal or text in lex.currency_symbols or (
        glued_symbol(text, lex) is not None
    ) or _signed_start(text, lex)


def _signed_start(text: str, lex: Lexicon) -> bool:
    """A sign or glued approximator on a number ("minus-5", "-1.3", "~45", "sub-7", "-$40bn") or a sign word or
    mark written against one ("minus", "-", "three")."""
    return bool(SIGNED.match(text)) or text.lower() in SIGN_WORDS or text in ("-", "+", "\u2212", "\u2013") or (
        text[:1] in ("-", "+", "\u2212", "\u2013") and glued_symbol(text[1:], lex) is not None
    )
