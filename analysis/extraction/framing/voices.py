"""Whose words a span is: inside an attribution's content or between quotation marks (quoted), else the
outlet's own voice."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from analysis.extraction.doc_index import DocIndex
from analysis.extraction.sources import Attribution, Contents, Quotations


class Voices:
    """Where the text is someone else's words: attribution contents and quotation-mark spans."""

    def __init__(self, attributions: Sequence[Attribution], quotations: Quotations) -> None:
        self.contents = Contents(attributions)
        self.quotations = quotations
        self._spans = [(a.content_start, a.content_end) for a in attributions] + list(quotations.spans)

    @classmethod
    def of(cls, parsed, attributions: Sequence[Attribution]) -> "Voices":
        # found once per article (the original text tells single quotation marks from apostrophes)
        return cls(attributions, parsed.quotations)

    def voice(self, start: int, end: int) -> tuple[bool, int | None]:
        """``(quoted, attribution_id)`` for the span ``[start, end)``."""
        held = self.contents.holding(start, end)
        if held is not None:
            return True, held.attribution_id
        return self.quotations.holding((start, end)) is not None, None

    def quoted_tokens(self, index: DocIndex) -> list[bool]:
        """For each of a document's tokens (its index), whether it is quoted (as :meth:`voice` says), in one
        pass over the token offsets the index keeps."""
        starts, ends = index.starts, index.ends
        quoted = [False] * len(starts)
        for start, end in self._spans:
            for i in range(bisect.bisect_left(starts, start), bisect.bisect_right(ends, end)):
                quoted[i] = True
        return quoted
