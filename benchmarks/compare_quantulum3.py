"""Our figure extractor and quantulum3 side by side on the two figure gold sets, per construction.

quantulum3 is not a dependency of the project; run this from a throwaway environment::

    python3 -m venv /tmp/q3 && /tmp/q3/bin/pip install quantulum3 && /tmp/q3/bin/pip install -e .
    /tmp/q3/bin/python benchmarks/compare_quantulum3.py

Both are scored with :func:`analysis.evaluation.score_figures`: figures matched by span overlap in their
sentence, precision/recall on (value, unit, approx) and on object. quantulum3 gives no approximator (its
figures count as `exact`) and no object (empty), and its units are mapped to pint spellings (currencies to ISO
codes) before comparing. Its unit classifier is switched off (``USE_CLF = False``): with the current
scikit-learn its pickled model fails to load on about one sentence in five. Also prints words per second of
both extractors (ours: the spaCy parse plus the figure grammar, and the grammar alone).
"""

from __future__ import annotations

import dataclasses
import time
import warnings
from collections import defaultdict
from pathlib import Path

import yaml

warnings.filterwarnings("ignore")

import quantulum3.classifier  # noqa: E402

quantulum3.classifier.USE_CLF = False
from quantulum3 import parser as q3  # noqa: E402

from analysis.catalogue.actors import default_catalogue  # noqa: E402
from analysis.reading import Document  # noqa: E402
from analysis.evaluation import NO_FIGURE_SCORES, FigureScores, score_figures  # noqa: E402
from analysis.extraction.figures import figure_rows, lexicon, unit_registry  # noqa: E402
from analysis.extraction.nlp import load_pipeline  # noqa: E402
from analysis.extraction.parsed import ParsedDocument, SentenceIndex  # noqa: E402
from analysis.extraction.pipeline import parse_documents  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
SEED = ROOT / "seeds" / "000_34cfc605f5ff8a7c.txt"
#: quantulum3 unit names that pint spells differently.
Q3_UNIT_NAMES = {"dimensionless": "", "percentage": "percent", "square mile": "mile ** 2",
                 "square kilometre": "kilometer ** 2", "kilometre per hour": "kilometer / hour",
                 "tonne": "metric_ton", "degree Celsius": "degree_Celsius", "litre": "liter"}


def _q3_unit(quantity) -> str:
    """A quantulum3 unit as a pint spelling or ISO code ("" for a plain number, the raw name if unknown)."""
    name = quantity.unit.name
    if name in Q3_UNIT_NAMES:
        return Q3_UNIT_NAMES[name]
    if quantity.unit.entity.name == "currency":
        words = name.lower().split()
        for written, code in lexicon().currency_names.items():
            if written[-1].rstrip("s") in words or written[-1] in words:
                return code
        return name
    try:
        return str(unit_registry().Unit(name.replace(" ", "_")))
    except Exception:  # an unknown name stays as written: it will not match the gold
        return name


def q3_rows(text: str) -> list[dict]:
    rows = []
    for quantity in q3.parse(text):
        start, end = quantity.span
        rows.append(dict(start=start, end=end, text=text[start:end], value=float(quantity.value),
                         unit_canonical=_q3_unit(quantity), approx="exact", object=""))
    return rows


def our_rows(parsed) -> list[dict]:
    return [dataclasses.asdict(r) for r in figure_rows(parsed, [])]


def main() -> None:
    nlp = load_pipeline()

    def parse(text: str) -> ParsedDocument:
        document = Document(doc_id="bench", path="bench.txt", text=text, sha256="0" * 64)
        ((_, doc),) = parse_documents([document], nlp)
        return ParsedDocument(document, doc, SentenceIndex.of(doc), default_catalogue())

    ours: dict[str, FigureScores] = defaultdict(lambda: NO_FIGURE_SCORES)
    theirs: dict[str, FigureScores] = defaultdict(lambda: NO_FIGURE_SCORES)
    seed_text = SEED.read_text(encoding="utf-8")
    seed = parse(seed_text)
    starts = list(seed.sentences.starts)
    seed_gold = yaml.safe_load((GOLD / "figures_seed.yaml").read_text(encoding="utf-8"))["figures"]
    ours["seed article"] = score_figures(our_rows(seed), seed_gold, seed_text, starts)
    theirs["seed article"] = score_figures(q3_rows(seed_text), seed_gold, seed_text, starts)
    items = yaml.safe_load((GOLD / "figures_news.yaml").read_text(encoding="utf-8"))["sentences"]
    parse_time = grammar_time = q3_time = 0.0
    words = 0
    for item in items:
        text = item["text"]
        words += len(text.split())
        t0 = time.perf_counter()
        parsed = parse(text)
        t1 = time.perf_counter()
        mine = our_rows(parsed)
        t2 = time.perf_counter()
        other = q3_rows(text)
        t3 = time.perf_counter()
        parse_time, grammar_time, q3_time = parse_time + t1 - t0, grammar_time + t2 - t1, q3_time + t3 - t2
        for key in (item["construction"], "news: all"):
            ours[key] += score_figures(mine, item["figures"], text, [0])
            theirs[key] += score_figures(other, item["figures"], text, [0])

    def cell(s) -> str:
        return f"{s.precision:.2f}/{s.recall:.2f}"

    header = f"{'set / construction':22} {'gold':>4} | {'ours value P/R':>14} {'ours object':>11} | {'q3 value P/R':>12} {'q3 object':>9}"
    print(header)
    print("-" * len(header))
    for key in sorted(ours, key=lambda k: (k == "news: all", k != "seed article")):
        a, b = ours[key], theirs[key]
        print(f"{key:22} {a.spans.gold:>4} | {cell(a.values):>14} {cell(a.objects):>11} | {cell(b.values):>12} {cell(b.objects):>9}")
    print()
    print(f"news set: {words} words, {len(items)} sentences")
    print(f"  ours (spaCy parse + grammar): {words / (parse_time + grammar_time):,.0f} words/s")
    print(f"  ours (grammar on a parse):    {words / grammar_time:,.0f} words/s")
    print(f"  quantulum3 (USE_CLF=False):   {words / q3_time:,.0f} words/s")
    extra = [t for key in theirs if key not in ("news: all",) for t in theirs[key].extra]
    print(f"  quantulum3 figures not in the gold (sample): {extra[:12]}")


if __name__ == "__main__":
    main()
