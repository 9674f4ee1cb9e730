"""The build: from a corpus to every table, each article parsed once, through the cache, on any executor.

:func:`build` returns the tables in memory; :func:`build_to_dir` writes them to a folder as it goes, with
each article's rows cached under that folder, so that a rebuild parses only new or changed articles and
memory stays flat however many articles there are. :func:`load_or_build` is what the notebooks call: it
reads what a build wrote, and builds first (through the cache) when the tables are missing or older than
the corpus.

Rows come out in corpus order whatever runs them, so the tables are identical row for row for any number of
processes, on Dask, and from the cache.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sys
import time
import warnings
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

import pandas as pd
import pyarrow.parquet as pq
from spacy.language import Language

from analysis import across
from analysis.across import stage
from analysis.building import chunks, executors, schema
from analysis.building.cores import available_cores
from analysis.building.cache import CACHE_DIR, Cache, document_key, fingerprint
from analysis.building.chunks import ChunkStore, arrow_schema
from analysis.building.output import OutputError, OutputFolder, replace, write_aside
from analysis.building.segments import join_files
from analysis.building.tables import (
    CHUNK_ROWS,
    TEXTS_FILE,
    MemorySink,
    Tables,
    documents_table,
    load,
    write_table,
    written_tables,
)
from analysis.catalogue.actors import Catalogue
from analysis.catalogue.beat import Beat, load_beat
from analysis.extraction.nlp import model_name, pipeline_for
from analysis.extraction.pipeline import BATCH_SIZE, DocumentResult, analyse_batch
from analysis.reading import Corpus, CorpusWarning, Document, Skipped, read_corpus, reread
from analysis.reading.entries import DOCUMENTATION
from analysis.reading.listing import Listing, corpus_listing

#: Cached articles read while the warmed process parses the few others (:func:`_article_results`): the largest
#: chunk's worth, twice, so that a rebuild's results held in memory stay bounded.
READ_AHEAD_ARTICLES = 2 * chunks.MAX_ARTICLES_PER_CHUNK
#: Fewer articles to parse than this many per worker and the build stays in one process: starting workers
#: and loading the model in each costs more than it saves.
MIN_ARTICLES_PER_WORKER = 2 * BATCH_SIZE
#: Rows of all tables held before every table is written, whatever its size: what bounds the build's memory.
MAX_BUFFERED_ROWS = 5 * CHUNK_ROWS
#: Characters of article text held before they are written to the texts file.
MAX_BUFFERED_TEXT_CHARS = 16_000_000
#: Seconds a build runs before its progress bar appears.
PROGRESS_DELAY = 2.0


@dataclass
class BuildReport:
    """What a build did: articles built, parsed and taken from the cache, words, and failed stages."""

    documents: int = 0
    parsed: int = 0
    cached: int = 0
    words: int = 0
    skipped: int = 0
    #: Of ``skipped``, the corpus folder's own documentation (a read-me, licence or list of sources): skipped by
    #: design, no input lost.
    skipped_documentation: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def failed_documents(self) -> list[str]:
        """The articles with at least one failed stage, in corpus order."""
        return list(dict.fromkeys(doc_id for doc_id, *_ in self.errors))

    def warning(self) -> str | None:
        """One line naming the articles a stage failed on, or None."""
        failed = self.failed_documents
        if not failed:
            return None
        first = next(e for e in self.errors if e[2] != "NotRun")
        shown = ", ".join(failed[:5]) + (f" and {len(failed) - 5} more" if len(failed) > 5 else "")
        return (
            f"{len(failed)} article(s) had a failing stage and kept the rows of the others: {shown} "
            f"(first: {first[0]} {first[1]}: {first[2]}: {first[3]}); see the errors table"
        )


def _skipping(skipped: Sequence[Skipped]) -> BuildReport:
    """A report of no article yet, with the files and rows skipped (and how many of them were documentation)."""
    return BuildReport(skipped=len(skipped), skipped_documentation=sum(s.reason == DOCUMENTATION for s in skipped))


class _Assembler:
    """Turns per-article results into table chunks, in corpus order, and hands them to a sink."""

    def __init__(self, sink, report: BuildReport):
        self.sink = sink
        self.report = report
        self.buffers: dict[str, list[tuple]] = {name: [] for name in schema.TABLES}
        self.texts: list[tuple[str, str]] = []
        self.text_chars = 0
        self.buffered = 0

    def add(self, document: Document, result: DocumentResult) -> None:
        # from the first result on, any worker processes are parsing the next articles meanwhile
        schema.prepare()
        doc_id = document.doc_id
        self.buffered += len(result.errors)
        for stage_error in result.errors:
            self.buffers["errors"].append((doc_id, stage_error.stage, stage_error.exception_type, stage_error.message))
            self.report.errors.append((doc_id, stage_error.stage, stage_error.exception_type, stage_error.message))
        if result.parsed:
            self.report.documents += 1
            self.report.words += result.n_words
            self.buffers["documents"].append(_document_record(document, result))
            self.buffered += 1
            self.texts.append((doc_id, document.text))
            self.text_chars += len(document.text)
            if self.text_chars >= MAX_BUFFERED_TEXT_CHARS:
                self._write_texts()
            for table, records in result.rows.items():
                buffer = self.buffers[table]
                buffer.extend((doc_id, *record) for record in records)
                self.buffered += len(records)
                # Each table is written when it has a chunk's worth: validating and writing cost about the
                # same for a few rows as for thousands, so small tables are not flushed with the large ones.
                if len(buffer) >= CHUNK_ROWS:
                    self._write(table)
        if self.buffered >= MAX_BUFFERED_ROWS:
            self.flush()

    def _write(self, table: str) -> None:
        records = self.buffers[table]
        if records:
            frame = pd.DataFrame.from_records(records, columns=schema.article_columns(table))
            # filled across the corpus once every article is built (analysis.across.identity): empty until then
            frame = frame.assign(**{column: "" for column in schema.CORPUS_FILLED.get(table, ())})
            self.sink.write(table, schema.validate(table, frame))
            self.buffered -= len(records)
            records.clear()

    def flush(self) -> None:
        for table in self.buffers:
            self._write(table)
        self._write_texts()
        self.buffered = 0

    def _write_texts(self) -> None:
        if self.texts:
            self.sink.write_texts(self.texts)
            self.texts = []
        self.text_chars = 0


def _document_record(document: Document, result: DocumentResult) -> tuple:
    counts = {"n_chars": len(document.text), "n_words": result.n_words, "n_sentences": result.n_sentences}
    return tuple(counts[c] if c in counts else getattr(document, c) for c in schema.columns("documents"))


def _batches(documents: Sequence[Document], size: int) -> list[list[Document]]:
    return [list(documents[i : i + size]) for i in range(0, len(documents), size)]


def _results(
    misses: Sequence[Document],
    beat: Beat,
    *,
    nlp: Language | None,
    n_process: int,
    scheduler: str | None,
    warmed: executors.Warmed | None = None,
) -> tuple[Iterator[DocumentResult], bool]:
    """One result per article to parse, in order, from the executor the options and corpus size call for: a few
    articles in ``warmed`` where given (stopped unused otherwise), their first batch sent to it at once; and
    whether they go to ``warmed``."""
    batches = _batches(misses, BATCH_SIZE)
    if scheduler:
        runs = executors.on_dask(batches, beat, scheduler)
    elif nlp is None and n_process > 1 and len(misses) >= MIN_ARTICLES_PER_WORKER * n_process:
        runs = executors.in_processes(batches, beat, n_process)
    elif warmed is not None and nlp is None:
        return _flattened(warmed.results(batches)), True
    else:
        runs = executors.in_process(batches, beat, nlp)
    if warmed is not None:
        warmed.close()
    return _flattened(runs), False


def _flattened(runs: Iterator[list[DocumentResult]]) -> Iterator[DocumentResult]:
    try:
        for batch in runs:
            yield from batch
    finally:
        # Stops the workers when the build is interrupted.
        runs.close()


def _progress(total: int, enabled: bool):
    """A progress bar on stderr (or a notebook widget) that appears only if the build lasts a few seconds;
    none under CI or when nothing would show it."""
    if not enabled or total == 0 or os.environ.get("CI"):
        return None
    if "ipykernel" in sys.modules:
        from tqdm.auto import tqdm
    elif sys.stderr.isatty():
        from tqdm import tqdm
    else:
        return None
    return tqdm(total=total, unit="article", desc="building", delay=PROGRESS_DELAY, file=sys.stderr)


def _article_results(
    documents: Sequence[Document],
    keys: Sequence[str | None],
    *,
    cache: Cache | None,
    beat: Beat,
    nlp: Language | None,
    n_process: int | None,
    scheduler: str | None,
    report: BuildReport,
    bar,
    warmed: executors.Warmed | None = None,
) -> Iterator[tuple[Document, DocumentResult]]:
    """Each article's result, in order: from the cache where it holds one, else parsed (on the executor the
    options and the number of articles to parse call for, ``warmed`` perhaps: :func:`_results`) and cached."""
    cached = [key is not None and cache is not None and cache.has(key) for key in keys]
    misses = [d for d, hit in zip(documents, cached) if not hit]
    if not misses and warmed is not None:
        warmed.close()
    results, beside = _results(misses, beat, nlp=nlp, n_process=n_process or available_cores(),
                               scheduler=scheduler, warmed=warmed) if misses else (iter(()), False)
    # the few articles ``warmed`` parses are on their way: the cached articles of their chunks are read meanwhile
    # (as many as a few chunks hold: where many chunks are remade around them, the rest are read as they come)
    hits = [key for key, hit in zip(keys, cached) if hit][:READ_AHEAD_ARTICLES] if beside else []
    ahead = {key: cache.get(key) for key in hits}
    started = time.perf_counter()
    try:
        for document, key, hit in zip(documents, keys, cached):
            result = (ahead.pop(key) if key in ahead else cache.get(key)) if hit else next(results)
            from_cache = result is not None and hit
            if result is None:
                # An entry that vanished or cannot be used since it was listed: parse the article here.
                result = analyse_batch([document], nlp or pipeline_for(beat.catalogue), beat)[0]
            if from_cache:
                report.cached += 1
            else:
                report.parsed += 1
                if cache is not None:
                    cache.put(key, result)
            yield document, result
            if bar is not None:
                elapsed = max(time.perf_counter() - started, 1e-9)
                bar.set_postfix(parsed=report.parsed, cached=report.cached, words_per_s=f"{report.words / elapsed:,.0f}", refresh=False)
                bar.update()
    finally:
        if misses:
            results.close()


def _run(
    corpus: Corpus,
    sink: MemorySink,
    *,
    beat: Beat,
    nlp: Language | None,
    n_process: int | None,
    scheduler: str | None,
    cache: Cache | None,
    progress: bool,
) -> BuildReport:
    """An in-memory build: every article's rows into ``sink``, then the corpus-level tables."""
    report = _skipping(corpus.skipped)
    documents = corpus.documents
    keys = [document_key(d) for d in documents] if cache else [None] * len(documents)
    assembler = _Assembler(sink, report)
    bar = _progress(len(documents), progress)
    try:
        for document, result in _article_results(
            documents, keys, cache=cache, beat=beat, nlp=nlp, n_process=n_process, scheduler=scheduler,
            report=report, bar=bar,
        ):
            assembler.add(document, result)
        assembler.flush()
    finally:
        if bar is not None:
            bar.close()
    # the articles' extra fields are typed over the whole corpus, so the table is made whole
    whole = documents_table(sink.read("documents"), corpus.documents)
    sink.discard("documents")
    sink.write("documents", whole)
    sink.write("skipped", _skipped(corpus))

    def write(table: str, parts: Iterable[pd.DataFrame]) -> None:
        for part in list(parts):  # whole or nothing: a failure half-way adds no rows
            sink.write(table, part)

    documents = sink.read("documents", across.DOCUMENT_COLUMNS)
    identities = _identities(sink.read, documents, beat.catalogue)
    steps = (  # in the order of a folder build's, so that the errors of both list failures alike
        ("figure_agreement", lambda: across.figure_agreement_chunks(
            sink.read("figures", across.FIGURE_COLUMNS), documents,
            mentions=sink.read("mentions", across.MENTION_COLUMNS), chunk_rows=CHUNK_ROWS)),
        ("sources", lambda: [identities().sources]),
        ("source_outlets", lambda: [identities().source_outlets]),
        ("quote_reuse", lambda: [across.quote_reuse(sink.read("attributions", across.ATTRIBUTION_COLUMNS), documents,
                                                    links=identities().links)]),
    )
    sink.write("errors", _corpus_tables(steps, write, report))
    links = _links(identities)
    if links is not None:
        for table in schema.IDENTITY_TABLES:
            identified = schema.validate(table, across.with_source_ids(sink.read(table), links))
            sink.discard(table)
            sink.write(table, identified)
    if cache is not None:
        cache.prune(k for k in keys if k is not None)
    return report


