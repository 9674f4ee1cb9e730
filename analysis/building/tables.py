"""The tables of a corpus: in memory (:class:`Tables`), written whole, and read back.

:class:`MemorySink` keeps a build's validated chunks as DataFrames. A folder build (:mod:`analysis.flow`) writes
each per-article table from its chunks (:mod:`analysis.building.chunks`) and ``figure_agreement`` from its
segments (:mod:`analysis.building.segments`); the other corpus-level tables, and any table written from memory
(:meth:`Tables.to_dir`), are written whole by :func:`write_table`. :func:`load` reads a
written folder back into :class:`Tables` without parsing anything: a table's Parquet as one file or as a folder
of parts (one per chunk), else its CSV.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.building import schema
from analysis.building.chunks import TEXTS_SCHEMA, arrow_schema, arrow_table, csv_rows
from analysis.reading import Document
from analysis.reading.extras import extra_columns, typed_column

#: The article texts every offset points into, written beside the tables.
TEXTS_FILE = "texts.parquet"
#: Rows buffered per table before a chunk is validated (an in-memory build).
CHUNK_ROWS = 20_000


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
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        paths = [path for name, frame in self._frames.items() for path in write_table(out, name, frame, parquet=parquet)]
        ids, bodies = (list(x) for x in zip(*self._texts.items())) if self._texts else ([], [])
        pq.write_table(pa.table({"doc_id": ids, "text": bodies}, schema=TEXTS_SCHEMA), out / TEXTS_FILE)
        return paths + [out / TEXTS_FILE]


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

    def texts(self) -> list[tuple[str, str]]:
        """``(doc_id, text)`` of the articles written, in the order they were written."""
        return list(self._texts.items())

    def tables(self) -> Tables:
        return Tables._of_validated({name: concat(name, parts) for name, parts in self._parts.items()}, self._texts)


def concat(table: str, parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Chunks of one table as one frame (an empty one with the declared columns when there are none)."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return schema.empty(table)
    return pd.concat(parts, ignore_index=True)


def write_table(
    out: Path, table: str, parts: pd.DataFrame | Iterable[pd.DataFrame], *, parquet: bool = True, prefix: str = ""
) -> list[Path]:
    """Write a validated table whole as ``out/<prefix><table>.csv`` (and ``.parquet``, one file), from one frame or
    from chunks written as they come, so that a long table is never held whole. A chunk that fails to come
    removes what was written of the table, and the error goes on. A table with extra columns (``documents``)
    comes as one frame, whose columns are written."""
    csv_path = out / f"{prefix}{table}.csv"
    parquet_path = out / f"{prefix}{table}.parquet"
    whole = parts if isinstance(parts, pd.DataFrame) else None
    names = list(whole.columns) if whole is not None else schema.columns(table)
    writer = pq.ParquetWriter(parquet_path, arrow_schema(table, whole)) if parquet else None
    try:
        with csv_path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(",".join(names) + "\n")
            for frame in [parts] if isinstance(parts, pd.DataFrame) else parts:
                if len(frame):
                    handle.write(csv_rows(frame))
                    if writer is not None:
                        writer.write_table(arrow_table(table, frame))
    except BaseException:
        if writer is not None:
            writer.close()
        csv_path.unlink(missing_ok=True)
        parquet_path.unlink(missing_ok=True)
        raise
    if writer is None:
        return [csv_path]
    writer.close()
    return [csv_path, parquet_path]


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
    """One written table, validated: from its Parquet (a file, or a folder of parts read in name order) where
    there is one, else from its CSV."""
    parquet = folder / f"{table}.parquet"
    if parquet.exists():
        return schema.validate(table, pd.read_parquet(parquet))
    return _read_csv(folder / f"{table}.csv", table)


def _read_csv(path: Path, table: str) -> pd.DataFrame:
    """A written CSV with the declared dtypes (empty strings stay strings, empty numbers are missing); extra
    columns (``documents``) typed again from their text, as the build typed them (:func:`typed_column`)."""
    dtypes = schema.empty(table).dtypes
    extras = schema.extra_columns(table, pd.read_csv(path, nrows=0))
    text_columns = {c: "string" for c, d in dtypes.items() if pd.api.types.is_string_dtype(d)}
    frame = pd.read_csv(path, dtype={**text_columns, **{c: str for c in extras}}, keep_default_na=False,
                        na_values={c: [""] for c in dtypes.index if c not in text_columns})
    for column in extras:
        frame[column] = typed_column([value or None for value in frame[column].tolist()])
    return schema.validate(table, frame)


def documents_table(rows: pd.DataFrame, documents: Iterable[Document]) -> pd.DataFrame:
    """The ``documents`` table: ``rows`` (its declared columns, one row per article built, validated) and after
    them the articles' extra fields, typed over the corpus (:func:`~analysis.reading.extras.extra_columns`).
    ``documents`` are the corpus's documents (an article whose parse failed has no row and adds no column)."""
    by_id = {document.doc_id: document for document in documents}
    extras = extra_columns([by_id[doc_id] for doc_id in rows["doc_id"]])
    if not len(extras.columns):
        return rows
    return schema.validate("documents", pd.concat([rows.reset_index(drop=True), extras], axis=1))
