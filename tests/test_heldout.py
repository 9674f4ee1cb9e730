"""Regression guard on the held-out gold sets (tests/gold/heldout/), which the rules were not written against.

Each floor is the score measured when it was set (2026-12-05) minus the drop of its measure from dev to unseen
held-out gold (baselines.DEV_TO_HELDOUT_DROP), with spans matched by the honest rule (at least half of each
span), and must beat the strongest simple baseline named in its assertion, scored the same way on the same set,
by baselines.MIN_MARGIN (tests/baselines.py). This set is development gold now: its error categories were
reported back and its conventions differ from the unseen tiers' in places (a level's object, frequency
adverbs). They stop a change from
silently undoing generalisation. They are not targets: never tune rules on these files, and never lower a
floor to make a change pass. tests/gold/final/ is not tested here on purpose: it is read only by
benchmarks/evaluate_heldout.py, to report an estimate nothing has been fitted to.
"""

from __future__ import annotations

import importlib.util

import pytest

from baselines import ATTRIBUTION_BASELINE, FIGURE_BASELINE, HEDGE_BASELINE, MAJORITY_BASELINE, assert_floor
from conftest import ROOT

HELDOUT = ROOT / "tests" / "gold" / "heldout"


def _evaluator():
    spec = importlib.util.spec_from_file_location("evaluate_heldout", ROOT / "benchmarks" / "evaluate_heldout.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def evaluator():
    return _evaluator()


def test_attributions_held_out(evaluator):
    scores, baseline = evaluator.attribution_scores(HELDOUT), evaluator.attribution_scores(HELDOUT, baseline=True)
    assert_floor(scores["pairs"].f1, 0.72, baseline["pairs"].f1, ATTRIBUTION_BASELINE)
    assert_floor(scores["content"].f1, 0.88, baseline["content"].f1, ATTRIBUTION_BASELINE)


def test_figures_held_out(evaluator):
    scores = evaluator.figure_scores(HELDOUT)["scores"]
    baseline = evaluator.figure_scores(HELDOUT, baseline=True)["scores"]
    assert_floor(scores.values.f1, 0.94, baseline.values.f1, FIGURE_BASELINE)
    # This set leaves the object of a level empty ("Unemployment rose to 4.4 per cent" -> ""); the pipeline now
    # names what a level is of, as the unseen tiers' conventions ask (0.94 before, 0.79 after; 0.72 after the
    # object rules of issue 21 item 5, which name more levels this set leaves empty). The floor stays: the
    # objects' re-measured dev-to-held-out drop (0.37) would lower it.
    assert_floor(scores.objects.f1, 0.70, baseline.objects.f1, FIGURE_BASELINE)


def test_cues_held_out(evaluator):
    scores, baseline = evaluator.cue_scores(HELDOUT), evaluator.cue_scores(HELDOUT, baseline=True)
    # No precision floor: the hedge list is precise here (0.92), above what the rules' 0.89 less the hedge
    # cues' dev-to-held-out drop could promise.
    assert_floor(scores["spans"].recall, 0.80, baseline["spans"].recall, HEDGE_BASELINE)
    assert_floor(scores["quoted"] / scores["matched"], 0.94, scores["quoted_majority"], MAJORITY_BASELINE)
