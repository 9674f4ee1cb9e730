"""What a matplotlib figure shows, read back from its artists, so that chart tests assert what is drawn (bar
labels and lengths, legend entries, titles, axis labels) against the table a chart was given, not only an image
against an image drawn by the same code."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure


def title(fig: Figure) -> str:
    """The figure's title: its suptitle, else its first axes' title."""
    suptitle = fig._suptitle.get_text() if fig._suptitle is not None else ""
    return suptitle or fig.axes[0].get_title()


def _category_at(labels: dict[float, str], position: float) -> str:
    """The tick label nearest ``position``; on an axis without labels (a panel sharing another's), the
    position's rounded number."""
    if not any(labels.values()):
        return str(round(position))
    return labels[min(labels, key=lambda tick: abs(tick - position))]


def bars(ax: Axes) -> dict[tuple[str, str], float]:
    """``{(series, category): length}`` of every bar drawn on ``ax``: the series is the bar container's label,
    the category the tick label under (or beside) the bar, the length its height (or width, lying down).
    Zero-length bars are left out: they draw nothing."""
    drawn: dict[tuple[str, str], float] = {}
    for container in ax.containers:
        if not isinstance(container, BarContainer):
            continue
        horizontal = container.orientation == "horizontal"
        ticks = ax.get_yticks() if horizontal else ax.get_xticks()
        texts = ax.get_yticklabels() if horizontal else ax.get_xticklabels()
        labels = {float(tick): text.get_text() for tick, text in zip(ticks, texts)}
        for patch in container.patches:
            centre = patch.get_y() + patch.get_height() / 2 if horizontal else patch.get_x() + patch.get_width() / 2
            length = patch.get_width() if horizontal else patch.get_height()
            if length:
                drawn[(str(container.get_label()), _category_at(labels, centre))] = float(length)
    return drawn


def legend(ax: Axes | Figure) -> list[str]:
    """The entries of ``ax``'s legend (or a figure's own legend), in order (none without a legend)."""
    found = ax.get_legend() if isinstance(ax, Axes) else next(iter(ax.legends), None)
    return [text.get_text() for text in found.get_texts()] if found is not None else []


def lines(ax: Axes) -> dict[str, list[float]]:
    """``{label: y values}`` of every labelled line on ``ax``."""
    return {str(line.get_label()): [float(y) for y in line.get_ydata()] for line in ax.get_lines()
            if not str(line.get_label()).startswith("_")}
