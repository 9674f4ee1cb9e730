"""Regression guard on the held-out gold sets (tests/gold/heldout/), which the rules were not written against.

The floors sit a little below the scores measured when the guard was set (see the README's accuracy table);
they stop a change from silently undoing generalisation. They are not targets: never tune rules on these
files, and never lower a floor to make a change pass. tests/gold/final/ is not tested here on purpose: it is
read only by benchmarks/evaluate_heldout.py, to report an estimate nothing has been fitted to.
"""

from __future__ import annotations

import importlib.util

import pytest

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
    scores = evaluator.attribution_scores(HELDOUT)
    assert scores["pairs"].f1 >= 0.72, scores["pairs"]
    assert scores["content"].f1 >= 0.88, scores["content"]


def test_figures_held_out(evaluator):
    scores = evaluator.figure_scores(HELDOUT)["scores"]
    assert scores.values.f1 >= 0.90, scores.values
    assert scores.objects.f1 >= 0.85, scores.objects


def test_cues_held_out(evaluator):
    scores = evaluator.cue_scores(HELDOUT)
    assert scores["spans"].recall >= 0.80, scores["spans"]
    assert scores["spans"].precision >= 0.90, scores["spans"]
    assert scores["quoted"] / scores["matched"] >= 0.90
