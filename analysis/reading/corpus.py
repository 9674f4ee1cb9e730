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
  formats need random access); macOS's ``__MACOSX/`` debris is passed over. An archive inside an archive is
  not read, nor a member whose name is absolute or holds ``..``; each member's declared sizes are checked
  against :mod:`.limits` before it is read (:mod:`.archives`).

Column and metadata names are matched case-insensitively, in exports, manifests, front matter and sidecars
alike; of each list the first name present is used: text :data:`TEXT_COLUMNS`, id :data:`ID_COLUMNS`, and the
metadata of :data:`METADATA_COLUMNS` (title, outlet, url, published). Every other field or column is an extra
field of the document, kept with its name in snake_case and its value as written (:mod:`.extras`).

Dates: ``published`` is kept as written. ``published_at`` is it read by pandas, as
``pd.to_datetime(value, utc=True)`` reads it: a date or time without a zone is taken as UTC, a date alone as its
midnight, and ``03/04/2024`` month first. A value without a year (``Aug 13``, ``12:30``, ``now``) is not read,
because pandas would complete it from today's date and the tables would change from run to run. An article
whose date cannot be read is kept, with ``published_at`` empty (NaT) and a warning; it is not listed as skipped.

Every offset in every table points into a document's ``text``. The parser reads :func:`parse_view` instead:
the same text with typographic quotes straightened and front matter blanked, one character for one character,
so offsets in the view *are* offsets in the original and need no mapping back.

