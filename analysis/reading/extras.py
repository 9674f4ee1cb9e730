"""Extra metadata fields: every field or column of an article's record beyond the ones the reader reads itself
(the text, the id, title, outlet, url and date), kept so that a corpus can be compared by its own metadata
(a political lean, a section, a topic, authors).

What is kept, from exports (CSV, JSON Lines, ``.json``, Excel, Parquet), front matter, sidecars and
``metadata.csv`` alike (where two give one field, the later wins, as for the built-in fields):

* **Names** in snake_case (:func:`snake_case`): "Political Lean" and ``politicalLean`` are ``political_lean``.
  A name that is a column of the ``documents`` table already (:data:`BUILT_IN_COLUMNS`: ``path``,
  ``n_words``, ``published_at``, ...) gets the suffix :data:`CLASH_SUFFIX` (``path_field``); a second field of
  one record with the same snake_case name gets ``_2``. A field without a name is left out. Every column that
  may hold the article text (``text``, ``content``, ``content_original``, ...) is the text, never an extra
  field: a dataset's tokenised copy of the text is not kept a second time.
* **Values** as written: text (stripped), a number, or a date or time as its reader gives it; true/false as
  ``true``/``false``; a list (authors) as its items joined with ``"; "``; a mapping (``source: {id, name}``)
  as one field per key (``source_id``, ``source_name``), a mapping or list deeper than that as JSON text.
  Empty values are missing. Bytes are left out.
* **Limits** (:mod:`.limits`): at most ``Limits.extra_fields`` fields per article (the first in the record's
  order), values cut at ``Limits.extra_value_chars`` characters (ending in "…"), and at most
  ``Limits.extra_columns`` names over the corpus (those most articles fill; :func:`cap_columns`). What is cut is
  noted on the document, and the corpus read warns once.

The ``documents`` table holds them after its own columns, sorted by name, each typed over the whole corpus
(:func:`typed_column`): a column whose every value is a whole number is ``Int64``, any number ``float64``, a
date or time ``datetime64[ns, UTC]`` (as ``published_at``), anything else text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from analysis.reading.documents import Document
from analysis.reading.limits import DEFAULT_LIMITS, Limits
from analysis.reading.metadata import Cells, NotText, cell_text, kind_of, utc_time

#: The columns of the ``documents`` table the reader fills itself (``analysis.building.schema.Documents``):
#: an extra field of one of these names is kept as ``<name>`` + :data:`CLASH_SUFFIX`.
BUILT_IN_COLUMNS = frozenset({
    "doc_id", "path", "title", "outlet", "url", "published", "published_at", "n_chars", "n_words",
    "n_sentences", "sha256",
})
#: What an extra field's name takes when it is a built-in column's.
CLASH_SUFFIX = "_field"
#: What joins a list's items (authors, tags) into one value.
LIST_SEPARATOR = "; "
#: What ends a value cut at the limit.
CUT_MARK = "\u2026"

#: A whole number as text: an optional sign, no leading zero (``02139`` is a code, not a number).
_INTEGER = re.compile(r"[+-]?(?:0|[1-9]\d*)")
#: A number with a decimal part or an exponent, the same way.
_DECIMAL = re.compile(r"[+-]?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
#: A date as datasets write it, ISO 8601 (``2020-03-15``, ``2020/03/15``, with a time and a zone or not).
_ISO_DATE = re.compile(
    r"\d{4}[-/]\d{2}[-/]\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"
#: A date with its month's name and a four-digit year ("March 15, 2020", "15 Mar 2020 10:00 GMT", RFC 2822),
#: with a time and a numeric or UTC zone or not. Zone abbreviations other than UTC and GMT (EST, IST) are
#: ambiguous: such a value stays text.
_NAMED_DATE = re.compile(
    rf"(?:{_WEEKDAY})?(?:\d{{1,2}}\s+{_MONTH},?|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?)\s+\d{{4}}"
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?(?:\s*(?:UTC|GMT|Z|[+-]\d{2}:?\d{2}))?",
    re.IGNORECASE,
)
#: The largest whole number an ``Int64`` column holds; a longer one (an id) stays text.
_INT64_MAX = 2**63 - 1


def snake_case(name: str) -> str:
    """``name`` in snake_case: words split at spaces, punctuation and lower-to-upper case changes, lowercased,
    joined by ``_`` ("Political Lean" and ``politicalLean``: ``political_lean``; ``sourceURL``: ``source_url``).
    Letters of any script are kept; a name with no letter or digit gives ``""``."""
    name = unicodedata.normalize("NFKC", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"[\W_]+", "_", name.lower()).strip("_")


def extra_fields(
    cells: Cells, used: Iterable[str] = (), *, limits: Limits = DEFAULT_LIMITS
) -> tuple[dict[str, Any], str]:
    """A record's extra fields by snake_case name, in the record's order, and what of them was cut or left out
    (empty when nothing was); ``used`` are the matched names of the columns the reader read itself
    (:func:`~analysis.reading.metadata.used_columns`), which are no extra fields."""
    fields: dict[str, Any] = {}
    notes: list[str] = []
    skip = set(used)
    for matched, value in cells.items():
        if matched in skip or not matched:
            continue
        name = snake_case(cells.written.get(matched, matched))
        if not name:
            continue
        pairs = _flattened(name, value) if isinstance(value, Mapping) else [(name, value)]
        for key, item in pairs:
            try:
                kept, cut = _value(item, limits.extra_value_chars)
            except NotText as err:
                notes.append(f"`{key}` holds {err}, left out")
                continue
            if kept is None:
                continue
            if cut:
                notes.append(f"`{key}` cut at {limits.extra_value_chars:,} characters")
            if len(fields) == limits.extra_fields:
                notes.append(f"fields after the first {limits.extra_fields} left out")
                return fields, "; ".join(dict.fromkeys(notes))
            fields[_unique(_unclashed(key), fields)] = kept
    return fields, "; ".join(dict.fromkeys(notes))


def merged(sources: Sequence[tuple[dict[str, Any], str]], *, limits: Limits = DEFAULT_LIMITS) -> tuple[tuple[tuple[str, Any], ...], str]:
    """The extra fields of several sources of one article's metadata (a manifest row, front matter, a
    sidecar), a later source's value winning, as ``(name, value)`` pairs; at most ``limits.extra_fields`` of
    them. With what was cut or left out."""
    fields: dict[str, Any] = {}
    notes = [note for _, note in sources if note]
    for source, _ in sources:
        fields.update(source)
    if len(fields) > limits.extra_fields:
        fields = dict(list(fields.items())[: limits.extra_fields])
        notes.append(f"fields after the first {limits.extra_fields} left out")
    return tuple(fields.items()), "; ".join(dict.fromkeys(notes))


def _flattened(name: str, mapping: Mapping) -> list[tuple[str, Any]]:
    """One field per key of a mapping (``source: {id, name}``: ``source_id``, ``source_name``)."""
    pairs = []
    for key, value in mapping.items():
        try:
            suffix = snake_case(cell_text(key))
        except NotText:
            suffix = ""
        if suffix:
            pairs.append((f"{name}_{suffix}", value))
    return pairs


def _unclashed(name: str) -> str:
    return name + CLASH_SUFFIX if name in BUILT_IN_COLUMNS else name


def _unique(name: str, taken: Mapping[str, Any]) -> str:
    """``name``, or ``name_2``, ``name_3``, ... when the record has a field of that name already."""
    if name not in taken:
        return name
    number = 2
    while f"{name}_{number}" in taken:
        number += 1
    return f"{name}_{number}"


def _value(value: Any, max_chars: int) -> tuple[str | int | float | date | datetime | None, bool]:
    """One extra field's value as kept: text stripped and cut at ``max_chars``, a number or a date as read,
    true/false as text, a list's items joined, a nested mapping or list as JSON text; None when empty. With
    whether it was cut.

    Raises:
        NotText: the value is bytes or another object that is no text, number, date, list or mapping.
    """
    if isinstance(value, (bytes, bytearray)):
        raise NotText(kind_of(value))
    if isinstance(value, bool):
        return ("true" if value else "false"), False
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return None, False
    if isinstance(value, Decimal):
        return float(value), False
    if isinstance(value, (int, float, date, datetime)):
        return value, False
    if isinstance(value, (list, tuple, set)):
        text = _joined(sorted(value, key=str) if isinstance(value, set) else value, max_chars)
    elif isinstance(value, Mapping):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    else:
        text = value if isinstance(value, str) else cell_text(value)
    text = text.strip()
    if not text:
        return None, False
    if len(text) <= max_chars:
        return text, False
    return text[: max_chars - 1] + CUT_MARK, True


def _joined(items: Iterable[Any], max_chars: int) -> str:
    """A list's items as text joined with :data:`LIST_SEPARATOR`, empty items left out; a list holding lists or
    mappings as JSON text. Stops once the text is longer than ``max_chars`` (the caller cuts it)."""
    items = list(items)
    if any(isinstance(item, (list, tuple, set, Mapping)) for item in items):
        return json.dumps(items, ensure_ascii=False, sort_keys=True, default=str)
    parts: list[str] = []
    length = 0
    for item in items:
        try:
            text = "" if item is None else ("true" if item is True else "false" if item is False else cell_text(item))
        except NotText:
            continue
        text = text.strip()
        if text:
            parts.append(text)
            length += len(text) + len(LIST_SEPARATOR)
            if length > max_chars:
                break
    return LIST_SEPARATOR.join(parts)


def cap_columns(documents: Sequence[Document], *, limits: Limits = DEFAULT_LIMITS) -> tuple[list[Document], list[str]]:
    """``documents`` with at most ``limits.extra_columns`` extra field names over the corpus: those most
    documents fill, ties by name; and the names left out, sorted."""
    counts = Counter(name for document in documents for name, _ in document.extras)
    if len(counts) <= limits.extra_columns:
        return list(documents), []
    ranked = sorted(counts, key=lambda name: (-counts[name], name))
    kept = set(ranked[: limits.extra_columns])
    capped = [
        replace(document, extras=tuple((n, v) for n, v in document.extras if n in kept))
        if any(n not in kept for n, _ in document.extras) else document
        for document in documents
    ]
    return capped, sorted(ranked[limits.extra_columns :])


# --- the documents table's extra columns ------------------------------------------------------------------------


def extra_columns(documents: Sequence[Document]) -> pd.DataFrame:
    """The extra fields of ``documents`` as columns, one row per document in order, sorted by name, each typed
    by :func:`typed_column`; no columns when no document has any."""
    names = sorted({name for document in documents for name, _ in document.extras})
    values = [dict(document.extras) for document in documents]
    return pd.DataFrame({name: typed_column([row.get(name) for row in values]) for name in names},
                        index=pd.RangeIndex(len(documents)))


def typed_column(values: Sequence[Any]) -> pd.Series:
    """One extra field's values over the corpus (None where missing) as a column: ``Int64`` when every value
    is a whole number (as a number, or as text such as ``"42"``), ``float64`` when every value is a number,
    ``datetime64[ns, UTC]`` when every value is a date or time (a date object, or ISO 8601 or month-name text
    with a four-digit year: :data:`_ISO_DATE`, :data:`_NAMED_DATE`), else text, with ``""`` where missing."""
    read = [_typed(value) for value in values]
    kinds = {kind for kind, _ in read if kind}
    if kinds == {"int"}:
        return pd.Series([value for _, value in read], dtype="Int64")
    if kinds and kinds <= {"int", "float"}:
        return pd.Series([float("nan") if value is None else float(value) for _, value in read], dtype="float64")
    if kinds == {"date"}:
        return pd.Series([pd.NaT if value is None else value for _, value in read], dtype="datetime64[ns, UTC]")
    return pd.Series([_text(value) for value in values], dtype="str")


def _typed(value: Any) -> tuple[str, Any]:
    """``(kind, value)``: ``int``, ``float``, ``date`` or ``text``, with the value as that kind holds it;
    ``("", None)`` when missing."""
    if value is None or value == "":
        return "", None
    if isinstance(value, bool):
        return "text", value
    if isinstance(value, int):
        return ("int", value) if abs(value) <= _INT64_MAX else ("text", value)
    if isinstance(value, float):
        return "float", value
    if isinstance(value, (date, datetime)):
        return _date(value)
    if not isinstance(value, str):
        return "text", value
    if _INTEGER.fullmatch(value):
        number = int(value)
        return ("int", number) if abs(number) <= _INT64_MAX else ("text", value)
    if _DECIMAL.fullmatch(value):
        return "float", float(value)
    if _ISO_DATE.fullmatch(value) or _NAMED_DATE.fullmatch(value):
        return _date(value)
    return "text", value


def _date(value: str | date | datetime) -> tuple[str, Any]:
    try:
        stamp = utc_time(value)
    except (ValueError, OverflowError):
        return "text", value
    return ("date", stamp) if stamp is not None else ("", None)


def _text(value: Any) -> str:
    """A value of a text column: text as it is, a number or a date as :func:`cell_text` writes it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return cell_text(value)
