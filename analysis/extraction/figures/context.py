"""What a figure's clause says of where, when and how it counts: its place scope ("worldwide"), whether it is a
count of one day or a running total ("new cases", "so far"), the day it is dated to ("on April 28"), and
whether it counts several places together ("the US, Spain and Italy together").

These are the ``figures`` columns ``scope``, ``measure``, ``as_of`` and ``combined``, which
:mod:`analysis.across.figure_agreement` reads to pair only figures that count the same thing in the same place
on the same day. The words are in ``analysis/data/figure_context.yaml``; what is read and what is not is said
in each function's docstring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from spacy.tokens import Doc, Token

from analysis.datafiles import read_yaml
from analysis.extraction.doc_index import children_of, doc_index
from analysis.extraction.figures.grammar import Match
from analysis.extraction.figures.objects import PLACE_LABELS, clause_head, figure_root
from analysis.extraction.figures.tokens import NUMERIC_DATE, token_at
from analysis.extraction.figures.wordlists import Lexicon

#: Entity labels whose words are a name, never a marker ("New York" is no "new" count, "Global Times" no scope).
NAME_LABELS = frozenset({"GPE", "LOC", "ORG", "PERSON", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
#: Month numbers by the first three letters of a month's name as ``time_words.yaml`` lists them ("sept" too).
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: Dependencies by which places are joined in one count ("the US, Spain and Italy").
COORDINATION = frozenset({"conj", "appos"})

_WORDS = re.compile(r"'s|\w+|[^\w\s]")


def _phrase(text: str) -> tuple[str, ...]:
    """A phrase of the data file as the parser's lowercase tokens ("single-day" -> single, -, day)."""
    return tuple(_WORDS.findall(text.lower()))


@dataclass(frozen=True)
class ContextWords:
    """The word lists of ``figure_context.yaml``, each phrase as a tuple of lowercase tokens."""

    scopes: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]
    daily: tuple[tuple[str, ...], ...]
    cumulative: tuple[tuple[str, ...], ...]
    milestone_verbs: frozenset[str]
    combine_words: frozenset[str]
    tally_verbs: frozenset[str]
    generic_objects: frozenset[str]
    count_nouns: frozenset[str]
    key_modifiers: frozenset[str]
    day_words: dict[str, int]

    @property
    def scope_words(self) -> frozenset[str]:
        """Every one-word scope marker, lowercase (what an object's match key leaves out)."""
        return frozenset(p[0] for _, phrases in self.scopes for p in phrases if len(p) == 1)

    @property
    def measure_words(self) -> frozenset[str]:
        """Every one-word daily or cumulative marker, lowercase (what an object's match key leaves out)."""
        return frozenset(p[0] for p in self.daily + self.cumulative if len(p) == 1)


@lru_cache(maxsize=1)
def context_words() -> ContextWords:
    data = read_yaml("figure_context.yaml")
    phrases = lambda items: tuple(sorted({_phrase(w) for w in items}, key=lambda p: (-len(p), p)))  # noqa: E731
    words = lambda key: frozenset(str(w).lower() for w in data[key])  # noqa: E731
    return ContextWords(
        scopes=tuple((scope, phrases(items)) for scope, items in data["scopes"].items()),
        daily=phrases(data["daily"]),
        cumulative=phrases(data["cumulative"]),
        milestone_verbs=words("milestone_verbs"),
        combine_words=words("combine_words"),
        tally_verbs=words("tally_verbs"),
        generic_objects=words("generic_objects"),
        count_nouns=words("count_nouns"),
        key_modifiers=words("key_modifiers"),
        day_words={str(k).lower(): int(v) for k, v in data["day_words"].items()},
    )


@dataclass(frozen=True)
class FigureContext:
    """The ``figures`` columns of one figure's context (see :func:`figure_context`)."""

    scope: str = ""
    measure: str = ""
    as_of: str = ""
    combined: bool = False


#: Dependencies of a clause that states something of its own ("..., and 40 died", "said that ..."): its words
#: do not mark a figure of the clause it hangs on. Other clauses below the figure's are read with it ("since
#: the outbreak began", "after testing positive").
OWN_STATEMENTS = frozenset({"conj", "ccomp", "parataxis", "relcl"})


def _governing(token: Token, head: Token) -> bool:
    """Whether ``head``'s clause holds ``token``, through clauses below it that state nothing of their own."""
    current = clause_head(token)
    for _ in range(8):
        if current.i == head.i:
            return True
        if current.dep_ in OWN_STATEMENTS or current.head.i == current.i:
            return False
        current = clause_head(current.head)
    return False


def clause_tokens(doc: Doc, match: Match) -> list[Token]:
    """The tokens of the figure's own clause, in order: those of its sentence that its governing verb
    (:func:`~analysis.extraction.figures.objects.clause_head`) holds, with the clauses below it that state
    nothing of their own (:data:`OWN_STATEMENTS`); the whole sentence when the figure's clause head is the
    sentence's root noun (a headline, a list line: no verb)."""
    root = figure_root(doc, match)
    head = clause_head(root)
    sentence = root.sent
    if head.pos_ not in ("VERB", "AUX"):
        return list(sentence)
    return [t for t in sentence if _governing(t, head)]


