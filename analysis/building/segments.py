"""What a folder build keeps of its corpus-level tables, so that a rebuild does again only what a change touches.

Two stores, both under the build's cache folder (``<out>/.cache/<fingerprint>/across/``), both data only:

* :class:`ChunkRows`: what a corpus-level table derives from each chunk of articles alone (a figure's block key
  and interval, a quotation's normalised words), for every chunk, in one Parquet file.
* :class:`SegmentStore`: a corpus-level table whose rows come in *runs* (every ``figure_agreement`` row of one
  earlier figure is a run), kept as *segments* of consecutive runs. Each run has a key, the hash of everything
  its rows depend on (the table's business), and each segment an id, the hash of its runs' keys in order
  (:func:`cut`). A segment is kept under ``<folder>/<segment id>/`` as its rows in CSV without a header
  (``rows.csv``), in Parquet (``rows.parquet``), and the list of its runs with each one's rows and bytes
  (``runs.json``), written to a temporary folder and renamed into place, so it is whole or absent. The table
  is its segments in order: its CSV their bytes joined (:func:`join_files`), its Parquet a folder of one part
  per segment.

A segment the store lacks is made (:meth:`SegmentStore.make`) from the runs the store holds in segments no
longer wanted (their CSV bytes and Parquet rows copied as they are) and from runs rendered anew: only those are
validated and written as text, which costs far more than copying (about 17 microseconds a row of
``figure_agreement`` as CSV, against a byte copy).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.building.chunks import arrow_schema, arrow_table, csv_rows, read_file
from analysis.building.output import temporary_of_a_dead_build, write_aside

#: Bumped when what a segment holds, or how its id is made, changes.
SEGMENT_FORMAT = 1
#: What a segment's name looks like: only such names are ever removed from a store.
KEPT_NAME = re.compile(r"[0-9a-f]{32}")
#: The metadata key of :class:`ChunkRows`'s file listing its chunks in the order of their rows, each with its number of rows.
RUNS_KEY = b"chunk_runs"
#: Rows of new runs rendered (and validated) at a time.
RENDER_ROWS = 10_000
#: Bytes copied at a time where the file system cannot copy within the kernel.
COPY_BYTES = 1 << 20

_NEWLINE, _QUOTE = ord("\n"), ord('"')


def digest(parts: Iterable[bytes | str]) -> str:
    """32 hex digits of the BLAKE2b hash of ``parts`` (each one delimited, so that no two lists collide)."""
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "little"))
        hashed.update(data)
    return hashed.hexdigest()


def remove_stale(folder: Path, keep: Iterable[str]) -> None:
    """Remove the kept names (:data:`KEPT_NAME`) not in ``keep``, and temporaries of builds that did not finish;
    nothing else."""
    if not folder.is_dir():
        return
    wanted = set(keep)
    for path in folder.iterdir():
        if temporary_of_a_dead_build(path.name) or (KEPT_NAME.fullmatch(path.name) and path.name not in wanted):
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)


class ChunkRows:
    """Rows derived from each chunk of articles alone, for every chunk of the corpus, kept in one Arrow IPC file
    (``path``), each chunk's rows together, and in its metadata the chunks it covers in the order of their rows,
    each with its number of rows: one file is read in a rebuild, not one per chunk, and a chunk's rows are a slice
    of it. Written to a temporary file and renamed, so it is whole or absent; a file that cannot be read, or whose
    counts do not add up to its rows, is made again.

    Arrow's own file format, not Parquet: the file is read whole and written back whole on every rebuild that
    changes a chunk, and uncompressed Arrow does both in a tenth of the time (the identity pairs of 10,000
    articles: 0.01 s, not 0.18 s). It is data only, as Parquet is."""

    def __init__(self, path: Path):
        self.path = path

    def _kept(self) -> tuple[pa.Table | None, list[tuple[str, int]]]:
        try:
            table = _read_ipc(self.path)
            runs = json.loads((table.schema.metadata or {}).get(RUNS_KEY, b"null"))
            if not (isinstance(runs, list) and all(isinstance(r, list) and len(r) == 2 and isinstance(r[0], str)
                                                   and isinstance(r[1], int) and r[1] >= 0 for r in runs)
                    and sum(r[1] for r in runs) == table.num_rows and len({r[0] for r in runs}) == len(runs)):
                return None, []
        except (OSError, ValueError, pa.ArrowException):
            return None, []
        return table, [(chunk_id, count) for chunk_id, count in runs]

    def rows(self, chunk_ids: Sequence[str], derive: Callable[[str], pd.DataFrame]) -> pd.DataFrame | None:
        """The rows of these chunks, as one frame (None when no chunk has any): ``derive(chunk_id)`` of each chunk
        not kept yet, the others as kept; the rows of chunks not in ``chunk_ids`` are dropped. New rows pass
        through Arrow's types as kept ones do, so that a cold build and a rebuild read the same values."""
        kept, runs = self._kept()
        wanted = list(dict.fromkeys(chunk_ids))
        wanted_ids = set(wanted)
        covered = {chunk_id for chunk_id, _ in runs}
        missing = [chunk_id for chunk_id in wanted if chunk_id not in covered]
        slices, written_runs, offset = [], [], 0
        for chunk_id, count in runs:
            if chunk_id in wanted_ids:
                written_runs.append((chunk_id, count))
                if slices and slices[-1][0] + slices[-1][1] == offset:
                    slices[-1][1] += count  # next to the slice before: one slice
                else:
                    slices.append([offset, count])
            offset += count
        parts = [kept.slice(start, count) for start, count in slices if count]
        for chunk_id in missing:
            derived = derive(chunk_id)
            written_runs.append((chunk_id, len(derived)))
            if len(derived):  # a chunk without rows adds none (and its columns may have no type)
                parts.append(pa.Table.from_pandas(derived, preserve_index=False))
        table = pa.concat_tables([part.cast(parts[0].schema) for part in parts]) if parts else None
        if missing or covered != wanted_ids or not self.path.exists():
            written = table if table is not None else pa.table({})
            metadata = {**(written.schema.metadata or {}), RUNS_KEY: json.dumps(written_runs).encode()}
            write_aside(self.path, lambda tmp: _write_ipc(tmp, written.replace_schema_metadata(metadata)), cache=True)
            # the Parquet file an earlier version kept these rows in
            self.path.with_suffix(".parquet").unlink(missing_ok=True)
        return None if table is None else table.to_pandas()


def _read_ipc(path: Path) -> pa.Table:
    # read whole, then taken apart: Arrow's reader of a file reads it a column at a time, three times slower; a
    # file mapped into memory would stay open under the rows, where the file is replaced next
    return pa.ipc.open_file(pa.py_buffer(path.read_bytes())).read_all()


def _write_ipc(path: Path, table: pa.Table) -> None:
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)


@dataclass(frozen=True)
class Segment:
    """Consecutive runs of a table: their keys in order, the index of the first in the table's runs, its id."""

    id: str
    first: int
    keys: tuple[str, ...]


def cut(table: str, keys: Sequence[str], closes: Sequence[bool], rows: Sequence[int], *, max_rows: int) -> list[Segment]:
    """The table's runs (``keys`` in order, single-line strings; ``rows`` each) as segments: one ends after a run that ``closes`` it
    (decided by the run's own content, so that a change moves no boundary but its own), or when it holds
    ``max_rows`` rows or more (so that none grows without bound in an unlucky stretch)."""
    segments, start, held = [], 0, 0
    for index, (close, size) in enumerate(zip(closes, rows)):
        held += size
        if close or held >= max_rows or index == len(keys) - 1:
            run_keys = tuple(keys[start : index + 1])
            # keys are single lines: joined by newlines, no other list of keys gives the same string
            segments.append(Segment(digest([f"{table}:{SEGMENT_FORMAT}", "\n".join(run_keys)]), start, run_keys))
            start, held = index + 1, 0
    return segments


def row_bytes(data: bytes) -> np.ndarray:
    """The length in bytes of each CSV record of ``data`` (records end at a newline outside quotes: a quoted
    field may hold newlines, and its quotation marks come in pairs)."""
    buffer = np.frombuffer(data, dtype=np.uint8)
    newlines = np.flatnonzero(buffer == _NEWLINE)
    quotes_before = np.searchsorted(np.flatnonzero(buffer == _QUOTE), newlines)
    ends = newlines[quotes_before % 2 == 0] + 1
    return np.diff(np.r_[0, ends])


def join_files(target: BinaryIO, paths: Iterable[Path]) -> None:
    """Append each file of ``paths`` to ``target``, within the kernel where the file system allows."""
    target.flush()
    for path in paths:
        with path.open("rb") as source:
            _copy_range(source, target, 0, os.fstat(source.fileno()).st_size)


def _copy_range(source: BinaryIO, target: BinaryIO, offset: int, count: int) -> None:
    """Append ``count`` bytes of ``source`` from ``offset`` to ``target`` (flushed)."""
    try:
        while count > 0:
            done = os.copy_file_range(source.fileno(), target.fileno(), count, offset)
            if done == 0:
                raise OSError("copy_file_range copied nothing")
            offset, count = offset + done, count - done
        return
    except (AttributeError, OSError):
        pass  # another file system or platform: copy through user space
    source.seek(offset)
    while count > 0:
        block = source.read(min(count, COPY_BYTES))
        if not block:
            raise OSError(f"{source.name} ended before its runs")
        target.write(block)
        count -= len(block)
    target.flush()


@dataclass
class _Piece:
    """Consecutive rows of a segment being made: of a kept segment (``source``, its id), or of a batch of rows
    rendered anew (``csv`` and ``arrow``, the batch's)."""

    source: str | None
    row: int
    rows: int
    byte: int
    bytes: int
    csv: bytes = b""
    arrow: pa.Table | None = None

    def follows(self, other: "_Piece") -> bool:
        """Whether this piece's rows come right after ``other``'s in the same place."""
        same = self.source == other.source if self.source is not None else self.arrow is other.arrow
        return same and other.row + other.rows == self.row and other.byte + other.bytes == self.byte


class _Rendered:
    """Runs rendered anew, a batch of about :data:`RENDER_ROWS` rows at a time, in the order they are asked for."""

    def __init__(self, table: str, render: Callable[[list[int]], pd.DataFrame], runs: list[int], sizes: Sequence[int]):
        self.table, self.render, self.sizes = table, render, sizes
        self.pending, self.next = runs, 0
        self.where: dict[int, _Piece] = {}

    def piece(self, run: int) -> _Piece:
        if run not in self.where:
            self._render_from(run)
        return self.where[run]

    def _render_from(self, run: int) -> None:
        batch, held = [], 0
        while self.next < len(self.pending) and (not batch or held < RENDER_ROWS):
            batch.append(self.pending[self.next])
            held += self.sizes[self.pending[self.next]]
            self.next += 1
        if run not in batch:
            raise ValueError(f"run {run} of {self.table} is asked for out of order")
        frame = self.render(batch)
        if len(frame) != held:
            raise ValueError(f"rendering gave {len(frame)} rows of {self.table} where its runs hold {held}")
        csv = csv_rows(frame).encode("utf-8") if len(frame) else b""
        arrow = arrow_table(self.table, frame)
        rows = np.r_[0, np.cumsum([self.sizes[r] for r in batch])]
        byte = np.r_[0, np.cumsum(row_bytes(csv))]
        if len(byte) != held + 1:
            raise ValueError(f"{self.table}'s rendered rows do not read back as {held} CSV records")
        self.where = {
            r: _Piece(None, int(rows[k]), int(rows[k + 1] - rows[k]), int(byte[rows[k]]),
                      int(byte[rows[k + 1]] - byte[rows[k]]), csv, arrow)
            for k, r in enumerate(batch)
        }


