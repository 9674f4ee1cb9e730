"""Lookups over one parsed document, built once per ``Doc``, so that no extractor walks the whole document per
word.

spaCy rebuilds ``Doc.ents`` and ``Doc.sents`` on every access and makes a new ``Token`` object for every
``doc[i]``: an extractor that reads them inside a loop over the document is quadratic. :func:`doc_index` reads
them once; :class:`Intervals` answers "which spans overlap or hold this one" by binary search.
"""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, TypeVar

from spacy.attrs import HEAD, IS_PUNCT, IS_SPACE
from spacy.tokens import Doc, Span, Token

T = TypeVar("T")


@dataclass(frozen=True)
class DocIndex:
    """One document's tokens, entities and sentences, in lists indexed by token position."""

    doc: Doc
    tokens: tuple[Token, ...]
    ents: tuple[Span, ...]
    #: Position in :attr:`ents` of the entity holding each token, or -1.
    entity_at: tuple[int, ...]
    #: Token position of each entity's first token, in order.
    entity_starts: tuple[int, ...]
    #: Token position of each sentence's first token, in order.
    sentence_starts: tuple[int, ...]

    @cached_property
    def text(self) -> str:
        """The text the parser read (``Doc.text``, which spaCy rebuilds from the tokens on every access)."""
        return self.doc.text

    @cached_property
    def heads(self) -> tuple[int, ...]:
        """Each token's head's position (its own for a root), from one array read (``Token.head`` makes a new
        Token per call); HEAD is stored as an offset."""
        offsets = self.doc.to_array([HEAD]).astype("int64").reshape(-1).tolist()
        return tuple(i + offset for i, offset in enumerate(offsets))

    @cached_property
    def children(self) -> tuple[tuple[Token, ...], ...]:
        """Each token's syntactic children in order (``Token.children`` makes new Token objects per call)."""
        found: list[list[Token]] = [[] for _ in self.tokens]
        for i, (token, head) in enumerate(zip(self.tokens, self.heads)):
            if head != i:
                found[head].append(token)
        return tuple(map(tuple, found))

    @cached_property
    def dep(self) -> tuple[str, ...]:
        """Each token's dependency label."""
        return tuple(t.dep_ for t in self.tokens)

    @cached_property
    def is_word(self) -> tuple[bool, ...]:
        """Whether each token is a word: not punctuation, not space (read for the whole document at once)."""
        flags = self.doc.to_array([IS_PUNCT, IS_SPACE]).reshape(-1, 2)
        return tuple((flags.sum(axis=1) == 0).tolist())

    @cached_property
    def is_space(self) -> tuple[bool, ...]:
        """Whether each token is whitespace (``Token.is_space``), read for the whole document at once."""
        return tuple(self.doc.to_array([IS_SPACE]).reshape(-1).astype(bool).tolist())

    @cached_property
    def lower(self) -> tuple[str, ...]:
        """Each token's text in lower case."""
        return tuple(t.lower_ for t in self.tokens)

    @cached_property
    def lemma(self) -> tuple[str, ...]:
        """Each token's lemma in lower case."""
        return tuple(t.lemma_.lower() for t in self.tokens)

    @cached_property
    def pos(self) -> tuple[str, ...]:
        """Each token's coarse part of speech."""
        return tuple(t.pos_ for t in self.tokens)

    @cached_property
    def starts(self) -> tuple[int, ...]:
        """Each token's first character (``Token.idx``)."""
        return tuple(t.idx for t in self.tokens)

    @cached_property
    def ends(self) -> tuple[int, ...]:
        """Each token's end character (``Token.idx`` plus the length of its text)."""
        return tuple(start + len(token.text) for start, token in zip(self.starts, self.tokens))

    def sentence_span_tokens(self, start: int, end: int) -> tuple[int, int]:
        """Token positions ``[first, stop)`` of a span whose ``start`` and ``end`` are token boundaries (a
        sentence of :class:`~analysis.extraction.parsed.SentenceIndex`): those of ``doc.char_span(start, end,
        alignment_mode="expand")``, found by binary search without building the Span. Not for offsets inside a
        token or in the space after one."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    @cached_property
    def tag(self) -> tuple[str, ...]:
        """Each token's fine-grained tag (Penn Treebank: ``NNS``, ``VBN``)."""
        return tuple(t.tag_ for t in self.tokens)

    @cached_property
    def name_ends(self) -> frozenset[str]:
        """The texts of proper nouns written after another proper noun ("Worthing" of "Eva Worthing"): the last
        words of the names the document writes in full."""
        pos = self.pos
        return frozenset(self.tokens[i].text for i in range(1, len(pos)) if pos[i] == "PROPN" and pos[i - 1] == "PROPN")

    def entity(self, i: int) -> Span | None:
        """The entity holding token ``i``, if any."""
        at = self.entity_at[i]
        return self.ents[at] if at >= 0 else None

    def sentence_chars(self, k: int) -> tuple[int, int]:
        """Character offsets of sentence ``k``, as ``Span.start_char`` and ``Span.end_char`` give them (without
        building the Span and its text token by token)."""
        first, end = self._sentence_tokens_at(k)
        return self.starts[first], self.ends[end - 1]

    def _sentence_tokens_at(self, k: int) -> tuple[int, int]:
        """Token positions ``[start, end)`` of sentence ``k``."""
        end = self.sentence_starts[k + 1] if k + 1 < len(self.sentence_starts) else len(self.tokens)
        return self.sentence_starts[k], end

    def sentence_of(self, i: int) -> int:
        """The number of the sentence holding token ``i``."""
        return bisect.bisect_right(self.sentence_starts, i) - 1

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """Token positions ``[start, end)`` of the sentence holding token ``i``: those of ``doc[i].sent``, which
        walks the sentence starts token by token and makes a new Span (and a Token per token read from it)."""
        return self._sentence_tokens_at(self.sentence_of(i))

    def sentence_tokens(self, i: int) -> tuple[Token, ...]:
        """The tokens of the sentence holding token ``i``, in order (``list(doc[i].sent)`` without new Tokens)."""
        start, end = self.sentence_bounds(i)
        return self.tokens[start:end]

    def entities_between(self, first: int, last: int) -> list[Span]:
        """Entities lying wholly within tokens ``[first, last)``, in order."""
        lo = bisect.bisect_left(self.entity_starts, first)
        hi = bisect.bisect_left(self.entity_starts, last)
        return [e for e in self.ents[lo:hi] if e.end <= last]


