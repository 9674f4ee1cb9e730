"""The corpus build: one failing article never stops a corpus, and the cache parses only what changed (worker
processes and Dask: tests/test_executors.py; chunked rebuilds against cold builds: tests/test_incremental.py)."""

from __future__ import annotations

import dataclasses
import os

import pandas as pd
import pytest

import analysis
from analysis import flow as builder
from analysis.building import schema
from analysis.extraction import pipeline
from analysis.building.cache import CACHE_DIR
from analysis.building.output import MANIFEST
from analysis.cli import EXIT_STAGE_FAILED, main
from analysis.reading import Corpus, Document
from build_corpora import write_corpus, frames_equal


@pytest.fixture
def failing_stage(monkeypatch):
    """figure_consistency raises on the article `a001` only."""

    def fail_on(stage: pipeline.Stage) -> pipeline.Stage:
        def run(parsed, rows):
            if parsed.document.doc_id == "a001":
                raise ValueError("math domain error")
            return stage.run(parsed, rows)

        return dataclasses.replace(stage, run=run)

    stages = tuple(fail_on(s) if s.name == "figures" else s for s in pipeline.STAGES)
    monkeypatch.setattr(pipeline, "STAGES", stages)


def test_a_failing_stage_loses_only_its_rows_and_dependants_and_is_listed(tmp_path, failing_stage, nlp):
    corpus = write_corpus(tmp_path / "corpus", 3)
    tables = analysis.build(corpus, nlp=nlp)
    assert list(tables.documents.doc_id) == ["a000", "a001", "a002"]
    errors = tables.errors
    assert errors[errors.stage == "figures"].to_dict("records") == [
        {"doc_id": "a001", "stage": "figures", "exception_type": "ValueError", "message": "math domain error"}
    ]
    # The stages that read the figures are not run on that article, and say why.
    not_run = errors[errors.exception_type == "NotRun"]
    assert set(not_run.stage) == {"time_expressions", "figure_consistency", "metric_origin"}
    assert set(not_run.doc_id) == {"a001"}
    # a001 keeps the rows of every other stage; the other articles keep everything.
    assert "a001" in set(tables.attributions.doc_id) and "a001" in set(tables.sentences.doc_id)
    assert "a001" not in set(tables.figures.doc_id)
    assert {"a000", "a002"} <= set(tables.figures.doc_id)


def test_cli_reports_the_failing_article_exits_0_and_2_with_strict(tmp_path, failing_stage, capsys):
    corpus = write_corpus(tmp_path / "corpus", 3)
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    warning = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warning) == 1 and "a001" in warning[0] and "figures" in warning[0]
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert "a001" in set(errors.doc_id)
    code = main(["build", str(corpus), "--out", str(tmp_path / "out2"), "--jobs", "1", "--strict"])
    assert code == EXIT_STAGE_FAILED


def test_an_article_that_breaks_the_parser_is_left_out_and_listed(tmp_path, monkeypatch, nlp):
    corpus = write_corpus(tmp_path / "corpus", 3)
    real = pipeline.parse_documents

    def parse(documents, nlp, **kwargs):
        if any(d.doc_id == "a002" for d in documents):
            raise RuntimeError("parser broke")
        return real(documents, nlp, **kwargs)

    monkeypatch.setattr(pipeline, "parse_documents", parse)
    tables = analysis.build(corpus, nlp=nlp)
    assert list(tables.documents.doc_id) == ["a000", "a001"]
    assert tables.errors[["doc_id", "stage", "exception_type"]].values.tolist() == [["a002", "parse", "RuntimeError"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "The capacitor is rated at 2.5 F and costs 3 dollars.",
        "Overnight it fell to minus 40 degrees Fahrenheit, or -40 C.",
        "The reading was 0 degrees Celsius at dawn and 0 miles of road were open.",
        "Temperatures of -273.15 C cannot be reached; the probe read -5 F.",
    ],
)


def test_unit_conversions_never_raise(sentence, nlp):
    document = Document("t", "t.txt", sentence, "0" * 64)
    tables = analysis.build(Corpus(documents=[document]), nlp=nlp)
    assert tables.errors.empty, tables.errors.to_dict("records")


