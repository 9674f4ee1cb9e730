"""The tables of a corpus: in memory (:class:`Tables`), written to a folder as the build goes, and read back.

A build hands its rows over in chunks of articles. :class:`MemorySink` keeps them as DataFrames;
:class:`FolderSink` appends each chunk to ``<table>.csv`` and ``<table>.parquet`` in a temporary folder, so
that memory does not grow with the number of articles, and moves the finished files into the output folder
only at the end: a build that is interrupted leaves the previous tables whole. :func:`load` reads a written
folder back into :class:`Tables` without parsing anything.
"""

from __future__ import annotations

import filecmp
import os
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.building import schema

#: The article texts every offset points into, written beside the tables.
TEXTS_FILE = "texts.parquet"
#: Rows buffered per table before a chunk is validated and written.
CHUNK_ROWS = 20_000
#: CSV number format: enough digits to round-trip the values the extractors make, and nothing machine-specific.
FLOAT_FORMAT = "%.10g"


class Tables:
    """Every table of a corpus, as pandas DataFrames validated against :mod:`analysis.building.schema`.

    Tables are reached by name, as attributes (``tables.sentences``) or items (``tables["sentences"]``).
    """

    def __init__(self, frames: Mapping[str, pd.DataFrame], texts: Mapping[str, str]):
        self._frames = {name: schema.validate(name, frames[name]) for name in schema.TABLES}
        self._texts = dict(texts)

    @classmethod
    def _of_validated(cls, frames: Mapping[str, pd.DataFrame], texts: Mapping[str, str]) -> "Tables":
        """Tables of frames already validated, each whole or as chunks concatenated: every check of the schema
        is per row and every chunk has the declared dtypes, so validating the whole again would find nothing
        new (a small build spent half its time doing it)."""
        tables = cls.__new__(cls)
        tables._frames = {name: frames[name] for name in schema.TABLES}
        tables._texts = dict(texts)
        return tables

    @property
    def names(self) -> list[str]:
        """Table names in their documented order."""
        return list(self._frames)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self._frames[name]

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.__dict__["_frames"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(frame)}" for name, frame in self._frames.items())
        return f"Tables({sizes})"

    def text_of(self, doc_id: str) -> str:
        """The original text of a document (for rendering and provenance checks)."""
        return self._texts[doc_id]

    def to_dir(self, out: str | Path, *, parquet: bool = True) -> list[Path]:
        """Write each table as ``out/<table>.csv`` (and ``.parquet``), and the texts as ``out/texts.parquet``."""
        sink = FolderSink(out, parquet=parquet)
        with sink:
            for name, frame in self._frames.items():
                sink.write(name, frame)
            sink.write_texts(self._texts.items())
        return sink.paths


class MemorySink:
    """Collects validated chunks in memory and returns them as :class:`Tables`."""

    def __init__(self) -> None:
        self._parts: dict[str, list[pd.DataFrame]] = {name: [] for name in schema.TABLES}
        self._texts: dict[str, str] = {}

    def write(self, table: str, frame: pd.DataFrame) -> None:
        if len(frame):
            self._parts[table].append(frame)

    def write_texts(self, texts: Iterable[tuple[str, str]]) -> None:
        self._texts.update(texts)

    def discard(self, table: str) -> None:
        """Drop the rows of ``table`` written so far (a corpus-level table that failed half-way)."""
        self._parts[table] = []

    def read(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        frame = concat(table, self._parts[table])
        return frame if columns is None else frame[columns]

    def tables(self) -> Tables:
        return Tables._of_validated({name: concat(name, parts) for name, parts in self._parts.items()}, self._texts)


class FolderSink:
    """Appends chunks to CSV and Parquet files in a temporary folder; :meth:`commit` moves them into place.

    Used as a context manager: leaving the block normally commits, an exception (Ctrl-C included) removes the
    temporary folder and leaves the output folder as it was.
    """

    def __init__(self, out: str | Path, *, parquet: bool = True):
        self.out = Path(out)
        self.parquet = parquet
        self.tmp = self.out / f".partial-{os.getpid()}"
        self._csv: dict[str, object] = {}
        self._parquet: dict[str, pq.ParquetWriter] = {}
        self._texts: pq.ParquetWriter | None = None
        self._finished: set[str] = set()
        self.paths: list[Path] = []

    def __enter__(self) -> "FolderSink":
        self.out.mkdir(parents=True, exist_ok=True)
        for stale in self.out.glob(".partial-*"):
            if not _alive(stale.name.removeprefix(".partial-")):
                shutil.rmtree(stale, ignore_errors=True)
        self.tmp.mkdir()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self._close()
            shutil.rmtree(self.tmp, ignore_errors=True)

    def _csv_handle(self, table: str):
        if table not in self._csv:
            handle = (self.tmp / f"{table}.csv").open("w", encoding="utf-8", newline="")
            handle.write(",".join(schema.columns(table)) + "\n")
            self._csv[table] = handle
        return self._csv[table]

    def write(self, table: str, frame: pd.DataFrame) -> None:
        """Append validated rows of ``table``."""
        if table in self._finished:
            raise RuntimeError(f"{table} was read back before the build finished writing it")
        handle = self._csv_handle(table)
        if self.parquet and table not in self._parquet:
            self._parquet[table] = pq.ParquetWriter(self.tmp / f"{table}.parquet", arrow_schema(table))
        if not len(frame):
            return
        _with_floats_written(frame).to_csv(handle, header=False, index=False, lineterminator="\n")
        if self.parquet:
            self._parquet[table].write_table(
                pa.Table.from_pandas(frame, schema=arrow_schema(table), preserve_index=False)
            )

    def write_texts(self, texts: Iterable[tuple[str, str]]) -> None:
        """Append ``(doc_id, text)`` pairs to ``texts.parquet``."""
        texts = list(texts)
        if self._texts is None:
            self._texts = pq.ParquetWriter(self.tmp / TEXTS_FILE, TEXTS_SCHEMA)
        if texts:
            ids, bodies = zip(*texts)
            self._texts.write_table(pa.table({"doc_id": list(ids), "text": list(bodies)}, schema=TEXTS_SCHEMA))

    def discard(self, table: str) -> None:
        """Drop the rows of ``table`` written so far (a corpus-level table that failed half-way)."""
        handle = self._csv.pop(table, None)
        if handle is not None:
            handle.close()
        writer = self._parquet.pop(table, None)
        if writer is not None:
            writer.close()
        for suffix in (".csv", ".parquet"):
            (self.tmp / f"{table}{suffix}").unlink(missing_ok=True)

    def read(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        """A finished table, read back (the corpus-level tables read the per-article ones); no more rows may
        be written to it afterwards."""
        self._finished.add(table)
        self._csv_handle(table).flush()
        writer = self._parquet.pop(table, None)
        if writer is not None:
            writer.close()
            return pd.read_parquet(self.tmp / f"{table}.parquet", columns=columns)
        frame = _read_csv(self.tmp / f"{table}.csv", table)
        return frame if columns is None else frame[columns]

    def _close(self) -> None:
        for handle in self._csv.values():
            handle.close()
        for writer in self._parquet.values():
            writer.close()
        if self._texts is not None:
            self._texts.close()
        self._csv, self._parquet, self._texts = {}, {}, None

    def commit(self) -> None:
        """Make sure every table exists, then move the finished files into the output folder."""
        for table in schema.TABLES:
            if table not in self._finished:
                self.write(table, schema.empty(table))
        if self._texts is None:
            self.write_texts([])
        self._close()
        for path in sorted(self.tmp.iterdir()):
            target = self.out / path.name
            # An unchanged file keeps its timestamp, so that make and other tools see nothing new.
            if target.exists() and filecmp.cmp(path, target, shallow=False):
                path.unlink()
            else:
                os.replace(path, target)
            self.paths.append(target)
        if not self.parquet:
            for table in schema.TABLES:
                (self.out / f"{table}.parquet").unlink(missing_ok=True)
        self.tmp.rmdir()


def _with_floats_written(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its float columns as the CSV text of :data:`FLOAT_FORMAT` (empty for a missing value).

    pandas applies a ``float_format`` through a Python call per value, which made it most of the time a build
    spends writing; ``%`` over a list gives the same text several times faster.
    """
    floats = [column for column, dtype in frame.dtypes.items() if dtype.kind == "f"]
    if not floats:
        return frame
    return frame.assign(**{column: _float_text(frame[column].tolist()) for column in floats})


def _float_text(values: list[float]) -> list[str]:
    return ["" if value != value else FLOAT_FORMAT % value for value in values]


def _alive(pid: str) -> bool:
    """True when ``pid`` is a running process: its partial folder belongs to a build still going on (two
    builds of one corpus may run at once, e.g. two notebooks opened together; both write the same files)."""
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


@lru_cache(maxsize=None)
def arrow_schema(table: str) -> pa.Schema:
    """The Parquet schema of ``table``, from its declared pandas dtypes (the same for every chunk)."""
    return pa.Schema.from_pandas(schema.empty(table), preserve_index=False)


TEXTS_SCHEMA = pa.schema([("doc_id", pa.string()), ("text", pa.string())])


def concat(table: str, parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Chunks of one table as one frame (an empty one with the declared columns when there are none)."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return schema.empty(table)
    return pd.concat(parts, ignore_index=True)


def written_tables(folder: str | Path) -> bool:
    """True when ``folder`` holds a complete set of written tables."""
    folder = Path(folder)
    return (folder / TEXTS_FILE).exists() and all((folder / f"{t}.csv").exists() for t in schema.TABLES)


def load(folder: str | Path) -> Tables:
    """The tables a build wrote to ``folder``, read back without parsing anything.

    Reads each table's Parquet file where there is one (exact dtypes), else its CSV, and the texts from
    ``texts.parquet``.

    Raises:
        FileNotFoundError: ``folder`` does not hold a complete build (the message says how to make one).
    """
    folder = Path(folder)
    if not written_tables(folder):
        raise FileNotFoundError(
            f"{folder} holds no complete set of tables: build them with "
            f"`python -m analysis build CORPUS --out {folder}`"
        )
    frames = {table: _read_table(folder, table) for table in schema.TABLES}
    texts = pd.read_parquet(folder / TEXTS_FILE)
    return Tables._of_validated(frames, dict(zip(texts["doc_id"], texts["text"])))


def _read_table(folder: Path, table: str) -> pd.DataFrame:
    """One written table, validated: from its Parquet file where there is one, else from its CSV."""
    parquet = folder / f"{table}.parquet"
    if parquet.exists():
        return schema.validate(table, pd.read_parquet(parquet))
    return _read_csv(folder / f"{table}.csv", table)


def _read_csv(path: Path, table: str) -> pd.DataFrame:
    """A written CSV with the declared dtypes (empty strings stay strings, empty numbers are missing)."""
    dtypes = schema.empty(table).dtypes
    text_columns = {c: "string" for c, d in dtypes.items() if pd.api.types.is_string_dtype(d)}
    return schema.validate(table, pd.read_csv(path, dtype=text_columns, keep_default_na=False, na_values={
        c: [""] for c in dtypes.index if c not in text_columns}))
