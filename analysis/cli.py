"""Command line: ``python -m analysis build DIR --out OUT`` and ``python -m analysis schema``."""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path
from typing import Sequence

from analysis import schema
from analysis.corpus import MAX_FILE_BYTES, CorpusError, CorpusWarning, read_corpus
from analysis.pipeline import build

#: Exit status for input the tool cannot use (missing path, nothing readable).
EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Turn news articles into tables of sources, figures and framing.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser(
        "build",
        help="build every table for a folder of articles",
        description="Read the .txt/.md articles in CORPUS, parse each once and write every table as "
        "OUT/<table>.csv (and .parquet when pyarrow is installed).",
    )
    build_cmd.add_argument("corpus", nargs="+", type=Path, help="a folder of articles, or article files")
    build_cmd.add_argument("--out", type=Path, required=True, help="folder to write the tables to")
    build_cmd.add_argument(
        "--max-bytes",
        type=int,
        default=MAX_FILE_BYTES,
        help=f"skip files larger than this (default {MAX_FILE_BYTES:,})",
    )
    build_cmd.add_argument("--no-parquet", action="store_true", help="write CSV only")
    commands.add_parser("schema", help="print the data dictionary of every table (Markdown)")
    return parser


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    prefix = "warning" if issubclass(category, CorpusWarning) else category.__name__
    print(f"{prefix}: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "schema":
        print(schema.data_dictionary())
        return 0
    warnings.showwarning = _show_warning
    inside = [c for c in args.corpus if c.resolve() in args.out.resolve().parents or c.resolve() == args.out.resolve()]
    if inside:
        print(f"error: --out {args.out} is inside the corpus {inside[0]}: write the tables elsewhere", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        corpus = read_corpus(args.corpus, max_bytes=args.max_bytes)
        tables = build(corpus, progress=True)
    except CorpusError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    tables.to_dir(args.out, parquet=False if args.no_parquet else None)
    sizes = ", ".join(f"{name} {len(tables[name])}" for name in tables.names)
    print(f"wrote {len(tables.names)} tables to {args.out}/ ({sizes})")
    return 0
