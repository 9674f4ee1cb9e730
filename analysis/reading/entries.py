"""Where files come from: a folder on disk (its readable files in name order, not recursing) or a file given
by path, as :class:`Entry` records that open their bytes and find a sibling file (a sidecar, the manifest).

Reading stays inside the corpus: a file of a folder (or a sidecar or manifest beside a file) that is a link
to somewhere outside that folder is not read, nor is a file whose name is not UTF-8 (the tables could not
name it); each is a :class:`Skipped` with the reason, or, for a sidecar or manifest, an entry that refuses to
open (:attr:`Entry.refused`) so that what reads it says so.
"""

from __future__ import annotations

import io
import os
import posixpath
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import IO, Callable, Container, Iterator

from analysis.reading.documents import CorpusError, Skipped, Unreadable, printable

#: File endings read as one article each.
ARTICLE_SUFFIXES = (".txt", ".md")


#: File endings read as exports, one article per row.
EXPORT_SUFFIXES = (".csv", ".jsonl", ".json", ".xlsx", ".parquet")


#: File endings read as archives of articles and exports.
ARCHIVE_SUFFIXES = (".zip",)


#: Every file ending read from a folder or an archive.
READ_SUFFIXES = ARTICLE_SUFFIXES + EXPORT_SUFFIXES + ARCHIVE_SUFFIXES


#: The file in a folder that gives metadata for the folder's article files.
MANIFEST_NAME = "metadata.csv"


#: Names (without their ending, any case) of a folder's own documentation: a read-me, licence or list of sources
#: beside the articles describes the corpus and is no article of it, so it is skipped, and said so
#: (:func:`documentation`). The names are those a collection of files conventionally gives its notes (a software
#: project's too): a file named so is not news copy.
DOCUMENTATION_STEMS = frozenset({
    "readme", "license", "licence", "copying", "notice", "changelog", "authors", "credits", "citation", "sources",
})


#: Why a read-me, licence or list of sources is not read, and what to do.
DOCUMENTATION = (
    "a folder's read-me, licence or list of sources describes the corpus and is not read as an article: rename it "
    "(for example to `notes-article.md`) if it is one"
)


#: What a sidecar's name adds to its article's stem.
SIDECAR_SUFFIX = ".meta.json"


#: Why a link out of the corpus folder is not read, and what to do.
OUTSIDE_CORPUS = (
    "it is a link to a file outside the corpus folder, which is not read: copy the file into the folder "
    "if it belongs to the corpus"
)


@dataclass(frozen=True)
class Entry:
    """One file to read, on disk or inside an archive."""

    shown: str  # the path shown in tables and messages
    key: str  # unique across the corpus: the absolute path, or the archive's key and the member's name
    size: int
    open: Callable[[], IO[bytes]]
    sibling: Callable[[str], "Entry | None"]  # another file of the same folder, by name
    disk: Path | None = None  # the file itself, when it is on disk
    refused: str = ""  # why it must not be read (then ``open`` raises :class:`Unreadable` saying so)

    # each asked for several times per article: worked out once (an entry is never changed)
    @cached_property
    def name(self) -> str:
        return file_name(self.shown)

    @cached_property
    def stem(self) -> str:
        return name_stem(self.name)

    @cached_property
    def suffix(self) -> str:
        return name_suffix(self.name).lower()

    def read(self) -> bytes:
        with self.open() as handle:
            return handle.read()


def file_name(path: str) -> str:
    """The last part of a ``/``-separated path, as :class:`PurePosixPath` names it (empty parts and ``.`` left
    out): string operations, where a path object cost more than the rest of reading an article."""
    if "/" not in path and path not in ("", "."):
        return path
    parts = [part for part in path.split("/") if part and part != "."]
    return parts[-1] if parts else ""


def _suffix_at(name: str) -> int:
    """Where ``name``'s suffix starts, as :class:`PurePosixPath` finds it (a last dot that neither starts nor ends
    the name); -1 where it has none."""
    dot = name.rfind(".")
    return dot if 0 < dot < len(name) - 1 else -1


def name_suffix(name: str) -> str:
    """The suffix of a file name, as ``PurePosixPath(name).suffix`` gives it (case kept)."""
    dot = _suffix_at(name)
    return name[dot:] if dot >= 0 else ""


def name_stem(name: str) -> str:
    """The stem of a file name, as ``PurePosixPath(name).stem`` gives it."""
    dot = _suffix_at(name)
    return name[:dot] if dot >= 0 else name


def refused_entry(shown: str, key: str, reason: str, sibling: Callable[[str], "Entry | None"]) -> Entry:
    """An entry that is not to be read: opening it raises :class:`Unreadable` with ``reason``."""

    def refuse() -> IO[bytes]:
        raise Unreadable(reason)

    return Entry(shown, key, 0, refuse, sibling, refused=reason)


