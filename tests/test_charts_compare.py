"""Charts of outlet and time comparisons (analysis.views.charts on analysis.views.summaries.compare tables): what
each draws (bars, lines, legend, title, axis labels) asserted against the hand-made tables it is drawn from
(tests/chart_reading.py), every chart titled and labelled at one outlet and at many, and, as an extra, the
images compared with reviewed baselines (pytest-mpl)."""

import pandas as pd
import pytest

from analysis.views import charts
from chart_reading import bars, legend, lines, title
from analysis.views.charts import base
from analysis.views.summaries import compare
from analysis.views.summaries.compare import NO_OUTLET, OTHER_OUTLETS

DOCS = pd.DataFrame(
    {
        "doc_id": ["a1", "a2", "a3", "b1", "b2", "c1", "n1"],
        "outlet": ["Harbour Wire", "Harbour Wire", "Harbour Wire", "Northern Ledger", "Northern Ledger",
                   "Valley Courier", ""],
        "n_words": [300, 250, 400, 500, 350, 200, 150],
        "published_at": pd.to_datetime(["2025-03-03", "2025-03-05", "2025-03-12", "2025-03-04", "2025-03-18",
                                        "2025-03-11", None], utc=True),
    }
)
ATTRIBUTIONS = pd.DataFrame(
    {
        "doc_id": ["a1", "a1", "a2", "a3", "b1", "b1", "b2", "c1", "n1"],
        "kind": ["direct", "indirect", "indirect", "according_to", "direct", "mixed", "indirect", "direct", "indirect"],
        "source_type": ["person", "government", "anonymous", "document", "person", "person", "anonymous",
                        "institution", "anonymous"],
        "source": ["Tomas Reil", "the ministry", "an official", "a report", "Anika Brandt", "Anika Brandt",
                   "sources", "the council", "a neighbour"],
    }
)
CLAIMS = pd.DataFrame(
    {"doc_id": ["a1", "a1", "a2", "b1", "b2", "b2", "c1", "n1"],
     "basis": ["own_voice", "attributed", "attributed", "own_voice", "own_voice", "attributed", "attributed",
               "own_voice"]}
)
FIGURES = pd.DataFrame(
    {"doc_id": ["a1", "a1", "a2", "b1", "b2", "c1", "c1"],
     "quantity_kind": ["count", "money", "count", "count", "length", "count", "percent"]}
)
AGREEMENT = pd.DataFrame(
    {"object": ["people", "home", "euro"], "quantity_kind": ["count", "count", "money"],
     "agree": [4, 2, 0], "disagree": [3, 0, 1], "undetermined": [1, 0, 0]}
)
CUES = pd.DataFrame(
    {"doc_id": ["a1", "a2", "b1", "b1", "c1", "c1"],
     "cue_type": ["hedge", "loaded", "hedge", "evaluative", "emotion", "hedge"],
     "quoted": [False, False, True, False, False, False], "cue_id": [0, 0, 0, 1, 0, 1]}
)
TONE = pd.DataFrame(
    {"doc_id": ["a1", "a2", "a3", "b1", "b2", "c1", "n1"], "sentence_id": [0] * 7,
     "compound": [-0.4, -0.2, 0.1, -0.6, -0.3, 0.2, 0.0], "own_voice": [True] * 7}
)


