"""Charts: each function takes a table and returns a matplotlib Figure with a title, labelled axes and units.

Functions draw; they do not compute findings (that is the table modules' job) and they do not save files.
Colours for sides are fixed so that every chart of the package reads the same way.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

#: One colour per side, the same in every chart; sides not listed get the fallback.
SIDE_COLOURS = {"Ukraine": "#1f77b4", "Russia": "#d62728", "other": "#7f7f7f", "unknown": "#c7c7c7"}
FALLBACK_COLOUR = "#9467bd"


def side_colour(side: str) -> str:
    """The chart colour of a side."""
    return SIDE_COLOURS.get(side, FALLBACK_COLOUR)


def _new_figure(width: float = 7.0, height: float = 4.0) -> tuple[Figure, plt.Axes]:
    fig, ax = plt.subplots(figsize=(width, height), dpi=100, layout="constrained")
    return fig, ax


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
    for side in dict.fromkeys(data["side"][::-1]):
        ax.bar(0, 0, color=side_colour(side), label=side)
    ax.legend(title="side", loc="lower right")
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


# --- sourcing ----------------------------------------------------------------------------------------------------


# --- numeric claims ----------------------------------------------------------------------------------------------


# --- framing -----------------------------------------------------------------------------------------------------
