"""From a corpus to every table, in one streaming spaCy pass.

Each document is parsed once (``nlp.pipe``, batched); every extractor reads that one ``Doc``; the document's
rows are made as soon as its ``Doc`` comes out of the pipe, and the ``Doc`` is then dropped, so memory grows
with the tables, not with the parses. An article longer than the parser's ``max_length`` is parsed in pieces
cut at paragraph breaks and joined back into one ``Doc`` with its offsets unchanged.
"""

from __future__ import annotations

import bisect
import dataclasses
import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, Span
from tqdm import tqdm

from analysis import schema
from analysis.actors import UNKNOWN_SIDE, Catalogue, default_catalogue
from analysis.corpus import Corpus, Document, parse_view, read_corpus, sentence_spans
from analysis.figure_checks import numeric_claim_rows
from analysis.framing import framing_rows
from analysis.nlp import load_pipeline
from analysis.sources import attribution_rows, claim_rows

#: Entity labels that name actors, places and groups; numbers and dates go to their own tables.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
#: Documents parsed together by ``nlp.pipe``.
BATCH_SIZE = 16
#: Show a progress bar from this many documents on, when asked for one.
PROGRESS_MIN_DOCUMENTS = 6


@dataclass(frozen=True)
class SentenceIndex:
    """Which sentence a character offset falls in."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, doc: Doc) -> "SentenceIndex":
        spans = list(sentence_spans(doc))
        return cls(tuple(s for _, s, _ in spans), tuple(e for _, _, e in spans))

    def sentence_id(self, offset: int) -> int:
        """The id of the sentence holding ``offset`` (the nearest one before it, for inter-sentence space)."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def __len__(self) -> int:
        return len(self.starts)


@dataclass(frozen=True)
class ParsedDocument:
    """What every extractor reads: the document, its one parse, its sentences and the actor catalogue."""

    document: Document
    doc: Doc
    sentences: SentenceIndex
    catalogue: Catalogue

    @property
    def text(self) -> str:
        """The original text; every offset points into it."""
        return self.document.text

    @cached_property
    def view(self) -> str:
        """The text the parser read (``doc.text``), same length as :attr:`text`; spaCy rebuilds it per call."""
        return self.doc.text


@dataclass(frozen=True)
class SentenceRow:
    sentence_id: int
    start: int
    end: int
    text: str
    n_words: int


@dataclass(frozen=True)
class MentionRow:
    sentence_id: int
    start: int
    end: int
    text: str
    label: str
    actor: str
    actor_type: str
    side: str
    alias_kind: str


def is_word(token) -> bool:
    """A token that counts as a word: not punctuation, not space."""
    return not (token.is_punct or token.is_space)


def sentence_rows(parsed: ParsedDocument) -> list[SentenceRow]:
    """One row per sentence, trimmed of surrounding space."""
    doc, text = parsed.doc, parsed.text
    rows = []
    for sentence_id, (start, end) in enumerate(zip(parsed.sentences.starts, parsed.sentences.ends)):
        span = doc.char_span(start, end, alignment_mode="expand")
        rows.append(SentenceRow(sentence_id, start, end, text[start:end], sum(map(is_word, span))))
    return rows


def mention_rows(parsed: ParsedDocument) -> list[MentionRow]:
    """One row per named entity (not numbers or dates), with the catalogue's actor where it has one.

    A leading "the" and a trailing possessive are not part of the mention ("the Kremlin's" -> "Kremlin").
    """
    rows = []
    for ent in parsed.doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        span = _trim_mention(ent)
        if span is None:
            continue
        text = parsed.text[span.start_char : span.end_char]
        actor, kind = None, ""
        if ent.ent_id_:
            actor = parsed.catalogue.get(ent.ent_id_)
            hit = parsed.catalogue.lookup(text)
            kind = hit[1] if hit and actor and hit[0].id == actor.id else "alias"
        elif (hit := parsed.catalogue.lookup(text)) is not None:
            actor, kind = hit
        rows.append(
            MentionRow(
                sentence_id=parsed.sentences.sentence_id(span.start_char),
                start=span.start_char,
                end=span.end_char,
                text=text,
                label=ent.label_,
                actor=actor.name if actor else "",
                actor_type=actor.type if actor else "",
                side=actor.side if actor else UNKNOWN_SIDE,
                alias_kind=kind,
            )
        )
    return rows


