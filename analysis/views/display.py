"""Charts in notebooks and their HTML export: every chart carries alt text made from its own labels.

A screen reader (and nbconvert, which warns on every image without one) needs a text for each chart. It is
written from what the chart already says, its title, axis labels and legend, so that it cannot drift from the
picture. :func:`register_alt_text` makes IPython attach it to every matplotlib figure a notebook shows; the
``newsroom`` nbconvert template (``analysis/templates/``) writes it into the ``<img alt=...>`` of the export.
"""

from __future__ import annotations

from matplotlib.figure import Figure


def alt_text(fig: Figure) -> str:
    """One sentence describing ``fig`` from its title, axes labels and legend entries."""
    parts = []
    title = fig._suptitle.get_text() if fig._suptitle is not None else ""
    for ax in fig.axes:
        heading = ax.get_title() or title
        axes = [f"{name} axis: {label}" for name, label in (("x", ax.get_xlabel()), ("y", ax.get_ylabel())) if label]
        legend = ax.get_legend()
        entries = [t.get_text() for t in legend.get_texts()] if legend is not None else []
        text = "Chart" + (f" '{heading}'" if heading else "")
        if axes:
            text += "; " + "; ".join(axes)
        if entries:
            text += "; legend: " + ", ".join(entries)
        parts.append(text)
    return ". ".join(parts) + "." if parts else "Chart."


def _png_with_alt(fig: Figure):
    from IPython.core.pylabtools import print_figure

    return print_figure(fig, "png", bbox_inches="tight"), {"alt": alt_text(fig)}


def register_alt_text() -> None:
    """In a running IPython kernel, show every matplotlib figure as a PNG with alt text in its metadata.

    Installed again before every cell, because matplotlib's inline backend installs its own PNG formatter
    when it is first activated (the backend is loaded here first, so that the notebook's first chart is no
    exception).
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return

    def install(*_) -> None:
        shell.display_formatter.formatters["image/png"].for_type(Figure, _png_with_alt)

    # matplotlib loads its backend with the first figure a session makes, and the inline backend installs its
    # own PNG formatter then, in the middle of the cell that draws the first chart (which showed without alt
    # text): a figure made and closed now loads it before the formatter below is installed.
    import matplotlib.pyplot as plt

    plt.close(plt.figure())
    install()
    shell.events.register("pre_run_cell", install)
