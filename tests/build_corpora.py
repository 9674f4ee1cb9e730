"""Small corpora for the build tests (tests/test_build.py, test_executors.py, test_incremental.py): short articles
of different shapes written to a folder, and a check that two builds' tables are equal."""

from __future__ import annotations

import pandas as pd

import analysis
from analysis.building import schema

#: Short articles of different shapes (quotes, figures, hedges, names), so that every table gets rows.
ARTICLES = [
    'The mayor said on Monday that 40 homes were flooded. "We are doing all we can," she told reporters.',
    "Shares in Acme fell 3.2% to $14.10 after the company cut its forecast, according to a filing.",
    "At least 12 people were killed and dozens injured, officials said, in what appeared to be an attack.",
    "The minister denied the report. Critics claimed the plan would cost about 1.5 billion euros.",
    "Rain is expected to reach the coast by Friday, forecasters warned, with winds of up to 80 km/h.",
    '"This is a disaster," said Maria Lopez, a farmer whose crops failed. Prices rose for a third month.',
]


def write_corpus(folder, n: int, *, offset: int = 0, published: str = ""):
    """``n`` articles of :data:`ARTICLES`; ``published``: a date for each, in a sidecar (figure_agreement pairs
    no figure whose day cannot be told, so a corpus that is to have pairs is dated)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(offset, offset + n):
        text = f"{ARTICLES[i % len(ARTICLES)]} Article {i} was filed by the desk.\n"
        (folder / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
        if published:
            (folder / f"a{i:03d}.meta.json").write_text(f'{{"published": "{published}"}}', encoding="utf-8")
    return folder

def frames_equal(left: analysis.Tables, right: analysis.Tables, *, but: str | None = None) -> None:
    """Every table of ``left`` equals that of ``right``; with ``but``, all but that table and ``errors`` (a
    build in which that table failed)."""
    for name in schema.TABLES:
        if but is not None and name in (but, "errors"):
            continue
        pd.testing.assert_frame_equal(left[name], right[name], check_dtype=True, obj=name)
