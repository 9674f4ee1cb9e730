"""Overview charts, compared with reviewed baseline images (pytest-mpl)."""

import pandas as pd
import pytest

from analysis.views import charts

COUNTS = pd.DataFrame(
    {
        "actor": ["Vladimir Putin", "Ukraine", "Russia", "Kursk region", "Politico"],
        "side": ["Russia", "Ukraine", "Russia", "Russia", "other"],
        "mentions": [4, 9, 7, 3, 1],
    }
).sort_values("mentions", ascending=False)


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_actor_mentions_by_side():
    return charts.actor_mentions_by_side(COUNTS)


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_sentence_lengths():
    return charts.sentence_lengths(pd.DataFrame({"n_words": [12, 18, 22, 25, 31, 31, 46, 8]}))


def test_charts_have_titles_and_axis_labels():
    for fig in (charts.actor_mentions_by_side(COUNTS), charts.sentence_lengths(pd.DataFrame({"n_words": [3, 9]}))):
        ax = fig.axes[0]
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
