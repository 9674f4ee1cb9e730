"""Where files come from: a folder on disk (its readable files in name order, not recursing) or a file given
by path, as :class:`Entry` records that open their bytes and find a sibling file (a sidecar, the manifest)."""

from __future__ import annotations

import io
import posixpath
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Callable, Iterator

from analysis.reading.documents import CorpusError

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


#: What a sidecar's name adds to its article's stem.
SIDECAR_SUFFIX = ".meta.json"


@dataclass(frozen=True)
class Entry:
    """One file to read, on disk or inside an archive."""

    shown: str  # the path shown in tables and messages
    key: str  # unique across the corpus: the absolute path, or the archive's key and the member's name
    size: int
    open: Callable[[], IO[bytes]]
    sibling: Callable[[str], "Entry | None"]  # another file of the same folder, by name
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


def entries(roots: list[Path]) -> Iterator[Entry]:
    """Every file to read under ``roots``: a folder's readable files sorted by name, a file as given."""
    if not roots:
        raise CorpusError("no corpus given: pass a folder of articles or a list of files")
    for root in roots:
        if not root.exists():
            raise CorpusError(f"{root} does not exist: check the path, or create it and add articles")
    for root in roots:
        if root.is_dir():
            yield from (disk_entry(p, p.name) for p in sorted(root.iterdir()) if p.is_file() and is_read(p.name))
        else:
            yield disk_entry(root, root.name)


def is_read(name: str) -> bool:
    """Whether a file of this name in a folder or archive is read (the manifest is read with its articles)."""
    suffix = PurePosixPath(name).suffix.lower()
    return suffix in READ_SUFFIXES and name != MANIFEST_NAME


def disk_entry(file: Path, shown: str) -> Entry:
    def sibling(name: str) -> Entry | None:
        other = file.parent / name
        if PurePosixPath(name).name != name or not other.is_file():
            return None
        return disk_entry(other, posixpath.join(posixpath.dirname(shown), name))

    return Entry(shown, str(file.resolve()), file.stat().st_size, lambda: file.open("rb"), sibling, file)


def random_access(entry: Entry) -> Path | IO[bytes]:
    """The entry in a form that can be seeked cheaply: its path on disk, else its bytes in memory."""
    return entry.disk if entry.disk is not None else io.BytesIO(entry.read())
