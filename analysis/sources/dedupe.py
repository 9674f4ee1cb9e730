"""Stage 7: one relation per content: contents extended to the quotation they run into, then repeats and nested
finds dropped."""

from __future__ import annotations

from dataclasses import replace

from analysis.doc_index import Intervals
from analysis.sources.contents import trimmed_span
from analysis.sources.quotes import VIEW_QUOTE_MARKS, Quotations, overlap
from analysis.sources.records import Found


def extend_to_quotes(found: list[Found], quotes: Quotations, view: str) -> list[Found]:
    """Content that starts or ends inside a quotation running over a sentence break covers the quotation, and
    content wholly inside a quotation is the quotation (as :func:`_kind` reports it), so that two clauses of
    one quotation found for one cue are one relation."""
    extended = []
    for f in found:
        start, end = f.content
        # only the quotation whose words hold the content's start can extend it: quotations never overlap
        at = quotes.inner_at(start)
        if at is not None:
            inner = quotes.inners[at]
            if inner[0] <= start and end <= inner[1]:
                start, end = inner
            elif inner[0] <= start < inner[1] and end <= inner[1] and "." in view[inner[0]:start]:
                start = inner[0]
            if inner[0] <= start < inner[1] and start < end <= inner[1] and "." in view[end:inner[1]].rstrip(f".,{VIEW_QUOTE_MARKS} "):
                end = inner[1]
        extended.append(replace(f, content=trimmed_span(view, start, end) or f.content))
    return extended


def deduplicate(found: list[Found]) -> list[Found]:
    """Drop repeats and nested finds, in this order of preference: syntactic, according to, quote.

    Dropped: the same content found twice; a second, overlapping content for one cue; a quotation that a
    parse-based relation already covers; and a relation whose cue lies inside another relation's content
    (reported speech inside reported speech, or a verb like "add" read in its other sense).
    """
    reporting = Intervals([(g.content[0], g.content[1], g.cue) for g in found if g.stage != "according_to"])
    kept: list[Found] = []
    kept_contents: set[tuple[int, int]] = set()
    kept_by_cue: dict[tuple[int, int] | None, list[tuple[int, int]]] = {}
    kept_spans: Intervals[tuple[int, int]] = Intervals()
    for f in found:
        duplicate = (
            f.content in kept_contents
            or any(overlap(f.content, content) > 0 for content in kept_by_cue.get(f.cue, ()))
            or (f.stage == "quote" and bool(kept_spans.overlapping(*f.content)))
        )
        nested = f.cue is not None and any(cue != f.cue for cue in reporting.stabbing(f.cue[0]))
        if not duplicate and not nested:
            kept.append(f)
            kept_contents.add(f.content)
            kept_by_cue.setdefault(f.cue, []).append(f.content)
            kept_spans.add(*f.content, f.content)
    return kept
