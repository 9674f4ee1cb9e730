"""Numeric-claims charts: what each draws (bars, legend, title, axis labels) asserted against the table it was
given (tests/chart_reading.py), and, as an extra, the image compared with tests/baseline (pytest-mpl)."""

import pandas as pd
import pytest

from analysis.views import charts
from chart_reading import bars, legend, title
from analysis.views.summaries.figures import figures_by_kind_and_side, figures_by_source

#: A fixed table, so that the image does not change when the extractor improves.
KIND_SIDE = pd.DataFrame(
    {"own voice": [3, 1, 0, 1], "Ukraine": [2, 2, 1, 0], "Russia": [1, 0, 2, 0]},
    index=pd.Index(["count", "area", "length", "money"], name="quantity_kind"),
)
BY_SOURCE = pd.DataFrame(
    {
        "source": ["(own voice)", "Alexei Smirnov", "Alexei Smirnov", "Oleksandr Syrskyi", "a new report"],
        "side": ["own voice", "Russia", "Russia", "Ukraine", "unknown"],
        "quantity_kind": ["count", "count", "length", "area", "area"],
        "figures": [2, 1, 1, 1, 1],
    }
)


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_figures_by_kind_and_side_chart():
    return charts.figures_by_kind_and_side(KIND_SIDE)


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_figures_by_source_chart():
    return charts.figures_by_source(BY_SOURCE)


def test_seed_chart_data_counts_every_figure(seed_tables):
    assert figures_by_kind_and_side(seed_tables).to_numpy().sum() == len(seed_tables.figures)
    assert figures_by_source(seed_tables)["figures"].sum() == len(seed_tables.figures)


def test_figures_by_kind_and_side_draws_the_table():
    fig = charts.figures_by_kind_and_side(KIND_SIDE)
    ax = fig.axes[0]
    assert title(fig) == "What the corpus's figures measure, and who asserts them"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("figures (count)", "quantity kind")
    assert legend(ax) == ["own voice", "Ukraine", "Russia"]
    assert bars(ax) == {("own voice", "count"): 3, ("own voice", "area"): 1, ("own voice", "money"): 1,
                        ("Ukraine", "count"): 2, ("Ukraine", "area"): 2, ("Ukraine", "length"): 1,
                        ("Russia", "count"): 1, ("Russia", "length"): 2}


def test_figures_by_source_draws_each_sources_figures():
    fig = charts.figures_by_source(BY_SOURCE)
    ax = fig.axes[0]
    assert title(fig) == "Who carries the corpus's numbers"
    assert {category: length for (_, category), length in bars(ax).items()} == {
        "(own voice)": 2, "Alexei Smirnov": 2, "Oleksandr Syrskyi": 1, "a new report": 1}
    assert legend(ax) == ["own voice", "Russia", "Ukraine", "unknown"]
    assert ax.get_xlabel() == "figures asserted (count)"