def one_outlet(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(outlet="") if "outlet" in frame else frame


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_articles_by_outlet_chart():
    return charts.articles_by_outlet(compare.articles_per_outlet(DOCS))


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_articles_over_time_chart():
    return charts.articles_over_time(compare.articles_over_time(DOCS))


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_attribution_kinds_by_outlet_chart():
    return charts.attribution_kinds_by_outlet(compare.attribution_kinds_by_outlet(ATTRIBUTIONS, DOCS))


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_anonymous_by_outlet_chart():
    return charts.anonymous_by_outlet(compare.anonymous_by_outlet(ATTRIBUTIONS, DOCS))


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_top_sources_by_outlet_chart():
    return charts.top_sources_by_outlet(compare.top_sources_by_outlet(ATTRIBUTIONS, DOCS, top=2))


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_figures_by_outlet_chart():
    return charts.figures_by_outlet(compare.figures_by_outlet(FIGURES, DOCS, top_kinds=3))


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_figure_agreement_chart():
    return charts.figure_agreement_chart(AGREEMENT)


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_cues_by_outlet_chart():
    return charts.cues_by_outlet(compare.cues_by_outlet(CUES, DOCS))


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_tone_by_outlet_chart():
    return charts.tone_by_outlet(compare.tone_by_outlet(TONE, DOCS))


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_framing_over_time_chart():
    return charts.framing_over_time(compare.framing_over_time(CUES, TONE, DOCS))


def every_chart(docs: pd.DataFrame) -> list:
    figures = [
        charts.articles_by_outlet(compare.articles_per_outlet(docs)),
        charts.attribution_kinds_by_outlet(compare.attribution_kinds_by_outlet(ATTRIBUTIONS, docs)),
        charts.source_types_by_outlet(compare.source_types_by_outlet(ATTRIBUTIONS, docs)),
        charts.own_voice_by_outlet(compare.own_voice_share_by_outlet(CLAIMS, docs)),
        charts.anonymous_by_outlet(compare.anonymous_by_outlet(ATTRIBUTIONS, docs)),
        charts.figures_by_outlet(compare.figures_by_outlet(FIGURES, docs)),
        charts.cues_by_outlet(compare.cues_by_outlet(CUES, docs)),
        charts.tone_by_outlet(compare.tone_by_outlet(TONE, docs)),
    ]
    over_time = compare.articles_over_time(docs)
    if len(over_time):
        figures.append(charts.articles_over_time(over_time))
    return figures


@pytest.mark.parametrize("docs", [DOCS, one_outlet(DOCS)], ids=["three outlets", "no outlet named"])
def test_every_comparison_chart_is_titled_and_labelled(docs):
    for fig in every_chart(docs):
        title = fig._suptitle.get_text() if fig._suptitle is not None else fig.axes[0].get_title()
        assert title, fig
        assert all(ax.get_xlabel() for ax in fig.axes if ax.get_visible()), title


def test_many_outlets_keep_one_legend_entry_per_named_outlet():
    many = pd.DataFrame(
        {"doc_id": [f"d{i}" for i in range(60)], "outlet": [f"Outlet {i % 20:02d}" for i in range(60)],
         "n_words": [100] * 60,
         "published_at": pd.to_datetime([f"2025-01-{1 + i % 28:02d}" for i in range(60)], utc=True)}
    )
    per_outlet = compare.articles_per_outlet(many, top=8)
    assert len(per_outlet) == 9 and per_outlet["outlet"].iloc[-1] == OTHER_OUTLETS
    fig = charts.articles_over_time(compare.articles_over_time(many, top=5))
    assert len(fig.axes[0].get_legend().get_texts()) == 6
    fig = charts.articles_over_time(compare.articles_over_time(many))
    assert len(fig.axes[0].get_legend().get_texts()) == 20


def test_outlet_colours_give_greys_to_no_outlet_and_other():
    colours = charts.outlet_colours(["A", NO_OUTLET, "B", OTHER_OUTLETS])
    assert colours["A"] != colours["B"]
    assert colours[NO_OUTLET] == base.NO_OUTLET_COLOUR and colours[OTHER_OUTLETS] == base.OTHER_OUTLETS_COLOUR


def test_actor_mentions_chart_with_no_catalogued_actor_says_so():
    empty = pd.DataFrame({"actor": pd.Series(dtype=str), "side": pd.Series(dtype=str), "mentions": pd.Series(dtype=int)})
    fig = charts.actor_mentions_by_side(empty)
    assert "no mention of a catalogued actor" in fig.axes[0].texts[0].get_text()


# --- what each chart draws, against the hand-made tables above (the images are an extra) ------------------------


def test_articles_by_outlet_draws_one_bar_per_outlet():
    fig = charts.articles_by_outlet(compare.articles_per_outlet(DOCS))
    ax = fig.axes[0]
    assert title(fig) == "How many articles each outlet contributes to the corpus"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("articles (count)", "outlet")
    assert {category: length for (_, category), length in bars(ax).items()} == {
        "Harbour Wire": 3, "Northern Ledger": 2, "Valley Courier": 1, NO_OUTLET: 1}


def test_articles_over_time_draws_each_outlets_week():
    ax = charts.articles_over_time(compare.articles_over_time(DOCS)).axes[0]
    assert legend(ax) == ["Harbour Wire", "Northern Ledger", "Valley Courier"]
    assert bars(ax) == {("Harbour Wire", "03 Mar 2025"): 2, ("Harbour Wire", "10 Mar 2025"): 1,
                        ("Northern Ledger", "03 Mar 2025"): 1, ("Northern Ledger", "17 Mar 2025"): 1,
                        ("Valley Courier", "10 Mar 2025"): 1}
    assert ax.get_ylabel() == "articles (count)" and "week" in ax.get_xlabel()


def test_attribution_kinds_by_outlet_draws_each_kinds_share():
    ax = charts.attribution_kinds_by_outlet(compare.attribution_kinds_by_outlet(ATTRIBUTIONS, DOCS)).axes[0]
    assert legend(ax) == ["direct", "mixed", "indirect", "according_to"]
    assert bars(ax) == pytest.approx({
        ("direct", "Harbour Wire"): 25, ("indirect", "Harbour Wire"): 50, ("according_to", "Harbour Wire"): 25,
        ("direct", "Northern Ledger"): 33.3, ("mixed", "Northern Ledger"): 33.3, ("indirect", "Northern Ledger"): 33.3,
        ("direct", "Valley Courier"): 100, ("indirect", NO_OUTLET): 100}, abs=0.1)
    assert "%" in ax.get_xlabel()


def test_anonymous_by_outlet_draws_each_share_and_its_count():
    ax = charts.anonymous_by_outlet(compare.anonymous_by_outlet(ATTRIBUTIONS, DOCS)).axes[0]
    assert {category: length for (_, category), length in bars(ax).items()} == pytest.approx(
        {"Harbour Wire": 25, "Northern Ledger": 33.3, NO_OUTLET: 100}, abs=0.1)
    assert sorted(text.get_text() for text in ax.texts) == ["0 of 1", "1 of 1", "1 of 3", "1 of 4"]


def test_top_sources_by_outlet_draws_each_outlets_sources():
    fig = charts.top_sources_by_outlet(compare.top_sources_by_outlet(ATTRIBUTIONS, DOCS, top=2))
    drawn = [{category: length for (_, category), length in bars(ax).items()} for ax in fig.axes if ax.get_visible()]
    assert drawn == [{"Tomas Reil": 1, "a report": 1}, {"Anika Brandt": 2, "sources": 1}, {"the council": 1},
                     {"a neighbour": 1}]
    assert "2 more to other sources" in fig.axes[0].get_xlabel()


def test_figures_by_outlet_draws_figures_per_article_by_kind():
    ax = charts.figures_by_outlet(compare.figures_by_outlet(FIGURES, DOCS, top_kinds=3)).axes[0]
    assert legend(ax) == ["count", "length", "other"]
    assert bars(ax) == pytest.approx({
        ("count", "Harbour Wire"): 0.67, ("other", "Harbour Wire"): 0.33, ("count", "Northern Ledger"): 0.5,
        ("length", "Northern Ledger"): 0.5, ("count", "Valley Courier"): 1, ("other", "Valley Courier"): 1}, abs=0.01)


def test_figure_agreement_draws_the_pairs_of_each_object():
    ax = charts.figure_agreement_chart(AGREEMENT).axes[0]
    assert legend(ax) == ["agree", "disagree", "undetermined"]
    assert bars(ax) == {("agree", "people (count)"): 4, ("disagree", "people (count)"): 3,
                        ("undetermined", "people (count)"): 1, ("agree", "home (count)"): 2,
                        ("disagree", "euro (money)"): 1}


def test_cues_by_outlet_draws_own_voice_cues_per_thousand_words():
    fig = charts.cues_by_outlet(compare.cues_by_outlet(CUES, DOCS))
    drawn = sorted(length for ax in fig.axes for length in bars(ax).values())
    # own voice only: hedge 1/950 and loaded 1/950 words (Harbour Wire), evaluative 1/850 (Northern Ledger; its
    # hedge is quoted), hedge and emotion 1/200 (Valley Courier)
    assert drawn == pytest.approx([1.05, 1.05, 1.18, 5.0, 5.0], abs=0.01)
    assert "own voice" in title(fig)


def test_framing_over_time_draws_each_outlets_weeks():
    fig = charts.framing_over_time(compare.framing_over_time(CUES, TONE, DOCS))
    loaded, hedges, tone = (lines(ax) for ax in fig.axes[:3])
    assert loaded["Harbour Wire"][:2] == pytest.approx([1.82, 0.0], abs=0.01)  # a2's loaded cue in 550 words
    assert loaded["Valley Courier"][1] == pytest.approx(5.0)
    assert hedges["Northern Ledger"][0] == 0.0  # its one hedge is quoted
    assert tone["Harbour Wire"][:2] == pytest.approx([-0.3, 0.1])
    assert legend(fig) == ["Harbour Wire", "Northern Ledger", "Valley Courier"]


def test_tone_by_outlet_draws_each_outlets_articles():
    ax = charts.tone_by_outlet(compare.tone_by_outlet(TONE, DOCS)).axes[0]
    assert sorted(text.get_text() for text in ax.texts) == ["1 art.", "1 art.", "2 art.", "3 art."]
    assert [label.get_text() for label in ax.get_yticklabels()] and "VADER" in ax.get_xlabel()


def bar_colours(ax) -> dict[str, str]:
    """The colour of each named bar of a horizontal bar chart, by its tick label."""
    from matplotlib.colors import to_hex

    labels = [t.get_text() for t in ax.get_yticklabels()]
    return {label: to_hex(bar.get_facecolor()) for label, bar in zip(labels, ax.patches)}


def test_an_outlet_keeps_its_colour_in_charts_of_different_subsets():
    corpus_colours = charts.outlet_colours(compare.outlet_sequence(DOCS))
    all_outlets = bar_colours(charts.articles_by_outlet(compare.articles_per_outlet(DOCS), colours=corpus_colours).axes[0])
    # the anonymous chart of only the articles of Northern Ledger and Valley Courier: a subset, in another order
    subset = DOCS[DOCS["outlet"].isin(["Valley Courier", "Northern Ledger"])]
    rates = compare.anonymous_by_outlet(ATTRIBUTIONS[ATTRIBUTIONS["doc_id"].isin(subset["doc_id"])], subset)
    some = bar_colours(charts.anonymous_by_outlet(rates, colours=corpus_colours).axes[0])
    assert set(some) == {"Northern Ledger", "Valley Courier"}
    assert some == {o: all_outlets[o] for o in some}
    assert len(set(all_outlets.values())) == len(all_outlets)
    # without the corpus's colours the subset's first outlet would take the first colour: the test can fail
    alone = bar_colours(charts.anonymous_by_outlet(rates).axes[0])
    assert alone["Northern Ledger"] != all_outlets["Northern Ledger"]


def test_twenty_outlets_have_twenty_colours():
    colours = charts.outlet_colours([f"Outlet {k}" for k in range(20)] + [NO_OUTLET, OTHER_OUTLETS])
    assert len({colours[f"Outlet {k}"] for k in range(20)}) == 20
    assert base.NO_OUTLET_COLOUR not in {colours[f"Outlet {k}"] for k in range(20)}


def test_a_chart_grouped_by_another_column_says_so():
    docs = DOCS.assign(lean=["left", "left", "left", "right", "right", "centre", None])
    fig = charts.articles_by_outlet(compare.articles_per_outlet(docs, by="lean"), group="lean")
    ax = fig.axes[0]
    assert ax.get_ylabel() == "lean" and "each lean" in ax.get_title()
    # left has most articles (drawn at the top, the last tick), then right, centre, and the articles without one
    assert [t.get_text() for t in ax.get_yticklabels()] == ["(no lean)", "centre", "right", "left"]


def test_long_or_blank_labels_stay_readable():
    sources = pd.DataFrame({"outlet": ["Harbour Wire"] * 3, "rank": [1, 2, 3],
                            "source": ["the Ministry of Coastal Infrastructure and Fisheries Affairs",
                                       "the Ministry of Coastal Infrastructure and Fisheries Policy", "  "],
                            "attributions": [3, 2, 1], "articles": [1, 1, 1]})
    ax = charts.top_sources_by_outlet(sources).axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(ax.patches) == 3  # two sources that read alike once cut are still two bars
    assert all(label.strip() for label in labels) and "(blank)" in labels
    assert all(len(label) <= 28 for label in labels)
