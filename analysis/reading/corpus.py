"""Reading a corpus of articles: files and news exports to documents, with the text kept exactly as written.

What is read (a folder in file-name order, not recursing; a list of paths in the order given):

* **Article files**, ``.txt`` and ``.md``: one article each. The text is the file decoded as UTF-8 (or UTF-16
  where a byte-order mark says so; the mark is dropped, line ends are kept as they are). The ``doc_id`` is the
  file name without its ending. Metadata comes from three places; where two give a value, the later wins:
  a ``metadata.csv`` manifest in the same folder (a ``file`` column naming each file, then metadata columns),
  YAML front matter (``.md`` only), and a sidecar ``<name>.meta.json``. The file's own front matter and sidecar
  win over the folder-wide manifest because they are the more specific; empty values never override. The
  manifest is not an article, and a row of it naming a file the folder lacks is warned about.
* **Exports** with one article per row: ``.csv`` (UTF-8, a header row, separated by commas, semicolons or tabs),
  ``.jsonl`` (JSON Lines: one object per line), ``.xlsx`` (the first sheet, a header row; needs openpyxl) and
  ``.parquet``. CSV and JSON Lines are read row by row, Parquet in batches and Excel with openpyxl's streaming
  reader, so a large export is never held twice in memory. Row N is the N-th record after the header (for JSON
  Lines, line N); blank rows (every cell empty) are counted and passed over, as they hold nothing. A row's
  ``path`` is ``export.csv#row=N``, its ``doc_id`` the id column or else ``<file stem>-<N>``, its ``text`` the
  text cell exactly, and its ``sha256`` that of the text's UTF-8 bytes (the per-article cache keys on it).
* **Zip archives** of any of the above, read in member-name order without extracting to disk; paths read
  ``archive.zip/a.txt`` or ``archive.zip/export.csv#row=N``. A manifest or sidecar applies to the files of its
  own folder inside the archive. An Excel or Parquet file inside an archive is read into memory first (both
  formats need random access); macOS's ``__MACOSX/`` debris is passed over.

Column and metadata names are matched case-insensitively, in exports, manifests, front matter and sidecars
alike; of each list the first name present is used: text :data:`TEXT_COLUMNS`, id :data:`ID_COLUMNS`, and the
metadata of :data:`METADATA_COLUMNS` (title, outlet, url, published).

Dates: ``published`` is kept as written. ``published_at`` is it read by pandas, as
``pd.to_datetime(value, utc=True)`` reads it: a date or time without a zone is taken as UTC, a date alone as its
midnight, and ``03/04/2024`` month first. A value without a year (``Aug 13``, ``12:30``, ``now``) is not read,
because pandas would complete it from today's date and the tables would change from run to run. An article
whose date cannot be read is kept, with ``published_at`` empty (NaT) and a warning; it is not listed as skipped.

Every offset in every table points into a document's ``text``. The parser reads :func:`parse_view` instead:
the same text with typographic quotes straightened and front matter blanked, one character for one character,
so offsets in the view *are* offsets in the original and need no mapping back.

What cannot be read as an article is skipped with a one-line :class:`CorpusWarning` that names it and says what
to do, and is listed in the ``skipped`` table; the rest of the corpus is still built. A whole file is skipped
when it is unreadable (not UTF-8, binary, HTML, over the size limit, an export without a text column); a single
export row when its text is empty, HTML or too long, when it does not parse, or when its id repeats an earlier
row's in the same file (the first is kept: exports often list a story twice). A path that does not exist, one
``doc_id`` given by two files or by rows of two files (the same export added twice?), or nothing readable at all
raises :class:`CorpusError`.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import itertools
import json
import math
import posixpath
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath
from typing import IO, Any, Callable, Iterable, Iterator, Mapping, Sequence

import pandas as pd
import yaml

from analysis.datafiles import load_yaml

#: File endings read as one article each.
ARTICLE_SUFFIXES = (".txt", ".md")
#: File endings read as exports, one article per row.
EXPORT_SUFFIXES = (".csv", ".jsonl", ".xlsx", ".parquet")
#: File endings read as archives of articles and exports.
ARCHIVE_SUFFIXES = (".zip",)
#: Every file ending read from a folder or an archive.
READ_SUFFIXES = ARTICLE_SUFFIXES + EXPORT_SUFFIXES + ARCHIVE_SUFFIXES
#: The file in a folder that gives metadata for the folder's article files.
MANIFEST_NAME = "metadata.csv"
#: The manifest's column naming the article file a row describes.
MANIFEST_FILE_COLUMN = "file"
#: What a sidecar's name adds to its article's stem.
SIDECAR_SUFFIX = ".meta.json"
#: Export columns that hold the article text, in order of preference.
TEXT_COLUMNS = ("text", "body", "content")
#: Export columns that hold the article's id, in order of preference.
ID_COLUMNS = ("id", "stories_id")
#: Each metadata field and the names news exports give it, in order of preference.
METADATA_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "media_name", "source", "publisher"),
    "url": ("url",),
    "published": ("published", "publish_date", "date"),
}
#: Separators a CSV header may use; the one it holds most often is taken (Excel writes ';' in many locales).
CSV_DELIMITERS = (",", ";", "\t")
#: The csv module's cell limit (128 KiB by default) is below a long article; this admits any cell.
CSV_FIELD_LIMIT = 2**31 - 1
#: Bytes decoded at a time when checking that an export is UTF-8 before reading its rows.
UTF8_CHECK_BYTES = 1 << 20
#: Rows converted at a time when reading Parquet.
PARQUET_BATCH_ROWS = 1_000
#: Archive folders that hold operating-system debris, never articles (macOS resource forks).
ARCHIVE_DEBRIS = ("__MACOSX/",)
#: Files larger than this are skipped (a 50 MB "article" is an export or a dump, not a story); in an export,
#: a row whose text is larger.
MAX_FILE_BYTES = 10_000_000
#: Characters the parser reads as their plain equivalents; each maps to exactly one character.
PARSE_VIEW_CHARS = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark, the usual apostrophe of edited copy
        "\u201b": "'",
        "\u2032": "'",  # prime, often typed for an apostrophe
        "\u201c": '"',
        "\u201d": '"',
        "\u201f": '"',
        "\u00ab": '"',  # guillemets as used in translated quotes
        "\u00bb": '"',
        "\u00a0": " ",  # no-break space
        "\u202f": " ",
        "\r": " ",  # keeps Windows line ends one character each: "\r\n" reads as " \n"
    }
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_HTML_MARKERS = re.compile(r"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_HTML_TAGS = re.compile(r"</?(?:p|div|span|a|br|script|style|meta|link|li|ul|table|h[1-6])\b[^>]*>", re.I)
#: Control characters other than tab, line feed, form feed and carriage return: never in article text.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
#: A year (four digits, or a two-digit one closing a numeric date). A date without one, a bare time, "now" or
#: "today" would be completed from the clock, and published_at would change from one run to the next.
_YEAR = re.compile(r"\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b")


class CorpusError(Exception):
    """The corpus as a whole cannot be read; the message says which path and what to do."""


class CorpusWarning(UserWarning):
    """One file or row was skipped, or read with a caveat; the message names it and says what to do."""


@dataclass(frozen=True)
class Document:
    """One article: its text exactly as written, and what its metadata says of it."""

    doc_id: str
    path: str
    text: str
    sha256: str
    body_start: int = 0
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: str = ""
    #: ``published`` as a UTC time; None when empty or unreadable.
    published_at: pd.Timestamp | None = None


@dataclass(frozen=True)
class Skipped:
    """A file or export row that was not read as an article, and why."""

    path: str
    reason: str


@dataclass
class Corpus:
    """The documents read (files in name order, an export's rows in file order), and what was skipped."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def parse_view(document: Document) -> str:
    """The text the parser reads: same length as ``document.text``, typographic characters made plain.

    Front matter is replaced by spaces so that it yields no sentences, while every offset still points
    into the original file.
    """
    view = document.text.translate(PARSE_VIEW_CHARS)
    if document.body_start:
        view = re.sub(r"[^\n]", " ", view[: document.body_start]) + view[document.body_start :]
    assert len(view) == len(document.text)
    return view


def read_corpus(paths: str | Path | Sequence[str | Path], *, max_bytes: int = MAX_FILE_BYTES) -> Corpus:
    """Read articles from a folder, a file, or a list of either.

    A folder's ``.txt``/``.md`` articles, ``.csv``/``.jsonl``/``.xlsx``/``.parquet`` exports (one article per
    row) and ``.zip`` archives of those are read, in file-name order, without recursing; a file is read by its
    ending (any other ending as a text article). Column names, metadata precedence, row numbers and dates are
    described in this module's docstring. Bad files and bad rows are skipped with one :class:`CorpusWarning`
    each and listed in ``skipped``; an unreadable date keeps its article, with ``published_at`` empty and a
    warning.

    Args:
        paths: a folder, a single file, or a list of those.
        max_bytes: article files, and export rows whose text is, larger than this are skipped with a warning.

    Returns:
        The readable documents (files in name order, rows in file order), and what was skipped with the reasons.

    Raises:
        CorpusError: a path does not exist, two files or rows give one doc_id, or nothing readable was found.
    """
    roots = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    reader = _Reader(max_bytes)
    corpus = Corpus()
    seen: dict[str, str] = {}
    for entry in _entries(roots):
        for item in reader.read(entry):
            if isinstance(item, Skipped):
                _warn(f"skipped {item.path}: {item.reason}")
                corpus.skipped.append(item)
                continue
            if item.doc_id in seen:
                raise CorpusError(
                    f"{item.path} and {seen[item.doc_id]} both give doc_id {item.doc_id!r}: rename one of them "
                    "(for an export row, change its id)"
                )
            seen[item.doc_id] = item.path
            corpus.documents.append(item)
    if not corpus.documents:
        where = ", ".join(str(r) for r in roots)
        detail = f" ({len(corpus.skipped)} skipped: see the warnings above)" if corpus.skipped else ""
        kinds = ", ".join(READ_SUFFIXES)
        raise CorpusError(
            f"no readable articles ({kinds}) in {where}{detail}: add UTF-8 text files or an export there"
        )
    return corpus


def _warn(message: str) -> None:
    warnings.warn(message, CorpusWarning, stacklevel=3)


# --- where files come from: a folder on disk or an archive -----------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    """One file to read, on disk or inside an archive."""

    shown: str  # the path shown in tables and messages
    key: str  # unique across the corpus: the absolute path, or the archive's key and the member's name
    size: int
    open: Callable[[], IO[bytes]]
    sibling: Callable[[str], "_Entry | None"]  # another file of the same folder, by name
    disk: Path | None = None  # the file itself, when it is on disk

    @property
    def name(self) -> str:
        return PurePosixPath(self.shown).name

    @property
    def stem(self) -> str:
        return PurePosixPath(self.shown).stem

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.shown).suffix.lower()

    def read(self) -> bytes:
        with self.open() as handle:
            return handle.read()


