"""The main job after the build: execute every notebook on the built tables and export each as HTML.

``python -m analysis run [CORPUS] [--out OUT]`` builds the tables into ``OUT/tables`` (through the cache),
then runs each notebook of ``notebooks/`` with papermill, its parameters pointing at the corpus and at those
tables, into ``OUT/notebooks/``, and exports ``OUT/html/``. The committed notebooks are never overwritten:
their stored outputs are what nbval checks. Paths are handled as paths, never through a shell or make, so
folders with spaces or non-ASCII names work on every system.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from pathlib import Path
from typing import Sequence

from analysis.reading import printable

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
TEMPLATES = Path(__file__).resolve().parent / "templates"
#: The Jupyter kernel `make run` registers inside .venv; the current Python's own kernel when it is missing.
KERNEL = "newsroom-claims"
#: The corpus whose results go straight into build/; any other goes into build/<its folder name>/.
DEFAULT_CORPUS = ROOT / "seeds"


def default_out(corpus: Path) -> Path:
    """``build/`` for the project's ``seeds/``; for any other corpus ``build/<folder name>-<8 hex digits>/``, the
    digits from the folder's full path, so that two corpora with one name never share a folder."""
    build = ROOT / "build"
    resolved = corpus.resolve()
    if resolved == DEFAULT_CORPUS.resolve():
        return build
    return build / f"{resolved.name}-{hashlib.sha256(str(resolved).encode('utf-8')).hexdigest()[:8]}"


def _kernel_name() -> str:
    from jupyter_client.kernelspec import KernelSpecManager

    return KERNEL if KERNEL in KernelSpecManager().find_kernel_specs() else "python3"


def _engine_config():
    """Kernel settings: local IPC sockets where the system has them, so nothing listens on TCP (and the
    kernel has nothing to warn about), and no kernel log lines on a clean run."""
    from traitlets.config import Config

    config = Config()
    if os.name == "posix":
        config.KernelManager.transport = "ipc"
    # jupyter_client interrupts a kernel before shutting it down, and ipykernel logs that interrupt as an
    # ERROR ("KeyboardInterrupt caught in kernel") at the end of every clean run; errors in cells still
    # reach the notebook and stop the run.
    config.NotebookClient.extra_arguments = ["--IPKernelApp.log_level=CRITICAL"]
    return config


def execute(notebook: Path, output: Path, parameters: dict) -> None:
    """Run one notebook with papermill into ``output``."""
    import papermill

    output.parent.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(
        str(notebook),
        str(output),
        parameters=parameters,
        kernel_name=_kernel_name(),
        cwd=str(NOTEBOOKS),
        progress_bar=False,
        log_output=False,
        config=_engine_config(),
    )


#: The cell papermill adds with the run's parameters: absolute paths of this machine, which the HTML shows by
#: their folder names only (the executed notebook keeps them, so that it can be run again where it was made).
INJECTED_PARAMETERS = "injected-parameters"


def _parameters_by_name(notebook) -> None:
    """Show papermill's cell of parameters with each path's last folder name: a reader of the HTML must see which
    corpus the run read (the notebook's defaults point at the seed), but no path of the machine that ran it."""
    parameters = notebook.metadata.get("papermill", {}).get("parameters", {})
    for cell in notebook.cells:
        if INJECTED_PARAMETERS in cell.metadata.get("tags", []):
            lines = ["# Parameters of this run (folders by name)"]
            lines += [f"{name} = {Path(value).name!r}" if isinstance(value, str) else f"{name} = {value!r}"
                      for name, value in parameters.items()]
            cell.source = "\n".join(lines)


def export_html(notebook: Path, html_dir: Path) -> Path:
    """The executed notebook as HTML (lab look, every chart with its alt text), papermill's cell of parameters
    (:data:`INJECTED_PARAMETERS`) showing folder names instead of paths."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="newsroom", extra_template_basedirs=[str(TEMPLATES)])
    executed = nbformat.read(notebook, as_version=4)
    _parameters_by_name(executed)
    body, _ = exporter.from_notebook_node(executed)
    html_dir.mkdir(parents=True, exist_ok=True)
    target = html_dir / (notebook.stem + ".html")
    target.write_text(body, encoding="utf-8")
    return target


def run_notebooks(corpus: Path, out: Path, notebooks: Sequence[Path] | None = None) -> None:
    """Execute the notebooks (default: all of ``notebooks/``) on ``corpus`` and the tables in ``out/tables``;
    export HTML; say where."""
    logging.getLogger("papermill").setLevel(logging.WARNING)
    parameters = {"corpus_dir": str(corpus.resolve()), "tables_dir": str((out / "tables").resolve())}
    for notebook in notebooks or sorted(NOTEBOOKS.glob("*.ipynb")):
        executed = out / "notebooks" / notebook.name
        print(f"running {printable(notebook.name)} ...", file=sys.stderr)
        execute(notebook, executed, parameters)
        export_html(executed, out / "html")
    print()
    print(printable(f"Tables:    {out / 'tables'}   (one CSV per table; Parquet beside it)"))
    print(printable(f"Notebooks: {out / 'notebooks'} (executed on {corpus})"))
    print(printable(f"HTML:      {out / 'html'}      (open in a browser)"))
