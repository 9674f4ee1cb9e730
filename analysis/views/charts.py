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

from analysis.catalogue.actors import OTHER_SIDE, UNKNOWN_SIDE, Catalogue, default_catalogue

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
            :func:`analysis.views.summaries.overview.actor_mention_counts`), most mentioned first.
        top: how many actors to show.
        palette: the group colours (a :class:`Palette` or the catalogue); the packaged catalogue's when None.
    """
    data = mention_counts.head(top).iloc[::-1]
    palette = _palette(palette, data["side"])
    fig, ax = _new_figure(7.0, 0.35 * max(len(data), 3) + 1.2)
    if data.empty:
        ax.text(0.5, 0.5, "no mention of a catalogued actor: see the names the catalogue does not know",
                transform=ax.transAxes, ha="center", va="center", color="#555555", wrap=True)
        ax.set_xticks([])
        ax.set_yticks([])
    ax.barh(data["actor"], data["mentions"], color=[palette.colour(s) for s in data["side"]])
    ax.set_title("Who the coverage names, by side")
    ax.set_xlabel("mentions (count)")
    ax.set_ylabel("actor (canonical name)")
    if len(data):
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
            :func:`analysis.views.summaries.sourcing.side_kind_counts`.
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
        counts: columns ``rests_on`` and ``claims``, see :func:`analysis.views.summaries.sourcing.claim_basis_counts`.
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
            see :func:`analysis.extraction.figures.figures_by_kind_and_side`.
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
        summary: columns ``source``, ``side``, ``figures`` (see :func:`analysis.extraction.figures.figures_by_source`;
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
            :func:`analysis.views.summaries.framing.action_counts`).
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
        frame_shares: columns ``scheme``, ``frame``, ``sentence_share`` (see :func:`analysis.views.summaries.framing.frame_shares`).
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
        cue_counts: columns ``cue_type``, ``voice``, ``cues`` (see :func:`analysis.views.summaries.framing.cue_counts`).
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


# --- outlets and dates (analysis.views.summaries.compare) ------------------------------------------------------------------------
# Every chart below takes a table of :mod:`analysis.views.summaries.compare` (outlets already cut to the top ones plus "other
# outlets"), so it stays readable at one article and at thousands: one bar or panel per outlet, never one per
# article, and legends with at most a handful of entries.

#: Colours of the kinds of source (attributions' ``source_type``), named bodies in blues and greens, unnamed ones
#: in oranges and greys.
SOURCE_TYPE_COLOURS = {
    "person": "#0072B2", "government": "#56B4E9", "military": "#009E73", "institution": "#7fc97f",
    "media": "#CC79A7", "document": "#b07aa1", "anonymous": "#D55E00", "collective": "#E69F00",
}
#: Colours of the verdicts of ``figure_agreement``.
VERDICT_COLOURS = {"agree": "#009E73", "disagree": "#D55E00", "undetermined": "#c7c7c7"}
#: Colours of the outlet labels that are not outlets.
NO_OUTLET_COLOUR = UNKNOWN_COLOUR
OTHER_OUTLETS_COLOUR = OTHER_COLOUR


def outlet_colours(outlets: Iterable[str]) -> dict[str, str]:
    """A colour per outlet label, in order: named outlets take :data:`GROUP_PALETTE` in turn (again from the start
    when more outlets than colours are given), ``(no outlet)`` and ``other outlets`` their greys."""
    from analysis.views.summaries.compare import NO_OUTLET, OTHER_OUTLETS

    colours, k = {}, 0
    for outlet in dict.fromkeys(outlets):
        if outlet == NO_OUTLET:
            colours[outlet] = NO_OUTLET_COLOUR
        elif outlet == OTHER_OUTLETS:
            colours[outlet] = OTHER_OUTLETS_COLOUR
        else:
            colours[outlet] = GROUP_PALETTE[k % len(GROUP_PALETTE)]
            k += 1
    return colours


def _outlet_rows(n: int, per_row: float = 0.42, extra: float = 1.5) -> float:
    return per_row * max(n, 2) + extra


def _integer_axis(axis) -> None:
    axis.get_major_locator().set_params(integer=True)


def articles_by_outlet(per_outlet: pd.DataFrame) -> Figure:
    """Horizontal bars: articles per outlet, with the count at the end of each bar.

    Args:
        per_outlet: columns ``outlet`` and ``articles`` (:func:`analysis.views.summaries.compare.articles_per_outlet`), in the
            order to draw from the top.
    """
    data = per_outlet.iloc[::-1]
    fig, ax = _new_figure(7.0, _outlet_rows(len(data)))
    colours = outlet_colours(per_outlet["outlet"])
    bars = ax.barh(data["outlet"], data["articles"], color=[colours[o] for o in data["outlet"]])
    ax.bar_label(bars, labels=[f"{n:,}" for n in data["articles"]], padding=3, fontsize="small")
    ax.margins(x=0.12)
    ax.set_title("How many articles each outlet contributes")
    ax.set_xlabel("articles (count)")
    ax.set_ylabel("outlet")
    _integer_axis(ax.xaxis)
    return fig


def _period_labels(periods: Sequence[pd.Timestamp], freq_days: float) -> list[str]:
    fmt = "%d %b %Y" if freq_days < 28 else "%b %Y"
    return [pd.Timestamp(p).strftime(fmt) for p in periods]


def _period_unit(periods: Sequence[pd.Timestamp]) -> tuple[str, float]:
    """("week starting" | "month", days between periods) from the periods' spacing."""
    if len(periods) < 2:
        return "period", 7.0
    days = (pd.Timestamp(periods[1]) - pd.Timestamp(periods[0])).days
    return ("week starting", days) if days <= 7 else ("month", days)


