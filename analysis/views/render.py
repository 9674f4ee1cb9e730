"""The article as HTML with extracted spans highlighted, for reading in JupyterLab and exported HTML.

Spans come straight from the tables (``start``/``end`` or ``X_start``/``X_end`` columns), so what is
highlighted is exactly what a row claims. Output is deterministic: the same tables give the same HTML.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Layer:
    """One kind of highlight: spans from a table, a style per category, and a legend title.

    Args:
        spans: rows with start and end columns (named by ``start``/``end``) and a category column.
        category: the column whose value picks the style (``kind``, ``cue_type``, ...).
        styles: CSS declarations per category value; values not listed are not drawn.
        title: the legend's heading for this layer.
    """

    spans: pd.DataFrame
    category: str
    styles: dict[str, str]
    title: str
    start: str = "start"
    end: str = "end"
    tooltip: str | None = None
    labels: dict[str, str] = field(default_factory=dict)


def highlight(text: str, layers: list[Layer]) -> str:
    """HTML of ``text`` with each layer's spans wrapped in styled ``<span>``s, plus a legend.

    Overlapping spans nest: the text is cut at every span boundary and each piece is wrapped once for every
    span that covers it, outer layers first.
    """
    marks = []
    for order, layer in enumerate(layers):
        for row in layer.spans.itertuples(index=False):
            value = getattr(row, layer.category)
            if value not in layer.styles:
                continue
            start, end = int(getattr(row, layer.start)), int(getattr(row, layer.end))
            if end <= start:
                continue
            tip = str(getattr(row, layer.tooltip)) if layer.tooltip else layer.labels.get(value, value)
            marks.append((start, end, order, layer.styles[value], tip))
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    pieces = []
    for left, right in zip(cuts, cuts[1:]):
        chunk = html.escape(text[left:right]).replace("\n", "<br>\n")
        covering = sorted((m for m in marks if m[0] <= left and right <= m[1]), key=lambda m: (m[2], m[0], -m[1]))
        for _, _, _, style, tip in reversed(covering):
            chunk = f'<span style="{style}" title="{html.escape(tip)}">{chunk}</span>'
        pieces.append(chunk)
    legend = []
    for layer in layers:
        items = " ".join(
            f'<span style="{style}">{html.escape(layer.labels.get(name, name))}</span>'
            for name, style in layer.styles.items()
        )
        legend.append(f"<div><b>{html.escape(layer.title)}:</b> {items}</div>")
    return (
        '<div style="font-family: Georgia, serif; line-height: 1.9; max-width: 52em">'
        f'<div style="font-family: sans-serif; font-size: 0.85em; margin-bottom: 0.8em">{"".join(legend)}</div>'
        f"{''.join(pieces)}</div>"
    )
