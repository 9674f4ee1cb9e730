"""Charts: each function takes a table and returns a matplotlib Figure with a title, labelled axes and units.

Functions draw; they do not compute findings (that is the table modules' job) and they do not save files.
Colours for sides are fixed so that every chart of the package reads the same way.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

#: One colour per side, the same in every chart; sides not listed get the fallback.
SIDE_COLOURS = {"Ukraine": "#1f77b4", "Russia": "#d62728", "other": "#7f7f7f", "unknown": "#c7c7c7"}
FALLBACK_COLOUR = "#9467bd"


def side_colour(side: str) -> str:
    """The chart colour of a side."""
    return SIDE_COLOURS.get(side, FALLBACK_COLOUR)


def _new_figure(width: float = 7.0, height: float = 4.0) -> tuple[Figure, plt.Axes]:
    # Made through pyplot so that a notebook's inline backend knows how to draw it, then released from pyplot
    # at once: the figure is shown once (as the cell's value) and is freed when dropped.
    fig = plt.figure(figsize=(width, height), dpi=100, layout="constrained")
    plt.close(fig)
    return fig, fig.subplots()


def _side_legend(ax: plt.Axes, sides, **kwargs) -> None:
    """A legend with one patch per side, in order of first appearance."""
    handles = [Patch(color=side_colour(side), label=side) for side in dict.fromkeys(sides)]
    ax.legend(handles=handles, title="side", loc=kwargs.pop("loc", "lower right"), **kwargs)


# --- overview ----------------------------------------------------------------------------------------------------


def actor_mentions_by_side(mention_counts: pd.DataFrame, *, top: int = 15) -> Figure:
    """Horizontal bars: how often each catalogued actor is mentioned, coloured by side.

    Args:
        mention_counts: a table with columns ``actor``, ``side``, ``mentions`` (see
            :func:`analysis.overview.actor_mention_counts`), most mentioned first.
        top: how many actors to show.
    """
    data = mention_counts.head(top).iloc[::-1]
    fig, ax = _new_figure(7.0, 0.35 * max(len(data), 3) + 1.2)
    ax.barh(data["actor"], data["mentions"], color=[side_colour(s) for s in data["side"]])
    ax.set_title("Who the coverage names, by side")
    ax.set_xlabel("mentions (count)")
    ax.set_ylabel("actor (canonical name)")
    _side_legend(ax, data["side"][::-1])
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


def sentence_lengths(sentences: pd.DataFrame, *, bin_width: int = 5) -> Figure:
    """Histogram of sentence lengths in words, over every document of ``sentences``."""
    fig, ax = _new_figure(7.0, 3.5)
    longest = int(sentences["n_words"].max()) if len(sentences) else bin_width
    bins = range(0, longest + 2 * bin_width, bin_width)
    ax.hist(sentences["n_words"], bins=bins, color="#4c72b0", edgecolor="white")
    ax.set_title("How long are the sentences?")
    ax.set_xlabel(f"sentence length (words, bins of {bin_width})")
    ax.set_ylabel("sentences (count)")
    ax.yaxis.get_major_locator().set_params(integer=True)
    return fig


# --- sourcing ----------------------------------------------------------------------------------------------------


# --- numeric claims ----------------------------------------------------------------------------------------------


# --- framing -----------------------------------------------------------------------------------------------------
