"""Exports with one article per row: CSV (comma, semicolon or tab separated), Excel (the first sheet) and
Parquet, streamed row by row or in batches; JSON Lines rows come from :mod:`.json_records`. A row that holds no
article is skipped with the reason; an export that cannot be read at all is skipped whole."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import itertools
import zipfile
from pathlib import Path
from typing import Any, Iterable, Iterator

from analysis.reading.archives import zip_problem
from analysis.reading.articles import not_utf8, text_problem
from analysis.reading.documents import Document, Skipped, Unreadable, warn
from analysis.reading.entries import Entry, random_access
from analysis.reading.extras import extra_fields
from analysis.reading.json_records import json_records, jsonl_records
from analysis.reading.limits import DEFAULT_LIMITS, Limits
from analysis.reading.metadata import (
    ID_COLUMNS,
    TEXT_COLUMNS,
    NotText,
    Record,
    cell_text,
    cells_by_column,
    make_document,
    metadata_of,
    pick,
    pick_text,
    text_columns,
    used_columns,
)

#: Separators a CSV header may use; the one it holds most often is taken (Excel writes ';' in many locales).
CSV_DELIMITERS = (",", ";", "\t")


#: The csv module's cell limit (128 KiB by default) is below a long article; this admits any cell.
CSV_FIELD_LIMIT = 2**31 - 1


#: Bytes decoded at a time when checking that an export is UTF-8 before reading its rows.
UTF8_CHECK_BYTES = 1 << 20


#: Rows converted at a time when reading Parquet.
PARQUET_BATCH_ROWS = 1_000


def export_documents(entry: Entry, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | Skipped]:
    """The articles of an export, one per row in file order, and a skip for each row that holds none.

    A row whose text or id is not text (a list, a mapping, bytes; for the text, a number too) is skipped with
    the reason; a title, outlet, url or date that is not text is left empty with a warning. The row's other
    columns are the document's extra fields (:mod:`.extras`).
    """
    records = {
        ".csv": csv_records, ".jsonl": jsonl_records, ".json": lambda e: json_records(e, limits.file_bytes),
        ".xlsx": lambda e: xlsx_records(e, limits), ".parquet": parquet_records,
    }
    first_row: dict[str, int] = {}
    any_row = columns_checked = False
    try:
        for row, cells in records[entry.suffix](entry):
            any_row = True
            # row 0: a .json file that is one article, named and shown by its file, as a text file is
            where = entry.shown if row == 0 else f"{entry.shown}#row={row}"
            if isinstance(cells, str):
                yield Skipped(where, cells)
                continue
            if not columns_checked and not text_columns(cells):
                columns = f"it has: {', '.join(cells)}" if cells else "it has no fields"
                yield Skipped(
                    entry.shown,
                    f"no text column ({columns}): name the column holding the article text "
                    f"{' or '.join(TEXT_COLUMNS)}",
                )
                return
            columns_checked = True
            try:
                text = pick_text(cells, where)
            except NotText as err:
                yield Skipped(where, f"the text is {err}, not text: put the article text in the text column")
                continue
            problem = _row_text_problem(text, limits.file_bytes)
            if problem:
                yield Skipped(where, problem)
                continue
            try:
                doc_id = cell_text(pick(cells, ID_COLUMNS)).strip() or (entry.stem if row == 0 else f"{entry.stem}-{row}")
            except NotText as err:
                yield Skipped(where, f"the id is {err}, not text or a number: give the row an id, or leave it empty")
                continue
            if doc_id in first_row:
                yield Skipped(
                    where,
                    f"id {doc_id!r} repeats row {first_row[doc_id]}'s, which is kept: "
                    "give each article its own id, or remove the repeat",
                )
                continue
            first_row[doc_id] = row
            sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
            extras, note = extra_fields(cells, used_columns(cells, with_id=True), limits=limits)
            yield make_document(doc_id, where, text, sha256, metadata_of(cells, where), extras=tuple(extras.items()),
                                extras_note=note)
    except Unreadable as err:
        yield Skipped(entry.shown, str(err))
        return
    if not any_row:
        yield Skipped(entry.shown, "the export has no article rows: add rows below the header, or remove the file")


def _row_text_problem(text: str, max_bytes: int) -> str:
    """Why an export row's text is not an article; empty when it is one."""
    if not text.strip():
        return "the text is empty: fill in the article text, or remove the row"
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        return (
            f"the text is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one article: "
            "split it, or raise the limit with --max-bytes"
        )
    return text_problem(text)


