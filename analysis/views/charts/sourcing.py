"""Charts of the sourcing notebook: attributions by side and kind, what claims rest on."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.catalogue.actors import (
    Catalogue,
)
from analysis.views.charts.base import (
    FALLBACK_COLOUR,
    SIDE,
    Palette,
    barh_labelled,
    bucket,
    coverage,
    new_figure,
    resolve_palette,
    stacked_bars,
)

#: One colour per attribution kind, from most to least direct.
KIND_COLOURS = {"direct": "#08519c", "mixed": "#6a51a3", "indirect": "#fd8d3c", "according_to": "#31a354"}


def attributions_by_side_and_kind(counts: pd.DataFrame, *, palette: Palette | Catalogue | None = None,
                                  articles: int | None = None, side_name: str = SIDE) -> Figure:
    """Stacked bars: attributions per side, split by kind (how directly each side is quoted).

    Args:
        counts: attributions per side (index) and kind (columns), see
            :func:`analysis.views.summaries.sourcing.side_kind_counts`.
        palette: the group colours (a :class:`Palette` or the catalogue); the packaged catalogue's when None.
            Groups of the ``other`` bucket are added into one ``other`` bar.
        articles: how many articles the counts are of (the title speaks of the story for one, else the corpus).
        side_name: what the corpus's beat calls the catalogue's groups in the title and legend (``side`` of a
            war, ``group`` of any other beat: :attr:`analysis.views.beats.BeatView.group_noun`).
    """
    palette = resolve_palette(palette, counts.index)
    counts = bucket(counts, palette, axis="index")
    fig, ax = new_figure()
    stacked_bars(ax, counts, counts.columns, lambda kind: KIND_COLOURS.get(kind, FALLBACK_COLOUR))
    for label, side in zip(ax.get_xticklabels(), counts.index):
        label.set_color(palette.colour(side))
    ax.set_title(f"Who gets quoted in {coverage(articles)}, by {side_name} and how directly")
    ax.set_xlabel(f"{side_name} of the source")
    ax.set_ylabel("attributions (count)")
    ax.legend(title="kind", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.yaxis.get_major_locator().set_params(integer=True)
    return fig


def claims_by_basis(counts: pd.DataFrame, *, articles: int | None = None) -> Figure:
    """Horizontal bars: how many claims rest on each kind of source, or on none.

    Args:
        counts: columns ``rests_on`` and ``claims``, see :func:`analysis.views.summaries.sourcing.claim_basis_counts`.
        articles: how many articles the counts are of (the title speaks of the story for one, else the corpus).
    """
    data = counts.iloc[::-1]
    fig, ax = new_figure(7.5, 0.45 * max(len(data), 3) + 1.3)
    barh_labelled(ax, data["rests_on"], data["claims"], "#4c72b0", width=48)
    ax.set_title(f"What {coverage(articles)}'s claims rest on")
    ax.set_xlabel("claims (count)")
    ax.set_ylabel("the claim rests on")
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig
