"""Chunks of articles: the unit a folder build writes, keeps and rewrites.

A corpus is cut into runs of consecutive articles. Where a run ends is decided by the articles themselves (an
article whose ``doc_id`` hashes to a multiple of :data:`ARTICLES_PER_CHUNK` closes its run), not by counting,
so adding, changing or removing one article changes the run it falls in and leaves every other run as it was
(removing an article that closed a run joins its run with the next).
Each run is a chunk with an id: the hash of the build's fingerprint and of what its articles' rows depend on
(each article's content key, id, path and metadata). A chunk's rows of every per-article table are validated
once and kept in the :class:`ChunkStore` as CSV rows and a Parquet file per table, so that a rebuild rewrites
only the chunks whose id is new and assembles the tables from the rest as they are.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from analysis.building import schema
from analysis.building.output import temporary_of_a_dead_build
from analysis.reading import Document

#: Mean articles per chunk: a rebuild after one article changed rewrites about this many articles' rows.
ARTICLES_PER_CHUNK = 64
#: A run longer than this is cut anyway, so that no chunk grows without bound in an unlucky stretch.
MAX_ARTICLES_PER_CHUNK = 4 * ARTICLES_PER_CHUNK
#: Tables made from the corpus as a whole, never per chunk.
CORPUS_TABLES = ("quote_reuse", "figure_agreement", "sources", "source_outlets", "skipped")
#: Tables whose rows belong to one article each: what a chunk holds (``errors`` too: its article rows).
ARTICLE_TABLES = tuple(t for t in schema.TABLES if t not in CORPUS_TABLES)
#: The article texts a chunk holds, beside its tables.
TEXTS = "texts"
#: What a chunk folder's name looks like: only such folders are ever removed from the store.
CHUNK_NAME = re.compile(r"[0-9a-f]{32}")
#: CSV number format: enough digits to round-trip the values the extractors make, and nothing machine-specific.
FLOAT_FORMAT = "%.10g"
TEXTS_SCHEMA = pa.schema([("doc_id", pa.string()), ("text", pa.string())])


@dataclass(frozen=True)
class Chunk:
    """A run of consecutive articles with their content keys, and its id."""

    id: str
    documents: tuple[Document, ...]
    keys: tuple[str, ...]


def _closes_run(doc_id: str) -> bool:
    # by the id, not the content: an article edited in place keeps the runs around it as they were
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % ARTICLES_PER_CHUNK == 0


def _member(document: Document, key: str) -> str:
    """What an article's rows in a chunk depend on besides the build's fingerprint (its extra fields too: the
    ``documents`` table is rewritten when one changes)."""
    return json.dumps([key, document.doc_id, document.path, document.title, document.outlet, document.url,
                       document.published, [list(extra) for extra in document.extras]], ensure_ascii=False,
                      default=str)


def plan(documents: Sequence[Document], keys: Sequence[str], fingerprint: str) -> list[Chunk]:
    """The corpus's chunks, in corpus order; together they hold every article once."""
    chunks, start = [], 0
    for end in range(1, len(documents) + 1):
        if end == len(documents) or _closes_run(documents[end - 1].doc_id) or end - start == MAX_ARTICLES_PER_CHUNK:
            digest = hashlib.sha256(fingerprint.encode())
            for document, key in zip(documents[start:end], keys[start:end]):
                digest.update(b"\n" + _member(document, key).encode("utf-8"))
            chunks.append(Chunk(digest.hexdigest()[:32], tuple(documents[start:end]), tuple(keys[start:end])))
            start = end
    return chunks


def csv_rows(frame: pd.DataFrame) -> str:
    """``frame``'s rows as CSV without a header, floats in :data:`FLOAT_FORMAT` (empty when missing), every other
    missing value empty: the text ``frame.to_csv(header=False, index=False, lineterminator="\n")`` writes after
    the floats are formatted so.

    The values are handed to the standard library's CSV writer as pandas' own writer hands them to it (numbers and
    flags as Python values, text as it is, missing values as empty strings), column by column: pandas spent about
    as long again preparing each column of each chunk. A column of a dtype not read here (times, categories)
    leaves the frame to pandas.
    """
    columns = [_csv_values(column) for _, column in frame.items()]
    if any(values is None for values in columns):
        return _pandas_csv_rows(frame)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(zip(*columns))
    return out.getvalue()


def _csv_values(column: pd.Series) -> list | None:
    """The values of ``column`` that pandas' CSV writer gives the CSV module (floats already in
    :data:`FLOAT_FORMAT`), or None for a dtype whose values pandas formats itself (times, categories, ...)."""
    dtype = column.dtype
    if isinstance(dtype, np.dtype):
        if dtype.kind in "iub":  # never missing; the CSV module writes str() of each, as pandas' astype(str)
            return column.tolist()
        if dtype.kind == "f":
            return ["" if v != v else FLOAT_FORMAT % v for v in column.tolist()]
        if dtype.kind != "O":
            return None
    elif not isinstance(dtype, (pd.StringDtype, pd.BooleanDtype, pd.Int64Dtype)):
        return None
    values = column.tolist()
    # the array's own mask: ``column.isna()`` built a Series around it first, a third of this function's time
    missing = column.array.isna()
    return ["" if gone else value for value, gone in zip(values, missing)] if missing.any() else values


def _pandas_csv_rows(frame: pd.DataFrame) -> str:
    """:func:`csv_rows` by pandas' own writer. pandas applies a ``float_format`` through a Python call per value;
    ``%`` over a list gives the same text several times faster."""
    floats = [column for column, dtype in frame.dtypes.items() if dtype.kind == "f"]
    if floats:
        frame = frame.assign(**{
            column: ["" if v != v else FLOAT_FORMAT % v for v in frame[column].tolist()] for column in floats
        })
    return frame.to_csv(header=False, index=False, lineterminator="\n")


def arrow_table(table: str, frame: pd.DataFrame) -> pa.Table:
    """``frame`` as an Arrow table of ``table``'s Parquet schema (:func:`arrow_schema`).

    A frame of exactly the declared columns and dtypes (a validated chunk) has its columns converted one by one
    into the declared schema, metadata included: what ``pa.Table.from_pandas`` makes of it, without the
    bookkeeping it does per frame, which took half its time on a chunk's small tables."""
    declared = arrow_schema(table, frame)
    if list(frame.dtypes.items()) != _declared_dtypes(table):
        return pa.Table.from_pandas(frame, schema=declared, preserve_index=False)
    return pa.Table.from_arrays([pa.array(column, type=field.type, from_pandas=True)
                                 for (_, column), field in zip(frame.items(), declared)], schema=declared)


@lru_cache(maxsize=None)
def _declared_dtypes(table: str) -> list[tuple[str, object]]:
    return list(schema.empty(table).dtypes.items())


_ARROW_SCHEMAS: dict[str, pa.Schema] = {}


def arrow_schema(table: str, frame: pd.DataFrame | None = None) -> pa.Schema:
    """The Parquet schema of ``table``, from its declared pandas dtypes (the same for every chunk); with the
    extra columns of ``frame`` after them where the table carries some (``documents``, written whole)."""
    if table not in _ARROW_SCHEMAS:
        _ARROW_SCHEMAS[table] = pa.Schema.from_pandas(schema.empty(table), preserve_index=False)
    declared = _ARROW_SCHEMAS[table]
    if frame is None or not schema.extra_columns(table, frame):
        return declared
    # the pandas metadata of the whole frame, so that an Int64 extra column reads back as Int64
    inferred = pa.Schema.from_pandas(frame, preserve_index=False)
    fields = [declared.field(name) if name in declared.names else inferred.field(name) for name in frame.columns]
    return pa.schema(fields, metadata=inferred.metadata)


def prepare() -> None:
    """Build now, once per process, what writing a chunk takes: every table's schema and validation
    (:func:`analysis.building.schema.prepare`), and each per-article table's Parquet schema and dtypes. A rebuild
    does it while the model loads in a process of its own, rather than after the first article comes back."""
    schema.prepare()
    for table in ARTICLE_TABLES:
        arrow_schema(table)
        _declared_dtypes(table)


