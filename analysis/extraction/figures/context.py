"""What a figure's clause says of where, when and how it counts: its place scope ("worldwide"), whether it is a
count of one day or a running total ("new cases", "so far"), the day it is dated to ("on April 28"), and
whether it counts several places together ("the US, Spain and Italy together").

These are the ``figures`` columns ``scope``, ``measure``, ``as_of`` and ``combined``, which
:mod:`analysis.across.figure_agreement` reads to pair only figures that count the same thing in the same place
on the same day. The words are in ``analysis/data/figure_context.yaml``; what is read and what is not is said
in each function's docstring.
"""

from __future__ import annotations

import bisect

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from analysis.datafiles import read_yaml, word_set
from analysis.extraction.doc_index import DocIndex, children_of, doc_index
from analysis.extraction.figures.grammar import Match
from analysis.extraction.figures.objects import PLACE_LABELS, clause_head, clause_head_at, figure_root
from analysis.extraction.figures.tokens import NUMERIC_DATE, by_first_word, first_word, token_at
from analysis.extraction.figures.wordlists import Lexicon, lexicon

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


#: The lists of figure_context.yaml read by :mod:`analysis.extraction.figures.uncounted`, each a field of
#: :class:`ContextWords` of the same name.
UNCOUNTED_WORDS = ("size_nouns", "limit_words", "permission_verbs", "projection_verbs", "projection_nouns",
                   "condition_marks", "rate_nouns", "rate_bases")


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
    kind_prepositions: frozenset[str]
    part_prepositions: frozenset[str]
    size_nouns: frozenset[str] = frozenset()
    limit_words: frozenset[str] = frozenset()
    permission_verbs: frozenset[str] = frozenset()
    projection_verbs: frozenset[str] = frozenset()
    projection_nouns: frozenset[str] = frozenset()
    condition_marks: frozenset[str] = frozenset()
    rate_nouns: frozenset[str] = frozenset()
    rate_bases: frozenset[str] = frozenset()

    # cached: the object key and the modifier ask for these once per figure
    @cached_property
    def scope_words(self) -> frozenset[str]:
        """Every one-word scope marker, lowercase (what an object's match key leaves out)."""
        return frozenset(p[0] for _, phrases in self.scopes for p in phrases if len(p) == 1)

    @cached_property
    def measure_words(self) -> frozenset[str]:
        """Every one-word daily or cumulative marker, lowercase (what an object's match key leaves out)."""
        return frozenset(p[0] for p in self.daily + self.cumulative if len(p) == 1)

    @cached_property
    def unkeyed_words(self) -> frozenset[str]:
        """The words an object's match key and a figure's modifier leave out: key modifiers, one-word scope,
        daily and cumulative markers."""
        return self.key_modifiers | self.scope_words | self.measure_words


@lru_cache(maxsize=1)
def context_words() -> ContextWords:
    data = read_yaml("figure_context.yaml")
    phrases = lambda items: tuple(sorted({_phrase(w) for w in items}, key=lambda p: (-len(p), p)))  # noqa: E731
    words = lambda key: word_set(data[key])  # noqa: E731
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
        kind_prepositions=words("kind_prepositions"),
        part_prepositions=words("part_prepositions"),
        **{key: words(key) for key in UNCOUNTED_WORDS},
    )


@dataclass(frozen=True)
class FigureContext:
    """The ``figures`` columns of one figure's context (see :func:`figure_context`)."""

    scope: str = ""
    measure: str = ""
    as_of: str = ""
    combined: bool = False
    place: str = ""


#: Dependencies of a clause that states something of its own ("..., and 40 died", "said that ..."): its words
#: do not mark a figure of the clause it hangs on. Other clauses below the figure's are read with it ("since
#: the outbreak began", "after testing positive").
OWN_STATEMENTS = frozenset({"conj", "ccomp", "parataxis", "relcl"})


