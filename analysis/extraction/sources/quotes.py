"""Stage 1: quotation marks paired into quotations.

Double marks come from the parse view; single marks (British style) from the original text, where a curly
opening mark tells a quotation from an apostrophe. Unbalanced marks are dropped, never raised on."""

from __future__ import annotations

import bisect
import re
from typing import Callable, Sequence

from spacy.tokens import Doc

from analysis.extraction.doc_index import Intervals

#: Quotation marks as the parse view writes them (curly forms straightened), double and single.
VIEW_QUOTE_MARKS = "\"'"
#: Single quotation marks in the original text: the opening curly mark (never an apostrophe), the closing
#: curly mark (also the typographic apostrophe) and the straight mark (quote or apostrophe).
SINGLE_OPEN, SINGLE_CLOSE, STRAIGHT_SINGLE = "\u2018", "\u2019", "'"
SINGLE_MARKS = SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE
#: A double quotation mark in the view: ``"``, or two apostrophes or two backticks standing for one.
DOUBLE_MARK = re.compile("\"|''|``")


def quote_spans(view: str, original: str | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each quotation, marks included, in order.

    Double quotation marks are read from the parse view (where curly doubles and guillemets are straightened);
    single quotation marks only when ``original`` (the text before straightening, same offsets) is given,
    since the view cannot tell a curly opening mark from an apostrophe. A quotation inside another ("He said
    'no'," she said) is part of the outer one and is not listed; a single-quoted span that crosses a
    double-quoted one is dropped (the double marks are the more reliable).
    """
    doubles = _double_quote_spans(view)
    if original is None:
        return doubles
    singles = _single_quote_spans(view, original)
    double_index = Intervals([(d[0], d[1], d) for d in doubles])
    spans = [
        s for s in singles
        if all(s[0] <= d[0] and d[1] <= s[1] for d in double_index.overlapping(*s))
    ]
    single_index = Intervals([(q[0], q[1], q) for q in spans])
    spans += [d for d in doubles if not single_index.holding(*d)]
    return sorted(spans)


class Quotations:
    """A document's quotations (:func:`quote_spans`) with lookups by position.

    Quotations never overlap and are in order, so the one that can hold an offset is found by binary search.
    """

    def __init__(self, spans: Sequence[tuple[int, int]], view: str) -> None:
        self.spans = list(spans)
        self.inners = [_inner(q, view) for q in self.spans]
        self._starts = [q[0] for q in self.spans]
        self._inner_starts = [inner[0] for inner in self.inners]

    def __iter__(self):
        return iter(self.spans)

    def around(self, offset: int) -> bool:
        """Whether ``offset`` lies strictly between a quotation's marks."""
        k = bisect.bisect_left(self._starts, offset) - 1
        return k >= 0 and offset < self.spans[k][1]

    def reports_inside(self, cue: tuple[int, int] | None) -> bool:
        """Whether a relation whose cue is at ``cue`` is reported inside a quotation ("“Most worrying, the audit
        found that ...,” the engineers wrote"): the quoted speaker's own source, nested in the quotation's relation,
        whose content is its own clause, never the whole quotation."""
        return cue is not None and self.around(cue[0])

    def before(self, offset: int) -> tuple[int, int] | None:
        """The last quotation (marks included) that opens before ``offset``, or None."""
        k = bisect.bisect_left(self._starts, offset) - 1
        return self.spans[k] if k >= 0 else None

    def holding(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The quotation (marks included) that holds ``span`` whole."""
        k = bisect.bisect_right(self._starts, span[0]) - 1
        return self.spans[k] if k >= 0 and span[1] <= self.spans[k][1] else None

    def inner_at(self, offset: int) -> int | None:
        """The number of the quotation whose words (marks excluded) begin at or before ``offset`` and end
        after it."""
        k = bisect.bisect_right(self._inner_starts, offset) - 1
        return k if k >= 0 and offset < self.inners[k][1] else None

    def within(self, span: tuple[int, int]) -> list[tuple[int, int]]:
        """The quotations (marks included) that lie wholly inside ``span``, in order."""
        k = bisect.bisect_left(self._starts, span[0])
        inside = []
        while k < len(self.spans) and self.spans[k][1] <= span[1]:
            inside.append(self.spans[k])
            k += 1
        return inside

    def inner_overlaps(self, span: tuple[int, int]) -> bool:
        """Whether ``span`` shares a character with the words of any quotation."""
        k = bisect.bisect_left(self._inner_starts, span[1]) - 1
        while k >= 0 and self.inners[k][1] > span[0]:
            if overlap(self.inners[k], span) > 0:
                return True
            k -= 1
        return False


def _double_quote_spans(view: str) -> list[tuple[int, int]]:
    """Straight double quotations of the view.

    Marks are paired within a paragraph. Two apostrophes (``''``) and two backticks (````` `` `````), as some
    archives and typesetting conventions print double quotation marks, count as one double mark (``''`` between
    two letters does not). A mark after a space (or at a line start) opens, a mark before a space
    or punctuation closes, others toggle. A quotation opened at a paragraph's start, after a colon, or before a
    paragraph that opens with a mark, and never closed, is a quote running on into the next paragraph (the wire
    convention: "She said, "We will stay.<break>"We have ...""): its quotation ends with the paragraph, never in
    the narrator's next one; so is one never closed in the text's last paragraph (an excerpt or a crawl cut
    inside a quotation that ran on). Any other unmatched mark is dropped, so odd or stray marks never fail the
    document.
    """
    spans = []
    paragraphs = list(re.finditer(r"[^\n]+", view))
    for number, paragraph in enumerate(paragraphs):
        text, offset = paragraph.group(), paragraph.start()
        open_at = None
        for match in DOUBLE_MARK.finditer(text):
            i, j = match.start(), match.end()
            before = text[i - 1] if i else " "
            after = text[j] if j < len(text) else " "
            if match.group() == "''" and before.isalnum() and after.isalnum():
                continue
            opens = before.isspace() or before in "([{—–-/:" and not after.isspace()
            closes = not before.isspace() and (after.isspace() or not after.isalnum())
            if match.group() == "``":
                opens, closes = True, False
            if open_at is None and (opens or not closes):
                open_at = i
            elif open_at is not None and (closes or not opens):
                spans.append((offset + open_at, offset + j))
                open_at = None
            elif opens:
                open_at = i
        if open_at is not None and (_runs_on(
            text[:open_at], paragraphs, number, view, lambda next_text: DOUBLE_MARK.match(next_text) is not None
        ) or not view[paragraph.end() :].strip() and _opens_words(text, open_at)):
            spans.append((offset + open_at, offset + len(text.rstrip())))
    return spans


def _opens_words(text: str, at: int) -> bool:
    """Whether the double mark at ``at`` stands right before a word: an opening mark, not a stray one with
    space on both sides ("a stray " mark")."""
    end = DOUBLE_MARK.match(text, at).end()
    return end < len(text) and not text[end].isspace()


def _runs_on(
    before: str, paragraphs: Sequence[re.Match], number: int, text: str, reopens: Callable[[str], bool]
) -> bool:
    """Whether a quotation never closed in paragraph ``number`` runs on into the next paragraph (and so ends with
    its own): opened at the paragraph's start (nothing ``before`` it), after a colon ("She said: "We will ..."),
    or reopened by the next paragraph that is not white space, as ``reopens`` tells from that paragraph's
    ``text`` (the news convention for a quotation over a paragraph break, which leaves the first unclosed)."""
    if not before.strip() or before.rstrip().endswith(":"):
        return True
    for paragraph in paragraphs[number + 1 :]:
        following = text[paragraph.start() : paragraph.end()].lstrip()
        if following:
            return reopens(following)
    return False


def _single_mark(text: str, i: int) -> str:
    """What the single mark at ``text[i]`` can be: ``open``, ``close``, ``weak_close`` or ``""``.

    ``‘`` opens (it is never an apostrophe). ``’`` and ``'`` are apostrophes between two letters ("don't",
    "O'Brien") or before a letter or digit ("'90s"); they close after a non-space before a space or
    punctuation, weakly after an ``s`` before a word, where a plural possessive ("the soldiers' families")
    looks the same. A straight ``'`` opens only after a space (or a line start, bracket, dash or double
    mark) and before a letter.
    """
    mark = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark == SINGLE_OPEN:
        return "open" if not after.isspace() else ""
    if mark == STRAIGHT_SINGLE and (before.isspace() or before in "([{—–-/\"") and after.isalpha():
        return "open"
    if before.isspace() or after.isalnum():
        return ""
    next_word = text[i + 1 : i + 3]
    if before in "sS" and next_word[:1].isspace() and next_word[1:2].isalnum():
        return "weak_close"
    return "close"


def _single_quote_spans(view: str, original: str) -> list[tuple[int, int]]:
    """Single quotations (curly ``‘…’`` or straight ``'…'``), paired within a paragraph.

    An opening mark pairs with the next closing mark of its own form (curly with curly, straight with
    straight). A possessive-looking closer (``s’`` before a word) closes only when no clean closer follows
    before the next opening mark or the paragraph's end. A ``‘`` never closed that opens the paragraph, follows a
    colon, or is reopened by the next paragraph runs on into the next paragraph. Marks are looked for only where the view has a straightened mark, so
    the blanked header of a document is skipped. Unpaired marks are dropped.
    """
    spans = []
    paragraphs = list(re.finditer(r"[^\n]+", view))
    for number, paragraph in enumerate(paragraphs):
        offset, end = paragraph.start(), paragraph.end()
        open_at, form, weak = None, "", None
        for i in range(offset, end):
            if view[i] != STRAIGHT_SINGLE or original[i] not in SINGLE_MARKS:
                continue
            role = _single_mark(original, i)
            this_form = "straight" if original[i] == STRAIGHT_SINGLE else "curly"
            if role == "open":
                if open_at is not None and weak is not None:
                    spans.append((open_at, weak + 1))
                open_at, form, weak = i, this_form, None
            elif open_at is not None and this_form == form and role == "close" and i - open_at > 2:
                spans.append((open_at, i + 1))
                open_at, weak = None, None
            elif open_at is not None and this_form == form and role == "weak_close" and weak is None:
                weak = i
        if open_at is not None and weak is not None:
            spans.append((open_at, weak + 1))
        elif open_at is not None and form == "curly" and _runs_on(
            view[offset:open_at], paragraphs, number, original, lambda next_text: next_text.startswith(SINGLE_OPEN)
        ):
            # as for double marks (British copy's "She said: ‘We will stay.<break>‘We have ...’")
            spans.append((open_at, offset + len(view[offset:end].rstrip())))
    return spans


def _inner(quote: tuple[int, int], view: str) -> tuple[int, int]:
    """The quotation's text without its marks."""
    start, end = quote
    start += 2 if view[start : start + 2] in ("''", "``") else 1
    if view[end - 2 : end] == "''" and end - 2 >= start:
        return start, end - 2
    return start, end - 1 if view[end - 1] in VIEW_QUOTE_MARKS and end - 1 >= start else end


def word_count(doc: Doc, span: tuple[int, int]) -> int:
    chunk = doc.char_span(*span, alignment_mode="contract")
    return 0 if chunk is None else sum(1 for t in chunk if not (t.is_punct or t.is_space))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
