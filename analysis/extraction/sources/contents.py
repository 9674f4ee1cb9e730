"""Content spans: trimming what a relation attributes to its edges, and finding which attribution holds a span."""

from __future__ import annotations

import bisect

from typing import Sequence

from spacy.tokens import Token

from analysis.extraction.doc_index import Intervals, children_of
from analysis.extraction.sources.lines import Lines
from analysis.extraction.sources.records import Attribution

#: Characters trimmed from the ends of a content span (the backtick of a quotation opened with two, ``like this'').
CONTENT_TRIM = " \t\n,;:—–-\"'`"
#: Leading words that introduce a content clause but are not part of it.
CONTENT_MARKERS = frozenset({"that"})
#: Dependencies of a "that" that is a word of the clause, not its complementiser: the demonstrative subject or
#: object ("That would take weeks, he said"), or a determiner ("that part of the county").
DEMONSTRATIVE_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "det", "dobj", "attr", "pobj"})
#: Dependencies of a clause's subject.
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Characters of a token that may stand between a content's last word and a dangling conjunction.
LOOSE_PUNCTUATION = frozenset({",", ";", ":", "—", "–", "-"})


def content_span(tokens: Sequence[Token], view: str) -> tuple[int, int] | None:
    """The characters from the first to the last token, edge punctuation trimmed, without a complementiser
    "that" at its start (:func:`is_marker`) or a coordinating conjunction left dangling at its end (its conjunct
    was left out as another report or the narrator's: "... past the worst but added: ...")."""
    while tokens and (is_marker(tokens[0]) or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].pos_ == "CCONJ" or tokens[-1].is_space or tokens[-1].text in LOOSE_PUNCTUATION):
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return trimmed_span(view, start, end)


def is_marker(token: Token) -> bool:
    """Whether ``token`` introduces a content clause without being part of it: "that" as a complementiser ("said
    that prices rose"), not a demonstrative or determiner: tagged ``DT`` in a noun's place
    (:data:`DEMONSTRATIVE_DEPS`), and as a subject the only one of its verb (the small model sometimes makes the
    complementiser of "said that some employees were concerned" a second subject)."""
    if token.lower_ not in CONTENT_MARKERS:
        return False
    if token.tag_ != "DT" or token.dep_ not in DEMONSTRATIVE_DEPS:
        return True
    subjects = [c for c in children_of(token.head) if c.dep_ in CLAUSE_SUBJECT_DEPS] if token.dep_ in CLAUSE_SUBJECT_DEPS else [token]
    return len(subjects) > 1


def trimmed_span(view: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` without edge space, commas, dashes and quotation marks, nor a final full stop."""
    while start < end and view[start] in CONTENT_TRIM:
        start += 1
    while end > start and (view[end - 1] in CONTENT_TRIM or view[end - 1] == "." and view[end - 2 : end] != ".."):
        end -= 1
    return (start, end) if end > start else None


def after_dateline(content: tuple[int, int], datelines: Sequence[tuple[int, int]], view: str) -> tuple[int, int]:
    """``content`` without a dateline or wire credit it begins with or inside ("MADRID — Spain's toll rose ...",
    "Sept 13 (Reuters) – Documents show ...": the narrator's, not the source's); ``datelines`` are sorted
    ``(start, end)`` spans (:func:`~analysis.extraction.linguistics.furniture.dateline_spans`). A content that is
    all dateline, or that only touches one, is kept as it is."""
    start, end = content
    k = bisect.bisect_right(datelines, (start, float("inf"))) - 1
    if k < 0 or not datelines[k][0] <= start < datelines[k][1] or datelines[k][1] >= end:
        return content
    return trimmed_span(view, datelines[k][1], end) or content


def within_paragraph(
    content: tuple[int, int], cue: tuple[int, int] | None, lines: Lines, view: str, *, quoted: bool = False,
) -> tuple[int, int] | None:
    """``content`` cut to one paragraph: the one holding its cue. What people say never runs over a paragraph
    break: a content that does has taken in a caption, a headline, a list item or the narrator's next
    paragraph, which the parse ran into one sentence with it ("Staff outside the hospital (Picture: PA)<break>
    Another 449 people have died ..., the ministry confirmed"). None when no word of the content is in its
    cue's paragraph: the parse tied a cue to another paragraph's words ("— WHO doctor: ...<break>— China
    reports 11 new cases"). A quotation (``quoted``) may stand in the paragraph before its cue ("..."<break>he
    said): it keeps the paragraph nearest the cue. Lines a printer wrapped inside a paragraph
    (:meth:`.lines.Lines.runs_on`) are one paragraph."""
    start, end = content
    first, last = lines.line_of(start), lines.line_of(end - 1)
    if cue is None or quoted:
        anchor = last if cue is not None and cue[0] >= end else first
    else:
        anchor = lines.line_of(cue[0])
    if first == last and lines.paragraph_of(first) == lines.paragraph_of(anchor):
        return content
    if not first <= anchor <= last and lines.paragraph_of(anchor) not in (lines.paragraph_of(first), lines.paragraph_of(last)):
        return None
    anchor = min(max(anchor, first), last)
    low = high = anchor
    while low > first and lines.runs_on(low - 1):
        low -= 1
    while high < last and lines.runs_on(high):
        high += 1
    span = trimmed_span(view, max(start, lines.bounds(low)[0]), min(end, lines.bounds(high)[1]))
    return span if span is not None and any(c.isalnum() for c in view[span[0] : span[1]]) else None


class Contents:
    """The content spans of a document's attributions, for asking many times which one holds a span."""

    def __init__(self, attributions: Sequence[Attribution]) -> None:
        self._spans = Intervals([(a.content_start, a.content_end, a) for a in attributions])

    def holding(self, start: int, end: int) -> Attribution | None:
        """The attribution whose content holds ``[start, end)``; the innermost one when they nest."""
        holding = self._spans.holding(start, end)
        return min(holding, key=lambda a: (a.content_end - a.content_start, a.attribution_id), default=None)