def articles_over_time(over_time: pd.DataFrame) -> Figure:
    """Stacked bars: dated articles per week (or month), split by outlet.

    Args:
        over_time: columns ``period``, ``outlet``, ``articles`` (:func:`analysis.views.summaries.compare.articles_over_time`),
            every period listed.
    """
    table = over_time.pivot_table(index="period", columns="outlet", values="articles", aggfunc="sum",
                                  fill_value=0, sort=False)
    table = table[list(dict.fromkeys(over_time["outlet"]))]
    periods = list(table.index)
    unit, days = _period_unit(periods)
    colours = outlet_colours(table.columns)
    fig, ax = _new_figure(max(7.0, 0.35 * len(periods) + 3.0), 3.8)
    labels = _period_labels(periods, days)
    table.index = labels
    _stacked_bars(ax, table, table.columns, colours.get)
    step = max(1, len(labels) // 16)
    ax.set_xticks(range(0, len(labels), step), labels[::step], rotation=45, ha="right")
    ax.set_title(f"When the articles were published, per {unit.split()[0]}")
    ax.set_xlabel(f"{unit} (publication date, UTC)")
    ax.set_ylabel("articles (count)")
    ax.legend(title="outlet", loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    _integer_axis(ax.yaxis)
    return fig


def shares_by_outlet(
    shares: pd.DataFrame, category: str, *, title: str, legend_title: str, colours: Mapping[str, str] | None = None,
    count: str = "attributions",
) -> Figure:
    """100% stacked horizontal bars: each outlet's rows split by ``category``, with the outlet's total at the
    bar's end (``n=...``), so that a share of a handful of rows is not read like one of thousands.

    Args:
        shares: long table with columns ``outlet``, ``category``, ``count`` and ``share`` (0-1), e.g.
            :func:`analysis.views.summaries.compare.attribution_kinds_by_outlet` or
            :func:`analysis.views.summaries.compare.source_types_by_outlet`.
        category: the column that splits each bar.
        title: the chart's title (a question or a statement of what is shown).
        legend_title: the legend's heading.
        colours: a colour per category; others take the fallback colour.
        count: the column of counts (its name is the unit on the axis).
    """
    colours = dict(colours or {})
    table = shares.pivot_table(index="outlet", columns=category, values="share", aggfunc="sum", sort=False)
    table = table.reindex(index=list(dict.fromkeys(shares["outlet"])),
                          columns=list(dict.fromkeys(shares[category]))).fillna(0) * 100
    totals = shares.groupby("outlet", sort=False)[count].sum().reindex(table.index)
    data = table.iloc[::-1]
    fig, ax = _new_figure(7.5, _outlet_rows(len(data)))
    _stacked_bars(ax, data, data.columns, lambda c: colours.get(c, FALLBACK_COLOUR), horizontal=True)
    for y, outlet in enumerate(data.index):
        ax.text(101, y, f"n={int(totals[outlet]):,}", va="center", fontsize="small")
    ax.set_xlim(0, 100)
    ax.set_title(title)
    ax.set_xlabel(f"share of the outlet's {count} (%)")
    ax.set_ylabel("outlet")
    ax.legend(title=legend_title, loc="upper left", bbox_to_anchor=(1.12, 1.0), fontsize="small")
    return fig


def rate_by_outlet(rates: pd.DataFrame, part: str, total: str, *, title: str, xlabel: str) -> Figure:
    """Horizontal bars: a share per outlet (in %), each labelled ``part of total`` so the base is visible.

    Args:
        rates: columns ``outlet``, ``part``, ``total`` and ``share`` (0-1, NaN when the total is 0), e.g.
            :func:`analysis.views.summaries.compare.own_voice_share_by_outlet` or :func:`analysis.views.summaries.compare.anonymous_by_outlet`.
        part, total: the count columns the share is made of.
        title, xlabel: the chart's title and x-axis label (the label should name the unit, %).
    """
    data = rates.iloc[::-1]
    colours = outlet_colours(rates["outlet"])
    fig, ax = _new_figure(7.0, _outlet_rows(len(data)))
    bars = ax.barh(data["outlet"], 100 * data["share"].fillna(0), color=[colours[o] for o in data["outlet"]])
    ax.bar_label(bars, labels=[f"{int(p):,} of {int(t):,}" for p, t in zip(data[part], data[total])], padding=3,
                 fontsize="small")
    ax.set_xlim(0, 118)
    ax.set_xticks(range(0, 101, 20))
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("outlet")
    return fig


def attribution_kinds_by_outlet(kinds: pd.DataFrame) -> Figure:
    """:func:`shares_by_outlet` of :func:`analysis.views.summaries.compare.attribution_kinds_by_outlet`, kinds in their colours."""
    return shares_by_outlet(kinds, "kind", title="How directly each outlet quotes: attributions by kind",
                            legend_title="kind", colours=KIND_COLOURS)


def source_types_by_outlet(types: pd.DataFrame) -> Figure:
    """:func:`shares_by_outlet` of :func:`analysis.views.summaries.compare.source_types_by_outlet`."""
    return shares_by_outlet(types, "source_type", title="Whom each outlet quotes: attributions by kind of source",
                            legend_title="source type", colours=SOURCE_TYPE_COLOURS)


def own_voice_by_outlet(rates: pd.DataFrame) -> Figure:
    """:func:`rate_by_outlet` of :func:`analysis.views.summaries.compare.own_voice_share_by_outlet`."""
    return rate_by_outlet(rates, "own_voice", "claims", title="Claims each outlet makes on its own voice",
                          xlabel="claims resting on no source (% of the outlet's claims)")


def anonymous_by_outlet(rates: pd.DataFrame) -> Figure:
    """:func:`rate_by_outlet` of :func:`analysis.views.summaries.compare.anonymous_by_outlet`."""
    return rate_by_outlet(rates, "anonymous", "attributions", title="Anonymous sources per outlet",
                          xlabel="attributions to an anonymous source (% of the outlet's attributions)")


def _panels(n: int, *, ncols: int, width: float, panel_height: float, sharex: bool = False):
    ncols = max(1, min(ncols, n))
    nrows = -(-n // ncols)
    fig = plt.figure(figsize=(width, panel_height * nrows + 0.8), dpi=100, layout="constrained")
    plt.close(fig)
    axes = fig.subplots(nrows, ncols, squeeze=False, sharex=sharex).ravel()
    for ax in axes[n:]:
        ax.set_visible(False)
    return fig, axes[:n]


def top_sources_by_outlet(top_sources: pd.DataFrame, *, ncols: int = 2) -> Figure:
    """Small multiples: one panel per outlet, its most quoted sources as horizontal bars; the attributions to
    the outlet's other sources are a number under the panel.

    Args:
        top_sources: columns ``outlet``, ``rank``, ``source``, ``attributions``
            (:func:`analysis.views.summaries.compare.top_sources_by_outlet`); ``rank`` 0 is the outlet's ``other`` row.
    """
    outlets = list(dict.fromkeys(top_sources["outlet"]))
    rows = int((top_sources["rank"] > 0).groupby(top_sources["outlet"]).sum().max()) if len(top_sources) else 1
    fig, axes = _panels(max(len(outlets), 1), ncols=ncols, width=10.0, panel_height=0.3 * rows + 0.9)
    colours = outlet_colours(outlets)
    rows = int((top_sources["rank"] > 0).groupby(top_sources["outlet"]).sum().max()) if len(top_sources) else 1
    for ax, outlet in zip(axes, outlets):
        panel = top_sources[top_sources["outlet"] == outlet]
        # the rest is a number under the panel, not a bar: at thousands of articles it would dwarf the top sources
        rest = int(panel.loc[panel["rank"] == 0, "attributions"].sum())
        data = panel[panel["rank"] > 0].iloc[::-1]
        ax.barh([_short(s, 28) for s in data["source"]], data["attributions"], color=colours[outlet])
        ax.set_ylim(len(data) - 0.5 - max(rows, 1), len(data) - 0.5)  # bars as thick in every panel, from the top
        ax.set_title(outlet, loc="left", fontsize="medium")
        ax.set_xlabel("attributions (count)" + (f"\n{rest:,} more to other sources" if rest else ""))
        _integer_axis(ax.xaxis)
    if not outlets:
        axes[0].set_title("no attributions")
    fig.suptitle("Most quoted sources of each outlet")
    return fig


def _short(text: str, width: int) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def figures_by_outlet(per_outlet: pd.DataFrame) -> Figure:
    """Stacked horizontal bars: figures per article of each outlet, split by quantity kind.

    Args:
        per_outlet: columns ``outlet``, ``articles``, ``quantity_kind``, ``per_article``
            (:func:`analysis.views.summaries.compare.figures_by_outlet`).
    """
    table = per_outlet.pivot_table(index="outlet", columns="quantity_kind", values="per_article", aggfunc="sum",
                                   sort=False)
    table = table.reindex(index=list(dict.fromkeys(per_outlet["outlet"])),
                          columns=list(dict.fromkeys(per_outlet["quantity_kind"]))).fillna(0)
    articles = per_outlet.groupby("outlet", sort=False)["articles"].first().reindex(table.index)
    data = table.iloc[::-1]
    kinds = list(data.columns)
    colours = {k: (OTHER_COLOUR if k == "other" else GROUP_PALETTE[i % len(GROUP_PALETTE)]) for i, k in enumerate(kinds)}
    fig, ax = _new_figure(7.5, _outlet_rows(len(data)))
    _stacked_bars(ax, data, kinds, colours.get, horizontal=True)
    ends = data.sum(axis=1)
    for y, outlet in enumerate(data.index):
        ax.text(ends[outlet], y, f"  {int(articles[outlet]):,} art.", va="center", fontsize="small")
    ax.margins(x=0.18)
    ax.set_title("Figures per article, by outlet and quantity kind")
    ax.set_xlabel("figures per article (mean count)")
    ax.set_ylabel("outlet")
    ax.legend(title="quantity kind", loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    return fig


def figure_agreement_chart(summary: pd.DataFrame) -> Figure:
    """Stacked horizontal bars: pairs of figures from different articles per thing counted, by verdict.

    Args:
        summary: columns ``object``, ``quantity_kind``, ``agree``, ``disagree``, ``undetermined``
            (:func:`analysis.views.summaries.compare.figure_agreement_summary`), most pairs first.
    """
    data = summary.iloc[::-1]
    labels = [f"{o or '(no object)'} ({k})" for o, k in zip(data["object"], data["quantity_kind"])]
    table = data[["agree", "disagree", "undetermined"]].set_axis(labels)
    fig, ax = _new_figure(7.5, _outlet_rows(len(table)))
    _stacked_bars(ax, table, table.columns, VERDICT_COLOURS.get, horizontal=True)
    ax.set_title("Do articles agree on the same figure?")
    ax.set_xlabel("pairs of figures from two articles (count)")
    ax.set_ylabel("what is counted")
    ax.legend(title="verdict", loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    _integer_axis(ax.xaxis)
    return fig


def cues_by_outlet(per_outlet: pd.DataFrame, *, voice: str = "own voice", ncols: int = 3) -> Figure:
    """Small multiples: one panel per cue type, a bar per outlet: cues in ``voice`` per 1,000 words.

    Args:
        per_outlet: columns ``outlet``, ``cue_type``, ``voice``, ``per_1000_words``
            (:func:`analysis.views.summaries.compare.cues_by_outlet`).
        voice: ``own voice`` (the outlet's words) or ``quoted``.
    """
    data = per_outlet[per_outlet["voice"] == voice]
    types = list(dict.fromkeys(data["cue_type"]))
    outlets = list(dict.fromkeys(data["outlet"]))
    colours = outlet_colours(outlets)
    fig, axes = _panels(max(len(types), 1), ncols=ncols, width=10.0, panel_height=0.28 * len(outlets) + 1.0)
    top = float(data["per_1000_words"].max()) if len(data) and data["per_1000_words"].notna().any() else 1.0
    for k, (ax, cue_type) in enumerate(zip(axes, types)):
        rows = data[data["cue_type"] == cue_type].iloc[::-1]
        ax.barh(rows["outlet"], rows["per_1000_words"].fillna(0), color=[colours[o] for o in rows["outlet"]])
        ax.set_xlim(0, max(top, 1.0) * 1.05)
        if not rows["per_1000_words"].fillna(0).any():
            ax.text(0.5, 0.5, "none", transform=ax.transAxes, ha="center", va="center", color="#777777")
        ax.set_title(cue_type, loc="left", fontsize="medium")
        ax.set_xlabel("cues per 1,000 words")
        if k % ncols:
            ax.tick_params(labelleft=False)
    fig.suptitle(f"Framing cues in the {voice.replace('own voice', 'outlets’ own voice')}, per outlet")
    return fig


def tone_by_outlet(tone: pd.DataFrame) -> Figure:
    """Dots and whiskers: per outlet, the median of its articles' mean own-voice tone, with the quartiles.

    Args:
        tone: columns ``outlet``, ``articles``, ``median``, ``q1``, ``q3``
            (:func:`analysis.views.summaries.compare.tone_by_outlet`).
    """
    data = tone.iloc[::-1].reset_index(drop=True)
    colours = outlet_colours(tone["outlet"])
    fig, ax = _new_figure(7.0, _outlet_rows(len(data)))
    ax.axvline(0, color="#999999", linewidth=0.8)
    for y, row in data.iterrows():
        if row["articles"] == 0 or pd.isna(row["median"]):
            continue
        ax.plot([row["q1"], row["q3"]], [y, y], color=colours[row["outlet"]], linewidth=3, alpha=0.6)
        ax.plot(row["median"], y, "o", color=colours[row["outlet"]], markersize=7)
        ax.text(1.08, y, f"{int(row['articles']):,} art.", va="center", fontsize="small")
    ax.set_yticks(range(len(data)), data["outlet"])
    ax.set_xlim(-1.05, 1.35)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1])
    ax.set_title("Tone of the outlets' own voice: median article, with quartiles")
    ax.set_xlabel("mean VADER compound of an article's own-voice sentences (-1 to +1)")
    ax.set_ylabel("outlet")
    return fig


#: The measures :func:`framing_over_time` draws, with their axis labels.
OVER_TIME_MEASURES = {
    "judgements_per_1000_words": "loaded, emotional and\nevaluative cues\n(per 1,000 words)",
    "hedges_per_1000_words": "hedges\n(per 1,000 words)",
    "tone": "own-voice tone\n(VADER, -1 to +1)",
}


def framing_over_time(over_time: pd.DataFrame) -> Figure:
    """Small multiples over time, one panel per measure (own-voice judgement cues and hedges per 1,000 words,
    own-voice tone), one line per outlet.

    Args:
        over_time: columns ``period``, ``outlet`` and the measures of :data:`OVER_TIME_MEASURES`
            (:func:`analysis.views.summaries.compare.framing_over_time`).
    """
    periods = sorted(over_time["period"].unique())
    unit, days = _period_unit(periods)
    outlets = list(dict.fromkeys(over_time["outlet"]))
    colours = outlet_colours(outlets)
    fig, axes = _panels(len(OVER_TIME_MEASURES), ncols=1, width=8.5, panel_height=1.9, sharex=True)
    for ax, (measure, label) in zip(axes, OVER_TIME_MEASURES.items()):
        for outlet in outlets:
            # every period, NaN where the outlet has no article: the line breaks instead of bridging the gap
            rows = over_time[over_time["outlet"] == outlet].set_index("period")[measure].reindex(periods)
            ax.plot(periods, rows.to_numpy(dtype=float), marker="o", color=colours[outlet], label=outlet)
        ax.set_ylabel(label, fontsize="small")
    axes[-1].set_ylim(-1.05, 1.05)
    axes[-1].axhline(0, color="#999999", linewidth=0.8)
    axes[-1].set_xticks(periods, _period_labels(periods, days), rotation=45, ha="right")
    axes[-1].set_xlabel(f"{unit} (publication date, UTC)")
    axes[0].legend(title="outlet", loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    fig.suptitle(f"Framing over time, per {unit.split()[0]} and outlet")
    return fig
