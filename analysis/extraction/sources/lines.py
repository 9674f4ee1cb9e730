"""The lines of an article as printed: which line an offset is on, and whether a line is a headline, a byline, a
caption, a crawled link or other page furniture rather than running copy.

A line is the text between two line breaks. Sourcing reads lines because the small model parses a headline
and the paragraph under it as one sentence: "Mayor Shuts Bridge For Repairs<break>Officials said ..." would
otherwise make the whole headline the speaker. The tests are generic, read from the line alone:

* a *headline-like* line ends without sentence punctuation and either has mostly capitalised words (a
  headline, title, byline or caption: "Council Votes To Close Library", "By Ana Ruiz"), or is followed by a
  line that begins a sentence (a capital), or is short and followed by a paragraph break;
* a *link* line begins with a page label and a colon or a dash ("Related: ...", "READ MORE - ...";
  ``link_labels`` in ``furniture.yaml``): a crawled "related story" link glued into the copy; it is one kind of
  *furniture* line ("Advertisement", share buttons, photo credits), which
  :mod:`analysis.extraction.linguistics.furniture` recognises for every stage.

Not decided here: datelines at a paragraph's start ("LONDON (Reuters) -") and furniture inside a line of copy.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from analysis.extraction.linguistics.furniture import is_furniture_line, is_link_line

#: A headline-like line has at most this many words.
MAX_HEADLINE_WORDS = 20
#: A short line before a paragraph break has at most this many words.
MAX_SHORT_LINE_WORDS = 12
#: Share of a line's longer words (see :data:`MIN_CAPITALISED_LENGTH`) that begin with a capital for title case.
TITLE_CASE_SHARE = 0.6
#: Words this long or longer count for title case (so "of", "to", "a" never do).
MIN_CAPITALISED_LENGTH = 4
#: Characters that end a line of running copy (a sentence or a quotation ends there).
SENTENCE_END = frozenset(".!?:;\"'\u201d\u2019)")
#: A word: letters, with inner apostrophes and hyphens.
WORD = re.compile(r"[^\W\d_](?:[\w'\u2019-]*\w)?")


@dataclass(frozen=True)
class Lines:
    """The lines of one text (the parse's view of it: same offsets as the original)."""

    text: str

    @cached_property
    def breaks(self) -> tuple[int, ...]:
        """Offsets of the line breaks, in order."""
        return tuple(m.start() for m in re.finditer("\n", self.text))

    def line_of(self, offset: int) -> int:
        """The number of the line holding ``offset`` (0-based)."""
        return bisect.bisect_right(self.breaks, offset - 1) if offset > 0 else 0

    def bounds(self, line: int) -> tuple[int, int]:
        """``(start, end)`` of a line, its final line break left out."""
        start = self.breaks[line - 1] + 1 if line > 0 else 0
        end = self.breaks[line] if line < len(self.breaks) else len(self.text)
        return start, end

    def is_headline(self, line: int) -> bool:
        """A headline, title, byline or caption: see the module docstring. An empty line is not one."""
        start, end = self.bounds(line)
        written = self.text[start:end].strip()
        if not written or written[-1] in SENTENCE_END:
            return False
        words = WORD.findall(written)
        if not words or len(words) > MAX_HEADLINE_WORDS:
            return False
        long_words = [w for w in words if len(w) >= MIN_CAPITALISED_LENGTH] or words
        title_case = sum(w[0].isupper() for w in long_words) >= TITLE_CASE_SHARE * len(long_words)
        short = len(words) <= MAX_SHORT_LINE_WORDS
        return title_case or self._before_new_sentence(end) or (short and self._before_paragraph_break(end))

    def is_link(self, line: int) -> bool:
        """A crawled link: the line begins with a page label ("Related", "Read more") and a colon or dash."""
        start, end = self.bounds(line)
        return is_link_line(self.text[start:end])

    def is_furniture(self, line: int) -> bool:
        """Page furniture: a link, "Advertisement", share buttons, a prompt, a photo credit
        (:func:`~analysis.extraction.linguistics.furniture.is_furniture_line`)."""
        start, end = self.bounds(line)
        return is_furniture_line(self.text[start:end])

    def is_copy(self, line: int) -> bool:
        """Neither headline-like nor furniture: a line of running copy."""
        known = self._copy.get(line)
        if known is None:
            known = self._copy[line] = not (self.is_headline(line) or self.is_furniture(line))
        return known

    def runs_on(self, line: int) -> bool:
        """Whether ``line`` and the next are one paragraph wrapped by its printer: both are copy, and ``line`` ends
        with no sentence punctuation while the next goes on in lower case. Any other line break (a blank line,
        a finished sentence, a caption, a list item) ends a paragraph."""
        if line + 1 > len(self.breaks):
            return False
        start, end = self.bounds(line)
        written, following = self.text[start:end].rstrip(), self.text[end + 1 : self.bounds(line + 1)[1]].lstrip()
        return bool(written) and written[-1] not in SENTENCE_END and following[:1].islower() and (
            self.is_copy(line) and self.is_copy(line + 1))

    def paragraph_of(self, line: int) -> int:
        """The first line of the paragraph holding ``line`` (lines a printer wrapped are one: :meth:`runs_on`).
        Remembered for every line walked over, so that asking of every line of a text costs one pass."""
        walked = []
        while line not in self._paragraph and line > 0 and self.runs_on(line - 1):
            walked.append(line)
            line -= 1
        first = self._paragraph.get(line, line)
        for seen in walked + [line]:
            self._paragraph[seen] = first
        return first

    @cached_property
    def _paragraph(self) -> dict[int, int]:
        return {}

    @cached_property
    def _copy(self) -> dict[int, bool]:
        # what is_copy decided of each line asked about: stages ask it once per name or quotation, and a line
        # holds many
        return {}

    def _before_new_sentence(self, end: int) -> bool:
        """Whether the next line begins a sentence (a capital, or a quotation mark and a capital): a line of
        copy wrapped by its printer runs on into the next in lower case."""
        rest = self.text[end : end + 200].lstrip()
        return bool(re.match(r"[\"'\u201c\u2018]?[A-Z]", rest)) and end < len(self.text)

    def _before_paragraph_break(self, end: int) -> bool:
        """Whether a blank line (or the end of the text) follows the line ending at ``end``."""
        rest = self.text[end : end + 200]
        return end >= len(self.text) or bool(re.match(r"\n[ \t]*\n", rest))
