"""The rows sourcing produces (``attributions``, ``claims``) and the relation a stage finds before its
speaker is resolved."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token


@dataclass(frozen=True)
class Attribution:
    """One attribution relation; the fields are the ``attributions`` table's columns after ``doc_id``."""

    sentence_id: int
    start: int
    end: int
    text: str
    attribution_id: int
    kind: str
    speaker: str
    speaker_start: int | None
    speaker_end: int | None
    source: str
    source_type: str
    role: str
    side: str
    cue: str
    cue_start: int
    cue_end: int
    cue_lemma: str
    cue_stance: str
    content: str
    content_start: int
    content_end: int
    via: str
    addressee: str
    name_variant: str
    speaker_resolution: str


@dataclass(frozen=True)
class ClaimRow:
    """One claim; the fields are the ``claims`` table's columns after ``doc_id``."""

    sentence_id: int
    start: int
    end: int
    text: str
    claim_id: int
    basis: str
    attribution_id: int | None
    source: str
    side: str
    source_type: str


@dataclass(frozen=True)
class Found:
    """A relation before its speaker is resolved: token and character positions only."""

    stage: str
    content: tuple[int, int]
    cue: tuple[int, int] | None = None
    cue_lemma: str = ""
    speaker: Token | None = None
    addressee: Token | None = None
    kind: str = ""
    via: str = ""
