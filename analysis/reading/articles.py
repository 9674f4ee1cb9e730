"""Article files, ``.txt`` and ``.md``: one article each, decoded as UTF-8 (or UTF-16 by its byte-order mark),
with metadata from YAML front matter (``.md``) and a sidecar ``<name>.meta.json``. Whole files that are not
article text (empty, binary, HTML, over the size limit), and articles whose front matter or sidecar cannot be
read (not valid YAML or JSON, not a mapping, over a limit of :mod:`.limits`), are skipped with the reason; a
metadata value that is not text is left empty with a warning."""

from __future__ import annotations

import codecs
import hashlib
import re
from typing import Any, Mapping

import yaml

from analysis.reading.documents import Document, Skipped, Unreadable
from analysis.reading.entries import SIDECAR_SUFFIX, Entry
from analysis.reading.json_records import json_value
from analysis.reading.limits import DEFAULT_LIMITS, Limits, megabytes
from analysis.reading.extras import extra_fields, merged
from analysis.reading.metadata import NOT_LISTED, Listed, cells_by_column, make_document, metadata_of, used_columns
from analysis.reading.user_yaml import YamlRefused, load_user_yaml


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


_HTML_MARKERS = re.compile(r"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)


_HTML_TAGS = re.compile(r"</?(?:p|div|span|a|br|script|style|meta|link|li|ul|table|h[1-6])\b[^>]*>", re.I)


#: Control characters other than tab, line feed, form feed and carriage return: never in article text.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def read_article(entry: Entry, listed: Listed = NOT_LISTED, limits: Limits = DEFAULT_LIMITS) -> Document | Skipped:
    """One article file; ``listed`` is what the folder's manifest says of it. Front matter and sidecar fields
    other than the built-in ones are its extra fields (:mod:`.extras`), a later source's value winning."""
    shown, max_bytes = entry.shown, limits.file_bytes
    if entry.size > max_bytes:
        return Skipped(
            shown,
            f"{entry.size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit for one article: "
            "split it into articles, or raise the limit with --max-bytes",
        )
    data = entry.read()
    if not data.strip():
        return Skipped(shown, "the file is empty: add the article text or remove the file")
    # A UTF-16 byte-order mark names the encoding unambiguously (Windows editors save "Unicode" so).
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    if encoding != "utf-16" and b"\x00" in data:
        return Skipped(shown, "the file is binary, not text: save the article as plain UTF-8 text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        return Skipped(shown, not_utf8(data[err.start], err.start))
    problem = text_problem(text)
    if problem:
        return Skipped(shown, problem)
    try:
        front, body_start = _front_matter(text, limits) if entry.suffix == ".md" else ({}, 0)
        sidecar = _sidecar(entry, limits)
    except Unreadable as err:
        return Skipped(shown, str(err))
    if not text[body_start:].strip():
        return Skipped(shown, "the file has metadata but no article text: add the text below the front matter")
    listed_meta, listed_extras = listed
    meta = {**listed_meta, **(metadata_of(front, f"{shown} front matter") if front else {}),
            **(metadata_of(sidecar, f"{shown} sidecar") if sidecar else {})}
    extras, note = merged([listed_extras, *(_extras(values, limits) for values in (front, sidecar))], limits=limits)
    return make_document(entry.stem, shown, text, hashlib.sha256(data).hexdigest(), meta, body_start, extras, note)


def _extras(values: Mapping[str, Any], limits: Limits) -> tuple[dict[str, Any], str]:
    """The extra fields of front matter or a sidecar (every key but the built-in fields)."""
    if not values:  # most articles have neither: nothing to look through (a corpus is read on every rebuild)
        return {}, ""
    cells = cells_by_column(values.items())
    return extra_fields(cells, used_columns(cells, with_id=False), limits=limits)


def not_utf8(byte: int, offset: int) -> str:
    return (
        f"not UTF-8 (byte 0x{byte:02x} at offset {offset}): "
        "re-save it as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`"
    )


def text_problem(text: str) -> str:
    """Why ``text`` is not article text (an HTML page, control characters); empty when it is."""
    head = text[:4096]
    if _HTML_MARKERS.search(head) or len(_HTML_TAGS.findall(head)) >= 5:
        return "this is an HTML page, not article text: save the article's text only (reader view, copy as text)"
    if _CONTROL_CHARACTERS.search(text, 0, 65536):
        return "it holds control characters, not text: save the article as plain text"
    return ""


def _front_matter(text: str, limits: Limits) -> tuple[dict, int]:
    """The front matter's mapping and where the body starts; no front matter gives ``({}, 0)``.

    Raises:
        Unreadable: the front matter is not valid YAML, not a mapping, or over a limit.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        meta = load_user_yaml(match.group(1), limits=limits)
    except YamlRefused as err:
        raise Unreadable(f"the YAML front matter is refused: {err}") from None
    except yaml.YAMLError as err:
        problem = getattr(err, "problem", None) or "it cannot be parsed"
        raise Unreadable(f"the YAML front matter does not parse ({problem}): fix or remove it") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise Unreadable("the front matter is not a mapping of keys to values: fix or remove it")
    return meta, match.end()


def _sidecar(entry: Entry, limits: Limits) -> dict[str, Any]:
    """The sidecar's object; empty when the article has none.

    Raises:
        Unreadable: the sidecar cannot be read, is not a JSON object, or is over the metadata limit.
    """
    sidecar = entry.sibling(entry.stem + SIDECAR_SUFFIX)
    if sidecar is None:
        return {}
    which = f"its sidecar {sidecar.name}"
    if sidecar.size > limits.metadata_bytes:
        raise Unreadable(
            f"{which} is {megabytes(sidecar.size)}, over the {megabytes(limits.metadata_bytes)} limit for "
            "metadata: shorten it, or raise Limits.metadata_bytes"
        )
    try:
        data = sidecar.read()
    except Unreadable as err:
        raise Unreadable(f"{which} cannot be read: {err}") from None
    try:
        meta = json_value(data)
    except Unreadable as err:
        raise Unreadable(f"{which} is {err}") from None
    if not isinstance(meta, dict):
        raise Unreadable(f"{which} must be a JSON object of keys to values: fix or remove it")
    return meta
