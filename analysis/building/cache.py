"""A content-addressed cache of each article's rows, so that an unchanged article is never parsed twice.

An entry holds everything the build made from one article (its rows for every table, its word and sentence
counts, the stages that failed) and is keyed by two things:

* the article: the SHA-256 of its bytes (of its text, for a row of an export) and where its body starts;
* a fingerprint of everything else that changes results: this package's version and source, every data file
  under ``analysis/data/``, the spaCy version, the English model's name and version, the actor catalogue in
  use, and the build options.

An entry is data, never code: a JSON document of plain values (strings, numbers, null, lists) that names its
own key and fingerprint. Reading one runs nothing; an entry that does not parse, has another shape, or names
another key or fingerprint (a copied, truncated or tampered file) is rebuilt from the article with a warning.
Entries live under ``<out>/.cache/<fingerprint>/articles/``; a build that changes the fingerprint (a new
lexicon, a new model) starts an empty folder and removes the stale ones when it finishes. Every entry is
written to a temporary file and renamed into place, so an interrupted build leaves no half-written entry, and
the next build goes on from the entries that are there.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import shutil
import warnings
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable, Mapping

import spacy

from analysis.building.output import write_aside
from analysis.extraction.pipeline import DocumentResult, StageError
from analysis.reading import Document

#: Folder under the output folder that holds the cache.
CACHE_DIR = ".cache"
#: Folder of a fingerprint's folder that holds one entry per article.
ARTICLES_DIR = "articles"
#: Bumped when the layout of an entry changes, so that old entries are never misread.
ENTRY_FORMAT = 2
#: What a fingerprint folder's name looks like: only such folders are ever removed from the cache folder.
FINGERPRINT_NAME = re.compile(r"[0-9a-f]{24}")
PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def document_key(document: Document) -> str:
    """What identifies an article's content: the hash of its bytes and where its body starts."""
    return hashlib.sha256(f"{document.sha256}:{document.body_start}".encode()).hexdigest()


#: Top-level folders of the package whose files never change a table's rows: the views read built tables (the
#: layout test keeps every other folder from importing them), so a new chart or title keeps every cached article.
RESULT_FREE_FOLDERS = frozenset({"views"})


@lru_cache(maxsize=1)
def _package_digest() -> str:
    """:func:`source_digest` of this package, read once a process."""
    return source_digest(PACKAGE_ROOT)