def entries(roots: list[Path], *, only: Container[str] | None = None) -> Iterator[Entry | Skipped]:
    """Every file to read under ``roots``: a folder's readable files sorted by name (with ``only``, those of these
    names alone), a file as given; a file that leaves its folder or has a name that is not UTF-8, as a skip."""
    if not roots:
        raise CorpusError("no corpus given: pass a folder of articles or a list of files")
    for root in roots:
        if not root.exists():
            raise CorpusError(printable(f"{root} does not exist: check the path, or create it and add articles"))
    for root in roots:
        if root.is_dir():
            folder = root.resolve()
            # One listing of the folder: its entries say which are links and files without a call per file
            # (a corpus of 10,000 articles is read again on every rebuild), and its names which siblings exist.
            with os.scandir(root) as listing:
                found = sorted(listing, key=lambda item: item.name)
            names = frozenset(item.name for item in found)
            for item in found:
                if only is not None and item.name not in only:
                    continue
                if item.is_file() and is_read(item.name):
                    if documentation(item.name):
                        yield Skipped(item.name, DOCUMENTATION)
                        continue
                    yield _checked(root / item.name, folder, link=item.is_symlink(), names=names)
        else:
            yield _checked(root, root.parent.resolve(), linked=True)


def _checked(
    file: Path, folder: Path, *, linked: bool = False, link: bool = True, names: frozenset[str] | None = None
) -> Entry | Skipped:
    """``file`` as an entry of ``folder``, or why it is skipped; a file given by its own path (``linked``) may
    be a link to anywhere, as the user named it. ``link`` False says that ``file`` is no link (its folder's
    listing says so): then it is ``folder``'s own, and resolving it would only say that again; ``names`` are
    the names in its folder, where the folder was listed."""
    shown = file.name
    if not _is_utf8(shown):
        return Skipped(
            os.fsencode(shown).decode("utf-8", "backslashreplace"),
            "the file name is not UTF-8, so the tables cannot name it: rename the file "
            "(`convmv -f latin1 -t utf-8 --notest <file>` re-encodes a Latin-1 name)",
        )
    if not linked and link and not _inside(file, folder):
        return Skipped(shown, OUTSIDE_CORPUS)
    return disk_entry(file, shown, folder, resolved=None if link else folder / shown, names=names)


def _is_utf8(name: str) -> bool:
    """Whether a name read from disk was valid UTF-8 (Python keeps other bytes as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _inside(file: Path, folder: Path) -> bool:
    """Whether ``file``, links followed, is in ``folder`` (a resolved path) or below it."""
    return file.resolve().is_relative_to(folder)


def documentation(name: str) -> bool:
    """Whether a file of this name in a folder or archive is the corpus's documentation (``README.md``,
    ``LICENSE.txt``: :data:`DOCUMENTATION_STEMS`), skipped rather than read as an article."""
    return name_stem(file_name(name)).lower() in DOCUMENTATION_STEMS


def is_read(name: str) -> bool:
    """Whether a file of this name in a folder or archive is read (the manifest and sidecars are read with their
    articles, not as articles of their own)."""
    suffix = name_suffix(file_name(name)).lower()
    return suffix in READ_SUFFIXES and not describes_others(name)


def describes_others(name: str) -> bool:
    """Whether a file of this name gives metadata to other files of its folder: the manifest or a sidecar."""
    return name == MANIFEST_NAME or name.lower().endswith(SIDECAR_SUFFIX)


def disk_entry(
    file: Path, shown: str, folder: Path, *, resolved: Path | None = None, names: frozenset[str] | None = None
) -> Entry:
    """``file`` shown as ``shown``; its siblings are read only from ``folder`` (a resolved path). ``resolved`` is
    the file's resolved path where it is known, and ``names`` the names of its folder where it was listed (a
    sibling not among them is not looked for on disk)."""

    def sibling(name: str) -> Entry | None:
        if names is not None and name not in names:
            return None
        other = file.parent / name
        if PurePosixPath(name).name != name or not other.is_file():
            return None
        other_shown = posixpath.join(posixpath.dirname(shown), name)
        if not _inside(other, folder):
            return refused_entry(other_shown, str(other), OUTSIDE_CORPUS, sibling)
        return disk_entry(other, other_shown, folder)

    return Entry(shown, str(resolved or file.resolve()), file.stat().st_size, lambda: file.open("rb"), sibling, file)


def random_access(entry: Entry) -> Path | IO[bytes]:
    """The entry in a form that can be seeked cheaply: its path on disk, else its bytes in memory."""
    return entry.disk if entry.disk is not None else io.BytesIO(entry.read())
