"""One article's analysis: its one spaCy parse, the named stages that read it, and the rows they make.

Each document is parsed once (``nlp.pipe``, batched); every stage reads that one ``Doc``; the document's rows
are made as soon as its ``Doc`` comes out of the pipe, and the ``Doc`` is then dropped. An article longer than
:data:`PARSE_PIECE_CHARS` is parsed in pieces cut at paragraph breaks and joined back into one ``Doc`` with its
offsets unchanged, so that parse time and memory stay linear in its length. A stage that raises loses only its
own rows (see :func:`analyse`); the corpus build is in :mod:`analysis.builder`.
"""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from analysis import schema
from analysis.actors import UNKNOWN_SIDE, Catalogue
from analysis.beat import Beat
from analysis.corpus import Document, parse_view, sentence_spans
from analysis.datafiles import read_text
from analysis.doc_index import doc_index
from analysis.figure_checks import figure_consistency, metric_origin
from analysis.figures import figure_rows, time_rows
from analysis.framing import (
    action_rows,
    actor_tone_rows,
    cue_rows,
    document_frame_rows,
    frame_rows,
    tone_rows,
)
from analysis.people import people_rows
from analysis.sources import attribution_rows, claim_rows

#: Entity labels that name actors, places and groups; numbers and dates go to their own tables.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
#: Documents parsed together by ``nlp.pipe``.
BATCH_SIZE = 16
#: Longest stretch of text parsed at once: a longer article is parsed in pieces cut at paragraph breaks (the
#: parser's memory grows with the length of what it is given, and a 2 MB article would need gigabytes).
PARSE_PIECE_CHARS = 5_000


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
    """What every extractor reads: the document, its one parse, its sentences, the actor catalogue, and the
    corpus's tone adjustment (None: the tone stage's packaged default)."""

    document: Document
    doc: Doc
    sentences: SentenceIndex
    catalogue: Catalogue
    tone_adjustment: Mapping[str, float] | None = None

    @property
    def text(self) -> str:
        """The original text; every offset points into it."""
        return self.document.text

    @cached_property
    def n_words(self) -> int:
        """Words in the document (:attr:`~analysis.doc_index.DocIndex.is_word`): the documents table's count,
        and frame densities' base."""
        return sum(doc_index(self.doc).is_word)

    @property
    def view(self) -> str:
        """The text the parser read (``doc.text``), same length as :attr:`text`; kept by the document's index,
        because spaCy rebuilds it per call."""
        return doc_index(self.doc).text


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


def sentence_rows(parsed: ParsedDocument) -> list[SentenceRow]:
    """One row per sentence, trimmed of surrounding space."""
    doc, text, words = parsed.doc, parsed.text, doc_index(parsed.doc).is_word
    rows = []
    for sentence_id, (start, end) in enumerate(zip(parsed.sentences.starts, parsed.sentences.ends)):
        span = doc.char_span(start, end, alignment_mode="expand")
        rows.append(SentenceRow(sentence_id, start, end, text[start:end], sum(words[span.start : span.end])))
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


@dataclass(frozen=True)
class Stage:
    """One named step of the per-document analysis: what it needs, what it makes, and how.

    ``run`` takes the parsed document and the rows the earlier stages made (keyed by table) and returns rows
    keyed by table. A stage runs only when every stage it ``needs`` succeeded on that document.
    """

    name: str
    needs: tuple[str, ...]
    run: Callable[[ParsedDocument, Mapping[str, list]], dict[str, list]]


def _numeric_stages() -> tuple[Stage, ...]:
    return (
        Stage("figures", ("attributions",), lambda p, r: {"figures": figure_rows(p, r["attributions"])}),
        Stage("time_expressions", ("figures",), lambda p, r: {"time_expressions": time_rows(p, r["figures"])}),
        Stage(
            "figure_consistency",
            ("figures",),
            lambda p, r: {"figure_consistency": figure_consistency(p, r["figures"])},
        ),
        Stage("metric_origin", ("figures",), lambda p, r: {"metric_origin": metric_origin(r["figures"])}),
    )


