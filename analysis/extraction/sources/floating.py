"""Stage 6 (``floating``): a quotation standing as its own sentence with no cue inherits the previous speaker,
or the person the sentence just before it narrates about."""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from analysis.catalogue.actors import UNKNOWN_SIDE
from analysis.extraction.doc_index import Intervals, children_of, doc_index
from analysis.extraction.sources.contents import trimmed_span
from analysis.extraction.sources.quote_cues import MIN_QUOTE_WORDS
from analysis.extraction.sources.quotes import VIEW_QUOTE_MARKS, Quotations, word_count
from analysis.extraction.sources.records import Attribution
from analysis.extraction.sources.speakers import UNRESOLVED, SpeakerResolver

#: A floating quotation inherits a speaker from at most this many sentences back.
FLOATING_REACH = 3


def floating_stage(parsed, quotes: Quotations, rows: list[Attribution], resolver: SpeakerResolver) -> list[Attribution]:
    """Stage 6: a quotation standing as its own sentence, with no cue, inherits the previous speaker, or the
    person the sentence just before it narrates about (:func:`_narrated_person`).

    With no speaker within reach it is kept as a quotation with no source (``source`` empty).
    """
    doc, view, text = parsed.doc, parsed.view, parsed.text
    rows = list(rows)
    # a report inside a quotation leaves the quotation to its own speaker
    spans: Intervals[Attribution] = Intervals([
        (r.start, r.end, r) for r in rows if not quotes.reports_inside((r.cue_start, r.cue_end) if r.cue else None)])
    # the speakers a floating quotation can inherit: the first quoting row to end at each offset
    speaker_ends: list[int] = []
    speaker_at: dict[int, Attribution] = {}

    def remember(row: Attribution) -> None:
        if row.source and row.kind in ("direct", "mixed") and row.content_end not in speaker_at and not (
            quotes.reports_inside((row.cue_start, row.cue_end) if row.cue else None)
        ):
            speaker_at[row.content_end] = row
            bisect.insort(speaker_ends, row.content_end)

    for row in rows:
        remember(row)
    # where the relations' cues are: a sentence holding one reports, and narrates about nobody
    cues = sorted(r.cue_start for r in rows if r.cue)
    for quote, words in zip(quotes.spans, quotes.inners):
        inner = trimmed_span(view, *words)
        if inner is None or spans.overlapping(*inner):
            continue
        before = _previous_char(view, quote[0])
        line_end = view.find("\n", quote[1])
        after = view[quote[1] : line_end if line_end >= 0 else len(view)].strip()
        standalone = (not before or before in ".!?\n:") and (not after or after[0].isupper() or after[0] in VIEW_QUOTE_MARKS)
        if not standalone or word_count(doc, inner) < MIN_QUOTE_WORDS:
            continue
        sentence = parsed.sentences.sentence_id(inner[0])
        at = bisect.bisect_right(speaker_ends, quote[0]) - 1
        last = speaker_at[speaker_ends[at]] if at >= 0 else None
        subject = _narrated_person(parsed, resolver, quote[0], cues)
        if subject is not None:
            speaker = resolver.resolve(subject)
            source = dict(source=speaker.source, source_type=speaker.source_type, role=speaker.role,
                          side=speaker.side, name_variant=speaker.name_variant)
            source_sentence, resolution = parsed.sentences.sentence_id(subject.idx), "inherited"
        elif last is not None and parsed.sentences.sentence_id(last.content_end) >= sentence - FLOATING_REACH:
            source = {k: getattr(last, k) for k in ("source", "source_type", "role", "side", "name_variant")}
            source_sentence, resolution = last.sentence_id, "inherited"
        else:
            source = dict(source="", source_type=UNRESOLVED, role="", side=UNKNOWN_SIDE, name_variant="")
            source_sentence, resolution = sentence, "none"
        rows.append(
            Attribution(
                sentence_id=source_sentence, start=inner[0], end=inner[1], text=text[inner[0] : inner[1]],
                attribution_id=0, kind="direct", speaker="", speaker_start=None, speaker_end=None, **source,
                cue="", cue_start=inner[0], cue_end=inner[0], cue_lemma="", cue_stance="neutral",
                content=text[inner[0] : inner[1]], content_start=inner[0], content_end=inner[1], via="",
                addressee="", speaker_resolution=resolution,
            )
        )
        spans.add(rows[-1].start, rows[-1].end, rows[-1])
        remember(rows[-1])
    return rows


def _narrated_person(
    parsed, resolver: SpeakerResolver, offset: int, cues: list[int]
) -> Token | None:
    """The person a narrating sentence just before a quotation is about, who speaks it: "Her son Tom Ruiz Jr.
    leaned into the "timing". "The timing is amazing."" The sentence ends right before the quotation (a
    paragraph break between them allowed), holds no relation's cue (``cues``: their starts, sorted; a quoted
    word is fine), and its main clause's subject names a person (itself, or in apposition: "Her son Tom Ruiz
    Jr.") or is a he/she. None otherwise, and the quotation inherits the previous speaker."""
    doc, view = parsed.doc, parsed.view
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    index = doc_index(doc)
    sentence = index.sentence_of(span[0].i)
    if sentence == 0 or index.sentence_starts[sentence] != span[0].i:
        return None
    first, last = index.sentence_starts[sentence - 1], span[0].i
    start = index.tokens[first].idx
    # the narrating words are those on the sentence's last line (a closing mark may open the sentence's span)
    start += view[start:offset].rstrip().rfind("\n") + 1
    root = next((t for t in index.tokens[first:last] if t.dep_ == "ROOT" and t.idx >= start), None)
    subject = next((c for c in children_of(root) if c.dep_ == "nsubj"), None) if root is not None else None
    k = bisect.bisect_left(cues, start)
    if subject is None or (k < len(cues) and cues[k] < offset):
        return None  # a reporting sentence has its own relation, and the previous speaker is its speaker
    if subject.lower_ in ("he", "she") or resolver.names_person(subject):
        return subject
    # "Her son, Tom Ruiz, leaned ...": the name in apposition to the subject
    return next((c for c in children_of(subject) if c.dep_ == "appos" and resolver.names_person(c)), None)


def _previous_char(view: str, offset: int) -> str:
    """The last character before ``offset`` that is not a space or tab; empty at the start of the text."""
    i = offset - 1
    while i >= 0 and view[i] in " \t":
        i -= 1
    return view[i] if i >= 0 else ""