def _skipped(corpus: Corpus) -> pd.DataFrame:
    return schema.validate("skipped", pd.DataFrame.from_records(
        [(s.path, s.reason) for s in corpus.skipped], columns=schema.columns("skipped")
    ))


#: ``doc_id`` of an ``errors`` row about a corpus-level table, which belongs to no one article.
CORPUS_ROW = "(corpus)"


def _identities(
    read: Callable[[str, list[str]], pd.DataFrame], documents: pd.DataFrame, catalogue: Catalogue
) -> Callable[[], across.SourceIdentities]:
    """The corpus's source identities (:func:`analysis.across.source_identities`) from the per-article tables
    (``read(table, columns)``), made when first asked for and then kept: ``sources``, ``source_outlets``,
    ``quote_reuse`` and the ``source_id`` of the per-article tables all read them."""
    return _once(lambda: across.source_identities(
        read("attributions", across.IDENTITY_ATTRIBUTION_COLUMNS), read("people", across.PEOPLE_COLUMNS),
        documents, catalogue, mentions=read("mentions", across.IDENTITY_MENTION_COLUMNS)))


T = TypeVar("T")


def _once(make: Callable[[], T]) -> Callable[[], T]:
    """``make``, called when first asked for and then kept (a failure is not kept: it is raised again)."""
    made: dict[str, T] = {}

    def kept() -> T:
        if not made:
            made["value"] = make()
        return made["value"]

    return kept


