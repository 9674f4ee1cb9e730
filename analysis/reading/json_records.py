"""JSON: JSON Lines (one object per line) and ``.json`` files (one object, an article, or a list of objects), each
object read as an export row with the same field names."""

from __future__ import annotations

import codecs
import json
from typing import Any, Iterator

from analysis.reading.entries import Entry
from analysis.reading.documents import Unreadable
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


def json_value(data: bytes) -> Any:
    """The JSON value a file's bytes hold (a sidecar, a ``.json`` of articles), read as data.

    Raises:
        Unreadable: the bytes are not UTF-8 JSON, or nest too deep to be metadata or articles.
    """
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        raise Unreadable(f"not UTF-8 (byte at offset {err.start}): re-save it as UTF-8") from None
    except json.JSONDecodeError as err:
        raise Unreadable(f"not valid JSON ({err.msg} at line {err.lineno}): fix or remove it") from None
    except RecursionError:
        raise Unreadable("nested too deep (lists or objects inside each other): fix or remove it") from None


def json_records(entry: Entry, max_bytes: int) -> Iterator[Record]:
    """A ``.json`` file's articles: the file's one object as row 0 (the file is the article), or each object of
    its list as row N (a list's other values are rows that are no articles). Research datasets often ship one
    ``.json`` per article."""
    if entry.size > max_bytes:
        raise Unreadable(
            f"{entry.size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit for a JSON file of articles: "
            "split it, or save it as JSON Lines (one article per line)"
        )
    value = json_value(entry.read())
    if isinstance(value, dict):
        yield 0, cells_by_column(value.items())
        return
    if not isinstance(value, list):
        raise Unreadable("holds neither an object nor a list of objects: save each article as a JSON object")
    for row, item in enumerate(value, start=1):
        if isinstance(item, dict):
            yield row, cells_by_column(item.items())
        else:
            yield row, "the list's item is not a JSON object of field names to values: fix or remove it"