def _framing_stages() -> tuple[Stage, ...]:
    def tone(parsed: ParsedDocument, rows: Mapping[str, list]) -> dict[str, list]:
        tones = tone_rows(parsed, rows["attributions"], adjustment=parsed.tone_adjustment)
        return {"tone": tones, "actor_tone": actor_tone_rows(rows["mentions"], tones)}

    def frames(parsed: ParsedDocument, rows: Mapping[str, list]) -> dict[str, list]:
        sentence_frames = frame_rows(parsed)
        return {
            "frames": sentence_frames,
            "document_frames": document_frame_rows(sentence_frames, len(parsed.sentences), parsed.n_words),
        }

    return (
        Stage("cues", ("mentions", "attributions"), lambda p, r: {"cues": cue_rows(p, r["mentions"], r["attributions"])}),
        Stage("tone", ("mentions", "attributions"), tone),
        Stage("actions", ("attributions",), lambda p, r: {"actions": action_rows(p, r["attributions"])}),
        Stage("frames", (), frames),
    )


#: The per-document stages in dependency order: later ones read the attributions to tell quoted from
#: own-voice text, the figure checks read the figures.
STAGES: tuple[Stage, ...] = (
    Stage("sentences", (), lambda p, r: {"sentences": sentence_rows(p)}),
    Stage("mentions", (), lambda p, r: {"mentions": mention_rows(p)}),
    Stage("attributions", (), lambda p, r: {"attributions": attribution_rows(p)}),
    Stage("claims", ("attributions",), lambda p, r: {"claims": claim_rows(p, r["attributions"])}),
    Stage("people", ("mentions", "attributions"), lambda p, r: {"people": people_rows(p, r["mentions"], r["attributions"])}),
    *_numeric_stages(),
    *_framing_stages(),
)


@dataclass(frozen=True)
class StageError:
    """A stage that raised on one document, or was not run because a stage it needs had raised."""

    stage: str
    exception_type: str
    message: str


#: ``exception_type`` of a stage left out because a stage it needs failed on the same document.
NOT_RUN = "NotRun"


def analyse(
    parsed: ParsedDocument, *, stages: Sequence[Stage] | None = None
) -> tuple[dict[str, list[Any]], list[StageError]]:
    """Every table's rows for one parsed document, keyed by table name, and the stages that failed.

    A stage that raises loses only its own rows: the error is recorded and the other stages go on. A stage
    that needs a failed one is not run (its rows would be wrong, not merely missing: claims without the
    attributions would all read as the outlet's own voice) and is recorded as :data:`NOT_RUN`.
    """
    rows: dict[str, list[Any]] = {}
    errors: list[StageError] = []
    failed: set[str] = set()
    for stage in STAGES if stages is None else stages:
        missing = [need for need in stage.needs if need in failed]
        if missing:
            failed.add(stage.name)
            errors.append(StageError(stage.name, NOT_RUN, f"needs {', '.join(missing)}, which failed"))
            continue
        try:
            rows.update(stage.run(parsed, rows))
        except Exception as err:  # noqa: BLE001 - one article's failing stage must never stop a corpus
            failed.add(stage.name)
            errors.append(StageError(stage.name, type(err).__name__, _one_line(err)))
    return rows, errors


def _one_line(err: Exception) -> str:
    message = " ".join(str(err).split()) or type(err).__name__
    return message if len(message) <= 300 else message[:297] + "..."


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
            bounds = split_for_parser(view, min(nlp.max_length, PARSE_PIECE_CHARS))
            for part, (start, end) in enumerate(bounds):
                yield view[start:end], (index, part, len(bounds))

    pending: list[Doc] = []
    for doc, (index, part, n_parts) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        pending.append(doc)
        if part == n_parts - 1:
            whole = pending[0] if n_parts == 1 else Doc.from_docs(pending, ensure_whitespace=False)
            pending = []
            yield documents[index], whole