def _entries(roots: list[Path]) -> Iterator[_Entry]:
    """Every file to read under ``roots``: a folder's readable files sorted by name, a file as given."""
    if not roots:
        raise CorpusError("no corpus given: pass a folder of articles or a list of files")
    for root in roots:
        if not root.exists():
            raise CorpusError(f"{root} does not exist: check the path, or create it and add articles")
    for root in roots:
        if root.is_dir():
            yield from (_disk_entry(p, p.name) for p in sorted(root.iterdir()) if p.is_file() and _is_read(p.name))
        else:
            yield _disk_entry(root, root.name)


def _is_read(name: str) -> bool:
    """Whether a file of this name in a folder or archive is read (the manifest is read with its articles)."""
    suffix = PurePosixPath(name).suffix.lower()
    return suffix in READ_SUFFIXES and name != MANIFEST_NAME


def _disk_entry(file: Path, shown: str) -> _Entry:
    def sibling(name: str) -> _Entry | None:
        other = file.parent / name
        if PurePosixPath(name).name != name or not other.is_file():
            return None
        return _disk_entry(other, posixpath.join(posixpath.dirname(shown), name))

    return _Entry(shown, str(file.resolve()), file.stat().st_size, lambda: file.open("rb"), sibling, file)


def _archive_entries(archive: zipfile.ZipFile, shown: str, key: str) -> list[_Entry]:
    """The archive's readable members in name order, as entries shown under the archive's path."""
    members = {info.filename: info for info in archive.infolist() if not info.is_dir()}

    def entry(info: zipfile.ZipInfo) -> _Entry:
        def sibling(name: str) -> _Entry | None:
            other = members.get(posixpath.join(posixpath.dirname(info.filename), name))
            return entry(other) if other else None

        return _Entry(
            f"{shown}/{info.filename}", f"{key}!{info.filename}", info.file_size, lambda: archive.open(info), sibling
        )

    return [
        entry(members[name])
        for name in sorted(members)
        if _is_read(PurePosixPath(name).name) and not name.startswith(ARCHIVE_DEBRIS)
    ]


