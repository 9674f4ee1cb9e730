"""One article's analysis: its one spaCy parse, the named stages that read it, and the rows they make.

Each document is parsed once (``nlp.pipe``, batched); every stage reads that one ``Doc``; the document's rows
are made as soon as its ``Doc`` comes out of the pipe, and the ``Doc`` is then dropped. An article longer than
:data:`PARSE_PIECE_CHARS` is parsed in pieces cut at paragraph breaks and joined back into one ``Doc`` with its
offsets unchanged, so that parse time and memory stay linear in its length. A stage that raises loses only its
own rows (see :func:`analyse`); the corpus build is in :mod:`analysis.flow`.
"""

from __future__ import annotations

import dataclasses
import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from analysis.catalogue.beat import Beat
from analysis.datafiles import read_text
from analysis.extraction.figures import figure_rows, time_rows
from analysis.extraction.figures.checks import figure_consistency, metric_origin
from analysis.extraction.framing import (
    action_rows,
    actor_tone_rows,
    cue_rows,
    document_frame_rows,
    frame_rows,
    tone_rows,
)
from analysis.extraction.mentions import mention_rows, sentence_rows
from analysis.extraction.parsed import ParsedDocument, SentenceIndex
from analysis.extraction.people import people_rows
from analysis.extraction.sources import attribution_rows, claim_rows
from analysis.reading import Document, parse_view

#: Documents parsed together by ``nlp.pipe``.
BATCH_SIZE = 16
#: Longest stretch of text parsed at once: a longer article is parsed in pieces cut at paragraph breaks (the
#: parser's memory grows with the length of what it is given, and a 2 MB article would need gigabytes).
PARSE_PIECE_CHARS = 5_000


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
        tones = outside_furniture(parsed, "tone", tone_rows(parsed, rows["attributions"], adjustment=parsed.tone_adjustment))
        return {"tone": tones, "actor_tone": actor_tone_rows(rows["mentions"], tones)}

    def frames(parsed: ParsedDocument, rows: Mapping[str, list]) -> dict[str, list]:
        sentence_frames = outside_furniture(parsed, "frames", frame_rows(parsed))
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


#: Tables whose rows are kept over page furniture: the sentences, which every ``sentence_id`` counts.
KEPT_OVER_FURNITURE = frozenset({"sentences"})
#: Each table's own id, 0-based in order of position: renumbered when rows in furniture are left out.
OWN_IDS = {
    "attributions": "attribution_id", "claims": "claim_id", "figures": "figure_id", "time_expressions": "time_id",
    "cues": "cue_id", "actions": "action_id",
}


def outside_furniture(parsed: ParsedDocument, table: str, rows: list) -> list:
    """``rows`` of ``table`` without those whose span (``start``, ``end``) lies inside the article's page
    furniture (:mod:`analysis.extraction.linguistics.furniture`: "Advertisement", share buttons, "Read more",
    photo credits and counters), the table's own id (:data:`OWN_IDS`) renumbered in order. Rows without a span
    (per-article summaries) and :data:`KEPT_OVER_FURNITURE` are kept; so a stage's summaries must be made from
    rows already passed through here (the tone stage's actor tone, the frames stage's document frames)."""
    spans = parsed.furniture
    if table in KEPT_OVER_FURNITURE or not spans.spans or not rows or not hasattr(rows[0], "start"):
        return rows
    view = parsed.view
    kept = [row for row in rows if not spans.holds_text(view, row.start, row.end)]
    field = OWN_IDS.get(table)
    if field is None or len(kept) == len(rows):
        return kept
    renumber = {old: new for new, old in enumerate(sorted(getattr(row, field) for row in kept))}
    return [dataclasses.replace(row, **{field: renumber[getattr(row, field)]}) for row in kept]


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
    """Every table's rows for one parsed document, keyed by table name, and the stages that failed. Rows in page
    furniture are left out as each stage makes them (:func:`outside_furniture`), so that later stages never
    read them.

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
            made = stage.run(parsed, rows)
            rows.update({table: outside_furniture(parsed, table, made_rows) for table, made_rows in made.items()})
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
    exactly, in order. Leading whitespace (the front matter the parse view blanks, blank lines) is a piece of
    its own: parsed with the words after it, the parser hangs it on the first word, and every span built from
    that word's subtree (a speaker, an agent, a sentence) would start at 0 and cover the front matter.
    """
    lead = len(text) - len(text.lstrip())
    if 0 < lead < len(text):
        return _split(text, 0, lead, max_length) + _split(text, lead, len(text), max_length)
    return _split(text, 0, len(text), max_length)


