"""Charts: each function takes a table and returns a matplotlib Figure with a title, labelled axes and units.

Functions draw; they do not compute findings (that is the table modules' job) and they do not save files.
Groups (the ``side`` columns: sides of a conflict, parties, companies) get their colours from a
:class:`Palette` made from the actor catalogue, so that every chart of a corpus reads the same way: pass
``palette=catalogue_palette(catalogue)`` (or the catalogue itself) when the corpus has its own ``actors.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.actors import OTHER_SIDE, UNKNOWN_SIDE, Catalogue, default_catalogue

#: Colours handed to groups in the catalogue's order, for groups whose catalogue entry names none: the
#: colour-blind-safe palette of Okabe & Ito (2008, "Color Universal Design"), without black (own voice is
#: dark grey) and with yellow, the hardest to see on white, last.
GROUP_PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")
#: Third parties, and the bucket of groups drawn once the palette's colours run out.
OTHER_COLOUR = "#7f7f7f"
#: Mentions and sources the catalogue cannot place: the same grey in every chart.
UNKNOWN_COLOUR = "#c7c7c7"
#: Colour of a category a chart has no colour for (attribution kinds).
FALLBACK_COLOUR = "#9467bd"
#: The pseudo-group of figures the article asserts in its own voice (no attribution holds them), and its colour.
OWN_VOICE = "own voice"
OWN_VOICE_COLOUR = "#525252"


@dataclass(frozen=True)
class Palette:
    """The chart colour of every group, fixed once for a catalogue so that all charts agree.

    Build it with :func:`group_palette` or :func:`catalogue_palette`. ``other`` and ``unknown`` always have
    their own greys. Groups left without a colour (more groups than :data:`GROUP_PALETTE` holds) are drawn in
    the ``other`` grey and share its legend entry.
    """

    colours: tuple[tuple[str, str], ...]
    bucketed: frozenset[str] = frozenset()
    #: Palette colours not handed out yet, for groups a table has but the catalogue does not.
    free: tuple[str, ...] = ()

    def colour(self, group: str) -> str:
        """The colour of ``group``; the ``other`` grey for a bucketed or unlisted group."""
        if group == UNKNOWN_SIDE:
            return UNKNOWN_COLOUR
        if group == OWN_VOICE:
            return OWN_VOICE_COLOUR
        return dict(self.colours).get(group, OTHER_COLOUR)

    def label(self, group: str) -> str:
        """The legend label of ``group``: itself, or ``other`` when it is drawn in the ``other`` bucket."""
        if group in (OTHER_SIDE, UNKNOWN_SIDE, OWN_VOICE) or group in dict(self.colours):
            return group
        return OTHER_SIDE

    def including(self, groups: Iterable[str]) -> "Palette":
        """This palette with colours for ``groups`` it does not list yet (in sorted order, from the colours
        left over), so that a table whose groups are not all in the catalogue is still drawn in colour."""
        known = dict(self.colours)
        reserved = (OTHER_SIDE, UNKNOWN_SIDE, OWN_VOICE)
        new = sorted({g for g in groups if g not in known and g not in self.bucketed} - set(reserved))
        if not new:
            return self
        free = list(self.free)
        colours = list(self.colours)
        bucketed = set(self.bucketed)
        for group in new:
            if free:
                colours.append((group, free.pop(0)))
            else:
                bucketed.add(group)
        return Palette(tuple(colours), frozenset(bucketed), tuple(free))


def group_palette(
    groups: Sequence[str], colours: Mapping[str, str] | None = None, *, palette: Sequence[str] = GROUP_PALETTE
) -> Palette:
    """Colours for ``groups`` in order: a colour given in ``colours`` wins; the others take ``palette``'s
    colours in turn (skipping any already given); groups left over go to the ``other`` bucket."""
    given = dict(colours or {})
    taken = {c.lower() for c in given.values()}
    free = [c for c in palette if c.lower() not in taken]
    assigned: list[tuple[str, str]] = []
    bucketed = set()
    for group in dict.fromkeys(groups):
        if group in (OTHER_SIDE, UNKNOWN_SIDE):
            continue
        if group in given:
            assigned.append((group, given[group]))
        elif free:
            assigned.append((group, free.pop(0)))
        else:
            bucketed.add(group)
    return Palette(((OTHER_SIDE, OTHER_COLOUR), *assigned), frozenset(bucketed), tuple(free))


def catalogue_palette(catalogue: Catalogue | None = None) -> Palette:
    """The palette of a catalogue's groups, in its order and with the colours its files declare; the
    packaged catalogue's when None."""
    if catalogue is None:
        return _default_palette()
    return group_palette(catalogue.groups, catalogue.group_colours)


