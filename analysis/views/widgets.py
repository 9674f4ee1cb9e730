"""One article of the corpus, chosen by a parameter or, in JupyterLab, from a dropdown.

The notebooks compare outlets first, then look at one article closely. That article is chosen twice over:

* by the papermill parameter ``doc_id`` (None: the first article of the ``documents`` table). The cell that
  shows it renders static output (HTML and PNG charts), so the exported HTML and nbval see the parameter's
  article, the same on every run;
* in a live JupyterLab session, by :func:`article_picker`: a dropdown of the corpus's articles that redraws a
  view below it. Run without a Jupyter server (nbconvert, papermill, nbval), the picker is only a line of text
  saying how to use it, so executed notebooks and their HTML carry no dead widget and no widget state. A widget
  saved from JupyterLab differs from run to run, so a cell showing the picker starts with
  ``# NBVAL_IGNORE_OUTPUT`` (nbval then skips comparing its output).

A *view* is a function ``view(tables, doc_id)`` returning what to display, in order: :func:`sourcing_view`,
:func:`figures_view`, :func:`framing_view`.
"""

from __future__ import annotations

import html
import os
from typing import Any, Callable, Sequence

import pandas as pd

#: Characters of an article's title the dropdown shows.
LABEL_TITLE_WIDTH = 60
#: What a view returns: objects IPython can display, in order.
View = Callable[[Any, str], Sequence[Any]]


def resolve_doc_id(documents: pd.DataFrame, doc_id: str | None = None) -> str:
    """The article to show: ``doc_id`` when the corpus has it, the first article when None.

    Raises:
        ValueError: the corpus is empty, or has no article ``doc_id`` (the message names a few that exist).
    """
    ids = documents["doc_id"].astype(str)
    if ids.empty:
        raise ValueError("the corpus has no articles to show")
    if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
        return ids.iloc[0]
    if str(doc_id) not in set(ids):
        known = ", ".join(ids.head(3))
        raise ValueError(f"no article {doc_id!r} in this corpus: set the doc_id parameter to one of its doc_ids "
                         f"({known}{', ...' if len(ids) > 3 else ''}), or to None for the first")
    return str(doc_id)


def article_label(row: Any) -> str:
    """How the dropdown names an article: ``outlet · date · title (doc_id)``, leaving out what is unknown."""
    parts = []
    if str(getattr(row, "outlet", "") or "").strip():
        parts.append(str(row.outlet).strip())
    published_at = getattr(row, "published_at", pd.NaT)
    if pd.notna(published_at):
        parts.append(pd.Timestamp(published_at).strftime("%Y-%m-%d"))
    title = " ".join(str(getattr(row, "title", "") or "").split())
    if title:
        parts.append(title if len(title) <= LABEL_TITLE_WIDTH else title[: LABEL_TITLE_WIDTH - 1] + "\u2026")
    label = " \u00b7 ".join(parts)
    return f"{label} ({row.doc_id})" if label else str(row.doc_id)


def article_options(documents: pd.DataFrame) -> list[tuple[str, str]]:
    """``(label, doc_id)`` per article, in the order of the ``documents`` table."""
    return [(article_label(row), str(row.doc_id)) for row in documents.itertuples(index=False)]


def article_heading(tables, doc_id: str) -> str:
    """HTML: the article's title (or doc_id), outlet, publication date and size, as a heading above a view."""
    row = tables.documents[tables.documents["doc_id"] == doc_id].iloc[0]
    title = " ".join(str(row["title"]).split()) or doc_id
    facts = [str(row["outlet"]).strip() or "(no outlet)"]
    facts.append(pd.Timestamp(row["published_at"]).strftime("%Y-%m-%d") if pd.notna(row["published_at"])
                 else "no date")
    facts += [f"{int(row['n_words']):,} words", f"doc_id {doc_id}"]
    return (f'<div style="font-family: sans-serif; margin: 0.4em 0 0.6em"><b>{html.escape(title)}</b><br>'
            f'<span style="color: #555">{html.escape(" · ".join(facts))}</span></div>')


