"""The news gold sets (tests/gold/news/): they load, their offsets hold, and the dev and heldout scores stay
above floors that beat the trivial baselines.

Floors sit a few points under the scores measured when they were set (benchmarks/evaluate_news.py prints them),
with a wider margin than the older sets' because the sets were still growing. The final tier is loaded and its
offsets checked but never scored here: it is report-only. Where the extractor does not beat a baseline, no
floor can honestly be set; the shortfall is a strict xfail instead, so that it shows in every run and turns
into a failure (asking for a real floor) once the extractor overtakes the baseline.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache
from typing import Callable, Iterator

import pytest

from baselines import ATTRIBUTION_BASELINE, FIGURE_BASELINE, HEDGE_BASELINE, MAJORITY_BASELINE, assert_floor
from conftest import ROOT

TABLES = ("figures", "attributions", "hedges")


def _evaluator():
    spec = importlib.util.spec_from_file_location("evaluate_news", ROOT / "benchmarks" / "evaluate_news.py")
    module = importlib.util.module_from_spec(spec)
    # Registered before it runs: its dataclasses look their module up by name.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


evaluate_news = _evaluator()
#: table -> the scorer of one tier's gold file for it.
RESULTS = {"figures": evaluate_news.figure_results, "attributions": evaluate_news.attribution_results,
           "hedges": evaluate_news.hedge_results}

#: measure name -> (table, the score read from a table's ``all`` row, the baseline it must beat).
MEASURES: dict[str, tuple[str, Callable[[object], float], str]] = {
    "figure spans F1": ("figures", lambda r: r.spans.f1, FIGURE_BASELINE),
    "figure value/unit/approx F1": ("figures", lambda r: r.values.f1, FIGURE_BASELINE),
    "figure object F1": ("figures", lambda r: r.objects.f1, FIGURE_BASELINE),
    "attribution (source, kind) F1": ("attributions", lambda r: r.pairs.f1, ATTRIBUTION_BASELINE),
    "attribution content F1": ("attributions", lambda r: r.content.f1, ATTRIBUTION_BASELINE),
    "hedge cue precision": ("hedges", lambda r: r.spans.precision, HEDGE_BASELINE),
    "hedge cue F1": ("hedges", lambda r: r.spans.f1, HEDGE_BASELINE),
    "sentence uncertainty accuracy": ("hedges", lambda r: r.uncertain_accuracy, HEDGE_BASELINE),
}
#: (tier, measure, floor); measured dev / heldout: figure spans 0.75 / 0.70, values 0.65 / 0.61, objects
#: 0.26 / 0.30 (the pipeline keeps the held-out set's counted-noun convention, this gold names broader
#: objects), (source, kind) 0.63 / 0.52, content 0.81 / 0.77, heldout hedge precision 0.79, F1 0.60.
FLOORS = [
    ("dev", "figure spans F1", 0.72),
    ("dev", "figure value/unit/approx F1", 0.62),
    ("dev", "figure object F1", 0.22),
    ("dev", "attribution (source, kind) F1", 0.59),
    ("dev", "attribution content F1", 0.77),
    ("heldout", "figure spans F1", 0.67),
    ("heldout", "figure value/unit/approx F1", 0.58),
    ("heldout", "figure object F1", 0.27),
    ("heldout", "attribution (source, kind) F1", 0.48),
    ("heldout", "attribution content F1", 0.73),
    ("heldout", "hedge cue precision", 0.75),
    ("heldout", "hedge cue F1", 0.57),
]
#: (tier, measure) where the extractor scored under its baseline when the floors were set: dev hedge cues
#: F1 0.64 against the hedge list's 0.68 (precision 0.74 against 0.74); sentence uncertainty 0.78 against
#: 0.87 on dev and 0.73 against 0.83 on heldout.
SHORTFALLS = [("dev", "hedge cue F1"), ("dev", "sentence uncertainty accuracy"),
              ("heldout", "sentence uncertainty accuracy")]


@lru_cache(maxsize=None)
def _all_row(tier: str, table: str, baseline: bool):
    """The ``all`` row of one tier's scores for one table, of the extractor or of the trivial baseline."""
    return RESULTS[table](tier, baseline=baseline)[evaluate_news.ALL]


def _scores(tier: str, measure: str) -> tuple[float, float, str]:
    """``(extractor score, baseline score, baseline name)`` of one measure on one tier."""
    table, read, baseline = MEASURES[measure]
    return read(_all_row(tier, table, False)), read(_all_row(tier, table, True)), baseline


def _labels(value: object) -> Iterator[dict]:
    """Every ``{text, start, end}`` label nested anywhere in a gold item."""
    if isinstance(value, dict):
        if {"text", "start", "end"} <= value.keys():
            yield value
        for child in value.values():
            yield from _labels(child)
    elif isinstance(value, list):
        for child in value:
            yield from _labels(child)


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("tier", evaluate_news.TIERS)
def test_gold_loads_with_ids_texts_and_categories(tier, table):
    items = evaluate_news.load(tier, table)
    assert items, f"{tier}/{table}.yaml has no items"
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for item in items:
        assert isinstance(item["text"], str) and item["text"], item["id"]
        assert evaluate_news.categories(item), item["id"]


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("tier", evaluate_news.TIERS)
def test_every_offset_slices_to_its_text(tier, table):
    wrong = []
    for item in evaluate_news.load(tier, table):
        for label in _labels({key: value for key, value in item.items() if key != "text"}):
            if label["start"] is not None and item["text"][label["start"]:label["end"]] != label["text"]:
                wrong.append((item["id"], label["text"], label["start"], label["end"]))
    assert wrong == []


@pytest.mark.parametrize("tier, measure, floor", FLOORS)
def test_score_floor(tier, measure, floor):
    score, baseline_score, baseline = _scores(tier, measure)
    assert_floor(score, floor, baseline_score, baseline)


@pytest.mark.parametrize("tier", ["dev", "heldout"])
def test_sentence_uncertainty_beats_the_majority_class(tier):
    scores = _all_row(tier, "hedges", False)
    assert scores.uncertain_accuracy > scores.majority_accuracy, MAJORITY_BASELINE


@pytest.mark.xfail(strict=True, reason="the extractor scored under its trivial baseline here (see SHORTFALLS)")
@pytest.mark.parametrize("tier, measure", SHORTFALLS)
def test_extractor_beats_its_baseline(tier, measure):
    score, baseline_score, baseline = _scores(tier, measure)
    assert score > baseline_score, f"{measure} on {tier}: {score:.2f} against {baseline}: {baseline_score:.2f}"
