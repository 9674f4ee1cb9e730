"""Framing: how the story itself speaks. Cues (hedges, boosters, loaded, emotional and evaluative words,
metonyms), tone per sentence and per actor, who acts upon whom, and generic frame scores.

Produces the ``cues``, ``tone``, ``actor_tone``, ``actions``, ``frames`` and ``document_frames`` tables (see
:mod:`analysis.building.schema`), one module each (:mod:`.cues`, :mod:`.tone`, :mod:`.actions`, :mod:`.frames`). Every
function reads the one parse; none re-parses text.

Whose words a span is (:mod:`.voices`): a span is ``quoted`` when it lies inside the content of an attribution
(direct or reported speech, ``according to``: the ``attributions`` table) or between quotation marks (a direct
quote the sourcing table missed, or scare quotes: either way the outlet presents the words as someone else's).
Otherwise it is the outlet's own voice. With no attributions, only quotation marks count, so reported speech
without quotation marks reads as own voice until the sourcing table is available. The voice of a verb, what a
relative pronoun stands for and the side a phrase names are decided in :mod:`analysis.extraction.linguistics`, as for
sourcing.

Notes:
    Lexicons are data files under ``analysis/data/`` (:mod:`.lexicons`), each with its source and licence in
    its header. Cue matching (:mod:`.matching`) is by word form or spaCy lemma, longest match first; it does not
    see negation ("not angry" is an emotion cue), irony or sense ("a storm" the weather is excluded only where
    the lexicon restricts the part of speech). A lexicon reports cues; it cannot say whether a text is
    propaganda: the best systems of SemEval-2023 Task 3 reach a micro-F1 of about 0.43 on English persuasion
    techniques.
"""

from analysis.extraction.framing.actions import action_rows, agent_of, patient_of
from analysis.extraction.framing.cues import CUE_TYPES, cue_rows
from analysis.extraction.framing.frames import document_frame_rows, frame_rows
from analysis.extraction.framing.lexicons import (
    CUE_LEXICONS,
    FRAME_LEXICONS,
    HEARSAY_HEDGE_LEXICON,
    METONYMY_LEXICON,
    TONE_ADJUSTMENT,
    VERB_CLASSES,
    Term,
    cue_lexicons,
    epistemic_words,
    frame_lexicons,
    load_tone_adjustment,
    term_words,
    verb_classes,
)
from analysis.extraction.framing.matching import TermIndex, match_terms
from analysis.extraction.framing.phrases import Phrase, side_of_tokens
from analysis.extraction.framing.records import Action, ActorTone, Cue, DocumentFrame, SentenceFrame, Tone
from analysis.extraction.framing.tone import actor_tone_rows, text_tone, tone_rows
from analysis.extraction.framing.voices import Voices
from analysis.extraction.linguistics.voice import is_passive

__all__ = [
    "CUE_LEXICONS", "CUE_TYPES", "FRAME_LEXICONS", "HEARSAY_HEDGE_LEXICON", "METONYMY_LEXICON", "TONE_ADJUSTMENT",
    "VERB_CLASSES", "Action", "ActorTone", "Cue", "DocumentFrame", "Phrase", "SentenceFrame", "Term", "TermIndex",
    "Tone", "Voices", "action_rows", "actor_tone_rows", "agent_of", "cue_lexicons", "cue_rows",
    "document_frame_rows", "epistemic_words", "frame_lexicons", "frame_rows", "is_passive",
    "load_tone_adjustment", "match_terms", "patient_of", "side_of_tokens", "term_words", "text_tone", "tone_rows",
    "verb_classes",
]