def _words_of(tokens: list[Token], skip: range) -> list[tuple[int, str]]:
    """(position, lowercase text) of each token that can be a marker: not the figure's own (its "more than"),
    not part of a name of several words ("New York"; a marker the parser alone calls a name, a sentence's
    first "Worldwide", is read)."""
    if not tokens:
        return []
    index = doc_index(tokens[0].doc)

    def in_name(token: Token) -> bool:
        entity = index.entity(token.i)
        return entity is not None and entity.label_ in NAME_LABELS and len(entity) > 1

    return [(t.i, t.lower_) for t in tokens if t.i not in skip and not in_name(t) and not t.is_space]


def _finds(words: list[tuple[int, str]], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether one of ``phrases`` is written as consecutive tokens among ``words``."""
    for k in range(len(words)):
        for phrase in phrases:
            if words[k][1] == phrase[0] and k + len(phrase) <= len(words) and all(
                words[k + j][1] == phrase[j] and words[k + j][0] == words[k][0] + j for j in range(len(phrase))
            ):
                return True
    return False


def scope_of(words: list[tuple[int, str]], cw: ContextWords) -> str:
    """The widest place scope a marker of the clause gives ("globally" -> world, "statewide" -> state), else
    empty. A place named in the clause is not a scope: places are read from the ``mentions`` table."""
    for scope, phrases in cw.scopes:
        if _finds(words, phrases):
            return scope
    return ""


def measure_of(tokens: list[Token], words: list[tuple[int, str]], cw: ContextWords) -> str:
    """``daily`` when the clause marks a count of one day ("new cases", "in a single day", "daily"),
    ``cumulative`` when it marks a running total ("total", "so far", "since the outbreak", "death toll") or
    passes a mark ("passed 700,000 cases"), else empty. A daily marker wins: "a record 10,000 new cases,
    bringing the total ..." says the day's count in the figure's own clause. Not read: a measure stated
    in another sentence ("Florida's numbers rose again. It reported 15,000.")."""
    if _finds(words, cw.daily):
        return "daily"
    if _finds(words, cw.cumulative) or any(
        t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in cw.milestone_verbs for t in tokens
    ):
        return "cumulative"
    return ""


def _month(word: str, lex: Lexicon) -> int:
    word = word.lower().rstrip(".")
    return MONTHS.index(word[:3]) + 1 if word in lex.months and word[:3] in MONTHS else 0


def _month_day(tokens: list[Token], k: int, lex: Lexicon) -> str:
    """The day a month's name at ``tokens[k]`` names with the number beside it ("Apr 28", "April 28, 2020", "28
    April"): ``YYYY-MM-DD`` with a year written after it, ``--MM-DD`` without; empty when no day is beside it
    ("in April", "May" the verb)."""
    month = _month(tokens[k].text, lex)
    if not month or (tokens[k].lower_ == "may" and not tokens[k].text[0].isupper()):
        return ""
    after = [t.text for t in tokens[k + 1 : k + 5]]
    day = next((int(w) for w in after[:1] if w.isdigit() and 1 <= int(w) <= 31), 0)
    if not day and k > 0 and tokens[k - 1].text.isdigit() and 1 <= int(tokens[k - 1].text) <= 31:
        day = int(tokens[k - 1].text)
        after = [t.text for t in tokens[k + 1 : k + 3]]
    if not day:
        return ""
    year = next((int(w) for w in after if w.isdigit() and 1900 <= int(w) <= 2100), 0)
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _numeric_day(text: str) -> str:
    """The day a date written in digits names (:data:`~analysis.extraction.figures.tokens.NUMERIC_DATE`), as
    ``YYYY-MM-DD``: year first is year-month-day; year last is day-month-year unless the second number cannot be
    a month ("6/26/2020"); empty when no month and day fit."""
    parts = [int(p) for p in re.split(r"[-/.]", text)]
    if parts[0] > 31:
        year, month, day = parts
    else:
        first, second, year = parts
        month, day = (first, second) if second > 12 else (second, first)
        year = year + 2000 if year < 100 else year
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""


def _precision(day: str) -> int:
    """How precisely a day of :func:`days_in` is named: 0 with its year, 1 without, 2 a weekday or "today"."""
    return 0 if day[:1].isdigit() else 1 if day.startswith("--") else 2


def days_in(doc: Doc, tokens: list[Token], lex: Lexicon, cw: ContextWords) -> list[tuple[int, str]]:
    """(position, day) of every day ``tokens`` name: ``YYYY-MM-DD`` ("April 28, 2020", "2020-04-28"),
    ``--MM-DD`` without a year ("Apr 28", "28 April"), a weekday's name ("tuesday"), or a word of ``day_words``
    ("today", "yesterday"). A month alone, "last week" or "in recent days" name no day."""
    found: list[tuple[int, str]] = []
    if not tokens:
        return found
    first, last = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    for m in NUMERIC_DATE.finditer(doc.text[first:last]):
        span = doc.char_span(first + m.start(), first + m.end(), alignment_mode="expand")
        day = _numeric_day(m.group(0))
        if day and span is not None:
            found.append((span.start, day))
    for k, token in enumerate(tokens):
        word = token.lower_
        day = _month_day(tokens, k, lex) if word.rstrip(".") in lex.months else ""
        if not day and (word in lex.weekdays or word in cw.day_words):
            day = word
        if day:
            found.append((token.i, day))
    return sorted(found)


def as_of(doc: Doc, clause: list[Token], lex: Lexicon, cw: ContextWords) -> str:
    """The day a figure is dated to (:func:`days_in`): the most precise day its clause names (a date before a
    weekday: "today (April 28)" is April 28); else the one day its sentence names, when it names exactly one.
    Not read: a date in another sentence ("As of March 26, ..." before the sentence that gives the count)."""
    if not clause:
        return ""
    in_clause = {t.i for t in clause}
    named = days_in(doc, list(clause[0].sent), lex, cw)
    own = [day for at, day in named if at in in_clause]
    if own:
        return min(own, key=_precision)
    return named[0][1] if len({day for _, day in named}) == 1 else ""


def _places_joined(token: Token) -> int:
    """How many places (:data:`~analysis.extraction.figures.objects.PLACE_LABELS`) ``token`` and its conjuncts
    name."""
    index = doc_index(token.doc)
    joined, stack = set(), [token]
    while stack:
        current = stack.pop()
        entity = index.entity(current.i)
        if entity is not None and entity.label_ in PLACE_LABELS:
            joined.add(entity.start)
        stack.extend(c for c in children_of(current) if c.dep_ in COORDINATION)
    return len(joined)


def combined(doc: Doc, match: Match, tokens: list[Token], cw: ContextWords) -> bool:
    """Whether the figure counts several places together: a subject of its clause, or of a clause it
    depends on ("The US, Spain and Italy remain the hardest hit, accounting for 1.4 million cases"), or a
    noun the figure is "of"/"in" joins places ("cases in France and Germany"); or the clause has a word of
    ``combine_words`` ("together", "combined") and names two places or more. Places in a list of figures, one
    each ("81,864 cases to China's 81,285"), are not joined."""
    root = figure_root(doc, match)
    verb = clause_head(root)
    for _ in range(4):  # the clause's subjects, and those of the clauses above it
        subjects = [c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")]
        if any(_places_joined(s) >= 2 for s in subjects):
            return True
        if subjects or verb.head.i == verb.i:
            break
        verb = clause_head(verb.head)
    noun = root.head if root.dep_ == "nummod" else root
    for prep in (c for c in children_of(noun) if c.dep_ == "prep" and c.lower_ in ("in", "of", "across")):
        if any(_places_joined(o) >= 2 for o in children_of(prep) if o.dep_ == "pobj"):
            return True
    if any(t.lower_ in cw.combine_words for t in tokens):
        return len({e.start for t in tokens for e in doc_index(doc).ents if e.label_ in PLACE_LABELS
                    and e.start <= t.i < e.end}) >= 2
    return False


def _own_words(tokens: list[Token], match: Match, others: Sequence[Match]) -> list[Token]:
    """The clause's tokens that may mark this figure: a word on a noun ("global cases", "new cases") marks every
    figure of the clause, a word on the verb or standing apart ("3.1 million cases globally", "in one day")
    only the figure written nearest to it, when the clause holds several ("1 million cases in the U.S. and 3
    million globally")."""
    mine = range(match.start, match.end)
    figures = [range(m.start, m.end) for m in others if m.start != match.start]

    def distance(figure: range, i: int) -> int:
        return min(abs(i - figure.start), abs(i - (figure.stop - 1)))

    kept = []
    for token in tokens:
        adnominal = token.head.pos_ in ("NOUN", "PROPN") and token.dep_ in ("amod", "compound", "nmod")
        if adnominal or not figures or all(distance(mine, token.i) <= distance(f, token.i) for f in figures):
            kept.append(token)
    return kept


def figure_context(doc: Doc, match: Match, lex: Lexicon, matches: Sequence[Match] = ()) -> FigureContext:
    """The ``scope``, ``measure``, ``as_of`` and ``combined`` of one figure, read from its clause
    (:func:`clause_tokens`); ``matches`` are the document's figures (:func:`_own_words`)."""
    cw = context_words()
    tokens = clause_tokens(doc, match)
    clause_figures = [m for m in matches if any(t.i == m.start for t in tokens)]
    words = _words_of(_own_words(tokens, match, clause_figures), range(match.start, match.end))
    return FigureContext(
        scope=scope_of(words, cw),
        measure=measure_of(tokens, words, cw),
        as_of=as_of(doc, tokens, lex, cw),
        combined=combined(doc, match, tokens, cw),
    )
