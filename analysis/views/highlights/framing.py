"""Highlighting of framing cues in the rendered article, over shaded attributed content."""

from __future__ import annotations

import pandas as pd

from analysis.views.render import Layer

#: Highlight styles of cue types in the rendered article (one colour per type).
CUE_STYLES = {
    "hedge": "background: #fff3b0",
    "booster": "background: #ffd6a5",
    "loaded": "background: #ffadad",
    "emotion": "background: #ffc6ff",
    "evaluative": "background: #caffbf",
    "metonymy": "border-bottom: 2px solid #4c72b0",
}
#: Quote spans are shaded grey so the reader sees whose words a cue is in.
QUOTE_STYLES = {kind: "background: #ececec" for kind in ("direct", "indirect", "mixed", "according_to")}


def cue_layers(cues: pd.DataFrame, attributions: pd.DataFrame) -> list[Layer]:
    """Highlight layers for one document: attribution contents shaded, cues coloured by type."""
    quotes = Layer(attributions, "kind", QUOTE_STYLES, "quoted or attributed content (shaded)",
                   start="content_start", end="content_end", tooltip="source")
    marked = Layer(cues, "cue_type", CUE_STYLES, "framing cue", tooltip="category")
    return [quotes, marked]