def _made_ahead(*makes: Callable[[], object]) -> None:
    """Call each of ``makes`` (made once, :func:`_once`) now, so that a later step takes what was made. A failure
    is left to the step that calls it again: it fails there again, and is listed as that step's."""
    for make in makes:
        try:
            make()
        except Exception:  # noqa: BLE001 - listed by the step that reads it
            pass


def _links(identities: Callable[[], across.SourceIdentities]) -> pd.DataFrame | None:
    """The corpus's links, or None where the identities failed (listed in ``errors`` by the steps that read them:
    the tables' ``source_id`` is then left empty)."""
    try:
        return identities().links
    except Exception:  # noqa: BLE001 - the failure is the `sources` step's, already listed
        return None


def _corpus_tables(
    steps: Sequence[tuple[str, Callable[[], object]]], write: Callable[[str, object], None], report: BuildReport
) -> pd.DataFrame:
    """Make the tables across articles (:mod:`analysis.across`): each step's ``make()`` gives its table's rows
    (validated chunks, made as they are written) or, in a folder build, its kept segments, and ``write(table,
    made)`` writes them. Return the ``errors`` rows of the steps that failed: a failure is listed like an
    article's, ``write`` drops what it had of that table, the table is written empty, and the per-article tables
    stand."""
    errors = []
    for table, make in steps:
        try:
            write(table, make())
        except Exception as err:  # noqa: BLE001 - the per-article tables are already whole
            message = " ".join(str(err).split())[:300]
            error = (CORPUS_ROW, table, type(err).__name__, message)
            report.errors.append(error)
            errors.append(error)
            write(table, [])
    return schema.validate("errors", pd.DataFrame(errors, columns=schema.columns("errors")))


def _corpus(paths: str | Path | Sequence[str | Path] | Corpus, max_bytes: int | None = None) -> Corpus:
    return paths if isinstance(paths, Corpus) else read_corpus(paths, max_bytes=max_bytes)


