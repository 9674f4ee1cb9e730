"""Where the articles are parsed and analysed: in this process, in worker processes on this machine, in one
process that loaded the model while the rebuild was planned (:class:`Warmed`: a rebuild's few articles), or on a
Dask cluster. Each executor takes batches of articles and yields one list of results per batch, in the order
the batches were given, so the tables are the same row for row whatever runs them.

Workers load the spaCy pipeline once (per process, per actor catalogue) and keep it for every batch.
What a batch is analysed with (the catalogue and the tone adjustment) travels with it as a :class:`~analysis.catalogue.beat.Beat`.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import itertools
import multiprocessing
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable, Iterable, Iterator, Sequence

from spacy.language import Language

from analysis.building.cores import available_cores
from analysis.catalogue.beat import Beat
from analysis.extraction.nlp import pipeline_for, pipeline_loaded
from analysis.extraction.pipeline import DocumentResult, analyse_batch, warm_up
from analysis.reading import Document

Batch = Sequence[Document]
#: Batches handed to the workers ahead of the one being read, per worker: enough to keep every worker busy,
#: few enough that results waiting to be read, and articles waiting to be sent, do not grow with the corpus.
BATCHES_AHEAD_PER_WORKER = 4


def _analyse(batch: Batch, beat: Beat) -> list[DocumentResult]:
    return analyse_batch(batch, pipeline_for(beat.catalogue), beat)


@contextlib.contextmanager
def _loaded_frozen() -> Iterator[None]:
    """Leave what is loaded now (the model, its vocabulary, the lexicons) out of the garbage collector's full
    collections while the articles are analysed, and give it back after.

    Every full collection walks every object alive: with the model loaded, about 250,000 that live as long as
    the process, so each cost about a tenth of a second to free a few cycles made by one article (2 in 200
    generated articles: 0.26 CPU s, 0.03 s frozen). Nothing is freed later than before: what an article makes is
    collected as it was. Frozen before forking, the workers inherit it, and the collector no longer writes to
    the pages they share with this process. Where objects are frozen already (by the caller, a notebook
    perhaps), nothing is frozen or given back: unfreezing would give back theirs too."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def in_process(batches: Iterable[Batch], beat: Beat, nlp: Language | None = None) -> Iterator[list[DocumentResult]]:
    """Every batch in this process, with ``nlp`` if given (else the catalogue's pipeline)."""
    nlp = nlp if nlp is not None else pipeline_for(beat.catalogue)
    for batch in batches:
        # frozen per batch, never across a yield: a reader that stops early leaves nothing frozen
        with _loaded_frozen():
            results = analyse_batch(batch, nlp, beat)
        yield results


def _warm(beat: Beat) -> None:
    warm_up(pipeline_for(beat.catalogue), beat)


def _start_method() -> str:
    """``fork`` on Linux outside Jupyter: workers start at once and share the pipeline the parent loaded.
    ``spawn`` elsewhere: macOS and Windows have no safe fork, and a Jupyter kernel runs threads that a
    forked child would inherit in an unknown state; each spawned worker loads the pipeline once."""
    return "fork" if sys.platform.startswith("linux") and "ipykernel" not in sys.modules else "spawn"


def in_processes(batches: Iterable[Batch], beat: Beat, n_process: int) -> Iterator[list[DocumentResult]]:
    """Every batch in a pool of ``n_process`` worker processes, results in batch order."""
    method = _start_method()
    if method == "fork":
        # loaded once here and shared by every forked worker
        _warm(beat)
    context = multiprocessing.get_context(method)
    initializer = None if method == "fork" else _warm
    with ProcessPoolExecutor(n_process, mp_context=context, initializer=initializer, initargs=(beat,)) as pool:
        results = _in_order(
            lambda batch: pool.submit(_analyse, batch, beat),
            batches,
            ahead=BATCHES_AHEAD_PER_WORKER * n_process,
            cancel=lambda futures: [future.cancel() for future in futures],
        )
        # The workers are forked at the first submission, frozen as this process is then; the first result is
        # awaited here rather than at a yield, so that nothing stays frozen when a reader stops early.
        with _loaded_frozen():
            first = next(results, None)
        if first is not None:
            yield first
            yield from results


def beside(function: Callable[..., Any], *args: Any) -> Future | None:
    """``function(*args)`` started in one forked process while this one goes on, as a future of its result; None
    where workers are not forked (``spawn`` would pay the imports and pickle what fork shares).

    For work at the end of a build, when the workers are done and a core is idle: call it before this process
    starts threads of its own, since a forked child keeps only the thread that forked it."""
    if _start_method() != "fork":
        return None
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    future = pool.submit(function, *args)
    # the process ends once the one task is done; the future stays readable
    pool.shutdown(wait=False)
    return future


#: How long a process that closed its end of the pipe is given to end, for its exit code to be told.
PROCESS_END_SECONDS = 5


