"""The news gold sets (tests/gold/news/, all development gold now): they load, their offsets hold, and the dev
and heldout scores stay above floors that beat the trivial baselines.

Each floor is the score measured when it was set (benchmarks/evaluate_news.py prints them) minus the drop of its
measure from the dev tier to the unseen held-out tier (baselines.DEV_TO_HELDOUT_DROP), and must beat the
strongest simple baseline of its table on the same tier by baselines.MIN_MARGIN. The final tier is loaded and
its offsets checked but not scored here. The unseen tiers are scored only by benchmarks/evaluate_news.py.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache
from typing import Callable, Iterator

import pytest

from analysis import evaluation
from baselines import ATTRIBUTION_BASELINE, FIGURE_BASELINE, HEDGE_BASELINE, MAJORITY_BASELINE, assert_floor, hedge_words
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
# Each gold file is built in this process: the suite already runs a test on every core (pytest-xdist).
evaluate_news.BUILD_PROCESSES = 1
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
#: (tier, measure) -> floor: the score measured on that tier (2026-12-05) minus the measure's drop from the dev
#: tier to the unseen held-out tier (baselines.DEV_TO_HELDOUT_DROP), rounded down. Measured on dev / heldout:
#: figure spans 0.97 / 0.88, value/unit/approx 0.94 / 0.84, objects 0.48 / 0.49, (source, kind) 0.72 / 0.69 (after the speaker work),
#: content 0.90 / 0.83; hedges (2026-12-06, after the hedge rules of issue 21): cue precision 0.93 / 0.93, cue
#: F1 0.92 / 0.79, sentence uncertainty 0.97 / 0.87. Left without a floor because measured minus drop does not
#: beat the baseline by 0.05: hedge cue precision on dev (0.79 against the hedge list's 0.74 + 0.05) and
#: sentence uncertainty on heldout (0.86 against the hedge list's 0.83 + 0.05).
#: Figures re-measured after the object rules (issue 21 item 5), dev / heldout: spans 0.97 / 0.90, value/unit/
#: approx 0.94 / 0.87, objects 0.78 / 0.66 (baselines 0.08 / 0.16). The dev objects floor rises to 0.78 - 0.366 =
#: 0.41; the heldout objects floor stays 0.41 (0.66 - 0.366 would lower it); heldout spans and values rise to
#: 0.90 - 0.017 and 0.87 - 0.035.
#: Hedges re-measured after the cue-span and weasel-frame rules of the hedges branch (2026-12-06, late), dev /
#: heldout: cue F1 0.92 / 0.88, sentence uncertainty 0.97 / 0.92. The heldout cue F1 floor rises to 0.877 - 0.098
#: = 0.77, and heldout sentence uncertainty gets a floor, 0.923 - 0.008 = 0.91 (it now beats the hedge list's
#: 0.83 by more than 0.05).
FLOORS = {
    ("dev", "figure spans F1"): 0.95,
    ("dev", "figure value/unit/approx F1"): 0.90,
    ("dev", "figure object F1"): 0.41,
    ("dev", "attribution (source, kind) F1"): 0.68,
    ("dev", "attribution content F1"): 0.88,
    ("dev", "hedge cue F1"): 0.82,
    ("dev", "sentence uncertainty accuracy"): 0.96,
    ("heldout", "figure spans F1"): 0.87,
    ("heldout", "figure value/unit/approx F1"): 0.83,
    ("heldout", "figure object F1"): 0.41,
    ("heldout", "attribution (source, kind) F1"): 0.64,
    ("heldout", "attribution content F1"): 0.81,
    ("heldout", "hedge cue precision"): 0.78,
    ("heldout", "hedge cue F1"): 0.77,
    ("heldout", "sentence uncertainty accuracy"): 0.91,
    # dev2 (written under tests/gold/unseen/CONVENTIONS.md), re-measured on main after the seventh round
    # (branches objects2 and recall2, 2026-12-07): spans 0.967, values 0.928, objects 0.746, (source, kind) 0.877,
    # content 0.90, hedge cue F1 0.92, sentence uncertainty 0.98, each minus its drop
    # (baselines.DEV_TO_HELDOUT_DROP, the F1 column), rounded down
    ("dev2", "figure spans F1"): 0.94,
    ("dev2", "figure value/unit/approx F1"): 0.88,
    ("dev2", "figure object F1"): 0.38,
    ("dev2", "attribution (source, kind) F1"): 0.83,
    ("dev2", "attribution content F1"): 0.88,
    ("dev2", "hedge cue F1"): 0.82,
    ("dev2", "sentence uncertainty accuracy"): 0.97,
    # dev3 (the same convention, 2026-12-07; no hedge file), on main after the seventh round: spans 0.94, values
    # 0.91, objects 0.66, (source, kind) 0.68, content 0.80, each minus its drop, rounded down; attributions after
    # recall3 (epithets, statement issuers, objects of emphasis, gerunds, passives with an agent, groups): (source,
    # kind) 0.76, content 0.82
    ("dev3", "figure spans F1"): 0.92,
    ("dev3", "figure value/unit/approx F1"): 0.87,
    ("dev3", "figure object F1"): 0.29,
    ("dev3", "attribution (source, kind) F1"): 0.71,
    ("dev3", "attribution content F1"): 0.80,
    # dev4 (the same convention, 2026-12-07, 40 more hosts), on main after the ninth round (recall4, figures4,
    # hedges4 tuned on it): spans 0.984, values 0.866, objects 0.679, (source, kind) 0.811, content 0.888, hedge
    # cue F1 1.00, sentence uncertainty 1.00, each minus its drop, rounded down; sentence uncertainty one sentence
    # lower still (0.98, not 0.99: one sentence of 65 is 0.015, and a tuned 1.00 is no estimate). Its first
    # scores, before any rule saw it (d390767): 0.94, 0.82, 0.60, 0.73, 0.84, 0.85, 0.91.
    ("dev4", "figure spans F1"): 0.96,
    ("dev4", "figure value/unit/approx F1"): 0.83,
    ("dev4", "figure object F1"): 0.31,
    ("dev4", "attribution (source, kind) F1"): 0.76,
    ("dev4", "attribution content F1"): 0.87,
    ("dev4", "hedge cue F1"): 0.90,
    ("dev4", "sentence uncertainty accuracy"): 0.98,
    # dev5 (a check set of hedge words, 2026-12-07; tests/gold/dev5/README.md): cue F1 0.61 after the conviction
    # rule, minus its drop. No sentence-accuracy floor: 0.70 is below the majority class (0.78), because this
    # annotator reads every conditional clause as a hedge and the rules read only conditions on a pending outcome.
    ("dev5", "hedge cue F1"): 0.51,
    # dev6 (the same convention, 2026-12-07, 161 more hosts; tests/gold/dev6/README.md), on main after the tenth
    # round, whose rules never read it: spans 0.92, values 0.80, (source, kind) 0.77, content 0.84, sentence
    # uncertainty 0.88, each minus its drop, rounded down a little further. No object or hedge cue floor: 0.57 and
    # 0.78 minus their drops do not beat the baselines (0.16, 0.67) by 0.05.
    ("dev6", "figure spans F1"): 0.89,
    ("dev6", "figure value/unit/approx F1"): 0.75,
    ("dev6", "attribution (source, kind) F1"): 0.72,
    ("dev6", "attribution content F1"): 0.81,
    ("dev6", "sentence uncertainty accuracy"): 0.87,
}


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


#: Every (tier, table) gold file: dev2 and dev3 are written table by table, so only their files that exist.
GOLD_FILES = [(tier, table) for tier in evaluate_news.TIERS for table in TABLES
              if tier in evaluate_news.NEWS_TIERS or evaluate_news.gold_file(tier, table).exists()]


@pytest.mark.parametrize("tier, table", GOLD_FILES)
def test_gold_loads_with_ids_texts_and_categories(tier, table):
    items = evaluate_news.load(tier, table)
    assert items, f"{tier}/{table}.yaml has no items"
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for item in items:
        assert isinstance(item["text"], str) and item["text"], item["id"]
        # dev2 and dev3 follow the unseen tiers' convention text, whose items carry no category
        assert tier in evaluate_news.CONVENTION_DEV_TIERS or evaluate_news.categories(item), item["id"]


def test_dev2_has_its_figures_gold():
    """dev2 landed table by table; its figures file is the one the object rules are tuned on."""
    assert ("dev2", "figures") in GOLD_FILES


@pytest.mark.parametrize("tier, table", GOLD_FILES)
def test_every_offset_slices_to_its_text(tier, table):
    wrong = []
    for item in evaluate_news.load(tier, table):
        for label in _labels({key: value for key, value in item.items() if key != "text"}):
            if label["start"] is not None and item["text"][label["start"]:label["end"]] != label["text"]:
                wrong.append((item["id"], label["text"], label["start"], label["end"]))
    assert wrong == []


@pytest.mark.parametrize("tier, measure", FLOORS)
def test_score_floor(tier, measure):
    score, baseline_score, baseline = _scores(tier, measure)
    assert_floor(score, FLOORS[tier, measure], baseline_score, baseline)


@pytest.mark.parametrize("tier", ["dev"])
def test_sentence_uncertainty_floor_beats_the_majority_class(tier):
    scores = _all_row(tier, "hedges", False)
    floor = FLOORS[tier, "sentence uncertainty accuracy"]
    assert_floor(scores.uncertain_accuracy, floor, scores.majority_accuracy, MAJORITY_BASELINE)


# --- dev hedges against the word list, cue by cue ---------------------------------------------------------------


def test_dev_hedges_beat_the_hedge_list():
    """On the development gold (tests/gold/news/dev/hedges.yaml), cue F1 and sentence uncertainty accuracy beat
    the 45-word hedge list, and the cues' own ``category`` agrees with the gold's epistemic/weasel on matched
    cues. Measured 2026-12-06: cue P/R/F1 0.93 / 0.91 / 0.92 (this gold counts frequency adverbs as weasels, the
    rules do not), uncertainty 0.97 (hedge list 0.68 F1, 0.87 accuracy); each floor is that minus the
    dev-to-held-out drop (baselines.DEV_TO_HELDOUT_DROP: 0.098 F1, 0.008 accuracy)."""
    items = evaluate_news.load("dev", "hedges")
    predicted = evaluate_news.predictions(items, "cues", None)
    ours = base = evaluation.NO_SCORES
    right = right_base = agree = matched = 0
    for item, rows in zip(items, predicted):
        found = [r for r in rows if r["cue_type"] == "hedge"]
        listed = hedge_words(item["text"])
        gold = [(c["start"], c["end"]) for c in item["cues"]]
        pairs = evaluation.match_spans([(r["start"], r["end"]) for r in found], gold)
        pairs_base = evaluation.match_spans([(r["start"], r["end"]) for r in listed], gold)
        ours += evaluation.Scores(len(pairs), len(found), len(pairs), len(gold))
        base += evaluation.Scores(len(pairs_base), len(listed), len(pairs_base), len(gold))
        agree += sum(found[i]["category"] == item["cues"][j]["category"] for i, j in pairs)
        matched += len(pairs)
        right += bool(found) == bool(item["uncertain"])
        right_base += bool(listed) == bool(item["uncertain"])
    assert_floor(ours.f1, 0.82, base.f1, HEDGE_BASELINE)
    assert_floor(right / len(items), 0.96, right_base / len(items), HEDGE_BASELINE)
    assert agree / matched >= 0.95
