"""The ``figures`` table."""

from __future__ import annotations

import dataclasses
from typing import Callable, Iterator, Sequence

from analysis.extraction.figures.bounds import said_bound
from analysis.extraction.figures.candidates import find_matches
from analysis.extraction.figures.context import in_place_list, narrowing
from analysis.extraction.figures.events import event_of
from analysis.extraction.figures.grammar import Match, apposed_person, interval_of
from analysis.extraction.figures.numbers import GLUED
from analysis.extraction.figures.objects import (
    aged_noun, broad_object_token, change_ends, changes_figure_before, compared_with_before, compares_figure_before,
    continues_conversion, converts, described_by_relative, elliptic_start, joined_by_or,
    inherits_object, level_after_change, names_the_sum, object_span, object_token, refers_back,
)
from analysis.extraction.figures.records import FigureRow
from analysis.extraction.figures.tokens import char_bounds
from analysis.extraction.figures.uncounted import figure_context_of
from analysis.extraction.figures.units import canonical_name, dimensionality, minor_unit_name, si_value, to_major
from analysis.extraction.figures.wordlists import Lexicon, lexicon
from analysis.extraction.sources.contents import Contents
from analysis.extraction.sources.records import Attribution


def _kind_and_canonical(match: Match, lex: Lexicon) -> tuple[str, str]:
    if match.currency:  # a price per something is money per it ("$61.38 a barrel": "USD / barrel")
        money = minor_unit_name(match.currency) if match.minor else match.currency
        return "money", f"{money} / {match.per}" if match.per else money
    if not match.unit:
        return "count", ""
    return lex.kinds.get(dimensionality(match.unit), "other"), canonical_name(match.unit)


def _fields(columns) -> dict:
    """A dataclass of plain column values as a dict (``dataclasses.asdict`` copies each value recursively)."""
    return {field.name: getattr(columns, field.name) for field in dataclasses.fields(columns)}


def figure_rows(parsed, attributions: Sequence[Attribution] = ()) -> list[FigureRow]:
    """One row per figure of a parsed document, in reading order.

    Args:
        parsed: the :class:`~analysis.extraction.parsed.ParsedDocument`.
        attributions: the document's attributions (may be empty): a figure inside one's content is that
            source's; otherwise the article asserts it itself and ``source`` is empty.

    A figure's ``object`` (:func:`_object_of`) is the noun it counts or measures, with the words of its name
    (:func:`object_span`: "410 patients", "the jobless rate"); where there is none, what a level, change or sum
    is about ("Inflation" in "Inflation slowed to 5.4%"); where there is neither, the object of the figure it
    restates, continues or is elliptic for.
    """
    doc, text, lex = parsed.doc, parsed.text, lexicon()
    rows: list[FigureRow] = []
    matches: list[Match] = []
    contents = Contents(attributions)
    found = find_matches(doc)
    for match in found:
        start, end = char_bounds(doc, match.start, match.end)
        end -= match.trim
        kind, canonical = _kind_and_canonical(match, lex)
        # words away from the number may bound an exact figure ("passed 10,000", "10 cases or fewer")
        bound = said_bound(doc, match, lex)
        approx, approx_tokens = bound if bound else (match.approx, match.approx_tokens)
        low, high = interval_of(match, lex, approx)
        value_si, unit_si = si_value(match.value, canonical, kind, lex)
        if match.minor:  # "243p" is 243 pence as written; 2.43 GBP normalised
            value_si, unit_si = to_major(match.value, match.currency), match.currency
        sentence_id = parsed.sentences.sentence_id(start)
        obj_text, obj_start, obj_end = _a_word(text, _object_of(parsed, match, kind, sentence_id, matches, rows))
        approx_start = approx_end = None
        if approx_tokens:
            approx_start, approx_end = char_bounds(doc, *approx_tokens)
        unit_text = ""
        if match.unit_tokens:
            u_start, u_end = char_bounds(doc, *match.unit_tokens)
            unit_text = text[u_start : min(u_end, end)]
            glued = GLUED.match(unit_text.lower())
            unit_text = unit_text[len(glued.group(1)) :] if glued else unit_text
        elif match.currency:
            unit_text = match.symbol or match.currency
        holder = contents.holding(start, end)
        event = event_of(doc, match, lex)
        narrowed = narrowing(doc, match, kind, event, None if obj_start is None else (obj_start, obj_end), lex)
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
                approx=approx,
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
                event=event,
                **_fields(figure_context_of(
                    doc, match, lex, found, approx=approx, object_text=obj_text, quantity_kind=kind)),
                **_fields(narrowed),
                attribution_id=holder.attribution_id if holder else None,
                source=holder.source if holder else "",
            )
        )
        if matches and obj_text and not rows[-2].object and change_ends(doc, matches[-1], match):
            # "rose from $4 to $5": the parse often gives the object to one end only; both measure it
            rows[-2] = dataclasses.replace(rows[-2], object=obj_text, object_start=obj_start, object_end=obj_end)
        matches.append(match)
    return rows


