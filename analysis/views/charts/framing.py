"""Charts of the framing notebook: actions by side, the tone arc, frames, cues by type and voice."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis.catalogue.actors import (
    Catalogue,
)
from analysis.views.charts.base import (
    SIDE,
    Palette,
    bucket,
    coverage,
    new_figure,
    resolve_palette,
    stacked_bars,
)

#: Colours of the two voices in framing charts: the outlet's own words and words it attributes to others.
VOICE_COLOURS = {"own voice": "#4c72b0", "quoted": "#dd8452"}


def actions_by_side(action_counts: pd.DataFrame, *, palette: Palette | Catalogue | None = None,
                    articles: int | None = None, side_name: str = SIDE) -> Figure:
    """Stacked horizontal bars: actions per verb class, split by the side of the agent.

    Args:
        action_counts: columns ``agent_side``, ``verb_class``, ``actions`` (see
            :func:`analysis.views.summaries.framing.action_counts`).
        palette: the group colours (a :class:`Palette` or the catalogue); the packaged catalogue's when None.
            Groups of the ``other`` bucket are added into one ``other`` segment.
        articles: how many articles the counts are of (the title speaks of the story for one, else the corpus).
        side_name: what the corpus's beat calls the catalogue's groups in the title and legend (``side`` of a
            war, ``group`` of any other beat: :attr:`analysis.views.beats.BeatView.group_noun`).
    """
    table = action_counts.pivot_table(index="verb_class", columns="agent_side", values="actions", aggfunc="sum", fill_value=0)
    palette = resolve_palette(palette, table.columns)
    table = bucket(table, palette, axis="columns")
    table = table.loc[table.sum(axis=1).sort_values(kind="stable").index]
    sides = sorted(table.columns, key=lambda s: (s in ("other", "unknown"), s == "unknown", s))
    fig, ax = new_figure(7.0, 0.4 * max(len(table), 3) + 1.4)
    stacked_bars(ax, table, sides, palette.colour, horizontal=True)
    ax.set_title(f"Who acts in {coverage(articles)}, and how: actions by agent {side_name} and verb class")
    ax.set_xlabel("actions (count)")
    ax.set_ylabel("verb class")
    ax.legend(title=f"agent {side_name}", loc="lower right")
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


def tone_arc(tone: pd.DataFrame) -> Figure:
    """Lines over sentence order: VADER compound per sentence with and without the news adjustment.

    Args:
        tone: one document's rows of the ``tone`` table. Quoted sentences are drawn as hollow markers.
    """
    data = tone.sort_values("sentence_id")
    x = data["sentence_id"] + 1
    fig, ax = new_figure(7.5, 3.8)
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.plot(x, data["compound_unadjusted"], color="#999999", linestyle="--", marker=".", label="plain VADER")
    ax.plot(x, data["compound"], color="#4c72b0", label="with news adjustment")
    own = data["own_voice"].astype(bool)
    ax.scatter(x[own], data.loc[own, "compound"], color="#4c72b0", zorder=3, label="own-voice sentence")
    ax.scatter(x[~own], data.loc[~own, "compound"], facecolor="white", edgecolor="#4c72b0", zorder=3,
               label="mostly quoted sentence")
    ax.set_ylim(-1.05, 1.05)
    ax.set_title("Tone arc of the story: sentence sentiment in reading order")
    ax.set_xlabel("sentence (position in the article)")
    ax.set_ylabel("VADER compound (-1 to +1)")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="lower left", fontsize="small", ncols=2)
    return fig


def frame_bars(frame_shares: pd.DataFrame, *, articles: int | None = None) -> Figure:
    """Horizontal bars, one panel per scheme: the share of sentences that cue each frame.

    Args:
        frame_shares: columns ``scheme``, ``frame``, ``sentence_share`` (see :func:`analysis.views.summaries.framing.frame_shares`).
        articles: how many articles the shares are of (the title speaks of the story for one, else the corpus).
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
    fig.suptitle(f"Which frames does {coverage(articles)} cue?")
    return fig


def cues_by_type_and_voice(cue_counts: pd.DataFrame, *, articles: int | None = None) -> Figure:
    """Grouped bars: framing cues per type, in the outlet's own voice and in quoted words.

    Args:
        cue_counts: columns ``cue_type``, ``voice``, ``cues`` (see :func:`analysis.views.summaries.framing.cue_counts`).
        articles: how many articles the counts are of (the title speaks of the story for one, else the corpus).
    """
    table = cue_counts.pivot_table(index="cue_type", columns="voice", values="cues", aggfunc="sum", sort=False)
    fig, ax = new_figure(7.0, 3.8)
    width = 0.4
    positions = range(len(table))
    for k, voice in enumerate(VOICE_COLOURS):
        values = table[voice] if voice in table else pd.Series(0, index=table.index)
        ax.bar([p + (k - 0.5) * width for p in positions], values, width, color=VOICE_COLOURS[voice], label=voice)
    ax.set_xticks(list(positions), table.index)
    ax.set_title(f"Framing cues in {coverage(articles)}: the outlet's words or its sources'?")
    ax.set_xlabel("cue type")
    ax.set_ylabel("cues (count)")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(title="voice")
    return fig
