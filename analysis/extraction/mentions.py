"""The ``sentences`` and ``mentions`` tables: each sentence of the parse, and each named entity with the
catalogue's actor where the catalogue knows it. Numbers and dates are not mentions: they go to ``figures`` and
``time_expressions``."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from analysis.catalogue.actors import UNKNOWN_SIDE
from analysis.extraction.doc_index import DocIndex, doc_index
from analysis.extraction.parsed import ParsedDocument

#: Entity labels that name actors, places and groups; numbers and dates go to their own tables.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


@dataclass(frozen=True)
class SentenceRow:
    sentence_id: int
    start: int
    end: int
    text: str
    n_words: int


@dataclass(frozen=True)
class MentionRow:
    sentence_id: int
    start: int
    end: int
    text: str
    label: str
    actor: str
    actor_type: str
    side: str
    alias_kind: str


def sentence_rows(parsed: ParsedDocument) -> list[SentenceRow]:
    """One row per sentence, trimmed of surrounding space."""
    doc, text, words = parsed.doc, parsed.text, doc_index(parsed.doc).is_word
    rows = []
    for sentence_id, (start, end) in enumerate(zip(parsed.sentences.starts, parsed.sentences.ends)):
        span = doc.char_span(start, end, alignment_mode="expand")
        rows.append(SentenceRow(sentence_id, start, end, text[start:end], sum(words[span.start : span.end])))
    return rows


def mention_rows(parsed: ParsedDocument) -> list[MentionRow]:
    """One row per named entity (not numbers or dates), with the catalogue's actor where it has one.

    A leading "the" and a trailing possessive are not part of the mention ("the Kremlin's" -> "Kremlin").
    """
    rows, index = [], doc_index(parsed.doc)
    # the entities as the index read them once (``Doc.ents`` builds them anew on every access)
    for ent in index.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        span = _trim_mention(ent, index)
        if span is None:
            continue
        start, end = span
        text = parsed.text[start:end]
        actor, kind = None, ""
        if ent.ent_id_:
            actor = parsed.catalogue.get(ent.ent_id_)
            hit = parsed.catalogue.lookup(text)
            kind = hit[1] if hit and actor and hit[0].id == actor.id else "alias"
        elif (hit := parsed.catalogue.lookup(text)) is not None:
            actor, kind = hit
        rows.append(
            MentionRow(
                sentence_id=parsed.sentences.sentence_id(start),
                start=start,
                end=end,
                text=text,
                label=ent.label_,
                actor=actor.name if actor else "",
                actor_type=actor.type if actor else "",
                side=actor.side if actor else UNKNOWN_SIDE,
                alias_kind=kind,
            )
        )
    return rows


def _trim_mention(ent: Span, index: DocIndex) -> tuple[int, int] | None:
    """The character span ``(start, end)`` of ``ent`` without a leading "the" and a trailing possessive, or None
    when no word is left. Words are read from the document's ``index`` (``doc[i]`` made a new Token per word and
    a Span per mention)."""
    words = index.tokens
    start, end = ent.start, ent.end
    while start < end and words[start].lower_ == "the":
        start += 1
    while end > start and words[end - 1].tag_ == "POS":
        end -= 1
    return (index.starts[start], index.ends[end - 1]) if end > start else None