def _governing(index: DocIndex, i: int, head: int) -> bool:
    """Whether the clause of token ``head`` holds token ``i``, through clauses below it that state nothing of their
    own (read by position from the document's index)."""
    current = clause_head_at(index, i)
    for _ in range(8):
        if current == head:
            return True
        if index.dep[current] in OWN_STATEMENTS or index.heads[current] == current:
            return False
        current = clause_head_at(index, index.heads[current])
    return False


def clause_tokens(doc: Doc, match: Match) -> list[Token]:
    """The tokens of the figure's own clause, in order: those of its sentence that its governing verb
    (:func:`~analysis.extraction.figures.objects.clause_head`) holds, with the clauses below it that state
    nothing of their own (:data:`OWN_STATEMENTS`); the whole sentence when the figure's clause head is the
    sentence's root noun (a headline, a list line: no verb)."""
    root = figure_root(doc, match)
    return list(_clause_of(doc, doc_index(doc).sentence_bounds(root.i)[0], clause_head(root).i))


#: Clauses kept by :func:`_clause_of`: those of the figures of the last article or two.
RECENT_CLAUSES = 64


@lru_cache(maxsize=RECENT_CLAUSES)
def _clause_of(doc: Doc, sentence_start: int, head: int) -> tuple[Token, ...]:
    """:func:`clause_tokens` of a figure of the sentence starting at token ``sentence_start`` whose clause head is
    token ``head``: the same for every figure of one clause, so read once per clause (each figure walked every
    token of its sentence up its clause heads, a tenth of a figure's context)."""
    index = doc_index(doc)
    sentence_tokens = index.sentence_tokens(sentence_start)
    if index.pos[head] not in ("VERB", "AUX"):
        return sentence_tokens
    return tuple(t for t in sentence_tokens if _governing(index, t.i, head))


def _words_of(tokens: list[Token], skip: range) -> list[tuple[int, str]]:
    """(position, lowercase text) of each token that can be a marker: not the figure's own (its "more than"),
    not part of a name of several words ("New York"; a marker the parser alone calls a name, a sentence's
    first "Worldwide", is read)."""
    if not tokens:
        return []
    in_names = _in_long_names(tokens[0].doc)
    return [(t.i, t.lower_) for t in tokens if t.i not in skip and t.i not in in_names and not t.is_space]


@lru_cache(maxsize=1)
def _in_long_names(doc: Doc) -> frozenset[int]:
    """Positions of the tokens inside a name of several words (an entity of :data:`NAME_LABELS`), read once per
    document from its entities (asking each clause word for its entity, label and length cost an eighth of a
    figure's context)."""
    return frozenset(i for entity in doc_index(doc).ents if entity.label_ in NAME_LABELS and len(entity) > 1
                     for i in range(entity.start, entity.end))