def sourcing_view(tables, doc_id: str) -> list:
    """The article with every attribution highlighted (:func:`analysis.views.highlights.sourcing.attribution_layers`)."""
    from IPython.display import HTML

    from analysis.views.render import highlight
    from analysis.views.highlights.sourcing import attribution_layers

    rows = tables.attributions[tables.attributions["doc_id"] == doc_id]
    return [HTML(article_heading(tables, doc_id) + highlight(tables.text_of(doc_id), attribution_layers(rows)))]


def figures_view(tables, doc_id: str) -> list:
    """The article with each figure, its approximator and its object highlighted
    (:func:`analysis.views.highlights.figures.highlight_figures`)."""
    from IPython.display import HTML

    from analysis.views.highlights.figures import highlight_figures

    return [HTML(article_heading(tables, doc_id) + highlight_figures(tables, doc_id))]


def framing_view(tables, doc_id: str) -> list:
    """The article's tone arc (:func:`analysis.views.charts.tone_arc`) and its text with cues coloured by type over
    shaded attributions (:func:`analysis.views.highlights.framing.cue_layers`)."""
    from IPython.display import HTML

    from analysis.views.charts import tone_arc
    from analysis.views.highlights.framing import cue_layers
    from analysis.views.render import highlight

    tone = tables.tone[tables.tone["doc_id"] == doc_id]
    cues = tables.cues[tables.cues["doc_id"] == doc_id]
    attributions = tables.attributions[tables.attributions["doc_id"] == doc_id]
    shown: list = [HTML(article_heading(tables, doc_id))]
    if len(tone):
        shown.append(tone_arc(tone))
    shown.append(HTML(highlight(tables.text_of(doc_id), cue_layers(cues, attributions))))
    return shown


def show_article(view: View, tables, doc_id: str | None = None) -> None:
    """Display ``view(tables, doc_id)`` (the first article when ``doc_id`` is None) as static output."""
    from IPython.display import display

    for item in view(tables, resolve_doc_id(tables.documents, doc_id)):
        display(item)


#: The picker's text where widgets cannot be drawn (a saved or exported notebook, a plain console).
PICKER_TEXT = ("Article picker: open this notebook in JupyterLab and run this cell to choose another article "
               "from a dropdown; the view above shows the doc_id parameter's article.")


def live_session() -> bool:
    """True in a kernel a Jupyter server started for a notebook (JupyterLab, Notebook 7): the server names the
    session in ``JPY_SESSION_NAME``. False under nbconvert, papermill and nbval, which start kernels themselves."""
    return bool(os.environ.get("JPY_SESSION_NAME"))


def article_picker(view: View, tables, doc_id: str | None = None, *, live: bool | None = None):
    """A dropdown of the corpus's articles and, below it, ``view`` of the one chosen, redrawn on each choice.

    Starts on ``doc_id`` (the first article when None) without drawing it, since the static cell above already
    shows it; choosing another article draws that one. Needs ipywidgets and a live JupyterLab (or Notebook)
    session (``live``; :func:`live_session` when None); elsewhere it is only :data:`PICKER_TEXT`.
    """
    start = resolve_doc_id(tables.documents, doc_id)
    if not (live_session() if live is None else live):
        return _Text(PICKER_TEXT)
    import ipywidgets as widgets
    from IPython.display import display

    dropdown = widgets.Dropdown(options=article_options(tables.documents), value=start, description="article",
                                layout=widgets.Layout(width="90%"))
    output = widgets.Output()

    def redraw(change) -> None:
        output.clear_output(wait=True)
        with output:
            for item in view(tables, change["new"]):
                display(item)

    dropdown.observe(redraw, names="value")
    return _Picker(widgets.VBox([dropdown, output]))


class _Picker:
    """The picker's box, shown as the widget where a frontend can draw it and as :data:`PICKER_TEXT` elsewhere."""

    def __init__(self, box) -> None:
        self.box = box

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.box._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data["text/plain"] = PICKER_TEXT
        return bundle


class _Text:
    """Plain text shown as itself (no quotes), in notebooks and consoles alike."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text
