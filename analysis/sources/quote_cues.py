"""Stage 4 (``quote``): a quotation the parse-based stages did not cover, tied to the nearest reporting verb with a
speaker in its sentence (or a preceding sentence ending with a colon)."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Token

from analysis.doc_index import Intervals, children_of, doc_index
from analysis.linguistics.voice import is_passive
from analysis.sources.contents import trimmed_span
from analysis.sources.cues import FIRST_PERSON, speaker_of, stance_of
from analysis.sources.quotes import Quotations, word_count
from analysis.sources.records import Found

#: A quotation needs this many words to be a statement rather than a scare quote or a title.
MIN_QUOTE_WORDS = 4


def quote_stage(doc: Doc, quotes: Quotations, covered: Sequence[tuple[int, int]]) -> list[Found]:
    """Stage 4: quotations not yet covered, tied to the nearest reporting verb with a speaker in the sentence.

    A quotation with no cue there is left to the floating stage (if it reads as a statement) or dropped (scare
    quotes, titles).
    """
    found, view = [], doc_index(doc).text
    taken = Intervals([(c[0], c[1], c) for c in covered])
    for quote, inner in zip(quotes.spans, quotes.inners):
        if taken.overlapping(*inner) or word_count(doc, inner) < MIN_QUOTE_WORDS:
            continue
        cue = _nearest_cue(doc, quote, inner, quotes)
        span = trimmed_span(view, *inner)
        if cue is None or span is None:
            continue
        addressee = next((c for c in children_of(cue) if c.dep_ in ("dobj", "dative") and cue.lemma_ == "tell"), None)
        found.append(
            Found("quote", span, (cue.idx, cue.idx + len(cue)), cue.lemma_.lower(), speaker_of(cue), addressee)
        )
    return found


def _nearest_cue(doc: Doc, quote: tuple[int, int], inner: tuple[int, int], quotes: Quotations) -> Token | None:
    # the closing mark may be parsed into the next sentence: look at the words inside the marks
    first = doc.char_span(*inner, alignment_mode="expand")
    if first is None or not len(first):
        return None
    sentences = [first[0].sent, first[-1].sent]
    previous = doc[first[0].sent.start - 1].sent if first[0].sent.start > 0 else None
    if previous is not None and previous.text.rstrip().endswith(":"):
        sentences.append(previous)
    candidates = [
        t
        for sent in sentences
        for t in sent
        if stance_of(t) and not quotes.around(t.idx) and not is_passive(t) and speaker_of(t) is not None
        and speaker_of(t).lower_ not in FIRST_PERSON
    ]
    return min(candidates, key=lambda t: (min(abs(t.idx - quote[0]), abs(t.idx - quote[1])), t.i), default=None)
