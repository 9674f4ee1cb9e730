"""What reading gives the rest of the flow: :class:`Document` (one article, its text exactly as written, and its
metadata), :class:`Skipped` (what was not read, and why), :class:`Corpus` (both, in order), the errors and warnings
reading raises, and :func:`parse_view`, the text the parser reads."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from typing import Any

import pandas as pd


class CorpusError(Exception):
    """The corpus as a whole cannot be read; the message says which path and what to do."""


class CorpusWarning(UserWarning):
    """One file or row was skipped, or read with a caveat; the message names it and says what to do."""


class Unreadable(Exception):
    """One file (an article, an export, an archive member, a manifest) cannot be read, or read further: it is
    skipped, and the message says why and what to do."""


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
    #: The metadata's other fields, ``(name, value)`` in the record's order: names in snake_case, values text, a
    #: number, or a date or time as read (:mod:`analysis.reading.extras`).
    extras: tuple[tuple[str, Any], ...] = ()
    #: What of the extra fields was cut or left out, and why; empty when nothing was.
    extras_note: str = ""


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


#: What a terminal or a notebook would act on rather than show: control characters (an ANSI escape recolours
#: the terminal; a carriage return overwrites the line), the bidirectional overrides that reorder what is
#: shown, and the lone surrogates that stand for a file name's undecodable bytes (printing them fails).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` safe to print: each character of :data:`_UNPRINTABLE` written as its Python escape
    (``\\x1b``, ``\\u202e``, ``\\udce9``); any other text is unchanged. Tables keep the real names; only what
    is printed goes through this."""
    return _UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def warn(message: str) -> None:
    """Warn about one file or row with :class:`CorpusWarning`, its names made :func:`printable`."""
    warnings.warn(printable(message), CorpusWarning, stacklevel=3)
