"""Charts of outlets and dates, used by every notebook: each takes a table of
:mod:`analysis.views.summaries.compare` (outlets already cut to the top ones plus "other outlets"), so it stays
readable at one article and at thousands: one bar or panel per outlet, never one per article, and legends with
at most a handful of entries.

Every chart of outlets takes ``colours=`` (the corpus's :func:`~analysis.views.charts.base.outlet_colours`, so that
an outlet has one colour in every chart of every notebook) and ``group=`` (what a bar stands for: ``outlet``, or the
``documents`` column the notebooks' ``GROUP_BY`` names)."""

from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd
from matplotlib.figure import Figure

from analysis.views.charts.base import (
    FALLBACK_COLOUR,
    GROUP_PALETTE,
    OTHER_COLOUR,
    barh_labelled,
    colours_for,
    integer_axis,
    new_figure,
    LABEL_WIDTH,
    outlet_rows_height,
    panels,
    shorten,
    stacked_bars,
)
from analysis.views.charts.sourcing import KIND_COLOURS

#: Colours of the kinds of source (attributions' ``source_type``), named bodies in blues and greens, unnamed ones
#: in oranges, and speakers the rules could not tell (``unresolved``) in grey.
SOURCE_TYPE_COLOURS = {
    "person": "#0072B2", "government": "#56B4E9", "military": "#009E73", "institution": "#7fc97f",
    "media": "#CC79A7", "document": "#b07aa1", "anonymous": "#D55E00", "collective": "#E69F00",
    "unresolved": "#999999",
}


#: Colours of the verdicts of ``figure_agreement``.
VERDICT_COLOURS = {"agree": "#009E73", "consistent": "#56B4E9", "disagree": "#D55E00", "undetermined": "#c7c7c7"}


def articles_by_outlet(per_outlet: pd.DataFrame, *, colours: Mapping[str, str] | None = None,
                       group: str = "outlet") -> Figure:
    """Horizontal bars: articles per outlet, with the count at the end of each bar.

    Args:
        per_outlet: columns ``outlet`` and ``articles`` (:func:`analysis.views.summaries.compare.articles_per_outlet`), in the
            order to draw from the top.
    """
    data = per_outlet.iloc[::-1]
    fig, ax = new_figure(7.0, outlet_rows_height(len(data)))
    colours = colours_for(per_outlet["outlet"], colours)
    bars = barh_labelled(ax, data["outlet"], data["articles"], [colours[o] for o in data["outlet"]])
    ax.bar_label(bars, labels=[f"{n:,}" for n in data["articles"]], padding=3, fontsize="small")
    ax.margins(x=0.12)
    ax.set_title(f"How many articles each {group} contributes to the corpus")
    ax.set_xlabel("articles (count)")
    ax.set_ylabel(group)
    integer_axis(ax.xaxis)
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


