"""Where articles are analysed: the tables are the same row for row from worker processes (forked or spawned)
and from Dask as from one process, results come back in order, and the garbage collector is given back whole."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis import flow as builder
from analysis.building import executors
from analysis.extraction import pipeline
from analysis.catalogue.beat import load_beat
from build_corpora import write_corpus, frames_equal


def test_worker_processes_give_the_same_tables_row_for_row(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", 12)
    # forked, as on Linux outside Jupyter (under pytest, nbval's import of ipykernel makes the build spawn: the
    # spawned workers are the next test's)
    monkeypatch.setattr(executors, "_start_method", lambda: "fork")
    monkeypatch.setattr(builder, "MIN_ARTICLES_PER_WORKER", 1)
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)
    frames_equal(analysis.build(corpus, n_process=2), analysis.build(corpus, n_process=1))


def test_spawned_workers_warm_up_themselves_and_give_the_same_tables(tmp_path, monkeypatch):
    # what macOS, Windows and a Jupyter kernel use: each worker loads the model and warms up on its own
    corpus = write_corpus(tmp_path / "corpus", 6)
    monkeypatch.setattr(builder, "MIN_ARTICLES_PER_WORKER", 1)
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)
    monkeypatch.setattr(executors, "_start_method", lambda: "spawn")
    frames_equal(analysis.build(corpus, n_process=2), analysis.build(corpus, n_process=1))


def test_a_dask_local_cluster_gives_the_same_tables_row_for_row(tmp_path):
    pytest.importorskip("dask.distributed")
    corpus = write_corpus(tmp_path / "corpus", 8)
    frames_equal(analysis.build(corpus, scheduler="local"), analysis.build(corpus, n_process=1))


# dask's own Parquet reader calls a pandas method pandas 3 deprecates; nothing of this project's


@pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index")
def test_the_written_parquet_reads_the_same_in_dask_as_in_pandas(tmp_path):
    dd = pytest.importorskip("dask.dataframe")
    corpus = write_corpus(tmp_path / "corpus", 3)
    analysis.build_to_dir(corpus, tmp_path / "out", n_process=1)
    for table in ("documents", "sentences", "figures", "attributions"):
        path = tmp_path / "out" / f"{table}.parquet"
        expected = pd.read_parquet(path)
        assert len(expected) > 0, table
        read = dd.read_parquet(path).compute().reset_index(drop=True)
        pd.testing.assert_frame_equal(read, expected, check_dtype=False, obj=table)


def test_worker_results_are_read_in_order_with_a_bounded_number_ahead():
    from concurrent.futures import Future

    from analysis.building.executors import _in_order

    submitted, read = [], []

    def submit(batch):
        submitted.append(batch)
        future = Future()
        future.set_result([batch])
        return future

    for result in _in_order(submit, iter(range(10)), ahead=3, cancel=lambda pending: None):
        # besides the one in hand, never more than `ahead` batches handed out and not yet read
        assert len(submitted) - len(read) - 1 <= 3
        read.append(result[0])
    assert read == list(range(10))


def test_the_garbage_collector_is_given_back_whole_after_the_articles_are_analysed(monkeypatch):
    # What is loaded is frozen out of full collections while articles are analysed, and only then.
    import gc

    seen = []
    monkeypatch.setattr(executors, "analyse_batch", lambda batch, nlp, beat: seen.append(gc.get_freeze_count()) or [])
    before = gc.get_freeze_count()
    assert list(executors.in_process([["one"], ["two"]], beat=None, nlp=object())) == [[], []]
    assert len(seen) == 2 and all(count > before for count in seen)
    assert gc.get_freeze_count() == before


def test_objects_a_caller_froze_stay_frozen_after_the_articles_are_analysed(monkeypatch):
    # A notebook that froze objects itself finds them frozen after a build: the build gives back only what it froze.
    import gc

    monkeypatch.setattr(executors, "analyse_batch", lambda batch, nlp, beat: [])
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert list(executors.in_process([["one"]], beat=None, nlp=object())) == [[]]
        # frozen objects may be freed meanwhile (the count falls); none was frozen on top, none given back
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


def test_a_reader_that_stops_early_leaves_nothing_frozen(monkeypatch):
    # Between two batches, and after a reader drops the results half-way, nothing is frozen.
    import gc

    monkeypatch.setattr(executors, "analyse_batch", lambda batch, nlp, beat: [])
    before = gc.get_freeze_count()
    runs = executors.in_process([["one"], ["two"]], beat=None, nlp=object())
    assert next(runs) == []
    assert gc.get_freeze_count() == before
    del runs
    assert gc.get_freeze_count() == before


def _batches(tmp_path, n: int) -> list[list]:
    from analysis.reading import read_corpus

    documents = read_corpus(write_corpus(tmp_path / "corpus", n)).documents
    return [documents[i : i + 2] for i in range(0, n, 2)]


def test_the_warmed_process_gives_the_results_of_this_one_and_stops(tmp_path):
    beat = load_beat()
    batches = _batches(tmp_path, 5)
    warmed = executors.Warmed(beat)
    got = list(warmed.results(batches))
    assert not warmed._process.is_alive()
    expected = list(executors.in_process(batches, beat))
    # compared as written out, where a missing value (NaN) equals itself
    assert [[repr(r) for r in batch] for batch in got] == [[repr(r) for r in batch] for batch in expected]
    assert [len(batch) for batch in got] == [2, 2, 1]


def test_a_warmed_process_not_needed_is_stopped_while_it_loads():
    warmed = executors.Warmed(load_beat())
    warmed.close()
    assert not warmed._process.is_alive()
    warmed.close()  # twice, as a build's cleanup may


def test_an_error_in_the_warmed_process_is_raised_here(tmp_path, monkeypatch):
    def fails(batch, nlp, beat):
        raise ValueError("a stage broke")

    # the forked process has the module as it is here
    monkeypatch.setattr(executors, "analyse_batch", fails)
    warmed = executors.Warmed(load_beat())
    with pytest.raises(ValueError, match="a stage broke"):
        list(warmed.results(_batches(tmp_path, 1)))
    assert not warmed._process.is_alive()


def test_a_warmed_process_that_dies_gives_a_clear_error(tmp_path, monkeypatch):
    import os

    monkeypatch.setattr(executors, "analyse_batch", lambda batch, nlp, beat: os._exit(3))
    warmed = executors.Warmed(load_beat())
    with pytest.raises(RuntimeError, match=r"stopped \(exit code 3\).*--jobs 1"):
        list(warmed.results(_batches(tmp_path, 1)))


def test_a_rebuild_parses_its_few_articles_in_the_warmed_process_with_the_same_tables(tmp_path, monkeypatch):
    from analysis.reading import listing

    # every file counts as settled at once: a file written just before a build is otherwise opened again by the next
    monkeypatch.setattr(listing, "SETTLING_NS", -10**18)
    corpus = write_corpus(tmp_path / "corpus", 8)
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=2)
    write_corpus(corpus, 2, offset=8)
    started = []
    real = executors.Warmed

    def counted(beat):
        started.append(real(beat))
        return started[-1]

    def rebuild() -> analysis.BuildReport:
        # as in a fresh process that has not loaded the model (this one may have, for another test), on Linux
        # outside Jupyter (under pytest, nbval's import of ipykernel makes the build spawn, and not fork)
        with monkeypatch.context() as patched:
            patched.setattr(executors, "pipeline_loaded", lambda catalogue: False)
            patched.setattr(executors, "_start_method", lambda: "fork")
            patched.setattr(executors, "Warmed", counted)
            patched.setattr(executors, "in_process", lambda *args: pytest.fail("parsed in this process"))
            report = analysis.build_to_dir(corpus, out, n_process=2)
        assert not any(warmed._process.is_alive() for warmed in started)
        return report

    # two articles added: parsed in the process started for them
    assert rebuild().parsed == 2
    assert len(started) == 1
    frames_equal(analysis.load(out), analysis.build(corpus, n_process=1))
    # an article removed, or one written again as it was (cached): one is started, and stopped unused
    (corpus / "a000.txt").unlink()
    assert rebuild().parsed == 0
    (corpus / "a001.txt").write_bytes((corpus / "a001.txt").read_bytes())
    assert rebuild().parsed == 0
    assert len(started) == 3
    frames_equal(analysis.load(out), analysis.build(corpus, n_process=1))


def test_no_warmed_process_where_this_one_has_the_model_or_one_process_builds(monkeypatch):
    beat = load_beat()
    monkeypatch.setattr(executors, "pipeline_loaded", lambda catalogue: True)
    assert executors.warmed(beat, 2) is None
    monkeypatch.setattr(executors, "pipeline_loaded", lambda catalogue: False)
    assert executors.warmed(beat, 1) is None
    monkeypatch.setattr(executors, "_start_method", lambda: "spawn")
    assert executors.warmed(beat, 2) is None
