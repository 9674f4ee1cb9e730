"""Command line: ``python -m analysis run|build|schema``.

* ``run [CORPUS] [--out OUT]``: the main job: build the tables through the cache, execute every notebook on
  them and export HTML (see :mod:`analysis.views.runner`).
* ``build CORPUS --out OUT``: every table as ``OUT/<table>.csv`` and ``.parquet``.
* ``schema``: the data dictionary.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from analysis.building.cores import available_cores
from analysis.building.output import OutputError, OutputFolder
from analysis.reading import MAX_FILE_BYTES, CorpusError, CorpusWarning, printable

if TYPE_CHECKING:
    from analysis.flow import BuildReport

# The build (spaCy, pandas, pandera) is imported by the commands that run it, so that `--help` and a mistyped
# command answer at once rather than after seconds of imports.

#: Exit status for input the tool cannot use (missing path, nothing readable).
EXIT_BAD_INPUT = 2
#: Exit status of ``--strict`` when a stage failed on some article (the tables are still written).
EXIT_STAGE_FAILED = 2
#: Exit status when some input files or rows were skipped (the tables of the rest are written; the
#: ``skipped`` table and the warnings say which and why). The folder's own documentation, skipped too, does not
#: count: it is not input.
EXIT_INPUT_SKIPPED = 3


def _add_build_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help=f"worker processes (default: the cores available, here {available_cores()})",
    )
    command.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="build on a Dask cluster: a scheduler address (tcp://host:8786), or `local` for a LocalCluster",
    )
    command.add_argument(
        "--max-bytes",
        type=int,
        default=MAX_FILE_BYTES,
        help=f"skip files larger than this (default {MAX_FILE_BYTES:,})",
    )
    command.add_argument(
        "--strict", action="store_true", help="exit with status 2 when a stage failed on any article"
    )
    command.add_argument(
        "--force",
        action="store_true",
        help="write into an output folder that holds files this tool did not write (they are never changed "
        "or deleted)",
    )
    command.add_argument(
        "--excel",
        action="store_true",
        help="also write every table and the data dictionary to one workbook, tables.xlsx beside the tables",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Turn news articles into tables of sources, figures and framing.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run_cmd = commands.add_parser(
        "run",
        help="the main job: build the tables, execute the notebooks on them, export HTML",
        description="Build every table of CORPUS (through the cache: only new or changed articles are parsed), "
        "execute every notebook on them and export each as HTML. Writes OUT/tables, OUT/notebooks and OUT/html.",
    )
    run_cmd.add_argument("corpus", nargs="?", type=Path, default=Path("seeds"), help="a folder of articles (default: seeds)")
    run_cmd.add_argument(
        "--out", type=Path, help="where to write (default: build/ for seeds, else build/<corpus folder name>-<8 hex digits>/)"
    )
    _add_build_options(run_cmd)
    build_cmd = commands.add_parser(
        "build",
        help="build every table for a folder of articles",
        description="Read the .txt/.md articles in CORPUS, parse each once and write every table as "
        "OUT/<table>.csv and OUT/<table>.parquet, and the texts as OUT/texts.parquet. Each article's rows are "
        "cached in OUT/.cache: a rebuild parses only new or changed articles.",
    )
    build_cmd.add_argument("corpus", nargs="+", type=Path, help="a folder of articles, or article files")
    build_cmd.add_argument("--out", type=Path, required=True, help="folder to write the tables to")
    build_cmd.add_argument("--no-parquet", action="store_true", help="write CSV only")
    _add_build_options(build_cmd)
    actors_cmd = commands.add_parser(
        "actors",
        help="list the people and organisations the actor catalogue does not know, and write a stub to fill in",
        description="Build (through the cache) the tables of CORPUS, list the names the catalogue (the packaged "
        "one plus CORPUS/actors.yaml) does not know, most mentioned first, and write them as a catalogue stub "
        "to OUT/actors.stub.yaml: fill in each entry's group and save it as CORPUS/actors.yaml.",
    )
    actors_cmd.add_argument("corpus", type=Path, help="a folder of articles")
    actors_cmd.add_argument("--out", type=Path, help="where the tables and the stub go (as for `run`)")
    actors_cmd.add_argument("--top", type=int, default=30, help="names to list (default 30)")
    _add_build_options(actors_cmd)
    commands.add_parser("schema", help="print the data dictionary of every table (Markdown)")
    return parser


def _say(text: str, *, error: bool = False) -> None:
    """Print a message, line by line, with the names in it made printable: a control character or terminal
    escape in a file name never reaches the terminal raw."""
    print("\n".join(printable(line) for line in text.split("\n")), file=sys.stderr if error else sys.stdout)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    prefix = "warning" if issubclass(category, CorpusWarning) else category.__name__
    _say(f"{prefix}: {message}", error=True)


def build_tables(args: argparse.Namespace, corpus_paths: Sequence[Path], out: Path, *, parquet: bool = True) -> int | BuildReport:
    """Build into ``out`` and print the outcome; an exit status on failure, else the build's report."""
    from analysis.building import schema
    from analysis.catalogue.actors import CatalogueError
    from analysis.catalogue.beat import load_beat
    from analysis.flow import build_to_dir

    try:
        report = build_to_dir(
            list(corpus_paths),
            out,
            beat=load_beat(corpus_paths[0] if len(corpus_paths) == 1 else None),
            progress=True,
            n_process=args.jobs,
            scheduler=args.scheduler,
            parquet=parquet,
            inputs=corpus_paths,
            force=args.force,
            max_bytes=args.max_bytes,
        )
    except (CorpusError, CatalogueError, OutputError) as err:
        _say(f"error: {err}", error=True)
        return EXIT_BAD_INPUT
    _say(
        f"wrote {len(schema.TABLES)} tables of {report.documents} article(s) to {out}/ "
        f"({report.parsed} parsed, {report.cached} from the cache, "
        f"{report.skipped} skipped, {len(report.failed_documents)} with a failing stage)"
    )
    if (line := report.warning()) is not None:
        _say(f"warning: {line}", error=True)
    if args.excel:
        try:
            _write_excel(out, force=args.force)
        except OutputError as err:
            _say(f"error: {err}", error=True)
            return EXIT_BAD_INPUT
    return report


