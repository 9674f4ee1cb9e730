"""A content-addressed cache of each article's rows, so that an unchanged article is never parsed twice.

An entry holds everything the build made from one article (its rows for every table, its word and sentence
counts, the stages that failed) and is keyed by two things:

* the article: the SHA-256 of its bytes (of its text, for a row of an export) and where its body starts;
* a fingerprint of everything else that changes results: this package's version and source, every data file
  under ``analysis/data/``, the spaCy version, the English model's name and version, the actor catalogue in
  use, and the build options.

Entries live under ``<out>/.cache/<fingerprint>/``; a build that changes the fingerprint (a new lexicon, a
new model) starts an empty folder and removes the stale ones when it finishes. Every entry is written to a
temporary file and renamed into place, so an interrupted build leaves no half-written entry, and the next
build goes on from the entries that are there.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable, Mapping

import spacy

from analysis.reading import Document

#: Folder under the output folder that holds the cache.
CACHE_DIR = ".cache"
#: Bumped when the layout of an entry changes, so that old entries are never misread.
ENTRY_FORMAT = 1
PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def document_key(document: Document) -> str:
    """What identifies an article's content: the hash of its bytes and where its body starts."""
    return hashlib.sha256(f"{document.sha256}:{document.body_start}".encode()).hexdigest()


@lru_cache(maxsize=1)
def _package_digest() -> str:
    """One hash over this package's source and data files (a code or lexicon change changes results)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_ROOT.rglob("*")):
        if path.is_file() and (path.suffix == ".py" or "data" in path.relative_to(PACKAGE_ROOT).parts):
            if "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(PACKAGE_ROOT).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def fingerprint(*, model: str, catalogue: str, options: Mapping[str, Any] | None = None) -> str:
    """The hash of everything besides the article that changes its rows.

    Args:
        model: the spaCy model package in use (its installed version is read here).
        catalogue: a fingerprint of the actor catalogue in use.
        options: build options that change results, as plain values.
    """
    parts = [
        f"entry-format={ENTRY_FORMAT}",
        f"newsroom-claims={_version('newsroom-claims')}",
        f"source={_package_digest()}",
        f"spacy={spacy.__version__}",
        f"model={model}=={_version(model.replace('_', '-'))}",
        f"catalogue={catalogue}",
        *(f"option:{k}={options[k]!r}" for k in sorted(options or {})),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


@dataclass(frozen=True)
class Cache:
    """The entries of one fingerprint under one output folder."""

    root: Path
    fingerprint: str

    @classmethod
    def under(cls, out: str | Path, fingerprint: str) -> "Cache":
        return cls(Path(out) / CACHE_DIR, fingerprint)

    @property
    def folder(self) -> Path:
        return self.root / self.fingerprint

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def has(self, key: str) -> bool:
        """True when an entry is stored under ``key``."""
        return self._path(key).exists()

    def get(self, key: str) -> Any | None:
        """The entry stored under ``key``, or None (also for an entry that cannot be read: it is rebuilt)."""
        path = self._path(key)
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            return None

    def put(self, key: str, entry: Any) -> None:
        """Store ``entry`` under ``key``; written to a temporary file and renamed, so it is whole or absent."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(entry, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def prune(self, keep: Iterable[str]) -> None:
        """Remove other fingerprints' folders and every entry not in ``keep`` (articles no longer in the corpus)."""
        if self.root.is_dir():
            for other in self.root.iterdir():
                if other.is_dir() and other.name != self.fingerprint:
                    shutil.rmtree(other, ignore_errors=True)
        if not self.folder.is_dir():
            return
        wanted = {f"{key}.pickle" for key in keep}
        for entry in self.folder.glob("*/*"):
            if entry.name not in wanted:
                entry.unlink(missing_ok=True)