def _split(text: str, start: int, stop: int, max_length: int) -> list[tuple[int, int]]:
    """:func:`split_for_parser` of ``text[start:stop]``, in offsets of ``text``."""
    pieces = []
    while stop - start > max_length:
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
    pieces.append((start, stop))
    return pieces


def _pieces(document: Document, nlp: Language) -> list[str]:
    """The pieces of ``document``'s parse view that the parser is given, in order (:func:`split_for_parser`)."""
    view = parse_view(document)
    return [view[start:end] for start, end in split_for_parser(view, min(nlp.max_length, PARSE_PIECE_CHARS))]


def parse_documents(
    documents: Sequence[Document], nlp: Language, *, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Document, Doc]]:
    """Parse each document once, streaming: yields ``(document, doc)`` in corpus order."""

    def pieces() -> Iterator[tuple[str, tuple[int, int, int]]]:
        for index, document in enumerate(documents):
            texts = _pieces(document, nlp)
            for part, text in enumerate(texts):
                yield text, (index, part, len(texts))

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
def _record_getter(row_type: type) -> Callable[[Any], tuple]:
    fields = tuple(field.name for field in dataclasses.fields(row_type))
    if len(fields) == 1:
        return lambda row: (getattr(row, fields[0]),)
    return operator.attrgetter(*fields)


def to_records(rows: Iterable[Any]) -> list[tuple]:
    """Extractor rows (dataclasses) as tuples of their fields in declaration order. Each row class declares
    its table's columns, ``doc_id`` left out, in the schema's order (:mod:`analysis.building.schema` checks
    it: ``tests/test_pipeline.py``)."""
    records, row_type, getter = [], None, None
    for row in rows:
        if type(row) is not row_type:
            row_type = type(row)
            getter = _record_getter(row_type)
        records.append(getter(row))
    return records


def analyse_document(document: Document, doc: Doc, beat: Beat) -> DocumentResult:
    """Run every stage on one parsed article and keep its rows as plain records."""
    parsed = ParsedDocument(document, doc, SentenceIndex.of(doc), beat.catalogue, dict(beat.tone_adjustment))
    rows, errors = analyse(parsed)
    return DocumentResult(
        rows={table: to_records(table_rows) for table, table_rows in rows.items()},
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


#: Words (lexemes) the vocabulary may hold for good, the model's own included: about 0.4 KB each with the
#: tokenizer's cached split of each, so about 4 MB at most per process. News repeats most of its words: kept,
#: they are split and looked up once per process instead of once per batch.
KEPT_WORDS = 10_000


def keep_words(nlp: Language, documents: Sequence[Document]) -> None:
    """Tokenize ``documents`` outside a memory zone while the vocabulary holds fewer than :data:`KEPT_WORDS`
    words, so that their words (lexemes) and the tokenizer's splits of them outlive the batch.

    Within ``nlp.memory_zone()`` the tokenizer caches nothing and every word new to the vocabulary is made
    anew and freed at the end: each batch split every word with the prefix, suffix and infix patterns again
    (tokenizing 300 generated articles in batches: 0.62 CPU s, 0.16 s with this). The parse itself is
    unchanged: a cached split is the one the patterns give (spaCy's own cache, which a parse outside a zone
    always uses). Past the bound new words live only in the zone, as before, so memory stays bounded however
    large the corpus."""
    for document in documents:
        if len(nlp.vocab) >= KEPT_WORDS:
            return
        for text in _pieces(document, nlp):
            nlp.tokenizer(text)


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
        keep_words(nlp, documents)
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