#: The workbook ``--excel`` writes beside the tables.
WORKBOOK = "tables.xlsx"


def _write_excel(out: Path, *, force: bool = False) -> None:
    """Write the workbook beside the tables and record it in the folder's manifest as this tool's, so that the
    next build (`make run` again) finds it its own, not a user's file."""
    from analysis.views.excel import EXCEL_MAX_ROWS, write_workbook

    folder = OutputFolder.claim(out, names=[WORKBOOK], force=force)
    workbook = out / WORKBOOK
    written = write_workbook(out, workbook)
    folder.record([WORKBOOK])
    for name in written:
        _say(
            f"warning: {name} has more rows than a spreadsheet holds: {workbook} has its first {EXCEL_MAX_ROWS:,}; "
            f"{out / (name + '.csv')} has all of them",
            error=True,
        )
    _say(f"wrote {workbook}")


def _actors(args: argparse.Namespace) -> int | BuildReport:
    """Build, then print the names the catalogue does not know and write the stub beside the tables."""
    from analysis.building.tables import load
    from analysis.catalogue.discovery import (
        actor_stub_yaml,
        actors_report,
        unknown_actors,
    )
    from analysis.views.runner import default_out

    out = args.out or default_out(args.corpus)
    claimed = _claim(args, out, ["tables", "actors.stub.yaml"])
    if isinstance(claimed, int):
        return claimed
    claimed.record(["tables"])
    outcome = build_tables(args, [args.corpus], out / "tables")
    if isinstance(outcome, int):
        return outcome
    tables = load(out / "tables")
    _say(actors_report(tables.mentions, tables.attributions, tables.sentences, top=args.top))
    stub = out / "actors.stub.yaml"
    claimed.record([stub.name])
    stub.write_text(actor_stub_yaml(unknown_actors(tables.mentions, tables.attributions, tables.sentences, top=args.top)), encoding="utf-8")
    _say(f"\nwrote {stub}: fill in each entry's group, then save it as {args.corpus / 'actors.yaml'} and rebuild")
    return outcome


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "schema":
        from analysis.building import schema

        print(schema.data_dictionary())
        return 0
    warnings.showwarning = _show_warning
    if args.command == "build":
        outcome = build_tables(args, args.corpus, args.out, parquet=not args.no_parquet)
    elif args.command == "actors":
        outcome = _actors(args)
    else:
        from analysis.views.runner import default_out, run_notebooks

        out = args.out or default_out(args.corpus)
        outcome = claimed = _claim(args, out, ["tables", "notebooks", "html"])
        if not isinstance(claimed, int):
            claimed.record(["tables"])
            outcome = build_tables(args, [args.corpus], out / "tables")
            if not isinstance(outcome, int):
                claimed.record(["notebooks", "html"])
                run_notebooks(args.corpus, out)
    if isinstance(outcome, int):
        return outcome
    if args.strict and outcome.errors:
        return EXIT_STAGE_FAILED
    # the folder's read-me or licence is skipped by design: no input was lost
    return EXIT_INPUT_SKIPPED if outcome.skipped > outcome.skipped_documentation else 0


def _claim(args: argparse.Namespace, out: Path, names: list[str]) -> OutputFolder | int:
    """The folder ``run`` and ``actors`` write in (tables, notebooks, HTML, the stub), or an exit status."""
    try:
        return OutputFolder.claim(out, [args.corpus], names=names, force=args.force)
    except OutputError as err:
        _say(f"error: {err}", error=True)
        return EXIT_BAD_INPUT