@lru_cache(maxsize=1)
def _default_palette() -> Palette:
    return catalogue_palette(default_catalogue())


def _palette(palette: Palette | Catalogue | None, groups: Iterable[str] = ()) -> Palette:
    """The palette a chart draws with: the given one (or a catalogue's), covering ``groups``."""
    if isinstance(palette, Catalogue) or palette is None:
        palette = catalogue_palette(palette)
    return palette.including(groups)


def side_colour(side: str, palette: Palette | Catalogue | None = None) -> str:
    """The chart colour of a group (side); the packaged catalogue's palette when ``palette`` is None."""
    return _palette(palette, [side]).colour(side)


def _bucket(table: pd.DataFrame, palette: Palette, *, axis: str) -> pd.DataFrame:
    """``table`` with the groups of the ``other`` bucket (columns or index) added into one ``other``."""
    names = table.columns if axis == "columns" else table.index
    labels = [palette.label(name) for name in names]
    if labels == list(names):
        return table
    if axis == "columns":
        return table.T.groupby(labels, sort=False).sum().T
    return table.groupby(labels, sort=False).sum()


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


def _side_legend(ax: plt.Axes, sides, palette: Palette, **kwargs) -> None:
    """A legend with one patch per side (or bucket), in order of first appearance."""
    labels = dict.fromkeys(palette.label(side) for side in sides)
    handles = [Patch(color=palette.colour(label), label=label) for label in labels]
    ax.legend(handles=handles, title="side", loc=kwargs.pop("loc", "lower right"), **kwargs)


# --- overview ----------------------------------------------------------------------------------------------------


def actor_mentions_by_side(
    mention_counts: pd.DataFrame, *, top: int = 15, palette: Palette | Catalogue | None = None
) -> Figure:
    """Horizontal bars: how often each catalogued actor is mentioned, coloured by side.

    Args:
        mention_counts: a table with columns ``actor``, ``side``, ``mentions`` (see
            :func:`analysis.overview.actor_mention_counts`), most mentioned first.
        top: how many actors to show.
        palette: the group colours (a :class:`Palette` or the catalogue); the packaged catalogue's when None.
    """
    data = mention_counts.head(top).iloc[::-1]
    palette = _palette(palette, data["side"])
    fig, ax = _new_figure(7.0, 0.35 * max(len(data), 3) + 1.2)
    ax.barh(data["actor"], data["mentions"], color=[palette.colour(s) for s in data["side"]])
    ax.set_title("Who the coverage names, by side")
    ax.set_xlabel("mentions (count)")
    ax.set_ylabel("actor (canonical name)")
    _side_legend(ax, data["side"][::-1], palette)
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


def attributions_by_side_and_kind(counts: pd.DataFrame, *, palette: Palette | Catalogue | None = None) -> Figure:
    """Stacked bars: attributions per side, split by kind (how directly each side is quoted).

    Args:
        counts: attributions per side (index) and kind (columns), see
            :func:`analysis.sources.side_kind_counts`.
        palette: the group colours (a :class:`Palette` or the catalogue); the packaged catalogue's when None.
            Groups of the ``other`` bucket are added into one ``other`` bar.
    """
    palette = _palette(palette, counts.index)
    counts = _bucket(counts, palette, axis="index")
    fig, ax = _new_figure()
    _stacked_bars(ax, counts, counts.columns, lambda kind: KIND_COLOURS.get(kind, FALLBACK_COLOUR))
    for label in ax.get_xticklabels():
        label.set_color(palette.colour(label.get_text()))
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


