"""What a build may write and run: the cache is data and never runs code, and the build writes only in an
output folder it owns, never over or beside files it did not write, and never into the corpus."""

from __future__ import annotations

import os
import pickle

import pytest

import analysis
from analysis.building.cache import CacheWarning
from analysis.building.output import MANIFEST, OutputError
from analysis.cli import EXIT_BAD_INPUT, main

ARTICLE = 'The mayor said 40 homes were flooded. "We are doing all we can," she told reporters.\n'


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text("Shares fell 3% after the company cut its forecast.\n", encoding="utf-8")
    return folder


class _Marker:
    """Unpickling this creates a file: what a tampered pickle cache could do."""

    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_a_tampered_cache_entry_is_rebuilt_with_a_warning_and_never_run(tmp_path, corpus):
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    entries = sorted((out / ".cache").rglob("articles/*/*.json"))
    assert len(entries) == 2
    marker = tmp_path / "marker"
    entries[0].write_bytes(pickle.dumps(_Marker(str(marker))))
    entries[1].write_text('{"format": 2, "key": "someone else", "fingerprint": "x", "rows": {}}', encoding="utf-8")
    # the chunks are gone too (a copied build), so the tables must come from the cache entries
    for chunk in (out / ".cache").rglob("chunks"):
        for part in chunk.iterdir():
            for file in part.iterdir():
                file.unlink()
            part.rmdir()
    with pytest.warns(CacheWarning, match="not usable"):
        report = analysis.build_to_dir(corpus, out, n_process=1)
    assert not marker.exists()
    assert report.parsed == 2
    assert len(analysis.load(out).documents) == 2


def test_a_cache_entry_is_json_data(tmp_path, corpus):
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    data = next((out / ".cache").rglob("articles/*/*.json")).read_bytes()
    assert data.startswith(b'{"format":') and b"\x80" not in data[:2]
    assert not list((out / ".cache").rglob("*.pickle"))


def test_a_folder_of_the_users_files_is_refused_and_left_untouched(tmp_path, corpus):
    out = tmp_path / "my documents"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"years of work")
    (out / "documents.csv").write_text("my own table\n", encoding="utf-8")
    with pytest.raises(OutputError, match="holds files this tool did not write .*--force"):
        analysis.build_to_dir(corpus, out, n_process=1)
    assert sorted(p.name for p in out.iterdir()) == ["documents.csv", "thesis.docx"]
    # --force writes beside the user's files, but never over one of them
    with pytest.raises(OutputError, match="documents.csv was not written by this tool"):
        analysis.build_to_dir(corpus, out, n_process=1, force=True)
    assert (out / "documents.csv").read_text(encoding="utf-8") == "my own table\n"
    (out / "documents.csv").unlink()
    analysis.build_to_dir(corpus, out, n_process=1, force=True)
    assert (out / "thesis.docx").read_bytes() == b"years of work" and (out / MANIFEST).exists()
    # and a rebuild (here without Parquet) removes only what the build wrote; each build beside the user's
    # files is asked for with force again
    with pytest.raises(OutputError, match="thesis.docx"):
        analysis.build_to_dir(corpus, out, n_process=1, parquet=False)
    analysis.build_to_dir(corpus, out, n_process=1, parquet=False, force=True)
    assert (out / "thesis.docx").exists() and not (out / "figures.parquet").exists()


