"""JSON Lines: one JSON object per line, read as an export row."""

from __future__ import annotations

import codecs
import json
from typing import Iterator

from analysis.reading.entries import Entry
from analysis.reading.metadata import Record, cells_by_column


def jsonl_records(entry: Entry) -> Iterator[Record]:
    """A JSON Lines file's objects, streamed; row N is line N."""
    with entry.open() as handle:
        for row, line in enumerate(handle, start=1):
            if row == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            if not line.strip():
                continue
            try:
                value = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError as err:
                yield row, f"the line is not UTF-8 (byte 0x{line[err.start]:02x}): re-save the file as UTF-8"
                continue
            except json.JSONDecodeError as err:
                yield row, f"the line is not valid JSON ({err.msg} at column {err.colno}): fix or remove it"
                continue
            except RecursionError:
                yield row, "the line nests lists or objects too deep to be an article's record: fix or remove it"
                continue
            if not isinstance(value, dict):
                yield row, "the line is not a JSON object of column names to values: fix or remove it"
                continue
            yield row, cells_by_column(value.items())
