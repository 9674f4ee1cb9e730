"""Sentence uncertainty on a public corpus of encyclopedia sentences: the ``cues`` table's hedges against a plain
word list, on a fixed dev half and test half.

    python benchmarks/evaluate_uncertainty.py PATH [--half dev|test|both] [--errors]

PATH is the CoNLL-2010 shared task's Wikipedia (weasel/hedge) sample as shipped in the public repository
``clips/pattern`` at ``test/corpora/conll2010-uncertainty.txt``: 1,500 certain and 1,500 uncertain lines, one
``"label","sentence"`` CSV row each, label ``-1`` uncertain (the sentence holds a hedge or weasel cue) and ``1``
certain. Its licence allows personal use only, so this project does not ship it and this script downloads
nothing: fetch the file yourself and give its path.

How it is scored:

* HTML entities of the file (``&quot;``, ``&amp;``) are read as the characters they stand for.
* Title lines are left out: the sample keeps each article's title as a line labelled certain ("Prehistoric
  medicine", "Pope Pius IX"). A line counts as a title when it is short and the parser finds no verb in it
  (:func:`is_title`).
  They are headings, not sentences: no hedge detector can err on them, and counting them would add the same
  free true negatives to every system. The script prints how many lines it left out.
* The split is fixed by a hash of the sentence (:func:`half`): ``dev`` may be looked at while rules are written,
  ``test`` is read once to report.
* A sentence is uncertain for the pipeline when the ``cues`` table has a row of ``cue_type`` ``hedge`` in it, made
  by the build's own stages (:data:`CUE_STAGES` over one parse, as ``analysis.build`` runs them), and for the
  baseline when a word of ``tests/baselines.py``'s fixed 45-word hedge list occurs in it. Accuracy, and
  precision, recall and F1 of the uncertain class, are printed for both, next to the majority class, and for
  the list without its eight frequency and quantity words (often, some, ...), which the news conventions count
  as no hedge on their own: the difference between the two list rows is what the convention is worth here.
* ``--errors`` lists the dev half's sentences the pipeline gets wrong, with the hedges it found (never the test
  half's).

Conventions differ from the news gold: the corpus's Wikipedia annotators took vague quantifiers ("some
cultures", "many people"), frequency adverbs ("often", "generally") and "is considered" as weasel cues, which
the news rules count only where they stand for an unnamed holder of a view. Read the pipeline's recall here with
that in mind.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from analysis.catalogue.actors import default_catalogue
from analysis.evaluation import Scores
from analysis.extraction.nlp import load_pipeline
from analysis.extraction.parsed import ParsedDocument, SentenceIndex
from analysis.extraction.pipeline import STAGES, analyse, parse_documents
from analysis.reading import Document

ROOT = Path(__file__).resolve().parent.parent
# The trivial baselines live with the tests, whose floors must beat them.
sys.path.insert(0, str(ROOT / "tests"))
import baselines  # noqa: E402

#: The corpus's label of an uncertain sentence.
UNCERTAIN_LABEL = "-1"
#: The halves of the fixed split.
HALVES = ("dev", "test")
#: The build's stages that the ``cues`` table needs, in build order: the cues and what they read.
CUE_STAGES = ("mentions", "attributions", "cues")
#: Parts of speech of a verb; a line with none is a title.
VERB_POS = frozenset({"VERB", "AUX"})
#: Words a title has at most ("Popular Front for the Liberation of Palestine - General Command": 10).
TITLE_WORDS = 12


@dataclass(frozen=True)
class Sentence:
    text: str
    uncertain: bool


def read_sentences(path: Path) -> list[Sentence]:
    """The file's rows, in file order, HTML entities read as characters.

    Raises:
        ValueError: a row is not a ``"label","sentence"`` pair with a label of ``1`` or ``-1``.
    """
    sentences = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            if len(row) != 2 or row[0] not in ("1", UNCERTAIN_LABEL):
                raise ValueError(f"{path}: row {number} is not a \"label\",\"sentence\" pair with label 1 or -1")
            sentences.append(Sentence(html.unescape(row[1]).strip(), row[0] == UNCERTAIN_LABEL))
    return sentences


def half(text: str) -> str:
    """``dev`` or ``test``: the first byte of the sentence's SHA-256, even or odd."""
    return HALVES[hashlib.sha256(text.encode("utf-8")).digest()[0] % 2]