#: An object as written and its character offsets; ("", None, None) for none.
ObjectText = tuple[str, "int | None", "int | None"]
NO_OBJECT: ObjectText = ("", None, None)


def _object_of_row(row: FigureRow) -> ObjectText:
    """The object an earlier figure's row gives, for a figure that takes it over."""
    return row.object, row.object_start, row.object_end


def _a_word(text: str, found: ObjectText) -> ObjectText:
    """``found``, or no object when it is no word as written: a symbol the tagger took for a noun ("%" of a
    bracketed "(12%)") or the end of a hyphenated word ("termism" of "short-termism")."""
    obj_text, obj_start, _ = found
    if not obj_text:
        return found
    if not any(c.isalpha() for c in obj_text):
        return NO_OBJECT
    if obj_start >= 2 and text[obj_start - 1] in "-\u2010\u2011" and text[obj_start - 2].isalpha():
        return NO_OBJECT
    return found


def _object_of(
    parsed, match: Match, kind: str, sentence_id: int, earlier: Sequence[Match], rows: Sequence[FigureRow]
) -> ObjectText:
    """The object of one figure, given the figures before it in the document (``earlier``) and their ``rows``.

    In order: the object of the figure it restates in brackets ("115F (46C)", "HK$10m (US$1.27m)"), or whose change
    it gives after a comma (:func:`changes_figure_before`: "sold 2 million phones, down 8%"), or whose earlier level
    it gives after a comma (:func:`compares_figure_before`: "saw 900 patients, up from 700"); the person an age is
    apposed to ("McCullough, now 54,") or the people an age's bound follows (:func:`aged_noun`: "people over 30");
    the counted or measured noun (:func:`object_token`); what a level, change or sum is about
    (:func:`broad_object_token`); for a difference stated of "this" or "that" (:func:`compared_with_before`: "This
    is up from 950"), the object of the first figure of the sentence before; the object of the figure it continues
    in a list or a comparison (:func:`inherits_object`) or the level a change "by" it brought
    (:func:`level_after_change`: "rose by 5% – or $2m – to $30m"); for a count standing alone at the start of a
    sentence ("Ten were hurt."), the object of the last count of the sentence before that names one; the second end
    of a change takes the first's ("rose from $4 to $5"); an item of a list of figures by place takes the first
    item's ("1,200 deaths in Italy, 800 in Spain"); a quantity noun with a demonstrative ("that figure stood at
    410,000") takes the object of the last figure of the same kind in the sentence before, when there is one
    (:func:`refers_back`); else none.
    """
    doc, lex = parsed.doc, lexicon()
    previous = (earlier[-1], rows[-1]) if earlier else None
    if previous is not None and previous[1].sentence_id == sentence_id and (
        converts(doc, previous[0], match)
        or (len(earlier) > 1 and converts(doc, earlier[-2], previous[0]) and continues_conversion(doc, previous[0], match))
    ) and (previous[1].object or not joined_by_or(doc, previous[0], match)):
        # after a bare "or", an earlier amount that counts nothing gives nothing: the later one's own noun stands
        # ("That is 1,200 or 40% more visits than ...": visits)
        return _object_of_row(previous[1])
    if (previous is not None and previous[1].sentence_id == sentence_id and previous[1].object
            and changes_figure_before(doc, previous[0], match, lex)):
        return _object_of_row(previous[1])  # "2 million phones, down 8%"
    level_before = _last_row(earlier, rows, sentence_id, lambda row: row.quantity_kind == kind and bool(row.object))
    if level_before is not None and compares_figure_before(doc, level_before[0], match, lex):
        return _object_of_row(level_before[1])  # "saw 900 patients, up from 700 in July"
    person = (apposed_person(doc, match, match.end) if match.unit == "year" else None) or aged_noun(doc, match, lex)
    counted = None if person else object_token(doc, match, kind, lex)
    head = person or counted or broad_object_token(doc, match, kind, lex)
    if head is not None and refers_back(head, lex):
        before = _last_row(earlier, rows, sentence_id - 1, lambda row: row.quantity_kind == kind and bool(row.object)
                           and row.object.split()[-1].lower() not in lex.quantity_nouns)
        if before is not None:  # "227,000 patients were waiting. ... that figure stood at 410,000"
            return _object_of_row(before[1])
    if head is not None:
        first, last = object_span(doc, head, lex, figure=range(match.start, match.end), counted=counted is not None,
                                  whole=counted is not None and names_the_sum(doc, match, kind, counted))
        start, end = char_bounds(doc, first, last)
        return parsed.text[start:end], start, end
    described = next((pair for pair in _sentence_rows(earlier, rows, sentence_id)
                      if pair[1].object and described_by_relative(doc, pair[0], match, lex)), None)
    if described is not None:  # "to $62,500, which is up from $60,600": the amount the clause hangs on
        return _object_of_row(described[1])
    if compared_with_before(doc, match, lex):  # "This is up from 130,528": what the sentence before leads with
        before = _first_row(earlier, rows, sentence_id - 1, lambda row: bool(row.object))
        return _object_of_row(before[1]) if before is not None else NO_OBJECT
    if previous is not None and (
        inherits_object(doc, previous, match, kind, sentence_id, lex) or change_ends(doc, previous[0], match)
        or (previous[1].sentence_id == sentence_id and level_after_change(doc, earlier, match))
        or (previous[1].sentence_id == sentence_id and previous[1].quantity_kind == kind
            and in_place_list(doc, previous[0], match))
    ):  # a list, a comparison, the second end of a change "from X to Y", or a list by place "800 in Spain"
        return _object_of_row(previous[1])
    if elliptic_start(doc, match, kind):
        before = _last_row(earlier, rows, sentence_id - 1, lambda row: row.quantity_kind == "count" and bool(row.object))
        if before is not None:
            return _object_of_row(before[1])
    return NO_OBJECT


