"""Charts of the numeric-claims notebook: figures by kind and side, figures by source."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.catalogue.actors import (
    Catalogue,
)
from analysis.views.charts.base import (
    SIDE,
    Palette,
    barh_labelled,
    bucket,
    coverage,
    new_figure,
    resolve_palette,
    side_legend,
    stacked_bars,
)


def figures_by_kind_and_side(counts: pd.DataFrame, *, palette: Palette | Catalogue | None = None,
                             articles: int | None = None, side_name: str = SIDE) -> Figure:
    """Stacked horizontal bars: figures per quantity kind, split by the side of the source that asserts them.

    Args:
        counts: figures per quantity kind (index) and side (columns, `own voice` for unattributed figures),
            see :func:`analysis.extraction.figures.figures_by_kind_and_side`.
        palette: the group colours (a :class:`Palette` or the catalogue); the packaged catalogue's when None.
            Groups of the ``other`` bucket are added into one ``other`` segment.
        articles: how many articles the counts are of (the title speaks of the story for one, else the corpus).
        side_name: what the corpus's beat calls the catalogue's groups in the title and legend (``side`` of a
            war, ``group`` of any other beat: :attr:`analysis.views.beats.BeatView.group_noun`).
    """
    palette = resolve_palette(palette, counts.columns)
    data = bucket(counts, palette, axis="columns").iloc[::-1]
    fig, ax = new_figure(7.0, 0.45 * max(len(data), 3) + 1.4)
    stacked_bars(ax, data, data.columns, palette.colour, horizontal=True)
    ax.set_title(f"What {coverage(articles)}'s figures measure, and who asserts them")
    ax.set_xlabel("figures (count)")
    ax.set_ylabel("quantity kind")
    ax.legend(title=f"asserted by ({side_name})", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


def figures_by_source(
    summary: pd.DataFrame, *, top: int = 12, palette: Palette | Catalogue | None = None,
    articles: int | None = None, side_name: str = SIDE,
) -> Figure:
    """Horizontal bars: figures per source, coloured by the source's side (own voice in dark grey).

    Args:
        summary: columns ``source``, ``side``, ``figures`` (see :func:`analysis.extraction.figures.figures_by_source`;
            rows of one source are added up).
        top: how many sources to show.
        palette: the group colours (a :class:`Palette` or the catalogue); the packaged catalogue's when None.
        articles: how many articles the counts are of (the title speaks of the story for one, else the corpus).
        side_name: what the corpus's beat calls the catalogue's groups in the title and legend (``side`` of a
            war, ``group`` of any other beat: :attr:`analysis.views.beats.BeatView.group_noun`).
    """
    totals = summary.groupby(["source", "side"], sort=False)["figures"].sum().reset_index()
    data = totals.sort_values("figures", ascending=False, kind="stable").head(top).iloc[::-1]
    palette = resolve_palette(palette, data["side"])
    fig, ax = new_figure(7.0, 0.4 * max(len(data), 3) + 1.3)
    colours = [palette.colour(side) for side in data["side"]]
    barh_labelled(ax, data["source"], data["figures"], colours)
    ax.set_title(f"Who carries {coverage(articles)}'s numbers")
    ax.set_xlabel("figures asserted (count)")
    ax.set_ylabel("source")
    side_legend(ax, data["side"][::-1], palette, title=side_name, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig
