"""Sourcing: who is quoted or paraphrased, how, and which claims rest on whom.

Produces the ``attributions`` and ``claims`` tables (see :mod:`analysis.schema`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence


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


def containing_attribution(attributions: Sequence[Attribution], start: int, end: int) -> Attribution | None:
    """The attribution whose content span holds ``[start, end)``; the innermost one when they nest."""
    holding = [a for a in attributions if a.content_start <= start and end <= a.content_end]
    return min(holding, key=lambda a: (a.content_end - a.content_start, a.attribution_id), default=None)