def articles_over_time(over_time: pd.DataFrame, *, colours: Mapping[str, str] | None = None,
                       group: str = "outlet") -> Figure:
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
    colours = colours_for(table.columns, colours)
    fig, ax = new_figure(max(7.0, 0.35 * len(periods) + 3.0), 3.8)
    labels = _period_labels(periods, days)
    table.index = labels
    stacked_bars(ax, table, table.columns, colours.get)
    step = max(1, len(labels) // 16)
    ax.set_xticks(range(0, len(labels), step), labels[::step], rotation=45, ha="right")
    ax.set_title(f"When the corpus's articles were published, per {unit.split()[0]}")
    ax.set_xlabel(f"{unit} (publication date, UTC)")
    ax.set_ylabel("articles (count)")
    ax.legend(title=group, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    integer_axis(ax.yaxis)
    return fig


def shares_by_outlet(
    shares: pd.DataFrame, category: str, *, title: str, legend_title: str, colours: Mapping[str, str] | None = None,
    count: str = "attributions", group: str = "outlet",
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
        group: what a bar stands for (``outlet``, or the column the notebooks group by).
    """
    colours = dict(colours or {})
    table = shares.pivot_table(index="outlet", columns=category, values="share", aggfunc="sum", sort=False)
    table = table.reindex(index=list(dict.fromkeys(shares["outlet"])),
                          columns=list(dict.fromkeys(shares[category]))).fillna(0) * 100
    totals = shares.groupby("outlet", sort=False)[count].sum().reindex(table.index)
    data = table.iloc[::-1]
    fig, ax = new_figure(7.5, outlet_rows_height(len(data)))
    stacked_bars(ax, data, data.columns, lambda c: colours.get(c, FALLBACK_COLOUR), horizontal=True)
    for y, outlet in enumerate(data.index):
        ax.text(101, y, f"n={int(totals[outlet]):,}", va="center", fontsize="small")
    ax.set_xlim(0, 100)
    ax.set_title(title)
    ax.set_xlabel(f"share of the {group}'s {count} (%)")
    ax.set_ylabel(group)
    ax.legend(title=legend_title, loc="upper left", bbox_to_anchor=(1.12, 1.0), fontsize="small")
    return fig


def rate_by_outlet(rates: pd.DataFrame, part: str, total: str, *, title: str, xlabel: str,
                   colours: Mapping[str, str] | None = None, group: str = "outlet") -> Figure:
    """Horizontal bars: a share per outlet (in %), each labelled ``part of total`` so the base is visible.

    Args:
        rates: columns ``outlet``, ``part``, ``total`` and ``share`` (0-1, NaN when the total is 0), e.g.
            :func:`analysis.views.summaries.compare.own_voice_share_by_outlet` or :func:`analysis.views.summaries.compare.anonymous_by_outlet`.
        part, total: the count columns the share is made of.
        title, xlabel: the chart's title and x-axis label (the label should name the unit, %).
    """
    data = rates.iloc[::-1]
    colours = colours_for(rates["outlet"], colours)
    fig, ax = new_figure(7.0, outlet_rows_height(len(data)))
    bars = barh_labelled(ax, data["outlet"], 100 * data["share"].fillna(0), [colours[o] for o in data["outlet"]])
    ax.bar_label(bars, labels=[f"{int(p):,} of {int(t):,}" for p, t in zip(data[part], data[total])], padding=3,
                 fontsize="small")
    ax.set_xlim(0, 118)
    ax.set_xticks(range(0, 101, 20))
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(group)
    return fig


def attribution_kinds_by_outlet(kinds: pd.DataFrame, *, group: str = "outlet") -> Figure:
    """:func:`shares_by_outlet` of :func:`analysis.views.summaries.compare.attribution_kinds_by_outlet`, kinds in their colours."""
    return shares_by_outlet(kinds, "kind", title=f"How directly each {group} quotes: attributions by kind",
                            legend_title="kind", colours=KIND_COLOURS, group=group)


def source_types_by_outlet(types: pd.DataFrame, *, group: str = "outlet") -> Figure:
    """:func:`shares_by_outlet` of :func:`analysis.views.summaries.compare.source_types_by_outlet`: ``anonymous``
    (the text says the source is unnamed) and ``unresolved`` (the rules could not tell the speaker) apart."""
    return shares_by_outlet(types, "source_type",
                            title=f"Whom each {group} quotes: attributions by kind of source",
                            legend_title="source type", colours=SOURCE_TYPE_COLOURS, group=group)


def own_voice_by_outlet(rates: pd.DataFrame, *, colours: Mapping[str, str] | None = None,
                        group: str = "outlet") -> Figure:
    """:func:`rate_by_outlet` of :func:`analysis.views.summaries.compare.own_voice_share_by_outlet`."""
    return rate_by_outlet(rates, "own_voice", "claims", title=f"Claims each {group} makes on its own voice",
                          xlabel=f"claims resting on no source (% of the {group}'s claims)", colours=colours,
                          group=group)


def anonymous_by_outlet(rates: pd.DataFrame, *, colours: Mapping[str, str] | None = None,
                        group: str = "outlet") -> Figure:
    """:func:`rate_by_outlet` of :func:`analysis.views.summaries.compare.anonymous_by_outlet`: sources the text
    says are unnamed; speakers the rules could not tell (``unresolved``) count in the total only."""
    return rate_by_outlet(rates, "anonymous", "attributions", title=f"Anonymous sources per {group}",
                          xlabel=f"attributions to a source the text leaves unnamed (% of the {group}'s attributions)",
                          colours=colours, group=group)


def top_sources_by_outlet(top_sources: pd.DataFrame, *, ncols: int = 2, colours: Mapping[str, str] | None = None,
                          group: str = "outlet") -> Figure:
    """Small multiples: one panel per outlet, its most quoted sources as horizontal bars; the attributions to
    the outlet's other sources are a number under the panel.

    Args:
        top_sources: columns ``outlet``, ``rank``, ``source``, ``attributions``
            (:func:`analysis.views.summaries.compare.top_sources_by_outlet`); ``rank`` 0 is the outlet's ``other`` row.
    """
    outlets = list(dict.fromkeys(top_sources["outlet"]))
    rows = int((top_sources["rank"] > 0).groupby(top_sources["outlet"]).sum().max()) if len(top_sources) else 1
    fig, axes = panels(max(len(outlets), 1), ncols=ncols, width=10.0, panel_height=0.3 * rows + 0.9)
    colours = colours_for(outlets, colours)
    for ax, outlet in zip(axes, outlets):
        panel = top_sources[top_sources["outlet"] == outlet]
        # the rest is a number under the panel, not a bar: at thousands of articles it would dwarf the top sources
        rest = int(panel.loc[panel["rank"] == 0, "attributions"].sum())
        data = panel[panel["rank"] > 0].iloc[::-1]
        barh_labelled(ax, data["source"], data["attributions"], colours[outlet], width=28)
        ax.set_ylim(len(data) - 0.5 - max(rows, 1), len(data) - 0.5)  # bars as thick in every panel, from the top
        ax.set_title(shorten(outlet, 40), loc="left", fontsize="medium")
        ax.set_xlabel("attributions (count)" + (f"\n{rest:,} more to other sources" if rest else ""))
        integer_axis(ax.xaxis)
    if not outlets:
        axes[0].set_title("no attributions")
    fig.suptitle(f"Most quoted sources of each {group}")
    return fig


def figures_by_outlet(per_outlet: pd.DataFrame, *, group: str = "outlet") -> Figure:
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
    fig, ax = new_figure(7.5, outlet_rows_height(len(data)))
    stacked_bars(ax, data, kinds, colours.get, horizontal=True)
    ends = data.sum(axis=1)
    for y, outlet in enumerate(data.index):
        ax.text(ends[outlet], y, f"  {int(articles[outlet]):,} art.", va="center", fontsize="small")
    ax.margins(x=0.18)
    ax.set_title(f"Figures per article, by {group} and quantity kind")
    ax.set_xlabel("figures per article (mean count)")
    ax.set_ylabel(group)
    ax.legend(title="quantity kind", loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    return fig


def figure_agreement_chart(summary: pd.DataFrame) -> Figure:
    """Stacked horizontal bars: pairs of figures from different articles per thing counted, by verdict.

    Args:
        summary: columns ``object``, ``quantity_kind`` and the verdict columns ``agree``, ``consistent``,
            ``disagree``, ``undetermined`` (:func:`analysis.views.summaries.compare.figure_agreement_summary`;
            a verdict column left out is not drawn), most pairs first.
    """
    data = summary.iloc[::-1]
    labels = [f"{o or '(no object)'} ({k})" for o, k in zip(data["object"], data["quantity_kind"])]
    table = data[[v for v in VERDICT_COLOURS if v in data.columns]].set_axis(labels)
    fig, ax = new_figure(7.5, outlet_rows_height(len(table)))
    stacked_bars(ax, table, table.columns, VERDICT_COLOURS.get, horizontal=True)
    ax.set_title("Do the corpus's articles agree on the same figure?")
    ax.set_xlabel("pairs of figures from two articles (count)")
    ax.set_ylabel("what is counted")
    ax.legend(title="verdict", loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    integer_axis(ax.xaxis)
    return fig


def cues_by_outlet(per_outlet: pd.DataFrame, *, voice: str = "own voice", ncols: int = 3,
                   colours: Mapping[str, str] | None = None, group: str = "outlet") -> Figure:
    """Small multiples: one panel per cue type, a bar per outlet: cues in ``voice`` per 1,000 words.

    Args:
        per_outlet: columns ``outlet``, ``cue_type``, ``voice``, ``per_1000_words``
            (:func:`analysis.views.summaries.compare.cues_by_outlet`).
        voice: ``own voice`` (the outlet's words) or ``quoted``.
    """
    data = per_outlet[per_outlet["voice"] == voice]
    types = list(dict.fromkeys(data["cue_type"]))
    outlets = list(dict.fromkeys(data["outlet"]))
    colours = colours_for(outlets, colours)
    fig, axes = panels(max(len(types), 1), ncols=ncols, width=10.0, panel_height=0.28 * len(outlets) + 1.0)
    top = float(data["per_1000_words"].max()) if len(data) and data["per_1000_words"].notna().any() else 1.0
    for k, (ax, cue_type) in enumerate(zip(axes, types)):
        rows = data[data["cue_type"] == cue_type].iloc[::-1]
        barh_labelled(ax, rows["outlet"], rows["per_1000_words"].fillna(0), [colours[o] for o in rows["outlet"]])
        ax.set_xlim(0, max(top, 1.0) * 1.05)
        if not rows["per_1000_words"].fillna(0).any():
            ax.text(0.5, 0.5, "none", transform=ax.transAxes, ha="center", va="center", color="#777777")
        ax.set_title(cue_type, loc="left", fontsize="medium")
        ax.set_xlabel("cues per 1,000 words")
        if k % ncols:
            ax.tick_params(labelleft=False)
    fig.suptitle(f"Framing cues in the {voice.replace('own voice', 'outlets’ own voice')}, per {group}")
    return fig


def tone_by_outlet(tone: pd.DataFrame, *, colours: Mapping[str, str] | None = None, group: str = "outlet") -> Figure:
    """Dots and whiskers: per outlet, the median of its articles' mean own-voice tone, with the quartiles.

    Args:
        tone: columns ``outlet``, ``articles``, ``median``, ``q1``, ``q3``
            (:func:`analysis.views.summaries.compare.tone_by_outlet`).
    """
    data = tone.iloc[::-1].reset_index(drop=True)
    colours = colours_for(tone["outlet"], colours)
    fig, ax = new_figure(7.0, outlet_rows_height(len(data)))
    ax.axvline(0, color="#999999", linewidth=0.8)
    for y, row in data.iterrows():
        if row["articles"] == 0 or pd.isna(row["median"]):
            continue
        ax.plot([row["q1"], row["q3"]], [y, y], color=colours[row["outlet"]], linewidth=3, alpha=0.6)
        ax.plot(row["median"], y, "o", color=colours[row["outlet"]], markersize=7)
        ax.text(1.08, y, f"{int(row['articles']):,} art.", va="center", fontsize="small")
    ax.set_yticks(range(len(data)), [shorten(o, LABEL_WIDTH) for o in data["outlet"]])
    ax.set_xlim(-1.05, 1.35)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1])
    ax.set_title(f"Tone of each {group}'s own voice: median article, with quartiles")
    ax.set_xlabel("mean VADER compound of an article's own-voice sentences (-1 to +1)")
    ax.set_ylabel(group)
    return fig


#: The measures :func:`framing_over_time` draws, with their axis labels.
OVER_TIME_MEASURES = {
    "judgements_per_1000_words": "loaded, emotional and\nevaluative cues\n(per 1,000 words)",
    "hedges_per_1000_words": "hedges\n(per 1,000 words)",
    "tone": "own-voice tone\n(VADER, -1 to +1)",
}


def framing_over_time(over_time: pd.DataFrame, *, colours: Mapping[str, str] | None = None,
                      group: str = "outlet") -> Figure:
    """Small multiples over time, one panel per measure (own-voice judgement cues and hedges per 1,000 words,
    own-voice tone), one line per outlet.

    Args:
        over_time: columns ``period``, ``outlet`` and the measures of :data:`OVER_TIME_MEASURES`
            (:func:`analysis.views.summaries.compare.framing_over_time`).
    """
    periods = sorted(over_time["period"].unique())
    unit, days = _period_unit(periods)
    outlets = list(dict.fromkeys(over_time["outlet"]))
    colours = colours_for(outlets, colours)
    fig, axes = panels(len(OVER_TIME_MEASURES), ncols=1, width=8.5, panel_height=1.9, sharex=True)
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
    # one legend for the figure, beside the panels: on the first panel, a long list of outlets made that panel's
    # row as tall as the list and left a gap under the first chart
    fig.legend(*axes[0].get_legend_handles_labels(), title=group, loc="outside right upper", fontsize="small")
    fig.suptitle(f"Framing of the corpus over time, per {unit.split()[0]} and {group}")
    return fig