def _random_access(entry: _Entry) -> Path | IO[bytes]:
    """The entry in a form that can be seeked cheaply: its path on disk, else its bytes in memory."""
    return entry.disk if entry.disk is not None else io.BytesIO(entry.read())


# --- reading: entries to documents and skips -----------------------------------------------------------------


class _Unreadable(Exception):
    """A whole export or manifest cannot be read (further); the message says why and what to do."""


class _Reader:
    """Reads entries into documents and skips, reading each folder's manifest once."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.manifests: dict[str, dict[str, dict[str, str]]] = {}

    def read(self, entry: _Entry) -> Iterator[Document | Skipped]:
        """The documents and skips of one entry, in order."""
        if entry.name == MANIFEST_NAME:
            return  # metadata of its folder's articles, read with them
        if entry.suffix in EXPORT_SUFFIXES:
            yield from _export_documents(entry, self.max_bytes)
        elif entry.suffix in ARCHIVE_SUFFIXES:
            yield from self._read_archive(entry)
        else:
            manifest = entry.sibling(MANIFEST_NAME)
            listed = {}
            if manifest is not None:
                if manifest.key not in self.manifests:
                    self.manifests[manifest.key], problem = _read_manifest(manifest)
                    if problem:
                        yield problem
                listed = self.manifests[manifest.key].get(entry.name, {})
            yield _read_article(entry, self.max_bytes, listed)

    def _read_archive(self, entry: _Entry) -> Iterator[Document | Skipped]:
        try:
            archive = zipfile.ZipFile(_random_access(entry))
        except (zipfile.BadZipFile, OSError) as err:
            yield Skipped(entry.shown, f"not a readable zip archive ({err}): re-create it")
            return
        with archive:
            for member in _archive_entries(archive, entry.shown, entry.key):
                try:
                    yield from self.read(member)
                # zipfile's ways of refusing a member: encrypted (RuntimeError), a compression it lacks, a bad CRC.
                except (RuntimeError, NotImplementedError, zipfile.BadZipFile) as err:
                    yield Skipped(member.shown, f"cannot be read from the archive ({err}): extract it and add it")


def _read_article(entry: _Entry, max_bytes: int, listed: Mapping[str, str]) -> Document | Skipped:
    """One article file; ``listed`` is what the folder's manifest says of it."""
    shown = entry.shown
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
        return Skipped(shown, _not_utf8(data[err.start], err.start))
    problem = _text_problem(text)
    if problem:
        return Skipped(shown, problem)
    front, body_start = _front_matter(text, shown) if entry.suffix == ".md" else ({}, 0)
    if not text[body_start:].strip():
        return Skipped(shown, "the file has metadata but no article text: add the text below the front matter")
    meta = {**listed, **_metadata(front), **_metadata(_sidecar(entry))}
    return _document(entry.stem, shown, text, hashlib.sha256(data).hexdigest(), meta, body_start)