def test_the_cli_refuses_a_users_folder_in_one_line(tmp_path, corpus, capsys):
    out = tmp_path / "home"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(out)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "notes.txt" in err and err.count("\n") == 1
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    assert main(["build", str(corpus), "--out", str(out), "--force"]) == 0
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("where", ["corpus itself", "inside the corpus", "around an export"])
def test_an_output_folder_that_is_or_holds_the_corpus_is_refused(tmp_path, corpus, where):
    if where == "corpus itself":
        out, given = corpus, corpus
    elif where == "inside the corpus":
        out, given = corpus / "tables", corpus
    else:
        export = tmp_path / "exports" / "documents.csv"
        export.parent.mkdir()
        export.write_text("id,text\n1,The mayor said 40 homes were flooded.\n", encoding="utf-8")
        out, given = export.parent, export
    before = sorted(p.name for p in given.parent.rglob("*")) if given.is_file() else sorted(p.name for p in corpus.rglob("*"))
    with pytest.raises(OutputError, match="corpus|input"):
        analysis.build_to_dir(given, out, n_process=1)
    after = sorted(p.name for p in given.parent.rglob("*")) if given.is_file() else sorted(p.name for p in corpus.rglob("*"))
    assert after == before


def test_a_tampered_manifest_cannot_make_a_build_delete_outside_its_folder(tmp_path, corpus):
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    precious = tmp_path / "precious.txt"
    precious.write_text("keep", encoding="utf-8")
    manifest = out / MANIFEST
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        '"written": [', '"written": ["../precious.txt", "/etc", '), encoding="utf-8")
    analysis.build_to_dir(corpus, out, n_process=1, parquet=False)
    assert precious.read_text(encoding="utf-8") == "keep"


def test_the_cache_folder_keeps_what_it_did_not_write(tmp_path, corpus):
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    keep = out / ".cache" / "my-notes"
    keep.mkdir()
    (keep / "n.txt").write_text("mine", encoding="utf-8")
    (corpus / "c.txt").write_text("A third article with 12 figures.\n", encoding="utf-8")
    analysis.build_to_dir(corpus, out, n_process=1)
    assert (keep / "n.txt").read_text(encoding="utf-8") == "mine"


def test_default_output_folders_of_two_corpora_with_one_name_differ(tmp_path):
    from analysis.views.runner import default_out

    first, second = tmp_path / "a" / "corpus", tmp_path / "b" / "corpus"
    first.mkdir(parents=True)
    second.mkdir(parents=True)
    assert default_out(first) != default_out(second)
    assert default_out(first).name.startswith("corpus-") and default_out(first) == default_out(first)
    assert os.sep not in default_out(first).name


def test_names_with_terminal_escapes_are_printed_escaped(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "red\x1b[31mALERT.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "bad\x1b[2J.txt").write_bytes(b"\xff\xfe\x00broken")
    out = tmp_path / "out\x1b[0m"
    assert main(["build", str(corpus), "--out", str(out)]) == 3
    printed = capsys.readouterr()
    assert "\x1b" not in printed.out + printed.err
    assert "\\x1b[2J" in printed.err and "out\\x1b[0m" in printed.out
    # the tables keep the real names
    assert "red\x1b[31mALERT" in set(analysis.load(out).documents.doc_id)


@pytest.mark.parametrize("odd", [None, float("inf"), float("-inf"), float("nan")])
def test_a_cache_entry_gives_back_every_value_exactly(odd):
    from analysis.building.cache import decode_entry, encode_entry
    from analysis.extraction.pipeline import DocumentResult, StageError

    record = ("made-up text", 3, 0.1, -0.0, 2.0 / 3.0, True, None, "quote \" and é")
    rows = {"figures": [record, (*record[:2], odd, *record[3:])], "cues": []}
    result = DocumentResult(rows, 12, 2, (StageError("tone", "ValueError", "made up"),))
    data = encode_entry("k", "f", result)
    back = decode_entry(data, "k", "f")
    assert back.rows["figures"][0] == record and back.rows["cues"] == []
    second = back.rows["figures"][1][2]
    assert (second != second) if odd is not None and odd != odd else second == odd
    assert (back.n_words, back.n_sentences, back.errors) == (12, 2, result.errors)
    # finite values are written as they are; a non-finite float is tagged, the entry staying standard JSON
    assert (b'{"float":' in data) == (odd is not None)
    assert b"Infinity" not in data and b"NaN" not in data
