"""Scores on the news gold sets, per tier, per table and per item category, each next to trivial baselines, as
Markdown tables.

    python benchmarks/evaluate_news.py [--errors] [TIER ...]
        (default: dev heldout final dev2 dev3 dev4 dev5 dev6 unseen-heldout unseen-final)

Tiers: ``dev``, ``heldout`` and ``final`` (tests/gold/news/) were all visible while rules were written, so
all three are development gold now; ``dev2`` to ``dev6`` (tests/gold/dev2/ ...) are development
gold too, written by hand under the unseen tiers' convention text (tests/gold/unseen/CONVENTIONS.md) so that
rules can follow that convention; ``unseen-heldout`` and ``unseen-final`` (tests/gold/unseen/) were written
from outlets no other tier uses by annotators who saw only tests/gold/unseen/CONVENTIONS.md, and committed
before any rule they could inform. Only their aggregate scores and error counts may be read: never their
items (tests/test_gold_leaks.py fails when any of their text turns up in the code, data or tests).
``--errors`` adds per-table counts of error categories (how many, never which items).

The items are short excerpts of published articles with character offsets for every label; each item is
parsed as its own document, as benchmarks/evaluate_heldout.py does. Spans match by the one rule of
analysis.evaluation (at least half of each span). An item with several categories counts in each of them, so
the category rows overlap; the `all` row counts every item once. Tiers: dev was visible while rules were
written; heldout only reports error categories back; final is report-only and must never be tuned on (no test
asserts a floor on it).

Per table:

* figures: span P/R/F1, (value, unit, approximator) F1 and object F1 over span-matched pairs;
* attributions: (source, kind) F1, content-overlap P/R/F1, and per gold ``cue_type`` the share of relations
  whose content is found and the share also given the right source and kind (the attributions table has no
  cue type of its own, so only recall can be split by it); a source the article names only outside the
  passage is scored as the speaker written in it (:func:`gold_attribution`);
* hedges: cue span P/R/F1 against the extractor's ``hedge`` cues, agreement on ``category`` (epistemic or
  weasel) over matched cues, and sentence uncertainty: an item is uncertain when a hedge cue was found in it,
  compared with the gold ``uncertain`` flag, next to the majority class of the tier.
"""

from __future__ import annotations

import argparse

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence, TypeVar

import analysis
from analysis.catalogue.actors import Catalogue, default_catalogue
from analysis.reading import Corpus, Document
from analysis.datafiles import load_yaml
from analysis.evaluation import (
    NO_FIGURE_SCORES, NO_SCORES, FigureScores, Scores, canonical_source, match_spans, same_number,
    score_attributions, score_figures,
)

ROOT = Path(__file__).resolve().parent.parent
NEWS_GOLD = ROOT / "tests" / "gold" / "news"
UNSEEN_GOLD = ROOT / "tests" / "gold" / "unseen"
#: Development tiers written under the unseen tiers' convention text (tests/gold/unseen/CONVENTIONS.md), so
#: that rules can be tuned to that convention without reading an unseen item; each is written table by table.
CONVENTION_DEV_TIERS = ("dev2", "dev3", "dev4", "dev5", "dev6")
#: The news tiers and the convention dev tiers (development gold) and the unseen tiers (held out from every rule).
NEWS_TIERS = ("dev", "heldout", "final")
TIERS = NEWS_TIERS + CONVENTION_DEV_TIERS
UNSEEN_TIERS = ("unseen-heldout", "unseen-final")
ALL_TIERS = TIERS + UNSEEN_TIERS
#: The items of each gold file sit under this key.
ITEMS_KEY = {"figures": "sentences", "attributions": "passages", "hedges": "sentences"}
#: The row of each table that sums every item once.
ALL = "all"
#: Worker processes of each gold file's build; None: as many as the cores available. The test suite sets 1: it
#: already runs a test on every core, and a gold file is too small for forked workers to pay for themselves there.
BUILD_PROCESSES: int | None = None
# The trivial baselines live with the tests, whose floors must beat them.
sys.path.insert(0, str(ROOT / "tests"))
import baselines  # noqa: E402


