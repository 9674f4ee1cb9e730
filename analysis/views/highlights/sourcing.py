"""Highlighting of sourcing in the rendered article: contents by kind, speakers and cues by stance."""

from __future__ import annotations

import pandas as pd

from analysis.views.render import Layer
from analysis.views.summaries.sourcing import KINDS

#: Highlight styles of the rendered article, per attribution kind.
KIND_STYLES = {
    "direct": "background: #c6e2ff",
    "mixed": "background: #e3d4f5",
    "indirect": "background: #fde9b8",
    "according_to": "background: #d4f0d4",
}


def attribution_layers(attributions: pd.DataFrame) -> list[Layer]:
    """Highlight layers for :func:`analysis.views.render.highlight`: content by kind, speakers and cues outlined."""
    speakers = attributions.dropna(subset=["speaker_start"])
    return [
        Layer(attributions, "kind", KIND_STYLES, "content (by kind)", start="content_start", end="content_end",
              tooltip="source"),
        Layer(speakers, "kind", {k: "border-bottom: 2px solid #333; font-weight: bold" for k in KINDS},
              "speaker", start="speaker_start", end="speaker_end", tooltip="source"),
        Layer(attributions[attributions["cue"] != ""], "cue_stance",
              {"neutral": "font-style: italic; text-decoration: underline",
               "distancing": "font-style: italic; text-decoration: underline wavy #c00",
               "emphatic": "font-style: italic; text-decoration: underline double"},
              "cue (by stance)", start="cue_start", end="cue_end", tooltip="cue_lemma"),
    ]