@dataclass(frozen=True)
class DocumentResult:
    """Everything the build made from one article: its rows per table (records in schema column order,
    without ``doc_id``), its counts, and the stages that failed. This is what the cache stores."""

    rows: dict[str, list[tuple]]
    n_words: int
    n_sentences: int
    errors: tuple[StageError, ...]
    #: False when the parse itself failed: the article is left out of every table.
    parsed: bool = True


@lru_cache(maxsize=None)
def _record_fields(table: str) -> tuple[str, ...]:
    return tuple(c for c in schema.columns(table) if c != "doc_id")


@lru_cache(maxsize=None)
def _record_getter(table: str) -> Callable[[Any], tuple]:
    fields = _record_fields(table)
    if len(fields) == 1:
        return lambda row: (getattr(row, fields[0]),)
    return operator.attrgetter(*fields)


def to_records(table: str, rows: Iterable[Any]) -> list[tuple]:
    """Extractor rows (dataclasses) as tuples in the table's column order, ``doc_id`` left out. A row without
    one of the table's columns raises ``AttributeError``."""
    return list(map(_record_getter(table), rows))


def analyse_document(document: Document, doc: Doc, beat: Beat) -> DocumentResult:
    """Run every stage on one parsed article and keep its rows as plain records."""
    parsed = ParsedDocument(document, doc, SentenceIndex.of(doc), beat.catalogue, dict(beat.tone_adjustment))
    rows, errors = analyse(parsed)
    return DocumentResult(
        rows={table: to_records(table, table_rows) for table, table_rows in rows.items()},
        n_words=parsed.n_words,
        n_sentences=len(parsed.sentences),
        errors=tuple(errors),
    )


#: A short made-up article (``analysis/data/warm_up_article.txt``) with a quotation, figures with units and a
#: currency, hedges and a temperature: analysing it reaches what the stages load on first use.
WARM_UP_ARTICLE = "warm_up_article.txt"


def warm_up(nlp: Language, beat: Beat) -> None:
    """Load what the stages read lazily (lexicons, the unit registry, the tone model) by analysing
    :data:`WARM_UP_ARTICLE` and dropping its rows. Worker processes forked afterwards share what was loaded,
    where each would otherwise load its own copy while the others compete for the same cores."""
    text = read_text(WARM_UP_ARTICLE)
    analyse_batch([Document("warm-up", WARM_UP_ARTICLE, text, "")], nlp, beat)


def unparsed(err: Exception) -> DocumentResult:
    """The result of an article whose parse raised: no rows, and the reason."""
    message = f"{_one_line(err)} (the article is left out of every table)"
    return DocumentResult({}, 0, 0, (StageError("parse", type(err).__name__, message),), parsed=False)


def analyse_batch(
    documents: Sequence[Document], nlp: Language, beat: Beat, *, batch_size: int = BATCH_SIZE
) -> list[DocumentResult]:
    """Parse ``documents`` (one ``nlp.pipe`` pass) and analyse each; one result per document, in order.

    If the batch's parse raises, each document is parsed alone, so that only the one that breaks the parser
    is left out.
    """
    try:
        # Strings and lexemes the parse adds to the vocabulary (every new number, name and typo) are freed at
        # the end of the batch; the results are plain records by then. Without this the vocabulary, and memory,
        # grow with every article of a corpus.
        with nlp.memory_zone():
            return [analyse_document(d, doc, beat) for d, doc in parse_documents(documents, nlp, batch_size=batch_size)]
    except Exception:  # noqa: BLE001 - find the article that broke the parse; the others go on
        if len(documents) == 1:
            raise
    results = []
    for document in documents:
        try:
            results.extend(analyse_batch([document], nlp, beat))
        except Exception as err:  # noqa: BLE001
            results.append(unparsed(err))
    return results