def gold_file(tier: str, table: str) -> Path:
    """The gold file of one tier (one of :data:`ALL_TIERS`) and table (figures, attributions or hedges).

    Raises:
        ValueError: ``tier`` is not one of :data:`ALL_TIERS`.
    """
    if tier in CONVENTION_DEV_TIERS:
        return ROOT / "tests" / "gold" / tier / f"{table}.yaml"
    if tier in NEWS_TIERS:
        return NEWS_GOLD / tier / f"{table}.yaml"
    if tier in UNSEEN_TIERS:
        return UNSEEN_GOLD / tier.removeprefix("unseen-") / f"{table}.yaml"
    raise ValueError(f"unknown tier {tier!r}; tiers are {', '.join(ALL_TIERS)}")


def load(tier: str, table: str) -> list[dict]:
    """The items of one gold file: ``table`` is figures, attributions or hedges. Read once per process: the same
    list for every caller, which only reads it (a tier's scores, its error counts and each test of its file)."""
    return _items(gold_file(tier, table), ITEMS_KEY[table])


@lru_cache(maxsize=None)
def _items(path: Path, key: str) -> list[dict]:
    return load_yaml(path.read_text(encoding="utf-8"))[key]


def categories(item: Mapping) -> list[str]:
    """An item's categories: its ``category`` field, a name or a list of names; none when it has no such field
    (the unseen tiers are not split by category)."""
    category = item.get("category", ())
    return [category] if isinstance(category, str) else list(category)


def predictions(items: Sequence[dict], table: str, baseline: Callable[[str], list[dict]] | None) -> list[list[dict]]:
    """Each item's predicted rows: the pipeline's ``table`` with one document per item, or ``baseline``'s rows."""
    if baseline is not None:
        return [baseline(item["text"]) for item in items]
    rows: dict[str, list[dict]] = {item["id"]: [] for item in items}
    for row in _built(tuple((item["id"], item["text"]) for item in items))[table].to_dict("records"):
        rows[row["doc_id"]].append(row)
    return [rows[item["id"]] for item in items]


@lru_cache(maxsize=None)
def _built(items: tuple[tuple[str, str], ...]) -> analysis.Tables:
    """The tables of one gold file's items, ``(id, text)`` each its own document, built once per process: a tier's
    scores, its error counts and the tests' floors all read the same build."""
    documents = [Document(doc_id, f"{doc_id}.txt", text, "0" * 64) for doc_id, text in items]
    return analysis.build(Corpus(documents=documents), n_process=BUILD_PROCESSES)


#: A summable score: FigureScores, AttributionTally or HedgeTally.
Tally = TypeVar("Tally")


def by_category(items: Sequence[dict], scores: Iterable[Tally], zero: Tally) -> dict[str, Tally]:
    """Per-item scores summed per category and over all items (``ALL``)."""
    totals = defaultdict(lambda: zero)
    for item, score in zip(items, scores):
        totals[ALL] += score
        for category in categories(item):
            totals[category] += score
    return dict(totals)


# --- figures -----------------------------------------------------------------------------------------------------


def figure_results(tier: str, *, baseline: bool = False) -> dict[str, FigureScores]:
    """Figure scores per category of one tier, of the figures table or of the digit-token baseline."""
    items = load(tier, "figures")
    # the baseline's rows of every item at once: it parses them together, in the pipeline's batches
    predicted = (baselines.digit_tokens_each([item["text"] for item in items]) if baseline
                 else predictions(items, "figures", None))
    scores = (score_figures(rows, item["figures"], item["text"], [0]) for item, rows in zip(items, predicted))
    return by_category(items, scores, NO_FIGURE_SCORES)


