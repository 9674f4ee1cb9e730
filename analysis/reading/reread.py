"""Reading a corpus again after a build, opening only the files that changed since.

A folder build keeps a record of how it read its corpus (:func:`read_record`): each article file's signature
(:class:`analysis.reading.listing.Listing`) and its document's fields but the text. A rebuild lists the folders
again and, where only article files were added, changed or removed, reads those alone (:func:`reread`); every
other article is taken from the record as an :class:`Unopened` document, whose text is read only where the build
needs it (:func:`opened`: the articles of a chunk it makes again). Adding one article to 10,000 then opens one
file, not 10,001.

The record is kept only for the plainest corpora, where an article's document depends on its own file alone and
reading it gave nothing to say: folders of ``.txt`` and ``.md`` articles, without a manifest or sidecars, with
nothing skipped, no warning and no extra metadata field. Anything else is read whole, as before; so is a rebuild
where anything read but such an article changed, and one whose new files give a skip, a warning or an extra field.
A file is taken from the record only when its signature is the recorded one and had settled before the recorded
listing was taken (as for the whole listing: a write within a file system's tick could otherwise go unseen).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Sequence

import pandas as pd

from analysis.reading.corpus import read_named
from analysis.reading.documents import Corpus, CorpusWarning, Document, Skipped
from analysis.reading.entries import ARTICLE_SUFFIXES, describes_others, documentation, is_read, name_suffix
from analysis.reading.listing import Listing, settled

#: Bumped when what a record holds changes.
RECORD_FORMAT = 1

#: The fields of a document a record keeps, in order: every field but the text (its extra fields are empty, and
#: ``published_at`` is kept as nanoseconds since the epoch, UTC).
RECORDED_FIELDS = ("doc_id", "path", "sha256", "body_start", "title", "outlet", "url", "published", "published_at")
_PUBLISHED_AT = RECORDED_FIELDS.index("published_at")


@dataclass(frozen=True)
class Unopened:
    """An article taken from a build's record, its file not opened: a :class:`Document`'s fields but the text
    (none of its extra fields, none cut). What needs the text reads it with :func:`opened`."""

    doc_id: str
    path: str
    sha256: str
    body_start: int
    title: str
    outlet: str
    url: str
    published: str
    published_at: pd.Timestamp | None
    extras: tuple = ()
    extras_note: str = ""


class Changed(Exception):
    """An unopened article's file no longer gives the document the record says: the corpus must be read whole."""


def _plain_article(name: str) -> bool:
    """Whether a file of this name is read as one article of its own (``.txt``, ``.md``; not documentation)."""
    return is_read(name) and name_suffix(name).lower() in ARTICLE_SUFFIXES and not documentation(name)


def read_record(corpus: Corpus, listing: Listing, *, max_bytes: int | None, noted: Sequence[str]) -> dict | None:
    """What :func:`reread` needs to take this corpus's articles again without opening them (JSON-able), given the
    listing taken before it was read and the warnings reading gave; None where the corpus is not plain enough
    (see the module's docstring) or the documents do not follow the listing's files one for one."""
    if corpus.skipped or noted or not listing.files:
        return None
    documents = iter(corpus.documents)
    folders = []
    for root, files in listing.files.items():
        if any(describes_others(name) for name in files):
            return None
        kept = []
        for name in sorted(name for name in files if is_read(name)):
            document = next(documents, None)
            if (not _plain_article(name) or not isinstance(document, (Document, Unopened)) or document.path != name
                    or document.extras or document.extras_note):
                return None
            signature, newest = files[name]
            values = [getattr(document, f) for f in RECORDED_FIELDS]
            values[_PUBLISHED_AT] = None if document.published_at is None else int(document.published_at.value)
            kept.append([name, signature, newest, *values])
        folders.append([root, kept])
    if next(documents, None) is not None:
        return None
    return {"format": RECORD_FORMAT, "max_bytes": max_bytes, "listed_at": listing.listed_at, "folders": folders}


def _unopened(values: Sequence[Any]) -> Unopened:
    kept = dict(zip(RECORDED_FIELDS, values))
    stamp = kept["published_at"]
    kept["published_at"] = None if stamp is None else pd.Timestamp(stamp, tz="UTC")
    return Unopened(**kept)


