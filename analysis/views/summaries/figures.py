"""Figure summaries for the notebooks: who asserts which figures, by side and kind."""

from __future__ import annotations

import pandas as pd

from analysis.views.summaries.compare import by_identity, corpus_sources

#: How the summaries name the article's own voice (a figure no attribution holds).
OWN_VOICE = "(own voice)"


def figures_with_sides(tables) -> pd.DataFrame:
    """The ``figures`` table with the asserting source's side (from ``attributions``; `own voice` when the
    article asserts the figure itself, `unknown` when the attributions table is not there to say), and the source
    named by its corpus identity where it has one."""
    figures = tables.figures.copy()
    has_attributions = "attributions" in getattr(tables, "names", [])
    sides = (
        tables.attributions[["doc_id", "attribution_id", "side"]]
        if has_attributions
        else pd.DataFrame({"doc_id": pd.Series(dtype=str), "attribution_id": pd.Series(dtype="Int64"), "side": []})
    )
    merged = figures.merge(sides.astype({"attribution_id": "Int64"}), on=["doc_id", "attribution_id"], how="left")
    own = merged["attribution_id"].isna()
    merged["side"] = merged["side"].where(~own, "own voice").fillna("unknown")
    merged["source"] = merged["source"].where(~own, OWN_VOICE)
    return by_identity(merged, corpus_sources(tables))


def figures_by_source(tables) -> pd.DataFrame:
    """How many figures each source asserts, by side and quantity kind, most figures first."""
    frame = figures_with_sides(tables)
    counts = frame.groupby(["source", "side", "quantity_kind"], sort=True).size().rename("figures").reset_index()
    totals = counts.groupby("source")["figures"].transform("sum")
    return (
        counts.assign(_total=totals)
        .sort_values(["_total", "source", "figures", "quantity_kind"], ascending=[False, True, False, True])
        .drop(columns="_total")
        .reset_index(drop=True)
    )


def figures_by_kind_and_side(tables) -> pd.DataFrame:
    """Figures per quantity kind (rows) and side of the asserting source (columns): the chart's data."""
    frame = figures_with_sides(tables)
    table = pd.crosstab(frame["quantity_kind"], frame["side"])
    return table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]


def figure_overview(tables) -> pd.DataFrame:
    """Every figure with what it measures, how exact it is and who asserts it (display columns only)."""
    columns = ["doc_id", "sentence_id", "text", "value", "low", "high", "approx", "unit_canonical",
               "quantity_kind", "object", "event", "source", "side"]
    return figures_with_sides(tables)[columns]


#: The verdicts of ``figure_consistency`` in the order a note names them, with what each means.
CONSISTENCY_VERDICTS = (
    ("consistent", "consistent (their wordings overlap)"),
    ("inconsistent", "inconsistent (two voices, the story and a source or two sources, that cannot both be right)"),
    ("undetermined", "undetermined (no bounds, two projections, or one voice's two values: likely two days, "
                     "places or groups)"),
)


def consistency_note(consistency: pd.DataFrame) -> str:
    """One sentence on the ``figure_consistency`` table: how many pairs of figures of one thing it holds, and how
    many of each verdict; or that no thing is counted twice, so there is nothing to compare."""
    if consistency.empty:
        return ("No thing is counted or measured twice, on one day and about one place, in different sentences of "
                "an article: there is nothing to compare.")
    counts = consistency["verdict"].value_counts()
    n = len(consistency)
    parts = [f"{int(counts.get(verdict, 0)):,} {meaning}" for verdict, meaning in CONSISTENCY_VERDICTS
             if counts.get(verdict, 0)]
    return f"{n:,} pair{'' if n == 1 else 's'} of figures of one thing: " + "; ".join(parts) + "."