def _beat(paths: str | Path | Sequence[str | Path] | Corpus, catalogue: Catalogue | None, beat: Beat | None) -> Beat:
    """``beat`` if given, else the corpus folder's (its ``actors.yaml`` and ``corpus.yaml``), with ``catalogue``
    if given."""
    if beat is not None:
        return beat
    folder = Path(paths) if isinstance(paths, (str, Path)) else None
    return load_beat(folder, catalogue=catalogue)


def build(
    paths: str | Path | Sequence[str | Path] | Corpus,
    *,
    nlp: Language | None = None,
    catalogue: Catalogue | None = None,
    beat: Beat | None = None,
    progress: bool = False,
    n_process: int | None = None,
    scheduler: str | None = None,
    cache_dir: str | Path | None = None,
) -> Tables:
    """Read a corpus, parse each document once and return every table.

    Args:
        paths: a folder of articles, a file, a list of those, or a :class:`~analysis.reading.corpus.Corpus`.
        nlp: the pipeline to parse with (in this process); built from the catalogue when None.
        catalogue: the actor catalogue; when None, the packaged one with the corpus folder's ``actors.yaml``
            merged over it. The folder's ``corpus.yaml`` chooses the tone adjustment (:mod:`analysis.catalogue.beat`).
        beat: the catalogue and tone adjustment together (instead of reading them from the corpus folder).
        progress: show a progress bar when the build lasts more than a few seconds.
        n_process: worker processes (default: the cores available); small corpora stay in one process.
        scheduler: a Dask scheduler address, or ``local``; see :func:`analysis.building.executors.on_dask`.
        cache_dir: a folder for the per-article cache (none by default: every article is parsed).

    Raises:
        CorpusError: the corpus cannot be read at all (see :func:`analysis.reading.corpus.read_corpus`).
    """
    corpus = _corpus(paths)
    beat = _beat(paths, catalogue, beat)
    cache = Cache.under(cache_dir, build_fingerprint(beat)) if cache_dir is not None else None
    sink = MemorySink()
    _run(corpus, sink, beat=beat, nlp=nlp, n_process=n_process, scheduler=scheduler, cache=cache,
         progress=progress)
    return sink.tables()


def build_fingerprint(beat: Beat) -> str:
    """The cache fingerprint of a build with this beat (see :func:`analysis.building.cache.fingerprint`)."""
    return fingerprint(model=model_name(), catalogue=beat.fingerprint())


def output_names(*, parquet: bool) -> list[str]:
    """The files and folders a folder build writes in its output folder."""
    parquet_tables = [f"{table}.parquet" for table in schema.TABLES] if parquet else []
    # the texts every offset points into are written either way: `load` reads them
    return [*(f"{table}.csv" for table in schema.TABLES), *parquet_tables, TEXTS_FILE, CACHE_DIR]