def read_file(path: Path | str, columns: list[str] | None = None) -> pa.Table:
    """One Parquet file as a table (``columns`` of it, or all): what ``pq.read_table`` gives, read as a file rather
    than as a dataset of one file, in less than half the time."""
    with pq.ParquetFile(path) as kept:
        return kept.read(columns=columns)


@dataclass(frozen=True)
class ChunkSummary:
    """What a build reports of a chunk without reading its rows."""

    documents: int
    words: int
    errors: tuple[tuple[str, str, str, str], ...]


class ChunkStore:
    """Chunks kept under one folder: ``<folder>/<chunk id>/<table>.csv`` (rows, no header) and
    ``<table>.parquet`` for every per-article table, ``texts.parquet`` and ``summary.json``. A chunk is written
    to a temporary folder and renamed into place, so it is whole or absent."""

    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, chunk_id: str, name: str) -> Path:
        return self.folder / chunk_id / name

    def has(self, chunk_id: str) -> bool:
        return (self.folder / chunk_id / "summary.json").is_file()

    def write(
        self,
        chunk_id: str,
        frames: Mapping[str, pd.DataFrame],
        texts: Sequence[tuple[str, str]],
        summary: ChunkSummary,
    ) -> None:
        """Keep a chunk's validated frames (one per table of :data:`ARTICLE_TABLES`) and texts."""
        tmp = self.folder / f".{chunk_id}.{os.getpid()}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        for table in ARTICLE_TABLES:
            frame = frames[table]
            (tmp / f"{table}.csv").write_text(csv_rows(frame) if len(frame) else "", encoding="utf-8", newline="")
            pq.write_table(arrow_table(table, frame), tmp / f"{table}.parquet")
        ids, bodies = (list(x) for x in zip(*texts)) if texts else ([], [])
        pq.write_table(pa.table({"doc_id": ids, "text": bodies}, schema=TEXTS_SCHEMA), tmp / f"{TEXTS}.parquet")
        (tmp / "summary.json").write_text(json.dumps({
            "documents": summary.documents, "words": summary.words, "errors": [list(e) for e in summary.errors],
        }), encoding="utf-8")
        try:
            os.replace(tmp, self.folder / chunk_id)
        except OSError:
            # another build of the same corpus made this chunk meanwhile: the same id, the same rows
            if not self.has(chunk_id):
                raise
            shutil.rmtree(tmp, ignore_errors=True)

    def summary(self, chunk_id: str) -> ChunkSummary:
        data = json.loads(self.path(chunk_id, "summary.json").read_text(encoding="utf-8"))
        return ChunkSummary(int(data["documents"]), int(data["words"]), tuple(tuple(map(str, e)) for e in data["errors"]))

    def read(self, chunk_ids: Iterable[str], table: str, columns: list[str] | None = None) -> pd.DataFrame:
        """One table's rows over these chunks, in order, with the declared dtypes."""
        paths = [str(self.path(c, f"{table}.parquet")) for c in chunk_ids]
        if not paths:
            frame = schema.empty(table)
            return frame if columns is None else frame[columns]
        if len(paths) == 1:
            # one chunk's file: the corpus-level tables derive their rows chunk by chunk
            return read_file(paths[0], columns).to_pandas()
        # one dataset of the chunks' files (every one written with the table's declared schema), read on
        # pyarrow's threads in the files' order: about half the time of reading them one by one
        return ds.dataset(paths, format="parquet").to_table(columns=columns).to_pandas()

    def prune(self, keep: Iterable[str]) -> None:
        """Remove the chunks not in ``keep``, and temporary folders of builds that did not finish."""
        if not self.folder.is_dir():
            return
        wanted = set(keep)
        for path in self.folder.iterdir():
            stale = temporary_of_a_dead_build(path.name) or (CHUNK_NAME.fullmatch(path.name) and path.name not in wanted)
            if path.is_dir() and stale:
                shutil.rmtree(path, ignore_errors=True)
