"""The ``figures`` table."""

from __future__ import annotations

import dataclasses
from typing import Sequence

from analysis.extraction.figures.candidates import find_matches
from analysis.extraction.figures.events import event_of
from analysis.extraction.figures.grammar import Match, interval_of
from analysis.extraction.figures.numbers import GLUED
from analysis.extraction.figures.objects import broad_object_token, change_ends, inherits_object, object_token
from analysis.extraction.figures.records import FigureRow
from analysis.extraction.figures.tokens import char_bounds
from analysis.extraction.figures.units import canonical_name, dimensionality, minor_unit_name, si_value, to_major
from analysis.extraction.figures.wordlists import Lexicon, lexicon
from analysis.extraction.sources import Attribution, Contents


def _kind_and_canonical(match: Match, lex: Lexicon) -> tuple[str, str]:
    if match.currency:  # a price per something is money per it ("$61.38 a barrel": "USD / barrel")
        money = minor_unit_name(match.currency) if match.minor else match.currency
        return "money", f"{money} / {match.per}" if match.per else money
    if not match.unit:
        return "count", ""
    return lex.kinds.get(dimensionality(match.unit), "other"), canonical_name(match.unit)


def figure_rows(parsed, attributions: Sequence[Attribution] = ()) -> list[FigureRow]:
    """One row per figure of a parsed document, in reading order.

    Args:
        parsed: the :class:`~analysis.extraction.parsed.ParsedDocument`.
        attributions: the document's attributions (may be empty): a figure inside one's content is that
            source's; otherwise the article asserts it itself and ``source`` is empty.

    A figure's ``object`` is the noun it counts or measures (:func:`object_token`: "410 patients"); where there
    is none, what a level or measure is about (:func:`broad_object_token`: "Inflation" in "Inflation slowed to
    5.4%"); where there is neither, an elliptic figure takes the object of the figure it is coordinated with
    (:func:`inherits_object`: "Two passengers died and nine were taken to hospital").
    """
    doc, text, lex = parsed.doc, parsed.text, lexicon()
    rows: list[FigureRow] = []
    previous: tuple[Match, FigureRow] | None = None
    contents = Contents(attributions)
    for match in find_matches(doc):
        start, end = char_bounds(doc, match.start, match.end)
        end -= match.trim
        kind, canonical = _kind_and_canonical(match, lex)
        low, high = interval_of(match, lex)
        value_si, unit_si = si_value(match.value, canonical, kind, lex)
        if match.minor:  # "243p" is 243 pence as written; 2.43 GBP normalised
            value_si, unit_si = to_major(match.value, match.currency), match.currency
        sentence_id = parsed.sentences.sentence_id(start)
        obj = object_token(doc, match, kind, lex) or broad_object_token(doc, match, lex)
        if obj is not None:
            obj_text, obj_start, obj_end = text[obj.idx : obj.idx + len(obj.text)], obj.idx, obj.idx + len(obj.text)
        elif previous is not None and inherits_object(doc, previous, match, kind, sentence_id):
            obj_text, obj_start, obj_end = previous[1].object, previous[1].object_start, previous[1].object_end
        else:
            obj_text, obj_start, obj_end = "", None, None
        approx_start = approx_end = None
        if match.approx_tokens:
            approx_start, approx_end = char_bounds(doc, *match.approx_tokens)
        unit_text = ""
        if match.unit_tokens:
            u_start, u_end = char_bounds(doc, *match.unit_tokens)
            unit_text = text[u_start : min(u_end, end)]
            glued = GLUED.match(unit_text.lower())
            unit_text = unit_text[len(glued.group(1)) :] if glued else unit_text
        elif match.currency:
            unit_text = match.symbol or match.currency
        holder = contents.holding(start, end)
        rows.append(
            FigureRow(
                sentence_id=sentence_id,
                start=start,
                end=end,
                text=text[start:end],
                figure_id=len(rows),
                value=match.value,
                low=low,
                high=high,
                approx=match.approx,
                approximator=text[approx_start:approx_end] if approx_start is not None else "",
                approximator_start=approx_start,
                approximator_end=approx_end,
                unit=unit_text,
                unit_canonical=canonical,
                quantity_kind=kind,
                value_si=value_si,
                unit_si=unit_si,
                object=obj_text,
                object_start=obj_start,
                object_end=obj_end,
                event=event_of(doc, match, lex),
                attribution_id=holder.attribution_id if holder else None,
                source=holder.source if holder else "",
            )
        )
        if previous is not None and obj_text and not previous[1].object and change_ends(doc, previous[0], match):
            # "rose from $4 to $5": the parse often gives the object to one end only; both measure it
            rows[-2] = dataclasses.replace(rows[-2], object=obj_text, object_start=obj_start, object_end=obj_end)
        previous = (match, rows[-1])
    return rows
