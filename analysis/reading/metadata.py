"""Metadata shared by every format: which column or key holds the text, the id, the title, outlet, url and
publication date; cell values as text; dates read into UTC times that never depend on today's date."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from analysis.reading.documents import Document, warn

#: Export columns that hold the article text, in order of preference.
TEXT_COLUMNS = ("text", "body", "content")
#: What datasets add to a text column's name for the text as published, beside a tokenised copy
#: (``content`` / ``content_original``): a column so named is preferred to the plain one.
ORIGINAL_TEXT_SUFFIXES = ("_original", "_raw", "_untokenized", "_untokenised")
#: Marks of text split into tokens by a tokeniser (Penn Treebank style): a space before a clitic or a
#: punctuation mark, bracket tokens, LaTeX-style quotes. Published copy has almost none of them.
_TOKENISED_MARKS = re.compile(r" n't\b| '(?:s|re|ve|ll|d|m)\b|-[LR][RSC]B-|``| ''| [,.;:!?](?=\s|$)")
#: Marks per thousand characters above which a text reads as tokenised.
TOKENISED_MARKS_PER_1000 = 4.0


#: Export columns that hold the article's id, in order of preference.
ID_COLUMNS = ("id", "stories_id")


#: Each metadata field and the names news exports give it, in order of preference.
METADATA_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "media_name", "source", "publisher"),
    "url": ("url",),
    # `published_at` is the name of the table's own column: a user who writes it in front matter means the date
    "published": (
        "published", "published_at", "publish_date", "published_date", "publication_date", "date_published",
        "datepublished", "pubdate", "date",
    ),
}


#: A year (four digits, or a two-digit one closing a numeric date). A date without one, a bare time, "now" or
#: "today" would be completed from the clock, and published_at would change from one run to the next.
_YEAR = re.compile(r"\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b")

#: A record of an export: its row number, and its cells by lower-cased column name or why it is unreadable.
Record = tuple[int, "dict[str, Any] | str"]
#: What a ``metadata.csv`` row says of its file: the built-in fields, and the extra fields
#: (:mod:`analysis.reading.extras`) with what of them was cut.
Listed = tuple[dict[str, str], tuple[dict[str, Any], str]]
#: What a manifest says of a file it does not name.
NOT_LISTED: Listed = ({}, ({}, ""))


def make_document(
    doc_id: str,
    path: str,
    text: str,
    sha256: str,
    meta: Mapping[str, str],
    body_start: int = 0,
    extras: Sequence[tuple[str, Any]] = (),
    extras_note: str = "",
) -> Document:
    """A document of its text and metadata; ``extras`` are its extra fields as :mod:`.extras` keeps them, and
    ``extras_note`` says what of them was cut or left out (empty when nothing was)."""
    published = meta.get("published", "")
    return Document(
        doc_id=doc_id,
        path=path,
        text=text,
        sha256=sha256,
        body_start=body_start,
        title=meta.get("title", ""),
        outlet=meta.get("outlet", ""),
        url=meta.get("url", ""),
        published=published,
        published_at=read_published_at(published, path),
        extras=tuple(extras),
        extras_note=extras_note,
    )


class NotText(ValueError):
    """A value that is not text where text is expected (a list, a mapping, bytes, true/false); the message
    says what it is ("a list")."""


#: What a cell may hold and be read as text: text, a number (ids in Excel and Parquet, a year), a date or a
#: time. Anything else (a list, a mapping, bytes, true/false) is refused rather than written out as Python
#: would print it ("[1, 2]", "b'\\xff'").
_TEXT_LIKE = (str, int, float, Decimal, date, time)


def kind_of(value: Any) -> str:
    """What a value that is not text is, for messages: "a list", "a mapping", "bytes", "true/false"."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (list, tuple, set)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (bytes, bytearray)):
        return "bytes"
    if isinstance(value, (int, float, Decimal)):
        return "a number"
    return f"a {type(value).__name__}"


def column_name(name: Any) -> str:
    """A column name as matched: text, stripped and lower-cased; a name that is not text matches nothing."""
    try:
        return cell_text(name).strip().lower()
    except NotText:
        return ""


class Cells(dict):
    """A record's cells by matched column name (:func:`column_name`), and each name as the record wrote it
    (``written``: "Political Lean" for ``political lean``), from which extra fields take their names."""

    def __init__(self) -> None:
        super().__init__()
        self.written: dict[str, str] = {}


def cells_by_column(pairs: Iterable[tuple[Any, Any]]) -> Cells:
    """Cells by matched column name; of two columns with one name, the first."""
    cells = Cells()
    for name, value in pairs:
        matched = column_name(name)
        if matched not in cells:
            cells[matched] = value
            cells.written[matched] = cell_text(name).strip() if matched else ""
    return cells


def used_columns(cells: Mapping[str, Any], *, with_id: bool) -> set[str]:
    """The columns a record's built-in fields are read from: every column that may hold the text
    (:func:`text_columns`: the published text and its tokenised copy alike), the first present of each
    :data:`METADATA_COLUMNS` list, and with ``with_id`` (an export row) of :data:`ID_COLUMNS`. The record's other
    columns are its extra fields, and so is a metadata column holding no text (a mapping or a list, which
    :func:`metadata_of` leaves empty): ``source: {id, name}`` is kept as extra fields, not lost."""
    lists = [*METADATA_COLUMNS.values(), *([ID_COLUMNS] if with_id else [])]
    used = {next((name for name in names if name in cells), "") for names in lists}
    used = {name for name in used if name and _is_text_like(cells[name])}
    return used | set(text_columns(cells))


