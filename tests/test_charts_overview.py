"""Overview charts: what each draws asserted against the table it was given (tests/chart_reading.py), and, as
an extra, the image compared with a reviewed baseline (pytest-mpl)."""

import pandas as pd
import pytest

from analysis.views import charts
from chart_reading import bars, legend, lines, title

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


def test_actor_mentions_draws_each_actors_mentions():
    fig = charts.actor_mentions_by_side(COUNTS)
    ax = fig.axes[0]
    assert title(fig) == "Who the corpus names, by side"
    assert {category: length for (_, category), length in bars(ax).items()} == {
        "Ukraine": 9, "Russia": 7, "Vladimir Putin": 4, "Kursk region": 3, "Politico": 1}
    assert legend(ax) == ["Ukraine", "Russia", "other"]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("mentions (count)", "actor (canonical name)")


def test_sentence_lengths_draws_every_sentence_once():
    ax = charts.sentence_lengths(pd.DataFrame({"n_words": [12, 18, 22, 25, 31, 31, 46, 8]})).axes[0]
    heights = [patch.get_height() for patch in ax.patches]
    assert sum(heights) == 8 and max(heights) == 2  # the two sentences of 31 words share a bin
    assert all(patch.get_width() == 5 for patch in ax.patches)  # bins of 5 words, as the label says
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("sentence length (words, bins of 5)", "sentences (count)")
    assert lines(ax) == {}
