"""Trivial extractors that every score floor must beat, and the assertion that says so.

A floor only means something if a rule-free extractor cannot reach it: "every sentence with a reporting word
is one attribution" or "every verb is an action" would otherwise pass tests written for the real rules. Each
baseline here emits rows shaped like the pipeline's table, so the scorers in :mod:`analysis.evaluation` score
it exactly as they score the extractor, on the same gold set. Each has a name (``*_BASELINE``) for the
messages of :func:`assert_floor`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import Hashable, Sequence

from analysis.reading import Document
from analysis.extraction.nlp import load_pipeline
from analysis.extraction.pipeline import parse_documents

ATTRIBUTION_BASELINE = "every sentence with a reporting word is one relation (whole sentence, first capitalised word)"
FIGURE_BASELINE = "every token with a digit is a figure (parsed number, no unit)"
HEDGE_BASELINE = "every word of a fixed 45-word hedge list is a hedge cue"
ACTION_BASELINE = "every verb is an action"
MAJORITY_BASELINE = "every item gets the gold set's commonest label"

#: Reporting words and phrases; a sentence holding any of them counts as one attribution.
REPORTING_WORDS = (
    "said", "says", "say", "told", "tells", "according to", "added", "adds", "stated", "reported", "announced",
    "claimed", "insisted", "warned", "argued", "explained", "wrote", "noted", "asked", "urged", "denied",
    "confirmed", "declined to comment",
)
REPORTING_PATTERN = re.compile(r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in REPORTING_WORDS) + r")\b", re.I)
#: The fixed hedge list: modals, epistemic adverbs and adjectives, hearsay and belief verbs, vague quantifiers.
HEDGE_WORDS = (
    "may", "might", "could", "would", "likely", "unlikely", "possibly", "possible", "probably", "probable",
    "perhaps", "maybe", "reportedly", "allegedly", "apparently", "appears", "appear", "appeared", "seems", "seem",
    "seemed", "suggests", "suggest", "suggested", "believed", "thought", "expected", "understood", "considered",
    "unclear", "uncertain", "unconfirmed", "presumably", "supposedly", "purportedly", "seemingly", "arguably",
    "generally", "usually", "often", "typically", "widely", "mostly", "sometimes", "some",
)
#: The ``lexicon`` the hedge baseline's cue rows name.
HEDGE_LEXICON = "baselines.HEDGE_WORDS"
HEDGE_PATTERN = re.compile(r"\b(?:" + "|".join(HEDGE_WORDS) + r")\b", re.I)
#: A sentence ends at a line break, or at . ! ? (with any closing quotes or brackets) before white space.
SENTENCE_BREAK = re.compile(r"\n+|(?<=[.!?])[\"'”’)\]]*\s+")
CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'’.-]*")
QUOTATION_MARKS = re.compile(r"[\"“”‘’]")
DIGIT_TOKEN = re.compile(r"\S*\d\S*")
#: Punctuation stripped from either end of a digit token ("(12", "4.4," and "20%." keep their number).
TOKEN_EDGE_PUNCTUATION = "\"'“”‘’()[],.;:!?"
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, split by :data:`SENTENCE_BREAK` alone (no parse)."""
    spans, start = [], 0
    for boundary in SENTENCE_BREAK.finditer(text):
        if boundary.start() > start:
            spans.append((start, boundary.start()))
        start = boundary.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def reporting_sentences(text: str) -> list[dict]:
    """Attribution rows: one per sentence holding a reporting word, its content the whole sentence and its
    source the sentence's first capitalised word; kind ``according_to`` for "according to", ``direct`` when the
    sentence has a quotation mark, else ``indirect``."""
    rows = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        cue = REPORTING_PATTERN.search(sentence)
        if cue is None:
            continue
        source = CAPITALISED_WORD.search(sentence)
        if cue.group().lower().startswith("according"):
            kind = "according_to"
        else:
            kind = "direct" if QUOTATION_MARKS.search(sentence) else "indirect"
        rows.append({"source": source.group() if source else "", "kind": kind, "content": sentence,
                     "content_start": start, "content_end": end})
    return rows


def _parsed_number(token: str) -> float | None:
    """The first number written in a token, thousands separators dropped."""
    number = NUMBER.search(token)
    return float(number.group().replace(",", "")) if number else None


def digit_tokens(text: str) -> list[dict]:
    """Figure rows: every white-space token holding a digit, edge punctuation stripped, with its parsed number,
    no unit, no approximator and no object."""
    rows = []
    for token in DIGIT_TOKEN.finditer(text):
        word = token.group()
        stripped = word.strip(TOKEN_EDGE_PUNCTUATION)
        start = token.start() + word.index(stripped)
        rows.append({"start": start, "end": start + len(stripped), "text": stripped,
                     "value": _parsed_number(stripped), "unit_canonical": "", "approx": "exact", "object": ""})
    return rows


def hedge_words(text: str) -> list[dict]:
    """Cue rows: every occurrence of a :data:`HEDGE_WORDS` word, as a hedge in the outlet's own voice."""
    return [{"start": m.start(), "end": m.end(), "text": m.group(), "cue_type": "hedge", "category": "epistemic",
             "lexicon": HEDGE_LEXICON, "quoted": False} for m in HEDGE_PATTERN.finditer(text)]


def line_starts(text: str) -> list[int]:
    """Offsets where the lines of ``text`` start (the seed gold numbers its sentences by line)."""
    return [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]


def every_verb(text: str, sentence_starts: Sequence[int]) -> list[tuple[int, str]]:
    """Action ``(sentence_id, verb lemma)`` pairs: every token the project's spaCy pipeline tags VERB, in the
    sentence whose start (of ``sentence_starts``) precedes it."""
    document = Document("baseline", "baseline.txt", text, "0" * 64)
    (_, doc), = parse_documents([document], load_pipeline())
    return [(bisect_right(sentence_starts, t.idx) - 1, t.lemma_) for t in doc if t.pos_ == "VERB"]


def majority_accuracy(labels: Sequence[Hashable]) -> float:
    """Accuracy of always answering the commonest of ``labels`` (1.0 for no labels)."""
    return Counter(labels).most_common(1)[0][1] / len(labels) if labels else 1.0


def assert_floor(score: float, floor: float, baseline_score: float, baseline: str) -> None:
    """Assert that ``floor`` beats the named trivial ``baseline`` on the same set, and ``score`` reaches it."""
    assert floor > baseline_score, f"floor {floor:.2f} does not beat the baseline ({baseline}: {baseline_score:.2f})"
    assert score >= floor, f"{score:.3f} is under its floor {floor:.2f} (baseline {baseline}: {baseline_score:.2f})"