#: Indexes of the documents asked for most recently, newest last. Extractors ask for the same document's many
#: times in a row, and a build analyses one document at a time. Bounded, because an index holds its ``Doc``
#: (every ``Token`` does): a cache keyed weakly on the ``Doc`` would keep every document of a corpus alive.
_RECENT: list[DocIndex] = []
#: How many documents' indexes are kept.
RECENT_INDEXES = 4


#: The document asked for last and its index (the newest of :data:`_RECENT`): asked for again nearly every time,
#: by accessors called hundreds of thousands of times a build (``token_at``, ``lower_at``, ``children_of``).
_last_doc: object = object()
_last_index: DocIndex | None = None


def doc_index(doc: Doc) -> DocIndex:
    """The index of ``doc``, built on first use and kept while ``doc`` is among the last few asked for."""
    if doc is _last_doc:
        return _last_index
    return _remembered(doc)


def _remembered(doc: Doc) -> DocIndex:
    """:func:`doc_index` of a document other than the last one asked for: found among :data:`_RECENT`, or built."""
    global _last_doc, _last_index
    index = _found_or_built(doc)
    _last_doc, _last_index = doc, index
    return index


def _found_or_built(doc: Doc) -> DocIndex:
    for k in range(len(_RECENT) - 1, -1, -1):
        if _RECENT[k].doc is doc:
            _RECENT.append(_RECENT.pop(k))
            return _RECENT[-1]
    ents = tuple(doc.ents)
    entity_at = [-1] * len(doc)
    for k, ent in enumerate(ents):
        for i in range(ent.start, ent.end):
            entity_at[i] = k
    starts = tuple(s.start for s in doc.sents) if len(doc) else ()
    index = DocIndex(doc, tuple(doc), ents, tuple(entity_at), tuple(e.start for e in ents), starts)
    _RECENT.append(index)
    del _RECENT[:-RECENT_INDEXES]
    return index


def children_of(token: Token) -> tuple[Token, ...]:
    """``token.children`` in order, from the document's index."""
    return doc_index(token.doc).children[token.i]


#: The order in which a span was added to :class:`Intervals`, from its stored item.
_ORDER_ADDED = operator.itemgetter(1)


class Intervals(Generic[T]):
    """Character spans ``[start, end)`` with a payload, queried by binary search.

    Spans may be added in any order. Queries scan back only as far as the longest span, so a lookup costs the
    number of spans near the query, not the number in the document.
    """

    def __init__(self, spans: "list[tuple[int, int, T]] | None" = None) -> None:
        self._starts: list[int] = []
        self._items: list[tuple[int, int, int, T]] = []  # (start, order added, end, payload)
        self._longest = 0
        self._added = 0
        for start, end, payload in spans or ():
            self.add(start, end, payload)

    def add(self, start: int, end: int, payload: T) -> None:
        at = bisect.bisect_right(self._starts, start)
        self._starts.insert(at, start)
        self._items.insert(at, (start, self._added, end, payload))
        self._added += 1
        self._longest = max(self._longest, end - start)

    def _near(self, start: int, end: int) -> list[tuple[int, int, int, T]]:
        """Spans that begin before ``end`` and may reach ``start``, in order of start."""
        return self._items[bisect.bisect_left(self._starts, start - self._longest) : bisect.bisect_left(self._starts, end)]

    @staticmethod
    def _in_order_added(items: list[tuple[int, int, int, T]]) -> list[T]:
        """The payloads of ``items`` in the order they were added. Speed: sorted after the query's test, not
        before (most queries keep none of the spans near them)."""
        return [item[3] for item in sorted(items, key=_ORDER_ADDED)] if items else []

    def overlapping(self, start: int, end: int) -> list[T]:
        """Payloads of the spans sharing at least one character with ``[start, end)``, in the order added."""
        if end <= start:
            return []
        return self._in_order_added([i for i in self._near(start, end) if i[0] < end and start < i[2] and i[0] < i[2]])

    def holding(self, start: int, end: int) -> list[T]:
        """Payloads of the spans that hold ``[start, end)`` whole, in the order added."""
        return self._in_order_added([i for i in self._near(start, max(end, start + 1)) if i[0] <= start and end <= i[2]])

    def stabbing(self, offset: int) -> list[T]:
        """Payloads of the spans with ``start <= offset < end``, in the order added."""
        return self._in_order_added([i for i in self._near(offset, offset + 1) if i[0] <= offset < i[2]])
