"""Numeric-claims charts, compared with the baselines in tests/baseline (pytest-mpl)."""

import pandas as pd
import pytest

from analysis.views import charts
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