def test_rebuild_parses_only_what_changed_and_removed_articles_leave(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 4)
    out = tmp_path / "out"
    cold = analysis.build_to_dir(corpus, out, n_process=1)
    assert (cold.parsed, cold.cached) == (4, 0)
    again = analysis.build_to_dir(corpus, out, n_process=1)
    assert (again.parsed, again.cached) == (0, 4)
    write_corpus(corpus, 1, offset=4)
    added = analysis.build_to_dir(corpus, out, n_process=1)
    assert (added.parsed, added.cached) == (1, 4)
    assert list(analysis.load(out).documents.doc_id) == ["a000", "a001", "a002", "a003", "a004"]
    (corpus / "a001.txt").unlink()
    removed = analysis.build_to_dir(corpus, out, n_process=1)
    assert (removed.parsed, removed.cached) == (0, 4)
    tables = analysis.load(out)
    assert "a001" not in set(tables.documents.doc_id) and "a001" not in set(tables.sentences.doc_id)
    assert len(list((out / CACHE_DIR).rglob("articles/*/*.json"))) == 4
    frames_equal(tables, analysis.build(corpus, n_process=1))


@pytest.fixture
def settled_at_once(monkeypatch):
    """A folder's listing trusted however recently its files changed (tests write them a moment before building),
    so that a rebuild skips reading where the listing allows it."""
    from analysis.reading import listing

    monkeypatch.setattr(listing, "SETTLING_NS", -10**18)


def test_a_rebuild_knows_an_article_by_its_bytes_not_by_its_size_or_time(tmp_path, settled_at_once):
    # A rebuild reads no article when the folder's files are as the last build listed them, status-change times
    # included (analysis.reading.listing); any other rebuild opens and hashes every article whose signature changed
    # (analysis.reading.reread), or every article where the corpus is not plain enough. So a file touched
    # without a change is not parsed again, and one changed in place is, even with its size and modification time
    # put back as they were (as an editor, a sync tool or a copy that keeps times may do): that sets its
    # status-change time.
    corpus = write_corpus(tmp_path / "corpus", 3)
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    article = corpus / "a001.txt"
    stat = article.stat()
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    touched = analysis.build_to_dir(corpus, out, n_process=1)
    assert (touched.parsed, touched.cached) == (0, 3)
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Shares", "Stocks"), encoding="utf-8")
    assert article.stat().st_size == stat.st_size
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    changed = analysis.build_to_dir(corpus, out, n_process=1)
    assert (changed.parsed, changed.cached) == (1, 2)
    tables = analysis.load(out)
    assert "Stocks in Acme" in tables.sentences.loc[tables.sentences.doc_id == "a001", "text"].iloc[0]
    frames_equal(tables, analysis.build(corpus, n_process=1))


@pytest.mark.skipif(os.name != "posix", reason="a listing is made on POSIX systems only")
def test_a_rebuild_of_folders_as_the_last_build_listed_them_reads_nothing_and_reports_as_reading_them(
    tmp_path, settled_at_once, monkeypatch
):
    from analysis.reading import CorpusWarning

    corpus = write_corpus(tmp_path / "corpus", 3)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.warns(CorpusWarning, match="skipped empty.txt"):
        analysis.build_to_dir(corpus, out, n_process=1)
    manifest = (out / MANIFEST).read_bytes()

    def unread(*args, **kwargs):
        raise AssertionError("the corpus was read")

    with monkeypatch.context() as patched:
        patched.setattr(builder, "read_corpus", unread)
        with pytest.warns(CorpusWarning, match="skipped empty.txt"):  # reading's warnings are given again
            kept = analysis.build_to_dir(corpus, out, n_process=1)
    with monkeypatch.context() as patched:
        patched.setattr(builder, "corpus_listing", lambda paths: None)
        with pytest.warns(CorpusWarning, match="skipped empty.txt"):
            read = analysis.build_to_dir(corpus, out, n_process=1)
    assert kept == read and (kept.documents, kept.cached, kept.skipped) == (3, 3, 1)
    assert (out / MANIFEST).read_bytes() == manifest
    # another option of reading, or a file added, is read
    calls = []
    real = builder.read_corpus
    monkeypatch.setattr(builder, "read_corpus", lambda *a, **k: calls.append(1) or real(*a, **k))
    with pytest.warns(CorpusWarning):
        analysis.build_to_dir(corpus, out, n_process=1, max_bytes=10_000)
    write_corpus(corpus, 1, offset=3)
    with pytest.warns(CorpusWarning):
        added = analysis.build_to_dir(corpus, out, n_process=1, max_bytes=10_000)
    assert len(calls) == 2 and (added.parsed, added.cached) == (1, 3)


