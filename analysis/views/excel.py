"""Hand the tables on to a spreadsheet: one ``.xlsx`` workbook, a sheet per table.

>>> from analysis.views.excel import write_workbook
>>> cut = write_workbook("build/tables", "build/tables.xlsx")     # doctest: +SKIP

The first sheet, ``data_dictionary``, lists every table's columns with their dtype and description (the
same source as :func:`analysis.building.schema.data_dictionary`) and, in its ``README`` cell, what the workbook
leaves out. Then one sheet per table, named after it (cut to Excel's 31 characters), columns in schema order,
the header row bold and frozen.

What Excel cannot hold is changed, and the ``README`` cell says so:

- a sheet holds at most 1,048,576 rows, the header included: a longer table is cut after its first
  1,048,575 rows, and :func:`write_workbook` returns the names of the tables it cut (the CSV and Parquet
  files of the build hold every row);
- Excel has no time zones: time-zone-aware datetimes are converted to UTC and written without a zone;
- a cell holds at most 32,767 characters, and no control characters: longer text is cut, control
  characters (other than tab, newline and carriage return) are dropped;
- missing values (NaN, NaT, NA) are empty cells; infinite numbers are written as the text ``inf``/``-inf``.

Every string is written as text: a quotation that starts with "=" stays a quotation, never a formula.
Sheets are streamed with openpyxl's write-only mode, a chunk of rows at a time, so memory stays modest.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from analysis.building import schema
from analysis.building.tables import Tables, load

#: Rows a worksheet holds, header included (Excel 2007 and later).
EXCEL_SHEET_ROWS = 1_048_576
#: Data rows a table sheet holds below its header row; a longer table is cut there.
EXCEL_MAX_ROWS = EXCEL_SHEET_ROWS - 1
#: Characters a cell holds.
EXCEL_MAX_CHARS = 32_767
#: Characters a sheet name holds.
EXCEL_MAX_SHEET_NAME = 31
#: Name of the first sheet.
DICTIONARY_SHEET = "data_dictionary"
#: Rows read to size the columns, and the widths allowed (in characters).
WIDTH_SAMPLE_ROWS = 200
MIN_WIDTH, MAX_WIDTH = 8, 60
#: Rows converted to cell values at a time.
CHUNK_ROWS = 20_000

_BOLD = Font(bold=True)
_TZ_NOTE = "in this workbook: converted to UTC and written without a time zone (Excel has none)"


def write_workbook(
    folder_or_tables: Tables | str | Path, path: str | Path, *, max_rows: int = EXCEL_MAX_ROWS
) -> list[str]:
    """Write every table to one ``.xlsx`` workbook at ``path``; return the names of the tables cut.

    Args:
        folder_or_tables: the tables (:class:`analysis.Tables`), or the folder a build wrote them to (read
            with :func:`analysis.load`).
        path: the workbook to write (its folder is made if missing; an existing file is replaced).
        max_rows: data rows per sheet at most; a longer table keeps its first ``max_rows`` rows.

    Returns:
        The tables that were cut at ``max_rows``, in table order (empty when every row fits).

    Raises:
        FileNotFoundError: a folder holds no complete build.
        ValueError: ``max_rows`` is not between 0 and Excel's limit.
    """
    if not 0 <= max_rows <= EXCEL_MAX_ROWS:
        raise ValueError(f"max_rows must be between 0 and {EXCEL_MAX_ROWS}, not {max_rows}")
    tables = folder_or_tables if isinstance(folder_or_tables, Tables) else load(folder_or_tables)
    names = [name for name in schema.TABLES if name in tables.names]
    sizes = {name: len(tables[name]) for name in names}
    cut = [name for name in names if sizes[name] > max_rows]
    sheet_names = _sheet_names(names)

    workbook = Workbook(write_only=True)
    _write_dictionary(workbook.create_sheet(DICTIONARY_SHEET), _readme(cut, sizes, max_rows, sheet_names))
    for name in names:
        frame = tables[name]
        columns = schema.columns(name) + schema.extra_columns(name, frame)  # documents: the corpus's own fields too
        _write_table(workbook.create_sheet(sheet_names[name]), frame[columns].iloc[:max_rows])
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return cut


def _sheet_names(names: list[str]) -> dict[str, str]:
    """Sheet name per table: the table name, cut to 31 characters and kept unique."""
    taken = {DICTIONARY_SHEET.lower()}
    out = {}
    for name in names:
        base = name[:EXCEL_MAX_SHEET_NAME]
        candidate, n = base, 1
        while candidate.lower() in taken:
            suffix = f"~{n}"
            candidate, n = base[: EXCEL_MAX_SHEET_NAME - len(suffix)] + suffix, n + 1
        taken.add(candidate.lower())
        out[name] = candidate
    return out


def _readme(cut: list[str], sizes: dict[str, int], max_rows: int, sheet_names: dict[str, str]) -> str:
    lines = [
        "One sheet per table, columns in the order of the data dictionary below (analysis/schema.py).",
    ]
    if cut:
        lines.append(f"Tables cut at {max_rows:,} rows (Excel holds {EXCEL_SHEET_ROWS:,} rows per sheet, header "
                     "included); the CSV and Parquet files of the build hold every row:")
        lines += [f"- {name}: first {max_rows:,} of {sizes[name]:,} rows" for name in cut]
    else:
        lines.append("No table was cut: every row of every table is here.")
    renamed = [f"{name} -> {sheet}" for name, sheet in sheet_names.items() if name != sheet]
    if renamed:
        lines.append(f"Sheet names cut to Excel's {EXCEL_MAX_SHEET_NAME} characters: " + "; ".join(renamed))
    lines += [
        "Time-zone-aware datetimes are converted to UTC and written without a time zone (Excel has none).",
        f"Text longer than {EXCEL_MAX_CHARS:,} characters (Excel's cell limit) is cut; control characters "
        "are dropped. Every string is text, never a formula. Missing values are empty cells; infinite "
        "numbers are the text inf / -inf.",
    ]
    return "\n".join(lines)


def _write_dictionary(sheet, readme: str) -> None:
    header = ["table", "column", "dtype", "description", "", "README"]
    widths = [20, 24, 22, 90, 2, 90]
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([_header_cell(sheet, h) if h else None for h in header])
    rows = _dictionary_rows()
    note = WriteOnlyCell(sheet, value=readme)
    note.data_type = "s"
    note.alignment = Alignment(wrap_text=True, vertical="top")
    for i, row in enumerate(rows):
        sheet.append([_text_cell(sheet, v) for v in row] + [None, note if i == 0 else None])
    if not rows:
        sheet.append([None] * 5 + [note])


def _dictionary_rows() -> list[list[str]]:
    rows = []
    for name, model in schema.TABLES.items():
        for column, spec in model.to_schema().columns.items():
            dtype = str(spec.dtype) + (", nullable" if spec.nullable else "")
            description = spec.description or ""
            if isinstance(getattr(spec.dtype, "type", None), pd.DatetimeTZDtype):
                description = f"{description} ({_TZ_NOTE})"
            rows.append([name, column, dtype, description])
    return rows


def _header_cell(sheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    cell.font = _BOLD
    return cell


def _text_cell(sheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # "=..." is text, not a formula
    return cell


def _write_table(sheet, frame: pd.DataFrame) -> None:
    columns = list(frame.columns)
    sample = frame.iloc[:WIDTH_SAMPLE_ROWS]
    for i, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = _width(column, sample[column])
    sheet.freeze_panes = "A2"
    sheet.append([_header_cell(sheet, str(c)) for c in columns])
    for start in range(0, len(frame), CHUNK_ROWS):
        chunk = frame.iloc[start : start + CHUNK_ROWS]
        for row in zip(*(_cell_values(chunk[c]) for c in columns)):
            sheet.append([_text_cell(sheet, v) if isinstance(v, str) and v.startswith("=") else v for v in row])


def _width(column: str, sample: pd.Series) -> float:
    lengths = [len(str(column))]
    lengths += [len(v) if isinstance(v, str) else len(str(v)) for v in _cell_values(sample) if v is not None]
    longest = max(lengths)
    return float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2)))


def _cell_values(series: pd.Series) -> Iterator[object]:
    """The values of ``series`` as openpyxl takes them: Python scalars, None for missing."""
    dtype = series.dtype
    if isinstance(dtype, pd.DatetimeTZDtype):
        series = series.dt.tz_convert("UTC").dt.tz_localize(None)
        dtype = series.dtype
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return (None if pd.isna(v) else v.to_pydatetime() for v in series)
    if pd.api.types.is_timedelta64_dtype(dtype):
        return (None if pd.isna(v) else v.to_pytimedelta() for v in series)
    return (_scalar(v) for v in series.tolist())


def _scalar(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, str):
        if ILLEGAL_CHARACTERS_RE.search(value):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return value[:EXCEL_MAX_CHARS]
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, pd.Timestamp):
        if value is pd.NaT:
            return None
        if value.tzinfo is not None:
            value = value.tz_convert("UTC").tz_localize(None)
        return value.to_pydatetime()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):  # numpy scalar
        return _scalar(value.item())
    return str(value)
