"""`python -m analysis run`: any folder, spaces and non-ASCII included, gives tables, notebooks and HTML."""

from __future__ import annotations

import html as html_text
import re
import shutil
import subprocess
import sys

from analysis.views.runner import NOTEBOOKS, default_out, run_notebooks
from conftest import ROOT, SEEDS, SEED_ID


def test_default_out_is_build_for_seeds_and_build_name_for_others(tmp_path):
    assert default_out(ROOT / "seeds") == ROOT / "build"
    other = default_out(tmp_path / "my articles")
    assert other.parent == ROOT / "build" and other.name.startswith("my articles-") and len(other.name) == len("my articles-") + 8


def test_run_on_a_folder_with_spaces_and_accents_writes_tables_notebook_and_html_with_alt_text(tmp_path, capfd):
    corpus = tmp_path / "mes articles à lire"
    corpus.mkdir()
    shutil.copyfile(SEEDS / f"{SEED_ID}.txt", corpus / "un article.txt")
    out = tmp_path / "sortie avec espaces"
    built = subprocess.run(
        [sys.executable, "-m", "analysis", "build", str(corpus), "--out", str(out / "tables")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert built.returncode == 0, built.stderr
    run_notebooks(corpus, out, [NOTEBOOKS / "00_overview.ipynb"])
    # a clean run prints no kernel log line, error or traceback (jupyter_client interrupts the kernel before
    # shutting it down; ipykernel would log that as an ERROR)
    printed = capfd.readouterr()
    assert not any(word in printed.out + printed.err for word in ("ERROR", "Traceback", "[IPKernelApp]"))
    assert (out / "notebooks" / "00_overview.ipynb").exists()
    html = (out / "html" / "00_overview.html").read_text(encoding="utf-8")
    assert "un article" in html
    # Every chart carries alt text made from its own title and axes, not nbconvert's placeholder.
    assert html.count("<img") >= 1 and "No description has been provided" not in html
    assert "alt=\"Chart '" in html
    # the cell of this run's parameters names the corpus it read, by folder name, and no path of this machine
    shown = html_text.unescape(re.sub(r"<[^>]+>", "", html))
    assert "corpus_dir = 'mes articles à lire'" in shown and "tables_dir = 'tables'" in shown
    assert str(tmp_path) not in shown
