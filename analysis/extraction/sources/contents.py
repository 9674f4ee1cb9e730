"""Content spans: trimming what a relation attributes to its edges, and finding which attribution holds a span."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Token

from analysis.extraction.doc_index import Intervals
from analysis.extraction.sources.records import Attribution

#: Characters trimmed from the ends of a content span.
CONTENT_TRIM = " \t\n,;:—–-\"'"
#: Leading words that introduce a content clause but are not part of it.
CONTENT_MARKERS = frozenset({"that"})


def content_span(tokens: Sequence[Token], view: str) -> tuple[int, int] | None:
    """The characters from the first to the last token, markers and edge punctuation trimmed."""
    while tokens and (tokens[0].lower_ in CONTENT_MARKERS or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return trimmed_span(view, start, end)


def trimmed_span(view: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` without edge space, commas, dashes and quotation marks, nor a final full stop."""
    while start < end and view[start] in CONTENT_TRIM:
        start += 1
    while end > start and (view[end - 1] in CONTENT_TRIM or view[end - 1] == "." and view[end - 2 : end] != ".."):
        end -= 1
    return (start, end) if end > start else None


class Contents:
    """The content spans of a document's attributions, for asking many times which one holds a span."""

    def __init__(self, attributions: Sequence[Attribution]) -> None:
        self._spans = Intervals([(a.content_start, a.content_end, a) for a in attributions])

    def holding(self, start: int, end: int) -> Attribution | None:
        """The attribution whose content holds ``[start, end)``; the innermost one when they nest."""
        holding = self._spans.holding(start, end)
        return min(holding, key=lambda a: (a.content_end - a.content_start, a.attribution_id), default=None)
