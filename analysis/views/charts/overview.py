"""Charts of the overview notebook: actor mentions by side, sentence lengths."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.catalogue.actors import (
    Catalogue,
)
from analysis.views.charts.base import (
    Palette,
    barh_labelled,
    coverage,
    new_figure,
    SIDE,
    resolve_palette,
    side_legend,
)


def actor_mentions_by_side(
    mention_counts: pd.DataFrame, *, top: int = 15, palette: Palette | Catalogue | None = None,
    articles: int | None = None, side_name: str = SIDE,
) -> Figure:
    """Horizontal bars: how often each catalogued actor is mentioned, coloured by side.

    Args:
        mention_counts: a table with columns ``actor``, ``side``, ``mentions`` (see
            :func:`analysis.views.summaries.overview.actor_mention_counts`), most mentioned first.
        top: how many actors to show.
        palette: the group colours (a :class:`Palette` or the catalogue); the packaged catalogue's when None.
        articles: how many articles the counts are of (the title speaks of the story for one, else the corpus).
        side_name: what the corpus's beat calls the catalogue's groups in the title and legend (``side`` of a
            war, ``group`` of any other beat: :attr:`analysis.views.beats.BeatView.group_noun`).
    """
    data = mention_counts.head(top).iloc[::-1]
    palette = resolve_palette(palette, data["side"])
    fig, ax = new_figure(7.0, 0.35 * max(len(data), 3) + 1.2)
    if data.empty:
        ax.text(0.5, 0.5, "no mention of a catalogued actor: see the names the catalogue does not know",
                transform=ax.transAxes, ha="center", va="center", color="#555555", wrap=True)
        ax.set_xticks([])
        ax.set_yticks([])
    barh_labelled(ax, data["actor"], data["mentions"], [palette.colour(s) for s in data["side"]])
    ax.set_title(f"Who {coverage(articles)} names, by {side_name}")
    ax.set_xlabel("mentions (count)")
    ax.set_ylabel("actor (canonical name)")
    if len(data):
        side_legend(ax, data["side"][::-1], palette, title=side_name)
        ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


def sentence_lengths(sentences: pd.DataFrame, *, bin_width: int = 5) -> Figure:
    """Histogram of sentence lengths in words, over every document of ``sentences`` (the title says the story's
    when they are of one article)."""
    fig, ax = new_figure(7.0, 3.5)
    longest = int(sentences["n_words"].max()) if len(sentences) else bin_width
    bins = range(0, longest + 2 * bin_width, bin_width)
    ax.hist(sentences["n_words"], bins=bins, color="#4c72b0", edgecolor="white")
    ax.set_title(f"How long are {coverage(sentences['doc_id'].nunique() if 'doc_id' in sentences else None)}'s sentences?")
    ax.set_xlabel(f"sentence length (words, bins of {bin_width})")
    ax.set_ylabel("sentences (count)")
    ax.yaxis.get_major_locator().set_params(integer=True)
    return fig
