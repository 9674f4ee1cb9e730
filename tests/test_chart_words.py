"""Charts speak of a corpus's beat in its own words (the sides of a war, the groups of any other beat), and every
chart of every committed notebook carries alt text made from its title and axes, the first one included."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.views import charts
from analysis.views.beats import beat_views
from analysis.views.display import alt_text
from chart_reading import title

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))

GROUPS = ["Harbour Party", "Valley Party", "other"]


def _side_charts(side_name: str | None):
    words = {} if side_name is None else {"side_name": side_name}
    mentions = pd.DataFrame({"actor": ["Ana Ruiz", "Bo Lind"], "side": GROUPS[:2], "mentions": [3, 2]})
    by_side = pd.DataFrame({"direct": [2, 1, 1], "indirect": [1, 2, 0]}, index=GROUPS)
    kind_side = pd.DataFrame({GROUPS[0]: [2, 1], "own voice": [1, 3]}, index=["count", "money"])
    by_source = pd.DataFrame({"source": ["Ana Ruiz", ""], "side": [GROUPS[0], "own voice"], "figures": [2, 3]})
    actions = pd.DataFrame({"agent_side": GROUPS[:2], "verb_class": ["speech", "cooperation"], "actions": [2, 1]})
    return [
        charts.actor_mentions_by_side(mentions, **words),
        charts.attributions_by_side_and_kind(by_side, **words),
        charts.figures_by_kind_and_side(kind_side, **words),
        charts.figures_by_source(by_source, **words),
        charts.actions_by_side(actions, **words),
    ]


def _legend_titles(fig) -> list[str]:
    return [ax.get_legend().get_title().get_text() for ax in fig.axes if ax.get_legend() is not None]


def test_the_beats_name_their_groups():
    assert beat_views()["conflict"].group_noun == "side"
    assert beat_views()["general"].group_noun == "group"


def test_charts_of_a_beat_without_sides_never_say_side():
    for fig in _side_charts("group"):
        words = " ".join([title(fig), *(ax.get_xlabel() for ax in fig.axes), *_legend_titles(fig)])
        assert "side" not in words, words
        assert "group" in words, words


def test_charts_of_a_war_corpus_say_side():
    titles = [title(fig) for fig in _side_charts(None)]
    assert titles[0] == "Who the corpus names, by side"
    assert [_legend_titles(fig) for fig in _side_charts(None)][1:] == [
        ["kind"], ["asserted by (side)"], ["side"], ["agent side"]]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_chart_of_a_committed_notebook_has_alt_text(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    images = [o for c in cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images, "the notebook draws charts"
    alts = [o.get("metadata", {}).get("image/png", {}).get("alt", "") for o in images]
    assert all(alt.startswith("Chart '") for alt in alts), alts


def test_alt_text_is_made_of_title_axes_and_legend():
    fig = _side_charts("group")[0]
    assert alt_text(fig) == ("Chart 'Who the corpus names, by group'; x axis: mentions (count); y axis: actor "
                             "(canonical name); legend: Harbour Party, Valley Party.")
