"""Scoring extracted spans against hand-written gold: matching by overlap, precision and recall.

Generic helpers (:class:`Scores`, :func:`match_spans`, :func:`multiset_scores`) serve every table; the
attribution-specific ones (:func:`score_attributions`) implement the measures of the sourcing issue:
precision and recall on ``(source, kind)`` pairs, with sources canonicalised through the actor catalogue
and compared case-insensitively, and on content spans matched by character overlap (at least half of each
span, :func:`spans_match`).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from dataclasses import dataclass
from typing import Hashable, Iterable, Mapping, Sequence

from analysis.catalogue.actors import Catalogue
from analysis.extraction.sources import lexicon

#: Two spans match when the characters they share are at least this share of EACH span: of the shorter one and
#: of the longer one. Half of the shorter one alone would let a whole sentence match any clause inside it.
MIN_OVERLAP = 0.5
#: Leading words dropped before comparing source names ("the board" and "The board" and "board" agree).
ARTICLES = ("the ", "a ", "an ")


@dataclass(frozen=True)
class Scores:
    """Counts behind a precision/recall pair; ``precision`` is 1.0 when nothing was predicted."""

    correct_predicted: int
    predicted: int
    correct_gold: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct_predicted / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Scores") -> "Scores":
        return Scores(
            self.correct_predicted + other.correct_predicted,
            self.predicted + other.predicted,
            self.correct_gold + other.correct_gold,
            self.gold + other.gold,
        )


NO_SCORES = Scores(0, 0, 0, 0)


def overlap_share(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Characters shared by two ``(start, end)`` spans, as a share of the LONGER one (0 when either is empty).

    The share of the longer span is the smaller of the two spans' shares, so ``overlap_share(a, b) >= x`` says
    that the shared characters are at least ``x`` of ``a`` and at least ``x`` of ``b``.
    """
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    shorter, longer = sorted((a[1] - a[0], b[1] - b[0]))
    return shared / longer if shorter > 0 else 0.0


def spans_match(a: tuple[int, int], b: tuple[int, int], *, min_overlap: float = MIN_OVERLAP) -> bool:
    """Whether two spans match: they share at least ``min_overlap`` of the characters of BOTH spans.

    With the default one half, a clause matches itself give or take a word, and a whole sentence does not
    match a clause that fills less than half of it; empty spans match nothing.
    """
    return overlap_share(a, b) >= min_overlap


