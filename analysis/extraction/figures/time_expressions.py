"""The ``time_expressions`` table: dates, times and durations the parser labels, cleaned."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Span

from analysis.extraction.doc_index import doc_index
from analysis.extraction.figures.exclusions import RELATIVE_AFTER, TIME_LABELS
from analysis.extraction.figures.records import FigureRow, TimeRow
from analysis.extraction.figures.rows import figure_rows
from analysis.extraction.figures.tokens import (
    HYPHENS, NUMERIC_DATE, YEAR, char_bounds, lower_at, numeric_dates, token_at, written_together,
)
from analysis.extraction.figures.wordlists import Lexicon, lexicon


def time_rows(parsed, figures: Sequence[FigureRow] | None = None) -> list[TimeRow]:
    """One row per date or time expression, in reading order.

    Read from the parser's DATE and TIME entities: adjacent ones are joined ("Monday" + "morning"), a leading
    verb is dropped, a hyphenated duration adjective ("years-long") and a following "after"/"ago" ("a week
    after") are taken in. Kept only when the expression holds a calendar or clock word, a number, a relative
    marker or is a duration adjective, so that the parser's stray DATE labels ("daily", "opening hours",
    "the quarter", a rate's "a week") are not rows; an expression with an ordinal ("the first day") is not one
    either. Entities that state a duration with a number ("72 hours", "a 10-year-old") are figures and are not
    repeated here. Bare years the parser missed ("the 1951 convention") and clock words it missed ("dawn")
    are added, and so are dates written in digits ("2020-06-26"). Kinds: duration_adjective, weekday, relative, time, duration, date.

    Args:
        parsed: the :class:`~analysis.extraction.parsed.ParsedDocument`.
        figures: the document's figure rows, when already made (else they are found again).
    """
    doc, text, lex = parsed.doc, parsed.text, lexicon()
    if figures is None:
        figures = figure_rows(parsed)
    figure_tokens = {t.i for f in figures for t in doc.char_span(f.start, f.end, alignment_mode="expand")}
    spans: list[tuple[int, int, str]] = []
    index = doc_index(doc)
    for ent in index.ents:
        if ent.label_ not in TIME_LABELS or any(t.i in figure_tokens for t in ent):
            continue
        start, end = ent.start, ent.end
        while start < end and token_at(doc, start).pos_ == "VERB":
            start += 1
        if start == end:
            continue
        if spans and spans[-1][1] == start and token_at(doc, start - 1).whitespace_ and "\n" not in token_at(doc, start - 1).whitespace_:
            start = spans.pop()[0]
        spans.append((start, end, ent.label_))
    for date_start, date_end in numeric_dates(text):  # "2020-06-26", which the parser splits or labels a number
        span = doc.char_span(date_start, date_end, alignment_mode="expand")
        if span is not None and not any(t.i in figure_tokens for t in span):
            spans = [s for s in spans if s[1] <= span.start or s[0] >= span.end] + [(span.start, span.end, "DATE")]
    labelled = {t for start, end, _ in spans for t in range(start, end)} | figure_tokens
    for token in index.tokens:
        if token.i in labelled:
            continue
        if token.lower_ in lex.clock_words:
            spans.append((token.i, token.i + 1, "TIME"))
        elif YEAR.fullmatch(token.text):
            spans.append((token.i, token.i + 1, "DATE"))
    rows: list[TimeRow] = []
    for start, end, label in sorted(spans):
        if lower_at(doc, end) in HYPHENS and written_together(doc, end - 1, end + 2) and lower_at(doc, end + 1) in lex.adjective_suffixes:
            end += 2
        elif lower_at(doc, end) in RELATIVE_AFTER:
            end += 1
        span = doc[start:end]
        if not _is_time_expression(span, lex):
            continue
        char_start, char_end = char_bounds(doc, start, end)
        rows.append(
            TimeRow(
                sentence_id=parsed.sentences.sentence_id(char_start),
                start=char_start,
                end=char_end,
                text=text[char_start:char_end],
                time_id=len(rows),
                kind=_time_kind(span, label, lex),
            )
        )
    return rows


def _is_time_expression(span: Span, lex: Lexicon) -> bool:
    if NUMERIC_DATE.fullmatch(span.text):
        return True
    words = [t.lower_ for t in span]
    if any(t.ent_type_ == "ORDINAL" or t.tag_ == "JJ" and t.lower_ in ("first", "second", "third") for t in span):
        return False
    if any(t.text.startswith("0") and t.text[1:2].isdigit() for t in span):
        return False
    if len(words) == 3 and words[1] in HYPHENS:
        return words[0] in lex.time_units and words[2] in lex.adjective_suffixes
    return (
        any(any(ch.isdigit() for ch in w) for w in words)
        or any(w in lex.weekdays or w in lex.months or w in lex.clock_words or w in lex.relative_markers for w in words)
        or any(w in RELATIVE_AFTER for w in words)
        or (any(w in HYPHENS for w in words) and words[-1] in lex.adjective_suffixes)
    )


def _time_kind(span: Span, label: str, lex: Lexicon) -> str:
    words = [t.lower_ for t in span]
    if any(w in HYPHENS for w in words) and words[-1] in lex.adjective_suffixes:
        return "duration_adjective"
    if any(w in lex.weekdays for w in words):
        return "weekday"
    if any(w in lex.relative_markers or w in RELATIVE_AFTER for w in words):
        return "relative"
    if label == "TIME" or any(w in lex.clock_words for w in words):
        return "time"
    if any(w in lex.time_units for w in words) and not any(t.like_num and len(t.text) == 4 for t in span):
        return "duration"
    return "date"