class Warmed:
    """One forked process that loads the beat's pipeline as soon as it starts, then analyses the batches it is
    given, one at a time.

    For a rebuild of a folder, started as it begins: the model loads (a second or more) while this process lists
    the folder, opens the changed files and plans the chunks, rather than after. Where the rebuild turns out to
    parse nothing (nothing changed, nothing added, or the article was cached), or more than a few articles
    (:func:`in_processes` then), it is stopped unused."""

    def __init__(self, beat: Beat):
        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe()
        # a daemon: it never outlives this process, whatever ends it
        self._process = context.Process(target=_serve_warmed, args=(child, beat), daemon=True, name="warmed")
        self._process.start()
        child.close()

    def results(self, batches: Iterable[Batch]) -> Iterator[list[DocumentResult]]:
        """Every batch analysed in the warmed process, results in batch order; the process is stopped after the
        last one, or when the reader stops early. The first batch is sent now, not at the first read: the caller
        reads its cached articles while it is analysed."""
        pending = iter(batches)
        first = next(pending, None)
        try:
            if first is not None:
                self._conn.send(list(first))
        except BaseException:
            self.close()
            raise
        return self._received(first is not None, pending)

    def _received(self, sent: bool, pending: Iterator[Batch]) -> Iterator[list[DocumentResult]]:
        try:
            if sent:
                yield self._result()
            for batch in pending:
                self._conn.send(list(batch))
                yield self._result()
        finally:
            self.close()

    def _result(self) -> list[DocumentResult]:
        try:
            done, value = self._conn.recv()
        except EOFError:
            self._process.join(timeout=PROCESS_END_SECONDS)
            raise RuntimeError(
                f"the process that analyses articles stopped (exit code {self._process.exitcode}): "
                "build again, with --jobs 1 if it stops again") from None
        if not done:
            raise value
        return value

    def close(self) -> None:
        """Stop the process, whatever it is doing (loading, or waiting for a batch)."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._conn.close()


def _serve_warmed(conn: Any, beat: Beat) -> None:
    # warmed up, not only loaded: the rebuild plans its chunks for longer than the model takes to load, and what
    # the stages load on first use (the unit registry above all) would otherwise wait for the first batch
    nlp = pipeline_for(beat.catalogue)
    try:
        warm_up(nlp, beat)
    except Exception:  # noqa: BLE001 - only a head start: a batch that meets the same error sends it back
        pass
    # what is loaded lives as long as this process: no full collection walks it again
    gc.freeze()
    while True:
        try:
            batch = conn.recv()
        except EOFError:
            return  # the build ended without stopping it (killed): nothing is left to analyse for
        try:
            conn.send((True, analyse_batch(batch, nlp, beat)))
        except Exception as err:  # noqa: BLE001 - raised again in the process that reads the results
            conn.send((False, err))


def warmed(beat: Beat, n_process: int) -> Warmed | None:
    """A :class:`Warmed` process for a rebuild of ``n_process`` processes (more than one), where workers are forked
    and this process has not loaded the beat's pipeline already (a warm one parses a few articles at once); else
    None."""
    if n_process < 2 or _start_method() != "fork" or pipeline_loaded(beat.catalogue):
        return None
    return Warmed(beat)


def _in_order(
    submit: Callable[[Batch], Any], batches: Iterable[Batch], *, ahead: int, cancel: Callable[[list], Any]
) -> Iterator[list[DocumentResult]]:
    """The results of ``submit(batch)`` futures in batch order, with at most ``ahead`` batches submitted and
    not yet read; what is still pending is cancelled when the reader stops early."""
    remaining = iter(batches)
    pending: collections.deque = collections.deque(map(submit, itertools.islice(remaining, ahead)))
    try:
        while pending:
            future = pending.popleft()
            result = future.result()
            pending.extend(map(submit, itertools.islice(remaining, 1)))
            yield result
    finally:
        cancel(list(pending))


def on_dask(batches: Iterable[Batch], beat: Beat, scheduler: str) -> Iterator[list[DocumentResult]]:
    """Every batch as one task on a Dask cluster, results in batch order.

    Args:
        scheduler: the address of a running scheduler (``tcp://host:8786``), or ``local`` to start a
            ``LocalCluster`` of one single-threaded worker process per available core.

    Each worker needs this package and its spaCy model installed (``pip install newsroom-claims[dask]``);
    the pipeline is loaded once per worker process and reused for every task it runs.
    """
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(
            n_workers=available_cores(), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        shared = client.scatter(beat, broadcast=True)
        workers = max(sum(client.nthreads().values()), 1)
        yield from _in_order(
            lambda batch: client.submit(_analyse, list(batch), shared, pure=False),
            batches,
            ahead=BATCHES_AHEAD_PER_WORKER * workers,
            cancel=client.cancel,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
