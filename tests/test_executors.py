"""Where articles are analysed: the tables are the same row for row from worker processes (forked or spawned)
and from Dask as from one process, results come back in order, and the garbage collector is given back whole."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis import flow as builder
from analysis.building import executors
from analysis.extraction import pipeline
from build_corpora import write_corpus, frames_equal


def test_worker_processes_give_the_same_tables_row_for_row(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", 12)
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
