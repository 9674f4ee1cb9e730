"""Matching lexicon terms against a parse: by word form or lemma, longest match first, left to right."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Iterator

from spacy.tokens import Doc, Span

from analysis.extraction.doc_index import DocIndex, doc_index
from analysis.extraction.framing.lexicons import Term

Candidate = tuple[int, str, Term]


class TermIndex:
    """Lexicon terms by their first word, for matching at any token in time independent of the lexicon size.

    ``lexicons`` is ``(key, terms)`` in priority order: of two matches of the same length the earlier lexicon
    wins.
    """

    def __init__(self, lexicons: Sequence[tuple[str, Sequence[Term]]]) -> None:
        self._by_first: dict[str, list[Candidate]] = {}
        for rank, (key, terms) in enumerate(lexicons):
            for term in terms:
                if term.words:
                    self._by_first.setdefault(term.words[0], []).append((rank, key, term))
        #: Every term's first word: most tokens are none, and are passed over without a look at the terms.
        self.first_words = frozenset(self._by_first)
        self._candidates: dict[tuple[str, str], list[Candidate]] = {}

    def candidates(self, lower: str, lemma: str) -> list[Candidate]:
        """Terms whose first word is a token's form or lemma, in priority order."""
        found = self._candidates.get((lower, lemma))
        if found is None:
            found = sorted({*self._by_first.get(lower, ()), *self._by_first.get(lemma, ())}, key=_rank)
            self._candidates[(lower, lemma)] = found
        return found

    def best_at(self, index: DocIndex, i: int, stop: int) -> tuple[int, str, Term] | None:
        """``(length, key, term)`` of the longest term matching the tokens from ``i`` (before ``stop``)."""
        lower, lemma = index.lower, index.lemma
        best: tuple[int, str, Term] | None = None
        for _, key, term in self.candidates(lower[i], lemma[i]):
            n = len(term.words)
            if i + n > stop or (best is not None and n <= best[0]) or (term.pos and index.pos[i] != term.pos):
                continue
            # the first word matches by how the candidates were found: a one-word term needs no further look
            if n == 1 or all(lower[i + k] == w or lemma[i + k] == w for k, w in enumerate(term.words)):
                best = (n, key, term)
        return best


#: Term indexes by the identity of the lexicon sequence they were built from (which they keep alive).
_TERM_INDEXES: dict[int, tuple[Sequence, TermIndex]] = {}
#: Term indexes kept at most: the packaged lexicons need a handful; callers' own lists come and go.
MAX_TERM_INDEXES = 32


def _term_index(lexicons: Sequence[tuple[str, Sequence[Term]]]) -> TermIndex:
    """The index of ``lexicons``, built once per lexicon sequence (the packaged ones are cached objects)."""
    kept = _TERM_INDEXES.get(id(lexicons))
    if kept is None or kept[0] is not lexicons:
        if len(_TERM_INDEXES) >= MAX_TERM_INDEXES:
            _TERM_INDEXES.clear()
        kept = _TERM_INDEXES[id(lexicons)] = (lexicons, TermIndex(lexicons))
    return kept[1]


def match_terms(tokens: Span | Doc, lexicons: Sequence[tuple[str, Sequence[Term]]]) -> Iterator[tuple[int, int, str, Term]]:
    """Yield ``(first_token, end_token, key, term)`` for non-overlapping matches, longest first, left to right.

    ``lexicons`` is ``(key, terms)`` in priority order: of two matches of the same length the earlier lexicon
    wins. Does NOT look at negation or word sense beyond a term's part-of-speech restriction.
    """
    doc = tokens.doc if isinstance(tokens, Span) else tokens
    begin, stop = (tokens.start, tokens.end) if isinstance(tokens, Span) else (0, len(tokens))
    terms = _term_index(lexicons)
    index = doc_index(doc)
    lower, lemma, firsts = index.lower, index.lemma, terms.first_words
    free = begin  # the first token not inside a match
    for i in range(begin, stop):
        # speed: a token whose form and lemma start no term is passed over without a call (best_at was called
        # for every token: 55k calls on 300 articles, most finding no candidate)
        if i < free or (lower[i] not in firsts and lemma[i] not in firsts):
            continue
        best = terms.best_at(index, i, stop)
        if best is not None:
            yield i, i + best[0], best[1], best[2]
            free = i + best[0]


def _rank(candidate: Candidate) -> tuple:
    rank, _, term = candidate
    return rank, term.words, term.pos or ""
