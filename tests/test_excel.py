"""The workbook handed on to a spreadsheet: a sheet per table, the data dictionary, cuts reported."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pandas as pd
import pytest

from analysis.building import schema
from analysis.views.excel import DICTIONARY_SHEET, EXCEL_MAX_ROWS, write_workbook
from analysis.building.tables import Tables


def _rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def _copy(tables: Tables, **changes: pd.DataFrame) -> Tables:
    frames = {name: changes.get(name, tables[name].copy()) for name in tables.names}
    texts = {doc_id: tables.text_of(doc_id) for doc_id in tables.documents.doc_id}
    return Tables(frames, texts)


@pytest.fixture(scope="module")
def workbook(seed_tables, tmp_path_factory):
    path = tmp_path_factory.mktemp("excel") / "tables.xlsx"
    cut = write_workbook(seed_tables, path)
    return cut, openpyxl.load_workbook(path, read_only=True)


def test_one_sheet_per_table_after_the_data_dictionary(workbook):
    cut, book = workbook
    assert cut == []
    assert book.sheetnames == [DICTIONARY_SHEET, *schema.TABLES]


def test_sheets_hold_every_row_under_the_schema_header(workbook, seed_tables):
    _, book = workbook
    for name in schema.TABLES:
        rows = _rows(book[name])
        assert list(rows[0]) == schema.columns(name), name
        assert len(rows) - 1 == len(seed_tables[name]), name
    sentences = _rows(book["sentences"])
    texts = [dict(zip(sentences[0], row))["text"] for row in sentences[1:]]
    assert texts == list(seed_tables.sentences.text)


def test_header_is_bold_and_frozen(seed_tables, tmp_path):
    path = tmp_path / "t.xlsx"
    write_workbook(seed_tables, path)
    book = openpyxl.load_workbook(path)
    for name in [DICTIONARY_SHEET, "sentences"]:
        sheet = book[name]
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1] if cell.value is not None)
        assert 8 <= sheet.column_dimensions["A"].width <= 60


def test_data_dictionary_lists_every_column(workbook):
    _, book = workbook
    rows = _rows(book[DICTIONARY_SHEET])
    assert list(rows[0][:4]) == ["table", "column", "dtype", "description"] and rows[0][5] == "README"
    listed = [(r[0], r[1]) for r in rows[1:] if r[0]]
    assert listed == [(t, c) for t in schema.TABLES for c in schema.columns(t)]
    published = next(r for r in rows[1:] if r[:2] == ("documents", "published_at"))
    assert "UTC" in published[3] and "time zone" in published[3]
    assert "No table was cut" in rows[1][5]


def test_formula_looking_strings_stay_text(seed_tables, tmp_path):
    sentences = seed_tables.sentences.copy()
    sentences.loc[0, "text"] = '=HYPERLINK("http://example.com", "x")'
    sentences.loc[1, "text"] = "=1+1"
    path = tmp_path / "f.xlsx"
    write_workbook(_copy(seed_tables, sentences=sentences), path)
    sheet = openpyxl.load_workbook(path)["sentences"]
    column = schema.columns("sentences").index("text") + 1
    first, second = sheet.cell(row=2, column=column), sheet.cell(row=3, column=column)
    assert (first.value, first.data_type) == ('=HYPERLINK("http://example.com", "x")', "s")
    assert (second.value, second.data_type) == ("=1+1", "s")


def test_time_zones_are_written_as_utc(seed_tables, tmp_path):
    documents = seed_tables.documents.copy()
    documents["published_at"] = pd.Series([pd.Timestamp("2024-03-01 12:00", tz="Europe/Berlin")] * len(documents))
    path = tmp_path / "tz.xlsx"
    write_workbook(_copy(seed_tables, documents=documents), path)
    rows = _rows(openpyxl.load_workbook(path, read_only=True)["documents"])
    assert dict(zip(rows[0], rows[1]))["published_at"] == datetime(2024, 3, 1, 11, 0)


def test_long_tables_are_cut_and_reported(seed_tables, tmp_path):
    path = tmp_path / "cut.xlsx"
    cut = write_workbook(seed_tables, path, max_rows=3)
    expected = [name for name in schema.TABLES if len(seed_tables[name]) > 3]
    assert "sentences" in expected and cut == expected
    book = openpyxl.load_workbook(path, read_only=True)
    for name in schema.TABLES:
        assert len(_rows(book[name])) - 1 == min(3, len(seed_tables[name])), name
    note = _rows(book[DICTIONARY_SHEET])[1][5]
    assert f"sentences: first 3 of {len(seed_tables.sentences):,} rows" in note
    assert "CSV and Parquet" in note


def test_reads_a_build_folder(seed_tables, tmp_path):
    seed_tables.to_dir(tmp_path / "build")
    assert write_workbook(tmp_path / "build", tmp_path / "out" / "tables.xlsx") == []
    book = openpyxl.load_workbook(tmp_path / "out" / "tables.xlsx", read_only=True)
    assert len(_rows(book["sentences"])) - 1 == len(seed_tables.sentences)


def test_max_rows_is_bounded_by_excel(seed_tables, tmp_path):
    with pytest.raises(ValueError):
        write_workbook(seed_tables, tmp_path / "x.xlsx", max_rows=EXCEL_MAX_ROWS + 1)
