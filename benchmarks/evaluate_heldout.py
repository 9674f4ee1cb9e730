"""Scores on gold sets the rules were not written against.

    python benchmarks/evaluate_heldout.py [GOLD_FOLDER]      (default: tests/gold/final)

The development gold sets (tests/gold/*.yaml) were visible while the rules were written, so their scores
flatter the extractors. Two later sets were written by annotators who saw neither the code nor the other gold,
in styles the development sets lack:

* tests/gold/heldout/: British, business, health and invented-conflict copy. Its error *categories* (not its
  items) were reported back once to the engineers, who then fixed those categories generally; its scores
  after that are no longer a clean estimate.
* tests/gold/final/: Australian, Canadian and Indian English, courts, trade, technology, sport business, an
  invented civil conflict. Nothing of it has been fed back: it is the honest estimate. Do not tune on it.

Spans match when they share at least half of each span (analysis.evaluation.spans_match). Every score is
printed next to the trivial baseline of tests/baselines.py, scored the same way on the same set.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

import analysis
from analysis.catalogue.actors import default_catalogue
from analysis.reading import Corpus, Document
from analysis.datafiles import load_yaml
from analysis.evaluation import NO_SCORES, NO_FIGURE_SCORES, Scores, score_attributions, score_cues, score_figures

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT / "tests" / "gold" / "final"
# The trivial baselines live with the tests, whose floors must beat them.
sys.path.insert(0, str(ROOT / "tests"))
import baselines  # noqa: E402


def _load(folder: Path, name: str) -> list[dict]:
    data = load_yaml((folder / name).read_text(encoding="utf-8"))
    return data.get("passages") or data.get("sentences")


def _build(items: list[dict]) -> analysis.Tables:
    documents = [Document(item["id"], f"{item['id']}.txt", item["text"], "0" * 64) for item in items]
    return analysis.build(Corpus(documents=documents))


def _rows(tables: analysis.Tables, table: str, doc_id: str) -> list[dict]:
    frame = tables[table]
    return frame[frame.doc_id == doc_id].to_dict("records")


def _predictions(items: list[dict], table: str, baseline: Callable[[str], list[dict]] | None) -> list[list[dict]]:
    """Each item's predicted rows: the pipeline's ``table``, or the trivial ``baseline`` run on the item's text."""
    if baseline is not None:
        return [baseline(item["text"]) for item in items]
    tables = _build(items)
    return [_rows(tables, table, item["id"]) for item in items]


def attribution_scores(folder: Path = DEFAULT_FOLDER, *, baseline: bool = False) -> dict:
    """(source, kind) and content scores of the attributions table, or of the trivial baseline."""
    items = _load(folder, "attributions.yaml")
    predictions = _predictions(items, "attributions", baselines.reporting_sentences if baseline else None)
    catalogue, pairs, content = default_catalogue(), NO_SCORES, NO_SCORES
    for item, predicted in zip(items, predictions):
        gold = [{"sentence_id": 0, **g} for g in item["attributions"]]
        scores = score_attributions(predicted, gold, item["text"], catalogue)
        pairs += scores.pairs
        content += scores.content
    return {"passages": len(items), "pairs": pairs, "content": content}


def figure_scores(folder: Path = DEFAULT_FOLDER, *, baseline: bool = False) -> dict:
    """Span, value and object scores of the figures table, or of the trivial baseline."""
    items = _load(folder, "figures.yaml")
    # the baseline's rows of every item at once: it parses them together, in the pipeline's batches
    predictions = (baselines.digit_tokens_each([item["text"] for item in items]) if baseline
                   else _predictions(items, "figures", None))
    total = NO_FIGURE_SCORES
    for item, predicted in zip(items, predictions):
        gold = [{"sentence_id": 0, **g} for g in item["figures"]]
        total += score_figures(predicted, gold, item["text"], [0])
    return {"sentences": len(items), "scores": total}


def cue_scores(folder: Path = DEFAULT_FOLDER, *, baseline: bool = False) -> dict:
    """Span scores of the cues table (or of the trivial hedge baseline), agreement on the matched cues, and
    ``quoted_majority``: the accuracy of calling every gold cue by the set's commoner ``quoted`` value."""
    items = _load(folder, "cues.yaml")
    predictions = _predictions(items, "cues", baselines.hedge_words if baseline else None)
    spans, matched, quoted, typed = NO_SCORES, 0, 0, 0
    for item, predicted in zip(items, predictions):
        gold = [{"sentence_id": 0, **g} for g in item["cues"]]
        scores = score_cues(predicted, gold, item["text"], [0])
        spans += scores.spans
        matched += len(scores.matched)
        quoted += scores.quoted_agree
        typed += scores.type_agree
    quoted_majority = baselines.majority_accuracy([bool(g["quoted"]) for item in items for g in item["cues"]])
    return {"sentences": len(items), "spans": spans, "matched": matched, "quoted": quoted, "typed": typed,
            "quoted_majority": quoted_majority}


def _prf(scores: Scores) -> str:
    return f"P={scores.precision:.2f} R={scores.recall:.2f} F1={scores.f1:.2f}"


def main() -> int:
    folder = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else DEFAULT_FOLDER
    print(f"gold: {folder.relative_to(ROOT)}   (each line: extractor | trivial baseline)")
    a, a0 = attribution_scores(folder), attribution_scores(folder, baseline=True)
    print(f"attributions ({a['passages']} passages, {a['pairs'].gold} gold relations); "
          f"baseline: {baselines.ATTRIBUTION_BASELINE}")
    for name, label in (("pairs", "(source, kind)"), ("content", "content overlap")):
        print(f"  {label:<17} {_prf(a[name])} | {_prf(a0[name])}")
    f, f0 = figure_scores(folder)["scores"], figure_scores(folder, baseline=True)["scores"]
    print(f"figures ({f.spans.gold} gold figures); baseline: {baselines.FIGURE_BASELINE}")
    for name, label in (("spans", "spans"), ("values", "value/unit/approx"), ("objects", "object")):
        print(f"  {label:<17} {_prf(getattr(f, name))} | {_prf(getattr(f0, name))}")
    c, c0 = cue_scores(folder), cue_scores(folder, baseline=True)
    print(f"cues ({c['sentences']} sentences, {c['spans'].gold} gold cues); baseline: {baselines.HEDGE_BASELINE}")
    print(f"  {'spans':<17} {_prf(c['spans'])} | {_prf(c0['spans'])}")
    if c["matched"]:
        print(f"  quoted accuracy   {c['quoted'] / c['matched']:.2f} | {c['quoted_majority']:.2f} ({baselines.MAJORITY_BASELINE})"
              f"   cue_type accuracy {c['typed'] / c['matched']:.2f}   (over {c['matched']} matched cues)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
