"""Every framing table's rows for one document."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.doc_index import doc_index
from analysis.framing.actions import action_rows
from analysis.framing.cues import cue_rows
from analysis.framing.frames import document_frame_rows, frame_rows
from analysis.framing.tone import actor_tone_rows, tone_rows
from analysis.sources import Attribution


def framing_rows(parsed, mentions: Sequence, attributions: Sequence[Attribution] = ()) -> dict[str, list]:
    """Every framing table's rows for one parsed document, keyed by table name."""
    tones = tone_rows(parsed, attributions)
    sentence_frames = frame_rows(parsed)
    n_words = sum(1 for t in doc_index(parsed.doc).tokens if not (t.is_punct or t.is_space))
    return {
        "cues": cue_rows(parsed, mentions, attributions),
        "tone": tones,
        "actor_tone": actor_tone_rows(mentions, tones),
        "actions": action_rows(parsed, attributions),
        "frames": sentence_frames,
        "document_frames": document_frame_rows(sentence_frames, len(parsed.sentences), n_words),
    }