def _trim_mention(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ == "the":
        start += 1
    while end > start and ent.doc[end - 1].tag_ == "POS":
        end -= 1
    return ent.doc[start:end] if end > start else None


def analyse(parsed: ParsedDocument) -> dict[str, list[Any]]:
    """Every table's rows for one parsed document, keyed by table name.

    Extractors run in dependency order: later ones read the attributions to tell quoted from own-voice text.
    """
    rows: dict[str, list[Any]] = {
        "sentences": sentence_rows(parsed),
        "mentions": mention_rows(parsed),
    }
    # sourcing
    rows["attributions"] = attribution_rows(parsed)
    rows["claims"] = claim_rows(parsed, rows["attributions"])
    # numeric claims
    rows.update(numeric_claim_rows(parsed, rows.get("attributions", [])))
    # framing
    rows.update(framing_rows(parsed, rows["mentions"], rows.get("attributions", [])))
    return rows


def split_for_parser(text: str, max_length: int) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of ``text``, each at most ``max_length`` long, cut after a paragraph break.

    Falls back to a line break, then to a space, and only then cuts a word. The pieces cover the text
    exactly, in order.
    """
    pieces, start = [], 0
    while len(text) - start > max_length:
        window = text[start : start + max_length]
        cut = 0
        for pattern in (r"\n[ \t]*\n\s*", r"\n\s*", r"\s+"):
            ends = [m.end() for m in re.finditer(pattern, window) if m.end() < len(window)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or max_length
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, len(text)))
    return pieces


def parse_documents(
    documents: Sequence[Document], nlp: Language, *, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Document, Doc]]:
    """Parse each document once, streaming: yields ``(document, doc)`` in corpus order."""

    def pieces() -> Iterator[tuple[str, tuple[int, int, int]]]:
        for index, document in enumerate(documents):
            view = parse_view(document)
            bounds = split_for_parser(view, nlp.max_length)
            for part, (start, end) in enumerate(bounds):
                yield view[start:end], (index, part, len(bounds))

    pending: list[Doc] = []
    for doc, (index, part, n_parts) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        pending.append(doc)
        if part == n_parts - 1:
            whole = pending[0] if n_parts == 1 else Doc.from_docs(pending, ensure_whitespace=False)
            pending = []
            yield documents[index], whole


class Tables:
    """Every table of a corpus, as pandas DataFrames validated against :mod:`analysis.schema`.

    Tables are reached by name, as attributes (``tables.sentences``) or items (``tables["sentences"]``).
    """

    def __init__(self, frames: dict[str, pd.DataFrame], texts: dict[str, str]):
        self._frames = {name: schema.validate(name, frames[name]) for name in schema.TABLES}
        self._texts = texts

    @property
    def names(self) -> list[str]:
        """Table names in their documented order."""
        return list(self._frames)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self._frames[name]

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.__dict__["_frames"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(frame)}" for name, frame in self._frames.items())
        return f"Tables({sizes})"

    def text_of(self, doc_id: str) -> str:
        """The original text of a document (for rendering and provenance checks)."""
        return self._texts[doc_id]

    def to_dir(self, out: str | Path, *, parquet: bool | None = None) -> list[Path]:
        """Write each table as ``out/<table>.csv`` (and ``.parquet`` when pyarrow is installed).

        A file whose content would not change is left untouched, so reruns keep timestamps.
        Returns the paths written or kept.
        """
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        if parquet is None:
            parquet = _has_pyarrow()
        paths = []
        for name, frame in self._frames.items():
            csv_path = out / f"{name}.csv"
            _write_if_changed(csv_path, frame.to_csv(index=False, float_format="%.10g", lineterminator="\n"))
            paths.append(csv_path)
            if parquet:
                parquet_path = out / f"{name}.parquet"
                frame.to_parquet(parquet_path, index=False)
                paths.append(parquet_path)
        return paths


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def _write_if_changed(path: Path, content: str) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == content:
        return
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(content, encoding="utf-8")
    os.replace(tmp, path)


def _frame(table: str, doc_id: str, rows: Iterable[Any]) -> pd.DataFrame:
    records = [{"doc_id": doc_id, **dataclasses.asdict(r)} for r in rows]
    return pd.DataFrame.from_records(records, columns=schema.columns(table))


def build(
    paths: str | Path | Sequence[str | Path] | Corpus,
    *,
    nlp: Language | None = None,
    catalogue: Catalogue | None = None,
    progress: bool = False,
) -> Tables:
    """Read a corpus, parse each document once and return every table.

    Args:
        paths: a folder of articles, a file, a list of those, or a :class:`~analysis.corpus.Corpus`.
        nlp: the pipeline to parse with; :func:`analysis.nlp.load_pipeline` when None.
        catalogue: the actor catalogue; the packaged one when None.
        progress: show a progress bar (on stderr) when the corpus has more than a handful of documents.

    Raises:
        CorpusError: the corpus cannot be read at all (see :func:`analysis.corpus.read_corpus`).
    """
    corpus = paths if isinstance(paths, Corpus) else read_corpus(paths)
    nlp = nlp or load_pipeline()
    catalogue = catalogue or default_catalogue()
    frames: dict[str, list[pd.DataFrame]] = {name: [] for name in schema.TABLES}
    document_rows = []
    parsed_stream = parse_documents(corpus.documents, nlp)
    if progress and len(corpus.documents) >= PROGRESS_MIN_DOCUMENTS:
        parsed_stream = tqdm(parsed_stream, total=len(corpus.documents), unit="doc", desc="parsing")
    for document, doc in parsed_stream:
        parsed = ParsedDocument(document, doc, SentenceIndex.of(doc), catalogue)
        for table, rows in analyse(parsed).items():
            frames[table].append(_frame(table, document.doc_id, rows))
        document_rows.append(
            {
                "doc_id": document.doc_id,
                "path": document.path,
                "title": document.title,
                "outlet": document.outlet,
                "url": document.url,
                "published": document.published,
                "n_chars": len(document.text),
                "n_words": sum(map(is_word, doc)),
                "n_sentences": len(parsed.sentences),
                "sha256": document.sha256,
            }
        )
    frames["documents"] = [pd.DataFrame.from_records(document_rows, columns=schema.columns("documents"))]
    frames["skipped"] = [
        pd.DataFrame.from_records([dataclasses.asdict(s) for s in corpus.skipped], columns=schema.columns("skipped"))
    ]
    texts = {d.doc_id: d.text for d in corpus.documents}
    return Tables({name: _concat(name, parts) for name, parts in frames.items()}, texts)


def _concat(table: str, parts: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [p for p in parts if len(p)]
    if not parts:
        return schema.empty(table)
    return pd.concat(parts, ignore_index=True)