def build_to_dir(
    paths: str | Path | Sequence[str | Path] | Corpus,
    out: str | Path,
    *,
    catalogue: Catalogue | None = None,
    beat: Beat | None = None,
    progress: bool = False,
    n_process: int | None = None,
    scheduler: str | None = None,
    parquet: bool = True,
    inputs: Sequence[str | Path] | None = None,
    force: bool = False,
    max_bytes: int | None = None,
) -> BuildReport:
    """Build every table into ``out`` (CSV, Parquet, and the texts), through the cache in ``out/.cache``,
    rewriting only what the corpus's changes touch.

    The corpus is cut into chunks of consecutive articles (:mod:`analysis.building.chunks`); a chunk whose
    articles, metadata and build are unchanged is kept as it was, a new one is made from the per-article cache
    (parsing only articles the cache lacks). Each per-article table is then assembled from its chunks: its CSV
    by joining the chunks' rows, its Parquet as a folder of one part per chunk; the corpus-level tables are
    updated from the blocks the changed chunks reach (:mod:`analysis.across.stage`). Files are replaced only at the end, so an interrupted build leaves
    the previous tables whole and the next one goes on from what was cached. A rebuild with nothing changed
    writes nothing; given folders whose files are as the last build listed them (:mod:`analysis.reading.listing`:
    names, sizes, modification and status-change times), it does not even read them, and given a plain folder
    of articles it opens only the files that changed (:mod:`analysis.reading.reread`). The few articles a rebuild of
    folders parses are parsed in a process that loaded the model meanwhile
    (:class:`analysis.building.executors.Warmed`).

    Args:
        inputs: the corpus's folders and files (default: ``paths``), which ``out`` may not be, lie inside or
            hold (:class:`~analysis.building.output.OutputFolder`).
        force: build into an ``out`` that holds files this tool did not write (they are left as they are).
        max_bytes: article files larger than this are skipped (:func:`~analysis.reading.corpus.read_corpus`);
            unused when ``paths`` is a corpus already read.

    Raises:
        OutputError: ``out`` cannot be used (inside the corpus, holds its inputs, or holds files this tool did
            not write and ``force`` is not set).
    """
    given = inputs if inputs is not None else ([] if isinstance(paths, Corpus) else
                                                [paths] if isinstance(paths, (str, Path)) else list(paths))
    folder = OutputFolder.claim(out, given, names=output_names(parquet=parquet), force=force)
    folder.clean()
    beat = _beat(paths, catalogue, beat)
    key = build_fingerprint(beat)
    cache = Cache.under(out, key)
    store = ChunkStore(cache.folder / CHUNKS_DIR)
    planned, bar = None, None
    # a folder's rebuild may parse an article: the model loads beside from now on, and is stopped where the
    # folder turns out to be as the last build left it, or to have no file added or changed
    warmed = None if isinstance(paths, Corpus) else _warmed(beat, n_process, scheduler)
    try:
        listing = None if isinstance(paths, Corpus) else corpus_listing(paths)
        if listing is None:
            corpus, noted = _corpus(paths, max_bytes), []
        else:
            # the folders were listed, and the last build may have left them so: its tables stand as they are
            kept = _kept_build(folder, cache.folder, listing, max_bytes)
            if kept is not None:
                return kept
            # where the last build's record allows it, only the article files that changed are opened
            corpus, noted = _reread(cache.folder, listing, max_bytes), []
            if warmed is not None and corpus is not None and all(isinstance(d, reread.Unopened) for d in corpus.documents):
                warmed.close()  # none opened: nothing to parse
                warmed = None
            if warmed is not None:
                chunks.prepare()  # what the chunks to make need, built while the model loads beside
            if corpus is not None:
                planned = _planned_unopened(corpus, store, listing, key, max_bytes)
            if planned is None:
                corpus, noted = _read_noting_warnings(paths, max_bytes)
        documents = corpus.documents
        if planned is None:
            planned = chunks.plan(documents, [document_key(d) for d in documents], key)
        keys = [k for chunk in planned for k in chunk.keys]  # the chunks hold every article once, in order
        report = _skipping(corpus.skipped)
        bar = _progress(len(documents), progress)
        folder.record([CACHE_DIR])
        # recorded once the build is complete, worked out now: a rebuild waits here for the model loading beside
        reading = None if listing is None else reread.read_record(corpus, listing, max_bytes=max_bytes, noted=noted)
        _make_chunks(planned, store, cache=cache, beat=beat, n_process=n_process, scheduler=scheduler,
                     report=report, bar=bar, warmed=warmed)
    finally:
        if bar is not None:
            bar.close()
        if warmed is not None:
            warmed.close()
    state = {
        "fingerprint": key,
        "chunks": [chunk.id for chunk in planned],
        "skipped": [[s.path, s.reason] for s in corpus.skipped],
        "parquet": parquet,
    }
    if any(folder.state.get(name) != value for name, value in state.items()) or not written_tables(folder.path):
        chunk_docs = {chunk.id: [d.doc_id for d in chunk.documents] for chunk in planned}
        _write_folder(folder, store, state, corpus, report, parquet=parquet, across_dir=cache.folder / ACROSS_DIR,
                      beside=(n_process or available_cores()) > 1,
                      catalogue=beat.catalogue, chunk_docs=chunk_docs)
    else:
        # nothing changed: the errors of corpus-level tables are read back, as the report lists them
        report.errors += [tuple(e) for e in folder.state.get("corpus_errors", [])]
    store.prune(state["chunks"])
    cache.prune(keys)
    if listing is not None:
        _record_listing(cache.folder / LISTING_FILE, listing, state, articles=len(documents), noted=noted,
                        max_bytes=max_bytes)
        _keep_json(cache.folder / READING_FILE, reading)
    return report


#: Folder of a cache fingerprint's folder that holds the chunks.
CHUNKS_DIR = "chunks"
#: Folder of a cache fingerprint's folder that holds what the corpus-level tables keep (:mod:`analysis.across.stage`).
ACROSS_DIR = "across"
#: Folder of :data:`ACROSS_DIR` that holds the chunks' tables with their ``source_id`` (:func:`analysis.across.stage.identified_chunks`).
IDENTIFIED_DIR = "identified"
#: File of a cache fingerprint's folder that records the corpus listing of the last complete build and what it left.
LISTING_FILE = "listing.json"
#: Bumped when what :data:`LISTING_FILE` holds changes.
LISTING_FORMAT = 1
#: File of a cache fingerprint's folder that records how the last complete build read its corpus, file by file
#: (:func:`analysis.reading.reread.read_record`), where its corpus was plain enough to be read again so.
READING_FILE = "reading.json"


def _warmed(beat: Beat, n_process: int | None, scheduler: str | None) -> executors.Warmed | None:
    """A process loading the model for the articles a rebuild may parse (:func:`analysis.building.executors.warmed`),
    where one is started."""
    return executors.warmed(beat, n_process or available_cores()) if scheduler is None else None