def _finds(words: list[tuple[int, str]], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether one of ``phrases`` is written as consecutive tokens among ``words``."""
    # each word of a clause is compared only with the phrases it may begin (every phrase against every word made
    # this the costliest step of a figure's context)
    by_first = by_first_word(phrases, first_word)
    for k, (position, word) in enumerate(words):
        for phrase in by_first.get(word, ()):
            if k + len(phrase) <= len(words) and all(
                words[k + j][1] == phrase[j] and words[k + j][0] == position + j for j in range(1, len(phrase))
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


#: Penn tags of a verb in the present tense ("has", "stand", "reports"): a count it states is how many there are
#: as the text is written.
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
#: Penn tags of a participle that, with a present auxiliary, is a present perfect or progressive ("has died",
#: "have been infected", "is reporting").
PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})


def states_present_count(doc: Doc, match: Match) -> bool:
    """Whether the verb governing a figure's clause is in the present tense or present perfect ("the country has
    100,717 cases", "there are 85,000 cases", "the virus has killed more than 1,000", "is reporting 81,782
    cases"): a count so stated is how many there are when the text was written, a snapshot of a running total
    that grows, not the fixed tally of one event ("12 people were killed", "the storm killed 12"). Not read:
    a present tense of headline style that tells a past event ("Storm kills 12" is read as present), and a
    count with no verb (a headline, a table line). The projection a modal or a verb of expectation makes is
    read apart (:mod:`analysis.extraction.figures.uncounted`), and wins."""
    head = clause_head(figure_root(doc, match))
    if head.pos_ not in ("VERB", "AUX"):
        return False
    if head.tag_ in PRESENT_TAGS:
        return True
    # the first auxiliary carries the tense: "has been reported" is present, "had been reported" is not
    auxiliaries = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    return head.tag_ in PARTICIPLE_TAGS and bool(auxiliaries) and auxiliaries[0].tag_ in PRESENT_TAGS


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
    for m in NUMERIC_DATE.finditer(doc_index(doc).text[first:last]):
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


def as_of(doc: Doc, clause: list[Token]) -> str:
    """The day a figure is dated to (:func:`days_in`, in the packaged words): the most precise day its clause
    names (a date before a weekday: "today (April 28)" is April 28); else the one day its sentence names, when it
    names exactly one. Not read: a date in another sentence ("As of March 26, ..." before the sentence that gives
    the count)."""
    if not clause:
        return ""
    in_clause = {t.i for t in clause}
    named = _sentence_days(doc, doc_index(doc).sentence_bounds(clause[0].i)[0])
    own = [day for at, day in named if at in in_clause]
    if own:
        return min(own, key=_precision)
    return named[0][1] if len({day for _, day in named}) == 1 else ""


@lru_cache(maxsize=RECENT_CLAUSES)
def _sentence_days(doc: Doc, sentence_start: int) -> tuple[tuple[int, str], ...]:
    """:func:`days_in` the sentence starting at token ``sentence_start``, in the packaged words: read once per
    sentence, not once per figure of it (an eighth of a figure's context)."""
    return tuple(days_in(doc, list(doc_index(doc).sentence_tokens(sentence_start)), lexicon(), context_words()))


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


#: Prepositions that put a figure in a place written after it ("800 in Spain", "cases across Valen").
PLACE_PREPOSITIONS = frozenset({"in", "across", "throughout", "for", "at"})
#: Tokens that end what is written after a figure about it: a comma or a dash starts another phrase ("over 1,500
#: deaths, with the most in New York City" are not New York City's).
AFTER_FIGURE_ENDS = frozenset({",", ";", ":", "—", "–", "(", ")"})
#: Dependencies by which a place names whose noun it is ("Italy's death toll", "UK hospital deaths").
PLACE_MODIFIER_DEPS = frozenset({"poss", "compound", "nmod"})


def _place_entity(doc: Doc, token: Token) -> Span | None:
    """The place entity (:data:`~analysis.extraction.figures.objects.PLACE_LABELS`) ``token`` is part of."""
    entity = doc_index(doc).entity(token.i)
    return entity if entity is not None and entity.label_ in PLACE_LABELS else None


def _place_after(doc: Doc, match: Match, stop: int) -> Span | None:
    """The place a preposition of :data:`PLACE_PREPOSITIONS` puts right after the figure (and its noun) names,
    before ``stop`` (the next figure of the sentence), a comma or a dash, and a clause of its own ("as ...",
    "which ..."): "1,200 in Italy, 800 in Spain", "killed 1,200 people in Italy". ``stop`` may lie past the
    document's end (a figure among its last words)."""
    stop = min(stop, len(doc))
    for i in range(match.end, stop):
        token = token_at(doc, i)
        # a clause of its own starts ("427 deaths as measures are extended in France", "deaths which ...")
        if token.text in AFTER_FIGURE_ENDS or token.is_sent_start or token.pos_ == "SCONJ" or token.tag_ in ("WDT", "WP"):
            return None
        if token.lower_ in PLACE_PREPOSITIONS and i + 1 < stop:
            named = i + 2 if token_at(doc, i + 1).lower_ == "the" and i + 2 < stop else i + 1  # "in the U.S."
            place = _place_entity(doc, token_at(doc, named))
            if place is not None:
                return place
    return None


def _place_of_phrase(doc: Doc, noun: Token) -> Span | None:
    """The place a noun's own words name before the figure: a place that names whose it is ("Italy's death
    toll", "UK hospital deaths"), or a place phrase on it or on what it is "of" ("deaths in Valen", "the number
    of cases in the U.S.")."""
    for child in children_of(noun):
        if child.dep_ in PLACE_MODIFIER_DEPS and (place := _place_entity(doc, child)) is not None:
            return place
    heads = [noun, *(o for p in children_of(noun) if p.dep_ == "prep" and p.lower_ == "of"
                     for o in children_of(p) if o.dep_ == "pobj")]
    for head in heads:
        for prep in (c for c in children_of(head) if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS):
            for named in (c for c in children_of(prep) if c.dep_ == "pobj"):
                if (place := _place_entity(doc, named)) is not None:
                    return place
    return None


def _place_before(doc: Doc, root: Token) -> Span | None:
    """The place written before a figure that its clause is about: the subject of its clause ("Scotland reported
    12 deaths"), a place its noun's or its subject's own words name (:func:`_place_of_phrase`: "Italy's 1,200
    deaths", "UK hospital deaths rise by 813", "the number of cases in the U.S. topped 100,000"), or an "in"
    phrase opening its clause ("In England, 500 people died")."""
    noun = root.head if root.dep_ == "nummod" else root
    verb = clause_head(root)
    subjects = [c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i]
    for subject in subjects:  # "Scotland reported 12 deaths"
        if (place := _place_entity(doc, subject)) is not None:
            return place
    for holder in (noun, *subjects):
        if holder.i < root.i or holder is noun:
            place = _place_of_phrase(doc, holder)
            if place is not None and place.start < root.i:
                return place
    for prep in children_of(verb):
        if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPOSITIONS and prep.i < root.i:
            for place_token in (c for c in children_of(prep) if c.dep_ == "pobj"):
                if (place := _place_entity(doc, place_token)) is not None:
                    return place
    return None


def own_place(doc: Doc, match: Match, matches: Sequence[Match] = ()) -> str:
    """The place a figure's own words put it in, as written, where its sentence may name several: the place
    written right after it ("Deaths rose to 1,200 in Italy, 800 in Spain and 300 in France": each its own), else
    the one its clause is about, written before it (:func:`_place_before`); "" when neither is written (its
    sentence's places are then read from ``mentions``). ``matches`` are the document's figures in reading order
    (:func:`~analysis.extraction.figures.candidates.find_matches`): a place after the next figure is that figure's.
    Not read: a place named in another clause ("Globally, 595,000 were infected and
    it killed 27,300": no place), a metonym ("Washington said ...")."""
    root = figure_root(doc, match)
    sentence_end = doc_index(doc).sentence_bounds(root.i)[1]
    # the next figure by binary search: scanning every figure of the document for each one grew with its square
    at = bisect.bisect_left(matches, match.end, key=lambda m: m.start)
    stop = min(matches[at].start, sentence_end) if at < len(matches) else sentence_end
    place = _place_after(doc, match, stop) or _place_before(doc, root)
    return place.text if place is not None else ""


#: Words that may join the items of a list of figures by place ("1,200 in Italy, 800 in Spain and 300 in France").
LIST_JOINERS = frozenset({",", "and", ";"})


def in_place_list(doc: Doc, earlier: Match, later: Match) -> bool:
    """Whether ``later`` is the next item of a list of figures each put in its own place, after ``earlier``: "Deaths
    rose to 1,200 in Italy, 800 in Spain and 300 in France", "killed 1,200 people in Italy, 800 in Spain": between
    them only the earlier figure's noun, a place phrase (:data:`PLACE_PREPOSITIONS` and a place) and a comma or
    "and"; and a place phrase right after the later figure. Such an item counts what the first one counts."""
    between = [token_at(doc, i) for i in range(earlier.end, later.start)]
    placed = [k for k, t in enumerate(between[:-1]) if t.lower_ in PLACE_PREPOSITIONS
              and _place_entity(doc, between[k + 1]) is not None]
    if not placed or _place_after(doc, later, later.end + 3) is None:
        return False
    place = _place_entity(doc, between[placed[0] + 1])
    before_place = between[: placed[0]]
    after_place = [t for t in between if t.i >= place.end]
    return (all(t.pos_ in ("NOUN", "ADJ") for t in before_place) and len(before_place) <= 2
            and bool(after_place) and all(t.lower_ in LIST_JOINERS for t in after_place))


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
        index = doc_index(doc)
        places = {entity.start for t in tokens if (entity := index.entity(t.i)) is not None
                  and entity.label_ in PLACE_LABELS}
        return len(places) >= 2
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

    if not figures or not tokens:
        return list(tokens)
    # read by position from the index: ``Token.head`` makes a new Token for every word of every figure's clause
    index = doc_index(tokens[0].doc)
    heads, pos, dep = index.heads, index.pos, index.dep
    kept = []
    for token in tokens:
        i = token.i
        adnominal = pos[heads[i]] in ("NOUN", "PROPN") and dep[i] in ("amod", "compound", "nmod")
        if adnominal or all(distance(mine, i) <= distance(f, i) for f in figures):
            kept.append(token)
    return kept


#: Tokens a sentence may open with before a comma and still be one adverbial of extent ("Globally,", "Across the
#: country,"): its extent is that of every clause of the sentence.
OPENING_WORDS = 4
#: Comparatives that open "more than", "fewer than": a comparison, no count of new things ("more than the cases
#: found in Italy").
COMPARATIVES = frozenset({"more", "fewer", "less"})


def _opening_scope(doc: Doc, match: Match, cw: ContextWords) -> str:
    """The scope a sentence's opening adverbial gives all its clauses ("Globally, 595,000 people have caught the
    virus and it has killed over 27,300": both are the world's), when the figure's own clause names none."""
    index = doc_index(doc)
    start, end = index.sentence_bounds(figure_root(doc, match).i)
    opening = index.tokens[start : min(end, start + OPENING_WORDS + 1)]
    comma = next((k for k, t in enumerate(opening) if t.text == ","), None)
    if comma is None or comma == 0 or match.start < start + comma:
        return ""
    return scope_of([(t.i, t.lower_) for t in opening[:comma]], cw)


def _clause_opening_scope(doc: Doc, clause: list[Token], cw: ContextWords) -> str:
    """The scope of an adverbial that is only a scope phrase, set off by a comma right before the figure's clause
    ("..., up 7.5% from the day before at 5 p.m. Statewide, there were 83,712 cases": the parser may hang the
    adverbial on the clause before when it misses a sentence break). Its words run back from the comma to a
    punctuation mark or a word ending in a full stop, at most :data:`OPENING_WORDS`; else ""."""
    if not clause:
        return ""
    comma = clause[0].i - 1 if clause[0].text != "," else clause[0].i
    if comma < 1 or doc[comma].text != ",":
        return ""
    words: list[Token] = []
    k = comma - 1
    while k >= 0 and len(words) <= OPENING_WORDS and not doc[k].is_punct and not doc[k].text.endswith("."):
        words.insert(0, doc[k])
        k -= 1
    phrase = tuple(t.lower_ for t in words)
    return next((scope for scope, phrases in cw.scopes if phrase in phrases), "")


def _measure_words(doc: Doc, words: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The words of a clause that may mark a measure: not a comparative before "than" ("more than the number of
    cases in Italy"), nor a word that is part of a place's name the parser did not tag ("NEW YORK —": a word on
    a proper noun)."""
    kept = []
    for i, word in words:
        token = token_at(doc, i)
        following = token_at(doc, i + 1).lower_ if i + 1 < len(doc) else ""
        if word in COMPARATIVES and following == "than":
            continue
        if token.dep_ in ("amod", "compound") and token.head.pos_ == "PROPN":
            continue
        kept.append((i, word))
    return kept


def is_increase(doc: Doc, match: Match, lex: Lexicon) -> bool:
    """Whether a figure is the increase a report gives, a count of its day as "779 more deaths" is: the amount of
    a change ("deaths have increased by 16", "rose by 813") or a change set apart in brackets or after a comma
    ("2,199 cases (up 266)", "55 deaths, up 16")."""
    root = figure_root(doc, match)
    noun = root.head if root.dep_ == "nummod" else root
    by = noun.head
    if noun.dep_ == "pobj" and by.lower_ == "by" and by.head.lemma_.lower() in lex.change_words:
        return True
    before = token_at(doc, match.start - 1) if match.start > 0 else None
    opener = token_at(doc, match.start - 2) if match.start > 1 else None
    return (before is not None and opener is not None and before.lower_ in lex.change_adverbs
            and opener.text in ("(", ","))


def figure_context(doc: Doc, match: Match, lex: Lexicon, matches: Sequence[Match] = ()) -> FigureContext:
    """The ``scope``, ``measure``, ``as_of`` and ``combined`` of one figure, read from its clause
    (:func:`clause_tokens`); ``matches`` are the document's figures (:func:`_own_words`). What a figure that
    counts nothing that is or was takes as its measure instead is read by
    :func:`analysis.extraction.figures.uncounted.figure_context_of`, which the rows call."""
    cw = context_words()
    tokens = clause_tokens(doc, match)
    in_clause = {t.i for t in tokens}
    clause_figures = [m for m in matches if m.start in in_clause]
    words = _words_of(_own_words(tokens, match, clause_figures), range(match.start, match.end))
    measure = "daily" if is_increase(doc, match, lex) else measure_of(tokens, _measure_words(doc, words), cw)
    return FigureContext(
        scope=scope_of(words, cw) or _opening_scope(doc, match, cw) or _clause_opening_scope(doc, tokens, cw),
        measure=measure,
        as_of=as_of(doc, tokens),
        combined=combined(doc, match, tokens, cw),
        place=own_place(doc, match, matches),
    )


# --- what narrows the object ---------------------------------------------------------------------------------------

#: Entity labels of what says when a figure counts: a phrase of them is no part of what it counts.
TIME_ENTITY_LABELS = frozenset({"DATE", "TIME"})
#: Dependencies of the words written before an object's head noun that say which of its kind it counts ("transit
#: workers", "probable deaths", "Life Care's employees").
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
#: Dependencies of a clause on an object's head noun ("employees who have symptoms", "workers showing signs").
CLAUSE_DEPS = frozenset({"relcl", "acl"})


@dataclass(frozen=True)
class Narrowing:
    """The ``figures`` columns ``modifier`` and ``qualifier`` of one figure (see :func:`narrowing`)."""

    modifier: str = ""
    qualifier: str = ""


def _said_elsewhere(tokens: Sequence[Token], cw: ContextWords) -> bool:
    """Whether a phrase says only where or when a figure counts, which pairing compares apart: what it names is
    a place or a date ("in France", "on March 3"; not "at a nursing home in France", whose noun is a home), or
    it is a scope or measure phrase ("in the state", "in a single day", "so far")."""
    index = doc_index(tokens[0].doc)
    within = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in within or t.head.i == t.i]
    nouns = [c for h in heads for c in (h, *children_of(h)) if c.dep_ == "pobj" or c is h]
    for token in nouns:
        entity = index.entity(token.i)
        if entity is not None and entity.label_ in PLACE_LABELS | TIME_ENTITY_LABELS:
            return True
    words = [(t.i, t.lower_) for t in tokens]
    return any(_finds(words, phrases) for phrases in (cw.daily, cw.cumulative, *(p for _, p in cw.scopes)))


def _phrase_text(tokens: Sequence[Token], cw: ContextWords) -> str:
    """The words of a phrase as written, without the phrases inside it that say only where or when
    (:func:`_said_elsewhere`: "at a nursing home in France" is "at a nursing home", as where is compared apart)."""
    within = {t.i for t in tokens}
    left_out: set[int] = set()
    for token in tokens:
        if token.dep_ == "prep" and token.head.i in within and token.i not in left_out:
            inner = list(token.subtree)
            if _said_elsewhere(inner, cw):
                left_out |= {t.i for t in inner}
    kept = [t for t in tokens if t.i not in left_out]
    return "".join(t.text_with_ws for t in kept).strip()


def _modifier(doc: Doc, head: Token, object_start: int, figure: range, lex: Lexicon, cw: ContextWords) -> str:
    """The words before the object's head noun that the object leaves out and that say which of its kind the
    figure counts ("1,000 unionised workers": "unionised"; a compound, "transit workers", is in the object); not
    a place ("New York City residents"), a date, a number, a determiner, an adverb ("very"), or a word of scope,
    measure or how surely it was counted ("new", "confirmed")."""
    dropped = cw.unkeyed_words
    index = doc_index(doc)
    kept = []
    for child in children_of(head):
        if child.dep_ not in MODIFIER_DEPS or child.i >= head.i or child.idx >= object_start:
            continue
        for token in child.subtree:
            entity = index.entity(token.i)
            if (token.i in figure or token.is_punct or token.is_space or token.tag_ == "POS"
                    or token.pos_ in ("DET", "NUM", "PRON", "CCONJ", "ADV")
                    or token.lower_ in dropped or token.like_num or token.lower_ in lex.time_units
                    or (entity is not None and entity.label_ in PLACE_LABELS | TIME_ENTITY_LABELS)):
                continue
            kept.append(token)
    return " ".join(t.text for t in sorted(kept, key=lambda t: t.i))


def _partitive(doc: Doc, match: Match, kind: str) -> list[Token]:
    """A count of part of a group the text names as a whole ("17,600 of those deaths", "Seventy of the 180
    employees", "three of them"): the "of" phrase on the figure, when what it is of is definite (a determiner, a
    possessive, a number, or a pronoun); "dozens of settlements" counts settlements, no part of them. A share is
    always of its group ("40% of the voters"): only counts are read."""
    if kind != "count":
        return []
    root = figure_root(doc, match)
    for prep in children_of(root):
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i < match.end - 1:
            continue
        for noun in (c for c in children_of(prep) if c.dep_ == "pobj"):
            if noun.pos_ == "PRON" or any(c.dep_ in ("det", "poss", "nummod") for c in children_of(noun)):
                return list(prep.subtree)
    return []


def _whole_of(doc: Doc, head: Token, cw: ContextWords) -> list[Token]:
    """The phrase that makes a count part of a noun before it ("33,049 dead, including 4,226 probable deaths":
    ``part_prepositions``): the phrase itself, from its preposition, when the object's head noun is its noun."""
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ in cw.part_prepositions and prep.head.i < prep.i:
        return list(prep.subtree)
    return []


def _share_holder(doc: Doc, match: Match, head: Token, kind: str) -> list[Token]:
    """Who holds a share of a group ("New York City made up 43% of the total tests", "Women made up 52%"): for a
    percent or fraction of an "of" group that is the object or attribute of its verb, the verb's subject, which
    says whose part of the group it is. None for a share that is itself the subject ("32.8% of patients had a
    fever") or of no written group."""
    root = figure_root(doc, match)
    if kind not in ("percent", "fraction") or root.dep_ not in ("dobj", "attr", "oprd"):
        return []
    if not any(c.dep_ == "prep" and c.lower_ == "of" and head in c.children for c in children_of(root)):
        return []
    subjects = [c for c in children_of(root.head) if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
    return list(subjects[0].subtree) if subjects else []


def _restrictions(doc: Doc, head: Token, match: Match, event: str, cw: ContextWords) -> list[list[Token]]:
    """The phrases after the object's head noun (on it, or on the figure) that restrict it to part of its kind: a
    relative or participle
    clause ("employees who have symptoms", "workers showing signs"; not one set off by a comma, which describes
    them all, nor one whose verb is the figure's own event or only says they were counted, ``tally_verbs``), and
    a prepositional phrase ("beds in intensive care units", "deaths among residents", "patients over 65")
    other than one that says what kind of thing is counted (``kind_prepositions``: "cases of the virus") or only
    where or when (:func:`_said_elsewhere`). A clause whose verb only says the things were counted (``tally_verbs``,
    ``key_modifiers``) and whose other words say only where or when ("tests performed in the country", "cases
    reported on Monday") does not narrow them. A phrase that holds the figure itself is its own clause's."""
    figure = range(match.start, match.end)
    root = figure_root(doc, match)
    # a phrase after the object may hang on the figure ("32.8% of patients in the trial group": on "%")
    after = [*children_of(head), *(c for c in children_of(root) if c.i > head.i and root.i != head.i)]
    found = []
    for child in sorted(after, key=lambda t: t.i):
        if child.i <= head.i or child.i in figure:
            continue
        tokens = list(child.subtree)
        if any(t.i in figure for t in tokens):
            continue
        if child.dep_ in CLAUSE_DEPS:
            comma = child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == ","
            lemma = child.lemma_.lower()
            rest = [t for t in tokens if t.i != child.i and t.pos_ not in ("PRON", "AUX", "PART", "PUNCT")]
            tally = lemma in cw.tally_verbs or child.lower_ in cw.key_modifiers
            if comma or lemma == event or (tally and (not rest or _said_elsewhere(rest, cw))):
                continue
            found.append(tokens)
        elif child.dep_ == "prep" and child.lower_ not in cw.kind_prepositions and not _said_elsewhere(tokens, cw):
            found.append(tokens)
    return found


def narrowing(doc: Doc, match: Match, kind: str, event: str, object_span: tuple[int, int] | None,
              lex: Lexicon) -> Narrowing:
    """What narrows a figure's object to part of its kind, as written: ``modifier``, the words before its head
    noun that the object leaves out (:func:`_modifier`), and ``qualifier``, in order: who holds a share of a group
    (:func:`_share_holder`), a partitive "of" phrase (:func:`_partitive`), a phrase that makes the count part of a
    noun before it (:func:`_whole_of`), and the clauses and phrases after the head noun that restrict it
    (:func:`_restrictions`), joined by a space. ``object_span`` is the object's character offsets (None: no object, and nothing narrows
    it). Not read: a restriction written elsewhere in the clause ("deaths occurred among residents" hangs
    "among" on the verb) or in another sentence."""
    if object_span is None:
        return Narrowing()
    cw = context_words()
    span = doc.char_span(*object_span, alignment_mode="expand")
    if span is None or not len(span):
        return Narrowing()
    head = span.root
    figure = range(match.start, match.end)
    phrases: list[list[Token]] = []
    for phrase in (_share_holder(doc, match, head, kind), _partitive(doc, match, kind), _whole_of(doc, head, cw),
                   *_restrictions(doc, head, match, event, cw)):
        # a clause on the noun of a partitive is already in it ("of the patients who received the dose")
        if phrase and not any(phrase[0].i >= p[0].i and phrase[-1].i <= p[-1].i for p in phrases):
            phrases.append(phrase)
    return Narrowing(
        modifier=_modifier(doc, head, object_span[0], figure, lex, cw),
        qualifier=" ".join(_phrase_text(p, cw) for p in sorted(phrases, key=lambda p: p[0].i)),
    )