def figures_by_kind_and_side(counts: pd.DataFrame, *, palette: Palette | Catalogue | None = None) -> Figure:
    """Stacked horizontal bars: figures per quantity kind, split by the side of the source that asserts them.

    Args:
        counts: figures per quantity kind (index) and side (columns, `own voice` for unattributed figures),
            see :func:`analysis.figures.figures_by_kind_and_side`.
        palette: the group colours (a :class:`Palette` or the catalogue); the packaged catalogue's when None.
            Groups of the ``other`` bucket are added into one ``other`` segment.
    """
    palette = _palette(palette, counts.columns)
    data = _bucket(counts, palette, axis="columns").iloc[::-1]
    fig, ax = _new_figure(7.0, 0.45 * max(len(data), 3) + 1.4)
    _stacked_bars(ax, data, data.columns, palette.colour, horizontal=True)
    ax.set_title("What the figures measure, and who asserts them")
    ax.set_xlabel("figures (count)")
    ax.set_ylabel("quantity kind")
    ax.legend(title="asserted by (side)", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


def figures_by_source(
    summary: pd.DataFrame, *, top: int = 12, palette: Palette | Catalogue | None = None
) -> Figure:
    """Horizontal bars: figures per source, coloured by the source's side (own voice in dark grey).

    Args:
        summary: columns ``source``, ``side``, ``figures`` (see :func:`analysis.figures.figures_by_source`;
            rows of one source are added up).
        top: how many sources to show.
        palette: the group colours (a :class:`Palette` or the catalogue); the packaged catalogue's when None.
    """
    totals = summary.groupby(["source", "side"], sort=False)["figures"].sum().reset_index()
    data = totals.sort_values("figures", ascending=False, kind="stable").head(top).iloc[::-1]
    palette = _palette(palette, data["side"])
    fig, ax = _new_figure(7.0, 0.4 * max(len(data), 3) + 1.3)
    colours = [palette.colour(side) for side in data["side"]]
    ax.barh(data["source"], data["figures"], color=colours)
    ax.set_title("Who carries the numbers")
    ax.set_xlabel("figures asserted (count)")
    ax.set_ylabel("source")
    _side_legend(ax, data["side"][::-1], palette, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


# --- framing -----------------------------------------------------------------------------------------------------


#: Colours of the two voices in framing charts: the outlet's own words and words it attributes to others.
VOICE_COLOURS = {"own voice": "#4c72b0", "quoted": "#dd8452"}


def actions_by_side(action_counts: pd.DataFrame, *, palette: Palette | Catalogue | None = None) -> Figure:
    """Stacked horizontal bars: actions per verb class, split by the side of the agent.

    Args:
        action_counts: columns ``agent_side``, ``verb_class``, ``actions`` (see
            :func:`analysis.framing.action_counts`).
        palette: the group colours (a :class:`Palette` or the catalogue); the packaged catalogue's when None.
            Groups of the ``other`` bucket are added into one ``other`` segment.
    """
    table = action_counts.pivot_table(index="verb_class", columns="agent_side", values="actions", aggfunc="sum", fill_value=0)
    palette = _palette(palette, table.columns)
    table = _bucket(table, palette, axis="columns")
    table = table.loc[table.sum(axis=1).sort_values(kind="stable").index]
    sides = sorted(table.columns, key=lambda s: (s in ("other", "unknown"), s == "unknown", s))
    fig, ax = _new_figure(7.0, 0.4 * max(len(table), 3) + 1.4)
    _stacked_bars(ax, table, sides, palette.colour, horizontal=True)
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