def _reread(cache_folder: Path, listing: Listing, max_bytes: int | None) -> Corpus | None:
    """The corpus read again opening only the article files that changed since the last complete build
    (:func:`analysis.reading.reread.reread`), or None where it must be read whole."""
    try:
        record = json.loads((cache_folder / READING_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return reread.reread(listing, record, max_bytes=max_bytes)


def _planned_unopened(
    corpus: Corpus, store: ChunkStore, listing: Listing, fingerprint: str, max_bytes: int | None
) -> list[chunks.Chunk] | None:
    """The chunks of a corpus read again with unopened articles (:func:`_reread`), the articles of each chunk to
    be made opened (their texts are parsed or written); an unopened article of a kept chunk stays so, as nothing
    reads its text. None where an article's file no longer reads as recorded: the corpus is then read whole."""
    planned = chunks.plan(corpus.documents, [document_key(d) for d in corpus.documents], fingerprint)
    todo = {chunk.id for chunk in planned if not store.has(chunk.id)}
    try:
        texts = iter(reread.opened([d for c in planned if c.id in todo for d in c.documents], listing,
                                   max_bytes=max_bytes))
    except reread.Changed:
        return None
    return [dataclasses.replace(c, documents=tuple(next(texts) for _ in c.documents)) if c.id in todo else c
            for c in planned]


def _keep_json(path: Path, value: object) -> None:
    """Keep ``value`` as JSON in ``path`` (written to a temporary file and renamed), unless it holds that already;
    None removes the file."""
    if value is None:
        path.unlink(missing_ok=True)
        return
    text = json.dumps(value, ensure_ascii=False)
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass  # none yet, or not readable: written anew
    write_aside(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), cache=True)


def _record_listing(
    path: Path, listing: Listing, state: dict, *, articles: int, noted: Sequence[str], max_bytes: int | None
) -> None:
    """Record, once a build is complete, how its corpus was listed, the state it left and what a rebuild that
    finds the corpus so reports (its articles, and the warnings reading gave); a record that says so already is
    left as it is (a rebuild that changed nothing writes nothing)."""
    _keep_json(path, {"format": LISTING_FORMAT, "digest": listing.digest, "settled": listing.settled, "state": state,
                      "max_bytes": max_bytes, "articles": articles, "warnings": list(noted)})


def _kept_build(folder: OutputFolder, cache_folder: Path, listing: Listing, max_bytes: int | None) -> BuildReport | None:
    """The report of the last complete build, when the corpus's folders are as it listed them and its listing was
    settled (:class:`analysis.reading.listing.Listing`), with the same fingerprint (``cache_folder`` is its cache
    folder), and its tables and chunks are all there; None otherwise, and the corpus is read. The warnings reading
    gave are given again; nothing is read or written."""
    try:
        record = json.loads((cache_folder / LISTING_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    store = ChunkStore(cache_folder / CHUNKS_DIR)
    state = {name: value for name, value in folder.state.items() if name != "corpus_errors"}
    if not (isinstance(record, dict) and record.get("format") == LISTING_FORMAT and record.get("settled") is True
            and record.get("digest") == listing.digest and record.get("state") == state
            and record.get("max_bytes") == max_bytes and cache_folder.name == state.get("fingerprint")
            and written_tables(folder.path) and all(store.has(chunk_id) for chunk_id in state["chunks"])):
        return None
    report = _skipping([Skipped(path, reason) for path, reason in state["skipped"]])
    report.cached = int(record["articles"])
    for chunk_id in state["chunks"]:
        _count_kept(report, store.summary(chunk_id))
    report.errors += [tuple(e) for e in folder.state.get("corpus_errors", [])]
    for message in record["warnings"]:
        warnings.warn(message, CorpusWarning, stacklevel=3)
    return report


def _count_kept(report: BuildReport, summary: chunks.ChunkSummary) -> None:
    """Add a kept chunk's articles, words and failed stages to ``report``."""
    report.documents += summary.documents
    report.words += summary.words
    report.errors += list(summary.errors)


def _read_noting_warnings(paths: str | Path | Sequence[str | Path], max_bytes: int | None) -> tuple[Corpus, list[str]]:
    """The corpus, and the messages of the :class:`~analysis.reading.CorpusWarning` reading it gave, for a rebuild
    that does not read it again to repeat. Every warning is given as it came (after reading, also when reading
    fails), through the filters in force."""
    caught: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            corpus = _corpus(paths, max_bytes)
    finally:
        for warning in caught:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno,
                                   source=warning.source)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]


def _make_chunks(
    planned: Sequence[chunks.Chunk], store: ChunkStore, *, cache: Cache, beat: Beat, n_process: int | None,
    scheduler: str | None, report: BuildReport, bar, warmed: executors.Warmed | None = None,
) -> None:
    """Count the chunks already kept, and make the others from the cache or by parsing (in ``warmed`` where it is
    given and few articles are parsed)."""
    todo = [chunk for chunk in planned if not store.has(chunk.id)]
    new = {chunk.id for chunk in todo}
    for chunk in planned:
        if chunk.id not in new:
            _count_kept(report, store.summary(chunk.id))
            report.cached += len(chunk.documents)
            if bar is not None:
                bar.update(len(chunk.documents))
    if not todo:
        return
    results = _article_results(
        [d for chunk in todo for d in chunk.documents], [k for chunk in todo for k in chunk.keys],
        cache=cache, beat=beat, nlp=None, n_process=n_process, scheduler=scheduler, report=report, bar=bar,
        warmed=warmed,
    )
    try:
        for chunk in todo:
            sink = MemorySink()
            chunk_report = BuildReport()
            assembler = _Assembler(sink, chunk_report)
            for _ in chunk.documents:
                assembler.add(*next(results))
            assembler.flush()
            frames = {table: sink.read(table) for table in chunks.ARTICLE_TABLES}
            summary = chunks.ChunkSummary(chunk_report.documents, chunk_report.words, tuple(chunk_report.errors))
            store.write(chunk.id, frames, sink.texts(), summary)
            report.documents += chunk_report.documents
            report.words += chunk_report.words
            report.errors += chunk_report.errors
    finally:
        results.close()


def _write_folder(
    folder: OutputFolder, store: ChunkStore, state: dict, corpus: Corpus, report: BuildReport, *, parquet: bool,
    across_dir: Path, catalogue: Catalogue, chunk_docs: dict[str, list[str]], beside: bool = False,
) -> None:
    """Stage every table from the chunks and the corpus-level steps, then move them into place together.

    CSV files are joined from kept rows, and the per-article tables' Parquet parts linked, in a thread of their
    own (the copies and links run in the kernel, without the interpreter), while this one makes the corpus-level
    tables. With ``beside`` (a build of more than one
    process), what does not wait for the source identities is made in processes of their own meanwhile
    (:func:`analysis.building.executors.beside`): ``figure_agreement``, and ``quote_reuse`` but its speakers'
    identities. The workers are done, and a core would be idle."""
    out, ids, pid = folder.path, state["chunks"], os.getpid()
    kept = stage.ChunkTables(ids, store.read)
    # started before this process starts the thread that joins CSV files: a forked child keeps only this thread
    agreement = executors.beside(stage.figure_agreement_segments, kept, across_dir) if beside else None
    printed = executors.beside(stage.quote_reuse_printings, kept, across_dir) if beside else None
    staged: dict[str, Path] = {}
    joining: dict[str, Future] = {}

    def staging(name: str) -> Path:
        staged[name] = out / f".{name}.{pid}.tmp"
        return staged[name]

    def join(table: str, parts: Sequence[Path]) -> None:
        name = f"{table}.csv"
        joining[name] = joins.submit(_join_csv, staging(name), table, parts)

    def write(table: str, made: Iterable[pd.DataFrame] | stage.SegmentedTable) -> None:
        for name in (f"{table}.csv", f"{table}.parquet"):
            if name in joining:
                wait([joining.pop(name)])
            if name in staged:  # a step that failed after staging: what it staged goes
                path = staged.pop(name)
                shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
        if isinstance(made, stage.SegmentedTable):
            join(table, made.paths("rows.csv"))
            if parquet:
                _link_parts(staging(f"{table}.parquet"), made.paths("rows.parquet"), table=table)
            return
        for path in write_table(out, table, made, parquet=parquet, prefix=f".{pid}."):
            name = path.name.removeprefix(f".{pid}.")
            staged[name] = path.rename(out / f".{name}.{pid}.tmp")

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="join-csv") as joins:
        def article_table(table: str, path: Callable[[str, str], Path], after: Sequence[tuple[Path, Path]] = ()) -> None:
            # the chunks' parts are listed in the thread too: thousands of paths and links at 10,000 articles
            name = f"{table}.csv"
            joining[name] = joins.submit(_join_chunk_csv, staging(name), table, path, ids, after)
            if parquet:
                name = f"{table}.parquet"
                joining[name] = joins.submit(_link_chunk_parts, staging(name), table, path, ids, after)

        for table in chunks.ARTICLE_TABLES:
            if table in ("errors", "documents", *schema.IDENTITY_TABLES):
                # written below: errors joined with the corpus-level ones, documents whole where there are extra
                # fields, and the tables with a source_id once the identities are made
                continue
            article_table(table, store.path)
        joining[TEXTS_FILE] = joins.submit(_link_chunk_parts, staging(TEXTS_FILE), chunks.TEXTS, store.path, ids, ())
        if any(document.extras for document in corpus.documents):
            # the articles' extra fields are typed over the whole corpus: one file, whose columns no chunk decides
            write("documents", documents_table(store.read(ids, "documents"), corpus.documents))
        else:
            article_table("documents", store.path)
        identities = _once(lambda: stage.source_identity_tables(kept, across_dir, catalogue)[0])
        reuse = _once(lambda: stage.quote_reuse_table(kept, across_dir, identities().links,
                                                      printed.result() if printed is not None else None))
        if beside:
            # made here while the others are made beside; the steps below take what was made
            _made_ahead(identities, reuse)
        # figure_agreement first: its CSV, the longest, is joined while the others are made
        steps = (
            ("figure_agreement", lambda: (agreement.result() if agreement is not None
                                          else stage.figure_agreement_segments(kept, across_dir))[0]),
            ("sources", lambda: [identities().sources]),
            ("source_outlets", lambda: [identities().source_outlets]),
            ("quote_reuse", lambda: [reuse()]),
        )
        corpus_errors = _corpus_tables(steps, write, report)
        links = _links(identities)
        identified = stage.identified_chunks({c: chunk_docs[c] for c in ids}, store.path, links, across_dir / IDENTIFIED_DIR) \
            if links is not None else None
        for table in schema.IDENTITY_TABLES:
            article_table(table, identified.path if identified is not None else store.path)
        write("skipped", _skipped(corpus))
        # the chunks' errors, then those of the corpus-level tables as one part more
        article_table("errors", store.path, after=_corpus_errors_part(across_dir, corpus_errors))
        for job in joining.values():
            job.result()  # a CSV that could not be written stops the build, as any file would
    state = {**state, "corpus_errors": [list(e) for e in corpus_errors.itertuples(index=False)]}
    for name, path in staged.items():
        replace(path, out / name)
    if not parquet:
        for table in schema.TABLES:
            folder.remove(f"{table}.parquet")
    folder.record(staged, state)


