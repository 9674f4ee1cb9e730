"""Reading a corpus of articles: files to documents, with the text kept exactly as written.

A document's ``text`` is the file decoded as UTF-8 (or UTF-16 where a byte-order mark says so; the mark is
dropped, line ends are kept as they are). Every offset in every table points into that string. The parser reads :func:`parse_view` instead: the
same text with typographic quotes straightened and front matter blanked, one character for one character, so
offsets in the view *are* offsets in the original and need no mapping back.

Files that cannot be read as an article are skipped with a :class:`CorpusWarning` that names the file and
what to do, and are listed in the ``skipped`` table; the rest of the corpus is still built. A path that
does not exist, or a folder with no readable article at all, raises :class:`CorpusError`.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import yaml

#: File endings read as articles.
ARTICLE_SUFFIXES = (".txt", ".md")
#: Files larger than this are skipped (a 50 MB "article" is an export or a dump, not a story).
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


class CorpusError(Exception):
    """The corpus as a whole cannot be read; the message says which path and what to do."""


class CorpusWarning(UserWarning):
    """One file was skipped; the message names it and says what to do. The rest of the corpus is read."""


@dataclass(frozen=True)
class Document:
    """One article: its text exactly as in the file, and what the sidecar or front matter says of it."""

    doc_id: str
    path: str
    text: str
    sha256: str
    body_start: int = 0
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: str = ""


@dataclass(frozen=True)
class Skipped:
    """A file that was not read as an article, and why."""

    path: str
    reason: str


@dataclass
class Corpus:
    """The documents read, in file-name order, and the files skipped."""

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

    Args:
        paths: a folder (its ``.txt`` and ``.md`` files, not recursing), a single file, or a list of those.
        max_bytes: files larger than this are skipped with a warning.

    Returns:
        The readable documents sorted by file name, and the skipped files with their reasons.

    Raises:
        CorpusError: a path does not exist, two files share a stem, or nothing readable was found.
    """
    files, roots = _article_files(paths)
    corpus = Corpus()
    seen: dict[str, str] = {}
    for file, root in files:
        shown = _display_path(file, root)
        result = _read_article(file, shown, max_bytes)
        if isinstance(result, Skipped):
            warnings.warn(f"skipped {result.path}: {result.reason}", CorpusWarning, stacklevel=2)
            corpus.skipped.append(result)
            continue
        if result.doc_id in seen:
            raise CorpusError(
                f"{shown} and {seen[result.doc_id]} both give doc_id {result.doc_id!r}: rename one of them"
            )
        seen[result.doc_id] = shown
        corpus.documents.append(result)
    if not corpus.documents:
        where = ", ".join(str(r) for r in roots)
        detail = f" ({len(corpus.skipped)} skipped: see the warnings above)" if corpus.skipped else ""
        raise CorpusError(f"no readable articles (.txt or .md) in {where}{detail}: add UTF-8 text files there")
    return corpus


def _article_files(paths: str | Path | Sequence[str | Path]) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """(file, the folder its display path is relative to) for every article under ``paths``, sorted."""
    roots = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    if not roots:
        raise CorpusError("no corpus given: pass a folder of articles or a list of files")
    files: list[tuple[Path, Path]] = []
    for root in roots:
        if not root.exists():
            raise CorpusError(f"{root} does not exist: check the path, or create it and add articles")
        if root.is_dir():
            found = sorted(p for p in root.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            files.extend((p, root) for p in found)
        else:
            files.append((root, root.parent))
    return files, roots


def _display_path(file: Path, root: Path) -> str:
    """The path shown in tables and messages: relative to the corpus folder, so it is the same everywhere."""
    return file.relative_to(root).as_posix()


def _read_article(file: Path, shown: str, max_bytes: int) -> Document | Skipped:
    size = file.stat().st_size
    if size > max_bytes:
        return Skipped(
            shown,
            f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit for one article: "
            "split it into articles, or raise the limit with --max-bytes",
        )
    data = file.read_bytes()
    if not data.strip():
        return Skipped(shown, "the file is empty: add the article text or remove the file")
    # A UTF-16 byte-order mark names the encoding unambiguously (Windows editors save "Unicode" so).
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    if encoding != "utf-16" and b"\x00" in data:
        return Skipped(shown, "the file is binary, not text: save the article as plain UTF-8 text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        return Skipped(
            shown,
            f"not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}): "
            "re-save it as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`",
        )
    if _looks_like_html(text):
        return Skipped(
            shown,
            "this is an HTML page, not article text: save the article's text only (reader view, copy as text)",
        )
    if _has_control_characters(text):
        return Skipped(shown, "the file holds control characters, not text: save the article as plain text")
    meta, body_start = _front_matter(text, shown) if file.suffix.lower() == ".md" else ({}, 0)
    meta = {**meta, **_sidecar(file, shown)}
    if not text[body_start:].strip():
        return Skipped(shown, "the file has metadata but no article text: add the text below the front matter")
    return Document(
        doc_id=file.stem,
        path=shown,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        body_start=body_start,
        title=str(meta.get("title", "")),
        outlet=str(meta.get("outlet", "")),
        url=str(meta.get("url", "")),
        published=str(meta.get("published", meta.get("date", ""))),
    )


def _looks_like_html(text: str) -> bool:
    head = text[:4096]
    return bool(_HTML_MARKERS.search(head)) or len(_HTML_TAGS.findall(head)) >= 5


def _has_control_characters(text: str) -> bool:
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls > 0


def _front_matter(text: str, shown: str) -> tuple[dict, int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as err:
        raise CorpusError(f"{shown}: the YAML front matter does not parse ({err.problem}): fix or remove it")
    if not isinstance(meta, dict):
        raise CorpusError(f"{shown}: the front matter is not a mapping of keys to values: fix or remove it")
    return meta, match.end()


def _sidecar(file: Path, shown: str) -> dict:
    sidecar = file.with_name(file.stem + ".meta.json")
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise CorpusError(f"{sidecar.name} (metadata of {shown}) is not valid JSON ({err}): fix or remove it")
    if not isinstance(meta, dict):
        raise CorpusError(f"{sidecar.name} (metadata of {shown}) must be a JSON object: fix or remove it")
    return meta


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