def match_spans(
    predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]], *, min_overlap: float = MIN_OVERLAP
) -> list[tuple[int, int]]:
    """One-to-one ``(predicted index, gold index)`` pairs of spans that match (:func:`spans_match`), best
    overlaps first. Every scorer here pairs spans through this function, so they all share one rule."""
    candidates = sorted(
        ((overlap_share(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in candidates:
        if i in used_p or j in used_g or not spans_match(predicted[i], gold[j], min_overlap=min_overlap):
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def multiset_scores(predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> Scores:
    """Precision and recall of two bags of items (each item counts as often as it occurs)."""
    p, g = Counter(predicted), Counter(gold)
    hits = sum((p & g).values())
    return Scores(hits, sum(p.values()), hits, sum(g.values()))


def canonical_source(source: str, catalogue: Catalogue) -> str:
    """A source name for comparison: the catalogue's canonical name if it knows the name, lowercased, with
    typographic apostrophes straightened and a leading article dropped."""
    text = " ".join(source.replace("\u2019", "'").split())
    hit = catalogue.lookup(text) or catalogue.lookup(text.removeprefix("the ").removeprefix("The "))
    text = (hit[0].name if hit else text).lower()
    for article in ARTICLES:
        text = text.removeprefix(article)
    # A title is the role, not the name: "Dr Ruth Adeyemi" and "Ruth Adeyemi" are one source.
    words = text.split()
    titles = _titles()
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Titles written before names (the sourcing lexicon's list), with and without their full stop."""
    return frozenset(t for title in lexicon().titles for t in (title, title.rstrip(".")))


def locate(text: str, content: str, *, near: int = 0) -> tuple[int, int] | None:
    """Where ``content`` occurs in ``text``: the occurrence nearest after ``near`` (else the last before)."""
    starts, at = [], text.find(content)
    while at >= 0:
        starts.append(at)
        at = text.find(content, at + 1)
    if not starts:
        return None
    after = [s for s in starts if s >= near]
    start = after[0] if after else starts[-1]
    return start, start + len(content)


@dataclass(frozen=True)
class AttributionScores:
    """The sourcing issue's measures for one document or passage set."""

    pairs: Scores
    content: Scores
    matched: tuple[tuple[int, int], ...]


def score_attributions(
    predicted: Sequence[Mapping], gold: Sequence[Mapping], text: str, catalogue: Catalogue,
    *, sentence_starts: Sequence[int] = (),
) -> AttributionScores:
    """Score predicted attribution rows (mappings with source, kind, content_start, content_end) on ``text``.

    Gold entries carry source, kind, content (an exact substring of ``text``) and sentence_id; where
    ``sentence_starts`` is given, a content is looked for from its sentence on. An entry with
    ``content_start``/``content_end`` offsets is taken at those offsets instead.

    Raises:
        ValueError: a gold content is not in the text.
    """
    gold_spans = []
    for entry in gold:
        if entry.get("content_start") is not None:
            gold_spans.append((int(entry["content_start"]), int(entry["content_end"])))
            continue
        near = sentence_starts[entry["sentence_id"]] if entry["sentence_id"] < len(sentence_starts) else 0
        span = locate(text, entry["content"], near=near)
        if span is None:
            raise ValueError(f"gold content not in the text: {entry['content']!r}")
        gold_spans.append(span)
    predicted_spans = [(int(p["content_start"]), int(p["content_end"])) for p in predicted]
    pairs = multiset_scores(
        ((canonical_source(p["source"], catalogue), p["kind"]) for p in predicted),
        ((canonical_source(g["source"], catalogue), g["kind"]) for g in gold),
    )
    matched = match_spans(predicted_spans, gold_spans)
    content = Scores(len(matched), len(predicted_spans), len(matched), len(gold_spans))
    return AttributionScores(pairs, content, tuple(matched))


# --- framing -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CueScores:
    """Cue spans matched by overlap, and agreement on the matched pairs' ``quoted`` and ``cue_type``."""

    spans: Scores
    matched: tuple[tuple[int, int], ...]
    quoted_agree: int
    type_agree: int
    missed: tuple[str, ...]
    extra: tuple[str, ...]

    @property
    def quoted_accuracy(self) -> float:
        return self.quoted_agree / len(self.matched) if self.matched else 1.0

    @property
    def type_accuracy(self) -> float:
        return self.type_agree / len(self.matched) if self.matched else 1.0


def gold_spans(gold: Sequence[Mapping], text: str, sentence_starts: Sequence[int]) -> list[tuple[int, int]]:
    """Character spans of gold entries given as ``sentence_id`` + ``text``: each entry is looked for from its
    sentence's start, or just after the previous entry with the same text in that sentence (repeated words).
    An entry that carries ``start``/``end`` offsets is taken at those offsets.

    Raises:
        ValueError: an entry's text is not in its sentence or after it.
    """
    spans, last_end = [], {}
    for entry in gold:
        if entry.get("start") is not None:
            spans.append((int(entry["start"]), int(entry["end"])))
            continue
        sid = int(entry["sentence_id"])
        key = (sid, entry["text"])
        near = last_end.get(key, sentence_starts[sid] if sid < len(sentence_starts) else 0)
        span = locate(text, entry["text"], near=near)
        if span is None or span[0] < near:
            raise ValueError(f"gold cue not in sentence {sid}: {entry['text']!r}")
        spans.append(span)
        last_end[key] = span[1]
    return spans


def score_cues(
    predicted: Sequence[Mapping], gold: Sequence[Mapping], text: str, sentence_starts: Sequence[int]
) -> CueScores:
    """Score predicted cue rows (mappings with start, end, text, quoted, cue_type) against gold entries
    (sentence_id, text, quoted, cue_type) on one document: spans match one-to-one by overlap."""
    gold_at = gold_spans(gold, text, sentence_starts)
    predicted_at = [(int(p["start"]), int(p["end"])) for p in predicted]
    matched = match_spans(predicted_at, gold_at)
    hit_p, hit_g = {i for i, _ in matched}, {j for _, j in matched}
    return CueScores(
        spans=Scores(len(matched), len(predicted_at), len(matched), len(gold_at)),
        matched=tuple(matched),
        quoted_agree=sum(bool(predicted[i]["quoted"]) == bool(gold[j]["quoted"]) for i, j in matched),
        type_agree=sum(predicted[i]["cue_type"] == gold[j]["cue_type"] for i, j in matched),
        missed=tuple(g["text"] for j, g in enumerate(gold) if j not in hit_g),
        extra=tuple(p["text"] for i, p in enumerate(predicted) if i not in hit_p),
    )


# --- numeric claims ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureScores:
    """The numeric-claims issue's measures: figures matched by span overlap in their sentence, then precision
    and recall on ``(value, unit, approx)`` and on ``object`` over the matched pairs (a predicted figure with
    no gold partner, or a gold figure with no predicted one, counts against precision or recall)."""

    spans: Scores
    values: Scores
    objects: Scores
    missed: tuple[str, ...]
    extra: tuple[str, ...]

    def __add__(self, other: "FigureScores") -> "FigureScores":
        return FigureScores(
            self.spans + other.spans,
            self.values + other.values,
            self.objects + other.objects,
            self.missed + other.missed,
            self.extra + other.extra,
        )


NO_FIGURE_SCORES = FigureScores(NO_SCORES, NO_SCORES, NO_SCORES, (), ())


def same_number(a: object, b: object, *, rel: float = 1e-6) -> bool:
    """Two values agree: both missing (None or NaN), or equal within ``rel`` of the larger."""
    missing_a = a is None or (isinstance(a, float) and a != a)
    missing_b = b is None or (isinstance(b, float) and b != b)
    if missing_a or missing_b:
        return missing_a and missing_b
    a, b = float(a), float(b)
    return abs(a - b) <= rel * max(abs(a), abs(b), 1.0)


def _same_text(a: str, b: str) -> bool:
    return " ".join(str(a).split()).lower() == " ".join(str(b).split()).lower()


def score_figures(
    predicted: Sequence[Mapping], gold: Sequence[Mapping], text: str, sentence_starts: Sequence[int]
) -> FigureScores:
    """Score predicted figure rows (mappings with start, end, text, value, unit_canonical, approx, object) against
    gold entries (sentence_id, text, value, unit, approx, object) on one document.

    Spans match one-to-one by overlap; a matched pair is right on values when value, unit and approx all
    agree, and right on object when the objects agree ignoring case.
    """
    gold_at = gold_spans(gold, text, sentence_starts)
    predicted_at = [(int(p["start"]), int(p["end"])) for p in predicted]
    matched = match_spans(predicted_at, gold_at)
    value_hits = sum(
        same_number(predicted[i]["value"], gold[j]["value"])
        and predicted[i]["unit_canonical"] == gold[j]["unit"]
        and predicted[i]["approx"] == gold[j]["approx"]
        for i, j in matched
    )
    object_hits = sum(_same_text(predicted[i]["object"], gold[j]["object"]) for i, j in matched)
    hit_p, hit_g = {i for i, _ in matched}, {j for _, j in matched}
    return FigureScores(
        spans=Scores(len(matched), len(predicted), len(matched), len(gold)),
        values=Scores(value_hits, len(predicted), value_hits, len(gold)),
        objects=Scores(object_hits, len(predicted), object_hits, len(gold)),
        missed=tuple(g["text"] for j, g in enumerate(gold) if j not in hit_g),
        extra=tuple(p["text"] for i, p in enumerate(predicted) if i not in hit_p),
    )
