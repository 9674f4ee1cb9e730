"""Opening the tables in a notebook, with nothing of the machine in what the notebook prints.

``python -m analysis run`` hands the notebooks absolute paths (papermill parameters), and the lines
:func:`analysis.load_or_build` prints name the folders it read; an exported notebook would then carry a path of
the machine it ran on (a home folder, a temporary folder). :func:`open_tables` prints those lines with every
folder named by its last part only.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from analysis.flow import load_or_build


def folder_name(path: str | Path) -> str:
    """How printed lines name ``path``: its last part and a slash (``tables/``), never the path to it."""
    name = Path(path).name or Path(path).resolve().name
    return f"{name}/"


def open_tables(tables_dir: str | Path, corpus_dir: str | Path | None = None):
    """:func:`analysis.load_or_build` of ``tables_dir`` and ``corpus_dir``, its lines printed with each of the two
    folders named by :func:`folder_name`."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        tables = load_or_build(tables_dir, corpus_dir)
    text = printed.getvalue()
    paths = sorted({str(p) for p in (tables_dir, corpus_dir) if p is not None}, key=len, reverse=True)
    for path in paths:
        text = text.replace(path, folder_name(path))
    print(text, end="")
    return tables
