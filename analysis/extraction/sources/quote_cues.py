"""Stage 4 (``quote``): a quotation the parse-based stages did not cover, tied to the nearest reporting verb with a
speaker in its sentence (or a preceding sentence ending with a colon, or a bare "he said" printed after it across
a paragraph break), or, in a headline or caption, to the speaker written before a colon ("Novak on tariffs:
'...'")."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Token

from analysis.extraction.doc_index import Intervals, children_of, doc_index
from analysis.extraction.linguistics.voice import is_passive
from analysis.extraction.sources.contents import trimmed_span
from analysis.extraction.sources.cues import NO_SOURCE_PERSONS, can_hold_stance, speaker_of, stance_of
from analysis.extraction.sources.quotes import VIEW_QUOTE_MARKS, Quotations, word_count
from analysis.extraction.sources.records import Found

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
        if span is None:
            continue
        if cue is None:
            headline = _colon_speaker(doc, quote, view)
            if headline is not None:
                speaker, colon = headline
                found.append(Found("quote", span, (colon.idx, colon.idx + 1), ":", speaker))
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
        and speaker_of(t).lower_ not in NO_SOURCE_PERSONS
    ]
    if not candidates and not _continues_open_quotation(quote, quotes, doc_index(doc).text):
        candidates = _cue_after_break(doc, quote, quotes)
    return min(candidates, key=lambda t: (min(abs(t.idx - quote[0]), abs(t.idx - quote[1])), t.i), default=None)


def _continues_open_quotation(quote: tuple[int, int], quotes: Quotations, view: str) -> bool:
    """Whether a quotation opens its paragraph right after a paragraph whose quotation was left open (the news
    convention for one quotation over several paragraphs: 'A spokesman said: "We acted.<break>"We will go on."'):
    its words are the speaker's of the paragraphs before, whatever a later paragraph's cue says."""
    line_start = view.rfind("\n", 0, quote[0]) + 1
    if view[line_start : quote[0]].strip():
        return False
    before = quotes.before(quote[0])
    # the quotation before ends its own paragraph, with no closing mark: it runs on into this one
    return before is not None and not view[before[1] : line_start].strip() and view[before[1] - 1] not in VIEW_QUOTE_MARKS


def _cue_after_break(doc: Doc, quote: tuple[int, int], quotes: Quotations) -> list[Token]:
    """ "he said" printed after the quotation across a paragraph break: the sentence right after the closing
    mark, with only white space (a line break among it) between, whose reporting verb has a speaker and no
    content of its own (no clause, infinitive or object): "...we will not come back."<break>he said on Monday.
    Not a sentence holding a report with a content of its own ("Mr Lee, speaking earlier, said the plan ...":
    the participle is his, the quotation before is not)."""
    view = doc_index(doc).text
    after = quote[1]
    while after < len(view) and view[after].isspace():
        after += 1
    if after >= len(view) or "\n" not in view[quote[1] : after]:
        return []
    following = doc.char_span(after, after + 1, alignment_mode="expand")
    if following is None:
        return []
    sentence = following[0].sent
    if any(stance_of(t) and any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in children_of(t)) for t in sentence):
        return []
    return [
        t for t in sentence
        if stance_of(t) and not quotes.around(t.idx) and not is_passive(t) and speaker_of(t) is not None
        and speaker_of(t).lower_ not in NO_SOURCE_PERSONS and speaker_of(t).i < t.i + 3
        and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in children_of(t))
    ]


#: The longest line start before a colon read as a headline's speaker ("Minister on tariffs: '...'").
MAX_COLON_PREFIX_WORDS = 12


def _colon_speaker(doc: Doc, quote: tuple[int, int], view: str) -> tuple[Token, Token] | None:
    """A headline or caption that gives its speaker and then a colon: "Mayor on the budget: 'We will cut
    nothing'", "Novak: 'I am staying'". The quotation follows the colon directly, the colon ends a short line
    start with no sentence break, and that line start begins with a name or a noun phrase naming a speaker;
    the speaker is the head of that first noun phrase and the cue is the colon."""
    line_start = view.rfind("\n", 0, quote[0]) + 1
    prefix = view[line_start : quote[0]].rstrip()
    if not prefix.endswith(":") or any(mark in prefix[:-1] for mark in ".!?:;"):
        return None
    span = doc.char_span(line_start, line_start + len(prefix), alignment_mode="expand")
    if span is None or not 1 < len(span) <= MAX_COLON_PREFIX_WORDS or span[-1].text != ":":
        return None
    first = span[0]
    head = first
    while head.head.i != head.i and head.dep_ in ("compound", "amod", "det", "poss", "nmod", "case", "nummod"):
        head = head.head
    if not (span.start <= head.i < span.end - 1) or head.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    if head.pos_ == "PRON" and head.lower_ in NO_SOURCE_PERSONS | {"it", "this", "that"}:
        return None
    if head.pos_ == "NOUN" and first.pos_ != "PROPN" and head.ent_type_ == "":
        speaker = speaker_of_noun(head)
        if speaker is None:
            return None
    return head, span[-1]


def speaker_of_noun(head: Token) -> Token | None:
    """A common-noun speaker at a headline's start ("Police on the fire: ...") when the noun names people or
    bodies (cues.can_hold_stance)."""
    return head if can_hold_stance(head) else None
