"""Charts: each function takes a table and returns a matplotlib Figure with a title, labelled axes and units.

Functions draw; they do not compute findings (that is the table modules' job) and they do not save files.
Groups (the ``side`` columns: sides of a conflict, parties, companies) get their colours from a
:class:`Palette` made from the actor catalogue, so that every chart of a corpus reads the same way: pass
``palette=catalogue_palette(catalogue)`` (or the catalogue itself) when the corpus has its own ``actors.yaml``.
"""

from analysis.views.charts.base import (
    Palette,
    catalogue_palette,
    group_palette,
    outlet_colours,
    side_colour,
)
from analysis.views.charts.compare import (
    anonymous_by_outlet,
    articles_by_outlet,
    articles_over_time,
    attribution_kinds_by_outlet,
    cues_by_outlet,
    figure_agreement_chart,
    figures_by_outlet,
    framing_over_time,
    own_voice_by_outlet,
    rate_by_outlet,
    shares_by_outlet,
    source_types_by_outlet,
    tone_by_outlet,
    top_sources_by_outlet,
)
from analysis.views.charts.figures import figures_by_kind_and_side, figures_by_source
from analysis.views.charts.framing import (
    actions_by_side,
    cues_by_type_and_voice,
    frame_bars,
    tone_arc,
)
from analysis.views.charts.overview import actor_mentions_by_side, sentence_lengths
from analysis.views.charts.sourcing import (
    attributions_by_side_and_kind,
    claims_by_basis,
)

__all__ = [
    "Palette",
    "actions_by_side",
    "actor_mentions_by_side",
    "anonymous_by_outlet",
    "articles_by_outlet",
    "articles_over_time",
    "attribution_kinds_by_outlet",
    "attributions_by_side_and_kind",
    "catalogue_palette",
    "claims_by_basis",
    "cues_by_outlet",
    "cues_by_type_and_voice",
    "figure_agreement_chart",
    "figures_by_kind_and_side",
    "figures_by_outlet",
    "figures_by_source",
    "frame_bars",
    "framing_over_time",
    "group_palette",
    "outlet_colours",
    "own_voice_by_outlet",
    "rate_by_outlet",
    "sentence_lengths",
    "shares_by_outlet",
    "side_colour",
    "source_types_by_outlet",
    "tone_arc",
    "tone_by_outlet",
    "top_sources_by_outlet",
]
