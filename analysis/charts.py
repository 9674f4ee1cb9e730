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


def _stacked_bars(ax: plt.Axes, table: pd.DataFrame, columns, colour_of, *, horizontal: bool = False) -> None:
    """One bar per row of ``table``, stacked from ``columns`` in order, each coloured by ``colour_of(column)``."""
    base = pd.Series(0, index=table.index)
    for column in columns:
        if horizontal:
            ax.barh(table.index, table[column], left=base, color=colour_of(column), label=column)
        else:
            ax.bar(table.index, table[column], bottom=base, color=colour_of(column), label=column)
        base = base + table[column]


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

#: One colour per attribution kind, from most to least direct.
KIND_COLOURS = {"direct": "#08519c", "mixed": "#6a51a3", "indirect": "#fd8d3c", "according_to": "#31a354"}


def attributions_by_side_and_kind(counts: pd.DataFrame) -> Figure:
    """Stacked bars: attributions per side, split by kind (how directly each side is quoted).

    Args:
        counts: attributions per side (index) and kind (columns), see
            :func:`analysis.sources.side_kind_counts`.
    """
    fig, ax = _new_figure()
    _stacked_bars(ax, counts, counts.columns, lambda kind: KIND_COLOURS.get(kind, FALLBACK_COLOUR))
    for label in ax.get_xticklabels():
        label.set_color(side_colour(label.get_text()))
    ax.set_title("Who gets quoted, by side and how directly")
    ax.set_xlabel("side of the source")
    ax.set_ylabel("attributions (count)")
    ax.legend(title="kind", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.yaxis.get_major_locator().set_params(integer=True)
    return fig


def claims_by_basis(counts: pd.DataFrame) -> Figure:
    """Horizontal bars: how many claims rest on each kind of source, or on none.

    Args:
        counts: columns ``rests_on`` and ``claims``, see :func:`analysis.sources.claim_basis_counts`.
    """
    data = counts.iloc[::-1]
    fig, ax = _new_figure(7.5, 0.45 * max(len(data), 3) + 1.3)
    ax.barh(data["rests_on"], data["claims"], color="#4c72b0")
    ax.set_title("What the story's claims rest on")
    ax.set_xlabel("claims (count)")
    ax.set_ylabel("the claim rests on")
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


# --- numeric claims ----------------------------------------------------------------------------------------------

#: Colour of figures the article asserts in its own voice (no attribution holds them).
OWN_VOICE_COLOUR = "#525252"


def figures_by_kind_and_side(counts: pd.DataFrame) -> Figure:
    """Stacked horizontal bars: figures per quantity kind, split by the side of the source that asserts them.

    Args:
        counts: figures per quantity kind (index) and side (columns, `own voice` for unattributed figures),
            see :func:`analysis.figures.figures_by_kind_and_side`.
    """
    data = counts.iloc[::-1]
    fig, ax = _new_figure(7.0, 0.45 * max(len(data), 3) + 1.4)
    _stacked_bars(
        ax, data, data.columns, lambda side: OWN_VOICE_COLOUR if side == "own voice" else side_colour(side),
        horizontal=True,
    )
    ax.set_title("What the figures measure, and who asserts them")
    ax.set_xlabel("figures (count)")
    ax.set_ylabel("quantity kind")
    ax.legend(title="asserted by (side)", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


def figures_by_source(summary: pd.DataFrame, *, top: int = 12) -> Figure:
    """Horizontal bars: figures per source, coloured by the source's side (own voice in dark grey).

    Args:
        summary: columns ``source``, ``side``, ``figures`` (see :func:`analysis.figures.figures_by_source`;
            rows of one source are added up).
        top: how many sources to show.
    """
    totals = summary.groupby(["source", "side"], sort=False)["figures"].sum().reset_index()
    data = totals.sort_values("figures", ascending=False, kind="stable").head(top).iloc[::-1]
    fig, ax = _new_figure(7.0, 0.4 * max(len(data), 3) + 1.3)
    colours = [OWN_VOICE_COLOUR if side == "own voice" else side_colour(side) for side in data["side"]]
    ax.barh(data["source"], data["figures"], color=colours)
    ax.set_title("Who carries the numbers")
    ax.set_xlabel("figures asserted (count)")
    ax.set_ylabel("source")
    handles = [Patch(color=c, label=s) for s, c in dict(zip(data["side"][::-1], colours[::-1])).items()]
    ax.legend(handles=handles, title="side", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


# --- framing -----------------------------------------------------------------------------------------------------


#: Colours of the two voices in framing charts: the outlet's own words and words it attributes to others.
VOICE_COLOURS = {"own voice": "#4c72b0", "quoted": "#dd8452"}


def actions_by_side(action_counts: pd.DataFrame) -> Figure:
    """Stacked horizontal bars: actions per verb class, split by the side of the agent.

    Args:
        action_counts: columns ``agent_side``, ``verb_class``, ``actions`` (see
            :func:`analysis.framing.action_counts`).
    """
    table = action_counts.pivot_table(index="verb_class", columns="agent_side", values="actions", aggfunc="sum", fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(kind="stable").index]
    sides = sorted(table.columns, key=lambda s: (s in ("other", "unknown"), s == "unknown", s))
    fig, ax = _new_figure(7.0, 0.4 * max(len(table), 3) + 1.4)
    _stacked_bars(ax, table, sides, side_colour, horizontal=True)
    ax.set_title("Who acts, and how: actions by agent side and verb class")
    ax.set_xlabel("actions (count)")
    ax.set_ylabel("verb class")
    ax.legend(title="agent side", loc="lower right")
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


def tone_arc(tone: pd.DataFrame) -> Figure:
    """Lines over sentence order: VADER compound per sentence with and without the news adjustment.

    Args:
        tone: one document's rows of the ``tone`` table. Quoted sentences are drawn as hollow markers.
    """
    data = tone.sort_values("sentence_id")
    x = data["sentence_id"] + 1
    fig, ax = _new_figure(7.5, 3.8)
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.plot(x, data["compound_unadjusted"], color="#999999", linestyle="--", marker=".", label="plain VADER")
    ax.plot(x, data["compound"], color="#4c72b0", label="with news adjustment")
    own = data["own_voice"].astype(bool)
    ax.scatter(x[own], data.loc[own, "compound"], color="#4c72b0", zorder=3, label="own-voice sentence")
    ax.scatter(x[~own], data.loc[~own, "compound"], facecolor="white", edgecolor="#4c72b0", zorder=3,
               label="mostly quoted sentence")
    ax.set_ylim(-1.05, 1.05)
    ax.set_title("Tone arc: sentence sentiment in reading order")
    ax.set_xlabel("sentence (position in the article)")
    ax.set_ylabel("VADER compound (-1 to +1)")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="lower left", fontsize="small", ncols=2)
    return fig


def frame_bars(frame_shares: pd.DataFrame) -> Figure:
    """Horizontal bars, one panel per scheme: the share of sentences that cue each frame.

    Args:
        frame_shares: columns ``scheme``, ``frame``, ``sentence_share`` (see :func:`analysis.framing.frame_shares`).
    """
    schemes = list(dict.fromkeys(frame_shares["scheme"]))
    sizes = [int((frame_shares["scheme"] == s).sum()) for s in schemes]
    fig = plt.figure(figsize=(7.5, 0.32 * sum(sizes) + 1.6 * len(schemes)), dpi=100, layout="constrained")
    plt.close(fig)
    axes = fig.subplots(len(schemes), 1, sharex=True, height_ratios=sizes, squeeze=False)[:, 0]
    for ax, scheme in zip(axes, schemes):
        data = frame_shares[frame_shares["scheme"] == scheme].iloc[::-1]
        ax.barh(data["frame"].str.replace("_", " "), 100 * data["sentence_share"], color="#55a868")
        ax.set_title(scheme.replace("_", " "), fontsize="medium", loc="left")
        ax.set_ylabel("frame")
    axes[-1].set_xlabel("sentences with a cue word of the frame (% of sentences)")
    fig.suptitle("Which frames does the coverage cue?")
    return fig


def cues_by_type_and_voice(cue_counts: pd.DataFrame) -> Figure:
    """Grouped bars: framing cues per type, in the outlet's own voice and in quoted words.

    Args:
        cue_counts: columns ``cue_type``, ``voice``, ``cues`` (see :func:`analysis.framing.cue_counts`).
    """
    table = cue_counts.pivot_table(index="cue_type", columns="voice", values="cues", aggfunc="sum", sort=False)
    fig, ax = _new_figure(7.0, 3.8)
    width = 0.4
    positions = range(len(table))
    for k, voice in enumerate(VOICE_COLOURS):
        values = table[voice] if voice in table else pd.Series(0, index=table.index)
        ax.bar([p + (k - 0.5) * width for p in positions], values, width, color=VOICE_COLOURS[voice], label=voice)
    ax.set_xticks(list(positions), table.index)
    ax.set_title("Framing cues: the outlet's words or its sources'?")
    ax.set_xlabel("cue type")
    ax.set_ylabel("cues (count)")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(title="voice")
    return fig