def _is_text_like(value: Any) -> bool:
    try:
        cell_text(value)
    except NotText:
        return False
    return True


def pick(cells: Mapping[str, Any], names: Sequence[str]) -> Any:
    """The value of the first of ``names`` that is a column; None when none is."""
    return next((cells[name] for name in names if name in cells), None)


def metadata_of(values: Mapping[Any, Any], where: str) -> dict[str, str]:
    """Title, outlet, url and published from any mapping of names to values (row, front matter, sidecar);
    ``where`` names the source in warnings.

    Empty values are left out, so that they never override another source's value; so is a value that is not
    text (a list, a mapping, bytes, true/false), with a warning: the article is kept without it.
    """
    cells = cells_by_column(values.items())
    found = {}
    for key, names in METADATA_COLUMNS.items():
        value = pick(cells, names)
        try:
            found[key] = cell_text(value).strip()
        except NotText as err:
            warn(f"{where}: {key} is {err}, not text: it is left empty; write it as text")
    return {key: value for key, value in found.items() if value}


def text_columns(cells: Mapping[str, Any]) -> list[str]:
    """The columns that may hold the article text, most wanted first: for each of :data:`TEXT_COLUMNS`, its
    published form (:data:`ORIGINAL_TEXT_SUFFIXES`) before itself."""
    names = [name + suffix for name in TEXT_COLUMNS for suffix in (*ORIGINAL_TEXT_SUFFIXES, "")]
    return [name for name in names if name in cells]


def looks_tokenised(text: str) -> bool:
    """True when ``text`` reads as the output of a tokeniser (``do n't``, ``-LRB-``, a space before commas)."""
    return len(_TOKENISED_MARKS.findall(text)) * 1000 > TOKENISED_MARKS_PER_1000 * max(len(text), 1)


def pick_text(cells: Mapping[str, Any], where: str) -> str:
    """The row's article text: the first filled column of :func:`text_columns` that does not read as tokenised,
    else the first filled one, with a warning that the text looks tokenised (offsets and quotes then follow
    the tokens, not the published article).

    Raises:
        NotText: the chosen cell holds something other than text.
    """
    filled = [(name, article_text(cells[name])) for name in text_columns(cells) if not _missing(cells[name])]
    filled = [(name, text) for name, text in filled if text.strip()]
    if not filled:
        return ""
    for name, text in filled:
        if not looks_tokenised(text):
            return text
    name, text = filled[0]
    warn(
        f"{where}: the text in `{name}` looks tokenised (spaces before punctuation, \"n't\", -LRB-): quotes and "
        "names may be misread; give the published text in a column such as `text` or `content_original`"
    )
    return text


def article_text(value: Any) -> str:
    """An export's text cell: text exactly, empty when missing.

    Raises:
        NotText: the cell holds anything else, a number included (a number is not an article).
    """
    if _missing(value):
        return ""
    if not isinstance(value, str):
        raise NotText(kind_of(value))
    return value


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT


def cell_text(value: Any) -> str:
    """A cell as text: strings exactly, missing values empty, whole-number floats without '.0' (ids in Excel
    and Parquet), a date or a midnight without a zone as the date alone.

    Raises:
        NotText: the cell holds a list, a mapping, bytes, true/false or another object that is not text, a
            number or a date.
    """
    if _missing(value):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, _TEXT_LIKE):
        raise NotText(kind_of(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.tzinfo is None and value.time() == time(0):
        return value.date().isoformat()
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def utc_time(value: str | date | datetime) -> pd.Timestamp | None:
    """A date or time (text with a year, or a ``date``/``datetime``) as a nanosecond UTC time, no zone taken
    as UTC; None when empty.

    ``pd.Timestamp`` reads one value exactly as ``pd.to_datetime(value, utc=True)`` does (its ISO parser, then
    dateutil), without the per-call format guessing that costs ~1 ms a row on a large export.

    Raises:
        ValueError: text without a year (pandas would complete it from today's date), or that pandas cannot
            read, or a time outside the tables' range (1677-2262).
        OverflowError: a date pandas cannot hold.
    """
    if isinstance(value, str) and not _YEAR.search(value):
        raise ValueError("no year")
    stamp = pd.Timestamp(value)
    if stamp is pd.NaT:
        return None
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    # The tables hold nanosecond times: a date outside their range (1677-2262) counts as unreadable.
    return stamp.as_unit("ns")


def read_published_at(published: str, where: str) -> pd.Timestamp | None:
    """``published`` as a UTC time (:func:`utc_time`); None when empty, or unreadable with a warning."""
    if not published:
        return None
    try:
        return utc_time(published)
    except (ValueError, OverflowError):
        warn(
            f"{where}: published {published!r} is not a full date pandas can read: the article is kept with "
            "published_at empty; write the date with its year, as ISO 8601: 2024-08-13 or 2024-08-13T09:30+02:00"
        )
        return None