def reread(listing: Listing, record: Any, *, max_bytes: int | None) -> Corpus | None:
    """The corpus of the folders ``listing`` lists, as :func:`~analysis.reading.read_corpus` would read it now,
    opening only the article files added or changed since ``record`` (:func:`read_record`) was made: the others
    are :class:`Unopened`. None where that cannot be told apart from a whole read (see the module's docstring):
    then the corpus is to be read whole. Nothing is warned about: a case that would warn gives None."""
    if not (_well_formed(record) and record["max_bytes"] == max_bytes
            and [root for root, _ in record["folders"]] == list(listing.files)):
        return None
    documents: list[Document | Unopened] = []
    for (root, kept), files in zip(record["folders"], listing.files.values()):
        if any(describes_others(name) for name in files):
            return None
        recorded = {values[0]: values for values in kept}
        names = sorted(name for name in files if is_read(name))
        fresh = [name for name in names if not _taken(recorded.get(name), files[name], record["listed_at"])]
        if any(not _plain_article(name) for name in fresh) or any(not _plain_article(n) for n in recorded if n not in files):
            return None
        read = _read_quietly(Path(root), fresh, max_bytes)
        if read is None:
            return None
        for name in names:
            documents.append(read[name] if name in read else _unopened(recorded[name][3:]))
    doc_ids = [document.doc_id for document in documents]
    if len(set(doc_ids)) != len(doc_ids):
        return None  # two files give one doc_id: a whole read says which
    return Corpus(documents=documents)  # type: ignore[arg-type] - Unopened stands for a Document but its text


def _well_formed(record: Any) -> bool:
    """Whether ``record`` is one :func:`read_record` made (of this :data:`RECORD_FORMAT`): a record that cannot be
    used is read past, as a cache entry is, and the corpus read whole."""
    if not (isinstance(record, dict) and record.get("format") == RECORD_FORMAT and isinstance(record.get("listed_at"), int)
            and isinstance(record.get("folders"), list)):
        return False
    # a file's name, signature and later time, then the fields: text but for body_start and published_at
    types = [str, str, int, *(int if f == "body_start" else (int, type(None)) if f == "published_at" else str
                              for f in RECORDED_FIELDS)]
    return all(isinstance(folder, list) and len(folder) == 2 and isinstance(folder[0], str) and isinstance(folder[1], list)
               and all(isinstance(values, list) and len(values) == len(types)
                       and all(isinstance(v, t) for v, t in zip(values, types)) for values in folder[1])
               for folder in record["folders"])


def _taken(recorded: Sequence[Any] | None, current: tuple[str, int], recorded_at: int) -> bool:
    """Whether a file's recorded document stands: its signature is the recorded one, which had settled then."""
    return recorded is not None and recorded[1] == current[0] and settled(recorded[2], recorded_at)


def _read_quietly(root: Path, names: Sequence[str], max_bytes: int | None) -> dict[str, Document] | None:
    """The documents of the files ``names`` of ``root`` by name; None where one is skipped, has an extra field, or
    reading them gave a warning (a whole read gives those, as it would have)."""
    if not names:
        return {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        items = read_named(root, names, max_bytes=max_bytes)
    if any(issubclass(w.category, CorpusWarning) for w in caught):
        return None
    if any(isinstance(item, Skipped) or item.extras or item.extras_note for item in items):
        return None
    read = {item.path: item for item in items}
    return read if sorted(read) == sorted(names) else None


def opened(documents: Sequence[Document | Unopened], listing: Listing, *, max_bytes: int | None) -> list[Document]:
    """``documents`` with every :class:`Unopened` one read from its file (in the folders ``listing`` lists, with the
    ``max_bytes`` the record was made with).

    Raises:
        Changed: a file no longer gives the document its record said (the corpus must be read whole).
    """
    closed = [d for d in documents if isinstance(d, Unopened)]
    if not closed:
        return list(documents)
    wanted = {d.path for d in closed}
    read: dict[str, Document] = {}
    for root, files in listing.files.items():
        names = [name for name in files if name in wanted]
        found = _read_quietly(Path(root), names, max_bytes)
        if found is None:
            raise Changed(f"an article of {root} no longer reads as it did")
        read.update(found)
    result = []
    for document in documents:
        if isinstance(document, Unopened):
            fresh = read.get(document.path)
            if fresh is None or any(getattr(fresh, f.name) != getattr(document, f.name) for f in fields(Unopened)):
                raise Changed(f"{document.path} no longer reads as it did")
            document = fresh
        result.append(document)
    return result