#: Files of :data:`ACROSS_DIR` that hold the errors of the corpus-level tables of the last build, the last part of
#: the ``errors`` table (CSV rows without a header, and Parquet).
CORPUS_ERRORS_FILES = ("corpus_errors.csv", "corpus_errors.parquet")


def _corpus_errors_part(folder: Path, errors: pd.DataFrame) -> list[tuple[Path, Path]]:
    """The errors of the corpus-level tables as one part of the ``errors`` table, after the chunks' parts: its CSV
    rows and its Parquet, kept in ``folder`` (:data:`CORPUS_ERRORS_FILES`); none where there are none."""
    csv_path, parquet_path = (folder / name for name in CORPUS_ERRORS_FILES)
    if errors.empty:
        csv_path.unlink(missing_ok=True)
        parquet_path.unlink(missing_ok=True)
        return []
    # written aside and renamed: an output that links the last build's part keeps it as it was
    write_aside(csv_path, lambda tmp: tmp.write_bytes(chunks.csv_rows(errors).encode("utf-8")))
    write_aside(parquet_path, lambda tmp: pq.write_table(chunks.arrow_table("errors", errors), tmp))
    return [(csv_path, parquet_path)]


def _join_csv(target: Path, table: str, parts: Sequence[Path]) -> None:
    """``table``'s CSV: its header, then the rows of ``parts`` (CSV without a header) joined in order."""
    with target.open("wb") as handle:
        handle.write((",".join(schema.columns(table)) + "\n").encode("utf-8"))
        join_files(handle, parts)
        if hasattr(os, "posix_fadvise"):
            # Start writing it to disk now, in the joining thread: a file system that delays allocating blocks
            # (ext4) does it when the file replaces the previous one, in this build's own thread, about half a
            # second for the CSV of a gigabyte.
            os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def _join_chunk_csv(
    target: Path, table: str, path: Callable[[str, str], Path], ids: Sequence[str], after: Sequence[tuple[Path, Path]]
) -> None:
    """:func:`_join_csv` of ``table``'s CSV rows of each chunk of ``ids`` (where ``path`` puts them), then of the
    CSV rows of ``after``."""
    _join_csv(target, table, [path(chunk_id, f"{table}.csv") for chunk_id in ids] + [rows for rows, _ in after])