def csv_records(entry: Entry) -> Iterator[Record]:
    """A CSV file's rows, streamed; the whole file is checked to be UTF-8 first so no row is half read."""
    problem = _utf8_problem(entry)
    if problem:
        raise Unreadable(problem)
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    row = 0
    with entry.open() as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
        delimiter = max(CSV_DELIMITERS, key=first.count)
        reader = csv.reader(itertools.chain([first], handle), delimiter=delimiter)
        try:
            header = next(reader, [])
            for row, cells in enumerate(reader, start=1):
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) > len(header):
                    yield row, (
                        f"the row has {len(cells)} cells but the header {len(header)}: "
                        f"quote cells that hold a {delimiter!r}, or fix the row"
                    )
                    continue
                yield row, cells_by_column(itertools.zip_longest(header, cells, fillvalue=""))
        except csv.Error as err:
            raise Unreadable(f"stopped after row {row}, the CSV does not parse ({err}): fix the file")


def _utf8_problem(entry: Entry) -> str:
    """Why ``entry`` is not UTF-8 (the first bad byte and its offset); empty when it is."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with entry.open() as handle:
        while True:
            chunk = handle.read(UTF8_CHECK_BYTES)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as err:
                # err.object is the decoder's held-back bytes followed by this chunk.
                return not_utf8(err.object[err.start], offset - (len(err.object) - len(chunk)) + err.start)
            if not chunk:
                return ""
            offset += len(chunk)


def xlsx_records(entry: Entry, limits: Limits = DEFAULT_LIMITS) -> Iterator[Record]:
    """The first sheet's rows, streamed by openpyxl; other sheets holding data are warned about.

    A workbook is a zip of XML parts: they are checked against ``limits`` as an archive's members are
    (:func:`~analysis.reading.archives.zip_problem`) before openpyxl opens it.
    """
    try:
        from openpyxl import load_workbook
    except ImportError:
        raise Unreadable("reading .xlsx needs openpyxl: `pip install openpyxl`, or save the sheet as CSV")
    source = random_access(entry)
    try:
        with zipfile.ZipFile(source) as parts:
            problem = zip_problem(parts, limits)
        if problem:
            raise Unreadable(f"the workbook {problem}")
        if not isinstance(source, Path):
            source.seek(0)
        book = load_workbook(source, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise Unreadable(f"not a readable Excel workbook ({err}): re-save it as .xlsx, or as CSV")
    try:
        first, *others = book.worksheets
        ignored = [sheet.title for sheet in others if any(map(_filled, sheet.iter_rows(values_only=True)))]
        if ignored:
            warn(
                f"{entry.shown}: only the first sheet {first.title!r} is read, not {', '.join(map(repr, ignored))}: "
                "move those rows into the first sheet, or save each sheet as its own file"
            )
        rows = first.iter_rows(values_only=True)
        header = list(next(rows, ()))
        for row, values in enumerate(rows, start=1):
            if _filled(values):
                yield row, cells_by_column(itertools.zip_longest(header, values))
    finally:
        book.close()


def _filled(values: Iterable[Any]) -> bool:
    """Whether a sheet row holds anything (a cell that is not empty or blank)."""
    return any(value is not None and not (isinstance(value, str) and not value.strip()) for value in values)


def parquet_records(entry: Entry) -> Iterator[Record]:
    """A Parquet file's rows, a batch at a time."""
    import pyarrow
    import pyarrow.parquet

    try:
        parquet = pyarrow.parquet.ParquetFile(random_access(entry))
    except (pyarrow.ArrowException, OSError) as err:
        raise Unreadable(f"not a readable Parquet file ({err}): re-export it")
    with parquet:
        batches = parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS)
        rows = (cells for batch in batches for cells in batch.to_pylist())
        for row, cells in enumerate(rows, start=1):
            yield row, cells_by_column(cells.items())