class SegmentStore:
    """The segments of one corpus-level table under ``folder``."""

    def __init__(self, folder: Path, table: str):
        self.folder = folder
        self.table = table

    def path(self, segment_id: str, name: str) -> Path:
        return self.folder / segment_id / name

    def has(self, segment_id: str) -> bool:
        return self.path(segment_id, "runs.json").is_file()

    def _runs(self, segment_id: str) -> list[tuple[str, int, int]]:
        data = json.loads(self.path(segment_id, "runs.json").read_text(encoding="utf-8"))
        if data.get("format") != SEGMENT_FORMAT or data.get("table") != self.table:
            raise ValueError("not a segment of this table and version")
        return [(str(key), int(rows), int(size)) for key, rows, size in data["runs"]]

    def make(
        self, segments: Sequence[Segment], sizes: Sequence[int], render: Callable[[list[int]], pd.DataFrame]
    ) -> int:
        """Make the ``segments`` the store lacks; return how many rows were rendered anew.

        Args:
            segments: the table's segments in order (:func:`cut`).
            sizes: the rows of each run of the table, by its index.
            render: the validated rows of the runs of these indices, in order (called in the table's order, with
                about :data:`RENDER_ROWS` rows at a time).
        """
        missing = [segment for segment in segments if not self.has(segment.id)]
        if not missing:
            return 0
        kept = self._kept_runs({segment.id for segment in segments})
        new = [segment.first + k for segment in missing for k, key in enumerate(segment.keys) if key not in kept]
        rendered = _Rendered(self.table, render, new, sizes)
        # how many runs each kept segment still gives, so that its rows are read once and let go after
        uses: dict[str, int] = {}
        for key in (key for segment in missing for key in segment.keys if key in kept):
            uses[kept[key].source] = uses.get(kept[key].source, 0) + 1
        tables: dict[str, pa.Table] = {}
        for segment in missing:
            runs = [kept.get(key) or rendered.piece(segment.first + k) for k, key in enumerate(segment.keys)]
            self._write(segment, runs, tables)
            for run in runs:
                if run.source is not None:
                    uses[run.source] -= 1
                    if not uses[run.source]:
                        tables.pop(run.source, None)
        return sum(sizes[run] for run in new)

    def _kept_runs(self, wanted: set[str]) -> dict[str, _Piece]:
        """Where each run of the kept segments not in ``wanted`` lies (a run's key names its own content, so
        one run is in one segment); segments that cannot be read are passed over."""
        found: dict[str, _Piece] = {}
        if not self.folder.is_dir():
            return found
        for path in sorted(self.folder.iterdir()):
            if not (KEPT_NAME.fullmatch(path.name) and path.name not in wanted and self.has(path.name)):
                continue
            try:
                runs = self._runs(path.name)
            except (OSError, ValueError, KeyError, TypeError):
                continue
            row = byte = 0
            for key, rows, size in runs:
                found[key] = _Piece(path.name, row, rows, byte, size)
                row, byte = row + rows, byte + size
        return found

    def _write(self, segment: Segment, runs: list[_Piece], tables: dict[str, pa.Table]) -> None:
        """Write a segment of these runs: consecutive rows of one place are copied together."""
        pieces: list[_Piece] = []
        for run in runs:
            if pieces and run.follows(pieces[-1]):
                pieces[-1] = _Piece(run.source, pieces[-1].row, pieces[-1].rows + run.rows, pieces[-1].byte,
                                    pieces[-1].bytes + run.bytes, run.csv, run.arrow)
            else:
                pieces.append(run)
        tmp = self.folder / f".{segment.id}.{os.getpid()}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        parts = []
        with (tmp / "rows.csv").open("wb") as target:
            for piece in pieces:
                if piece.source is None:
                    target.write(piece.csv[piece.byte : piece.byte + piece.bytes])
                    target.flush()
                    parts.append(piece.arrow.slice(piece.row, piece.rows))
                    continue
                with self.path(piece.source, "rows.csv").open("rb") as source:
                    _copy_range(source, target, piece.byte, piece.bytes)
                if piece.source not in tables:
                    tables[piece.source] = read_file(self.path(piece.source, "rows.parquet"))
                parts.append(tables[piece.source].slice(piece.row, piece.rows))
        schema = arrow_schema(self.table)
        rows = pa.concat_tables([part.cast(schema) for part in parts]) if parts else schema.empty_table()
        pq.write_table(rows, tmp / "rows.parquet")
        (tmp / "runs.json").write_text(json.dumps({
            "format": SEGMENT_FORMAT, "table": self.table,
            "runs": [[key, run.rows, run.bytes] for key, run in zip(segment.keys, runs)],
        }), encoding="utf-8")
        try:
            os.replace(tmp, self.folder / segment.id)
        except OSError:
            # another build of the same corpus made this segment meanwhile: the same id, the same rows
            if not self.has(segment.id):
                raise
            shutil.rmtree(tmp, ignore_errors=True)

    def prune(self, keep: Iterable[str]) -> None:
        """Remove the segments not in ``keep``."""
        remove_stale(self.folder, keep)
