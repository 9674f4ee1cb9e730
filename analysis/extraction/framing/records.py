"""The rows of the framing tables: ``cues``, ``tone``, ``actor_tone``, ``actions``, ``frames`` and
``document_frames``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    """One framing cue; the fields are the ``cues`` table's columns after ``doc_id``."""

    sentence_id: int
    start: int
    end: int
    text: str
    cue_id: int
    cue_type: str
    category: str
    lexicon: str
    quoted: bool
    attribution_id: int | None
    target: str
    target_start: int | None
    target_end: int | None
    target_side: str


@dataclass(frozen=True)
class Tone:
    """VADER tone of one sentence; the fields are the ``tone`` table's columns after ``doc_id``."""

    sentence_id: int
    start: int
    end: int
    text: str
    compound: float
    compound_unadjusted: float
    moved_by: str
    valence_words: str
    quoted_share: float
    own_voice: bool


@dataclass(frozen=True)
class ActorTone:
    """Mean tone of the own-voice sentences that mention one actor (the ``actor_tone`` table)."""

    actor: str
    side: str
    sentences: int
    compound_mean: float
    compound_unadjusted_mean: float


@dataclass(frozen=True)
class Action:
    """Who does what to whom in one clause; the fields are the ``actions`` table's columns after ``doc_id``."""

    sentence_id: int
    start: int
    end: int
    text: str
    action_id: int
    verb: str
    verb_phrase: str
    verb_class: str
    voice: str
    agentless: bool
    agent: str
    agent_start: int | None
    agent_end: int | None
    agent_side: str
    agent_rule: str
    patient: str
    patient_start: int | None
    patient_end: int | None
    patient_side: str
    quoted: bool
    attribution_id: int | None


@dataclass(frozen=True)
class SentenceFrame:
    """Hits of one frame's cue words in one sentence (the ``frames`` table)."""

    sentence_id: int
    start: int
    end: int
    text: str
    scheme: str
    frame: str
    hits: int
    cue_words: str


@dataclass(frozen=True)
class DocumentFrame:
    """One frame's score over a whole document (the ``document_frames`` table)."""

    scheme: str
    frame: str
    hits: int
    sentences: int
    sentence_share: float
    hits_per_1000_words: float