# --- attributions ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttributionTally:
    """Attribution scores of a set of items, and per gold cue type ``(gold, content found, relation right)``."""

    pairs: Scores = NO_SCORES
    content: Scores = NO_SCORES
    by_cue_type: Mapping[str, tuple[int, int, int]] = field(default_factory=dict)

    def __add__(self, other: "AttributionTally") -> "AttributionTally":
        cue_types = {}
        for cue_type in self.by_cue_type.keys() | other.by_cue_type.keys():
            mine, theirs = self.by_cue_type.get(cue_type, (0, 0, 0)), other.by_cue_type.get(cue_type, (0, 0, 0))
            cue_types[cue_type] = tuple(a + b for a, b in zip(mine, theirs))
        return AttributionTally(self.pairs + other.pairs, self.content + other.content, cue_types)


def gold_attribution(relation: Mapping) -> dict:
    """A news-gold relation in the shape :func:`score_attributions` reads: source and content as text, the
    content at its offsets.

    The source is the gold ``source`` where the passage names it; where the article names it only outside the
    passage (offsets null), it is the ``speaker`` as written, since an extractor reading the passage cannot
    know the fuller name.
    """
    content, source = relation["content"], relation["source"]
    named_here = source["start"] is not None or not relation["speaker"]["text"]
    return {"source": source["text"] if named_here else relation["speaker"]["text"], "kind": relation["kind"],
            "content": content["text"], "content_start": content["start"], "content_end": content["end"],
            "sentence_id": 0}


def score_item_attributions(predicted: Sequence[Mapping], item: Mapping, catalogue: Catalogue) -> AttributionTally:
    """One item's attribution scores, with each gold relation's cue type tallied: found when a predicted content
    matches its content, right when that prediction also has its source and kind."""
    gold = [gold_attribution(relation) for relation in item["attributions"]]
    scores = score_attributions(predicted, gold, item["text"], catalogue)
    partner = {j: i for i, j in scores.matched}
    cue_types: dict[str, tuple[int, int, int]] = {}
    for j, relation in enumerate(item["attributions"]):
        found = j in partner
        right = found and predicted[partner[j]]["kind"] == gold[j]["kind"] and (
            canonical_source(predicted[partner[j]]["source"], catalogue) == canonical_source(gold[j]["source"], catalogue)
        )
        total = cue_types.get(relation["cue_type"], (0, 0, 0))
        cue_types[relation["cue_type"]] = (total[0] + 1, total[1] + found, total[2] + right)
    return AttributionTally(scores.pairs, scores.content, cue_types)


def attribution_results(tier: str, *, baseline: bool = False) -> dict[str, AttributionTally]:
    """Attribution scores per category of one tier, of the attributions table or of the reporting-word
    baseline."""
    items, catalogue = load(tier, "attributions"), default_catalogue()
    predicted = predictions(items, "attributions", baselines.reporting_sentences if baseline else None)
    scores = (score_item_attributions(rows, item, catalogue) for item, rows in zip(items, predicted))
    return by_category(items, scores, AttributionTally())


# --- hedges ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HedgeTally:
    """Hedge cue spans, category agreement over matched cues, and item-level uncertainty counts."""

    spans: Scores = NO_SCORES
    category_agree: int = 0
    items: int = 0
    uncertain_right: int = 0
    majority_right: int = 0

    @property
    def category_accuracy(self) -> float:
        return self.category_agree / self.spans.correct_gold if self.spans.correct_gold else 1.0

    @property
    def uncertain_accuracy(self) -> float:
        return self.uncertain_right / self.items if self.items else 1.0

    @property
    def majority_accuracy(self) -> float:
        return self.majority_right / self.items if self.items else 1.0

    def __add__(self, other: "HedgeTally") -> "HedgeTally":
        return HedgeTally(self.spans + other.spans, self.category_agree + other.category_agree,
                          self.items + other.items, self.uncertain_right + other.uncertain_right,
                          self.majority_right + other.majority_right)