def _last_row(
    earlier: Sequence[Match], rows: Sequence[FigureRow], sentence_id: int, wanted: Callable[[FigureRow], bool]
) -> tuple[Match, FigureRow] | None:
    """The last figure of sentence ``sentence_id`` among the ``earlier`` ones (with its row) for which
    ``wanted(row)``, else None."""
    return next((pair for pair in _sentence_rows(earlier, rows, sentence_id) if wanted(pair[1])), None)


def _first_row(
    earlier: Sequence[Match], rows: Sequence[FigureRow], sentence_id: int, wanted: Callable[[FigureRow], bool]
) -> tuple[Match, FigureRow] | None:
    """The first figure of sentence ``sentence_id`` among the ``earlier`` ones (with its row) for which
    ``wanted(row)``, else None."""
    found = [pair for pair in _sentence_rows(earlier, rows, sentence_id) if wanted(pair[1])]
    return found[-1] if found else None


def _sentence_rows(
    earlier: Sequence[Match], rows: Sequence[FigureRow], sentence_id: int
) -> Iterator[tuple[Match, FigureRow]]:
    """The figures of sentence ``sentence_id`` among the ``earlier`` ones, with their rows, last first. The rows are
    in reading order: the search goes back from the last one and stops at the first of an earlier sentence, so that
    each figure looks at its own sentence and the one before, not at every figure of the article (which grew with
    the square of a long article's figures)."""
    for match, row in zip(reversed(earlier), reversed(rows)):
        if row.sentence_id < sentence_id:
            return
        if row.sentence_id == sentence_id:
            yield match, row
