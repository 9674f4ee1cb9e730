"""What every chart shares: group and outlet colours (one colour per side or outlet in every chart of every
notebook), figure sizes, stacked bars and legends."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.catalogue.actors import (
    OTHER_SIDE,
    UNKNOWN_SIDE,
    Catalogue,
    default_catalogue,
)

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
        return default_palette()
    return group_palette(catalogue.groups, catalogue.group_colours)


@lru_cache(maxsize=1)
def default_palette() -> Palette:
    return catalogue_palette(default_catalogue())


def resolve_palette(palette: Palette | Catalogue | None, groups: Iterable[str] = ()) -> Palette:
    """The palette a chart draws with: the given one (or a catalogue's), covering ``groups``."""
    if isinstance(palette, Catalogue) or palette is None:
        palette = catalogue_palette(palette)
    return palette.including(groups)


def side_colour(side: str, palette: Palette | Catalogue | None = None) -> str:
    """The chart colour of a group (side); the packaged catalogue's palette when ``palette`` is None."""
    return resolve_palette(palette, [side]).colour(side)


def bucket(table: pd.DataFrame, palette: Palette, *, axis: str) -> pd.DataFrame:
    """``table`` with the groups of the ``other`` bucket (columns or index) added into one ``other``."""
    names = table.columns if axis == "columns" else table.index
    labels = [palette.label(name) for name in names]
    if labels == list(names):
        return table
    if axis == "columns":
        return table.T.groupby(labels, sort=False).sum().T
    return table.groupby(labels, sort=False).sum()


def coverage(articles: int | None) -> str:
    """How a title names what a chart counts: ``the story`` for one article, ``the corpus`` for several (or when
    the number is not given)."""
    return "the story" if articles == 1 else "the corpus"


def new_figure(width: float = 7.0, height: float = 4.0) -> tuple[Figure, plt.Axes]:
    # Made through pyplot so that a notebook's inline backend knows how to draw it, then released from pyplot
    # at once: the figure is shown once (as the cell's value) and is freed when dropped.
    fig = plt.figure(figsize=(width, height), dpi=100, layout="constrained")
    plt.close(fig)
    return fig, fig.subplots()


#: Characters a bar's label keeps (longer ones end in an ellipsis).
LABEL_WIDTH = 32


def stacked_bars(ax: plt.Axes, table: pd.DataFrame, columns, colour_of, *, horizontal: bool = False,
                 width: int = LABEL_WIDTH) -> None:
    """One bar per row of ``table``, stacked from ``columns`` in order, each coloured by ``colour_of(column)``.

    Bars stand at positions 0, 1, ... and are named by :func:`shorten` of their index value, so that two rows whose
    labels read alike are still two bars, and no label is blank."""
    positions = range(len(table))
    base = pd.Series(0.0, index=table.index)
    for column in columns:
        values = table[column].to_numpy(dtype=float)
        if horizontal:
            ax.barh(positions, values, left=base.to_numpy(), color=colour_of(column), label=str(column))
        else:
            ax.bar(positions, values, bottom=base.to_numpy(), color=colour_of(column), label=str(column))
        base = base + table[column]
    labels = [shorten(name, width) for name in table.index]
    if horizontal:
        ax.set_yticks(list(positions), labels)
    else:
        ax.set_xticks(list(positions), labels)


def barh_labelled(ax: plt.Axes, labels, values, colours, *, width: int = LABEL_WIDTH):
    """Horizontal bars at positions 0, 1, ... named by :func:`shorten` of ``labels``; the bars (for ``bar_label``).

    Positions, not the labels, place the bars: two labels that read alike once cut stay two bars."""
    positions = list(range(len(labels)))
    bars = ax.barh(positions, list(values), color=colours)
    ax.set_yticks(positions, [shorten(label, width) for label in labels])
    return bars


#: What the charts call the catalogue's groups unless told another word: the sides of a war corpus. A notebook
#: passes its beat's word (:attr:`analysis.views.beats.BeatView.group_noun`: ``group`` on any other beat).
SIDE = "side"


def side_legend(ax: plt.Axes, sides, palette: Palette, *, title: str = SIDE, **kwargs) -> None:
    """A legend with one patch per side (or bucket), in order of first appearance, headed ``title``."""
    labels = dict.fromkeys(palette.label(side) for side in sides)
    handles = [Patch(color=palette.colour(label), label=label) for label in labels]
    ax.legend(handles=handles, title=title, loc=kwargs.pop("loc", "lower right"), **kwargs)


#: Colours of the outlet labels that are not outlets.
NO_OUTLET_COLOUR = UNKNOWN_COLOUR


OTHER_OUTLETS_COLOUR = OTHER_COLOUR


#: Colours of outlets (or groups of ``GROUP_BY``) in their ranking order: the Okabe & Ito colours of
#: :data:`GROUP_PALETTE`, then the thirteen of matplotlib's tab20 that are neither grey nor next to one of those,
#: so that the twenty outlets the notebooks name at most each have their own colour.
OUTLET_PALETTE = GROUP_PALETTE + (
    "#8c564b", "#e377c2", "#bcbd22", "#17becf", "#9467bd", "#d62728", "#2ca02c", "#ff9896", "#98df8a",
    "#c49c94", "#aec7e8", "#ffbb78", "#c5b0d5",
)


def outlet_colours(outlets: Iterable[str]) -> dict[str, str]:
    """A colour per outlet label, in order: named outlets take :data:`OUTLET_PALETTE` in turn (again from the start
    past its twenty colours), labels of articles without an outlet and ``other outlets`` their greys.

    Give it the corpus's whole sequence of outlets (:func:`analysis.views.summaries.compare.outlet_sequence`) and
    pass the result to every chart (``colours=``): an outlet then keeps its colour in every chart, whichever
    subset of outlets a chart shows."""
    from analysis.views.summaries.compare import OTHER_OUTLETS, is_missing_label

    colours, k = {}, 0
    for outlet in dict.fromkeys(outlets):
        if is_missing_label(outlet):
            colours[outlet] = NO_OUTLET_COLOUR
        elif outlet == OTHER_OUTLETS:
            colours[outlet] = OTHER_OUTLETS_COLOUR
        else:
            colours[outlet] = OUTLET_PALETTE[k % len(OUTLET_PALETTE)]
            k += 1
    return colours


def colours_for(outlets: Iterable[str], colours: Mapping[str, str] | None) -> dict[str, str]:
    """``colours`` (the corpus's, from :func:`outlet_colours`) for ``outlets``; a label it lacks, or every label
    when it is None, gets a colour of :func:`outlet_colours` over ``outlets`` in order."""
    own = outlet_colours(outlets)
    given = dict(colours or {})
    return {o: given.get(o, own[o]) for o in dict.fromkeys(outlets)}


def outlet_rows_height(n: int, per_row: float = 0.42, extra: float = 1.5) -> float:
    return per_row * max(n, 2) + extra


def integer_axis(axis) -> None:
    axis.get_major_locator().set_params(integer=True)


def panels(n: int, *, ncols: int, width: float, panel_height: float, sharex: bool = False):
    ncols = max(1, min(ncols, n))
    nrows = -(-n // ncols)
    fig = plt.figure(figsize=(width, panel_height * nrows + 0.8), dpi=100, layout="constrained")
    plt.close(fig)
    axes = fig.subplots(nrows, ncols, squeeze=False, sharex=sharex).ravel()
    for ax in axes[n:]:
        ax.set_visible(False)
    return fig, axes[:n]


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis; never blank: an empty or blank label
    is written ``(blank)`` so that a bar is never left without a name."""
    text = " ".join(str(text).split()) or "(blank)"
    width = max(width, 4)
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"