def score_item_hedges(predicted: Sequence[Mapping], item: Mapping, majority: bool) -> HedgeTally:
    """One item's hedge tally: ``predicted`` are cue rows, of which only hedges count; ``majority`` is the
    tier's commoner ``uncertain`` flag."""
    hedges = [cue for cue in predicted if cue["cue_type"] == "hedge"]
    gold = item["cues"]
    matched = match_spans([(c["start"], c["end"]) for c in hedges], [(c["start"], c["end"]) for c in gold])
    # The cues table names hedge categories as the gold does (epistemic, weasel); its third, distancing, has no
    # gold counterpart and so counts as a disagreement.
    agree = sum(hedges[i]["category"] == gold[j]["category"] for i, j in matched)
    return HedgeTally(
        spans=Scores(len(matched), len(hedges), len(matched), len(gold)),
        category_agree=agree,
        items=1,
        uncertain_right=int(bool(hedges) == bool(item["uncertain"])),
        majority_right=int(majority == bool(item["uncertain"])),
    )


def hedge_results(tier: str, *, baseline: bool = False) -> dict[str, HedgeTally]:
    """Hedge scores per category of one tier, of the cues table's hedges or of the hedge-list baseline."""
    items = load(tier, "hedges")
    predicted = predictions(items, "cues", baselines.hedge_words if baseline else None)
    flags = [bool(item["uncertain"]) for item in items]
    majority = flags.count(True) >= flags.count(False)
    scores = (score_item_hedges(rows, item, majority) for item, rows in zip(items, predicted))
    return by_category(items, scores, HedgeTally())


# --- report ------------------------------------------------------------------------------------------------------


def _prf(scores: Scores) -> str:
    return f"{scores.precision:.2f} / {scores.recall:.2f} / {scores.f1:.2f}"


def _ordered(results: Mapping[str, object]) -> list[str]:
    """``ALL`` first, then the categories by name."""
    return [ALL] + sorted(c for c in results if c != ALL)


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def figure_report(tier: str) -> str:
    """Markdown: figure scores per category, extractor next to the digit-token baseline."""
    ours, base = figure_results(tier), figure_results(tier, baseline=True)
    rows = ((c, ours[c].spans.gold, _prf(ours[c].spans), _prf(base[c].spans), f"{ours[c].values.f1:.2f}",
             f"{base[c].values.f1:.2f}", f"{ours[c].objects.f1:.2f}", f"{base[c].objects.f1:.2f}") for c in _ordered(ours))
    header = ("category", "gold figures", "spans P / R / F1", "baseline spans", "value/unit/approx F1", "baseline",
              "object F1", "baseline")
    return f"Figures ({tier}; baseline: {baselines.FIGURE_BASELINE})\n\n" + _table(header, rows)


def attribution_report(tier: str) -> str:
    """Markdown: attribution scores per category and per cue type, extractor next to the reporting-word
    baseline."""
    ours, base = attribution_results(tier), attribution_results(tier, baseline=True)
    rows = ((c, ours[c].pairs.gold, f"{ours[c].pairs.f1:.2f}", f"{base[c].pairs.f1:.2f}", _prf(ours[c].content),
             _prf(base[c].content)) for c in _ordered(ours))
    header = ("category", "gold relations", "(source, kind) F1", "baseline", "content P / R / F1", "baseline")
    by_type_ours, by_type_base = ours[ALL].by_cue_type, base[ALL].by_cue_type
    type_rows = []
    for cue_type in sorted(by_type_ours):
        (gold, found, right), (_, found0, right0) = by_type_ours[cue_type], by_type_base[cue_type]
        type_rows.append((cue_type, gold, f"{found / gold:.2f}", f"{found0 / gold:.2f}", f"{right / gold:.2f}",
                          f"{right0 / gold:.2f}"))
    type_header = ("cue_type", "gold relations", "content found", "baseline", "content, source and kind right",
                   "baseline")
    return (f"Attributions ({tier}; baseline: {baselines.ATTRIBUTION_BASELINE})\n\n" + _table(header, rows)
            + f"\n\nAttributions by gold cue type ({tier}; recall only)\n\n" + _table(type_header, type_rows))


