"""Rebuilds that rewrite only what a change reaches: chunked tables and the corpus-level tables made by block
equal a cold build, table by table."""

from __future__ import annotations

import pytest

import analysis
from analysis.building import schema
from build_corpora import write_corpus, frames_equal


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks and figure_agreement segments of about two articles, so that a corpus of twelve has several and a
    change touches one of them."""
    from analysis.across import stage
    from analysis.building import chunks

    monkeypatch.setattr(chunks, "ARTICLES_PER_CHUNK", 2)
    monkeypatch.setattr(chunks, "MAX_ARTICLES_PER_CHUNK", 4)
    monkeypatch.setattr(stage, "ARTICLES_PER_SEGMENT", 2)


def pairs_of(tables: analysis.Tables) -> set[tuple[str, str, str]]:
    agreement = tables.figure_agreement
    return set(zip(agreement.doc_id, agreement.other_doc_id, agreement.verdict))


def test_an_incremental_rebuild_equals_a_cold_build_table_by_table(tmp_path, small_chunks, monkeypatch):
    from analysis.across import stage
    from analysis.reading import listing

    # every rebuild reads the corpus (a listing is never trusted): what is tested is what it rewrites
    monkeypatch.setattr(listing, "SETTLING_NS", 10**18)

    rendered: list[int] = []
    real = stage.pair_rows

    def counted(rows, earlier, later, **options):
        rendered.append(len(earlier))
        return real(rows, earlier, later, **options)

    monkeypatch.setattr(stage, "pair_rows", counted)
    corpus = write_corpus(tmp_path / "corpus", 12, published="2024-03-05")
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    assert len(list((out / "sentences.parquet").iterdir())) > 2
    assert len(list((out / "figure_agreement.parquet").iterdir())) > 2
    assert ("a000", "a006", "agree") in pairs_of(analysis.load(out))
    # the cold build into a folder, chunked and segmented, is the in-memory build: each rebuild is held to the latter
    frames_equal(analysis.load(out), analysis.build(corpus, n_process=1))

    def rebuild() -> tuple[analysis.BuildReport, analysis.Tables]:
        """A rebuild, checked against a cold build (in memory, as the cold build into a folder was); the pairs it
        wrote anew are few."""
        rendered.clear()
        report = analysis.build_to_dir(corpus, out, n_process=1)
        written, tables = sum(rendered), analysis.load(out)
        frames_equal(tables, analysis.build(corpus, n_process=1))
        assert 0 < written < len(tables.figure_agreement) / 2
        return report, tables

    # added: its 40 homes pair with two earlier articles', its quote joins theirs
    write_corpus(corpus, 1, offset=12, published="2024-03-05")
    added, tables = rebuild()
    assert added.parsed == 1 and added.cached == 12
    assert {("a000", "a012", "agree"), ("a006", "a012", "agree")} <= pairs_of(tables)
    assert set(tables.quote_reuse.doc_id) == {"a000", "a006", "a012"}
    (corpus / "a005.txt").write_text(
        # counts of one day (Monday), so that they disagree (a day apart, the count may have changed)
        'The council said on Monday that 45 homes were flooded. "We are doing all we can," she said. Article 5 '
        'was changed.\n',
        encoding="utf-8")
    changed, tables = rebuild()
    assert changed.parsed == 1
    assert {("a000", "a005", "disagree"), ("a005", "a006", "disagree")} <= pairs_of(tables)
    assert ("a005", "a011", "agree") not in pairs_of(tables)  # its prices are gone
    assert set(tables.quote_reuse.doc_id) == {"a000", "a005", "a006", "a012"}
    (corpus / "a006.txt").unlink()  # removed: its pairs and its printing go
    (corpus / "a006.meta.json").unlink()
    removed, tables = rebuild()
    assert removed.parsed == 0 and "a006" not in set(tables.sentences.doc_id)
    assert "a006" not in set(tables.figure_agreement.doc_id) | set(tables.figure_agreement.other_doc_id)
    assert ("a000", "a012", "agree") in pairs_of(tables)
    assert set(tables.quote_reuse.doc_id) == {"a000", "a005", "a012"}
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    rendered.clear()
    nothing = analysis.build_to_dir(corpus, out, n_process=1)
    assert (nothing.parsed, nothing.cached) == (0, 12) and not rendered
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before


def test_dated_articles_pair_within_the_window_alike_in_a_rebuild_and_in_memory(tmp_path, small_chunks):
    corpus = write_corpus(tmp_path / "corpus", 12)
    # articles i and i + 6 print the same figures: a000 and a006 are weeks apart, a001 and a007 (a002 and a008)
    # a day apart, a003 to a005 dated and a009 to a011 undated
    dates = {i: f"2024-03-{1 + i % 4:02d}" for i in range(6)} | {6: "2024-03-20", 7: "2024-03-03", 8: "2024-03-04"}
    dates |= {9: "", 10: "", 11: ""}
    def metadata() -> None:
        rows = [f"a{i:03d}.txt,Outlet {i % 3},{dates[i]}" for i in range(13) if (corpus / f"a{i:03d}.txt").exists()]
        (corpus / "metadata.csv").write_text("file,outlet,published\n" + "\n".join(rows) + "\n", encoding="utf-8")

    metadata()
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    tables = analysis.load(out)
    frames_equal(tables, analysis.build(corpus, n_process=1))
    assert str(tables.figure_agreement.published_at.dtype) == "datetime64[ns, UTC]"
    pairs = set(zip(tables.figure_agreement.doc_id, tables.figure_agreement.other_doc_id))
    assert ("a001", "a007") in pairs and ("a002", "a008") in pairs
    assert not pairs & {("a000", "a006"), ("a003", "a009"), ("a004", "a010"), ("a005", "a011")}
    assert set(tables.figure_agreement.days_apart) == {1.0}
    write_corpus(corpus, 1, offset=12)
    dates[12] = "2024-03-02"  # pairs with a000's homes, a day apart
    metadata()
    analysis.build_to_dir(corpus, out, n_process=1)
    tables = analysis.load(out)
    frames_equal(tables, analysis.build(corpus, n_process=1))
    assert ("a000", "a012") in set(zip(tables.figure_agreement.doc_id, tables.figure_agreement.other_doc_id))


def test_a_change_rewrites_only_the_chunk_it_falls_in(tmp_path, small_chunks):
    corpus = write_corpus(tmp_path / "corpus", 12)
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    parts = lambda: {p.read_bytes() for p in (out / "sentences.parquet").iterdir()}  # noqa: E731
    before = parts()
    (corpus / "a007.txt").write_text("The council said 30 roads were closed.\n", encoding="utf-8")
    analysis.build_to_dir(corpus, out, n_process=1)
    after = parts()
    assert len(after - before) == 1 and len(before - after) == 1


def test_source_ids_join_sources_and_a_chunk_gets_them_again_only_when_its_links_change(tmp_path, small_chunks):
    corpus = write_corpus(tmp_path / "corpus", 12)
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    tables = analysis.load(out)
    lopez = tables.sources.set_index("name").loc["Maria Lopez", "source_id"]
    assert set(tables.attributions.loc[tables.attributions.source == "Maria Lopez", "source_id"]) == {lopez}
    assert set(tables.people.loc[tables.people.source == "Maria Lopez", "source_id"]) == {lopez}
    for name in schema.IDENTITY_TABLES:
        assert list(tables[name].columns)[-1] == "source_id"
        assert set(tables[name].source_id) - {""} <= set(tables.sources.source_id), name
    assert set(tables.claims.loc[tables.claims.basis == "own_voice", "source_id"]) == {""}
    identified = lambda: {p.parent.name for p in out.rglob("identified/*/attributions.parquet")}  # noqa: E731
    before = identified()
    assert 0 < len(before) < len(list((out / "sentences.parquet").iterdir()))  # chunks without a named source: none
    (corpus / "a001.txt").write_text("Rain fell on the coast.\n", encoding="utf-8")
    analysis.build_to_dir(corpus, out, n_process=1)
    assert len(identified() - before) <= 1 and len(before - identified()) <= 1
    frames_equal(analysis.load(out), analysis.build(corpus, n_process=1))


def test_tables_made_beside_the_build_are_the_same_and_a_failure_there_is_listed(tmp_path, monkeypatch):
    # With more than one process, figure_agreement and quote_reuse's printings are made in forked processes while
    # this one makes the source identities: the same tables as in one process, and a failure there is listed as
    # it is here.
    from analysis.across import stage
    from analysis.building import executors

    # as on Linux outside Jupyter (under pytest, nbval's import of ipykernel makes the build spawn, and not fork)
    monkeypatch.setattr(executors, "_start_method", lambda: "fork")
    forked = []
    real_beside = executors.beside
    monkeypatch.setattr(executors, "beside", lambda function, *args: forked.append(function) or real_beside(function, *args))
    corpus = write_corpus(tmp_path / "corpus", 12, published="2024-03-05")
    analysis.build_to_dir(corpus, tmp_path / "one", n_process=1)
    analysis.build_to_dir(corpus, tmp_path / "two", n_process=2)
    one, two = analysis.load(tmp_path / "one"), analysis.load(tmp_path / "two")
    assert ("a000", "a006", "agree") in pairs_of(two)
    assert len(two.quote_reuse) > 0
    assert forked == [stage.figure_agreement_segments, stage.quote_reuse_printings]
    frames_equal(two, one)

    for failing, table in (("pair_rows", "figure_agreement"), ("reused_printings", "quote_reuse")):
        def fail(*args, **options):
            raise MemoryError(f"out of memory in the middle of {table}")

        with monkeypatch.context() as patched:
            patched.setattr(stage, failing, fail)
            for jobs in (1, 2):
                out = tmp_path / f"failing_{table}_{jobs}"
                report = analysis.build_to_dir(corpus, out, n_process=jobs)
                assert [e[:3] for e in report.errors] == [("(corpus)", table, "MemoryError")]
                failed = analysis.load(out)
                assert failed[table].empty
                assert failed.errors[["doc_id", "stage"]].values.tolist() == [["(corpus)", table]]
                frames_equal(failed, one, but=table)