def source_digest(root: Path) -> str:
    """One hash over the source and data files under ``root`` that can change results (a code or lexicon change
    does; a change under :data:`RESULT_FREE_FOLDERS` does not)."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        parts = path.relative_to(root).parts
        if path.is_file() and (path.suffix == ".py" or "data" in parts):
            if "__pycache__" in path.parts or parts[0] in RESULT_FREE_FOLDERS:
                continue
            digest.update(path.relative_to(root).as_posix().encode())
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


class CacheWarning(UserWarning):
    """A cache entry could not be used (it does not parse, or is not the entry of this article): the article
    is parsed again."""


def _plain(value: Any) -> Any:
    """A record value as JSON can hold it exactly: infinities and NaN as tagged strings, so that the entry is
    standard JSON and every float comes back bit for bit (Python's shortest round-trip repr)."""
    if isinstance(value, float) and not math.isfinite(value):
        return {"float": repr(value)}
    return value


def _value(value: Any) -> Any:
    if isinstance(value, dict):
        text = value.get("float")
        if len(value) != 1 or text not in ("inf", "-inf", "nan"):
            raise ValueError(f"not a record value: {value!r}")
        return float(text)
    if isinstance(value, list):
        raise ValueError("a record value is never a list")
    return value


#: JSON as an entry writes it: compact, UTF-8 kept; the strict one refuses infinities and NaN (standard JSON), the
#: lenient one writes them as the bare tokens ``NaN``, ``Infinity`` and ``-Infinity`` (which are never in its
#: output otherwise but inside a string).
_STRICT = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode
_LENIENT = json.JSONEncoder(ensure_ascii=False, allow_nan=True, separators=(",", ":")).encode


def encode_entry(key: str, fingerprint: str, result: DocumentResult) -> bytes:
    """One article's result as a JSON document that names its key and fingerprint."""
    head = _STRICT({
        "format": ENTRY_FORMAT,
        "key": key,
        "fingerprint": fingerprint,
        "parsed": result.parsed,
        "n_words": result.n_words,
        "n_sentences": result.n_sentences,
        "errors": [[e.stage, e.exception_type, e.message] for e in result.errors],
        "rows": None,
    })
    # the rows spliced in for the last value, as encoding the whole document writes them
    rows = ",".join(f"{_STRICT(table)}:{_records(records)}" for table, records in result.rows.items())
    return f"{head[: -len('null}')]}{{{rows}}}}}".encode("utf-8")


def _records(records: list[tuple]) -> str:
    """One table's records as JSON: as they are (JSON writes a tuple as a list), but a record holding an infinity
    or NaN with that value tagged (:func:`_plain`). Most tables hold none: encoded whole, they are done in one
    call, and only a table whose text shows such a token (or a string holding its letters) is done record by
    record; tagging every value of every record cost more than the encoding."""
    text = _LENIENT(records)
    if "NaN" not in text and "Infinity" not in text:
        return text
    return "[" + ",".join(_record(record) for record in records) + "]"


def _record(record: tuple) -> str:
    text = _LENIENT(record)
    if "NaN" not in text and "Infinity" not in text:
        return text
    return _STRICT([_plain(v) for v in record])


def decode_entry(data: bytes, key: str, fingerprint: str) -> DocumentResult:
    """The result an entry holds; ``ValueError`` when it is not JSON of that shape, or names another key or
    fingerprint. Only plain values are read: nothing in an entry is ever run."""
    try:
        entry = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValueError(f"not a JSON cache entry ({err})") from None
    if not isinstance(entry, dict) or entry.get("format") != ENTRY_FORMAT:
        raise ValueError("not a cache entry of this version")
    if entry.get("key") != key or entry.get("fingerprint") != fingerprint:
        raise ValueError("the entry names another article or build")
    try:
        rows = {
            str(table): [tuple(_value(v) for v in record) for record in records]
            for table, records in entry["rows"].items()
        }
        errors = tuple(StageError(str(s), str(t), str(m)) for s, t, m in entry["errors"])
        counts = int(entry["n_words"]), int(entry["n_sentences"])
        parsed = entry["parsed"]
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ValueError(f"the entry does not have the shape of one ({err})") from None
    if not isinstance(parsed, bool):
        raise ValueError("the entry does not have the shape of one")
    return DocumentResult(rows, *counts, errors, parsed=parsed)


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
        return self.folder / ARTICLES_DIR / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        """True when an entry is stored under ``key``."""
        return self._path(key).exists()

    def get(self, key: str) -> DocumentResult | None:
        """The entry stored under ``key``, or None: also for an entry that cannot be read as this article's
        result, which is then parsed again (with a :class:`CacheWarning`)."""
        path = self._path(key)
        try:
            return decode_entry(path.read_bytes(), key, self.fingerprint)
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as err:
            warnings.warn(f"cache entry {path} is not usable ({err}): the article is parsed again", CacheWarning, stacklevel=2)
            return None

    def put(self, key: str, result: DocumentResult) -> None:
        """Store ``result`` under ``key``; written to a temporary file and renamed, so it is whole or absent."""
        entry = encode_entry(key, self.fingerprint, result)
        write_aside(self._path(key), lambda tmp: tmp.write_bytes(entry))

    def prune(self, keep: Iterable[str]) -> None:
        """Remove other fingerprints' folders and every entry not in ``keep`` (articles no longer in the corpus).

        Only what this cache writes is removed: fingerprint folders by their name's shape, entries by theirs.
        """
        if self.root.is_dir():
            for other in self.root.iterdir():
                if other.is_dir() and other.name != self.fingerprint and FINGERPRINT_NAME.fullmatch(other.name):
                    shutil.rmtree(other, ignore_errors=True)
        articles = self.folder / ARTICLES_DIR
        if not articles.is_dir():
            return
        wanted = {f"{key}.json" for key in keep}
        for entry in articles.glob("*/*.json"):
            if entry.name not in wanted:
                entry.unlink(missing_ok=True)