def hedge_report(tier: str) -> str:
    """Markdown: hedge cue and sentence-uncertainty scores per category, next to the hedge-list and
    majority-class baselines."""
    ours, base = hedge_results(tier), hedge_results(tier, baseline=True)
    rows = ((c, ours[c].items, ours[c].spans.gold, _prf(ours[c].spans), _prf(base[c].spans),
             f"{ours[c].category_accuracy:.2f}", f"{ours[c].uncertain_accuracy:.2f}", f"{base[c].uncertain_accuracy:.2f}",
             f"{ours[c].majority_accuracy:.2f}") for c in _ordered(ours))
    header = ("category", "items", "gold cues", "cue spans P / R / F1", "baseline", "category agreement",
              "uncertain accuracy", "hedge-list baseline", "majority class")
    return (f"Hedges ({tier}; baseline: {baselines.HEDGE_BASELINE}; majority class: the tier's commoner "
            f"`uncertain` flag)\n\n" + _table(header, rows))


# --- error categories ----------------------------------------------------------------------------------------------


def _pairs(predicted: Sequence[Mapping], gold: Sequence[Mapping], *, prefix: str = "") -> list[tuple[int, int]]:
    """Predicted and gold rows matched by span (``prefix`` + start/end) with the scorers' one rule."""
    def spans(rows: Sequence[Mapping]) -> list[tuple[int, int]]:  # no offsets (an empty refusal topic): empty
        return [(int(r[f"{prefix}start"] or 0), int(r[f"{prefix}end"] or 0)) for r in rows]
    return match_spans(spans(predicted), spans(gold))


def figure_errors(tier: str) -> Counter:
    """How many figures of each error category the figures table makes on one tier (counts only)."""
    items = load(tier, "figures")
    errors: Counter = Counter()
    for item, rows in zip(items, predictions(items, "figures", None)):
        gold = item["figures"]
        pairs = _pairs(rows, gold)
        errors["missed figure"] += len(gold) - len(pairs)
        errors["figure the gold does not have"] += len(rows) - len(pairs)
        for i, j in pairs:
            mine, right = rows[i], gold[j]
            errors["value wrong"] += not same_number(mine["value"], right["value"]) and right["approx"] != "range"
            errors["range ends wrong"] += right["approx"] == "range" and not (
                same_number(mine["low"], right["low"]) and same_number(mine["high"], right["high"]))
            errors["unit wrong"] += mine["unit_canonical"] != right["unit"]
            errors["approximator wrong"] += mine["approx"] != right["approx"]
            if str(mine["object"]).lower() != str(right["object"]).lower():
                key = ("object missing" if not mine["object"] else
                       "object where the gold has none" if not right["object"] else "object wrong")
                errors[key] += 1
                if right["object"]:
                    errors[f"{key}: {_object_error_kind(str(mine['object'] or ''), str(right['object']), item['text'], int(right['start'] or 0))}"] += 1
    return errors


def _object_error_kind(mine: str, gold: str, text: str, figure_start: int) -> str:
    """What kind of object error a pair shows, told from the strings and where the gold noun stands (a category,
    never the item): a compound or a longer phrase against its head, a plural against a singular, or, when the
    two share no word, where the gold noun is written relative to the figure."""
    ours, right = mine.lower().split(), gold.lower().split()
    if ours and right:
        if ours[-1] == right[-1]:
            return "same head, gold longer" if len(right) > len(ours) else "same head, ours longer"
        if ours[-1].rstrip("s") == right[-1].rstrip("s"):
            return "same head but for number (plural/singular)"
        if set(ours) & set(right):
            return "words shared, heads differ"
    at = text.lower().find(gold.lower())
    if at < 0:
        return "gold words not in the passage"
    sentence_start = max(text.rfind(". ", 0, figure_start), text.rfind("\n", 0, figure_start))
    if at < sentence_start:
        return "gold noun in an earlier sentence"
    return "gold noun before the figure" if at < figure_start else "gold noun after the figure"