def is_title(doc) -> bool:
    """Whether a parsed line is a title: short (:data:`TITLE_WORDS` words at most), and no token the parser takes
    for a verb or auxiliary. (A long line without a verb is a sentence the parser misread, and is kept.)"""
    words = [token for token in doc if not (token.is_punct or token.is_space)]
    return len(words) <= TITLE_WORDS and not any(token.pos_ in VERB_POS for token in doc)


@dataclass(frozen=True)
class Judged:
    """One sentence with the pipeline's hedges, the baseline's verdict, and whether it is a title."""

    sentence: Sentence
    hedges: tuple[str, ...]
    listed: bool
    listed_epistemic: bool
    title: bool


def judge(sentences: Sequence[Sentence]) -> list[Judged]:
    """Each sentence parsed (one pipe over all) and run through :data:`CUE_STAGES`."""
    catalogue, stages = default_catalogue(), [stage for stage in STAGES if stage.name in CUE_STAGES]
    documents = [Document(f"s{i}", f"s{i}.txt", s.text, "0" * 64) for i, s in enumerate(sentences)]
    judged = []
    for (document, doc), sentence in zip(parse_documents(documents, load_pipeline()), sentences):
        parsed = ParsedDocument(document, doc, SentenceIndex.of(doc), catalogue)
        rows, errors = analyse(parsed, stages=stages)
        if errors:
            raise RuntimeError(f"{document.doc_id}: {errors}")
        hedges = tuple(cue.text for cue in rows["cues"] if cue.cue_type == "hedge")
        listed = bool(baselines.hedge_words(sentence.text))
        listed_epistemic = bool(baselines.hedge_words(sentence.text, pattern=baselines.EPISTEMIC_HEDGE_PATTERN))
        judged.append(Judged(sentence, hedges, listed, listed_epistemic, is_title(doc)))
    return judged


def scores(predicted: Sequence[bool], gold: Sequence[bool]) -> tuple[float, Scores]:
    """Accuracy, and the precision/recall counts of the uncertain class, of ``predicted`` against ``gold``."""
    pairs = list(zip(predicted, gold))
    right = sum(p == g for p, g in pairs)
    hits = sum(p and g for p, g in pairs)
    return (right / len(pairs) if pairs else 1.0), Scores(hits, sum(predicted), hits, sum(gold))


def report(judged: Sequence[Judged], name: str) -> str:
    """Markdown: accuracy, P, R and F1 of the pipeline and the word list on one half, titles left out."""
    scored = [j for j in judged if not j.title]
    gold = [j.sentence.uncertain for j in scored]
    majority = max(gold.count(True), gold.count(False)) / len(gold) if gold else 1.0
    lines = [f"{name}: {len(scored)} sentences ({gold.count(True)} uncertain), "
             f"{len(judged) - len(scored)} title lines left out; majority class accuracy {majority:.3f}", "",
             "| system | accuracy | precision | recall | F1 |", "|---|---|---|---|---|"]
    for system, predicted in (("cues table hedges", [bool(j.hedges) for j in scored]),
                              (f"word list ({baselines.HEDGE_BASELINE})", [j.listed for j in scored]),
                              ("word list without its frequency and quantity words "
                               f"({', '.join(baselines.FREQUENCY_AND_QUANTITY_WORDS)})",
                               [j.listed_epistemic for j in scored])):
        accuracy, s = scores(predicted, gold)
        lines.append(f"| {system} | {accuracy:.3f} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
    return "\n".join(lines)


def errors(judged: Sequence[Judged]) -> str:
    """The dev half's sentences the pipeline gets wrong: missed uncertain ones, then certain ones given a hedge."""
    dev = [j for j in judged if not j.title and half(j.sentence.text) == "dev"]
    missed = [f"  - {j.sentence.text}" for j in dev if j.sentence.uncertain and not j.hedges]
    extra = [f"  - {j.hedges}: {j.sentence.text}" for j in dev if not j.sentence.uncertain and j.hedges]
    return "\n".join([f"missed ({len(missed)}):", *missed, f"hedge in a certain sentence ({len(extra)}):", *extra])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="conll2010-uncertainty.txt (clips/pattern, test/corpora/)")
    parser.add_argument("--half", choices=(*HALVES, "both"), default="both")
    parser.add_argument("--errors", action="store_true", help="list the dev half's errors")
    args = parser.parse_args(argv)
    sentences = read_sentences(args.path)
    halves = HALVES if args.half == "both" else (args.half,)
    judged = judge([s for s in sentences if half(s.text) in halves])
    for name in halves:
        print(report([j for j in judged if half(j.sentence.text) == name], name) + "\n")
    if args.errors:
        print(errors(judged))
    return 0


if __name__ == "__main__":
    sys.exit(main())
