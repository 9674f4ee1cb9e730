"""Highlighting of figures in the rendered article: the figure, its approximator and its object."""

from __future__ import annotations

from analysis.views.render import Layer, highlight

#: Highlight styles: the figure (value and unit), its approximator and its object, in distinct colours.
HIGHLIGHT_STYLES = {
    "value": "background: #fdd49e; border-bottom: 2px solid #d94801",
    "approximator": "background: #c6dbef; border-bottom: 2px solid #08519c",
    "object": "background: #c7e9c0; border-bottom: 2px solid #238b45",
}


def highlight_figures(tables, doc_id: str) -> str:
    """The article as HTML with each figure, its approximator and its object highlighted in their own colours."""
    figures = tables.figures[tables.figures.doc_id == doc_id]

    def layer(kind: str, start: str, end: str, title: str) -> Layer:
        spans = figures.dropna(subset=[start])[[start, end, "text"]].assign(kind=kind)
        return Layer(spans, "kind", {kind: HIGHLIGHT_STYLES[kind]}, title, start=start, end=end, tooltip="text")

    return highlight(
        tables.text_of(doc_id),
        [
            layer("value", "start", "end", "figure"),
            layer("approximator", "approximator_start", "approximator_end", "approximator"),
            layer("object", "object_start", "object_end", "counted or measured thing"),
        ],
    )