What cannot be read as an article is skipped with a one-line :class:`CorpusWarning` that names it (escaped by
:func:`~analysis.reading.documents.printable`) and says what to do, and is listed in the ``skipped`` table; the
rest of the corpus is still built. A whole file is skipped when it is unreadable (not UTF-8, binary, HTML, over
a limit of :mod:`.limits`, an export without a text column, front matter or a sidecar that cannot be read, a
corrupt archive member, a link out of the corpus folder, a name that is not UTF-8: :mod:`.entries`); a single
export row when its text is empty, HTML, too long or not text, when it does not parse, or when its id repeats
an earlier row's in the same file (the first is kept: exports often list a story twice). A path that does not exist, one
``doc_id`` given by two files or by rows of two files (the same export added twice?), or nothing readable at all
raises :class:`CorpusError`.
"""

from __future__ import annotations

import dataclasses
import zipfile
import zlib
from pathlib import Path
from typing import Container, Iterator, Sequence

from analysis.reading.archives import archive_entries, archive_problem
from analysis.reading.articles import read_article
from analysis.reading.documents import Corpus, CorpusError, Document, Skipped, Unreadable, printable, warn
from analysis.reading.entries import (
    ARCHIVE_SUFFIXES,
    EXPORT_SUFFIXES,
    MANIFEST_NAME,
    READ_SUFFIXES,
    Entry,
    entries,
    random_access,
)
from analysis.reading.exports import export_documents
from analysis.reading.extras import cap_columns
from analysis.reading.limits import DEFAULT_LIMITS, Limits
from analysis.reading.manifests import read_manifest
from analysis.reading.metadata import NOT_LISTED, Listed

#: How reading one file can fail beyond the failures each reader names (a truncated or corrupt archive member:
#: zlib's error, a short read, a bad checksum; an encrypted member or a compression zipfile lacks; a file
#: that vanished or cannot be opened). Each skips the file it happened in, never the corpus.
READ_FAILURES = (
    Unreadable, zlib.error, EOFError, zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, UnicodeError,
)


def read_corpus(
    paths: str | Path | Sequence[str | Path], *, max_bytes: int | None = None, limits: Limits = DEFAULT_LIMITS
) -> Corpus:
    """Read articles from a folder, a file, or a list of either.

    A folder's ``.txt``/``.md`` articles, ``.csv``/``.jsonl``/``.xlsx``/``.parquet`` exports (one article per
    row) and ``.zip`` archives of those are read, in file-name order, without recursing; a file is read by its
    ending (any other ending as a text article). Column names, metadata precedence, row numbers and dates are
    described in this module's docstring. Bad files and bad rows are skipped with one :class:`CorpusWarning`
    each and listed in ``skipped``; an unreadable date keeps its article, with ``published_at`` empty and a
    warning.

    Args:
        paths: a folder, a single file, or a list of those.
        max_bytes: article files, and export rows whose text is, larger than this are skipped with a warning
            (``limits.file_bytes`` when None).
        limits: every limit on what reading expands (:class:`~analysis.reading.limits.Limits`).

    Returns:
        The readable documents (files in name order, rows in file order), and what was skipped with the reasons.

    Raises:
        CorpusError: a path does not exist, two files or rows give one doc_id, or nothing readable was found.
    """
    roots = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    if max_bytes is not None:
        limits = dataclasses.replace(limits, file_bytes=max_bytes)
    reader = _Reader(limits)
    corpus = Corpus()
    seen: dict[str, str] = {}
    for entry in entries(roots):
        for item in reader.read(entry):
            if isinstance(item, Skipped):
                warn(f"skipped {item.path}: {item.reason}")
                corpus.skipped.append(item)
                continue
            if item.doc_id in seen:
                raise CorpusError(printable(
                    f"{item.path} and {seen[item.doc_id]} both give doc_id {item.doc_id!r}: rename one of them "
                    "(for an export row, change its id)"
                ))
            seen[item.doc_id] = item.path
            corpus.documents.append(item)
    _check_extras(corpus, limits)
    if not corpus.documents:
        where = ", ".join(str(r) for r in roots)
        detail = f" ({len(corpus.skipped)} skipped: see the warnings above)" if corpus.skipped else ""
        kinds = ", ".join(READ_SUFFIXES)
        raise CorpusError(printable(
            f"no readable articles ({kinds}) in {where}{detail}: add UTF-8 text files or an export there"
        ))
    return corpus


def read_named(
    root: Path, names: Container[str], *, max_bytes: int | None = None, limits: Limits = DEFAULT_LIMITS
) -> list[Document | Skipped]:
    """The documents and skips that reading the folder ``root`` gives for its files named ``names`` alone, in name
    order, as :func:`read_corpus` reads them (with the folder's manifest and sidecars): for a rebuild that opens only
    the files that changed (:mod:`analysis.reading.reread`). Skips are returned, not warned about; what reading the
    files warns about (a date it cannot read) is warned about."""
    if max_bytes is not None:
        limits = dataclasses.replace(limits, file_bytes=max_bytes)
    reader = _Reader(limits)
    return [item for entry in entries([root], only=names) for item in reader.read(entry)]


def _check_extras(corpus: Corpus, limits: Limits) -> None:
    """Warn once for the articles whose extra fields were cut, and keep at most ``limits.extra_columns`` extra
    field names over the corpus (:func:`~analysis.reading.extras.cap_columns`)."""
    noted = [d for d in corpus.documents if d.extras_note]
    if noted:
        first = noted[0]
        warn(
            f"{len(noted)} article(s) had extra metadata fields cut or left out (first: {first.path}: "
            f"{first.extras_note}): the articles are read; raise Limits.extra_fields or Limits.extra_value_chars "
            "to keep more"
        )
    corpus.documents, left_out = cap_columns(corpus.documents, limits=limits)
    if left_out:
        shown = ", ".join(left_out[:5]) + (f" and {len(left_out) - 5} more" if len(left_out) > 5 else "")
        warn(
            f"the articles name more than {limits.extra_columns} extra metadata fields: the {limits.extra_columns} "
            f"most articles fill are kept, not {shown}; raise Limits.extra_columns to keep more"
        )


class _Reader:
    """Reads entries into documents and skips, reading each folder's manifest once."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.manifests: dict[str, dict[str, Listed]] = {}

    def read(self, entry: Entry | Skipped) -> Iterator[Document | Skipped]:
        """The documents and skips of one entry, in order; a failure while reading it skips what is left of it."""
        if isinstance(entry, Skipped):
            yield entry
            return
        read = 0
        try:
            for item in self._read(entry):
                read += isinstance(item, Document)
                yield item
        except READ_FAILURES as err:
            if isinstance(err, Unreadable):
                reason = str(err)
            else:
                reason = f"it cannot be read ({type(err).__name__}: {err}): re-create or re-save it, or remove it"
            kept = f" ({read} article(s) read from it before this are kept)" if read else ""
            yield Skipped(entry.shown, reason + kept)

    def _read(self, entry: Entry) -> Iterator[Document | Skipped]:
        if entry.name == MANIFEST_NAME:
            return  # metadata of its folder's articles, read with them
        if entry.suffix in EXPORT_SUFFIXES:
            yield from export_documents(entry, self.limits)
        elif entry.suffix in ARCHIVE_SUFFIXES:
            yield from self._read_archive(entry)
        else:
            manifest = entry.sibling(MANIFEST_NAME)
            listed = NOT_LISTED
            if manifest is not None:
                if manifest.key not in self.manifests:
                    self.manifests[manifest.key], problem = read_manifest(manifest, self.limits)
                    if problem:
                        yield problem
                listed = self.manifests[manifest.key].get(entry.name, NOT_LISTED)
            yield read_article(entry, listed, self.limits)

    def _read_archive(self, entry: Entry) -> Iterator[Document | Skipped]:
        try:
            archive = zipfile.ZipFile(random_access(entry))
        except (zipfile.BadZipFile, OSError) as err:
            yield Skipped(entry.shown, f"not a readable zip archive ({err}): re-create it")
            return
        with archive:
            problem = archive_problem(archive.infolist(), self.limits)
            if problem:
                yield Skipped(entry.shown, f"the archive {problem}")
                return
            for member in archive_entries(archive, entry.shown, entry.key, self.limits):
                yield from self.read(member)