def _document(
    doc_id: str, path: str, text: str, sha256: str, meta: Mapping[str, str], body_start: int = 0
) -> Document:
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
        published_at=_published_at(published, path),
    )


def _not_utf8(byte: int, offset: int) -> str:
    return (
        f"not UTF-8 (byte 0x{byte:02x} at offset {offset}): "
        "re-save it as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`"
    )


def _text_problem(text: str) -> str:
    """Why ``text`` is not article text (an HTML page, control characters); empty when it is."""
    head = text[:4096]
    if _HTML_MARKERS.search(head) or len(_HTML_TAGS.findall(head)) >= 5:
        return "this is an HTML page, not article text: save the article's text only (reader view, copy as text)"
    if _CONTROL_CHARACTERS.search(text, 0, 65536):
        return "it holds control characters, not text: save the article as plain text"
    return ""


def _front_matter(text: str, shown: str) -> tuple[dict, int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        meta = load_yaml(match.group(1)) or {}
    except yaml.YAMLError as err:
        raise CorpusError(f"{shown}: the YAML front matter does not parse ({err.problem}): fix or remove it")
    if not isinstance(meta, dict):
        raise CorpusError(f"{shown}: the front matter is not a mapping of keys to values: fix or remove it")
    return meta, match.end()


def _sidecar(entry: _Entry) -> dict:
    sidecar = entry.sibling(entry.stem + SIDECAR_SUFFIX)
    if sidecar is None:
        return {}
    try:
        meta = json.loads(sidecar.read().decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise CorpusError(f"{sidecar.name} (metadata of {entry.shown}) is not valid JSON ({err}): fix or remove it")
    if not isinstance(meta, dict):
        raise CorpusError(f"{sidecar.name} (metadata of {entry.shown}) must be a JSON object: fix or remove it")
    return meta


def _read_manifest(entry: _Entry) -> tuple[dict[str, dict[str, str]], Skipped | None]:
    """The metadata ``metadata.csv`` gives each file it names, by file name; or why it cannot be used at all.

    A row that cannot be used is warned about; its file is still read, without the row's metadata.
    """
    listed: dict[str, dict[str, str]] = {}
    first_row: dict[str, int] = {}
    try:
        for row, cells in _csv_records(entry):
            where = f"{entry.shown}#row={row}"
            if isinstance(cells, str):
                _warn(f"{where}: {cells}")
                continue
            if MANIFEST_FILE_COLUMN not in cells:
                columns = ", ".join(cells)
                return {}, Skipped(
                    entry.shown,
                    f"the manifest has no `{MANIFEST_FILE_COLUMN}` column (it has: {columns}): "
                    f"name the column holding each article's file name `{MANIFEST_FILE_COLUMN}`",
                )
            name = _cell_text(cells[MANIFEST_FILE_COLUMN]).strip()
            if name in first_row:
                _warn(f"{where}: {name} is already described by row {first_row[name]}, which is used: remove one")
            elif entry.sibling(name) is None:
                _warn(f"{where}: names {name!r}, which is not in the folder: correct the name or remove the row")
            else:
                listed[name] = _metadata(cells)
                first_row[name] = row
    except _Unreadable as err:
        return {}, Skipped(entry.shown, f"the manifest cannot be used: {err}")
    return listed, None


# --- exports: one article per row ----------------------------------------------------------------------------

#: A record of an export: its row number, and its cells by lower-cased column name or why it is unreadable.
_Record = tuple[int, "dict[str, Any] | str"]


def _export_documents(entry: _Entry, max_bytes: int) -> Iterator[Document | Skipped]:
    """The articles of an export, one per row in file order, and a skip for each row that holds none."""
    records = {".csv": _csv_records, ".jsonl": _jsonl_records, ".xlsx": _xlsx_records, ".parquet": _parquet_records}
    first_row: dict[str, int] = {}
    any_row = columns_checked = False
    try:
        for row, cells in records[entry.suffix](entry):
            any_row = True
            where = f"{entry.shown}#row={row}"
            if isinstance(cells, str):
                yield Skipped(where, cells)
                continue
            if not columns_checked and not any(name in cells for name in TEXT_COLUMNS):
                columns = ", ".join(cells)
                yield Skipped(
                    entry.shown,
                    f"no text column (it has: {columns}): name the column holding the article text "
                    f"{' or '.join(TEXT_COLUMNS)}",
                )
                return
            columns_checked = True
            text = _cell_text(_pick(cells, TEXT_COLUMNS))
            problem = _row_text_problem(text, max_bytes)
            if problem:
                yield Skipped(where, problem)
                continue
            doc_id = _cell_text(_pick(cells, ID_COLUMNS)).strip() or f"{entry.stem}-{row}"
            if doc_id in first_row:
                yield Skipped(
                    where,
                    f"id {doc_id!r} repeats row {first_row[doc_id]}'s, which is kept: "
                    "give each article its own id, or remove the repeat",
                )
                continue
            first_row[doc_id] = row
            yield _document(doc_id, where, text, hashlib.sha256(text.encode("utf-8")).hexdigest(), _metadata(cells))
    except _Unreadable as err:
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
    return _text_problem(text)


def _csv_records(entry: _Entry) -> Iterator[_Record]:
    """A CSV file's rows, streamed; the whole file is checked to be UTF-8 first so no row is half read."""
    problem = _utf8_problem(entry)
    if problem:
        raise _Unreadable(problem)
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    row = 0
    with entry.open() as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
        delimiter = max(CSV_DELIMITERS, key=first.count)
        reader = csv.reader(itertools.chain([first], handle), delimiter=delimiter)
        try:
            header = [_column(name) for name in next(reader, [])]
            for row, cells in enumerate(reader, start=1):
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) > len(header):
                    yield row, (
                        f"the row has {len(cells)} cells but the header {len(header)}: "
                        f"quote cells that hold a {delimiter!r}, or fix the row"
                    )
                    continue
                yield row, _cells(itertools.zip_longest(header, cells, fillvalue=""))
        except csv.Error as err:
            raise _Unreadable(f"stopped after row {row}, the CSV does not parse ({err}): fix the file")


def _utf8_problem(entry: _Entry) -> str:
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
                return _not_utf8(err.object[err.start], offset - (len(err.object) - len(chunk)) + err.start)
            if not chunk:
                return ""
            offset += len(chunk)


def _jsonl_records(entry: _Entry) -> Iterator[_Record]:
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
            if not isinstance(value, dict):
                yield row, "the line is not a JSON object of column names to values: fix or remove it"
                continue
            yield row, _cells(value.items())


def _xlsx_records(entry: _Entry) -> Iterator[_Record]:
    """The first sheet's rows, streamed by openpyxl; other sheets holding data are warned about."""
    try:
        from openpyxl import load_workbook
    except ImportError:
        raise _Unreadable("reading .xlsx needs openpyxl: `pip install openpyxl`, or save the sheet as CSV")
    try:
        book = load_workbook(_random_access(entry), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise _Unreadable(f"not a readable Excel workbook ({err}): re-save it as .xlsx, or as CSV")
    try:
        first, *others = book.worksheets
        ignored = [sheet.title for sheet in others if any(map(_filled, sheet.iter_rows(values_only=True)))]
        if ignored:
            _warn(
                f"{entry.shown}: only the first sheet {first.title!r} is read, not {', '.join(map(repr, ignored))}: "
                "move those rows into the first sheet, or save each sheet as its own file"
            )
        rows = first.iter_rows(values_only=True)
        header = [_column(name) for name in next(rows, ())]
        for row, values in enumerate(rows, start=1):
            if _filled(values):
                yield row, _cells(itertools.zip_longest(header, values))
    finally:
        book.close()


def _filled(values: Iterable[Any]) -> bool:
    return any(_cell_text(value).strip() for value in values)


def _parquet_records(entry: _Entry) -> Iterator[_Record]:
    """A Parquet file's rows, a batch at a time."""
    import pyarrow
    import pyarrow.parquet

    try:
        parquet = pyarrow.parquet.ParquetFile(_random_access(entry))
    except (pyarrow.ArrowException, OSError) as err:
        raise _Unreadable(f"not a readable Parquet file ({err}): re-export it")
    with parquet:
        batches = parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS)
        rows = (cells for batch in batches for cells in batch.to_pylist())
        for row, cells in enumerate(rows, start=1):
            yield row, _cells(cells.items())


# --- cells and metadata --------------------------------------------------------------------------------------


def _column(name: Any) -> str:
    """A column name as matched: text, stripped and lower-cased."""
    return _cell_text(name).strip().lower()


def _cells(pairs: Iterable[tuple[Any, Any]]) -> dict[str, Any]:
    """Cells by matched column name; of two columns with one name, the first."""
    cells: dict[str, Any] = {}
    for name, value in pairs:
        cells.setdefault(_column(name), value)
    return cells


def _pick(cells: Mapping[str, Any], names: Sequence[str]) -> Any:
    """The value of the first of ``names`` that is a column; None when none is."""
    return next((cells[name] for name in names if name in cells), None)


def _metadata(values: Mapping[Any, Any]) -> dict[str, str]:
    """Title, outlet, url and published from any mapping of names to values (row, front matter, sidecar).

    Empty values are left out, so that they never override another source's value.
    """
    cells = _cells(values.items())
    found = {key: _cell_text(_pick(cells, names)).strip() for key, names in METADATA_COLUMNS.items()}
    return {key: value for key, value in found.items() if value}


def _cell_text(value: Any) -> str:
    """A cell as text: strings exactly, missing values empty, whole-number floats without '.0' (ids in Excel
    and Parquet), a date or a midnight without a zone as the date alone."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.tzinfo is None and value.time() == time(0):
        return value.date().isoformat()
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _published_at(published: str, where: str) -> pd.Timestamp | None:
    """``published`` as a UTC time (no zone is taken as UTC); None when empty, or unreadable with a warning.

    ``pd.Timestamp`` reads one value exactly as ``pd.to_datetime(value, utc=True)`` does (its ISO parser, then
    dateutil), without the per-call format guessing that costs ~1 ms a row on a large export.
    """
    if not published:
        return None
    try:
        if not _YEAR.search(published):
            raise ValueError("no year")
        stamp = pd.Timestamp(published)
        if stamp is pd.NaT:
            return None
        stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
        # The tables hold nanosecond times: a date outside their range (1677-2262) counts as unreadable.
        return stamp.as_unit("ns")
    except (ValueError, OverflowError):
        _warn(
            f"{where}: published {published!r} is not a full date pandas can read: the article is kept with "
            "published_at empty; write the date with its year, as ISO 8601: 2024-08-13 or 2024-08-13T09:30+02:00"
        )
        return None


def sentence_spans(doc) -> Iterable[tuple[int, int, int]]:
    """``(sentence_id, start, end)`` for each sentence of a parsed ``Doc``, trimmed of surrounding space.

    Sentences that are only whitespace (blank lines the parser set apart) are not counted.
    """
    sentence_id = 0
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        yield sentence_id, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        sentence_id += 1
