"""`python -m analysis build`: tables on disk, exit code 2 and one line on bad input, seeds/ untouched."""

from __future__ import annotations

import subprocess
import sys

import pytest

from analysis.building import schema
from analysis.cli import EXIT_BAD_INPUT, EXIT_INPUT_SKIPPED, main
from conftest import ROOT, SEEDS


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=ROOT)


def snapshot(folder):
    return sorted((p.relative_to(folder).as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*"))


# In this process: `python -m analysis build` in a fresh one is tests/test_runner.py's first step, and --help's below.
def test_build_writes_every_table_and_never_touches_seeds(tmp_path, capsys):
    before = snapshot(SEEDS)
    assert main(["build", str(SEEDS), "--out", str(tmp_path / "tables")]) == 0
    written = sorted(p.name for p in (tmp_path / "tables").glob("*.csv"))
    assert written == sorted(f"{name}.csv" for name in schema.TABLES)
    assert "wrote" in capsys.readouterr().out
    assert snapshot(SEEDS) == before


def test_rebuild_leaves_unchanged_tables_untouched(tmp_path, capsys):
    out = tmp_path / "tables"
    assert main(["build", str(SEEDS), "--out", str(out), "--no-parquet"]) == 0
    first = snapshot(out)
    assert main(["build", str(SEEDS), "--out", str(out), "--no-parquet"]) == 0
    assert snapshot(out) == first


def test_a_second_build_with_the_workbook_finds_it_its_own_and_a_users_workbook_is_never_overwritten(tmp_path, capsys):
    # `make run` twice: the workbook the first run wrote is this tool's, so the second run goes on and rewrites it
    out = tmp_path / "tables"
    assert main(["build", str(SEEDS), "--out", str(out), "--no-parquet", "--excel"]) == 0
    assert main(["build", str(SEEDS), "--out", str(out), "--no-parquet", "--excel"]) == 0
    assert (out / "tables.xlsx").is_file()
    # a user's own workbook of that name in a folder of tables is refused, and left as it was
    user = tmp_path / "mine"
    assert main(["build", str(SEEDS), "--out", str(user), "--no-parquet"]) == 0
    (user / "tables.xlsx").write_bytes(b"the user's own sheet")
    capsys.readouterr()
    assert main(["build", str(SEEDS), "--out", str(user), "--no-parquet", "--excel"]) == EXIT_BAD_INPUT
    assert (user / "tables.xlsx").read_bytes() == b"the user's own sheet"
    assert "tables.xlsx" in capsys.readouterr().err


@pytest.mark.parametrize(
    "corpus, message",
    [
        ("does/not/exist", "does not exist"),
        ("EMPTY", "no readable articles"),
    ],
)
def test_bad_corpus_exits_2_with_one_line(tmp_path, capsys, corpus, message):
    if corpus == "EMPTY":
        (tmp_path / "empty").mkdir()
        corpus = str(tmp_path / "empty")
    code = main(["build", corpus, "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT
    assert err.startswith("error: ") and message in err and err.count("\n") == 1


def test_bad_file_is_a_warning_line_and_the_rest_is_built(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("The minister said the talks would resume.\n", encoding="utf-8")
    (corpus / "bad.txt").write_bytes("Se\u00f1or".encode("latin-1"))
    # the tables of the rest are written, and the exit status says that some input was skipped
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--no-parquet"]) == EXIT_INPUT_SKIPPED
    err = capsys.readouterr().err
    assert err.startswith("warning: skipped bad.txt: not UTF-8")
    assert (tmp_path / "out" / "skipped.csv").read_text().splitlines()[1].startswith("bad.txt,")


def test_a_skipped_readme_alone_exits_0_and_with_a_skipped_article_3(tmp_path, capsys):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "good.txt").write_text("The minister said the talks would resume.\n", encoding="utf-8")
    (corpus / "SOURCES.md").write_text("Collected by the desk from the outlets' websites.\n", encoding="utf-8")
    build = ["build", str(corpus), "--out", str(out), "--no-parquet"]
    # the folder's documentation is listed as skipped, but no input was lost: a clean exit, built or kept
    assert main(build) == 0 and main(build) == 0
    assert "warning: skipped SOURCES.md" in capsys.readouterr().err
    assert (out / "skipped.csv").read_text().splitlines()[1].startswith("SOURCES.md,")
    (corpus / "bad.txt").write_bytes("Se\u00f1or".encode("latin-1"))
    assert main(build) == EXIT_INPUT_SKIPPED and main(build) == EXIT_INPUT_SKIPPED


def test_out_inside_corpus_is_refused(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("The minister spoke.\n", encoding="utf-8")
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "tables")]) == EXIT_BAD_INPUT
    assert "inside the corpus" in capsys.readouterr().err
    assert not (tmp_path / "tables").exists()


def test_help_lists_the_build_command():
    result = run("--help")
    assert result.returncode == 0 and "build" in result.stdout


def test_schema_command_prints_the_data_dictionary(capsys):
    assert main(["schema"]) == 0
    assert "### `sentences`" in capsys.readouterr().out