def test_a_rebuild_reads_the_folder_when_its_files_changed_just_before_the_last_build_listed_them(tmp_path, monkeypatch):
    # two writes of one size within a file system's tick look alike: a listing taken so soon after a change is not
    # trusted (analysis.reading.listing.SETTLING_NS), nor is the record of a file changed so soon before the last
    # build listed it (analysis.reading.reread): every file is opened and hashed again
    from analysis.reading.entries import Entry

    corpus = write_corpus(tmp_path / "corpus", 2)
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    opened = []
    real = Entry.read
    monkeypatch.setattr(Entry, "read", lambda entry: opened.append(entry.name) or real(entry))
    report = analysis.build_to_dir(corpus, out, n_process=1)
    assert sorted(opened) == ["a000.txt", "a001.txt"] and (report.parsed, report.cached) == (0, 2)


def test_a_changed_data_file_or_catalogue_invalidates_every_entry(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", 2)
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    from analysis.building import cache

    monkeypatch.setattr(cache, "_package_digest", lambda: "a lexicon changed")
    report = analysis.build_to_dir(corpus, out, n_process=1)
    assert (report.parsed, report.cached) == (2, 0)
    # Only the current fingerprint's entries are kept.
    assert len([p for p in (out / CACHE_DIR).iterdir() if p.is_dir()]) == 1


def test_a_change_of_the_views_keeps_the_cache_and_a_change_of_extraction_or_data_does_not(tmp_path):
    from analysis.building.cache import source_digest

    # a package tree of its own: the digest reads files, so the test edits copies, never the installed package
    root = tmp_path / "package"
    for name, text in {"extraction/rules.py": "RULE = 1\n", "data/words.yaml": "- word\n",
                       "views/charts.py": "TITLE = 'a'\n"}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    before = source_digest(root)
    (root / "views/charts.py").write_text("TITLE = 'another title'\n")
    assert source_digest(root) == before
    (root / "extraction/rules.py").write_text("RULE = 2\n")
    changed_code = source_digest(root)
    assert changed_code != before
    (root / "data/words.yaml").write_text("- word\n- another\n")
    assert source_digest(root) != changed_code


def test_an_interrupted_build_leaves_the_previous_tables_and_the_next_one_finishes_the_same(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", 3)
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    write_corpus(corpus, 3, offset=3)
    real_add = builder._Assembler.add
    calls = {"n": 0}

    def add_then_interrupt(self, document, result):
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt
        return real_add(self, document, result)

    monkeypatch.setattr(builder._Assembler, "add", add_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        analysis.build_to_dir(corpus, out, n_process=1)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert not list(out.glob(".partial-*"))
    monkeypatch.setattr(builder._Assembler, "add", real_add)
    report = analysis.build_to_dir(corpus, out, n_process=1)
    assert report.cached >= 4 and report.parsed + report.cached == 6
    frames_equal(analysis.load(out), analysis.build(corpus, n_process=1))


def test_written_tables_read_back_identical_to_the_in_memory_build(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 3)
    analysis.build_to_dir(corpus, tmp_path / "out", n_process=1)
    built = analysis.build(corpus, n_process=1)
    loaded = analysis.load(tmp_path / "out")
    frames_equal(loaded, built)
    assert loaded.text_of("a001") == built.text_of("a001")


def test_tables_joined_from_validated_chunks_are_what_validating_them_whole_gives(tmp_path, monkeypatch):
    # the build validates each chunk as it is written, not the joined table again (nor a table read back from
    # Parquet twice); with chunks of three rows every table of more than three rows is joined from several
    corpus = write_corpus(tmp_path / "corpus", 6)
    monkeypatch.setattr(builder, "CHUNK_ROWS", 3)
    tables = analysis.build(corpus, n_process=1)
    assert len(tables.sentences) > 3 * 3 and len(tables.figures) > 3
    analysis.build_to_dir(corpus, tmp_path / "out", n_process=1)
    loaded = analysis.load(tmp_path / "out")
    for name in schema.TABLES:
        pd.testing.assert_frame_equal(schema.validate(name, tables[name]), tables[name], check_dtype=True, obj=name)
        pd.testing.assert_frame_equal(loaded[name], tables[name], check_dtype=True, obj=name)


def test_load_or_build_builds_once_then_reads(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "corpus", 2)
    tables_dir = tmp_path / "tables"
    first = analysis.load_or_build(tables_dir, corpus)
    assert "Building the tables" in capsys.readouterr().out
    second = analysis.load_or_build(tables_dir, corpus)
    assert "Building the tables" not in capsys.readouterr().out
    frames_equal(first, second)
    write_corpus(corpus, 1, offset=2)
    third = analysis.load_or_build(tables_dir, corpus)
    assert "Building the tables" in capsys.readouterr().out
    assert len(third.documents) == 3


@pytest.mark.skipif(os.name != "posix", reason="a listing is made on POSIX systems only")
def test_load_or_build_of_a_folder_as_its_build_listed_it_reads_no_article(tmp_path, settled_at_once, monkeypatch, capsys):
    corpus = write_corpus(tmp_path / "corpus", 2)
    tables_dir = tmp_path / "tables"
    analysis.build_to_dir(corpus, tables_dir, n_process=1)
    calls = []
    real = builder.read_corpus
    monkeypatch.setattr(builder, "read_corpus", lambda *a, **k: calls.append(1) or real(*a, **k))
    kept = analysis.load_or_build(tables_dir, corpus)
    assert not calls and "Building the tables" not in capsys.readouterr().out
    frames_equal(kept, analysis.load(tables_dir))
    write_corpus(corpus, 1, offset=2)  # the listing changed: read, compared and built
    added = analysis.load_or_build(tables_dir, corpus)
    assert calls == [1] and "Building the tables" in capsys.readouterr().out and len(added.documents) == 3


def test_one_figure_repeated_through_a_long_article_gives_rows_in_proportion(nlp):
    paragraph = "Officials said 40 homes were flooded on Monday.\n\n"
    rows = []
    for copies in (10, 40):
        document = Document("long", "long.txt", paragraph * copies, "0" * 64)
        rows.append(len(analysis.build(Corpus(documents=[document]), nlp=nlp).figure_consistency))
    # Every mention is compared with the first and the four before it, so each of the 30 added mentions adds
    # exactly 5 rows (all pairs would add 30 * 25 + 435).
    assert rows[1] - rows[0] == 5 * 30


def test_a_corpus_level_table_that_fails_half_way_is_left_empty_and_listed(tmp_path, monkeypatch):
    from analysis.across import stage
    from analysis.building import segments

    corpus = write_corpus(tmp_path / "corpus", 12, published="2024-03-05")
    out = tmp_path / "out"
    real, calls = stage.pair_rows, []

    def render_once_then_fail(*args, **options):
        calls.append(1)
        if len(calls) > 1:
            raise MemoryError("out of memory in the middle of figure_agreement")
        return real(*args, **options)

    monkeypatch.setattr(segments, "RENDER_ROWS", 1)  # a batch of rows per earlier figure: several batches
    monkeypatch.setattr(stage, "pair_rows", render_once_then_fail)
    report = analysis.build_to_dir(corpus, out, n_process=1)
    assert ("(corpus)", "figure_agreement", "MemoryError") in [e[:3] for e in report.errors]
    tables = analysis.load(out)
    # the rows made before the failure are gone too: the table is empty, not half made
    assert tables.figure_agreement.empty
    assert pd.read_csv(out / "figure_agreement.csv").empty
    assert len(tables.documents) == 12 and not tables.figures.empty
    assert tables.errors[tables.errors.doc_id == "(corpus)"].stage.tolist() == ["figure_agreement"]
    # what was kept before the failure is whole: the next build gives the table a cold build gives
    monkeypatch.undo()
    write_corpus(corpus, 1, offset=12)
    analysis.build_to_dir(corpus, out, n_process=1)
    frames_equal(analysis.load(out), analysis.build(corpus, n_process=1))
    assert not analysis.load(out).figure_agreement.empty


def test_an_article_gets_the_same_rows_in_any_batch(tmp_path, monkeypatch, nlp):
    """Each batch is parsed in a spaCy memory zone, which frees the strings it added: an article in the third
    batch must still be read as in the first (catalogue actors included, whose ids the ruler added before)."""
    text = 'Russia said 40 homes were hit. "We will respond," Vladimir Putin told reporters in Moscow.\n'
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(6):
        (folder / f"a{i}.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)
    tables = analysis.build(folder, nlp=nlp)
    assert {"Russia", "Vladimir Putin"} <= set(tables.mentions.actor)
    for name in ("sentences", "mentions", "attributions", "figures", "tone"):
        frame = tables[name]
        first, last = (frame[frame.doc_id == d].drop(columns="doc_id").reset_index(drop=True) for d in ("a0", "a5"))
        assert len(first) > 0, name
        pd.testing.assert_frame_equal(first, last, obj=name)


def test_csv_floats_are_written_as_pandas_float_format_writes_them(tmp_path):
    # The writer formats float columns itself (for speed); the CSV bytes users hold must stay those of pandas'
    # own float_format, missing values, infinities, negative zero and long decimals included.
    from analysis.building.chunks import FLOAT_FORMAT
    from analysis.building.tables import write_table

    values = [0.1, -0.0, 1e-12, 123456789.123456, float("nan"), float("inf"), -float("inf"), 2.0 / 3.0, 5e20]
    empty = schema.empty("figures")
    defaults = {"f": values, "i": 0, "b": False, "M": pd.NaT}
    frame = pd.DataFrame(
        {c: defaults.get(empty[c].dtype.kind, 'a "quoted", text') for c in empty.columns}, index=range(len(values))
    )
    assert frame["low"].isna().any() and (frame["high"] == float("inf")).any()
    write_table(tmp_path, "figures", frame, parquet=False)
    expected = frame.to_csv(index=False, float_format=FLOAT_FORMAT, lineterminator="\n")
    assert (tmp_path / "figures.csv").read_text(encoding="utf-8") == expected


def _awkward_frame(table: str) -> pd.DataFrame:
    """Three rows of ``table`` with its declared dtypes: text with commas, quotes and line breaks, negative and
    large numbers, and every value missing in the last row where its column may be missing."""
    empty = schema.empty(table)
    rows = {"i": [0, -7, 2**40], "f": [0.1, -0.0, 2.0 / 3.0], "b": [True, False, True],
            "M": pd.to_datetime(["2020-01-02", "2021-12-31", "1999-06-07"], utc=True),
            "O": ['a "quoted", text', "two\nlines", ""]}
    frame = pd.DataFrame({c: pd.Series(rows[empty[c].dtype.kind], dtype=empty[c].dtype) for c in empty.columns})
    for column, spec in schema._schema(table).columns.items():
        if spec.nullable:
            frame.loc[2, column] = None
    return frame


@pytest.mark.parametrize("table", list(schema.TABLES))
def test_chunk_rows_are_written_as_pandas_writes_them(table):
    # csv_rows and arrow_table write a validated frame's columns themselves (for speed): the bytes must stay
    # those of pandas' to_csv and pyarrow's from_pandas, missing values and awkward text included.
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    from analysis.building.chunks import FLOAT_FORMAT, arrow_schema, arrow_table, csv_rows

    frame = _awkward_frame(table)
    floats = {c: [("" if v != v else FLOAT_FORMAT % v) for v in frame[c]] for c in frame if frame[c].dtype.kind == "f"}
    assert csv_rows(frame) == frame.assign(**floats).to_csv(header=False, index=False, lineterminator="\n")
    ours, theirs = io.BytesIO(), io.BytesIO()
    pq.write_table(arrow_table(table, frame), ours)
    pq.write_table(pa.Table.from_pandas(frame, schema=arrow_schema(table), preserve_index=False), theirs)
    assert ours.getvalue() == theirs.getvalue()


def test_a_cache_entry_gives_back_every_float_bit_for_bit_whether_or_not_one_is_not_finite():
    # Entries are written without tagging values unless one is not finite (JSON has no infinity or NaN): both
    # ways, what is read back is what was written.
    import math

    from analysis.building.cache import decode_entry, encode_entry

    plain = pipeline.DocumentResult({"figures": [(0, 2.0 / 3.0, "a", None), (1, -0.0, "b", 3)]}, 12, 2, ())
    odd = pipeline.DocumentResult({"figures": [(0, float("inf"), "c", None), (1, float("nan"), "d", -float("inf"))]},
                                  7, 1, (pipeline.StageError("tone", "ValueError", "bad"),))
    back = decode_entry(encode_entry("k", "f", plain), "k", "f")
    assert back.rows == {"figures": [(0, 2.0 / 3.0, "a", None), (1, -0.0, "b", 3)]}
    assert math.copysign(1.0, back.rows["figures"][1][1]) == -1.0
    assert (back.n_words, back.n_sentences, back.errors) == (12, 2, ())
    row_inf, row_nan = decode_entry(encode_entry("k", "f", odd), "k", "f").rows["figures"]
    assert row_inf == (0, float("inf"), "c", None)
    assert row_nan[0] == 1 and math.isnan(row_nan[1]) and row_nan[2:] == ("d", -float("inf"))
    assert b'{"float":"inf"}' in encode_entry("k", "f", odd) and b"float" not in encode_entry("k", "f", plain)