def _link_chunk_parts(
    target: Path, table: str, path: Callable[[str, str], Path], ids: Sequence[str], after: Sequence[tuple[Path, Path]]
) -> None:
    """:func:`_link_parts` of ``table``'s Parquet part of each chunk of ``ids`` (where ``path`` puts it), then of
    the Parquet parts of ``after``."""
    _link_parts(target, [path(chunk_id, f"{table}.parquet") for chunk_id in ids] + [part for _, part in after])


def _link_parts(target: Path, parts: Sequence[Path], *, table: str | None = None) -> None:
    """A Parquet dataset folder of ``parts`` in order (``part-00000.parquet``, ...): hard links to the kept
    chunks or segments where the file system has them, copies elsewhere. With no parts, one empty part of
    ``table``'s columns, so that the folder reads as the empty table."""
    target.mkdir()
    if not parts and table is not None:
        pq.write_table(arrow_schema(table).empty_table(), target / "part-00000.parquet")
    for index, part in enumerate(parts):
        name = target / f"part-{index:05d}.parquet"
        try:
            os.link(part, name)
        except OSError:
            shutil.copyfile(part, name)


def is_current(tables_dir: str | Path, corpus: Corpus, beat: Beat) -> bool:
    """True when ``tables_dir`` holds a complete build of exactly these articles (same ids, same bytes) made
    by this code, these data files, this model and this beat (the cache folder of its fingerprint)."""
    tables_dir = Path(tables_dir)
    if not written_tables(tables_dir) or not Cache.under(tables_dir, build_fingerprint(beat)).folder.is_dir():
        return False
    built = pd.read_csv(tables_dir / "documents.csv", usecols=["doc_id", "sha256"], dtype=str)
    return list(zip(built.doc_id, built.sha256)) == [(d.doc_id, d.sha256) for d in corpus.documents]


def _as_last_built(tables_dir: str | Path, corpus_dir: str | Path, beat: Beat) -> bool:
    """Whether ``tables_dir`` holds the complete build of ``corpus_dir``'s folder as its files are listed now
    (:func:`_kept_build`, for a default build with this beat): then the corpus need not be read to tell that the
    tables are current. False wherever that cannot be told from the listing alone."""
    listing = corpus_listing(corpus_dir)
    if listing is None:
        return False
    try:
        folder = OutputFolder.claim(tables_dir, [corpus_dir], names=output_names(parquet=True))
    except OutputError:
        return False  # a build would say why
    return _kept_build(folder, Cache.under(tables_dir, build_fingerprint(beat)).folder, listing, None) is not None


def load_or_build(tables_dir: str | Path, corpus_dir: str | Path | None = None, **options) -> Tables:
    """The tables of ``corpus_dir`` as written in ``tables_dir``, building them first when needed.

    Without ``corpus_dir`` the written tables are read as they are. With it, the corpus is read (not
    parsed) and compared with what was built, unless the corpus folder's files are as the last build listed
    them (:func:`_as_last_built`); when articles were added, changed or removed, or nothing was
    built yet, the tables are built (through the cache: only new or changed articles are parsed), with a
    line saying so.
    """
    if corpus_dir is None:
        return load(tables_dir)
    beat = _beat(corpus_dir, options.pop("catalogue", None), options.pop("beat", None))
    with warnings.catch_warnings():
        # Skipped files are listed in the `skipped` table; the build's own run reports them once.
        warnings.simplefilter("ignore")
        current = _as_last_built(tables_dir, corpus_dir, beat)
        corpus = None if current else read_corpus(corpus_dir)
    if corpus is not None and not is_current(tables_dir, corpus, beat):
        print(f"Building the tables of {corpus_dir} into {tables_dir}: they were missing or older than the corpus.")
        # A bar only in a live JupyterLab session: executed notebooks (papermill, nbval) keep deterministic outputs.
        live = bool(os.environ.get("JPY_SESSION_NAME"))
        report = build_to_dir(corpus, tables_dir, beat=beat, progress=live, inputs=[corpus_dir], **options)
        if (line := report.warning()) is not None:
            print(f"warning: {line}")
    tables = load(tables_dir)
    print(f"Tables of {len(tables.documents)} article(s) read from {tables_dir}.")
    return tables