def attribution_errors(tier: str) -> Counter:
    """How many relations of each error category the attributions table makes on one tier, missed ones by gold
    cue type (counts only)."""
    items, catalogue = load(tier, "attributions"), default_catalogue()
    errors: Counter = Counter()
    for item, rows in zip(items, predictions(items, "attributions", None)):
        gold = [gold_attribution(relation) for relation in item["attributions"]]
        pairs = _pairs(rows, gold, prefix="content_")
        found = {j for _, j in pairs}
        for j, relation in enumerate(item["attributions"]):
            if j not in found:
                errors[f"missed ({relation['cue_type']})"] += 1
        errors["relation the gold does not have"] += len(rows) - len(pairs)
        for i, j in pairs:
            same = canonical_source(rows[i]["source"], catalogue) == canonical_source(gold[j]["source"], catalogue)
            errors["source wrong"] += not same
            errors["kind wrong"] += rows[i]["kind"] != gold[j]["kind"]
    return errors


def hedge_errors(tier: str) -> Counter:
    """How many hedge cues and sentences of each error category the cues table gets wrong on one tier (counts
    only)."""
    items = load(tier, "hedges")
    errors: Counter = Counter()
    for item, rows in zip(items, predictions(items, "cues", None)):
        hedges, gold = [row for row in rows if row["cue_type"] == "hedge"], item["cues"]
        pairs = _pairs(hedges, gold)
        found, taken = {j for _, j in pairs}, {i for i, _ in pairs}
        for j, cue in enumerate(gold):
            errors[f"missed {cue['category']} cue"] += j not in found
        sentence = "an uncertain" if item["uncertain"] else "a certain"
        for i, cue in enumerate(hedges):
            errors[f"{cue['category']} cue the gold does not have, in {sentence} sentence"] += i not in taken
        errors["category wrong"] += sum(hedges[i]["category"] != gold[j]["category"] for i, j in pairs)
        errors["uncertain sentence with no cue"] += bool(item["uncertain"]) and not hedges
        errors["certain sentence given a cue"] += not item["uncertain"] and bool(hedges)
    return errors


def error_report(tier: str) -> str:
    """Markdown: the error categories of every table on one tier, with their counts."""
    rows = []
    for table, errors in (("figures", figure_errors), ("attributions", attribution_errors), ("hedges", hedge_errors)):
        if gold_file(tier, table).exists():
            rows += [(table, category, count) for category, count in sorted(errors(tier).items()) if count]
    return f"Error categories ({tier}; counts only)\n\n" + _table(("table", "error category", "count"), rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tiers", nargs="*", metavar="TIER",
                        help=f"tiers to score (default: all of {', '.join(ALL_TIERS)})")
    parser.add_argument("--errors", action="store_true", help="add counts of error categories per table")
    options = parser.parse_args(argv)
    unknown = [tier for tier in options.tiers if tier not in ALL_TIERS]
    if unknown:
        parser.error(f"unknown tier {unknown[0]!r}; tiers are {', '.join(ALL_TIERS)}")
    for tier in options.tiers or ALL_TIERS:
        print(f"## {tier}\n")
        for table, report in (("figures", figure_report), ("attributions", attribution_report),
                              ("hedges", hedge_report)):
            # the convention dev tiers are written table by table; a table without its file yet is said, not an error
            print(report(tier) + "\n" if gold_file(tier, table).exists() else f"({tier} has no {table} gold yet)\n")
        if options.errors:
            print(error_report(tier) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
