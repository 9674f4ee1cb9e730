"""Shared fixtures: the pipeline and the seed corpus are loaded once per test session."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import os

import matplotlib
import pytest
from hypothesis import settings

from analysis.datafiles import load_yaml

matplotlib.use("Agg")

# On CI the property tests replay a fixed set of examples, so that a run's verdict depends on the commit alone;
# on a developer's machine they keep exploring new ones (and store any failure in .hypothesis/ to replay).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
#: The seed article as the tests know it: a copy of seeds/000_34cfc605f5ff8a7c.txt kept with the tests, so
#: that articles a user adds to seeds/ change what nbval reports and never what the unit tests expect.
SEEDS = Path(__file__).resolve().parent / "fixtures" / "seed"
SEED_ID = "000_34cfc605f5ff8a7c"
GOLD = Path(__file__).resolve().parent / "gold"

#: The longest test files, longest first (each file's summed --durations=0 on main, 2026-12-07, in seconds).
#: `make test` runs each file whole on one of two workers (`--dist loadfile`), handing out the files in the order
#: they are collected (pyproject.toml turns off xdist's own reordering, by number of tests, which put these few-
#: test files last): taking the longest first leaves only short files for the end, so that both workers finish
#: together instead of one running a 30-second file while the other waits. Files not listed follow, in the order
#: pytest collects them; a rank here changes when a test runs, never what it does.
LONGEST_FIRST = (
    "tests/test_incremental.py",  # 49
    "tests/test_news_gold.py",  # 30
    "tests/test_runner.py",  # 25
    "tests/test_executors.py",  # 25
    "tests/test_build.py",  # 16
    "tests/test_reread.py",  # about 10 (added after the measurement)
    "tests/test_cli.py",  # 13
    "notebooks/03_narrative_framing.ipynb",  # 11
    "tests/test_pipeline.py",  # 10
    "tests/test_safety_reading.py",  # 10
    "tests/test_figures.py",  # 10
    "notebooks/02_numeric_claims.ipynb",  # 8
    "tests/test_heldout.py",  # 8
    "tests/test_sources.py",  # 8
    "tests/test_figure_agreement.py",  # 8
    "notebooks/01_sourcing.ipynb",  # 8
    "tests/test_charts_compare.py",  # 7
    "notebooks/00_overview.ipynb",  # 7
)


def pytest_collection_modifyitems(items: list) -> None:
    """Put the files of :data:`LONGEST_FIRST` first, in its order; a stable sort, so that every file keeps its
    own order (a notebook's cells run in order in one kernel)."""
    rank = {path: i for i, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))


def read_gold(name: str) -> dict:
    """``tests/gold/<name>`` parsed as YAML with the package's libyaml loader: the same plain data as
    ``yaml.safe_load``, several times faster on the larger gold files."""
    return load_yaml((GOLD / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    from analysis.extraction.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_tables():
    import analysis

    return analysis.build(SEEDS)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEEDS / f"{SEED_ID}.txt").read_text(encoding="utf-8")


def _parsed(texts: Sequence[str], doc_id: str, nlp) -> list:
    """ParsedDocuments of ``texts``, each a document named ``doc_id``, parsed together as ``build`` parses a corpus."""
    from analysis.catalogue.actors import default_catalogue
    from analysis.reading import Document
    from analysis.extraction.parsed import ParsedDocument, SentenceIndex
    from analysis.extraction.pipeline import parse_documents

    documents = [Document(doc_id=doc_id, path=f"{doc_id}.txt", text=text, sha256="0" * 64) for text in texts]
    return [ParsedDocument(document, doc, SentenceIndex.of(doc), default_catalogue())
            for document, doc in parse_documents(documents, nlp)]


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a text with the project pipeline into a ParsedDocument, as ``build`` does."""

    def _parse(text: str, doc_id: str = "test"):
        return _parsed([text], doc_id, nlp)[0]

    return _parse


@pytest.fixture(scope="session")
def parse_each(nlp):
    """Parse many texts into ParsedDocuments, all in the pipeline's batches (``nlp.pipe``) as ``build`` parses a
    corpus: the parses ``parse`` gives one text at a time, in about half the time."""

    def _parse_each(texts: Sequence[str]) -> list:
        return _parsed(texts, "test", nlp)

    return _parse_each
