"""Scores on the held-out gold sets (tests/gold/heldout/): text the extractors were never tuned on.

    python benchmarks/evaluate_heldout.py

The development gold sets (tests/gold/*.yaml) were visible while the rules were written, so their scores
flatter the extractors. The held-out sets were written afterwards, by an annotator who saw neither the code
nor the other gold, in styles the development sets lack (British quotation marks and spelling, business,
health, an invented insurgency). Report these figures; do not tune rules on these files (tests/test_heldout.py
guards against regressions only).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

import analysis
from analysis.actors import default_catalogue
from analysis.corpus import Corpus, Document
from analysis.evaluation import NO_SCORES, NO_FIGURE_SCORES, score_attributions, score_cues, score_figures

HELDOUT = Path(__file__).resolve().parent.parent / "tests" / "gold" / "heldout"


def _load(name: str) -> list[dict]:
    data = yaml.safe_load((HELDOUT / name).read_text(encoding="utf-8"))
    return data.get("passages") or data.get("sentences")


def _build(items: list[dict]) -> analysis.Tables:
    documents = [Document(item["id"], f"{item['id']}.txt", item["text"], "0" * 64) for item in items]
    return analysis.build(Corpus(documents=documents))


def _rows(tables: analysis.Tables, table: str, doc_id: str) -> list[dict]:
    frame = tables[table]
    return frame[frame.doc_id == doc_id].to_dict("records")


def attribution_scores() -> dict:
    items = _load("attributions.yaml")
    tables, catalogue = _build(items), default_catalogue()
    pairs = content = NO_SCORES
    for item in items:
        gold = [{"sentence_id": 0, **g} for g in item["attributions"]]
        scores = score_attributions(_rows(tables, "attributions", item["id"]), gold, item["text"], catalogue)
        pairs += scores.pairs
        content += scores.content
    return {"passages": len(items), "pairs": pairs, "content": content}


def figure_scores() -> dict:
    items = _load("figures.yaml")
    tables, total = _build(items), NO_FIGURE_SCORES
    for item in items:
        gold = [{"sentence_id": 0, **g} for g in item["figures"]]
        total += score_figures(_rows(tables, "figures", item["id"]), gold, item["text"], [0])
    return {"sentences": len(items), "scores": total}


def cue_scores() -> dict:
    items = _load("cues.yaml")
    tables = _build(items)
    spans, matched, quoted, typed = NO_SCORES, 0, 0, 0
    for item in items:
        gold = [{"sentence_id": 0, **g} for g in item["cues"]]
        scores = score_cues(_rows(tables, "cues", item["id"]), gold, item["text"], [0])
        spans += scores.spans
        matched += len(scores.matched)
        quoted += scores.quoted_agree
        typed += scores.type_agree
    return {"sentences": len(items), "spans": spans, "matched": matched, "quoted": quoted, "typed": typed}


def main() -> int:
    a = attribution_scores()
    print(f"attributions ({a['passages']} passages, {a['pairs'].gold} gold relations)")
    for name in ("pairs", "content"):
        s = a[name]
        label = "(source, kind)" if name == "pairs" else "content overlap"
        print(f"  {label:<16} P={s.precision:.2f} R={s.recall:.2f} F1={s.f1:.2f}")
    f = figure_scores()
    s = f["scores"]
    print(f"figures ({f['sentences']} sentences, {s.spans.gold} gold figures)")
    print(f"  spans            P={s.spans.precision:.2f} R={s.spans.recall:.2f} F1={s.spans.f1:.2f}")
    print(f"  value/unit/approx P={s.values.precision:.2f} R={s.values.recall:.2f} F1={s.values.f1:.2f}")
    print(f"  object           P={s.objects.precision:.2f} R={s.objects.recall:.2f} F1={s.objects.f1:.2f}")
    c = cue_scores()
    s = c["spans"]
    print(f"cues ({c['sentences']} sentences, {s.gold} gold cues)")
    print(f"  spans            P={s.precision:.2f} R={s.recall:.2f} F1={s.f1:.2f}")
    if c["matched"]:
        print(f"  quoted accuracy  {c['quoted'] / c['matched']:.2f}   cue_type accuracy {c['typed'] / c['matched']:.2f}"
              f"   (over {c['matched']} matched cues)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
